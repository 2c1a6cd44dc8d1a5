"""Closed vocabularies of the atlas, with Russian and English labels."""

from __future__ import annotations

SPECIALIZATIONS: dict[str, tuple[str, str]] = {
    "ferrous_metallurgy": ("Чёрная металлургия", "Ferrous metallurgy"),
    "nonferrous_metallurgy": ("Цветная металлургия", "Non-ferrous metallurgy"),
    "coal_mining": ("Добыча угля", "Coal mining"),
    "ore_mining": ("Добыча руд и минералов", "Ore and mineral mining"),
    "oil_gas": ("Нефть и газ", "Oil and gas"),
    "chemicals": ("Химия и нефтехимия", "Chemicals"),
    "automotive": ("Автомобилестроение", "Automotive"),
    "machine_building": ("Машиностроение", "Machine building"),
    "defence_aerospace": ("Оборонная и авиакосмическая", "Defence and aerospace"),
    "nuclear": ("Атомная промышленность", "Nuclear industry"),
    "timber_pulp": ("Лесная и ЦБП", "Timber, pulp and paper"),
    "food": ("Пищевая промышленность", "Food industry"),
    "light_industry": ("Лёгкая промышленность", "Light industry"),
    "building_materials": ("Стройматериалы", "Building materials"),
    "energy": ("Энергетика", "Energy"),
    "transport": ("Транспорт (ж.-д. узел)", "Transport (rail junction)"),
}

TOSER_KINDS: dict[str, tuple[str, str]] = {
    "monotown": ("ТОСЭР в моногороде", "Monotown TOSER"),
    "far_east": ("ТОР Дальнего Востока", "Far Eastern TOR"),
    "arctic": ("Арктическая зона", "Arctic TOR"),
}

CATEGORIES: dict[int, tuple[str, str]] = {
    1: ("1 — наиболее сложное положение", "1 — most difficult situation"),
    2: ("2 — риски ухудшения", "2 — risk of deterioration"),
    3: ("3 — стабильное положение", "3 — stable situation"),
}

SCIENCE_KINDS: dict[str, tuple[str, str]] = {
    "naukograd": ("Наукоград", "Naukograd (science city)"),
    "naukograd_lapsed": ("Наукоград (статус утрачен)", "Naukograd (status lapsed)"),
    "ras_centre": ("Научный центр РАН", "RAS research centre"),
    "federal_university": ("Федеральный университет", "Federal university"),
    "national_research_university": ("Национальный исследовательский университет",
                                     "National research university"),
    "academic_town": ("Академгородок", "Academic town"),
    "frc_ras": ("Федеральный исследовательский центр (ФИЦ) РАН",
                "Federal research centre (Academy of Sciences)"),
    "ras_regional_centre": ("Научный центр РАН (не ФИЦ)", "Regional scientific centre of the Academy"),
    "nuclear_centre": ("Федеральный ядерный центр", "Federal nuclear centre"),
    "state_research_centre": ("Государственный научный центр РФ", "State research centre of Russia"),
    "priority2030": ("Университет программы «Приоритет-2030»", "«Priority 2030» university"),
}

SIDES: dict[str, tuple[str, str]] = {
    "left": ("слева", "left"),
    "right": ("справа", "right"),
}

CORRIDOR_MODES: dict[str, tuple[str, str]] = {
    "rail": ("Железная дорога", "Rail"),
    "road": ("Автодорога", "Road"),
    "sea": ("Морской путь", "Sea route"),
    "multimodal": ("Мультимодальный", "Multimodal"),
}


def label(vocab: dict, key, lang: str = "ru") -> str:
    """Human label of a vocabulary key in the chosen language (the key itself if unknown)."""
    pair = vocab.get(key)
    if pair is None:
        return "" if key is None else str(key)
    return pair[0] if lang == "ru" else pair[1]
