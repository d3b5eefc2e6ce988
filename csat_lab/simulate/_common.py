"""Shared pieces of the data-generating processes: sizes, ordinal cuts, file writing.

The writer formats every value itself (fixed decimals, ISO dates, ``True``/``False``,
``\\n`` line endings) so that regenerating a dataset reproduces the shipped file byte
for byte on any machine with the same NumPy version.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Mapping

import numpy as np
import pandas as pd

from .._core.validate import whole_number
from ..errors import CsatInputError

__all__ = ["respondents", "cut_latent", "format_frame", "csv_bytes", "write_csv"]

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"




def respondents(n: object, minimum: int, maximum: int, name: str = "n") -> int:
    """A simulated sample size: a whole number from ``minimum`` to ``maximum``, or a clear error.

    The upper bound keeps a typo such as ``n=10**9`` from filling the memory.

    Examples
    --------
    >>> respondents(50, 10, 1000)
    50
    """
    n = whole_number(n, name, minimum=minimum)
    if n > maximum:
        raise CsatInputError(f"{name} must be at most {maximum:,} for this simulation, got {n:,}")
    return n


def cut_latent(latent: np.ndarray, thresholds: np.ndarray | list[float], low: int = 1) -> np.ndarray:
    """Cut a latent score into ordered codes ``low, low+1, ...`` at increasing thresholds.

    A latent value below the first threshold gets ``low``, between thresholds ``k`` and
    ``k+1`` gets ``low + k + 1``; this is the ordered-response model (McKelvey & Zavoina, 1975).
    """
    return low + np.searchsorted(np.asarray(thresholds, dtype=float), latent, side="right")


def _column_text(values: pd.Series, decimals: int, with_time: bool) -> pd.Series:
    missing = values.isna()
    dtype = values.dtype
    if isinstance(dtype, pd.CategoricalDtype):
        text = values.astype(object).map(str, na_action="ignore")
    elif pd.api.types.is_bool_dtype(dtype):
        text = values.map(lambda v: "True" if v else "False", na_action="ignore")
    elif pd.api.types.is_datetime64_any_dtype(dtype):
        text = values.dt.strftime(DATETIME_FORMAT if with_time else DATE_FORMAT)
    elif pd.api.types.is_integer_dtype(dtype):
        text = values.map(lambda v: str(int(v)), na_action="ignore")
    elif pd.api.types.is_float_dtype(dtype):
        text = values.map(lambda v: f"{v:.{decimals}f}", na_action="ignore")
    else:
        text = values.map(str, na_action="ignore")
    return text.astype(object).where(~missing, "")


def format_frame(frame: pd.DataFrame, decimals: Mapping[str, int] | None = None, datetimes: tuple[str, ...] = ()) -> pd.DataFrame:
    """Every column as text exactly as it is written to the CSV file.

    Examples
    --------
    >>> format_frame(pd.DataFrame({"x": [0.5, None], "ok": [True, False]}), {"x": 3}).values.tolist()
    [['0.500', 'True'], ['', 'False']]
    """
    decimals = dict(decimals or {})
    out = {col: _column_text(frame[col], decimals.get(col, 2), col in datetimes) for col in frame.columns}
    return pd.DataFrame(out, index=frame.index)


def csv_bytes(frame: pd.DataFrame, decimals: Mapping[str, int] | None = None, datetimes: tuple[str, ...] = ()) -> bytes:
    """The CSV file content (UTF-8, ``\\n`` line endings, minimal quoting).

    Examples
    --------
    >>> csv_bytes(pd.DataFrame({"day": pd.to_datetime(["2024-03-01"]), "n": [2]}))
    b'day,n\\n2024-03-01,2\\n'
    """
    text = format_frame(frame, decimals, datetimes).to_csv(index=False, lineterminator="\n")
    return text.encode("utf-8")


def write_csv(frame: pd.DataFrame, path: Path, decimals: Mapping[str, int] | None = None, datetimes: tuple[str, ...] = ()) -> Path:
    """Write ``frame`` deterministically; a ``.gz`` suffix gives gzip with ``mtime=0``.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     gzip.decompress(write_csv(pd.DataFrame({"a": [1.25]}), Path(tmp) / "a.csv.gz").read_bytes())
    b'a\\n1.25\\n'
    """
    data = csv_bytes(frame, decimals, datetimes)
    path = Path(path)
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
    return path
