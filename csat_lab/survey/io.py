"""Read survey exports into a tidy table plus a codebook.

Each reader returns a :class:`SurveyExport` that unpacks as
``frame, codebook = read_...(...)``. The codebook has one row per column of
``frame``: ``question`` (the question text), ``scale`` (a
:mod:`csat_lab.scales` name when known), ``value_labels`` (code -> text),
``missing_codes`` (user-missing codes as ``(low, high)`` ranges, turned into NaN) and ``n_missing_codes``;
the export records the ``source`` path, ``format`` and the ``encoding``
actually used.

Text files are decoded as UTF-8 (with or without a byte-order mark) and, if
that fails, as GB18030 (a superset of GBK/GB2312, common in Chinese exports).

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
from pathlib import Path
from dataclasses import dataclass
from typing import IO, Any, Iterator, Union

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.results import Result
from .._core.validate import one_of
from ..errors import CsatInputError
from ..i18n import LANGUAGES

__all__ = ["SurveyExport", "read_csv", "read_qualtrics", "read_surveymonkey", "read_spss", "read_excel"]

Source = Union[str, Path, IO[bytes]]
_DETECT = ("utf-8-sig", "gb18030")
_BOOK_COLUMNS = ["question", "scale", "value_labels", "missing_codes", "n_missing_codes"]


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
    estimate : int
        The headline number: responses read (rows of ``data``).
    """

    data: pd.DataFrame
    codebook: pd.DataFrame
    source: str
    format: str
    encoding: str | None

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
        return [("survey.source", self.source), ("survey.format", self.format),
                ("survey.encoding", self.encoding if self.encoding is not None else "-"),
                ("survey.n_responses", int(self.data.shape[0])), ("survey.n_columns", int(self.data.shape[1])),
                ("survey.n_missing_codes", int(self.codebook["n_missing_codes"].sum()))]


def _read_bytes(source: Source) -> tuple[bytes, str]:
    if hasattr(source, "read"):
        data = source.read()
        return (data.encode("utf-8") if isinstance(data, str) else data), getattr(source, "name", "<stream>")
    path = Path(source)
    if not path.is_file():
        raise CsatInputError(f"no file {str(path)!r}")
    return path.read_bytes(), str(path)


