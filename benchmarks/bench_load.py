"""Server capacity: N sessions at once, the server alone and with browsers, atlas beside a bare page.

Two servers run in one run: the atlas (``streamlit run atlas/streamlit_app.py``, Explore at
``/``) and a two-line Streamlit page (``st.write("ok")``). For N = 1, 10, 30 (bare page first,
then the atlas, so both see the same machine):

* **server alone** — N light websocket clients (``stclient.Session``: the frontend's protocol,
  nothing rendered) connect at once and ask for the page. Time to first map = from the start
  until the delta that draws the ``atlas_map`` component arrives (for the bare page: its
  ``ok``); run finished = ``script_finished``. Then every session reruns once with a filter
  change (the TOSER radio set to "yes", as a click sends it; the bare page just reruns).
  Server CPU = utime + stime of the server's process tree from ``/proc`` before and after,
  divided by N. RSS (process tree) before, at peak (sampled every 0.1 s) and ``--settle``
  seconds after the sessions close.
* **with browsers** — headless Chromium opens the page in N tabs at once (``bench_browser``'s
  ``concurrent`` / ``concurrent_floor``): seconds until all show their map.

A warm-up session runs first (the first session of a server loads the data into Streamlit's
caches; its times are reported on their own). The machine's load average is printed with the
results: on a shared machine the absolute times move a lot, the ratios to the bare page less.

Run: ``python benchmarks/bench_load.py [--sessions 1,10,30] [--browser-sessions 1,10]
[--no-browser] [--append]`` from the repository root. Nothing here asserts.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import math
import os
import statistics
import subprocess
import tempfile
import threading
import time

import _common  # noqa: F401  (puts the repo on sys.path)
from _common import REPO, header, table
from bench_browser import (
    ARGS,
    CHROMIUM,
    concurrent,
    concurrent_floor,
    start_app,
    start_bare,
    unpack,
)
from stclient import Session, component_named, markdown_equal, string_widget, widget_with_key

RESULTS = REPO / "benchmarks" / "results.md"
GOALS = {"browser_ratio": 1.5, "p95_s": 3.0, "rss_mb": 600.0, "rss_back": 0.10}
TICK = os.sysconf("SC_CLK_TCK")


# --- the server process tree from /proc -----------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # fields from 3 (state) on; the name may hold spaces


def tree(pid: int) -> list[int]:
    """``pid`` and every live descendant."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            f = _stat(int(entry))
            if f is not None:
                children.setdefault(int(f[1]), []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def cpu_s(pid: int) -> float:
    """User + system CPU seconds of the tree (reaped children counted through the root)."""
    total = 0.0
    for p in tree(pid):
        f = _stat(p)
        if f is not None:  # utime, stime, cutime, cstime are fields 14-17
            total += sum(int(x) for x in f[11:15]) / TICK
    return total


def rss_tree_mb(pid: int) -> float:
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/statm", encoding="utf-8") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
    return total / 2**20


class PeakRss:
    """Samples the tree's RSS every 0.1 s in a thread; ``peak`` is the largest seen."""

    def __init__(self, pid: int):
        self.pid, self.peak = pid, rss_tree_mb(pid)
        self._stop = threading.Event()
        self._th = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_tree_mb(self.pid))
            time.sleep(0.1)

    def __enter__(self):
        self._th.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._th.join()


def load_average() -> str:
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


# --- light sessions -----------------------------------------------------------------------------

APPS = {  # name -> (matcher of "the page is there", widget key flipped on the rerun or None)
    "bare": (markdown_equal("ok"), None),
    "atlas": (component_named("atlas_map"), "f_toser"),
    "before": (component_named("atlas_map"), "f_toser"),  # --baseline: the same page, older tree
}


def _q(values: list[float], q: float) -> float:
    """The q-quantile (nearest rank) of ``values``."""
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(q * len(v)) - 1))]


