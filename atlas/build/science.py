"""Science centres: every ``science_centres*.csv`` table, placed at its own town.

Placement rule. ``city_ru`` is the settlement where the institution is. A row without
``lat``/``lon`` sits at the GeoNames point of ``city_ru`` in ``region_iso``. A row with
``lat``/``lon`` (cited in ``coord_source``) sits at those coordinates, which must lie within
``PLACEMENT_KM`` of the GeoNames point of ``city_ru``: farther away means ``city_ru`` names the
wrong place (usually the parent city), and the build stops. A ``city_ru`` GeoNames lacks (an
academic town inside a city) needs cited coordinates that fall inside ``region_iso``.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    """Errors that make a row unusable: kind, source, dates, half or uncited coordinates."""
    errors = []
    bad = sorted(set(table.kind) - set(SCIENCE_KINDS))
    if bad:
        errors.append(f"unknown science kinds: {bad}")
    for r in table[table.source.str.strip().str.len() < 6].itertuples():
        errors.append(f"{r.centre_id}: no source")
    for col in ("status_from", "status_to"):
        for r in table[~table[col].str.fullmatch(_DATE) & (table[col] != "")].itertuples():
            errors.append(f"{r.centre_id}: {col} «{getattr(r, col)}» is not "
                          "YYYY, YYYY-MM or YYYY-MM-DD")
    lat, lon = _coords(table)
    for r, y, x in zip(table.itertuples(), lat, lon, strict=True):
        errors += _coordinate_errors(r, y, x)
    if errors:
        raise ScienceTableError("science tables: " + "; ".join(errors))


def _coordinate_errors(r, y: float, x: float) -> list[str]:
    if (r.lat != "") != (r.lon != ""):
        return [f"{r.centre_id}: give both lat and lon or neither"]
    if r.lat == "":
        return []
    errors = []
    if np.isnan(y) or np.isnan(x):
        errors.append(f"{r.centre_id}: lat/lon not numbers ({r.lat}, {r.lon})")
    elif not (41 <= y <= 82 and (19 <= x <= 180 or x <= -168)):
        errors.append(f"{r.centre_id}: lat/lon ({r.lat}, {r.lon}) outside Russia (swapped?)")
    if not r.coord_source.strip():
        errors.append(f"{r.centre_id}: lat/lon without coord_source")
    return errors


@dataclass
class _Placement:
    lat: float | None = None
    lon: float | None = None
    geonameid: object = pd.NA
    how: str | None = None  # "geonames", "coordinates" or None (not placed)
    km_from_city_point: float = np.nan
    error: str | None = None


def _place(r, y: float, x: float, gp, shapes, report: BuildReport) -> _Placement:
    """Where one row goes, by the placement rule in the module docstring."""
    label = f"{r.centre_id} «{r.name_ru}»"
    if np.isnan(y):  # no coordinates: the GeoNames point of city_ru, or nowhere
        if gp is None:
            report.unmatched.append(f"science centre {label}: «{r.city_ru}» not in GeoNames "
                                    f"{r.region_iso} and no coordinates given — not placed")
            return _Placement()
        return _Placement(gp.lat, gp.lon, gp.geonameid, "geonames", 0.0)
    if gp is not None:
        d = float(geodesic_km(gp.lon, gp.lat, x, y))
        error = None
        if d > PLACEMENT_KM:
            error = (f"{label}: its coordinates lie {d:.1f} km from the GeoNames point of "
                     f"«{r.city_ru}» (more than {PLACEMENT_KM:g} km): "
                     "city_ru names the wrong place")
        return _Placement(y, x, gp.geonameid, "coordinates", round(d, 2), error)
    error = None
    if shapes is not None and r.region_iso in shapes.index:
        km = _km_outside(shapes[r.region_iso], x, y)
        if km > REGION_TOLERANCE_KM:
            error = f"{label}: coordinates ({y}, {x}) lie {km:.0f} km outside {r.region_iso}"
    report.notes.append(f"science centre {label}: «{r.city_ru}» is not in GeoNames "
                        f"{r.region_iso}; placed at its cited coordinates")
    return _Placement(y, x, pd.NA, "coordinates", np.nan, error)


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
    places = []
    for r, y, x in zip(table.itertuples(), *_coords(table), strict=True):
        key = gn.get(r.region_iso)
        hits = gaz.find(key, r.city_ru) if key else []
        places.append(_place(r, y, x, hits[0] if hits else None, shapes, report))
    errors = [p.error for p in places if p.error]
    if errors:
        raise ScienceTableError("science placement rule broken: " + "; ".join(errors))
    _report_big_city_points(table, places, gaz, report)
    out = table.copy()
    out["geonameid"] = pd.array([p.geonameid for p in places], dtype="Int64")
    out["placement"] = [p.how for p in places]
    out["km_from_city_point"] = [p.km_from_city_point for p in places]
    out["lat"] = pd.to_numeric(pd.Series([p.lat for p in places], index=out.index), errors="coerce")
    out["lon"] = pd.to_numeric(pd.Series([p.lon for p in places], index=out.index), errors="coerce")
    gdf = gpd.GeoDataFrame(out, geometry=gpd.points_from_xy(out.lon, out.lat, crs=WGS84), crs=WGS84)
    gdf = gdf[gdf.placement.notna()].sort_values("centre_id").reset_index(drop=True)
    _count(table, gdf, report)
    return gdf


def _report_big_city_points(table: pd.DataFrame, places: list[_Placement], gaz: Gazetteer,
                            report: BuildReport) -> None:
    big = {p.geonameid for p in gaz.places if p.population >= BIG_CITY}
    heading = ("science: at the GeoNames point of a city of 1M+ "
               "(campus site inside the city not given, may be >5 km off)")
    for r, p in zip(table.itertuples(), places, strict=True):
        if p.how == "geonames" and int(p.geonameid) in big:
            report.gap(heading, f"{r.centre_id} «{r.name_ru}» ({r.city_ru})")


def _count(table: pd.DataFrame, gdf: gpd.GeoDataFrame, report: BuildReport) -> None:
    for kind in SCIENCE_KINDS:
        report.count(f"science_{kind}", int((gdf.kind == kind).sum()))
    report.count("science_centres_rows", len(table))
    report.count("science_centres_placed", len(gdf))
    report.count("science_centres_by_coordinates", int((gdf.placement == "coordinates").sum()))
    report.count("science_places_distinct", distinct_places(gdf))
    if "source_file" in table.columns:
        per_file = ", ".join(f"{f}: {n}" for f, n in table.groupby("source_file").size().items())
        report.notes.append(f"science tables read: {per_file}")


def distinct_places(gdf: gpd.GeoDataFrame, decimals: int = PLACE_DECIMALS) -> int:
    """Distinct institution sites: coordinates rounded to ``decimals``."""
    pts = gdf[gdf.geometry.notna()]
    ys = np.round(pts.geometry.y.values, decimals)
    xs = np.round(pts.geometry.x.values, decimals)
    return len(set(zip(ys, xs, strict=True)))


def _km_outside(shape, x: float, y: float) -> float:
    """Rough distance (km) of a point outside a region polygon; 0 inside."""
    pt = shapely.Point(x, y)
    if shape.covers(pt):
        return 0.0
    near = shapely.ops.nearest_points(shape, pt)[0]
    return float(geodesic_km(near.x, near.y, x, y))