def _decode(raw: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """Decode declared or detected; return (text, encoding used)."""
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding
        except LookupError:
            raise CsatInputError(f"unknown encoding {encoding!r}; try 'utf-8', 'utf-8-sig' or 'gb18030'") from None
        except UnicodeDecodeError as exc:
            raise CsatInputError(
                f"{name} is not valid {encoding!r} text (byte {raw[exc.start:exc.start + 1]!r} at position {exc.start}); "
                "declare the file's real encoding (Chinese exports are often 'gb18030'/'gbk') or pass encoding=None to detect it"
            ) from None
    for candidate in _DETECT:
        try:
            text = raw.decode(candidate)
        except UnicodeDecodeError:
            continue
        used = "utf-8" if candidate == "utf-8-sig" and not raw.startswith(b"\xef\xbb\xbf") else candidate
        return text, used
    raise CsatInputError(f"{name} is neither UTF-8 nor GB18030 text; pass encoding=... explicitly")


def _split(text: str, name: str, n_header: int, what: str) -> tuple[list[list[str]], pd.DataFrame]:
    """The first ``n_header`` records as lists of strings, and the rest as a typed table.

    The header records are read with :mod:`csv` (they may hold quoted line
    breaks, e.g. Qualtrics question text); the body goes through pandas' C
    parser in one pass. Only empty cells become missing, so codes such as
    "N/A" or "99" stay visible for :func:`~csat_lab.survey.clean` to report;
    a column whose non-empty cells are all numbers becomes numeric (int64
    when whole and complete), any other stays text.
    """
    stream = io.StringIO(text)
    reader = csv.reader(iter(stream.readline, ""))
    header: list[list[str]] = []
    try:
        for record in reader:
            if not record or not any(cell.strip() for cell in record):
                continue
            header.append(record)
            if len(header) == n_header:
                break
    except csv.Error as exc:
        raise CsatInputError(f"{name} is not a readable CSV file: {exc}") from None
    if len(header) < n_header:
        raise CsatInputError(f"{name} has {len(header)} header row(s); {what} needs {n_header}")
    width = len(header[0])
    body_text = text[stream.tell():]
    if not body_text.strip():
        return header, pd.DataFrame({i: pd.Series(dtype=object) for i in range(width)})
    try:
        body = pd.read_csv(io.StringIO(body_text), header=None, keep_default_na=False, na_values=[""],
                           skip_blank_lines=True, low_memory=False, names=range(width))
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        raise CsatInputError(f"{name} is not a readable CSV file: {exc}") from None
    empty = [col for col in body.columns if body[col].isna().all()]
    if empty:  # nothing says these are numbers (e.g. an unused ExternalReference): keep them as text
        body[empty] = body[empty].astype("str")
    return header, body


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


def _label_lookup(scale: _scales.Scale) -> dict[str, int]:
    if not scale.labelled:
        return {}
    return {text.strip().lower(): code for lang in LANGUAGES for code, text in zip(scale.values, scale.labels(lang))}


def _apply_scales(frame: pd.DataFrame, book: pd.DataFrame, mapping: dict | None) -> None:
    """Turn answers given as scale labels (either language) into codes, in place."""
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


def read_csv(source: Source, *, encoding: str | None = None, scales: dict[str, str] | None = None
             ) -> SurveyExport:
    """Read a plain CSV (one header row) in UTF-8, UTF-8 with BOM or GBK/GB18030.

    Parameters
    ----------
    source : str, path or binary file
        The file to read: a path, or an open binary stream (``io.BytesIO``).
    encoding : str, optional
        The file's text encoding (e.g. "utf-8", "gbk"); None detects UTF-8 (with or
        without a byte-order mark) and, failing that, GB18030.
    scales : dict of str to str, optional
        Column -> scale name; answers written as the scale's labels (English or
        Chinese, e.g. "Satisfied", "满意") become codes, and the codebook records the scale.

    Returns
    -------
    SurveyExport
        The table in ``.data`` and the codebook in ``.codebook`` (with ``source``,
        ``format`` and ``encoding``); it unpacks as ``frame, codebook = ...``.

    Notes
    -----
    With ``encoding=None`` the file is decoded as UTF-8 and, failing that, as
    GB18030; ``SurveyExport.encoding`` says which. Only empty cells become
    missing, so codes such as "N/A" or "99" stay for :func:`clean` to report.
    Fields follow the CSV conventions of RFC 4180 (Shafranovich, 2005): commas
    and line breaks inside double quotes, a quote written twice.

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
    """
    raw, name = _read_bytes(source)
    text, used = _decode(raw, name, encoding)
    (header,), body = _split(text, name, 1, "a CSV file")
    frame = body.set_axis(header, axis=1)
    book = _codebook(header, header)
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "csv", used)


def read_qualtrics(source: Source, *, encoding: str | None = None, scales: dict[str, str] | None = None
                   ) -> SurveyExport:
    """Read a Qualtrics CSV export: three header rows, then one row per response.

    Parameters
    ----------
    source : str, path or binary file
        The file to read: a path, or an open binary stream (``io.BytesIO``).
    encoding : str, optional
        The file's text encoding (e.g. "utf-8", "gbk"); None detects UTF-8 (with or
        without a byte-order mark) and, failing that, GB18030.
    scales : dict of str to str, optional
        Column -> scale name; answers written as the scale's labels (English or
        Chinese, e.g. "Satisfied", "满意") become codes, and the codebook records the scale.

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
        (header, questions, tags), body = _split(text, name, 3, "a Qualtrics export")
    except CsatInputError as exc:
        if "header row" not in str(exc):
            raise
        header, questions, tags, body = [], [], [], None
    if not any(str(t).strip().startswith('{"ImportId"') for t in tags):
        raise CsatInputError(
            f"{name} does not have Qualtrics' three header rows (names, question text, {{\"ImportId\": ...}}); "
            f"row 3 is {list(tags[:4]) if len(tags) else 'missing'}. Export with 'Use legacy format' off, "
            "or read it with read_csv"
        )
    frame = body.set_axis(header, axis=1)
    book = _codebook(header, questions)
    book["import_id"] = [_import_id(t) for t in tags]
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "qualtrics", used)


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


def read_surveymonkey(source: Source, *, encoding: str | None = None, scales: dict[str, str] | None = None
                      ) -> SurveyExport:
    """Read a SurveyMonkey CSV export: two header rows, then one row per respondent.

    Parameters
    ----------
    source : str, path or binary file
        The file to read: a path, or an open binary stream (``io.BytesIO``).
    encoding : str, optional
        The file's text encoding (e.g. "utf-8", "gbk"); None detects UTF-8 (with or
        without a byte-order mark) and, failing that, GB18030.
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
    (first, sub), body = _split(text, name, 2, "a SurveyMonkey export (question, sub-label)")
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
    frame = body.set_axis(names, axis=1)
    book = _codebook(names, questions)
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "surveymonkey", used)


