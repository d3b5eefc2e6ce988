"""Reliability of multi-item scales: Cronbach's alpha, item analysis, McDonald's omega.

All three start from the items' covariance matrix, computed once (listwise:
complete rows only; pairwise: each covariance from the rows answering both
items), so they scale to hundreds of thousands of respondents.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.survey import cronbach_alpha
>>> df = pd.DataFrame({"q1": [1, 2, 3, 4, 5], "q2": [2, 2, 3, 5, 5], "q3": [1, 3, 3, 4, 4]})
>>> round(cronbach_alpha(df).estimate, 3)
0.954
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import special

from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.validate import as_numeric, one_of, probability, require_columns, require_frame, rng_from, whole_number
from ..errors import CsatConvergenceError, CsatInputError
from ..i18n import Message

__all__ = ["AlphaResult", "OmegaResult", "cronbach_alpha", "item_analysis", "omega_total"]

_MISSING = ("listwise", "pairwise")


def _items(data: pd.DataFrame, items: list[str] | None, missing: str
           ) -> tuple[np.ndarray, list[str], int, dict, float, float]:
    """Item matrix (float, NaN = missing) after the chosen missing-data rule, and its scale.

    Items of extreme magnitude (beyond 1e-100..1e100) are divided by their
    largest absolute value, so covariances neither overflow nor underflow;
    the values returned last are that factor (1.0 when nothing was rescaled)
    and the largest absolute value after rescaling. Alpha, item-total
    correlations and omega do not depend on the factor.
    """
    data = require_frame(data)
    one_of(missing, _MISSING, "missing")
    if items is not None and (isinstance(items, str) or not hasattr(items, "__iter__")):
        raise CsatInputError(f"items must be a list of column names, got {items!r}")
    cols = list(data.columns) if items is None else require_columns(data, items)
    if len(cols) < 2:
        raise CsatInputError(f"reliability needs at least two items; got {len(cols)}: {cols}")
    dup = sorted({str(c) for c in cols if cols.count(c) > 1 or int((data.columns == c).sum()) > 1})
    if dup:
        raise CsatInputError(f"item names must be unique; {dup} appear more than once (in items or in the columns of data)")
    block = data[cols]
    if all(isinstance(t, np.dtype) and t.kind in "iufb" for t in block.dtypes):
        x = block.to_numpy(dtype=float)
    else:
        x = np.column_stack([as_numeric(block[c], str(c)).to_numpy() for c in cols])
    nan = np.isnan(x)
    if nan.all(axis=0).any():
        empty = [c for c, e in zip(cols, nan.all(axis=0)) if e]
        raise CsatInputError(f"items {empty} have no answers at all")
    low, high = float(np.fmin.reduce(x, axis=None)), float(np.fmax.reduce(x, axis=None))  # NaN-skipping, no copy
    if math.isinf(low) or math.isinf(high):
        infinite = np.isinf(x)
        j = int(np.flatnonzero(infinite.any(axis=0))[0])
        rows = list(data.index[infinite[:, j]][:5])
        raise CsatInputError(f"item {cols[j]!r} holds infinite values at rows {rows}; answers must be finite numbers")
    dropped: dict = {}
    if missing == "listwise" and nan.any():
        keep = ~nan.any(axis=1)
        dropped = {Message("value.reason.listwise_item"): int((~keep).sum())}
        x = x[keep]
    if x.shape[0] < 2:
        raise CsatInputError(f"reliability needs at least 2 respondents with answers; got {x.shape[0]}")
    if missing == "pairwise" and nan.any():
        answered = (~np.isnan(x)).astype(np.int64)
        together = answered.T @ answered
        few = [(cols[i], cols[j], int(together[i, j])) for i in range(len(cols)) for j in range(i + 1, len(cols))
               if together[i, j] < 2]
        if few:
            pairs = ", ".join(f"{a!r} and {b!r} ({m} together)" for a, b, m in few[:5])
            raise CsatInputError(
                f"items answered together by fewer than 2 respondents, so their covariance is undefined: {pairs}; "
                f"pairwise reliability needs every pair answered together at least twice")
    top = max(abs(low), abs(high))
    factor = 1.0
    if top > 1e100 or 0 < top < 1e-100:
        factor = top
        x = x / factor
    return x, [str(c) for c in cols], sum(dropped.values()), dropped, factor, top / factor


def _cov(x: np.ndarray) -> np.ndarray:
    if np.isnan(x).any():
        return pd.DataFrame(x).cov().to_numpy()
    return np.cov(x, rowvar=False)


def _check_variance(cov: np.ndarray, cols: list[str], top: float) -> None:
    var = np.diag(cov)
    # Rounding leaves a constant item a variance near (1e-16 max|x|)^2, not exactly 0.
    floor = (1e-12 * top) ** 2
    flat = [c for c, v in zip(cols, var) if not v > floor]
    if flat:
        raise CsatInputError(f"items {flat} have zero variance (every answer the same); reliability is undefined for them")


def _check_total(cov: np.ndarray, cols: list[str]) -> None:
    """The sum score must vary: items that cancel out (one reverse-coded) leave it constant."""
    total, trace = float(cov.sum()), float(np.trace(cov))
    if not total > 1e-10 * trace:
        raise CsatInputError(
            f"total score has zero variance; is an item reverse-coded? (items {cols}: the variance of their sum is "
            f"{total * 1.0:.3g} against item variances summing to {trace:.3g}; reverse-code items that run the other "
            f"way, e.g. with Questionnaire's reverse coding, before computing reliability)")


def _alpha(cov: np.ndarray) -> float:
    k = cov.shape[0]
    return float(k / (k - 1) * (1 - np.trace(cov) / cov.sum()))


@dataclass(frozen=True)
class AlphaResult(Result):
    """Cronbach's alpha with its Feldt interval and the standardized alpha.

    Attributes
    ----------
    alpha : float
        Cronbach's alpha of the sum of the items.
    ci : tuple of float
        ``(low, high)`` Feldt confidence interval of alpha.
    ci_method : Message
        How the interval was computed (Feldt).
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    standardized : float
        Standardized alpha, from the mean inter-item correlation.
    n : int
        Respondents used.
    k : int
        Number of items.
    n_dropped : int
        Respondents dropped (listwise: any item missing).
    dropped : dict
        Reason (a message) -> number of respondents dropped for it.
    missing : str
        The missing-data rule used, ``"listwise"`` or ``"pairwise"``.
    estimate : float
        The headline number, the same as ``alpha``.
    """

    alpha: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float
    standardized: float
    n: int
    k: int
    n_dropped: int
    dropped: dict
    missing: str

    @property
    def estimate(self) -> float:
        """Cronbach's alpha (same as ``alpha``)."""
        return self.alpha

    def _summary(self) -> list[tuple[str, Any]]:
        return [("survey.alpha", round(self.alpha, 4)), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("survey.alpha_standardized", round(self.standardized, 4)), ("survey.items", self.k),
                ("result.n", self.n), ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]


