"""Base class of result objects (internal).

Every analysis returns a small frozen dataclass holding the estimate, its
uncertainty (CI and method), ``n`` and what was dropped and why. Subclasses
list the rows of their summary table in :meth:`Result._summary`; this base
turns those into ``to_frame()``, ``to_dict()``, a readable ``repr`` and an
HTML table for notebooks, all labelled through the i18n catalog.

Texts computed by csat_lab (a CI method, a dropped-row reason, a refund
policy, a denominator sentence) are stored as :class:`~csat_lab.i18n.Message`
objects: their value is the English text whatever the current language, and
they render themselves in the current language when a table is shown. A row
label must be a catalog key or a message; anything else is a programming error
and raises ``KeyError``.
"""

from __future__ import annotations

import dataclasses
import html
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ..i18n import Message, display_name, has_label, label
from ..i18n.numbers import format_interval, format_number, parse_kind, row_kind


@dataclasses.dataclass(frozen=True)
class Result:
    """Mixin for frozen result dataclasses.

    Subclasses override :meth:`_summary` to return ``(label, value)`` pairs,
    where ``label`` is a catalog key or a :class:`~csat_lab.i18n.Message`;
    values that are messages (or dicts keyed by messages) are shown in the
    current language. A number is shown by its kind (share as percent, count
    with separators, money, p-value ...; :mod:`csat_lab.i18n.numbers`): the kind
    comes from a third element ``(label, value, kind)`` or else from the label's
    entry in ``csat_lab/i18n/kinds.json``; an interval row (kind ``"interval"``)
    takes the kind and decimals of the estimate in the row before it.
    """

    def _summary(self) -> list[tuple[str | Message, Any]]:
        # Default for subclasses that list no rows: every scalar field, labelled by its name.
        rows: list[tuple[str | Message, Any]] = []
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (pd.DataFrame, pd.Series)):
                continue
            rows.append((Message("result.field", name=f.name), value))
        return rows

    def to_dict(self) -> dict[str, Any]:
        """Fields as a plain dict (DataFrames stay DataFrames)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def to_frame(self) -> pd.DataFrame:
        """The summary as a two-column table (quantity, value), numbers formatted by their kind."""
        return pd.DataFrame(
            _formatted_rows(self._summary()),
            columns=[label("result.quantity"), label("result.value")],
        )

    @property
    def title(self) -> str:
        """What this result is, in the current language ("Net Promoter Score", "净推荐值").

        Read from the catalog entry ``result.title.<class name>``; shown as the
        caption of the result's table and the first line of ``str()``.
        """
        return result_title(type(self))

    def __str__(self) -> str:
        frame = self.to_frame()
        width = max(_width(str(k)) for k in frame.iloc[:, 0]) if len(frame) else 0
        lines = [self.title]
        # Pad by displayed width: a Chinese character takes two columns in a terminal or monospace font.
        lines += [f"  {k}{' ' * (width - _width(str(k)))}  {v}" for k, v in frame.itertuples(index=False)]
        return "\n".join(lines)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # IPython uses the first class in the MRO whose own __dict__ has _repr_pretty_ or __repr__; every
        # result dataclass writes its own __repr__, so each gets _repr_pretty_ in its own __dict__ too.
        cls._repr_pretty_ = Result._repr_pretty_

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # IPython's text form (a notebook's text/plain, a console): the formatted table, not the dataclass repr.
        printer.text(type(self).__name__ + "(...)" if cycle else str(self))

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td style='text-align:left'>{html.escape(str(v))}</td></tr>"
            for k, v in self.to_frame().itertuples(index=False)
        )
        return f"<table><caption style='text-align:left'><b>{html.escape(self.title)}</b></caption>{rows}</table>"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def result_title(cls: type) -> str:
    """The catalog title of a result class (``result.title.<name>``), in the current language."""
    for klass in cls.__mro__:
        key = f"result.title.{klass.__name__}"
        if has_label(key):
            return label(key)
    return cls.__name__  # a user's own subclass; every csat_lab result has a title (a test checks)


def _key_of(row_label: str | Message) -> str:
    return row_label.key if isinstance(row_label, Message) else row_label


def _formatted_rows(rows: list) -> list[tuple[str, str]]:
    out = []
    previous: tuple[str | None, Any] = (None, None)  # kind and value of the last numeric row
    for row in rows:
        key, value = row[0], row[1]
        kind = row[2] if len(row) > 2 else row_kind(_key_of(key))
        if kind == "interval":
            kind_of, like = previous
            out.append((_translate(key), _fmt(value, kind_of, like=like)))
            continue
        # An interval belongs to the last estimate shown before it, never to a count of it.
        if kind is not None and _is_number(value) and parse_kind(kind)[0] not in ("count", "plain"):
            previous = (kind, value)
        out.append((_translate(key), _fmt(value, kind)))
    return out


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _translate(key: str | Message) -> str:
    if isinstance(key, Message):
        return str(key)
    if has_label(key):
        return label(key)
    raise KeyError(f"summary row label {key!r} is neither a catalog key nor a Message")


def _fmt(value: Any, kind: str | None = None, like: Any = None) -> str:
    if value is None:  # an optional input left out: say so instead of printing "None"
        return label("value.not_given")
    if isinstance(value, (bool, np.bool_)):
        return label(f"value.bool.{str(bool(value)).lower()}")
    if kind == "scale" and isinstance(value, str) and has_label(f"scale.{value}.title"):
        return label(f"scale.{value}.title")
    if kind == "period" and isinstance(value, str) and has_label(f"value.period.{value}"):
        return label(f"value.period.{value}")
    if kind in ("scale", "period"):
        return str(value)
    if isinstance(value, (np.integer, int)):
        return format_number(value, kind or "count")
    if isinstance(value, (float, np.floating)):
        return format_number(value, kind or "number")
    if isinstance(value, tuple) and len(value) == 2 and all(_is_number(v) or v is None for v in value) \
            and any(isinstance(v, (float, np.floating)) for v in value):
        return format_interval(value, kind or "number", like=like)
    if isinstance(value, dict):
        return ", ".join(f"{k!s}: {v!s}" for k, v in value.items()) or "-"
    if isinstance(value, (list, tuple)) and any(isinstance(v, Message) for v in value):
        return "; ".join(str(v) for v in value)
    return str(value)


#: Columns that mean the same in every result table.
_COMMON_COLUMN_KINDS = {"n": "count", "n_dropped": "count", "p_value": "pvalue"}


def column_label(name: Any) -> Any:
    """A result-table column shown by its catalog name (``column.<name>``), else as it is."""
    if isinstance(name, str) and has_label(f"column.{name}"):
        return label(f"column.{name}")
    return display_name(name) if isinstance(name, str) else name


def message_column(values: Any, index: Any = None) -> pd.Series:
    """A table column of :class:`~csat_lab.i18n.Message` labels kept as objects.

    pandas would otherwise store them as plain (English) strings; kept as
    messages, a label column shows in the current language whenever the table
    is displayed, while its values compare equal to the English text.
    """
    return pd.Series(list(values), index=index, dtype=object)


class TableResult(Result):
    """Mixin for results that wrap a table in a ``table`` field (key drivers, IPA, loyalty curve ...).

    Functions that used to return a bare DataFrame now return such a result; it
    answers the DataFrame operations callers used before (``result["col"]``,
    ``result.loc[...]``, ``result.sort_values(...)``, ``len(result)``) by passing
    them to ``table``, so old code keeps working while the settings travel with
    the numbers instead of hiding in ``DataFrame.attrs``.
    """

    def __str__(self) -> str:
        return super().__str__() + "\n\n" + self._shown_table().to_string(max_rows=30)

    def _repr_html_(self) -> str:
        # The settings and counts first, then the table itself, as the DataFrame used to show.
        return super()._repr_html_() + self._shown_table().to_html(max_rows=30)

    def _shown_table(self) -> pd.DataFrame:
        """The table as ``str`` and notebooks show it: human names, numbers formatted by their kind.

        A driver ``perf_repair_advice`` is shown as "Repair: maintenance advice
        (performance)" (:func:`csat_lab.i18n.display_name`), a column ``ci_low``
        as "CI low" (catalog ``column.ci_low``), a share as "16.5%"; a code column
        with a ``<name>_label`` twin (``quadrant`` beside ``quadrant_label``) is
        left out. ``table`` itself keeps the identifiers and the raw numbers.
        Subclasses adjust the values in :meth:`_table_for_display` and declare
        column kinds in :meth:`_column_kinds`.
        """
        shown = self._table_for_display()
        kinds = {**_COMMON_COLUMN_KINDS, **self._column_kinds()}
        for column in shown.columns:
            kind = kinds.get(column)
            if kind is not None:
                shown[column] = [format_number(v, kind) for v in shown[column]]
            elif shown[column].dtype == bool:
                shown[column] = [_fmt(bool(v)) for v in shown[column]]
        shown = shown.drop(columns=[c for c in shown.columns if f"{c}_label" in shown.columns])
        own = self._column_names()
        shown.columns = [own[c] if c in own else column_label(c) for c in shown.columns]
        shown.index = shown.index.map(lambda x: display_name(x) if isinstance(x, str) else x)
        if shown.index.name is not None:
            shown.index.name = column_label(shown.index.name)
        return shown

    def _column_names(self) -> dict[str, Any]:
        """Column headings that mean something particular in this result (a driver's ``weight`` is its part of R²)."""
        return {}

    def _table_for_display(self) -> pd.DataFrame:
        """A copy of ``table`` with values shown by their labels (subclasses: group codes as names)."""
        return self.table.copy()  # type: ignore[attr-defined]

    def _column_kinds(self) -> dict[str, str]:
        """Kinds of number of the table's columns (:mod:`csat_lab.i18n.numbers`), beyond the common ones."""
        return {}

    def __getitem__(self, key: Any) -> Any:
        return self.table[key]  # type: ignore[attr-defined]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "table":
            raise AttributeError(name)
        table = self.__dict__.get("table")
        if table is None or not hasattr(table, name):
            raise AttributeError(f"{type(self).__name__} has no attribute {name!r}")
        return getattr(table, name)

    def __len__(self) -> int:
        return len(self.table)  # type: ignore[attr-defined]

    def __iter__(self):  # iterate like the DataFrame it replaces (its column names)
        return iter(self.table)  # type: ignore[attr-defined]
