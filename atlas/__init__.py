"""Monotown Atlas: Russia's single-industry towns with regions, TOSER, science and corridors."""

from atlas.api import chainage_km, network_route, rail_route, road_route, towns_along
from atlas.editions import (
    EditionError, compare_editions, list_editions, resolve_edition, town_history,
)
from atlas.io import (
    load_airports, load_corridors, load_logistics_nodes, load_monotowns, load_rail_network,
    load_regions, load_road_network, load_science_centres,
)

__all__ = [
    "EditionError", "chainage_km", "compare_editions", "list_editions", "load_airports",
    "load_corridors", "load_logistics_nodes", "load_monotowns", "load_rail_network", "load_regions",
    "load_road_network", "load_science_centres", "network_route", "rail_route", "road_route",
    "resolve_edition", "town_history", "towns_along",
]
