"""Satisfaction -> loyalty: regression, key drivers, IPA and PLS path models.

Public API (see each function's docstring):

* regression (:mod:`.regression`, :mod:`.zones`): :func:`loyalty_regression`,
  :func:`loyalty_curve`, :func:`loyalty_zones`, :func:`top_box_loyalty_ratio`
* chosen curves (:mod:`.curves`): :func:`theoretical_curve` (Jones & Sasser's competitive
  and protected markets)
* key drivers (:mod:`.drivers`, :mod:`.ipa`): :func:`shapley_importance`,
  :func:`relative_weights`, :func:`ipa`
* path models (:mod:`.pls`, :mod:`.models`): :func:`pls_path_model`,
  :data:`ECSI_MODEL`, :data:`ACSI_MODEL`
* planning (:mod:`.planning`): :func:`simulate_structural`, :func:`power_for_path`

Examples
--------
>>> from csat_lab import loyalty
>>> loyalty.ECSI_MODEL.constructs
('IMAG', 'EXPE', 'QUAL', 'VAL', 'SAT', 'COM', 'LOY')
"""

from __future__ import annotations

from .curves import TheoreticalCurve, theoretical_curve
from .drivers import relative_weights, shapley_importance, subset_r2
from .ipa import IPA_METHODS, QUADRANTS, ipa
from .models import ACSI_MODEL, ECSI_MODEL, PathModelSpec
from .planning import PowerResult, power_for_path, simulate_structural
from .pls import SCHEMES, PLSResult, parse_inner, pls_path_model
from .regression import KINDS, LoyaltyModel, loyalty_regression
from .zones import ZONES, LoyaltyRatio, loyalty_curve, loyalty_zones, top_box_loyalty_ratio

__all__ = [
    "KINDS", "LoyaltyModel", "loyalty_regression",
    "ZONES", "LoyaltyRatio", "loyalty_curve", "loyalty_zones", "top_box_loyalty_ratio",
    "TheoreticalCurve", "theoretical_curve",
    "relative_weights", "shapley_importance", "subset_r2",
    "IPA_METHODS", "QUADRANTS", "ipa",
    "SCHEMES", "PLSResult", "parse_inner", "pls_path_model",
    "ACSI_MODEL", "ECSI_MODEL", "PathModelSpec",
    "PowerResult", "power_for_path", "simulate_structural",
]
