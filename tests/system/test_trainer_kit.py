"""The trainer kit (``make slides``, ``make handouts``, ``make html``) in a quick form: one notebook per language.

A module fixture builds, into a temporary folder and with the real tool
(``tools/build_kit.py``), the deck, the offline page and both handouts of
notebook 01 (it has a formula and two explorers) in English and Chinese.
Then, for each language:

- the deck and the page are opened in Debian's Chromium with every request
  that is not a local file (or 127.0.0.1) aborted and recorded: nothing may
  try to leave; MathJax must have typeset the formula (``mjx-container``);
  a Chinese heading must be drawn with a CJK font (Chromium's own report of
  the platform fonts used for the element, over the DevTools protocol); the
  explorer's snapshot image must be loaded, with the note in the page's
  language; the deck must have one slide per section heading, plus the title;
- the handouts are read with pypdf: one bookmark per section, each section
  starting a page, text in both languages (the English notebook carries
  Chinese terms), a CJK font embedded, one answer box per exercise in the
  learner edition and the solutions in the trainer edition;
- a second build gives the same bytes.

The full build of all notebooks stays in the make targets.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from _browser import CHROMIUM, LAUNCH_ARGS, ROOT, require_chromium

sys.path.insert(0, str(ROOT / "tools"))
import build_kit as kit  # noqa: E402

STEM = "01_satisfaction_theory"
LANGUAGES = ("en", "zh-CN")
CJK_FONT = re.compile(r"wenquanyi|wqy|cjk|source han|droid sans fallback|yahei|pingfang|hiragino|hei|song|ming",
                      re.IGNORECASE)
HAN = re.compile(r"[\u4e00-\u9fff]")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    require_chromium()
    out = tmp_path_factory.mktemp("kit")
    snapshots, exporters = kit.Snapshots(), kit.Exporters()
    for build in (kit.build_slides, kit.build_html, kit.build_handouts):
        build(out, [STEM], LANGUAGES, snapshots=snapshots, exporters=exporters)
    return out


def sections(language: str) -> list[str]:
    nb = kit.load(STEM, language)
    return [kit.heading_text(c) for c in nb.cells if kit.heading_level(c) == 2]


def checks(language: str) -> int:
    return sum(kit.is_check(c) for c in kit.load(STEM, language).cells)


def _allowed(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"file", "data", "blob", "about"} or parts.hostname == "127.0.0.1"


def open_offline(path: Path, ready: str):
    """Open ``path`` in Chromium with every non-local request aborted; returns (page, blocked, close)."""
    from playwright.sync_api import sync_playwright

    manager = sync_playwright()
    p = manager.__enter__()
    browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    blocked: list[str] = []

    def route(r):
        if _allowed(r.request.url):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("websocket", lambda ws: blocked.append(ws.url))
    page.goto(path.as_uri(), wait_until="load", timeout=60_000)
    page.wait_for_function(ready, timeout=60_000)
    page.evaluate("document.fonts.ready.then(() => true)")

    def close() -> None:
        browser.close()
        manager.__exit__(None, None, None)

    return page, blocked, close


def platform_fonts(page, selector: str) -> list[dict]:
    """The fonts Chromium used to draw the element (DevTools protocol, CSS.getPlatformFontsForNode)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no element {selector}"
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def assert_offline_page(page, blocked: list[str], language: str) -> None:
    assert blocked == [], f"requests that tried to leave the machine: {blocked}"
    assert page.locator("mjx-container").count() >= 1, "MathJax typeset nothing"
    assert page.locator("mjx-container svg").count() >= 1
    assert "$$" not in page.locator("body").inner_text(), "a formula is left as raw $$...$$"
    # Chinese drawn with a CJK font: the title heading holds Chinese in both languages.
    title = page.locator("h1").first.inner_text()
    assert HAN.search(title), title
    fonts = platform_fonts(page, "h1")
    assert any(CJK_FONT.search(f["familyName"]) and f["glyphCount"] > 0 for f in fonts), fonts
    # The explorers: a loaded snapshot image and the note in this language.
    snapshot = page.locator("img.kit-explorer-snapshot").first
    if page.evaluate("typeof Reveal !== 'undefined'"):  # a deck: go to the explorer's slide
        page.evaluate("(img) => { const i = Reveal.getIndices(img.closest('section')); Reveal.slide(i.h, i.v); }",
                      snapshot.element_handle())
    snapshot.scroll_into_view_if_needed()
    assert snapshot.is_visible()
    assert page.locator("img.kit-explorer-snapshot").count() == 2
    assert page.evaluate("(img) => img.complete && img.naturalWidth > 0", snapshot.element_handle())
    assert page.locator(".kit-live-note").first.inner_text().strip() == kit.text("kit.explorer.note", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_deck_works_offline(built, language):
    deck = built / "slides" / language / f"{STEM}.slides.html"
    assert (built / "slides" / language / "assets" / "reveal.js" / "dist" / "reveal.js").is_file()
    page, blocked, close = open_offline(deck, "document.documentElement.dataset.kitReveal === 'ready' && "
                                              "document.documentElement.dataset.kitTypeset === 'done'")
    try:
        # The title and every section heading start a slide; long sections continue below them.
        assert page.evaluate("Reveal.getHorizontalSlides().length") == len(sections(language)) + 1
        assert page.evaluate("document.querySelectorAll('.jp-CodeMirrorEditor').length") == 0, "code shown on slides"
        assert_offline_page(page, blocked, language)
    finally:
        close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_page_is_self_contained(built, language):
    path = built / "html" / language / f"{STEM}.html"
    markup = path.read_text(encoding="utf-8")
    loads = re.findall(r"<(?:script|img|link|iframe)\b[^>]*\b(?:src|href)=\"([^\"]+)\"", markup)
    assert [url for url in loads if not url.startswith(("data:", "#"))] == [], "the page loads other files"
    assert 'lang="' + language + '"' in markup
    page, blocked, close = open_offline(path, "document.documentElement.dataset.kitTypeset === 'done'")
    try:
        assert_offline_page(page, blocked, language)
    finally:
        close()


def _pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(path).pages]


