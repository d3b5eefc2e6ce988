"""Safe export of tables to CSV and Excel.

Survey exports carry free text typed by customers. A comment such as
``=HYPERLINK("http://x", "click")`` or ``+cmd|' /C calc'!A0`` becomes a live
formula when a colleague opens the CSV in a spreadsheet ("CSV injection",
OWASP). Before writing, every text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return is prefixed with a single quote so the
spreadsheet shows it as text; so is every line inside a cell that starts
that way (``"hello\\r=cmd|..."``), in case a program splits the cell at its
line break. Column names, index labels and every level of a MultiIndex are
treated the same. Numbers are never touched (``-3`` stays a number), and the
function reports how many cells it changed, per column.

The CSV is written with CRLF line ends (RFC 4180), so every field holding a
carriage return or a line feed is quoted and stays one cell.

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

import os
import re
from pathlib import Path
from typing import IO, Any, Union

import numpy as np
import pandas as pd

from .errors import CsatInputError

__all__ = ["neutralise_formulas", "to_csv", "to_excel", "FORMULA_PREFIXES"]

#: Leading characters that spreadsheet programs read as the start of a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

Target = Union[str, Path, IO[Any]]
_CHARS = re.escape("".join(FORMULA_PREFIXES))
_INNER = re.escape("".join(p for p in FORMULA_PREFIXES if p not in "\r\n"))
#: A line break followed by a formula character: the start of a line inside a cell (a second
#: line break there only starts another line, checked in turn).
_LINE_START = re.compile(f"(\r\n|\r|\n)(?=[{_INNER}])")
_RISKY = re.compile(f"^[{_CHARS}]|[\r\n][{_INNER}]")
#: Characters that may not appear in an Excel cell (openpyxl refuses them).
_ILLEGAL_XLSX = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
_SHEET_FORBIDDEN = set('[]:*?/\\')
_XLSX_CELL_LIMIT = 32_767


def _safe(text: str) -> str:
    """``text`` with a ``'`` before its start and the start of each inner line when they open a formula."""
    out = _LINE_START.sub(r"\1'", text)
    return "'" + out if out.startswith(FORMULA_PREFIXES) else out


def _risky(value: object) -> bool:
    return isinstance(value, str) and _RISKY.search(value) is not None


def _safe_labels(labels: pd.Index) -> tuple[pd.Index, int]:
    """An Index (or MultiIndex) with risky text labels neutralised, and how many labels changed."""
    if isinstance(labels, pd.MultiIndex):
        levels = [labels.get_level_values(i) for i in range(labels.nlevels)]
        changed = np.zeros(len(labels), dtype=bool)
        arrays = []
        for level in levels:
            risky = np.fromiter((_risky(v) for v in level), dtype=bool, count=len(level))
            changed |= risky
            arrays.append([_safe(v) if r else v for v, r in zip(level, risky)] if risky.any() else level)
        names = [_safe(n) if _risky(n) else n for n in labels.names]
        if not changed.any() and names == list(labels.names):
            return labels, 0
        return pd.MultiIndex.from_arrays(arrays, names=names), int(changed.sum())
    risky = np.fromiter((_risky(v) for v in labels), dtype=bool, count=len(labels))
    name = _safe(labels.name) if _risky(labels.name) else labels.name
    if not risky.any() and name == labels.name:
        return labels, 0
    values = [_safe(v) if r else v for v, r in zip(labels, risky)] if risky.any() else list(labels)
    return pd.Index(values, name=name, dtype=object if risky.any() else labels.dtype), int(risky.sum())


def _flat(labels: pd.Index) -> list:
    """Every label of an Index, every level value of a MultiIndex, and the names."""
    if isinstance(labels, pd.MultiIndex):
        return [v for i in range(labels.nlevels) for v in labels.levels[i]] + list(labels.names)
    return list(labels) + [labels.name]


def _require_data(data: object) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise CsatInputError(f"data must be a pandas DataFrame, got {type(data).__name__}")
    duplicated = data.columns[data.columns.duplicated()]
    if len(duplicated):
        names = ", ".join(repr(c) for c in dict.fromkeys(duplicated))
        raise CsatInputError(f"data has duplicate column names: {names}; a spreadsheet reader cannot tell them "
                             "apart. Rename them first (e.g. data.columns = [...])")
    return data


