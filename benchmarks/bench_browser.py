"""Explore page in a real browser: today's way (a baseline commit) and the new way, one run.

Both apps run from their own trees (the baseline is unpacked with ``git archive``) behind a
small TCP proxy that counts the bytes that really cross the wire (after websocket
compression); headless Debian Chromium drives them with Playwright. Measured per app:

* first Explore load: websocket bytes (wire and decompressed payload) and HTTP bytes of the
  app's own files (component folder, ``/app/static``), Streamlit's static bundle excluded;
* a filter change (the TOSER radio: all → yes → no → all, three rounds): websocket bytes per
  change and click-to-redrawn-markers time (until the map shows the new set of towns);
* whether zoom survives a filter change;
* warm server rerun of the Explore script (``AppTest``, median of 15, in its own process);
* 10 sessions opened at once: seconds until every one shows its map, server RSS before,
  at peak and 20 s after they close.

Run: ``python benchmarks/bench_browser.py [--baseline 5df1b17]`` from the repository root.
Nothing here asserts; it prints a markdown report.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import _common  # noqa: F401  (puts the repo on sys.path)
from _common import REPO, header, kb, table

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BASELINE = "5df1b17"  # main before the live map (folium via st_folium, borders re-sent)
VIEWPORT = {"width": 1400, "height": 1000}

# how many towns the map shows, read from the page: the live map sets data-shown on its
# body; folium's st_folium map draws one interactive SVG path per town plus the regions
COUNT_JS = """() => {
  const b = document.body;
  if (b && b.hasAttribute('data-shown')) return Number(b.getAttribute('data-shown'));
  return document.querySelectorAll('path.leaflet-interactive').length || -1;
}"""
ZOOM_JS = """(set) => {
  if (window.atlasMap) {
    // a reader's move (the live map zooms to the filtered towns only until the reader moves it)
    if (set) { window.atlasMap.fire('dragstart'); window.atlasMap.setZoom(set); }
    return window.atlasMap.getZoom();
  }
  for (const k of Object.keys(window)) {
    const v = window[k];
    if (v && v._leaflet_id && typeof v.getZoom === 'function') { if (set) v.setZoom(set); return v.getZoom(); }
  }
  return null;
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class CountingProxy:
    """TCP proxy that counts server-to-client bytes, split into websocket and HTTP."""

    def __init__(self, target_port: int):
        self.target = target_port
        self.port = _free_port()
        self.ws = 0
        self.http = 0
        self._server = None

    async def _pipe(self, reader, writer, count_ws: list | None):
        try:
            while data := await reader.read(65536):
                if count_ws is not None:
                    if count_ws[0]:
                        self.ws += len(data)
                    else:
                        self.http += len(data)
                writer.write(data)
                await writer.drain()
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _handle(self, c_reader, c_writer):
        s_reader, s_writer = await asyncio.open_connection("127.0.0.1", self.target)
        first = await c_reader.read(65536)
        is_ws = [b"/_stcore/stream" in first.split(b"\r\n", 1)[0]]
        s_writer.write(first)
        await s_writer.drain()
        await asyncio.gather(self._pipe(c_reader, s_writer, None),
                             self._pipe(s_reader, c_writer, is_ws))

    async def start(self):
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port)

    def reset(self):
        self.ws = self.http = 0


def start_app(tree: Path) -> tuple[subprocess.Popen, int]:
    from atlas.serve import start_app as serve

    env = dict(os.environ, PYTHONPATH=str(tree))
    if tree != REPO:  # the baseline reads its own committed geodata/
        env.pop("ATLAS_DATA_DIR", None)
    proc, url = serve(tree / "atlas" / "streamlit_app.py", cwd=tree, env=env, timeout_s=120)
    return proc, int(url.rsplit(":", 1)[1])


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="utf-8") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def map_count(page) -> int:
    best = -1
    for fr in page.frames[1:]:
        try:
            best = max(best, await fr.evaluate(COUNT_JS))
        except Exception:  # a frame being replaced
            continue
    return best


