"""Legends as Leaflet controls (they live in the map script, so they work in st_folium too)."""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from atlas.maps.popups import esc
from atlas.safe import script_json


class LegendControl(MacroElement):
    """A Leaflet control holding pre-escaped legend HTML.

    With a ``title`` the legend folds (a click on the title hides or shows it). Its height is
    kept within the map (recomputed when the map is resized), so it scrolls instead of being
    cut off at the map's edge.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control({position: {{ this.position|tojson }}});
        {{ this.get_name() }}.onAdd = function (map) {
            var div = L.DomUtil.create('div', 'atlas-legend');
            div.innerHTML = {{ this.html_json }};
            div.style.cssText = 'background:rgba(255,255,255,.92);padding:6px 8px;'
                + 'font:12px/1.35 sans-serif;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);'
                + 'overflow:auto;max-width:280px';
            var fit = function () {
                div.style.maxHeight = Math.max(80, map.getSize().y - {{ this.reserve }}) + 'px';
            };
            fit();
            map.on('resize', fit);
            var fold = div.querySelector('details');
            if (fold && map.getSize().y < {{ this.fold_below }}) { fold.open = false; }
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        {{ this.get_name() }}.addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, html: str, position: str = "bottomright", title: str | None = None,
                 reserve_px: int = 70, fold_below_px: int = 500):
        super().__init__()
        self._name = "LegendControl"
        if title:
            html = (f"<details open><summary style='cursor:pointer;font-weight:bold;margin-bottom:3px'>"
                    f"{esc(title)}</summary>{html}</details>")
        self.html_json = script_json(html)
        self.position = position
        self.reserve = int(reserve_px)  # room left for the zoom buttons, scale bar, attribution
        self.fold_below = int(fold_below_px)  # a titled legend starts folded on a smaller map


def swatch_legend(title: str, items: list[tuple[str, str]], shape: str = "circle") -> str:
    """HTML for a legend block: ``items`` = (colour, label) pairs (labels escaped here)."""
    radius = "50%" if shape == "circle" else "2px"
    rows = "".join(
        f"<div><span style='display:inline-block;width:11px;height:11px;margin-right:5px;"
        f"border-radius:{radius};background:{esc(colour)};border:1px solid #333'></span>{esc(text)}</div>"
        for colour, text in items
    )
    return f"<div style='margin-bottom:4px'><b>{esc(title)}</b>{rows}</div>"


def line_legend(title: str, items: list[tuple[str, str, bool]]) -> str:
    rows = "".join(
        f"<div><span style='display:inline-block;width:22px;margin-right:5px;vertical-align:middle;"
        f"border-top:3px {'dashed' if dashed else 'solid'} {esc(colour)}'></span>{esc(text)}</div>"
        for colour, text, dashed in items
    )
    return f"<div style='margin-bottom:4px'><b>{esc(title)}</b>{rows}</div>"


def text_block(html_text: str) -> str:
    return f"<div style='max-width:260px;color:#444;font-size:10px'>{html_text}</div>"


CARD_CSS = (".atlas-card{max-width:360px;font-size:12px}.atlas-card h4{margin:0 0 4px}"
            ".atlas-card th{text-align:left;padding-right:6px;vertical-align:top}"
            ".atlas-card small{color:#666}"
            # the scale bar: its label sits inside the box, clear of the line under it
            ".leaflet-control-scale-line{line-height:1.4;padding:1px 5px 2px;"
            "background:rgba(255,255,255,.85);white-space:nowrap}"
            ".leaflet-control-attribution{font-size:10px}")


class CardStyle(MacroElement):
    """One stylesheet for all town cards, added by script so it works inside st_folium too."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var s = document.createElement('style');
            s.textContent = {{ this.css_json }};
            document.head.appendChild(s);
        })();
        {% endmacro %}
    """)

    def __init__(self):
        super().__init__()
        self._name = "CardStyle"
        self.css_json = script_json(CARD_CSS)
