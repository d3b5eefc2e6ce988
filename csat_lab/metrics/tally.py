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
from .._core.intervals import z_value
from .._core.validate import boolean_rows, weights_array
from ..errors import CsatInputError
from ..i18n import Message


@dataclass(frozen=True)
class Tally:
    """Validated answers reduced to counts per scale code.

    ``counts`` are weighted when weights were given (raw otherwise);
    ``raw_counts`` are always head counts. ``n_effective`` is Kish's
    effective sample size ``(sum w)^2 / sum w^2``. ``squared`` holds the
    sum of the squared weights per code (the head counts without weights),
    for the linearisation variance of a weighted mean. Weights are rescaled
    by their largest value first, so weights near 1e308 or 1e-200 neither
    overflow nor underflow (every statistic here is invariant to that scale).
    """

    scale: scales.Scale
    counts: np.ndarray
    raw_counts: np.ndarray
    n: int
    n_effective: float
    n_dropped: int
    dropped: dict
    weighted: bool
    squared: np.ndarray | None = None

    def share(self, codes: tuple[int, ...]) -> float:
        """Weighted share of answers whose code is in ``codes``."""
        idx = [c - self.scale.low for c in codes]
        return float(self.counts[idx].sum() / self.counts.sum())

    def mean(self) -> float:
        """Weighted mean code."""
        codes = np.arange(self.scale.low, self.scale.high + 1)
        return float(codes @ self.counts / self.counts.sum())

    def mean_se(self, variance: str = "kish") -> float:
        """Standard error of the (weighted) mean.

        ``variance="kish"``: ``sqrt(var_w / (n_eff - 1))`` with
        ``var_w = sum w (x - m)^2 / sum w`` and Kish's ``n_eff``.
        ``variance="linearization"``: the Taylor-linearisation (sandwich)
        standard error of the ratio ``sum w x / sum w`` with each answer its own
        primary sampling unit, ``sqrt(n / (n - 1) * sum w^2 (x - m)^2) / sum w``.
        With equal weights both are the textbook ``s / sqrt(n)``.
        """
        codes = np.arange(self.scale.low, self.scale.high + 1)
        m = self.mean()
        total = self.counts.sum()
        if variance == "linearization":
            squared = self.raw_counts.astype(float) if self.squared is None else self.squared
            spread = float(((codes - m) ** 2) @ squared)
            return float(np.sqrt(self.n / (self.n - 1) * spread) / total)
        var_pop = float(((codes - m) ** 2) @ self.counts / total)
        return float(np.sqrt(var_pop / (self.n_effective - 1)))

    def mean_df(self, variance: str = "kish") -> float:
        """Degrees of freedom of the mean's t interval: ``n_eff - 1`` (Kish) or ``n - 1`` (linearisation)."""
        return float(self.n - 1) if variance == "linearization" else self.n_effective - 1


#: Pseudo-answers added by the adjusted-Wald NPS interval: promoters, passives, detractors (3 in all).
NPS_PSEUDO = (0.75, 1.5, 0.75)


