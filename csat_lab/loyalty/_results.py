"""Pieces shared by the loyalty result classes (internal).

* :class:`LegacyAttrs`: results that replace a DataFrame whose settings used to
  sit in ``DataFrame.attrs`` answer ``result.attrs[...]`` for one release, with a
  ``DeprecationWarning`` pointing at the result's fields.
* :func:`seed_shown`: how a seed is shown in a summary table.
* :data:`DEFAULT_SEED`: the seed of every random draw in :mod:`csat_lab.loyalty`
  when the caller gives none, so the same call gives the same answer.
"""

from __future__ import annotations

import warnings
from typing import Any, ClassVar

import numpy as np

from ..i18n import Message

#: Default seed of the bootstrap (drivers, path models): repeated calls give the same intervals.
DEFAULT_SEED = 0


class LegacyAttrs:
    """Mixin: ``result.attrs`` rebuilt from the fields, as the old DataFrame's ``attrs`` held them (deprecated)."""

    #: old ``attrs`` key -> name of the field that now holds it (set by each subclass)
    _LEGACY_ATTRS: ClassVar[dict[str, str]] = {}

    @property
    def attrs(self) -> dict[str, Any]:
        warnings.warn(f"{type(self).__name__}.attrs is deprecated: read the result's fields instead "
                      f"({', '.join('result.' + f for f in dict.fromkeys(self._LEGACY_ATTRS.values()))}); "
                      "the old DataFrame.attrs will be removed in the next release",
                      DeprecationWarning, stacklevel=2)
        return {old: getattr(self, new) for old, new in self._LEGACY_ATTRS.items()}


def ci_level_alias(result: Any) -> float:
    """``result.ci`` of results whose ``ci`` used to hold the confidence level (deprecated: ``ci_level``)."""
    warnings.warn(f"{type(result).__name__}.ci is deprecated for the confidence level: use .ci_level "
                  "(in results, ci is an interval)", DeprecationWarning, stacklevel=3)
    return result.ci_level


def seed_shown(seed: object) -> Any:
    """The seed as a summary table shows it: the number, or a message for a Generator or None."""
    if isinstance(seed, np.random.Generator):
        return Message("value.seed.generator")
    if seed is None:
        return Message("value.seed.fresh")
    return seed
