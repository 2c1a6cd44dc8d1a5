"""``export_map``: the atlas (or a region, district, corridor or filtered view) as a file.

This module owns the static figure: :func:`draw_figure` turns a :class:`~atlas.export.scene.Scene`
(what a map shows: layers, focus regions, filters, edition, title — see :mod:`atlas.export.scene`)
into a matplotlib figure, with labels placed by :mod:`atlas.export.labels` and the furniture of
:mod:`atlas.export.furniture`; :func:`export_map` writes PNG/SVG/PDF, or offline HTML through
:mod:`atlas.export.html`.
"""

from __future__ import annotations

import contextlib
from io import BytesIO
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
from atlas.export import furniture  # noqa: E402
from atlas.export.html import save_html  # noqa: E402
from atlas.export.labels import LabelItem, LabelPlacer  # noqa: E402
from atlas.export.layers import (  # noqa: E402,F401
    Drawn,
    draw_countries,
    draw_layers,
    draw_regions,
    project,
)

# re-exported, so ``from atlas.export.figure import export_data`` keeps working
from atlas.export.scene import (  # noqa: E402,F401
    ALL_LAYERS,
    EXPORT_TOLERANCE_DEG,
    PRESETS,
    Scene,
    export_data,
    focus_regions,
    make_scene,
    plain_title,
)
from atlas.export.tables import atomic_target  # noqa: E402
from atlas.i18n import name, names, t  # noqa: E402
from atlas.maps import MapOptions, build_map  # noqa: E402
from atlas.policy import ATTRIBUTION  # noqa: E402

PNG_DPI = 200
FORMATS = ("html", "png", "svg", "pdf")
FONT = "DejaVu Sans"  # ships with matplotlib, covers Cyrillic: named in the SVG, embedded in PDF
MAX_KEYED = 60  # more towns than this in view: the rest stay unlabelled, never a huge key
# inches: page margins, title band, source band, side panel (inset, legend, key) per aspect
MARGIN, TOP_BAND, BOTTOM_BAND, GAP = 0.3, 1.0, 0.45, 0.2
PANEL = {"16:9": 3.0, "4:3": 2.6}


@contextlib.contextmanager
def figure_style():
    """Fonts as named text (SVG ``<text>`` with font-family, TrueType in PDF), stable ids."""
    with plt.rc_context(
        {
            "font.family": FONT,
            "svg.fonttype": "none",
            "pdf.fonttype": 42,
            "svg.hashsalt": "monotown-atlas",
            "axes.unicode_minus": False,
        }
    ):
        yield


def file_name(title: str, fmt_code: str) -> str:
    """A file name from the map's title: ``"Моногорода: Кемеровская область"`` →
    ``monogoroda-kemerovskaya-oblast.png`` (Latin letters travel safely by e-mail and USB)."""
    stem = slug(plain_title(title))[:80].strip("-") or "monotowns"
    return f"{stem}.{fmt_code}"


def draw_figure(scene: Scene):
    """The scene as a matplotlib figure (call inside :func:`figure_style` to save it).

    Layout (inches): title block on top, source line at the bottom, the map on the left and a
    side panel with the locator inset (region maps), the legend and the numbered key."""
    w, h = PRESETS[scene.preset]
    fig = plt.figure(figsize=(w, h))
    map_w = w - 2 * MARGIN - PANEL[scene.preset] - GAP
    ax = fig.add_axes((MARGIN / w, BOTTOM_BAND / h, map_w / w, (h - TOP_BAND - BOTTOM_BAND) / h))
    reg = project(scene.data.regions)
    extent = _fit_aspect(_frame(reg, scene.bounds), map_w / (h - TOP_BAND - BOTTOM_BAND))
    frame = _box(*extent)
    draw_countries(ax, _clip(project(io.load_neighbours()), frame))
    region_rows = draw_regions(ax, _clip(reg, frame), scene.focus, scene.layers, scene.lang)
    ax.set_xlim(extent[0], extent[2])
    ax.set_ylim(extent[1], extent[3])
    ax.set_aspect("auto")  # extent already has the axes' proportions: equal scale on x and y
    ax.set_axis_off()
    drawn = draw_layers(ax, scene, frame)
    bar = furniture.scale_bar(ax, scene.lang, drawn.markers())
    placer = LabelPlacer(ax, drawn.markers(), obstacles=[bar])
    placement = placer.place(_label_items(scene, drawn, reg, frame))
    _side_panel(fig, scene, reg, extent, drawn.legend + region_rows,
                [(n, item.text) for n, item in placement.keyed])
    furniture.title_block(fig, scene.title, scene.subtitle, MARGIN, 0.28)
    source = t("export.source_line", scene.lang, attribution=ATTRIBUTION[scene.lang])
    furniture.source_line(fig, source, MARGIN, 0.1)
    fig.placement = placement  # what was labelled, led, keyed (read by tests and reports)
    _unique_ids(fig)
    return fig


def _clip(gdf, frame):
    """Only what the frame shows goes into the file (a region's SVG/PDF stays small)."""
    visible = gdf.assign(geometry=gdf.geometry.intersection(frame.buffer(0.02 * frame.length)))
    return visible[~visible.geometry.is_empty]


