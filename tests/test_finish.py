"""#21 "Finish": numbers, plurals and order in the reader's language."""

from pathlib import Path

import pytest

from atlas import fmt
from atlas.i18n import t


@pytest.mark.parametrize(("n", "ru", "en"), [
    (1, "1 город", "1 town"), (2, "2 города", "2 towns"), (5, "5 городов", "5 towns"),
    (21, "21 город", "21 towns"), (22, "22 города", "22 towns"), (111, "111 городов", "111 towns"),
    (1000, "1\u202f000 городов", "1,000 towns"),
])
def test_counted_towns_use_the_plural_the_language_needs(n, ru, en):
    assert fmt.count(n, "towns", "ru") == ru
    assert fmt.count(n, "towns", "en") == en


def test_edition_texts_never_say_1_towns():
    import pandas as pd

    from atlas.views import edition_summary

    towns = pd.DataFrame({"category_as_of": ["1398-р, ред. 29.07.2014", "1398-р в ред. 668-р от 2015-04-16",
                                             "1398-р в ред. 668-р от 2015-04-16"]})
    en = edition_summary(towns, "en")
    assert "1 town" in en and "1 towns" not in en and "2 towns" in en
    assert "1 город" in edition_summary(towns, "ru")


def test_chart_numbers_follow_the_language():
    ru, en = fmt.vega_locale("ru")["number"], fmt.vega_locale("en")["number"]
    assert (ru["decimal"], ru["thousands"]) == (",", "\u202f")
    assert (en["decimal"], en["thousands"]) == (".", ",")
    assert fmt.significant(0.0032345, "ru") == "0,00323"
    assert fmt.significant(0.0032345, "en") == "0.00323"
    assert fmt.significant(12345.6, "ru", 3) == "12\u202f346"


def test_charts_carry_the_locale():
    import pandas as pd

    from atlas.views import corridor_strip_chart

    along = pd.DataFrame({"name_ru": ["Тайга"], "name_en": ["Tayga"], "chainage_km": [3570.0],
                          "offset_km": [2.0], "side": ["left"], "category": [2]})
    _, spec = corridor_strip_chart(along, "ru")
    assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_editions_picker_is_in_date_order():
    from atlas.editions import list_editions
    from atlas.views import edition_date_key, edition_options

    eds = list_editions()
    values, labels = edition_options(eds, "en")
    assert values[0] == "latest"
    keys = [edition_date_key(eds, a) for a in values[1:]]
    assert keys == sorted(keys) and set(values[1:]) == set(eds.act_id)
    # an act known by its year only goes after the dated acts of that year, before the next
    year_only = [a for a in eds.act_id if a == "unknown-2015"]
    if year_only:
        pos = values.index(year_only[0])
        assert edition_date_key(eds, values[pos - 1]).startswith("2015")
        assert edition_date_key(eds, values[pos + 1]) >= "2016"


def test_table_heads_its_name_column_town():
    from atlas.io import load_monotowns
    from atlas.views import explore_table

    towns = load_monotowns().head(3)
    assert explore_table(towns, "en").columns[0] == "Town"
    assert explore_table(towns, "ru").columns[0] == "Город"


def test_scale_bar_and_map_text_come_from_the_catalogue():
    from atlas.maps.live import CARD_TEXT

    assert t(CARD_TEXT["km"], "ru") == "км" and t(CARD_TEXT["measure"], "ru") == "Измерить"
    assert t(CARD_TEXT["measure"], "en") == "Measure"


def test_english_cards_name_places_in_english():
    from atlas.i18n import municipality_label, place_text

    assert municipality_label("Городской округ город Заринск", "en", "Заринск", "Zarinsk") == "Zarinsk urban okrug"
    assert municipality_label("Ашинское городское поселение", "en") == "Ashinskoe urban settlement"
    assert municipality_label("Городской округ город Заринск", "ru") == "Городской округ город Заринск"
    assert place_text("Новоалтайск", "en", "Новоалтайск", "Novoaltaysk") == "Novoaltaysk"
    assert place_text("Новоалтайск", "ru", "Новоалтайск", "Novoaltaysk") == "Новоалтайск"


