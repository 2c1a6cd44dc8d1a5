"""Export: offline HTML of the whole atlas vs folium's ``m.save()`` and vs unbudgeted inlining.

All variants show whole Russia with all layers (regions, corridors, science, towns, TOSER) and
the same options as ``export_map``; every file goes to a temporary directory.

* atlas: ``export_map("…/atlas.html")`` — borders simplified to the export budget
  (``coverage_simplify`` 0.05°), Leaflet and CSS inlined, Cyrillic un-escaped, checked offline.
* folium ``m.save()``: the same ``build_map`` map with folium's default asset list restored
  (Leaflet, jQuery, Bootstrap, Font Awesome, awesome-markers on CDNs) and saved by folium — NOT
  offline (a blank page without network); the byte count excludes the CDN downloads.
* no budget: the same ``build_map`` call with raw full-resolution regions
  (``atlas.load_regions(display=False)``) and then ``standalone_html`` (offline, inlined).
* for reference, the app's display regions (no export simplification) through
  ``standalone_html``.
* PNG: ``export_map("…/atlas.png")`` (matplotlib, 200 dpi, 16:9).

Timings: best of 3 (PNG: best of 2), including data loading from the (cached) layers, map
build, rendering and writing the file. Ratios are variant / atlas.

Slides (#22): the Kuzbass region export (``--region RU-KEM``, all layers, Russian) as PNG, SVG,
PDF and offline HTML, from the baseline commit (``--baseline``, default ``0a064c8``: unlabelled
dots, SVG text as outlines) and from this tree, each in its own process; best of 2, bytes, the
SVG's ``<text>`` elements and how many of the region's towns the file names.

Run: ``python benchmarks/bench_export.py [--baseline 0a064c8]`` from the repository root.
"""

from __future__ import annotations

import _common  # noqa: F401  (puts the repo on sys.path)
from _common import best_of, header, kb, mb, ms, table

import gzip
import re
import tempfile
from pathlib import Path

import folium
import shapely

import atlas
from atlas.export.figure import ALL_LAYERS, export_data, export_map
from atlas.export.html import NotOffline, check_offline, standalone_html
from atlas.maps import MapOptions, build_map
from atlas.maps.assets import vendored_file
from atlas.policy import ATTRIBUTION

TITLE = "Моногорода России"


def same_map(regions=None):
    data, bounds = export_data()
    if regions is not None:
        data.regions = regions
    return build_map(data, ALL_LAYERS, MapOptions(lang="ru"), bounds=bounds, title=TITLE)


def folium_save(path: Path) -> int:
    """The same map with folium's default (CDN) asset list restored, saved by folium."""
    m = same_map()
    m.default_js = list(folium.Map.default_js)   # build_map's assets.lean() replaced these
    m.default_css = list(folium.Map.default_css)
    m.save(str(path))
    return path.stat().st_size


def inline_unbudgeted(path: Path, regions) -> int:
    html = standalone_html(same_map(regions), TITLE, ATTRIBUTION["ru"])
    data = html.encode("utf-8")
    path.write_bytes(data)
    return len(data)


_ASSET_REF = re.compile(r"<script\b[^>]*\bsrc=|<link\b[^>]*\bhref=", re.I)


def offline(path: Path) -> str:
    """'yes' when the file needs nothing else; else how many asset files it references."""
    html = path.read_text(encoding="utf-8")
    refs = len(_ASSET_REF.findall(html))
    try:
        check_offline(html)
    except NotOffline:
        return f"**no**: {refs} CDN asset refs"
    return "yes" if refs == 0 else f"**no**: {refs} local asset refs"


SLIDES_BASELINE = "0a064c8"  # main when #22 was filed
SLIDES = """
import re, sys, time
from pathlib import Path
import pandas as pd
from atlas.export.figure import export_map
from atlas.io import load_monotowns
from atlas.i18n import names
towns = load_monotowns(); expected = list(names(towns[towns.region_iso == "RU-KEM"], "ru"))
for ext in ("png", "svg", "pdf", "html"):
    out = Path(sys.argv[1]) / f"kuzbass.{ext}"
    best = 1e9
    for _ in range(2):
        t = time.perf_counter(); export_map(out, region="RU-KEM", lang="ru"); best = min(best, time.perf_counter() - t)
    data = out.read_bytes()
    texts = re.findall(rb"<text[^>]*>([^<]*)</text>", data) if ext == "svg" else []
    named = sum(any(n.encode() == x.strip() or x.strip().endswith(b"  " + n.encode()) for x in texts) for n in expected)
    print(ext, len(data), best, len(texts), named if ext == "svg" else "", len(expected))
"""


