"""Input checks shared by every public function (internal).

Each helper raises :class:`~csat_lab.errors.CsatInputError` with a message that
names the column or row at fault and what was expected, so no traceback from
inside pandas or NumPy reaches the user.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from .errors import CsatInputError


def require_frame(data: object, what: str = "data") -> pd.DataFrame:
    """Return ``data`` as a DataFrame, rejecting other types and empty tables."""
    if not isinstance(data, pd.DataFrame):
        raise CsatInputError(f"{what} must be a pandas DataFrame, got {type(data).__name__}")
    if data.shape[0] == 0:
        raise CsatInputError(f"{what} is empty (0 rows)")
    return data


def require_columns(data: pd.DataFrame, columns: Iterable[str], what: str = "data") -> list[str]:
    """Check that every name in ``columns`` is a column of ``data``; list valid ones if not."""
    cols = [columns] if isinstance(columns, str) else list(columns)
    missing = [c for c in cols if c not in data.columns]
    if missing:
        valid = ", ".join(map(str, data.columns[:40]))
        more = " ..." if len(data.columns) > 40 else ""
        noun = "column" if len(missing) == 1 else "columns"
        raise CsatInputError(
            f"no {noun} {', '.join(repr(m) for m in missing)} in {what}; columns are: {valid}{more}"
        )
    return cols


def numeric_column(data: pd.DataFrame, column: str, what: str = "data") -> pd.Series:
    """Return ``data[column]`` as float, naming rows whose values are not numbers."""
    require_columns(data, [column], what)
    return as_numeric(data[column], column)


def as_numeric(values: object, name: str = "values") -> pd.Series:
    """Convert to a float Series; text that is not a number raises with its row labels."""
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    if series.dtype == bool:
        return series.astype(float)
    numeric = pd.to_numeric(series, errors="coerce")
    bad = numeric.isna() & series.notna()
    if bad.any():
        rows = list(series.index[bad][:5])
        raise CsatInputError(
            f"{name!r} must be numeric; rows {rows} hold text such as {series[bad].iloc[0]!r}"
        )
    return numeric.astype(float)


def weights_array(weights: object, n: int, name: str = "weights") -> np.ndarray:
    """Validate sampling weights: length ``n``, finite, non-negative, not all zero."""
    w = as_numeric(weights if isinstance(weights, pd.Series) else pd.Series(np.asarray(weights, dtype=object)), name).to_numpy()
    if w.shape[0] != n:
        raise CsatInputError(f"{name} has {w.shape[0]} values but the data has {n} rows")
    if np.isnan(w).any():
        raise CsatInputError(f"{name} has missing values at positions {np.flatnonzero(np.isnan(w))[:5].tolist()}")
    if (w < 0).any() or not np.isfinite(w).all():
        raise CsatInputError(f"{name} must be finite and non-negative; bad positions {np.flatnonzero((w < 0) | ~np.isfinite(w))[:5].tolist()}")
    if w.sum() == 0:
        raise CsatInputError(f"{name} are all zero")
    return w


def probability(value: float, name: str = "ci") -> float:
    """Check a level such as a confidence level lies strictly between 0 and 1."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise CsatInputError(f"{name} must be a number between 0 and 1, got {value!r}") from None
    if not 0 < v < 1:
        raise CsatInputError(f"{name} must lie strictly between 0 and 1, got {value!r}")
    return v


def one_of(value: str, options: Sequence[str], name: str) -> str:
    """Check ``value`` is one of ``options``; the error lists them."""
    if value not in options:
        raise CsatInputError(f"{name} must be one of: {', '.join(map(repr, options))}; got {value!r}")
    return value


def finite_number(value: object, name: str) -> float:
    """A finite float; text, None, NaN and infinities raise an error naming ``name``."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CsatInputError(f"{name} must be a number, got {value!r}") from None
    if not np.isfinite(number):
        raise CsatInputError(f"{name} must be a finite number, got {value!r}")
    return number