@shared_docs
def cronbach_alpha(data: pd.DataFrame, *, items: list[str] | None = None, ci: float = 0.95,
                   missing: str = "listwise") -> AlphaResult:
    """Cronbach's alpha of a set of items, with Feldt's confidence interval.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent, one column per item.
    items : list of str, optional
        Item columns; default every column of ``data``.
    @{ci}
    missing : {"listwise", "pairwise"}, default "listwise"
        Drop respondents with any missing item (reported), or compute each
        covariance from the rows answering both items (``n`` is then the
        number of rows, as in R's psych::alpha).

    Returns
    -------
    AlphaResult
        Alpha with its interval, the standardized alpha, ``n`` and ``k``.

    Notes
    -----
    ``alpha = k / (k - 1) * (1 - sum_j var_j / var(sum))``, computed from the
    item covariance matrix ``C`` as ``k/(k-1) (1 - tr C / sum C)``.
    Standardized alpha uses the mean inter-item correlation ``r``:
    ``k r / (1 + (k - 1) r)``. Feldt's interval is
    ``1 - (1 - alpha) F_{1-a/2}(n-1, (n-1)(k-1))`` to
    ``1 - (1 - alpha) F_{a/2}(n-1, (n-1)(k-1))`` with ``a = 1 - ci``.

    Alpha is undefined when the total score does not vary (``sum C = 0``),
    as when one item is the exact reverse of another: that raises
    "total score has zero variance; is an item reverse-coded?". With
    ``missing="pairwise"`` every pair of items must have been answered
    together by at least 2 respondents (the error names the pairs). Items
    of extreme magnitude (say 1e200) are divided by their largest absolute
    value first, which leaves alpha unchanged.

    References
    ----------
    Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests. *Psychometrika*, 16(3).
    Feldt, L. S., Woodruff, D. J., & Salih, F. A. (1987). Statistical inference for coefficient alpha.
    *Applied Psychological Measurement*, 11(1).

    Examples
    --------
    >>> df = pd.DataFrame({"a": [4, 5, 3, 2, 4, 5], "b": [4, 4, 3, 1, 5, 5], "c": [3, 5, 2, 2, 4, 4]})
    >>> r = cronbach_alpha(df)
    >>> round(r.estimate, 3), [round(v, 3) for v in r.ci]
    (0.928, [0.694, 0.989])
    """
    ci = probability(ci)
    x, cols, n_dropped, dropped, _, top = _items(data, items, missing)
    cov = _cov(x)
    _check_variance(cov, cols, top)
    _check_total(cov, cols)
    n, k = x.shape
    alpha = _alpha(cov)
    sd = np.sqrt(np.diag(cov))
    corr = cov / np.outer(sd, sd)
    if not corr.sum() > 1e-10 * k:  # standardized items cancel out: the standardized total is constant
        _check_total(corr, cols)
    r_bar = (corr.sum() - k) / (k * (k - 1))
    df1, df2 = n - 1, (n - 1) * (k - 1)
    a = 1 - ci
    lo = 1 - (1 - alpha) * special.fdtri(df1, df2, 1 - a / 2)
    hi = 1 - (1 - alpha) * special.fdtri(df1, df2, a / 2)
    return AlphaResult(alpha, (float(lo), float(hi)), Message("value.method.feldt"), ci,
                       float(k * r_bar / (1 + (k - 1) * r_bar)), n, k, n_dropped, dropped, missing)


