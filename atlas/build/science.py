"""Science centres placed through GeoNames, like the towns."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from atlas.build.gazetteer import Gazetteer
from atlas.build.report import BuildReport
from atlas.crs import WGS84
from atlas.vocab import SCIENCE_KINDS


def build_science(table: pd.DataFrame, regions: pd.DataFrame, gaz: Gazetteer,
                  report: BuildReport) -> gpd.GeoDataFrame:
    gn = regions.set_index("iso")["gn_admin1"]
    bad = set(table.kind) - set(SCIENCE_KINDS)
    if bad:
        raise ValueError(f"unknown science kinds: {sorted(bad)}")
    if table.centre_id.duplicated().any():
        raise ValueError("duplicate centre_id in science_centres.csv")
    lats, lons, gids = [], [], []
    for r in table.itertuples():
        hits = gaz.find(gn[r.region_iso], r.city_ru) if r.region_iso in gn.index else []
        if not hits:
            report.unmatched.append(f"science centre {r.centre_id}: «{r.city_ru}» not in GeoNames {r.region_iso}")
            lats.append(None), lons.append(None), gids.append(pd.NA)
            continue
        lats.append(hits[0].lat), lons.append(hits[0].lon), gids.append(hits[0].geonameid)
    out = table.copy()
    out["geonameid"] = pd.array(gids, dtype="Int64")
    geom = gpd.points_from_xy(pd.to_numeric(pd.Series(lons)), pd.to_numeric(pd.Series(lats)), crs=WGS84)
    gdf = gpd.GeoDataFrame(out, geometry=geom, crs=WGS84)
    gdf = gdf[gdf.geonameid.notna()].sort_values("centre_id").reset_index(drop=True)
    for kind in SCIENCE_KINDS:
        report.count(f"science_{kind}", int((gdf.kind == kind).sum()))
    report.count("science_centres_placed", len(gdf))
    return gdf