def test_live_map_popup_has_english_toser_names():
    from atlas.io import load_regions, read_layer
    from atlas.maps.live import towns_payload

    towns = read_layer("monotowns")
    p = towns_payload(towns, load_regions())
    with_toser = [i for i, n in enumerate(p["toser_name"]) if n]
    assert with_toser
    for i in with_toser:
        en = p["toser_name_en"][i]
        assert en and not any("а" <= c.lower() <= "я" for c in en), en
    same = [i for i in with_toser if p["toser_name"][i] == p["name_ru"][i] and p["name_en"][i]]
    assert all(p["toser_name_en"][i] == p["name_en"][i] for i in same)



def test_russian_card_sources_have_no_english_labels():
    from atlas.io import read_layer
    from atlas.views import town_card_rows

    labels = ("population:", "specialization:", "history:", "note:", "year not stated", "text snippet",
              "cites earlier amendments", "mirror of the government", "as given in the Wikipedia article")
    towns = read_layer("monotowns")
    left = set()
    for _, row in towns.iterrows():
        for note in town_card_rows(row, "ru").iloc[:, 2]:
            left |= {lab for lab in labels if lab in str(note)}
    # the atlas's own labels are in Russian; quotations and publication names stay as they are
    assert not left
    english = town_card_rows(towns.iloc[0], "en").iloc[:, 2].tolist()
    assert not any("население:" in str(n) for n in english)


@pytest.mark.parametrize(("lang", "population", "missing"), [("en", "28,434", "—"), ("ru", "28\u202f434", "—")])
def test_explore_table_writes_numbers_for_the_page_language_not_the_browser(lang, population, missing):
    """The grid shows the Styler's display values; the browser's locale is never asked
    (a German browser once wrote 28.434 on the English page). The values underneath stay
    numbers, so the columns still sort by value."""
    import pyarrow as pa
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "pages" / "explore.py"),
                           default_timeout=120)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    arrow = at.dataframe[0].proto.arrow_data
    shown = pa.ipc.open_stream(arrow.styler.display_values).read_all().to_pandas()
    data = pa.ipc.open_stream(arrow.data).read_all().to_pandas()
    pop = t("population", lang)
    assert shown.loc["RU-ALT-aleysk", pop] == population
    assert data[pop].dtype.kind in "iuf"  # sortable by value
    road = next(c for c in shown.columns if c.startswith(("Road km", "До Москвы по авто")))
    assert shown.loc["RU-ALT-stepnoe-ozero", road] == missing


def test_russian_card_explains_the_2024_category_in_russian():
    """The basis of the 2024 category and its reason come from the catalogue in the reader's
    language, filled with the municipality's figures; no English sentence of the build shows."""
    import re

    from atlas.io import read_layer
    from atlas.views import town_card_rows

    towns = read_layer("monotowns")
    label_ru, label_en = t("card.category_basis", "ru"), t("card.category_basis", "en")
    latin = re.compile(r"\b[a-z]{3,}\b")
    seen = set()
    for _, row in towns.iterrows():
        ru = town_card_rows(row, "ru")
        basis = ru[ru.iloc[:, 0] == label_ru]
        assert len(basis) == 1, row.town_id
        reason = str(basis.iloc[0, 2])
        # file names and addresses of the cited sources are names, not words
        words = re.sub(r"https?://\S+|\S+\.(?:csv|md|html?)\b|BUL_MO_\d+", "", reason)
        assert reason != "—" and not latin.search(words), (row.town_id, reason)
        seen.add(row.category_2024_basis)
        en = town_card_rows(row, "en")
        reason_en = str(en[en.iloc[:, 0] == label_en].iloc[0, 2])
        quoted = str(row.category_2024_note).split(": ", 1)[-1]  # a cited source's own words stay as written
        own = re.sub(r"«[^»]*»", "", reason_en.replace(quoted, ""))
        assert not re.search(r"[а-яё]{4,}", own), (row.town_id, reason_en)
    assert {"rosstat", "rosstat_district", "inferred_district"} <= seen
    # the figures are the municipality's: Бакал's district holds two towns, lowest category 1
    bakal = towns[towns.name_ru == "Бакал"].iloc[0]
    reason = town_card_rows(bakal, "ru")
    reason = str(reason[reason.iloc[:, 0] == label_ru].iloc[0, 2])
    assert "Саткинский" in reason and "2 моногорода" in reason and "№ 614" in reason


