"""Read survey exports into a tidy table plus a codebook.

Each reader returns a :class:`SurveyExport` that unpacks as
``frame, codebook = read_...(...)``. The codebook has one row per column of
``frame``: ``question`` (the question text), ``scale`` (a
:mod:`csat_lab.scales` name when known), ``value_labels`` (code -> text),
``missing_codes`` (user-missing codes as ``(low, high)`` ranges, turned into NaN) and ``n_missing_codes``;
the export records the ``source`` path, ``format`` and the ``encoding``
actually used, and ``notes`` on anything the reader tidied up.

Text files are decoded as UTF-8 (with or without a byte-order mark), as
UTF-16/UTF-32 when a byte-order mark says so, as UTF-16 without a mark when
the NUL bytes fall on every other position, and otherwise as GB18030 (a
superset of GBK/GB2312, common in Chinese exports).

No reader shifts a table: every data row must have as many fields as the
header (empty fields left over by a trailing comma are dropped and noted),
and a row with more or fewer fields raises :class:`~csat_lab.errors.CsatInputError`
naming its line and both counts. Duplicate column names raise too.

Examples
--------
>>> import io, csat_lab as cl
>>> export = cl.survey.read_csv(io.BytesIO("id,满意度\\n1,5\\n2,4\\n".encode("gbk")))
>>> export.encoding, export.data["满意度"].tolist()
('gb18030', [5, 4])
>>> frame, book = export
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path
from dataclasses import dataclass
from typing import IO, Any, Iterator, Union

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.validate import one_of
from ..errors import CsatInputError
from ..i18n import LANGUAGES, Message

__all__ = ["SurveyExport", "read_csv", "read_qualtrics", "read_surveymonkey", "read_spss", "read_excel"]

Source = Union[str, Path, IO[bytes]]
_DETECT = ("utf-8-sig", "gb18030")
_BOOK_COLUMNS = ["question", "scale", "value_labels", "missing_codes", "n_missing_codes"]
#: Byte-order marks, longest first (a UTF-32-LE mark starts like a UTF-16-LE one).
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_SHOWN = 3  # bad lines or cells named in an error message


@dataclass(frozen=True)
class SurveyExport(Result):
    """A survey export read into a table, with its codebook and where it came from.

    Unpacks like the ``(frame, codebook)`` pair the readers used to return:
    ``frame, codebook = read_csv(...)``; ``export[0]`` and ``export[1]`` work too.

    Attributes
    ----------
    data : pandas.DataFrame
        The responses, one row per respondent, one column per question.
    codebook : pandas.DataFrame
        One row per column of ``data``: ``question, scale, value_labels,
        missing_codes, n_missing_codes`` (Qualtrics exports add ``import_id``).
    source : str
        The file read (its path, or the stream's name).
    format : str
        The export format: ``"csv"``, ``"qualtrics"``, ``"surveymonkey"``,
        ``"spss"``, ``"excel"``, or ``"excel (qualtrics)"`` /
        ``"excel (surveymonkey)"`` for those layouts in a workbook.
    encoding : str or None
        The text encoding actually used (declared or detected); None for
        workbooks, the file's declared encoding for SPSS.
    notes : tuple of Message
        What the reader tidied up and how (empty fields after a trailing
        comma dropped, SPSS codes sharing one label kept as codes); empty
        when the file was read as it stands.
    estimate : int
        The headline number: responses read (rows of ``data``).
    """

    data: pd.DataFrame
    codebook: pd.DataFrame
    source: str
    format: str
    encoding: str | None
    notes: tuple = ()

    @property
    def estimate(self) -> int:
        """Responses read (rows of ``data``)."""
        return int(self.data.shape[0])

    def __iter__(self) -> Iterator[Any]:
        """``frame, codebook = read_...(...)``."""
        return iter((self.data, self.codebook))

    def __getitem__(self, index: int | slice) -> Any:
        """``export[0]`` is the table, ``export[1]`` the codebook (as with the old pair)."""
        return (self.data, self.codebook)[index]

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [("survey.source", self.source), ("survey.format", self.format),
                ("survey.encoding", self.encoding if self.encoding is not None else "-"),
                ("survey.n_responses", int(self.data.shape[0])), ("survey.n_columns", int(self.data.shape[1])),
                ("survey.n_missing_codes", int(self.codebook["n_missing_codes"].sum()))]
        if self.notes:
            rows.append(("survey.notes", tuple(self.notes)))
        return rows


def _read_bytes(source: object) -> tuple[bytes, str]:
    """The bytes of a path or an open binary stream, and a name for messages."""
    if hasattr(source, "read"):
        try:
            data = source.read()  # type: ignore[union-attr]
        except (OSError, ValueError) as exc:
            raise CsatInputError(f"cannot read the stream given as source: {exc}") from None
        if isinstance(data, str):
            data = data.encode("utf-8")
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise CsatInputError(f"source.read() must return bytes or text, got {type(data).__name__}")
        return bytes(data), str(getattr(source, "name", "<stream>"))
    if isinstance(source, (bytes, bytearray)):
        raise CsatInputError("source must be a file path or an open binary file; "
                             "wrap bytes in io.BytesIO(...) to read them")
    if not isinstance(source, (str, os.PathLike)):
        raise CsatInputError(f"source must be a file path (str or pathlib.Path) or an open binary file, "
                             f"got {type(source).__name__}")
    if str(source) == "":
        raise CsatInputError("source is an empty path; give the file to read")
    path = Path(source)
    if not path.is_file():
        raise CsatInputError(f"no file {str(path)!r}")
    try:
        return path.read_bytes(), str(path)
    except OSError as exc:
        raise CsatInputError(f"cannot read {str(path)!r}: {exc.strerror or exc}") from None


def _binary_kind(raw: bytes) -> str | None:
    """Name a binary format that is not CSV text, from its first bytes."""
    if raw.startswith(b"PK\x03\x04"):
        return "a zip archive such as an .xlsx workbook (read it with read_excel)"
    if raw[:4] in (b"$FL2", b"$FL3"):
        return "an SPSS .sav file (read it with read_spss)"
    if raw.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "an old binary Office file such as .xls (save it as .xlsx or CSV first)"
    return None


def _utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when NUL bytes sit at every other position, as in UTF-16 text."""
    sample = raw[:8192]
    sample = sample[: len(sample) - len(sample) % 2]
    pairs = len(sample) // 2
    if pairs == 0 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.1 * pairs and even <= 0.01 * pairs:
        return "utf-16-le"
    if even >= 0.1 * pairs and odd <= 0.01 * pairs:
        return "utf-16-be"
    return None


def _decode(raw: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode declared or detected; return (text, encoding used)."""
    kind = _binary_kind(raw)
    if kind:
        raise CsatInputError(f"{name} is {kind}, not a CSV text file")
    if encoding is not None:
        if not isinstance(encoding, str):
            raise CsatInputError(f"encoding must be the name of a text encoding such as 'utf-8' or 'gb18030', "
                                 f"got {encoding!r}")
        try:
            text, used = raw.decode(encoding), encoding
        except LookupError:
            raise CsatInputError(f"unknown encoding {encoding!r}; try 'utf-8', 'utf-8-sig' or 'gb18030'") from None
        except UnicodeDecodeError as exc:
            raise CsatInputError(
                f"{name} is not valid {encoding!r} text (byte {raw[exc.start:exc.start + 1]!r} at position {exc.start}); "
                "declare the file's real encoding (Chinese exports are often 'gb18030'/'gbk') or pass encoding=None to detect it"
            ) from None
    else:
        text, used = _detect(raw, name)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise CsatInputError(
            f"{name} read as {used!r} holds NUL characters (first on line {line}): the encoding is wrong "
            "(UTF-16 or UTF-32 text?) or the file is not text; pass its real encoding, e.g. encoding='utf-16'"
        )
    return text, used


def _detect(raw: bytes, name: str) -> tuple[str, str]:
    for bom, candidate in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(candidate), candidate
            except UnicodeDecodeError as exc:
                raise CsatInputError(f"{name} starts with a {candidate} byte-order mark but is not valid {candidate} "
                                     f"text (position {exc.start}); pass its real encoding") from None
    wide = _utf16_without_bom(raw)
    if wide:
        try:
            return raw.decode(wide), wide
        except UnicodeDecodeError:
            raise CsatInputError(f"{name} looks like {wide.upper()} text without a byte-order mark (NUL bytes at "
                                 "every other position) but does not decode as such; pass its real encoding") from None
    for candidate in _DETECT:
        try:
            text = raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        return text, candidate if raw.startswith(b"\xef\xbb\xbf") or candidate != "utf-8-sig" else "utf-8"
    raise CsatInputError(f"{name} is neither UTF-8, UTF-16 nor GB18030 text; pass encoding=... explicitly")


def _blank(fields: list[str]) -> bool:
    return not any(field.strip() for field in fields)


def _bad_lines(name: str, found: list[tuple[int, int]], n_bad: int, width: int, hint: str) -> CsatInputError:
    shown = "; ".join(f"line {line} has {n} fields" for line, n in found[:_SHOWN])
    more = f" (and {n_bad - _SHOWN} more such lines)" if n_bad > _SHOWN else ""
    return CsatInputError(f"{name}: {shown}{more}, but the header has {width}; {hint} "
                          "The table would shift, so nothing was read")


_TOO_MANY = ("is there an unquoted comma in a text field? Put such fields in double quotes "
             '("slow, rude") as RFC 4180 prescribes.')
_TOO_FEW = "is a row cut short, or a line break inside an unquoted text field?"


def _check_fields(body: str, raw: bytes, first_line: int, width: int, name: str) -> tuple[int, int]:
    """Check that every record of ``body`` (``raw`` in UTF-8) has ``width`` fields.

    Extra fields that are all empty (a trailing comma) are allowed. Returns
    (the most fields in any record, how many records had empty extra fields);
    raises naming the first bad lines, counted from 1 in the whole file.
    """
    most, n_trailing = width, 0
    long: list[tuple[int, int]] = []
    short: list[tuple[int, int]] = []
    n_long = n_short = 0
    if '"' not in body and body.count("\r") == body.count("\r\n"):
        # fast path: no quoting, so a record is a line and its fields are its commas plus one
        # (counted on the UTF-8 bytes: ',' and '\n' never occur inside a multi-byte character)
        flat = np.frombuffer(raw, dtype=np.uint8)
        ends = np.append(np.flatnonzero(flat == 10), len(raw))
        counts = np.diff(np.searchsorted(np.flatnonzero(flat == 44), ends), prepend=0) + 1
        for i in np.flatnonzero(counts != width):
            n = int(counts[i])
            line = raw[(int(ends[i - 1]) + 1 if i else 0):int(ends[i])].decode("utf-8")
            if n < width:
                if not line.strip():
                    continue  # a blank line, skipped
                n_short += 1
                short.append((first_line + int(i), n))
            elif _blank(line.rstrip("\r").split(",")[width:]):
                most, n_trailing = max(most, n), n_trailing + 1
            else:
                n_long += 1
                long.append((first_line + int(i), n))
    else:
        reader = csv.reader(io.StringIO(body))
        before = 0
        try:
            for record in reader:
                line, before = first_line + before, reader.line_num
                n = len(record)
                if n == width or n == 0 or (n == 1 and not record[0].strip()):
                    continue
                if n < width:
                    n_short += 1
                    short.append((line, n))
                elif _blank(record[width:]):
                    most, n_trailing = max(most, n), n_trailing + 1
                else:
                    n_long += 1
                    long.append((line, n))
        except csv.Error as exc:
            raise CsatInputError(f"{name}: line {first_line + reader.line_num - 1} is not readable CSV ({exc}); "
                                 "a bare carriage return or a quote inside an unquoted field?") from None
    if n_long:
        raise _bad_lines(name, long, n_long, width, _TOO_MANY)
    if n_short:
        raise _bad_lines(name, short, n_short, width, _TOO_FEW)
    return most, n_trailing


def _split(text: str, name: str, n_header: int, what: str
           ) -> tuple[list[list[str]], pd.DataFrame, tuple[Message, ...]]:
    """The first ``n_header`` records as lists of strings, and the rest as a typed table.

    The header records are read with :mod:`csv` (they may hold quoted line
    breaks, e.g. Qualtrics question text); the body goes through pandas' C
    parser in one pass, after every record's field count has been checked
    against the header's (:func:`_check_fields`). Only empty cells become
    missing, so codes such as "N/A" or "99" stay visible for
    :func:`~csat_lab.survey.clean` to report; a column whose non-empty cells
    are all numbers becomes numeric (int64 when whole and complete), any other
    stays text. Returns the header rows, the body and notes on what was tidied.
    """
    if "\r" in text and "\n" not in text:  # classic Mac line ends
        text = text.replace("\r", "\n")
    offset = 0  # where the next line starts; no copy of the whole text is made

    def next_lines() -> Iterator[str]:
        nonlocal offset
        while offset < len(text):
            end = text.find("\n", offset)
            end = len(text) if end < 0 else end + 1
            line, offset = text[offset:end], end
            yield line

    reader = csv.reader(next_lines())
    header: list[list[str]] = []
    lines: list[int] = []
    before = 0
    try:
        for record in reader:
            line, before = before + 1, reader.line_num
            if not record or _blank(record):
                continue
            header.append(record)
            lines.append(line)
            if len(header) == n_header:
                break
    except csv.Error as exc:
        raise CsatInputError(f"{name} is not a readable CSV file (line {reader.line_num}: {exc})") from None
    if len(header) < n_header:
        raise CsatInputError(f"{name} has {len(header)} header row(s); {what} needs {n_header}")
    # The header is as wide as its last named column; empty names after it come from trailing commas.
    width = max(max(i for i, cell in enumerate(row) if cell.strip()) + 1 for row in header)
    for row, line in zip(header, lines):
        if len(row) < width:
            raise CsatInputError(f"{name}: header line {line} has {len(row)} fields but the header has {width}; "
                                 f"{_TOO_FEW}")
    header = [row[:width] for row in header]
    body_text = text[offset:]
    notes: tuple[Message, ...] = ()
    if not body_text or body_text.isspace():
        return header, pd.DataFrame({i: pd.Series(dtype=object) for i in range(width)}), notes
    raw = body_text.encode("utf-8")
    most, n_trailing = _check_fields(body_text, raw, reader.line_num + 1, width, name)
    if n_trailing:
        notes = (Message("survey.note.trailing_fields", n=n_trailing, width=width),)
    try:
        body = pd.read_csv(io.BytesIO(raw), encoding="utf-8", header=None, keep_default_na=False, na_values=[""],
                           skip_blank_lines=True, low_memory=False, names=range(most), index_col=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise CsatInputError(f"{name} is not a readable CSV file: {exc}") from None
    if most > width:
        body = body.iloc[:, :width]
    empty = [col for col in body.columns if body[col].isna().all()]
    if empty:  # nothing says these are numbers (e.g. an unused ExternalReference): keep them as text
        body[empty] = body[empty].astype("str")
    return header, body, notes


def _require_unique(names: list[str], name: str, letters: bool = False) -> None:
    """Raise naming duplicated column names and where they are."""
    where: dict[str, list[int]] = {}
    for i, column in enumerate(names):
        where.setdefault(column, []).append(i)
    dups = {column: places for column, places in where.items() if len(places) > 1}
    if not dups:
        return
    if letters:
        from openpyxl.utils import get_column_letter
        def show(i: int) -> str:
            return get_column_letter(i + 1)
    else:
        def show(i: int) -> str:
            return str(i + 1)
    listed = "; ".join(f"{column!r} (columns {', '.join(show(i) for i in places)})" for column, places in dups.items())
    raise CsatInputError(f"{name} has duplicate column names: {listed}; data[name] would return several "
                         "columns. Rename them in the file so every column has its own name")


def _to_numeric(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns whose every non-empty cell is a number become numeric; others stay text."""
    out = {}
    for col in frame.columns:
        s = frame[col].replace("", np.nan) if _is_text(frame[col]) else frame[col]
        num = pd.to_numeric(s, errors="coerce")
        if (num.notna() == s.notna()).all() and s.notna().any():
            out[col] = num.astype("int64") if (num.notna().all() and (num % 1 == 0).all()) else num
        else:
            out[col] = s
    return pd.DataFrame(out, index=frame.index)


def _is_text(s: pd.Series) -> bool:
    return s.dtype == object or isinstance(s.dtype, pd.StringDtype)


#: Other wordings of scale points that survey platforms and older questionnaires use
#: (scale name -> text -> code); the catalog labels are always accepted too.
_LABEL_ALIASES: dict[str, dict[str, int]] = {
    "satisfaction5": {"一般": 3, "一般（基本满意）": 3, "一般(基本满意)": 3, "neutral": 3, "比较满意": 4,
                      "非常满意": 5, "非常不满意": 1, "比较不满意": 2},
}


def _label_lookup(scale: _scales.Scale) -> dict[str, int]:
    if not scale.labelled:
        return {}
    lookup = {text.strip().lower(): code for lang in LANGUAGES for code, text in zip(scale.values, scale.labels(lang))}
    for text, code in _LABEL_ALIASES.get(scale.name, {}).items():
        lookup.setdefault(text.lower(), code)
    return lookup


def _apply_scales(frame: pd.DataFrame, book: pd.DataFrame, mapping: dict | None) -> None:
    """Turn answers given as scale labels (either language) into codes, in place."""
    if mapping is not None and not isinstance(mapping, dict):
        raise CsatInputError(f"scales must be a dict of column -> scale name such as {{'q1': 'satisfaction5'}}, "
                             f"got {type(mapping).__name__}")
    for col, scale_name in (mapping or {}).items():
        if col not in frame.columns:
            raise CsatInputError(f"scales names unknown column {col!r}; columns are: {', '.join(map(str, frame.columns))}")
        sc = _scales.get(scale_name)
        lookup = _label_lookup(sc)
        s = frame[col]
        if _is_text(s):
            mapped = s.map(lambda v: lookup.get(v.strip().lower(), v) if isinstance(v, str) else v)
            frame[col] = _to_numeric(mapped.to_frame())[col]
        book.loc[col, "scale"] = sc.name
        book.at[col, "value_labels"] = dict(zip(sc.values, sc.labels()))


def _codebook(columns, questions) -> pd.DataFrame:
    return pd.DataFrame({"question": list(questions), "scale": None, "value_labels": [{} for _ in questions],
                         "missing_codes": [[] for _ in questions], "n_missing_codes": 0},
                        index=pd.Index(list(columns), name="column"), columns=_BOOK_COLUMNS)


@shared_docs
def read_csv(source: Source, *, encoding: str | None = None, scales: dict[str, str] | None = None
             ) -> SurveyExport:
    """Read a plain CSV (one header row) in UTF-8, UTF-8 with BOM or GBK/GB18030.

    Parameters
    ----------
    @{source}
    @{encoding}
    @{answer_scales}

    Returns
    -------
    SurveyExport
        The table in ``.data`` and the codebook in ``.codebook`` (with ``source``,
        ``format`` and ``encoding``); it unpacks as ``frame, codebook = ...``.

    Notes
    -----
    With ``encoding=None`` the file is decoded as UTF-8, as UTF-16/UTF-32 when
    a byte-order mark or the NUL bytes of UTF-16 say so, and otherwise as
    GB18030; ``SurveyExport.encoding`` says which. Only empty cells become
    missing, so codes such as "N/A" or "99" stay for :func:`clean` to report.
    Fields follow the CSV conventions of RFC 4180 (Shafranovich, 2005): commas
    and line breaks inside double quotes, a quote written twice. Every row
    must have as many fields as the header: empty fields after the last
    column (a trailing comma) are dropped and noted in ``notes``; a row with
    more or fewer fields raises :class:`~csat_lab.errors.CsatInputError`
    naming its line and both counts, and so do duplicate column names.

    References
    ----------
    Shafranovich, Y. (2005). *Common Format and MIME Type for Comma-Separated Values (CSV) Files*. RFC 4180.

    Examples
    --------
    >>> import io
    >>> frame, book = read_csv(io.BytesIO(b"q1,q2\\n5,Satisfied\\n3,Neutral (basically satisfied)\\n"),
    ...                        scales={"q2": "satisfaction5"})
    >>> frame["q2"].tolist(), book.loc["q2", "scale"]
    ([4, 3], 'satisfaction5')
    >>> read_csv(io.BytesIO(b"q1\\n5\\n")).encoding
    'utf-8'
    >>> read_csv(io.BytesIO(b"id,q1\\n1,5,\\n2,4,\\n")).data["id"].tolist()  # trailing commas
    [1, 2]
    """
    raw, name = _read_bytes(source)
    text, used = _decode(raw, name, encoding)
    (header,), body, notes = _split(text, name, 1, "a CSV file")
    _require_unique(header, name)
    frame = body.set_axis(header, axis=1)
    book = _codebook(header, header)
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "csv", used, notes)


@shared_docs
def read_qualtrics(source: Source, *, encoding: str | None = None, scales: dict[str, str] | None = None
                   ) -> SurveyExport:
    """Read a Qualtrics CSV export: three header rows, then one row per response.

    Parameters
    ----------
    @{source}
    @{encoding}
    @{answer_scales}

    Returns
    -------
    SurveyExport
        The table in ``.data`` and the codebook in ``.codebook`` (with ``source``,
        ``format`` and ``encoding``); it unpacks as ``frame, codebook = ...``.
        The codebook gains ``import_id``.

    Notes
    -----
    Row 1 holds column names (``Q1``, ``Q2_1``, ``ResponseId``...), row 2 the
    question text, row 3 the ``{"ImportId": ...}`` tags, whose quotes are
    doubled as in RFC 4180 (Shafranovich, 2005). Numeric exports give codes;
    for choice-text exports pass ``scales`` to map labels to codes.

    References
    ----------
    Shafranovich, Y. (2005). *Common Format and MIME Type for Comma-Separated Values (CSV) Files*. RFC 4180.

    Examples
    --------
    >>> import io
    >>> raw = ('ResponseId,Q1\\nResponse ID,How satisfied are you?\\n'
    ...        '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"\\nR_1,5\\nR_2,4\\n')
    >>> frame, book = read_qualtrics(io.BytesIO(raw.encode()))
    >>> frame["Q1"].tolist(), book.loc["Q1", "question"], book.loc["Q1", "import_id"]
    ([5, 4], 'How satisfied are you?', 'QID1')
    """
    raw, name = _read_bytes(source)
    text, used = _decode(raw, name, encoding)
    try:
        (header, questions, tags), body, notes = _split(text, name, 3, "a Qualtrics export")
    except CsatInputError as exc:
        if "header row(s)" not in str(exc):
            raise
        header, questions, tags, body, notes = [], [], [], None, ()
    if not any(str(t).strip().startswith('{"ImportId"') for t in tags):
        raise CsatInputError(
            f"{name} does not have Qualtrics' three header rows (names, question text, {{\"ImportId\": ...}}); "
            f"row 3 is {list(tags[:4]) if len(tags) else 'missing'}. Export with 'Use legacy format' off, "
            "or read it with read_csv"
        )
    _require_unique(header, name)
    frame = body.set_axis(header, axis=1)
    book = _codebook(header, questions)
    book["import_id"] = [_import_id(t) for t in tags]
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "qualtrics", used, notes)


