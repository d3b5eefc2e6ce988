"""One way to show numbers: shares as percent, counts and money with separators, p-values as "< 0.001".

Every place that shows a number to a person (result tables, ``str(result)``,
widgets' headlines, chart labels, notebook tables) formats it here, by its
*kind*:

============  ======================================  =====================
kind          what it is                              shown as (en)
============  ======================================  =====================
``share``     a proportion 0..1                       ``26.5%``
``percent``   a value already in percent (0..100)     ``26.5%``
``pp``        a difference of two shares              ``+9.0 pp``
``count``     a number of things                      ``7,043`` (``5.3`` when weighted)
``money``     an amount of money                      ``46,306`` / ``463.10``
``pvalue``    a p-value                               ``0.032`` / ``< 0.001``
``score``     a mean on a rating scale, an NPS        ``3.83``
``coef``      a coefficient, R², alpha, a statistic   ``0.925``
``ratio``     how many times as much                  ``5.72×``
``plain``     an identifier-like number (a seed)      ``12345``
``number``    anything else (no scientific notation)  ``13.33``
============  ======================================  =====================

A kind may carry its decimals after a colon (``"score:1"`` for an NPS). An
interval is shown with the decimals of its estimate, so an estimate and its
bounds never disagree in precision. Separators follow the language: both
English and Simplified Chinese group thousands with a comma (GB/T 15835-2011
allows the comma) and use a point for decimals; Chinese sets the percent sign
without a space and says 个百分点 for percentage points.

Examples
--------
>>> format_number(0.26537, "share")
'26.5%'
>>> format_number(7043, "count")
'7,043'
>>> format_number(46305.66, "money")
'46,306'
>>> format_number(2.0e-74, "pvalue")
'< 0.001'
>>> format_interval((-2.347, 42.35), "number", like=20.0)
'(-2.35, 42.35)'
>>> format_number(0.09, "pp", language="zh-CN")
'+9.0 个百分点'
"""

from __future__ import annotations

import json
import math
import numbers
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import CsatInputError
from .catalog import resolve_language

__all__ = ["KINDS", "format_number", "format_interval", "decimals_for", "parse_kind", "row_kind", "format_table"]

#: The kinds of number, with their default decimals (None: chosen from the value's size).
KINDS: dict[str, int | None] = {
    "share": 1, "percent": 1, "pp": 1, "count": 0, "money": None, "pvalue": 3, "score": 2,
    "coef": 3, "ratio": 2, "plain": 0, "number": None,
}

#: Row kinds that are not numbers: an interval (shown like its estimate) and codes shown by their names.
CODE_KINDS = ("interval", "scale", "period")

#: Text around numbers per language: group separator, decimal mark, percent, percentage points, missing.
_STYLE = {
    "en": {"group": ",", "decimal": ".", "percent": "%", "pp": " pp", "missing": "–", "times": "×"},
    "zh-CN": {"group": ",", "decimal": ".", "percent": "%", "pp": " 个百分点", "missing": "–", "times": "×"},
}


def parse_kind(kind: str | None) -> tuple[str, int | None]:
    """Split ``"score:1"`` into ``("score", 1)``; ``None`` means ``"number"``.

    Parameters
    ----------
    kind : str or None
        A kind of :data:`KINDS`, optionally followed by ``:decimals``.

    Returns
    -------
    tuple
        ``(kind, decimals)``; decimals is None when not given.

    Examples
    --------
    >>> parse_kind("score:1"), parse_kind("share")
    (('score', 1), ('share', None))
    """
    if kind is None:
        return "number", None
    name, _, digits = str(kind).partition(":")
    if name not in KINDS:
        raise CsatInputError(f"unknown number kind {kind!r}; expected one of {', '.join(KINDS)}")
    if digits and not digits.isdigit():
        raise CsatInputError(f"number kind {kind!r}: the decimals after ':' must be a whole number")
    return name, int(digits) if digits else None


