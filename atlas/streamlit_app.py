"""Monotown Atlas — Streamlit entry point (`atlas app`, or `streamlit run atlas/streamlit_app.py`).

This file sits inside the package, not next to the top-level ``pages/`` folder, on purpose:
Streamlit treats an entry point with a sibling ``pages/`` folder as an old-style multipage app
until ``st.navigation`` has run once in the server, so a fresh server given a deep link such
as ``/corridors?corridor=bam`` would run that page file alone (no page config, file names in
the menu). The pages are listed in ``atlas.ui.PAGE_SPECS`` with absolute paths: Explore is
the start page at ``/`` and also answers at ``/explore``; the others at ``/science``,
``/corridors``, ``/export`` and ``/sources``. Every page keeps ``?lang=``.
"""

import streamlit as st

from atlas import ui
from atlas.i18n import t

st.set_page_config(page_title=t("app.tab_title", ui.current_lang()), page_icon="🏭", layout="wide")
ui.navigation().run()
