"""Journeys in a real headless Chromium against `streamlit run`, with the network unreachable."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

def wait_for_features(frame, prop: str, more_than: int) -> None:
    """Wait until the Leaflet map holds more than ``more_than`` features carrying ``prop``."""
    frame.wait_for_function(
        """([prop, n]) => { let c = 0;
            window.map.eachLayer(l => { if (l.feature && l.feature.properties && prop in l.feature.properties) c++; });
            return c > n; }""", arg=[prop, more_than])


def count_features(frame, prop: str, value) -> int:
    """How many features on the Leaflet map have ``properties[prop] == value``."""
    return frame.evaluate("""([prop, value]) => { let n = 0;
        window.map.eachLayer(l => { if (l.feature && l.feature.properties[prop] === value) n++; });
        return n; }""", [prop, value])


def ready_frame(page, url_part: str, ready_js: str, what: str, timeout_s: float = 90):
    """The first frame whose URL holds ``url_part`` and where ``ready_js`` is true."""
    for _ in range(int(timeout_s * 2)):
        for f in page.frames:
            if url_part in f.url:
                try:
                    if f.evaluate(ready_js):
                        return f
                except Exception:  # a frame being replaced by a rerun
                    pass
        page.wait_for_timeout(500)
    raise AssertionError(what)


def map_frame(page):
    """The st_folium map's frame (Corridors), once Leaflet has drawn it."""
    return ready_frame(page, "streamlit_folium", "() => !!(window.map && window.L)",
                       "the map frame never drew a Leaflet map", 60)


def wait_idle(page, settle_ms=1500):
    """Wait until Streamlit has finished every rerun (its status widget is gone) and settles."""
    for _ in range(3):
        page.wait_for_timeout(settle_ms)
        page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60000)


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def live_frame(page, timeout_s=90):
    """The live map's frame (atlas/web), once its static layers are drawn."""
    return ready_frame(page, "atlas_map", "() => document.body.hasAttribute('data-shown')",
                       "the live map never drew its towns", timeout_s)


def shown_on_map(frame) -> int:
    return int(frame.evaluate("() => Number(document.body.getAttribute('data-shown'))"))


def wait_shown(frame, predicate, timeout_s=60) -> int:
    for _ in range(timeout_s * 10):
        n = shown_on_map(frame)
        if predicate(n):
            return n
        frame.wait_for_timeout(100)
    raise AssertionError(f"the map shows {shown_on_map(frame)} towns")


def test_app_draws_one_mark_per_town_offline(app_url, offline_page):
    from atlas.io import load_monotowns

    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    assert wait_shown(frame, lambda n: n > 0) == len(load_monotowns())
    # borders came as shared arcs: every region is a polygon on the map
    assert frame.evaluate("() => Object.values(window.atlasMap._layers).filter(l => l.iso).length") == 85
    legend = frame.evaluate("() => document.getElementById('legend').innerText")
    assert "Категория моногорода" in legend and "Статус ТОСЭР" in legend
    assert page.get_by_text("Page not found").count() == 0
    assert page.blocked == [], f"requests left the machine: {page.blocked[:3]}"
    shot(page, "app_explore.png")


