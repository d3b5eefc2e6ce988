"""Controls labelled from the i18n catalog, and the language switch (internal).

Each factory returns an ipywidgets control tagged with its catalog key (and
the keys of its options; an option that is not a key, a dataset, column or
feature identifier, shows its display name), so :class:`~csat_lab.widgets.views.base.Explorer` can
re-label it when the language changes. Sliders and number boxes are tagged
for debouncing; choices update at once.

Examples
--------
>>> s = int_slider("widgets.nps.promoters", 50, 0, 100)
>>> s.description, s.value
('Promoters (9-10)', 50)
"""

from __future__ import annotations

import html
import math
from typing import Any, Sequence

import ipywidgets as widgets
import numpy as np

from ...errors import CsatInputError
from ...i18n import display_name, has_label, label, on_language_change

Option = tuple[str, Any]


def text(key_or_text: str, **values: object) -> str:
    """Catalog label for ``key_or_text``; otherwise its display name (a dataset, column or feature), or the text itself.

    Options name data by their identifiers (``("free_wifi", "free_wifi")``); what
    the control shows is the display name in the current language, re-read on
    every language switch.

    Examples
    --------
    >>> text("widgets.period.month"), text("free_wifi"), text("95%")
    ('a month', 'Free Wi-Fi', '95%')
    """
    return label(key_or_text, **values) if has_label(key_or_text) else display_name(key_or_text)


def _tag(widget: widgets.Widget, key: str, *, options: Sequence[Option] | None = None,
         debounce: bool = False) -> widgets.Widget:
    widget._csat_key = key
    widget._csat_options = list(options) if options is not None else None
    widget._csat_debounce = debounce
    widget.description = label(key)
    _stacked(widget)
    return widget


def _stacked(widget: widgets.Widget) -> None:
    """Caption on a row of its own above the control, which takes the whole width it is given.

    ``width="auto"`` in the explorer's column (a flex column that stretches its
    items) fills it inside the widget's margins, where ``100%`` would overhang them.

    No fixed pixel width includes the caption: the control's row wraps
    (``flex_flow="row wrap"``), the caption is as wide as the row
    (``description_width="100%"``), and the track, box or buttons fill the
    next row. The explorer's column sets the width (see
    :class:`~csat_lab.widgets.views.base.Explorer`); :data:`STYLE` left-aligns
    and wraps the captions and lets toggle buttons size to their text.
    """
    widget.layout.width = "auto"  # stretched across the column, inside the widget's own margins
    widget.layout.height = "auto"
    widget.layout.flex_flow = "row wrap"
    widget.style.description_width = "100%"
    if isinstance(widget, widgets.ToggleButtons):
        widget.style.button_width = "auto"


#: What ipywidgets' Layout cannot say, scoped to the explorers and the app by the classes
#: ``clab-explorer``, ``clab-app`` and ``clab-switch`` (not the ``csat-*`` classes: the sheet's text is
#: walked by checks for identifiers on screen, and ``csat`` and ``language`` are column names):
#: captions left-aligned and wrapping above their control; toggle buttons as wide as their text,
#: wrapping onto a second row; the app's tab titles whole, wrapping onto a second row at 1024 px.
STYLE = """
.clab-explorer .widget-inline-hbox > .widget-label {
  text-align: left; white-space: normal; height: auto; line-height: 1.35; margin: 6px 0 2px 0; max-width: none;
}
.clab-explorer .widget-inline-hbox.widget-toggle-buttons > div,
.clab-explorer .widget-inline-hbox.widget-select > select,
.clab-explorer .widget-inline-hbox.widget-dropdown > select { flex: 1 1 100%; min-width: 0; }
.clab-explorer .widget-toggle-buttons > div { display: flex; flex-wrap: wrap; gap: 2px 0; }
.clab-explorer .widget-toggle-button, .clab-app .clab-switch .widget-toggle-button {
  flex: 0 0 auto; padding: 0 10px; white-space: nowrap;
}
.clab-explorer .widget-checkbox .widget-label-basic { white-space: normal; height: auto; line-height: 1.35; }
.clab-explorer .widget-checkbox .widget-label-basic span { white-space: normal; overflow: visible; }
.clab-explorer .widget-hslider .widget-readout { flex: 0 0 auto; min-width: 4em; }
.clab-app .jupyter-widget-tab > .lm-TabBar > .lm-TabBar-content { flex-wrap: wrap; }
.clab-app .jupyter-widget-tab > .lm-TabBar .lm-TabBar-tab { flex: 0 0 auto; }
.clab-tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 2px 0 10px 0; }
.clab-tile {
  flex: 1 1 150px; max-width: 280px; padding: 8px 12px; border: 1px solid #c9d6e3;
  border-left: 6px solid #2e75b6; border-radius: 6px; background: #f5f9fd;
}
.clab-tile-value { font-size: 30px; line-height: 1.15; color: #17324d; overflow-wrap: anywhere; }
.clab-tile-caption { font-size: 15px; line-height: 1.3; color: #262626; margin-top: 4px; }
.clab-tile-detail { font-size: 13px; line-height: 1.3; color: #4d4d4d; margin-top: 2px; }
"""


