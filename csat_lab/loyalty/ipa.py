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
>>> ipa(df, "overall", ["staff", "wait", "decor"])["quadrant"].tolist()
['keep_up', 'concentrate', 'overkill']
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from .._core.results import message_column
from ..errors import CsatInputError
from ..i18n import Message
from ._prep import numeric_frame
from .drivers import relative_weights, shapley_importance

__all__ = ["ipa", "QUADRANTS", "IPA_METHODS"]

#: Quadrant keys (labels: ``loyalty.quadrant.<key>``).
QUADRANTS = ("keep_up", "concentrate", "low_priority", "overkill")
IPA_METHODS = ("shapley", "relative_weights", "correlation")


def _split(values: pd.Series, rule: object, name: str) -> float:
    if rule == "mean":
        return float(values.mean())
    if rule == "median":
        return float(values.median())
    if isinstance(rule, (int, float)) and not isinstance(rule, bool):
        return float(rule)
    raise CsatInputError(f"{name} must be 'mean', 'median' or a number; got {rule!r}")


def ipa(data: pd.DataFrame, outcome: str, drivers: Sequence[str], *, method: str = "shapley",
        importance_split: object = "mean", performance_split: object = "mean") -> pd.DataFrame:
    """Importance-performance table with quadrants (Martilla & James 1977).

    ``importance`` is the driver's share of R^2 from
    :func:`shapley_importance` (``method="shapley"``) or
    :func:`relative_weights`, or its squared correlation with the outcome
    divided by the sum of squared correlations (``"correlation"``).
    ``performance`` is the driver's mean rating over the rows used. A driver
    is "high" on an axis when it is at or above the crosshair.

    Parameters
    ----------
    data : DataFrame
    outcome : str
        Overall satisfaction (or loyalty) column.
    drivers : list of str
        Attribute rating columns.
    method : {"shapley", "relative_weights", "correlation"}
    importance_split, performance_split : "mean", "median" or float
        Where the crosshairs sit.

    Returns
    -------
    DataFrame indexed by ``driver``: ``importance``, ``performance``,
    ``quadrant`` (key) and ``quadrant_label`` (translated); the crosshairs are
    in ``attrs["importance_split"]`` / ``attrs["performance_split"]`` with the
    driver decomposition's ``n``, ``n_dropped`` and ``dropped``.

    Examples
    --------
    >>> df = pd.DataFrame({"y": [1, 2, 3, 4, 5, 6], "a": [1, 1, 2, 3, 5, 5], "b": [2, 1, 2, 1, 2, 1]})
    >>> ipa(df, "y", ["a", "b"])[["importance", "performance", "quadrant"]].round(2)
            importance  performance  quadrant
    driver
    a             0.94         2.83   keep_up
    b             0.06         1.50  low_priority
    """
    if method not in IPA_METHODS:
        raise CsatInputError(f"method must be one of: {', '.join(map(repr, IPA_METHODS))}; got {method!r}")
    if method == "correlation":
        table = relative_weights(data, outcome, drivers)
        frame, _, _ = numeric_frame(data, [outcome, *table.index])
        r2 = frame[list(table.index)].corrwith(frame[outcome]) ** 2
        table["share"] = r2 / r2.sum()
    else:
        table = (shapley_importance if method == "shapley" else relative_weights)(data, outcome, drivers)
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
    out.attrs.update({k: table.attrs[k] for k in ("n", "n_dropped", "dropped", "r2")})
    out.attrs.update(method=method, importance_split=imp_cut, performance_split=perf_cut)
    return out
