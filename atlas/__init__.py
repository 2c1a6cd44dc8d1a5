"""Monotown Atlas: Russia's single-industry towns with regions, TOSER, science and corridors."""

from atlas.api import chainage_km, towns_along
from atlas.io import (
    load_corridors, load_logistics_nodes, load_monotowns, load_regions, load_science_centres,
)

__all__ = [
    "chainage_km", "load_corridors", "load_logistics_nodes", "load_monotowns", "load_regions",
    "load_science_centres", "towns_along",
]
