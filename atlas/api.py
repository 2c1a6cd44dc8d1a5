"""Corridor questions for planners: towns along a corridor and the chainage of any point."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.analysis.corridors import (
    Corridor,
    CorridorParts,
    corridor_from_linestring,
    corridor_from_parts,
)
from atlas.io import get_corridor, load_monotowns


def as_corridor(corridor) -> Corridor | CorridorParts:
    """A Corridor from an id or name, a Corridor, a line geometry or a GeoDataFrame of lines.

    Several lines (rows, or parts of a MultiLineString) become one Corridor only when each
    ends where the next begins, in the order given; otherwise a :class:`CorridorParts` keeps
    them apart, each with its own chainage. No connecting leg is ever invented.
    """
    if isinstance(corridor, Corridor | CorridorParts):
        return corridor
    if isinstance(getattr(corridor, "lines", None), gpd.GeoDataFrame):  # an uploads.LineUpload
        corridor = corridor.lines
    if isinstance(corridor, str):
        return get_corridor(corridor)
    if isinstance(corridor, gpd.GeoDataFrame | gpd.GeoSeries):
        geoms = corridor.to_crs(4326).geometry if corridor.crs else corridor.geometry
        if len(geoms) == 0:
            raise ValueError("the corridor file has no features")
        parts = []
        for g in geoms.values:
            if g is None or g.is_empty:
                continue
            parts += list(g.geoms) if g.geom_type == "MultiLineString" else [g]
        if not parts:
            raise ValueError("the corridor file has no lines")
        return corridor_from_parts("user", parts)
    if hasattr(corridor, "geom_type"):
        return corridor_from_linestring("user", corridor)
    raise TypeError("corridor must be an id/name, a Corridor, a line geometry or a GeoDataFrame")


RESULT_NAMES = ("corridor_id", "chainage_km", "offset_km", "side", "part")


def result_names(columns) -> dict[str, str]:
    """Names of the atlas's result columns next to the given point columns.

    The atlas's columns are ``corridor_id``, ``chainage_km``, ``offset_km``, ``side`` (and
    ``part`` for a line of separate parts). Where the points already have a column of that
    name, theirs is kept unchanged and the atlas's is called ``atlas_<name>`` (then
    ``atlas2_<name>``, … if that is taken too).
    """
    taken = {str(c) for c in columns}
    out = {}
    for name in RESULT_NAMES:
        new, k = name, 1
        while new in taken:
            new = f"atlas{'' if k == 1 else k}_{name}"
            k += 1
        out[name] = new
        taken.add(new)
    return out


def _atlas_towns(pts) -> bool:
    """The atlas's own town table: its stored nearest-corridor chainage is replaced, not kept."""
    return {"town_id", "nearest_corridor_id", "dist_corridor_km"} <= set(pts.columns)


def towns_along(corridor, within_km: float, points: gpd.GeoDataFrame | None = None) -> gpd.GeoDataFrame:
    """Towns (or your own points) within ``within_km`` of a corridor, in route order.

    Parameters
    ----------
    corridor : corridor id or name (e.g. ``"transsib"``, ``"Транссиб"``), a shapely line, a
        GeoDataFrame of lines, or a :class:`Corridor`.
    within_km : half-width of the corridor band, geodesic km.
    points : point GeoDataFrame (EPSG:4326); the monotowns by default.

    Returns the matching rows with ``chainage_km`` (route kilometre), ``offset_km`` and
    ``side`` (left/right of the direction of travel), sorted by chainage.

    Examples
    --------
    >>> along = towns_along("transsib", 50)                      # doctest: +SKIP
    >>> along[["name_ru", "chainage_km", "offset_km", "side"]].head()  # doctest: +SKIP
    """
    if within_km < 0:
        raise ValueError("within_km must be ≥ 0")
    c = as_corridor(corridor)
    pts = load_monotowns() if points is None else points
    if _atlas_towns(pts):
        pts = pts.drop(columns=["chainage_km"], errors="ignore")
    if pts.crs is not None and pts.crs.to_epsg() != 4326:
        pts = pts.to_crs(4326)
    res = c.project(pts.geometry.x.values, pts.geometry.y.values, within_km=within_km)
    names = result_names(pts.columns)
    out = pts.iloc[res.point.to_numpy(dtype=int)].copy()
    out[names["corridor_id"]] = c.corridor_id
    out[names["chainage_km"]] = np.round(res.chainage_km.to_numpy(dtype=float), 1)
    out[names["offset_km"]] = np.round(res.offset_km.to_numpy(dtype=float), 2)
    out[names["side"]] = res.side.to_numpy()
    order = [names["chainage_km"]]
    if "part" in res:
        out[names["part"]] = res.part.to_numpy()
        order = [names["part"]] + order
    out = out.sort_values(order, kind="stable")
    out.attrs["atlas_columns"] = {k: v for k, v in names.items() if v in out.columns}
    return out


def chainage_km(corridor, lon: float, lat: float) -> float:
    """Route kilometre of the point on ``corridor`` nearest to (lon, lat)."""
    c = as_corridor(corridor)
    res = c.project(np.array([lon]), np.array([lat]))
    return float(res.chainage_km.iloc[0])


def corridor_summary(corridor) -> pd.Series:
    c = as_corridor(corridor)
    m_a, r_a = c.anchors
    return pd.Series({"corridor_id": c.corridor_id, "line_km": round(c.line_km, 1),
                      "route_km": round(c.route_length_km, 1), "anchors": len(r_a),
                      "max_leg_km": round(float(c.leg_km.max()), 1),
                      "parts": int(c.meta.get("parts", 1)), "chained": bool(c.meta.get("chained", False))})