def _flat(text: str) -> str:
    """Text without white space and with ligatures (fi) undone, as PDF text extraction varies in both."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_handouts_have_sections_exercises_and_both_scripts(built, language):
    from pypdf import PdfReader

    folder = built / "handouts" / language
    learner, trainer = folder / f"{STEM}.pdf", folder / f"{STEM}.trainer.pdf"
    titles = sections(language)
    for path in (learner, trainer):
        reader = PdfReader(path)
        # Bookmarks: the notebook title with one child per section.
        children = next(item for item in reader.outline if isinstance(item, list))
        assert [_flat(x.title) for x in children if not isinstance(x, list)] == [_flat(t) for t in titles]
        pages = [_flat(t) for t in _pdf_text(path)]
        for title in titles:  # every section starts a page
            assert any(p.startswith(_flat(title)) for p in pages), f"{title!r} does not start a page in {path.name}"
        text = "\n".join(_pdf_text(path))
        assert HAN.search(text) and re.search(r"[A-Za-z]{4,}", text)
        fonts = set()
        for page in reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                for descendant in font.get("/DescendantFonts", []):
                    descriptor = descendant.get_object().get("/FontDescriptor")
                    if descriptor is not None and "/FontFile2" in descriptor.get_object():
                        fonts.add(str(descendant.get_object()["/BaseFont"]))
        assert any(CJK_FONT.search(f) for f in fonts), f"no CJK font embedded: {fonts}"
        assert b"/CreationDate (" + kit.PDF_DATE + b")" in path.read_bytes()
    learner_text = "\n".join(_pdf_text(learner))
    trainer_text = "\n".join(_pdf_text(trainer))
    answer, solution = kit.text("kit.answer", language), kit.text("kit.solution", language)
    boxes = [line for line in learner_text.splitlines() if _flat(line) == _flat(answer)]  # the box's own line
    assert len(boxes) == checks(language)
    assert solution not in learner_text and _flat(kit.text("kit.edition.learner", language)) in _flat(learner_text)
    assert _flat(trainer_text).count(_flat(solution)) >= checks(language) - 1
    assert not [line for line in trainer_text.splitlines() if _flat(line) == _flat(answer)]
    if language == "en":
        assert "Exercise 01." in learner_text and "客户满意" in learner_text
    else:
        assert "练习" in learner_text and "学员讲义" in learner_text


def test_a_second_build_gives_the_same_files(built, tmp_path):
    again = tmp_path
    kit.build_slides(again, [STEM], ["zh-CN"])
    kit.build_html(again, [STEM], ["en"])
    for rel in (f"slides/zh-CN/{STEM}.slides.html", f"html/en/{STEM}.html"):
        assert (again / rel).read_bytes() == (built / rel).read_bytes(), rel


def test_pdf_dates_are_fixed_without_moving_offsets():
    raw = b"<</CreationDate (D:20261130181354+00'00')\n/ModDate (D:20261130181355+00'00')>>"
    fixed = kit.fixed_dates(raw)
    assert len(fixed) == len(raw) and fixed.count(kit.PDF_DATE) == 2


def _key(text: str) -> str:
    """Letters and digits only: how a line is found again in a PDF's extracted text."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text))


def _plain_lines(markdown: str) -> list[str]:
    """Text lines of markdown without its marks (#, *, |, links), for finding them in a PDF's text."""
    lines = []
    for line in markdown.splitlines():
        line = re.sub(r"<[^>]+>|[#*`|>]|\[(.*?)\]\([^)]*\)", r"\1", line).strip(" -:")
        if len(_key(line)) >= 12:
            lines.append(line)
    return lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_trainer_kit_documents_are_printed_with_answers_only_for_the_trainer(tmp_path, language):
    require_chromium()
    written = kit.build_handouts(tmp_path, [], [language], documents=True)
    folder = tmp_path / "handouts" / language
    names = {p.name for p in written}
    assert names == {"roleplay_cards.pdf", "roleplay_cards.trainer.pdf", "observer_checklist.pdf",
                     "observer_checklist.trainer.pdf", "facilitation_notes.trainer.pdf", "quizzes.pdf",
                     "quizzes.trainer.pdf", "quiz_summary.trainer.pdf"}
    for stem, _, editions, make in kit._documents():
        texts = {e: _key("\n".join(_pdf_text(folder / (f"{stem}.trainer.pdf" if e == "trainer" else f"{stem}.pdf"))))
                 for e in editions}
        for edition, text in texts.items():
            assert _key(kit.text(f"kit.edition.{edition}", language)) in text
            assert HAN.search(text) if language == "zh-CN" else re.search(r"[A-Za-z]{4,}", text)
            # The document's text reaches the page (spot check: its first ten lines).
            lines = _plain_lines(make(language, edition == "trainer"))
            assert lines, stem
            missing = [line for line in lines[:10] if _key(line)[:40] not in text]
            assert not missing, f"{stem}.{edition}: not printed: {missing}"
        if editions == ("learner", "trainer"):
            learner_lines = {_key(x) for x in _plain_lines(make(language, False))}
            only_trainer = [x for x in _plain_lines(make(language, True)) if _key(x) not in learner_lines]
            assert only_trainer, f"{stem}: the trainer version adds nothing"
            for line in only_trainer[:5]:
                key = _key(line)[:60]
                assert key in texts["trainer"] and key not in texts["learner"], (stem, line)
