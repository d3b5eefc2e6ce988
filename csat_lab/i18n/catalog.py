"""The label catalog and the current language.

Labels live in JSON files under ``csat_lab/i18n/labels/`` (one file per topic, merged
into one catalog; a key may be defined only once). Each entry maps a language
code to its text::

    "scale.satisfaction5.5": {"en": "Very satisfied", "zh-CN": "很满意"}

The current language is process-wide and changed with :func:`set_language`;
widgets subscribe with :func:`on_language_change` so that a switch re-labels
them.

Examples
--------
>>> import csat_lab as cl
>>> cl.set_language("zh-CN")
>>> cl.label("scale.satisfaction5.5")
'很满意'
>>> cl.set_language("en")
>>> cl.label("scale.satisfaction5.5")
'Very satisfied'
"""

from __future__ import annotations

import difflib
import json
import weakref
from functools import lru_cache
from importlib import resources
from typing import Callable

from ..errors import CsatInputError

__all__ = [
    "LANGUAGES",
    "set_language",
    "get_language",
    "resolve_language",
    "label",
    "has_label",
    "catalog",
    "on_language_change",
]

#: Supported language codes, in display order.
LANGUAGES: tuple[str, ...] = ("en", "zh-CN")

_ALIASES = {
    "en": "en", "en-us": "en", "en-gb": "en", "english": "en",
    "zh": "zh-CN", "zh-cn": "zh-CN", "zh_cn": "zh-CN", "zh-hans": "zh-CN",
    "cn": "zh-CN", "chinese": "zh-CN", "中文": "zh-CN", "简体中文": "zh-CN",
}

_state = {"language": "en"}
_listeners: list = []


class UnknownLabelError(KeyError, CsatInputError):
    """A catalog key that does not exist (or is not a string).

    It is a ``KeyError``, as for any lookup in a mapping, and a
    :class:`~csat_lab.errors.CsatInputError`, so code that catches either
    keeps working; its message names the closest existing keys.
    """

    def __str__(self) -> str:  # the message as written, not KeyError's quoted repr
        return str(self.args[0]) if self.args else ""


def _unknown_key(key: object, entries: dict) -> UnknownLabelError:
    if not isinstance(key, str):
        return UnknownLabelError(f"a label key must be a text such as 'scale.nps11.10', got {key!r}")
    close = difflib.get_close_matches(key, list(entries), n=5, cutoff=0.6)
    if not close:
        group = key.split(".")[0] + "."
        close = [k for k in entries if k.startswith(group)][:5]
    hint = f"; did you mean: {', '.join(close)}" if close else ""
    return UnknownLabelError(f"no label {key!r} in the catalog{hint}")


def _normalise(language: str) -> str:
    key = str(language).strip().lower()
    if key not in _ALIASES:
        raise CsatInputError(
            f"unknown language {language!r}; supported languages are: {', '.join(LANGUAGES)}"
        )
    return _ALIASES[key]


@lru_cache(maxsize=1)
def catalog() -> dict[str, dict[str, str]]:
    """Return the merged label catalog (key -> {language: text}).

    Every JSON file in ``csat_lab/i18n/labels`` contributes its keys; a key defined
    twice, or an entry missing a language, is a packaging error.

    Returns
    -------
    dict
        Catalog key -> {language code: text}, for every language of
        :data:`LANGUAGES`. Read once and cached: do not modify it.

    Raises
    ------
    RuntimeError
        When a key is defined twice or an entry lacks a language.

    Examples
    --------
    >>> entry = catalog()["scale.satisfaction5.1"]
    >>> entry["en"], entry["zh-CN"]
    ('Very dissatisfied', '很不满意')
    """
    merged: dict[str, dict[str, str]] = {}
    folder = resources.files("csat_lab.i18n") / "labels"
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".json"):
            continue
        entries = json.loads(item.read_text(encoding="utf-8"))
        for key, texts in entries.items():
            if key in merged:
                raise RuntimeError(f"label {key!r} is defined twice (again in {item.name})")
            missing = [lang for lang in LANGUAGES if not texts.get(lang)]
            if missing:
                raise RuntimeError(f"label {key!r} in {item.name} lacks {missing}")
            merged[key] = texts
    return merged


def resolve_language(language: str | None = None) -> str:
    """``language`` as a supported code, or the current language when it is None.

    Every function with a ``language=`` argument resolves it here, so that
    common spellings (``"zh"``, ``"中文"``) work everywhere and an unknown one is
    the same clear error everywhere.

    Parameters
    ----------
    language : str, optional
        ``"en"``, ``"zh-CN"`` or a common spelling of either; None for the current language.

    Returns
    -------
    str
        One of :data:`LANGUAGES`.

    Examples
    --------
    >>> resolve_language("zh"), resolve_language(None) in LANGUAGES
    ('zh-CN', True)
    """
    return get_language() if language is None else _normalise(language)


