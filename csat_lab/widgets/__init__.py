"""Interactive explorers for the classroom (ipywidgets), one per course topic.

Each explorer is a pure model function in :mod:`csat_lab.widgets.models`
(controls in, result object out; analysts can call it directly) plus a thin
view returned by ``*_explorer()``. Views are labelled from the i18n catalog
and re-label themselves when :func:`csat_lab.set_language` is called; slider
updates are debounced (see :mod:`csat_lab.widgets.views.base`). :func:`app` puts
every explorer in one tabbed page, which ``make app`` serves with Voila.

Names load on first use so that ``csat_lab.widgets.models`` can be imported
without ipywidgets.
"""

from __future__ import annotations

import importlib
from typing import Any

_HOMES = {
    "Explorer": "views.base",
    "Rendered": "views.base",
    "DEBOUNCE_S": "views.base",
    "language_switch": "views.controls",
    "nps_explorer": "views.survey",
    "nps_difference_explorer": "views.survey",
    "disconfirmation_explorer": "views.survey",
    "sample_size_explorer": "views.survey",
    "kano_explorer": "views.survey",
    "loyalty_curve_explorer": "views.loyalty",
    "key_driver_explorer": "views.loyalty",
    "churn_explorer": "views.churn",
    "clv_explorer": "views.churn",
    "pareto_explorer": "views.churn",
    "cohort_explorer": "views.churn",
    "complaint_simulator": "views.complaints",
    "app": "views.app",
    "EXPLORERS": "views.app",
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
