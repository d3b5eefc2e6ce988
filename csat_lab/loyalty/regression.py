"""Satisfaction -> loyalty regression on statsmodels' formula API.

:func:`loyalty_regression` fits ``loyalty ~ C(satisfaction)`` (one dummy per
satisfaction level, so the curve may bend as Jones & Sasser 1995 found) or
``loyalty ~ satisfaction`` (a straight line), with

* ``kind="ols"``: a loyalty intention scale (``smf.ols``),
* ``kind="logit"``: repurchased yes/no (``smf.logit``),
* ``kind="ordinal"``: ordered loyalty categories (statsmodels ``OrderedModel``,
  logit link); the curve shows the expected loyalty score,

and returns the predicted loyalty at every satisfaction level with its CI
(numeric controls held at their mean). The curve, its zones and the
top-box / second-box ratio live in :mod:`csat_lab.loyalty.zones`.

Examples
--------
>>> import numpy as np, pandas as pd
>>> from csat_lab.loyalty import loyalty_regression
>>> rng = np.random.default_rng(0)
>>> sat = rng.integers(1, 6, 500)
>>> rebuy = rng.random(500) < np.array([0.05, 0.1, 0.2, 0.3, 0.8])[sat - 1]
>>> model = loyalty_regression(pd.DataFrame({"sat": sat, "rebuy": rebuy}), satisfaction="sat", loyalty="rebuy",
...                            kind="logit")
>>> model.predicted[["level", "estimate"]].round(2)
   level  estimate
0      1      0.03
1      2      0.07
2      3      0.15
3      4      0.37
4      5      0.83
"""

from __future__ import annotations

import dataclasses
import warnings
from typing import Any, Sequence

import numpy as np
import pandas as pd

from .._core.deprecation import keyword_only
from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.validate import probability
from ..errors import CsatConvergenceError, CsatInputError
from ..i18n import Message
from ..scales import get as get_scale
from ._prep import column_list, flat_columns, numeric_frame
from ._results import ci_level_alias

__all__ = ["LoyaltyModel", "loyalty_regression", "KINDS"]

KINDS = ("ols", "logit", "ordinal")


