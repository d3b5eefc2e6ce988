"""Response scales: range, anchor labels (English and zh-CN), top and bottom boxes.

A :class:`Scale` declares what valid answers look like, so every metric can
check its input and say which boxes count as "top" or "bottom". The built-in
scales are those used in the course:

========================  ======  =============================================
name                      range   anchors
========================  ======  =============================================
``satisfaction5``         1-5     很不满意 very dissatisfied .. 很满意 very satisfied
``agree5``                1-5     strongly disagree .. strongly agree
``agree7``                1-7     strongly disagree .. strongly agree
``nps11``                 0-10    not at all likely .. extremely likely
``effort7``               1-7     very difficult .. very easy (seven points, as CES 2.0)
========================  ======  =============================================

CES 2.0 (CEB, 2013) asks agreement with "The company made it easy for me to
handle my issue" on seven points; ``effort7`` keeps the seven points with ease
anchors, read the same way (higher = easier).

Examples
--------
>>> from csat_lab import scales
>>> s = scales.get("satisfaction5")
>>> s.values
(1, 2, 3, 4, 5)
>>> s.top_box(2)
(4, 5)
>>> s.labels(language="zh-CN")[0]
'很不满意'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import numpy as np
import pandas as pd

from ._core.validate import boolean_rows
from .errors import CsatInputError
from .i18n import has_label, label

__all__ = ["Scale", "get", "available", "register", "SATISFACTION5", "AGREE5", "AGREE7", "NPS11", "EFFORT7"]


@dataclass(frozen=True)
class Scale:
    """A discrete, ordered response scale with integer codes ``low..high``.

    Parameters
    ----------
    name : str
        Identifier, also the prefix of its labels in the catalog
        (``scale.<name>.<code>`` and ``scale.<name>.title``).
    low, high : int
        Smallest and largest valid code.
    labelled : bool
        Whether every code has a catalog label (custom scales may have none).

    A name that is not a non-empty text, codes that are not whole numbers
    (``1.5``, ``"a"``, ``True``, infinities) or ``high <= low`` raise
    :class:`~csat_lab.errors.CsatInputError`.
    """

    name: str
    low: int
    high: int
    labelled: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise CsatInputError(f"a scale's name must be a non-empty text, got {self.name!r}")
        for field in ("low", "high"):
            value = getattr(self, field)
            if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)):
                raise CsatInputError(f"scale {self.name!r}: {field} must be a whole number (an int), got {value!r}")
            object.__setattr__(self, field, int(value))
        if not isinstance(self.labelled, (bool, np.bool_)):
            raise CsatInputError(f"scale {self.name!r}: labelled must be True or False, got {self.labelled!r}")
        if self.high <= self.low:
            raise CsatInputError(f"scale {self.name!r}: high ({self.high}) must exceed low ({self.low})")

    @property
    def values(self) -> tuple[int, ...]:
        """All valid codes in order."""
        return tuple(range(self.low, self.high + 1))

    @property
    def size(self) -> int:
        """Number of response options ``k = high - low + 1``."""
        return self.high - self.low + 1

    @property
    def midpoint(self) -> float:
        """The neutral point ``(low + high) / 2``."""
        return (self.low + self.high) / 2

    def title(self, language: str | None = None) -> str:
        """The scale's display name in the current (or given) language."""
        if not self.labelled:
            return self.name
        self._check_labels()
        return label(f"scale.{self.name}.title", language)

    def labels(self, language: str | None = None) -> list[str]:
        """Anchor labels for every code, low to high."""
        if not self.labelled:
            return [str(v) for v in self.values]
        self._check_labels()
        return [label(f"scale.{self.name}.{v}", language) for v in self.values]

    def _missing_labels(self) -> list[str]:
        keys = [f"scale.{self.name}.title", *(f"scale.{self.name}.{v}" for v in self.values)]
        return [k for k in keys if not has_label(k)]

    def _check_labels(self) -> None:
        missing = self._missing_labels()
        if missing:
            raise CsatInputError(
                f"scale {self.name!r} is marked labelled but the label catalog has no {', '.join(missing[:3])}"
                f"{' ...' if len(missing) > 3 else ''}; make it with Scale({self.name!r}, {self.low}, {self.high}, "
                "labelled=False) to show its codes as numbers")

    def top_box(self, k: int = 1) -> tuple[int, ...]:
        """The ``k`` highest codes (``k=2`` gives the "top-two box")."""
        self._check_k(k)
        return self.values[-k:]

    def bottom_box(self, k: int = 1) -> tuple[int, ...]:
        """The ``k`` lowest codes."""
        self._check_k(k)
        return self.values[:k]

    def reverse(self, values: pd.Series | np.ndarray) -> pd.Series | np.ndarray:
        """Reverse-code answers: ``x' = low + high - x``.

        The answers are checked first (:meth:`validate`): text or codes off
        the scale raise :class:`~csat_lab.errors.CsatInputError` rather than
        being reversed into codes that do not exist. A Series comes back as a
        float Series (missing stays missing), anything else as a float array.
        """
        codes = self.validate(values)
        reversed_codes = self.low + self.high - codes
        return reversed_codes if isinstance(values, pd.Series) else reversed_codes.to_numpy()

    def dtype(self) -> pd.CategoricalDtype:
        """Ordered categorical dtype whose categories are the integer codes."""
        return pd.CategoricalDtype(list(self.values), ordered=True)

    def to_labels(self, values: pd.Series, language: str | None = None) -> pd.Series:
        """Map codes to an ordered categorical of anchor labels (missing stays missing)."""
        codes = self.validate(values)
        mapping = dict(zip(self.values, self.labels(language)))
        out = codes.map(mapping)
        return out.astype(pd.CategoricalDtype(self.labels(language), ordered=True))

    def validate(self, values: Iterable, name: str | None = None) -> pd.Series:
        """Return the answers as a float Series, raising on anything off the scale.

        Missing answers stay missing (NaN). Text, fractions, True/False and
        codes outside ``low..high`` raise
        :class:`~csat_lab.errors.CsatInputError` naming the first offending
        rows; so does anything that is not one column of answers (a single
        value, a text, a table).
        """
        col = name or (values.name if isinstance(values, pd.Series) and values.name is not None else "values")
        if isinstance(values, pd.DataFrame):
            raise CsatInputError(f"{col!r} must be one column of answers, got a table with columns "
                                 f"{list(values.columns)[:10]}")
        if isinstance(values, pd.Series):
            series = values
        elif isinstance(values, np.ndarray):
            if values.ndim != 1:
                raise CsatInputError(f"{col!r} must be one column of answers, got an array of shape {values.shape}")
            series = pd.Series(values)
        elif values is None or isinstance(values, (str, bytes, dict)) or not isinstance(values, Iterable):
            raise CsatInputError(f"{col!r} must be a sequence of answers (a list, array or Series), got {values!r}")
        else:
            items = list(values)
            nested = [i for i, v in enumerate(items) if isinstance(v, (list, tuple, set, dict, np.ndarray, pd.Series))]
            if nested:
                raise CsatInputError(f"{col!r} must be one column of answers; rows {nested[:5]} hold sequences "
                                     f"such as {items[nested[0]]!r}")
            series = pd.Series(items, dtype=None if items else float)
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        is_bool = boolean_rows(series)
        if is_bool.any():
            rows = list(series.index[is_bool][:5])
            raise CsatInputError(
                f"column {col!r}: True/False at rows {rows}, not answer codes (they would be read as 1/0); "
                f"expected codes {self.low}..{self.high} of scale {self.name!r}")
        numeric = pd.to_numeric(series, errors="coerce")
        bad_text = numeric.isna() & series.notna()
        if bad_text.any():
            rows = list(series.index[bad_text][:5])
            raise CsatInputError(
                f"column {col!r}: non-numeric answers at rows {rows} "
                f"(e.g. {series[bad_text].iloc[0]!r}); expected codes {self.low}..{self.high} of scale {self.name!r}"
            )
        numeric = numeric.astype(float)
        off = numeric.notna() & ((numeric < self.low) | (numeric > self.high) | (numeric % 1 != 0))
        if off.any():
            rows = list(numeric.index[off][:5])
            raise CsatInputError(
                f"column {col!r}: {int(off.sum())} answers outside scale {self.name!r} "
                f"({self.low}..{self.high} whole numbers) at rows {rows} (e.g. {numeric[off].iloc[0]:g})"
            )
        return numeric

    def _check_k(self, k: int) -> None:
        if isinstance(k, (bool, np.bool_)) or not isinstance(k, (int, np.integer)) or not 1 <= k < self.size:
            raise CsatInputError(f"k must be a whole number from 1 to {self.size - 1} for scale {self.name!r}; got {k!r}")


