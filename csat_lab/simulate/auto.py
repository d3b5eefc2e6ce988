"""Data-generating process of ``auto_dealer``: sales and service satisfaction at a car dealer."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core.validate import rng_from
from ._common import cut_latent, respondents

__all__ = ["auto_dealer", "SALES_ITEMS", "REPAIR_ITEMS"]

SALES_ITEMS = {
    "respect": ("Treated me with respect and attention", "尊重并关注我"),
    "expertise": ("Gave professional help", "提供专业的帮助"),
    "time_to_think": ("Gave me time to think it over", "给我时间考虑"),
    "follow_up": ("Followed up proactively when I hesitated", "我犹豫时主动跟进"),
    "price_talk": ("Price negotiation was relaxed", "价格商谈轻松愉快"),
    "delivery_call": ("Called after delivery to ask whether I was fully satisfied", "交车后来电询问我是否完全满意"),
}
REPAIR_ITEMS = {
    "convenience": ("Service was quick and convenient", "服务快捷方便"),
    "promises": ("Promises were kept", "说到做到"),
    "explanation": ("Clear itemised explanation and cost estimate", "清楚的逐项说明和费用估算"),
    "on_time": ("Repair done on time and professionally", "按时、专业地完成维修"),
    "follow_up_call": ("Follow-up call after the repair", "维修后回访电话"),
    "advice": ("Gave maintenance advice", "提供保养建议"),
}
SALES_WEIGHT = np.array([0.35, 0.30, 0.15, 0.10, 0.25, 0.20])
REPAIR_WEIGHT = np.array([0.20, 0.35, 0.25, 0.30, 0.10, 0.10])
SALES_EXPECT = np.array([6.0, 5.8, 5.2, 4.6, 5.0, 4.4])
REPAIR_EXPECT = np.array([5.8, 6.1, 5.6, 6.0, 4.5, 4.8])
ITEM_CUTS = np.arange(1.5, 7.0)
SAT_THRESHOLDS = np.array([-3.0, -1.8, -0.4, 1.3])
REPURCHASE_BY_LEVEL = {1: 0.02, 2: 0.05, 3: 0.08, 4: 0.12, 5: 0.72}
RECOMMEND = {"intercept": 1.5, "per_level": 1.7, "sd": 1.3}
SERVICE_SHARE = 0.6


def _items(rng: np.random.Generator, m: int, expect: np.ndarray, quality: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    k = expect.size
    exp_codes = cut_latent(expect + 0.9 * rng.standard_normal((m, k)), ITEM_CUTS)
    perf_latent = expect - 0.3 + 0.9 * quality[:, None] + 0.8 * rng.standard_normal((m, k))
    return exp_codes, cut_latent(perf_latent, ITEM_CUTS)


def auto_dealer(seed: int | np.random.Generator = 20241031, n: int = 2000) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate a car dealer's sales and service satisfaction survey with a non-linear loyalty curve.

    Each customer had a sales visit (40%) or a service visit (60%) and rated six expectation
    items and the matching six performance items (1-7) of that visit. A dealer-quality
    factor ``q ~ N(0, 1)`` moves all performance ratings. Overall satisfaction (1-5) is an
    ordered logit of the disconfirmation gaps (Oliver, 1980)::

        y* = sum_k beta_k (perf_k - exp_k) + e,  e ~ Logistic(0, 1)

    cut at (-3.0, -1.8, -0.4, 1.3). Repurchase depends only on the satisfaction level, with
    the handouts' figure built in as a stated truth: completely satisfied customers (5) are
    six times as likely to repurchase as satisfied ones (4), 0.72 against 0.12 (the figure
    Jones & Sasser, 1995, report for Xerox). The data show that a method recovers the
    ratio; they are not evidence for it.
    Recommendation (0-10) is ``round(1.5 + 1.7 level + 1.3 z)`` clipped.

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20241031
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``auto_dealer`` dataset.
    n : int, default 2000
        Number of surveyed customers (10 to 1,000,000).

    Returns
    -------
    (DataFrame, dict)
        One row per customer, and the true parameters (gap weights, thresholds,
        repurchase probability by satisfaction level).

    Examples
    --------
    >>> frame, truth = auto_dealer(seed=1, n=100)
    >>> frame.shape
    (100, 31)
    >>> truth["repurchase_by_level"][5] / truth["repurchase_by_level"][4]
    6.0
    """
    rng = rng_from(seed)
    n = respondents(n, 10, 1_000_000)
    service = rng.random(n) < SERVICE_SHARE
    quality = rng.standard_normal(n)
    latent = rng.logistic(size=n)
    columns: dict[str, Any] = {}
    for mask, items, weight, expect, prefix in (
        (~service, SALES_ITEMS, SALES_WEIGHT, SALES_EXPECT, "sales"),
        (service, REPAIR_ITEMS, REPAIR_WEIGHT, REPAIR_EXPECT, "repair"),
    ):
        exp_codes, perf_codes = _items(rng, int(mask.sum()), expect, quality[mask])
        latent[mask] += (perf_codes - exp_codes) @ weight
        for j, key in enumerate(items):
            for kind, codes in (("exp", exp_codes), ("perf", perf_codes)):
                col = np.full(n, pd.NA, dtype=object)
                col[mask] = codes[:, j]
                columns[f"{kind}_{prefix}_{key}"] = pd.array(col, dtype="Int64")
    level = cut_latent(latent, SAT_THRESHOLDS)
    repurchase = rng.random(n) < np.array([REPURCHASE_BY_LEVEL[k] for k in range(1, 6)])[level - 1]
    loyalty = cut_latent(1.2 * (level - 3) + rng.standard_normal(n), [-2.5, -1.2, 0.3, 1.6])
    recommend = np.clip(np.round(RECOMMEND["intercept"] + RECOMMEND["per_level"] * level + RECOMMEND["sd"] * rng.standard_normal(n)), 0, 10)
    ordered = {f"{kind}_{prefix}_{key}": columns[f"{kind}_{prefix}_{key}"] for prefix, items in (("sales", SALES_ITEMS), ("repair", REPAIR_ITEMS)) for kind in ("exp", "perf") for key in items}
    frame = pd.DataFrame(
        {
            "customer_id": [f"D{i + 1:05d}" for i in range(n)],
            "visit": np.where(service, "service", "sales"),
            "visit_date": pd.Timestamp("2024-01-02") + pd.to_timedelta(rng.integers(0, 360, n), unit="D"),
            **ordered,
            "overall_satisfaction": level,
            "repurchase": repurchase,
            "loyalty_intention": loyalty,
            "recommend": recommend.astype(int),
        }
    )
    truth = {
        "sales_gap_weight": dict(zip(SALES_ITEMS, SALES_WEIGHT.tolist())),
        "repair_gap_weight": dict(zip(REPAIR_ITEMS, REPAIR_WEIGHT.tolist())),
        "thresholds": SAT_THRESHOLDS.tolist(),
        "repurchase_by_level": dict(REPURCHASE_BY_LEVEL),
        "recommend": dict(RECOMMEND),
        "service_share": SERVICE_SHARE,
    }
    return frame, truth
