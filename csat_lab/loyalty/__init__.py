"""Satisfaction -> loyalty: regression, key drivers, IPA and PLS path models.

Public API (see each function's docstring):

* regression (:mod:`.regression`, :mod:`.zones`): :func:`loyalty_regression`,
  :func:`loyalty_curve` (:class:`LoyaltyCurveResult`), :func:`loyalty_zones`
  (:class:`LoyaltyZones`), :func:`top_box_loyalty_ratio`
* chosen curves (:mod:`.curves`): :func:`theoretical_curve` (Jones & Sasser's competitive
  and protected markets)
* key drivers (:mod:`.drivers`, :mod:`.ipa`): :func:`shapley_importance`,
  :func:`relative_weights` (:class:`DriverImportance`), :func:`ipa` (:class:`IPAResult`)
* path models (:mod:`.pls`): :func:`pls_path_model`, :data:`ECSI_MODEL`, :data:`ACSI_MODEL`
* planning (:mod:`.planning`): :func:`power_for_path`

Columns are keyword arguments (``satisfaction=``, ``loyalty=``, ``outcome=``,
``drivers=``); bootstrap replicates are ``n_boot=`` with a fixed default
``seed=0``, so the same call gives the same intervals.

``simulate_structural`` lives in :mod:`csat_lab.simulate` (data layer);
``csat_lab.loyalty.simulate_structural`` still resolves to it, on first use.

Examples
--------
>>> from csat_lab import loyalty
>>> loyalty.ECSI_MODEL.constructs
('IMAG', 'EXPE', 'QUAL', 'VAL', 'SAT', 'COM', 'LOY')
"""

from __future__ import annotations

import importlib
from typing import Any

from .curves import TheoreticalCurve, theoretical_curve
from .drivers import DriverImportance, relative_weights, shapley_importance, subset_r2
from .ipa import IPA_METHODS, QUADRANTS, IPAResult, ipa
from .planning import PowerResult, power_for_path
from .pls import ACSI_MODEL, ECSI_MODEL, SCHEMES, PathModelSpec, PLSResult, parse_inner, pls_path_model
from .regression import KINDS, LoyaltyModel, loyalty_regression
from .zones import (ZONES, LoyaltyCurveResult, LoyaltyRatio, LoyaltyZones, loyalty_curve, loyalty_zones,
                    top_box_loyalty_ratio)

__all__ = [
    "KINDS", "LoyaltyModel", "loyalty_regression",
    "ZONES", "LoyaltyCurveResult", "LoyaltyRatio", "LoyaltyZones", "loyalty_curve", "loyalty_zones",
    "top_box_loyalty_ratio",
    "TheoreticalCurve", "theoretical_curve",
    "DriverImportance", "relative_weights", "shapley_importance", "subset_r2",
    "IPA_METHODS", "QUADRANTS", "IPAResult", "ipa",
    "SCHEMES", "PLSResult", "parse_inner", "pls_path_model",
    "ACSI_MODEL", "ECSI_MODEL", "PathModelSpec",
    "PowerResult", "power_for_path", "simulate_structural",
]


def __getattr__(name: str) -> Any:
    # The data layer sits above computation, so this alias is resolved by name on first use
    # rather than imported: csat_lab.simulate imports csat_lab.loyalty, not the other way round.
    if name == "simulate_structural":
        return getattr(importlib.import_module("csat_lab.simulate.structural"), name)
    raise AttributeError(f"module 'csat_lab.loyalty' has no attribute {name!r}")
