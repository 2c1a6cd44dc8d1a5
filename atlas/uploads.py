"""Read users' own files (lines and points): keep what is good, say what is not.

Every problem with a file raises one error type, :class:`UploadError`, whose message (a key of
``atlas.i18n`` plus parameters) reads in the user's language and never names a server path.
What was fixed or skipped while reading comes back as :class:`Note` objects of the same kind.

The rules, as the page and ``atlas corridor --help`` state them:

* **Limits** (:data:`LIMITS`): file size, number of points, vertices and parts of a line. A CSV
  with too many rows is refused before it is parsed.
* **Coordinates, per row:** a row is read as (latitude, longitude), i.e. exchanged, only when the
  point as given lies outside Russia's extent and the exchanged point lies inside it. Rows whose
  coordinate is impossible either way (latitude beyond ±90°, longitude beyond ±360°, empty, not a
  number, NaN) are skipped and listed by row number; the rest load. Any other valid point, in
  Russia or anywhere else, is kept as given. A line part is exchanged when none of its vertices
  as given lies inside Russia's extent and at least half of them do once exchanged.
  ``exchange=False`` switches exchanging off.
* **Russia's extent** is the atlas's own region borders widened by a quarter of a degree,
  on a quarter-degree grid.
* **Text encodings** are detected with charset-normalizer (UTF-8 with or without BOM, UTF-16,
  Windows-1251, KOI8-R, CP866 …) and the encoding used is reported.
* **The user's columns are kept unchanged:** CSV cells are read as text, exactly as written.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from atlas.i18n import t

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
MAX_POINTS = 1_000_000
MAX_LINE_VERTICES = 200_000
MAX_LINE_PARTS = 1_000
MAX_COLUMNS = 1_000
LIMITS = {"mb": MAX_UPLOAD_BYTES // 2**20, "points": MAX_POINTS, "vertices": MAX_LINE_VERTICES,
          "parts": MAX_LINE_PARTS, "columns": MAX_COLUMNS}
LINE_SUFFIXES = {".geojson", ".json", ".gpkg", ".kml", ".gpx"}
POINT_SUFFIXES = LINE_SUFFIXES | {".csv", ".txt", ".tsv"}
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "долгота")
LAT_NAMES = ("lat", "latitude", "y", "широта")
EXTENT_STEP_DEG = 0.25
# the encodings a user's table can plausibly come in; charset-normalizer chooses among them
ENCODINGS = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "cp1251", "koi8_r", "cp866",
             "mac_cyrillic", "iso8859_5", "cp1252", "iso8859_1"]
CYRILLIC_SINGLE_BYTE = {"cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5"}


def _fmt_rows(rows, limit: int = 12) -> str:
    rows = list(rows)
    shown = ", ".join(str(r) for r in rows[:limit])
    return shown + (f" … (+{len(rows) - limit})" if len(rows) > limit else "")


def fmt_int(n: int, lang: str) -> str:
    """1 000 000 in Russian (no-break spaces, which fit in a file name too), 1,000,000 in English."""
    return f"{n:,}".replace(",", {"ru": "\u00a0"}.get(lang, ","))


@dataclass
class Message:
    """A message key of ``atlas.i18n`` (``upload.<key>``) with its parameters."""

    key: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "en") -> str:
        params = {k: fmt_int(v, lang) if isinstance(v, int) and not isinstance(v, bool) else v
                  for k, v in self.params.items()}
        text = t(f"upload.{self.key}", lang)
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text

    def __str__(self) -> str:
        return self.message("en")


class Note(Message):
    """Something the reader fixed or skipped; the rest of the file was used."""


class UploadError(ValueError):
    """The file cannot be used; ``message(lang)`` says why and what to do."""

    def __init__(self, key: str, **params):
        self.msg = Message(key, params)
        super().__init__(self.msg.message("en"))

    @property
    def key(self) -> str:
        return self.msg.key

    @property
    def params(self) -> dict:
        return self.msg.params

    def message(self, lang: str = "en") -> str:
        return self.msg.message(lang)


@dataclass
class PointsUpload:
    points: gpd.GeoDataFrame
    notes: list[Note]
    encoding: str | None = None
    skipped_rows: list[int] = field(default_factory=list)
    exchanged_rows: list[int] = field(default_factory=list)

    def __iter__(self):  # ``points, notes = read_points_upload(...)``
        return iter((self.points, self.notes))

    def __getitem__(self, i):
        return (self.points, self.notes)[i]


@dataclass
class LineUpload:
    lines: gpd.GeoDataFrame  # one row per part, in file order (column ``part``, 1-based)
    notes: list[Note]

    def __iter__(self):
        return iter((self.lines, self.notes))

    def __getitem__(self, i):
        return (self.lines, self.notes)[i]


# -- Russia's extent --------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _extent_grid() -> tuple[np.ndarray, float, float]:
    """Boolean grid (lat × lon, quarter degree) of cells touching Russia widened by ¼°."""
    from atlas import io as atlas_io

    regions = atlas_io.load_regions(display=True)
    russia = shapely.union_all(shapely.simplify(regions.geometry.values, 0.02))
    russia = russia.buffer(EXTENT_STEP_DEG, quad_segs=2)
    shapely.prepare(russia)
    step = EXTENT_STEP_DEG
    lat0, lat1 = 35.0, 90.0
    lon_edges = np.arange(0.0, 360.0, step)
    lat_edges = np.arange(lat0, lat1, step)
    x, y = np.meshgrid(lon_edges, lat_edges)
    cells = shapely.box(x.ravel(), y.ravel(), x.ravel() + step, y.ravel() + step)
    grid = shapely.intersects(russia, cells).reshape(x.shape)
    # the region borders run 19°..191°E: a cell east of 180° also answers for its twin at −180°
    return grid, lat0, step


def in_russia_extent(lon, lat) -> np.ndarray:
    """True where (lon, lat) lies inside Russia's extent (see the module docstring)."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    out = np.zeros(lon.shape, dtype=bool)
    ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 360)
    grid, lat0, step = _extent_grid()
    i = np.floor((lat[ok] - lat0) / step).astype(int)
    j = np.floor(np.mod(lon[ok], 360.0) / step).astype(int) % grid.shape[1]
    inside = (i >= 0) & (i < grid.shape[0])
    res = np.zeros(len(i), dtype=bool)
    res[inside] = grid[i[inside], j[inside]]
    out[ok] = res
    return out


