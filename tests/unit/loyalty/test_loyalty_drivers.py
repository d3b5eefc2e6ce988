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

from csat_lab.errors import CsatInputError
from csat_lab.loyalty import ipa, relative_weights, shapley_importance, subset_r2

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
    ours = shapley_importance(swiss, "Fertility", drivers)
    theirs = pg.linear_regression(swiss[drivers], swiss["Fertility"], relimp=True).set_index("names")
    np.testing.assert_allclose(ours["weight"], theirs.loc[drivers, "relimp"], rtol=1e-8)
    np.testing.assert_allclose(ours["share"] * 100, theirs.loc[drivers, "relimp_perc"], rtol=1e-8)
    assert ours.attrs["r2"] == pytest.approx(_r2(swiss.rename(columns={"Infant.Mortality": "IM"}),
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
    ours = shapley_importance(mtcars, "mpg", drivers)["weight"]
    np.testing.assert_allclose(ours, expected[drivers], rtol=1e-9)


def test_relative_weights_mtcars_match_rwa_readme():
    # Published: rwa package README (Chan, github.com/martinctc/rwa), mtcars, outcome mpg,
    # predictors cyl, disp, hp, gear: Raw.RelWeight 0.2284797, 0.2221469, 0.2321744, 0.0963886; R^2 0.7791896.
    mtcars = _ref("mtcars.csv")
    ours = relative_weights(mtcars, "mpg", ["cyl", "disp", "hp", "gear"])
    np.testing.assert_allclose(ours["weight"], [0.2284797, 0.2221469, 0.2321744, 0.0963886], atol=5e-8)
    np.testing.assert_allclose(ours["share"] * 100, [29.32274, 28.50999, 29.79691, 12.37037], atol=5e-5)
    assert ours.attrs["r2"] == pytest.approx(0.7791896, abs=5e-8)


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
    np.testing.assert_allclose(relative_weights(df, "y", ["a", "b", "c"])["weight"], expected, rtol=1e-9)


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


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), p=st.integers(2, 6))
def test_decompositions_are_nonnegative_and_add_up_to_r2(seed, p):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(60, p)) @ rng.normal(size=(p, p))
    df = pd.DataFrame(x, columns=[f"x{i}" for i in range(p)])
    df["y"] = x @ rng.normal(size=p) + rng.normal(size=60)
    drivers = list(df.columns[:p])
    r2 = _r2(df, "y", drivers)
    for fn in (shapley_importance, relative_weights):
        out = fn(df, "y", drivers)
        assert (out["weight"] >= -1e-12).all()
        assert out["weight"].sum() == pytest.approx(r2, rel=1e-8)
        assert out["share"].sum() == pytest.approx(1.0)
    # Shapley is symmetric: reordering the drivers only reorders the weights
    shuffled = list(rng.permutation(drivers))
    np.testing.assert_allclose(shapley_importance(df, "y", shuffled)["weight"].loc[drivers],
                               shapley_importance(df, "y", drivers)["weight"], rtol=1e-9)


def test_shapley_fifteen_drivers_is_exact():
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2000, 15))
    df = pd.DataFrame(x, columns=[f"q{i}" for i in range(15)])
    # independent drivers: each Shapley weight equals its own squared correlation with y
    df["y"] = x @ np.linspace(0.05, 0.5, 15) + rng.normal(size=2000)
    out = shapley_importance(df, "y", list(df.columns[:15]))  # speed: benchmarks/bench_loyalty.py
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
        out = fn(df, "y", ["strong", "weak", "noise"], bootstrap=200, seed=3)
        assert {"ci_low", "ci_high", "share_ci_low", "share_ci_high", "significant"} <= set(out.columns)
        assert (out["ci_low"] <= out["weight"]).all() and (out["weight"] <= out["ci_high"]).all()
        assert bool(out.loc["strong", "significant"]) and not bool(out.loc["noise", "significant"])
        again = fn(df, "y", ["strong", "weak", "noise"], bootstrap=200, seed=3)
        pd.testing.assert_frame_equal(out, again)


