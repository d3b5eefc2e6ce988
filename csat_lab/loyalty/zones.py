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
>>> dict(default_zones)
{'defection': (1, 2), 'indifference': (3, 4), 'affection': (5,)}
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, Sequence

import numpy as np
import pandas as pd

from .._core.deprecation import keyword_only
from .._core.docstrings import shared_docs
from .._core.results import Result, TableResult, message_column
from .._core.validate import probability
from ..errors import CsatInputError
from ..i18n import Message, display_name, has_label
from ..i18n.names import Name
from ..scales import Scale
from ..scales import get as get_scale
from ._prep import numeric_frame
from ._results import LegacyAttrs
from .regression import loyalty_regression

__all__ = ["ZONES", "LoyaltyZones", "LoyaltyCurveResult", "LoyaltyRatio", "loyalty_zones", "loyalty_curve",
           "top_box_loyalty_ratio"]

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


@dataclasses.dataclass(frozen=True, eq=False)
class LoyaltyZones(Result, Mapping):
    """The satisfaction codes in the zones of defection, indifference and affection (Jones & Sasser 1995).

    Behaves like the dict ``{zone: codes}`` it replaces: ``zones["affection"]``,
    ``zones.items()``, ``list(zones)`` (the zone names, low to high),
    ``dict(zones)`` and ``zones == {"defection": (1, 2), ...}`` all work.

    Attributes
    ----------
    defection : tuple
        Codes of the zone of defection (dissatisfied customers who leave).
    indifference : tuple
        Codes of the zone of indifference (satisfied but easily lured away).
    affection : tuple
        Codes of the zone of affection (completely satisfied, loyal).
    basis : Message
        Where the split comes from: given by the user, the default split of a
        scale, or the default split of the codes observed in a column.
    estimate : dict
        Property: the zones as a plain dict ``{zone: codes}``.
    """

    defection: tuple
    indifference: tuple
    affection: tuple
    basis: str

    def __getitem__(self, zone: str) -> tuple:
        if zone not in ZONES:
            raise KeyError(zone)
        return getattr(self, zone)

    def __iter__(self) -> Iterator[str]:
        return iter(ZONES)

    def __len__(self) -> int:
        return len(ZONES)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # compares like a dict

    def __repr__(self) -> str:
        return f"LoyaltyZones({dict(self.items())!r})"

    @property
    def estimate(self) -> dict[str, tuple]:
        """The zones as a plain dict ``{zone: codes}``."""
        return dict(self.items())

    def _summary(self) -> list[tuple[str | Message, Any]]:
        return [(f"loyalty.zone.{z}", getattr(self, z)) for z in ZONES] + [("loyalty.zones.basis", self.basis)]


