"""Screenshots of every page of the atlas in Russian and English, and of the static export.

Starts ``streamlit run`` on a free port, opens each page in headless Debian Chromium (the
network other than localhost blocked), waits for the page to settle and for the live map to
draw, and writes ``docs/screens/<page>_<lang>.png``; then renders the whole-Russia PNG export
in both languages. Run from the repository root: ``python docs/make_screenshots.py``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screens"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PAGES = {
    "explore": "/explore?town=RU-CHE-magnitogorsk",
    "explore_compare": "/explore?cmp_from=1398-r-2014-07-29&cmp_to=latest",
    "science": "/science",
    "corridors": "/corridors?corridor=transsib",
    "export": "/export?regions=RU-KEM&toser=yes&format=png",
    "sources": "/sources",
}


def shrink(path: Path) -> None:
    """Screenshots are flat colours: a 256-colour palette keeps them legible at a third of the size."""
    from PIL import Image

    with Image.open(path) as im:
        im.convert("RGB").quantize(256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def settle(page, seconds: float = 2.0) -> None:
    """Until Streamlit has finished its reruns and every live map has drawn."""
    for _ in range(3):
        page.wait_for_timeout(seconds * 1000)
        page.wait_for_selector("[data-testid='stStatusWidget']", state="detached", timeout=90_000)
    for frame in page.frames:
        if "atlas_map" in frame.url:
            frame.wait_for_function("() => document.body.hasAttribute('data-shown')",
                                    timeout=90_000)
    page.wait_for_timeout(800)


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    from atlas.serve import start_app

    proc, url = start_app()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            ctx = browser.new_context(viewport={"width": 1400, "height": 2400})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
                ("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")) else r.abort())
            page = ctx.new_page()
            for lang in ("ru", "en"):
                for name, path in PAGES.items():
                    sep = "&" if "?" in path else "?"
                    page.goto(f"{url}{path}{sep}lang={lang}")
                    settle(page)
                    target = OUT / f"{name}_{lang}.png"
                    page.screenshot(path=str(target), full_page=True)
                    shrink(target)
                    print(target.relative_to(ROOT))
            browser.close()
    finally:
        proc.terminate()
        proc.wait(20)
    static_exports()
    return 0


def static_exports() -> None:
    """The whole-Russia static export and the Kuzbass slide (#22) in both languages."""
    from atlas.export.figure import export_map

    for lang in ("ru", "en"):
        for target, region in ((OUT / f"export_static_{lang}.png", None),
                               (OUT / f"export_slide_kuzbass_{lang}.png", "RU-KEM")):
            export_map(target, lang=lang, region=region)
            shrink(target)
            print(target.relative_to(ROOT))


if __name__ == "__main__":
    sys.exit(main())
