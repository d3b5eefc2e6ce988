"""RFM: recency, frequency and monetary value per customer from a transaction log, scored 1-5.

Hughes (1994) scores each customer on how recently, how often and how much
they bought; :func:`rfm` computes the three quantities from a log of purchases
(refunds netted) and gives each a quantile score.

Examples
--------
>>> import csat_lab as cl
>>> cl.segments.quantile_scores([10, 20, 30, 40, 50], bins=5).tolist()
[1, 2, 3, 4, 5]
"""

from __future__ import annotations

import dataclasses
import functools
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .._core.deprecation import renamed
from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.txlog import REFUND_POLICY, analysis_date, dates_tz, log_arrays
from .._core.validate import as_numeric
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["RFMResult", "rfm", "quantile_scores"]


def quantile_scores(values: object, bins: int = 5, *, higher_is_better: bool = True) -> np.ndarray:
    """Quantile scores 1..``bins`` with ties sharing a score.

    .. math:: s_i = 1 + \\left\\lfloor \\text{bins}\\cdot\\frac{\\#\\{j: v_j \\text{ worse than } v_i\\}}{n}\\right\\rfloor

    Unlike ``pd.qcut`` this never fails on heavily tied data (frequencies of 1):
    tied customers all get the score of the lowest-ranked among them.

    Parameters
    ----------
    values : array-like of float
        The values to score (numbers, no missing values; infinite values are ranked).
    bins : int, default 5
        Number of score levels, at least 2.
    higher_is_better : bool, default True
        Whether a higher value earns a higher score; False for recency in days,
        where fewer days is better.

    Returns
    -------
    numpy.ndarray of int
        One score from 1 to ``bins`` per value, in the input order.

    Notes
    -----
    "Worse than" means smaller when ``higher_is_better`` and larger otherwise,
    so a score depends only on the ranks of the values.

    References
    ----------
    Hughes, A. M. (1994). Strategic Database Marketing. Probus (RFM quintiles).

    Examples
    --------
    >>> quantile_scores([10, 20, 20, 40, 50], bins=5).tolist()
    [1, 2, 2, 4, 5]
    >>> quantile_scores([3, 1, 2], bins=3, higher_is_better=False).tolist()
    [1, 3, 2]
    """
    if isinstance(values, (str, bytes, dict, pd.DataFrame)) or np.ndim(values) > 1:
        raise CsatInputError(f"values must be one number per customer (a list, array or Series), "
                             f"got {type(values).__name__}")
    raw = values.to_numpy() if isinstance(values, pd.Series) else np.atleast_1d(np.asarray(values))
    if raw.dtype.kind in "iuf":  # already numbers: no conversion (the RFM hot path)
        v = raw.astype(float, copy=False)
        index = values.index if isinstance(values, pd.Series) else pd.RangeIndex(len(v))
    else:
        series = values if isinstance(values, pd.Series) else pd.Series(raw.astype(object))
        v, index = as_numeric(series, "values").to_numpy(), series.index
    if v.size == 0:
        raise CsatInputError("no values to score")
    if np.isnan(v).any():
        raise CsatInputError(f"values to score contain missing values at rows {list(index[np.isnan(v)][:5])}")
    if not isinstance(bins, (int, np.integer)) or bins < 2:
        raise CsatInputError(f"bins must be a whole number >= 2, got {bins!r}")
    key = v if higher_is_better else -v
    return 1 + (bins * _strictly_below(key)) // len(key)


