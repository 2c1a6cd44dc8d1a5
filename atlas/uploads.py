"""Read users' own files (lines and points) with clear messages for bad input.

Nothing here touches the atlas's own layers: a failed upload changes nothing else.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
LINE_SUFFIXES = {".geojson", ".json", ".gpkg", ".kml", ".gpx"}
POINT_SUFFIXES = LINE_SUFFIXES | {".csv"}
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "долгота")
LAT_NAMES = ("lat", "latitude", "y", "широта")


class UploadError(ValueError):
    """The uploaded file cannot be used; the message says why and what to do."""


def _check_size(data: bytes) -> None:
    if len(data) == 0:
        raise UploadError("The file is empty / Файл пустой.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(f"The file is {len(data) / 2**20:.0f} MB; the limit is "
                          f"{MAX_UPLOAD_BYTES // 2**20} MB. Simplify it or upload only the route "
                          f"/ Файл больше {MAX_UPLOAD_BYTES // 2**20} МБ.")


def _read_vector(data: bytes, suffix: str) -> gpd.GeoDataFrame:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        layer = None
        if suffix == ".gpx":
            import pyogrio

            names = [n for n, _ in pyogrio.list_layers(path)]
            layer = next((n for n in ("tracks", "routes") if n in names), None)
        try:
            gdf = gpd.read_file(path, layer=layer) if layer else gpd.read_file(path)
        except Exception as exc:  # pyogrio raises several DataSourceError kinds
            raise UploadError(f"Could not read the file as {suffix[1:].upper()}: {exc}. "
                              "Is it broken or in another format? / Файл не читается.") from exc
    if gdf.empty:
        raise UploadError("The file has no features / В файле нет объектов.")
    if gdf.crs is None:
        b = gdf.total_bounds
        if np.all(np.abs(b[[0, 2]]) <= 360) and np.all(np.abs(b[[1, 3]]) <= 90):
            gdf = gdf.set_crs(4326)
        else:
            raise UploadError("The file has no coordinate reference system and its coordinates "
                              "are not longitude/latitude: save it with a CRS (e.g. EPSG:4326) "
                              "/ В файле нет системы координат.")
    gdf = gdf.to_crs(4326)
    b = gdf.total_bounds
    if not (np.all(np.abs(b[[0, 2]]) <= 360) and np.all(np.abs(b[[1, 3]]) <= 90)):
        raise UploadError("The coordinates are not longitude/latitude although the file claims so: "
                          "set its coordinate reference system (e.g. EPSG:3857) and export again "
                          "/ Координаты не в градусах: укажите систему координат.")
    return gdf


def read_line_upload(data: bytes, filename: str) -> gpd.GeoDataFrame:
    """A user's corridor: lines from GeoJSON, GeoPackage, KML or GPX, in EPSG:4326."""
    _check_size(data)
    suffix = Path(filename).suffix.lower()
    if suffix not in LINE_SUFFIXES:
        raise UploadError(f"Unsupported file type {suffix or '(none)'}: use GeoJSON, GeoPackage, KML or GPX.")
    gdf = _read_vector(data, suffix)
    gdf = gdf[gdf.geometry.notna() & ~gdf.geometry.is_empty]
    lines = gdf[gdf.geom_type.isin(["LineString", "MultiLineString"])]
    if lines.empty:
        kinds = ", ".join(sorted(set(gdf.geom_type)))
        raise UploadError(f"A corridor needs a line, but the file holds {kinds}. "
                          "Upload the route as a LineString / Нужна линия маршрута.")
    return lines[["geometry"]].reset_index(drop=True)


def _decode(data: bytes) -> str:
    for enc in ("utf-8-sig", "cp1251"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise UploadError("The text is neither UTF-8 nor Windows-1251 / Неизвестная кодировка.")


def read_points_upload(data: bytes, filename: str) -> tuple[gpd.GeoDataFrame, list[str]]:
    """A user's points (CSV with lon/lat columns, or a vector file) and notes on fixes made."""
    _check_size(data)
    suffix = Path(filename).suffix.lower()
    notes: list[str] = []
    if suffix != ".csv":
        if suffix not in POINT_SUFFIXES:
            raise UploadError(f"Unsupported file type {suffix or '(none)'}: use CSV, GeoJSON, GeoPackage or KML.")
        gdf = _read_vector(data, suffix)
        pts = gdf[gdf.geom_type == "Point"]
        if pts.empty:
            raise UploadError("The file has no points / В файле нет точек.")
        return pts.reset_index(drop=True), notes
    text = _decode(data)
    try:
        df = pd.read_csv(io.StringIO(text), sep=None, engine="python")
    except Exception as exc:
        raise UploadError(f"Could not parse the CSV: {exc}") from exc
    if df.empty:
        raise UploadError("The CSV has a header but no rows / В CSV нет строк.")
    cols = {c.strip().casefold(): c for c in df.columns}
    lon_c = next((cols[n] for n in LON_NAMES if n in cols), None)
    lat_c = next((cols[n] for n in LAT_NAMES if n in cols), None)
    if lon_c is None or lat_c is None:
        raise UploadError("The CSV needs 'lon' and 'lat' columns / Нужны столбцы lon и lat.")
    lon = pd.to_numeric(df[lon_c].astype(str).str.replace(",", "."), errors="coerce")
    lat = pd.to_numeric(df[lat_c].astype(str).str.replace(",", "."), errors="coerce")
    bad = lon.isna() | lat.isna()
    if bad.all():
        raise UploadError("No row has numeric coordinates / Нет числовых координат.")
    if bad.any():
        notes.append(f"{int(bad.sum())} rows without numeric coordinates were skipped")
    df, lon, lat = df[~bad], lon[~bad], lat[~bad]
    if _looks_swapped(lon, lat):
        lon, lat = lat, lon
        notes.append("longitude and latitude looked swapped and were exchanged")
    if (lat.abs() > 90).any():
        raise UploadError("Some latitudes are outside ±90° / Широта вне диапазона.")
    gdf = gpd.GeoDataFrame(df.drop(columns=[lon_c, lat_c]), geometry=gpd.points_from_xy(lon, lat), crs=4326)
    return gdf.reset_index(drop=True), notes


def _looks_swapped(lon: pd.Series, lat: pd.Series) -> bool:
    """True when the 'lat' column holds longitudes (|lat| > 90, or Russia read backwards)."""
    if (lat.abs() > 90).any() and (lon.abs() <= 90).all():
        return True
    med_lon, med_lat = float(lon.median()), float(lat.median())
    # Russia spans 41–82°N and 19–191°E: a latitude median outside 35–85 whose partner
    # column sits at Russian latitudes means the columns are exchanged.
    return (med_lat < 35 or med_lat > 85) and 35 <= med_lon <= 85