async def light(app: str, port: int, pid: int, n: int, settle_s: float) -> dict:
    """N sessions at once: first run, one rerun each, close; times, CPU and RSS."""
    match, key = APPS[app]
    rss_before, cpu0 = rss_tree_mb(pid), cpu_s(pid)
    sessions = [Session(port) for _ in range(n)]
    with PeakRss(pid) as peak:
        t0 = time.perf_counter()

        async def first(s: Session):
            await s.connect()
            return await s.run(match, t0=t0)

        runs = await asyncio.gather(*(first(s) for s in sessions))
        cpu1 = cpu_s(pid)
        states = [None] * n
        if key:
            for i, r in enumerate(runs):
                wid, el = widget_with_key(r, key)
                states[i] = string_widget(wid, el.options[1])
        t1 = time.perf_counter()
        reruns = await asyncio.gather(*(s.run(match, widget_states=w, t0=t1)
                                        for s, w in zip(sessions, states, strict=True)))
        cpu2 = cpu_s(pid)
        await asyncio.gather(*(s.close() for s in sessions))
    await asyncio.sleep(settle_s)
    bad = [r for r in runs + reruns if r.first_match_s is None or r.status != "ok" or r.errors]
    return {
        "n": n, "first": [r.first_match_s for r in runs], "finished": [r.finished_s for r in runs],
        "rerun": [r.first_match_s for r in reruns], "rerun_finished": [r.finished_s for r in reruns],
        "cpu_first": (cpu1 - cpu0) / n, "cpu_rerun": (cpu2 - cpu1) / n,
        "bytes_first": statistics.median(r.bytes for r in runs),
        "rss_before": rss_before, "rss_peak": peak.peak, "rss_after": rss_tree_mb(pid),
        "bad": len(bad), "errors": sorted({e for r in bad for e in r.errors})[:3],
    }


async def warm_up(app: str, port: int, pid: int) -> dict:
    """The server's first session (caches empty)."""
    match, _ = APPS[app]
    cpu0 = cpu_s(pid)
    s = Session(port)
    t0 = time.perf_counter()
    await s.connect()
    r = await s.run(match, t0=t0)
    await s.close()
    await asyncio.sleep(2)
    return {"first": r.first_match_s, "finished": r.finished_s, "cpu": cpu_s(pid) - cpu0,
            "rss": rss_tree_mb(pid)}


async def browsers(apps: dict[str, tuple[int, int]], counts: list[int]) -> dict:
    """N tabs per app (name -> (port, pid)) after the bare page's N tabs; {n: {app: result}}."""
    from playwright.async_api import async_playwright

    out: dict[int, dict] = {}
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in counts:
            out[n] = {"bare": await concurrent_floor(browser, n)}
            for app, (port, pid) in apps.items():
                try:
                    out[n][app] = await concurrent(browser, f"http://127.0.0.1:{port}", pid, n,
                                                   live_map=True)
                except Exception as exc:  # a tab that never drew its map: say so, keep the rest
                    print(f"  {app}, {n} tabs: {type(exc).__name__}: {exc}", flush=True)
        await browser.close()
    return out


# --- run and report -------------------------------------------------------------------------------

async def run(counts: list[int], browser_counts: list[int], settle_s: float,
              baseline: str | None = None) -> dict:
    procs = {}
    try:
        procs["bare"] = start_bare()
        if baseline:
            procs["before"] = _own_cache(lambda: start_app(unpack(baseline)))
        procs["atlas"] = _own_cache(lambda: start_app(REPO))
        start_rss = {a: rss_tree_mb(p.pid) for a, (p, _) in procs.items()}
        warm = {a: await warm_up(a, port, p.pid) for a, (p, port) in procs.items()}
        light_res: dict[int, dict] = {}
        for n in counts:
            light_res[n] = {a: await light(a, port, p.pid, n, settle_s) for a, (p, port) in procs.items()}
            print(f"  N={n} done (load {load_average()})", flush=True)
        pages = {a: (port, p.pid) for a, (p, port) in procs.items() if a != "bare"}
        browser_res = await browsers(pages, browser_counts) if browser_counts else {}
        return {"start_rss": start_rss, "warm": warm, "light": light_res, "browser": browser_res}
    finally:
        for proc, _ in procs.values():
            proc.terminate()
            proc.wait(20)