def get_language() -> str:
    """Return the current label language (``"en"`` or ``"zh-CN"``).

    Returns
    -------
    str
        The code of the current language, one of :data:`LANGUAGES`.

    Examples
    --------
    >>> get_language() in LANGUAGES
    True
    """
    return _state["language"]


def set_language(language: str) -> None:
    """Switch every label (scales, tables, plots, widgets) to ``language``.

    Accepts ``"en"`` or ``"zh-CN"`` and common spellings (``"zh"``,
    ``"zh_CN"``, ``"中文"``). Widgets that registered with
    :func:`on_language_change` are re-labelled at once.

    Parameters
    ----------
    language : str
        ``"en"`` or ``"zh-CN"``, or a common spelling of either; anything else
        raises :class:`~csat_lab.errors.CsatInputError` listing the languages.

    Returns
    -------
    None
        The language is changed for the whole process.

    Examples
    --------
    >>> set_language("zh")
    >>> get_language()
    'zh-CN'
    >>> set_language("en")
    """
    new = _normalise(language)
    _state["language"] = new
    for ref in list(_listeners):
        callback = ref()
        if callback is None:
            _listeners.remove(ref)
        else:
            callback(new)


def on_language_change(callback: Callable[[str], None]) -> None:
    """Call ``callback(language)`` after every :func:`set_language`.

    Only a weak reference is kept (bound methods included), so a widget that
    is garbage-collected stops listening by itself.

    Parameters
    ----------
    callback : callable
        Called with the new language code (``"en"`` or ``"zh-CN"``).

    Returns
    -------
    None
        The callback is registered; keep a reference to it as long as it
        should listen.

    Examples
    --------
    >>> seen = []
    >>> def remember(lang):
    ...     seen.append(lang)
    >>> on_language_change(remember)
    >>> set_language("zh-CN"); set_language("en")
    >>> seen
    ['zh-CN', 'en']
    """
    if not callable(callback):
        raise CsatInputError(f"callback must be a function of the language code, got {type(callback).__name__}")
    if hasattr(callback, "__self__"):
        ref = weakref.WeakMethod(callback)  # type: ignore[arg-type]
    else:
        ref = weakref.ref(callback)
    _listeners.append(ref)


def has_label(key: str) -> bool:
    """Return True when ``key`` is in the catalog.

    Parameters
    ----------
    key : str
        A catalog key such as ``"scale.nps11.10"``.

    Returns
    -------
    bool
        Whether the catalog has an entry for ``key``.

    Examples
    --------
    >>> has_label("scale.nps11.10"), has_label("no.such.key")
    (True, False)
    """
    return isinstance(key, str) and key in catalog()


def label(key: str, language: str | None = None, **values: object) -> str:
    """Return the text of catalog entry ``key`` in the current (or given) language.

    Keyword arguments fill ``{placeholders}`` in the text.

    Parameters
    ----------
    key : str
        A catalog key. An unknown key (or one that is not a string) raises
        ``UnknownLabelError``, which is both a ``KeyError`` (a failed lookup,
        as in a dict) and a :class:`~csat_lab.errors.CsatInputError`; its
        message names the closest keys.
    language : str, optional
        Language of the text (``"en"``, ``"zh-CN"`` or a common spelling);
        default the current one.
    **values
        Values for the ``{placeholders}`` of the text (``str.format``). Without
        any, the text comes back as stored, placeholders included; with some,
        every placeholder needs one (else
        :class:`~csat_lab.errors.CsatInputError` naming the missing ones).

    Returns
    -------
    str
        The text.

    Examples
    --------
    >>> label("scale.agree5.5", language="zh-CN")
    '非常同意'
    >>> label("scale.agree5.6")
    Traceback (most recent call last):
    ...
    csat_lab.i18n.catalog.UnknownLabelError: no label 'scale.agree5.6' in the catalog; did you mean: ...
    """
    entries = catalog()
    if not isinstance(key, str) or key not in entries:
        raise _unknown_key(key, entries)
    lang = resolve_language(language)
    text = entries[key][lang]
    if not values:
        return text
    try:
        return text.format(**values)
    except (KeyError, IndexError) as exc:
        raise CsatInputError(f"label {key!r} needs a value for the placeholder {exc}; "
                             f"got values for: {', '.join(values)}") from None
