"""Science centres: every ``science_centres*.csv`` table, placed at its own town.

Placement rule. ``city_ru`` is the settlement where the institution is. A row without
``lat``/``lon`` sits at the GeoNames point of ``city_ru`` in ``region_iso``. A row with
``lat``/``lon`` (cited in ``coord_source``) sits at those coordinates, which must lie within
``PLACEMENT_KM`` of the GeoNames point of ``city_ru``: farther away means ``city_ru`` names the
wrong place (usually the parent city), and the build stops. A ``city_ru`` GeoNames lacks (an
academic town inside a city) needs cited coordinates that fall inside ``region_iso``.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops

from atlas.analysis.geodesic import geodesic_km
from atlas.build.gazetteer import Gazetteer
from atlas.build.report import BuildReport
from atlas.crs import WGS84
from atlas.vocab import SCIENCE_KINDS

SCIENCE_GLOB = "science_centres*.csv"
COLUMNS = ["centre_id", "name_ru", "name_en", "kind", "city_ru", "region_iso", "status_from",
           "status_to", "lat", "lon", "coord_source", "source"]
OPTIONAL = ["name_en", "status_from", "status_to", "lat", "lon", "coord_source"]
PLACEMENT_KM = 5.0
# a row left at the point of a city this large is listed as a gap: the city spans > 2 * PLACEMENT_KM
BIG_CITY = 1_000_000
# distinct places: coordinates rounded to 2 decimals (about 1 km)
PLACE_DECIMALS = 2
# a cited coordinate may sit this far outside its region's (simplified) polygon
REGION_TOLERANCE_KM = 3.0
# a status date may be a year, a month or a day (sources often give only the year)
_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"


class ScienceTableError(ValueError):
    """A science table breaks the placement rule or its own schema."""


def read_centres(src: Path) -> pd.DataFrame | None:
    """All ``science_centres*.csv`` tables under ``src`` as one frame (``source_file`` added).

    A centre_id may appear in one file only; optional columns may be absent from a file.
    """
    parts = sorted(Path(src).glob(SCIENCE_GLOB))
    if not parts:
        return None
    frames = []
    for p in parts:
        df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8")
        missing = [c for c in COLUMNS if c not in df.columns and c not in OPTIONAL]
        if missing:
            raise ScienceTableError(f"{p.name}: missing columns {missing}")
        for c in OPTIONAL:
            if c not in df.columns:
                df[c] = ""
        df = df[COLUMNS + [c for c in df.columns if c not in COLUMNS]].copy()
        df["source_file"] = p.name
        frames.append(df)
    table = pd.concat(frames, ignore_index=True).fillna("")
    check_unique_ids(table)
    return table


def check_unique_ids(table: pd.DataFrame) -> None:
    dup = table[table.centre_id.duplicated(keep=False)]
    if dup.empty:
        return
    where = "source_file" in dup.columns
    lines = sorted(
        f"{cid} ({', '.join(sorted(set(g.source_file))) if where else len(g)})"
        for cid, g in dup.groupby("centre_id"))
    raise ScienceTableError("duplicate centre_id in science tables: " + "; ".join(lines))


def _coords(table: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    lat = pd.to_numeric(table["lat"].replace("", np.nan), errors="coerce")
    lon = pd.to_numeric(table["lon"].replace("", np.nan), errors="coerce")
    return lat, lon


def validate_table(table: pd.DataFrame) -> None:
    """Schema errors that make a row unusable: kinds, sources, half or uncited coordinates."""
    errors = []
    bad = sorted(set(table.kind) - set(SCIENCE_KINDS))
    if bad:
        errors.append(f"unknown science kinds: {bad}")
    for r in table[table.source.str.strip().str.len() < 6].itertuples():
        errors.append(f"{r.centre_id}: no source")
    for col in ("status_from", "status_to"):
        for r in table[~table[col].str.fullmatch(_DATE) & (table[col] != "")].itertuples():
            errors.append(f"{r.centre_id}: {col} «{getattr(r, col)}» is not YYYY, YYYY-MM or YYYY-MM-DD")
    lat, lon = _coords(table)
    for i, r in enumerate(table.itertuples()):
        given = (r.lat != "", r.lon != "")
        if given[0] != given[1]:
            errors.append(f"{r.centre_id}: give both lat and lon or neither")
        elif given[0]:
            if np.isnan(lat.iloc[i]) or np.isnan(lon.iloc[i]):
                errors.append(f"{r.centre_id}: lat/lon not numbers ({r.lat}, {r.lon})")
            elif not (41 <= lat.iloc[i] <= 82 and (19 <= lon.iloc[i] <= 180 or lon.iloc[i] <= -168)):
                errors.append(f"{r.centre_id}: lat/lon ({r.lat}, {r.lon}) outside Russia (swapped?)")
            if not r.coord_source.strip():
                errors.append(f"{r.centre_id}: lat/lon without coord_source")
    if errors:
        raise ScienceTableError("science tables: " + "; ".join(errors))


def build_science(table: pd.DataFrame, regions: pd.DataFrame, gaz: Gazetteer,
                  report: BuildReport) -> gpd.GeoDataFrame:
    table = table.copy()
    for c in OPTIONAL:
        if c not in table.columns:
            table[c] = ""
    table = table.fillna("")
    check_unique_ids(table)
    validate_table(table)
    gn = regions.set_index("iso")["gn_admin1"]
    shapes = regions.set_index("iso").geometry if "geometry" in regions.columns else None
    lat_given, lon_given = _coords(table)
    big_city = {p.geonameid: p.population >= BIG_CITY for p in gaz.places if p.population >= BIG_CITY}
    lats, lons, gids, how, off_km = [], [], [], [], []
    errors = []
    for i, r in enumerate(table.itertuples()):
        hits = gaz.find(gn[r.region_iso], r.city_ru) if r.region_iso in gn.index and gn[r.region_iso] else []
        has_xy = not np.isnan(lat_given.iloc[i])
        gp = hits[0] if hits else None
        if has_xy:
            y, x = float(lat_given.iloc[i]), float(lon_given.iloc[i])
            if gp is not None:
                d = float(geodesic_km(gp.lon, gp.lat, x, y))
                if d > PLACEMENT_KM:
                    errors.append(f"{r.centre_id} «{r.name_ru}»: its coordinates lie {d:.1f} km from "
                                  f"the GeoNames point of «{r.city_ru}» (more than {PLACEMENT_KM:g} km): "
                                  "city_ru names the wrong place")
                lats.append(y), lons.append(x), gids.append(gp.geonameid), how.append("coordinates")
                off_km.append(round(d, 2))
            else:
                if shapes is not None and r.region_iso in shapes.index:
                    km = _km_outside(shapes[r.region_iso], x, y)
                    if km > REGION_TOLERANCE_KM:
                        errors.append(f"{r.centre_id} «{r.name_ru}»: coordinates ({y}, {x}) lie "
                                      f"{km:.0f} km outside {r.region_iso}")
                report.notes.append(f"science centre {r.centre_id} «{r.name_ru}»: «{r.city_ru}» is not in "
                                    f"GeoNames {r.region_iso}; placed at its cited coordinates")
                lats.append(y), lons.append(x), gids.append(pd.NA), how.append("coordinates")
                off_km.append(np.nan)
            continue
        if gp is None:
            report.unmatched.append(f"science centre {r.centre_id} «{r.name_ru}»: «{r.city_ru}» not in "
                                    f"GeoNames {r.region_iso} and no coordinates given — not placed")
            lats.append(None), lons.append(None), gids.append(pd.NA), how.append(None), off_km.append(np.nan)
            continue
        lats.append(gp.lat), lons.append(gp.lon), gids.append(gp.geonameid), how.append("geonames")
        off_km.append(0.0)
    if errors:
        raise ScienceTableError("science placement rule broken: " + "; ".join(errors))
    for r, g, h in zip(table.itertuples(), gids, how):
        if h == "geonames" and big_city.get(int(g), False):
            report.gap("science: at the GeoNames point of a city of 1M+ (campus site inside the city "
                       "not given, may be >5 km off)", f"{r.centre_id} «{r.name_ru}» ({r.city_ru})")
    out = table.copy()
    out["geonameid"] = pd.array(gids, dtype="Int64")
    out["placement"] = how
    out["km_from_city_point"] = off_km
    out["lat"] = pd.to_numeric(pd.Series(lats, index=out.index), errors="coerce")
    out["lon"] = pd.to_numeric(pd.Series(lons, index=out.index), errors="coerce")
    geom = gpd.points_from_xy(out.lon, out.lat, crs=WGS84)
    gdf = gpd.GeoDataFrame(out, geometry=geom, crs=WGS84)
    gdf = gdf[gdf.placement.notna()].sort_values("centre_id").reset_index(drop=True)
    for kind in SCIENCE_KINDS:
        report.count(f"science_{kind}", int((gdf.kind == kind).sum()))
    report.count("science_centres_rows", len(table))
    report.count("science_centres_placed", len(gdf))
    report.count("science_centres_by_coordinates", int((gdf.placement == "coordinates").sum()))
    report.count("science_places_distinct", distinct_places(gdf))
    if "source_file" in table.columns:
        per_file = ", ".join(f"{f}: {n}" for f, n in table.groupby("source_file").size().items())
        report.notes.append(f"science tables read: {per_file}")
    return gdf


def distinct_places(gdf: gpd.GeoDataFrame, decimals: int = PLACE_DECIMALS) -> int:
    """Distinct institution sites: coordinates rounded to ``decimals``."""
    pts = gdf[gdf.geometry.notna()]
    return len(set(zip(np.round(pts.geometry.y.values, decimals), np.round(pts.geometry.x.values, decimals))))


def _km_outside(shape, x: float, y: float) -> float:
    """Rough distance (km) of a point outside a region polygon; 0 inside."""
    pt = shapely.Point(x, y)
    if shape.covers(pt):
        return 0.0
    near = shapely.ops.nearest_points(shape, pt)[0]
    return float(geodesic_km(near.x, near.y, x, y))
