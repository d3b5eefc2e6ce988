"""Survey charts: diverging Likert bars, NPS bar, trend by wave, Kano and gap charts.

Each function returns the matplotlib Axes it drew on; labels come from the
i18n catalog in the current (or given) language.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import pandas as pd
>>> from csat_lab.plots.survey import likert_bars
>>> ax = likert_bars(pd.DataFrame({"q1": [1, 3, 5, 4], "q2": [2, 2, 4, 5]}), scale="agree5")
>>> len(ax.patches)
10
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.validate import require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import label
from ._style import axes

__all__ = ["likert_bars", "nps_bar", "trend_by_wave", "kano_chart", "gap_chart"]


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    return axes(ax, size)


def likert_bars(data: pd.DataFrame, items: list[str] | None = None, *, scale: "str | _scales.Scale" = "agree5",
                language: str | None = None, ax: Any = None) -> Any:
    """Diverging stacked bars of item answers, centred on the neutral point.

    Each item's shares of codes below the midpoint extend left, above it
    right; the neutral code (odd scales) straddles zero half and half
    (Robbins & Heiberger, 2011). Y tick labels carry each item's ``n``.

    Examples
    --------
    >>> ax = likert_bars(pd.DataFrame({"q1": [1, 2, 5]}), scale="satisfaction5", language="zh-CN")
    >>> ax.get_legend().get_texts()[0].get_text()
    '很不满意'
    """
    import matplotlib.pyplot as plt

    data = require_frame(data)
    cols = list(data.columns) if items is None else require_columns(data, items)
    sc = _scales.get(scale)
    shares, ns = [], []
    for c in cols:
        v = sc.validate(data[c], str(c)).dropna()
        if v.empty:
            raise CsatInputError(f"item {c!r} has no answers to plot")
        shares.append(v.value_counts(normalize=True).reindex(sc.values, fill_value=0).to_numpy())
        ns.append(len(v))
    shares = np.array(shares)
    ax = _axes(ax, (8, 0.6 * len(cols) + 1.5))
    colors = plt.get_cmap("RdYlGn")(np.linspace(0.1, 0.9, sc.size))
    mid = sc.midpoint
    codes = np.array(sc.values)
    left = -(shares[:, codes < mid].sum(axis=1) + shares[:, codes == mid].sum(axis=1) / 2)
    y = np.arange(len(cols))
    for j, (code, name) in enumerate(zip(sc.values, sc.labels(language))):
        ax.barh(y, shares[:, j], left=left, color=colors[j], label=name, edgecolor="white")
        left = left + shares[:, j]
    ax.axvline(0, color="black", linewidth=0.8)
    # Bars left of the neutral line are plotted as negative shares; label them as the shares they are.
    from matplotlib.ticker import FuncFormatter

    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{abs(value):.0%}"))
    ax.set_yticks(y, [f"{c} (n={n})" for c, n in zip(cols, ns)])
    ax.invert_yaxis()
    ax.set_xlabel(label("metrics.share", language))
    ax.set_title(sc.title(language))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=min(sc.size, 5), fontsize="small", frameon=False)
    return ax


def nps_bar(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """One stacked bar of detractors, passives and promoters, titled with the NPS and its CI.

    ``result`` is an :class:`~csat_lab.metrics.NPSResult` or 0-10 answers.
    The bar splits into the shares of detractors (0-6), passives (7-8) and
    promoters (9-10); ``NPS = 100 (p+ - p-)`` (Reichheld, 2003).

    Examples
    --------
    >>> ax = nps_bar([10, 9, 8, 3, 10])
    >>> len(ax.patches), ax.get_title()
    (3, 'Net Promoter Score: 40.0 [-30.1, 100.0] (95%)')
    """
    from .. import metrics

    r = result if isinstance(result, metrics.NPSResult) else metrics.nps(result)
    ax = _axes(ax, (8, 1.8))
    left = 0.0
    parts = (("metrics.detractors", r.share_detractors, "#d7301f"), ("metrics.passives", r.share_passives, "#bdbdbd"),
             ("metrics.promoters", r.share_promoters, "#1a9850"))
    for key, share, color in parts:
        ax.barh([0], [share], left=left, color=color, label=label(key, language))
        if share > 0.06:
            ax.text(left + share / 2, 0, f"{share:.0%}", ha="center", va="center", color="white")
        left += share
    ax.set_xlim(0, 1)
    ax.set_yticks([])
    ax.set_xlabel(label("metrics.share", language))
    ax.set_title(f"{label('metrics.nps', language)}: {r.score:.1f} [{r.ci[0]:.1f}, {r.ci[1]:.1f}] ({r.ci_level:.0%})")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, frameon=False)
    return ax


def trend_by_wave(data: pd.DataFrame, score: str, wave: str, *, metric: str = "csat",
                  scale: "str | _scales.Scale | None" = None, language: str | None = None, ax: Any = None) -> Any:
    """A metric per survey wave with its confidence interval as error bars.

    Uses :func:`csat_lab.metrics.compare_groups`; the x axis is the waves in
    sorted order. The bars are each wave's own interval: Wilson's (1927)
    score interval for shares (CSAT, top/bottom box), the normal NPS interval,
    Student's t for mean scores. Overlap is only a rough guide; the test of a
    change is in the ``compare_groups`` table (Welch, 1947, for means).

    Examples
    --------
    >>> df = pd.DataFrame({"wave": [1, 1, 1, 2, 2, 2], "sat": [5, 4, 2, 5, 5, 3]})
    >>> ax = trend_by_wave(df, "sat", "wave")
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['1', '2']
    """
    from .. import metrics

    table = metrics.compare_groups(data, score, wave, metric=metric, scale=scale)
    ax = _axes(ax, (7, 4))
    x = np.arange(len(table))
    est = table["estimate"].to_numpy()
    err = np.vstack([est - table["ci_low"].to_numpy(), table["ci_high"].to_numpy() - est])
    ax.errorbar(x, est, yerr=err, marker="o", capsize=4)
    ax.set_xticks(x, [str(g) for g in table["group"]])
    ax.set_xlabel(label("metrics.wave", language))
    ax.set_ylabel(label(f"metrics.{metric}", language))
    return ax


def kano_chart(table: pd.DataFrame, *, language: str | None = None, ax: Any = None) -> Any:
    """Better against |Worse| for each feature (a :func:`~csat_lab.survey.kano_table`).

    ``Better = (A + O) / (A + O + M + I)`` on the y axis against
    ``|Worse| = (O + M) / (A + O + M + I)`` on the x axis, the customer
    satisfaction coefficients of Berger et al. (1993). Quadrants split at 0.5:
    attractive (top left), one-dimensional (top right), must-be (bottom
    right), indifferent (bottom left).

    Examples
    --------
    >>> t = pd.DataFrame({"better": [0.7, 0.2], "worse": [-0.3, -0.8]}, index=["wifi", "brakes"])
    >>> ax = kano_chart(t)
    >>> [t.get_text() for t in ax.texts][:2]
    ['wifi', 'brakes']
    """
    require_frame(table, "table")
    require_columns(table, ["better", "worse"], "table")
    ax = _axes(ax, (6, 6))
    x, y = table["worse"].abs().to_numpy(), table["better"].to_numpy()
    ax.scatter(x, y)
    for name, xi, yi in zip(table.index, x, y):
        ax.annotate(str(name), (xi, yi), textcoords="offset points", xytext=(4, 4))
    ax.axhline(0.5, color="grey", linestyle="--", linewidth=0.8)
    ax.axvline(0.5, color="grey", linestyle="--", linewidth=0.8)
    for key, (qx, qy) in {"A": (0.25, 0.95), "O": (0.75, 0.95), "M": (0.75, 0.05), "I": (0.25, 0.05)}.items():
        ax.text(qx, qy, label(f"survey.kano.{key}", language), ha="center", color="grey", transform=ax.transAxes)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(label("survey.kano.worse", language))
    ax.set_ylabel(label("survey.kano.better", language))
    ax.set_title(label("survey.kano.title", language))
    return ax


def gap_chart(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Horizontal bars of the perception - expectation gap per item/dimension with CIs.

    ``gap = P - E``, negative (red) where service falls short of what was
    expected: the SERVQUAL gap of Parasuraman, Zeithaml & Berry (1988).

    ``result`` is a :class:`~csat_lab.survey.GapResult` (or its ``table``).

    Examples
    --------
    >>> from csat_lab.survey import gap_scores
    >>> e = pd.DataFrame({"speed": [5, 4, 5], "price": [3, 3, 4]})
    >>> p = pd.DataFrame({"speed": [3, 4, 4], "price": [4, 3, 5]})
    >>> len(gap_chart(gap_scores(e, p)).patches)
    2
    """
    table = result.table if hasattr(result, "table") else require_frame(result, "result")
    require_columns(table, ["name", "gap", "ci_low", "ci_high"], "gap table")
    ax = _axes(ax, (7, 0.5 * len(table) + 1.5))
    y = np.arange(len(table))
    gap = table["gap"].to_numpy()
    colors = np.where(gap < 0, "#d7301f", "#1a9850")
    err = np.vstack([gap - table["ci_low"].to_numpy(), table["ci_high"].to_numpy() - gap])
    ax.barh(y, gap, xerr=err, color=colors, capsize=3)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [str(n) for n in table["name"]])
    ax.invert_yaxis()
    ax.set_xlabel(label("survey.gap", language))
    return ax
