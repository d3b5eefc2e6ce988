"""Complaint-handling KPIs with confidence intervals, per the ISO 10002 stages.

From a complaint log: the complaint rate, the median time to acknowledge and to
resolve, the resolution and reopen rates, satisfaction with the handling, and
how often each of the 8 steps was done.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.complaints import complaint_kpis
>>> log = pd.DataFrame({"complained": [True, False],
...     "received_at": pd.to_datetime(["2024-01-01 09:00", None]),
...     "acknowledged_at": pd.to_datetime(["2024-01-01 10:00", None]),
...     "resolved_at": pd.to_datetime(["2024-01-02 09:00", None]),
...     "handling_satisfaction": [5, None], "reopened": [False, None]})
>>> complaint_kpis(log).n_complaints
1
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from .._core.deprecation import renamed
from .._core.intervals import t_value, wilson_counts, z_value
from .._core.results import Result
from .._core.validate import as_bool, as_numeric, probability, require_columns, require_frame, to_dates
from ..errors import CsatInputError
from ..i18n import Message, label
from ..i18n.numbers import format_interval, format_number
from .process import STEP_COLUMNS

__all__ = ["ComplaintKPIs", "complaint_kpis"]


@dataclasses.dataclass(frozen=True)
class ComplaintKPIs(Result):
    """Complaint-handling KPIs with confidence intervals, and how often each handling step was done.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per KPI (and per group with ``by``): ``kpi`` (code; label
        ``complaints.kpi.<code>``), ``estimate``, ``ci_low``, ``ci_high``,
        ``coverage`` (the exact coverage of an order-statistic median
        interval, else the nominal level ``ci``; NaN where no interval is
        given), ``n`` (the KPI's denominator; for the times, every complaint),
        ``n_censored`` (complaints not yet acknowledged / still open, censored
        at ``now``) and ``unit`` (``"h"`` for hours, ``"1-5"``, or empty for
        shares); with ``by`` a first column ``group`` (``"all"`` for every
        customer, then one value per group).
    steps : pandas.DataFrame
        Indexed by step code: ``done`` (complaints on which the step was done)
        and ``share`` (``done`` over all complaints), for the ``step_<code>``
        columns present in the log.
    n_customers : int
        Customers served (rows of the log).
    n_complaints : int
        Customers who complained.
    ci_level : float
        Confidence level of the intervals (the ``ci`` passed).
    ci_method : Message
        The interval of each kind of KPI: Wilson score for rates; for median
        times the order-statistic interval (no censoring) or the
        Brookmeyer-Crowley interval of the Kaplan-Meier median (censoring);
        a Student t interval for the mean satisfaction.
    n_dropped : int
        Rows dropped from the log: always 0 (open or unacknowledged complaints
        are censored, not dropped: see ``censored``).
    dropped : dict
        Always empty (kept for compatibility; see ``censored``).
    now : pandas.Timestamp
        The analysis time at which open complaints are censored.
    censored : dict
        Reason (Message) -> number of complaints censored at ``now`` in a
        time KPI (not yet acknowledged, still open).
    notes : tuple of Message
        Intervals not given and why (a median with too few complaints for the
        level, a single satisfaction answer), medians not reached.
    engine : str
        Where the customers were counted: ``"pandas"``, or the engine of a
        non-pandas input (``"duckdb"``, ``"polars"``, ``"pyspark"`` ...).
    estimate : float
        The headline: the complaint rate over all customers.
    """

    table: pd.DataFrame
    steps: pd.DataFrame
    n_customers: int
    n_complaints: int
    ci_level: float
    ci_method: str
    n_dropped: int
    dropped: dict
    now: Any = None
    censored: dict = dataclasses.field(default_factory=dict)
    notes: tuple = ()
    engine: str = "pandas"

    @property
    def estimate(self) -> float:
        """The complaint rate over all customers (complaints / customers served)."""
        rows = self.table
        if "group" in rows.columns:
            rows = rows[rows["group"] == "all"]
        return float(rows.loc[rows["kpi"] == "complaint_rate", "estimate"].iloc[0])

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Bars of the share of complaints on which each step was done (:func:`csat_lab.plots.complaints.step_completion_bars`).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.complaints.step_completion_bars`.

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.complaints import step_completion_bars

        return step_completion_bars(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [("complaints.n_customers", self.n_customers),
                                       ("complaints.n_complaints", self.n_complaints)]
        for r in self.table[self.table.get("group", pd.Series("all", index=self.table.index)) == "all"].itertuples():
            # Rates as percent, median times in hours, the mean rating as a score; the interval as its estimate.
            kind = {"h": "number:1", "1-5": "score"}.get(r.unit, "share")
            interval = "" if np.isnan(r.ci_low) else " " + format_interval((r.ci_low, r.ci_high), kind)
            unit = label("complaints.unit.hours") if r.unit == "h" else ""
            rows.append((f"complaints.kpi.{r.kpi}", f"{format_number(r.estimate, kind)}{unit}{interval}"))
        rows += [("result.method", self.ci_method), ("complaints.now", str(self.now)),
                 ("complaints.censored", self.censored)]
        if self.notes:
            rows.append(("complaints.notes", self.notes))
        if self.engine != "pandas":
            rows.append(("engine.engine", self.engine))
        return rows


def _median_interval(x: np.ndarray, ci: float) -> tuple[float, float, float, float]:
    """Sample median with the distribution-free order-statistic interval and its exact coverage.

    The interval is ``[x_(l), x_(n-l+1)]`` with ``l`` the largest rank whose
    coverage ``1 - 2 P(B <= l - 1)``, ``B ~ Binomial(n, 1/2)``, is at least
    ``ci`` (Conover 1999, ch. 3.2). When even ``[min, max]`` (``l = 1``) covers
    less than ``ci`` (``n <= 5`` at 95%) no interval is given: ``(median, nan, nan, nan)``.
    Returns ``(median, low, high, coverage)``.
    """
    from scipy.special import bdtr

    n = len(x)
    if n == 0:
        return (np.nan, np.nan, np.nan, np.nan)
    s = np.sort(x)
    k = np.arange(0, n // 2 + 1)
    tails = 2 * bdtr(k, n, 0.5)  # 2 P(B <= k)
    ranks = int(np.sum(tails <= (1 - ci) * (1 + 1e-12)))  # l: the number of k with 2 P(B <= k) <= 1 - ci
    if ranks == 0:
        return (float(np.median(s)), np.nan, np.nan, np.nan)
    return (float(np.median(s)), float(s[ranks - 1]), float(s[n - ranks]), float(1 - tails[ranks - 1]))


def _km_median(t: np.ndarray, event: np.ndarray, ci: float) -> tuple[float, float, float]:
    """Kaplan-Meier median with the Brookmeyer-Crowley interval from the log(-log) band.

    ``t`` are times, ``event`` True for an observed end (resolution), False
    for a censored one (still open at ``now``). The median is the first time
    the survival curve reaches 0.5; where it equals 0.5 exactly up to the
    next event, the midpoint of that stretch (so that without censoring it is
    the ordinary sample median). The interval is the set of times between
    the first crossings of 0.5 by the lower and the upper pointwise bands of
    ``S(t)`` on the log(-log) scale with Greenwood's variance (Kalbfleisch &
    Prentice 2002), as lifelines computes them; ``inf`` where a curve never
    reaches 0.5. Returns ``(median, low, high)``.
    """
    if len(t) == 0:
        return (np.nan, np.nan, np.nan)
    times, inverse = np.unique(t, return_inverse=True)
    deaths = np.bincount(inverse, weights=event.astype(float), minlength=times.size)
    leaving = np.bincount(inverse, minlength=times.size)
    at_risk = len(t) - np.concatenate([[0], np.cumsum(leaving)[:-1]])
    z = z_value(ci)
    with np.errstate(divide="ignore", invalid="ignore"):
        surv = np.cumprod(1.0 - deaths / at_risk)
        greenwood = np.cumsum(np.where(at_risk > deaths, deaths / (at_risk * (at_risk - deaths)), 0.0))
        log_s = np.log(surv)
        lower = np.exp(-np.exp(np.log(-log_s) - z * np.sqrt(greenwood) / log_s))
        upper = np.exp(-np.exp(np.log(-log_s) + z * np.sqrt(greenwood) / log_s))
    lower, upper = np.nan_to_num(lower, nan=1.0), np.nan_to_num(upper, nan=1.0)

    def first_below_half(curve: np.ndarray) -> float:
        hit = np.flatnonzero(curve <= 0.5 + 1e-12)
        return float(times[hit[0]]) if hit.size else float("inf")

    median = first_below_half(surv)
    if np.isfinite(median):
        at = int(np.searchsorted(times, median))
        later_events = np.flatnonzero(deaths[at + 1:] > 0)
        if abs(surv[at] - 0.5) <= 1e-12 and later_events.size:
            median = 0.5 * (median + float(times[at + 1 + later_events[0]]))
    return (median, first_below_half(lower), first_below_half(upper))


def _kpi_rows(g: pd.DataFrame, ci: float, group: Any, notes: list, n_served: int | None = None) -> list[dict]:
    comp = g[g["_complained"]]
    rows = []

    def prop(name: str, x: int, n: int) -> None:
        lo, hi = wilson_counts(x, n, ci)
        rows.append({"kpi": name, "estimate": x / n if n else np.nan, "ci_low": lo, "ci_high": hi,
                     "coverage": ci if n else np.nan, "n": n, "n_censored": 0, "unit": ""})

    prop("complaint_rate", len(comp), len(g) if n_served is None else n_served)
    for name, col in (("time_to_acknowledge", "_ack_h"), ("time_to_resolve", "_res_h")):
        done = comp[col].notna().to_numpy()
        t = np.where(done, comp[col].to_numpy(dtype=float), comp["_open_h"].to_numpy(dtype=float))
        n_open = int((~done).sum())
        if n_open:
            med, lo, hi = _km_median(t, done, ci)
            cover = ci
            if not np.isfinite(med):
                notes.append(Message("value.note.median_not_reached", kpi=Message(f"complaints.kpi.{name}"),
                                     group=str(group)))
        else:
            med, lo, hi, cover = _median_interval(t, ci)
            if len(t) and np.isnan(cover):
                notes.append(Message("value.note.median_no_interval", kpi=Message(f"complaints.kpi.{name}"),
                                     group=str(group), n=len(t), coverage=f"{1 - 2 * 0.5 ** len(t):.4g}"))
        rows.append({"kpi": name, "estimate": med, "ci_low": lo, "ci_high": hi, "coverage": cover, "n": len(t),
                     "n_censored": n_open, "unit": "h"})
    resolved = comp["_res_h"].notna()
    prop("resolution_rate", int(resolved.sum()), len(comp))
    reo = comp.loc[resolved, "_reopened"].dropna()
    prop("reopen_rate", int(reo.sum()), len(reo))
    sat = comp["_sat"].dropna().to_numpy(dtype=float)
    mean = float(sat.mean()) if len(sat) else np.nan
    if len(sat) > 1:
        half = t_value(ci, len(sat) - 1) * sat.std(ddof=1) / np.sqrt(len(sat))
        low, high, cover = mean - half, mean + half, ci
    else:
        low = high = cover = np.nan
        if len(sat) == 1:
            notes.append(Message("value.note.one_satisfaction", group=str(group)))
    rows.append({"kpi": "handling_satisfaction", "estimate": mean, "ci_low": low, "ci_high": high,
                 "coverage": cover, "n": len(sat), "n_censored": 0, "unit": "1-5"})
    prop("handling_top2", int((sat >= 4).sum()), len(sat))
    return rows


def _analysis_time(now: object, data: pd.DataFrame, columns: list[str], times: list[pd.Series],
                   is_c: np.ndarray) -> pd.Timestamp:
    """``now`` as a naive Timestamp on the log's clock; default the latest time recorded for a complaint."""
    recorded = pd.concat([t[is_c] for t in times])
    if now is None:
        latest = recorded.max()
        return latest if pd.notna(latest) else pd.Timestamp(0)
    if isinstance(now, (bool, np.bool_, int, float, np.number)):
        raise CsatInputError(f"now must be a date or date-time such as '2024-06-30', got {now!r}")
    try:
        stamp = pd.Timestamp(now)
    except (TypeError, ValueError, OverflowError):
        raise CsatInputError(f"now must be a date or date-time such as '2024-06-30', got {now!r}") from None
    if pd.isna(stamp):
        raise CsatInputError(f"now must be a date or date-time such as '2024-06-30', got {now!r}")
    if stamp.tz is not None:
        zones = [getattr(data[c].dt, "tz", None) for c in columns if pd.api.types.is_datetime64_any_dtype(data[c].dtype)]
        zone = next((z for z in zones if z is not None), None)
        if zone is None:
            raise CsatInputError(f"now={stamp} has a time zone but the complaint log's times do not; "
                                 "give now without a time zone, on the log's clock")
        stamp = stamp.tz_convert(zone).tz_localize(None)
    for name, t in zip(columns, times):
        after = is_c & (t > stamp).to_numpy()
        if after.any():
            raise CsatInputError(f"now={stamp} is before {name!r} at rows {list(data.index[after][:5])}; "
                                 "now must be at or after every time recorded in the log")
    return stamp


