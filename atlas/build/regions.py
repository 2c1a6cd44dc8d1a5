"""Russia's 85 federal subjects from Natural Earth, with the known defects fixed."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
import shapely

from atlas.build.report import BuildReport
from atlas.crs import WGS84, shift_antimeridian

# Natural Earth code -> ISO 3166-2:RU. Moscow city/oblast are swapped in NE; Crimea and
# Sevastopol keep Ukrainian codes there and are recoded per atlas.policy.BOUNDARY_POLICY.
CODE_FIXES = {
    "RU-MOS": "RU-MOW",
    "RU-MOW": "RU-MOS",
    "UA-43": "RU-CR",
    "UA-40": "RU-SEV",
}
# The unnamed 38 km² island at 68.8N 67.3E belongs to Yamalo-Nenets.
ORPHAN_FEATURES = {"RU-X01~": "RU-YAN"}
# Wikidata ids NE gets wrong (RU-ALT carries the Altai Republic's).
WIKIDATA_FIXES = {"RU-ALT": "Q5942"}
DISPLAY_TOLERANCE_DEG = 0.02


def fix_regions(raw: gpd.GeoDataFrame, table: pd.DataFrame, report: BuildReport) -> gpd.GeoDataFrame:
    """Recode, merge and rename the raw NE features into the 85-subject regions layer."""
    gdf = raw.copy()
    gdf["ne_code"] = gdf["iso_3166_2"]
    for ne_code, target in ORPHAN_FEATURES.items():
        hits = gdf["ne_code"] == ne_code
        if hits.any():
            report.fixes.append(f"regions: merged NE feature {ne_code} ({int(hits.sum())}) into {target}")
            gdf.loc[hits, "ne_code"] = target
    gdf["iso"] = gdf["ne_code"].map(lambda c: CODE_FIXES.get(c, c))
    for old, new in CODE_FIXES.items():
        if (gdf["ne_code"] == old).any():
            report.fixes.append(f"regions: NE code {old} -> {new}")
    gdf["gn_admin1"] = gdf["gn_a1_code"].where(~gdf["ne_code"].isin(ORPHAN_FEATURES), None)

    merged = (
        gdf.sort_values("iso", kind="stable")
        .dissolve(by="iso", aggfunc={"gn_admin1": "first", "wikidataid": "first",
                                     "name_ru": "first", "name_en": "first"})
        .reset_index()
    )
    for iso, qid in WIKIDATA_FIXES.items():
        report.fixes.append(f"regions: {iso} wikidata {merged.loc[merged.iso == iso, 'wikidataid'].iloc[0]} -> {qid}")
        merged.loc[merged.iso == iso, "wikidataid"] = qid
    _record_name_fixes(merged, table, report)

    out = merged[["iso", "gn_admin1", "wikidataid", "geometry"]].merge(
        table[["iso", "name_ru", "name_en", "federal_district"]], on="iso", how="outer", indicator=True
    )
    missing = out[out["_merge"] != "both"]
    if not missing.empty:
        raise ValueError(f"regions without a match between NE and regions.csv: {missing.iso.tolist()}")
    out = gpd.GeoDataFrame(out.drop(columns="_merge"), geometry="geometry", crs=WGS84)
    out["geometry"] = shapely.make_valid(out.geometry.values)
    out = out.sort_values("iso", kind="stable").reset_index(drop=True)
    report.count("regions", len(out))
    report.count("regions_vertices", int(shapely.get_num_coordinates(out.geometry.values).sum()))
    return out[["iso", "name_ru", "name_en", "federal_district", "gn_admin1", "wikidataid", "geometry"]]


def _record_name_fixes(merged: gpd.GeoDataFrame, table: pd.DataFrame, report: BuildReport) -> None:
    names = table.set_index("iso")
    for row in merged.itertuples():
        if row.iso not in names.index:
            continue
        for col in ("name_ru", "name_en"):
            new = names.at[row.iso, col]
            old = getattr(row, col)
            if old != new and row.iso in {"RU-ALT", "RU-MAG", "RU-MOW", "RU-MOS", "RU-CR", "RU-SEV"}:
                report.fixes.append(f"regions: {row.iso} {col} {old!r} -> {new!r}")


def display_geometry(regions: gpd.GeoDataFrame, report: BuildReport,
                     tolerance_deg: float = DISPLAY_TOLERANCE_DEG) -> gpd.GeoDataFrame:
    """Simplified geometry for web maps: shared borders stay shared, Chukotka is one piece.

    Every western-hemisphere coordinate is moved east by 360° first, so the parts of
    Chukotka split at 180° touch and union into one shape before simplification.
    """
    shifted = shift_antimeridian(regions.geometry.values)
    shifted = shapely.make_valid(shifted)
    shifted = shapely.set_precision(shifted, 1e-6)
    simplified = shapely.coverage_simplify(shifted, tolerance_deg, simplify_boundary=True)
    simplified = shapely.make_valid(simplified)
    out = regions.drop(columns=["gn_admin1", "wikidataid"]).copy()
    out["geometry"] = simplified
    report.count("regions_display_vertices", int(shapely.get_num_coordinates(simplified).sum()))
    return out
