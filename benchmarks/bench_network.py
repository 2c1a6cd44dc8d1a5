"""Network routes and layers (#20), side by side with today's straight-line corridors.

Measured here:

* route query server time: ``atlas.rail_route`` / ``road_route`` between town pairs (cold: the
  first call loads the routing tables; warm: median and worst of the rest), and the route tool's
  whole answer (route + towns in a 50 km band in route order);
* network distances for every town (all destination sets, both modes), as the build runs them;
* bytes a map costs: the network layer (rail, road, both) against the corridors layer drawn
  straight through the waypoints (before #20) and routed over the network (now); raw HTML and
  gzip (what a browser receives from a compressing server).

Run: ``python benchmarks/bench_network.py`` from the repository root. Nothing here asserts.
"""

from __future__ import annotations

import gzip
import statistics
import time

import numpy as np

from _common import REPO, SEED, table  # noqa: F401  (puts the repository on sys.path)


def _route_times(mode: str, pairs) -> tuple[float, list[float], int]:
    from atlas.api import network_route
    from atlas.io import _network

    _network.cache_clear()
    t0 = time.perf_counter()
    network_route(*pairs[0], mode)
    cold = time.perf_counter() - t0
    warm, found = [], 0
    for a, b in pairs[1:]:
        t0 = time.perf_counter()
        r = network_route(a, b, mode)
        warm.append(time.perf_counter() - t0)
        found += r is not None
    return cold, warm, found


def _tool_time(pairs) -> list[float]:
    from atlas.api import network_route, towns_along

    out = []
    for a, b in pairs:
        t0 = time.perf_counter()
        r = network_route(a, b, "rail")
        if r is not None:
            towns_along(r.line, 50)
        out.append(time.perf_counter() - t0)
    return out


def _html_bytes(layers, data, opt) -> tuple[int, int]:
    from atlas.maps import build_map

    html = build_map(data, layers, opt).get_root().render().encode()
    return len(html), len(gzip.compress(html, 6))


def main() -> None:
    import geopandas as gpd
    import shapely

    import atlas
    from atlas.io import load_corridor_waypoints, load_network_lines
    from atlas.maps import MapData, MapOptions

    towns = atlas.load_monotowns()
    rng = np.random.default_rng(SEED)
    ids = towns.town_id.to_numpy()
    pairs = [("Москва", "port_vladivostok")] + [tuple(rng.choice(ids, 2, replace=False)) for _ in range(40)]

    rows = []
    for mode in ("rail", "road"):
        cold, warm, found = _route_times(mode, pairs)
        rows.append([mode, f"{cold * 1000:.0f}", f"{statistics.median(warm) * 1000:.0f}",
                     f"{max(warm) * 1000:.0f}", f"{found}/{len(warm)}"])
    print("## Route query, server time (ms)\n")
    print(table(["network", "cold (loads tables)", "warm median", "warm worst", "pairs linked"], rows))
    tool = _tool_time(pairs[1:21])
    print(f"\nRoute tool (route + towns within 50 km in route order), rail, 20 pairs: median "
          f"{statistics.median(tool) * 1000:.0f} ms, worst {max(tool) * 1000:.0f} ms.\n")

    from atlas.build.network import town_network_columns
    from atlas.build.report import BuildReport
    from atlas.io import get_network, load_logistics_nodes

    nets = {m: get_network(m) for m in ("rail", "road")}
    t0 = time.perf_counter()
    town_network_columns(towns, nets, load_logistics_nodes(), BuildReport())
    print(f"Network distances for all {len(towns)} towns (both modes, Moscow + ports + border "
          f"crossings): {time.perf_counter() - t0:.2f} s (build time, not per request).\n")

    # bytes on the wire: the network layer vs today's corridors
    empty = towns.iloc[0:0]
    lines = atlas.load_corridors()
    wps = load_corridor_waypoints().sort_values(["corridor_id", "seq"])
    straight = lines.copy()
    straight["geometry"] = [
        shapely.linestrings(np.column_stack([wps[wps.corridor_id == c].geometry.x,
                                             wps[wps.corridor_id == c].geometry.y]))
        for c in lines.corridor_id]
    straight["schematic"] = True
    straight = gpd.GeoDataFrame(straight, geometry="geometry", crs=4326)
    net = load_network_lines()
    base = _html_bytes([], MapData(towns=empty), MapOptions())
    cases = [
        ("corridors, straight through waypoints (before #20)", ["corridors"],
         MapData(towns=empty, corridors=straight), MapOptions()),
        ("corridors, routed over the network (now)", ["corridors"],
         MapData(towns=empty, corridors=lines), MapOptions()),
        ("Trans-Siberian selected, routed", ["corridors"],
         MapData(towns=empty, corridors=lines[lines.corridor_id == "transsib"]),
         MapOptions(selected_corridor="transsib")),
        ("network layer: rail", ["network"], MapData(towns=empty, network=net),
         MapOptions(network_modes=("rail",))),
        ("network layer: road", ["network"], MapData(towns=empty, network=net),
         MapOptions(network_modes=("road",))),
        ("network layer: rail + road", ["network"], MapData(towns=empty, network=net),
         MapOptions(network_modes=("rail", "road"))),
        ("network layer not asked for (default)", ["network"], MapData(towns=empty, network=net),
         MapOptions()),
    ]
    rows = []
    for name, layers, data, opt in cases:
        raw, gz = _html_bytes(layers, data, opt)
        rows.append([name, f"{(raw - base[0]) / 1000:.0f}", f"{(gz - base[1]) / 1000:.0f}"])
    print("## Map bytes of each layer (kB, over an empty map)\n")
    print(table(["layer", "HTML", "gzip"], rows))
    sizes = {p.name: p.stat().st_size for p in sorted((REPO / "geodata").glob("r*_*.parquet"))
             if p.name.startswith(("rail_", "road_"))}
    print("\n## Committed network files (bytes)\n")
    print(table(["file", "bytes"], [[k, v] for k, v in sizes.items()]))


if __name__ == "__main__":
    main()