def _require_flag(value: object, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise CsatInputError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def neutralise_formulas(data: pd.DataFrame, *, index: bool = True) -> tuple[pd.DataFrame, dict[str, int]]:
    """Prefix text that a spreadsheet would run as a formula with ``'``.

    A cell is changed when it is text and starts with one of
    :data:`FORMULA_PREFIXES`, or holds a line break followed by one of them
    (then every such line start gets the ``'``); numeric, boolean, date and
    missing cells are left alone. Column names (each level of a MultiIndex)
    and, with ``index=True``, the index labels and names are checked too.

    Parameters
    ----------
    data : pandas.DataFrame
        The table to make safe; it is not modified. Column names must be unique.
    index : bool, default True
        Whether to neutralise the index labels as well (set False when the
        index is not written out).

    Returns
    -------
    tuple (pandas.DataFrame, dict)
        A pair, unpacked as ``safe, changed = neutralise_formulas(data)``: a
        copy of ``data`` with the risky text cells (and labels) prefixed
        with ``'``, and the number of changed cells per column (column name ->
        count; ``"<column names>"`` counts renamed columns, ``"<index>"``
        changed index labels). Columns with no change are not in the dict.

    Examples
    --------
    >>> import pandas as pd
    >>> neutralise_formulas(pd.DataFrame({"c": ["@SUM(A1)", None, "ok -"]}))[1]
    {'c': 1}
    >>> neutralise_formulas(pd.DataFrame({"c": ["hi\\r=cmd()"]}))[0]["c"].tolist()
    ["hi\\r'=cmd()"]
    """
    frame = _require_data(data).copy()
    _require_flag(index, "index")
    changed: dict[str, int] = {}
    for position, col in enumerate(data.columns):
        values = frame.iloc[:, position]
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        cells = values.to_numpy(dtype=object, copy=True)
        risky = np.fromiter(map(_risky, cells), dtype=bool, count=len(cells))
        if risky.any():
            cells[risky] = [_safe(v) for v in cells[risky]]
            frame.isetitem(position, pd.Series(cells, index=values.index, name=values.name).astype(values.dtype))
            changed[str(col)] = int(risky.sum())
    columns, renamed = _safe_labels(frame.columns)
    if renamed or columns is not frame.columns:
        frame.columns = columns
        if renamed:
            changed["<column names>"] = renamed
    if index:
        rows, relabelled = _safe_labels(frame.index)
        if relabelled or rows is not frame.index:
            frame.index = rows
            if relabelled:
                changed["<index>"] = relabelled
    return frame, changed


def _target(path: object, suffixes: tuple[str, ...] = ()) -> Target:
    """A path whose folder exists (or a writable stream), else a clear error."""
    if hasattr(path, "write"):
        return path  # type: ignore[return-value]
    if not isinstance(path, (str, os.PathLike)) or str(path) == "":
        raise CsatInputError(f"path must be a file path (str or pathlib.Path) or a writable file, got {path!r}")
    target = Path(path)
    if target.is_dir():
        raise CsatInputError(f"path {str(target)!r} is a folder; give a file name inside it")
    if not target.parent.is_dir():
        raise CsatInputError(f"cannot write {str(target)!r}: the folder {str(target.parent)!r} does not exist; "
                             "create it first")
    if suffixes and target.suffix.lower() not in suffixes:
        raise CsatInputError(f"path {str(target)!r} must end in {' or '.join(suffixes)} (an Excel workbook)")
    return target


def _first_cell(frame: pd.DataFrame, test) -> tuple[Any, Any, str] | None:
    """(column, row label, text) of the first text cell for which ``test`` is true."""
    for position, col in enumerate(frame.columns):
        values = frame.iloc[:, position]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)
                or isinstance(values.dtype, pd.CategoricalDtype)):
            continue
        for row, value in values.items():
            if isinstance(value, str) and test(value):
                return col, row, value
    return None


def to_csv(data: pd.DataFrame, path: Target, *, encoding: str = "utf-8-sig", index: bool = False
           ) -> dict[str, int]:
    """Write ``data`` to CSV with formulas neutralised; return the changed-cell counts.

    The default encoding ``utf-8-sig`` writes a byte-order mark so that Excel
    opens Chinese text correctly; pass ``"gb18030"`` for older Chinese Excel.

    Parameters
    ----------
    data : pandas.DataFrame
        The table to write; it is not modified. Column names must be unique.
    path : str, Path or writable file
        The CSV file to write; its folder must exist.
    encoding : str, default "utf-8-sig"
        Text encoding of the file; one that cannot encode the text raises
        :class:`~csat_lab.errors.CsatInputError` naming the cell.
    index : bool, default False
        Whether to write the row index as a first column (its labels are
        neutralised too).

    Returns
    -------
    dict
        The number of changed cells per column, as :func:`neutralise_formulas`
        reports (empty when nothing was changed).

    Notes
    -----
    Lines end in CRLF as RFC 4180 (Shafranovich, 2005) prescribes, so a
    field holding a carriage return or a line feed is quoted and read back
    as one cell by spreadsheets and csv readers.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.csv"
    >>> to_csv(pd.DataFrame({"comment": ["-bad", "很满意"]}), out)
    {'comment': 1}
    >>> out.read_text(encoding="utf-8-sig").splitlines()
    ['comment', "'-bad", '很满意']
    """
    _require_data(data)
    _require_flag(index, "index")
    if not isinstance(encoding, str):
        raise CsatInputError(f"encoding must be the name of a text encoding such as 'utf-8-sig', got {encoding!r}")
    try:
        "".encode(encoding)
    except LookupError:
        raise CsatInputError(f"unknown encoding {encoding!r}; try 'utf-8-sig' or 'gb18030'") from None
    target = _target(path)
    safe, changed = neutralise_formulas(data, index=index)
    try:
        safe.to_csv(target, index=index, encoding=encoding, lineterminator="\r\n")
    except UnicodeEncodeError as exc:
        found = _first_cell(safe, lambda text: not _encodes(text, encoding))
        where = f": column {found[0]!r}, row {found[1]!r} holds {found[2]!r}" if found else f" ({exc.reason})"
        raise CsatInputError(f"cannot write {target} in encoding {encoding!r}{where}; "
                             "use 'utf-8-sig', which encodes every character") from None
    except OSError as exc:
        raise CsatInputError(f"cannot write {target}: {exc.strerror or exc}") from None
    return changed


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _check_sheet_name(sheet_name: object) -> str:
    if not isinstance(sheet_name, str):
        raise CsatInputError(f"sheet_name must be text, got {sheet_name!r}")
    bad = sorted(set(sheet_name) & _SHEET_FORBIDDEN)
    if not 1 <= len(sheet_name) <= 31 or bad or sheet_name.startswith("'") or sheet_name.endswith("'") \
            or sheet_name.strip().lower() == "history":
        why = (f"it has {len(sheet_name)} characters" if not 1 <= len(sheet_name) <= 31 else
               f"it holds {' '.join(bad)}" if bad else
               "it starts or ends with an apostrophe" if "'" in (sheet_name[:1], sheet_name[-1:]) else
               "'History' is reserved by Excel")
        raise CsatInputError(f"sheet_name {sheet_name!r} is not a valid Excel sheet name ({why}); a name has "
                             "1 to 31 characters, none of [ ] : * ? / \\, and no apostrophe at either end")
    return sheet_name


