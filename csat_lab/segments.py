"""Customer segments: RFM scores, value tiers, ABC classes, Pareto / 80-20 and the Lorenz curve.

The course classifies customers by value (high / medium / low, key accounts) and
quotes the 80/20 rule: 80% of sales come from 20% of customers. These functions
measure that on real data. The sales-path classification, win-back priorities and
the coded lost-customer types live in :mod:`csat_lab._segments_lost` and are
re-exported here.

Examples
--------
>>> import csat_lab as cl
>>> round(cl.segments.pareto([50, 30, 10, 5, 5]).gini, 2)
0.46
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from ._results import Result, shown
from ._segments_lost import (
    CHURN_FACTORS,
    LOST_CUSTOMER_TYPES,
    PATH_STAGES,
    WINBACK_ACTIONS,
    classify_path,
    lost_customer_summary,
    path_funnel,
    winback_priority,
)
from ._validate import as_numeric, probability
from .churn._log import log_arrays
from .churn.transactions import REFUND_POLICY
from .errors import CsatInputError

__all__ = [
    "RFMResult", "ParetoResult", "rfm", "quantile_scores", "value_tiers", "abc_classes", "pareto",
    "TIERS", "PATH_STAGES", "WINBACK_ACTIONS", "LOST_CUSTOMER_TYPES", "CHURN_FACTORS",
    "classify_path", "path_funnel", "winback_priority", "lost_customer_summary",
]

#: Value tiers from lowest to highest (labels: ``segments.tier.<code>``).
TIERS: tuple[str, ...] = ("low", "medium", "high")

_SCHEME = ("quantile scores 1..{bins}: score = 1 + floor({bins} x share of customers with a strictly worse "
           "value); tied customers share a score; recency: fewer days since the last purchase is better")


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
        return [("segments.reference_date", str(self.reference_date.date())), ("segments.scheme", shown(self.scheme)),
                ("result.n", self.n), ("econ.customers", self.n_customers),
                ("segments.negative_monetary", self.negative_monetary), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped), ("transactions.policy", shown(self.policy))]


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
        dropped["customers with refunds only (no purchase)"] = refund_only
    return RFMResult(
        table=table, scheme=_SCHEME.format(bins=bins),
        reference_date=pd.Timestamp(ref * 86_400_000_000_000), bins=bins,
        n=arrays.n_rows - sum(arrays.dropped.values()), n_customers=int(buyers.sum()),
        negative_monetary=int((monetary < 0).sum()), n_dropped=int(sum(arrays.dropped.values())),
        dropped=dropped, policy=REFUND_POLICY,
    )


def _values(values: object, name: str = "values") -> pd.Series:
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
    out = as_numeric(series, name)
    if out.empty:
        raise CsatInputError(f"{name} is empty")
    return out


def value_tiers(values: object, *, high: float = 0.2, medium: float = 0.3) -> pd.Series:
    """High / medium / low value tiers by rank: the top ``high`` share, the next ``medium``, the rest.

    A customer's tier depends on the share of customers with strictly higher
    value, so tied customers share a tier. Missing values stay missing.

    References
    ----------
    Kotler, P. & Keller, K. L. (2016). Marketing Management, 15th ed., ch. 5
    (customer profitability tiers).

    Examples
    --------
    >>> value_tiers([500, 20, 80, 150, 5, 60, 40, 10, 300, 30]).tolist()
    ['high', 'low', 'medium', 'medium', 'low', 'medium', 'low', 'low', 'high', 'low']
    """
    v = _values(values)
    h, m = probability(high, "high"), probability(medium, "medium")
    if h + m > 1:
        raise CsatInputError(f"high + medium shares must not exceed 1, got {h + m:g}")
    ok = v.notna()
    x = v[ok].to_numpy()
    better = len(x) - np.searchsorted(np.sort(x), x, side="right")
    share = better / len(x)
    codes = np.where(share < h, "high", np.where(share < h + m, "medium", "low"))
    out = pd.Series(pd.Categorical([None] * len(v), categories=TIERS, ordered=True), index=v.index)
    out[ok] = codes
    return out


def abc_classes(values: object, *, a: float = 0.8, b: float = 0.95) -> pd.DataFrame:
    """ABC classes by cumulative share of value (A: the customers making the first 80%).

    Customers sorted by value (highest first); a customer is A while the
    cumulative share *before* them is below ``a`` (so the one crossing 80% is A),
    B while it is below ``b``, else C. Values must be non-negative.

    References
    ----------
    Dickie, H. F. (1951). ABC inventory analysis shoots for dollars, not pennies.
    Factory Management and Maintenance 109(7), 92-94.

    Examples
    --------
    >>> abc_classes(pd.Series([50, 30, 10, 5, 5], index=list("vwxyz")))["class"].tolist()
    ['A', 'A', 'B', 'B', 'C']
    """
    v = _values(values).dropna()
    pa, pb = probability(a, "a"), probability(b, "b")
    if pb <= pa:
        raise CsatInputError(f"b ({pb:g}) must be above a ({pa:g})")
    if (v < 0).any():
        raise CsatInputError("values must not be negative for ABC classes (net refunds first)")
    total = v.sum()
    if total <= 0:
        raise CsatInputError("values sum to 0; there is no value to classify")
    s = v.sort_values(ascending=False, kind="stable")
    share = s / total
    before = share.cumsum() - share
    cls = np.where(before < pa, "A", np.where(before < pb, "B", "C"))
    return pd.DataFrame({"value": s, "share": share, "cumulative_share": share.cumsum(), "class": cls})


@dataclasses.dataclass(frozen=True)
class ParetoResult(Result):
    """Concentration of value: Lorenz curve, Gini, share of the top 20%."""

    lorenz: pd.DataFrame
    gini: float
    top_share: float
    top: float
    customers_for_80: float
    n: int
    n_dropped: int
    dropped: dict

    def _summary(self) -> list[tuple[str, Any]]:
        return [("segments.gini", self.gini), ("segments.top_share", self.top_share),
                ("segments.customers_for_80", self.customers_for_80), ("result.n", self.n),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]


def pareto(values: object, *, top: float = 0.2) -> ParetoResult:
    """Pareto / 80-20 analysis: Lorenz curve, Gini coefficient, share of the top customers.

    With values sorted ascending :math:`x_{(1)} \\le \\dots \\le x_{(n)}`,

    .. math:: G = \\frac{2\\sum_i i\\,x_{(i)}}{n\\sum_i x_i} - \\frac{n+1}{n}

    ``top_share`` = 1 - L(1 - top) read off the (piecewise-linear) Lorenz curve;
    ``customers_for_80`` is the smallest share of (top) customers holding 80% of value.

    References
    ----------
    Gini, C. (1912). Variabilità e mutabilità. Lorenz, M. O. (1905). Methods of
    measuring the concentration of wealth. JASA 9(70), 209-219.

    Examples
    --------
    >>> p = pareto([50, 30, 10, 5, 5])
    >>> round(p.gini, 4), round(p.top_share, 4)
    (0.46, 0.5)
    """
    v = _values(values)
    missing = v.isna()
    x = np.sort(v[~missing].to_numpy())
    if (x < 0).any():
        raise CsatInputError("values must not be negative (net refunds per customer first)")
    if len(x) == 0 or x.sum() <= 0:
        raise CsatInputError("values must include a positive total")
    t = probability(top, "top")
    n = len(x)
    # rounding can give -1e-16 for equal values; the Gini is never negative
    gini = max(0.0, float(2 * np.dot(np.arange(1, n + 1), x) / (n * x.sum()) - (n + 1) / n))
    cust = np.concatenate([[0.0], np.arange(1, n + 1) / n])
    val = np.concatenate([[0.0], np.cumsum(x) / x.sum()])
    lorenz = pd.DataFrame({"customer_share": cust, "value_share": val})
    top_share = float(1 - np.interp(1 - t, cust, val))
    # value held by the top share s of customers is 1 - L(1 - s); find s where it reaches 0.8
    customers_for_80 = float(1 - np.interp(0.2, val, cust))
    dropped = {"missing value": int(missing.sum())} if missing.any() else {}
    return ParetoResult(lorenz=lorenz, gini=gini, top_share=top_share, top=t,
                        customers_for_80=customers_for_80, n=n, n_dropped=int(missing.sum()), dropped=dropped)
