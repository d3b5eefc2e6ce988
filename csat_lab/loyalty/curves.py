"""Chosen (theoretical) satisfaction -> loyalty curves: what competition does to loyalty.

Jones & Sasser (1995) contrast two markets. Where customers can switch
easily, loyalty stays low from "very dissatisfied" up to "satisfied" and
jumps only for the completely satisfied, about six times as loyal as the
merely satisfied. Where they cannot (a monopoly, high switching costs,
strong loyalty programmes) loyalty is high whatever the satisfaction.
:func:`theoretical_curve` draws one member of a family spanning the two, so a
trainer can show the shape before any data is fitted; :func:`~.zones.loyalty_curve`
fits the same kind of table to survey data.

Examples
--------
>>> from csat_lab.loyalty import theoretical_curve
>>> theoretical_curve(competition=0.0).curve["estimate"].round(2).tolist()
[0.9, 0.9, 0.9, 0.9, 0.9]
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any

import numpy as np
import pandas as pd

from .._core.results import Result, message_column
from .._core.validate import finite_number
from ..errors import CsatInputError
from ..i18n import Message
from ..scales import Scale
from ..scales import get as get_scale
from .zones import loyalty_zones

__all__ = ["TheoreticalCurve", "theoretical_curve"]

_REFERENCE = Message("value.reference.loyalty_curve")


@dataclasses.dataclass(frozen=True)
class TheoreticalCurve(Result):
    """A chosen satisfaction -> loyalty curve with its zones and top-to-second-box ratio.

    Attributes
    ----------
    curve : pandas.DataFrame
        One row per scale level: ``level``, ``estimate`` (loyalty, a
        probability of repurchase), ``ci_low`` and ``ci_high`` (NaN: a chosen
        curve has no sampling error), ``zone`` and ``zone_label``; the layout
        of :func:`~csat_lab.loyalty.loyalty_curve`.
    ratio : float
        Loyalty of the top level over loyalty of the second level, ``p(v_m) / p(v_{m-1})``.
    exponent : float
        ``k``, the exponent of the competitive curve.
    competition : float
        ``g`` in [0, 1], as passed: 0 a protected market, 1 a fully competitive one.
    top_ratio : float
        ``R``, the top-to-second-box ratio at full competition, as passed.
    floor : float
        Loyalty of the bottom level in a competitive market, as passed.
    ceiling : float
        Loyalty of the top level, as passed.
    scale : str
        Name of the satisfaction scale.
    zones : LoyaltyZones
        The zones of defection, indifference and affection of the scale.
    reference : Message
        The sources of the curve and the zones.
    estimate : pandas.Series
        Property: the ``estimate`` column of ``curve``, loyalty by level.
    """

    curve: pd.DataFrame
    ratio: float
    exponent: float
    competition: float
    top_ratio: float
    floor: float
    ceiling: float
    scale: str
    zones: Any
    reference: str

    @property
    def estimate(self) -> pd.Series:
        """Loyalty at each satisfaction level (the ``estimate`` column of ``curve``)."""
        return self.curve["estimate"]

    def plot(self, ax: Any = None, **kwargs: Any) -> Any:
        """The curve on a 0-1 axis, zones shaded (:func:`csat_lab.plots.loyalty.theoretical_curve_plot`)."""
        from ..plots.loyalty import theoretical_curve_plot

        return theoretical_curve_plot(self, ax=ax, **kwargs)

    def _summary(self) -> list[tuple[str, Any]]:
        return [("loyalty.theory.competition", self.competition), ("loyalty.theory.top_ratio", self.top_ratio),
                ("loyalty.ratio", self.ratio), ("loyalty.theory.exponent", self.exponent),
                ("loyalty.theory.floor", self.floor), ("loyalty.theory.ceiling", self.ceiling),
                ("loyalty.theory.scale", self.scale), ("loyalty.theory.reference", self.reference)]


def _check(competition: object, top_ratio: object, floor: object, ceiling: object) -> tuple[float, ...]:
    gamma = finite_number(competition, "competition")
    if not 0.0 <= gamma <= 1.0:
        raise CsatInputError(f"competition must lie between 0 (protected market) and 1 (fully competitive), "
                             f"got {competition!r}")
    ratio = finite_number(top_ratio, "top_ratio")
    if ratio < 1.0:
        raise CsatInputError(f"top_ratio must be at least 1 (the top box at least as loyal as the second box), "
                             f"got {top_ratio!r}")
    low, high = finite_number(floor, "floor"), finite_number(ceiling, "ceiling")
    for name, v, raw in (("floor", low, floor), ("ceiling", high, ceiling)):
        if not 0.0 < v < 1.0:
            raise CsatInputError(f"{name} is a probability of repurchase and must lie strictly between 0 and 1, "
                                 f"got {raw!r}")
    if low >= high:
        raise CsatInputError(f"floor ({low:g}) must be below ceiling ({high:g})")
    if ratio >= high / low:
        raise CsatInputError(
            f"top_ratio {ratio:g} cannot be reached under the ceiling: with floor {low:g} and ceiling {high:g} the "
            f"top box is less than ceiling/floor = {high / low:.4g} times as loyal as the second box; choose a "
            f"top_ratio below {high / low:.4g}, a lower floor or a higher ceiling")
    return gamma, ratio, low, high


def theoretical_curve(*, competition: float = 1.0, top_ratio: float = 6.0, floor: float = 0.1,
                      ceiling: float = 0.9, scale: str | Scale = "satisfaction5") -> TheoreticalCurve:
    """Loyalty (probability of repurchase) at each satisfaction level for a chosen market.

    A one-parameter bridge between the two curves of Jones & Sasser (1995):
    the convex curve of a competitive market, in which the completely
    satisfied are ``top_ratio`` times as loyal as the merely satisfied, and
    the flat, high curve of a protected market (monopoly, high switching
    costs), in which satisfaction hardly matters. Levels are tagged with the
    zones of defection, indifference and affection of
    :func:`~csat_lab.loyalty.loyalty_zones` (Heskett et al. 1994; Jones &
    Sasser 1995).

    Parameters
    ----------
    competition : float, default 1.0
        ``g`` in [0, 1]: 0 a protected market, 1 a fully competitive one.
    top_ratio : float, default 6.0
        ``R >= 1``: loyalty of the top box over the second box at competition 1
        (Jones & Sasser report about 6).
    floor, ceiling : float, default 0.1 and 0.9
        Loyalty of the bottom level in a competitive market and of the top
        level (in any market); probabilities with ``0 < floor < ceiling < 1``.
    scale : str or Scale, default "satisfaction5"
        Satisfaction scale (name such as ``"satisfaction5"``, ``"nps11"``), at least 3 levels.

    Returns
    -------
    TheoreticalCurve
        ``curve`` (DataFrame with ``level``, ``estimate`` = ``p``, ``ci_low``
        and ``ci_high`` (NaN: a chosen curve has no sampling error), ``zone``,
        ``zone_label``, the same layout as :func:`~csat_lab.loyalty.loyalty_curve`,
        so :func:`csat_lab.plots.loyalty_curve_plot` draws it), ``ratio``
        ``p(v_m) / p(v_{m-1})``, ``exponent`` ``k``, the inputs, ``zones`` and
        ``reference``.

    Raises
    ------
    CsatInputError
        competition outside [0, 1], top_ratio below 1, floor or ceiling not
        strictly between 0 and 1, floor not below ceiling, top_ratio not
        below ceiling/floor, a scale of fewer than 3 levels or an unknown one.

    Notes
    -----
    With scale levels ``v_1 < ... < v_m`` (``m >= 3``), position on the
    scale ``t(v) = (v - v_1) / (v_m - v_1)`` and ``t_2 = t(v_{m-1})`` the
    position of the second box, floor ``f``, ceiling ``c``, target ratio
    ``R`` and competition ``g``:

    .. math::

        q(v) = f + (c - f)\\, t(v)^k, \\qquad
        k = \\frac{\\ln\\big((c / R - f) / (c - f)\\big)}{\\ln t_2} \\ge 0,

        p(v) = (1 - g)\\, c + g\\, q(v).

    The competitive curve ``q`` rises from the floor at the bottom level to
    the ceiling at the top; the exponent ``k`` is solved so that
    ``q(v_m) / q(v_{m-1}) = c / (f + (c - f) t_2^k) = R`` exactly. It is
    convex when ``k > 1`` (on satisfaction 1-5 with the defaults, ``R = 6``
    gives ``k = ln(1/16) / ln(3/4) = 9.64``: loyalty 0.10, 0.10, 0.10, 0.15,
    0.90). ``t^k`` is taken as 0 at the bottom level for every ``k``, also
    ``k = 0`` (``R = 1``), so the bottom level always sits at the floor.
    The curve shown, ``p``, blends ``q`` linearly with the flat protected
    curve ``p = c``: ``g = 0`` is flat at the ceiling, ``g = 1`` is ``q``,
    and in between the top-to-second-box ratio falls from ``R`` towards 1.
    Every ``p`` is non-decreasing in satisfaction and ``p(v_m) = c``.
    ``R`` must satisfy ``1 <= R < c / f``: even a second box at the floor
    makes the top box only ``c / f`` times as loyal.

    References
    ----------
    Jones, T. O. & Sasser, W. E. (1995). Why satisfied customers defect.
    Harvard Business Review, 73(6), 88-99.
    Heskett, J. L., Jones, T. O., Loveman, G. W., Sasser, W. E. & Schlesinger,
    L. A. (1994). Putting the service-profit chain to work. Harvard Business
    Review, 72(2), 164-174.

    Examples
    --------
    >>> res = theoretical_curve()
    >>> res.curve[["level", "estimate", "zone"]].round(3)
       level  estimate          zone
    0      1     0.100     defection
    1      2     0.100     defection
    2      3     0.101  indifference
    3      4     0.150  indifference
    4      5     0.900     affection
    >>> round(res.ratio, 6), round(res.exponent, 2)
    (6.0, 9.64)
    >>> round(theoretical_curve(competition=0.5).ratio, 2)
    1.71
    """
    gamma, ratio, low, high = _check(competition, top_ratio, floor, ceiling)
    spec = get_scale(scale)
    levels = np.asarray(sorted(spec.values), dtype=float)
    if levels.size < 3:
        raise CsatInputError(f"scale {spec.name!r} has {levels.size} levels; a loyalty curve needs at least 3")
    t = (levels - levels[0]) / (levels[-1] - levels[0])
    exponent = math.log((high / ratio - low) / (high - low)) / math.log(t[-2])
    rise = np.power(t, exponent, out=np.zeros_like(t), where=t > 0)
    competitive = low + (high - low) * rise
    loyalty = (1.0 - gamma) * high + gamma * competitive
    zones = loyalty_zones(scale=spec)
    zone_of = {code: z for z, codes in zones.items() for code in codes}
    codes = [int(v) for v in levels]
    zone = [zone_of.get(v, "") for v in codes]
    curve = pd.DataFrame({"level": codes, "estimate": loyalty, "ci_low": np.nan, "ci_high": np.nan, "zone": zone,
                          "zone_label": message_column(Message(f"loyalty.zone.{z}") if z else "" for z in zone)})
    return TheoreticalCurve(curve=curve, ratio=float(loyalty[-1] / loyalty[-2]), exponent=float(exponent),
                            competition=gamma, top_ratio=ratio, floor=low, ceiling=high, scale=spec.name,
                            zones=zones, reference=_REFERENCE)
