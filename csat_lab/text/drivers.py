"""Which comment themes go with low scores: mean score with and without each theme, with a Welch interval.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.text import drivers_from_text
>>> data = pd.DataFrame({"comment": ["排队太久", "排队很久", "服务热情", "态度热情"] * 3,
...                      "satisfaction": [2, 1, 5, 4] * 3})
>>> drivers_from_text(data, k=2).table["difference"].round(2).tolist()
[-3.0, 3.0]
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from .._core.docstrings import shared_docs
from .._core.intervals import t_value
from .._core.results import TableResult
from .._core.validate import probability, require_columns, require_frame, whole_number
from ..errors import CsatInputError
from ..i18n import Message
from .topics import ThemeResult, themes

__all__ = ["TextDriversResult", "drivers_from_text"]


@dataclasses.dataclass(frozen=True)
class TextDriversResult(TableResult):
    """Mean score of comments with and without each theme, lowest difference first.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per theme: ``theme`` (number or given label), ``terms`` (top
        terms; the label itself for given labels), ``n`` (comments in the
        theme), ``comment_share`` (share of the comments used), ``mean_with``,
        ``mean_without``, ``difference`` (with - without), ``ci_low``,
        ``ci_high`` (Welch t interval of the difference; NaN when a side has
        fewer than two comments or no spread).
    ci_level : float
        Confidence level of the intervals.
    ci_method : Message
        "Welch t".
    n : int
        Comments used (text and score present).
    n_dropped : int
        Rows left out (missing text, score, or theme).
    themes : ThemeResult or None
        The themes found (None when theme labels were given).
    """

    table: pd.DataFrame
    ci_level: float
    ci_method: str
    n: int
    n_dropped: int
    themes: Any = None

    @property
    def estimate(self) -> float:
        """The most negative difference (the theme that goes with the lowest scores)."""
        return float(self.table["difference"].min()) if len(self.table) else float("nan")

    def _summary(self) -> list:
        return [("result.n", self.n), ("result.n_dropped", self.n_dropped),
                ("text.ci_level", self.ci_level, "share"), ("text.ci_method", self.ci_method)]

    def _column_kinds(self) -> dict[str, str]:
        return {"comment_share": "share", "mean_with": "number:2", "mean_without": "number:2",
                "difference": "number:2", "ci_low": "number:2", "ci_high": "number:2"}

    def __repr__(self) -> str:
        return f"TextDriversResult(n={self.n}, themes={len(self.table)}, estimate={self.estimate:.3f})"

    @shared_docs
    def plot(self, *, language: str | None = None, ax: Any = None) -> Any:
        """Bars of each theme's difference in mean score with its interval (:func:`csat_lab.plots.text.theme_score_bars`).

        Parameters
        ----------
        @{language}
        @{ax}

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.text import theme_score_bars

        return theme_score_bars(self, language=language, ax=ax)


def welch_interval(a: np.ndarray, b: np.ndarray, ci: float) -> tuple[float, float]:
    """Welch t interval of mean(a) - mean(b); NaNs when either side cannot give a variance."""
    if len(a) < 2 or len(b) < 2:
        return float("nan"), float("nan")
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    se = math.sqrt(va + vb)
    if se == 0:
        return float("nan"), float("nan")
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    half = t_value(ci, df) * se
    d = float(a.mean() - b.mean())
    return d - half, d + half