async def wait_count(page, predicate, timeout_s: float = 60.0) -> float:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout_s:
        n = await map_count(page)
        if predicate(n):
            return time.perf_counter() - t0
        await asyncio.sleep(0.01)
    raise TimeoutError("the map did not redraw")


SHOWN_AT_LEAST_JS = "(n) => !!document.body && Number(document.body.getAttribute('data-shown')) >= n"


async def wait_live_map(page, n: int = 300, timeout_s: float = 180.0) -> None:
    """Until the live map (atlas_map component) shows >= n towns, polled inside its frame.

    As cheap for the machine as ``wait_for_selector`` on the bare page; ``wait_count``
    evaluates in every frame from Python every 10 ms, which ten tabs on two cores notice.
    """
    handle = await page.wait_for_selector('iframe[title$="atlas_map"]', state="attached",
                                          timeout=timeout_s * 1000)  # it may be 0×0 while loading
    frame = await handle.content_frame()
    await frame.wait_for_function(SHOWN_AT_LEAST_JS, arg=n, polling=50, timeout=timeout_s * 1000)


async def idle(page, seconds: float = 1.0):
    await page.wait_for_timeout(seconds * 1000)


async def zoom_of(page, set_to=None):
    for fr in page.frames[1:]:
        try:
            z = await fr.evaluate(ZOOM_JS, set_to)
        except Exception:
            continue
        if z is not None:
            return z
    return None


async def measure_app(browser, url: str, proxy: CountingProxy) -> dict:
    ctx = await browser.new_context(viewport=VIEWPORT)
    page = await ctx.new_page()
    ws_payload = [0]
    http_app = [0]

    def on_ws(ws):
        ws.on("framereceived", lambda payload: ws_payload.__setitem__(
            0, ws_payload[0] + len(payload if isinstance(payload, bytes) else payload.encode())))

    async def on_response(resp):
        path = resp.url.split("127.0.0.1", 1)[-1]
        if "/component/" in path or "/app/static/" in path:
            try:
                sizes = await resp.request.sizes()
                http_app[0] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            except Exception:
                pass

    page.on("websocket", on_ws)
    page.on("response", lambda r: asyncio.ensure_future(on_response(r)))
    proxy.reset()
    t0 = time.perf_counter()
    await page.goto(url + "/")  # the baseline has no /explore deep link
    await wait_count(page, lambda n: n >= 300, 120)
    first_s = time.perf_counter() - t0
    await idle(page, 2)
    await page.keyboard.press("Escape")  # any first-run dialog
    first = {"ws_wire": proxy.ws, "ws_payload": ws_payload[0], "http_app": http_app[0],
             "seconds": first_s}
    # zoom in once, then see whether a filter change keeps it
    z_before = await zoom_of(page, 4)
    radios = page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').filter(has_text="ТОСЭР")
    options = {"yes": radios.get_by_text("да", exact=True), "no": radios.get_by_text("нет", exact=True),
               "any": radios.get_by_text("все", exact=True)}
    # calibration: the settled count of each state
    settled = {}
    for state in ("yes", "no", "any"):
        await options[state].click()
        await idle(page, 3)
        settled[state] = await map_count(page)
    times, ws_wire, ws_pay = [], [], []
    for _ in range(3):
        for state in ("yes", "no", "any"):
            await idle(page, 0.8)
            proxy.reset()
            ws_payload[0] = 0
            target = settled[state]
            await options[state].click()
            times.append(await wait_count(page, lambda n, tg=target: n == tg))
            await idle(page, 1.5)
            ws_wire.append(proxy.ws)
            ws_pay.append(ws_payload[0])
    z_after = await zoom_of(page)
    await page.screenshot(path=str(Path(tempfile.gettempdir()) / f"bench_{proxy.target}.png"))
    await ctx.close()
    return {"first": first, "click_s": times, "ws_wire": ws_wire, "ws_payload": ws_pay,
            "zoom": (z_before, z_after), "settled": settled}


