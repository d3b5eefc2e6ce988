"""Probabilistic customer value for non-contractual settings: BG/NBD and Gamma-Gamma.

BG/NBD (Fader, Hardie & Lee 2005a): while alive a customer buys as a Poisson
process with rate lambda ~ Gamma(r, alpha); after each purchase they drop out
with probability p ~ Beta(a, b). For a customer with x repeat purchases, the last
at t_x, observed for T,

    L = B(a, b+x)/B(a, b) * G(r+x) alpha^r / (G(r) (alpha+T)^(r+x))
        + [x > 0] B(a+1, b+x-1)/B(a, b) * G(r+x) alpha^r / (G(r) (alpha+t_x)^(r+x)).

Gamma-Gamma (Fader, Hardie & Lee 2005b; Fader & Hardie 2013): a customer's spend
per transaction is Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers;
fitted to each repeat buyer's mean spend m_x over x transactions.

Both are fitted by maximum likelihood (log parameters, scipy.optimize) on the
distinct (x, t_x, T) combinations weighted by their counts. A fit whose
log-likelihood is flat in some direction (too few customers, no repeat buyers,
no time observed, identical spends) is refused with an error that says why,
instead of reporting arbitrary parameters as "converged".

Expected purchases use the closed forms of FHL (2005a) in Euler-transformed form
(see :func:`_expected_count`), with their removable singularities at a = 1 and
a + b + x - 1 = 0 replaced by the limits, so predictions are finite wherever the
model is.
"""

from __future__ import annotations

import dataclasses
import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import betaln, expit, gammaln, hyp2f1

from .._core.results import Result
from .._core.validate import (
    as_numeric,
    finite_number,
    require_columns,
    require_frame,
    whole_number,
)
from ..errors import CsatConvergenceError, CsatInputError
from ..i18n import Message, catalog
from .transactions import TransactionSummary

__all__ = ["BGNBDModel", "GammaGammaModel", "fit_bgnbd", "fit_gamma_gamma"]


def _bgnbd_loglik(params: np.ndarray, x: np.ndarray, tx: np.ndarray, T: np.ndarray) -> np.ndarray:
    r, alpha, a, b = params
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore", invalid="ignore"):
        a3 = np.where(x > 0, betaln(a + 1, np.maximum(b + x - 1, 1e-300)) - betaln(a, b)
                      - (r + x) * np.log(alpha + tx), -np.inf)
    return a1 + np.logaddexp(a2, a3)


#: |a - 1| below which the closed form loses digits to cancellation and is interpolated instead
_A_BAND = 1e-3
#: interpolation nodes a = 1 + h for the band around a = 1 (symmetric, 6 points)
_A_NODES = 1.0 + 5e-3 * np.array([-3.0, -2.0, -1.0, 1.0, 2.0, 3.0])
#: |a + b + x - 1| below which the pole of 2F1 is replaced by its limit (scipy returns inf there)
_C_BAND = 1e-11


def _count_closed(t: np.ndarray, r: np.ndarray, alpha: np.ndarray, a: float, b: np.ndarray) -> np.ndarray:
    """E_{p ~ Beta(a, b)}[(1 - (alpha/(alpha + p t))^r) / p] in closed form, for a != 1 (internal).

    The hypergeometric form of FHL (2005a, eq. 9) after Euler's transformation
    2F1(A, B; C; z) = (1 - z)^(C-A-B) 2F1(C-A, C-B; C; z), which keeps the
    parameters small when x is large (r and b grow with x, C - r and C - b do not):

        c/(a-1) [1 - (1-z)^(a-1) 2F1(c - r, a - 1; c; z)],  c = a + b - 1,  z = t/(alpha + t).

    At c = 0 (a pole of 2F1 cancelled by the factor c) the limit is
    r z (1-z)^(a-1) 2F1(1 - r, a; 2; z), from c 2F1(A, B; c; z) -> A B z 2F1(A+1, B+1; 2; z).
    """
    c = a + b - 1.0
    z = t / (alpha + t)
    log1mz = -np.log1p(t / alpha)
    with np.errstate(all="ignore"):
        lead = np.exp((a - 1.0) * log1mz)
        near = np.abs(c) < _C_BAND
        safe_c = np.where(near, 1.0, c)
        out = safe_c / (a - 1.0) * (1.0 - lead * hyp2f1(safe_c - r, a - 1.0, safe_c, z))
        if near.any():
            out = np.where(near, r * z * lead * hyp2f1(1.0 - r, a, 2.0, z), out)
    return out