def drivers_from_text(data: pd.DataFrame, *, text: str = "comment", score: str = "satisfaction", k: int = 6,
                      language: str = "auto", ci: float = 0.95, theme: str | None = None,
                      seed: int = 0) -> TextDriversResult:
    """Which comment themes go with low scores: share, mean score with and without, difference with a CI.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per answer, with a comment column and a score column.
    text : str, default "comment"
        Column of comments.
    score : str, default "satisfaction"
        Column of the numeric score (e.g. satisfaction 1-5, likelihood to recommend 0-10).
    k : int, default 6
        Number of themes to find with :func:`~csat_lab.text.themes` (ignored with ``theme``).
    language : {"auto", "en", "zh-CN"}, default "auto"
        Language of the comments.
    ci : float, default 0.95
        Confidence level of the interval, strictly between 0 and 1.
    theme : str, optional
        A column of theme labels already coded (by hand, or the dataset's
        ``comment_theme``); then no themes are searched for.
    seed : int, default 0
        Seed of :func:`~csat_lab.text.themes`.

    Returns
    -------
    TextDriversResult
        ``.table`` with theme, terms, n, share, mean_with, mean_without,
        difference, ci_low, ci_high, sorted by difference (lowest first).

    Notes
    -----
    For theme :math:`t`, comments in it (:math:`n_1`, mean :math:`\\bar y_1`,
    variance :math:`s_1^2`) against all others (:math:`n_2, \\bar y_2, s_2^2`):
    :math:`d = \\bar y_1 - \\bar y_2`, with the Welch interval
    :math:`d \\pm t_{1-\\alpha/2,\\nu} \\sqrt{s_1^2/n_1 + s_2^2/n_2}` and
    Welch-Satterthwaite degrees of freedom
    :math:`\\nu = (s_1^2/n_1 + s_2^2/n_2)^2 / \\big((s_1^2/n_1)^2/(n_1-1) + (s_2^2/n_2)^2/(n_2-1)\\big)`.
    Each comment has one theme (its largest NMF weight). The difference is an
    association, not an effect: unhappy customers may simply write more; the
    intervals are not adjusted for looking at several themes.

    References
    ----------
    .. [1] Welch, B. L. (1947). The generalization of "Student's" problem when
       several different population variances are involved. Biometrika, 34(1/2), 28-35.

    Examples
    --------
    >>> data = pd.DataFrame({"comment": ["slow queue", "queue too slow", "kind staff", "staff were kind"] * 3,
    ...                      "satisfaction": [1, 2, 5, 4] * 3})
    >>> drivers_from_text(data, k=2).table[["n", "difference"]].round(1).values.tolist()
    [[6.0, -3.0], [6.0, 3.0]]
    """
    data = require_frame(data)
    columns = [text, score] + ([theme] if theme is not None else [])
    require_columns(data, columns)
    ci = probability(ci, "ci")
    values = pd.to_numeric(data[score], errors="coerce")
    bad = data[score].notna() & values.isna()
    if bad.any():
        raise CsatInputError(Message("text.error.score", column=score, rows=str(list(data.index[bad][:5]))))
    found: ThemeResult | None = None
    if theme is None:
        k = whole_number(k, "k", minimum=2)
        found = themes(data[text], k, language, seed=seed)
        labels = found.assignments
        names = found.labels
    else:
        labels = data[theme].where(data[theme].notna(), None)
        names = {}
    keep = data[text].notna() & values.notna() & pd.Series(labels, index=data.index).notna()
    y = values[keep].to_numpy(dtype=float)
    lab = pd.Series(labels, index=data.index)[keep].to_numpy(dtype=object)
    rows = []
    for t in sorted(set(lab), key=lambda v: (str(type(v)), v)):
        inside = lab == t
        a, b = y[inside], y[~inside]
        lo, hi = welch_interval(a, b, ci)
        name = int(t) if isinstance(t, float) and float(t).is_integer() else t
        rows.append((name, names.get(name, str(name)), int(inside.sum()), float(inside.mean()), float(a.mean()),
                     float(b.mean()) if len(b) else float("nan"),
                     float(a.mean() - b.mean()) if len(b) else float("nan"), lo, hi))
    table = pd.DataFrame(rows, columns=["theme", "terms", "n", "comment_share", "mean_with", "mean_without",
                                        "difference", "ci_low", "ci_high"])
    table = table.sort_values("difference", kind="stable").reset_index(drop=True)
    return TextDriversResult(table=table, ci_level=ci, ci_method=Message("value.method.welch"),
                             n=int(keep.sum()), n_dropped=int((~keep).sum()), themes=found)