def _import_id(tag: str) -> str | None:
    try:
        return json.loads(tag).get("ImportId")
    except (json.JSONDecodeError, AttributeError):
        return None


def _snake(text: str) -> str:
    return "_".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


_SM_META = {"respondent id", "collector id", "start date", "end date", "ip address", "email address",
            "first name", "last name", "custom data 1"}
_SM_SINGLE = {"", "response", "open-ended response"}


@shared_docs
def read_surveymonkey(source: Source, *, encoding: str | None = None, scales: dict[str, str] | None = None
                      ) -> SurveyExport:
    """Read a SurveyMonkey CSV export: two header rows, then one row per respondent.

    Parameters
    ----------
    @{source}
    @{encoding}
    scales : dict of str to str, optional
        Column (after renaming, e.g. ``"q1"``) -> scale name; answers written as the
        scale's labels (English or Chinese) become codes, and the codebook records the scale.

    Returns
    -------
    SurveyExport
        The table in ``.data`` and the codebook in ``.codebook`` (with ``source``,
        ``format`` and ``encoding``); it unpacks as ``frame, codebook = ...``.

    Notes
    -----
    Row 1 holds the question text (blank under the later columns of a matrix
    question), row 2 the sub-label ("Response", or the matrix row / choice).
    Metadata columns keep snake-case names (``respondent_id``, ``start_date``);
    question ``i`` becomes ``q{i}`` or ``q{i}_{j}`` for its ``j``-th
    sub-column, and the codebook keeps the full text. Fields are parsed by
    the CSV conventions of RFC 4180 (Shafranovich, 2005).

    References
    ----------
    Shafranovich, Y. (2005). *Common Format and MIME Type for Comma-Separated Values (CSV) Files*. RFC 4180.

    Examples
    --------
    >>> import io
    >>> raw = ('Respondent ID,Overall satisfaction,Rate us,\\n,Response,Price,Speed\\n'
    ...        '101,Very satisfied,4,5\\n102,Satisfied,3,2\\n')
    >>> frame, book = read_surveymonkey(io.BytesIO(raw.encode()), scales={"q1": "satisfaction5"})
    >>> list(frame.columns), frame["q1"].tolist()
    (['respondent_id', 'q1', 'q2_1', 'q2_2'], [5, 4])
    >>> book.loc["q2_2", "question"]
    'Rate us - Speed'
    """
    raw, name = _read_bytes(source)
    text, used = _decode(raw, name, encoding)
    (first, sub), body, notes = _split(text, name, 2, "a SurveyMonkey export (question, sub-label)")
    top = pd.Series(first).replace("", np.nan).ffill().fillna("").tolist()
    if any(s.strip() and pd.notna(pd.to_numeric(s, errors="coerce")) for s in sub):
        raise CsatInputError(f"{name}: row 2 holds numbers {sub[:4]}; SurveyMonkey exports have two header rows "
                             "(question text, then sub-labels such as 'Response')")
    groups: dict[str, list[int]] = {}
    for i, q in enumerate(top):
        if q.strip().lower() not in _SM_META:
            groups.setdefault(q, []).append(i)
    names, questions = [""] * len(top), [""] * len(top)
    for i, q in enumerate(top):
        if q.strip().lower() in _SM_META:
            names[i], questions[i] = _snake(q), q
    for number, (q, idx) in enumerate(groups.items(), start=1):
        single = len(idx) == 1 and sub[idx[0]].strip().lower() in _SM_SINGLE
        for j, i in enumerate(idx, start=1):
            names[i] = f"q{number}" if single else f"q{number}_{j}"
            questions[i] = q if single or not sub[i].strip() else f"{q} - {sub[i]}"
    _require_unique(names, name)
    frame = body.set_axis(names, axis=1)
    book = _codebook(names, questions)
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "surveymonkey", used, notes)