def _expected_count(t: object, r: object, alpha: object, a: float, b: object) -> np.ndarray:
    """Expected purchases in (0, t] of a customer alive at 0 with lambda ~ Gamma(r, alpha), p ~ Beta(a, b) (internal).

    E[X(t)] = E_p[(1 - (alpha/(alpha + p t))^r) / p] (FHL 2005a, eq. 9; with r + x, alpha + T
    and b + x the conditional expectation of eq. 10 before the factor P(alive)). The
    closed form has a removable singularity at a = 1: there it is 0/0, and within
    |a - 1| < 1e-3 cancellation costs digits. The function is analytic in a (its
    nearest singularities lie at Re a <= 0), so in that band it is the Lagrange
    interpolant through six nodes a = 1 +- 0.005, 0.010, 0.015, where the closed form
    is accurate to ~1e-13; the interpolation error is below 1e-10 relative
    (checked against direct numerical integration in the tests).
    """
    t, r, alpha, b = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (t, r, alpha, b)))
    if abs(a - 1.0) >= _A_BAND:
        out = _count_closed(t, r, alpha, a, b)
    else:
        out = np.zeros(t.shape)
        for i, node in enumerate(_A_NODES):
            others = np.delete(_A_NODES, i)
            weight = float(np.prod((a - others) / (node - others)))
            out = out + weight * _count_closed(t, r, alpha, float(node), b)
    # scipy's 2F1 overflows for extreme parameters (a or r in the hundreds, t >> alpha): there, and
    # wherever the value leaves its bounds 0 <= E[X(t)] <= r t / alpha, integrate numerically
    with np.errstate(all="ignore"):
        bound = r * t / alpha
        bad = ~np.isfinite(out) | (out < 0) | (out > bound * (1 + 1e-9) + 1e-300)
    if bad.any():
        out = np.array(out, dtype=float)
        for k in map(tuple, np.argwhere(bad)):
            out[k] = _count_quad(float(t[k]), float(r[k]), float(alpha[k]), a, float(b[k]))
    return out


def _count_quad(t: float, r: float, alpha: float, a: float, b: float) -> float:
    """The expectation of :func:`_expected_count` by adaptive quadrature over y = logit(p) (internal).

    In y the Beta(a, b) density exp(a y - (a+b) log(1 + e^y)) / B(a, b) is smooth and
    unimodal (mode log(a/b), spread about sqrt(1/a + 1/b)); the range is split at the mode
    +- 8 spreads so each piece is simple for QUADPACK, tails included to +-infinity.
    """
    from scipy.integrate import quad

    u = t / alpha
    log_b = float(betaln(a, b))

    def integrand(y: float) -> float:
        p = float(expit(y))
        g = r * u if p * u < 1e-300 else -np.expm1(-r * np.log1p(p * u)) / p
        return g * np.exp(a * y - (a + b) * np.logaddexp(0.0, y) - log_b)

    mode, spread = np.log(a / b), np.sqrt(1.0 / a + 1.0 / b)
    lo, hi = mode - 8 * spread, mode + 8 * spread
    total = 0.0
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")  # QUADPACK's accuracy notes; the result is checked below
        for left, right, extra in ((-np.inf, lo, {}), (lo, hi, {"points": [mode]}), (hi, np.inf, {})):
            total += quad(integrand, left, right, limit=500, epsabs=0.0, epsrel=1e-11, **extra)[0]
    if not np.isfinite(total):
        raise CsatConvergenceError(f"expected purchases could not be evaluated for r = {r:.4g}, alpha = {alpha:.4g}, "
                                   f"a = {a:.4g}, b = {b:.4g}, t = {t:.4g}")
    return total


def _log_odds_dead(params: tuple[float, float, float, float], x: np.ndarray, tx: np.ndarray,
                   T: np.ndarray) -> np.ndarray:
    """log of a/(b+x-1) ((alpha+T)/(alpha+t_x))^(r+x) for x > 0; -inf for x = 0 (internal)."""
    r, alpha, a, b = params
    with np.errstate(divide="ignore", invalid="ignore"):
        value = (np.log(a) - np.log(np.maximum(b + x - 1.0, 1e-300))
                 + (r + x) * (np.log(alpha + T) - np.log(alpha + tx)))
    return np.where(x > 0, value, -np.inf)


def _vector(values: object, name: str) -> pd.Series:
    """A float Series (its own index when given a Series, else 0..n-1); text raises naming rows (internal)."""
    if isinstance(values, pd.Series):
        return as_numeric(values, name)
    if isinstance(values, (pd.DataFrame, dict)) or (np.ndim(values) > 1):
        raise CsatInputError(f"{name} must be one value per customer (a list, array or Series), "
                             f"got {type(values).__name__}")
    return as_numeric(pd.Series(np.atleast_1d(np.asarray(values, dtype=object))), name)


def _rows(index: pd.Index, mask: np.ndarray) -> list:
    return list(index[mask][:5])


