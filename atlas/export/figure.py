"""``export_map``: the atlas (or a region, district, corridor or filtered view) as a file.

One module owns the static figure: :func:`make_scene` gathers what a map shows (layers, focus
regions, filters, edition, title), :func:`draw_figure` turns a scene into a matplotlib figure
(map, labels from :mod:`atlas.export.labels`, furniture from :mod:`atlas.export.furniture`),
and :func:`export_map` writes PNG/SVG/PDF — or offline HTML through :mod:`atlas.export.html`.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import shapely  # noqa: E402
from shapely.geometry import box as _box  # noqa: E402

from atlas import io  # noqa: E402
from atlas.analysis.filters import TownFilter  # noqa: E402
from atlas.build.translit import slug  # noqa: E402
from atlas.crs import RUSSIA_AEA, shift_antimeridian  # noqa: E402
from atlas.export import furniture, scene_text  # noqa: E402
from atlas.export.labels import LabelItem, LabelPlacer  # noqa: E402
from atlas.i18n import names, t  # noqa: E402
from atlas.maps import MapData, MapOptions, build_map  # noqa: E402
from atlas.maps.palettes import CATEGORY_COLOURS, MODE_COLOURS, SCIENCE_COLOURS  # noqa: E402
from atlas.policy import ATTRIBUTION  # noqa: E402
from atlas.vocab import CATEGORIES, CORRIDOR_MODES, SCIENCE_KINDS, label  # noqa: E402

ALL_LAYERS = ["regions", "corridors", "science", "towns", "toser"]
EXPORT_TOLERANCE_DEG = 0.05  # whole-Russia HTML: coarser borders keep the file ≤ 1.5 MB
PRESETS = {"16:9": (13.33, 7.5), "4:3": (10.0, 7.5)}   # inches; PNG at 200 dpi = 2× a slide
PNG_DPI = 200
FORMATS = ("html", "png", "svg", "pdf")
FONT = "DejaVu Sans"   # ships with matplotlib, covers Cyrillic: named in the SVG, embedded in PDF
MAX_KEYED = 60         # more towns than this in view: the rest stay unlabelled, never a huge key
# inches: page margins, title band, source band, side panel (inset, legend, key) per aspect
MARGIN, TOP_BAND, BOTTOM_BAND, GAP = 0.3, 1.0, 0.45, 0.2
PANEL = {"16:9": 3.0, "4:3": 2.6}


@dataclass
class Scene:
    """Everything one exported map shows, before any drawing."""

    data: MapData
    layers: list[str]
    title: str
    subtitle: str
    lang: str = "ru"
    preset: str = "16:9"
    focus: list[str] = field(default_factory=list)   # ISO codes highlighted
    bounds: list | None = None                        # [[s, w], [n, e]] or None (all Russia)
    cities: gpd.GeoDataFrame | None = None
    labels: list[str] = field(default_factory=list)   # town ids / Russian names asked for
    label_all: bool = False                           # a region or a filtered view: name every town


@contextlib.contextmanager
def figure_style():
    """Fonts as named text (SVG ``<text>`` with font-family, TrueType in PDF), stable ids."""
    with plt.rc_context({"font.family": FONT, "svg.fonttype": "none", "pdf.fonttype": 42,
                         "svg.hashsalt": "monotown-atlas", "axes.unicode_minus": False}):
        yield


# --- data ------------------------------------------------------------------------------------

def export_data(region: str | None = None, corridor: str | None = None,
                tolerance_deg: float = EXPORT_TOLERANCE_DEG, edition="latest",
                where: TownFilter | None = None) -> tuple[MapData, list | None]:
    """Layers for an export — towns of ``edition`` narrowed by ``where`` and to a region or
    federal district if asked — and the lon/lat bounds to frame ([[s, w], [n, e]] or None)."""
    regions = io.load_regions(display=True)
    regions = regions.assign(geometry=shapely.coverage_simplify(regions.geometry.values, tolerance_deg))
    towns = io.load_monotowns(edition)
    if where is not None:
        towns = where.apply(towns)
    data = MapData(towns=towns, regions=regions, science=io.load_science_centres(),
                   corridors=io.load_corridors(), nodes=io.load_logistics_nodes(),
                   region_arcs=io.load_region_arcs())
    bounds = None
    focus = focus_regions(regions, region, where)
    if focus:
        sel = regions[regions.iso.isin(focus)]
        data.towns = towns[towns.region_iso.isin(focus)]
        minx, miny, maxx, maxy = sel.total_bounds
        bounds = [[miny, minx], [maxy, maxx]]
    if corridor:
        cid = io.resolve_corridor_id(corridor)
        data.corridors = data.corridors[data.corridors.corridor_id == cid]
        minx, miny, maxx, maxy = shift_antimeridian(data.corridors.geometry.values)[0].bounds
        bounds = [[miny - 1, minx - 1], [maxy + 1, maxx + 1]]
    return data, bounds


def focus_regions(regions, region: str | None, where: TownFilter | None = None) -> list[str]:
    """ISO codes a map is about: ``region`` (a region or federal district key), else the
    regions or districts the filter names; empty for all Russia. Unknown ``region`` raises."""
    if region:
        sel = regions[(regions.iso == region) | (regions.federal_district == region)]
        if sel.empty:
            raise KeyError(f"no region or federal district {region!r}")
        return sorted(sel.iso)
    if where is not None and where.regions:
        return sorted(set(regions.iso) & set(where.regions))
    if where is not None and where.federal_districts:
        return sorted(regions[regions.federal_district.isin(where.federal_districts)].iso)
    return []


def make_scene(layers: list[str] | None = None, region: str | None = None, corridor: str | None = None,
               title: str | None = None, lang: str = "ru", preset: str = "16:9",
               labels: list[str] | None = None, edition="latest", where: TownFilter | None = None,
               today: _dt.date | None = None) -> Scene:
    if preset not in PRESETS:
        raise ValueError(f"unknown aspect {preset!r}: use {' or '.join(PRESETS)}")
    data, bounds = export_data(region, corridor, edition=edition, where=where)
    focus = focus_regions(data.regions, region, where)
    filtered = where is not None and where != TownFilter()
    title = plain_title(title) or scene_text.default_title(data.regions, focus, corridor, lang)
    subtitle = scene_text.subtitle(edition, where, len(data.towns), lang, today or _dt.date.today())
    return Scene(data=data, layers=list(layers or ALL_LAYERS), title=title, subtitle=subtitle,
                 lang=lang, preset=preset, focus=focus, bounds=bounds, cities=io.load_major_cities(),
                 labels=list(labels or []), label_all=bool(focus) or filtered)


def plain_title(title: str | None, limit: int = 300) -> str:
    """A title as plain text: control characters dropped, whitespace collapsed, at most ``limit``."""
    if not title:
        return ""
    text = "".join(ch if ch.isprintable() else " " for ch in str(title))
    return " ".join(text.split())[:limit]


def file_name(title: str, fmt_code: str) -> str:
    """A file name from the map's title: ``"Моногорода: Кемеровская область"`` →
    ``monogoroda-kemerovskaya-oblast.png`` (Latin letters travel safely by e-mail and USB)."""
    stem = slug(plain_title(title))[:80].strip("-") or "monotowns"
    return f"{stem}.{fmt_code}"


def project(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """To the Russia equal-area CRS, with Chukotka kept in one piece."""
    g = gdf.copy()
    g["geometry"] = shift_antimeridian(g.geometry.values)
    return g.set_crs(4326, allow_override=True).to_crs(RUSSIA_AEA)


# --- drawing ---------------------------------------------------------------------------------

def draw_figure(scene: Scene):
    """The scene as a matplotlib figure (call inside :func:`figure_style` to save it)."""
    w, h = PRESETS[scene.preset]
    fig = plt.figure(figsize=(w, h))
    panel = PANEL[scene.preset]
    map_w = w - 2 * MARGIN - panel - GAP
    map_h = h - TOP_BAND - BOTTOM_BAND
    ax = fig.add_axes((MARGIN / w, BOTTOM_BAND / h, map_w / w, map_h / h))
    reg = project(scene.data.regions)
    extent = _fit_aspect(_frame(reg, scene.bounds), map_w / map_h)
    frame = _box(*extent)
    # only what the frame shows goes into the file (a region's SVG/PDF stays small)
    visible = reg.assign(geometry=reg.geometry.intersection(frame.buffer(0.02 * frame.length)))
    legend = _draw_regions(ax, visible[~visible.geometry.is_empty], scene)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("auto")   # extent already has the axes' proportions: equal scale on x and y
    ax.set_axis_off()
    drawn = _draw_layers(ax, scene, frame)
    legend = drawn.legend + legend
    bar = furniture.scale_bar(ax, scene.lang, drawn.points)
    placer = LabelPlacer(ax, drawn.points, obstacles=[bar])
    placement = placer.place(_label_items(scene, drawn, reg, frame))
    key = [(n, item.text) for n, item in placement.keyed]
    x_panel = (w - MARGIN - panel) / w
    legend_top = h - TOP_BAND
    if scene.focus:
        inset_h = panel * 0.62
        inset = fig.add_axes((x_panel, (h - TOP_BAND - inset_h) / h, panel / w, inset_h / h))
        small = reg.assign(geometry=shapely.coverage_simplify(reg.geometry.values, 15_000))  # 15 km: a thumbnail
        furniture.locator_inset(inset, small, small[small.iso.isin(scene.focus)], extent)
        legend_top -= inset_h + 0.15
    leg_ax = fig.add_axes((x_panel, BOTTOM_BAND / h, panel / w, (legend_top - BOTTOM_BAND) / h))
    furniture.legend_panel(leg_ax, legend, key, scene.lang)
    furniture.title_block(fig, scene.title, scene.subtitle, MARGIN, 0.28)
    furniture.source_line(fig, t("export.source_line", scene.lang, attribution=ATTRIBUTION[scene.lang]),
                          MARGIN, 0.1)
    fig.placement = placement  # what was labelled, led, keyed (read by tests and reports)
    _unique_ids(fig)
    return fig


def _unique_ids(fig) -> None:
    """SVG ids must be unique: "town-label" becomes "town-label-1", "town-label-2", …"""
    seen: dict[str, int] = {}
    for artist in fig.findobj():
        gid = artist.get_gid()
        if gid:
            seen[gid] = seen.get(gid, 0) + 1
            artist.set_gid(f"{gid}-{seen[gid]}")


@dataclass
class _Drawn:
    towns: gpd.GeoDataFrame | None = None
    cities: gpd.GeoDataFrame | None = None
    points: np.ndarray = field(default_factory=lambda: np.empty((0, 2)))
    legend: list = field(default_factory=list)


def _draw_regions(ax, reg, scene: Scene) -> list:
    if "regions" not in scene.layers and not scene.focus:
        reg.plot(ax=ax, color="#f4f4f4", edgecolor="none", aspect=None)
        return []
    if not scene.focus:
        reg.plot(ax=ax, color="#f2efe9", edgecolor="#a3a3a3", linewidth=0.35, aspect=None)
        return []
    inside = reg.iso.isin(scene.focus)
    reg[~inside].plot(ax=ax, color="#e3e3e3", edgecolor="white", linewidth=0.7, aspect=None)
    reg[inside].plot(ax=ax, color="#fbf5e6", edgecolor="#3c3c3c", linewidth=1.1, aspect=None, zorder=2)
    R = furniture.LegendRow
    return [R("header", t("export.legend_regions", scene.lang)),
            R("patch", t("export.legend_focus", scene.lang), colour="#fbf5e6", edge="#3c3c3c"),
            R("patch", t("export.legend_neighbours", scene.lang), colour="#e3e3e3", edge="#bdbdbd")]


def _in_frame(gdf, frame):
    return gdf[gdf.geometry.intersects(frame).to_numpy()] if len(gdf) else gdf


def _draw_layers(ax, scene: Scene, frame) -> _Drawn:
    d, lang, out, R = scene.data, scene.lang, _Drawn(), furniture.LegendRow
    pts = []
    if "corridors" in scene.layers and d.corridors is not None and len(d.corridors):
        cor = _in_frame(project(d.corridors), frame)
        modes = [m for m in CORRIDOR_MODES if (cor["mode"] == m).any()]
        for mode in modes:
            cor[cor["mode"] == mode].plot(ax=ax, color=MODE_COLOURS[mode], linewidth=1.4,
                                          linestyle="--", zorder=3, aspect=None)
        if modes:
            out.legend += [R("header", t("legend_corridors", lang))] + [
                R("line", label(CORRIDOR_MODES, m, lang), colour=MODE_COLOURS[m], linestyle="--")
                for m in modes]
    if "science" in scene.layers and d.science is not None and len(d.science):
        sci = _in_frame(project(d.science), frame)
        if scene.focus:   # a region's map: its own centres (neighbours' would crowd the key)
            sci = sci[sci.region_iso.isin(scene.focus).to_numpy()]
        kinds = [k for k in SCIENCE_KINDS if (sci.kind == k).any()]
        xy = _spread(ax, sci)
        ax.scatter(xy[:, 0], xy[:, 1], s=30, marker="D", c=[SCIENCE_COLOURS.get(k, "#999") for k in sci.kind],
                   edgecolors="#222222", linewidths=0.5, zorder=5, gid="science")
        pts.append(xy)
        if kinds:
            out.legend += [R("header", t("legend_centres", lang))] + [
                R("marker", label(SCIENCE_KINDS, k, lang), colour=SCIENCE_COLOURS[k], marker="D", size=5.5)
                for k in kinds]
    cities = scene.cities
    if cities is not None and len(cities):
        cities = _in_frame(project(cities[~cities.is_monotown.astype(bool)]), frame)
        if not scene.focus:   # all Russia: the million cities only
            cities = cities[(cities.population >= 1_000_000) | (cities.role == "capital")]
        if len(cities):
            out.cities = cities
            xy = np.column_stack([cities.geometry.x, cities.geometry.y])
            ax.scatter(xy[:, 0], xy[:, 1], s=18, marker="s", c="#4d4d4d", edgecolors="white",
                       linewidths=0.7, zorder=5.5, gid="cities")
            pts.append(xy)
            out.legend += [R("header", t("export.legend_context", lang)),
                           R("marker", t("export.legend_cities", lang), colour="#4d4d4d", marker="s",
                             size=4.5, edge="white")]
    if "towns" in scene.layers and len(d.towns):
        towns = _in_frame(project(d.towns), frame)
        out.towns = towns
        xy = np.column_stack([towns.geometry.x, towns.geometry.y])
        ax.scatter(xy[:, 0], xy[:, 1], s=42, c=[CATEGORY_COLOURS.get(int(c), "#fff") for c in towns.category],
                   edgecolors="#222222", linewidths=0.6, zorder=6, gid="towns")
        pts.append(xy)
        cats = [c for c in CATEGORIES if (towns.category == c).any()]
        out.legend = [R("header", t("legend_category", lang))] + [
            R("marker", label(CATEGORIES, c, lang), colour=CATEGORY_COLOURS[c], size=6.5) for c in cats
        ] + out.legend
        toser = towns[towns.toser.astype(bool).to_numpy()]
        if "toser" in scene.layers and len(toser):
            ax.scatter(toser.geometry.x, toser.geometry.y, s=150, facecolors="none", edgecolors="#111111",
                       linewidths=1.0, zorder=6.5, gid="toser")
            out.legend.insert(1 + len(cats), R("marker", t("toser", lang), colour="none", face="none",
                                                   edge="#111111", size=10))
    if pts:
        out.points = np.vstack(pts)
    return out


def _spread(ax, pts, step_pt: float = 5.0) -> np.ndarray:
    """Points of one place (several centres in one city) in a small grid around it instead of
    stacked on one spot; the grid step is ``step_pt`` points on the page at any scale."""
    xy = np.column_stack([pts.geometry.x, pts.geometry.y]) if len(pts) else np.empty((0, 2))
    if not len(xy):
        return xy
    x0, x1 = ax.get_xlim()
    width_pt = ax.get_position().width * ax.figure.get_size_inches()[0] * 72
    step = step_pt * (x1 - x0) / width_pt
    keys = [tuple(k) for k in np.round(xy / 1000).astype(int)]   # same place: within ~1 km
    groups: dict[tuple, list[int]] = {}
    for i, k in enumerate(keys):
        groups.setdefault(k, []).append(i)
    out = xy.copy()
    for members in groups.values():
        n = len(members)
        cols = int(np.ceil(np.sqrt(n)))
        for j, i in enumerate(members):
            r, c = divmod(j, cols)
            out[i, 0] += (c - (cols - 1) / 2) * step
            out[i, 1] -= (r - (int(np.ceil(n / cols)) - 1) / 2) * step
    return out


def _label_items(scene: Scene, drawn: _Drawn, reg, frame) -> list[LabelItem]:
    items = []
    if drawn.towns is not None and len(drawn.towns):
        towns = drawn.towns
        asked = towns.town_id.isin(scene.labels) | towns.name_ru.isin(scene.labels)
        pop = towns.population.astype("Float64").fillna(0).to_numpy(dtype=float)
        rank = np.argsort(np.argsort(-pop, kind="stable"), kind="stable")
        for row, wanted, p, r in zip(towns.itertuples(), asked, pop, rank, strict=True):
            if not (scene.label_all or wanted):
                continue
            items.append(LabelItem(_name(row, scene.lang), row.geometry.x, row.geometry.y,
                                   priority=2e9 + p + (1e9 if wanted else 0), fontsize=8, weight="bold",
                                   keyed=scene.label_all and r < MAX_KEYED, gid="town-label"))
    if drawn.cities is not None:
        for row in drawn.cities.itertuples():
            own = row.region_iso in scene.focus   # the focus region's own centre reads stronger
            items.append(LabelItem(_name(row, scene.lang), row.geometry.x, row.geometry.y,
                                   priority=(1.5e9 if own else 1e9) + row.population,
                                   fontsize=8 if own else 7.5, colour="#262626" if own else "#595959",
                                   keyed=False, gid="city-label"))
    if scene.focus and scene.label_all:
        area = frame.area
        for row, text in zip(reg.itertuples(), names(reg, scene.lang), strict=True):
            part = row.geometry.intersection(frame)
            if part.is_empty or part.area < 0.04 * area:
                continue
            p = part.representative_point()
            items.append(LabelItem(text.upper() if row.iso not in scene.focus else text, p.x, p.y,
                                   priority=part.area / area, fontsize=7,
                                   colour="#707070" if row.iso in scene.focus else "#9a9a9a",
                                   style="italic", keyed=False, marker_pt=0, gid="region-label"))
    return items


def _name(row, lang: str) -> str:
    from atlas.i18n import name

    return name(row, lang)


def _fit_aspect(extent, target: float):
    """Widen the shorter side of ``extent`` to the width/height ratio ``target``."""
    minx, miny, maxx, maxy = extent
    w, h = maxx - minx, maxy - miny
    if w / h < target:
        grow = (h * target - w) / 2
        return minx - grow, miny, maxx + grow, maxy
    grow = (w / target - h) / 2
    return minx, miny - grow, maxx, maxy + grow


def _frame(reg, bounds, pad: float = 0.06):
    """Projected extent: all regions, or the lon/lat ``bounds`` [[s, w], [n, e]] asked for."""
    if bounds is None:
        return tuple(reg.total_bounds)
    (s, w), (n, e) = bounds
    frame = gpd.GeoDataFrame(geometry=[_box(w, s, e, n).segmentize(0.5)], crs=4326)
    minx, miny, maxx, maxy = project(frame).total_bounds
    dx, dy = (maxx - minx) * pad, (maxy - miny) * pad
    return minx - dx, miny - dy, maxx + dx, maxy + dy


# --- files -----------------------------------------------------------------------------------

def export_map(path: Path, layers: list[str] | None = None, region: str | None = None,
               corridor: str | None = None, title: str | None = None, lang: str = "ru",
               preset: str = "16:9", labels: list[str] | None = None, edition="latest",
               where: TownFilter | None = None, fmt_code: str | None = None) -> dict:
    """Write the map to ``path`` (.html offline, .png, .svg, .pdf). A folder as ``path`` gets a
    file named from the title (:func:`file_name`) in ``fmt_code``. Returns path and bytes."""
    scene = make_scene(layers, region, corridor, title, lang, preset, labels, edition, where)
    path = Path(path)
    if path.is_dir():
        path = path / file_name(scene.title, fmt_code or "png")
    ext = path.suffix.lower().lstrip(".")
    if ext == "html":
        size = _save_html(scene, corridor, path)
    elif ext in ("png", "svg", "pdf"):
        size = _save_static(scene, path, ext)
    else:
        raise ValueError(f"unsupported format .{ext}: use .html, .png, .svg or .pdf")
    return {"path": str(path), "bytes": size, "title": scene.title}


def _save_html(scene: Scene, corridor, path: Path) -> int:
    from atlas.export.html import save_html

    m = build_map(scene.data, scene.layers, MapOptions(lang=scene.lang, selected_corridor=corridor),
                  bounds=scene.bounds, title=scene.title)
    return save_html(m, path, scene.title, ATTRIBUTION[scene.lang])  # written atomically


def _save_static(scene: Scene, path: Path, ext: str) -> int:
    from atlas.export.tables import atomic_target

    with figure_style():
        fig = draw_figure(scene)
        try:  # a temporary name, renamed when complete: a failure leaves no truncated file
            with atomic_target(path) as tmp:
                fig.savefig(tmp, format=ext, dpi=PNG_DPI if ext == "png" else 72,
                            metadata=file_metadata(ext, scene))
        finally:
            plt.close(fig)
    return path.stat().st_size


def render_png(scene: Scene, dpi: int = 60) -> bytes:
    """The static figure as PNG bytes (the Export page's preview)."""
    import io as _io

    buf = _io.BytesIO()
    with figure_style():
        fig = draw_figure(scene)
        try:
            fig.savefig(buf, format="png", dpi=dpi)
        finally:
            plt.close(fig)
    return buf.getvalue()


def file_metadata(ext: str, scene: Scene) -> dict:
    """Title, subject and author in the map's language (no dates: same map, same bytes)."""
    lang = scene.lang
    author = t("export.meta_author", lang)
    subject = t("export.meta_subject", lang, subtitle=scene.subtitle)
    if ext == "pdf":
        return {"Title": scene.title, "Subject": subject, "Author": author, "Creator": author,
                "Keywords": t("export.meta_keywords", lang), "CreationDate": None}
    if ext == "svg":
        return {"Title": scene.title, "Description": subject, "Creator": author, "Date": None,
                "Rights": ATTRIBUTION[lang]}
    return {"Title": scene.title, "Description": subject, "Author": author,
            "Source": ATTRIBUTION[lang], "Software": author}


def slide_sizes_px() -> dict[str, tuple[int, int]]:
    """PNG sizes of each aspect in pixels (2× a 96-dpi slide of the same inches)."""
    return {k: (round(w * PNG_DPI), round(h * PNG_DPI)) for k, (w, h) in PRESETS.items()}


