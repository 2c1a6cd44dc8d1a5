"""Schematic corridors from ordered, cited waypoints; logistics nodes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from atlas.analysis.corridors import Corridor
from atlas.build.monotowns import read_csv
from atlas.build.report import BuildReport
from atlas.crs import WGS84
from atlas.vocab import CORRIDOR_MODES

LAND_LEG_LIMIT_KM = 150.0


@dataclass
class CorridorTables:
    lines: gpd.GeoDataFrame
    waypoints: gpd.GeoDataFrame
    nodes: gpd.GeoDataFrame


def _read_many(src: Path, pattern: str) -> pd.DataFrame | None:
    parts = [read_csv(p) for p in sorted(src.glob(pattern))]
    return pd.concat(parts, ignore_index=True) if parts else None


def build_corridors(src: Path, report: BuildReport) -> CorridorTables | None:
    meta = _read_many(src, "corridors_*.csv")
    wps = _read_many(src, "corridor_waypoints_*.csv")
    if meta is None or wps is None:
        report.notes.append("no corridor tables: corridors skipped")
        return None
    bad = set(meta["mode"]) - set(CORRIDOR_MODES)
    if bad:
        raise ValueError(f"unknown corridor modes: {sorted(bad)}")
    wps = wps.assign(seq=wps.seq.astype(int), lon=wps.lon.astype(float), lat=wps.lat.astype(float),
                     route_km=pd.to_numeric(wps.route_km, errors="coerce"))
    lines, points = [], []
    for m in meta.sort_values("corridor_id").itertuples():
        w = wps[wps.corridor_id == m.corridor_id].sort_values("seq")
        if len(w) < 2:
            report.unmatched.append(f"corridor {m.corridor_id}: fewer than two waypoints")
            continue
        c = Corridor(m.corridor_id, w.lon.values, w.lat.values, w.route_km.values, name=m.name_ru)
        _check_anchors(c, report)
        long_legs = np.flatnonzero(c.leg_km > LAND_LEG_LIMIT_KM)
        if m.mode != "sea":
            for i in long_legs:
                report.gap("corridor legs over 150 km",
                           f"{m.corridor_id}: {w.name_ru.iloc[i]} – {w.name_ru.iloc[i + 1]} "
                           f"{c.leg_km[i]:.0f} km")
        n_anchor = int(np.isfinite(c.route_km).sum())
        lines.append({
            "corridor_id": m.corridor_id, "name_ru": m.name_ru, "name_en": m.name_en,
            "mode": m.mode, "schematic": True, "source": m.source,
            "n_waypoints": len(w), "n_km_anchors": n_anchor,
            "line_km": round(c.line_km, 1), "route_km": round(c.route_length_km, 1),
            "max_leg_km": round(float(c.leg_km.max()), 1),
            "geometry": shapely.linestrings(np.column_stack([w.lon.values, w.lat.values])),
        })
        points.append(w.assign(measure_km=np.round(c.vertex_measure_km, 3)))
        report.count(f"corridor {m.corridor_id}",
                     f"line {c.line_km:.0f} km, route {c.route_length_km:.0f} km, "
                     f"{len(w)} waypoints, {n_anchor} km anchors, max leg {c.leg_km.max():.0f} km")
    _report_unverified(wps, "corridor waypoint", report)
    lines_gdf = gpd.GeoDataFrame(lines, geometry="geometry", crs=WGS84)
    wp = pd.concat(points, ignore_index=True)
    wp_gdf = gpd.GeoDataFrame(wp.drop(columns=["lon", "lat"]),
                              geometry=gpd.points_from_xy(wp.lon, wp.lat), crs=WGS84)
    nodes = read_csv(src / "logistics_nodes.csv") if (src / "logistics_nodes.csv").exists() else None
    if nodes is None:
        nodes_gdf = gpd.GeoDataFrame({"node_id": [], "name_ru": [], "kind": []},
                                     geometry=gpd.GeoSeries([], crs=WGS84), crs=WGS84)
    else:
        nodes_gdf = gpd.GeoDataFrame(
            nodes.drop(columns=["lon", "lat"]),
            geometry=gpd.points_from_xy(nodes.lon.astype(float), nodes.lat.astype(float)), crs=WGS84,
        ).sort_values("node_id").reset_index(drop=True)
        _report_unverified(nodes.rename(columns={"node_id": "corridor_id"}).assign(name_ru=nodes.name_ru),
                           "logistics node", report)
        for kind, n in nodes_gdf.kind.value_counts().sort_index().items():
            report.count(f"logistics_nodes_{kind}", int(n))
    report.count("corridors", len(lines_gdf))
    return CorridorTables(lines_gdf, wp_gdf, nodes_gdf)


def _check_anchors(c: Corridor, report: BuildReport) -> None:
    _, r = c.anchors
    if len(r) > 1 and not np.all(np.diff(r) > 0):
        raise ValueError(f"corridor {c.corridor_id}: route_km anchors do not increase")


def _report_unverified(table: pd.DataFrame, what: str, report: BuildReport) -> None:
    """Coordinates a curator could not tie to GeoNames or a citable page are gaps, not facts."""
    flagged = table[table.coord_source.str.contains("UNVERIFIED", case=False, na=True)]
    for r in flagged.itertuples():
        report.gap("unverified coordinates", f"{what} {r.corridor_id}: {r.name_ru}")
    report.count(f"{what}s with unverified coordinates", len(flagged))
