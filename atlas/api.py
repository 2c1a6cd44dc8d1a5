"""Corridor questions for planners: towns along a corridor and the chainage of any point."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.analysis.corridors import Corridor, corridor_from_linestring
from atlas.io import get_corridor, load_monotowns


def as_corridor(corridor) -> Corridor:
    """A Corridor from an id or name, a Corridor, a line geometry or a GeoDataFrame of lines."""
    if isinstance(corridor, Corridor):
        return corridor
    if isinstance(corridor, str):
        return get_corridor(corridor)
    if isinstance(corridor, gpd.GeoDataFrame | gpd.GeoSeries):
        geoms = corridor.to_crs(4326).geometry if corridor.crs else corridor.geometry
        if len(geoms) == 0:
            raise ValueError("the corridor file has no features")
        from shapely import union_all

        return corridor_from_linestring("user", union_all(geoms.values) if len(geoms) > 1 else geoms.iloc[0])
    if hasattr(corridor, "geom_type"):
        return corridor_from_linestring("user", corridor)
    raise TypeError("corridor must be an id/name, a Corridor, a line geometry or a GeoDataFrame")


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
    if pts.crs is not None and pts.crs.to_epsg() != 4326:
        pts = pts.to_crs(4326)
    res = c.project(pts.geometry.x.values, pts.geometry.y.values, within_km=within_km)
    out = pts.iloc[res.point.to_numpy(dtype=int)].copy()
    out["corridor_id"] = c.corridor_id
    out["chainage_km"] = np.round(res.chainage_km.to_numpy(dtype=float), 1)
    out["offset_km"] = np.round(res.offset_km.to_numpy(dtype=float), 2)
    out["side"] = res.side.to_numpy()
    return out.sort_values("chainage_km", kind="stable")


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
                      "max_leg_km": round(float(c.leg_km.max()), 1)})
