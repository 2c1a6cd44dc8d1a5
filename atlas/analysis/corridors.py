"""Towns along a corridor: offset, side and chainage (route kilometre), with a spatial index.

A corridor is a polyline through waypoints. It is densified along geodesics so each piece is
short (≤ 25 km); a shapely ``STRtree`` over those pieces in a Russia-wide equidistant conic CRS
finds candidate pieces for each point (``dwithin`` with a radius inflated by the projection's
maximum scale error), then the exact offset is the WGS84 geodesic distance to the foot of the
perpendicular on the great-circle piece. Chainage maps the along-line measure to official
route kilometres by linear interpolation between waypoints that carry one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import shapely
from pyproj import Transformer

from atlas.analysis.geodesic import geodesic_km, to_lonlat, to_xyz, validate_lonlat
from atlas.crs import GEOD, RUSSIA_EQDC, WGS84

DENSIFY_KM = 25.0
_TO_EQDC = Transformer.from_crs(WGS84, RUSSIA_EQDC, always_xy=True)


def _max_scale_factor() -> float:
    """Largest linear scale error of RUSSIA_EQDC between 35°N and 85°N (for index radii)."""
    from pyproj import Proj

    lat = np.linspace(35, 85, 101)
    f = Proj(RUSSIA_EQDC).get_factors(np.full_like(lat, 100.0), lat)
    return float(np.max(np.maximum(f.parallel_scale, f.meridional_scale)))


INDEX_INFLATION = _max_scale_factor() * 1.02


@dataclass
class Corridor:
    """An ordered polyline with optional route-kilometre anchors at its vertices."""

    corridor_id: str
    lon: np.ndarray
    lat: np.ndarray
    route_km: np.ndarray | None = None  # per input vertex, NaN where unknown
    name: str = ""
    meta: dict = field(default_factory=dict)

    def __post_init__(self):
        self.lon = np.asarray(self.lon, dtype=float)
        self.lat = np.asarray(self.lat, dtype=float)
        validate_lonlat(self.lon, self.lat)
        if len(self.lon) < 2:
            raise ValueError("a corridor needs at least two vertices")
        legs = geodesic_km(self.lon[:-1], self.lat[:-1], self.lon[1:], self.lat[1:])
        self.leg_km = legs
        self.vertex_measure_km = np.concatenate([[0.0], np.cumsum(legs)])
        if self.route_km is not None:
            self.route_km = np.asarray(self.route_km, dtype=float)

    # -- geometry ---------------------------------------------------------------------------
    @cached_property
    def dense(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Densified vertices (lon, lat, measure_km) along geodesics, ≤ DENSIFY_KM apart."""
        lons, lats, meas = [self.lon[:1]], [self.lat[:1]], [np.zeros(1)]
        for i, leg in enumerate(self.leg_km):
            n = int(np.ceil(leg / DENSIFY_KM)) - 1
            if n > 0:
                mid = np.asarray(GEOD.npts(self.lon[i], self.lat[i], self.lon[i + 1],
                                           self.lat[i + 1], n))
                lons.append(mid[:, 0])
                lats.append(mid[:, 1])
                meas.append(self.vertex_measure_km[i] + leg * np.arange(1, n + 1) / (n + 1))
            lons.append(self.lon[i + 1:i + 2])
            lats.append(self.lat[i + 1:i + 2])
            meas.append(self.vertex_measure_km[i + 1:i + 2])
        return np.concatenate(lons), np.concatenate(lats), np.concatenate(meas)

    @cached_property
    def _pieces(self):
        lon, lat, meas = self.dense
        x, y = _TO_EQDC.transform(lon, lat)
        coords = np.stack([np.stack([x[:-1], y[:-1]], 1), np.stack([x[1:], y[1:]], 1)], 1)
        lines = shapely.linestrings(coords)
        return shapely.STRtree(lines), to_xyz(lon, lat), meas

    @property
    def line_km(self) -> float:
        return float(self.vertex_measure_km[-1])

    @property
    def anchors(self) -> tuple[np.ndarray, np.ndarray]:
        if self.route_km is None:
            return np.array([]), np.array([])
        ok = np.isfinite(self.route_km)
        return self.vertex_measure_km[ok], self.route_km[ok]

    @property
    def route_length_km(self) -> float:
        return float(self.measure_to_route(np.array([self.line_km]))[0])

    # -- chainage -------------------------------------------------------------------------
    def measure_to_route(self, measure_km: np.ndarray) -> np.ndarray:
        """Along-line km -> route km, interpolating between anchors (identity without any)."""
        m_a, r_a = self.anchors
        measure_km = np.asarray(measure_km, dtype=float)
        if len(m_a) == 0:
            return measure_km.copy()
        if len(m_a) == 1:
            return r_a[0] + (measure_km - m_a[0])
        out = np.interp(measure_km, m_a, r_a)
        first_ratio = (r_a[1] - r_a[0]) / max(m_a[1] - m_a[0], 1e-9)
        last_ratio = (r_a[-1] - r_a[-2]) / max(m_a[-1] - m_a[-2], 1e-9)
        before = measure_km < m_a[0]
        after = measure_km > m_a[-1]
        out[before] = r_a[0] - (m_a[0] - measure_km[before]) * first_ratio
        out[after] = r_a[-1] + (measure_km[after] - m_a[-1]) * last_ratio
        return out

    # -- projection of points ---------------------------------------------------------------
    def project(self, lon, lat, within_km: float | None = None) -> pd.DataFrame:
        """Offset, side, along-line measure and chainage of each point.

        With ``within_km`` only points within that geodesic distance are returned (the
        spatial index prunes candidates); without it every point gets its nearest piece.
        """
        lon = np.asarray(lon, dtype=float)
        lat = np.asarray(lat, dtype=float)
        validate_lonlat(lon, lat)
        tree, vxyz, vmeas = self._pieces
        x, y = _TO_EQDC.transform(lon, lat)
        pts = shapely.points(x, y)
        if within_km is None:
            near_pt, near_piece = tree.query_nearest(pts, all_matches=False)
            d_plan = shapely.distance(pts[near_pt], tree.geometries[near_piece])
            radius = d_plan * INDEX_INFLATION ** 2 + 2000.0
            pt_idx, piece_idx = tree.query(pts, predicate="dwithin", distance=radius.max())
            keep = shapely.distance(pts[pt_idx], tree.geometries[piece_idx]) <= radius[pt_idx]
            pt_idx, piece_idx = pt_idx[keep], piece_idx[keep]
        else:
            pt_idx, piece_idx = tree.query(pts, predicate="dwithin",
                                           distance=within_km * 1000.0 * INDEX_INFLATION + 1000.0)
        cols = ["point", "offset_km", "measure_km", "chainage_km", "side"]
        if len(pt_idx) == 0:
            return pd.DataFrame(columns=cols)
        off, meas, side = _foot_on_pieces(lon[pt_idx], lat[pt_idx], vxyz[piece_idx],
                                          vxyz[piece_idx + 1], vmeas[piece_idx], vmeas[piece_idx + 1])
        df = pd.DataFrame({"point": pt_idx, "offset_km": off, "measure_km": meas, "side": side})
        df = df.sort_values(["point", "offset_km"], kind="stable").drop_duplicates("point")
        if within_km is not None:
            df = df[df.offset_km <= within_km]
        df["chainage_km"] = self.measure_to_route(df.measure_km.to_numpy())
        return df[cols].reset_index(drop=True)


