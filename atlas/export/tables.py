"""Tables for planners: CSV with a BOM (Excel reads Cyrillic), GeoJSON, GeoPackage.

* Every CSV is safe to open in a spreadsheet: a text cell that begins with ``=``, ``+``, ``-``,
  ``@``, a tab or a carriage return is prefixed with a single quote (the OWASP rule for CSV
  injection); cells that are plain numbers (``-5``, ``+3,2``) are left as they are.
* A user's own points come back with every one of their columns unchanged; the atlas's result
  columns are named by :func:`atlas.api.result_names` so they never overwrite one of theirs.
* Files are written to a temporary name next to the target and renamed, so a failure leaves
  nothing behind (:func:`atomic_write`).
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.vocab import SIDES, SPECIALIZATIONS, label

# route order first: what a planner reads, then what identifies the town
EXPORT_COLUMNS = ["name_ru", "chainage_km", "offset_km", "side", "specialization", "category", "toser",
                  "dist_science_km", "region_iso", "population", "name_en", "town_id",
                  # issue #19: the edition the category is from, and the municipal figures with unit and source
                  "category_as_of", "oktmo", "economy_unit", "population_2024", "wage_rub", "wage_year",
                  "wage_vs_region_pct", "wage_region_ref_kind", "wage_region_ref", "wage_region_avg",
                  "wage_region_monotown_median", "wage_region_ref_source", "industry_jobs_share",
                  "industry_jobs_basis", "population_change_pct", "economy_source"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _names(along) -> dict[str, str]:
    from atlas.api import RESULT_NAMES

    names = dict(getattr(along, "attrs", {}).get("atlas_columns", {}))
    return {k: names.get(k, k) for k in RESULT_NAMES}


def _is_user_points(along) -> bool:
    return "town_id" not in along.columns


def corridor_table(along: gpd.GeoDataFrame, lang: str = "ru", labels: bool = True) -> pd.DataFrame:
    """The rows a planner reads: towns in route order, or a user's points with all their columns.

    ``labels=False`` keeps the codes (``left``, ``coal_mining``) and full-precision coordinates,
    as the command line writes them.
    """
    names = _names(along)
    geom = along.geometry.name if isinstance(along, gpd.GeoDataFrame) else None
    if _is_user_points(along):  # a user's own points: all their columns, then the atlas's
        ours = [names[k] for k in ("part", "chainage_km", "offset_km", "side") if names[k] in along.columns]
        theirs = [c for c in along.columns if c != geom and c not in ours and c != names["corridor_id"]]
        cols = theirs + ours
    else:
        cols = [c for c in EXPORT_COLUMNS if c in along.columns]
        if names["part"] in along.columns:
            cols.insert(1, names["part"])
    out = pd.DataFrame(along[cols]).reset_index(drop=True)
    if geom is not None:  # coordinates, so the CSV opens as points in QGIS or Excel maps
        taken = set(out.columns)
        for axis, values in (("lon", along.geometry.x), ("lat", along.geometry.y)):
            name = axis
            k = 1
            while name in taken:
                name = f"atlas{'' if k == 1 else k}_{axis}"
                k += 1
            taken.add(name)
            out[name] = (values.round(5) if labels else values).to_numpy()
    if not labels:
        return out
    side = names["side"]
    if side in out and lang == "ru":
        out[side] = [label(SIDES, s, lang) for s in out[side]]
    if "specialization" in out and not _is_user_points(along):
        out["specialization"] = [label(SPECIALIZATIONS, s, lang) if isinstance(s, str) else ""
                                 for s in out.specialization]
    return out


def _looks_numeric(s: pd.Series) -> np.ndarray:
    """True where a text cell is a plain finite number (``-5``, ``+3,2``, ``-1e3``)."""
    txt = s.astype(str).str.strip().str.replace(",", ".", regex=False)
    num = pd.to_numeric(txt, errors="coerce").to_numpy(dtype=float)
    return np.isfinite(num)


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Prefix with ``'`` every text cell (and header) that a spreadsheet would run as a formula."""
    out = df.copy(deep=False)
    renamed = {}
    for c in out.columns:
        if isinstance(c, str) and c.startswith(FORMULA_START) and not _looks_numeric(pd.Series([c]))[0]:
            renamed[c] = "'" + c
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_numeric_dtype(col) or pd.api.types.is_bool_dtype(col):
            continue
        txt = col.astype("string")
        risky = txt.str.startswith(FORMULA_START).fillna(False).to_numpy(dtype=bool)
        if not risky.any():
            continue
        idx = np.flatnonzero(risky)
        sub = txt.iloc[idx]
        fix = idx[~_looks_numeric(sub)]
        if len(fix):
            col = col.astype(object).copy()
            col.iloc[fix] = ["'" + str(v) for v in col.iloc[fix]]
            out[c] = col
    return out.rename(columns=renamed) if renamed else out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 with a BOM, formulas neutralised, CRLF line ends (so a value holding a CR or LF is
    quoted and a spreadsheet keeps it in its cell)."""
    return neutralise_formulas(pd.DataFrame(df)).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def _plain(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if _is_user_points(gdf):
        return gdf.copy()
    names = _names(gdf)
    keep = [c for c in EXPORT_COLUMNS if c in gdf.columns]
    if names["part"] in gdf.columns:
        keep.insert(1, names["part"])
    return gdf[keep + [gdf.geometry.name]].copy()


def to_geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    return _plain(gdf).to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


def gpkg_names(columns) -> dict:
    """Field names in a GeoPackage, where names are case-insensitive: the second of ``Name`` and
    ``name`` becomes ``name_2`` (the only change a GeoPackage forces on a user's columns)."""
    out, seen = {}, set()
    for c in columns:
        new, k = str(c), 2
        while new.casefold() in seen:
            new, k = f"{c}_{k}", k + 1
        seen.add(new.casefold())
        out[c] = new
    return out


def _gpkg_ready(gdf: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, dict]:
    """GeoPackage wants an integer ``fid`` and a geometry column of its own: keep the user's
    columns of those names as ordinary fields by naming the GeoPackage's own ones apart."""
    g = _plain(gdf)
    names = gpkg_names([c for c in g.columns if c != g.geometry.name])
    if any(k != v for k, v in names.items()):
        g = g.rename(columns={k: v for k, v in names.items() if k != v})
    cols = {str(c).casefold() for c in g.columns if c != g.geometry.name}
    options = {}
    if "fid" in cols:
        fid = "atlas_fid"
        while fid in cols:
            fid = "atlas_" + fid
        options["FID"] = fid
    geom_name = "geom"
    while geom_name in cols:
        geom_name = "atlas_" + geom_name
    options["GEOMETRY_NAME"] = geom_name
    return g, options


def to_gpkg_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "towns.gpkg"
        _write_gpkg(gdf, path)
        return path.read_bytes()


def _write_gpkg(gdf: gpd.GeoDataFrame, path: Path) -> None:
    g, options = _gpkg_ready(gdf)
    g.to_file(path, driver="GPKG", layer="towns", engine="pyogrio", layer_options=options)


@contextmanager
def atomic_target(path: Path):
    """A temporary path next to ``path``; renamed to ``path`` only if the block succeeds."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".part{path.suffix}",
                               dir=path.parent if str(path.parent) else ".")
    os.close(fd)
    tmp = Path(tmp)
    try:
        tmp.unlink()  # writers (GDAL, matplotlib) create the file themselves
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write(path: Path, data: bytes) -> int:
    with atomic_target(path) as tmp:
        tmp.write_bytes(data)
    return len(data)


def write_table(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """CSV (with BOM) or GeoJSON/GPKG by extension, written atomically."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".csv":
        atomic_write(path, to_csv_bytes(corridor_table(gdf, labels=False)))
    elif ext in (".geojson", ".json"):
        atomic_write(path, to_geojson_bytes(gdf))
    elif ext == ".gpkg":
        with atomic_target(path) as tmp:
            _write_gpkg(gdf, tmp)
    else:
        raise ValueError(f"unsupported output {ext}: use .csv, .geojson or .gpkg")
