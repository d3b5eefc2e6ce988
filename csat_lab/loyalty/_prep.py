"""Input preparation shared by the loyalty modules (internal).

Every public function of :mod:`csat_lab.loyalty` goes through these helpers so
that bad input fails the same way everywhere: a :class:`CsatInputError` naming
the column and what was expected, and rows removed for missing values counted
and reported rather than silently lost.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .._core.validate import as_numeric, require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import Message
from ..i18n.names import Name


def column_list(columns: object, what: str) -> list[str]:
    """Turn a column name or a sequence of names into a non-empty list without duplicates."""
    if isinstance(columns, str):
        cols = [columns]
    elif isinstance(columns, Sequence) or isinstance(columns, (pd.Index, np.ndarray)):
        cols = list(columns)
    else:
        raise CsatInputError(f"{what} must be a column name or a list of column names, got {type(columns).__name__}")
    if not cols:
        raise CsatInputError(f"{what} is empty; give at least one column name")
    dupes = sorted({c for c in cols if cols.count(c) > 1})
    if dupes:
        raise CsatInputError(f"{what} lists {dupes} more than once")
    return cols


def _to_float(series: pd.Series, name: str) -> np.ndarray:
    # numeric dtypes convert directly; text and categories go through the checking converter
    if pd.api.types.is_numeric_dtype(series.dtype) and not isinstance(series.dtype, pd.CategoricalDtype):
        return series.to_numpy(dtype=float, na_value=np.nan)
    return as_numeric(series, name).to_numpy(dtype=float)


def numeric_frame(data: object, columns: list[str], what: str = "data") -> tuple[pd.DataFrame, int, dict[str, int]]:
    """Select ``columns`` as floats and drop incomplete rows listwise.

    Returns the complete-case frame, the number of rows dropped and a dict
    ``{reason: count}`` naming the column(s) responsible, so reports add up.
    """
    frame = require_frame(data, what)
    require_columns(frame, columns, what)
    values = np.column_stack([_to_float(frame[c], c) for c in columns])
    missing = np.isnan(values)
    infinite = np.isinf(values)
    if infinite.any():
        col = columns[int(np.flatnonzero(infinite.any(axis=0))[0])]
        raise CsatInputError(f"column {col!r} holds infinite values; expected finite numbers")
    incomplete = missing.any(axis=1)
    dropped: dict[str, int] = {}
    n_dropped = int(incomplete.sum())
    if n_dropped:
        counts = missing[incomplete].sum(axis=0)
        # Columns as identifiers in the value, by their display names when shown.
        detail = tuple(Message("value.reason.column_count", column=Name(c), count=int(k))
                       for c, k in zip(columns, counts) if k)
        dropped[Message("value.reason.listwise_columns", detail=detail)] = n_dropped
    clean = pd.DataFrame(values[~incomplete], index=frame.index[~incomplete], columns=columns)
    return clean, n_dropped, dropped


def flat_columns(values: np.ndarray, names: Sequence[str]) -> list[str]:
    """Names of columns whose values do not vary (relative to their size)."""
    if values.shape[0] < 2:
        return list(names)
    sd = values.std(axis=0, ddof=1)
    scale = np.maximum(1.0, np.abs(values).max(axis=0))
    return [c for c, s, m in zip(names, sd, scale) if not np.isfinite(s) or s <= 1e-12 * m]


def check_variation(frame: pd.DataFrame, what: str = "column") -> None:
    """Reject columns that do not vary (their correlations are undefined)."""
    flat = flat_columns(frame.to_numpy(dtype=float), list(frame.columns))
    if flat:
        raise CsatInputError(
            f"{what} {flat} {'is' if len(flat) == 1 else 'are'} constant after removing missing rows; "
            "a variable that does not vary carries no information - remove it"
        )


def check_not_collinear(corr: np.ndarray, names: list[str], what: str = "drivers") -> None:
    """Reject perfectly (or numerically) collinear variables, naming the ones involved.

    The eigenvector of the smallest eigenvalue of the correlation matrix shows
    which variables form the exact linear combination.
    """
    vals, vecs = np.linalg.eigh(corr)
    if vals[0] > 1e-10 * max(1.0, vals[-1]):
        return
    vec = vecs[:, 0]
    involved = [n for n, v in zip(names, vec) if abs(v) > 0.1 * np.abs(vec).max()]
    raise CsatInputError(
        f"{what} {involved} are perfectly collinear (one is an exact linear combination of the others); "
        "drop or combine them"
    )

