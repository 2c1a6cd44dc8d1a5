"""Tables the pages show, as plain DataFrames (tested without Streamlit)."""

from __future__ import annotations

import pandas as pd

from atlas.i18n import t
from atlas.vocab import CATEGORIES, SPECIALIZATIONS, TOSER_KINDS, label


def explore_table(towns, lang: str = "ru") -> pd.DataFrame:
    """The sortable table of the Explore page; same rows as the map."""
    return pd.DataFrame({
        "town_id": towns.town_id.values,
        t("towns", lang): (towns.name_ru if lang == "ru" else towns.name_en.fillna(towns.name_ru)).values,
        t("region", lang): towns.region_iso.values,
        t("category", lang): towns.category.astype(int).values,
        t("specialization", lang): [label(SPECIALIZATIONS, s, lang) if s else "" for s in towns.specialization],
        t("population", lang): towns.population.values,
        t("toser", lang): towns.toser.astype(bool).values,
        t("toser_year", lang): towns.toser_year.values,
        t("dist_science", lang): towns.get("dist_science_km", pd.Series(index=towns.index, dtype=float)).values,
    })


def town_card_rows(row, lang: str = "ru") -> pd.DataFrame:
    """Every attribute of one town with its source, as (field, value, source) rows."""
    def val(v):
        return "" if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else str(v)

    rows = [
        (t("region", lang), val(row.get("region_ru")) or val(row.get("region_iso")), ""),
        (t("municipality", lang), val(row.get("municipality")), val(row.get("source"))),
        (t("category", lang), label(CATEGORIES, int(row["category"]), lang), val(row.get("category_as_of"))),
        ("category 2014", val(row.get("category_2014")), "1398-р, 29.07.2014"),
        (t("population", lang), val(row.get("population")), val(row.get("population_source"))),
        (t("specialization", lang), label(SPECIALIZATIONS, row.get("specialization"), lang)
         if row.get("specialization") else t("unknown", lang), val(row.get("profile_source"))),
        (t("anchor", lang), val(row.get("anchor_enterprise")), val(row.get("profile_source"))),
        (t("toser", lang), (val(row.get("toser_name")) + " — " + label(TOSER_KINDS, row.get("toser_kind"), lang)
                            + (f", {val(row.get('toser_year'))}" if val(row.get("toser_year")) else ""))
         if bool(row.get("toser")) else t("no", lang), val(row.get("toser_source"))),
        (t("dist_science", lang), val(row.get("dist_science_km")), val(row.get("nearest_science_id"))),
        (t("dist_corridor", lang), val(row.get("dist_corridor_km")), val(row.get("nearest_corridor_id"))),
        ("GeoNames", val(row.get("geonameid")), val(row.get("coord_source"))),
    ]
    cols = ["Поле", "Значение", "Источник"] if lang == "ru" else ["Field", "Value", "Source"]
    return pd.DataFrame(rows, columns=cols)