def nps_interval(p_plus: "float | np.ndarray", p_minus: "float | np.ndarray", n: "float | np.ndarray", ci: float,
                 method: str = "adjusted_wald") -> tuple:
    """NPS interval on -100..100 from the shares of promoters and detractors (vectorised).

    ``method="wald"``: ``100 [d +- z sqrt((p+ + p- - d^2) / n)]`` with
    ``d = p+ - p-``. ``method="adjusted_wald"``: the same formula after adding
    3 pseudo-answers, 3/4 promoter, 3/2 passive and 3/4 detractor, i.e.
    ``p+~ = (n p+ + 3/4) / (n + 3)``, ``p-~ = (n p- + 3/4) / (n + 3)`` and
    ``n~ = n + 3``. Both are clipped to -100..100. Arrays broadcast, so a
    coverage study can ask for every possible sample at once.
    """
    z = z_value(ci)
    p_plus, p_minus, n = np.asarray(p_plus, float), np.asarray(p_minus, float), np.asarray(n, float)
    if method == "adjusted_wald":
        n_adj = n + sum(NPS_PSEUDO)
        p_plus = (n * p_plus + NPS_PSEUDO[0]) / n_adj
        p_minus = (n * p_minus + NPS_PSEUDO[2]) / n_adj
        n = n_adj
    centre = p_plus - p_minus
    half = z * np.sqrt(np.maximum(p_plus + p_minus - centre**2, 0.0) / n)
    low, high = 100 * np.maximum(-1.0, centre - half), 100 * np.minimum(1.0, centre + half)
    if low.ndim == 0:
        return float(low), float(high)
    return low, high


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
    if weights is None:
        w = None
    else:
        weights = _aligned(weights, scores, name)
        with np.errstate(over="ignore"):  # the sum of weights near 1e308 is inf; they are rescaled below
            w = weights_array(weights, values.shape[0])
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
    squared = None
    if w is None:
        counts, n_eff = raw.astype(float), float(n)
    else:
        top = float(w.max())
        if top == 0:
            raise CsatInputError(f"weights of the {n} answered rows of {name!r} are all zero")
        w = w / top  # rescale first: sums of weights near 1e308 overflow, squares of 1e-200 underflow
        counts = np.bincount(idx, weights=w, minlength=sc.size)
        squared = np.bincount(idx, weights=w * w, minlength=sc.size)
        n_eff = float(counts.sum() ** 2 / squared.sum())
        if n_eff < min_n * (1 - 1e-9):
            raise CsatInputError(
                f"the weights of {name!r} leave an effective sample size of {n_eff:.3g} (Kish, (sum w)^2 / sum w^2): "
                f"nearly all the weight is on one answer; at least {min_n} are needed for an estimate with a "
                f"confidence interval"
            )
    dropped = {Message("value.reason.missing_answer"): n_missing} if n_missing else {}
    return Tally(sc, counts, raw, n, n_eff, n_missing, dropped, w is not None, squared)


def _aligned(weights: object, scores: object, name: str) -> object:
    """Weights in the order of the answers: two Series are matched by their row labels, never by position."""
    if not (isinstance(weights, pd.Series) and isinstance(scores, pd.Series)) or weights.index.equals(scores.index):
        return weights
    if (len(weights) == len(scores) and weights.index.is_unique and scores.index.is_unique
            and scores.index.isin(weights.index).all()):
        return weights.reindex(scores.index)  # the same rows in another order: follow the answers' labels
    extra = [x for x in scores.index if x not in weights.index][:3]
    raise CsatInputError(
        f"the weights of {name!r} are a Series whose row labels do not match the answers' "
        f"({len(weights)} weights, {len(scores)} answers; answer rows without a weight: {extra}); "
        f"pass weights with the same index as the answers (e.g. data['weight'] from the same table)")


def _as_codes(scores: object, sc: scales.Scale, name: str) -> np.ndarray:
    """Answers as an int array (no missing) or float array (NaN = missing)."""
    if isinstance(scores, pd.DataFrame):
        raise CsatInputError(f"{name!r} must be one column of answers, got a table with columns {list(scores.columns)[:10]}")
    if np.isscalar(scores) or scores is None:
        raise CsatInputError(f"{name!r} must be a sequence of answers, got {scores!r}")
    dtype = getattr(scores, "dtype", None)
    _reject_booleans(scores, sc, name)
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


def _reject_booleans(scores: object, sc: scales.Scale, name: str) -> None:
    """True/False are not answers on a scale: read as 1/0 they would silently score (NPS -100)."""
    flags = boolean_rows(scores)
    if not flags.any():
        return
    positions = np.flatnonzero(flags)[:5]
    rows = list(scores.index[positions]) if isinstance(scores, pd.Series) else positions.tolist()
    raise CsatInputError(
        f"column {name!r} holds True/False values at rows {rows}; answers on scale {sc.name!r} must be codes "
        f"{sc.low}..{sc.high} (booleans are not read as 0/1 scores)"
    )
