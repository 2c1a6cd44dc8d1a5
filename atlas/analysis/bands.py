"""Display-only corridor bands (the queries never use buffers)."""

from __future__ import annotations

import geopandas as gpd

from atlas.crs import RUSSIA_EQDC, WGS84


def corridor_band(lines: gpd.GeoDataFrame, width_km: float) -> gpd.GeoDataFrame:
    """A band of ``width_km`` either side of the lines, for drawing only (approximate)."""
    metric = lines.to_crs(RUSSIA_EQDC)
    band = metric.buffer(width_km * 1000.0, resolution=8).simplify(width_km * 50.0)
    return gpd.GeoDataFrame(geometry=band, crs=RUSSIA_EQDC).to_crs(WGS84)
