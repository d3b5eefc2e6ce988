"""The Excel workbook of a report (internal; XlsxWriter, imported here only)."""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..export import _ILLEGAL_XLSX, _SHEET_FORBIDDEN, _XLSX_CELL_LIMIT, _safe
from ..i18n import label
from ..i18n.numbers import CODE_KINDS
from ._content import SectionView, Table, number_format

_SHEET_LIMIT = 31


def safe_text(value: Any) -> str:
    """Text for a cell: formula starts neutralised (csat_lab.export), illegal characters removed, length capped."""
    text = _ILLEGAL_XLSX.sub("", str(value))
    return _safe(text)[:_XLSX_CELL_LIMIT]


def _sheet_name(number: int, title: str, taken: set[str]) -> str:
    clean = "".join(" " if ch in _SHEET_FORBIDDEN else ch for ch in title).strip().strip("'")
    name = f"{number} {clean}"[:_SHEET_LIMIT].rstrip() or str(number)
    while name.lower() in taken:
        name = name[:-1] or str(number)
    taken.add(name.lower())
    return name


class _Writer:
    """Cell writing with one cached format per number format."""

    def __init__(self, workbook: Any) -> None:
        self.book = workbook
        self.formats: dict[tuple, Any] = {}
        self.bold = self.fmt(bold=True)
        self.title = self.fmt(bold=True, font_size=14)
        self.header = self.fmt(bold=True, bottom=1, text_wrap=True, valign="top")
        self.wrap = self.fmt(text_wrap=True, valign="top")

    def fmt(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self.formats:
            self.formats[key] = self.book.add_format(props)
        return self.formats[key]

    def cell(self, sheet: Any, row: int, col: int, value: Any, kind_format: str | None = None,
             style: Any = None) -> None:
        if value is None or (isinstance(value, float) and not math.isfinite(value)) or value is pd.NA \
                or value is pd.NaT:
            sheet.write_blank(row, col, None, style)
        elif isinstance(value, (bool, np.bool_)):
            sheet.write_boolean(row, col, bool(value), style)
        elif isinstance(value, (int, float, np.integer, np.floating)):
            x = float(value)
            if not math.isfinite(x):
                sheet.write_blank(row, col, None, style)
                return
            fmt = self.fmt(num_format=kind_format) if kind_format and kind_format != "General" else style
            sheet.write_number(row, col, x, fmt)
        elif isinstance(value, (pd.Timestamp, _dt.datetime, _dt.date)):
            sheet.write_string(row, col, safe_text(value.isoformat()[:10] if not isinstance(value, pd.Timestamp)
                                                   or value == value.normalize() else value.isoformat()), style)
        else:
            sheet.write_string(row, col, safe_text(value), style)


def _is_plain_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _write_table(w: _Writer, sheet: Any, row: int, table: Table, title: str) -> int:
    if table.caption != title:
        sheet.write_string(row, 0, safe_text(table.caption), w.bold)
        row += 1
    for col, name in enumerate(table.raw.columns):
        sheet.write_string(row, col, safe_text(name), w.header)
    row += 1
    formats = {name: number_format(kind, table.raw[name].to_numpy() if kind else None)
               for name, kind in table.kinds.items()}
    columns = list(table.raw.columns)
    for values in table.raw.itertuples(index=False, name=None):
        for col, value in enumerate(values):
            w.cell(sheet, row, col, value, formats.get(columns[col]))
        row += 1
    return row + 1


def write_excel(report: Any, views: list[SectionView], path: Path) -> None:
    """Write ``views`` as a workbook at ``path`` (call with the report's language current)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False, "nan_inf_to_errors": False})
    created = _dt.datetime.combine(report.date, _dt.time(0, 0))
    book.set_properties({"title": safe_text(report.title), "author": safe_text(report.author or ""),
                         "comments": report._generated(), "created": created})
    w = _Writer(book)
    contents = book.add_worksheet(label("report.contents")[:_SHEET_LIMIT])
    taken = {contents.get_name().lower()}
    names = [_sheet_name(i, v.title, taken) for i, v in enumerate(views, start=1)]

    contents.write_string(0, 0, safe_text(report.title), w.title)
    row = 1
    for text in (report.subtitle, report.author and label("report.author_line", author=report.author),
                 report._generated()):
        if text:
            contents.write_string(row, 0, safe_text(text))
            row += 1
    row += 1
    heads = ["report.contents.number", "report.contents.section", "report.contents.headline", "report.contents.sheet"]
    for col, key in enumerate(heads):
        contents.write_string(row, col, label(key), w.header)
    row += 1
    for i, (view, name) in enumerate(zip(views, names), start=1):
        contents.write_number(row, 0, i)
        contents.write_string(row, 1, safe_text(view.title), w.wrap)
        contents.write_string(row, 2, safe_text(view.headline), w.wrap)
        quoted = name.replace("'", "''")
        contents.write_url(row, 3, f"internal:'{quoted}'!A1", string=safe_text(name))
        row += 1
    contents.set_column(0, 0, 8)
    contents.set_column(1, 1, 34)
    contents.set_column(2, 2, 70)
    contents.set_column(3, 3, 28)

    for view, name in zip(views, names):
        sheet = book.add_worksheet(name)
        sheet.write_string(0, 0, safe_text(view.title), w.title)
        if view.headline != view.title:
            sheet.write_string(1, 0, safe_text(view.headline))
        row = 3
        if view.note:
            sheet.write_string(2, 0, safe_text(label("report.note_line", note=view.note)))
        if view.facts:
            sheet.write_string(row, 0, label("report.fact.key_figures"), w.bold)
            row += 1
            for text, value, kind in view.facts:
                sheet.write_string(row, 0, safe_text(text))
                w.cell(sheet, row, 1, value, number_format(kind, [value]) if kind else None, w.wrap)
                row += 1
            row += 1
        if view.summary is not None:
            sheet.write_string(row, 0, label("report.fact.summary"), w.bold)
            row += 1
            raw = view.summary_values or [(None, None)] * len(view.summary)
            for (quantity, shown), (value, kind) in zip(view.summary.itertuples(index=False, name=None), raw):
                sheet.write_string(row, 0, safe_text(quantity))
                if _is_plain_number(value) and kind is not None and kind not in CODE_KINDS:
                    w.cell(sheet, row, 1, value, number_format(kind, [value]))  # a number stays a number
                else:
                    sheet.write_string(row, 1, safe_text(shown), w.wrap)
                row += 1
            row += 1
        for table in view.tables:
            row = _write_table(w, sheet, row, table, view.title)
        for paragraph in view.paragraphs:
            sheet.write_string(row, 0, safe_text(paragraph), w.wrap)
            row += 1
        if view.kind == "figure":
            import io

            from ._charts import png_bytes

            sheet.insert_image(row, 0, "figure.png", {"image_data": io.BytesIO(png_bytes(view.item)),
                                                      "x_scale": 0.5, "y_scale": 0.5})
        sheet.set_column(0, 0, 36)
        sheet.set_column(1, 30, 16)
    book.close()
