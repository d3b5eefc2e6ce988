"""Charts of churn results: cohort heatmap, survival and retention curves, CLV sensitivity and curve,
retention economics.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import csat_lab as cl
>>> ax = cl.plots.clv_sensitivity_heatmap(cl.churn.clv_sensitivity(100))
>>> ax.get_title()
'Lifetime value by retention and discount rate'
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..errors import CsatInputError
from ..i18n import label
from ._style import axes

__all__ = ["cohort_heatmap", "survival_curves", "retention_curve", "clv_sensitivity_heatmap", "clv_retention_curve",
           "retention_economics_chart"]

# The explorers' palette.
_GREEN, _GREY, _RED, _BLUE = "#1b9e77", "#999999", "#d95f02", "#386cb0"


def _axes(ax: Any, size: tuple[float, float] = (7, 4.5)) -> Any:
    return axes(ax, size)


def cohort_heatmap(result: Any, *, ax: Any = None, annotate: bool = True) -> Any:
    """Heatmap of a :func:`csat_lab.churn.cohort_table` result (share still buying).

    Cell ``(c, k)`` is ``rate_{c,k}`` = share of the customers acquired in
    period ``c`` who buy in period ``c + k``: each row is one cohort's
    retention curve (Fader & Hardie, 2010).

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.churn import cohort_table
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2], "date": pd.to_datetime(["2024-01-02", "2024-02-03", "2024-02-05"])})
    >>> cohort_heatmap(cohort_table(log, now="2024-12-31")).get_xlabel()
    'Periods since acquisition'
    """
    import seaborn as sns

    ax = _axes(ax)
    rates = result.rates.astype(float)
    sns.heatmap(rates, ax=ax, annot=annotate and rates.size <= 400, fmt=".0%", cmap="Blues", vmin=0, vmax=1,
                cbar_kws={"label": label("cohort.rate")})
    ax.set_title(label("cohort.title"))
    ax.set_xlabel(label("cohort.age"))
    ax.set_ylabel(label("cohort.cohort"))
    return ax


def survival_curves(result: Any, *, ax: Any = None, ci: bool = True) -> Any:
    """Kaplan-Meier step curves (one per group, or the pooled curve) with CI bands.

    Draws ``S(t) = prod_{t_i <= t} (1 - d_i / n_i)`` as a right-continuous step
    function (Kaplan & Meier, 1958), with the pointwise intervals of the
    :func:`csat_lab.churn.kaplan_meier` result as shaded bands.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.churn import kaplan_meier
    >>> survival_curves(kaplan_meier([1, 2, 3, 4], [1, 0, 1, 1])).get_ylabel()
    'Share still a customer'
    """
    ax = _axes(ax)
    table = result.table
    groups = [g for g in table["group"].unique() if g != "all"] or ["all"]
    for g in groups:
        part = table[table["group"] == g]
        ax.step(part["time"], part["survival"], where="post", label=str(g) if g != "all" else None)
        if ci:
            ax.fill_between(part["time"], part["ci_low"], part["ci_high"], step="post", alpha=0.2)
    ax.set_ylim(0, 1.02)
    ax.set_title(label("survival.title"))
    ax.set_xlabel(label("survival.time"))
    ax.set_ylabel(label("survival.probability"))
    if groups != ["all"]:
        ax.legend(title=label("survival.groups"))
    return ax


def retention_curve(result: Any, *, ax: Any = None) -> Any:
    """Share of a starting customer base still active after each period at a constant churn rate.

    Parameters
    ----------
    result : ChurnCalculation or DataFrame
        The result of :func:`csat_lab.widgets.models.churn_model`, or its
        ``survival`` table (columns ``period`` and ``active``).
    ax : matplotlib Axes, optional
        Without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Draws ``S(t) = (1 - churn)^t`` for ``t = 0, 1, ...`` as a right-continuous
    step curve with the area below it shaded: with a constant churn rate the
    base decays geometrically (Fader & Hardie, 2007), and the area under the
    curve approaches the expected lifetime ``1 / churn``.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"period": [0, 1, 2, 3], "active": [1.0, 0.9, 0.81, 0.729]})
    >>> ax = retention_curve(table)
    >>> ax.lines[0].get_ydata().tolist(), [float(y) for y in ax.get_ylim()]
    ([1.0, 0.9, 0.81, 0.729], [0.0, 1.02])
    >>> plt.close(ax.figure)
    """
    table = getattr(result, "survival", result)
    if not isinstance(table, pd.DataFrame) or not {"period", "active"} <= set(table.columns):
        raise CsatInputError("retention_curve needs the result of widgets.models.churn_model() or its survival table")
    ax = _axes(ax)
    ax.step(table["period"], table["active"], where="post", color=_BLUE)
    ax.fill_between(table["period"], table["active"], step="post", color=_BLUE, alpha=0.15)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(label("widgets.churn.axis_periods"))
    ax.set_ylabel(label("widgets.churn.axis_remaining"))
    ax.yaxis.set_major_formatter("{x:.0%}")
    return ax


def clv_sensitivity_heatmap(table: pd.DataFrame, *, ax: Any = None) -> Any:
    """Heatmap of a :func:`csat_lab.churn.clv_sensitivity` table (retention x discount).

    Each cell is ``CLV = m r / (1 + d - r) - AC`` at retention ``r`` (row) and
    discount rate ``d`` (column) (Gupta & Lehmann, 2003), printed in the cell.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.churn import clv_sensitivity
    >>> ax = clv_sensitivity_heatmap(clv_sensitivity(100, retention=[0.8, 0.9], discount=[0.1]))
    >>> ax.get_ylabel(), [t.get_text() for t in ax.texts]
    ('Retention per period', ['267', '450'])
    >>> plt.close(ax.figure)
    """
    import seaborn as sns

    ax = _axes(ax, (6, 4))
    sns.heatmap(table, ax=ax, annot=True, fmt=".0f", cmap="Greens", cbar_kws={"label": label("clv.value")})
    ax.set_title(label("clv.sensitivity_title"))
    ax.set_xlabel(label("clv.discount"))
    ax.set_ylabel(label("clv.retention"))
    return ax


def clv_retention_curve(result: Any, *, ax: Any = None) -> Any:
    """Lifetime value over retention, with the value now and after a retention gain marked.

    Parameters
    ----------
    result : CLVCalculation
        The result of :func:`csat_lab.widgets.models.clv_model`: ``curve``
        (columns ``retention`` and ``clv``) and the
        :func:`~csat_lab.churn.customer_lifetime_value` results ``clv`` (now)
        and ``improved`` (after the gain).
    ax : matplotlib Axes, optional
        Without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    The grey curve is ``CLV(r) = m r / (1 + d - r) - AC`` (Gupta & Lehmann,
    2003) over retention ``r`` at the chosen margin ``m``, discount rate ``d``
    and acquisition cost ``AC``; the orange dot is today's retention, the green
    dot retention plus the gain. The curve steepens as ``r`` grows, so a gain
    is worth most where retention is already high.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.widgets.models import clv_model
    >>> r = clv_model(100, 0.8, 0.1, gain=0.05)
    >>> ax = clv_retention_curve(r)
    >>> [(round(float(line.get_xdata()[0]), 2), round(float(line.get_ydata()[0]), 2)) for line in ax.lines[1:]]
    [(0.8, 266.67), (0.85, 340.0)]
    >>> plt.close(ax.figure)
    """
    curve = getattr(result, "curve", None)
    if not (isinstance(curve, pd.DataFrame) and {"retention", "clv"} <= set(curve.columns)
            and hasattr(result, "clv") and hasattr(result, "improved")):
        raise CsatInputError("clv_retention_curve needs the result of widgets.models.clv_model()")
    ax = _axes(ax)
    ax.plot(curve["retention"], curve["clv"], color=_GREY)
    ax.plot([result.clv.retention], [result.clv.value], "o", color=_RED, label=label("widgets.clv.now"))
    ax.plot([result.improved.retention], [result.improved.value], "o", color=_GREEN, label=label("widgets.clv.after"))
    ax.set_xlabel(label("widgets.clv.retention"))
    ax.set_ylabel(label("widgets.clv.axis"))
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.legend(loc="upper left", frameon=False)
    return ax


def retention_economics_chart(result: Any, *, ax: Any = None) -> Any:
    """Customer base by year at current and improved retention (:func:`csat_lab.churn.retention_economics`).

    Plots ``N_t = r N_{t-1} + A`` for the current retention ``r`` and for
    ``r + gain``: the compounding effect of fewer defections that Reichheld &
    Sasser (1990) describe.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.churn import retention_economics
    >>> retention_economics_chart(retention_economics(1000, 0.8, 50)).get_title()
    'Customer base with a retention gain'
    """
    ax = _axes(ax)
    t = result.table
    ax.plot(t.index, t["customers"], marker="o", label=f"{label('econ.current')} ({result.retention:.0%})")
    ax.plot(t.index, t["customers_improved"], marker="o",
            label=f"{label('econ.improved')} ({result.improved_retention:.0%})")
    ax.set_title(label("econ.title"))
    ax.set_xlabel(label("econ.year"))
    ax.set_ylabel(label("econ.customers"))
    ax.legend()
    return ax
