"""Readers for the answer downloads of 问卷星 (wjx.cn) and 腾讯问卷 (wj.qq.com).

Both platforms let the owner of a survey download the answers as an Excel
workbook or a CSV file, either with the answers written as the option text
(按选项文本) or as the option's number (按选项序号). :func:`read_wjx` and
:func:`read_tencent` read any of the four into the same tidy table and codebook
as the other readers (:mod:`csat_lab.survey.io`): one row per respondent; the
platform's metadata columns renamed and typed; multi-select questions split
into one 0/1 indicator column per option; matrix (Likert) questions split into
one column per item; answers that match a known scale (很不满意 ... 很满意)
turned into the scale's codes.

The layouts below were reconstructed from the platforms' help pages and from
downloads published by their users; the readers key on the header patterns,
not on exact column positions, so small variations between versions read the
same. The example exports shipped with csat_lab (``wjx_*`` and ``tencent_*``
in :func:`csat_lab.datasets.example_files`) are synthetic, made by
:mod:`csat_lab.simulate`.

Examples
--------
>>> import csat_lab as cl
>>> frame, book = cl.survey.read_wjx(cl.datasets.example_file("wjx_service_survey_text.xlsx"))
>>> frame[["response_id", "Q1", "Q4", "Q6_2"]].head(2).to_dict("list")
{'response_id': [1, 2], 'Q1': ['男', '女'], 'Q4': [3, 5], 'Q6_2': [0.0, 0.0]}
>>> book.loc["Q6_2", ["question", "kind"]].tolist()
['您是通过哪些渠道了解我们的？（多选） - 朋友推荐', 'multiple']
"""

from __future__ import annotations

import csv
import io
import ipaddress
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import scales as _scales
from .._core.docstrings import shared_docs
from ..errors import CsatInputError
from .io import (
    Source,
    SurveyExport,
    _decode,
    _label_lookup,
    _read_bytes,
    _sheet_rows,
    _split,
)

__all__ = ["read_wjx", "read_tencent"]

_SHOWN = 3


@dataclass(frozen=True)
class _Platform:
    key: str
    name: str
    id_column: str
    meta: dict[str, tuple[str, str]]  # header -> (column name, type)
    missing_text: tuple[str, ...]
    missing_codes: tuple[int, ...]


#: 问卷星: metadata first, then one column per question; see read_wjx's docstring.
_WJX = _Platform(
    "wjx", "问卷星", "序号",
    {"序号": ("response_id", "id"), "答卷编号": ("response_id", "id"), "提交答卷时间": ("submitted_at", "datetime"),
     "所用时间": ("duration_sec", "duration"), "来源": ("source", "category"),
     "来源详情": ("source_detail", "text"), "来自IP": ("ip", "ip"), "IP": ("ip", "ip"),
     "总分": ("total_score", "number"), "用户ID": ("user_id", "text"), "昵称": ("nickname", "text")},
    ("(跳过)", "（跳过）", "(空)", "（空）"), (-2, -3))

#: 腾讯问卷: metadata first, then one column per question; see read_tencent's docstring.
_TENCENT = _Platform(
    "tencent", "腾讯问卷", "编号",
    {"编号": ("response_id", "id"), "答卷编号": ("response_id", "id"), "开始答题时间": ("started_at", "datetime"),
     "结束答题时间": ("submitted_at", "datetime"), "答题时长": ("duration_sec", "duration"),
     "IP": ("ip", "ip"), "IP地址": ("ip", "ip"), "来源渠道": ("source", "category"),
     "地理位置国家和地区": ("country", "category"), "地理位置省": ("province", "category"),
     "地理位置市": ("city", "category"), "用户类型": ("user_type", "category"), "用户标识": ("user_id", "text"),
     "昵称": ("nickname", "text"), "自定义字段": ("custom_field", "text")},
    ("(跳过)", "（跳过）"), ())

_MULTI_SEP = "┋"
_NUMBER = re.compile(r"^\s*(?:[Qq]|第)?\s*(\d{1,3})\s*题?\s*(?=[、.．:：(（])")
_OPENERS = "(（"
_CLOSERS = ")）"


def _question_number(header: str) -> int | None:
    match = _NUMBER.match(header)
    return int(match.group(1)) if match else None


