"""Comparisons of satisfaction scores between two groups, or between every group and a reference.

Each comparison works on the two groups' category counts: a difference of
two NPS values, of two shares (CSAT / top box) or of two means, with a
confidence interval for the difference and a two-sided test.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import scales
from .._core.intervals import newcombe_difference, t_value, two_sided_p_normal, two_sided_p_t, z_value
from .._core.deprecation import keyword_only
from .._core.docstrings import shared_docs
from .._core.results import Result, TableResult, message_column
from .._core.validate import one_of, probability, require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import Message, display_value, has_label
from .scores import _VARIANCES, _box_result, _kish, _nps_result
from .tally import Tally, nps_from_shares, tally

__all__ = ["Comparison", "GroupComparison", "compare_nps", "compare_proportions", "compare_means", "compare_groups"]


#: Number kinds (csat_lab.i18n.numbers) of a metric's level and of a difference between two groups.
METRIC_KINDS: dict[str, tuple[str, str]] = {
    "csat": ("share", "pp"), "top_box": ("share", "pp"), "bottom_box": ("share", "pp"), "share": ("share", "pp"),
    "nps": ("score:1", "score:1"), "mean": ("score", "score"), "ces": ("score", "score"),
}


@dataclass(frozen=True)
class Comparison(Result):
    """Difference ``a - b`` of one metric between two independent groups.

    Attributes
    ----------
    metric : str
        The metric compared: ``"nps"``, ``"csat"``, ``"top_box"``, ``"bottom_box"``, ``"mean"`` or ``"ces"``.
    difference : float
        ``estimate_a - estimate_b``.
    ci : tuple of float
        ``(low, high)`` confidence interval of the difference.
    ci_method : Message
        How the interval was computed.
    ci_level : float
        Confidence level of ``ci`` (the ``ci=`` passed).
    se : float
        Standard error of the difference (unpooled).
    statistic : float
        Test statistic: z for NPS, Welch's t for means; for shares the signed
        normal quantile ``z*`` at which the Newcombe interval touches 0
        (``p_value = 2 (1 - Phi(|z*|))``).
    df : float or None
        Welch-Satterthwaite degrees of freedom for means; None for z tests.
    p_value : float
        Two-sided p-value of the test of no difference.
    test : Message
        Which test was run.
    estimate_a, estimate_b : float
        The metric in group a and in group b.
    n_a, n_b : int
        Answers used in each group.
    n_dropped : int
        Answers dropped in both groups together.
    dropped : dict
        Reason (a message naming the group) -> number of answers dropped.
    estimate : float
        The headline number, the same as ``difference``.
    """

    metric: str
    difference: float
    ci: tuple[float, float]
    ci_method: Message
    ci_level: float
    se: float
    statistic: float
    df: float | None
    p_value: float
    test: Message
    estimate_a: float
    estimate_b: float
    n_a: int
    n_b: int
    n_dropped: int
    dropped: dict

    @property
    def estimate(self) -> float:
        """The difference ``a - b`` (same as ``difference``)."""
        return self.difference

    def _summary(self) -> list[tuple[str, Any]]:
        # A share is shown as percent and its difference in percentage points; an NPS or a mean as a score.
        level, diff = METRIC_KINDS.get(self.metric, ("number", "number"))
        metric = Message(f"metrics.{self.metric}") if has_label(f"metrics.{self.metric}") else self.metric
        return [("metrics.metric", metric), ("metrics.estimate_a", self.estimate_a, level),
                ("metrics.estimate_b", self.estimate_b, level), ("metrics.difference", self.difference, diff),
                ("result.ci", self.ci, diff), ("result.method", self.ci_method), ("metrics.test", self.test),
                ("metrics.statistic", self.statistic), ("metrics.p_value", self.p_value),
                ("metrics.n_a", self.n_a), ("metrics.n_b", self.n_b), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped)]


def _wilson_z(p: float, n: float, z: float) -> tuple[float, float]:
    """Wilson (1927) interval of ``p`` from ``n`` answers at normal quantile ``z`` (as in ``_core.intervals.wilson``)."""
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return min(p, max(0.0, centre - half)), max(p, min(1.0, centre + half))


def newcombe_p_value(pa: float, na: float, pb: float, nb: float) -> tuple[float, float]:
    """Two-sided p-value of ``pa = pb`` found by inverting Newcombe's hybrid score interval.

    The interval widens monotonically with the normal quantile ``z`` (each
    Wilson interval is the set ``{pi : |p - pi| <= z sqrt(pi (1 - pi) / n)}``,
    nested in ``z``), so there is one ``z*`` at which the bound nearer 0
    touches 0; ``p = 2 (1 - Phi(z*))``. Hence ``p < 1 - ci`` exactly when
    the ``ci`` interval excludes 0. Returns ``(signed z*, p)``.
    """
    d = pa - pb
    if d == 0:
        return 0.0, 1.0

    def bound(z: float) -> float:
        la, ua = _wilson_z(pa, na, z)
        lb, ub = _wilson_z(pb, nb, z)
        if d > 0:
            return d - math.sqrt((pa - la) ** 2 + (ub - pb) ** 2)
        return -(d + math.sqrt((ua - pa) ** 2 + (pb - lb) ** 2))

    from scipy.optimize import brentq

    high = 1.0
    while bound(high) > 0 and high < 1e6:  # at z -> inf the bound tends to -|d| - sqrt(...) < 0
        high *= 2
    z_star = brentq(bound, 0.0, high, xtol=1e-13, rtol=1e-15, maxiter=500)
    return float(math.copysign(z_star, d)), two_sided_p_normal(z_star)


def compare_tallies(a: Tally, b: Tally, metric: str, box: tuple[int, ...] | None, ci: float,
                    variance: str = "kish", names: tuple[str, str] = ("group a", "group b")) -> Comparison:
    """Compare two tallies on ``metric`` (internal engine of the public comparisons)."""
    dropped = ({Message("value.reason.group", group="a", reason=k): v for k, v in a.dropped.items()}
               | {Message("value.reason.group", group="b", reason=k): v for k, v in b.dropped.items()})
    common = (a.n, b.n, a.n_dropped + b.n_dropped, dropped)
    z = z_value(ci)
    weighted = a.weighted or b.weighted
    if metric == "nps":
        ea, se_a = nps_from_shares(a.share(tuple(range(9, 11))), a.share(tuple(range(0, 7))), a.n_effective)
        eb, se_b = nps_from_shares(b.share(tuple(range(9, 11))), b.share(tuple(range(0, 7))), b.n_effective)
        diff, se = ea - eb, float(np.hypot(se_a, se_b))
        if se == 0 and diff != 0:
            raise CsatInputError(
                f"every answer of {names[0]} and of {names[1]} falls in one NPS category (NPS {ea:g} and {eb:g}): the "
                f"normal interval of the difference has zero width and no test is possible; collect more answers "
                f"or compare the groups' own intervals (nps(..., method='adjusted_wald'))"
            )
        stat = diff / se if se > 0 else 0.0
        interval = (max(-200.0, diff - z * se), min(200.0, diff + z * se))
        return Comparison(metric, diff, interval, _kish(Message("value.method.normal_independent"), weighted), ci, se,
                          stat, None, two_sided_p_normal(stat), Message("value.test.z_nps"), ea, eb, *common)
    if box is not None:
        pa, pb = a.share(box), b.share(box)
        na, nb = a.n_effective, b.n_effective
        diff = pa - pb
        se = float(np.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb))
        interval = newcombe_difference(pa * na, na, pb * nb, nb, ci)
        stat, p_value = newcombe_p_value(pa, na, pb, nb)
        return Comparison(metric, diff, (float(interval[0]), float(interval[1])),
                          _kish(Message("value.method.newcombe_hybrid"), weighted), ci, se, stat, None, p_value,
                          Message("value.test.newcombe_inverted"), pa, pb, *common)
    ma, mb = a.mean(), b.mean()
    sa, sb = a.mean_se(variance), b.mean_se(variance)
    da, db = a.mean_df(variance), b.mean_df(variance)
    se = float(np.hypot(sa, sb))
    df = se**4 / (sa**4 / da + sb**4 / db) if se > 0 else a.n + b.n - 2.0
    diff = ma - mb
    if se == 0 and diff != 0:
        raise CsatInputError(
            f"every answer of {names[0]} is {ma:g} and every answer of {names[1]} is {mb:g}: both groups have zero "
            f"variance, so the difference has no standard error and no t test is possible"
        )
    half = t_value(ci, df) * se
    stat = diff / se if se > 0 else 0.0
    method = "welch_t_linearized" if variance == "linearization" else "welch_t"
    return Comparison(metric, diff, (diff - half, diff + half), Message(f"value.method.{method}"), ci, se, stat,
                      float(df), two_sided_p_t(stat, df), Message("value.test.welch_means"), ma, mb, *common)


@shared_docs
def compare_nps(a: object, b: object, *, weights_a: object = None, weights_b: object = None,
                ci: float = 0.95) -> Comparison:
    """Difference between the NPS of two independent groups (e.g. two waves).

    Parameters
    ----------
    a : array-like of int 0..10
        Group a's answers to "how likely are you to recommend"; missing answers are dropped.
    b : array-like of int 0..10
        Group b's answers.
    weights_a : array-like, optional
        Sampling weights of ``a``, one per answer; n becomes Kish's effective sample size.
    weights_b : array-like, optional
        Sampling weights of ``b``.
    @{ci}

    Returns
    -------
    Comparison
        ``difference = NPS_a - NPS_b`` with its interval and z test.

    Notes
    -----
    ``d = NPS_a - NPS_b``, ``se = sqrt(se_a^2 + se_b^2)`` with each
    ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``; ``z = d / se`` and the
    interval ``d +- z_{(1+ci)/2} se`` (normal approximation); test and
    interval share ``se``, so ``p < 1 - ci`` exactly when the interval
    excludes 0. When every answer of each group falls in one category
    (``se = 0``) and the scores differ, there is no test and an error says so.

    References
    ----------
    Rocks, B. (2016). Interval estimation for the "net promoter score". *The American Statistician*, 70(4).

    Examples
    --------
    >>> r = compare_nps([10, 10, 9, 8, 3, 9], [6, 7, 9, 5, 10, 2])
    >>> round(r.estimate, 2)
    66.67
    >>> r.test
    'z (difference of NPS)'
    """
    ci = probability(ci)
    return compare_tallies(tally(a, "nps11", weights_a, "a"), tally(b, "nps11", weights_b, "b"), "nps", None, ci)


@shared_docs
def compare_proportions(a: object, b: object, *, scale: "str | scales.Scale" = "satisfaction5", k: int = 2,
                        box: str = "top", weights_a: object = None, weights_b: object = None,
                        ci: float = 0.95) -> Comparison:
    """Difference of two top-k (or bottom-k) shares, e.g. CSAT in two regions.

    Parameters
    ----------
    a : array-like
        Group a's answers, codes of ``scale``; missing answers are dropped.
    b : array-like
        Group b's answers.
    scale : str or Scale, default "satisfaction5"
        The answer scale, a name such as "satisfaction5" or a :class:`~csat_lab.scales.Scale`.
    k : int, default 2
        How many of the highest (or lowest) codes count.
    box : {"top", "bottom"}, default "top"
        Count the ``k`` highest or the ``k`` lowest codes.
    weights_a : array-like, optional
        Sampling weights of ``a``, one per answer; n becomes Kish's effective sample size.
    weights_b : array-like, optional
        Sampling weights of ``b``.
    @{ci}

    Returns
    -------
    Comparison
        ``difference = p_a - p_b`` with its Newcombe interval and the p-value
        that agrees with it.

    Notes
    -----
    Interval: Newcombe's (1998, method 10) hybrid score interval,
    ``d - sqrt((p_a - l_a)^2 + (u_b - p_b)^2)`` to
    ``d + sqrt((u_a - p_a)^2 + (p_b - l_b)^2)`` with ``(l, u)`` each group's
    Wilson (1927) interval. Test: the interval inverted. Each Wilson interval
    grows monotonically with the normal quantile ``z``, so the bound nearer
    0 crosses 0 at exactly one ``z*``; ``statistic`` is ``z*`` (signed like
    ``d``) and ``p = 2 (1 - Phi(z*))``. So ``p < 1 - ci`` exactly when the
    ``ci`` interval excludes 0: test and interval never disagree (a pooled z
    test beside a Wald interval can). Weighted shares use Kish's effective
    sample sizes.

    References
    ----------
    Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions:
    comparison of eleven methods. *Statistics in Medicine*, 17(8).
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> r = compare_proportions([5, 4, 4, 2, 1], [5, 2, 2, 1, 3])
    >>> round(r.estimate, 2)
    0.4
    >>> r = compare_proportions([1] * 12, [5] * 4 + [1] * 56)
    >>> [round(x, 3) for x in r.ci], round(r.p_value, 3)
    ([-0.159, 0.179], 0.371)
    """
    sc = scales.get(scale)
    one_of(box, ("top", "bottom"), "box")
    codes = sc.top_box(k) if box == "top" else sc.bottom_box(k)
    ci = probability(ci)
    return compare_tallies(tally(a, sc, weights_a, "a"), tally(b, sc, weights_b, "b"),
                           "csat" if box == "top" else "bottom_box", codes, ci)


@shared_docs
def compare_means(a: object, b: object, *, scale: "str | scales.Scale | None" = None, weights_a: object = None,
                  weights_b: object = None, ci: float = 0.95, variance: str = "kish",
                  paired: bool = False) -> Comparison:
    """Difference of two mean answers (or of two means of any numbers), with Welch's or the paired t test.

    Parameters
    ----------
    a : array-like
        Group a's answers, codes of ``scale``; or, without ``scale``, any
        numbers (for example each customer's mean gap over several items).
        Missing values are dropped.
    b : array-like
        Group b's answers or numbers.
    scale : str or Scale, optional
        The answer scale of ``a`` and ``b`` (registered name or Scale);
        codes outside it are dropped and counted in ``dropped``. Without it,
        ``a`` and ``b`` may hold any finite numbers (text raises an error).
    weights_a : array-like, optional
        Sampling weights of ``a``, one per answer; n becomes Kish's effective
        sample size (with ``scale`` only).
    weights_b : array-like, optional
        Sampling weights of ``b``.
    @{ci}
    variance : {"kish", "linearization"}, default "kish"
        Standard error of each weighted mean, as in :func:`~csat_lab.metrics.mean_score`.
    paired : bool, default False
        The same people gave both ``a`` and ``b`` (row by row, so ``a`` and
        ``b`` have the same length and order): the test uses each person's
        difference ``a_i - b_i``, dropping pairs with a missing side.

    Returns
    -------
    Comparison
        ``difference = m_a - m_b`` with its interval and test (Welch's for
        independent groups, the paired t for paired answers).

    Notes
    -----
    Independent groups: ``t = (m_a - m_b) / sqrt(se_a^2 + se_b^2)`` with
    Welch-Satterthwaite degrees of freedom ``(se_a^2 + se_b^2)^2 /
    (se_a^4/(n_a-1) + se_b^4/(n_b-1))``; the interval is ``(m_a - m_b) +-
    t_df sqrt(se_a^2 + se_b^2)``. With weights, ``n`` is Kish's effective
    sample size, or with ``variance="linearization"`` each ``se`` is the
    linearised one and ``n`` the head count. Paired answers: with
    ``d_i = a_i - b_i``, ``t = mean(d) / (s_d / sqrt(n))`` on ``n - 1``
    degrees of freedom (Student, 1908). Groups with zero variance and
    different means raise an error: there is no test.

    References
    ----------
    Welch, B. L. (1947). The generalization of "Student's" problem when several different population
    variances are involved. *Biometrika*, 34(1/2).

    Student (1908). The probable error of a mean. *Biometrika*, 6(1), 1-25.

    Examples
    --------
    >>> r = compare_means([5, 4, 4, 3], [3, 2, 4, 1], scale="satisfaction5")
    >>> r.estimate
    1.5
    >>> round(compare_means([0.2, -0.4, 0.1], [-0.5, -0.3, -0.8]).estimate, 2)
    0.5
    >>> p = compare_means([4, 5, 3, 4], [3, 4, 3, 2], paired=True)  # differences 1, 1, 0, 2
    >>> p.estimate, p.df
    (1.0, 3.0)
    """
    ci = probability(ci)
    if not isinstance(paired, (bool, np.bool_)):
        raise CsatInputError(f"paired must be True or False, got {paired!r}")
    if scale is not None and not paired:
        sc = scales.get(scale)
        return compare_tallies(tally(a, sc, weights_a, "a"), tally(b, sc, weights_b, "b"), "mean", None, ci,
                               one_of(variance, _VARIANCES, "variance"))
    if weights_a is not None or weights_b is not None:
        raise CsatInputError("weights_a / weights_b need scale= and independent groups (paired=False); "
                             "paired or unscaled means are unweighted")
    values_a, values_b = _numbers(a, "a"), _numbers(b, "b")
    if scale is not None:
        sc = scales.get(scale)
        values_a = values_a.where(values_a.isin(sc.values))
        values_b = values_b.where(values_b.isin(sc.values))
    if paired:
        return _paired_means(values_a, values_b, ci)
    return _welch_numbers(values_a, values_b, ci)


def _numbers(values: object, name: str) -> pd.Series:
    from .._core.validate import as_numeric

    series = as_numeric(values, name).reset_index(drop=True)
    if np.isinf(series).any():
        raise CsatInputError(f"{name} holds an infinite value at position {int(np.flatnonzero(np.isinf(series))[0])}")
    return series


def _dropped(n_missing_a: int, n_missing_b: int) -> dict:
    return {Message("value.reason.group", group=g, reason=Message("value.reason.missing_answer")): k
            for g, k in (("a", n_missing_a), ("b", n_missing_b)) if k}


def _welch_numbers(a: pd.Series, b: pd.Series, ci: float) -> Comparison:
    xa, xb = a.dropna().to_numpy(float), b.dropna().to_numpy(float)
    for name, x in (("a", xa), ("b", xb)):
        if len(x) < 2:
            raise CsatInputError(f"group {name} has {len(x)} value(s); a mean difference needs at least 2 per group")
    va, vb = xa.var(ddof=1) / len(xa), xb.var(ddof=1) / len(xb)
    se = float(np.sqrt(va + vb))
    diff = float(xa.mean() - xb.mean())
    if se == 0:
        if diff != 0:
            raise CsatInputError(f"every value of group a is {xa[0]:g} and every value of group b is {xb[0]:g}: "
                                 "zero variance, so the difference has no standard error and no t test")
        df = len(xa) + len(xb) - 2.0
    else:
        df = (va + vb) ** 2 / (va**2 / (len(xa) - 1) + vb**2 / (len(xb) - 1))
    half = t_value(ci, df) * se
    stat = diff / se if se > 0 else 0.0
    missing = (int(a.isna().sum()), int(b.isna().sum()))
    return Comparison("mean", diff, (diff - half, diff + half), Message("value.method.welch_t"), ci, se, stat,
                      float(df), two_sided_p_t(stat, df), Message("value.test.welch_means"), float(xa.mean()),
                      float(xb.mean()), len(xa), len(xb), sum(missing), _dropped(*missing))


def _paired_means(a: pd.Series, b: pd.Series, ci: float) -> Comparison:
    if len(a) != len(b):
        raise CsatInputError(f"paired=True needs a and b of the same length (one pair per row); got {len(a)} and "
                             f"{len(b)} values")
    both = a.notna() & b.notna()
    d = (a[both] - b[both]).to_numpy(float)
    if len(d) < 2:
        raise CsatInputError(f"{len(d)} complete pair(s); a paired difference needs at least 2")
    diff = float(d.mean())
    se = float(d.std(ddof=1) / np.sqrt(len(d)))
    if se == 0 and diff != 0:
        raise CsatInputError(f"every pair differs by exactly {diff:g}: zero variance, so no t test is possible")
    df = float(len(d) - 1)
    half = t_value(ci, df) * se
    stat = diff / se if se > 0 else 0.0
    n_out = int((~both).sum())
    dropped = {Message("value.reason.incomplete_pair"): n_out} if n_out else {}
    return Comparison("mean", diff, (diff - half, diff + half), Message("value.method.paired_t"), ci, se, stat, df,
                      two_sided_p_t(stat, df), Message("value.test.paired_t"), float(a[both].mean()),
                      float(b[both].mean()), len(d), len(d), n_out, dropped)


_METRICS = ("csat", "nps", "mean", "top_box", "bottom_box", "ces")
_DEFAULT_SCALE = {"csat": "satisfaction5", "nps": "nps11", "ces": "effort7"}


@dataclass(frozen=True)
class GroupComparison(TableResult):
    """One metric per group (or wave) with CIs, and each group's difference from a reference group.

    Answers the DataFrame operations of the table it wraps (``result["estimate"]``,
    ``result.loc[...]``, ``result.sort_values(...)``, ``len(result)``).

    Attributes
    ----------
    table : pandas.DataFrame
        One row per group: ``group, metric, estimate, ci_low, ci_high, n, n_dropped,
        difference, diff_ci_low, diff_ci_high, p_value, test`` (the difference columns
        compare the group with ``reference``; NaN on the reference's own row).
    metric : str
        The metric: ``"csat"``, ``"nps"``, ``"mean"``, ``"top_box"``, ``"bottom_box"`` or ``"ces"``.
    score : str
        Column of ``data`` holding the answers.
    group : str
        Column of ``data`` holding the groups (waves).
    scale : str
        Name of the answer scale.
    reference : object
        The group every other group is compared with.
    ci_level : float
        Confidence level of every interval in the table (the ``ci=`` passed).
    ci_method : Message
        How each group's own interval (``ci_low``, ``ci_high``) was computed; the
        difference's interval and test are named in the ``test`` column.
    n_missing_group : int
        Rows of ``data`` without a group, left out.
    estimate : pandas.Series
        The ``estimate`` column of ``table``: the metric in each group, in table order.
    """

    table: pd.DataFrame
    metric: str
    score: str
    group: str
    scale: str
    reference: Any
    ci_level: float
    ci_method: Message
    n_missing_group: int

    @property
    def estimate(self) -> pd.Series:
        """The metric in each group (the table's ``estimate`` column)."""
        return self.table["estimate"]

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The metric per group with its interval (:func:`csat_lab.plots.survey.trend_by_wave`)."""
        from ..plots.survey import trend_by_wave

        return trend_by_wave(self, ax=ax, **kwargs)

    def _table_for_display(self) -> pd.DataFrame:
        """The table as shown: groups by their labels (``small_business`` as "Small business"); ``table`` keeps the codes."""
        shown = self.table.copy()
        shown["group"] = [display_value(g, self.group) for g in shown["group"]]
        shown["metric"] = [Message(f"metrics.{m}") if has_label(f"metrics.{m}") else m for m in shown["metric"]]
        return shown

    def _column_kinds(self) -> dict[str, str]:
        level, diff = METRIC_KINDS.get(self.metric, ("number", "number"))
        return {"estimate": level, "ci_low": level, "ci_high": level, "difference": diff, "diff_ci_low": diff,
                "diff_ci_high": diff}

    def _summary(self) -> list[tuple[str | Message, Any]]:
        return [("metrics.metric", Message(f"metrics.{self.metric}")), ("metrics.scale", self.scale),
                ("metrics.n_groups", len(self.table)), ("metrics.reference", display_value(self.reference, self.group)),
                ("result.method", self.ci_method), ("metrics.ci_level", f"{self.ci_level:.0%}"),
                ("result.n", int(self.table["n"].sum())), ("result.n_dropped", int(self.table["n_dropped"].sum())),
                ("metrics.n_missing_group", self.n_missing_group)]


@keyword_only(1, "score", "group")
@shared_docs
def compare_groups(data: pd.DataFrame, *, score: str, group: str, metric: str = "csat",
                   scale: "str | scales.Scale | None" = None, k: int | None = None,
                   weights: str | None = None, ci: float = 0.95, reference: object = None) -> GroupComparison:
    """One metric per group (or wave) with CIs, and each group's difference from a reference.

    Parameters
    ----------
    @{data}
    score : str
        Column of answers to one question.
    group : str
        Column of groups (waves, regions ...); rows without a group are left out and counted.
    metric : {"csat", "nps", "mean", "top_box", "bottom_box", "ces"}, default "csat"
        The metric computed in each group.
    scale : str or Scale, optional
        The answer scale; default "satisfaction5" for CSAT, "nps11" for NPS, "effort7" for CES
        (required for the other metrics).
    k : int, optional
        Codes counted in a box: default 2 for CSAT (top-two box), 1 for top/bottom box.
    weights : str, optional
        Column of sampling weights; shares are weighted and n is Kish's effective sample size.
    @{ci}
    reference : object, optional
        The group the others are compared with; default the first group in sorted order.

    Returns
    -------
    GroupComparison
        The per-group table in ``.table`` (one row per group: ``group, metric,
        estimate, ci_low, ci_high, n, n_dropped, difference, diff_ci_low,
        diff_ci_high, p_value, test``) with ``reference``, ``n_missing_group``
        and ``ci_level``; it answers ``result["col"]`` and ``result.loc[...]``
        like the table.

    Notes
    -----
    Each group's interval is the metric's own: Wilson's score interval for
    shares, the adjusted-Wald NPS interval (see :func:`~csat_lab.metrics.nps`),
    Student's t for means. Differences from the reference use the method
    that fits the metric: for shares Newcombe's (1998) hybrid score interval
    with the p-value found by inverting it (so ``p_value < 1 - ci`` exactly
    when ``diff_ci_low..diff_ci_high`` excludes 0; see
    :func:`compare_proportions`), the independent-samples NPS difference with
    ``Var = Var_a + Var_b`` and a z test, and Welch's t for means (Welch, 1947).

    References
    ----------
    Newcombe, R. G. (1998). Interval estimation for the difference between independent proportions.
    *Statistics in Medicine*, 17(8).
    Welch, B. L. (1947). The generalization of "Student's" problem. *Biometrika*, 34(1/2).
    Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference. *JASA*, 22(158).

    Examples
    --------
    >>> df = pd.DataFrame({"wave": [1] * 6 + [2] * 6, "sat": [5, 4, 3, 2, 4, 5, 5, 5, 4, 4, 3, 5]})
    >>> r = compare_groups(df, score="sat", group="wave")
    >>> r[["group", "estimate", "n"]].round(3).to_string(index=False)
    ' group  estimate  n\\n     1     0.667  6\\n     2     0.833  6'
    >>> r.reference, r.n_missing_group
    (1, 0)
    """
    data = require_frame(data)
    one_of(metric, _METRICS, "metric")
    cols = [score, group] + ([weights] if weights is not None else [])
    require_columns(data, cols)
    sc = scales.get(scale if scale is not None else _DEFAULT_SCALE.get(metric) or _need_scale(metric))
    ci = probability(ci)
    has_group = data[group].notna()
    groups = list(pd.unique(data.loc[has_group, group]))
    try:
        groups = sorted(groups)
    except TypeError:
        pass
    if len(groups) < 1:
        raise CsatInputError(f"column {group!r} has no non-missing groups")
    ref = groups[0] if reference is None else reference
    if ref not in groups:
        raise CsatInputError(f"reference {ref!r} is not a group of {group!r}; groups are: {groups}")
    kk = k if k is not None else (2 if metric == "csat" else 1)
    box = {"csat": sc.top_box(kk) if metric == "csat" else None, "top_box": sc.top_box(kk) if metric == "top_box" else None,
           "bottom_box": sc.bottom_box(kk) if metric == "bottom_box" else None}.get(metric)
    tallies = {}
    for g in groups:
        rows = data.loc[data[group] == g]
        w = rows[weights] if weights is not None else None
        tallies[g] = tally(rows[score].reset_index(drop=True), sc, None if w is None else w.reset_index(drop=True),
                           f"{score} (group {g})")
    out = []
    methods = []
    for g in groups:
        t = tallies[g]
        res = _nps_result(t, ci, "adjusted_wald", 0, None) if metric == "nps" else _box_result(metric, t, box, ci, "wilson")
        methods.append(res.ci_method)
        row = {"group": g, "metric": metric, "estimate": res.estimate, "ci_low": res.ci[0], "ci_high": res.ci[1],
               "n": t.n, "n_dropped": t.n_dropped, "difference": np.nan, "diff_ci_low": np.nan,
               "diff_ci_high": np.nan, "p_value": np.nan, "test": ""}
        if g != ref:
            cmp = compare_tallies(t, tallies[ref], metric, box, ci,
                                  names=(f"group {_plain(g)!r} of {group!r}", f"the reference group {_plain(ref)!r}"))
            row.update(difference=cmp.difference, diff_ci_low=cmp.ci[0], diff_ci_high=cmp.ci[1],
                       p_value=cmp.p_value, test=cmp.test)
        out.append(row)
    table = pd.DataFrame(out)
    table["test"] = message_column((row["test"] for row in out), table.index)
    ref_value = _plain(ref)
    return GroupComparison(table, metric, score, group, sc.name, ref_value, ci, methods[0], int((~has_group).sum()))


def _plain(value: object) -> object:
    """A NumPy scalar as the Python value it holds (for messages and fields)."""
    return value.item() if isinstance(value, (np.integer, np.floating, np.bool_)) else value


def _need_scale(metric: str) -> str:
    raise CsatInputError(f"metric {metric!r} needs scale=...; scales are: {', '.join(scales.available())}")
