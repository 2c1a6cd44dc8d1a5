"""Map HTML: one GeoJSON layer for towns, legends, offline assets, escaping."""

import json
import re

import pytest

import atlas
from atlas.analysis.filters import TownFilter
from atlas.maps import LAYERS, MapData, MapOptions, build_map
from atlas.maps.popups import esc

EVIL = "O'Brien \"Q\" `tick` back\\slash <script>alert(1)</script>"


def json_strings(html: str, key: str) -> list[str]:
    """Every decoded string value of ``key`` in the GeoJSON embedded in the map HTML."""
    return [json.loads(v) for v in re.findall(rf'"{key}":\s*("(?:[^"\\]|\\.)*")', html)]


@pytest.fixture(scope="module")
def data():
    return MapData(towns=atlas.load_monotowns(), regions=atlas.load_regions(display=True),
                   science=atlas.load_science_centres(), corridors=atlas.load_corridors(),
                   nodes=atlas.load_logistics_nodes())


def test_registry_has_every_layer_kind():
    assert {"regions", "choropleth", "towns", "toser", "science", "corridors"} <= set(LAYERS)


def test_towns_are_one_geojson_layer(data):
    html = build_map(data, ["regions", "towns"]).get_root().render()
    assert html.count("L.circleMarker") <= 3
    assert html.count('"town_id"') == len(data.towns)  # the list in force now


def test_legends_and_attribution(data):
    html = build_map(data, ["regions", "towns", "toser", "choropleth"],
                     MapOptions(choropleth_metric="share_cat1")).get_root().render()
    assert "GeoNames (CC BY 4.0)" in html
    assert "1 \\u2014" in html or "1 —" in html  # category legend
    assert "NaturalBreaks" in html


def test_no_cdn_in_map_when_localized(data):
    from atlas.maps.assets import localize

    m = build_map(data, ["regions", "towns"])
    localize(m)
    html = m.get_root().render()
    assert not re.search(r'<script[^>]+src="https?://', html)
    assert not re.search(r'<link[^>]+href="https?://', html)
    assert "/app/static/vendor/leaflet/leaflet.js" in html


@pytest.mark.parametrize("bad", [EVIL, "</script><b>x", "\\u003c", "${alert(1)}"])
def test_escaping_every_value(data, bad):
    towns = data.towns.head(3).copy()
    towns.loc[towns.index[0], "name_ru"] = bad
    towns.loc[towns.index[0], "anchor_enterprise"] = bad
    html = build_map(MapData(towns=towns, regions=data.regions), ["regions", "towns"]).get_root().render()
    assert "<script>alert(1)" not in html
    assert "</script><b>x" not in html
    assert html.count("<script") == html.count("</script>")
    # town names and card values travel as plain text, which the page puts into text nodes
    # (atlas.maps.cards.TownCards): the browser receives exactly the user's string
    assert bad in json_strings(html, "_name")
    rows = json.loads(re.search(r'"_rows":\s*(\[\[.*?\]\])', html).group(1))
    assert bad in [r[1] for r in rows]
    assert "textContent" in html and "innerHTML" not in html.split("TownCards")[-1][:3000]


@pytest.mark.parametrize("bad", [EVIL, "</script><b>x"])
def test_user_points_layer_marks_the_band_and_escapes_names(data, bad):
    import geopandas as gpd
    from shapely.geometry import Point

    from atlas.maps.layers import POINT_IN, POINT_OUT

    pts = gpd.GeoDataFrame({"Название": [bad, "Тайга"], "in_band": [True, False]},
                           geometry=[Point(82.9, 55.0), Point(100, 70)], crs=4326)
    html = build_map(MapData(towns=data.towns.iloc[0:0], regions=data.regions, points=pts),
                     ["regions", "towns", "points"]).get_root().render()
    assert "<script>alert(1)" not in html and "</script><b>x" not in html
    assert html.count("<script") == html.count("</script>")
    assert json_strings(html, "_tip")[-2:] == [f"<b>{esc(bad)}</b><br>в полосе", "<b>Тайга</b><br>вне полосы"]
    assert html.count(POINT_IN) >= 2 and html.count(POINT_OUT) >= 2  # one point + legend each
    assert "Ваши точки" in html or json.dumps("Ваши точки")[1:-1] in html  # the legend


def test_corridors_are_dashed_only_where_schematic(data):
    cor = data.corridors.copy()
    # routed over the network where every leg was found (#20); others stay schematic
    assert not cor.set_index("corridor_id").loc["transsib", "schematic"]
    html = build_map(MapData(towns=data.towns.iloc[0:0], corridors=cor), ["corridors"]).get_root().render()
    assert json_strings(html, "_dash") == ["8 5"] * int(cor.schematic.sum())
    cor["schematic"] = True
    html = build_map(MapData(towns=data.towns.iloc[0:0], corridors=cor), ["corridors"]).get_root().render()
    assert json_strings(html, "_dash") == ["8 5"] * len(cor)
    cor.loc[cor.corridor_id == "transsib", "schematic"] = False  # e.g. a surveyed line
    html = build_map(MapData(towns=data.towns.iloc[0:0], corridors=cor), ["corridors"]).get_root().render()
    assert json_strings(html, "_dash") == ["8 5"] * (len(cor) - 1)
    assert re.search(r'"_dash":\s*null', html)


def test_band_is_drawn_only_when_asked(data):
    def render(band_km):
        opt = MapOptions(corridor_band_km=band_km, selected_corridor="bam")
        return build_map(MapData(towns=data.towns.iloc[0:0], corridors=data.corridors), ["corridors"],
                         opt).get_root().render()

    with_band, without = render(50), render(None)
    assert "#CC3311" in with_band and "#CC3311" not in without
    assert "Polygon" in with_band and "Polygon" not in without


def test_filter_and_query_round_trip():
    f = TownFilter(categories=[1], toser="yes", regions=["RU-KEM"], population_min=1000, name="Юрга",
                   toser_year_min=2016, toser_year_max=2016)
    g = TownFilter.from_query(f.to_query())
    assert g == f
    towns = atlas.load_monotowns()
    shown = f.apply(towns)
    assert list(shown.name_ru) == ["Юрга"]
    assert TownFilter.from_query({"categories": "1,x,9", "toser": "maybe"}).categories == [1]