@shared_docs
def read_wjx(source: Source, *, labels: Any = None, encoding: str | None = None, sheet: str | int = 0,
             scales: dict[str, str] | None = None) -> SurveyExport:
    """Read a 问卷星 (wjx.cn) answer download: Excel or CSV, option text or option numbers.

    Parameters
    ----------
    @{source}
    labels : dict or str or path or binary file, optional
        The option texts of the choice questions, for a download by option
        number (按选项序号), which holds only the numbers: either a dict
        question -> list of option texts in the questionnaire's order
        (``{"Q1": ["男", "女"]}``), or the download of the same answers by
        option text, whose answers are paired with the numbers by ``序号``.
        With it, both downloads give the same table. For a download by option
        text it lists the options of multi-select questions that nobody chose.
    encoding : str, optional
        CSV only: the text encoding; None detects UTF-8 (with or without a
        byte-order mark), UTF-16 and GB18030/GBK.
    sheet : str or int, default 0
        Excel only: the sheet's name or position.
    @{answer_scales}

    Returns
    -------
    SurveyExport
        ``frame, codebook = read_wjx(...)``. ``format`` is ``"wjx (text)"`` or
        ``"wjx (number)"`` (the style detected). The codebook adds ``kind``
        (``metadata``, ``single``, ``multiple``, ``matrix``, ``open``,
        ``number``), ``question_id`` (``"Q6"``), ``option`` (the option or
        matrix row of a split column) and ``header`` (the column's header in
        the file).

    Notes
    -----
    **Layout.** One header row, one row per submitted answer sheet. The
    metadata come first: ``序号`` (answer number) → ``response_id``;
    ``提交答卷时间`` (``2024/3/5 10:21:33``) → ``submitted_at`` (datetime);
    ``所用时间`` (``"125秒"``, ``"2分5秒"``) → ``duration_sec`` (seconds);
    ``来源`` (手机提交, 微信, 链接 ...) → ``source`` (category); ``来源详情`` →
    ``source_detail``; ``来自IP`` (``"192.0.2.15(北京-北京)"``) → ``ip`` and
    ``ip_location``; ``总分`` of a quiz → ``total_score``. Questions follow,
    headed by their number: ``"1、您的性别："``.

    - Single choice: one column ``"3、…"``; the option text, or its number
      (1 for the first option listed).
    - Multiple choice: by option text, one column ``"6、…"`` whose cell lists
      the chosen options joined by ``┋`` (``"朋友推荐┋社交媒体"``); by option
      number, one 1/0 column per option, ``"6(朋友推荐)"``.
    - Matrix (Likert) questions: one column per row of the matrix,
      ``"7(服务态度)"``, holding the option text or number.
    - Rating (量表) and fill-in questions: the number or text as entered.
    - A question skipped by logic or left empty: ``(跳过)`` / ``(空)`` as text,
      ``-3`` / ``-2`` as numbers; both become missing and are counted in the
      codebook's ``n_missing_codes``.

    Not split: ranking questions (options joined by ``→``) and the text typed
    into an option's fill-in box (``其他〖…〗``) stay as text.

    Columns are renamed ``Q{n}`` and ``Q{n}_{j}`` (``j``-th option or matrix
    row); the codebook keeps the text. A single-choice or matrix question
    whose options are all anchors of a built-in scale (English or Chinese,
    with common variants such as 一般, 比较满意, 非常满意) is coded on that
    scale, whatever the style; ``scales=`` declares a scale for any column.
    Cells are parsed by RFC 4180 (Shafranovich, 2005) for CSV and ISO/IEC
    29500-1 (2008) for .xlsx. Errors name the file and the row, counting the
    header as row 1.

    References
    ----------
    Shafranovich, Y. (2005). *Common Format and MIME Type for Comma-Separated Values (CSV) Files*. RFC 4180.
    International Organization for Standardization (2008). ISO/IEC 29500-1: Office Open XML File Formats.

    Examples
    --------
    >>> import io
    >>> raw = ("序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的性别：,2、您对本次服务的满意度：,"
    ...        "3、您通过哪些渠道了解我们？\\n"
    ...        "1,2024/3/5 10:21:33,125秒,手机提交,直接访问,192.0.2.15(北京-北京),男,满意,电视广告┋朋友推荐\\n"
    ...        "2,2024/3/5 11:02:09,2分5秒,微信,N/A,198.51.100.7(上海-上海),女,很满意,朋友推荐\\n")
    >>> frame, book = read_wjx(io.BytesIO(raw.encode("utf-8")))
    >>> frame[["Q2", "Q3_1", "Q3_2", "duration_sec"]].to_dict("list")
    {'Q2': [4, 5], 'Q3_1': [1, 0], 'Q3_2': [1, 1], 'duration_sec': [125.0, 125.0]}
    >>> book.loc["Q2", "scale"], book.loc["Q3_2", "option"], str(frame["submitted_at"].dtype)
    ('satisfaction5', '朋友推荐', 'datetime64[ns]')
    """
    return _read(_WJX, source, labels, encoding, sheet, scales)


