"""Satisfaction scores with their uncertainty: CSAT, top/bottom box, NPS, CES, means.

Every function validates the answers against a declared scale, drops and
reports missing answers, reduces the rest to counts per category and returns
a result object with the estimate, a confidence interval and its method,
``n`` (and Kish's effective ``n`` when weighted) and what was dropped.

Examples
--------
>>> from csat_lab import metrics
>>> r = metrics.nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5])
>>> r.score, r.promoters, r.passives, r.detractors
(20.0, 5, 2, 3)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import scales
from .._core.docstrings import shared_docs
from .._core.intervals import t_value, wald, wilson
from .._core.results import Result
from .._core.validate import one_of, probability, rng_from, whole_number
from ..errors import CsatInputError
from ..i18n import Message
from .tally import Tally, nps_bootstrap, nps_from_shares, nps_interval, tally

__all__ = [
    "NPSResult", "ScoreResult", "nps", "net_promoter_score", "nps_from_counts", "csat", "satisfaction_rate",
    "top_box", "bottom_box", "ces", "mean_score",
]


@dataclass(frozen=True)
class NPSResult(Result):
    """Net Promoter Score on -100..100 with its interval and category counts.

    Attributes
    ----------
    score : float
        NPS, ``100 (p+ - p-)``, on -100..100.
    ci : tuple of float
        ``(low, high)`` confidence interval of the score, clipped to -100..100.
    ci_method : Message
        How the interval was computed (normal approximation or percentile bootstrap).
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    se : float
        Standard error of the score, ``100 sqrt([p+ + p- - (p+ - p-)^2] / n)``.
    n : int
        Answers used (after dropping missing ones).
    n_effective : float
        Kish's effective sample size (equal to ``n`` without weights).
    n_dropped : int
        Answers dropped.
    dropped : dict
        Reason (a message) -> number of answers dropped for it.
    promoters, passives, detractors : int
        Head counts of answers 9-10, 7-8 and 0-6 (unweighted).
    share_promoters, share_passives, share_detractors : float
        Shares of the three categories (weighted when weights were given).
    weighted : bool
        Whether sampling weights were used.
    seed : int, numpy Generator or None
        Seed of the bootstrap draws (``method="bootstrap"``); None for the normal interval.
    estimate : float
        The headline number, the same as ``score``.
    """

    score: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float
    se: float
    n: int
    n_effective: float
    n_dropped: int
    dropped: dict
    promoters: int
    passives: int
    detractors: int
    share_promoters: float
    share_passives: float
    share_detractors: float
    weighted: bool = False
    seed: int | np.random.Generator | None = None

    @property
    def estimate(self) -> float:
        """The NPS (same as ``score``)."""
        return self.score

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Stacked bar of detractors, passives and promoters (:func:`csat_lab.plots.survey.nps_bar`)."""
        from ..plots.survey import nps_bar

        return nps_bar(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [("metrics.nps", round(self.score, 2)), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("result.n", self.n)]
        if self.weighted:
            rows.append(("metrics.n_effective", round(self.n_effective, 1)))
        rows += [("metrics.promoters", f"{self.promoters} ({self.share_promoters:.1%})"),
                 ("metrics.passives", f"{self.passives} ({self.share_passives:.1%})"),
                 ("metrics.detractors", f"{self.detractors} ({self.share_detractors:.1%})"),
                 ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]
        if isinstance(self.seed, (int, np.integer)):
            rows.append(("metrics.seed", int(self.seed)))
        return rows


@dataclass(frozen=True)
class ScoreResult(Result):
    """A share of answers in some boxes (or a mean) on a declared scale.

    Attributes
    ----------
    metric : str
        Which score: ``"csat"``, ``"top_box"``, ``"bottom_box"``, ``"mean"`` or ``"ces"``.
    estimate : float
        The score: the share of answers in ``box`` (0..1), or the mean answer when ``box`` is None.
    ci : tuple of float
        ``(low, high)`` confidence interval of ``estimate``.
    ci_method : Message
        How the interval was computed (Wilson, Wald or Student t; Kish's n when weighted).
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    se : float
        Standard error of ``estimate``.
    n : int
        Answers used (after dropping missing ones).
    n_effective : float
        Kish's effective sample size (equal to ``n`` without weights).
    n_dropped : int
        Answers dropped.
    dropped : dict
        Reason (a message) -> number of answers dropped for it.
    scale : str
        Name of the answer scale.
    box : tuple of int or None
        The codes counted for a share; None for a mean score.
    mean : float
        Mean answer (weighted when weights were given).
    mean_ci : tuple of float
        Student t interval of the mean.
    weighted : bool
        Whether sampling weights were used.
    """

    metric: str
    estimate: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float
    se: float
    n: int
    n_effective: float
    n_dropped: int
    dropped: dict
    scale: str
    box: tuple[int, ...] | None
    mean: float
    mean_ci: tuple[float, float]
    weighted: bool = False

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [(f"metrics.{self.metric}", round(self.estimate, 4)), ("result.ci", self.ci),
                ("result.method", self.ci_method), ("metrics.scale", self.scale)]
        if self.box is not None:
            rows += [("metrics.box", self.box), ("metrics.mean", round(self.mean, 3)), ("metrics.mean_ci", self.mean_ci)]
        rows.append(("result.n", self.n))
        if self.weighted:
            rows.append(("metrics.n_effective", round(self.n_effective, 1)))
        return rows + [("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]


_NPS_METHODS = ("adjusted_wald", "wald", "normal", "bootstrap")
_VARIANCES = ("kish", "linearization")


def _seed(seed: object) -> "int | np.random.Generator | None":
    """A seed for the bootstrap: a whole number >= 0, a numpy Generator or None; anything else is an error."""
    rng_from(seed)  # raises naming the seed for text, floats, booleans and negative numbers
    return int(seed) if isinstance(seed, (int, np.integer)) else seed


def _nps_result(t: Tally, ci: float, method: str, n_boot: int, seed) -> NPSResult:
    shares = np.array([t.counts[9:].sum(), t.counts[7:9].sum(), t.counts[:7].sum()]) / t.counts.sum()
    score, se = nps_from_shares(shares[0], shares[2], t.n_effective)
    if method in ("adjusted_wald", "wald", "normal"):
        kind = "wald" if method == "normal" else method
        interval = nps_interval(shares[0], shares[2], t.n_effective, ci, kind)
        method_text = _kish(Message(f"value.method.nps_{kind}"), t.weighted)
        seed = None
    else:
        n_boot = whole_number(n_boot, "n_boot", minimum=100)
        seed = _seed(seed)
        interval = nps_bootstrap(shares, max(int(round(t.n_effective)), 1), ci, n_boot, seed)
        method_text = _kish(Message("value.method.nps_bootstrap", n_boot=n_boot), t.weighted)
    raw = t.raw_counts
    return NPSResult(score, (float(interval[0]), float(interval[1])), method_text, ci, se, t.n, t.n_effective,
                     t.n_dropped, t.dropped, int(raw[9:].sum()), int(raw[7:9].sum()), int(raw[:7].sum()),
                     float(shares[0]), float(shares[1]), float(shares[2]), t.weighted, seed)


@shared_docs
def nps(scores: object, *, weights: object = None, ci: float = 0.95, method: str = "adjusted_wald",
        n_boot: int = 2000, seed: int | np.random.Generator | None = 0) -> NPSResult:
    """Net Promoter Score of 0-10 "likelihood to recommend" answers.

    Parameters
    ----------
    scores : array-like of int 0..10
        Answers to one question; missing answers are dropped and reported.
        True/False values are refused (they are not 0-10 answers).
    @{weights}
    @{ci}
    method : {"adjusted_wald", "wald", "bootstrap"}, default "adjusted_wald"
        Interval method: the adjusted Wald interval (3 pseudo-answers added),
        the plain Wald (normal) interval (``"normal"`` is accepted as another
        name for it), or the percentile bootstrap of the category counts.
    n_boot : int, default 2000
        Bootstrap replicates for ``method="bootstrap"`` (at least 100); unused otherwise.
    seed : int, numpy Generator or None, default 0
        Seed of the bootstrap draws, so the same call gives the same interval;
        None draws fresh randomness. Reported in ``NPSResult.seed``.

    Returns
    -------
    NPSResult
        The score with its interval, standard error and category counts.

    Notes
    -----
    ``NPS = 100 (p+ - p-)`` with ``p+`` the share of promoters (9-10) and
    ``p-`` the share of detractors (0-6); its standard error is the
    multinomial ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``.

    Intervals:

    * ``"wald"``: ``NPS +- z se``, clipped to -100..100. It has zero width
      when every answer falls in one category and under-covers in small
      samples.
    * ``"adjusted_wald"`` (default): the Wald formula applied after adding
      3 pseudo-answers, 3/4 of a promoter, 3/2 of a passive and 3/4 of a
      detractor: ``p+~ = (n p+ + 3/4) / (n + 3)``, ``p-~ = (n p- + 3/4) / (n + 3)``,
      interval ``100 (p+~ - p-~) +- z 100 sqrt([p+~ + p-~ - (p+~ - p-~)^2] / (n + 3))``,
      clipped to -100..100. The interval is centred on the shrunk score,
      not on ``NPS`` itself; ``se`` stays the standard error of ``NPS``.
    * ``"bootstrap"``: draws the three category counts from a multinomial
      ``n_boot`` times (equivalent to resampling rows) and takes the
      ``(1 - ci)/2`` and ``(1 + ci)/2`` percentiles.

    Coverage of the 95% intervals, computed exactly over every possible
    sample (promoters/passives/detractors in percent):

    ======================================  =====  =====  =====  =====
    true shares                              n=20   n=50  n=100  n=200
    ======================================  =====  =====  =====  =====
    adjusted Wald, worst of the interior     0.941  0.946  0.948  0.948
    grid (p+, p- in 0.1..0.8, passives
    at least 0.1)
    Wald, worst of the same grid             0.885  0.921  0.936  0.944
    adjusted Wald, 95/0/5                    0.984  0.962  0.966  0.950
    adjusted Wald, 95/5/0                    0.925  0.962  0.937  0.953
    adjusted Wald, 70/0/30 (worst case       0.917  0.957  0.950  0.947
    with no passives)
    Wald, 95/0/5 and 95/5/0                  0.639  0.920  0.877  0.926
    ======================================  =====  =====  =====  =====

    Near the edges of the simplex the adjusted interval is conservative in
    some cells and slightly liberal in others (0.917-0.925 at n=20); the
    Wald interval misses far more often there. With ``weights``, shares are
    weighted and ``n`` is Kish's effective sample size ``(sum w)^2 / sum w^2``
    (the pseudo-answers are added to it).

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12).
    Rocks, B. (2016). Interval estimation for the "net promoter score". *The American Statistician*, 70(4);
    arXiv:1601.07235 (recommends adjusted-Wald intervals for the NPS).
    Lewis, J. R., & Sauro, J. (2021). Evaluating NPS confidence intervals with real-world data. MeasuringU,
    January 19, 2021 (the constants used here: n + 3, 3/4 added to promoters and to detractors).
    Kish, L. (1965). *Survey Sampling*. Wiley.

    Examples
    --------
    >>> r = nps([10, 9, 8, 7, 6, 10, 2, 9])
    >>> r.estimate, r.n
    (25.0, 8)
    >>> round(r.se, 2)
    29.32
    >>> [round(x, 1) for x in r.ci]
    [-29.4, 65.8]
    >>> [round(x, 1) for x in nps([10, 10, 9, 10, 9]).ci]  # the Wald interval would be (100, 100)
    [17.5, 100.0]
    >>> b = nps([10, 9, 8, 7, 6, 10, 2, 9], method="bootstrap", n_boot=500)
    >>> b.ci_method, b.seed
    ('percentile bootstrap on category counts (500 draws)', 0)
    """
    ci = probability(ci)
    one_of(method, _NPS_METHODS, "method")
    return _nps_result(tally(scores, "nps11", weights), ci, method, n_boot, seed)


net_promoter_score = nps

#: Largest count that is exact as a float (2**53); larger counts are refused.
_MAX_EXACT_COUNT = 2**53


@shared_docs
def nps_from_counts(promoters: int, passives: int, detractors: int, *, ci: float = 0.95,
                    method: str = "adjusted_wald", n_boot: int = 2000,
                    seed: int | np.random.Generator | None = 0) -> NPSResult:
    """NPS from the three category counts (e.g. a published survey summary).

    Parameters
    ----------
    promoters : int
        Number of answers 9-10.
    passives : int
        Number of answers 7-8.
    detractors : int
        Number of answers 0-6.
    @{ci}
    method : {"adjusted_wald", "wald", "bootstrap"}, default "adjusted_wald"
        Interval method, as in :func:`nps` (``"normal"`` is another name for ``"wald"``).
    n_boot : int, default 2000
        Bootstrap replicates for ``method="bootstrap"`` (at least 100); unused otherwise.
    seed : int, numpy Generator or None, default 0
        Seed of the bootstrap draws, so the same call gives the same interval;
        None draws fresh randomness. Reported in ``NPSResult.seed``.

    Returns
    -------
    NPSResult
        As :func:`nps` on rows with these counts.

    Notes
    -----
    Same formulas as :func:`nps`: ``NPS = 100 (P - D) / n`` with
    ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``; the default adjusted-Wald
    interval adds 3/4, 3/2 and 3/4 pseudo-answers to the three counts
    (coverage in :func:`nps`).

    References
    ----------
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12).
    Rocks, B. (2016). Interval estimation for the "net promoter score". *The American Statistician*, 70(4).
    Lewis, J. R., & Sauro, J. (2021). Evaluating NPS confidence intervals with real-world data. MeasuringU.

    Examples
    --------
    >>> r = nps_from_counts(50, 30, 20)
    >>> r.estimate
    30.0
    >>> [round(x, 1) for x in r.ci]
    [14.1, 44.2]
    >>> [round(x, 1) for x in nps_from_counts(50, 30, 20, method="wald").ci]
    [14.7, 45.3]
    """
    counts = []
    for name, value in (("promoters", promoters), ("passives", passives), ("detractors", detractors)):
        if not isinstance(value, (int, np.integer)) or isinstance(value, (bool, np.bool_)) or value < 0:
            raise CsatInputError(f"{name} must be a non-negative whole number, got {value!r}")
        if value > _MAX_EXACT_COUNT:
            # Beyond 2**53 a count is no longer exact as a float, and the interval arithmetic would overflow.
            raise CsatInputError(f"{name} must be at most 2**53 = {_MAX_EXACT_COUNT:,}, got {value!r}")
        counts.append(int(value))
    if sum(counts) < 2:
        raise CsatInputError(f"need at least 2 answers in total, got {sum(counts)}")
    ci = probability(ci)
    one_of(method, _NPS_METHODS, "method")
    full = np.zeros(11)
    full[10], full[8], full[0] = counts
    t = Tally(scales.NPS11, full, full.astype(int), sum(counts), float(sum(counts)), 0, {}, False)
    return _nps_result(t, ci, method, n_boot, seed)


def _kish(method: Message, weighted: bool) -> Message:
    """The method, marked as computed on Kish's effective sample size when the answers were weighted."""
    return Message("value.method.kish", method=method) if weighted else method


def _box_result(metric: str, t: Tally, box: tuple[int, ...] | None, ci: float, method: str,
                variance: str = "kish") -> ScoreResult:
    mean = t.mean()
    mean_se = t.mean_se(variance)
    half = t_value(ci, t.mean_df(variance)) * mean_se
    mean_ci = (mean - half, mean + half)
    if box is None:
        kind = "student_t_linearized" if variance == "linearization" else "student_t"
        return ScoreResult(metric, mean, mean_ci, Message(f"value.method.{kind}"), ci, mean_se, t.n, t.n_effective,
                           t.n_dropped, t.dropped, t.scale.name, None, mean, mean_ci, t.weighted)
    p = t.share(box)
    interval = wilson(p, t.n_effective, ci) if method == "wilson" else wald(p, t.n_effective, ci)
    se = float(np.sqrt(p * (1 - p) / t.n_effective))
    return ScoreResult(metric, p, interval, _kish(Message(f"value.method.{method}"), t.weighted), ci, se, t.n,
                       t.n_effective, t.n_dropped, t.dropped, t.scale.name, box, mean, mean_ci, t.weighted)


@shared_docs
def top_box(scores: object, *, scale: "str | scales.Scale", k: int = 1, weights: object = None,
            ci: float = 0.95, method: str = "wilson") -> ScoreResult:
    """Share of answers in the ``k`` highest codes of ``scale``, with the mean.

    Parameters
    ----------
    scores : array-like
        Answers to one question, codes of ``scale``; missing answers are dropped and reported.
    @{scale}
    k : int, default 1
        How many of the highest codes count (``k=2``: top-two box).
    @{weights}
    @{ci}
    @{share_method}

    Returns
    -------
    ScoreResult
        ``estimate`` is the share (0..1); ``mean`` and ``mean_ci`` the mean answer.

    Notes
    -----
    ``p = sum_i w_i 1[x_i in top k] / sum_i w_i``. Wilson's interval is
    ``(p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)``; Wald's is
    ``p +- z sqrt(p(1-p)/n)``; ``n`` is Kish's effective sample size when
    weighted. The mean's interval is Student's t.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> r = top_box([5, 4, 4, 3, 5, 2, 5, 1], scale="satisfaction5", k=1)
    >>> r.estimate, r.box
    (0.375, (5,))
    >>> [round(x, 3) for x in r.ci]
    [0.137, 0.694]
    """
    sc = scales.get(scale)
    return _box_result("top_box", tally(scores, sc, weights), sc.top_box(k), probability(ci),
                       one_of(method, ("wilson", "wald"), "method"))


@shared_docs
def bottom_box(scores: object, *, scale: "str | scales.Scale", k: int = 1, weights: object = None,
               ci: float = 0.95, method: str = "wilson") -> ScoreResult:
    """Share of answers in the ``k`` lowest codes of ``scale`` (see :func:`top_box`).

    Parameters
    ----------
    scores : array-like
        Answers to one question, codes of ``scale``; missing answers are dropped and reported.
    @{scale}
    k : int, default 1
        How many of the lowest codes count (``k=2``: bottom-two box).
    @{weights}
    @{ci}
    @{share_method}

    Returns
    -------
    ScoreResult
        ``estimate`` is the share (0..1); ``mean`` and ``mean_ci`` the mean answer.

    Notes
    -----
    ``p = sum_i w_i 1[x_i in bottom k] / sum_i w_i``, with Wilson's score
    interval (or ``method="wald"``) on Kish's effective sample size when
    weighted, as for :func:`top_box`.

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> bottom_box([5, 4, 4, 3, 5, 2, 5, 1], scale="satisfaction5", k=2).estimate
    0.25
    """
    sc = scales.get(scale)
    return _box_result("bottom_box", tally(scores, sc, weights), sc.bottom_box(k), probability(ci),
                       one_of(method, ("wilson", "wald"), "method"))


@shared_docs
def csat(scores: object, *, scale: "str | scales.Scale" = "satisfaction5", k: int = 2, weights: object = None,
         ci: float = 0.95, method: str = "wilson") -> ScoreResult:
    """Customer satisfaction score: share of "satisfied" + "very satisfied".

    Parameters
    ----------
    scores : array-like
        Answers to one question, codes of ``scale``; missing answers are dropped and reported.
    scale : str or Scale, default "satisfaction5"
        The answer scale, a name such as "satisfaction5" or a :class:`~csat_lab.scales.Scale`.
    k : int, default 2
        How many of the highest codes count as satisfied (top-two box).
    @{weights}
    @{ci}
    @{share_method}

    Returns
    -------
    ScoreResult
        ``estimate`` is the CSAT share (0..1); ``mean`` and ``mean_ci`` the mean answer.

    Notes
    -----
    ``CSAT = sum_i w_i 1[x_i in top k] / sum_i w_i`` (top-two box on a
    5-point scale by default), with Wilson's interval as in :func:`top_box`,
    plus the mean answer and its Student t interval (Hayes, 2008).

    References
    ----------
    Hayes, B. E. (2008). *Measuring Customer Satisfaction and Loyalty* (3rd ed.). ASQ Quality Press.
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> r = csat([5, 4, 4, 3, 5, 2, 5, 1, None])
    >>> r.estimate, r.n, r.n_dropped
    (0.625, 8, 1)
    >>> round(r.mean, 3)
    3.625
    """
    sc = scales.get(scale)
    return _box_result("csat", tally(scores, sc, weights), sc.top_box(k), probability(ci),
                       one_of(method, ("wilson", "wald"), "method"))


@shared_docs
def satisfaction_rate(scores: object, *, scale: "str | scales.Scale" = "satisfaction5", weights: object = None,
                      ci: float = 0.95, method: str = "wilson") -> ScoreResult:
    """Satisfaction rate (满意率) as Chinese reports often give it: share of "basically satisfied" or better.

    Chinese practice counts 基本满意 (level 3 of the five levels 很满意、满意、基本满意、
    不满意、很不满意) as satisfied too, while CSAT counts levels 4-5 only; the two can
    differ by tens of points on the same answers, so a report should say which it gives.

    Parameters
    ----------
    scores : array-like
        Answers to one question, codes of ``scale``; missing answers are dropped and reported.
    scale : str or Scale, default "satisfaction5"
        The answer scale, a name such as "satisfaction5" or a :class:`~csat_lab.scales.Scale`
        with an odd number of points; the middle point and everything above count.
    @{weights}
    @{ci}
    @{share_method}

    Returns
    -------
    ScoreResult
        ``estimate`` is the satisfaction rate (0..1) with its interval; ``box`` the
        codes counted; ``mean`` and ``mean_ci`` the mean answer.

    Notes
    -----
    ``satisfaction rate = sum_i w_i 1[x_i >= middle] / sum_i w_i``, the top
    ``(points + 1) / 2`` box (levels 3-5 on a 5-point scale), with Wilson's
    interval as in :func:`top_box`. Compare ``csat`` (levels 4-5).

    References
    ----------
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> answers = [5, 4, 3, 3, 2, 1, 4, 3]
    >>> satisfaction_rate(answers).estimate, csat(answers).estimate  # 6 of 8 vs 3 of 8
    (0.75, 0.375)
    """
    sc = scales.get(scale)
    points = len(sc.values)
    if points % 2 == 0:
        raise CsatInputError(f"satisfaction_rate needs a scale with a middle point; {sc.name!r} has {points} points")
    return _box_result("satisfaction_rate", tally(scores, sc, weights), sc.top_box((points + 1) // 2), probability(ci),
                       one_of(method, ("wilson", "wald"), "method"))


@shared_docs
def mean_score(scores: object, *, scale: "str | scales.Scale", weights: object = None,
               ci: float = 0.95, variance: str = "kish") -> ScoreResult:
    """Mean answer on ``scale`` with a Student t interval.

    Parameters
    ----------
    scores : array-like
        Answers to one question, codes of ``scale``; missing answers are dropped and reported.
    @{scale}
    @{weights}
    @{ci}
    variance : {"kish", "linearization"}, default "kish"
        Standard error of a weighted mean: from Kish's effective sample size,
        or the Taylor-linearisation (sandwich) estimator. Without weights both
        give the textbook ``s / sqrt(n)``.

    Returns
    -------
    ScoreResult
        ``estimate`` (and ``mean``) is the mean answer; ``box`` is None.

    Notes
    -----
    ``mean = sum w x / sum w``. With ``variance="kish"``,
    ``se = sqrt(var_w / (n_eff - 1))`` with ``var_w = sum w (x - mean)^2 / sum w``
    and Kish's (1965) ``n_eff = (sum w)^2 / sum w^2``; the interval is
    ``mean +- t_{n_eff - 1} se`` (Student, 1908). With
    ``variance="linearization"``, the mean is treated as the ratio of two
    weighted totals and linearised (Woodruff, 1971), each answer its own
    primary sampling unit drawn with replacement:
    ``se = sqrt(n / (n - 1) * sum w^2 (x - mean)^2) / sum w``, interval
    ``mean +- t_{n - 1} se``; this is R survey's ``svymean`` on
    ``svydesign(ids = ~1, weights = ~w)`` and the HC1 robust standard error of
    an intercept-only weighted least squares fit. The linearised error also
    reflects how the weights go with the answers, which Kish's ``n_eff``
    ignores.

    References
    ----------
    Student (1908). The probable error of a mean. *Biometrika*, 6(1).
    Kish, L. (1965). *Survey Sampling*. Wiley.
    Woodruff, R. S. (1971). A simple method for approximating the variance of a complicated estimate.
    *Journal of the American Statistical Association*, 66(334).

    Examples
    --------
    >>> r = mean_score([1, 2, 3, 4, 5], scale="satisfaction5")
    >>> r.estimate, round(r.se, 4)
    (3.0, 0.7071)
    >>> w = [1, 1, 2, 2, 4]
    >>> round(mean_score([1, 2, 3, 4, 5], scale="satisfaction5", weights=w).se, 4)
    0.7975
    >>> round(mean_score([1, 2, 3, 4, 5], scale="satisfaction5", weights=w, variance="linearization").se, 4)
    0.703
    """
    return _box_result("mean", tally(scores, scale, weights), None, probability(ci), "t",
                       one_of(variance, _VARIANCES, "variance"))


@shared_docs
def ces(scores: object, *, scale: "str | scales.Scale" = "effort7", weights: object = None,
        ci: float = 0.95, variance: str = "kish") -> ScoreResult:
    """Customer Effort Score: mean answer to "the company made it easy for me".

    Parameters
    ----------
    scores : array-like
        Answers to one question, codes of ``scale``; missing answers are dropped and reported.
    scale : str or Scale, default "effort7"
        The answer scale, a name such as "effort7" or a :class:`~csat_lab.scales.Scale`.
    @{weights}
    @{ci}
    variance : {"kish", "linearization"}, default "kish"
        Standard error of a weighted mean, as in :func:`mean_score`.

    Returns
    -------
    ScoreResult
        ``estimate`` is the mean answer, with its Student t interval.

    Notes
    -----
    CES 2.0 is the mean ``sum w x / sum w`` on a 1-7 agreement scale where
    higher is easier (Dixon, Freeman & Toman, 2010); interval as in
    :func:`mean_score`.

    References
    ----------
    Dixon, M., Freeman, K., & Toman, N. (2010). Stop trying to delight your customers. *Harvard Business Review*, 88(7/8).

    Examples
    --------
    >>> ces([7, 6, 5, 7, 2]).estimate
    5.4
    """
    return _box_result("ces", tally(scores, scale, weights), None, probability(ci), "t",
                       one_of(variance, _VARIANCES, "variance"))
