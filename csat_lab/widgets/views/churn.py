"""Views of the churn, lifetime-value, Pareto and cohort explorers."""

from __future__ import annotations

from ...i18n import label
from ...i18n.numbers import format_number
from .. import models
from .base import DEBOUNCE_S, Explorer, Rendered, Tile, new_figure
from .controls import dropdown, float_slider, int_slider, toggles

__all__ = ["churn_explorer", "clv_explorer", "pareto_explorer", "cohort_explorer"]


def churn_explorer(customers: int = 200, lost: int = 10, period: str = "month", *,
                   debounce: float = DEBOUNCE_S) -> Explorer:
    """Churn and retention with their denominators, monthly <-> annual (:func:`models.churn_model`).

    ``churn = lost / customers``, ``retention = 1 - churn``; a monthly rate
    ``m`` is ``1 - (1 - m)^12`` a year at a constant rate (Fader & Hardie,
    2007), and the expected lifetime is ``1 / churn`` periods (Gupta &
    Lehmann, 2003). The view draws :func:`csat_lab.plots.retention_curve`.

    Parameters
    ----------
    customers : int, default 200
        Starting number of customers at the start of the period (slider 1-2000).
    lost : int, default 10
        Starting number of them lost in the period (slider 0-2000).
    period : {"month", "year"}, default "month"
        Starting period of the counts.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last ChurnCalculation.

    Examples
    --------
    >>> ex = churn_explorer(customers=400, lost=30)
    >>> ex.result.churn.rate
    0.075
    >>> ex.close()
    """
    controls = {
        "customers": int_slider("widgets.churn.customers", customers, 1, 2000),
        "lost": int_slider("widgets.churn.lost", lost, 0, 2000),
        "period": toggles("widgets.churn.period", [("widgets.period.month", "month"),
                                                    ("widgets.period.year", "year")], period),
    }
    return Explorer("churn", "widgets.churn.title", models.churn_model, controls, _render_churn, debounce=debounce)


def _render_churn(r: models.ChurnCalculation) -> Rendered:
    from ...plots import retention_curve

    other = label("widgets.period.year" if r.period == "month" else "widgets.period.month")
    headline = label("widgets.churn.headline", lost=r.churn.lost, customers=r.churn.customers, rate=r.churn.rate,
                     retention=r.churn.retention, other=other, converted=r.converted, lifetime=r.expected_lifetime)
    fig = new_figure(6.4, 3.2)
    retention_curve(r, ax=fig.subplots())
    unit, other_unit = ("M", "Y") if r.period == "month" else ("Y", "M")
    fraction = f"{format_number(r.churn.lost, 'count')} / {format_number(r.churn.customers, 'count')}"
    lifetime = label(f"widgets.tile.{r.period}s", value=format_number(r.expected_lifetime, "number:1"))
    tiles = (Tile(format_number(r.churn.rate, "share"), label("widgets.tile.churn", period=label(f"value.period.{unit}")),
                  fraction),
             Tile(format_number(r.churn.retention, "share"),
                  label("widgets.tile.retention", period=label(f"value.period.{unit}"))),
             Tile(format_number(r.converted, "share"),
                  label("widgets.tile.converted", period=label(f"value.period.{other_unit}"))),
             Tile(lifetime, label("widgets.tile.lifetime")))
    return Rendered(headline, r, fig, tiles)


