"""Survey charts: diverging Likert bars, NPS bars and intervals, trend by wave, Kano, gap, disconfirmation
and margin-of-error charts.

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

import functools
from typing import Any, Callable, Sequence, TypeVar

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.docstrings import shared_docs
from .._core.deprecation import keyword_only
from .._core.validate import require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import display_name, display_value, has_label, label
from ..i18n.numbers import format_number
from ._style import axes, draw_intervals, intervals, label_points, numbers, readable, repel, table_of, wrap_label

F = TypeVar("F", bound=Callable[..., Any])

__all__ = ["likert_bars", "nps_bar", "nps_share_strip", "nps_interval_chart", "trend_by_wave", "kano_chart",
           "gap_chart", "disconfirmation_bars", "margin_of_error_curve"]

# The explorers' palette.
_GREEN, _GREY, _RED, _BLUE = "#1b9e77", "#bbbbbb", "#d95f02", "#386cb0"
# satisfaction5 levels 1..5, red to green.
_LEVEL_COLOURS = {1: "#d7191c", 2: "#fdae61", 3: "#bbbbbb", 4: "#a6d96a", 5: "#1a9641"}


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    return axes(ax, size)


@keyword_only(1, "items")
@shared_docs
def likert_bars(data: pd.DataFrame, *, items: list[str] | None = None, scale: "str | _scales.Scale" = "agree5",
                language: str | None = None, ax: Any = None) -> Any:
    """Diverging stacked bars of item answers, centred on the neutral point.

    Parameters
    ----------
    data : pandas.DataFrame
        Answers, one row per respondent and one column per item, coded on ``scale``.
    items : list of str, optional
        Columns of ``data`` to draw, one bar each (top to bottom); every column by default.
        (Passing them as the second positional argument still works for one release, with a
        ``DeprecationWarning``.)
    scale : str or Scale, default "agree5"
        The answer scale, a name such as ``"satisfaction5"`` or a :class:`~csat_lab.scales.Scale`;
        answers outside it raise :class:`~csat_lab.errors.CsatInputError`.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 8 x (0.6 per item + 1.5) inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one row of stacked bars per item (named by its
        display name, ``item (n=...)``), the scale's labels in the legend below.
        Items whose display name belongs to one dataset only (the tracker's
        ``q1``-``q6``) are named when the columns are renamed first:
        ``likert_bars(cl.datasets.display_table(data[items], "csat_tracker"))``.

    Notes
    -----
    Missing answers are left out item by item. For item ``i`` and code ``c``
    the segment width is the share ``p_ic = n_ic / n_i``; codes below the
    midpoint extend left, codes above it right, and the neutral code (odd
    scales) straddles zero half and half, so each bar starts at
    ``-(sum_{c < mid} p_ic + p_i,mid / 2)`` (Robbins & Heiberger, 2011). The
    x axis shows the shares as positive percentages on both sides; the y tick
    labels carry each item's ``n``.

    References
    ----------
    Robbins, N. B., & Heiberger, R. M. (2011). Plotting Likert and other rating
    scales. Proceedings of the Survey Research Methods Section, American
    Statistical Association.

    Examples
    --------
    >>> ax = likert_bars(pd.DataFrame({"q1": [1, 2, 5]}), scale="satisfaction5", language="zh-CN")
    >>> ax.get_legend().get_texts()[0].get_text()
    '很不满意'
    >>> [t.get_text() for t in likert_bars(pd.DataFrame({"q1": [1, 2], "q2": [5, 4]}), items=["q2"]).get_yticklabels()]
    ['q2 (n=2)']
    """
    import matplotlib.pyplot as plt

    data = require_frame(data)
    cols = list(data.columns) if items is None else require_columns(data, items)
    if not cols:
        raise CsatInputError("likert_bars: items is empty; name at least one column of data to draw")
    twice = sorted({str(c) for c in cols if (data.columns == c).sum() > 1})
    if twice:
        raise CsatInputError(f"likert_bars: data has the column(s) {twice} more than once; give each item one column")
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
    ax.set_yticks(y, [f"{display_name(c, language=language)} (n={n})" for c, n in zip(cols, ns)])
    ax.invert_yaxis()
    ax.set_xlabel(label("metrics.share", language))
    ax.set_title(sc.title(language))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=min(sc.size, 5), fontsize="small", frameon=False)
    return readable(ax)


_NPS_SHARES = ("share_detractors", "share_passives", "share_promoters")


def _nps_result(result: Any, chart: str, needs: Sequence[str] = ()) -> Any:
    """``result`` itself when it is an NPS result (duck-typed), else an input error saying how to get one."""
    if all(hasattr(result, name) for name in (*_NPS_SHARES, *needs)):
        shares = numbers([getattr(result, name) for name in _NPS_SHARES], "the shares of detractors, passives and "
                         "promoters", chart)
        if (shares < 0).any() or (shares > 1).any() or abs(shares.sum() - 1) > 1e-6:
            raise CsatInputError(f"{chart}: the shares of detractors, passives and promoters must lie in [0, 1] "
                                 f"and add up to 1; got {[round(float(x), 4) for x in shares]}")
        if "ci" in needs:
            _nps_interval(result, chart)
        return result
    raise CsatInputError(f"{chart} draws an NPS result, not answers: plots compute no statistics. "
                         f"Compute the NPS first and plot it: cl.metrics.nps(answers).plot(), or "
                         f"cl.plots.{chart}(cl.metrics.nps(answers))")


def _nps_interval(result: Any, chart: str) -> tuple[float, float, float]:
    """The NPS and its interval, finite and in order, or an input error saying what was expected."""
    ci = getattr(result, "ci", None)
    if not (isinstance(ci, (tuple, list, np.ndarray)) and len(ci) == 2):
        raise CsatInputError(f"{chart} needs an NPS result whose ci is a (low, high) pair, got ci={ci!r}")
    est, lo, hi = intervals([getattr(result, "score", None)], [ci[0]], [ci[1]], "the NPS", chart)
    return float(est[0]), float(lo[0]), float(hi[0])


@shared_docs
def nps_bar(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """One stacked bar of detractors, passives and promoters, titled with the NPS and its CI.

    Parameters
    ----------
    result : NPSResult
        An NPS result: :func:`~csat_lab.metrics.nps`,
        :func:`~csat_lab.metrics.nps_from_counts`, or any object with
        ``share_detractors``, ``share_passives``, ``share_promoters``,
        ``score``, ``ci`` (and optionally ``ci_level``). Raw 0-10 answers
        raise :class:`~csat_lab.errors.CsatInputError`: a chart computes
        nothing, so call ``cl.metrics.nps(answers).plot()`` instead.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 8 x 1.8 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: three bar segments (detractors, passives,
        promoters, left to right), each share printed on it when above 6%.

    Notes
    -----
    The bar spans ``[0, 1]`` split into the shares of detractors (0-6),
    passives (7-8) and promoters (9-10); the title reads
    ``NPS = 100 (p+ - p-)`` with the result's interval and level
    (Reichheld, 2003).

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. Harvard
    Business Review, 81(12), 46-54.

    Examples
    --------
    >>> from csat_lab.metrics import nps_from_counts
    >>> ax = nps_bar(nps_from_counts(3, 1, 1, method="wald"))
    >>> len(ax.patches), ax.get_title()
    (3, 'Net Promoter Score: 40.0 [-30.1, 100.0] (95%)')
    >>> nps_bar([10, 9, 8, 3, 10])
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: nps_bar draws an NPS result, not answers: ...
    """
    r = _nps_result(result, "nps_bar", ("score", "ci"))
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
    level = getattr(r, "ci_level", None)
    score, low, high = _nps_interval(r, "nps_bar")
    title = f"{label('metrics.nps', language)}: {score:.1f} [{low:.1f}, {high:.1f}]"
    ax.set_title(title + (f" ({level:.0%})" if level is not None else ""))
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=3, frameon=False)
    return readable(ax)


@shared_docs
def nps_share_strip(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """A compact stacked bar of the detractor, passive and promoter shares, its legend above the figure.

    The explorers' version of :func:`nps_bar`: no title and no printed
    shares, so it fits beside :func:`nps_interval_chart`.

    Parameters
    ----------
    result : NPSResult
        An NPS result (from :func:`~csat_lab.metrics.nps` or
        :func:`~csat_lab.metrics.nps_from_counts`), or any object with
        ``share_detractors``, ``share_passives`` and ``share_promoters``.
        Raw 0-10 answers raise :class:`~csat_lab.errors.CsatInputError`
        (compute ``cl.metrics.nps(answers)`` first).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 4 x 1.8 inches (constrained layout) is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: three bar segments, the legend on its figure.

    Notes
    -----
    Draws one horizontal bar on ``[0, 1]`` split into the shares of
    detractors (0-6, orange), passives (7-8, grey) and promoters (9-10,
    green), whose difference is ``NPS = 100 (p+ - p-)`` (Reichheld, 2003).
    The legend is a figure legend (``loc="outside upper center"``), so a panel
    beside the strip keeps its full height.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. Harvard
    Business Review, 81(12), 46-54.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.metrics import nps_from_counts
    >>> ax = nps_share_strip(nps_from_counts(50, 30, 20))
    >>> [round(float(bar.get_width()), 2) for bar in ax.patches]
    [0.2, 0.3, 0.5]
    >>> [t.get_text() for t in ax.figure.legends[0].get_texts()]
    ['Detractors (0-6)', 'Passives (7-8)', 'Promoters (9-10)']
    >>> plt.close(ax.figure)
    """
    r = _nps_result(result, "nps_share_strip")
    made = ax is None
    ax = _axes(ax, (4, 1.8))
    if made:
        ax.figure.set_layout_engine("constrained")  # room for the legend above
    shares = [r.share_detractors, r.share_passives, r.share_promoters]
    names = [label(f"widgets.nps.{part}", language) for part in ("detractors", "passives", "promoters")]
    start = 0.0
    for share, name, colour in zip(shares, names, (_RED, _GREY, _GREEN)):
        ax.barh([0], [share], left=start, color=colour, label=name)
        start += share
    ax.set_xlim(0, 1)
    ax.set_yticks([])
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.set_xlabel(label("widgets.nps.share", language))
    ax.figure.legend(*ax.get_legend_handles_labels(), loc="outside upper center", ncol=3, frameon=False, fontsize=8)
    return readable(ax)


@shared_docs
def nps_interval_chart(results: Any, names: Sequence[str] | None = None, *, language: str | None = None,
                       ax: Any = None) -> Any:
    """Each NPS as a dot with its confidence interval on the -100 to +100 scale, zero marked.

    Parameters
    ----------
    results : NPSResult, sequence of NPSResult, or a two-wave result
        One :class:`~csat_lab.metrics.NPSResult`, several (one row each, the
        first at the bottom), or an object with ``wave1`` and ``wave2`` NPS results such as
        :func:`csat_lab.widgets.models.nps_difference_model` returns.
    names : sequence of str, optional
        Row labels; by default "NPS" for one result, the catalog's wave names
        for two waves, and 1, 2, ... otherwise.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 5 x (0.5 per row + 1.5) inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one dot with error bars per result on the -100 to +100 axis.

    Notes
    -----
    Each row is ``NPS = 100 (p+ - p-)`` (Reichheld, 2003) with an error bar
    from ``ci[0]`` to ``ci[1]``, the interval of the result (normal
    approximation with ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)`` unless
    another method was asked for); a grey line marks NPS = 0. Nothing is
    recomputed: the intervals are the results' own.

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. Harvard
    Business Review, 81(12), 46-54.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.metrics import nps_from_counts
    >>> r = nps_from_counts(50, 30, 20)
    >>> ax = nps_interval_chart(r)
    >>> [t.get_text() for t in ax.get_yticklabels()], [float(x) for x in ax.get_xlim()]
    (['NPS'], [-100.0, 100.0])
    >>> bar = ax.containers[0].lines[2][0].get_segments()[0]
    >>> bool(np.allclose(bar[:, 0], r.ci))
    True
    >>> plt.close(ax.figure)
    """
    if hasattr(results, "wave1") and hasattr(results, "wave2"):
        rows = [results.wave1, results.wave2]
        default = [label("widgets.wave1", language), label("widgets.wave2", language)]
    elif hasattr(results, "score") and hasattr(results, "ci"):
        rows, default = [results], [label("widgets.tab.nps", language)]
    elif not isinstance(results, (str, bytes, dict, pd.DataFrame, pd.Series)) and hasattr(results, "__iter__"):
        rows = list(results)
        default = [str(i + 1) for i in range(len(rows))]
    else:
        rows = []
    if not rows or not all(hasattr(r, "score") and hasattr(r, "ci") for r in rows):
        raise CsatInputError("nps_interval_chart needs NPS results (with a score and a ci), e.g. from metrics.nps(), "
                             f"or a list of them; got {type(results).__name__}")
    names = default if names is None else [names] if isinstance(names, str) else [str(n) for n in names]
    if len(names) != len(rows):
        raise CsatInputError(f"nps_interval_chart got {len(names)} names for {len(rows)} results")
    bounds = [_nps_interval(r, "nps_interval_chart") for r in rows]
    ax = _axes(ax, (5, 0.5 * len(rows) + 1.5))
    ax.axvline(0, color=_GREY, lw=1)
    for i, (s, lo, hi) in enumerate(bounds):
        draw_intervals(ax, np.array([i]), np.array([s]), np.array([lo]), np.array([hi]), horizontal=True, fmt="o",
                       color=_BLUE, capsize=4)
    ax.set_yticks(range(len(names)), names)
    ax.set_xlim(-100, 100)
    ax.set_ylim(-0.6, len(names) - 0.4)
    ax.set_xlabel(label("widgets.nps.axis", language))
    return readable(ax)


def _results_only(func: F) -> F:
    """Turn the old computing call ``trend_by_wave(data, score, wave, ...)`` into an error that says what to call."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        old = [k for k in ("data", "score", "wave", "metric", "scale") if k in kwargs]
        if len(args) > 1 or old:
            raise CsatInputError(
                f"{func.__name__} draws a comparison that is already computed (plots compute no statistics); "
                "the call trend_by_wave(data, score, wave, ...) was removed. Use "
                "cl.metrics.compare_groups(data, score=..., group=..., metric=...).plot(), or pass its result: "
                f"cl.plots.{func.__name__}(cl.metrics.compare_groups(data, score=..., group=...))")
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


