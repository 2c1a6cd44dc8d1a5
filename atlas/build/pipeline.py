"""``atlas build-data``: registry packages + curated tables -> geodata/*.parquet + SOURCES.md."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from atlas.build import cities as city_build
from atlas.build import corridors as corridor_build
from atlas.build import editions as edition_build
from atlas.build import facts, monotowns, regions, rosstat, science, sources_md
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
    places = load_places()
    gaz = Gazetteer(places)
    report.count("geonames_places_ru", sum(p.country == "RU" for p in gaz.places))

    first = monotowns.read_csv(src / "monotowns_1398r.csv")
    rep = edition_build.replay(first, *rosstat.with_rosstat_act(src, *edition_build.read_tables(src)), report)
    lst = rep.towns
    lst = monotowns.apply_admin_centre_fixes(lst, monotowns.read_csv(src / "admin_centre_fixes.csv"), report)
    located = monotowns.locate(lst, reg, gaz, monotowns.read_csv(src / "town_coordinates.csv"), report,
                               monotowns.read_csv(src / "geonames_choices.csv"))
    located["town_id"] = monotowns.assign_ids(located, first=lst.added_by == edition_build.FIRST_ACT_ID)
    ed = edition_build.finish(rep, located["town_id"], report)
    towns = edition_build.town_columns(located, rep)
    towns["municipality"] = towns["mo_name_1398"]
    towns = facts.join_profiles(towns, facts.read_profiles(src), report, facts.read_notes_en(src))
    toser_path = src / "toser.csv"
    towns, toser = facts.join_toser(
        towns, monotowns.read_csv(toser_path) if toser_path.exists() else None, report)
    towns = add_rosstat_edition(towns, ed, src, report)
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

    cities_path = src / "major_cities.csv"
    cities = (city_build.build_cities(city_build.read_cities(cities_path), places, layer.geonameid, report)
              if cities_path.exists() else None)

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
    if cities is not None:
        write_parquet(cities, out_dir / "major_cities.parquet")
    (out_dir / "SOURCES.md").write_text(sources_md.render(report, ed["acts"]), encoding="utf-8")
    (out_dir / "build_report.txt").write_text(report.render() + "\n", encoding="utf-8")
    return report


def add_rosstat_edition(towns: pd.DataFrame, ed: dict, src: Path, report: BuildReport) -> pd.DataFrame:
    """The Rosstat 2024 edition (the newest act of the replay, kind ``statistical``) with the
    categories and membership its tables give, and its columns on the town layer: ``category``
    becomes the 2024 category; the acts' category and listing stay in ``category_acts``,
    ``category_acts_as_of``, ``listed_now_acts`` and ``listed_to_acts``."""
    acts = ed["acts"]
    if rosstat.ACT_ID not in set(acts.act_id):
        return towns
    k = acts.index[acts.act_id == rosstat.ACT_ID][0]
    prev_act = acts.act_id.iloc[k - 1]  # the list after every act before Rosstat's tables
    long = ed["editions"]
    prev = long[long.act_id == prev_act].set_index("town_id")
    cols, _ = rosstat.build(towns.assign(region_ru=towns.region), src, report)
    cols = cols.set_index("town_id").reindex(towns.town_id)
    towns = towns.copy()
    on_acts = towns.town_id.isin(prev.index).to_numpy()
    towns["category_acts"] = pd.array(towns.town_id.map(prev.category).tolist(), dtype="Int64")
    towns["category_acts_as_of"] = towns.town_id.map(prev.category_as_of).fillna("").to_numpy()
    towns["listed_now_acts"] = on_acts
    # a town the acts removed but Rosstat 2024 lists is on the list again: the acts' date stays in
    # listed_to_acts, both are named in the build report
    listed = cols.listed_2024.astype(bool).to_numpy()
    towns["listed_to_acts"] = towns["listed_to"]
    towns.loc[listed, "listed_to"] = ""
    # a town on the list before Rosstat's tables that a cited source puts off the list (issue #19,
    # rosstat_2024_unmatched_status.csv): it leaves with the 2024 edition
    left = (cols.category_2024_basis == rosstat.LEFT_BASIS).to_numpy() & on_acts
    towns.loc[left, "listed_to"] = rosstat.DATE
    towns["category"] = cols.category_2024.astype(int).to_numpy()
    towns["category_as_of"] = rosstat.LABEL
    towns["category_2024_basis"] = cols.category_2024_basis.to_numpy()
    towns["category_2024_note"] = cols.category_2024_note.to_numpy()
    towns["listed_now"] = listed
    for c in [*rosstat.ECONOMY_COLUMNS, *rosstat.CARD_COLUMNS]:
        towns[c] = cols[c].to_numpy()

    sel = cols[cols.listed_2024.astype(bool)]
    new = pd.DataFrame({"town_id": sel.index, "act_id": rosstat.ACT_ID, "act_date": rosstat.DATE,
                        "effective_date": rosstat.DATE, "category": sel.category_2024.astype(int).to_numpy(),
                        "category_set_by": rosstat.ACT_ID, "category_as_of": rosstat.LABEL})
    ed["editions"] = pd.concat([long[long.act_id != rosstat.ACT_ID], new.astype(long.dtypes.to_dict())],
                               ignore_index=True)
    h = ed["history"]
    logged = set(h.loc[h.act_id == rosstat.ACT_ID, "town_id"])
    hist, changes = [], {"added": 0, "removed": 0, "category": 0}
    for tid, r in sel.iterrows():
        before = prev.category.get(tid)
        if before is None:
            changes["added"] += 1
            if tid in logged:  # the replay logged the added event with its own source
                continue
            change, cat_from = "added", pd.NA
        elif int(before) != int(r.category_2024):
            changes["category"] += 1
            change, cat_from = "category", int(before)
        else:
            continue
        hist.append({"town_id": tid, "act_id": rosstat.ACT_ID, "change": change, "category_from": cat_from,
                     "category_to": int(r.category_2024), "source": rosstat.SOURCE,
                     "inferred": r.category_2024_basis in ("inferred_district", "not_in_extract"),
                     "note": r.category_2024_note, "edition": rosstat.LABEL,
                     "effective_date": rosstat.DATE})
    gone = prev.index.difference(sel.index)
    changes["removed"] = int(gone.size)
    for tid in gone:
        r = cols.loc[tid]
        cited = r.category_2024_basis == rosstat.LEFT_BASIS
        hist.append({"town_id": tid, "act_id": rosstat.ACT_ID, "change": "removed",
                     "category_from": int(prev.at[tid, "category"]), "category_to": pd.NA,
                     "source": r.status_2024_source if cited else rosstat.SOURCE, "inferred": not cited,
                     "note": r.category_2024_note, "edition": rosstat.LABEL, "effective_date": rosstat.DATE})
    if hist:
        add = pd.DataFrame(hist).reindex(columns=h.columns)
        h = pd.concat([h, add.astype(h.dtypes.to_dict())], ignore_index=True)
        ed["history"] = h.sort_values(["town_id"], kind="stable").reset_index(drop=True)
    acts = acts.copy()
    acts.loc[k, "towns"] = len(sel)
    for c in (1, 2, 3):
        acts.loc[k, f"cat{c}"] = int((sel.category_2024 == c).sum())
    for e, n in changes.items():
        acts.loc[k, f"events_{e}"] = n
    acts.loc[k, "label"] = rosstat.LABEL
    ed["acts"] = acts
    # the list now is the 2024 edition; the acts' own count of removals is kept beside it
    report.count("towns_removed_by_acts", int((towns.listed_to_acts != "").sum()))
    report.count("towns_listed_now", len(sel))
    report.count("towns_removed", int((~listed).sum()))
    return towns


MONOTOWN_COLUMNS = [
    "town_id", "name_ru", "name_en", "municipality", "region_iso", "region_ru", "federal_district",
    "category", "category_as_of", "category_2014", "listed_from", "listed_to", "listed_by",
    "listed_now", "population", "population_year",
    "population_source", "specialization", "anchor_enterprise", "profile_source", "toser",
    "toser_name", "toser_kind", "toser_decree", "toser_date", "toser_year", "toser_source", "geonameid",
    "coord_source", "coord_approximate", "source", "category_acts", "category_acts_as_of",
    "listed_now_acts", "listed_to_acts", "category_2024_basis", "category_2024_note", *rosstat.CARD_COLUMNS,
    *rosstat.ECONOMY_COLUMNS, "geometry",
]
