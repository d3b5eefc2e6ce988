"""The Chinese editions (notebooks/zh-CN/ and notebooks/zh-CN/trainer/), built from the same sources.

* every prose cell of a source has its Chinese counterpart right after it (tagged zh-CN), and
  the built Chinese editions have as many markdown cells as the English ones;
* the code cells of the two languages are identical apart from the language line;
* the Chinese prose is Chinese: outside code spans, formulas, links and citations, runs of two or
  more Latin letters number at most 10 % of the Chinese characters;
* the Chinese timings match the English ones, section by section;
* the Chinese editions are stored executed, without errors (nbval re-runs them in this suite).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted((NOTEBOOKS / "src").glob("[0-9][0-9]_*.py"))
STEMS = [p.stem for p in SOURCES]
LANGUAGE_LINE = 'cl.set_language("{}")'

HAN = re.compile(r"[\u4e00-\u9fff]")
CODE_SPAN = re.compile(r"`[^`]*`")
FORMULA = re.compile(r"\$\$.*?\$\$|\$[^$\n]+\$", re.S)
LINK = re.compile(r"\]\([^)]*\)|https?://\S+")
# An author-year citation in ASCII or full-width parentheses: (Jones & Sasser, 1995), （Dick 和 Basu，1994）
CITATION = re.compile(r"[(（][^()（）]*?(?:1[89]\d\d|20\d\d)[a-z]?[^()（）]*[)）]")
LATIN_RUN = re.compile(r"[A-Za-z]{2,}")
ZH_TIME = re.compile(r"^\*（(\d+) 分钟）\*\s*$", re.M)
EN_TIME = re.compile(r"^\*\((\d+) min\)\*\s*$", re.M)


def latin_ratio(markdown: str) -> tuple[int, int]:
    """(Latin letters in runs of two or more, Chinese characters) outside code, formulas, links, citations."""
    text = CITATION.sub(" ", LINK.sub(" ", FORMULA.sub(" ", CODE_SPAN.sub(" ", markdown))))
    text = re.sub(r"<[^>]+>", " ", text)  # HTML tags of tables or boxes
    return sum(len(m) for m in LATIN_RUN.findall(text)), len(HAN.findall(text))


def _read(*parts: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS.joinpath(*parts), as_version=4)


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def test_latin_ratio_counts_what_it_should() -> None:
    assert latin_ratio("客户流失率（churn rate）") == (9, 5)
    assert latin_ratio("见 `cl.churn.churn_rate` 与 $m r^{t-1}$（Jones & Sasser, 1995）") == (0, 2)


@pytest.mark.parametrize("stem", STEMS)
def test_every_prose_cell_has_its_chinese_counterpart(stem: str) -> None:
    builder = _builder()
    source = builder.read_source(NOTEBOOKS / "src" / f"{stem}.py")
    assert builder.bilingual(source), f"src/{stem}.py has no Chinese cells yet"
    assert builder.pairing_problems(source) == []


@pytest.mark.parametrize("edition", ["", "trainer"])
@pytest.mark.parametrize("stem", STEMS)
def test_chinese_edition_mirrors_the_english_one(stem: str, edition: str) -> None:
    english = _read(edition, f"{stem}.ipynb") if edition else _read(f"{stem}.ipynb")
    chinese = _read("zh-CN", edition, f"{stem}.ipynb") if edition else _read("zh-CN", f"{stem}.ipynb")
    assert chinese.metadata["csat_lab"]["language"] == "zh-CN"
    kinds = lambda nb: [c.cell_type for c in nb.cells]  # noqa: E731
    assert kinds(chinese) == kinds(english)
    for en, zh in zip(english.cells, chinese.cells):
        assert _tags(en) == _tags(zh)
        if en.cell_type == "code":
            assert zh.source == en.source.replace(LANGUAGE_LINE.format("en"), LANGUAGE_LINE.format("zh-CN"))
            for out in zh.get("outputs", []):
                assert out.output_type != "error", zh.source[:80]
                assert not (out.output_type == "stream" and out.name == "stderr"), zh.source[:80]
    assert any(LANGUAGE_LINE.format("zh-CN") in c.source for c in chinese.cells if c.cell_type == "code")


@pytest.mark.parametrize("stem", STEMS)
def test_chinese_prose_is_chinese(stem: str) -> None:
    nb = _read("zh-CN", "trainer", f"{stem}.ipynb")
    latin, han = 0, 0
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            letters, chars = latin_ratio(cell.source)
            latin, han = latin + letters, han + chars
    assert han > 0
    assert latin <= 0.10 * han, f"{stem}: {latin} Latin letters against {han} Chinese characters ({latin / han:.1%})"


@pytest.mark.parametrize("stem", STEMS)
def test_chinese_timings_match_the_english_ones(stem: str) -> None:
    en = "\n".join(c.source for c in _read(f"{stem}.ipynb").cells if c.cell_type == "markdown")
    zh = "\n".join(c.source for c in _read("zh-CN", f"{stem}.ipynb").cells if c.cell_type == "markdown")
    assert [int(n) for n in ZH_TIME.findall(zh)] == [int(n) for n in EN_TIME.findall(en)]
    stated = re.search(r"\*\*Time:\*\* about (\d+) minutes", en)
    assert stated and re.search(rf"\*\*时长：\*\*\s*约 ?{stated.group(1)} ?分钟", zh), f"{stem}: '**时长：** 约 N 分钟' line"


def _builder():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