def test_seaports_have_russian_names_in_russian():
    from atlas.io import read_layer

    nodes = read_layer("logistics_nodes")
    ports = nodes[nodes.kind == "seaport"]
    assert len(ports) >= 60
    latin = ports[ports.name_ru.str.contains(r"[A-Za-z]", regex=True)]
    assert latin.empty, latin.name_ru.tolist()
    assert "Порт Архангельск" in set(ports.name_ru)


# Names of publications, datasets and licences that stay in Latin letters on a Russian card
# (everything else Latin must be an address, a file, a repository path or a quotation «…»)
PUBLICATION_NAMES = {"GeoNames", "cities500", "OpenStreetMap", "ODbL", "REGNUM", "Interfax"}


def _outside_quotes(text: str) -> str:
    """``text`` without addresses, file names, repository paths and commits, «…» quotations and
    Wikipedia editions ("ru.wikipedia"): what is left is the atlas's own wording."""
    import re

    text = re.sub(r"https?://\S+|\b[\w.-]+\.(?:ru|com|org|net|de|info|su)\b(?:/\S*)?", " ", text)
    text = re.sub(r"\S+\.(?:csv|md|html?|pdf|xlsx?|zip|json|parquet|txt|mjs|xml)\b|\b[\w.-]+/[\w./-]+|"
                  r"@[0-9a-f]{7,40}\b|\b[a-z]{2}\.wiki(?:pedia|voyage)\b", " ", text)
    return re.sub(r"«[^«»]*(?:«[^«»]*»[^«»]*)*»", " ", text)


def test_russian_cards_have_no_english_words_and_english_cards_no_russian_labels():
    """Every town card, whole: in Russian no Latin word but the names of publications; in English
    no Cyrillic in the fields and values, and the atlas's own Russian labels inside source notes
    ("население:", "Росстат, таблица", the census, the Government order) written in English.
    Quotations «…» and the curators' accounts of what a Russian source says stay as written."""
    import re

    from atlas.io import read_layer
    from atlas.views import town_card_rows

    latin, cyrillic = re.compile(r"\b[a-zA-Z]{3,}\b"), re.compile(r"[а-яёА-ЯЁ]{2,}")
    labels_ru = re.compile(r"население:|специализация:|ВПН-2021 \(свод городов|Росстат, таблица|\d руб\.|"
                           r"Распоряжение Правительства РФ|ПРИБЛИЗИТЕЛЬНО|Координаты|по статье Википедии|"
                           r"акта unknown-")
    towns = read_layer("monotowns")
    ru_left, en_left = {}, {}
    for _, row in towns.iterrows():
        for field, value, source in town_card_rows(row, "ru").astype(str).itertuples(index=False):
            words = set(latin.findall(_outside_quotes(f"{field} {value} {source}"))) - PUBLICATION_NAMES
            if words:
                ru_left[(row.town_id, field)] = words
        for field, value, source in town_card_rows(row, "en").astype(str).itertuples(index=False):
            own = _outside_quotes(f"{field} {value}")
            words = set(cyrillic.findall(own)) | set(labels_ru.findall(_outside_quotes(source)))
            if words:
                en_left[(row.town_id, field)] = words
    assert not ru_left, list(ru_left.items())[:10]
    assert not en_left, list(en_left.items())[:10]
    # the OpenStreetMap credit and a wage's transcription note read in Russian
    asha = town_card_rows(towns[towns.name_ru == "Аша"].iloc[0], "ru").astype(str)
    assert "© участники OpenStreetMap (ODbL)" in set(asha.iloc[:, 2])
    assert not asha.iloc[:, 2].str.contains("as transcribed|contributors").any()
    # our note on a town's changed sector is written in English, not transliterated Russian
    changed = towns[towns.specialization_historical.notna() & towns.specialization_note.notna()]
    label = t("card.specialization_historical", "en")
    for _, row in changed.iterrows():
        card = town_card_rows(row, "en").astype(str)
        note = card[card.iloc[:, 0] == label].iloc[0, 2]
        assert note == row.specialization_note_en, row.town_id


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_build_counts_are_written_in_the_readers_language(lang):
    """The Sources page's build counts: the values the build writes in English ("21904 nodes, …",
    "routed … km; …", "large_airport 15") are told through the catalogue, codes never shown."""
    import re

    from atlas.paths import data_dir
    from atlas.views import build_count_table, parse_build_counts

    table = build_count_table(parse_build_counts((data_dir() / "build_report.txt").read_text(encoding="utf-8")),
                              lang).astype(str)
    text = re.sub(r"«[^«»]*»|\"[^\"]*\"|\S+\.(?:csv|md)\b", " ", " ".join(" ".join(r) for r in table.values))
    assert not re.search(r"\b[a-z0-9]+_[a-z0-9_]+\b", text)  # no raw codes (large_airport, m10_m11)
    if lang == "ru":
        assert set(re.findall(r"\b[a-zA-Z]{3,}\b", text)) <= PUBLICATION_NAMES | {"searoute", "LOCODE"}
    else:
        assert not re.search(r"[а-яёА-ЯЁ]{2,}", text)


