"""Layer contracts: regions and monotowns as users rely on them."""

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import Point

import atlas
from atlas.analysis.geodesic import geodesic_km
from atlas.schema import MONOTOWNS, REGIONS

SOURCE_LIST = "geodata/sources/monotowns_1398r.csv"


def test_regions_contract(regions):
    assert list(regions.columns[:4]) == REGIONS[:4]
    assert len(regions) == 85
    assert regions.iso.is_unique
    assert regions.crs.to_epsg() == 4326
    assert shapely.is_valid(regions.geometry.values).all()
    assert regions.federal_district.nunique() == 8
    assert regions.name_ru.str.len().min() > 0 and regions.name_en.str.len().min() > 0


def test_region_fixes(regions):
    r = regions.set_index("iso")
    assert r.at["RU-MOW", "name_ru"] == "Москва"
    assert r.at["RU-MOS", "name_ru"] == "Московская область"
    # Moscow city is small; the oblast is large
    assert r.at["RU-MOW", "geometry"].area < r.at["RU-MOS", "geometry"].area / 10
    assert r.at["RU-ALT", "name_ru"] == "Алтайский край"
    assert r.at["RU-ALT", "wikidataid"] == "Q5942"
    assert r.at["RU-MAG", "name_en"] == "Magadan Oblast"
    assert r.at["RU-YAN", "geometry"].covers(Point(67.3, 68.8)) or \
        r.at["RU-YAN", "geometry"].distance(Point(67.3, 68.8)) < 0.05
    assert not regions.iso.str.contains("~").any()
    assert {"RU-CR", "RU-SEV"} <= set(regions.iso)
    assert not regions.iso.str.startswith("UA").any()


def test_display_geometry_keeps_chukotka_whole_and_borders_shared():
    disp = atlas.load_regions(display=True)
    chu = disp.set_index("iso").at["RU-CHU", "geometry"]
    minx, _, maxx, _ = chu.bounds
    assert maxx - minx < 40, "Chukotka must be drawn across 180°, not 340° wide"
    assert maxx > 180  # the eastern tip is shifted, not wrapped
    kal = disp.set_index("iso").at["RU-KGD", "geometry"]
    assert kal.bounds[0] > 19 and kal.bounds[2] < 23
    assert shapely.is_valid(disp.geometry.values).all()
    # shared borders stay shared: neighbours barely overlap and leave no slivers
    area = shapely.area(disp.geometry.values).sum()
    union = shapely.union_all(disp.geometry.values).area
    assert abs(area - union) / union < 1e-6
    full = atlas.load_regions()
    assert shapely.get_num_coordinates(disp.geometry.values).sum() < \
        shapely.get_num_coordinates(full.geometry.values).sum() / 2


def test_monotowns_contract(towns):
    for col in MONOTOWNS:
        assert col in towns.columns
    assert len(towns) == int(atlas.list_editions().towns.iloc[-1])  # the list in force now
    assert towns.town_id.is_unique
    assert towns.geometry.notna().all() and (towns.geom_type == "Point").all()
    # the order No. 1398-r and its acts, or Rosstat's 2024 tables for the towns no act names (issue #19)
    assert (towns.source.str.contains("1398-р") | towns.source.str.contains("BUL_MO_2024")).all()
    assert towns.category.isin([1, 2, 3]).all()
    assert towns.category_as_of.str.len().min() > 5
    # every town has a Latin name (GeoNames, or a transliteration for the 3 it lacks)
    assert towns.name_en.notna().all() and towns.name_en.str.match(r"^[A-Za-z][A-Za-z' .-]*$").mean() > 0.95


def test_category_counts_equal_the_source_edition():
    src = pd.read_csv(SOURCE_LIST)
    # rows the transcription misses come back as 'added' events of the first act
    ev = pd.read_csv("geodata/sources/monotown_events.csv", dtype=str, keep_default_na=False)
    missing = ev[(ev.act_id == "1398-r-2014-07-29") & (ev.event == "added")].category_to.astype(int)
    first = atlas.load_monotowns(edition="2014")
    expected = pd.concat([src.category, missing]).value_counts().to_dict()
    assert first.category.value_counts().to_dict() == expected
    assert {2: 148, 3: 89, 1: 75}.items() <= {c: n - int((missing == c).sum()) for c, n in expected.items()}.items()


def test_category_changes_are_editions_not_overwrites(towns):
    chelny = towns[towns.name_ru == "Набережные Челны"].iloc[0]
    assert chelny.category_2014 == 3
    assert chelny.category == 1
    # the newest edition is Rosstat's 2024 tables (issue #19); the act that set category 1 stays named
    assert "BUL_MO_2024" in chelny.category_as_of and "668" in chelny.category_acts_as_of
    editions = atlas.io.load_category_editions()
    rows = editions[editions.town_id == chelny.town_id]
    assert set(rows.category) == {1, 3} and rows.source.str.len().min() > 10


def test_every_town_inside_its_region_or_within_10km_of_its_coast(towns, regions):
    by_iso = regions.set_index("iso").geometry
    far = []
    for t in towns.itertuples():
        poly = by_iso[t.region_iso]
        if poly.covers(t.geometry):
            continue
        from shapely.ops import nearest_points

        p = nearest_points(poly, t.geometry)[0]
        d = float(geodesic_km(t.geometry.x, t.geometry.y, p.x, p.y))
        if d > 10:
            far.append((t.name_ru, t.region_iso, round(d, 1)))
    assert far == []


def test_namesakes_land_in_the_right_region(towns):
    z = towns[towns.name_ru == "Железногорск"].set_index("region_iso")
    assert set(z.index) == {"RU-KYA", "RU-KRS"}
    assert z.at["RU-KYA", "geometry"].x > 90 and z.at["RU-KRS", "geometry"].x < 40
    zar = towns[towns.name_ru == "Заречный"].iloc[0]
    assert zar.region_iso == "RU-PNZ" and abs(zar.geometry.y - 53.2) < 0.1
    kir = towns[towns.name_ru == "Кировск"].iloc[0]
    assert kir.region_iso == "RU-MUR" and kir.geometry.y > 67
    kk = towns[towns.name_ru == "Краснокаменск"].iloc[0]
    assert kk.region_iso == "RU-ZAB" and kk.geometry.x > 117
    don = towns[towns.name_ru == "Донецк"].iloc[0]
    assert don.region_iso == "RU-ROS" and 39.5 < don.geometry.x < 40.5 and don.geometry.y > 48
    ros = towns[towns.name_ru == "Россошь"].iloc[0]
    assert abs(ros.geometry.y - 50.2) < 0.1


def test_crimean_towns_use_the_policy_codes(towns):
    crimea = towns[towns.name_ru.isin(["Армянск", "Красноперекопск"])]
    assert len(crimea) == 2 and (crimea.region_iso == "RU-CR").all()


def test_towns_not_in_geonames_come_from_the_cited_table():
    from atlas.io import read_layer

    towns = read_layer("monotowns")  # every town ever listed (Плеханово left the 2024 edition)
    cited = towns[towns.geonameid.isna()]
    assert set(cited.name_ru) == {"Светлогорье", "Теплоозерск", "Плеханово", "Североонежск"}
    assert cited.coord_source.str.len().min() > 20
    assert towns[towns.name_ru == "Светлогорье"].coord_approximate.iloc[0]


def test_distances_present_for_every_town(towns):
    assert towns.dist_science_km.notna().all() and towns.nearest_science_id.notna().all()
    assert (towns.dist_science_km >= 0).all()
    assert towns.nearest_corridor_id.notna().all()
    assert np.isfinite(towns.chainage_km).all()
