"""Explore: pick an edition, filter the towns, see them on the map and in a table, open a card."""

import streamlit as st

from atlas import ui
from atlas.analysis.filters import TownFilter, nearest_other_towns
from atlas.export.query import export_link_query
from atlas.i18n import column_label, column_labels, name, t
from atlas.maps.live import NETWORK_COLOUR_MODES, LiveOptions, parse_view
from atlas.views import (
    centres_near_rows,
    compare_table,
    edition_options,
    edition_summary,
    explore_table,
    readable,
    history_rows,
    town_card_rows,
)

lang = ui.lang()
st.title(t("app_title", lang))
editions = ui.editions()
values, labels = edition_options(editions, lang)
edition = ui.query_choice("edition", values, default="latest")
edition = st.sidebar.selectbox(t("explore.edition_pick", lang), values, index=values.index(edition),
                               format_func=labels.get, key="edition", help=t("explore.edition_help", lang))
towns = ui.towns(edition)
regions = ui.regions_display()
flt = ui.filter_sidebar(towns, regions, TownFilter.from_query(st.query_params), lang)
# the filters and the edition go back into the URL; the other views keep theirs
ui.sync_query({**flt.to_query(), **({"edition": edition} if edition != "latest" else {})},
              keep=("lang", "town", "cmp_from", "cmp_to", "view"))
shown = flt.apply(towns)

c1, c2, c3, c4 = st.columns(4)
c1.metric(t("towns", lang), ui.number(len(shown), lang))
c2.metric(t("explore.category1", lang), ui.number(int((shown.category == 1).sum()), lang))
c3.metric(t("toser", lang), ui.number(int(shown.toser.sum()), lang))
c4.metric(t("population", lang), ui.number(int(shown.population.fillna(0).sum()), lang))
st.caption(edition_summary(shown, lang))
ui.export_view_link(export_link_query(flt, edition, lang), lang)

colour = st.sidebar.selectbox(t("explore.colour_by", lang), ["category", "specialization", "science",
                                                            "wage", "industry", "population_change",
                                                            *NETWORK_COLOUR_MODES],
                              format_func=lambda k: column_label(k, lang) if k in NETWORK_COLOUR_MODES
                              else t({"science": "dist_science", "wage": "colour.wage",
                                      "industry": "colour.industry",
                                      "population_change": "colour.population_change"}.get(k, k), lang),
                              key="colour")
choro = st.sidebar.selectbox(t("explore.choropleth", lang), ["none", "count", "share_cat1", "toser"],
                             format_func=lambda k: t(f"choropleth_{k}", lang), key="choro")
selected = st.query_params.get("town")
if not len(shown):
    st.info(t("explore.no_towns", lang))
slider = [(a, labels[a]) for a in editions.act_id]  # in force order, as the map's edition codes
click = ui.live_map(shown, LiveOptions(lang=lang, colour=colour, choropleth=None if choro == "none" else choro,
                                       selected=selected, view=parse_view(st.query_params.get("view")),
                                       permalink=True, fit_filtered=True, editions=slider), key="explore_map")
clicked = ui.new_click("explore_map", click)
if clicked and clicked != selected:
    # the card below and its picker follow the click at once; the map already shows the popup
    ui.set_query("town", clicked)
    selected = clicked

st.subheader(t("explore.table", lang))
# numbers written for the page's language, not the browser's; they still sort by value
st.dataframe(readable(explore_table(shown, lang), lang), hide_index=True, width="stretch")

all_towns = ui.towns("all")
names = ui.town_names(lang)
options = [""] + sorted(shown.town_id, key=lambda i: names.get(i, i))
if selected and selected not in options and selected in names:
    options.append(selected)
if selected in options and st.session_state.get("_town_synced") != selected:
    st.session_state["town_pick"] = selected  # a map click, a search or a deep link chose the town
st.session_state["_town_synced"] = selected
pick = st.selectbox(t("explore.town_card", lang), options,
                    format_func=lambda i: names.get(i, t("explore.pick_town", lang)), key="town_pick")
if pick and pick != selected:
    ui.set_query("town", pick)
    st.session_state["_town_synced"] = selected = pick
if selected and selected in names:
    row = all_towns[all_towns.town_id == selected].iloc[0]
    if selected in set(towns.town_id):  # the category in force on the chosen edition
        row = towns[towns.town_id == selected].iloc[0]
    st.markdown(f"### {name(row, lang)}")
    st.table(town_card_rows(row, lang))
    st.markdown(f"**{t('explore.history', lang)}**")
    st.dataframe(history_rows(ui.town_history(selected), lang), hide_index=True, width="stretch")
    near_centres = ui.centres_near_town(selected)
    st.markdown(f"**{t('explore.centres_near', lang)}** — " + t(
        "explore.centres_counts", lang, n50=int((near_centres.distance_km <= 50).sum()), n100=len(near_centres)))
    if len(near_centres):
        st.dataframe(centres_near_rows(near_centres, ui.science(), lang), hide_index=True, width="stretch")
    near = nearest_other_towns(towns, selected, 5)
    st.markdown(f"**{t('explore.nearest', lang)}**")
    near_table = explore_table(near, lang)
    near_table[column_labels(["distance_km"], lang)["distance_km"]] = near.distance_km.round(0).to_numpy()
    st.dataframe(readable(near_table, lang), hide_index=True, width="stretch")

if st.toggle(t("explore.compare", lang), value="cmp_from" in st.query_params, key="cmp_on"):
    a_col, b_col = st.columns(2)
    first = values[1] if len(values) > 1 else "latest"
    cmp_from = a_col.selectbox(t("explore.compare_from", lang), values, format_func=labels.get,
                               index=values.index(ui.query_choice("cmp_from", values, first)), key="cmp_from")
    cmp_to = b_col.selectbox(t("explore.compare_to", lang), values, format_func=labels.get,
                             index=values.index(ui.query_choice("cmp_to", values, "latest")), key="cmp_to")
    ui.set_query("cmp_from", cmp_from)
    ui.set_query("cmp_to", cmp_to)
    changes = ui.compare(cmp_from, cmp_to)
    st.caption(t("explore.compare_note", lang))
    counts = changes.change.value_counts()
    st.caption(t("explore.compare_counts", lang, added=int(counts.get("added", 0)),
                 removed=int(counts.get("removed", 0)), recat=int(counts.get("recategorised", 0))))
    if len(changes):
        ui.live_map(changes.assign(toser=False, category=changes.category_b.fillna(changes.category_a)),
                    LiveOptions(lang=lang, colour="change", rings=False, height=420), key="compare_map")
        st.dataframe(compare_table(changes, lang), hide_index=True, width="stretch")
    else:
        st.info(t("explore.compare_none", lang))
else:
    for k in ("cmp_from", "cmp_to"):
        if k in st.query_params:
            del st.query_params[k]
ui.footer(lang)
