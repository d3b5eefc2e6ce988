"""Customer survival: Kaplan-Meier curves and the log-rank test, on lifelines.

A customer's duration is the time as a customer (e.g. tenure in months); the event
is churn. Customers still active are right-censored: they count as at risk until
their last observed time and are not treated as lost.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from .._core.deprecation import renamed
from .._core.docstrings import shared_docs
from .._core.results import Result
from .._core.validate import as_bool, as_numeric, probability
from ..errors import CsatInputError
from ..i18n import Message, display_value, label
from ..i18n.numbers import format_number

__all__ = ["SurvivalResult", "kaplan_meier"]


@dataclasses.dataclass(frozen=True)
class SurvivalResult(Result):
    """Kaplan-Meier estimate (pooled and by group) with CIs and a log-rank test.

    Attributes
    ----------
    estimate : pandas.DataFrame
        The headline: the survival curves (same as ``table``).
    table : pandas.DataFrame
        Columns group, time, survival, ci_low, ci_high, at_risk, events; group
        "all" is the pooled curve, then one curve per group.
    median : float or None
        Pooled median lifetime (None when the curve never falls to 0.5).
    medians : dict
        Group -> median lifetime (None when not reached); empty without groups.
    logrank : dict or None
        Log-rank test across the groups: ``statistic``, ``p_value``, ``df``,
        ``test``; None without two or more groups.
    ci_level : float
        Confidence level of ``ci_low`` and ``ci_high`` (the ``ci=`` passed).
    ci_method : Message
        Interval method (exponential Greenwood, as lifelines computes it).
    n : int
        Customers used.
    events : int
        Churn events among them.
    n_dropped : int
        Customers left out (missing duration, event or group).
    dropped : dict
        Reason -> number of customers left out.
    """

    table: pd.DataFrame
    median: float | None
    medians: dict
    logrank: dict | None
    ci_level: float
    ci_method: str
    n: int
    events: int
    n_dropped: int
    dropped: dict

    @property
    def estimate(self) -> pd.DataFrame:
        """The survival curves (``table``)."""
        return self.table

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """Step curves with CI bands: :func:`csat_lab.plots.survival_curves`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.churn.survival_curves` (``show_ci``, ``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ..plots.churn import survival_curves

        return survival_curves(self, ax=ax, **kwargs)

    def survival_at(self, t: float, group: object = None) -> float:
        """S(t): the share still a customer at time ``t`` (step function, right-continuous).

        Examples
        --------
        >>> km = kaplan_meier(duration=[1, 2, 2, 3], event=[1, 1, 0, 1])
        >>> km.survival_at(1.5), km.survival_at(0)
        (0.75, 1.0)
        """
        key = "all" if group is None else group
        curve = self.table[self.table["group"] == key]
        if curve.empty:
            groups = ", ".join(map(str, self.table["group"].unique()))
            raise CsatInputError(f"no group {group!r}; groups are: {groups}")
        from .._core.validate import finite_number

        t = finite_number(t, "t")
        if t < 0:
            raise CsatInputError(f"t must not be negative, got {t}")
        times = curve["time"].to_numpy()
        pos = np.searchsorted(times, t, side="right") - 1
        return float(curve["survival"].to_numpy()[pos]) if pos >= 0 else 1.0

    def _summary(self) -> list[tuple[str, Any]]:
        rows: list[tuple[str, Any]] = [
            ("result.n", self.n), ("survival.events", self.events),
            ("survival.median", label("survival.not_reached") if self.median is None else self.median),
        ]
        for g, m in self.medians.items():
            rows.append((Message("survival.median_group", group=display_value(g)),  # the group by its label
                         label("survival.not_reached") if m is None else m))
        if self.logrank:
            p_value = format_number(self.logrank["p_value"], "pvalue")
            rows += [("survival.logrank", f"chi2 = {format_number(self.logrank['statistic'], 'coef:2')}, "
                                          f"df = {self.logrank['df']}, p {p_value if p_value.startswith('<') else '= ' + p_value}")]
        rows += [("result.method", self.ci_method), ("result.n_dropped", self.n_dropped),
                 ("result.dropped_reasons", self.dropped)]
        return rows


def _old_positional_arrays(func: Callable[..., Any]) -> Callable[..., Any]:
    """Accept the previous release's ``kaplan_meier(durations, events, ...)`` for one release, with a warning."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if args and not isinstance(args[0], pd.DataFrame) and (
                len(args) > 1 or "duration" not in kwargs or "data" in kwargs):
            if len(args) > 2:
                raise CsatInputError("kaplan_meier takes data as its only positional argument; "
                                     "pass duration=, event= and group= by name")
            given = dict(zip(("duration", "event"), args))
            clash = [k for k in given if k in kwargs]
            if clash:
                raise CsatInputError(f"kaplan_meier: {clash[0]} given by position and by name")
            warnings.warn("kaplan_meier: pass duration= and event= by name, with data= first when they are "
                          "column names (kaplan_meier(durations, events) will stop working in the next release)",
                          DeprecationWarning, stacklevel=3)
            kwargs.update(given)
            args = ()
        return func(*args, **kwargs)

    return wrapper


@renamed(durations="duration", events="event", groups="group")
@_old_positional_arrays
@shared_docs
def kaplan_meier(data: pd.DataFrame | None = None, *, duration: object, event: object, group: object = None,
                 ci: float = 0.95) -> SurvivalResult:
    """Kaplan-Meier survival of customers, optionally by group, with a log-rank test.

    Rows with a missing duration, event or group are dropped and reported.

    Parameters
    ----------
    data : pandas.DataFrame, optional
        One row per customer; then ``duration``, ``event`` and ``group`` name its columns.
    duration : str or array-like
        Time as a customer (non-negative): a column of ``data``, or an array
        when ``data`` is not given.
    event : str or array-like
        True/1 (or "Yes") when the customer churned, False/0 when still active
        (censored): a column of ``data``, or an array.
    group : str or array-like, optional
        Compare groups: one curve each and a log-rank test; a column of ``data``, or an array.
    @{ci}

    Returns
    -------
    SurvivalResult
        The curves in ``table`` (also ``estimate``), medians, the log-rank test;
        ``plot()`` draws the curves.

    Notes
    -----
    .. math:: \\hat S(t) = \\prod_{t_i \\le t} \\left(1 - \\frac{d_i}{n_i}\\right)

    with :math:`d_i` churn events and :math:`n_i` customers at risk at time
    :math:`t_i`. CIs are lifelines' exponential Greenwood intervals,
    :math:`\\exp(-\\exp(\\log(-\\log \\hat S) \\pm z\\,\\hat\\sigma))` with
    :math:`\\hat\\sigma^2 = \\sum_{t_i \\le t} \\frac{d_i}{n_i(n_i - d_i)} / (\\log \\hat S)^2`.
    The log-rank (Mantel-Cox) statistic compares observed and expected events per group.

    The array form of the previous release, ``kaplan_meier(durations, events,
    groups=...)``, still works for one release with a ``DeprecationWarning``.

    References
    ----------
    Kaplan, E. L. & Meier, P. (1958). Nonparametric estimation from incomplete
    observations. JASA 53, 457-481. Davidson-Pilon, C. (2019). lifelines:
    survival analysis in Python. JOSS 4(40), 1317.

    Examples
    --------
    >>> km = kaplan_meier(duration=[2, 4, 4, 6, 8, 9], event=[1, 1, 0, 1, 0, 1])
    >>> round(km.survival_at(5), 4), km.median
    (0.6667, 6.0)
    >>> customers = pd.DataFrame({"months": [2, 4, 4, 6, 8, 9], "left": [1, 1, 0, 1, 0, 1],
    ...                           "plan": ["a", "a", "b", "b", "a", "b"]})
    >>> kaplan_meier(customers, duration="months", event="left", group="plan").medians
    {'a': 4.0, 'b': 6.0}
    """
    from lifelines import KaplanMeierFitter

    level = probability(ci, "ci")
    if data is not None:
        from .._core.validate import require_frame

        require_frame(data)
    frame = _inputs(duration, event, group, data)
    n_in = len(frame)
    missing = frame.isna().any(axis=1)
    dropped = {Message("value.reason.missing_survival"): int(missing.sum())} if missing.any() else {}
    frame = frame[~missing]
    if frame.empty:
        raise CsatInputError("no customer has both a duration and an event")
    d = as_numeric(frame["duration"], "duration")
    if (d < 0).any():
        raise CsatInputError(f"duration must not be negative; rows {list(d.index[d < 0][:5])} are")
    if np.isinf(d).any():
        raise CsatInputError(f"duration must be finite (a time as a customer); rows {list(d.index[np.isinf(d)][:5])} "
                             "are infinite. A customer still active is censored: give the time observed so far "
                             "and event 0")
    e = as_bool(frame["event"], "event")
    if group is not None:
        _check_group_labels(frame["group"])
    parts: list[pd.DataFrame] = []
    medians: dict = {}
    pooled_median = None
    labels_ = ["all"] + (sorted(frame["group"].unique(), key=str) if group is not None else [])
    for g in labels_:
        mask = np.ones(len(frame), dtype=bool) if g == "all" else (frame["group"] == g).to_numpy()
        with warnings.catch_warnings():
            # lifelines' own pandas deprecation notices are not the user's concern
            warnings.simplefilter("ignore", DeprecationWarning)
            warnings.simplefilter("ignore", FutureWarning)
            kmf = KaplanMeierFitter(alpha=1 - level).fit(d[mask], e[mask])
        sf = kmf.survival_function_.iloc[:, 0]
        bounds = kmf.confidence_interval_survival_function_
        table = kmf.event_table
        part = pd.DataFrame({
            "group": g, "time": sf.index.to_numpy(dtype=float), "survival": sf.to_numpy(),
            "ci_low": bounds.iloc[:, 0].to_numpy(), "ci_high": bounds.iloc[:, 1].to_numpy(),
            "at_risk": table["at_risk"].reindex(sf.index).to_numpy(),
            "events": table["observed"].reindex(sf.index).to_numpy(),
        })
        parts.append(part)
        med = float(kmf.median_survival_time_)
        med = None if math.isinf(med) or math.isnan(med) else med
        if g == "all":
            pooled_median = med
        else:
            medians[g] = med
    logrank = _logrank(d, e, frame["group"]) if group is not None and len(medians) > 1 else None
    return SurvivalResult(
        table=pd.concat(parts, ignore_index=True), median=pooled_median, medians=medians, logrank=logrank,
        ci_level=level, ci_method=Message("value.method.greenwood"), n=len(frame), events=int(e.sum()),
        n_dropped=n_in - len(frame), dropped=dropped,
    )


def _inputs(duration, event, group, data) -> pd.DataFrame:
    def column(value, name):
        if isinstance(value, str):
            if data is None:
                raise CsatInputError(f"{name}={value!r} is a column name; pass data= as well")
            from .._core.validate import require_columns

            require_columns(data, [value])
            return data[value].reset_index(drop=True)
        return pd.Series(np.asarray(value, dtype=object) if not isinstance(value, pd.Series) else value.to_numpy())

    out = {"duration": column(duration, "duration"), "event": column(event, "event")}
    if group is not None:
        out["group"] = column(group, "group")
    lengths = {k: len(v) for k, v in out.items()}
    if len(set(lengths.values())) != 1:
        raise CsatInputError(f"duration, event and group must have the same length; got {lengths}")
    if not lengths["duration"]:
        raise CsatInputError("duration is empty")
    return pd.DataFrame(out)


def _check_group_labels(groups: pd.Series) -> None:
    """Two groups whose labels print alike (``1`` and ``"1"``) would be tested apart yet shown as one."""
    labels = pd.unique(groups)
    text = pd.Index([str(v).strip() for v in labels])
    clash = text.duplicated(keep=False)
    if clash.any():
        same = [v for v, c in zip(labels, clash) if c and str(v).strip() == text[clash][0]]
        rows = list(groups.index[groups.isin(same).to_numpy()][:5])
        raise CsatInputError(f"group holds the labels {', '.join(repr(v) for v in same)} (rows {rows}), which differ "
                             "only in type or spaces; give each group one spelling, e.g. .astype(str)")


def _logrank(d: pd.Series, e: np.ndarray, groups: pd.Series) -> dict:
    from lifelines.statistics import logrank_test, multivariate_logrank_test

    g = groups.to_numpy()
    levels = sorted(pd.unique(g), key=str)
    with warnings.catch_warnings():
        # lifelines' own pandas deprecation notices are not the user's concern
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", FutureWarning)
        if len(levels) == 2:
            a, b = g == levels[0], g == levels[1]
            res = logrank_test(d[a], d[b], e[a], e[b])
        else:
            res = multivariate_logrank_test(d.to_numpy(), g, e)
    return {"statistic": float(res.test_statistic), "p_value": float(res.p_value), "df": len(levels) - 1,
            "test": "log-rank (Mantel-Cox)"}
