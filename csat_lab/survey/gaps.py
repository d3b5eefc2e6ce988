"""Satisfaction as the gap between expectation and perception.

The course defines satisfaction as the attitude formed by comparing what the
customer expected with what they perceived (expectation-disconfirmation;
Oliver, 1980). Perceived performance also counts directly, whatever was
expected (Churchill & Surprenant, 1982). :func:`disconfirmation` turns one or
many expectation / perception pairs into the gap, the two parts of
satisfaction (the level the gap implies and the perceived performance) and one
of the five satisfaction levels; :func:`gap_scores` gives SERVQUAL-style item
and dimension gaps with paired confidence intervals (Parasuraman, Zeithaml &
Berry, 1988).

Examples
--------
>>> from csat_lab.survey import disconfirmation
>>> disconfirmation(4, 5).level
5
>>> disconfirmation(1, 1).level  # a poor service that was expected is not "satisfied"
3
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import scales
from .._core.docstrings import shared_docs
from .._core.intervals import t_value, two_sided_p_t
from .._core.results import Result, message_column
from .._core.validate import as_numeric, boolean_rows, probability, require_frame
from ..errors import CsatInputError
from ..i18n import Message

__all__ = ["DisconfirmationResult", "GapResult", "disconfirmation", "gap_scores"]


@dataclass(frozen=True)
class DisconfirmationResult(Result):
    """Gap ``perception - expectation``, the two parts of satisfaction, and the level they give.

    ``gap``, ``level``, ``label``, ``gap_part``, ``performance_part`` and
    ``score`` are scalars for one pair and Series for many (missing pairs stay
    missing and are counted in ``n_dropped``).

    Attributes
    ----------
    expectation : float or pandas.Series
        What was expected, on ``scale``.
    perception : float or pandas.Series
        What was perceived, on ``scale``.
    gap : float or pandas.Series
        ``perception - expectation``.
    level : int or pandas.Series
        Satisfaction level, a satisfaction5 code 1..5: ``score`` rounded to the
        nearest level (halves up).
    label : Message or pandas.Series
        The level's name (a message shown in the current language).
    scale : str
        Name of the scale both were answered on.
    tolerance : float
        Half-width of the "expectations met" zone.
    step : float
        Width of each level of shortfall.
    n : int
        Pairs with both sides answered.
    n_dropped : int
        Pairs with a missing side.
    dropped : dict
        Reason (a message) -> number of pairs dropped for it.
    gap_part : float or pandas.Series
        The disconfirmation part: the level 1..5 the gap alone implies
        (5 exceeded, 4 met, 3 to 1 by shortfall).
    performance_part : float or pandas.Series
        The performance part: the perception placed on the five levels,
        ``1 + 4 (perception - low) / (high - low)`` (the perception itself on a
        5-point scale).
    score : float or pandas.Series
        ``(1 - performance_weight) * gap_part + performance_weight * performance_part``.
    performance_weight : float
        Weight of the performance part, 0..1 (0: the gap alone sets the level).
    estimate : float
        The headline number: the gap of one pair, or the mean gap over the answered pairs.
    """

    expectation: Any
    perception: Any
    gap: Any
    level: Any
    label: Any
    scale: str
    tolerance: float
    step: float
    n: int
    n_dropped: int
    dropped: dict
    gap_part: Any = None
    performance_part: Any = None
    score: Any = None
    performance_weight: float = 0.0

    @property
    def estimate(self) -> float:
        """The gap of one pair, or the mean gap of many (missing pairs left out)."""
        return float(self.gap.mean()) if isinstance(self.gap, pd.Series) else float(self.gap)

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Expectation and perception bars of one pair (:func:`csat_lab.plots.survey.disconfirmation_bars`)."""
        from ..plots.survey import disconfirmation_bars

        return disconfirmation_bars(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        if isinstance(self.gap, pd.Series):
            dist = self.level.value_counts().sort_index()
            counts = {Message(f"scale.satisfaction5.{int(k)}"): int(v) for k, v in dist.items()}
            mean_score = round(float(self.score.mean()), 3) if isinstance(self.score, pd.Series) else None
            return [("survey.mean_gap", round(float(self.gap.mean()), 3)),
                    ("survey.performance_weight", self.performance_weight), ("survey.mean_score", mean_score),
                    ("survey.level_counts", counts),
                    ("result.n", self.n), ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]
        return [("survey.expectation", self.expectation), ("survey.perception", self.perception),
                ("survey.gap", self.gap), ("survey.gap_part", self.gap_part),
                ("survey.performance_part", self.performance_part),
                ("survey.performance_weight", self.performance_weight), ("survey.score", self.score),
                ("survey.level", self.label)]


def _levels(gap: np.ndarray, tolerance: float, step: float) -> np.ndarray:
    # Exceeding expectations delights (5), meeting them satisfies (4); each
    # further ``step`` of shortfall drops one level, down to 1.
    shortfall = -(gap + tolerance)
    below = np.clip(np.ceil(shortfall / step), 0, 3)
    level = np.where(gap > tolerance, 5.0, np.where(gap >= -tolerance, 4.0, 4.0 - below))
    return np.where(np.isnan(gap), np.nan, level)


def _nearest_level(score: np.ndarray) -> np.ndarray:
    # Round to the nearest level, halves up; the score is first rounded to 9 decimals so that
    # 0.6 * 4 + 0.4 * 1 = 2.8000000000000003 and a half computed as 2.4999999999999996 land where
    # the arithmetic on paper puts them.
    return np.where(np.isnan(score), np.nan, np.clip(np.floor(np.round(score, 9) + 0.5), 1, 5))


def disconfirmation(expectation: object, perception: object, *, scale: "str | scales.Scale" = "satisfaction5",
                    tolerance: float = 0.0, step: float | None = None,
                    performance_weight: float = 0.4) -> DisconfirmationResult:
    """Expectation-disconfirmation with the direct effect of performance: the gap, both parts, the level.

    Parameters
    ----------
    expectation : number or array-like
        What the customer expected, on ``scale`` (fractions such as item means allowed).
    perception : number or array-like
        What the customer perceived, of the same length as ``expectation``.
    scale : str or Scale, default "satisfaction5"
        The scale both are answered on, a name or a :class:`~csat_lab.scales.Scale`.
    tolerance : float, default 0
        Half-width (>= 0) of the "expectations met" zone.
    step : float, optional
        Width (> 0) of each level of shortfall; default a quarter of the
        scale's range (one point on a 5-point scale).
    performance_weight : float, default 0.4
        Weight ``w`` (0 to 1) of the perceived performance beside the gap.
        0 gives the pure gap reading (the level the gap implies, as the
        course's definition reads); 1 gives performance alone (what
        Churchill & Surprenant found for their durable product). See Notes
        for the default.

    Returns
    -------
    DisconfirmationResult
        The gap, the disconfirmation part, the performance part, the score,
        the level and its label: scalars for one pair, Series for many.

    Notes
    -----
    ``gap = perception - expectation``. The **disconfirmation part** ``D`` is
    the course's reading of Oliver (1980): ``gap > tolerance`` means
    expectations were exceeded (``D = 5``); ``|gap| <= tolerance`` means they
    were met (``D = 4``); a shortfall ``s = -(gap + tolerance) > 0`` gives
    ``D = 4 - min(ceil(s / step), 3)``: 3 up to one step, 2 up to two, 1
    beyond. The **performance part** ``Q`` places the perception on the five
    levels, ``Q = 1 + 4 (perception - low) / (high - low)`` (on a 5-point scale
    ``Q`` is the perception). Then

    ``score = (1 - w) D + w Q`` and ``level = floor(score + 0.5)`` (nearest level, halves up).

    Churchill & Surprenant (1982) found that perceived performance affects
    satisfaction directly, not only through the gap: for their durable
    product (a video disc player) performance alone explained satisfaction,
    for their non-durable one (a plant) expectations, performance and
    disconfirmation all did. The right weight therefore depends on the
    product and is an empirical question; the default ``w = 0.4`` is a
    teaching choice, not an estimate: the gap keeps the larger share (the
    definition the course starts from), and performance weighs enough that a
    poor service that merely meets a low expectation is no longer "satisfied"
    (expected 1, perceived 1: ``0.6 x 4 + 0.4 x 1 = 2.8`` -> level 3). With
    answers in whole points on a 5-point scale no score falls on a half, and
    (with ``tolerance=0``) every pair with an expectation of 3 or more keeps
    the level of the pure gap reading (``performance_weight=0``, the results
    of earlier versions):
    the direct effect of performance changes the verdict where expectations
    were low.

    References
    ----------
    Oliver, R. L. (1980). A cognitive model of the antecedents and consequences of satisfaction decisions.
    *Journal of Marketing Research*, 17(4).

    Churchill, G. A., & Surprenant, C. (1982). An investigation into the determinants of customer
    satisfaction. *Journal of Marketing Research*, 19(4).

    Examples
    --------
    >>> r = disconfirmation(5, 3)  # D = 2 (two points short), Q = 3: 0.6 x 2 + 0.4 x 3 = 2.4
    >>> r.gap, r.gap_part, r.performance_part, round(r.score, 2), r.level, r.label
    (-2.0, 2.0, 3.0, 2.4, 2, 'Dissatisfied')
    >>> disconfirmation([3, 4, 5], [5, 4, 4]).level.tolist()
    [5.0, 4.0, 3.0]
    >>> low = disconfirmation(1, 1)  # met, but at the bottom: 0.6 x 4 + 0.4 x 1 = 2.8
    >>> round(low.score, 2), low.label
    (2.8, 'Neutral (basically satisfied)')
    >>> disconfirmation(1, 1, performance_weight=0).label  # the gap alone
    'Satisfied'
    >>> disconfirmation(4.5, 3.2).level  # item means, 1.3 short: 0.6 x 2 + 0.4 x 3.2 = 2.48
    2
    """
    sc = scales.get(scale)
    step = (sc.high - sc.low) / 4 if step is None else step
    for name, value in (("tolerance", tolerance), ("step", step), ("performance_weight", performance_weight)):
        if (isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer, np.floating))
                or not np.isfinite(value)):
            raise CsatInputError(f"{name} must be a finite number, got {value!r}")
    if tolerance < 0 or step <= 0:
        raise CsatInputError(f"tolerance must be >= 0 and step > 0; got tolerance={tolerance!r}, step={step!r}")
    if not 0 <= performance_weight <= 1:
        raise CsatInputError(f"performance_weight must lie between 0 (the gap alone) and 1 (performance alone); "
                             f"got {performance_weight!r}")
    w = float(performance_weight)
    scalar = np.isscalar(expectation) and np.isscalar(perception)
    e = _in_range(pd.Series([expectation] if scalar else _series(expectation, "expectation")), sc, "expectation")
    p = _in_range(pd.Series([perception] if scalar else _series(perception, "perception")), sc, "perception")
    if len(e) != len(p):
        raise CsatInputError(f"expectation has {len(e)} values but perception has {len(p)}")
    if len(e) == 0:
        raise CsatInputError("expectation and perception are empty")
    e.index = p.index
    gap = p - e
    n_missing = int(gap.isna().sum())
    if n_missing == len(gap):
        raise CsatInputError("every expectation/perception pair has a missing value")
    gap_part = pd.Series(_levels(gap.to_numpy(), float(tolerance), float(step)), index=gap.index)
    performance_part = (1.0 + 4.0 * (p - sc.low) / (sc.high - sc.low)).where(gap.notna())
    score = (1.0 - w) * gap_part + w * performance_part
    level = pd.Series(_nearest_level(score.to_numpy(dtype=float)), index=gap.index)
    text = message_column((Message(f"scale.satisfaction5.{int(v)}") if v == v else None for v in level), level.index)
    dropped = {Message("value.reason.missing_pair"): n_missing} if n_missing else {}
    if scalar:
        return DisconfirmationResult(float(e.iloc[0]), float(p.iloc[0]), float(gap.iloc[0]), int(level.iloc[0]),
                                     text.iloc[0], sc.name, float(tolerance), float(step), 1, 0, {},
                                     float(gap_part.iloc[0]), float(performance_part.iloc[0]),
                                     float(score.iloc[0]), w)
    return DisconfirmationResult(e, p, gap.rename("gap"), level.rename("level"), text.rename("label"), sc.name,
                                 float(tolerance), float(step), len(gap) - n_missing, n_missing, dropped,
                                 gap_part.rename("gap_part"), performance_part.rename("performance_part"),
                                 score.rename("score"), w)


