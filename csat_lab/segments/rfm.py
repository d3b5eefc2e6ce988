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
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import Result
from .._core.txlog import REFUND_POLICY, log_arrays
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["RFMResult", "rfm", "quantile_scores"]


def quantile_scores(values: object, bins: int = 5, *, higher_is_better: bool = True) -> np.ndarray:
    """Quantile scores 1..``bins`` with ties sharing a score.

    .. math:: s_i = 1 + \\left\\lfloor \\text{bins}\\cdot\\frac{\\#\\{j: v_j \\text{ worse than } v_i\\}}{n}\\right\\rfloor

    Unlike ``pd.qcut`` this never fails on heavily tied data (frequencies of 1):
    tied customers all get the score of the lowest-ranked among them.

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
    v = np.asarray(values, dtype=float)
    if v.size == 0:
        raise CsatInputError("no values to score")
    if np.isnan(v).any():
        raise CsatInputError("values to score contain missing values")
    if not isinstance(bins, (int, np.integer)) or bins < 2:
        raise CsatInputError(f"bins must be a whole number >= 2, got {bins!r}")
    key = v if higher_is_better else -v
    return 1 + (bins * _strictly_below(key)) // len(key)


def _strictly_below(key: np.ndarray) -> np.ndarray:
    """For each value, how many values are strictly smaller (ranks with ties at their minimum)."""
    lo, hi = key.min(), key.max()
    if hi - lo < 4 * len(key) + 1024 and np.array_equal(key, np.floor(key)):
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
    """Per-customer recency (days), frequency, monetary and their scores R, F, M."""

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

    def _summary(self) -> list[tuple[str, Any]]:
        return [("segments.reference_date", str(self.reference_date.date())), ("segments.scheme", self.scheme),
                ("result.n", self.n), ("econ.customers", self.n_customers),
                ("segments.negative_monetary", self.negative_monetary), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped), ("transactions.policy", self.policy)]


def rfm(transactions: pd.DataFrame, *, customer: str = "customer_id", date: str = "date",
        amount: str = "amount", reference_date: object = None, bins: int = 5, now: object = None,
        on_invalid: str = "raise") -> RFMResult:
    """Recency, frequency and monetary value per customer, with quantile scores.

    * recency: days from the last purchase to ``reference_date`` (default: the day
      after the last transaction in the log);
    * frequency: purchase transactions (rows with amount >= 0; refund rows are not purchases);
    * monetary: net amount (purchases minus refunds) over the whole log.

    Scores follow :func:`quantile_scores` (scheme stated in the result); ``rfm``
    is the three-digit code R*100 + F*10 + M and ``score`` the sum R + F + M.
    Missing/future dates raise (or are dropped with ``on_invalid="drop"``); exact
    duplicate rows are not searched for here (see
    :func:`csat_lab.churn.validate_transactions`).

    References
    ----------
    Hughes (1994); Fader, Hardie & Lee (2005), "RFM and CLV", JMR 42(4), 415-430.

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 3],
    ...     "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-01-15", "2024-02-20",
    ...                             "2024-03-30"]),
    ...     "amount": [50.0, 30.0, 200.0, 20.0, 25.0, -5.0]})
    >>> res = rfm(log, bins=3, now="2024-12-31")
    >>> res.table[["recency", "frequency", "monetary", "R", "F", "M"]]
                 recency  frequency  monetary  R  F  M
    customer_id
    1                 30          2      80.0  3  2  2
    2                 59          1     200.0  1  1  3
    3                 40          2      40.0  2  2  1
    """
    arrays = log_arrays(transactions, customer, date, amount, now, on_invalid)
    k = len(arrays.customers)
    codes, day, amt = arrays.codes, arrays.day, arrays.amount
    monetary = np.bincount(codes, weights=amt, minlength=k)
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
    ref = (int(arrays.day.max()) + 1 if reference_date is None
           else pd.Timestamp(reference_date).value // 86_400_000_000_000)
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