def slides(baseline: str) -> None:
    """Each tree in its own process (``PYTHONPATH`` = that tree), files in a temporary folder."""
    import os
    import subprocess
    import sys

    from bench_browser import unpack

    results = []
    for tree in (unpack(baseline), _common.REPO):
        with tempfile.TemporaryDirectory() as tmp:
            out = subprocess.run([sys.executable, "-c", SLIDES, tmp], cwd=tree, capture_output=True, text=True,
                                 env=dict(os.environ, PYTHONPATH=str(tree)), timeout=1800)
        if out.returncode:
            raise RuntimeError(out.stderr[-2000:])
        rows = [line.split() for line in out.stdout.splitlines() if line.split()[:1] in (["png"], ["svg"],
                                                                                          ["pdf"], ["html"])]
        results.append({r[0]: r[1:] for r in rows})
    old, new = results
    rows = []
    for ext in ("png", "svg", "pdf", "html"):
        b0, t0 = int(old[ext][0]), float(old[ext][1])
        b1, t1 = int(new[ext][0]), float(new[ext][1])
        rows.append([ext.upper(), f"{b0:,}", f"{b1:,}", f"{b1 / b0:.2f}×", ms(t0), ms(t1), f"{t1 / t0:.2f}×"])
    print(table(["Kuzbass export", "bytes today", "bytes now", "size ratio", "ms today", "ms now",
                 "time ratio"], rows))
    print()
    svg0, svg1 = old["svg"], new["svg"]
    print(f"SVG `<text>` elements: today {svg0[2]}, now {svg1[2]}; Kuzbass towns named in SVG text "
          f"(a label or a line of the numbered key): today {svg0[3]} of {svg0[4]}, now {svg1[3]} of {svg1[4]}.")


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default=SLIDES_BASELINE)
    ap.add_argument("--slides-only", action="store_true", help="only the Kuzbass slide comparison")
    args = ap.parse_args()
    if not args.slides_only:
        whole_russia()
        print()
    header("bench_export — Kuzbass slide, four formats, today vs now",
           "The region export a reader drops into a deck, from the baseline tree and from this one.")
    slides(args.baseline)


def whole_russia() -> None:
    header("bench_export — whole-Russia export, all layers",
           "Size and time of the atlas offline HTML export vs folium's `m.save()` and vs "
           "inlining full-resolution borders without a size budget; plus PNG. "
           "Ratios here are variant / atlas (< 1× = variant smaller or faster).")
    reg_full = atlas.load_regions(display=False)
    reg_disp = atlas.load_regions(display=True)
    data, _ = export_data()
    verts = {
        "export": int(shapely.get_num_coordinates(data.regions.geometry.values).sum()),
        "display": int(shapely.get_num_coordinates(reg_disp.geometry.values).sum()),
        "full": int(shapely.get_num_coordinates(reg_full.geometry.values).sum()),
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        variants = [
            ("atlas `export_map(.html)`", tmp / "atlas.html", verts["export"],
             lambda p: export_map(p)["bytes"]),
            ("folium `m.save()` of the same map", tmp / "folium.html", verts["export"],
             folium_save),
            ("no budget: full-res regions + `standalone_html`", tmp / "full.html", verts["full"],
             lambda p: inline_unbudgeted(p, reg_full)),
            ("(ref.) display regions + `standalone_html`", tmp / "display.html", verts["display"],
             lambda p: inline_unbudgeted(p, reg_disp)),
        ]
        rows = []
        base_b = base_t = base_z = None
        for label, path, nv, fn in variants:
            t, size = best_of(lambda: fn(path))
            z = len(gzip.compress(path.read_bytes(), 6))
            if base_b is None:
                base_b, base_t, base_z = size, t, z
            rows.append([label, f"{nv:,}", f"{size:,}", mb(size), kb(z), ms(t), offline(path),
                         f"{size / base_b:.2f}×", f"{z / base_z:.2f}×", f"{t / base_t:.2f}×"])
        print(table(["HTML variant", "border vertices", "bytes", "MB", "gzip kB", "time ms",
                     "self-contained", "size ratio", "gzip ratio", "time ratio"], rows))
        print()

        png = tmp / "atlas.png"
        t_png, _ = best_of(lambda: export_map(png), 2)
        b_png = png.stat().st_size
        print(table(["static export", "bytes", "MB", "time ms", "size vs atlas HTML",
                     "time vs atlas HTML"],
                    [["atlas `export_map(.png)` 200 dpi 16:9", f"{b_png:,}", mb(b_png), ms(t_png),
                      f"{b_png / base_b:.2f}×", f"{t_png / base_t:.2f}×"]]))
    print()
    cdn = [u for _, u in folium.Map.default_js + folium.Map.default_css]
    cdn_bytes = sum(vendored_file(u).stat().st_size for u in cdn)
    print(f"Notes: folium's `m.save()` file excludes the {len(cdn)} CDN files a browser then "
          f"downloads ({cdn_bytes / 1e6:.2f} MB uncompressed by the vendored copies, before the "
          "fonts they pull in; Leaflet alone is 0.16 MB), and keeps every Cyrillic letter as a 6-byte JSON "
          "`\\uXXXX` escape; the atlas export inlines Leaflet, un-escapes Cyrillic and checks "
          "that nothing is fetched. 'No budget' is the offline file one gets by inlining the raw "
          "Natural Earth borders in the same map.")


if __name__ == "__main__":
    main()
