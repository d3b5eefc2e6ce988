"""Transaction logs in the engine they live in: DuckDB, Polars, PyArrow, Ibis or Spark (internal).

A pandas DataFrame keeps the fast NumPy path of :mod:`csat_lab._core.txlog`. Every other
input is opened as a narwhals ``LazyFrame`` on its own engine (:func:`open_log`), the heavy
reductions (grouping, minima, date truncation, distinct counts) are written once with
narwhals expressions and run inside that engine, and only small results come back to pandas
(:func:`collect`), where the existing statistics and result classes take over.

Inputs: a pandas, Polars or PyArrow table, a Polars ``LazyFrame``, a DuckDB relation, an Ibis
table, a PySpark DataFrame, or a path: a file, a folder or a glob of ``*.parquet`` / ``*.csv``
files, read lazily by DuckDB (the embedded default).

Conventions both the churn and the segment functions follow:

* **Which engine.** A result computed in an engine has ``engine`` set to the engine's name
  (:func:`engine_of`: ``"duckdb"``, ``"polars"``, ``"pyarrow"``, ``"ibis"``, ``"pyspark"``; a path
  is ``"duckdb"``) and shows it as a summary row; pandas input gives ``engine="pandas"`` and no
  extra row, so pandas results are unchanged.
* **Small results are collected, large ones stay lazy.** Results with one row per cohort cell,
  per score cell or per distinct value are collected to pandas. A per-customer table is
  collected when the function's ``collect`` is True, or when it is None (the default) and the
  table has at most :data:`DEFAULT_MAX_ROWS` rows (counted in the engine); otherwise (``collect``
  False, or None above the limit) it stays lazy, in the input's own type (:func:`to_native`:
  a DuckDB relation, a Polars ``LazyFrame``, a Spark DataFrame ...), and the result's ``n`` still
  gives its row count. ``collect=True`` means the user asked for it: no limit applies.
* **Every collect is guarded.** :func:`collect` stops with a :class:`CsatInputError` giving the
  row count, the limit and what to do instead rather than pulling a huge table into pandas.
* **Same validation as pandas.** Missing customer ids or dates, future dates and missing amounts
  are counted in the engine under the same reasons as :mod:`csat_lab._core.txlog`; with
  ``on_invalid="raise"`` they raise (without row labels: engines have no index), with
  ``"drop"`` they are dropped and counted. Dates must already be dates or timestamps in the
  engine (text dates raise: parse them in the engine, e.g. DuckDB's ``read_csv`` does), amounts
  numbers.
* **Time zones.** A time-zone-aware timestamp is read as its wall-clock time in the column's
  zone, as pandas does. DuckDB (``TIMESTAMPTZ``) and Spark store instants and show them in the
  session time zone, so there the wall clock is that of the session time zone: set it to the
  data's zone (``SET TimeZone``, ``spark.sql.session.timeZone``) to match pandas.
* **Passes over the data.** A function reads the log twice: once for the checks (every count,
  and the first and last valid date, in one aggregate query; day numbers are computed from
  those two dates, not per row) and once for its reduction. Parquet files given by path are
  checked from their footers instead when these hold every count (:func:`_footer_counts`), so
  a clean log is read once (plus its amount column when the footers leave NaN or negative
  amounts open). Where narwhals cannot express the cheapest plan, one DuckDB query may run on
  the relation itself (``cohort_table``'s per-customer bit masks); every other engine takes
  the narwhals route. DuckDB runs with its own defaults
  (threads, memory limit): csat_lab sets none.
* **Days.** Day numbers (days since 1970-01-01) are computed from year, month and day with the
  civil-calendar formula (Hinnant 2013), which every engine evaluates alike; weeks start on
  Monday as pandas' ``"W"`` periods do.
"""

from __future__ import annotations

import glob as _glob
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["DEFAULT_MAX_ROWS", "collect", "count_rows", "engine_of", "is_pandas", "open_log", "to_native"]

#: Largest number of rows :func:`collect` brings into pandas unless told otherwise.
DEFAULT_MAX_ROWS: int = 1_000_000

_SUPPORTED = ("pandas DataFrame, Polars DataFrame or LazyFrame, PyArrow Table, DuckDB relation, Ibis table, "
              "PySpark DataFrame, or a path / glob of .parquet or .csv files")
