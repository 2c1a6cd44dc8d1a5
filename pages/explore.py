"""Explore: filter the monotowns, see them on the map and in a table, open a town card."""

import streamlit as st

from atlas import ui
from atlas.analysis.filters import TownFilter, nearest_other_towns, town_at
from atlas.i18n import t
from atlas.maps import MapData, MapOptions, build_map
from atlas.views import edition_summary, explore_table, town_card_rows

lang = ui.lang()
st.title(t("app_title", lang))
edition = st.sidebar.radio(t("edition", lang), ["latest", "2014"], horizontal=True,
                           format_func=lambda e: {"latest": "последняя с источником" if lang == "ru"
                                                  else "latest sourced", "2014": "29.07.2014"}[e])
towns = ui.towns(edition)
regions = ui.regions_display()
flt = ui.filter_sidebar(towns, regions, TownFilter.from_query(st.query_params), lang)
for k in list(st.query_params):
    if k not in ("lang", "town"):
        del st.query_params[k]
st.query_params.update(flt.to_query())
shown = flt.apply(towns)

c1, c2, c3, c4 = st.columns(4)
c1.metric(t("towns", lang), len(shown))
c2.metric(t("category", lang) + " 1", int((shown.category == 1).sum()))
c3.metric(t("toser", lang), int(shown.toser.sum()))
c4.metric(t("population", lang), f"{int(shown.population.fillna(0).sum()):,}".replace(",", " "))
st.caption(edition_summary(shown, lang))

colour = st.sidebar.selectbox("Цвет точек" if lang == "ru" else "Colour towns by",
                              ["category", "specialization", "science"],
                              format_func=lambda k: {"category": t("category", lang),
                                                     "specialization": t("specialization", lang),
                                                     "science": t("dist_science", lang)}[k])
choro = st.sidebar.selectbox("Заливка регионов" if lang == "ru" else "Regions choropleth",
                             ["none", "count", "share_cat1", "toser"],
                             format_func=lambda k: "—" if k == "none" else t(f"choropleth_{k}", lang))
selected = st.query_params.get("town")
layers = ["regions", "towns", "toser"] + ([] if choro == "none" else ["choropleth"])
opts = MapOptions(lang=lang, town_colour=colour, choropleth_metric=choro if choro != "none" else "count",
                  highlight_ids={selected} if selected else set())
m = build_map(MapData(towns=shown, regions=regions), layers, opts)
out = ui.show_map(m, key="explore_map")
clicked = (out or {}).get("last_object_clicked")
if clicked:
    hit = town_at(shown, clicked["lng"], clicked["lat"])
    if hit and hit != selected:
        st.query_params["town"] = hit
        st.rerun()

st.subheader("Таблица" if lang == "ru" else "Table")
st.dataframe(explore_table(shown, lang), hide_index=True, use_container_width=True)

names = dict(zip(towns.town_id, towns.name_ru + " — " + towns.region_iso))
options = [""] + sorted(shown.town_id, key=lambda i: names[i])
if selected and selected not in options:
    options.append(selected)
pick = st.selectbox("Карточка города" if lang == "ru" else "Town card", options,
                    index=options.index(selected) if selected in options else 0,
                    format_func=lambda i: names.get(i, "—"), key="town_pick")
if pick and pick != selected:
    st.query_params["town"] = pick
    selected = pick
if selected and selected in names:
    row = towns[towns.town_id == selected].iloc[0]
    st.markdown(f"### {row['name_ru']} ({row['name_en'] or ''})")
    st.table(town_card_rows(row, lang))
    near = nearest_other_towns(towns, selected, 5)
    st.markdown("**Ближайшие моногорода**" if lang == "ru" else "**Nearest monotowns**")
    st.dataframe(near[["name_ru", "region_iso", "category", "distance_km"]], hide_index=True)
ui.footer(lang)
