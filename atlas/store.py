"""Read built layers from geodata/ (cached by file modification time), nothing else.

The bottom of the data stack: :mod:`atlas.io` (schema-checked loaders), :mod:`atlas.editions`
(the list on any date) and :mod:`atlas.names` (names by code) all read through here, so none
of them needs another to load a table.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import pandas as pd

from atlas import crs as _crs  # noqa: F401  (creates the canonical EPSG:4326 first)
from atlas.paths import data_dir


class DataMissing(FileNotFoundError):
    """A built layer is not in geodata/: run `atlas build-data`."""


def layer_path(name: str) -> Path:
    p = data_dir() / f"{name}.parquet"
    if not p.exists():
        raise DataMissing(f"{p} not found: run `atlas build-data` to build the atlas layers")
    return p


@lru_cache(maxsize=16)
def _read(name: str, mtime: float) -> gpd.GeoDataFrame | pd.DataFrame:
    p = layer_path(name)
    try:
        return gpd.read_parquet(p)
    except ValueError:  # a plain (non-geo) table
        return pd.read_parquet(p)


def layer_mtime(name: str) -> float:
    """The layer file's modification time (a cache key for tables derived from it)."""
    return layer_path(name).stat().st_mtime


def read_layer(name: str):
    """A fresh copy of a built layer (cached by file modification time)."""
    return _read(name, layer_mtime(name)).copy()
