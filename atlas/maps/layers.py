"""The layer registry: one entry per layer kind, behind ``build_map`` (atlas.maps.base).

Each layer gets the shared ``MapData`` and ``MapOptions`` and adds itself plus its legend.
Adding a layer kind means one new class and one entry in ``LAYERS``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import folium
from branca.element import MacroElement
from jinja2 import Template
import geopandas as gpd
import mapclassify
import numpy as np
import pandas as pd
import shapely

from atlas.crs import shift_antimeridian
from atlas.i18n import names, t
from atlas.maps.arc_regions import ArcRegions
from atlas.maps.cards import CardTables, TownCards, card_rows
from atlas.maps.legend import line_legend, swatch_legend
from atlas.maps.palettes import (
    CATEGORY_COLOURS, DISTANCE, MODE_COLOURS, SCIENCE_COLOURS, SEQUENTIAL,
    SPECIALIZATION_COLOURS, UNKNOWN_COLOUR,
)
from atlas.maps.popups import esc
from atlas.vocab import CATEGORIES, CORRIDOR_MODES, SCIENCE_KINDS, SPECIALIZATIONS, label


@dataclass
class MapData:
    towns: gpd.GeoDataFrame
    regions: gpd.GeoDataFrame | None = None
    science: gpd.GeoDataFrame | None = None
    corridors: gpd.GeoDataFrame | None = None
    nodes: gpd.GeoDataFrame | None = None
    points: gpd.GeoDataFrame | None = None  # a user's own points (optional ``in_band`` flag)
    region_arcs: dict | None = None  # shared-arc borders (atlas.io.load_region_arcs); preferred
    network: gpd.GeoDataFrame | None = None  # rail/road lines with a ``mode`` column (#20)
    airports: gpd.GeoDataFrame | None = None
    corridor_legs: gpd.GeoDataFrame | None = None  # routed / straight legs of the corridors (#20)


@dataclass
class MapOptions:
    lang: str = "ru"
    town_colour: str = "category"  # category | specialization | science
    choropleth_metric: str = "count"  # count | share_cat1 | toser
    choropleth_scheme: str = "NaturalBreaks"
    distance_bands_km: list[float] | None = None
    science_lines: bool = False
    corridor_band_km: float | None = None
    highlight_ids: set[str] = field(default_factory=set)
    selected_corridor: str | None = None
    legend_position: str = "bottomright"  # Leaflet corner for the legend
    network_modes: tuple[str, ...] = ()  # which networks to draw ("rail", "road"); none by default


def _geojson(gdf: gpd.GeoDataFrame, props: list[str]) -> dict:
    """Compact GeoJSON (5-decimal coordinates, chosen properties only)."""
    g = gdf[props + ["geometry"]].copy()
    g["geometry"] = shapely.transform(shift_antimeridian(g.geometry.values), lambda c: np.round(c, 5))
    return json.loads(g.to_json(drop_id=True, na="null"))


def _region_names(regions: gpd.GeoDataFrame, lang: str) -> dict[str, str]:
    return dict(zip(regions.iso, names(regions, lang), strict=True))


def _point_layer(m, gdf: gpd.GeoDataFrame, props: list[str], name: str, radius: float,
                 style: dict, **kwargs) -> None:
    """Points as one GeoJSON layer of circle markers; ``_fill`` and ``_tip`` come from ``gdf``."""
    folium.GeoJson(
        _geojson(gdf, props), name=name,
        marker=folium.CircleMarker(radius=radius, fill=True, fill_opacity=1),
        style_function=lambda f: {"fillColor": f["properties"]["_fill"], **style},
        tooltip=folium.GeoJsonTooltip(["_tip"], labels=False), **kwargs,
    ).add_to(m)


class Layer:
    key = ""

    def add(self, m: folium.Map, data: MapData, opt: MapOptions) -> str:
        """Add the layer to ``m``; return its legend HTML ('' for none)."""
        raise NotImplementedError


class RegionsBase(Layer):
    key = "regions"

    def add(self, m, data, opt):
        if data.region_arcs is not None:
            ArcRegions(data.region_arcs, _region_names(data.regions, opt.lang)).add_to(m)
            return ""
        gj = _geojson(data.regions.assign(_tip=[esc(n) for n in names(data.regions, opt.lang)]), ["_tip"])
        folium.GeoJson(gj, name=t("region", opt.lang), control=False,
                       style_function=lambda f: {"fillColor": "#f2efe9", "color": "#9a9a9a",
                                                 "weight": 0.6, "fillOpacity": 0.9},
                       tooltip=folium.GeoJsonTooltip(["_tip"], labels=False)).add_to(m)
        return ""


class RegionsChoropleth(Layer):
    key = "choropleth"

    def add(self, m, data, opt):
        towns = data.towns
        grp = towns.groupby("region_iso")
        metric = opt.choropleth_metric
        values = {
            "count": grp.size(),
            "share_cat1": grp["category"].apply(lambda s: 100.0 * (s == 1).mean()),
            "toser": grp["toser"].sum(),
        }[metric]
        reg = data.regions.copy()
        reg["value"] = reg.iso.map(values).fillna(0).astype(float)
        k = max(2, min(5, reg.value.nunique()))
        cls = mapclassify.classify(reg.value.to_numpy(), scheme=opt.choropleth_scheme, k=k)
        reg["cls"] = cls.yb
        colours = SEQUENTIAL[1:1 + len(cls.bins)]
        reg["_fill"] = [colours[c] if v > 0 else "#ffffff" for c, v in zip(reg.cls, reg.value)]
        if data.region_arcs is not None:
            tips = {i: f"{n}: {v:.0f}" for i, n, v in
                    zip(reg.iso, _region_names(reg, opt.lang).values(), reg.value, strict=True)}
            ArcRegions(data.region_arcs, tips, fills=dict(zip(reg.iso, reg._fill)),
                       style={"color": "#777777", "weight": 0.6, "fillOpacity": 0.85}).add_to(m)
        else:
            reg["_tip"] = [f"{esc(n)}: {v:.0f}" for n, v in zip(names(reg, opt.lang), reg.value)]
            folium.GeoJson(_geojson(reg, ["_fill", "_tip"]), name=t(f"choropleth_{metric}", opt.lang),
                           style_function=lambda f: {"fillColor": f["properties"]["_fill"],
                                                     "color": "#777", "weight": 0.6, "fillOpacity": 0.85},
                           tooltip=folium.GeoJsonTooltip(["_tip"], labels=False)).add_to(m)
        lower = [reg.value.min()] + list(cls.bins[:-1])
        items = [(colours[i], f"{lo:.0f} – {hi:.0f}") for i, (lo, hi) in enumerate(zip(lower, cls.bins))]
        return swatch_legend(t(f"choropleth_{metric}", opt.lang) + f" ({opt.choropleth_scheme})",
                             items, shape="square")


def town_colours(towns: gpd.GeoDataFrame, opt: MapOptions) -> tuple[list[str], str]:
    """Fill colour per town and the legend for the chosen colouring."""
    if opt.town_colour == "specialization":
        fills = [SPECIALIZATION_COLOURS.get(s, UNKNOWN_COLOUR) for s in towns.specialization]
        present = [k for k in SPECIALIZATIONS if (towns.specialization == k).any()]
        items = [(SPECIALIZATION_COLOURS[k], label(SPECIALIZATIONS, k, opt.lang)) for k in present]
        if towns.specialization.isna().any():
            items.append((UNKNOWN_COLOUR, t("unknown", opt.lang)))
        return fills, swatch_legend(t("legend_specialization", opt.lang), items)
    if opt.town_colour == "science":
        bands = distance_bands(towns.dist_science_km, opt.distance_bands_km)
        idx = np.digitize(towns.dist_science_km.to_numpy(dtype=float), bands[1:-1])
        fills = [DISTANCE[i] for i in idx]
        items = [(DISTANCE[i], f"{bands[i]:.0f} – {bands[i + 1]:.0f}") for i in range(len(bands) - 1)]
        return fills, swatch_legend(t("legend_science", opt.lang), items)
    if opt.town_colour in NETWORK_COLOUR_MODES and opt.town_colour in towns:
        return network_colours(towns[opt.town_colour], opt)
    fills = [CATEGORY_COLOURS.get(int(c), UNKNOWN_COLOUR) for c in towns.category]
    items = [(CATEGORY_COLOURS[c], label(CATEGORIES, c, opt.lang)) for c in CATEGORIES]
    return fills, swatch_legend(t("legend_category", opt.lang), items)


NETWORK_COLOUR_MODES = ("rail_km_to_moscow", "rail_km_to_port", "rail_km_to_border", "rail_access_km",
                        "road_km_to_moscow", "road_km_to_port", "road_km_to_border", "road_access_km")


def network_colours(values: pd.Series, opt: MapOptions) -> tuple[list[str], str]:
    """Towns coloured by a network distance; no link over the network is grey, never a guess."""
    from atlas.i18n import column_label

    v = values.to_numpy(dtype=float)
    ok = np.isfinite(v)
    items = []
    fills = [UNKNOWN_COLOUR] * len(v)
    if ok.any():
        bands = distance_bands(pd.Series(v[ok]), opt.distance_bands_km)
        idx = np.digitize(v, bands[1:-1])
        fills = [DISTANCE[i] if good else UNKNOWN_COLOUR for i, good in zip(idx, ok)]
        items = [(DISTANCE[i], f"{bands[i]:.0f} – {bands[i + 1]:.0f}") for i in range(len(bands) - 1)]
    if not ok.all():
        items.append((UNKNOWN_COLOUR, t("network.no_link", opt.lang)))
    return fills, swatch_legend(column_label(str(values.name), opt.lang), items)


def distance_bands(dist_km: pd.Series, bands_km: list[float] | None) -> list[float]:
    """Class bounds: the user's km bands, or mapclassify quantiles (at most 6 classes)."""
    values = dist_km.to_numpy(dtype=float)
    top = float(np.nanmax(values)) if len(values) else 1.0
    if bands_km:
        inner = sorted(b for b in bands_km if 0 < b < top)
        return [0.0, *inner, top]
    k = min(len(DISTANCE), max(2, len(np.unique(values))))
    bins = mapclassify.Quantiles(values, k=k).bins
    return [0.0, *[float(b) for b in bins[:-1]], top]


