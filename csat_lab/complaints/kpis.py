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

from .._core.intervals import wilson_counts, z_value
from .._core.results import Result
from .._core.validate import as_bool, as_numeric, require_columns, require_frame, to_dates
from ..errors import CsatInputError
from ..i18n import Message
from .process import STEP_COLUMNS

__all__ = ["ComplaintKPIs", "complaint_kpis"]

@dataclasses.dataclass(frozen=True)
class ComplaintKPIs(Result):
    """KPI table (kpi, estimate, ci_low, ci_high, n, unit; plus ``group`` with ``by``) and step completion."""

    table: pd.DataFrame
    steps: pd.DataFrame
    n_customers: int
    n_complaints: int
    ci_level: float
    n_dropped: int
    dropped: dict

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [("complaints.n_customers", self.n_customers),
                                       ("complaints.n_complaints", self.n_complaints)]
        for r in self.table[self.table.get("group", pd.Series("all", index=self.table.index)) == "all"].itertuples():
            rows.append((f"complaints.kpi.{r.kpi}",
                         f"{r.estimate:.4g} ({r.ci_low:.4g}, {r.ci_high:.4g}) {r.unit}".strip()))
        rows += [("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]
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


def complaint_kpis(log: pd.DataFrame, *, by: str | None = None, ci: float = 0.95, complained: str = "complained",
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
    require_frame(log, "complaint log")
    require_columns(log, [complained, received, acknowledged, resolved, satisfaction, reopened]
                    + ([by] if by else []), "complaint log")
    is_c = as_bool(log[complained], complained)
    t0, t1, t2 = (to_dates(log[c], c) for c in (received, acknowledged, resolved))
    missing_receipt = is_c & t0.isna().to_numpy()
    if missing_receipt.any():
        raise CsatInputError(f"{received!r} is missing for complaints at rows {list(log.index[missing_receipt][:5])}")
    for later, name in ((t1, acknowledged), (t2, resolved)):
        backwards = (later < t0).to_numpy()
        if backwards.any():
            raise CsatInputError(f"{name!r} is before {received!r} at rows {list(log.index[backwards][:5])}")
    sat = as_numeric(log[satisfaction], satisfaction)
    off = sat.notna() & ~sat.isin([1, 2, 3, 4, 5])
    if off.any():
        raise CsatInputError(f"{satisfaction!r} must be 1-5 (satisfaction5); rows {list(log.index[off][:5])} hold "
                             f"{sat[off].iloc[0]!r}")
    reo = log[reopened].astype(object).where(log[reopened].notna())
    reo_bool = pd.Series(np.nan, index=log.index, dtype=object)
    reo_bool[reo.notna()] = as_bool(reo[reo.notna()], reopened)
    frame = pd.DataFrame({"_complained": is_c, "_ack_h": (t1 - t0).dt.total_seconds() / 3600,
                          "_res_h": (t2 - t0).dt.total_seconds() / 3600, "_sat": sat,
                          "_reopened": reo_bool.astype(float)}, index=log.index)
    groups = [("all", frame)] + ([(k, g) for k, g in frame.groupby(log[by], observed=True, sort=True)] if by else [])
    table = pd.DataFrame([{"group": k, **row} for k, g in groups for row in _kpi_rows(g, ci)])
    if not by:
        table = table.drop(columns="group")
    present = [c for c in STEP_COLUMNS if c in log.columns]
    comp_rows = log.loc[is_c, present]
    steps = pd.DataFrame({"step": [c.removeprefix("step_") for c in present],
                          "done": [int(as_bool(comp_rows[c].fillna(False), c).sum()) for c in present]})
    steps["share"] = steps["done"] / max(int(is_c.sum()), 1)
    not_ack = int((is_c & t1.isna().to_numpy()).sum())
    dropped = {Message("value.reason.not_acknowledged"): not_ack} if not_ack else {}
    open_ = int((is_c & t2.isna().to_numpy()).sum())
    if open_:
        dropped[Message("value.reason.open")] = open_
    return ComplaintKPIs(table=table, steps=steps.set_index("step"), n_customers=len(log),
                         n_complaints=int(is_c.sum()), ci_level=ci, n_dropped=0, dropped=dropped)
