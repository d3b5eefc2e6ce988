"""Views of the churn, lifetime-value, Pareto and cohort explorers."""

from __future__ import annotations

from ..i18n import label
from . import models
from ._base import DEBOUNCE_S, Explorer, Rendered, float_slider, int_box, int_slider, new_figure, toggles

__all__ = ["churn_explorer", "clv_explorer"]

_GREEN, _GREY, _RED, _BLUE = "#1b9e77", "#999999", "#d95f02", "#386cb0"


def churn_explorer(customers: int = 200, lost: int = 10, period: str = "month", *,
                   debounce: float = DEBOUNCE_S) -> Explorer:
    """Churn and retention with their denominators, monthly <-> annual (:func:`models.churn_model`).

    Examples
    --------
    >>> ex = churn_explorer(customers=400, lost=30)
    >>> ex.result.churn.rate
    0.075
    """
    controls = {
        "customers": int_slider("widgets.churn.customers", customers, 1, 2000),
        "lost": int_slider("widgets.churn.lost", lost, 0, 2000),
        "period": toggles("widgets.churn.period", [("widgets.period.month", "month"),
                                                    ("widgets.period.year", "year")], period),
    }
    return Explorer("churn", "widgets.churn.title", models.churn_model, controls, _render_churn, debounce=debounce)


def _render_churn(r: models.ChurnCalculation) -> Rendered:
    other = label("widgets.period.year" if r.period == "month" else "widgets.period.month")
    headline = label("widgets.churn.headline", lost=r.churn.lost, customers=r.churn.customers, rate=r.churn.rate,
                     retention=r.churn.retention, other=other, converted=r.converted, lifetime=r.expected_lifetime)
    fig = new_figure(6.4, 3.2)
    ax = fig.subplots()
    ax.step(r.survival["period"], r.survival["active"], where="post", color=_BLUE)
    ax.fill_between(r.survival["period"], r.survival["active"], step="post", color=_BLUE, alpha=0.15)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel(label("widgets.churn.axis_periods"))
    ax.set_ylabel(label("widgets.churn.axis_remaining"))
    ax.yaxis.set_major_formatter("{x:.0%}")
    return Rendered(headline, r, fig)


def clv_explorer(margin: float = 100.0, retention: float = 0.8, discount: float = 0.1,
                 acquisition_cost: float = 50.0, gain: float = 0.05, *, debounce: float = DEBOUNCE_S) -> Explorer:
    """Lifetime value and the worth of a retention gain (:func:`models.clv_model`).

    Examples
    --------
    >>> ex = clv_explorer(margin=100, retention=0.8, discount=0.1, acquisition_cost=0)
    >>> round(ex.result.clv.value, 2)
    266.67
    """
    controls = {
        "margin": float_slider("widgets.clv.margin", margin, 0, 1000, 10, ".0f"),
        "retention": float_slider("widgets.clv.retention", retention, 0.05, 0.89, 0.01),
        "discount": float_slider("widgets.clv.discount", discount, 0.0, 0.3, 0.01),
        "acquisition_cost": float_slider("widgets.clv.acquisition", acquisition_cost, 0, 1000, 10, ".0f"),
        "gain": float_slider("widgets.clv.gain", gain, 0.01, 0.10, 0.01),
    }
    return Explorer("clv", "widgets.clv.title", models.clv_model, controls, _render_clv, debounce=debounce)


def _render_clv(r: models.CLVCalculation) -> Rendered:
    change = (r.improved.value - r.clv.value) / abs(r.clv.value) if r.clv.value else float("nan")
    headline = label("widgets.clv.headline", clv=r.clv.value, points=100 * r.gain, clv_up=r.improved.value, change=change)
    fig = new_figure(6.4, 3.2)
    ax = fig.subplots()
    ax.plot(r.curve["retention"], r.curve["clv"], color=_GREY)
    ax.plot([r.clv.retention], [r.clv.value], "o", color=_RED, label=label("widgets.clv.now"))
    ax.plot([r.improved.retention], [r.improved.value], "o", color=_GREEN, label=label("widgets.clv.after"))
    ax.set_xlabel(label("widgets.clv.retention"))
    ax.set_ylabel(label("widgets.clv.axis"))
    ax.xaxis.set_major_formatter("{x:.0%}")
    ax.legend(loc="upper left", frameon=False)
    return Rendered(headline, r, fig)
