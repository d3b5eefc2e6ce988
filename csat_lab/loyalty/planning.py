"""Study planning: the sample size needed to detect one path or key driver.

:func:`power_for_path` gives the power to detect one path
(or one key driver) and the sample size needed, from the noncentral F
distribution of the regression t-test (Cohen 1988) with predictors fixed by
design (the G*Power convention), or exactly for predictors that are random
draws, as survey answers are (Gatsonis & Sampson 1989), with attenuation for
measurement error.

Examples
--------
>>> from csat_lab.loyalty import power_for_path
>>> power_for_path(0.2, n_predictors=3, r2=0.3).n_required
140
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import Result
from .._core.validate import finite_number, one_of, probability, whole_number
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["power_for_path", "PowerResult"]

#: The power conventions: predictors fixed by design (G*Power) or random draws (exact).
PREDICTORS = ("fixed", "random")


@dataclasses.dataclass(frozen=True)
class PowerResult(Result):
    """Power to detect one path or driver, and the sample size needed.

    Attributes
    ----------
    n_required : int
        Smallest sample size whose power reaches ``target_power``.
    power : float
        Power at the planned ``n`` under the convention chosen (``predictors``);
        NaN when no ``n`` was given.
    n : int or None
        The planned sample size passed, or None.
    beta : float
        The true standardised coefficient passed.
    beta_observed : float
        The coefficient attenuated by measurement error, ``beta * sqrt(reliability)``.
    f2 : float
        Cohen's effect size ``f^2`` of the coefficient's test.
    alpha : float
        Significance level of the (two-sided) test.
    target_power : float
        The power the sample size is planned for.
    n_predictors : int
        Predictors of the target construct.
    curve : pandas.DataFrame
        Power by sample size: columns ``n``, ``power`` (the convention chosen),
        ``power_fixed`` and ``power_random``.
    predictors : str
        The convention of ``power``, ``n_required`` and ``curve["power"]``:
        ``"fixed"`` (predictors fixed by design, G*Power) or ``"random"``
        (predictors drawn at random, exact).
    convention : Message
        The convention, as text.
    power_fixed : float
        Power at ``n`` with fixed predictors (NaN without ``n``).
    power_random : float
        Exact power at ``n`` with random (multivariate normal) predictors (NaN without ``n``).
    estimate : int
        Property: ``n_required``.
    """

    n_required: int
    power: float
    n: int | None
    beta: float
    beta_observed: float
    f2: float
    alpha: float
    target_power: float
    n_predictors: int
    curve: pd.DataFrame
    predictors: str = "fixed"
    convention: Any = None
    power_fixed: float = float("nan")
    power_random: float = float("nan")

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [("loyalty.power.n_required", self.n_required), ("loyalty.power.effect", self.f2),
                ("loyalty.power.convention", self.convention)]
        if self.n is not None:
            rows += [("result.n", self.n), ("loyalty.power.power", self.power),
                     ("loyalty.power.power_fixed", self.power_fixed),
                     ("loyalty.power.power_random", self.power_random)]
        return rows

    @property
    def estimate(self) -> int:
        """The sample size needed."""
        return self.n_required


def _power(f2: float, n: np.ndarray, k: int, alpha: float) -> np.ndarray:
    """Fixed predictors: ``P(F'(1, n-k-1, f2 n) > F_crit)`` (the G*Power convention)."""
    from scipy import stats

    df2 = n - k - 1
    crit = stats.f.ppf(1 - alpha, 1, df2)
    return stats.ncf.sf(crit, 1, df2, f2 * n)


def _power_random(f2: float, n: np.ndarray, k: int, alpha: float) -> np.ndarray:
    """Random predictors: exact power from the distribution of the sample squared partial correlation.

    The coefficient's t-test rejects when the sample squared partial
    correlation exceeds ``r2_crit = F_crit / (F_crit + n - k - 1)``. Under
    multivariate normality it is distributed as a squared simple correlation
    from ``N = n - k + 1`` observations with population value
    ``rho2 = f2 / (1 + f2)``: a negative-binomial mixture of
    ``Beta(1/2 + j, (N - 2)/2)`` with weights ``NB(j; (N - 1)/2, 1 - rho2)``
    (Fisher 1928; Gatsonis & Sampson 1989), summed over every ``j`` of
    non-negligible weight.
    """
    from scipy import stats

    rho2 = f2 / (1 + f2)
    out = np.empty(len(n))
    for i, size in enumerate(np.asarray(n, dtype=float)):
        df2 = size - k - 1
        crit = stats.f.ppf(1 - alpha, 1, df2)
        r2_crit = crit / (crit + df2)
        shape = (size - k) / 2  # (N - 1) / 2
        lo, hi = stats.nbinom.ppf([1e-15, 1 - 1e-15], shape, 1 - rho2)
        j = np.arange(int(lo), int(hi) + 1)
        out[i] = float(np.sum(stats.nbinom.pmf(j, shape, 1 - rho2) * stats.beta.sf(r2_crit, 0.5 + j, df2 / 2)))
    return np.clip(out, 0.0, 1.0)


def power_for_path(beta: float, *, n_predictors: int = 1, r2: float | None = None, r2_predictor: float = 0.0,
                   reliability: float = 1.0, alpha: float = 0.05, power: float = 0.8,
                   n: int | None = None, predictors: str = "fixed") -> PowerResult:
    """Sample size to detect a standardised path (or driver) coefficient with given power.

    Plans a study: how many respondents are needed so that the test of one
    path of a path model (or one key driver of a regression) rejects "no
    effect" with probability ``power``, allowing for collinearity with the
    other predictors and for measurement error in the composites.

    Parameters
    ----------
    beta : float
        True standardised path or driver coefficient (not 0).
    n_predictors : int, default 1
        Predictors of the target construct in the model, ``k``.
    r2 : float, optional
        R^2 of the full model (default: ``beta*^2 (1 - R^2_j)``, i.e. this
        predictor alone); at least this predictor's share and below 1.
    r2_predictor : float, default 0.0
        R^2 of this predictor regressed on the other predictors (``R^2_j``, collinearity), in [0, 1).
    reliability : float, default 1.0
        Product of the reliabilities of source and target composites, in (0, 1] (1 = error-free).
    alpha : float, default 0.05
        Significance level of the two-sided t-test.
    power : float, default 0.8
        Target power, strictly between 0 and 1.
    n : int, optional
        A planned sample size whose power is also reported (at least ``k + 2``).
    predictors : {"fixed", "random"}, default "fixed"
        The convention of ``power`` and ``n_required``: predictors fixed by
        design (the G*Power convention, noncentrality ``f^2 n``) or random
        draws from a multivariate normal population, as the answers of a
        survey are (exact; slightly lower power). Both powers at ``n`` are
        reported whichever is chosen.

    Returns
    -------
    PowerResult
        ``n_required``, ``power`` at ``n`` (NaN without ``n``) under the
        convention chosen, ``power_fixed`` and ``power_random`` beside it,
        ``f2``, and a ``curve`` of power by sample size.

    Raises
    ------
    CsatInputError
        ``beta = 0`` or not a number, a standardised effect that cannot
        exist (``beta^2 (1 - R^2_j) >= 1``, e.g. ``beta = 1.5``), a
        reliability outside (0, 1], ``r2_predictor`` outside [0, 1), ``r2``
        below this predictor's share or not below 1, or an effect too small
        for any practical sample size.

    Notes
    -----
    The t-test of one coefficient among ``k`` predictors is an F(1, n-k-1)
    test with noncentrality ``lambda = f^2 n`` (the G*Power convention, Faul
    et al. 2009; Cohen 1988, ch. 9, uses ``f^2 (n - k + 1)``, the same for a
    single predictor), where

    .. math:: f^2 = \\frac{\\beta^{*2} (1 - R^2_{j})}{1 - R^2},
              \\qquad \\beta^* = \\beta \\sqrt{\\rho}

    ``R^2_j`` is the predictor's R^2 on the other predictors (collinearity),
    ``R^2`` the model's, and ``rho`` the product of the reliabilities of the
    two constructs, which attenuates the path observed on composites
    (Spearman 1904). With fixed predictors the power at ``n`` is
    ``P(F'(1, n-k-1, lambda) > F_{1-alpha}(1, n-k-1))``.

    With random predictors the test rejects when the sample squared partial
    correlation exceeds :math:`r^2_c = F_c / (F_c + n - k - 1)`; that
    statistic is distributed as a squared correlation from
    :math:`N = n - k + 1` observations with population value
    :math:`\\rho^2 = f^2 / (1 + f^2)`, whose law is the mixture
    :math:`\\sum_j \\text{NB}(j; \\tfrac{N-1}{2}, 1 - \\rho^2)\\,
    \\text{Beta}(\\tfrac12 + j, \\tfrac{N-2}{2})` (Fisher 1928; Gatsonis &
    Sampson 1989), so the power is the mixture's tail beyond :math:`r^2_c`.
    At ``beta = 0.3``, ``n = 80``: 0.793 (fixed) against 0.780 (random).
    The smallest ``n`` reaching ``power`` is found by doubling, then bisection.

    References
    ----------
    Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences
    (2nd ed.). Hillsdale, NJ: Erlbaum.
    Faul, F., Erdfelder, E., Buchner, A. & Lang, A.-G. (2009). Statistical
    power analyses using G*Power 3.1. Behavior Research Methods, 41(4), 1149-1160.
    Spearman, C. (1904). The proof and measurement of association between two
    things. American Journal of Psychology, 15(1), 72-101.
    Gatsonis, C. & Sampson, A. R. (1989). Multiple correlation: exact power and
    sample size calculations. Psychological Bulletin, 106(3), 516-524.

    Examples
    --------
    >>> res = power_for_path(0.3, n=80)
    >>> res.n_required, round(res.power, 3), round(res.power_random, 3)
    (82, 0.793, 0.78)
    >>> power_for_path(0.3, n=80, predictors="random").n_required
    84
    """
    alpha, power = probability(alpha, "alpha"), probability(power, "power")
    one_of(predictors, PREDICTORS, "predictors")
    k = whole_number(n_predictors, "n_predictors", minimum=1)
    beta = finite_number(beta, "beta")
    reliability = finite_number(reliability, "reliability")
    if not 0 < reliability <= 1:
        raise CsatInputError(f"reliability must lie in (0, 1], got {reliability!r}")
    r2_predictor = finite_number(r2_predictor, "r2_predictor")
    if not 0 <= r2_predictor < 1:
        raise CsatInputError(f"r2_predictor must lie in [0, 1), got {r2_predictor!r}")
    if beta == 0:
        raise CsatInputError("beta = 0: there is no effect to detect")
    observed = beta * np.sqrt(reliability)
    gain = observed ** 2 * (1 - r2_predictor)
    if gain >= 1:
        raise CsatInputError(
            f"beta={beta:g} is impossible for a standardised path: the variance it explains, "
            f"beta^2 x reliability x (1 - r2_predictor) = {gain:.4g}, must be below 1 "
            f"(|beta| < {1 / np.sqrt(reliability * (1 - r2_predictor)):.4g} here); "
            "give the standardised coefficient, not the raw one")
    model_r2 = gain if r2 is None else finite_number(r2, "r2")
    if not gain <= model_r2 < 1:
        raise CsatInputError(f"r2 must lie in [{gain:.4f}, 1): the model explains at least this path's share, "
                             f"got {r2!r}")
    n_plan = whole_number(n, "n", minimum=k + 2) if n is not None else None
    f2 = gain / (1 - model_r2)
    pick = _power if predictors == "fixed" else _power_random
    lo, hi = k + 2, k + 2
    while pick(f2, np.array([hi]), k, alpha)[0] < power:
        lo, hi = hi, hi * 2
        if hi > 10 ** 9:
            raise CsatInputError("the effect is too small to detect with any practical sample size")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if pick(f2, np.array([mid]), k, alpha)[0] < power else (lo, mid)
    n_req = hi if pick(f2, np.array([lo]), k, alpha)[0] < power else lo
    grid = np.unique(np.linspace(k + 2, max(2 * n_req, k + 3), 60).astype(int))
    fixed_curve, random_curve = _power(f2, grid, k, alpha), _power_random(f2, grid, k, alpha)
    curve = pd.DataFrame({"n": grid, "power": fixed_curve if predictors == "fixed" else random_curve,
                          "power_fixed": fixed_curve, "power_random": random_curve})
    nan = float("nan")
    at_fixed = float(_power(f2, np.array([n_plan]), k, alpha)[0]) if n_plan is not None else nan
    at_random = float(_power_random(f2, np.array([n_plan]), k, alpha)[0]) if n_plan is not None else nan
    return PowerResult(n_required=int(n_req), power=at_fixed if predictors == "fixed" else at_random, n=n_plan,
                       beta=beta, beta_observed=float(observed), f2=float(f2), alpha=alpha, target_power=power,
                       n_predictors=k, curve=curve, predictors=predictors,
                       convention=Message(f"value.power.{predictors}"), power_fixed=at_fixed,
                       power_random=at_random)
