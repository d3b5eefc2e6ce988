"""Customer value: value tiers, ABC classes, Pareto / 80-20 and the Lorenz curve.

The course classifies customers by value (high / medium / low, key accounts) and
quotes the 80/20 rule: 80% of sales come from 20% of customers. These functions
measure that on real data.

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

from .._core.results import Result
from .._core.validate import as_numeric, probability
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["TIERS", "ParetoResult", "value_tiers", "abc_classes", "pareto"]

#: Value tiers from lowest to highest (labels: ``segments.tier.<code>``).
TIERS: tuple[str, ...] = ("low", "medium", "high")


def _values(values: object, name: str = "values", *, finite: bool = True) -> pd.Series:
    """A float Series of one value per customer; text, infinities (when ``finite``) and all-missing raise."""
    if isinstance(values, (str, bytes, dict, pd.DataFrame)) or (not isinstance(values, pd.Series) and np.ndim(values) > 1):
        raise CsatInputError(f"{name} must be one number per customer (a list, array or Series), "
                             f"got {type(values).__name__}")
    series = values if isinstance(values, pd.Series) else pd.Series(np.atleast_1d(np.asarray(values, dtype=object)))
    out = as_numeric(series, name)
    if out.empty:
        raise CsatInputError(f"{name} is empty")
    if out.isna().all():
        raise CsatInputError(f"{name} are all missing")
    infinite = np.isinf(out.to_numpy())
    if finite and infinite.any():
        raise CsatInputError(f"{name} must be finite; rows {list(out.index[infinite][:5])} are infinite")
    return out


def value_tiers(values: object, *, high: float = 0.2, medium: float = 0.3) -> pd.Series:
    """High / medium / low value tiers by rank: the top ``high`` share, the next ``medium``, the rest.

    A customer's tier depends on the share of customers with strictly higher
    value, so tied customers share a tier. Missing values stay missing (all
    missing is an error); only ranks matter, so infinite values are ranked.

    Parameters
    ----------
    values : array-like or pandas.Series of float
        One value per customer (spend, margin, CLV); missing values allowed.
    high : float, default 0.2
        Share of customers in the high tier (the top 20%).
    medium : float, default 0.3
        Share of customers in the medium tier, after the high tier;
        ``high + medium`` must not exceed 1.

    Returns
    -------
    pandas.Series
        Ordered categorical of tier codes ``"low" < "medium" < "high"``
        (:data:`TIERS`; labels ``segments.tier.<code>``), with the index of
        ``values`` (a Series) or 0..n-1.

    Notes
    -----
    With :math:`b_i` the number of customers with a value strictly above
    :math:`v_i`, the share :math:`s_i = b_i / n` gives ``high`` when
    :math:`s_i < \\text{high}`, ``medium`` when
    :math:`s_i < \\text{high} + \\text{medium}`, else ``low``.

    References
    ----------
    Kotler, P. & Keller, K. L. (2016). Marketing Management, 15th ed., ch. 5
    (customer profitability tiers).

    Examples
    --------
    >>> value_tiers([500, 20, 80, 150, 5, 60, 40, 10, 300, 30]).tolist()
    ['high', 'low', 'medium', 'medium', 'low', 'medium', 'low', 'low', 'high', 'low']
    """
    v = _values(values, finite=False)
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

    Parameters
    ----------
    values : array-like or pandas.Series of float
        One finite, non-negative value per customer (or item); missing values are left out.
    a : float, default 0.8
        Cumulative share of value that the A class makes.
    b : float, default 0.95
        Cumulative share of value reached at the end of the B class; above ``a``.

    Returns
    -------
    pandas.DataFrame
        Sorted by value, highest first, with the index of ``values``:
        ``value``, ``share`` (of the total), ``cumulative_share`` and
        ``class`` (``"A"``, ``"B"`` or ``"C"``).

    Notes
    -----
    With values sorted descending and :math:`S_{<i} = \\sum_{j<i} v_j / \\sum_j v_j`
    the share before customer :math:`i`: A when :math:`S_{<i} < a`, B when
    :math:`S_{<i} < b`, else C.

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
    top = v.max()
    if top <= 0:
        raise CsatInputError("values sum to 0; there is no value to classify")
    s = v.sort_values(ascending=False, kind="stable")
    scaled = s / top  # rescaled by the largest value, so sums of values near 1e308 do not overflow
    share = scaled / scaled.sum()
    before = share.cumsum() - share
    cls = np.where(before < pa, "A", np.where(before < pb, "B", "C"))
    return pd.DataFrame({"value": s, "share": share, "cumulative_share": share.cumsum(), "class": cls})


@dataclasses.dataclass(frozen=True)
class ParetoResult(Result):
    """Concentration of value: Lorenz curve, Gini, share of the top 20%.

    Attributes
    ----------
    lorenz : pandas.DataFrame
        The Lorenz curve: ``customer_share`` (0, 1/n, ..., 1) and
        ``value_share`` (cumulative share of value, smallest customers first).
    gini : float
        Gini coefficient, 0 (equal values) to (n - 1) / n (one customer holds everything).
    top_share : float
        Share of value held by the top ``top`` share of customers.
    top : float
        The share of top customers asked about (0.2 for the 80/20 reading).
    customers_for_80 : float
        Smallest share of (top) customers holding 80% of value.
    n : int
        Values used.
    n_dropped : int
        Missing values left out.
    dropped : dict
        Reason (Message) -> count of the values left out.
    estimate : float
        The headline: ``top_share``.
    """

    lorenz: pd.DataFrame
    gini: float
    top_share: float
    top: float
    customers_for_80: float
    n: int
    n_dropped: int
    dropped: dict

    @property
    def estimate(self) -> float:
        """Share of value held by the top customers (``top_share``)."""
        return self.top_share

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The Lorenz curve with the Gini coefficient (:func:`csat_lab.plots.segments.lorenz_curve`).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.segments.lorenz_curve`.

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.segments import lorenz_curve

        return lorenz_curve(self, ax=ax, **kwargs)

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

    Parameters
    ----------
    values : array-like or pandas.Series of float
        One finite, non-negative value per customer, with a positive total;
        missing values are left out and reported.
    top : float, default 0.2
        Share of top customers whose share of value is reported (``top_share``).

    Returns
    -------
    ParetoResult
        The Lorenz curve, ``gini``, ``top_share``, ``customers_for_80``, ``n``
        and the values left out.

    Notes
    -----
    The Lorenz curve joins :math:`(k/n, \\sum_{i \\le k} x_{(i)} / \\sum_i x_i)`
    for :math:`k = 0..n` and is read between its points by linear interpolation.

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
    if len(x) == 0 or x.max() <= 0:
        raise CsatInputError("values must include a positive total")
    x = x / x[-1]  # rescaled by the largest value: shares are unchanged and sums near 1e308 do not overflow
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
    dropped = {Message("value.reason.missing_value"): int(missing.sum())} if missing.any() else {}
    return ParetoResult(lorenz=lorenz, gini=gini, top_share=top_share, top=t,
                        customers_for_80=customers_for_80, n=n, n_dropped=int(missing.sum()), dropped=dropped)
