"""The coordinate rule: when a user's (lon, lat) is read as (lat, lon), and when it is not.

Points, row by row. A row is read exchanged only when all of these hold:

* as given, the point lies outside Russia's extent (the atlas's region borders widened by ¼°);
* as given, it does not lie in a neighbouring country (Kazakhstan, Mongolia, China, Belarus …:
  Natural Earth, layer ``neighbours``) — a real point near the border is never moved;
* as given, it is not within reach of the uploaded line (``reach_km``, when a line is known);
* exchanged, it lies inside Russia's extent.

Rows impossible either way (latitude beyond ±90°, longitude beyond ±360°, empty, NaN) are skipped.

Lines, as a whole (all parts together). With ``g`` the share of vertices inside Russia as given
and ``s`` the share once exchanged: exchanged when ``s - g >= CLEAR_MARGIN``; kept when
``g - s >= CLEAR_MARGIN`` or nothing fits exchanged; otherwise the two readings are too close to
call and the reader is asked (:class:`AmbiguousLine`), unless an order was chosen.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import shapely

EXTENT_STEP_DEG = 0.25
CLEAR_MARGIN = 0.5
LINE_ORDERS = ("auto", "lonlat", "latlon")


@lru_cache(maxsize=1)
def _extent_grid() -> tuple[np.ndarray, float, float]:
    """Boolean grid (lat × lon, quarter degree) of cells touching Russia widened by ¼°."""
    from atlas import io as atlas_io

    regions = atlas_io.load_regions(display=True)
    russia = shapely.union_all(shapely.simplify(regions.geometry.values, 0.02))
    russia = russia.buffer(EXTENT_STEP_DEG, quad_segs=2)
    shapely.prepare(russia)
    step = EXTENT_STEP_DEG
    lat0, lat1 = 35.0, 90.0
    lon_edges = np.arange(0.0, 360.0, step)
    lat_edges = np.arange(lat0, lat1, step)
    x, y = np.meshgrid(lon_edges, lat_edges)
    cells = shapely.box(x.ravel(), y.ravel(), x.ravel() + step, y.ravel() + step)
    grid = shapely.intersects(russia, cells).reshape(x.shape)
    # the region borders run 19°..191°E: a cell east of 180° also answers for its twin at −180°
    return grid, lat0, step


def possible(lon, lat) -> np.ndarray:
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    return np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 360)


def in_russia_extent(lon, lat) -> np.ndarray:
    """True where (lon, lat) lies inside Russia's extent (see the module docstring)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    out = np.zeros(lon.shape, dtype=bool)
    ok = possible(lon, lat)
    grid, lat0, step = _extent_grid()
    i = np.floor((lat[ok] - lat0) / step).astype(int)
    j = np.floor(np.mod(lon[ok], 360.0) / step).astype(int) % grid.shape[1]
    inside = (i >= 0) & (i < grid.shape[0])
    res = np.zeros(len(i), dtype=bool)
    res[inside] = grid[i[inside], j[inside]]
    out[ok] = res
    return out


@lru_cache(maxsize=1)
def _neighbours():
    from atlas import io as atlas_io

    geom = shapely.union_all(atlas_io.load_neighbours().geometry.values)
    shapely.prepare(geom)
    return geom


def in_neighbour_country(lon, lat) -> np.ndarray:
    """True where (lon, lat) lies in one of Russia's neighbouring countries."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    out = np.zeros(lon.shape, dtype=bool)
    ok = possible(lon, lat)
    if ok.any():
        pts = shapely.points(np.mod(lon[ok] + 180.0, 360.0) - 180.0, lat[ok])
        out[ok] = shapely.contains_xy(_neighbours(), *shapely.get_coordinates(pts).T)
    return out


def near_line(lon, lat, line, reach_km: float) -> np.ndarray:
    """True where (lon, lat) lies within ``reach_km`` (geodesic) of ``line``."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    out = np.zeros(lon.shape, dtype=bool)
    ok = possible(lon, lat)
    if line is None or not ok.any():
        return out
    from atlas.crs import GEOD

    pts = shapely.points(lon[ok], lat[ok])
    # the nearest point in degrees is close enough to the nearest on the ellipsoid for a reach test
    nearest = shapely.get_coordinates(shapely.shortest_line(pts, line))
    a, b = nearest[0::2], nearest[1::2]
    _, _, dist = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    out[ok] = np.asarray(dist) / 1000.0 <= reach_km
    return out


def decide_points(lon, lat, exchange: bool = True, line=None, reach_km: float = 0.0, order: str = "auto"
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The per-row rule: (lon, lat, exchanged, rejected, held) for coordinates as given.

    ``held``: rows that exchanged would lie in Russia but were kept as given because they lie in
    a neighbouring country or near the line. ``order="latlon"`` reads every row exchanged,
    ``"lonlat"`` (or ``exchange=False``) none.
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    swap = np.zeros(lon.shape, dtype=bool)
    held = np.zeros(lon.shape, dtype=bool)
    if order == "latlon":
        swap = np.ones(lon.shape, dtype=bool)
    elif exchange and order == "auto":
        swap = ~in_russia_extent(lon, lat) & possible(lat, lon)
        idx = np.flatnonzero(swap)
        if len(idx):
            swap[idx] = in_russia_extent(lat[idx], lon[idx])
        candidates = swap.copy()
        for test in (lambda i: ~in_neighbour_country(lon[i], lat[i]),
                     lambda i: ~near_line(lon[i], lat[i], line, reach_km)):
            idx = np.flatnonzero(swap)
            if len(idx):
                swap[idx] = test(idx)
        held = candidates & ~swap & possible(lon, lat)
    out_lon = np.where(swap, lat, lon)
    out_lat = np.where(swap, lon, lat)
    rejected = ~possible(out_lon, out_lat)
    return out_lon, out_lat, swap, rejected, held


class AmbiguousLine(Exception):
    """Both readings of a line fit Russia about as well; the reader has to choose."""

    def __init__(self, given: float, exchanged: float):
        super().__init__(f"{given:.0%} of the vertices in Russia as given, {exchanged:.0%} exchanged")
        self.given, self.exchanged = given, exchanged


def line_shares(parts: list[np.ndarray]) -> tuple[float, float]:
    """Shares of all vertices (finite and possible) inside Russia as given and exchanged."""
    coords = np.vstack([p for p in parts if len(p)]) if parts else np.empty((0, 2))
    coords = coords[np.isfinite(coords).all(axis=1)]
    if not len(coords):
        return 0.0, 0.0
    given = in_russia_extent(coords[:, 0], coords[:, 1]).mean()
    exchanged = in_russia_extent(coords[:, 1], coords[:, 0]).mean()
    return float(given), float(exchanged)


def decide_line_order(parts: list[np.ndarray], order: str = "auto") -> bool:
    """Whether to read every part of a line exchanged; raises :class:`AmbiguousLine` when
    ``order="auto"`` and the two readings are too close to call."""
    if order not in LINE_ORDERS:
        raise ValueError(f"order must be one of {LINE_ORDERS}")
    if order != "auto":
        return order == "latlon"
    given, exchanged = line_shares(parts)
    if exchanged - given >= CLEAR_MARGIN:
        return True
    if given - exchanged >= CLEAR_MARGIN or exchanged == 0:
        return False
    raise AmbiguousLine(given, exchanged)
