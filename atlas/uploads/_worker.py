"""The process that reads one vector file: ``python -m atlas.uploads._worker DIR SUFFIX WANT BYTES``.

It runs with the budgets of :mod:`atlas.uploads.sandbox` (address space, CPU time, file size,
no core dumps), GDAL limited to the formats the atlas accepts and its HTTP access pointed at a
closed port. It reads ``DIR/upload<SUFFIX>`` and writes each layer it found as GeoParquet in
EPSG:4326 (``layer<k>.parquet``) plus ``result.json`` (the layers, the notes, or an error key
with its parameters). Whatever happens, the parent only ever reads those files.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path


def _limit(memory_bytes: int) -> None:
    from atlas.uploads.limits import READ_SECONDS

    for what, value in ((resource.RLIMIT_AS, memory_bytes),
                        (resource.RLIMIT_CPU, READ_SECONDS + 5),
                        (resource.RLIMIT_FSIZE, 1 << 30),
                        (resource.RLIMIT_CORE, 0)):
        soft, hard = resource.getrlimit(what)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(what, (value, hard))


def _read(path: Path, suffix: str, want: str):
    import warnings

    import geopandas as gpd
    import pyogrio

    from atlas.uploads import guards
    from atlas.uploads._errors import Note, UploadError
    from atlas.uploads.limits import FORMATS, MAX_COLUMNS, MAX_POINTS
    from atlas.uploads.text import detect_encoding, encoding_label

    fmt = FORMATS[suffix]
    notes: list[Note] = []
    data = path.read_bytes()
    open_options = {}
    if suffix in (".kml", ".gpx"):
        guards.check_xml(_as_utf8(data), fmt)
    elif suffix == ".gpkg":
        guards.check_gpkg(path)
    else:
        enc = detect_encoding(data)
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            raise UploadError("decode") from None
        guards.check_geojson(text.lstrip("\ufeff"))
        if enc not in ("utf_8", "utf_8_sig", "ascii"):
            path.write_bytes(text.encode("utf-8"))
            notes.append(Note("encoding", {"encoding": encoding_label(enc)}))
        open_options["DATE_AS_STRING"] = "YES"  # "2024-02-30" is text, not a broken date
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            listed = pyogrio.list_layers(path)
        except Exception:  # noqa: BLE001 — GDAL's many ways of saying "not this format"
            raise UploadError("unreadable", fmt=fmt) from None
        layers = [str(n) for n, kind in listed if kind is not None]  # tables without geometry
        if suffix == ".gpx":
            keep = ("tracks", "routes") if want == "lines" else ("waypoints",)
            layers = [n for n in layers if n in keep]
        frames = []
        for name in layers:
            try:
                info = pyogrio.read_info(path, layer=name)
            except Exception:  # noqa: BLE001
                raise UploadError("unreadable", fmt=fmt) from None
            if info.get("features", 0) > MAX_POINTS:
                raise UploadError("too_many_points", n=int(info["features"]), limit=MAX_POINTS)
            if len(info.get("fields", ())) > MAX_COLUMNS:
                raise UploadError("too_many_columns", n=len(info["fields"]), limit=MAX_COLUMNS)
            try:
                gdf = gpd.read_file(path, layer=name, engine="pyogrio", **open_options)
            except MemoryError:
                raise
            except Exception as exc:  # noqa: BLE001
                if "memory" in str(exc).lower():  # GDAL's own allocation failed under the budget
                    raise MemoryError from None
                raise UploadError("unreadable", fmt=fmt) from None
            if len(gdf):
                frames.append(_to_lonlat(gdf))
    if not frames:
        raise UploadError("no_features")
    return frames, notes


def _as_utf8(data: bytes) -> bytes:
    """The bytes as UTF-8 (XML in UTF-16 or UTF-32 would hide a DOCTYPE from a byte search)."""
    from atlas.uploads._errors import UploadError
    from atlas.uploads.text import detect_encoding

    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")) or b"\x00" in data[:4096]:
        try:
            return data.decode(detect_encoding(data), errors="ignore").encode("utf-8")
        except (LookupError, UploadError):
            return data.replace(b"\x00", b"")
    return data


def _to_lonlat(gdf):
    from atlas.uploads._errors import UploadError

    if gdf.crs is None:
        return gdf.set_crs(4326)
    if gdf.crs.equals("EPSG:4326"):
        return gdf
    try:
        return gdf.to_crs(4326)
    except Exception:  # noqa: BLE001
        raise UploadError("bad_crs") from None


def main(argv: list[str]) -> int:
    workdir, suffix, want, memory = Path(argv[0]), argv[1], argv[2], int(argv[3])
    import geopandas  # noqa: F401 — the libraries load before the budget; the file's read counts in it
    import pyogrio  # noqa: F401

    _limit(memory)
    result: dict = {"layers": [], "notes": [], "error": None}
    try:
        from atlas.uploads._errors import UploadError

        try:
            frames, notes = _read(workdir / f"upload{suffix}", suffix, want)
            for k, gdf in enumerate(frames):
                name = f"layer{k}.parquet"
                gdf.to_parquet(workdir / name, index=False)
                result["layers"].append(name)
            result["notes"] = [[n.key, n.params] for n in notes]
        except UploadError as err:
            result["error"] = [err.key, err.params]
    except MemoryError:
        result = {"layers": [], "notes": [], "error": ["too_much_memory", {}]}
    except Exception:  # noqa: BLE001 — the parent reports an unreadable file
        result = {"layers": [], "notes": [], "error": ["unreadable", {}]}
    tmp = workdir / "result.json.part"
    tmp.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, workdir / "result.json")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
