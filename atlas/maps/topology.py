"""Region borders as shared arcs: simplified once, quantised, delta + polyline encoded.

Neighbouring regions share the vertices of their common border in the full-resolution
layer. The border is cut into *arcs* at every vertex where the set of regions owning an
edge changes, so a border between two regions is one arc used by both (once forwards, once
backwards, as in TopoJSON). Each arc is simplified once with Douglas–Peucker in metres, so
neighbours keep identical borders (no gaps, no overlaps) and every original vertex stays
within the tolerance of the simplified border. Coordinates are then rounded to a grid of
``1 / scale`` degrees and written as Google polyline strings of deltas.

The browser decodes it with ``atlas/static/topo.js`` (about 40 lines, no library).

Format (``format == "atlas-arcs-1"``)::

    {"format": "atlas-arcs-1", "scale": 1000,
     "arcs": ["<polyline>", ...],                     # lat/lon deltas, first point absolute
     "regions": [{"iso": "RU-AD", "rings": [[0, -3], ...]}, ...]}

A ring lists arc indices; ``-1 - i`` means arc ``i`` reversed. Longitudes west of 0° are
shifted east by 360° (Chukotka in one piece, see :func:`atlas.crs.shift_antimeridian`).
"""

from __future__ import annotations

import numpy as np
import shapely
from pyproj import Transformer

from atlas.crs import RUSSIA_EQDC, WGS84, shift_antimeridian

FORMAT = "atlas-arcs-1"
TOLERANCE_M = 800.0  # Douglas–Peucker tolerance, metres (the measured error adds the grid)
SCALE = 1000  # grid of 0.001° (≤ 56 m of latitude from a vertex's true place)

_TO_M = Transformer.from_crs(WGS84, RUSSIA_EQDC, always_xy=True)
_TO_DEG = Transformer.from_crs(RUSSIA_EQDC, WGS84, always_xy=True)


def _rings(geom) -> list[np.ndarray]:
    polys = list(geom.geoms) if geom.geom_type == "MultiPolygon" else [geom]
    out = []
    for p in polys:
        for ring in [p.exterior, *p.interiors]:
            xy = np.asarray(ring.coords)[:-1]
            if len(xy) >= 3:
                out.append(xy)
    return out


def _split_ring(keys: list[tuple], owners: dict) -> list[list[tuple]]:
    """Cut one closed ring (without its repeated last point) where the owner set changes."""
    n = len(keys)
    edge_owner = [owners[frozenset((keys[i], keys[(i + 1) % n]))] for i in range(n)]
    cuts = [i for i in range(n) if edge_owner[i] != edge_owner[i - 1]]
    if not cuts:  # an island, or a ring shared whole with one neighbour: start at its min point
        start = min(range(n), key=lambda i: keys[i])
        return [[keys[(start + k) % n] for k in range(n + 1)]]
    pieces = []
    for a, b in zip(cuts, cuts[1:] + [cuts[0] + n]):
        pieces.append([keys[k % n] for k in range(a, b + 1)])
    return pieces


def _dissolved(geoms) -> list:
    """Shifted east of 180° and each region's touching parts merged: Chukotka, cut at 180° in
    the source, becomes one shape with no seam (its neighbours are far from the cut)."""
    # a 1e-6° grid (0.1 m) for every region alike: shared vertices stay shared, and the
    # pieces cut at 180° meet exactly, so they merge
    shifted = shapely.set_precision(shapely.make_valid(shift_antimeridian(geoms)), 1e-6)
    return [shapely.union_all(shapely.get_parts(g)) if g.geom_type == "MultiPolygon" else g
            for g in shifted]


def build_arcs(geoms) -> tuple[list[np.ndarray], list[list[list[int]]]]:
    """Shared arcs (lon/lat arrays) and, per geometry, its rings as signed arc references."""
    rings_by_geom = [[[tuple(p) for p in xy] for xy in _rings(g)] for g in geoms]
    owners: dict[frozenset, frozenset] = {}
    edge_sets: dict[frozenset, set] = {}
    for gi, rings in enumerate(rings_by_geom):
        for keys in rings:
            n = len(keys)
            for i in range(n):
                edge_sets.setdefault(frozenset((keys[i], keys[(i + 1) % n])), set()).add(gi)
    owners = {e: frozenset(s) for e, s in edge_sets.items()}
    arcs: list[list[tuple]] = []
    index: dict[tuple, int] = {}
    refs: list[list[list[int]]] = []
    for rings in rings_by_geom:
        geom_refs = []
        for keys in rings:
            ring_refs = []
            for piece in _split_ring(keys, owners):
                fwd, rev = tuple(piece), tuple(reversed(piece))
                if fwd in index:
                    ring_refs.append(index[fwd])
                elif rev in index:
                    ring_refs.append(-1 - index[rev])
                else:
                    index[fwd] = len(arcs)
                    ring_refs.append(len(arcs))
                    arcs.append(piece)
            geom_refs.append(ring_refs)
        refs.append(geom_refs)
    return [np.asarray(a, dtype=float) for a in arcs], refs


