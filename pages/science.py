"""Science access: distance from each monotown to the nearest research centre, TOSER vs the rest."""

import numpy as np
import pandas as pd
import streamlit as st

from atlas import fmt, ui
from atlas.analysis.claims import NAMED_TOWNS, compare_toser
from atlas.analysis.science import nearest_science_centre
from atlas.i18n import column_labels, edition_label, names, t, vocab_codes, vocab_label
from atlas.maps.live import LiveOptions, parse_view
from atlas.names import layer_name, region_name
from atlas.views import readable, toser_economy_rows

lang = ui.lang()
st.title(t("science.title", lang))
towns, centres = ui.towns(), ui.science()
newest = ui.editions().label.iloc[-1]  # the default edition is the newest dated source (issue #19)
st.caption(t("science.edition", lang, edition=t("explore.edition_latest", lang, label=edition_label(newest, lang)),
             towns=fmt.count(len(towns), "towns", lang)))
kind_codes = vocab_codes("science_kind")
kinds = st.multiselect(t("science.kinds", lang), kind_codes,
                       default=[k for k in kind_codes if k != "naukograd_lapsed"],
                       format_func=lambda k: vocab_label("science_kind", k, lang), key="sci_kinds",
                       help=t("science.kinds_help", lang))
threshold = st.slider(t("science.threshold", lang), 25, 1000, 200, step=25, key="sci_thr")
if not kinds:
    st.warning(t("science.choose_kind", lang))
    st.stop()
near = nearest_science_centre(towns, centres, kinds, within_km=threshold)
towns = towns.assign(**{c: near[c] for c in near.columns})
cmp_ = compare_toser(towns, centres, kinds, threshold)

c1, c2, c3 = st.columns(3)
c1.metric(t("science.median_toser", lang), fmt.km(cmp_.median_toser_km, lang),
          help=t("science.n_help", lang, n=cmp_.n_toser))
c2.metric(t("science.median_others", lang), fmt.km(cmp_.median_other_km, lang),
          help=t("science.n_help", lang, n=cmp_.n_other))
c3.metric(t("science.beyond", lang, threshold=threshold),
          f"{fmt.percent(cmp_.share_beyond_toser, lang)} / {fmt.percent(cmp_.share_beyond_other, lang)}",
          help=t("science.fisher_help", lang, p=fmt.significant(cmp_.fisher_p, lang)))
st.info(cmp_.reading(lang))

bands = st.text_input(t("science.bands", lang), "", key="sci_bands")
try:
    band_list = [float(x) for x in bands.split(",") if x.strip()] or None
except ValueError:
    st.error(t("science.bands_error", lang))
    band_list = None
lines = st.checkbox(t("science.lines", lang), key="sci_lines")
named = towns[towns.name_ru.isin(NAMED_TOWNS)]
ui.live_map(towns, LiveOptions(lang=lang, colour="science", distance_bands_km=band_list, centre_kinds=kinds,
                               lines=lines, highlight=named.town_id.tolist(),
                               view=parse_view(st.query_params.get("view")), permalink=True),
            key="science_map", centres=centres)

st.subheader(t("science.ecdf", lang))
groups = {True: t("science.group_toser", lang), False: t("science.group_others", lang)}
curves = []
for flag, group in groups.items():
    d = np.sort(towns[towns.toser.astype(bool) == flag].dist_science_km.to_numpy(dtype=float))
    curves.append(pd.DataFrame({"km": d, "share": np.arange(1, len(d) + 1) / max(len(d), 1), "group": group}))
st.vega_lite_chart(pd.concat(curves, ignore_index=True), {
    "mark": {"type": "line", "interpolate": "step-after"},
    "encoding": {
        "x": {"field": "km", "type": "quantitative", "title": t("science.ecdf_x", lang)},
        "y": {"field": "share", "type": "quantitative", "title": t("science.ecdf_y", lang),
              "axis": {"format": "%"}},
        "color": {"field": "group", "type": "nominal", "title": t("science.ecdf_series", lang),
                  "scale": {"range": ["#CC3311", "#0077BB"]}, "legend": {"orient": "bottom"}},
    }, "config": {"locale": fmt.vega_locale(lang)}}, width="stretch")

st.subheader(t("science.economy", lang))  # issue #19: the claim, deeper
st.caption(t("science.economy_text", lang, edition=edition_label(newest, lang)))
st.dataframe(toser_economy_rows(towns, lang), hide_index=True, width="stretch")

st.subheader(t("science.ranking", lang))
ranked = towns.sort_values("dist_science_km", ascending=False)
cols = column_labels(["town", "region", "category", "toser", "dist_science_km", "nearest_science_name",
                      "science_within"], lang)
st.dataframe(readable(pd.DataFrame({
    cols["town"]: names(ranked, lang).to_numpy(),
    cols["region"]: [region_name(r, lang) for r in ranked.region_iso],
    cols["category"]: ranked.category.astype(int).to_numpy(),
    cols["toser"]: ranked.toser.astype(bool).to_numpy(),
    cols["dist_science_km"]: ranked.dist_science_km.round(0).to_numpy(),
    cols["nearest_science_name"]: [layer_name("science_centres", c, lang) for c in ranked.nearest_science_id],
    cols["science_within"]: ranked.science_within.to_numpy(),
}), lang), hide_index=True, width="stretch")
st.markdown(f"**{t('science.named', lang)}**", help=t("science.named_help", lang))
st.markdown("; ".join(t("science.named_item", lang, town=n, distance=fmt.km(d, lang),
                        centre=layer_name("science_centres", c, lang))
                      for n, d, c in zip(names(named, lang), named.dist_science_km, named.nearest_science_id)))
ui.footer(lang)