_PARQUET = (".parquet", ".pq")
_CSV = (".csv", ".tsv", ".txt", ".csv.gz")


def is_pandas(data: object) -> bool:
    """True for a pandas DataFrame (the in-memory NumPy path), False for anything else.

    Parameters
    ----------
    data : object
        The input of a transaction-log function.

    Returns
    -------
    bool

    Notes
    -----
    pandas input keeps csat_lab's NumPy path bit for bit; every other input goes to its engine.

    References
    ----------
    McKinney, W. (2010). Data structures for statistical computing in Python. Proc. SciPy 2010, 56-61.

    Examples
    --------
    >>> is_pandas(pd.DataFrame({"a": [1]})), is_pandas("logs/*.parquet")
    (True, False)
    """
    return isinstance(data, pd.DataFrame)


def engine_of(data: object) -> str:
    """Name of the engine that holds ``data``: "pandas", "polars", "pyarrow", "duckdb", "ibis", "pyspark" ...

    Parameters
    ----------
    data : object
        A table of a supported engine, a narwhals frame, or a path (read by DuckDB).

    Returns
    -------
    str
        The engine's name, lower case.

    Notes
    -----
    The name is narwhals' ``Implementation`` of the table; paths are read by DuckDB.

    References
    ----------
    Gorelli, M. E. et al. (2024). Narwhals: lightweight compatibility layer between dataframe
    libraries. https://narwhals-dev.github.io/narwhals/

    Examples
    --------
    >>> engine_of(pd.DataFrame({"a": [1]})), engine_of("sales/*.parquet")
    ('pandas', 'duckdb')
    """
    if is_pandas(data):
        return "pandas"
    if isinstance(data, (str, Path)):
        return "duckdb"
    import narwhals as nw

    frame = data if isinstance(data, (nw.DataFrame, nw.LazyFrame)) else _from_native(data, "data")
    return str(frame.implementation.value).lower()


def open_log(data: Any, *, argument: str = "data", columns: list[str] | None = None) -> Any:
    """A narwhals LazyFrame over ``data`` on its own engine, with ``columns`` checked.

    Parameters
    ----------
    data : table or path
        pandas / Polars DataFrame, Polars LazyFrame, PyArrow Table, DuckDB relation, Ibis
        table, PySpark DataFrame, or a ``str`` / ``Path``: a file, folder or glob of ``.parquet``
        or ``.csv`` files, read lazily by DuckDB.
    argument : str, default "data"
        The argument's name, for error messages.
    columns : list of str, optional
        Columns that must be present.

    Returns
    -------
    narwhals.LazyFrame
        Lazy over the input's engine (eager tables are made lazy by narwhals, on the same engine).

    Notes
    -----
    Nothing is read or computed here beyond the schema: the engine plans the work.

    References
    ----------
    Raasveldt, M. & Muehleisen, H. (2019). DuckDB: an embeddable analytical database. SIGMOD 2019, 1981-1984.

    Examples
    --------
    >>> import polars as pl
    >>> lf = open_log(pl.DataFrame({"customer_id": [1, 2]}), columns=["customer_id"])
    >>> type(lf).__name__, engine_of(lf)
    ('LazyFrame', 'polars')
    """
    import narwhals as nw

    if isinstance(data, (str, Path)):
        frame = _from_native(_read_path(data, argument), argument)
    elif isinstance(data, (nw.DataFrame, nw.LazyFrame)):
        frame = data
    else:
        frame = _from_native(data, argument)
    lazy = frame.lazy() if isinstance(frame, nw.DataFrame) else frame
    if columns:
        present = list(lazy.collect_schema().names())
        missing = [c for c in columns if c not in present]
        if missing:
            raise CsatInputError(Message("engine.error.columns", argument=argument,
                                         missing=", ".join(map(repr, missing)),
                                         present=", ".join(map(str, present[:40]))))
    return lazy


def count_rows(lf: Any) -> int:
    """Rows of a lazy table, counted in its engine.

    Parameters
    ----------
    lf : narwhals.LazyFrame or native table
        The table.

    Returns
    -------
    int

    Notes
    -----
    One ``COUNT(*)`` in the engine; nothing else leaves it.

    References
    ----------
    Gorelli, M. E. et al. (2024). Narwhals. https://narwhals-dev.github.io/narwhals/

    Examples
    --------
    >>> import polars as pl
    >>> count_rows(pl.LazyFrame({"a": [1, 2, 3]}))
    3
    """
    import narwhals as nw

    lazy = open_log(lf, argument="table")
    return int(lazy.select(nw.len()).collect().item())


