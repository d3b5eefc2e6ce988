"""One Chinese term per concept: find the variants a text should not use (``terms.json``).

The course writes each concept with one Chinese term, in the seeds' own words
(客户保持率, not 留存率; 客户, not 顾客). ``csat_lab/i18n/terms.json`` lists each
term with the variants to avoid; :func:`term_problems` finds those variants in a
text, after taking the preferred term itself out (so that 再购买率 does not hide
an avoided 再购率, and a longer preferred term does not count as its own
variant). Course editors and the tests use it on labels, notebooks and guides.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = ["terms", "term_problems"]


@lru_cache(maxsize=1)
def terms() -> tuple[dict[str, Any], ...]:
    """The term list of ``terms.json``: each with ``id``, ``en``, ``zh-CN`` and ``avoid``.

    Returns
    -------
    tuple of dict
        One entry per concept, in the file's order.

    Examples
    --------
    >>> any(t["zh-CN"] == "客户" for t in terms())
    True
    """
    data = json.loads((resources.files("csat_lab.i18n") / "terms.json").read_text(encoding="utf-8"))
    return tuple(data["terms"])


def term_problems(text: str) -> list[str]:
    """The avoided variants found in a Chinese ``text``, each with the term to use instead.

    Parameters
    ----------
    text : str
        Chinese text (labels, a notebook cell, a guide).

    Returns
    -------
    list of str
        ``"<variant> (use <term>)"`` for every avoided variant found after the
        preferred term is removed from the text, in the order of ``terms.json``;
        empty when the text keeps to the course's terms.

    Examples
    --------
    >>> term_problems("这位顾客的留存率")
    ['顾客 (use 客户)', '留存 (use 保持率)']
    >>> term_problems("客户保持率")
    []
    """
    found = []
    for term in terms():
        rest = text.replace(term["zh-CN"], "")
        found += [f"{variant} (use {term['zh-CN']})" for variant in term["avoid"] if variant in rest]
    return found
