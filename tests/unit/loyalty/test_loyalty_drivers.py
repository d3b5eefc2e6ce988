"""Key driver analysis: Shapley/LMG and relative weights against independent sources."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import fuzz_examples

from csat_lab.errors import CsatInputError
from csat_lab.loyalty import DriverImportance, IPAResult, ipa, relative_weights, shapley_importance, subset_r2

REF = Path(__file__).resolve().parents[3].parent / "shared" / "reference-data" / "drivers"


def _ref(name: str) -> pd.DataFrame:
    path = REF / name
    if not path.exists():
        pytest.skip(f"reference data {path} not available (test-only GPL data in ../shared)")
    return pd.read_csv(path, index_col=0)


def _r2(df: pd.DataFrame, y: str, xs: list[str]) -> float:
    import statsmodels.formula.api as smf

    if not xs:
        return 0.0
    return smf.ols(f"{y} ~ " + " + ".join(xs), df).fit().rsquared


def test_shapley_swiss_matches_pingouin_relimp():
    # Published LMG values for swiss (Gromping 2006, JSS 17(1)) could not be retrieved with the search
    # tool, so the reference is pingouin.linear_regression(relimp=True), which refits all subsets.
    import pingouin as pg

    swiss = _ref("swiss.csv")
    drivers = ["Agriculture", "Examination", "Education", "Catholic", "Infant.Mortality"]
    ours = shapley_importance(swiss, outcome="Fertility", drivers=drivers)
    theirs = pg.linear_regression(swiss[drivers], swiss["Fertility"], relimp=True).set_index("names")
    np.testing.assert_allclose(ours["weight"], theirs.loc[drivers, "relimp"], rtol=1e-8)
    np.testing.assert_allclose(ours["share"] * 100, theirs.loc[drivers, "relimp_perc"], rtol=1e-8)
    assert ours.r2 == pytest.approx(_r2(swiss.rename(columns={"Infant.Mortality": "IM"}),
                                                 "Fertility", drivers[:4] + ["IM"]), rel=1e-10)


def test_shapley_mtcars_matches_brute_force_orderings_with_statsmodels():
    # LMG by definition: average the R^2 gain over all 4! entry orders, each R^2 refitted by statsmodels.
    mtcars = _ref("mtcars.csv")
    drivers = ["cyl", "disp", "hp", "wt"]
    gains = dict.fromkeys(drivers, 0.0)
    cache: dict[frozenset, float] = {}

    def r2(s):
        key = frozenset(s)
        if key not in cache:
            cache[key] = _r2(mtcars, "mpg", sorted(s))
        return cache[key]

    orders = list(itertools.permutations(drivers))
    for order in orders:
        for i, d in enumerate(order):
            gains[d] += r2(order[: i + 1]) - r2(order[:i])
    expected = pd.Series({d: g / len(orders) for d, g in gains.items()})
    ours = shapley_importance(mtcars, outcome="mpg", drivers=drivers)["weight"]
    np.testing.assert_allclose(ours, expected[drivers], rtol=1e-9)


def test_relative_weights_mtcars_match_rwa_readme():
    # Published: rwa package README (Chan, github.com/martinctc/rwa), mtcars, outcome mpg,
    # predictors cyl, disp, hp, gear: Raw.RelWeight 0.2284797, 0.2221469, 0.2321744, 0.0963886; R^2 0.7791896.
    mtcars = _ref("mtcars.csv")
    ours = relative_weights(mtcars, outcome="mpg", drivers=["cyl", "disp", "hp", "gear"])
    np.testing.assert_allclose(ours["weight"], [0.2284797, 0.2221469, 0.2321744, 0.0963886], atol=5e-8)
    np.testing.assert_allclose(ours["share"] * 100, [29.32274, 28.50999, 29.79691, 12.37037], atol=5e-5)
    assert ours.r2 == pytest.approx(0.7791896, abs=5e-8)


def test_relative_weights_hand_computation_three_drivers():
    # Johnson (2000) step by step with numpy, written out independently of the product code.
    rxx = np.array([[1.0, 0.5, 0.3], [0.5, 1.0, 0.2], [0.3, 0.2, 1.0]])
    rxy = np.array([0.6, 0.5, 0.3])
    vals, vecs = np.linalg.eigh(rxx)
    lam = vecs @ np.diag(np.sqrt(vals)) @ vecs.T
    beta = np.linalg.inv(lam) @ rxy
    expected = np.array([sum(lam[j, k] ** 2 * beta[k] ** 2 for k in range(3)) for j in range(3)])
    # data with exactly this correlation structure
    rng = np.random.default_rng(0)
    full = np.block([[np.ones((1, 1)), rxy[None, :]], [rxy[:, None], rxx]])
    z = rng.standard_normal((500, 4))
    z = (z - z.mean(0)) @ np.linalg.inv(np.linalg.cholesky(np.cov(z, rowvar=False)).T)
    x = z @ np.linalg.cholesky(full).T
    df = pd.DataFrame(x, columns=["y", "a", "b", "c"])
    np.testing.assert_allclose(relative_weights(df, outcome="y", drivers=["a", "b", "c"])["weight"], expected, rtol=1e-9)


def test_subset_r2_matches_statsmodels_on_every_subset():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(120, 4))
    x[:, 1] += 0.5 * x[:, 0]
    df = pd.DataFrame(x, columns=list("abcd"))
    df["y"] = x @ [0.4, -0.3, 0.2, 0.0] + rng.normal(size=120)
    corr = df[["y", *"abcd"]].corr().to_numpy()
    r2 = subset_r2(corr[1:, 1:], corr[1:, 0])
    for mask in range(16):
        cols = [c for j, c in enumerate("abcd") if mask >> j & 1]
        assert r2[mask] == pytest.approx(_r2(df, "y", cols), abs=1e-12)


@settings(max_examples=fuzz_examples(25), deadline=None)
@given(seed=st.integers(0, 10_000), p=st.integers(2, 6))
def test_decompositions_are_nonnegative_and_add_up_to_r2(seed, p):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(60, p)) @ rng.normal(size=(p, p))
    df = pd.DataFrame(x, columns=[f"x{i}" for i in range(p)])
    df["y"] = x @ rng.normal(size=p) + rng.normal(size=60)
    drivers = list(df.columns[:p])
    r2 = _r2(df, "y", drivers)
    for fn in (shapley_importance, relative_weights):
        out = fn(df, outcome="y", drivers=drivers)
        assert (out["weight"] >= -1e-12).all()
        assert out["weight"].sum() == pytest.approx(r2, rel=1e-8)
        assert out["share"].sum() == pytest.approx(1.0)
    # Shapley is symmetric: reordering the drivers only reorders the weights
    shuffled = list(rng.permutation(drivers))
    np.testing.assert_allclose(shapley_importance(df, outcome="y", drivers=shuffled)["weight"].loc[drivers],
                               shapley_importance(df, outcome="y", drivers=drivers)["weight"], rtol=1e-9)


def test_shapley_fifteen_drivers_is_exact():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2000, 15))
    df = pd.DataFrame(x, columns=[f"q{i}" for i in range(15)])
    # independent drivers: each Shapley weight equals its own squared correlation with y
    df["y"] = x @ np.linspace(0.05, 0.5, 15) + rng.normal(size=2000)
    out = shapley_importance(df, outcome="y", drivers=list(df.columns[:15]))  # speed: benchmarks/bench_loyalty.py
    r = df.corr()["y"].iloc[:15]
    # with nearly uncorrelated drivers LMG ~ r^2 (exact when correlations are exactly 0)
    np.testing.assert_allclose(out["weight"], r ** 2, atol=0.01)
    assert out["weight"].sum() == pytest.approx(_r2(df, "y", list(df.columns[:15])), rel=1e-9)


def test_bootstrap_ci_and_significance():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(300, 3))
    df = pd.DataFrame(x, columns=["strong", "weak", "noise"])
    df["y"] = 0.8 * df["strong"] + 0.05 * df["weak"] + rng.normal(size=300)
    for fn in (shapley_importance, relative_weights):
        out = fn(df, outcome="y", drivers=["strong", "weak", "noise"], n_boot=200, seed=3)
        assert {"ci_low", "ci_high", "share_ci_low", "share_ci_high", "significant"} <= set(out.columns)
        assert (out["ci_low"] <= out["weight"]).all() and (out["weight"] <= out["ci_high"]).all()
        assert bool(out.loc["strong", "significant"]) and not bool(out.loc["noise", "significant"])
        again = fn(df, outcome="y", drivers=["strong", "weak", "noise"], n_boot=200, seed=3)
        pd.testing.assert_frame_equal(out.table, again.table)
        assert (out.n_boot, out.n_boot_failed, out.seed, out.ci_level) == (200, 0, 3, 0.95)
        assert out.ci_method == "percentile bootstrap (200 replicates)"

    # the percentile interval by hand: the same draws (row indices, then the noise column) with numpy,
    # Johnson's weights of each resample from the eigen-decomposition, then numpy's quantiles
    out = relative_weights(df, outcome="y", drivers=["strong", "weak", "noise"], n_boot=50, seed=11, ci=0.9)
    rng = np.random.default_rng(11)
    z = df[["y", "strong", "weak", "noise"]].to_numpy()
    boot = []
    for _ in range(50):
        sample = z[rng.integers(0, len(z), len(z))]
        rng.standard_normal(len(z))
        corr = np.corrcoef(sample, rowvar=False)
        vals, vecs = np.linalg.eigh(corr[1:, 1:])
        lam = vecs @ np.diag(np.sqrt(vals)) @ vecs.T
        beta = np.linalg.solve(lam, corr[1:, 0])
        boot.append((lam ** 2) @ (beta ** 2))
    np.testing.assert_allclose(out["ci_low"], np.quantile(boot, 0.05, axis=0), rtol=1e-9)
    np.testing.assert_allclose(out["ci_high"], np.quantile(boot, 0.95, axis=0), rtol=1e-9)


def test_missing_values_dropped_listwise_and_reported():
    mtcars = _ref("mtcars.csv").copy()
    mtcars.loc[mtcars.index[:3], "hp"] = np.nan
    mtcars.loc[mtcars.index[2:5], "mpg"] = np.nan
    out = shapley_importance(mtcars, outcome="mpg", drivers=["cyl", "hp"])
    assert out.n_dropped == 5 and out.n == 27
    assert out.n + out.n_dropped == len(mtcars)
    reason, = out.dropped
    assert "hp: 3" in reason and "mpg: 3" in reason and out.dropped[reason] == 5


@pytest.fixture
def small():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(30, 3)), columns=["a", "b", "y"])
    return df


@pytest.mark.parametrize("fn", [shapley_importance, relative_weights])
def test_bad_inputs(fn, small):
    with pytest.raises(CsatInputError, match=r"driver \['k'\] is constant"):
        fn(small.assign(k=4.0), outcome="y", drivers=["a", "k"])
    with pytest.raises(CsatInputError, match=r"\['a', 'b', 'ab'\] are perfectly collinear"):
        fn(small.assign(ab=small["a"] + 2 * small["b"]), outcome="y", drivers=["a", "b", "ab"])
    wide = pd.DataFrame(np.random.default_rng(1).normal(size=(4, 5)), columns=list("ypqrs"))
    with pytest.raises(CsatInputError, match="4 drivers need more than 5 complete rows; only 4 remain"):
        fn(wide, outcome="y", drivers=["p", "q", "r", "s"])
    with pytest.raises(CsatInputError, match="'b' must be numeric; rows \\[3\\]"):
        fn(small.assign(b=small["b"].astype(object).where(small.index != 3, "n/a")), outcome="y", drivers=["a", "b"])
    with pytest.raises(CsatInputError, match="no column 'c' in data; columns are: a, b, y"):
        fn(small, outcome="y", drivers=["a", "c"])
    with pytest.raises(CsatInputError, match="outcome 'y' is also listed among the drivers"):
        fn(small, outcome="y", drivers=["a", "y"])
    with pytest.raises(CsatInputError, match="outcome \\['y'\\] is constant"):
        fn(small.assign(y=1.0), outcome="y", drivers=["a", "b"])
    with pytest.raises(CsatInputError, match="n_boot must be a whole number"):
        fn(small, outcome="y", drivers=["a", "b"], n_boot=1.5)
    with pytest.raises(CsatInputError, match="seed must be a whole number, None or a numpy Generator"):
        fn(small, outcome="y", drivers=["a", "b"], n_boot=10, seed="x")


def test_too_many_drivers_for_exact_shapley(small):
    wide = pd.DataFrame(np.random.default_rng(0).normal(size=(50, 24)), columns=[f"d{i}" for i in range(24)])
    with pytest.raises(CsatInputError, match="limited to 22 drivers; use relative_weights"):
        shapley_importance(wide, outcome="d0", drivers=list(wide.columns[1:]))


def test_ipa_quadrants_follow_martilla_james():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(400, 4)) + [4.5, 2.5, 2.5, 4.5]
    df = pd.DataFrame(x, columns=["hi_hi", "hi_lo", "lo_lo", "lo_hi"])
    df["overall"] = x @ [0.7, 0.7, 0.05, 0.05] + rng.normal(size=400)
    out = ipa(df, outcome="overall", drivers=list(df.columns[:4]))
    assert out["quadrant"].to_dict() == {"hi_hi": "keep_up", "hi_lo": "concentrate",
                                         "lo_lo": "low_priority", "lo_hi": "overkill"}
    assert out.loc["hi_lo", "quadrant_label"] == "Concentrate here"
    assert out.importance_split == pytest.approx(0.25)
    assert out.performance_split == pytest.approx(df.iloc[:, :4].mean().mean())
    assert out.importance_method == "shapley" and out.n == 400 and out.outcome == "overall"
    corr = ipa(df, outcome="overall", drivers=list(df.columns[:4]), importance="correlation")
    r2 = df.corr()["overall"].iloc[:4] ** 2
    np.testing.assert_allclose(corr["importance"], r2 / r2.sum())
    with pytest.raises(CsatInputError, match="importance must be one of"):
        ipa(df, outcome="overall", drivers=["hi_hi", "lo_lo"], importance="magic")
    with pytest.raises(CsatInputError, match="importance_split must be 'mean', 'median' or a number"):
        ipa(df, outcome="overall", drivers=["hi_hi", "lo_lo"], importance_split="top")
    fixed = ipa(df, outcome="overall", drivers=["hi_hi", "lo_lo"], performance_split=3.0)
    assert math.isclose(fixed.performance_split, 3.0)


# --- Architecture II: results, default seed, deprecated spellings -----------------------------------


@pytest.fixture
def rated():
    rng = np.random.default_rng(2)
    x = rng.normal(size=(200, 3)) + [4.0, 3.0, 3.5]
    df = pd.DataFrame(x, columns=["staff", "wait", "price"])
    df["overall"] = x @ [0.6, 0.3, 0.1] + rng.normal(size=200)
    return df


DRIVERS = ["staff", "wait", "price"]


@pytest.mark.parametrize("fn", [shapley_importance, relative_weights])
def test_driver_importance_result(fn, rated):
    res = fn(rated, outcome="overall", drivers=DRIVERS, n_boot=40)
    assert isinstance(res, DriverImportance)
    # estimate is the weight column; the weights add up to R^2 refitted by statsmodels
    pd.testing.assert_series_equal(res.estimate, res.table["weight"])
    assert res.r2 == pytest.approx(_r2(rated, "overall", DRIVERS), rel=1e-10)
    # the DataFrame operations of the old return value pass through to the table
    assert len(res) == 3 and list(res) == list(res.table.columns)
    assert res.loc["staff", "weight"] == res.table.loc["staff", "weight"]
    assert res.sort_values("share").index[-1] == "staff"
    assert res.round(2).equals(res.table.round(2))
    assert res.importance_method == ("shapley" if fn is shapley_importance else "relative_weights")
    assert res.ci_level == 0.95 and res.n_boot == 40 and res.significance is not None
    # the default seed is fixed and reported: the same call gives the same intervals
    assert res.seed == 0
    pd.testing.assert_frame_equal(res.table, fn(rated, outcome="overall", drivers=DRIVERS, n_boot=40, seed=0).table)
    assert "Random seed" in str(res)
    # settings that used to hide in DataFrame.attrs: readable for one release, with a warning
    with pytest.warns(DeprecationWarning, match="result.r2"):
        assert res.attrs["r2"] == res.r2 and res.attrs["ci"] == 0.95


def test_fresh_randomness_on_request(rated):
    a = relative_weights(rated, outcome="overall", drivers=DRIVERS, n_boot=30, seed=None)
    b = relative_weights(rated, outcome="overall", drivers=DRIVERS, n_boot=30, seed=None)
    assert a.seed is None and not a.table["ci_low"].equals(b.table["ci_low"])
    gen = relative_weights(rated, outcome="overall", drivers=DRIVERS, n_boot=30, seed=np.random.default_rng(0))
    assert isinstance(gen.seed, np.random.Generator)


@pytest.mark.parametrize("fn", [shapley_importance, relative_weights])
def test_old_bootstrap_keyword_warns_and_gives_the_same_answer(fn, rated):
    new = fn(rated, outcome="overall", drivers=DRIVERS, n_boot=25, seed=4)
    with pytest.warns(DeprecationWarning, match="n_boot="):
        old = fn(rated, outcome="overall", drivers=DRIVERS, bootstrap=25, seed=4)
    pd.testing.assert_frame_equal(old.table, new.table)


@pytest.mark.parametrize("fn", [shapley_importance, relative_weights, ipa])
def test_positional_columns_warn_and_give_the_same_answer(fn, rated):
    new = fn(rated, outcome="overall", drivers=DRIVERS)
    with pytest.warns(DeprecationWarning, match="outcome=, drivers="):
        old = fn(rated, "overall", DRIVERS)
    pd.testing.assert_frame_equal(old.table, new.table)


def test_ipa_old_method_keyword_warns_and_gives_the_same_answer(rated):
    new = ipa(rated, outcome="overall", drivers=DRIVERS, importance="relative_weights")
    with pytest.warns(DeprecationWarning, match="importance="):
        old = ipa(rated, outcome="overall", drivers=DRIVERS, method="relative_weights")
    pd.testing.assert_frame_equal(old.table, new.table)
    assert old.importance_method == "relative_weights"


def test_ipa_result(rated):
    res = ipa(rated, outcome="overall", drivers=DRIVERS)
    assert isinstance(res, IPAResult)
    pd.testing.assert_series_equal(res.estimate, res.table["importance"])
    # importance is the Shapley share; performance the mean rating, by hand
    np.testing.assert_allclose(res["performance"], rated[DRIVERS].mean())
    assert res.importance_split == pytest.approx(1 / 3)  # mean of shares that sum to 1
    assert len(res) == 3 and res.loc["staff", "quadrant"] == "keep_up"
    assert res.r2 == pytest.approx(_r2(rated, "overall", DRIVERS), rel=1e-10)
    with pytest.warns(DeprecationWarning):
        assert res.attrs["performance_split"] == res.performance_split
    assert "Quadrant: staff" in str(res)


def test_results_plot_on_an_axes(rated):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    for res in (shapley_importance(rated, outcome="overall", drivers=DRIVERS, n_boot=20),
                ipa(rated, outcome="overall", drivers=DRIVERS)):
        ax = res.plot()
        assert isinstance(ax, Axes)
        plt.close(ax.figure)


def test_bootstrap_resamples_with_a_constant_column_are_counted_not_warned():
    import warnings

    # 6 rows, a two-valued driver: P(a resample of 6 rows misses both 2s) = (4/6)^6 = 0.088
    df = pd.DataFrame({"y": [1.0, 2, 3, 4, 6, 5], "a": [1.0, 1, 1, 1, 2, 2], "b": [2.0, 1, 2, 1, 2, 1]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = shapley_importance(df, outcome="y", drivers=["a", "b"], n_boot=500, seed=3)
    assert 0 < res.n_boot_failed < 500
    assert res.n_boot_failed / 500 == pytest.approx(1 - (1 - (4 / 6) ** 6) * (1 - (1 / 2) ** 6 * 2), abs=0.05)
    assert res.table[["ci_low", "ci_high", "share_ci_low", "share_ci_high"]].notna().all().all()
    with pytest.raises(CsatInputError, match=r"n_boot must be 0 \(no intervals\) or at least 2"):
        shapley_importance(df, outcome="y", drivers=["a", "b"], n_boot=1)


def test_drivers_that_explain_nothing_are_an_error_not_a_nan_share():
    import warnings

    # corr(y, a) = corr(y, b) = 0 by construction: a and b are symmetric around the middle of y
    df = pd.DataFrame({"y": [1.0, 2, 3, 4], "a": [1.0, 2, 2, 1], "b": [3.0, 1, 1, 3]})
    assert np.corrcoef(df["y"], df["a"])[0, 1] == pytest.approx(0, abs=1e-12)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(CsatInputError, match=r"R\^2 is 0: the drivers \['a'\] explain none of 'y'"):
            relative_weights(df, outcome="y", drivers=["a"])