@shared_docs
def read_tencent(source: Source, *, labels: Any = None, encoding: str | None = None, sheet: str | int = 0,
                 scales: dict[str, str] | None = None) -> SurveyExport:
    """Read a 腾讯问卷 (wj.qq.com) answer download: Excel or CSV, option text or option numbers.

    Parameters
    ----------
    @{source}
    labels : dict or str or path or binary file, optional
        The option texts of the choice questions, for a download by option
        number: a dict question -> list of option texts in order
        (``{"Q1": ["男", "女"]}``), or the download of the same answers by
        option text, paired with the numbers by ``编号``. With it, both
        downloads give the same table.
    encoding : str, optional
        CSV only: the text encoding; None detects UTF-8 (with or without a
        byte-order mark), UTF-16 and GB18030/GBK.
    sheet : str or int, default 0
        Excel only: the sheet's name or position.
    @{answer_scales}

    Returns
    -------
    SurveyExport
        ``frame, codebook = read_tencent(...)``; ``format`` is
        ``"tencent (text)"`` or ``"tencent (number)"``. The codebook adds
        ``kind``, ``question_id``, ``option`` and ``header`` as in
        :func:`read_wjx`.

    Notes
    -----
    **Layout.** One header row, one row per answer. Metadata first: ``编号``
    → ``response_id``; ``开始答题时间`` / ``结束答题时间``
    (``2024-03-05 10:21:33``) → ``started_at`` / ``submitted_at``;
    ``答题时长`` (seconds, or ``"2分5秒"``) → ``duration_sec``; ``IP`` →
    ``ip``; ``地理位置国家和地区`` / ``地理位置省`` / ``地理位置市`` →
    ``country`` / ``province`` / ``city``; ``用户类型`` → ``user_type``;
    ``用户标识``, ``昵称``, ``自定义字段`` → ``user_id``, ``nickname``,
    ``custom_field`` (text). Questions follow, headed ``"1.您的性别"`` (also
    read: ``"Q1:"``, ``"1、"``).

    - Single choice: one column, the option text or its number.
    - Multiple choice: one column per option, ``"3.您通过哪些渠道了解我们？(朋友推荐)"``,
      holding the option's text when chosen (by text) or 1/0 (by number);
      a respondent with every option column empty skipped the question.
    - Matrix questions: one column per row, ``"5.请评价以下方面(服务态度)"``.

    Columns are renamed ``Q{n}`` / ``Q{n}_{j}``, answers on a known scale
    coded, and errors name the file and the row as in :func:`read_wjx`; CSV
    cells follow RFC 4180 (Shafranovich, 2005), workbooks ISO/IEC 29500-1 (2008).

    References
    ----------
    Shafranovich, Y. (2005). *Common Format and MIME Type for Comma-Separated Values (CSV) Files*. RFC 4180.
    International Organization for Standardization (2008). ISO/IEC 29500-1: Office Open XML File Formats.

    Examples
    --------
    >>> import io
    >>> raw = ("编号,开始答题时间,结束答题时间,答题时长,IP,1.总体满意度,2.渠道(电视广告),2.渠道(朋友推荐)\\n"
    ...        "1,2024-03-05 10:19:28,2024-03-05 10:21:33,125,192.0.2.15,4,1,0\\n"
    ...        "2,2024-03-05 11:00:04,2024-03-05 11:02:09,125,198.51.100.7,5,0,1\\n")
    >>> frame, book = read_tencent(io.BytesIO(raw.encode("utf-8")), labels={"Q1": ["很不满意", "不满意", "一般",
    ...                            "满意", "很满意"]})
    >>> frame[["Q1", "Q2_1", "Q2_2"]].to_dict("list"), book.loc["Q1", "scale"]
    ({'Q1': [4, 5], 'Q2_1': [1, 0], 'Q2_2': [0, 1]}, 'satisfaction5')
    """
    return _read(_TENCENT, source, labels, encoding, sheet, scales)


# --- reading the table --------------------------------------------------------------------------

def _table(source: Source, encoding: str | None, sheet: object, platform: _Platform
           ) -> tuple[list[str], pd.DataFrame, str, str, str | None]:
    """Header, body (object cells) and name of a CSV or .xlsx download; which of them it was."""
    raw, name = _read_bytes(source)
    if raw.startswith(b"PK\x03\x04"):
        rows = _sheet_rows(raw, name, sheet)
        if not rows:
            raise CsatInputError(f"{name}: the sheet is empty; a {platform.name} download starts with a header row")
        header = ["" if v is None else str(v).strip() for v in rows[0]]
        body = pd.DataFrame([list(r) for r in rows[1:]], columns=range(len(header)), dtype=object)
        return header, body, name, "xlsx", None
    text, used = _decode(raw, name, encoding)
    # _split checks every record's field count against the header (naming bad lines); the cells are
    # then read again as text, so that identifiers such as "007" keep their leading zeros.
    (header,), _, _ = _split(text, name, 1, f"a {platform.name} download")
    width = len(header)
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")
    records = [r for r in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in r)]
    cells = [[cell if cell.strip() else None for cell in (r[:width] + [""] * (width - len(r)))] for r in records[1:]]
    body = pd.DataFrame(cells, columns=range(width), dtype=object)
    return [h.strip() for h in header], body, name, "csv", used