def _simplify(arc: np.ndarray, tolerance_m: float) -> np.ndarray:
    """Douglas–Peucker in metres; endpoints kept, a closed arc keeps at least a triangle."""
    x, y = _TO_M.transform(arc[:, 0], arc[:, 1])
    line = shapely.LineString(np.column_stack([x, y]))
    simple = np.asarray(shapely.simplify(line, tolerance_m, preserve_topology=False).coords)
    closed = np.allclose(arc[0], arc[-1])
    if closed and len(simple) < 4:
        pick = np.linspace(0, len(arc) - 1, 4).round().astype(int)
        return arc[pick]
    lon, lat = _TO_DEG.transform(simple[:, 0], simple[:, 1])
    lon = np.where(lon < 0, lon + 360.0, lon)  # PROJ answers in [-180, 180): shift back east
    out = np.column_stack([lon, lat])
    out[0], out[-1] = arc[0], arc[-1]  # junctions stay exactly where every neighbour has them
    return out


def _polyline(values: np.ndarray) -> str:
    """Google polyline encoding of a flat sequence of integer deltas."""
    chars = []
    for v in values.tolist():
        v = ~(v << 1) if v < 0 else v << 1
        while v >= 0x20:
            chars.append(chr((0x20 | (v & 0x1F)) + 63))
            v >>= 5
        chars.append(chr(v + 63))
    return "".join(chars)


def _unpolyline(text: str) -> list[int]:
    out, shift, acc = [], 0, 0
    for ch in text:
        b = ord(ch) - 63
        acc |= (b & 0x1F) << shift
        shift += 5
        if b < 0x20:
            out.append(~(acc >> 1) if acc & 1 else acc >> 1)
            shift, acc = 0, 0
    return out


def encode_arc(lonlat: np.ndarray, scale: int = SCALE) -> str:
    q = np.round(lonlat * scale).astype(np.int64)
    q = q[np.r_[True, np.any(np.diff(q, axis=0) != 0, axis=1)]]  # drop repeats from rounding
    latlon = q[:, ::-1]
    deltas = np.diff(latlon, axis=0, prepend=[[0, 0]])
    return _polyline(deltas.ravel())


def decode_arc(text: str, scale: int = SCALE) -> np.ndarray:
    """lon/lat array of an encoded arc (the inverse of :func:`encode_arc`, up to the grid)."""
    v = np.asarray(_unpolyline(text), dtype=np.int64).reshape(-1, 2).cumsum(axis=0)
    return v[:, ::-1] / scale


def encode_regions(regions, tolerance_m: float = TOLERANCE_M, scale: int = SCALE,
                   props: tuple[str, ...] = ("iso",)) -> dict:
    """The encoding of a regions GeoDataFrame (full resolution, EPSG:4326)."""
    geoms = _dissolved(regions.geometry.values)
    arcs, refs = build_arcs(geoms)
    encoded = [encode_arc(_simplify(a, tolerance_m), scale) for a in arcs]
    rows = []
    for rec, rings in zip(regions[list(props)].to_dict("records"), refs, strict=True):
        rows.append({**rec, "rings": rings})
    return {"format": FORMAT, "scale": scale, "arcs": encoded, "regions": rows}


def decode_borders(topo: dict) -> list:
    """Each region's rings back from the encoding, as a MultiLineString in lon/lat (shifted)."""
    arcs = [decode_arc(a, topo["scale"]) for a in topo["arcs"]]
    out = []
    for reg in topo["regions"]:
        lines = []
        for ring in reg["rings"]:
            parts = [arcs[i] if i >= 0 else arcs[-1 - i][::-1] for i in ring]
            lines.append(np.concatenate([parts[0]] + [p[1:] for p in parts[1:]]))
        out.append(shapely.MultiLineString(lines))
    return out


def border_error_km(regions, borders) -> tuple[float, str]:
    """Largest Hausdorff distance (km) between each region's full-resolution boundary and
    ``borders`` (one geometry per region, same order, lon/lat with Chukotka shifted east).

    Measured per region in an azimuthal equidistant projection centred on the region, so
    the distances are true to well under 1% across a region.
    """
    from pyproj import CRS

    full = _dissolved(regions.geometry.values)
    worst, where = 0.0, ""
    for iso, a, b in zip(regions.iso, full, borders, strict=True):
        c = a.representative_point()
        local = CRS.from_proj4(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m")
        tr = Transformer.from_crs(WGS84, local, always_xy=True)

        def fwd(xy, tr=tr):
            return np.column_stack(tr.transform(xy[:, 0], xy[:, 1]))

        line = b.boundary if b.geom_type in ("Polygon", "MultiPolygon") else b
        d = shapely.hausdorff_distance(shapely.transform(a.boundary, fwd), shapely.transform(line, fwd)) / 1000
        if d > worst:
            worst, where = d, iso
    return worst, where


def max_border_error_km(regions, topo: dict) -> tuple[float, str]:
    """:func:`border_error_km` of the encoded borders."""
    return border_error_km(regions, decode_borders(topo))
