"""Service recovery: does handling a complaint well win the customer back?

:func:`recovery_effect` compares the repurchase rate of recovered complainants
with that of customers who never complained. :func:`recovery_model` links the
handling steps to handling satisfaction and repurchase, fitted on complainants
only: ordinary least squares of handling satisfaction (1-5) on the eight step
indicators, and a logistic regression of repurchase on the same indicators. ``predict`` answers the widget's question "what if these
steps were done?" with confidence intervals from the fitted covariance.
"""

from __future__ import annotations

import dataclasses
import warnings
from typing import Any, Mapping

import numpy as np
import pandas as pd

from .._core.intervals import newcombe_difference, z_value
from .._core.results import Result
from .._core.validate import as_bool, as_numeric, one_of, probability, require_columns, require_frame, to_dates
from ..errors import CsatConvergenceError, CsatInputError
from ..i18n import Message, label
from .process import HANDLING_STEPS

__all__ = ["RecoveryEffect", "RecoveryModel", "recovery_effect", "recovery_model"]


@dataclasses.dataclass(frozen=True)
class RecoveryEffect(Result):
    """Repurchase after a recovered complaint vs after no complaint (difference with CI).

    Attributes
    ----------
    recovered_rate : float
        Share of recovered complainants who bought again.
    no_complaint_rate : float
        Share of customers without a complaint who bought again.
    unrecovered_rate : float
        Share of complainants not recovered who bought again (NaN when there are none).
    difference : float
        ``recovered_rate - no_complaint_rate``; positive is the "recovery paradox".
    ci : tuple of float
        (low, high) confidence interval of ``difference``.
    ci_level : float
        Confidence level of ``ci`` (the ``ci`` passed).
    ci_method : Message
        The interval's method (Newcombe's hybrid score).
    n_recovered : int
        Recovered complainants.
    n_no_complaint : int
        Customers without a complaint.
    n_unrecovered : int
        Complainants not recovered.
    definition : Message
        What "recovered" meant (satisfied with the handling, or resolved).
    n : int
        Customers used (rows minus those dropped).
    n_dropped : int
        Complainants left out because their recovery status is unknown.
    dropped : dict
        Reason (Message) -> count of the rows left out.
    estimate : float
        The headline: ``difference``.
    """

    recovered_rate: float
    no_complaint_rate: float
    unrecovered_rate: float
    difference: float
    ci: tuple[float, float]
    ci_level: float
    ci_method: str
    n_recovered: int
    n_no_complaint: int
    n_unrecovered: int
    definition: str
    n: int
    n_dropped: int
    dropped: dict

    @property
    def estimate(self) -> float:
        """The recovery effect (``difference``)."""
        return self.difference

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Bars of the repurchase rate by complaint outcome (:func:`csat_lab.plots.complaints.recovery_bars`).

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.complaints.recovery_bars`.

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.complaints import recovery_bars

        return recovery_bars(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("complaints.recovered_rate", self.recovered_rate),
                ("complaints.no_complaint_rate", self.no_complaint_rate),
                ("complaints.unrecovered_rate", self.unrecovered_rate),
                ("complaints.difference", self.difference), ("result.ci", self.ci),
                ("result.method", self.ci_method), ("complaints.definition", self.definition),
                ("result.n", self.n), ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]


def recovery_effect(data: pd.DataFrame, *, recovered: str = "satisfied", ci: float = 0.95,
                    complained: str = "complained", repurchased: str = "repurchased",
                    satisfaction: str = "handling_satisfaction", resolved: str = "resolved_at") -> RecoveryEffect:
    """Service-recovery effect: repurchase rate of recovered complainants minus that of non-complainants.

    .. math:: \\Delta = \\hat p_{\\text{recovered}} - \\hat p_{\\text{no complaint}}

    with Newcombe's (1998) hybrid score interval. ``recovered="satisfied"``
    counts a complaint as recovered when handling satisfaction is 4 or 5 (the
    service-recovery literature's successful recovery); ``"resolved"`` when it
    has a resolution time. A positive difference is the "recovery paradox".

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer (complainants and the rest), as the
        ``complaints_log`` dataset; the keyword arguments name its columns.
    recovered : {"satisfied", "resolved"}, default "satisfied"
        When a complaint counts as recovered: handling satisfaction 4 or 5, or
        a resolution time recorded.
    ci : float, default 0.95
        Confidence level of the interval, strictly between 0 and 1.
    complained : str, default "complained"
        Column: did the customer complain (True/False)?
    repurchased : str, default "repurchased"
        Column: did the customer buy again (True/False)?
    satisfaction : str, default "handling_satisfaction"
        Column of handling satisfaction (1-5), used with ``recovered="satisfied"``;
        complainants without it are left out and reported.
    resolved : str, default "resolved_at"
        Column of resolution times, used with ``recovered="resolved"``.

    Returns
    -------
    RecoveryEffect
        The three repurchase rates, ``difference`` with its interval, the
        group sizes and the complainants left out.

    References
    ----------
    McCollough, M. A., Berry, L. L. & Yadav, M. S. (2000). An empirical
    investigation of customer satisfaction after service failure and recovery.
    Journal of Service Research 3(2), 121-137. Newcombe, R. G. (1998). Interval
    estimation for the difference between independent proportions. Statistics
    in Medicine 17, 873-890.

    Examples
    --------
    >>> df = pd.DataFrame({"complained": [True] * 4 + [False] * 4,
    ...     "handling_satisfaction": [5, 4, 2, 4, None, None, None, None],
    ...     "resolved_at": pd.to_datetime(["2024-01-02"] * 3 + [None] * 5),
    ...     "repurchased": [True, True, False, True, True, False, True, False]})
    >>> r = recovery_effect(df)
    >>> r.recovered_rate, r.no_complaint_rate, r.difference
    (1.0, 0.5, 0.5)
    """
    require_frame(data)
    one_of(recovered, ("satisfied", "resolved"), "recovered")
    col = satisfaction if recovered == "satisfied" else resolved
    require_columns(data, [complained, repurchased, col])
    is_c = as_bool(data[complained], complained)
    rep = as_bool(data[repurchased], repurchased)
    if recovered == "satisfied":
        sat = as_numeric(data[col], col)
        off = sat.notna() & ~sat.isin([1, 2, 3, 4, 5])
        if off.any():
            raise CsatInputError(f"{col!r} must be 1-5 (satisfaction5); rows {list(data.index[off][:5])} hold "
                                 f"{sat[off].iloc[0]:g}")
        rec = is_c & (sat >= 4).to_numpy()
        unknown = is_c & sat.isna().to_numpy()
    else:
        rec = is_c & to_dates(data[col], col).notna().to_numpy()
        unknown = np.zeros(len(data), dtype=bool)
    unrec = is_c & ~rec & ~unknown
    none = ~is_c
    if rec.sum() == 0 or none.sum() == 0:
        raise CsatInputError("need at least one recovered complainant and one customer without a complaint")
    x1, n1, x2, n2 = int(rep[rec].sum()), int(rec.sum()), int(rep[none].sum()), int(none.sum())
    dropped = {Message("value.reason.no_handling_sat"): int(unknown.sum())} if unknown.any() else {}
    return RecoveryEffect(
        recovered_rate=x1 / n1, no_complaint_rate=x2 / n2,
        unrecovered_rate=float(rep[unrec].mean()) if unrec.any() else float("nan"),
        difference=x1 / n1 - x2 / n2, ci=newcombe_difference(x1, n1, x2, n2, ci), ci_level=ci,
        ci_method=Message("value.method.newcombe"),
        n_recovered=n1, n_no_complaint=n2, n_unrecovered=int(unrec.sum()),
        definition=Message(f"complaints.recovered.{recovered}"),
        n=len(data) - int(unknown.sum()), n_dropped=int(unknown.sum()), dropped=dropped,
    )


@dataclasses.dataclass(frozen=True)
class RecoveryModel(Result):
    """Fitted effects of the handling steps on handling satisfaction (OLS) and repurchase (logit).

    Attributes
    ----------
    coefficients : pandas.DataFrame
        One row per term (``const``, then the eight step codes): ``satisfaction``
        (OLS coefficient, points on 1-5) and ``repurchase`` (logit coefficient,
        log-odds).
    sat_params : numpy.ndarray
        OLS coefficients of handling satisfaction (const first, then the steps).
    sat_cov : numpy.ndarray
        Their covariance matrix.
    rep_params : numpy.ndarray
        Logit coefficients of repurchase (const first, then the steps).
    rep_cov : numpy.ndarray
        Their covariance matrix.
    steps : tuple of str
        The step codes, in the order of the coefficients after ``const``.
    n : int
        Complaints used in the fit.
    n_dropped : int
        Complaints left out (a missing step, satisfaction or repurchase).
    dropped : dict
        Reason (Message) -> count of the complaints left out.
    estimate : pandas.DataFrame
        The headline: ``coefficients``.
    """

    coefficients: pd.DataFrame
    sat_params: np.ndarray
    sat_cov: np.ndarray
    rep_params: np.ndarray
    rep_cov: np.ndarray
    steps: tuple[str, ...]
    n: int
    n_dropped: int
    dropped: dict

    def predict(self, steps_done: Mapping[str, bool], *, ci: float = 0.95) -> dict[str, Any]:
        """Predicted handling satisfaction (1-5) and repurchase probability for a set of steps done.

        ``steps_done`` maps step codes (``"listen"``, ...) or column names
        (``"step_listen"``) to True/False; steps not given count as not done.

        Parameters
        ----------
        steps_done : dict
            Step code or column name -> done (True/False).
        ci : float, default 0.95
            Confidence level of the intervals.

        Returns
        -------
        dict
            ``satisfaction`` (clipped to 1-5) and ``satisfaction_ci`` (the
            normal interval ``mean +/- z se`` from the OLS covariance, clipped),
            ``repurchase`` and ``repurchase_ci`` (the same interval on the
            log-odds scale, turned into probabilities).

        Examples
        --------
        >>> m = recovery_model(_example())
        >>> p = m.predict({"listen": True, "solution": True})
        >>> sorted(p)
        ['repurchase', 'repurchase_ci', 'satisfaction', 'satisfaction_ci']
        """
        level = probability(ci, "ci")
        if not isinstance(steps_done, Mapping):
            raise CsatInputError("steps_done must be a dict such as {'listen': True, 'solution': False}")
        x = np.zeros(len(self.steps) + 1)
        x[0] = 1.0
        for key, done in steps_done.items():
            code = str(key).removeprefix("step_")
            if code not in self.steps:
                raise CsatInputError(f"unknown step {key!r}; steps are: {', '.join(self.steps)}")
            x[1 + self.steps.index(code)] = float(bool(done))
        z = z_value(level)
        mean = float(x @ self.sat_params)
        se = float(np.sqrt(x @ self.sat_cov @ x))
        eta = float(x @ self.rep_params)
        se_eta = float(np.sqrt(x @ self.rep_cov @ x))
        expit = lambda v: 1.0 / (1.0 + np.exp(-v))  # noqa: E731
        clip = lambda v: float(min(5.0, max(1.0, v)))  # noqa: E731
        return {"satisfaction": clip(mean), "satisfaction_ci": (clip(mean - z * se), clip(mean + z * se)),
                "repurchase": float(expit(eta)),
                "repurchase_ci": (float(expit(eta - z * se_eta)), float(expit(eta + z * se_eta)))}

    @property
    def estimate(self) -> pd.DataFrame:
        """The fitted step effects (``coefficients``)."""
        return self.coefficients

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [("result.n", self.n)]
        for term, r in self.coefficients.iterrows():
            rows.append((f"complaints.step.{term}" if term in self.steps else "complaints.model.baseline",
                         label("complaints.model.effect", satisfaction=f"{r['satisfaction']:+.3f}",
                               repurchase=f"{r['repurchase']:+.3f}")))
        rows += [("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]
        return rows


def recovery_model(data: pd.DataFrame, *, complained: str = "complained",
                   satisfaction: str = "handling_satisfaction", repurchased: str = "repurchased") -> RecoveryModel:
    """Fit handling steps -> satisfaction (OLS) and -> repurchase (logit) on complainants.

    .. math::
        E[\\text{sat}] = \\beta_0 + \\sum_s \\beta_s\\,\\text{step}_s,\\qquad
        \\operatorname{logit} P(\\text{repurchase}) = \\gamma_0 + \\sum_s \\gamma_s\\,\\text{step}_s

    Complainants with a missing step, satisfaction or repurchase are dropped and
    reported. Uses statsmodels.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer, with the eight ``step_<code>`` columns
        (:data:`~csat_lab.complaints.STEP_COLUMNS`); only complainants are
        used. The keyword arguments name the other columns.
    complained : str, default "complained"
        Column: did the customer complain (True/False)?
    satisfaction : str, default "handling_satisfaction"
        Column of handling satisfaction (1-5).
    repurchased : str, default "repurchased"
        Column: did the customer buy again (True/False)?

    Returns
    -------
    RecoveryModel
        The coefficients of both models with their covariance matrices;
        ``predict`` gives both outcomes for a set of steps done.

    Raises
    ------
    CsatInputError
        Missing columns, steps or outcomes that are not True/False,
        satisfaction outside 1-5, too few complete complaints, a step that is
        constant or steps always done together, an outcome that does not
        vary, or perfect separation (a step, or the steps together, predict
        repurchase perfectly, so its logit effects are infinite).
    CsatConvergenceError
        When the repurchase logit does not converge.

    References
    ----------
    Tax, S. S., Brown, S. W. & Chandrashekaran, M. (1998). Customer evaluations
    of service complaint experiences. Journal of Marketing 62(2), 60-76.

    Examples
    --------
    >>> m = recovery_model(_example())
    >>> list(m.coefficients.index[:3]), m.n
    (['const', 'listen', 'feelings'], 80)
    """
    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import PerfectSeparationError

    require_frame(data)
    cols = [f"step_{s}" for s in HANDLING_STEPS]
    for name, value in (("complained", complained), ("satisfaction", satisfaction), ("repurchased", repurchased)):
        if not isinstance(value, str):
            raise CsatInputError(f"{name} must be one column name, got {value!r}")
    require_columns(data, [complained, satisfaction, repurchased, *cols])
    comp = data[as_bool(data[complained], complained)]
    if comp.empty:
        raise CsatInputError("no complainants in the data; the model is fitted on complaints")
    frame = pd.DataFrame({c: _bool_or_missing(comp[c], c) for c in cols})
    frame["_sat"] = as_numeric(comp[satisfaction], satisfaction)
    off = frame["_sat"].notna() & ~frame["_sat"].isin([1, 2, 3, 4, 5])
    if off.any():
        raise CsatInputError(f"{satisfaction!r} must be 1-5 (satisfaction5); rows {list(frame.index[off][:5])} hold "
                             f"{frame['_sat'][off].iloc[0]:g}")
    frame["_rep"] = _bool_or_missing(comp[repurchased], repurchased)
    missing = frame.isna().any(axis=1)
    frame = frame[~missing]
    if len(frame) <= len(cols) + 1:
        raise CsatInputError(f"need more than {len(cols) + 1} complete complaints to fit 9 terms, got {len(frame)}")
    X = sm.add_constant(frame[cols].astype(float).to_numpy(), has_constant="add")
    constant = [c for i, c in enumerate(cols) if X[:, i + 1].min() == X[:, i + 1].max()]
    if constant:
        raise CsatInputError(f"steps {constant} are the same for every complaint; their effect cannot be estimated")
    _check_steps_not_collinear(X, cols)
    sat_y = frame["_sat"].to_numpy(dtype=float)
    if sat_y.min() == sat_y.max():
        raise CsatInputError(f"{satisfaction!r} is {sat_y[0]:g} for every complete complaint; nothing to explain")
    rep_y = frame["_rep"].to_numpy(dtype=float)
    if rep_y.min() == rep_y.max():
        raise CsatInputError(f"{repurchased!r} is {bool(rep_y[0])} for every complete complaint; nothing to explain")
    ols = sm.OLS(sat_y, X).fit()
    with warnings.catch_warnings(record=True) as caught:
        # statsmodels reports separation and non-convergence as warnings: turned into errors below
        warnings.simplefilter("always")
        try:
            logit = sm.Logit(rep_y, X).fit(disp=0, maxiter=200)
        except (PerfectSeparationError, np.linalg.LinAlgError):
            logit = None
    separated = logit is None or any(w.category.__name__ == "PerfectSeparationWarning" for w in caught)
    if separated:
        raise CsatInputError(f"perfect separation: {_separating_step(frame, cols, repurchased)}, so the repurchase "
                             "logit's effects are infinite; collect more complaints or merge steps")
    if not logit.mle_retvals.get("converged", True) or not np.all(np.isfinite(np.asarray(logit.bse))):
        raise CsatConvergenceError(f"the repurchase logit did not converge in {logit.mle_retvals.get('iterations')} "
                                   "iterations (or its standard errors are undefined); collect more complaints")
    terms = ["const", *HANDLING_STEPS]
    coef = pd.DataFrame({"satisfaction": ols.params, "repurchase": logit.params}, index=terms)
    dropped = {Message("value.reason.missing_step"): int(missing.sum())} if missing.any() else {}
    return RecoveryModel(coefficients=coef, sat_params=np.asarray(ols.params), sat_cov=np.asarray(ols.cov_params()),
                         rep_params=np.asarray(logit.params), rep_cov=np.asarray(logit.cov_params()), steps=HANDLING_STEPS,
                         n=len(frame), n_dropped=int(missing.sum()), dropped=dropped)


def _bool_or_missing(values: pd.Series, name: str) -> pd.Series:
    """True/False (or 1/0, yes/no) with missing values kept as NA; anything else names its rows."""
    out = pd.Series(pd.NA, index=values.index, dtype="boolean")
    present = values.notna()
    if present.any():
        out[present] = as_bool(values[present].astype(object), name)
    return out


def _check_steps_not_collinear(X: np.ndarray, cols: list[str]) -> None:
    """Steps always done together (or one a combination of others) have effects that cannot be told apart."""
    if np.linalg.matrix_rank(X) == X.shape[1]:
        return
    corr = np.corrcoef(X[:, 1:], rowvar=False)
    vals, vecs = np.linalg.eigh(corr)
    vec = vecs[:, 0]
    involved = [c for c, v in zip(cols, vec) if abs(v) > 0.1 * np.abs(vec).max()]
    raise CsatInputError(f"steps {involved} are perfectly collinear (always done together, or one is a combination "
                         "of the others); their effects cannot be told apart - merge them or collect more complaints")


def _separating_step(frame: pd.DataFrame, cols: list[str], repurchased: str) -> str:
    """Name a step that on its own predicts repurchase perfectly, if there is one."""
    rep = frame["_rep"].astype(bool)
    for c in cols:
        done = frame[c].astype(bool)
        for flag, word in ((True, "done"), (False, "not done")):
            group = rep[done == flag]
            if len(group) and group.nunique() == 1:
                return (f"every complaint with step {c!r} {word} has {repurchased!r} = {bool(group.iloc[0])}")
    return f"the steps predict {repurchased!r} perfectly"


def _example(n: int = 80, seed: int = 1) -> pd.DataFrame:
    """A small seeded complaint frame for the doctests."""
    rng = np.random.default_rng(seed)
    steps = rng.random((n, len(HANDLING_STEPS))) < 0.6
    sat = np.clip(np.round(2 + steps[:, :5].sum(axis=1) * 0.5 + rng.normal(0, 0.7, n)), 1, 5)
    rep = rng.random(n) < 1 / (1 + np.exp(-(-1 + 0.4 * steps.sum(axis=1) - 1.2)))
    frame = pd.DataFrame(steps, columns=[f"step_{s}" for s in HANDLING_STEPS])
    return frame.assign(complained=True, handling_satisfaction=sat, repurchased=rep)
