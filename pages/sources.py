"""Sources, licences, the boundary policy and the build report."""

import streamlit as st

from atlas import ui
from atlas.paths import data_dir
from atlas.policy import ATTRIBUTION, BOUNDARY_POLICY

lang = ui.lang()
st.title("Источники и политика границ" if lang == "ru" else "Sources and boundary policy")
st.subheader("Политика границ" if lang == "ru" else "Boundary policy")
st.write(BOUNDARY_POLICY[lang])
st.subheader("Атрибуция" if lang == "ru" else "Attribution")
st.write(ATTRIBUTION[lang])
sources = data_dir() / "SOURCES.md"
if sources.exists():
    st.markdown(sources.read_text(encoding="utf-8"))
report = data_dir() / "build_report.txt"
if report.exists():
    with st.expander("Отчёт сборки данных" if lang == "ru" else "Data build report"):
        st.code(report.read_text(encoding="utf-8"))