@shared_docs
def item_analysis(data: pd.DataFrame, *, items: list[str] | None = None, missing: str = "listwise") -> pd.DataFrame:
    """Per-item statistics: mean, sd, corrected item-total correlation, alpha if item deleted.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent, one column per item.
    items : list of str, optional
        Item columns; default every column of ``data``.
    @{missing}

    Returns
    -------
    pandas.DataFrame
        Indexed by item: ``n, mean, sd, item_total_r, alpha_if_deleted``
        (``alpha_if_deleted`` is NaN with only two items).

    Notes
    -----
    With covariance matrix ``C``, row sums ``c_j = sum_l C_jl`` and total
    ``T = sum C``: the rest score (total without item ``j``) has variance
    ``T - 2 c_j + C_jj`` and covariance ``c_j - C_jj`` with the item, so the
    corrected item-total correlation is
    ``(c_j - C_jj) / sqrt(C_jj (T - 2 c_j + C_jj))``; alpha without the item is
    ``(k-1)/(k-2) (1 - (tr C - C_jj) / (T - 2 c_j + C_jj))``. A rest score
    without variance (the other items cancel out: one is reverse-coded)
    raises an error naming the item.

    References
    ----------
    Nunnally, J. C., & Bernstein, I. H. (1994). *Psychometric Theory* (3rd ed.), ch. 8. McGraw-Hill.

    Examples
    --------
    >>> df = pd.DataFrame({"a": [4, 5, 3, 2, 4, 5], "b": [4, 4, 3, 1, 5, 5], "c": [3, 5, 2, 2, 4, 4]})
    >>> item_analysis(df)["alpha_if_deleted"].round(3).tolist()
    [0.833, 0.944, 0.915]
    """
    x, cols, _, _, factor, top = _items(data, items, missing)
    cov = _cov(x)
    _check_variance(cov, cols, top)
    _check_total(cov, cols)
    k = len(cols)
    diag = np.diag(cov)
    rows = cov.sum(axis=1)
    total = cov.sum()
    rest_var = total - 2 * rows + diag
    flat = [c for c, v, d in zip(cols, rest_var, diag) if not v > 1e-10 * (np.trace(cov) - d)]
    if flat:
        raise CsatInputError(
            f"the rest score without item(s) {flat} has zero variance (the other items cancel out); is an item "
            f"reverse-coded? Reverse-code it before the item analysis")
    r_it = (rows - diag) / np.sqrt(diag * rest_var)
    if k > 2:
        a_del = (k - 1) / (k - 2) * (1 - (np.trace(cov) - diag) / rest_var)
    else:
        a_del = np.full(k, np.nan)
    mean, sd = np.nanmean(x, axis=0) * factor, np.sqrt(diag) * factor
    return pd.DataFrame({"n": (~np.isnan(x)).sum(axis=0), "mean": mean, "sd": sd,
                         "item_total_r": r_it, "alpha_if_deleted": a_del}, index=pd.Index(cols, name="item"))


