"""View of the complaint-handling simulator."""

from __future__ import annotations

from ...i18n import label
from .. import models
from .base import DEBOUNCE_S, Explorer, Rendered, new_figure
from .controls import checkbox

__all__ = ["complaint_simulator"]

_STEPS = ("listen", "feelings", "cause", "requirement", "solution", "thank", "follow_up", "review")
_COLOURS = ("#bbbbbb", "#386cb0", "#1b9e77")


def complaint_simulator(steps: tuple[str, ...] = ("listen", "solution"), *,
                        debounce: float = DEBOUNCE_S) -> Explorer:
    """Tick the handling steps taken and see predicted satisfaction and repurchase (:func:`models.complaint_model`).

    Handling satisfaction by OLS and repurchase by logit on the eight step
    indicators, fitted on the complaints log (Tax, Brown & Chandrashekaran,
    1998).

    Examples
    --------
    >>> ex = complaint_simulator(steps=())
    >>> ex.result.chosen == ex.result.none
    True
    >>> ex.close()
    """
    controls = {step: checkbox(f"complaints.step.{step}", step in steps) for step in _STEPS}
    return Explorer("complaints", "widgets.complaint.title", models.complaint_model, controls, _render,
                    debounce=debounce, note_key="widgets.complaint.steps")


def _render(r: models.ComplaintSimulation) -> Rendered:
    headline = label("widgets.complaint.headline", sat=r.chosen["satisfaction"], rep=r.chosen["repurchase"],
                     sat0=r.none["satisfaction"], rep0=r.none["repurchase"])
    names = [label("widgets.complaint.none"), label("widgets.complaint.chosen"), label("widgets.complaint.all")]
    fig = new_figure(7.2, 3.2)
    for ax, key, axis_key in zip(fig.subplots(1, 2), ("satisfaction", "repurchase"),
                                 ("widgets.complaint.sat_axis", "widgets.complaint.rep_axis")):
        points = [r.none, r.chosen, r.all]
        values = [p[key] for p in points]
        errors = [[v - p[f"{key}_ci"][0] for v, p in zip(values, points)],
                  [p[f"{key}_ci"][1] - v for v, p in zip(values, points)]]
        ax.bar(names, values, yerr=errors, color=_COLOURS, capsize=4)
        ax.set_ylim((1, 5) if key == "satisfaction" else (0, 1))
        ax.set_title(label(axis_key), fontsize="medium")
        ax.tick_params(axis="x", labelsize="small")
    return Rendered(headline, r, fig)
