"""Column contracts of each layer; every loader checks them."""

from __future__ import annotations

import geopandas as gpd

REGIONS = ["iso", "name_ru", "name_en", "federal_district", "geometry"]
MONOTOWNS = [
    "town_id", "name_ru", "name_en", "municipality", "region_iso", "category", "category_as_of",
    "population", "population_year", "specialization", "anchor_enterprise", "toser",
    "toser_name", "toser_kind", "toser_decree", "toser_date", "geonameid", "source", "geometry",
    "listed_from", "listed_to",
]
SCIENCE = ["centre_id", "name_ru", "kind", "city_ru", "region_iso", "source", "geometry"]
MAJOR_CITIES = ["city_id", "name_ru", "name_en", "region_iso", "role", "population", "is_monotown",
                "source", "geometry"]
CORRIDORS = ["corridor_id", "name_ru", "name_en", "mode", "schematic", "geometry"]


class SchemaError(ValueError):
    """A layer lacks a contracted column or has the wrong CRS."""


def validate(gdf: gpd.GeoDataFrame, columns: list[str], layer: str) -> gpd.GeoDataFrame:
    missing = [c for c in columns if c not in gdf.columns]
    if missing:
        raise SchemaError(f"{layer}: missing columns {missing}; rebuild with `atlas build-data`")
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        raise SchemaError(f"{layer}: expected EPSG:4326, got {gdf.crs}")
    return gdf
