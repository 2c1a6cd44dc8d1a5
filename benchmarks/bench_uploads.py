"""10^6 uploaded points on the Corridors page and through the CLI.

Now: the Corridors page under AppTest (the code path the page runs, with the file in its
points uploader), in its own process: first run seconds and peak RSS, then the table's second
page and both downloads built; and ``atlas corridor transsib --points`` on the same file.
Today's figures are the ones measured on the baseline and stated in the speed issue (132 s,
5.75 GB, then a MessageSizeError); the old page is not re-run here because it needs ~6 GB.

Run: ``python benchmarks/bench_uploads.py``. Prints markdown; asserts nothing.
"""

from __future__ import annotations

import _common  # noqa: F401  (puts the repo on sys.path)
from _common import REPO, header, table

import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(REPO / "tests"))
from test_upload_corpus import BIG  # noqa: E402  (the page run the tests bound, reused as is)


def main() -> None:
    header("bench_uploads — 10^6 points on the Corridors page and the CLI",
           "Peak RSS is the process's maximum resident size (getrusage).")
    r = subprocess.run([sys.executable, "-c", BIG.format(tests=str(REPO / "tests"))], capture_output=True,
                       text=True, timeout=1800, cwd=REPO)
    if r.returncode:
        print("page run failed:\n" + r.stderr[-2000:])
        return
    seconds, rss_mb, in_band, rows, _ = r.stdout.strip().splitlines()[-1].split(" ", 4)
    from corpus import big_points_csv

    tmp = Path(tempfile.mkdtemp(prefix="bench-uploads-"))
    csv = tmp / "pts.csv"
    csv.write_bytes(big_points_csv(1_000_000))
    t0 = time.perf_counter()
    cli = subprocess.run([sys.executable, "-m", "atlas.cli", "corridor", "transsib", "--within", "50",
                          "--points", str(csv), "-o", str(tmp / "along.csv")], capture_output=True,
                         text=True, cwd=REPO)
    cli_s = time.perf_counter() - t0
    print(table(["measure", "today (issue)", "now", "ratio"], [
        ["page: upload to finished first run, s", "132", seconds, f"{132 / float(seconds):.0f}×"],
        ["page: peak RSS, MB (incl. table page 2, CSV and GeoPackage built)", "5,750", rss_mb,
         f"{5750 / int(rss_mb):.1f}×"],
        ["page: message-size error", "yes (377 MB message)", "no", ""],
        ["page: table rows sent (it pages)", "all", rows, ""],
        ["points in the 50 km band", "", in_band, ""],
        [f"CLI corridor --points, s (exit {cli.returncode})", "6.5", f"{cli_s:.1f}", ""],
    ]))
    print(f"\nFile: {csv.stat().st_size / 1e6:.1f} MB CSV, 10^6 rows (tests/corpus.py big_points_csv).")


if __name__ == "__main__":
    main()
