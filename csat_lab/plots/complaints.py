"""Charts of complaint handling: step completion, repurchase by complaint outcome, predicted outcomes.

Every function draws a result it is given and computes no statistic itself.

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
import pandas as pd  # noqa: F401  (the examples use it)

from ..errors import CsatInputError
from .._core.docstrings import shared_docs
from ..i18n import has_label, label
from ._style import axes, draw_intervals, intervals, numbers, readable, table_of

__all__ = ["step_completion_bars", "recovery_bars", "complaint_prediction_bars"]

# No step, the chosen steps, all eight steps.
_PREDICTION_COLOURS = ("#bbbbbb", "#386cb0", "#1b9e77")
_OUTCOMES = {"satisfaction": ("widgets.complaint.sat_axis", (1, 5)),
             "repurchase": ("widgets.complaint.rep_axis", (0, 1))}


def _axes(ax: Any, size: tuple[float, float] = (7, 4.5)) -> Any:
    return axes(ax, size)


@shared_docs
def step_completion_bars(kpis: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Horizontal bars: share of complaints on which each of the 8 handling steps was done.

    Parameters
    ----------
    kpis : ComplaintKPIs or pandas.DataFrame
        The result of :func:`csat_lab.complaints.complaint_kpis` (its
        ``steps`` table), or that table: one row per step (index: step code
        such as ``"listen"``) with the column ``share``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one bar per step, step 1 at the top, on a 0-1 axis.

    Notes
    -----
    Each bar is the result's ``share = done_s / complaints`` for step ``s``.
    The eight steps are the course's; compare the complaints-handling process
    of ISO 10002 (International Organization for Standardization, 2018).

    References
    ----------
    International Organization for Standardization (2018). ISO 10002:2018
    Quality management - Customer satisfaction - Guidelines for complaints
    handling in organizations. Geneva: ISO.

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
    steps = table_of(kpis, "step_completion_bars", "the result of complaints.complaint_kpis() or its steps table",
                     ("share",), attr="steps")
    share = numbers(steps["share"], "the shares of complaints", "step_completion_bars")
    if (share < 0).any() or (share > 1).any():
        raise CsatInputError("step_completion_bars: shares of complaints must lie between 0 and 1")
    unknown = [str(s) for s in steps.index if not has_label(f"complaints.step.{s}")]
    if unknown:
        raise CsatInputError(f"step_completion_bars: the steps table is indexed by handling steps "
                             f"(complaints.HANDLING_STEPS); unknown steps {unknown[:5]}")
    ax = _axes(ax)
    steps = steps.iloc[::-1]
    ax.barh([label(f"complaints.step.{s}", language) for s in steps.index], steps["share"].to_numpy())
    ax.set_xlim(0, 1)
    ax.set_title(label("complaints.steps_title", language))
    ax.set_xlabel(label("complaints.share_done", language))
    return readable(ax)


@shared_docs
def recovery_bars(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Repurchase rates: recovered complaint, unrecovered complaint, no complaint.

    Parameters
    ----------
    result : RecoveryEffect
        The result of :func:`csat_lab.complaints.recovery_effect`, or any
        object with ``recovered_rate``, ``unrecovered_rate`` and
        ``no_complaint_rate``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: three bars on a 0-1 axis; a group without customers
        (rate NaN) has no bar height and is marked "no data" rather than drawn as 0.

    Notes
    -----
    Each bar is the result's ``repurchased / customers`` in its group; a
    recovered bar above the no-complaint bar is the service-recovery paradox
    (McCollough, Berry & Yadav, 2000).

    References
    ----------
    McCollough, M. A., Berry, L. L., & Yadav, M. S. (2000). An empirical
    investigation of customer satisfaction after service failure and
    recovery. Journal of Service Research, 3(2), 121-137.

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
    if not all(hasattr(result, a) for a in ("recovered_rate", "unrecovered_rate", "no_complaint_rate")):
        raise CsatInputError("recovery_bars needs the result of complaints.recovery_effect()")
    keys = ["complaints.recovered_rate", "complaints.unrecovered_rate", "complaints.no_complaint_rate"]
    values = numbers([result.recovered_rate, result.unrecovered_rate, result.no_complaint_rate],
                     "the repurchase rates", "recovery_bars", finite=False)
    if np.isinf(values).any() or (values < 0).any() or (values > 1).any():
        raise CsatInputError(f"recovery_bars: repurchase rates must lie between 0 and 1 (or be missing for an "
                             f"empty group); got {values.tolist()}")
    if np.isnan(values).all():
        raise CsatInputError("recovery_bars: every group is empty (all three rates are missing); nothing to draw")
    ax = _axes(ax, (6, 4))
    names = [label(k, language) for k in keys]
    ax.bar(names, np.nan_to_num(values), color=["tab:green", "tab:red", "tab:grey"])
    for i in np.flatnonzero(np.isnan(values)):  # an empty group: say so instead of showing a rate of 0
        ax.text(i, 0.02, label("result.no_data", language), ha="center", va="bottom", color="#595959")
    ax.set_ylim(0, 1)
    ax.set_ylabel(label("complaints.repurchase_rate", language))
    ax.set_title(label("complaints.recovery_title", language))
    ax.tick_params(axis="x", labelrotation=15)
    return readable(ax)


@shared_docs
def complaint_prediction_bars(result: Any, outcome: str = "satisfaction", *, language: str | None = None,
                              ax: Any = None) -> Any:
    """Predicted outcome with no handling step, the chosen steps and all eight, with confidence intervals.

    Parameters
    ----------
    result : ComplaintSimulation
        The result of :func:`csat_lab.widgets.models.complaint_model`: the
        predictions ``none``, ``chosen`` and ``all`` of a
        :func:`csat_lab.complaints.recovery_model`, each a mapping with the
        outcome and its ``<outcome>_ci``.
    outcome : {"satisfaction", "repurchase"}, default "satisfaction"
        Handling satisfaction (1-5 axis) or repurchase probability (0-1 axis).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 4 x 3.2 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: three bars with error bars, titled with the outcome.

    Notes
    -----
    Three bars (grey: no step, blue: the chosen steps, green: all eight),
    each the model's prediction for that set of steps with error bars from the
    prediction's confidence interval: handling satisfaction by OLS and
    repurchase by logit on the eight step indicators (Tax, Brown &
    Chandrashekaran, 1998), as the result holds them.

    References
    ----------
    Tax, S. S., Brown, S. W., & Chandrashekaran, M. (1998). Customer
    evaluations of service complaint experiences: Implications for
    relationship marketing. Journal of Marketing, 62(2), 60-76.

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
    points = [result.none, result.chosen, result.all]
    try:
        values = [p[outcome] for p in points]
        cis = [tuple(p[f"{outcome}_ci"]) for p in points]
    except (TypeError, KeyError, IndexError):
        raise CsatInputError(f"complaint_prediction_bars needs predictions with {outcome!r} and "
                             f"'{outcome}_ci' (low, high), as widgets.models.complaint_model() returns") from None
    if any(len(ci) != 2 for ci in cis):
        raise CsatInputError(f"complaint_prediction_bars: each '{outcome}_ci' must be a (low, high) pair")
    est, low, high = intervals(values, [c[0] for c in cis], [c[1] for c in cis], f"the predicted {outcome}",
                               "complaint_prediction_bars", ["none", "chosen", "all"])
    ax = _axes(ax, (4, 3.2))
    names = [label(f"widgets.complaint.{key}", language) for key in ("none", "chosen", "all")]
    ax.bar(names, est, color=_PREDICTION_COLOURS)
    draw_intervals(ax, np.arange(3), est, low, high, fmt="none", color="black", capsize=4)
    ax.set_ylim(limits)
    ax.set_title(label(title_key, language), fontsize="medium")
    ax.tick_params(axis="x", labelsize="small")
    return readable(ax)
