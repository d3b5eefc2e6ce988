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
>>> ax = loyalty_curve_plot(loyalty_curve(df, satisfaction="sat", loyalty="rebuy", scale="satisfaction5"))
>>> ax.get_xlabel()
'Satisfaction'
"""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from .._core.docstrings import shared_docs
from ..i18n import display_name, has_label, label
from ._style import MIN_FONT_PT, axes, draw_intervals, intervals, label_points, numbers, readable, repel, table_of, wrap_label

__all__ = ["loyalty_curve_plot", "theoretical_curve_plot", "driver_importance_plot", "ipa_plot", "path_model_plot"]

_ZONE_COLOURS = {"defection": "#f4cccc", "indifference": "#fff2cc", "affection": "#d9ead3"}


def _axes(ax: Any) -> Any:
    return axes(ax, (6, 4))


def _curve_table(curve: Any) -> Any:
    """The level table inside a loyalty curve result (``predicted``, ``curve`` or ``table``), or ``curve`` itself."""
    for _ in range(3):
        if isinstance(curve, pd.DataFrame):
            return curve
        for name in ("predicted", "curve", "table"):
            inner = getattr(curve, name, None)
            if inner is not None:
                curve = inner
                break
        else:
            return curve
    return curve


@shared_docs
def loyalty_curve_plot(curve: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Predicted loyalty by satisfaction level with CI bars, the zones shaded (Jones & Sasser 1995).

    Parameters
    ----------
    curve : TableResult, LoyaltyModel, LoyaltyCurve or pandas.DataFrame
        The result of :func:`~csat_lab.loyalty.loyalty_curve` or its
        ``table``, a :func:`~csat_lab.loyalty.loyalty_regression` result (its
        ``predicted`` table), or any result holding such a table in ``curve``
        (:class:`~csat_lab.widgets.models.LoyaltyCurve`,
        :class:`~csat_lab.loyalty.TheoreticalCurve`): columns ``level``,
        ``estimate``, ``ci_low``, ``ci_high`` and optionally ``zone``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: the estimates joined by a line with error bars,
        each zone a shaded band (legend top left).

    Notes
    -----
    Each point is the fitted ``E[loyalty | satisfaction = k]`` of the result
    at level ``k`` with its interval ``[ci_low, ci_high]``; the bands shade
    the levels tagged with the zones of defection, indifference and
    affection of Jones & Sasser (1995). Nothing is refitted here.

    References
    ----------
    Jones, T. O., & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.loyalty import loyalty_curve
    >>> df = pd.DataFrame({"sat": [1, 2, 3, 4, 5] * 4, "rebuy": [0, 0, 0, 1, 1] * 3 + [0, 1, 0, 0, 1]})
    >>> ax = loyalty_curve_plot(loyalty_curve(df, satisfaction="sat", loyalty="rebuy", scale="satisfaction5"))
    >>> [t.get_text() for t in ax.get_legend().get_texts()]
    ['Zone of defection', 'Zone of indifference', 'Zone of affection']
    >>> plt.close(ax.figure)
    """
    table = table_of(_curve_table(curve), "loyalty_curve_plot", "the table of loyalty_curve() or a LoyaltyModel",
                     ("level", "estimate", "ci_low", "ci_high"))
    x = numbers(table["level"], "the satisfaction levels", "loyalty_curve_plot")
    est, low, high = intervals(table["estimate"], table["ci_low"], table["ci_high"], "the predicted loyalty",
                               "loyalty_curve_plot", table["level"], missing_ok=True)
    ax = _axes(ax)
    if "zone" in table.columns:
        for zone, part in table.groupby("zone", sort=False):
            if zone:
                lo, hi = part["level"].min() - 0.5, part["level"].max() + 0.5
                ax.axvspan(lo, hi, color=_ZONE_COLOURS.get(zone, "#eeeeee"), alpha=0.6, lw=0,
                           label=label(f"loyalty.zone.{zone}", language))
    draw_intervals(ax, x, est, low, high, fmt="o-", color="#1f4e79", capsize=4)
    ax.set_xticks(x)
    ax.set_xlabel(label("loyalty.satisfaction", language))
    ax.set_ylabel(label("loyalty.predicted_loyalty", language))
    ax.set_title(label("loyalty.curve_title", language))
    if "zone" in table.columns:
        ax.legend(loc="upper left", fontsize="small")
    return readable(ax)


