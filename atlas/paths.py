"""Where the atlas finds its data: one place for every path."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_DIR = PACKAGE_DIR.parent
STATIC_DIR = PACKAGE_DIR / "static"


def data_dir() -> Path:
    """The built ``geodata/`` folder (``ATLAS_DATA_DIR`` overrides it)."""
    override = os.environ.get("ATLAS_DATA_DIR")
    return Path(override) if override else REPO_DIR / "geodata"


def sources_dir() -> Path:
    """Curated, cited fact tables that the build reads."""
    return data_dir() / "sources"


def cache_dir() -> Path:
    """Download cache for registry packages used by ``atlas build-data``."""
    override = os.environ.get("ATLAS_CACHE_DIR")
    base = Path(override) if override else Path.home() / ".cache" / "monotown-atlas"
    base.mkdir(parents=True, exist_ok=True)
    return base
