"""Study planning: the sample size needed to detect one path or key driver.

:func:`power_for_path` gives the power to detect one path
(or one key driver) and the sample size needed, from the noncentral F
distribution of the regression t-test (Cohen 1988), with attenuation for
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
from .._core.validate import probability, whole_number
from ..errors import CsatInputError

__all__ = ["power_for_path", "PowerResult"]


@dataclasses.dataclass(frozen=True)
class PowerResult(Result):
    """Power to detect one path or driver, and the sample size needed.

    Attributes
    ----------
    n_required : int
        Smallest sample size whose power reaches ``target_power``.
    power : float
        Power at the planned ``n``; NaN when no ``n`` was given.
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
        Power by sample size: columns ``n`` and ``power``.
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

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [("loyalty.power.n_required", self.n_required), ("loyalty.power.effect", self.f2)]
        if self.n is not None:
            rows += [("result.n", self.n), ("loyalty.power.power", self.power)]
        return rows

    @property
    def estimate(self) -> int:
        """The sample size needed."""
        return self.n_required


def _power(f2: float, n: np.ndarray, k: int, alpha: float) -> np.ndarray:
    from scipy import stats

    df2 = n - k - 1
    crit = stats.f.ppf(1 - alpha, 1, df2)
    return stats.ncf.sf(crit, 1, df2, f2 * n)


def power_for_path(beta: float, *, n_predictors: int = 1, r2: float | None = None, r2_predictor: float = 0.0,
                   reliability: float = 1.0, alpha: float = 0.05, power: float = 0.8,
                   n: int | None = None) -> PowerResult:
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

    Returns
    -------
    PowerResult
        ``n_required``, ``power`` at ``n`` (NaN without ``n``), ``f2`` and a
        ``curve`` of power by sample size.

    Raises
    ------
    CsatInputError
        ``beta = 0``, a reliability outside (0, 1], ``r2_predictor`` outside
        [0, 1), ``r2`` below this predictor's share or not below 1, or an
        effect too small for any practical sample size.

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
    (Spearman 1904). Power at ``n`` is
    ``P(F'(1, n-k-1, lambda) > F_{1-alpha}(1, n-k-1))``; the smallest ``n``
    reaching ``power`` is found by doubling, then bisection.

    References
    ----------
    Cohen, J. (1988). Statistical Power Analysis for the Behavioral Sciences
    (2nd ed.). Hillsdale, NJ: Erlbaum.
    Faul, F., Erdfelder, E., Buchner, A. & Lang, A.-G. (2009). Statistical
    power analyses using G*Power 3.1. Behavior Research Methods, 41(4), 1149-1160.
    Spearman, C. (1904). The proof and measurement of association between two
    things. American Journal of Psychology, 15(1), 72-101.

    Examples
    --------
    >>> res = power_for_path(0.3, n=80)
    >>> res.n_required, round(res.power, 3)
    (82, 0.793)
    """
    alpha, power = probability(alpha, "alpha"), probability(power, "power")
    k = whole_number(n_predictors, "n_predictors", minimum=1)
    for name, v in (("reliability", reliability),):
        if not 0 < float(v) <= 1:
            raise CsatInputError(f"{name} must lie in (0, 1], got {v!r}")
    if not 0 <= r2_predictor < 1:
        raise CsatInputError(f"r2_predictor must lie in [0, 1), got {r2_predictor!r}")
    observed = float(beta) * np.sqrt(float(reliability))
    gain = observed ** 2 * (1 - r2_predictor)
    model_r2 = gain if r2 is None else float(r2)
    if not gain <= model_r2 < 1:
        raise CsatInputError(f"r2 must lie in [{gain:.4f}, 1): the model explains at least this path's share")
    if gain == 0:
        raise CsatInputError("beta = 0: there is no effect to detect")
    f2 = gain / (1 - model_r2)
    lo, hi = k + 2, k + 2
    while _power(f2, np.array([hi]), k, alpha)[0] < power:
        lo, hi = hi, hi * 2
        if hi > 10 ** 9:
            raise CsatInputError("the effect is too small to detect with any practical sample size")
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if _power(f2, np.array([mid]), k, alpha)[0] < power else (lo, mid)
    n_req = hi if _power(f2, np.array([lo]), k, alpha)[0] < power else lo
    grid = np.unique(np.linspace(k + 2, max(2 * n_req, k + 3), 60).astype(int))
    curve = pd.DataFrame({"n": grid, "power": _power(f2, grid, k, alpha)})
    at_n = float(_power(f2, np.array([whole_number(n, "n", minimum=k + 2)]), k, alpha)[0]) if n is not None else float("nan")
    return PowerResult(n_required=int(n_req), power=at_n, n=n, beta=float(beta), beta_observed=observed, f2=float(f2),
                       alpha=alpha, target_power=power, n_predictors=k, curve=curve)
