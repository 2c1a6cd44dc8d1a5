import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def towns():
    import atlas

    return atlas.load_monotowns()


@pytest.fixture(scope="session")
def regions():
    import atlas

    return atlas.load_regions()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def offline_page(browser):
    """A page whose every request to anything but localhost/file/data is aborted and recorded."""
    ctx = browser.new_context(viewport={"width": 1300, "height": 900})
    page = ctx.new_page()
    blocked = []

    def route(r):
        url = r.request.url
        if url.startswith(("file:", "data:", "blob:", "http://127.0.0.1", "http://localhost",
                           "ws://127.0.0.1", "ws://localhost")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    ctx.route("**/*", route)
    page.blocked = blocked
    yield page
    ctx.close()


@pytest.fixture(scope="session")
def app_url():
    """A real `streamlit run` of the atlas on a free port."""
    from atlas.serve import start_app

    try:
        proc, url = start_app()
    except RuntimeError as err:
        pytest.fail(str(err))
    yield url
    proc.terminate()
    proc.wait(10)