async def concurrent(browser, url: str, pid: int, n: int = 10, live_map: bool = False) -> dict:
    """N tabs open the page at once; ``live_map`` waits in-page (:func:`wait_live_map`)."""
    base = rss_mb(pid)
    peak = [base]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    ctxs = [await browser.new_context(viewport=VIEWPORT) for _ in range(n)]
    pages = [await c.new_page() for c in ctxs]
    t0 = time.perf_counter()

    async def one(pg):
        await pg.goto(url + "/", timeout=180_000)
        if live_map:
            await wait_live_map(pg, 300, 180)
        else:
            await wait_count(pg, lambda c: c >= 300, 180)
        return time.perf_counter() - t0

    try:
        done = await asyncio.gather(*(one(p) for p in pages))
    except BaseException:  # a tab failed: stop sampling before the error goes up
        stop.set()
        th.join()
        raise
    finally:
        for c in ctxs:
            await c.close()
    await asyncio.sleep(20)
    stop.set()
    th.join()
    return {"all_s": max(done), "first_s": min(done), "rss_base": base, "rss_peak": peak[0],
            "rss_after": rss_mb(pid)}


def start_bare() -> tuple[subprocess.Popen, int]:
    """A two-line Streamlit page (``st.write("ok")``) on a free port: the floor of any page."""
    from atlas.serve import start_app as serve

    tree = Path(tempfile.mkdtemp(prefix="hello-"))
    (tree / "hello.py").write_text('import streamlit as st\nst.write("ok")\n', encoding="utf-8")
    proc, url = serve(tree / "hello.py", cwd=tree)
    return proc, int(url.rsplit(":", 1)[1])


async def concurrent_floor(browser, n: int = 10) -> float:
    """The same 10 sessions against a two-line Streamlit page: what the browser alone costs."""
    proc, port = start_bare()
    try:
        ctxs = [await browser.new_context(viewport=VIEWPORT) for _ in range(n)]
        pages = [await c.new_page() for c in ctxs]
        t0 = time.perf_counter()

        async def one(pg):
            await pg.goto(f"http://127.0.0.1:{port}/", timeout=180_000)
            await pg.wait_for_selector("text=ok", timeout=180_000)
            return time.perf_counter() - t0

        done = await asyncio.gather(*(one(p) for p in pages))
        for c in ctxs:
            await c.close()
        return max(done)
    finally:
        proc.terminate()
        proc.wait(20)


def warm_rerun_ms(tree: Path, runs: int = 15) -> float:
    code = (
        "import time, statistics\n"
        "from streamlit.testing.v1 import AppTest\n"
        "at = AppTest.from_file('pages/explore.py', default_timeout=120)\n"
        "at.run(); at.run()\n"
        "ts = []\n"
        f"for _ in range({runs}):\n"
        "    t = time.perf_counter(); at.run(); ts.append(time.perf_counter() - t)\n"
        "print(statistics.median(ts) * 1000)\n")
    env = dict(os.environ, PYTHONPATH=str(tree))
    if tree != REPO:
        env.pop("ATLAS_DATA_DIR", None)
    out = subprocess.run([sys.executable, "-c", code], cwd=tree, env=env, capture_output=True,
                         text=True, timeout=600)
    return float(out.stdout.strip().splitlines()[-1])