class Towns(Layer):
    """All monotowns as ONE GeoJSON layer of circle markers (not one marker each)."""

    key = "towns"

    def add(self, m, data, opt):
        towns = data.towns
        if towns.empty:
            return ""
        fills, legend = town_colours(towns, opt)
        records = towns.drop(columns="geometry").to_dict("records")
        tables = CardTables([card_rows(r, opt.lang) for r in records])
        # one style per (fill, highlighted); each feature names its style by index
        styles, style_of = [], {}
        for fill, tid in zip(fills, towns.town_id, strict=True):
            key = (fill, tid in opt.highlight_ids)
            if key not in style_of:
                style_of[key] = len(styles)
                hl = key[1]
                styles.append({"fillColor": fill, "color": "#000000" if hl else "#333333",
                               "weight": 3 if hl else 0.8, "radius": 8 if hl else 5,
                               "fillOpacity": 0.95})
        g = towns[["town_id", "geometry"]].copy()
        g["_s"] = [style_of[(f, tid in opt.highlight_ids)] for f, tid in zip(fills, towns.town_id)]
        g["_name"] = names(towns, opt.lang).to_numpy()
        g["_rows"] = tables.encoded
        layer = folium.GeoJson(
            _geojson(g, ["town_id", "_s", "_name", "_rows"]), name=t("towns", opt.lang),
            marker=folium.CircleMarker(radius=5, fill=True, fill_opacity=0.95),
        ).add_to(m)
        TownCards(layer, tables, styles).add_to(m)
        return legend


