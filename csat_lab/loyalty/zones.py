"""The loyalty curve, its zones, and the top-box versus second-box loyalty ratio.

Jones & Sasser (1995) showed that in competitive markets loyalty stays low
through most of the satisfaction scale and jumps only at the top: the
*zone of defection* (dissatisfied: customers leave and warn others), the
*zone of indifference* (satisfied but easily lured away) and the *zone of
affection* (completely satisfied: loyal, "apostles"). Their headline - the
completely satisfied are about six times as loyal as the merely satisfied -
is the ratio computed by :func:`top_box_loyalty_ratio`.

Examples
--------
>>> import pandas as pd
>>> from csat_lab.loyalty import loyalty_zones
>>> default_zones = loyalty_zones(scale="satisfaction5")
>>> default_zones
{'defection': (1, 2), 'indifference': (3, 4), 'affection': (5,)}
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping, Sequence

import numpy as np
import pandas as pd

from .._core.results import Result, message_column
from .._core.validate import probability
from ..errors import CsatInputError
from ..i18n import Message
from ..scales import get as get_scale
from ._prep import numeric_frame
from .regression import loyalty_regression

__all__ = ["ZONES", "loyalty_zones", "loyalty_curve", "top_box_loyalty_ratio", "LoyaltyRatio"]

#: Zone keys from low to high satisfaction (labels: ``loyalty.zone.<key>``).
ZONES = ("defection", "indifference", "affection")


def _default_zones(values: Sequence[int]) -> dict[str, tuple]:
    values = sorted(values)
    low, high = values[0], values[-1]
    # Jones & Sasser's 5-point split (1-2 | 3-4 | 5) generalised: the bottom 40% of
    # the range defects, only the very top code is the zone of affection.
    cut = low + 0.4 * (high - low)
    defection = tuple(v for v in values if v <= cut)
    affection = (high,)
    indifference = tuple(v for v in values if v not in defection and v != high)
    return {"defection": defection, "indifference": indifference, "affection": affection}


def _check_zones(zones: Mapping[str, Sequence]) -> dict[str, tuple]:
    unknown = set(zones) - set(ZONES)
    if unknown:
        raise CsatInputError(f"unknown zone {sorted(unknown)}; zones are: {', '.join(ZONES)}")
    out = {z: tuple(zones.get(z, ())) for z in ZONES}
    seen: dict = {}
    for z, codes in out.items():
        for c in codes:
            if c in seen:
                raise CsatInputError(f"satisfaction code {c!r} is in both zone {seen[c]!r} and zone {z!r}")
            seen[c] = z
    return out


def loyalty_zones(data: pd.DataFrame | None = None, satisfaction: str | None = None, *,
                  scale: str | None = None, zones: Mapping[str, Sequence] | None = None) -> dict[str, tuple]:
    """Which satisfaction codes fall in the zones of defection, indifference and affection.

    Default split (Jones & Sasser 1995, on a 5-point scale 1-2 | 3-4 | 5):
    codes in the bottom 40% of the scale range defect, the top code alone is
    affection, the rest is indifference. The range comes from ``scale`` when
    given, else from the codes observed in ``data[satisfaction]``.

    Parameters
    ----------
    data : DataFrame, optional
    satisfaction : str, optional
        Column whose observed codes define the range when no ``scale`` is given.
    scale : str, optional
        Scale name (``"satisfaction5"``, ``"nps11"`` ...).
    zones : mapping, optional
        Explicit ``{"defection": codes, "indifference": codes, "affection": codes}``.

    Returns
    -------
    dict zone -> tuple of codes.

    Examples
    --------
    >>> loyalty_zones(scale="nps11")["defection"]
    (0, 1, 2, 3, 4)
    >>> loyalty_zones(zones={"affection": [5], "defection": [1]})
    {'defection': (1,), 'indifference': (), 'affection': (5,)}
    """
    if zones is not None:
        return _check_zones(zones)
    if scale is not None:
        return _default_zones(get_scale(scale).values)
    if data is None or satisfaction is None:
        raise CsatInputError("give a scale name, explicit zones, or data with a satisfaction column")
    frame, _, _ = numeric_frame(data, [satisfaction])
    codes = np.unique(frame[satisfaction])
    return _default_zones([int(c) if c == int(c) else c for c in codes])


def loyalty_curve(data: pd.DataFrame, satisfaction: str, loyalty: str, *, kind: str = "ols",
                  controls: Sequence[str] | None = None, scale: str | None = None,
                  zones: Mapping[str, Sequence] | None = None, ci: float = 0.95) -> pd.DataFrame:
    """Predicted loyalty at each satisfaction level, with CI and zone: the loyalty curve.

    Fits :func:`loyalty_regression` with satisfaction as dummy levels,
    ``loyalty ~ C(satisfaction)``, so the estimate at level ``k`` is
    ``E[loyalty | satisfaction = k]`` and the curve may bend, and tags each
    level with its zone (:func:`loyalty_zones`): the flat zone of indifference
    and the steep rise to complete satisfaction of Jones & Sasser (1995).

    Parameters
    ----------
    data, satisfaction, loyalty, kind, controls, scale, ci
        As in :func:`loyalty_regression`.
    zones : mapping, optional
        Explicit zones, see :func:`loyalty_zones`.

    Returns
    -------
    DataFrame with ``level``, ``n``, ``observed``, ``estimate``, ``se``,
    ``ci_low``, ``ci_high``, ``zone`` (key) and ``zone_label`` (translated).

    Examples
    --------
    >>> df = pd.DataFrame({"sat": [1, 2, 3, 4, 5] * 4,
    ...                    "rebuy": [0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1]})
    >>> loyalty_curve(df, "sat", "rebuy", scale="satisfaction5")[["level", "estimate", "zone"]]
       level  estimate          zone
    0      1      0.00     defection
    1      2      0.25     defection
    2      3      0.25  indifference
    3      4      0.50  indifference
    4      5      1.00     affection
    """
    model = loyalty_regression(data, satisfaction, loyalty, kind=kind, as_levels=True, controls=controls,
                               scale=scale, ci=ci)
    table = model.predicted.copy()
    zone_of = {code: z for z, codes in loyalty_zones(data, satisfaction, scale=scale, zones=zones).items()
               for code in codes}
    table["zone"] = [zone_of.get(v, "") for v in table["level"]]
    table["zone_label"] = message_column((Message(f"loyalty.zone.{z}") if z else "" for z in table["zone"]), table.index)
    table.attrs.update(kind=kind, n=model.n, n_dropped=model.n_dropped, dropped=model.dropped,
                       ci=ci, ci_method=model.ci_method, satisfaction=satisfaction, loyalty=loyalty)
    return table


@dataclasses.dataclass(frozen=True)
class LoyaltyRatio(Result):
    """Loyalty of the top box relative to the second box (Jones & Sasser's "six times")."""

    ratio: float
    ci: tuple[float, float]
    ci_level: float
    ci_method: str
    measure: str
    top: tuple
    second: tuple
    top_loyalty: float
    second_loyalty: float
    n_top: int
    n_second: int
    n: int
    n_dropped: int
    dropped: dict

    def _summary(self) -> list[tuple[str, Any]]:
        return [("loyalty.ratio", self.ratio), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("loyalty.measure", self.measure), ("loyalty.top_loyalty", self.top_loyalty),
                ("loyalty.second_loyalty", self.second_loyalty), ("loyalty.n_top", self.n_top),
                ("loyalty.n_second", self.n_second), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped)]


