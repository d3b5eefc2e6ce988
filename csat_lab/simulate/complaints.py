"""Data-generating process of ``complaints_log``: complaints through the 8-step handling process."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy.special import expit

from .._core.validate import rng_from
from ._comments import comment_rng, complaint_descriptions
from ._common import cut_latent, respondents

__all__ = ["complaints_log", "HANDLING_STEP_COLUMNS"]

HANDLING_STEP_COLUMNS = (
    "step_listen",
    "step_feelings",
    "step_cause",
    "step_requirement",
    "step_solution",
    "step_thank",
    "step_follow_up",
    "step_review",
)
STEP_RATE = np.array([0.92, 0.70, 0.75, 0.60, 0.85, 0.65, 0.45, 0.35])
STEP_EFFECT = np.array([0.4, 0.6, 0.3, 0.4, 1.2, 0.3, 0.7, 0.2])
CHANNELS = ("phone", "email", "web", "in_store", "social_media")
CHANNEL_SHARE = np.array([0.35, 0.20, 0.20, 0.15, 0.10])
ACK_HOURS = np.array([0.1, 6.0, 4.0, 0.05, 2.0])
SEVERITIES = ("low", "medium", "high")
SEVERITY_SHARE = np.array([0.50, 0.35, 0.15])
SEVERITY_EFFECT = np.array([0.0, -0.3, -0.6])
RESOLVE_SCALE_HOURS = np.array([12.0, 36.0, 96.0])
COMPENSATION_RATE = np.array([0.10, 0.40, 0.80])
COMPENSATION_SCALE = np.array([10.0, 30.0, 80.0])
LOG_HOURS_EFFECT = -0.35
COMPENSATION_EFFECT = 0.5
THRESHOLDS = np.array([-0.6, 0.5, 1.5, 2.6])
COMPLAINT_RATE = 0.15
REPURCHASE = {"intercept": 1.0986, "complained": -0.6, "per_satisfaction_point": 0.9, "unresolved": -1.0}
REOPEN = {"intercept": -1.0, "step_solution": -1.2, "step_follow_up": -0.8, "high_severity": 0.5}
PERIOD = (pd.Timestamp("2024-01-01"), pd.Timestamp("2024-07-01"))


def _timestamps(rng: np.random.Generator, m: int, channel: np.ndarray, severity: np.ndarray) -> tuple[pd.Series, ...]:
    days = (PERIOD[1] - PERIOD[0]).days
    received = PERIOD[0] + pd.to_timedelta(rng.integers(0, days, m), unit="D") + pd.to_timedelta(rng.integers(8 * 60, 20 * 60, m), unit="min")
    ack_min = np.ceil(60 * rng.exponential(ACK_HOURS[channel]))
    acknowledged = received + pd.to_timedelta(ack_min, unit="min")
    resolve_min = np.ceil(60 * rng.gamma(2.0, RESOLVE_SCALE_HOURS[severity] / 2.0))
    resolved = acknowledged + pd.to_timedelta(resolve_min, unit="min")
    # Complaints still open when the log was extracted have no resolution time yet.
    resolved = pd.Series(resolved).where(resolved < PERIOD[1])
    return pd.Series(received), pd.Series(acknowledged), resolved


def complaints_log(seed: int | np.random.Generator = 20240701, n: int = 4000) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate a half-year log of customers served, with complaints through the 8 handling steps.

    Each of ``n`` customers complains with probability 0.15. A complaint gets a channel,
    a severity and timestamps (acknowledgement delay exponential by channel; resolution
    time Gamma(2) by severity; complaints not resolved by 2024-06-30 stay open). Each of
    the 8 handling steps is done independently with its own rate. Handling satisfaction
    (1-5) is an ordered logit (McKelvey & Zavoina, 1975)::

        y* = sum_k beta_k step_k + beta_severity + beta_t log(hours to resolve)
             + beta_c [compensation > 0] + e,   e ~ Logistic(0, 1)

    cut at (-0.6, 0.5, 1.5, 2.6). Repurchase is a logit on complaint status and handling
    satisfaction, with the service-recovery paradox built in as a stated truth (the paradox was
    named by McCollough & Bharadwaj, 1992; the meta-analysis of de Matos, Henrique & Rossi,
    2007, finds it for satisfaction but not for repurchase): a complaint handled to "very
    satisfied" leads to more repurchase than no complaint. The data show the method, they are
    not evidence for the paradox. Each complaint has a description as logged (``description_en``,
    ``description_zh``), drawn from a stream of its own (:mod:`._comments`): a remark about a
    skipped handling step only names a step whose column is False.

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20240701
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``complaints_log`` dataset.
    n : int, default 4000
        Customers served in the period (10 to 1,000,000).

    Returns
    -------
    (DataFrame, dict)
        One row per customer, and the true parameters (step effects, thresholds,
        repurchase and reopening logits, rates).

    Examples
    --------
    >>> frame, truth = complaints_log(seed=1, n=200)
    >>> frame.shape
    (200, 21)
    >>> truth["step_effect"]["step_solution"]
    1.2
    """
    rng = rng_from(seed)
    n = respondents(n, 10, 1_000_000)
    complained = rng.random(n) < COMPLAINT_RATE
    m = int(complained.sum())
    channel = rng.choice(len(CHANNELS), size=m, p=CHANNEL_SHARE)
    severity = rng.choice(len(SEVERITIES), size=m, p=SEVERITY_SHARE)
    received, acknowledged, resolved = _timestamps(rng, m, channel, severity)
    steps = rng.random((m, STEP_RATE.size)) < STEP_RATE
    paid = rng.random(m) < COMPENSATION_RATE[severity]
    compensation = np.where(paid, np.round(rng.gamma(2.0, COMPENSATION_SCALE[severity] / 2.0)), 0.0)

    is_resolved = resolved.notna().to_numpy()
    hours = ((resolved - received).dt.total_seconds() / 3600).to_numpy()
    latent = steps @ STEP_EFFECT + SEVERITY_EFFECT[severity] + LOG_HOURS_EFFECT * np.log(np.where(is_resolved, hours, 1.0))
    latent = latent + COMPENSATION_EFFECT * paid + rng.logistic(size=m)
    satisfaction = np.where(is_resolved, cut_latent(latent, THRESHOLDS), 0)

    reopen_logit = REOPEN["intercept"] + REOPEN["step_solution"] * steps[:, 4] + REOPEN["step_follow_up"] * steps[:, 6]
    reopened = rng.random(m) < expit(reopen_logit + REOPEN["high_severity"] * (severity == 2))

    logit = np.full(n, REPURCHASE["intercept"])
    satisfaction_points = np.where(is_resolved, satisfaction - 3, 0)
    complaint_logit = REPURCHASE["complained"] + REPURCHASE["per_satisfaction_point"] * satisfaction_points
    logit[complained] += np.where(is_resolved, complaint_logit, REPURCHASE["unresolved"])
    repurchased = rng.random(n) < expit(logit)

    def spread(values: Any, dtype: str) -> pd.Series:
        out = pd.Series(None, index=range(n), dtype=dtype)
        out[complained] = values
        return out

    resolved_mask = is_resolved
    frame = pd.DataFrame(
        {
            "customer_id": [f"C{i + 1:05d}" for i in range(n)],
            "complained": complained,
            "channel": spread(np.array(CHANNELS)[channel], "object"),
            "severity": spread(np.array(SEVERITIES)[severity], "object"),
            "received_at": spread(received.to_numpy(), "datetime64[s]"),
            "acknowledged_at": spread(acknowledged.to_numpy(), "datetime64[s]"),
            "resolved_at": spread(resolved.to_numpy(), "datetime64[s]"),
            **{name: spread(steps[:, k], "boolean") for k, name in enumerate(HANDLING_STEP_COLUMNS)},
            "compensation": spread(compensation, "float64"),
            "handling_satisfaction": spread(pd.array(np.where(resolved_mask, satisfaction, pd.NA), dtype="Int64"), "Int64"),
            "reopened": spread(pd.array(np.where(resolved_mask, reopened, pd.NA), dtype="boolean"), "boolean"),
            "repurchased": repurchased,
        }
    )
    missing = [[name for k, name in enumerate(HANDLING_STEP_COLUMNS) if not steps[j, k]] for j in range(m)]
    text_en, text_zh = complaint_descriptions(comment_rng(rng, "descriptions"), np.array(CHANNELS)[channel],
                                              np.array(SEVERITIES)[severity], missing, ~repurchased[complained])
    frame["description_en"] = spread(np.array(text_en, dtype=object), "object")
    frame["description_zh"] = spread(np.array(text_zh, dtype=object), "object")
    truth = {
        "complaint_rate": COMPLAINT_RATE,
        "step_rate": dict(zip(HANDLING_STEP_COLUMNS, STEP_RATE.tolist())),
        "step_effect": dict(zip(HANDLING_STEP_COLUMNS, STEP_EFFECT.tolist())),
        "severity_effect": dict(zip(SEVERITIES, SEVERITY_EFFECT.tolist())),
        "log_hours_effect": LOG_HOURS_EFFECT,
        "compensation_effect": COMPENSATION_EFFECT,
        "thresholds": THRESHOLDS.tolist(),
        "repurchase_logit": dict(REPURCHASE),
        "repurchase_rate_no_complaint": round(float(expit(REPURCHASE["intercept"])), 4),
        "reopen_logit": dict(REOPEN),
        "n_complaints": m,
        "n_open": int((~is_resolved).sum()),
    }
    return frame, truth
