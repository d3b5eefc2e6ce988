"""Reliability and validity of a fitted PLS measurement model (used by :func:`.fit.pls_path_model`).

From one fit of the PLS algorithm this module derives the item table
(outer weights, loadings, communality, redundancy), the cross-loadings,
each block's Cronbach's alpha (Cronbach 1951), composite reliability and
AVE (Fornell & Larcker 1981), the HTMT ratios (Henseler, Ringle & Sarstedt
2015), the GoF index (Tenenhaus et al. 2004) and the notes on one-item
blocks, whose reliability is undefined and which the GoF leaves out.
Everything here is package-internal: the public entry point is
:func:`pls_path_model`, whose :class:`PLSResult` carries these tables.
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

import numpy as np
import pandas as pd

from ...i18n import Message
from ._algorithm import CoreFit

__all__: list[str] = []  # package-internal helpers, reached through pls_path_model


@dataclasses.dataclass(frozen=True)
class MeasurementQuality:
    """The quality tables of one fit, as :class:`PLSResult` stores them."""

    loadings: pd.DataFrame  # per item: construct, weight, loading, communality, redundancy
    cross_loadings: pd.DataFrame  # items x constructs
    reliability: pd.DataFrame  # per construct: n_items, alpha, composite_reliability, ave
    htmt: pd.DataFrame  # constructs x constructs
    gof: float
    notes: tuple


def measurement_quality(fit: CoreFit, s: np.ndarray, x: np.ndarray, mask: np.ndarray, names: Sequence[str],
                        items: Sequence[str], endo: list[int]) -> MeasurementQuality:
    """All quality tables of ``fit``, estimated on items ``x`` (rows) with covariance ``s`` (as fitted).

    ``mask`` is the items x constructs block indicator and ``endo`` the
    positions of the endogenous constructs.
    """
    own = (fit.loadings * mask).sum(axis=1)  # each item's loading on its own construct
    block_idx = [np.flatnonzero(mask[:, j]) for j in range(len(names))]
    return MeasurementQuality(
        loadings=item_table(fit, own, mask, names, items),
        cross_loadings=pd.DataFrame(fit.loadings, index=pd.Index(items, name="item"), columns=names),
        reliability=reliability_table(s, own, block_idx, names),
        htmt=pd.DataFrame(htmt(np.corrcoef(x, rowvar=False), block_idx), index=names, columns=names),
        gof=goodness_of_fit(own, block_idx, fit.r2[endo]),
        notes=single_item_notes(names, block_idx))


def item_table(fit: CoreFit, own: np.ndarray, mask: np.ndarray, names: Sequence[str],
               items: Sequence[str]) -> pd.DataFrame:
    """Per item: its construct, outer weight, loading, communality (loading^2) and redundancy (x R^2)."""
    item_block = [names[int(np.flatnonzero(mask[h])[0])] for h in range(len(items))]
    r2_by_item = fit.r2[[names.index(b) for b in item_block]]
    return pd.DataFrame({"construct": item_block, "weight": (fit.weights * mask).sum(axis=1), "loading": own,
                         "communality": own ** 2, "redundancy": own ** 2 * r2_by_item},
                        index=pd.Index(items, name="item"))


def reliability_table(s: np.ndarray, own: np.ndarray, block_idx: list[np.ndarray],
                      names: Sequence[str]) -> pd.DataFrame:
    """Per construct: number of items, Cronbach's alpha, composite reliability and AVE (NaN for one item)."""
    return pd.DataFrame({
        "n_items": [b.size for b in block_idx],
        "alpha": [cronbach_alpha_from_cov(s[np.ix_(b, b)]) for b in block_idx],
        "composite_reliability": [composite_reliability(own[b]) for b in block_idx],
        "ave": [average_variance_extracted(own[b]) for b in block_idx],
    }, index=pd.Index(names, name="construct"))


def zero_total(s: np.ndarray) -> bool:
    """True when the block's total score has (numerically) zero variance: items that cancel out."""
    return bool(s.sum() <= 1e-12 * max(float(np.trace(s)), 1e-300))


def cronbach_alpha_from_cov(s: np.ndarray) -> float:
    """Cronbach's (1951) alpha ``k/(k-1) (1 - tr(S)/sum(S))``; NaN for one item or a total of zero variance."""
    k = s.shape[0]
    if k < 2 or zero_total(s):
        return float("nan")
    return float(k / (k - 1) * (1 - np.trace(s) / s.sum()))


def composite_reliability(loadings: np.ndarray) -> float:
    """Dillon-Goldstein rho / composite reliability ``(sum l)^2 / ((sum l)^2 + sum(1 - l^2))``."""
    if loadings.size < 2:
        return float("nan")
    total = loadings.sum() ** 2
    return float(total / (total + np.sum(1 - loadings ** 2)))


def average_variance_extracted(loadings: np.ndarray) -> float:
    """AVE, the mean squared loading of a block (Fornell & Larcker 1981); NaN for one item."""
    return float(np.mean(loadings ** 2)) if loadings.size > 1 else np.nan


def htmt(corr: np.ndarray, blocks: list[np.ndarray]) -> np.ndarray:
    """Heterotrait-monotrait ratio of correlations (Henseler, Ringle & Sarstedt 2015).

    Mean absolute correlation between the items of two blocks over the
    geometric mean of the mean within-block correlations; NaN where a block
    has a single item (no within-block correlation exists) or its items are
    uncorrelated (the denominator is 0).
    """
    n = len(blocks)
    absr = np.abs(corr)
    mono = np.array([absr[np.ix_(b, b)][np.triu_indices(b.size, 1)].mean() if b.size > 1 else np.nan
                     for b in blocks])
    out = np.full((n, n), np.nan)
    for i in range(n):
        for j in range(n):
            if i != j and mono[i] > 0 and mono[j] > 0:  # uncorrelated items within a block: HTMT undefined (NaN)
                out[i, j] = absr[np.ix_(blocks[i], blocks[j])].mean() / np.sqrt(mono[i] * mono[j])
    return out


def goodness_of_fit(own: np.ndarray, block_idx: list[np.ndarray], r2_endo: np.ndarray) -> float:
    """GoF = sqrt(mean communality x mean R^2) (Tenenhaus et al. 2004).

    Communalities of the items in multi-item blocks, R^2 of the endogenous
    constructs; NaN when every block has one item.
    """
    multi = [b for b in block_idx if b.size > 1]
    return (float(np.sqrt(np.mean(np.concatenate([own[b] ** 2 for b in multi])) * np.mean(r2_endo)))
            if multi else float("nan"))


def single_item_notes(names: Sequence[str], block_idx: list[np.ndarray]) -> tuple:
    """One note per one-item block: its reliability is undefined and the GoF leaves it out."""
    return tuple(Message("value.pls.single_item", block=repr(c)) for c, b in zip(names, block_idx) if b.size == 1)

