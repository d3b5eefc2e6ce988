"""Shared checks and interval formulas for the churn, segments and complaints code (internal)."""

from __future__ import annotations

import math

import numpy as np

from .._metrics_core import wilson as _wilson_share
from .._metrics_core import z_value as _z_value
from .._validate import finite_number, probability
from ..errors import CsatInputError


def count(value: object, name: str) -> int:
    """A non-negative whole number (a head count), or a clear error."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CsatInputError(f"{name} must be a whole number of customers, got {value!r}") from None
    if not math.isfinite(number) or number != int(number):
        raise CsatInputError(f"{name} must be a whole number of customers, got {value!r}")
    if number < 0:
        raise CsatInputError(f"{name} must not be negative, got {value!r}")
    return int(number)


def real(value: object, name: str) -> float:
    """A finite float, or a clear error naming the argument."""
    return finite_number(value, name)


def rate(value: object, name: str) -> float:
    """A proportion in [0, 1]; percentages such as 5 are rejected with a hint."""
    number = real(value, name)
    if not 0.0 <= number <= 1.0:
        hint = f" (write {number / 100:g} for {number:g}%)" if 1 < number <= 100 else ""
        raise CsatInputError(f"{name} must be a proportion between 0 and 1, got {value!r}{hint}")
    return number


def z_value(ci: float) -> float:
    """Two-sided standard-normal quantile for confidence level ``ci`` (checked to lie in (0, 1))."""
    return _z_value(probability(ci))


def wilson(successes: float, n: float, ci: float = 0.95) -> tuple[float, float]:
    """Wilson (1927) score interval for ``successes`` out of ``n``; (nan, nan) when ``n`` is 0.

    The interval itself is the one the survey metrics use (:mod:`csat_lab._metrics_core`).
    """
    if n <= 0:
        return (math.nan, math.nan)
    return _wilson_share(successes / n, n, probability(ci))


def newcombe_difference(x1: float, n1: float, x2: float, n2: float, ci: float = 0.95) -> tuple[float, float]:
    """Newcombe (1998, method 10) hybrid score interval for p1 - p2 from two Wilson intervals."""
    if n1 <= 0 or n2 <= 0:
        return (math.nan, math.nan)
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson(x1, n1, ci)
    l2, u2 = wilson(x2, n2, ci)
    d = p1 - p2
    low = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    high = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return (low, high)


def as_bool(values: object, name: str) -> np.ndarray:
    """Booleans from bool, 0/1 or yes/no/true/false text; anything else is an error naming rows."""
    import pandas as pd

    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
    if series.isna().any():
        rows = list(series.index[series.isna()][:5])
        raise CsatInputError(f"{name!r} has missing values at rows {rows}; expected True/False")
    if series.dtype == bool or isinstance(series.dtype, pd.BooleanDtype):
        return series.to_numpy(dtype=bool)
    text = series.astype(str).str.strip().str.lower()
    mapping = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False,
               "1.0": True, "0.0": False}
    mapped = text.map(mapping)
    if mapped.isna().any():
        bad = series[mapped.isna()]
        raise CsatInputError(
            f"{name!r} must be True/False (or 1/0, yes/no); rows {list(bad.index[:5])} hold {bad.iloc[0]!r}"
        )
    return mapped.to_numpy(dtype=bool)
