"""Survey explorers driven headless: NPS, NPS change, disconfirmation, sample size, Kano.

Each test sets controls as a trainer would, then checks the bound result
against a hand calculation (written out) or another library, and checks what
the Output shows.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl
from csat_lab.widgets import (disconfirmation_explorer, kano_explorer, models, nps_difference_explorer,
                              nps_explorer, sample_size_explorer)

Z95 = 1.959963984540054  # two-sided 95% normal quantile



def shown_html(explorer) -> str:
    return "".join(o["data"].get("text/html", "") for o in explorer.output.outputs)


def has_png(explorer) -> bool:
    return any("image/png" in o["data"] for o in explorer.output.outputs)


def _adjusted_wald(promoters: int, passives: int, detractors: int, z: float) -> tuple[float, float]:
    """Rocks (2016) adjusted Wald interval of the NPS, by hand: add 3/4 promoter, 3/2 passive, 3/4 detractor."""
    n = promoters + passives + detractors + 3
    p, d = (promoters + 0.75) / n, (detractors + 0.75) / n
    centre, se = 100 * (p - d), 100 * math.sqrt((p + d - (p - d) ** 2) / n)
    return max(-100.0, centre - z * se), min(100.0, centre + z * se)


def test_nps_explorer_matches_the_hand_calculation():
    ex = nps_explorer()
    ex.set(promoters=60, passives=25, detractors=15)
    # NPS = 100 (60 - 15) / 100 = 45. Interval (the package default, Rocks 2016): with 3 pseudo-answers
    # n = 103, p+ = 60.75 / 103 = 0.58981, p- = 15.75 / 103 = 0.15291, centre 43.689,
    # var = 0.74272 - 0.43689^2 = 0.55185, se = 100 sqrt(0.55185 / 103) = 7.3197 -> 43.69 +- 14.35
    assert ex.result.score == pytest.approx(45.0)
    assert ex.result.ci == pytest.approx(_adjusted_wald(60, 25, 15, Z95))  # (29.34, 58.04)
    assert ex.result.ci == pytest.approx((29.343, 58.036), abs=1e-3)
    assert "NPS = +45.0 (95% CI +29.3 to +58.0), n = 100" in ex.headline.value
    assert "45" in shown_html(ex) and has_png(ex)


def test_nps_explorer_confidence_level_and_bad_counts():
    ex = nps_explorer(60, 25, 15)
    ex.controls["ci"].value = 0.90
    z90 = 1.6448536269514722
    assert ex.result.ci == pytest.approx(_adjusted_wald(60, 25, 15, z90))
    ex.set(promoters=1, passives=0, detractors=0)
    assert ex.result is None and "at least 2 answers" in ex.error


def test_nps_difference_explorer():
    ex = nps_difference_explorer()
    ex.set(promoters1=40, passives1=30, detractors1=30, promoters2=50, passives2=30, detractors2=20)
    # wave 1: NPS 10, var 0.70 - 0.01 = 0.69; wave 2: NPS 30, var 0.70 - 0.09 = 0.61
    se = math.sqrt(100**2 * 0.69 / 100 + 100**2 * 0.61 / 100)
    assert ex.result.difference == pytest.approx(20.0)
    assert ex.result.comparison.ci == pytest.approx((20 - Z95 * se, 20 + Z95 * se))  # (-2.35, 42.35)
    assert "Change in NPS = +20.0 points (95% CI -2.3 to +42.3)" in ex.headline.value
    assert has_png(ex)


@pytest.mark.parametrize(("expectation", "perception", "tolerance", "level"), [
    (4, 5, 0.0, 5),  # exceeded -> very satisfied
    (4, 4, 0.0, 4),  # met -> satisfied
    (4, 3, 0.0, 3),  # one point short -> basically satisfied
    (5, 3, 0.0, 2),  # two points short -> dissatisfied
    (5, 1, 0.0, 1),  # four points short -> very dissatisfied
    (4, 3, 1.0, 4),  # within the tolerance -> still met: 0.6 x 4 + 0.4 x 3 = 3.6 -> 4
    (1, 1, 0.0, 3),  # met at the bottom: 0.6 x 4 + 0.4 x 1 = 2.8 -> 3, not "Satisfied"
    (1, 2, 0.0, 4),  # exceeded with a poor 2: 0.6 x 5 + 0.4 x 2 = 3.8 -> 4, not "Very satisfied"
])
def test_disconfirmation_explorer_levels(expectation, perception, tolerance, level):
    ex = disconfirmation_explorer()
    ex.set(expectation=expectation, perception=perception, tolerance=tolerance)
    assert ex.result.gap == perception - expectation
    assert ex.result.level == level
    assert cl.label(f"scale.satisfaction5.{level}") in ex.headline.value


def test_disconfirmation_explorer_shows_both_parts_and_the_weight_slider():
    ex = disconfirmation_explorer(debounce=0)
    ex.set(expectation=1, perception=1)
    # the gap part 4 (met) and the performance part 1 are both named, with the weighted sum
    assert "gap part 4; performance part 1; score = 0.6 × 4 + 0.4 × 1 = 2.80" in ex.headline.value
    ex.set(performance_weight=0.0)  # the gap alone: 1.0 x 4 = 4 -> Satisfied
    assert ex.result.level == 4 and "= 4.00 → Satisfied" in ex.headline.value
    ex.set(performance_weight=1.0)  # performance alone: the perception 1 -> Very dissatisfied
    assert ex.result.level == 1
    assert has_png(ex)
    ex.close()


def test_sample_size_explorer_cochran_and_power():
    ex = sample_size_explorer()
    ex.set(moe=0.03, p=0.5, population=0)
    assert ex.result.n == math.ceil(Z95**2 * 0.25 / 0.03**2)  # 1067.07 -> 1068 (Cochran 1977)
    ex.set(moe=0.05, population=500)
    n0 = Z95**2 * 0.25 / 0.05**2  # 384.15
    assert ex.result.n == math.ceil(n0 / (1 + (n0 - 1) / 500))  # 217.5 -> 218
    assert "n = 218" in ex.headline.value
    from scipy.stats import norm

    ex.set(population=0, change=0.10)
    n = ex.result.n  # 385
    h = abs(2 * math.asin(math.sqrt(0.6)) - 2 * math.asin(math.sqrt(0.5)))  # Cohen's h
    expected = norm.cdf(h * math.sqrt(n / 2) - Z95) + norm.cdf(-h * math.sqrt(n / 2) - Z95)
    assert ex.result.power == pytest.approx(expected, rel=1e-6)
    assert has_png(ex)


# Kano's evaluation table, rows functional 1..5 (like .. dislike), columns dysfunctional 1..5.
KANO = ["QAAAO", "RIIIM", "RIIIM", "RIIIM", "RRRRQ"]
ANSWERS = {"Like": 1, "Must-be": 2, "Neutral": 3, "Live with": 4, "Dislike": 5}


@pytest.mark.parametrize(("functional", "dysfunctional"), [(1, 5), (2, 5), (1, 3), (5, 5), (3, 3), (5, 1)])
def test_kano_explorer_classifies_the_answer_pair(functional, dysfunctional):
    ex = kano_explorer()
    ex.set(functional=functional, dysfunctional=dysfunctional)
    assert ex.result.answer == KANO[functional - 1][dysfunctional - 1]


def test_kano_explorer_feature_coefficients_against_a_recount():
    data = cl.datasets.load("kano_features")
    wifi = data[data["feature"] == "fast_checkin"]
    cats = [KANO[ANSWERS[f] - 1][ANSWERS[d] - 1] for f, d in zip(wifi["functional"], wifi["dysfunctional"])]
    counts = pd.Series(cats).value_counts()
    a, o, m, i = (int(counts.get(c, 0)) for c in "AOMI")
    ex = kano_explorer()
    ex.controls["feature"].value = "fast_checkin"
    assert ex.result.better == pytest.approx((a + o) / (a + o + m + i))  # Berger et al. (1993)
    assert ex.result.worse == pytest.approx(-(o + m) / (a + o + m + i))
    assert ex.result.category == counts.idxmax()
    assert f"Better {ex.result.better:+.2f}" in ex.headline.value


def test_kano_model_rejects_an_unknown_feature():
    with pytest.raises(cl.CsatInputError, match="no feature 'jacuzzi' in kano_features; features are: free_wifi"):
        models.kano_model("jacuzzi")


def test_language_switch_relabels_a_survey_explorer():
    ex = nps_explorer(60, 25, 15)
    cl.set_language("zh-CN")
    assert ex.controls["promoters"].description == "推荐者（9-10分）"
    assert ex.controls["ci"].description == "置信水平"
    assert "样本量 = 100" in ex.headline.value
    assert "净推荐值" in shown_html(ex)
    cl.set_language("en")
    assert ex.controls["promoters"].description == "Promoters (9-10)"


def test_models_work_without_widgets():
    assert np.isclose(models.nps_model(50, 30, 20).score, 30.0)  # 100 (50 - 20) / 100
    assert models.disconfirmation_model(3, 5).level == 5  # 0.6 x 5 + 0.4 x 5 = 5
    assert models.disconfirmation_model(2, 2).level == 3  # 0.6 x 4 + 0.4 x 2 = 3.2 -> 3


from hypothesis import given, settings, strategies as st  # noqa: E402
from conftest import fuzz_examples  # noqa: E402


@settings(max_examples=fuzz_examples(40), deadline=None)
@given(expectation=st.integers(1, 5), tolerance=st.sampled_from([0.0, 0.5, 1.0]),
       weight=st.sampled_from([0.0, 0.2, 0.4, 0.5, 1.0]))
def test_a_better_perception_never_lowers_the_level(expectation, tolerance, weight):
    levels = [models.disconfirmation_model(expectation, p, tolerance=tolerance, performance_weight=weight).level
              for p in range(1, 6)]
    assert levels == sorted(levels)


@settings(max_examples=fuzz_examples(40), deadline=None)
@given(p=st.integers(0, 300), n=st.integers(0, 300), d=st.integers(0, 300))
def test_nps_model_stays_in_range_and_swapping_sides_flips_the_sign(p, n, d):
    if p + n + d < 2:
        return
    r, flipped = models.nps_model(p, n, d), models.nps_model(d, n, p)
    assert -100 <= r.score <= 100
    assert flipped.score == pytest.approx(-r.score, abs=1e-9)
