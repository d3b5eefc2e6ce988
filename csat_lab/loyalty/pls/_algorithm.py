"""PLS path modelling algorithm on the item covariance matrix (internal).

Wold's (1982) / Lohmoller's (1989) iterative algorithm touches the data only
through the items' covariance matrix ``S``: with block weights ``W`` (items x
constructs, zero outside each block) the outer estimates ``Y = X W`` have
covariance ``W' S W`` and, with inner weights ``E``, the covariance between
items and inner estimates ``Z = Y E`` is ``S W E``. Mode A weights are those
covariances; mode B weights regress ``Z`` on the block
(``S_jj^{-1} (S W E)_j``). So each iteration costs a few ``p x p`` products
whatever the number of respondents, which is what makes 1,000 bootstrap
replicates cheap: each replicate only recomputes ``S``. The reliability and
validity measures computed from a fit live in :mod:`.quality`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...errors import CsatConvergenceError

SCHEMES = ("centroid", "factorial", "path")


def item_covariance(x: np.ndarray, scaled: bool) -> np.ndarray:
    """The items' covariance matrix ``S`` (divisor n - 1); their correlation matrix when ``scaled``."""
    s = np.cov(x, rowvar=False)
    if scaled:
        sd = np.sqrt(np.diag(s))
        s = s / np.outer(sd, sd)
    return s


@dataclass
class CoreFit:
    """Raw output of one PLS fit (all arrays in construct order)."""

    weights: np.ndarray  # p x J, Y = X_std_or_centred @ weights has unit (n-1) variance
    lv_corr: np.ndarray  # J x J
    paths: np.ndarray  # J x J, paths[i, j] = coefficient of i -> j
    r2: np.ndarray  # J (0 for exogenous)
    loadings: np.ndarray  # p x J cross-loadings (item-construct correlations)
    iterations: int


def _normalise(w: np.ndarray, s: np.ndarray) -> np.ndarray:
    var = np.einsum("pj,pq,qj->j", w, s, w)
    return w / np.sqrt(var)


def _inner_weights(c: np.ndarray, adj: np.ndarray, scheme: str, sources: list[np.ndarray],
                   targets: list[np.ndarray]) -> np.ndarray:
    link = adj + adj.T
    if scheme == "centroid":
        return np.sign(c) * link
    if scheme == "factorial":
        return c * link
    e = np.zeros_like(c)
    for j in range(c.shape[0]):
        src = sources[j]
        if src.size:
            # predecessors: multiple-regression weights of Y_j on them (Lohmoller 1989)
            e[src, j] = np.linalg.solve(c[np.ix_(src, src)], c[src, j])
        tgt = targets[j]
        if tgt.size:
            e[tgt, j] = c[tgt, j]
    return e


def fit_core(s: np.ndarray, mask: np.ndarray, adj: np.ndarray, modes_b: np.ndarray, scheme: str, *,
             max_iter: int = 300, tol: float = 1e-10, init: np.ndarray | None = None) -> CoreFit:
    """Estimate outer weights, path coefficients and loadings from covariance ``s``.

    ``mask`` is the items x constructs block indicator, ``adj[i, j] = 1`` for a
    path i -> j, ``modes_b`` flags mode-B blocks. Convergence: the sum of
    squared changes of the (absolute, normalised) weights below ``tol``.
    """
    n_lv = mask.shape[1]
    sources = [np.flatnonzero(adj[:, j]) for j in range(n_lv)]
    targets = [np.flatnonzero(adj[j, :]) for j in range(n_lv)]
    blocks = [np.flatnonzero(mask[:, j]) for j in range(n_lv)]
    w = _normalise(mask.astype(float) if init is None else init, s)
    for iteration in range(1, max_iter + 1):
        c = w.T @ s @ w
        e = _inner_weights(c, adj, scheme, sources, targets)
        swe = s @ w @ e
        new = swe * mask
        for j in np.flatnonzero(modes_b):
            idx = blocks[j]
            new[idx, j] = np.linalg.solve(s[np.ix_(idx, idx)], swe[idx, j])
        new = _normalise(new, s)
        if np.sum((np.abs(new) - np.abs(w)) ** 2) < tol:
            w = new
            break
        w = new
    else:
        raise CsatConvergenceError(f"PLS outer weights did not converge in {max_iter} iterations "
                                   f"(last change {np.sum((np.abs(new) - np.abs(w)) ** 2):.3g})")
    sw = s @ w
    loadings = sw / np.sqrt(np.diag(s))[:, None]
    # the sign of a composite is arbitrary: orient each so that its loadings are mostly positive
    flip = np.where((loadings * mask).sum(axis=0) < 0, -1.0, 1.0)
    w, loadings = w * flip, loadings * flip
    c = w.T @ s @ w
    paths = np.zeros((n_lv, n_lv))
    r2 = np.zeros(n_lv)
    for j in range(n_lv):
        src = sources[j]
        if src.size:
            beta = np.linalg.solve(c[np.ix_(src, src)], c[src, j])
            paths[src, j] = beta
            r2[j] = beta @ c[src, j]
    return CoreFit(weights=w, lv_corr=c, paths=paths, r2=r2, loadings=loadings, iterations=iteration)


def total_effects(paths: np.ndarray) -> np.ndarray:
    """Direct plus indirect effects: ``T = (I - B)^{-1} - I`` for a recursive path matrix ``B``."""
    eye = np.eye(paths.shape[0])
    return np.linalg.inv(eye - paths) - eye
