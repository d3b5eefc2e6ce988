"""Data-generating process of ``hotel_guests``: a hotel guest survey with recorded preferences."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy.special import expit

from .._core.validate import rng_from
from ._comments import comment_rng, survey_comments
from ._common import cut_latent, respondents

__all__ = ["hotel_guests", "SERVQUAL_DIMENSIONS"]

SERVQUAL_DIMENSIONS = ("tangibles", "reliability", "responsiveness", "assurance", "empathy")
EXPECT_MEAN = np.array([5.4, 6.2, 5.8, 5.6, 5.2])
PERCEIVE_MEAN = np.array([5.6, 5.7, 5.2, 5.5, 4.8])
GAP_WEIGHT = np.array([0.15, 0.45, 0.30, 0.20, 0.35])
PERSONALISED_EFFECT = 1.0
SAT_THRESHOLDS = np.array([-2.6, -1.5, -0.3, 1.2])
RETURN_LOGIT = {"intercept": -0.4, "per_satisfaction_point": 0.8, "personalised": 1.2, "log_rate": -0.3}
PREFERENCES = ("carrot_juice", "extra_pillows", "quiet_room", "late_checkout", "chinese_newspaper", "fruit_basket")
RECORD_RATE = 0.5
HONOUR_RATE = 0.85
RATE_2015 = 1200.0
RATE_GROWTH = 0.14
FIRST_YEAR, LAST_YEAR = 2015, 2024
ITEM_CUTS = np.arange(1.5, 7.0)


def _comment_theme_weights(frame: pd.DataFrame) -> np.ndarray:
    """Theme multipliers of a stay's comment: a SERVQUAL gap below zero makes a complaint about its theme likelier.

    Order of ``_comments.THEMES``: wait <- responsiveness, attitude <- assurance and empathy
    (geometric mean), resolution <- reliability, quality <- tangibles, each ``exp(-0.6 (gap_d -
    mean gap))``; price <- ``sqrt(rate / 1200)``; process <- 1.
    """
    gap = {d: (frame[f"per_{d}"] - frame[f"exp_{d}"]).to_numpy(dtype=float) for d in SERVQUAL_DIMENSIONS}
    price = np.sqrt(frame["room_rate"].to_numpy(dtype=float) / RATE_2015)
    mean = sum(gap.values()) / len(gap)
    tilt = {d: np.exp(-0.6 * (gap[d] - mean)) for d in SERVQUAL_DIMENSIONS}
    return np.column_stack([tilt["responsiveness"], np.sqrt(tilt["assurance"] * tilt["empathy"]), tilt["reliability"], price,
                            tilt["tangibles"], np.ones(len(frame))])


def hotel_guests(seed: int | np.random.Generator = 20151001, n: int = 1000) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate a hotel's guest surveys over 2015-2024, with recorded preferences and personalised service.

    Guests first stay in a year uniform over 2015-2022. At the first stay half of them
    mention a preference, which the hotel records (the carrot-juice case); on every later
    stay a recorded preference is honoured unasked with probability 0.85 (``personalised``).
    Each stay is surveyed on the five SERVQUAL dimensions (Parasuraman, Zeithaml & Berry,
    1988), expectation and perception on 1-7. Satisfaction (1-5) is an ordered logit::

        y* = sum_d w_d (perception_d - expectation_d) + 1.0 personalised + e

    cut at (-2.6, -1.5, -0.3, 1.2). The guest returns the next year with
    ``logit p = -0.4 + 0.8 (satisfaction - 3) + 1.2 personalised - 0.3 ln(rate / 1200)``;
    a guest who skips a year is lost. The room rate grows 14% a year (3.25 x over the decade).
    Each stay ends with a reason-for-rating comment in English and Chinese with its stated theme
    and sentiment, drawn from a stream of its own (:mod:`._comments`).

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20151001
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``hotel_guests`` dataset.
    n : int, default 1000
        Number of distinct guests (5 to 500,000).

    Returns
    -------
    (DataFrame, dict)
        One row per stay, and the true parameters.

    Examples
    --------
    >>> frame, truth = hotel_guests(seed=1, n=30)
    >>> frame.columns[:4].tolist()
    ['guest_id', 'stay_number', 'year', 'stay_date']
    >>> truth["return_logit"]["personalised"]
    1.2
    """
    rng = rng_from(seed)
    n = respondents(n, 5, 500_000)
    first = rng.integers(FIRST_YEAR, 2023, n)
    records = rng.random(n) < RECORD_RATE
    preference = rng.choice(len(PREFERENCES), size=n)
    guest_type = np.where(rng.random(n) < 0.55, "business", "leisure")
    rows = []
    active = np.arange(n)
    year = first.copy()
    stay = np.ones(n, dtype=int)
    while active.size:
        m = active.size
        rate = np.round(RATE_2015 * (1 + RATE_GROWTH) ** (year[active] - FIRST_YEAR) * rng.lognormal(0, 0.08, m), -1)
        personalised = (stay[active] > 1) & records[active] & (rng.random(m) < HONOUR_RATE)
        expect = cut_latent(EXPECT_MEAN + 0.8 * rng.standard_normal((m, 5)), ITEM_CUTS)
        perceive = cut_latent(PERCEIVE_MEAN + 0.7 * rng.standard_normal((m, 1)) + 0.8 * rng.standard_normal((m, 5)), ITEM_CUTS)
        latent = (perceive - expect) @ GAP_WEIGHT + PERSONALISED_EFFECT * personalised + rng.logistic(size=m)
        satisfaction = cut_latent(latent, SAT_THRESHOLDS)
        recommend = np.clip(np.round(1.0 + 1.8 * satisfaction + 0.8 * personalised + 1.2 * rng.standard_normal(m)), 0, 10)
        logit = RETURN_LOGIT["intercept"] + RETURN_LOGIT["per_satisfaction_point"] * (satisfaction - 3) + RETURN_LOGIT["personalised"] * personalised
        returns = rng.random(m) < expit(logit + RETURN_LOGIT["log_rate"] * np.log(rate / RATE_2015))
        observed = year[active] < LAST_YEAR
        rows.append(
            pd.DataFrame(
                {
                    "guest": active,
                    "stay_number": stay[active],
                    "year": year[active],
                    "stay_date": pd.to_datetime(pd.DataFrame({"year": year[active], "month": rng.integers(1, 13, m), "day": rng.integers(1, 29, m)})),
                    "room_rate": rate.astype(int),
                    "preference_recorded": records[active] & (stay[active] > 1),
                    "personalised": personalised,
                    **{f"exp_{d}": expect[:, j] for j, d in enumerate(SERVQUAL_DIMENSIONS)},
                    **{f"per_{d}": perceive[:, j] for j, d in enumerate(SERVQUAL_DIMENSIONS)},
                    "satisfaction": satisfaction,
                    "recommend": recommend.astype(int),
                    "returned_next_year": pd.array(np.where(observed, returns, pd.NA), dtype="boolean"),
                }
            )
        )
        keep = returns & observed
        active = active[keep]
        year[active] += 1
        stay[active] += 1
    frame = pd.concat(rows, ignore_index=True).sort_values(["guest", "stay_number"], kind="stable").reset_index(drop=True)
    guest = frame.pop("guest").to_numpy()
    frame.insert(0, "guest_id", [f"G{i + 1:04d}" for i in guest])
    frame.insert(4, "guest_type", guest_type[guest])
    frame.insert(6, "preference", pd.Series(np.array(PREFERENCES)[preference[guest]]).where(records[guest]))
    frame = pd.concat([frame, survey_comments(comment_rng(rng), frame["satisfaction"].to_numpy(), "hotel", _comment_theme_weights(frame))], axis=1)
    truth = {
        "gap_weight": dict(zip(SERVQUAL_DIMENSIONS, GAP_WEIGHT.tolist())),
        "personalised_effect": PERSONALISED_EFFECT,
        "thresholds": SAT_THRESHOLDS.tolist(),
        "return_logit": dict(RETURN_LOGIT),
        "record_rate": RECORD_RATE,
        "honour_rate": HONOUR_RATE,
        "rate_growth": RATE_GROWTH,
        "n_guests": n,
    }
    return frame, truth