class Toser(Layer):
    """TOSER towns: a black ring (solid: monotown TOSER; dashed: Far Eastern/Arctic TOR)."""

    key = "toser"

    def add(self, m, data, opt):
        tos = data.towns[data.towns.toser.astype(bool)]
        if tos.empty:
            return ""
        g = tos[["town_id", "geometry"]].assign(
            _dash=["" if k == "monotown" else "3 3" for k in tos.toser_kind])
        folium.GeoJson(
            _geojson(g, ["town_id", "_dash"]), name=t("toser", opt.lang),
            marker=folium.CircleMarker(radius=9, fill=False),
            style_function=lambda f: {"color": "#000000", "weight": 2.2, "fill": False,
                                      "dashArray": f["properties"]["_dash"]},
            interactive=False,
        ).add_to(m)
        return line_legend(t("legend_toser", opt.lang), [
            ("#000", t("legend_toser_monotown", opt.lang), False),
            ("#000", t("legend_toser_other", opt.lang), True),
        ])


class Science(Layer):
    """Science centres as white-ringed dots coloured by kind; optional lines to each town's nearest."""

    key = "science"

    def add(self, m, data, opt):
        sci = data.science
        if sci is None or sci.empty:
            return ""
        if opt.science_lines and "nearest_science_id" in data.towns:
            pos = sci.set_index("centre_id").geometry
            coords = [[[p.y, p.x], [pos[c].y, pos[c].x]] for p, c in
                      zip(data.towns.geometry, data.towns.nearest_science_id) if c in pos.index]
            folium.PolyLine(coords, color="#555", weight=0.8, opacity=0.6,
                            name="→ science").add_to(m)
        g = sci[["centre_id", "geometry"]].assign(
            _fill=[SCIENCE_COLOURS.get(k, "#999") for k in sci.kind],
            # plain text: HTML tags would cost 6 bytes per "<" in the embedded JSON
            _tip=[f"{esc(n)} · {esc(label(SCIENCE_KINDS, k, opt.lang))} · {esc(c)}"
                  for n, k, c in zip(names(sci, opt.lang), sci.kind,
                                     names(sci, opt.lang, ru="city_ru", en="city_en"))])
        _point_layer(m, g, ["centre_id", "_fill", "_tip"], t("legend_centres", opt.lang), 4,
                     {"color": "#ffffff", "weight": 2.5, "radius": 4})
        kinds = [k for k in SCIENCE_KINDS if (sci.kind == k).any()]
        return swatch_legend(t("legend_centres", opt.lang),
                             [(SCIENCE_COLOURS[k], label(SCIENCE_KINDS, k, opt.lang)) for k in kinds])