def test_missing_values_dropped_listwise_and_reported():
    mtcars = _ref("mtcars.csv").copy()
    mtcars.loc[mtcars.index[:3], "hp"] = np.nan
    mtcars.loc[mtcars.index[2:5], "mpg"] = np.nan
    out = shapley_importance(mtcars, "mpg", ["cyl", "hp"])
    assert out.attrs["n_dropped"] == 5 and out.attrs["n"] == 27
    assert out.attrs["n"] + out.attrs["n_dropped"] == len(mtcars)
    reason, = out.attrs["dropped"]
    assert "hp: 3" in reason and "mpg: 3" in reason and out.attrs["dropped"][reason] == 5


@pytest.fixture
def small():
    rng = np.random.default_rng(0)
    df = pd.DataFrame(rng.normal(size=(30, 3)), columns=["a", "b", "y"])
    return df


@pytest.mark.parametrize("fn", [shapley_importance, relative_weights])
def test_bad_inputs(fn, small):
    with pytest.raises(CsatInputError, match=r"driver \['k'\] is constant"):
        fn(small.assign(k=4.0), "y", ["a", "k"])
    with pytest.raises(CsatInputError, match=r"\['a', 'b', 'ab'\] are perfectly collinear"):
        fn(small.assign(ab=small["a"] + 2 * small["b"]), "y", ["a", "b", "ab"])
    wide = pd.DataFrame(np.random.default_rng(1).normal(size=(4, 5)), columns=list("ypqrs"))
    with pytest.raises(CsatInputError, match="4 drivers need more than 5 complete rows; only 4 remain"):
        fn(wide, "y", ["p", "q", "r", "s"])
    with pytest.raises(CsatInputError, match="'b' must be numeric; rows \\[3\\]"):
        fn(small.assign(b=small["b"].astype(object).where(small.index != 3, "n/a")), "y", ["a", "b"])
    with pytest.raises(CsatInputError, match="no column 'c' in data; columns are: a, b, y"):
        fn(small, "y", ["a", "c"])
    with pytest.raises(CsatInputError, match="outcome 'y' is also listed among the drivers"):
        fn(small, "y", ["a", "y"])
    with pytest.raises(CsatInputError, match="outcome \\['y'\\] is constant"):
        fn(small.assign(y=1.0), "y", ["a", "b"])
    with pytest.raises(CsatInputError, match="bootstrap must be a whole number"):
        fn(small, "y", ["a", "b"], bootstrap=1.5)


def test_too_many_drivers_for_exact_shapley(small):
    wide = pd.DataFrame(np.random.default_rng(0).normal(size=(50, 24)), columns=[f"d{i}" for i in range(24)])
    with pytest.raises(CsatInputError, match="limited to 22 drivers; use relative_weights"):
        shapley_importance(wide, "d0", list(wide.columns[1:]))


def test_ipa_quadrants_follow_martilla_james():
    rng = np.random.default_rng(4)
    x = rng.normal(size=(400, 4)) + [4.5, 2.5, 2.5, 4.5]
    df = pd.DataFrame(x, columns=["hi_hi", "hi_lo", "lo_lo", "lo_hi"])
    df["overall"] = x @ [0.7, 0.7, 0.05, 0.05] + rng.normal(size=400)
    out = ipa(df, "overall", list(df.columns[:4]))
    assert out["quadrant"].to_dict() == {"hi_hi": "keep_up", "hi_lo": "concentrate",
                                         "lo_lo": "low_priority", "lo_hi": "overkill"}
    assert out.loc["hi_lo", "quadrant_label"] == "Concentrate here"
    assert out.attrs["importance_split"] == pytest.approx(0.25)
    assert out.attrs["performance_split"] == pytest.approx(df.iloc[:, :4].mean().mean())
    corr = ipa(df, "overall", list(df.columns[:4]), method="correlation")
    r2 = df.corr()["overall"].iloc[:4] ** 2
    np.testing.assert_allclose(corr["importance"], r2 / r2.sum())
    with pytest.raises(CsatInputError, match="method must be one of"):
        ipa(df, "overall", ["hi_hi", "lo_lo"], method="magic")
    with pytest.raises(CsatInputError, match="importance_split must be 'mean', 'median' or a number"):
        ipa(df, "overall", ["hi_hi", "lo_lo"], importance_split="top")
    assert math.isclose(ipa(df, "overall", ["hi_hi", "lo_lo"], performance_split=3.0).attrs["performance_split"], 3.0)
