"""Charts of complaint handling: step completion, repurchase by complaint outcome, predicted outcomes.

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

from ..errors import CsatInputError
from ..i18n import label
from ._style import axes

__all__ = ["step_completion_bars", "recovery_bars", "complaint_prediction_bars"]

# No step, the chosen steps, all eight steps.
_PREDICTION_COLOURS = ("#bbbbbb", "#386cb0", "#1b9e77")
_OUTCOMES = {"satisfaction": ("widgets.complaint.sat_axis", (1, 5)),
             "repurchase": ("widgets.complaint.rep_axis", (0, 1))}


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


def complaint_prediction_bars(result: Any, outcome: str = "satisfaction", *, ax: Any = None) -> Any:
    """Predicted outcome with no handling step, the chosen steps and all eight, with confidence intervals.

    Parameters
    ----------
    result : ComplaintSimulation
        The result of :func:`csat_lab.widgets.models.complaint_model`: the
        predictions ``none``, ``chosen`` and ``all`` of a
        :func:`csat_lab.complaints.recovery_model`, each a mapping with the
        outcome and its ``<outcome>_ci``.
    outcome : {"satisfaction", "repurchase"}
        Handling satisfaction (1-5 axis) or repurchase probability (0-1 axis).
    ax : matplotlib Axes, optional
        Without one, a figure of 4 x 3.2 inches is made.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Three bars (grey: no step, blue: the chosen steps, green: all eight),
    each the model's prediction for that set of steps with error bars from the
    prediction's confidence interval: handling satisfaction by OLS and
    repurchase by logit on the eight step indicators (Tax, Brown &
    Chandrashekaran, 1998).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.widgets.models import complaint_model
    >>> r = complaint_model(listen=True, solution=True)
    >>> ax = complaint_prediction_bars(r, "repurchase")
    >>> [round(float(bar.get_height()), 6) for bar in ax.patches] == [round(p["repurchase"], 6)
    ...                                                                for p in (r.none, r.chosen, r.all)]
    True
    >>> ax.get_title(), [float(y) for y in ax.get_ylim()]
    ('Repurchase probability', [0.0, 1.0])
    >>> plt.close(ax.figure)
    """
    if outcome not in _OUTCOMES:
        raise CsatInputError(f"outcome must be one of: {', '.join(map(repr, _OUTCOMES))}; got {outcome!r}")
    if not all(hasattr(result, a) for a in ("none", "chosen", "all")):
        raise CsatInputError("complaint_prediction_bars needs the result of widgets.models.complaint_model()")
    title_key, limits = _OUTCOMES[outcome]
    ax = _axes(ax, (4, 3.2))
    names = [label("widgets.complaint.none"), label("widgets.complaint.chosen"), label("widgets.complaint.all")]
    points = [result.none, result.chosen, result.all]
    values = [p[outcome] for p in points]
    errors = [[v - p[f"{outcome}_ci"][0] for v, p in zip(values, points)],
              [p[f"{outcome}_ci"][1] - v for v, p in zip(values, points)]]
    ax.bar(names, values, yerr=errors, color=_PREDICTION_COLOURS, capsize=4)
    ax.set_ylim(limits)
    ax.set_title(label(title_key), fontsize="medium")
    ax.tick_params(axis="x", labelsize="small")
    return ax