def clv_explorer(margin: float = 100.0, retention: float = 0.8, discount: float = 0.1,
                 acquisition_cost: float = 50.0, gain: float = 0.05, *, debounce: float = DEBOUNCE_S) -> Explorer:
    """Lifetime value and the worth of a retention gain (:func:`models.clv_model`).

    ``CLV = m / (1 + d - r) - AC`` at retention ``r`` and ``r + gain``, in the
    course's timing (the first year's margin counted in full; Gupta & Lehmann's
    2003 convention, ``m r / (1 + d - r)``, multiplies every year by ``r``), and
    the profit effect of the gain on a customer base
    (Reichheld & Sasser, 1990). The view draws :func:`csat_lab.plots.clv_retention_curve`.

    Parameters
    ----------
    margin : float, default 100.0
        Starting margin per customer and period (slider 0-1000).
    retention : float, default 0.8
        Starting retention rate per period (slider 0.05-0.89).
    discount : float, default 0.1
        Starting discount rate per period (slider 0-0.3).
    acquisition_cost : float, default 50.0
        Starting acquisition cost (slider 0-1000).
    gain : float, default 0.05
        Starting retention gain (slider 0.01-0.10).
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last CLVCalculation.

    Examples
    --------
    >>> ex = clv_explorer(margin=100, retention=0.8, discount=0.1, acquisition_cost=0)
    >>> round(ex.result.clv.value, 2)  # 100 / (1 + 0.1 - 0.8)
    333.33
    >>> ex.close()
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
    from ...plots import clv_retention_curve

    change = (r.improved.value - r.clv.value) / abs(r.clv.value) if r.clv.value else float("nan")
    headline = label("widgets.clv.headline", clv=r.clv.value, points=100 * r.gain, clv_up=r.improved.value, change=change)
    fig = new_figure(6.4, 3.2)
    clv_retention_curve(r, ax=fig.subplots())
    points = format_number(r.gain, "pp", decimals=0).lstrip("+")
    tiles = (Tile(format_number(r.clv.value, "money"), label("widgets.tile.clv_now")),
             Tile(format_number(r.improved.value, "money"), label("widgets.tile.clv_after", points=points),
                  label("widgets.tile.vs_now", change=format_number(change, "share", decimals=0, sign=True))),
             Tile(format_number(r.economics.profit_increase, "share", decimals=0, sign=True),
                  label("widgets.tile.profit_5y")))
    return Rendered(headline, r, fig, tiles)


def pareto_explorer(dataset: str = "supermarket_members", top: float = 0.2, *,
                    debounce: float = DEBOUNCE_S) -> Explorer:
    """The 80/20 rule on a transaction log: Lorenz and Pareto curves (:func:`models.pareto_model`).

    ``top_share = 1 - L(1 - top)`` on the Lorenz curve ``L`` of customer value
    (Lorenz, 1905) and ``G = 2 sum_i i x_(i) / (n sum x) - (n + 1) / n``
    (Gini, 1912). The view draws :func:`csat_lab.plots.lorenz_curve` and
    :func:`csat_lab.plots.pareto_curve`.

    Parameters
    ----------
    dataset : str, default "supermarket_members"
        Starting transaction log, one of :data:`models.VALUE_SOURCES`.
    top : float, default 0.2
        Starting share of top customers (slider 5%-50%).
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last ParetoResult.

    Examples
    --------
    >>> ex = pareto_explorer(top=0.2)
    >>> 0.5 < ex.result.top_share < 0.9
    True
    >>> ex.close()
    """
    controls = {
        "dataset": dropdown("widgets.pareto.source", [(d, d) for d in models.VALUE_SOURCES],  # shown by display name
                            dataset),
        "top": float_slider("widgets.pareto.top", top, 0.05, 0.5, 0.05, ".0%"),
    }
    return Explorer("pareto", "widgets.pareto.title", models.pareto_model, controls, _render_pareto,
                    debounce=debounce, long_running=True)


def _render_pareto(r) -> Rendered:
    from ...plots import lorenz_curve, pareto_curve

    headline = label("widgets.pareto.headline", top=r.top, share=r.top_share, gini=r.gini)
    fig = new_figure(8.0, 3.6)
    left, right = fig.subplots(1, 2)
    lorenz_curve(r, ax=left)
    pareto_curve(r, ax=right)  # the Lorenz curve read from the largest customers down
    tiles = (Tile(format_number(r.top_share, "share"),
                  label("widgets.tile.top_share", top=format_number(r.top, "share", decimals=0))),
             Tile(format_number(r.gini, "coef:2"), label("widgets.tile.gini")),
             Tile(format_number(r.customers_for_80, "share"), label("widgets.tile.for_80")))
    return Rendered(headline, r, fig, tiles)


def cohort_explorer(store: str = "all", programme: str = "all", period: str = "M", *,
                    debounce: float = DEBOUNCE_S) -> Explorer:
    """Cohort retention heatmap of the supermarket members with filters (:func:`models.cohort_model`).

    ``rate[c, k]`` = share of the customers first buying in period ``c`` who
    buy again in period ``c + k`` (Fader & Hardie, 2010). The view draws
    :func:`csat_lab.plots.cohort_heatmap`.

    Parameters
    ----------
    store : str, default "all"
        Starting store filter: ``"all"``, ``"central"``, ``"north"`` or ``"east"``.
    programme : str, default "all"
        Starting programme phase: ``"all"``, ``"before"`` or ``"after"``.
    period : {"M", "Q"}, default "M"
        Starting cohort period: month or quarter.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last CohortResult.

    Examples
    --------
    >>> ex = cohort_explorer(store="east")
    >>> ex.result.period
    'M'
    >>> ex.close()
    """
    controls = {
        "store": dropdown("widgets.cohort.store", [("widgets.all", "all"), *[(f"widgets.store.{s}", s) for s in
                                                                          ("central", "north", "east")]], store),
        "programme": dropdown("widgets.cohort.programme", [("widgets.all", "all"), ("widgets.programme.before", "before"),
                                                           ("widgets.programme.after", "after")], programme),
        "period": toggles("widgets.cohort.period", [("widgets.period.M", "M"), ("widgets.period.Q", "Q")], period),
    }
    return Explorer("cohort", "widgets.cohort.title", models.cohort_model, controls, _render_cohort,
                    debounce=debounce, long_running=True)


def _render_cohort(r) -> Rendered:
    from ...plots import cohort_heatmap

    after_one = r.rates[1].mean() if r.rates.shape[1] > 1 else float("nan")
    headline = label("widgets.cohort.headline", cohorts=len(r.sizes), customers=r.n_customers, first=after_one)
    fig = new_figure(7.2, 5.0)
    cohort_heatmap(r, ax=fig.subplots(), annotate=False)
    tiles = (Tile(format_number(len(r.sizes), "count"), label("widgets.tile.cohorts")),
             Tile(format_number(r.n_customers, "count"), label("widgets.tile.customers")),
             Tile(format_number(after_one, "share"), label("widgets.tile.after_one")))
    return Rendered(headline, r, fig, tiles)
