"""Base class of result objects (internal).

Every analysis returns a small frozen dataclass holding the estimate, its
uncertainty (CI and method), ``n`` and what was dropped and why. Subclasses
list the rows of their summary table in :meth:`Result._summary`; this base
turns those into ``to_frame()``, ``to_dict()``, a readable ``repr`` and an
HTML table for notebooks, all labelled through the i18n catalog.

Values that are fixed English text built in code (a CI method, a dropped-row
reason, a refund policy, a denominator sentence) stay in the fields as they
are, so code and tests can compare them; :func:`shown` renders them in the
current language at display time by matching them against the catalog
templates under :data:`VALUE_PREFIXES` (placeholders are re-filled with the
parts found in the text).
"""

from __future__ import annotations

import dataclasses
import html
import re
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from ..i18n import LANGUAGES, catalog, label

#: Catalog key prefixes whose entries are display texts of field values.
VALUE_PREFIXES: tuple[str, ...] = ("value.", "churn.denominator.", "pclv.assume.", "complaints.recovered.")

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclasses.dataclass(frozen=True)
class Result:
    """Mixin for frozen result dataclasses.

    Subclasses override :meth:`_summary` to return ``(label_key_or_text, value)``
    pairs; keys found in the catalog are translated, and so are the values of
    the method row (``result.method``) and the reasons of the dropped row
    (``result.dropped_reasons``), through :func:`shown`.
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
            [(_translate(k), _fmt(_shown_row(k, v))) for k, v in self._summary()],
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


def shown(value: Any) -> Any:
    """Display ``value`` in the current language if it is a catalogued value text.

    A string equal to (or filling the ``{placeholders}`` of) a catalog entry
    under :data:`VALUE_PREFIXES`, in any language, is re-rendered from that
    entry in the current language; the parts filling the placeholders are
    themselves passed through :func:`shown`. Anything else (numbers, column
    names, unknown text) is returned unchanged, so English output is exactly
    the stored text.

    Examples
    --------
    >>> import csat_lab as cl
    >>> cl.set_language("zh-CN")
    >>> shown("Wilson score"), shown("customers who bought, as given (1200)"), shown("my column")
    ('Wilson 得分区间', '给定的购买客户数（1200）', 'my column')
    >>> cl.set_language("en")
    >>> shown("Wilson score")
    'Wilson score'
    """
    if not isinstance(value, str):
        return value
    exact, templates = _value_patterns()
    if value in exact:
        return label(exact[value])
    for pattern, key in templates:
        match = pattern.match(value)
        if match:
            return label(key, **{k: shown(v) for k, v in match.groupdict().items()})
    return value


@lru_cache(maxsize=1)
def _value_patterns() -> tuple[dict[str, str], list[tuple[re.Pattern, str]]]:
    exact: dict[str, str] = {}
    templates: list[tuple[int, re.Pattern, str]] = []
    for key, texts in catalog().items():
        if not key.startswith(VALUE_PREFIXES):
            continue
        for language in LANGUAGES:
            text = texts[language]
            parts = _PLACEHOLDER.split(text)
            if len(parts) == 1:
                exact.setdefault(text, key)
                continue
            regex, seen = "", set()
            for i, part in enumerate(parts):
                if i % 2 == 0:
                    regex += re.escape(part)
                else:
                    regex += f"(?P={part})" if part in seen else f"(?P<{part}>.+?)"
                    seen.add(part)
            # Longer literal text first, so a specific template wins over a generic one.
            templates.append((len("".join(parts[::2])), re.compile(regex + r"\Z", re.DOTALL), key))
    templates.sort(key=lambda t: -t[0])
    return exact, [(p, k) for _, p, k in templates]


def _shown_row(key: str, value: Any) -> Any:
    if key == "result.method":
        return shown(value)
    if key == "result.dropped_reasons" and isinstance(value, dict):
        return {shown(k): v for k, v in value.items()}
    return value


def _translate(key: str) -> str:
    from ..i18n import has_label

    return label(key) if has_label(key) else key


def _fmt(value: Any) -> str:
    if isinstance(value, (bool, np.bool_)):
        return label(f"value.bool.{str(bool(value)).lower()}")
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, tuple) and all(isinstance(v, float) for v in value):
        return "(" + ", ".join(f"{v:.4g}" for v in value) + ")"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {v}" for k, v in value.items()) or "-"
    return str(value)
