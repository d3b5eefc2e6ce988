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
from typing import Any

import numpy as np
import pandas as pd

from ..i18n import Message, display_name, has_label, label


@dataclasses.dataclass(frozen=True)
class Result:
    """Mixin for frozen result dataclasses.

    Subclasses override :meth:`_summary` to return ``(label, value)`` pairs,
    where ``label`` is a catalog key or a :class:`~csat_lab.i18n.Message`;
    values that are messages (or dicts keyed by messages) are shown in the
    current language.
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
        """The summary as a two-column table (quantity, value)."""
        return pd.DataFrame(
            [(_translate(k), _fmt(v)) for k, v in self._summary()],
            columns=[label("result.quantity"), label("result.value")],
        )

    def __str__(self) -> str:
        frame = self.to_frame()
        width = max(len(str(k)) for k in frame.iloc[:, 0]) if len(frame) else 0
        lines = [type(self).__name__]
        lines += [f"  {str(k).ljust(width)}  {v}" for k, v in frame.itertuples(index=False)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><th style='text-align:left'>{html.escape(str(k))}</th><td style='text-align:left'>{html.escape(str(v))}</td></tr>"
            for k, v in self.to_frame().itertuples(index=False)
        )
        return f"<table><caption style='text-align:left'><b>{html.escape(type(self).__name__)}</b></caption>{rows}</table>"


def _translate(key: str | Message) -> str:
    if isinstance(key, Message):
        return str(key)
    if has_label(key):
        return label(key)
    raise KeyError(f"summary row label {key!r} is neither a catalog key nor a Message")


def _fmt(value: Any) -> str:
    if value is None:  # an optional input left out: say so instead of printing "None"
        return label("value.not_given")
    if isinstance(value, (bool, np.bool_)):
        return label(f"value.bool.{str(bool(value)).lower()}")
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, tuple) and all(isinstance(v, float) for v in value):
        return "(" + ", ".join(f"{v:.4g}" for v in value) + ")"
    if isinstance(value, dict):
        return ", ".join(f"{k!s}: {v!s}" for k, v in value.items()) or "-"
    if isinstance(value, (list, tuple)) and any(isinstance(v, Message) for v in value):
        return "; ".join(str(v) for v in value)
    return str(value)


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
        """The table as ``str`` and notebooks show it: rows named by their display names.

        A driver ``perf_repair_advice`` is shown as "Repair: maintenance advice
        (performance)" (:func:`csat_lab.i18n.display_name`); ``table`` itself keeps
        the identifiers. Subclasses may show more (group values by their labels).
        """
        shown = self.table.copy()  # type: ignore[attr-defined]
        shown.index = shown.index.map(lambda x: display_name(x) if isinstance(x, str) else x)
        return shown

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
