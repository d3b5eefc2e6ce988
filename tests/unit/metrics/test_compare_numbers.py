"""compare_means on any numbers (no scale) and on paired answers, against scipy.stats."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

import csat_lab as cl
from csat_lab.errors import CsatInputError


def test_welch_on_numbers_matches_scipy() -> None:
    rng = np.random.default_rng(7)
    a, b = rng.normal(-0.3, 0.8, 40), rng.normal(-0.1, 0.5, 55)
    r = cl.metrics.compare_means(a, b, ci=0.9)
    ref = stats.ttest_ind(a, b, equal_var=False)
    assert r.difference == pytest.approx(a.mean() - b.mean())
    assert r.statistic == pytest.approx(ref.statistic) and r.p_value == pytest.approx(ref.pvalue)
    assert r.df == pytest.approx(ref.df)
    low, high = ref.confidence_interval(0.9)
    assert r.ci == pytest.approx((low, high))


def test_paired_matches_scipy_and_a_hand_calculation() -> None:
    a, b = np.array([4, 5, 3, 4, 2.5]), np.array([3, 4, 3, 2, 2.0])
    # differences 1, 1, 0, 2, 0.5: mean 0.9, sd 0.7416, se 0.3317, df 4
    r = cl.metrics.compare_means(a, b, paired=True)
    assert r.difference == pytest.approx(0.9) and r.df == 4
    assert r.se == pytest.approx(np.sqrt(0.55 / 5))
    ref = stats.ttest_rel(a, b)
    assert r.statistic == pytest.approx(ref.statistic) and r.p_value == pytest.approx(ref.pvalue)
    assert r.ci == pytest.approx(tuple(ref.confidence_interval(0.95)))


def test_missing_values_are_dropped_and_counted() -> None:
    r = cl.metrics.compare_means([1.0, np.nan, 2.0, 3.0], [0.5, 1.5, np.nan])
    assert (r.n_a, r.n_b, r.n_dropped) == (3, 2, 2)
    p = cl.metrics.compare_means([1.0, np.nan, 2.0, 3.0], [0.5, 1.5, 1.0, np.nan], paired=True)
    assert (p.n_a, p.n_dropped) == (2, 2)  # pairs 1 and 3 are complete: differences 0.5, 1.0


def test_scaled_paired_answers_drop_codes_off_the_scale() -> None:
    p = cl.metrics.compare_means([5, 4, 9, 3], [4, 4, 2, 1], scale="satisfaction5", paired=True)
    assert p.n_a == 3 and p.difference == pytest.approx((1 + 0 + 2) / 3)


@pytest.mark.parametrize("call, match", [
    (lambda: cl.metrics.compare_means([1, 2], [1, 2, 3], paired=True), "same length"),
    (lambda: cl.metrics.compare_means([1, "x"], [1, 2]), "a"),
    (lambda: cl.metrics.compare_means([1.0], [1.0, 2.0]), "at least 2"),
    (lambda: cl.metrics.compare_means([1, 1], [2, 2]), "zero variance"),
    (lambda: cl.metrics.compare_means([1, 2], [1, 2], paired="yes"), "paired must be True or False"),
    (lambda: cl.metrics.compare_means([1, 2], [1, 2], weights_a=[1, 1]), "need scale="),
    (lambda: cl.metrics.compare_means([1, np.inf], [1, 2]), "infinite"),
])
def test_bad_numbers_get_clear_errors(call, match) -> None:
    with pytest.raises(CsatInputError, match=match):
        call()


def test_satisfaction_rate_counts_basically_satisfied_and_csat_does_not() -> None:
    answers = [5, 4, 3, 3, 2, 1, 4, 3, None]
    rate = cl.metrics.satisfaction_rate(answers)
    # levels 3-5: 6 of 8 answered = 0.75; CSAT (4-5): 3 of 8 = 0.375
    assert rate.estimate == 0.75 and rate.box == (3, 4, 5) and rate.n_dropped == 1
    assert cl.metrics.csat(answers).estimate == 0.375
    # Wilson interval for 6 of 8 at 95 %, by hand: (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)
    z, n, p = 1.959964, 8, 0.75
    centre, half = p + z * z / (2 * n), z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    assert rate.ci == pytest.approx(((centre - half) / (1 + z * z / n), (centre + half) / (1 + z * z / n)), abs=1e-6)
    weighted = cl.metrics.satisfaction_rate([5, 1, 3, 2], weights=[2, 1, 1, 1])  # (2 + 1) / 5
    assert weighted.estimate == pytest.approx(0.6)
    assert cl.metrics.satisfaction_rate([7, 4, 1], scale="agree7").estimate == pytest.approx(2 / 3)  # 4..7
    with pytest.raises(CsatInputError, match="needs a scale with a middle point"):
        cl.metrics.satisfaction_rate([1, 2], scale=_even_scale())


def _even_scale():
    from csat_lab import scales

    return scales.Scale("even4", 1, 4)
