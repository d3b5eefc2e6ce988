"""Kano classification of product or service features.

Each respondent answers a functional question ("How do you feel if the
feature is present?") and a dysfunctional one ("... if it is absent?") on
the five Kano options: 1 like, 2 must-be (expect it), 3 neutral, 4 live
with, 5 dislike. The pair maps to a category through Kano's evaluation table
(Kano et al., 1984; Berger et al., 1993):

=========  ====  =======  =======  =========  =======
F \\ D     like  must-be  neutral  live with  dislike
=========  ====  =======  =======  =========  =======
like        Q     A        A        A          O
must-be     R     I        I        I          M
neutral     R     I        I        I          M
live with   R     I        I        I          M
dislike     R     R        R        R          Q
=========  ====  =======  =======  =========  =======

A attractive, O one-dimensional, M must-be, I indifferent, R reverse,
Q questionable.

Examples
--------
>>> from csat_lab.survey import kano_classify
>>> kano_classify([1, 2, 1], [5, 5, 3]).tolist()
['O', 'M', 'A']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.results import message_column
from .._core.validate import require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import LANGUAGES, Message

__all__ = ["KANO5", "KANO_CATEGORIES", "kano_classify", "kano_table"]

#: The five Kano answer options (labels ``scale.kano5.<code>`` in the catalog).
KANO5 = _scales.register(_scales.Scale("kano5", 1, 5))

#: Category codes in display order.
KANO_CATEGORIES = ("A", "O", "M", "I", "R", "Q")

_TABLE = np.array([list("QAAAO"), list("RIIIM"), list("RIIIM"), list("RIIIM"), list("RRRRQ")])
# Berger et al. (1993): when categories tie, report the one that matters most: M > O > A > I > R > Q
_PRIORITY = ("M", "O", "A", "I", "R", "Q")


def _answers(values: object, name: str) -> np.ndarray:
    if isinstance(values, pd.DataFrame):
        raise CsatInputError(f"{name} must be one column of answers, got a table with columns {list(values.columns)[:10]}")
    if values is None or isinstance(values, (str, bytes)) or np.ndim(values) != 1:
        raise CsatInputError(f"{name} must be a sequence of answers (codes 1-5 or option labels), one per "
                             f"respondent; got {values!r}")
    series = values if isinstance(values, pd.Series) else pd.Series(list(values), dtype=object)
    lookup = {text.strip().lower(): code for lang in LANGUAGES
              for code, text in zip(KANO5.values, KANO5.labels(lang))}
    mapped = series.map(lambda v: lookup.get(v.strip().lower(), v) if isinstance(v, str) else v)
    return KANO5.validate(mapped.reset_index(drop=True), name).to_numpy()


def kano_classify(functional: object, dysfunctional: object) -> pd.Series:
    """Kano category (A/O/M/I/R/Q) of each functional/dysfunctional answer pair.

    Parameters
    ----------
    functional : array-like
        Answers to "how do you feel if the feature is present?": codes 1-5
        or the option labels (English or Chinese).
    dysfunctional : array-like
        Answers to "how do you feel if it is absent?", of the same length.

    Returns
    -------
    pandas.Series
        Categorical ``kano`` with categories A, O, M, I, R, Q; missing where
        either answer of the pair is missing.

    Notes
    -----
    The category is the cell ``table[f, d]`` of Kano's evaluation table (see
    the module docstring).

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F., & Tsuji, S. (1984). Attractive quality and must-be quality.
    *Journal of the Japanese Society for Quality Control*, 14(2).
    Berger, C., et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality of Management Journal*, 2(4).

    Examples
    --------
    >>> kano_classify(["Like", "Must-be"], ["Dislike", "Live with"]).tolist()
    ['O', 'I']
    """
    f = _answers(functional, "functional")
    d = _answers(dysfunctional, "dysfunctional")
    if f.shape[0] != d.shape[0]:
        raise CsatInputError(f"functional has {f.shape[0]} answers but dysfunctional has {d.shape[0]}")
    ok = ~(np.isnan(f) | np.isnan(d))
    out = np.full(f.shape[0], None, dtype=object)
    out[ok] = _TABLE[f[ok].astype(int) - 1, d[ok].astype(int) - 1]
    return pd.Series(pd.Categorical(out, categories=list(KANO_CATEGORIES)), name="kano")


def kano_table(data: pd.DataFrame, *, feature: str, functional: str, dysfunctional: str,
               language: str | None = None) -> pd.DataFrame:
    """Counts per Kano category for each feature, its category and Better/Worse coefficients.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent and feature (long format).
    feature : str
        Column naming the feature each row is about.
    functional : str
        Column of answers to the functional question (codes 1-5 or labels).
    dysfunctional : str
        Column of answers to the dysfunctional question.
    language : str, optional
        Write ``category_label`` as plain text in this language ("en" or
        "zh-CN"); by default it holds messages shown in the current language.

    Returns
    -------
    pandas.DataFrame
        Indexed by feature: ``A, O, M, I, R, Q, n, n_missing, category,
        category_label, better, worse``. ``better`` and ``worse`` are NaN (and
        ``category`` None) for a feature with no A, O, M or I answer, where
        the coefficients are undefined.

    Notes
    -----
    ``Better = (A + O) / (A + O + M + I)`` (how much satisfaction rises when
    the feature is present) and ``Worse = -(O + M) / (A + O + M + I)`` (how
    much it falls when absent). The category is the most frequent one, ties
    broken M > O > A > I > R > Q.

    References
    ----------
    Berger, C., et al. (1993). Kano's methods for understanding customer-defined quality.
    *Center for Quality of Management Journal*, 2(4).

    Examples
    --------
    >>> df = pd.DataFrame({"feature": ["wifi"] * 4 + ["parking"] * 2,
    ...                    "f": [1, 1, 2, 1, 2, 2], "d": [5, 3, 5, 5, 5, 5]})
    >>> t = kano_table(df, feature="feature", functional="f", dysfunctional="d")
    >>> t[["O", "A", "M", "category", "better", "worse"]]
             O  A  M category  better  worse
    feature
    wifi     2  1  1        O    0.75  -0.75
    parking  0  0  2        M    0.00  -1.00
    """
    data = require_frame(data)
    require_columns(data, [feature, functional, dysfunctional])
    cats = kano_classify(data[functional], data[dysfunctional])
    frame = pd.DataFrame({"feature": data[feature].to_numpy(), "kano": cats.to_numpy()})
    if frame["feature"].isna().any():
        raise CsatInputError(f"column {feature!r} has missing feature names at rows "
                             f"{list(data.index[data[feature].isna()][:5])}")
    counts = pd.crosstab(frame["feature"], frame["kano"]).reindex(columns=list(KANO_CATEGORIES), fill_value=0)
    counts.columns = list(KANO_CATEGORIES)
    counts = counts.reindex(pd.unique(frame["feature"])).fillna(0).astype(int)
    counts["n"] = counts[list(KANO_CATEGORIES)].sum(axis=1)
    counts["n_missing"] = frame["kano"].isna().groupby(frame["feature"], sort=False).sum().reindex(counts.index)
    ranked = counts[list(_PRIORITY)]
    counts["category"] = [ranked.columns[int(np.argmax(row))] if row.max() > 0 else None for row in ranked.to_numpy()]
    messages = (Message(f"survey.kano.{c}") if c else None for c in counts["category"])
    counts["category_label"] = message_column(
        (m.render(language) if language and m is not None else m for m in messages), counts.index)
    base = counts[["A", "O", "M", "I"]].sum(axis=1).replace(0, np.nan)
    counts["better"] = (counts["A"] + counts["O"]) / base
    counts["worse"] = -(counts["O"] + counts["M"]) / base
    counts.index.name = "feature"
    return counts
