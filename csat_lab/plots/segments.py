"""Charts of segments: Lorenz and Pareto curves, RFM heatmap, value tiers.

Every function draws a result it is given (or its table) and computes no statistic itself.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import csat_lab as cl
>>> ax = cl.plots.lorenz_curve(cl.segments.pareto([50, 30, 10, 5, 5]))
>>> ax.get_title()
'Concentration of customer value (Lorenz curve)'
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from .._core.docstrings import shared_docs
from ..i18n import label
from ._style import axes, numbers, readable, table_of

__all__ = ["lorenz_curve", "pareto_curve", "rfm_heatmap", "value_tier_bars"]

# The explorers' palette.
_GREY, _RED, _BLUE = "#999999", "#d95f02", "#386cb0"


def _axes(ax: Any, size: tuple[float, float] = (6, 4.5)) -> Any:
    return axes(ax, size)


@shared_docs
def lorenz_curve(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Lorenz curve of customer value, with the Gini coefficient in the legend.

    Parameters
    ----------
    result : ParetoResult
        The result of :func:`csat_lab.segments.pareto`: its ``lorenz`` table
        (columns ``customer_share`` and ``value_share``) and ``gini``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: the Lorenz curve and the dashed line of equality.

    Notes
    -----
    With values sorted ascending, the curve joins
    ``(k/n, sum_{i<=k} x_(i) / sum_i x_i)`` for ``k = 0..n`` (Lorenz, 1905);
    the dashed diagonal is equal value, and the Gini coefficient, read from
    the result, is twice the area between the two (Gini, 1912).

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth.
    Publications of the American Statistical Association, 9(70), 209-219.

    Gini, C. (1912). Variabilità e mutabilità. Bologna: Tipografia di Paolo Cuppini.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.segments import pareto
    >>> ax = lorenz_curve(pareto([50, 30, 10, 5, 5]))
    >>> ax.lines[0].get_ydata().tolist(), ax.get_legend().get_texts()[0].get_text()
    ([0.0, 0.05, 0.1, 0.2, 0.5, 1.0], 'Gini coefficient = 0.46')
    >>> plt.close(ax.figure)
    """
    lz = getattr(result, "lorenz", None)
    if not (isinstance(lz, pd.DataFrame) and {"customer_share", "value_share"} <= set(lz.columns)
            and hasattr(result, "gini")):
        raise CsatInputError("lorenz_curve needs the result of segments.pareto()")
    _lorenz_checked(result, "lorenz_curve")
    ax = _axes(ax)
    ax.plot(lz["customer_share"], lz["value_share"], label=f"{label('segments.gini', language)} = {result.gini:.2f}")
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label=label("segments.equality", language))
    ax.set_title(label("segments.lorenz_title", language))
    ax.set_xlabel(label("segments.customer_share", language))
    ax.set_ylabel(label("segments.value_share", language))
    for axis in (ax.xaxis, ax.yaxis):  # shares in percent, as the 80/20 headline and the Pareto chart beside it
        axis.set_major_formatter("{x:.0%}")
    ax.legend()
    return readable(ax)


def _lorenz_checked(result: Any, chart: str) -> None:
    """The Lorenz table of a Pareto result holds finite shares and the Gini is a number, or an input error."""
    lz = table_of(result, chart, "the result of segments.pareto()", ("customer_share", "value_share"), attr="lorenz")
    for column in ("customer_share", "value_share"):
        share = numbers(lz[column], f"the Lorenz curve's {column}", chart)
        if (share < -1e-9).any() or (share > 1 + 1e-9).any():
            raise CsatInputError(f"{chart}: the Lorenz curve's {column} must lie between 0 and 1")
    if chart == "lorenz_curve":
        numbers([result.gini], "the Gini coefficient", chart)


