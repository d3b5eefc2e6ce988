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

import numpy as np
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

    Attributes
    ----------
    estimate : float
        The headline number: the churn rate (same as ``rate``).
    rate : float
        Churn rate, lost / customers, a proportion (``percent`` gives x 100%).
    retention : float
        Retention rate, 1 - ``rate``.
    lost : int
        Customers lost during the period.
    customers : int
        Customers who bought: the denominator.
    denominator : Message
        Which customers were counted in the denominator, in words.
    ci : tuple of float
        (low, high) Wilson score interval of the churn rate.
    ci_method : Message
        Name of the interval method ("Wilson score").
    n : int
        Customers the rate is based on (the denominator).
    n_dropped : int
        Records left out before counting (0 when the counts were given).
    dropped : dict
        Reason -> number of records left out.
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
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
    ci_level: float = 0.95

    @property
    def estimate(self) -> float:
        """The churn rate (``rate``)."""
        return self.rate

    @property
    def percent(self) -> float:
        """The churn rate x 100%."""
        return 100.0 * self.rate

    def plot(self, ax: Any = None, *, periods: int = 12, **kwargs: Any) -> Any:
        """Share of a customer base still active after 0..``periods`` periods at this churn rate.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        periods : int, default 12
            Number of periods drawn.
        **kwargs
            Passed on to :func:`~csat_lab.plots.churn.retention_curve` (``language``).

        Returns
        -------
        matplotlib Axes
            The step curve of ``(1 - rate)^t`` for t = 0, 1, ..., ``periods``
            (a constant churn rate assumed).
        """
        from ..plots.churn import retention_curve

        t = np.arange(_periods(periods) + 1)
        table = pd.DataFrame({"period": t, "active": self.retention ** t})
        return retention_curve(table, ax=ax, **kwargs)

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
    ci : float, default 0.95
        Confidence level of the Wilson (1927) score interval, strictly between 0 and 1.

    Returns
    -------
    ChurnResult
        ``rate`` (also ``estimate``), ``retention``, the Wilson interval ``ci``
        with ``ci_level`` and ``ci_method``, and the ``denominator`` in words.

    Notes
    -----
    The Wilson score interval of the churn proportion :math:`\\hat p` with
    :math:`z = \\Phi^{-1}(1 - (1 - \\text{ci})/2)` is

    .. math:: \\frac{\\hat p + z^2/2n \\pm z\\sqrt{\\hat p(1-\\hat p)/n + z^2/4n^2}}{1 + z^2/n}.

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
        ci_method=Message("value.method.wilson"), n=base, ci_level=float(ci),
    )


def retention_rate(retained: int, customers: int, *, ci: float = 0.95) -> ChurnResult:
    """Retention rate = retained customers / customers who bought = 1 - churn rate.

    Parameters
    ----------
    retained : int
        Customers still buying at the end of the period.
    customers : int
        Customers who bought (the denominator), e.g. customers at the start.
    ci : float, default 0.95
        Confidence level of the Wilson score interval of the churn rate, strictly between 0 and 1.

    Returns
    -------
    ChurnResult
        The same result as :func:`churn_rate` with ``lost = customers - retained``;
        ``retention`` is the retention rate, ``estimate`` the churn rate.

    Notes
    -----
    .. math:: \\text{retention} = \\frac{\\text{retained}}{\\text{customers}} = 1 - \\text{churn}

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
    """Revenue churn, gross revenue retention (GRR) and net revenue retention (NRR).

    Attributes
    ----------
    estimate : float
        The headline number: net revenue retention (same as ``nrr``).
    revenue_churn : float
        (churned + contraction) / start revenue.
    grr : float
        Gross revenue retention, 1 - ``revenue_churn``.
    nrr : float
        Net revenue retention, (start - churned - contraction + expansion) / start.
    start_revenue : float
        Recurring revenue of the customers present at the start.
    churned : float
        Revenue of the customers who left.
    contraction : float
        Revenue lost to downgrades of customers who stayed.
    expansion : float
        Revenue gained from upgrades of customers who stayed.
    n : int or None
        Customers counted (None when the sums were given directly).
    n_dropped : int
        Customers left out (no revenue before, or missing revenue).
    dropped : dict
        Reason -> number of customers left out.
    """

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

    @property
    def estimate(self) -> float:
        """Net revenue retention (``nrr``)."""
        return self.nrr

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

    Parameters
    ----------
    start_revenue : float
        Recurring revenue :math:`R_0` of the customers present at the start (positive).
    churned : float
        Revenue :math:`C` of the customers who left (a positive amount).
    contraction : float, default 0
        Revenue :math:`D` lost to downgrades (a positive amount).
    expansion : float, default 0
        Revenue :math:`E` gained from upgrades.

    Returns
    -------
    RevenueRetentionResult
        ``revenue_churn``, ``grr`` and ``nrr`` (also ``estimate``) with the inputs.

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
    ``before == 0`` are new and excluded (counted in ``dropped``), as are
    customers with a missing revenue.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer; the keyword arguments name its columns.
    before : str
        Column of each customer's revenue in the first period (not negative).
    after : str
        Column of each customer's revenue in the second period (not negative).

    Returns
    -------
    RevenueRetentionResult
        As :func:`revenue_retention`, with ``n`` customers counted and the
        excluded ones in ``n_dropped`` and ``dropped``.

    Notes
    -----
    With :math:`b_i, a_i` the revenue before and after,
    :math:`R_0 = \\sum b_i`, :math:`C = \\sum_{a_i = 0} b_i`,
    :math:`D = \\sum_{0 < a_i < b_i} (b_i - a_i)` and
    :math:`E = \\sum_{a_i > b_i} (a_i - b_i)`, then the formulas of
    :func:`revenue_retention`.

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
    infinite = np.isinf(b.to_numpy()) | np.isinf(a.to_numpy())
    if infinite.any():
        raise CsatInputError(f"revenue in {before!r} and {after!r} must be finite; rows "
                             f"{list(data.index[infinite][:5])} are infinite")
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

    Parameters
    ----------
    rate_ : float
        The churn rate per short period (e.g. per month), a proportion in [0, 1].
    periods : int, default 12
        Short periods in one long period (12 months in a year).

    Returns
    -------
    float
        The churn rate per long period.

    Notes
    -----
    .. math:: a = 1 - (1 - m)^{k}, \\qquad k = \\text{periods}

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

    Assumes a constant monthly rate (geometric survival).

    Parameters
    ----------
    rate_ : float
        The churn rate per long period (e.g. per year), a proportion in [0, 1].
    periods : int, default 12
        Short periods in one long period (12 months in a year).

    Returns
    -------
    float
        The churn rate per short period.

    Notes
    -----
    .. math:: m = 1 - (1 - a)^{1/k}, \\qquad k = \\text{periods}

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

    Parameters
    ----------
    churn : float
        Churn rate per period, a proportion in (0, 1].

    Returns
    -------
    float
        Expected lifetime, in periods.

    Notes
    -----
    .. math:: E[L] = \\sum_{t \\ge 1} t\\,c\\,(1 - c)^{t-1} = \\frac{1}{c}

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
