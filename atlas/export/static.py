"""Static figures (PNG/SVG/PDF) with geopandas + matplotlib in an equal-area projection."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from atlas.export.figure import PRESETS, project, scale_bar_km  # noqa: E402
from atlas.i18n import t  # noqa: E402
from atlas.maps.layers import town_colours, MapOptions  # noqa: E402
from atlas.maps.palettes import MODE_COLOURS, SCIENCE_COLOURS  # noqa: E402
from atlas.policy import ATTRIBUTION  # noqa: E402
from atlas.vocab import CATEGORIES, CORRIDOR_MODES, label  # noqa: E402

# DejaVu Sans ships with matplotlib and covers Cyrillic: no system font needed
plt.rcParams["font.family"] = "DejaVu Sans"
plt.rcParams["svg.fonttype"] = "path"
plt.rcParams["pdf.fonttype"] = 42


def draw_figure(data, layers, title: str, lang: str = "ru", preset: str = "16:9",
                labels: list[str] | None = None, bounds=None):
    fig, ax = plt.subplots(figsize=PRESETS[preset])
    fig.subplots_adjust(left=0.01, right=0.99, top=0.92, bottom=0.06)
    reg = project(data.regions)
    reg.plot(ax=ax, color="#f2efe9", edgecolor="#9a9a9a", linewidth=0.3)
    handles = []
    if "corridors" in layers and data.corridors is not None and len(data.corridors):
        cor = project(data.corridors)
        for mode, grp in cor.groupby("mode"):
            grp.plot(ax=ax, color=MODE_COLOURS.get(mode, "#555"), linewidth=1.2, linestyle="--")
            handles.append(Line2D([], [], color=MODE_COLOURS.get(mode), ls="--",
                                  label=label(CORRIDOR_MODES, mode, lang)))
    if "science" in layers and data.science is not None and len(data.science):
        sci = project(data.science)
        sci.plot(ax=ax, color=[SCIENCE_COLOURS.get(k, "#999") for k in sci.kind], marker="s",
                 markersize=10, edgecolor="#222", linewidth=0.4, zorder=4)
        handles.append(Line2D([], [], marker="s", ls="", color="#4477AA",
                              label=t("legend_centres", lang)))
    if "towns" in layers and len(data.towns):
        towns = project(data.towns)
        fills, _ = town_colours(data.towns, MapOptions(lang=lang))
        towns.plot(ax=ax, color=fills, markersize=14, edgecolor="#333", linewidth=0.4, zorder=5)
        from atlas.maps.palettes import CATEGORY_COLOURS

        handles += [Patch(facecolor=CATEGORY_COLOURS[c], edgecolor="#333", label=label(CATEGORIES, c, lang))
                    for c in CATEGORIES]
        if "toser" in layers:
            tos = towns[data.towns.toser.astype(bool).values]
            tos.plot(ax=ax, facecolor="none", edgecolor="black", markersize=60, linewidth=1.0, zorder=6)
            handles.append(Line2D([], [], marker="o", ls="", markerfacecolor="none", color="black",
                                  label=t("toser", lang)))
    minx, miny, maxx, maxy = _fit_aspect(_frame(reg, bounds), PRESETS[preset], (0.98, 0.86))
    ax.set_xlim(minx, maxx)
    ax.set_ylim(miny, maxy)
    if labels and "towns" in layers and len(data.towns):  # placed once the frame is fixed
        chosen = data.towns.town_id.isin(labels) | data.towns.name_ru.isin(labels)
        place_labels(ax, towns[chosen.values], obstacles=towns, lang=lang)
    ax.set_axis_off()
    # titles and labels are plain text: "$5 and $6" stays as typed, never matplotlib maths
    ax.set_title(title, fontsize=14, loc="left", parse_math=False, usetex=False)
    legend = ax.legend(handles=handles, loc="lower left", fontsize=7, frameon=True)
    for text in legend.get_texts():
        text.set_parse_math(False)
    _scale_bar(ax, maxx - minx, lang, towns if "towns" in layers and len(data.towns) else None)
    fig.text(0.01, 0.015, ATTRIBUTION[lang], fontsize=6, color="#444", wrap=True, parse_math=False)
    return fig


def _fit_aspect(extent, figsize, axes_fraction):
    """Widen the shorter side of ``extent`` so it fills the axes (equal scale on x and y)."""
    minx, miny, maxx, maxy = extent
    target = (figsize[0] * axes_fraction[0]) / (figsize[1] * axes_fraction[1])
    w, h = maxx - minx, maxy - miny
    if w / h < target:
        grow = (h * target - w) / 2
        return minx - grow, miny, maxx + grow, maxy
    grow = (w / target - h) / 2
    return minx, miny - grow, maxx, maxy + grow


def _frame(reg, bounds, pad: float = 0.05):
    """Projected extent: all regions, or the lon/lat ``bounds`` [[s, w], [n, e]] asked for."""
    if bounds is None:
        return reg.total_bounds
    import geopandas as gpd
    from shapely.geometry import box

    (s, w), (n, e) = bounds
    frame = gpd.GeoDataFrame(geometry=[box(w, s, e, n).segmentize(0.5)], crs=4326)
    minx, miny, maxx, maxy = project(frame).total_bounds
    dx, dy = (maxx - minx) * pad, (maxy - miny) * pad
    return minx - dx, miny - dy, maxx + dx, maxy + dy


def _scale_bar(ax, width_m: float, lang: str = "ru", points=None) -> None:
    """A scale bar in the corner (not the legend's lower left) with the fewest towns under it."""
    from atlas import fmt

    km = scale_bar_km(width_m)
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    spots = [(x1 - w * 0.05 - km * 1000, y0 + h * 0.05),   # lower right
             (x0 + w * 0.05, y1 - h * 0.08),               # upper left
             (x1 - w * 0.05 - km * 1000, y1 - h * 0.08)]   # upper right

    def crowd(spot):
        if points is None or not len(points):
            return 0
        x, y = spot
        px, py = points.geometry.x.to_numpy(), points.geometry.y.to_numpy()
        return int(((px > x - w * 0.02) & (px < x + km * 1000 + w * 0.02)
                    & (py > y - h * 0.03) & (py < y + h * 0.06)).sum())

    x, y = min(spots, key=crowd)  # ties keep the first (lower right)
    ax.plot([x, x + km * 1000], [y, y], color="black", linewidth=2.5, solid_capstyle="butt")
    ax.text(x + km * 500, y + h * 0.015, f"{fmt.integer(km, lang)} {t('unit.km', lang)}", ha="center",
            va="bottom", fontsize=7, parse_math=False,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})


