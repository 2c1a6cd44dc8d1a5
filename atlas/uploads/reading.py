"""Read users' own files (lines and points): keep what is good, say what is not.

Every problem with a file raises one error type, :class:`UploadError`, whose message (a key of
``atlas.i18n`` plus parameters) reads in the user's language, quotes the user's own text for
where it is shown, and never names a server path or repeats a library's text.
What was fixed or skipped while reading comes back as :class:`Note` objects of the same kind.

* **Limits** (:mod:`atlas.uploads.limits`): file size, number of points, vertices and parts of a
  line. A CSV with too many rows is refused before it is parsed; a vector file is read in a
  bounded child process (:mod:`atlas.uploads.sandbox`).
* **Coordinates:** the rule of :mod:`atlas.uploads.coords` — points row by row, never moving a
  point near the uploaded line or in a neighbouring country; a line as a whole, asking the
  reader when the two readings fit Russia about equally.
* **Text encodings:** :mod:`atlas.uploads.text` (UTF-8 checked over the whole file; Cyrillic
  code pages told apart by their letters).
* **The user's columns are kept unchanged:** CSV cells are read as text, exactly as written;
  GeoJSON values that look like dates stay text.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from atlas.i18n import t
from atlas.uploads import sandbox
from atlas.uploads._errors import Note, UploadError, fmt_int, fmt_rows
from atlas.uploads.coords import (
    LINE_ORDERS,
    AmbiguousLine,
    decide_line_order,
    decide_points,
    possible,
)
from atlas.uploads.guards import check_size
from atlas.uploads.limits import (
    LAT_NAMES,
    LIMITS,
    LINE_SUFFIXES,
    LON_NAMES,
    MAX_COLUMNS,
    MAX_LINE_PARTS,
    MAX_LINE_VERTICES,
    MAX_POINTS,
    POINT_REACH_KM,
    POINT_SUFFIXES,
)
from atlas.uploads.text import count_rows, detect_encoding, encoding_label, sniff_sep


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


def _check_degrees(coords: np.ndarray) -> None:
    """A projected file without a CRS: coordinates far beyond any degree."""
    if len(coords) and (np.abs(coords) > 1000).any(axis=1).mean() > 0.5:
        raise UploadError("not_degrees")


def _guarded(reader):
    """No exception but UploadError leaves a reader: a bug or an odd library error becomes a
    message (no library text, no paths) instead of a traceback on the page."""

    @functools.wraps(reader)
    def wrapper(data, filename, *args, **kwargs):
        try:
            return reader(data, filename, *args, **kwargs)
        except UploadError:
            raise
        except MemoryError:
            raise UploadError("too_much_memory") from None
        except Exception:  # noqa: BLE001
            fmt = Path(str(filename)).suffix.lstrip(".").upper() or "?"
            raise UploadError("unreadable", fmt=fmt) from None

    return wrapper


@_guarded
def read_line_upload(data: bytes, filename: str, exchange: bool = True, order: str = "auto") -> LineUpload:
    """A user's corridor: the line parts of a GeoJSON, GeoPackage, KML or GPX file (EPSG:4326).

    Returns a :class:`LineUpload` (unpacks as ``lines, notes``): one row per part, in file
    order. Parts are never joined here; :func:`atlas.api.as_corridor` decides whether they
    form one route. ``order``: ``"auto"`` (the rule; ``UploadError("line_ambiguous")`` when it
    cannot tell), ``"lonlat"`` (as given) or ``"latlon"`` (exchanged); ``exchange=False`` is
    ``order="lonlat"``.
    """
    check_size(data)
    suffix = Path(str(filename)).suffix.lower()
    if suffix not in LINE_SUFFIXES:
        raise UploadError("type", suffix=suffix or "—", kinds="GeoJSON, GeoPackage, KML, GPX")
    frames, notes = sandbox.read_vector(data, suffix, "lines")
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
    if suffix == ".gpx" and order == "auto":
        order = "lonlat"  # GPX labels every coordinate (lat="…" lon="…"): there is nothing to decide
    try:
        swap = decide_line_order(parts, order if exchange else "lonlat")
    except AmbiguousLine as amb:
        raise UploadError("line_ambiguous", given=f"{amb.given:.0%}", exchanged=f"{amb.exchanged:.0%}") from None
    kept, dropped = _decide_parts(parts, feature_of, swap)
    many = len(parts) > 1
    if not kept:
        reason, which = next(iter(dropped.items()))
        raise UploadError(f"line_{reason}" + ("_all" if many else ""), parts=fmt_rows(which))
    for reason, which in dropped.items():
        notes.append(Note(f"parts_dropped_{reason}", {"parts": fmt_rows(which), "n": len(which)}))
    if swap and order == "auto" and exchange:  # decided by the rule, not chosen
        notes.append(Note("line_exchanged"))
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



def _decide_parts(parts, feature_of, swap: bool):
    """Apply the line's order to every part: (kept (part, feature, LineString), dropped {reason: parts})."""
    kept, dropped = [], {}
    for k, coords in enumerate(parts, start=1):
        if not np.isfinite(coords).all():
            dropped.setdefault("nonfinite", []).append(k)
            continue
        if swap:
            coords = coords[:, ::-1].copy()
        if not possible(coords[:, 0], coords[:, 1]).all():
            dropped.setdefault("impossible", []).append(k)
            continue
        keep = np.concatenate([[True], np.any(np.diff(coords, axis=0) != 0, axis=1)])
        coords = coords[keep]
        if len(coords) < 2:
            dropped.setdefault("degenerate", []).append(k)
            continue
        kept.append((k, feature_of[k - 1], shapely.LineString(coords)))
    return kept, dropped