@shared_docs
def read_excel(source: Source, *, sheet: str | int = 0, scales: dict[str, str] | None = None,
               layout: str = "plain") -> SurveyExport:
    """Read one sheet of an .xlsx workbook.

    Parameters
    ----------
    @{source}
    sheet : str or int, default 0
        The sheet's name or position.
    @{answer_scales}
    layout : {"plain", "qualtrics", "surveymonkey"}, default "plain"
        How the sheet starts: first row = column names, Qualtrics' three header
        rows, or SurveyMonkey's two header rows.

    Returns
    -------
    SurveyExport
        The table in ``.data`` and the codebook in ``.codebook`` (with ``source``,
        ``format`` and ``encoding``); it unpacks as ``frame, codebook = ...``.
        ``encoding`` is None.

    Notes
    -----
    The ``"qualtrics"`` and ``"surveymonkey"`` layouts are handed to
    :func:`read_qualtrics` / :func:`read_surveymonkey`, so an Excel export
    gives the same table and codebook as the CSV export. An .xlsx file is an
    Office Open XML spreadsheet, ISO/IEC 29500-1 (International Organization
    for Standardization, 2008), read here with openpyxl; columns whose every
    filled cell is a number become numeric, the others stay text. The header
    is the first row that holds anything, and blank rows are skipped. Error
    cells keep their text (``"#N/A"``) for :func:`clean` to report; formula
    cells with no saved result (files written by programs that do not
    calculate, such as openpyxl) raise naming the cells, as do duplicate
    column names.

    References
    ----------
    International Organization for Standardization (2008). ISO/IEC 29500-1: Office Open XML File Formats.

    Examples
    --------
    >>> import io
    >>> buf = io.BytesIO(); pd.DataFrame({"q1": [5, 4]}).to_excel(buf, index=False); _ = buf.seek(0)
    >>> frame, book = read_excel(buf)
    >>> frame["q1"].tolist()
    [5, 4]
    """
    one_of(layout, ("plain", "qualtrics", "surveymonkey"), "layout")
    raw, name = _read_bytes(source)
    rows = _sheet_rows(raw, name, sheet)
    if layout != "plain":
        # Same parser as the CSV export, so an Excel export gives the same table and codebook.
        out = io.StringIO()
        csv.writer(out).writerows(["" if v is None else v for v in row] for row in rows)
        reader = read_qualtrics if layout == "qualtrics" else read_surveymonkey
        export = reader(io.BytesIO(out.getvalue().encode("utf-8")), encoding="utf-8", scales=scales)
        return SurveyExport(export.data, export.codebook, name, f"excel ({layout})", None, export.notes)
    if not rows:
        raise CsatInputError(f"{name}: the sheet is empty; a header row of column names is needed")
    header, body = rows[0], rows[1:]
    names = [f"Unnamed: {i}" if v is None else str(v) for i, v in enumerate(header)]
    _require_unique(names, name, letters=True)
    frame = pd.DataFrame(body, columns=names, dtype=object) if body else pd.DataFrame(columns=names, dtype=object)
    frame = _to_numeric(frame.where(frame.notna(), np.nan))
    book = _codebook(frame.columns, frame.columns)
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "excel", None)


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _sheet_rows(raw: bytes, name: str, sheet: object) -> list[list[Any]]:
    """The non-blank rows of one sheet as lists of cell values, all as wide as the widest.

    Numbers that are whole become ``int`` (as pandas reads them); error
    cells keep their text (``"#N/A"``, ``"#DIV/0!"``) so that
    :func:`~csat_lab.survey.clean` can report them; formula cells with no
    saved result raise, naming them.
    """
    import openpyxl

    if isinstance(sheet, (bool, np.bool_)) or not isinstance(sheet, (str, int, np.integer)):
        raise CsatInputError(f"sheet must be a sheet name or a position (0 for the first), got {sheet!r}")
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises several types for files that are not workbooks
        raise CsatInputError(f"{name} is not a readable .xlsx workbook ({type(exc).__name__})") from None
    try:
        titles = list(book.sheetnames)
        if isinstance(sheet, str):
            if sheet not in titles:
                raise CsatInputError(f"{name}: Worksheet named {sheet!r} not found; sheets are: "
                                     f"{', '.join(map(repr, titles))}")
            title = sheet
        else:
            if not 0 <= int(sheet) < len(titles):
                raise CsatInputError(f"{name}: sheet must be a position from 0 to {len(titles) - 1} "
                                     f"(sheets are: {', '.join(map(repr, titles))}), got {sheet!r}")
            title = titles[int(sheet)]
        ws = book[title]
        if not hasattr(ws, "iter_rows"):
            raise CsatInputError(f"{name}: sheet {title!r} is a chart sheet, not a table")
        _check_formulas(raw, name, title, getattr(ws, "_worksheet_path", None))
        ws.reset_dimensions()  # some writers record wrong dimensions; read every row there is
        rows = []
        for row in ws.iter_rows(values_only=True):
            cells = [int(v) if isinstance(v, float) and v.is_integer() else v for v in row]
            while cells and (cells[-1] is None or cells[-1] == ""):
                cells.pop()
            if cells:
                rows.append(cells)
    finally:
        book.close()
    width = max((len(r) for r in rows), default=0)
    return [r + [None] * (width - len(r)) for r in rows]


