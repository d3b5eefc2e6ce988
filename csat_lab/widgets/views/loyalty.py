"""Views of the loyalty explorers: the satisfaction -> loyalty curve and key drivers / IPA."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._core.deprecation import renamed
from ...errors import CsatInputError
from ...i18n import display_name, label
from ...i18n.numbers import format_number, format_table
from .. import models
from .base import DEBOUNCE_S, Explorer, Rendered, Tile, ci_detail, new_figure
from .controls import dropdown, float_slider, multi_select, set_options, toggles

if TYPE_CHECKING:
    from ...loyalty import TheoreticalCurve

__all__ = ["loyalty_curve_explorer", "key_driver_explorer"]


def _dataset_options(names) -> list[tuple[str, str]]:
    # Identifiers as option texts: the controls show their display names (datasets' schemas).
    return [(name, name) for name in names]


def _variable_options(columns) -> list[tuple[str, str]]:
    return [(c, c) for c in columns]


def loyalty_curve_explorer(dataset: str = "auto_dealer", loyalty: str = "repurchase", kind: str = "ols", *,
                           source: str = "data", competition: float = 1.0, top_ratio: float = 6.0,
                           debounce: float = DEBOUNCE_S) -> Explorer:
    """Loyalty by satisfaction level with the zones and the top-box ratio (:func:`models.loyalty_curve_model`).

    The curve comes from survey data (``source="data"``, the default):
    ``E[loyalty | satisfaction = k]`` at each level, tagged with the zones of
    defection, indifference and affection (Jones & Sasser, 1995), and the
    ratio ``loyalty(top box) / loyalty(second box)`` with a log-scale CI (Katz
    et al., 1978); or it is chosen (``source="curve"``) with two sliders,
    competition and the top-box ratio, through
    :func:`csat_lab.loyalty.theoretical_curve`. Only the controls of the
    chosen source are shown. The view draws
    :func:`csat_lab.plots.loyalty_curve_plot` (data) or
    :func:`csat_lab.plots.theoretical_curve_plot` (chosen curve).

    Parameters
    ----------
    dataset : str, default "auto_dealer"
        Starting dataset, one of :data:`models.LOYALTY_SOURCES`.
    loyalty : str, default "repurchase"
        Starting loyalty measure of that dataset.
    kind : {"ols", "logit", "ordinal"}, default "ols"
        Starting regression.
    source : {"data", "curve"}, default "data"
        Start with the fitted curve or the chosen one.
    competition : float, default 1.0
        Starting competition of the chosen curve, 0-1.
    top_ratio : float, default 6.0
        Starting top-box ratio of the chosen curve, 1-8.5.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last
        :class:`~csat_lab.widgets.models.LoyaltyCurve` or
        :class:`~csat_lab.loyalty.TheoreticalCurve`.

    References
    ----------
    Jones, T. O., & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.

    Examples
    --------
    >>> ex = loyalty_curve_explorer(kind="logit")
    >>> ex.result.curve["zone"].iloc[-1]
    'affection'
    >>> ex.set(source="curve", competition=0.0)
    >>> ex.result.curve["estimate"].round(2).tolist()
    [0.9, 0.9, 0.9, 0.9, 0.9]
    >>> ex.close()
    """
    _known(dataset, models.LOYALTY_SOURCES)
    origin = toggles("widgets.loyalty.curve_source",
                     [(f"widgets.loyalty.from.{s}", s) for s in models.CURVE_SOURCES], source)
    survey = dropdown("widgets.loyalty.source", _dataset_options(models.LOYALTY_SOURCES), dataset)
    measure = dropdown("widgets.loyalty.measure", _variable_options(models.LOYALTY_SOURCES[dataset][1]), loyalty)

    def follow(name: str) -> None:
        set_options(measure, _variable_options(models.LOYALTY_SOURCES[name][1]))

    kinds = toggles("widgets.loyalty.kind", [(f"widgets.kind.{k}", k) for k in ("ols", "logit", "ordinal")], kind)
    market = float_slider("widgets.loyalty.competition", competition, 0.0, 1.0, 0.05)
    # Floor 0.1 and ceiling 0.9 cap the reachable ratio below 9.
    ratio = float_slider("widgets.loyalty.top_ratio", top_ratio, 1.0, 8.5, 0.5, fmt=".1f")
    by_source = {"data": (survey, measure, kinds), "curve": (market, ratio)}

    def show(chosen: str) -> None:
        for name, group in by_source.items():
            for control in group:
                control.layout.display = None if name == chosen else "none"

    show(source)
    controls = {"source": origin, "dataset": survey, "loyalty": measure, "kind": kinds,
                "competition": market, "top_ratio": ratio}
    return Explorer("loyalty_curve", "widgets.loyalty.title", models.loyalty_curve_model, controls,
                    _render_loyalty, debounce=debounce, long_running=True, links={"dataset": follow, "source": show})


def _known(dataset: object, sources: dict) -> None:
    """The start dataset is one the explorer offers, or an input error listing them."""
    if not isinstance(dataset, str) or dataset not in sources:
        raise CsatInputError(f"dataset must be one of: {', '.join(sources)}; got {dataset!r}")


def _render_loyalty(r: models.LoyaltyCurve | TheoreticalCurve) -> Rendered:
    from ...plots import loyalty_curve_plot, theoretical_curve_plot

    fig = new_figure(6.4, 3.8)
    if isinstance(r, models.LoyaltyCurve):
        q = r.ratio
        headline = label("widgets.loyalty.headline", ratio=q.ratio, level=q.ci_level, low=q.ci[0], high=q.ci[1])
        loyalty_curve_plot(r, ax=fig.subplots())  # as r.plot() draws it
        tiles = (Tile(format_number(q.ratio, "ratio"), label("widgets.tile.loyalty_ratio"),
                      ci_detail(q.ci_level, q.ci, "ratio")),
                 Tile(format_number(q.n, "count"), label("widgets.tile.n")))
    else:
        headline = label("widgets.loyalty.curve_headline", competition=r.competition, ratio=r.ratio)
        # A fixed probability axis, so moving competition visibly flattens the curve instead of rescaling it.
        theoretical_curve_plot(r, ax=fig.subplots())
        tiles = (Tile(format_number(r.ratio, "ratio"), label("widgets.tile.loyalty_ratio")),
                 Tile(format_number(r.competition, "coef:2"), label("widgets.tile.competition")))
    return Rendered(headline, r, fig, tiles)


@renamed(method="importance")
def key_driver_explorer(dataset: str = "hotel_guests", outcome: str | None = None,
                        drivers: list[str] | None = None, importance: str = "shapley", *,
                        debounce: float = DEBOUNCE_S) -> Explorer:
    """Driver importance against performance, in the four IPA quadrants (:func:`models.key_driver_model`).

    Parameters
    ----------
    dataset : str, default "hotel_guests"
        Starting dataset, one of :data:`models.DRIVER_SOURCES`.
    outcome : str, optional
        Starting outcome column; the dataset's first outcome by default.
    drivers : list of str, optional
        Starting drivers; the dataset's first six ratings by default.
    importance : {"shapley", "relative_weights", "correlation"}, default "shapley"
        Starting importance measure. (``method=`` is its deprecated old name.)
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last
        :func:`csat_lab.loyalty.ipa` result (read like a DataFrame).

    Notes
    -----
    Importance is each driver's share of R^2 (Lipovetsky & Conklin, 2001, or
    Johnson's 2000 relative weights), performance its mean rating; the map
    is Martilla & James's (1977) importance-performance analysis, drawn by
    :func:`csat_lab.plots.ipa_plot`.

    Examples
    --------
    >>> ex = key_driver_explorer()
    >>> sorted(set(ex.result["quadrant"])) <= ["concentrate", "keep_up", "low_priority", "overkill"]
    True
    >>> ex.close()
    """
    _known(dataset, models.DRIVER_SOURCES)
    outcomes, ratings = models.DRIVER_SOURCES[dataset]
    source = dropdown("widgets.drivers.dataset", _dataset_options(models.DRIVER_SOURCES), dataset)
    target = dropdown("widgets.drivers.outcome", _variable_options(outcomes), outcome or outcomes[0])
    chosen = multi_select("widgets.drivers.drivers", [(c, c) for c in ratings], drivers or ratings[:6])

    def follow(name: str) -> None:
        new_outcomes, new_ratings = models.DRIVER_SOURCES[name]
        set_options(target, _variable_options(new_outcomes))
        set_options(chosen, [(c, c) for c in new_ratings], new_ratings[:6])

    methods = toggles("widgets.drivers.method",
                      [(f"widgets.method.{m}", m) for m in ("shapley", "relative_weights", "correlation")], importance)
    controls = {"dataset": source, "outcome": target, "drivers": chosen, "importance": methods}
    return Explorer("key_drivers", "widgets.drivers.title", models.key_driver_model, controls, _render_drivers,
                    debounce=debounce, long_running=True, links={"dataset": follow})


def _render_drivers(result) -> Rendered:
    from ...plots import ipa_plot

    table = getattr(result, "table", result)
    top = table["importance"].idxmax()
    fix = [display_name(d) for d in table.index[table["quadrant"] == "concentrate"]]
    headline = label("widgets.drivers.headline", top=display_name(top), share=table.loc[top, "importance"],
                     fix=", ".join(fix) or label("widgets.drivers.none"))
    fig = new_figure(6.4, 4.2)
    ipa_plot(result, ax=fig.subplots())
    shown = table[["importance", "performance", "quadrant_label"]].rename(columns={
        "importance": label("widgets.drivers.importance"), "performance": label("widgets.drivers.performance"),
        "quadrant_label": label("widgets.drivers.quadrant")})
    shown.index = [display_name(d) for d in shown.index]  # the drivers by their display names
    # Importance as a percent of R², performance as a mean score (the number-formatting layer, not "%.4g").
    shown = format_table(shown, {label("widgets.drivers.importance"): "share",
                                 label("widgets.drivers.performance"): "score"})
    tiles = (Tile(display_name(top), label("widgets.tile.top_driver"),
                  label("widgets.tile.explained", share=format_number(table.loc[top, "importance"], "share", decimals=0))),
             Tile(format_number(len(fix), "count"), label("widgets.tile.fix_first"),
                  ", ".join(fix) or label("widgets.tile.fix_none")))
    return Rendered(headline, shown, fig, tiles)
