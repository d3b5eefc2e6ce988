"""cl.survey.rake against hand-computed raking examples and an independent implementation (weightipy).

Independent sources:

* Hand computations written out below: one-margin post-stratification (weight = target
  share / sample share), and the 2 x 2 two-margin case, whose raked table keeps the
  sample's odds ratio (Deming & Stephan 1940; Bishop, Fienberg & Holland 1975, ch. 3), so
  the fitted cell total solves a quadratic in closed form.
* weightipy (PyPI, MIT; used only here), whose RIM raking and weight cap follow anesrake.
  weightipy always starts from equal weights; design weights that are whole numbers are
  checked by repeating each row as many times as its design weight (a frequency weight),
  which gives the same raking equations.
"""

from __future__ import annotations

import contextlib
import io
import math

import numpy as np
import pandas as pd
import pytest
from conftest import fuzz_examples
from hypothesis import given, settings
from hypothesis import strategies as st

import csat_lab as cl
from csat_lab.errors import CsatConvergenceError, CsatInputError

# --- the independent implementation ----------------------------------------------------------

def weightipy_weights(data: pd.DataFrame, targets: dict, cap: float | None = None) -> np.ndarray:
    """Raking weights from weightipy (mean 1), converged to machine precision."""
    wp = pytest.importorskip("weightipy")
    params = {"convcrit": 1e-12, "max_iterations": 20000}
    if cap is not None:
        params["cap"] = cap
    scheme = wp.scheme_from_dict({k: {c: 100 * s for c, s in t.items()} for k, t in targets.items()},
                                 name="reference", rim_params=params)
    scheme.anesrake_cap_correction = False  # cap exactly at `cap`, as trim= does
    with contextlib.redirect_stdout(io.StringIO()):  # weightipy prints its convergence report
        weights = wp.weight(data.reset_index(drop=True), scheme)
    return np.asarray(weights, dtype=float)


def achieved(data: pd.DataFrame, weights: np.ndarray, column: str) -> dict:
    w = pd.Series(np.asarray(weights, float), index=data.index)
    return (w.groupby(data[column].to_numpy()).sum() / w.sum()).to_dict()


def survey_sample(seed: int, n: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    return pd.DataFrame({
        "sex": rng.choice(["M", "F"], n, p=[0.65, 0.35]),
        "age": rng.choice(["18-29", "30-49", "50+"], n, p=[0.5, 0.3, 0.2]),
        "region": rng.choice(["north", "east", "south", "west"], n, p=[0.4, 0.3, 0.2, 0.1]),
        "sat": rng.integers(1, 6, n),
    })


TARGETS = {"sex": {"M": 0.49, "F": 0.51}, "age": {"18-29": 0.25, "30-49": 0.40, "50+": 0.35},
           "region": {"north": 0.25, "east": 0.25, "south": 0.30, "west": 0.20}}


def tracker_wave4() -> tuple[pd.DataFrame, dict]:
    frame = cl.datasets.load("csat_tracker")
    wave = frame[frame["wave"] == 4][["segment", "region", "csat"]].reset_index(drop=True)
    wave["segment"] = wave["segment"].astype(str)
    wave["region"] = wave["region"].astype(str)
    targets = {"segment": {"consumer": 0.6, "small_business": 0.3, "enterprise": 0.1},
               "region": {"north": 0.3, "east": 0.3, "south": 0.25, "west": 0.15}}
    return wave, targets


# --- hand-computed examples ------------------------------------------------------------------

def test_one_margin_is_post_stratification() -> None:
    # 3 men, 1 woman; targets 50/50: men get 0.5/0.75 = 2/3, the woman 0.5/0.25 = 2 (total 4 kept).
    data = pd.DataFrame({"sex": ["M", "M", "M", "F"]})
    r = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}})
    np.testing.assert_allclose(r.weights, [2 / 3, 2 / 3, 2 / 3, 2.0], rtol=1e-12)
    assert r.converged and r.n_iter == 1
    # Kish: (sum w)^2 / sum w^2 = 16 / (3 * 4/9 + 4) = 3; deff = 4 / 3.
    assert r.n_effective == pytest.approx(3.0) and r.design_effect == pytest.approx(4 / 3)