def unpack(commit: str) -> Path:
    dest = Path(tempfile.mkdtemp(prefix="atlas-baseline-"))
    archive = subprocess.run(["git", "archive", commit], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


async def run(baseline: str) -> None:
    from playwright.async_api import async_playwright

    trees = {"today (" + baseline + ")": unpack(baseline), "now": REPO}
    results = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, tree in trees.items():
            proc, port = start_app(tree)
            try:
                proxy = CountingProxy(port)
                await proxy.start()
                url = f"http://127.0.0.1:{proxy.port}"
                res = await measure_app(browser, url, proxy)
                res["concurrent"] = await concurrent(browser, f"http://127.0.0.1:{port}", proc.pid)
                results[name] = res
            finally:
                proc.terminate()
                proc.wait(20)
        floor = await concurrent_floor(browser)
        await browser.close()
    for name, tree in trees.items():
        results[name]["rerun_ms"] = warm_rerun_ms(tree)
    report(results, floor)


def report(results: dict, floor: float) -> None:
    (a_name, a), (b_name, b) = results.items()

    def ratio(x, y):
        return f"{x / y:.1f}×" if y else "n/a"

    med = lambda v: statistics.median(v)  # noqa: E731
    rows = [
        ["first Explore load: websocket on the wire, kB", kb(a["first"]["ws_wire"]), kb(b["first"]["ws_wire"]),
         ratio(a["first"]["ws_wire"], b["first"]["ws_wire"])],
        ["first Explore load: websocket payload (decompressed), kB", kb(a["first"]["ws_payload"]),
         kb(b["first"]["ws_payload"]), ratio(a["first"]["ws_payload"], b["first"]["ws_payload"])],
        ["first Explore load: app files over HTTP (component, /app/static), kB", kb(a["first"]["http_app"]),
         kb(b["first"]["http_app"]), ratio(a["first"]["http_app"], b["first"]["http_app"])],
        ["first Explore load: app payload on the wire (websocket + app files), kB",
         kb(a["first"]["ws_wire"] + a["first"]["http_app"]), kb(b["first"]["ws_wire"] + b["first"]["http_app"]),
         ratio(a["first"]["ws_wire"] + a["first"]["http_app"], b["first"]["ws_wire"] + b["first"]["http_app"])],
        ["filter change: websocket on the wire, median kB", kb(med(a["ws_wire"])), kb(med(b["ws_wire"])),
         ratio(med(a["ws_wire"]), med(b["ws_wire"]))],
        ["filter change: websocket payload, median kB", kb(med(a["ws_payload"])), kb(med(b["ws_payload"])),
         ratio(med(a["ws_payload"]), med(b["ws_payload"]))],
        ["click to redrawn markers, median ms (9 clicks)", f"{med(a['click_s']) * 1000:.0f}",
         f"{med(b['click_s']) * 1000:.0f}", ratio(med(a["click_s"]), med(b["click_s"]))],
        ["click to redrawn markers, max ms", f"{max(a['click_s']) * 1000:.0f}", f"{max(b['click_s']) * 1000:.0f}",
         ratio(max(a["click_s"]), max(b["click_s"]))],
        ["zoom before → after 9 filter changes", "{} → {}".format(*a["zoom"]), "{} → {}".format(*b["zoom"]), ""],
        ["warm server rerun of Explore (AppTest, median of 15), ms", f"{a['rerun_ms']:.0f}", f"{b['rerun_ms']:.0f}",
         ratio(a["rerun_ms"], b["rerun_ms"])],
        ["10 sessions at once: all showing their map, s", f"{a['concurrent']['all_s']:.1f}",
         f"{b['concurrent']['all_s']:.1f}", ratio(a["concurrent"]["all_s"], b["concurrent"]["all_s"])],
        ["10 sessions at once on a two-line Streamlit page (the browser's floor here), s",
         f"{floor:.1f}", f"{floor:.1f}", ""],
        ["10 sessions: server RSS before / peak / 20 s after closing, MB",
         "{rss_base:.0f} / {rss_peak:.0f} / {rss_after:.0f}".format(**a["concurrent"]),
         "{rss_base:.0f} / {rss_peak:.0f} / {rss_after:.0f}".format(**b["concurrent"]), ""],
    ]
    print(table(["measure", a_name, b_name, "ratio"], rows))
    print()
    print(f"Settled marker counts per TOSER state: {a_name} {a['settled']}, {b_name} {b['settled']} "
          "(folium counts region paths too).")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", default=BASELINE, help="commit to compare against (today's way)")
    args = ap.parse_args()
    header("bench_browser — Explore in headless Chromium, today's way vs the live map",
           "Bytes are counted by a TCP proxy between browser and server (wire) and by Playwright "
           "(decompressed websocket payload); times are wall-clock in the browser.")
    asyncio.run(run(args.baseline))


if __name__ == "__main__":
    main()
