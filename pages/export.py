"""Export: the atlas map as offline HTML or a static figure, previewed, built only on request."""

import tempfile
from pathlib import Path

import streamlit as st

from atlas import fmt, ui
from atlas.export.figure import ALL_LAYERS, export_map
from atlas.i18n import names, t, vocab_codes, vocab_label
from atlas.names import region_names

lang = ui.lang()
st.title(t("export.title", lang))
st.write(t("export.intro", lang))

left, right = st.columns([2, 3], gap="large")
with left:
    layers = st.multiselect(t("export.layers", lang), ALL_LAYERS, default=ALL_LAYERS, key="ex_layers",
                            format_func=lambda k: t(f"layer.{k}", lang),
                            placeholder=t("export.layers_placeholder", lang))
    extent_kind = st.radio(t("export.extent", lang), ["russia", "district", "region", "corridor"],
                           horizontal=True, format_func=lambda k: t(f"extent.{k}", lang), key="ex_extent")
    region = corridor = None
    regions = ui.regions_display()
    if extent_kind == "district":
        present = set(regions.federal_district)
        region = st.selectbox(t("export.district", lang),
                              [d for d in vocab_codes("federal_district") if d in present],
                              format_func=lambda d: vocab_label("federal_district", d, lang), key="ex_fd")
    elif extent_kind == "region":
        reg_names = dict(zip(regions.iso, names(regions, lang), strict=True))
        region = st.selectbox(t("extent.region", lang), sorted(reg_names, key=reg_names.get),
                              format_func=reg_names.get, key="ex_reg")
    elif extent_kind == "corridor":
        cors = ui.corridors()
        cnames = dict(zip(cors.corridor_id, names(cors, lang), strict=True))
        corridor = st.selectbox(t("extent.corridor", lang), list(cnames), format_func=cnames.get,
                                key="ex_cor")
    title = st.text_input(t("export.map_title", lang), key="ex_title",
                          placeholder=t("export.default_title", lang))
    fmt_code = st.selectbox(t("export.format", lang), ["html", "png", "svg", "pdf"], key="ex_fmt",
                            format_func=lambda f: t(f"format.{f}", lang))
    preset = st.radio(t("export.aspect", lang), ["16:9", "4:3"], horizontal=True, key="ex_preset",
                      format_func=lambda p: t(f"aspect.{p}", lang), disabled=fmt_code == "html")
    all_towns = ui.towns()
    regs = region_names(lang)
    town_names = {i: t("export.town_option", lang, town=n, region=regs.get(r, r))
                  for i, n, r in zip(all_towns.town_id, names(all_towns, lang), all_towns.region_iso, strict=True)}
    labels = st.multiselect(t("export.labels", lang), sorted(town_names, key=town_names.get),
                            format_func=town_names.get,
                            default=[i for i in ("RU-TA-naberezhnye-chelny", "RU-ROS-gukovo",
                                                 "RU-IRK-usole-sibirskoe") if i in town_names],
                            key="ex_labels", disabled=fmt_code == "html", help=t("export.labels_help", lang),
                            placeholder=t("export.labels_placeholder", lang))
    map_title = title or t("export.default_title", lang)
    if st.button(t("export.build", lang), type="primary", key="ex_build", disabled=not layers):
        with st.status(t("export.building", lang), expanded=False) as status:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / f"monotowns.{fmt_code}"
                info = export_map(path, layers=layers or None, region=region, corridor=corridor,
                                  title=map_title, lang=lang, preset=preset, labels=labels)
                st.session_state["export_file"] = (path.read_bytes(), path.name)
            size = t("export.built", lang, size=f"{fmt.number(info['bytes'] / 1e6, lang, 2)} {t('unit.mb', lang)}")
            status.update(label=size, state="complete")
    if "export_file" in st.session_state:
        data, name = st.session_state["export_file"]
        st.download_button(t("export.download", lang, name=name), data, name, key="ex_dl", on_click="ignore")

with right:
    st.subheader(t("export.preview", lang))
    if not layers:
        st.info(t("export.no_layers", lang))
    elif fmt_code == "html":
        st.caption(t("export.preview_html_caption", lang))
        m = ui.export_preview_map(tuple(layers), region, corridor, map_title, lang)
        ui.show_map(m, key="ex_preview_map", height=460, returned_objects=[])
    else:
        st.caption(t("export.preview_caption", lang))
        png = ui.export_preview_png(tuple(layers), region, corridor, map_title, lang, preset,
                                    tuple(labels))
        st.image(png, width="stretch")
ui.footer(lang)
