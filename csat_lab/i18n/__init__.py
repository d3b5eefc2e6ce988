"""Two languages, one source: the label catalog, the current language, and messages.

Every user-facing label lives in JSON files under ``csat_lab/i18n/labels/``
(one file per topic, merged into one catalog; a key may be defined only once),
each entry mapping a language code to its text::

    "scale.satisfaction5.5": {"en": "Very satisfied", "zh-CN": "很满意"}

:mod:`.catalog` holds the catalog and the process-wide current language
(:func:`set_language`; widgets re-label themselves through
:func:`on_language_change`). :mod:`.messages` holds :class:`Message`, the text
that results store: English as a value, rendered in the current language when
shown. :mod:`.names` gives the display names of dataset columns, features and
category values (:func:`display_name`, :func:`display_value`), read from the
datasets' schemas and the catalog.

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

from .catalog import (LANGUAGES, catalog, get_language, has_label, label, on_language_change, resolve_language,
                      set_language)
from .messages import Message, render
from .names import display_name, display_table, display_value, labelled_table
from .numbers import format_interval, format_number, format_table

__all__ = [
    "LANGUAGES",
    "set_language",
    "get_language",
    "resolve_language",
    "label",
    "has_label",
    "catalog",
    "on_language_change",
    "Message",
    "render",
    "display_name",
    "display_value",
    "display_table",
    "labelled_table",
    "format_number",
    "format_interval",
    "format_table",
]
