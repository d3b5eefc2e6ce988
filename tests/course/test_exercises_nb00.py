"""Notebook 00: its one exercise, what it says about the datasets, and its timings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course.bank import nb00
from csat_lab.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "00_start_here.py"


def _markdown() -> str:
    return " ".join(line[2:] for line in SOURCE.read_text(encoding="utf-8").splitlines()
                    if line.startswith("# ") and not line.startswith("# %%"))


def test_scale_points_by_hand() -> None:
    # very dissatisfied, dissatisfied, neutral, satisfied, very satisfied: five labels
    assert len(cl.scales.get("satisfaction5").labels()) == 5
    assert cl.check("00.scale_points", 5).correct
    wrong = cl.check("00.scale_points", 7)
    assert not wrong.correct and "5" not in str(wrong.message).replace("00.scale_points", "")


def test_labels_in_both_languages_and_honest_kind() -> None:
    labels = catalog()
    for ex in nb00.EXERCISES:
        assert ex.task == "recall"  # the labels are printed just above it
        for part in ("hint", "why"):
            entry = labels[f"exercise.{ex.id}.{part}"]
            assert entry["en"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"])


def test_both_real_datasets_are_named_and_every_simulated_one_listed() -> None:
    text = _markdown()
    assert "one, `telco_churn`, is a real" not in text
    assert "`cdnow`" in text and "`telco_churn`" in text
    titles = cl.datasets.list_datasets().set_index("Dataset")["Title"]
    simulated = [name for name, title in titles.items() if "synthetic" in title]
    assert set(simulated) == set(cl.simulate.SIMULATED)
    for name in simulated:
        assert f"`{name}`" in text, name
    assert "(real data)" in titles["cdnow"]


def test_sections_add_up_to_15_minutes() -> None:
    from test_course_content import _english

    text = _english(SOURCE)  # the English cells; the Chinese ones are checked in test_chinese_edition
    minutes = [int(m) for m in re.findall(r"^# \*\((\d+) min\)\*\s*$", text, re.MULTILINE)]
    headings = re.findall(r"^# ## ", text, re.MULTILINE)
    assert len(minutes) == len(headings)
    assert sum(minutes) == 15 == int(re.search(r"\*\*Time:\*\* about (\d+) minutes", text).group(1))
    trainers = (ROOT / "notebooks" / "TRAINERS.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 00 Start here \| 15 \|", trainers, re.MULTILINE)


@pytest.mark.parametrize("notebook", ["00_start_here", "08_study_template", "03_satisfaction_loyalty_regression"])
def test_scaffolded_blanks_are_commented_so_the_learner_edition_runs(notebook: str) -> None:
    source = (ROOT / "notebooks" / "src" / f"{notebook}.py").read_text(encoding="utf-8")
    for line in source.splitlines():
        if "___" in line:
            assert line.startswith("#"), line
