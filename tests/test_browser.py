"""Journeys in a real headless Chromium against `streamlit run`, with the network unreachable."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"

COUNT_TOWNS = """() => { let n = 0;
    window.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties._card) n++; });
    return n; }"""


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


def map_frame(page, timeout=60000):
    page.wait_for_selector("iframe[title*='st_folium'], iframe[src*='streamlit_folium']", timeout=timeout)
    for _ in range(120):
        for f in page.frames:
            if "streamlit_folium" in f.url:
                try:
                    if f.evaluate("() => !!(window.map && window.L)"):
                        return f
                except Exception:
                    pass
        page.wait_for_timeout(500)
    raise AssertionError("the map frame never drew a Leaflet map")


def wait_idle(page, settle_ms=1500):
    """Wait until Streamlit has finished every rerun (its status widget is gone) and settles."""
    for _ in range(3):
        page.wait_for_timeout(settle_ms)
        page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=60000)


def shot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_app_draws_one_mark_per_town_offline(app_url, offline_page):
    page = offline_page
    page.goto(app_url)
    frame = map_frame(page)
    wait_for_features(frame, "_card", 300)
    assert frame.evaluate(COUNT_TOWNS) == 312
    assert frame.evaluate("() => document.querySelectorAll('.atlas-legend').length") >= 1
    assert page.blocked == [], f"requests left the machine: {page.blocked[:3]}"
    shot(page, "app_explore.png")


def test_journey_filter_to_toser_click_a_town_see_its_card(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/?toser=yes")
    frame = map_frame(page)
    wait_for_features(frame, "_card", 0)
    n = frame.evaluate(COUNT_TOWNS)
    assert 20 < n < 312
    # click the marker of Емва (a TOSER town with no other TOSER town within 500 km)
    frame.evaluate("() => window.map.setView([62.6, 50.87], 9, {animate: false})")
    page.wait_for_timeout(1500)
    xy = frame.evaluate("""() => { let p = null;
        window.map.eachLayer(l => { if (l.feature && l.feature.properties.town_id === 'RU-KO-emva')
            p = window.map.latLngToContainerPoint(l.getLatLng()); });
        return p && [p.x, p.y]; }""")
    assert xy, "Емва is not on the TOSER-filtered map"
    box = page.locator("iframe[src*='streamlit_folium']").bounding_box()
    page.mouse.click(box["x"] + xy[0], box["y"] + xy[1])
    page.wait_for_function("() => location.search.includes('town=RU-KO-emva')", timeout=30000)
    page.get_by_text("Емва", exact=False).first.wait_for(timeout=30000)
    page.wait_for_selector("text=Ближайшие моногорода", timeout=30000)
    assert page.blocked == []
    shot(page, "journey_toser_card.png")


def test_science_layer_draws_centres_and_distance_classes(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/science")
    frame = map_frame(page)
    wait_for_features(frame, "centre_id", 10)
    legend = frame.evaluate("() => Array.from(document.querySelectorAll('.atlas-legend')).map(e => e.innerText).join(' ')")
    assert "км" in legend or "km" in legend
    shot(page, "science_layer.png")


def test_corridor_journey_pick_slide_download(app_url, offline_page):
    page = offline_page
    page.goto(app_url + "/corridors")
    map_frame(page)
    page.get_by_text("Длина линии 8089", exact=False).first.wait_for(timeout=30000)  # the Trans-Siberian
    # pick the BAM in the corridor box, as a user would
    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Байкало-Амурская магистраль").click()
    page.get_by_text("Длина линии 3426", exact=False).first.wait_for(timeout=30000)
    wait_idle(page)
    assert "corridor=bam" in page.url
    # a deep link runs the whole app: the menu lists the page titles, not file names
    nav = page.locator("[data-testid='stSidebarNav']")
    assert nav.get_by_text("Коридоры / Corridors").count() == 1
    assert nav.get_by_text("corridors", exact=True).count() == 0
    slider = page.get_by_role("slider").first
    slider.focus()
    before = page.locator("[data-testid='stMetricValue']").first.inner_text()
    for _ in range(10):
        page.keyboard.press("ArrowRight")
    wait_idle(page)
    after = page.locator("[data-testid='stMetricValue']").first.inner_text()
    assert int(after) >= int(before)
    with page.expect_download(timeout=30000) as dl:
        page.get_by_role("button", name="CSV (Excel)").click()
    assert dl.value.suggested_filename.endswith(".csv")
    assert dl.value.failure() is None
    data = Path(dl.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"chainage_km" in data
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