def _no_booleans(values: pd.Series, name: str) -> None:
    """True/False are not answers: read as 1/0 they would silently become scores."""
    flags = boolean_rows(values)
    if flags.any():
        raise CsatInputError(f"{name} holds True/False values at rows {list(values.index[flags][:5])}; "
                             f"expected numbers (answers or item means)")


def _in_range(values: pd.Series, sc: scales.Scale, name: str) -> pd.Series:
    """Numbers within the scale's range; fractions are allowed (means of several items)."""
    _no_booleans(values, name)
    num = as_numeric(values, name)
    off = num.notna() & ((num < sc.low) | (num > sc.high))
    if off.any():
        raise CsatInputError(f"{name}: values outside scale {sc.name!r} ({sc.low}..{sc.high}) at rows "
                             f"{list(num.index[off][:5])} (e.g. {num[off].iloc[0]:g})")
    return num


def _series(values: object, name: str) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.reset_index(drop=True)
    if isinstance(values, pd.DataFrame) or np.ndim(values) != 1:
        raise CsatInputError(f"{name} must be a number or a one-dimensional sequence of answers")
    return pd.Series(list(values))


@dataclass(frozen=True)
class GapResult(Result):
    """Item (and dimension) gaps ``perception - expectation`` with paired t intervals.

    Attributes
    ----------
    gap : float
        Overall gap: the mean over respondents who answered every item of their mean item gap.
    ci : tuple of float
        ``(low, high)`` paired t interval of ``gap``.
    ci_method : Message
        How the interval was computed (paired t).
    ci_level : float
        Confidence level of every interval (the ``ci=`` passed).
    n : int
        Respondents who answered every item on both sides.
    n_dropped : int
        Respondents left out of the overall gap.
    dropped : dict
        Reason (a message) -> number of respondents dropped for it.
    table : pandas.DataFrame
        One row per item and dimension: ``name, kind, expectation, perception, gap,
        ci_low, ci_high, t, p_value, n, n_dropped``.
    estimate : float
        The headline number, the same as ``gap``.
    """

    gap: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float
    n: int
    n_dropped: int
    dropped: dict
    table: pd.DataFrame

    @property
    def estimate(self) -> float:
        """The overall gap (same as ``gap``)."""
        return self.gap

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Bars of the gap per item and dimension with CIs (:func:`csat_lab.plots.survey.gap_chart`)."""
        from ..plots.survey import gap_chart

        return gap_chart(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("survey.mean_gap", round(self.gap, 3)), ("result.ci", self.ci), ("result.method", self.ci_method),
                ("result.n", self.n), ("result.n_dropped", self.n_dropped), ("result.dropped_reasons", self.dropped)]


def _paired(d: np.ndarray, ci: float) -> tuple[float, float, float, float, float]:
    n = d.shape[0]
    mean = float(d.mean())
    sd = float(d.std(ddof=1))
    if not sd > 0:  # every respondent has the same gap: the interval is that point, the test its limit
        return mean, mean, mean, (0.0 if mean == 0 else float(np.copysign(np.inf, mean))), (1.0 if mean == 0 else 0.0)
    se = sd / np.sqrt(n)
    half = t_value(ci, n - 1) * se
    t = mean / se
    return mean, mean - half, mean + half, t, two_sided_p_t(t, n - 1)


@shared_docs
def gap_scores(expectation: pd.DataFrame, perception: pd.DataFrame, *, dimensions: dict[str, list[str]] | None = None,
               scale: "str | scales.Scale | None" = None, ci: float = 0.95) -> GapResult:
    """SERVQUAL gap scores: mean ``P - E`` per item and dimension with paired t tests.

    Parameters
    ----------
    expectation : pandas.DataFrame
        Expectation answers, one row per respondent, one column per item.
    perception : pandas.DataFrame
        Perception answers with the same item columns and rows as ``expectation``.
    dimensions : dict of str to list of str, optional
        Dimension -> its item columns (e.g. SERVQUAL's tangibles, reliability,
        responsiveness, assurance, empathy); each dimension gets a row too.
    scale : str or Scale, optional
        Scale to validate the answers against; without one, any numbers are accepted.
    @{ci}

    Returns
    -------
    GapResult
        The overall gap with its interval, and the item/dimension table.

    Notes
    -----
    For item ``j`` and respondent ``i``, ``d_ij = P_ij - E_ij``; the item gap
    is ``mean_i d_ij`` with interval ``mean +- t_{n-1} sd(d) / sqrt(n)`` and
    test ``t = mean / (sd(d) / sqrt(n))`` (paired t). A dimension's gap
    averages its items per respondent first. Pairs with a missing side are
    dropped per item; the overall gap uses respondents who answered every
    item. When every respondent has the same gap (``sd(d) = 0``) the interval
    is that point and the test its limit: ``t = 0, p = 1`` for a gap of 0,
    ``t = +-inf, p = 0`` otherwise. Answers of extreme magnitude are divided
    by their largest absolute value before subtracting (so ``1e308 - (-1e308)``
    does not overflow); results are given back in the answers' units.

    References
    ----------
    Parasuraman, A., Zeithaml, V. A., & Berry, L. L. (1988). SERVQUAL: A multiple-item scale for measuring
    consumer perceptions of service quality. *Journal of Retailing*, 64(1).

    Examples
    --------
    >>> e = pd.DataFrame({"speed": [5, 4, 5, 4], "price": [3, 3, 4, 2]})
    >>> p = pd.DataFrame({"speed": [3, 4, 4, 2], "price": [4, 3, 4, 3]})
    >>> r = gap_scores(e, p)
    >>> r.table["gap"].tolist()
    [-1.25, 0.5]
    >>> r.estimate
    -0.375
    """
    e = require_frame(expectation, "expectation")
    p = require_frame(perception, "perception")
    ci = probability(ci)
    if list(e.columns) != list(p.columns):
        raise CsatInputError(f"expectation and perception need the same columns; got {list(e.columns)} and {list(p.columns)}")
    if e.shape[0] != p.shape[0]:
        raise CsatInputError(f"expectation has {e.shape[0]} rows but perception has {p.shape[0]}")
    duplicated = sorted({str(c) for c in e.columns[e.columns.duplicated()]})
    if duplicated:
        raise CsatInputError(f"item columns must be unique; {duplicated} appear more than once")
    sc = scales.get(scale) if scale is not None else None
    def num(frame: pd.DataFrame, c: str, what: str) -> np.ndarray:
        col = frame[c].reset_index(drop=True)
        _no_booleans(col, f"{what} {c!r}")
        values = (sc.validate(col, f"{what} {c}") if sc else as_numeric(col, f"{what} {c}")).to_numpy()
        infinite = np.isinf(values)
        if infinite.any():
            raise CsatInputError(f"{what} {c!r} holds infinite values at rows {list(frame.index[infinite][:5])}")
        return values

    E = np.column_stack([num(e, c, "expectation") for c in e.columns])
    P = np.column_stack([num(p, c, "perception") for c in e.columns])
    with np.errstate(invalid="ignore"):
        top = float(np.nanmax(np.abs(np.concatenate([E.ravel(), P.ravel()])), initial=0.0))
    factor = top if top > 1e100 or 0 < top < 1e-100 else 1.0
    E, P = E / factor, P / factor
    D = P - E

    def back(value: float) -> float:
        """A gap in scaled units back in the answers' units (inf when it leaves the float range; checked below)."""
        with np.errstate(over="ignore"):
            return float(np.float64(value) * factor)

    rows = []
    groups = {c: [c] for c in e.columns}
    kinds = {c: "item" for c in e.columns}
    if dimensions is not None and not isinstance(dimensions, dict):
        raise CsatInputError(f"dimensions must be a dict of dimension -> list of item columns, got {dimensions!r}")
    for dim, items in (dimensions or {}).items():
        if isinstance(items, str) or not hasattr(items, "__iter__"):
            raise CsatInputError(f"dimension {dim!r} must list its item columns, e.g. [{items!r}]; got {items!r}")
        unknown = [i for i in items if i not in e.columns]
        if unknown or not items:
            raise CsatInputError(f"dimension {dim!r} names unknown items {unknown}; items are: {', '.join(map(str, e.columns))}")
        groups[dim], kinds[dim] = list(items), "dimension"
    cols = {c: i for i, c in enumerate(e.columns)}
    for name, items in groups.items():
        idx = [cols[i] for i in items]
        complete = ~np.isnan(D[:, idx]).any(axis=1)
        if complete.sum() < 2:
            raise CsatInputError(f"{kinds[name]} {name!r} has {int(complete.sum())} complete pairs; at least 2 are needed")
        d = D[complete][:, idx].mean(axis=1)
        mean, lo, hi, t, pval = _paired(d, ci)
        rows.append({"name": name, "kind": kinds[name], "expectation": back(E[complete][:, idx].mean()),
                     "perception": back(P[complete][:, idx].mean()), "gap": back(mean),
                     "ci_low": back(lo), "ci_high": back(hi),
                     "t": t, "p_value": pval, "n": int(complete.sum()), "n_dropped": int((~complete).sum())})
    complete = ~np.isnan(D).any(axis=1)
    if complete.sum() < 2:
        raise CsatInputError(f"only {int(complete.sum())} respondents answered every item; at least 2 are needed")
    mean, lo, hi, _, _ = _paired(D[complete].mean(axis=1), ci)
    mean, lo, hi = back(mean), back(lo), back(hi)
    values = np.array([[r[k] for k in ("gap", "ci_low", "ci_high")] for r in rows] + [[mean, lo, hi]])
    if not np.isfinite(values).all():
        raise CsatInputError("the gaps exceed the floating-point range (answers near 1e308 on both sides); "
                             "divide the answers by a constant")
    n_drop = int((~complete).sum())
    return GapResult(mean, (lo, hi), Message("value.method.paired_t"), ci, int(complete.sum()), n_drop,
                     {Message("value.reason.missing_pair_item"): n_drop} if n_drop else {},
                     pd.DataFrame(rows))
