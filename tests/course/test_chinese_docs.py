"""The Chinese documents: README.zh-CN.md, notebooks/TRAINERS.zh-CN.md and the data cards' 数据故事.

They are written in Chinese, not machine-translated, so the tests do not compare sentences. They
check what must not drift from the English: the link from README.md, the map of notebooks and
its minutes (taken from the trainer guide's "Timings per notebook" table), the trainer guide's
sections, timings and figures, the own-data example's code, and that the prose is Chinese:
Latin letters outside code blocks, code spans and link targets number at most 10 % of the Han
characters.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import tokenize
from pathlib import Path

import pytest

import csat_lab as cl

ROOT = Path(__file__).resolve().parents[2]
README_EN = ROOT / "README.md"
README_ZH = ROOT / "README.zh-CN.md"
TRAINERS_EN = ROOT / "notebooks" / "TRAINERS.md"
TRAINERS_ZH = ROOT / "notebooks" / "TRAINERS.zh-CN.md"
CARDS = sorted(p.name.removesuffix(".schema.json") for p in (ROOT / "datasets").glob("*.schema.json"))

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
CODE_SPAN = re.compile(r"`[^`\n]+`")
LINK_TARGET = re.compile(r"\]\([^)\s]+\)")
TIMING_ROW = re.compile(r"^\| (\d\d) [^|]*\| (\d+) \| (\d+) \|", re.MULTILINE)
PYTHON_BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _prose(markdown: str) -> str:
    """The text a reader reads as prose: without code blocks, code spans and link targets."""
    return LINK_TARGET.sub("]", CODE_SPAN.sub(" ", FENCE.sub(" ", markdown)))


def _latin_share(markdown: str) -> tuple[int, int]:
    prose = _prose(markdown)
    return len(LATIN.findall(prose)), len(HAN.findall(prose))


def _timings(markdown: str) -> dict[str, tuple[int, int]]:
    """Notebook number → (minutes, can be cut to), from the trainer guide's timings table."""
    return {m.group(1): (int(m.group(2)), int(m.group(3))) for m in TIMING_ROW.finditer(markdown)}


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def _code_tokens(source: str) -> list[str]:
    """The tokens of a Python block without its comments and layout: the code as Python sees it."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT,
            tokenize.ENDMARKER}
    return [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type not in skip]


# --- README ------------------------------------------------------------------------------------

def test_readme_links_to_the_chinese_edition_at_the_top_and_back() -> None:
    assert README_ZH.exists()
    assert "(README.zh-CN.md)" in "\n".join(_read(README_EN).splitlines()[:3])
    assert "(README.md)" in "\n".join(_read(README_ZH).splitlines()[:3])


def test_chinese_readme_maps_every_notebook_with_the_trainer_guide_minutes() -> None:
    timings = _timings(_read(TRAINERS_EN))
    assert sorted(timings) == [f"{n:02d}" for n in range(10)], "the trainer guide's timings table changed"
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| `(\d\d)_\w+`(.*)$", _read(README_ZH), re.MULTILINE)}
    assert sorted(rows) == sorted(timings), "README.zh-CN.md must list notebooks 00-09"
    for number, (minutes, cut_to) in timings.items():
        stated = [int(m) for m in re.findall(r"(\d+) 分钟", rows[number])]
        assert stated == [minutes, cut_to], f"notebook {number}: README.zh-CN.md says {stated}, TRAINERS.md {minutes}/{cut_to}"


def test_chinese_readme_names_the_commands_language_switch_and_editions() -> None:
    text = _read(README_ZH)
    for needed in ("make lab", "make test", 'cl.set_language("zh-CN")', "`notebooks/zh-CN/`",
                   "`notebooks/zh-CN/trainer/`", "(notebooks/TRAINERS.zh-CN.md)"):
        assert needed in text, f"README.zh-CN.md lacks {needed}"
    for reader in ("培训师", "自学员工", "分析人员"):
        assert reader in text


def test_chinese_readme_own_data_example_is_the_english_code() -> None:
    def own_data(path: Path) -> str:
        blocks = [b for b in PYTHON_BLOCK.findall(_read(path)) if "read_qualtrics" in b]
        assert len(blocks) == 1, f"{path.name}: expected one own-data example"
        return blocks[0]

    # The same code; the Chinese one only switches the output to Chinese first.
    chinese = own_data(README_ZH).replace('cl.set_language("zh-CN")\n', "", 1)
    assert _code_tokens(chinese) == _code_tokens(own_data(README_EN))
    assert HAN.search(own_data(README_ZH)), "the Chinese example should explain itself in Chinese comments"


def test_chinese_readme_examples_run(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("readme_runner", ROOT / "tests" / "system" / "test_readme.py")
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    try:
        runs = runner.run_readme(README_ZH, tmp_path)
    finally:
        cl.set_language("en")
    assert len(runs) >= 2
    text = "".join(printed for _, printed, _ in runs)
    assert "很不满意" in text and "很满意" in text
    # IBM Telco: 1,869 churners of 7,043 customers; 1869 / 7043 = 0.26537 -> 26.5%, by hand.
    assert "1,869" in text and f"{100 * 1869 / 7043:.1f}%" in text and "客户流失率" in text
    assert (tmp_path / "clean.csv").exists()
    shown = [(printed, expected) for _, printed, expected in runs if expected is not None]
    assert len(shown) >= 2, "the Chinese README should show what its examples print"
    for printed, expected in shown:
        assert printed == expected, f"README.zh-CN.md shows:\n{expected}\nbut the code prints:\n{printed}"


# --- trainer guide -------------------------------------------------------------------------------

def test_trainer_guide_timings_are_the_english_ones() -> None:
    english, chinese = _timings(_read(TRAINERS_EN)), _timings(_read(TRAINERS_ZH))
    assert len(english) == 10 and chinese == english


def test_trainer_guide_has_the_same_sections() -> None:
    for level in ("## ", "### "):
        count = [len(re.findall(rf"^{level}", _read(p), re.MULTILINE)) for p in (TRAINERS_EN, TRAINERS_ZH)]
        assert count[0] == count[1], f"'{level.strip()}' sections: TRAINERS.md {count[0]}, TRAINERS.zh-CN.md {count[1]}"


def test_trainer_guide_keeps_every_figure_and_the_session_clock() -> None:
    english, chinese = _read(TRAINERS_EN), _read(TRAINERS_ZH)
    number = re.compile(r"\d+(?:\.\d+)?")
    missing = set(number.findall(english)) - set(number.findall(chinese))
    assert not missing, f"figures of TRAINERS.md missing from TRAINERS.zh-CN.md: {sorted(missing)}"
    clock = re.compile(r"^\| (\d\d:\d\d–\d\d:\d\d) \|", re.MULTILINE)
    assert clock.findall(chinese) == clock.findall(english)


def test_trainer_guide_points_to_the_chinese_editions() -> None:
    text = _read(TRAINERS_ZH)
    assert "`notebooks/zh-CN/NN_*.ipynb`" in text and "`notebooks/zh-CN/trainer/NN_*.ipynb`" in text
    assert "(TRAINERS.md)" in "\n".join(text.splitlines()[:3])


# --- Chinese prose -------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [README_ZH, TRAINERS_ZH], ids=lambda p: p.name)
def test_chinese_documents_are_chinese(path: Path) -> None:
    latin, han = _latin_share(_read(path))
    assert han > 1000 and latin <= 0.10 * han, f"{path.name}: {latin} Latin letters for {han} Han characters"


@pytest.mark.parametrize("name", CARDS)
def test_every_data_card_tells_its_story_in_chinese(name: str) -> None:
    card = _read(ROOT / "datasets" / f"{name}.md")
    assert "\n## 数据故事\n" in card, f"{name}.md has no '## 数据故事' section"
    assert card.index("\n## Story\n") < card.index("\n## 数据故事\n") < card.index("\n## Columns\n")
    story = _section(card, "## 数据故事")
    latin, han = _latin_share(story)
    assert han >= 150 and latin <= 0.10 * han, f"{name}: {latin} Latin letters for {han} Han characters"
    synthetic = json.loads(_read(ROOT / "datasets" / f"{name}.schema.json"))["synthetic"]
    expected = {"telco_churn": "虚构", "cdnow": "真实"}.get(name, "模拟" if synthetic else "真实")
    assert expected in story, f"{name}: the Chinese story should say the data are {expected}"