def stylesheet() -> widgets.HTML:
    """An invisible HTML widget carrying :data:`STYLE` (a ``<style>`` element applies wherever it sits).

    Examples
    --------
    >>> sheet = stylesheet()
    >>> sheet.value.startswith("<style>"), sheet.layout.display
    (True, 'none')
    """
    sheet = widgets.HTML(f"<style>{STYLE}</style>", layout=widgets.Layout(display="none"))
    sheet.add_class("csat-style")
    return sheet


def _start(key: str, value: Any, low: float, high: float, whole: bool) -> tuple[Any, Any, Any]:
    """A slider's start value and range: the range widens to hold a start value outside it.

    A slider would silently clamp such a value (``customers=5000`` shown as 2000,
    ``-5`` as 1). Widening keeps what was asked for: the model then computes it or
    says in the explorer why it cannot (a negative count, ``lost > customers``).
    A start value that is not a number cannot be shown at all and raises
    :class:`~csat_lab.errors.CsatInputError` naming the control.
    """
    kinds = (int, np.integer) if whole else (int, float, np.integer, np.floating)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, kinds) or not math.isfinite(value):
        what = "a whole number" if whole else "a finite number"
        raise CsatInputError(f"{label(key, language='en')}: the start value must be {what}, got {value!r}")
    value = int(value) if whole else float(value)
    return value, min(low, value), max(high, value)


def float_slider(key: str, value: float, low: float, high: float, step: float,
                 fmt: str = ".2f") -> widgets.FloatSlider:
    """A float slider described by catalog entry ``key`` (updates are debounced); see :func:`_start`."""
    value, low, high = _start(key, value, low, high, whole=False)
    return _tag(widgets.FloatSlider(value=value, min=low, max=high, step=step, readout_format=fmt,
                                    continuous_update=True), key, debounce=True)


def int_slider(key: str, value: int, low: int, high: int, step: int = 1) -> widgets.IntSlider:
    """An integer slider described by catalog entry ``key`` (updates are debounced); see :func:`_start`."""
    value, low, high = _start(key, value, low, high, whole=True)
    return _tag(widgets.IntSlider(value=value, min=low, max=high, step=step, continuous_update=True),
                key, debounce=True)


def int_box(key: str, value: int, low: int, high: int) -> widgets.BoundedIntText:
    """A bounded integer field for counts (updates are debounced while typing); see :func:`_start`."""
    value, low, high = _start(key, value, low, high, whole=True)
    return _tag(widgets.BoundedIntText(value=value, min=low, max=high), key, debounce=True)


def _chosen(key: str, opts: list[Option], value: Any) -> Any:
    """``value`` when it is one of the options' values, else an input error listing them (a choice cannot hold it)."""
    values = [v for _, v in opts]
    if value is None:
        return values[0]
    if value not in values:
        raise CsatInputError(f"{label(key, language='en')}: the start value must be one of: "
                             f"{', '.join(map(repr, values))}; got {value!r}")
    return value


