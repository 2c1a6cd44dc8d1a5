"""Towns along a corridor: offset, side and chainage (route kilometre), with a spatial index.

A corridor is a polyline through waypoints. Each leg is split along its great circle into
pieces of at most ``DENSIFY_KM``. The piece vertices go into a k-d tree of unit vectors, so
the index has no projection, no scale error and no antimeridian seam. A point can only be
within X km of a piece if one of the piece's ends is within X + ½·(longest piece) of it; the
tree returns those vertices, their adjacent pieces are the candidates, and the exact offset
is the WGS84 geodesic distance to the foot of the perpendicular on the great-circle piece.
Chainage maps the along-line measure to official route kilometres by linear interpolation
between waypoints that carry one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from atlas.analysis.geodesic import (
    SPHERE_MARGIN,
    chord_for_km,
    geodesic_km,
    km_for_chord,
    to_lonlat,
    to_xyz,
    validate_lonlat,
)

DENSIFY_KM = 25.0
# Margin (km) on top of the sphere/ellipsoid factor, for rounding in the chord arithmetic.
INDEX_SLACK_KM = 0.5
RESULT_COLUMNS = ["point", "offset_km", "measure_km", "chainage_km", "side"]
SIDES = ["left", "right"]


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
    def _dense_xyz(self) -> tuple[np.ndarray, np.ndarray]:
        """Unit vectors of the densified vertices and their along-line measure (km).

        Each leg gets ``ceil(leg / DENSIFY_KM) - 1`` intermediate points spaced evenly along
        its great circle (spherical linear interpolation); the measure splits the leg's
        geodesic length in the same proportion.
        """
        a = to_xyz(self.lon[:-1], self.lat[:-1])
        b = to_xyz(self.lon[1:], self.lat[1:])
        n_pieces = np.maximum(np.ceil(self.leg_km / DENSIFY_KM).astype(int), 1)
        leg = np.repeat(np.arange(len(n_pieces)), n_pieces)
        first = np.concatenate([[0], np.cumsum(n_pieces)[:-1]])
        t = (np.arange(len(leg)) - first[leg]) / n_pieces[leg]
        omega = np.arccos(np.clip(np.sum(a * b, axis=1), -1.0, 1.0))[leg]
        sin_o = np.sin(omega)
        safe = sin_o > 1e-12
        wa = np.where(safe, np.sin((1 - t) * omega) / np.where(safe, sin_o, 1), 1 - t)
        wb = np.where(safe, np.sin(t * omega) / np.where(safe, sin_o, 1), t)
        xyz = wa[:, None] * a[leg] + wb[:, None] * b[leg]
        xyz /= np.linalg.norm(xyz, axis=1, keepdims=True)
        meas = self.vertex_measure_km[leg] + t * self.leg_km[leg]
        xyz = np.vstack([xyz, b[-1:]])
        meas = np.concatenate([meas, self.vertex_measure_km[-1:]])
        return xyz, meas

    @cached_property
    def index(self) -> CorridorIndex:
        """A spatial index over this corridor alone."""
        return CorridorIndex([self])

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
        return self.index.query(lon, lat, within_km)[RESULT_COLUMNS]


class CorridorIndex:
    """One k-d tree over the densified vertices of one or more corridors.

    ``query(lon, lat, within_km=X)`` gives one row per (point, corridor) pair within X km;
    ``query(lon, lat)`` gives each point's nearest corridor. Rows carry ``corridor_id``,
    ``point`` (position in the input), ``offset_km``, ``measure_km``, ``chainage_km`` and
    ``side`` (left/right of the direction of travel).
    """

    def __init__(self, corridors):
        self.corridors = list(corridors)
        if not self.corridors:
            raise ValueError("no corridors to index")
        parts = [c._dense_xyz for c in self.corridors]
        self.xyz = np.vstack([xyz for xyz, _ in parts])
        self.measure = np.concatenate([m for _, m in parts])
        self.owner = np.repeat(np.arange(len(parts)), [len(m) for _, m in parts])
        chords = np.linalg.norm(np.diff(self.xyz, axis=0), axis=1)
        self.piece_ok = self.owner[:-1] == self.owner[1:]
        self.half_piece_km = float(km_for_chord(chords[self.piece_ok].max())) / 2
        self.tree = cKDTree(self.xyz)
        longest_first = np.argsort([-c.line_km for c in self.corridors], kind="stable")
        self.tie_rank = np.empty(len(self.corridors), dtype=int)
        self.tie_rank[longest_first] = np.arange(len(self.corridors))

    def _candidates(self, p: np.ndarray, within_km: float | None) -> tuple[np.ndarray, np.ndarray]:
        """(point, piece) pairs that can hold the point's nearest piece (or any within X).

        A piece within D of a point has an end within D + ½·(longest piece) of it, and the
        spherical distance differs from the geodesic one by less than ``SPHERE_MARGIN``.
        """
        grow = (1 + SPHERE_MARGIN) / (1 - SPHERE_MARGIN)
        slack = self.half_piece_km + INDEX_SLACK_KM
        if within_km is None:
            d, _ = self.tree.query(p, k=1)
            pts = np.arange(len(p))
            radius = chord_for_km(km_for_chord(d) * grow + slack)
        else:
            radius = chord_for_km(within_km * grow + slack)
            d, _ = self.tree.query(p, k=1, distance_upper_bound=radius)
            pts = np.flatnonzero(np.isfinite(d))
        if len(pts) == 0:
            return np.array([], dtype=np.intp), np.array([], dtype=np.intp)
        hits = self.tree.query_ball_point(p[pts], radius, return_sorted=False)
        counts = np.fromiter(map(len, hits), dtype=np.intp, count=len(hits))
        vert = np.fromiter(chain.from_iterable(hits), dtype=np.intp, count=int(counts.sum()))
        owner = np.repeat(pts, counts)
        n_pieces = len(self.piece_ok)
        # each vertex touches the piece before it and the piece after it
        piece = np.concatenate([vert - 1, vert])
        owner = np.concatenate([owner, owner])
        ok = (piece >= 0) & (piece < n_pieces)
        ok[ok] = self.piece_ok[piece[ok]]
        key = np.unique(owner[ok] * n_pieces + piece[ok])
        return key // n_pieces, key % n_pieces

    def query(self, lon, lat, within_km: float | None = None) -> pd.DataFrame:
        lon = np.asarray(lon, dtype=float).ravel()
        lat = np.asarray(lat, dtype=float).ravel()
        validate_lonlat(lon, lat)
        if within_km is not None and not within_km >= 0:
            raise ValueError("within_km must be ≥ 0")
        pt_idx, piece_idx = (self._candidates(to_xyz(lon, lat), within_km) if len(lon)
                             else (np.array([], dtype=np.intp),) * 2)
        p = to_xyz(lon[pt_idx], lat[pt_idx])
        foot, t, left, sph = _foot_on_pieces(p, self.xyz[piece_idx], self.xyz[piece_idx + 1])
        cor = self.owner[piece_idx]
        # one answer per point (nearest corridor) or per (point, corridor) pair within X
        group = pt_idx if within_km is None else pt_idx * len(self.corridors) + cor
        # spherical prefilter: the geodesic best must be within the sphere/ellipsoid factor
        # of the spherical best, and within X / (1 - margin) on the sphere
        _, inv = np.unique(group, return_inverse=True)
        gmin = np.full(inv.max() + 1 if len(inv) else 0, np.inf)
        np.minimum.at(gmin, inv, sph)
        grow = (1 + SPHERE_MARGIN) / (1 - SPHERE_MARGIN)
        keep = sph <= gmin[inv] * grow + 1e-9
        if within_km is not None:
            keep &= sph <= within_km / (1 - SPHERE_MARGIN) + 1e-9
        pt_idx, piece_idx, foot, t, left, cor, group = (
            x[keep] for x in (pt_idx, piece_idx, foot, t, left, cor, group))
        flon, flat = to_lonlat(foot)
        off = geodesic_km(lon[pt_idx], lat[pt_idx], flon, flat)
        meas = self.measure[piece_idx] + t * (self.measure[piece_idx + 1] - self.measure[piece_idx])
        # corridors that share track tie (offsets compared to 1 m); the longest line wins
        order = np.lexsort((self.tie_rank[cor], np.round(off, 3), group))
        first = np.ones(len(order), dtype=bool)
        first[1:] = group[order][1:] != group[order][:-1]
        best = order[first]
        if within_km is not None:
            best = best[off[best] <= within_km]
        chainage = np.empty(len(best))
        for k in np.unique(cor[best]):
            sel = cor[best] == k
            chainage[sel] = self.corridors[k].measure_to_route(meas[best][sel])
        side = pd.Categorical.from_codes(np.where(left[best], 0, 1), categories=SIDES)
        ids = np.array([c.corridor_id for c in self.corridors], dtype=object)
        return pd.DataFrame({"corridor_id": ids[cor[best]], "point": pt_idx[best],
                             "offset_km": off[best], "measure_km": meas[best],
                             "chainage_km": chainage, "side": side})


def _foot_on_pieces(p, a, b):
    """Foot of the perpendicular from unit vectors ``p`` on great-circle pieces a→b.

    Returns the foot (unit vectors), its fraction ``t`` along the piece, whether ``p`` is
    left of the direction a→b, and the great-circle distance to the foot on the mean sphere.
    """
    n = np.cross(a, b)
    n_norm = np.linalg.norm(n, axis=1, keepdims=True)
    n = n / np.where(n_norm == 0, 1, n_norm)
    pn = np.sum(p * n, axis=1)
    f = p - pn[:, None] * n
    f /= np.maximum(np.linalg.norm(f, axis=1, keepdims=True), 1e-15)
    inside = (np.sum(np.cross(a, f) * n, axis=1) >= 0) & (np.sum(np.cross(f, b) * n, axis=1) >= 0)
    inside &= n_norm[:, 0] > 0  # a piece of zero length has no perpendicular: its end is the foot
    ang_ab = np.arccos(np.clip(np.sum(a * b, axis=1), -1, 1))
    ang_af = np.arccos(np.clip(np.sum(a * f, axis=1), -1, 1))
    t = np.where(ang_ab > 0, ang_af / np.where(ang_ab > 0, ang_ab, 1), 0.0)
    near_a = np.sum(p * a, axis=1) >= np.sum(p * b, axis=1)
    t = np.where(inside, t, np.where(near_a, 0.0, 1.0))
    foot = np.where(inside[:, None], f, np.where(near_a[:, None], a, b))
    sphere_km = km_for_chord(np.linalg.norm(p - foot, axis=1))
    return foot, t, pn >= 0, sphere_km


# parts of a user's line whose ends are closer than this (degrees, ~1 m) touch
TOUCH_DEG = 1e-5


class CorridorParts:
    """A line of separate parts that do not form one route: each part keeps its own chainage.

    Nothing joins the parts. ``project`` gives each point its nearest part (column ``part``,
    1-based in file order), with the chainage measured along that part from its start.
    """

    def __init__(self, corridor_id: str, parts: list[Corridor], name: str = ""):
        if len(parts) < 2:
            raise ValueError("CorridorParts needs at least two parts")
        self.corridor_id = corridor_id
        self.parts = parts
        self.name = name
        self.meta: dict = {"parts": len(parts), "chained": False}
        self.route_km = None
        self.leg_km = np.concatenate([p.leg_km for p in parts])

    @cached_property
    def index(self) -> CorridorIndex:
        return CorridorIndex(self.parts)

    @property
    def line_km(self) -> float:
        return float(sum(p.line_km for p in self.parts))

    @property
    def route_length_km(self) -> float:
        return self.line_km

    @property
    def anchors(self) -> tuple[np.ndarray, np.ndarray]:
        return np.array([]), np.array([])

    def project(self, lon, lat, within_km: float | None = None) -> pd.DataFrame:
        res = self.index.query(lon, lat, within_km)
        part = {p.corridor_id: k for k, p in enumerate(self.parts, start=1)}
        res["part"] = res.corridor_id.map(part).astype(int)
        # one row per point: its nearest part (ties to the lower part number)
        res = res.sort_values(["point", "offset_km", "part"], kind="stable")
        res = res[~res.point.duplicated()].sort_values("point", kind="stable")
        return res[RESULT_COLUMNS + ["part"]].reset_index(drop=True)


def _clean(coords: np.ndarray) -> np.ndarray:
    coords = np.asarray(coords, dtype=float)[:, :2]
    keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
    return coords[keep]


def corridor_from_parts(corridor_id: str, parts: list, name: str = "") -> Corridor | CorridorParts:
    """One Corridor when the parts meet end to start in the order given, else CorridorParts.

    ``parts`` are vertex arrays (n × 2, lon/lat) or LineStrings, in file order. Parts are never
    joined by a leg nobody drew: consecutive parts are chained only where the end of one is the
    start of the next (within ``TOUCH_DEG``).
    """
    arrays = [_clean(np.asarray(getattr(p, "coords", p))) for p in parts]
    arrays = [a for a in arrays if len(a) >= 2]
    if not arrays:
        raise ValueError("the line has no part with two distinct vertices")
    if len(arrays) == 1:
        return Corridor(corridor_id, arrays[0][:, 0], arrays[0][:, 1], name=name)
    touches = all(np.abs(a[-1] - b[0]).max() <= TOUCH_DEG for a, b in zip(arrays[:-1], arrays[1:]))
    if touches:
        coords = _clean(np.vstack([arrays[0]] + [b[1:] for b in arrays[1:]]))
        c = Corridor(corridor_id, coords[:, 0], coords[:, 1], name=name)
        c.meta.update({"parts": len(arrays), "chained": True})
        return c
    return CorridorParts(corridor_id, [Corridor(f"{corridor_id}-{k}", a[:, 0], a[:, 1])
                                       for k, a in enumerate(arrays, start=1)], name=name)


def corridor_from_linestring(corridor_id: str, geom, name: str = "",
                             route_km: np.ndarray | None = None) -> Corridor | CorridorParts:
    """A Corridor from a LineString in EPSG:4326; a MultiLineString's parts are kept apart
    unless they meet end to start in order (see :func:`corridor_from_parts`)."""
    if geom is None or geom.is_empty:
        raise ValueError("the corridor geometry is empty")
    if geom.geom_type == "MultiLineString":
        if route_km is not None:
            raise ValueError("route kilometres need a single LineString")
        return corridor_from_parts(corridor_id, list(geom.geoms), name=name)
    if geom.geom_type != "LineString":
        raise ValueError(f"a corridor must be a line, got {geom.geom_type}")
    coords = np.asarray(geom.coords)[:, :2]
    keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
    if route_km is not None:
        route_km = np.asarray(route_km, dtype=float)[keep]
    coords = coords[keep]
    return Corridor(corridor_id, coords[:, 0], coords[:, 1], route_km=route_km, name=name)