def _finite(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if not isinstance(value, numbers.Real):
        try:
            value = float(value)
        except (TypeError, ValueError):
            return None
    value = float(value)
    return value if math.isfinite(value) else None


def decimals_for(value: Any, kind: str | None = "number") -> int:
    """The decimals a value of this kind is shown with.

    Fixed per kind (a share 1, a score 2 ...); for ``money`` two below 1,000 and
    none above; for ``number`` about four significant digits (never fewer than
    none, at most six); for a ``count`` none unless the count is not whole
    (a weighted or average count: one).

    Parameters
    ----------
    value : float
        The number (an interval takes the decimals of its estimate).
    kind : str
        A kind of :data:`KINDS`, optionally ``"kind:decimals"``.

    Returns
    -------
    int
        Number of decimals.

    References
    ----------
    GB/T 15835-2011, 出版物上数字用法: a number keeps the precision its measurement supports.

    Examples
    --------
    >>> decimals_for(13.333), decimals_for(0.0012345), decimals_for(2500.0, "money"), decimals_for(4.5, "count")
    (2, 6, 0, 1)
    """
    name, fixed = parse_kind(kind)
    if fixed is not None:
        return fixed
    x = _finite(value)
    if name == "count":
        return 0 if x is None or float(x).is_integer() else 1
    if name == "money":
        return 2 if x is not None and abs(x) < 1000 else 0
    if name == "number":
        if x is None or x == 0:
            return 0 if x == 0 else 2
        magnitude = math.floor(math.log10(abs(x)))
        return int(min(6, max(0, 3 - magnitude)))
    return KINDS[name]  # type: ignore[return-value]


def _grouped(x: float, decimals: int, style: dict[str, str]) -> str:
    text = f"{abs(x):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", style["decimal"]).replace("\0", style["group"])
    # A value that rounds to zero is shown without a sign.
    if x < 0 and float(f"{abs(x):.{decimals}f}") != 0:
        text = "-" + text
    return text


def format_number(value: Any, kind: str | None = "number", *, decimals: int | None = None,
                  language: str | None = None, currency: str | None = None, sign: bool = False) -> str:
    """A number as a person reads it, by its kind.

    Parameters
    ----------
    value : float, int or None
        The number; None, NaN and infinities are shown as "–".
    kind : str, default "number"
        One of :data:`KINDS` (``"share"``, ``"count"``, ``"money"``, ``"pvalue"`` ...),
        optionally with decimals (``"score:1"``).
    decimals : int, optional
        Overrides the kind's decimals (an interval passes its estimate's).
    language : str, optional
        ``"en"`` or ``"zh-CN"``; default the current language.
    currency : str, optional
        For money: a code or symbol put before the amount (``"USD"``, ``"¥"``).
    sign : bool, default False
        Show "+" before positive numbers (differences).

    Returns
    -------
    str
        The formatted number. Shares are multiplied by 100 (formula:
        ``round(100 x, d)`` followed by "%"); p-values below 0.001 show as
        "< 0.001"; nothing is ever in scientific notation.

    References
    ----------
    GB/T 15835-2011, 出版物上数字用法 (use of numerals in publications).

    Examples
    --------
    >>> format_number(0.125, "share"), format_number(1869, "count"), format_number(0.04, "pvalue")
    ('12.5%', '1,869', '0.040')
    >>> format_number(100000.0, "money", currency="USD")
    'USD 100,000'
    >>> format_number(5.7192, "ratio"), format_number(-0.7634, "coef"), format_number(3.2, "score:1", sign=True)
    ('5.72×', '-0.763', '+3.2')
    """
    style = _STYLE[resolve_language(language)]
    name, fixed = parse_kind(kind)
    x = _finite(value)
    if x is None:
        return style["missing"]
    if name == "pvalue":
        if x < 0.001:
            return "< " + _grouped(0.001, 3, style)
        return _grouped(x, 3 if decimals is None else decimals, style)
    digits = decimals if decimals is not None else (fixed if fixed is not None else decimals_for(x, name))
    shown = 100 * x if name in ("share", "pp") else x
    if name == "plain":
        return str(int(round(x))) if float(x).is_integer() else repr(x)
    text = _grouped(shown, digits, style)
    if (sign or name == "pp") and shown > 0 and float(f"{shown:.{digits}f}") != 0:
        text = "+" + text
    if name in ("share", "percent"):
        text += style["percent"]
    elif name == "pp":
        text += style["pp"]
    elif name == "ratio":
        text += style["times"]
    elif name == "money" and currency:
        text = f"{currency} {text}" if currency[-1:].isalpha() else f"{currency}{text}"
    return text


