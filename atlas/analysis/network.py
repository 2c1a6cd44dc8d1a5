"""Routes and distances over the Russian rail and main-road networks.

A :class:`Network` holds one mode's graph inside Russia (nodes, undirected edges with the
graph's own km) and a calibration factor (official km per graph km, fitted at build time
on the corridors' cited kilometre posts). Every km it reports is graph km × factor.

Snapping. A point joins the network at a node within ``snap_km`` (geodesic). The nearest
node may sit on a fragment that reaches nothing (Норильск: a 3-node piece 2 km away while
the Norilsk–Dudinka line is 3 km away), so the atlas takes the nearest node *whose component
reaches the destination*, still within ``snap_km``. Beyond the tolerance there is no network
link and the distance is empty — never a crow-fly stand-in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import shapely
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import dijkstra
from scipy.spatial import cKDTree

from atlas.analysis.corridors import _foot_on_pieces
from atlas.analysis.geodesic import chord_for_km, geodesic_km, km_for_chord, to_lonlat, to_xyz

MODES = ("rail", "road")
# How far a town, port, border crossing or waypoint may be from the network to join it (km).
SNAP_KM = {"rail": 25.0, "road": 25.0}
# Edge index: sample points at most this far apart along every edge (km).
SAMPLE_KM = 2.0


def edge_matrix(n: int, u, v, km) -> csr_matrix:
    """Symmetric sparse adjacency; zero-length edges get a tiny positive weight (scipy would
    read an explicit 0 as 'no edge')."""
    w = np.maximum(np.asarray(km, dtype=float), 1e-6)
    m = coo_matrix((np.concatenate([w, w]), (np.concatenate([u, v]), np.concatenate([v, u]))),
                   shape=(n, n)).tocsr()
    m.sum_duplicates()
    return m


@dataclass
class Snap:
    """Where a point joins the network: edge ``edge`` at fraction ``t`` from its ``u`` end."""

    edge: int
    t: float
    km: float  # geodesic km from the point to the foot on the edge
    lon: float
    lat: float


@dataclass
class Route:
    """A route over one network: km (calibrated), the graph's own km, the line and the snaps."""

    mode: str
    km: float
    graph_km: float
    line: shapely.LineString
    snap_from_km: float
    snap_to_km: float
    meta: dict = field(default_factory=dict)


