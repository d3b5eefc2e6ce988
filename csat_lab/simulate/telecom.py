"""Data-generating process of ``telecom_subscribers``: contractual subscriptions and churn."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core.validate import rng_from
from ._common import cut_latent, respondents

__all__ = ["telecom_subscribers", "CHURN_TYPES", "CHURN_REASONS"]

CONTRACTS = ("month_to_month", "one_year", "two_year")
CONTRACT_SHARE = np.array([0.5, 0.3, 0.2])
BASE_HAZARD = np.array([0.030, 0.012, 0.006])
SAT_LOG_HAZARD = -0.35
PLANS = ("basic", "standard", "premium")
PLAN_SHARE = np.array([0.45, 0.35, 0.20])
PLAN_FEE = np.array([39.0, 69.0, 119.0])
PLAN_SAT = np.array([0.0, 0.2, 0.4])
SAT_THRESHOLDS = np.array([-1.9, -1.0, 0.0, 1.1])
COMPLAINTS_PER_MONTH = 0.03
SAT_LOG_COMPLAINTS = -0.4
DAYS_PER_MONTH = 30.4375
OBS_START, OBS_END = pd.Timestamp("2019-01-01"), pd.Timestamp("2025-01-01")
CHURN_TYPES = ("dropped_by_firm", "left_on_own", "poached", "lured_away", "forced", "other")
TYPE_SHARE = np.array([0.08, 0.30, 0.15, 0.25, 0.12, 0.10])
CHURN_REASONS = (
    "core_service_failure",
    "salesperson_failure",
    "price",
    "inconvenience",
    "failure_response",
    "competition",
    "ethical",
    "involuntary",
)
REASON_GIVEN_TYPE = np.array(
    [
        [0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.40, 0.60],
        [0.35, 0.10, 0.10, 0.25, 0.20, 0.00, 0.00, 0.00],
        [0.00, 0.00, 0.30, 0.00, 0.00, 0.70, 0.00, 0.00],
        [0.00, 0.00, 0.50, 0.00, 0.00, 0.50, 0.00, 0.00],
        [0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 1.00],
        [0.20, 0.10, 0.20, 0.20, 0.10, 0.10, 0.10, 0.00],
    ]
)


def _later_wave(rng: np.random.Generator, latent: np.ndarray, reached: np.ndarray) -> tuple[np.ndarray, pd.array]:
    latent = latent + 0.5 * rng.standard_normal(latent.size)
    answered = reached & (rng.random(latent.size) < 0.8)
    codes = cut_latent(latent, SAT_THRESHOLDS)
    return latent, pd.array(np.where(answered, codes, pd.NA), dtype="Int64")


def telecom_subscribers(seed: int | np.random.Generator = 20250101, n: int = 3000) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate contractual subscribers with satisfaction waves and churn (exponential hazards).

    Subscribers join uniformly over 2019-2024. Onboarding satisfaction ``sat_wave1`` is an
    ordered probit of a plan effect plus N(0, 1). Each subscriber's lifetime in months is
    exponential with hazard (proportional hazards, Cox 1972)::

        h_i = h0[contract] * exp(beta * (sat_wave1 - 3))

    and is censored at 2025-01-01. Satisfaction is surveyed again at months 12 and 24
    (80% answer; latent drifts by N(0, 0.5²)). Complaints are Poisson with rate
    0.03 exp(-0.4 (sat_wave1 - 3)) per month. A churned subscriber gets one of the six
    lost-customer types and, given the type, one of the eight churn factors.
    ``value_tier`` is high for the top 20% of revenue to date, medium for the next 30%.

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20250101
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``telecom_subscribers`` dataset.
    n : int, default 3000
        Number of subscribers (10 to 1,000,000).

    Returns
    -------
    (DataFrame, dict)
        Subscribers and the true parameters (base monthly hazards, log hazard ratio per
        satisfaction point, churn-type shares, reason table, expected 2024 churn rate).

    Examples
    --------
    >>> frame, truth = telecom_subscribers(seed=1, n=100)
    >>> frame.shape
    (100, 15)
    >>> truth["base_hazard"]["month_to_month"]
    0.03
    """
    rng = rng_from(seed)
    n = respondents(n, 10, 1_000_000)
    start = OBS_START + pd.to_timedelta(np.sort(rng.integers(0, (OBS_END - OBS_START).days, n)), unit="D")
    contract = rng.choice(len(CONTRACTS), size=n, p=CONTRACT_SHARE)
    plan = rng.choice(len(PLANS), size=n, p=PLAN_SHARE)
    fee = np.round(PLAN_FEE[plan] - 5.0 * (contract == 2) + rng.normal(0, 4, n), 2)
    latent = PLAN_SAT[plan] + rng.standard_normal(n)
    sat1 = cut_latent(latent, SAT_THRESHOLDS)
    hazard = BASE_HAZARD[contract] * np.exp(SAT_LOG_HAZARD * (sat1 - 3))
    months = rng.exponential(1 / hazard)
    # Lifetimes beyond the observation window are censored anyway; capping them keeps dates in range.
    end = pd.Series(start + pd.to_timedelta(np.round(np.minimum(months, 1200) * DAYS_PER_MONTH), unit="D"))
    churned = (end < OBS_END).to_numpy()
    stop = end.where(churned, OBS_END)
    tenure = np.floor((stop - pd.Series(start)).dt.days.to_numpy() / DAYS_PER_MONTH).astype(int)

    latent2, sat2 = _later_wave(rng, latent, tenure >= 12)
    _, sat3 = _later_wave(rng, latent2, tenure >= 24)
    complaints = rng.poisson(COMPLAINTS_PER_MONTH * np.exp(SAT_LOG_COMPLAINTS * (sat1 - 3)) * np.maximum(tenure, 1))
    kind = rng.choice(len(CHURN_TYPES), size=n, p=TYPE_SHARE)
    cumulative = REASON_GIVEN_TYPE[kind].cumsum(axis=1)
    reason = (rng.random(n)[:, None] > cumulative).sum(axis=1)
    revenue = fee * np.maximum(tenure, 1)
    rank = pd.Series(revenue).rank(pct=True, method="first").to_numpy()
    tier = np.where(rank > 0.8, "high", np.where(rank > 0.5, "medium", "low"))

    frame = pd.DataFrame(
        {
            "subscriber_id": [f"S{i + 1:05d}" for i in range(n)],
            "start_date": start,
            "end_date": end.where(churned),
            "tenure_months": tenure,
            "plan": np.array(PLANS)[plan],
            "contract": np.array(CONTRACTS)[contract],
            "monthly_fee": fee,
            "complaints": complaints,
            "sat_wave1": sat1,
            "sat_wave2": sat2,
            "sat_wave3": sat3,
            "churned": churned,
            "churn_type": pd.Series(np.array(CHURN_TYPES)[kind]).where(churned),
            "churn_reason": pd.Series(np.array(CHURN_REASONS)[reason]).where(churned),
            "value_tier": tier,
        }
    )
    active_2024 = ((start < pd.Timestamp("2024-01-01")) & (stop >= pd.Timestamp("2024-01-01"))).to_numpy()
    truth = {
        "base_hazard": dict(zip(CONTRACTS, BASE_HAZARD.tolist())),
        "sat_log_hazard_ratio": SAT_LOG_HAZARD,
        "churn_type_share": dict(zip(CHURN_TYPES, TYPE_SHARE.tolist())),
        "reason_given_type": {t: dict(zip(CHURN_REASONS, row.tolist())) for t, row in zip(CHURN_TYPES, REASON_GIVEN_TYPE)},
        "complaints_per_month": COMPLAINTS_PER_MONTH,
        "observation_end": str(OBS_END.date()),
        # Memorylessness: a subscriber active on 2024-01-01 leaves within 12 months with 1 - exp(-12 h).
        "expected_churn_rate_2024": round(float(np.mean(1 - np.exp(-12 * hazard[active_2024]))), 4),
        "active_2024_01_01": int(active_2024.sum()),
    }
    return frame, truth