def _fit_one_factor(cov: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Maximum-likelihood one-factor model ``Sigma = l l' + diag(psi)`` (Joreskog, 1967)."""
    from scipy.optimize import minimize

    sd = np.sqrt(np.diag(cov))
    s = cov / np.outer(sd, sd)
    k = s.shape[0]
    vals, vecs = np.linalg.eigh(s)
    lam0 = vecs[:, -1] * np.sqrt(vals[-1])
    lam0 = lam0 if lam0.sum() >= 0 else -lam0
    psi0 = np.clip(1 - lam0**2, 0.05, None)

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        lam, psi = theta[:k], np.exp(theta[k:])
        sigma = np.outer(lam, lam) + np.diag(psi)
        sign, logdet = np.linalg.slogdet(sigma)
        inv = np.linalg.inv(sigma)
        f = logdet + np.trace(s @ inv)
        g = inv - inv @ s @ inv
        return float(f), np.concatenate([2 * g @ lam, np.diag(g) * psi])

    res = minimize(objective, np.concatenate([lam0, np.log(psi0)]), jac=True, method="L-BFGS-B",
                   bounds=[(None, None)] * k + [(np.log(1e-6), None)] * k, options={"maxiter": 2000})
    if not res.success:
        raise CsatConvergenceError(f"one-factor model did not converge: {res.message}")
    lam, psi = res.x[:k], np.exp(res.x[k:])
    lam = lam if lam.sum() >= 0 else -lam
    return lam * sd, psi * sd**2


def _omega(cov: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    lam, psi = _fit_one_factor(cov)
    common = lam.sum() ** 2
    return float(common / (common + psi.sum())), lam, psi


@dataclass(frozen=True)
class OmegaResult(Result):
    """McDonald's omega total from a one-factor model, with loadings.

    Attributes
    ----------
    omega : float
        Omega total of the sum of the items.
    ci : tuple of float
        ``(low, high)`` percentile bootstrap interval of omega; NaN when ``n_boot=0``.
    ci_method : Message
        How the interval was computed (with the number of successful refits), or "none".
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    loadings : pandas.Series
        Factor loading of each item, in the items' units.
    uniquenesses : pandas.Series
        Unique (error) variance of each item.
    n : int
        Respondents used.
    k : int
        Number of items.
    n_dropped : int
        Respondents dropped (listwise: any item missing).
    dropped : dict
        Reason (a message) -> number of respondents dropped for it.
    n_boot : int
        Bootstrap replicates asked for (0: no interval).
    seed : int, numpy Generator or None
        Seed of the bootstrap resampling; None when no bootstrap was run.
    estimate : float
        The headline number, the same as ``omega``.
    """

    omega: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float
    loadings: pd.Series
    uniquenesses: pd.Series
    n: int
    k: int
    n_dropped: int
    dropped: dict
    n_boot: int = 0
    seed: int | np.random.Generator | None = None

    @property
    def estimate(self) -> float:
        """McDonald's omega total (same as ``omega``)."""
        return self.omega

    def _summary(self) -> list[tuple[str, Any]]:
        rows = [("survey.omega", round(self.omega, 4)), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("survey.items", self.k), ("result.n", self.n), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped)]
        if self.n_boot and isinstance(self.seed, (int, np.integer)):
            rows.append(("survey.seed", int(self.seed)))
        return rows


@shared_docs
def omega_total(data: pd.DataFrame, *, items: list[str] | None = None, ci: float = 0.95, missing: str = "listwise",
                n_boot: int = 200, seed: int | np.random.Generator | None = 0) -> OmegaResult:
    """McDonald's omega total of the sum score, from a one-factor ML model.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per respondent, one column per item.
    items : list of str, optional
        Item columns; default every column of ``data``.
    @{ci}
    @{missing}
    n_boot : int, default 200
        Bootstrap refits for the interval; 0 for none (the interval is then NaN).
    seed : int, numpy Generator or None, default 0
        Seed of the bootstrap resampling, so the same call gives the same
        interval; None draws fresh randomness. Reported in ``OmegaResult.seed``.

    Returns
    -------
    OmegaResult
        Omega with its bootstrap interval, the loadings and uniquenesses.

    Notes
    -----
    Fit ``Sigma = l l' + diag(psi)`` by maximum likelihood (Joreskog, 1967)
    to the item covariance matrix, then
    ``omega = (sum l)^2 / ((sum l)^2 + sum psi)``. Unlike alpha it does not
    assume equal loadings (tau-equivalence). The interval takes the
    ``(1 - ci)/2`` and ``(1 + ci)/2`` percentiles of omega over ``n_boot``
    resamples of respondents; resamples in which an item or the total does
    not vary, a pair of items was never answered together, or the fit does
    not converge are skipped, and ``ci_method`` gives the number of refits
    used. At least 3 items are needed (two items do not identify a one-factor
    model), the sum score must vary (otherwise an item is probably
    reverse-coded), and items of extreme magnitude are rescaled before the
    fit: omega is scale-free, loadings and uniquenesses are reported in the
    items' units.

    References
    ----------
    McDonald, R. P. (1999). *Test Theory: A Unified Treatment*. Lawrence Erlbaum.
    Joreskog, K. G. (1967). Some contributions to maximum likelihood factor analysis. *Psychometrika*, 32(4).

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> f = rng.normal(size=500)
    >>> df = pd.DataFrame({f"q{j}": l * f + rng.normal(size=500) for j, l in enumerate([0.9, 0.8, 0.7, 0.6])})
    >>> r = omega_total(df, n_boot=0)  # true omega: 3.0**2 / (3.0**2 + 4) = 0.692
    >>> round(r.estimate, 2)
    0.71
    >>> omega_total(df, n_boot=20).seed
    0
    """
    ci = probability(ci)
    n_boot = whole_number(n_boot, "n_boot", minimum=0)
    if n_boot:
        rng = rng_from(seed)
    x, cols, n_dropped, dropped, factor, top = _items(data, items, missing)
    cov = _cov(x)
    _check_variance(cov, cols, top)
    _check_total(cov, cols)
    if len(cols) < 3:
        raise CsatInputError(
            f"omega needs at least 3 items; got {len(cols)}: {cols} (a one-factor model of two items is not "
            f"identified: any split of their covariance into loadings fits; use cronbach_alpha for two items)")
    omega, lam, psi = _omega(cov)
    with np.errstate(over="ignore"):
        lam, psi = lam * factor, psi * factor * factor
    if not (np.isfinite(lam).all() and np.isfinite(psi).all()):
        raise CsatInputError(
            f"the items' variances (about {factor:.0e} squared) exceed the floating-point range, so loadings and "
            f"uniquenesses cannot be reported in the items' units; divide the items by a constant (omega does not change)")
    interval, method = (float("nan"), float("nan")), Message("value.method.none")
    if n_boot:
        n = x.shape[0]
        boot = []
        for _ in range(n_boot):
            sample = x[rng.integers(0, n, n)]
            c = _cov(sample)
            # Skip resamples where an item (or the total) does not vary or a pair was never answered together.
            if not np.isfinite(c).all() or not (np.diag(c) > 1e-12 * np.trace(cov)).all() or not c.sum() > 1e-10 * np.trace(c):
                continue
            try:
                value = _omega(c)[0]
            except CsatConvergenceError:
                continue
            if np.isfinite(value):
                boot.append(value)
        if len(boot) < 2:
            raise CsatInputError(
                f"only {len(boot)} of {n_boot} bootstrap resamples could be refitted (items without variance in the "
                f"resample); use more respondents or n_boot=0 for no interval")
        lo, hi = np.quantile(boot, [(1 - ci) / 2, 1 - (1 - ci) / 2])
        interval, method = (float(lo), float(hi)), Message("value.method.percentile_bootstrap", n_boot=len(boot))
    used_seed = (int(seed) if isinstance(seed, (int, np.integer)) and not isinstance(seed, bool) else seed) if n_boot else None
    return OmegaResult(omega, interval, method, ci, pd.Series(lam, index=cols, name="loading"),
                       pd.Series(psi, index=cols, name="uniqueness"), x.shape[0], len(cols), n_dropped, dropped,
                       int(n_boot), used_seed)
