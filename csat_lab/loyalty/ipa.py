"""Importance-performance analysis (IPA): where to act first.

Each attribute is placed by its importance (derived from a key-driver
decomposition of the outcome) and its performance (mean rating). The
crosshairs split the plane into the four quadrants of Martilla & James (1977):

==================  =====================  =========================
                    low performance        high performance
==================  =====================  =========================
high importance     concentrate here       keep up the good work
low importance      low priority           possible overkill
==================  =====================  =========================

Crosshairs default to the data-centred means (Bacon 2003) and may be set to
fixed values (e.g. the scale midpoint).

Examples
--------
>>> import numpy as np, pandas as pd
>>> from csat_lab.loyalty import ipa
>>> rng = np.random.default_rng(3)
>>> x = rng.normal(size=(300, 3)) + [4.2, 3.1, 3.9]
>>> df = pd.DataFrame(x, columns=["staff", "wait", "decor"])
>>> df["overall"] = x @ [0.6, 0.6, 0.05] + rng.normal(size=300)
>>> ipa(df, outcome="overall", drivers=["staff", "wait", "decor"])["quadrant"].tolist()
['keep_up', 'concentrate', 'overkill']
"""

from __future__ import annotations

import dataclasses
from typing import Any, ClassVar, Sequence

import numpy as np
import pandas as pd

from .._core.deprecation import keyword_only, renamed
from .._core.docstrings import shared_docs
from .._core.results import TableResult, message_column
from ..errors import CsatInputError
from ..i18n import Message, display_name
from ._prep import numeric_frame
from ._results import LegacyAttrs
from .drivers import relative_weights, shapley_importance

__all__ = ["IPAResult", "ipa", "QUADRANTS", "IPA_METHODS"]

#: Quadrant keys (labels: ``loyalty.quadrant.<key>``).
QUADRANTS = ("keep_up", "concentrate", "low_priority", "overkill")
#: The values of ``importance=``.
IPA_METHODS = ("shapley", "relative_weights", "correlation")