def _own_cache(start):
    """Start a server with its own ATLAS_CACHE_DIR: atlas.maps.webdir removes the web folders
    of other data versions when it writes its own, so two versions (or another checkout's
    tests) sharing one cache dir take each other's live map away."""
    old = os.environ.get("ATLAS_CACHE_DIR")
    os.environ["ATLAS_CACHE_DIR"] = tempfile.mkdtemp(prefix="atlas-bench-cache-")
    try:
        return start()
    finally:
        if old is None:
            os.environ.pop("ATLAS_CACHE_DIR", None)
        else:
            os.environ["ATLAS_CACHE_DIR"] = old


def _pct(vals, q):
    return f"{_q(vals, q):.2f}"


def report(res: dict, load_before: str, load_after: str) -> str:
    apps = list(res["warm"])
    lines = [f"Machine load average (1/5/15 min): {load_before} at the start, {load_after} at "
             "the end (2 CPUs shared with other jobs).\n"]
    w = res["warm"]
    lines.append(table(
        ["server's first session (cold caches)"] + apps,
        [["RSS at start, MB"] + [f"{res['start_rss'][a]:.0f}" for a in apps],
         ["time to first map (bare: its text), s"] + [f"{w[a]['first']:.2f}" for a in apps],
         ["run finished, s"] + [f"{w[a]['finished']:.2f}" for a in apps],
         ["server CPU, s"] + [f"{w[a]['cpu']:.2f}" for a in apps],
         ["RSS after it closed, MB"] + [f"{w[a]['rss']:.0f}" for a in apps]]))
    lines.append("")
    rows = []
    for n, by_app in res["light"].items():
        for app in apps:
            r = by_app[app]
            back = (r["rss_after"] - r["rss_before"]) / r["rss_before"]
            rows.append([n, app, _pct(r["first"], .5), _pct(r["first"], .95),
                         f"{max(r['first']):.2f}", _pct(r["finished"], .95), _pct(r["rerun"], .95),
                         f"{r['cpu_first']:.3f}", f"{r['cpu_rerun']:.3f}",
                         f"{r['bytes_first'] / 1e3:.0f}",
                         f"{r['rss_before']:.0f} / {r['rss_peak']:.0f} / {r['rss_after']:.0f}",
                         f"{back * 100:+.1f}%", r["bad"]])
    lines.append(table(
        ["N", "page", "first map p50, s", "p95, s", "max, s", "run finished p95, s",
         "rerun: map p95, s", "CPU per first run, s", "CPU per rerun, s",
         "ws payload per first run, kB", "RSS before / peak / after, MB", "after vs before",
         "failed runs"], rows))
    lines.append("")
    if "before" in apps:
        lines.append(before_after(res))
        lines.append("")
    if res["browser"]:
        pages = [a for a in apps if a != "bare"]
        brow = []
        for n, b in res["browser"].items():
            row = [n, f"{b['bare']:.1f}"]
            for a in pages:
                row += ([f"{b[a]['all_s']:.1f}", f"{b[a]['all_s'] / b['bare']:.2f}×",
                         f"{b[a]['rss_base']:.0f} / {b[a]['rss_peak']:.0f} / {b[a]['rss_after']:.0f}"]
                        if a in b else ["timed out", "", ""])
            brow.append(row)
        heads = ["N tabs at once (Chromium)", "bare page: all showing ok, s"]
        for a in pages:
            heads += [f"{a}: all showing their map, s", f"{a} / bare", f"{a} server RSS before / peak / after, MB"]
        lines.append(table(heads, brow))
        lines.append("")
    lines.append(goals(res))
    return "\n".join(lines)