def read_excel(source: Source, *, sheet: str | int = 0, scales: dict[str, str] | None = None,
               layout: str = "plain") -> SurveyExport:
    """Read one sheet of an .xlsx workbook.

    Parameters
    ----------
    source : str, path or binary file
        The file to read: a path, or an open binary stream (``io.BytesIO``).
    sheet : str or int, default 0
        The sheet's name or position.
    scales : dict of str to str, optional
        Column -> scale name; answers written as the scale's labels (English or
        Chinese, e.g. "Satisfied", "满意") become codes, and the codebook records the scale.
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
    filled cell is a number become numeric, the others stay text.

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
    try:
        frame = pd.read_excel(io.BytesIO(raw), sheet_name=sheet, engine="openpyxl", dtype=object,
                              header=0 if layout == "plain" else None)
    except ValueError as exc:
        raise CsatInputError(f"{name}: {exc}") from None
    except Exception as exc:  # openpyxl raises several types for files that are not workbooks
        raise CsatInputError(f"{name} is not a readable .xlsx workbook ({type(exc).__name__})") from None
    if layout != "plain":
        # Same parser as the CSV export: whole numbers stored as floats by Excel are written back as integers.
        cells = frame.map(lambda v: int(v) if isinstance(v, float) and v.is_integer() else v)
        text = cells.to_csv(index=False, header=False)
        reader = read_qualtrics if layout == "qualtrics" else read_surveymonkey
        export = reader(io.BytesIO(text.encode("utf-8")), encoding="utf-8", scales=scales)
        return SurveyExport(export.data, export.codebook, name, f"excel ({layout})", None)
    frame.columns = [str(c) for c in frame.columns]
    frame = _to_numeric(frame.astype(object).where(frame.notna(), np.nan))
    book = _codebook(frame.columns, frame.columns)
    _apply_scales(frame, book, scales)
    return SurveyExport(frame, book, name, "excel", None)


def read_spss(source: str | Path, *, user_missing: bool = True, categorical: bool = True
              ) -> SurveyExport:
    """Read an SPSS .sav file with pyreadstat, keeping variable and value labels.

    Parameters
    ----------
    source : str or path
        Path of the .sav file.
    user_missing : bool, default True
        Turn the file's user-missing codes (e.g. 99 "no answer") into NaN and
        count them in the codebook; False keeps them as values.
    categorical : bool, default True
        Turn a column whose every answer has a value label into an ordered
        categorical of the labels, ordered by code.

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

    path = Path(source)
    if not path.is_file():
        raise CsatInputError(f"no file {str(path)!r}")
    try:
        frame, meta = pyreadstat.read_sav(str(path), user_missing=user_missing)
    except pyreadstat.ReadstatError as exc:
        raise CsatInputError(f"{path} is not a readable SPSS .sav file ({exc})") from None
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
            order = sorted(labels)
            dtype = pd.CategoricalDtype([labels[k] for k in order], ordered=True)
            frame[col] = frame[col].map(labels).astype(dtype)
    return SurveyExport(frame, book, str(path), "spss", getattr(meta, "file_encoding", None))


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
