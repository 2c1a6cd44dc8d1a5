"""Routes and distances over the Russian rail and road networks (#20)."""

import numpy as np
import pandas as pd
import pytest
import shapely

import atlas
from atlas.analysis.network import SNAP_KM, Network
from atlas.io import get_network, load_corridor_legs, load_corridor_waypoints, load_network_calibration

OFFICIAL_TRANSSIB_KM = 9288  # RZD: Moscow (Yaroslavsky) – Vladivostok


@pytest.fixture(scope="module")
def russia():
    area = shapely.union_all(shapely.make_valid(atlas.load_regions().geometry.values))
    grown = area.buffer(0.05)  # ~5 km: the generalised coast and border
    shapely.prepare(grown)
    return grown


@pytest.fixture(scope="module")
def towns():
    return atlas.load_monotowns("all")


def _waypoint(cid: str, name: str):
    w = load_corridor_waypoints()
    row = w[(w.corridor_id == cid) & (w.name_ru == name)].iloc[0]
    return (row.geometry.x, row.geometry.y), float(row.route_km)


def test_network_layers_are_russian_lines_with_attribution():
    for load in (atlas.load_rail_network, atlas.load_road_network):
        lines = load()
        assert lines.crs.to_epsg() == 4326
        assert set(lines.geom_type) == {"LineString"}
        assert lines.km.sum() > 50_000  # tens of thousands of km, not a sample
    from atlas.policy import ATTRIBUTION, SHORT_ATTRIBUTION

    assert "OpenStreetMap" in ATTRIBUTION["en"] and "ODbL" in ATTRIBUTION["ru"]
    assert "OpenStreetMap" in SHORT_ATTRIBUTION


def test_moscow_vladivostok_by_rail_is_near_the_official_length_and_stays_in_russia(russia):
    vvo, _ = _waypoint("transsib", "Владивосток")
    r = atlas.rail_route("Москва", vvo)
    assert r is not None
    assert abs(r.km - OFFICIAL_TRANSSIB_KM) / OFFICIAL_TRANSSIB_KM < 0.05
    xy = np.asarray(r.line.coords)
    assert shapely.contains_xy(russia, xy[:, 0], xy[:, 1]).all()
    # the world graph's shortest path runs through Harbin (126.6E 45.8N): nowhere near it
    assert np.min(np.hypot(xy[:, 0] - 126.6, xy[:, 1] - 45.8)) > 3


def test_the_calibration_is_fitted_without_the_trans_siberian():
    cal = load_network_calibration().set_index("mode")
    assert "transsib" not in cal.loc["rail", "fitted_on"]
    assert 1.0 < cal.loc["rail", "factor"] < 1.1
    r = atlas.rail_route("Москва", _waypoint("transsib", "Владивосток")[0])
    assert r.km == pytest.approx(r.graph_km * cal.loc["rail", "factor"])


def test_a_bam_leg_matches_its_kilometre_posts():
    a, km_a = _waypoint("bam", "Тайшет")
    b, km_b = _waypoint("bam", "Северобайкальск")
    r = atlas.rail_route(a, b)
    assert abs(r.km - (km_b - km_a)) / (km_b - km_a) < 0.05


def test_norilsk_reaches_dudinka_by_rail_but_not_moscow(towns):
    r = atlas.rail_route("Норильск", "port_dudinka")
    assert r is not None
    (lon_n, lat_n), _ = atlas.api.resolve_place("Норильск")
    (lon_d, lat_d), _ = atlas.api.resolve_place("port_dudinka")
    from atlas.analysis.geodesic import geodesic_km

    crow = float(geodesic_km(lon_n, lat_n, lon_d, lat_d))
    assert crow < r.km < 2 * crow
    assert atlas.rail_route("Норильск", "Москва") is None
    n = towns[towns.name_ru == "Норильск"].iloc[0]
    assert n.rail_nearest_port_id == "port_dudinka"
    assert n.rail_km_to_port == pytest.approx(r.km, abs=0.2)
    assert pd.isna(n.rail_km_to_moscow)  # never a crow-fly stand-in


def test_nearest_node_on_a_fragment_does_not_strand_a_town():
    net = get_network("rail")
    (lon, lat), _ = atlas.api.resolve_place("Норильск")
    snaps = net.candidates([lon], [lat])[0]
    comps = [int(net.component[net.u[s.edge]]) for s in snaps]
    # the nearest edge may be a fragment; a reachable component lies within the tolerance
    dudinka = net.candidates(*[[v] for v in atlas.api.resolve_place("port_dudinka")[0]])[0]
    target = {int(net.component[net.u[s.edge]]) for s in dudinka}
    assert target & set(comps)


def test_unreachable_destinations_are_empty_not_straight_lines(towns):
    far = towns[towns.rail_access_km > SNAP_KM["rail"]]
    assert len(far) > 0
    assert far.rail_km_to_moscow.isna().all() and far.rail_km_to_port.isna().all()
    linked = towns[towns.rail_km_to_moscow.notna()]
    from atlas.analysis.geodesic import geodesic_km
    from atlas.build.network import MOSCOW

    crow = geodesic_km(linked.geometry.x, linked.geometry.y, *MOSCOW)
    assert (linked.rail_km_to_moscow.to_numpy() >= crow - 1).all()  # a network km is never shorter
    # a place far from any line: no route at all
    assert atlas.rail_route((100.0, 66.0), "Москва") is None


