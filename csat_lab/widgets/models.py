"""Model functions behind the explorers: controls in, a result object out.

Each ``*_model`` is a thin composition of computation-layer functions (no
widgets, no plotting), so an analyst can call it with the same arguments a
trainer sets with the sliders, and tests can check it without a browser.
Datasets and fitted models are loaded once per process and cached.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from .._results import Result
from ..errors import CsatInputError

__all__ = [
    "NPSDifference", "ChurnCalculation", "CLVCalculation",
    "nps_model", "nps_difference_model", "disconfirmation_model", "churn_model", "clv_model",
]


def nps_model(promoters: int, passives: int, detractors: int, ci: float = 0.95):
    """NPS with its confidence interval from the three category counts.

    ``NPS = 100 (P - D) / n`` with ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``
    (Reichheld, 2003); wraps :func:`csat_lab.metrics.nps_from_counts`.

    Examples
    --------
    >>> r = nps_model(50, 30, 20)
    >>> r.score, r.n
    (30.0, 100)
    """
    from ..metrics import nps_from_counts

    return nps_from_counts(int(promoters), int(passives), int(detractors), ci=ci)


@dataclasses.dataclass(frozen=True)
class NPSDifference(Result):
    """Two waves' NPS and the change from wave 1 to wave 2 with its CI."""

    wave1: Any
    wave2: Any
    comparison: Any

    @property
    def difference(self) -> float:
        """NPS of wave 2 minus NPS of wave 1."""
        return self.comparison.difference

    def _summary(self) -> list[tuple[str, Any]]:
        c = self.comparison
        return [("widgets.wave1", round(self.wave1.score, 2)), ("widgets.wave2", round(self.wave2.score, 2)),
                ("widgets.nps_diff.title", round(c.difference, 2)), ("result.ci", c.ci),
                ("result.method", c.ci_method), ("metrics.p_value", round(c.p_value, 4))]


def _scores_from_counts(promoters: int, passives: int, detractors: int) -> np.ndarray:
    # The comparison works on category counts, so any score inside a category stands for it.
    return np.repeat([10, 8, 0], [int(promoters), int(passives), int(detractors)])


def nps_difference_model(promoters1: int, passives1: int, detractors1: int,
                         promoters2: int, passives2: int, detractors2: int, ci: float = 0.95) -> NPSDifference:
    """Change in NPS between two independent waves, from their category counts.

    ``d = NPS_2 - NPS_1`` with ``se = sqrt(se_1^2 + se_2^2)`` (normal
    approximation; Rocks, 2016); wraps :func:`csat_lab.metrics.compare_nps`
    and :func:`csat_lab.metrics.nps_from_counts`.

    Examples
    --------
    >>> r = nps_difference_model(40, 30, 30, 50, 30, 20)
    >>> round(r.difference, 1)
    20.0
    """
    from ..metrics import compare_nps, nps_from_counts

    w1, w2 = (promoters1, passives1, detractors1), (promoters2, passives2, detractors2)
    return NPSDifference(
        wave1=nps_from_counts(*map(int, w1), ci=ci), wave2=nps_from_counts(*map(int, w2), ci=ci),
        comparison=compare_nps(_scores_from_counts(*w2), _scores_from_counts(*w1), ci=ci),
    )


def disconfirmation_model(expectation: float, perception: float, scale: str = "satisfaction5",
                          tolerance: float = 0.0):
    """Gap ``perception - expectation`` and the satisfaction level it implies (Oliver, 1980).

    Wraps :func:`csat_lab.survey.disconfirmation`.

    Examples
    --------
    >>> r = disconfirmation_model(4, 5)
    >>> r.gap, r.level
    (1.0, 5)
    """
    from ..survey import disconfirmation

    return disconfirmation(expectation, perception, scale=scale, tolerance=tolerance)


