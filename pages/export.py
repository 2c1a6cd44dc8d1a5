"""Export: the atlas map as offline HTML or a static figure, built only on request."""

import tempfile
from pathlib import Path

import streamlit as st

from atlas import ui
from atlas.export.figure import ALL_LAYERS, export_map

lang = ui.lang()
ru = lang == "ru"
st.title("Экспорт карты" if ru else "Export the map")
layers = st.multiselect("Слои" if ru else "Layers", ALL_LAYERS, default=ALL_LAYERS, key="ex_layers")
extent_kind = st.radio("Охват" if ru else "Extent", ["russia", "district", "region", "corridor"], horizontal=True,
                       format_func=lambda k: {"russia": "Россия" if ru else "Russia",
                                              "district": "Федеральный округ" if ru else "Federal district",
                                              "region": "Регион" if ru else "Region",
                                              "corridor": "Коридор" if ru else "Corridor"}[k], key="ex_extent")
region = corridor = None
regions = ui.regions_display()
if extent_kind == "district":
    region = st.selectbox("Округ" if ru else "District", sorted(regions.federal_district.unique()), key="ex_fd")
elif extent_kind == "region":
    names = dict(zip(regions.iso, regions.name_ru if ru else regions.name_en))
    region = st.selectbox("Регион" if ru else "Region", sorted(names, key=names.get), format_func=names.get, key="ex_reg")
elif extent_kind == "corridor":
    cors = ui.corridors()
    cnames = dict(zip(cors.corridor_id, cors.name_ru if ru else cors.name_en))
    corridor = st.selectbox("Коридор" if ru else "Corridor", list(cnames), format_func=cnames.get, key="ex_cor")
title = st.text_input("Заголовок" if ru else "Title", "Моногорода России" if ru else "Russia's monotowns", key="ex_title")
fmt = st.selectbox("Формат" if ru else "Format", ["html", "png", "svg", "pdf"], key="ex_fmt",
                   format_func=lambda f: {"html": "HTML (офлайн)" if ru else "HTML (offline)"}.get(f, f.upper()))
preset = st.radio("Пропорции" if ru else "Aspect", ["16:9", "4:3"], horizontal=True, key="ex_preset",
                  disabled=fmt == "html")
all_towns = ui.towns()
label_names = dict(zip(all_towns.town_id, all_towns.name_ru))
labels = st.multiselect("Подписать города (PNG/SVG/PDF)" if ru else "Label towns (PNG/SVG/PDF)",
                        sorted(label_names, key=label_names.get), format_func=label_names.get,
                        default=["RU-TA-naberezhnye-chelny", "RU-ROS-gukovo", "RU-IRK-usole-sibirskoe"],
                        key="ex_labels", disabled=fmt == "html")
if st.button("Собрать файл" if ru else "Build file", type="primary", key="ex_build"):
    with st.status("Собираю…" if ru else "Building…", expanded=False) as status:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"monotowns.{fmt}"
            info = export_map(path, layers=layers or None, region=region, corridor=corridor,
                              title=title, lang=lang, preset=preset, labels=labels)
            st.session_state["export_file"] = (path.read_bytes(), path.name)
        status.update(label=f"{info['bytes'] / 1e6:.2f} MB", state="complete")
if "export_file" in st.session_state:
    data, name = st.session_state["export_file"]
    st.download_button(("Скачать " if ru else "Download ") + name, data, name, key="ex_dl", on_click="ignore")
ui.footer(lang)