class Network:
    """One mode's Russian graph with an edge index for snapping and Dijkstra for distances."""

    def __init__(self, mode: str, lon, lat, component, u, v, km, factor: float = 1.0):
        self.mode = mode
        self.lon = np.asarray(lon, dtype=float)
        self.lat = np.asarray(lat, dtype=float)
        self.component = np.asarray(component)
        self.u = np.asarray(u, dtype=np.int64)
        self.v = np.asarray(v, dtype=np.int64)
        self.km = np.asarray(km, dtype=float)
        self.factor = float(factor)
        self.n = len(self.lon)
        self.matrix = edge_matrix(self.n, self.u, self.v, self.km)
        self.xyz = to_xyz(self.lon, self.lat)
        self.snap_km = SNAP_KM.get(mode, 10.0)
        # sample points along every edge (ends included) index the edges for snapping
        chord = km_for_chord(np.linalg.norm(self.xyz[self.u] - self.xyz[self.v], axis=1))
        n_s = np.maximum(np.ceil(chord / SAMPLE_KM).astype(int), 1)
        edge = np.repeat(np.arange(len(self.u)), n_s + 1)
        first = np.concatenate([[0], np.cumsum(n_s + 1)[:-1]])
        t = (np.arange(len(edge)) - first[edge]) / n_s[edge]
        pts = (1 - t)[:, None] * self.xyz[self.u[edge]] + t[:, None] * self.xyz[self.v[edge]]
        self.sample_edge = edge
        self.sample_gap_km = float((chord / n_s).max()) if len(chord) else 0.0
        self.tree = cKDTree(pts / np.linalg.norm(pts, axis=1, keepdims=True))

    @classmethod
    def from_tables(cls, mode, nodes, edges, factor: float = 1.0) -> Network:
        return cls(mode, nodes.lon_e3.to_numpy() / 1000.0, nodes.lat_e3.to_numpy() / 1000.0,
                   nodes.component.to_numpy(), edges.u.to_numpy(), edges.v.to_numpy(),
                   edges.km.to_numpy(dtype=float), factor)

    # -- snapping ----------------------------------------------------------------------------
    def candidates(self, lon, lat, snap_km: float | None = None) -> list[list[Snap]]:
        """Per point: every edge within the tolerance, as a :class:`Snap`, nearest first."""
        tol = self.snap_km if snap_km is None else snap_km
        lon = np.atleast_1d(np.asarray(lon, dtype=float))
        lat = np.atleast_1d(np.asarray(lat, dtype=float))
        radius = chord_for_km(tol * 1.01 + self.sample_gap_km / 2 + 0.5)
        xyz = to_xyz(lon, lat)
        out = []
        for i in range(len(lon)):
            hits = np.asarray(self.tree.query_ball_point(xyz[i], radius), dtype=np.int64)
            out.append(self._snaps(lon[i], lat[i], np.unique(self.sample_edge[hits]), tol))
        return out

    def _snaps(self, lon: float, lat: float, edges: np.ndarray, tol: float) -> list[Snap]:
        if len(edges) == 0:
            return []
        p = np.repeat(to_xyz(np.array([lon]), np.array([lat])), len(edges), axis=0)
        foot, t, _, _ = _foot_on_pieces(p, self.xyz[self.u[edges]], self.xyz[self.v[edges]])
        flon, flat = to_lonlat(foot)
        km = geodesic_km(lon, lat, flon, flat)
        order = np.argsort(km, kind="stable")
        return [Snap(int(edges[k]), float(t[k]), float(km[k]), float(flon[k]), float(flat[k]))
                for k in order if km[k] <= tol]

    def access_km(self, lon, lat) -> np.ndarray:
        """Geodesic km from each point to the nearest line of the network (any component)."""
        lon = np.atleast_1d(np.asarray(lon, dtype=float))
        lat = np.atleast_1d(np.asarray(lat, dtype=float))
        d, _ = self.tree.query(to_xyz(lon, lat), k=1)
        out = np.empty(len(lon))
        for i in range(len(lon)):
            radius = chord_for_km(km_for_chord(d[i]) * 1.01 + self.sample_gap_km / 2 + 0.5)
            hits = np.asarray(self.tree.query_ball_point(to_xyz(lon[i], lat[i]), radius), dtype=np.int64)
            edges = np.unique(self.sample_edge[hits])
            snaps = self._snaps(lon[i], lat[i], edges, np.inf)
            out[i] = snaps[0].km
        return out

    def _edge_ends(self, s: Snap) -> tuple[tuple[int, float], tuple[int, float]]:
        e = s.edge
        return (int(self.u[e]), s.t * self.km[e]), (int(self.v[e]), (1 - s.t) * self.km[e])

    # -- distances -----------------------------------------------------------------------------
    def point_sources(self, snaps: list[Snap]) -> tuple[np.ndarray, np.ndarray]:
        """Graph km from the nearest of the snapped destinations to every node, and which one
        (index into ``snaps``; -1 where none reaches)."""
        n = self.n
        if not snaps:
            return np.full(n, np.inf), np.full(n, -1)
        # one virtual node per destination, tied to its edge's two ends
        rows, cols, w = [], [], []
        for k, s in enumerate(snaps):
            for node, km in self._edge_ends(s):
                rows.append(n + k)
                cols.append(node)
                w.append(km)
        m = len(snaps)
        a = self.matrix.tocoo()
        w = np.maximum(np.asarray(w, dtype=float), 1e-6)
        big = coo_matrix((np.concatenate([a.data, w, w]),
                          (np.concatenate([a.row, rows, cols]), np.concatenate([a.col, cols, rows]))),
                         shape=(n + m, n + m)).tocsr()
        dist, _, which = dijkstra(big, directed=False, indices=np.arange(n, n + m), min_only=True,
                                  return_predecessors=True)
        which = np.where(np.isfinite(dist), which - n, -1)
        return dist[:n], which[:n]

    def distances_to(self, lon, lat, dest: list[Snap]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Calibrated network km from each point to the nearest destination.

        Returns (km, index into ``dest``, snap km); NaN / -1 where no edge within the tolerance
        reaches any destination. The point joins at its nearest edge that does reach one.
        """
        dist, which = self.point_sources(dest)
        n = len(np.atleast_1d(lon))
        km, best, snap = np.full(n, np.nan), np.full(n, -1), np.full(n, np.nan)
        for i, snaps in enumerate(self.candidates(lon, lat)):
            for s in snaps:
                (nu, ku), (nv, kv) = self._edge_ends(s)
                du, dv = dist[nu] + ku, dist[nv] + kv
                if np.isfinite(min(du, dv)):
                    end = nu if du <= dv else nv
                    km[i] = min(du, dv) * self.factor
                    best[i] = which[end]
                    snap[i] = s.km
                    break
        return km, best, snap

    def snap_pair(self, a, b, snap_km: float | None = None) -> tuple[Snap, Snap] | None:
        """Snaps for a and b on one component, within the tolerance: the component with the
        smallest total snap distance."""
        ca, cb = self.candidates([a[0], b[0]], [a[1], b[1]], snap_km)
        best = None
        first_b: dict[int, Snap] = {}
        for s in cb:
            first_b.setdefault(int(self.component[self.u[s.edge]]), s)
        seen = set()
        for s in ca:
            c = int(self.component[self.u[s.edge]])
            if c in seen or c not in first_b:
                continue
            seen.add(c)
            key = s.km + first_b[c].km
            if best is None or key < best[0]:
                best = (key, s, first_b[c])
        return None if best is None else (best[1], best[2])

    def route(self, a, b, snap_km: float | None = None) -> Route | None:
        """The shortest route from a to b ((lon, lat) each) inside Russia, or None."""
        pair = self.snap_pair(a, b, snap_km)
        if pair is None:
            return None
        sa, sb = pair
        if sa.edge == sb.edge:  # both on one edge: along it
            g = abs(sa.t - sb.t) * self.km[sa.edge]
            coords = np.array([[sa.lon, sa.lat], [sb.lon, sb.lat]])
        else:
            (au, aku), (av, akv) = self._edge_ends(sa)
            (bu, bku), (bv, bkv) = self._edge_ends(sb)
            dist, pred = dijkstra(self.matrix, directed=False, indices=[au, av],
                                  return_predecessors=True)
            options = [(aku + dist[0, bu] + bku, 0, bu), (aku + dist[0, bv] + bkv, 0, bv),
                       (akv + dist[1, bu] + bku, 1, bu), (akv + dist[1, bv] + bkv, 1, bv)]
            g, row, end = min(options)
            if not np.isfinite(g):
                return None
            start = (au, av)[row]
            path = [end]
            while path[-1] != start:
                path.append(int(pred[row, path[-1]]))
            path = path[::-1]
            coords = np.vstack([[sa.lon, sa.lat],
                                np.column_stack([self.lon[path], self.lat[path]]),
                                [sb.lon, sb.lat]])
        keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
        coords = coords[keep]
        if len(coords) == 1:
            coords = np.vstack([coords, coords])
        return Route(self.mode, float(g) * self.factor, float(g), shapely.linestrings(coords),
                     sa.km, sb.km)