def _show(value: Any) -> str:
    """A cell as a message shows it: NumPy numbers as plain numbers (12, not np.int64(12))."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return repr(value)


def _cell_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (isinstance(value, str) and not value.strip())


def _row(i: int) -> int:
    """The row of the file of body row ``i`` (0-based), counting the header as row 1."""
    return i + 2


def _rows_text(rows: list[int]) -> str:
    shown = ", ".join(str(_row(r)) for r in rows[:_SHOWN])
    return f"row {shown}" if len(rows) == 1 else f"rows {shown}" + (f" (and {len(rows) - _SHOWN} more)" if len(rows) > _SHOWN else "")


# --- the reader -----------------------------------------------------------------------------------

def _read(platform: _Platform, source: Source, labels: Any, encoding: str | None, sheet: object,
          scales: dict[str, str] | None) -> SurveyExport:
    if scales is not None and not isinstance(scales, dict):
        raise CsatInputError(f"scales must be a dict of column -> scale name such as {{'Q4': 'satisfaction5'}}, "
                             f"got {type(scales).__name__}")
    header, body, name, _, used = _table(source, encoding, sheet, platform)
    if platform.id_column not in header and "答卷编号" not in header:
        raise CsatInputError(
            f"{name} is not a {platform.name} download: no {platform.id_column!r} column (the answer number); "
            f"the header starts with {header[:4]}")
    meta_idx, groups = _layout(header, name, platform)
    columns: dict[str, pd.Series] = {}
    book_rows: list[dict[str, Any]] = []
    for i in meta_idx:
        col, typ = platform.meta.get(header[i], (_meta_name(header[i]), "text"))
        for out_name, values in _metadata(body[i], col, typ, header[i], name).items():
            if out_name in columns:
                raise CsatInputError(f"{name}: two metadata columns both read as {out_name!r} ({header[i]!r})")
            columns[out_name] = values
            book_rows.append(_entry(out_name, header[i], "metadata", None, None, header[i]))
    questions = [_Question.build(number, [(i, header[i]) for i in idx], body, name, platform) for number, idx in groups]
    option_lists = _labels(labels, platform, questions, columns.get("response_id"), name)
    style = _style(questions)
    for q in questions:
        if style == "number" and q.kind == "single" and q.style == "text":
            q.kind = "open"  # text in a download by option number is typed-in text
        for out_name, values, entry in q.columns(option_lists.get(q.qid), name):
            columns[out_name] = values
            book_rows.append(entry)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(body.shape[0]))
    book = pd.DataFrame(book_rows).set_index("column")
    _declared_scales(frame, book, scales, name)
    return SurveyExport(frame, book, name, f"{platform.key} ({style})", used)


def _style(questions: list[_Question]) -> str:
    """"text" (按选项文本) or "number" (按选项序号): multi-select questions decide, then the choice questions."""
    multi = {q.style for q in questions if q.kind == "multiple"}
    if len(multi) == 1:
        return multi.pop()
    if any(q.kind in ("single", "matrix") and q.style == "text" and _detect_scale(
            [str(v) for col in q.cells for v in q._present(col)]) for q in questions):
        return "text"
    votes = [q.style for q in questions if q.kind in ("single", "matrix")]
    return "text" if votes.count("text") > votes.count("number") else "number"


def _layout(header: list[str], name: str, platform: _Platform) -> tuple[list[int], list[tuple[int, list[int]]]]:
    """Metadata column positions, and question number -> its column positions (in file order)."""
    meta, groups, seen = [], [], {}
    for i, h in enumerate(header):
        number = _question_number(h)
        if number is None:
            if groups:
                if h in platform.meta or not h:
                    raise CsatInputError(f"{name}: column {i + 1} ({h!r}) comes after the questions but is not a "
                                         "question (headers such as '1、…' or '1(…)'); the header row is damaged")
                raise CsatInputError(f"{name}: column {i + 1} header {h!r} has no question number; "
                                     f"{platform.name} heads question columns like '1、您的性别' or '6(朋友推荐)'")
            if not h:
                raise CsatInputError(f"{name}: column {i + 1} of the header is empty")
            meta.append(i)
            continue
        if number in seen and groups[-1][0] != number:
            raise CsatInputError(f"{name}: the columns of question {number} are not next to each other "
                                 f"(column {seen[number] + 1} and column {i + 1})")
        if groups and groups[-1][0] == number:
            groups[-1][1].append(i)
        else:
            groups.append((number, [i]))
            seen[number] = i
    if not groups:
        raise CsatInputError(f"{name}: no question columns found (headers such as '1、您的性别' or 'Q1.…'); "
                             f"is this a {platform.name} answer download? Header: {header[:8]}")
    return meta, groups


def _meta_name(header: str) -> str:
    out = "".join(ch if ch.isalnum() else "_" for ch in header.strip().lower()).strip("_")
    return out or "column"


def _entry(column: str, question: str, kind: str, qid: str | None, option: str | None, header: str,
           scale: str | None = None, value_labels: dict | None = None, missing: list | None = None,
           n_missing: int = 0) -> dict[str, Any]:
    return {"column": column, "question": question, "scale": scale, "value_labels": value_labels or {},
            "missing_codes": missing or [], "n_missing_codes": int(n_missing), "kind": kind, "question_id": qid,
            "option": option, "header": header}


# --- metadata ------------------------------------------------------------------------------------

_DURATION = re.compile(r"^\s*(?:(\d+(?:\.\d+)?)\s*(?:小时|时|h))?\s*(?:(\d+(?:\.\d+)?)\s*(?:分钟|分|min|m))?"
                       r"\s*(?:(\d+(?:\.\d+)?)\s*(?:秒钟|秒|s))?\s*$")
_IP = re.compile(r"^\s*([0-9A-Fa-f:.]+)\s*(?:[(（]\s*(.*?)\s*[)）])?\s*$")


def _metadata(values: pd.Series, column: str, typ: str, header: str, name: str) -> dict[str, pd.Series]:
    items = values.tolist()
    missing = [_cell_missing(v) for v in items]

    def fail(rows: list[int], what: str) -> CsatInputError:
        example = items[rows[0]]
        return CsatInputError(f"{name}: column {header!r}, {_rows_text(rows)}: {_show(example)} is not {what}")

    if typ == "id":
        numbers = pd.to_numeric(pd.Series(items, dtype=object), errors="coerce")
        if not numbers.isna().any() and (numbers % 1 == 0).all():
            if numbers.duplicated().any():
                dup = [i for i, d in enumerate(numbers.duplicated(keep=False)) if d]
                raise CsatInputError(f"{name}: column {header!r} repeats the answer number {int(numbers[dup[0]])} "
                                     f"({_rows_text(dup)}); each answer sheet needs its own number")
            return {column: numbers.astype("int64")}
        return {column: pd.Series([None if m else str(v).strip() for v, m in zip(items, missing)], dtype=object)}
    if typ == "datetime":
        out, bad = [], []
        for i, (v, m) in enumerate(zip(items, missing)):
            if m:
                out.append(pd.NaT)
                continue
            try:
                stamp = pd.Timestamp(v) if not isinstance(v, (int, float)) else None
            except (ValueError, TypeError):
                stamp = None
            if stamp is None or pd.isna(stamp):
                bad.append(i)
                out.append(pd.NaT)
            else:
                out.append(stamp.tz_localize(None) if stamp.tzinfo else stamp)
        if bad:
            raise fail(bad, "a date and time such as '2024/3/5 10:21:33'")
        return {column: pd.Series(pd.to_datetime(pd.Series(out, dtype=object)), dtype="datetime64[ns]")}
    if typ == "duration":
        out, bad = [], []
        for i, (v, m) in enumerate(zip(items, missing)):
            if m:
                out.append(np.nan)
            elif _is_number(v):
                out.append(_as_number(v))
            else:
                match = _DURATION.match(str(v))
                if not match or not any(match.groups()):
                    bad.append(i)
                    out.append(np.nan)
                else:
                    h, mi, s = (float(g) if g else 0.0 for g in match.groups())
                    out.append(3600 * h + 60 * mi + s)
        if bad:
            raise fail(bad, "a duration such as '125秒', '2分5秒' or 125")
        return {column: pd.Series(out, dtype="float64")}
    if typ == "ip":
        ips, places, bad = [], [], []
        for i, (v, m) in enumerate(zip(items, missing)):
            if m:
                ips.append(None)
                places.append(None)
                continue
            match = _IP.match(str(v))
            try:
                ip = str(ipaddress.ip_address(match.group(1))) if match else None
            except ValueError:
                ip = None
            if ip is None:
                bad.append(i)
            ips.append(ip)
            places.append((match.group(2) or None) if match else None)
        if bad:
            raise fail(bad, "an IP address such as '192.0.2.15' or '192.0.2.15(北京-北京)'")
        out = {column: pd.Series(ips, dtype=object)}
        if any(p is not None for p in places):
            out[f"{column}_location"] = pd.Series(places, dtype=object).astype("category")
        return out
    if typ == "number":
        numbers = pd.to_numeric(pd.Series([None if m else v for v, m in zip(items, missing)], dtype=object),
                                errors="coerce")
        bad = [i for i, (x, m) in enumerate(zip(numbers, missing)) if pd.isna(x) and not m]
        if bad:
            raise fail(bad, "a number")
        return {column: numbers.astype("float64")}
    texts = pd.Series([None if m else str(v).strip() for v, m in zip(items, missing)], dtype=object)
    return {column: texts.astype("category") if typ == "category" else texts}


# --- questions -----------------------------------------------------------------------------------

def _sub_labels(headers: list[str]) -> tuple[str, list[str]]:
    """Question text and each column's option or matrix row, from headers such as '6(朋友推荐)'."""
    prefix = headers[0]
    for h in headers[1:]:
        k = 0
        while k < min(len(prefix), len(h)) and prefix[k] == h[k]:
            k += 1
        prefix = prefix[:k]
    cut = max(prefix.rfind(c) for c in _OPENERS)
    if cut < 0:  # no brackets: the options follow a dash or the common text
        cut = max(prefix.rfind(c) for c in "-—–:：") if any(c in prefix for c in "-—–:：") else len(prefix) - 1
    stem = prefix[:cut]
    options = []
    for h in headers:
        rest = h[cut + 1:].strip()
        if rest and rest[-1] in _CLOSERS:
            rest = rest[:-1].strip()
        options.append(rest)
    question = re.sub(r"^\s*(?:[Qq]|第)?\s*\d{1,3}\s*题?\s*[、.．:：]?", "", stem).strip()
    return question, options


