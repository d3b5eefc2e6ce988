"""csat_lab: customer satisfaction research and training in Python.

Import it as ``import csat_lab as cl``. The light foundations load at once
(scales, labels, errors, datasets); the analysis modules load on first use so
that ``import csat_lab`` stays fast and does not pull in statsmodels, seaborn,
scipy.stats or ipywidgets::

    cl.metrics     CSAT, top/bottom box, NPS, CES with CIs; group comparisons
    cl.survey      survey design, reliability, import of exports, cleaning, Kano, gaps
    cl.loyalty     satisfaction -> loyalty regression, key drivers, PLS path models
    cl.churn       churn and retention rates, cohorts, survival, lifetime value
    cl.segments    RFM, value tiers, Pareto / 80-20
    cl.complaints  complaint-log KPIs and service recovery
    cl.simulate    data-generating processes behind the course datasets
    cl.plots       seaborn/matplotlib charts of results
    cl.widgets     ipywidgets explorers for the classroom
    cl.course      teaching support: exercises (``cl.check(id, answer)``), glossary, launch
    cl.exercises   the course self-checks (``csat_lab.course.exercises``)
    cl.glossary    the bilingual glossary, English / 简体中文 (``csat_lab.course.glossary``)
    cl.export      CSV / Excel export that neutralises spreadsheet formulas
    cl.classroom   live classroom survey: phones answer, ``responses(db)`` reads the answers back
    cl.text        open-ended comments in Chinese and English: tokens, sentiment, themes, keywords
    cl.report      reports to hand on: Excel, PowerPoint (native charts), self-contained HTML, PDF

Examples
--------
>>> import csat_lab as cl
>>> cl.scales.get("satisfaction5").labels()[-1]
'Very satisfied'
"""

from __future__ import annotations

import importlib
from typing import Any

from . import datasets, scales
from .errors import CsatConvergenceError, CsatInputError, CsatLabError
from .i18n import get_language, label, on_language_change, set_language

__version__ = "0.1.0"

#: Public name -> module it loads on first use (teaching modules live in csat_lab.course).
_LAZY_MODULES = {
    "metrics": "csat_lab.metrics",
    "survey": "csat_lab.survey",
    "loyalty": "csat_lab.loyalty",
    "churn": "csat_lab.churn",
    "segments": "csat_lab.segments",
    "complaints": "csat_lab.complaints",
    "simulate": "csat_lab.simulate",
    "plots": "csat_lab.plots",
    "widgets": "csat_lab.widgets",
    "course": "csat_lab.course",
    "exercises": "csat_lab.course.exercises",
    "glossary": "csat_lab.course.glossary",
    "export": "csat_lab.export",
    "classroom": "csat_lab.classroom",
    "text": "csat_lab.text",
    "report": "csat_lab.report",
}

__all__ = [
    "CsatLabError",
    "CsatInputError",
    "CsatConvergenceError",
    "datasets",
    "scales",
    "set_language",
    "get_language",
    "label",
    "on_language_change",
    *_LAZY_MODULES,
]


def __getattr__(name: str) -> Any:
    if name in _LAZY_MODULES:
        module = importlib.import_module(_LAZY_MODULES[name])
        globals()[name] = module
        return module
    if name == "check":
        return importlib.import_module("csat_lab.course.exercises").check
    if name == "quiz":
        return importlib.import_module("csat_lab.course").quiz
    raise AttributeError(f"module 'csat_lab' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY_MODULES) | {"check", "quiz"})
