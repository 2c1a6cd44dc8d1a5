"""Per-town derived columns: nearest science centre and nearest corridor with chainage."""

from __future__ import annotations

import geopandas as gpd
import numpy as np

from atlas.analysis.science import nearest_science_centre
from atlas.build.report import BuildReport


def add_derived_columns(towns: gpd.GeoDataFrame, science, corridors, report: BuildReport
                        ) -> gpd.GeoDataFrame:
    out = towns.copy()
    if science is not None and len(science):
        near = nearest_science_centre(out, science)
        out["dist_science_km"] = near["dist_science_km"].round(1)
        out["nearest_science_id"] = near["nearest_science_id"]
        report.count("median_dist_science_km", float(np.median(out.dist_science_km)))
    if corridors is not None and len(corridors.lines):
        from atlas.io import corridor_objects

        best = np.full(len(out), np.inf)
        best_id = np.full(len(out), None, dtype=object)
        chain = np.full(len(out), np.nan)
        lon, lat = out.geometry.x.values, out.geometry.y.values
        for c in corridor_objects(corridors.lines, corridors.waypoints):
            res = c.project(lon, lat)
            off = res.offset_km.to_numpy(dtype=float)
            idx = res.point.to_numpy(dtype=int)
            better = off < best[idx]
            best[idx[better]] = off[better]
            best_id[idx[better]] = c.corridor_id
            chain[idx[better]] = res.chainage_km.to_numpy(dtype=float)[better]
        out["nearest_corridor_id"] = best_id
        out["dist_corridor_km"] = np.round(best, 1)
        out["chainage_km"] = np.round(chain, 1)
    return out
