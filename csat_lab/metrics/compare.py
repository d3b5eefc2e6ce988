"""Comparisons of satisfaction scores between two groups, or between every group and a reference.

Each comparison works on the two groups' category counts: a difference of
two NPS values, of two shares (CSAT / top box) or of two means, with a
confidence interval for the difference and a two-sided test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .. import scales
from .._core.intervals import t_value, two_sided_p_normal, two_sided_p_t, z_value
from .._core.results import Result, message_column
from .._core.validate import one_of, probability, require_columns, require_frame
from ..errors import CsatInputError
from ..i18n import Message
from .scores import _box_result, _nps_result
from .tally import Tally, nps_from_shares, tally

__all__ = ["Comparison", "compare_nps", "compare_proportions", "compare_means", "compare_groups"]


@dataclass(frozen=True)
class Comparison(Result):
    """Difference ``a - b`` of one metric between two independent groups."""

    metric: str
    difference: float
    ci: tuple[float, float]
    ci_method: str
    ci_level: float
    se: float
    statistic: float
    df: float | None
    p_value: float
    test: str
    estimate_a: float
    estimate_b: float
    n_a: int
    n_b: int
    n_dropped: int
    dropped: dict

    def _summary(self) -> list[tuple[str, Any]]:
        return [("metrics.metric", self.metric), ("metrics.estimate_a", round(self.estimate_a, 4)),
                ("metrics.estimate_b", round(self.estimate_b, 4)), ("metrics.difference", round(self.difference, 4)),
                ("result.ci", self.ci), ("result.method", self.ci_method), ("metrics.test", self.test),
                ("metrics.statistic", round(self.statistic, 4)), ("metrics.p_value", round(self.p_value, 4)),
                ("metrics.n_a", self.n_a), ("metrics.n_b", self.n_b), ("result.n_dropped", self.n_dropped),
                ("result.dropped_reasons", self.dropped)]


def compare_tallies(a: Tally, b: Tally, metric: str, box: tuple[int, ...] | None, ci: float) -> Comparison:
    """Compare two tallies on ``metric`` (internal engine of the public comparisons)."""
    dropped = ({Message("value.reason.group", group="a", reason=k): v for k, v in a.dropped.items()}
               | {Message("value.reason.group", group="b", reason=k): v for k, v in b.dropped.items()})
    common = (a.n, b.n, a.n_dropped + b.n_dropped, dropped)
    z = z_value(ci)
    if metric == "nps":
        ea, se_a = nps_from_shares(a.share(tuple(range(9, 11))), a.share(tuple(range(0, 7))), a.n_effective)
        eb, se_b = nps_from_shares(b.share(tuple(range(9, 11))), b.share(tuple(range(0, 7))), b.n_effective)
        diff, se = ea - eb, float(np.hypot(se_a, se_b))
        stat = diff / se if se > 0 else 0.0
        interval = (max(-200.0, diff - z * se), min(200.0, diff + z * se))
        return Comparison(metric, diff, interval, Message("value.method.normal_independent"), ci, se,
                          stat, None, two_sided_p_normal(stat), Message("value.test.z_nps"), ea, eb, *common)
    if box is not None:
        pa, pb = a.share(box), b.share(box)
        na, nb = a.n_effective, b.n_effective
        diff = pa - pb
        se = float(np.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb))
        pooled = (pa * na + pb * nb) / (na + nb)
        se0 = float(np.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb)))
        stat = diff / se0 if se0 > 0 else 0.0
        return Comparison(metric, diff, (diff - z * se, diff + z * se), Message("value.method.wald_unpooled"), ci, se, stat, None,
                          two_sided_p_normal(stat), Message("value.test.z_pooled"), pa, pb, *common)
    ma, mb = a.mean(), b.mean()
    sa, sb = a.mean_se(), b.mean_se()
    se = float(np.hypot(sa, sb))
    df = se**4 / (sa**4 / (a.n_effective - 1) + sb**4 / (b.n_effective - 1)) if se > 0 else a.n + b.n - 2.0
    diff = ma - mb
    half = t_value(ci, df) * se
    stat = diff / se if se > 0 else 0.0
    return Comparison(metric, diff, (diff - half, diff + half), Message("value.method.welch_t"), ci, se, stat, float(df),
                      two_sided_p_t(stat, df), Message("value.test.welch_means"), ma, mb, *common)


def compare_nps(a: object, b: object, *, weights_a: object = None, weights_b: object = None,
                ci: float = 0.95) -> Comparison:
    """Difference between the NPS of two independent groups (e.g. two waves).

    ``d = NPS_a - NPS_b``, ``se = sqrt(se_a^2 + se_b^2)`` with each
    ``se = 100 sqrt([p+ + p- - (p+ - p-)^2] / n)``; ``z = d / se``
    (normal approximation; Rocks, 2016, "Estimating the NPS confidence
    interval").

    Examples
    --------
    >>> r = compare_nps([10, 10, 9, 8, 3, 9], [6, 7, 9, 5, 10, 2])
    >>> round(r.difference, 2)
    66.67
    >>> r.test
    'z (difference of NPS)'
    """
    ci = probability(ci)
    return compare_tallies(tally(a, "nps11", weights_a, "a"), tally(b, "nps11", weights_b, "b"), "nps", None, ci)


def compare_proportions(a: object, b: object, *, scale: "str | scales.Scale" = "satisfaction5", k: int = 2,
                        box: str = "top", weights_a: object = None, weights_b: object = None,
                        ci: float = 0.95) -> Comparison:
    """Difference of two top-k (or bottom-k) shares, e.g. CSAT in two regions.

    Test: pooled two-proportion z, ``z = (p_a - p_b) / sqrt(p(1-p)(1/n_a + 1/n_b))``;
    interval: unpooled Wald, ``se = sqrt(p_a(1-p_a)/n_a + p_b(1-p_b)/n_b)``
    (Agresti, 2013, *Categorical Data Analysis*, 3.1). Weighted shares use
    Kish's effective sample sizes.

    Examples
    --------
    >>> r = compare_proportions([5, 4, 4, 2, 1], [5, 2, 2, 1, 3])
    >>> round(r.difference, 2)
    0.4
    """
    sc = scales.get(scale)
    one_of(box, ("top", "bottom"), "box")
    codes = sc.top_box(k) if box == "top" else sc.bottom_box(k)
    ci = probability(ci)
    return compare_tallies(tally(a, sc, weights_a, "a"), tally(b, sc, weights_b, "b"),
                           "csat" if box == "top" else "bottom_box", codes, ci)


def compare_means(a: object, b: object, *, scale: "str | scales.Scale", weights_a: object = None,
                  weights_b: object = None, ci: float = 0.95) -> Comparison:
    """Difference of two mean answers with Welch's (1947) t test.

    ``t = (m_a - m_b) / sqrt(se_a^2 + se_b^2)`` with Welch-Satterthwaite
    degrees of freedom ``(se_a^2 + se_b^2)^2 / (se_a^4/(n_a-1) + se_b^4/(n_b-1))``.

    Examples
    --------
    >>> r = compare_means([5, 4, 4, 3], [3, 2, 4, 1], scale="satisfaction5")
    >>> r.difference
    1.5
    """
    sc = scales.get(scale)
    ci = probability(ci)
    return compare_tallies(tally(a, sc, weights_a, "a"), tally(b, sc, weights_b, "b"), "mean", None, ci)


_METRICS = ("csat", "nps", "mean", "top_box", "bottom_box", "ces")
_DEFAULT_SCALE = {"csat": "satisfaction5", "nps": "nps11", "ces": "effort7"}


def compare_groups(data: pd.DataFrame, score: str, group: str, *, metric: str = "csat",
                   scale: "str | scales.Scale | None" = None, k: int | None = None,
                   weights: str | None = None, ci: float = 0.95, reference: object = None) -> pd.DataFrame:
    """One metric per group (or wave) with CIs, and each group's difference from a reference.

    Differences use the test that fits the metric: two-proportion z for
    shares (CSAT, top/bottom box), the independent-samples NPS difference
    with ``Var = Var_a + Var_b``, and Welch's t for means (Welch, 1947).

    Returns a tidy DataFrame, one row per group: ``group, metric, estimate,
    ci_low, ci_high, n, n_dropped, difference, diff_ci_low, diff_ci_high,
    p_value, test``. Rows without a group are counted in
    ``result.attrs["n_missing_group"]``.

    Examples
    --------
    >>> df = pd.DataFrame({"wave": [1] * 6 + [2] * 6, "sat": [5, 4, 3, 2, 4, 5, 5, 5, 4, 4, 3, 5]})
    >>> t = compare_groups(df, "sat", "wave")
    >>> t[["group", "estimate", "n"]].round(3).to_string(index=False)
    ' group  estimate  n\\n     1     0.667  6\\n     2     0.833  6'
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
    for g in groups:
        t = tallies[g]
        res = _nps_result(t, ci, "normal", 0, None) if metric == "nps" else _box_result(metric, t, box, ci, "wilson")
        est = res.score if metric == "nps" else res.estimate
        row = {"group": g, "metric": metric, "estimate": est, "ci_low": res.ci[0], "ci_high": res.ci[1],
               "n": t.n, "n_dropped": t.n_dropped, "difference": np.nan, "diff_ci_low": np.nan,
               "diff_ci_high": np.nan, "p_value": np.nan, "test": ""}
        if g != ref:
            cmp = compare_tallies(t, tallies[ref], metric, box, ci)
            row.update(difference=cmp.difference, diff_ci_low=cmp.ci[0], diff_ci_high=cmp.ci[1],
                       p_value=cmp.p_value, test=cmp.test)
        out.append(row)
    table = pd.DataFrame(out)
    table["test"] = message_column((row["test"] for row in out), table.index)
    table.attrs["n_missing_group"] = int((~has_group).sum())
    table.attrs["reference"] = ref
    return table


def _need_scale(metric: str) -> str:
    raise CsatInputError(f"metric {metric!r} needs scale=...; scales are: {', '.join(scales.available())}")
