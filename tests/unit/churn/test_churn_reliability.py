"""Reliability of the churn package: BG/NBD singularities, degenerate fits, impossible histories,
dates, customer ids, survival and retention economics (issue 13).

Independent sources: the BG/NBD expectations are checked against direct numerical integration of
the model's defining expectation (scipy.integrate.quad), not against csat_lab's own closed form.
"""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.integrate import quad
from scipy.special import betaln

import csat_lab as cl
from csat_lab import churn
from csat_lab.churn.bgnbd import BGNBDModel, GammaGammaModel
from csat_lab.errors import CsatInputError


def integrated_count(t: float, r: float, alpha: float, a: float, b: float) -> float:
    """E_p[(1 - (alpha / (alpha + p t))^r) / p] with p ~ Beta(a, b), by quadrature.

    The BG/NBD story (FHL 2005a, section 3): given lambda and p, a customer alive at 0 makes
    (1 - exp(-lambda p t)) / p purchases in (0, t]; averaging exp(-lambda p t) over
    lambda ~ Gamma(r, alpha) gives (alpha / (alpha + p t))^r; the average over p is done
    here numerically with QUADPACK's algebraic weight p^(a-1) (1-p)^(b-1).
    """
    def g(p: float) -> float:
        return -np.expm1(-r * np.log1p(p * t / alpha)) / p if p > 0 else r * t / alpha

    value, _ = quad(g, 0.0, 1.0, weight="alg", wvar=(a - 1.0, b - 1.0), epsabs=0.0, epsrel=1e-13, limit=400)
    return value / np.exp(betaln(a, b))


def integrated_count_over_time(t: float, r: float, alpha: float, a: float, b: float) -> float:
    """The same expectation as the integral over time of the expected purchase rate (a second route).

    E[X(t)] = int_0^t E[lambda exp(-lambda p s)] ds, and E[lambda exp(-lambda p s)] =
    (r/alpha) E_p[(1 + p s/alpha)^-(r+1)], averaged over p numerically here too.
    """
    def rate(s: float) -> float:
        inner, _ = quad(lambda p: (1 + p * s / alpha) ** -(r + 1), 0.0, 1.0, weight="alg",
                        wvar=(a - 1.0, b - 1.0), epsabs=0.0, epsrel=1e-12)
        return r / alpha * inner / np.exp(betaln(a, b))

    value, _ = quad(rate, 0.0, t, epsabs=0.0, epsrel=1e-11)
    return value


