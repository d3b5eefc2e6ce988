"""Views of the survey explorers: NPS, NPS change, disconfirmation, sample size, Kano."""

from __future__ import annotations

from ...errors import CsatInputError
from ...i18n import display_name, label
from ...i18n.numbers import format_number
from .. import models
from .base import DEBOUNCE_S, Explorer, Rendered, Tile, ci_detail, new_figure
from .controls import dropdown, float_slider, int_box, int_slider

__all__ = ["nps_explorer", "nps_difference_explorer", "disconfirmation_explorer", "sample_size_explorer", "kano_explorer"]

_CI_LEVELS = [("90%", 0.90), ("95%", 0.95), ("99%", 0.99)]


def _ci_control(value: float) -> object:
    return dropdown("widgets.ci_level", _CI_LEVELS, value)


def nps_explorer(promoters: int = 50, passives: int = 30, detractors: int = 20, ci: float = 0.95, *,
                 debounce: float = DEBOUNCE_S) -> Explorer:
    """NPS with its confidence interval from category counts (:func:`models.nps_model`).

    Parameters
    ----------
    promoters : int, default 50
        Starting number of answers 9-10 (slider 0-1000).
    passives : int, default 30
        Starting number of answers 7-8 (slider 0-1000).
    detractors : int, default 20
        Starting number of answers 0-6 (slider 0-1000).
    ci : float, default 0.95
        Starting confidence level: 0.90, 0.95 or 0.99.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last NPSResult.

    Notes
    -----
    ``NPS = 100 (P - D) / n`` with ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``
    (Reichheld, 2003); the view draws :func:`csat_lab.plots.nps_share_strip`
    and :func:`csat_lab.plots.nps_interval_chart`.

    Examples
    --------
    >>> ex = nps_explorer(50, 30, 20)
    >>> ex.result.score
    30.0
    >>> ex.close()
    """
    controls = {
        "promoters": int_slider("widgets.nps.promoters", promoters, 0, 1000),
        "passives": int_slider("widgets.nps.passives", passives, 0, 1000),
        "detractors": int_slider("widgets.nps.detractors", detractors, 0, 1000),
        "ci": _ci_control(ci),
    }
    return Explorer("nps", "widgets.nps.title", models.nps_model, controls, _render_nps, debounce=debounce)


def _render_nps(r) -> Rendered:
    from ...plots import nps_interval_chart, nps_share_strip

    headline = label("widgets.nps.headline", score=r.score, level=r.ci_level, low=r.ci[0], high=r.ci[1], n=r.n)
    fig = new_figure(6.4, 2.8)
    left, right = fig.subplots(1, 2, width_ratios=[3, 2])
    nps_share_strip(r, ax=left)
    nps_interval_chart(r, ax=right)
    tiles = (Tile(format_number(r.score, "score:1", sign=True), label("metrics.nps"),
                  ci_detail(r.ci_level, r.ci, "score:1")),
             Tile(format_number(r.n, "count"), label("widgets.tile.n")))
    return Rendered(headline, r, fig, tiles)


def nps_difference_explorer(wave1: tuple[int, int, int] = (40, 30, 30), wave2: tuple[int, int, int] = (50, 30, 20),
                            ci: float = 0.95, *, debounce: float = DEBOUNCE_S) -> Explorer:
    """Change in NPS between two waves with its CI (:func:`models.nps_difference_model`).

    Parameters
    ----------
    wave1, wave2 : tuple of int
        Starting counts ``(promoters, passives, detractors)`` of each wave (sliders 0-1000).
    ci : float, default 0.95
        Starting confidence level: 0.90, 0.95 or 0.99.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last NPSDifference.

    Notes
    -----
    ``d = NPS_2 - NPS_1`` with ``se = sqrt(se_1^2 + se_2^2)`` for independent
    waves (Rocks, 2016); the view draws :func:`csat_lab.plots.nps_interval_chart`.

    Examples
    --------
    >>> ex = nps_difference_explorer((40, 30, 30), (50, 30, 20))
    >>> round(ex.result.difference, 1)
    20.0
    >>> ex.close()
    """
    controls = {}
    for i, counts in ((1, wave1), (2, wave2)):
        if isinstance(counts, (str, bytes)) or not hasattr(counts, "__len__") or len(counts) != 3:
            raise CsatInputError(f"wave{i} must be three counts (promoters, passives, detractors), got {counts!r}")
        for part, value in zip(("promoters", "passives", "detractors"), counts):
            controls[f"{part}{i}"] = int_slider(f"widgets.nps_diff.{part}{i}", value, 0, 1000)
    controls["ci"] = _ci_control(ci)
    return Explorer("nps_difference", "widgets.nps_diff.title", models.nps_difference_model, controls,
                    _render_difference, debounce=debounce)