@shared_docs
def pareto_curve(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Share of value against share of customers, largest customers first, with the top share marked.

    Parameters
    ----------
    result : ParetoResult
        The result of :func:`csat_lab.segments.pareto` (``lorenz``, ``top``
        and ``top_share``), as :func:`csat_lab.widgets.models.pareto_model`
        returns.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: the curve, the diagonal and the marked top share.

    Notes
    -----
    The Lorenz curve ``L`` (Lorenz, 1905) read from the top: the blue curve
    joins ``(1 - p, 1 - L(p))``, so its height at ``x`` is the share of value
    the top ``x`` of customers bring. The dashed diagonal is equal value; the
    orange dotted guide and dot mark the result's ``(top, top_share)``, the
    "80/20" reading (``top_share = 1 - L(1 - top)``).

    References
    ----------
    Lorenz, M. O. (1905). Methods of measuring the concentration of wealth.
    Publications of the American Statistical Association, 9(70), 209-219.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.segments import pareto
    >>> ax = pareto_curve(pareto([50, 30, 10, 5, 5], top=0.2))
    >>> ax.lines[0].get_ydata().round(2).tolist(), ax.lines[3].get_ydata().tolist()
    ([1.0, 0.95, 0.9, 0.8, 0.5, 0.0], [0.5])
    >>> plt.close(ax.figure)
    """
    lz = getattr(result, "lorenz", None)
    if not (isinstance(lz, pd.DataFrame) and {"customer_share", "value_share"} <= set(lz.columns)
            and hasattr(result, "top") and hasattr(result, "top_share")):
        raise CsatInputError("pareto_curve needs the result of segments.pareto()")
    _lorenz_checked(result, "pareto_curve")
    numbers([result.top, result.top_share], "top and top_share", "pareto_curve")
    ax = _axes(ax)
    ax.plot(1 - lz["customer_share"], 1 - lz["value_share"], color=_BLUE)
    ax.plot([0, 1], [0, 1], ls="--", color=_GREY)
    ax.plot([result.top, result.top, 0], [0, result.top_share, result.top_share], ls=":", color=_RED)
    ax.plot([result.top], [result.top_share], "o", color=_RED)
    ax.set_xlabel(label("widgets.pareto.x", language))
    ax.set_ylabel(label("widgets.pareto.y", language))
    for axis in (ax.xaxis, ax.yaxis):
        axis.set_major_formatter("{x:.0%}")
    return readable(ax)


@shared_docs
def rfm_heatmap(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Mean monetary value by R score (rows) and F score (columns) of an RFM table.

    Parameters
    ----------
    result : RFMResult or pandas.DataFrame
        The result of :func:`csat_lab.segments.rfm`, or its ``table``: one
        row per customer with the columns ``R``, ``F`` and ``monetary``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on, the best recency score at the top, each mean printed in its cell.

    Notes
    -----
    Cell ``(r, f)`` is the mean of ``monetary`` over the customers with those
    recency and frequency scores (a cross-tabulation of the given scores,
    not a new statistic): the RFM grid of Hughes (1994).

    References
    ----------
    Hughes, A. M. (1994). Strategic database marketing. Chicago: Probus.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.segments import rfm
    >>> log = pd.DataFrame({"customer_id": [1, 2, 3], "date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
    ...                     "amount": [10.0, 20.0, 30.0]})
    >>> rfm_heatmap(rfm(log, bins=3, now="2024-12-31")).get_ylabel()
    'R score'
    """
    import seaborn as sns

    table = table_of(result, "rfm_heatmap", "the result of segments.rfm() or its table", ("R", "F", "monetary"),
                     attr="table")
    numbers(table["monetary"], "the monetary values", "rfm_heatmap")
    for score in ("R", "F"):
        numbers(table[score].astype(object), f"the {score} scores", "rfm_heatmap")
    ax = _axes(ax)
    grid = table.pivot_table(index="R", columns="F", values="monetary", aggfunc="mean", observed=True)
    sns.heatmap(grid.sort_index(ascending=False), ax=ax, annot=True, fmt=".0f", cmap="Purples",
                cbar_kws={"label": label("segments.monetary", language)})
    ax.set_title(label("segments.rfm_title", language))
    ax.set_xlabel(label("segments.F", language))
    ax.set_ylabel(label("segments.R", language))
    return readable(ax)


@shared_docs
def value_tier_bars(values: Any, tiers: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Share of customers and share of value in each tier, side by side.

    Parameters
    ----------
    values : array-like or pandas.Series of float
        One value per customer, in the order (or with the index) of ``tiers``.
    tiers : pandas.Series
        The tier of each customer, ``"high"``, ``"medium"`` or ``"low"``, as
        :func:`csat_lab.segments.value_tiers` returns.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4.5 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: two bars per tier (customers, value), high tier first.

    Notes
    -----
    For tier ``t``: ``customers_t = n_t / n`` beside
    ``value_t = sum_{i in t} v_i / sum_i v_i``; the gap between the two bars
    is the customer pyramid of Zeithaml, Rust & Lemon (2001): a few customers
    carry most of the value.

    References
    ----------
    Zeithaml, V. A., Rust, R. T., & Lemon, K. N. (2001). The customer
    pyramid: Creating and serving profitable customers. California
    Management Review, 43(4), 118-142.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg")
    >>> from csat_lab.segments import value_tiers
    >>> v = pd.Series([500, 20, 80, 150, 5])
    >>> value_tier_bars(v, value_tiers(v)).get_title()
    'Customers and value by tier'
    """
    order = ["high", "medium", "low"]
    if isinstance(tiers, (str, bytes)) or np.ndim(tiers) != 1:
        raise CsatInputError(f"value_tier_bars: tiers must be one tier per customer (a Series or list), got {tiers!r}")
    tiers = pd.Series(tiers) if not isinstance(tiers, pd.Series) else tiers
    if isinstance(values, (str, bytes, pd.DataFrame)) or np.ndim(values) != 1:
        raise CsatInputError(f"value_tier_bars: values must be one value per customer (a Series or list), got "
                             f"{type(values).__name__}")
    if len(values) != len(tiers) or len(tiers) == 0:
        raise CsatInputError(f"value_tier_bars: values has {len(values)} entries and tiers {len(tiers)}; "
                             "expected one value and one tier per customer (at least one)")
    unknown = sorted({str(t) for t in tiers.astype(object) if t not in order})
    if unknown:
        raise CsatInputError(f"value_tier_bars: tiers must be 'high', 'medium' or 'low' "
                             f"(segments.value_tiers()); got {unknown[:5]}")
    v = pd.Series(numbers(values, "values", "value_tier_bars"), index=tiers.index)
    if (v < 0).any() or v.sum() <= 0:
        raise CsatInputError("value_tier_bars: values must be non-negative with a positive total, "
                             "so each tier's share of the value is defined")
    ax = _axes(ax)
    cust = tiers.value_counts(normalize=True).reindex(order, fill_value=0)
    val = v.groupby(tiers.astype(object)).sum().reindex(order, fill_value=0) / v.sum()
    x = np.arange(len(order))
    ax.bar(x - 0.2, cust.to_numpy(), width=0.4, label=label("segments.customers", language))
    ax.bar(x + 0.2, val.to_numpy(), width=0.4, label=label("segments.value", language))
    ax.set_xticks(x, [label(f"segments.tier.{t}", language) for t in order])
    ax.set_title(label("segments.tier_title", language))
    ax.legend()
    return readable(ax)
