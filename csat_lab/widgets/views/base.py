"""The frame every explorer shares (internal).

An explorer is a pure model function (``*_model(**controls) -> result``, in
:mod:`csat_lab.widgets.models`) plus the thin view built here: controls
labelled from the i18n catalog, a headline (the key number), an Output area
holding the result table and a chart, and a progress bar for long updates.

Design decisions
----------------
- **Debounce, timer based.** Sliders send values continuously while dragged
  (``continuous_update=True``); each change restarts a timer of
  :data:`DEBOUNCE_S` seconds on the kernel's asyncio loop and only the last
  value is computed. Without a running event loop (plain Python, pytest)
  there is nothing to wait on, so the update runs at once: observers fire
  synchronously and tests read ``explorer.result`` straight after setting a
  control. Dropdowns, checkboxes and buttons never wait.
- **Output replaced in one step.** The Output widget's ``outputs`` are set to
  complete display bundles (HTML table, PNG chart) rather than printed into a
  context manager, so an update from a timer callback lands in the right
  place and a test can read what the browser would show.
- **Charts without pyplot.** Figures are :class:`matplotlib.figure.Figure`
  objects rendered to PNG, so nothing piles up in pyplot's registry and no
  GUI backend is touched.
- **Language switch.** Each explorer subscribes to
  :func:`csat_lab.on_language_change`; a switch re-labels the controls and
  recomputes, because result objects hold labels made in the old language.
  Only a visible explorer recomputes at once: the app marks the explorers of
  hidden tabs (``visible = False``), which recompute when their tab is opened
  (:meth:`Explorer.refresh`), so a switch costs one chart, not twelve.
- **Progress without new widgets.** The progress bar of a long-running
  explorer is one bar made with the explorer and shown or hidden
  (``layout.display``) around each update; making and closing a tqdm widget per
  update let a closed bar ("Computing 0/2") linger in the browser.
- **KPI tiles.** The key numbers of a result are shown as tiles (a big
  number, its caption, its interval in small print) above the headline;
  every number is formatted by :func:`csat_lab.i18n.numbers.format_number`.
"""

from __future__ import annotations

import asyncio
import base64
import html
import warnings
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

import ipywidgets as widgets

from ...errors import CsatInputError, CsatLabError
from ...i18n import get_language, label, on_language_change
from .controls import stylesheet, text

#: Seconds a slider must rest before the model runs again.
DEBOUNCE_S = 0.12


@dataclass(frozen=True)
class Tile:
    """One key number as a tile: the number (already formatted), a caption under it, an optional small line.

    Examples
    --------
    >>> Tile("26.5%", "Churn rate", "1,869 / 7,043").caption
    'Churn rate'
    """

    value: str
    caption: str
    detail: str = ""


@dataclass(frozen=True)
class Rendered:
    """What a view shows for one result: a headline, optional KPI tiles, table and chart."""

    headline: str
    table: Any = None
    figure: Any = None
    tiles: tuple[Tile, ...] = ()


def tiles_html(tiles: Sequence[Tile]) -> str:
    """HTML of KPI tiles: one box per tile, the number large, caption and detail small (every text escaped).

    Parameters
    ----------
    tiles : sequence of Tile
        The tiles, in reading order.

    Returns
    -------
    str
        A ``<div>`` of tiles styled by :data:`~csat_lab.widgets.views.controls.STYLE`
        (classes ``clab-tiles``, ``clab-tile``, ``clab-tile-value``,
        ``clab-tile-caption``, ``clab-tile-detail``; the number in bold, as
        ``<b>``: the sheet avoids words that are also column names); empty without tiles.

    Examples
    --------
    >>> print(tiles_html([Tile("26.5%", "Churn <rate>")]))  # doctest: +NORMALIZE_WHITESPACE
    <div class="clab-tiles"><div class="clab-tile"><div class="clab-tile-value"><b>26.5%</b></div><div
    class="clab-tile-caption">Churn &lt;rate&gt;</div></div></div>
    >>> tiles_html([])
    ''
    """
    if not tiles:
        return ""
    parts = []
    for tile in tiles:
        detail = (f'<div class="clab-tile-detail">{html.escape(tile.detail)}</div>' if tile.detail else "")
        parts.append(f'<div class="clab-tile"><div class="clab-tile-value"><b>{html.escape(tile.value)}</b></div>'
                     f'<div class="clab-tile-caption">{html.escape(tile.caption)}</div>{detail}</div>')
    return f'<div class="clab-tiles">{"".join(parts)}</div>'


