"""Language is state, every screen in the reader's language, a clean start (AppTest, no browser)."""

import ast
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 180
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# internal ids and column names that must never reach the screen
RAW = re.compile(r"\b(town_id|name_ru|name_en|region_iso|dist_science_km|nearest_science_id|"
                 r"category_as_of|toser_kind|monotowns_in_list|located_total|science_ras_centre|"
                 r"fu-ural|transsib|category 2014|None|nan|NaN)\b")


def run(path, query=None, at=None):
    at = at or AppTest.from_file(str(ROOT / path), default_timeout=TIMEOUT)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def screen_text(at, cells: bool = True) -> list[str]:
    """Every text the reader sees: titles, markdown, captions, labels, options, metrics, alerts,
    table headers (and cells with ``cells=True``)."""
    out = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error",
                 "success", "code"):
        out += [e.value for e in at.get(kind)]
    for kind in ("radio", "selectbox", "multiselect", "checkbox", "slider", "text_input",
                 "button", "download_button", "expander", "tab", "status"):
        for e in at.get(kind):
            if getattr(e, "label", None):
                out.append(e.label)
            out += [str(o) for o in getattr(e, "options", None) or []]
            if getattr(e, "placeholder", None):
                out.append(e.placeholder)
    for m in at.metric:
        out += [m.label, str(m.value)]
    for d in list(at.dataframe) + list(at.table):
        df = d.value
        out += [str(c) for c in df.columns]  # (an index is hidden on these pages: not read)
        if cells:
            out += [str(v) for v in df.astype(str).to_numpy().ravel()]
    return out


# --- Sources ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ru", "en"])
def test_sources_page_in_both_languages(lang):
    at = run("pages/sources.py", {"lang": lang})
    text = screen_text(at)
    joined = "\n".join(text)
    assert "CC BY 4.0" in joined and "Natural Earth" in joined
    assert "RU-CR" in joined  # the boundary policy as atlas.policy states it
    assert not RAW.findall(joined), sorted(set(RAW.findall(joined)))
    counts = next(d.value for d in at.table if len(d.value) > 20).reset_index()
    if lang == "en":
        assert counts.columns.tolist() == ["Item", "Value"]
        assert "Monotowns in the list" in set(counts["Item"])
        labels = screen_text(at, cells=False)
        assert not [s for s in labels if CYRILLIC.search(s) and "Русский" not in s and "Язык" not in s]
        assert not any(CYRILLIC.search(v) for v in counts.astype(str).to_numpy().ravel())
    else:
        assert "Моногородов в перечне" in set(counts.iloc[:, 0])
        assert any("общественное достояние" in s for s in text)
    # numbers are grouped for the language: 133 901 in Russian, 133,901 in English
    vertices = "133\u202f901" if lang == "ru" else "133,901"
    assert vertices in set(counts.iloc[:, 1])


def test_sources_page_every_build_count_has_a_label():
    from atlas.paths import data_dir
    from atlas.views import build_count_label, parse_build_counts

    counts = parse_build_counts((data_dir() / "build_report.txt").read_text(encoding="utf-8"))
    assert len(counts) > 30
    missing = [k for k in counts if build_count_label(k, "en") is None]
    assert not missing, f"add count.<key> to atlas.i18n for: {missing}"


def test_sources_page_shows_sector_definitions_when_present():
    from atlas import vocab

    at = run("pages/sources.py", {"lang": "en"})
    has_defs = bool(getattr(vocab, "SPECIALIZATION_DEFINITIONS", None))
    assert any("Sectors of specialization" in s.value for s in at.subheader) == has_defs
    if has_defs:
        text = " ".join(m.value for m in at.expander[0].markdown)
        assert "**Coal mining.**" in text and "coke" in text


