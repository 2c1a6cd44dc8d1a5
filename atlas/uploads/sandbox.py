"""Read a user's vector file in a separate, bounded process.

GDAL parses GeoPackage, GeoJSON, KML and GPX in C; a hostile file can ask it for gigabytes,
loop forever or reach the network. So the read happens in a child process
(:mod:`atlas.uploads._worker`) that:

* has an address-space limit (1.5 GB), a CPU-time limit and a wall-clock budget of
  :data:`~atlas.uploads.limits.READ_SECONDS` seconds, after which it is killed with its group;
* sees only the formats the atlas accepts (every other GDAL driver is skipped, so a file that
  pretends to be GeoJSON cannot be read as a VRT, a GDAL pipeline or a web service), and
  GDAL's HTTP access and PROJ's network are pointed at a closed port / switched off;
* works in a private folder (mode 0700, under the atlas cache dir) removed when the read ends;
  folders left by a killed server are removed at the next read or start (:func:`clean_stale`).

The parent reads back only GeoParquet files and a small JSON result.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from pathlib import Path

from atlas.paths import PACKAGE_DIR, cache_dir
from atlas.uploads._errors import Note, UploadError
from atlas.uploads.limits import FORMATS, READ_MEMORY_BYTES, READ_SECONDS

ALLOWED_DRIVERS = ("GeoJSON", "GPKG", "KML", "LIBKML", "GPX")
CLOSED_PORT = "http://127.0.0.1:9"  # discard port, nothing listens: every request fails at once
STALE_SECONDS = 4 * READ_SECONDS


def work_root() -> Path:
    """The private folder holding reads in progress (created mode 0700)."""
    root = cache_dir() / "uploads"
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(root, 0o700)
    return root


def clean_stale(root: Path | None = None, older_than: float = STALE_SECONDS) -> int:
    """Remove read folders older than ``older_than`` seconds (a killed run's leftovers)."""
    root = root or work_root()
    now, removed = time.time(), 0
    for child in root.iterdir():
        try:
            if now - child.lstat().st_mtime > older_than:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
                removed += 1
        except FileNotFoundError:
            continue
    return removed


@lru_cache(maxsize=1)
def _skipped_drivers() -> str:
    import pyogrio

    # GDAL splits this list at spaces and commas: "ESRI Shapefile" and "MapInfo File" cannot be
    # named here; both open only files with their own extensions, never ``upload.<ours>``
    return ",".join(sorted(d for d in pyogrio.list_drivers() if d not in ALLOWED_DRIVERS and " " not in d))


def worker_env() -> dict[str, str]:
    """The child's whole environment: nothing of the server's own but the basics."""
    env = {k: os.environ[k] for k in ("PATH", "LANG", "LC_ALL", "HOME", "TMPDIR", "SYSTEMROOT")
           if k in os.environ}
    env.update({
        "PYTHONPATH": str(PACKAGE_DIR.parent),
        "PYTHONDONTWRITEBYTECODE": "1",
        "ATLAS_CACHE_DIR": str(cache_dir()),
        "GDAL_SKIP": _skipped_drivers(),
        "GDAL_HTTP_PROXY": CLOSED_PORT, "HTTP_PROXY": CLOSED_PORT, "HTTPS_PROXY": CLOSED_PORT,
        "http_proxy": CLOSED_PORT, "https_proxy": CLOSED_PORT, "ALL_PROXY": CLOSED_PORT,
        "NO_PROXY": "", "no_proxy": "",
        "GDAL_HTTP_TIMEOUT": "1", "GDAL_HTTP_CONNECTTIMEOUT": "1", "GDAL_HTTP_MAX_RETRY": "0",
        "CPL_VSIL_CURL_ALLOWED_EXTENSIONS": ".atlas-no-remote-files",
        "GDAL_DISABLE_READDIR_ON_OPEN": "EMPTY_DIR",
        "PROJ_NETWORK": "OFF",
        "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
        "OGR_SQLITE_PRAGMA": "trusted_schema=OFF",
    })
    if "ATLAS_DATA_DIR" in os.environ:
        env["ATLAS_DATA_DIR"] = os.environ["ATLAS_DATA_DIR"]
    return env


def read_vector(data: bytes, suffix: str, want: str, seconds: float = READ_SECONDS,
                memory_bytes: int = READ_MEMORY_BYTES):
    """Every layer of a vector file as GeoDataFrames in EPSG:4326, plus notes; or UploadError."""
    import geopandas as gpd

    fmt = FORMATS[suffix]
    root = work_root()
    clean_stale(root)
    workdir = Path(tempfile.mkdtemp(prefix="read-", dir=root))
    try:
        (workdir / f"upload{suffix}").write_bytes(data)
        proc = subprocess.Popen(
            [sys.executable, "-m", "atlas.uploads._worker", str(workdir), suffix, want, str(int(memory_bytes))],
            cwd=workdir, env=worker_env(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise UploadError("too_slow", seconds=int(seconds)) from None
        finally:
            _kill(proc)
        result_path = workdir / "result.json"
        if not result_path.exists():
            if proc.returncode in (-signal.SIGKILL, -signal.SIGXCPU) or b"MemoryError" in (err or b""):
                raise UploadError("too_much_memory")
            raise UploadError("unreadable", fmt=fmt)
        result = json.loads(result_path.read_text(encoding="utf-8"))
        if result["error"]:
            key, params = result["error"]
            if key == "unreadable":
                params = {"fmt": fmt}
            raise UploadError(key, **params)
        frames = [gpd.read_parquet(workdir / name) for name in result["layers"]]
        notes = [Note(key, params) for key, params in result["notes"]]
        return frames, notes
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def _kill(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.wait()
