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


def value_tiers(values: object, *, high: float = 0.2, medium: float = 0.3, customer: str | None = None,
                amount: str | None = None, collect: bool | None = None, max_rows: int | None = None) -> Any:
    """High / medium / low value tiers by rank: the top ``high`` share, the next ``medium``, the rest.

    A customer's tier depends on the share of customers with strictly higher
    value, so tied customers share a tier. Missing values stay missing (all
    missing is an error); only ranks matter, so infinite values are ranked.

    Parameters
    ----------
    values : array-like, pandas.Series of float, or a transaction log
        One value per customer (spend, margin, CLV); missing values allowed.
        Or, with ``customer`` and ``amount``, a transaction log (a pandas
        DataFrame or any input of :func:`csat_lab.segments.rfm`: Polars,
        PyArrow, DuckDB, a Parquet/CSV path or glob, Ibis, PySpark): each
        customer's value is then the net sum of ``amount`` (refunds
        negative), computed in the log's engine.
    high : float, default 0.2
        Share of customers in the high tier (the top 20%).
    medium : float, default 0.3
        Share of customers in the medium tier, after the high tier;
        ``high + medium`` must not exceed 1.
    customer : str, optional
        With a log: the column of customer ids (rows without one are left out).
    amount : str, optional
        With a log: the column of amounts summed per customer (rows without
        one are left out).
    collect : bool, optional
        With a non-pandas log: True brings the tiers into pandas (with the
        ``max_rows`` check), False keeps them lazy in the input's own type
        (columns ``customer``, ``value``, ``tier``, sorted by customer);
        default: collected when there are at most ``max_rows`` customers.
    max_rows : int, optional
        The most customers brought into pandas from an engine (default
        :data:`csat_lab._core.engine.DEFAULT_MAX_ROWS`).

    Returns
    -------
    pandas.Series
        Ordered categorical of tier codes ``"low" < "medium" < "high"``
        (:data:`TIERS`; labels ``segments.tier.<code>``), with the index of
        ``values`` (a Series) or 0..n-1; from a log, indexed by customer
        (sorted). A large engine result stays lazy (see
        ``collect``).

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

    On an engine the count of strictly higher values is
    :math:`n - \\text{rank}_{\\max}(v_i)`, from the engine's rank window.

    Examples
    --------
    >>> value_tiers([500, 20, 80, 150, 5, 60, 40, 10, 300, 30]).tolist()
    ['high', 'low', 'medium', 'medium', 'low', 'medium', 'low', 'low', 'high', 'low']
    >>> log = pd.DataFrame({"customer_id": ["a", "a", "b", "c"], "amount": [30.0, -10.0, 5.0, 50.0]})
    >>> value_tiers(log, customer="customer_id", amount="amount", high=0.3).to_dict()
    {'a': 'medium', 'b': 'low', 'c': 'high'}
    """
    h, m = probability(high, "high"), probability(medium, "medium")
    if h + m > 1:
        raise CsatInputError(f"high + medium shares must not exceed 1, got {h + m:g}")
    if customer is not None or amount is not None:
        if not _is_pandas(values):
            return _tiers_engine(values, h, m, customer, amount, collect, max_rows)
        values = _totals(values, customer, amount)
    v = _values(values, finite=False)
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
    engine : str
        Where the per-customer totals of a log were computed: ``"pandas"``,
        or the engine of a non-pandas log (``"duckdb"``, ``"pyspark"`` ...).
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
    engine: str = "pandas"

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
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)] + \
            ([("engine.engine", self.engine)] if self.engine != "pandas" else [])


def pareto(values: object, *, top: float = 0.2, customer: str | None = None, amount: str | None = None,
           max_rows: int | None = None) -> ParetoResult:
    """Pareto / 80-20 analysis: Lorenz curve, Gini coefficient, share of the top customers.

    With values sorted ascending :math:`x_{(1)} \\le \\dots \\le x_{(n)}`,

    .. math:: G = \\frac{2\\sum_i i\\,x_{(i)}}{n\\sum_i x_i} - \\frac{n+1}{n}

    ``top_share`` = 1 - L(1 - top) read off the (piecewise-linear) Lorenz curve;
    ``customers_for_80`` is the smallest share of (top) customers holding 80% of value.

    Parameters
    ----------
    values : array-like, pandas.Series of float, or a transaction log
        One finite, non-negative value per customer, with a positive total;
        missing values are left out and reported. Or, with ``customer`` and
        ``amount``, a transaction log (pandas or any input of
        :func:`csat_lab.segments.rfm`) whose per-customer net sums of
        ``amount`` are computed in its engine.
    top : float, default 0.2
        Share of top customers whose share of value is reported (``top_share``).
    customer : str, optional
        With a log: the column of customer ids (rows without one are left out).
    amount : str, optional
        With a log: the column of amounts (rows without one are left out).
    max_rows : int, optional
        With a non-pandas log: the most customers whose totals are brought into
        pandas for the curve (default :data:`csat_lab._core.engine.DEFAULT_MAX_ROWS`);
        more raise :class:`~csat_lab.errors.CsatInputError`.

    Returns
    -------
    ParetoResult
        The Lorenz curve, ``gini``, ``top_share``, ``customers_for_80``, ``n``
        and the values left out.

    Notes
    -----
    The Lorenz curve joins :math:`(k/n, \\sum_{i \\le k} x_{(i)} / \\sum_i x_i)`
    for :math:`k = 0..n` and is read between its points by linear interpolation.
    From an engine only the per-customer totals (one number per customer)
    come back to pandas, so the curve is the same as from pandas.

    References
    ----------
    Gini, C. (1912). Variabilità e mutabilità. Lorenz, M. O. (1905). Methods of
    measuring the concentration of wealth. JASA 9(70), 209-219.

    Examples
    --------
    >>> p = pareto([50, 30, 10, 5, 5])
    >>> round(p.gini, 4), round(p.top_share, 4)
    (0.46, 0.5)
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 4, 5], "amount": [40.0, 10.0, 30.0, 10.0, 5.0, 5.0]})
    >>> round(pareto(log, customer="customer_id", amount="amount").gini, 4)
    0.46
    """
    engine = "pandas"
    if customer is not None or amount is not None:
        if _is_pandas(values):
            values = _totals(values, customer, amount)
        else:
            from .._core.engine import engine_of

            engine = engine_of(values)
            values = _totals_engine(values, customer, amount, max_rows)
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
                        customers_for_80=customers_for_80, n=n, n_dropped=int(missing.sum()), dropped=dropped,
                        engine=engine)


