"""Helpers for the browser tests: Debian's Chromium via Playwright, local servers that always stop.

Nothing here downloads a browser: Playwright drives ``/usr/bin/chromium``.
Without it the tests skip, except under CI (``CI`` set), where a missing
browser is a failure because ``make test`` installs it first.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]
LOCAL_SCHEMES = {"data", "blob", "about"}


def require_chromium() -> None:
    """Skip (or fail under CI) when Debian's Chromium is not installed."""
    import pytest

    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI is set but {CHROMIUM} is missing; `make browser` installs Debian's chromium")
    pytest.skip(f"{CHROMIUM} is absent; install Debian's chromium (`make browser`) to run browser tests")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    # The server runs in its own session: signal the whole group, politely first.
    for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def server(cmd: list[str], port: int, log_name: str, *, timeout: float = 60,
           env: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """Run ``cmd`` until it listens on ``port`` (bounded wait); always stop it afterwards.

    Raises RuntimeError with the end of the server's log when it exits or
    does not listen in time (plain exceptions, so benchmarks can use it too).
    """
    ARTIFACTS.mkdir(exist_ok=True)
    log_path = ARTIFACTS / log_name
    with open(log_path, "w") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "MPLBACKEND": "Agg", **(env or {})})
        try:
            deadline = time.monotonic() + timeout
            while not _listening(port):
                if proc.poll() is not None:
                    raise RuntimeError(f"server exited with {proc.returncode}: {log_path.read_text()[-2000:]}")
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server not listening on {port} after {timeout:.0f} s: "
                                       f"{log_path.read_text()[-2000:]}")
                time.sleep(0.2)
            yield proc
        finally:
            _stop(proc)


@contextmanager
def chromium_page(requests: list[str]) -> Iterator[object]:
    """A fresh headless Chromium page whose every request URL is appended to ``requests``."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 1000})
            page.on("request", lambda request: requests.append(request.url))
            page.on("websocket", lambda ws: requests.append(ws.url))
            yield page
        finally:
            browser.close()


def voila_command(port: int) -> list[str]:
    """``make app``'s Voila command on ``port``, with the offline template installed and chosen."""
    from csat_lab.course.launch import app_command
    from csat_lab.widgets.voila import TEMPLATE, install_voila_template

    install_voila_template()
    cmd = app_command(port=port, open_browser=False)
    if not any(arg.startswith("--template") for arg in cmd):
        cmd.append(f"--template={TEMPLATE}")
    return cmd


def remote(requests: list[str]) -> list[str]:
    """The requests that went anywhere but 127.0.0.1."""
    return [url for url in requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).hostname != "127.0.0.1"]
