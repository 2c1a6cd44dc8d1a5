"""Format guards: what a file must not contain before any library parses it.

* size: empty or over the limit;
* XML (KML, GPX): no DOCTYPE/ENTITY declarations (entity expansion bombs, external entities);
* GeoJSON: a top-level ``crs`` member other than ``{"type": "name", …}`` is refused (a ``link``
  CRS makes GDAL fetch a URL); the whole text must be a JSON object that GeoJSON allows;
* GeoPackage: an SQLite file whose layers are plain tables. Refused, whatever the letter case of
  the names: SQL views (a view runs a query, a recursive one never ends), virtual tables other
  than the R-tree spatial index, generated or hidden columns (computed on read: a 98 kB file can
  ask for gigabytes), and triggers other than the standard GeoPackage ones are listed in the
  message but cannot run: the file is opened read-only.

Nothing in the file is executed here: the SQLite checks read only ``sqlite_master`` and
``PRAGMA table_xinfo``, on a connection opened immutable and read-only.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

from atlas.uploads._errors import UploadError
from atlas.uploads.limits import LIMITS, MAX_UPLOAD_BYTES

_XML_DANGER = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)
GEOJSON_TYPES = {"FeatureCollection", "Feature", "Point", "MultiPoint", "LineString",
                 "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}
_RTREE = re.compile(r"^\s*create\s+virtual\s+table\s+.*\busing\s+rtree\s*\(", re.I | re.S)


def check_size(data: bytes) -> None:
    if len(data) == 0:
        raise UploadError("empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_big", mb=f"{len(data) / 2**20:.0f}", limit=LIMITS["mb"])


def check_xml(text_utf8: bytes, fmt: str) -> None:
    if _XML_DANGER.search(text_utf8):
        raise UploadError("xml_doctype", fmt=fmt)


def check_geojson(text: str) -> None:
    """A GeoJSON object GDAL may read with no network: refuse anything else before GDAL sees it."""
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        raise UploadError("unreadable", fmt="GeoJSON") from None
    if not isinstance(obj, dict) or obj.get("type") not in GEOJSON_TYPES:
        raise UploadError("unreadable", fmt="GeoJSON")
    crs = obj.get("crs")
    if crs is None:
        return
    props = crs.get("properties") if isinstance(crs, dict) else None
    if not (isinstance(crs, dict) and crs.get("type") == "name" and isinstance(props, dict)
            and isinstance(props.get("name"), str) and set(crs) <= {"type", "properties"}
            and set(props) == {"name"}):
        raise UploadError("geojson_crs")


def _gpkg_standard_trigger(name: str) -> bool:
    low = name.lower()
    return low.startswith(("rtree_", "gpkg_", "trigger_insert_feature_count_",
                           "trigger_delete_feature_count_"))


def check_gpkg(path: Path) -> None:
    """Refuse what can compute on read (see the module docstring); ``path`` is a private copy."""
    if not path.read_bytes()[:16] == b"SQLite format 3\x00":
        raise UploadError("unreadable", fmt="GeoPackage")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        raise UploadError("unreadable", fmt="GeoPackage") from None
    try:
        con.execute("PRAGMA trusted_schema = OFF")
        rows = con.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master").fetchall()
        views = [n for kind, n, _ in rows if kind == "view"]
        virtual = [n for kind, n, sql in rows if kind == "table" and sql.lower().lstrip().startswith("create virtual")
                   and not _RTREE.match(sql)]
        if views:
            raise UploadError("gpkg_view", layers=", ".join(views[:5]))
        if virtual:
            raise UploadError("gpkg_virtual", layers=", ".join(virtual[:5]))
        computed = []
        for kind, name, sql in rows:
            if kind != "table" or sql.lower().lstrip().startswith("create virtual"):
                continue
            for col in con.execute("SELECT name, hidden FROM pragma_table_xinfo(?)", (name,)):
                if col[1]:
                    computed.append(f"{name}.{col[0]}")
        if computed:
            raise UploadError("gpkg_generated", columns=", ".join(computed[:5]))
        triggers = [n for kind, n, _ in rows if kind == "trigger" and not _gpkg_standard_trigger(n)]
        if triggers:
            raise UploadError("gpkg_trigger", names=", ".join(triggers[:5]))
    except sqlite3.Error:
        raise UploadError("unreadable", fmt="GeoPackage") from None
    finally:
        con.close()
