"""Monotown Atlas — Streamlit entry point (`atlas app` or `streamlit run streamlit_app.py`)."""

import streamlit as st

st.set_page_config(page_title="Атлас моногородов / Monotown Atlas", page_icon="🏭", layout="wide")

pages = [
    st.Page("pages/explore.py", title="Карта / Explore", default=True, url_path="explore"),
    st.Page("pages/science.py", title="Наука / Science access", url_path="science"),
    st.Page("pages/corridors.py", title="Коридоры / Corridors", url_path="corridors"),
    st.Page("pages/export.py", title="Экспорт / Export", url_path="export"),
    st.Page("pages/sources.py", title="Источники / Sources", url_path="sources"),
]
st.navigation(pages).run()
