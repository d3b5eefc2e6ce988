"""Data-generating process of ``supermarket_members``: a loyalty-programme transaction log (BG/NBD)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core.validate import rng_from
from ._common import respondents

__all__ = ["supermarket_members"]

BGNBD = {"r": 1.2, "alpha": 4.0, "a": 0.6, "b": 5.0}
GAMMA_GAMMA = {"p": 6.0, "q": 4.0, "gamma": 40.0}
FREQUENCY_UPLIFT = 1.15
SPEND_UPLIFT = 1.06
COUPON_RATE = {"before": 0.10, "after": 0.30}
POINTS_PER_CNY = {"before": 1.0, "after": 1.5}
REFUND_RATE = 0.015
STORES = ("central", "north", "east")
STORE_SHARE = np.array([0.5, 0.3, 0.2])
HOME_STORE_SHARE = 0.85
JOIN_START = pd.Timestamp("2022-01-01")
CHANGE = pd.Timestamp("2023-07-01")
END = pd.Timestamp("2024-07-01")


def _purchase_times(rng: np.random.Generator, lam: np.ndarray, change_wk: np.ndarray, end_wk: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Repeat-purchase times (weeks since joining) of a Poisson process whose rate rises at the change."""
    members, times = [], []
    for rate, lo, hi in ((lam, np.zeros_like(change_wk), change_wk), (lam * FREQUENCY_UPLIFT, change_wk, end_wk)):
        counts = rng.poisson(rate * (hi - lo))
        owner = np.repeat(np.arange(lam.size), counts)
        members.append(owner)
        times.append(lo[owner] + rng.random(owner.size) * (hi - lo)[owner])
    owner, t = np.concatenate(members), np.concatenate(times)
    order = np.lexsort((t, owner))
    return owner[order], t[order]


def supermarket_members(seed: int | np.random.Generator = 20240630, n: int = 5000) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate the transaction log of supermarket loyalty members under a BG/NBD process.

    Members join uniformly over 2022 with a first purchase. Repeat purchases follow the
    BG/NBD model (Fader, Hardie & Lee, 2005): while alive a member buys as a Poisson process
    with weekly rate ``lambda ~ Gamma(r, alpha)``; after each repeat purchase they drop out
    with probability ``p ~ Beta(a, b)``. Basket values follow the Gamma-Gamma model (Fader,
    Hardie & Lee, 2005b): ``amount ~ Gamma(p_s, nu)`` with ``nu ~ Gamma(q, gamma)``, so a
    member's mean basket is ``p_s / nu``. On 2023-07-01 a new member programme starts: alive
    members buy 15% more often and spend 6% more per basket, coupon use rises from 10% to 30%
    and points go from 1 to 1.5 per CNY. 1.5% of purchases are refunded (a negative row a few
    days later). Before the change the log is an exact BG/NBD sample.

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20240630
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``supermarket_members`` dataset.
    n : int, default 5000
        Number of members (5 to 200,000).

    Returns
    -------
    (DataFrame, dict)
        One row per transaction, and the true parameters.

    Examples
    --------
    >>> frame, truth = supermarket_members(seed=1, n=50)
    >>> frame["member_id"].nunique()
    50
    >>> truth["bgnbd"]
    {'r': 1.2, 'alpha': 4.0, 'a': 0.6, 'b': 5.0}
    """
    rng = rng_from(seed)
    n = respondents(n, 5, 200_000)
    join = JOIN_START + pd.to_timedelta(rng.integers(0, 365, n), unit="D")
    change_wk = ((CHANGE - join).days / 7).to_numpy(dtype=float)
    end_wk = ((END - join).days / 7).to_numpy(dtype=float)
    lam = rng.gamma(BGNBD["r"], 1 / BGNBD["alpha"], n)
    dropout = rng.beta(BGNBD["a"], BGNBD["b"], n)
    nu = rng.gamma(GAMMA_GAMMA["q"], 1 / GAMMA_GAMMA["gamma"], n)
    home = rng.choice(len(STORES), size=n, p=STORE_SHARE)

    owner, weeks = _purchase_times(rng, lam, change_wk, end_wk)
    rank = np.arange(owner.size) - np.searchsorted(owner, owner)
    # Number of repeat purchases made before dropping out is geometric on 1, 2, ...
    alive = rank < rng.geometric(dropout)[owner]
    owner, weeks = np.concatenate([np.arange(n), owner[alive]]), np.concatenate([np.zeros(n), weeks[alive]])
    days = np.floor(weeks * 7).astype(int)
    date = join[owner] + pd.to_timedelta(days, unit="D")
    after = np.asarray(date >= CHANGE)
    amount = rng.gamma(GAMMA_GAMMA["p"], 1 / nu[owner]) * np.where(after, SPEND_UPLIFT, 1.0)
    amount = np.maximum(np.round(amount, 2), 0.5)
    coupon = rng.random(owner.size) < np.where(after, COUPON_RATE["after"], COUPON_RATE["before"])
    store = np.where(rng.random(owner.size) < HOME_STORE_SHARE, home[owner], rng.choice(len(STORES), size=owner.size, p=STORE_SHARE))
    points = np.floor(amount * np.where(after, POINTS_PER_CNY["after"], POINTS_PER_CNY["before"])).astype(int)

    refund = rng.random(owner.size) < REFUND_RATE
    refund_date = date[refund] + pd.to_timedelta(rng.integers(1, 15, refund.sum()), unit="D")
    keep = np.asarray(refund_date < END)
    r_idx = np.flatnonzero(refund)[keep]
    r_date = refund_date[keep]
    all_owner = np.concatenate([owner, owner[r_idx]])
    all_date = date.append(r_date)
    frame = pd.DataFrame(
        {
            "member_id": [f"M{i + 1:05d}" for i in all_owner],
            "date": all_date,
            "amount": np.concatenate([amount, -amount[r_idx]]),
            "points_earned": np.concatenate([points, -points[r_idx]]),
            "coupon_used": np.concatenate([coupon, np.zeros(r_idx.size, dtype=bool)]),
            "store": np.array(STORES)[np.concatenate([store, store[r_idx]])],
            "programme": np.where(np.asarray(all_date >= CHANGE), "after", "before"),
            "join_date": join[all_owner],
        }
    )
    frame = frame.sort_values(["date", "member_id", "amount"], ascending=[True, True, False], kind="stable").reset_index(drop=True)
    frame.insert(1, "transaction_id", [f"T{i + 1:06d}" for i in range(len(frame))])
    truth = {
        "bgnbd": dict(BGNBD),
        "gamma_gamma": dict(GAMMA_GAMMA),
        "time_unit": "week",
        "calibration_end": str(CHANGE.date()),
        "observation_end": str(END.date()),
        "frequency_uplift": FREQUENCY_UPLIFT,
        "spend_uplift": SPEND_UPLIFT,
        "coupon_rate": dict(COUPON_RATE),
        "points_per_cny": dict(POINTS_PER_CNY),
        "refund_rate": REFUND_RATE,
        "n_members": n,
        "n_refunds": int(r_idx.size),
    }
    return frame, truth
