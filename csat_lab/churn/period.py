"""Churn over one period from a customer-status table or from a transaction log.

Two definitions of "lost", both over the half-open period [start, end):

* **contractual** (subscriptions): one row per customer with a start date and an
  end date (missing while active). Active at time t: started before t and not
  ended by t. Lost: active at the period start and ended before the period end.
* **non-contractual** (shops, members): a transaction log and an inactivity
  window W. Active at time t: bought in [t - W, t). Lost: active at the start
  and no purchase in [end - W, end).

Customers who join during the period (new, or returning after lapsing) are
"joiners". ``joiners`` says how they enter the rate, and the result states the
denominator used:

* ``"exclude"`` (default): customers at the start are the denominator; joiners and
  joiners who left are reported but not counted;
* ``"include"``: start customers + joiners, lost includes joiners who left;
* ``"average"``: mean of the customers at start and at end; lost includes joiners who
  left (the rate can then exceed 1 when joiners churn heavily; no CI).
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from .._core.intervals import wilson_counts
from .._core.results import Result
from .._core.txlog import analysis_date, check_customer_ids, dates_tz, engine_row
from .._core.validate import (
    one_of,
    probability,
    require_columns,
    require_frame,
    to_dates,
    to_timestamp,
)
from ..errors import CsatInputError
from ..i18n import Message
from .transactions import validate_transactions

__all__ = ["PeriodChurnResult", "period_churn"]


@dataclasses.dataclass(frozen=True)
class PeriodChurnResult(Result):
    """Churn over one period with every count behind it and the denominator stated.

    Attributes
    ----------
    estimate : float
        The headline number: the churn rate (same as ``rate``).
    rate : float
        Churn rate, lost / customers (``percent`` gives x 100%).
    retention : float
        1 - ``rate``.
    lost : int
        Customers lost, counted as ``joiners=`` says.
    customers : float
        The denominator (an average of two counts for ``joiners="average"``).
    denominator : Message
        Which customers make the denominator, in words.
    kind : str
        "contractual" or "non-contractual".
    period : tuple of str
        (start, end) of the period as ISO dates, start included, end excluded.
    at_start : int
        Customers active at the period start.
    lost_from_start : int
        Of those, customers lost by the period end.
    joiners : int
        Customers joining during the period (new or returning).
    joiners_lost : int
        Joiners lost again by the period end.
    reactivated : int
        Joiners who had bought before and lapsed (non-contractual only; else 0).
    at_end : int
        Customers active at the period end.
    ci : tuple of float
        (low, high) Wilson score interval of the rate; (nan, nan) for ``joiners="average"``.
    ci_method : Message
        Name of the interval method.
    n : int
        Rows read (customers of a status table, transactions of a log).
    n_dropped : int
        Rows left out, including transactions dated on or after the period end (they do not bear on it).
    dropped : dict
        Reason -> number of rows left out.
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    engine : str
        Where the counts were computed: "pandas" or the input's engine ("duckdb", "polars", ...).
    """

    rate: float
    retention: float
    lost: int
    customers: float
    denominator: str
    kind: str
    period: tuple[str, str]
    at_start: int
    lost_from_start: int
    joiners: int
    joiners_lost: int
    reactivated: int
    at_end: int
    ci: tuple[float, float]
    ci_method: str
    n: int
    n_dropped: int
    dropped: dict
    ci_level: float = 0.95
    engine: str = "pandas"

    @property
    def estimate(self) -> float:
        """The churn rate (``rate``)."""
        return self.rate

    @property
    def percent(self) -> float:
        """The churn rate x 100%."""
        return 100.0 * self.rate

    def _summary(self) -> list[tuple[str, Any]]:
        return [("churn.rate", self.rate), ("churn.retention", self.retention),
                ("churn.lost", self.lost), ("churn.customers", self.customers),
                ("churn.denominator", self.denominator), ("churn.kind", Message(f"value.kind.{self.kind.replace('-', '_')}")),
                ("churn.period", f"{self.period[0]} .. {self.period[1]}"),
                ("churn.at_start", self.at_start), ("churn.joiners", self.joiners),
                ("churn.joiners_lost", self.joiners_lost), ("churn.reactivated", self.reactivated),
                ("churn.at_end", self.at_end), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)] \
            + engine_row(self.engine)


def period_churn(data: Any, period_start: object, period_end: object, *,
                 kind: str = "contractual", customer: str = "customer_id", start: str = "start_date",
                 end: str = "end_date", date: str = "date", inactivity: object = None,
                 joiners: str = "exclude", ci: float = 0.95) -> PeriodChurnResult:
    """Churn rate over [period_start, period_end) with the denominator stated.

    .. math:: \\text{churn} = \\frac{\\text{lost}}{\\text{customers who bought}}

    where the denominator follows ``joiners`` (see the module docstring).

    Parameters
    ----------
    data : pandas.DataFrame or a table of another engine
        Status table (``kind="contractual"``: columns ``customer``, ``start``,
        ``end``) or transaction log (``kind="non-contractual"``: ``customer``, ``date``).
        A Polars, PyArrow, DuckDB, Ibis or Spark table, or a path / glob of Parquet or CSV
        files (read by DuckDB), is counted in its engine (:mod:`csat_lab._core.engine`).
    period_start, period_end : date-like
        The period, start included, end excluded.
    kind : {"contractual", "non-contractual"}, default "contractual"
        Subscriptions with start and end dates, or purchases without a notice of leaving.
    customer : str, default "customer_id"
        Column of customer ids.
    start : str, default "start_date"
        Contractual only: column of start dates.
    end : str, default "end_date"
        Contractual only: column of end dates (missing while active).
    date : str, default "date"
        Non-contractual only: column of purchase dates.
    inactivity : str or Timedelta
        Non-contractual only: the window W after which a silent customer counts
        as lost (e.g. ``"90D"``).
    joiners : {"exclude", "include", "average"}
        How customers joining during the period enter the rate.
    ci : float, default 0.95
        Confidence level of the Wilson interval (not given for ``"average"``),
        strictly between 0 and 1.

    Returns
    -------
    PeriodChurnResult
        ``rate`` (also ``estimate``) with every count behind it, the
        ``denominator`` in words and the Wilson interval ``ci``.

    Notes
    -----
    With ``joiners="exclude"`` the rate is lost-from-start / active-at-start;
    ``"include"`` adds joiners to both; ``"average"`` divides all lost by
    (at start + at end) / 2. The Wilson score interval treats the denominator
    as the number of trials.

    References
    ----------
    Fader, P. S. & Hardie, B. G. S. (2009). Probability models for customer-base
    analysis. Journal of Interactive Marketing 23(1), 61-69 (contractual vs
    non-contractual settings). Wilson (1927) for the interval.

    Examples
    --------
    >>> status = pd.DataFrame({"customer_id": range(6),
    ...     "start_date": ["2023-03-01", "2023-06-01", "2023-09-01", "2023-11-01", "2024-02-01", "2024-03-01"],
    ...     "end_date": [None, "2024-02-10", None, "2024-03-20", "2024-03-05", None]})
    >>> r = period_churn(status, "2024-01-01", "2024-04-01")
    >>> r.lost, r.customers, round(r.rate, 3), r.joiners, r.joiners_lost
    (2, 4.0, 0.5, 2, 1)
    >>> period_churn(status, "2024-01-01", "2024-04-01", joiners="include").rate
    0.5
    """
    one_of(kind, ("contractual", "non-contractual"), "kind")
    one_of(joiners, ("exclude", "include", "average"), "joiners")
    level = probability(ci, "ci")
    column = start if kind == "contractual" else date
    lazy, engine = None, "pandas"
    if isinstance(data, pd.DataFrame) or data is None:
        require_frame(data)
        tz = dates_tz(data[column]) if column in data.columns else None
    else:
        from .._core import engine as eng

        needed = [customer, start, end] if kind == "contractual" else [customer, date]
        lazy = eng.open_log(data, columns=needed)
        engine = eng.engine_of(lazy)
        tz = eng.wall_clock(lazy, column)[1]
    p0, p1 = to_timestamp(period_start, "period_start", tz), to_timestamp(period_end, "period_end", tz)
    if p1 <= p0:
        raise CsatInputError(f"period_end ({p1.date()}) must come after period_start ({p0.date()})")
    if kind == "contractual":
        counts, n, dropped = (_contractual(data, p0, p1, customer, start, end) if lazy is None
                              else _contractual_in_engine(lazy, p0, p1, customer, start, end))
    else:
        if inactivity is None:
            raise CsatInputError("kind='non-contractual' needs an inactivity window, e.g. inactivity='90D'")
        if isinstance(inactivity, (bool, int, float, np.number)):
            raise CsatInputError(f"inactivity must be a duration with a unit such as '90D' (a bare number would "
                                 f"be read as nanoseconds), got {inactivity!r}")
        try:
            window = pd.Timedelta(inactivity)
        except (TypeError, ValueError):
            raise CsatInputError(f"inactivity must be a duration such as '90D', got {inactivity!r}") from None
        if window <= pd.Timedelta(0):
            raise CsatInputError(f"inactivity must be a positive duration, got {inactivity!r}")
        counts, n, dropped = (_noncontractual(data, p0, p1, customer, date, window) if lazy is None
                              else _noncontractual_in_engine(data, p0, p1, customer, date, window))
    at_start, lost0, join, join_lost, react, at_end = counts
    if joiners == "exclude":
        base, lost = float(at_start), lost0
    elif joiners == "include":
        base, lost = float(at_start + join), lost0 + join_lost
    else:
        base, lost = (at_start + at_end) / 2.0, lost0 + join_lost
    if base == 0:
        raise CsatInputError(
            f"no customers were active at {p0.date()} (the denominator is 0); choose another period"
            + ("" if joiners != "exclude" else " or joiners='include'")
        )
    churn = lost / base
    interval = (math.nan, math.nan) if joiners == "average" else wilson_counts(lost, base, level)
    return PeriodChurnResult(
        rate=churn, retention=1.0 - churn, lost=int(lost), customers=base,
        denominator=Message(f"churn.denominator.{joiners}", n=f"{base:g}", joiners=join, joiners_lost=join_lost),
        kind=kind, period=(str(p0.date()), str(p1.date())), at_start=at_start, lost_from_start=lost0,
        joiners=join, joiners_lost=join_lost, reactivated=react, at_end=at_end, ci=interval,
        ci_method=Message("value.method.average_undefined") if joiners == "average" else Message("value.method.wilson"),
        n=n, n_dropped=int(sum(dropped.values())), dropped=dropped, ci_level=level, engine=engine,
    )


def _contractual(data, p0, p1, customer, start, end):
    require_columns(data, [customer, start, end])
    s = to_dates(data[start], start)
    e = to_dates(data[end], end)
    if s.isna().any():
        raise CsatInputError(f"{start!r} is missing at rows {list(data.index[s.isna()][:5])}; every customer needs a start date")
    backwards = e.notna() & (e < s)
    if backwards.any():
        raise CsatInputError(f"{end!r} is before {start!r} at rows {list(data.index[backwards][:5])}")
    check_customer_ids(data[customer].dropna().unique(), data[customer], customer)
    dup = data[customer].duplicated()
    if dup.any():
        raise CsatInputError(f"{customer!r} repeats at rows {list(data.index[dup][:5])}; a status table has one row per customer")
    alive_at = lambda t: (s < t) & (e.isna() | (e >= t))  # noqa: E731
    a0, a1 = alive_at(p0), alive_at(p1)
    ended = e.notna() & (e < p1)
    joined = (s >= p0) & (s < p1)
    counts = (int(a0.sum()), int((a0 & ended).sum()), int(joined.sum()), int((joined & ended).sum()), 0,
              int(a1.sum()))
    return counts, len(data), {}


def _noncontractual(data, p0, p1, customer, date, window):
    report = validate_transactions(data, customer=customer, date=date, on_invalid="raise")
    log = report.data
    dropped = dict(report.dropped)
    late = log[date] >= p1
    if late.any():
        # later purchases do not bear on churn in this period; counted so nothing vanishes silently
        dropped[Message("value.reason.after_period")] = int(late.sum())
        log = log[~late]
    if log.empty:
        raise CsatInputError(f"no transactions before {p1.date()}; nothing to measure")
    d = log[date].to_numpy()
    codes, _ = pd.factorize(log[customer])
    k = int(codes.max()) + 1

    def any_in(lo, hi):
        hit = np.zeros(k, dtype=bool)
        hit[codes[(d >= np.datetime64(lo)) & (d < np.datetime64(hi))]] = True
        return hit

    first = pd.Series(d).groupby(codes).min().to_numpy()
    active0 = any_in(p0 - window, p0)
    active1 = any_in(p1 - window, p1)
    bought = any_in(p0, p1)
    new = first >= np.datetime64(p0)
    returning = bought & ~active0 & ~new
    joined = new | returning
    counts = (int(active0.sum()), int((active0 & ~active1).sum()), int(joined.sum()),
              int((joined & ~active1).sum()), int(returning.sum()), int(active1.sum()))
    return counts, len(data), dropped


def _contractual_in_engine(lazy, p0, p1, customer, start, end):
    import narwhals as nw

    from .._core import engine as eng

    s, _, s_date = eng.wall_clock(lazy, start)
    e, _, e_date = eng.wall_clock(lazy, end)

    def alive_at(t):
        return (s < eng.time_literal(t, s_date)) & (e.is_null() | (e >= eng.time_literal(t, e_date)))

    ended = ~e.is_null() & (e < eng.time_literal(p1, e_date))
    joined = (s >= eng.time_literal(p0, s_date)) & (s < eng.time_literal(p1, s_date))

    def total(mask):
        return mask.fill_null(False).cast(nw.Int64).sum()

    stats = lazy.select(
        nw.len().alias("n"), total(s.is_null()).alias("no_start"), total(~e.is_null() & (e < s)).alias("backwards"),
        total(nw.col(customer).is_null()).alias("no_id"),
        total(alive_at(p0)).alias("a0"), total(alive_at(p0) & ended).alias("lost0"), total(joined).alias("join"),
        total(joined & ended).alias("join_lost"), total(alive_at(p1)).alias("a1"),
    ).collect().to_pandas().iloc[0]
    if int(stats["no_start"]):
        raise CsatInputError(f"{start!r} is missing in {int(stats['no_start'])} rows; every customer needs a start date")
    if int(stats["backwards"]):
        raise CsatInputError(f"{end!r} is before {start!r} in {int(stats['backwards'])} rows")
    n = int(stats["n"])
    c = nw.col(customer)
    distinct = int(lazy.filter(~c.is_null()).select(c.n_unique()).collect().item())
    if distinct != n - int(stats["no_id"]):
        raise CsatInputError(f"{customer!r} repeats in {n - int(stats['no_id']) - distinct} rows; a status table has "
                             "one row per customer")
    counts = tuple(int(stats[k]) for k in ("a0", "lost0", "join", "join_lost")) + (0, int(stats["a1"]))
    return counts, n, {}


def _noncontractual_in_engine(data, p0, p1, customer, date, window):
    import narwhals as nw

    from .._core import engine as eng

    log = eng.engine_log(data, customer, date, None, lambda tz: analysis_date(None, tz), "raise")
    dropped: dict[str, int] = {}

    def lit(t):
        return eng.time_literal(t, log.date_only)

    d = nw.col("d")
    late = int(log.lf.select((d >= lit(p1)).cast(nw.Int64).sum()).collect().item())
    if late:
        dropped[Message("value.reason.after_period")] = late
    if late == log.n_rows:
        raise CsatInputError(f"no transactions before {p1.date()}; nothing to measure")

    def inside(lo, hi):
        return ((d >= lit(lo)) & (d < lit(hi))).cast(nw.Int64)

    # flags per row first, then elementary aggregations (every engine runs those)
    per = log.lf.filter(d < lit(p1)).with_columns(
        inside(p0 - window, p0).alias("a0"), inside(p1 - window, p1).alias("a1"), inside(p0, p1).alias("bought")
    ).group_by("c").agg(d.min().alias("first"), nw.col("a0").max(), nw.col("a1").max(), nw.col("bought").max())
    new = nw.col("first") >= lit(p0)
    a0, a1, bought = (nw.col(k) == 1 for k in ("a0", "a1", "bought"))
    returning = bought & ~a0 & ~new
    joined = new | returning
    stats = per.select(*[m.cast(nw.Int64).sum().alias(k) for k, m in (
        ("a0", a0), ("lost0", a0 & ~a1), ("join", joined), ("join_lost", joined & ~a1), ("react", returning),
        ("a1", a1))]).collect().to_pandas().iloc[0]
    counts = tuple(int(stats[k]) for k in ("a0", "lost0", "join", "join_lost", "react", "a1"))
    return counts, log.n_rows, dropped
