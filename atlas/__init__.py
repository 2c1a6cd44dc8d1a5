"""Monotown Atlas: Russia's single-industry towns with regions, TOSER, science and corridors."""

from atlas.api import chainage_km, towns_along
from atlas.editions import (
    EditionError, compare_editions, list_editions, resolve_edition, town_history,
)
from atlas.io import (
    load_corridors, load_logistics_nodes, load_monotowns, load_regions, load_science_centres,
)

__all__ = [
    "EditionError", "chainage_km", "compare_editions", "list_editions", "load_corridors",
    "load_logistics_nodes", "load_monotowns", "load_regions", "load_science_centres",
    "resolve_edition", "town_history", "towns_along",
]