@dataclasses.dataclass(frozen=True)
class IPAResult(LegacyAttrs, TableResult):
    """An importance-performance table with its quadrants and crosshairs (Martilla & James 1977).

    It answers the DataFrame operations of its ``table`` (``result["quadrant"]``,
    ``result.loc["staff"]``, ``len(result)``), so code written for the old
    DataFrame keeps working.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per driver (index ``driver``): ``importance`` (share, sums to 1),
        ``performance`` (mean rating), ``quadrant`` (key: ``keep_up``,
        ``concentrate``, ``low_priority``, ``overkill``) and ``quadrant_label``
        (message shown in the current language).
    importance_method : str
        How importance was derived: ``"shapley"``, ``"relative_weights"`` or ``"correlation"``.
    importance_split : float
        Importance crosshair: drivers at or above it are "high importance".
    performance_split : float
        Performance crosshair: drivers at or above it are "high performance".
    outcome : str
        The outcome column.
    r2 : float
        R^2 of the regression of the outcome on all drivers.
    n : int
        Complete rows used.
    n_dropped : int
        Rows removed listwise for missing values.
    dropped : dict
        Reason (message naming the columns) -> rows removed.
    estimate : pandas.Series
        Property: the ``importance`` column (each driver's share of importance).
    """

    table: pd.DataFrame
    importance_method: str
    importance_split: float
    performance_split: float
    outcome: str
    r2: float
    n: int
    n_dropped: int
    dropped: dict

    _LEGACY_ATTRS: ClassVar[dict[str, str]] = {"n": "n", "n_dropped": "n_dropped", "dropped": "dropped", "r2": "r2",
                     "method": "importance_method", "importance_split": "importance_split",
                     "performance_split": "performance_split"}

    @property
    def estimate(self) -> pd.Series:
        """Each driver's importance (share)."""
        return self.table["importance"]

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The importance-performance map (:func:`csat_lab.plots.loyalty.ipa_plot`)."""
        from ..plots.loyalty import ipa_plot

        return ipa_plot(self, ax=ax, **kwargs)

    def _column_kinds(self) -> dict[str, str]:
        # Every importance method gives shares (of R², or of the squared correlations): percent.
        return {"importance": "share", "performance": "score"}

    def _summary(self) -> list[tuple[str | Message, Any]]:
        rows: list[tuple[str | Message, Any]] = [
            ("loyalty.importance_method", Message(f"value.importance.{self.importance_method}")),
            ("loyalty.outcome", display_name(self.outcome)),
            ("loyalty.ipa.importance_split", self.importance_split),
            ("loyalty.ipa.performance_split", self.performance_split), ("loyalty.r2", self.r2),
            ("result.n", self.n), ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]
        rows += [(Message("loyalty.ipa.quadrant_row", driver=display_name(d)), q)
                 for d, q in self.table["quadrant_label"].items()]
        return rows


def _split(values: pd.Series, rule: object, name: str) -> float:
    if rule == "mean":
        return float(values.mean())
    if rule == "median":
        return float(values.median())
    if isinstance(rule, (int, float)) and not isinstance(rule, bool):
        return float(rule)
    raise CsatInputError(f"{name} must be 'mean', 'median' or a number; got {rule!r}")


@renamed(method="importance")
@keyword_only(1, "outcome", "drivers")
@shared_docs
def ipa(data: pd.DataFrame, *, outcome: str, drivers: Sequence[str], importance: str = "shapley",
        importance_split: float | str = "mean", performance_split: float | str = "mean") -> IPAResult:
    """Importance-performance table with quadrants (Martilla & James 1977).

    ``importance`` of a driver is its share of R^2 from
    :func:`shapley_importance` (``importance="shapley"``) or
    :func:`relative_weights`, or its squared correlation with the outcome
    divided by the sum of squared correlations (``"correlation"``).
    ``performance`` is the driver's mean rating over the rows used. A driver
    is "high" on an axis when it is at or above the crosshair.

    Parameters
    ----------
    @{data}
    outcome : str
        Overall satisfaction (or loyalty) column.
    drivers : list of str
        Attribute rating columns.
    importance : {"shapley", "relative_weights", "correlation"}, default "shapley"
        How importance is derived from the outcome.
    importance_split, performance_split : "mean", "median" or float
        Where the crosshairs sit: the mean or median over the drivers
        (data-centred, Bacon 2003) or a fixed value such as the scale midpoint.

    Returns
    -------
    IPAResult
        ``table`` indexed by ``driver``: ``importance``, ``performance``,
        ``quadrant`` (key) and ``quadrant_label`` (message); the crosshairs
        ``importance_split`` / ``performance_split`` and the driver
        decomposition's ``r2``, ``n``, ``n_dropped`` and ``dropped``.

    Raises
    ------
    CsatInputError
        An unknown importance method or crosshair rule, and every input error
        of :func:`shapley_importance`.

    Notes
    -----
    With importance shares ``I_j`` (summing to 1), mean ratings ``P_j`` and
    crosshairs ``(I*, P*)``, driver ``j`` lies in

    * "keep up the good work" when ``I_j >= I*`` and ``P_j >= P*``,
    * "concentrate here" when ``I_j >= I*`` and ``P_j < P*``,
    * "low priority" when ``I_j < I*`` and ``P_j < P*``,
    * "possible overkill" when ``I_j < I*`` and ``P_j >= P*``

    (Martilla & James 1977). For ``"correlation"``,
    ``I_j = r_j^2 / sum_k r_k^2`` with ``r_j`` the driver's correlation with
    the outcome on the complete rows.

    References
    ----------
    Martilla, J. A. & James, J. C. (1977). Importance-performance analysis.
    Journal of Marketing, 41(1), 77-79.
    Bacon, D. R. (2003). A comparison of approaches to importance-performance
    analysis. International Journal of Market Research, 45(1), 55-71.

    Examples
    --------
    >>> df = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 1, 2, 3, 5, 5], "b": [2, 1, 2, 1, 2, 1]})
    >>> ipa(df, outcome="y", drivers=["a", "b"])[["importance", "performance", "quadrant"]].round(2)
            importance  performance  quadrant
    driver
    a             0.94         2.83   keep_up
    b             0.06         1.50  low_priority
    """
    if importance not in IPA_METHODS:
        raise CsatInputError(f"importance must be one of: {', '.join(map(repr, IPA_METHODS))}; got {importance!r}")
    if importance == "correlation":
        drivers_result = relative_weights(data, outcome=outcome, drivers=drivers)
        table = drivers_result.table.copy()
        frame, _, _ = numeric_frame(data, [outcome, *table.index])
        r2 = frame[list(table.index)].corrwith(frame[outcome]) ** 2
        table["share"] = r2 / r2.sum()
    else:
        decompose = shapley_importance if importance == "shapley" else relative_weights
        drivers_result = decompose(data, outcome=outcome, drivers=drivers)
        table = drivers_result.table
        frame, _, _ = numeric_frame(data, [outcome, *table.index])
    out = pd.DataFrame({"importance": table["share"], "performance": frame[list(table.index)].mean()})
    out.index.name = "driver"
    imp_cut = _split(out["importance"], importance_split, "importance_split")
    perf_cut = _split(out["performance"], performance_split, "performance_split")
    high_imp = out["importance"] >= imp_cut
    high_perf = out["performance"] >= perf_cut
    out["quadrant"] = np.select([high_imp & high_perf, high_imp & ~high_perf, ~high_imp & ~high_perf],
                                ["keep_up", "concentrate", "low_priority"], "overkill")
    out["quadrant_label"] = message_column((Message(f"loyalty.quadrant.{q}") for q in out["quadrant"]), out.index)
    return IPAResult(table=out, importance_method=importance, importance_split=imp_cut, performance_split=perf_cut,
                     outcome=outcome, r2=drivers_result.r2, n=drivers_result.n, n_dropped=drivers_result.n_dropped,
                     dropped=drivers_result.dropped)
