"""Tooltip and popup HTML built from escaped values only.

Every value goes through ``html.escape`` before it is placed in markup, so a name with
quotes, backticks, backslashes or ``<script>`` renders as text. The GeoJSON that folium embeds
in a ``<script>`` block then never contains a raw ``<``, so it cannot close that block.
"""

from __future__ import annotations

import math

from atlas.i18n import t, vocab_label
from atlas.safe import html_text
from atlas.vocab import SPECIALIZATIONS, label

esc = html_text  # every value placed in markup goes through atlas.safe


def _fmt_int(v, lang: str = "ru") -> str:
    from atlas.fmt import EMPTY, integer

    text = integer(v, lang)
    return "" if text == EMPTY else text


def _region(row, lang: str) -> str:
    from atlas.names import region_name

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
    """The card as escaped HTML (for maps built marker by marker): the rows of
    :func:`atlas.maps.cards.card_rows`, which the atlas's own maps build in the browser."""
    from atlas.i18n import name
    from atlas.maps.cards import card_rows

    def line(label, value, source):
        src = f" <small>[{esc(source)}]</small>" if source else ""
        return f"<tr><th>{esc(label)}</th><td>{esc(value)}{src}</td></tr>"

    rows = "".join(line(*r) for r in card_rows(row, lang))
    return f"<div class=atlas-card><h4>{esc(name(row, lang))}</h4><table>{rows}</table></div>"


def _isnan(v) -> bool:
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return False
