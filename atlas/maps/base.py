"""``build_map``: one entry point over the layer registry."""

from __future__ import annotations

import folium
from branca.element import MacroElement
from jinja2 import Template

from atlas.i18n import t
from atlas.maps import assets
from atlas.maps.layers import DRAW_ORDER, LAYERS, MapData, MapOptions
from atlas.maps.legend import CardStyle, LegendControl, text_block
from atlas.maps.popups import esc
from atlas.safe import script_json

RUSSIA_BOUNDS = [[41.0, 19.5], [78.0, 191.0]]



class Attribution(MacroElement):
    """The attribution control: plain "Leaflet" as its prefix (Leaflet 1.9 puts a flag icon
    there) and the data sources of the atlas; and a kilometre-only scale bar."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function (map) {
            var ctl = map.attributionControl || L.control.attribution().addTo(map);
            ctl.setPrefix({{ this.prefix_json }});
            ctl.addAttribution({{ this.sources_json }});
            L.control.scale({imperial: false, maxWidth: 120}).addTo(map);  // kilometres only
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, sources_html: str, prefix: str = "Leaflet"):
        super().__init__()
        self._name = "Attribution"
        self.prefix_json = script_json(esc(prefix))
        self.sources_json = script_json(sources_html)


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
    m = folium.Map(location=[62, 100], zoom_start=3, tiles=tiles, min_zoom=2, max_zoom=12, zoom_snap=0.25, zoom_delta=0.5,
                   control_scale=False, attr=t("attribution.short", opt.lang) if tiles else None,
                   world_copy_jump=False)
    assets.lean(m)
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
    Attribution(esc(t("attribution.short", opt.lang))).add_to(m)
    m.fit_bounds(bounds or RUSSIA_BOUNDS)
    return m
