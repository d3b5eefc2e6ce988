"""Self-checks: right answers pass, wrong ones get a hint, and nothing gives the answer away.

Expected values are written out here by hand (the exercise texts give the inputs),
or recomputed from the data with plain pandas, independently of csat_lab.exercises.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import fuzz_examples

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.errors import CsatInputError

ROOT = Path(__file__).resolve().parents[2]

# Hand calculations of the exercises whose inputs are stated in the notebook text.
HAND = {
    "00.scale_points": 5,  # codes 1..5
    # CLV = sum_{t=1..10} 1500 x 0.8^(t-1) / 1.08^t (margin, not the USD 6,000 revenue; first year certain):
    # 1388.8889 + 1028.8066 + 762.0790 + 564.5029 + 418.1503 + 309.7410 + 229.4378 + 169.9539 + 125.8918 + 93.2532
    "01.ford_lifetime": 5090.7054,
    "01.replacement_cost": 40_000,  # 200 x (5 x 50 - 50)
    "02.margin_of_error": 4.8999,  # 1.959964 x sqrt(0.25 / 400) = 0.048999 -> 4.90 points
    "02.sample_size": 1068,  # 1.959964^2 x 0.25 / 0.03^2 = 1067.07 -> round up
    "04.churn_rate": 12.5,  # 150 / 1200 x 100
    "04.denominator": 12.0,  # 96 cancellations of the 800 members of 1 January: 96 / 800 x 100
    "04.annual_churn": 21.5290,  # 1 - 0.98^12 = 0.215290
    # margin 500, retention 0.7, discount 8 %, first year certain:
    # 500/1.08 + 350/1.1664 + 245/1.259712 + 171.5/1.36048896 + 120.05/1.4693280768
    "04.clv": 462.9630 + 300.0686 + 194.4889 + 126.0576 + 81.7040,
}


@pytest.mark.parametrize("exercise_id, value", sorted(HAND.items()))
def test_hand_calculated_answers_pass(exercise_id: str, value: float) -> None:
    result = cl.check(exercise_id, value)
    assert result.status == "correct", result.message
    assert result.verified, "a correct answer must say what was checked"


@pytest.mark.parametrize("exercise_id, value", sorted(HAND.items()))
def test_wrong_answers_get_a_hint_without_the_answer(exercise_id: str, value: float) -> None:
    wrong = value * 1.5 + 3
    result = cl.check(exercise_id, wrong)
    assert result.status == "incorrect"
    assert "Hint" in result.message
    forms = {f"{value:.1f}", f"{value:.2f}", f"{value:,.0f}", f"{value:.0f}"}
    for shown in (f for f in forms if len(f) >= 3):  # shorter strings occur by chance
        assert shown not in result.message.replace(exercise_id, "")


def test_telco_churn_recomputed_from_the_csv_with_pandas() -> None:
    raw = pd.read_csv(ROOT / "datasets" / "telco_churn.csv")
    expected = 100 * (raw["Churn"] == "Yes").sum() / len(raw)  # 1869 / 7043 = 26.54 %
    assert expected == pytest.approx(26.537, abs=1e-3)
    assert cl.check("04.telco_churn", round(expected, 2)).correct
    assert not cl.check("04.telco_churn", 100 - expected).correct


def test_export_csat_recomputed_from_the_raw_gbk_bytes_with_the_csv_module() -> None:
    import csv

    text = (ROOT / "datasets" / "files" / "csat_tracker_wave4_gbk.csv").read_bytes().decode("gbk")
    rows = list(csv.DictReader(text.splitlines()))
    codes = [int(r["总体满意度"]) for r in rows if r["总体满意度"] in {"1", "2", "3", "4", "5"}]
    expected = 100 * sum(c >= 4 for c in codes) / len(codes)  # 455 / 630 = 72.22 %
    assert (len(rows), len(codes)) == (639, 630)
    assert expected == pytest.approx(72.222, abs=1e-3)
    assert cl.check("02.export_csat", expected).correct
    # the share over all 639 rows (off-scale codes kept) is a different, wrong answer
    assert not cl.check("02.export_csat", 100 * 455 / 639).correct


def test_proportion_instead_of_percent_gets_the_percent_hint() -> None:
    result = cl.check("04.churn_rate", 0.125)
    assert result.status == "incorrect"
    assert "percentage" in result.message


def test_unanswered_and_wrong_kind_are_not_claimed_as_checked() -> None:
    for answer in (None, ...):
        result = cl.check("04.churn_rate", answer)
        assert result.status == "unanswered" and result.verified == ()
    for answer in ("12.5", [12.5, 3], True, float("nan")):
        result = cl.check("04.churn_rate", answer)
        assert result.status == "unchecked" and result.verified == ()
        assert "not checked" in result.message
    bad_choice = cl.check("04.winback", "z")
    assert bad_choice.status == "unchecked" and "a, b, c" in bad_choice.message


def test_choice_answers_are_fingerprinted_not_stored() -> None:
    bank = Path(exercises.__file__).parent / "bank"
    source = "".join(f.read_text(encoding="utf-8") for f in sorted(bank.glob("*.py")))
    for ex in exercises.EXERCISES.values():
        if ex.kind == "choice":
            assert len(ex.expected) == 20 and all(c in "0123456789abcdef" for c in ex.expected)
            # exactly one set of letters may match; every single letter is tried
            hits = [opt for opt in ex.options if exercises.fingerprint(ex.id, opt) == ex.expected]
            pairs = [a + b for i, a in enumerate(ex.options) for b in ex.options[i + 1:]
                     if exercises.fingerprint(ex.id, a + b) == ex.expected]
            assert len(hits) + len(pairs) == 1, ex.id
    assert "answer=" not in source


def test_choice_order_and_spacing_do_not_matter() -> None:
    assert exercises.fingerprint("x", "A, C") == exercises.fingerprint("x", ["c", "a"])


def test_unknown_exercise_lists_the_valid_ids() -> None:
    with pytest.raises(CsatInputError, match=r"no exercise 'zz'; exercises are: 00.scale_points"):
        cl.check("zz", 1)


def test_every_exercise_has_a_bilingual_hint_and_a_notebook() -> None:
    catalog = cl.i18n.catalog()
    for ex in exercises.EXERCISES.values():
        entry = catalog[f"exercise.{ex.id}.hint"]
        assert entry["en"] and entry["zh-CN"]
        assert ex.id.startswith(ex.notebook + ".")
        assert ex.kind in {"number", "choice", "text"}


def test_messages_follow_the_language() -> None:
    try:
        cl.set_language("zh-CN")
        assert "正确" in str(cl.check("04.churn_rate", 12.5).message)
        assert "提示" in str(cl.check("04.churn_rate", 20).message)
    finally:
        cl.set_language("en")


@settings(max_examples=fuzz_examples(60), deadline=None)
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_check_is_correct_exactly_within_tolerance(value: float) -> None:
    # 150 lost of 1,200 buyers: 12.5 %, tolerance 0.05
    result = cl.check("04.churn_rate", value)
    assert result.correct == (abs(value - 12.5) <= 0.05 + 1e-9 * 12.5)
    assert result.status in {"correct", "incorrect"}


def test_list_exercises_by_notebook() -> None:
    table = exercises.list_exercises("04_churn_and_retention")
    assert set(table.iloc[:, 1]) == {"04"} and len(table) == sum(e.notebook == "04" for e in exercises.EXERCISES.values())
    assert math.isclose(len(exercises.list_exercises()), len(exercises.EXERCISES))


# Data exercises: the value each check recomputes must agree with an independent route
# (another csat_lab module written by another author, or pandas written differently here).
def _independent_values() -> dict[str, float]:
    dealer = cl.datasets.load("auto_dealer")
    tracker = cl.datasets.load("csat_tracker")
    log = cl.datasets.load("complaints_log")
    members = cl.datasets.load("supermarket_members")
    hotel = cl.datasets.load("hotel_guests")
    csat_codes = tracker["csat"][tracker["csat"].between(1, 5)]
    kpis = cl.complaints.complaint_kpis(log).table.set_index("kpi")
    complainers = log[log["complained"]]
    full = complainers[list(cl.complaints.STEP_COLUMNS)].fillna(False).astype(int).sum(axis=1) == 8
    by_full = pd.crosstab(full, complainers["repurchased"], normalize="index")
    buys = members[members["amount"] > 0]
    coupon = pd.crosstab(buys["programme"], buys["coupon_used"], normalize="index")
    stats = buys.groupby("member_id")["date"].agg(["count", "max"])
    like = hotel.query("stay_number > 1 and preference_recorded and returned_next_year.notna()")
    back = pd.crosstab(like["personalised"], like["returned_next_year"].astype(bool), normalize="index")
    sales = dealer[dealer["visit"] == "sales"]
    return {
        "01.loyalty_ratio": cl.loyalty.top_box_loyalty_ratio(dealer, satisfaction="overall_satisfaction", loyalty="repurchase").ratio,
        "02.tracker_csat": 100 * cl.metrics.csat(csat_codes).estimate,
        "03.tracker_nps": cl.metrics.nps(tracker["nps"]).score,
        "05.top20_share": 100 * cl.segments.pareto(members.groupby("member_id")["amount"].sum()).top_share,
        "06.complaint_rate": 100 * kpis.loc["complaint_rate", "estimate"],
        "06.full_process_gain": 100 * (by_full.loc[True, True] - by_full.loc[False, True]),
        "07.coupon_uplift": 100 * (coupon.loc["after", True] - coupon.loc["before", True]),
        "07.lapsing_regulars": int(((stats["count"] >= 20) & (stats["max"] < pd.Timestamp("2024-04-02"))).sum()),
        "07.hotel_return_gap": 100 * (back.loc[True, True] - back.loc[False, True]),
        "07.dealer_sales_csat": 100 * cl.metrics.csat(sales["overall_satisfaction"]).estimate,
    }


def test_data_exercises_agree_with_independent_routes() -> None:
    values = _independent_values()
    # Published/true values from the data cards as a further anchor: the dealer's level-5 /
    # level-4 repurchase ratio is 6 by construction (auto_dealer.md), observed 5.72.
    assert values["01.loyalty_ratio"] == pytest.approx(5.72, abs=0.01)
    assert values["03.tracker_nps"] == pytest.approx(8.56, abs=0.01)
    for exercise_id, value in values.items():
        assert cl.check(exercise_id, value).correct, (exercise_id, value)
        assert not cl.check(exercise_id, value + 5).correct, exercise_id


@pytest.mark.parametrize("answer", [float("nan"), float("-inf"), math.inf, pd.Series([float("nan")])])
def test_nan_and_infinity_are_not_answers_and_the_message_says_so(answer) -> None:
    # NaN is a float, so "should be a number but is a float" was self-contradictory
    result = cl.check("04.churn_rate", answer)
    assert result.status == "unchecked" and result.verified == ()
    assert "not a finite number" in result.message and "is a float" not in result.message


def test_numbers_of_other_kinds_are_checked_and_bad_ids_are_clear() -> None:
    from decimal import Decimal

    assert cl.check("04.churn_rate", Decimal("12.5")).correct  # 150 / 1200 = 12.5 %
    huge = cl.check("04.churn_rate", 10 ** 400)  # beyond the float range: infinite, not a raw OverflowError
    assert huge.status == "unchecked" and "inf" in huge.message
    for bad in (["04.churn_rate"], 4, None):
        with pytest.raises(CsatInputError, match="exercise_id must be the exercise's id as text"):
            cl.check(bad, 1)
    with pytest.raises(CsatInputError, match="exercise_id must be"):
        exercises.hint(["04.churn_rate"])


def test_list_exercises_accepts_numbers_and_rejects_unknown_notebooks() -> None:
    in_04 = sum(e.notebook == "04" for e in exercises.EXERCISES.values())
    assert len(exercises.list_exercises(4)) == len(exercises.list_exercises("4")) == in_04
    with pytest.raises(CsatInputError, match=r"no exercises in notebook '99'; notebooks with exercises are: 00, 01"):
        exercises.list_exercises("99")
    with pytest.raises(CsatInputError, match="notebook must be a notebook number"):
        exercises.list_exercises(4.5)


def test_a_check_names_its_exercise_once() -> None:
    shown = cl.check("04.churn_rate", 12.5)._repr_html_()  # 150 / 1200 = 12.5 %
    assert shown.count("04.churn_rate") == 1 and "<b>04.churn_rate</b>" in shown