@shared_docs
def theoretical_curve_plot(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """A chosen satisfaction -> loyalty curve on a fixed 0-1 probability axis, zones shaded, legend below.

    Parameters
    ----------
    result : TheoreticalCurve
        The result of :func:`csat_lab.loyalty.theoretical_curve` (its
        ``curve`` table has the columns of
        :func:`~csat_lab.loyalty.loyalty_curve`).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on, its y axis fixed at 0 to 1.

    Notes
    -----
    Draws :func:`loyalty_curve_plot` of the curve
    ``p = (1 - g) c + g q`` as the result holds it, then fixes the y axis at
    0 to 1 so that a change of competition visibly flattens or steepens the
    curve instead of rescaling the axis, and moves the legend of the zones of
    defection, indifference and affection (Jones & Sasser, 1995) below the
    plot.

    References
    ----------
    Jones, T. O., & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.loyalty import theoretical_curve
    >>> ax = theoretical_curve_plot(theoretical_curve(competition=0.5, top_ratio=6.0))
    >>> [float(y) for y in ax.get_ylim()], len(ax.get_legend().get_texts())
    ([0.0, 1.0], 3)
    >>> plt.close(ax.figure)
    """
    curve = _curve_table(getattr(result, "curve", None))
    if not isinstance(curve, pd.DataFrame):
        raise CsatInputError("theoretical_curve_plot needs the result of loyalty.theoretical_curve()")
    ax = loyalty_curve_plot(curve, language=language, ax=ax)
    ax.set_ylim(0, 1)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=3, fontsize="small")
    return readable(ax)


@shared_docs
def driver_importance_plot(table: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Horizontal bars of each driver's share of R^2, with bootstrap CIs when present.

    Parameters
    ----------
    table : TableResult or pandas.DataFrame
        The result of :func:`~csat_lab.loyalty.shapley_importance` or
        :func:`~csat_lab.loyalty.relative_weights`, or its ``table``: one row
        per driver (index) with the column ``share`` and, after a bootstrap,
        ``share_ci_low`` and ``share_ci_high``.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one bar per driver, the largest at the top, each
        named by its display name (:func:`csat_lab.i18n.display_name`).

    Notes
    -----
    Each bar is ``share_j = importance_j / R^2``, the driver's part of the
    explained variance from a Shapley decomposition (Lipovetsky & Conklin,
    2001) or Johnson's (2000) relative weights, as the result holds it; the
    error bars are its percentile bootstrap interval.

    References
    ----------
    Lipovetsky, S., & Conklin, M. (2001). Analysis of regression in game
    theory approach. Applied Stochastic Models in Business and Industry, 17(4), 319-330.

    Johnson, J. W. (2000). A heuristic method for estimating the relative
    weight of predictor variables in multiple regression. Multivariate
    Behavioral Research, 35(1), 1-19.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.loyalty import shapley_importance
    >>> df = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 1, 2, 3, 5, 5], "b": [2, 1, 2, 1, 2, 1]})
    >>> ax = driver_importance_plot(shapley_importance(df, outcome="y", drivers=["a", "b"]))
    >>> [(t.get_text(), round(float(bar.get_width()), 3)) for t, bar in zip(ax.get_yticklabels(), ax.patches)]
    [('b', 0.065), ('a', 0.935)]
    >>> plt.close(ax.figure)
    """
    table = table_of(table, "driver_importance_plot", "the table of shapley_importance() or relative_weights()",
                     ("share",), attr="table")
    share = numbers(table["share"], "the importance shares", "driver_importance_plot")
    order = np.argsort(share, kind="stable")
    data, share = table.iloc[order], share[order]
    names = [display_name(i, language=language) for i in data.index]
    ax = _axes(ax)
    ax.barh(names, share, color="#2e75b6")
    if {"share_ci_low", "share_ci_high"} <= set(data.columns):
        _, low, high = intervals(share, data["share_ci_low"], data["share_ci_high"], "the importance share",
                                 "driver_importance_plot", data.index)
        draw_intervals(ax, np.arange(len(names)), share, low, high, horizontal=True, fmt="none", color="black",
                       capsize=3)
    ax.set_xlabel(label("loyalty.importance", language))
    ax.set_ylabel(label("loyalty.driver", language))
    ax.set_title(label("loyalty.importance_title", language))
    return readable(ax)


def _split(result: Any, table: pd.DataFrame, name: str, column: str) -> float:
    """Where the IPA crosshair goes: the result's ``<name>`` when it is a number, else the column mean."""
    value = None if isinstance(result, pd.DataFrame) else getattr(result, name, None)
    if value is None:
        value = table.attrs.get(name)  # tables made before results carried their splits
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return float(value)
    return float(table[column].mean())


