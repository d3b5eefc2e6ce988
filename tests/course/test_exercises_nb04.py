"""Notebook 04 (churn and retention): the CLV convention, the exercises, and the tenure claim on real data.

Every expected number is written out by hand in the comments, or recomputed from the raw CSV
with plain pandas and the textbook formula, never only from csat_lab's own output.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.course import exercises

ROOT = Path(__file__).resolve().parents[2]


# --- one CLV timing convention: the course's formula against the package's function ---------

def test_course_clv_by_hand_and_the_package_on_the_same_inputs() -> None:
    # Course: CLV = sum_{t=1..T} m r^(t-1) / (1+d)^t, first year's margin certain.
    # m = 100, r = 0.8, d = 0.10, five years, term by term:
    #   100/1.1 = 90.9091, 80/1.21 = 66.1157, 64/1.331 = 48.0841,
    #   51.2/1.4641 = 34.9703, 40.96/1.61051 = 25.4329          -> 265.5121
    course_5 = 90.9091 + 66.1157 + 48.0841 + 34.9703 + 25.4329
    assert course_5 == pytest.approx(265.5121, abs=1e-4)
    # No horizon: geometric series with ratio r/(1+d): (m/(1+d)) / (1 - r/(1+d)) = m/(1+d-r) = 100/0.3
    course_inf = 100 / 0.3
    assert course_inf == pytest.approx(333.3333, abs=1e-4)
    # the same sum added up term by term in plain Python, 2,000 years (the rest is below 1e-90)
    assert sum(100 * 0.8 ** (t - 1) / 1.1**t for t in range(1, 2001)) == pytest.approx(course_inf, rel=1e-12)

    # Package (Gupta & Lehmann 2003): sum_t m r^t / (1+d)^t = m r / (1+d-r) = 80/0.3 = 266.6667,
    # i.e. every term, and the sum, is r = 0.8 times the course's.
    package = cl.churn.customer_lifetime_value(margin=100.0, retention=0.8, discount=0.10)
    assert package.value == pytest.approx(266.6667, abs=1e-4)
    assert package.value == pytest.approx(0.8 * course_inf, rel=1e-12)
    assert package.value / package.retention == pytest.approx(course_inf, rel=1e-12)
    # five years in the package's timing: 80/1.1 + 64/1.21 + 51.2/1.331 + 40.96/1.4641 + 32.768/1.61051
    package_5 = 72.7273 + 52.8926 + 38.4673 + 27.9762 + 20.3463
    assert package_5 == pytest.approx(0.8 * course_5, abs=1e-3)

    # With an acquisition cost of 50 the package subtracts it once: 266.6667 - 50 = 216.6667;
    # the course's value is then (216.6667 + 50) / 0.8 - 50 = 283.3333.
    with_cost = cl.churn.customer_lifetime_value(margin=100.0, retention=0.8, discount=0.10, acquisition_cost=50.0)
    assert with_cost.value == pytest.approx(216.6667, abs=1e-4)
    assert (with_cost.value + 50) / 0.8 - 50 == pytest.approx(283.3333, abs=1e-4)


def test_the_sensitivity_table_divided_by_retention_is_the_course_convention() -> None:
    grid = cl.churn.clv_sensitivity(100.0)
    course = grid.div(grid.index.to_numpy(), axis=0)
    # m / (1 + d - r) by hand
    assert course.loc[0.8, 0.05] == pytest.approx(100 / 0.25)  # 400
    assert course.loc[0.9, 0.05] == pytest.approx(100 / 0.15)  # 666.67: "two thirds more" than 400
    assert course.loc[0.6, 0.15] == pytest.approx(100 / 0.55)  # 181.82
    assert course.loc[0.9, 0.05] / course.loc[0.8, 0.05] == pytest.approx(5 / 3)


def test_the_clv_exercise_wants_the_course_convention() -> None:
    # margin 500, retention 0.7, discount 8 %, five years, first year certain:
    # 500/1.08 + 350/1.1664 + 245/1.259712 + 171.5/1.36048896 + 120.05/1.4693280768
    course = 462.9630 + 300.0686 + 194.4889 + 126.0576 + 81.7040  # = 1165.28
    assert cl.check("04.clv", course).correct
    assert not cl.check("04.clv", 0.7 * course).correct  # the package's timing: 815.70
    assert not cl.check("04.clv", 500 / (1.08 - 0.7)).correct  # no horizon: 1315.79


# --- the numeric exercises --------------------------------------------------------------

def test_the_denominator_exercise_accepts_only_the_members_of_1_january() -> None:
    assert cl.check("04.denominator", 12.0).correct  # 96 / 800
    for wrong in (100 * 150 / 800,  # 18.75: the manager's mix of both groups' losses over one base
                  100 * 150 / 1040,  # 14.42: start plus joiners
                  100 * 96 / 1040,  # 9.23: the right losses over the wrong base
                  100 * 54 / 240):  # 22.5: the joiners' own rate
        assert not cl.check("04.denominator", wrong).correct, wrong


def test_the_churn_rate_exercise_keeps_its_numbers_and_the_worked_example_differs() -> None:
    assert cl.check("04.churn_rate", 12.5).correct  # 150 / 1200
    assert not cl.check("04.churn_rate", 9.0).correct  # the worked example: 45 / 500


# --- the choice exercises: exactly one answer is accepted --------------------------------

@pytest.mark.parametrize("exercise_id", ["04.lost_type", "04.loyalty_type"])
def test_one_classification_is_right(exercise_id: str) -> None:
    options = exercises.EXERCISES[exercise_id].options
    accepted = [o for o in options if cl.check(exercise_id, o).correct]
    assert len(accepted) == 1


def test_winback_has_exactly_one_right_set_of_customers() -> None:
    options = exercises.EXERCISES["04.winback"].options
    subsets = [c for k in range(1, len(options) + 1) for c in itertools.combinations(options, k)]
    accepted = [s for s in subsets if cl.check("04.winback", ", ".join(s)).correct]
    assert len(accepted) == 1 and len(accepted[0]) == 2  # two of the five customers are worth fighting for


# --- the written win-back plan: fair to English and Chinese, the faulty answers fail -------

EN = ("He is a high-value customer, so we fight hard to win him back. First his account manager visits him to "
      "find out why he left and to apologise for the form letter. Then we replace the damaged goods, refund the "
      "delivery charges and give him one named contact who checks every future delivery.")
ZH = ("李总是我们的重要价值客户，应当极力挽回。第一步由客户经理登门拜访，了解他离开的真正原因，并为那封格式化回信道歉；"
      "然后针对送货延误和货物损坏给予补偿，更换受损设备，并指定专人跟进以后的每一次送货。")


@pytest.mark.parametrize("answer", [EN, ZH, EN.upper(), "全力挽回。先打电话问清原因，再免费更换损坏的设备。"])
def test_good_win_back_plans_pass_in_either_language(answer: str) -> None:
    assert cl.check("04.winback_plan", answer).correct


@pytest.mark.parametrize("answer, missed", [
    ("OK, thanks.", "effort"),
    ("Let him go; he has signed with someone else.", "effort"),
    ("We fight hard for him.", "first_step"),
    ("应该极力挽回。", "first_step"),
    ("We fight hard: first call him to ask why. Then offer a 10 % discount on his next order.", "remedy"),
    ("极力挽回，先打电话了解原因，再给他下次订单打九折。", "remedy"),
])
def test_a_plan_that_misses_a_point_gets_that_point_as_its_hint(answer: str, missed: str) -> None:
    result = cl.check("04.winback_plan", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.04.winback_plan.rubric.{missed}") in result.message


# --- "old customers churn less than new ones", on the real telco table ---------------------

def _wilson(lost: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson (1927) score interval written out: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)."""
    p = lost / n
    centre = p + z * z / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)