def test_journey_filter_to_toser_click_a_town_see_its_card(app_url, offline_page):
    from atlas.analysis.filters import TownFilter
    from atlas.io import load_monotowns

    towns = load_monotowns()
    expected = len(TownFilter(toser="yes").apply(towns))
    emva = towns[towns.town_id == "RU-KO-emva"].geometry.iloc[0]
    page = offline_page
    page.goto(app_url + "/explore?toser=yes")
    frame = live_frame(page)
    assert wait_shown(frame, lambda n: n == expected) == expected
    frame.evaluate(f"() => {{ window.atlasMap.setView([{emva.y}, {emva.x}], 8, {{animate: false}}); return true; }}")
    frame.wait_for_timeout(800)
    zoom = frame.evaluate("() => window.atlasMap.getZoom()")
    # click Емва's marker (canvas-drawn: Leaflet's own click event, as its hit test sends it)
    hit = frame.evaluate(f"""() => {{
        const m = Object.values(window.atlasMap._layers).find(l => l.idx !== undefined && l.getLatLng
            && Math.abs(l.getLatLng().lat - {emva.y:.4f}) < 1e-3 && Math.abs(l.getLatLng().lng - {emva.x:.4f}) < 1e-3);
        if (!m) return false;
        m.fire('click', {{latlng: m.getLatLng()}});
        return true; }}""")
    assert hit, "Емва is not on the TOSER-filtered map"
    try:
        page.wait_for_function("() => location.search.includes('town=RU-KO-emva')", timeout=30000)
    except Exception:
        shot(page, "journey_toser_card_FAILED.png")
        raise
    frame.locator(".atlas-card h4", has_text="Емва").wait_for(timeout=10000)
    page.get_by_text("История в перечне").first.wait_for(timeout=30000)
    page.get_by_text("Ближайшие моногорода").first.wait_for(timeout=30000)
    # the rerun after the click kept the reader's view
    assert frame.evaluate("() => window.atlasMap.getZoom()") == zoom
    assert page.blocked == []
    shot(page, "journey_toser_card.png")


def test_journey_pick_an_edition_and_compare_two(app_url, offline_page):
    from atlas.editions import compare_editions, list_editions, load_monotowns

    eds = list_editions()
    first = eds.act_id.iloc[0]
    page = offline_page
    page.goto(app_url + "/explore")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    box = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(has_text="Редакция перечня")
    box.click()
    page.get_by_role("option").filter(has_text="29.07.2014").first.click()
    wait_shown(frame, lambda n: n == len(load_monotowns(first)))
    page.wait_for_function(f"() => location.search.includes('edition={first}')", timeout=30000)
    # compare the first edition with the list in force: table and map of the changes
    page.get_by_text("Что изменилось между редакциями").click()  # the toggle
    changes = compare_editions(first, "latest")
    page.get_by_text(f"Добавлено: {int((changes.change == 'added').sum())}").first.wait_for(timeout=30000)
    cmp_frame = None
    for _ in range(60):
        frames = [f for f in page.frames if "atlas_map" in f.url]
        for f in frames:
            try:
                if f.evaluate("() => document.body.getAttribute('data-shown')") == str(len(changes)):
                    cmp_frame = f
            except Exception:
                pass
        if cmp_frame:
            break
        page.wait_for_timeout(500)
    assert cmp_frame is not None, "the comparison map does not show the changed towns"
    legend = cmp_frame.evaluate("() => document.getElementById('legend').innerText")
    assert "Изменение" in legend
    assert page.blocked == []
    shot(page, "journey_editions.png")