def _render_difference(r: models.NPSDifference) -> Rendered:
    from ...plots import nps_interval_chart

    c = r.comparison
    headline = label("widgets.nps_diff.headline", diff=c.difference, level=c.ci_level, low=c.ci[0], high=c.ci[1])
    fig = new_figure(6.4, 2.6)
    nps_interval_chart(r, ax=fig.subplots())
    tiles = (Tile(format_number(r.wave1.score, "score:1", sign=True), label("widgets.wave1"),
                  ci_detail(r.wave1.ci_level, r.wave1.ci, "score:1")),
             Tile(format_number(r.wave2.score, "score:1", sign=True), label("widgets.wave2"),
                  ci_detail(r.wave2.ci_level, r.wave2.ci, "score:1")),
             Tile(format_number(c.difference, "score:1", sign=True), label("widgets.tile.nps_change"),
                  ci_detail(c.ci_level, c.ci, "score:1")))
    return Rendered(headline, r, fig, tiles)


def disconfirmation_explorer(expectation: int = 4, perception: int = 3, tolerance: float = 0.0,
                             performance_weight: float = 0.4, *, debounce: float = DEBOUNCE_S) -> Explorer:
    """Expectation vs perception -> the two parts of satisfaction and its level (:func:`models.disconfirmation_model`).

    Parameters
    ----------
    expectation : int, default 4
        Starting expected rating, 1-5.
    perception : int, default 3
        Starting experienced rating, 1-5.
    tolerance : float, default 0.0
        Starting zone of tolerance, 0-1.5: gaps within it count as confirmation.
    performance_weight : float, default 0.4
        Starting weight of the perceived performance beside the gap, 0-1 in
        steps of 0.1: 0 lets the gap alone set the level, 1 performance alone.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last DisconfirmationResult.

    Notes
    -----
    The gap ``perception - expectation`` gives the disconfirmation part
    ``D`` (Oliver, 1980); the perception itself is the performance part
    ``Q`` (Churchill & Surprenant, 1982); the level is
    ``(1 - w) D + w Q`` rounded to the nearest level. The headline writes out
    both parts and their weighted sum, the table under it lists them, and
    the view draws the two ratings (:func:`csat_lab.plots.disconfirmation_bars`).

    Examples
    --------
    >>> ex = disconfirmation_explorer(expectation=4, perception=5)
    >>> ex.result.level
    5
    >>> ex.set(expectation=1, perception=1)  # met, but at the bottom: 0.6 x 4 + 0.4 x 1 = 2.8
    >>> ex.result.level
    3
    >>> ex.close()
    """
    controls = {
        "expectation": int_slider("widgets.disc.expectation", expectation, 1, 5),
        "perception": int_slider("widgets.disc.perception", perception, 1, 5),
        "tolerance": float_slider("widgets.disc.tolerance", tolerance, 0.0, 1.5, 0.5, ".1f"),
        "performance_weight": float_slider("widgets.disc.performance_weight", performance_weight, 0.0, 1.0, 0.1,
                                           ".1f"),
    }
    return Explorer("disconfirmation", "widgets.disc.title", models.disconfirmation_model, controls,
                    _render_disconfirmation, debounce=debounce)


def _render_disconfirmation(r) -> Rendered:
    from ...plots import disconfirmation_bars

    # The headline names both parts and their weighted sum; the result table below it lists them again.
    level = label(f"scale.satisfaction5.{r.level}")
    w = r.performance_weight
    headline = label("widgets.disc.headline_parts", gap=r.gap, gap_part=r.gap_part, perf=r.performance_part,
                     w_gap=1 - w, w=w, score=r.score, level=level)
    fig = new_figure(5.2, 2.8)
    disconfirmation_bars(r, ax=fig.subplots())
    tiles = (Tile(format_number(r.gap, "score:0", sign=True), label("widgets.tile.gap")),
             Tile(format_number(r.score, "score"), label("widgets.tile.score")),
             Tile(level, label("widgets.tile.level")))
    return Rendered(headline, r, fig, tiles)