@renamed(log="data")
def complaint_kpis(data: Any, *, by: str | None = None, ci: float = 0.95, now: Any = None,
                   complained: str = "complained", received: str = "received_at",
                   acknowledged: str = "acknowledged_at", resolved: str = "resolved_at",
                   satisfaction: str = "handling_satisfaction", reopened: str = "reopened",
                   max_rows: int | None = None) -> ComplaintKPIs:
    """Complaint-handling KPIs with confidence intervals.

    * complaint rate = complaints / customers served (Wilson interval);
    * time to acknowledge / resolve: median hours from receipt. Complaints
      not yet acknowledged / still open are *censored* at ``now`` (they took
      at least that long), and the median is the Kaplan-Meier median; leaving
      them out would bias the median low;
    * resolution rate = resolved / complaints; reopen rate = reopened / resolved;
    * handling satisfaction: mean on 1-5 (Student t interval, as
      :func:`csat_lab.metrics.mean_score`) and top-2-box share;
    * step completion: share of complaints on which each of the 8 steps was done.

    Parameters
    ----------
    data : pandas.DataFrame or a larger-than-memory log
        A complaint log, one row per customer served (complainants and the
        rest), as the ``complaints_log`` dataset; the keyword arguments name its columns.
        Besides pandas: a Polars DataFrame or LazyFrame, a PyArrow table, a
        DuckDB relation, an Ibis table, a PySpark DataFrame or the path or glob
        of Parquet/CSV files (read by DuckDB); see Notes.
    by : str, optional
        Column of groups (channel, region ...): the KPIs are given for all
        customers (group ``"all"``) and for each group.
    ci : float, default 0.95
        Confidence level of the intervals, strictly between 0 and 1.
    now : date-like, optional
        The analysis time: complaints still open (or not yet acknowledged)
        are censored at ``now``. Default: the latest time recorded for any
        complaint in the log (open complaints were open at least until then).
        Must not be before any recorded time.
    complained : str, default "complained"
        Column: did the customer complain (True/False)?
    received : str, default "received_at"
        Column of the time each complaint was received (required for complaints).
    acknowledged : str, default "acknowledged_at"
        Column of the time each complaint was acknowledged (missing if not yet).
    resolved : str, default "resolved_at"
        Column of the time each complaint was resolved (missing while open).
    satisfaction : str, default "handling_satisfaction"
        Column of satisfaction with the handling, 1-5.
    reopened : str, default "reopened"
        Column: was the resolved complaint reopened (True/False, missing if unknown)?
    max_rows : int, optional
        Engines only: the most complaint rows brought into pandas for the
        medians (default :data:`csat_lab._core.engine.DEFAULT_MAX_ROWS`); more
        raise :class:`~csat_lab.errors.CsatInputError`.

    Returns
    -------
    ComplaintKPIs
        The KPI table with intervals and their coverage, the step completion
        table, the counts of customers and complaints, the complaints
        censored in the time KPIs and notes on intervals not given.

    Notes
    -----
    Rates :math:`\\hat p = x / n` have Wilson's (1927) score interval.

    Times: with no censored complaint in a group, the median time has the
    distribution-free interval :math:`[t_{(l)}, t_{(n - l + 1)}]` whose exact
    coverage :math:`1 - 2 P(B \\le l - 1)`, :math:`B \\sim \\text{Bin}(n, 1/2)`,
    is the largest rank :math:`l` reaching ``ci`` (Conover, 1999); the
    ``coverage`` column shows that exact coverage. When even
    :math:`[t_{(1)}, t_{(n)}]` covers less than ``ci`` (coverage
    :math:`1 - 2^{1-n}`: 0.9375 at n = 5, so n <= 5 at 95%), **no interval**
    is given (``ci_low``, ``ci_high`` and ``coverage`` are NaN) and ``notes``
    says so. With censored complaints the median is the Kaplan-Meier (1958)
    median :math:`\\min\\{t: \\hat S(t) \\le 1/2\\}` (the midpoint where
    :math:`\\hat S = 1/2` exactly over a stretch) and its interval the
    Brookmeyer & Crowley (1982) interval read off the log(-log) pointwise
    band of :math:`\\hat S` (Greenwood variance), as lifelines computes it;
    ``coverage`` is then the nominal ``ci`` (approximate), and a bound or a
    median never reached (more than half still open) is ``inf``.

    The mean satisfaction has :math:`\\bar x \\pm t_{n-1, 1-\\alpha/2}\\, s / \\sqrt n`
    (no interval for a single answer). Step columns are the ``step_<code>``
    columns of the log present in ``data``.

    On an engine (any input but a pandas DataFrame) the customers served are
    counted in the engine, in total and per group (groups without an id are
    left out, as pandas' groupby does), and only the complaint rows (``complained``
    true) of the named columns come to pandas, with the ``max_rows`` check,
    for the medians, Kaplan-Meier curves, means and step counts above. The
    results equal the pandas ones; the checks of times and answers are then
    made on the complaint rows only. ``complained`` must be a True/False (or
    1/0) column there.

    References
    ----------
    ISO 10002:2018 Quality management - Customer satisfaction - Guidelines for
    complaints handling in organizations. Conover, W. J. (1999). Practical
    Nonparametric Statistics, 3rd ed. (median interval). Kaplan, E. L. & Meier, P.
    (1958). Nonparametric estimation from incomplete observations. JASA 53, 457-481.
    Brookmeyer, R. & Crowley, J. (1982). A confidence interval for the median
    survival time. Biometrics 38, 29-41. Kalbfleisch, J. D. & Prentice, R. L.
    (2002). The Statistical Analysis of Failure Time Data, 2nd ed. Wilson (1927).

    Examples
    --------
    >>> log = pd.DataFrame({"complained": [True, True, True, False],
    ...     "received_at": pd.to_datetime(["2024-01-01 09:00", "2024-01-02 10:00", "2024-01-03 08:00", None]),
    ...     "acknowledged_at": pd.to_datetime(["2024-01-01 10:00", "2024-01-02 12:00", "2024-01-03 11:00", None]),
    ...     "resolved_at": pd.to_datetime(["2024-01-02 09:00", None, "2024-01-04 08:00", None]),
    ...     "handling_satisfaction": [5, 2, 4, None], "reopened": [False, None, True, None]})
    >>> k = complaint_kpis(log, now="2024-01-05 10:00")
    >>> k.table.set_index("kpi")["estimate"].round(3).to_dict()
    {'complaint_rate': 0.75, 'time_to_acknowledge': 2.0, 'time_to_resolve': 24.0, 'resolution_rate': 0.667, 'reopen_rate': 0.5, 'handling_satisfaction': 3.667, 'handling_top2': 0.667}
    >>> k.censored  # the open complaint counts as "at least 72 hours" in the time to resolve
    {'open complaints (censored at now in the time to resolve)': 1}
    """
    ci = probability(ci, "ci")
    if not isinstance(data, pd.DataFrame) and data is not None and not isinstance(data, (list, dict, tuple)):
        engine = _engine_name(data)
        data, served = _complaints_from_engine(data, by, [complained, received, acknowledged, resolved,
                                                          satisfaction, reopened], max_rows)
    else:
        served, engine = None, "pandas"
    require_frame(data, "complaint log")
    if by is not None and not isinstance(by, str):
        raise CsatInputError(f"by must be one column name, got {by!r}")
    names = [complained, received, acknowledged, resolved, satisfaction, reopened] + ([by] if by else [])
    bad_names = [n for n in names if not isinstance(n, str)]
    if bad_names:
        raise CsatInputError(f"column arguments must be column names (text), got {bad_names[0]!r}")
    require_columns(data, names, "complaint log")
    is_c = as_bool(data[complained], complained)
    t0, t1, t2 = (to_dates(data[c], c) for c in (received, acknowledged, resolved))
    missing_receipt = is_c & t0.isna().to_numpy()
    if missing_receipt.any():
        raise CsatInputError(f"{received!r} is missing for complaints at rows {list(data.index[missing_receipt][:5])}")
    for later, name in ((t1, acknowledged), (t2, resolved)):
        backwards = (later < t0).to_numpy()
        if backwards.any():
            raise CsatInputError(f"{name!r} is before {received!r} at rows {list(data.index[backwards][:5])}")
    stamp = _analysis_time(now, data, [received, acknowledged, resolved], [t0, t1, t2], is_c)
    sat = as_numeric(data[satisfaction], satisfaction)
    off = sat.notna() & ~sat.isin([1, 2, 3, 4, 5])
    if off.any():
        raise CsatInputError(f"{satisfaction!r} must be 1-5 (satisfaction5); rows {list(data.index[off][:5])} hold "
                             f"{sat[off].iloc[0]:g}")
    reo = data[reopened].astype(object).where(data[reopened].notna())
    reo_bool = pd.Series(np.nan, index=data.index, dtype=object)
    reo_bool[reo.notna()] = as_bool(reo[reo.notna()], reopened)
    frame = pd.DataFrame({"_complained": is_c, "_ack_h": (t1 - t0).dt.total_seconds() / 3600,
                          "_res_h": (t2 - t0).dt.total_seconds() / 3600,
                          "_open_h": (stamp - t0).dt.total_seconds() / 3600, "_sat": sat,
                          "_reopened": reo_bool.astype(float)}, index=data.index)
    if served is None:
        groups = [("all", frame, len(frame))] + ([(k, g, len(g)) for k, g in frame.groupby(data[by], observed=True,
                                                                                           sort=True)] if by else [])
    else:  # from an engine: frame holds the complaint rows, served the customers counted in the engine
        key = data[by] if by else None
        groups = [("all", frame, served[0])] + [(k, frame[(key == k).to_numpy()], c) for k, c in served[1].items()]
    notes: list = []
    table = pd.DataFrame([{"group": k, **row} for k, g, c in groups for row in _kpi_rows(g, ci, k, notes, c)])
    if not by:
        table = table.drop(columns="group")
    present = [c for c in STEP_COLUMNS if c in data.columns]
    comp_rows = data.loc[is_c, present]
    steps = pd.DataFrame({"step": [c.removeprefix("step_") for c in present],
                          "done": [int(as_bool(comp_rows[c].astype(object).where(comp_rows[c].notna(), False), c).sum())
                                   for c in present]})
    steps["share"] = steps["done"] / max(int(is_c.sum()), 1)
    censored: dict = {}
    not_ack = int((is_c & t1.isna().to_numpy()).sum())
    if not_ack:
        censored[Message("value.reason.not_acknowledged")] = not_ack
    open_ = int((is_c & t2.isna().to_numpy()).sum())
    if open_:
        censored[Message("value.reason.open")] = open_
    return ComplaintKPIs(table=table, steps=steps.set_index("step"), n_customers=len(data) if served is None else served[0],
                         n_complaints=int(is_c.sum()), ci_level=ci,
                         ci_method=Message("value.method.complaint_kpis"), n_dropped=0, dropped={},
                         now=stamp, censored=censored, notes=tuple(notes), engine=engine)


