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
from .._core.intervals import wilson_counts, z_value
from .._core.results import Result
from .._core.validate import as_bool, as_numeric, require_columns, require_frame, to_dates
from ..errors import CsatInputError
from ..i18n import Message
from .process import STEP_COLUMNS

__all__ = ["ComplaintKPIs", "complaint_kpis"]


@dataclasses.dataclass(frozen=True)
class ComplaintKPIs(Result):
    """Complaint-handling KPIs with confidence intervals, and how often each handling step was done.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per KPI (and per group with ``by``): ``kpi`` (code; label
        ``complaints.kpi.<code>``), ``estimate``, ``ci_low``, ``ci_high``, ``n``
        (the KPI's denominator) and ``unit`` (``"h"`` for hours, ``"1-5"``, or
        empty for shares); with ``by`` a first column ``group`` (``"all"``
        for every customer, then one value per group).
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
        The interval of each kind of KPI: Wilson score for rates, the
        order-statistic interval for median times, a normal interval for the
        mean satisfaction.
    n_dropped : int
        Rows dropped from the log: always 0 (open or unacknowledged complaints
        are only left out of the time KPIs, see ``dropped``).
    dropped : dict
        Reason (Message) -> number of complaints left out of a time KPI
        (not yet acknowledged, still open).
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
            rows.append((f"complaints.kpi.{r.kpi}",
                         f"{r.estimate:.4g} ({r.ci_low:.4g}, {r.ci_high:.4g}) {r.unit}".strip()))
        rows += [("result.method", self.ci_method), ("result.n_dropped", self.n_dropped),
                 ("result.dropped_reasons", self.dropped)]
        return rows


def _median_ci(x: np.ndarray, ci: float) -> tuple[float, float, float]:
    """Median with the distribution-free order-statistic interval (Conover 1999, ch. 3.2)."""
    from scipy.stats import binom

    n = len(x)
    if n == 0:
        return (np.nan, np.nan, np.nan)
    s = np.sort(x)
    alpha = 1 - ci
    lo = int(binom.ppf(alpha / 2, n, 0.5))
    hi = int(n - lo)
    return (float(np.median(s)), float(s[max(lo - 1, 0)]) if lo >= 1 else float(s[0]), float(s[min(hi, n - 1)]))


def _kpi_rows(g: pd.DataFrame, ci: float) -> list[dict]:
    comp = g[g["_complained"]]
    rows = []

    def prop(name, x, n):
        lo, hi = wilson_counts(x, n, ci)
        rows.append({"kpi": name, "estimate": x / n if n else np.nan, "ci_low": lo, "ci_high": hi, "n": n,
                     "unit": ""})

    prop("complaint_rate", len(comp), len(g))
    for name, col in (("time_to_acknowledge", "_ack_h"), ("time_to_resolve", "_res_h")):
        x = comp[col].dropna().to_numpy()
        med, lo, hi = _median_ci(x, ci)
        rows.append({"kpi": name, "estimate": med, "ci_low": lo, "ci_high": hi, "n": len(x), "unit": "h"})
    resolved = comp["_res_h"].notna()
    prop("resolution_rate", int(resolved.sum()), len(comp))
    reo = comp.loc[resolved, "_reopened"].dropna()
    prop("reopen_rate", int(reo.sum()), len(reo))
    sat = comp["_sat"].dropna().to_numpy()
    if len(sat) > 1:
        half = z_value(ci) * sat.std(ddof=1) / np.sqrt(len(sat))
        rows.append({"kpi": "handling_satisfaction", "estimate": sat.mean(), "ci_low": sat.mean() - half,
                     "ci_high": sat.mean() + half, "n": len(sat), "unit": "1-5"})
    prop("handling_top2", int((sat >= 4).sum()), len(sat))
    return rows


@renamed(log="data")
def complaint_kpis(data: pd.DataFrame, *, by: str | None = None, ci: float = 0.95, complained: str = "complained",
                   received: str = "received_at", acknowledged: str = "acknowledged_at",
                   resolved: str = "resolved_at", satisfaction: str = "handling_satisfaction",
                   reopened: str = "reopened") -> ComplaintKPIs:
    """Complaint-handling KPIs with confidence intervals.

    * complaint rate = complaints / customers served (Wilson interval);
    * time to acknowledge / resolve: median hours from receipt, with the
      order-statistic interval (open complaints are not in the time to resolve);
    * resolution rate = resolved / complaints; reopen rate = reopened / resolved;
    * handling satisfaction: mean on 1-5 (normal interval) and top-2-box share;
    * step completion: share of complaints on which each of the 8 steps was done.

    Parameters
    ----------
    data : pandas.DataFrame
        A complaint log, one row per customer served (complainants and the
        rest), as the ``complaints_log`` dataset; the keyword arguments name its columns.
    by : str, optional
        Column of groups (channel, region ...): the KPIs are given for all
        customers (group ``"all"``) and for each group.
    ci : float, default 0.95
        Confidence level of the intervals, strictly between 0 and 1.
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

    Returns
    -------
    ComplaintKPIs
        The KPI table with intervals, the step completion table, the counts of
        customers and complaints, and the complaints left out of the time KPIs.

    Notes
    -----
    Rates :math:`\\hat p = x / n` have Wilson's (1927) score interval. A
    median time has the distribution-free interval
    :math:`[t_{(l)}, t_{(n - l + 1)}]` with :math:`l` the
    :math:`\\alpha/2` quantile of Binomial(n, 1/2) (Conover, 1999). The mean
    satisfaction has :math:`\\bar x \\pm z_{1-\\alpha/2}\\, s / \\sqrt n`.
    Step columns are the ``step_<code>`` columns of the log present in ``data``.

    References
    ----------
    ISO 10002:2018 Quality management - Customer satisfaction - Guidelines for
    complaints handling in organizations. Conover, W. J. (1999). Practical
    Nonparametric Statistics, 3rd ed. (median interval). Wilson (1927).

    Examples
    --------
    >>> log = pd.DataFrame({"complained": [True, True, True, False],
    ...     "received_at": pd.to_datetime(["2024-01-01 09:00", "2024-01-02 10:00", "2024-01-03 08:00", None]),
    ...     "acknowledged_at": pd.to_datetime(["2024-01-01 10:00", "2024-01-02 12:00", "2024-01-03 11:00", None]),
    ...     "resolved_at": pd.to_datetime(["2024-01-02 09:00", None, "2024-01-04 08:00", None]),
    ...     "handling_satisfaction": [5, 2, 4, None], "reopened": [False, None, True, None]})
    >>> k = complaint_kpis(log)
    >>> k.table.set_index("kpi")["estimate"].round(3).to_dict()
    {'complaint_rate': 0.75, 'time_to_acknowledge': 2.0, 'time_to_resolve': 24.0, 'resolution_rate': 0.667, 'reopen_rate': 0.5, 'handling_satisfaction': 3.667, 'handling_top2': 0.667}
    """
    require_frame(data, "complaint log")
    require_columns(data, [complained, received, acknowledged, resolved, satisfaction, reopened]
                    + ([by] if by else []), "complaint log")
    is_c = as_bool(data[complained], complained)
    t0, t1, t2 = (to_dates(data[c], c) for c in (received, acknowledged, resolved))
    missing_receipt = is_c & t0.isna().to_numpy()
    if missing_receipt.any():
        raise CsatInputError(f"{received!r} is missing for complaints at rows {list(data.index[missing_receipt][:5])}")
    for later, name in ((t1, acknowledged), (t2, resolved)):
        backwards = (later < t0).to_numpy()
        if backwards.any():
            raise CsatInputError(f"{name!r} is before {received!r} at rows {list(data.index[backwards][:5])}")
    sat = as_numeric(data[satisfaction], satisfaction)
    off = sat.notna() & ~sat.isin([1, 2, 3, 4, 5])
    if off.any():
        raise CsatInputError(f"{satisfaction!r} must be 1-5 (satisfaction5); rows {list(data.index[off][:5])} hold "
                             f"{sat[off].iloc[0]!r}")
    reo = data[reopened].astype(object).where(data[reopened].notna())
    reo_bool = pd.Series(np.nan, index=data.index, dtype=object)
    reo_bool[reo.notna()] = as_bool(reo[reo.notna()], reopened)
    frame = pd.DataFrame({"_complained": is_c, "_ack_h": (t1 - t0).dt.total_seconds() / 3600,
                          "_res_h": (t2 - t0).dt.total_seconds() / 3600, "_sat": sat,
                          "_reopened": reo_bool.astype(float)}, index=data.index)
    groups = [("all", frame)] + ([(k, g) for k, g in frame.groupby(data[by], observed=True, sort=True)] if by else [])
    table = pd.DataFrame([{"group": k, **row} for k, g in groups for row in _kpi_rows(g, ci)])
    if not by:
        table = table.drop(columns="group")
    present = [c for c in STEP_COLUMNS if c in data.columns]
    comp_rows = data.loc[is_c, present]
    steps = pd.DataFrame({"step": [c.removeprefix("step_") for c in present],
                          "done": [int(as_bool(comp_rows[c].fillna(False), c).sum()) for c in present]})
    steps["share"] = steps["done"] / max(int(is_c.sum()), 1)
    not_ack = int((is_c & t1.isna().to_numpy()).sum())
    dropped = {Message("value.reason.not_acknowledged"): not_ack} if not_ack else {}
    open_ = int((is_c & t2.isna().to_numpy()).sum())
    if open_:
        dropped[Message("value.reason.open")] = open_
    return ComplaintKPIs(table=table, steps=steps.set_index("step"), n_customers=len(data),
                         n_complaints=int(is_c.sum()), ci_level=ci,
                         ci_method=Message("value.method.complaint_kpis"), n_dropped=0, dropped=dropped)