class Corridors(Layer):
    """Corridor lines by mode, dashed (schematic); optional band; logistics nodes."""

    key = "corridors"

    def add(self, m, data, opt):
        cor = data.corridors
        if cor is None or cor.empty:
            return ""
        if opt.corridor_band_km and opt.selected_corridor:
            from atlas.analysis.bands import corridor_band

            band = corridor_band(cor[cor.corridor_id == opt.selected_corridor], opt.corridor_band_km)
            folium.GeoJson(_geojson(band, []), name="band", interactive=False,
                           style_function=lambda f: {"color": "#CC3311", "weight": 0.5,
                                                     "fillColor": "#CC3311",
                                                     "fillOpacity": 0.12}).add_to(m)
        schematic = cor["schematic"].astype(bool) if "schematic" in cor else [True] * len(cor)
        # routed lines carry every graph node; ~0.5 km is plenty for drawing (40 bytes a vertex)
        tol = np.where(cor.corridor_id.to_numpy() == opt.selected_corridor,
                       CORRIDOR_DRAW_TOLERANCE_DEG, CORRIDOR_OVERVIEW_TOLERANCE_DEG)
        cor = cor.assign(geometry=shapely.simplify(cor.geometry.values, tol))
        legs = data.corridor_legs
        split = legs is not None and len(cor) == 1 and bool(np.asarray(schematic)[0]) \
            and cor.corridor_id.iloc[0] in set(legs.corridor_id) and (~legs.routed).any()
        if split:  # one corridor partly on the network: routed legs solid, the rest dashed
            mine = legs[legs.corridor_id == cor.corridor_id.iloc[0]]
            parts = []
            for routed in (True, False):
                geoms = shapely.simplify(mine[mine.routed == routed].geometry.values, tol[0])
                if len(geoms):
                    parts.append((routed, shapely.multilinestrings(list(geoms))))
            cor = gpd.GeoDataFrame(pd.concat([cor] * len(parts), ignore_index=True),
                                   geometry=[geom for _, geom in parts], crs=cor.crs)
            schematic = [not routed for routed, _ in parts]
        g = cor[["corridor_id", "geometry"]].assign(
            _dash=["8 5" if sch else None for sch in schematic],
            _col=[MODE_COLOURS.get(md, "#555") for md in cor["mode"]],
            _w=[5 if c == opt.selected_corridor else 2.5 for c in cor.corridor_id],
            _tip=[f"<b>{esc(n)}</b><br>{esc(label(CORRIDOR_MODES, md, opt.lang))}"
                  for n, md in zip(names(cor, opt.lang), cor["mode"])])
        folium.GeoJson(
            _geojson(g, ["corridor_id", "_col", "_w", "_dash", "_tip"]), name=t("legend_corridors", opt.lang),
            style_function=lambda f: {"color": f["properties"]["_col"], "weight": f["properties"]["_w"],
                                      "dashArray": f["properties"]["_dash"], "opacity": 0.9},
            tooltip=folium.GeoJsonTooltip(["_tip"], labels=False),
        ).add_to(m)
        if cor.corridor_id.nunique() == 1:  # one line (a corridor, a route, your file): its own name
            md = cor["mode"].iloc[0]
            text = names(cor, opt.lang).iloc[0]
            if md in CORRIDOR_MODES:
                text = f"{text} ({label(CORRIDOR_MODES, md, opt.lang)})"
            items = [(MODE_COLOURS.get(md, "#555"), text, bool(np.asarray(schematic)[0]))]  # escaped there
            if split:
                items = [(MODE_COLOURS.get(md, "#555"), f"{text}: {t('legend.routed', opt.lang)}", False),
                         (MODE_COLOURS.get(md, "#555"), t("legend.unrouted", opt.lang), True)]
            legend = line_legend(t("legend_corridors", opt.lang), items)
        else:
            legend = line_legend(t("legend_corridors", opt.lang),
                                 [(MODE_COLOURS[md], label(CORRIDOR_MODES, md, opt.lang),
                                   bool(np.all(np.asarray(schematic)[(cor["mode"] == md).to_numpy()])))
                                  for md in CORRIDOR_MODES if (cor["mode"] == md).any()])
        nodes = data.nodes
        if nodes is not None and not nodes.empty:
            shapes = {"seaport": ("#4477AA", 3), "border_rail": ("#AA3377", 3), "border_road": ("#228833", 3)}
            gn = nodes[["geometry"]].assign(
                _fill=[shapes.get(k, ("#777", 3))[0] for k in nodes.kind],
                _tip=[f"<b>{esc(n)}</b>" + ("" if k == "seaport" else f"<br>{esc(t(k, opt.lang))}")  # a port says so
                  for n, k in zip(names(nodes, opt.lang), nodes.kind)])
            _point_layer(m, gn, ["_fill", "_tip"], t("legend_nodes", opt.lang), 3,
                         {"color": "#000", "weight": 1.5, "dashArray": "2 2"})
            legend += swatch_legend(t("legend_nodes", opt.lang),
                                    [(c, t(k, opt.lang)) for k, (c, _) in shapes.items()])
        return legend


