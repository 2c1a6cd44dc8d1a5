"""``build_map``: one entry point over the layer registry."""

from __future__ import annotations

import folium
from pyproj import CRS
from branca.element import MacroElement
from jinja2 import Template

from atlas.crs import RUSSIA_AEA
from atlas.fmt import BROWSER_LOCALES
from atlas.i18n import t
from atlas.maps import assets
from atlas.maps.layers import DRAW_ORDER, LAYERS, MapData, MapOptions
from atlas.maps.legend import CardStyle, LegendControl, text_block
from atlas.maps.live import LIVE_CRS
from atlas.maps.popups import esc
from atlas.safe import script_json

RUSSIA_BOUNDS = [[41.0, 19.5], [78.0, 191.0]]


def _conic_crs_js() -> str:
    """folium writes ``crs: L.CRS.<name>``: the name assigns the live map's conic CRS there
    (same zooms and origin), built by the atlas's Albers (``atlas/static/vendor/atlas/aea.js``)
    with the parameters and ellipsoid of :data:`atlas.crs.RUSSIA_AEA`.

    aea.js is Snyder's ellipsoidal Albers ("Map Projections — A Working Manual", 1987,
    pp. 101-102) plus a Leaflet CRS whose fractional zooms interpolate the scale as
    Proj4Leaflet's do; it is written tersely because the whole-Russia export has a byte
    budget that proj4.js (128 kB) and Proj4Leaflet (8 kB) would break. The live map uses
    proj4 + Proj4Leaflet; tests check both against pyproj."""
    ell = CRS(RUSSIA_AEA).ellipsoid
    d = dict(tok[1:].split("=", 1) for tok in RUSSIA_AEA.split() if "=" in tok)
    if d["proj"] != "aea":
        raise ValueError(f"aea.js draws Albers only, not {d['proj']!r}")
    params = {"code": LIVE_CRS["code"], "a": ell.semi_major_metre, "f": 1 / ell.inverse_flattening,
              "lat1": float(d["lat_1"]), "lat2": float(d["lat_2"]), "lat0": float(d["lat_0"]),
              "lon0": float(d["lon_0"])}
    options = {"origin": LIVE_CRS["origin"], "resolutions": LIVE_CRS["resolutions"]}
    return f"RussiaAEA = AtlasAEA.crs({script_json(params)}, {script_json(options)})"


CONIC_CRS = _conic_crs_js()


class Attribution(MacroElement):
    """The attribution control: plain "Leaflet" as its prefix (Leaflet 1.9 puts a flag icon
    there) and the data sources of the atlas; and a kilometre-only scale bar."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var ctl = map.attributionControl || L.control.attribution().addTo(map);
            ctl.setPrefix({{ this.prefix_json }});
            ctl.addAttribution({{ this.sources_json }});
            // kilometres only, written for the page's language ("1 000 км" / "1,000 km")
            var scale = L.control.scale({imperial: false, maxWidth: 120}), units = {{ this.units_json }};
            var number = new Intl.NumberFormat(units.locale);
            scale._updateMetric = function (maxMeters) {
                var meters = this._getRoundNum(maxMeters);
                var label = meters < 1000 ? number.format(meters) + "\u00a0" + units.m
                                          : number.format(meters / 1000) + "\u00a0" + units.km;
                this._mScale.style.width = Math.round(this.options.maxWidth * meters / maxMeters) + "px";
                this._mScale.textContent = label;
            };
            scale.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, sources_html: str, prefix: str = "Leaflet", lang: str = "ru"):
        super().__init__()
        self._name = "Attribution"
        self.units_json = script_json({"locale": BROWSER_LOCALES.get(lang, "en-GB"),
                                       "km": t("unit.km", lang), "m": t("unit.m", lang)})
        self.prefix_json = script_json(esc(prefix))
        self.sources_json = script_json(sources_html)


class ConicFit(MacroElement):
    """Fit the view to points in projected metres: on a conic, Leaflet's ``fitBounds`` of a
    lat/lon box frames only its two corners and cuts off the rest."""

    # compact on purpose: every byte counts against the whole-Russia export's budget
    _template = Template("""
{% macro script(this, kwargs) %}
(function(m,p){var c=m.options.crs,s=m.getSize(),b=L.bounds(p.map(function(q){return c.projection.project(L.latLng(q[0],q[1]))})),
k=Math.min((s.x-20)/Math.max(b.max.x-b.min.x,1),(s.y-20)/Math.max(b.max.y-b.min.y,1)),z=Math.floor(c.zoom(k)*4)/4;
m.setView(c.projection.unproject(b.getCenter()),Math.max(m.getMinZoom(),Math.min(m.getMaxZoom(),isFinite(z)?z:3)))
})({{ this._parent.get_name() }},{{ this.points_json }});
{% endmacro %}
""")

    def __init__(self, bounds):
        super().__init__()
        self._name = "ConicFit"
        (s, w), (n, e) = bounds
        # the box's edges, densified: the parallels are arcs on the conic
        steps = [0, 0.5, 1]
        pts = [[s, w + (e - w) * f] for f in steps] + [[n, w + (e - w) * f] for f in steps]
        pts += [[s + (n - s) * f, w] for f in steps] + [[s + (n - s) * f, e] for f in steps]
        self.points_json = script_json([[round(a, 2), round(b, 2)] for a, b in pts])


def build_map(data: MapData, layers: list[str] | None = None, options: MapOptions | None = None,
              *, tiles: str | None = None, bounds=None, title: str | None = None) -> folium.Map:
    """A folium map of the chosen layers with legends and attribution; works offline.

    ``tiles=None`` draws no basemap (nothing to fetch); pass "OpenStreetMap" for an online one.
    """
    opt = options or MapOptions()
    layers = layers or ["regions", "towns", "toser"]
    unknown = set(layers) - set(LAYERS)
    if unknown:
        raise KeyError(f"unknown layers {sorted(unknown)}; available: {sorted(LAYERS)}")
    if "choropleth" in layers:
        layers = [k for k in layers if k != "regions"]
    # without tiles the map is drawn in the conic of the live map and the static exports; web
    # tiles exist only in Web Mercator, so a basemap keeps folium's default CRS
    m = folium.Map(location=[62, 100], zoom_start=3, tiles=tiles, min_zoom=1 if tiles is None else 2, max_zoom=12,
                   zoom_snap=0.25, zoom_delta=0.5, control_scale=False,
                   attr=t("attribution.short", opt.lang) if tiles else None, world_copy_jump=False,
                   crs=CONIC_CRS if tiles is None else "EPSG3857")
    assets.lean(m, conic=tiles is None)
    CardStyle().add_to(m)
    legends = []
    for key in DRAW_ORDER:
        if key in layers and (key not in ("regions", "choropleth") or data.regions is not None):
            html = LAYERS[key]().add(m, data, opt)
            if html:
                legends.append(html)
    if legends:
        LegendControl("".join(legends), position=opt.legend_position,
                      title=t("legend.title", opt.lang)).add_to(m)
    if title:
        LegendControl(text_block(f"<b style='font-size:14px'>{esc(title)}</b>"), position="topleft").add_to(m)
    Attribution(esc(t("attribution.short", opt.lang)), lang=opt.lang).add_to(m)
    if tiles is None:
        ConicFit(bounds or RUSSIA_BOUNDS).add_to(m)
    else:
        m.fit_bounds(bounds or RUSSIA_BOUNDS)
    return m
