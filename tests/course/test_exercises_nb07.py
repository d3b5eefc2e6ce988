"""Notebook 07 (case studies): the dealer's stage gaps and their intervals, and the 07 exercises.

The intervals are checked three ways: against scipy.stats (another library), against hand
calculations on small numbers written out below, and on the dealer data recomputed from the
raw CSV with plain pandas (not through csat_lab's loader or its survey functions). The
notebook compares stages with ``cl.metrics.compare_means`` (Welch for independent groups,
``paired=True`` for the same buyers); that call is tested here on the same numbers.
Sentences of the notebook that rest on a number (which intervals include 0, what the
simulators' stated truths give back) are tested too, so that a regenerated dataset cannot
silently make the text wrong.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

import csat_lab as cl
from csat_lab.course import exercises

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "07_case_studies.py"

# The stages as the notebook defines them: (visit whose customers rated them, items).
STAGES = {
    "pre-sale": ("sales", ["sales_respect", "sales_expertise", "sales_time_to_think"]),
    "in-sale": ("sales", ["sales_follow_up", "sales_price_talk", "sales_delivery_call"]),
    "after-sale": ("service", ["repair_convenience", "repair_promises", "repair_explanation",
                               "repair_on_time", "repair_follow_up_call", "repair_advice"]),
}


def _welch(a: pd.Series, b: pd.Series, level: float = 0.95) -> dict:
    r = cl.metrics.compare_means(a, b, ci=level)
    return {"difference": r.difference, "ci_low": r.ci[0], "ci_high": r.ci[1]}


def _paired(a: pd.Series, b: pd.Series, level: float = 0.95) -> dict:
    r = cl.metrics.compare_means(a, b, ci=level, paired=True)
    return {"difference": r.difference, "ci_low": r.ci[0], "ci_high": r.ci[1]}


@pytest.fixture(scope="module")
def helpers() -> dict:
    """The notebook's two comparisons, both through the public cl.metrics.compare_means."""
    source = SOURCE.read_text(encoding="utf-8")
    assert "cl.metrics.compare_means(" in source and "paired=same" in source
    return {"welch": _welch, "paired": _paired}


@pytest.fixture(scope="module")
def raw_gaps() -> dict[str, pd.Series]:
    """Each customer's mean gap per stage, from the raw CSV with plain pandas."""
    raw = pd.read_csv(ROOT / "datasets" / "auto_dealer.csv")
    gaps = {}
    for stage, (visit, items) in STAGES.items():
        asked = raw[raw["visit"] == visit]
        diffs = pd.DataFrame({i: asked[f"perf_{i}"] - asked[f"exp_{i}"] for i in items})
        gaps[stage] = diffs.mean(axis=1)
    return gaps


# --- the notebook's helpers against hand calculations and scipy --------------------------------

def test_welch_helper_matches_a_hand_calculation_and_scipy(helpers) -> None:
    a = pd.Series([1.0, 2.0, 3.0, 4.0])
    b = pd.Series([2.0, 4.0, 6.0, 8.0, 10.0])
    # By hand: mean a = 2.5, s_a^2 = 5/3, s_a^2/n_a = 0.416667; mean b = 6, s_b^2 = 10, s_b^2/n_b = 2.
    # se = sqrt(2.416667) = 1.554563; df = 2.416667^2 / (0.416667^2/3 + 2^2/4) = 5.840278 / 1.057870 = 5.5208.
    # t(0.975, 5.52) = 2.4993 (a t table between 5 and 6 df, interpolated in 1/df, gives 2.5006).
    # Interval: -3.5 +- 2.4993 x 1.554563 = -3.5 +- 3.8854 -> (-7.3854, 0.3854).
    result = helpers["welch"](a, b)
    assert result["difference"] == pytest.approx(-3.5)
    assert result["ci_low"] == pytest.approx(-7.3854, abs=1e-3)
    assert result["ci_high"] == pytest.approx(0.3854, abs=1e-3)
    scipy_ci = stats.ttest_ind(a, b, equal_var=False).confidence_interval()
    assert (result["ci_low"], result["ci_high"]) == pytest.approx((scipy_ci.low, scipy_ci.high), abs=1e-10)


