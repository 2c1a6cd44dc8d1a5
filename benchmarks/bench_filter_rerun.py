"""Explore page: server time and bytes sent after a filter change, atlas vs naive rebuild.

Atlas (what ``pages/explore.py`` does on a rerun): the layers are already in memory (Streamlit
``st.cache_data``), so a filter change costs ``TownFilter.apply`` + ``build_map(MapData(shown,
regions display), ["regions", "towns", "toser"])`` + ``m.get_root().render()``.

Naive rebuild: on every change read every layer again from ``geodata/*.parquet`` (no cache),
apply the same filter, then ``regions_full.explore()`` with the filtered towns added by
``towns.explore(m=...)`` and render.

"Bytes sent" is the UTF-8 length of the rendered HTML — a close proxy for what ``st_folium``
ships to the browser (the map's generated Leaflet script, which carries the same GeoJSON, plus
the page header); plus its gzip size for reference. Atlas best of 5, naive best of 3
per scenario (the short atlas rerun is the one more exposed to scheduling noise).

Run: ``python benchmarks/bench_filter_rerun.py`` from the repository root.
"""

from __future__ import annotations

import _common  # noqa: F401  (puts the repo on sys.path)
from _common import best_of, header, kb, mb, ms, ratio, table

import gzip

import geopandas as gpd
import pandas as pd

import atlas
from atlas.analysis.filters import TownFilter
from atlas.maps import MapData, MapOptions, build_map
from atlas.paths import data_dir

SCENARIOS = [
    ("no filter (all towns)", TownFilter()),
    ("category 1", TownFilter(categories=[1])),
    ("TOSER = yes", TownFilter(toser="yes")),
    ("category 1 + TOSER = yes", TownFilter(categories=[1], toser="yes")),
    ("Siberian FD, pop ≤ 20 000", TownFilter(federal_districts=["siberian"], population_max=20000)),
]


def atlas_rerun(flt: TownFilter, towns, regions_display) -> str:
    shown = flt.apply(towns)
    m = build_map(MapData(towns=shown, regions=regions_display), ["regions", "towns", "toser"],
                  MapOptions())
    return m.get_root().render()


def read_all_layers() -> dict:
    out = {}
    for p in sorted(data_dir().glob("*.parquet")):
        try:
            out[p.stem] = gpd.read_parquet(p)
        except ValueError:  # plain table
            out[p.stem] = pd.read_parquet(p)
    return out


def naive_rerun(flt: TownFilter) -> str:
    layers = read_all_layers()
    shown = flt.apply(layers["monotowns"])
    m = layers["regions"].explore()
    if len(shown):
        shown.explore(m=m, color="red")
    return m.get_root().render()


def main() -> None:
    header("bench_filter_rerun — recompute after a filter change",
           "Server time per rerun (atlas best of 5, naive best of 3) and rendered map HTML sent to the browser. "
           "Ratios are naive / atlas.")
    towns = atlas.load_monotowns()
    reg_disp = atlas.load_regions(display=True)
    t_read, layers = best_of(read_all_layers)
    print(f"Naive rebuild reads {len(layers)} parquet layers each time "
          f"({ms(t_read)} ms of its total).\n")

    rows = []
    for label, flt in SCENARIOS:
        n = len(flt.apply(towns))
        t_a, h_a = best_of(lambda: atlas_rerun(flt, towns, reg_disp), 5)
        t_n, h_n = best_of(lambda: naive_rerun(flt))
        b_a, b_n = len(h_a.encode()), len(h_n.encode())
        z_a, z_n = (len(gzip.compress(h.encode(), 6)) for h in (h_a, h_n))
        rows.append([label, n, ms(t_a), ms(t_n), ratio(t_n, t_a), mb(b_a), mb(b_n),
                     ratio(b_n, b_a), kb(z_a), kb(z_n), ratio(z_n, z_a)])
    print(table(["filter", "towns shown", "atlas ms", "naive ms", "time ratio", "atlas MB",
                 "naive MB", "bytes ratio", "atlas gzip kB", "naive gzip kB", "gzip ratio"],
                rows))
    print()
    print("Notes: most of either map's bytes are the region borders, which do not change with "
          "the filter, so bytes sent hardly depend on how many towns are shown. The atlas ships "
          "a popup card and tooltip per town (the naive map shows only the explore() default "
          "attribute tooltip), so with all towns shown part of the remaining gap is "
          "richer town content on the atlas side.")


if __name__ == "__main__":
    main()
