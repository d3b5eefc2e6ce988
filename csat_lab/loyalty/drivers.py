"""Key driver analysis: how much of the outcome's R^2 each attribute accounts for.

Two decompositions of the linear-regression R^2 into non-negative parts that
add up to R^2, both computed from the correlation matrix alone:

* :func:`shapley_importance` - the Shapley value / LMG decomposition
  (Lindeman, Merenda & Gold 1980; Gromping 2006): each driver's R^2 gain
  averaged over every order of entry. Exact, from the R^2 of all ``2^p``
  driver subsets, each solved from the correlation matrix in batches.
* :func:`relative_weights` - Johnson's (2000) relative weights: the drivers
  are replaced by their closest orthogonal counterparts, whose squared
  contributions are mapped back onto the drivers.

Both return a :class:`DriverImportance`: its ``table`` is indexed by driver with
``weight`` (raw, summing to R^2) and ``share`` (summing to 1); with ``n_boot=B``
it adds percentile CIs and a significance flag (Tonidandel, LeBreton &
Johnson 2009). The fit (R^2, n, rows dropped) and the bootstrap settings
(level, method, replicates, seed) are fields of the result, and the result
answers ``result["share"]``, ``result.loc[...]`` like the table.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from csat_lab.loyalty import shapley_importance
>>> rng = np.random.default_rng(1)
>>> x = rng.normal(size=(200, 3))
>>> df = pd.DataFrame(x, columns=["price", "staff", "speed"])
>>> df["overall"] = x @ [0.6, 0.4, 0.2] + rng.normal(size=200)
>>> shapley_importance(df, outcome="overall", drivers=["price", "staff", "speed"]).round(2)
        weight  share
driver
price     0.21   0.73
staff     0.07   0.25
speed     0.00   0.02
"""

from __future__ import annotations

import dataclasses
from itertools import chain, combinations, islice
from math import factorial
from typing import Any, Callable, ClassVar, Sequence

import numpy as np
import pandas as pd

from .._core.deprecation import keyword_only, renamed
from .._core.docstrings import shared_docs
from .._core.intervals import percentile_ci
from .._core.results import TableResult
from .._core.validate import probability, rng_from, whole_number
from ..errors import CsatInputError
from ..i18n import Message, display_name, label
from ._prep import check_not_collinear, column_list, flat_columns, numeric_frame
from ._results import DEFAULT_SEED, LegacyAttrs, seed_shown

__all__ = ["DriverImportance", "shapley_importance", "relative_weights", "subset_r2"]

#: More drivers than this make 2^p subsets too many to enumerate in memory and time.
MAX_SHAPLEY_DRIVERS = 22


