"""Survey weighting by raking (iterative proportional fitting) to known margins.

A sample with too many young or too few western customers gives a CSAT that
describes the sample, not the customer base. :func:`rake` finds weights that
make the weighted shares of several categorical variables (sex, age band,
region ...) equal known population shares, starting from the design weights
when there are any, optionally trimming extreme weights and raking again. The
weights then go into every metric that takes ``weights=``
(:func:`csat_lab.metrics.csat`, :func:`~csat_lab.metrics.nps`,
:func:`~csat_lab.metrics.ces`, :func:`~csat_lab.metrics.mean_score`, the
comparisons), whose ``n`` becomes Kish's effective sample size.

Examples
--------
>>> import pandas as pd, csat_lab as cl
>>> data = pd.DataFrame({"sex": ["M", "M", "M", "F"], "sat": [5, 4, 4, 2]})
>>> result = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}})
>>> result.weights.round(3).tolist()
[0.667, 0.667, 0.667, 2.0]
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import Result
from .._core.validate import (
    finite_number,
    one_of,
    require_columns,
    require_frame,
    weights_array,
    whole_number,
)
from ..errors import CsatConvergenceError, CsatInputError

__all__ = ["RakeResult", "rake"]

#: How far a column's target shares may add up away from 1.
_SUM_TOLERANCE = 1e-6
_SHOWN = 5


@dataclass(frozen=True)
class RakeResult(Result):
    """Raking weights with how well they meet the targets and what they cost in precision.

    Attributes
    ----------
    weights : pandas.Series
        One weight per row of the data, with the data's index (name ``"weight"``).
        They add up to the number of rows, or to the sum of the design weights
        when ``weight=`` named a column.
    converged : bool
        Whether every achieved margin came within ``tol`` of its target.
    n_iter : int
        Raking sweeps made (one sweep adjusts every margin once).
    margins : pandas.DataFrame
        One row per (variable, category): ``n`` respondents, ``sample`` (their
        share before raking, design-weighted when there are design weights),
        ``target``, ``achieved`` (the weighted share) and ``difference``
        (achieved - target).
    n : int
        Rows weighted.
    n_effective : float
        Kish's effective sample size, ``(sum w)^2 / sum w^2``.
    design_effect : float
        Kish's design effect of unequal weighting, ``n / n_effective = 1 + cv^2``
        (``cv`` the coefficient of variation of the weights).
    max_difference : float
        The largest absolute difference between an achieved and a target share.
    tol : float
        The tolerance asked for (``tol=``).
    trim : tuple of float or None
        The ``(low, high)`` bounds of the weights as multiples of their mean; None without trimming.
    n_trimmed : int
        Weights that ended at a trimming bound.
    weight_min, weight_max : float
        The smallest and largest weight as multiples of the mean weight.
    design_weights : str or None
        The column of design weights raking started from (``weight=``).
    estimate : float
        The headline number, the same as ``n_effective``.
    """

    weights: pd.Series
    converged: bool
    n_iter: int
    margins: pd.DataFrame
    n: int
    n_effective: float
    design_effect: float
    max_difference: float
    tol: float
    trim: tuple[float, float] | None
    n_trimmed: int
    weight_min: float
    weight_max: float
    design_weights: str | None = None

    @property
    def estimate(self) -> float:
        """Kish's effective sample size (same as ``n_effective``)."""
        return self.n_effective

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [
            ("survey.rake.variables", ", ".join(dict.fromkeys(str(v) for v in self.margins.index.get_level_values(0)))),
            ("survey.rake.design_weights", self.design_weights),
            ("result.n", self.n),
            ("survey.rake.n_effective", round(self.n_effective, 1)),
            ("survey.rake.design_effect", self.design_effect),
            ("survey.rake.converged", self.converged),
            ("survey.rake.n_iter", self.n_iter),
            ("survey.rake.max_difference", self.max_difference),
            ("survey.rake.weight_min", self.weight_min),
            ("survey.rake.weight_max", self.weight_max),
            ("survey.rake.trim", self.trim),
        ]
        if self.trim is not None:
            rows.append(("survey.rake.n_trimmed", self.n_trimmed))
        return rows


