"""Churn and retention rates as the course defines them, with the denominator stated.

The course's customer-based identification of churn (定量识别) is

    churn rate     = lost customers / customers who bought x 100%
    retention rate = retained customers / customers who bought x 100% = 1 - churn rate

Tools disagree on "customers who bought" (customers at the start of the period,
the average, or start plus joiners), so every result here carries a
``denominator`` text saying which one was used. Period churn from a status table
or a transaction log lives in :mod:`csat_lab.churn.period`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pandas as pd

from .._core.intervals import wilson_counts
from .._core.results import Result
from .._core.validate import finite_number, head_count, rate
from ..errors import CsatInputError
from ..i18n import Message

__all__ = [
    "ChurnResult",
    "RevenueRetentionResult",
    "churn_rate",
    "retention_rate",
    "revenue_retention",
    "revenue_retention_from_customers",
    "monthly_to_annual",
    "annual_to_monthly",
    "expected_lifetime",
]


@dataclasses.dataclass(frozen=True)
class ChurnResult(Result):
    """Churn and retention over one period.

    ``rate`` is the churn rate (a proportion; ``percent`` gives x 100%),
    ``retention`` = 1 - ``rate``; ``ci`` is the Wilson score interval of the
    churn rate; ``denominator`` says which customers were counted.
    """

    rate: float
    retention: float
    lost: int
    customers: int
    denominator: str
    ci: tuple[float, float]
    ci_method: str
    n: int
    n_dropped: int = 0
    dropped: dict = dataclasses.field(default_factory=dict)

    @property
    def percent(self) -> float:
        """The churn rate x 100%."""
        return 100.0 * self.rate

    def _summary(self) -> list[tuple[str, Any]]:
        return [
            ("churn.rate", self.rate),
            ("churn.retention", self.retention),
            ("churn.lost", self.lost),
            ("churn.customers", self.customers),
            ("churn.denominator", self.denominator),
            ("result.ci", self.ci),
            ("result.method", self.ci_method),
        ]


def churn_rate(lost: int, customers: int, *, ci: float = 0.95) -> ChurnResult:
    """Churn rate = lost customers / customers who bought (the course's formula).

    .. math:: \\text{churn} = \\frac{\\text{lost}}{\\text{customers}},\\qquad
              \\text{retention} = 1 - \\text{churn}

    Parameters
    ----------
    lost : int
        Customers lost during the period.
    customers : int
        Customers who bought (the denominator), e.g. customers at the start.
    ci : float
        Confidence level of the Wilson (1927) score interval.

    Returns
    -------
    ChurnResult

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. JASA 22, 209-212.

    Examples
    --------
    >>> r = churn_rate(30, 400)
    >>> r.rate, r.retention, r.percent
    (0.075, 0.925, 7.5)
    >>> round(r.ci[0], 4), round(r.ci[1], 4)
    (0.053, 0.105)
    """
    lost_n = head_count(lost, "lost")
    base = head_count(customers, "customers")
    if base == 0:
        raise CsatInputError("customers must be at least 1: a churn rate needs customers who bought")
    if lost_n > base:
        raise CsatInputError(
            f"lost ({lost_n}) cannot exceed customers ({base}); the denominator is the customers who bought"
        )
    churn = lost_n / base
    return ChurnResult(
        rate=churn, retention=1.0 - churn, lost=lost_n, customers=base,
        denominator=Message("churn.denominator.given", n=base), ci=wilson_counts(lost_n, base, ci),
        ci_method=Message("value.method.wilson"), n=base,
    )


def retention_rate(retained: int, customers: int, *, ci: float = 0.95) -> ChurnResult:
    """Retention rate = retained customers / customers who bought = 1 - churn rate.

    Returns the same :class:`ChurnResult` as :func:`churn_rate` with
    ``lost = customers - retained``.

    References
    ----------
    The course's customer-based churn identification (SOURCES.md section 3);
    Wilson (1927) for the interval.

    Examples
    --------
    >>> r = retention_rate(370, 400)
    >>> r.retention, r.rate, r.lost
    (0.925, 0.075, 30)
    """
    kept = head_count(retained, "retained")
    base = head_count(customers, "customers")
    if kept > base:
        raise CsatInputError(f"retained ({kept}) cannot exceed customers ({base})")
    return churn_rate(base - kept, base, ci=ci)


@dataclasses.dataclass(frozen=True)
class RevenueRetentionResult(Result):
    """Revenue churn, gross revenue retention (GRR) and net revenue retention (NRR)."""

    revenue_churn: float
    grr: float
    nrr: float
    start_revenue: float
    churned: float
    contraction: float
    expansion: float
    n: int | None = None
    n_dropped: int = 0
    dropped: dict = dataclasses.field(default_factory=dict)

    def _summary(self) -> list[tuple[str, Any]]:
        return [
            ("churn.revenue_churn", self.revenue_churn),
            ("churn.grr", self.grr),
            ("churn.nrr", self.nrr),
            ("churn.start_revenue", self.start_revenue),
            ("churn.churned_revenue", self.churned),
            ("churn.contraction", self.contraction),
            ("churn.expansion", self.expansion),
        ]


def revenue_retention(start_revenue: float, churned: float, contraction: float = 0.0,
                      expansion: float = 0.0) -> RevenueRetentionResult:
    """Revenue churn, GRR and NRR: the course's financial basis for churn.

    .. math::
        \\text{revenue churn} = \\frac{C + D}{R_0},\\quad
        GRR = \\frac{R_0 - C - D}{R_0},\\quad
        NRR = \\frac{R_0 - C - D + E}{R_0}

    with :math:`R_0` the recurring revenue of the customers present at the
    start, :math:`C` the revenue of those who left, :math:`D` downgrades
    (contraction) and :math:`E` upgrades (expansion). New customers' revenue
    is excluded by definition.

    References
    ----------
    Kumar, V. & Reinartz, W. (2018). Customer Relationship Management, 3rd ed.,
    Springer (revenue-based retention metrics).

    Examples
    --------
    >>> r = revenue_retention(100_000, churned=8_000, contraction=2_000, expansion=15_000)
    >>> r.revenue_churn, r.grr, r.nrr
    (0.1, 0.9, 1.05)
    """
    r0 = finite_number(start_revenue, "start_revenue")
    parts = {name: finite_number(v, name) for name, v in
             (("churned", churned), ("contraction", contraction), ("expansion", expansion))}
    if r0 <= 0:
        raise CsatInputError(f"start_revenue must be positive, got {start_revenue!r}")
    for name, v in parts.items():
        if v < 0:
            raise CsatInputError(f"{name} must not be negative (enter amounts lost as positive numbers), got {v!r}")
    lost = parts["churned"] + parts["contraction"]
    if lost > r0:
        raise CsatInputError(f"churned + contraction ({lost:g}) cannot exceed start_revenue ({r0:g})")
    return RevenueRetentionResult(
        revenue_churn=lost / r0, grr=(r0 - lost) / r0, nrr=(r0 - lost + parts["expansion"]) / r0,
        start_revenue=r0, churned=parts["churned"], contraction=parts["contraction"],
        expansion=parts["expansion"],
    )


def revenue_retention_from_customers(data: pd.DataFrame, *, before: str, after: str) -> RevenueRetentionResult:
    """GRR and NRR from one row per customer with revenue in two periods.

    A customer with ``before > 0`` and ``after == 0`` churned; ``0 < after <
    before`` is contraction; ``after > before`` is expansion. Customers with
    ``before == 0`` are new and excluded (counted in ``dropped``).

    References
    ----------
    Kumar & Reinartz (2018), as in :func:`revenue_retention`.

    Examples
    --------
    >>> df = pd.DataFrame({"q1": [100, 50, 80, 0], "q2": [0, 40, 120, 30]})
    >>> r = revenue_retention_from_customers(df, before="q1", after="q2")
    >>> r.churned, r.contraction, r.expansion, r.dropped
    (100.0, 10.0, 40.0, {'new customers (no revenue before)': 1})
    """
    from .._core.validate import numeric_column, require_frame

    require_frame(data)
    b = numeric_column(data, before)
    a = numeric_column(data, after)
    missing = b.isna() | a.isna()
    negative = (b < 0) | (a < 0)
    if negative.any():
        raise CsatInputError(f"revenue must not be negative; rows {list(data.index[negative][:5])} are")
    new = (b == 0) & ~missing
    keep = ~missing & ~new
    b, a = b[keep], a[keep]
    dropped = {k: int(v) for k, v in ((Message("value.reason.missing_revenue"), missing.sum()),
                                       (Message("value.reason.new_customers"), new.sum())) if v}
    if b.sum() <= 0:
        raise CsatInputError(f"no customer has revenue in {before!r}; cannot compute retention")
    res = revenue_retention(
        b.sum(), churned=b[a == 0].sum(),
        contraction=(b - a)[(a > 0) & (a < b)].sum(), expansion=(a - b)[a > b].sum(),
    )
    return dataclasses.replace(res, n=int(keep.sum()), n_dropped=int(sum(dropped.values())), dropped=dropped)


def monthly_to_annual(rate_: float, *, periods: int = 12) -> float:
    """Convert a monthly churn rate to an annual one: :math:`1 - (1 - m)^{12}`.

    Assumes a constant monthly rate (geometric survival).

    References
    ----------
    Fader, P. S. & Hardie, B. G. S. (2007). How to project customer retention.
    Journal of Interactive Marketing 21(1), 76-90.

    Examples
    --------
    >>> round(monthly_to_annual(0.02), 4)
    0.2153
    """
    m = rate(rate_, "rate")
    return 1.0 - (1.0 - m) ** _periods(periods)


def annual_to_monthly(rate_: float, *, periods: int = 12) -> float:
    """Convert an annual churn rate to a monthly one: :math:`1 - (1 - a)^{1/12}`.

    References
    ----------
    Fader & Hardie (2007), as in :func:`monthly_to_annual`.

    Examples
    --------
    >>> round(annual_to_monthly(0.2153), 4)
    0.02
    """
    a = rate(rate_, "rate")
    return 1.0 - (1.0 - a) ** (1.0 / _periods(periods))


def expected_lifetime(churn: float) -> float:
    """Expected customer lifetime in periods, :math:`1 / \\text{churn}`.

    The mean of a geometric lifetime with a constant churn probability per
    period; a churn of 0 has no finite lifetime and is rejected.

    References
    ----------
    Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of
    Interactive Marketing 17(1), 9-24.

    Examples
    --------
    >>> expected_lifetime(0.2)
    5.0
    """
    c = rate(churn, "churn")
    if c == 0:
        raise CsatInputError("churn must be above 0: with no churn the expected lifetime is infinite")
    return 1.0 / c


def _periods(periods: object) -> int:
    n = head_count(periods, "periods")
    if n < 1:
        raise CsatInputError(f"periods must be a positive whole number, got {periods!r}")
    return n