def test_english_journey_keeps_language_and_filters(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/explore?lang=en&category=1")
    frame = live_frame(page)
    n = wait_shown(frame, lambda n: n > 0)
    legend = frame.evaluate("() => document.getElementById('legend').innerText")
    assert "Monotown category" in legend and "Категория" not in legend
    # the menu keeps the language: the next page is English too, and the filter is not lost
    page.locator("[data-testid='stSidebar'] a", has_text="Science access").first.click()
    page.get_by_text("Access to science").first.wait_for(timeout=30000)
    assert "lang=en" in page.url
    page.locator("[data-testid='stSidebar'] a", has_text="Explore").first.click()
    frame = live_frame(page)
    assert wait_shown(frame, lambda k: k == n) == n
    assert page.get_by_text("Атлас моногородов России").count() == 0
    shot(page, "journey_english.png")


def test_science_layer_draws_centres_and_distance_classes(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/science")
    frame = live_frame(page)
    wait_shown(frame, lambda n: n > 0)
    frame.wait_for_function("() => document.querySelectorAll('.atlas-centre').length > 50")
    legend = frame.evaluate("() => document.getElementById('legend').innerText")
    assert "км" in legend and "Научные центры" in legend
    shot(page, "science_layer.png")


def test_corridor_journey_pick_slide_download(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/corridors")
    map_frame(page)
    from atlas.api import corridor_summary

    ts, bam = (f"Длина линии {corridor_summary(c).line_km:.0f}" for c in ("transsib", "bam"))
    page.get_by_text(ts, exact=False).first.wait_for(timeout=30000)  # the Trans-Siberian
    # pick the BAM in the corridor box, as a user would
    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Байкало-Амурская магистраль").click()
    page.get_by_text(bam, exact=False).first.wait_for(timeout=30000)
    wait_idle(page)
    assert "corridor=bam" in page.url
    # a deep link runs the whole app: the menu lists the page titles, not file names
    nav = page.locator("[data-testid='stSidebar'] a")
    assert nav.filter(has_text="Коридоры").count() == 1
    assert nav.filter(has_text="corridors").count() == 0
    slider = page.get_by_role("slider").first
    slider.focus()
    before = page.locator("[data-testid='stMetricValue']").first.inner_text()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    wait_idle(page)
    after = page.locator("[data-testid='stMetricValue']").first.inner_text()
    assert int(after) >= int(before)
    with page.expect_download(timeout=30000) as dl:
        page.get_by_role("button", name="CSV для Excel").click()
    assert dl.value.suggested_filename.endswith(".csv")
    assert dl.value.suggested_filename.startswith("baykalo_amurskaya_magistral_")  # named for the line
    assert dl.value.failure() is None
    data = Path(dl.value.path()).read_bytes()
    # Russian Excel: BOM, ";" between fields, headers in Russian (#20)
    assert data.startswith(b"\xef\xbb\xbf") and "Пикетаж, км;".encode() in data
    shot(page, "corridor_journey.png")


def test_bad_upload_shows_a_message_and_changes_nothing(app_url, offline_page):
    """A broken line file: a clear error in the page, the chosen corridor's answer stays.

    Then the user's own points, a CSV in Windows-1251, replace the monotowns in the table.
    """
    page = offline_page
    page.goto(app_url + "/corridors?corridor=transsib")
    map_frame(page)
    wait_idle(page)
    metric = page.locator("[data-testid='stMetricValue']").first
    before = metric.inner_text()
    # the uploader speaks the page's language (Streamlit's own words are drawn over)
    button_text = page.locator("[data-testid='stFileUploaderDropzone'] [data-testid='stBaseButton-secondary'] p").first
    assert "Выбрать файл" in button_text.evaluate("e => getComputedStyle(e, '::after').content")
    limit_text = page.locator("[data-testid='stFileUploaderDropzoneInstructions'] span").first
    assert "До 50 МБ на файл" in limit_text.evaluate("e => getComputedStyle(e, '::after').content")
    assert limit_text.evaluate("e => getComputedStyle(e).fontSize") == "0px"
    uploads = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    uploads.nth(0).set_input_files(files=[{"name": "route.geojson", "mimeType": "application/geo+json",
                                           "buffer": b"{\"type\": \"FeatureCollection\", \"features\": [ broken"}])
    page.get_by_text("Файл не читается", exact=False).first.wait_for(timeout=30000)
    wait_idle(page)
    assert metric.inner_text() == before
    assert page.get_by_text("Используется загруженная линия").count() == 0
    csv = "name;lon;lat\nНовосибирск-Главный;82,897;55,036\nТайга;85,62;56,06\nДалеко;100,0;70,0\n"
    uploads.nth(1).set_input_files(files=[{"name": "points.csv", "mimeType": "text/csv",
                                           "buffer": csv.encode("cp1251")}])
    page.get_by_text("Новосибирск-Главный").first.wait_for(state="attached", timeout=30000)
    wait_idle(page)
    assert metric.inner_text() == "2"  # the point 70°N is far from the Trans-Siberian
    assert page.locator("[data-testid='stException']").count() == 0
    # the user's points are on the map: the two in the band stand out, the far one is grey
    frame = map_frame(page)
    for _ in range(60):
        if count_features(frame, "_fill", "#882255") == 2:
            break
        page.wait_for_timeout(500)
    assert count_features(frame, "_fill", "#882255") == 2
    assert count_features(frame, "_fill", "#BBBBBB") == 1
    shot(page, "corridor_bad_upload.png")
    assert page.blocked == []
