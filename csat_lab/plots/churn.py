"""Charts of churn results: cohort heatmap, survival and retention curves, CLV sensitivity and curve,
retention economics.

Every function draws a result it is given (or that result's table) and
computes no statistic itself.

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

import numpy as np
import pandas as pd

from .._core.deprecation import renamed
from .._core.docstrings import shared_docs
from ..errors import CsatInputError
from ..i18n import display_value, label
from ._style import axes, numbers, readable, table_of

__all__ = ["cohort_heatmap", "survival_curves", "retention_curve", "clv_sensitivity_heatmap", "clv_retention_curve",
           "retention_economics_chart"]

# The explorers' palette.
_GREEN, _GREY, _RED, _BLUE = "#1b9e77", "#999999", "#d95f02", "#386cb0"


def _axes(ax: Any, size: tuple[float, float] = (7, 4.5)) -> Any:
    return axes(ax, size)


@shared_docs
def cohort_heatmap(result: Any, *, annotate: bool = True, language: str | None = None, ax: Any = None) -> Any:
    """Heatmap of a cohort retention triangle (share of each cohort still buying).

    Parameters
    ----------
    result : CohortResult or pandas.DataFrame
        The result of :func:`csat_lab.churn.cohort_table` (its ``rates``), or
        the rates table itself: cohorts as rows, periods since acquisition as
        columns, shares between 0 and 1 (missing cells stay blank).
    annotate : bool, default True
        Print each share in its cell (only when the triangle has at most 400 cells).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on, with a colour bar from 0 to 1.

    Notes
    -----
    Cell ``(c, k)`` is ``rate_{c,k}`` = share of the customers acquired in
    period ``c`` who buy in period ``c + k``, as the result holds it: each
    row is one cohort's retention curve (Fader & Hardie, 2010).

    References
    ----------
    Fader, P. S., & Hardie, B. G. S. (2010). Customer-base valuation in a
    contractual setting: The perils of ignoring heterogeneity. Marketing
    Science, 29(1), 85-93.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.churn import cohort_table
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2], "date": pd.to_datetime(["2024-01-02", "2024-02-03", "2024-02-05"])})
    >>> cohort_heatmap(cohort_table(log, now="2024-12-31")).get_xlabel()
    'Periods since acquisition'
    """
    import seaborn as sns

    rates = table_of(result, "cohort_heatmap", "the result of churn.cohort_table() or its rates table", attr="rates")
    values = np.column_stack([numbers(rates[c], f"the rates of period {c}", "cohort_heatmap", finite=False)
                              for c in rates.columns]) if rates.shape[1] else np.empty((len(rates), 0))
    shown = values[~np.isnan(values)]
    if not shown.size:
        raise CsatInputError("cohort_heatmap: every cell of the rates table is blank; nothing to draw")
    if (shown < 0).any() or (shown > 1).any():
        raise CsatInputError("cohort_heatmap draws shares between 0 and 1 (the result's rates, not its counts); "
                             f"this table holds values from {shown.min():g} to {shown.max():g}")
    ax = _axes(ax)
    rates = pd.DataFrame(values, index=rates.index, columns=rates.columns)
    sns.heatmap(rates, ax=ax, annot=annotate and rates.size <= 400, fmt=".0%", cmap="Blues", vmin=0, vmax=1,
                cbar_kws={"label": label("cohort.rate", language)})
    ax.set_title(label("cohort.title", language))
    ax.set_xlabel(label("cohort.age", language))
    ax.set_ylabel(label("cohort.cohort", language))
    return readable(ax)


@renamed(ci="show_ci")
@shared_docs
def survival_curves(result: Any, *, show_ci: bool = True, language: str | None = None, ax: Any = None) -> Any:
    """Kaplan-Meier step curves (one per group, or the pooled curve) with CI bands.

    Parameters
    ----------
    result : SurvivalResult or pandas.DataFrame
        The result of :func:`csat_lab.churn.kaplan_meier`, or its ``table``:
        columns ``group`` ("all" for the pooled curve), ``time``,
        ``survival``, ``ci_low`` and ``ci_high``.
    show_ci : bool, default True
        Shade each curve's pointwise confidence band. (``ci=`` is its deprecated old name.)
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one step curve per group (legend when grouped, the
        groups by their labels: ``month_to_month`` as "Month to month").

    Notes
    -----
    Draws ``S(t) = prod_{t_i <= t} (1 - d_i / n_i)`` as a right-continuous step
    function (Kaplan & Meier, 1958), with the pointwise intervals of the
    result as shaded bands; nothing is re-estimated.

    References
    ----------
    Kaplan, E. L., & Meier, P. (1958). Nonparametric estimation from
    incomplete observations. Journal of the American Statistical
    Association, 53(282), 457-481.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> table = pd.DataFrame({"group": "all", "time": [0.0, 1.0, 3.0], "survival": [1.0, 0.75, 0.375],
    ...                       "ci_low": [1.0, 0.13, 0.01], "ci_high": [1.0, 0.96, 0.8]})
    >>> ax = survival_curves(table)
    >>> ax.get_ylabel(), len(ax.collections)
    ('Share still a customer', 1)
    >>> len(survival_curves(table, show_ci=False).collections)
    0
    """
    table = table_of(result, "survival_curves", "the result of churn.kaplan_meier() or its table",
                     ("group", "time", "survival"), attr="table")
    numbers(table["time"], "the times", "survival_curves")
    surv = numbers(table["survival"], "the survival probabilities", "survival_curves")
    if (surv < 0).any() or (surv > 1).any():
        raise CsatInputError("survival_curves: survival probabilities must lie between 0 and 1")
    ax = _axes(ax)
    groups = [g for g in table["group"].unique() if g != "all"] or ["all"]
    for g in groups:
        part = table[table["group"] == g]
        ax.step(part["time"], part["survival"], where="post",
                label=display_value(g, language=language) if g != "all" else None)
        if show_ci and {"ci_low", "ci_high"} <= set(part.columns):
            ax.fill_between(part["time"], part["ci_low"], part["ci_high"], step="post", alpha=0.2)
    ax.set_ylim(0, 1.02)
    ax.set_title(label("survival.title", language))
    ax.set_xlabel(label("survival.time", language))
    ax.set_ylabel(label("survival.probability", language))
    if groups != ["all"]:
        ax.legend(title=label("survival.groups", language))
    return readable(ax)


@shared_docs
def retention_curve(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Share of a starting customer base still active after each period at a constant churn rate.

    Parameters
    ----------
    result : ChurnCalculation or pandas.DataFrame
        The result of :func:`csat_lab.widgets.models.churn_model`, or its
        ``survival`` table (columns ``period`` and ``active``).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: the step curve with the area below it shaded.

    Notes
    -----
    Draws ``S(t) = (1 - churn)^t`` for ``t = 0, 1, ...`` (as the result's
    table holds it) as a right-continuous step curve with the area below it
    shaded: with a constant churn rate the base decays geometrically (Fader &
    Hardie, 2007), and the area under the curve approaches the expected
    lifetime ``1 / churn``.

    References
    ----------
    Fader, P. S., & Hardie, B. G. S. (2007). How to project customer
    retention. Journal of Interactive Marketing, 21(1), 76-90.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"period": [0, 1, 2, 3], "active": [1.0, 0.9, 0.81, 0.729]})
    >>> ax = retention_curve(table)
    >>> ax.lines[0].get_ydata().tolist(), [float(y) for y in ax.get_ylim()]
    ([1.0, 0.9, 0.81, 0.729], [0.0, 1.02])
    >>> plt.close(ax.figure)
    """
    table = table_of(result, "retention_curve", "the result of widgets.models.churn_model() or its survival table",
                     ("period", "active"), attr="survival")
    period = numbers(table["period"], "the periods", "retention_curve")
    active = numbers(table["active"], "the shares still active", "retention_curve")
    ax = _axes(ax)
    ax.step(period, active, where="post", color=_BLUE)
    ax.fill_between(period, active, step="post", color=_BLUE, alpha=0.15)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(label("widgets.churn.axis_periods", language))
    ax.set_ylabel(label("widgets.churn.axis_remaining", language))
    ax.yaxis.set_major_formatter("{x:.0%}")
    return readable(ax)


