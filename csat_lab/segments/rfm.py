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
    order = np.argsort(key, kind="stable")
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
                ("result.dropped_reasons", self.dropped), ("transactions.policy", self.policy)]


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
def rfm(data: pd.DataFrame, *, customer: str = "customer_id", date: str = "date", amount: str = "amount",
        bins: int = 5, now: object = None, on_invalid: str = "raise") -> RFMResult:
    """Recency, frequency and monetary value per customer, with quantile scores.

    Parameters
    ----------
    @{log}
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
    """
    return _rfm(data, customer=customer, date=date, amount=amount, bins=bins, now=now, on_invalid=on_invalid,
                recency_to=now)


def _rfm(data: pd.DataFrame, *, customer: str = "customer_id", date: str = "date", amount: str = "amount",
         bins: int = 5, now: object = None, on_invalid: str = "raise", recency_to: object = None) -> RFMResult:
    """:func:`rfm` with recency measured to ``recency_to`` and future dates limited by ``now``."""
    arrays = log_arrays(data, customer, date, amount, now, on_invalid)
    k = len(arrays.customers)
    codes, day, amt = arrays.codes, arrays.day, arrays.amount
    monetary = np.bincount(codes, weights=amt, minlength=k)
    if not np.isfinite(monetary).all():
        raise CsatInputError(f"the sums of {amount!r} per customer overflow; give amounts in larger units "
                             "(thousands, millions)")
    refund_only = 0
    if (amt < 0).any():
        present = np.bincount(codes, minlength=k) > 0
        purchase = amt >= 0
        codes, day = codes[purchase], day[purchase]
    frequency = np.bincount(codes, minlength=k)
    if (amt < 0).any():
        refund_only = int((present & (frequency == 0)).sum())
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
