"""Model functions of the survey explorers: NPS, NPS change, disconfirmation, sample size, Kano."""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..._core.results import Result
from ...errors import CsatInputError
from ...i18n import label
from .data import dataset as _dataset

if TYPE_CHECKING:
    from ...metrics import NPSResult
    from ...survey import DisconfirmationResult


def nps_model(promoters: int, passives: int, detractors: int, ci: float = 0.95) -> NPSResult:
    """NPS with its confidence interval from the three category counts.

    ``NPS = 100 (P - D) / n`` with ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``
    (Reichheld, 2003); wraps :func:`csat_lab.metrics.nps_from_counts`.

    Examples
    --------
    >>> r = nps_model(50, 30, 20)
    >>> r.score, r.n
    (30.0, 100)
    """
    from ...metrics import nps_from_counts

    return nps_from_counts(int(promoters), int(passives), int(detractors), ci=ci)


@dataclasses.dataclass(frozen=True)
class NPSDifference(Result):
    """Two waves' NPS and the change from wave 1 to wave 2 with its CI."""

    wave1: Any
    wave2: Any
    comparison: Any

    @property
    def difference(self) -> float:
        """NPS of wave 2 minus NPS of wave 1."""
        return self.comparison.difference

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

    ``d = NPS_2 - NPS_1`` with ``se = sqrt(se_1^2 + se_2^2)`` (normal
    approximation; Rocks, 2016); wraps :func:`csat_lab.metrics.compare_nps`
    and :func:`csat_lab.metrics.nps_from_counts`.

    Examples
    --------
    >>> r = nps_difference_model(40, 30, 30, 50, 30, 20)
    >>> round(r.difference, 1)
    20.0
    """
    from ...metrics import compare_nps, nps_from_counts

    w1, w2 = (promoters1, passives1, detractors1), (promoters2, passives2, detractors2)
    return NPSDifference(
        wave1=nps_from_counts(*map(int, w1), ci=ci), wave2=nps_from_counts(*map(int, w2), ci=ci),
        comparison=compare_nps(_scores_from_counts(*w2), _scores_from_counts(*w1), ci=ci),
    )


def disconfirmation_model(expectation: float, perception: float, scale: str = "satisfaction5",
                          tolerance: float = 0.0) -> DisconfirmationResult:
    """Gap ``perception - expectation`` and the satisfaction level it implies (Oliver, 1980).

    Wraps :func:`csat_lab.survey.disconfirmation`.

    Examples
    --------
    >>> r = disconfirmation_model(4, 5)
    >>> r.gap, r.level
    (1.0, 5)
    """
    from ...survey import disconfirmation

    return disconfirmation(expectation, perception, scale=scale, tolerance=tolerance)


@dataclasses.dataclass(frozen=True)
class SampleSizePlan(Result):
    """Completed responses needed for a margin of error, the margin curve and the power for a change."""

    n: int
    moe: float
    target_moe: float
    p: float
    ci: float
    population: int | None
    change: float
    power: float
    curve: pd.DataFrame

    def _summary(self) -> list[tuple[str, Any]]:
        return [("widgets.sample.n", self.n), ("widgets.sample.moe_at_n", self.moe),
                ("widgets.sample.p", self.p), ("widgets.ci_level", self.ci),
                ("widgets.sample.population", self.population or "-"),
                ("widgets.sample.power", self.power), ("widgets.sample.change", self.change)]


def sample_size_model(moe: float = 0.05, ci: float = 0.95, p: float = 0.5, population: int = 0,
                      change: float = 0.05) -> SampleSizePlan:
    """Sample size for a margin of error, the margin at that n, and the power to see a change.

    ``n0 = z^2 p (1 - p) / moe^2``, shrunk by the finite population correction
    when ``population > 0`` (Cochran, 1977; :func:`csat_lab.survey.sample_size`
    and :func:`csat_lab.survey.margin_of_error`). ``power`` is the chance that
    two waves of ``n`` each detect a change of ``change`` in a proportion ``p``
    with a two-sided test at level ``1 - ci``, using Cohen's (1988) effect size
    ``h = 2 asin(sqrt(p + change)) - 2 asin(sqrt(p))`` (statsmodels).

    Examples
    --------
    >>> plan = sample_size_model(moe=0.05)
    >>> plan.n, round(plan.moe, 4)
    (385, 0.0499)
    """
    from statsmodels.stats.power import NormalIndPower
    from statsmodels.stats.proportion import proportion_effectsize

    from ...survey import margin_of_error, sample_size

    pop = int(population) or None
    n = sample_size(moe, p=p, ci=ci, population=pop)
    grid = np.unique(np.geomspace(30, max(4 * n, 200), 40).astype(int))
    if pop is not None:
        grid = grid[grid <= pop]
    curve = pd.DataFrame({"n": grid, "moe": [margin_of_error(int(k), p=p, ci=ci, population=pop) for k in grid]})
    if not 0 < p + change < 1:
        raise CsatInputError(f"p + change must lie strictly between 0 and 1, got {p + change:g}")
    power = NormalIndPower().power(effect_size=proportion_effectsize(p + change, p), nobs1=n, alpha=1 - ci, ratio=1.0)
    return SampleSizePlan(n=n, moe=margin_of_error(n, p=p, ci=ci, population=pop), target_moe=float(moe), p=float(p),
                          ci=float(ci), population=pop, change=float(change), power=float(power), curve=curve)


@functools.lru_cache(maxsize=None)
def _kano_table(name: str) -> pd.DataFrame:
    from ...survey import kano_table

    return kano_table(_dataset(name), feature="feature", functional="functional", dysfunctional="dysfunctional")


@dataclasses.dataclass(frozen=True)
class KanoCalculation(Result):
    """The Kano category of one answer pair, and the surveyed feature's classification."""

    functional: int
    dysfunctional: int
    answer: str
    feature: str
    category: str
    better: float
    worse: float
    table: pd.DataFrame

    def _summary(self) -> list[tuple[str, Any]]:
        row = self.table.loc[self.feature]
        return [("widgets.kano.answer", label(f"survey.kano.{self.answer}")), ("widgets.kano.feature", self.feature),
                ("result.n", int(row["n"])), *[(f"survey.kano.{c}", int(row[c])) for c in "AOMIRQ"],
                ("widgets.kano.category", label(f"survey.kano.{self.category}")), ("survey.kano.better", self.better),
                ("survey.kano.worse", self.worse)]


def kano_model(feature: str = "free_wifi", functional: int = 1, dysfunctional: int = 5,
               dataset: str = "kano_features") -> KanoCalculation:
    """Kano category of a functional/dysfunctional answer pair and of a surveyed feature.

    The pair is read off Kano's evaluation table; the feature's category is
    its most frequent one with ``Better = (A + O) / (A + O + M + I)`` and
    ``Worse = -(O + M) / (A + O + M + I)`` (Kano et al., 1984; Berger et al.,
    1993); wraps :func:`csat_lab.survey.kano_classify` and
    :func:`csat_lab.survey.kano_table`.

    Examples
    --------
    >>> kano_model("free_wifi", functional=1, dysfunctional=5).answer
    'O'
    """
    from ...survey import kano_classify

    table = _kano_table(dataset)
    if feature not in table.index:
        raise CsatInputError(f"no feature {feature!r} in {dataset}; features are: {', '.join(map(str, table.index))}")
    row = table.loc[feature]
    return KanoCalculation(
        functional=int(functional), dysfunctional=int(dysfunctional),
        answer=str(kano_classify([functional], [dysfunctional]).iloc[0]), feature=feature,
        category=str(row["category"]), better=float(row["better"]), worse=float(row["worse"]), table=table)
