"""Transaction logs: validation with a report, and the frequency/recency/T summary.

Policies (the same in every function that reads a log):

* a missing or future date, or a missing customer id, is an error naming the rows;
  ``on_invalid="drop"`` removes those rows instead and reports them;
* amounts must be finite numbers (text or infinity is an error naming the rows);
* customer ids that differ only in type or spaces (``1`` and ``"1"``) are an error naming
  them, not two customers; time-zone-aware dates are read as local wall-clock time, and a
  time-zone-aware ``now`` is converted to the dates' zone first (see :mod:`csat_lab._core.txlog`);
* negative amounts are refunds: they are kept and netted per customer-period
  (per customer-day in :func:`summary_from_transactions`); a customer-period whose net
  amount is negative (refunds exceeding purchases) counts as no purchase, while a
  zero-value purchase (a free item) still counts. Refund counts and totals are reported;
* rows out of date order are fine (nothing here needs sorting) and are reported;
* exact duplicate rows (same customer, date and amount) are reported and kept
  (they may be genuine repeat purchases); ``duplicates="drop"`` removes them.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from .._core.deprecation import renamed
from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.txlog import (
    REFUND_POLICY,
    analysis_date,
    check_customer_ids,
    check_finite_amounts,
    dates_tz,
    engine_row,
)
from .._core.validate import (
    as_numeric,
    one_of,
    require_columns,
    require_frame,
    to_dates,
)
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["TransactionReport", "TransactionSummary", "validate_transactions", "summary_from_transactions"]


@dataclasses.dataclass(frozen=True)
class TransactionReport(Result):
    """What validation found and what it removed, with the checked log; ``n_kept + n_dropped == n_rows``.

    It unpacks like the tuple :func:`validate_transactions` used to return:
    ``clean, report = validate_transactions(...)`` gives ``data`` and the
    report itself (``result[0]`` and ``result[1]`` work too).

    Attributes
    ----------
    estimate : int
        The headline number: rows kept (same as ``n_kept``).
    n_rows : int
        Rows read.
    n_kept : int
        Rows kept in ``data``.
    n_dropped : int
        Rows removed.
    dropped : dict
        Reason -> number of rows removed.
    missing_dates : int
        Rows with a missing date (before any were dropped).
    future_dates : int
        Rows dated after ``now`` (before any were dropped).
    duplicated_rows : int
        Exact duplicate rows (same customer, date and amount) among the rows kept
        by the date and id checks.
    unsorted : bool
        True when the kept rows are not in date order.
    refunds : int
        Rows with a negative amount (refunds) kept.
    refund_total : float
        Sum of the refunds kept (a negative number; 0 without amounts).
    policy : Message
        How refunds are treated by the functions that read a log.
    data : pandas.DataFrame or None
        The checked log: dates as datetimes, amounts as floats, invalid rows
        (and, with ``duplicates="drop"``, duplicates) removed. None in the
        report kept by :class:`TransactionSummary`.
    """

    n_rows: int
    n_kept: int
    n_dropped: int
    dropped: dict
    missing_dates: int
    future_dates: int
    duplicated_rows: int
    unsorted: bool
    refunds: int
    refund_total: float
    policy: str
    data: pd.DataFrame | None = dataclasses.field(default=None, repr=False)

    @property
    def estimate(self) -> int:
        """Rows kept (``n_kept``)."""
        return self.n_kept

    def __iter__(self):
        # unpacks like the (clean frame, report) tuple that validate_transactions returned before
        return iter((self.data, self))

    def __getitem__(self, index: int) -> Any:
        return (self.data, self)[index]

    def _summary(self) -> list[tuple[str, Any]]:
        return [("transactions.n_rows", self.n_rows), ("transactions.n_kept", self.n_kept),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped),
                ("transactions.duplicated", self.duplicated_rows),
                ("transactions.unsorted", self.unsorted), ("transactions.refunds", self.refunds),
                ("transactions.refund_total", self.refund_total), ("transactions.policy", self.policy)]


@shared_docs
def validate_transactions(data: pd.DataFrame, *, customer: str = "customer_id", date: str = "date",
                          amount: str | None = None, now: object = None, on_invalid: str = "raise",
                          duplicates: str = "keep") -> TransactionReport:
    """Check a transaction log and return the checked log with a report of what was found.

    The checked log (``result.data``) has the ``date`` column as datetimes
    and ``amount`` as floats; see the module docstring for the policies. The
    result unpacks as before: ``clean, report = validate_transactions(...)``.

    Parameters
    ----------
    @{log}
    @{customer}
    @{date}
    @{amount}
    now : date-like, optional
        The analysis date: dates after it are "future". Default: today.
    @{on_invalid}
    duplicates : {"keep", "drop"}, default "keep"
        Keep (and report) or remove exact duplicate rows.

    Returns
    -------
    TransactionReport
        The counts of what was found and removed, with the checked log in
        ``data``; ``data, report = result`` unpacks it.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers"
    the easy way. Marketing Science 24(2), 275-284 (the transaction-log format).

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 2],
    ...                     "date": ["2024-01-05", "2024-01-02", "2024-01-03", "2024-01-03"],
    ...                     "amount": [20.0, 10.0, -5.0, -5.0]})
    >>> clean, report = validate_transactions(log, amount="amount", now="2024-12-31")
    >>> report.unsorted, report.duplicated_rows, report.refunds, report.refund_total
    (True, 1, 2, -10.0)
    >>> clean is report.data, report.estimate
    (True, 4)
    """
    require_frame(data, "transactions")
    one_of(on_invalid, ("raise", "drop"), "on_invalid")
    one_of(duplicates, ("keep", "drop"), "duplicates")
    cols = [customer, date] + ([amount] if amount else [])
    require_columns(data, cols, "transactions")
    frame = data.copy()
    tz = dates_tz(frame[date])
    frame[date] = to_dates(frame[date], date)
    if amount:
        frame[amount] = as_numeric(frame[amount], amount)
        check_finite_amounts(frame[amount].to_numpy(), frame.index, amount)
    limit = analysis_date(now, tz)
    ids = frame[customer]
    if ids.dtype.kind not in "biufcmM":
        check_customer_ids(ids.dropna().unique(), ids, customer)
    checks = {
        Message("value.reason.missing_customer"): frame[customer].isna(),
        Message("value.reason.missing_date"): frame[date].isna(),
        Message("value.reason.future_date"): frame[date] > limit,
    }
    if amount:
        checks[Message("value.reason.missing_amount")] = frame[amount].isna()
    bad_any = np.zeros(len(frame), dtype=bool)
    dropped: dict[str, int] = {}
    for reason, mask in checks.items():
        mask = mask.to_numpy() & ~bad_any
        if mask.any():
            if on_invalid == "raise":
                rows = list(frame.index[mask][:5])
                raise CsatInputError(
                    f"{int(mask.sum())} transactions have a {reason} (rows {rows}, ...); fix them or pass "
                    f"on_invalid='drop' to remove them with a report"
                    + (f" (dates after {limit.date()} count as future)" if reason == "future date" else "")
                )
            dropped[reason] = int(mask.sum())
            bad_any |= mask
    missing_dates = int(checks["missing date"].sum())
    future_dates = int(checks["future date"].sum())
    frame = frame[~bad_any]
    dup_mask = frame.duplicated(subset=cols).to_numpy()
    n_dup = int(dup_mask.sum())
    if duplicates == "drop" and n_dup:
        frame = frame[~dup_mask]
        dropped[Message("value.reason.exact_duplicate")] = n_dup
    d = frame[date].to_numpy()
    unsorted = bool(len(d) > 1 and (d[1:] < d[:-1]).any())
    neg = frame[amount] < 0 if amount else pd.Series(False, index=frame.index)
    return TransactionReport(
        n_rows=len(data), n_kept=len(frame), n_dropped=int(sum(dropped.values())), dropped=dropped,
        missing_dates=missing_dates, future_dates=future_dates, duplicated_rows=n_dup, unsorted=unsorted,
        refunds=int(neg.sum()), refund_total=float(frame[amount][neg].sum()) if amount else 0.0,
        policy=REFUND_POLICY, data=frame,
    )


@dataclasses.dataclass(frozen=True)
class TransactionSummary(Result):
    """Per-customer frequency, recency, T (and mean repeat spend): BG/NBD input.

    Attributes
    ----------
    estimate : pandas.DataFrame
        The headline: the per-customer table (same as ``table``).
    table : pandas.DataFrame
        One row per customer (index: customer id) with ``frequency`` (repeat
        purchase days), ``recency`` (last - first purchase day), ``T`` (``now`` -
        first purchase day) and, with amounts, ``monetary_value`` (mean net
        amount of the repeat purchase days, 0 without one); times in ``period`` units.
    period : str
        Time unit of ``recency`` and ``T``: "D" days, "W" weeks, "M" average months
        (``time_unit`` is its old name).
    now : pandas.Timestamp
        End of the observation window (``observation_end`` is its old name).
    n : int
        Customers in ``table``.
    n_dropped : int
        Transaction rows removed (invalid, or dated after ``now``).
    dropped : dict
        Reason -> count; besides the rows it lists netted-away days and
        customers left without a purchase day (the unit is in the reason).
    report : TransactionReport or None
        The validation report of the log (its ``data`` is None: the checked
        rows are not kept); None when an engine other than pandas computed the summary.
    compressed : bool
        True when ``table`` holds distinct (frequency, recency, T[, monetary_value]) rows with
        a ``weight`` column (customers per row) instead of one row per customer.
    engine : str
        Where the reductions ran: "pandas" or the input's engine ("duckdb", "polars", ...).
        From an engine, a large per-customer ``table`` stays lazy in the input's own type
        (see :mod:`csat_lab._core.engine`).
    """

    table: Any
    period: str
    now: pd.Timestamp
    n: int
    n_dropped: int
    dropped: dict
    report: TransactionReport | None
    compressed: bool = False
    engine: str = "pandas"

    @property
    def estimate(self) -> pd.DataFrame:
        """The per-customer table (``table``)."""
        return self.table

    @property
    def time_unit(self) -> str:
        """Old name of ``period``."""
        return self.period

    @property
    def observation_end(self) -> pd.Timestamp:
        """Old name of ``now``."""
        return self.now

    def _summary(self) -> list[tuple[str, Any]]:
        return [("result.n", self.n), ("transactions.time_unit", self.period),
                ("transactions.observation_end", str(self.now.date())),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)] \
            + ([("engine.compressed", self.compressed)] if self.compressed else []) + engine_row(self.engine)


_UNITS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12}


@renamed(observation_end="now", time_unit="period")
@shared_docs
def summary_from_transactions(data: Any, *, customer: str = "customer_id", date: str = "date",
                              amount: str | None = None, now: object = None,
                              period: str = "W", on_invalid: str = "raise", compress: bool = False,
                              collect: bool | None = None) -> TransactionSummary:
    """Frequency, recency and T per customer from a transaction log.

    Purchases on the same day are one purchase occasion (amounts summed,
    refunds netted); a day whose net amount is negative is not a purchase.
    Transactions after ``now`` are dropped and counted.

    Parameters
    ----------
    @{log}
    @{customer}
    @{date}
    amount : str or None
        Column of amounts (refunds negative); without it there is no ``monetary_value``.
    @{now}
    period : {"D", "W", "M"}, default "W"
        Time unit of ``recency`` and ``T``: days, weeks or average months (365.25/12 days).
    on_invalid : {"raise", "drop"}, default "raise"
        What to do with rows that have a missing id or date, a date after
        today or a missing amount: stop with an error naming them, or drop
        them and report how many were dropped and why.
    compress : bool, default False
        Return the distinct (frequency, recency, T) rows, with ``monetary_value`` when
        ``amount`` is given, and a ``weight`` column counting the customers of each row:
        all :func:`fit_bgnbd` and :func:`fit_gamma_gamma` need, far smaller than one row per
        customer (with amounts, only customers with identical mean spend share a row).
    collect : bool or None, default None
        For inputs of another engine (a Polars, PyArrow, DuckDB, Ibis or Spark table, or a
        path of Parquet/CSV files read by DuckDB; the work runs there): True brings the
        per-customer table into pandas, False keeps it lazy in the input's own type, None
        collects it when it has at most ``csat_lab._core.engine.DEFAULT_MAX_ROWS`` rows.
        A compressed table is always collected.

    Returns
    -------
    TransactionSummary
        ``table`` with one row per customer (or per distinct history with ``compress``),
        and what was dropped; ``engine`` says where it was computed.

    Notes
    -----
    Per customer, in units of ``period``:

    * ``frequency`` x = number of purchase days - 1 (repeat purchases),
    * ``recency`` t_x = last purchase day - first purchase day,
    * ``T`` = ``now`` - first purchase day,
    * ``monetary_value`` = mean net amount of the repeat purchase days (0 when x = 0).

    References
    ----------
    Fader, Hardie & Lee (2005), Marketing Science 24(2) (the definitions of x,
    t_x and T); Fader & Hardie (2013), "The Gamma-Gamma model of monetary value"
    (mean repeat spend).

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...     "date": ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-08"],
    ...     "amount": [10.0, 20.0, 40.0, 5.0]})
    >>> s = summary_from_transactions(log, amount="amount", now="2024-01-29")
    >>> s.table
                 frequency  recency    T  monetary_value
    customer_id
    a                    2      2.0  4.0            30.0
    b                    0      0.0  3.0             0.0
    """
    one_of(period, tuple(_UNITS), "period")
    if not isinstance(data, pd.DataFrame) and data is not None:
        return _summary_in_engine(data, customer, date, amount, now, period, on_invalid, compress, collect)
    require_frame(data, "transactions")
    require_columns(data, [date], "transactions")
    end = None if now is None else analysis_date(now, dates_tz(data[date]))
    frame, report = validate_transactions(data, customer=customer, date=date, amount=amount,
                                          on_invalid=on_invalid)
    if frame.empty:
        raise CsatInputError("no valid transactions left after dropping invalid rows; nothing to summarise")
    if end is None:
        end = frame[date].max().normalize()
    dropped = {Message("value.reason.rows", reason=k): v for k, v in report.dropped.items()}
    late = frame[date] > end
    if late.any():
        dropped[Message("value.reason.after_end")] = int(late.sum())
        frame = frame[~late]
    if frame.empty:
        raise CsatInputError(f"every transaction is dated after now={end.date()}; choose a later now or check the dates")
    n_rows_dropped = int(sum(dropped.values()))
    days = frame[date].dt.normalize()
    daily = pd.DataFrame({"c": frame[customer].to_numpy(), "d": days.to_numpy(),
                          "v": frame[amount].to_numpy() if amount else 1.0})
    daily = daily.groupby(["c", "d"], sort=True, observed=True)["v"].sum().reset_index()
    if amount and not np.isfinite(daily["v"].to_numpy()).all():
        raise CsatInputError(f"the sums of {amount!r} per customer-day overflow; give amounts in larger units "
                             "(thousands, millions)")
    if amount:
        negative = daily["v"] < 0
        if negative.any():
            dropped[Message("value.reason.refund_days")] = int(negative.sum())
            daily = daily[~negative]
    if daily.empty:
        raise CsatInputError("no purchase days left after netting refunds; nothing to summarise")
    g = daily.groupby("c", sort=True)
    first, last, count = g["d"].min(), g["d"].max(), g["d"].size()
    unit = _UNITS[period]
    table = pd.DataFrame({
        "frequency": (count - 1).astype(int),
        "recency": (last - first).dt.days / unit,
        "T": (end - first).dt.days / unit,
    })
    if amount:
        is_first = daily["d"].to_numpy() == first.reindex(daily["c"]).to_numpy()
        repeat = daily[~is_first].groupby("c")["v"].mean()
        table["monetary_value"] = repeat.reindex(table.index).fillna(0.0)
    table.index.name = customer
    lost_customers = frame[customer].nunique() - len(table)
    if lost_customers:
        dropped[Message("value.reason.no_purchase_day")] = int(lost_customers)
    n_customers = len(table)
    if compress:
        table = _compress(table)
    return TransactionSummary(table=table, period=period, now=end, n=n_customers, n_dropped=n_rows_dropped,
                              dropped=dropped, report=dataclasses.replace(report, data=None), compressed=compress)


def _compress(table: pd.DataFrame) -> pd.DataFrame:
    """Distinct history rows with the number of customers of each (``weight``)."""
    keys = list(table.columns)
    return table.groupby(keys, sort=True).size().rename("weight").reset_index()


def _summary_in_engine(data: Any, customer: str, date: str, amount: str | None, now: object, period: str,
                       on_invalid: str, compress: bool, collect: bool | None) -> TransactionSummary:
    """summary_from_transactions for a table of another engine: the reductions run there."""
    import narwhals as nw

    from .._core import engine as eng

    log = eng.engine_log(data, customer, date, amount, lambda tz: analysis_date(None, tz), on_invalid)
    end = analysis_date(now, log.tz) if now is not None else log.hi_time.normalize()
    dropped = {Message("value.reason.rows", reason=k): v for k, v in log.dropped.items()}
    d_ok = nw.col("d") <= eng.time_literal(end, log.date_only)
    late = int(log.lf.select((~d_ok).cast(nw.Int64).sum()).collect().item())
    if late:
        dropped[Message("value.reason.after_end")] = late
    if late == log.n_rows - sum(log.dropped.values()):
        raise CsatInputError(f"every transaction is dated after now={end.date()}; choose a later now or check the dates")
    n_rows_dropped = int(sum(dropped.values()))
    lf = log.lf.filter(d_ok)
    daily = lf.group_by("c", "day").agg(nw.col("v").sum() if amount else nw.len().alias("v"))
    if amount and log.negatives:
        negative = int(daily.select((nw.col("v") < 0).cast(nw.Int64).sum()).collect().item())
        if negative:
            dropped[Message("value.reason.refund_days")] = negative
            daily = daily.filter(nw.col("v") >= 0)
    unit = _UNITS[period]
    end_day = eng.to_day(end)
    firsts = daily.group_by("c").agg(nw.col("day").min().alias("first"))
    per = daily.join(firsts, on="c").with_columns(
        nw.when(nw.col("day") != nw.col("first")).then(nw.col("v")).alias("repeat"))
    # elementary aggregations first (every engine runs them), arithmetic after
    table = per.group_by("c").agg(
        nw.len().alias("days"), nw.col("day").max().alias("last"), nw.col("first").min(),
        *([nw.col("repeat").mean().alias("m")] if amount else [])
    ).select(
        "c", (nw.col("days") - 1).alias("frequency"), ((nw.col("last") - nw.col("first")) / unit).alias("recency"),
        ((end_day - nw.col("first")) / unit).alias("T"),
        *([nw.col("m").fill_null(0.0).alias("monetary_value")] if amount else []))
    n = eng.count_rows(table)
    if n == 0:
        raise CsatInputError("no purchase days left after netting refunds; nothing to summarise")
    lost_customers = int(lf.select(nw.col("c").n_unique()).collect().item()) - n
    if lost_customers:
        dropped[Message("value.reason.no_purchase_day")] = lost_customers
    if compress:
        keys = ["frequency", "recency", "T"] + (["monetary_value"] if amount else [])
        small = eng.collect(table.group_by(*keys).agg(nw.len().alias("weight")), what="compressed summary")
        out = small.sort_values(keys, kind="stable").reset_index(drop=True)
        out["frequency"] = out["frequency"].astype(int)
        out["weight"] = out["weight"].astype(np.int64)
    elif collect or (collect is None and n <= eng.DEFAULT_MAX_ROWS):
        out = eng.sort_by_unique_key(eng.collect(table, max_rows=None, what="summary"), "c")
        out["frequency"] = out["frequency"].astype(int)
        out.index.name = customer
    else:
        out = eng.to_native(table.rename({"c": customer}))
    return TransactionSummary(table=out, period=period, now=end, n=n, n_dropped=n_rows_dropped, dropped=dropped,
                              report=None, compressed=compress, engine=log.engine)