def _single_text(header: str) -> str:
    match = _NUMBER.match(header)
    return header[match.end():].lstrip("、.．:：").strip() if match else header


def _is_number(v: Any) -> bool:
    if isinstance(v, bool):
        return False
    if isinstance(v, (int, float, np.integer, np.floating)):
        return True
    try:
        float(str(v).strip())
    except ValueError:
        return False
    return True


def _as_number(v: Any) -> float:
    return float(v) if isinstance(v, (int, float, np.integer, np.floating)) else float(str(v).strip())


class _Question:
    """One question: its columns in the file, what kind it is and in which style its answers were written."""

    def __init__(self, number: int, cols: list[tuple[int, str]], cells: list[list[Any]], name: str,
                 platform: _Platform) -> None:
        self.number, self.qid, self.platform = number, f"Q{number}", platform
        self.headers = [h for _, h in cols]
        self.cells = cells  # per column: the list of cells
        self.n = len(cells[0]) if cells else 0
        self.missing_text = set(platform.missing_text)
        if len(cols) == 1:
            self.text, self.options = _single_text(self.headers[0]), [None]
        else:
            self.text, self.options = _sub_labels(self.headers)
        self.kind, self.style = self._classify()

    @classmethod
    def build(cls, number: int, cols: list[tuple[int, str]], body: pd.DataFrame, name: str,
              platform: _Platform) -> _Question:
        return cls(number, cols, [body[i].tolist() for i, _ in cols], name, platform)

    def _skipped(self, v: Any) -> bool:
        if isinstance(v, str) and v.strip() in self.missing_text:
            return True
        return _is_number(v) and not isinstance(v, str) and float(v) in self.platform.missing_codes or (
            isinstance(v, str) and _is_number(v) and float(v) in self.platform.missing_codes)

    def _present(self, column: list[Any]) -> list[Any]:
        return [v for v in column if not _cell_missing(v) and not self._skipped(v)]

    def _classify(self) -> tuple[str, str]:
        values = [self._present(c) for c in self.cells]
        numeric = all(_is_number(v) for col in values for v in col)
        if len(self.cells) == 1:
            col = values[0]
            if any(isinstance(v, str) and _MULTI_SEP in v for v in col):
                return "multiple", "text"
            if numeric:
                whole = all(float(_as_number(v)).is_integer() for v in col)
                return ("single" if whole and len({_as_number(v) for v in col}) <= 20 else "number"), "number"
            texts = {str(v).strip() for v in col}
            return ("open" if _open_ended(texts, len(col)) else "single"), "text"
        if numeric and all(_as_number(v) in (0.0, 1.0) for col in values for v in col):
            return "multiple", "number"
        if all(str(v).strip() == option for col, option in zip(values, self.options) for v in col):
            return "multiple", "text"
        return "matrix", "number" if numeric else "text"

    # -- output columns --
    def columns(self, option_list: list[str] | None, name: str):
        if self.kind == "multiple":
            yield from self._multiple(option_list, name)
            return
        items = list(zip(self.cells, self.options, self.headers))
        coded = [self._coded(cells, option_list, name, header) for cells, _, header in items]
        scale = _detect_scale([v for values, _ in coded for v in values if isinstance(v, str)])
        for j, ((values, n_skipped), option, header) in enumerate(zip(coded, self.options, self.headers), start=1):
            column = self.qid if len(items) == 1 else f"{self.qid}_{j}"
            series, value_labels, scale_name = _finish(values, scale, column, name)
            question = self.text if option is None else f"{self.text} - {option}" if self.text else option
            yield column, series, _entry(column, question, self.kind, self.qid, option, header, scale_name,
                                         value_labels, self._missing_list(), n_skipped)

    def _missing_list(self) -> list:
        codes = [(c, c) for c in sorted(self.platform.missing_codes)]
        return codes + [(t, t) for t in sorted(self.missing_text) if "（" not in t]

    def _coded(self, cells: list[Any], option_list: list[str] | None, name: str, header: str
               ) -> tuple[list[Any], int]:
        """Answers with skips as None; numbers turned into option texts when the options are known."""
        out, n_skipped, bad = [], 0, []
        for i, v in enumerate(cells):
            if _cell_missing(v):
                out.append(None)
            elif self._skipped(v):
                out.append(None)
                n_skipped += 1
            elif option_list is not None and _is_number(v) and not isinstance(v, str) or (
                    option_list is not None and isinstance(v, str) and v.strip().isdigit()):
                k = int(_as_number(v))
                if not 1 <= k <= len(option_list):
                    bad.append(i)
                    out.append(None)
                else:
                    out.append(option_list[k - 1])
            else:
                out.append(v.strip() if isinstance(v, str) else v)
        if bad:
            raise CsatInputError(
                f"{name}: column {header!r}, {_rows_text(bad)}: option number {int(_as_number(cells[bad[0]]))} but the question "
                f"has {len(option_list)} options in labels ({option_list[:6]}...)")
        return out, n_skipped

    def _multiple(self, option_list: list[str] | None, name: str):
        n = self.n
        if len(self.cells) == 1:  # wjx by option text: "A┋B" in one column
            chosen: list[list[str] | None] = []
            n_skipped = 0
            for v in self.cells[0]:
                if _cell_missing(v):
                    chosen.append(None)
                elif self._skipped(v):
                    chosen.append(None)
                    n_skipped += 1
                else:
                    chosen.append([part.strip() for part in str(v).split(_MULTI_SEP) if part.strip()])
            options = list(option_list) if option_list is not None else _merged_order(
                [c for c in chosen if c is not None])
            unknown = [(i, o) for i, c in enumerate(chosen) if c for o in c if o not in options]
            if unknown:
                rows = [i for i, _ in unknown]
                raise CsatInputError(f"{name}: column {self.headers[0]!r}, {_rows_text(rows)}: option "
                                     f"{unknown[0][1]!r} is not among the options given in labels {options}")
            for j, option in enumerate(options, start=1):
                values = [None if c is None else int(option in c) for c in chosen]
                column = f"{self.qid}_{j}"
                yield column, _indicator(values), _entry(column, f"{self.text} - {option}", "multiple", self.qid,
                                                          option, self.headers[0], None, {0: "未选", 1: "选中"},
                                                          self._missing_list(), n_skipped)
            return
        rows_skipped = []
        for i in range(n):
            cells = [col[i] for col in self.cells]
            if any(self._skipped(v) for v in cells) or all(_cell_missing(v) for v in cells):
                rows_skipped.append(i)
        skipped = set(rows_skipped)
        n_skipped = sum(1 for i in rows_skipped if any(self._skipped(col[i]) for col in self.cells))
        for j, (cells, option, header) in enumerate(zip(self.cells, self.options, self.headers), start=1):
            values = []
            for i, v in enumerate(cells):
                if i in skipped:
                    values.append(None)
                elif _cell_missing(v):
                    values.append(0)
                elif self.style == "text":
                    values.append(1)
                else:
                    values.append(int(_as_number(v)))
            column = f"{self.qid}_{j}"
            yield column, _indicator(values), _entry(column, f"{self.text} - {option}" if self.text else option,
                                                      "multiple", self.qid, option, header, None, {0: "未选", 1: "选中"},
                                                      self._missing_list(), n_skipped)


