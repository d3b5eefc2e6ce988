"""Notebook 05 (customer management): its exercises, checked against hand calculations and independent routes.

Choice answers are written here (tests are not shipped), each with the reasoning a trainer
would give; numbers come from a hand calculation in the comments or from plain pandas
written differently from the bank's numpy route.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb05

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "05_customer_management.py"
IDS = [e.id for e in nb05.EXERCISES]


# --- the bank and the notebook agree -------------------------------------------------------

def test_every_exercise_of_the_notebook_is_in_the_bank_and_back() -> None:
    used = set(re.findall(r"""cl\.check\(\s*["'](05\.[a-z0-9_]+)["']""", SOURCE.read_text(encoding="utf-8")))
    assert used == set(IDS)


def test_every_exercise_explains_itself_in_both_languages() -> None:
    labels = json.loads((ROOT / "csat_lab" / "i18n" / "labels" / "exercises_05.json").read_text(encoding="utf-8"))
    for ex in nb05.EXERCISES:
        keys = ["hint", "why"] + [f"rubric.{c.key}" for c in ex.criteria]
        for key in keys:
            entry = labels[f"exercise.{ex.id}.{key}"]
            assert entry["en"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"]), (ex.id, key)


def test_at_least_three_transfer_tasks_and_honest_kinds() -> None:
    tasks = {e.id: e.task for e in nb05.EXERCISES}
    assert sum(t == "transfer" for t in tasks.values()) >= 3
    # the two look-ups answerable from the text just above stay labelled as recall
    assert tasks["05.seven_p"] == tasks["05.sales_path"] == "recall"
    assert tasks["05.top20_share"] == "compute"


# --- 05.top20_share ------------------------------------------------------------------------

def _spend() -> pd.Series:
    members = cl.datasets.load("supermarket_members")
    return members.groupby("member_id")["amount"].sum()


def test_top20_share_by_nlargest_and_by_the_high_tier() -> None:
    spend = _spend()
    # 5,000 members x 0.2 = 1,000 members exactly, so no rounding question
    assert len(spend) == 5000
    by_nlargest = 100 * spend.nlargest(1000).sum() / spend.sum()
    # a third route: the high value tier of the package is the top 20% by rank
    tiers = cl.segments.value_tiers(spend)
    by_tier = 100 * spend[tiers == "high"].sum() / spend.sum()
    assert by_nlargest == pytest.approx(by_tier, abs=1e-9)
    assert cl.check("05.top20_share", by_nlargest).correct
    assert cl.check("05.top20_share", by_nlargest / 100).status == "incorrect"  # a proportion, not a percent


def test_the_worked_example_uses_another_cut_than_the_exercise() -> None:
    spend = _spend()
    top10 = 100 * spend.nlargest(500).sum() / spend.sum()  # 5,000 x 0.1 = 500 members
    top20 = 100 * spend.nlargest(1000).sum() / spend.sum()
    assert abs(top10 - top20) > 5  # the demonstration cannot be read off as the answer
    assert not cl.check("05.top20_share", top10).correct
    # and the Pareto table shown above the exercise reports the top-10% share (Lorenz curve at 0.9)
    assert 100 * cl.segments.pareto(spend, top=0.1).top_share == pytest.approx(top10, abs=1e-6)


# --- 05.key_accounts -----------------------------------------------------------------------

MARGIN = pd.Series({"a": 0.10, "b": 0.96, "c": 0.68, "d": 0.16, "e": 0.06, "f": 0.04})
REVENUE = pd.Series({"a": 6.2, "b": 3.0, "c": 2.6, "d": 0.8, "e": 0.3, "f": 0.2})


def test_key_accounts_by_margin_hand_calculation() -> None:
    # margin total 0.10 + 0.96 + 0.68 + 0.16 + 0.06 + 0.04 = 2.00
    # sorted: b 0.96 (48 %), + c 0.68 -> 1.64 (82 % >= 80 %): class A = {b, c}
    assert MARGIN.sum() == pytest.approx(2.00)
    assert (0.96 + 0.68) / 2.00 == pytest.approx(0.82)
    classes = cl.segments.abc_classes(MARGIN)
    assert set(classes.index[classes["class"] == "A"]) == {"b", "c"}
    assert cl.check("05.key_accounts", "b, c").correct
    assert cl.check("05.key_accounts", ["c", "B"]).correct


def test_ranking_by_revenue_is_the_trap() -> None:
    # revenue total 13.1; a 6.2 (47.3 %), + b 3.0 -> 9.2 (70.2 %), + c 2.6 -> 11.8 (90.1 %): {a, b, c}
    classes = cl.segments.abc_classes(REVENUE)
    assert set(classes.index[classes["class"] == "A"]) == {"a", "b", "c"}
    for wrong in ("a, b, c", "a", "b", "a, b"):
        result = cl.check("05.key_accounts", wrong)
        assert result.status == "incorrect" and "margin" in result.message


# --- the other choice exercises ------------------------------------------------------------

@pytest.mark.parametrize("exercise_id, right, reason", [
    # (a) the firm fixes the range alone; (d) pushes surplus stock at a bought list: hunter
    ("05.hunter_practices", "a, d", "the firm decides what customers need"),
    ("05.seven_p", "c", "net profit per customer is Profitability"),
    ("05.sales_path", "b", "can afford and needs, no strong intention: potential customer"),
    # the policy has classes, hotline and survey, forum and cooking day, gifts, responsibilities
    ("05.care_audit", "c", "nothing on helping customers use the product"),
    # rank 420 of 5,000 = 8.4 % < 20 %: high tier; recency 5 -> 1: ask why she left
    ("05.place_customer", "d", "high value and lapsing: personal contact to find the cause"),
])
def test_choice_answers(exercise_id: str, right: str, reason: str) -> None:
    ex = exercises.EXERCISES[exercise_id]
    assert cl.check(exercise_id, right).correct, reason
    letters = [c for c in right if c.isalpha()]
    for option in ex.options:
        if [option] != letters:
            assert cl.check(exercise_id, option).status == "incorrect", (exercise_id, option)


def test_place_customer_tier_by_hand_and_by_the_package() -> None:
    # 419 members rank above her: 419 / 5,000 = 0.0838 < 0.2, so the high tier
    values = pd.Series(range(5000, 0, -1), dtype=float)  # rank 1 = largest
    tiers = cl.segments.value_tiers(values)
    assert tiers.iloc[419] == "high"
    assert 419 / 5000 < 0.2


# --- 05.education_clause (written) ---------------------------------------------------------

MODEL_EN = ("When the appliance is delivered, the installer shows the customer how to use and clean it "
            "and leaves a printed quick guide; within a month the customer-service department calls to "
            "answer questions and invites the customer to a free online training session. The "
            "customer-service manager is responsible for this article.")
MODEL_ZH = ("产品送货安装时，由安装师傅当面演示使用和清洁方法，并留下使用指南；购买后一个月内，客服部回访解答疑问，"
            "并邀请客户参加免费的线上使用培训。本条由客服部经理负责。")


@pytest.mark.parametrize("answer", [
    MODEL_EN,
    MODEL_ZH,
    "After purchase, the sales team gives every buyer a short video on cleaning the oven.",
    "购买后一周内，由售后部安排工程师上门讲解保养方法。",
])
def test_good_articles_pass_in_either_language(answer: str) -> None:
    assert cl.check("05.education_clause", answer).correct


@pytest.mark.parametrize("answer, missed", [
    ("We will educate our customers.", "content"),
    ("加强客户教育。", "content"),
    ("The sales team gives top customers a gift every Spring Festival.", "content"),  # an article on gifts
    ("We give every customer a user guide and training.", "when"),
    ("每位客户都会得到使用说明和培训。", "when"),
    ("After delivery every customer gets a user guide.", "who"),
    ("购买后一周内提供使用培训。", "who"),
])
def test_weak_articles_get_the_first_point_they_miss(answer: str, missed: str) -> None:
    result = cl.check("05.education_clause", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.05.education_clause.rubric.{missed}") in result.message


def test_the_trainer_edition_has_a_model_answer_and_rubric_the_learner_edition_not() -> None:
    trainer = (ROOT / "notebooks" / "trainer" / "05_customer_management.ipynb").read_text(encoding="utf-8")
    learner = (ROOT / "notebooks" / "05_customer_management.ipynb").read_text(encoding="utf-8")
    marker = "model answer and rubric (05.education_clause)"
    assert marker in trainer and marker not in learner
    assert "安装师傅" in trainer and "安装师傅" not in learner


# --- the notebook's honesty about its sources ----------------------------------------------

def test_three_stages_say_what_is_reconstructed_and_point_to_the_claim_check() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    stages = text.split("## The three stages of customer management", 1)[1].split("\n# ## ", 1)[0]
    assert "What the source says, and what is reconstructed" in stages
    assert stages.count("*reconstructed*") == 2 and "*Stated in the source.*" in stages
    # the folklore figures are pointed to notebook 01's box, not stated as research
    assert '"4–6 times" and "9 times"' in stages and "origin not traceable" in stages
    assert "research figures" not in stages