def sample_size_explorer(moe: float = 0.05, ci: float = 0.95, p: float = 0.5, population: int = 0,
                         change: float = 0.05, *, debounce: float = DEBOUNCE_S) -> Explorer:
    """Sample size, margin of error and power (:func:`models.sample_size_model`).

    Parameters
    ----------
    moe : float, default 0.05
        Starting margin of error wanted (slider 1%-10%).
    ci : float, default 0.95
        Starting confidence level: 0.90, 0.95 or 0.99.
    p : float, default 0.5
        Starting expected proportion (slider 5%-95%).
    population : int, default 0
        Starting population size; 0 for an infinite population.
    change : float, default 0.05
        Starting change in the proportion whose power is shown (slider 1%-20%).
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last SampleSizePlan.

    Notes
    -----
    ``n0 = z^2 p (1 - p) / moe^2`` with the finite population correction
    (Cochran, 1977); the power to detect a change uses Cohen's (1988) ``h``.
    The view draws :func:`csat_lab.plots.margin_of_error_curve`.

    Examples
    --------
    >>> ex = sample_size_explorer(moe=0.03)
    >>> ex.result.n
    1068
    >>> ex.close()
    """
    controls = {
        "moe": float_slider("widgets.sample.moe", moe, 0.01, 0.10, 0.005, ".1%"),
        "ci": _ci_control(ci),
        "p": float_slider("widgets.sample.p", p, 0.05, 0.95, 0.05, ".0%"),
        "population": int_box("widgets.sample.population", population, 0, 10_000_000),
        "change": float_slider("widgets.sample.change", change, 0.01, 0.20, 0.01, ".0%"),
    }
    return Explorer("sample_size", "widgets.sample.title", models.sample_size_model, controls, _render_sample,
                    debounce=debounce)


def _render_sample(r: models.SampleSizePlan) -> Rendered:
    from ...plots import margin_of_error_curve

    headline = label("widgets.sample.headline", n=r.n, moe=r.moe, change=r.change, power=r.power)
    fig = new_figure(6.4, 3.2)
    margin_of_error_curve(r, ax=fig.subplots())
    change = format_number(r.change, "pp", decimals=0).lstrip("+")
    tiles = (Tile(format_number(r.n, "count"), label("widgets.tile.sample_n")),
             Tile("±" + format_number(r.moe, "share"), label("widgets.tile.moe")),
             Tile(format_number(r.power, "share", decimals=0), label("widgets.tile.power", change=change)))
    return Rendered(headline, r, fig, tiles)


def kano_explorer(feature: str = "free_wifi", functional: int = 1, dysfunctional: int = 5, *,
                  debounce: float = DEBOUNCE_S) -> Explorer:
    """Kano category of an answer pair and of a surveyed hotel feature (:func:`models.kano_model`).

    Parameters
    ----------
    feature : str, default "free_wifi"
        Starting feature of the ``kano_features`` dataset.
    functional : int, default 1
        Starting answer to the functional question, 1 (like it) to 5 (dislike it).
    dysfunctional : int, default 5
        Starting answer to the dysfunctional question, same scale.
    debounce : float, default DEBOUNCE_S
        Seconds a slider must rest before the model runs again; 0 computes at once.

    Returns
    -------
    Explorer
        The view (an ipywidgets VBox); ``result`` holds the last KanoCalculation.

    Notes
    -----
    The pair is read off Kano's evaluation table (Kano et al., 1984); the
    feature's ``Better = (A + O) / (A + O + M + I)`` and
    ``Worse = -(O + M) / (A + O + M + I)`` (Berger et al., 1993). The view
    draws :func:`csat_lab.plots.kano_chart` with the feature ringed.

    Examples
    --------
    >>> ex = kano_explorer(functional=2, dysfunctional=5)
    >>> ex.result.answer
    'M'
    >>> ex.close()
    """
    features = models.kano_model().table.index
    answers = [(f"scale.kano5.{code}", code) for code in range(1, 6)]
    controls = {
        "feature": dropdown("widgets.kano.feature", [(str(f), str(f)) for f in features], feature),  # display names
        "functional": dropdown("widgets.kano.functional", answers, functional),
        "dysfunctional": dropdown("widgets.kano.dysfunctional", answers, dysfunctional),
    }
    return Explorer("kano", "widgets.kano.title", models.kano_model, controls, _render_kano, debounce=debounce)


def _render_kano(r: models.KanoCalculation) -> Rendered:
    from ...plots import kano_chart

    headline = label("widgets.kano.headline", answer=label(f"survey.kano.{r.answer}"),
                     category=label(f"survey.kano.{r.category}"), better=r.better, worse=r.worse)
    fig = new_figure(5.6, 5.0)
    kano_chart(r, highlight=r.feature, ax=fig.subplots())  # as r.plot() draws it
    tiles = (Tile(label(f"survey.kano.{r.answer}"), label("widgets.tile.kano_pair")),
             Tile(label(f"survey.kano.{r.category}"), label("widgets.tile.kano_feature", feature=display_name(r.feature))),
             Tile(format_number(r.better, "coef:2", sign=True), label("widgets.tile.better")),
             Tile(format_number(r.worse, "coef:2", sign=True), label("widgets.tile.worse")))
    return Rendered(headline, r, fig, tiles)
