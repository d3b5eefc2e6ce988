"""Customer lifetime value and the course's retention economics.

Simple CLV (Gupta & Lehmann 2003): a customer yields margin m per period, stays
each period with probability r, and money is discounted at rate d per period.
Summing the infinite series of expected discounted margins (first margin one
period from now) gives

    CLV = m * r / (1 + d - r)  -  acquisition cost.

Timing: two conventions are common, and ``first_margin=`` chooses. With
``"retained"`` (the default, Gupta & Lehmann 2003) the first margin, too, is
received only by a customer retained through the first period: year t counts
m r^t, CLV = m r / (1 + d - r). With ``"certain"`` (the course's convention,
notebooks 01 and 04) the first year's margin is counted in full: year t counts
m r^(t-1), CLV = m / (1 + d - r). Every term of the first is r times the second.

Small retention gains compound over years (:func:`retention_economics`). The
handouts' "acquiring a customer costs 4-6 times as much as keeping one" has no
traceable origin (notebook 01's claim check): give your own ``acquisition_cost``
and ``retention_cost`` instead.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Sequence

import numpy as np
import pandas as pd

from .._core.results import Result
from .._core.validate import finite_number, head_count, one_of, rate
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["CLVResult", "RetentionEconomics", "customer_lifetime_value", "clv", "clv_sensitivity",
           "retention_economics"]


@dataclasses.dataclass(frozen=True)
class CLVResult(Result):
    """Lifetime value of one customer; ``float(result)`` gives ``value``.

    Attributes
    ----------
    estimate : float
        The headline number: the lifetime value (same as ``value``).
    value : float
        m x multiplier - acquisition cost.
    margin : float
        Margin m per period.
    retention : float
        Retention probability r per period.
    discount : float
        Discount rate d per period.
    acquisition_cost : float
        Acquisition cost subtracted once.
    multiplier : float
        What one period's margin is multiplied by: r / (1 + d - r) when the
        first margin needs the customer retained, 1 / (1 + d - r) when it is
        certain.
    expected_lifetime : float
        1 / (1 - r) periods.
    first_margin : str
        ``"retained"`` or ``"certain"``: the timing convention used.
    formula : Message
        The formula in words.
    """

    value: float
    margin: float
    retention: float
    discount: float
    acquisition_cost: float
    multiplier: float
    expected_lifetime: float
    first_margin: str = "retained"
    formula: str = Message("value.formula.clv")

    @property
    def estimate(self) -> float:
        """The lifetime value (``value``)."""
        return self.value

    def __float__(self) -> float:
        return self.value

    def _summary(self) -> list[tuple[str, Any]]:
        return [("clv.value", self.value), ("clv.margin", self.margin), ("clv.retention", self.retention),
                ("clv.discount", self.discount), ("clv.acquisition_cost", self.acquisition_cost),
                ("clv.multiplier", self.multiplier), ("clv.expected_lifetime", self.expected_lifetime),
                ("clv.formula", self.formula)]


def _check_rd(retention: object, discount: object) -> tuple[float, float]:
    r = rate(retention, "retention")
    if r >= 1:
        raise CsatInputError(
            "retention must be below 1: with retention 1 a customer never leaves and the lifetime value "
            "has no finite value"
        )
    d = finite_number(discount, "discount")
    if d <= -1:
        raise CsatInputError(f"discount must be above -1 (it is a rate per period, e.g. 0.1), got {discount!r}")
    return r, d


def _check_converges(r: float, d: float) -> None:
    """The series sum_t m (r/(1+d))^t is finite only when r < 1 + d (a negative discount can break this)."""
    if r >= 1.0 + d:
        raise CsatInputError(
            f"with retention {r:g} and discount {d:g} the discounted margins do not shrink (retention must be "
            f"below 1 + discount = {1 + d:g}), so the lifetime value is infinite")


#: Timing conventions of the first margin: received only if the customer is retained, or certain.
FIRST_MARGIN: tuple[str, ...] = ("retained", "certain")


def _multiplier(r: np.ndarray | float, d: np.ndarray | float, first_margin: str) -> np.ndarray | float:
    """Sum over t >= 1 of r^t / (1+d)^t (first margin if retained) or r^(t-1) / (1+d)^t (certain)."""
    return (r if first_margin == "retained" else 1.0) / (1.0 + d - r)


def customer_lifetime_value(margin: float, retention: float, discount: float, *,
                            acquisition_cost: float = 0.0, first_margin: str = "retained") -> CLVResult:
    """Lifetime value with constant margin and retention (Gupta & Lehmann 2003).

    Parameters
    ----------
    margin : float
        Margin m per customer per period.
    retention : float
        Retention probability r per period, 0 <= r < 1.
    discount : float
        Discount rate d per period, d > -1 and r < 1 + d (else the sum is infinite).
    acquisition_cost : float, default 0
        Cost of acquiring the customer, subtracted once.
    first_margin : {"retained", "certain"}, default "retained"
        When the first margin counts: ``"retained"``, only if the customer is
        retained through the first period (Gupta & Lehmann's convention);
        ``"certain"``, in full (the course's convention, notebooks 01 and 04).

    Returns
    -------
    CLVResult
        ``value`` (also ``estimate``), the ``multiplier`` (r/(1+d-r) or
        1/(1+d-r)) and ``expected_lifetime`` 1/(1-r).

    Notes
    -----
    The expected discounted margins, each received at the end of its period:

    .. math:: CLV_{retained} = \\sum_{t=1}^{\\infty} \\frac{m\\,r^t}{(1+d)^t} - AC = m\\,\\frac{r}{1 + d - r} - AC

    .. math:: CLV_{certain} = \\sum_{t=1}^{\\infty} \\frac{m\\,r^{t-1}}{(1+d)^t} - AC = \\frac{m}{1 + d - r} - AC

    Every term of the first is ``r`` times the second: the first assumes the
    customer may already be lost before paying anything, the second that
    the customer just won pays for the first period.

    References
    ----------
    Gupta, S. & Lehmann, D. R. (2003). Customers as assets. Journal of
    Interactive Marketing 17(1), 9-24.

    Examples
    --------
    >>> r = customer_lifetime_value(100, 0.8, 0.1, acquisition_cost=50)
    >>> round(r.value, 2), round(r.multiplier, 4)
    (216.67, 2.6667)
    >>> round(float(clv(100, 0.8, 0.1)), 2)
    266.67

    The course's convention (first margin certain), m / (1 + d - r) = 100 / 0.3:

    >>> round(clv(100, 0.8, 0.1, first_margin="certain").value, 2)
    333.33
    """
    m = finite_number(margin, "margin")
    ac = finite_number(acquisition_cost, "acquisition_cost")
    first_margin = one_of(first_margin, FIRST_MARGIN, "first_margin")
    r, d = _check_rd(retention, discount)
    _check_converges(r, d)
    mult = _multiplier(r, d, first_margin)
    value = m * mult - ac
    if not np.isfinite(value):
        raise CsatInputError(f"the lifetime value overflows ({m:g} x {mult:g} - {ac:g}); give margin and "
                             "acquisition_cost in larger units (thousands, millions)")
    return CLVResult(value=value, margin=m, retention=r, discount=d, acquisition_cost=ac,
                     multiplier=mult, expected_lifetime=1.0 / (1.0 - r), first_margin=first_margin,
                     formula=Message(f"value.formula.clv.{first_margin}"))


clv = customer_lifetime_value


def clv_sensitivity(margin: float, retention: Sequence[float] = (0.6, 0.7, 0.8, 0.9),
                    discount: Sequence[float] = (0.05, 0.1, 0.15), *,
                    acquisition_cost: float = 0.0, first_margin: str = "retained") -> pd.DataFrame:
    """CLV over a grid of retention (rows) and discount (columns) rates.

    Each cell is :math:`m\\,r/(1+d-r) - AC` (or :math:`m/(1+d-r) - AC` with
    ``first_margin="certain"``), so the table shows how steeply value rises
    with retention.

    Parameters
    ----------
    margin : float
        Margin m per customer per period.
    retention : sequence of float, default (0.6, 0.7, 0.8, 0.9)
        Retention rates r per period (rows), each 0 <= r < 1.
    discount : sequence of float, default (0.05, 0.1, 0.15)
        Discount rates d per period (columns), each above -1.
    acquisition_cost : float, default 0
        Cost of acquiring a customer, subtracted once.
    first_margin : {"retained", "certain"}, default "retained"
        The timing convention of :func:`customer_lifetime_value`.

    Returns
    -------
    pandas.DataFrame
        CLV with retention as the index and discount as the columns (a grid
        of single numbers; :func:`csat_lab.plots.clv_sensitivity_heatmap` draws it).

    Notes
    -----
    .. math:: CLV(r, d) = m\\,\\frac{r}{1 + d - r} - AC \\quad\\text{or}\\quad \\frac{m}{1 + d - r} - AC

    as in :func:`customer_lifetime_value` (first margin if retained, or certain).

    References
    ----------
    Gupta & Lehmann (2003), as in :func:`customer_lifetime_value`.

    Examples
    --------
    >>> clv_sensitivity(100, retention=[0.8, 0.9], discount=[0.1]).round(1)
    discount     0.1
    retention
    0.8        266.7
    0.9        450.0
    >>> clv_sensitivity(100, retention=[0.8], discount=[0.1], first_margin="certain").iloc[0, 0].round(2)
    np.float64(333.33)
    """
    m = finite_number(margin, "margin")
    ac = finite_number(acquisition_cost, "acquisition_cost")
    first_margin = one_of(first_margin, FIRST_MARGIN, "first_margin")
    rs = [_check_rd(r, 0.0)[0] for r in _grid(retention, "retention")]
    ds = [_check_rd(0.0, d)[1] for d in _grid(discount, "discount")]
    if not rs or not ds:
        raise CsatInputError("retention and discount each need at least one value")
    for r_ in rs:
        for d_ in ds:
            _check_converges(r_, d_)
    r = np.asarray(rs)[:, None]
    d = np.asarray(ds)[None, :]
    with np.errstate(over="ignore", invalid="ignore"):
        grid = m * _multiplier(r, d, first_margin) - ac
    if not np.isfinite(grid).all():
        raise CsatInputError("the lifetime values overflow; give margin and acquisition_cost in larger units "
                             "(thousands, millions)")
    table = pd.DataFrame(grid, index=pd.Index(rs, name="retention"), columns=pd.Index(ds, name="discount"))
    return table


def _grid(values: object, name: str) -> np.ndarray:
    """The rates of one axis of the grid: a number or a flat sequence of numbers."""
    if isinstance(values, (str, bytes, dict, pd.DataFrame)) or np.ndim(values) > 1:
        raise CsatInputError(f"{name} must be a number or a flat list of numbers, got {values!r}")
    return np.atleast_1d(np.asarray(values, dtype=object))


@dataclasses.dataclass(frozen=True)
class RetentionEconomics(Result):
    """Customer base and profit over the years, at the current and at an improved retention.

    Attributes
    ----------
    estimate : float
        The headline number: the relative increase in the present value of profit
        (same as ``profit_increase``).
    table : pandas.DataFrame
        By year (index): ``customers``, ``customers_improved``, ``profit`` and ``profit_improved``.
    extra_customers : float
        Customers in the last year at the improved minus at the current retention.
    extra_profit : float
        Present value of profit at the improved minus at the current retention.
    profit_increase : float
        ``extra_profit`` / |present value at the current retention| (nan when that is 0).
    cost_ratio : float or None
        Acquisition cost / yearly retention cost per customer (None without a retention cost).
    retention : float
        Current retention per year.
    improved_retention : float
        Retention + gain.
    years : int
        Years projected.
    """

    table: pd.DataFrame
    extra_customers: float
    extra_profit: float
    profit_increase: float
    cost_ratio: float | None
    retention: float
    improved_retention: float
    years: int

    @property
    def estimate(self) -> float:
        """The relative profit increase (``profit_increase``)."""
        return self.profit_increase

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Customer base by year at both retentions: :func:`csat_lab.plots.retention_economics_chart`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.churn.retention_economics_chart` (``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.churn import retention_economics_chart

        return retention_economics_chart(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("econ.retention", self.retention), ("econ.improved_retention", self.improved_retention),
                ("econ.years", self.years), ("econ.extra_customers", self.extra_customers),
                ("econ.extra_profit", self.extra_profit), ("econ.profit_increase", self.profit_increase),
                ("econ.cost_ratio", self.cost_ratio)]


def retention_economics(customers: int, retention: float, margin: float, *, gain: float = 0.05,
                        years: int = 5, new_customers: int = 0, acquisition_cost: float = 0.0,
                        retention_cost: float = 0.0, discount: float = 0.0) -> RetentionEconomics:
    """What a retention gain (default 5 points) does to the customer base and profit.

    Parameters
    ----------
    customers : int
        Customers at the start (year 0); it and ``new_customers`` cannot both be 0.
    retention : float
        Current retention rate per year, in [0, 1].
    margin : float
        Margin m per customer per year.
    gain : float, default 0.05
        Retention gain (0.05 = five percentage points); r + gain must lie in [0, 1].
    years : int, default 5
        Years to project.
    new_customers : int, default 0
        New customers A acquired each year.
    acquisition_cost : float, default 0
        Cost c_A of acquiring one new customer.
    retention_cost : float, default 0
        Yearly cost c_R of keeping one customer.
    discount : float, default 0
        Discount rate d per year for the present values.

    Returns
    -------
    RetentionEconomics
        The yearly ``table`` and the differences; ``plot()`` draws the customer base.

    Notes
    -----
    Year by year, for retention r and r + gain:

    .. math::
        N_{t} = r\\,N_{t-1} + A,\\qquad
        \\pi_t = N_t\\,(m - c_R) - A\\,c_A,\\qquad
        PV = \\sum_t \\pi_t/(1+d)^t

    with A new customers a year, c_A the acquisition cost per new customer and
    c_R the yearly retention cost per customer. ``cost_ratio`` = c_A / c_R (the
    handouts quote 4-6, a figure of untraceable origin). Year 1 counts the
    :math:`N_1 = r N_0 + A` customers at its end, the timing of
    :func:`customer_lifetime_value`.

    References
    ----------
    Reichheld, F. F. & Sasser, W. E. (1990). Zero defections: quality comes to
    services. Harvard Business Review 68(5), 105-111.

    Examples
    --------
    >>> e = retention_economics(1000, 0.80, 100, gain=0.05, years=5)
    >>> round(e.extra_customers, 1), round(e.profit_increase, 3)
    (116.0, 0.172)
    """
    n0 = head_count(customers, "customers")
    if n0 == 0 and head_count(new_customers, "new_customers") == 0:
        raise CsatInputError("customers and new_customers are both 0: there is no customer base to project; "
                             "give the customers at the start (customers=) or new customers a year")
    r = rate(retention, "retention")
    g = finite_number(gain, "gain")
    r2 = r + g
    if not 0 <= r2 <= 1:
        raise CsatInputError(f"retention + gain must lie between 0 and 1, got {r2:g}")
    m = finite_number(margin, "margin")
    a = head_count(new_customers, "new_customers")
    n_years = head_count(years, "years")
    if n_years < 1:
        raise CsatInputError("years must be at least 1")
    c_a, c_r = finite_number(acquisition_cost, "acquisition_cost"), finite_number(retention_cost, "retention_cost")
    if c_a < 0 or c_r < 0:
        raise CsatInputError("acquisition_cost and retention_cost must not be negative")
    _, d = _check_rd(0.0, discount)
    t = np.arange(1, n_years + 1)

    def base(rr: float) -> np.ndarray:
        # closed form of N_t = r N_{t-1} + A, so r = 1 needs no special case beyond the sum
        geometric = t.astype(float) if rr == 1 else (1 - rr ** t) / (1 - rr)
        return n0 * rr ** t + a * geometric

    with np.errstate(over="ignore", invalid="ignore"):
        n_now, n_better = base(r), base(r2)
        profit_now = n_now * (m - c_r) - a * c_a
        profit_better = n_better * (m - c_r) - a * c_a
    factor = (1 + d) ** -t
    table = pd.DataFrame({"year": t, "customers": n_now, "customers_improved": n_better,
                          "profit": profit_now, "profit_improved": profit_better}).set_index("year")
    with np.errstate(over="ignore", invalid="ignore"):
        pv_now, pv_better = float((profit_now * factor).sum()), float((profit_better * factor).sum())
    if not (np.isfinite(table.to_numpy()).all() and np.isfinite([pv_now, pv_better]).all()):
        raise CsatInputError("the projected customers or profits overflow; give customers, margin and costs in "
                             "larger units (thousands, millions)")
    return RetentionEconomics(
        table=table, extra_customers=float(n_better[-1] - n_now[-1]), extra_profit=pv_better - pv_now,
        profit_increase=(pv_better - pv_now) / abs(pv_now) if pv_now else float("nan"),
        cost_ratio=c_a / c_r if c_r > 0 else None, retention=r, improved_retention=r2, years=n_years,
    )