def collect(lf: Any, *, max_rows: int | None = DEFAULT_MAX_ROWS, what: str = "result") -> pd.DataFrame:
    """Bring a lazy table into pandas, refusing tables above ``max_rows`` rows.

    Parameters
    ----------
    lf : narwhals.LazyFrame or native table
        The table to collect.
    max_rows : int or None, default DEFAULT_MAX_ROWS
        Most rows allowed; None lifts the limit.
    what : str, default "result"
        What the table is, for the error message.

    Returns
    -------
    pandas.DataFrame

    Notes
    -----
    The engine is asked for at most ``max_rows + 1`` rows; when it has more, it counts them and
    a :class:`~csat_lab.errors.CsatInputError` gives the count, the limit and the ways out (keep
    the result lazy, aggregate further, or pass ``max_rows=None``).

    References
    ----------
    Gorelli, M. E. et al. (2024). Narwhals. https://narwhals-dev.github.io/narwhals/

    Examples
    --------
    >>> import polars as pl
    >>> collect(pl.LazyFrame({"a": [1, 2]})).shape
    (2, 1)
    >>> collect(pl.LazyFrame({"a": [1, 2, 3]}), max_rows=2)
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: result has 3 rows, more than the limit of 2 rows to bring into pandas; keep it lazy (collect=False), aggregate it further in the engine, or pass max_rows=None to collect it anyway
    """
    lazy = open_log(lf, argument=what)
    if max_rows is not None:
        if isinstance(max_rows, bool) or not isinstance(max_rows, (int, np.integer)) or max_rows < 0:
            raise CsatInputError(Message("engine.error.max_rows", got=repr(max_rows)))
        head = lazy.head(int(max_rows) + 1).collect().to_pandas()
        if len(head) > max_rows:
            raise CsatInputError(Message("engine.error.too_large", what=what, n=count_rows(lazy),
                                         limit=int(max_rows)))
        return head
    return lazy.collect().to_pandas()


def to_native(lf: Any) -> Any:
    """The lazy table in the input's own type: a DuckDB relation, a Polars LazyFrame, a Spark DataFrame ...

    Parameters
    ----------
    lf : narwhals.LazyFrame
        The table.

    Returns
    -------
    object
        The engine's native lazy object (a Polars ``LazyFrame`` for eager Polars input, the
        input's type otherwise).

    Notes
    -----
    Nothing is computed: the engine receives the plan.

    References
    ----------
    Gorelli, M. E. et al. (2024). Narwhals. https://narwhals-dev.github.io/narwhals/

    Examples
    --------
    >>> import polars as pl
    >>> type(to_native(open_log(pl.DataFrame({"a": [1]})))).__name__
    'LazyFrame'
    """
    import narwhals as nw

    return nw.to_native(lf) if isinstance(lf, (nw.DataFrame, nw.LazyFrame)) else lf


def _from_native(data: Any, argument: str) -> Any:
    import narwhals as nw

    try:
        return nw.from_native(data)
    except TypeError:
        raise CsatInputError(Message("engine.error.type", argument=argument, got=type(data).__name__,
                                     supported=_SUPPORTED)) from None


def _path_source(path: str | Path, argument: str) -> tuple[str, str]:
    """What a path holds and the pattern DuckDB reads: ("parquet" | "csv", pattern)."""
    text = str(path)
    p = Path(text)
    if p.is_dir():
        parquet = next(p.rglob("*.parquet"), None) is not None
        csv = next(p.rglob("*.csv"), None) is not None
        if not (parquet or csv):
            raise CsatInputError(Message("engine.error.no_files", argument=argument, path=text))
        return ("parquet", str(p / "**" / "*.parquet")) if parquet else ("csv", str(p / "**" / "*.csv"))
    lower = text.lower()
    if not p.is_file() and not _glob.glob(text, recursive=True):
        raise CsatInputError(Message("engine.error.no_files", argument=argument, path=text))
    if lower.endswith(_PARQUET):
        return "parquet", text
    if lower.endswith(_CSV):
        return "csv", text
    raise CsatInputError(Message("engine.error.file_type", argument=argument, path=text))