CORRIDOR_DRAW_TOLERANCE_DEG = 0.005  # the corridor the reader picked
CORRIDOR_OVERVIEW_TOLERANCE_DEG = 0.15  # the others, seen at the scale of Russia

NAME_COLUMNS = ("name", "name_ru", "название", "наименование", "title", "label", "id")
POINT_IN, POINT_OUT = "#882255", "#BBBBBB"


def point_names(points: gpd.GeoDataFrame) -> list[str]:
    """A label per uploaded point: its name-like column, else its row number."""
    cols = {str(c).strip().casefold(): c for c in points.columns if c != "geometry"}
    for key in NAME_COLUMNS:
        if key in cols:
            return ["" if v is None or v != v else str(v) for v in points[cols[key]]]
    return [f"#{i + 1}" for i in range(len(points))]


class UserPoints(Layer):
    """A user's own points (e.g. uploaded on the Corridors page); those in the band stand out."""

    key = "points"

    def add(self, m, data, opt):
        pts = data.points
        if pts is None or pts.empty:
            return ""
        inside = pts["in_band"].astype(bool).to_numpy() if "in_band" in pts else np.zeros(len(pts), bool)
        where = (t("legend_in_band", opt.lang), t("legend_outside_band", opt.lang))
        g = gpd.GeoDataFrame({"_fill": np.where(inside, POINT_IN, POINT_OUT),
                              "_tip": [f"<b>{esc(n)}</b><br>{where[0] if i else where[1]}"
                                       for n, i in zip(point_names(pts), inside)]},
                             geometry=pts.geometry.values, crs=pts.crs)
        _point_layer(m, g, ["_fill", "_tip"], t("legend_points", opt.lang), 6,
                     {"color": "#000", "weight": 1.2})
        return swatch_legend(t("legend_points", opt.lang),
                             [(POINT_IN, where[0]), (POINT_OUT, where[1])])