def before_after(res: dict) -> str:
    """Ratios before / after (> 1× means the change helped) for each N."""
    def ratio(x, y):
        return f"{x / y:.1f}×" if y > 0 else "n/a"

    rows = []
    for n, by_app in res["light"].items():
        b, a = by_app["before"], by_app["atlas"]
        grow = lambda r: (r["rss_after"] - r["rss_before"])  # noqa: E731
        rows.append([n, f"{_q(b['first'], .95):.2f} → {_q(a['first'], .95):.2f}",
                     ratio(_q(b["first"], .95), _q(a["first"], .95)),
                     f"{b['cpu_first']:.3f} → {a['cpu_first']:.3f}", ratio(b["cpu_first"], a["cpu_first"]),
                     f"{b['cpu_rerun']:.3f} → {a['cpu_rerun']:.3f}", ratio(b["cpu_rerun"], a["cpu_rerun"]),
                     f"{b['rss_peak'] - b['rss_before']:.0f} → {a['rss_peak'] - a['rss_before']:.0f}",
                     f"{grow(b):+.0f} → {grow(a):+.0f}"])
    for n, br in res["browser"].items():
        if "before" in br and "atlas" in br:
            rows.append([f"{n} tabs", f"{br['before']['all_s']:.1f} → {br['atlas']['all_s']:.1f} (all maps)",
                         ratio(br["before"]["all_s"], br["atlas"]["all_s"]), "", "", "", "", "", ""])
    return table(["N", "first map p95, s (before → after)", "ratio", "CPU per first run, s", "ratio",
                  "CPU per rerun, s", "ratio", "RSS peak − before, MB", "RSS after − before, MB"], rows)


def goals(res: dict) -> str:
    rows = []
    b10 = res["browser"].get(10, {})
    if "atlas" in b10:
        r = b10["atlas"]["all_s"] / b10["bare"]
        rows.append(["10 browsers: all maps ≤ 1.5× the bare page", f"{r:.2f}×",
                     "met" if r <= GOALS["browser_ratio"] else "NOT met"])
    l30 = res["light"].get(30, {}).get("atlas")
    if l30:
        p95 = _q(l30["first"], .95)
        back = (l30["rss_after"] - l30["rss_before"]) / l30["rss_before"]
        rows += [["30 sessions: p95 time to first map ≤ 3 s", f"{p95:.2f} s",
                  "met" if p95 <= GOALS["p95_s"] else "NOT met"],
                 ["30 sessions: RSS ≤ 600 MB (peak)", f"{l30['rss_peak']:.0f} MB",
                  "met" if l30["rss_peak"] <= GOALS["rss_mb"] else "NOT met"],
                 ["30 sessions: RSS back within 10% after they close", f"{back * 100:+.1f}%",
                  "met" if back <= GOALS["rss_back"] else "NOT met"]]
    return table(["goal (issue #18, point 7)", "measured", ""], rows) if rows else ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", default="1,10,30", help="light-client session counts")
    ap.add_argument("--browser-sessions", default="1,10", help="Chromium tab counts")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--baseline", default=None,
                    help="also run this commit's atlas (git archive) as 'before', side by side")
    ap.add_argument("--settle", type=float, default=20.0, help="seconds to wait after closing")
    ap.add_argument("--append", action="store_true", help="append the report to benchmarks/results.md")
    ap.add_argument("--label", default="", help="a note for the results heading (e.g. before/after)")
    args = ap.parse_args()
    counts = [int(x) for x in args.sessions.split(",") if x]
    bcounts = [] if args.no_browser else [int(x) for x in args.browser_sessions.split(",") if x]
    title = "bench_load — N sessions at once: server alone and with browsers, atlas vs a bare page"
    header(title, "Light websocket clients measure the server alone; Chromium tabs add rendering. "
           "Times are wall clock from the moment all N sessions start.")
    load_before = load_average()
    res = asyncio.run(run(counts, bcounts, args.settle, args.baseline))
    text = report(res, load_before, load_average())
    print(text)
    if args.append:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True).stdout.strip()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
        label = f" — {args.label}" if args.label else ""
        with open(RESULTS, "a", encoding="utf-8") as f:
            f.write(f"\n## {title}\n\n_{stamp}, commit {commit}{label}._\n\n{text}\n")


if __name__ == "__main__":
    main()
