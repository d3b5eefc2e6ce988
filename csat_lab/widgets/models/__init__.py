"""Model functions behind the explorers: controls in, a result object out.

Each ``*_model`` is a thin composition of computation-layer functions (no
widgets, no plotting), so an analyst can call it with the same arguments a
trainer sets with the sliders, and tests can check it without a browser.
Datasets and fitted models are loaded once per process and cached.

==========================  ====================================================
explorer                    model function
==========================  ====================================================
NPS calculator              :func:`nps_model`
NPS change between waves    :func:`nps_difference_model`
expectation vs perception   :func:`disconfirmation_model`
sample size / MOE / power   :func:`sample_size_model`
Kano classifier             :func:`kano_model`
loyalty curve and zones     :func:`loyalty_curve_model`
key drivers / IPA           :func:`key_driver_model`
churn and retention         :func:`churn_model`
lifetime value              :func:`clv_model`
80/20, Lorenz               :func:`pareto_model`
cohort heatmap              :func:`cohort_model`
complaint handling          :func:`complaint_model`
==========================  ====================================================

Examples
--------
>>> from csat_lab.widgets import models
>>> models.churn_model(customers=400, lost=30).churn.retention
0.925
"""

from __future__ import annotations

from .customers import (
                                VALUE_SOURCES,
                                ChurnCalculation,
                                CLVCalculation,
                                ComplaintSimulation,
                                churn_model,
                                clv_model,
                                cohort_model,
                                complaint_model,
                                pareto_model,
)
from .loyalty import CURVE_SOURCES, DRIVER_SOURCES, LOYALTY_SOURCES, LoyaltyCurve, key_driver_model, loyalty_curve_model
from .survey import (
                                KanoCalculation,
                                NPSDifference,
                                SampleSizePlan,
                                disconfirmation_model,
                                kano_model,
                                nps_difference_model,
                                nps_model,
                                sample_size_model,
)

__all__ = [
    "nps_model", "nps_difference_model", "disconfirmation_model", "sample_size_model", "kano_model",
    "loyalty_curve_model", "key_driver_model",
    "churn_model", "clv_model", "pareto_model", "cohort_model", "complaint_model",
    "NPSDifference", "SampleSizePlan", "KanoCalculation", "LoyaltyCurve", "ChurnCalculation", "CLVCalculation",
    "ComplaintSimulation", "CURVE_SOURCES", "LOYALTY_SOURCES", "DRIVER_SOURCES", "VALUE_SOURCES",
]
