"""Notebook 03's exercises and the claims its text makes about its data, checked by independent routes.

Expected values are recomputed here without csat_lab's estimators: the tracking survey's NPS
from the raw CSV with the csv module, the loyalty curve's intervals with statsmodels, the
loyalty ratio's interval by the Katz formula written out, Shapley shares by regressing on all
64 subsets of the six items with numpy. Choice answers are derived from the described
situation (quadrants from the stated table, model kinds from the stated outcomes), not typed in.
"""

from __future__ import annotations

import csv
import itertools
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb03
from csat_lab.i18n import catalog

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "03_satisfaction_loyalty_regression.py"
IDS = [e.id for e in nb03.EXERCISES]


def _markdown() -> str:
    return "\n".join(line[2:] for line in SOURCE.read_text(encoding="utf-8").splitlines()
                     if line.startswith("# ") and not line.startswith("# %%"))


# --- every exercise explains itself, and the kinds are honest ------------------------------

@pytest.mark.parametrize("exercise_id", IDS)
def test_hint_and_why_in_both_languages(exercise_id: str) -> None:
    labels = catalog()
    for part in ("hint", "why"):
        entry = labels[f"exercise.{exercise_id}.{part}"]
        assert entry["en"].strip() and entry["zh-CN"].strip()
        assert re.search(r"[\u4e00-\u9fff]", entry["zh-CN"]), "the Chinese label must be in Chinese"
    assert labels[f"exercise.{exercise_id}.why"]["en"] != labels[f"exercise.{exercise_id}.hint"]["en"]


def test_three_transfer_tasks_set_in_businesses_outside_the_course_data() -> None:
    transfer = {e.id for e in nb03.EXERCISES if e.task == "transfer"}
    assert transfer == {"03.ipa_priority", "03.manager_claim", "03.model_choice"}
    text = _markdown()
    for business in ("fitness clubs", "software company", "gyms"):
        assert business in text


def test_every_exercise_is_in_the_notebook_in_bank_order() -> None:
    source = SOURCE.read_text(encoding="utf-8")
    used = re.findall(r'^cl\.check\("(03\.[a-z_]+)"', source, re.MULTILINE)
    assert used == IDS


# --- 03.tracker_nps: raw CSV, csv module ---------------------------------------------------

def test_tracker_nps_from_the_raw_csv() -> None:
    with open(ROOT / "datasets" / "csat_tracker.csv", encoding="utf-8", newline="") as f:
        answers = [int(float(r["nps"])) for r in csv.DictReader(f) if r["nps"].strip()]
    promoters = sum(a >= 9 for a in answers)  # 921
    detractors = sum(a <= 6 for a in answers)  # 707
    expected = 100 * (promoters - detractors) / len(answers)  # 100 x 214 / 2500 = 8.56
    assert (promoters, detractors, len(answers)) == (921, 707, 2500)
    assert expected == pytest.approx(8.56)
    assert cl.check("03.tracker_nps", expected).correct
    wrong = cl.check("03.tracker_nps", 100 * (promoters - detractors) / 2556)  # all rows as denominator
    assert not wrong.correct and "8.56" not in wrong.message


def test_the_worked_example_does_not_print_the_answer() -> None:
    # the dealer's NPS, shown above the exercise, is another number
    scores = pd.to_numeric(pd.read_csv(ROOT / "datasets" / "auto_dealer.csv")["recommend"])
    dealer_nps = 100 * ((scores >= 9).mean() - (scores <= 6).mean())
    assert abs(dealer_nps - 8.56) > 5


# --- 03.ipa_priority: quadrants from the stated table ------------------------------------

FITNESS = {  # option: (driver, importance %, performance 1-7), as stated in the exercise
    "a": ("changing rooms", 34, 6.2),
    "b": ("front desk", 12, 3.6),
    "c": ("waiting time", 31, 4.1),
    "d": ("music and lighting", 8, 5.0),
    "e": ("fee schedule", 15, 5.6),
}