def _history(frequency: object, recency: object, T: object, *,
             drop_missing: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, pd.Index]:
    """Checked (x, t_x, T) and the row labels; impossible histories raise naming their rows (internal).

    Missing values are dropped and counted (``drop_missing``, as the fit does) or are an
    error (the prediction methods, whose output is aligned with their input).
    """
    series = [_vector(v, name) for v, name in ((frequency, "frequency"), (recency, "recency"), (T, "T"))]
    x, tx, T_ = (s.to_numpy() for s in series)
    if not len(x) == len(tx) == len(T_):
        raise CsatInputError(f"frequency, recency and T must have the same length; got {len(x)}, {len(tx)}, {len(T_)}")
    index = series[0].index
    missing = np.isnan(x) | np.isnan(tx) | np.isnan(T_)
    if missing.any() and not drop_missing:
        raise CsatInputError(f"frequency, recency or T is missing at rows {_rows(index, missing)}; "
                             "leave those customers out first")
    keep = ~missing
    x, tx, T_, index = x[keep], tx[keep], T_[keep], index[keep]
    if len(x) == 0:
        raise CsatInputError("no customer has frequency, recency and T")
    checks = (
        (np.isinf(x) | np.isinf(tx) | np.isinf(T_), "frequency, recency and T must be finite"),
        ((x < 0) | (x != np.round(x)), "frequency must be whole numbers >= 0 (repeat purchases)"),
        (T_ < 0, "T (time observed since the first purchase) must not be negative"),
        ((tx < 0) | (tx > T_ + 1e-9 * np.maximum(1.0, T_)),
         "recency must lie between 0 and T for every customer (the last purchase falls in the time observed)"),
        ((x == 0) & (tx > 0), "customers with frequency 0 must have recency 0"),
    )
    for mask, text in checks:
        if mask.any():
            raise CsatInputError(f"{text}; rows {_rows(index, mask)} are not "
                                 f"(frequency {x[mask][0]:g}, recency {tx[mask][0]:g}, T {T_[mask][0]:g})")
    return x, tx, T_, int(missing.sum()), index


def _hessian(f, theta: np.ndarray, h: float = 1e-3) -> np.ndarray:
    """Forward-difference Hessian of ``f`` at ``theta``: (k+1)(k+2)/2 evaluations, error O(h) (internal)."""
    k = len(theta)
    step = np.eye(k) * h
    f0 = f(theta)
    f1 = np.array([f(theta + step[i]) for i in range(k)])
    H = np.empty((k, k))
    for i in range(k):
        H[i, i] = (f(theta + 2.0 * step[i]) - 2.0 * f1[i] + f0) / h**2
        for j in range(i):
            H[i, j] = H[j, i] = (f(theta + step[i] + step[j]) - f1[i] - f1[j] + f0) / h**2
    return H


#: standard error of a log parameter above which the data are said not to identify it
_MAX_LOG_SE = 10.0


def _flat_direction(negll, theta: np.ndarray, names: tuple[str, ...]) -> str | None:
    """None when the log-likelihood is curved in every direction at ``theta``, else what is not identified.

    With H the Hessian of -log L in log parameters, the standard error of log(theta_k) is
    sqrt((H^-1)_kk). A parameter whose standard error exceeds 10 (a 95% interval spanning a
    factor e^40) is not identified by the data; a Hessian that is not positive definite
    means the optimum is not a proper maximum (internal).
    """
    with np.errstate(all="ignore"):
        H = _hessian(negll, theta)
    if not np.isfinite(H).all():
        return "the log-likelihood is not finite near the estimates"
    eig = np.linalg.eigvalsh(H)
    if eig.min() <= 1e-10 * max(1.0, abs(eig).max()):
        weakest = np.linalg.eigh(H)[1][:, 0]
        return f"the log-likelihood is flat along a combination of {', '.join(np.array(names)[np.abs(weakest) > 0.3])}"
    se = np.sqrt(np.diag(np.linalg.inv(H)))
    if se.max() > _MAX_LOG_SE:
        k = int(np.argmax(se))
        return f"the standard error of log({names[k]}) is {se[k]:.3g}, so {names[k]} could be almost anything"
    return None


def _model_inputs(data: object, **arguments: object) -> list[object]:
    """The model inputs as arrays: a column of ``data`` where an argument is a column name (internal).

    A table passed as the first argument (the customers' table, or the
    :class:`TransactionSummary` holding it) is taken as ``data``, with that
    argument's default column name; arguments that are not names (arrays,
    Series) are returned as given.
    """
    names = list(arguments)
    first = arguments[names[0]]
    if data is None and isinstance(first, (pd.DataFrame, TransactionSummary)):
        data, arguments[names[0]] = first, names[0]
    if isinstance(data, TransactionSummary):
        data = data.table
    if data is not None:
        require_frame(data)
    out = []
    for name, value in arguments.items():
        if isinstance(value, str):
            if data is None:
                raise CsatInputError(f"{name}={value!r} is a column name; pass data= as well, or pass {name} "
                                     "as an array")
            require_columns(data, [value])
            value = data[value]
        out.append(value)
    return out


def _compressed_weights(data: object, first: object, weights: object) -> tuple[object, object]:
    """A compressed summary (as ``data`` or first argument) brings its ``weight`` column (internal)."""
    holder = data if data is not None else first
    if weights is None and isinstance(holder, TransactionSummary) and getattr(holder, "compressed", False):
        return holder.table if data is not None else data, holder.table["weight"]
    return data, weights


