"""Charts of comment analysis: theme shares by group, theme score differences, sentiment by rating.

Every function draws a result it is given and computes only the shares it
shows (no model). No word clouds: a bar's length can be read, a word's font
size cannot.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> from csat_lab.text import sentiment
>>> ax = sentiment_by_score(sentiment(["very helpful staff", "rude staff"]), [5, 1])
>>> [t.get_text() for t in ax.get_xticklabels()]
['1', '5']
>>> plt.close(ax.figure)
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core.docstrings import shared_docs
from ..errors import CsatInputError
from ..i18n import label
from ._style import axes, draw_intervals, intervals, readable, table_of

__all__ = ["sentiment_by_score", "theme_bars", "theme_score_bars"]

_SENTIMENT_COLOURS = {"negative": "#d95f02", "neutral": "#bbbbbb", "positive": "#1b9e77"}


def _aligned(values: Any, index: pd.Index, what: str, chart: str) -> pd.Series:
    if isinstance(values, pd.Series):
        if len(values) != len(index):
            raise CsatInputError(f"{chart}: {what} has {len(values)} values for {len(index)} comments")
        return pd.Series(values.to_numpy(dtype=object), index=index)
    array = np.asarray(values, dtype=object).ravel()
    if len(array) != len(index):
        raise CsatInputError(f"{chart}: {what} has {len(array)} values for {len(index)} comments")
    return pd.Series(array, index=index)


@shared_docs
def theme_bars(result: Any, by: Any = None, *, language: str | None = None, ax: Any = None) -> Any:
    """Bars of the share of comments in each theme, one bar per group and theme.

    Parameters
    ----------
    result : ThemeResult
        The result of :func:`csat_lab.text.themes` (its ``assignments`` and ``labels``).
    by : array-like, optional
        A group per comment (e.g. detractor / passive / promoter), aligned with
        the comments; without it, one bar per theme.
    @{language}
    @{ax}

    Returns
    -------
    matplotlib Axes
        Horizontal bars on a 0-1 axis, one colour per group, theme 1 at the top.

    Notes
    -----
    A bar is :math:`n_{gt} / n_g`: comments of group :math:`g` whose theme is
    :math:`t` over the group's comments with a theme, so groups of different
    sizes compare. Themes are named by their top terms (NMF's loadings,
    Lee & Seung, 1999).

    References
    ----------
    Lee, D. D., & Seung, H. S. (1999). Learning the parts of objects by
    non-negative matrix factorization. Nature, 401(6755), 788-791.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> from csat_lab.text import themes
    >>> found = themes(["slow queue", "long queue", "rude staff", "staff rude"] * 2, 2)
    >>> ax = theme_bars(found, by=["low", "low", "high", "high"] * 2)
    >>> sorted(round(float(p.get_width()), 2) for p in ax.patches)
    [0.0, 0.0, 1.0, 1.0]
    >>> plt.close(ax.figure)
    """
    assignments = getattr(result, "assignments", None)
    names = getattr(result, "labels", None)
    if not isinstance(assignments, pd.Series) or not isinstance(names, dict):
        raise CsatInputError(f"theme_bars needs the result of text.themes(); got {type(result).__name__}")
    groups = (pd.Series(label("text.chart.all", language), index=assignments.index)
              if by is None else _aligned(by, assignments.index, "by", "theme_bars"))
    keep = assignments.notna() & groups.notna()
    if not keep.any():
        raise CsatInputError("theme_bars: no comment has both a theme and a group; nothing to draw")
    shares = pd.crosstab(groups[keep], assignments[keep].astype(int), normalize="index")
    themes = sorted(names)
    shares = shares.reindex(columns=themes, fill_value=0.0)
    ax = axes(ax, (7, 1.2 + 0.6 * len(themes) * max(1, len(shares)) ** 0.5))
    height = 0.8 / len(shares)
    positions = np.arange(len(themes))[::-1]
    for i, (group, row) in enumerate(shares.iterrows()):
        ax.barh(positions + 0.4 - height * (i + 0.5), row.to_numpy(dtype=float), height=height, label=str(group))
    ax.set_yticks(positions, [label("text.theme_row", language, theme=t, terms=names[t]) for t in themes])
    ax.set_xlim(0, 1)
    ax.set_xlabel(label("text.chart.theme_share", language))
    ax.set_title(label("text.chart.themes_title", language))
    if by is not None:
        ax.legend(loc="lower right")
    return readable(ax)


@shared_docs
def theme_score_bars(result: Any, *, language: str | None = None, ax: Any = None) -> Any:
    """Each theme's mean score with the theme minus without it, with its interval, lowest at the top.

    Parameters
    ----------
    result : TextDriversResult or pandas.DataFrame
        The result of :func:`csat_lab.text.drivers_from_text` or its table
        (columns ``terms``, ``difference``, ``ci_low``, ``ci_high``).
    @{language}
    @{ax}

    Returns
    -------
    matplotlib Axes
        One bar per theme with its Welch interval; a vertical line at 0.

    Notes
    -----
    A bar is :math:`\\bar y_{with} - \\bar y_{without}`; the interval is the
    Welch t interval of the difference (Welch, 1947); a theme whose interval
    lacks bounds (too few comments) is drawn without one.

    References
    ----------
    Welch, B. L. (1947). The generalization of "Student's" problem when several
    different population variances are involved. Biometrika, 34(1/2), 28-35.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"terms": ["queue", "staff"], "difference": [-1.0, 0.5],
    ...                       "ci_low": [-1.5, 0.1], "ci_high": [-0.5, 0.9]})
    >>> ax = theme_score_bars(table)
    >>> [float(p.get_width()) for p in ax.patches]
    [-1.0, 0.5]
    >>> plt.close(ax.figure)
    """
    table = table_of(result, "theme_score_bars", "the result of text.drivers_from_text() or its table",
                     ("terms", "difference", "ci_low", "ci_high"), attr="table")
    names = [str(t) for t in table["terms"]]
    est, lo, hi = intervals(table["difference"], table["ci_low"], table["ci_high"], "the difference",
                            "theme_score_bars", names, missing_ok=True)
    ax = axes(ax, (7, 1.2 + 0.5 * len(table)))
    positions = np.arange(len(table))[::-1]
    ax.barh(positions, est, color=["#d95f02" if v < 0 else "#1b9e77" for v in est])
    draw_intervals(ax, positions, est, lo, hi, horizontal=True, fmt="none", color="black", capsize=3)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_yticks(positions, names)
    ax.set_xlabel(label("text.chart.difference", language))
    ax.set_title(label("text.chart.drivers_title", language))
    return readable(ax)


@shared_docs
def sentiment_by_score(result: Any, score: Any = None, *, language: str | None = None, ax: Any = None) -> Any:
    """Stacked bars: share of negative, neutral and positive comments at each rating.

    Parameters
    ----------
    result : SentimentResult or pandas.DataFrame
        The result of :func:`csat_lab.text.sentiment` or its table (column ``label``).
    score : array-like, optional
        The rating each comment came with, aligned with the comments; without
        it, one bar of all comments.
    @{language}
    @{ax}

    Returns
    -------
    matplotlib Axes
        One stacked bar per rating (0-1 axis): negative at the bottom, then
        neutral, then positive.

    Notes
    -----
    A segment is :math:`n_{r\\ell} / n_r`, comments with rating :math:`r` and
    label :math:`\\ell` over the comments with rating :math:`r` (missing
    comments or ratings left out). If the comments explain the ratings, the
    negative share falls as the rating rises; comments that disagree with
    their rating are worth reading (Hutto & Gilbert, 2014, on what a lexicon misses).

    References
    ----------
    Hutto, C. J., & Gilbert, E. (2014). VADER: A parsimonious rule-based model
    for sentiment analysis of social media text. Proceedings of ICWSM 8(1), 216-225.

    Examples
    --------
    >>> import matplotlib; matplotlib.use("Agg"); import matplotlib.pyplot as plt
    >>> table = pd.DataFrame({"label": ["negative", "positive", "positive"]})
    >>> ax = sentiment_by_score(table, [1, 5, 5])
    >>> [round(float(p.get_height()), 2) for p in ax.patches]
    [1.0, 0.0, 0.0, 0.0, 0.0, 1.0]
    >>> plt.close(ax.figure)
    """
    table = table_of(result, "sentiment_by_score", "the result of text.sentiment() or its table",
                     ("label",), attr="table")
    labels = table["label"]
    if score is None:
        ratings = pd.Series(label("text.chart.all", language), index=table.index)
    else:
        ratings = _aligned(score, table.index, "score", "sentiment_by_score")
        ratings = ratings.where(ratings.notna(), None)
    keep = labels.notna() & ratings.notna()
    if not keep.any():
        raise CsatInputError("sentiment_by_score: no comment has both a sentiment label and a rating")
    shares = pd.crosstab(ratings[keep], labels[keep], normalize="index")
    shares = shares.reindex(columns=list(_SENTIMENT_COLOURS), fill_value=0.0)
    ax = axes(ax)
    bottom = np.zeros(len(shares))
    x = [str(v) for v in shares.index]
    for code, colour in _SENTIMENT_COLOURS.items():
        values = shares[code].to_numpy(dtype=float)
        ax.bar(x, values, bottom=bottom, color=colour, label=label(f"text.sentiment.{code}", language))
        bottom += values
    ax.set_ylim(0, 1)
    ax.set_ylabel(label("text.chart.theme_share", language))
    if score is not None:
        ax.set_xlabel(label("text.chart.rating", language))
    ax.set_title(label("text.chart.sentiment_title", language))
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return readable(ax)
