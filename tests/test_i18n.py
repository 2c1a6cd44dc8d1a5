"""The catalogue: both languages for every key, no inline language ternaries, no literal text
passed to Streamlit; number, distance and date formatting per language."""

import ast
import datetime as dt
import math
from pathlib import Path

import pytest

from atlas import fmt, i18n
from atlas.i18n import STRINGS, column_label, edition_label, names, t, transliterate, vocab_label

ROOT = Path(__file__).resolve().parents[1]
PAGE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "pages").glob("*.py"))
ATLAS_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "atlas").rglob("*.py"))

# Streamlit calls whose first argument (or ``label=``) is text the reader sees
TEXT_CALLS = {
    "title", "header", "subheader", "caption", "markdown", "write", "text", "button", "selectbox",
    "radio", "multiselect", "checkbox", "toggle", "slider", "select_slider", "text_input",
    "text_area", "number_input", "date_input", "time_input", "info", "warning", "error", "success",
    "toast", "metric", "tabs", "expander", "download_button", "file_uploader", "link_button",
    "page_link", "status", "popover", "segmented_control", "pills", "color_picker", "form_submit_button",
    "spinner", "chat_input", "camera_input", "feedback",
}
TEXT_KWARGS = {"label", "help", "placeholder", "caption", "value"}
RECEIVERS = {"st", "sb", "sidebar", "status", "c1", "c2", "c3", "c4", "c5", "col", "left", "right",
             "tab", "box", "container", "expander", "form"}


# --- the catalogue ---------------------------------------------------------------------------

def test_every_key_has_both_languages():
    missing = [k for k, pair in STRINGS.items()
               if len(pair) != 2 or not all(isinstance(s, str) and s.strip() for s in pair)]
    assert not missing, f"keys without both languages: {missing}"


def test_no_key_is_written_twice():
    """Several people add keys at once: a repeated key silently replaces the first text."""
    tree = ast.parse((ROOT / "atlas" / "i18n.py").read_text(encoding="utf-8"))
    dupes = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            dupes += sorted({k for k in keys if keys.count(k) > 1})
    assert not dupes, dupes


def test_placeholders_match_between_languages():
    bad = [k for k, (ru, en) in STRINGS.items() if i18n.placeholders(ru) != i18n.placeholders(en)]
    assert not bad, bad


def test_english_side_has_no_cyrillic_except_quotes():
    """English text may quote a Russian word that the Russian text also has (a column name the
    uploader accepts, the language's own name); nothing else Cyrillic."""
    import re

    cyr = re.compile(r"[А-Яа-яЁё]+")
    bad = [k for k, (ru, en) in STRINGS.items() if set(cyr.findall(en)) - set(cyr.findall(ru))]
    assert not bad, bad


def test_t_fills_params_and_refuses_unknown_keys():
    assert t("export.download", "en", name="a.png") == "Download a.png"
    assert t("export.download", "ru", name="a.png") == "Скачать a.png"
    assert t("category", "xx") == "Категория"  # anything but "en" is the default, Russian
    with pytest.raises(KeyError):
        t("no.such.key", "ru")


def test_vocabularies_are_in_the_catalogue():
    assert vocab_label("specialization", "coal_mining", "en") == "Coal mining"
    assert vocab_label("category", 2.0, "ru").startswith("2 —")
    assert vocab_label("federal_district", "ural", "en") == "Ural Federal District"
    assert vocab_label("node_kind", "seaport", "ru") == "Морской порт"
    assert vocab_label("toser_kind", None, "en") == fmt.EMPTY
    assert vocab_label("science_kind", float("nan"), "en") == fmt.EMPTY
    for vocab in ("specialization", "toser_kind", "category", "science_kind", "side",
                  "corridor_mode", "federal_district", "node_kind"):
        codes = i18n.vocab_codes(vocab)
        assert codes, vocab
        assert all(i18n.has(f"{vocab}.{c}") for c in codes), vocab


def test_column_labels_are_human():
    assert column_label("dist_science_km", "en") == "To science, km"
    assert column_label("region_iso", "ru") == "Регион"
    assert "town_id" not in i18n.column_labels(["town_id", "region_iso"], "en").values()
    with pytest.raises(KeyError):
        column_label("no_such_column", "en")


def test_names_in_english_fall_back_to_a_transliteration():
    import pandas as pd

    df = pd.DataFrame({"name_ru": ["Усолье-Сибирское", "Жигулёвск", None], "name_en": ["", None, None]})
    assert list(names(df, "en")) == ["Usole-Sibirskoe", "Zhigulevsk", fmt.EMPTY]
    assert list(names(df, "ru")) == ["Усолье-Сибирское", "Жигулёвск", fmt.EMPTY]
    assert i18n.name({"name_ru": "Шахты", "name_en": "Shakhty"}, "en") == "Shakhty"
    assert transliterate("Щёкино") == "Shchekino"


def test_regions_by_name(regions):
    from atlas import names as by_code

    assert by_code.region_name("RU-KEM", "en") == "Kemerovo Oblast"
    assert by_code.region_name("RU-KEM", "ru") == "Кемеровская область"
    assert by_code.region_name(None, "en") == fmt.EMPTY
    assert len(by_code.region_names("en")) == len(regions)
    assert not hasattr(i18n, "region_name")  # the catalogue holds text, not data lookups


