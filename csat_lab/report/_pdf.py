"""Printing a report page to PDF with Debian's Chromium through Playwright (internal).

The page is written to a temporary file and opened from there; every request
that is not for a local file or an inline resource is aborted and counted, so
a report can never reach the network. The PDF's dates are set to the report
date, so the same report prints to the same bytes.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as _futures
import datetime as _dt
import re
import tempfile
from pathlib import Path
from typing import Any

from ..errors import CsatInputError
from ..i18n import Message

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]
#: Schemes a report page may load: itself and what is inline in it.
LOCAL_SCHEMES = {"file", "data", "blob", "about"}
_PDF_DATE = re.compile(rb"D:\d{14}[+\-Z]\d\d'\d\d'")


def is_local(url: str) -> bool:
    """True for a URL the report page may load (``file:``, ``data:``, ``blob:``, ``about:``)."""
    return url.split(":", 1)[0].lower() in LOCAL_SCHEMES


def _loop_running() -> bool:
    """True when an asyncio event loop runs in this thread (as in a Jupyter kernel)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def fixed_dates(pdf: bytes, date: _dt.date) -> bytes:
    """``pdf`` with its creation and modification dates set to ``date`` (same length, so offsets hold)."""
    stamp = f"D:{date:%Y%m%d}000000+00'00'".encode()
    return _PDF_DATE.sub(lambda m: stamp if len(m.group(0)) == len(stamp) else m.group(0), pdf)


def print_pdfs(jobs: list[tuple[str, Path]], date: _dt.date, *, browser: Any = None) -> list[str]:
    """Print each ``(html text, pdf path)``; return the URLs that were blocked (raises when any was).

    ``browser`` may be a Playwright browser already launched (tests print and
    inspect with one launch); otherwise Chromium is launched and closed here.
    """
    if browser is None:
        if not CHROMIUM.exists():
            raise CsatInputError(Message("report.error.browser", path=str(CHROMIUM)))
        if _loop_running():
            # Jupyter runs an asyncio loop in this thread, where Playwright's sync API refuses
            # to start; a worker thread has no loop, so print there and wait for it.
            with _futures.ThreadPoolExecutor(max_workers=1) as pool:
                return pool.submit(print_pdfs, jobs, date).result()
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            launched = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
            try:
                return print_pdfs(jobs, date, browser=launched)
            finally:
                launched.close()
    blocked: list[str] = []

    def local_only(route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page = browser.new_page()
    try:
        page.route("**/*", local_only)
        with tempfile.TemporaryDirectory(prefix="csat_report_") as tmp:
            for text, pdf in jobs:
                source = Path(tmp) / "report.html"
                source.write_text(text, encoding="utf-8")
                page.goto(source.as_uri(), wait_until="load", timeout=120_000)
                page.evaluate("document.fonts.ready.then(() => true)")
                data = page.pdf(format="A4", print_background=True, outline=True, tagged=True,
                                margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"})
                pdf.write_bytes(fixed_dates(data, date))
    finally:
        page.close()
    if blocked:
        raise CsatInputError(Message("report.error.blocked", count=len(blocked), urls=", ".join(blocked[:5])))
    return blocked