def format_interval(interval: Any, kind: str | None = "number", *, like: Any = None, decimals: int | None = None,
                    language: str | None = None, currency: str | None = None) -> str:
    """An interval ``(low, high)`` with the precision of its estimate.

    Parameters
    ----------
    interval : tuple of float
        The two bounds.
    kind : str, default "number"
        Kind of the estimate (see :data:`KINDS`).
    like : float, optional
        The estimate: the bounds get its decimals (for ``number`` and ``money``,
        whose decimals depend on the size). Without it, the larger bound decides.
    decimals : int, optional
        Explicit decimals.
    language, currency
        As in :func:`format_number`.

    Returns
    -------
    str
        ``"(low, high)"`` formatted as the estimate.

    References
    ----------
    GB/T 15835-2011, 出版物上数字用法 (the same digits and separators as :func:`format_number`).

    Examples
    --------
    >>> format_interval((0.0743, 0.1333), "share")
    '(7.4%, 13.3%)'
    >>> format_interval((8.926, 21.38), "score:1")
    '(8.9, 21.4)'
    """
    low, high = (list(interval) + [None, None])[:2]
    name, fixed = parse_kind(kind)
    if decimals is None and fixed is None and name in ("number", "money"):
        ref = _finite(like)
        if ref is None:
            bounds = [b for b in (_finite(low), _finite(high)) if b is not None]
            ref = max(bounds, key=abs) if bounds else None
        decimals = decimals_for(ref, name) if ref is not None else None
    kind_text = name if fixed is None else f"{name}:{fixed}"
    parts = [format_number(b, kind_text, decimals=decimals, language=language, currency=currency)
             for b in (low, high)]
    if name == "pp":  # the unit once, after the interval
        unit = _STYLE[resolve_language(language)]["pp"]
        parts = [p[: -len(unit)] if p.endswith(unit) else p for p in parts]
        return f"({parts[0]}, {parts[1]}){unit}"
    return f"({parts[0]}, {parts[1]})"


@lru_cache(maxsize=1)
def _row_kinds() -> dict[str, str]:
    kinds = json.loads((resources.files("csat_lab.i18n") / "kinds.json").read_text(encoding="utf-8"))
    kinds.pop("_about", None)
    for key, kind in kinds.items():
        if kind not in CODE_KINDS:
            parse_kind(kind)  # a typo in the file is a packaging error, found at first use
    return kinds


def row_kind(key: str) -> str | None:
    """The kind of number a result row with catalog label ``key`` shows (``csat_lab/i18n/kinds.json``).

    Parameters
    ----------
    key : str
        The catalog key labelling the row (``"churn.rate"``).

    Returns
    -------
    str or None
        A kind of :data:`KINDS` (maybe with ``:decimals``), ``"interval"`` for a
        confidence interval row, or None when the row declares none.

    Examples
    --------
    >>> row_kind("churn.rate"), row_kind("result.ci"), row_kind("no.such.row")
    ('share', 'interval', None)
    """
    return _row_kinds().get(key)


