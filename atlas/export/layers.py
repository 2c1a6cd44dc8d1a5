"""What each layer draws on a static map, one small function per layer (a registry, as the
folium layers of :mod:`atlas.maps` are): only features inside the frame are drawn, and each
function returns the legend rows of what it actually drew."""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd

from atlas.crs import RUSSIA_AEA, shift_antimeridian
from atlas.export.furniture import LegendRow
from atlas.i18n import t
from atlas.maps.palettes import CATEGORY_COLOURS, MODE_COLOURS, SCIENCE_COLOURS
from atlas.vocab import CATEGORIES, CORRIDOR_MODES, SCIENCE_KINDS, label

FOCUS_FILL, FOCUS_EDGE, MUTED_FILL = "#fbf5e6", "#3c3c3c", "#e3e3e3"
CITY_FILL = "#4d4d4d"


@dataclass
class Drawn:
    """What went on the map: towns and cities (for labels), every marker (obstacles), legend."""

    towns: gpd.GeoDataFrame | None = None
    cities: gpd.GeoDataFrame | None = None
    points: list = field(default_factory=list)
    legend: list[LegendRow] = field(default_factory=list)

    def markers(self) -> np.ndarray:
        return np.vstack(self.points) if self.points else np.empty((0, 2))


def project(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """To the Russia equal-area CRS, with Chukotka kept in one piece."""
    g = gdf.copy()
    g["geometry"] = shift_antimeridian(g.geometry.values)
    return g.set_crs(4326, allow_override=True).to_crs(RUSSIA_AEA)


def in_frame(gdf, frame):
    return gdf[gdf.geometry.intersects(frame).to_numpy()] if len(gdf) else gdf


def draw_countries(ax, countries) -> None:
    """Neighbouring countries as pale land, so the map does not end in white at the border."""
    if countries is not None and len(countries):
        countries.plot(ax=ax, color="#f3f3f3", edgecolor="#d0d0d0", linewidth=0.5, aspect=None,
                       zorder=0.5)


def draw_regions(ax, reg, focus: list[str], layers: list[str], lang: str) -> list[LegendRow]:
    """Regions: the focus highlighted and its neighbours muted, or all alike for all Russia."""
    if not focus:
        shown = "regions" in layers
        reg.plot(ax=ax, color="#f2efe9" if shown else "#f4f4f4",
                 edgecolor="#a3a3a3" if shown else "none", linewidth=0.35, aspect=None)
        return []
    inside = reg.iso.isin(focus)
    reg[~inside].plot(ax=ax, color=MUTED_FILL, edgecolor="white", linewidth=0.7, aspect=None)
    reg[inside].plot(ax=ax, color=FOCUS_FILL, edgecolor=FOCUS_EDGE, linewidth=1.1, aspect=None,
                     zorder=2)
    return [LegendRow("header", t("export.legend_regions", lang)),
            LegendRow("patch", t("export.legend_focus", lang), colour=FOCUS_FILL, edge=FOCUS_EDGE),
            LegendRow("patch", t("export.legend_neighbours", lang), colour=MUTED_FILL,
                      edge="#bdbdbd")]


def draw_corridors(ax, scene, frame, out: Drawn) -> None:
    d = scene.data
    if "corridors" not in scene.layers or d.corridors is None or not len(d.corridors):
        return
    cor = in_frame(project(d.corridors), frame)
    modes = [m for m in CORRIDOR_MODES if (cor["mode"] == m).any()]
    # routed over the network: solid; a corridor with legs the network lacks (drawn straight): dashed
    schematic = cor["schematic"].astype(bool) if "schematic" in cor else pd.Series(True, index=cor.index)
    for mode in modes:
        for dashed in (False, True):
            part = cor[(cor["mode"] == mode) & (schematic == dashed)]
            if len(part):
                part.plot(ax=ax, color=MODE_COLOURS[mode], linewidth=1.4, linestyle="--" if dashed else "-",
                          zorder=3, aspect=None)
    if modes:
        out.legend += [LegendRow("header", t("legend_corridors", scene.lang))] + [
            LegendRow("line", label(CORRIDOR_MODES, m, scene.lang), colour=MODE_COLOURS[m],
                      linestyle="--" if bool(schematic[cor["mode"] == m].all()) else "-") for m in modes]


def draw_science(ax, scene, frame, out: Drawn) -> None:
    """Science centres as diamonds, each kind in its own colour; a region's map shows its own."""
    d = scene.data
    if "science" not in scene.layers or d.science is None or not len(d.science):
        return
    sci = in_frame(project(d.science), frame)
    if scene.focus:  # neighbours' centres would crowd the map and the legend
        sci = sci[sci.region_iso.isin(scene.focus).to_numpy()]
    if not len(sci):
        return
    xy = spread(ax, sci)
    ax.scatter(xy[:, 0], xy[:, 1], s=30, marker="D", edgecolors="#222222", linewidths=0.5,
               c=[SCIENCE_COLOURS.get(k, "#999") for k in sci.kind], zorder=5, gid="science")
    out.points.append(xy)
    kinds = [k for k in SCIENCE_KINDS if (sci.kind == k).any()]
    out.legend += [LegendRow("header", t("legend_centres", scene.lang))] + [
        LegendRow("marker", label(SCIENCE_KINDS, k, scene.lang), colour=SCIENCE_COLOURS[k],
                  marker="D", size=5.5) for k in kinds]


def draw_cities(ax, scene, frame, out: Drawn) -> None:
    """Regional centres and large cities for orientation (all Russia: the million cities)."""
    cities = scene.cities
    if cities is None or not len(cities):
        return
    cities = in_frame(project(cities[~cities.is_monotown.astype(bool)]), frame)
    if not scene.focus:
        cities = cities[(cities.population >= 1_000_000) | (cities.role == "capital")]
    if not len(cities):
        return
    out.cities = cities
    xy = np.column_stack([cities.geometry.x, cities.geometry.y])
    ax.scatter(xy[:, 0], xy[:, 1], s=18, marker="s", c=CITY_FILL, edgecolors="white",
               linewidths=0.7, zorder=5.5, gid="cities")
    out.points.append(xy)
    out.legend += [LegendRow("header", t("export.legend_context", scene.lang)),
                   LegendRow("marker", t("export.legend_cities", scene.lang), colour=CITY_FILL,
                             marker="s", size=4.5, edge="white")]


def draw_towns(ax, scene, frame, out: Drawn) -> None:
    """Monotowns by category (first in the legend), TOSER towns ringed."""
    d = scene.data
    if "towns" not in scene.layers or not len(d.towns):
        return
    towns = in_frame(project(d.towns), frame)
    out.towns = towns
    xy = np.column_stack([towns.geometry.x, towns.geometry.y])
    ax.scatter(xy[:, 0], xy[:, 1], s=42, edgecolors="#222222", linewidths=0.6, zorder=6,
               c=[CATEGORY_COLOURS.get(int(c), "#fff") for c in towns.category], gid="towns")
    out.points.append(xy)
    rows = [LegendRow("header", t("legend_category", scene.lang))] + [
        LegendRow("marker", label(CATEGORIES, c, scene.lang), colour=CATEGORY_COLOURS[c], size=6.5)
        for c in CATEGORIES if (towns.category == c).any()]
    toser = towns[towns.toser.astype(bool).to_numpy()]
    if "toser" in scene.layers and len(toser):
        ax.scatter(toser.geometry.x, toser.geometry.y, s=150, facecolors="none",
                   edgecolors="#111111", linewidths=1.0, zorder=6.5, gid="toser")
        rows.append(LegendRow("marker", t("toser", scene.lang), colour="none", face="none",
                              edge="#111111", size=10))
    out.legend = rows + out.legend


# drawn in this order (towns on top); a new layer kind is one more entry
LAYERS = (draw_corridors, draw_science, draw_cities, draw_towns)


def draw_layers(ax, scene, frame) -> Drawn:
    out = Drawn()
    for draw in LAYERS:
        draw(ax, scene, frame, out)
    return out


def spread(ax, pts, step_pt: float = 5.0) -> np.ndarray:
    """Points of one place (several centres in one city) in a small grid around it instead of
    stacked on one spot; the grid step is ``step_pt`` points on the page at any scale."""
    xy = np.column_stack([pts.geometry.x, pts.geometry.y]) if len(pts) else np.empty((0, 2))
    if not len(xy):
        return xy
    x0, x1 = ax.get_xlim()
    width_pt = ax.get_position().width * ax.figure.get_size_inches()[0] * 72
    step = step_pt * (x1 - x0) / width_pt
    groups: dict[tuple, list[int]] = {}
    for i, k in enumerate(np.round(xy / 1000).astype(int)):  # one place: within ~1 km
        groups.setdefault(tuple(k), []).append(i)
    out = xy.copy()
    for members in groups.values():
        cols = int(np.ceil(np.sqrt(len(members))))
        rows = int(np.ceil(len(members) / cols))
        for j, i in enumerate(members):
            r, c = divmod(j, cols)
            out[i, 0] += (c - (cols - 1) / 2) * step
            out[i, 1] -= (r - (rows - 1) / 2) * step
    return out