@shared_docs
def ipa_plot(table: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Importance-performance map with crosshairs and the four quadrant names (Martilla & James 1977).

    Parameters
    ----------
    table : TableResult or pandas.DataFrame
        The result of :func:`~csat_lab.loyalty.ipa` (or
        :func:`csat_lab.widgets.models.key_driver_model`), or its ``table``:
        one row per driver (index) with the columns ``importance`` and
        ``performance``. The crosshairs sit at the result's
        ``importance_split`` and ``performance_split`` when it has them, else
        at the column means.
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one, a figure of 6 x 4 inches is made.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on: one point per driver labelled with its display
        name, the crosshairs and the four quadrant names in the corners.

    Notes
    -----
    Performance (mean rating) on the x axis against importance (share of
    R^2) on the y axis; the quadrants are "concentrate here" (important,
    below the performance split), "keep up the good work", "low priority" and
    "possible overkill" (Martilla & James, 1977).

    References
    ----------
    Martilla, J. A., & James, J. C. (1977). Importance-performance analysis.
    Journal of Marketing, 41(1), 77-79.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.loyalty import ipa
    >>> df = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 1, 2, 3, 5, 5], "b": [2, 1, 2, 1, 2, 1]})
    >>> ax = ipa_plot(ipa(df, outcome="y", drivers=["a", "b"]))
    >>> [t.get_text() for t in ax.texts]
    ['a', 'b', 'Concentrate here', 'Keep up the good work', 'Low priority', 'Possible overkill']
    >>> plt.close(ax.figure)
    """
    result, table = table, table_of(table, "ipa_plot", "the table of ipa()",
                                    ("importance", "performance"), attr="table")
    numbers(table["importance"], "importance", "ipa_plot")
    numbers(table["performance"], "performance", "ipa_plot")
    ax = _axes(ax)
    ax.scatter(table["performance"], table["importance"], color="#1f4e79", zorder=3)
    ax.margins(x=0.12, y=0.18)  # room for the labels, and bands at top and bottom for the quadrant names
    names = [wrap_label(display_name(name, language=language)) for name in table.index]
    labels = label_points(ax, names, table["performance"], table["importance"])
    ax.axvline(_split(result, table, "performance_split", "performance"), color="grey", lw=1)
    ax.axhline(_split(result, table, "importance_split", "importance"), color="grey", lw=1)
    corners = {"concentrate": (0.02, 0.97, "left", "top"), "keep_up": (0.98, 0.97, "right", "top"),
               "low_priority": (0.02, 0.03, "left", "bottom"), "overkill": (0.98, 0.03, "right", "bottom")}
    captions = [ax.text(x, y, label(f"loyalty.quadrant.{key}", language), transform=ax.transAxes, ha=ha, va=va,
                        color="#7f7f7f") for key, (x, y, ha, va) in corners.items()]
    ax.set_xlabel(label("loyalty.performance", language))
    ax.set_ylabel(label("loyalty.importance", language))
    ax.set_title(label("loyalty.ipa_title", language))
    readable(ax)
    repel(ax, labels, avoid=captions)
    return readable(ax)


_BOX_FONT = MIN_FONT_PT  # box and coefficient text; the router measures the boxes at this size
_CELL_IN = (2.2, 1.6)  # inches per layer (column) and per row of constructs: room for 10 pt boxes and labels
_BOX_PAD = 0.4  # box padding, in units of the font size
_RADS = (0.0, 0.2, -0.2, 0.35, -0.35, 0.5, -0.5, 0.7, -0.7)
_LABEL_SPOTS = (0.5, 0.38, 0.62, 0.26, 0.74, 0.16, 0.84)


def _hits(points: np.ndarray, rects: np.ndarray) -> int:
    """Number of rectangles ``[x0, y0, x1, y1]`` that a polyline enters or cuts across."""
    if not len(rects) or not len(points):
        return 0
    x, y = points[:, 0, None], points[:, 1, None]
    inside = ((x > rects[:, 0]) & (x < rects[:, 2]) & (y > rects[:, 1]) & (y < rects[:, 3])).any(axis=0)
    rings = rects[:, [0, 1, 2, 1, 2, 3, 0, 3, 0, 1]].reshape(-1, 5, 2)
    return int(sum(hit or _crossings(points, ring) > 0 for hit, ring in zip(inside, rings)))


def _crossings(p: np.ndarray, q: np.ndarray) -> int:
    """Proper intersections between the segments of two polylines (touching ends do not count)."""
    if len(p) < 2 or len(q) < 2:
        return 0
    a0, a1, b0, b1 = p[:-1, None], p[1:, None], q[None, :-1], q[None, 1:]

    def side(o: np.ndarray, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return np.sign((u[..., 0] - o[..., 0]) * (v[..., 1] - o[..., 1]) - (u[..., 1] - o[..., 1]) * (v[..., 0] - o[..., 0]))

    return int(np.sum((side(a0, a1, b0) * side(a0, a1, b1) < 0) & (side(b0, b1, a0) * side(b0, b1, a1) < 0)))


def _outside(points: np.ndarray, *rects: np.ndarray) -> np.ndarray:
    """The points of a curve outside all the given rectangles (e.g. its visible part, between its end boxes)."""
    keep = np.ones(len(points), dtype=bool)
    for r in rects:
        keep &= ~((points[:, 0] > r[0]) & (points[:, 0] < r[2]) & (points[:, 1] > r[1]) & (points[:, 1] < r[3]))
    return points[keep]


def _arc(a: np.ndarray, b: np.ndarray, rad: float, k: int = 41) -> np.ndarray:
    """Sample matplotlib's ``arc3`` connection: a quadratic Bezier bent ``rad`` times the chord sideways."""
    control = (a + b) / 2 + rad * np.array([b[1] - a[1], a[0] - b[0]])
    t = np.linspace(0, 1, k)[:, None]
    return (1 - t) ** 2 * a + 2 * t * (1 - t) * control + t ** 2 * b


