"""The course as teaching material: exercises that teach, answers that do not leak, timings that add up.

* every exercise has a hint (when wrong) and an explanation (when right) in both languages,
  and every rubric point of a written exercise is worded in both languages;
* at least a third of the exercises are transfer or scenario tasks;
* no stored output above an exercise shows its answer (the stored outputs are the ones a
  re-run produces: nbval re-executes both editions in this suite and compares them);
* written answers are checked against their rubric, and the first point missed is the hint;
* each notebook's section minutes add up to the time under its title and to TRAINERS.md.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import ALL, TASKS
from csat_lab.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted((NOTEBOOKS / "src").glob("0*.py"))


def test_every_exercise_explains_itself_in_both_languages() -> None:
    labels = catalog()
    for ex in ALL:
        for part in ("hint", "why"):
            entry = labels.get(f"exercise.{ex.id}.{part}")
            assert entry is not None, f"{ex.id} has no {part}"
            assert entry["en"].strip() and entry["zh-CN"].strip(), (ex.id, part)
        assert labels[f"exercise.{ex.id}.why"]["en"] != labels[f"exercise.{ex.id}.hint"]["en"], ex.id
        for criterion in ex.criteria:
            assert f"exercise.{ex.id}.rubric.{criterion.key}" in labels, (ex.id, criterion.key)
        assert ex.task in TASKS


def test_a_correct_answer_says_why() -> None:
    result = cl.check("04.churn_rate", 12.5)  # 150 / 1200 = 12.5 %
    why = cl.label("exercise.04.churn_rate.why")
    assert result.correct and why in result.message
    assert why not in cl.check("04.churn_rate", 20).message  # a wrong answer gets the hint only


def test_at_least_a_third_of_the_exercises_are_transfer_tasks() -> None:
    transfer = [e.id for e in ALL if e.task == "transfer"]
    assert 3 * len(transfer) >= len(ALL), f"{len(transfer)} transfer tasks of {len(ALL)}"
    # and they are not all in one notebook
    assert len({e.notebook for e in ALL if e.task == "transfer"}) >= 5


def test_list_exercises_reports_task_and_kind() -> None:
    table = exercises.list_exercises()
    assert list(table.columns) == ["exercise", "notebook", "task", "kind", "hint available"]
    assert len(table) == len(ALL)
    assert set(table["task"]) <= {"recall", "compute", "transfer to a new situation"}


# --- written answers ---------------------------------------------------------------------

TEXT = [e for e in ALL if e.kind == "text"]


def test_there_are_written_exercises() -> None:
    assert len(TEXT) >= 3, "rewrite a question, write a reply: the course needs written tasks"


@pytest.mark.parametrize("ex", TEXT, ids=lambda e: e.id)
def test_a_written_answer_that_misses_the_point_gets_the_first_rubric_hint(ex) -> None:
    result = cl.check(ex.id, "OK, thanks.")
    assert result.status == "incorrect", ex.id
    first_missed = next(c for c in ex.criteria if not c.test(exercises.normalise("OK, thanks.")))
    assert cl.label(f"exercise.{ex.id}.rubric.{first_missed.key}") in result.message


@pytest.mark.parametrize("ex", TEXT, ids=lambda e: e.id)
def test_a_written_answer_of_the_wrong_kind_is_not_checked(ex) -> None:
    assert cl.check(ex.id, 42).status == "unchecked"
    assert cl.check(ex.id, "   ").status == "unchecked"


# --- no answer above its exercise ----------------------------------------------------------

CHECK = re.compile(r"""cl\.check\(\s*["'](\d\d\.[a-z0-9_]+)["']""")


def _outputs_text(cell: dict) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            text = out.get("text", "")
            parts.append(text if isinstance(text, str) else "".join(text))
        for mime, body in out.get("data", {}).items():
            if mime in ("text/plain", "text/html", "text/markdown"):
                text = body if isinstance(body, str) else "".join(body)
                parts.append(re.sub(r"<[^>]+>", " ", text))
    return "\n".join(parts)


def _significant(digits: str) -> int:
    return len(digits.replace(".", "").replace(",", "").replace("-", "").lstrip("0"))


def _answer_patterns(value: float, percent: bool) -> list[re.Pattern]:
    """Ways a value can appear in an output: rounded (nothing after) or cut short (a long float's digits after)."""
    values = [value] + ([value / 100] if percent else [])
    patterns = []
    for v in values:
        for d in range(0, 6):
            rounded = f"{v:.{d}f}"
            cut = f"{math.trunc(v * 10**d) / 10**d:.{d}f}"
            for text, more_digits in ((rounded, False), (f"{v:,.{d}f}", False), (cut, True)):
                if _significant(text) < 3:  # two digits turn up by chance everywhere
                    continue
                tail = r"\d{3,}" if more_digits else r"(?!\d)"  # cut short: a long float printed in full
                patterns.append(re.compile(rf"(?<![\d.,]){re.escape(text)}{tail}"))
    return patterns


def _number_exercises_in(nb: dict) -> list[tuple[str, int]]:
    found = []
    for i, cell in enumerate(nb["cells"]):
        if cell["cell_type"] == "code":
            for ex_id in CHECK.findall("".join(cell["source"])):
                found.append((ex_id, i))
    return found


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("0*.ipynb")), ids=lambda p: p.stem[:2])
def test_no_stored_output_above_an_exercise_shows_its_answer(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    leaks = []
    for ex_id, at in _number_exercises_in(nb):
        ex = exercises.EXERCISES[ex_id]
        if ex.kind != "number":
            continue
        value = float(ex.expected())
        above = "\n".join(_outputs_text(c) for c in nb["cells"][:at] if c["cell_type"] == "code")
        for pattern in _answer_patterns(value, ex.percent):
            hit = pattern.search(above)
            if hit:
                leaks.append(f"{ex_id}: {hit.group(0)!r} in ...{above[max(0, hit.start() - 60):hit.end() + 20]!r}")
                break
    assert not leaks, "answers printed above their exercise:\n" + "\n".join(leaks)


def test_the_leak_finder_finds_a_printed_answer() -> None:
    # 150 lost of 1,200 buyers: 12.5 %, printed as a proportion with five digits
    patterns = _answer_patterns(12.5, True)
    assert any(p.search("Churn rate 0.12500 (150 / 1200)") for p in patterns)
    assert any(p.search("rate = 12.5 %") for p in patterns)
    assert not any(p.search("rate = 112.5 and 12.55") for p in patterns)
    # a long float cut short: 1.959964 x sqrt(0.25 / 400) = 0.0489991
    assert any(p.search("0.048999099") for p in _answer_patterns(4.89991, True))


# --- timings -----------------------------------------------------------------------------

TIME = re.compile(r"^# \*\*Time:\*\* about (\d+) minutes", re.M)
SECTION = re.compile(r"^# \*\((\d+) min\)\*\s*$", re.M)


def _english(path: Path) -> str:
    """A notebook source without its Chinese prose cells (those tagged zh-CN; they have their own tests)."""
    kept, skip = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# %%"):
            skip = "[markdown]" in line and "zh-CN" in line
        if not skip:
            kept.append(line)
    return "\n".join(kept)


def _trainer_minutes() -> dict[str, int]:
    text = (NOTEBOOKS / "TRAINERS.md").read_text(encoding="utf-8")
    table = text.split("## Timings per notebook", 1)[1]
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\| (\d\d) [^|]+\| (\d+) \|", table, re.M)}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem[:2])
def test_section_minutes_add_up_to_the_stated_time_and_the_trainer_guide(path: Path) -> None:
    text = _english(path)
    stated = TIME.search(text)
    assert stated, f"{path.name}: no '**Time:** about N minutes' line under the title"
    sections = [int(m) for m in SECTION.findall(text)]
    assert sections, f"{path.name}: no '*(N min)*' lines under the section headings"
    assert sum(sections) == int(stated.group(1)), f"{path.name}: sections {sections} add up to {sum(sections)}"
    assert _trainer_minutes()[path.stem[:2]] == int(stated.group(1)), f"TRAINERS.md disagrees for {path.stem}"


def test_every_section_heading_has_its_minutes() -> None:
    for path in SOURCES:
        lines = _english(path).splitlines()
        for i, line in enumerate(lines):
            if line.startswith("# ## "):
                below = next((s for s in lines[i + 1:i + 4] if s.strip() not in ("#", "")), "")
                assert SECTION.match(below), f"{path.name}: '{line[5:]}' has no '*(N min)*' line under it"


# --- folklore: claim checks, and simulated data never as evidence --------------------------

#: Each folklore figure of the seeds and the notebook whose claim-check box discusses it.
CLAIMS = {
    '"six times as loyal"': "01",
    "Ford's USD 300,000": "01",
    '"4–6 times" and "9 times"': "01",
    '"5 % more retention, 25–85 % more profit"': "04",
    '"most dissatisfied customers never complain"': "06",
    "the service-recovery paradox": "06",
    "targets tied to bonuses": "02",
}
PARTS = ("Where it comes from", "What it measured", "What later evidence says", "How to present it")
CITATION = re.compile(r"[A-Z][A-Za-z'’-]+(?: (?:&|and) [A-Z][A-Za-z'’-]+| et al\.)?,? \(?(19|20)\d\d")


def _claim_boxes() -> dict[str, tuple[str, str]]:
    """Box title -> (notebook number, box text) for every '> **Claim check: ...**' box in the sources."""
    boxes = {}
    for path in SOURCES:
        lines = _english(path).splitlines()
        for i, line in enumerate(lines):
            m = re.match(r"^# > \*\*Claim check: (.+?)\*\*", line)
            if m:
                body = []
                for other in lines[i:]:
                    if not other.startswith("# >"):
                        break
                    body.append(other[3:].strip())
                boxes[m.group(1)] = (path.stem[:2], " ".join(body))
    return boxes


def test_every_folklore_figure_has_a_claim_check_box() -> None:
    boxes = _claim_boxes()
    for title, notebook in CLAIMS.items():
        assert title in boxes, f"no claim-check box {title!r} (expected in notebook {notebook}); boxes: {list(boxes)}"
        assert boxes[title][0] == notebook, f"{title!r} is in notebook {boxes[title][0]}, not {notebook}"


@pytest.mark.parametrize("title", sorted(CLAIMS))
def test_a_claim_check_box_says_where_from_what_since_and_how_to_teach_it(title: str) -> None:
    text = _claim_boxes()[title][1]
    for part in PARTS:
        assert f"**{part}:**" in text, f"{title}: missing '{part}:'"
    assert CITATION.search(text) or "origin not traceable" in text, f"{title}: cite a source or say 'origin not traceable'"


SIMULATED = ("auto_dealer", "hotel_guests", "complaints_log", "csat_tracker", "supermarket_members",
             "telecom_subscribers", "kano_features", "simulated", "synthetic")
CONFIRMS = re.compile(r"\b(confirm\w*|prove\w*|bears? out|close to the \"?six|as the (training )?materials (say|claim))",
                      re.I)


def test_no_sentence_offers_simulated_data_as_evidence_for_a_claim() -> None:
    offenders = []
    for path in SOURCES:
        markdown = "\n".join(line[2:] for line in _english(path).splitlines()
                             if line.startswith("# ") and not line.startswith("# %%"))
        for sentence in re.split(r"(?<=[.!?])\s+", markdown):
            if CONFIRMS.search(sentence) and any(name in sentence for name in SIMULATED):
                offenders.append(f"{path.stem}: {sentence.strip()[:160]}")
    assert not offenders, "\n".join(offenders)
