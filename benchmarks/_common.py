"""Shared helpers for the benchmark scripts (timing, markdown tables, environment line).

Not a test module: nothing here asserts. Every script prints a small markdown report.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEED = 20240601  # every random sample in the benchmarks uses this seed


def best_of(fn, repeat: int = 3):
    """(best wall time in seconds, result of the last call) over ``repeat`` calls."""
    best = float("inf")
    result = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best, result


def once(fn):
    """(wall time in seconds, result) of a single call."""
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def table(headers: list[str], rows: list[list]) -> str:
    """A GitHub-flavoured markdown table."""
    def cell(v):
        return str(v).replace("|", "\\|")

    out = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(cell(v) for v in r) + " |" for r in rows]
    return "\n".join(out)


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 1e6:.2f}"


def kb(n_bytes: float) -> str:
    return f"{n_bytes / 1e3:,.0f}"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def ratio(naive: float, atlas: float) -> str:
    if atlas <= 0:
        return "n/a"
    return f"{naive / atlas:.1f}×"


def environment() -> str:
    import folium
    import geopandas
    import numpy
    import pyproj
    import shapely

    cpu = os.cpu_count()
    return (f"_Python {platform.python_version()}, {platform.machine()}, {cpu} CPU(s); "
            f"numpy {numpy.__version__}, shapely {shapely.__version__}, "
            f"geopandas {geopandas.__version__}, pyproj {pyproj.__version__}, "
            f"folium {folium.__version__}._")


def header(title: str, what: str) -> None:
    print(f"## {title}\n")
    print(what.strip() + "\n")
    print(environment() + "\n")
