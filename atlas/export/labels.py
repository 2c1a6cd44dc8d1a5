"""Label placement for static maps: no label covers another label, a marker or the furniture.

Each label tries the eight spots around its point (right-above first, as printed atlases do);
one that fits nowhere tries spots farther out with a leader line back to its point; a town
that still fits nowhere gets a number next to its marker and a line in the numbered key.

Everything is measured in display pixels once the map frame is fixed, so the result is the
same in PNG, SVG and PDF. Text stays text (a white halo is a separate outline drawn under it),
so names remain editable in the SVG.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import matplotlib.patheffects as pe
import numpy as np
from matplotlib.transforms import Bbox

# (dx, dy) directions in order of preference; ha/va follow from the signs
_NEAR = ((1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0), (0, 1), (0, -1))
_FAR = tuple((float(np.cos(a)), float(np.sin(a))) for a in np.radians(np.arange(0, 360, 30)))
HALO_PT = 2.2


@dataclass
class LabelItem:
    """One thing to name: a point (data coordinates) and how its name is written."""

    text: str
    x: float
    y: float
    priority: float = 0.0  # higher is placed first
    fontsize: float = 7.5
    colour: str = "#1a1a1a"
    weight: str = "normal"
    style: str = "normal"
    keyed: bool = True  # numbered in the key when no spot fits (else left out)
    marker_pt: float = 3.5  # radius of its own marker (0: an area name, no marker)
    gid: str = "label"


@dataclass
class Placement:
    labelled: list[LabelItem] = field(default_factory=list)
    leadered: list[LabelItem] = field(default_factory=list)
    keyed: list[tuple[int, LabelItem]] = field(default_factory=list)
    skipped: list[LabelItem] = field(default_factory=list)
    boxes: list[Bbox] = field(default_factory=list)


def _box(x: float, y: float, w: float, h: float, dx: float, dy: float, gap: float) -> Bbox:
    """The box of a ``w``×``h`` label set off from (x, y) towards (dx, dy) by ``gap`` px."""
    left = x + gap * dx if dx > 0.3 else (x + gap * dx - w if dx < -0.3 else x - w / 2)
    bottom = y + gap * dy if dy > 0.3 else (y + gap * dy - h if dy < -0.3 else y - h / 2)
    return Bbox([[left, bottom], [left + w, bottom + h]])


def _crosses(p0, p1, boxes) -> bool:
    """Does the segment p0–p1 pass through any of ``boxes`` (sampled every few pixels)?"""
    n = max(2, int(np.hypot(p1[0] - p0[0], p1[1] - p0[1]) / 3))
    ts = np.linspace(0.15, 1.0, n)
    xs, ys = p0[0] + (p1[0] - p0[0]) * ts, p0[1] + (p1[1] - p0[1]) * ts
    for b in boxes:
        if ((xs > b.x0) & (xs < b.x1) & (ys > b.y0) & (ys < b.y1)).any():
            return True
    return False


class LabelPlacer:
    """Place labels on ``ax`` avoiding markers (display-pixel boxes) and ``obstacles``."""

    def __init__(self, ax, markers_xy=None, marker_pt: float = 3.5, obstacles=()):
        self.ax = ax
        self.fig = ax.figure
        ax.get_xlim()  # settles autoscaled limits, so data → pixel transforms are final
        ax.apply_aspect()
        self.renderer = self.fig.canvas.get_renderer()
        self.px = self.fig.dpi / 72.0
        frame = ax.get_window_extent(self.renderer)
        pad = 2 * self.px
        self.frame = Bbox([[frame.x0 + pad, frame.y0 + pad], [frame.x1 - pad, frame.y1 - pad]])
        self.taken: list[Bbox] = list(obstacles)
        self.markers: list[Bbox] = []
        if markers_xy is not None and len(markers_xy):
            r = marker_pt * self.px
            xy = ax.transData.transform(np.asarray(markers_xy, dtype=float))
            self.markers = [Bbox([[x - r, y - r], [x + r, y + r]]) for x, y in xy]

    def _size(self, item: LabelItem) -> tuple[float, float]:
        probe = self.ax.text(
            0,
            0,
            item.text,
            fontsize=item.fontsize,
            weight=item.weight,
            style=item.style,
            parse_math=False,
        )
        ext = probe.get_window_extent(self.renderer)
        probe.remove()
        return ext.width, ext.height

    def _free(self, box: Bbox, own: Bbox | None) -> bool:
        if not (
            self.frame.x0 <= box.x0
            and box.x1 <= self.frame.x1
            and self.frame.y0 <= box.y0
            and box.y1 <= self.frame.y1
        ):
            return False
        if any(box.overlaps(b) for b in self.taken):
            return False
        return not any(box.overlaps(m) for m in self.markers if m is not own)

    def _own_marker(self, x: float, y: float) -> Bbox | None:
        for m in self.markers:
            if abs((m.x0 + m.x1) / 2 - x) < 0.5 and abs((m.y0 + m.y1) / 2 - y) < 0.5:
                return m
        return None

    def place(self, items: list[LabelItem], key_start: int = 1) -> Placement:
        out = Placement()
        order = sorted(items, key=lambda it: -it.priority)
        for item in order:
            x, y = self.ax.transData.transform((item.x, item.y))
            own = self._own_marker(x, y)
            w, h = self._size(item)
            gap = (item.marker_pt + 1.5) * self.px
            spots = [(0, 0)] if item.marker_pt == 0 else _NEAR
            box = next(
                (
                    b
                    for b in (_box(x, y, w, h, dx, dy, gap) for dx, dy in spots)
                    if self._free(b, own)
                ),
                None,
            )
            if box is not None:
                self._draw(item, box)
                out.labelled.append(item)
                continue
            if item.marker_pt == 0:
                out.skipped.append(item)
                continue
            box = self._leader_spot(x, y, w, h, own)
            if box is not None:
                self._draw(item, box, leader_from=(x, y))
                out.leadered.append(item)
                continue
            if item.keyed:
                number = key_start + len(out.keyed)
                self._draw_number(item, number, x, y, own)
                out.keyed.append((number, item))
            else:
                out.skipped.append(item)
        out.boxes = list(self.taken)
        return out

    def _leader_spot(self, x, y, w, h, own) -> Bbox | None:
        for dist_pt in (14, 22, 32):
            for dx, dy in _FAR:
                box = _box(x, y, w, h, dx, dy, dist_pt * self.px)
                if self._free(box, own) and not _crosses((x, y), _nearest(box, x, y), self.taken):
                    return box
        return None

    def _draw(self, item: LabelItem, box: Bbox, leader_from=None) -> None:
        inv = self.ax.transData.inverted()
        x0, y0 = inv.transform((box.x0, box.y0))
        common = dict(
            fontsize=item.fontsize,
            weight=item.weight,
            style=item.style,
            ha="left",
            va="bottom",
            parse_math=False,
            usetex=False,
            zorder=8,
            clip_on=False,
        )
        # the halo is an outline drawn under the text; the text itself stays a <text> element
        halo = self.ax.text(x0, y0, item.text, color="white", gid=f"{item.gid}-halo", **common)
        halo.set_path_effects([pe.Stroke(linewidth=HALO_PT, foreground="white")])
        halo.set_zorder(7.9)
        self.ax.text(x0, y0, item.text, color=item.colour, gid=item.gid, **common)
        if leader_from is not None:
            end = inv.transform(_nearest(box, *leader_from))
            start = inv.transform(leader_from)
            self.ax.plot(
                [start[0], end[0]],
                [start[1], end[1]],
                color="#555555",
                linewidth=0.5,
                zorder=7.5,
                solid_capstyle="round",
                gid="leader",
            )
        self.taken.append(box)

    def _draw_number(self, item: LabelItem, number: int, x, y, own) -> None:
        tag = LabelItem(
            str(number),
            item.x,
            item.y,
            fontsize=6.5,
            weight="bold",
            colour=item.colour,
            marker_pt=item.marker_pt,
            gid="key-number",
        )
        w, h = self._size(tag)
        gap = (item.marker_pt + 1) * self.px
        boxes = [_box(x, y, w, h, dx, dy, gap) for dx, dy in _NEAR]
        box = next((b for b in boxes if self._free(b, own)), boxes[0])
        self._draw(tag, box)


def _nearest(box: Bbox, x: float, y: float) -> tuple[float, float]:
    """The point of ``box`` nearest to (x, y): where a leader line ends."""
    return float(np.clip(x, box.x0, box.x1)), float(np.clip(y, box.y0, box.y1))
