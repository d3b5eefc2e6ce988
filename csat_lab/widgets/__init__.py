"""Interactive explorers for the classroom (ipywidgets), one per course topic.

Each explorer is a pure model function in :mod:`csat_lab.widgets.models`
(controls in, result object out; analysts can call it directly) plus a thin
view returned by ``*_explorer()``. Views are labelled from the i18n catalog
and re-label themselves when :func:`csat_lab.set_language` is called; slider
updates are debounced (see :mod:`csat_lab.widgets._base`). :func:`app` puts
every explorer in one tabbed page, which ``make app`` serves with Voila.

Names load on first use so that ``csat_lab.widgets.models`` can be imported
without ipywidgets.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "Explorer": "_base",
    "Rendered": "_base",
    "DEBOUNCE_S": "_base",
    "language_switch": "_controls",
    "nps_explorer": "_survey_views",
    "nps_difference_explorer": "_survey_views",
    "disconfirmation_explorer": "_survey_views",
    "sample_size_explorer": "_survey_views",
    "kano_explorer": "_survey_views",
    "loyalty_curve_explorer": "_loyalty_views",
    "key_driver_explorer": "_loyalty_views",
    "churn_explorer": "_churn_views",
    "clv_explorer": "_churn_views",
    "pareto_explorer": "_churn_views",
    "cohort_explorer": "_churn_views",
    "complaint_simulator": "_complaint_views",
    "app": "_app",
    "EXPLORERS": "_app",
    "models": "models",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"csat_lab.widgets has no {name!r}; names are: {', '.join(__all__)}")
    module = importlib.import_module(f".{_HOMES[name]}", __name__)
    value = module if name == "models" else getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
