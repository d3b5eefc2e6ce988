"""Distinctive words of groups of comments (detractors vs promoters ...): log-odds with a prior, or chi-square.

Examples
--------
>>> from csat_lab.text import keywords
>>> table = keywords(["slow slow queue", "rude staff", "friendly staff", "quick friendly"],
...                  by=["low", "low", "high", "high"], top=1).table
>>> table[["group", "term"]].values.tolist()
[['high', 'friendly'], ['low', 'slow']]
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import TableResult
from .._core.validate import finite_number, whole_number
from ..errors import CsatInputError
from ..i18n import Message
from ._input import as_texts, check_language, detect_language, is_missing
from .tokens import tokens_of

__all__ = ["KeywordResult", "keywords"]

_METHODS = ("log_odds", "chi2")


@dataclasses.dataclass(frozen=True)
class KeywordResult(TableResult):
    """Distinctive terms of each group of comments.

    Attributes
    ----------
    table : pandas.DataFrame
        ``group``, ``term``, ``score`` (z-score of the log-odds ratio, or the
        signed chi-square) and ``count`` (times the term occurs in the group),
        ``top`` rows per group, highest score first; without ``by`` the group
        is ``"all"`` and the score is the term's share of all words.
    method : str
        ``"log_odds"``, ``"chi2"`` or ``"frequency"`` (no groups).
    prior : float
        Total pseudo-count of the Dirichlet prior (log-odds only).
    n : int
        Comments counted.
    n_missing : int
        Comments left out because the comment or its group was missing.
    estimate : pandas.Series
        The scores indexed by (group, term).
    """

    table: pd.DataFrame
    method: str
    prior: float
    n: int
    n_missing: int

    @property
    def estimate(self) -> pd.Series:
        """The scores, indexed by (group, term)."""
        return self.table.set_index(["group", "term"])["score"]

    def _summary(self) -> list:
        return [("result.n", self.n), ("text.n_missing", self.n_missing, "count"),
                ("text.method", Message(f"text.method.{self.method}"))]

    def _column_kinds(self) -> dict[str, str]:
        return {"score": "number:2", "count": "count"}

    def __repr__(self) -> str:
        return f"KeywordResult(method={self.method!r}, n={self.n}, rows={len(self.table)})"


def _log_odds(y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray) -> np.ndarray:
    a0 = alpha.sum()
    n_i, n_j = y_i.sum(), y_j.sum()
    delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
             - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
    return delta / np.sqrt(1 / (y_i + alpha) + 1 / (y_j + alpha))


def _chi2(y_i: np.ndarray, y_j: np.ndarray) -> np.ndarray:
    n_i, n_j = y_i.sum(), y_j.sum()
    a, b = y_i, y_j
    c, d = n_i - y_i, n_j - y_j
    n = n_i + n_j
    denominator = (a + b) * (c + d) * (a + c) * (b + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        chi2 = np.where(denominator > 0, n * (a * d - b * c) ** 2 / denominator, 0.0)
    return np.sign(a * d - b * c) * chi2


def keywords(texts: Any, by: Any = None, *, top: int = 10, method: str = "log_odds", prior: float = 100.0,
             language: str = "auto", encoding: str = "utf-8") -> KeywordResult:
    """Distinctive terms of each group of comments: log-odds ratio with an informative Dirichlet prior.

    Parameters
    ----------
    texts : list, tuple, pandas.Series or numpy array of str
        The comments; missing ones are left out and counted in ``n_missing``.
    by : array-like, optional
        A group per comment (e.g. "detractor" / "promoter"), aligned with
        ``texts``; comments with a missing group are left out and counted.
        Without it, the most frequent terms of all comments.
    top : int, default 10
        Terms listed per group.
    method : {"log_odds", "chi2"}, default "log_odds"
        Each group against all the other comments: z-score of the log-odds
        ratio with an informative Dirichlet prior, or Pearson's chi-square of
        the 2 x 2 table of word counts, signed (+ when the term is more
        frequent in the group).
    prior : float, default 100
        Total pseudo-count :math:`\\alpha_0` of the prior, spread over the terms
        in proportion to their frequency in all comments.
    language : {"auto", "en", "zh-CN"}, default "auto"
        Language of the comments for :func:`~csat_lab.text.tokenize`.
    encoding : str, default "utf-8"
        How ``bytes`` comments are decoded.

    Returns
    -------
    KeywordResult
        ``.table`` with ``group``, ``term``, ``score``, ``count``.

    Notes
    -----
    With :math:`y_{iw}` the count of term :math:`w` in group :math:`i`,
    :math:`n_i` the group's words, :math:`j` all other comments, and the prior
    :math:`\\alpha_w = \\alpha_0 \\, (y_{iw} + y_{jw}) / (n_i + n_j)`
    (Monroe, Colaresi & Quinn, 2008, eq. 16-22):

    .. math::

        \\delta_w = \\log\\frac{y_{iw} + \\alpha_w}{n_i + \\alpha_0 - y_{iw} - \\alpha_w}
                  - \\log\\frac{y_{jw} + \\alpha_w}{n_j + \\alpha_0 - y_{jw} - \\alpha_w},
        \\qquad
        \\sigma^2(\\delta_w) \\approx \\frac{1}{y_{iw} + \\alpha_w} + \\frac{1}{y_{jw} + \\alpha_w},

    and the score is :math:`z_w = \\delta_w / \\sigma(\\delta_w)`. The prior
    shrinks rare words towards no difference, so a word said once by one group
    does not top the list. Chi-square: :math:`N(ad - bc)^2 / ((a+b)(c+d)(a+c)(b+d))`
    with :math:`a = y_{iw}`, :math:`b = y_{jw}`, :math:`c = n_i - a`, :math:`d = n_j - b`.
    Both treat words as independent draws; a comment repeating a word counts it each time.

    References
    ----------
    .. [1] Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
       Lexical feature selection and evaluation for identifying the content of
       political conflict. Political Analysis, 16(4), 372-403.

    Examples
    --------
    >>> result = keywords(["排队太久", "排队等了很久", "服务热情", "态度热情"], by=["低分", "低分", "高分", "高分"], top=1)
    >>> result.table["term"].tolist()
    ['排队', '热情']
    """
    language = check_language(language)
    top = whole_number(top, "top", minimum=1)
    prior = finite_number(prior, "prior")
    if prior <= 0:
        raise CsatInputError(Message("text.error.prior", got=repr(prior)))
    if method not in _METHODS:
        raise CsatInputError(Message("text.error.method", got=repr(method), options=", ".join(_METHODS)))
    series = as_texts(texts, encoding=encoding)
    if by is None:
        groups = pd.Series("all", index=series.index, dtype=object)
    else:
        values = list(by.array) if isinstance(by, pd.Series) else list(np.asarray(by, dtype=object).ravel()) \
            if not isinstance(by, (str, bytes)) else None
        if values is None or len(values) != len(series):
            raise CsatInputError(Message("text.error.by_length", n=len(series),
                                         got=len(values) if values is not None else repr(by)))
        groups = pd.Series([None if is_missing(v) else v for v in values], index=series.index, dtype=object)
    keep = series.notna() & groups.notna()
    counts: dict[Any, Counter] = {}
    for text, group in zip(series[keep], groups[keep]):
        counts.setdefault(group, Counter()).update(
            tokens_of(text, detect_language(text) if language == "auto" else language))
    vocabulary = sorted(set().union(*counts.values())) if counts else []
    if not vocabulary:
        raise CsatInputError(Message("text.error.no_words"))
    matrix = np.array([[counts[g][w] for w in vocabulary] for g in counts], dtype=float)
    rows = []
    for gi, group in enumerate(counts):
        y_i = matrix[gi]
        if by is None:
            scores, used = y_i / y_i.sum(), "frequency"
        else:
            y_j = matrix.sum(axis=0) - y_i
            if method == "log_odds":
                alpha = prior * (y_i + y_j) / (y_i + y_j).sum()
                scores = _log_odds(y_i, y_j, alpha)
            else:
                scores = _chi2(y_i, y_j)
            used = method
        order = sorted(range(len(vocabulary)), key=lambda j: (-scores[j], vocabulary[j]))
        rows += [(group, vocabulary[j], float(scores[j]), int(y_i[j])) for j in order[:top] if y_i[j] > 0]
    table = pd.DataFrame(rows, columns=["group", "term", "score", "count"])
    table = table.sort_values(["group", "score"], ascending=[True, False], kind="stable").reset_index(drop=True)
    return KeywordResult(table=table, method=used, prior=float(prior), n=int(keep.sum()),
                         n_missing=int((~keep).sum()))