# --- Export ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["ru", "en"])
def test_export_page_in_both_languages(lang):
    at = run("pages/export.py", {"lang": lang})
    layers = at.multiselect(key="ex_layers")
    expected = {"ru": {"Регионы", "Научные центры", "Моногорода"},
                "en": {"Regions", "Science centres", "Monotowns"}}[lang]
    assert expected <= set(layers.options)  # layer names, not ids
    assert not set(layers.options) & {"regions", "science", "towns", "toser", "corridors"}
    at.selectbox(key="ex_fmt").set_value("png").run()
    assert not at.exception
    assert len(at.get("image")) == 1  # the preview of the static export
    joined = "\n".join(screen_text(at))
    assert not RAW.findall(joined), sorted(set(RAW.findall(joined)))
    if lang == "en":
        labels = at.multiselect(key="ex_labels")
        assert any(o.startswith("Naberezhnyye Chelny — Republic of Tatarstan") for o in labels.options)
        assert not [s for s in screen_text(at, cells=False)
                    if CYRILLIC.search(s) and "Русский" not in s and "Язык" not in s]


def test_export_html_preview_and_build():
    at = run("pages/export.py", {"lang": "en"})
    at.selectbox(key="ex_fmt").set_value("html")
    at.radio(key="ex_extent").set_value("region").run()
    assert not at.exception
    assert len(at.get("image")) == 0 and any("HTML" in c.value for c in at.caption)
    at.button(key="ex_build").click().run()
    assert not at.exception
    dl = at.get("download_button")
    assert len(dl) == 1 and "Download" in dl[0].proto.label


# --- language is state --------------------------------------------------------------------------------

def test_switching_language_keeps_every_widget_value():
    at = run("pages/export.py", {"lang": "ru"})
    at.radio(key="ex_extent").set_value("corridor").run()
    at.selectbox(key="ex_fmt").set_value("svg").run()
    at.multiselect(key="ex_layers").set_value(["regions", "towns"]).run()
    at.radio(key="lang_switch").set_value("en").run()
    assert not at.exception
    assert at.query_params["lang"] in ("en", ["en"])
    assert at.title[0].value == "Export the map"
    assert at.radio(key="ex_extent").value == "corridor"
    assert at.radio(key="ex_extent").index == 3  # shown as selected, not blank
    assert at.selectbox(key="ex_fmt").value == "svg"
    assert at.multiselect(key="ex_layers").value == ["regions", "towns"]
    # and back again
    at.radio(key="lang_switch").set_value("ru").run()
    assert at.radio(key="ex_extent").value == "corridor"
    assert at.title[0].value == "Экспорт карты"


def _filter_app():
    import streamlit as st

    from atlas import ui
    from atlas.analysis.filters import TownFilter

    lang = ui.lang()
    flt = ui.filter_sidebar(ui.towns(), ui.regions_display(), TownFilter.from_query(st.query_params), lang)
    st.write(flt.toser)
    st.write(",".join(flt.federal_districts))


def test_sidebar_filters_keep_their_values_across_a_language_switch():
    at = AppTest.from_function(_filter_app, default_timeout=TIMEOUT)
    at.run()
    at.sidebar.radio(key="f_toser").set_value("yes").run()
    at.sidebar.multiselect(key="f_fd").set_value(["ural"]).run()
    assert "Уральский федеральный округ" in at.sidebar.multiselect(key="f_fd").format_func("ural")
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception
    toser = at.sidebar.radio(key="f_toser")
    assert toser.value == "yes" and toser.index == 1
    assert at.sidebar.multiselect(key="f_fd").value == ["ural"]
    assert [m.value for m in at.markdown][:2] == ["yes", "ural"]


def test_language_survives_a_page_change_without_the_url_parameter():
    at = run("pages/sources.py", {"lang": "en"})
    del at.query_params["lang"]  # a link that dropped it: the session still knows
    at.run()
    assert at.title[0].value.startswith("Sources")
    assert at.query_params["lang"] in ("en", ["en"])  # and it is written back into the URL


def test_every_menu_link_carries_the_language():
    at = run("atlas/streamlit_app.py", {"lang": "en"})
    assert at.title[0].value == "Atlas of Russia's monotowns"
    links = at.sidebar.get("page_link")  # the menu (Explore's "export this view" is on the page)
    assert [link.proto.label for link in links] == ["Explore", "Science access", "Corridors", "Export",
                                                    "Sources"]
    assert all(link.proto.query_string == "lang=en" for link in links)
    assert [link.proto.page for link in links] == ["explore", "science", "corridors", "export", "sources"]


