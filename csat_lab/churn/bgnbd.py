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
distinct (x, t_x, T) combinations weighted by their counts.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import betaln, gammaln, hyp2f1

from .._core.results import Result
from .._core.validate import as_numeric, require_columns, require_frame
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
        return p["r"], p["alpha"], p["a"], p["b"]

    def expected_purchases_new(self, t: float | np.ndarray) -> np.ndarray | float:
        """E[X(t)]: repeat purchases of a new customer in (0, t] (FHL 2005a, eq. 9).

        .. math:: E[X(t)] = \\frac{a+b-1}{a-1}\\left[1 - \\left(\\frac{\\alpha}{\\alpha+t}\\right)^r
                  {}_2F_1\\left(r, b; a+b-1; \\frac{t}{\\alpha+t}\\right)\\right]

        Examples
        --------
        >>> m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
        >>> round(float(m.expected_purchases_new(39)), 3)
        1.197
        """
        r, alpha, a, b = self._p()
        t = np.asarray(t, dtype=float)
        out = (a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, t / (alpha + t)))
        return float(out) if out.ndim == 0 else out

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
        r, alpha, a, b = self._p()
        x, tx, T_ = _rft(*_model_inputs(data, frequency=frequency, recency=recency, T=T))
        with np.errstate(divide="ignore", invalid="ignore"):
            odds = np.where(x > 0, a / (b + x - 1) * ((alpha + T_) / (alpha + tx)) ** (r + x), 0.0)
        return 1.0 / (1.0 + odds)

    def expected_purchases(self, t: float, frequency: object = "frequency", recency: object = "recency",
                           T: object = "T", *, data: object = None) -> np.ndarray:
        """E[Y(t) | x, t_x, T]: expected repeat purchases in the next ``t`` (FHL 2005a, eq. 10).

        ``frequency``, ``recency`` and ``T`` are arrays, or column names of
        ``data`` (the defaults match :func:`summary_from_transactions`).

        .. math:: \\frac{\\frac{a+b+x-1}{a-1}\\left[1-\\left(\\frac{\\alpha+T}{\\alpha+T+t}\\right)^{r+x}
                  {}_2F_1\\left(r+x, b+x; a+b+x-1; \\frac{t}{\\alpha+T+t}\\right)\\right]}
                  {1 + [x>0]\\frac{a}{b+x-1}\\left(\\frac{\\alpha+T}{\\alpha+t_x}\\right)^{r+x}}

        Examples
        --------
        >>> m = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
        >>> m.expected_purchases(39, [2], [30.43], [38.86]).round(3)
        array([1.226])
        """
        r, alpha, a, b = self._p()
        x, tx, T_ = _rft(*_model_inputs(data, frequency=frequency, recency=recency, T=T))
        t = float(t)
        if t < 0:
            raise CsatInputError(f"t must not be negative, got {t}")
        z = t / (alpha + T_ + t)
        core = (a + b + x - 1) / (a - 1) * (
            1 - ((alpha + T_) / (alpha + T_ + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z))
        return core * self.p_alive(x, tx, T_)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("bgnbd.model", Message("value.model.bgnbd")), ("bgnbd.params", {
            k: round(v, 4) for k, v in self.params.items()}), ("bgnbd.loglik", self.loglik),
            ("result.n", self.n), ("result.n_dropped", self.n_dropped),
            ("result.dropped_reasons", self.dropped), ("bgnbd.converged", self.message)]


def _rft(frequency: object, recency: object, T: object) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    arrays = [as_numeric(v if isinstance(v, pd.Series) else pd.Series(np.atleast_1d(np.asarray(v, dtype=object))),
                         name).to_numpy() for v, name in ((frequency, "frequency"), (recency, "recency"), (T, "T"))]
    x, tx, T_ = arrays
    if not len(x) == len(tx) == len(T_):
        raise CsatInputError(f"frequency, recency and T must have the same length; got {len(x)}, {len(tx)}, {len(T_)}")
    return x, tx, T_


def _checked_rft(frequency, recency, T):
    x, tx, T_ = _rft(frequency, recency, T)
    missing = np.isnan(x) | np.isnan(tx) | np.isnan(T_)
    x, tx, T_ = x[~missing], tx[~missing], T_[~missing]
    if len(x) == 0:
        raise CsatInputError("no customer has frequency, recency and T")
    if (x < 0).any() or (x != np.round(x)).any():
        raise CsatInputError("frequency must be whole numbers >= 0 (repeat purchases)")
    if (tx < 0).any() or (tx > T_ + 1e-9).any():
        raise CsatInputError("recency must lie between 0 and T for every customer")
    if ((x == 0) & (tx > 0)).any():
        raise CsatInputError("customers with frequency 0 must have recency 0")
    return x, tx, T_, int(missing.sum())


def _maximise(negll, start: np.ndarray, what: str, maxiter: int):
    from scipy.optimize import minimize

    res = minimize(negll, np.log(start), method="L-BFGS-B", options={"maxiter": maxiter})
    if not res.success or not np.all(np.isfinite(res.x)):
        raise CsatConvergenceError(f"{what} fit did not converge: {res.message} (after {res.nit} iterations)")
    return res