def _label_box(pts: np.ndarray, half: np.ndarray, others: list[np.ndarray], placed: list[np.ndarray]) -> np.ndarray:
    """Where a coefficient label goes: on its visible arrow, else beside it when the arrow is short.

    A label lying on another arrow reads as that arrow's coefficient, and one on
    a box or label hides it, so those spots cost most.
    """
    spots = [pts[int(round(f * (len(pts) - 1)))] for f in _LABEL_SPOTS]
    chord = pts[-1] - pts[0]
    normal = np.array([-chord[1], chord[0]]) / max(float(np.hypot(*chord)), 1e-9)
    spots += [spots[0] + k * normal * (np.abs(normal) @ half + 3) for k in (1, -1)]
    short = np.hypot(*np.diff(pts, axis=0).T).sum() < 4 * half[0]

    def cost(k: int) -> float:
        box = np.concatenate([spots[k] - half, spots[k] + half])
        crossed = sum(_hits(c, box[None]) for c in others)
        hidden = sum(max(0.0, min(box[2], r[2]) - max(box[0], r[0])) * max(0.0, min(box[3], r[3]) - max(box[1], r[1]))
                     for r in placed)
        return 10 * hidden + 200 * crossed + (300 if short and k < len(_LABEL_SPOTS) else 0)

    best = min(range(len(spots)), key=lambda k: (cost(k), k))
    return np.concatenate([spots[best] - half, spots[best] + half])