def test_switching_language_in_the_app_retitles_the_menu_and_keeps_the_page():
    at = run("atlas/streamlit_app.py", {"lang": "ru"})
    assert [link.proto.label for link in at.sidebar.get("page_link")][0] == "Карта"
    at.sidebar.radio(key="lang_switch").set_value("en").run()
    assert not at.exception
    links = at.sidebar.get("page_link")
    assert links[0].proto.label == "Explore" and all(x.proto.query_string == "lang=en" for x in links)
    assert at.title[0].value == "Atlas of Russia's monotowns"


def test_each_page_has_its_own_url_and_explore_answers_at_its_name():
    from atlas import ui

    urls = [u for _, _, u in ui.PAGE_SPECS]
    assert urls == ["explore", "science", "corridors", "export", "sources"]
    src = (ROOT / "atlas" / "ui.py").read_text(encoding="utf-8")
    # the start page ("/") is a second Page of explore.py, so /explore is a page of its own
    assert '_page(key, file, "start", lang_code, default=True)' in src


# --- a clean start -------------------------------------------------------------------------------

def test_streamlit_config_is_quiet_and_headless():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert cfg["server"]["headless"] is True
    assert cfg["server"]["showEmailPrompt"] is False
    assert cfg["browser"]["gatherUsageStats"] is False
    assert cfg["client"]["toolbarMode"] == "viewer"
    assert cfg["client"]["showSidebarNavigation"] is False


def test_atlas_app_is_headless_by_default(monkeypatch):
    import subprocess

    from atlas import cli

    seen = {}

    class FakeProc:
        def __init__(self, cmd, **kw):
            seen["cmd"], seen["kw"] = cmd, kw

        def wait(self):
            return 0

        def poll(self):
            return 0

    monkeypatch.setattr(subprocess, "Popen", FakeProc)
    assert cli.main(["app", "--port", "8599"]) == 0
    cmd = seen["cmd"]
    opt = dict(zip(cmd[5::2], cmd[6::2], strict=False))
    assert opt["--server.port"] == "8599"
    assert opt["--server.headless"] == "true"
    assert opt["--server.showEmailPrompt"] == "false"
    assert opt["--browser.gatherUsageStats"] == "false"
    assert seen["kw"]["stdin"] == subprocess.DEVNULL


FILES = sorted(p.relative_to(ROOT).as_posix() for p in list((ROOT / "pages").glob("*.py"))
               + list((ROOT / "atlas").rglob("*.py")))


@pytest.mark.parametrize("path", FILES)
def test_no_deprecated_use_container_width(path):
    """Streamlit 1.5x+ deprecates ``use_container_width`` (width="stretch"); st_folium's own
    argument of that name is not Streamlit's."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    bad = [f"{path}:{n.lineno}" for n in ast.walk(tree)
           if isinstance(n, ast.Call) and any(k.arg == "use_container_width" for k in n.keywords)
           and not (isinstance(n.func, ast.Name) and n.func.id == "st_folium")]
    assert not bad, bad


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_town_card_and_popup_are_human(towns, lang):
    from atlas.maps.popups import town_card, town_tooltip
    from atlas.views import town_card_rows

    row = towns[towns.town_id == "RU-TA-naberezhnye-chelny"].iloc[0]
    rec = row.drop(labels="geometry").to_dict()
    html = town_card(rec, lang) + town_tooltip(rec, lang)
    card = town_card_rows(row, lang)
    text = html + " ".join(card.astype(str).to_numpy().ravel())
    assert not RAW.findall(text), sorted(set(RAW.findall(text)))
    assert not re.search(r"\bfu-|\bnru-|\bras-|GeoNames \d+\.0", text)  # centre ids, float ids
    region = {"ru": "Республика Татарстан", "en": "Republic of Tatarstan"}[lang]
    assert region in html and region in set(card.iloc[:, 1])
    if lang == "en":
        assert "Naberezhnyye Chelny" in html
        assert not CYRILLIC.search(" ".join(card.iloc[:, :2].astype(str).to_numpy().ravel()))
