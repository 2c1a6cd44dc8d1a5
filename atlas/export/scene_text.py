"""What an exported map says about itself: default title and subtitle (edition, filters, date)."""

from __future__ import annotations

import datetime as _dt
import re

from atlas import fmt
from atlas.analysis.filters import TownFilter
from atlas.i18n import EMPTY, edition_label, names, t, vocab_label

_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def default_title(regions, focus: list[str], corridor: str | None, lang: str) -> str:
    """"Моногорода: Кемеровская область" for one region, the district for a whole district,
    the corridor's name for a corridor, else the atlas's title."""
    if corridor:
        from atlas import io
        from atlas.i18n import name

        lines = io.load_corridors()
        row = lines[lines.corridor_id == io.resolve_corridor_id(corridor)].iloc[0]
        return t("export.corridor_title", lang, corridor=name(row, lang))
    if len(focus) == 1:
        sel = regions[regions.iso == focus[0]]
        return t("export.region_title", lang, region=names(sel, lang).iloc[0])
    if focus:
        districts = set(regions[regions.iso.isin(focus)].federal_district)
        if len(districts) == 1 and set(regions[regions.federal_district.isin(districts)].iso) == set(focus):
            return t("export.region_title", lang,
                     region=vocab_label("federal_district", districts.pop(), lang))
    return t("export.default_title", lang)


def edition_text(edition, lang: str) -> str:
    ed = str(edition or "latest")
    if ed == "latest":
        return t("export.edition_latest", lang)
    if ed == "all":
        return t("export.edition_all", lang)
    if _DATE.match(ed):
        return t("export.edition_on", lang, date=fmt.date(ed if len(ed) > 4 else "2014-07-29", lang))
    from atlas.editions import list_editions

    eds = list_editions()
    row = eds[eds.act_id == ed]
    return edition_label(row.label.iloc[0], lang) if len(row) else ed


def filter_parts(where: TownFilter | None, lang: str) -> list[str]:
    """The filters of a view in words (regions and districts are in the title, not here)."""
    if where is None:
        return []
    parts = []
    if where.categories:
        parts.append(t("export.f_categories", lang, categories=", ".join(str(c) for c in sorted(where.categories))))
    if where.toser in ("yes", "no"):
        parts.append(t(f"export.f_toser_{where.toser}", lang))
    if where.toser_kinds:
        parts.append(", ".join(vocab_label("toser_kind", k, lang) for k in where.toser_kinds))
    if where.specializations:
        parts.append(", ".join(t("unknown", lang) if s == "unknown" else vocab_label("specialization", s, lang)
                               for s in where.specializations))
    if where.toser_year_min is not None or where.toser_year_max is not None:
        parts.append(t("export.f_toser_years", lang, lo=where.toser_year_min or EMPTY,
                       hi=where.toser_year_max or EMPTY))
    if where.population_min is not None or where.population_max is not None:
        parts.append(t("export.f_population", lang, lo=fmt.integer(where.population_min or 0, lang),
                       hi=fmt.integer(where.population_max, lang) if where.population_max else "…"))
    if where.name.strip():
        parts.append(t("export.f_name", lang, name=where.name.strip()))
    return parts


def subtitle(edition, where: TownFilter | None, n_towns: int, lang: str, today: _dt.date) -> str:
    """"Действующий перечень · с ТОСЭР · моногородов на карте: 3 · карта на 06.12.2026"."""
    parts = [edition_text(edition, lang), *filter_parts(where, lang),
             t("export.towns_shown", lang, n=fmt.integer(n_towns, lang)),
             t("export.made_on", lang, date=fmt.date(today, lang))]
    return " · ".join(parts)
