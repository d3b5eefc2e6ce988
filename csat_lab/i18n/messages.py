"""Messages: text computed by csat_lab that carries its catalog key and renders itself.

A method name, a dropped-row reason, a churn denominator or an IPA quadrant is
stored in a result as a :class:`Message`: a ``str`` whose value is the English
text, plus the catalog ``key`` and the ``params`` that fill it. Because the
value is English whatever language is current, a result computed under zh-CN
holds exactly the same field values as one computed in English, and code can
compare fields with plain strings (``result.ci_method == "Wilson score"``).

Display is where the language enters: ``str(message)``, ``print`` and pandas
tables show the text in the current language; :meth:`Message.render` renders it
in a given one. Formatting (f-strings, ``format``) uses the value, the English
text, so error messages and logs built from messages stay in English. Parameters that are messages
themselves are rendered in the same language, so nested texts switch together; a parameter that
is a dataset identifier wrapped in :class:`~csat_lab.i18n.names.Name` is shown by its display name
(the value keeps the identifier), and a tuple of messages is its items joined by ", ".

Examples
--------
>>> import csat_lab as cl
>>> m = cl.i18n.Message("churn.denominator.given", n=400)
>>> m == "customers who bought, as given (400)", m.key
(True, 'churn.denominator.given')
>>> cl.set_language("zh-CN")
>>> print(m), m == "customers who bought, as given (400)"
给定的购买客户数（400）
(None, True)
>>> cl.set_language("en")
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Any, Mapping

import numpy as np

from .catalog import label, resolve_language
from .numbers import format_number

__all__ = ["Message", "render"]


class Message(str):
    """A catalog text with its key and parameters; its ``str`` value is the English text.

    Parameters
    ----------
    key : str
        A catalog key (``csat_lab/i18n/labels/*.json``); an unknown key raises ``KeyError``.
    **params
        Values for the ``{placeholders}`` of the text; a value that is a :class:`Message`
        is rendered in the same language as the message, a
        :class:`~csat_lab.i18n.names.Name` by its display name (the English
        value keeps the identifier), a tuple of messages as its items joined by ", ".

    Attributes
    ----------
    key : str
        The catalog key.
    params : mapping
        The parameters (read-only).

    Returns
    -------
    Message
        A ``str`` equal to the English text; ``str(message)`` and displays show
        it in the current language, :meth:`render` in a given one.

    Examples
    --------
    >>> m = Message("value.method.wilson")
    >>> m, m.render("zh-CN")
    ('Wilson score', 'Wilson 得分区间')
    """

    key: str
    params: Mapping[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> "Message":
        text = _fill(key, "en", params, shown=False)
        self = super().__new__(cls, text)
        self.key = key
        self.params = MappingProxyType(params) if params else _NO_PARAMS
        return self

    def render(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the current language), as a plain ``str``.

        Parameters
        ----------
        language : str, optional
            ``"en"`` or ``"zh-CN"`` (or a common spelling); default the current language.

        Returns
        -------
        str
            The text, with message parameters rendered in the same language.

        Examples
        --------
        >>> Message("value.reason.missing_answer").render("zh-CN")
        '缺失回答'
        """
        return _fill(self.key, resolve_language(language), self.params)

    def __str__(self) -> str:
        return self.render()

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.key, dict(self.params)))

    def __copy__(self) -> "Message":
        return self

    def __deepcopy__(self, memo: dict) -> "Message":
        return self


def _rebuild(key: str, params: dict) -> Message:
    return Message(key, **params)


_NO_PARAMS: Mapping[str, Any] = MappingProxyType({})


def _fill(key: str, language: str, params: Mapping[str, Any], shown: bool = True) -> str:
    """The text of ``key`` in ``language`` with ``params`` filled in.

    ``shown`` renders parameters for display: messages in the same language and
    identifiers (:class:`~csat_lab.i18n.names.Name`) by their display names;
    without it (a message's value) identifiers stay as they are. A tuple of
    messages or names is its items, each rendered, joined by ", ".
    """
    if not params:
        return label(key, language)
    values = {k: _param(v, language, shown) for k, v in params.items()}
    return label(key, language, **values)


def _param(value: Any, language: str, shown: bool) -> Any:
    if isinstance(value, Message):
        return _fill(value.key, language, value.params, shown)
    if isinstance(value, tuple) and value and all(isinstance(v, str) and hasattr(v, "render") for v in value):
        return ", ".join(str(_param(v, language, shown)) for v in value)
    if hasattr(value, "render") and isinstance(value, str):  # an identifier: by its display name when shown
        return value.render(language) if shown else str.__str__(value)
    if shown and isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) and abs(value) >= 1000:
        return format_number(value, "count", language=language)  # "7,043" shown; the message's value keeps "7043"
    return value


def render(value: Any, language: str | None = None) -> Any:
    """``value`` for display: a :class:`Message` as text in ``language``, dict keys and values,
    lists and tuples element by element; anything else unchanged.

    Parameters
    ----------
    value : Any
        A message, a dict, a list or tuple holding messages, or any other value.
    language : str, optional
        Language of the text; default the current language.

    Returns
    -------
    Any
        The displayed value: a plain ``str`` for a message, a new dict, list or
        tuple with its messages rendered, anything else unchanged.

    Examples
    --------
    >>> render({Message("value.reason.missing_answer"): 2}, "zh-CN")
    {'缺失回答': 2}
    >>> render(3.5)
    3.5
    """
    if isinstance(value, Message):
        return value.render(language)
    if isinstance(value, dict):
        return {render(k, language): render(v, language) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and any(isinstance(v, Message) for v in value):
        return type(value)(render(v, language) for v in value)
    return value
