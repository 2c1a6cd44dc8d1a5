"""The live map's data: static payloads written once, small per-state arguments.

The Streamlit component in ``atlas/web/`` fetches three JSON files from its own folder
(region arcs, every town ever listed, every science centre) once per browser, then each
rerun sends only :func:`map_args` — visible town indices, their colour classes, legends and
region fills. Nothing here imports Streamlit: ``atlas.ui`` declares the component over the
folder that :func:`prepare_web_dir` writes.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

import mapclassify
import numpy as np
import pandas as pd

from atlas.analysis.economy import economy_card_rows
from atlas.crs import RUSSIA_AEA, shift_antimeridian
from atlas.fmt import BROWSER_LOCALES as LOCALES
from atlas.i18n import place_text, t
from atlas.maps.palettes import (
    CATEGORY_COLOURS, DISTANCE, DIVERGING, SCIENCE_COLOURS, SEQUENTIAL, SPECIALIZATION_COLOURS,
    UNKNOWN_COLOUR,
)
from atlas.maps.topology import FORMAT
from atlas.paths import PACKAGE_DIR, STATIC_DIR
from atlas.vocab import CATEGORIES, SCIENCE_KINDS, SPECIALIZATIONS, TOSER_KINDS, label

WEB_DIR = PACKAGE_DIR / "web"
LEAFLET = STATIC_DIR / "vendor" / "leaflet"
# served with the component: Leaflet, and proj4 + Proj4Leaflet for the conic CRS (atlas_map.js)
VENDOR_FILES = {"leaflet.js": LEAFLET / "leaflet.js", "leaflet.css": LEAFLET / "leaflet.css",
                "proj4.js": STATIC_DIR / "vendor" / "proj4" / "proj4.js",
                "proj4leaflet.js": STATIC_DIR / "vendor" / "proj4leaflet" / "proj4leaflet.js"}
# The live map's CRS: the Albers conic of the static exports (atlas.crs.RUSSIA_AEA) through
# Proj4Leaflet. Zoom z is 78 271.5 / 2**z metres per pixel, Web Mercator's scale at 60°N, so
# zoom numbers read as they did on the Mercator map (zoom 3 shows all Russia in ~900 px).
# proj4js (2.20-2.22) leaves the false easting/northing undefined unless they are written out,
# and then projects every point to NaN: the same CRS with +x_0=0 +y_0=0 spelled out.
LIVE_CRS = {"code": "ATLAS:RUSSIA_AEA", "proj4": RUSSIA_AEA.replace(" +datum", " +x_0=0 +y_0=0 +datum"), "origin": [-8_000_000, 8_000_000],
            "resolutions": [round(78271.517 / 2 ** z, 4) for z in range(14)]}
# the start view: points the frame must hold (Kaliningrad, the Caucasus, Primorye, the Arctic
# coast and Chukotka across 180°), fitted in projected metres by atlas_map.js
RUSSIA_BOUNDS = [[54.3, 19.7], [41.2, 47.5], [42.6, 131.0], [43.5, 146.0], [66.0, 190.0],
                 [77.7, 104.3], [70.0, 31.0]]
# Okabe–Ito: added green, removed vermillion, recategorised blue
CHANGE_COLOURS = {"added": "#009E73", "removed": "#D55E00", "recategorised": "#0072B2"}
# the text the browser needs, by the name atlas_map.js uses -> catalogue key
CARD_TEXT = {"region": "region", "category": "category", "specialization": "specialization",
             "anchor": "anchor", "population": "population", "toser": "toser", "no": "no",
             "dist_science": "dist_science", "km": "unit.km", "fit": "map.fit",
             "card_hint": "map.card_hint", "m": "unit.m", "search": "map.search",
             "search_none": "map.search_none", "measure": "map.measure", "measure_hint": "map.measure_hint",
             "measure_clear": "map.measure_clear", "play": "map.play", "pause": "map.pause",
             "slider": "map.slider", "slider_off": "map.slider_off", "slider_note": "map.slider_note",
             "isolate_hint": "map.isolate_hint", "legend_edition": "map.legend_edition",
             "legend_category": "legend_category",
             "econ_source": "econ.card_source"}


def _clean(values) -> list:
    """JSON-ready values: NaN/NA become null, numpy scalars become Python ones."""
    out = []
    for v in values:
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        elif isinstance(v, np.integer | np.bool_):
            out.append(v.item())
        elif isinstance(v, np.floating):
            out.append(None if np.isnan(v) else float(v))
        else:
            out.append(v)
    return out


def _lonlat(gdf) -> tuple[list, list]:
    pts = shift_antimeridian(gdf.geometry.values)
    x = np.round([p.x for p in pts], 4)
    y = np.round([p.y for p in pts], 4)
    return x.tolist(), y.tolist()


def towns_payload(towns, regions) -> dict:
    """Every town ever listed, column-wise; ``map_args`` refers to them by row index."""
    lon, lat = _lonlat(towns)
    col = lambda c: _clean(towns[c]) if c in towns else [None] * len(towns)  # noqa: E731
    dist = towns["dist_science_km"].round(1) if "dist_science_km" in towns else [None] * len(towns)
    return {
        "id": towns.town_id.tolist(), "lon": lon, "lat": lat,
        "name_ru": col("name_ru"), "name_en": col("name_en"), "region": col("region_iso"),
        "spec": col("specialization"), "anchor": col("anchor_enterprise"),
        # the card's English: the enterprise in Latin letters, as the town card writes it
        "anchor_en": [place_text(n, "en") if isinstance(n, str) else None for n in col("anchor_enterprise")],
        "pop": col("population"), "toser": [bool(x) for x in towns.toser],
        "toser_kind": col("toser_kind"), "toser_name": col("toser_name"),
        "toser_name_en": [place_text(n, "en", ru, en) if isinstance(n, str) else None for n, ru, en in
                          zip(col("toser_name"), col("name_ru"), col("name_en"), strict=True)],
        "toser_year": col("toser_year"), "dist": _clean(dist),
        # per town, its category on each edition in force order ("0": not listed), if given
        "ed": col("edition_codes"),
        # issue #19: the municipal figures as the card writes them (label with unit and year, value)
        "econ": {lang: [[[lab, val] for lab, val, _ in economy_card_rows(r, lang, compact=True)]
                        for r in towns.to_dict("records")] for lang in ("ru", "en")},
        "regions": {r.iso: [r.name_ru, r.name_en] for r in regions.itertuples()},
        "vocab": {
            "category": {str(k): list(v) for k, v in CATEGORIES.items()},
            "specialization": {k: list(v) for k, v in SPECIALIZATIONS.items()},
            "toser_kind": {k: list(v) for k, v in TOSER_KINDS.items()},
        },
    }


def science_payload(centres, cities=None) -> dict:
    lon, lat = _lonlat(centres)
    col = lambda c: _clean(centres[c]) if c in centres else [None] * len(centres)  # noqa: E731
    return {"id": centres.centre_id.tolist(), "lon": lon, "lat": lat,
            "name_ru": col("name_ru"), "name_en": col("name_en"), "kind": col("kind"),
            "city_ru": col("city_ru"), "city_en": col("city_en"),
            "kinds": {k: list(v) for k, v in SCIENCE_KINDS.items()},
            "cities": city_labels(cities)}


ROLE_RANK = {"capital": 0, "regional_centre": 1, "large_city": 2}


def city_labels(cities) -> dict:
    """Place labels for orientation: the capital, every regional centre and the large cities of
    the ``major_cities`` layer (curated, a source per row; point and population from GeoNames,
    written by ``atlas build-data``). The order is the labels' priority when they collide on the
    map: the capital, then regional centres, then the rest, bigger first."""
    empty = {"name_ru": [], "name_en": [], "lon": [], "lat": [], "pop": []}
    if cities is None or not len(cities):
        return empty
    c = cities.assign(_rank=cities.role.map(ROLE_RANK).fillna(3),
                      _pop=cities.population.fillna(0).astype(int))
    c = c.sort_values(["_rank", "_pop", "name_ru"], ascending=[True, False, True])
    return {"name_ru": c.name_ru.tolist(), "name_en": c.name_en.tolist(),
            "lon": [round(float(x) % 360.0, 4) for x in c.geometry.x],
            "lat": [round(float(y), 4) for y in c.geometry.y],
            "pop": c._pop.tolist()}


def _dumps(obj) -> bytes:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def prepare_web_dir(region_arcs: dict, towns, regions, centres, root: Path | None = None,
                    cities=None) -> Path:
    """Write the component folder (page, scripts, Leaflet, data) once per content version.

    The folder name is the hash of everything in it, so a browser cache never serves stale
    data and two servers on one machine share it; it is checked against its manifest before
    it is served and rebuilt when anything in it changed (:mod:`atlas.maps.webdir`).
    """
    if region_arcs.get("format") != FORMAT:
        raise ValueError(f"region arcs must be {FORMAT!r}")
    files = {
        "data/regions.json": _dumps(region_arcs),
        "data/towns.json": _dumps(towns_payload(towns, regions)),
        "data/science.json": _dumps(science_payload(centres, cities)),
    }
    for name in ("index.html", "atlas_map.js", "atlas_tools.js", "topo.js"):
        files[name] = (WEB_DIR / name).read_bytes()
    for name, path in VENDOR_FILES.items():
        files[name] = path.read_bytes()
    from atlas.maps import webdir

    return webdir.ensure(files, root)


@dataclass
class LiveOptions:
    lang: str = "ru"
    colour: str = "category"  # category | specialization | science | change (needs ``change``)
    #                           | wage | industry | population_change (issue #19, municipal figures)
    choropleth: str | None = None  # None | count | share_cat1 | toser
    scheme: str = "NaturalBreaks"
    rings: bool = True
    selected: str | None = None
    highlight: list[str] = field(default_factory=list)  # towns drawn larger (e.g. a claim's examples)
    distance_bands_km: list[float] | None = None
    centre_kinds: list[str] | None = None  # science centres to draw (None: none)
    lines: bool = False
    height: int = 560
    extra_legends: list[dict] = field(default_factory=list)
    view: tuple[float, float, float] | None = None  # (zoom, lat, lon) from the permalink
    permalink: bool = False  # write the reader's view into the page URL (``?view=``)
    fit_filtered: bool = False  # zoom to the shown towns on a filter change until the reader moves
    editions: list[tuple[str, str]] | None = None  # (act_id, label) in force order: the slider
    tools: bool = True  # search and measure


NETWORK_COLOUR_MODES = ("rail_km_to_moscow", "rail_km_to_port", "road_km_to_moscow")

# issue #19: colour by a municipal figure; fixed class edges so a colour means the same on every
# filter (column, edges, palette); the last class is "not published" (white)
ECONOMY_MODES = {
    "wage": ("wage_vs_region_pct", [-15.0, -5.0, 5.0, 15.0], DIVERGING),
    "industry": ("industry_jobs_share", [10.0, 20.0, 30.0, 40.0], SEQUENTIAL[1:6]),
    "population_change": ("population_change_pct", [-10.0, -5.0, -2.0, 2.0], DIVERGING),
}


def economy_classes(shown, mode: str, lang: str) -> tuple[list[int], list[str], dict]:
    """Class per town for a municipal figure, the palette (+ white for "not published"), legend."""
    col, edges, colours = ECONOMY_MODES[mode]
    v = pd.to_numeric(shown[col], errors="coerce").to_numpy(dtype=float) if col in shown else \
        np.full(len(shown), np.nan)
    cls = np.digitize(v, edges)
    cls[np.isnan(v)] = len(colours)
    bounds = [None, *edges, None]
    items = []
    for i, c in enumerate(colours):
        lo, hi = bounds[i], bounds[i + 1]
        text = (f"< {hi:g}" if lo is None else f"≥ {lo:g}" if hi is None else f"{lo:g}…{hi:g}") + " %"
        items.append([c, text])
    if np.isnan(v).any():
        items.append([UNKNOWN_COLOUR, t("legend_population_missing" if mode == "population_change"
                                        else "legend_economy_missing", lang)])
    return cls.tolist(), list(colours) + [UNKNOWN_COLOUR], {"title": t(f"legend_{mode}", lang),
                                                            "items": items}


def town_classes(shown, opt: LiveOptions) -> tuple[list[int], list[str], dict]:
    """Colour class per shown town, the palette and its legend block."""
    lang = opt.lang
    if opt.colour in ECONOMY_MODES:
        return economy_classes(shown, opt.colour, lang)
    if opt.colour == "specialization":
        keys = list(SPECIALIZATIONS)
        present = [k for k in keys if (shown.specialization == k).any()]
        palette = [SPECIALIZATION_COLOURS[k] for k in present] + [UNKNOWN_COLOUR]
        where = {k: i for i, k in enumerate(present)}
        cls = [where.get(s, len(present)) for s in shown.specialization]
        items = [[SPECIALIZATION_COLOURS[k], label(SPECIALIZATIONS, k, lang)] for k in present]
        if shown.specialization.isna().any():
            items.append([UNKNOWN_COLOUR, t("unknown", lang)])
        return cls, palette, {"title": t("legend_specialization", lang), "items": items,
                              "classes": list(range(len(items)))}
    if opt.colour == "science":
        from atlas.maps.layers import distance_bands

        d = shown.dist_science_km.to_numpy(dtype=float)
        if len(d) == 0:
            return [], list(DISTANCE), {"title": t("legend_science", lang), "items": []}
        bands = distance_bands(shown.dist_science_km, opt.distance_bands_km)
        idx = np.digitize(d, bands[1:-1])
        items = [[DISTANCE[i], f"{bands[i]:.0f}–{bands[i + 1]:.0f} {t('unit.km', lang)}"]
                 for i in range(len(bands) - 1)]
        return idx.tolist(), list(DISTANCE), {"title": t("legend_science", lang), "items": items,
                                              "classes": list(range(len(items)))}
    if opt.colour in NETWORK_COLOUR_MODES and opt.colour in shown:  # #20: network km, grey = no link
        from atlas.i18n import column_label
        from atlas.maps.layers import distance_bands

        d = pd.to_numeric(shown[opt.colour], errors="coerce").to_numpy(dtype=float)
        ok = np.isfinite(d)
        palette = list(DISTANCE) + [UNKNOWN_COLOUR]
        items = []
        cls = [len(DISTANCE)] * len(d)
        if ok.any():
            bands = distance_bands(pd.Series(d[ok]), opt.distance_bands_km)
            idx = np.digitize(d, bands[1:-1])
            cls = [int(i) if good else len(DISTANCE) for i, good in zip(idx, ok, strict=True)]
            items = [[DISTANCE[i], f"{bands[i]:.0f}–{bands[i + 1]:.0f} {t('unit.km', lang)}"]
                     for i in range(len(bands) - 1)]
        if not ok.all():
            items.append([UNKNOWN_COLOUR, t("network.no_link", lang)])
        classes = list(range(len(items) - (0 if ok.all() else 1))) + ([] if ok.all() else [len(DISTANCE)])
        return cls, palette, {"title": column_label(opt.colour, lang), "items": items, "classes": classes}
    if opt.colour == "change":
        kinds = ["added", "removed", "recategorised"]
        colours = [CHANGE_COLOURS[k] for k in kinds]
        cls = [kinds.index(c) for c in shown.change]
        present = [k for k in kinds if (shown.change == k).any()]
        items = [[CHANGE_COLOURS[k], t(f"change.{k}", lang)] for k in present]
        return cls, colours, {"title": t("legend_change", lang), "items": items,
                              "classes": [kinds.index(k) for k in present]}
    cats = sorted(CATEGORIES)
    cls = [cats.index(int(c)) if not pd.isna(c) and int(c) in cats else 0 for c in shown.category]
    items = [[CATEGORY_COLOURS[c], label(CATEGORIES, c, lang)] for c in cats]
    return cls, [CATEGORY_COLOURS[c] for c in cats], {"title": t("legend_category", lang), "items": items,
                                                      "classes": list(range(len(cats)))}


def choropleth_fill(shown, regions, metric: str, scheme: str, lang: str) -> tuple[dict, dict]:
    """Region fill colours for a per-region metric of the shown towns, and its legend."""
    grp = shown.groupby("region_iso")
    values = {"count": grp.size(),
              "share_cat1": grp["category"].apply(lambda s: 100.0 * (s == 1).mean()),
              "toser": grp["toser"].sum()}[metric]
    v = regions.iso.map(values).fillna(0).astype(float).to_numpy()
    k = max(2, min(5, len(np.unique(v))))
    cls = mapclassify.classify(v, scheme=scheme, k=k)
    colours = SEQUENTIAL[1:1 + len(cls.bins)]
    fill = {iso: colours[c] for iso, c, x in zip(regions.iso, cls.yb, v, strict=True) if x > 0}
    lower = [float(v.min())] + [float(b) for b in cls.bins[:-1]]
    items = [[colours[i], f"{lo:.0f}–{hi:.0f}"] for i, (lo, hi) in enumerate(zip(lower, cls.bins))]
    return fill, {"title": t(f"choropleth_{metric}", lang), "items": items, "kind": "square"}


def map_args(shown, index: dict[str, int], regions, opt: LiveOptions, version: str,
             centres=None) -> dict:
    """The arguments of one map state: everything that changes with filters, nothing else.

    ``index`` maps town_id to its row in ``towns_payload`` (and centre_id to its row in
    ``science_payload`` for ``centres``).
    """
    cls, palette, legend = town_classes(shown, opt)
    legends = [legend]
    ids = [index[i] for i in shown.town_id]
    args = {"v": version, "lang": opt.lang, "ids": ids, "cls": cls, "palette": palette,
            "cat": [None if pd.isna(c) else int(c) for c in shown.category], "rings": opt.rings,
            "sel": index.get(opt.selected, -1) if opt.selected else -1,
            "hl": [index[i] for i in opt.highlight if i in index],
            "bounds": RUSSIA_BOUNDS, "height": opt.height, "fill": None, "centres": [],
            "centre_palette": {}, "lines": [], "dist": None, "pan_to_selected": True,
            "attribution": html.escape(t("attribution.short", opt.lang)),
            "text": {k: t(v, opt.lang) for k, v in CARD_TEXT.items()},
            "crs": LIVE_CRS, "locale": LOCALES.get(opt.lang, "en-GB"),
            "view": list(opt.view) if opt.view else None, "permalink": opt.permalink,
            "fit_filtered": opt.fit_filtered, "tools": opt.tools, "editions": None}
    if opt.editions:
        args["editions"] = {"labels": [lab for _, lab in opt.editions],
                            "palette": [CATEGORY_COLOURS[c] for c in sorted(CATEGORIES)],
                            "changes": CHANGE_COLOURS,
                            "change_labels": {k: t(f"change.{k}", opt.lang) for k in CHANGE_COLOURS},
                            "categories": [label(CATEGORIES, c, opt.lang) for c in sorted(CATEGORIES)]}
    if opt.rings and shown.toser.astype(bool).any():
        legends.append({"title": t("legend_toser", opt.lang), "kind": "ring", "items": [
            ["#000000", t("legend_toser_monotown", opt.lang), "ring"]]})
        if (shown.toser.astype(bool) & (shown.toser_kind != "monotown")).any():
            legends[-1]["items"].append(["#000000", t("legend_toser_other", opt.lang), "ring-dash"])
    if opt.choropleth:
        args["fill"], lg = choropleth_fill(shown, regions, opt.choropleth, opt.scheme, opt.lang)
        legends.append(lg)
    if opt.colour == "science" and "dist_science_km" in shown:
        args["dist"] = _clean(shown.dist_science_km.round(1))
    if centres is not None and opt.centre_kinds:
        sel = centres[centres.kind.isin(opt.centre_kinds)]
        args["centres"] = [index[c] for c in sel.centre_id]
        args["centre_palette"] = {k: SCIENCE_COLOURS.get(k, "#999999") for k in opt.centre_kinds}
        kinds = [k for k in SCIENCE_KINDS if k in set(sel.kind)]
        legends.append({"title": t("legend_centres", opt.lang), "kind": "square",
                        "items": [[SCIENCE_COLOURS.get(k, "#999999"), label(SCIENCE_KINDS, k, opt.lang)]
                                  for k in kinds]})
        if opt.lines and "nearest_science_id" in shown:
            args["lines"] = [[index[tid], index[c]] for tid, c in
                             zip(shown.town_id, shown.nearest_science_id) if c in index]
    args["legends"] = legends + opt.extra_legends
    return args


def payload_index(towns, centres=None) -> dict[str, int]:
    """Row index of every town (and centre) id in the payloads."""
    idx = {tid: i for i, tid in enumerate(towns.town_id)}
    if centres is not None:
        idx.update({cid: i for i, cid in enumerate(centres.centre_id)})
    return idx


def parse_view(text: str | None) -> tuple[float, float, float] | None:
    """``"zoom/lat/lon"`` from the URL as numbers, or None when it is not a view of this map.

    The value comes from the reader's address bar: anything but three finite numbers within
    the map's zoom range and around Russia is ignored, not repaired.
    """
    if not text or len(text) > 40:
        return None
    parts = text.split("/")
    if len(parts) != 3:
        return None
    try:
        zoom, lat, lon = (float(p) for p in parts)
    except ValueError:
        return None
    if not all(math.isfinite(v) for v in (zoom, lat, lon)):
        return None
    if not (0 <= zoom <= len(LIVE_CRS["resolutions"]) - 1 and 20 <= lat <= 90 and -180 <= lon <= 360):
        return None
    return round(zoom, 2), round(lat, 4), round(lon, 4)


def format_view(zoom: float, lat: float, lon: float) -> str:
    """The ``view`` URL value of a map view (what atlas_map.js writes)."""
    return f"{zoom:g}/{lat:.4f}/{lon:.4f}"
