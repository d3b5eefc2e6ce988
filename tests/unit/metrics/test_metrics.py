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
def test_nps_normal_ci_hand_calculation() -> None:
    # 20 answers: 9-10 -> 8 promoters, 7-8 -> 5 passives, 0-6 -> 7 detractors
    scores = [10] * 5 + [9] * 3 + [8] * 3 + [7] * 2 + [6] * 3 + [3] * 2 + [0] * 2
    p_plus, p_minus, n = 8 / 20, 7 / 20, 20
    score = 100 * (p_plus - p_minus)  # 5
    se = 100 * math.sqrt((p_plus + p_minus - (p_plus - p_minus) ** 2) / n)  # 100*sqrt(0.7475/20) = 19.33
    r = metrics.nps(scores)
    assert (r.promoters, r.passives, r.detractors) == (8, 5, 7)
    assert r.score == pytest.approx(score)
    assert r.se == pytest.approx(se)
    assert r.ci == pytest.approx((score - Z95 * se, score + Z95 * se))
    assert r.ci == pytest.approx((-32.89, 42.89), abs=0.01)


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
def test_compare_proportions_matches_statsmodels() -> None:
    from statsmodels.stats.proportion import confint_proportions_2indep, proportions_ztest

    a = [5] * 40 + [4] * 20 + [2] * 40  # 60/100 satisfied
    b = [5] * 20 + [4] * 25 + [1] * 35  # 45/80
    r = metrics.compare_proportions(a, b)
    z, p = proportions_ztest([60, 45], [100, 80])
    assert r.statistic == pytest.approx(z)
    assert r.p_value == pytest.approx(p)
    assert r.ci == pytest.approx(confint_proportions_2indep(60, 100, 45, 80, method="wald"))


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