def _side_panel(fig, scene: Scene, reg, extent, legend, key) -> None:
    w, h = fig.get_size_inches()
    panel = PANEL[scene.preset]
    x = (w - MARGIN - panel) / w
    top = h - TOP_BAND
    if scene.focus:
        inset_h = panel * 0.62
        inset = fig.add_axes((x, (top - inset_h) / h, panel / w, inset_h / h))
        thumb = reg.assign(geometry=shapely.coverage_simplify(reg.geometry.values, 15_000))  # 15 km
        furniture.locator_inset(inset, thumb, thumb[thumb.iso.isin(scene.focus)], extent)
        top -= inset_h + 0.15
    legend_ax = fig.add_axes((x, BOTTOM_BAND / h, panel / w, (top - BOTTOM_BAND) / h))
    furniture.legend_panel(legend_ax, legend, key, scene.lang)


def _unique_ids(fig) -> None:
    """SVG ids must be unique: "town-label" becomes "town-label-1", "town-label-2", …"""
    seen: dict[str, int] = {}
    for artist in fig.findobj():
        gid = artist.get_gid()
        if gid:
            seen[gid] = seen.get(gid, 0) + 1
            artist.set_gid(f"{gid}-{seen[gid]}")


def _label_items(scene: Scene, drawn: Drawn, reg, frame) -> list[LabelItem]:
    """Every name to place, most important first: towns (the ones asked for, then by
    population), the focus region's centre, other cities, then region names."""
    return (_town_labels(scene, drawn.towns) + _city_labels(scene, drawn.cities)
            + _region_labels(scene, reg, frame))


def _town_labels(scene: Scene, towns) -> list[LabelItem]:
    if towns is None or not len(towns):
        return []
    asked = (towns.town_id.isin(scene.labels) | towns.name_ru.isin(scene.labels)).to_numpy()
    pop = towns.population.astype("Float64").fillna(0).to_numpy(dtype=float)
    rank = np.argsort(np.argsort(-pop, kind="stable"), kind="stable")
    return [LabelItem(name(row, scene.lang), row.geometry.x, row.geometry.y, fontsize=8,
                      weight="bold", priority=2e9 + p + (1e9 if wanted else 0),
                      keyed=scene.label_all and r < MAX_KEYED, gid="town-label")
            for row, wanted, p, r in zip(towns.itertuples(), asked, pop, rank, strict=True)
            if scene.label_all or wanted]


def _city_labels(scene: Scene, cities) -> list[LabelItem]:
    if cities is None:
        return []
    items = []
    for row in cities.itertuples():
        own = row.region_iso in scene.focus  # the focus region's own centre reads stronger
        items.append(LabelItem(name(row, scene.lang), row.geometry.x, row.geometry.y,
                               priority=(1.5e9 if own else 1e9) + row.population,
                               fontsize=8 if own else 7.5, colour="#262626" if own else "#595959",
                               keyed=False, gid="city-label"))
    return items


def _region_labels(scene: Scene, reg, frame) -> list[LabelItem]:
    """Names of the regions that fill at least 4 % of a region map (neighbours in capitals)."""
    if not (scene.focus and scene.label_all):
        return []
    items = []
    for row, text in zip(reg.itertuples(), names(reg, scene.lang), strict=True):
        part = row.geometry.intersection(frame)
        if part.is_empty or part.area < 0.04 * frame.area:
            continue
        inside = row.iso in scene.focus
        p = part.representative_point()
        items.append(LabelItem(text if inside else text.upper(), p.x, p.y, style="italic",
                               priority=part.area / frame.area, fontsize=7, keyed=False,
                               colour="#707070" if inside else "#9a9a9a", marker_pt=0,
                               gid="region-label"))
    return items


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


def export_map(
    path: Path,
    layers: list[str] | None = None,
    region: str | None = None,
    corridor: str | None = None,
    title: str | None = None,
    lang: str = "ru",
    preset: str = "16:9",
    labels: list[str] | None = None,
    edition="latest",
    where: TownFilter | None = None,
    fmt_code: str | None = None,
) -> dict:
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
    m = build_map(
        scene.data,
        scene.layers,
        MapOptions(lang=scene.lang, selected_corridor=corridor),
        bounds=scene.bounds,
        title=scene.title,
    )
    return save_html(m, path, scene.title, ATTRIBUTION[scene.lang])  # written atomically


def _save_static(scene: Scene, path: Path, ext: str) -> int:
    with figure_style():
        fig = draw_figure(scene)
        try:  # a temporary name, renamed when complete: a failure leaves no truncated file
            with atomic_target(path) as tmp:
                fig.savefig(
                    tmp,
                    format=ext,
                    dpi=PNG_DPI if ext == "png" else 72,
                    metadata=file_metadata(ext, scene),
                )
        finally:
            plt.close(fig)
    return path.stat().st_size


def render_png(scene: Scene, dpi: int = 60) -> bytes:
    """The static figure as PNG bytes (the Export page's preview)."""
    buf = BytesIO()
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
        return {
            "Title": scene.title,
            "Subject": subject,
            "Author": author,
            "Creator": author,
            "Keywords": t("export.meta_keywords", lang),
            "CreationDate": None,
        }
    if ext == "svg":
        return {
            "Title": scene.title,
            "Description": subject,
            "Creator": author,
            "Date": None,
            "Rights": ATTRIBUTION[lang],
        }
    return {
        "Title": scene.title,
        "Description": subject,
        "Author": author,
        "Source": ATTRIBUTION[lang],
        "Software": author,
    }


def slide_sizes_px() -> dict[str, tuple[int, int]]:
    """PNG sizes of each aspect in pixels (2× a 96-dpi slide of the same inches)."""
    return {k: (round(w * PNG_DPI), round(h * PNG_DPI)) for k, (w, h) in PRESETS.items()}
