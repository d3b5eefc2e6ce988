"""Study planning: simulate survey data from a known path model; sample size for a path.

:func:`simulate_structural` draws constructs from a recursive structural
model with known standardised paths and items from a reflective measurement
model, so an analyst can check that an analysis recovers the truth before
fielding a survey. :func:`power_for_path` gives the power to detect one path
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
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .._results import Result
from .._validate import probability
from ..errors import CsatInputError
from ..scales import get as get_scale
from ._prep import count, rng_from
from .pls import parse_inner

__all__ = ["simulate_structural", "power_for_path", "PowerResult"]


def _per_construct(value: object, constructs: list[str], name: str) -> dict[str, Any]:
    if isinstance(value, Mapping):
        missing = [c for c in constructs if c not in value]
        if missing:
            raise CsatInputError(f"{name} gives no value for constructs {missing}")
        return {c: value[c] for c in constructs}
    return {c: value for c in constructs}


def simulate_structural(paths: Mapping[tuple[str, str], float], *, n: int = 500, items: int | Mapping = 3,
                        loading: float | Mapping = 0.8, scale: str | None = None,
                        seed: int | np.random.Generator | None = None) -> tuple[pd.DataFrame, dict]:
    """Simulate item-level survey data from a standardised structural model.

    Constructs follow ``eta_j = sum_i beta_ij eta_i + zeta_j`` in causal
    order; exogenous constructs are independent N(0, 1) and each disturbance
    has variance ``1 - R^2_j`` so every construct has unit variance (the
    implied ``R^2_j = beta_j' Sigma_PP beta_j`` must stay below 1). Items are
    ``x = lambda eta + sqrt(1 - lambda^2) eps`` (Bollen 1989), named
    ``<construct>1..k``. With ``scale`` the items are rounded onto its codes
    around the midpoint (one code per ``(high - low + 1) / 5`` item SDs) and
    clipped at the ends.

    Parameters
    ----------
    paths : dict {(source, target): beta}
        Standardised path coefficients.
    n : int
        Respondents.
    items : int or dict construct -> int
        Items per construct.
    loading : float or dict construct -> float
        Standardised loading of every item (0 < loading <= 1).
    scale : str, optional
        Scale name such as ``"agree7"``; default continuous items.
    seed : int or numpy Generator

    Returns
    -------
    (DataFrame, dict)
        The items, and the truth: ``paths``, ``r2`` by endogenous construct,
        ``loading``, ``blocks`` (construct -> item names) and ``scores``.

    Examples
    --------
    >>> data, truth = simulate_structural({("QUAL", "SAT"): 0.6}, n=5, items=2, scale="satisfaction5", seed=0)
    >>> list(data.columns), truth["r2"]
    (['QUAL1', 'QUAL2', 'SAT1', 'SAT2'], {'SAT': 0.36})
    """
    if not isinstance(paths, Mapping) or not paths:
        raise CsatInputError("paths must be a non-empty dict {(source, target): coefficient}")
    n = count(n, "n", minimum=2)
    constructs: list[str] = []
    for edge in paths:
        if not (isinstance(edge, tuple) and len(edge) == 2):
            raise CsatInputError(f"each key of paths must be a (source, target) pair, got {edge!r}")
        constructs += [c for c in edge if c not in constructs]
    parse_inner(list(paths), constructs)
    order: list[str] = []
    while len(order) < len(constructs):
        order += [c for c in constructs if c not in order
                  and all(s in order for s, t in paths if t == c)]
    k_items = _per_construct(items, order, "items")
    lam = _per_construct(loading, order, "loading")
    for c in order:
        if not (isinstance(k_items[c], (int, np.integer)) and k_items[c] >= 1):
            raise CsatInputError(f"items for {c!r} must be a whole number >= 1, got {k_items[c]!r}")
        if not 0 < float(lam[c]) <= 1:
            raise CsatInputError(f"loading for {c!r} must lie in (0, 1], got {lam[c]!r}")
    rng = rng_from(seed)
    idx = {c: i for i, c in enumerate(order)}
    sigma = np.eye(len(order))
    eta = np.zeros((n, len(order)))
    r2: dict[str, float] = {}
    for c in order:
        j = idx[c]
        src = [idx[s] for s, t in paths if t == c]
        beta = np.array([float(paths[(order[i], c)]) for i in src])
        if src:
            explained = float(beta @ sigma[np.ix_(src, src)] @ beta)
            if explained >= 1:
                raise CsatInputError(f"paths into {c!r} explain {explained:.3f} >= 1 of its variance; "
                                     "standardised paths this large are impossible - make them smaller")
            r2[c] = round(explained, 12)
            for k in range(j):
                sigma[j, k] = sigma[k, j] = float(beta @ sigma[src, k])
            eta[:, j] = eta[:, src] @ beta + rng.standard_normal(n) * np.sqrt(1 - explained)
        else:
            eta[:, j] = rng.standard_normal(n)
    columns: dict[str, np.ndarray] = {}
    blocks: dict[str, list[str]] = {}
    for c in constructs:
        names = [f"{c}{i}" for i in range(1, k_items[c] + 1)]
        blocks[c] = names
        lc = float(lam[c])
        for name in names:
            columns[name] = lc * eta[:, idx[c]] + np.sqrt(1 - lc ** 2) * rng.standard_normal(n)
    data = pd.DataFrame(columns)
    if scale is not None:
        sc = get_scale(scale)
        spread = sc.size / 5
        data = np.clip(np.round(sc.midpoint + data * spread), sc.low, sc.high).astype(int)
    truth = {"paths": dict(paths), "r2": r2, "loading": {c: float(lam[c]) for c in constructs},
             "blocks": blocks, "scores": pd.DataFrame(eta, columns=order)[constructs]}
    return data, truth


@dataclasses.dataclass(frozen=True)
class PowerResult(Result):
    """Power to detect one path or driver, and the sample size needed."""

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


def _power(f2: float, n: np.ndarray, k: int, alpha: float) -> np.ndarray:
    from scipy import stats

    df2 = n - k - 1
    crit = stats.f.ppf(1 - alpha, 1, df2)
    return stats.ncf.sf(crit, 1, df2, f2 * n)


def power_for_path(beta: float, *, n_predictors: int = 1, r2: float | None = None, r2_predictor: float = 0.0,
                   reliability: float = 1.0, alpha: float = 0.05, power: float = 0.8,
                   n: int | None = None) -> PowerResult:
    """Sample size to detect a standardised path (or driver) coefficient with given power.

    The t-test of one coefficient among ``k`` predictors is an F(1, n-k-1)
    test with noncentrality ``lambda = f^2 n`` (the G*Power convention, Faul
    et al. 2009; Cohen 1988, ch. 9, uses ``f^2 (n - k + 1)``, the same for a
    single predictor), where

    .. math:: f^2 = \\frac{\\beta^{*2} (1 - R^2_{j})}{1 - R^2},
              \\qquad \\beta^* = \\beta \\sqrt{\\rho}

    ``R^2_j`` is the predictor's R^2 on the other predictors (collinearity),
    ``R^2`` the model's, and ``rho`` the product of the reliabilities of the
    two constructs, which attenuates the path observed on composites
    (Spearman 1904). The smallest ``n`` reaching ``power`` is found by
    bisection.

    Parameters
    ----------
    beta : float
        True standardised path or driver coefficient.
    n_predictors : int
        Predictors of the target construct in the model.
    r2 : float, optional
        R^2 of the full model (default: ``beta*^2 (1 - R^2_j)``, i.e. this predictor alone).
    r2_predictor : float
        R^2 of this predictor regressed on the other predictors.
    reliability : float
        Product of the reliabilities of source and target composites (1 = error-free).
    alpha : float
        Significance level (two-sided t-test).
    power : float
        Target power.
    n : int, optional
        A planned sample size whose power is also reported.

    Returns
    -------
    PowerResult with ``n_required``, ``power`` at ``n`` and a ``curve`` of power by n.

    Examples
    --------
    >>> res = power_for_path(0.3, n=80)
    >>> res.n_required, round(res.power, 3)
    (82, 0.793)
    """
    alpha, power = probability(alpha, "alpha"), probability(power, "power")
    k = count(n_predictors, "n_predictors", minimum=1)
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
    at_n = float(_power(f2, np.array([count(n, "n", minimum=k + 2)]), k, alpha)[0]) if n is not None else float("nan")
    return PowerResult(n_required=int(n_req), power=at_n, n=n, beta=float(beta), beta_observed=observed, f2=float(f2),
                       alpha=alpha, target_power=power, n_predictors=k, curve=curve)