def rake(data: pd.DataFrame, targets: Mapping[str, Mapping[Any, float]], *, weight: str | None = None,
         trim: float | tuple[float, float] | None = None, max_iter: int = 1000, tol: float = 1e-10,
         on_fail: str = "raise") -> RakeResult:
    """Weight a sample to known population shares of several categorical variables (raking).

    Parameters
    ----------
    data : pandas.DataFrame
        The responses, one row per respondent; it is not changed.
    targets : dict of str to dict
        Column -> {category: population share}; the shares of each column must
        be positive and add up to 1 (``{"sex": {"M": 0.49, "F": 0.51}, "age":
        {...}}``). Every category present in the column needs a share, and
        every category given a share must be present.
    weight : str, optional
        Column of design (base) weights to start from, finite and non-negative;
        default equal weights. The raked weights then keep the design weights'
        total.
    trim : float or (float, float), optional
        Bounds of the weights as multiples of their mean: ``(0.3, 3.0)`` keeps
        every weight between 0.3 and 3 times the mean; a single number is the
        upper bound only. After each sweep the weights are cut to the bounds
        and rescaled, and raking goes on until both the margins and the bounds
        hold. The bounds must include 1 (low < 1 < high).
    max_iter : int, default 1000
        Most sweeps to make.
    tol : float, default 1e-10
        Convergence: every achieved share within ``tol`` of its target.
    on_fail : {"raise", "return"}, default "raise"
        On non-convergence raise :class:`~csat_lab.errors.CsatConvergenceError`
        naming the worst margin, or return the last weights with ``converged=False``.

    Returns
    -------
    RakeResult
        ``weights`` (aligned to the rows), ``converged``, ``n_iter``,
        ``margins`` (achieved against target), ``n_effective``, ``design_effect``.

    Raises
    ------
    CsatInputError
        Targets that do not add up to 1 or hold a share that is not a positive
        number; a category in the targets missing from the data or the
        reverse; missing values in a raking column; a category whose design
        weights are all zero; empty cells that make the targets unreachable
        (every respondent of one category falls in categories of another
        variable whose targets add up to less); bad ``trim``, ``max_iter`` or
        ``tol``.
    CsatConvergenceError
        No convergence in ``max_iter`` sweeps (with ``on_fail="raise"``).

    Notes
    -----
    Iterative proportional fitting (Deming & Stephan, 1940): starting from the
    design weights ``d_i``, one sweep visits each variable ``k`` in turn and
    multiplies the weight of every respondent in category ``c`` by
    ``T * p_kc / sum_{i in c} w_i``, where ``p_kc`` is the target share and
    ``T`` the total of the design weights (``n`` without them). The fixed
    point is the set of weights closest to the design weights in the
    Kullback-Leibler sense that meets all the margins, ``w_i = d_i prod_k
    a_{k, c_k(i)}`` (Ireland & Kullback, 1968; Deville & Särndal, 1992).
    Trimming cuts the weights to ``[low, high]`` times their mean and rescales
    them to ``T`` after every sweep, the trim-and-rerake practice Battaglia,
    Izrael, Hoaglin & Frankel (2009) describe. Precision lost to unequal
    weights is summarised by Kish's (1965) effective sample size
    ``n_eff = (sum w)^2 / sum w^2`` and design effect ``deff = n / n_eff``.

    References
    ----------
    Deming, W. E., & Stephan, F. F. (1940). On a least squares adjustment of a sampled frequency table
    when the expected marginal totals are known. *Annals of Mathematical Statistics*, 11(4), 427-444.
    Ireland, C. T., & Kullback, S. (1968). Contingency tables with given marginals. *Biometrika*, 55(1), 179-188.
    Deville, J.-C., & Särndal, C.-E. (1992). Calibration estimators in survey sampling. *JASA*, 87(418), 376-382.
    Kish, L. (1965). *Survey Sampling*. New York: Wiley.
    Battaglia, M. P., Izrael, D., Hoaglin, D. C., & Frankel, M. R. (2009). Practical considerations in raking
    survey data. *Survey Practice*, 2(5).

    Examples
    --------
    Three men and one woman, weighted to half and half; the weighted CSAT (top-2 box) follows:

    >>> import pandas as pd, csat_lab as cl
    >>> data = pd.DataFrame({"sex": ["M", "M", "M", "F"], "age": ["young", "old", "old", "young"],
    ...                      "sat": [5, 4, 4, 2]})
    >>> r = cl.survey.rake(data, {"sex": {"M": 0.5, "F": 0.5}})
    >>> r.weights.round(3).tolist(), round(r.design_effect, 3), r.converged
    ([0.667, 0.667, 0.667, 2.0], 1.333, True)
    >>> round(cl.metrics.csat(data["sat"], weights=r.weights).estimate, 3)
    0.5
    >>> r.margins.loc[("sex", "F"), ["target", "achieved"]].tolist()
    [0.5, 0.5]
    """
    frame = require_frame(data)
    one_of(on_fail, ("raise", "return"), "on_fail")
    max_iter = whole_number(max_iter, "max_iter", minimum=1)
    tol = finite_number(tol, "tol")
    if not 0 < tol < 1:
        raise CsatInputError(f"tol must lie strictly between 0 and 1 (a share difference), got {tol!r}")
    bounds = _trim_bounds(trim)
    specs = _targets(frame, targets)
    n = int(frame.shape[0])
    if weight is None:
        design = np.ones(n)
    else:
        if not isinstance(weight, str):
            raise CsatInputError(f"weight must name a column of design weights, got {type(weight).__name__}; "
                                 "add the weights to data as a column and pass its name")
        require_columns(frame, [weight])
        with np.errstate(over="ignore"):
            design = weights_array(frame[weight], n, f"design weights in column {weight!r}")
    total = float(design.sum())
    if not math.isfinite(total):
        raise CsatInputError(f"the design weights in column {weight!r} add up to infinity; rescale them")
    codes = [_codes(frame, column, cats) for column, cats, _ in specs]
    for (column, cats, _), code in zip(specs, codes):
        mass = np.bincount(code, weights=design, minlength=len(cats))
        empty = [cats[j] for j in np.flatnonzero(mass <= 0)]
        if empty:
            raise CsatInputError(f"column {column!r}: the design weights of category {empty[0]!r} are all zero, so no "
                                 f"weight can give it its target share; check column {weight!r}")
    _check_cells(specs, codes, design)

    w = design.copy()
    n_iter, gap, converged = 0, math.inf, False
    for n_iter in range(1, max_iter + 1):
        for (_, cats, shares), code in zip(specs, codes):
            sums = np.bincount(code, weights=w, minlength=len(cats))
            w = w * (total * shares / sums)[code]
        if bounds is not None:
            w = _trim(w, total, bounds)
        gap = _gap(specs, codes, w)
        if gap < tol:
            converged = True
            break
    if not converged and on_fail == "raise":
        raise _not_converged(specs, codes, w, max_iter, tol, bounds)
    return _result(frame, specs, codes, design, w, converged, n_iter, gap, tol, bounds, weight)


