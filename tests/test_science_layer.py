"""The science layer: every science_centres*.csv, new kinds, the 5 km placement rule.

These tests run the science build step alone (regions + GeoNames + the tables), not the
whole ``atlas build-data``.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import pytest

from atlas.analysis.geodesic import geodesic_km
from atlas.analysis.science import centres_near, centres_within
from atlas.build import monotowns, science
from atlas.build.gazetteer import Gazetteer, load_places
from atlas.build.report import BuildReport
from atlas.paths import sources_dir
from atlas.vocab import SCIENCE_KINDS

NEW_KINDS = ["frc_ras", "ras_regional_centre", "nuclear_centre", "state_research_centre"]
MINE = ["science_centres.csv", "science_centres_academy.csv"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer(load_places())


@pytest.fixture(scope="module")
def reg():
    from atlas.build.natural_earth import load_russia_admin1
    from atlas.build.regions import fix_regions

    table = monotowns.read_csv(sources_dir() / "regions.csv")
    return fix_regions(load_russia_admin1(), table, BuildReport())


@pytest.fixture(scope="module")
def table():
    return science.read_centres(sources_dir())


@pytest.fixture(scope="module")
def built(table, reg, gaz):
    report = BuildReport()
    return science.build_science(table, reg, gaz, report), report


def _row(**overrides) -> dict:
    base = dict(centre_id="x1", name_ru="Х", name_en="", kind="naukograd", city_ru="Обнинск",
                region_iso="RU-KLU", status_from="", status_to="", lat="", lon="", coord_source="",
                source="test source")
    return {**base, **overrides}


def _build(reg, gaz, *rows, report=None):
    return science.build_science(pd.DataFrame(list(rows)), reg, gaz, report or BuildReport())


def _point(gaz, reg, iso, name):
    gn = reg.set_index("iso")["gn_admin1"]
    return gaz.find(gn[iso], name)[0]


def test_new_kinds_have_labels():
    for kind in NEW_KINDS:
        ru, en = SCIENCE_KINDS[kind]
        assert ru.strip() and en.strip() and ru != en
    labels = [v[0] for v in SCIENCE_KINDS.values()]
    assert len(labels) == len(set(labels))


def test_all_science_files_are_read(table):
    files = {p.name for p in sources_dir().glob("science_centres*.csv")}
    assert set(MINE) <= files
    assert set(table.source_file) == files
    assert list(table.columns[:len(science.COLUMNS)]) == science.COLUMNS


def test_every_row_has_a_source_and_known_kind(table):
    assert (table.source.str.strip().str.len() > 5).all()
    assert set(table.kind) <= set(SCIENCE_KINDS)
    given = table.lat != ""
    assert (table.loc[given, "coord_source"].str.len() > 10).all()
    assert ((table.lat != "") == (table.lon != "")).all()


def test_new_kinds_present_with_sources(table):
    mine = table[table.source_file.isin(MINE)]
    counts = mine.kind.value_counts()
    for kind in NEW_KINDS:
        assert counts.get(kind, 0) >= 2, kind
    nuclear = mine[mine.kind == "nuclear_centre"].set_index("city_ru")
    assert set(nuclear.index) == {"Саров", "Снежинск"}
    assert (nuclear.status_from == "1992-02-28").all()
    # the old kinds stay
    assert counts["naukograd"] == 13 and counts["federal_university"] == 10
    assert counts["national_research_university"] == 29


def test_placement_rule_holds_for_every_row(built, gaz, reg):
    gdf, report = built
    table = science.read_centres(sources_dir())
    for r in table[~table.centre_id.isin(gdf.centre_id)].itertuples():  # unplaced rows are named
        assert any(r.name_ru in u for u in report.unmatched), r.centre_id
    mine = table[table.source_file.isin(MINE)]
    assert set(mine.centre_id) <= set(gdf.centre_id)  # all of this helper's rows are placed
    gn = reg.set_index("iso")["gn_admin1"]
    for r in gdf.itertuples():
        hits = gaz.find(gn[r.region_iso], r.city_ru)
        if r.coord_source and r.placement == "coordinates" and hits:
            d = float(geodesic_km(hits[0].lon, hits[0].lat, r.geometry.x, r.geometry.y))
            assert d <= science.PLACEMENT_KM, (r.centre_id, d)
        elif r.placement == "geonames":
            assert hits and (hits[0].lat, hits[0].lon) == (r.geometry.y, r.geometry.x)
        else:  # city_ru not in GeoNames: cited coordinates are required
            assert not hits and r.coord_source, r.centre_id


@pytest.mark.parametrize("cid,iso,parent,min_km", [
    ("at-novosibirsk", "RU-NVS", "Новосибирск", 15), ("nru-nsu", "RU-NVS", "Новосибирск", 15),
    ("ras-siberia", "RU-NVS", "Новосибирск", 15), ("at-krasnoyarsk", "RU-KYA", "Красноярск", 8),
    ("frc-krasnoyarsk", "RU-KYA", "Красноярск", 8), ("at-tomsk", "RU-TOM", "Томск", 5),
    ("nauk-peterhof", "RU-SPE", "Санкт-Петербург", 20),
    ("fu-far-eastern", "RU-PRI", "Владивосток", 8),
    ("nru-miet", "RU-MOW", "Москва", 30),
])
def test_satellites_are_not_at_the_parent_city(built, gaz, reg, cid, iso, parent, min_km):
    gdf, _ = built
    row = gdf.set_index("centre_id").loc[cid]
    p = _point(gaz, reg, iso, parent)
    d = float(geodesic_km(p.lon, p.lat, row.geometry.x, row.geometry.y))
    assert d >= min_km and row.city_ru != parent


def test_coordinates_far_from_city_ru_are_a_build_error(reg, gaz):
    # Akademgorodok's coordinates filed under Novosibirsk: 20 km from its point
    bad = _row(centre_id="x-nsu", name_ru="НГУ", kind="national_research_university",
               city_ru="Новосибирск", region_iso="RU-NVS", lat="54.8430", lon="83.0930",
               coord_source="test")
    with pytest.raises(science.ScienceTableError, match="x-nsu.*city_ru names the wrong place"):
        _build(reg, gaz, bad)
    gdf = _build(reg, gaz, {**bad, "city_ru": "Академгородок"})
    assert gdf.km_from_city_point.iloc[0] <= science.PLACEMENT_KM


def test_uncited_or_half_coordinates_are_rejected(reg, gaz):
    base = _row(lat="55.1", lon="36.6")
    with pytest.raises(science.ScienceTableError, match="without coord_source"):
        _build(reg, gaz, base)
    with pytest.raises(science.ScienceTableError, match="both lat and lon"):
        _build(reg, gaz, {**base, "lon": "", "coord_source": "x"})
    with pytest.raises(science.ScienceTableError, match="no source"):
        _build(reg, gaz, _row(source=""))


def test_status_dates_are_years_months_or_days(reg, gaz):
    assert len(_build(reg, gaz, _row(status_from="1994"))) == 1
    with pytest.raises(science.ScienceTableError, match="status_to «31.12.2020»"):
        _build(reg, gaz, _row(status_to="31.12.2020"))


def test_unplaced_rows_are_reported_by_name(reg, gaz):
    report = BuildReport()
    gdf = _build(reg, gaz, _row(centre_id="x2", name_ru="Институт Нигде", city_ru="Нигдеград"),
                 report=report)
    assert gdf.empty
    assert any("Институт Нигде" in u and "Нигдеград" in u for u in report.unmatched)


def test_duplicate_ids_across_files_are_rejected(tmp_path):
    head = ",".join(science.COLUMNS) + "\n"
    line = "dup-1,А,A,naukograd,Обнинск,RU-KLU,,,,,,some source\n"
    (tmp_path / "science_centres.csv").write_text(head + line, encoding="utf-8")
    extra = tmp_path / "science_centres_extra.csv"
    extra.write_text(head + line.replace("А,A", "Б,B"), encoding="utf-8")
    both = r"dup-1 \(science_centres.csv, science_centres_extra.csv\)"
    with pytest.raises(science.ScienceTableError, match=both):
        science.read_centres(tmp_path)
    extra.write_text(head + line.replace("dup-1", "dup-2"), encoding="utf-8")
    assert len(science.read_centres(tmp_path)) == 2


def test_counts_rows_and_places(built):
    gdf, report = built
    mine = gdf[gdf.source_file.isin(MINE)]
    assert len(mine) == 159
    assert science.distinct_places(mine) == 88
    by_kind = mine.kind.value_counts().to_dict()
    assert by_kind == {
        "state_research_centre": 39, "frc_ras": 37, "national_research_university": 29,
        "naukograd": 13, "ras_centre": 11, "ras_regional_centre": 11, "federal_university": 10,
        "academic_town": 4, "naukograd_lapsed": 3, "nuclear_centre": 2,
    }
    # all science tables together (with the «Приоритет-2030» file) reach the targets
    assert len(gdf) >= 250 and science.distinct_places(gdf) >= 110
    assert report.counts["science_centres_placed"] == len(gdf)
    assert report.counts["science_places_distinct"] == science.distinct_places(gdf)
    for kind in SCIENCE_KINDS:
        assert report.counts[f"science_{kind}"] == int((gdf.kind == kind).sum())


def test_big_city_points_are_listed_as_gaps(built):
    gdf, report = built
    heading = "science: at the GeoNames point of a city"
    gaps = next(v for k, v in report.gaps.items() if k.startswith(heading))
    assert any(g.startswith("nru-mephi ") for g in gaps)  # Moscow, campus site not given
    assert not any(g.startswith(("nru-nsu ", "at-krasnoyarsk ", "nru-miet ")) for g in gaps)


def test_centres_within_50_and_100_km(built):
    gdf, _ = built
    towns = gpd.GeoDataFrame({"name": ["Обнинск-ish", "nowhere"]}, index=["t1", "t2"],
                             geometry=gpd.points_from_xy([36.61, 150.0], [55.11, 70.0]), crs=4326)
    near = centres_within(towns, gdf)
    assert list(near.columns) == ["science_within_50km", "science_ids_50km",
                                  "science_within_100km", "science_ids_100km"]
    ids50 = near.loc["t1", "science_ids_50km"]
    assert {"nauk-obninsk", "gnc-ippe-obninsk"} <= set(ids50)
    assert set(ids50) <= set(near.loc["t1", "science_ids_100km"])
    assert near.loc["t1", "science_within_100km"] >= near.loc["t1", "science_within_50km"]
    assert near.loc["t2", "science_within_100km"] == 0 and near.loc["t2", "science_ids_100km"] == ()
    pairs = centres_near(towns, gdf, 100)
    assert pairs.distance_km.le(100).all() and pairs.groupby("point").distance_km.apply(
        lambda s: s.is_monotonic_increasing).all()