@dataclasses.dataclass(frozen=True)
class LoyaltyModel(Result):
    """A fitted satisfaction -> loyalty model, with the predicted loyalty at every satisfaction level.

    Attributes
    ----------
    kind : str
        ``"ols"``, ``"logit"`` or ``"ordinal"``: the model fitted.
    formula : str
        The model formula in the user's column names, e.g. ``"intent ~ C(sat)"``.
    satisfaction : str
        The satisfaction column.
    loyalty : str
        The loyalty column.
    as_levels : bool
        True when satisfaction entered as dummy levels (``C(satisfaction)``), False as a number.
    n : int
        Complete rows used.
    n_dropped : int
        Rows removed listwise for missing values.
    dropped : dict
        Reason (message naming the columns) -> rows removed.
    ci_level : float
        Confidence level of the intervals (the ``ci=`` passed).
    ci_method : Message
        How the intervals of ``predicted`` were made (t interval, Wald on the logit scale, delta method).
    r2 : float
        R^2 (OLS) or McFadden's pseudo R^2 (logit, ordinal).
    r2_name : str
        Catalog key of the R^2 shown: ``"loyalty.r2"`` or ``"loyalty.pseudo_r2"``.
    predicted : pandas.DataFrame
        One row per satisfaction level: ``level``, ``n`` (respondents at that
        level), ``observed`` (their mean loyalty), ``estimate`` (predicted
        loyalty), ``se``, ``ci_low``, ``ci_high``.
    coefficients : pandas.DataFrame
        One row per model term: ``coef``, ``se``, ``p_value``, ``ci_low``, ``ci_high``.
    fit : statsmodels results
        The fitted statsmodels object (``summary()`` prints its table).
    estimate : pandas.Series
        Property: the ``estimate`` column of ``predicted``, predicted loyalty by level.
    """

    kind: str
    formula: str
    satisfaction: str
    loyalty: str
    as_levels: bool
    n: int
    n_dropped: int
    dropped: dict
    ci_level: float
    ci_method: str
    r2: float
    r2_name: str
    predicted: pd.DataFrame
    coefficients: pd.DataFrame
    fit: Any = dataclasses.field(repr=False, compare=False)

    @property
    def estimate(self) -> pd.Series:
        """Predicted loyalty at each satisfaction level (rows in the order of ``predicted``)."""
        return self.predicted["estimate"]

    @property
    def ci(self) -> float:
        """Deprecated: the confidence level, now ``ci_level``."""
        return ci_level_alias(self)

    def summary(self) -> Any:
        """The statsmodels summary of the underlying fit (prints as a table)."""
        return self.fit.summary()

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Predicted loyalty by satisfaction level (:func:`csat_lab.plots.loyalty.loyalty_curve_plot`)."""
        from ..plots.loyalty import loyalty_curve_plot

        return loyalty_curve_plot(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [
            ("loyalty.model", Message(f"value.model.{self.kind}")),
            ("loyalty.formula", self.formula),
            ("result.n", self.n),
            ("result.n_dropped", self.n_dropped),
            ("result.dropped_reasons", self.dropped),
            (self.r2_name, self.r2),
            ("loyalty.ci_level", self.ci_level),
            ("result.method", self.ci_method),
        ]


def _safe_names(controls: list[str]) -> dict[str, str]:
    return {c: f"control_{i}" for i, c in enumerate(controls)}


def _levels(sat: pd.Series, scale: str | None) -> np.ndarray:
    if scale is not None:
        sc = get_scale(scale)
        sc.validate(sat, name="satisfaction")
        present = set(sat.unique())
        return np.array([v for v in sc.values if v in present], dtype=float)
    return np.sort(sat.unique())


def _as_int_if_whole(values: np.ndarray) -> np.ndarray:
    return values.astype(int) if np.all(values == np.round(values)) else values


def _prepare(data: object, satisfaction: str, loyalty: str, kind: str, controls: Sequence[str] | None,
             scale: str | None) -> tuple[pd.DataFrame, list[str], int, dict, np.ndarray]:
    if kind not in KINDS:
        raise CsatInputError(f"kind must be one of: {', '.join(map(repr, KINDS))}; got {kind!r}")
    for name, value in (("satisfaction", satisfaction), ("loyalty", loyalty)):
        if not isinstance(value, str):
            raise CsatInputError(f"{name} must be one column name, got {value!r}")
    ctrl = column_list(controls, "controls") if controls else []
    clash = {satisfaction, loyalty} & set(ctrl)
    if clash or satisfaction == loyalty:
        raise CsatInputError(f"satisfaction, loyalty and controls must be different columns; {sorted(clash or {loyalty})} repeated")
    frame, n_dropped, dropped = numeric_frame(data, [satisfaction, loyalty, *ctrl])
    if frame.shape[0] < 3:
        raise CsatInputError(f"only {frame.shape[0]} complete rows; a loyalty regression needs more")
    flat = flat_columns(frame[ctrl].to_numpy(dtype=float), ctrl) if ctrl else []
    if flat:
        raise CsatInputError(f"controls {flat} are constant after removing missing rows; a control that does not "
                             "vary cannot be adjusted for - remove it")
    levels = _levels(frame[satisfaction], scale)
    if levels.size < 2:
        raise CsatInputError(f"satisfaction column {satisfaction!r} has a single level ({levels[0]:g}); nothing to compare")
    y = frame[loyalty]
    if kind == "logit" and not set(np.unique(y)) <= {0.0, 1.0}:
        raise CsatInputError(
            f"kind='logit' needs a yes/no loyalty column (bool or 0/1); {loyalty!r} holds {', '.join(f'{v:g}' for v in np.unique(y)[:6])}"
            " - use kind='ols' for an intention scale or kind='ordinal' for ordered categories"
        )
    if kind == "ordinal" and np.unique(y).size < 3:
        raise CsatInputError(f"kind='ordinal' needs at least 3 ordered loyalty categories; {loyalty!r} has {np.unique(y).size}")
    if kind != "logit" and y.std(ddof=1) == 0:
        raise CsatInputError(f"loyalty column {loyalty!r} is constant; nothing to explain")
    # whole-number codes as ints so that terms read C(sat)[T.5], not [T.5.0]
    work = pd.DataFrame({"satisfaction": _as_int_if_whole(frame[satisfaction].to_numpy()), "loyalty": y.to_numpy()})
    for c, safe in _safe_names(ctrl).items():
        work[safe] = frame[c].to_numpy()
    return work, ctrl, n_dropped, dropped, _as_int_if_whole(levels)


def _grid(work: pd.DataFrame, levels: np.ndarray) -> pd.DataFrame:
    grid = pd.DataFrame({"satisfaction": levels})
    for c in work.columns[2:]:
        grid[c] = work[c].mean()
    return grid


def _ordinal_prediction(res: Any, grid: pd.DataFrame, codes: np.ndarray, z: float) -> pd.DataFrame:
    from statsmodels.tools.numdiff import approx_fprime

    exog = np.asarray(res._transform_predict_exog(grid)[0], dtype=float)

    def expected(params: np.ndarray) -> np.ndarray:
        return res.model.predict(params, exog=exog) @ codes

    params = np.asarray(res.params, dtype=float)
    est = expected(params)
    jac = approx_fprime(params, expected, centered=True)
    se = np.sqrt(np.einsum("ij,jk,ik->i", jac, np.asarray(res.cov_params()), jac))
    return pd.DataFrame({"estimate": est, "se": se, "ci_low": est - z * se, "ci_high": est + z * se})


@keyword_only(1, "satisfaction", "loyalty")
@shared_docs
def loyalty_regression(data: pd.DataFrame, *, satisfaction: str, loyalty: str, kind: str = "ols",
                       as_levels: bool = True, controls: Sequence[str] | None = None, scale: str | None = None,
                       ci: float = 0.95) -> LoyaltyModel:
    """Regress loyalty on satisfaction and predict loyalty at every satisfaction level.

    Model (statsmodels formula): ``loyalty ~ C(satisfaction) [+ controls]``
    when ``as_levels`` (a separate mean for each level, revealing the
    non-linear curve of Jones & Sasser 1995), else ``loyalty ~ satisfaction``.
    ``kind`` picks OLS (intention scale), logit (repurchase yes/no: predicted
    probability) or ordinal logit (McCullagh 1980; predicted expected score
    ``E[Y] = sum_k y_k P(Y = y_k)``).

    CIs: OLS - t interval of the mean prediction; logit - Wald interval on the
    log-odds, transformed (statsmodels ``get_prediction``); ordinal - delta
    method with a numerical gradient of ``E[Y]``.

    Parameters
    ----------
    @{data}
    satisfaction : str
        Satisfaction column (numeric codes, e.g. 1-5).
    loyalty : str
        Loyalty column: intention score (ols), yes/no (logit), ordered codes (ordinal).
    kind : {"ols", "logit", "ordinal"}, default "ols"
        The model: linear, binary logit or ordinal logit.
    as_levels : bool, default True
        Satisfaction as dummy levels (True) or as a number (False).
    controls : list of str, optional
        Numeric covariates; predictions hold them at their mean.
    scale : str, optional
        Name of the satisfaction scale (e.g. ``"satisfaction5"``) to validate codes.
    @{ci}

    Returns
    -------
    LoyaltyModel
        ``predicted`` (loyalty at each satisfaction level with CI),
        ``coefficients``, ``r2``, ``n``, ``n_dropped``, ``dropped``,
        ``ci_level``, ``ci_method`` and the statsmodels ``fit``.

    Raises
    ------
    CsatInputError
        Unknown or non-numeric columns, a single satisfaction level, a
        constant loyalty column or control, controls collinear with
        satisfaction, no residual degrees of freedom (OLS), or perfect
        separation (logit, ordinal: a satisfaction level whose answers all sit
        at one end of the loyalty scale, so its coefficient is infinite).
    CsatConvergenceError
        The logit or ordinal model does not converge, or its standard errors
        cannot be computed. statsmodels' warnings about these conditions are
        turned into these errors and never reach the user.

    Notes
    -----
    With dummy levels the OLS prediction at level ``k`` is the mean loyalty of
    the respondents at ``k``, ``E[Y | S = k]``; the logit prediction is
    ``P(Y = 1 | S = k) = 1 / (1 + exp(-(b_0 + b_k)))``; the ordinal prediction
    is ``E[Y | S = k] = sum_j y_j P(Y = y_j | S = k)`` with
    ``P(Y <= y_j) = 1 / (1 + exp(-(t_j - b_k)))``.

    References
    ----------
    Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.
    McCullagh, P. (1980). Regression models for ordinal data. Journal of the
    Royal Statistical Society B, 42(2), 109-142.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"sat": [1, 1, 2, 2, 3, 3], "intent": [1, 2, 2, 3, 5, 5]})
    >>> m = loyalty_regression(df, satisfaction="sat", loyalty="intent")
    >>> m.predicted["estimate"].tolist()
    [1.5, 2.5, 5.0]
    >>> m.formula
    'intent ~ C(sat)'
    """
    import statsmodels.formula.api as smf
    from scipy import stats
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    ci = probability(ci, "ci")
    work, ctrl, n_dropped, dropped, levels = _prepare(data, satisfaction, loyalty, kind, controls, scale)
    rhs_safe = "C(satisfaction)" if as_levels else "satisfaction"
    rhs_show = f"C({satisfaction})" if as_levels else satisfaction
    safe = _safe_names(ctrl)
    formula = " + ".join(["loyalty ~ " + rhs_safe, *safe.values()])
    shown = " + ".join([f"{loyalty} ~ {rhs_show}", *ctrl])
    grid = _grid(work, levels)
    alpha = 1 - ci
    if ctrl:
        sat_part = (pd.get_dummies(work["satisfaction"], drop_first=True, dtype=float).to_numpy() if as_levels
                    else work[["satisfaction"]].to_numpy(dtype=float))
        design = np.column_stack([np.ones(len(work)), sat_part, work[list(safe.values())].to_numpy(dtype=float)])
        if np.linalg.matrix_rank(design) < design.shape[1]:
            raise CsatInputError(f"controls {ctrl} are perfectly collinear with {satisfaction!r} or with each other; "
                                 "their effects cannot be separated - drop the redundant control")
    if as_levels:
        _check_separation(work, kind, satisfaction, loyalty)
    with warnings.catch_warnings(record=True) as caught:
        # statsmodels reports separation, non-convergence and singular designs as warnings; they are
        # turned into errors below instead of reaching the user
        warnings.simplefilter("always")
        try:
            if kind == "ols":
                res = smf.ols(formula, work).fit()
                _check_design(res, satisfaction, ctrl)
                if res.df_resid < 1:
                    raise CsatInputError(f"{res.nobs:.0f} complete rows for {res.df_model + 1:.0f} parameters leave no "
                                         "residual degrees of freedom, so no interval exists; collect more answers "
                                         "or use as_levels=False")
                frame = res.get_prediction(grid).summary_frame(alpha=alpha)
                pred = pd.DataFrame({"estimate": frame["mean"], "se": frame["mean_se"],
                                     "ci_low": frame["mean_ci_lower"], "ci_high": frame["mean_ci_upper"]})
                r2, r2_name, method = float(res.rsquared), "loyalty.r2", Message("value.method.t_mean_prediction")
            elif kind == "logit":
                res = smf.logit(formula, work).fit(disp=0)
                _check_design(res, satisfaction, ctrl)
                _check_fit(res, caught, kind, loyalty)
                frame = res.get_prediction(grid).summary_frame(alpha=alpha)
                pred = pd.DataFrame({"estimate": frame["predicted"], "se": frame["se"],
                                     "ci_low": frame["ci_lower"], "ci_high": frame["ci_upper"]})
                r2, r2_name, method = float(res.prsquared), "loyalty.pseudo_r2", Message("value.method.wald_logit")
            else:
                res = OrderedModel.from_formula(formula, work, distr="logit").fit(method="bfgs", disp=0, maxiter=2000)
                _check_design(res, satisfaction, ctrl)
                _check_fit(res, caught, kind, loyalty)
                codes = np.sort(work["loyalty"].unique())
                pred = _ordinal_prediction(res, grid, codes, stats.norm.ppf(1 - alpha / 2))
                r2, r2_name, method = float(res.prsquared), "loyalty.pseudo_r2", Message("value.method.delta_expected")
        except np.linalg.LinAlgError as exc:
            raise CsatInputError(f"the model cannot be fitted ({exc}); check for a satisfaction level "
                                 "or control that is perfectly collinear with another") from None
        except (CsatInputError, CsatConvergenceError):
            raise
        except Exception as exc:  # older statsmodels signal perfect separation with their own exception types
            if "separation" in str(exc).lower():
                raise CsatInputError(_separation_text(loyalty)) from None
            raise
    if not np.all(np.isfinite(pred.to_numpy(dtype=float))):
        raise CsatConvergenceError(f"the {kind} model gave no finite prediction or interval at some satisfaction "
                                   "level; merge sparse levels or use as_levels=False")
    counts = work.groupby("satisfaction")["loyalty"].agg(["size", "mean"]).reindex(levels)
    predicted = pd.concat([
        pd.DataFrame({"level": _as_int_if_whole(levels), "n": counts["size"].fillna(0).astype(int).to_numpy(),
                      "observed": counts["mean"].to_numpy()}),
        pred.reset_index(drop=True)], axis=1)
    bounds = np.asarray(res.conf_int(alpha=alpha))
    coefs = pd.DataFrame({"coef": np.asarray(res.params), "se": np.asarray(res.bse),
                          "p_value": np.asarray(res.pvalues), "ci_low": bounds[:, 0], "ci_high": bounds[:, 1]},
                         index=list(res.params.index))
    coefs.index = [_show_name(str(i), satisfaction, safe) for i in coefs.index]
    return LoyaltyModel(kind=kind, formula=shown, satisfaction=satisfaction, loyalty=loyalty, as_levels=as_levels,
                        n=int(work.shape[0]), n_dropped=n_dropped, dropped=dropped, ci_level=ci, ci_method=method,
                        r2=r2, r2_name=r2_name, predicted=predicted, coefficients=coefs, fit=res)


def _separation_text(loyalty: str, detail: str = "") -> str:
    return (f"perfect separation: {detail or 'satisfaction predicts ' + repr(loyalty) + ' perfectly'}, so the "
            "model's coefficients are infinite and its intervals meaningless; merge sparse satisfaction levels "
            "or use kind='ols'")


def _check_separation(work: pd.DataFrame, kind: str, satisfaction: str, loyalty: str) -> None:
    """With dummy levels, a level whose answers all sit at one end of the loyalty scale has an infinite coefficient."""
    if kind == "ols":
        return
    y = work["loyalty"]
    low, high = y.min(), y.max()
    by_level = y.groupby(work["satisfaction"])
    at_low = sorted(k for k, v in by_level if (v == low).all())
    at_high = sorted(k for k, v in by_level if (v == high).all())
    if at_low or at_high:
        parts = []
        if at_low:
            parts.append(f"{satisfaction} = {', '.join(map(str, at_low))} only {loyalty} = {low:g}")
        if at_high:
            parts.append(f"{satisfaction} = {', '.join(map(str, at_high))} only {loyalty} = {high:g}")
        raise CsatInputError(_separation_text(loyalty, "respondents with " + "; with ".join(parts)))


def _check_design(res: Any, satisfaction: str, controls: list[str]) -> None:
    """A rank-deficient design (a control equal to satisfaction or to a combination of others) is an error."""
    exog = np.asarray(res.model.exog, dtype=float)
    if np.linalg.matrix_rank(exog) < exog.shape[1]:
        raise CsatInputError(f"controls {controls} are perfectly collinear with {satisfaction!r} or with each other; "
                             "their effects cannot be separated - drop the redundant control")


def _check_fit(res: Any, caught: list, kind: str, loyalty: str) -> None:
    """Separation and non-convergence, signalled by statsmodels as warnings, become errors."""
    names = {w.category.__name__ for w in caught}
    if "PerfectSeparationWarning" in names:
        raise CsatInputError(_separation_text(loyalty))
    retvals = getattr(res, "mle_retvals", None) or {}
    if not retvals.get("converged", True):
        raise CsatConvergenceError(f"the {kind} model did not converge in {retvals.get('iterations', '?')} "
                                   "iterations; merge sparse satisfaction levels or use kind='ols'")
    bse = np.asarray(res.bse, dtype=float)
    if not np.all(np.isfinite(bse)) or "HessianInversionWarning" in names:
        raise CsatConvergenceError(f"the {kind} model's standard errors cannot be computed (its information "
                                   "matrix is singular); merge sparse satisfaction levels or use kind='ols'")


def _show_name(term: str, satisfaction: str, safe: dict[str, str]) -> str:
    out = term.replace("satisfaction", satisfaction)
    for original, s in safe.items():
        out = out.replace(s, original)
    return out