def ci_detail(level: float, interval: Sequence[float], kind: str, like: float | None = None) -> str:
    """The small line under a tile: the confidence level and interval, formatted like the estimate.

    Examples
    --------
    >>> ci_detail(0.95, (14.08, 44.2), "score:1")
    '95% CI (14.1, 44.2)'
    """
    from ...i18n.numbers import format_interval, format_number

    return label("widgets.tile.ci", level=format_number(level, "share", decimals=0),
                 interval=format_interval(tuple(interval), kind, like=like))


def new_figure(width: float = 6.4, height: float = 3.6) -> Any:
    """A matplotlib Figure drawn without pyplot (nothing is kept in a global registry).

    Examples
    --------
    >>> fig = new_figure()
    >>> ax = fig.subplots()
    >>> type(fig).__name__
    'Figure'
    """
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


class _ChartContext:
    """Chinese-capable fonts (the plots' own set-up), and no warnings about glyphs a machine lacks."""

    def __enter__(self) -> None:
        from ...plots import configure_fonts  # the plotting layer's own font set-up

        configure_fonts()
        self._warn = warnings.catch_warnings()
        self._warn.__enter__()
        # Without any CJK font installed Chinese text is drawn as boxes; the chart stays usable.
        warnings.filterwarnings("ignore", message=r".*[Gg]lyph.*missing")

    def __exit__(self, *exc: object) -> None:
        self._warn.__exit__(*exc)


def _png_bundle(fig) -> dict:
    from ...plots import png_image  # twice the pixels, shown at the old size (80 px per figure inch)

    data, width, height = png_image(fig)
    return {"output_type": "display_data", "metadata": {"image/png": {"width": width, "height": height}},
            "data": {"image/png": base64.b64encode(data).decode("ascii"), "text/plain": "<Figure>"}}


