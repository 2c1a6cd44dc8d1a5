"""Streamlit AppTest for every page (no browser)."""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from atlas import fmt
from atlas.names import region_name

import atlas
from atlas.i18n import column_label
from atlas.io import load_monotowns

N_LATEST = len(load_monotowns())  # the list in force now (default edition)

TIMEOUT = 120
ROOT = Path(__file__).resolve().parents[1]


def run_page(path, query=None):
    at = AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start)).value


def test_entry_point_runs():
    at = AppTest.from_file(str(ROOT / "atlas" / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.run()
    assert not at.exception
    assert at.title[0].value == "Атлас моногородов России"
    assert any("GeoNames" in c.value for c in at.caption)
    assert any("RU-CR" in c.value for c in at.caption)  # boundary policy in the UI


def test_explore_headline_counts_and_table_agree():
    at = run_page("pages/explore.py")
    assert metric(at, "Моногорода") == str(N_LATEST)
    assert len(at.dataframe[0].value) == N_LATEST
    # the caption accounts for every shown town by list edition
    caption = next(c.value for c in at.caption if "редакциям" in c.value)
    # the default edition is the newest dated source, Rosstat's 2024 tables (issue #19)
    by_edition = load_monotowns().category_as_of.value_counts()
    for ed, n in by_edition.items():
        assert f"{ed} — {fmt.count(n, 'towns', 'ru')}" in caption
    assert sum(int(n) for n in re.findall(r"— (\d+) город", caption)) == N_LATEST


@pytest.mark.parametrize("query,check", [
    ({"categories": "1"}, lambda df: set(df["Категория"]) == {1}),
    ({"toser": "yes"}, lambda df: df["ТОСЭР"].all()),
    ({"toser": "no"}, lambda df: not df["ТОСЭР"].any()),
    ({"regions": "RU-KEM"}, lambda df: set(df["Регион"]) == {region_name("RU-KEM")}),  # by name
    ({"federal_districts": "ural"}, lambda df: set(df["Регион"]) <= {
        region_name(r) for r in ("RU-SVE", "RU-CHE", "RU-KGN", "RU-TYU", "RU-KHM", "RU-YAN")}),
    ({"specializations": "coal_mining"}, lambda df: set(df["Специализация"]) == {"Добыча угля"}),
    ({"toser_kinds": "far_east"}, lambda df: len(df) >= 1),
    ({"toser_year_min": "2018", "toser_year_max": "2018"},
     lambda df: df["ТОСЭР"].all() and set(df["Год ТОСЭР"]) == {"2018"}),  # years as text ("—" if none)
    ({"population_min": "100000"}, lambda df: (df["Население"] >= 100000).all()),
    ({"name": "челны"}, lambda df: list(df["Город"]) == ["Набережные Челны"]),
])
def test_each_filter_from_the_url(query, check):
    at = run_page("pages/explore.py", query)
    df = at.dataframe[0].value
    assert 0 < len(df) < N_LATEST
    assert check(df)
    assert metric(at, "Моногорода") == str(len(df))


def test_sidebar_filter_widget_updates_map_table_and_url():
    at = run_page("pages/explore.py")
    at.sidebar.multiselect(key="f_cat").set_value([1]).run()
    assert not at.exception
    assert len(at.dataframe[0].value) == 75 or set(at.dataframe[0].value["Категория"]) == {1}
    assert at.query_params["categories"] in ("1", ["1"])


def test_town_card_from_the_url_and_english():
    at = run_page("pages/explore.py", {"town": "RU-TA-naberezhnye-chelny", "lang": "en"})
    assert any("Naberezhnyye Chelny" in m.value for m in at.markdown)  # the English name in English
    card = at.table[0].value
    assert "Value" in card.columns and card["Source"].str.len().max() > 10
    assert len(at.dataframe) >= 2  # table + nearest monotowns (+ history, centres nearby)
    assert at.title[0].value == "Atlas of Russia's monotowns"


def test_science_page():
    at = run_page("pages/science.py")
    assert any("Манна–Уитни" in i.value for i in at.info)
    # issue #19: the economy comparison (one row per figure) comes before the ranking of every town
    economy, ranking = at.dataframe[0].value, at.dataframe[1].value
    assert len(ranking) == N_LATEST
    assert len(economy) == 4 and economy.iloc[:, 1].str.match(r"^\d+ / \d+$").all()
    assert any("BUL_MO_2024" in c.value for c in at.caption)  # the edition compared is named
    at.multiselect(key="sci_kinds").set_value(["naukograd"]).run()
    assert not at.exception
    assert any("p =" in i.value for i in at.info)


def test_corridors_page():
    at = run_page("pages/corridors.py")
    n50 = int(metric(at, "Городов"))
    at.slider(key="cor_w").set_value(150).run()
    assert not at.exception
    assert int(metric(at, "Городов")) > n50
    chain = column_label("chainage_km", "ru")
    df = next(d.value for d in at.dataframe if chain in d.value)
    assert len(df) == int(metric(at, "Городов"))
    assert df[chain].is_monotonic_increasing
    # the reader's language first, region names, words not codes (#20)
    assert list(df.columns[:2]) == [column_label("town", "ru"), column_label("town_latin", "ru")]
    assert not df[column_label("region", "ru")].str.match(r"^RU-").any()
    # the band on the map is optional; hiding it changes neither the count nor the table
    at.checkbox(key="cor_band").uncheck().run()
    assert not at.exception
    assert int(metric(at, "Городов")) == len(df)


def test_export_page_builds_only_on_click():
    at = run_page("pages/export.py")
    assert len(at.get("download_button")) == 0
    at.selectbox(key="ex_fmt").set_value("html")
    at.radio(key="ex_extent").set_value("region").run()
    at.button(key="ex_build").click().run()
    assert not at.exception
    assert len(at.get("download_button")) == 1


def test_sources_page():
    at = run_page("pages/sources.py")
    assert any("CC BY 4.0" in m.value for m in at.markdown)


def test_corridors_page_states_the_chainage_method():
    at = run_page("pages/corridors.py", {"corridor": "r255"})
    assert any("привязок: 34" in c.value for c in at.caption)
    method = " ".join(m.value for m in at.expander[0].markdown)
    assert "k-d" in method and "34 официальными километрами" in method
    anchors = at.expander[0].dataframe[0].value
    assert len(anchors) == 34
    assert anchors["км по маршруту"].is_monotonic_increasing
    assert anchors["Источник километра"].str.len().gt(0).all()
    # without anchors the page says chainage is measured along the line
    at = run_page("pages/corridors.py", {"corridor": "nsr"})
    assert "измерен по линии" in " ".join(m.value for m in at.expander[0].markdown)


def test_route_tool_between_two_towns_lists_the_towns_in_route_order():
    """#20: the Corridors page routes over the rail network and lists towns along the route."""
    at = run_page("pages/corridors.py")
    at.radio(key="cor_view").set_value("route").run()
    assert not at.exception
    towns = load_monotowns()
    a = towns[towns.name_ru == "Междуреченск"].town_id.iloc[0]
    b = towns[towns.name_ru == "Анжеро-Судженск"].town_id.iloc[0]
    at.selectbox(key="route_a").set_value(a)
    at.selectbox(key="route_b").set_value(b).run()
    assert not at.exception
    shown = float(at.metric[0].value.split("\u00a0")[0].replace("\u202f", "").replace(" ", ""))
    assert shown == round(atlas.rail_route(a, b).km)
    chain = column_label("chainage_km", "ru")
    df = next(d.value for d in at.dataframe if chain in d.value)
    assert df[chain].is_monotonic_increasing and len(df) >= 2
    assert at.subheader[0].value.startswith("Междуреченск")
    # a town and a port, by road
    at.radio(key="route_kind").set_value("port")
    at.radio(key="route_mode").set_value("road").run()
    assert not at.exception


def test_shared_layers_stay_unchanged_and_the_long_lived_heap_is_frozen():
    """Towns, regions and centres are one object per server (st.cache_resource, #18 load):
    no page run may change them. After a page has run, the long-lived heap is frozen out of
    the collector's sight and is not frozen again until new modules are imported."""
    import gc

    import pandas as pd

    from atlas import io, ui

    run_page("pages/explore.py", {"town": "RU-TA-naberezhnye-chelny", "choro": "count",
                                  "colour": "science", "cmp_from": "1398-р"})
    run_page("pages/science.py")
    run_page("pages/corridors.py")
    pd.testing.assert_frame_equal(ui.towns(), io.load_monotowns())
    pd.testing.assert_frame_equal(ui.towns("all"), io.load_monotowns("all"))
    pd.testing.assert_frame_equal(ui.regions_display(), io.load_regions(display=True))
    pd.testing.assert_frame_equal(ui.science(), io.load_science_centres())
    assert ui.towns() is ui.towns()
    assert gc.get_freeze_count() > 0
    assert ui.freeze_long_lived() is False  # nothing new imported since the last page run
