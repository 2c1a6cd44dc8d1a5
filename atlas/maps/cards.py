"""Town cards and tooltips built in the browser from plain-text fields.

A card is a list of (label, value, source) triples of plain text. The map carries them as
compact GeoJSON properties — label and source as indices into shared tables, since every
town repeats the same labels and many the same sources — and a small script builds the
DOM with text nodes, so no value is ever parsed as HTML and no card costs HTML bytes.
"""

from __future__ import annotations

from branca.element import MacroElement
from jinja2 import Template

from atlas import fmt
from atlas.analysis.economy import economy_card_rows
from atlas.i18n import edition_label, municipality_label, place_text, source_text, t, transliterate, vocab_label
from atlas.names import layer_name, region_name
from atlas.maps.arc_regions import _script_json


def card_rows(row, lang: str = "ru") -> list[tuple[str, str, str | None]]:
    """The town card as plain text: (field label, value, source or None)."""
    def words(v):
        v = fmt.text(v)
        return transliterate(v) if lang == "en" and v != fmt.EMPTY else v

    def src(v):
        return None if fmt.is_empty(v) else source_text(v, lang)

    toser = t("no", lang)
    if bool(row.get("toser")):
        toser_name = place_text(row.get("toser_name"), lang, row.get("name_ru"), row.get("name_en"))
        toser = f"{toser_name} — {vocab_label('toser_kind', row.get('toser_kind'), lang)}"
        if not fmt.is_empty(row.get("toser_year")):
            toser += f", {fmt.year(row.get('toser_year'))}"
    spec = row.get("specialization")
    rows = [
        (t("region", lang), region_name(row.get("region_iso"), lang), None),
        (t("municipality", lang), municipality_label(row.get("municipality"), lang, row.get("name_ru"),
                                                     row.get("name_en")), None),
        (t("category", lang), vocab_label("category", row.get("category"), lang),
         src(edition_label(row.get("category_as_of"), lang))),
        (t("population", lang), fmt.integer(row.get("population"), lang), src(row.get("population_source"))),
        (t("specialization", lang), vocab_label("specialization", spec, lang) if not fmt.is_empty(spec)
         else t("unknown", lang), src(row.get("profile_source"))),
        (t("anchor", lang), words(row.get("anchor_enterprise")), None),
        (t("toser", lang), toser, src(row.get("toser_source"))),
    ]
    rows[4:4] = economy_card_rows(row, lang, compact=True)  # issue #19: how the town is doing, after population
    if not fmt.is_empty(row.get("category_acts")) and row.get("category_acts") != row.get("category"):
        rows.insert(3, (t("card.category_acts", lang), vocab_label("category", row.get("category_acts"), lang),
                        src(edition_label(row.get("category_acts_as_of"), lang))))
    if not fmt.is_empty(row.get("dist_science_km")):
        centre = layer_name("science_centres", row.get("nearest_science_id"), lang)
        rows.append((t("dist_science", lang), f"{fmt.distance(row['dist_science_km'], lang)} ({centre})", None))
    if row.get("coord_approximate"):
        rows.append((t("approximate", lang), "", None))
    return rows


class CardTables:
    """Shared tables of labels, sources and repeated values for a layer's cards.

    ``encoded`` holds each town's card as ``[label index, value, source index or -1]`` rows;
    a value used by three or more cards (a category, a sector, "no") becomes an index into
    ``values`` instead of being repeated.
    """

    def __init__(self, cards: list[list[tuple[str, str, str | None]]]):
        from collections import Counter

        counts = Counter(v for rows in cards for _, v, _ in rows)
        self.values = sorted(v for v, n in counts.items() if n >= 3 and len(v) > 3)
        vi = {v: i for i, v in enumerate(self.values)}
        self.labels = sorted({lab for rows in cards for lab, _, _ in rows})
        li = {lab: i for i, lab in enumerate(self.labels)}
        self.sources = sorted({s for rows in cards for _, _, s in rows if s is not None})
        si = {s: i for i, s in enumerate(self.sources)}
        self.encoded = [[[li[lab], vi.get(v, v), -1 if s is None else si[s]] for lab, v, s in rows]
                        for rows in cards]


class TownCards(MacroElement):
    """Binds tooltip and popup builders to a GeoJSON layer whose features carry ``_rows``."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var labels = {{ this.labels_json }}, sources = {{ this.sources_json }};
            var values = {{ this.values_json }}, styles = {{ this.styles_json }};
            function value(r) { return typeof r[1] === "number" ? values[r[1]] : r[1]; }
            function text(tag, value, cls) {
                var e = document.createElement(tag);
                if (cls) e.className = cls;
                e.textContent = value;
                return e;
            }
            function tip(p) {
                var box = document.createElement("div");
                box.appendChild(text("b", p._name));
                p._rows.slice(0, 5).forEach(function (r) {
                    if (value(r)) box.appendChild(text("div", labels[r[0]] + ": " + value(r)));
                });
                return box;
            }
            function card(p) {
                var box = document.createElement("div"), table = document.createElement("table");
                box.className = "atlas-card";
                box.appendChild(text("h4", p._name));
                p._rows.forEach(function (r) {
                    var tr = document.createElement("tr"), td = document.createElement("td");
                    tr.appendChild(text("th", labels[r[0]]));
                    td.appendChild(document.createTextNode(value(r) || "—"));
                    if (r[2] >= 0) { td.appendChild(document.createTextNode(" ")); td.appendChild(text("small", "[" + sources[r[2]] + "]")); }
                    tr.appendChild(td);
                    table.appendChild(tr);
                });
                box.appendChild(table);
                return box;
            }
            {{ this.layer.get_name() }}.eachLayer(function (l) {
                var p = l.feature.properties, st = styles[p._s];
                l.setStyle(st);
                if (l.setRadius) l.setRadius(st.radius);
                l.bindTooltip(function () { return tip(p); });
                l.bindPopup(function () { return card(p); }, {maxWidth: 380});
            });
        })();
        {% endmacro %}
    """)

    def __init__(self, layer, tables: CardTables, styles: list[dict]):
        super().__init__()
        self._name = "TownCards"
        self.layer = layer
        self.labels_json = _script_json(tables.labels)
        self.sources_json = _script_json(tables.sources)
        self.values_json = _script_json(tables.values)
        self.styles_json = _script_json(styles)


