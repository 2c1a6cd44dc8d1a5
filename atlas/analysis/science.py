"""Distance from towns (or any points) to the nearest science centre."""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.spatial import cKDTree

from atlas.analysis.geodesic import (
    SPHERE_MARGIN, chord_for_km, geodesic_km, km_for_chord, to_xyz, validate_lonlat,
)


@dataclass(frozen=True)
class NearestResult:
    distance_km: np.ndarray
    index: np.ndarray  # position of the nearest target
    within_count: np.ndarray | None = None


def nearest_geodesic(lon, lat, target_lon, target_lat, *, k: int = 2,
                     within_km: float | None = None) -> NearestResult:
    """Nearest target to each point by WGS84 geodesic distance, vectorised and exact.

    Targets sharing a place are one candidate (many centres sit in the same town). A k-d
    tree of unit-sphere vectors over the distinct places (so 180° and the poles are ordinary
    places) gives each point its ``k`` nearest places by chord; one vectorised geodesic pass
    measures the first. When the next place's spherical distance, less the sphere/ellipsoid
    margin, is not above that, the point is unsure and is resolved over more candidates and,
    if still unsure, over every place — so the answer always equals the all-pairs minimum.
    """
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    tlon = np.asarray(target_lon, dtype=float)
    tlat = np.asarray(target_lat, dtype=float)
    validate_lonlat(lon, lat)
    if len(tlon) == 0:
        raise ValueError("no target points to measure against")
    places, first_target = np.unique(np.column_stack([tlon, tlat]), axis=0, return_index=True)
    plon, plat = places[:, 0], places[:, 1]
    n, m = len(lon), len(plon)
    tree = cKDTree(to_xyz(plon, plat))
    pts = to_xyz(lon, lat)
    k = max(1, min(max(k, 2), m))
    chord, idx = tree.query(pts, k=k, workers=-1)
    chord = chord.reshape(n, k)
    idx = idx.reshape(n, k)
    best_idx = idx[:, 0].copy()
    best_km = geodesic_km(lon, lat, plon[best_idx], plat[best_idx])
    if m > 1:  # the second place's lower bound must exceed the first's distance
        unsure = np.flatnonzero(km_for_chord(chord[:, 1]) * (1 - SPHERE_MARGIN) <= best_km)
        if unsure.size:
            _resolve(unsure, lon, lat, plon, plat, tree, pts, best_idx, best_km)
    counts = None
    if within_km is not None:
        counts = count_within(lon, lat, tlon, tlat, within_km)
    return NearestResult(best_km, first_target[best_idx], counts)


def _resolve(unsure, lon, lat, plon, plat, tree, pts, best_idx, best_km, k: int = 8) -> None:
    """Exact nearest place for the unsure points (in place).

    Only the candidates whose spherical lower bound does not exceed the best distance so far
    are measured (usually one or two per point); a point whose k-th candidate could still be
    nearer is measured against every place.
    """
    k = min(k, len(plon))
    chord, idx = tree.query(pts[unsure], k=k)
    chord, idx = chord.reshape(len(unsure), k), idx.reshape(len(unsure), k)
    lower = km_for_chord(chord) * (1 - SPHERE_MARGIN)
    # every column, the first too: on a tie of chords this query may order the places
    # differently from the first one, and the place it puts first must be measured as well
    row, col = np.nonzero(lower <= best_km[unsure, None])
    owner = unsure[row]
    if owner.size:
        cand = idx[row, col]
        d = geodesic_km(lon[owner], lat[owner], plon[cand], plat[cand])
        better = d < best_km[owner]
        # several candidates of one point may beat the first: keep the smallest
        o, dd, cb = owner[better], d[better], cand[better]
        order = np.lexsort((dd, o))
        o, dd, cb = o[order], dd[order], cb[order]
        first = np.r_[True, o[1:] != o[:-1]] if o.size else np.zeros(0, bool)
        best_km[o[first]] = dd[first]
        best_idx[o[first]] = cb[first]
    if k < len(plon):
        still = unsure[lower[:, -1] <= best_km[unsure]]
        if still.size:
            all_d = geodesic_km(lon[still, None], lat[still, None], plon[None, :], plat[None, :])
            best_idx[still] = np.argmin(all_d, axis=1)
            best_km[still] = all_d[np.arange(still.size), best_idx[still]]


def count_within(lon, lat, tlon, tlat, within_km: float, *, tree=None, pts=None) -> np.ndarray:
    """Number of targets within ``within_km`` (geodesic) of each point."""
    tree = tree if tree is not None else cKDTree(to_xyz(tlon, tlat))
    pts = pts if pts is not None else to_xyz(lon, lat)
    radius = chord_for_km(within_km * (1 + SPHERE_MARGIN))
    cands = tree.query_ball_point(pts, r=radius)
    counts = np.zeros(len(pts), dtype=int)
    lengths = np.fromiter((len(c) for c in cands), dtype=int, count=len(cands))
    if lengths.sum() == 0:
        return counts
    owner = np.repeat(np.arange(len(pts)), lengths)
    flat = np.fromiter((j for c in cands for j in c), dtype=int, count=int(lengths.sum()))
    d = geodesic_km(np.asarray(lon)[owner], np.asarray(lat)[owner], np.asarray(tlon)[flat],
                    np.asarray(tlat)[flat])
    np.add.at(counts, owner[d <= within_km], 1)
    return counts