def _open_ended(texts: set[str], n: int) -> bool:
    """Free text rather than a choice: many distinct or long answers."""
    if not texts:
        return False
    return len(texts) > 20 or max(len(t) for t in texts) > 40 or (n >= 20 and len(texts) > 0.5 * n)


def _merged_order(lists: list[list[str]]) -> list[str]:
    """The options in the questionnaire's order, read from the respondents' (ordered) choices.

    The platform lists the chosen options in questionnaire order, so every
    pair chosen together says which of the two comes first. The order is a
    topological sort of those precedences; options never chosen together keep
    the order in which they first appear.
    """
    first: dict[str, int] = {}
    after: dict[str, set[str]] = {}
    for chosen in lists:
        for k, option in enumerate(chosen):
            first.setdefault(option, len(first))
            after.setdefault(option, set()).update(chosen[k + 1:])
    before = {o: {p for p in first if o in after[p]} for o in first}
    order: list[str] = []
    left = set(first)
    while left:
        ready = [o for o in left if not (before[o] & left)] or list(left)  # a cycle: fall back to first seen
        pick = min(ready, key=first.__getitem__)
        order.append(pick)
        left.remove(pick)
    return order


def _indicator(values: list[Any]) -> pd.Series:
    series = pd.Series([np.nan if v is None else v for v in values], dtype="float64")
    return series.astype("int64") if series.notna().all() else series