def _trim_bounds(trim: object) -> tuple[float, float] | None:
    if trim is None:
        return None
    if isinstance(trim, (tuple, list)):
        if len(trim) != 2:
            raise CsatInputError(f"trim must be an upper bound or a pair (low, high) of multiples of the mean weight, "
                                 f"got {trim!r}")
        low, high = finite_number(trim[0], "trim low bound"), finite_number(trim[1], "trim high bound")
    else:
        low, high = 0.0, finite_number(trim, "trim")
    if not 0 <= low < 1 < high:
        raise CsatInputError(f"trim bounds are multiples of the mean weight and must satisfy 0 <= low < 1 < high, got "
                             f"low={low:g}, high={high:g} (e.g. trim=(0.3, 3.0) or trim=5)")
    return (low, high)


def _targets(frame: pd.DataFrame, targets: object) -> list[tuple[str, list, np.ndarray]]:
    """Check the targets against the data: (column, categories, shares) per raking variable."""
    if isinstance(targets, pd.Series) or not isinstance(targets, Mapping) or not targets:
        raise CsatInputError("targets must be a non-empty dict of column -> {category: share}, such as "
                             "{'sex': {'M': 0.5, 'F': 0.5}}")
    require_columns(frame, list(targets))
    specs = []
    for column, shares in targets.items():
        if isinstance(shares, pd.Series):
            shares = shares.to_dict()
        if not isinstance(shares, Mapping) or not shares:
            raise CsatInputError(f"targets[{column!r}] must be a non-empty dict of category -> share, "
                                 f"got {type(shares).__name__}")
        values = {}
        for category, share in shares.items():
            number = finite_number(share, f"targets[{column!r}][{category!r}]")
            if number < 0:
                raise CsatInputError(f"targets[{column!r}][{category!r}] is negative ({number:g}); shares are proportions "
                                     "between 0 and 1")
            values[category] = number
        added = sum(values.values())
        if abs(added - 1) > _SUM_TOLERANCE:
            hint = " (percentages? divide them by 100)" if abs(added - 100) < 100 * _SUM_TOLERANCE else ""
            raise CsatInputError(f"the target shares of column {column!r} add up to {added:.6g}, not 1{hint}; "
                                 f"shares given: {values}")
        column_values = frame[column]
        missing = column_values.isna()
        if missing.any():
            rows = list(frame.index[missing.to_numpy()][:_SHOWN])
            raise CsatInputError(f"column {column!r} has {int(missing.sum())} missing value(s) (rows {rows}); raking "
                                 "cannot place them in a category: fill them (e.g. an 'unknown' category with its "
                                 "own target) or drop those rows first")
        present = pd.unique(column_values.to_numpy(dtype=object))
        present_set = set(present.tolist())
        extra = [v for v in present.tolist() if v not in values]
        if extra:
            count = int(column_values.isin(extra).sum())
            shown = ", ".join(repr(v) for v in extra[:_SHOWN])
            raise CsatInputError(f"column {column!r} holds categories without a target share: {shown} ({count} rows); "
                                 f"targets cover {list(values)!r}. Give them a share, or merge or drop them first")
        absent = [c for c, s in values.items() if c not in present_set and s > 0]
        if absent:
            shown = ", ".join(repr(v) for v in absent[:_SHOWN])
            raise CsatInputError(f"target categories {shown} of column {column!r} have no respondents in data "
                                 f"(present: {present.tolist()[:10]!r}); no weight can give them their share. "
                                 "Merge them with a neighbouring category or check the spelling and type")
        zero = [c for c, s in values.items() if s == 0 and c in present_set]
        if zero:
            raise CsatInputError(f"targets[{column!r}][{zero[0]!r}] is 0 but that category has "
                                 f"{int((column_values == zero[0]).sum())} respondents; raking would give them weight "
                                 "0 and drop them silently. Drop those rows first, or give the category a share")
        cats = [c for c in values if values[c] > 0]
        specs.append((str(column), cats, np.array([values[c] for c in cats], dtype=float)))
    return specs


