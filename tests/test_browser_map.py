"""Journeys on the live map itself (#21): the conic CRS, search, ruler, edition slider,
legend isolation, the view in the permalink and the phone-sized layout."""

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
from pyproj import Transformer

from atlas.crs import GEOD, RUSSIA_AEA
from tests.test_browser import live_frame, shot, wait_idle, wait_shown

pytestmark = pytest.mark.browser


def body_attr(frame, name: str) -> str | None:
    return frame.evaluate(f"() => document.body.getAttribute({name!r})")


def map_point(page, frame, lat: float, lon: float) -> tuple[float, float]:
    """Page coordinates of a lat/lon on the live map (for real mouse clicks)."""
    frame.frame_element().scroll_into_view_if_needed()
    box = frame.frame_element().bounding_box()
    p = frame.evaluate(f"() => {{ const p = window.atlasMap.latLngToContainerPoint([{lat}, {lon}]);"
                       " const r = document.getElementById('map').getBoundingClientRect();"
                       " return [p.x + r.left, p.y + r.top]; }")
    return box["x"] + p[0], box["y"] + p[1]


def test_map_is_the_conic_of_the_exports_and_chukotka_is_one_piece(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    assert frame.evaluate("() => window.atlasMap.options.crs.code") == "ATLAS:RUSSIA_AEA"
    # the browser projects as pyproj does with the static exports' CRS
    fwd = Transformer.from_crs("EPSG:4326", RUSSIA_AEA, always_xy=True)
    for lat, lon in [(55.75, 37.62), (43.12, 131.9), (66.0, 190.3), (77.7, 104.3)]:
        x, y = frame.evaluate(f"() => {{ const p = window.atlasMap.options.crs.projection.project("
                              f"L.latLng({lat}, {lon})); return [p.x, p.y]; }}")
        ex, ey = fwd.transform(lon, lat)
        assert abs(x - ex) < 1 and abs(y - ey) < 1, (lat, lon, x, y, ex, ey)
    # Chukotka: one polygon whose projected width is that of the region, not of the world
    width_km = frame.evaluate("""() => {
        const crs = window.atlasMap.options.crs;
        const poly = Object.values(window.atlasMap._layers).find(l => l.iso === 'RU-CHU');
        const xs = poly.getLatLngs().flat(3).map(ll => crs.projection.project(ll).x);
        return (Math.max(...xs) - Math.min(...xs)) / 1000; }""")
    assert 500 < width_km < 2000
    # a graticule and city labels orient the reader; no tiles were asked for
    assert frame.locator(".atlas-place").count() >= 10
    assert frame.locator(".atlas-place", has_text="Москва").count() == 1
    # the scale bar speaks Russian: "1 000 км", not "1000 km"
    scale = frame.locator(".leaflet-control-scale-line").inner_text().replace("\u00a0", " ")
    assert re.fullmatch(r"\d{1,3}( \d{3})* км|\d+ м", scale), scale
    assert page.blocked == []
    shot(page, "map_conic.png")


def test_search_finds_a_town_with_e_for_yo_and_a_typo_and_opens_its_card(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    box = frame.locator(".atlas-search input[type=search]")
    assert box.get_attribute("placeholder") == "Найти город"
    box.fill("озерск")  # ё written as е
    frame.locator(".atlas-hits li", has_text="Озёрск").first.wait_for(timeout=5000)
    box.fill("Нижний Тагл")  # a letter missing
    frame.locator(".atlas-hits li", has_text="Нижний Тагил").first.wait_for(timeout=5000)
    box.fill("yemv")  # English prefix
    frame.locator(".atlas-hits li", has_text="Емва").first.click()
    frame.locator(".atlas-card h4", has_text="Емва").wait_for(timeout=10000)
    page.wait_for_function("() => location.search.includes('town=RU-KO-emva')", timeout=30000)
    assert frame.evaluate("() => window.atlasMap.getZoom()") >= 7
    # the card picker under the map follows
    picker = page.locator("[data-testid='stSelectbox']").filter(has_text="Карточка города").locator("input")
    page.wait_for_function("(el) => el.value.startsWith('Емва')", arg=picker.element_handle(), timeout=30000)
    page.get_by_text("История в перечне").first.wait_for(timeout=30000)
    shot(page, "map_search.png")


def test_ruler_measures_a_geodesic_distance(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    wait_idle(page)
    frame.get_by_title("Измерить").click()
    assert body_attr(frame, "data-measuring") == "true"
    # two points away from the towns (a click on a town measures from the town itself)
    for lat, lon in ((66.0, 75.0), (64.0, 125.0)):
        page.mouse.click(*map_point(page, frame, lat, lon))
        page.wait_for_timeout(300)
    km = float(body_attr(frame, "data-measure-km"))
    (la1, lo1), (la2, lo2) = json.loads(body_attr(frame, "data-measure-pts"))
    assert abs(la1 - 66) < 0.3 and abs(lo1 - 75) < 0.5 and abs(la2 - 64) < 0.3 and abs(lo2 - 125) < 0.5, (la1, lo1, la2, lo2)
    # the ruler's distance is the geodesic on the WGS84 ellipsoid (pyproj's answer to a metre)
    assert km * 1000 == pytest.approx(GEOD.inv(lo1, la1, lo2, la2)[2], abs=1)
    assert 2000 < km < 2400
    text = frame.locator(".atlas-ruler-out").inner_text()
    assert re.search(r"\d \d{3}(,\d)?\s*км", text.replace("\u00a0", " ")), text
    shot(page, "map_ruler.png")


def test_slider_steps_through_the_editions_and_marks_changes(app_url, offline_page):
    from atlas.editions import compare_editions, list_editions, load_monotowns

    eds = list_editions()
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    n_filter = wait_shown(frame, lambda n: n > 0)
    rng = frame.locator(".atlas-slider input[type=range]")
    rng.focus()
    rng.press("Home")
    frame.wait_for_function("() => document.body.getAttribute('data-edition') === '0'")
    assert int(body_attr(frame, "data-shown")) == len(load_monotowns(eds.act_id.iloc[0]))
    rng.press("ArrowRight")
    frame.wait_for_function("() => document.body.getAttribute('data-edition') === '1'")
    changes = compare_editions(eds.act_id.iloc[0], eds.act_id.iloc[1])
    first, second = load_monotowns(eds.act_id.iloc[0]), load_monotowns(eds.act_id.iloc[1])
    removed = int((changes.change == "removed").sum())
    assert int(body_attr(frame, "data-shown")) == len(second) + removed
    assert len(second) != len(first) or len(changes)  # the step shows something that changed
    legend = frame.evaluate("() => document.getElementById('legend').innerText")
    assert "Изменения к предыдущей редакции" in legend
    assert frame.evaluate("() => window.atlasMap._layers && Object.values(window.atlasMap._layers)"
                          ".filter(l => l.options && l.options.weight === 2.2).length") == len(changes)
    # play runs on to the last edition by itself
    frame.get_by_title("Показать редакции по очереди").click()
    frame.wait_for_function(f"() => document.body.getAttribute('data-edition') === '{len(eds) - 1}'",
                            timeout=30000)
    # leaving the slider gives the filtered map back
    frame.get_by_title("Вернуться к отбору").click()
    assert wait_shown(frame, lambda n: n == n_filter) == n_filter
    shot(page, "map_slider.png")


def test_legend_click_isolates_a_class(app_url, offline_page):
    from atlas.io import load_monotowns

    towns = load_monotowns()
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    n = wait_shown(frame, lambda k: k > 0)
    frame.locator("button.atlas-legend-item", has_text="1 —").click()
    frame.wait_for_function("() => document.body.getAttribute('data-drawn') !== document.body.getAttribute('data-shown')")
    assert int(body_attr(frame, "data-drawn")) == int((towns.category == 1).sum())
    frame.locator("button.atlas-legend-item", has_text="1 —").click()
    frame.wait_for_function("() => document.body.getAttribute('data-drawn') === document.body.getAttribute('data-shown')")
    assert int(body_attr(frame, "data-drawn")) == n


def test_view_survives_a_reload_from_the_permalink(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/explore?categories=1")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    wait_idle(page)
    x, y = map_point(page, frame, 55.0, 60.0)
    page.mouse.move(x, y)
    for _ in range(3):
        page.mouse.wheel(0, -120)
        page.wait_for_timeout(400)
    page.wait_for_function("() => location.search.includes('view=')", timeout=15000)
    view = parse_qs(urlparse(page.url).query)["view"][0]
    zoom, lat, lon = (float(v) for v in view.split("/"))
    assert "categories=1" in page.url
    page.reload()
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    page.wait_for_timeout(1000)
    got = frame.evaluate("() => { const c = window.atlasMap.getCenter(); return [window.atlasMap.getZoom(), c.lat, c.lng]; }")
    assert got[0] == pytest.approx(zoom, abs=0.01)
    assert got[1] == pytest.approx(lat, abs=0.01) and got[2] % 360 == pytest.approx(lon, abs=0.01)
    shot(page, "map_permalink.png")


def test_phone_layout_has_no_horizontal_scroll(app_url, browser):
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True)
    page = ctx.new_page()
    try:
        page.goto(app_url + "/explore")
        frame = live_frame(page)
        wait_shown(frame, lambda n: n > 0)
        wait_idle(page)
        for where in (page, frame):
            over = where.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert over <= 0, f"{over}px of horizontal scroll"
        box = frame.frame_element().bounding_box()
        assert box["width"] <= 390
        # the map's tools fit in the frame and the card picker is on the page
        for sel in (".atlas-search", ".atlas-slider", ".atlas-ruler"):
            b = frame.locator(sel).bounding_box()
            assert b["x"] >= box["x"] and b["x"] + b["width"] <= box["x"] + box["width"] + 1, sel
        page.locator("[data-testid='stSelectbox']").filter(has_text="Карточка города").scroll_into_view_if_needed()
        shot(page, "map_phone.png")
    finally:
        ctx.close()


def test_offline_html_export_draws_the_same_conic(browser, tmp_path):
    from atlas.export.figure import export_map

    out = tmp_path / "russia.html"
    export_map(out, lang="en")
    ctx = browser.new_context(viewport={"width": 1200, "height": 800})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    try:
        page.goto(out.as_uri())
        page.wait_for_function("() => Object.values(window).some(v => v && v._leaflet_id && v.getZoom)")
        got = page.evaluate("""() => {
            const map = Object.values(window).find(v => v && v._leaflet_id && v.getZoom);
            const pr = map.options.crs.projection;
            return [map.options.crs.code, [[55.75, 37.62], [66.0, 190.3], [43.12, 131.9]].map(
                p => { const q = pr.project(L.latLng(p[0], p[1])); return [q.x, q.y]; })]; }""")
        assert got[0] == "ATLAS:RUSSIA_AEA"
        fwd = Transformer.from_crs("EPSG:4326", RUSSIA_AEA, always_xy=True)
        for (lat, lon), (x, y) in zip([(55.75, 37.62), (66.0, 190.3), (43.12, 131.9)], got[1], strict=True):
            ex, ey = fwd.transform(lon, lat)
            assert abs(x - ex) < 0.01 and abs(y - ey) < 0.01
        assert errors == []
    finally:
        ctx.close()


def test_back_after_the_menu_takes_one_press(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/explore?toser=yes")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    wait_idle(page)
    page.locator("[data-testid='stSidebar'] a", has_text="Доступ к науке").first.click()
    page.get_by_text("Доступ к науке").first.wait_for(timeout=30000)
    wait_idle(page)
    assert "/science" in page.url
    page.go_back()
    page.wait_for_function("() => location.pathname.endsWith('/explore')", timeout=15000)
    assert "toser=yes" in page.url


def _kuzbass_inside_view(frame, towns) -> bool:
    pts = [[g.y, g.x] for g in towns.geometry]
    return frame.evaluate(f"() => {{ const b = window.atlasMap.getBounds();"
                          f" return {json.dumps(pts)}.every(p => b.contains(p)); }}")


def test_filter_change_zooms_to_the_towns_until_the_reader_moves_the_map(app_url, offline_page):
    """A filter narrowed in the sidebar brings its towns into view at a closer zoom; once the
    reader has moved the map, a later filter change keeps the reader's view."""
    from atlas.io import load_monotowns

    towns = load_monotowns()
    kuzbass = towns[towns.region_iso == "RU-KEM"]
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    n_all = wait_shown(frame, lambda k: k > 0)
    wait_idle(page)
    zoom_all = frame.evaluate("() => window.atlasMap.getZoom()")
    region = page.locator("[data-testid='stSidebar'] [data-testid='stMultiSelect']").filter(has_text="Регион").first
    region.click()
    page.keyboard.type("Кемеров")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    assert wait_shown(frame, lambda k: k == len(kuzbass)) == len(kuzbass) < n_all
    frame.wait_for_function(f"() => window.atlasMap.getZoom() > {zoom_all} + 1", timeout=15000)
    assert _kuzbass_inside_view(frame, kuzbass)
    shot(page, "map_zoom_to_filter.png")
    # the reader zooms out by hand; the next filter change leaves that view alone
    wait_idle(page)
    x, y = map_point(page, frame, 54.0, 87.0)
    page.mouse.move(x, y)
    page.mouse.wheel(0, 240)
    page.wait_for_timeout(1200)
    moved = frame.evaluate("() => { const c = window.atlasMap.getCenter(); return [window.atlasMap.getZoom(), c.lat, c.lng]; }")
    toser = page.locator("[data-testid='stSidebar'] [data-testid='stRadio']").filter(has_text="ТОСЭР").first
    toser.get_by_text("да", exact=True).click()
    expected = int((kuzbass.toser.astype(bool)).sum())
    assert wait_shown(frame, lambda k: k == expected) == expected
    page.wait_for_timeout(1000)
    after = frame.evaluate("() => { const c = window.atlasMap.getCenter(); return [window.atlasMap.getZoom(), c.lat, c.lng]; }")
    assert after == pytest.approx(moved, abs=1e-6)


@pytest.mark.parametrize(("lang", "unit", "group"), [("ru", "км", "\u00a0"), ("en", "km", ",")])
def test_exported_map_scale_bar_is_in_the_reader_language(browser, tmp_path, lang, unit, group):
    """The folium maps (Corridors page, offline HTML) write the scale bar for the page's
    language, as the live map does: "1 000 км" in Russian, "1,000 km" in English."""
    from atlas.export.figure import export_map

    out = tmp_path / f"russia_{lang}.html"
    export_map(out, lang=lang)
    ctx = browser.new_context(viewport={"width": 1200, "height": 800}, locale="de-DE")  # not the page's
    page = ctx.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    try:
        page.goto(out.as_uri())
        page.wait_for_selector(".leaflet-control-scale-line")
        page.wait_for_timeout(300)
        label = page.locator(".leaflet-control-scale-line").first.inner_text().replace("\u202f", "\u00a0")
        number, _, shown_unit = label.rpartition("\u00a0")
        assert shown_unit == unit, label
        value = int(number.replace(group, ""))
        assert value >= 100 and (value < 1000 or group in number), label
    finally:
        ctx.close()
