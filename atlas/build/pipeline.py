"""``atlas build-data``: registry packages + curated tables -> geodata/*.parquet + SOURCES.md."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from atlas.build import corridors as corridor_build
from atlas.build import editions as edition_build
from atlas.build import facts, monotowns, regions, science, sources_md
from atlas.build import network as network_build
from atlas.build.gazetteer import Gazetteer, load_places
from atlas.build.natural_earth import load_neighbours, load_russia_admin1
from atlas.build.report import BuildReport
from atlas.crs import WGS84_CRS
from atlas.paths import data_dir, sources_dir


def write_parquet(gdf: pd.DataFrame, path: Path) -> None:
    """Byte-stable GeoParquet/Parquet: fixed row order, compression and no index."""
    tmp = path.with_suffix(".tmp")
    if isinstance(gdf, gpd.GeoDataFrame):
        if gdf.crs is not None and gdf.crs.to_epsg() == 4326:
            gdf = gdf.set_crs(WGS84_CRS, allow_override=True)
        gdf.to_parquet(tmp, index=False, compression="zstd", schema_version="1.0.0")
    else:
        gdf.to_parquet(tmp, index=False, compression="zstd")
    tmp.replace(path)


def write_region_arcs(reg: gpd.GeoDataFrame, path: Path, report: BuildReport) -> None:
    """The web maps' borders: shared arcs, ≤ 1 km from the full-resolution regions."""
    import json

    from atlas.maps.topology import encode_regions, max_border_error_km

    arcs = encode_regions(reg)
    data = json.dumps(arcs, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    err_km, where = max_border_error_km(reg, arcs)
    report.count("region_arcs", f"{len(arcs['arcs'])} arcs, {len(data)} bytes, "
                                f"max border error {err_km:.2f} km ({where})")


def run_build(out_dir: Path | None = None, src_dir: Path | None = None) -> BuildReport:
    out_dir = Path(out_dir or data_dir())
    src = Path(src_dir or sources_dir())
    out_dir.mkdir(parents=True, exist_ok=True)
    report = BuildReport()

    region_table = monotowns.read_csv(src / "regions.csv")
    reg = regions.fix_regions(load_russia_admin1(), region_table, report)
    reg_display = regions.display_geometry(reg, report)
    gaz = Gazetteer(load_places())
    report.count("geonames_places_ru", sum(p.country == "RU" for p in gaz.places))

    first = monotowns.read_csv(src / "monotowns_1398r.csv")
    rep = edition_build.replay(first, *edition_build.read_tables(src), report)
    lst = rep.towns
    lst = monotowns.apply_admin_centre_fixes(lst, monotowns.read_csv(src / "admin_centre_fixes.csv"), report)
    located = monotowns.locate(lst, reg, gaz, monotowns.read_csv(src / "town_coordinates.csv"), report,
                               monotowns.read_csv(src / "geonames_choices.csv"))
    located["town_id"] = monotowns.assign_ids(located, first=lst.added_by == edition_build.FIRST_ACT_ID)
    ed = edition_build.finish(rep, located["town_id"], report)
    towns = edition_build.town_columns(located, rep)
    towns["municipality"] = towns["mo_name_1398"]
    towns = facts.join_profiles(towns, facts.read_profiles(src), report)
    toser_path = src / "toser.csv"
    towns, toser = facts.join_toser(
        towns, monotowns.read_csv(toser_path) if toser_path.exists() else None, report)
    fd = reg.set_index("iso")["federal_district"]
    towns["federal_district"] = towns.region_iso.map(fd)
    towns["region_ru"] = towns.region
    layer = monotowns.to_layer(towns)

    sci_table = science.read_centres(src)  # every science_centres*.csv
    sci = science.build_science(sci_table, reg, gaz, report) if sci_table is not None else None
    corr = corridor_build.build_corridors(src, report)
    net = network_build.build_all(reg, corr, report)
    if net is not None:
        layer = network_build.town_network_columns(layer, net.networks, net.nodes, report)

    from atlas.build.derived import add_derived_columns
    layer = add_derived_columns(layer, sci, corr, report)
    layer = layer.sort_values("town_id", kind="stable").reset_index(drop=True)
    layer = layer[MONOTOWN_COLUMNS + [c for c in layer.columns if c not in MONOTOWN_COLUMNS]]
    layer = layer.drop(columns=["admin_center_list", "region", "admin_center", "mo_name_1398"])

    write_parquet(reg, out_dir / "regions.parquet")
    write_parquet(reg_display, out_dir / "regions_display.parquet")
    neighbours = load_neighbours()
    report.count("neighbour_countries", f"{len(neighbours)} ({', '.join(neighbours.iso3)})")
    write_parquet(neighbours, out_dir / "neighbours.parquet")
    write_region_arcs(reg, out_dir / "regions_arcs.json", report)
    write_parquet(layer, out_dir / "monotowns.parquet")
    write_parquet(ed["category_editions"], out_dir / "category_editions.parquet")
    write_parquet(ed["editions"], out_dir / "monotown_editions.parquet")
    write_parquet(ed["acts"], out_dir / "monotown_acts.parquet")
    write_parquet(ed["history"], out_dir / "monotown_history.parquet")
    if not toser.empty:
        write_parquet(toser.reset_index(drop=True), out_dir / "toser.parquet")
    if sci is not None:
        write_parquet(sci, out_dir / "science_centres.parquet")
    if corr is not None:
        write_parquet(corr.lines, out_dir / "corridors.parquet")
        write_parquet(corr.waypoints, out_dir / "corridor_waypoints.parquet")
        write_parquet(corr.nodes, out_dir / "logistics_nodes.parquet")
    if net is not None:
        net.write(out_dir, write_parquet)
    (out_dir / "SOURCES.md").write_text(sources_md.render(report, ed["acts"]), encoding="utf-8")
    (out_dir / "build_report.txt").write_text(report.render() + "\n", encoding="utf-8")
    return report


MONOTOWN_COLUMNS = [
    "town_id", "name_ru", "name_en", "municipality", "region_iso", "region_ru", "federal_district",
    "category", "category_as_of", "category_2014", "listed_from", "listed_to", "listed_by",
    "listed_now", "population", "population_year",
    "population_source", "specialization", "anchor_enterprise", "profile_source", "toser",
    "toser_name", "toser_kind", "toser_decree", "toser_date", "toser_year", "toser_source", "geonameid",
    "coord_source", "coord_approximate", "source", "geometry",
]
