"""Model functions of the loyalty explorers: the loyalty curve and key drivers / IPA."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..._core.results import Result
from ..._core.validate import one_of
from ...errors import CsatInputError
from .data import dataset as _dataset

if TYPE_CHECKING:
    from ...loyalty import TheoreticalCurve


#: Satisfaction column and loyalty measures of each dataset the loyalty curve can use.
LOYALTY_SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "auto_dealer": ("overall_satisfaction", ("repurchase", "loyalty_intention", "recommend")),
    "hotel_guests": ("satisfaction", ("returned_next_year", "recommend")),
}


@dataclasses.dataclass(frozen=True)
class LoyaltyCurve(Result):
    """Loyalty by satisfaction level with zones, and the top-box loyalty ratio."""

    curve: pd.DataFrame
    ratio: Any
    dataset: str
    satisfaction: str
    loyalty: str
    kind: str

    def _summary(self) -> list[tuple[str, Any]]:
        return [("dataset.name", self.dataset), ("widgets.loyalty.measure", self.loyalty),
                ("widgets.loyalty.kind", self.kind), ("result.n", self.curve.attrs.get("n")),
                *self.ratio._summary()]


#: Where the loyalty curve comes from: fitted to a survey, or chosen by its parameters.
CURVE_SOURCES = ("data", "curve")


def loyalty_curve_model(dataset: str = "auto_dealer", loyalty: str = "repurchase", kind: str = "ols",
                        ci: float = 0.95, *, source: str = "data", competition: float = 1.0,
                        top_ratio: float = 6.0) -> LoyaltyCurve | TheoreticalCurve:
    """The satisfaction -> loyalty curve with its zones: fitted to a course dataset, or chosen.

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
    if dataset not in LOYALTY_SOURCES:
        raise CsatInputError(f"dataset must be one of: {', '.join(LOYALTY_SOURCES)}; got {dataset!r}")
    satisfaction = LOYALTY_SOURCES[dataset][0]
    data = _dataset(dataset)
    curve = loyalty_curve(data, satisfaction, loyalty, kind=kind, scale="satisfaction5", ci=ci)
    ratio = top_box_loyalty_ratio(data, satisfaction, loyalty, scale="satisfaction5", ci=ci)
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


def key_driver_model(dataset: str = "hotel_guests", outcome: str = "satisfaction",
                     drivers: list[str] | tuple[str, ...] | None = None, method: str = "shapley") -> pd.DataFrame:
    """Importance-performance analysis of a course dataset (Martilla & James, 1977).

    Importance is each driver's share of R^2 (Shapley decomposition, Lipovetsky
    & Conklin 2001, or Johnson's 2000 relative weights), performance its mean
    rating; wraps :func:`csat_lab.loyalty.ipa`. ``drivers=None`` takes every
    rating of the first group listed for the dataset in :data:`DRIVER_SOURCES`.

    Examples
    --------
    >>> t = key_driver_model("hotel_guests", "satisfaction")
    >>> round(float(t["importance"].sum()), 6)
    1.0
    """
    from ...loyalty import ipa

    if dataset not in DRIVER_SOURCES:
        raise CsatInputError(f"dataset must be one of: {', '.join(DRIVER_SOURCES)}; got {dataset!r}")
    chosen = list(drivers) if drivers is not None else list(DRIVER_SOURCES[dataset][1][:6])
    if len(chosen) < 2:
        raise CsatInputError(f"choose at least 2 drivers; got {len(chosen)}")
    return ipa(_dataset(dataset), outcome, chosen, method=method)