def test_ipa_priority_is_the_only_high_importance_low_performance_driver() -> None:
    importance_cut = sum(v[1] for v in FITNESS.values()) / 5  # 100 / 5 = 20
    performance_cut = sum(v[2] for v in FITNESS.values()) / 5  # 24.5 / 5 = 4.9
    assert (importance_cut, performance_cut) == pytest.approx((20, 4.9))
    concentrate = [k for k, (_, imp, perf) in FITNESS.items() if imp >= importance_cut and perf < performance_cut]
    assert len(concentrate) == 1
    for option in FITNESS:
        assert cl.check("03.ipa_priority", option).correct == (option in concentrate)
    # the tempting wrong answers: the most important driver, and the worst-rated one
    most_important = max(FITNESS, key=lambda k: FITNESS[k][1])
    worst = min(FITNESS, key=lambda k: FITNESS[k][2])
    assert most_important not in concentrate and worst not in concentrate


def test_the_stated_table_is_the_one_in_the_notebook() -> None:
    text = _markdown()
    for option, (_, imp, perf) in FITNESS.items():
        assert re.search(rf"\| \({option}\) [^|]+\| {imp}% \| {perf} \|", text), option


# --- 03.model_choice: ordinal = ordered and not a measured amount -------------------------

OUTCOMES = {  # option: (has a natural order, is a measured amount)
    "a": (True, True),  # spending in yuan
    "b": (False, False),  # renewed yes/no: two values, modelled by logit
    "c": (True, False),  # certainly not ... certainly
    "d": (False, False),  # north / centre / south
    "e": (True, False),  # not / partly / fully resolved
}


def test_model_choice_is_the_ordered_unmeasured_outcomes() -> None:
    ordinal = "".join(k for k, (ordered, measured) in OUTCOMES.items() if ordered and not measured)
    assert cl.check("03.model_choice", ordinal).correct
    assert cl.check("03.model_choice", ", ".join(reversed(ordinal))).correct
    for single in OUTCOMES:
        assert not cl.check("03.model_choice", single).correct
    assert cl.check("03.model_choice", ordinal + "d").status != "correct"


# --- 03.manager_claim: the intervals do not overlap; only one statement is right -----------

def test_manager_claim_facts_and_single_answer() -> None:
    four, five = (52, 64), (79, 87)  # stated 95% intervals of renewal at levels 4 and 5
    assert four[1] < five[0], "the intervals are apart, so 'could be chance' is wrong"
    assert 83 / 58 == pytest.approx(1.43, abs=0.01)  # a ratio of about 1.4: "25% more loyal" is wrong
    right = [o for o in "abcd" if cl.check("03.manager_claim", o).correct]
    assert len(right) == 1
    # the right option is the one that reports the gap without claiming an effect
    option_text = re.search(rf"\({right[0]}\) \"(.+?)\"", _markdown(), re.DOTALL).group(1)
    assert "pilot" in option_text and "cannot" in option_text


def test_recall_checks_still_pass() -> None:
    assert sum(cl.check("03.ipa_quadrant", o).correct for o in "abcd") == 1
    assert sum(cl.check("03.causation", o).correct for o in "abc") == 1


def test_hints_do_not_name_the_right_option() -> None:
    labels = catalog()
    for ex in nb03.EXERCISES:
        if ex.kind != "choice":
            continue
        right = next(o for o in [*ex.options, *("".join(p) for p in itertools.combinations(ex.options, 2))]
                     if exercises.fingerprint(ex.id, o) == ex.expected)
        for language in ("en", "zh-CN"):
            hint = labels[f"exercise.{ex.id}.hint"][language]
            assert not re.search(rf"\(({'|'.join(right)})\)", hint), ex.id
            assert "concentrate here" not in hint.lower(), ex.id


# --- the six-times passage: a built-in truth, recovered; not evidence -----------------------

def test_the_built_in_repurchase_rates_are_stated_as_the_simulator_has_them() -> None:
    _, truth = cl.simulate.auto_dealer(seed=1, n=10)
    rates = truth["repurchase_by_level"]
    assert (rates[4], rates[5]) == (0.12, 0.72)
    card = (ROOT / "datasets" / "auto_dealer.md").read_text(encoding="utf-8")
    assert "0.02, 0.05, 0.08, 0.12, 0.72" in card
    text = _markdown()
    assert "0.72 / 0.12 = 6" in text
    assert '"six times as loyal"** in notebook 01' in text
    assert "Jones and Sasser, 1995" in text and "Xerox" in text