def format_table(table: Any, kinds: dict[str, str] | None = None, *, language: str | None = None) -> Any:
    """A table for people: every number formatted by its column's kind, as text.

    Columns named in ``kinds`` use that kind (``{"churn_rate": "share",
    "revenue": "money"}``); other whole-number columns are counts; other
    decimal columns are ``number`` with one precision for the whole column
    (that of its largest value), so the decimals line up; booleans read
    Yes/No (是/否). Missing values show as "–". The index and the column names
    are kept; pass the result through :func:`csat_lab.i18n.display_table` or
    :func:`csat_lab.i18n.labelled_table` for human names. The numbers are no
    longer numbers: format only for display, at the end.

    Parameters
    ----------
    table : pandas.DataFrame or Series
        The table to show.
    kinds : dict, optional
        Column -> kind of :data:`KINDS` (``"share"``, ``"money:2"`` ...); a name
        that is not a column raises :class:`~csat_lab.errors.CsatInputError`.
        For a Series whose rows are different quantities (a ``describe()``),
        keys may be index labels instead: each row gets its own kind.
    language : str, optional
        Default the current language.

    Returns
    -------
    pandas.DataFrame or Series
        The same shape, with text cells.

    References
    ----------
    GB/T 15835-2011, 出版物上数字用法 (digits, separators, percent).

    Examples
    --------
    >>> import pandas as pd
    >>> t = pd.DataFrame({"store": ["A", "B"], "sales": [3047000.0, 12500.5], "churn": [0.04878, 0.125], "n": [1200, 85]})
    >>> print(format_table(t, {"sales": "money", "churn": "share"}))
      store      sales  churn      n
    0     A  3,047,000   4.9%  1,200
    1     B     12,500  12.5%     85
    """
    import pandas as pd

    if isinstance(table, pd.Series):
        if kinds and all(key in table.index for key in kinds):
            # A Series of different quantities (a describe(), a summary row): kinds by index label.
            cells = [format_number(v, kinds.get(i, "number"), language=language)
                     if isinstance(v, numbers.Real) and not isinstance(v, bool) else _plain(v, language)
                     for i, v in table.items()]
            return pd.Series(cells, index=table.index, name=table.name, dtype=object)
        return format_table(table.to_frame(), None if kinds is None else kinds, language=language).iloc[:, 0]
    if not isinstance(table, pd.DataFrame):
        raise CsatInputError(f"format_table needs a pandas DataFrame or Series, got {type(table).__name__}")
    kinds = dict(kinds or {})
    unknown = [c for c in kinds if c not in table.columns]
    if unknown:
        raise CsatInputError(f"format_table: no column {unknown[0]!r} in the table; columns are: "
                             f"{', '.join(map(str, table.columns))}")
    from .catalog import label

    shown = table.copy()
    for column in table.columns:
        values = table[column]
        kind = kinds.get(column)
        if kind is None and pd.api.types.is_bool_dtype(values):
            shown[column] = [label(f"value.bool.{str(bool(v)).lower()}", language) for v in values]
            continue
        if kind is None and not pd.api.types.is_numeric_dtype(values):
            shown[column] = [_plain(v, language) for v in values]  # text, dates, categories
            continue
        name, digits = parse_kind(kind or ("count" if _whole(values) else "number"))
        if digits is None and name in ("number", "money", "count"):
            digits = _column_decimals(values, name)
        shown[column] = [format_number(v, name, decimals=digits, language=language) for v in values]
    return shown


def _finite_values(values: Any) -> Any:
    import numpy as np
    import pandas as pd

    numbers_ = pd.to_numeric(values, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    return numbers_[np.isfinite(numbers_)]


def _whole(values: Any) -> bool:
    """Whether a numeric column holds counts: integers, or whole floats of which some reach 1."""
    import pandas as pd

    if pd.api.types.is_integer_dtype(values):
        return True
    finite = _finite_values(values)
    return bool(finite.size) and bool((finite == finite.round()).all()) and float(abs(finite).max()) >= 1


def _column_decimals(values: Any, kind: str) -> int | None:
    """One precision for a whole column: that of its largest value (a count: 1 if any is not whole)."""
    finite = _finite_values(values)
    if not finite.size:
        return None
    if kind == "count":
        return 0 if bool((finite == finite.round()).all()) else 1
    return decimals_for(float(abs(finite).max()), kind)


def _missing(value: Any) -> bool:
    try:
        import pandas as pd

        return bool(pd.isna(value)) if not isinstance(value, (list, tuple, dict)) else False
    except (TypeError, ValueError):
        return False


def _plain(value: Any, language: str | None) -> Any:
    """A non-number cell for display: missing as "–", a timestamp as its date (and time when it has one)."""
    import pandas as pd

    if _missing(value):
        return _STYLE[resolve_language(language)]["missing"]
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, str) and type(value) is not str and callable(getattr(value, "render", None)):
        # A Message (messages imports this module, so it is recognised by its render method):
        # pandas prints a str subclass by its English value; render it in the table's language.
        return value.render(language)
    return value