@dataclasses.dataclass(frozen=True)
class ChurnCalculation(Result):
    """Churn over one period, converted to the other period, with the implied survival."""

    churn: Any
    period: str
    converted: float
    expected_lifetime: float
    survival: pd.DataFrame

    def _summary(self) -> list[tuple[str, Any]]:
        return [*self.churn._summary(), ("widgets.churn.converted", self.converted),
                ("clv.expected_lifetime", self.expected_lifetime)]


_PERIODS = {"month": 12, "year": 10}


def churn_model(customers: int, lost: int, period: str = "month") -> ChurnCalculation:
    """The course's churn and retention rates, converted between months and years.

    ``churn = lost / customers``, ``retention = 1 - churn``; a monthly rate m
    is ``1 - (1 - m)^12`` a year and an annual rate a is ``1 - (1 - a)^(1/12)``
    a month (constant rate; Fader & Hardie, 2007); expected lifetime is
    ``1 / churn`` periods (Gupta & Lehmann, 2003). ``survival`` is the share
    still active after t periods, ``(1 - churn)^t``.

    Examples
    --------
    >>> r = churn_model(200, 10, "month")
    >>> r.churn.rate, round(r.converted, 4), r.expected_lifetime
    (0.05, 0.4596, 20.0)
    """
    from ..churn import annual_to_monthly, churn_rate, expected_lifetime, monthly_to_annual

    if period not in _PERIODS:
        raise CsatInputError(f"period must be one of: {', '.join(map(repr, _PERIODS))}; got {period!r}")
    result = churn_rate(lost, customers)
    convert = monthly_to_annual if period == "month" else annual_to_monthly
    t = np.arange(_PERIODS[period] + 1)
    survival = pd.DataFrame({"period": t, "active": result.retention ** t})
    return ChurnCalculation(
        churn=result, period=period, converted=convert(result.rate),
        expected_lifetime=expected_lifetime(result.rate) if result.rate > 0 else math.inf, survival=survival,
    )


@dataclasses.dataclass(frozen=True)
class CLVCalculation(Result):
    """Lifetime value now and after a retention gain, the CLV curve, and the profit effect."""

    clv: Any
    improved: Any
    gain: float
    curve: pd.DataFrame
    economics: Any

    def _summary(self) -> list[tuple[str, Any]]:
        return [*self.clv._summary()[:-1], ("econ.improved_retention", self.improved.retention),
                ("widgets.clv.improved", self.improved.value),
                ("widgets.clv.profit_5y", self.economics.profit_increase), ("clv.formula", self.clv.formula)]


def clv_model(margin: float, retention: float, discount: float, acquisition_cost: float = 0.0,
              gain: float = 0.05) -> CLVCalculation:
    """Customer lifetime value and what a retention gain is worth.

    ``CLV = m r / (1 + d - r) - AC`` (Gupta & Lehmann, 2003) at retention r
    and r + gain, the CLV curve over retention (``curve``), and the change in
    five-year profit of a customer base whose retention rises by ``gain``
    (:func:`csat_lab.churn.retention_economics`; Reichheld & Sasser, 1990).

    Examples
    --------
    >>> r = clv_model(100, 0.8, 0.1, acquisition_cost=50, gain=0.05)
    >>> round(r.clv.value, 2), round(r.improved.value, 2)
    (216.67, 290.0)
    """
    from ..churn import clv_sensitivity, customer_lifetime_value, retention_economics

    grid = np.round(np.arange(0.05, 0.951, 0.05), 2)
    table = clv_sensitivity(margin, retention=grid, discount=[discount], acquisition_cost=acquisition_cost)
    return CLVCalculation(
        clv=customer_lifetime_value(margin, retention, discount, acquisition_cost=acquisition_cost),
        improved=customer_lifetime_value(margin, retention + gain, discount, acquisition_cost=acquisition_cost),
        gain=float(gain),
        curve=pd.DataFrame({"retention": grid, "clv": table.iloc[:, 0].to_numpy()}),
        economics=retention_economics(1000, retention, margin, gain=gain, years=5, discount=discount),
    )
