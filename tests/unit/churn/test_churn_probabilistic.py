"""Probabilistic CLV (BG/NBD x Gamma-Gamma): hand calculation, CDNOW, simulation, properties, bad input."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from scipy.special import hyp2f1

from csat_lab import churn
from csat_lab.churn.bgnbd import BGNBDModel, GammaGammaModel
from csat_lab.errors import CsatInputError

from conftest import reference_path, fuzz_examples

# Published CDNOW estimates: BG/NBD from Fader, Hardie & Lee (2005a), Marketing Science 24(2),
# p. 279; Gamma-Gamma from Fader & Hardie (2013), brucehardie.com note 025.
BG = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
GG = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")


def _model(r, alpha, a, b):
    return BGNBDModel({"r": r, "alpha": alpha, "a": a, "b": b}, 0.0, 0, 0, {}, "")


def _spend_model(p, q, gamma):
    return GammaGammaModel({"p": p, "q": q, "gamma": gamma}, 0.0, p * gamma / (q - 1), 0, 0, {}, "")


def test_hand_calculation_one_customer():
    r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
    p, q, gamma = 6.25, 3.74, 15.44
    x, tx, T, mbar = 2, 30.43, 38.86, 22.35
    H, L, d, margin = 3, 4.345, 0.02, 0.4

    def expected_x(t):  # FHL (2005a) eq. 10, written out
        head = (a + b + x - 1) / (a - 1)
        bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1,
                                                                          t / (alpha + T + t))
        alive = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
        return head * bracket * alive

    spend = p * (gamma + x * mbar) / (p * x + q - 1)  # Fader & Hardie (2013)
    clv = margin * spend * sum((expected_x(t * L) - expected_x((t - 1) * L)) / (1 + d) ** t for t in (1, 2, 3))

    res = churn.probabilistic_clv(BG, GG, [x], [tx], [T], [mbar], horizon=H, period_length=L, discount=d,
                                  margin=margin)
    row = res.table.iloc[0]
    assert row["expected_purchases"] == pytest.approx(expected_x(H * L), rel=1e-10)
    assert row["expected_spend"] == pytest.approx(spend, rel=1e-12)
    assert row["clv"] == pytest.approx(clv, rel=1e-10)
    assert res.total_clv == pytest.approx(clv, rel=1e-10)
    # FHL (2005a), p. 281: this customer is expected to make 1.226 repeat purchases in 39 weeks,
    # which the hand-written formula reproduces (so it is the right formula)
    assert expected_x(39) == pytest.approx(1.226, abs=5e-4)


def test_no_repeat_customer_gets_population_mean_spend():
    res = churn.probabilistic_clv(BG, GG, [0, 0], [0, 0], [38.86, 20], [0, 99.0])
    assert res.table["expected_spend"].to_numpy() == pytest.approx([6.25 * 15.44 / 2.74] * 2)


@pytest.fixture(scope="module")
def cdnow():
    """CDNOW 1/10 sample, 39-week calibration, summarised from the transaction log."""
    log = pd.read_csv(reference_path("cdnow/CDNOW_sample.txt"), sep=r"\s+", header=None,
                      names=["master_id", "customer", "date", "cds", "amount"], dtype={"date": str})
    log["date"] = pd.to_datetime(log["date"], format="%Y%m%d")
    s = churn.summary_from_transactions(log, customer="customer", date="date", amount="amount",
                                        now="1997-09-30").table
    bg = churn.fit_bgnbd(s["frequency"], s["recency"], s["T"])
    gg = churn.fit_gamma_gamma(s["frequency"], s["monetary_value"])
    return s, bg, gg


def test_cdnow_telescoping_and_undiscounted_product(cdnow):
    s, bg, gg = cdnow
    H, L = 12, 4.345
    args = (s["frequency"], s["recency"], s["T"], s["monetary_value"])
    res = churn.probabilistic_clv(bg, gg, *args, horizon=H, period_length=L, discount=0.0, margin=1.0)
    assert res.n == len(s) == 2357 and res.n_dropped == 0
    direct = bg.expected_purchases(H * L, s["frequency"], s["recency"], s["T"])
    np.testing.assert_allclose(res.table["expected_purchases"], direct, rtol=1e-10)
    spend = gg.conditional_expected_spend(s["frequency"], s["monetary_value"])
    np.testing.assert_allclose(res.table["clv"], spend * direct, rtol=1e-10)
    assert res.total_clv == pytest.approx(float((spend * direct).sum()), rel=1e-10)
    assert list(res.table.index) == list(s.index)
    # discounting and a margin below 1 can only lower every value
    lower = churn.probabilistic_clv(bg, gg, *args, horizon=H, period_length=L, discount=0.01, margin=0.3)
    assert (lower.table["clv"] < res.table["clv"]).all()


def test_cdnow_matches_lifetimes_documentation(cdnow):
    # lifetimes (Davidson-Pilon), docs/Quickstart.md, "Estimating customer lifetime value using the
    # Gamma-Gamma model": GammaGammaFitter.customer_lifetime_value(bgf, ..., time=12,
    # discount_rate=0.01) with BG/NBD and Gamma-Gamma fitted to this CDNOW sample, for the
    # customers (x, t_x, T, mean spend) printed on that page (recency rounded to 2 d.p. there).
    # Its default freq="D" spaces the 12 "months" 30 time units apart while T is in weeks,
    # so the same numbers come from period_length=30.
    _, bg, gg = cdnow
    doc = pd.DataFrame({"x": [2, 1, 0, 7, 1, 2], "tx": [30.43, 1.71, 0, 29.43, 5.0, 35.71], "T": [38.86] * 6,
                        "m": [22.35, 11.77, 0, 73.74, 11.77, 25.55]}, index=[1, 2, 3, 6, 7, 9])
    published_clv = [140.096211, 18.943467, 38.180574, 1003.868107, 28.109683, 167.418216]
    published_spend = [24.658619, 18.911489, 35.170981, 71.462843, 18.911489, 27.282408]
    res = churn.probabilistic_clv(bg, gg, doc["x"], doc["tx"], doc["T"], doc["m"], horizon=12, period_length=30,
                                  discount=0.01)
    np.testing.assert_allclose(res.table["clv"], published_clv, rtol=1e-4)
    np.testing.assert_allclose(res.table["expected_spend"], published_spend, rtol=1e-4)
    assert res.estimate == res.total_clv == pytest.approx(sum(published_clv), rel=1e-4)
    # the same customers as a table: named columns, or the summary's default names
    named = churn.probabilistic_clv(bg, gg, "x", "tx", "T", "m", data=doc, horizon=12, period_length=30,
                                    discount=0.01)
    default = doc.rename(columns={"x": "frequency", "tx": "recency", "m": "monetary_value"})
    for res in (named, churn.probabilistic_clv(bg, gg, data=default, horizon=12, period_length=30, discount=0.01),
                churn.probabilistic_clv(bg, gg, default, horizon=12, period_length=30, discount=0.01)):
        np.testing.assert_allclose(res.table["clv"], published_clv, rtol=1e-4)
        assert list(res.table.index) == [1, 2, 3, 6, 7, 9]


def test_column_names_need_data():
    with pytest.raises(CsatInputError, match="frequency='frequency' is a column name; pass data="):
        churn.probabilistic_clv(BG, GG)
    with pytest.raises(CsatInputError, match="no column 'monetary_value'"):
        churn.probabilistic_clv(BG, GG, data=pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]}))


def _simulate_forward(rng, lam, drop, nu, p, horizon, length, discount, start=None):
    """Discounted spend over horizon*length of customers alive at time 0 of the window.

    Purchases follow a Poisson process at rate lam; after each one the customer leaves with
    probability drop; each purchase costs Gamma(p, rate nu). Period t = ceil(s / length).
    """
    n = len(lam)
    value = np.zeros(n)
    t = np.zeros(n)
    active = np.ones(n, dtype=bool)
    end = horizon * length
    while active.any():
        idx = np.flatnonzero(active)
        t[idx] += rng.exponential(1 / lam[idx])
        bought = idx[t[idx] <= end]
        period = np.ceil(t[bought] / length)
        value[bought] += rng.gamma(p, 1 / nu[bought]) / (1 + discount) ** period
        leaves = rng.random(len(bought)) < drop[bought]
        active[:] = False
        active[bought[~leaves]] = True
    return value


def test_new_customer_against_simulation():
    # the generative story of both models for a customer who has just made a first purchase
    rng = np.random.default_rng(2024)
    r, alpha, a, b, p, q, gamma = 0.9, 3.0, 1.4, 2.5, 4.0, 3.0, 20.0
    H, L, d, n = 6, 4.0, 0.05, 120_000
    lam = rng.gamma(r, 1 / alpha, n)
    drop = rng.beta(a, b, n)
    nu = rng.gamma(q, 1 / gamma, n)
    value = _simulate_forward(rng, lam, drop, nu, p, H, L, d)
    est, se = value.mean(), value.std() / np.sqrt(n)
    bg, gg = _model(r, alpha, a, b), _spend_model(p, q, gamma)
    res = churn.probabilistic_clv(bg, gg, [0], [0], [0], [0], horizon=H, period_length=L, discount=d)
    assert se < 0.02 * est
    assert res.table["clv"].iloc[0] == pytest.approx(est, abs=4 * se)
    # undiscounted: E[X(H L)] for a new customer times the population mean spend p gamma / (q - 1)
    flat = churn.probabilistic_clv(bg, gg, [0], [0], [0], [0], horizon=H, period_length=L, discount=0.0)
    assert flat.table["clv"].iloc[0] == pytest.approx(bg.expected_purchases_new(H * L) * p * gamma / (q - 1))


@pytest.mark.parametrize("x, tx, T, mbar", [(2, 30.43, 38.86, 22.35), (7, 29.43, 38.86, 73.74), (1, 5.0, 38.86, 11.77)])
def test_existing_customer_against_posterior_simulation(x, tx, T, mbar):
    # Importance sampling from the prior with the individual likelihood (FHL 2005a, eq. 3):
    # L = (1-p)^x lam^x e^{-lam T} [alive at T] + p (1-p)^(x-1) lam^x e^{-lam t_x} [left at t_x].
    # Only the alive part buys in the future; spend's rate nu has posterior Gamma(p x + q, gamma + x mbar).
    rng = np.random.default_rng(7)
    r, alpha, a, b = (BG.params[k] for k in ("r", "alpha", "a", "b"))
    p, q, gamma = (GG.params[k] for k in ("p", "q", "gamma"))
    H, L, d, n = 12, 4.345, 0.01, 200_000
    lam = rng.gamma(r, 1 / alpha, n)
    drop = rng.beta(a, b, n)
    alive_w = (1 - drop) ** x * lam ** x * np.exp(-lam * T)
    dead_w = drop * (1 - drop) ** (x - 1) * lam ** x * np.exp(-lam * tx)
    total_w = alive_w + dead_w
    keep = alive_w > alive_w.max() * 1e-8  # the rest carry no weight worth simulating
    nu = rng.gamma(p * x + q, 1 / (gamma + x * mbar), keep.sum())
    value = np.zeros(n)
    value[keep] = _simulate_forward(rng, lam[keep], drop[keep], nu, p, H, L, d)
    est = (alive_w * value).sum() / total_w.sum()
    # delta-method standard error of the self-normalised (ratio) estimator
    w = total_w / total_w.sum()
    y = np.where(total_w > 0, alive_w / np.where(total_w > 0, total_w, 1) * value, 0.0)
    se = np.sqrt(np.sum(w**2 * (y - est) ** 2))
    res = churn.probabilistic_clv(BG, GG, [x], [tx], [T], [mbar], horizon=H, period_length=L, discount=d)
    assert se < 0.03 * est
    assert res.table["clv"].iloc[0] == pytest.approx(est, abs=4 * se)


customers = st.tuples(st.integers(0, 20), st.floats(0, 1), st.floats(1, 80), st.floats(1, 200))
models = st.tuples(st.floats(0.1, 3), st.floats(0.5, 20), st.floats(0.2, 3).filter(lambda v: abs(v - 1) > 0.05),
                   st.floats(0.5, 5), st.floats(1, 10), st.floats(1.5, 6), st.floats(1, 50))


@settings(max_examples=fuzz_examples(40), deadline=None)
@given(models, customers, st.integers(1, 24), st.integers(1, 12), st.floats(-0.5, 0.5), st.floats(0, 0.5))
def test_clv_monotone_in_horizon_and_discount(model, customer, horizon, extra, discount, step):
    r, alpha, a, b, p, q, gamma = model
    x, share, T, mbar = customer
    tx = share * T if x > 0 else 0.0
    bg, gg = _model(r, alpha, a, b), _spend_model(p, q, gamma)

    def value(h, d):
        return churn.probabilistic_clv(bg, gg, [x], [tx], [T], [mbar], horizon=h, discount=d).table["clv"].iloc[0]

    base = value(horizon, discount)
    assert base >= 0
    assert value(horizon + extra, discount) >= base * (1 - 1e-12)
    assert value(horizon, discount + step) <= base * (1 + 1e-12)


def test_missing_rows_are_dropped_and_reported():
    res = churn.probabilistic_clv(BG, GG, pd.Series([2, None, 0], index=["a", "b", "c"]), [30.43, 1, 0],
                                  [38.86, 5, 20], [22.35, 3, 0])
    assert list(res.table.index) == ["a", "c"]
    assert res.n == 2 and res.n_dropped == 1
    assert res.dropped == {"missing frequency, recency, T or monetary": 1}


def test_result_states_assumptions():
    res = churn.probabilistic_clv(BG, GG, [2], [30.43], [38.86], [22.35], horizon=6, discount=0.02, margin=0.25)
    text = str(res)
    assert "6 future periods of 4.345 time units" in text
    assert "(1 + 0.02)^t" in text and "0.25 x spend" in text
    assert f"p*gamma/(q-1) = {6.25 * 15.44 / 2.74:.4g}" in text


@pytest.mark.parametrize("kwargs, match", [
    (dict(frequency=[1, 2], recency=[1], T=[5, 5], monetary=[3, 4]), "same length"),
    (dict(frequency=[1, 2], recency=[1, 1], T=[5, 5], monetary=[3]), "same length"),
    (dict(frequency=[1, -2], recency=[1, 1], T=[5, 5], monetary=[3, 4]), "frequency must not be negative"),
    (dict(frequency=[1, 2], recency=[1, -1], T=[5, 5], monetary=[3, 4]), "recency must not be negative"),
    (dict(frequency=[1, 2], recency=[1, 1], T=[5, 5], monetary=[3, -4]), "monetary must not be negative"),
    (dict(frequency=[1, 2], recency=[1, 6], T=[5, 5], monetary=[3, 4]), r"recency > T"),
    (dict(frequency=[1.5], recency=[1], T=[5], monetary=[3]), "whole numbers"),
    (dict(frequency=["two"], recency=[1], T=[5], monetary=[3]), "'frequency' must be numeric"),
    (dict(discount=-1), "discount must be above -1"),
    (dict(discount=-1.5), "discount must be above -1"),
    (dict(horizon=0), "horizon must be a whole number of periods, at least 1"),
    (dict(horizon=2.5), "horizon must be a whole number"),
    (dict(margin=0), r"margin must be a share of spend in \(0, 1\]"),
    (dict(margin=30), r"margin must be a share of spend in \(0, 1\]"),
    (dict(period_length=0), "period_length must be positive"),
])
def test_bad_input(kwargs, match):
    args = dict(frequency=[2], recency=[30.43], T=[38.86], monetary=[22.35])
    args.update(kwargs)
    with pytest.raises(CsatInputError, match=match):
        churn.probabilistic_clv(BG, GG, **args)


def test_bad_models():
    data = ([2], [30.43], [38.86], [22.35])
    with pytest.raises(CsatInputError, match="q = 0.8; the expected spend .* only for q > 1"):
        churn.probabilistic_clv(BG, _spend_model_raw(0.8), *data)
    with pytest.raises(CsatInputError, match="swapped: pass the BG/NBD fit first"):
        churn.probabilistic_clv(GG, BG, *data)
    with pytest.raises(CsatInputError, match="bgnbd must be a fit from fit_bgnbd"):
        churn.probabilistic_clv({"r": 1}, GG, *data)
    with pytest.raises(CsatInputError, match="gamma_gamma must be a fit from fit_gamma_gamma"):
        churn.probabilistic_clv(BG, BG, *data)


def _spend_model_raw(q):
    return GammaGammaModel({"p": 6.25, "q": q, "gamma": 15.44}, 0.0, float("inf"), 0, 0, {}, "")