_TREND_COLUMNS = ("group", "estimate", "ci_low", "ci_high")


@_results_only
@shared_docs
def trend_by_wave(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """A metric per survey wave (group) with its confidence interval as error bars.

    Parameters
    ----------
    result : TableResult or pandas.DataFrame
        The result of :func:`csat_lab.metrics.compare_groups` (one row per
        group), or its ``table``: columns ``group``, ``estimate``, ``ci_low``,
        ``ci_high`` and, for the y label, ``metric``. The old call
        ``trend_by_wave(data, score, wave, ...)`` raises
        :class:`~csat_lab.errors.CsatInputError`: a chart computes nothing, so
        call ``cl.metrics.compare_groups(data, score=..., group=...).plot()``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one point per group in table order, joined by a
        line, with error bars from ``ci_low`` to ``ci_high``.

    Notes
    -----
    The groups are shown by their labels and the x axis by the group column's
    display name when the result names the column (:func:`csat_lab.i18n.display_value`),
    else "Wave". The bars are each group's own interval as computed by ``compare_groups``:
    Wilson's (1927) score interval for shares (CSAT, top/bottom box), the
    normal NPS interval, Student's t for mean scores. Overlap is only a rough
    guide; the test of a change is in the ``compare_groups`` table
    (``difference``, ``p_value``; Welch, 1947, for means).

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and
    statistical inference. Journal of the American Statistical Association,
    22(158), 209-212.

    Welch, B. L. (1947). The generalization of "Student's" problem when
    several different population variances are involved. Biometrika, 34(1/2), 28-35.

    Examples
    --------
    >>> table = pd.DataFrame({"group": [1, 2], "metric": ["csat", "csat"], "estimate": [0.5, 0.75],
    ...                       "ci_low": [0.2, 0.4], "ci_high": [0.8, 0.9]})
    >>> ax = trend_by_wave(table)
    >>> [t.get_text() for t in ax.get_xticklabels()], ax.get_ylabel()
    (['1', '2'], 'CSAT (top-box share)')
    >>> trend_by_wave(table, "sat", "wave")
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: trend_by_wave draws a comparison that is already computed ...
    """
    table = table_of(result, "trend_by_wave", "the result of cl.metrics.compare_groups(data, score=..., group=...) "
                     "(plots compute no statistics)", _TREND_COLUMNS, attr="table")
    est, low, high = intervals(table["estimate"], table["ci_low"], table["ci_high"], "the estimate", "trend_by_wave",
                               table["group"])
    ax = _axes(ax, (7, 4))
    x = np.arange(len(table))
    draw_intervals(ax, x, est, low, high, fmt="o-", capsize=4)
    column = getattr(result, "group", None)  # the data column holding the groups, when the result names it
    column = column if isinstance(column, str) else None
    ax.set_xticks(x, [display_value(g, column, language=language) for g in table["group"]])
    ax.set_xlabel(display_name(column, language=language) if column else label("metrics.wave", language))
    metrics_named = table["metric"].dropna().unique() if "metric" in table.columns else []
    if len(metrics_named) == 1:
        key = f"metrics.{metrics_named[0]}"
        ax.set_ylabel(label(key, language) if has_label(key) else str(metrics_named[0]))
    return readable(ax)


@shared_docs
def kano_chart(table: Any, *, highlight: str | None = None, language: str | None = None, ax: Any = None) -> Any:
    """Better against |Worse| for each feature of a Kano table, in the four Kano quadrants.

    Parameters
    ----------
    table : TableResult or pandas.DataFrame
        The result of :func:`~csat_lab.survey.kano_table`, its ``table``, or
        any result with a ``table`` of features (index) with the columns
        ``better`` and ``worse`` (e.g. :class:`~csat_lab.widgets.models.KanoCalculation`).
    highlight : str, optional
        A feature (index value) whose point is ringed in orange, as the Kano
        explorer marks its chosen feature; an unknown feature raises
        :class:`~csat_lab.errors.CsatInputError`.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 6 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one point per feature on the unit square, labelled
        with the feature's display name (``free_wifi`` as "Free Wi-Fi").

    Notes
    -----
    ``Better = (A + O) / (A + O + M + I)`` on the y axis against
    ``|Worse| = (O + M) / (A + O + M + I)`` on the x axis, the customer
    satisfaction coefficients of Berger et al. (1993) for Kano et al.'s
    (1984) categories. Quadrants split at 0.5: attractive (top left),
    one-dimensional (top right), must-be (bottom right), indifferent (bottom
    left). The coefficients are read from the table, not recomputed.

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F., & Tsuji, S. (1984). Attractive
    quality and must-be quality. Journal of the Japanese Society for Quality
    Control, 14(2), 39-48.

    Berger, C., et al. (1993). Kano's methods for understanding
    customer-defined quality. Center for Quality Management Journal, 2(4), 3-36.

    Examples
    --------
    >>> t = pd.DataFrame({"better": [0.7, 0.2], "worse": [-0.3, -0.8]}, index=["wifi", "brakes"])
    >>> ax = kano_chart(t)
    >>> [t.get_text() for t in ax.texts][:2]
    ['wifi', 'brakes']
    >>> kano_chart(t, highlight="brakes").collections[1].get_offsets().tolist()
    [[0.8, 0.2]]
    """
    table = table_of(table, "kano_chart", "the result of survey.kano_table() or its table", ("better", "worse"),
                     attr="table")
    x = np.abs(numbers(table["worse"], "Worse", "kano_chart"))
    y = numbers(table["better"], "Better", "kano_chart")
    if (x > 1).any() or (y < 0).any() or (y > 1).any():
        raise CsatInputError("kano_chart: Better must lie in [0, 1] and Worse in [-1, 0] "
                             "(shares of respondents, Berger et al. 1993); the table holds other values")
    ax = _axes(ax, (6, 6))
    ax.scatter(x, y)
    labels = label_points(ax, [wrap_label(display_name(name, language=language)) for name in table.index], x, y)
    ax.axhline(0.5, color="grey", linestyle="--", linewidth=0.8)
    ax.axvline(0.5, color="grey", linestyle="--", linewidth=0.8)
    captions = [ax.text(qx, qy, label(f"survey.kano.{key}", language), ha="center", va=va, color="grey",
                        transform=ax.transAxes)
                for key, (qx, qy, va) in {"A": (0.25, 0.97, "top"), "O": (0.75, 0.97, "top"),
                                          "M": (0.75, 0.03, "bottom"), "I": (0.25, 0.03, "bottom")}.items()]
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_xlabel(label("survey.kano.worse", language))
    ax.set_ylabel(label("survey.kano.better", language))
    ax.set_title(label("survey.kano.title", language))
    if highlight is not None:
        where = np.flatnonzero(table.index.astype(str) == str(highlight))
        if not len(where):
            raise CsatInputError(f"kano_chart: no feature {highlight!r} to highlight; features are: "
                                 f"{', '.join(map(str, table.index))}")
        ax.scatter(x[where[:1]], y[where[:1]], s=220, facecolors="none", edgecolors=_RED, linewidths=2, zorder=4)
    readable(ax)
    repel(ax, labels, avoid=captions)
    return readable(ax)


@shared_docs
def gap_chart(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Horizontal bars of the perception - expectation gap per item/dimension with CIs.

    Parameters
    ----------
    result : GapResult or pandas.DataFrame
        The result of :func:`~csat_lab.survey.gap_scores`, or its ``table``
        with the columns ``name``, ``gap``, ``ci_low`` and ``ci_high``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 7 x (0.5 per row + 1.5) inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one bar per row of the table (first at the top, named
        by its display name), red where the gap is negative, with error bars
        from ``ci_low`` to ``ci_high``.

    Notes
    -----
    Each bar is ``gap = P - E`` (mean perception minus mean expectation),
    negative where service falls short of what was expected: the SERVQUAL
    gap of Parasuraman, Zeithaml & Berry (1988). The intervals are the
    result's own.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1988). SERVQUAL: A
    multiple-item scale for measuring consumer perceptions of service quality.
    Journal of Retailing, 64(1), 12-40.

    Examples
    --------
    >>> from csat_lab.survey import gap_scores
    >>> e = pd.DataFrame({"speed": [5, 4, 5], "price": [3, 3, 4]})
    >>> p = pd.DataFrame({"speed": [3, 4, 4], "price": [4, 3, 5]})
    >>> len(gap_chart(gap_scores(e, p)).patches)
    2
    """
    table = table_of(result, "gap_chart", "the result of survey.gap_scores() or its table",
                     ("name", "gap", "ci_low", "ci_high"), attr="table")
    gap, low, high = intervals(table["gap"], table["ci_low"], table["ci_high"], "the gap", "gap_chart", table["name"])
    ax = _axes(ax, (7, 0.5 * len(table) + 1.5))
    y = np.arange(len(table))
    colors = np.where(gap < 0, "#d7301f", "#1a9850")
    outside = np.flatnonzero((low > gap) | (gap > high))
    if len(outside):  # a t interval of a mean gap is centred on it; bars cannot show one that is not
        raise CsatInputError(f"gap_chart: the interval of the gap in row {table['name'].iloc[outside[0]]!r} does not "
                             "contain the gap; expected ci_low <= gap <= ci_high")
    err = np.vstack([gap - low, high - gap])
    ax.barh(y, gap, xerr=err, color=colors, capsize=3)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(y, [display_name(n, language=language) for n in table["name"]])
    ax.invert_yaxis()
    ax.set_xlabel(label("survey.gap", language))
    return readable(ax)


@shared_docs
def disconfirmation_bars(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Expectation and perception of one answer pair as two bars, titled with the gap and its satisfaction level.

    Parameters
    ----------
    result : DisconfirmationResult
        The result of :func:`csat_lab.survey.disconfirmation` for one pair
        (scalar ``gap`` and ``level``), as
        :func:`csat_lab.widgets.models.disconfirmation_model` returns.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 5.2 x 2.8 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: two horizontal bars, expectation above perception.

    Notes
    -----
    Draws the expectation bar in grey and the perception bar in the colour
    of the satisfaction level (red for 1 to green for 5) that the result
    gives: from the gap ``perception - expectation`` (the expectancy-
    disconfirmation model, Oliver, 1980) and, when the result has a
    ``score``, from the perceived performance too (Churchill & Surprenant,
    1982). The title reads ``Gap (perception − expectation): +1; Satisfaction score 5.00 → level``.

    References
    ----------
    Oliver, R. L. (1980). A cognitive model of the antecedents and
    consequences of satisfaction decisions. Journal of Marketing Research,
    17(4), 460-469.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.survey import disconfirmation
    >>> ax = disconfirmation_bars(disconfirmation(4, 5))
    >>> [float(bar.get_width()) for bar in ax.patches], ax.get_title()
    ([4.0, 5.0], 'Gap (perception − expectation): +1; Satisfaction score 5.00 → Very satisfied')
    >>> plt.close(ax.figure)
    """
    if not all(hasattr(result, a) for a in ("expectation", "perception", "gap", "level")):
        raise CsatInputError("disconfirmation_bars needs the result of survey.disconfirmation()")
    if np.ndim(result.gap) != 0:
        raise CsatInputError("disconfirmation_bars draws one answer pair; this result holds "
                             f"{len(result.gap)} pairs")
    top = max(_scales.get(getattr(result, "scale", "satisfaction5")).values)
    expectation, perception, gap, level = numbers([result.expectation, result.perception, result.gap, result.level],
                                                  "expectation, perception, gap and level", "disconfirmation_bars")
    if level not in _LEVEL_COLOURS:
        raise CsatInputError(f"disconfirmation_bars: level must be a satisfaction level 1-5, got {result.level!r}")
    level = int(level)
    ax = _axes(ax, (5.2, 2.8))
    names = [label("widgets.disc.expectation", language), label("widgets.disc.perception", language)]
    ax.barh(names, [expectation, perception], color=[_GREY, _LEVEL_COLOURS[level]])
    ax.set_xlim(0, top + 0.2)
    score = getattr(result, "score", None)
    middle = "" if score is None or np.ndim(score) != 0 else f"; {label('survey.score', language)} {float(score):.2f}"
    ax.set_title(f"{label('widgets.disc.gap', language)}: {gap:+.0f}{middle} → "
                 f"{label(f'scale.satisfaction5.{level}', language)}")
    return readable(ax)


@shared_docs
def margin_of_error_curve(plan: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Margin of error against sample size (log axis), the planned n marked, the target as a dashed line.

    Parameters
    ----------
    plan : SampleSizePlan
        The result of :func:`csat_lab.widgets.models.sample_size_model`, or any
        object with ``curve`` (columns ``n`` and ``moe``), ``n``, ``moe`` and
        ``target_moe``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6.4 x 3.2 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on (log x axis): the curve, the planned point and the target line.

    Notes
    -----
    The blue curve is ``moe(n) = z sqrt(p (1 - p) / n)``, times the finite
    population correction ``sqrt((N - n) / (N - 1))`` when a population ``N``
    is given (Cochran, 1977), as computed in the plan's ``curve``; the orange
    dot is the planned sample and its margin, the grey dashed line the margin
    aimed at.

    References
    ----------
    Cochran, W. G. (1977). Sampling techniques (3rd ed.). Wiley.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.widgets.models import sample_size_model
    >>> plan = sample_size_model(moe=0.05)
    >>> ax = margin_of_error_curve(plan)
    >>> ax.lines[1].get_xydata().tolist() == [[plan.n, plan.moe]], ax.get_xscale()
    (True, 'log')
    >>> plt.close(ax.figure)
    """
    curve = getattr(plan, "curve", None)
    if not (isinstance(curve, pd.DataFrame) and {"n", "moe"} <= set(curve.columns)
            and all(hasattr(plan, a) for a in ("n", "moe", "target_moe"))):
        raise CsatInputError("margin_of_error_curve needs the plan of widgets.models.sample_size_model()")
    curve = table_of(curve, "margin_of_error_curve", "the plan of widgets.models.sample_size_model()", ("n", "moe"))
    n_axis = numbers(curve["n"], "the curve's n", "margin_of_error_curve")
    moe_axis = numbers(curve["moe"], "the curve's margins of error", "margin_of_error_curve")
    n, moe, target = numbers([plan.n, plan.moe, plan.target_moe], "the plan's n, moe and target_moe",
                             "margin_of_error_curve")
    if (n_axis <= 0).any() or n <= 0:
        raise CsatInputError("margin_of_error_curve: sample sizes must be positive for the log axis")
    ax = _axes(ax, (6.4, 3.2))
    ax.plot(n_axis, moe_axis, color=_BLUE)
    ax.plot([n], [moe], "o", color=_RED)
    ax.axhline(target, color=_GREY, lw=1, ls="--")
    ax.set_xscale("log")
    _count_ticks(ax, float(n_axis.min()), float(n_axis.max()), language)
    ax.set_xlabel(label("widgets.sample.n_axis", language))
    ax.set_ylabel(label("widgets.sample.moe_axis", language))
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    # Whole percents (steps of 1, 2, 5 or 10 points), so a tick never reads rounded ("12.5%" as "13%").
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(
        v, "share", decimals=0 if abs(100 * v - round(100 * v)) < 1e-9 else 1, language=language)))
    return readable(ax)


#: Candidate labelled ticks of a log axis of counts: 1-2-5 per decade, thinned to 1-10 when too many.
_LOG_STEPS = ((1, 2, 5), (1, 3), (1,))


def _nice_log_ticks(low: float, high: float, most: int = 7) -> list[int]:
    """Round numbers to label a log axis from ``low`` to ``high``: 1-2-5 per decade, fewer when the span is wide.

    Parameters
    ----------
    low, high : float
        The data range (positive).
    most : int, default 7
        The most ticks wanted.

    Returns
    -------
    list of int
        Tick positions inside ``[low, high]`` (widened to the nearest candidate
        when fewer than two fall inside).

    Examples
    --------
    >>> _nice_log_ticks(30, 1540)
    [50, 100, 200, 500, 1000]
    >>> _nice_log_ticks(30, 38416)
    [30, 100, 300, 1000, 3000, 10000, 30000]
    """
    import math

    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    ticks: list[int] = []
    for steps in _LOG_STEPS:
        every = [m * 10 ** e for e in range(first, last + 1) for m in steps]
        ticks = [int(t) for t in every if low <= t <= high and t >= 1]
        if len(ticks) <= most:
            break
    if len(ticks) < 2:
        every = sorted({int(m * 10 ** e) for e in range(first - 1, last + 2) for m in (1, 2, 5)} - {0})
        below = [t for t in every if t <= low] or every[:1]
        above = [t for t in every if t >= high] or every[-1:]
        ticks = sorted({below[-1], *ticks, above[0]})
    return ticks


def _count_ticks(ax: Any, low: float, high: float, language: str | None) -> None:
    """Label a log axis of counts at :func:`_nice_log_ticks` with thousands separators; minor ticks unlabelled."""
    from matplotlib.ticker import FixedLocator, FuncFormatter, NullFormatter

    ticks = _nice_log_ticks(low, high)
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v, "count", language=language)))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlim(min(low, ticks[0]) / 1.08, max(high, ticks[-1]) * 1.08)