def test_every_built_in_rate_lies_in_its_interval_and_six_in_the_ratio_interval() -> None:
    from statsmodels.stats.proportion import proportion_confint

    raw = pd.read_csv(ROOT / "datasets" / "auto_dealer.csv")
    _, truth = cl.simulate.auto_dealer()
    counts = raw.groupby("overall_satisfaction")["repurchase"].agg(["sum", "size"])
    for level, (k, n) in counts.iterrows():
        low, high = proportion_confint(k, n, alpha=0.05, method="wilson")
        assert low <= truth["repurchase_by_level"][level] <= high, level
    # Katz et al. (1978) log risk-ratio interval, written out: 307/420 over 74/579
    (k5, n5), (k4, n4) = counts.loc[5], counts.loc[4]
    assert (k5, n5, k4, n4) == (307, 420, 74, 579)
    rr = (k5 / n5) / (k4 / n4)
    se = math.sqrt(1 / k5 - 1 / n5 + 1 / k4 - 1 / n4)
    low, high = rr * math.exp(-1.959964 * se), rr * math.exp(1.959964 * se)
    assert (round(rr, 1), round(low, 1), round(high, 1)) == (5.7, 4.6, 7.1)  # as quoted in the text
    assert low <= 0.72 / 0.12 <= high


def test_on_time_repair_comes_fourth_in_the_shapley_shares_as_the_text_says() -> None:
    raw = pd.read_csv(ROOT / "datasets" / "auto_dealer.csv")
    service = raw[raw["visit"] == "service"]
    items = [c for c in raw.columns if c.startswith("perf_repair_")]
    y = service["overall_satisfaction"].to_numpy(float)
    X = service[items].to_numpy(float)

    def r2(cols: tuple[int, ...]) -> float:
        if not cols:
            return 0.0
        A = np.column_stack([np.ones(len(y)), X[:, cols]])
        resid = y - A @ np.linalg.lstsq(A, y, rcond=None)[0]
        return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))

    k = len(items)
    fits = {s: r2(s) for size in range(k + 1) for s in itertools.combinations(range(k), size)}
    shapley = []
    for j in range(k):
        total = 0.0
        for s, value in fits.items():
            if j not in s:
                weight = math.factorial(len(s)) * math.factorial(k - len(s) - 1) / math.factorial(k)
                total += weight * (fits[tuple(sorted((*s, j)))] - value)
        shapley.append(total)
    ranking = [items[j] for j in np.argsort(shapley)[::-1]]
    assert ranking.index("perf_repair_on_time") == 3  # fourth; the simulator's weight 0.30 is second
    _, truth = cl.simulate.auto_dealer(seed=1, n=10)
    weights = truth["repair_gap_weight"]
    assert sorted(weights, key=weights.get, reverse=True)[1] == "on_time"


def test_no_sentence_offers_the_dealer_or_hotel_data_as_support() -> None:
    supports = re.compile(r"\b(support\w*|show\w* that (completely|very) satisfied|evidence for)\b", re.IGNORECASE)
    for sentence in re.split(r"(?<=[.!?])\s+", _markdown()):
        if ("auto_dealer" in sentence or "hotel_guests" in sentence) and supports.search(sentence):
            pytest.fail(sentence)


def test_sections_add_up_to_120_minutes() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    minutes = [int(m) for m in re.findall(r"^# \*\((\d+) min\)\*\s*$", text, re.MULTILINE)]
    assert sum(minutes) == 120 == int(re.search(r"\*\*Time:\*\* about (\d+) minutes", text).group(1))
    trainers = (ROOT / "notebooks" / "TRAINERS.md").read_text(encoding="utf-8")
    assert re.search(r"^\| 03 Satisfaction and loyalty \| 120 \|", trainers, re.MULTILINE)
