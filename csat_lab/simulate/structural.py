"""Survey data from a known structural (path) model, to check an analysis before fielding a survey.

:func:`simulate_structural` draws constructs from a recursive structural model
with known standardised paths, and items from a reflective measurement model,
so a PLS path model or a key-driver analysis can be shown to recover the truth.

Examples
--------
>>> from csat_lab.simulate import simulate_structural
>>> data, truth = simulate_structural({("QUAL", "SAT"): 0.5}, n=4, seed=1)
>>> data.shape, truth["r2"]
((4, 6), {'SAT': 0.25})
"""

from __future__ import annotations

from typing import Any, Mapping

import numpy as np
import pandas as pd

from .._core.validate import finite_number, rng_from
from ..errors import CsatInputError
from ..loyalty.pls.spec import parse_inner
from ..scales import get as get_scale
from ._common import respondents

__all__ = ["DEFAULT_SEED", "simulate_structural"]

#: Seed used when none is given, so the same call gives the same data.
DEFAULT_SEED = 20240901


def simulate_structural(paths: Mapping[tuple[str, str], float], *, n: int = 500, items: int | Mapping = 3,
                        loading: float | Mapping = 0.8, scale: str | None = None,
                        seed: int | np.random.Generator | None = DEFAULT_SEED) -> tuple[pd.DataFrame, dict]:
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
        Standardised path coefficients (finite numbers); constructs are named
        by non-empty texts; the model must be recursive (no cycles).
    n : int, default 500
        Respondents, 2 to 1,000,000.
    items : int or dict construct -> int, default 3
        Items per construct.
    loading : float or dict construct -> float, default 0.8
        Standardised loading of every item (0 < loading <= 1).
    scale : str, optional
        Scale name such as ``"agree7"``; default continuous items.
    seed : int, numpy Generator or None, default 20240901
        Seed of the random draws (:data:`DEFAULT_SEED`), so the same call gives
        the same data; pass another whole number for another sample, or None
        for fresh randomness.

    Returns
    -------
    (DataFrame, dict)
        The items (columns ``<construct>1..k``, constructs in order of first
        mention), and the truth: ``paths``, ``r2`` by endogenous construct,
        ``loading``, ``blocks`` (construct -> item names), ``scores`` (the
        construct scores drawn) and ``seed`` (the seed as given).

    References
    ----------
    Bollen, K. A. (1989). Structural Equations with Latent Variables. Wiley.

    Examples
    --------
    >>> data, truth = simulate_structural({("QUAL", "SAT"): 0.6}, n=5, items=2, scale="satisfaction5", seed=0)
    >>> list(data.columns), truth["r2"]
    (['QUAL1', 'QUAL2', 'SAT1', 'SAT2'], {'SAT': 0.36})
    """
    constructs, order = _constructs(paths)
    n = respondents(n, 2, 1_000_000)
    k_items, lam = _measurement(items, loading, order)
    rng = rng_from(seed)
    eta, r2 = _draw_constructs(paths, order, n, rng)
    data, blocks = _draw_items(eta, constructs, order, k_items, lam, rng)
    if scale is not None:
        data = _onto_scale(data, scale)
    truth = {"paths": dict(paths), "r2": r2, "loading": {c: float(lam[c]) for c in constructs},
             "blocks": blocks, "scores": pd.DataFrame(eta, columns=order)[constructs], "seed": seed}
    return data, truth


def _constructs(paths: object) -> tuple[list[str], list[str]]:
    """Constructs in order of first mention, and in causal order (every source before its targets)."""
    if not isinstance(paths, Mapping) or not paths:
        raise CsatInputError("paths must be a non-empty dict {(source, target): coefficient}")
    constructs: list[str] = []
    for edge in paths:
        if not (isinstance(edge, tuple) and len(edge) == 2):
            raise CsatInputError(f"each key of paths must be a (source, target) pair, got {edge!r}")
        if not all(isinstance(c, str) and c.strip() for c in edge):
            raise CsatInputError(f"constructs must be named by non-empty texts; the path {edge!r} has another name")
        coef = paths[edge]
        if isinstance(coef, (bool, np.bool_)):
            raise CsatInputError(f"the coefficient of path {edge[0]} -> {edge[1]} must be a number, got {coef!r}")
        finite_number(coef, f"the coefficient of path {edge[0]} -> {edge[1]}")
        constructs += [c for c in edge if c not in constructs]
    parse_inner(list(paths), constructs)  # rejects self-loops and cycles
    order: list[str] = []
    while len(order) < len(constructs):
        order += [c for c in constructs if c not in order and all(s in order for s, t in paths if t == c)]
    return constructs, order


def _per_construct(value: object, constructs: list[str], name: str) -> dict[str, Any]:
    if isinstance(value, Mapping):
        missing = [c for c in constructs if c not in value]
        if missing:
            raise CsatInputError(f"{name} gives no value for constructs {missing}")
        return {c: value[c] for c in constructs}
    return {c: value for c in constructs}


def _measurement(items: object, loading: object, order: list[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Items per construct and their loadings, checked."""
    k_items = _per_construct(items, order, "items")
    lam = _per_construct(loading, order, "loading")
    for c in order:
        k = k_items[c]
        if isinstance(k, (bool, np.bool_)) or not (isinstance(k, (int, np.integer)) and k >= 1):
            raise CsatInputError(f"items for {c!r} must be a whole number >= 1, got {k!r}")
        value = lam[c]
        if isinstance(value, (bool, np.bool_)) or not 0 < finite_number(value, f"loading for {c!r}") <= 1:
            raise CsatInputError(f"loading for {c!r} must lie in (0, 1], got {value!r}")
    names = [f"{c}{i}" for c in order for i in range(1, k_items[c] + 1)]
    clash = sorted({n for n in names if names.count(n) > 1})
    if clash:
        raise CsatInputError(f"item names {clash[:5]} would be made twice (construct name + item number); "
                             "rename the constructs so that no name is another's name plus digits")
    return k_items, lam


def _draw_constructs(paths: Mapping[tuple[str, str], float], order: list[str], n: int,
                     rng: np.random.Generator) -> tuple[np.ndarray, dict[str, float]]:
    """Standardised construct scores in causal order, and the R^2 of each endogenous construct."""
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
    return eta, r2


def _draw_items(eta: np.ndarray, constructs: list[str], order: list[str], k_items: dict[str, Any],
                lam: dict[str, Any], rng: np.random.Generator) -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """Reflective items ``lambda eta + sqrt(1 - lambda^2) eps`` for each construct, and the blocks."""
    idx = {c: i for i, c in enumerate(order)}
    n = eta.shape[0]
    columns: dict[str, np.ndarray] = {}
    blocks: dict[str, list[str]] = {}
    for c in constructs:
        names = [f"{c}{i}" for i in range(1, k_items[c] + 1)]
        blocks[c] = names
        lc = float(lam[c])
        for name in names:
            columns[name] = lc * eta[:, idx[c]] + np.sqrt(1 - lc ** 2) * rng.standard_normal(n)
    return pd.DataFrame(columns), blocks


def _onto_scale(data: pd.DataFrame, scale: str) -> pd.DataFrame:
    """Round continuous items onto the codes of ``scale`` around its midpoint, clipped at the ends."""
    sc = get_scale(scale)
    spread = sc.size / 5
    return np.clip(np.round(sc.midpoint + data * spread), sc.low, sc.high).astype(int)
