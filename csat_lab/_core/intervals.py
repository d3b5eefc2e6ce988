"""Interval formulas and reference quantiles shared by every computation (internal).

One home for the z and t quantiles, two-sided p-values, the Wilson (1927) and
Wald intervals for a proportion, Newcombe's (1998) interval for a difference of
proportions and the percentile bootstrap interval, so that metrics, churn,
complaints and loyalty all compute them the same way.
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from scipy import special

from .validate import probability

__all__ = ["z_value", "t_value", "two_sided_p_normal", "two_sided_p_t", "wilson", "wilson_counts", "wald",
           "newcombe_difference", "percentile_ci"]


def z_value(ci: float) -> float:
    """Two-sided standard normal quantile for confidence level ``ci`` (checked to lie in (0, 1))."""
    try:
        return _z_value(ci)
    except TypeError:  # unhashable: let the check name the problem
        return float(special.ndtri(1 - (1 - probability(ci)) / 2))


@lru_cache(maxsize=128)
def _z_value(ci: float) -> float:
    # Interval curves ask for the same few levels thousands of times; the check runs once per level.
    return float(special.ndtri(1 - (1 - probability(ci)) / 2))


def t_value(ci: float, df: float) -> float:
    """Two-sided Student t quantile for confidence level ``ci``."""
    return float(special.stdtrit(df, 1 - (1 - ci) / 2))


def two_sided_p_normal(z: float) -> float:
    """Two-sided p-value of a standard normal statistic."""
    return float(2 * special.ndtr(-abs(z)))


def two_sided_p_t(t: float, df: float) -> float:
    """Two-sided p-value of a Student t statistic."""
    return float(2 * special.stdtr(df, -abs(t)))


def wilson(p: float, n: float, ci: float) -> tuple[float, float]:
    """Wilson (1927) score interval for a proportion ``p`` from ``n`` answers; (nan, nan) when ``n`` is 0.

    ``n`` may be an effective sample size (Kish) for weighted shares.
    """
    if n <= 0:
        return (math.nan, math.nan)
    z = z_value(ci)
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z / denom * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    # At p = 0 or 1 the bound equals p exactly; rounding must not push it past the estimate.
    return (float(min(p, max(0.0, centre - half))), float(max(p, min(1.0, centre + half))))


def wilson_counts(successes: float, n: float, ci: float = 0.95) -> tuple[float, float]:
    """:func:`wilson` for ``successes`` out of ``n`` (a head count); (nan, nan) when ``n`` is 0."""
    if n <= 0:
        return (math.nan, math.nan)
    return wilson(successes / n, n, ci)


def wald(p: float, n: float, ci: float) -> tuple[float, float]:
    """Normal-approximation interval ``p +- z sqrt(p(1-p)/n)``, clipped to [0, 1]."""
    half = z_value(ci) * np.sqrt(p * (1 - p) / n)
    return (float(max(0.0, p - half)), float(min(1.0, p + half)))


def newcombe_difference(x1: float, n1: float, x2: float, n2: float, ci: float = 0.95) -> tuple[float, float]:
    """Newcombe (1998, method 10) hybrid score interval for p1 - p2 from two Wilson intervals."""
    if n1 <= 0 or n2 <= 0:
        return (math.nan, math.nan)
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_counts(x1, n1, ci)
    l2, u2 = wilson_counts(x2, n2, ci)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return (low, high)


def percentile_ci(samples: np.ndarray, ci: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bootstrap interval along axis 0 (Efron & Tibshirani 1993)."""
    alpha = (1 - ci) / 2
    return np.nanquantile(samples, alpha, axis=0), np.nanquantile(samples, 1 - alpha, axis=0)