def _read_path(path: str | Path, argument: str) -> Any:
    import duckdb

    kind, pattern = _path_source(path, argument)
    return duckdb.read_parquet(pattern) if kind == "parquet" else duckdb.read_csv(pattern)


# --- transaction-log reductions shared by the churn and segment functions -------------------

# the civil-calendar day number needs non-negative operands of // (engines differ below 0)
_WEEK_SHIFT = 110_000


def day_number(d: Any) -> Any:
    """Days since 1970-01-01 of a date/datetime expression (Hinnant's days_from_civil)."""
    import narwhals as nw

    y, m, day = d.dt.year(), d.dt.month(), d.dt.day()
    y2 = y - nw.when(m <= 2).then(1).otherwise(0)
    era = y2 // 400
    yoe = y2 - era * 400
    mp = nw.when(m > 2).then(m - 3).otherwise(m + 9)
    doy = (mp * 153 + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def period_number(day: Any, d: Any, period: str) -> Any:
    """Absolute period number as :func:`csat_lab._core.txlog.period_codes` counts it (before its offset)."""
    if period == "D":
        return day
    if period == "W":
        return (day + 3 + 7 * _WEEK_SHIFT) // 7 - _WEEK_SHIFT
    y, m = d.dt.year(), d.dt.month()
    if period == "M":
        return (y - 1970) * 12 + m - 1
    if period == "Q":
        return (y - 1970) * 4 + (m - 1) // 3
    return y - 1970


@dataclass(frozen=True)
class EngineLog:
    """A checked transaction log in its engine (see :func:`engine_log`)."""

    lf: Any  # narwhals LazyFrame of valid rows: c (customer), d (naive date/time), day, [v]
    engine: str
    n_rows: int
    dropped: dict
    lo: int  # first and last day number of the valid rows
    hi: int
    hi_time: pd.Timestamp  # latest valid date-time
    tz: object
    negatives: int | None  # rows with a negative amount (None: not counted, see engine_log)
    date_only: bool  # the date column holds dates without times


def wall_clock(lazy: Any, column: str) -> tuple[Any, object, bool]:
    """Expression for ``column`` as naive wall-clock time, its time zone and whether it holds bare dates."""
    import narwhals as nw

    dtype = lazy.collect_schema()[column]
    d = nw.col(column)
    if dtype == nw.Date:
        return d, None, True
    if dtype != nw.Datetime:
        raise CsatInputError(Message("engine.error.date_type", column=column, dtype=str(dtype)))
    tz = getattr(dtype, "time_zone", None)
    if tz:
        if lazy.implementation.value == "ibis":
            # Ibis drops a zone as UTC wall-clock time and cannot convert zones through narwhals
            if tz not in ("UTC", "Etc/UTC"):
                raise CsatInputError(Message("engine.error.ibis_zone", column=column, tz=tz))
            return d.dt.replace_time_zone(None), tz, False
        d = d.dt.convert_time_zone(tz).dt.replace_time_zone(None)
    return d, tz, False


def time_literal(stamp: pd.Timestamp, date_only: bool) -> Any:
    """A bound to compare a date column with: a date for date columns (d > day ⇔ d > stamp), else a datetime."""
    import narwhals as nw

    return nw.lit(stamp.date()) if date_only else nw.lit(stamp.to_pydatetime())


def _footer_counts(pattern: str, customer: str, date: str, amount: str | None,
                   amount_is_float: bool) -> dict | None:
    """The first scan's whole-column counts of a Parquet log, read from its files' footers.

    Parquet writers store per row group the row count and, per column, the number of nulls, the
    smallest and largest value and (newer writers) the number of NaNs. When every row group has
    the null counts of the three columns and exact minima and maxima of the date (a timestamp or
    date stored as 64- or 32-bit integers, where nothing is truncated), those give the rows,
    the non-missing ids, dates and amounts and the first and last date without reading any data.
    For the amount the footers settle the NaN count (NaN counts present, or a type without NaN),
    whether any value is infinite (finite minima and maxima) and whether any is negative (a
    minimum of zero or more); what they leave open is missing from the result and the caller
    counts it in the data. None when the footers lack anything else: the caller scans the data.
    """
    import duckdb

    names = [customer, date] + ([amount] if amount else [])
    quoted = ", ".join("'" + name.replace("'", "''") + "'" for name in names)
    source = "parquet_metadata('" + pattern.replace("'", "''") + "')"
    try:
        con = duckdb.connect()
        try:
            groups, n = con.execute(
                f"SELECT count(*), sum(row_group_num_rows) FROM "
                f"(SELECT DISTINCT file_name, row_group_id, row_group_num_rows FROM {source})").fetchone()
            # per column: chunks (one per row group) and how many of them carry each statistic
            result = con.execute(f"""
                SELECT path_in_schema AS name, count(*) AS chunks,
                       count(stats_null_count) AS with_nulls, sum(stats_null_count) AS nulls,
                       count(stats_nan_count) AS with_nans, sum(stats_nan_count) AS nans,
                       bool_and(type IN ('INT64', 'INT32')) AS integer_stored,
                       bool_and(coalesce(min_is_exact, true) AND coalesce(max_is_exact, true)) AS exact,
                       count(TRY_CAST(stats_min_value AS TIMESTAMP_NS)) AS with_first,
                       epoch_ns(min(TRY_CAST(stats_min_value AS TIMESTAMP_NS))) AS first_ns,
                       count(TRY_CAST(stats_max_value AS TIMESTAMP_NS)) AS with_last,
                       epoch_ns(max(TRY_CAST(stats_max_value AS TIMESTAMP_NS))) AS last_ns,
                       count(TRY_CAST(stats_min_value AS DOUBLE)) AS with_min, min(TRY_CAST(stats_min_value AS DOUBLE)) AS min,
                       count(TRY_CAST(stats_max_value AS DOUBLE)) AS with_max, max(TRY_CAST(stats_max_value AS DOUBLE)) AS max
                FROM {source} WHERE path_in_schema IN ({quoted}) GROUP BY path_in_schema""")
            fields = [d[0] for d in result.description]
            cols = {row[0]: dict(zip(fields, row)) for row in result.fetchall()}
        finally:
            con.close()
    except duckdb.Error:
        return None
    if not groups or not n:
        return None
    if set(cols) != set(names) or any(c["chunks"] != groups or c["with_nulls"] != groups for c in cols.values()):
        return None  # a column without one chunk and one null count per row group
    d = cols[date]
    if not (d["integer_stored"] and d["exact"] and d["with_first"] == groups and d["with_last"] == groups):
        return None
    out: dict = {"n": int(n), "ids_n": int(n - cols[customer]["nulls"]), "dates_n": int(n - d["nulls"]),
                 "lo_time": pd.Timestamp(int(d["first_ns"])), "hi_time": pd.Timestamp(int(d["last_ns"]))}
    if amount:
        a = cols[amount]
        out["amounts_n"] = int(n - a["nulls"])
        bounded = a["with_min"] == groups and a["with_max"] == groups
        if not amount_is_float:
            out["nan_n"] = out["inf"] = 0
        else:
            if a["with_nans"] == groups:
                out["nan_n"] = int(a["nans"])
            if bounded and np.isfinite(a["min"]) and np.isfinite(a["max"]):
                out["inf"] = 0
        if a["with_min"] == groups and a["min"] >= 0:
            out["neg"] = 0
    return out


def engine_log(data: Any, customer: str, date: str, amount: str | None, limit_of: Any, on_invalid: str,
               argument: str = "data", need_negatives: bool = True) -> EngineLog:
    """Open and check a transaction log in its engine, with the reasons and order of the pandas path.

    ``limit_of(tz)`` gives the naive analysis date: later dates count as future. A first scan
    takes whole-column counts (rows, non-missing ids, dates and amounts, late dates, NaN,
    infinite and negative amounts) and the date range; only when they show invalid rows does a
    second scan count each reason in order, and a third the date range of the kept rows. The
    returned ``lf`` has columns ``c``, ``d``, ``day`` and ``v``; select before grouping, since
    an engine may compute the unused ``day`` anyway.

    A path to Parquet files with numeric customer ids and a date without time zone takes the
    first scan's counts from the files' footers when they hold them (:func:`_footer_counts`);
    what the footers leave open about the amount (NaN, infinite and negative values) is counted
    in a scan of the amount column alone. ``need_negatives=False`` (a caller that does not use
    :attr:`EngineLog.negatives`, which is then None) skips that scan when only the negative
    count is open.
    """
    import narwhals as nw

    from .validate import one_of

    one_of(on_invalid, ("raise", "drop"), "on_invalid")
    lazy = open_log(data, argument=argument, columns=[customer, date] + ([amount] if amount else []))
    engine = engine_of(lazy)
    d, tz, date_only = wall_clock(lazy, date)
    limit = limit_of(tz)
    schema = lazy.collect_schema()
    if amount and not schema[amount].is_numeric():
        raise CsatInputError(Message("engine.error.amount_type", column=amount, dtype=str(schema[amount])))
    c = nw.col(customer)
    late = (d > time_literal(limit, date_only)).fill_null(False)
    # first a light scan of whole-column counts; a clean log (the usual case) needs nothing more
    quick = [nw.len().alias("n"), c.count().alias("ids_n"), d.count().alias("dates_n"),
             late.cast(nw.Int64).sum().alias("late_n"), d.min().alias("lo_time"), d.max().alias("hi_time")]
    if amount:
        a = nw.col(amount).cast(nw.Float64)
        amount_checks = {"nan_n": a.is_nan().fill_null(False).cast(nw.Int64).sum().alias("nan_n"),
                         "inf": (a.abs() == float("inf")).fill_null(False).cast(nw.Int64).sum().alias("inf"),
                         "neg": (a < 0).fill_null(False).cast(nw.Int64).sum().alias("neg")}
        quick += [a.count().alias("amounts_n"), *amount_checks.values()]
    if schema[customer] == nw.String:
        quick += [nw.col(customer).n_unique().alias("ids"),
                  nw.col(customer).str.strip_chars().n_unique().alias("ids_stripped")]
    footer = None
    if isinstance(data, (str, Path)) and tz is None and schema[customer] != nw.String:
        kind, pattern = _path_source(data, argument)
        if kind == "parquet":
            footer = _footer_counts(pattern, customer, date, amount,
                                    bool(amount) and schema[amount] in (nw.Float32, nw.Float64))
    if footer is None:
        stats = lazy.select(*quick).collect().to_pandas().iloc[0]
    else:
        footer = dict(footer)
        limit_stamp = limit.normalize() if date_only else limit
        footer["late_n"] = int(footer["hi_time"] > limit_stamp)  # 1: some late rows, counted exactly below
        if amount:
            open_keys = [k for k in ("nan_n", "inf", "neg") if k not in footer]
            if open_keys == ["neg"] and not need_negatives:
                footer["neg"] = None
            elif open_keys:  # what the footers leave open about the amount, in one scan of that column
                got = lazy.select(*(amount_checks[k] for k in open_keys)).collect().to_pandas().iloc[0]
                footer.update({k: got[k] for k in open_keys})
        stats = pd.Series(footer, dtype=object)
    n = int(stats["n"])
    is_clean = (int(stats["ids_n"]) == n and int(stats["dates_n"]) == n and int(stats["late_n"]) == 0
             and (not amount or (int(stats["amounts_n"]) == n and int(stats["nan_n"]) == 0)))
    # the reasons in the pandas path's order: a later reason only counts rows the earlier ones keep
    no_id = c.is_null()
    no_date = ~no_id & d.is_null()
    future = ~no_id & late
    in_range = (~no_id & (d <= time_literal(limit, date_only))).fill_null(False)
    masks = [(Message("value.reason.missing_customer"), no_id), (Message("value.reason.missing_date"), no_date),
             (Message("value.reason.future_date"), future)]
    valid = in_range
    if amount:
        bad_amount = (a.is_null() | a.is_nan()).fill_null(True)
        masks.append((Message("value.reason.missing_amount"), in_range & bad_amount))
        valid = in_range & ~bad_amount
    if is_clean:
        for i in range(len(masks)):
            stats[f"m{i}"] = 0
    else:  # a second scan counts each reason exactly
        exact = [mask.cast(nw.Int64).sum().alias(f"m{i}") for i, (_, mask) in enumerate(masks)]
        if amount:
            exact.append((valid & (a < 0)).fill_null(False).cast(nw.Int64).sum().alias("neg"))
        got = lazy.select(*exact).collect().to_pandas().iloc[0]
        for key, value in got.items():
            stats[key] = value
    day = day_number(d)
    if amount and int(stats["inf"]):
        raise CsatInputError(Message("engine.error.infinite", column=amount, n=int(stats["inf"])))
    if "ids" in stats and int(stats["ids"]) != int(stats["ids_stripped"]):
        raise CsatInputError(Message("engine.error.id_spaces", column=customer))
    dropped: dict[str, int] = {}
    for i, (reason, _) in enumerate(masks):
        count = int(stats[f"m{i}"])
        if count:
            if on_invalid == "raise":
                raise CsatInputError(Message("engine.error.invalid_rows", n=count, reason=reason, engine=engine,
                                             limit=str(limit.date())))
            dropped[reason] = count
    stats["kept"] = int(stats["n"]) - sum(dropped.values())
    if dropped and stats["kept"]:
        # the first and last date of the kept rows (their day numbers are computed here, not per row)
        kept_range = lazy.filter(valid).select(d.min().alias("lo_time"), d.max().alias("hi_time"))
        stats["lo_time"], stats["hi_time"] = kept_range.collect().to_pandas().iloc[0][["lo_time", "hi_time"]]
    if int(stats["kept"]) == 0 or pd.isna(stats["lo_time"]):
        raise CsatInputError(Message("engine.error.no_valid"))
    columns = [c.alias("c"), d.alias("d"), day.alias("day")] + ([nw.col(amount).cast(nw.Float64).alias("v")]
                                                                 if amount else [])
    clean = (lazy if is_clean else lazy.filter(valid)).select(*columns)
    lo_time, hi_time = (pd.Timestamp(stats[k]) for k in ("lo_time", "hi_time"))
    lo_time, hi_time = (t.tz_localize(None) if t.tzinfo is not None else t for t in (lo_time, hi_time))
    negatives = (None if stats["neg"] is None else int(stats["neg"])) if amount else 0
    return EngineLog(lf=clean, engine=engine, n_rows=int(stats["n"]), dropped=dropped, lo=to_day(lo_time),
                     hi=to_day(hi_time), hi_time=hi_time, tz=tz, negatives=negatives, date_only=date_only)


def sort_by_unique_key(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    r"""``frame`` indexed by ``key`` and sorted by it, for keys known to be unique (group-by keys).

    Parameters
    ----------
    frame : pandas.DataFrame
        A collected per-customer table, one row per key.
    key : str
        The key column (customer ids, unique).

    Returns
    -------
    pandas.DataFrame
        ``frame.set_index(key).sort_index()``.

    Notes
    -----
    Whole-number keys :math:`k_i` in a short range (:math:`\max k - \min k < 4n + 1024`, as
    customer numbers are) are put in order by writing row :math:`i` into slot
    :math:`k_i - \min k` and reading the filled slots in turn: :math:`O(n)` work instead of a
    sort. If two rows land on one slot (keys not unique after all), or the keys are text,
    floats or spread wide, ``sort_index`` does it. Unique keys have one order, so both give
    the same table.

    References
    ----------
    Knuth, D. E. (1998). The Art of Computer Programming, vol. 3, 2nd ed., section 5.2
    (sorting by distribution: address calculation).

    Examples
    --------
    >>> t = sort_by_unique_key(pd.DataFrame({"c": [12, 10, 11], "x": [1.0, 2.0, 3.0]}), "c")
    >>> t.index.tolist(), t["x"].tolist()
    ([10, 11, 12], [2.0, 3.0, 1.0])
    """
    keys = frame[key].to_numpy()
    if keys.dtype.kind in "iu" and len(keys):
        lo, hi = int(keys.min()), int(keys.max())
        if hi - lo < 4 * len(keys) + 1024:
            slot = np.full(hi - lo + 1, -1, dtype=np.int64)
            slot[keys - lo] = np.arange(len(keys))
            order = slot[slot >= 0]
            if len(order) == len(keys):  # unique after all: the placed rows are all the rows
                return frame.iloc[order].set_index(key)
    return frame.set_index(key).sort_index()


def to_day(stamp: pd.Timestamp) -> int:
    """Day number of a naive Timestamp (its date)."""
    return int((stamp.normalize() - pd.Timestamp("1970-01-01")).days)


def from_day(day: int) -> pd.Timestamp:
    """Midnight of day number ``day``."""
    return pd.Timestamp("1970-01-01") + pd.Timedelta(days=int(day))