def test_two_by_two_keeps_the_odds_ratio() -> None:
    # Sample cells: M-young 3, M-old 1, F-young 1, F-old 1 (n = 6); targets 50/50 on both.
    # Raked cell totals m have margins 3 and 3 and keep the odds ratio (3*1)/(1*1) = 3:
    # m = [[x, 3-x], [3-x, x]] with x^2 / (3-x)^2 = 3  =>  x = 3 sqrt(3) / (1 + sqrt(3)).
    data = pd.DataFrame({"sex": ["M", "M", "M", "M", "F", "F"], "age": ["y", "y", "y", "o", "y", "o"]})
    x = 3 * math.sqrt(3) / (1 + math.sqrt(3))
    expected = [x / 3, x / 3, x / 3, 3 - x, 3 - x, x]  # a cell's total shared by its respondents
    r = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}, "age": {"y": 0.5, "o": 0.5}})
    np.testing.assert_allclose(r.weights, expected, rtol=1e-9)
    assert r.weights.sum() == pytest.approx(6)
    assert (r.margins["achieved"] - r.margins["target"]).abs().max() < 1e-9


def test_two_margins_first_sweep_by_hand() -> None:
    # One sweep (max_iter=1) written out. Rows M-y, M-y, M-o, F-o; targets sex 50/50, age 25/75;
    # total 4, so the targets are 2 men, 2 women, 1 young, 3 old.
    data = pd.DataFrame({"sex": ["M", "M", "M", "F"], "age": ["y", "y", "o", "o"]})
    targets = {"sex": {"M": 0.5, "F": 0.5}, "age": {"y": 0.25, "o": 0.75}}
    # sex step: M rows 2/3 each, F row 2.  age step: young total 4/3 -> needs 1: factor 3/4;
    # old total 2/3 + 2 = 8/3 -> needs 3: factor 9/8.
    w1 = [2 / 3 * 3 / 4, 2 / 3 * 3 / 4, 2 / 3 * 9 / 8, 2 * 9 / 8]
    r = cl.survey.rake(data, targets, max_iter=1, on_fail="return")
    np.testing.assert_allclose(r.weights, w1, rtol=1e-12)
    assert not r.converged and r.n_iter == 1
    # At convergence: the F row is old only, so old-M gets 3 - 2 = 1 and the two young-M rows 0.5 each.
    done = cl.survey.rake(data, targets)
    np.testing.assert_allclose(done.weights, [0.5, 0.5, 1.0, 2.0], rtol=1e-8)


def test_design_weights_one_margin_by_hand() -> None:
    # Design weights 1, 3 (men) and 2 (woman); total 6; targets 50/50 -> each sex gets 3.
    data = pd.DataFrame({"sex": ["M", "M", "F"], "d": [1.0, 3.0, 2.0]})
    r = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}}, weight="d")
    np.testing.assert_allclose(r.weights, [0.75, 2.25, 3.0])
    assert r.design_weights == "d" and r.margins.loc[("sex", "M"), "sample"] == pytest.approx(4 / 6)


# --- against weightipy -------------------------------------------------------------------------

def test_three_margins_match_weightipy() -> None:
    data = survey_sample(1, 400)
    r = cl.survey.rake(data, TARGETS)
    ref = weightipy_weights(data, TARGETS)
    np.testing.assert_allclose(r.weights.to_numpy(), ref, atol=1e-6)
    for column, shares in TARGETS.items():
        for category, share in shares.items():
            assert achieved(data, r.weights, column)[category] == pytest.approx(share, abs=1e-6)
            assert achieved(data, ref, column)[category] == pytest.approx(share, abs=1e-6)


def test_shipped_tracker_matches_weightipy() -> None:
    wave, targets = tracker_wave4()
    r = cl.survey.rake(wave, targets)
    np.testing.assert_allclose(r.weights.to_numpy(), weightipy_weights(wave, targets), atol=1e-6)
    assert r.margins["difference"].abs().max() < 1e-6