def dropdown(key: str, options: Sequence[Option], value: Any = None) -> widgets.Dropdown:
    """A dropdown; ``options`` are ``(label key or data text, value)`` pairs."""
    opts = list(options)
    w = widgets.Dropdown(options=[(text(k), v) for k, v in opts], value=_chosen(key, opts, value))
    return _tag(w, key, options=opts)


def toggles(key: str, options: Sequence[Option], value: Any = None) -> widgets.ToggleButtons:
    """Toggle buttons for a few exclusive choices; options as in :func:`dropdown`."""
    opts = list(options)
    w = widgets.ToggleButtons(options=[(text(k), v) for k, v in opts], value=_chosen(key, opts, value))
    return _tag(w, key, options=opts)


def multi_select(key: str, options: Sequence[Option], value: Sequence[Any] = ()) -> widgets.SelectMultiple:
    """A multiple selection; options as in :func:`dropdown`."""
    opts = list(options)
    chosen = [value] if isinstance(value, str) else list(value)
    for v in chosen:
        _chosen(key, opts, v)
    w = widgets.SelectMultiple(options=[(text(k), v) for k, v in opts], value=tuple(chosen),
                               rows=min(8, max(3, len(opts))))
    return _tag(w, key, options=opts)


def checkbox(key: str, value: bool = False) -> widgets.Checkbox:
    """A checkbox described by catalog entry ``key``."""
    return _tag(widgets.Checkbox(value=value, indent=False), key)


def set_options(control: widgets.Widget, options: Sequence[Option], value: Any = None) -> None:
    """Replace a choice control's options (label keys or data text) and select ``value``.

    Examples
    --------
    >>> d = dropdown("widgets.churn.period", [("widgets.period.month", "month")])
    >>> set_options(d, [("widgets.period.month", "month"), ("widgets.period.year", "year")], "year")
    >>> d.options, d.value
    ((('a month', 'month'), ('a year', 'year')), 'year')
    """
    opts = list(options)
    control._csat_options = opts
    labelled = [(text(k), v) for k, v in opts]
    if isinstance(control, widgets.SelectMultiple):
        control.options = labelled
        control.value = tuple(value if value is not None else ())
    else:
        control.options = labelled
        control.value = opts[0][1] if value is None else value


def switching_status() -> widgets.HTML:
    """The message shown beside a language switch while the page re-labels itself (hidden otherwise).

    Examples
    --------
    >>> status = switching_status()
    >>> status.layout.display
    'none'
    """
    status = widgets.HTML(layout=widgets.Layout(display="none", margin="0 0 0 12px"))
    status.add_class("csat-switching")
    return status


def language_switch(status: widgets.HTML | None = None) -> widgets.ToggleButtons:
    """Buttons that switch every label between English and Chinese (:func:`csat_lab.set_language`).

    Parameters
    ----------
    status : ipywidgets.HTML, optional
        Shown (from :func:`switching_status`) with "Switching language…" in the
        chosen language while the switch runs, so a click has feedback at once;
        hidden again when every label has changed.

    Returns
    -------
    ipywidgets.ToggleButtons
        One button per language; choosing one sets the language of every
        label, and the buttons follow a language set elsewhere.

    Examples
    --------
    >>> import csat_lab as cl
    >>> switch = language_switch()
    >>> switch.value = "zh-CN"
    >>> cl.get_language()
    'zh-CN'
    >>> cl.set_language("en"); switch.value
    'en'
    """
    from ...i18n import LANGUAGES, get_language, set_language

    switch = widgets.ToggleButtons(options=[(label("language.name", lang), lang) for lang in LANGUAGES],
                                   value=get_language())
    switch.add_class("csat-language")
    switch.add_class("clab-switch")

    def follow(language: str) -> None:
        switch.value = language

    def choose(change: dict) -> None:
        if change["new"] == get_language():
            return
        if status is None:
            set_language(change["new"])
            return
        # Sent to the browser before the work starts: the kernel writes widget messages as they are made.
        status.value = f"<i>{html.escape(label('widgets.app.switching', change['new']))}</i>"
        status.layout.display = None
        try:
            set_language(change["new"])
        finally:
            status.layout.display = "none"

    switch.observe(choose, names="value")
    switch._csat_follow = follow  # the catalog keeps only a weak reference
    on_language_change(follow)
    return switch
