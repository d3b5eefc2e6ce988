"""View of the complaint-handling simulator."""

from __future__ import annotations

from ...errors import CsatInputError
from ...i18n import label
from ...i18n.numbers import format_number
from .. import models
from .base import DEBOUNCE_S, Explorer, Rendered, Tile, new_figure
from .controls import checkbox

__all__ = ["complaint_simulator"]

_STEPS = ("listen", "feelings", "cause", "requirement", "solution", "thank", "follow_up", "review")


def complaint_simulator(steps: tuple[str, ...] = ("listen", "solution"), *,
                        debounce: float = DEBOUNCE_S) -> Explorer:
    """Tick the handling steps taken and see predicted satisfaction and repurchase (:func:`models.complaint_model`).

    Handling satisfaction by OLS and repurchase by logit on the eight step
    indicators, fitted on the complaints log (Tax, Brown & Chandrashekaran,
    1998). The view draws :func:`csat_lab.plots.complaint_prediction_bars`
    for both outcomes.

    Parameters
    ----------
    steps : tuple of str, default ("listen", "solution")
        The steps ticked at the start, from ``"listen"``, ``"feelings"``,
        ``"cause"``, ``"requirement"``, ``"solution"``, ``"thank"``,
        ``"follow_up"`` and ``"review"``; another name raises
        :class:`~csat_lab.errors.CsatInputError` listing them.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last ComplaintSimulation.

    Examples
    --------
    >>> ex = complaint_simulator(steps=())
    >>> ex.result.chosen == ex.result.none
    True
    >>> ex.close()
    """
    chosen = [steps] if isinstance(steps, str) else list(steps)
    unknown = [s for s in chosen if s not in _STEPS]
    if unknown:
        raise CsatInputError(f"steps must be handling steps from: {', '.join(_STEPS)}; got {unknown}")
    controls = {step: checkbox(f"complaints.step.{step}", step in chosen) for step in _STEPS}
    return Explorer("complaints", "widgets.complaint.title", models.complaint_model, controls, _render,
                    debounce=debounce, note_key="widgets.complaint.steps")


def _render(r: models.ComplaintSimulation) -> Rendered:
    from ...plots import complaint_prediction_bars

    headline = label("widgets.complaint.headline", sat=r.chosen["satisfaction"], rep=r.chosen["repurchase"],
                     sat0=r.none["satisfaction"], rep0=r.none["repurchase"])
    fig = new_figure(7.2, 3.2)
    for ax, outcome in zip(fig.subplots(1, 2), ("satisfaction", "repurchase")):
        complaint_prediction_bars(r, outcome, ax=ax)
    tiles = (Tile(format_number(r.chosen["satisfaction"], "score"), label("widgets.tile.complaint_sat"),
                  label("widgets.tile.no_steps", value=format_number(r.none["satisfaction"], "score"))),
             Tile(format_number(r.chosen["repurchase"], "share", decimals=0), label("widgets.tile.complaint_rep"),
                  label("widgets.tile.no_steps", value=format_number(r.none["repurchase"], "share", decimals=0))))
    return Rendered(headline, r, fig, tiles)
