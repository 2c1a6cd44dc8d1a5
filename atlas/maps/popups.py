"""Tooltip and popup HTML built from escaped values only.

Every value goes through ``html.escape`` before it is placed in markup, so a name with
quotes, backticks, backslashes or ``<script>`` renders as text. The GeoJSON that folium embeds
in a ``<script>`` block then never contains a raw ``<``, so it cannot close that block.
"""

from __future__ import annotations

import html
import math

from atlas.i18n import t, vocab_label
from atlas.vocab import SPECIALIZATIONS, label


def esc(value) -> str:
    """Escaped text for any value; missing values become an empty string."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        import pandas as pd

        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return html.escape(str(value), quote=True).replace("`", "&#96;").replace("\\", "&#92;")


def _fmt_int(v, lang: str = "ru") -> str:
    from atlas.fmt import EMPTY, integer

    text = integer(v, lang)
    return "" if text == EMPTY else text


def _region(row, lang: str) -> str:
    from atlas.i18n import region_name

    if row.get("region_name"):
        return row.get("region_name")
    return region_name(row.get("region_iso"), lang)


def town_tooltip(row, lang: str = "ru") -> str:
    from atlas.i18n import name

    toser = t("yes", lang) if bool(row.get("toser")) else t("no", lang)
    parts = [
        f"<b>{esc(name(row, lang))}</b>",
        f"{esc(_region(row, lang))}",
        f"{esc(t('category', lang))}: {esc(vocab_label('category', row.get('category'), lang))}",
        f"{esc(t('specialization', lang))}: {esc(label(SPECIALIZATIONS, row.get('specialization'), lang)) or esc(t('unknown', lang))}",
        f"{esc(t('toser', lang))}: {esc(toser)}",
    ]
    return "<br>".join(parts)


def town_card(row, lang: str = "ru") -> str:
    """The popup card: every attribute with its source; values written for the reader."""
    from atlas import fmt
    from atlas.i18n import edition_label, layer_name, name, transliterate

    def line(key, value, source=None):
        src = f" <small>[{esc(source)}]</small>" if source and not fmt.is_empty(source) else ""
        return f"<tr><th>{esc(t(key, lang))}</th><td>{value}{src}</td></tr>"

    def words(v):
        v = fmt.text(v)
        return transliterate(v) if lang == "en" and v != fmt.EMPTY else v

    year = row.get("toser_year")
    year_txt = f", {esc(fmt.year(year))}" if not fmt.is_empty(year) else ""
    toser = (f"{esc(words(row.get('toser_name')))} — {esc(vocab_label('toser_kind', row.get('toser_kind'), lang))}{year_txt}"
             if bool(row.get("toser")) else esc(t("no", lang)))
    spec = row.get("specialization")
    rows = [
        line("region", esc(_region(row, lang))),
        line("municipality", esc(words(row.get("municipality")))),
        line("category", esc(vocab_label("category", row.get("category"), lang)),
             edition_label(row.get("category_as_of"), lang)),
        line("population", esc(fmt.integer(row.get("population"), lang)), row.get("population_source")),
        line("specialization", esc(vocab_label("specialization", spec, lang) if not fmt.is_empty(spec)
                                   else t("unknown", lang)), row.get("profile_source")),
        line("anchor", esc(words(row.get("anchor_enterprise")))),
        line("toser", toser, row.get("toser_source")),
    ]
    if not fmt.is_empty(row.get("dist_science_km")):
        centre = layer_name("science_centres", row.get("nearest_science_id"), lang)
        rows.append(line("dist_science", f"{esc(fmt.distance(row['dist_science_km'], lang))} ({esc(centre)})"))
    if row.get("coord_approximate"):
        rows.append(f"<tr><td colspan=2><i>{esc(t('approximate', lang))}</i></td></tr>")
    return f"<div class=atlas-card><h4>{esc(name(row, lang))}</h4><table>{''.join(rows)}</table></div>"


def _isnan(v) -> bool:
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return False
