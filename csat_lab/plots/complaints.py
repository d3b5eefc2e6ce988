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
from ._style import axes

__all__ = ["step_completion_bars", "recovery_bars"]


def _axes(ax: Any, size: tuple[float, float] = (7, 4.5)) -> Any:
    return axes(ax, size)


def step_completion_bars(kpis: Any, *, ax: Any = None) -> Any:
    """Horizontal bars: share of complaints on which each of the 8 steps was done.

    Takes a :func:`csat_lab.complaints.complaint_kpis` result; each bar is
    ``done_s / complaints``, step 1 at the top. The eight steps are the
    course's; compare the complaints-handling process of ISO 10002
    (International Organization for Standardization, 2018).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.complaints import complaint_kpis
    >>> t = pd.to_datetime(["2024-01-01 09:00", "2024-01-02 10:00"])
    >>> log = pd.DataFrame({"complained": [True, True], "received_at": t, "acknowledged_at": t, "resolved_at": t,
    ...                     "handling_satisfaction": [5, 3], "reopened": [False, False],
    ...                     "step_listen": [True, True], "step_thank": [True, False]})
    >>> ax = step_completion_bars(complaint_kpis(log))
    >>> [(tick.get_text(), float(bar.get_width())) for tick, bar in zip(ax.get_yticklabels(), ax.patches)]
    [('6. Report back and thank', 0.5), ('1. Listen', 1.0)]
    >>> plt.close(ax.figure)
    """
    ax = _axes(ax)
    steps = kpis.steps.iloc[::-1]
    ax.barh([label(f"complaints.step.{s}") for s in steps.index], steps["share"].to_numpy())
    ax.set_xlim(0, 1)
    ax.set_title(label("complaints.steps_title"))
    ax.set_xlabel(label("complaints.share_done"))
    return ax


def recovery_bars(result: Any, *, ax: Any = None) -> Any:
    """Repurchase rates: recovered complaint, unrecovered complaint, no complaint (:func:`recovery_effect`).

    Each bar is ``repurchased / customers`` in its group; a recovered bar above
    the no-complaint bar is the service-recovery paradox (McCollough, Berry &
    Yadav, 2000). An empty group draws as 0.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.complaints import recovery_effect
    >>> df = pd.DataFrame({"complained": [True] * 4 + [False] * 4,
    ...                    "handling_satisfaction": [5, 4, 2, 4, None, None, None, None],
    ...                    "repurchased": [True, True, False, True, True, False, True, False]})
    >>> ax = recovery_bars(recovery_effect(df))
    >>> [float(bar.get_height()) for bar in ax.patches]
    [1.0, 0.0, 0.5]
    >>> plt.close(ax.figure)
    """
    ax = _axes(ax, (6, 4))
    keys = ["complaints.recovered_rate", "complaints.unrecovered_rate", "complaints.no_complaint_rate"]
    values = [result.recovered_rate, result.unrecovered_rate, result.no_complaint_rate]
    ax.bar([label(k) for k in keys], np.nan_to_num(values), color=["tab:green", "tab:red", "tab:grey"])
    ax.set_ylim(0, 1)
    ax.set_ylabel(label("complaints.repurchase_rate"))
    ax.set_title(label("complaints.recovery_title"))
    ax.tick_params(axis="x", labelrotation=15)
    return ax