def conditional_by_integration(t, params, x, tx, T):
    """FHL (2005a) eq. 10 written as P(alive) x the posterior expectation, each part computed directly."""
    r, alpha, a, b = params
    p_alive = 1.0 if x == 0 else 1.0 / (1.0 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
    return p_alive * integrated_count(t, r + x, alpha + T, a, b + x)


# --- the removable singularities -------------------------------------------------------------------


def test_issue_example_a_plus_b_equals_one_is_finite_and_matches_integration():
    # issue 13: r=1, alpha=1, a=0.5, b=0.5, x=0, t_x=0, T=1 gave NaN; neighbours give about 0.408
    model = BGNBDModel({"r": 1.0, "alpha": 1.0, "a": 0.5, "b": 0.5}, 0.0, 0, 0, {}, "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = model.expected_purchases(1.0, [0], [0.0], [1.0])[0]
    reference = integrated_count(1.0, 1.0, 2.0, 0.5, 0.5)
    assert reference == pytest.approx(0.408248290463863, abs=1e-12)  # = 1/sqrt(6): r z (1-z)^-1/2, z = 1/3
    assert value == pytest.approx(reference, rel=1e-12)
    assert value == pytest.approx(integrated_count_over_time(1.0, 1.0, 2.0, 0.5, 0.5), rel=1e-9)
    for db in (-1e-6, 1e-6):  # the limit from both sides
        near = BGNBDModel({"r": 1.0, "alpha": 1.0, "a": 0.5, "b": 0.5 + db}, 0.0, 0, 0, {}, "")
        assert near.expected_purchases(1.0, [0], [0.0], [1.0])[0] == pytest.approx(value, abs=1e-6)


@pytest.mark.parametrize("da", [0.0, 1e-15, -1e-12, 1e-9, -1e-6, 3e-4, -9.99e-4, 1e-3, 2e-3])
@pytest.mark.parametrize("x, tx, T, t", [(0, 0.0, 1.0, 1.0), (2, 0.5, 1.0, 3.0), (7, 20.0, 39.0, 52.0)])
def test_a_equal_one_band_matches_integration(da, x, tx, T, t):
    params = (0.8, 2.5, 1.0 + da, 1.7)
    model = BGNBDModel(dict(zip(("r", "alpha", "a", "b"), params)), 0.0, 0, 0, {}, "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = model.expected_purchases(t, [x], [tx], [T])[0]
    assert np.isfinite(value)
    assert value == pytest.approx(conditional_by_integration(t, params, x, tx, T), rel=1e-9)


def test_a_equal_one_new_customer_and_both_sides():
    m = BGNBDModel({"r": 1.0, "alpha": 1.0, "a": 1.0, "b": 0.5}, 0.0, 0, 0, {}, "")
    value = m.expected_purchases_new(1.0)  # ZeroDivisionError before
    assert value == pytest.approx(integrated_count(1.0, 1.0, 1.0, 1.0, 0.5), rel=1e-10)
    assert value == pytest.approx(integrated_count_over_time(1.0, 1.0, 1.0, 1.0, 0.5), rel=1e-9)
    for da in (-1e-5, 1e-5):
        near = BGNBDModel({"r": 1.0, "alpha": 1.0, "a": 1.0 + da, "b": 0.5}, 0.0, 0, 0, {}, "")
        assert near.expected_purchases_new(1.0) == pytest.approx(value, abs=1e-5)
    assert m.expected_purchases_new([0.0, 1.0]).tolist() == pytest.approx([0.0, value])


def test_extreme_parameters_stay_finite_and_match_integration():
    # r and a in the hundreds with t >> alpha overflow scipy's 2F1 (NaN before); the quadrature
    # fallback takes over. Reference: the p-integral over the central 1 - 2e-15 of Beta(a, b)
    from scipy.stats import beta

    r, alpha, a, b, t = 1030.0, 7.07, 325.0, 7.26, 6350.0
    model = BGNBDModel({"r": r, "alpha": alpha, "a": a, "b": b}, 0.0, 0, 0, {}, "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = model.expected_purchases_new(t)

    def weighted(p):
        g = -np.expm1(-r * np.log1p(p * t / alpha)) / p
        return g * np.exp((a - 1) * np.log(p) + (b - 1) * np.log1p(-p) - betaln(a, b))

    lo, hi = beta.ppf(1e-15, a, b), beta.isf(1e-15, a, b)
    reference, _ = quad(weighted, lo, hi, points=[(a - 1) / (a + b - 2)], epsabs=0.0, epsrel=1e-12, limit=400)
    assert value == pytest.approx(reference, rel=1e-9)
    # b near 0 puts p at 1: E[X(t)] -> 1 - (alpha/(alpha+t))^r = 1 - 2/3 for r = 1, alpha = 2, t = 1
    near_one = BGNBDModel({"r": 1.0, "alpha": 2.0, "a": 3000.0, "b": 0.0025}, 0.0, 0, 0, {}, "")
    assert near_one.expected_purchases_new(1.0) == pytest.approx(1 / 3, rel=1e-5)


def test_expectations_over_a_parameter_grid_match_integration():
    rng = np.random.default_rng(13)
    for _ in range(40):
        params = (np.exp(rng.uniform(-2, 1.5)), np.exp(rng.uniform(-1, 3)), np.exp(rng.uniform(-2, 1.5)),
                  np.exp(rng.uniform(-2, 1.5)))
        x = int(rng.integers(0, 6))
        T = rng.uniform(1, 40)
        tx = 0.0 if x == 0 else rng.uniform(0, T)
        t = rng.uniform(0.5, 60)
        model = BGNBDModel(dict(zip(("r", "alpha", "a", "b"), params)), 0.0, 0, 0, {}, "")
        assert model.expected_purchases(t, [x], [tx], [T])[0] == pytest.approx(
            conditional_by_integration(t, params, x, tx, T), rel=1e-8)


def test_probabilistic_clv_is_finite_at_the_singularities():
    gg = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")
    for params in ({"r": 1.0, "alpha": 1.0, "a": 0.5, "b": 0.5}, {"r": 1.0, "alpha": 1.0, "a": 1.0, "b": 0.5}):
        bg = BGNBDModel(params, 0.0, 0, 0, {}, "")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            res = churn.probabilistic_clv(bg, gg, [0, 2], [0.0, 0.5], [1.0, 1.0], [0.0, 30.0], horizon=3,
                                          period_length=1.0, discount=0.0)
        assert np.isfinite(res.table.to_numpy()).all()
        # undiscounted: expected purchases over the horizon = E[Y(3)], by integration
        hand = [conditional_by_integration(3.0, tuple(params.values()), x, tx, 1.0) for x, tx in ((0, 0.0), (2, 0.5))]
        assert res.table["expected_purchases"].to_numpy() == pytest.approx(hand, rel=1e-9)


def test_p_alive_large_frequency_has_no_overflow_warning():
    m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = m.p_alive([5000, 1], [1.0, 30.0], [300.0, 38.0])
    assert p[0] == 0.0  # (alpha+T)/(alpha+t_x) = 60.8 to the power 5000: certainly gone
    hand = 1 / (1 + 0.793 / 2.426 * ((4.414 + 38) / (4.414 + 30)) ** 1.243)
    assert p[1] == pytest.approx(hand)


# --- fits on data that cannot identify the model ---------------------------------------------------


@pytest.mark.parametrize("x, tx, T, match", [
    ([2], [3], [5], r"at least 4 customers.*got 1 customer"),
    ([0] * 6, [0] * 6, [5, 6, 7, 8, 9, 10], r"no customer made a repeat purchase.*several hundred"),
    ([0] * 5, [0] * 5, [0] * 5, r"every customer has T = 0"),
    ([0, 1, 2, 0, 5, 3, 0, 1], [0, 4, 9, 0, 20, 15, 0, 2], [30, 28, 25, 30, 26, 30, 22, 20],
     r"do not identify the BG/NBD parameters: .*standard error of log\((a|b)\).*several hundred"),
])
def test_fit_bgnbd_refuses_non_identifiable_data(x, tx, T, match):
    with pytest.raises(CsatInputError, match=match):
        churn.fit_bgnbd(x, tx, T)


def test_fit_bgnbd_flat_likelihood_is_detected_by_the_hessian():
    # 20 customers: the FHL log-likelihood, written out here, barely changes while the dropout
    # parameters move by orders of magnitude with a/(a+b) kept, so no estimate of a, b can be reported
    summary = pd.DataFrame({"x": [0, 1, 0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 1],
                            "tx": [0, 20, 0, 30, 0, 0, 5, 0, 33, 0, 0, 0, 12, 0, 0, 25, 0, 0, 0, 3],
                            "T": [38, 37, 36, 38, 35, 34, 33, 38, 37, 36, 32, 31, 38, 37, 30, 36, 35, 34, 33, 32]})
    from scipy.special import gammaln

    def loglik(r, alpha, a, b):
        x, tx, T = (summary[c].to_numpy(dtype=float) for c in ("x", "tx", "T"))
        a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        a2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
        a3 = np.where(x > 0, betaln(a + 1, np.maximum(b + x - 1, 1e-9)) - betaln(a, b)
                      - (r + x) * np.log(alpha + tx), -np.inf)
        return float(np.sum(a1 + np.logaddexp(a2, a3)))

    from scipy.optimize import minimize

    def best(scale):  # maximise over r, alpha and the dropout mean m, with a + b = scale
        f = lambda v: -loglik(np.exp(v[0]), np.exp(v[1]), scale / (1 + np.exp(-v[2])),
                              scale / (1 + np.exp(v[2])))
        return -minimize(f, [0.0, 3.0, -2.0], method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-10,
                                                                               "maxiter": 4000}).fun

    assert abs(best(1e3) - best(1e5)) < 0.05  # a, b 100 times apart, same fit: not identified
    with pytest.raises(CsatInputError, match="do not identify"):
        churn.fit_bgnbd(summary["x"], summary["tx"], summary["T"])


def test_gamma_gamma_errors_name_rows_and_refuse_degenerate_spend():
    with pytest.raises(CsatInputError, match=r"must be positive.*rows \['c2'\] hold -5"):
        churn.fit_gamma_gamma(pd.Series([1, 2, 3], index=["c1", "c2", "c3"]),
                              pd.Series([10, -5, 3], index=["c1", "c2", "c3"]))
    with pytest.raises(CsatInputError, match="same mean spend"):
        churn.fit_gamma_gamma([1, 2, 3, 1], [10.0, 10.0, 10.0, 10.0])
    with pytest.raises(CsatInputError, match="do not identify the Gamma-Gamma parameters"):
        churn.fit_gamma_gamma([1, 2, 3, 1, 4, 0, 2, 5], [20, 35, 28, 60, 31, 0, 18, 40])


# --- model methods check histories as the fit does -------------------------------------------------

BG = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
GG = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")


@pytest.mark.parametrize("call, match", [
    (lambda: BG.p_alive([2], [50.0], [38.0]), r"recency must lie between 0 and T; rows \[0\]|recency must lie"),
    (lambda: BG.p_alive([-2], [5.0], [38.0]), r"frequency must be whole numbers >= 0; rows \[0\]|frequency must be"),
    (lambda: BG.p_alive([1.5], [5.0], [38.0]), r"frequency must be whole numbers"),
    (lambda: BG.p_alive([0], [5.0], [38.0]), r"frequency 0 must have recency 0"),
    (lambda: BG.p_alive([1], [1.0], [-3.0]), r"T \(time observed"),
    (lambda: BG.p_alive([1, np.nan], [1.0, 1.0], [3.0, 3.0]), r"missing at rows \[1\]"),
    (lambda: BG.expected_purchases(-1, [2], [5.0], [38.0]), r"t must not be negative"),
    (lambda: BG.expected_purchases("soon", [2], [5.0], [38.0]), r"t must be a number"),
    (lambda: BG.expected_purchases_new(-1.0), r"t must be finite and not negative"),
    (lambda: BG.expected_purchases_new(np.inf), r"t must be finite"),
    (lambda: GG.conditional_expected_spend([2], [-5.0]), r"monetary .* must not be negative; rows \[0\]"),
    (lambda: GG.conditional_expected_spend([-2], [5.0]), r"frequency must be whole numbers"),
    (lambda: GammaGammaModel({"p": 1.0, "q": 0.8, "gamma": 2.0}, 0.0, 0.0, 0, 0, {}, "")
     .conditional_expected_spend([0], [0.0]), r"infinite for q = 0.8"),
    (lambda: BGNBDModel({"r": -1.0, "alpha": 1.0, "a": 1.0, "b": 1.0}, 0.0, 0, 0, {}, "").p_alive([0], [0], [1]),
     r"parameter r must be positive"),
])
def test_model_methods_reject_impossible_histories(call, match):
    with pytest.raises(CsatInputError, match=match):
        call()


def test_model_methods_name_series_rows():
    x = pd.Series([1, 2], index=["ann", "bob"])
    with pytest.raises(CsatInputError, match=r"rows \['bob'\]"):
        BG.p_alive(x, pd.Series([1.0, 40.0], index=x.index), pd.Series([10.0, 20.0], index=x.index))


# --- dates, ids and the other raw tracebacks -------------------------------------------------------

LOG = pd.DataFrame({"customer_id": [1, 1, 2], "date": ["2024-01-01", "2024-01-05", "2024-01-03"],
                    "amount": [10.0, 20.0, 30.0]})
READERS = [
    lambda data, **kw: churn.validate_transactions(data, **kw),
    lambda data, **kw: churn.summary_from_transactions(data, **kw),
    lambda data, **kw: churn.cohort_table(data, **kw),
    lambda data, **kw: cl.segments.rfm(data, **kw),
]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("now", ["abc", 5, "", pd.NaT, True, "3000-01-01"])
def test_now_that_is_not_a_date_names_now(reader, now):
    with pytest.raises(CsatInputError, match=r"^now must "):
        reader(LOG, now=now)


def test_timezone_aware_now_is_read_as_wall_clock_time_everywhere():
    # policy: an aware now is converted to the dates' zone (naive dates: its own) and the zone dropped
    naive = "2024-02-01 00:00"
    aware = pd.Timestamp("2024-02-01 00:00", tz="Asia/Shanghai")
    a = churn.summary_from_transactions(LOG, now=naive).table
    b = churn.summary_from_transactions(LOG, now=aware).table
    pd.testing.assert_frame_equal(a, b)
    assert cl.segments.rfm(LOG, now=aware).table.equals(cl.segments.rfm(LOG, now=naive).table)
    # aware dates in UTC, now in Shanghai (UTC+8): 2024-01-05 07:00 Shanghai is 2024-01-04 23:00 UTC,
    # so the purchase at 2024-01-05 00:00 UTC lies after now and is dropped (by hand)
    aware_log = LOG.assign(date=pd.to_datetime(LOG["date"]).dt.tz_localize("UTC"))
    s = churn.summary_from_transactions(aware_log, now=pd.Timestamp("2024-01-05 07:00", tz="Asia/Shanghai"))
    assert s.table.loc[1, "frequency"] == 0 and s.n_dropped == 1
    # the cohort table and RFM read aware dates as wall-clock time too (they used UTC before)
    shanghai = LOG.assign(date=pd.to_datetime(["2024-01-31 23:30", "2024-02-01 01:00", "2024-01-03 00:00"])
                          .tz_localize("Asia/Shanghai"))
    counts = churn.cohort_table(shanghai, now="2024-03-01").counts
    assert counts.loc["2024-01"].tolist() == [2, 1]  # customer 1 bought in January and February, local time


def test_mixed_customer_id_types_raise_everywhere():
    mixed = pd.DataFrame({"customer_id": [1, "1", 2], "date": ["2024-01-01", "2024-01-05", "2024-01-03"],
                          "amount": [1.0, 2.0, 3.0]})
    for reader in READERS:
        with pytest.raises(CsatInputError, match=r"'customer_id' holds the ids 1, '1' \(rows \[0, 1\]\)"):
            reader(mixed, now="2024-02-01")
    spaced = mixed.assign(customer_id=["a", "a ", "b"])
    with pytest.raises(CsatInputError, match="differ only in type or spaces"):
        churn.summary_from_transactions(spaced, now="2024-02-01")
    with pytest.raises(CsatInputError, match="differ only in type or spaces"):
        churn.period_churn(mixed, "2024-01-02", "2024-01-10", kind="non-contractual", inactivity="3D")
    status = pd.DataFrame({"customer_id": [1, "1"], "start_date": ["2023-01-01"] * 2, "end_date": [None] * 2})
    with pytest.raises(CsatInputError, match="differ only in type or spaces"):
        churn.period_churn(status, "2024-02-01", "2024-05-01")
    # one consistent spelling is fine, and numeric ids skip the check
    assert churn.summary_from_transactions(mixed.assign(customer_id=["1", "1", "2"]), now="2024-02-01").n == 2


def test_dates_that_are_numbers_or_infinite_amounts_raise():
    with pytest.raises(CsatInputError, match=r"'date' must hold dates, not numbers; rows \[0, 1, 2\]"):
        churn.validate_transactions(LOG.assign(date=[1, 2, 3]))
    with pytest.raises(CsatInputError, match=r"'amount' must hold finite amounts; rows \[1\]"):
        cl.segments.rfm(LOG.assign(amount=[1.0, np.inf, 2.0]), now="2024-02-01")
    with pytest.raises(CsatInputError, match="every transaction is dated after now=2023-12-01"):
        churn.summary_from_transactions(LOG, now="2023-12-01")


def test_kaplan_meier_infinite_durations_and_clashing_groups():
    with pytest.raises(CsatInputError, match=r"duration must be finite.*rows \[1\]"):
        churn.kaplan_meier(duration=[1, np.inf, 3], event=[1, 0, 1])
    with pytest.raises(CsatInputError, match=r"group holds the labels 1, '1'"):
        churn.kaplan_meier(duration=[1, 2, 3, 4], event=[1, 0, 1, 1], group=[1, "1", 2, 2])


def test_kaplan_meier_logrank_leaks_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        km = churn.kaplan_meier(duration=[1, 2, 3, 4, 5, 6], event=[1, 0, 1, 1, 0, 1], group=list("aabbab"))
    assert km.logrank is not None


def test_retention_economics_zero_customers_and_overflow():
    with pytest.raises(CsatInputError, match="customers and new_customers are both 0"):
        churn.retention_economics(0, 0.8, 100)
    # with new customers only the base is well defined: N_1 = A = 10 at either retention (by hand)
    e = churn.retention_economics(0, 0.8, 100, new_customers=10, years=1)
    assert e.table["customers"].tolist() == [10.0] and e.extra_customers == 0.0
    with pytest.raises(CsatInputError, match="overflow"):
        churn.retention_economics(10**300, 0.8, 1e300)
    with pytest.raises(CsatInputError, match="overflows"):
        churn.clv(1e308, 0.99, 0.0)


def test_clv_with_a_discount_that_makes_the_sum_diverge():
    # sum_t m (r/(1+d))^t diverges when r >= 1 + d; it used to return -266.67 for r=.8, d=-.5
    with pytest.raises(CsatInputError, match="retention must be below 1 \\+ discount"):
        churn.clv(100, 0.8, -0.5)
    # just inside: m r/(1+d-r) = 100 * .8 / .1 = 800 (by hand)
    assert churn.clv(100, 0.8, -0.1).value == pytest.approx(800.0)


def test_head_counts_and_seeds_reject_booleans_and_negatives():
    from csat_lab._core.validate import rng_from

    with pytest.raises(CsatInputError, match="lost must be a whole number, got the boolean True"):
        churn.churn_rate(True, 10)
    for seed, match in (("abc", "seed must be a whole number"), (1.5, "seed must be a whole number"),
                        (-1, "seed must be a whole number >= 0"), (True, "seed must be a whole number")):
        with pytest.raises(CsatInputError, match=match):
            rng_from(seed)
    assert rng_from(0).integers(10) == np.random.default_rng(0).integers(10)
