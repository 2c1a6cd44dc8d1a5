"""Interface strings in Russian (default) and English."""

from __future__ import annotations

LANGS = ("ru", "en")

STRINGS: dict[str, tuple[str, str]] = {
    "app_title": ("Атлас моногородов России", "Atlas of Russia's monotowns"),
    "category": ("Категория", "Category"),
    "region": ("Регион", "Region"),
    "federal_district": ("Федеральный округ", "Federal district"),
    "specialization": ("Специализация", "Specialization"),
    "anchor": ("Градообразующее предприятие", "Anchor enterprise"),
    "population": ("Население", "Population"),
    "toser": ("ТОСЭР", "TOSER"),
    "toser_kind": ("Вид ТОСЭР/ТОР", "TOSER/TOR kind"),
    "toser_year": ("Год ТОСЭР", "TOSER year"),
    "yes": ("да", "yes"),
    "no": ("нет", "no"),
    "municipality": ("Муниципальное образование", "Municipality"),
    "edition": ("Редакция перечня", "List edition"),
    "source": ("Источник", "Source"),
    "dist_science": ("До науки, км", "To science, km"),
    "nearest_science": ("Ближайший научный центр", "Nearest science centre"),
    "corridor": ("Коридор", "Corridor"),
    "dist_corridor": ("До коридора, км", "To corridor, km"),
    "towns": ("Моногорода", "Monotowns"),
    "unknown": ("нет данных", "no data"),
    "legend_category": ("Категория моногорода", "Monotown category"),
    "legend_specialization": ("Специализация", "Specialization"),
    "legend_toser": ("Статус ТОСЭР", "TOSER status"),
    "legend_science": ("Расстояние до науки, км", "Distance to science, km"),
    "legend_centres": ("Научные центры", "Science centres"),
    "legend_corridors": ("Коридоры (схематично)", "Corridors (schematic)"),
    "legend_nodes": ("Логистические узлы", "Logistics nodes"),
    "choropleth_count": ("Число моногородов", "Number of monotowns"),
    "choropleth_share_cat1": ("Доля категории 1, %", "Share of category 1, %"),
    "choropleth_toser": ("Число ТОСЭР", "Number of TOSERs"),
    "approximate": ("координаты приблизительные", "approximate location"),
    "seaport": ("Морской порт", "Seaport"),
    "border_rail": ("Ж.-д. погранпереход", "Rail border crossing"),
    "border_road": ("Автомобильный погранпереход", "Road border crossing"),
}


def t(key: str, lang: str = "ru") -> str:
    pair = STRINGS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "en" else pair[0]