def _detect_scale(texts: list[str]) -> str | None:
    """The built-in scale whose anchors (either language, common variants) cover every answer text."""
    distinct = {t.strip().lower() for t in texts}
    if len(distinct) < 2:
        return None
    best = None
    for scale_name in _scales.available():
        scale = _scales.get(scale_name)
        if not scale.labelled:
            continue
        lookup = _label_lookup(scale)
        covered = all(t in lookup and not t.isdigit() for t in distinct)
        if covered and (best is None or scale.size < _scales.get(best).size):
            best = scale_name
    return best


def _finish(values: list[Any], scale: str | None, column: str, name: str
            ) -> tuple[pd.Series, dict, str | None]:
    """The column's values: scale codes, numbers, or text; its value labels and scale."""
    if scale is not None:
        sc = _scales.get(scale)
        lookup = _label_lookup(sc)
        codes = [None if v is None else lookup[str(v).strip().lower()] if isinstance(v, str) else v for v in values]
        return _numbers(codes), dict(zip(sc.values, sc.labels())), scale
    if all(v is None or _is_number(v) for v in values) and any(v is not None for v in values):
        return _numbers([None if v is None else _as_number(v) for v in values]), {}, None
    return pd.Series([None if v is None else str(v) for v in values], dtype=object), {}, None