def test_design_weights_match_weightipy_on_repeated_rows() -> None:
    data = survey_sample(2, 150)
    data["d"] = np.random.default_rng(9).integers(1, 5, len(data)).astype(float)
    r = cl.survey.rake(data, TARGETS, weight="d")
    repeated = data.loc[data.index.repeat(data["d"].astype(int))]
    ref = weightipy_weights(repeated, TARGETS)
    # weightipy gives each repeated row the adjustment factor; a respondent's raked weight is d times it.
    mine = (r.weights / data["d"]).loc[repeated.index].to_numpy()
    np.testing.assert_allclose(mine * len(repeated) / data["d"].sum(), ref, atol=1e-6)
    assert r.weights.sum() == pytest.approx(data["d"].sum())
    assert r.margins["difference"].abs().max() < 1e-6


def test_trimming_matches_weightipy_cap() -> None:
    data = survey_sample(1, 400)
    untrimmed = cl.survey.rake(data, TARGETS)
    assert untrimmed.weight_max > 4
    r = cl.survey.rake(data, TARGETS, trim=2.5)
    ref = weightipy_weights(data, TARGETS, cap=2.5)
    np.testing.assert_allclose(r.weights.to_numpy(), ref, atol=1e-6)
    assert r.weight_max <= 2.5 + 1e-9 and r.n_trimmed > 0
    assert r.margins["difference"].abs().max() < 1e-6  # trimmed, then raked again: margins still hold
    assert r.design_effect < untrimmed.design_effect


def test_two_sided_trim_keeps_both_bounds() -> None:
    data = survey_sample(3, 300)
    r = cl.survey.rake(data, TARGETS, trim=(0.4, 3.0))
    relative = r.weights / r.weights.mean()
    assert relative.min() >= 0.4 - 1e-9 and relative.max() <= 3.0 + 1e-9
    assert r.margins["difference"].abs().max() < 1e-9


# --- properties ------------------------------------------------------------------------------

@settings(max_examples=fuzz_examples(40), deadline=None)
@given(seed=st.integers(0, 2**31), n=st.integers(30, 200), k=st.integers(2, 4))
def test_raked_weights_meet_the_margins_and_are_a_product_of_factors(seed: int, n: int, k: int) -> None:
    rng = np.random.default_rng(seed)
    a = rng.integers(0, 2, n)
    b = rng.integers(0, k, n)
    a[:2], b[:k] = [0, 1], np.arange(k)  # every category present
    b[k:2 * k] = np.arange(k)
    a[k:2 * k] = 1 - a[:k]  # every cell of the 2 x k table filled, so the targets are reachable
    data = pd.DataFrame({"a": a, "b": b, "d": rng.uniform(0.5, 2, n)})
    ta = {0: float(rng.uniform(0.2, 0.8))}
    ta[1] = 1 - ta[0]
    raw = rng.uniform(0.2, 1, k)
    tb = {j: float(s) for j, s in enumerate(raw / raw.sum())}
    r = cl.survey.rake(data, {"a": ta, "b": tb}, weight="d", max_iter=5000)
    assert r.converged and r.max_difference < 1e-10
    # w_i = d_i * f(a_i) * g(b_i): log(w/d) is constant within each (a, b) cell
    ratio = np.log(r.weights / data["d"])
    spread = ratio.groupby([data["a"], data["b"]]).agg(lambda s: s.max() - s.min())
    assert spread.max() < 1e-9
    assert r.weights.sum() == pytest.approx(data["d"].sum())
    assert r.design_effect >= 1 - 1e-12
    assert r.n_effective == pytest.approx(r.weights.sum() ** 2 / (r.weights ** 2).sum())


# --- weights flow into the metrics ----------------------------------------------------------

def test_weighted_csat_equals_hand_computation() -> None:
    data = pd.DataFrame({"sex": ["M", "M", "M", "F"], "sat": [5, 4, 4, 2]})
    r = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}})
    # weights 2/3, 2/3, 2/3, 2: satisfied (4-5) = 3 * 2/3 = 2 of a total 4 -> CSAT 50%;
    # Kish n_eff = 16 / (4/3 + 4) = 3.
    result = cl.metrics.csat(data["sat"], weights=r.weights)
    assert result.estimate == pytest.approx(0.5)
    assert result.n_effective == pytest.approx(3.0)
    assert cl.metrics.csat(data["sat"]).estimate == pytest.approx(0.75)  # unweighted: 3 of 4
    mean = cl.metrics.mean_score(data["sat"], scale="satisfaction5", weights=r.weights)
    assert mean.estimate == pytest.approx((2 / 3 * 13 + 2 * 2) / 4)