NETWORK_STYLE = {"rail": ("#444444", 1.1, None), "road": ("#C48A3A", 0.9, None)}
# the network as drawn: ~2 km generalisation, 3-decimal coordinates (the graph's own precision)
NETWORK_DRAW_TOLERANCE_DEG = {"rail": 0.01, "road": 0.02}


def network_arcs(lines: gpd.GeoDataFrame) -> dict[str, list[str]]:
    """The network lines for drawing, per mode: generalised, each line a polyline string on the
    0.001° grid (the graph's own precision) — about 4 bytes a vertex instead of 16 as JSON."""
    from atlas.maps.topology import encode_arc

    out = {}
    for mode, grp in lines.groupby("mode", sort=True):
        geoms = shapely.simplify(shift_antimeridian(grp.geometry.values), NETWORK_DRAW_TOLERANCE_DEG[mode])
        out[str(mode)] = [encode_arc(np.asarray(g.coords)) for g in geoms if not g.is_empty and g.length > 0]
    return out


class NetworkLines(MacroElement):
    """Polyline-encoded network lines decoded in the browser (atlas/web/topo.js)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.decoder }}
        (function () {
            var arcs = {{ this.arcs_json }}, styles = {{ this.styles_json }};
            var group = L.featureGroup();
            Object.keys(arcs).forEach(function (mode) {
                var lines = arcs[mode].map(function (a) { return AtlasTopo.decodeArc(a, 1000); });
                L.polyline(lines, Object.assign({interactive: false}, styles[mode])).addTo(group);
            });
            group.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, arcs: dict[str, list[str]], styles: dict[str, dict]):
        super().__init__()
        self._name = "NetworkLines"
        from atlas.maps.arc_regions import DECODER, _script_json

        self.decoder = DECODER.replace("</", "<\\/")
        self.arcs_json = _script_json(arcs)
        self.styles_json = _script_json(styles)


class Network(Layer):
    """The rail and/or main-road network (© OpenStreetMap contributors, ODbL), only when asked."""

    key = "network"

    def add(self, m, data, opt):
        lines = data.network
        if lines is None or lines.empty or not opt.network_modes:
            return ""
        lines = lines[lines["mode"].isin(opt.network_modes)]
        if lines.empty:
            return ""
        modes = [md for md in ("rail", "road") if md in set(lines["mode"])]
        styles = {md: {"color": NETWORK_STYLE[md][0], "weight": NETWORK_STYLE[md][1], "opacity": 0.75}
                  for md in modes}
        NetworkLines(network_arcs(lines), styles).add_to(m)
        return line_legend(t("legend.network", opt.lang),
                           [(NETWORK_STYLE[md][0], t(f"layer.{md}_network", opt.lang), False) for md in modes])


class Airports(Layer):
    """Airports with scheduled flights (OurAirports), small grey-blue squares."""

    key = "airports"

    def add(self, m, data, opt):
        ap = data.airports
        if ap is None or ap.empty:
            return ""
        g = ap[["airport_id", "geometry"]].assign(
            _fill="#77AADD",
            _tip=[f"{esc(n)}" + (f" ({esc(c)})" if isinstance(c, str) and c else "")
                  for n, c in zip(names(ap, opt.lang), ap.iata)])
        _point_layer(m, g, ["airport_id", "_fill", "_tip"], t("layer.airports", opt.lang), 3,
                     {"color": "#224466", "weight": 1})
        return swatch_legend(t("layer.airports", opt.lang), [("#77AADD", t("layer.airports", opt.lang))])


LAYERS: dict[str, type[Layer]] = {
    cls.key: cls for cls in (RegionsBase, RegionsChoropleth, Network, Corridors, Science, Airports, Towns,
                             Toser, UserPoints)
}
# drawing order: polygons first, then lines, then points, then rings on top
DRAW_ORDER = ["regions", "choropleth", "network", "corridors", "science", "airports", "towns", "toser",
              "points"]