def _row_weights(weights: object, columns: list[object], names: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Checked weights of every row, and which rows miss a value of ``columns`` (internal)."""
    w_s = _vector(weights, "weights")
    w = w_s.to_numpy(dtype=float)
    values = [_vector(v, name).to_numpy() for v, name in zip(columns, names)]
    if any(len(v) != len(w) for v in values):
        raise CsatInputError(f"weights must have one value per customer row; got {len(w)} for {len(values[0])} rows")
    bad = ~np.isfinite(w) | (w < 0)
    if bad.any():
        raise CsatInputError(f"weights must be finite numbers >= 0 (customers per row); rows {_rows(w_s.index, bad)}")
    missing = np.zeros(len(w), dtype=bool)
    for v in values:
        missing |= np.isnan(v)
    return w, missing


def optimizer_message(text: object) -> str:
    """SciPy's L-BFGS-B stop message as a catalog message when it is one of the known ones, else as given."""
    text = str(text)
    for key, entry in catalog().items():
        if key.startswith("value.optimizer.") and entry["en"] == text:
            return Message(key)
    return text


@dataclasses.dataclass(frozen=True)
class BGNBDModel(Result):
    """Fitted BG/NBD model, with its predictions as methods.

    Attributes
    ----------
    estimate : dict
        The headline: the fitted parameters (same as ``params``).
    params : dict
        Maximum-likelihood estimates of r, alpha (purchase rate lambda ~ Gamma(r, alpha))
        and a, b (dropout probability p ~ Beta(a, b)).
    loglik : float
        Log-likelihood at the estimates.
    n : int
        Customers used.
    n_dropped : int
        Customers left out (missing frequency, recency or T).
    dropped : dict
        Reason -> number of customers left out.
    message : Message or str
        The optimizer's stop message.
    """

    params: dict
    loglik: float
    n: int
    n_dropped: int
    dropped: dict
    message: str

    @property
    def estimate(self) -> dict:
        """The fitted parameters (``params``)."""
        return self.params

    def _p(self) -> tuple[float, float, float, float]:
        p = self.params
        values = []
        for name in ("r", "alpha", "a", "b"):
            if name not in p:
                raise CsatInputError(f"the BG/NBD parameters need r, alpha, a and b; {name} is missing")
            v = finite_number(p[name], name)
            if v <= 0:
                raise CsatInputError(f"the BG/NBD parameter {name} must be positive, got {p[name]!r}")
            values.append(v)
        return tuple(values)  # type: ignore[return-value]

    def expected_purchases_new(self, t: float | np.ndarray) -> np.ndarray | float:
        """E[X(t)]: repeat purchases of a new customer in (0, t] (FHL 2005a, eq. 9).

        .. math:: E[X(t)] = \\frac{a+b-1}{a-1}\\left[1 - \\left(\\frac{\\alpha}{\\alpha+t}\\right)^r
                  {}_2F_1\\left(r, b; a+b-1; \\frac{t}{\\alpha+t}\\right)\\right]

        At a = 1 and a + b = 1 the formula is 0/0; its limits are used (see the module
        docstring), so the value is finite for every positive r, alpha, a, b.

        Examples
        --------
        >>> m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
        >>> round(float(m.expected_purchases_new(39)), 3)
        1.197
        """
        r, alpha, a, b = self._p()
        times = _vector(t, "t").to_numpy()
        bad = ~np.isfinite(times) | (times < 0)
        if bad.any():
            raise CsatInputError(f"t must be finite and not negative; got {float(times[bad][0])!r} at positions "
                                 f"{np.flatnonzero(bad)[:5].tolist()}")
        out = _expected_count(times, r, alpha, a, b)
        return float(out[0]) if np.ndim(t) == 0 else out

    def p_alive(self, frequency: object = "frequency", recency: object = "recency", T: object = "T", *,
                data: object = None) -> np.ndarray:
        """P(alive | x, t_x, T) (Fader, Hardie & Lee 2008 note, eq. 2).

        ``frequency``, ``recency`` and ``T`` are arrays, or column names of
        ``data`` (the defaults match :func:`summary_from_transactions`).

        .. math:: P = \\left[1 + [x>0]\\frac{a}{b+x-1}\\left(\\frac{\\alpha+T}{\\alpha+t_x}\\right)^{r+x}\\right]^{-1}

        Examples
        --------
        >>> m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
        >>> m.p_alive([0, 2], [0, 30.43], [38.86, 38.86]).round(3)
        array([1.   , 0.727])
        """
        params = self._p()
        x, tx, T_, _, _ = _history(*_model_inputs(data, frequency=frequency, recency=recency, T=T),
                                   drop_missing=False)
        return expit(-_log_odds_dead(params, x, tx, T_))

    def expected_purchases(self, t: float, frequency: object = "frequency", recency: object = "recency",
                           T: object = "T", *, data: object = None) -> np.ndarray:
        """E[Y(t) | x, t_x, T]: expected repeat purchases in the next ``t`` (FHL 2005a, eq. 10).

        ``frequency``, ``recency`` and ``T`` are arrays, or column names of
        ``data`` (the defaults match :func:`summary_from_transactions`).

        .. math:: \\frac{\\frac{a+b+x-1}{a-1}\\left[1-\\left(\\frac{\\alpha+T}{\\alpha+T+t}\\right)^{r+x}
                  {}_2F_1\\left(r+x, b+x; a+b+x-1; \\frac{t}{\\alpha+T+t}\\right)\\right]}
                  {1 + [x>0]\\frac{a}{b+x-1}\\left(\\frac{\\alpha+T}{\\alpha+t_x}\\right)^{r+x}}

        Impossible histories (recency above T, negative or fractional frequency,
        missing values) raise naming their rows. At a = 1 and a + b + x = 1 the
        formula is 0/0; its limits are used, so the value is finite for every
        positive r, alpha, a, b.

        Examples
        --------
        >>> m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
        >>> m.expected_purchases(39, [2], [30.43], [38.86]).round(3)
        array([1.226])
        """
        params = self._p()
        r, alpha, a, b = params
        x, tx, T_, _, _ = _history(*_model_inputs(data, frequency=frequency, recency=recency, T=T),
                                   drop_missing=False)
        t = finite_number(t, "t")
        if t < 0:
            raise CsatInputError(f"t must not be negative, got {t}")
        core = _expected_count(t, r + x, alpha + T_, a, b + x)
        return core * expit(-_log_odds_dead(params, x, tx, T_))

    def _summary(self) -> list[tuple[str, Any]]:
        return [("bgnbd.model", Message("value.model.bgnbd")), ("bgnbd.params", {
            k: round(v, 4) for k, v in self.params.items()}), ("bgnbd.loglik", self.loglik),
            ("result.n", self.n), ("result.n_dropped", self.n_dropped),
            ("result.dropped_reasons", self.dropped), ("bgnbd.converged", self.message)]


def _maximise(negll, start: np.ndarray, what: str, maxiter: int):
    from scipy.optimize import minimize

    res = minimize(negll, np.log(start), method="L-BFGS-B", options={"maxiter": maxiter})
    if not res.success or not np.all(np.isfinite(res.x)):
        raise CsatConvergenceError(f"{what} fit did not converge: {res.message} (after {res.nit} iterations)")
    return res


_NEEDED = ("The model needs many customers with varied histories, a good share of them repeat buyers: typically "
           "several hundred (Fader, Hardie & Lee 2005 fitted 2,357 customers, 946 of them repeat buyers)")


def fit_bgnbd(frequency: object = "frequency", recency: object = "recency", T: object = "T", *,
              data: pd.DataFrame | None = None, weights: object = None, maxiter: int = 2000) -> BGNBDModel:
    """Fit the BG/NBD model by maximum likelihood.

    The inputs come as arrays, ``fit_bgnbd(frequency, recency, T)``, or as
    columns of a table, ``fit_bgnbd(data=summary)``: then the three arguments
    are column names, by default those of :func:`summary_from_transactions`.
    The table may also be passed first, ``fit_bgnbd(summary)``.

    Parameters
    ----------
    frequency : array-like or str, default "frequency"
        Repeat purchases x per customer, or the column of ``data`` holding them
        (a table given here is taken as ``data``).
    recency : array-like or str, default "recency"
        Time of the last purchase t_x, counted from the first, or its column.
    T : array-like or str, default "T"
        Time observed T since the first purchase, or its column.
    data : pandas.DataFrame or TransactionSummary, optional
        One row per customer, e.g. ``summary_from_transactions(...).table``
        (or the summary itself); the arguments above name its columns.
    weights : array-like or str, optional
        Number of customers each row stands for (e.g. the ``weight`` column of
        ``summary_from_transactions(..., compress=True)``), or its column; a compressed
        summary passed as ``data`` uses its ``weight`` column by itself. Default: 1 per row.
    maxiter : int, default 2000
        Optimizer iteration limit; when hit, :class:`CsatConvergenceError`.

    Returns
    -------
    BGNBDModel
        ``params`` r, alpha, a, b (also ``estimate``), the log-likelihood and
        the prediction methods ``p_alive``, ``expected_purchases``,
        ``expected_purchases_new``.

    Notes
    -----
    The likelihood of one customer (x, t_x, T) is

    .. math:: L = \\frac{B(a, b+x)}{B(a, b)} \\frac{\\Gamma(r+x)\\,\\alpha^r}{\\Gamma(r)(\\alpha+T)^{r+x}}
              + [x > 0]\\,\\frac{B(a+1, b+x-1)}{B(a, b)} \\frac{\\Gamma(r+x)\\,\\alpha^r}{\\Gamma(r)(\\alpha+t_x)^{r+x}},

    maximised over the log parameters with L-BFGS-B on the distinct
    (x, t_x, T) combinations weighted by their counts (by the summed ``weights`` when
    given: :math:`\\ln L = \\sum_i w_i \\ln L_i`, so a compressed table gives the same fit).

    Data that cannot identify the four parameters raise :class:`CsatInputError`
    saying why: every T = 0, no repeat buyer, fewer than 4 customers, or a
    log-likelihood flat at the optimum (the standard error of a log parameter,
    from the Hessian, above 10, or a Hessian that is not positive definite),
    which is what a single customer or a handful of them give.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers"
    the easy way: an alternative to the Pareto/NBD model. Marketing Science
    24(2), 275-284.

    Examples
    --------
    >>> import csat_lab as cl
    >>> log = cl.datasets.load("cdnow").head(6000)
    >>> history = cl.churn.summary_from_transactions(log, amount="amount", now="1997-09-30")
    >>> m = fit_bgnbd(data=history)
    >>> {k: round(float(v), 2) for k, v in m.params.items()}
    {'r': 0.26, 'alpha': 4.99, 'a': 0.35, 'b': 1.01}
    >>> fit_bgnbd(history.table["frequency"], history.table["recency"], history.table["T"]).params == m.params
    True

    Eight customers do not pin the model down; the error says so rather than
    returning arbitrary numbers:

    >>> fit_bgnbd([0, 1, 2, 0, 5, 3, 0, 1], [0, 4, 9, 0, 20, 15, 0, 2], [30, 28, 25, 30, 26, 30, 22, 20])
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: the data do not identify the BG/NBD parameters: ...
    """
    whole_number(maxiter, "maxiter", minimum=1)
    data, weights = _compressed_weights(data, frequency, weights)
    inputs = _model_inputs(data, frequency=frequency, recency=recency, T=T,
                           **({} if weights is None else {"weights": weights}))
    x, tx, T_, n_missing, _ = _history(*inputs[:3], drop_missing=True)
    w = None if weights is None else _row_weights(inputs[3], inputs[:3], ("frequency", "recency", "T"))
    if w is not None:
        n_missing = round(float(w[0][w[1]].sum()))
        w = w[0][~w[1]]
        x, tx, T_, w = x[w > 0], tx[w > 0], T_[w > 0], w[w > 0]
        if len(x) == 0:
            raise CsatInputError("every weight is 0; nothing to fit")
    n = len(x) if w is None else round(float(w.sum()))
    repeaters = int((x > 0).sum()) if w is None else round(float(w[x > 0].sum()))
    counts = f"got {n} customer{'s' if n != 1 else ''}, {repeaters} of them repeat buyers"
    if (T_ == 0).all():
        raise CsatInputError(
            "every customer has T = 0 (observed for no time after the first purchase), so the purchase rate "
            f"cannot be estimated; summarise the log with a later now= ({counts})")
    if repeaters == 0:
        raise CsatInputError(
            "no customer made a repeat purchase (every frequency is 0): the data cannot tell how often customers "
            "buy from how soon they drop out, and the dropout parameters a, b do not enter the likelihood. "
            f"{_NEEDED} ({counts})")
    if n < 4:
        raise CsatInputError(f"fit_bgnbd needs at least 4 customers for its 4 parameters, and in practice "
                             f"hundreds; {counts}")
    if w is None:
        combos = pd.DataFrame({"x": x, "tx": tx, "T": T_}).value_counts().reset_index()
        cx, ctx, cT, cw = (combos[c].to_numpy(dtype=float) for c in ("x", "tx", "T", "count"))
        mean_T = float(T_.mean())
    else:
        # distinct histories in key order with their summed weights: any compression of a table gives
        # the same sums, so the same fit
        combos = (pd.DataFrame({"x": x, "tx": tx, "T": T_, "w": w})
                  .groupby(["x", "tx", "T"], sort=True)["w"].sum().reset_index())
        cx, ctx, cT, cw = (combos[c].to_numpy(dtype=float) for c in ("x", "tx", "T", "w"))
        mean_T = float(np.dot(cw, cT) / cw.sum())

    def negll(theta):
        return -float(np.dot(cw, _bgnbd_loglik(np.exp(theta), cx, ctx, cT)))

    start = np.array([1.0, max(mean_T, 1e-3), 1.0, 1.0])
    with np.errstate(all="ignore"):
        res = _maximise(negll, start, "BG/NBD", maxiter)
        flat = _flat_direction(negll, res.x, ("r", "alpha", "a", "b"))
    r, alpha, a, b = np.exp(res.x)
    if flat:
        raise CsatInputError(
            f"the data do not identify the BG/NBD parameters: {flat} (the optimizer stopped at r = {r:.4g}, "
            f"alpha = {alpha:.4g}, a = {a:.4g}, b = {b:.4g}, which are arbitrary). {_NEEDED} ({counts})")
    dropped = {Message("value.reason.missing_frt"): n_missing} if n_missing else {}
    return BGNBDModel(params={"r": r, "alpha": alpha, "a": a, "b": b}, loglik=-float(res.fun), n=n,
                      n_dropped=n_missing, dropped=dropped, message=optimizer_message(res.message))


@dataclasses.dataclass(frozen=True)
class GammaGammaModel(Result):
    """Fitted Gamma-Gamma spend model.

    Attributes
    ----------
    estimate : dict
        The headline: the fitted parameters (same as ``params``).
    params : dict
        Maximum-likelihood estimates of p (shape of spend per transaction), and
        q, gamma (its rate nu ~ Gamma(q, gamma) across customers).
    loglik : float
        Log-likelihood at the estimates.
    mean_spend : float
        Population mean spend per transaction, p gamma / (q - 1) (inf when q <= 1).
    n : int
        Repeat buyers used.
    n_dropped : int
        Customers left out (no repeat purchase, or missing values).
    dropped : dict
        Reason -> number of customers left out.
    message : Message or str
        The optimizer's stop message.
    """

    params: dict
    loglik: float
    mean_spend: float
    n: int
    n_dropped: int
    dropped: dict
    message: str

    @property
    def estimate(self) -> dict:
        """The fitted parameters (``params``)."""
        return self.params

    def conditional_expected_spend(self, frequency: object = "frequency", monetary: object = "monetary_value", *,
                                   data: object = None) -> np.ndarray:
        """E[M | x, m_x] = (p (gamma + x m_x)) / (p x + q - 1) (Fader & Hardie 2013, eq. 5).

        A customer with no repeat purchase gets the population mean p gamma / (q - 1).
        ``frequency`` and ``monetary`` are arrays, or column names of ``data``
        (the defaults match :func:`summary_from_transactions`). Missing,
        negative or fractional frequencies and negative spend raise naming
        their rows, as does a customer without repeat purchase when q <= 1.

        Examples
        --------
        >>> m = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")
        >>> m.conditional_expected_spend([0, 2], [0, 50.0]).round(2)
        array([35.22, 47.34])
        """
        p, q, g = self._p()
        frequency, monetary = _model_inputs(data, frequency=frequency, monetary=monetary)
        x_s, m_s = _vector(frequency, "frequency"), _vector(monetary, "monetary")
        if len(x_s) != len(m_s):
            raise CsatInputError(f"frequency and monetary must have the same length; got {len(x_s)}, {len(m_s)}")
        x, mx, index = x_s.to_numpy(), m_s.to_numpy(), x_s.index
        checks = (
            (np.isnan(x) | np.isnan(mx), "frequency or monetary is missing; leave those customers out first"),
            (np.isinf(x) | np.isinf(mx), "frequency and monetary must be finite"),
            ((x < 0) | (x != np.round(x)), "frequency must be whole numbers >= 0 (repeat purchases)"),
            (mx < 0, "monetary (mean repeat spend) must not be negative"),
            ((x == 0) & (q <= 1), (f"customers without a repeat purchase get the population mean p*gamma/(q-1), "
                                   f"which is infinite for q = {q:.4g} <= 1")),
        )
        for mask, text in checks:
            if mask.any():
                raise CsatInputError(f"{text}; rows {_rows(index, mask)}")
        with np.errstate(over="ignore", invalid="ignore"):
            spend = (p * (g + x * mx)) / (p * x + q - 1)
        overflow = ~np.isfinite(spend)
        if overflow.any():
            raise CsatInputError(f"the expected spend overflows at rows {_rows(index, overflow)}; give monetary in "
                                 "larger units (thousands, millions)")
        return spend

    def _p(self) -> tuple[float, float, float]:
        values = []
        for name in ("p", "q", "gamma"):
            if name not in self.params:
                raise CsatInputError(f"the Gamma-Gamma parameters need p, q and gamma; {name} is missing")
            v = finite_number(self.params[name], name)
            if v <= 0:
                raise CsatInputError(f"the Gamma-Gamma parameter {name} must be positive, got {self.params[name]!r}")
            values.append(v)
        return tuple(values)  # type: ignore[return-value]

    def _summary(self) -> list[tuple[str, Any]]:
        return [("bgnbd.model", Message("value.model.gamma_gamma")),
                ("bgnbd.params", {k: round(v, 4) for k, v in self.params.items()}),
                ("bgnbd.mean_spend", self.mean_spend), ("bgnbd.loglik", self.loglik), ("result.n", self.n),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped),
                ("bgnbd.converged", self.message)]