def nearest_science_centre(points: gpd.GeoDataFrame, centres: gpd.GeoDataFrame,
                           kinds: list[str] | None = None, within_km: float | None = None
                           ) -> pd.DataFrame:
    """Per point: ``dist_science_km``, ``nearest_science_id`` (and ``science_within`` count).

    Parameters
    ----------
    points, centres : GeoDataFrames of points in EPSG:4326.
    kinds : science kinds to count as "science" (all kinds if None).
    within_km : also count centres within this geodesic distance.
    """
    chosen = centres if not kinds else centres[centres["kind"].isin(kinds)]
    if chosen.empty:
        raise ValueError(f"no science centres of kinds {kinds}")
    res = nearest_geodesic(points.geometry.x.values, points.geometry.y.values,
                           chosen.geometry.x.values, chosen.geometry.y.values, within_km=within_km)
    out = pd.DataFrame({
        "dist_science_km": np.round(res.distance_km, 3),
        "nearest_science_id": chosen["centre_id"].to_numpy()[res.index],
        "nearest_science_name": chosen["name_ru"].to_numpy()[res.index],
    }, index=points.index)
    if res.within_count is not None:
        out["science_within"] = res.within_count
    return out


def centres_near(points: gpd.GeoDataFrame, centres: gpd.GeoDataFrame, km: float,
                 kinds: list[str] | None = None) -> pd.DataFrame:
    """Every (point, centre) pair closer than ``km`` (WGS84 geodesic), nearest first per point.

    Columns: ``point`` (index label of ``points``), ``centre_id``, ``name_ru``, ``kind``,
    ``distance_km``. Candidates come from a unit-sphere k-d tree with a safety margin; the
    ellipsoidal distance (``pyproj.Geod``) decides.
    """
    chosen = centres if not kinds else centres[centres["kind"].isin(kinds)]
    cols = ["point", "centre_id", "name_ru", "kind", "distance_km"]
    if chosen.empty or points.empty:
        return pd.DataFrame(columns=cols)
    lon, lat = points.geometry.x.to_numpy(), points.geometry.y.to_numpy()
    tlon, tlat = chosen.geometry.x.to_numpy(), chosen.geometry.y.to_numpy()
    validate_lonlat(lon, lat)
    tree = cKDTree(to_xyz(tlon, tlat))
    cands = tree.query_ball_point(to_xyz(lon, lat), r=chord_for_km(km * (1 + SPHERE_MARGIN)))
    lengths = np.fromiter((len(c) for c in cands), dtype=int, count=len(cands))
    if lengths.sum() == 0:
        return pd.DataFrame(columns=cols)
    owner = np.repeat(np.arange(len(lon)), lengths)
    flat = np.fromiter((j for c in cands for j in c), dtype=int, count=int(lengths.sum()))
    d = geodesic_km(lon[owner], lat[owner], tlon[flat], tlat[flat])
    keep = d <= km
    out = pd.DataFrame({
        "point": points.index.to_numpy()[owner[keep]],
        "order": owner[keep],
        "centre_id": chosen["centre_id"].to_numpy()[flat[keep]],
        "name_ru": chosen["name_ru"].to_numpy()[flat[keep]],
        "kind": chosen["kind"].to_numpy()[flat[keep]],
        "distance_km": np.round(d[keep], 1),
    })
    out = out.sort_values(["order", "distance_km", "centre_id"], kind="stable")
    return out.drop(columns="order").reset_index(drop=True)


def centres_within(points: gpd.GeoDataFrame, centres: gpd.GeoDataFrame,
                   km: tuple[float, ...] = (50, 100),
                   kinds: list[str] | None = None) -> pd.DataFrame:
    """Per point, the centres within each radius in ``km`` (for the town card).

    For every radius R the frame has ``science_within_{R}km`` (count) and
    ``science_ids_{R}km`` (tuple of centre_ids, nearest first), indexed like ``points``.
    """
    out = pd.DataFrame(index=points.index)
    pairs = centres_near(points, centres, max(km), kinds) if len(km) else None
    for r in sorted(km):
        sub = pairs[pairs.distance_km <= r] if pairs is not None else pairs
        if sub is not None and len(sub):
            ids = sub.groupby("point", sort=False)["centre_id"].agg(tuple)
        else:
            ids = pd.Series(dtype=object)
        out[f"science_within_{r:g}km"] = [len(ids.get(p, ())) for p in points.index]
        out[f"science_ids_{r:g}km"] = [ids.get(p, ()) for p in points.index]
    return out
