"""Science access: distance from each monotown to the nearest research centre."""

import numpy as np
import pandas as pd
import streamlit as st

from atlas import ui
from atlas.analysis.claims import NAMED_TOWNS, compare_toser
from atlas.analysis.science import nearest_science_centre
from atlas.maps import MapData, MapOptions, build_map
from atlas.vocab import SCIENCE_KINDS, label

lang = ui.lang()
ru = lang == "ru"
st.title("Доступ к науке" if ru else "Access to science")
towns, centres = ui.towns(), ui.science()
kinds = st.multiselect("Что считать наукой" if ru else "What counts as science", list(SCIENCE_KINDS),
                       default=[k for k in SCIENCE_KINDS if k != "naukograd_lapsed"],
                       format_func=lambda k: label(SCIENCE_KINDS, k, lang), key="sci_kinds")
threshold = st.slider("Порог, км" if ru else "Threshold, km", 25, 1000, 200, step=25, key="sci_thr")
if not kinds:
    st.warning("Выберите хотя бы один вид научных центров." if ru else "Choose at least one kind of centre.")
    st.stop()
near = nearest_science_centre(towns, centres, kinds, within_km=threshold)
towns = towns.assign(**{c: near[c] for c in near.columns})
cmp_ = compare_toser(towns, centres, kinds, threshold)

c1, c2, c3 = st.columns(3)
c1.metric("Медиана, ТОСЭР" if ru else "Median, TOSER", f"{cmp_.median_toser_km:.0f} km", help=f"n = {cmp_.n_toser}")
c2.metric("Медиана, остальные" if ru else "Median, others", f"{cmp_.median_other_km:.0f} km", help=f"n = {cmp_.n_other}")
c3.metric((f"Дальше {threshold} км: ТОСЭР / остальные" if ru else f"Beyond {threshold} km: TOSER / others"),
          f"{100 * cmp_.share_beyond_toser:.0f}% / {100 * cmp_.share_beyond_other:.0f}%",
          help=f"Fisher exact p = {cmp_.fisher_p:.3g}")
st.info(cmp_.reading(lang))

bands = st.text_input("Границы классов, км (через запятую; пусто — квантили)" if ru
                      else "Class bounds, km (comma-separated; empty = quantiles)", "", key="sci_bands")
try:
    band_list = [float(x) for x in bands.split(",") if x.strip()] or None
except ValueError:
    st.error("Границы должны быть числами" if ru else "Bounds must be numbers")
    band_list = None
lines = st.checkbox("Линии к ближайшему центру" if ru else "Lines to the nearest centre", key="sci_lines")
named = set(towns[towns.name_ru.isin(NAMED_TOWNS)].town_id)
m = build_map(MapData(towns=towns, regions=ui.regions_display(), science=centres[centres.kind.isin(kinds)]),
              ["regions", "science", "towns", "toser"],
              MapOptions(lang=lang, town_colour="science", distance_bands_km=band_list,
                         science_lines=lines, highlight_ids=named))
ui.show_map(m, key="science_map", returned_objects=[])

st.subheader("Распределение расстояний (ECDF)" if ru else "Distribution of distances (ECDF)")
curves = {}
for flag, name in ((True, "ТОСЭР" if ru else "TOSER"), (False, "остальные" if ru else "others")):
    d = np.sort(towns[towns.toser.astype(bool) == flag].dist_science_km.to_numpy())
    curves[name] = pd.Series(np.arange(1, len(d) + 1) / max(len(d), 1), index=d)
ecdf = pd.concat(curves, axis=1).sort_index().ffill().fillna(0)
ecdf.index.name = "km"
st.line_chart(ecdf)

st.subheader("Рейтинг" if ru else "Ranking")
table = towns[["name_ru", "region_iso", "category", "toser", "dist_science_km", "nearest_science_name",
               "science_within"]].sort_values("dist_science_km", ascending=False)
st.dataframe(table, hide_index=True, use_container_width=True)
st.markdown(("**Города из тезиса:** " if ru else "**Towns named in the claim:** ")
            + "; ".join(f"{r.name_ru}: {r.dist_science_km:.0f} km → {r.nearest_science_name}"
                        for r in towns[towns.town_id.isin(named)].itertuples()))
ui.footer(lang)