def _check_formulas(raw: bytes, name: str, title: str, path: str | None) -> None:
    """Raise naming formula cells that carry no saved result (they would read as empty)."""
    if not path:
        return
    import xml.etree.ElementTree as ET

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            xml = archive.read(path.lstrip("/"))
    except (KeyError, zipfile.BadZipFile):
        return
    if not _FORMULA_TAG.search(xml):
        return
    missing = []
    for _, element in ET.iterparse(io.BytesIO(xml)):
        if element.tag.rsplit("}", 1)[-1] != "c":
            continue
        children = {child.tag.rsplit("}", 1)[-1]: child for child in element}
        if "f" in children:
            value = children.get("v")
            # openpyxl writes <v/> for a formula it did not calculate; an empty text result is t="str"
            if value is None or (not (value.text or "").strip() and element.get("t") not in ("str", "s", "inlineStr")):
                missing.append(element.get("r", "?"))
        element.clear()
    if missing:
        shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
        raise CsatInputError(
            f"{name}: sheet {title!r} has {len(missing)} formula cell(s) with no saved result ({shown}); they "
            "would read as empty. The file was written by a program that does not calculate formulas: open and "
            "save it in Excel or LibreOffice, or replace the formulas by their values")


def read_spss(source: Source, *, user_missing: bool = True, categorical: bool = True
              ) -> SurveyExport:
    """Read an SPSS .sav file with pyreadstat, keeping variable and value labels.

    Parameters
    ----------
    source : str, path or binary file
        The .sav file: a path, or an open binary stream (``io.BytesIO``).
    user_missing : bool, default True
        Turn the file's user-missing codes (e.g. 99 "no answer") into NaN and
        count them in the codebook; False keeps them as values.
    categorical : bool, default True
        Turn a column whose every answer has a value label into an ordered
        categorical of the labels, ordered by code. A column where two codes
        share one label keeps its codes (the labels could not tell them apart),
        and ``notes`` says so.

    Returns
    -------
    SurveyExport
        The table in ``.data`` and the codebook in ``.codebook`` (``encoding`` is
        the file's declared encoding); it unpacks as ``frame, codebook = ...``.

    Notes
    -----
    pyreadstat parses the binary .sav layout with the ReadStat C library.
    A column with unlabelled answers stays numeric (no answer is lost). The
    codebook's ``scale`` names a built-in scale when the labels are its
    English or Chinese anchors.

    Examples
    --------
    >>> import tempfile, os, pyreadstat
    >>> path = os.path.join(tempfile.mkdtemp(), "s.sav")
    >>> pyreadstat.write_sav(pd.DataFrame({"q1": [1.0, 2.0, 9.0]}), path,
    ...                      variable_value_labels={"q1": {1.0: "No", 2.0: "Yes"}}, missing_ranges={"q1": [9.0]})
    >>> frame, book = read_spss(path)
    >>> frame["q1"].tolist(), int(book.loc["q1", "n_missing_codes"])
    (['No', 'Yes', nan], 1)
    """
    import pyreadstat

    for flag, value in (("user_missing", user_missing), ("categorical", categorical)):
        if not isinstance(value, (bool, np.bool_)):
            raise CsatInputError(f"{flag} must be True or False, got {value!r}")
    if hasattr(source, "read"):  # pyreadstat reads paths only: copy the stream to a temporary file
        raw, name = _read_bytes(source)
        handle, temp = tempfile.mkstemp(suffix=".sav")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(raw)
            export = read_spss(temp, user_missing=user_missing, categorical=categorical)
        finally:
            os.unlink(temp)
        return SurveyExport(export.data, export.codebook, name, "spss", export.encoding, export.notes)
    if not isinstance(source, (str, os.PathLike)):
        raise CsatInputError(f"source must be a file path (str or pathlib.Path) or an open binary file, "
                             f"got {type(source).__name__}")
    path = Path(source)
    if str(source) == "" or not path.is_file():
        raise CsatInputError(f"no file {str(source)!r}")
    try:
        frame, meta = pyreadstat.read_sav(str(path), user_missing=user_missing)
    except (pyreadstat.ReadstatError, pyreadstat.PyreadstatError) as exc:
        raise CsatInputError(f"{path} is not a readable SPSS .sav file ({exc})") from None
    notes: list[Message] = []
    questions = [meta.column_names_to_labels.get(c) or c for c in frame.columns]
    book = _codebook(frame.columns, questions)
    lookups = {name: _label_lookup(_scales.get(name)) for name in _scales.available()}
    for col in frame.columns:
        hit, codes = _user_missing(meta, col, frame[col]) if user_missing else (None, [])
        if codes:
            book.at[col, "missing_codes"] = codes
            book.loc[col, "n_missing_codes"] = int(hit.sum())
            frame[col] = frame[col].mask(hit)
        labels = {k: v for k, v in meta.variable_value_labels.get(col, {}).items() if not (codes and _in_codes(k, codes))}
        book.at[col, "value_labels"] = labels
        for scale_name, lookup in lookups.items():
            values = _scales.get(scale_name).values
            if labels and set(labels) == set(values) and all(lookup.get(str(v).strip().lower()) == k for k, v in labels.items()):
                book.loc[col, "scale"] = scale_name
                break
        present = frame[col].dropna()
        if categorical and labels and present.isin(list(labels)).all():
            shared = _shared_labels(labels)
            if shared:  # a categorical of the labels would merge these codes: keep the codes
                for text, codes in shared.items():
                    notes.append(Message("survey.note.shared_labels", column=str(col),
                                         codes=[_plain(c) for c in codes], label=text))
                continue
            order = sorted(labels)
            dtype = pd.CategoricalDtype([labels[k] for k in order], ordered=True)
            frame[col] = frame[col].map(labels).astype(dtype)
    return SurveyExport(frame, book, str(path), "spss", getattr(meta, "file_encoding", None), tuple(notes))


