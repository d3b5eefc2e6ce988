"""Charts of complaint handling: step completion and repurchase by complaint outcome.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import csat_lab as cl
>>> ax = cl.plots.recovery_bars(cl.complaints.recovery_effect(pd.DataFrame({
...     "complained": [True, True, False, False], "handling_satisfaction": [5, 2, None, None],
...     "repurchased": [True, False, True, False]})))
>>> ax.get_ylabel()
'Repurchase rate'
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..i18n import label

__all__ = ["step_completion_bars", "recovery_bars"]


def _axes(ax: Any, size: tuple[float, float] = (7, 4.5)) -> Any:
    if ax is None:
        import matplotlib.pyplot as plt

        _, ax = plt.subplots(figsize=size)
    return ax


def step_completion_bars(kpis: Any, *, ax: Any = None) -> Any:
    """Horizontal bars: share of complaints on which each of the 8 steps was done.

    Takes a :func:`csat_lab.complaints.complaint_kpis` result.
    """
    ax = _axes(ax)
    steps = kpis.steps.iloc[::-1]
    ax.barh([label(f"complaints.step.{s}") for s in steps.index], steps["share"].to_numpy())
    ax.set_xlim(0, 1)
    ax.set_title(label("complaints.steps_title"))
    ax.set_xlabel(label("complaints.share_done"))
    return ax


def recovery_bars(result: Any, *, ax: Any = None) -> Any:
    """Repurchase rates: recovered complaint, unrecovered complaint, no complaint (:func:`recovery_effect`)."""
    ax = _axes(ax, (6, 4))
    keys = ["complaints.recovered_rate", "complaints.unrecovered_rate", "complaints.no_complaint_rate"]
    values = [result.recovered_rate, result.unrecovered_rate, result.no_complaint_rate]
    ax.bar([label(k) for k in keys], np.nan_to_num(values), color=["tab:green", "tab:red", "tab:grey"])
    ax.set_ylim(0, 1)
    ax.set_ylabel(label("complaints.repurchase_rate"))
    ax.set_title(label("complaints.recovery_title"))
    ax.tick_params(axis="x", labelrotation=15)
    return ax
