"""The course notebooks show tables a trainer can project: formatted numbers, human names.

Issue 16 ("Presentation"): the notebooks do not set ``display.precision`` globally
(every displayed table goes through ``cl.i18n.format_table`` with the kinds of its
columns), so no stored output shows scientific notation ("3.047e+06", "2.015e-74"),
a bare NaN or None, or a developer's snake_case column name (``ci_low``,
``quadrant_label``). These checks read the committed editions only; the build
(tools/build_notebooks.py) writes them.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted((NOTEBOOKS / "src").glob("[0-9][0-9]_*.py"))
STEMS = [p.stem for p in SOURCES]
#: The four editions of a course notebook (learner and trainer, English and Chinese).
EDITIONS = ("{stem}.ipynb", "trainer/{stem}.ipynb", "zh-CN/{stem}.ipynb", "zh-CN/trainer/{stem}.ipynb")

#: A global precision setting in a source (any quoting, any spacing).
GLOBAL_PRECISION = re.compile(r"""set_option\(\s*["']display\.precision["']""")
#: A number in scientific notation: 1e+05, 3.047e+06, 2.015e-74 (not inside a word or hex id).
SCIENTIFIC = re.compile(r"(?<![\w.])\d+(?:\.\d+)?[eE][+-]?\d+\b")
#: A missing value shown as pandas/Python spell it.
MISSING = re.compile(r"(?<![\w-])(?:NaN|None|nan|NaT|<NA>)(?![\w-])")
#: A table header cell whose whole text is a snake_case identifier (ci_low, quadrant_label).
SNAKE_HEADER = re.compile(r"<th[^>]*>\s*([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\s*</th>")


def _text(value) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _outputs(stem: str, checks: bool = True):
    """(edition, cell index, mime type, text) of every text/plain and text/html output.

    With ``checks=False`` the outputs of exercise self-checks (``cl.check(...)``) are
    left out: "no answer yet. Replace None with your answer" quotes code on purpose.
    """
    for pattern in EDITIONS:
        path = NOTEBOOKS / pattern.format(stem=stem)
        if not path.exists():
            continue
        notebook = nbformat.read(path, as_version=4)
        for index, cell in enumerate(notebook.cells):
            if cell.cell_type != "code" or (not checks and "cl.check(" in cell.source):
                continue
            for output in cell.get("outputs", []):
                data = output.get("data", {})
                for mime in ("text/plain", "text/html"):
                    if mime in data:
                        yield pattern.format(stem=stem), index, mime, _text(data[mime])


def _html_without_markup(text: str) -> str:
    """The visible text of an HTML output (tags, styles and scripts removed)."""
    text = re.sub(r"<(style|script)\b.*?</\1>", " ", text, flags=re.DOTALL | re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


@pytest.mark.parametrize("source", SOURCES, ids=STEMS)
def test_sources_do_not_set_display_precision_globally(source: Path) -> None:
    assert not GLOBAL_PRECISION.search(source.read_text(encoding="utf-8")), (
        f"{source.name}: format tables with cl.i18n.format_table instead of pd.set_option('display.precision')")


@pytest.mark.parametrize("stem", STEMS)
def test_stored_outputs_show_no_scientific_notation(stem: str) -> None:
    found = []
    for edition, index, mime, text in _outputs(stem):
        visible = _html_without_markup(text) if mime == "text/html" else text
        found += [(edition, index, mime, m.group()) for m in SCIENTIFIC.finditer(visible)]
    assert not found, found[:10]


@pytest.mark.parametrize("stem", STEMS)
def test_stored_outputs_show_no_nan_or_none(stem: str) -> None:
    found = []
    for edition, index, mime, text in _outputs(stem, checks=False):
        visible = _html_without_markup(text) if mime == "text/html" else text
        found += [(edition, index, mime, m.group()) for m in MISSING.finditer(visible)]
    assert not found, found[:10]


@pytest.mark.parametrize("stem", STEMS)
def test_table_headers_are_human_names(stem: str) -> None:
    found = []
    for edition, index, mime, text in _outputs(stem):
        if mime == "text/html":
            found += [(edition, index, m.group(1)) for m in SNAKE_HEADER.finditer(text)]
    assert not found, found[:10]


def test_the_patterns_catch_what_the_issue_reports() -> None:
    assert SCIENTIFIC.search("Store sales 3.047e+06") and SCIENTIFIC.search("p = 2.015e-74")
    assert SCIENTIFIC.search("Revenue at start 1e+05")
    assert not SCIENTIFIC.search("wave 2024-05-01, id 0xADDRESS, 12.5%, 1,869 / 7,043, abc1e5")
    assert MISSING.search("<td>NaN</td>".replace("<td>", " ").replace("</td>", " "))
    assert MISSING.search("Acquisition / retention cost: None")
    assert not MISSING.search("Nonetheless Nancy")
    assert SNAKE_HEADER.search('<th>ci_low</th>') and SNAKE_HEADER.search('<th class="x">quadrant_label</th>')
    assert not SNAKE_HEADER.search("<th>Lower bound</th>") and not SNAKE_HEADER.search("<th>Q4_1</th>")