def test_every_code_in_the_data_has_a_label(towns):
    for vocab, col in (("specialization", "specialization"), ("toser_kind", "toser_kind"),
                       ("federal_district", "federal_district"), ("category", "category")):
        codes = {c for c in towns[col].dropna().unique()}
        if vocab == "category":
            codes = {int(c) for c in codes}
        raw = [c for c in codes if not i18n.has(f"{vocab}.{c}")]
        assert not raw, f"{vocab}: no label for {raw}"


def test_list_editions_read_in_both_languages():
    assert edition_label("1398-р, ред. 29.07.2014", "en") == "1398-r, first edition of 29 Jul 2014"
    assert edition_label("1398-р в ред. 668-р от 2015-04-16", "en") == "1398-r as amended by 668-r of 16 Apr 2015"
    assert edition_label("1398-р в ред. 668-р от 2015-04-16", "ru") == "1398-р в ред. 668-р от 16.04.2015"
    assert "not established" in edition_label(
        "1398-р в ред. распоряжения 2015 г. (номер и дата не установлены)", "en")


# --- formatting ---------------------------------------------------------------------------------

def test_numbers_group_thousands_per_language():
    assert fmt.integer(1234567, "ru") == "1\u202f234\u202f567"
    assert fmt.integer(1234567, "en") == "1,234,567"
    assert fmt.number(2.25, "ru", 1) in ("2,2", "2,3")
    assert fmt.number(-3.5, "en", 1) == "\u22123.5"


def test_distances_have_sensible_decimals_and_units():
    assert fmt.km(171.25, "ru") == "171\u00a0км"
    assert fmt.km(171.25, "en") == "171\u00a0km"
    assert fmt.km(4.26, "ru") == "4,3\u00a0км"
    assert fmt.km(4.26, "en") == "4.3\u00a0km"
    assert fmt.km(12345.6, "ru") == "12\u202f346\u00a0км"
    assert fmt.distance(9.96, "en") == "10.0"


@pytest.mark.parametrize("empty", [None, float("nan"), "", "None", math.nan])
def test_missing_values_are_a_dash(empty):
    import pandas as pd

    for f in (fmt.integer, fmt.km, fmt.date, fmt.percent):
        assert f(empty, "en") == "—"
    assert fmt.text(empty) == "—"
    assert fmt.integer(pd.NA, "ru") == "—"


def test_dates_and_shares_per_language():
    assert fmt.date("2014-07-29", "ru") == "29.07.2014"
    assert fmt.date(dt.date(2014, 7, 29), "en") == "29 Jul 2014"
    assert fmt.percent(0.125, "ru", 1) == "12,5\u00a0%"
    assert fmt.percent(0.125, "en", 1) == "12.5%"
    assert fmt.year(2018.0) == "2018"


# --- no literal text on screen, no inline language ternaries -----------------------------------

def _has_letters(node) -> bool:
    """A literal (or an f-string / concatenation / conditional with a literal part) with letters."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_has_letters(v) for v in node.values if isinstance(v, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _has_letters(node.left) or _has_letters(node.right)
    if isinstance(node, ast.IfExp):
        return _has_letters(node.body) or _has_letters(node.orelse)
    return False


def literal_text_calls(path: str) -> list[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in TEXT_CALLS):
            continue
        base = node.func.value
        while isinstance(base, ast.Attribute):
            base = base.value
        if not (isinstance(base, ast.Name) and (base.id in RECEIVERS or base.id.startswith(("c", "col")))):
            continue
        args = node.args[:1] + [k.value for k in node.keywords if k.arg in TEXT_KWARGS]
        if node.func.attr in ("tabs",) and node.args and isinstance(node.args[0], (ast.List, ast.Tuple)):
            args = list(node.args[0].elts)
        for a in args:
            if _has_letters(a):
                found.append(f"{path}:{node.lineno}: st.{node.func.attr}({ast.unparse(a)[:70]})")
    return found


@pytest.mark.parametrize("path", PAGE_FILES + ["atlas/ui.py"])
def test_pages_show_only_catalogue_text(path):
    found = literal_text_calls(path)
    assert not found, "text not from the catalogue (use atlas.i18n.t):\n" + "\n".join(found)


def test_the_literal_scan_catches_literals():
    import tempfile

    src = ('import streamlit as st\nst.title("Hello")\nst.sidebar.radio(f"Pick {1}", [1])\n'
           'c1.metric("km" if ru else "км", 3)\nst.button(t("x", lang))\nst.write(name)\n'
           'st.caption("—")\n')
    with tempfile.NamedTemporaryFile("w", suffix=".py", dir=ROOT / "tests", delete=False) as f:
        f.write(src)
    try:
        found = literal_text_calls(Path(f.name).relative_to(ROOT).as_posix())
    finally:
        Path(f.name).unlink()
    assert [x.split(":")[1] for x in found] == ["2", "3", "4"]


def _lang_ternaries(path: str) -> list[str]:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.IfExp):
            test = ast.unparse(node.test)
            if (("lang" in test and ("'ru'" in test or "'en'" in test)) or test in ("ru", "not ru")) \
                    and (_has_letters(node.body) or _has_letters(node.orelse)):
                out.append(f"{path}:{node.lineno}: {ast.unparse(node)[:80]}")
    return out


@pytest.mark.parametrize("path", PAGE_FILES + ATLAS_FILES)
def test_no_inline_language_ternaries(path):
    if path in ("atlas/i18n.py", "atlas/fmt.py"):
        return
    found = _lang_ternaries(path)
    assert not found, "use atlas.i18n.t instead:\n" + "\n".join(found)
