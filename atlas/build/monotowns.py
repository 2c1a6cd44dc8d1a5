"""The official monotown list, placed through GeoNames and joined with curated facts."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.build.gazetteer import Gazetteer, clean_admin_centre, normalize_name
from atlas.build.report import BuildReport
from atlas.build.translit import slug, translit
from atlas.crs import GEOD, WGS84

LIST_SOURCE = "Распоряжение Правительства РФ № 1398-р от 29.07.2014 «Об утверждении перечня моногородов»"
KEY = ["region", "admin_center", "mo_name_1398"]


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def apply_admin_centre_fixes(lst: pd.DataFrame, fixes: pd.DataFrame, report: BuildReport) -> pd.DataFrame:
    out = lst.copy()
    out["admin_center_list"] = out["admin_center"]
    for fx in fixes.itertuples():
        hit = (out.region == fx.region) & (out.mo_name_1398 == fx.mo_name_1398) & (out[fx.field] == fx.old)
        if hit.sum() != 1:
            raise ValueError(f"admin-centre fix matches {int(hit.sum())} rows: {fx}")
        out.loc[hit, fx.field] = fx.new
        report.fixes.append(f"monotowns: {fx.region} / {fx.mo_name_1398}: {fx.field} {fx.old!r} -> {fx.new!r}")
    return out


def locate(lst: pd.DataFrame, regions: pd.DataFrame, gaz: Gazetteer, coords: pd.DataFrame,
           report: BuildReport, choices: pd.DataFrame | None = None) -> pd.DataFrame:
    """Find each town's administrative centre inside its own region in GeoNames.

    ``choices`` (region, name_ru, geonameid, source) settles namesakes inside one region
    where the most populous record is the wrong one.
    """
    region_by_name = regions.set_index("name_ru")
    chosen = {} if choices is None else {
        (c.region, normalize_name(c.name_ru)): int(c.geonameid) for c in choices.itertuples()}
    cited = {(r.region, normalize_name(r.name_ru)): r for r in coords.itertuples()}
    rows = []
    unknown = sorted(set(lst.region) - set(region_by_name.index))
    if unknown:  # e.g. a town added by an amending act with the region spelt differently
        raise ValueError(f"monotowns: regions not in regions.csv (name_ru): {unknown}")
    for r in lst.itertuples():
        reg = region_by_name.loc[r.region]
        name = clean_admin_centre(r.admin_center)
        hits = gaz.find(reg.gn_admin1, name)
        rec = {"name_ru": name, "region_iso": reg.iso, "geonameid": pd.NA, "lat": np.nan,
               "lon": np.nan, "gn_population": pd.NA, "name_en": None, "coord_source": None,
               "coord_approximate": False}
        if hits:
            best = hits[0]
            pick = chosen.get((r.region, normalize_name(name)))
            if pick is not None:
                best = next(h for h in hits if h.geonameid == pick)
                report.fixes.append(f"monotowns: {r.region} / {name}: GeoNames {pick} chosen by "
                                    "geonames_choices.csv over the most populous namesake")
            if len(hits) > 1:
                spread = max(GEOD.inv(best.lon, best.lat, h.lon, h.lat)[2] for h in hits[1:]) / 1000
                report.ambiguous.append(
                    f"{r.region} / {name}: {len(hits)} GeoNames places "
                    f"({', '.join(str(h.geonameid) for h in hits)}), spread {spread:.1f} km; "
                    f"took {best.geonameid}"
                )
            rec.update(geonameid=best.geonameid, lat=best.lat, lon=best.lon,
                       gn_population=best.population, name_en=best.name.replace("’", ""),
                       coord_source=f"GeoNames {best.geonameid}")
        elif (r.region, normalize_name(name)) in cited:
            c = cited[(r.region, normalize_name(name))]
            # GeoNames has no English name for these: a fixed transliteration stands in
            latin = "-".join(w[:1].upper() + w[1:] for w in translit(name).split("-"))
            rec.update(lat=float(c.lat), lon=float(c.lon), coord_source=c.source, name_en=latin,
                       coord_approximate=c.approximate.strip().lower() == "true")
            report.notes.append(f"placed from the cited table: {r.region} / {name}"
                                + (" (APPROXIMATE)" if rec["coord_approximate"] else ""))
        else:
            report.unmatched.append(f"{r.region} / {name}")
        rows.append(rec)
    placed = pd.DataFrame(rows, index=lst.index)
    out = pd.concat([lst, placed], axis=1)
    out["region_iso"] = out["region_iso"].astype(str)
    report.count("monotowns_in_list", len(out))
    report.count("located_total", int(out.lat.notna().sum()))
    report.count("located_from_geonames", int(out.geonameid.notna().sum()))
    report.count("located_from_cited_table", int((out.lat.notna() & out.geonameid.isna()).sum()))
    report.count("located_approximate", int(out.coord_approximate.sum()))
    report.count("ambiguous_names", len(report.ambiguous))
    report.count("unmatched_names", len(report.unmatched))
    return out


def assign_ids(df: pd.DataFrame, first: pd.Series | None = None) -> pd.Series:
    """Stable id: region ISO + transliterated admin-centre name (+ municipality if needed).

    ``first`` marks the rows of the first edition: their ids are made among themselves, so a
    town added later never changes an existing id (a later namesake gets the municipality suffix).
    """
    first = pd.Series(True, index=df.index) if first is None else first.astype(bool)
    base = df.region_iso + "-" + df.name_ru.map(slug)
    old = base[first].copy()
    dup = old.duplicated(keep=False)
    old[dup] = old[dup] + "-" + df.loc[dup[dup].index, "mo_name_1398"].map(slug).str[:24]
    new = base[~first].copy()
    clash = new.isin(set(old)) | new.duplicated(keep=False)
    new[clash] = new[clash] + "-" + df.loc[clash[clash].index, "mo_name_1398"].map(slug).str[:24]
    base = pd.concat([old, new]).reindex(df.index)
    if base.duplicated().any():
        raise ValueError(f"duplicate town ids: {base[base.duplicated()].tolist()}")
    return base


def to_layer(df: pd.DataFrame) -> gpd.GeoDataFrame:
    geom = gpd.points_from_xy(df.lon, df.lat, crs=WGS84)
    return gpd.GeoDataFrame(df.drop(columns=["lat", "lon"]), geometry=geom, crs=WGS84)
