"""Notebook 01's exercises: hand calculations, the wrong routes a learner is likely to take, and the rubric.

Every expected value is worked out here by hand from the numbers in the exercise text (or
counted from the raw CSV with the csv module), never taken from csat_lab's own result alone.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb01

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "01_satisfaction_theory.py"


# --- 01.ford_lifetime: discounted margin, the course's one CLV convention ----------------------

# CLV = sum_{t=1..10} m r^(t-1) / (1+d)^t with m = USD 1,500 margin (of USD 6,000 revenue), r = 0.8, d = 0.08:
#   t=1  1500 x 1          / 1.08      = 1388.8889
#   t=2  1500 x 0.8        / 1.1664    = 1028.8066
#   t=3  1500 x 0.64       / 1.259712  =  762.0790
#   t=4  1500 x 0.512      / 1.360489  =  564.5029
#   t=5  1500 x 0.4096     / 1.469328  =  418.1503
#   t=6  1500 x 0.32768    / 1.586874  =  309.7410
#   t=7  1500 x 0.262144   / 1.713824  =  229.4378
#   t=8  1500 x 0.2097152  / 1.850930  =  169.9539
#   t=9  1500 x 0.16777216 / 1.999005  =  125.8918
#   t=10 1500 x 0.13421773 / 2.158925  =   93.2532
# Closed form as a cross-check: 1500 / 1.08 x (1 - q^10) / (1 - q), q = 0.8 / 1.08 = 0.740741, q^10 = 0.049727
#   = 1388.8889 x 0.950273 / 0.259259 = 5090.705
FORD_TERMS = [1388.8889, 1028.8066, 762.0790, 564.5029, 418.1503, 309.7410, 229.4378, 169.9539, 125.8918, 93.2532]
FORD = 5090.7052


def test_ford_lifetime_is_the_discounted_margin_worked_by_hand() -> None:
    assert sum(FORD_TERMS) == pytest.approx(FORD, abs=1e-3)
    q = 0.8 / 1.08
    assert 1500 / 1.08 * (1 - q**10) / (1 - q) == pytest.approx(FORD, abs=1e-3)
    assert cl.check("01.ford_lifetime", FORD).correct
    assert cl.check("01.ford_lifetime", round(FORD)).correct  # USD 5,091: whole dollars are fine


@pytest.mark.parametrize("wrong, route", [
    (12 * 300_000, "the old exercise: 12 buyers x USD 300,000 called an annual loss"),
    (300_000, "Ford's figure itself"),
    (4 * FORD, "revenue (USD 6,000) instead of margin (USD 1,500)"),
    (0.8 * FORD, "m r^t: the first year's margin not counted as certain"),
    (1500 * sum(0.8 ** (t - 1) for t in range(1, 11)), "undiscounted margins: 1500 x 4.4631 = 6694.6"),
    (1500 / (1 + 0.08 - 0.8), "no horizon: m / (1 + d - r) = 5357.1"),
])
def test_ford_lifetime_rejects_the_likely_wrong_routes(wrong: float, route: str) -> None:
    result = cl.check("01.ford_lifetime", wrong)
    assert result.status == "incorrect", route
    assert "5,09" not in result.message and "5090" not in result.message


def test_ford_worked_example_uses_other_numbers_than_the_exercise() -> None:
    # worked example: 1000/1.1 + 700/1.21 + 490/1.331 = 909.0909 + 578.5124 + 368.1443 = 1855.7476
    assert 1000 / 1.1 + 700 / 1.21 + 490 / 1.331 == pytest.approx(1855.7476, abs=1e-3)
    assert not cl.check("01.ford_lifetime", 1855.7476).correct
    text = SOURCE.read_text(encoding="utf-8")
    assert "margin, retention, discount, years = 1000, 0.7, 0.10, 3" in text
    assert "# margin, retention, discount, years = ___, ___, ___, ___" in text  # the scaffold


def test_lifetime_value_is_never_called_an_annual_loss() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert "walks out of the door each year" not in text
    assert "not a loss per year" in text


# --- 01.performance_effect and 01.two_guests: the direct effect of performance --------------------

def test_performance_effect_by_hand() -> None:
    # expected 2, perceived 2: gap 0 -> gap part 4 (met); performance part 2; 0.6 x 4 + 0.4 x 2 = 2.4 + 0.8 = 3.2
    assert cl.check("01.performance_effect", 3.2).correct
    assert not cl.check("01.performance_effect", 4).correct  # the gap alone ("met")
    assert not cl.check("01.performance_effect", 3).correct  # the level, not the score
    assert not cl.check("01.performance_effect", 0.4 * 4 + 0.6 * 2).correct  # weights swapped: 2.8
    # the function agrees with the hand calculation, and the rounded level is 3 (neutral)
    r = cl.survey.disconfirmation(2, 2)
    assert (r.gap_part, r.performance_part, r.level) == (4.0, 2.0, 3)
    assert r.score == pytest.approx(3.2)


def test_two_guests_by_hand() -> None:
    # A: expected 5, perceived 4 -> one point short, gap part 3; 0.6 x 3 + 0.4 x 4 = 1.8 + 1.6 = 3.4 -> 3 (neutral)
    # B: expected 2, perceived 4 -> exceeded, gap part 5;   0.6 x 5 + 0.4 x 4 = 3.0 + 1.6 = 4.6 -> 5 (very satisfied)
    assert cl.survey.disconfirmation(5, 4).level == 3
    assert cl.survey.disconfirmation(2, 4).level == 5
    # option (d) reads "A neutral (basically satisfied), B very satisfied"
    assert cl.check("01.two_guests", "d").correct
    assert [letter for letter in "abcd" if cl.check("01.two_guests", letter).correct] == ["d"]
    assert "(d) A neutral (basically satisfied), B very satisfied" in " ".join(
        line[2:].strip() for line in SOURCE.read_text(encoding="utf-8").splitlines())


def test_disconfirmation_and_the_other_choice_answers() -> None:
    # expected 4, perceived 5: exceeded (gap part 5, performance part 5: 0.6 x 5 + 0.4 x 5 = 5) -> (c) delighted
    assert cl.survey.disconfirmation(4, 5).level == 5
    assert [x for x in "abc" if cl.check("01.disconfirmation", x).correct] == ["c"]
    # help desk: the sales consultant (a) and the workshop foreman (c) are colleagues who need its work
    assert cl.check("01.internal_customer", "a, c").correct and cl.check("01.internal_customer", "ca").correct
    for wrong in ("a", "c", "ab", "ce", "bd"):
        assert not cl.check("01.internal_customer", wrong).correct, wrong
    # courier lowers the promise, clinic raises performance: (b)
    assert [x for x in "abcd" if cl.check("01.promise_or_performance", x).correct] == ["b"]


# --- 01.promise_rewrite: the rubric ----------------------------------------------------------------

GOOD = [
    ("A routine service takes 60 to 90 minutes while you wait. For a repair we first check the car and call "
     "you within 2 hours with the work needed, the price and when it will be ready."),
    "常规保养约60到90分钟，您可以在休息区等候；需要维修的车，我们先检查，2小时内给您打电话，告知维修项目、费用和完工时间。",
    "常规保养九十分钟左右完成；维修车辆先检查，两小时内电话告知费用。",
    "Routine service: about 90 minutes. Repairs: we diagnose first and phone you with a quote.",
]
BAD = [
    ("We fix any car in one hour, guaranteed!", "no_blanket"),  # the sign itself
    ("任何车一小时修好，保证！", "no_blanket"),
    ("We always fix your car in 60 minutes and call you.", "no_blanket"),
    ("We fix most cars fast and call you with the price.", "time_frame"),
    ("Your car back in one hour.", "keeps_informed"),
    ("常规保养90分钟。", "keeps_informed"),
]


@pytest.mark.parametrize("answer", GOOD)
def test_a_good_promise_passes_in_either_language(answer: str) -> None:
    assert cl.check("01.promise_rewrite", answer).correct


@pytest.mark.parametrize("answer, missed", BAD)
def test_a_faulty_promise_gets_the_point_it_misses(answer: str, missed: str) -> None:
    result = cl.check("01.promise_rewrite", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.01.promise_rewrite.rubric.{missed}") in result.message


# --- 01.loyalty_ratio: counted from the raw CSV -----------------------------------------------------

def test_loyalty_ratio_recounted_from_the_csv() -> None:
    with open(ROOT / "datasets" / "auto_dealer.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    came_back = {k: sum(r["repurchase"] == "True" for r in rows if r["overall_satisfaction"] == str(k)) for k in (4, 5)}
    customers = {k: sum(r["overall_satisfaction"] == str(k) for r in rows) for k in (4, 5)}
    assert (came_back, customers) == ({4: 74, 5: 307}, {4: 579, 5: 420})
    ratio = (307 / 420) / (74 / 579)  # 0.730952 / 0.127807 = 5.7192
    assert ratio == pytest.approx(5.7192, abs=1e-4)
    assert cl.check("01.loyalty_ratio", ratio).correct
    assert cl.check("01.loyalty_ratio", 0.731 / 0.128).correct  # the table's three decimals: 5.7109
    assert not cl.check("01.loyalty_ratio", 6).correct  # the simulator's truth is not the sample's answer
    assert not cl.check("01.loyalty_ratio", 0.128 / 0.731).correct  # upside down


def test_the_dealer_data_are_presented_as_simulated_not_as_evidence() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert "close to the" not in text.lower().replace("\n# ", " ")
    assert "12% of customers at level 4 and 72% at level 5" in text
    assert "**simulated**" in text


# --- 01.replacement_cost ----------------------------------------------------------------------------

def test_replacement_cost_by_hand() -> None:
    # per customer: 5 x 50 - 50 = 200 more; 200 customers x 200 = 40,000
    assert cl.check("01.replacement_cost", 40_000).correct
    assert not cl.check("01.replacement_cost", 200 * 5 * 50).correct  # 50,000: the full cost of winning
    # worked example on other numbers: 10 x (120 - 40) = 800
    assert "10 × (120 − 40) = 800" in SOURCE.read_text(encoding="utf-8")


# --- the notebook as a whole ------------------------------------------------------------------------

def test_notebook_01_has_transfer_tasks_and_explains_every_answer() -> None:
    mine = [e for e in exercises.EXERCISES.values() if e.notebook == "01"]
    assert {e.id for e in mine} == {e.id for e in nb01.EXERCISES}
    assert sum(e.task == "transfer" for e in mine) >= 4
    catalog = cl.i18n.catalog()
    for e in mine:
        for part in ("hint", "why"):
            entry = catalog[f"exercise.{e.id}.{part}"]
            assert entry["en"].strip() and entry["zh-CN"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"])
    used = set(re.findall(r'cl\.check\("(01\.[a-z0-9_]+)"', SOURCE.read_text(encoding="utf-8")))
    assert used == {e.id for e in mine}


@pytest.mark.parametrize("exercise_id", ["01.ford_lifetime", "01.performance_effect", "01.loyalty_ratio",
                                         "01.replacement_cost"])
def test_number_hints_do_not_give_the_answer(exercise_id: str) -> None:
    value = float(exercises.EXERCISES[exercise_id].expected())
    hint = cl.label(f"exercise.{exercise_id}.hint")
    for shown in {f"{value:.1f}", f"{value:.2f}", f"{value:,.0f}", f"{value:.0f}"}:
        if len(shown) >= 3:
            assert shown not in hint, (exercise_id, shown)