def fit_bgnbd(frequency: object = "frequency", recency: object = "recency", T: object = "T", *,
              data: pd.DataFrame | None = None, maxiter: int = 2000) -> BGNBDModel:
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
    (x, t_x, T) combinations weighted by their counts.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). "Counting your customers"
    the easy way: an alternative to the Pareto/NBD model. Marketing Science
    24(2), 275-284.

    Examples
    --------
    >>> m = fit_bgnbd([0, 1, 2, 0, 5, 3, 0, 1], [0, 4, 9, 0, 20, 15, 0, 2], [30, 28, 25, 30, 26, 30, 22, 20])
    >>> sorted(m.params)
    ['a', 'alpha', 'b', 'r']
    >>> history = pd.DataFrame({"frequency": [0, 1, 2, 0, 5, 3, 0, 1], "recency": [0, 4, 9, 0, 20, 15, 0, 2],
    ...                         "T": [30, 28, 25, 30, 26, 30, 22, 20]})
    >>> fit_bgnbd(data=history).params == m.params
    True
    """
    x, tx, T_, n_missing = _checked_rft(*_model_inputs(data, frequency=frequency, recency=recency, T=T))
    combos = pd.DataFrame({"x": x, "tx": tx, "T": T_}).value_counts().reset_index()
    cx, ctx, cT, w = (combos[c].to_numpy(dtype=float) for c in ("x", "tx", "T", "count"))

    def negll(theta):
        return -float(np.dot(w, _bgnbd_loglik(np.exp(theta), cx, ctx, cT)))

    start = np.array([1.0, max(float(T_.mean()), 1e-3), 1.0, 1.0])
    res = _maximise(negll, start, "BG/NBD", maxiter)
    r, alpha, a, b = np.exp(res.x)
    dropped = {Message("value.reason.missing_frt"): n_missing} if n_missing else {}
    return BGNBDModel(params={"r": r, "alpha": alpha, "a": a, "b": b}, loglik=-float(res.fun), n=len(x),
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
        (the defaults match :func:`summary_from_transactions`).

        Examples
        --------
        >>> m = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")
        >>> m.conditional_expected_spend([0, 2], [0, 50.0]).round(2)
        array([35.22, 47.34])
        """
        p, q, g = self.params["p"], self.params["q"], self.params["gamma"]
        frequency, monetary = _model_inputs(data, frequency=frequency, monetary=monetary)
        x = as_numeric(pd.Series(np.atleast_1d(np.asarray(frequency, dtype=object))), "frequency").to_numpy()
        mx = as_numeric(pd.Series(np.atleast_1d(np.asarray(monetary, dtype=object))), "monetary").to_numpy()
        return (p * (g + x * mx)) / (p * x + q - 1)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("bgnbd.model", Message("value.model.gamma_gamma")),
                ("bgnbd.params", {k: round(v, 4) for k, v in self.params.items()}),
                ("bgnbd.mean_spend", self.mean_spend), ("bgnbd.loglik", self.loglik), ("result.n", self.n),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped),
                ("bgnbd.converged", self.message)]


def fit_gamma_gamma(frequency: object = "frequency", monetary: object = "monetary_value", *,
                    data: pd.DataFrame | None = None, maxiter: int = 2000) -> GammaGammaModel:
    """Fit the Gamma-Gamma model of spend per transaction to repeat buyers.

    Customers with x = 0 carry no spend information beyond the first purchase
    and are dropped (reported); m_x must be positive. The inputs come as
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

    summed over the repeat buyers and maximised over the log parameters with L-BFGS-B.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using
    iso-value curves for customer base analysis. Journal of Marketing Research
    42(4), 415-430. Fader & Hardie (2013), "The Gamma-Gamma model of monetary
    value", brucehardie.com note 025.

    Examples
    --------
    >>> m = fit_gamma_gamma([1, 2, 3, 1, 4, 0, 2, 5], [20, 35, 28, 60, 31, 0, 18, 40])
    >>> sorted(m.params), m.n_dropped
    (['gamma', 'p', 'q'], 1)
    """
    frequency, monetary = _model_inputs(data, frequency=frequency, monetary=monetary)
    x = as_numeric(pd.Series(np.asarray(frequency, dtype=object)), "frequency").to_numpy()
    mx = as_numeric(pd.Series(np.asarray(monetary, dtype=object)), "monetary").to_numpy()
    if len(x) != len(mx):
        raise CsatInputError(f"frequency and monetary must have the same length; got {len(x)}, {len(mx)}")
    missing = np.isnan(x) | np.isnan(mx)
    nonrepeat = ~missing & (x == 0)
    keep = ~missing & ~nonrepeat
    if (mx[keep] <= 0).any():
        raise CsatInputError("monetary (mean repeat spend) must be positive for customers with frequency > 0")
    x, mx = x[keep], mx[keep]
    if len(x) < 3:
        raise CsatInputError(f"the Gamma-Gamma fit needs at least 3 repeat buyers, got {len(x)}")

    def negll(theta):
        p, q, g = np.exp(theta)
        px = p * x
        ll = (gammaln(px + q) - gammaln(px) - gammaln(q) + q * np.log(g) + (px - 1) * np.log(mx)
              + px * np.log(x) - (px + q) * np.log(g + x * mx))
        return -float(ll.sum())

    res = _maximise(negll, np.array([1.0, 1.0, float(np.mean(mx))]), "Gamma-Gamma", maxiter)
    p, q, g = np.exp(res.x)
    dropped = {k: int(v) for k, v in ((Message("value.reason.missing_fm"), missing.sum()),
                                       (Message("value.reason.no_repeat"), nonrepeat.sum())) if v}
    return GammaGammaModel(params={"p": p, "q": q, "gamma": g}, loglik=-float(res.fun),
                           mean_spend=p * g / (q - 1) if q > 1 else float("inf"), n=len(x),
                           n_dropped=int(sum(dropped.values())), dropped=dropped, message=optimizer_message(res.message))