def fit_gamma_gamma(frequency: object = "frequency", monetary: object = "monetary_value", *,
                    data: pd.DataFrame | None = None, weights: object = None,
                    maxiter: int = 2000) -> GammaGammaModel:
    """Fit the Gamma-Gamma model of spend per transaction to repeat buyers.

    Customers with x = 0 carry no spend information beyond the first purchase
    and are dropped (reported); m_x must be positive (an error names the rows
    where it is not). Data that cannot identify the parameters (identical
    spends, or a log-likelihood flat at the optimum) raise an error saying so. The inputs come as
    arrays, ``fit_gamma_gamma(frequency, monetary)``, or as columns of a
    table, ``fit_gamma_gamma(data=summary)`` (the table may also be passed first).

    Parameters
    ----------
    frequency : array-like or str, default "frequency"
        Repeat purchases x per customer, or the column of ``data`` holding them
        (a table given here is taken as ``data``).
    monetary : array-like or str, default "monetary_value"
        Mean spend m_x of the repeat purchases, or its column.
    data : pandas.DataFrame or TransactionSummary, optional
        One row per customer, e.g. ``summary_from_transactions(..., amount=...).table``
        (or the summary itself); the arguments above name its columns.
    weights : array-like or str, optional
        Number of customers each row stands for (the ``weight`` column of a compressed
        summary, used by itself when that summary is ``data``), or its column. Default: 1 per row.
    maxiter : int, default 2000
        Optimizer iteration limit; when hit, :class:`CsatConvergenceError`.

    Returns
    -------
    GammaGammaModel
        ``params`` p, q, gamma (also ``estimate``), the population mean spend
        and ``conditional_expected_spend``.

    Notes
    -----
    .. math:: \\ln L = \\ln\\Gamma(px+q) - \\ln\\Gamma(px) - \\ln\\Gamma(q) + q\\ln\\gamma
              + (px-1)\\ln m_x + px\\ln x - (px+q)\\ln(\\gamma + x m_x)

    summed over the repeat buyers (each times its weight when ``weights`` are given)
    and maximised over the log parameters with L-BFGS-B.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using
    iso-value curves for customer base analysis. Journal of Marketing Research
    42(4), 415-430. Fader & Hardie (2013), "The Gamma-Gamma model of monetary
    value", brucehardie.com note 025.

    Examples
    --------
    >>> import csat_lab as cl
    >>> log = cl.datasets.load("cdnow").head(6000)
    >>> history = cl.churn.summary_from_transactions(log, amount="amount", now="1997-09-30")
    >>> m = fit_gamma_gamma(data=history)
    >>> {k: round(float(v), 2) for k, v in m.params.items()}, m.n, m.n_dropped
    ({'p': 6.33, 'q': 4.02, 'gamma': 17.2}, 787, 1064)

    Seven repeat buyers do not pin the model down; the error says so:

    >>> fit_gamma_gamma([1, 2, 3, 1, 4, 0, 2, 5], [20, 35, 28, 60, 31, 0, 18, 40])
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: the data do not identify the Gamma-Gamma parameters: ...
    """
    whole_number(maxiter, "maxiter", minimum=1)
    data, weights = _compressed_weights(data, frequency, weights)
    inputs = _model_inputs(data, frequency=frequency, monetary=monetary,
                           **({} if weights is None else {"weights": weights}))
    frequency, monetary = inputs[:2]
    w_all = None if weights is None else _row_weights(inputs[2], inputs[:2], ("frequency", "monetary"))[0]
    x_s, m_s = _vector(frequency, "frequency"), _vector(monetary, "monetary")
    if len(x_s) != len(m_s):
        raise CsatInputError(f"frequency and monetary must have the same length; got {len(x_s)}, {len(m_s)}")
    x, mx, index = x_s.to_numpy(), m_s.to_numpy(), x_s.index
    missing = np.isnan(x) | np.isnan(mx)
    for mask, text in (((np.isinf(x) | np.isinf(mx)) & ~missing, "frequency and monetary must be finite"),
                       (~missing & ((x < 0) | (x != np.round(x))),
                        "frequency must be whole numbers >= 0 (repeat purchases)")):
        if mask.any():
            raise CsatInputError(f"{text}; rows {_rows(index, mask)}")
    nonrepeat = ~missing & (x == 0)
    keep = ~missing & ~nonrepeat
    not_positive = keep & (mx <= 0)
    if not_positive.any():
        raise CsatInputError(
            f"monetary (mean repeat spend) must be positive for customers with frequency > 0; rows "
            f"{_rows(index, not_positive)} hold {mx[not_positive][0]:g} (leave out customers whose repeat "
            "purchases were free or refunded)")
    w = np.ones(len(x)) if w_all is None else w_all
    count = (lambda mask: int(mask.sum())) if w_all is None else (lambda mask: round(float(w[mask].sum())))
    keep = keep & (w > 0)
    x, mx, w = x[keep], mx[keep], w[keep]
    if count(np.ones(len(x), dtype=bool)) < 3:
        raise CsatInputError(f"the Gamma-Gamma fit needs at least 3 repeat buyers, got {count(np.ones(len(x), dtype=bool))}")
    if np.ptp(mx) <= 1e-12 * np.max(mx):
        raise CsatInputError(
            f"every repeat buyer has the same mean spend ({mx[0]:g}): the spread of spend within and between "
            "customers, which the Gamma-Gamma model estimates, is not in the data")

    if w_all is None:
        cx, cm, cw = x, mx, None
        start = float(np.mean(mx))
    else:
        # distinct (x, m_x) in key order with summed weights: any compression gives the same sums
        combos = pd.DataFrame({"x": x, "m": mx, "w": w}).groupby(["x", "m"], sort=True)["w"].sum().reset_index()
        cx, cm, cw = (combos[c].to_numpy(dtype=float) for c in ("x", "m", "w"))
        start = float(np.dot(cw, cm) / cw.sum())

    def negll(theta):
        p, q, g = np.exp(theta)
        px = p * cx
        ll = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(g) + (px - 1) * np.log(cm)
              + px * np.log(cx) - (px + q) * np.log(g + cx * cm))
        return -float(ll.sum()) if cw is None else -float(np.dot(cw, ll))

    with np.errstate(all="ignore"):
        res = _maximise(negll, np.array([1.0, 1.0, start]), "Gamma-Gamma", maxiter)
        flat = _flat_direction(negll, res.x, ("p", "q", "gamma"))
    p, q, g = np.exp(res.x)
    if flat:
        raise CsatInputError(
            f"the data do not identify the Gamma-Gamma parameters: {flat} (the optimizer stopped at p = {p:.4g}, "
            f"q = {q:.4g}, gamma = {g:.4g}, which are arbitrary). The model needs many repeat buyers whose mean "
            f"spends vary: typically a few hundred (Fader & Hardie 2013 used 946); got {len(x)}")
    w_rows = np.ones(len(missing)) if w_all is None else w_all
    dropped = {k: round(float(v)) for k, v in ((Message("value.reason.missing_fm"), w_rows[missing].sum()),
                                                    (Message("value.reason.no_repeat"), w_rows[nonrepeat].sum())) if v}
    return GammaGammaModel(params={"p": p, "q": q, "gamma": g}, loglik=-float(res.fun),
                           mean_spend=p * g / (q - 1) if q > 1 else float("inf"),
                           n=len(x) if w_all is None else round(float(w.sum())),
                           n_dropped=int(sum(dropped.values())), dropped=dropped, message=optimizer_message(res.message))
