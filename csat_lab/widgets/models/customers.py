"""Model functions of the customer explorers: churn, lifetime value, 80/20, cohorts, complaints."""

from __future__ import annotations

import dataclasses
import functools
import math
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._core.results import Result
from ..._core.validate import finite_number, rate
from ...errors import CsatInputError
from ...i18n import label
from .data import dataset as _dataset

if TYPE_CHECKING:
    from ...churn import CohortResult
    from ...segments import ParetoResult


@dataclasses.dataclass(frozen=True)
class ChurnCalculation(Result):
    """Churn over one period, converted to the other period, with the implied survival.

    Attributes
    ----------
    churn : ChurnRate
        The result of :func:`csat_lab.churn.churn_rate`: ``rate``,
        ``retention``, ``lost``, ``customers`` and the denominator.
    period : str
        The period of the counts: ``"month"`` or ``"year"``.
    converted : float
        The churn rate converted to the other period (a year for monthly counts, a month for annual ones).
    expected_lifetime : float
        ``1 / churn`` periods (infinite at zero churn).
    survival : pandas.DataFrame
        Share still active (``active``) after each ``period`` t = 0, 1, ..., 12 (months) or 10 (years).
    estimate : float
        The headline number: the churn rate of one period.
    """

    churn: Any
    period: str
    converted: float
    expected_lifetime: float
    survival: pd.DataFrame

    @property
    def estimate(self) -> float:
        """The headline number: the churn rate over one period."""
        return self.churn.rate

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The share still active after each period: :func:`csat_lab.plots.retention_curve`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.churn.retention_curve` (``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.churn import retention_curve

        return retention_curve(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [*self.churn._summary(), ("widgets.churn.converted", self.converted),
                ("clv.expected_lifetime", self.expected_lifetime)]


_PERIODS = {"month": 12, "year": 10}
#: The naming table's period codes for the same two periods.
_PERIOD_CODES = {"M": "month", "Y": "year"}


def churn_model(customers: int, lost: int, period: str = "month") -> ChurnCalculation:
    """The course's churn and retention rates, converted between months and years.

    Parameters
    ----------
    customers : int
        Customers at the start of the period (the denominator).
    lost : int
        Of them, customers lost during the period.
    period : {"month", "year"}, default "month"
        The period of the counts; the codes ``"M"`` and ``"Y"`` are accepted too.

    Returns
    -------
    ChurnCalculation
        The churn rate (= ``estimate``) and retention, the rate converted to
        the other period, the expected lifetime and the survival table;
        ``plot()`` draws the survival curve.

    Notes
    -----
    ``churn = lost / customers``, ``retention = 1 - churn``; a monthly rate m
    is ``1 - (1 - m)^12`` a year and an annual rate a is ``1 - (1 - a)^(1/12)``
    a month (constant rate; Fader & Hardie, 2007); expected lifetime is
    ``1 / churn`` periods (Gupta & Lehmann, 2003). ``survival`` is the share
    still active after t periods, ``(1 - churn)^t``.

    References
    ----------
    Fader, P. S., & Hardie, B. G. S. (2007). How to project customer
    retention. Journal of Interactive Marketing, 21(1), 76-90.

    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. Journal of
    Interactive Marketing, 17(1), 9-24.

    Examples
    --------
    >>> r = churn_model(200, 10, "month")
    >>> r.churn.rate, round(r.converted, 4), r.expected_lifetime
    (0.05, 0.4596, 20.0)
    """
    from ...churn import annual_to_monthly, churn_rate, expected_lifetime, monthly_to_annual

    period = _PERIOD_CODES.get(period, period) if isinstance(period, str) else period
    if not isinstance(period, str) or period not in _PERIODS:
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
    """Lifetime value now and after a retention gain, the CLV curve, and the profit effect.

    Attributes
    ----------
    clv : CLVResult
        Lifetime value at today's retention (:func:`csat_lab.churn.customer_lifetime_value`).
    improved : CLVResult
        Lifetime value at retention + ``gain``.
    gain : float
        The retention gain, in shares (0.05 = 5 points).
    curve : pandas.DataFrame
        CLV (``clv``) over a grid of ``retention`` rates, for the chart.
    economics : RetentionEconomics
        Five-year effect of the gain on a base of 1000 customers
        (:func:`csat_lab.churn.retention_economics`).
    estimate : float
        The headline number: today's lifetime value (``clv.value``).
    """

    clv: Any
    improved: Any
    gain: float
    curve: pd.DataFrame
    economics: Any

    @property
    def estimate(self) -> float:
        """The headline number: today's lifetime value."""
        return self.clv.value

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """CLV over retention, now and after the gain: :func:`csat_lab.plots.clv_retention_curve`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.churn.clv_retention_curve` (``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.churn import clv_retention_curve

        return clv_retention_curve(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [*self.clv._summary()[:-1], ("econ.improved_retention", self.improved.retention),
                ("widgets.clv.improved", self.improved.value),
                ("widgets.clv.profit_5y", self.economics.profit_increase), ("clv.formula", self.clv.formula)]


def clv_model(margin: float, retention: float, discount: float, acquisition_cost: float = 0.0,
              gain: float = 0.05, first_margin: str = "certain") -> CLVCalculation:
    """Customer lifetime value and what a retention gain is worth.

    Parameters
    ----------
    margin : float
        Margin per customer and period.
    retention : float
        Retention rate per period, between 0 and 1.
    discount : float
        Discount rate per period, between 0 and 1.
    acquisition_cost : float, default 0.0
        Cost of winning the customer, subtracted once.
    gain : float, default 0.05
        Retention gain to value, in shares (0.05 = 5 points); ``retention + gain``
        must stay between 0 and 1 (below 1).
    first_margin : {"certain", "retained"}, default "certain"
        The course's timing convention: the first year's margin counted in
        full (``"certain"``), or only if the customer is retained
        (``"retained"``, Gupta & Lehmann); see
        :func:`csat_lab.churn.customer_lifetime_value`.

    Returns
    -------
    CLVCalculation
        CLV now (= ``estimate``) and after the gain, the CLV curve and the
        five-year profit effect; ``plot()`` draws the curve.

    Notes
    -----
    ``CLV = m / (1 + d - r) - AC`` (the course's convention; ``m r / (1 + d - r)
    - AC`` with ``first_margin="retained"``, Gupta & Lehmann, 2003) at retention r
    and r + gain, the CLV curve over retention (``curve``), and the change in
    five-year profit of a customer base whose retention rises by ``gain``
    (:func:`csat_lab.churn.retention_economics`; Reichheld & Sasser, 1990).

    References
    ----------
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. Journal of
    Interactive Marketing, 17(1), 9-24.

    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: Quality comes
    to services. Harvard Business Review, 68(5), 105-111.

    Examples
    --------
    >>> r = clv_model(100, 0.8, 0.1, acquisition_cost=50, gain=0.05)
    >>> round(r.clv.value, 2), round(r.improved.value, 2)  # 100/0.3 - 50, 100/0.25 - 50
    (283.33, 350.0)
    """
    from ...churn import clv_sensitivity, customer_lifetime_value, retention_economics

    discount = rate(discount, "discount")
    gain = finite_number(gain, "gain")
    improved = finite_number(retention, "retention") + gain
    if not 0 <= improved < 1:
        raise CsatInputError(f"retention + gain must lie between 0 and 1 (below 1), got {retention:g} + {gain:g} = "
                             f"{improved:g}")
    grid = np.round(np.arange(0.05, 0.951, 0.05), 2)
    table = clv_sensitivity(margin, retention=grid, discount=[discount], acquisition_cost=acquisition_cost,
                            first_margin=first_margin)
    return CLVCalculation(
        clv=customer_lifetime_value(margin, retention, discount, acquisition_cost=acquisition_cost,
                                    first_margin=first_margin),
        improved=customer_lifetime_value(margin, retention + gain, discount, acquisition_cost=acquisition_cost,
                                         first_margin=first_margin),
        gain=float(gain),
        curve=pd.DataFrame({"retention": grid, "clv": getattr(table, "table", table).iloc[:, 0].to_numpy()}),
        economics=retention_economics(1000, retention, margin, gain=gain, years=5, discount=discount),
    )


#: Transaction logs the Pareto explorer can use: (customer column, date column, amount column).
VALUE_SOURCES: dict[str, tuple[str, str, str]] = {
    "supermarket_members": ("member_id", "date", "amount"),
    "cdnow": ("customer_id", "date", "amount"),
}


@functools.lru_cache(maxsize=None)
def _customer_value(dataset: str) -> pd.Series:
    from ...segments import rfm

    customer, date, amount = VALUE_SOURCES[dataset]
    return rfm(_dataset(dataset), customer=customer, date=date, amount=amount).table["monetary"]


def pareto_model(dataset: str = "supermarket_members", top: float = 0.2) -> ParetoResult:
    """The 80/20 rule on a course transaction log: Lorenz curve, Gini, share of the top customers.

    Parameters
    ----------
    dataset : str, default "supermarket_members"
        A course transaction log listed in :data:`VALUE_SOURCES`.
    top : float, default 0.2
        Share of top customers whose share of value is reported.

    Returns
    -------
    ParetoResult
        The result of :func:`csat_lab.segments.pareto`: ``lorenz``, ``gini``,
        ``top_share`` (= ``estimate``) and ``top``; ``plot()`` draws the Lorenz curve.

    Notes
    -----
    Customer value is the net spend per customer (the M of
    :func:`csat_lab.segments.rfm`); ``top_share = 1 - L(1 - top)`` and
    ``G = 2 sum_i i x_(i) / (n sum x) - (n + 1) / n`` (Lorenz, 1905; Gini,
    1912).

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth.
    Publications of the American Statistical Association, 9(70), 209-219.

    Gini, C. (1912). Variabilità e mutabilità. Bologna: Tipografia di Paolo Cuppini.

    Examples
    --------
    >>> r = pareto_model("supermarket_members", top=0.2)
    >>> 0 < r.gini < 1, r.top
    (True, 0.2)
    """
    from ...segments import pareto

    if not isinstance(dataset, str) or dataset not in VALUE_SOURCES:
        raise CsatInputError(f"dataset must be one of: {', '.join(VALUE_SOURCES)}; got {dataset!r}")
    return pareto(_customer_value(dataset), top=top)


def cohort_model(store: str = "all", programme: str = "all", period: str = "M") -> CohortResult:
    """Retention triangle of the supermarket members, optionally for one store or programme phase.

    Parameters
    ----------
    store : str, default "all"
        ``"all"`` or one store of the log (``"central"``, ``"north"``, ``"east"``).
    programme : str, default "all"
        ``"all"``, ``"before"`` or ``"after"`` the loyalty programme's relaunch.
    period : {"M", "Q"}, default "M"
        Length of one cohort period (month or quarter; any code of
        :func:`csat_lab.churn.cohort_table` works).

    Returns
    -------
    CohortResult
        The result of :func:`csat_lab.churn.cohort_table` (``rates``,
        ``counts``, ``sizes``), with the cells outside the chosen programme
        phase blank; ``plot()`` draws the heatmap.

    Notes
    -----
    ``rate[c, k]`` = share of the customers first buying in period ``c`` who
    buy again in period ``c + k`` (Fader & Hardie, 2010); refunds are netted
    per customer and period.

    ``store`` keeps the purchases made in that store. ``programme`` does not
    drop purchases (that would restart every old member's cohort at the
    relaunch, counting them as new): cohorts stay defined by each member's
    first purchase, and only the cells whose calendar period ``c + k`` falls in
    the chosen phase are shown; the others are blank.

    References
    ----------
    Fader, P. S., & Hardie, B. G. S. (2010). Customer-base valuation in a
    contractual setting: The perils of ignoring heterogeneity. Marketing
    Science, 29(1), 85-93.

    Examples
    --------
    >>> r = cohort_model(store="north")
    >>> float(r.rates.iloc[0, 0])
    1.0
    """
    import dataclasses

    from ...churn import cohort_table

    data = _dataset("supermarket_members")
    for column, value in (("store", store), ("programme", programme)):
        if not isinstance(value, str):
            raise CsatInputError(f"{column} must be 'all' or one of: {', '.join(data[column].cat.categories)}; "
                                 f"got {value!r}")
        if value != "all":
            options = list(data[column].cat.categories)
            if value not in options:
                raise CsatInputError(f"{column} must be 'all' or one of: {', '.join(options)}; got {value!r}")
    subset = data[data["store"] == store] if store != "all" else data
    result = cohort_table(subset, customer="member_id", date="date", period=period, amount="amount")
    if programme == "all":
        return result
    phase = set(data.loc[data["programme"] == programme, "date"].dt.to_period(period).unique())
    cohorts = result.rates.index
    in_phase = np.array([[(pd.Period(c, freq=period) + int(k)) in phase for k in result.rates.columns] for c in cohorts])
    return dataclasses.replace(result, rates=result.rates.where(in_phase), counts=result.counts.where(in_phase))


@functools.lru_cache(maxsize=None)
def _recovery(dataset: str):
    from ...complaints import recovery_model

    return recovery_model(_dataset(dataset))


@dataclasses.dataclass(frozen=True)
class ComplaintSimulation(Result):
    """Predicted handling satisfaction and repurchase for the chosen steps, with none and all as anchors.

    Attributes
    ----------
    steps : tuple of str
        The handling steps taken, in the order of :data:`csat_lab.complaints.HANDLING_STEPS`.
    chosen : dict
        Prediction for those steps: ``satisfaction`` and ``repurchase`` with
        their ``satisfaction_ci`` and ``repurchase_ci`` intervals.
    none : dict
        The same prediction with no step taken.
    all : dict
        The same prediction with all eight steps taken.
    model : RecoveryModel
        The fitted :func:`csat_lab.complaints.recovery_model` (``n``, ``n_dropped``).
    estimate : float
        The headline number: predicted handling satisfaction for the chosen steps.
    """

    steps: tuple[str, ...]
    chosen: dict
    none: dict
    all: dict
    model: Any

    @property
    def estimate(self) -> float:
        """The headline number: predicted handling satisfaction (1-5) for the chosen steps."""
        return float(self.chosen["satisfaction"])

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Predictions for no step, the chosen steps and all eight: :func:`csat_lab.plots.complaint_prediction_bars`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.complaints.complaint_prediction_bars`
            (``outcome="satisfaction"`` or ``"repurchase"``, ``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.complaints import complaint_prediction_bars

        return complaint_prediction_bars(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        done = ", ".join(label(f"complaints.step.{s}") for s in self.steps) or label("widgets.complaint.none")
        return [("widgets.complaint.steps", done),
                ("widgets.complaint.sat_axis", self.chosen["satisfaction"]),
                ("result.ci", self.chosen["satisfaction_ci"]),
                ("widgets.complaint.rep_axis", self.chosen["repurchase"]),
                ("result.ci", self.chosen["repurchase_ci"]), ("result.n", self.model.n),
                ("result.n_dropped", self.model.n_dropped)]


def complaint_model(listen: bool = False, feelings: bool = False, cause: bool = False, requirement: bool = False,
                    solution: bool = False, thank: bool = False, follow_up: bool = False, review: bool = False,
                    dataset: str = "complaints_log") -> ComplaintSimulation:
    """What doing some of the eight complaint-handling steps does to satisfaction and repurchase.

    Parameters
    ----------
    listen, feelings, cause, requirement, solution, thank, follow_up, review : bool
        Whether each of the eight handling steps was taken (all False by
        default): True/False or 1/0; anything else (``"yes"``, ``2``, None)
        raises :class:`~csat_lab.errors.CsatInputError` naming the step.
    dataset : str, default "complaints_log"
        The course complaints log the model is fitted on (once per process).

    Returns
    -------
    ComplaintSimulation
        The predictions for the chosen steps, no step and all eight, with
        their intervals, and the fitted model; ``estimate`` is the predicted
        handling satisfaction, ``plot()`` draws the predictions.

    Notes
    -----
    Fitted on the complaints in ``dataset``: handling satisfaction by OLS and
    repurchase by logit on the eight step indicators (Tax, Brown &
    Chandrashekaran, 1998); the prediction for the chosen steps comes with the
    predictions for no step and for all eight. Wraps
    :func:`csat_lab.complaints.recovery_model`.

    References
    ----------
    Tax, S. S., Brown, S. W., & Chandrashekaran, M. (1998). Customer
    evaluations of service complaint experiences: Implications for
    relationship marketing. Journal of Marketing, 62(2), 60-76.

    Examples
    --------
    >>> r = complaint_model(listen=True, solution=True)
    >>> r.steps
    ('listen', 'solution')
    >>> r.none["repurchase"] < r.all["repurchase"]
    True
    """
    from ...complaints import HANDLING_STEPS

    given = dict(listen=listen, feelings=feelings, cause=cause, requirement=requirement, solution=solution,
                 thank=thank, follow_up=follow_up, review=review)
    flags = {}
    for step, value in given.items():
        if not (isinstance(value, (bool, np.bool_)) or (isinstance(value, (int, np.integer)) and value in (0, 1))):
            raise CsatInputError(f"{step} must be True or False (whether the step was taken), got {value!r}")
        flags[step] = bool(value)
    if not isinstance(dataset, str):
        raise CsatInputError(f"dataset must be the name of a course dataset, got {dataset!r}")
    fitted = _recovery(dataset)
    return ComplaintSimulation(
        steps=tuple(s for s in HANDLING_STEPS if flags[s]), chosen=fitted.predict(flags),
        none=fitted.predict({}), all=fitted.predict(dict.fromkeys(HANDLING_STEPS, True)), model=fitted)