def subset_r2(rxx: np.ndarray, rxy: np.ndarray) -> np.ndarray:
    """R^2 of the regression on every subset of drivers, from correlations only.

    The building block of :func:`shapley_importance`: all ``2^p`` subset
    R^2 values it averages, computed without refitting a single regression.

    Parameters
    ----------
    rxx : numpy.ndarray, shape (p, p)
        Correlation matrix of the drivers (symmetric, unit diagonal, not singular).
    rxy : numpy.ndarray, shape (p,)
        Correlations of the drivers with the outcome, in the order of ``rxx``.

    Returns
    -------
    numpy.ndarray
        Length ``2**p``: entry ``mask`` holds the R^2 of the regression on the
        drivers whose bits are set in ``mask`` (driver ``j`` is bit ``2**j``);
        entry 0, the empty model, is 0.

    Notes
    -----
    Subset ``S`` is encoded as the bit mask ``sum(2**j for j in S)``. Its R^2
    is the squared multiple correlation (Cohen, Cohen, West & Aiken 2003,
    eq. 3.5.1)

    .. math:: R^2(S) = r_S^\\top R_{SS}^{-1} r_S,

    with ``R_SS`` the drivers' correlations within ``S`` and ``r_S`` their
    correlations with the outcome. Subsets of equal size are solved together
    in batched linear solves, so the cost does not depend on the number of
    respondents.

    References
    ----------
    Cohen, J., Cohen, P., West, S. G. & Aiken, L. S. (2003). Applied Multiple
    Regression/Correlation Analysis for the Behavioral Sciences (3rd ed.).
    Mahwah, NJ: Erlbaum.

    Examples
    --------
    >>> rxx = np.array([[1.0, 0.5], [0.5, 1.0]])
    >>> subset_r2(rxx, np.array([0.6, 0.4])).round(4)
    array([0.    , 0.36  , 0.16  , 0.3733])
    """
    p = rxy.shape[0]
    r2 = np.zeros(1 << p)
    pow2 = 1 << np.arange(p)
    for k in range(1, p + 1):
        combos = combinations(range(p), k)
        chunk = max(1, 400_000 // (k * k))
        while True:
            flat = np.fromiter(chain.from_iterable(islice(combos, chunk)), dtype=np.intp)
            if flat.size == 0:
                break
            cols = flat.reshape(-1, k)
            b = rxy[cols]
            beta = np.linalg.solve(rxx[cols[:, :, None], cols[:, None, :]], b[..., None])[..., 0]
            r2[pow2[cols].sum(axis=1)] = np.einsum("ij,ij->i", b, beta)
    return r2


def _subset_sizes(p: int) -> np.ndarray:
    size = np.zeros(1, dtype=np.int64)
    for _ in range(p):
        size = np.concatenate([size, size + 1])
    return size


def _sum_with_bit(values: np.ndarray, p: int) -> np.ndarray:
    """For each j, the sum of ``values[mask]`` over masks having bit j set (reshape, no index arrays)."""
    return np.array([values.reshape(-1, 2, 1 << j)[:, 1, :].sum() for j in range(p)])


def _shapley_from_corr(corr: np.ndarray) -> np.ndarray:
    rxx, rxy = corr[1:, 1:], corr[1:, 0]
    p = rxy.shape[0]
    r2 = subset_r2(rxx, rxy)
    size = _subset_sizes(p)
    # w[s] = s! (p-s-1)! / p!, the weight of a coalition of size s that j joins
    w = np.array([factorial(s) * factorial(p - s - 1) / factorial(p) for s in range(p)] + [0.0])
    # phi_j = sum_{T contains j} w[|T|-1] R2(T) - sum_{S lacks j} w[|S|] R2(S)
    joined = r2 * w[np.maximum(size - 1, 0)]
    left = r2 * w[size]
    return _sum_with_bit(joined + left, p) - left.sum()


def _relative_weights_from_corr(corr: np.ndarray) -> np.ndarray:
    rxx, rxy = corr[1:, 1:], corr[1:, 0]
    vals, vecs = np.linalg.eigh(rxx)
    lam = (vecs * np.sqrt(np.clip(vals, 0, None))) @ vecs.T
    beta = np.linalg.solve(lam, rxy)
    return (lam ** 2) @ (beta ** 2)


def _degenerate(z: np.ndarray) -> bool:
    """True when a column of ``z`` (outcome first, then drivers) is constant or the drivers are collinear."""
    if np.any(np.ptp(z, axis=0) == 0):
        return True
    zc = z - z.mean(axis=0)
    sd = np.sqrt(np.einsum("ij,ij->j", zc, zc))
    if np.any(sd <= 1e-12 * np.maximum(1.0, np.abs(z).max(axis=0))):
        return True
    corr = (zc.T @ zc) / np.outer(sd, sd)
    vals = np.linalg.eigvalsh(corr[1:, 1:])
    return bool(vals[0] <= 1e-10 * max(1.0, vals[-1]))


def _corr(z: np.ndarray) -> np.ndarray:
    z = z - z.mean(axis=0)
    cov = z.T @ z
    sd = np.sqrt(np.diag(cov))
    return cov / np.outer(sd, sd)


@dataclasses.dataclass(frozen=True)
class DriverImportance(LegacyAttrs, TableResult):
    """Key-driver importance: each driver's part of R^2, with bootstrap CIs when asked for.

    Returned by :func:`shapley_importance` and :func:`relative_weights`. It
    answers the DataFrame operations of its ``table`` (``result["share"]``,
    ``result.loc["price", "weight"]``, ``result.sort_values("share")``,
    ``len(result)``), so code written for the old DataFrame keeps working.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per driver (index ``driver``): ``weight`` (raw, sums to R^2) and
        ``share`` (sums to 1); after a bootstrap also ``ci_low``, ``ci_high``
        (interval of ``weight``), ``share_ci_low``, ``share_ci_high`` and
        ``significant`` (the interval of the driver's weight minus that of a
        random-noise driver excludes 0).
    importance_method : str
        ``"shapley"`` or ``"relative_weights"``: the decomposition used.
    method : Message
        The decomposition, as text (Shapley value / LMG, or relative weights).
    outcome : str
        The outcome column.
    r2 : float
        R^2 of the linear regression of the outcome on all drivers (the sum of ``weight``).
    n : int
        Complete rows used.
    n_dropped : int
        Rows removed listwise for missing values.
    dropped : dict
        Reason (message naming the columns) -> rows removed.
    ci_level : float
        Confidence level of the bootstrap intervals (the ``ci=`` passed).
    ci_method : Message
        How the intervals were made: percentile bootstrap with ``n_boot`` replicates, or none.
    n_boot : int
        Bootstrap replicates requested (0: no intervals).
    n_boot_failed : int
        Replicates left out because a variable was constant in the resample or
        its correlation matrix was singular.
    seed : int, numpy Generator or None
        The seed the bootstrap drew from (the ``seed=`` passed; default 0).
    significance : Message or None
        The rule behind the ``significant`` column; None without a bootstrap.
    estimate : pandas.Series
        Property: the ``weight`` column, each driver's share of R^2 in R^2 units.
    """

    table: pd.DataFrame
    importance_method: str
    method: str
    outcome: str
    r2: float
    n: int
    n_dropped: int
    dropped: dict
    ci_level: float
    ci_method: str
    n_boot: int
    n_boot_failed: int
    seed: Any
    significance: Any = None

    _LEGACY_ATTRS: ClassVar[dict[str, str]] = {"method": "method", "r2": "r2", "n": "n", "n_dropped": "n_dropped", "dropped": "dropped",
                     "outcome": "outcome", "ci": "ci_level", "ci_method": "ci_method", "n_boot": "n_boot",
                     "n_boot_failed": "n_boot_failed", "significance": "significance"}

    @property
    def estimate(self) -> pd.Series:
        """Each driver's raw weight (its part of R^2)."""
        return self.table["weight"]

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Bars of each driver's share of R^2 (:func:`csat_lab.plots.loyalty.driver_importance_plot`)."""
        from ..plots.loyalty import driver_importance_plot

        return driver_importance_plot(self, ax=ax, **kwargs)

    def _column_names(self) -> dict[str, Any]:
        # Elsewhere a weight is a survey or a compression weight; here it is the driver's part of R².
        return {"weight": label("column.r2_part")}

    def _column_kinds(self) -> dict[str, str]:
        # The raw weights are parts of R² (coefficients); their shares of it are percent.
        return {"weight": "coef", "ci_low": "coef", "ci_high": "coef", "share": "share", "share_ci_low": "share",
                "share_ci_high": "share"}

    def _summary(self) -> list[tuple[str | Message, Any]]:
        rows: list[tuple[str | Message, Any]] = [
            ("loyalty.importance_method", self.method), ("loyalty.outcome", display_name(self.outcome)),
            ("loyalty.r2", self.r2),
            ("result.n", self.n), ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]
        rows += [(Message("loyalty.driver_share_row", driver=display_name(d)), float(v))
                 for d, v in self.table["share"].items()]
        if self.n_boot:
            rows += [("loyalty.n_boot", self.n_boot), ("loyalty.n_boot_failed", self.n_boot_failed),
                     ("loyalty.ci_level", self.ci_level), ("result.method", self.ci_method),
                     ("loyalty.seed", seed_shown(self.seed))]
        return rows


def _importance(data: object, outcome: str, drivers: Sequence[str], *, n_boot: int, seed: object,
                ci: float, importance: str, decompose: Callable[[np.ndarray], np.ndarray],
                max_drivers: int | None = None) -> DriverImportance:
    drivers = column_list(drivers, "drivers")
    if not isinstance(outcome, str):
        raise CsatInputError(f"outcome must be one column name, got {outcome!r}")
    if outcome in drivers:
        raise CsatInputError(f"outcome {outcome!r} is also listed among the drivers")
    if max_drivers is not None and len(drivers) > max_drivers:
        raise CsatInputError(
            f"{len(drivers)} drivers: exact Shapley needs all 2^p subsets and is limited to {max_drivers} drivers; "
            "use relative_weights() for more"
        )
    ci = probability(ci, "ci")
    n_boot = whole_number(n_boot, "n_boot")
    if n_boot == 1:
        raise CsatInputError("n_boot must be 0 (no intervals) or at least 2 bootstrap replicates, got 1")
    rng = rng_from(seed) if n_boot else None  # checks the seed before any work
    frame, n_dropped, dropped = numeric_frame(data, [outcome, *drivers])
    n, p = frame.shape[0], len(drivers)
    if n <= p + 1:
        raise CsatInputError(
            f"{p} drivers need more than {p + 1} complete rows; only {n} remain"
            + (" after removing missing values" if n_dropped else "")
        )
    z = frame.to_numpy(dtype=float)
    flat = flat_columns(z, [outcome, *drivers])
    if flat:
        who = "outcome" if flat[0] == outcome else "driver"
        flat = flat[:1] if who == "outcome" else flat
        raise CsatInputError(f"{who} {flat} {'is' if len(flat) == 1 else 'are'} constant after removing missing "
                             "rows; a variable that does not vary carries no information - remove it")
    corr = _corr(z)
    check_not_collinear(corr[1:, 1:], drivers)
    weight = decompose(corr)
    r2 = float(weight.sum())
    if r2 <= 1e-14:
        raise CsatInputError(f"R^2 is 0: the drivers {drivers} explain none of {outcome!r} (every correlation with it "
                             "is 0), so there is no R^2 to share out")
    out = pd.DataFrame({"weight": weight, "share": weight / r2}, index=pd.Index(drivers, name="driver"))
    failed = 0
    if n_boot:
        boot = np.full((n_boot, p), np.nan)
        gap = np.full((n_boot, p), np.nan)
        for b in range(n_boot):
            idx = rng.integers(0, n, n)
            sample = z[idx]
            noise = rng.standard_normal(n)
            if _degenerate(sample):
                # a resample in which a column is constant or the drivers are collinear has no decomposition
                failed += 1
                continue
            try:
                with np.errstate(divide="raise", invalid="raise", over="raise"):
                    boot[b] = decompose(_corr(sample))
                    # Tonidandel et al. (2009): compare each driver with a pure-noise driver fitted alongside
                    with_noise = decompose(_corr(np.column_stack([sample, noise])))
                    gap[b] = with_noise[:p] - with_noise[p]
            except (np.linalg.LinAlgError, FloatingPointError):
                boot[b] = gap[b] = np.nan
                failed += 1
        if n_boot - failed < 2:
            raise CsatInputError(
                f"only {n_boot - failed} of n_boot={n_boot} bootstrap resamples could be analysed (in the others a "
                f"driver or the outcome is constant, or drivers are collinear); {n} complete rows are too few for "
                "bootstrap intervals - collect more answers or use n_boot=0")
        low, high = percentile_ci(boot, ci)
        totals = boot.sum(axis=1, keepdims=True)
        shares = np.divide(boot, totals, out=np.full_like(boot, np.nan), where=totals > 0)  # R^2 = 0: no shares
        share_low, share_high = (percentile_ci(shares, ci) if np.isfinite(shares).any(axis=0).all()
                                 else (np.full(p, np.nan), np.full(p, np.nan)))
        gap_low, _ = percentile_ci(gap, ci)
        out["ci_low"], out["ci_high"] = low, high
        out["share_ci_low"], out["share_ci_high"] = share_low, share_high
        out["significant"] = gap_low > 0
    return DriverImportance(
        table=out, importance_method=importance, method=Message(f"value.importance.{importance}"), outcome=outcome,
        r2=r2, n=n, n_dropped=n_dropped, dropped=dropped, ci_level=ci,
        ci_method=(Message("value.method.percentile_bootstrap", n_boot=n_boot) if n_boot
                   else Message("value.method.none")),
        n_boot=n_boot, n_boot_failed=failed, seed=seed,
        significance=Message("value.significance.noise_driver") if n_boot else None)


@renamed(bootstrap="n_boot")
@keyword_only(1, "outcome", "drivers")
@shared_docs
def shapley_importance(data: pd.DataFrame, *, outcome: str, drivers: Sequence[str], n_boot: int = 0,
                       seed: int | np.random.Generator | None = DEFAULT_SEED, ci: float = 0.95) -> DriverImportance:
    """Shapley value (LMG) decomposition of R^2 among key drivers.

    Each driver receives its R^2 gain averaged over all orders of entry into
    the linear regression of the outcome on the drivers; the weights are
    non-negative and add up to the full model's R^2.

    Parameters
    ----------
    @{data}
    outcome : str
        The overall satisfaction or loyalty column.
    drivers : list of str
        Attribute rating columns (numeric; at most 22).
    @{n_boot}
        Each replicate resamples the complete rows with replacement.
    @{seed}
        Default 0, so repeated calls give the same intervals; the result reports it.
    @{ci}

    Returns
    -------
    DriverImportance
        ``table`` indexed by ``driver``: ``weight`` (sums to R^2) and ``share``
        (sums to 1); with ``n_boot`` also ``ci_low``, ``ci_high`` (of
        ``weight``), ``share_ci_low``, ``share_ci_high`` and ``significant``;
        fields ``r2``, ``n``, ``n_dropped``, ``dropped``, ``ci_level``,
        ``ci_method``, ``n_boot``, ``n_boot_failed`` and ``seed``.

    Raises
    ------
    CsatInputError
        Unknown or non-numeric column, a constant driver, perfectly collinear
        drivers, no more rows than drivers + 1, more than 22 drivers, an R^2
        of 0, ``n_boot=1`` or too few usable bootstrap resamples.

    Notes
    -----
    With ``D`` the ``p`` drivers, driver ``j`` receives

    .. math:: \\phi_j = \\sum_{S \\subseteq D \\setminus \\{j\\}}
              \\frac{|S|!\\,(p-|S|-1)!}{p!}\\,[R^2(S \\cup \\{j\\}) - R^2(S)]

    with every subset ``R^2`` computed exactly from the correlation matrix
    (:func:`subset_r2`), never by refitting; 15 drivers (32,768 subsets) take a
    fraction of a second whatever the number of rows (Lindeman, Merenda & Gold
    1980; Gromping 2006; Lipovetsky & Conklin 2001).

    Intervals are percentile bootstrap intervals of the weights and shares.
    ``significant`` follows Tonidandel, LeBreton & Johnson (2009): in each
    replicate a standard-normal noise column joins the drivers, and a driver
    is significant when the percentile interval of (its weight - the noise
    driver's weight) lies above 0. Replicates in which a variable is constant
    or whose correlation matrix is singular are counted in ``n_boot_failed``
    and left out; fewer than 2 usable replicates is an error.

    References
    ----------
    Lindeman, R. H., Merenda, P. F. & Gold, R. Z. (1980). Introduction to
    Bivariate and Multivariate Analysis. Glenview, IL: Scott, Foresman.
    Gromping, U. (2006). Relative importance for linear regression in R: the
    package relaimpo. Journal of Statistical Software, 17(1), 1-27.
    Lipovetsky, S. & Conklin, M. (2001). Analysis of regression in game theory
    approach. Applied Stochastic Models in Business and Industry, 17(4), 319-330.
    Tonidandel, S., LeBreton, J. M. & Johnson, J. W. (2009). Determining the
    statistical significance of relative weights. Psychological Methods, 14(4), 387-399.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 1, 2, 3, 5, 5], "b": [2, 1, 2, 1, 2, 1]})
    >>> res = shapley_importance(df, outcome="y", drivers=["a", "b"])
    >>> round(float(res["weight"].sum()), 4), round(res.r2, 4)
    (0.9634, 0.9634)
    >>> res["share"].round(3).tolist()
    [0.935, 0.065]
    """
    return _importance(data, outcome, drivers, n_boot=n_boot, seed=seed, ci=ci, importance="shapley",
                       decompose=_shapley_from_corr, max_drivers=MAX_SHAPLEY_DRIVERS)


@renamed(bootstrap="n_boot")
@keyword_only(1, "outcome", "drivers")
@shared_docs
def relative_weights(data: pd.DataFrame, *, outcome: str, drivers: Sequence[str], n_boot: int = 0,
                     seed: int | np.random.Generator | None = DEFAULT_SEED, ci: float = 0.95) -> DriverImportance:
    """Johnson's relative weights of key drivers.

    The drivers are replaced by their closest orthonormal counterparts, the
    outcome is regressed on those, and the squared contributions are mapped
    back onto the drivers. The weights add up to R^2; cheap for any number of
    drivers and usually within a few points of Shapley (:func:`shapley_importance`).

    Parameters
    ----------
    @{data}
    outcome : str
        The overall satisfaction or loyalty column.
    drivers : list of str
        Attribute rating columns (numeric).
    @{n_boot}
        Each replicate resamples the complete rows with replacement.
    @{seed}
        Default 0, so repeated calls give the same intervals; the result reports it.
    @{ci}

    Returns
    -------
    DriverImportance
        As in :func:`shapley_importance`.

    Raises
    ------
    CsatInputError
        Unknown or non-numeric column, a constant driver, perfectly collinear
        drivers, no more rows than drivers + 1, an R^2 of 0, ``n_boot=1`` or
        too few usable bootstrap resamples.

    Notes
    -----
    With the drivers' correlation matrix ``R_xx = V diag(lambda) V'``, let
    ``Lambda = V diag(sqrt(lambda)) V'`` (correlations between the drivers and
    their closest orthonormal counterparts ``Z``), ``beta = Lambda^{-1} r_xy``
    (the outcome regressed on ``Z``). The raw weight of driver ``j`` is

    .. math:: \\epsilon_j = \\sum_k \\Lambda_{jk}^2\\, \\beta_k^2,

    and the weights add up to R^2 (Johnson 2000; Tonidandel & LeBreton 2011).
    Bootstrap intervals and ``significant`` as in :func:`shapley_importance`
    (Tonidandel, LeBreton & Johnson 2009).

    References
    ----------
    Johnson, J. W. (2000). A heuristic method for estimating the relative
    weight of predictor variables in multiple regression. Multivariate
    Behavioral Research, 35(1), 1-19.
    Tonidandel, S. & LeBreton, J. M. (2011). Relative importance analysis: a
    useful supplement to regression analysis. Journal of Business and
    Psychology, 26(1), 1-9.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 1, 2, 3, 5, 5], "b": [2, 1, 2, 1, 2, 1]})
    >>> relative_weights(df, outcome="y", drivers=["a", "b"])["share"].round(3).tolist()  # two drivers: as Shapley
    [0.935, 0.065]
    """
    return _importance(data, outcome, drivers, n_boot=n_boot, seed=seed, ci=ci, importance="relative_weights",
                       decompose=_relative_weights_from_corr)