def test_paired_helper_matches_a_hand_calculation_and_scipy(helpers) -> None:
    before = pd.Series([3.0, 4.0, 2.5, 5.0, 4.1])
    after = before + pd.Series([0.5, -0.2, 0.3, 0.1, 0.4])
    # Differences 0.5, -0.2, 0.3, 0.1, 0.4: mean 0.22, sd 0.277489, se = 0.277489 / sqrt(5) = 0.124097;
    # t(0.975, 4) = 2.7764 (t table); interval 0.22 +- 0.34455 -> (-0.1245, 0.5645).
    result = helpers["paired"](after, before)
    assert result["difference"] == pytest.approx(0.22)
    assert (result["ci_low"], result["ci_high"]) == pytest.approx((-0.1245, 0.5645), abs=1e-3)
    scipy_ci = stats.ttest_rel(after, before).confidence_interval()
    assert (result["ci_low"], result["ci_high"]) == pytest.approx((scipy_ci.low, scipy_ci.high), abs=1e-10)


# --- the dealer's stage gaps ---------------------------------------------------------------------

@pytest.mark.parametrize("stage", list(STAGES))
def test_each_stage_gap_interval_from_gap_scores_agrees_with_scipy(stage: str, raw_gaps) -> None:
    """What the notebook shows (cl.survey.gap_scores on the loaded data) against scipy on the raw CSV."""
    visit, items = STAGES[stage]
    dealer = cl.datasets.load("auto_dealer")
    asked = dealer[dealer["visit"] == visit]
    shown = cl.survey.gap_scores(asked[[f"exp_{i}" for i in items]].set_axis(items, axis=1),
                                 asked[[f"perf_{i}" for i in items]].set_axis(items, axis=1), scale="agree7")
    d = raw_gaps[stage]
    scipy_ci = stats.ttest_1samp(d, 0.0).confidence_interval()
    assert shown.n == len(d) == {"sales": 848, "service": 1152}[visit]
    assert shown.gap == pytest.approx(d.mean(), abs=1e-12)
    assert shown.ci == pytest.approx((scipy_ci.low, scipy_ci.high), abs=1e-10)
    # and by hand, mean +- t(0.975, n - 1) x sd / sqrt(n)
    half = stats.t.ppf(0.975, len(d) - 1) * d.std(ddof=1) / np.sqrt(len(d))
    assert shown.ci == pytest.approx((d.mean() - half, d.mean() + half), abs=1e-10)
    # the notebook says every stage falls short: the whole interval lies below 0
    assert shown.ci[1] < 0


def test_stage_differences_agree_with_scipy(helpers, raw_gaps) -> None:
    welch, paired = helpers["welch"], helpers["paired"]
    for a, b in (("after-sale", "in-sale"), ("after-sale", "pre-sale")):
        ours = welch(raw_gaps[a], raw_gaps[b])
        ref = stats.ttest_ind(raw_gaps[a], raw_gaps[b], equal_var=False).confidence_interval()
        assert (ours["ci_low"], ours["ci_high"]) == pytest.approx((ref.low, ref.high), abs=1e-10), (a, b)
    ours = paired(raw_gaps["pre-sale"], raw_gaps["in-sale"])
    ref = stats.ttest_rel(raw_gaps["pre-sale"], raw_gaps["in-sale"]).confidence_interval()
    assert (ours["ci_low"], ours["ci_high"]) == pytest.approx((ref.low, ref.high), abs=1e-10)


def test_what_the_notebook_says_about_the_stage_differences(raw_gaps) -> None:
    """The conclusions in the text: which intervals include 0, at 95 % and at 1 - 0.05/3."""
    def welch_ci(a: str, b: str, level: float) -> tuple[float, float]:
        ci = stats.ttest_ind(raw_gaps[a], raw_gaps[b], equal_var=False).confidence_interval(level)
        return ci.low, ci.high

    def includes_zero(ci: tuple[float, float]) -> bool:
        return ci[0] < 0 < ci[1]

    strict = 1 - 0.05 / 3
    assert not includes_zero(welch_ci("after-sale", "in-sale", 0.95))  # "only just excludes 0"
    assert welch_ci("after-sale", "in-sale", 0.95)[1] > -0.05
    assert includes_zero(welch_ci("after-sale", "in-sale", strict))  # "... at the stricter level it includes 0"
    assert includes_zero(welch_ci("after-sale", "pre-sale", 0.95))
    paired_ci = stats.ttest_rel(raw_gaps["pre-sale"], raw_gaps["in-sale"]).confidence_interval()
    assert includes_zero((paired_ci.low, paired_ci.high))
    # "by about a fifth to a third of a point"
    means = [raw_gaps[s].mean() for s in STAGES]
    assert all(-0.36 < m < -0.19 for m in means)


