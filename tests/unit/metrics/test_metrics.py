"""csat_lab.metrics: scores checked against hand calculations, statsmodels and scipy."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import fuzz_examples

from csat_lab import metrics, scales
from csat_lab.errors import CsatInputError

Z95 = 1.959963984540054  # standard normal 97.5% quantile


# ---------------------------------------------------------------- NPS
def test_nps_wald_ci_hand_calculation() -> None:
    # 20 answers: 9-10 -> 8 promoters, 7-8 -> 5 passives, 0-6 -> 7 detractors
    scores = [10] * 5 + [9] * 3 + [8] * 3 + [7] * 2 + [6] * 3 + [3] * 2 + [0] * 2
    p_plus, p_minus, n = 8 / 20, 7 / 20, 20
    score = 100 * (p_plus - p_minus)  # 5
    se = 100 * math.sqrt((p_plus + p_minus - (p_plus - p_minus) ** 2) / n)  # 100*sqrt(0.7475/20) = 19.33
    r = metrics.nps(scores, method="wald")
    assert (r.promoters, r.passives, r.detractors) == (8, 5, 7)
    assert r.score == pytest.approx(score)
    assert r.se == pytest.approx(se)
    assert r.ci == pytest.approx((score - Z95 * se, score + Z95 * se))
    assert r.ci == pytest.approx((-32.89, 42.89), abs=0.01)
    assert r.ci_method.key == "value.method.nps_wald"
    assert metrics.nps(scores, method="normal").ci == r.ci  # the old name of the same interval


def test_nps_adjusted_wald_ci_hand_calculation() -> None:
    # Same 20 answers (8 promoters, 5 passives, 7 detractors). Adjusted Wald: add 3/4 promoter,
    # 3/2 passive, 3/4 detractor (Lewis & Sauro 2021, after Rocks 2016): n~ = 23,
    # p+~ = 8.75/23 = 0.380435, p-~ = 7.75/23 = 0.336957, centre 100 * 1/23 = 4.3478,
    # se~ = 100 sqrt((0.717391 - 0.043478^2)/23) = 17.6376, interval 4.3478 +- 1.96 * 17.6376.
    scores = [10] * 5 + [9] * 3 + [8] * 3 + [7] * 2 + [6] * 3 + [3] * 2 + [0] * 2
    r = metrics.nps(scores)
    pp, pm, nt = 8.75 / 23, 7.75 / 23, 23
    centre = 100 * (pp - pm)
    se = 100 * math.sqrt((pp + pm - (pp - pm) ** 2) / nt)
    assert centre == pytest.approx(4.3478, abs=1e-4) and se == pytest.approx(17.6376, abs=1e-4)
    assert r.ci == pytest.approx((centre - Z95 * se, centre + Z95 * se))
    assert r.ci == pytest.approx((-30.22, 38.92), abs=0.01)
    assert r.score == pytest.approx(5.0)  # the estimate itself is not shrunk
    assert r.ci_method.key == "value.method.nps_adjusted_wald"
    assert metrics.nps_from_counts(8, 5, 7).ci == pytest.approx(r.ci)


def test_nps_interval_has_width_when_every_answer_is_a_promoter() -> None:
    # The example: the Wald interval was (100, 100). Adjusted: n~ = 8, p+~ = 5.75/8,
    # p-~ = 0.75/8: centre 62.5, se~ = 100 sqrt((0.8125 - 0.390625)/8) = 22.964, low = 62.5 - 45.01.
    r = metrics.nps([10, 10, 9, 10, 9])
    assert r.score == 100.0
    assert r.ci == pytest.approx((62.5 - Z95 * 22.9640, 100.0), abs=1e-3)
    assert metrics.nps([10, 10, 9, 10, 9], method="wald").ci == (100.0, 100.0)
    low, high = metrics.nps([0, 3, 6]).ci
    assert low == -100.0 and high > -100.0


def _interval_coverage(method: str, n: int, shares: tuple[float, float, float], reps: int,
                       rng: np.random.Generator) -> float:
    """Share of simulated samples whose interval holds the true NPS (all samples at once)."""
    from csat_lab.metrics.tally import nps_interval

    counts = rng.multinomial(n, shares, size=reps)
    low, high = nps_interval(counts[:, 0] / n, counts[:, 2] / n, n, 0.95, method)
    truth = 100 * (shares[0] - shares[2])
    return float(np.mean((low <= truth + 1e-9) & (truth - 1e-9 <= high)))


def test_nps_adjusted_wald_coverage_by_simulation() -> None:
    # Trinomial samples drawn directly (numpy's multinomial, fixed seed); the interval is the one
    # nps() reports (checked on a few counts below). Interior grid: promoters and detractors each
    # 0.1..0.8, passives at least 0.1; 20,000 samples per cell (Monte Carlo se about 0.0015).
    from csat_lab.metrics.tally import nps_interval

    for counts in [(3, 9, 8), (17, 2, 1), (0, 0, 20), (40, 40, 20)]:
        n = sum(counts)
        assert nps_interval(counts[0] / n, counts[2] / n, n, 0.95) == pytest.approx(metrics.nps_from_counts(*counts).ci)
    rng = np.random.default_rng(20160701)
    grid = [(p / 10, 1 - (p + d) / 10, d / 10) for p in range(1, 9) for d in range(1, 9) if p + d <= 9]
    assert len(grid) == 36
    worst = {}
    for n in (20, 50, 100, 200):
        coverage = [_interval_coverage("adjusted_wald", n, g, 20_000, rng) for g in grid]
        worst[n] = min(coverage)
        assert worst[n] >= 0.93, (n, grid[int(np.argmin(coverage))], worst[n])
        assert float(np.mean(coverage)) == pytest.approx(0.95, abs=0.01)
    # The Wald interval it replaces misses too often at small n (exact value 0.885 at 10/10/80, n = 20).
    wald20 = min(_interval_coverage("wald", 20, g, 20_000, rng) for g in grid)
    assert wald20 < 0.90
    # Edges quoted in the nps() docstring (exact values 0.984 and 0.925 at n = 20; Wald 0.639).
    assert _interval_coverage("adjusted_wald", 20, (0.95, 0.0, 0.05), 20_000, rng) == pytest.approx(0.984, abs=0.01)
    assert _interval_coverage("adjusted_wald", 20, (0.95, 0.05, 0.0), 20_000, rng) == pytest.approx(0.925, abs=0.01)
    assert _interval_coverage("wald", 20, (0.95, 0.0, 0.05), 20_000, rng) == pytest.approx(0.639, abs=0.01)


def test_nps_coverage_table_in_docstring_is_exact() -> None:
    # Exact coverage by enumerating every trinomial sample with scipy's pmf, for the docstring's edge rows.
    from scipy import stats

    from csat_lab.metrics.tally import nps_interval

    def exact(method: str, n: int, shares: tuple[float, float, float]) -> float:
        xp, xd = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
        keep = xp + xd <= n
        xp, xd = xp[keep], xd[keep]
        pmf = stats.multinomial.pmf(np.column_stack([xp, n - xp - xd, xd]), n, shares)
        low, high = nps_interval(xp / n, xd / n, n, 0.95, method)
        truth = 100 * (shares[0] - shares[2])
        return float(pmf[(low <= truth + 1e-9) & (truth - 1e-9 <= high)].sum())

    assert exact("adjusted_wald", 20, (0.95, 0.0, 0.05)) == pytest.approx(0.984, abs=5e-4)
    assert exact("adjusted_wald", 20, (0.95, 0.05, 0.0)) == pytest.approx(0.925, abs=5e-4)
    assert exact("adjusted_wald", 20, (0.7, 0.0, 0.3)) == pytest.approx(0.917, abs=5e-4)
    assert exact("wald", 20, (0.95, 0.0, 0.05)) == pytest.approx(0.639, abs=5e-4)
    assert exact("adjusted_wald", 20, (0.3, 0.1, 0.6)) == pytest.approx(0.941, abs=5e-4)
    assert exact("wald", 20, (0.1, 0.1, 0.8)) == pytest.approx(0.885, abs=5e-4)


def test_nps_from_counts_equals_nps_on_rows() -> None:
    rows = [10] * 50 + [8] * 30 + [2] * 20
    a, b = metrics.nps(rows), metrics.nps_from_counts(50, 30, 20)
    assert a.score == b.score == 30.0
    assert a.ci == pytest.approx(b.ci)


def test_nps_bootstrap_on_counts_agrees_with_normal_and_is_seeded() -> None:
    normal = metrics.nps_from_counts(500, 300, 200)
    boot = metrics.nps_from_counts(500, 300, 200, method="bootstrap", n_boot=4000, seed=7)
    assert boot.ci == pytest.approx(normal.ci, abs=0.8)
    again = metrics.nps_from_counts(500, 300, 200, method="bootstrap", n_boot=4000, seed=7)
    assert boot.ci == again.ci
    other = metrics.nps_from_counts(500, 300, 200, method="bootstrap", n_boot=4000, seed=8)
    assert boot.ci != other.ci


def test_weighted_nps_hand_calculation() -> None:
    scores = [10, 9, 7, 5, 0, 10]
    w = [2.0, 1.0, 1.0, 0.5, 1.5, 1.0]
    total = sum(w)  # 7
    p_plus = (2 + 1 + 1) / total
    p_minus = (0.5 + 1.5) / total
    n_eff = total**2 / sum(x * x for x in w)  # 49 / 9.5
    se = 100 * math.sqrt((p_plus + p_minus - (p_plus - p_minus) ** 2) / n_eff)
    r = metrics.nps(scores, weights=w)
    assert r.score == pytest.approx(100 * (p_plus - p_minus))
    assert r.n_effective == pytest.approx(49 / 9.5)
    assert r.se == pytest.approx(se)
    assert r.promoters == 3 and r.detractors == 2  # head counts stay unweighted


def test_missing_answers_are_dropped_and_reported() -> None:
    r = metrics.nps(pd.Series([10, None, 9, np.nan, 3]))
    assert r.n == 3 and r.n_dropped == 2
    assert r.dropped == {"missing answer": 2}


# ---------------------------------------------------------------- boxes and means
def test_csat_wilson_interval_matches_statsmodels() -> None:
    from statsmodels.stats.proportion import proportion_confint

    scores = [5] * 30 + [4] * 25 + [3] * 20 + [2] * 15 + [1] * 10
    r = metrics.csat(scores)
    assert r.estimate == pytest.approx(0.55)
    assert r.ci == pytest.approx(proportion_confint(55, 100, alpha=0.05, method="wilson"))
    wald = metrics.csat(scores, method="wald")
    assert wald.ci == pytest.approx(proportion_confint(55, 100, alpha=0.05, method="normal"))


def test_mean_interval_matches_scipy() -> None:
    from scipy import stats

    x = np.array([1, 2, 2, 3, 4, 4, 4, 5, 5, 3, 2])
    r = metrics.mean_score(x, scale="satisfaction5")
    low, high = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    assert r.estimate == pytest.approx(x.mean())
    assert r.ci == pytest.approx((low, high))
    assert metrics.ces([7, 6, 5, 7, 2]).estimate == pytest.approx(27 / 5)


def test_weighted_top_box_and_mean_hand_calculation() -> None:
    x = [5, 4, 2, 1]
    w = [1.0, 3.0, 2.0, 2.0]
    r = metrics.top_box(x, scale="satisfaction5", k=2, weights=w)
    assert r.estimate == pytest.approx((1 + 3) / 8)
    assert r.n_effective == pytest.approx(64 / 18)
    mean = (5 * 1 + 4 * 3 + 2 * 2 + 1 * 2) / 8  # 23 / 8
    var = sum(wi * (xi - mean) ** 2 for xi, wi in zip(x, w)) / 8
    assert r.mean == pytest.approx(mean)
    m = metrics.mean_score(x, scale="satisfaction5", weights=w)
    assert m.se == pytest.approx(math.sqrt(var / (64 / 18 - 1)))
    assert metrics.bottom_box(x, scale="satisfaction5", k=2, weights=w).estimate == pytest.approx(0.5)


def test_equal_weights_give_unweighted_results() -> None:
    x = [5, 4, 4, 3, 1, 2, 5]
    assert metrics.csat(x, weights=[3.0] * 7).ci == pytest.approx(metrics.csat(x).ci)


# ---------------------------------------------------------------- comparisons
def test_compare_proportions_matches_statsmodels_newcombe() -> None:
    from statsmodels.stats.proportion import confint_proportions_2indep

    a = [5] * 40 + [4] * 20 + [2] * 40  # 60/100 satisfied
    b = [5] * 20 + [4] * 25 + [1] * 35  # 45/80
    r = metrics.compare_proportions(a, b)
    assert r.ci == pytest.approx(confint_proportions_2indep(60, 100, 45, 80, method="newcomb"))
    assert r.ci_method.key == "value.method.newcombe_hybrid"
    # The p-value is the level at which statsmodels' Newcombe interval just touches 0.
    low, _ = confint_proportions_2indep(60, 100, 45, 80, method="newcomb", alpha=r.p_value)
    assert low == pytest.approx(0.0, abs=1e-9)
    assert r.statistic == pytest.approx(stats_norm_isf(r.p_value / 2))


def stats_norm_isf(q: float) -> float:
    from scipy import stats

    return float(stats.norm.isf(q))


def test_compare_proportions_test_and_interval_agree() -> None:
    # The example: the pooled z test said p > 0.05 while the Wald interval excluded 0.
    from statsmodels.stats.proportion import confint_proportions_2indep

    r = metrics.compare_proportions([1] * 12, [5] * 4 + [1] * 56)  # 0/12 against 4/60
    assert r.ci == pytest.approx(confint_proportions_2indep(0, 12, 4, 60, method="newcomb"))
    assert r.ci[0] < 0 < r.ci[1] and r.p_value > 0.05
    # Over many tables and levels: p < 1 - level exactly when the interval excludes 0.
    for xa, na, xb, nb in [(0, 12, 4, 60), (7, 10, 2, 10), (30, 50, 18, 50), (1, 40, 9, 41), (5, 5, 0, 5),
                           (12, 30, 5, 30), (99, 200, 80, 200), (3, 9, 3, 9)]:
        rows_a, rows_b = [5] * xa + [1] * (na - xa), [5] * xb + [1] * (nb - xb)
        for level in (0.8, 0.9, 0.95, 0.99):
            c = metrics.compare_proportions(rows_a, rows_b, ci=level)
            assert c.ci == pytest.approx(confint_proportions_2indep(xa, na, xb, nb, method="newcomb", alpha=1 - level))
            excludes = c.ci[0] > 0 or c.ci[1] < 0
            assert (c.p_value < 1 - level) == excludes, (xa, na, xb, nb, level, c.p_value, c.ci)


def test_compare_groups_shares_test_and_interval_agree() -> None:
    df = pd.DataFrame({"g": ["a"] * 12 + ["b"] * 60, "sat": [1] * 12 + [5] * 4 + [1] * 56})
    t = metrics.compare_groups(df, score="sat", group="g")
    row = t.loc[1]
    direct = metrics.compare_proportions([5] * 4 + [1] * 56, [1] * 12)
    assert (row["diff_ci_low"], row["diff_ci_high"]) == pytest.approx(direct.ci)
    assert row["p_value"] == pytest.approx(direct.p_value)
    assert (row["p_value"] < 0.05) == (row["diff_ci_low"] > 0 or row["diff_ci_high"] < 0)
    assert row["test"].key == "value.test.newcombe_inverted"


def test_compare_means_matches_welch() -> None:
    from scipy import stats

    a = [5, 4, 4, 3, 5, 2, 4, 4]
    b = [3, 2, 4, 1, 2, 3]
    r = metrics.compare_means(a, b, scale="satisfaction5")
    ref = stats.ttest_ind(a, b, equal_var=False)
    assert r.statistic == pytest.approx(ref.statistic)
    assert r.p_value == pytest.approx(ref.pvalue)
    ci = ref.confidence_interval(0.95)
    assert r.ci == pytest.approx((ci.low, ci.high))


def test_compare_nps_hand_calculation() -> None:
    r = metrics.compare_nps([10] * 6 + [8] * 2 + [3] * 2, [9] * 3 + [7] * 3 + [0] * 4)
    se_a = 100 * math.sqrt((0.6 + 0.2 - 0.4**2) / 10)
    se_b = 100 * math.sqrt((0.3 + 0.4 - 0.1**2) / 10)
    assert r.difference == pytest.approx(40 - (-10))
    assert r.se == pytest.approx(math.hypot(se_a, se_b))
    assert r.statistic == pytest.approx(50 / math.hypot(se_a, se_b))


def _waves() -> pd.DataFrame:
    return pd.DataFrame({"wave": ["w1"] * 5 + ["w2"] * 5 + [None],
                         "sat": [5, 4, 2, 1, 3, 5, 5, 4, 4, 1, 5]})


def test_compare_groups_tidy_table() -> None:
    df = _waves()
    t = metrics.compare_groups(df, score="sat", group="wave")
    assert isinstance(t, metrics.GroupComparison)
    assert list(t["group"]) == ["w1", "w2"]
    assert list(t["estimate"]) == pytest.approx([0.4, 0.8])  # 2 of 5 and 4 of 5 answer 4-5
    direct = metrics.compare_proportions([5, 5, 4, 4, 1], [5, 4, 2, 1, 3])
    assert t.loc[1, "p_value"] == pytest.approx(direct.p_value)
    # metadata travel as fields, not in DataFrame.attrs
    assert t.n_missing_group == 1 and t.reference == "w1" and t.ci_level == 0.95
    assert t.table.attrs == {}
    assert (t.metric, t.score, t.group, t.scale) == ("csat", "sat", "wave", "satisfaction5")
    assert t.ci_method == "Wilson score"
    n = metrics.compare_groups(df.assign(rec=[10, 9, 0, 5, 8, 10, 10, 9, 9, 9, 1]), score="rec", group="wave",
                               metric="nps")
    assert list(n["estimate"]) == pytest.approx([0.0, 100.0])  # w1: 2 promoters, 2 detractors of 5


def test_compare_groups_group_intervals_match_statsmodels() -> None:
    from statsmodels.stats.proportion import proportion_confint

    t = metrics.compare_groups(_waves(), score="sat", group="wave", ci=0.9)
    assert (t.loc[0, "ci_low"], t.loc[0, "ci_high"]) == pytest.approx(
        proportion_confint(2, 5, alpha=0.1, method="wilson"))
    assert t.ci_level == 0.9


def test_compare_groups_result_passes_dataframe_operations_through() -> None:
    t = metrics.compare_groups(_waves(), score="sat", group="wave", reference="w2")
    assert len(t) == 2
    assert t.reference == "w2"
    assert list(t.sort_values("estimate", ascending=False)["group"]) == ["w2", "w1"]
    assert list(t.columns[:3]) == ["group", "metric", "estimate"]
    assert list(t) == list(t.table.columns)  # iterates like the DataFrame it replaces
    pd.testing.assert_series_equal(t.estimate, t.table["estimate"])
    assert np.isnan(t.loc[1, "difference"]) and t.loc[0, "difference"] == pytest.approx(0.4 - 0.8)
    assert "Reference group" in str(t)


def test_compare_groups_positional_columns_still_work_with_a_warning() -> None:
    df = _waves()
    with pytest.warns(DeprecationWarning, match="score="):
        old = metrics.compare_groups(df, "sat", "wave")
    new = metrics.compare_groups(df, score="sat", group="wave")
    pd.testing.assert_frame_equal(old.table, new.table)
    assert old.n_missing_group == new.n_missing_group


def test_compare_groups_plot_returns_axes() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = metrics.compare_groups(_waves(), score="sat", group="wave").plot()
    assert isinstance(ax, matplotlib.axes.Axes)
    plt.close(ax.figure)


# ---------------------------------------------------------------- result objects
def test_results_have_estimate() -> None:
    r = metrics.nps([10, 9, 0, 7])
    assert r.estimate == r.score == pytest.approx(25.0)  # 2 promoters, 1 detractor of 4
    c = metrics.compare_nps([10, 10, 0], [9, 0, 0])
    assert c.estimate == c.difference == pytest.approx(100 * (2 - 1) / 3 - 100 * (1 - 2) / 3)
    assert metrics.csat([5, 4, 1, 2]).estimate == pytest.approx(0.5)


def test_nps_plot_returns_axes() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = metrics.nps([10, 9, 8, 3, 10]).plot()
    assert isinstance(ax, matplotlib.axes.Axes) and len(ax.patches) == 3
    plt.close(ax.figure)


def test_bootstrap_default_seed_gives_the_same_answer_and_is_reported() -> None:
    a = metrics.nps_from_counts(50, 30, 20, method="bootstrap", n_boot=500)
    b = metrics.nps_from_counts(50, 30, 20, method="bootstrap", n_boot=500)
    assert a.ci == b.ci and a.seed == 0
    rows = metrics.nps([10] * 50 + [8] * 30 + [2] * 20, method="bootstrap", n_boot=500)
    assert rows.ci == a.ci and rows.seed == 0  # same counts, same seed, same draws
    assert metrics.nps([10, 9, 2], method="bootstrap", n_boot=200, seed=5).seed == 5
    assert metrics.nps([10, 9, 2]).seed is None  # normal interval: no random draws
    assert "Bootstrap seed" in str(a)


# ---------------------------------------------------------------- properties
answers = st.lists(st.integers(0, 10), min_size=2, max_size=200)


@settings(max_examples=fuzz_examples(60), deadline=None)
@given(answers)
def test_nps_bounds(xs: list[int]) -> None:
    r = metrics.nps(xs)
    assert -100 <= r.ci[0] <= r.score <= r.ci[1] <= 100
    assert r.promoters + r.passives + r.detractors == len(xs)


@settings(max_examples=fuzz_examples(60), deadline=None)
@given(st.lists(st.integers(1, 5), min_size=2, max_size=200), st.integers(1, 4))
def test_top_box_bounds_and_shift_invariance(xs: list[int], k: int) -> None:
    r = metrics.top_box(xs, scale="satisfaction5", k=k)
    assert 0 <= r.ci[0] <= r.estimate <= r.ci[1] <= 1
    shifted = scales.Scale("shifted_sat", 11, 15, labelled=False)
    s = metrics.top_box([x + 10 for x in xs], scale=shifted, k=k)
    assert s.estimate == pytest.approx(r.estimate) and s.ci == pytest.approx(r.ci)


@settings(max_examples=fuzz_examples(40), deadline=None)
@given(st.lists(st.integers(1, 5), min_size=2, max_size=100))
def test_relabelling_as_ordered_categorical_changes_nothing(xs: list[int]) -> None:
    names = ["awful", "bad", "meh", "good", "great"]
    cat = pd.Series(pd.Categorical([names[x - 1] for x in xs], categories=names, ordered=True))
    assert metrics.csat(cat).ci == pytest.approx(metrics.csat(xs).ci)
    assert metrics.csat(cat).mean == pytest.approx(metrics.csat(xs).mean)


# ---------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: metrics.csat([1, 2, 6]), "outside scale 'satisfaction5'"),
        (lambda: metrics.nps(np.array([1, 2, 11])), "outside scale 'nps11'"),
        (lambda: metrics.csat(["5", "four", 3]), "non-numeric answers at rows \\[1\\]"),
        (lambda: metrics.csat([]), "empty"),
        (lambda: metrics.csat([None, np.nan]), "all 2 answers"),
        (lambda: metrics.nps([9]), "1 valid answer"),
        (lambda: metrics.nps([9, 10], weights=[1, -1]), "non-negative"),
        (lambda: metrics.nps([9, 10], weights=[1, 2, 3]), "3 values but the data has 2"),
        (lambda: metrics.nps([9, 10], method="jackknife"), "method must be one of"),
        (lambda: metrics.top_box([1, 2], scale="nonsense"), "scales are: satisfaction5"),
        (lambda: metrics.nps_from_counts(3, -1, 2), "passives must be a non-negative"),
        (lambda: metrics.nps(pd.DataFrame({"a": [1, 2]})), "one column of answers"),
        (lambda: metrics.compare_groups(pd.DataFrame({"sat": [1, 2], "g": [1, 2]}), score="sat", group="grp"),
         "no column 'grp'.*columns are: sat, g"),
        (lambda: metrics.compare_groups(pd.DataFrame({"sat": [1]}), score="sat", group="sat"), "no column|at least 2"),
        (lambda: metrics.compare_groups(pd.DataFrame({"sat": [1, 2], "g": [1, 2]}), "sat", "g", "x"),
         "pass score, group by name"),
    ],
)
def test_bad_input(call, match: str) -> None:
    with pytest.raises(CsatInputError, match=match):
        call()


def test_result_renders() -> None:
    r = metrics.nps([10, 9, 0, 7])
    assert "Net Promoter Score" in str(r)
    assert "<table>" in r._repr_html_()
    assert "Mean" in str(metrics.csat([5, 4, 1]))


def test_errors_name_the_users_column():
    with pytest.raises(CsatInputError, match=r"column 'Q2': non-numeric answers at rows \[1\]"):
        metrics.nps(pd.Series([9, "nine"], name="Q2"))
    with pytest.raises(CsatInputError, match=r"column 'scores': 1 answers outside"):
        metrics.csat([1, 7])  # a plain list has no name
    with pytest.raises(CsatInputError, match=r"bad positions \[1\]"):
        metrics.nps([10, 9], weights=[1, -1])


# ---------------------------------------------------------------- weighted means: linearisation
def test_linearised_se_of_a_weighted_mean_matches_statsmodels_and_hand_formula() -> None:
    import statsmodels.api as sm

    x = np.array([1, 2, 3, 4, 5, 5, 4, 2], dtype=float)
    w = np.array([1.0, 1.0, 2.0, 2.0, 4.0, 0.5, 3.0, 1.5])
    n, total = len(x), w.sum()
    mean = float(w @ x / total)
    # Taylor linearisation of the ratio sum(w x) / sum(w), each answer its own PSU (with replacement):
    hand = math.sqrt(n / (n - 1) * float(np.sum(w**2 * (x - mean) ** 2))) / total
    # The same number as the HC1 sandwich standard error of an intercept-only WLS fit.
    fit = sm.WLS(x, np.ones((n, 1)), weights=w).fit(cov_type="HC1")
    r = metrics.mean_score(x, scale="satisfaction5", weights=w, variance="linearization")
    assert r.estimate == pytest.approx(mean) == pytest.approx(fit.params[0])
    assert r.se == pytest.approx(hand) == pytest.approx(fit.bse[0])
    from scipy import stats

    half = stats.t.ppf(0.975, n - 1) * hand
    assert r.ci == pytest.approx((mean - half, mean + half))
    assert r.ci_method.key == "value.method.student_t_linearized"
    # Kish (the default) is unchanged: sqrt(var_w / (n_eff - 1)).
    kish = metrics.mean_score(x, scale="satisfaction5", weights=w)
    var_w = float(w @ (x - mean) ** 2 / total)
    assert kish.se == pytest.approx(math.sqrt(var_w / (total**2 / float(w @ w) - 1)))
    # Without weights both are s / sqrt(n).
    plain = [metrics.mean_score(x, scale="satisfaction5", variance=v).se for v in ("kish", "linearization")]
    assert plain == pytest.approx([float(np.std(x, ddof=1) / math.sqrt(n))] * 2)
    assert metrics.ces([7, 6, 5, 7, 2], weights=[1, 2, 1, 1, 3], variance="linearization").se > 0


def test_compare_means_with_linearised_ses() -> None:
    from scipy import stats

    a, wa = np.array([5, 4, 4, 3, 5, 2.0]), np.array([1, 2, 1, 3, 1, 2.0])
    b, wb = np.array([3, 2, 4, 1, 2.0]), np.array([2, 1, 1, 1, 2.0])

    def lin(x: np.ndarray, w: np.ndarray) -> tuple[float, float]:
        m = float(w @ x / w.sum())
        return m, math.sqrt(len(x) / (len(x) - 1) * float(np.sum(w**2 * (x - m) ** 2))) / w.sum()

    (ma, sa), (mb, sb) = lin(a, wa), lin(b, wb)
    se = math.hypot(sa, sb)
    df = se**4 / (sa**4 / (len(a) - 1) + sb**4 / (len(b) - 1))
    r = metrics.compare_means(a, b, scale="satisfaction5", weights_a=wa, weights_b=wb, variance="linearization")
    assert r.difference == pytest.approx(ma - mb) and r.se == pytest.approx(se) and r.df == pytest.approx(df)
    assert r.p_value == pytest.approx(2 * stats.t.sf(abs((ma - mb) / se), df))


# ---------------------------------------------------------------- numerical edges
def test_huge_and_tiny_weights_are_rescaled() -> None:
    x = [10, 9, 7, 5, 0, 10]
    ref = metrics.nps(x, weights=[2, 1, 1, 0.5, 1.5, 1])
    for factor in (1e308 / 2, 1e-200, 5e-324 * 2):
        w = [v * factor for v in (2, 1, 1, 0.5, 1.5, 1)]
        r = metrics.nps(x, weights=w)
        assert r.ci == pytest.approx(ref.ci) and r.n_effective == pytest.approx(ref.n_effective, rel=1e-6)
        m = metrics.mean_score(x, scale="nps11", weights=w)
        assert np.isfinite(m.ci).all()


def test_effective_n_of_one_is_a_clear_error() -> None:
    with pytest.raises(CsatInputError, match="effective sample size of 1"):
        metrics.mean_score([1, 2, 3], scale="satisfaction5", weights=[1, 0, 0])
    with pytest.raises(CsatInputError, match="effective sample size of 1"):
        metrics.compare_means([1, 2, 3], [2, 3], scale="satisfaction5", weights_a=[1e12, 1, 1])


def test_booleans_are_not_read_as_scores() -> None:
    for bad in ([True, False, True], np.array([True, True]), pd.Series([True, None], dtype="boolean"), [10, True]):
        with pytest.raises(CsatInputError, match="True/False"):
            metrics.nps(bad)
    with pytest.raises(CsatInputError, match=r"column 'q1' holds True/False values at rows \[0, 1\]"):
        metrics.csat(pd.Series([True, False], name="q1"))


def test_degenerate_comparisons_raise_instead_of_p_equal_one() -> None:
    with pytest.raises(CsatInputError, match="zero variance"):
        metrics.compare_means([5, 5], [3, 3], scale="satisfaction5")
    with pytest.raises(CsatInputError, match="one NPS category"):
        metrics.compare_nps([10, 10], [0, 0])
    same = metrics.compare_means([5, 5], [5, 5], scale="satisfaction5")
    assert same.difference == 0 and same.p_value == 1.0
    df = pd.DataFrame({"g": [1, 1, 2, 2], "s": [5, 5, 3, 3]})
    with pytest.raises(CsatInputError, match="group 2 of 'g'.*reference group 1"):
        metrics.compare_groups(df, score="s", group="g", metric="mean", scale="satisfaction5")
