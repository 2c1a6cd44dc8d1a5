"""Export: the atlas map as offline HTML or a slide-ready figure, previewed, built only on request.

The edition and the town filters are Explore's own widgets and URL parameters, so "export this
view" on Explore opens this page on the same towns, and this page's URL reproduces the slide.
"""

import tempfile
from pathlib import Path

import streamlit as st

from atlas import fmt, ui
from atlas.analysis.filters import TownFilter
from atlas.export.figure import ALL_LAYERS, PRESETS, export_map
from atlas.export.query import EXPORT_PARAMS, extent_from_query
from atlas.i18n import names, t, vocab_codes, vocab_label
from atlas.names import region_names
from atlas.views import edition_options

lang = ui.lang()
st.title(t("export.title", lang))
st.write(t("export.intro", lang))

values, ed_labels = edition_options(ui.editions(), lang)
edition = ui.query_choice("edition", values, default="latest")
edition = st.sidebar.selectbox(
    t("explore.edition_pick", lang),
    values,
    index=values.index(edition),
    format_func=ed_labels.get,
    key="edition",
    help=t("explore.edition_help", lang),
)
towns = ui.towns(edition)
regions = ui.regions_display()
flt = ui.filter_sidebar(towns, regions, TownFilter.from_query(st.query_params), lang)
start = extent_from_query(st.query_params, flt)

left, right = st.columns([2, 3], gap="large")
with left:
    layers = st.multiselect(
        t("export.layers", lang),
        ALL_LAYERS,
        default=ALL_LAYERS,
        key="ex_layers",
        format_func=lambda k: t(f"layer.{k}", lang),
        placeholder=t("export.layers_placeholder", lang),
    )
    extents = ["russia", "district", "region", "corridor"]
    extent_kind = st.radio(
        t("export.extent", lang),
        extents,
        horizontal=True,
        index=extents.index(start.kind),
        format_func=lambda k: t(f"extent.{k}", lang),
        key="ex_extent",
    )
    region = corridor = None
    if extent_kind == "district":
        present = set(regions.federal_district)
        options = [d for d in vocab_codes("federal_district") if d in present]
        region = st.selectbox(
            t("export.district", lang),
            options,
            key="ex_fd",
            index=options.index(start.focus) if start.focus in options else 0,
            format_func=lambda d: vocab_label("federal_district", d, lang),
        )
    elif extent_kind == "region":
        reg_names = dict(zip(regions.iso, names(regions, lang), strict=True))
        options = sorted(reg_names, key=reg_names.get)
        region = st.selectbox(
            t("extent.region", lang),
            options,
            format_func=reg_names.get,
            key="ex_reg",
            index=options.index(start.focus) if start.focus in options else 0,
        )
    elif extent_kind == "corridor":
        cors = ui.corridors()
        cnames = dict(zip(cors.corridor_id, names(cors, lang), strict=True))
        options = list(cnames)
        corridor = st.selectbox(
            t("extent.corridor", lang),
            options,
            format_func=cnames.get,
            key="ex_cor",
            index=options.index(start.focus) if start.focus in options else 0,
        )
    title = st.text_input(
        t("export.map_title", lang), key="ex_title", placeholder=t("export.title_placeholder", lang)
    )
    formats = ["html", "png", "svg", "pdf"]
    fmt_code = st.selectbox(
        t("export.format", lang),
        formats,
        key="ex_fmt",
        index=formats.index(start.fmt),
        format_func=lambda f: t(f"format.{f}", lang),
    )
    presets = list(PRESETS)
    preset = st.radio(
        t("export.aspect", lang),
        presets,
        horizontal=True,
        key="ex_preset",
        index=presets.index(start.aspect),
        format_func=lambda p: t(f"aspect.{p}", lang),
        disabled=fmt_code == "html",
    )
    all_towns = ui.towns()
    regs = region_names(lang)
    town_names = {
        i: t("export.town_option", lang, town=n, region=regs.get(r, r))
        for i, n, r in zip(
            all_towns.town_id, names(all_towns, lang), all_towns.region_iso, strict=True
        )
    }
    labels = st.multiselect(
        t("export.labels", lang),
        sorted(town_names, key=town_names.get),
        format_func=town_names.get,
        default=[
            i
            for i in ("RU-TA-naberezhnye-chelny", "RU-ROS-gukovo", "RU-IRK-usole-sibirskoe")
            if i in town_names
        ],
        key="ex_labels",
        disabled=fmt_code == "html",
        help=t("export.labels_help", lang),
        placeholder=t("export.labels_placeholder", lang),
    )
    where_query = tuple(sorted(flt.to_query().items()))
    # the URL reproduces this slide: Explore's filters and edition, then the export's own choices
    for k in list(st.query_params):
        if k != "lang":
            del st.query_params[k]
    st.query_params.update(flt.to_query())
    if edition != "latest":
        st.query_params["edition"] = edition
    st.query_params.update(
        {
            k: v
            for k, v in {
                "extent": extent_kind,
                "focus": region or corridor,
                "format": fmt_code,
                "aspect": preset,
            }.items()
            if k in EXPORT_PARAMS and v
        }
    )
    if st.button(t("export.build", lang), type="primary", key="ex_build", disabled=not layers):
        with st.status(t("export.building", lang), expanded=False) as status:
            with tempfile.TemporaryDirectory() as tmp:
                info = export_map(
                    Path(tmp),
                    layers=layers or None,
                    region=region,
                    corridor=corridor,
                    title=title or None,
                    lang=lang,
                    preset=preset,
                    labels=labels,
                    edition=edition,
                    where=flt,
                    fmt_code=fmt_code,
                )
                path = Path(info["path"])
                st.session_state["export_file"] = (path.read_bytes(), path.name)
            size = t(
                "export.built",
                lang,
                size=f"{fmt.number(info['bytes'] / 1e6, lang, 2)} {t('unit.mb', lang)}",
            )
            status.update(label=size, state="complete")
    if "export_file" in st.session_state:
        data, name = st.session_state["export_file"]
        st.download_button(
            t("export.download", lang, name=name), data, name, key="ex_dl", on_click="ignore"
        )

with right:
    st.subheader(t("export.preview", lang))
    if not layers:
        st.info(t("export.no_layers", lang))
    elif fmt_code == "html":
        st.caption(t("export.preview_html_caption", lang))
        m = ui.export_preview_map(
            tuple(layers), region, corridor, title, lang, edition, where_query
        )
        ui.show_map(m, key="ex_preview_map", height=460, returned_objects=[])
    else:
        st.caption(t("export.preview_caption", lang))
        png = ui.export_preview_png(
            tuple(layers),
            region,
            corridor,
            title,
            lang,
            preset,
            tuple(labels),
            edition,
            where_query,
        )
        st.image(png, width="stretch")
ui.footer(lang)
