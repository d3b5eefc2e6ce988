"""A report's HTML in Chromium (offline, charts drawn) and its PDF (text, numbers, embedded CJK font).

One Chromium launch serves both: the page is loaded with every non-local
request aborted and counted, then the same browser prints the PDF, which
pypdf reads back.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
from _browser import CHROMIUM, LAUNCH_ARGS, require_chromium

import csat_lab as cl
from csat_lab.report import Report

pytestmark = pytest.mark.browser

# 10 answers: five promoters (9-10), two passives (7-8), three detractors (0-6): NPS = 100 (5 - 3) / 10 = 20.
NPS_ANSWERS = [10, 10, 9, 8, 7, 6, 2, 9, 10, 5]


def _fonts(reader) -> list[tuple[str, bool]]:
    """(font name, embedded?) of every font on every page.

    Chromium embeds a subset of each font, as a CID font (glyphs in ``/FontFile2``) or as a Type 3
    font (glyphs drawn by the ``/CharProcs`` procedures); either way no font is needed to read the PDF.
    """
    found = []
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")) or \
                (font.get("/Subtype") == "/Type3" and bool(font.get("/CharProcs")))
            found.append((str(font.get("/BaseFont") or descriptor.get("/FontName")), embedded))
    return found


def test_report_html_renders_offline_and_prints_to_pdf(tmp_path):
    require_chromium()
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    from csat_lab.report._pdf import print_pdfs

    nps = cl.metrics.nps(NPS_ANSWERS)
    data = {"wave": [1] * 6 + [2] * 6, "sat": [5, 4, 3, 2, 4, 5, 5, 5, 4, 4, 3, 5]}
    import pandas as pd

    groups = cl.metrics.compare_groups(pd.DataFrame(data), score="sat", group="wave")
    rep = Report("顾客满意度报告", language="zh-CN", subtitle="秋季调查", date=dt.date(2026, 11, 30))
    rep.add(nps).add(groups).add("结论：推荐者多于贬损者。")
    html_path = rep.to_html(tmp_path / "report.html")

    blocked, requested = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})

            def route(r):
                requested.append(r.request.url)
                if r.request.url.split(":", 1)[0] in {"file", "data", "blob", "about"}:
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(html_path.as_uri(), wait_until="load")
            sizes = page.evaluate(
                "[...document.querySelectorAll('figure.chart svg, img')]"
                ".map(e => { const b = e.getBoundingClientRect(); return [b.width, b.height]; })")
            lang = page.evaluate("document.documentElement.lang")
            heading = page.evaluate("document.querySelector('h1').textContent")
            page.close()
            pdf_path = tmp_path / "report.pdf"
            print_pdfs([(html_path.read_text(encoding="utf-8"), pdf_path)], rep.date, browser=browser)
        finally:
            browser.close()

    assert blocked == []
    assert requested == [html_path.as_uri()]  # the page itself, nothing else
    assert len(sizes) == 2 and all(w > 100 and h > 100 for w, h in sizes)  # both charts drawn
    assert lang == "zh-CN" and heading == "顾客满意度报告"

    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF-") and b"D:20261130000000+00'00'" in data
    reader = PdfReader(io.BytesIO(data))
    # pypdf puts spaces around runs of Latin text inside Chinese; compare without any whitespace.
    text = "".join("".join(page.extract_text().split()) for page in reader.pages)
    assert "顾客满意度报告" in text
    assert "净推荐值为20.0（95%置信区间" in text  # the hand-computed NPS
    assert "结论：推荐者多于贬损者。" in text
    assert "反演Newcombe区间" in text  # the groups table in the report's language
    fonts = _fonts(reader)
    assert fonts and all(embedded for _, embedded in fonts)
    assert any("WenQuanYi" in name or "wqy" in name.lower() for name, _ in fonts), fonts


def test_report_prints_to_pdf_from_inside_a_running_event_loop(tmp_path):
    """A Jupyter kernel runs an asyncio loop; Playwright's sync API refuses to start in it, so
    ``to_pdf`` must print from a worker thread there (this failed in notebook 08 before)."""
    require_chromium()
    import asyncio

    from pypdf import PdfReader

    rep = Report("Loop report", language="en", date=dt.date(2026, 11, 30))
    rep.add(cl.metrics.nps(NPS_ANSWERS))

    async def inside_loop():
        asyncio.get_running_loop()  # the condition a notebook cell runs under
        return rep.to_pdf(tmp_path / "loop.pdf")

    path = asyncio.run(inside_loop())
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert "Loop report" in text and "20.0" in text