def test_weights_work_in_every_metric_taking_weights() -> None:
    data = survey_sample(4, 200)
    rng = np.random.default_rng(4)
    data["nps"] = rng.integers(0, 11, len(data))
    data["ces"] = rng.integers(1, 8, len(data))
    w = cl.survey.rake(data, TARGETS).weights
    nps = cl.metrics.nps(data["nps"], weights=w)
    promoters = w[data["nps"] >= 9].sum() / w.sum()
    detractors = w[data["nps"] <= 6].sum() / w.sum()
    assert nps.score == pytest.approx(100 * (promoters - detractors))
    assert cl.metrics.ces(data["ces"], weights=w).estimate == pytest.approx(np.average(data["ces"], weights=w))
    assert cl.metrics.top_box(data["sat"], scale="satisfaction5", weights=w).estimate == pytest.approx(
        w[data["sat"] == 5].sum() / w.sum())
    men = data["sex"] == "M"
    diff = cl.metrics.compare_proportions(data.loc[men, "sat"], data.loc[~men, "sat"],
                                          weights_a=w[men], weights_b=w[~men])
    share = lambda m: w[m & (data["sat"] >= 4)].sum() / w[m].sum()
    assert diff.estimate == pytest.approx(share(men) - share(~men))  # A - B
    data["w"] = w  # compare_groups takes the weights as a column
    groups = cl.metrics.compare_groups(data, score="sat", group="sex", weights="w").table.set_index("group")
    assert groups.loc["M", "estimate"] == pytest.approx(share(men))
    assert groups.loc["F", "estimate"] == pytest.approx(share(~men))


# --- bad input: a clear error naming what is wrong ---------------------------------------------

def _data() -> pd.DataFrame:
    return pd.DataFrame({"sex": ["M", "M", "F", "F"], "age": ["y", "o", "y", "o"], "d": [1.0, 2.0, 1.0, 1.0]})


@pytest.mark.parametrize("targets, match", [
    ({"sex": {"M": 0.5, "F": 0.4}}, r"'sex' add up to 0\.9, not 1"),
    ({"sex": {"M": 50, "F": 50}}, r"percentages\? divide them by 100"),
    ({"sex": {"M": 0.5, "F": 0.3, "X": 0.2}}, r"target categories 'X' of column 'sex' have no respondents"),
    ({"sex": {"M": 1.0}}, r"column 'sex' holds categories without a target share: 'F' \(2 rows\)"),
    ({"sex": {"M": 1.0, "F": 0.0}}, r"targets\['sex'\]\['F'\] is 0 but that category has 2 respondents"),
    ({"sex": {"M": 1.2, "F": -0.2}}, r"targets\['sex'\]\['F'\] is negative"),
    ({"sex": {"M": "half", "F": 0.5}}, r"targets\['sex'\]\['M'\] must be a number"),
    ({"sexx": {"M": 0.5, "F": 0.5}}, r"no column 'sexx'"),
    ({}, r"targets must be a non-empty dict"),
    ({"sex": [0.5, 0.5]}, r"targets\['sex'\] must be a non-empty dict"),
])
def test_bad_targets(targets, match) -> None:
    with pytest.raises(CsatInputError, match=match):
        cl.survey.rake(_data(), targets)


def test_missing_values_in_a_raking_column_name_the_rows() -> None:
    data = _data()
    data.loc[2, "sex"] = None
    with pytest.raises(CsatInputError, match=r"column 'sex' has 1 missing value\(s\) \(rows \[2\]\)"):
        cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}})


def test_empty_cells_that_make_targets_unreachable() -> None:
    # Every woman is young; age targets give young 20% but women need 50%.
    data = pd.DataFrame({"sex": ["M", "M", "M", "F"], "age": ["y", "o", "o", "y"]})
    with pytest.raises(CsatInputError, match=r"empty cells: no respondent with sex='F' has age in \['o'\]"):
        cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}, "age": {"y": 0.2, "o": 0.8}})