def place_labels(ax, points, fontsize: int = 7, obstacles=None, lang: str = "ru",
                 marker_radius_pt: float = 4.0) -> list[str]:
    """Greedy labels that never overlap each other nor a marker of ``obstacles`` (the drawn
    towns): each label tries eight spots around its town; one that fits nowhere is skipped.
    Names are written in ``lang`` (Latin letters in English)."""
    from matplotlib.transforms import Bbox

    from atlas.i18n import names

    fig = ax.figure
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    r = marker_radius_pt * fig.dpi / 72
    markers = []
    if obstacles is not None and len(obstacles):
        xy = ax.transData.transform(list(zip(obstacles.geometry.x, obstacles.geometry.y)))
        markers = [Bbox([[x - r, y - r], [x + r, y + r]]) for x, y in xy]
    import matplotlib.patheffects as pe

    placed, shown = [], []
    points = points.assign(label_text=names(points, lang))
    spots = ((5, 3, "left", "bottom"), (-5, 3, "right", "bottom"), (5, -3, "left", "top"),
             (-5, -3, "right", "top"), (6, 0, "left", "center"), (-6, 0, "right", "center"),
             (0, 6, "center", "bottom"), (0, -6, "center", "top"))
    # first every spot clear of markers; in a crowd, any spot clear of other labels (with a halo)
    tries = [(dx, dy, ha, va, True) for dx, dy, ha, va in spots] + [
        (dx, dy, ha, va, False) for dx, dy, ha, va in spots]
    for row in points.sort_values("population", ascending=False).itertuples():
        for dx, dy, ha, va, strict in tries:
            txt = ax.annotate(row.label_text, (row.geometry.x, row.geometry.y), xytext=(dx, dy),
                              textcoords="offset points", fontsize=fontsize, ha=ha, va=va, zorder=7,
                              parse_math=False, usetex=False)
            box = txt.get_window_extent(renderer)
            if not any(box.overlaps(p) for p in placed) and not (
                    strict and any(box.overlaps(m) for m in markers)):
                txt.set_path_effects([pe.withStroke(linewidth=2.2, foreground="white")])
                placed.append(box)
                shown.append(row.label_text)
                break
            txt.remove()
    return shown
