"""Start a Streamlit app on a free local port and wait until it answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

from atlas.paths import REPO_DIR


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(script: Path | None = None, cwd: Path | None = None, env: dict | None = None,
              port: int | None = None, timeout_s: float = 60) -> tuple[subprocess.Popen, str]:
    """``streamlit run`` of ``script`` (the atlas by default), headless on 127.0.0.1.

    Returns the process and its URL once ``/_stcore/health`` says ok; raises RuntimeError
    (after stopping the process) if it does not within ``timeout_s``.
    """
    script = script or REPO_DIR / "atlas" / "streamlit_app.py"
    port = port or free_port()
    run_env = dict(os.environ if env is None else env, STREAMLIT_BROWSER_GATHER_USAGE_STATS="false")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1"],
        cwd=cwd or REPO_DIR, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if urlopen(url + "/_stcore/health", timeout=1).read() == b"ok":
                return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError(f"streamlit did not start: {script}")