def test_corridors_are_not_called_schematic_and_sources_list_the_neighbours_layer():
    """Corridors are routed over the OSM network now (legs it lacks drawn straight, dashed);
    the licence table on the Sources page has the neighbouring-countries layer (SOURCES.md has it)."""
    from streamlit.testing.v1 import AppTest

    for key in ("legend_corridors", "corridors.method_text"):
        for lang in ("ru", "en"):
            assert "схемат" not in t(key, lang, anchors="").lower() and "schemat" not in t(key, lang, anchors="")
    assert "по сети" in t("legend_corridors", "ru") and "network" in t("legend_corridors", "en")
    for lang in ("ru", "en"):
        at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "pages" / "sources.py"),
                               default_timeout=120)
        at.query_params["lang"] = lang
        at.run()
        assert not at.exception
        licences = next(m.value for m in at.markdown if t("sources.col_licence", lang) in m.value)
        assert t("src.neighbours.layer", lang) in licences


@pytest.mark.parametrize(("lang", "top"), [("en", "684,709"), ("ru", "684\u202f709")])
def test_population_filter_writes_sizes_for_the_page_language(lang, top):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "pages" / "explore.py"),
                           default_timeout=120)
    at.query_params["lang"] = lang
    at.query_params["population_min"] = "12345"  # a size off the ladder, from a shared link, is kept
    at.run()
    assert not at.exception
    pop = at.select_slider(key="f_pop")
    assert pop.options[-1] == top and pop.options[0] == "0"
    assert pop.value == (12345, 684709)
    assert all(n >= 12345 for n in at.dataframe[0].value[t("population", lang)])
    pop.set_range(100_000, 684709).run()
    shown = at.dataframe[0].value[t("population", lang)]
    assert len(shown) and (shown >= 100_000).all()
    assert at.query_params["population_min"] in ("100000", ["100000"])


def test_claim_reading_writes_p_and_km_for_the_language():
    from atlas.analysis.claims import ToserComparison

    c = ToserComparison(84, 235, 1103.2, 125.0, 0.13, 0.21, 200.0, 0.0036312, 0.2)
    ru, en = c.reading("ru"), c.reading("en")
    assert "p = 0,00363" in ru and "1\u202f103 против 125 км" in ru and "дальше от науке" not in ru
    assert "p = 0.00363" in en and "1,103 vs 125 km" in en and "farther from science" in en
    assert "не значимо" not in ru and "значимо на уровне 5 %" in ru