def test_the_stated_truth_has_no_weakest_stage() -> None:
    """auto_dealer draws every item's performance 0.3 below expectation: a large sample gives equal stages."""
    large, _ = cl.simulate.auto_dealer(seed=1, n=200_000)
    means = []
    for visit, items in STAGES.values():
        asked = large[large["visit"] == visit]
        diffs = pd.DataFrame({i: asked[f"perf_{i}"].astype(float) - asked[f"exp_{i}"].astype(float) for i in items})
        means.append(diffs.mean(axis=1).mean())
    assert max(means) - min(means) < 0.03  # "within a few hundredths of each other"


def test_dealer_stage_ci_exercise_is_welchs_upper_end(raw_gaps) -> None:
    ref = stats.ttest_ind(raw_gaps["after-sale"], raw_gaps["pre-sale"], equal_var=False).confidence_interval()
    assert exercises.EXERCISES["07.dealer_stage_ci"].expected() == pytest.approx(ref.high, abs=1e-10)
    assert ref.high > 0  # the exercise's "why": the interval includes 0
    assert cl.check("07.dealer_stage_ci", ref.high).correct
    # the usual slips: the worked example's pair, the groups swapped, a normal quantile
    normal = raw_gaps["after-sale"].mean() - raw_gaps["pre-sale"].mean() + 1.959964 * np.sqrt(
        raw_gaps["after-sale"].var() / len(raw_gaps["after-sale"]) + raw_gaps["pre-sale"].var() / len(raw_gaps["pre-sale"]))
    assert cl.check("07.dealer_stage_ci", normal).correct  # t at ~1,700 df is 1.9613: within the tolerance
    in_sale = stats.ttest_ind(raw_gaps["after-sale"], raw_gaps["in-sale"], equal_var=False).confidence_interval()
    swapped = stats.ttest_ind(raw_gaps["pre-sale"], raw_gaps["after-sale"], equal_var=False).confidence_interval()
    assert not cl.check("07.dealer_stage_ci", in_sale.high).correct
    assert not cl.check("07.dealer_stage_ci", swapped.high).correct


# --- the simulated truths the notebook names ------------------------------------------------------

def test_hotel_logit_gets_back_the_stated_truth() -> None:
    """hotel_guests.md: logit p = -0.4 + 0.8 (satisfaction - 3) + 1.2 personalised - 0.3 ln(rate / 1200)."""
    import statsmodels.formula.api as smf

    raw = pd.read_csv(ROOT / "datasets" / "hotel_guests.csv")
    known = raw[raw["returned_next_year"].notna()].assign(
        came_back=lambda d: d["returned_next_year"].map({True: 1, False: 0, "True": 1, "False": 0}).astype(int),
        personalised=lambda d: d["personalised"].map({True: 1, False: 0, "True": 1, "False": 0}).astype(int),
        log_rate=lambda d: np.log(d["room_rate"] / 1200),
    )
    fit = smf.logit("came_back ~ satisfaction + personalised + log_rate", data=known).fit(disp=0)
    ci = fit.conf_int()
    for name, true in (("satisfaction", 0.8), ("personalised", 1.2), ("log_rate", -0.3)):
        assert ci.loc[name, 0] < true < ci.loc[name, 1], (name, fit.params[name])


