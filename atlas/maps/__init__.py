"""Folium maps of the atlas (no Streamlit here)."""

from atlas.maps import inert  # noqa: F401  (first: rendered output is never a template)

from atlas.maps.base import build_map
from atlas.maps.layers import LAYERS, MapData, MapOptions

__all__ = ["LAYERS", "MapData", "MapOptions", "build_map"]