SATISFACTION5 = Scale("satisfaction5", 1, 5)
AGREE5 = Scale("agree5", 1, 5)
AGREE7 = Scale("agree7", 1, 7)
NPS11 = Scale("nps11", 0, 10)
EFFORT7 = Scale("effort7", 1, 7)

_REGISTRY: dict[str, Scale] = {s.name: s for s in (SATISFACTION5, AGREE5, AGREE7, NPS11, EFFORT7)}


def available() -> list[str]:
    """Names of all registered scales.

    Returns
    -------
    list of str
        The built-in scales first, then those added with :func:`register`, in
        the order they were registered.

    Examples
    --------
    >>> available()[:5]
    ['satisfaction5', 'agree5', 'agree7', 'nps11', 'effort7']
    """
    return list(_REGISTRY)


def register(scale: Scale, *, replace: bool = False) -> Scale:
    """Add a custom scale (e.g. a 1-10 ECSI item) so it can be named by string.

    The scale is known for the rest of the session (process). Registering
    the same definition again is allowed and changes nothing.

    Parameters
    ----------
    scale : Scale
        The scale to add; its ``name`` is the string that names it. A scale
        marked ``labelled`` must have its labels in the catalog
        (``scale.<name>.title`` and ``scale.<name>.<code>``); otherwise make
        it with ``labelled=False``.
    replace : bool, default False
        Allow replacing a different scale registered under the same name
        (built-in scales included). Without it, that raises
        :class:`~csat_lab.errors.CsatInputError` naming the scale.

    Returns
    -------
    Scale
        ``scale`` itself, so ``TEN = register(Scale(...))`` keeps a handle.

    Examples
    --------
    >>> ten = register(Scale("ten", 1, 10, labelled=False))
    >>> get("ten").labels()[:3]
    ['1', '2', '3']
    >>> register(Scale("agree5", 0, 4))
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: a scale named 'agree5' is already registered (1..5); pass replace=True to replace it
    """
    if not isinstance(scale, Scale):
        raise CsatInputError(f"register needs a Scale, got {type(scale).__name__}")
    old = _REGISTRY.get(scale.name)
    if old is not None and old != scale and not replace:
        raise CsatInputError(f"a scale named {scale.name!r} is already registered ({old.low}..{old.high}); "
                             "pass replace=True to replace it")
    if scale.labelled:
        scale._check_labels()
    _REGISTRY[scale.name] = scale
    return scale


def get(scale: "str | Scale") -> Scale:
    """Look a scale up by name (a :class:`Scale` passes through).

    Parameters
    ----------
    scale : str or Scale
        A registered name (:func:`available`) or a :class:`Scale`.

    Returns
    -------
    Scale
        The registered scale, or ``scale`` itself when it is a :class:`Scale`.

    Examples
    --------
    >>> get("nps11").values[-1]
    10
    """
    if isinstance(scale, Scale):
        return scale
    if not isinstance(scale, str) or scale not in _REGISTRY:
        raise CsatInputError(f"unknown scale {scale!r}; scales are: {', '.join(_REGISTRY)}")
    return _REGISTRY[scale]
