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


# --- routes over the network (#20) ---------------------------------------------------------------
MOSCOW_NAMES = {"москва", "moscow"}


def resolve_place(place) -> tuple[tuple[float, float], str]:
    """(lon, lat) and a label for a town id or name, a logistics node id or name (ports, border
    crossings), "Moscow", a (lon, lat) pair or a shapely Point."""
    from atlas.build.network import MOSCOW
    from atlas.io import load_logistics_nodes

    if hasattr(place, "geom_type"):
        if place.geom_type != "Point":
            raise ValueError("a place must be a point")
        return (float(place.x), float(place.y)), f"{place.y:.4f}, {place.x:.4f}"
    if isinstance(place, tuple | list | np.ndarray) and len(place) == 2:
        lon, lat = float(place[0]), float(place[1])
        from atlas.analysis.geodesic import validate_lonlat

        validate_lonlat(np.array([lon]), np.array([lat]))
        return (lon, lat), f"{lat:.4f}, {lon:.4f}"
    if not isinstance(place, str):
        raise TypeError("a place is a town or node id or name, (lon, lat) or a Point")
    parts = place.split(",")
    if len(parts) == 2:  # "lon,lat" from the command line
        try:
            return resolve_place((float(parts[0]), float(parts[1])))
        except ValueError:
            pass
    key = place.strip().casefold()
    if key in MOSCOW_NAMES:
        return MOSCOW, "Москва"
    towns = load_monotowns("all")
    for col in ("town_id", "name_ru", "name_en"):
        hit = towns[towns[col].astype(str).str.casefold() == key]
        if len(hit) > 1:
            raise KeyError(f"{place!r} names {len(hit)} towns: use a town id "
                           f"({', '.join(hit.town_id.astype(str))})")
        if len(hit) == 1:
            g = hit.geometry.iloc[0]
            return (g.x, g.y), str(hit.name_ru.iloc[0])
    nodes = load_logistics_nodes()
    for col in ("node_id", "locode", "name_ru", "name_en"):
        if col not in nodes:
            continue
        hit = nodes[nodes[col].astype(str).str.casefold() == key]
        if len(hit):
            g = hit.geometry.iloc[0]
            return (g.x, g.y), str(hit.name_ru.iloc[0] or hit.name_en.iloc[0])
    raise KeyError(f"no town, port or border crossing called {place!r}")


def network_route(a, b, mode: str = "rail"):
    """The shortest route between two places over the Russian ``mode`` network (rail | road).

    ``a`` and ``b``: a town (id or name), a port or border crossing (id, LOCODE or name),
    "Moscow", (lon, lat) or a shapely Point. Returns an :class:`atlas.analysis.network.Route`
    (``km`` calibrated, ``graph_km``, ``line`` in EPSG:4326, ``snap_from_km``/``snap_to_km``;
    ``meta`` holds the names) or ``None`` when the places are not linked by that network
    within the snap tolerance — never a straight-line stand-in. The route stays inside Russia
    (the network holds only Russian track and roads).
    """
    from atlas.io import get_network

    (pa, name_a), (pb, name_b) = resolve_place(a), resolve_place(b)
    net = get_network(mode)
    r = net.route(pa, pb)
    if r is not None:
        r.meta.update({"from": name_a, "to": name_b, "snap_km": net.snap_km})
    return r


def rail_route(a, b):
    """Route ``a`` → ``b`` over the Russian rail network (see :func:`network_route`).

    >>> r = rail_route("Москва", (131.8735, 43.1056))   # doctest: +SKIP
    >>> round(r.km)                                      # doctest: +SKIP
    """
    return network_route(a, b, "rail")


def road_route(a, b):
    """Route ``a`` → ``b`` over the Russian main-road network (see :func:`network_route`)."""
    return network_route(a, b, "road")
