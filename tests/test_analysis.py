"""Distances and corridor geometry against independent references."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import LineString

import atlas
from atlas.analysis.corridors import Corridor, CorridorIndex
from atlas.analysis.geodesic import geodesic_km
from atlas.analysis.science import count_within, nearest_geodesic

GEOD = Geod(ellps="WGS84")
lons = st.floats(-180, 180, allow_nan=False)
lats = st.floats(-85, 85, allow_nan=False)


def test_geodesic_matches_pyproj_per_pair():
    pairs = [(37.62, 55.75, 131.9, 43.1), (179.5, 65.0, -179.5, 65.0), (20.5, 54.7, 177.5, 64.7)]
    for lon1, lat1, lon2, lat2 in pairs:
        ref = GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000
        assert geodesic_km(lon1, lat1, lon2, lat2) == pytest.approx(ref, rel=1e-9)
    # Moscow–Vladivostok is about 6,430 km
    assert 6400 < geodesic_km(37.62, 55.75, 131.9, 43.1) < 6460


def test_nearest_across_the_antimeridian():
    # a point just west of 180° is nearest to a centre just east of it, not to one 5° away
    res = nearest_geodesic([179.9], [66.0], [-179.9, 175.0], [66.0, 66.0])
    assert res.index[0] == 0
    assert res.distance_km[0] == pytest.approx(GEOD.inv(179.9, 66, -179.9, 66)[2] / 1000)
    assert res.distance_km[0] < 10


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(lons, lats), min_size=1, max_size=30),
       st.lists(st.tuples(lons, lats), min_size=1, max_size=25))
def test_nearest_equals_brute_force(points, targets):
    p = np.array(points)
    t = np.array(targets)
    res = nearest_geodesic(p[:, 0], p[:, 1], t[:, 0], t[:, 1], k=3, within_km=500)
    brute = geodesic_km(p[:, 0, None], p[:, 1, None], t[None, :, 0], t[None, :, 1])
    np.testing.assert_allclose(res.distance_km, brute.min(axis=1), rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(res.within_count, (brute <= 500).sum(axis=1))


def test_count_within_in_the_arctic():
    n = count_within([100.0], [89.5], [0.0, 180.0, 100.0], [89.5, 89.5, 80.0], 200)
    assert n[0] == 2


def test_nearest_rejects_swapped_coordinates():
    with pytest.raises(ValueError, match="swapped"):
        nearest_geodesic([55.7], [137.6], [37.6], [55.7])


def _reference_offset_km(line_lonlat, lon, lat, step_km=0.2):
    """Independent reference: densify the line along geodesics and take the minimum."""
    best = np.inf
    for (x1, y1), (x2, y2) in zip(line_lonlat[:-1], line_lonlat[1:]):
        n = int(GEOD.inv(x1, y1, x2, y2)[2] / 1000 / step_km)
        # a leg shorter than one step (e.g. two vertices clipped to the same latitude) has no
        # intermediate points: pyproj refuses npts=0
        pts = [(x1, y1)] + (GEOD.npts(x1, y1, x2, y2, n) if n > 0 else []) + [(x2, y2)]
        arr = np.array(pts)
        d = GEOD.inv(np.full(len(arr), lon), np.full(len(arr), lat), arr[:, 0], arr[:, 1])[2] / 1000
        best = min(best, d.min())
    return best


def test_offsets_match_a_densified_geodesic_reference():
    line = [(60.6, 56.8), (61.4, 55.2), (63.0, 54.5)]
    c = Corridor("t", [p[0] for p in line], [p[1] for p in line])
    rng = np.random.default_rng(1)
    lon = rng.uniform(59, 64, 40)
    lat = rng.uniform(54, 57.5, 40)
    res = c.project(lon, lat).set_index("point")
    for i in range(40):
        ref = _reference_offset_km(line, lon[i], lat[i])
        assert res.at[i, "offset_km"] == pytest.approx(ref, rel=0.005, abs=0.3)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**32 - 1), st.floats(5, 120))
def test_index_finds_exactly_the_points_within_x(seed, within):
    """The k-d tree pruning keeps every point an exhaustive geodesic search puts within X."""
    rng = np.random.default_rng(seed)
    n_vert = int(rng.integers(2, 5))
    lon0, lat0 = rng.uniform(-180, 180), rng.uniform(-60, 75)
    line = list(zip(lon0 + np.cumsum(rng.uniform(-2, 2, n_vert)),
                    np.clip(lat0 + np.cumsum(rng.uniform(-1.5, 1.5, n_vert)), -80, 80)))
    c = Corridor("r", [p[0] for p in line], [p[1] for p in line])
    lon = lon0 + rng.uniform(-4, 8, 60)
    lat = np.clip(lat0 + rng.uniform(-4, 6, 60), -85, 85)
    ref = np.array([_reference_offset_km(line, x, y, step_km=2) for x, y in zip(lon, lat)])
    found = set(c.project(lon, lat, within_km=within).point)
    clear = np.abs(ref - within) > 0.005 * within + 0.3  # the reference itself is ±0.5 %
    assert {i for i in np.flatnonzero(clear) if ref[i] <= within} == found & set(np.flatnonzero(clear))


def test_one_index_over_all_corridors_agrees_with_each_corridor(towns):
    from atlas.io import corridor_objects, load_corridor_waypoints

    cors = corridor_objects(atlas.load_corridors(), load_corridor_waypoints())
    lon, lat = towns.geometry.x.to_numpy(), towns.geometry.y.to_numpy()
    index = CorridorIndex(cors)
    together = index.query(lon, lat, within_km=60)
    for c in cors:
        alone = c.project(lon, lat, within_km=60).set_index("point")
        mine = together[together.corridor_id == c.corridor_id].set_index("point")
        assert set(mine.index) == set(alone.index), c.corridor_id
        assert np.allclose(mine.loc[alone.index, "chainage_km"], alone.chainage_km)
    # nearest corridor: the minimum over corridors of each corridor's own nearest offset
    nearest = index.query(lon, lat).set_index("point").sort_index()
    per = np.column_stack([c.project(lon, lat).sort_values("point").offset_km for c in cors])
    assert np.allclose(nearest.offset_km, per.min(axis=1), atol=1e-6)
    assert len(nearest) == len(towns)


def test_chainage_increases_along_a_line_and_uses_anchors():
    c = Corridor("t", [30, 31, 32, 33], [60, 60, 60, 60], route_km=[0, np.nan, np.nan, 200])
    lon = np.linspace(30.05, 32.95, 30)
    res = c.project(lon, np.full(30, 60.1)).sort_values("point")
    assert np.all(np.diff(res.chainage_km.to_numpy()) > 0)
    assert res.chainage_km.iloc[-1] < 200 and res.chainage_km.iloc[0] > 0
    # anchors rescale the line's ~167 km to the 200 route km
    assert c.route_length_km == pytest.approx(200)
    assert set(res.side) == {"left"}  # north of an eastbound line is on its left


def test_corridor_across_the_antimeridian():
    c = Corridor("nsr", [175.0, 179.0, -178.0, -174.0], [70.0, 70.5, 70.5, 70.0])
    res = c.project([-179.8], [70.4])
    assert res.offset_km.iloc[0] < 15
    assert 150 < res.measure_km.iloc[0] < 250


def test_towns_along_the_transsib(towns):
    along = atlas.towns_along("Транссиб", 50)
    assert {"Тайга", "Усолье-Сибирское", "Черемхово", "Спасск-Дальний"} <= set(along.name_ru)
    assert np.all(np.diff(along.chainage_km.to_numpy()) >= 0)
    assert along.offset_km.max() <= 50
    assert set(along.side) <= {"left", "right"}
    # Novosibirsk's official kilometre post is 3,336 (anchor); the city is on the line
    assert atlas.chainage_km("transsib", 82.92, 55.03) == pytest.approx(3336, abs=15)


def test_towns_along_a_users_line_equals_the_same_line_by_id():
    lines = atlas.load_corridors()
    geom = lines[lines.corridor_id == "r255"].geometry.iloc[0]
    a = atlas.towns_along(LineString(geom.coords), 40)
    b = atlas.towns_along("r255", 40)
    assert set(a.town_id) == set(b.town_id)


def test_nearest_on_ties_of_chords_equals_brute_force():
    """Points and targets on a whole-degree grid near (0, 0): many targets tie by chord, and the
    second k-d tree query may order them differently from the first (it did, 11 times in 3,000)."""
    rng = np.random.default_rng(0)
    for _ in range(3000):
        p = rng.integers(-3, 4, (3, 2)).astype(float)
        t = rng.integers(-3, 4, (6, 2)).astype(float)
        res = nearest_geodesic(p[:, 0], p[:, 1], t[:, 0], t[:, 1], k=3)
        brute = geodesic_km(p[:, 0, None], p[:, 1, None], t[None, :, 0], t[None, :, 1]).min(axis=1)
        np.testing.assert_allclose(res.distance_km, brute, rtol=1e-9, atol=1e-9)