def _complaints_from_engine(data: Any, by: str | None, names: list[str],
                            max_rows: int | None) -> tuple[pd.DataFrame, tuple[int, dict]]:
    """Count customers served in the engine; collect the complaint rows (see :func:`complaint_kpis`, Notes)."""
    import narwhals as nw

    from .._core import engine as eng

    lf = eng.open_log(data, argument="data")
    schema = lf.collect_schema()
    wanted = names + ([by] if by else [])
    bad = [n for n in wanted if not isinstance(n, str)]
    if bad:
        raise CsatInputError(f"column arguments must be column names (text), got {bad[0]!r}")
    missing = [n for n in wanted if n not in schema]
    if missing:
        raise CsatInputError(Message("engine.error.no_column", what="complaint log", column=repr(missing[0])))
    complained = names[0]
    kind = schema[complained]
    if kind == nw.Boolean:
        is_c = nw.col(complained)
    elif kind.is_numeric():
        is_c = nw.col(complained) == 1
    else:
        raise CsatInputError(Message("engine.error.complained_type", column=repr(complained), dtype=str(kind)))
    aggs = [nw.len().alias("n"), nw.col(complained).is_null().cast(nw.Int64).sum().alias("missing")]
    if kind != nw.Boolean:
        aggs.append((~nw.col(complained).is_in([0, 1])).fill_null(False).cast(nw.Int64).sum().alias("other"))
    counts = lf.select(*aggs).collect("pandas").to_native().iloc[0]
    counts["other"] = counts.get("other", 0)
    if int(counts["missing"]) or int(counts["other"]):
        raise CsatInputError(Message("engine.error.complained_values", column=repr(complained),
                                     missing=int(counts["missing"]), other=int(counts["other"])))
    per: dict = {}
    if by:
        groups = (lf.filter(~nw.col(by).is_null()).group_by(by).agg(nw.len().alias("_n"))
                  .collect("pandas").to_native())
        order = pd.Index(groups[by]).sort_values()
        per = {k: int(c) for k, c in groups.set_index(by)["_n"].reindex(order).items()}
    present = [c for c in STEP_COLUMNS if c in schema]
    limit = eng.DEFAULT_MAX_ROWS if max_rows is None else max_rows
    rows = eng.collect(lf.filter(is_c).select(*dict.fromkeys(wanted + present)), max_rows=limit,
                       what="complaint rows")
    rows[complained] = True
    return rows, (int(counts["n"]), per)


def _engine_name(data: Any) -> str:
    from .._core import engine as eng

    return eng.engine_of(data)
