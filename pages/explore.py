"""Explore: filter the monotowns, see them on the map and in a table, open a town card."""

import streamlit as st

from atlas import ui
from atlas.analysis.filters import TownFilter, nearest_other_towns
from atlas.i18n import t
from atlas.maps.live import LiveOptions
from atlas.views import edition_summary, explore_table, town_card_rows

lang = ui.lang()
st.title(t("app_title", lang))
edition = st.sidebar.radio(t("edition", lang), ["latest", "2014"], horizontal=True,
                           format_func=lambda e: t("explore.edition_latest", lang) if e == "latest" else "29.07.2014",
                           key="edition")
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
c4.metric(t("population", lang), f"{int(shown.population.fillna(0).sum()):,}".replace(",", "\u202f"))
st.caption(edition_summary(shown, lang))

colour = st.sidebar.selectbox(t("explore.colour_by", lang), ["category", "specialization", "science"],
                              format_func=lambda k: t({"science": "dist_science"}.get(k, k), lang),
                              key="colour")
choro = st.sidebar.selectbox(t("explore.choropleth", lang), ["none", "count", "share_cat1", "toser"],
                             format_func=lambda k: t(f"choropleth_{k}", lang),
                             key="choro")
clicked = ui.clicked_town("explore_map")
if clicked and clicked != st.session_state.get("_explore_clicked"):
    st.session_state["_explore_clicked"] = clicked
    st.query_params["town"] = clicked
selected = st.query_params.get("town")
ui.live_map(shown, LiveOptions(lang=lang, colour=colour, choropleth=None if choro == "none" else choro,
                               selected=selected), key="explore_map")

st.subheader(t("explore.table", lang))
st.dataframe(explore_table(shown, lang), hide_index=True, width="stretch")

names = dict(zip(towns.town_id, towns.name_ru + " — " + towns.region_iso))
options = [""] + sorted(shown.town_id, key=lambda i: names[i])
if selected and selected not in options:
    options.append(selected)
pick = st.selectbox(t("explore.town_card", lang), options,
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
    st.markdown(f"**{t('explore.nearest', lang)}**")
    st.dataframe(near[["name_ru", "region_iso", "category", "distance_km"]], hide_index=True)
ui.footer(lang)