def _html_bundle(table: Any) -> dict:
    if isinstance(table, str):
        markup, plain = table, table
    elif hasattr(table, "to_html"):
        markup, plain = table.to_html(float_format=lambda v: f"{v:.4g}"), table.to_string()
    else:
        markup, plain = table._repr_html_(), str(table)
    return {"output_type": "display_data", "metadata": {},
            "data": {"text/html": markup, "text/plain": plain}}


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Explorer(widgets.VBox):
    """A view wiring ``controls`` to ``model`` and showing what ``render`` makes of the result.

    Parameters
    ----------
    name : str
        Short identifier; also a CSS class ``csat-explorer-<name>`` for browser tests.
    title_key : str
        Catalog key of the explorer's title.
    model : callable
        ``model(**{name: control.value})`` returning a result object.
    controls : mapping of str to widget
        Keyword name -> control made with this module's factories.
    render : callable
        ``render(result) -> Rendered``; draws with :func:`new_figure`.
    debounce : float
        Seconds of rest before a slider change is computed; 0 computes at once.
    long_running : bool
        Show a progress bar (``tqdm.auto``) while the model and chart are computed.
    links : mapping of str to callable, optional
        ``links[name](new_value)`` runs when control ``name`` changes, before
        the model, with updates held; it adapts dependent controls (e.g. the
        columns offered for a newly chosen dataset) so the model runs once.

    Attributes
    ----------
    result : object or None
        The last model result (None after an input error).
    visible : bool
        Whether a person sees the explorer now (default True). The app sets it
        per tab; a hidden explorer recomputes after a language switch only when
        :meth:`refresh` is called (its tab is opened).
    error : str or None
        The message of the last error (bad input, or a model that did not converge).
    rendered : Rendered or None
        What the view shows for ``result``.
    headline, tiles, output : widgets
        The headline sentence (HTML), the KPI tiles (HTML, class ``csat-tiles``)
        and the Output area (chart and table).
    progress_box : ipywidgets.HBox
        The progress bar (class ``csat-progress``) of a long-running explorer,
        shown while it computes and hidden (``layout.display = "none"``) when idle.
    controls_box, results_box : ipywidgets.VBox
        The two columns (classes ``csat-controls`` and ``csat-results``): the
        controls, and the progress bar, headline and output. They sit side by
        side and wrap into one column on a narrow page.
    """

    def __init__(self, name: str, title_key: str, model: Callable[..., Any],
                 controls: Mapping[str, widgets.Widget], render: Callable[[Any], Rendered], *,
                 debounce: float = DEBOUNCE_S,
                 long_running: bool = False, note_key: str | None = None,
                 progress_factory: Callable[..., Any] | None = None,
                 links: Mapping[str, Callable[[Any], None]] | None = None) -> None:
        self.name = name
        self.title_key = title_key
        self.note_key = note_key
        self.model = model
        self.controls = dict(controls)
        self.render = render
        self.debounce = float(debounce)
        self.long_running = long_running
        self._progress_factory = progress_factory
        self._links = {id(self.controls[name]): link for name, link in (links or {}).items()}
        self.result: Any = None
        self.error: str | None = None
        self.rendered: Rendered | None = None
        self.n_updates = 0
        self.visible = True
        self._stale = False
        self._pending: asyncio.TimerHandle | None = None
        self._quiet = False
        self.title = widgets.HTML()
        self.note = widgets.HTML()
        self.headline = widgets.HTML()
        self.headline.add_class("csat-headline")
        self.tiles = widgets.HTML()
        self.tiles.add_class("csat-tiles")
        self.output = widgets.Output()
        self.output.add_class("csat-output")
        # One bar for the explorer's life, hidden when idle (see the module's design notes).
        self._progress_text = widgets.HTML()
        self._progress_bar = widgets.IntProgress(value=0, min=0, max=1, layout=widgets.Layout(width="12em"))
        self.progress_box = widgets.HBox([self._progress_text, self._progress_bar],
                                         layout=widgets.Layout(display="none", align_items="center"))
        self.progress_box.add_class("csat-progress")
        # Two columns, controls | headline + chart, that wrap into one on a narrow page: flex bases,
        # no fixed widths. The controls column grows to 520 px; the results take the rest.
        self.controls_box = widgets.VBox(list(self.controls.values()), layout=widgets.Layout(
            flex="1 1 320px", min_width="260px", max_width="520px", margin="0 24px 12px 0"))
        self.controls_box.add_class("csat-controls")
        self.results_box = widgets.VBox([self.progress_box, self.tiles, self.headline, self.output], layout=widgets.Layout(
            flex="2 1 460px", min_width="0", max_width="100%"))
        self.results_box.add_class("csat-results")
        panel = widgets.HBox([self.controls_box, self.results_box], layout=widgets.Layout(
            flex_flow="row wrap", align_items="flex-start", width="100%"))
        panel.add_class("csat-panel")
        super().__init__([stylesheet(), self.title, self.note, panel])
        self.add_class("csat-explorer")
        self.add_class("clab-explorer")  # styled by controls.STYLE
        self.add_class(f"csat-explorer-{name}")
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        on_language_change(self._on_language)
        self.relabel()
        self.update()

    def values(self) -> dict[str, Any]:
        """The keyword arguments the model gets now: every control's value (tuples as lists)."""
        out = {}
        for key, control in self.controls.items():
            value = control.value
            out[key] = list(value) if isinstance(value, tuple) else value
        return out

    def set(self, **values: Any) -> None:
        """Set several controls and compute once (for scripts and tests)."""
        self._quiet = True
        try:
            for key, value in values.items():
                if key not in self.controls:
                    raise CsatInputError(f"explorer {self.name!r} has no control {key!r}; "
                                         f"controls are: {', '.join(self.controls)}")
                self.controls[key].value = value
        finally:
            self._quiet = False
        self.update()

    def _changed(self, change: dict) -> None:
        if self._quiet:
            return
        link = self._links.get(id(change["owner"]))
        if link is not None:
            self._quiet = True
            try:
                link(change["new"])
            finally:
                self._quiet = False
        loop = _running_loop()
        if self.debounce <= 0 or loop is None or not getattr(change["owner"], "_csat_debounce", False):
            self.update()
            return
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self.debounce, self.flush)

    def flush(self) -> None:
        """Run a pending debounced update now."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        try:
            self.update()
        except Exception as exc:  # a timer callback has no caller to report to: show it
            self._show_error(f"{type(exc).__name__}: {exc}")

    def update(self) -> None:
        """Call the model with the current controls and redraw."""
        self._pending = None
        self._stale = False
        kwargs = self.values()
        with self._progress(2) as bar:
            try:
                result = self.model(**kwargs)
            except CsatLabError as exc:  # bad input or a model that did not converge: say so in the view
                self._show_error(str(exc))
                return
            bar.update(1)
            try:
                self._draw_result(result)
            except CsatLabError as exc:  # a result the chart cannot draw: say so in the view too
                self._show_error(str(exc))
                return
            bar.update(1)

    def _draw_result(self, result: Any) -> None:
        with _ChartContext():
            rendered = self.render(result)
            bundles = []
            if rendered.figure is not None:
                bundles.append(_png_bundle(rendered.figure))
            if rendered.table is not None:
                bundles.append(_html_bundle(rendered.table))
        self.result, self.error, self.rendered = result, None, rendered
        self._language = get_language()
        self.tiles.value = tiles_html(rendered.tiles)
        self.headline.value = f"<b>{html.escape(rendered.headline)}</b>"
        self.output.outputs = tuple(bundles)
        self.n_updates += 1

    def _show_error(self, message: str) -> None:
        self.result, self.rendered, self.error = None, None, message
        self._language = get_language()
        self.tiles.value = ""
        self.headline.value = (f"<span style='color:#b00020'>"
                               f"{html.escape(label('widgets.error', message=message))}</span>")
        self.output.outputs = ()
        self.n_updates += 1

    def _progress(self, total: int):
        if not self.long_running:
            return _NoBar()
        return _Bar(total, label("widgets.progress.computing"), self._progress_text, self._progress_bar,
                    self.progress_box, self._progress_factory)

    def _on_language(self, _language: str) -> None:
        if self.comm is None:  # closed: nobody sees it any more
            return
        self.relabel()
        if getattr(self, "_language", None) == get_language():
            self._stale = False  # already drawn in this language (the app redraws the open tab first)
        elif self.visible:
            # Recompute rather than redraw: results carry labels made at compute time.
            self.update()
        else:
            # Recomputed by refresh() when shown; switching back before then costs nothing.
            self._stale = getattr(self, "_language", None) != get_language()

    @property
    def stale(self) -> bool:
        """True when the language changed while the explorer was hidden and it has not recomputed since."""
        return self._stale

    def refresh(self) -> None:
        """Recompute if the language changed while the explorer was hidden (the app calls it when a tab opens).

        Examples
        --------
        >>> import csat_lab as cl
        >>> from csat_lab.widgets import churn_explorer
        >>> ex = churn_explorer(); ex.visible = False
        >>> cl.set_language("zh-CN"); ex.stale, ex.title.value
        (True, '<h3>流失率与保持率计算器</h3>')
        >>> ex.visible = True; ex.refresh(); ex.stale
        False
        >>> cl.set_language("en"); ex.close()
        """
        if self._stale:
            self.update()

    def close(self) -> None:
        """Close the view and its controls, dropping any pending update."""
        pending = getattr(self, "_pending", None)  # also reached from __del__ after a failed __init__
        if pending is not None:
            pending.cancel()
            self._pending = None
        for control in getattr(self, "controls", {}).values():
            control.close()
        super().close()

    def relabel(self) -> None:
        """Re-read every caption from the catalog in the current language."""
        self.title.value = f"<h3>{html.escape(label(self.title_key))}</h3>"
        self.note.value = f"<i>{html.escape(label(self.note_key))}</i>" if self.note_key else ""
        self._quiet = True
        try:
            for control in self.controls.values():
                control.description = label(control._csat_key)
                if control._csat_options is not None:
                    labelled = [(text(k), v) for k, v in control._csat_options]
                    if list(control._options_labels) == [t for t, _ in labelled]:
                        continue  # nothing to send to the browser
                    keep = control.value
                    control.options = labelled
                    control.value = keep
        finally:
            self._quiet = False


class _NoBar:
    def __enter__(self) -> "_NoBar":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int = 1) -> None:
        return None


class _Bar:
    """The explorer's own progress bar, shown while an update runs and hidden afterwards, whatever happens.

    A ``factory`` (a tqdm class) is driven alongside, without display, for
    code that counts updates through tqdm.
    """

    def __init__(self, total: int, desc: str, text: widgets.HTML, bar: widgets.IntProgress, box: widgets.Box,
                 factory: Callable[..., Any] | None = None) -> None:
        self.total, self.desc, self.text, self.bar, self.box = total, desc, text, bar, box
        self.n = 0
        self.tqdm = None
        if factory is not None:
            from tqdm.notebook import tqdm_notebook

            extra = {"display": False} if isinstance(factory, type) and issubclass(factory, tqdm_notebook) else {}
            self.tqdm = factory(total=total, desc=desc, leave=False, disable=not extra, **extra)

    def _show(self) -> None:
        self.bar.max, self.bar.value = self.total, self.n
        self.text.value = html.escape(f"{self.desc} {self.n}/{self.total}")

    def __enter__(self) -> "_Bar":
        self._show()
        self.box.layout.display = None
        return self

    def __exit__(self, *exc: object) -> None:
        self.box.layout.display = "none"
        self.bar.value, self.text.value = 0, ""
        if self.tqdm is not None:
            self.tqdm.close()

    def update(self, n: int = 1) -> None:
        self.n += n
        self._show()
        if self.tqdm is not None:
            self.tqdm.update(n)