def _codes(frame: pd.DataFrame, column: str, cats: list) -> np.ndarray:
    lookup = {c: i for i, c in enumerate(cats)}
    return np.fromiter((lookup[v] for v in frame[column].to_numpy(dtype=object)), dtype=np.int64, count=frame.shape[0])


def _check_cells(specs: list, codes: list[np.ndarray], design: np.ndarray) -> None:
    """Raise when empty cells of a two-way table make two variables' targets contradict each other.

    A category ``a`` of one variable can receive at most the target shares of
    the categories ``b`` of another variable that its respondents fall in;
    when those add up to less than ``a``'s own target, no weights exist.
    """
    for i in range(len(specs)):
        for j in range(len(specs)):
            if i == j:
                continue
            (col_a, cats_a, shares_a), (col_b, cats_b, shares_b) = specs[i], specs[j]
            filled = np.zeros((len(cats_a), len(cats_b)), bool)
            positive = design > 0
            filled[codes[i][positive], codes[j][positive]] = True
            reachable = filled.astype(float) @ shares_b
            short = np.flatnonzero(reachable < shares_a - 1e-12)
            if short.size:
                a = int(short[0])
                inside = [cats_b[b] for b in np.flatnonzero(filled[a])]
                outside = [cats_b[b] for b in np.flatnonzero(~filled[a])]
                raise CsatInputError(
                    f"empty cells: no respondent with {col_a}={cats_a[a]!r} has {col_b} in {outside!r}, so "
                    f"{col_a}={cats_a[a]!r} can reach at most the {col_b} targets of {inside!r} "
                    f"({reachable[a]:.4g} in all) but its own target is {shares_a[a]:.4g}. No weights meet both "
                    "margins: collapse categories, or check the targets")


