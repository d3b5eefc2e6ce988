"""Customer segments: RFM, value tiers, ABC classes, Pareto / 80-20, the sales path and lost customers.

* :mod:`.rfm`: recency, frequency and monetary scores from a transaction log
* :mod:`.value`: value tiers, ABC classes, Pareto share, Lorenz curve and Gini
* :mod:`.lost`: the sales-path classification, win-back priorities, the six
  lost-customer types and the eight churn factors

Examples
--------
>>> import csat_lab as cl
>>> round(cl.segments.pareto([50, 30, 10, 5, 5]).gini, 2)
0.46
"""

from __future__ import annotations

from .lost import (
                   CHURN_FACTORS,
                   LOST_CUSTOMER_TYPES,
                   PATH_STAGES,
                   WINBACK_ACTIONS,
                   classify_path,
                   lost_customer_summary,
                   path_funnel,
                   winback_priority,
)
from .rfm import RFMResult, quantile_scores, rfm
from .value import TIERS, ParetoResult, abc_classes, pareto, value_tiers

__all__ = [
    "RFMResult", "ParetoResult", "rfm", "quantile_scores", "value_tiers", "abc_classes", "pareto",
    "TIERS", "PATH_STAGES", "WINBACK_ACTIONS", "LOST_CUSTOMER_TYPES", "CHURN_FACTORS",
    "classify_path", "path_funnel", "winback_priority", "lost_customer_summary",
]
