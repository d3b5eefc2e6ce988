"""Model functions of the loyalty explorers: the loyalty curve and key drivers / IPA."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..._core.deprecation import renamed
from ..._core.results import Result
from ..._core.validate import one_of
from ...errors import CsatInputError
from ...i18n import display_name, has_label, label
from .data import dataset as _dataset

if TYPE_CHECKING:
    from ...loyalty import IPAResult, TheoreticalCurve


#: Satisfaction column and loyalty measures of each dataset the loyalty curve can use.
LOYALTY_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "auto_dealer": ("overall_satisfaction", ("repurchase", "loyalty_intention", "recommend")),
    "hotel_guests": ("satisfaction", ("returned_next_year", "recommend")),
}


@dataclasses.dataclass(frozen=True)
class LoyaltyCurve(Result):
    """Loyalty by satisfaction level with zones, and the top-box loyalty ratio.

    Attributes
    ----------
    curve : TableResult or pandas.DataFrame
        The result of :func:`csat_lab.loyalty.loyalty_curve`: one row per
        satisfaction level with ``estimate``, ``ci_low``, ``ci_high`` and
        ``zone`` (read its columns as from a DataFrame: ``curve["zone"]``).
    ratio : LoyaltyRatio
        The result of :func:`csat_lab.loyalty.top_box_loyalty_ratio`: the
        ratio with its interval.
    dataset : str
        The course dataset used.
    satisfaction : str
        Its satisfaction column.
    loyalty : str
        Its loyalty column.
    kind : str
        The regression: ``"ols"``, ``"logit"`` or ``"ordinal"``.
    estimate : float
        The headline number: the top-box loyalty ratio.
    """

    curve: Any
    ratio: Any
    dataset: str
    satisfaction: str
    loyalty: str
    kind: str

    @property
    def estimate(self) -> float:
        """The headline number: the top-box loyalty ratio (loyalty of the top box / second box)."""
        value = getattr(self.ratio, "estimate", None)
        return float(self.ratio.ratio if value is None else value)

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The loyalty curve with its zones: :func:`csat_lab.plots.loyalty_curve_plot`.

        Parameters
        ----------
        ax : matplotlib Axes, optional
            Axes to draw on; a new figure when omitted.
        **kwargs
            Passed on to :func:`~csat_lab.plots.loyalty.loyalty_curve_plot` (``language``).

        Returns
        -------
        matplotlib Axes
        """
        from ...plots.loyalty import loyalty_curve_plot

        return loyalty_curve_plot(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        # Shown by their display names; the fields keep the identifiers.
        kind = label(f"widgets.kind.{self.kind}") if has_label(f"widgets.kind.{self.kind}") else self.kind
        return [("dataset.name", display_name(self.dataset)), ("widgets.loyalty.measure", display_name(self.loyalty)),
                ("widgets.loyalty.kind", kind), ("result.n", _n_of(self.curve)),
                # The ratio's own "loyalty measure" row would repeat the measure above in other words.
                *[row for row in self.ratio._summary() if row[0] != "loyalty.measure"]]


def _n_of(curve: Any) -> Any:
    """Respondents behind a loyalty curve: the result's ``n`` (or, for an older bare table, ``attrs["n"]``)."""
    if isinstance(curve, pd.DataFrame):  # its "n" column holds the respondents per level
        return curve.attrs.get("n")
    return vars(curve).get("n") if hasattr(curve, "__dict__") else None


#: Where the loyalty curve comes from: fitted to a survey, or chosen by its parameters.
CURVE_SOURCES = ("data", "curve")


def loyalty_curve_model(dataset: str = "auto_dealer", loyalty: str = "repurchase", kind: str = "ols",
                        ci: float = 0.95, *, source: str = "data", competition: float = 1.0,
                        top_ratio: float = 6.0) -> LoyaltyCurve | TheoreticalCurve:
    """The satisfaction -> loyalty curve with its zones: fitted to a course dataset, or chosen.

    Parameters
    ----------
    dataset : str, default "auto_dealer"
        A course dataset listed in :data:`LOYALTY_SOURCES`.
    loyalty : str, default "repurchase"
        One of that dataset's loyalty measures (:data:`LOYALTY_SOURCES`).
    kind : {"ols", "logit", "ordinal"}, default "ols"
        The regression of loyalty on the satisfaction levels.
    ci : float, default 0.95
        Confidence level of the intervals, strictly between 0 and 1.
    source : {"data", "curve"}, default "data"
        Fit the curve to the dataset, or draw a chosen curve.
    competition : float, default 1.0
        For ``source="curve"``: the share ``g`` of the competitive curve, 0 (protected market) to 1.
    top_ratio : float, default 6.0
        For ``source="curve"``: loyalty of the top box over the second box in the competitive curve.

    Returns
    -------
    LoyaltyCurve or TheoreticalCurve
        ``source="data"``: the fitted curve and the top-box ratio
        (:class:`LoyaltyCurve`); ``source="curve"``: the result of
        :func:`csat_lab.loyalty.theoretical_curve`. Both have ``estimate``
        (the ratio) and ``plot()``.

    Notes
    -----
    ``source="data"``: loyalty is regressed on satisfaction levels (``kind`` =
    ``"ols"``, ``"logit"`` or ``"ordinal"``) and each level tagged with its
    zone of defection, indifference or affection (Jones & Sasser, 1995); the
    ratio ``R = loyalty(top box) / loyalty(second box)`` has a log-scale CI
    (Katz et al., 1978). Wraps :func:`csat_lab.loyalty.loyalty_curve` and
    :func:`csat_lab.loyalty.top_box_loyalty_ratio`.

    ``source="curve"``: the chosen curve of
    :func:`csat_lab.loyalty.theoretical_curve`, ``p = (1 - g) c + g q`` with
    the competitive curve ``q`` solved so that ``q(5) / q(4) = top_ratio``
    (competition ``g`` from 0, a protected market, to 1, fully competitive);
    ``dataset``, ``loyalty``, ``kind`` and ``ci`` are then not used.

    References
    ----------
    Jones, T. O., & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.

    Katz, D., Baptista, J., Azen, S. P., & Pike, M. C. (1978). Obtaining
    confidence intervals for the risk ratio in cohort studies. Biometrics,
    34(3), 469-474.

    Examples
    --------
    >>> r = loyalty_curve_model("auto_dealer", "repurchase", kind="logit")
    >>> r.curve["zone"].tolist()
    ['defection', 'defection', 'indifference', 'indifference', 'affection']
    >>> round(loyalty_curve_model(source="curve", competition=1.0, top_ratio=6.0).ratio, 6)
    6.0
    """
    from ...loyalty import loyalty_curve, theoretical_curve, top_box_loyalty_ratio

    one_of(source, CURVE_SOURCES, "source")
    if source == "curve":
        return theoretical_curve(competition=competition, top_ratio=top_ratio, scale="satisfaction5")
    if not isinstance(dataset, str) or dataset not in LOYALTY_SOURCES:
        raise CsatInputError(f"dataset must be one of: {', '.join(LOYALTY_SOURCES)}; got {dataset!r}")
    satisfaction = LOYALTY_SOURCES[dataset][0]
    data = _dataset(dataset)
    curve = loyalty_curve(data, satisfaction=satisfaction, loyalty=loyalty, kind=kind, scale="satisfaction5", ci=ci)
    ratio = top_box_loyalty_ratio(data, satisfaction=satisfaction, loyalty=loyalty, scale="satisfaction5", ci=ci)
    return LoyaltyCurve(curve=curve, ratio=ratio, dataset=dataset, satisfaction=satisfaction, loyalty=loyalty,
                        kind=kind)


#: Outcomes and attribute ratings of each dataset the key-driver explorer can use.
DRIVER_SOURCES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "hotel_guests": (("satisfaction", "recommend"),
                     ("per_tangibles", "per_reliability", "per_responsiveness", "per_assurance", "per_empathy")),
    "auto_dealer": (("overall_satisfaction", "loyalty_intention", "recommend"),
                    tuple(f"perf_{area}_{item}" for area, items in (
                        ("repair", ("convenience", "promises", "explanation", "on_time", "follow_up_call", "advice")),
                        ("sales", ("respect", "expertise", "time_to_think", "follow_up", "price_talk",
                                   "delivery_call"))) for item in items)),
}


