"""Themes in customer comments: TF-IDF weights on the package's words, factorised by NMF.

Examples
--------
>>> from csat_lab.text import themes
>>> comments = ["queue was long", "long queue again", "rude staff", "staff were rude"] * 3
>>> themes(comments, 2).assignments.nunique()
2
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.validate import whole_number
from ..errors import CsatInputError
from ..i18n import Message
from ._input import as_texts, check_language, detect_language
from .tokens import theme_stop_words, tokens_of

__all__ = ["ThemeResult", "themes"]


def _words(tokens: list[str]) -> list[str]:
    return tokens


@dataclasses.dataclass(frozen=True)
class ThemeResult(Result):
    """Themes found in comments: top terms per theme and each comment's theme.

    Attributes
    ----------
    terms : pandas.DataFrame
        ``theme`` (1..k), ``rank`` (1 = heaviest), ``term`` and ``weight``
        (the term's loading in the theme, NMF's H), ``top`` rows per theme.
    assignments : pandas.Series
        Each comment's theme (1..k), index kept from the input; NaN for a
        missing comment or one with no word in the vocabulary.
    weights : pandas.DataFrame
        Each comment's weight on each theme (NMF's W), index kept, columns 1..k.
    k : int
        Number of themes.
    seed : int
        Seed given to NMF.
    n : int
        Comments with at least one word, used to find the themes.
    n_missing : int
        Missing comments (None, NaN).
    n_empty : int
        Comments with no word left after stop words (empty, emoji, numbers).
    """

    terms: pd.DataFrame
    assignments: pd.Series
    weights: pd.DataFrame
    k: int
    seed: int
    n: int
    n_missing: int
    n_empty: int

    @property
    def labels(self) -> dict[int, str]:
        """Theme number -> its three heaviest terms joined by " / " (a name to start from)."""
        top = self.terms[self.terms["rank"] <= 3]
        return {int(t): " / ".join(g["term"]) for t, g in top.groupby("theme")}

    @property
    def estimate(self) -> pd.Series:
        """Share of the comments with a theme that fall in each theme."""
        return self.assignments.value_counts(normalize=True).sort_index()

    def _summary(self) -> list:
        rows: list = [("result.n", self.n), ("text.n_missing", self.n_missing, "count"),
                      ("text.n_empty", self.n_empty, "count"), ("text.k", self.k, "count"),
                      ("text.seed", self.seed, "plain")]
        shares = self.estimate
        for theme, words in self.labels.items():
            rows.append((Message("text.theme_row", theme=theme, terms=words), float(shares.get(theme, 0.0)), "share"))
        return rows

    def __repr__(self) -> str:
        return f"ThemeResult(k={self.k}, n={self.n}, labels={self.labels!r})"

    @shared_docs
    def plot(self, by: Any = None, *, language: str | None = None, ax: Any = None) -> Any:
        """Bars of the share of comments in each theme, per group (:func:`csat_lab.plots.text.theme_bars`).

        Parameters
        ----------
        by : array-like, optional
            A group per comment (e.g. detractor / passive / promoter), aligned
            with the comments; without it, one bar per theme.
        @{language}
        @{ax}

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.text import theme_bars

        return theme_bars(self, by, language=language, ax=ax)


