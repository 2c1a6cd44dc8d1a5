"""Slides that need no hand work (#22): region and filtered exports read as a reader would."""

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from atlas.analysis.filters import TownFilter
from atlas.cli import main
from atlas.export.figure import (
    draw_figure,
    export_map,
    figure_style,
    file_name,
    make_scene,
    project,
    slide_sizes_px,
)
from atlas.export.query import export_link_query, extent_from_query, parse_where, where_text
from atlas.i18n import names, t, vocab_label
from atlas.io import load_major_cities, load_monotowns, load_science_centres

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SVG = "{http://www.w3.org/2000/svg}"
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
KUZBASS = "RU-KEM"


def kuzbass_towns():
    towns = load_monotowns()
    return towns[towns.region_iso == KUZBASS]


def svg_texts(path: Path) -> list[tuple[str, str, str]]:
    """(group id, text, font-family) of every <text> element."""
    root = ET.parse(path).getroot()
    out = []
    for g in root.iter(f"{SVG}g"):
        for el in g.findall(f"{SVG}text"):
            family = re.search(r"font-family:\s*([^;]+)", el.get("style", ""))
            out.append((g.get("id", ""), "".join(el.itertext()), family.group(1) if family else ""))
    return out


@pytest.fixture(scope="module", params=["ru", "en"])
def kuzbass_svg(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(f"svg-{request.param}")
    info = export_map(out, region=KUZBASS, lang=request.param, fmt_code="svg")
    return Path(info["path"]), request.param


def test_svg_names_every_town_of_the_region_as_editable_text(kuzbass_svg):
    path, lang = kuzbass_svg
    texts = svg_texts(path)
    assert texts and all(family.strip("'\"") == "DejaVu Sans" for _, _, family in texts)
    shown = {text for gid, text, _ in texts if gid.startswith("town-label-") and "halo" not in gid}
    keyed = {re.sub(r"^\d+\s+", "", text) for gid, text, _ in texts if gid.startswith("key-entry")}
    expected = set(names(kuzbass_towns(), lang))
    assert len(expected) >= 20
    assert expected <= shown | keyed, expected - shown - keyed
    title = next(text for gid, text, _ in texts if gid.startswith("title"))
    from atlas.names import region_name

    assert title == t("export.region_title", lang, region=region_name(KUZBASS, lang))
    if lang == "en":
        assert not CYRILLIC.search(" ".join(text for _, text, _ in texts))


def test_svg_legend_lists_only_what_is_drawn(tmp_path):
    lang = "ru"
    with figure_style():
        scene = make_scene(region=KUZBASS, lang=lang)
        fig = draw_figure(scene)
        ax = fig.axes[0]
        x0, x1 = ax.get_xlim()
        y0, y1 = ax.get_ylim()
        entries = {
            t_.get_text()
            for a in fig.axes
            for t_ in a.texts
            if (t_.get_gid() or "").startswith("legend-entry")
        }
    import matplotlib.pyplot as plt

    plt.close(fig)
    sci = project(load_science_centres())
    inside = sci[
        (sci.geometry.x.between(x0, x1))
        & (sci.geometry.y.between(y0, y1))
        & sci.region_iso.eq(KUZBASS).to_numpy()
    ]
    all_kinds = {vocab_label("science_kind", k, lang) for k in sci.kind.unique()}
    drawn_kinds = {vocab_label("science_kind", k, lang) for k in inside.kind.unique()}
    assert drawn_kinds and drawn_kinds <= entries
    assert not (all_kinds - drawn_kinds) & entries  # no kind that is not on the map
    assert vocab_label("corridor_mode", "sea", lang) not in entries  # no sea route in Kuzbass
    assert vocab_label("corridor_mode", "rail", lang) in entries  # the Trans-Siberian is
    # a map of regions and towns only has no corridor, science or city entries at all
    out = export_map(
        tmp_path, region=KUZBASS, layers=["regions", "towns"], lang=lang, fmt_code="svg"
    )
    legend = {
        text for gid, text, _ in svg_texts(Path(out["path"])) if gid.startswith("legend-entry")
    }
    assert legend & {vocab_label("category", 1, lang), vocab_label("category", 2, lang)}
    assert not legend & (
        {vocab_label("corridor_mode", m, lang) for m in ("rail", "road", "sea")} | all_kinds
    )
    assert t("toser", lang) not in legend  # TOSER rings not asked for, so not in the legend


def test_science_kinds_have_their_own_colours_in_svg(kuzbass_svg):
    path, _ = kuzbass_svg
    svg = path.read_text(encoding="utf-8")
    from atlas.maps.palettes import SCIENCE_COLOURS

    centres = load_science_centres()
    kinds = set(centres[centres.region_iso == KUZBASS].kind)
    assert len(kinds) >= 2
    for k in kinds:
        assert SCIENCE_COLOURS[k].lower() in svg.lower(), k


def _pdf_info(data: bytes) -> dict[str, str]:
    """Title/Subject/Author of a PDF's Info dictionary (literal or UTF-16 hex strings)."""
    out = {}
    for key in ("Title", "Subject", "Author"):
        m = re.search(rb"/" + key.encode() + rb"\s*(<[0-9A-Fa-f]+>|\((?:\\.|[^\\)])*\))", data)
        assert m, key
        raw = m.group(1)
        if raw.startswith(b"<"):
            b = bytes.fromhex(raw[1:-1].decode())
        else:  # a literal string: backslash escapes, octal \ddd included
            b = re.sub(
                rb"\\([0-7]{1,3}|.)",
                lambda e: (
                    bytes([int(e.group(1), 8)])
                    if e.group(1)[:1].isdigit()
                    else {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(e.group(1), e.group(1))
                ),
                raw[1:-1],
            )
        out[key] = b[2:].decode("utf-16-be") if b[:2] == b"\xfe\xff" else b.decode("latin-1")
    return out


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_pdf_metadata_is_in_the_chosen_language(tmp_path, lang):
    info = export_map(
        tmp_path, region=KUZBASS, lang=lang, fmt_code="pdf", where=TownFilter(toser="yes")
    )
    meta = _pdf_info(Path(info["path"]).read_bytes())
    assert meta["Title"] == info["title"]
    assert meta["Author"] == t("export.meta_author", lang)
    assert t("export.f_toser_yes", lang) in meta["Subject"]
    if lang == "en":
        assert not CYRILLIC.search(" ".join(meta.values())), meta
    else:
        assert meta["Subject"].startswith("Карта моногородов")


def test_file_names_come_from_the_title_or_region(tmp_path):
    assert (
        file_name("Моногорода: Кемеровская область", "png") == "monogoroda-kemerovskaya-oblast.png"
    )
    assert file_name("  ", "svg") == "monotowns.svg"
    assert file_name("<script>/../x", "pdf") == "script-x.pdf"
    ru = export_map(
        tmp_path, region=KUZBASS, lang="ru", fmt_code="png", layers=["regions", "towns"]
    )
    en = export_map(
        tmp_path, region=KUZBASS, lang="en", fmt_code="png", layers=["regions", "towns"]
    )
    mine = export_map(tmp_path, title="Угольные моногорода", fmt_code="pdf", layers=["regions"])
    assert Path(ru["path"]).name == "monogoroda-kemerovskaya-oblast.png"
    assert Path(en["path"]).name == "monotowns-kemerovo-oblast.png"
    assert Path(mine["path"]).name == "ugolnye-monogoroda.pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        Path(x["path"]).name for x in (ru, en, mine)
    )


def test_png_slide_sizes(tmp_path):
    assert slide_sizes_px() == {"16:9": (2666, 1500), "4:3": (2000, 1500)}
    for aspect, size in slide_sizes_px().items():
        out = tmp_path / f"m-{aspect.replace(':', 'x')}.png"
        export_map(out, region=KUZBASS, preset=aspect, layers=["regions", "towns"])
        assert Image.open(out).size == size


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_region_export_screenshot(tmp_path, lang):
    """The Kuzbass slide in each language, kept in test-artifacts/ for a reviewer to look at."""
    info = export_map(tmp_path, region=KUZBASS, lang=lang, fmt_code="png")
    path = Path(info["path"])
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(path, ARTIFACTS / f"slide_kuzbass_{lang}.png")
    img = np.asarray(Image.open(path).convert("RGB"), dtype=int)
    assert img.shape[:2] == (1500, 2666)
    focus = (np.abs(img - np.array([0xFB, 0xF5, 0xE6])).sum(axis=2) < 6).mean()
    muted = (np.abs(img - np.array([0xE3, 0xE3, 0xE3])).sum(axis=2) < 6).mean()
    assert focus > 0.05 and muted > 0.1  # the region highlighted, its neighbours muted
    with figure_style():
        fig = draw_figure(make_scene(region=KUZBASS, lang=lang))
        placed = fig.placement
        boxes = placed.boxes
        import matplotlib.pyplot as plt

        plt.close(fig)
    named = {i.text for i in placed.labelled + placed.leadered} | {i.text for _, i in placed.keyed}
    assert set(names(kuzbass_towns(), lang)) <= named
    assert not [i.text for i in placed.skipped if i.gid.startswith("town")]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_crowded_map_falls_back_to_a_numbered_key():
    with figure_style():
        fig = draw_figure(make_scene(region="volga", lang="en"))
        keys = [
            x.get_text()
            for a in fig.axes
            for x in a.texts
            if (x.get_gid() or "").startswith("key-entry")
        ]
        numbers = [
            x.get_text()
            for a in fig.axes
            for x in a.texts
            if (x.get_gid() or "").startswith("key-number") and "halo" not in x.get_gid()
        ]
        placed = fig.placement
        import matplotlib.pyplot as plt

        plt.close(fig)
    assert placed.keyed and len(keys) == len(placed.keyed) == len(numbers)
    assert [k.split()[0] for k in keys] == [str(n) for n, _ in placed.keyed]
    assert placed.leadered  # leader lines are tried before a number


def test_major_cities_are_cited_context():
    cities = load_major_cities()
    assert len(cities) >= 100 and cities.source.str.contains("GeoNames").all()
    assert {"capital", "regional_centre", "large_city"} == set(cities.role)
    assert not cities.is_monotown.any()  # the curated table leaves monotowns out
    with figure_style():
        fig = draw_figure(make_scene(region=KUZBASS, lang="ru"))
        labels = {
            x.get_text() for x in fig.axes[0].texts if (x.get_gid() or "").startswith("city-label")
        }
        import matplotlib.pyplot as plt

        plt.close(fig)
    assert "Кемерово" in labels  # the regional centre names the map


def test_filters_travel_from_explore_to_export_and_the_cli(tmp_path):
    flt = TownFilter(regions=[KUZBASS], categories=[1, 2], toser="yes")
    query = export_link_query(flt, "2014-07-29", "en")
    assert (
        query["regions"] == KUZBASS and query["toser"] == "yes" and query["edition"] == "2014-07-29"
    )
    start = extent_from_query(query, TownFilter.from_query(query))
    assert (start.kind, start.focus, start.fmt) == ("region", KUZBASS, "png")
    again, edition = parse_where(
        "https://atlas.example/export?" + "&".join(f"{k}={v}" for k, v in query.items())
    )
    assert again == flt and edition == "2014-07-29"
    assert parse_where(where_text(flt))[0] == flt
    assert parse_where("categories=1,2;toser=yes")[0] == TownFilter(categories=[1, 2], toser="yes")
    with pytest.raises(ValueError):
        parse_where("category=1")
    scene = make_scene(where=flt, lang="ru")
    assert scene.focus == [KUZBASS] and set(scene.data.towns.toser) == {True}
    assert "с ТОСЭР" in scene.subtitle and "категория 1, 2" in scene.subtitle
    assert (
        main(
            [
                "map",
                "--where",
                "regions=RU-KEM;toser=yes",
                "--aspect",
                "4:3",
                "--format",
                "png",
                "-o",
                str(tmp_path),
            ]
        )
        == 0
    )
    out = tmp_path / "monogoroda-kemerovskaya-oblast.png"
    assert Image.open(out).size == (2000, 1500)
    new_folder = tmp_path / "deck"  # a folder that does not exist yet is made
    assert main(["map", "--region", KUZBASS, "--layers", "regions,towns", "--lang", "en",
                 "--format", "svg", "-o", f"{new_folder}/"]) == 0
    assert [p.name for p in new_folder.iterdir()] == ["monotowns-kemerovo-oblast.svg"]
    assert main(["map", "--region", KUZBASS]) == 2  # a folder without a format: a clear error


def test_export_page_reads_explore_filters_and_writes_a_permalink():
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[1]
    at = AppTest.from_file(str(root / "pages" / "export.py"), default_timeout=120)
    for k, v in {"lang": "en", "regions": KUZBASS, "toser": "yes", "format": "svg"}.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    assert (
        at.radio(key="ex_extent").value == "region" and at.selectbox(key="ex_reg").value == KUZBASS
    )
    assert at.selectbox(key="ex_fmt").value == "svg"
    assert at.radio(key="f_toser").value == "yes"
    q = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert q["regions"] == KUZBASS and q["toser"] == "yes" and q["extent"] == "region"
    assert q["focus"] == KUZBASS and q["format"] == "svg"


def test_explore_offers_export_this_view():
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[1]
    at = AppTest.from_file(str(root / "pages" / "explore.py"), default_timeout=120)
    for k, v in {"lang": "en", "regions": KUZBASS, "toser": "yes"}.items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    buttons = [b for b in at.get("link_button") if b.proto.label == "Export this view"]
    assert len(buttons) == 1
    url = buttons[0].proto.url
    assert url.startswith("export?") and "regions=RU-KEM" in url and "toser=yes" in url


def test_offline_html_carries_the_reader_script(tmp_path):
    out = tmp_path / "k.html"
    export_map(out, region=KUZBASS)
    html = out.read_text(encoding="utf-8")
    assert "linkify" in html and ".atlas-legend details" in html
    from atlas.export.html import check_offline

    check_offline(html)


@pytest.mark.browser
@pytest.mark.parametrize("size,folded", [((800, 600), True), ((1400, 900), False)])
def test_offline_html_folds_its_legend_on_small_screens_and_links_sources(
    browser, tmp_path, size, folded
):
    out = tmp_path / "k.html"
    export_map(out, region=KUZBASS, lang="en")
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = ctx.new_page()
    blocked = []
    ctx.route(
        "**/*",
        lambda r: (
            r.continue_()
            if r.request.url.startswith(("file:", "data:"))
            else (blocked.append(r.request.url), r.abort())
        ),
    )
    page.goto(out.as_uri())
    page.wait_for_selector(".atlas-legend details")
    assert page.evaluate("() => document.querySelector('.atlas-legend details').open") is (
        not folded
    )
    page.evaluate("""() => {
        const m = window[Object.keys(window).find(k => k.startsWith('map_'))];
        m.eachLayer(l => {
          if (l.feature && l.feature.properties && l.feature.properties._rows && !window._o) {
            window._o = 1; l.openPopup ? l.openPopup() : l.fire('click'); } }); }""")
    page.wait_for_timeout(300)
    links = page.evaluate("""() => [...document.querySelectorAll('.leaflet-popup-content a')]
        .map(a => [a.textContent, a.getAttribute('href'), a.target])""")
    assert links, "the opened town card's sources are links"
    for text, href, target in links:
        assert target == "_blank" and href in (text, "https://" + text)
    assert blocked == []
    ctx.close()


@pytest.mark.browser
def test_journey_explore_view_to_a_slide(app_url, offline_page):
    """Filter Explore on Kuzbass TOSER towns, press "Export this view": the Export page opens on
    the same filters framed on Kuzbass, and its URL (the permalink) reproduces the slide."""
    page = offline_page
    page.goto(app_url + "/explore?regions=RU-KEM&toser=yes&lang=en")
    link = page.get_by_role("link", name="Export this view")
    link.wait_for(timeout=90_000)
    link.click()
    page.wait_for_function("() => location.pathname.endsWith('/export')", timeout=60_000)
    page.wait_for_function("() => location.search.includes('extent=region')", timeout=90_000)
    search = page.evaluate("() => location.search")
    for part in ("regions=RU-KEM", "toser=yes", "focus=RU-KEM", "format=png", "lang=en"):
        assert part in search, search
    page.locator("img").first.wait_for(timeout=90_000)   # the slide's preview
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "journey_explore_to_slide.png"), full_page=True)
    assert page.blocked == []


def test_cities_build_takes_geonames_points_and_reports_gaps():
    import pandas as pd

    from atlas.build.cities import build_cities
    from atlas.build.gazetteer import Place
    from atlas.build.report import BuildReport

    table = pd.DataFrame({"city_id": ["a", "b", "c"], "name_ru": ["Кемерово", "Нет", "Юрга"],
                          "name_en": ["Kemerovo", "None", "Yurga"], "region_iso": ["RU-KEM"] * 3,
                          "role": ["regional_centre", "large_city", "large_city"],
                          "geonameid": pd.array([1, 2, 3], dtype="Int64"), "source": ["s"] * 3})
    places = [Place(1, "Kemerovo", 55.33, 86.08, 477090, "RU", "29", ()),
              Place(3, "Yurga", 55.71, 84.89, 81000, "RU", "29", ())]
    report = BuildReport()
    out = build_cities(table, places, [3], report)
    assert list(out.city_id) == ["a", "c"]                      # "b" is not in GeoNames: left out
    assert out.geometry.iloc[0].x == 86.08 and out.population.iloc[0] == 477090
    assert list(out.is_monotown) == [False, True]
    assert report.counts["major_cities"] == 2 and any("«Нет»" in u for u in report.unmatched)
