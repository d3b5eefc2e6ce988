"""Counting core of the survey metrics: answers checked against a scale and reduced to counts.

Every score on a discrete scale (CSAT, top/bottom box, NPS, CES, the mean)
is a function of the (weighted) count of answers in each category. This
module validates the answers once, reduces them to those counts, and holds
the interval formulas, so each metric and its bootstrap work on a handful of
numbers instead of millions of rows.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .. import scales
from .._core.validate import weights_array
from ..errors import CsatInputError
from ..i18n import Message


@dataclass(frozen=True)
class Tally:
    """Validated answers reduced to counts per scale code.

    ``counts`` are weighted when weights were given (raw otherwise);
    ``raw_counts`` are always head counts. ``n_effective`` is Kish's
    effective sample size ``(sum w)^2 / sum w^2``.
    """

    scale: scales.Scale
    counts: np.ndarray
    raw_counts: np.ndarray
    n: int
    n_effective: float
    n_dropped: int
    dropped: dict
    weighted: bool

    def share(self, codes: tuple[int, ...]) -> float:
        """Weighted share of answers whose code is in ``codes``."""
        idx = [c - self.scale.low for c in codes]
        return float(self.counts[idx].sum() / self.counts.sum())

    def mean(self) -> float:
        """Weighted mean code."""
        codes = np.arange(self.scale.low, self.scale.high + 1)
        return float(codes @ self.counts / self.counts.sum())

    def mean_se(self) -> float:
        """Standard error of the mean: ``sqrt(var_w / (n_eff - 1))``.

        With equal weights this is the textbook ``s / sqrt(n)``.
        """
        codes = np.arange(self.scale.low, self.scale.high + 1)
        m = self.mean()
        var_pop = float(((codes - m) ** 2) @ self.counts / self.counts.sum())
        return float(np.sqrt(var_pop / (self.n_effective - 1)))


def nps_from_shares(p_plus: float, p_minus: float, n: float) -> tuple[float, float]:
    """NPS and its standard error on the -100..100 scale.

    ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``, the variance of the
    difference of two shares of one multinomial sample.
    """
    score = 100 * (p_plus - p_minus)
    var = max(p_plus + p_minus - (p_plus - p_minus) ** 2, 0.0) / n
    return float(score), float(100 * np.sqrt(var))


def nps_bootstrap(shares: np.ndarray, n: int, ci: float, n_boot: int, seed) -> tuple[float, float]:
    """Percentile interval of NPS from multinomial draws of the category counts.

    Resampling rows with replacement is the same as drawing the three counts
    (promoters, passives, detractors) from a multinomial, so the cost does
    not grow with the number of responses.
    """
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n, shares, size=n_boot)
    scores = 100 * (draws[:, 0] - draws[:, 2]) / n
    lo, hi = np.quantile(scores, [(1 - ci) / 2, 1 - (1 - ci) / 2])
    return float(lo), float(hi)


def tally(scores: object, scale: "str | scales.Scale", weights: object = None,
          name: str | None = None, min_n: int = 2) -> Tally:
    """Validate ``scores`` against ``scale`` and count answers per code.

    Missing answers are dropped and reported; anything off the scale or
    not a number raises :class:`CsatInputError`. Ordered categoricals with
    text categories (e.g. SPSS value labels) are read by position when they
    have as many categories as the scale has codes.
    """
    sc = scales.get(scale)
    if name is None:  # errors name the user's column when the answers come as a named Series
        name = str(scores.name) if isinstance(scores, pd.Series) and scores.name is not None else "scores"
    values = _as_codes(scores, sc, name)
    if values.shape[0] == 0:
        raise CsatInputError(f"{name!r} is empty: no answers to score")
    missing = np.isnan(values) if values.dtype.kind == "f" else np.zeros(values.shape[0], bool)
    n_missing = int(missing.sum())
    w = None if weights is None else weights_array(weights, values.shape[0])
    if n_missing:
        if n_missing == values.shape[0]:
            raise CsatInputError(f"all {n_missing} answers in {name!r} are missing")
        keep = ~missing
        values = values[keep]
        w = None if w is None else w[keep]
    n = int(values.shape[0])
    if n < min_n:
        raise CsatInputError(
            f"{name!r} has {n} valid answer(s); at least {min_n} are needed for an estimate with a confidence interval"
        )
    idx = values.astype(np.int64, copy=False)
    if sc.low != 0:
        idx = idx - sc.low
    raw = np.bincount(idx, minlength=sc.size)
    if w is None:
        counts, n_eff = raw.astype(float), float(n)
    else:
        counts = np.bincount(idx, weights=w, minlength=sc.size)
        if w.sum() == 0:
            raise CsatInputError(f"weights of the {n} answered rows of {name!r} are all zero")
        n_eff = float(w.sum() ** 2 / (w**2).sum())
    dropped = {Message("value.reason.missing_answer"): n_missing} if n_missing else {}
    return Tally(sc, counts, raw, n, n_eff, n_missing, dropped, w is not None)


def _as_codes(scores: object, sc: scales.Scale, name: str) -> np.ndarray:
    """Answers as an int array (no missing) or float array (NaN = missing)."""
    if isinstance(scores, pd.DataFrame):
        raise CsatInputError(f"{name!r} must be one column of answers, got a table with columns {list(scores.columns)[:10]}")
    if np.isscalar(scores) or scores is None:
        raise CsatInputError(f"{name!r} must be a sequence of answers, got {scores!r}")
    dtype = getattr(scores, "dtype", None)
    if isinstance(dtype, pd.CategoricalDtype):
        cats = dtype.categories
        if cats.dtype.kind not in "iuf":
            if not dtype.ordered or len(cats) != sc.size:
                raise CsatInputError(
                    f"{name!r} holds text categories {list(cats)[:8]}; an ordered categorical with "
                    f"{sc.size} categories is needed to read it on scale {sc.name!r} ({sc.low}..{sc.high})"
                )
            codes = np.asarray(pd.Series(scores).cat.codes, dtype=float)
            codes[codes < 0] = np.nan
            return codes + sc.low
    if isinstance(dtype, np.dtype) and dtype.kind in "iuf":
        arr = np.asarray(scores)
        if arr.ndim != 1:
            raise CsatInputError(f"{name!r} must be one-dimensional, got shape {arr.shape}")
        if arr.size == 0:
            return arr.astype(float)
        if dtype.kind in "iu":
            lo, hi = arr.min(), arr.max()
            if lo >= sc.low and hi <= sc.high:
                return arr
        else:
            finite = arr[~np.isnan(arr)]
            if finite.size == 0 or (
                finite.min() >= sc.low and finite.max() <= sc.high and np.array_equal(finite, np.floor(finite))
            ):
                return arr
    # slow path: the scale's own check names the offending rows
    series = scores if isinstance(scores, pd.Series) else pd.Series(np.asarray(scores, dtype=object) if not isinstance(scores, np.ndarray) else scores)
    return sc.validate(series, name).to_numpy(dtype=float)