def _line_parts(geom):
    kind = geom.geom_type
    if kind in ("LineString", "LinearRing"):
        return [geom]
    if kind in ("MultiLineString", "GeometryCollection"):
        return [p for g in geom.geoms for p in _line_parts(g)]
    return []



@_guarded
def read_points_upload(data: bytes, filename: str, exchange: bool = True, line=None,
                       reach_km: float = POINT_REACH_KM, order: str = "auto") -> PointsUpload:
    """A user's points: a CSV with longitude/latitude columns, or a vector file's points.

    Returns a :class:`PointsUpload` (unpacks as ``points, notes``). Every column of the file
    is kept as it was (CSV cells as text); the geometry holds the coordinates the per-row
    rule decided on. ``line`` (a shapely line in EPSG:4326) and ``reach_km``: points within
    reach of that line as given are never exchanged. ``order``: ``"auto"`` (the rule),
    ``"lonlat"`` (as given) or ``"latlon"`` (every row exchanged).
    """
    check_size(data)
    suffix = Path(str(filename)).suffix.lower()
    if suffix not in POINT_SUFFIXES:
        raise UploadError("type", suffix=suffix or "—", kinds="CSV, GeoJSON, GeoPackage, KML, GPX")
    if order not in LINE_ORDERS:
        raise ValueError(f"order must be one of {LINE_ORDERS}")
    rule = {"exchange": exchange, "line": line, "reach_km": reach_km, "order": order}
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv_points(data, rule)
    frames, notes = sandbox.read_vector(data, suffix, "points")
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
                                                 "rows": fmt_rows(np.flatnonzero(~is_point) + 1)}))
    feature_no = np.flatnonzero(is_point) + 1
    gdf = gdf[is_point]
    pts = shapely.get_point(gdf.geometry.values, 0) if single.any() else gdf.geometry.values
    xy = shapely.get_coordinates(pts)
    _check_degrees(xy[np.isfinite(xy).all(axis=1)])
    return _finish_points(gdf.drop(columns=gdf.geometry.name), xy[:, 0], xy[:, 1], feature_no,
                          rule, notes, None, "features")


def _read_csv_points(data: bytes, rule: dict) -> PointsUpload:
    enc = detect_encoding(data)
    notes = [Note("encoding", {"encoding": encoding_label(enc)})]
    try:
        head = data[: 1 << 16].decode(enc, errors="ignore")
    except LookupError:
        raise UploadError("decode") from None
    rows = count_rows(data, enc)
    if rows - 1 > MAX_POINTS:
        raise UploadError("too_many_points", n=rows - 1, limit=MAX_POINTS)
    head = head.lstrip("\ufeff")
    skip = 0
    excel = re.match(r"sep=(.)\r?\n", head)  # Excel's "sep=;" first line names the separator
    if excel:
        sep, skip, head = excel.group(1), 1, head[excel.end():]
    else:
        sep = sniff_sep(head)
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
    except Exception:  # noqa: BLE001 — the parser's own words would not help the reader
        raise UploadError("csv_parse") from None
    if df.empty:
        raise UploadError("csv_no_rows")
    if skipped_lines:
        notes.append(Note("csv_bad_lines", {"n": len(skipped_lines), "rows": fmt_rows(skipped_lines)}))
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
    return _finish_points(df, lon, lat, line_no, rule, notes, enc, "rows")


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


def _finish_points(df: pd.DataFrame, lon, lat, numbers, rule: dict, notes: list[Note],
                   enc: str | None, unit: str) -> PointsUpload:
    lon, lat, swapped, rejected, held = decide_points(lon, lat, **rule)
    numbers = np.asarray(numbers)
    if rejected.all():
        raise UploadError(f"no_valid_{unit}", rows=fmt_rows(numbers[rejected]))
    skipped = numbers[rejected].tolist()
    exchanged = numbers[swapped & ~rejected].tolist()
    if skipped:
        notes.append(Note(f"{unit}_skipped", {"n": len(skipped), "rows": fmt_rows(skipped)}))
    if exchanged:
        notes.append(Note(f"{unit}_exchanged" if rule["order"] == "auto" else f"{unit}_exchanged_all",
                          {"n": len(exchanged), "rows": fmt_rows(exchanged)}))
    if held.any():
        notes.append(Note(f"{unit}_held", {"n": int(held.sum()), "rows": fmt_rows(numbers[held].tolist())}))
    keep = ~rejected
    geom_name = "geometry"
    while geom_name in df.columns:
        geom_name = "atlas_" + geom_name
    data = df[keep].reset_index(drop=True) if not keep.all() else df.reset_index(drop=True)
    data[geom_name] = gpd.points_from_xy(lon[keep], lat[keep], crs=4326)
    gdf = gpd.GeoDataFrame(data, geometry=geom_name, crs=4326)
    return PointsUpload(gdf, notes, encoding_label(enc) if enc else None, skipped, exchanged)


def rule_text(lang: str = "ru") -> str:
    """The coordinate rule and the limits, for the uploader's help and ``--help``."""
    return t("upload.rule", lang).format(**{k: fmt_int(v, lang) if isinstance(v, int) else v
                                        for k, v in LIMITS.items()})


def limits_text(lang: str = "ru") -> str:
    return t("upload.limits", lang).format(**{k: fmt_int(v, lang) if isinstance(v, int) else v
                                              for k, v in LIMITS.items()})