def _numbers(values: list[Any]) -> pd.Series:
    series = pd.Series([np.nan if v is None else float(v) for v in values], dtype="float64")
    if series.notna().all() and (series % 1 == 0).all():
        return series.astype("int64")
    return series


# --- labels and declared scales -------------------------------------------------------------------

def _labels(labels: Any, platform: _Platform, questions: list[_Question], ids: pd.Series | None,
            name: str) -> dict[str, list[str]]:
    """Question id -> option texts in order, from a dict or from the same answers downloaded by text."""
    if labels is None:
        return {}
    if isinstance(labels, Mapping):
        out = {}
        known = {q.qid for q in questions}
        for key, options in labels.items():
            qid = key if isinstance(key, str) and key.upper().startswith("Q") else f"Q{key}"
            qid = qid.upper()
            if qid not in known:
                raise CsatInputError(f"labels names question {key!r}, which {name} does not have; questions are: "
                                     f"{', '.join(sorted(known, key=lambda q: int(q[1:])))}")
            if isinstance(options, str) or not all(isinstance(o, str) and o.strip() for o in options):
                raise CsatInputError(f"labels[{key!r}] must be a list of option texts in the questionnaire's order, "
                                     f"got {options!r}")
            out[qid] = [o.strip() for o in options]
        return out
    text_export = _read(platform, labels, None, None, 0, None)
    if not text_export.format.endswith("(text)"):
        raise CsatInputError(f"labels: {text_export.source} is a download by option number too; pass the download "
                             "of the same answers by option text (按选项文本), or a dict of option lists")
    other, book = text_export.data, text_export.codebook
    if ids is None or "response_id" not in other.columns:
        raise CsatInputError(f"labels: cannot pair the answers of {name} and {text_export.source} without the "
                             f"{platform.id_column!r} column in both")
    pair = pd.Series(range(len(other)), index=other["response_id"].to_numpy())
    out: dict[str, list[str]] = {}
    for q in questions:
        if q.kind not in ("single", "matrix") or q.style != "number":
            continue
        mapping: dict[int, Any] = {}
        for j, cells in enumerate(q.cells, start=1):
            column = q.qid if len(q.cells) == 1 else f"{q.qid}_{j}"
            if column not in other.columns:
                raise CsatInputError(f"labels: {text_export.source} has no column {column} to pair with {name}")
            scale = book.loc[column, "scale"]
            if not isinstance(scale, str) and other[column].dtype != object:
                break  # numbers in the text download too (a rating): nothing to translate
            labels_of = book.loc[column, "value_labels"] if isinstance(scale, str) else {}
            for i, v in enumerate(cells):
                if _cell_missing(v) or q._skipped(v):
                    continue
                rid = ids.iloc[i]
                if rid not in pair.index:
                    raise CsatInputError(f"labels: answer {_show(rid)} ({name}, row {_row(i)}) is not in "
                                         f"{text_export.source}; pass the text download of the same answers")
                text = other[column].iloc[int(pair[rid])]
                if isinstance(scale, str) and not pd.isna(text):
                    text = labels_of[int(text)]
                if pd.isna(text):
                    continue
                k = int(_as_number(v))
                if mapping.setdefault(k, text) != text:
                    raise CsatInputError(f"labels: option number {k} of {column} stands for {mapping[k]!r} in one row "
                                         f"and {text!r} in {name} row {_row(i)}; are these downloads of the same survey?")
        if mapping:
            out[q.qid] = [mapping.get(k, f"选项{k}") for k in range(1, max(mapping) + 1)]
    return out


def _declared_scales(frame: pd.DataFrame, book: pd.DataFrame, scales: dict[str, str] | None, name: str) -> None:
    for column, scale_name in (scales or {}).items():
        if column not in frame.columns:
            raise CsatInputError(f"scales names unknown column {column!r}; columns are: {', '.join(map(str, frame.columns))}")
        sc = _scales.get(scale_name)
        values = frame[column]
        if values.dtype == object:
            lookup = _label_lookup(sc)
            mapped = [lookup.get(str(v).strip().lower(), v) if isinstance(v, str) else v for v in values]
            bad = [i for i, v in enumerate(mapped) if isinstance(v, str)]
            if bad:
                raise CsatInputError(f"{name}: column {column}, {_rows_text(bad)}: {values.iloc[bad[0]]!r} is not an "
                                     f"answer on scale {sc.name!r}")
            values = _numbers([None if pd.isna(v) else v for v in mapped])
        off = [i for i, v in values.items() if not pd.isna(v) and not sc.low <= v <= sc.high]
        if off:
            raise CsatInputError(f"{name}: column {column}, {_rows_text(off)}: {_show(values.iloc[off[0]])} is outside scale "
                                 f"{sc.name!r} ({sc.low}..{sc.high})")
        frame[column] = values
        book.loc[column, "scale"] = sc.name
        book.at[column, "value_labels"] = dict(zip(sc.values, sc.labels()))