@keyword_only(1, "satisfaction")
def loyalty_zones(data: pd.DataFrame | None = None, *, satisfaction: str | None = None,
                  scale: str | Scale | None = None, zones: Mapping[str, Sequence] | None = None) -> LoyaltyZones:
    """Which satisfaction codes fall in the zones of defection, indifference and affection.

    Default split (Jones & Sasser 1995, on a 5-point scale 1-2 | 3-4 | 5):
    codes in the bottom 40% of the scale range defect, the top code alone is
    affection, the rest is indifference. The range comes from ``scale`` when
    given, else from the codes observed in ``data[satisfaction]``.

    Parameters
    ----------
    data : pandas.DataFrame, optional
        Survey answers; needed only when neither ``scale`` nor ``zones`` is given.
    satisfaction : str, optional
        Column of ``data`` whose observed codes define the range when no ``scale`` is given.
    scale : str or Scale, optional
        Scale name (``"satisfaction5"``, ``"nps11"`` ...) or a :class:`~csat_lab.scales.Scale`.
    zones : mapping, optional
        Explicit ``{"defection": codes, "indifference": codes, "affection": codes}``;
        a zone left out is empty. Checked, then returned as given.

    Returns
    -------
    LoyaltyZones
        A mapping zone -> tuple of codes (``zones["affection"]``, ``dict(zones)``),
        with ``basis`` saying where the split comes from.

    Raises
    ------
    CsatInputError
        An unknown zone name, a code in two zones, or none of scale, zones and data with a column.

    Notes
    -----
    On a scale running from ``v_min`` to ``v_max`` a code ``v`` is in the zone
    of defection when ``v <= v_min + 0.4 (v_max - v_min)``, in the zone of
    affection when ``v = v_max``, and in the zone of indifference otherwise
    (Jones & Sasser 1995; Heskett et al. 1994).

    References
    ----------
    Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.
    Heskett, J. L., Jones, T. O., Loveman, G. W., Sasser, W. E. & Schlesinger,
    L. A. (1994). Putting the service-profit chain to work. Harvard Business
    Review, 72(2), 164-174.

    Examples
    --------
    >>> loyalty_zones(scale="nps11")["defection"]
    (0, 1, 2, 3, 4)
    >>> dict(loyalty_zones(zones={"affection": [5], "defection": [1]}))
    {'defection': (1,), 'indifference': (), 'affection': (5,)}
    """
    if zones is not None:
        split, basis = _check_zones(zones), Message("value.zones.given")
    elif scale is not None:
        spec = get_scale(scale)
        title = f"scale.{spec.name}.title"  # the scale by its name ("Satisfaction (5-point)"), not its code
        split, basis = _default_zones(spec.values), Message("value.zones.scale",
                                                             scale=Message(title) if has_label(title) else spec.name)
    elif data is None or satisfaction is None:
        raise CsatInputError("give a scale name, explicit zones, or data with a satisfaction column")
    else:
        frame, _, _ = numeric_frame(data, [satisfaction])
        codes = np.unique(frame[satisfaction])
        split = _default_zones([int(c) if c == int(c) else c for c in codes])
        basis = Message("value.zones.observed", column=Name(str(satisfaction)))
    return LoyaltyZones(**split, basis=basis)