def test_churn_falls_with_tenure_in_the_raw_telco_csv() -> None:
    raw = pd.read_csv(ROOT / "datasets" / "telco_churn.csv")
    churned = raw["Churn"] == "Yes"
    new, old = raw["tenure"] <= 6, raw["tenure"] >= 49
    # all customers: 784 of 1,481 in their first six months (52.9 %), 213 of 2,239 after four years (9.5 %)
    assert (int(churned[new].sum()), int(new.sum())) == (784, 1481)
    assert (int(churned[old].sum()), int(old.sum())) == (213, 2239)
    low_new, _ = _wilson(784, 1481)
    _, high_old = _wilson(213, 2239)
    assert high_old < low_new  # the intervals are far apart: 8.4-10.8 % vs 50.4-55.5 %
    # the notebook's intervals are the same Wilson intervals
    assert cl.churn.churn_rate(lost=784, customers=1481).ci == pytest.approx(_wilson(784, 1481), abs=1e-6)
    # month-to-month only: 780 of 1,413 (55.2 %) vs 89 of 342 (26.0 %): smaller, still clear
    m2m = raw["Contract"] == "Month-to-month"
    assert (int(churned[new & m2m].sum()), int((new & m2m).sum())) == (780, 1413)
    assert (int(churned[old & m2m].sum()), int((old & m2m).sum())) == (89, 342)
    assert _wilson(89, 342)[1] < _wilson(780, 1413)[0]
