"""The live map's web folder: written once per content version, checked before it is served.

The folder lives in a private per-user directory (``<atlas cache>/web``, mode 0700), never in a
shared temporary folder where another local user could plant a script first. Each version is a
folder named after the hash of its content, holding the files and ``manifest.json`` (the SHA-256
of every file). Before a process first serves a folder it checks every file against the
manifest; a missing, truncated or changed file makes it rebuild the folder. Writes go to a
hidden temporary folder renamed into place, so a reader never sees half a folder; temporary
folders left by a killed run are removed at the next start (other versions stay: another server
may be serving one).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from atlas.paths import cache_dir

MANIFEST = "manifest.json"
_verified: set[Path] = set()
STALE_TMP_SECONDS = 600


def web_root() -> Path:
    root = cache_dir() / "web"
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(root, 0o700)
    return root


def _sha(blob: bytes) -> str:
    return hashlib.sha256(blob).hexdigest()


def digest_of(files: dict[str, bytes]) -> str:
    return hashlib.sha256(b"".join(k.encode() + v for k, v in sorted(files.items()))).hexdigest()[:16]


def verify(folder: Path, files: dict[str, bytes] | None = None) -> bool:
    """Every file listed in the manifest present with its hash (and, given ``files``, the
    manifest lists exactly those files with their hashes)."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if files is not None and manifest != {k: _sha(v) for k, v in files.items()}:
            return False
        for name, want in manifest.items():
            p = folder / name
            if p.is_symlink() or not p.is_file() or _sha(p.read_bytes()) != want:
                return False
    except (OSError, ValueError, AttributeError):
        return False
    return True


def _write(base: Path, files: dict[str, bytes]) -> Path:
    tmp = Path(tempfile.mkdtemp(dir=base, prefix=".tmp-"))
    for name, blob in files.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_bytes(blob)
    manifest = {k: _sha(v) for k, v in files.items()}
    (tmp / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
    return tmp


def clean(base: Path, keep: str) -> None:
    """Remove temporary folders a killed run left (older than a few minutes). Other versions'
    folders stay: another server of another data version may be serving one right now."""
    now = time.time()
    for child in base.iterdir():
        if child.name == keep or not child.name.startswith(".tmp-"):
            continue
        try:
            if now - child.lstat().st_mtime <= STALE_TMP_SECONDS:
                continue  # another process may be writing it now
        except FileNotFoundError:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def ensure(files: dict[str, bytes], root: Path | None = None) -> Path:
    """The verified folder holding ``files`` (written or rebuilt as needed)."""
    base = root or web_root()
    base.mkdir(parents=True, exist_ok=True)
    digest = digest_of(files)
    target = base / digest
    if target in _verified and (target / MANIFEST).exists():
        return target
    if not verify(target, files):
        tmp = _write(base, files)
        if target.exists() or target.is_symlink():
            trash = base / f".tmp-old-{digest}-{os.getpid()}-{time.monotonic_ns()}"
            try:
                os.replace(target, trash)
            except OSError:
                pass
            shutil.rmtree(trash, ignore_errors=True)
            if trash.is_symlink():
                trash.unlink(missing_ok=True)
        try:
            os.replace(tmp, target)
        except OSError:  # another process won the race: check what it wrote
            shutil.rmtree(tmp, ignore_errors=True)
            if not verify(target, files):
                raise
        clean(base, keep=digest)
    _verified.add(target)
    return target