def _foot_on_pieces(lon, lat, a, b, m_a, m_b):
    """Exact geodesic offset from points to great-circle pieces a→b, with measure and side."""
    p = to_xyz(lon, lat)
    n = np.cross(a, b)
    n_norm = np.linalg.norm(n, axis=1, keepdims=True)
    n = n / np.where(n_norm == 0, 1, n_norm)
    f = p - np.sum(p * n, axis=1, keepdims=True) * n
    f /= np.maximum(np.linalg.norm(f, axis=1, keepdims=True), 1e-15)
    inside = (np.sum(np.cross(a, f) * n, axis=1) >= 0) & (np.sum(np.cross(f, b) * n, axis=1) >= 0)
    ang_ab = np.arccos(np.clip(np.sum(a * b, axis=1), -1, 1))
    ang_af = np.arccos(np.clip(np.sum(a * f, axis=1), -1, 1))
    t = np.where(ang_ab > 0, ang_af / np.where(ang_ab > 0, ang_ab, 1), 0.0)
    near_a = np.sum(p * a, axis=1) >= np.sum(p * b, axis=1)
    t = np.where(inside, t, np.where(near_a, 0.0, 1.0))
    foot = np.where(inside[:, None], f, np.where(near_a[:, None], a, b))
    flon, flat = to_lonlat(foot)
    offset = geodesic_km(lon, lat, flon, flat)
    measure = m_a + t * (m_b - m_a)
    side = np.where(np.sum(p * n, axis=1) >= 0, "left", "right")
    return offset, measure, side


def corridor_from_linestring(corridor_id: str, geom, name: str = "",
                             route_km: np.ndarray | None = None) -> Corridor:
    """A Corridor from a (Multi)LineString in EPSG:4326 (parts merged in order)."""
    if geom is None or geom.is_empty:
        raise ValueError("the corridor geometry is empty")
    if geom.geom_type == "MultiLineString":
        merged = shapely.line_merge(geom)
        parts = list(getattr(merged, "geoms", [merged]))
        coords = np.concatenate([np.asarray(p.coords)[:, :2] for p in parts])
    elif geom.geom_type == "LineString":
        coords = np.asarray(geom.coords)[:, :2]
    else:
        raise ValueError(f"a corridor must be a line, got {geom.geom_type}")
    keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
    coords = coords[keep]
    return Corridor(corridor_id, coords[:, 0], coords[:, 1], route_km=route_km, name=name)
