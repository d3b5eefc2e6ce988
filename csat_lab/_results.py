"""Base class of result objects (internal).

Every analysis returns a small frozen dataclass holding the estimate, its
uncertainty (CI and method), ``n`` and what was dropped and why. Subclasses
list the rows of their summary table in :meth:`Result._summary`; this base
turns those into ``to_frame()``, ``to_dict()``, a readable ``repr`` and an
HTML table for notebooks, all labelled through the i18n catalog.
"""

from __future__ import annotations

import dataclasses
import html
from typing import Any

import pandas as pd

from .i18n import label


@dataclasses.dataclass(frozen=True)
class Result:
    """Mixin for frozen result dataclasses.

    Subclasses override :meth:`_summary` to return ``(label_key_or_text, value)``
    pairs; keys found in the catalog are translated.
    """

    def _summary(self) -> list[tuple[str, Any]]:
        rows = []
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, (pd.DataFrame, pd.Series)):
                continue
            rows.append((f.name, value))
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


def _translate(key: str) -> str:
    from .i18n import has_label

    return label(key) if has_label(key) else key


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, tuple) and all(isinstance(v, float) for v in value):
        return "(" + ", ".join(f"{v:.4g}" for v in value) + ")"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
    return str(value)
