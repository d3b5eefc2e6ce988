"""Handling steps -> handling satisfaction and repurchase: the model behind the recovery simulator (internal).

Fitted on complainants only: ordinary least squares of handling satisfaction
(1-5) on the eight step indicators, and a logistic regression of repurchase on
the same indicators. ``predict`` answers the widget's question "what if these
steps were done?" with confidence intervals from the fitted covariance.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ._results import Result
from ._validate import as_numeric, probability, require_columns, require_frame
from .churn._common import as_bool, z_value
from .errors import CsatConvergenceError, CsatInputError
from .i18n import label

__all__ = ["RecoveryModel", "recovery_model"]

_STEPS = ("listen", "feelings", "cause", "requirement", "solution", "thank", "follow_up", "review")


@dataclasses.dataclass(frozen=True)
class RecoveryModel(Result):
    """Fitted step effects; ``coefficients`` has one row per term (const + steps) and both outcomes."""

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

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [("result.n", self.n)]
        for term, r in self.coefficients.iterrows():
            rows.append((f"complaints.step.{term}" if term in self.steps else term,
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
    cols = [f"step_{s}" for s in _STEPS]
    require_columns(data, [complained, satisfaction, repurchased, *cols])
    comp = data[as_bool(data[complained], complained)]
    if comp.empty:
        raise CsatInputError("no complainants in the data; the model is fitted on complaints")
    frame = pd.DataFrame({c: comp[c].astype("boolean") for c in cols})
    frame["_sat"] = as_numeric(comp[satisfaction], satisfaction)
    frame["_rep"] = comp[repurchased].astype("boolean")
    missing = frame.isna().any(axis=1)
    frame = frame[~missing]
    if len(frame) <= len(cols) + 1:
        raise CsatInputError(f"need more than {len(cols) + 1} complete complaints to fit 9 terms, got {len(frame)}")
    X = sm.add_constant(frame[cols].astype(float).to_numpy(), has_constant="add")
    constant = [c for i, c in enumerate(cols) if X[:, i + 1].min() == X[:, i + 1].max()]
    if constant:
        raise CsatInputError(f"steps {constant} are the same for every complaint; their effect cannot be estimated")
    ols = sm.OLS(frame["_sat"].to_numpy(dtype=float), X).fit()
    try:
        logit = sm.Logit(frame["_rep"].to_numpy(dtype=float), X).fit(disp=0, maxiter=200)
    except (PerfectSeparationError, np.linalg.LinAlgError) as exc:
        raise CsatConvergenceError(f"repurchase logit could not be fitted: {exc}") from None
    if not logit.mle_retvals.get("converged", True):
        raise CsatConvergenceError(f"repurchase logit did not converge: {logit.mle_retvals}")
    terms = ["const", *_STEPS]
    coef = pd.DataFrame({"satisfaction": ols.params, "repurchase": logit.params}, index=terms)
    dropped = {"complaints with a missing step or outcome": int(missing.sum())} if missing.any() else {}
    return RecoveryModel(coefficients=coef, sat_params=np.asarray(ols.params), sat_cov=np.asarray(ols.cov_params()),
                         rep_params=np.asarray(logit.params), rep_cov=np.asarray(logit.cov_params()), steps=_STEPS,
                         n=len(frame), n_dropped=int(missing.sum()), dropped=dropped)


def _example(n: int = 80, seed: int = 1) -> pd.DataFrame:
    """A small seeded complaint frame for the doctests."""
    rng = np.random.default_rng(seed)
    steps = rng.random((n, len(_STEPS))) < 0.6
    sat = np.clip(np.round(2 + steps[:, :5].sum(axis=1) * 0.5 + rng.normal(0, 0.7, n)), 1, 5)
    rep = rng.random(n) < 1 / (1 + np.exp(-(-1 + 0.4 * steps.sum(axis=1) - 1.2)))
    frame = pd.DataFrame(steps, columns=[f"step_{s}" for s in _STEPS])
    return frame.assign(complained=True, handling_satisfaction=sat, repurchased=rep)
