"""Borders, offline export and nearest science: today's way (a baseline commit) and now.

* borders: bytes of the region layer a web map carries and its largest Hausdorff distance
  from the full-resolution regions (per region, in a local azimuthal equidistant
  projection). Today: ``regions_display`` as GeoJSON (what folium embeds); now: the shared
  arcs of ``geodata/regions_arcs.json``.
* offline export: the all-layer whole-Russia HTML (``export_map``) written by each tree,
  its size, and whether two runs give the same bytes.
* nearest science centre for 10^6 random points over Russia (seeded), each tree's
  ``nearest_geodesic`` on the same centres, best of 3, and the largest difference from brute
  force on the first 20,000 points.

Run: ``python benchmarks/bench_layers.py [--baseline 5df1b17]``. Prints markdown; asserts nothing.
"""

from __future__ import annotations

import _common  # noqa: F401  (puts the repo on sys.path)
from _common import REPO, SEED, header, table

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench_browser import BASELINE, unpack

EXPORT = """
import hashlib, sys
from atlas.export.figure import export_map
sizes, digests = [], []
for i in range(2):
    out = sys.argv[1] + f".{i}.html"
    export_map(out)
    data = open(out, "rb").read()
    sizes.append(len(data)); digests.append(hashlib.sha256(data).hexdigest())
print(sizes[0], digests[0] == digests[1])
"""

NEAREST = """
import sys, time, numpy as np
from atlas.analysis.science import nearest_geodesic
d = np.load(sys.argv[1])
best = 1e9
for _ in range(3):
    t = time.perf_counter(); r = nearest_geodesic(d["lon"], d["lat"], d["tlon"], d["tlat"])
    best = min(best, time.perf_counter() - t)
np.save(sys.argv[1] + ".dist.npy", r.distance_km)
print(best)
"""


def run_in(tree: Path, code: str, *args) -> str:
    env = dict(os.environ, PYTHONPATH=str(tree))
    if tree != REPO:
        env.pop("ATLAS_DATA_DIR", None)
    out = subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=tree, env=env,
                         capture_output=True, text=True, timeout=1800)
    if out.returncode:
        raise RuntimeError(out.stderr[-2000:])
    return out.stdout.strip().splitlines()[-1]


def borders() -> list[list]:
    import gzip

    import atlas
    from atlas.io import load_region_arcs
    from atlas.maps.topology import border_error_km, max_border_error_km

    full = atlas.load_regions()
    disp = atlas.load_regions(display=True).set_index("iso").loc[full.iso]
    gj = disp.reset_index()[["iso", "geometry"]].to_json(drop_id=True).encode()
    arcs = json.dumps(load_region_arcs(), separators=(",", ":")).encode()
    e_old, w_old = border_error_km(full, list(disp.geometry.values))
    e_new, w_new = max_border_error_km(full, load_region_arcs())
    return [
        ["region layer, kB", f"{len(gj) / 1e3:,.0f}", f"{len(arcs) / 1e3:,.0f}", f"{len(gj) / len(arcs):.1f}×"],
        ["region layer gzip, kB", f"{len(gzip.compress(gj)) / 1e3:,.0f}", f"{len(gzip.compress(arcs)) / 1e3:,.0f}",
         f"{len(gzip.compress(gj)) / len(gzip.compress(arcs)):.1f}×"],
        ["largest border error, km (region)", f"{e_old:.2f} ({w_old})", f"{e_new:.2f} ({w_new})",
         f"{e_old / e_new:.1f}×"],
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default=BASELINE)
    args = ap.parse_args()
    header("bench_layers — borders, offline export, nearest science: today vs now",
           "Each measure runs in the baseline tree and in this one, side by side.")
    base = unpack(args.baseline)
    rows = borders()
    tmp = Path(tempfile.mkdtemp(prefix="bench-layers-"))
    exp = {}
    for name, tree in (("today", base), ("now", REPO)):
        size, stable = run_in(tree, EXPORT, tmp / f"export-{name}").split()
        exp[name] = (int(size), stable == "True")
    rows.append(["whole-Russia HTML export, all layers, MB", f"{exp['today'][0] / 1e6:.2f}",
                 f"{exp['now'][0] / 1e6:.2f}", f"{exp['today'][0] / exp['now'][0]:.1f}×"])
    rows.append(["export byte-stable (two runs, same SHA-256)", str(exp["today"][1]), str(exp["now"][1]), ""])
    import atlas
    from atlas.analysis.geodesic import geodesic_km

    c = atlas.load_science_centres()
    rng = np.random.default_rng(SEED)
    lon = (rng.uniform(19, 190, 1_000_000) + 180) % 360 - 180
    lat = rng.uniform(41, 82, 1_000_000)
    pts = tmp / "points.npz"
    np.savez(pts, lon=lon, lat=lat, tlon=c.geometry.x.to_numpy(), tlat=c.geometry.y.to_numpy())
    sample = slice(0, 20_000)
    brute = geodesic_km(lon[sample, None], lat[sample, None], c.geometry.x.to_numpy()[None, :],
                        c.geometry.y.to_numpy()[None, :]).min(axis=1)
    t = {}
    for name, tree in (("today", base), ("now", REPO)):
        t[name] = float(run_in(tree, NEAREST, pts))
        dist = np.load(str(pts) + ".dist.npy")
        t[name + "_err"] = float(np.abs(dist[sample] - brute).max())
    rows.append([f"nearest science centre, 10^6 points, {len(c)} centres, s", f"{t['today']:.2f}",
                 f"{t['now']:.2f}", f"{t['today'] / t['now']:.1f}×"])
    rows.append(["… largest difference from brute force (20,000 points), km", f"{t['today_err']:.1e}",
                 f"{t['now_err']:.1e}", ""])
    print(table(["measure", f"today ({args.baseline})", "now", "ratio"], rows))


if __name__ == "__main__":
    main()
