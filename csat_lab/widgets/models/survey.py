"""Model functions of the survey explorers: NPS, NPS change, disconfirmation, sample size, Kano."""

from __future__ import annotations

import dataclasses
import functools
import warnings
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._core.results import Result
from ..._core.validate import head_count
from ...errors import CsatInputError
from ...i18n import Message, display_name, label
from .data import dataset as _dataset

if TYPE_CHECKING:
    from ...metrics import NPSResult
    from ...survey import DisconfirmationResult




def nps_model(promoters: int, passives: int, detractors: int, ci: float = 0.95) -> NPSResult:
    """NPS with its confidence interval from the three category counts (the NPS explorer's model).

    Parameters
    ----------
    promoters : int
        Number of answers 9-10.
    passives : int
        Number of answers 7-8.
    detractors : int
        Number of answers 0-6. Each count must be a non-negative whole number
        (fractions, text and booleans raise
        :class:`~csat_lab.errors.CsatInputError` naming the count).
    ci : float, default 0.95
        Confidence level of the interval, strictly between 0 and 1.

    Returns
    -------
    NPSResult
        The result of :func:`csat_lab.metrics.nps_from_counts`: ``score``
        (= ``estimate``), ``ci``, ``ci_level``, ``ci_method``, ``n`` and the
        category counts and shares; ``plot()`` draws it.

    Notes
    -----
    ``NPS = 100 (P - D) / n`` (Reichheld, 2003), with the interval of
    :func:`csat_lab.metrics.nps_from_counts` (its default method, named in
    ``ci_method``); the Wald standard error is
    ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)`` (Rocks, 2016).

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. Harvard
    Business Review, 81(12), 46-54.

    Rocks, B. (2016). Interval estimation for the "net promoter score".
    The American Statistician, 70(4), 365-372.

    Examples
    --------
    >>> r = nps_model(50, 30, 20)
    >>> r.score, r.n
    (30.0, 100)
    """
    from ...metrics import nps_from_counts

    return nps_from_counts(head_count(promoters, "promoters"), head_count(passives, "passives"),
                           head_count(detractors, "detractors"), ci=ci)


