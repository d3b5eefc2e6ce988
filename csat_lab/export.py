"""Safe export of tables to CSV and Excel.

Survey exports carry free text typed by customers. A comment such as
``=HYPERLINK("http://x", "click")`` or ``+cmd|' /C calc'!A0`` becomes a live
formula when a colleague opens the CSV in a spreadsheet ("CSV injection",
OWASP). Before writing, every text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is prefixed with a single quote so the
spreadsheet shows it as text. Numbers are never touched (``-3`` stays a
number), and the function reports how many cells it changed, per column.

Reference: OWASP, "CSV Injection" (Formula Injection), owasp.org community page.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.export import neutralise_formulas
>>> safe, changed = neutralise_formulas(pd.DataFrame({"comment": ["=1+1", "fine"], "score": [-3, 5]}))
>>> safe["comment"].tolist(), changed
(["'=1+1", 'fine'], {'comment': 1})
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ._core.validate import require_frame
from .errors import CsatInputError

__all__ = ["neutralise_formulas", "to_csv", "to_excel", "FORMULA_PREFIXES"]

#: Leading characters that spreadsheet programs read as the start of a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(data: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, int]]:
    """Prefix text cells that a spreadsheet would run as formulas with ``'``.

    A cell is changed when it is text and starts with one of
    :data:`FORMULA_PREFIXES`; numeric, boolean, date and missing cells are
    left alone. Column names are checked too.

    Parameters
    ----------
    data : pandas.DataFrame
        The table to make safe; it is not modified.

    Returns
    -------
    tuple (pandas.DataFrame, dict)
        A pair, unpacked as ``safe, changed = neutralise_formulas(data)``: a
        copy of ``data`` with the risky text cells (and column names) prefixed
        with ``'``, and the number of changed cells per column (column name ->
        count; ``"<column names>"`` counts renamed columns). Columns with no
        change are not in the dict.

    Examples
    --------
    >>> import pandas as pd
    >>> neutralise_formulas(pd.DataFrame({"c": ["@SUM(A1)", None, "ok -"]}))[1]
    {'c': 1}
    """
    frame = require_frame(data).copy()
    changed: dict[str, int] = {}
    for col in frame.columns:
        values = frame[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        is_text = values.map(lambda v: isinstance(v, str))
        risky = is_text & values.where(is_text, "").astype(str).str.startswith(FORMULA_PREFIXES)
        if risky.any():
            frame[col] = values.where(~risky, "'" + values.where(risky, "").astype(str)).astype(values.dtype)
            changed[str(col)] = int(risky.sum())
    renamed = {c: "'" + c for c in frame.columns if isinstance(c, str) and c.startswith(FORMULA_PREFIXES)}
    if renamed:
        frame = frame.rename(columns=renamed)
        changed["<column names>"] = len(renamed)
    return frame, changed


def to_csv(data: pd.DataFrame, path: str | Path, *, encoding: str = "utf-8-sig", index: bool = False) -> dict[str, int]:
    """Write ``data`` to CSV with formulas neutralised; return the changed-cell counts.

    The default encoding ``utf-8-sig`` writes a byte-order mark so that Excel
    opens Chinese text correctly; pass ``"gb18030"`` for older Chinese Excel.

    Parameters
    ----------
    data : pandas.DataFrame
        The table to write; it is not modified.
    path : str or Path
        The CSV file to write.
    encoding : str, default "utf-8-sig"
        Text encoding of the file; one that cannot encode the text raises
        :class:`~csat_lab.errors.CsatInputError`.
    index : bool, default False
        Whether to write the row index as a first column.

    Returns
    -------
    dict
        The number of changed cells per column, as :func:`neutralise_formulas`
        reports (empty when nothing was changed).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.csv"
    >>> to_csv(pd.DataFrame({"comment": ["-bad", "很满意"]}), out)
    {'comment': 1}
    >>> out.read_text(encoding="utf-8-sig").splitlines()
    ['comment', "'-bad", '很满意']
    """
    safe, changed = neutralise_formulas(data)
    try:
        safe.to_csv(path, index=index, encoding=encoding)
    except (LookupError, UnicodeEncodeError) as exc:
        raise CsatInputError(f"cannot write {path} in encoding {encoding!r}: {exc}") from None
    return changed


def to_excel(data: pd.DataFrame, path: str | Path, *, sheet_name: str = "data", index: bool = False) -> dict[str, int]:
    """Write ``data`` to an .xlsx sheet (openpyxl) with formulas neutralised.

    Time-zone-aware dates are written as local times without the zone
    (Excel has no time zones).

    Parameters
    ----------
    data : pandas.DataFrame
        The table to write; it is not modified.
    path : str or Path
        The .xlsx file to write.
    sheet_name : str, default "data"
        Name of the worksheet.
    index : bool, default False
        Whether to write the row index as a first column.

    Returns
    -------
    dict
        The number of changed cells per column, as :func:`neutralise_formulas`
        reports (empty when nothing was changed).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.xlsx"
    >>> to_excel(pd.DataFrame({"comment": ["=cmd()"], "n": [1]}), out)
    {'comment': 1}
    >>> pd.read_excel(out)["comment"].tolist()
    ["'=cmd()"]
    """
    safe, changed = neutralise_formulas(data)
    for col in safe.columns:
        if isinstance(safe[col].dtype, pd.DatetimeTZDtype):
            safe[col] = safe[col].dt.tz_localize(None)
    safe.to_excel(path, sheet_name=sheet_name, index=index, engine="openpyxl")
    return changed
