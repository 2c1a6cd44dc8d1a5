"""Map furniture of the static figures: title block, source line, scale bar, locator inset,
legend and numbered key. Everything here draws on axes it is given; the figure module decides
where they go. All text is plain (never matplotlib maths) and comes from the catalogue.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

import numpy as np
from matplotlib.transforms import Bbox

from atlas import fmt
from atlas.i18n import t

INK = "#1a1a1a"
MUTED_INK = "#5a5a5a"
FOCUS_FRAME = "#D55E00"


@dataclass
class LegendRow:
    """One legend line: ``kind`` is "header", "marker", "line" or "patch"."""

    kind: str
    text: str
    colour: str = INK
    marker: str = "o"
    edge: str = "#333333"
    size: float = 6.0
    linestyle: str = "-"
    face: str | None = None


def fit_lines(text: str, width_in: float, fontsize: float, max_lines: int = 2) -> str:
    """``text`` wrapped to lines of ``width_in`` inches (DejaVu Sans averages ~0.58 em per
    character), at most ``max_lines``, the last cut with "…" if the text is longer."""
    chars = max(10, int(width_in * 72 / (0.58 * fontsize)))
    lines = textwrap.wrap(text, chars) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: chars - 1].rstrip() + "…"
    return "\n".join(lines)


def title_block(fig, title: str, subtitle: str, left_in: float, top_in: float) -> None:
    """Title (one line, smaller type for a long one) and subtitle (up to two lines) at the top
    left, in inches from the figure's top-left corner."""
    w, h = fig.get_size_inches()
    width = w - 2 * left_in
    size = max(12.0, min(17.0, width * 72 / (0.62 * max(len(title), 1))))
    fig.text(left_in / w, 1 - top_in / h, fit_lines(title, width, size, 1), fontsize=size,
             weight="bold", color=INK, ha="left", va="top", parse_math=False, usetex=False,
             gid="title")
    if subtitle:
        fig.text(left_in / w, 1 - (top_in + 0.36) / h, fit_lines(subtitle, width, 9.5),
                 fontsize=9.5, color=MUTED_INK, ha="left", va="top", parse_math=False,
                 usetex=False, gid="subtitle", linespacing=1.25)


def source_line(fig, text: str, left_in: float, bottom_in: float) -> None:
    w, h = fig.get_size_inches()
    fig.text(left_in / w, bottom_in / h, fit_lines(text, w - 2 * left_in, 6.3), fontsize=6.3,
             color=MUTED_INK, ha="left", va="bottom", parse_math=False, usetex=False, gid="source")


def scale_bar_km(width_m: float) -> float:
    """A round scale-bar length about a fifth of the map width."""
    target = width_m / 5000.0
    steps = np.array([5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 1500, 2000])
    return float(steps[np.argmin(np.abs(steps - target))])