@dataclasses.dataclass(frozen=True)
class NPSDifference(Result):
    """Two waves' NPS and the change from wave 1 to wave 2 with its CI.

    Attributes
    ----------
    wave1 : NPSResult
        NPS of the first wave, with its own interval.
    wave2 : NPSResult
        NPS of the second wave, with its own interval.
    comparison : Result
        The result of :func:`csat_lab.metrics.compare_nps` (wave 2 against
        wave 1): ``difference``, ``ci``, ``ci_level``, ``ci_method`` and ``p_value``.
    difference : float
        NPS of wave 2 minus NPS of wave 1 (from ``comparison``).
    estimate : float
        The headline number: ``difference``.
    ci : tuple of float
        ``(low, high)`` interval of the difference (from ``comparison``).
    ci_level : float
        Confidence level of ``ci``.
    ci_method : Message
        How ``ci`` was computed.
    """

    wave1: Any
    wave2: Any
    comparison: Any

    @property
    def difference(self) -> float:
        """NPS of wave 2 minus NPS of wave 1."""
        return self.comparison.difference

    @property
    def estimate(self) -> float:
        """The headline number: the change in NPS (``difference``)."""
        return self.difference

    @property
    def ci(self) -> tuple[float, float]:
        """``(low, high)`` interval of the change."""
        return self.comparison.ci

    @property
    def ci_level(self) -> float:
        """Confidence level of :attr:`ci`."""
        return self.comparison.ci_level

    @property
    def ci_method(self) -> Any:
        """How :attr:`ci` was computed."""
        return self.comparison.ci_method

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Both waves' NPS with their intervals: :func:`csat_lab.plots.nps_interval_chart`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.survey.nps_interval_chart` (``names``, ``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.survey import nps_interval_chart

        return nps_interval_chart(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        c = self.comparison
        return [("widgets.wave1", round(self.wave1.score, 2)), ("widgets.wave2", round(self.wave2.score, 2)),
                ("widgets.nps_diff.title", round(c.difference, 2)), ("result.ci", c.ci),
                ("result.method", c.ci_method), ("metrics.p_value", round(c.p_value, 4))]


def _scores_from_counts(promoters: int, passives: int, detractors: int) -> np.ndarray:
    # The comparison works on category counts, so any score inside a category stands for it.
    return np.repeat([10, 8, 0], [int(promoters), int(passives), int(detractors)])


def nps_difference_model(promoters1: int, passives1: int, detractors1: int,
                         promoters2: int, passives2: int, detractors2: int, ci: float = 0.95) -> NPSDifference:
    """Change in NPS between two independent waves, from their category counts.

    Parameters
    ----------
    promoters1, passives1, detractors1 : int
        Counts of answers 9-10, 7-8 and 0-6 in wave 1.
    promoters2, passives2, detractors2 : int
        The same counts in wave 2; each a non-negative whole number.
    ci : float, default 0.95
        Confidence level of the intervals, strictly between 0 and 1.

    Returns
    -------
    NPSDifference
        Each wave's NPS (:func:`csat_lab.metrics.nps_from_counts`) and the
        comparison of wave 2 with wave 1 (:func:`csat_lab.metrics.compare_nps`);
        ``estimate`` is the change, ``plot()`` draws both waves.

    Notes
    -----
    ``d = NPS_2 - NPS_1`` with ``se = sqrt(se_1^2 + se_2^2)`` for independent
    waves (normal approximation; Rocks, 2016).

    References
    ----------
    Rocks, B. (2016). Interval estimation for the "net promoter score".
    The American Statistician, 70(4), 365-372.

    Examples
    --------
    >>> r = nps_difference_model(40, 30, 30, 50, 30, 20)
    >>> round(r.difference, 1)
    20.0
    """
    from ...metrics import compare_nps, nps_from_counts

    given = dict(promoters1=promoters1, passives1=passives1, detractors1=detractors1,
                 promoters2=promoters2, passives2=passives2, detractors2=detractors2)
    counts = {name: head_count(value, name) for name, value in given.items()}
    w1, w2 = list(counts.values())[:3], list(counts.values())[3:]
    return NPSDifference(
        wave1=nps_from_counts(*w1, ci=ci), wave2=nps_from_counts(*w2, ci=ci),
        comparison=compare_nps(_scores_from_counts(*w2), _scores_from_counts(*w1), ci=ci),
    )


def disconfirmation_model(expectation: float, perception: float, scale: str = "satisfaction5",
                          tolerance: float = 0.0, performance_weight: float = 0.4) -> DisconfirmationResult:
    """Satisfaction from the gap ``perception - expectation`` and from performance itself.

    Parameters
    ----------
    expectation : float
        The rating expected, on ``scale``.
    perception : float
        The rating experienced, on ``scale``.
    scale : str, default "satisfaction5"
        The answer scale of both ratings.
    tolerance : float, default 0.0
        Gaps within ``+- tolerance`` count as confirmation (the zone of tolerance).
    performance_weight : float, default 0.4
        Weight (0 to 1) of the perceived performance beside the gap: 0 lets
        the gap alone set the level, 1 performance alone. 0.4 is a teaching
        default, not an estimate (see :func:`csat_lab.survey.disconfirmation`).

    Returns
    -------
    DisconfirmationResult
        The result of :func:`csat_lab.survey.disconfirmation`: ``gap``,
        ``gap_part``, ``performance_part``, ``score``, ``level`` and the ratings.

    Notes
    -----
    ``gap = perception - expectation`` gives the disconfirmation part ``D``
    (5 exceeded, 4 met, 3 to 1 by shortfall; Oliver, 1980); the perception
    on the five levels is the performance part ``Q``, which affects
    satisfaction directly (Churchill & Surprenant, 1982). The level is
    ``(1 - w) D + w Q`` rounded to the nearest level (halves up).

    References
    ----------
    Oliver, R. L. (1980). A cognitive model of the antecedents and
    consequences of satisfaction decisions. Journal of Marketing Research,
    17(4), 460-469.

    Churchill, G. A., & Surprenant, C. (1982). An investigation into the
    determinants of customer satisfaction. Journal of Marketing Research,
    19(4), 491-504.

    Examples
    --------
    >>> r = disconfirmation_model(4, 5)  # exceeded: D = 5, Q = 5
    >>> r.gap, r.level
    (1.0, 5)
    >>> r = disconfirmation_model(1, 1)  # met at the bottom: 0.6 x 4 + 0.4 x 1 = 2.8
    >>> r.gap_part, r.performance_part, r.level
    (4.0, 1.0, 3)
    """
    from ...survey import disconfirmation

    return disconfirmation(expectation, perception, scale=scale, tolerance=tolerance,
                           performance_weight=performance_weight)


@dataclasses.dataclass(frozen=True)
class SampleSizePlan(Result):
    """Completed responses needed for a margin of error, the margin curve and the power for a change.

    Attributes
    ----------
    n : int
        Completed responses needed (rounded up).
    estimate : int
        The headline number: ``n``.
    moe : float
        Margin of error at ``n`` (at most ``target_moe``).
    target_moe : float
        The margin of error asked for.
    p : float
        The proportion assumed (0.5 is the most cautious).
    ci_level : float
        Confidence level of the margin (``ci=`` of :func:`sample_size_model`).
        (The old name ``ci`` still reads it, with a ``DeprecationWarning``:
        in results ``ci`` is an interval.)
    population : int or None
        Population size for the finite population correction; None for none.
    change : float
        The change in the proportion the power refers to.
    power : float
        Chance that two waves of ``n`` each detect ``change`` (two-sided test at ``1 - ci_level``).
    curve : pandas.DataFrame
        Margin of error (``moe``) against sample size (``n``), for the chart.
    """

    n: int
    moe: float
    target_moe: float
    p: float
    ci_level: float
    population: int | None
    change: float
    power: float
    curve: pd.DataFrame

    @property
    def estimate(self) -> int:
        """The headline number: the sample size ``n``."""
        return self.n

    @property
    def ci(self) -> float:
        """Deprecated: the confidence level, now :attr:`ci_level`."""
        warnings.warn("SampleSizePlan.ci is deprecated for the confidence level: use .ci_level "
                      "(in results, ci is an interval)", DeprecationWarning, stacklevel=2)
        return self.ci_level

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Margin of error against sample size: :func:`csat_lab.plots.margin_of_error_curve`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.survey.margin_of_error_curve` (``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.survey import margin_of_error_curve

        return margin_of_error_curve(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("widgets.sample.n", self.n), ("widgets.sample.moe_at_n", self.moe),
                ("widgets.sample.p", self.p), ("widgets.ci_level", self.ci_level),
                ("widgets.sample.population", self.population or Message("value.very_large")),
                ("widgets.sample.power", self.power), ("widgets.sample.change", self.change)]


def sample_size_model(moe: float = 0.05, ci: float = 0.95, p: float = 0.5, population: int = 0,
                      change: float = 0.05) -> SampleSizePlan:
    """Sample size for a margin of error, the margin at that n, and the power to see a change.

    Parameters
    ----------
    moe : float, default 0.05
        Margin of error wanted (half-width of the interval of a proportion).
    ci : float, default 0.95
        Confidence level, strictly between 0 and 1.
    p : float, default 0.5
        The proportion expected; 0.5 gives the largest (safest) sample.
    population : int, default 0
        Population size for the finite population correction (a whole number
        of at least 2); 0 for an infinite population.
    change : float, default 0.05
        Change in the proportion (from ``p`` to ``p + change``) whose power is reported.

    Returns
    -------
    SampleSizePlan
        ``n`` (= ``estimate``), the margin at ``n``, the power for
        ``change`` and the margin curve; ``plot()`` draws the curve.

    Notes
    -----
    ``n0 = z^2 p (1 - p) / moe^2``, shrunk by the finite population correction
    ``n = n0 / (1 + (n0 - 1) / N)`` when ``population > 0`` (Cochran, 1977;
    :func:`csat_lab.survey.sample_size` and :func:`csat_lab.survey.margin_of_error`).
    ``power`` is the chance that two waves of ``n`` each detect a change of
    ``change`` in a proportion ``p`` with a two-sided test at level ``1 - ci``,
    using Cohen's (1988) effect size ``h = 2 asin(sqrt(p + change)) - 2 asin(sqrt(p))``
    (statsmodels).

    References
    ----------
    Cochran, W. G. (1977). Sampling techniques (3rd ed.). Wiley.

    Cohen, J. (1988). Statistical power analysis for the behavioral sciences
    (2nd ed.). Lawrence Erlbaum.

    Examples
    --------
    >>> plan = sample_size_model(moe=0.05)
    >>> plan.n, round(plan.moe, 4)
    (385, 0.0499)
    """
    from statsmodels.stats.power import NormalIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    from ...survey import margin_of_error, sample_size

    if isinstance(population, (bool, np.bool_)):
        raise CsatInputError(f"population must be a whole number (0 for an infinite population), got {population!r}")
    pop = head_count(population, "population") or None
    n = sample_size(moe, p=p, ci=ci, population=pop)
    top = max(4 * n, 200) if pop is None else pop
    grid = np.unique(np.geomspace(min(30, max(2, n // 4)), max(top, 2), 40).astype(int))
    if pop is not None:
        grid = grid[grid <= pop]
    curve = pd.DataFrame({"n": grid, "moe": [margin_of_error(int(k), p=p, ci=ci, population=pop) for k in grid]})
    if not 0 < p + change < 1:
        raise CsatInputError(f"p + change must lie strictly between 0 and 1, got {p + change:g}")
    power = NormalIndPower().power(effect_size=proportion_effectsize(p + change, p), nobs1=n, alpha=1 - ci, ratio=1.0)
    return SampleSizePlan(n=n, moe=margin_of_error(n, p=p, ci=ci, population=pop), target_moe=float(moe), p=float(p),
                          ci_level=float(ci), population=pop, change=float(change), power=float(power), curve=curve)


@functools.lru_cache(maxsize=None)
def _kano_table(name: str) -> pd.DataFrame:
    from ...survey import kano_table

    result = kano_table(_dataset(name), feature="feature", functional="functional", dysfunctional="dysfunctional")
    return getattr(result, "table", result)  # the table itself, whether kano_table returns it or a result


@dataclasses.dataclass(frozen=True)
class KanoCalculation(Result):
    """The Kano category of one answer pair, and the surveyed feature's classification.

    Attributes
    ----------
    functional : int
        Answer to the functional question (1 = like it ... 5 = dislike it).
    dysfunctional : int
        Answer to the dysfunctional question, on the same scale.
    answer : str
        Kano category of that answer pair: ``"A"``, ``"O"``, ``"M"``, ``"I"``, ``"R"`` or ``"Q"``.
    feature : str
        The surveyed feature shown.
    category : str
        The feature's most frequent category in the survey.
    better : float
        The feature's Better coefficient ``(A + O) / (A + O + M + I)``.
    worse : float
        The feature's Worse coefficient ``-(O + M) / (A + O + M + I)``.
    table : pandas.DataFrame
        The Kano table of every surveyed feature (:func:`csat_lab.survey.kano_table`).
    estimate : float
        The headline number: ``better``.
    """

    functional: int
    dysfunctional: int
    answer: str
    feature: str
    category: str
    better: float
    worse: float
    table: pd.DataFrame

    @property
    def estimate(self) -> float:
        """The headline number: the feature's Better coefficient."""
        return self.better

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Every feature's Better against |Worse|, this one ringed: :func:`csat_lab.plots.kano_chart`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.survey.kano_chart` (``highlight`` defaults to ``feature``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.survey import kano_chart

        kwargs.setdefault("highlight", self.feature)
        return kano_chart(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        row = self.table.loc[self.feature]
        return [("widgets.kano.answer", label(f"survey.kano.{self.answer}")),
                ("widgets.kano.feature", display_name(self.feature)),
                ("result.n", int(row["n"])), *[(f"survey.kano.{c}", int(row[c])) for c in "AOMIRQ"],
                ("widgets.kano.category", label(f"survey.kano.{self.category}")), ("survey.kano.better", self.better),
                ("survey.kano.worse", self.worse)]


def kano_model(feature: str = "free_wifi", functional: int = 1, dysfunctional: int = 5,
               dataset: str = "kano_features") -> KanoCalculation:
    """Kano category of a functional/dysfunctional answer pair and of a surveyed feature.

    Parameters
    ----------
    feature : str, default "free_wifi"
        A feature surveyed in ``dataset``.
    functional : int, default 1
        Answer to the functional question, 1 (like it) to 5 (dislike it).
    dysfunctional : int, default 5
        Answer to the dysfunctional question, same scale.
    dataset : str, default "kano_features"
        Course dataset with the columns ``feature``, ``functional`` and ``dysfunctional``.

    Returns
    -------
    KanoCalculation
        The pair's category, the feature's category, Better (= ``estimate``)
        and Worse, and the whole Kano table; ``plot()`` draws the Kano chart.

    Notes
    -----
    The pair is read off Kano's evaluation table; the feature's category is
    its most frequent one, with ``Better = (A + O) / (A + O + M + I)`` and
    ``Worse = -(O + M) / (A + O + M + I)`` (Kano et al., 1984; Berger et al.,
    1993); wraps :func:`csat_lab.survey.kano_classify` and
    :func:`csat_lab.survey.kano_table`.

    References
    ----------
    Kano, N., Seraku, N., Takahashi, F., & Tsuji, S. (1984). Attractive
    quality and must-be quality. Journal of the Japanese Society for Quality
    Control, 14(2), 39-48.

    Berger, C., et al. (1993). Kano's methods for understanding
    customer-defined quality. Center for Quality Management Journal, 2(4), 3-36.

    Examples
    --------
    >>> kano_model("free_wifi", functional=1, dysfunctional=5).answer
    'O'
    """
    from ...survey import kano_classify

    if not isinstance(dataset, str):
        raise CsatInputError(f"dataset must be the name of a course dataset, got {dataset!r}")
    table = _kano_table(dataset)
    if not isinstance(feature, str) or feature not in table.index:
        raise CsatInputError(f"no feature {feature!r} in {dataset}; features are: {', '.join(map(str, table.index))}")
    for name, value in (("functional", functional), ("dysfunctional", dysfunctional)):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or not 1 <= value <= 5:
            raise CsatInputError(f"{name} must be an answer code 1 (like it) to 5 (dislike it), got {value!r}")
    row = table.loc[feature]
    return KanoCalculation(
        functional=int(functional), dysfunctional=int(dysfunctional),
        answer=str(kano_classify([functional], [dysfunctional]).iloc[0]), feature=feature,
        category=str(row["category"]), better=float(row["better"]), worse=float(row["worse"]), table=table)