def test_programme_forecast_ratio_is_near_the_stated_uplift() -> None:
    """supermarket_members.md: members still buying buy 15 % more often after 1 July 2023."""
    log = cl.datasets.load("supermarket_members")
    buys = log[log["amount"] > 0]
    before = buys[buys["date"] < "2023-07-01"]
    history = cl.churn.summary_from_transactions(before, customer="member_id", date="date", now="2023-06-30",
                                                 period="W").table
    model = cl.churn.fit_bgnbd(history["frequency"], history["recency"], history["T"])
    weeks = (pd.Timestamp("2024-06-30") - pd.Timestamp("2023-06-30")).days / 7
    forecast = model.expected_purchases(weeks, history["frequency"], history["recency"], history["T"]).sum()
    actual = (buys["date"] >= "2023-07-01").sum()
    assert actual / forecast == pytest.approx(1.15, abs=0.03)
    # coupon use: 10 % before, 30 % after (the data card), within its stated tolerance of 0.02
    share = buys.groupby(buys["programme"].astype(str))["coupon_used"].mean()
    assert share["before"] == pytest.approx(0.10, abs=0.02) and share["after"] == pytest.approx(0.30, abs=0.02)


# --- the exercises --------------------------------------------------------------------------------

NB07 = [e for e in exercises.EXERCISES.values() if e.notebook == "07"]


def test_notebook_07_has_the_promised_mix() -> None:
    tasks = pd.Series([e.task for e in NB07]).value_counts()
    assert tasks.get("transfer", 0) >= 4 and 3 * tasks.get("transfer", 0) >= len(NB07)
    assert any(e.kind == "text" for e in NB07)


@pytest.mark.parametrize("ex", [e for e in NB07 if e.kind == "choice"], ids=lambda e: e.id)
def test_each_choice_exercise_has_exactly_one_right_answer(ex) -> None:
    """Without writing the answer here: exactly one option (or one pair, for two-answer questions) matches."""
    size = 2 if ex.id == "07.phone_booth" else 1
    matches = [c for c in itertools.combinations(ex.options, size)
               if exercises.fingerprint(ex.id, list(c)) == ex.expected]
    assert len(matches) == 1, ex.id


def test_hotel_return_gap_from_the_raw_csv() -> None:
    raw = pd.read_csv(ROOT / "datasets" / "hotel_guests.csv")
    flag = {True: True, False: False, "True": True, "False": False}
    like = raw[(raw["stay_number"] > 1) & raw["preference_recorded"].map(flag) & raw["returned_next_year"].notna()]
    back = like["returned_next_year"].map(flag).astype(float)
    personal = like["personalised"].map(flag)
    gap = 100 * (back[personal].mean() - back[~personal].mean())
    assert cl.check("07.hotel_return_gap", gap).correct
    assert not cl.check("07.hotel_return_gap", gap + 1).correct


FAULTY = ("Coffee sales in the three shops were 12 % higher in March–May than in December–February, "
          "so the card works.")
GOOD = {
    "en": ("Spring is not winter: the weather and the holidays change coffee sales anyway. Compare the change "
           "in the three card shops with the change in the three shops without the card over the same months."),
    "en, last year": "Sales may just follow the season. I would compare with the same months last year.",
    "zh-CN": ("三到五月和冬天季节不同，天气变暖、还有节假日，销量本来就会变。应该在同一时期，"
              "把推出集章卡的三家店和没有推出的另外三家店的变化作比较。"),
    "zh-CN, 去年同期": "销量上升可能是春节等节假日带来的，应该和去年同期比较。",
}


def test_fair_comparison_rubric_fails_the_managers_claim() -> None:
    result = cl.check("07.fair_comparison", FAULTY)
    assert result.status == "incorrect"
    assert cl.label("exercise.07.fair_comparison.rubric.other_change") in result.message


@pytest.mark.parametrize("language", list(GOOD))
def test_fair_comparison_rubric_passes_good_answers_in_both_languages(language: str) -> None:
    assert cl.check("07.fair_comparison", GOOD[language]).correct, language


@pytest.mark.parametrize("answer, missed", [
    ("Sales could have risen because of the season.", "comparison"),
    ("销量上升可能只是季节原因。", "comparison"),
    ("Compare with the three shops without the card.", "other_change"),
    ("和另外三家没有推出集章卡的店比较。", "other_change"),
])
def test_fair_comparison_half_answers_get_the_missing_point_as_hint(answer: str, missed: str) -> None:
    result = cl.check("07.fair_comparison", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.07.fair_comparison.rubric.{missed}") in result.message