def _shared_labels(labels: dict) -> dict[str, list]:
    """Label text -> its codes, for texts given to more than one code."""
    codes: dict[str, list] = {}
    for code, text in sorted(labels.items(), key=lambda item: item[0]):
        codes.setdefault(text, []).append(code)
    return {text: found for text, found in codes.items() if len(found) > 1}


def _plain(code: object) -> object:
    """A code as a plain Python number (1.0 -> 1) for messages."""
    if isinstance(code, (float, np.floating)) and float(code).is_integer():
        return int(code)
    return code.item() if isinstance(code, np.generic) else code


def _in_codes(value: object, codes: list) -> bool:
    """Whether ``value`` is one of the user-missing codes or inside a missing range."""
    return any(lo <= value <= hi for lo, hi in codes)


def _user_missing(meta, col: str, values: pd.Series) -> tuple[pd.Series, list]:
    """Mask of user-missing answers and the (lo, hi) code ranges declared in the file."""
    codes = [(v, v) for v in getattr(meta, "missing_user_values", {}).get(col, []) if v is not None]
    codes += [(r.get("lo"), r.get("hi")) for r in getattr(meta, "missing_ranges", {}).get(col, [])]
    codes = sorted({(lo, hi) for lo, hi in codes if lo is not None and hi is not None})
    if not codes or values.dtype.kind not in "iuf":
        return pd.Series(False, index=values.index), []
    mask = np.zeros(len(values), bool)
    for lo, hi in codes:
        mask |= ((values >= lo) & (values <= hi)).to_numpy()
    return pd.Series(mask, index=values.index), codes
