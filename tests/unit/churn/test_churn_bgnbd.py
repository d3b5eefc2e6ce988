"""BG/NBD and Gamma-Gamma on CDNOW against the published parameters; transaction summary."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csat_lab import churn
from csat_lab.churn.bgnbd import BGNBDModel
from csat_lab.errors import CsatConvergenceError, CsatInputError

CDNOW = Path(__file__).resolve().parents[3].parent / "shared" / "reference-data" / "cdnow"


@pytest.fixture(scope="module")
def summary():
    path = CDNOW / "cdnow_customers_summary.csv"
    if not path.exists():
        pytest.skip(f"reference data not found at {path}")
    return pd.read_csv(path)


@pytest.fixture(scope="module")
def sample_log():
    path = CDNOW / "CDNOW_sample.txt"
    if not path.exists():
        pytest.skip(f"reference data not found at {path}")
    log = pd.read_csv(path, sep=r"\s+", header=None, names=["master_id", "customer", "date", "cds", "amount"],
                      dtype={"date": str})
    log["date"] = pd.to_datetime(log["date"], format="%Y%m%d")
    return log


def test_bgnbd_cdnow_published_parameters(summary):
    m = churn.fit_bgnbd(summary["frequency"], summary["recency"], summary["T"])
    # Fader, Hardie & Lee (2005), Marketing Science 24(2), p. 279: r = 0.243, alpha = 4.414,
    # a = 0.793, b = 2.426, LL = -9582.4 on the 2,357 CDNOW sample customers (39-week calibration)
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for k, v in published.items():
        assert m.params[k] == pytest.approx(v, abs=0.001)
    assert m.loglik == pytest.approx(-9582.4, abs=0.05)
    assert m.n == 2357
    assert m.estimate is m.params


def test_bgnbd_from_data_columns_published_parameters(summary):
    # the same published fit (FHL 2005, p. 279) from the table's columns, named or by default
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    renamed = summary.rename(columns={"frequency": "x", "recency": "t_x", "T": "age"})
    for m in (churn.fit_bgnbd(data=summary), churn.fit_bgnbd(summary),
              churn.fit_bgnbd("x", "t_x", "age", data=renamed)):
        for k, v in published.items():
            assert m.params[k] == pytest.approx(v, abs=0.001)
        assert m.n == 2357


def test_bgnbd_column_names_need_data():
    with pytest.raises(CsatInputError, match="frequency='frequency' is a column name; pass data="):
        churn.fit_bgnbd()
    with pytest.raises(CsatInputError, match="no column 'x'"):
        churn.fit_bgnbd("x", data=pd.DataFrame({"recency": [0], "T": [1]}))


def test_model_methods_read_columns():
    # FHL (2005a), p. 281: x = 2, t_x = 30.43, T = 38.86 -> 1.226 repeat purchases in 39 weeks
    m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
    one = pd.DataFrame({"frequency": [2], "recency": [30.43], "T": [38.86]})
    assert m.expected_purchases(39, data=one)[0] == pytest.approx(1.226, abs=5e-4)
    # P(alive) by hand: 1 / (1 + a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x))
    hand = 1 / (1 + 0.793 / (2.426 + 1) * ((4.414 + 38.86) / (4.414 + 30.43)) ** (0.243 + 2))
    assert m.p_alive(data=one)[0] == pytest.approx(hand)


def test_bgnbd_conditional_expectation_published():
    # FHL (2005), p. 281: the customer with x = 2, t_x = 30.43, T = 38.86 is expected to make
    # 1.226 repeat purchases in the next 39 weeks
    m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
    assert m.expected_purchases(39, [2], [30.43], [38.86])[0] == pytest.approx(1.226, abs=5e-4)


def test_bgnbd_expectations_against_simulation():
    # independent check: simulate the BG/NBD story itself and compare E[X(t)] and P(alive)
    rng = np.random.default_rng(11)
    params = {"r": 0.8, "alpha": 3.0, "a": 1.5, "b": 3.0}
    n, T = 40_000, 20.0
    lam = rng.gamma(params["r"], 1 / params["alpha"], n)
    p = rng.beta(params["a"], params["b"], n)
    x = np.zeros(n, dtype=int)
    last = np.zeros(n)
    alive = np.ones(n, dtype=bool)
    t = np.zeros(n)
    active = np.ones(n, dtype=bool)
    while active.any():
        t[active] += rng.exponential(1 / lam[active])
        bought = active & (t <= T)
        x[bought] += 1
        last[bought] = t[bought]
        dies = bought & (rng.random(n) < p)
        alive[dies] = False
        active = bought & ~dies
    model = BGNBDModel(params, 0.0, 0, 0, {}, "")
    assert x.mean() == pytest.approx(model.expected_purchases_new(T), rel=0.03)
    pa = model.p_alive(x, last, np.full(n, T))
    for lo, hi in ((0.0, 0.5), (0.5, 0.9)):
        sel = (pa >= lo) & (pa < hi)
        assert alive[sel].mean() == pytest.approx(pa[sel].mean(), abs=0.02)


def test_bgnbd_nonconvergence_carries_optimizer_message(summary):
    with pytest.raises(CsatConvergenceError, match="did not converge: .*ITERATIONS"):
        churn.fit_bgnbd(summary["frequency"], summary["recency"], summary["T"], maxiter=1)


@pytest.mark.parametrize("x, tx, T, match", [
    ([1, -1], [1, 0], [5, 5], "whole numbers >= 0"),
    ([1, 0], [6, 0], [5, 5], "between 0 and T"),
    ([0, 1], [2, 1], [5, 5], "frequency 0 must have recency 0"),
    ([1, 1], [1], [5, 5], "same length"),
])
def test_bgnbd_bad_input(x, tx, T, match):
    with pytest.raises(CsatInputError, match=match):
        churn.fit_bgnbd(x, tx, T)


def test_summary_from_transactions_matches_cdnow_summary(sample_log, summary):
    s = churn.summary_from_transactions(sample_log, customer="customer", date="date", amount="amount",
                                        now="1997-09-30")
    t = s.table.reindex(summary["ID"])
    assert (t["frequency"].to_numpy() == summary["frequency"].to_numpy()).all()
    np.testing.assert_allclose(t["recency"], summary["recency"], atol=0.005)  # csv rounds to 2 d.p.
    np.testing.assert_allclose(t["T"], summary["T"], atol=0.005)
    assert s.dropped["after the end of observation, now (rows)"] == (sample_log["date"] > "1997-09-30").sum()


def test_gamma_gamma_cdnow_published(sample_log):
    summary = churn.summary_from_transactions(sample_log, customer="customer", date="date", amount="amount",
                                              now="1997-09-30")
    s = summary.table
    g = churn.fit_gamma_gamma(s["frequency"], s["monetary_value"])
    # Fader & Hardie (2013), "The Gamma-Gamma Model of Monetary Value" (brucehardie.com note 025):
    # p = 6.25, q = 3.74, gamma = 15.44 on the 946 repeat buyers; LL = -4055.9177 (CLVTools test suite)
    assert g.n == 946
    assert g.params["p"] == pytest.approx(6.25, abs=0.005)
    assert g.params["q"] == pytest.approx(3.74, abs=0.006)
    assert g.params["gamma"] == pytest.approx(15.44, abs=0.006)
    assert g.loglik == pytest.approx(-4055.9177, abs=1e-3)
    # E[M] = p gamma / (q - 1) and the conditional mean by hand for one customer
    p, q, gm = (g.params[k] for k in ("p", "q", "gamma"))
    assert g.mean_spend == pytest.approx(p * gm / (q - 1))
    assert g.conditional_expected_spend([3], [40.0])[0] == pytest.approx(p * (gm + 120) / (3 * p + q - 1))
    assert g.estimate is g.params
    # the same published fit from the summary's columns (or the summary itself)
    for fit in (churn.fit_gamma_gamma(data=s), churn.fit_gamma_gamma(summary),
                churn.fit_gamma_gamma("f", "m", data=s.rename(columns={"frequency": "f", "monetary_value": "m"}))):
        assert fit.n == 946
        assert fit.params["p"] == pytest.approx(6.25, abs=0.005)
        assert fit.loglik == pytest.approx(-4055.9177, abs=1e-3)
    one = pd.DataFrame({"frequency": [3], "monetary_value": [40.0]})
    assert g.conditional_expected_spend(data=one)[0] == pytest.approx(p * (gm + 120) / (3 * p + q - 1))


def test_gamma_gamma_bad_input():
    with pytest.raises(CsatInputError, match="must be positive"):
        churn.fit_gamma_gamma([1, 2, 3], [10, -5, 3])
    with pytest.raises(CsatInputError, match="at least 3 repeat buyers"):
        churn.fit_gamma_gamma([0, 0, 2], [0, 0, 3])


def test_weights_of_a_compressed_summary_give_the_uncompressed_fit(summary):
    """cl.datasets CDNOW log: the compressed summary with weights fits the same parameters as the full one."""
    import csat_lab as cl

    log = cl.datasets.load("cdnow")
    full = cl.churn.summary_from_transactions(log, now="1997-09-30")
    small = cl.churn.summary_from_transactions(log, now="1997-09-30", compress=True)
    assert len(small.table) < len(full.table) / 2 and small.table["weight"].sum() == len(full.table)
    ones = cl.churn.fit_bgnbd(data=full, weights=np.ones(len(full.table)))
    b = cl.churn.fit_bgnbd(data=small)  # the weight column is used by itself
    c = cl.churn.fit_bgnbd("frequency", "recency", "T", data=small.table, weights="weight")
    plain = cl.churn.fit_bgnbd(data=full)
    for k in ones.params:
        assert b.params[k] == pytest.approx(ones.params[k], rel=1e-6)
        assert c.params[k] == pytest.approx(ones.params[k], rel=1e-6)
        # the unweighted path sums in another order; L-BFGS-B stops within its tolerance of the same optimum
        assert b.params[k] == pytest.approx(plain.params[k], rel=1e-3)
    assert b.n == plain.n == len(full.table)
    # the published sample (FHL 2005, p. 279), compressed by hand with value_counts: same published values
    counts = summary[["frequency", "recency", "T"]].value_counts().rename("w").reset_index()
    m = churn.fit_bgnbd(counts["frequency"], counts["recency"], counts["T"], weights=counts["w"])
    for k, v in {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}.items():
        assert m.params[k] == pytest.approx(v, abs=0.001)
    assert m.loglik == pytest.approx(-9582.4, abs=0.05)
    assert m.n == 2357


def test_weights_in_gamma_gamma_equal_repeating_the_rows():
    rng = np.random.default_rng(7)
    x = rng.integers(1, 6, 300)
    m = np.round(rng.gamma(6.0, 1.0 / rng.gamma(4.0, 1 / 15.0, 300)), 0) + 1.0
    table = pd.DataFrame({"x": x, "m": m})
    counts = table.value_counts().rename("w").reset_index()
    assert len(counts) < len(table)
    expanded = churn.fit_gamma_gamma(table["x"], table["m"], weights=np.ones(len(table)))
    weighted = churn.fit_gamma_gamma(counts["x"], counts["m"], weights=counts["w"])
    plain = churn.fit_gamma_gamma(table["x"], table["m"])
    for k in expanded.params:
        assert weighted.params[k] == pytest.approx(expanded.params[k], rel=1e-6)
        assert weighted.params[k] == pytest.approx(plain.params[k], rel=1e-3)
    assert weighted.n == expanded.n == 300
    with pytest.raises(CsatInputError, match="weights must be finite numbers >= 0"):
        churn.fit_gamma_gamma(counts["x"], counts["m"], weights=-counts["w"])
