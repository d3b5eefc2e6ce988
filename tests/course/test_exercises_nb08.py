"""Notebook 08's exercises and report, checked by independent routes.

The intervals quoted in the exercise texts are recomputed with statsmodels (Wilson) and the
Newcombe (1998, method 10) interval of a difference written out by hand; the template's NPS
line is recomputed with numpy from the cleaned answers and their weights.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb08
from csat_lab.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "08_study_template.py"
IDS = [e.id for e in nb08.EXERCISES]


def _markdown() -> str:
    return "\n".join(line[2:] for line in SOURCE.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# ") and not line.startswith("# %%"))


def _pct(x: float) -> int:
    return math.floor(100 * x + 0.5)


@pytest.mark.parametrize("exercise_id", IDS)
def test_hint_and_why_in_both_languages(exercise_id: str) -> None:
    labels = catalog()
    for part in ("hint", "why"):
        entry = labels[f"exercise.{exercise_id}.{part}"]
        assert entry["en"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"])
    assert labels[f"exercise.{exercise_id}.why"]["en"] != labels[f"exercise.{exercise_id}.hint"]["en"]


def test_task_kinds() -> None:
    assert {e.id: e.task for e in nb08.EXERCISES} == {
        "08.report_ci": "recall", "08.branch_compare": "transfer", "08.report_line": "transfer"}


# --- 08.branch_compare: the numbers in the text -------------------------------------------

def test_branch_intervals_as_stated() -> None:
    a_low, a_high = proportion_confint(27, 30, method="wilson")
    b_low, b_high = proportion_confint(52, 65, method="wilson")
    assert (_pct(a_low), _pct(a_high), _pct(b_low), _pct(b_high)) == (74, 97, 69, 88)
    # Newcombe's hybrid score interval for p_A - p_B
    pa, pb = 27 / 30, 52 / 65
    d = pa - pb
    low = d - math.sqrt((pa - a_low) ** 2 + (b_high - pb) ** 2)
    high = d + math.sqrt((a_high - pa) ** 2 + (pb - b_low) ** 2)
    assert (round(100 * d), round(100 * low), round(100 * high)) == (10, -8, 23)
    assert low < 0 < high  # so the survey cannot rank the branches
    text = _markdown()
    assert "90% (95% interval 74%\nto 97%)" in text or "90% (95% interval 74% to 97%)" in text.replace("\n", " ")
    assert "from −8 to +23 points" in text.replace("\n", " ")


def test_branch_compare_has_one_right_answer() -> None:
    right = [o for o in "abcd" if cl.check("08.branch_compare", o).correct]
    assert len(right) == 1
    option = re.search(rf"\({right[0]}\) \"(.+?)\"", _markdown(), re.DOTALL).group(1)
    assert "do not rank" in option and "n = 30" in option and "n = 65" in option


# --- 08.report_line: the written headline -------------------------------------------------

def test_report_line_interval_as_stated() -> None:
    low, high = proportion_confint(42, 60, method="wilson")  # 0.5749, 0.8010
    assert (_pct(42 / 60), _pct(low), _pct(high)) == (70, 57, 80)


@pytest.mark.parametrize("answer", [
    "CSAT 70% (42 of 60 valid answers satisfied or very satisfied; 95% interval 57% to 80%).",
    "满意率70%（60份有效问卷中42人满意或很满意；95%置信区间57%至80%）。",
    "满意率为百分之七十，95%置信区间为57%–80%，样本量60。",
    "70 % satisfied (n = 60; 95% CI 57.5% to 80.1%)",
])
def test_good_headlines_pass_in_either_language(answer: str) -> None:
    assert cl.check("08.report_line", answer).correct


@pytest.mark.parametrize("answer, first_missed", [
    ("Satisfaction is high.", "estimate"),
    ("CSAT 0.7 on 60 answers", "estimate"),  # a proportion, not a percentage
    ("Satisfaction is 70%.", "interval"),  # the faulty headline the exercise is about
    ("满意率70%。", "interval"),
    ("Up to 80% of customers are satisfied (57% to 80%).", "estimate"),
    ("CSAT 70% (95% interval 57% to 80%).", "n"),
])
def test_weak_headlines_get_the_first_missing_point(answer: str, first_missed: str) -> None:
    result = cl.check("08.report_line", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.08.report_line.rubric.{first_missed}") in result.message


def test_report_line_rubric_and_hint_do_not_give_the_headline() -> None:
    labels = catalog()
    keys = [k for k in labels if k.startswith("exercise.08.report_line.")]
    for key in keys:
        for language in ("en", "zh-CN"):
            if key.endswith(".why"):
                continue  # shown after a correct answer
            assert "70" not in labels[key][language] and "57" not in labels[key][language], key


def test_report_ci_why_numbers() -> None:
    low, high = proportion_confint(80, 100, method="wilson")  # 0.711, 0.867
    assert (_pct(low), _pct(high)) == (71, 87)
    assert "71% to 87%" in cl.label("exercise.08.report_ci.why")


# --- the template's report ---------------------------------------------------------------

def _printed(notebook: Path) -> str:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return "".join("".join(o.get("text", "")) for c in nb["cells"] if c["cell_type"] == "code"
                   for o in c.get("outputs", []))


def test_nps_line_is_in_points_and_matches_a_weighted_count() -> None:
    # The report used to multiply NPS (already in points) by 100 and print 1243.8.
    raw = cl.datasets.load("csat_tracker")
    items = ["q1", "q2", "q3", "q4", "q5", "q6"]
    scales = {"csat": "satisfaction5", "nps": "nps11", "ces": "effort7", **dict.fromkeys(items, "agree5")}
    data, _ = cl.survey.clean(raw, scales=scales, id="response_id", duration="duration_sec", straightline=items)
    scores = np.asarray(data["nps"].astype("object"), dtype=float)
    weights = np.asarray(data["weight"], dtype=float)
    ok = ~np.isnan(scores)
    w, s = weights[ok], scores[ok]
    expected = 100 * (w[s >= 9].sum() - w[s <= 6].sum()) / w.sum()
    printed = _printed(ROOT / "notebooks" / "08_study_template.ipynb")
    shown = float(re.search(r"^NPS: (-?[\d.]+) \(95% CI", printed, re.MULTILINE).group(1))
    assert -100 <= shown <= 100
    assert shown == pytest.approx(expected, abs=0.05)


def test_the_report_says_the_shipped_data_are_simulated_and_does_not_overrank() -> None:
    printed = _printed(ROOT / "notebooks" / "08_study_template.ipynb")
    assert "csat_tracker is simulated" in printed
    assert "Strongest driver" not in printed
    assert "not the effect of changing an item" in printed


def test_sections_add_up_to_60_minutes() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    minutes = [int(m) for m in re.findall(r"^# \*\((\d+) min\)\*\s*$", text, re.MULTILINE)]
    assert sum(minutes) == 60 == int(re.search(r"\*\*Time:\*\* about (\d+) minutes", text).group(1))
    trainers = (ROOT / "notebooks" / "TRAINERS.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 08 Study template \| 60 \|", trainers, re.MULTILINE)


def test_choice_fingerprints_are_not_plain_letters() -> None:
    for ex in nb08.EXERCISES:
        if ex.kind == "choice":
            assert sum(exercises.fingerprint(ex.id, o) == ex.expected for o in ex.options) == 1