def _codes(value: object) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple, set, np.ndarray)) else (value,)


def top_box_loyalty_ratio(data: pd.DataFrame, satisfaction: str, loyalty: str, *, top: object = None,
                          second: object = None, loyal_min: float | None = None, scale: str | None = None,
                          ci: float = 0.95) -> LoyaltyRatio:
    """How many times as loyal the top box is as the second box, with a CI.

    With a yes/no loyalty column (or ``loyal_min`` to call scores at or above
    it loyal) the ratio is of proportions loyal, ``R = p_1 / p_2``, and the CI
    is the log-ratio interval of Katz et al. (1978):

    .. math:: \\log R \\pm z \\sqrt{\\tfrac{1}{x_1} - \\tfrac{1}{n_1} + \\tfrac{1}{x_2} - \\tfrac{1}{n_2}}

    Otherwise the ratio is of mean loyalty scores, with the delta-method
    interval on the log scale, ``se^2 = s_1^2/(n_1 m_1^2) + s_2^2/(n_2 m_2^2)``.
    Working on ``log R`` keeps the interval positive and asymmetric, as a ratio's
    should be. Jones & Sasser (1995) report ratios near 6 for competitive markets.

    Parameters
    ----------
    data : DataFrame
    satisfaction, loyalty : str
        Column names.
    top, second : code or list of codes, optional
        Satisfaction codes of the two groups; default the highest and the
        second-highest code (of ``scale`` when given, else observed).
    loyal_min : float, optional
        Threshold turning a loyalty score into loyal yes/no.
    scale : str, optional
        Satisfaction scale name.
    ci : float
        Confidence level.

    Returns
    -------
    LoyaltyRatio

    Examples
    --------
    >>> df = pd.DataFrame({"sat": [5] * 10 + [4] * 20, "rebuy": [1] * 6 + [0] * 4 + [1] * 2 + [0] * 18})
    >>> res = top_box_loyalty_ratio(df, "sat", "rebuy")
    >>> round(res.ratio, 2), tuple(round(v, 2) for v in res.ci)
    (6.0, (1.47, 24.55))
    """
    from scipy import stats

    ci = probability(ci, "ci")
    frame, n_dropped, dropped = numeric_frame(data, [satisfaction, loyalty])
    sat, loy = frame[satisfaction].to_numpy(), frame[loyalty].to_numpy()
    levels = list(get_scale(scale).values) if scale is not None else sorted(np.unique(sat))
    top = _codes(top if top is not None else levels[-1])
    second = _codes(second if second is not None else levels[-2])
    if set(top) & set(second):
        raise CsatInputError(f"top {top} and second {second} share codes; the groups must not overlap")
    in_top, in_second = np.isin(sat, top), np.isin(sat, second)
    for name, mask, codes in (("top", in_top, top), ("second", in_second, second)):
        if mask.sum() < 2:
            raise CsatInputError(f"only {int(mask.sum())} respondents have satisfaction {codes} ({name} box); "
                                 f"codes present are {sorted(np.unique(sat))}")
    binary = set(np.unique(loy)) <= {0.0, 1.0}
    z = stats.norm.ppf(1 - (1 - ci) / 2)
    n1, n2 = int(in_top.sum()), int(in_second.sum())
    if binary or loyal_min is not None:
        loyal = loy >= loyal_min if loyal_min is not None else loy == 1
        x1, x2 = int(loyal[in_top].sum()), int(loyal[in_second].sum())
        if x1 == 0 or x2 == 0:
            raise CsatInputError(f"no loyal customers in the {'top' if x1 == 0 else 'second'} box; "
                                 "the ratio (or its log) is undefined")
        m1, m2 = x1 / n1, x2 / n2
        se = np.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
        measure, method = Message("value.measure.proportion"), Message("value.method.katz")
    else:
        m1, m2 = loy[in_top].mean(), loy[in_second].mean()
        if m1 <= 0 or m2 <= 0:
            raise CsatInputError("a ratio of mean loyalty needs positive scores; recode the loyalty scale to start at 1 "
                                 "or pass loyal_min")
        se = np.sqrt(loy[in_top].var(ddof=1) / (n1 * m1 ** 2) + loy[in_second].var(ddof=1) / (n2 * m2 ** 2))
        measure, method = Message("value.measure.mean"), Message("value.method.delta_ratio")
    ratio = m1 / m2
    bounds = (float(np.exp(np.log(ratio) - z * se)), float(np.exp(np.log(ratio) + z * se)))
    return LoyaltyRatio(ratio=float(ratio), ci=bounds, ci_level=ci, ci_method=method, measure=measure, top=top,
                        second=second, top_loyalty=float(m1), second_loyalty=float(m2), n_top=n1, n_second=n2,
                        n=int(frame.shape[0]), n_dropped=n_dropped, dropped=dropped)
