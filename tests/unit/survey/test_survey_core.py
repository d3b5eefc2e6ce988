"""csat_lab.survey design, reliability and gaps, against pingouin, sklearn, scipy and hand calculations."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import survey
from csat_lab.errors import CsatInputError

REF = Path(__file__).resolve().parents[3].parent / "shared" / "reference-data" / "reliability"


def _ref(name: str) -> pd.DataFrame:
    path = REF / name
    if not path.exists():
        pytest.skip(f"reference data {path} is absent (only in the project's shared folder)")
    return pd.read_csv(path, encoding="utf-8-sig")


# ---------------------------------------------------------------- design
def test_margin_of_error_and_sample_size_hand_calculation() -> None:
    z = 1.959963984540054
    assert survey.margin_of_error(1000) == pytest.approx(z * math.sqrt(0.25 / 1000))
    fpc = math.sqrt((2000 - 1000) / (2000 - 1))
    assert survey.margin_of_error(1000, population=2000) == pytest.approx(z * math.sqrt(0.25 / 1000) * fpc)
    # Cochran's classic: +-5 points at 95% -> 384.15, rounded up to 385
    assert survey.sample_size(0.05) == 385
    n0 = z**2 * 0.25 / 0.05**2
    assert survey.sample_size(0.05, population=500) == math.ceil(n0 / (1 + (n0 - 1) / 500))
    assert survey.sample_size_mean(0.1, 1.2) == math.ceil((z * 1.2 / 0.1) ** 2)
    assert survey.sample_size_nps(5) == math.ceil(z**2 * 100**2 / 25)


def test_sample_size_matches_statsmodels() -> None:
    from statsmodels.stats.proportion import samplesize_confint_proportion

    ref = samplesize_confint_proportion(0.3, 0.04, alpha=0.05)
    assert survey.sample_size(0.04, p=0.3) == math.ceil(ref)


def test_nps_margin_is_consistent_with_metrics_interval() -> None:
    # The planning margin is the half-width of the Wald interval (the default adjusted-Wald
    # interval adds 3 pseudo-answers and is centred on the shrunk score).
    r = cl.metrics.nps_from_counts(160, 160, 80, method="wald")  # shares 0.4 / 0.4 / 0.2
    moe = survey.nps_margin_of_error(400, promoters=0.4, detractors=0.2)
    assert r.ci[1] - r.score == pytest.approx(moe)
    adjusted = cl.metrics.nps_from_counts(160, 160, 80)
    assert (adjusted.ci[1] - adjusted.ci[0]) / 2 == pytest.approx(moe, rel=0.01)


def test_response_rates() -> None:
    from statsmodels.stats.proportion import proportion_confint

    r = survey.response_rates(1000, 300, 240)
    assert (r.start_rate, r.completion_rate, r.response_rate) == (0.3, 0.8, 0.24)
    assert r.estimate == r.response_rate
    assert r.ci == pytest.approx(proportion_confint(240, 1000, alpha=0.05, method="wilson"))
    assert survey.response_rates(1000, 300, 240, ci=0.9).ci_level == 0.9
    with pytest.raises(CsatInputError, match="completed <= started <= invited"):
        survey.response_rates(100, 50, 60)


# ---------------------------------------------------------------- alpha
def test_alpha_pingouin_long_example() -> None:
    long = _ref("pingouin_cronbach_alpha.csv")
    wide = long.pivot(index="Subj", columns="Items", values="Scores")
    r = survey.cronbach_alpha(wide)
    # pingouin documentation: (0.5917188485995826, array([0.195, 0.84 ]))
    assert r.alpha == pytest.approx(0.5917188485995826, abs=1e-9)
    assert r.ci == pytest.approx((0.195, 0.84), abs=5e-4)


def test_alpha_pingouin_wide_missing_pairwise_and_listwise() -> None:
    from scipy import stats

    data = _ref("pingouin_cronbach_wide_missing.csv")
    pair = survey.cronbach_alpha(data, missing="pairwise")
    # pingouin documentation (= R psych::alpha(use="pairwise")): (0.732660835214447, [0.435, 0.909])
    assert pair.alpha == pytest.approx(0.732660835214447, abs=1e-9)
    assert pair.ci == pytest.approx((0.435, 0.909), abs=5e-4)
    lw = survey.cronbach_alpha(data)
    # pingouin documentation, listwise (= psych::alpha(use="complete.obs")): 0.8016949152542373
    assert lw.alpha == pytest.approx(0.8016949152542373, abs=1e-9)
    n, k = data.dropna().shape
    assert lw.n == n and lw.n_dropped == data.shape[0] - n
    # Feldt interval on the complete rows, written out with scipy's F quantiles
    lo = 1 - (1 - lw.alpha) * stats.f.isf(0.025, n - 1, (n - 1) * (k - 1))
    hi = 1 - (1 - lw.alpha) * stats.f.isf(0.975, n - 1, (n - 1) * (k - 1))
    assert lw.ci == pytest.approx((lo, hi))


def test_alpha_attitude_against_pingouin() -> None:
    import pingouin as pg

    att = _ref("attitude.csv").drop(columns="rownames")
    expected, ci = pg.cronbach_alpha(data=att)
    r = survey.cronbach_alpha(att)
    assert r.alpha == pytest.approx(expected)
    assert r.estimate == r.alpha
    assert r.ci == pytest.approx(tuple(ci), abs=5e-4)
    # standardized alpha from the mean inter-item correlation, computed directly
    corr = att.corr().to_numpy()
    k = corr.shape[0]
    rbar = corr[np.triu_indices(k, 1)].mean()
    assert r.standardized == pytest.approx(k * rbar / (1 + (k - 1) * rbar))


def test_item_analysis_against_direct_computation() -> None:
    import pingouin as pg

    att = _ref("attitude.csv").drop(columns="rownames")
    table = survey.item_analysis(att)
    for item in att.columns:
        rest = att.drop(columns=item)
        assert table.loc[item, "alpha_if_deleted"] == pytest.approx(pg.cronbach_alpha(data=rest)[0])
        assert table.loc[item, "item_total_r"] == pytest.approx(np.corrcoef(att[item], rest.sum(axis=1))[0, 1])
    assert table["sd"].to_numpy() == pytest.approx(att.std().to_numpy())


# ---------------------------------------------------------------- omega
def test_omega_three_items_closed_form() -> None:
    # With three items the one-factor model is exactly identified:
    # l1^2 = c12 c13 / c23 (and cyclically), psi_j = c_jj - l_j^2.
    rng = np.random.default_rng(3)
    f = rng.normal(size=400)
    x = np.column_stack([0.9 * f + rng.normal(0, 0.6, 400), 0.7 * f + rng.normal(0, 0.8, 400),
                         0.5 * f + rng.normal(0, 0.9, 400)])
    c = np.cov(x, rowvar=False)
    lam = np.sqrt([c[0, 1] * c[0, 2] / c[1, 2], c[0, 1] * c[1, 2] / c[0, 2], c[0, 2] * c[1, 2] / c[0, 1]])
    psi = np.diag(c) - lam**2
    expected = lam.sum() ** 2 / (lam.sum() ** 2 + psi.sum())
    r = survey.omega_total(pd.DataFrame(x, columns=["a", "b", "c"]), n_boot=0)
    assert r.omega == pytest.approx(expected, abs=1e-4)
    assert r.estimate == r.omega and r.seed is None and r.n_boot == 0
    assert r.loadings.to_numpy() == pytest.approx(lam, abs=1e-3)


def test_omega_matches_sklearn_factor_analysis_on_bfi() -> None:
    from sklearn.decomposition import FactorAnalysis

    bfi = _ref("psych_bfi.csv")
    items = bfi[["A1", "A2", "A3", "A4", "A5"]].dropna().copy()
    items["A1"] = 7 - items["A1"]  # A1 is reverse-keyed (psych::bfi.keys)
    fa = FactorAnalysis(n_components=1).fit(items.to_numpy(float))
    lam, psi = np.abs(fa.components_[0]), fa.noise_variance_
    expected = lam.sum() ** 2 / (lam.sum() ** 2 + psi.sum())
    r = survey.omega_total(items, n_boot=50, seed=1)
    assert r.omega == pytest.approx(expected, abs=2e-3)
    assert r.ci[0] < r.omega < r.ci[1]
    assert r.omega >= survey.cronbach_alpha(items).alpha - 1e-9  # omega >= alpha for a congeneric scale


def test_omega_bootstrap_is_seeded_by_default_and_reports_the_seed() -> None:
    rng = np.random.default_rng(4)
    f = rng.normal(size=200)
    df = pd.DataFrame({f"q{j}": l * f + rng.normal(size=200) for j, l in enumerate([0.9, 0.8, 0.7])})
    a, b = survey.omega_total(df, n_boot=30), survey.omega_total(df, n_boot=30)
    assert a.ci == b.ci and a.seed == 0 and a.n_boot == 30
    c = survey.omega_total(df, n_boot=30, seed=3)
    assert c.seed == 3 and c.ci != a.ci and c.omega == a.omega
    assert "Bootstrap seed" in str(a)


def test_omega_recovers_known_loadings() -> None:
    rng = np.random.default_rng(11)
    loadings, psi = np.array([0.8, 0.7, 0.6, 0.5, 0.4]), np.array([0.36, 0.51, 0.64, 0.75, 0.84])
    f = rng.normal(size=20000)
    x = f[:, None] * loadings + rng.normal(size=(20000, 5)) * np.sqrt(psi)
    truth = loadings.sum() ** 2 / (loadings.sum() ** 2 + psi.sum())  # 9 / 12.1 = 0.7438
    assert survey.omega_total(pd.DataFrame(x), n_boot=0).omega == pytest.approx(truth, abs=0.01)


# ---------------------------------------------------------------- reliability bad input
@pytest.mark.parametrize(
    "frame, kwargs, match",
    [
        (pd.DataFrame({"a": [1, 2, 3], "b": [2, 2, 2]}), {}, "zero variance"),
        (pd.DataFrame({"a": [1, 2, 3]}), {}, "at least two items"),
        (pd.DataFrame({"a": [1], "b": [2]}), {}, "at least 2 respondents"),
        (pd.DataFrame({"a": [1, 2, 3], "b": ["2", "x", "1"]}), {}, "'b' must be numeric"),
        (pd.DataFrame({"a": [1, 2], "b": [2, 1]}), {"items": ["a", "zz"]}, "no column 'zz'.*columns are: a, b"),
        (pd.DataFrame({"a": [], "b": []}), {}, "empty"),
        (pd.DataFrame({"a": [1.0, np.nan], "b": [np.nan, 2.0]}), {}, "at least 2 respondents"),
        (pd.DataFrame({"a": [1, 2], "b": [2, 1]}), {"missing": "mean"}, "missing must be one of"),
    ],
)
def test_reliability_bad_input(frame: pd.DataFrame, kwargs: dict, match: str) -> None:
    with pytest.raises(CsatInputError, match=match):
        survey.cronbach_alpha(frame, **kwargs)
    with pytest.raises(CsatInputError, match=match):
        survey.omega_total(frame, n_boot=0, **kwargs)


# ---------------------------------------------------------------- disconfirmation and gaps
@pytest.mark.parametrize(
    "e, p, level",
    [(3, 5, 5), (4, 5, 5), (4, 4, 4), (5, 4, 3), (5, 3, 2), (5, 2, 1), (5, 1, 1), (1, 1, 4)],
)
def test_disconfirmation_levels_from_the_gap_alone(e: int, p: int, level: int) -> None:
    # performance_weight=0: the course's pure gap reading (5 exceeded, 4 met, one level per point short)
    r = survey.disconfirmation(e, p, performance_weight=0)
    assert r.gap == p - e and r.level == level
    assert r.label == cl.label(f"scale.satisfaction5.{level}")


# Default weight w = 0.4: score = 0.6 D + 0.4 Q, D the level from the gap, Q the perception (5-point scale).
@pytest.mark.parametrize(
    "e, p, score, level",
    [
        (1, 1, 0.6 * 4 + 0.4 * 1, 3),  # met at the bottom: 2.4 + 0.4 = 2.8 -> 3, not "Satisfied"
        (2, 2, 0.6 * 4 + 0.4 * 2, 3),  # 2.4 + 0.8 = 3.2 -> 3
        (2, 1, 0.6 * 3 + 0.4 * 1, 2),  # one point short of a low expectation: 1.8 + 0.4 = 2.2 -> 2
        (1, 2, 0.6 * 5 + 0.4 * 2, 4),  # exceeded, but with a poor 2: 3.0 + 0.8 = 3.8 -> 4, not "Very satisfied"
        (1, 3, 0.6 * 5 + 0.4 * 3, 4),  # 3.0 + 1.2 = 4.2 -> 4
        (3, 3, 0.6 * 4 + 0.4 * 3, 4),  # 2.4 + 1.2 = 3.6 -> 4, as the gap alone says
        (5, 5, 0.6 * 4 + 0.4 * 5, 4),  # 2.4 + 2.0 = 4.4 -> 4
        (4, 5, 0.6 * 5 + 0.4 * 5, 5),  # 3.0 + 2.0 = 5.0
        (5, 4, 0.6 * 3 + 0.4 * 4, 3),  # 1.8 + 1.6 = 3.4 -> 3
        (5, 2, 0.6 * 1 + 0.4 * 2, 1),  # three short: 0.6 + 0.8 = 1.4 -> 1
    ],
)
def test_disconfirmation_adds_the_direct_effect_of_performance(e: int, p: int, score: float, level: int) -> None:
    r = survey.disconfirmation(e, p)
    assert r.performance_weight == 0.4 and r.performance_part == p
    assert r.score == pytest.approx(score) and r.level == level
    assert r.label == cl.label(f"scale.satisfaction5.{level}")


def test_low_expectation_met_by_low_performance_is_not_satisfied() -> None:
    # Churchill & Surprenant (1982): performance counts by itself. Expected 1, perceived 1: the gap alone
    # says "met" (4, Satisfied); with the default weight 0.6 x 4 + 0.4 x 1 = 2.8 -> 3.
    assert survey.disconfirmation(1, 1, performance_weight=0).label == "Satisfied"
    low = survey.disconfirmation(1, 1)
    assert low.gap_part == 4 and low.level == 3 and low.label != "Satisfied"
    # the same gap of 0 at the top stays satisfied: 0.6 x 4 + 0.4 x 4 = 4.0
    assert survey.disconfirmation(4, 4).level == 4


def test_disconfirmation_weight_one_is_performance_alone_and_other_scales_are_rescaled() -> None:
    # w = 1: the level is the perception itself, whatever was expected
    assert [survey.disconfirmation(e, 2, performance_weight=1).level for e in range(1, 6)] == [2] * 5
    # agree7 (1..7): perception 4 sits in the middle, Q = 1 + 4 (4 - 1) / 6 = 3.0; expected 7 -> 3 short,
    # step = 6 / 4 = 1.5 -> ceil(3 / 1.5) = 2 levels below "met": D = 2; 0.6 x 2 + 0.4 x 3 = 2.4 -> 2
    r = survey.disconfirmation(7, 4, scale="agree7")
    assert (r.gap_part, r.performance_part, r.level) == (2.0, 3.0, 2)
    assert r.score == pytest.approx(2.4)
    # a half rounds up: w = 0.5, expected 1, perceived 1 -> 0.5 x 4 + 0.5 x 1 = 2.5 -> 3
    assert survey.disconfirmation(1, 1, performance_weight=0.5).level == 3


@pytest.mark.parametrize("weight", [-0.1, 1.5, True, float("nan"), "0.4"])
def test_disconfirmation_rejects_a_weight_outside_0_to_1(weight) -> None:
    with pytest.raises(CsatInputError, match="performance_weight must"):
        survey.disconfirmation(4, 5, performance_weight=weight)


def test_disconfirmation_language_tolerance_and_series() -> None:
    cl.set_language("zh-CN")
    try:
        # Computed under zh-CN, the label is the same value as in English and shows in Chinese.
        level = survey.disconfirmation(5, 3).label
        assert level == "Dissatisfied" and str(level) == "不满意"
    finally:
        cl.set_language("en")
    assert str(level) == "Dissatisfied"
    assert survey.disconfirmation(4, 5, tolerance=1, performance_weight=0).level == 4
    # with the default weight: D = 4 (within tolerance), Q = 5: 0.6 x 4 + 0.4 x 5 = 4.4 -> 4
    assert survey.disconfirmation(4, 5, tolerance=1).level == 4
    r = survey.disconfirmation(pd.Series([3, None, 5]), pd.Series([5, 4, 4]))
    assert r.level.tolist()[0] == 5 and math.isnan(r.level.tolist()[1]) and r.level.tolist()[2] == 3
    assert r.n == 2 and r.n_dropped == 1
    # scores 0.6 x 5 + 0.4 x 5 = 5.0 and 0.6 x 3 + 0.4 x 4 = 3.4; the missing pair has no parts
    assert r.score.tolist()[0] == pytest.approx(5.0) and r.score.tolist()[2] == pytest.approx(3.4)
    assert math.isnan(r.score.tolist()[1]) and math.isnan(r.performance_part.tolist()[1])
    with pytest.raises(CsatInputError, match="expectation: values outside scale 'satisfaction5'"):
        survey.disconfirmation(6, 3)
    with pytest.raises(CsatInputError, match="'perception' must be numeric"):
        survey.disconfirmation([3], ["good"])
    # item means: 4.5 expected, 3.2 perceived -> 1.3 short: beyond one step (1 point), within two -> D = 2;
    # 0.6 x 2 + 0.4 x 3.2 = 2.48 -> 2
    assert survey.disconfirmation(4.5, 3.2).level == 2
    assert survey.disconfirmation(4.5, 3.2).score == pytest.approx(2.48)
    with pytest.raises(CsatInputError, match="3 values but perception has 2"):
        survey.disconfirmation([1, 2, 3], [1, 2])


def test_gap_scores_match_paired_t() -> None:
    from scipy import stats

    e = pd.DataFrame({"speed": [5, 4, 5, 4, 5, 3], "price": [3, 3, 4, 2, 4, 4]})
    p = pd.DataFrame({"speed": [3, 4, 4, 2, 4, 3], "price": [4, 3, 4, 3, 5, 2]})
    r = survey.gap_scores(e, p, dimensions={"all": ["speed", "price"]})
    t = r.table.set_index("name")
    for item in ("speed", "price"):
        ref = stats.ttest_rel(p[item], e[item])
        assert t.loc[item, "t"] == pytest.approx(ref.statistic)
        assert t.loc[item, "p_value"] == pytest.approx(ref.pvalue)
        ci = ref.confidence_interval(0.95)
        assert (t.loc[item, "ci_low"], t.loc[item, "ci_high"]) == pytest.approx((ci.low, ci.high))
    assert t.loc["all", "gap"] == pytest.approx(((p - e).mean(axis=1)).mean())
    with pytest.raises(CsatInputError, match="unknown items \\['tone'\\]"):
        survey.gap_scores(e, p, dimensions={"x": ["tone"]})


def test_gap_and_disconfirmation_results_estimate_and_plot() -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    e = pd.DataFrame({"speed": [5, 4, 5, 4], "price": [3, 3, 4, 2]})
    p = pd.DataFrame({"speed": [3, 4, 4, 2], "price": [4, 3, 4, 3]})
    r = survey.gap_scores(e, p)
    # respondents' mean gaps: (-2+1)/2, 0, (-1+0)/2, (-2+1)/2 -> mean -1.5/4 = -0.375
    assert r.estimate == r.gap == pytest.approx(-0.375)
    ax = r.plot()
    assert isinstance(ax, matplotlib.axes.Axes) and len(ax.patches) == 2
    plt.close(ax.figure)
    one = survey.disconfirmation(4, 5)
    assert one.estimate == 1.0
    ax = one.plot()
    assert isinstance(ax, matplotlib.axes.Axes)
    plt.close(ax.figure)
    many = survey.disconfirmation(pd.Series([3, None, 5]), pd.Series([5, 4, 4]))
    assert many.estimate == pytest.approx((2 + -1) / 2)  # the missing pair is left out


# ---------------------------------------------------------------- numerical edges (issue 13)
def _four_items(n: int = 200) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    f = rng.normal(size=n)
    return pd.DataFrame({f"q{j}": l * f + rng.normal(size=n) for j, l in enumerate([0.9, 0.8, 0.7, 0.6])})


def test_alpha_is_scale_invariant_at_extreme_magnitudes() -> None:
    import pingouin as pg

    df = _four_items()
    ref = pg.cronbach_alpha(df)[0]
    for factor in (1e200, 1e-200, 1e-300):
        r = survey.cronbach_alpha(df * factor)
        assert r.estimate == pytest.approx(ref, rel=1e-9)
    table = survey.item_analysis(df * 1e200)
    direct = survey.item_analysis(df)
    assert table["item_total_r"].tolist() == pytest.approx(direct["item_total_r"].tolist())
    assert table["sd"].tolist() == pytest.approx((df.std(ddof=1) * 1e200).tolist())
    assert table["mean"].tolist() == pytest.approx((df.mean() * 1e200).tolist())
    # Hand check near the float limit: a = (1, -1, 1), b = (1, -1, -1) times 1e308: var 4/3 each, cov 2/3,
    # alpha = 2 (1 - (8/3) / 4) = 2/3.
    big = pd.DataFrame({"a": [1e308, -1e308, 1e308], "b": [1e308, -1e308, -1e308]})
    assert survey.cronbach_alpha(big).estimate == pytest.approx(2 / 3)


def test_opposite_items_say_total_score_has_zero_variance() -> None:
    opposite = pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [5, 4, 3, 2, 1]})
    with pytest.raises(CsatInputError, match=r"total score has zero variance; is an item reverse-coded\?"):
        survey.cronbach_alpha(opposite)
    with pytest.raises(CsatInputError, match="total score has zero variance"):
        survey.cronbach_alpha(pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [10, 8, 6, 4, 2]}))
    with pytest.raises(CsatInputError, match=r"rest score without item\(s\) \['c'\] has zero variance"):
        survey.item_analysis(opposite.assign(c=[2, 2, 3, 5, 4]))
    # With a third item the total varies and alpha is a (negative) number, as the formula gives:
    # C = [[2.5, -2.5, 1.75], [-2.5, 2.5, -1.75], [1.75, -1.75, 1.7]]: tr 6.7, sum 1.7, alpha = 1.5 (1 - 6.7 / 1.7).
    r = survey.cronbach_alpha(opposite.assign(c=[2, 2, 3, 5, 4]))
    assert r.estimate == pytest.approx(1.5 * (1 - 6.7 / 1.7))


def test_pairwise_alpha_names_items_never_answered_together() -> None:
    df = pd.DataFrame({"a": [1, 2, 3, np.nan, np.nan, np.nan], "b": [np.nan, np.nan, np.nan, 1, 2, 3],
                       "c": [1, 2, 3, 1, 2, 3]})
    with pytest.raises(CsatInputError, match="'a' and 'b' \\(0 together\\)"):
        survey.cronbach_alpha(df, missing="pairwise")
    with pytest.raises(CsatInputError, match="'a' and 'b'"):
        survey.omega_total(df, missing="pairwise", n_boot=0)
    assert survey.cronbach_alpha(df, missing="listwise", items=["a", "c"]).n == 3


def test_omega_edge_cases() -> None:
    df = _four_items()
    ref = survey.omega_total(df, n_boot=0)
    with pytest.raises(CsatInputError, match="at least 3 items"):
        survey.omega_total(df[["q0", "q1"]], n_boot=0)
    tiny = survey.omega_total(df * 1e-200, n_boot=0)
    assert tiny.estimate == pytest.approx(ref.estimate, rel=1e-6)
    assert (tiny.loadings / 1e-200).tolist() == pytest.approx(ref.loadings.tolist(), rel=1e-5)
    big = survey.omega_total(df * 1e101, n_boot=0)
    assert big.estimate == pytest.approx(ref.estimate, rel=1e-6)
    assert (big.uniquenesses / 1e202).tolist() == pytest.approx(ref.uniquenesses.tolist(), rel=1e-5)
    with pytest.raises(CsatInputError, match="exceed the floating-point range"):
        survey.omega_total(df * 1e200, n_boot=0)
    with pytest.raises(CsatInputError, match="total score has zero variance"):
        survey.omega_total(pd.DataFrame({"a": [1, 2, 3, 4], "b": [4, 3, 2, 1], "c": [2, 4, 6, 8], "d": [-2, -4, -6, -8]}),
                           n_boot=0)
    for seed in ("abc", 1.5, -1, True):
        with pytest.raises(CsatInputError, match="seed"):
            survey.omega_total(df, n_boot=10, seed=seed)
    sparse = df.mask(np.random.default_rng(1).random(df.shape) < 0.3)
    r = survey.omega_total(sparse, missing="pairwise", n_boot=50)
    assert np.isfinite(r.ci).all() and r.ci[0] <= r.estimate <= r.ci[1]


def test_gap_scores_edges() -> None:
    e = pd.DataFrame({"speed": [5, 4, 5, 4], "price": [3, 3, 4, 2]})
    p = pd.DataFrame({"speed": [3, 4, 4, 2], "price": [4, 3, 4, 3]})
    ref = survey.gap_scores(e, p)
    big = survey.gap_scores(e * 1e307, -p * 1e307)  # gaps of -8e307 would overflow P - E computed directly
    assert big.table["gap"].tolist() == pytest.approx([(-(3 + 4 + 4 + 2) - (5 + 4 + 5 + 4)) / 4 * 1e307,
                                                       (-(4 + 3 + 4 + 3) - (3 + 3 + 4 + 2)) / 4 * 1e307])
    assert survey.gap_scores(e * 1e-300, p * 1e-300).estimate == pytest.approx(ref.estimate * 1e-300)
    with pytest.raises(CsatInputError, match="floating-point range"):
        survey.gap_scores(e * 3e307, -p * 3e307)
    with pytest.raises(CsatInputError, match="expectation 'speed' holds infinite values at rows \\[0\\]"):
        survey.gap_scores(e.astype(float).assign(speed=[np.inf, 4, 5, 4]), p)
    with pytest.raises(CsatInputError, match="True/False"):
        survey.gap_scores(e.astype(bool), p)
    same = survey.gap_scores(e, e)  # every gap 0: t = 0, p = 1 (documented), never NaN
    assert same.table["t"].tolist() == [0.0, 0.0] and same.table["p_value"].tolist() == [1.0, 1.0]
    shifted = survey.gap_scores(e, e + 1)  # every gap exactly 1: interval (1, 1), p = 0
    assert shifted.table["ci_low"].tolist() == [1.0, 1.0] and shifted.table["p_value"].tolist() == [0.0, 0.0]
    with pytest.raises(CsatInputError, match="must list its item columns"):
        survey.gap_scores(e, p, dimensions={"d": "speed"})


def test_design_calculators_at_extremes() -> None:
    with pytest.raises(CsatInputError, match="so small"):
        survey.sample_size(1e-200)
    assert survey.sample_size(1e-200, population=5000) == 5000  # a census
    with pytest.raises(CsatInputError, match="so small"):
        survey.sample_size_mean(1e-300, 1e300)
    with pytest.raises(CsatInputError, match="n must be at most 1,000,000,000,000,000"):
        survey.margin_of_error(10**400)
    with pytest.raises(CsatInputError, match="boolean"):
        survey.sample_size_mean(True, 1.0)
