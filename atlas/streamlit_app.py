"""Monotown Atlas — Streamlit entry point (`atlas app`, or `streamlit run atlas/streamlit_app.py`).

This file sits inside the package, not next to the top-level ``pages/`` folder, on purpose:
Streamlit treats an entry point with a sibling ``pages/`` folder as an old-style multipage app
until ``st.navigation`` has run once in the server, so a fresh server given a deep link such
as ``/corridors?corridor=bam`` would run that page file alone (no page config, file names in
the menu). Here the pages are listed explicitly, with absolute paths.
"""

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).resolve().parents[1] / "pages"

st.set_page_config(page_title="Атлас моногородов / Monotown Atlas", page_icon="🏭", layout="wide")

pages = [
    st.Page(PAGES / "explore.py", title="Карта / Explore", default=True, url_path="explore"),
    st.Page(PAGES / "science.py", title="Наука / Science access", url_path="science"),
    st.Page(PAGES / "corridors.py", title="Коридоры / Corridors", url_path="corridors"),
    st.Page(PAGES / "export.py", title="Экспорт / Export", url_path="export"),
    st.Page(PAGES / "sources.py", title="Источники / Sources", url_path="sources"),
]
st.navigation(pages).run()