def scale_bar(ax, lang: str, points_xy=None) -> Bbox:
    """A scale bar in km in the lower corner with the fewest points under it; returns the
    display box it covers (an obstacle for labels). Lengths are true on the standard
    parallels of the conic projection (52° and 64° N)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    w, h = x1 - x0, y1 - y0
    km = scale_bar_km(w)
    bar = km * 1000
    spots = [(x0 + w * 0.03, y0 + h * 0.04), (x1 - w * 0.03 - bar, y0 + h * 0.04)]

    def crowd(spot):
        if points_xy is None or not len(points_xy):
            return 0
        px, py = np.asarray(points_xy, dtype=float).T
        sx, sy = spot
        return int(
            (
                (px > sx - w * 0.02)
                & (px < sx + bar + w * 0.02)
                & (py > sy - h * 0.03)
                & (py < sy + h * 0.08)
            ).sum()
        )

    sx, sy = min(spots, key=crowd)
    ax.plot(
        [sx, sx + bar],
        [sy, sy],
        color=INK,
        linewidth=2.2,
        solid_capstyle="butt",
        zorder=9,
        gid="scale-bar",
    )
    for tick in (sx, sx + bar):
        ax.plot([tick, tick], [sy - h * 0.006, sy + h * 0.006], color=INK, linewidth=0.8, zorder=9)
    ax.text(
        sx + bar / 2,
        sy + h * 0.012,
        f"{fmt.integer(km, lang)} {t('unit.km', lang)}",
        ha="center",
        va="bottom",
        fontsize=7.5,
        color=INK,
        parse_math=False,
        zorder=9,
        gid="scale-label",
    )
    a = ax.transData.transform((sx - w * 0.01, sy - h * 0.02))
    b = ax.transData.transform((sx + bar + w * 0.01, sy + h * 0.06))
    return Bbox([a, b])


def locator_inset(ax, russia, focus, frame_box) -> None:
    """Russia in grey, the focus regions dark and the main map's frame as a rectangle.

    ``russia`` and ``focus`` are projected GeoDataFrames; ``frame_box`` is (minx, miny, maxx, maxy)
    of the main map in the same CRS."""
    russia.plot(ax=ax, color="#d9d9d9", edgecolor="none", linewidth=0, aspect=None)
    if focus is not None and len(focus):
        focus.plot(ax=ax, color="#4d4d4d", edgecolor="none", linewidth=0, aspect=None)
    minx, miny, maxx, maxy = frame_box
    ax.plot(
        [minx, maxx, maxx, minx, minx],
        [miny, miny, maxy, maxy, miny],
        color=FOCUS_FRAME,
        linewidth=1.1,
        gid="inset-frame",
    )
    rx0, ry0, rx1, ry1 = russia.total_bounds
    box = ax.get_position()
    fw, fh = ax.figure.get_size_inches()
    target = (box.width * fw) / (box.height * fh)  # equal scale: limits take the axes' shape
    cx, cy, w, h = (rx0 + rx1) / 2, (ry0 + ry1) / 2, rx1 - rx0, ry1 - ry0
    w, h = max(w, h * target), max(h, w / target)
    ax.set_xlim(cx - w / 2, cx + w / 2)
    ax.set_ylim(cy - h / 2, cy + h / 2)
    ax.set_aspect("auto")
    ax.set_axis_off()


def legend_panel(
    ax, rows: list[LegendRow], key: list[tuple[int, str]], lang: str, fontsize: float = 7.8
) -> float:
    """The legend rows, then the numbered key, top-down on ``ax``. The font shrinks (to 5 pt)
    and the key takes up to three columns until both fit the panel. Returns the font size."""
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    fig = ax.figure
    box = ax.get_position()
    height_pt = box.height * fig.get_size_inches()[1] * 72
    width_pt = box.width * fig.get_size_inches()[0] * 72
    longest = max((len(r.text) + (0 if r.kind == "header" else 3) for r in rows), default=0)
    fs, columns = _fit_panel(
        rows, len(key), height_pt, min(fontsize, width_pt / (0.6 * max(longest, 1)))
    )
    line = 1.55 * fs / height_pt  # one line in axes fraction
    sym = 11 / width_pt  # symbol column width
    y = 1 - line / 2
    for row in rows:
        if row.kind == "header":
            y -= line * 0.35
            _legend_header(ax, y, row.text, fs)
        else:
            _symbol(ax, row, sym / 2, y)
            ax.text(
                sym * 1.35,
                y,
                row.text,
                fontsize=fs,
                color=INK,
                va="center",
                parse_math=False,
                gid="legend-entry",
            )
        y -= line
    if not key:
        return fs
    y -= line * 0.35
    _legend_header(ax, y, t("export.key_title", lang), fs)
    y -= line
    small = fs - 0.8
    step = 1.45 * small / height_pt
    per_col = int(np.ceil(len(key) / columns))
    max_chars = max(6, int(width_pt / columns / (0.62 * small)) - 4)
    for i, (number, name) in enumerate(key):
        col, r = divmod(i, per_col)
        name = name if len(name) <= max_chars else name[: max_chars - 1] + "…"
        ax.text(
            col / columns,
            y - r * step,
            f"{number}  {name}",
            fontsize=small,
            color=INK,
            va="center",
            parse_math=False,
            gid="key-entry",
        )
    return fs


def _legend_header(ax, y: float, text: str, fs: float) -> None:
    """A bold heading line of the legend panel (a layer's title, or the numbered key's)."""
    ax.text(0, y, text, fontsize=fs, weight="bold", color=INK, va="center", parse_math=False,
            gid="legend-header")


def _fit_panel(
    rows: list[LegendRow], n_key: int, height_pt: float, fontsize: float
) -> tuple[float, int]:
    """The largest font (and fewest key columns) with which legend and key fit ``height_pt``."""
    headers = sum(r.kind == "header" for r in rows) + (1 if n_key else 0)
    lines = len(rows) - headers + (1 if n_key else 0) + headers * 1.35
    fs = fontsize
    while fs > 5.0:
        for columns in (1, 2, 3):
            need = lines * 1.55 * fs + np.ceil(n_key / columns) * 1.45 * (fs - 0.8)
            if need <= height_pt:
                return fs, columns
        fs = round(fs - 0.2, 1)
    return 5.0, 3


def _symbol(ax, row: LegendRow, x: float, y: float) -> None:
    tr = ax.transAxes
    if row.kind == "marker":
        ax.plot(
            [x],
            [y],
            marker=row.marker,
            markersize=row.size,
            color=row.colour,
            markerfacecolor=row.face or row.colour,
            markeredgecolor=row.edge,
            markeredgewidth=0.6,
            linestyle="none",
            transform=tr,
            clip_on=False,
        )
    elif row.kind == "line":
        ax.plot(
            [x - 0.035, x + 0.035],
            [y, y],
            color=row.colour,
            linewidth=1.6,
            linestyle=row.linestyle,
            transform=tr,
            clip_on=False,
        )
    elif row.kind == "patch":
        ax.plot(
            [x],
            [y],
            marker="s",
            markersize=9,
            markerfacecolor=row.colour,
            markeredgecolor=row.edge,
            markeredgewidth=0.8,
            linestyle="none",
            transform=tr,
            clip_on=False,
        )
