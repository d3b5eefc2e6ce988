"""Input checks shared by every public function (internal).

Each helper raises :class:`~csat_lab.errors.CsatInputError` with a message that
names the column or row at fault and what was expected, so no traceback from
inside pandas or NumPy reaches the user.
"""

from __future__ import annotations

import math
import warnings
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from ..errors import CsatInputError


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
    if not data.columns.is_unique:
        for c in cols:
            times = int((data.columns == c).sum())
            if times > 1:
                raise CsatInputError(f"column {c!r} appears {times} times in {what}; rename or drop the duplicates")
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
    """A finite float; text, None, booleans, NaN and infinities raise an error naming ``name``."""
    if isinstance(value, (bool, np.bool_)):
        raise CsatInputError(f"{name} must be a number, got the boolean {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CsatInputError(f"{name} must be a number, got {value!r}") from None
    if not np.isfinite(number):
        raise CsatInputError(f"{name} must be a finite number, got {value!r}")
    return number


def head_count(value: object, name: str) -> int:
    """A non-negative whole number of customers (``400`` or ``400.0``), or a clear error (booleans too)."""
    if isinstance(value, (bool, np.bool_)):
        raise CsatInputError(f"{name} must be a whole number, got the boolean {value!r}")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise CsatInputError(f"{name} must be a whole number of customers, got {value!r}") from None
    if not math.isfinite(number) or number != int(number):
        raise CsatInputError(f"{name} must be a whole number, got {value!r}")
    if number < 0:
        raise CsatInputError(f"{name} must not be negative, got {value!r}")
    return int(number)


def whole_number(value: object, name: str, *, minimum: int = 0, maximum: int | None = None) -> int:
    """An integer (not a bool, not a float) of at least ``minimum`` (and at most ``maximum``), such as a sample size."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
        raise CsatInputError(f"{name} must be a whole number of at least {minimum}, got {value!r}")
    if value < minimum:
        raise CsatInputError(f"{name} must be a whole number of at least {minimum}, got {value!r}")
    if maximum is not None and value > maximum:
        shown = f"{value!r}" if len(str(value)) <= 20 else f"a number with {len(str(value))} digits"
        raise CsatInputError(f"{name} must be at most {maximum:,}, got {shown}")
    return int(value)


def rate(value: object, name: str) -> float:
    """A proportion in [0, 1]; percentages such as 5 are rejected with a hint."""
    number = finite_number(value, name)
    if not 0.0 <= number <= 1.0:
        hint = f" (write {number / 100:g} for {number:g}%)" if 1 < number <= 100 else ""
        raise CsatInputError(f"{name} must be a proportion between 0 and 1, got {value!r}{hint}")
    return number


def rng_from(seed: object) -> np.random.Generator:
    """A NumPy Generator from a whole-number seed (or the Generator itself, or None for fresh entropy).

    Text, floats (even ``1.0``), booleans and negative numbers raise an error naming ``seed``.
    """
    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None:
        return np.random.default_rng()
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise CsatInputError(f"seed must be a whole number, None or a numpy Generator; got {seed!r}")
    if seed < 0:
        raise CsatInputError(f"seed must be a whole number >= 0 (NumPy seeds cannot be negative); got {seed!r}")
    return np.random.default_rng(int(seed))



def boolean_rows(values: object) -> np.ndarray:
    """Mask of the True/False entries of ``values`` (bool or nullable-boolean dtype, or bools in an object column).

    Booleans are not answers or amounts: read as 1/0 they would silently become numbers, so callers reject them.
    Numeric columns are answered at once, without looking at each value.
    """
    dtype = getattr(values, "dtype", None)
    if isinstance(dtype, pd.CategoricalDtype):
        dtype = dtype.categories.dtype
        values = np.asarray(values, dtype=object)
    if isinstance(dtype, np.dtype) and dtype.kind in "iufcmM":
        return np.zeros(len(values), dtype=bool)  # type: ignore[arg-type]
    if (isinstance(dtype, np.dtype) and dtype.kind == "b") or isinstance(dtype, pd.BooleanDtype):
        return pd.notna(np.asarray(values, dtype=object))
    items = values.to_numpy(dtype=object) if isinstance(values, pd.Series) else np.asarray(values, dtype=object)
    if items.ndim != 1:
        return np.zeros(items.shape[0] if items.ndim else 0, dtype=bool)
    return np.fromiter((isinstance(v, (bool, np.bool_)) for v in items), bool, items.size)


def as_bool(values: object, name: str) -> np.ndarray:
    """Booleans from bool, 0/1 or yes/no/true/false text; anything else is an error naming rows."""
    series = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
    if series.isna().any():
        rows = list(series.index[series.isna()][:5])
        raise CsatInputError(f"{name!r} has missing values at rows {rows}; expected True/False")
    if series.dtype == bool or isinstance(series.dtype, pd.BooleanDtype):
        return series.to_numpy(dtype=bool)
    text = series.astype(str).str.strip().str.lower()
    mapping = {"true": True, "false": False, "yes": True, "no": False, "1": True, "0": False,
               "1.0": True, "0.0": False}
    mapped = text.map(mapping)
    if mapped.isna().any():
        bad = series[mapped.isna()]
        raise CsatInputError(
            f"{name!r} must be True/False (or 1/0, yes/no); rows {list(bad.index[:5])} hold {bad.iloc[0]!r}"
        )
    return mapped.to_numpy(dtype=bool)

def to_dates(values: pd.Series, name: str) -> pd.Series:
    """Parse dates; text that is not a date is an error naming its rows (missing stays NaT).

    Numbers and booleans are not dates (pandas would read ``5`` as 5 ns after 1970) and raise
    naming the rows. Time-zone-aware dates are converted to their local wall-clock time with
    the zone dropped, the same rule as :func:`to_timestamp`.
    """
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        out = values
    else:
        if values.dtype.kind in "biufc":
            given = values.notna()
            if given.any():
                raise CsatInputError(
                    f"{name!r} must hold dates, not numbers; rows {list(values.index[given][:5])} hold "
                    f"{values[given].tolist()[0]!r} (Excel day numbers: pd.to_datetime(x, unit='D', origin='1899-12-30'))"
                )
        with warnings.catch_warnings():
            # pandas warns when it parses element by element; that is not the user's concern
            warnings.simplefilter("ignore", UserWarning)
            out = pd.to_datetime(values, errors="coerce")
        bad = out.isna() & values.notna()
        if bad.any():
            raise CsatInputError(
                f"{name!r} must hold dates; rows {list(values.index[bad][:5])} hold {values[bad].iloc[0]!r}"
            )
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_localize(None)
    beyond = out.notna() & ((out > pd.Timestamp.max) | (out < pd.Timestamp.min))
    if beyond.any():
        raise CsatInputError(
            f"{name!r} holds dates outside 1677-2262 (a future date or typo) at rows {list(values.index[beyond][:5])}"
        )
    return out.astype("datetime64[ns]")


def to_timestamp(value: object, name: str = "now", tz: object = None) -> pd.Timestamp:
    """One date (``now=``, a period bound) as a time-zone-naive Timestamp, or an error naming ``name``.

    Accepts date text, ``datetime``/``date``, NumPy and pandas timestamps. Numbers,
    booleans, empty text, NaT and dates outside 1677-2262 raise. A time-zone-aware
    date is converted to the zone ``tz`` of the data it is compared with (when the
    data were time-zone-aware), then to wall-clock time with the zone dropped: the
    rule :func:`to_dates` applies to the data, so both sides are compared alike.
    """
    if value is None or isinstance(value, (bool, np.bool_, int, float, np.number)):
        raise CsatInputError(f"{name} must be a date such as '2024-12-31', got {value!r}")
    if isinstance(value, str) and not value.strip():
        raise CsatInputError(f"{name} must be a date such as '2024-12-31', got an empty text")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            ts = pd.Timestamp(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise CsatInputError(f"{name} must be a date such as '2024-12-31', got {value!r}") from None
    if ts is pd.NaT or pd.isna(ts):
        raise CsatInputError(f"{name} must be a date such as '2024-12-31', got {value!r}")
    if ts.tzinfo is not None:
        if tz is not None:
            ts = ts.tz_convert(tz)
        ts = ts.tz_localize(None)
    if not pd.Timestamp.min <= ts <= pd.Timestamp.max:
        raise CsatInputError(f"{name} must lie between 1677 and 2262, got {value!r}")
    return ts.as_unit("ns")
