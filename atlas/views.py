"""Tables the pages show, as plain DataFrames (tested without Streamlit)."""

from __future__ import annotations

import pandas as pd

from atlas.i18n import t
from atlas.vocab import CATEGORIES, SIDES, SPECIALIZATIONS, TOSER_KINDS, label


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


def edition_summary(towns, lang: str = "ru") -> str:
    """Which list editions the shown categories come from, with town counts (largest first)."""
    if len(towns) == 0:
        return ""
    counts = towns.category_as_of.value_counts(sort=False)
    counts = counts.sort_values(ascending=False, kind="stable")
    word = "Категории по редакциям перечня: " if lang == "ru" else "Categories by list edition: "
    unit = "гор." if lang == "ru" else "towns"
    return word + "; ".join(f"{ed} — {n} {unit}" for ed, n in counts.items())


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


def corridor_anchor_table(waypoints, lang: str = "ru") -> pd.DataFrame:
    """The waypoints of one corridor that carry an official route kilometre.

    Chainage is interpolated between these rows: ``line km`` is where the waypoint sits on
    the schematic line, ``route km`` the official kilometre with its source.
    """
    w = waypoints.sort_values("seq")
    w = w[pd.to_numeric(w.route_km, errors="coerce").notna()]
    cols = (["Пункт", "км по маршруту", "км по линии", "Источник километра"] if lang == "ru"
            else ["Waypoint", "Route km", "Line km", "Source of the kilometre"])
    return pd.DataFrame({cols[0]: w.name_ru.values,
                         cols[1]: pd.to_numeric(w.route_km).round(0).astype(int).values,
                         cols[2]: w.measure_km.astype(float).round(0).astype(int).values,
                         cols[3]: w.route_km_source.values})


def corridor_method_text(n_anchors: int, lang: str = "ru") -> str:
    """How offsets, membership and chainage are computed, in the user's language."""
    if lang == "ru":
        anchors = (f"Пикетаж интерполирован между {n_anchors} официальными километрами (таблица ниже)."
                   if n_anchors > 1 else "Официальных километров нет: пикетаж измерен по линии от её начала.")
        return ("Линия коридора проведена через станции и города (схематично) и разбита на отрезки "
                "большого круга не длиннее 25 км. Смещение — геодезическое расстояние на эллипсоиде "
                "WGS84 до ближайшей точки линии; город в полосе, если смещение не больше ширины. "
                "Кандидаты ищет пространственный индекс (k-d дерево), без буфера и проекции. "
                "Сторона — слева или справа по ходу от начала коридора. " + anchors)
    anchors = (f"Chainage is interpolated between {n_anchors} official kilometres (table below)."
               if n_anchors > 1 else "No official kilometres: chainage is measured along the line from its start.")
    return ("The corridor line runs through stations and towns (schematic) and is split into "
            "great-circle pieces of at most 25 km. The offset is the geodesic distance on the WGS84 "
            "ellipsoid to the nearest point of the line; a town is in the band when its offset is at "
            "most the width. A spatial index (k-d tree) finds candidates; no buffer, no projection. "
            "Side is left or right in the direction of travel from the corridor's start. " + anchors)


CORRIDOR_TABLE_LABELS = {
    "name_ru": ("Город", "Town (ru)"), "name_en": ("Город (лат.)", "Town"),
    "chainage_km": ("Пикетаж, км", "Chainage, km"), "offset_km": ("Смещение, км", "Offset, km"),
    "side": ("Сторона", "Side"), "specialization": ("Специализация", "Specialization"),
    "category": ("Категория", "Category"), "toser": ("ТОСЭР", "TOSER"),
    "dist_science_km": ("До науки, км", "To science, km"), "region_iso": ("Регион", "Region"),
    "population": ("Население", "Population"), "town_id": ("ID", "ID"),
    "lon": ("Долгота", "Longitude"), "lat": ("Широта", "Latitude"),
}


def corridor_table_labels(columns, lang: str = "ru") -> dict[str, str]:
    """On-screen headers for the corridor table (the CSV keeps the plain column names)."""
    i = 0 if lang == "ru" else 1
    return {c: CORRIDOR_TABLE_LABELS[c][i] for c in columns if c in CORRIDOR_TABLE_LABELS}


def corridor_strip_chart(along, lang: str = "ru") -> tuple[pd.DataFrame, dict]:
    """Data and a Vega-Lite spec: towns along the route, chainage on x, signed offset on y.

    Left of the direction of travel is plotted above zero, right below; colours are the map's
    category colours so the chart and the map read the same way.
    """
    from atlas.maps.palettes import CATEGORY_COLOURS

    from atlas.maps.layers import point_names

    ru = lang == "ru"
    if "name_ru" in along:
        name = along["name_ru"] if ru or "name_en" not in along else along["name_en"].fillna(along["name_ru"])
        names = name.astype(str).tolist()
    else:  # a user's own points
        names = point_names(along)
    data = pd.DataFrame({
        "town": names,
        "chainage_km": along.chainage_km.astype(float).values,
        "offset_km": along.offset_km.astype(float).values,
        "signed_offset_km": along.offset_km.where(along.side == "left", -along.offset_km).astype(float).values,
        "side": [label(SIDES, s, lang) for s in along.side],
    })
    tooltip = [{"field": "town", "title": "Город" if ru else "Town"},
               {"field": "chainage_km", "title": "Пикетаж, км" if ru else "Chainage, km", "format": ",.0f"},
               {"field": "offset_km", "title": "Смещение, км" if ru else "Offset, km", "format": ".1f"},
               {"field": "side", "title": "Сторона" if ru else "Side"}]
    encoding = {
        "x": {"field": "chainage_km", "type": "quantitative",
              "title": "Пикетаж, км от начала коридора" if ru else "Chainage, km from the corridor's start"},
        "y": {"field": "signed_offset_km", "type": "quantitative",
              "title": "Смещение, км (+ слева, − справа)" if ru else "Offset, km (+ left, − right)"},
        "tooltip": tooltip,
    }
    if "category" in along:
        data["category"] = [label(CATEGORIES, int(c), lang) for c in along.category]
        domain = [label(CATEGORIES, k, lang) for k in sorted(CATEGORY_COLOURS)]
        encoding["color"] = {"field": "category", "type": "nominal",
                             "title": "Категория" if ru else "Category",
                             "scale": {"domain": domain, "range": [CATEGORY_COLOURS[k] for k in sorted(CATEGORY_COLOURS)]},
                             "legend": {"orient": "bottom", "labelLimit": 400}}
        tooltip.append({"field": "category", "title": "Категория" if ru else "Category"})
    spec = {"mark": {"type": "circle", "size": 70, "opacity": 0.9, "stroke": "#333333", "strokeWidth": 0.6},
            "encoding": encoding}
    return data, spec