@dataclasses.dataclass(frozen=True)
class LoyaltyCurveResult(LegacyAttrs, TableResult):
    """The loyalty curve: predicted loyalty at each satisfaction level, with CI and zone.

    Returned by :func:`loyalty_curve`. It answers the DataFrame operations of
    its ``table`` (``result["estimate"]``, ``result.loc[...]``, ``len(result)``),
    so code written for the old DataFrame keeps working.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per satisfaction level: ``level``, ``n``, ``observed`` (mean
        loyalty), ``estimate`` (predicted loyalty), ``se``, ``ci_low``,
        ``ci_high``, ``zone`` (key) and ``zone_label`` (message).
    kind : str
        ``"ols"``, ``"logit"`` or ``"ordinal"``: the regression behind the curve.
    satisfaction : str
        The satisfaction column.
    loyalty : str
        The loyalty column.
    zones : LoyaltyZones
        The zones the levels were tagged with.
    n : int
        Complete rows used.
    n_dropped : int
        Rows removed listwise for missing values.
    dropped : dict
        Reason (message naming the columns) -> rows removed.
    ci_level : float
        Confidence level of ``ci_low`` / ``ci_high`` (the ``ci=`` passed).
    ci_method : Message
        How the intervals were made.
    estimate : pandas.Series
        Property: the ``estimate`` column, predicted loyalty by level.
    """

    table: pd.DataFrame
    kind: str
    satisfaction: str
    loyalty: str
    zones: LoyaltyZones
    n: int
    n_dropped: int
    dropped: dict
    ci_level: float
    ci_method: str

    _LEGACY_ATTRS: ClassVar[dict[str, str]] = {"kind": "kind", "n": "n", "n_dropped": "n_dropped", "dropped": "dropped", "ci": "ci_level",
                     "ci_method": "ci_method", "satisfaction": "satisfaction", "loyalty": "loyalty"}

    @property
    def estimate(self) -> pd.Series:
        """Predicted loyalty at each satisfaction level (the ``estimate`` column)."""
        return self.table["estimate"]

    def _level_kind(self) -> str:
        # Loyalty as a yes/no (a logit, or OLS on 0/1 answers) is a share, shown as percent; else a score.
        observed = self.table["observed"].dropna()
        return "share" if self.kind == "logit" or bool(observed.between(0, 1).all()) else "score"

    def _column_kinds(self) -> dict[str, str]:
        kind = self._level_kind()
        return {"n": "count", "observed": kind, "estimate": kind, "se": "coef", "ci_low": kind, "ci_high": kind}

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The curve with CI bars and zones shaded (:func:`csat_lab.plots.loyalty.loyalty_curve_plot`)."""
        from ..plots.loyalty import loyalty_curve_plot

        return loyalty_curve_plot(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str | Message, Any]]:
        rows: list[tuple[str | Message, Any]] = [
            ("loyalty.model", Message(f"value.model.{self.kind}")),
            ("loyalty.satisfaction", display_name(self.satisfaction)),
            ("loyalty.loyalty", display_name(self.loyalty)), ("result.n", self.n), ("result.n_dropped", self.n_dropped),
            ("result.dropped_reasons", self.dropped), ("loyalty.ci_level", self.ci_level),
            ("result.method", self.ci_method)]
        kind = self._level_kind()
        rows += [(Message("loyalty.level_row", level=str(level)), float(est), kind)
                 for level, est in self.table[["level", "estimate"]].itertuples(index=False)]
        return rows


@keyword_only(1, "satisfaction", "loyalty")
@shared_docs
def loyalty_curve(data: pd.DataFrame, *, satisfaction: str, loyalty: str, kind: str = "ols",
                  controls: Sequence[str] | None = None, scale: str | None = None,
                  zones: Mapping[str, Sequence] | None = None, ci: float = 0.95) -> LoyaltyCurveResult:
    """Predicted loyalty at each satisfaction level, with CI and zone: the loyalty curve.

    Fits :func:`loyalty_regression` with satisfaction as dummy levels,
    ``loyalty ~ C(satisfaction)``, so the estimate at level ``k`` is
    ``E[loyalty | satisfaction = k]`` and the curve may bend, and tags each
    level with its zone (:func:`loyalty_zones`): the flat zone of indifference
    and the steep rise to complete satisfaction of Jones & Sasser (1995).

    Parameters
    ----------
    @{data}
    satisfaction : str
        Satisfaction column (numeric codes, e.g. 1-5).
    loyalty : str
        Loyalty column: intention score (ols), yes/no (logit), ordered codes (ordinal).
    kind : {"ols", "logit", "ordinal"}, default "ols"
        The regression, as in :func:`loyalty_regression`.
    controls : list of str, optional
        Numeric covariates; predictions hold them at their mean.
    scale : str, optional
        Name of the satisfaction scale (e.g. ``"satisfaction5"``): validates
        the codes and sets the range the default zones split.
    zones : mapping, optional
        Explicit zones, see :func:`loyalty_zones`.
    @{ci}

    Returns
    -------
    LoyaltyCurveResult
        ``table`` with ``level``, ``n``, ``observed``, ``estimate``, ``se``,
        ``ci_low``, ``ci_high``, ``zone`` (key) and ``zone_label`` (message),
        and the fit's ``kind``, ``n``, ``n_dropped``, ``dropped``,
        ``ci_level``, ``ci_method`` and ``zones``.

    Notes
    -----
    The estimate at level ``k`` is the prediction of
    ``loyalty ~ C(satisfaction)``: for OLS the mean loyalty at ``k``, for
    logit ``P(loyal | S = k)``, for the ordinal model ``E[Y | S = k]``; the
    intervals are those of :func:`loyalty_regression`. Zones follow
    :func:`loyalty_zones` (Jones & Sasser 1995; Heskett et al. 1994).

    References
    ----------
    Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.

    Examples
    --------
    >>> df = pd.DataFrame({"sat": [1, 2, 3, 4, 5] * 4,
    ...                    "rebuy": [0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 1]})
    >>> curve = loyalty_curve(df, satisfaction="sat", loyalty="rebuy", scale="satisfaction5")
    >>> curve[["level", "estimate", "zone"]]
       level  estimate          zone
    0      1      0.00     defection
    1      2      0.25     defection
    2      3      0.25  indifference
    3      4      0.50  indifference
    4      5      1.00     affection
    """
    model = loyalty_regression(data, satisfaction=satisfaction, loyalty=loyalty, kind=kind, as_levels=True,
                               controls=controls, scale=scale, ci=ci)
    table = model.predicted.copy()
    split = loyalty_zones(data, satisfaction=satisfaction, scale=scale, zones=zones)
    zone_of = {code: z for z, codes in split.items() for code in codes}
    table["zone"] = [zone_of.get(v, "") for v in table["level"]]
    table["zone_label"] = message_column((Message(f"loyalty.zone.{z}") if z else "" for z in table["zone"]), table.index)
    return LoyaltyCurveResult(table=table, kind=kind, satisfaction=satisfaction, loyalty=loyalty, zones=split,
                              n=model.n, n_dropped=model.n_dropped, dropped=model.dropped, ci_level=model.ci_level,
                              ci_method=model.ci_method)


@dataclasses.dataclass(frozen=True)
class LoyaltyRatio(Result):
    """Loyalty of the top box relative to the second box (Jones & Sasser's "six times").

    Attributes
    ----------
    ratio : float
        Loyalty of the top box over loyalty of the second box.
    ci : tuple of float
        ``(low, high)`` confidence interval of ``ratio`` (log-ratio interval, always positive).
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    ci_method : Message
        Katz et al.'s log risk-ratio interval (proportions) or the delta method on the log ratio of means.
    measure : Message
        What was compared: the proportion loyal or the mean loyalty score.
    top : tuple
        Satisfaction codes of the top box.
    second : tuple
        Satisfaction codes of the second box.
    top_loyalty : float
        Proportion loyal (or mean loyalty) in the top box.
    second_loyalty : float
        Proportion loyal (or mean loyalty) in the second box.
    n_top : int
        Respondents in the top box.
    n_second : int
        Respondents in the second box.
    n : int
        Complete rows used (all satisfaction codes).
    n_dropped : int
        Rows removed listwise for missing values.
    dropped : dict
        Reason (message naming the columns) -> rows removed.
    estimate : float
        Property: ``ratio``.
    """

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
        level = "share" if self.measure.key == "value.measure.proportion" else "score"
        return [("loyalty.ratio", self.ratio), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("loyalty.measure", self.measure), ("loyalty.top_loyalty", self.top_loyalty, level),
                ("loyalty.second_loyalty", self.second_loyalty, level), ("loyalty.n_top", self.n_top),
                ("loyalty.n_second", self.n_second), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped)]

    @property
    def estimate(self) -> float:
        """The ratio, top box over second box."""
        return self.ratio


def _codes(value: object) -> tuple:
    return tuple(value) if isinstance(value, (list, tuple, set, np.ndarray)) else (value,)


@keyword_only(1, "satisfaction", "loyalty")
@shared_docs
def top_box_loyalty_ratio(data: pd.DataFrame, *, satisfaction: str, loyalty: str, top: Any = None,
                          second: Any = None, loyal_min: float | None = None, scale: str | None = None,
                          ci: float = 0.95) -> LoyaltyRatio:
    """How many times as loyal the top box is as the second box, with a CI.

    With a yes/no loyalty column (or ``loyal_min``) the ratio compares the
    proportions loyal; with a loyalty score, the mean scores. Jones & Sasser
    (1995) report ratios near 6 for competitive markets.

    Parameters
    ----------
    @{data}
    satisfaction : str
        Satisfaction column (numeric codes).
    loyalty : str
        Loyalty column: yes/no (bool or 0/1) or a positive loyalty score.
    top, second : code or list of codes, optional
        Satisfaction codes of the two groups; default the highest and the
        second-highest code (of ``scale`` when given, else observed).
    loyal_min : float, optional
        Threshold turning a loyalty score into loyal yes/no (scores at or above it are loyal).
    scale : str, optional
        Satisfaction scale name.
    @{ci}

    Returns
    -------
    LoyaltyRatio
        ``ratio`` with its ``ci``, ``ci_level`` and ``ci_method``, the loyalty
        and size of each box, and the rows dropped.

    Raises
    ------
    CsatInputError
        Overlapping boxes, fewer than 2 respondents in a box, no loyal customer
        in a box, or a mean ratio of non-positive scores.

    Notes
    -----
    With a yes/no loyalty column (or ``loyal_min`` to call scores at or above
    it loyal) the ratio is of proportions loyal, ``R = p_1 / p_2``, and the CI
    is the log-ratio interval of Katz et al. (1978):

    .. math:: \\log R \\pm z \\sqrt{\\tfrac{1}{x_1} - \\tfrac{1}{n_1} + \\tfrac{1}{x_2} - \\tfrac{1}{n_2}}

    Otherwise the ratio is of mean loyalty scores, with the delta-method
    interval on the log scale, ``se^2 = s_1^2/(n_1 m_1^2) + s_2^2/(n_2 m_2^2)``.
    Working on ``log R`` keeps the interval positive and asymmetric, as a ratio's
    should be. Here ``x_i`` of the ``n_i`` customers in box ``i`` are loyal,
    ``m_i`` and ``s_i^2`` are the mean and sample variance of their scores,
    and ``z`` is the standard normal quantile of ``ci``.

    References
    ----------
    Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.
    Katz, D., Baptista, J., Azen, S. P. & Pike, M. C. (1978). Obtaining
    confidence intervals for the risk ratio in cohort studies. Biometrics,
    34(3), 469-474.

    Examples
    --------
    >>> df = pd.DataFrame({"sat": [5] * 10 + [4] * 20, "rebuy": [1] * 6 + [0] * 4 + [1] * 2 + [0] * 18})
    >>> res = top_box_loyalty_ratio(df, satisfaction="sat", loyalty="rebuy")
    >>> round(res.ratio, 2), tuple(round(v, 2) for v in res.ci)
    (6.0, (1.47, 24.55))
    """
    from scipy import stats

    ci = probability(ci, "ci")
    frame, n_dropped, dropped = numeric_frame(data, [satisfaction, loyalty])
    sat, loy = frame[satisfaction].to_numpy(), frame[loyalty].to_numpy()
    levels = list(get_scale(scale).values) if scale is not None else sorted(np.unique(sat))
    if len(levels) < 2 and (top is None or second is None):
        raise CsatInputError(f"satisfaction column {satisfaction!r} has a single level "
                             f"({', '.join(f'{v:g}' for v in levels)}); a top and a second box need two - "
                             "pass top= and second=")
    top = _codes(top if top is not None else levels[-1])
    second = _codes(second if second is not None else levels[-2])
    if set(top) & set(second):
        raise CsatInputError(f"top {top} and second {second} share codes; the groups must not overlap")
    in_top, in_second = np.isin(sat, top), np.isin(sat, second)
    for name, mask, codes in (("top", in_top, top), ("second", in_second, second)):
        if mask.sum() < 2:
            raise CsatInputError(f"only {int(mask.sum())} respondents have satisfaction {codes} ({name} box); "
                                 f"codes present are {', '.join(f'{v:g}' for v in np.unique(sat))}")
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
