"""Thin ipywidgets views over the pure models in :mod:`csat_lab.widgets.models`.

* :mod:`.base`: the :class:`Explorer` frame (debounce, progress, chart and table outputs)
* :mod:`.controls`: catalog-labelled sliders, dropdowns and the language switch
* :mod:`.survey`, :mod:`.loyalty`, :mod:`.churn`, :mod:`.complaints`: one explorer per course topic
* :mod:`.app`: every explorer in one tabbed page (``make app``)

Views import ipywidgets; the models do not.
"""