def test_town_columns_agree_with_a_route_query(towns):
    t = towns[towns.rail_km_to_moscow.notna()].sort_values("town_id").iloc[::60]
    for row in t.itertuples():
        r = atlas.rail_route((row.geometry.x, row.geometry.y), "Москва")
        assert r is not None
        assert r.km == pytest.approx(row.rail_km_to_moscow, rel=0.01, abs=1.0)


def test_rail_corridors_follow_the_rail_network():
    net = get_network("rail")
    legs = load_corridor_legs()
    rail = legs[legs.corridor_id.isin(["transsib", "bam"]) & legs.routed]
    assert len(rail) > 100
    pts = shapely.line_interpolate_point(rail.geometry.values, np.linspace(0, 1, 7)[:, None],
                                         normalized=True).ravel()
    d = net.access_km(shapely.get_x(pts), shapely.get_y(pts))
    assert np.max(d) < 3.0
    lines = atlas.load_corridors().set_index("corridor_id")
    assert not lines.loc["transsib", "schematic"]
    assert lines.loc["transsib", "routed_span_km"] == pytest.approx(OFFICIAL_TRANSSIB_KM, rel=0.05)


def test_chainage_stays_on_the_kilometre_posts():
    c = atlas.io.get_corridor("transsib")
    for name in ("Пермь", "Новосибирск", "Иркутск", "Чита"):
        (lon, lat), km = _waypoint("transsib", name)
        # the waypoint is a town point; its foot on the track carries the cited kilometre
        assert atlas.chainage_km(c, lon, lat) == pytest.approx(km, abs=5)
    _, r = c.anchors
    assert r[0] == 0 and r[-1] == OFFICIAL_TRANSSIB_KM


def test_unrouted_legs_are_listed_and_straight():
    legs = load_corridor_legs()
    bad = legs[~legs.routed & legs.corridor_id.isin(["r297"])]
    assert len(bad) > 0
    assert (shapely.get_num_coordinates(bad.geometry.values) == 2).all()
    lines = atlas.load_corridors().set_index("corridor_id")
    assert lines.loc["r297", "unrouted_legs"] and lines.loc["r297", "schematic"]


def test_network_on_a_toy_graph_snaps_to_the_component_that_reaches():
    # two parallel lines 0.02° apart; the nearer one is a fragment
    lon = np.array([0.0, 0.1, 0.0, 1.0])
    lat = np.array([60.02, 60.02, 60.0, 60.0])
    net = Network("rail", lon, lat, [1, 1, 0, 0], [0, 2], [1, 3], [5.6, 55.8])
    r = net.route((0.05, 60.03), (0.9, 60.0))
    assert r is not None and r.graph_km == pytest.approx(55.8 * 0.85, rel=0.02)
    assert net.route((0.05, 60.03), (5.0, 60.0)) is None  # too far from any line


def test_colour_by_network_km_greys_towns_without_a_link(towns):
    from atlas.maps.live import LiveOptions, town_classes
    from atlas.maps.palettes import UNKNOWN_COLOUR

    shown = atlas.load_monotowns()
    assert shown.rail_km_to_moscow.isna().any() and shown.rail_km_to_moscow.notna().any()
    cls, palette, legend = town_classes(shown, LiveOptions(colour="rail_km_to_moscow"))
    grey = [palette[c] == UNKNOWN_COLOUR for c in cls]
    assert grey == shown.rail_km_to_moscow.isna().tolist()
    assert legend["items"][-1][0] == UNKNOWN_COLOUR
    # the folium maps (Corridors page, exports) colour the same way
    from atlas.maps.layers import MapOptions, town_colours

    fills, _ = town_colours(shown, MapOptions(town_colour="rail_km_to_moscow"))
    assert [f == UNKNOWN_COLOUR for f in fills] == grey


def test_a_partly_routed_corridor_draws_its_straight_legs_dashed():
    import re

    from atlas.maps import MapData, MapOptions, build_map

    lines = atlas.load_corridors()
    sel = lines[lines.corridor_id == "r297"]
    html = build_map(MapData(towns=atlas.load_monotowns().iloc[0:0], corridors=sel,
                             corridor_legs=load_corridor_legs()), ["corridors"],
                     MapOptions(selected_corridor="r297")).get_root().render()
    dashes = re.findall(r'"_dash":\s*(null|"8 5")', html)
    assert sorted(dashes) == ['"8 5"', "null"]  # one solid (routed) part, one dashed part


def test_an_uploaded_line_keeps_its_own_name_and_mode_in_the_legend():
    import geopandas as gpd

    from atlas.maps import MapData, MapOptions, build_map

    line = shapely.LineString([(37.6, 55.7), (39.7, 47.2)])
    own = gpd.GeoDataFrame({"corridor_id": ["user"], "name_ru": ["<b>Депо — порт</b>"],
                            "name_en": ["<b>Depot to port</b>"], "mode": ["road"]},
                           geometry=[line], crs=4326)
    m = build_map(MapData(towns=atlas.load_monotowns().iloc[0:0], corridors=own), ["corridors"],
                  MapOptions(lang="en", selected_corridor="user"))
    html = m.get_root().render()
    assert "&lt;b&gt;Depot to port&lt;/b&gt; (Road)" in html
    assert "Multimodal" not in html and "<b>Depot to port</b>" not in html
