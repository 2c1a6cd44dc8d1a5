"""Colour-blind-safe palettes (Paul Tol's schemes), named once."""

from __future__ import annotations

# Tol "muted" (9) + "bright"/"light" additions for a 16-class qualitative scheme.
SPECIALIZATION_COLOURS = {
    "ferrous_metallurgy": "#332288", "nonferrous_metallurgy": "#88CCEE", "coal_mining": "#222222",
    "ore_mining": "#44AA99", "oil_gas": "#117733", "chemicals": "#999933",
    "automotive": "#DDCC77", "machine_building": "#CC6677", "defence_aerospace": "#882255",
    "nuclear": "#AA4499", "timber_pulp": "#66CCAA", "food": "#EE8866",
    "light_industry": "#FFAABB", "building_materials": "#BBBBBB", "energy": "#EEDD88",
    "transport": "#77AADD",
}
UNKNOWN_COLOUR = "#FFFFFF"
CATEGORY_COLOURS = {1: "#CC3311", 2: "#EE7733", 3: "#0077BB"}
# Tol "YlOrBr" sequential, light to dark
SEQUENTIAL = ["#FFFBD5", "#FEE391", "#FEC44F", "#FB9A29", "#EC7014", "#CC4C02", "#8C2D04"]
# Tol "sunset" diverging-ish steps for distance classes, near = blue, far = red
DISTANCE = ["#364B9A", "#6EA6CD", "#C2E4EF", "#FEDA8B", "#F67E4B", "#A50026"]
MODE_COLOURS = {"rail": "#AA3377", "road": "#228833", "sea": "#4477AA", "multimodal": "#CCBB44"}
SCIENCE_COLOURS = {
    "naukograd": "#EE6677", "naukograd_lapsed": "#BBBBBB", "ras_centre": "#4477AA",
    "federal_university": "#228833", "national_research_university": "#CCBB44",
    "academic_town": "#AA3377",
}