# --- per-customer totals from a transaction log --------------------------------------------------

def _is_pandas(values: object) -> bool:
    return isinstance(values, (pd.DataFrame, pd.Series, list, tuple, np.ndarray))


def _log_names(customer: str | None, amount: str | None) -> tuple[str, str]:
    if not isinstance(customer, str) or not isinstance(amount, str):
        raise CsatInputError(Message("engine.error.log_columns", customer=repr(customer), amount=repr(amount)))
    return customer, amount


def _totals(data: object, customer: str | None, amount: str | None) -> pd.Series:
    """Net sum of ``amount`` per customer of a pandas log (rows missing either left out), sorted by customer."""
    customer, amount = _log_names(customer, amount)
    if not isinstance(data, pd.DataFrame):
        raise CsatInputError(Message("engine.error.not_a_log", got=type(data).__name__))
    missing = [c for c in (customer, amount) if c not in data.columns]
    if missing:
        raise CsatInputError(Message("engine.error.no_column", what="transaction log", column=repr(missing[0])))
    amt = as_numeric(data[amount], amount)
    keep = data[customer].notna() & amt.notna()
    return amt[keep].groupby(data.loc[keep, customer], sort=True).sum().astype(float)


def _engine_totals(data: object, customer: str | None, amount: str | None) -> tuple[Any, str, Any]:
    """(lazy per-customer totals with columns ``customer`` and ``value``, engine name, narwhals) of a log."""
    import narwhals as nw

    from .._core import engine as eng

    customer, amount = _log_names(customer, amount)
    lf = eng.open_log(data, argument="values", columns=[customer, amount])
    schema = lf.collect_schema()
    if not schema[amount].is_numeric():
        raise CsatInputError(Message("engine.error.amount_type", column=amount, dtype=str(schema[amount])))
    amt = nw.col("_amt")
    totals = (lf.with_columns(_amt=nw.col(amount).cast(nw.Float64))
              .filter(~nw.col(customer).is_null() & ~(amt.is_null() | amt.is_nan()))
              .group_by(customer).agg(amt.sum().alias("value")))
    return totals, eng.engine_of(data), nw


def _totals_engine(data: object, customer: str | None, amount: str | None, max_rows: int | None) -> pd.Series:
    """Per-customer totals computed in the engine, only the ``value`` column collected (with the row limit)."""
    from .._core import engine as eng

    totals, _, _ = _engine_totals(data, customer, amount)
    limit = eng.DEFAULT_MAX_ROWS if max_rows is None else max_rows
    return eng.collect(totals.select("value"), max_rows=limit, what="per-customer totals")["value"].astype(float)


def _tiers_engine(data: object, h: float, m: float, customer: str | None, amount: str | None,
                  collect: bool | None, max_rows: int | None) -> Any:
    """:func:`value_tiers` of a log in its engine: n - rank_max is the count of strictly higher totals."""
    from .._core import engine as eng

    totals, _, nw = _engine_totals(data, customer, amount)
    n = int(totals.select(nw.len()).collect("pandas").to_native().iloc[0, 0])
    if n == 0:
        raise CsatInputError(Message("engine.error.no_values"))
    # the same float division and comparisons as the pandas path, so tiers agree exactly
    better = n - nw.col("value").rank(method="max").cast(nw.Int64)
    share = better.cast(nw.Float64) / n
    tier = nw.when(share < h).then(nw.lit("high")).otherwise(
        nw.when(share < h + m).then(nw.lit("medium")).otherwise(nw.lit("low")))
    table = totals.with_columns(tier=tier).select(customer, "value", "tier").sort(customer)
    limit = eng.DEFAULT_MAX_ROWS if max_rows is None else max_rows
    if collect is False or (collect is None and n > limit):
        return eng.to_native(table)
    frame = eng.collect(table, max_rows=limit, what="value tiers per customer").set_index(customer)
    return pd.Series(pd.Categorical(frame["tier"], categories=TIERS, ordered=True), index=frame.index)
