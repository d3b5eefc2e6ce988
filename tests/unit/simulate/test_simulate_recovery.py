"""The intended estimator, run with independent tools, recovers each synthetic dataset's true parameters.

Tolerances are the ones stated in the data cards. The data are the shipped files (loaded with
``cl.datasets.load``); the truths come from the generating functions at their default seeds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import minimize
from scipy.special import betaln, gammaln

import csat_lab as cl
from csat_lab import simulate

sm = pytest.importorskip("statsmodels.api")
from statsmodels.miscmodels.ordinal_model import OrderedModel  # noqa: E402


def _within(fit, truth: dict[str, float], k: float = 3.0) -> None:
    for name, value in truth.items():
        est, se = fit.params[name], fit.bse[name]
        assert abs(est - value) <= k * se, f"{name}: estimate {est:.3f} (SE {se:.3f}) vs true {value}"


def _ordered_logit(y: pd.Series, exog: pd.DataFrame):
    return OrderedModel(y.astype(int).to_numpy(), exog.astype(float), distr="logit").fit(method="bfgs", disp=False, maxiter=2000)


# --- csat_tracker -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tracker():
    frame = cl.datasets.load("csat_tracker")
    return frame, simulate.csat_tracker()[1]


def _clean_tracker(frame: pd.DataFrame) -> pd.DataFrame:
    items = frame[[f"q{j}" for j in range(1, 7)]].astype(int)
    unique = ~frame.duplicated()
    speeder = frame["duration_sec"] < 60
    flat = items.nunique(axis=1) == 1
    valid = frame["csat"].between(1, 5)
    return frame[unique & ~speeder & ~flat & valid]


def test_tracker_data_quality_problems_are_all_findable(tracker):
    frame, truth = tracker
    unique = frame[~frame.duplicated()]
    items = unique[[f"q{j}" for j in range(1, 7)]].astype(int)
    assert frame.duplicated().sum() == truth["duplicates"] == 24
    speeder = unique["duration_sec"] < 60
    assert speeder.sum() == truth["speeders"] == 72
    # A speeder's random answers can happen to be flat too; count straight-lining among the rest.
    assert ((items.nunique(axis=1) == 1) & ~speeder).sum() == truth["straight_liners"] == 60
    assert (~unique["csat"].between(1, 5)).sum() == truth["out_of_range_csat"] == 36


def test_tracker_weighted_top2_box_recovers_population_share(tracker):
    frame, truth = tracker
    clean = _clean_tracker(frame)
    top2 = clean["csat"] >= 4
    for wave, true in truth["csat_top2_by_wave"].items():
        in_wave = clean["wave"] == wave
        w = clean.loc[in_wave, "weight"]
        estimate = np.average(top2[in_wave], weights=w)
        assert abs(estimate - true) <= 0.06, (wave, estimate, true)


def test_tracker_weighted_nps_recovers_population_nps(tracker):
    frame, truth = tracker
    clean = _clean_tracker(frame).dropna(subset=["nps"])
    nps = clean["nps"].astype(int)
    net = np.where(nps >= 9, 100, np.where(nps <= 6, -100, 0))
    for wave, true in truth["nps_by_wave"].items():
        in_wave = (clean["wave"] == wave).to_numpy()
        estimate = np.average(net[in_wave], weights=clean["weight"].to_numpy()[in_wave])
        assert abs(estimate - true) <= 13, (wave, estimate, true)


def test_tracker_reverse_item_correlates_negatively(tracker):
    frame, truth = tracker
    clean = _clean_tracker(frame)
    items = clean[[f"q{j}" for j in range(1, 7)]].astype(int)
    rest = items.drop(columns=truth["reversed_item"]).mean(axis=1)
    assert items[truth["reversed_item"]].corr(rest) < -0.3
    assert all(items[c].corr(rest) > 0.3 for c in items if c != truth["reversed_item"])


# --- complaints_log -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def complaints():
    return cl.datasets.load("complaints_log"), simulate.complaints_log()[1]


def test_complaints_ordered_logit_recovers_step_effects(complaints):
    frame, truth = complaints
    done = frame[frame["handling_satisfaction"].notna()]
    exog = done[list(truth["step_effect"])].astype(int)
    exog["medium"] = (done["severity"] == "medium").astype(int)
    exog["high"] = (done["severity"] == "high").astype(int)
    exog["log_hours"] = np.log((done["resolved_at"] - done["received_at"]).dt.total_seconds() / 3600)
    exog["compensated"] = (done["compensation"] > 0).astype(int)
    fit = _ordered_logit(done["handling_satisfaction"], exog)
    _within(
        fit,
        {
            **truth["step_effect"],
            "medium": truth["severity_effect"]["medium"],
            "high": truth["severity_effect"]["high"],
            "log_hours": truth["log_hours_effect"],
            "compensated": truth["compensation_effect"],
        },
    )


def test_complaints_repurchase_rate_and_recovery_slope(complaints):
    frame, truth = complaints
    rate = frame.loc[~frame["complained"], "repurchased"].mean()
    assert abs(rate - truth["repurchase_rate_no_complaint"]) <= 0.03
    done = frame[frame["handling_satisfaction"].notna()]
    x = sm.add_constant(pd.DataFrame({"points": done["handling_satisfaction"].astype(int) - 3}))
    fit = sm.Logit(done["repurchased"].astype(int), x).fit(disp=False)
    logit = truth["repurchase_logit"]
    _within(fit, {"const": logit["intercept"] + logit["complained"], "points": logit["per_satisfaction_point"]})


# --- telecom_subscribers ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def telecom():
    return cl.datasets.load("telecom_subscribers"), simulate.telecom_subscribers()[1]


def test_telecom_exponential_hazards_recovered_by_poisson_glm(telecom):
    frame, truth = telecom
    end = pd.Timestamp(truth["observation_end"])
    exposure = (frame["end_date"].fillna(end) - frame["start_date"]).dt.days / 30.4375
    keep = exposure > 0
    x = pd.get_dummies(frame["contract"]).astype(float)
    x["sat"] = frame["sat_wave1"].astype(int) - 3
    fit = sm.GLM(frame["churned"].astype(int)[keep], x[keep], family=sm.families.Poisson(), offset=np.log(exposure[keep])).fit()
    _within(fit, {**{c: np.log(h) for c, h in truth["base_hazard"].items()}, "sat": truth["sat_log_hazard_ratio"]})


def test_telecom_customer_based_churn_rate_2024(telecom):
    frame, truth = telecom
    start = pd.Timestamp("2024-01-01")
    active = (frame["start_date"] < start) & (frame["end_date"].isna() | (frame["end_date"] >= start))
    lost = active & frame["churned"]
    rate = lost.sum() / active.sum()
    p = truth["expected_churn_rate_2024"]
    assert active.sum() == truth["active_2024_01_01"]
    assert abs(rate - p) <= 3 * np.sqrt(p * (1 - p) / active.sum())


def test_telecom_churn_type_shares(telecom):
    frame, truth = telecom
    shares = frame.loc[frame["churned"], "churn_type"].value_counts(normalize=True)
    for kind, share in truth["churn_type_share"].items():
        assert abs(shares[kind] - share) <= 0.05, kind
    assert frame.loc[frame["churn_type"] == "forced", "churn_reason"].eq("involuntary").all()


# --- supermarket_members ------------------------------------------------------------------------


def _bgnbd_negative_loglik(log_params: np.ndarray, x: np.ndarray, t_x: np.ndarray, t: np.ndarray) -> float:
    """BG/NBD likelihood, Fader, Hardie & Lee (2005), equation (6)."""
    r, alpha, a, b = np.exp(log_params)
    common = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    alive = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + t)
    dropped = np.where(x > 0, betaln(a + 1, b + np.maximum(x, 1) - 1) - betaln(a, b) - (r + x) * np.log(alpha + t_x), -np.inf)
    return -float(np.sum(common + np.logaddexp(alive, dropped)))


@pytest.fixture(scope="module")
def supermarket():
    return cl.datasets.load("supermarket_members"), simulate.supermarket_members()[1]


def test_supermarket_bgnbd_parameters_recovered(supermarket):
    frame, truth = supermarket
    cut = pd.Timestamp(truth["calibration_end"])
    buys = frame[(frame["amount"] > 0) & (frame["date"] < cut)]
    per = buys.groupby("member_id").agg(n=("date", "size"), last=("date", "max"), join=("join_date", "first"))
    x = (per["n"] - 1).to_numpy(float)
    t_x = ((per["last"] - per["join"]).dt.days / 7).to_numpy()
    t = ((cut - per["join"]).dt.days / 7).to_numpy()
    assert len(per) == truth["n_members"]
    fit = minimize(_bgnbd_negative_loglik, np.zeros(4), args=(x, t_x, t), method="L-BFGS-B")
    assert fit.success, fit.message
    r, alpha, a, b = np.exp(fit.x)
    true = truth["bgnbd"]
    for name, est, tol in (("r", r, 0.15), ("alpha", alpha, 0.15), ("a", a, 0.15), ("b", b, 0.25)):
        assert abs(est / true[name] - 1) <= tol, (name, est, true[name])


def test_supermarket_coupon_rates_and_refunds(supermarket):
    frame, truth = supermarket
    buys = frame[frame["amount"] > 0]
    rates = buys.groupby("programme", observed=True)["coupon_used"].mean()
    for period, rate in truth["coupon_rate"].items():
        assert abs(rates[period] - rate) <= 0.02
    refunds = frame[frame["amount"] < 0]
    assert len(refunds) == truth["n_refunds"]
    assert abs(len(refunds) / len(buys) - truth["refund_rate"]) <= 0.003


def test_supermarket_within_member_spend_uplift(supermarket):
    """Under the Gamma-Gamma model a multiplicative uplift shifts E[log amount] by log(uplift) for each member."""
    frame, truth = supermarket
    buys = frame[frame["amount"] > 0].assign(log_amount=lambda d: np.log(d["amount"]))
    means = buys.pivot_table(index="member_id", columns="programme", values="log_amount", aggfunc="mean", observed=True).dropna()
    uplift = np.exp((means["after"] - means["before"]).mean())
    assert abs(uplift - truth["spend_uplift"]) <= 0.03


# --- auto_dealer ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dealer():
    return cl.datasets.load("auto_dealer"), simulate.auto_dealer()[1]


@pytest.mark.parametrize("visit, prefix, key", [("sales", "sales", "sales_gap_weight"), ("service", "repair", "repair_gap_weight")])
def test_dealer_gap_weights_recovered(dealer, visit, prefix, key):
    frame, truth = dealer
    rows = frame[frame["visit"] == visit]
    gaps = pd.DataFrame({item: rows[f"perf_{prefix}_{item}"].astype(int) - rows[f"exp_{prefix}_{item}"].astype(int) for item in truth[key]})
    fit = _ordered_logit(rows["overall_satisfaction"], gaps)
    _within(fit, truth[key])


def test_dealer_nonlinear_repurchase_curve(dealer):
    frame, truth = dealer
    level = frame["overall_satisfaction"].astype(int)
    x = pd.get_dummies(level, prefix="s", dtype=float)
    fit = sm.Logit(frame["repurchase"].astype(int), x).fit(disp=False)
    predicted = fit.predict(pd.get_dummies(pd.Series(range(1, 6)), prefix="s", dtype=float))
    counts = level.value_counts().sort_index()
    for k, p in truth["repurchase_by_level"].items():
        se = np.sqrt(p * (1 - p) / counts[k])
        assert abs(predicted[k - 1] - p) <= 3 * se, (k, predicted[k - 1], p)
    # Delta-method 95% interval of log(p5 / p4) contains log 6.
    p4, p5 = predicted[3], predicted[4]
    se_log = np.sqrt((1 - p4) / (p4 * counts[4]) + (1 - p5) / (p5 * counts[5]))
    assert abs(np.log(p5 / p4) - np.log(6.0)) <= 1.96 * se_log


# --- hotel_guests --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hotel():
    return cl.datasets.load("hotel_guests"), simulate.hotel_guests()[1]


def test_hotel_return_logit_recovered(hotel):
    frame, truth = hotel
    rows = frame[frame["returned_next_year"].notna()]
    x = sm.add_constant(
        pd.DataFrame(
            {
                "satisfaction": rows["satisfaction"].astype(int) - 3,
                "personalised": rows["personalised"].astype(int),
                "log_rate": np.log(rows["room_rate"] / 1200),
            }
        )
    )
    fit = sm.Logit(rows["returned_next_year"].astype(int), x).fit(disp=False)
    logit = truth["return_logit"]
    _within(
        fit,
        {"const": logit["intercept"], "satisfaction": logit["per_satisfaction_point"], "personalised": logit["personalised"], "log_rate": logit["log_rate"]},
    )


def test_hotel_satisfaction_gap_weights_recovered(hotel):
    frame, truth = hotel
    gaps = pd.DataFrame({d: frame[f"per_{d}"].astype(int) - frame[f"exp_{d}"].astype(int) for d in truth["gap_weight"]})
    gaps["personalised"] = frame["personalised"].astype(int)
    fit = _ordered_logit(frame["satisfaction"], gaps)
    _within(fit, {**truth["gap_weight"], "personalised": truth["personalised_effect"]})


# --- kano_features -------------------------------------------------------------------------------

# Kano evaluation table (Berger et al., 1993), written out independently of csat_lab.
_TABLE = {
    "Like": {"Like": "Q", "Must-be": "A", "Neutral": "A", "Live with": "A", "Dislike": "O"},
    "Must-be": {"Like": "R", "Must-be": "I", "Neutral": "I", "Live with": "I", "Dislike": "M"},
    "Neutral": {"Like": "R", "Must-be": "I", "Neutral": "I", "Live with": "I", "Dislike": "M"},
    "Live with": {"Like": "R", "Must-be": "I", "Neutral": "I", "Live with": "I", "Dislike": "M"},
    "Dislike": {"Like": "R", "Must-be": "R", "Neutral": "R", "Live with": "R", "Dislike": "Q"},
}


def test_kano_classes_and_coefficients_recovered():
    frame = cl.datasets.load("kano_features")
    truth = simulate.kano_features()[1]
    klass = [_TABLE[f][d] for f, d in zip(frame["functional"].astype(str), frame["dysfunctional"].astype(str))]
    shares = pd.crosstab(frame["feature"].astype(str), pd.Series(klass, name="class"), normalize="index")
    for feature, true in truth["class_share"].items():
        for code, p in true.items():
            assert abs(shares.loc[feature].get(code, 0.0) - p) <= 0.09, (feature, code)
        s = shares.loc[feature]
        base = s.get("A", 0) + s.get("O", 0) + s.get("M", 0) + s.get("I", 0)
        assert abs((s.get("A", 0) + s.get("O", 0)) / base - truth["better"][feature]) <= 0.09
        assert abs(-(s.get("O", 0) + s.get("M", 0)) / base - truth["worse"][feature]) <= 0.09
        if feature != "welcome_fruit":
            assert s.idxmax() == truth["modal_class"][feature], feature
