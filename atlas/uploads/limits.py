"""The limits of an upload and the names the readers look for, stated once."""

from __future__ import annotations

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_POINTS = 1_000_000
MAX_LINE_VERTICES = 200_000
MAX_LINE_PARTS = 1_000
MAX_COLUMNS = 1_000
POINT_REACH_KM = 300  # a point this close to the uploaded line (the widest band) is never exchanged
READ_SECONDS = 30  # wall-clock budget of one vector file read (the worker is killed after it)
READ_MEMORY_BYTES = 1536 * 2**20  # address space of the worker that reads a vector file
LIMITS = {"mb": MAX_UPLOAD_BYTES // 2**20, "points": MAX_POINTS, "vertices": MAX_LINE_VERTICES,
          "parts": MAX_LINE_PARTS, "columns": MAX_COLUMNS, "seconds": READ_SECONDS,
          "memory_gb": "1.5", "reach_km": POINT_REACH_KM}
LINE_SUFFIXES = {".geojson", ".json", ".gpkg", ".kml", ".gpx"}
POINT_SUFFIXES = LINE_SUFFIXES | {".csv", ".txt", ".tsv"}
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "долгота")
LAT_NAMES = ("lat", "latitude", "y", "широта")
FORMATS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage", ".kml": "KML", ".gpx": "GPX"}