def to_excel(data: pd.DataFrame, path: Target, *, sheet_name: str = "data", index: bool = False
             ) -> dict[str, int]:
    """Write ``data`` to an .xlsx sheet (openpyxl) with formulas neutralised.

    Time-zone-aware dates are written as local times without the zone
    (Excel has no time zones).

    Parameters
    ----------
    data : pandas.DataFrame
        The table to write; it is not modified. Column names must be unique.
    path : str, Path or writable binary file
        The .xlsx file to write; its folder must exist.
    sheet_name : str, default "data"
        Name of the worksheet: 1 to 31 characters, none of ``[ ] : * ? / \\``.
    index : bool, default False
        Whether to write the row index as a first column (its labels are
        neutralised too).

    Returns
    -------
    dict
        The number of changed cells per column, as :func:`neutralise_formulas`
        reports (empty when nothing was changed).

    Notes
    -----
    openpyxl stores any text starting with ``=`` as a formula; after
    neutralising, no cell, column name or index label does. Cells hold at
    most 32,767 characters and no control characters other than tab, line
    feed and carriage return (Excel's limits); longer or other text raises
    naming the cell. A carriage return inside a cell is read back as a line
    feed (XML normalises line ends); it stays inside its cell.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "report.xlsx"
    >>> to_excel(pd.DataFrame({"comment": ["=cmd()"], "n": [1]}), out)
    {'comment': 1}
    >>> pd.read_excel(out)["comment"].tolist()
    ["'=cmd()"]
    """
    _require_data(data)
    _require_flag(index, "index")
    _check_sheet_name(sheet_name)
    target = _target(path, (".xlsx", ".xlsm"))
    if isinstance(data.columns, pd.MultiIndex) and not index:
        raise CsatInputError("data has MultiIndex columns, which Excel export writes only with index=True; "
                             "pass index=True or flatten the column names first")
    safe, changed = neutralise_formulas(data, index=index)
    def unfit(text: str) -> bool:
        return len(text) > _XLSX_CELL_LIMIT or _ILLEGAL_XLSX.search(text) is not None

    labels = [("column name", label) for label in _flat(safe.columns)]
    labels += [("index label", label) for label in _flat(safe.index)] if index else []
    for kind, label in labels:
        if isinstance(label, str) and unfit(label):
            raise CsatInputError(f"cannot write to Excel: the {kind} {label[:40]!r} is longer than "
                                 f"{_XLSX_CELL_LIMIT:,} characters or holds a control character Excel refuses")
    found = _first_cell(safe, unfit)
    if found:
        col, row, text = found
        why = (f"has {len(text):,} characters (Excel's limit is {_XLSX_CELL_LIMIT:,})" if len(text) > _XLSX_CELL_LIMIT
               else f"holds the control character {_ILLEGAL_XLSX.search(text).group()!r}, which Excel refuses")
        raise CsatInputError(f"cannot write to Excel: column {col!r}, row {row!r} {why}")
    for position in range(safe.shape[1]):
        values = safe.iloc[:, position]
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            safe.isetitem(position, values.dt.tz_localize(None))
    if index and isinstance(safe.index, pd.DatetimeIndex) and safe.index.tz is not None:
        safe.index = safe.index.tz_localize(None)
    try:
        safe.to_excel(target, sheet_name=sheet_name, index=index, engine="openpyxl")
    except OSError as exc:
        raise CsatInputError(f"cannot write {target}: {exc.strerror or exc}") from None
    except ValueError as exc:  # e.g. a sheet larger than 1,048,576 x 16,384, time zones inside text columns
        raise CsatInputError(f"cannot write {target} as Excel: {exc}") from None
    return changed
