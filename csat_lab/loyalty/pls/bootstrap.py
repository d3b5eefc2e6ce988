"""Bootstrap confidence intervals for a fitted PLS path model (used by :func:`.fit.pls_path_model`).

Each replicate resamples the respondents with replacement and refits the
model on the resample; the refitting step is passed in as a function, so
this module knows nothing of how a model is specified or fitted. Replicates
whose fit fails (an item constant in the resample, singular matrices, no
convergence, a division by zero) are counted and left out. The surviving
replicates give bootstrap standard errors and t values of the path
coefficients and percentile intervals (Efron & Tibshirani 1993) of the
paths, loadings and R^2. Everything here is package-internal: the
public entry point is :func:`pls_path_model` with ``n_boot=``.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

import numpy as np
import pandas as pd

from ..._core.intervals import percentile_ci
from ...errors import CsatConvergenceError
from ._algorithm import CoreFit

__all__: list[str] = []  # package-internal helpers, reached through pls_path_model


@dataclasses.dataclass(frozen=True)
class Replicates:
    """Estimates from each bootstrap replicate (rows of NaN for the failed ones)."""

    paths: np.ndarray  # n_boot x paths
    loadings: np.ndarray  # n_boot x items, each item's loading on its own construct
    r2: np.ndarray  # n_boot x endogenous constructs
    failed: int


def resample_and_refit(x: np.ndarray, refit: Callable[[np.ndarray], CoreFit], mask: np.ndarray, src: list[int],
                       tgt: list[int], endo: list[int], n_boot: int, rng: np.random.Generator) -> Replicates:
    """Refit the model on ``n_boot`` resamples of the rows of ``x``.

    ``refit(sample)`` fits the model to a resampled item matrix. ``src`` and
    ``tgt`` are the construct positions of each path, ``mask`` the items x
    constructs block indicator and ``endo`` the endogenous constructs.
    """
    n = x.shape[0]
    failed = 0
    boot_paths = np.full((n_boot, len(src)), np.nan)
    boot_load = np.full((n_boot, mask.shape[0]), np.nan)
    boot_r2 = np.full((n_boot, len(endo)), np.nan)
    for b in range(n_boot):
        sample = x[rng.integers(0, n, n)]
        if np.any(np.ptp(sample, axis=0) == 0):
            failed += 1  # an item constant in the resample has no correlations: the replicate cannot be fitted
            continue
        try:
            with np.errstate(divide="raise", invalid="raise", over="raise"):
                rep = refit(sample)
        except (np.linalg.LinAlgError, CsatConvergenceError, FloatingPointError):
            failed += 1
            continue
        boot_paths[b] = rep.paths[src, tgt]
        boot_load[b] = (rep.loadings * mask).sum(axis=1)
        boot_r2[b] = rep.r2[endo]
    return Replicates(paths=boot_paths, loadings=boot_load, r2=boot_r2, failed=failed)


def add_percentile_cis(paths: pd.DataFrame, loadings: pd.DataFrame, r2: pd.Series, reps: Replicates,
                       ci: float) -> pd.DataFrame:
    """Add the bootstrap columns to the path and loading tables, in place; return the intervals of R^2.

    ``paths`` gains ``se``, ``ci_low``, ``ci_high`` and ``t`` (coef / se),
    ``loadings`` gains ``ci_low`` and ``ci_high``; the returned table has
    ``r2``, ``ci_low`` and ``ci_high`` per endogenous construct.
    """
    lo, hi = percentile_ci(reps.paths, ci)
    paths["se"] = np.nanstd(reps.paths, axis=0, ddof=1)
    paths["ci_low"], paths["ci_high"] = lo, hi
    paths["t"] = paths["coef"] / paths["se"]
    lo, hi = percentile_ci(reps.loadings, ci)
    loadings["ci_low"], loadings["ci_high"] = lo, hi
    r2_lo, r2_hi = percentile_ci(reps.r2, ci)
    return pd.DataFrame({"r2": r2.to_numpy(), "ci_low": r2_lo, "ci_high": r2_hi}, index=r2.index)