@shared_docs
def clv_sensitivity_heatmap(table: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Heatmap of lifetime values by retention (rows) and discount rate (columns).

    Parameters
    ----------
    table : TableResult or pandas.DataFrame
        The result of :func:`csat_lab.churn.clv_sensitivity`, or its
        ``table``: retention rates as the index, discount rates as the
        columns, CLV in the cells.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on, each value printed in its cell.

    Notes
    -----
    Each cell is ``CLV = m r / (1 + d - r) - AC`` at retention ``r`` (row) and
    discount rate ``d`` (column) (Gupta & Lehmann, 2003), as the table holds it.

    References
    ----------
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. Journal of
    Interactive Marketing, 17(1), 9-24.

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

    table = table_of(table, "clv_sensitivity_heatmap", "the result of churn.clv_sensitivity() or its table",
                     attr="table")
    if table.shape[1] == 0:
        raise CsatInputError("clv_sensitivity_heatmap: the table has no columns (discount rates); nothing to draw")
    table = pd.DataFrame(np.column_stack([numbers(table[c], f"the lifetime values at discount rate {c}",
                                                  "clv_sensitivity_heatmap") for c in table.columns]),
                         index=table.index, columns=table.columns)
    ax = _axes(ax, (6, 4))
    sns.heatmap(table, ax=ax, annot=True, fmt=".0f", cmap="Greens", cbar_kws={"label": label("clv.value", language)})
    ax.set_title(label("clv.sensitivity_title", language))
    ax.set_xlabel(label("clv.discount", language))
    ax.set_ylabel(label("clv.retention", language))
    return readable(ax)


@shared_docs
def clv_retention_curve(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Lifetime value over retention, with the value now and after a retention gain marked.

    Parameters
    ----------
    result : CLVCalculation
        The result of :func:`csat_lab.widgets.models.clv_model`: ``curve``
        (columns ``retention`` and ``clv``) and the
        :func:`~csat_lab.churn.customer_lifetime_value` results ``clv`` (now)
        and ``improved`` (after the gain).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: the curve and two marked points (legend top left).

    Notes
    -----
    The grey curve is the result's lifetime value over retention ``r`` at the
    chosen margin ``m``, discount rate ``d`` and acquisition cost ``AC``: in the
    course's timing ``CLV(r) = m / (1 + d - r) - AC`` (the first margin counted
    in full; Gupta & Lehmann's 2003 convention ``m r / (1 + d - r)`` multiplies
    every year by ``r``), as the result holds it; the orange dot is
    today's retention, the green dot retention plus the gain. The curve
    steepens as ``r`` grows, so a gain is worth most where retention is
    already high.

    References
    ----------
    Gupta, S., & Lehmann, D. R. (2003). Customers as assets. Journal of
    Interactive Marketing, 17(1), 9-24.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.widgets.models import clv_model
    >>> r = clv_model(100, 0.8, 0.1, gain=0.05)  # 100 / (1 + 0.1 - 0.8) = 333.33; at 0.85: 100 / 0.25 = 400
    >>> ax = clv_retention_curve(r)
    >>> [(round(float(line.get_xdata()[0]), 2), round(float(line.get_ydata()[0]), 2)) for line in ax.lines[1:]]
    [(0.8, 333.33), (0.85, 400.0)]
    >>> plt.close(ax.figure)
    """
    curve = getattr(result, "curve", None)
    curve = getattr(curve, "table", curve)
    if not (isinstance(curve, pd.DataFrame) and {"retention", "clv"} <= set(curve.columns)
            and hasattr(result, "clv") and hasattr(result, "improved")):
        raise CsatInputError("clv_retention_curve needs the result of widgets.models.clv_model()")
    curve = table_of(curve, "clv_retention_curve", "the result of widgets.models.clv_model()", ("retention", "clv"))
    numbers(curve["retention"], "the retention rates", "clv_retention_curve")
    numbers(curve["clv"], "the lifetime values", "clv_retention_curve")
    numbers([result.clv.retention, result.clv.value, result.improved.retention, result.improved.value],
            "the retention and value now and after the gain", "clv_retention_curve")
    ax = _axes(ax)
    ax.plot(curve["retention"], curve["clv"], color=_GREY)
    ax.plot([result.clv.retention], [result.clv.value], "o", color=_RED, label=label("widgets.clv.now", language))
    ax.plot([result.improved.retention], [result.improved.value], "o", color=_GREEN,
            label=label("widgets.clv.after", language))
    ax.set_xlabel(label("widgets.clv.retention", language))
    ax.set_ylabel(label("widgets.clv.axis", language))
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.legend(loc="upper left", frameon=False)
    return readable(ax)


@shared_docs
def retention_economics_chart(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Customer base by year at current and improved retention.

    Parameters
    ----------
    result : RetentionEconomics
        The result of :func:`csat_lab.churn.retention_economics`: its
        ``table`` (one row per year, columns ``customers`` and
        ``customers_improved``), ``retention`` and ``improved_retention``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: two lines with markers, one per retention rate.

    Notes
    -----
    Plots the result's ``N_t = r N_{t-1} + A`` for the current retention
    ``r`` and for ``r + gain``: the compounding effect of fewer defections
    that Reichheld & Sasser (1990) describe.

    References
    ----------
    Reichheld, F. F., & Sasser, W. E. (1990). Zero defections: Quality comes
    to services. Harvard Business Review, 68(5), 105-111.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.churn import retention_economics
    >>> retention_economics_chart(retention_economics(1000, 0.8, 50)).get_title()
    'Customer base with a retention gain'
    """
    t = getattr(result, "table", None)
    if not (isinstance(t, pd.DataFrame) and {"customers", "customers_improved"} <= set(t.columns)
            and hasattr(result, "retention") and hasattr(result, "improved_retention")):
        raise CsatInputError("retention_economics_chart needs the result of churn.retention_economics()")
    t = table_of(t, "retention_economics_chart", "the result of churn.retention_economics()",
                 ("customers", "customers_improved"))
    numbers(t["customers"], "the customers by year", "retention_economics_chart")
    numbers(t["customers_improved"], "the customers by year after the gain", "retention_economics_chart")
    numbers([result.retention, result.improved_retention], "the retention rates", "retention_economics_chart")
    ax = _axes(ax)
    ax.plot(t.index, t["customers"], marker="o", label=f"{label('econ.current', language)} ({result.retention:.0%})")
    ax.plot(t.index, t["customers_improved"], marker="o",
            label=f"{label('econ.improved', language)} ({result.improved_retention:.0%})")
    ax.set_title(label("econ.title", language))
    ax.set_xlabel(label("econ.year", language))
    ax.set_ylabel(label("econ.customers", language))
    ax.legend()
    return readable(ax)
