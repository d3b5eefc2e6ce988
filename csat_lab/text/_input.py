"""Checking and normalising the comments every cl.text function takes (internal).

Texts arrive as a list, tuple, pandas Series or NumPy array. Each element must
be text: a ``str``, ``bytes`` (decoded with the caller's ``encoding``) or a
missing value (None, NaN, pd.NA), which is kept as ``None`` and reported as
missing, never silently dropped. Anything else raises
:class:`~csat_lab.errors.CsatInputError` naming its position.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from ..i18n import Message

LANGUAGES = ("auto", "en", "zh-CN")
_ALIASES = {"auto": "auto", "en": "en", "zh-cn": "zh-CN", "zh": "zh-CN", "zh-hans": "zh-CN"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def check_language(language: Any) -> str:
    """``"auto"``, ``"en"`` or ``"zh-CN"`` (``"zh"`` accepted), else CsatInputError."""
    key = language.lower() if isinstance(language, str) else None
    if key not in _ALIASES:
        raise CsatInputError(Message("text.error.language", got=repr(language)))
    return _ALIASES[key]


def is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, (float, np.floating)) and math.isnan(value)


def as_texts(texts: Any, *, name: str = "texts", encoding: str = "utf-8") -> pd.Series:
    """The comments as an object Series of ``str`` or ``None`` (missing), index kept from a Series."""
    if isinstance(texts, (str, bytes)):
        texts = [texts]
    if isinstance(texts, pd.DataFrame):
        raise CsatInputError(Message("text.error.frame", name=name))
    if isinstance(texts, pd.Series):
        index, values = texts.index, list(texts.array)
    elif isinstance(texts, (list, tuple, np.ndarray, pd.Index)):
        values = list(np.asarray(texts, dtype=object).ravel()) if isinstance(texts, np.ndarray) else list(texts)
        index = pd.RangeIndex(len(values))
    else:
        raise CsatInputError(Message("text.error.container", name=name, got=type(texts).__name__))
    out: list[str | None] = []
    for position, value in enumerate(values):
        if is_missing(value):
            out.append(None)
        elif isinstance(value, str):
            out.append(unicodedata.normalize("NFKC", value))
        elif isinstance(value, (bytes, bytearray)):
            try:
                out.append(unicodedata.normalize("NFKC", bytes(value).decode(encoding)))
            except UnicodeDecodeError as exc:
                raise CsatInputError(Message("text.error.decode", name=name, position=position,
                                             label=str(index[position]), encoding=encoding,
                                             offset=exc.start)) from None
        else:
            raise CsatInputError(Message("text.error.not_text", name=name, position=position,
                                         label=str(index[position]), got=type(value).__name__))
    return pd.Series(out, index=index, dtype=object)


def detect_language(text: str) -> str:
    """``"zh-CN"`` when Chinese characters carry at least half of the text, else ``"en"``.

    A Chinese character is weighed like five Latin letters (about one English
    word), so a Chinese comment with an English term in it ("check-in
    排队半小时") is Chinese, and an English one with a name in Chinese
    characters stays English.
    """
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "zh-CN" if cjk > 0 and cjk >= 0.5 * (cjk + latin / 5) else "en"


def languages_of(texts: pd.Series, language: str) -> pd.Series:
    """The language of each text (None where the text is missing)."""
    return pd.Series([None if t is None else (detect_language(t) if language == "auto" else language)
                      for t in texts], index=texts.index, dtype=object)
