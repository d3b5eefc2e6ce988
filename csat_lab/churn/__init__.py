"""Churn, retention and customer value: the course's formulas on real data.

=====================================  ==============================================
rates                                  :func:`churn_rate`, :func:`retention_rate`,
                                       :func:`revenue_retention`, monthly <-> annual,
                                       :func:`expected_lifetime`
period churn                           :func:`period_churn` (status table or log)
cohorts                                :func:`cohort_table` (retention triangle)
survival                               :func:`kaplan_meier` (lifelines, log-rank)
value                                  :func:`customer_lifetime_value` (:func:`clv`),
                                       :func:`clv_sensitivity`, :func:`retention_economics`
probabilistic value (non-contractual)  :func:`fit_bgnbd`, :func:`fit_gamma_gamma`,
                                       :func:`probabilistic_clv`
transaction logs                       :func:`validate_transactions`,
                                       :func:`summary_from_transactions`
=====================================  ==============================================

Examples
--------
>>> import csat_lab as cl
>>> cl.churn.churn_rate(30, 400).retention
0.925
"""

from __future__ import annotations

from .bgnbd import BGNBDModel, GammaGammaModel, fit_bgnbd, fit_gamma_gamma
from .cohorts import CohortResult, cohort_table
from .period import PeriodChurnResult, period_churn
from .probabilistic import ProbabilisticCLVResult, probabilistic_clv
from .rates import (
    ChurnResult,
    RevenueRetentionResult,
    annual_to_monthly,
    churn_rate,
    expected_lifetime,
    monthly_to_annual,
    retention_rate,
    revenue_retention,
    revenue_retention_from_customers,
)
from .survival import SurvivalResult, kaplan_meier
from .transactions import TransactionReport, TransactionSummary, summary_from_transactions, validate_transactions
from .value import CLVResult, RetentionEconomics, clv, clv_sensitivity, customer_lifetime_value, retention_economics

__all__ = [
    "ChurnResult", "RevenueRetentionResult", "PeriodChurnResult", "CohortResult", "SurvivalResult", "BGNBDModel", "GammaGammaModel",
    "CLVResult", "RetentionEconomics", "TransactionReport", "ProbabilisticCLVResult",
    "TransactionSummary",
    "churn_rate", "retention_rate", "period_churn", "revenue_retention", "revenue_retention_from_customers",
    "monthly_to_annual", "annual_to_monthly", "expected_lifetime",
    "cohort_table", "kaplan_meier", "fit_bgnbd", "fit_gamma_gamma", "probabilistic_clv",
    "customer_lifetime_value", "clv", "clv_sensitivity", "retention_economics",
    "summary_from_transactions", "validate_transactions",
]
