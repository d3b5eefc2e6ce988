"""Conversion of the real CDNOW transaction file into the course's ``cdnow`` dataset."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import CsatInputError

__all__ = ["cdnow_from_master"]


def cdnow_from_master(path: str | Path) -> pd.DataFrame:
    """Read ``CDNOW_master.txt`` (as shipped with the lifetimes package) into a tidy frame.

    The source is whitespace-separated with columns ``customer_id``, ``date`` (YYYYMMDD),
    ``number_of_cds`` and ``dollar_value``; the result has ``customer_id`` (int), ``date``
    (datetime), ``quantity`` (int) and ``amount`` (float, USD) in the source's row order.
    Data: Fader, Hardie & Lee (2005), via the lifetimes package (MIT).

    Parameters
    ----------
    path : str, Path or file-like
        The ``CDNOW_master.txt`` file, with a header row naming the four columns.

    Returns
    -------
    pandas.DataFrame
        One row per transaction: ``customer_id``, ``date``, ``quantity``, ``amount``.

    Raises
    ------
    CsatInputError
        When the file cannot be read or its columns differ from the four expected.

    Examples
    --------
    >>> import io
    >>> cdnow_from_master(io.StringIO(" customer_id date number_of_cds dollar_value\\n 00001 19970101 1 11.77\\n"))
       customer_id       date  quantity  amount
    0            1 1997-01-01         1   11.77
    """
    try:
        raw = pd.read_csv(path, sep=r"\s+", dtype={"customer_id": "int64", "date": "string", "number_of_cds": "int64", "dollar_value": "float64"})
    except (OSError, ValueError) as exc:
        raise CsatInputError(f"cannot read the CDNOW master file {path!r}: {exc}") from exc
    expected = ["customer_id", "date", "number_of_cds", "dollar_value"]
    if list(raw.columns) != expected:
        raise CsatInputError(f"CDNOW master file has columns {list(raw.columns)}; expected {expected}")
    return pd.DataFrame(
        {
            "customer_id": raw["customer_id"],
            "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
            "quantity": raw["number_of_cds"],
            "amount": raw["dollar_value"],
        }
    )
