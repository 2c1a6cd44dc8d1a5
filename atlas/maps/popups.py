"""Tooltip and popup HTML built from escaped values only.

Every value goes through ``html.escape`` before it is placed in markup, so a name with
quotes, backticks, backslashes or ``<script>`` renders as text. The GeoJSON that folium embeds
in a ``<script>`` block then never contains a raw ``<``, so it cannot close that block.
"""

from __future__ import annotations

import html
import math

from atlas.i18n import t
from atlas.vocab import CATEGORIES, SPECIALIZATIONS, TOSER_KINDS, label


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


def _fmt_int(v) -> str:
    try:
        return f"{int(v):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return ""


def town_tooltip(row, lang: str = "ru") -> str:
    toser = t("yes", lang) if bool(row.get("toser")) else t("no", lang)
    parts = [
        f"<b>{esc(row.get('name_ru') if lang == 'ru' else row.get('name_en') or row.get('name_ru'))}</b>",
        f"{esc(row.get('region_name', row.get('region_iso')))}",
        f"{esc(t('category', lang))}: {esc(row.get('category'))}",
        f"{esc(t('specialization', lang))}: {esc(label(SPECIALIZATIONS, row.get('specialization'), lang)) or esc(t('unknown', lang))}",
        f"{esc(t('toser', lang))}: {esc(toser)}",
    ]
    return "<br>".join(parts)


def town_card(row, lang: str = "ru") -> str:
    """The popup card: every attribute with its source."""
    def line(key, value, source=None):
        src = f" <small>[{esc(source)}]</small>" if source else ""
        return f"<tr><th>{esc(t(key, lang))}</th><td>{value}{src}</td></tr>"

    cat = row.get("category")
    cat_label = label(CATEGORIES, int(cat), lang) if cat is not None and not _isnan(cat) else ""
    year = row.get("toser_year")
    year_txt = f", {esc(year)}" if year is not None and not _isnan(year) and str(year) != "<NA>" else ""
    toser = (f"{esc(row.get('toser_name'))} — {esc(label(TOSER_KINDS, row.get('toser_kind'), lang))}{year_txt}"
             if bool(row.get("toser")) else esc(t("no", lang)))
    rows = [
        line("region", esc(row.get("region_name", row.get("region_iso")))),
        line("municipality", esc(row.get("municipality"))),
        line("category", esc(cat_label), row.get("category_as_of")),
        line("population", _fmt_int(row.get("population")), row.get("population_source")),
        line("specialization", esc(label(SPECIALIZATIONS, row.get("specialization"), lang)),
             row.get("profile_source")),
        line("anchor", esc(row.get("anchor_enterprise"))),
        line("toser", toser, row.get("toser_source")),
    ]
    if row.get("dist_science_km") is not None and not _isnan(row.get("dist_science_km")):
        rows.append(line("dist_science", f"{float(row['dist_science_km']):.0f} ({esc(row.get('nearest_science_id'))})"))
    if row.get("coord_approximate"):
        rows.append(f"<tr><td colspan=2><i>{esc(t('approximate', lang))}</i></td></tr>")
    title = row.get("name_ru") if lang == "ru" else (row.get("name_en") or row.get("name_ru"))
    return f"<div class=atlas-card><h4>{esc(title)}</h4><table>{''.join(rows)}</table></div>"


def _isnan(v) -> bool:
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return False
