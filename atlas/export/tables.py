"""Tables for planners: CSV with a BOM (Excel reads Cyrillic), GeoJSON, GeoPackage."""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd

from atlas.vocab import SIDES, SPECIALIZATIONS, label

# route order first: what a planner reads, then what identifies the town
EXPORT_COLUMNS = ["name_ru", "chainage_km", "offset_km", "side", "specialization", "category", "toser",
                  "dist_science_km", "region_iso", "population", "name_en", "town_id"]


def corridor_table(along: gpd.GeoDataFrame, lang: str = "ru") -> pd.DataFrame:
    cols = [c for c in EXPORT_COLUMNS if c in along.columns]
    if "town_id" not in along.columns:  # a user's own points: keep their attributes too
        cols = [c for c in along.columns if c not in ("geometry", "corridor_id")]
    out = pd.DataFrame(along[cols]).reset_index(drop=True)
    if "geometry" in along:  # coordinates, so the CSV opens as points in QGIS or Excel maps
        out["lon"] = along.geometry.x.round(5).to_numpy()
        out["lat"] = along.geometry.y.round(5).to_numpy()
    if "side" in out and lang == "ru":
        out["side"] = [label(SIDES, s, lang) for s in out["side"]]
    if "specialization" in out:
        out["specialization"] = [label(SPECIALIZATIONS, s, lang) if isinstance(s, str) else ""
                                 for s in out.specialization]
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    return df.to_csv(index=False).encode("utf-8-sig")


def _plain(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if "town_id" not in gdf.columns:
        return gdf.copy()
    keep = [c for c in EXPORT_COLUMNS if c in gdf.columns] + ["geometry"]
    return gdf[keep].copy()


def to_geojson_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    return _plain(gdf).to_json(drop_id=True, ensure_ascii=False).encode("utf-8")


def to_gpkg_bytes(gdf: gpd.GeoDataFrame) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "towns.gpkg"
        _plain(gdf).to_file(path, driver="GPKG", layer="towns")
        return path.read_bytes()


def write_table(gdf: gpd.GeoDataFrame, path: Path) -> None:
    """CSV (with BOM) or GeoJSON/GPKG by extension."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext == ".csv":
        path.write_bytes(to_csv_bytes(pd.DataFrame(_plain(gdf).drop(columns="geometry"))
                                      .assign(lon=gdf.geometry.x.values, lat=gdf.geometry.y.values)))
    elif ext in (".geojson", ".json"):
        path.write_bytes(to_geojson_bytes(gdf))
    elif ext == ".gpkg":
        path.write_bytes(to_gpkg_bytes(gdf))
    else:
        raise ValueError(f"unsupported output {ext}: use .csv, .geojson or .gpkg")