def themes(texts: Any, k: int, language: str = "auto", *, seed: int = 0, top: int = 8,
           encoding: str = "utf-8") -> ThemeResult:
    """Find ``k`` themes in comments (TF-IDF + NMF) with their top terms and each comment's theme.

    Parameters
    ----------
    texts : list, tuple, pandas.Series or numpy array of str
        The comments; missing values are kept (theme NaN) and counted;
        ``bytes`` are decoded with ``encoding``.
    k : int
        Number of themes, at least 1 and at most the number of comments with words.
    language : {"auto", "en", "zh-CN"}, default "auto"
        Language of the comments for :func:`~csat_lab.text.tokenize`.
    seed : int, default 0
        Seed of NMF (its start is the deterministic NNDSVDa, so the result
        depends on the seed only through ties); same input, same themes.
    top : int, default 8
        Terms listed per theme.
    encoding : str, default "utf-8"
        How ``bytes`` comments are decoded.

    Returns
    -------
    ThemeResult
        ``.terms`` (theme, rank, term, weight), ``.assignments`` (theme per
        comment, index kept), ``.weights``, ``.labels`` (theme -> top terms).

    Notes
    -----
    Each comment :math:`d` becomes a vector of TF-IDF weights over the words
    of :func:`~csat_lab.text.tokenize`, less discourse fillers and generic
    judgements (overall, honestly, good, 总的来说, 说实话, 不错:
    ``data/theme_stopwords.txt``), which say how a customer feels, not what
    the comment is about: :math:`(1 + \\log tf_{dw}) \\cdot
    (1 + \\log\\frac{1 + n}{1 + df_w})`, scaled to unit length. Non-negative
    matrix factorisation writes the comments x words matrix :math:`X \\approx WH`
    with :math:`W, H \\ge 0` and :math:`k` columns of :math:`W`, minimising the
    generalised Kullback-Leibler divergence
    :math:`\\sum_{dw} X_{dw} \\log\\frac{X_{dw}}{(WH)_{dw}} - X_{dw} + (WH)_{dw}`
    by multiplicative updates (Lee & Seung, 2001) from an NNDSVDa start (on
    short comments it recovers themes better than the squared error); row
    :math:`t` of :math:`H` lists theme :math:`t`'s terms, and a comment's theme
    is its largest weight in :math:`W`. Themes are numbered by size (1 = most
    comments). Short comments carry few words; themes of fewer than about 30
    comments, or with ``k`` much larger than the true number, are unstable.
    A theme is a list of words: name it by reading its comments.

    References
    ----------
    .. [1] Lee, D. D., & Seung, H. S. (1999). Learning the parts of objects by
       non-negative matrix factorization. Nature, 401(6755), 788-791.
    .. [2] Lee, D. D., & Seung, H. S. (2001). Algorithms for non-negative matrix
       factorization. Advances in Neural Information Processing Systems 13, 556-562.
    .. [3] Boutsidis, C., & Gallopoulos, E. (2008). SVD based initialization: A head
       start for nonnegative matrix factorization. Pattern Recognition, 41(4), 1350-1362.

    Examples
    --------
    >>> comments = ["等了很久才排到", "排队等了一个小时", "客服态度很差", "态度冷淡的客服"] * 3
    >>> result = themes(comments, 2)
    >>> sorted(result.assignments.value_counts().tolist())
    [6, 6]
    """
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    language = check_language(language)
    k = whole_number(k, "k", minimum=1)
    top = whole_number(top, "top", minimum=1)
    if not isinstance(seed, (int, np.integer)) or isinstance(seed, bool):
        raise CsatInputError(Message("text.error.seed", got=repr(seed)))
    series = as_texts(texts, encoding=encoding)
    extra = theme_stop_words()
    tokens = {i: tokens_of(t, detect_language(t) if language == "auto" else language, True, extra)
              for i, t in zip(series.index, series) if t is not None}
    used = [i for i, words in tokens.items() if words]
    n_missing = int(series.isna().sum())
    if len(used) < max(k, 2):
        raise CsatInputError(Message("text.error.too_few", k=k, n=len(used)))
    vectorizer = TfidfVectorizer(analyzer=_words, sublinear_tf=True)
    matrix = vectorizer.fit_transform([tokens[i] for i in used])
    vocabulary = vectorizer.get_feature_names_out()
    if len(vocabulary) < k:
        raise CsatInputError(Message("text.error.vocabulary", k=k, n=len(vocabulary)))
    model = NMF(n_components=k, init="nndsvda", solver="mu", beta_loss="kullback-leibler",
                random_state=int(seed), max_iter=1000, tol=1e-5)
    w = model.fit_transform(matrix)
    h = model.components_
    raw = np.where(w.max(axis=1) > 0, w.argmax(axis=1), -1)
    # Number the themes by size (ties by first appearance) so that the numbering does not depend on NMF's order.
    sizes = np.bincount(raw[raw >= 0], minlength=k)
    order = sorted(range(k), key=lambda t: (-sizes[t], t))
    renumber = {old: new + 1 for new, old in enumerate(order)}
    assignments = pd.Series(np.nan, index=series.index, dtype=float)
    assignments.loc[used] = [renumber[t] if t >= 0 else np.nan for t in raw]
    weights = pd.DataFrame(np.nan, index=series.index, columns=range(1, k + 1))
    weights.loc[used, :] = w[:, order]
    rows = []
    for old in order:
        best = np.argsort(-h[old], kind="stable")[:top]
        rows += [(renumber[old], rank + 1, str(vocabulary[j]), float(h[old, j]))
                 for rank, j in enumerate(best) if h[old, j] > 0]
    terms = pd.DataFrame(rows, columns=["theme", "rank", "term", "weight"])
    return ThemeResult(terms=terms, assignments=assignments.astype("Int64").astype(float).rename("theme"),
                       weights=weights, k=k, seed=int(seed), n=len(used), n_missing=n_missing,
                       n_empty=len(tokens) - len(used))
