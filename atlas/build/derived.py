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
        from atlas.analysis.corridors import CorridorIndex
        from atlas.io import corridor_objects

        index = CorridorIndex(corridor_objects(corridors.lines, corridors.waypoints))
        res = index.query(out.geometry.x.values, out.geometry.y.values).sort_values("point")
        best = res.offset_km.to_numpy(dtype=float)
        best_id = res.corridor_id.to_numpy(dtype=object)
        chain = res.chainage_km.to_numpy(dtype=float)
        out["nearest_corridor_id"] = best_id
        out["dist_corridor_km"] = np.round(best, 1)
        out["chainage_km"] = np.round(chain, 1)
    return out
