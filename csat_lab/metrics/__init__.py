"""Satisfaction scores with their uncertainty, and comparisons between groups.

* :mod:`.scores`: CSAT, top/bottom box, NPS, CES and mean scores with CIs
* :mod:`.compare`: differences between two groups or waves, and per-group tables
* :mod:`.tally`: answers validated against a scale and reduced to counts (used by both)

Examples
--------
>>> from csat_lab import metrics
>>> r = metrics.nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5])
>>> r.estimate, r.promoters, r.passives, r.detractors
(20.0, 5, 2, 3)
"""

from __future__ import annotations

from .compare import Comparison, GroupComparison, compare_groups, compare_means, compare_nps, compare_proportions
from .scores import (
                     NPSResult,
                     ScoreResult,
                     bottom_box,
                     ces,
                     csat,
                     mean_score,
                     net_promoter_score,
                     nps,
                     nps_from_counts,
                     satisfaction_rate,
                     top_box,
)

__all__ = [
    "NPSResult", "ScoreResult", "Comparison", "GroupComparison", "nps", "net_promoter_score", "nps_from_counts", "csat",
    "satisfaction_rate", "top_box", "bottom_box", "ces", "mean_score", "compare_nps", "compare_proportions",
    "compare_means", "compare_groups",
]
