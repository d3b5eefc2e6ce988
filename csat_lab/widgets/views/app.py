"""Every explorer on one tabbed page: the app ``make app`` serves with Voila."""

from __future__ import annotations

import html
import importlib
from typing import Callable, Sequence

import ipywidgets as widgets

from ...errors import CsatInputError
from ...i18n import label, on_language_change
from .controls import language_switch, stylesheet, switching_status

__all__ = ["EXPLORERS", "App", "app"]

#: (name, module, factory) of every explorer, in teaching order; tab titles are ``widgets.tab.<name>``.
EXPLORERS: tuple[tuple[str, str, str], ...] = (
    ("nps", "survey", "nps_explorer"),
    ("nps_difference", "survey", "nps_difference_explorer"),
    ("disconfirmation", "survey", "disconfirmation_explorer"),
    ("sample_size", "survey", "sample_size_explorer"),
    ("kano", "survey", "kano_explorer"),
    ("loyalty_curve", "loyalty", "loyalty_curve_explorer"),
    ("key_drivers", "loyalty", "key_driver_explorer"),
    ("churn", "churn", "churn_explorer"),
    ("clv", "churn", "clv_explorer"),
    ("pareto", "churn", "pareto_explorer"),
    ("cohort", "churn", "cohort_explorer"),
    ("complaints", "complaints", "complaint_simulator"),
)


def _factory(module: str, name: str) -> Callable[[], widgets.Widget]:
    return getattr(importlib.import_module(f".{module}", __package__), name)


class App(widgets.VBox):
    """A language switch above one tab per explorer; a tab's explorer is built when first opened.

    A language switch re-labels the tab titles and every explorer's controls,
    and recomputes only the explorer on screen; the others recompute when their
    tab is opened. While the switch runs, a status line beside it says so
    ("Switching language…").

    Attributes
    ----------
    tabs : ipywidgets.Tab
    built : dict of str to widget
        The explorers built so far, by name.
    status : ipywidgets.HTML
        The "switching" message beside the language switch (class ``csat-switching``),
        hidden when no switch runs.
    """

    def __init__(self, names: Sequence[str] | None = None, start: str | None = None) -> None:
        known = [entry[0] for entry in EXPLORERS]
        chosen = list(names) if names is not None else known
        unknown = [n for n in chosen if n not in known]
        if unknown:
            raise CsatInputError(f"no explorer {unknown[0]!r}; explorers are: {', '.join(known)}")
        self.entries = [entry for entry in EXPLORERS if entry[0] in chosen]
        self.built: dict[str, widgets.Widget] = {}
        self.tabs = widgets.Tab(children=[widgets.HTML(label("widgets.app.loading")) for _ in self.entries])
        self.status = switching_status()
        bar = widgets.HBox([language_switch(self.status), self.status],
                           layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        super().__init__([stylesheet(), bar, self.tabs])
        self.add_class("csat-app")
        self.add_class("clab-app")  # styled by controls.STYLE
        self.relabel()
        on_language_change(self._on_language)
        self.tabs.observe(self._opened, names="selected_index")
        first = [e[0] for e in self.entries].index(start) if start in chosen else 0
        self.tabs.selected_index = first
        self._build(first)

    def _opened(self, change: dict) -> None:
        if change["new"] is not None:
            self._build(change["new"])

    def _show_only(self, index: int) -> None:
        """Mark the explorer of tab ``index`` visible and the others hidden; bring the visible one up to date."""
        shown = self.entries[index][0]
        for name, view in self.built.items():
            if hasattr(view, "visible"):
                view.visible = name == shown
        view = self.built.get(shown)
        if hasattr(view, "refresh"):
            view.refresh()

    def _build(self, index: int) -> None:
        name, module, factory = self.entries[index]
        if name in self.built:
            self._show_only(index)
            return
        try:
            view = _factory(module, factory)()
        except (ImportError, AttributeError, CsatInputError) as exc:
            # A dataset or optional layer missing from this install leaves the other tabs usable.
            view = widgets.HTML(html.escape(label("widgets.app.unavailable", message=str(exc))))
        self.built[name] = view
        self._show_only(index)
        children = list(self.tabs.children)
        children[index] = view
        self.tabs.children = children
        self.tabs.selected_index = index

    def relabel(self) -> None:
        """Re-read the tab titles from the catalog."""
        self.tabs.titles = tuple(label(f"widgets.tab.{entry[0]}") for entry in self.entries)

    def _on_language(self, _language: str) -> None:
        if self.comm is None:
            return
        self.relabel()
        # The open tab first: its explorer is redrawn before the hidden ones are re-labelled (they recompute
        # when opened), so what the trainer sees changes as soon as possible.
        index = self.tabs.selected_index
        view = self.built.get(self.entries[index][0]) if index is not None else None
        if view is not None and getattr(view, "visible", False) and hasattr(view, "refresh"):
            view._on_language(_language)

    def close(self) -> None:
        """Close the page and every explorer built in it."""
        for view in getattr(self, "built", {}).values():  # also reached from __del__ after a failed __init__
            view.close()
        super().close()


def app(names: Sequence[str] | None = None, start: str | None = None) -> App:
    """All explorers (or those in ``names``) on one tabbed page with a language switch.

    Parameters
    ----------
    names : sequence of str, optional
        Explorer names from :data:`EXPLORERS`; all by default.
    start : str, optional
        The tab shown (and built) first; the first tab by default.

    Returns
    -------
    App
        The page (an ipywidgets VBox): a language switch above one tab per
        explorer, each explorer built when its tab is first opened.

    Examples
    --------
    >>> page = app(["churn", "clv"])
    >>> page.tabs.titles
    ('Churn', 'Lifetime value')
    >>> sorted(page.built)
    ['churn']
    >>> page.close()
    """
    return App(names, start)
