"""Charts of satisfaction -> loyalty results (matplotlib, imported on first use).

Each function takes a result of :mod:`csat_lab.loyalty` and an optional
``ax`` and returns the Axes it drew; titles and labels come from the catalog.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> from csat_lab.loyalty import loyalty_curve
>>> from csat_lab.plots.loyalty import loyalty_curve_plot
>>> df = pd.DataFrame({"sat": [1, 2, 3, 4, 5] * 4, "rebuy": [0, 0, 0, 1, 1] * 3 + [0, 1, 0, 0, 1]})
>>> ax = loyalty_curve_plot(loyalty_curve(df, "sat", "rebuy", scale="satisfaction5"))
>>> ax.get_xlabel()
'Satisfaction'
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from ..i18n import label

__all__ = ["loyalty_curve_plot", "driver_importance_plot", "ipa_plot", "path_model_plot"]

_ZONE_COLOURS = {"defection": "#f4cccc", "indifference": "#fff2cc", "affection": "#d9ead3"}


def _axes(ax: Any) -> Any:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(6, 4))[1]


def loyalty_curve_plot(curve: Any, *, ax: Any = None) -> Any:
    """Predicted loyalty by satisfaction level with CI bars, zones shaded (Jones & Sasser 1995).

    Parameters
    ----------
    curve : DataFrame from :func:`~csat_lab.loyalty.loyalty_curve` or a ``LoyaltyModel``
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    table = getattr(curve, "predicted", curve)
    if not isinstance(table, pd.DataFrame) or not {"level", "estimate", "ci_low", "ci_high"} <= set(table.columns):
        raise CsatInputError("loyalty_curve_plot needs the table of loyalty_curve() or a LoyaltyModel")
    ax = _axes(ax)
    x = table["level"].to_numpy(dtype=float)
    if "zone" in table.columns:
        for zone, part in table.groupby("zone", sort=False):
            if zone:
                lo, hi = part["level"].min() - 0.5, part["level"].max() + 0.5
                ax.axvspan(lo, hi, color=_ZONE_COLOURS.get(zone, "#eeeeee"), alpha=0.6, lw=0,
                           label=label(f"loyalty.zone.{zone}"))
    err = np.vstack([table["estimate"] - table["ci_low"], table["ci_high"] - table["estimate"]])
    ax.errorbar(x, table["estimate"], yerr=err, fmt="o-", color="#1f4e79", capsize=4)
    ax.set_xticks(x)
    ax.set_xlabel(label("loyalty.satisfaction"))
    ax.set_ylabel(label("loyalty.predicted_loyalty"))
    ax.set_title(label("loyalty.curve_title"))
    if "zone" in table.columns:
        ax.legend(loc="upper left", fontsize="small")
    return ax


def driver_importance_plot(table: pd.DataFrame, *, ax: Any = None) -> Any:
    """Horizontal bars of each driver's share of R^2, with bootstrap CIs when present.

    Parameters
    ----------
    table : DataFrame from ``shapley_importance`` or ``relative_weights``
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    if not isinstance(table, pd.DataFrame) or "share" not in table.columns:
        raise CsatInputError("driver_importance_plot needs the table of shapley_importance() or relative_weights()")
    ax = _axes(ax)
    data = table.sort_values("share")
    xerr = None
    if {"share_ci_low", "share_ci_high"} <= set(data.columns):
        xerr = np.vstack([data["share"] - data["share_ci_low"], data["share_ci_high"] - data["share"]])
    ax.barh([str(i) for i in data.index], data["share"], xerr=xerr, color="#2e75b6", capsize=3)
    ax.set_xlabel(label("loyalty.importance"))
    ax.set_ylabel(label("loyalty.driver"))
    ax.set_title(label("loyalty.importance_title"))
    return ax


def ipa_plot(table: pd.DataFrame, *, ax: Any = None) -> Any:
    """Importance-performance map with crosshairs and the four quadrant names (Martilla & James 1977).

    Parameters
    ----------
    table : DataFrame from :func:`~csat_lab.loyalty.ipa`
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    if not isinstance(table, pd.DataFrame) or not {"importance", "performance"} <= set(table.columns):
        raise CsatInputError("ipa_plot needs the table of ipa()")
    ax = _axes(ax)
    ax.scatter(table["performance"], table["importance"], color="#1f4e79", zorder=3)
    for name, row in table.iterrows():
        ax.annotate(str(name), (row["performance"], row["importance"]), xytext=(4, 4), textcoords="offset points")
    x_cut = table.attrs.get("performance_split", table["performance"].mean())
    y_cut = table.attrs.get("importance_split", table["importance"].mean())
    ax.axvline(x_cut, color="grey", lw=1)
    ax.axhline(y_cut, color="grey", lw=1)
    corners = {"concentrate": (0.02, 0.97, "left", "top"), "keep_up": (0.98, 0.97, "right", "top"),
               "low_priority": (0.02, 0.03, "left", "bottom"), "overkill": (0.98, 0.03, "right", "bottom")}
    for key, (x, y, ha, va) in corners.items():
        ax.text(x, y, label(f"loyalty.quadrant.{key}"), transform=ax.transAxes, ha=ha, va=va,
                fontsize="small", color="#7f7f7f")
    ax.set_xlabel(label("loyalty.performance"))
    ax.set_ylabel(label("loyalty.importance"))
    ax.set_title(label("loyalty.ipa_title"))
    return ax


def path_model_plot(result: Any, *, ax: Any = None) -> Any:
    """Construct diagram of a PLS path model: arrows labelled with path coefficients, R^2 under each box.

    Constructs are placed left to right in causal order (exogenous first).

    Parameters
    ----------
    result : PLSResult from :func:`~csat_lab.loyalty.pls_path_model`
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes
    """
    paths = getattr(result, "paths", None)
    if not isinstance(paths, pd.DataFrame):
        raise CsatInputError("path_model_plot needs the result of pls_path_model()")
    names = list(result.lv_correlations.index)
    depth = dict.fromkeys(names, 0)
    for _ in names:
        for s, t in paths[["source", "target"]].itertuples(index=False):
            depth[t] = max(depth[t], depth[s] + 1)
    columns: dict[int, list[str]] = {}
    for n in names:
        columns.setdefault(depth[n], []).append(n)
    pos = {n: (d, (len(col) - 1) / 2 - i) for d, col in columns.items() for i, n in enumerate(col)}
    ax = _axes(ax)
    for s, t, c in paths[["source", "target", "coef"]].itertuples(index=False):
        (x0, y0), (x1, y1) = pos[s], pos[t]
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0),
                    arrowprops={"arrowstyle": "->", "color": "#7f7f7f", "shrinkA": 18, "shrinkB": 18})
        ax.text((x0 + x1) / 2, (y0 + y1) / 2, f"{c:.2f}", ha="center", va="center", fontsize="small",
                bbox={"boxstyle": "round", "fc": "white", "ec": "none"})
    for n, (x, y) in pos.items():
        ax.text(x, y, n, ha="center", va="center", bbox={"boxstyle": "round", "fc": "#deebf7", "ec": "#2e75b6"})
        if n in result.r2.index:
            ax.text(x, y - 0.3, f"R² {result.r2[n]:.2f}", ha="center", va="top", fontsize="x-small")
    ax.set_xlim(-0.5, max(depth.values()) + 0.5)
    ys = [y for _, y in pos.values()]
    ax.set_ylim(min(ys) - 0.8, max(ys) + 0.6)
    ax.set_axis_off()
    ax.set_title(label("loyalty.path_title"))
    return ax
