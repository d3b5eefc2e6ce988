"""Survey design: margins of error, required sample sizes, response rates.

Formulas for simple random samples (Cochran, 1977, *Sampling Techniques*,
ch. 4), with the finite population correction when the population size is
given.

Examples
--------
>>> from csat_lab.survey import margin_of_error, sample_size
>>> round(margin_of_error(400), 4)
0.049
>>> sample_size(0.05)
385
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._core.docstrings import shared_docs
from .._core.intervals import wilson, z_value
from .._core.results import Result
from .._core.validate import probability, whole_number
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["margin_of_error", "sample_size", "sample_size_mean", "sample_size_nps", "nps_margin_of_error",
           "response_rates", "ResponseRates"]


#: Largest head count accepted (far above any population; larger ints do not convert to float).
_MAX_COUNT = 10**15




def _positive(value: object, name: str) -> float:
    if isinstance(value, (bool, np.bool_)):
        raise CsatInputError(f"{name} must be a positive number, got the boolean {value!r}")
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        raise CsatInputError(f"{name} must be a positive number, got {value!r}") from None
    if not v > 0 or not math.isfinite(v):
        raise CsatInputError(f"{name} must be a positive number, got {value!r}")
    return v


def _n0(numerator: float, moe: float) -> float:
    """``numerator / moe^2`` without overflow or division by an underflowed ``moe^2`` (inf when too large)."""
    with np.errstate(over="ignore", divide="ignore", under="ignore"):
        return float(np.float64(numerator) / np.float64(moe) ** 2)


def _fpc(n: int, population: int | None) -> float:
    if population is None:
        return 1.0
    big_n = whole_number(population, "population", minimum=2, maximum=_MAX_COUNT)
    if n > big_n:
        raise CsatInputError(f"sample size n={n} exceeds the population ({big_n})")
    return math.sqrt((big_n - n) / (big_n - 1))


def _shrink(n0: float, population: int | None) -> int:
    if population is None:
        if not math.isfinite(n0):
            raise CsatInputError(
                "the margin of error asked for is so small that the sample size exceeds the floating-point range; "
                "give a realistic moe (e.g. 0.03) or the population size")
        return math.ceil(n0 - 1e-9)
    big_n = whole_number(population, "population", minimum=2, maximum=_MAX_COUNT)
    if not math.isfinite(n0) or n0 >= _MAX_COUNT:
        return big_n  # the margin needs a census
    return min(big_n, math.ceil(n0 / (1 + (n0 - 1) / big_n) - 1e-9))


@shared_docs
def margin_of_error(n: int, *, p: float = 0.5, ci: float = 0.95, population: int | None = None) -> float:
    """Half-width of the normal interval of a proportion from ``n`` answers.

    Parameters
    ----------
    n : int
        Number of answers.
    p : float, default 0.5
        Expected proportion; 0.5 is the worst case (widest interval).
    @{ci}
    population : int, optional
        Size ``N`` of the population sampled; applies the finite population correction.

    Returns
    -------
    float
        The margin of error, as a proportion (0.031 is +-3.1 points).

    Notes
    -----
    ``moe = z sqrt(p (1 - p) / n) * sqrt((N - n) / (N - 1))`` where the last
    factor (finite population correction) applies when ``population=N`` is
    given.

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.), ch. 4. Wiley.

    Examples
    --------
    >>> round(margin_of_error(1000), 4)
    0.031
    >>> round(margin_of_error(1000, population=2000), 4)
    0.0219
    """
    n = whole_number(n, "n", minimum=1, maximum=_MAX_COUNT)
    p = probability(p, "p")
    return z_value(probability(ci)) * math.sqrt(p * (1 - p) / n) * _fpc(n, population)


@shared_docs
def sample_size(moe: float, *, p: float = 0.5, ci: float = 0.95, population: int | None = None) -> int:
    """Answers needed to estimate a proportion within ``+- moe``.

    Parameters
    ----------
    moe : float
        Margin of error aimed at, as a proportion (0.05 is +-5 points).
    p : float, default 0.5
        Expected proportion; 0.5 is the worst case (largest sample).
    @{ci}
    population : int, optional
        Size ``N`` of the population sampled; applies the finite population correction.

    Returns
    -------
    int
        The sample size, rounded up.

    Notes
    -----
    ``n0 = z^2 p (1 - p) / moe^2``; with a population of ``N``,
    ``n = n0 / (1 + (n0 - 1) / N)`` (Cochran, 1977, eq. 4.2). Rounded up.
    A margin so small that ``n0`` leaves the floating-point range raises an
    error, or gives ``N`` (a census) when the population is known.

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.), ch. 4. Wiley.

    Examples
    --------
    >>> sample_size(0.03)
    1068
    >>> sample_size(0.05, population=500)
    218
    """
    moe = probability(moe, "moe")
    p = probability(p, "p")
    z = z_value(probability(ci))
    return _shrink(_n0(z**2 * p * (1 - p), moe), population)


@shared_docs
def sample_size_mean(moe: float, sd: float, *, ci: float = 0.95, population: int | None = None) -> int:
    """Answers needed to estimate a mean score within ``+- moe`` given its standard deviation.

    Parameters
    ----------
    moe : float
        Margin of error aimed at, in scale points.
    sd : float
        Expected standard deviation of the answers (e.g. from a pilot or an earlier wave).
    @{ci}
    population : int, optional
        Size ``N`` of the population sampled; applies the finite population correction.

    Returns
    -------
    int
        The sample size, rounded up.

    Notes
    -----
    ``n0 = (z sd / moe)^2``, then ``n = n0 / (1 + (n0 - 1) / N)`` with a
    population of ``N``, as in :func:`sample_size`.

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.), ch. 4. Wiley.

    Examples
    --------
    >>> sample_size_mean(0.1, 1.0)
    385
    """
    moe, sd = _positive(moe, "moe"), _positive(sd, "sd")
    z = z_value(probability(ci))
    with np.errstate(over="ignore"):
        n0 = float((np.float64(z) * np.float64(sd) / np.float64(moe)) ** 2)
    return _shrink(n0, population)


def _nps_var(promoters: float, detractors: float) -> float:
    pp, pd_ = probability(promoters, "promoters"), probability(detractors, "detractors")
    if pp + pd_ > 1:
        raise CsatInputError(f"promoters + detractors must not exceed 1, got {pp + pd_:g}")
    return 100**2 * (pp + pd_ - (pp - pd_) ** 2)


@shared_docs
def sample_size_nps(moe: float, *, promoters: float = 0.5, detractors: float = 0.5, ci: float = 0.95,
                    population: int | None = None) -> int:
    """Answers needed to estimate NPS within ``+- moe`` points (on -100..100).

    Parameters
    ----------
    moe : float
        Margin of error aimed at, in NPS points (0-200).
    promoters : float, default 0.5
        Expected share of promoters (9-10).
    detractors : float, default 0.5
        Expected share of detractors (0-6); the defaults give the worst case.
    @{ci}
    population : int, optional
        Size ``N`` of the population sampled; applies the finite population correction.

    Returns
    -------
    int
        The sample size, rounded up.

    Notes
    -----
    NPS is 100 times the share of promoters minus the share of detractors
    (Reichheld, 2003). One answer scores +100, 0 or -100 with probabilities
    ``p+``, ``1 - p+ - p-``, ``p-`` (one multinomial draw), so its variance is
    ``100^2 [p+ + p- - (p+ - p-)^2]`` and ``n0 = z^2 * that / moe^2``, shrunk
    for a finite population as in :func:`sample_size` (Cochran, 1977). The
    default shares (0.5, 0.5) give the worst case, variance ``100^2``.

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley.
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12).

    Examples
    --------
    >>> sample_size_nps(5)
    1537
    >>> sample_size_nps(5, promoters=0.4, detractors=0.2)
    861
    """
    moe = _positive(moe, "moe")
    if moe > 200:
        raise CsatInputError(f"moe is in NPS points (0-200), got {moe:g}")
    z = z_value(probability(ci))
    return _shrink(_n0(z**2 * _nps_var(promoters, detractors), moe), population)


@shared_docs
def nps_margin_of_error(n: int, *, promoters: float = 0.5, detractors: float = 0.5, ci: float = 0.95,
                        population: int | None = None) -> float:
    """Half-width (NPS points) of the normal (Wald) NPS interval from ``n`` answers.

    Parameters
    ----------
    n : int
        Number of answers.
    promoters : float, default 0.5
        Expected share of promoters (9-10).
    detractors : float, default 0.5
        Expected share of detractors (0-6); the defaults give the worst case.
    @{ci}
    population : int, optional
        Size ``N`` of the population sampled; applies the finite population correction.

    Returns
    -------
    float
        The margin of error in NPS points.

    Notes
    -----
    ``moe = z * 100 sqrt([p+ + p- - (p+ - p-)^2] / n) * fpc``: the standard
    error of NPS (Reichheld, 2003) from the multinomial variance of one answer
    (see :func:`sample_size_nps`), with the finite population correction
    ``fpc = sqrt((N - n) / (N - 1))`` when ``population=N`` is given
    (Cochran, 1977). This is the half-width of ``metrics.nps(...,
    method="wald")``; the default adjusted-Wald interval of
    :func:`csat_lab.metrics.nps` has nearly the same width for planning
    sizes (it adds 3 pseudo-answers).

    References
    ----------
    Cochran, W. G. (1977). *Sampling Techniques* (3rd ed.). Wiley.
    Reichheld, F. F. (2003). The one number you need to grow. *Harvard Business Review*, 81(12).

    Examples
    --------
    >>> round(nps_margin_of_error(400, promoters=0.4, detractors=0.2), 2)
    7.33
    """
    n = whole_number(n, "n", minimum=1, maximum=_MAX_COUNT)
    return z_value(probability(ci)) * math.sqrt(_nps_var(promoters, detractors) / n) * _fpc(n, population)


@dataclass(frozen=True)
class ResponseRates(Result):
    """Start, completion and response rates of a survey invitation.

    Attributes
    ----------
    invited : int
        People invited.
    started : int
        People who started the questionnaire.
    completed : int
        People who completed it.
    start_rate : float
        ``started / invited``.
    completion_rate : float
        ``completed / started`` (NaN when nobody started).
    response_rate : float
        ``completed / invited``.
    ci : tuple of float
        ``(low, high)`` Wilson interval of the response rate.
    ci_method : Message
        How the interval was computed (Wilson score).
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    estimate : float
        The headline number, the same as ``response_rate``.
    """

    invited: int
    started: int
    completed: int
    start_rate: float
    completion_rate: float
    response_rate: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float = 0.95

    @property
    def estimate(self) -> float:
        """The response rate (same as ``response_rate``)."""
        return self.response_rate

    def _summary(self) -> list[tuple[str, Any]]:
        return [("survey.invited", self.invited), ("survey.started", self.started), ("survey.completed", self.completed),
                ("survey.start_rate", self.start_rate, "share"), ("survey.completion_rate", self.completion_rate, "share"),
                ("survey.response_rate", self.response_rate, "share"), ("result.ci", self.ci),
                ("result.method", self.ci_method)]


@shared_docs
def response_rates(invited: int, started: int, completed: int, *, ci: float = 0.95) -> ResponseRates:
    """Response rate (completed / invited) versus completion rate (completed / started).

    Parameters
    ----------
    invited : int
        People invited.
    started : int
        People who started the questionnaire (at most ``invited``).
    completed : int
        People who completed it (at most ``started``).
    @{ci}

    Returns
    -------
    ResponseRates
        The three rates and a Wilson interval of the response rate.

    Notes
    -----
    ``start rate = started / invited``; ``completion rate = completed /
    started`` (how many who began finished); ``response rate = completed /
    invited`` (AAPOR RR1 when every invitation reached an eligible person).
    The interval is Wilson's (1927) score interval of the response rate on
    ``n = invited``.

    References
    ----------
    AAPOR (2016). *Standard Definitions: Final Dispositions of Case Codes and Outcome Rates for Surveys* (9th ed.).
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> r = response_rates(1000, 300, 240)
    >>> r.estimate, r.completion_rate
    (0.24, 0.8)
    """
    invited = whole_number(invited, "invited", minimum=1, maximum=_MAX_COUNT)
    started = whole_number(started, "started", minimum=0, maximum=_MAX_COUNT)
    completed = whole_number(completed, "completed", minimum=0, maximum=_MAX_COUNT)
    if not completed <= started <= invited:
        raise CsatInputError(f"need completed <= started <= invited; got {completed}, {started}, {invited}")
    rr = completed / invited
    level = probability(ci)
    return ResponseRates(invited, started, completed, started / invited,
                         completed / started if started else float("nan"), rr,
                         wilson(rr, invited, level), Message("value.method.wilson"), level)