def _trim(w: np.ndarray, total: float, bounds: tuple[float, float]) -> np.ndarray:
    """Weights cut to [low, high] times their mean, the rest scaled so that they still add up to ``total``.

    The result is ``clip(s w, L, H)`` with the one ``s`` that keeps the total:
    the limit of cutting and rescaling again and again, found directly by
    solving for ``s`` on the weights left between the bounds.
    """
    low, high = bounds
    n = w.shape[0]
    floor, cap = low * total / n, high * total / n
    if w.min() >= floor * (1 - 1e-12) and w.max() <= cap * (1 + 1e-12):
        return w
    s = total / w.sum()
    for _ in range(200):
        under, over = s * w <= floor, s * w >= cap
        middle = ~(under | over)
        free = w[middle].sum()
        if free <= 0:
            break
        s_next = (total - floor * under.sum() - cap * over.sum()) / free
        if s_next == s or abs(s_next - s) <= 1e-15 * s:
            s = s_next
            break
        s = s_next
    return np.clip(s * w, floor, cap)


def _gap(specs: list, codes: list[np.ndarray], w: np.ndarray) -> float:
    total = w.sum()
    return max(float(np.abs(np.bincount(code, weights=w, minlength=len(cats)) / total - shares).max())
               for (_, cats, shares), code in zip(specs, codes))


def _margins(specs: list, codes: list[np.ndarray], design: np.ndarray, w: np.ndarray) -> pd.DataFrame:
    rows = []
    for (column, cats, shares), code in zip(specs, codes):
        counts = np.bincount(code, minlength=len(cats))
        sample = np.bincount(code, weights=design, minlength=len(cats)) / design.sum()
        achieved = np.bincount(code, weights=w, minlength=len(cats)) / w.sum()
        for k, category in enumerate(cats):
            rows.append((column, category, int(counts[k]), float(sample[k]), float(shares[k]), float(achieved[k]),
                         float(achieved[k] - shares[k])))
    table = pd.DataFrame(rows, columns=["variable", "category", "n", "sample", "target", "achieved", "difference"])
    return table.set_index(["variable", "category"])


def _not_converged(specs: list, codes: list[np.ndarray], w: np.ndarray, max_iter: int, tol: float,
                   bounds: tuple[float, float] | None) -> CsatConvergenceError:
    worst, where = -1.0, ("", None, 0.0, 0.0)
    total = w.sum()
    for (column, cats, shares), code in zip(specs, codes):
        achieved = np.bincount(code, weights=w, minlength=len(cats)) / total
        k = int(np.argmax(np.abs(achieved - shares)))
        if abs(achieved[k] - shares[k]) > worst:
            worst, where = abs(achieved[k] - shares[k]), (column, cats[k], achieved[k], shares[k])
    column, category, achieved, target = where
    hint = (f" The trimming bounds {bounds} may be too tight for these targets: widen them." if bounds is not None
            else " Categories with very few respondents or nearly empty cells slow raking down: collapse them, "
                 "or raise max_iter.")
    return CsatConvergenceError(
        f"raking did not converge in {max_iter} sweeps: {column}={category!r} is at {achieved:.6f} against its target "
        f"{target:.6f} (tolerance {tol:g}).{hint} Pass on_fail='return' to inspect the last weights")


def _result(frame: pd.DataFrame, specs: list, codes: list[np.ndarray], design: np.ndarray, w: np.ndarray,
            converged: bool, n_iter: int, gap: float, tol: float, bounds: tuple[float, float] | None,
            weight: str | None) -> RakeResult:
    n = int(w.shape[0])
    scaled = w / w.max()  # Kish's formula on rescaled weights: no overflow, same value
    n_eff = float(scaled.sum() ** 2 / (scaled ** 2).sum())
    mean = w.sum() / n
    relative = w / mean
    n_trimmed = 0
    if bounds is not None:
        low, high = bounds
        n_trimmed = int(np.sum(np.isclose(relative, high, rtol=1e-9, atol=0) |
                               (np.isclose(relative, low, rtol=1e-9, atol=0) & (low > 0))))
    return RakeResult(
        weights=pd.Series(w, index=frame.index, name="weight"),
        converged=bool(converged), n_iter=int(n_iter), margins=_margins(specs, codes, design, w), n=n,
        n_effective=n_eff, design_effect=float(n / n_eff), max_difference=float(gap), tol=float(tol),
        trim=bounds, n_trimmed=n_trimmed, weight_min=float(relative.min()), weight_max=float(relative.max()),
        design_weights=weight,
    )
