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
# ColorBrewer YlOrRd (colour-blind safe, sequential): near = pale, far = dark red. Science
# centres never use these hues (blues, purples, greens, olive, black below), and they are
# drawn as diamonds, towns as circles, so a centre is never read as a distance class.
DISTANCE = ["#FFFFB2", "#FED976", "#FEB24C", "#FD8D3C", "#F03B20", "#BD0026"]
MODE_COLOURS = {"rail": "#AA3377", "road": "#228833", "sea": "#4477AA", "multimodal": "#CCBB44"}
SCIENCE_COLOURS = {
    "naukograd": "#0072B2", "naukograd_lapsed": "#BBBBBB", "academic_town": "#88CCEE",
    "frc_ras": "#762A83", "ras_centre": "#9970AB", "ras_regional_centre": "#C2A5CF",
    "nuclear_centre": "#000000", "state_research_centre": "#332288",
    "federal_university": "#117733", "national_research_university": "#44AA99",
    "priority2030": "#999933",
}
# issue #19: Tol "sunset" diverging (colour-blind safe): below the reference red, above it blue,
# the middle class grey; missing values white like an unknown sector
DIVERGING = ["#A50026", "#F67E4B", "#C8C8C8", "#6EA6CD", "#364B9A"]