def test_category_whose_design_weights_are_zero() -> None:
    data = _data()
    data.loc[data["sex"] == "F", "d"] = 0.0
    with pytest.raises(CsatInputError, match=r"design weights of category 'F' are all zero"):
        cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}}, weight="d")


def test_non_convergence_raises_or_returns() -> None:
    data = survey_sample(1, 400)
    with pytest.raises(CsatConvergenceError, match=r"did not converge in 3 sweeps: .* against its target"):
        cl.survey.rake(data, TARGETS, max_iter=3)
    with pytest.raises(CsatConvergenceError, match=r"trimming bounds \(0\.0, 1\.2\) may be too tight"):
        cl.survey.rake(data, TARGETS, trim=1.2, max_iter=200)
    r = cl.survey.rake(data, TARGETS, max_iter=3, on_fail="return")
    assert not r.converged and r.n_iter == 3 and r.max_difference > 1e-10


@pytest.mark.parametrize("kwargs, match", [
    ({"weight": "nope"}, r"no column 'nope'"),
    ({"weight": [1, 2, 3, 4]}, r"weight must name a column"),
    ({"trim": 0.9}, r"0 <= low < 1 < high"),
    ({"trim": (1.5, 3)}, r"0 <= low < 1 < high"),
    ({"trim": (0.1, 2, 3)}, r"trim must be an upper bound or a pair"),
    ({"max_iter": 0}, r"max_iter must be a whole number of at least 1"),
    ({"tol": 0}, r"tol must lie strictly between 0 and 1"),
    ({"on_fail": "ignore"}, r"on_fail must be one of"),
])
def test_bad_arguments(kwargs, match) -> None:
    with pytest.raises(CsatInputError, match=match):
        cl.survey.rake(_data(), {"sex": {"M": 0.5, "F": 0.5}}, **kwargs)


def test_bad_design_weights_name_the_column() -> None:
    data = _data()
    data.loc[1, "d"] = -1.0
    with pytest.raises(CsatInputError, match=r"design weights in column 'd'.* must be finite and non-negative"):
        cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}}, weight="d")
    data.loc[1, "d"] = np.nan
    with pytest.raises(CsatInputError, match=r"design weights in column 'd'.* missing values"):
        cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}}, weight="d")


def test_input_is_not_changed_and_weights_keep_the_index() -> None:
    data = _data().set_index(pd.Index([10, 11, 12, 13]))
    before = data.copy()
    r = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}, "age": {"y": 0.3, "o": 0.7}})
    pd.testing.assert_frame_equal(data, before)
    assert r.weights.index.tolist() == [10, 11, 12, 13]


@settings(max_examples=fuzz_examples(40), deadline=None)
@given(seed=st.integers(0, 2**31), n=st.integers(8, 120), trim=st.one_of(st.none(), st.floats(1.3, 6.0)))
def test_any_input_gives_weights_meeting_the_targets_or_a_clear_error(seed: int, n: int, trim) -> None:
    # Random, possibly sparse data and targets: raking either meets every margin (and the trim
    # bounds) or says why not; it never returns weights that miss the targets as if converged.
    rng = np.random.default_rng(seed)
    data = pd.DataFrame({"a": rng.integers(0, 3, n), "b": rng.integers(0, 4, n), "d": rng.uniform(0.2, 3, n)})
    targets = {}
    for column in ("a", "b"):
        present = sorted(data[column].unique().tolist())
        raw = rng.uniform(0.05, 1, len(present))
        targets[column] = dict(zip(present, (raw / raw.sum()).tolist()))
    try:
        r = cl.survey.rake(data, targets, weight="d", trim=trim, max_iter=3000)
    except (CsatInputError, CsatConvergenceError) as error:
        assert str(error)
        return
    assert r.converged and r.margins["difference"].abs().max() < 1e-9
    assert (r.weights >= 0).all() and r.weights.sum() == pytest.approx(data["d"].sum())
    if trim is not None:
        assert r.weight_max <= trim * (1 + 1e-9)