@renamed(method="importance")
def key_driver_model(dataset: str = "hotel_guests", outcome: str = "satisfaction",
                     drivers: list[str] | tuple[str, ...] | None = None, importance: str = "shapley") -> IPAResult:
    """Importance-performance analysis of a course dataset (Martilla & James, 1977).

    Parameters
    ----------
    dataset : str, default "hotel_guests"
        A course dataset listed in :data:`DRIVER_SOURCES`.
    outcome : str, default "satisfaction"
        The outcome column (one of the dataset's outcomes in :data:`DRIVER_SOURCES`).
    drivers : list of str, optional
        At least two attribute ratings of the dataset; ``None`` takes the
        first six ratings listed for it in :data:`DRIVER_SOURCES`.
    importance : {"shapley", "relative_weights", "correlation"}, default "shapley"
        How importance is measured. (``method=`` is its deprecated old name.)

    Returns
    -------
    IPAResult
        The result of :func:`csat_lab.loyalty.ipa` (a table result): one row per driver with
        ``importance``, ``performance``, ``quadrant`` and ``quadrant_label``,
        read like a DataFrame (``result["importance"]``, ``result.loc[...]``).

    Notes
    -----
    Importance is each driver's share of R^2 (Shapley decomposition,
    Lipovetsky & Conklin 2001, or Johnson's 2000 relative weights; or its
    correlation with the outcome), performance its mean rating; drivers above
    the mean importance and below the mean performance are the ones to
    "concentrate" on (Martilla & James, 1977).

    References
    ----------
    Martilla, J. A., & James, J. C. (1977). Importance-performance analysis.
    Journal of Marketing, 41(1), 77-79.

    Lipovetsky, S., & Conklin, M. (2001). Analysis of regression in game
    theory approach. Applied Stochastic Models in Business and Industry, 17(4), 319-330.

    Examples
    --------
    >>> t = key_driver_model("hotel_guests", "satisfaction")
    >>> round(float(t["importance"].sum()), 6)
    1.0
    """
    from ...loyalty import ipa

    if not isinstance(dataset, str) or dataset not in DRIVER_SOURCES:
        raise CsatInputError(f"dataset must be one of: {', '.join(DRIVER_SOURCES)}; got {dataset!r}")
    if drivers is None:
        chosen = list(DRIVER_SOURCES[dataset][1][:6])
    else:  # one name is one driver, not a sequence of letters
        chosen = [drivers] if isinstance(drivers, str) else list(drivers)
    if len(chosen) < 2:
        raise CsatInputError(f"choose at least 2 drivers; got {len(chosen)}: {chosen}")
    return ipa(_dataset(dataset), outcome=outcome, drivers=chosen, importance=importance)