def _possible(lon, lat) -> np.ndarray:
    return np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 360)


def decide_points(lon, lat, exchange: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The per-row rule: (lon, lat, exchanged, rejected) for coordinates as given."""
    lon = np.asarray(lon, dtype=float)
    lat = np.asarray(lat, dtype=float)
    if exchange:
        given_in = in_russia_extent(lon, lat)
        swap = ~given_in
        swap[swap] = in_russia_extent(lat[swap], lon[swap])
    else:
        swap = np.zeros(lon.shape, dtype=bool)
    out_lon = np.where(swap, lat, lon)
    out_lat = np.where(swap, lon, lat)
    rejected = ~_possible(out_lon, out_lat)
    return out_lon, out_lat, swap, rejected


def decide_line(coords: np.ndarray, exchange: bool = True) -> tuple[np.ndarray, bool]:
    """The per-part rule for a line's vertices (n × 2, as given): (coords, exchanged)."""
    if not exchange:
        return coords, False
    given_in = in_russia_extent(coords[:, 0], coords[:, 1])
    if given_in.any():
        return coords, False
    swapped_in = in_russia_extent(coords[:, 1], coords[:, 0])
    if swapped_in.sum() * 2 >= len(coords) and swapped_in.any():
        return coords[:, ::-1].copy(), True
    return coords, False


# -- bytes → text -----------------------------------------------------------------------------
def _check_size(data: bytes) -> None:
    if len(data) == 0:
        raise UploadError("empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError("too_big", mb=f"{len(data) / 2**20:.0f}", limit=LIMITS["mb"])


def _mixed_case_words(text: str) -> int:
    """Words with a capital after a small letter (КОИ-8 read as Windows-1251 looks like that)."""
    return len(re.findall(r"[а-яё][А-ЯЁ]", text))


def detect_encoding(data: bytes) -> str:
    """The text encoding of ``data`` (a Python codec name), found by charset-normalizer.

    Among single-byte Cyrillic readings that the detector finds equally plausible, the one
    with the fewest words capitalised in the middle wins (Russian words do not look like
    ``юРЦЮ``); that settles KOI8-R against Windows-1251 on short files.
    """
    from charset_normalizer import from_bytes

    if data.startswith(b"\xef\xbb\xbf"):
        return "utf_8_sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf_32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf_16"
    sample = data[: 1 << 20]
    try:
        if b"\x00" not in sample[:4096]:  # UTF-16 without a BOM is valid UTF-8 full of NULs
            sample.decode("utf-8")
            return "utf_8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4 and len(data) > len(sample):
            return "utf_8"  # a multi-byte letter cut at the end of the sample
    matches = list(from_bytes(sample, cp_isolation=ENCODINGS))
    if not matches:
        raise UploadError("decode")
    best = matches[0]
    if best.encoding in CYRILLIC_SINGLE_BYTE:
        cyr = [m for m in matches if m.encoding in CYRILLIC_SINGLE_BYTE]
        order = ["cp1251", "koi8_r", "cp866", "iso8859_5", "mac_cyrillic"]  # how common they are
        best = min(cyr, key=lambda m: (_mixed_case_words(str(m)), order.index(m.encoding)))
    return best.encoding


def _encoding_label(enc: str) -> str:
    return {"utf_8": "UTF-8", "utf_8_sig": "UTF-8 (BOM)", "utf_16": "UTF-16", "utf_16_le": "UTF-16 LE",
            "utf_16_be": "UTF-16 BE", "utf_32": "UTF-32", "cp1251": "Windows-1251", "koi8_r": "KOI8-R",
            "cp866": "CP866 (DOS)", "mac_cyrillic": "Mac Cyrillic", "iso8859_5": "ISO-8859-5",
            "cp1252": "Windows-1252", "iso8859_1": "ISO-8859-1", "ascii": "ASCII"}.get(enc, enc)


# -- vector files -----------------------------------------------------------------------------
_XML_DANGER = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.I)


def _sanitize(detail: str, tmp: str) -> str:
    """A library's message without the server's paths or advice meant for programmers."""
    detail = detail.split("; It might help")[0]
    detail = re.sub(r"['\"]?" + re.escape(tmp) + r"[^'\"\s]*['\"]?", "the file", detail)
    detail = detail.replace("\\", "/")
    detail = re.sub(r"(/[\w.\-]+)+/?", "", detail)  # any remaining absolute path
    detail = re.sub(r"\s+", " ", detail).strip(" :;,.")
    return detail[:200]


def _as_utf8(data: bytes) -> bytes:
    """The bytes as UTF-8 (XML in UTF-16 or UTF-32 would hide a DOCTYPE from a byte search)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in data[:4096]:
        try:
            return data.decode(detect_encoding(data), errors="ignore").encode("utf-8")
        except (LookupError, UploadError):
            return data.replace(b"\x00", b"")
    return data


def _check_gpkg(data: bytes) -> None:
    """Refuse a GeoPackage whose layers are SQL views: a view can run any query (a recursive
    one never ends), a table can only be read. Nothing in the file is executed here."""
    import sqlite3

    if not data.startswith(b"SQLite format 3\x00"):
        raise UploadError("unreadable", fmt="GeoPackage", detail="not an SQLite database")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "check.gpkg"
        path.write_bytes(data)
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
            try:
                views = con.execute(
                    "SELECT c.table_name FROM gpkg_contents c JOIN sqlite_master m "
                    "ON m.name = c.table_name WHERE m.type = 'view'").fetchall()
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise UploadError("unreadable", fmt="GeoPackage", detail=_sanitize(str(exc), tmp)) from None
    if views:
        raise UploadError("gpkg_view", layers=", ".join(str(v[0]) for v in views[:5]))


def _read_vector(data: bytes, suffix: str, want: str) -> tuple[list[gpd.GeoDataFrame], list[Note]]:
    """Every layer of a vector file (GPX: tracks and routes for lines, waypoints for points)."""
    import pyogrio

    notes: list[Note] = []
    fmt = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GeoPackage", ".kml": "KML",
           ".gpx": "GPX"}[suffix]
    if suffix in (".kml", ".gpx") and _XML_DANGER.search(_as_utf8(data)):
        raise UploadError("xml_doctype", fmt=fmt)
    if suffix == ".gpkg":
        _check_gpkg(data)
    if suffix in (".geojson", ".json"):
        enc = detect_encoding(data)
        if enc not in ("utf_8", "utf_8_sig", "ascii"):
            try:
                data = data.decode(enc).encode("utf-8")
            except (UnicodeDecodeError, LookupError) as exc:
                raise UploadError("decode") from exc
            notes.append(Note("encoding", {"encoding": _encoding_label(enc)}))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                listed = pyogrio.list_layers(path)
                layers = [str(n) for n, kind in listed if kind is not None]  # tables without geometry
                if suffix == ".gpx":
                    keep = ("tracks", "routes") if want == "lines" else ("waypoints",)
                    layers = [n for n in layers if n in keep]
                frames = []
                for name in layers:
                    info = pyogrio.read_info(path, layer=name)
                    if info.get("features", 0) > MAX_POINTS:
                        raise UploadError("too_many_points", n=int(info["features"]), limit=MAX_POINTS)
                    if len(info.get("fields", ())) > MAX_COLUMNS:
                        raise UploadError("too_many_columns", n=len(info["fields"]), limit=MAX_COLUMNS)
                    frames.append(gpd.read_file(path, layer=name, engine="pyogrio"))
        except UploadError:
            raise
        except Exception as exc:  # GDAL has many ways of saying "not this format"
            raise UploadError("unreadable", fmt=fmt, detail=_sanitize(str(exc), tmp)) from None
    frames = [f for f in frames if len(f)]
    if not frames:
        raise UploadError("no_features")
    return [_to_lonlat(f) for f in frames], notes


def _to_lonlat(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        gdf = gdf.set_crs(4326)
    elif not gdf.crs.equals("EPSG:4326"):
        try:
            gdf = gdf.to_crs(4326)
        except Exception:
            raise UploadError("bad_crs") from None
    return gdf


def _finite_bounds(coords: np.ndarray) -> bool:
    return bool(np.isfinite(coords).all())


def _check_degrees(coords: np.ndarray) -> None:
    """A projected file without a CRS: coordinates far beyond any degree."""
    if len(coords) and (np.abs(coords) > 1000).any(axis=1).mean() > 0.5:
        raise UploadError("not_degrees")


def _guarded(reader):
    """No exception but UploadError leaves a reader: a bug or an odd library error becomes a
    message (without paths) instead of a traceback on the page."""
    import functools

    @functools.wraps(reader)
    def wrapper(data, filename, *args, **kwargs):
        try:
            return reader(data, filename, *args, **kwargs)
        except UploadError:
            raise
        except MemoryError:
            raise UploadError("too_big", mb=f"{len(data) / 2**20:.0f}", limit=LIMITS["mb"]) from None
        except Exception as exc:  # noqa: BLE001
            fmt = Path(str(filename)).suffix.lstrip(".").upper() or "?"
            raise UploadError("unreadable", fmt=fmt,
                              detail=_sanitize(f"{type(exc).__name__}: {exc}", tempfile.gettempdir())) from None

    return wrapper


@_guarded
def read_line_upload(data: bytes, filename: str, exchange: bool = True) -> LineUpload:
    """A user's corridor: the line parts of a GeoJSON, GeoPackage, KML or GPX file (EPSG:4326).

    Returns a :class:`LineUpload` (unpacks as ``lines, notes``): one row per part, in file
    order. Parts are never joined here; :func:`atlas.api.as_corridor` decides whether they
    form one route.
    """
    _check_size(data)
    suffix = Path(str(filename)).suffix.lower()
    if suffix not in LINE_SUFFIXES:
        raise UploadError("type", suffix=suffix or "—", kinds="GeoJSON, GeoPackage, KML, GPX")
    frames, notes = _read_vector(data, suffix, "lines")
    parts, feature_of, kinds = _collect_parts(frames)
    if not parts:
        if not kinds:
            raise UploadError("no_features")
        raise UploadError("need_line", kinds=", ".join(sorted(kinds)))
    if len(parts) > MAX_LINE_PARTS:
        raise UploadError("too_many_parts", n=len(parts), limit=MAX_LINE_PARTS)
    n_vertices = sum(len(p) for p in parts)
    if n_vertices > MAX_LINE_VERTICES:
        raise UploadError("too_many_vertices", n=n_vertices, limit=MAX_LINE_VERTICES)
    finite = [p[np.isfinite(p).all(axis=1)] for p in parts if len(p)]
    _check_degrees(np.vstack(finite) if finite else np.empty((0, 2)))
    kept, dropped, exchanged = _decide_parts(parts, feature_of, exchange)
    many = len(parts) > 1
    if not kept:
        reason, which = next(iter(dropped.items()))
        raise UploadError(f"line_{reason}" + ("_all" if many else ""), parts=_fmt_rows(which))
    for reason, which in dropped.items():
        notes.append(Note(f"parts_dropped_{reason}", {"parts": _fmt_rows(which), "n": len(which)}))
    if exchanged:
        notes.append(Note("line_exchanged" if not many else "parts_exchanged",
                          {"parts": _fmt_rows(exchanged), "n": len(exchanged)}))
    others = kinds - {"LineString", "MultiLineString", "LinearRing", "GeometryCollection"}
    if others:
        notes.append(Note("non_lines_skipped", {"kinds": ", ".join(sorted(others))}))
    lines = gpd.GeoDataFrame({"part": [k for k, _, _ in kept], "feature": [f for _, f, _ in kept]},
                             geometry=[g for _, _, g in kept], crs=4326)
    return LineUpload(lines, notes)


def _collect_parts(frames) -> tuple[list[np.ndarray], list[int], set[str]]:
    """Vertex arrays of every line part, in file order, with the feature each came from."""
    parts, feature_of, kinds = [], [], set()
    feature = 0
    for gdf in frames:
        for geom in gdf.geometry.values:
            feature += 1
            if geom is None or geom.is_empty:
                continue
            kinds.add(geom.geom_type)
            for part in _line_parts(geom):
                parts.append(np.asarray(shapely.get_coordinates(part), dtype=float))
                feature_of.append(feature)
    return parts, feature_of, kinds


def _decide_parts(parts, feature_of, exchange: bool):
    """Apply the per-part rule: (kept (part, feature, LineString), dropped {reason: parts}, exchanged)."""
    kept, dropped, exchanged = [], {}, []
    for k, coords in enumerate(parts, start=1):
        if not _finite_bounds(coords):
            dropped.setdefault("nonfinite", []).append(k)
            continue
        coords, swapped = decide_line(coords, exchange)
        if not _possible(coords[:, 0], coords[:, 1]).all():
            dropped.setdefault("impossible", []).append(k)
            continue
        keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
        coords = coords[keep]
        if len(coords) < 2:
            dropped.setdefault("degenerate", []).append(k)
            continue
        if swapped:
            exchanged.append(k)
        kept.append((k, feature_of[k - 1], shapely.LineString(coords)))
    return kept, dropped, exchanged


def _line_parts(geom):
    kind = geom.geom_type
    if kind in ("LineString", "LinearRing"):
        return [geom]
    if kind in ("MultiLineString", "GeometryCollection"):
        return [p for g in geom.geoms for p in _line_parts(g)]
    return []


# -- points -----------------------------------------------------------------------------------
def _sniff_sep(text_head: str) -> str:
    """The field separator: the candidate that splits the first lines (quotes respected) into
    the same number of fields, at least two, most often; ties go to the order , ; tab |."""
    lines = text_head.splitlines()[:50]
    if len(text_head) >= 65536 and len(lines) > 1:
        lines = lines[:-1]  # the last line of the sample may be cut
    best, best_score = ",", (-1, 0)
    for sep in (",", ";", "\t", "|"):
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=sep) if r]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        score = (sum(c == counts[0] for c in counts), counts[0])
        if score > best_score:
            best, best_score = sep, score
    return best


def _count_rows(data: bytes, enc: str) -> int:
    nl = "\n".encode(enc.replace("_sig", ""))
    if nl.startswith(b"\xff\xfe") or nl.startswith(b"\xfe\xff"):  # utf-16 with BOM from encode
        nl = nl[2:]
    return data.count(nl)


@_guarded
def read_points_upload(data: bytes, filename: str, exchange: bool = True) -> PointsUpload:
    """A user's points: a CSV with longitude/latitude columns, or a vector file's points.

    Returns a :class:`PointsUpload` (unpacks as ``points, notes``). Every column of the file
    is kept as it was (CSV cells as text); the geometry holds the coordinates the per-row
    rule decided on.
    """
    _check_size(data)
    suffix = Path(str(filename)).suffix.lower()
    if suffix not in POINT_SUFFIXES:
        raise UploadError("type", suffix=suffix or "—", kinds="CSV, GeoJSON, GeoPackage, KML, GPX")
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv_points(data, exchange)
    frames, notes = _read_vector(data, suffix, "points")
    gdf = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0].reset_index(drop=True)
    gdf = gpd.GeoDataFrame(gdf, geometry=gdf.geometry.name, crs=4326)
    geoms = gdf.geometry.values
    kinds = shapely.get_type_id(geoms)
    single = np.array([g is not None and g.geom_type == "MultiPoint" and len(g.geoms) == 1
                       for g in geoms]) if (kinds == 4).any() else np.zeros(len(gdf), bool)
    is_point = (kinds == 0) | single
    if not is_point.any():
        raise UploadError("no_points")
    if (~is_point).any():
        notes.append(Note("non_points_skipped", {"n": int((~is_point).sum()),
                                                 "rows": _fmt_rows(np.flatnonzero(~is_point) + 1)}))
    feature_no = np.flatnonzero(is_point) + 1
    gdf = gdf[is_point]
    pts = shapely.get_point(gdf.geometry.values, 0) if single.any() else gdf.geometry.values
    xy = shapely.get_coordinates(pts)
    _check_degrees(xy[np.isfinite(xy).all(axis=1)])
    return _finish_points(gdf.drop(columns=gdf.geometry.name), xy[:, 0], xy[:, 1], feature_no,
                          exchange, notes, None, "features")


def _read_csv_points(data: bytes, exchange: bool) -> PointsUpload:
    enc = detect_encoding(data)
    notes = [Note("encoding", {"encoding": _encoding_label(enc)})]
    try:
        head = data[: 1 << 16].decode(enc, errors="ignore")
    except LookupError:
        raise UploadError("decode") from None
    rows = _count_rows(data, enc)
    if rows - 1 > MAX_POINTS:
        raise UploadError("too_many_points", n=rows - 1, limit=MAX_POINTS)
    head = head.lstrip("\ufeff")
    skip = 0
    excel = re.match(r"sep=(.)\r?\n", head)  # Excel's "sep=;" first line names the separator
    if excel:
        sep, skip, head = excel.group(1), 1, head[excel.end():]
    else:
        sep = _sniff_sep(head)
    first = head.split("\n", 1)
    n_fields = len(next(csv.reader([first[0]], delimiter=sep), []))
    if n_fields > MAX_COLUMNS or (len(first) == 1 and len(head) >= 60_000):
        raise UploadError("too_many_columns", n=n_fields, limit=MAX_COLUMNS)
    skipped_lines: list[int] = []
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            df = pd.read_csv(io.BytesIO(data), sep=sep, dtype=str, keep_default_na=False,
                             encoding="utf-8-sig" if enc in ("utf_8", "utf_8_sig") else enc,
                             on_bad_lines="warn", skip_blank_lines=True, engine="c", skiprows=skip,
                             encoding_errors="strict")
        for w in caught:
            skipped_lines += [int(n) for n in re.findall(r"[Ll]ine (\d+)", str(w.message))]
    except UnicodeDecodeError:
        raise UploadError("decode") from None
    except pd.errors.EmptyDataError:
        raise UploadError("csv_no_rows") from None
    except Exception as exc:
        raise UploadError("csv_parse", detail=_sanitize(str(exc), tempfile.gettempdir())) from None
    if df.empty:
        raise UploadError("csv_no_rows")
    if skipped_lines:
        notes.append(Note("csv_bad_lines", {"n": len(skipped_lines), "rows": _fmt_rows(skipped_lines)}))
    header = next(csv.reader([head.splitlines()[0]], delimiter=sep), [])
    if [h for h in header] != [str(c) for c in df.columns] and len(header) == len(df.columns):
        changed = [f"{a!s} → {b!s}" for a, b in zip(header, df.columns) if str(a) != str(b)]
        if changed:
            notes.append(Note("headers_renamed", {"pairs": "; ".join(changed[:8])}))
    cols = {str(c).strip().casefold(): c for c in df.columns}
    lon_c = next((cols[n] for n in LON_NAMES if n in cols), None)
    lat_c = next((cols[n] for n in LAT_NAMES if n in cols), None)
    if lon_c is None or lat_c is None or lon_c == lat_c:
        raise UploadError("csv_no_coords", columns=", ".join(str(c) for c in df.columns[:12]))
    lon = _numbers(df[lon_c])
    lat = _numbers(df[lat_c])
    line_no = np.arange(len(df)) + 2 + skip  # as in a spreadsheet: the header is row 1
    if skipped_lines:  # rows pandas skipped shift the numbering of the rows after them
        bad = np.sort(np.asarray(skipped_lines))
        line_no = _line_numbers_with_gaps(len(df), bad) + skip
    return _finish_points(df, lon, lat, line_no, exchange, notes, enc, "rows")


def _line_numbers_with_gaps(n: int, bad: np.ndarray) -> np.ndarray:
    out = np.empty(n, dtype=int)
    line, k, b = 2, 0, 0
    while k < n:
        while b < len(bad) and bad[b] == line:
            line += 1
            b += 1
        out[k] = line
        line += 1
        k += 1
    return out


def _numbers(s: pd.Series) -> np.ndarray:
    """Decimal numbers with a point or a comma; anything else becomes NaN."""
    txt = s.astype(str).str.strip().str.replace(",", ".", regex=False).str.replace("\u2212", "-", regex=False)
    return pd.to_numeric(txt, errors="coerce").to_numpy(dtype=float)


def _finish_points(df: pd.DataFrame, lon, lat, numbers, exchange: bool, notes: list[Note],
                   enc: str | None, unit: str) -> PointsUpload:
    lon, lat, swapped, rejected = decide_points(lon, lat, exchange)
    numbers = np.asarray(numbers)
    if rejected.all():
        raise UploadError(f"no_valid_{unit}", rows=_fmt_rows(numbers[rejected]))
    skipped = numbers[rejected].tolist()
    exchanged = numbers[swapped & ~rejected].tolist()
    if skipped:
        notes.append(Note(f"{unit}_skipped", {"n": len(skipped), "rows": _fmt_rows(skipped)}))
    if exchanged:
        notes.append(Note(f"{unit}_exchanged", {"n": len(exchanged), "rows": _fmt_rows(exchanged)}))
    keep = ~rejected
    geom_name = "geometry"
    while geom_name in df.columns:
        geom_name = "atlas_" + geom_name
    data = df[keep].reset_index(drop=True) if not keep.all() else df.reset_index(drop=True)
    data[geom_name] = gpd.points_from_xy(lon[keep], lat[keep], crs=4326)
    gdf = gpd.GeoDataFrame(data, geometry=geom_name, crs=4326)
    return PointsUpload(gdf, notes, _encoding_label(enc) if enc else None, skipped, exchanged)


def rule_text(lang: str = "ru") -> str:
    """The coordinate rule and the limits, for the uploader's help and ``--help``."""
    return t("upload.rule", lang).format(**{k: fmt_int(v, lang) if isinstance(v, int) else v
                                        for k, v in LIMITS.items()})


def limits_text(lang: str = "ru") -> str:
    return t("upload.limits", lang).format(**{k: fmt_int(v, lang) for k, v in LIMITS.items()})