def _grid(names: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Column (longest path from a source) and row of each construct.

    Rows are chosen by coordinate descent on a cost that counts straight arrows
    running through other boxes (heavily), arrow crossings and vertical travel,
    so that a chain with long-range paths (ECSI) zigzags instead of hiding them.
    """
    depth = dict.fromkeys(names, 0)
    for _ in names:
        for s, t in edges:
            depth[t] = max(depth[t], depth[s] + 1)
    layers: dict[int, list[str]] = {}
    for n in names:
        layers.setdefault(depth[n], []).append(n)
    n_rows = max(len(v) for v in layers.values())
    if any(depth[t] - depth[s] > 1 for s, t in edges):
        n_rows = max(n_rows + 1, 3)  # room to route long paths around the constructs between
    row = {n: (n_rows - len(layer)) // 2 + i for layer in layers.values() for i, n in enumerate(layer)}

    def cost(r: dict[str, int]) -> float:
        box = {n: np.array([depth[n] - 0.32, r[n] - 0.3, depth[n] + 0.32, r[n] + 0.3]) for n in names}
        lines = {}
        total = 0.0
        for s, t in edges:
            a, b = np.array([depth[s], r[s]], float), np.array([depth[t], r[t]], float)
            others = np.array([box[n] for n in names if n not in (s, t)]).reshape(-1, 4)
            lines[s, t] = np.array([a, b])  # ends shared by two paths touch, which is no crossing
            total += 10 * _hits(lines[s, t], others) + 0.1 * abs(r[s] - r[t])
        keys = list(lines)
        total += sum(_crossings(lines[e], lines[f]) for i, e in enumerate(keys) for f in keys[i + 1:])
        return total

    best, improved = cost(row), True
    while improved:
        improved = False
        for n in names:
            for k in range(n_rows):
                trial = dict(row)
                for m in layers[depth[n]]:
                    if row[m] == k:
                        trial[m] = row[n]
                trial[n] = k
                c = cost(trial)
                if c < best - 1e-9:
                    row, best, improved = trial, c, True
    top = min(row.values())  # drop empty rows above (and, via the caller's limits, below) the diagram
    return {n: (depth[n], row[n] - top) for n in names}


def _box_text(key: str, r2: pd.Series, language: str | None = None) -> str:
    name = label(f"loyalty.construct.{key}", language) if has_label(f"loyalty.construct.{key}") else key
    lines = [textwrap.fill(name, 14)] + ([f"({key})"] if name != key else [])
    if key in r2.index:
        lines.append(label("loyalty.path_r2", language, value=float(r2[key])))
    return "\n".join(lines)


def _coef_text(row: Any, show_ci: bool) -> str:
    text = f"{row.coef:.2f}"
    if hasattr(row, "ci_low"):
        if row.ci_low > 0 or row.ci_high < 0:
            text += "*"
        if show_ci:
            text += f"\n[{row.ci_low:.2f}, {row.ci_high:.2f}]"
    return text


@shared_docs
def path_model_plot(result: Any, *, show_ci: bool = False, language: str | None = None, ax: Any = None) -> Any:
    """Construct diagram of a PLS path model: every inner path an arrow labelled with its coefficient.

    Parameters
    ----------
    result : PLSResult
        The result of :func:`~csat_lab.loyalty.pls_path_model` (or of a
        ready-made model's ``fit``): its ``paths`` table (``source``,
        ``target``, ``coef`` and, after a bootstrap, ``ci_low``/``ci_high``),
        ``r2`` and ``lv_correlations``.
    show_ci : bool, default False
        Print the bootstrap interval under each coefficient (when the fit was bootstrapped).
    @{language}
    ax : matplotlib Axes, optional
        Axes to draw on; without one a figure is sized to the diagram (about
        2.2 x 1.6 inches per layer and row); a small Axes may crowd the boxes.

    Returns
    -------
    matplotlib Axes
        The Axes drawn on (axis off): one box per construct, one arrow per inner path.

    Notes
    -----
    Constructs sit in layers by causal order (column = longest chain of paths
    from an exogenous construct: sources left, outcomes right), spread over
    rows chosen so that straight arrows avoid other boxes; an arrow that would
    still cross a box is bent (``arc3``). Arrow width grows with ``|coef|``;
    negative paths are red. Endogenous boxes show the fit's R^2 (share of the
    construct's variance explained by its predecessors; Tenenhaus et al. 2005).
    After a bootstrap, ``*`` marks a path whose percentile CI excludes 0.

    References
    ----------
    Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., & Lauro, C. (2005).
    PLS path modeling. Computational Statistics & Data Analysis, 48(1), 159-205.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from matplotlib.patches import FancyArrowPatch
    >>> from csat_lab.loyalty import pls_path_model, simulate_structural
    >>> inner = [("QUAL", "SAT"), ("QUAL", "LOY"), ("SAT", "LOY")]
    >>> data, truth = simulate_structural(dict.fromkeys(inner, 0.4), n=120, seed=3)
    >>> ax = path_model_plot(pls_path_model(data, truth["blocks"], inner))
    >>> sum(isinstance(p, FancyArrowPatch) for p in ax.patches)
    3
    """
    paths, r2 = _path_model_parts(result)
    names = [str(n) for n in result.lv_correlations.index]
    edges = [(str(s), str(t)) for s, t in paths[["source", "target"]].itertuples(index=False)]
    centre = _centres(_grid(names, edges))
    ax = _diagram_axes(ax, centre, language)
    boxes = _draw_boxes(ax, centre, r2, language)
    rect = _box_extents(ax, boxes)
    bends, curves = _route_paths(ax, edges, centre, rect)
    placed = list(rect.values())  # label boxes join these as they are placed
    for i, row in enumerate(paths.itertuples(index=False)):
        colour = _draw_arrow(ax, edges[i], float(row.coef), bends[i], centre, boxes)
        _draw_coefficient(ax, edges[i], _coef_text(row, show_ci), colour, centre, curves, placed)
    if "ci_low" in paths.columns:
        _draw_star_note(ax, result, language)
    return readable(ax)  # every text is already 10 pt; the title wraps rather than being cut


def _path_model_parts(result: Any) -> tuple[pd.DataFrame, pd.Series]:
    """The inner paths and R^2 of a :func:`~csat_lab.loyalty.pls_path_model` result, or an input error."""
    paths = getattr(result, "paths", None)
    r2 = getattr(result, "r2", None)
    if not (isinstance(paths, pd.DataFrame) and {"source", "target", "coef"} <= set(paths.columns)
            and isinstance(r2, pd.Series) and hasattr(result, "lv_correlations")):
        raise CsatInputError("path_model_plot needs the result of pls_path_model()")
    table_of(paths, "path_model_plot", "the result of pls_path_model() with at least one inner path",
             ("source", "target", "coef"))
    numbers(paths["coef"], "the path coefficients", "path_model_plot")
    known = {str(n) for n in result.lv_correlations.index}
    stray = [f"{s} -> {t}" for s, t in paths[["source", "target"]].itertuples(index=False)
             if str(s) not in known or str(t) not in known]
    if stray:
        raise CsatInputError(f"path_model_plot: the paths {stray[:3]} join constructs that are not in the model's "
                             "lv_correlations")
    return paths, r2


def _centres(grid: dict[str, tuple[int, int]]) -> dict[str, tuple[float, float]]:
    """Data coordinates of each construct: x = its layer (column), y = minus its row (row 0 at the top)."""
    return {n: (float(c), -float(r)) for n, (c, r) in grid.items()}


def _diagram_axes(ax: Any, centre: dict[str, tuple[float, float]], language: str | None = None) -> Any:
    """The Axes of the diagram (a new figure sized to the layers and rows without one), framed and titled."""
    n_cols = int(max(x for x, _ in centre.values())) + 1
    n_rows = int(max(-y for _, y in centre.values())) + 1
    if ax is None:
        ax = axes(None, (max(6.25, _CELL_IN[0] * n_cols), max(3.25, _CELL_IN[1] * n_rows + 1.0)))
        ax.figure.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.9)
    else:
        ax = axes(ax)
    ax.set_xlim(-0.55, n_cols - 0.45)
    ax.set_ylim(-(n_rows - 1) - 0.6, 0.6)
    ax.set_axis_off()
    ax.set_title(label("loyalty.path_title", language))
    return ax


def _draw_boxes(ax: Any, centre: dict[str, tuple[float, float]], r2: pd.Series,
                language: str | None = None) -> dict[str, Any]:
    """One rounded text box per construct: its name and key, and R^2 for endogenous ones (shaded blue)."""
    boxes = {}
    for n, xy in centre.items():
        style = ("#deebf7", "#2e75b6") if n in r2.index else ("#f2f2f2", "#7f7f7f")
        boxes[n] = ax.text(*xy, _box_text(n, r2, language), ha="center", va="center", fontsize=_BOX_FONT, zorder=4,
                           linespacing=1.2, bbox={"boxstyle": f"round,pad={_BOX_PAD}", "fc": style[0], "ec": style[1]})
    return boxes


def _box_extents(ax: Any, boxes: dict[str, Any]) -> dict[str, np.ndarray]:
    """Each box as ``[x0, y0, x1, y1]`` in display units, padded by the box style and 3 px.

    Routing works in display units because ``arc3`` bends in display space.
    """
    pad = _BOX_PAD * _BOX_FONT * ax.figure.dpi / 72 + 3
    return {n: box.get_window_extent().extents + np.array([-pad, -pad, pad, pad]) for n, box in boxes.items()}


def _route_paths(ax: Any, edges: list[tuple[str, str]], centre: dict[str, tuple[float, float]],
                 rect: dict[str, np.ndarray]) -> tuple[dict[int, float], dict[tuple[str, str], np.ndarray]]:
    """The ``arc3`` bend of each path and its visible curve (display units), shortest paths routed first."""
    to_px = ax.transData.transform
    frame = ax.bbox.extents
    curves: dict[tuple[str, str], np.ndarray] = {}
    bends: dict[int, float] = {}
    order = sorted(range(len(edges)), key=lambda i: np.hypot(*np.subtract(centre[edges[i][0]], centre[edges[i][1]])))
    for i in order:
        s, t = edges[i]
        a, b = to_px(centre[s]), to_px(centre[t])
        others = np.array([r for n, r in rect.items() if n not in (s, t)]).reshape(-1, 4)
        bends[i] = min(_RADS, key=lambda rad: _route_cost(_outside(_arc(a, b, rad), rect[s], rect[t]), others, frame,
                                                          curves, rad))
        curves[edges[i]] = _outside(_arc(a, b, bends[i]), rect[s], rect[t])
    return bends, curves


def _route_cost(pts: np.ndarray, others: np.ndarray, frame: np.ndarray,
                curves: dict[tuple[str, str], np.ndarray], rad: float) -> float:
    """Cost of a visible curve: boxes it enters and leaving the Axes (heavily), crossings of routed paths, bending."""
    off_axes = len(_outside(pts, frame)) > 0
    return 100 * (_hits(pts, others) + off_axes) + sum(_crossings(pts, c) for c in curves.values()) + 3 * abs(rad)


def _draw_arrow(ax: Any, edge: tuple[str, str], coef: float, bend: float, centre: dict[str, tuple[float, float]],
                boxes: dict[str, Any]) -> str:
    """The path's arrow from box to box, wider as ``|coef|`` grows, red when negative; returns its colour."""
    from matplotlib.patches import FancyArrowPatch

    s, t = edge
    colour = "#c00000" if coef < 0 else "#1f4e79"
    ax.add_patch(FancyArrowPatch(centre[s], centre[t], arrowstyle="-|>", mutation_scale=12,
                                 connectionstyle=f"arc3,rad={bend}", patchA=boxes[s].get_bbox_patch(),
                                 patchB=boxes[t].get_bbox_patch(), shrinkA=1, shrinkB=1, color=colour,
                                 lw=0.8 + 2.2 * min(abs(coef), 1.0), zorder=5))
    return colour


def _draw_coefficient(ax: Any, edge: tuple[str, str], text: str, colour: str, centre: dict[str, tuple[float, float]],
                      curves: dict[tuple[str, str], np.ndarray], placed: list[np.ndarray]) -> None:
    """The path's coefficient label, placed on its arrow clear of other arrows, boxes and labels (see _label_box)."""
    s, t = edge
    label_text = ax.text(0, 0, text, ha="center", va="center", fontsize=_BOX_FONT, color=colour, zorder=6,
                         bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.9})
    size = label_text.get_window_extent().size / 2 + 2
    pts = curves[edge]
    if not len(pts):  # boxes so close that no part of the arrow shows: aim at the midpoint
        to_px = ax.transData.transform
        pts = np.array([to_px(centre[s]), to_px(centre[t])]).mean(axis=0, keepdims=True)
    box = _label_box(pts, size, [c for e, c in curves.items() if e != edge], placed)
    x, y = (box[:2] + box[2:]) / 2
    placed.append(box)
    label_text.set_position(ax.transData.inverted().transform((x, y)))


def _ci_level(result: Any) -> float:
    """The confidence level of a fit's bootstrap intervals: ``ci_level``, or ``ci`` where that is the level."""
    for name in ("ci_level", "ci"):
        value = getattr(result, name, None)
        if isinstance(value, (int, float, np.floating)) and not isinstance(value, bool) and 0 < value < 1:
            return float(value)
    return 0.95


def _draw_star_note(ax: Any, result: Any, language: str | None = None) -> None:
    """The footnote saying what ``*`` marks (a bootstrap CI that excludes 0)."""
    ax.text(0.0, 0.0, label("loyalty.path_star_note", language, level=f"{_ci_level(result):.0%}"),
            transform=ax.transAxes, ha="left", va="bottom", fontsize=MIN_FONT_PT, color="#595959")
