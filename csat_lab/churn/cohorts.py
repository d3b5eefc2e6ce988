"""Cohort retention triangle: customers grouped by the period of their first purchase.

Cell (c, k) of the triangle counts the customers acquired in period c who bought
in period c + k; dividing by the cohort size (column k = 0) gives the share still
buying k periods after acquisition. Built with integer arrays (no per-row Python,
no pivot), so ten million transactions take about a second.
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
    PERIODS,
    REFUND_POLICY,
    engine_row,
    log_arrays,
    period_codes,
    period_labels,
)
from .._core.validate import one_of
from ..i18n import Message

__all__ = ["CohortResult", "cohort_table"]

# above this many customer x period cells, distinct activity is found by sorting instead of a bitmap
_BITMAP_LIMIT = 200_000_000
# DuckDB: up to this many periods, each customer's purchase periods fit one BIGINT bit mask
_MASK_PERIODS = 63


@dataclasses.dataclass(frozen=True)
class CohortResult(Result):
    """Cohort retention triangle: customers active by acquisition period and periods since.

    Attributes
    ----------
    estimate : pandas.DataFrame
        The headline: the retention triangle (same as ``rates``).
    counts : pandas.DataFrame
        Customers of cohort c (rows, labelled by period) buying in period c + k
        (columns ``k`` = 0, 1, ...); cells after the data's last period are missing.
    rates : pandas.DataFrame
        ``counts`` divided by the cohort size: the share of the cohort still buying.
    sizes : pandas.Series
        Customers acquired in each cohort (column 0 of ``counts``).
    period : str
        Period length: "D", "W", "M", "Q" or "Y".
    n : int
        Transaction rows used.
    n_customers : int
        Customers with at least one purchase period.
    n_dropped : int
        Transaction rows dropped as invalid.
    dropped : dict
        Reason -> count of rows dropped (and of customers whose purchases net below 0 in every period).
    policy : Message
        How refunds are treated.
    engine : str
        Where the reductions ran: "pandas", or the engine of the input ("duckdb", "polars", "pyspark" ...).
    """

    counts: pd.DataFrame
    rates: pd.DataFrame
    sizes: pd.Series
    period: str
    n: int
    n_customers: int
    n_dropped: int
    dropped: dict
    policy: str
    engine: str = "pandas"

    @property
    def estimate(self) -> pd.DataFrame:
        """The retention triangle (``rates``)."""
        return self.rates

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Heatmap of the triangle: :func:`csat_lab.plots.cohort_heatmap`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.churn.cohort_heatmap` (``annotate``, ``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.churn import cohort_heatmap

        return cohort_heatmap(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("cohort.period", self.period), ("cohort.n_cohorts", len(self.sizes)),
                ("result.n", self.n), ("econ.customers", self.n_customers),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped),
                ("transactions.policy", self.policy)] + engine_row(self.engine)


@renamed(transactions="data")
@shared_docs
def cohort_table(data: Any, *, customer: str = "customer_id", date: str = "date",
                 period: str = "M", amount: str | None = None, now: object = None,
                 on_invalid: str = "raise") -> CohortResult:
    """Retention triangle by acquisition period.

    A customer's cohort is the period of the first purchase. With ``amount``,
    refunds are netted per customer-period and a period with a negative net is not a
    purchase (so a customer whose first period nets below zero is acquired later).
    Duplicate rows cannot change the counts (they count distinct customers).

    Any input the engine layer reads works (:mod:`csat_lab._core.engine`): a Polars,
    PyArrow, DuckDB, Ibis or Spark table, or a path / glob of Parquet or CSV files read by
    DuckDB. The distinct customer-periods, first periods and cell counts are then computed
    in that engine and only the triangle comes back; ``engine`` names it. On DuckDB, when the
    log spans at most 63 periods, one grouped query gives each customer a bit mask of the
    periods with a purchase (``bit_or``), so the log is read once after its check and only one
    integer per customer comes back, decoded into the triangle with NumPy.

    Parameters
    ----------
    @{log}
        Or a table of another engine, or a path (see above).
    @{customer}
    @{date}
    period : {"D", "W", "M", "Q", "Y"}, default "M"
        Length of one period: day, week (starting on Monday), month, quarter, year.
    @{amount}
    now : date-like, optional
        The analysis date: dates after it are "future" (see ``on_invalid``). Default: today.
    @{on_invalid}

    Returns
    -------
    CohortResult
        ``counts``, ``rates`` (also ``estimate``) and ``sizes`` by cohort, with
        what was dropped; ``plot()`` draws the heatmap.

    Notes
    -----
    .. math:: \\text{rate}_{c,k} = \\frac{\\#\\{i \\in \\text{cohort } c:
              i \\text{ bought in period } c+k\\}}{\\#\\text{cohort } c}

    References
    ----------
    Fader, P. S. & Hardie, B. G. S. (2010). Customer-base valuation in a
    contractual setting: the perils of ignoring heterogeneity. Marketing Science
    29(1), 85-93 (cohort retention curves).

    Examples
    --------
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3, 3],
    ...     "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20", "2024-03-01",
    ...                             "2024-02-05", "2024-03-09"])})
    >>> res = cohort_table(log, now="2024-12-31")
    >>> res.counts
    age      0  1  2
    cohort
    2024-01  2  1  1
    2024-02  1  1  <NA>
    >>> res.rates.loc["2024-01"].tolist()
    [1.0, 0.5, 0.5]
    """
    if not isinstance(data, pd.DataFrame) and data is not None:
        return _cohort_in_engine(data, customer, date, period, amount, now, on_invalid)
    arrays = log_arrays(data, customer, date, amount, now, on_invalid)
    per, base = period_codes(arrays.day, period)
    k = len(arrays.customers)
    n_per = int(per.max()) + 1
    key = arrays.codes * n_per + per
    refund_only = 0
    if arrays.amount is not None and (arrays.amount < 0).any():
        cells, inverse = np.unique(key, return_inverse=True)
        net = np.bincount(inverse, weights=arrays.amount)
        refund_only = len(np.unique(cells // n_per)) - len(np.unique(cells[net >= 0] // n_per))
        cells = cells[net >= 0]
    elif k * n_per <= _BITMAP_LIMIT:
        seen = np.zeros(k * n_per, dtype=bool)
        seen[key] = True
        cells = np.flatnonzero(seen)
    else:
        cells = np.unique(key)
    cust, cell_per = np.divmod(cells, n_per)
    first = np.full(k, n_per, dtype=np.int64)
    np.minimum.at(first, cust, cell_per)
    acquired = first < n_per
    cohort = first[cust]
    age = cell_per - cohort
    grid = np.bincount(cohort * n_per + age, minlength=n_per * n_per).reshape(n_per, n_per)
    return _triangle(grid, n_per, base, period, n_rows=arrays.n_rows, n_customers=int(acquired.sum()),
                     dropped=arrays.dropped, refund_only=refund_only, engine="pandas")


def _triangle(grid: np.ndarray, n_per: int, base: int, period: str, *, n_rows: int, n_customers: int,
              dropped: dict, refund_only: int, engine: str) -> CohortResult:
    """The result from the cohort x age grid of customer counts (shared by pandas and the engines)."""
    sizes = grid[:, 0]
    rows = np.flatnonzero(sizes)
    age_max = np.flatnonzero(grid.any(axis=0))
    max_age = int(age_max.max()) + 1
    index = pd.Index(period_labels(rows, base, period).astype(str), name="cohort")
    columns = pd.RangeIndex(max_age, name="age")
    # cells after the data's last period cannot be observed: missing, not 0
    horizon = (n_per - 1 - rows)[:, None] < np.arange(max_age)[None, :]
    counts = pd.DataFrame(grid[rows, :max_age], index=index, columns=columns)
    rates = counts.div(sizes[rows], axis=0).mask(horizon)
    counts = counts.astype("Int64").mask(horizon)
    n_dropped = int(sum(dropped.values()))
    dropped = dict(dropped)
    if refund_only:
        dropped[Message("value.reason.net_below_zero")] = refund_only
    return CohortResult(counts=counts, rates=rates, sizes=pd.Series(sizes[rows], index=index, name="size"),
                        period=period, n=n_rows - n_dropped, n_customers=n_customers, n_dropped=n_dropped,
                        dropped=dropped, policy=REFUND_POLICY, engine=engine)


def _cohort_in_engine(data: Any, customer: str, date: str, period: str, amount: str | None, now: object,
                      on_invalid: str) -> CohortResult:
    """cohort_table for a table of another engine: the reductions run there (see _core.engine)."""
    import narwhals as nw

    from .._core import engine as eng
    from .._core.txlog import analysis_date

    one_of(period, PERIODS, "period")
    log = eng.engine_log(data, customer, date, amount, lambda tz: analysis_date(now, tz), on_invalid)
    ends, base = period_codes(np.array([log.lo, log.hi], dtype=np.int64), period)
    n_per = int(ends[1]) + 1
    lf = log.lf.select("c", *(["v"] if amount else []),
                       eng.period_number(nw.col("day"), nw.col("d"), period).alias("p"))
    netted = bool(amount and log.negatives)
    native = eng.to_native(lf)
    if log.engine == "duckdb" and n_per <= _MASK_PERIODS and hasattr(native, "query"):
        grid, n_customers, refund_only = _duckdb_grid(native, base, n_per, netted)
    else:
        grid, n_customers, refund_only = _narwhals_grid(lf, base, n_per, amount is not None, netted)
    return _triangle(grid, n_per, base, period, n_rows=log.n_rows, n_customers=n_customers,
                     dropped=log.dropped, refund_only=refund_only, engine=log.engine)


def _narwhals_grid(lf: Any, base: int, n_per: int, amount: bool, netted: bool) -> tuple[np.ndarray, int, int]:
    """Cohort x age grid on any engine: distinct customer-periods, first periods, a join and a count.

    Distinct cells are found with a group-by (a hash aggregate in every engine), not ``unique()``,
    which some narwhals backends (DuckDB) plan as a window over the whole log.
    """
    import narwhals as nw

    from .._core import engine as eng

    if amount:
        cells = lf.group_by("c", "p").agg(nw.col("v").sum())
        kept = cells.filter(nw.col("v") >= 0).select("c", "p") if netted else cells.select("c", "p")
    else:
        cells = kept = lf.group_by("c", "p").agg(nw.len().alias("_n")).select("c", "p")
    first = kept.group_by("c").agg(nw.col("p").min().alias("f"))
    grid_lf = (kept.join(first, on="c").with_columns((nw.col("p") - nw.col("f")).alias("age"))
               .group_by("f", "age").agg(nw.len().alias("n")))
    cells_small = eng.collect(grid_lf, max_rows=None, what="cohort cells")
    f = cells_small["f"].to_numpy(dtype=np.int64) - base
    age = cells_small["age"].to_numpy(dtype=np.int64)
    grid = np.zeros((n_per, n_per), dtype=np.int64)
    np.add.at(grid, (f, age), cells_small["n"].to_numpy(dtype=np.int64))
    n_customers = int(grid[:, 0].sum())
    refund_only = int(cells.select(nw.col("c").n_unique()).collect().item()) - n_customers if netted else 0
    return grid, n_customers, refund_only


def _duckdb_grid(rel: Any, base: int, n_per: int, netted: bool) -> tuple[np.ndarray, int, int]:
    """Cohort x age grid on DuckDB with one pass over the log: a bit mask of purchase periods per customer.

    Bit ``p - base`` of customer i's mask is set when i bought in period ``p`` (``bit_or`` per customer,
    at most 63 periods), so no table of customer-periods is built; with refunds (``netted``) the periods
    are first netted per customer-period and a negative net sets no bit (a mask of 0: refunds only).
    The masks (one integer per customer) are decoded here: the cohort is the lowest set bit.
    """
    bit = f"(CAST(1 AS BIGINT) << CAST(p - {int(base)} AS INTEGER))"
    if netted:
        sql = (f"SELECT bit_or(CASE WHEN v >= 0 THEN {bit} ELSE 0 END) AS b "
               "FROM (SELECT c, p, sum(v) AS v FROM _csat_log GROUP BY c, p) GROUP BY c")
    else:
        sql = f"SELECT bit_or({bit}) AS b FROM _csat_log GROUP BY c"
    masks = rel.query("_csat_log", sql).fetchnumpy()["b"]
    masks = np.asarray(masks, dtype=np.int64).view(np.uint64)
    bought = masks[masks != 0]
    refund_only = int(len(masks) - len(bought))
    # cohort = index of the lowest set bit (a power of two is exact in float64)
    cohort = (np.frexp((bought & (~bought + np.uint64(1))).astype(np.float64))[1] - 1).astype(np.int64)
    shifted = bought >> cohort.astype(np.uint64)
    grid = np.zeros((n_per, n_per), dtype=np.int64)
    for age in range(n_per - int(cohort.min(initial=n_per - 1))):
        active = (shifted >> np.uint64(age)) & np.uint64(1) == 1
        grid[:, age] = np.bincount(cohort[active], minlength=n_per)
    return grid, len(bought), refund_only
