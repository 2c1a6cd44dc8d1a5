"""Region borders in folium maps from the shared-arc encoding (see atlas.maps.topology).

One element carries the encoded arcs (about 0.1 MB for all of Russia, ≤ 1 km from the
full-resolution borders) and the small decoder of ``atlas/web/topo.js``; the polygons are
built in the browser. Used by exported HTML and the folium maps of the app, so every map
shows the same borders.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from atlas.paths import PACKAGE_DIR
from atlas.safe import script_json

DECODER = (PACKAGE_DIR / "web" / "topo.js").read_text(encoding="utf-8")


def _script_json(obj) -> str:
    """JSON for the script block (polyline strings may hold "{{", "{%" or "{#")."""
    return script_json(obj)


class ArcRegions(MacroElement):
    """Regions as Leaflet polygons decoded from shared arcs, optionally filled per region."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.decoder }}
        (function () {
            if (!document.getElementById("atlas-no-focus-ring")) {  // a clicked region shows no box
                var css = document.createElement("style");
                css.id = "atlas-no-focus-ring";
                css.textContent = ".leaflet-interactive:focus{outline:none}";
                document.head.appendChild(css);
            }
            var topo = {{ this.topo_json }}, fills = {{ this.fills_json }}, names = {{ this.names_json }};
            var style = {{ this.style_json }};
            var group = L.featureGroup();
            AtlasTopo.decodeRegions(topo).forEach(function (r) {
                var iso = r.props.iso, s = Object.assign({}, style);
                if (fills) { s.fillColor = fills[iso] || "#ffffff"; }
                L.polygon(r.rings, s).bindTooltip(function () {
                    var el = document.createElement("span");
                    el.textContent = names[iso] || iso;
                    return el;
                }, {sticky: true}).addTo(group);
            });
            group.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, arcs: dict, names: dict[str, str], fills: dict[str, str] | None = None,
                 style: dict | None = None):
        super().__init__()
        self._name = "ArcRegions"
        self.decoder = DECODER.replace("</", "<\\/")
        self.topo_json = _script_json(arcs)
        self.names_json = _script_json(names)
        self.fills_json = _script_json(fills)
        self.style_json = _script_json(style or {"color": "#9a9a9a", "weight": 0.6,
                                                 "fillColor": "#f2efe9", "fillOpacity": 0.9})