def _strictly_below(key: np.ndarray) -> np.ndarray:
    """For each value, how many values are strictly smaller (ranks with ties at their minimum)."""
    lo, hi = key.min(), key.max()
    with np.errstate(over="ignore", invalid="ignore"):
        short = np.isfinite(lo) and np.isfinite(hi) and hi - lo < 4 * len(key) + 1024
    if short and np.array_equal(key, np.floor(key)):
        # whole numbers in a short range (days, purchase counts): count instead of sorting
        shifted = (key - lo).astype(np.int64)
        below = np.concatenate([[0], np.cumsum(np.bincount(shifted))])
        return below[shifted]
    # ties all get the first position of their run, so the order within a run does not matter
    order = np.argsort(key)
    ranked = key[order]
    starts = np.concatenate([[True], ranked[1:] != ranked[:-1]])
    first = np.maximum.accumulate(np.where(starts, np.arange(len(key)), 0))
    out = np.empty(len(key), dtype=np.int64)
    out[order] = first
    return out


@dataclasses.dataclass(frozen=True)
class RFMResult(Result):
    """Per-customer recency (days), frequency, monetary value and their scores R, F, M.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per customer who bought (indexed by the customer column):
        ``recency`` (days from the last purchase to ``reference_date``),
        ``frequency`` (purchase rows), ``monetary`` (net amount, refunds
        subtracted), the scores ``R``, ``F``, ``M`` (1..``bins``), ``rfm``
        (the code ``100 R + 10 F + M``) and ``score`` (``R + F + M``).
    scheme : Message
        How the scores were made (quantile scores, ties sharing a score).
    reference_date : pandas.Timestamp
        The date recency is measured to: ``now`` when given, else the day
        after the last transaction.
    bins : int
        Number of score levels.
    n : int
        Transactions used (rows of the log minus dropped rows).
    n_customers : int
        Customers with at least one purchase (rows of ``table``).
    negative_monetary : int
        Customers whose refunds exceed their purchases (negative ``monetary``).
    n_dropped : int
        Rows of the log dropped as invalid (``on_invalid="drop"``).
    dropped : dict
        Reason (Message) -> count: dropped rows, and customers left out because
        they only have refunds.
    policy : Message
        How refunds are treated.
    engine : str
        What computed the scores: ``"pandas"`` (a pandas DataFrame, in
        memory), else the engine of the input (``"duckdb"``, ``"polars"``,
        ``"pyspark"`` ...). From an engine, ``table`` is sorted by customer and,
        when it stays lazy (see :func:`rfm`), an object of the input's own
        type with the customer column first.
    estimate : pandas.DataFrame
        The headline: ``table``, the per-customer scores (there is no single number).
    """

    table: pd.DataFrame
    scheme: str
    reference_date: pd.Timestamp
    bins: int
    n: int
    n_customers: int
    negative_monetary: int
    n_dropped: int
    dropped: dict
    policy: str
    engine: str = "pandas"

    @property
    def estimate(self) -> pd.DataFrame:
        """The per-customer scores (``table``)."""
        return self.table

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Heatmap of mean monetary value by R and F score (:func:`csat_lab.plots.segments.rfm_heatmap`).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.segments.rfm_heatmap`.

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.segments import rfm_heatmap

        return rfm_heatmap(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("segments.reference_date", str(self.reference_date.date())), ("segments.scheme", self.scheme),
                ("result.n", self.n), ("econ.customers", self.n_customers),
                ("segments.negative_monetary", self.negative_monetary), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped), ("transactions.policy", self.policy)] + \
            ([("engine.engine", self.engine)] if self.engine != "pandas" else [])


def _old_reference_date(func: Callable[..., RFMResult]) -> Callable[..., RFMResult]:
    """Old calls with ``reference_date=`` keep their answer for one release, with a warning.

    Before ``now`` took over, ``reference_date`` was the date recency was measured
    to and ``now`` only the limit for future dates (default: tomorrow). A call that
    still passes ``reference_date=`` (alone or with ``now=``) is computed that way.
    """

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> RFMResult:
        if "reference_date" not in kwargs:
            return func(*args, **kwargs)
        warnings.warn("rfm: argument reference_date= is deprecated, use now= (the old name will be removed in "
                      "the next release)", DeprecationWarning, stacklevel=2)
        if "transactions" in kwargs:
            if args or "data" in kwargs:
                raise CsatInputError("rfm: pass data= only (transactions= is its deprecated old name)")
            warnings.warn("rfm: argument transactions= is deprecated, use data= (the old name will be removed in "
                          "the next release)", DeprecationWarning, stacklevel=2)
            kwargs["data"] = kwargs.pop("transactions")
        recency_to = kwargs.pop("reference_date")
        return _rfm(*args, recency_to=recency_to, **kwargs)

    return wrapper


@_old_reference_date
@renamed(reference_date="now", transactions="data")
@shared_docs
def rfm(data: Any, *, customer: str = "customer_id", date: str = "date", amount: str = "amount",
        bins: int = 5, now: object = None, on_invalid: str = "raise", collect: bool | None = None,
        max_rows: int | None = None) -> RFMResult:
    """Recency, frequency and monetary value per customer, with quantile scores.

    Parameters
    ----------
    data : pandas.DataFrame or a larger-than-memory log
        A transaction log, one row per purchase (refunds as negative amounts);
        the keyword arguments name its columns. Besides a pandas DataFrame
        (computed in memory with NumPy): a Polars DataFrame or LazyFrame, a
        PyArrow table, a DuckDB relation, an Ibis table, a PySpark DataFrame,
        or the path or glob of Parquet/CSV files (read by DuckDB); the
        per-customer reductions then run in that engine (and the scores'
        ranks too when the table stays lazy, see ``collect``).
    @{customer}
    @{date}
    amount : str, default "amount"
        Column of amounts (refunds negative).
    bins : int, default 5
        Number of score levels (5 gives the usual quintile scores 1-5).
    now : date-like, optional
        The analysis date, the end of the observation window: recency is
        counted in days up to ``now``, and transactions after it count as
        future dates. Default: the day after the last transaction in the log
        (so a purchase on the last day has recency 1), with dates after
        tomorrow counting as future.
    @{on_invalid}
    collect : bool, optional
        Engines only: True brings the per-customer table into pandas (no row
        limit unless ``max_rows`` is given), False keeps it lazy in the input's
        own type; default: collected when it has at most ``max_rows`` customers
        (default :data:`csat_lab._core.engine.DEFAULT_MAX_ROWS`), else lazy.
    max_rows : int, optional
        Engines only: the most customers brought into pandas; with
        ``collect=True`` a larger table raises :class:`~csat_lab.errors.CsatInputError`.

    Returns
    -------
    RFMResult
        ``table`` holds, per customer who bought, ``recency``, ``frequency``,
        ``monetary``, the scores ``R``, ``F``, ``M``, the code ``rfm`` and the
        sum ``score``; the result also states the scheme, the date recency was
        measured to, the refund policy and what was dropped.

    Notes
    -----
    * recency: days from the last purchase to ``now``;
    * frequency: purchase transactions (rows with amount >= 0; refund rows are not purchases);
    * monetary: net amount (purchases minus refunds) over the whole log.

    Scores follow :func:`quantile_scores` (scheme stated in the result):
    :math:`s_i = 1 + \\lfloor \\text{bins} \\cdot w_i / n \\rfloor` with
    :math:`w_i` the number of customers with a strictly worse value (fewer
    days is better for recency). ``rfm`` is the three-digit code
    R*100 + F*10 + M and ``score`` the sum R + F + M. Customers with refunds
    only are left out and counted in ``dropped``. Missing ids, dates or
    amounts and future dates raise (or are dropped with ``on_invalid="drop"``);
    exact duplicate rows are not searched for here (see
    :func:`csat_lab.churn.validate_transactions`).

    On an engine the log is checked in one scan and the three quantities are
    computed in a second, one grouped query per customer. Parquet files given
    by path are checked from their footers where these hold the counts (row
    and null counts, date range, NaN counts), so a clean log is read once;
    see :func:`csat_lab._core.engine.engine_log`. A collected table is
    then scored with :func:`quantile_scores`, as pandas input is; a table that
    stays lazy is scored in the engine with ``rank(method="min")`` windows
    (the number of customers with a strictly worse value is the rank minus 1).
    Either way the scores equal the pandas ones and the per-customer table
    comes back sorted by customer. Amount sums may differ in the last bits
    between engines (floating-point addition order), which can split or join
    ties in ``M`` only when two customers' sums agree to the last bit.

    The deprecated ``reference_date=`` keeps its old meaning for one release:
    recency is measured to it, while ``now=`` (default tomorrow) only limits
    future dates.

    References
    ----------
    Hughes, A. M. (1994). Strategic Database Marketing. Probus.
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using
    iso-value curves for customer base analysis. Journal of Marketing Research
    42(4), 415-430.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 3],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-01-15", "2024-02-20",
    ...                             "2024-03-30"]),
    ...     "amount": [50.0, 30.0, 200.0, 20.0, 25.0, -5.0]})
    >>> res = rfm(log, bins=3, now="2024-03-31")
    >>> res.table[["recency", "frequency", "monetary", "R", "F", "M"]]
                 recency  frequency  monetary  R  F  M
    customer_id
    1                 30          2      80.0  3  2  2
    2                 59          1     200.0  1  1  3
    3                 40          2      40.0  2  2  1

    The same log in Polars (or DuckDB, Spark, a Parquet glob ...) gives the same scores:

    >>> import polars as pl
    >>> on_polars = rfm(pl.from_pandas(log), bins=3, now="2024-03-31")
    >>> on_polars.engine, on_polars.table["R"].tolist()
    ('polars', [3, 1, 2])
    """
    return _rfm(data, customer=customer, date=date, amount=amount, bins=bins, now=now, on_invalid=on_invalid,
                recency_to=now, collect=collect, max_rows=max_rows)


def _rfm(data: Any, *, customer: str = "customer_id", date: str = "date", amount: str = "amount",
         bins: int = 5, now: object = None, on_invalid: str = "raise", recency_to: object = None,
         collect: bool | None = None, max_rows: int | None = None) -> RFMResult:
    """:func:`rfm` with recency measured to ``recency_to`` and future dates limited by ``now``."""
    if not isinstance(data, pd.DataFrame):
        return _rfm_engine(data, customer=customer, date=date, amount=amount, bins=bins, now=now,
                           on_invalid=on_invalid, recency_to=recency_to, collect=collect, max_rows=max_rows)
    arrays = log_arrays(data, customer, date, amount, now, on_invalid)
    k = len(arrays.customers)
    codes, day, amt = arrays.codes, arrays.day, arrays.amount
    monetary = np.bincount(codes, weights=amt, minlength=k)
    if not np.isfinite(monetary).all():
        raise CsatInputError(f"the sums of {amount!r} per customer overflow; give amounts in larger units "
                             "(thousands, millions)")
    refund_only = 0
    refunds = amt < 0
    if refunds.any():
        # refund rows are usually few: count their customers from those rows alone
        refunders = np.bincount(codes[refunds], minlength=k) > 0
        purchase = ~refunds
        codes, day = codes[purchase], day[purchase]
        frequency = np.bincount(codes, minlength=k)
        refund_only = int((refunders & (frequency == 0)).sum())
    else:
        frequency = np.bincount(codes, minlength=k)
    last = np.full(k, np.iinfo(np.int64).min)
    np.maximum.at(last, codes, day)
    buyers = frequency > 0
    if not buyers.any():
        raise CsatInputError(f"no customer has a purchase: every row of {amount!r} is a refund (negative amount)")
    ref = (int(arrays.day.max()) + 1 if recency_to is None
           else analysis_date(recency_to, dates_tz(data[date]), "reference_date").value // 86_400_000_000_000)
    recency = ref - last[buyers]
    if (recency < 0).any():
        raise CsatInputError("reference_date is before some purchases; it must be on or after the last one")
    frequency, monetary = frequency[buyers], monetary[buyers]
    table = pd.DataFrame({"recency": recency, "frequency": frequency, "monetary": monetary},
                         index=pd.Index(arrays.customers[buyers], name=customer))
    table["R"] = quantile_scores(recency, bins, higher_is_better=False)
    table["F"] = quantile_scores(frequency, bins)
    table["M"] = quantile_scores(monetary, bins)
    table["rfm"] = table["R"] * 100 + table["F"] * 10 + table["M"]
    table["score"] = table["R"] + table["F"] + table["M"]
    dropped = dict(arrays.dropped)
    if refund_only:
        dropped[Message("value.reason.refunds_only")] = refund_only
    return RFMResult(
        table=table, scheme=Message("value.scheme.rfm_quantile", bins=bins),
        reference_date=pd.Timestamp(ref * 86_400_000_000_000), bins=bins,
        n=arrays.n_rows - sum(arrays.dropped.values()), n_customers=int(buyers.sum()),
        negative_monetary=int((monetary < 0).sum()), n_dropped=int(sum(arrays.dropped.values())),
        dropped=dropped, policy=REFUND_POLICY,
    )


# --- the same on an engine (narwhals; conventions in csat_lab._core.engine) -----------------------

def _check_bins(bins: object) -> None:
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 2:
        raise CsatInputError(f"bins must be a whole number >= 2, got {bins!r}")


def _rfm_engine(data: Any, *, customer: str, date: str, amount: str, bins: int, now: object, on_invalid: str,
                recency_to: object, collect: bool | None, max_rows: int | None) -> RFMResult:
    """:func:`rfm` on a non-pandas input: reductions in the engine (see :func:`rfm`).

    One light scan checks the rows, or the Parquet footers do (:func:`csat_lab._core.engine.engine_log`;
    a second scan only when some rows are dropped); one grouped query makes the per-customer
    recency, frequency and monetary value (frequency counts the purchase dates, so no per-row
    flag is summed). A collected table is scored here with
    :func:`quantile_scores`, the pandas path's own function; a lazy table is scored in the
    engine with three ``rank(method="min")`` windows, refund-only customers ranked below
    every buyer, and needs one more grouped query for the counts.
    """
    import narwhals as nw

    from .._core import engine as eng

    _check_bins(bins)
    log = eng.engine_log(data, customer, date, amount, lambda tz: analysis_date(now, tz), on_invalid,
                         need_negatives=False)
    ref = (log.hi + 1 if recency_to is None
           else eng.to_day(analysis_date(recency_to, log.tz, "reference_date")))
    dropped = dict(log.dropped)
    amt = nw.col("v")
    per = (log.lf.select("c", "d", "v").with_columns(_buy_date=nw.when(amt >= 0).then(nw.col("d")))
           .group_by("c")
           .agg(amt.sum().alias("monetary"), nw.col("_buy_date").count().alias("frequency"),
                nw.col("_buy_date").max().alias("_last"))
           .rename({"c": customer})
           .with_columns(recency=(ref - eng.day_number(nw.col("_last")))))
    buyer = nw.col("frequency") > 0
    columns = [customer, "recency", "frequency", "monetary", "R", "F", "M", "rfm", "score"]
    frame = None
    if collect is not False:
        wide = per.select(customer, "recency", "frequency", "monetary")
        if collect:  # asked for: only a max_rows given by the caller applies
            frame = eng.collect(wide, max_rows=max_rows, what="the RFM table")
        else:  # default: collected when small, else lazy
            limit_rows = eng.DEFAULT_MAX_ROWS if max_rows is None else max_rows
            frame = wide.head(limit_rows + 1).collect("pandas").to_native()
            if len(frame) > limit_rows:
                frame = None
    if frame is not None:
        buyers = frame["frequency"].to_numpy() > 0
        refund_only = int((~buyers).sum())
        frame = eng.sort_by_unique_key(frame[buyers], customer)
        n = len(frame)
        table: Any = frame.astype({"recency": np.int64, "frequency": np.int64, "monetary": float})
        if n:
            table["R"] = quantile_scores(table["recency"].to_numpy(), bins, higher_is_better=False)
            table["F"] = quantile_scores(table["frequency"].to_numpy(), bins)
            table["M"] = quantile_scores(table["monetary"].to_numpy(), bins)
        else:
            table = table.assign(R=np.int64(0), F=np.int64(0), M=np.int64(0))
        table["rfm"] = table["R"] * 100 + table["F"] * 10 + table["M"]
        table["score"] = table["R"] + table["F"] + table["M"]
        monetary = table["monetary"].to_numpy()
        stats = {"n": n, "negative": int((monetary < 0).sum()), "overflow": not np.isfinite(monetary).all(),
                 "min_recency": table["recency"].min() if n else 0}
    else:
        got = per.select(
            nw.len().alias("customers"), buyer.cast(nw.Int64).sum().alias("n"),
            (buyer & (nw.col("monetary") < 0)).cast(nw.Int64).sum().alias("negative"),
            (~nw.col("monetary").is_finite()).fill_null(False).cast(nw.Int64).sum().alias("overflow"),
            nw.col("_last").max().alias("last")).collect("pandas").to_native().iloc[0]
        n = int(got["n"])
        refund_only = int(got["customers"]) - n
        stats = {"n": n, "negative": got["negative"], "overflow": got["overflow"],
                 "min_recency": ref - eng.to_day(pd.Timestamp(got["last"])) if n else 0}

        def score(rank: str) -> Any:
            # 1 + floor(bins * #strictly worse / n), #strictly worse = rank "min" - 1 - refund-only customers
            # (ranked below every buyer); a float quotient of whole numbers below 2**40 is never within
            # rounding of the next whole number, so floor is exact
            return 1 + ((bins * (nw.col(rank) - 1 - refund_only)) / max(n, 1)).floor().cast(nw.Int64)

        ranked = (per.with_columns(_kR=(-nw.col("recency")).fill_null(-(2 ** 62)),
                                   _kM=nw.when(buyer).then(nw.col("monetary")).otherwise(-float("inf")))
                  .with_columns(_rR=nw.col("_kR").rank(method="min").cast(nw.Int64),
                                _rF=nw.col("frequency").rank(method="min").cast(nw.Int64),
                                _rM=nw.col("_kM").rank(method="min").cast(nw.Int64)))
        table = eng.to_native(
            ranked.filter(buyer).with_columns(R=score("_rR"), F=score("_rF"), M=score("_rM"))
            .with_columns(rfm=nw.col("R") * 100 + nw.col("F") * 10 + nw.col("M"),
                          score=nw.col("R") + nw.col("F") + nw.col("M"))
            .select(*columns).sort(customer))
    if stats["overflow"]:
        raise CsatInputError(f"the sums of {amount!r} per customer overflow; give amounts in larger units "
                             "(thousands, millions)")
    n = int(stats["n"])
    if n == 0:
        raise CsatInputError(f"no customer has a purchase: every row of {amount!r} is a refund (negative amount)")
    if int(stats["min_recency"]) < 0:
        raise CsatInputError("reference_date is before some purchases; it must be on or after the last one")
    n_dropped = sum(dropped.values())
    if refund_only:
        dropped[Message("value.reason.refunds_only")] = refund_only
    return RFMResult(
        table=table, scheme=Message("value.scheme.rfm_quantile", bins=bins),
        reference_date=pd.Timestamp(ref * 86_400_000_000_000), bins=bins, n=log.n_rows - n_dropped, n_customers=n,
        negative_monetary=int(stats["negative"]), n_dropped=n_dropped, dropped=dropped, policy=REFUND_POLICY,
        engine=log.engine)
