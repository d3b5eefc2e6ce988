"""Exercises of notebook 08 (study template).

A recall check of what a report line carries, and two transfer tasks for a manager's
report: which newsletter line to give for two small branch samples, and a written
headline for a described shop survey (checked for the share, both ends of its
interval and the number of valid answers).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ._make import Criterion, choice, text


def _number(value: str, *, percent: bool = False) -> Callable[[str], bool]:
    """A rubric test: ``value`` appears as a number on its own (not inside 170 or 0.570).

    With ``percent``, it must be followed by a percent sign or the word "percent"
    (``70%``, ``70.0 %``); otherwise decimals may follow (``57`` matches ``57.5``).
    """
    tail = r"(?:\.0+)?\s*(?:%|percent|per cent)" if percent else r"(?:\.\d+)?(?![\d])"
    pattern = re.compile(rf"(?<![\d.,]){re.escape(value)}{tail}")
    return lambda answer: bool(pattern.search(answer))


_share = _number("70", percent=True)
_low, _high = _number("57"), _number("80")
_n = _number("60")

EXERCISES = [
    choice("08.report_ci", "99e3b2f3c0086a9e460d", "abc"),
    choice("08.branch_compare", "2db093cf4a9cddfc5914", "abcd", task="transfer"),
    text(
        "08.report_line",
        Criterion("estimate", lambda t: _share(t) or "百分之七十" in t),
        Criterion("interval", lambda t: _low(t) and _high(t)),
        Criterion("n", _n),
    ),
]
