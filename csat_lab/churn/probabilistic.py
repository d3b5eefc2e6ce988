"""Customer lifetime value from a fitted BG/NBD and Gamma-Gamma pair.

The two models split what a customer will be worth into how many purchases
they will still make and how much each will be (Fader, Hardie & Lee 2005b).
The BG/NBD gives the expected number of repeat purchases in the next ``t``
time units given a customer's history (x, t_x, T); the Gamma-Gamma gives the
expected spend per purchase given their mean repeat spend; the Gamma-Gamma
assumes spend is independent of the purchase process, so the expected value
of a period is the product of the two. Summing period by period lets each
period's purchases be discounted.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import Result
from .._core.validate import as_numeric, finite_number
from ..errors import CsatInputError
from ..i18n import Message
from .bgnbd import BGNBDModel, GammaGammaModel, _model_inputs

__all__ = ["ProbabilisticCLVResult", "probabilistic_clv"]


@dataclasses.dataclass(frozen=True)
class ProbabilisticCLVResult(Result):
    """Per-customer lifetime value over a finite horizon, with the totals.

    Attributes
    ----------
    estimate : float
        The headline number: the total lifetime value of all customers (same as ``total_clv``).
    table : pandas.DataFrame
        One row per customer kept (index of ``data``, or of ``frequency`` when
        it is a Series), columns ``expected_purchases`` (undiscounted, over the
        whole horizon), ``expected_spend`` (per purchase) and ``clv``.
    total_clv : float
        Sum of ``clv`` over the customers.
    mean_clv : float
        Mean ``clv`` per customer.
    total_expected_purchases : float
        Sum of ``expected_purchases``.
    horizon : int
        Number of future periods H.
    period_length : float
        Model time units per period L.
    discount : float
        Discount rate per period.
    margin : float
        Profit as a share of spend.
    n : int
        Customers kept.
    n_dropped : int
        Customers left out (a missing value).
    dropped : dict
        Reason -> number of customers left out.
    assumptions : tuple of Message
        The assumptions behind the numbers, in words.
    method : Message
        How the values were computed.
    """

    table: pd.DataFrame
    total_clv: float
    mean_clv: float
    total_expected_purchases: float
    horizon: int
    period_length: float
    discount: float
    margin: float
    n: int
    n_dropped: int
    dropped: dict
    assumptions: tuple
    method: str = Message("value.method.pclv")

    @property
    def estimate(self) -> float:
        """The total lifetime value (``total_clv``)."""
        return self.total_clv

    def _summary(self) -> list[tuple[str, Any]]:
        return [("pclv.total", self.total_clv), ("pclv.mean", self.mean_clv),
                ("pclv.total_purchases", self.total_expected_purchases), ("pclv.horizon", self.horizon),
                ("pclv.period_length", self.period_length), ("clv.discount", self.discount),
                ("pclv.margin", self.margin), ("result.method", self.method), ("result.n", self.n),
                ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped),
                ("pclv.assumptions", "; ".join(str(a) for a in self.assumptions))]


def _vector(values: object, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        return as_numeric(values, name)
    return as_numeric(pd.Series(np.atleast_1d(np.asarray(values, dtype=object))), name)


def _check_models(bgnbd: object, gamma_gamma: object) -> tuple[BGNBDModel, GammaGammaModel]:
    if isinstance(bgnbd, GammaGammaModel) and isinstance(gamma_gamma, BGNBDModel):
        raise CsatInputError("the fitted models are swapped: pass the BG/NBD fit first, then the Gamma-Gamma fit")
    if not isinstance(bgnbd, BGNBDModel):
        raise CsatInputError(f"bgnbd must be a fit from fit_bgnbd (BGNBDModel), got {type(bgnbd).__name__}")
    if not isinstance(gamma_gamma, GammaGammaModel):
        raise CsatInputError(
            f"gamma_gamma must be a fit from fit_gamma_gamma (GammaGammaModel), got {type(gamma_gamma).__name__}")
    q = gamma_gamma.params["q"]
    if not q > 1:
        raise CsatInputError(
            f"the Gamma-Gamma fit has q = {q:.4g}; the expected spend p*gamma/(q-1) is finite only for q > 1")
    return bgnbd, gamma_gamma


def _check_settings(horizon: object, period_length: object, discount: object, margin: object) -> tuple:
    h = finite_number(horizon, "horizon")
    if h < 1 or h != int(h):
        raise CsatInputError(f"horizon must be a whole number of periods, at least 1, got {horizon!r}")
    length = finite_number(period_length, "period_length")
    if length <= 0:
        raise CsatInputError(f"period_length must be positive (time units per period), got {period_length!r}")
    d = finite_number(discount, "discount")
    if d <= -1:
        raise CsatInputError(f"discount must be above -1 (a rate per period, e.g. 0.01), got {discount!r}")
    m = finite_number(margin, "margin")
    if not 0 < m <= 1:
        raise CsatInputError(f"margin must be a share of spend in (0, 1], e.g. 0.3 for 30%, got {margin!r}")
    return int(h), length, d, m


def probabilistic_clv(bgnbd: BGNBDModel, gamma_gamma: GammaGammaModel, frequency: object = "frequency",
                      recency: object = "recency", T: object = "T", monetary: object = "monetary_value", *,
                      data: pd.DataFrame | None = None, horizon: int = 12, period_length: float = 4.345,
                      discount: float = 0.01, margin: float = 1.0) -> ProbabilisticCLVResult:
    """Expected discounted profit of each customer over the next ``horizon`` periods.

    The customers come as arrays, ``probabilistic_clv(bg, gg, frequency,
    recency, T, monetary)``, or as columns of a table,
    ``probabilistic_clv(bg, gg, data=summary)``: then the four arguments are
    column names, by default those of :func:`summary_from_transactions`. The
    table may also be passed third, ``probabilistic_clv(bg, gg, summary)``.

    Parameters
    ----------
    bgnbd : BGNBDModel
        Fit from :func:`fit_bgnbd`, in the time unit of ``recency`` and ``T``.
    gamma_gamma : GammaGammaModel
        Fit from :func:`fit_gamma_gamma`.
    frequency : array-like or str, default "frequency"
        Repeat purchases x per customer, or the column of ``data`` holding them
        (a table given here is taken as ``data``).
    recency : array-like or str, default "recency"
        Time of the last purchase t_x (from the first), or its column.
    T : array-like or str, default "T"
        Time observed T since the first purchase, or its column.
    monetary : array-like or str, default "monetary_value"
        Mean repeat spend per customer, or its column (not used when x = 0).
        Customers with a missing value are dropped and counted.
    data : pandas.DataFrame or TransactionSummary, optional
        One row per customer, e.g. ``summary_from_transactions(..., amount=...).table``
        (or the summary itself); the four arguments above name its columns.
    horizon : int
        Number of future periods H.
    period_length : float
        Time units per period L (4.345 weeks per month when T is in weeks).
    discount : float
        Discount rate per period, above -1; purchases in period t are
        discounted by (1 + d)^t.
    margin : float
        Profit as a share of spend, in (0, 1]; 1 gives revenue.

    Returns
    -------
    ProbabilisticCLVResult
        ``table`` per customer, totals, and the assumptions in words. These
        are point estimates given the fitted parameters; their sampling
        uncertainty is not included.

    Notes
    -----
    .. math:: \\text{CLV}_i = m \\, E[M_i] \\sum_{t=1}^{H}
              \\frac{E[X_i(tL)] - E[X_i((t-1)L)]}{(1+d)^{t}}

    with margin share m, horizon H periods of L time units each and discount
    rate d per period. E[X_i(s)] is the BG/NBD expected number of repeat
    purchases in (T_i, T_i + s] given (x_i, t_x, T_i) (Fader, Hardie & Lee
    2005a, eq. 10) and E[M_i] the Gamma-Gamma expected spend per purchase
    (Fader, Hardie & Lee 2005b; Fader & Hardie 2013)

    .. math:: E[M \\mid x, \\bar m] = \\frac{p(\\gamma + x \\bar m)}{p x + q - 1},

    a weighted average of the customer's own mean repeat spend and the
    population mean p*gamma/(q-1), which a customer with x = 0 gets.

    References
    ----------
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005a). "Counting your
    customers" the easy way. Marketing Science 24(2), 275-284.
    Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005b). RFM and CLV: using
    iso-value curves for customer base analysis. Journal of Marketing Research
    42(4), 415-430.
    Fader, P. S. & Hardie, B. G. S. (2013). The Gamma-Gamma model of monetary
    value. brucehardie.com note 025.

    Examples
    --------
    >>> bg = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
    >>> gg = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")
    >>> res = probabilistic_clv(bg, gg, [2, 0], [30.43, 0.0], [38.86, 38.86], [22.35, 0.0])
    >>> res.table.round(3)
       expected_purchases  expected_spend    clv
    0               1.562          24.664  36.289
    1               0.253          35.219   8.369
    >>> history = pd.DataFrame({"frequency": [2, 0], "recency": [30.43, 0.0], "T": [38.86, 38.86],
    ...                         "monetary_value": [22.35, 0.0]}, index=["a", "b"])
    >>> round(probabilistic_clv(bg, gg, data=history).estimate, 3)
    44.658
    """
    bg, gg = _check_models(bgnbd, gamma_gamma)
    frequency, recency, T, monetary = _model_inputs(data, frequency=frequency, recency=recency, T=T,
                                                    monetary=monetary)
    h, length, d, m = _check_settings(horizon, period_length, discount, margin)
    columns = {name: _vector(v, name) for v, name in
               ((frequency, "frequency"), (recency, "recency"), (T, "T"), (monetary, "monetary"))}
    lengths = {name: len(s) for name, s in columns.items()}
    if len(set(lengths.values())) != 1:
        raise CsatInputError(f"frequency, recency, T and monetary must have the same length; got {lengths}")
    index = frequency.index if isinstance(frequency, pd.Series) else pd.RangeIndex(lengths["frequency"])
    frame = pd.DataFrame({name: s.to_numpy() for name, s in columns.items()}, index=index)
    missing = frame.isna().any(axis=1)
    frame = frame[~missing]
    if frame.empty:
        raise CsatInputError("no customer has frequency, recency, T and monetary all present")
    for name in columns:
        negative = frame.index[frame[name] < 0]
        if len(negative):
            raise CsatInputError(f"{name} must not be negative; rows {list(negative[:5])} are")
    x, tx, T_, mx = (frame[c].to_numpy() for c in columns)
    if (x != np.round(x)).any():
        raise CsatInputError(f"frequency must be whole numbers; rows {list(frame.index[x != np.round(x)][:5])} are not")
    late = frame.index[tx > T_ + 1e-9]
    if len(late):
        raise CsatInputError(f"recency must not exceed T (the last purchase lies within the observation); rows "
                             f"{list(late[:5])} have recency > T")

    cumulative = np.vstack([np.zeros_like(x)] + [bg.expected_purchases(t * length, x, tx, T_)
                                                 for t in range(1, h + 1)])
    per_period = np.diff(cumulative, axis=0)
    factors = (1.0 + d) ** -np.arange(1, h + 1)
    spend = gg.conditional_expected_spend(x, np.where(x > 0, mx, 0.0))
    with np.errstate(over="ignore", invalid="ignore"):
        clv = m * spend * (factors @ per_period)
    overflow = ~np.isfinite(clv)
    if overflow.any():
        raise CsatInputError(f"the lifetime value overflows at rows {list(frame.index[overflow][:5])}; give monetary "
                             "in larger units (thousands, millions)")
    table = pd.DataFrame({"expected_purchases": cumulative[-1], "expected_spend": spend, "clv": clv},
                         index=frame.index)

    n_missing = int(missing.sum())
    dropped = {Message("value.reason.missing_frtm"): n_missing} if n_missing else {}
    params = gg.params
    assumptions = (
        Message("pclv.assume.periods", horizon=h, length=f"{length:g}"),
        Message("pclv.assume.discount", discount=f"{d:g}"),
        Message("pclv.assume.margin", margin=f"{m:g}"),
        Message("pclv.assume.no_repeat", mean=f"{params['p'] * params['gamma'] / (params['q'] - 1):.4g}"),
        Message("pclv.assume.independence"),
    )
    return ProbabilisticCLVResult(
        table=table, total_clv=float(clv.sum()), mean_clv=float(clv.mean()),
        total_expected_purchases=float(cumulative[-1].sum()), horizon=h, period_length=length, discount=d,
        margin=m, n=len(table), n_dropped=n_missing, dropped=dropped, assumptions=assumptions)

