"""Notebook 09's exercises, checked against hand calculations and their texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb09
from csat_lab.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "09_churn_study.py"
IDS = [e.id for e in nb09.EXERCISES]


def _exercise_text(exercise_id: str) -> str:
    text = SOURCE.read_text(encoding="utf-8")
    start = text.index(f"**Exercise {exercise_id}.**")
    return " ".join(line[2:] for line in text[start:].split("\n\n", 1)[0].splitlines())


@pytest.mark.parametrize("exercise_id", IDS)
def test_hint_and_why_in_both_languages(exercise_id: str) -> None:
    labels = catalog()
    for part in ("hint", "why"):
        entry = labels[f"exercise.{exercise_id}.{part}"]
        assert entry["en"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"])
    assert "22.5" not in labels[f"exercise.{exercise_id}.hint"]["en"]


def test_task_kinds() -> None:
    assert {e.id: e.task for e in nb09.EXERCISES} == {"09.period_churn": "compute", "09.winback_list": "transfer"}


def test_period_churn_by_hand_from_the_numbers_in_the_text() -> None:
    text = _exercise_text("09.period_churn")
    assert "400 customers" in text and "90 of them lost" in text and "120 new customers" in text
    at_start, lost = 400, 90  # joiners (120, of whom 30 lost) are kept out of the rate
    assert cl.check("09.period_churn", 100 * lost / at_start).correct
    assert cl.check("09.period_churn", 22.5).correct
    mixed = 100 * (90 + 30) / (400 + 120)  # joiners mixed in: the error the exercise is about
    assert not cl.check("09.period_churn", mixed).correct
    assert not cl.check("09.period_churn", 0.225).correct  # a proportion, not a percent


def test_worked_example_is_on_other_numbers() -> None:
    text = _exercise_text("09.period_churn")
    assert "100 × 40 / 250 = 16 %" in text and "22.5" not in text


def test_winback_has_one_right_answer_and_it_is_not_stored_as_a_letter() -> None:
    ex = exercises.EXERCISES["09.winback_list"] if "09.winback_list" in exercises.EXERCISES else nb09.EXERCISES[1]
    right = [o for o in "abcd" if exercises.fingerprint("09.winback_list", o) == ex.expected]
    assert len(right) == 1
    option = re.search(rf"\({right[0]}\) (.+?)(?:;|\.)", _exercise_text("09.winback_list")).group(1)
    assert "often" in option and "probability" in option
