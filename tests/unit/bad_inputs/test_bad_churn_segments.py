"""Bad-input catalogue: churn and segments (issue 13).

Every case is a hostile or edge input a user meets; the expectation is a ``CsatInputError``
naming the argument, column or row, or the correct value worked out by hand in the case.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from catalogue import Case, Raises, Returns, ids, run

import csat_lab as cl
from csat_lab.churn.bgnbd import BGNBDModel, GammaGammaModel

ch, sg = cl.churn, cl.segments

LOG = pd.DataFrame({"customer_id": [1, 1, 2], "date": ["2024-01-01", "2024-01-05", "2024-01-03"],
                    "amount": [10.0, 20.0, 30.0]})
MIXED_IDS = LOG.assign(customer_id=[1, "1", 2])
TZ_LOG = LOG.assign(date=pd.to_datetime(LOG["date"]).dt.tz_localize("UTC"))
STATUS = pd.DataFrame({"customer_id": [1, 2, 3], "start_date": ["2023-01-01", "2023-06-01", "2023-09-01"],
                       "end_date": [None, "2024-02-10", None]})
BG = BGNBDModel({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}, 0.0, 0, 0, {}, "")
BG_SINGULAR = BGNBDModel({"r": 1.0, "alpha": 1.0, "a": 0.5, "b": 0.5}, 0.0, 0, 0, {}, "")
GG = GammaGammaModel({"p": 6.25, "q": 3.74, "gamma": 15.44}, 0.0, 35.22, 0, 0, {}, "")
PATH = pd.DataFrame({"afford": [1, 1], "need": [1, "maybe"], "intent": [1, 0], "bought": [0, 0]})

CASES = [
    # --- rates ---------------------------------------------------------------------------------
    Case("churn-rate-bool", ch.churn_rate, (True, 10), expect=Raises(r"^lost must be a whole number.*boolean")),
    Case("churn-rate-text", ch.churn_rate, ("3", "ten"), expect=Raises(r"customers must be a whole number")),
    Case("churn-rate-ci-95", ch.churn_rate, (3, 10), {"ci": 95}, expect=Raises(r"^ci must lie strictly between 0 and 1")),
    Case("churn-rate-lost-gt-base", ch.churn_rate, (12, 10), expect=Raises(r"lost \(12\) cannot exceed customers")),
    Case("churn-rate-float-counts", ch.churn_rate, (30.0, 400.0),
         expect=Returns(lambda r: r.rate == 0.075, "30 / 400 = 0.075; whole floats are counts")),
    Case("retention-rate-negative", ch.retention_rate, (-1, 10), expect=Raises(r"retained must not be negative")),
    Case("monthly-to-annual-percent", ch.monthly_to_annual, (5,), expect=Raises(r"rate must be a proportion.*0.05")),
    Case("annual-to-monthly-periods-float", ch.annual_to_monthly, (0.2,), {"periods": 1.5},
         expect=Raises(r"periods must be a whole number")),
    Case("expected-lifetime-zero", ch.expected_lifetime, (0.0,), expect=Raises(r"churn must be above 0")),
    Case("revenue-retention-inf", ch.revenue_retention, (np.inf, 1.0), expect=Raises(r"start_revenue must be a finite")),
    Case("revenue-from-customers-text", ch.revenue_retention_from_customers,
         (pd.DataFrame({"q1": [100, 50], "q2": ["x", 40]}),), {"before": "q1", "after": "q2"},
         expect=Raises(r"'q2' must be numeric; rows \[0\]")),
    # --- value ---------------------------------------------------------------------------------
    Case("clv-diverging-discount", ch.clv, (100, 0.8, -0.5), expect=Raises(r"retention must be below 1 \+ discount")),
    Case("clv-overflow", ch.clv, (1e308, 0.99, 0.0), expect=Raises(r"lifetime value overflows")),
    Case("clv-retention-one", ch.clv, (100, 1.0, 0.1), expect=Raises(r"^retention must be below 1")),
    Case("clv-sensitivity-text-grid", ch.clv_sensitivity, (100, "abc"), expect=Raises(r"^retention must be a number")),
    Case("clv-sensitivity-nested", ch.clv_sensitivity, (100, [[0.5]]), expect=Raises(r"^retention must be a number")),
    Case("retention-economics-no-customers", ch.retention_economics, (0, 0.8, 100),
         expect=Raises(r"customers and new_customers are both 0")),
    Case("retention-economics-years-bool", ch.retention_economics, (100, 0.8, 10), {"years": True},
         expect=Raises(r"^years must be a whole number.*boolean")),
    Case("retention-economics-overflow", ch.retention_economics, (10**300, 0.8, 1e300), expect=Raises(r"overflow")),
    Case("retention-economics-break-even", ch.retention_economics, (100, 0.8, 10), {"retention_cost": 10},
         expect=Returns(lambda e: e.extra_profit == 0.0 and math.isnan(e.profit_increase),
                        "margin = retention cost: every profit is 0, the relative increase 0/0 (documented nan)")),
    # --- period churn --------------------------------------------------------------------------
    Case("period-churn-start-not-date", ch.period_churn, (STATUS, "soon", "2024-04-01"),
         expect=Raises(r"^period_start must be a date")),
    Case("period-churn-end-number", ch.period_churn, (STATUS, "2024-01-01", 20240401),
         expect=Raises(r"^period_end must be a date")),
    Case("period-churn-tz-aware-period", ch.period_churn,
         (STATUS, pd.Timestamp("2024-01-01", tz="UTC"), pd.Timestamp("2024-04-01", tz="UTC")),
         expect=Returns(lambda r: r.lost == 1 and r.customers == 3.0,
                        "customers 1-3 active on 2024-01-01, customer 2 ended 2024-02-10: 1 of 3 lost")),
    Case("period-churn-ci-text", ch.period_churn, (STATUS, "2024-01-01", "2024-04-01"), {"ci": "95%"},
         expect=Raises(r"^ci must be a number")),
    Case("period-churn-mixed-ids", ch.period_churn,
         (STATUS.assign(customer_id=[1, "1", 2]), "2024-01-01", "2024-04-01"),
         expect=Raises(r"'customer_id' holds the ids 1, '1'")),
    # --- transaction logs ----------------------------------------------------------------------
    Case("validate-now-not-date", ch.validate_transactions, (LOG,), {"now": "yesterday-ish"},
         expect=Raises(r"^now must be a date")),
    Case("validate-dates-numbers", ch.validate_transactions, (LOG.assign(date=[1, 2, 3]),),
         expect=Raises(r"'date' must hold dates, not numbers; rows \[0, 1, 2\]")),
    Case("validate-mixed-ids", ch.validate_transactions, (MIXED_IDS,), {"now": "2024-02-01"},
         expect=Raises(r"'customer_id' holds the ids 1, '1' \(rows \[0, 1\]\)")),
    Case("validate-amount-inf", ch.validate_transactions, (LOG.assign(amount=[1.0, np.inf, 2.0]),),
         {"amount": "amount", "now": "2024-02-01"}, expect=Raises(r"'amount' must hold finite amounts; rows \[1\]")),
    Case("summary-now-number", ch.summary_from_transactions, (LOG,), {"now": 5}, expect=Raises(r"^now must be a date")),
    Case("summary-now-before-data", ch.summary_from_transactions, (LOG,), {"now": "2023-12-01"},
         expect=Raises(r"every transaction is dated after now=2023-12-01")),
    Case("summary-tz-now", ch.summary_from_transactions, (LOG,),
         {"now": pd.Timestamp("2024-01-29", tz="Asia/Shanghai"), "period": "D"},
         expect=Returns(lambda s: s.table["T"].tolist() == [28.0, 26.0],
                        "aware now read as wall-clock 2024-01-29: T = 28 and 26 days")),
    Case("summary-tz-dates-now", ch.summary_from_transactions, (TZ_LOG,),
         {"now": pd.Timestamp("2024-01-05 07:00", tz="Asia/Shanghai")},
         expect=Returns(lambda s: s.n_dropped == 1 and s.table["frequency"].tolist() == [0, 0],
                        "now = 2024-01-04 23:00 UTC: the 2024-01-05 purchase lies after it")),
    Case("cohort-now-empty-text", ch.cohort_table, (LOG,), {"now": ""}, expect=Raises(r"^now must be a date")),
    Case("cohort-mixed-ids", ch.cohort_table, (MIXED_IDS,), {"now": "2024-02-01"},
         expect=Raises(r"'customer_id' holds the ids")),
    Case("cohort-amount-inf", ch.cohort_table, (LOG.assign(amount=[np.inf, 1.0, 2.0]),),
         {"amount": "amount", "now": "2024-02-01"}, expect=Raises(r"'amount' must hold finite amounts; rows \[0\]")),
    Case("cohort-period-lower", ch.cohort_table, (LOG,), {"period": "m", "now": "2024-02-01"},
         expect=Raises(r"^period must be one of")),
    # --- survival ------------------------------------------------------------------------------
    Case("km-infinite-duration", ch.kaplan_meier, (), {"duration": [1, np.inf, 3], "event": [1, 0, 1]},
         expect=Raises(r"duration must be finite.*rows \[1\]")),
    Case("km-negative-duration", ch.kaplan_meier, (), {"duration": [1, -2, 3], "event": [1, 0, 1]},
         expect=Raises(r"duration must not be negative; rows \[1\]")),
    Case("km-event-text", ch.kaplan_meier, (), {"duration": [1, 2, 3], "event": [1, "gone", 1]},
         expect=Raises(r"'event' must be True/False.*rows \[1\]")),
    Case("km-groups-clash", ch.kaplan_meier, (),
         {"duration": [1, 2, 3, 4], "event": [1, 0, 1, 1], "group": [1, "1", 2, 2]},
         expect=Raises(r"group holds the labels 1, '1'")),
    Case("km-all-censored", ch.kaplan_meier, (), {"duration": [1, 2, 3], "event": [0, 0, 0]},
         expect=Returns(lambda k: k.median is None and k.survival_at(3) == 1.0,
                        "no event: the curve stays at 1 and the median is not reached")),
    # --- BG/NBD and Gamma-Gamma ----------------------------------------------------------------
    Case("bgnbd-one-customer", ch.fit_bgnbd, ([2], [3], [5]), expect=Raises(r"at least 4 customers")),
    Case("bgnbd-no-repeat", ch.fit_bgnbd, ([0] * 6, [0] * 6, [5, 6, 7, 8, 9, 10]),
         expect=Raises(r"no customer made a repeat purchase")),
    Case("bgnbd-all-T-zero", ch.fit_bgnbd, ([0] * 5, [0] * 5, [0] * 5), expect=Raises(r"every customer has T = 0")),
    Case("bgnbd-recency-gt-T", ch.fit_bgnbd, ([1, 2, 0, 1], [6, 1, 0, 2], [5, 5, 5, 5]),
         expect=Raises(r"recency must lie between 0 and T.*rows \[0\]")),
    Case("bgnbd-text-frequency", ch.fit_bgnbd, (["one", 2], [1, 1], [5, 5]),
         expect=Raises(r"'frequency' must be numeric; rows \[0\]")),
    Case("p-alive-recency-gt-T", BG.p_alive, ([2], [50.0], [38.0]), expect=Raises(r"recency must lie between 0 and T")),
    Case("p-alive-negative-frequency", BG.p_alive, ([-2], [5.0], [38.0]), expect=Raises(r"frequency must be whole")),
    Case("expected-purchases-negative-T", BG.expected_purchases, (10, [1], [0.0], [-1.0]),
         expect=Raises(r"T \(time observed since the first purchase\) must not be negative")),
    Case("expected-purchases-singular", BG_SINGULAR.expected_purchases, (1.0, [0], [0.0], [1.0]),
         expect=Returns(lambda v: abs(v[0] - 6 ** -0.5) < 1e-12,
                        "a+b=1, x=0: limit r z (1-z)^(a-1) 2F1(1-r, a; 2; z) with r=1, z=1/3: (1/3)(2/3)^-0.5 = 1/sqrt(6)")),
    Case("expected-purchases-new-text", BG.expected_purchases_new, ("a week",), expect=Raises(r"'t' must be numeric")),
    Case("gamma-gamma-nonpositive-spend", ch.fit_gamma_gamma,
         (pd.Series([1, 2, 3], index=["ann", "bob", "cy"]), pd.Series([10.0, 0.0, 3.0], index=["ann", "bob", "cy"])),
         expect=Raises(r"must be positive .*rows \['bob'\] hold 0")),
    Case("gamma-gamma-equal-spend", ch.fit_gamma_gamma, ([1, 2, 3, 1], [10.0] * 4), expect=Raises(r"same mean spend")),
    Case("conditional-spend-negative", GG.conditional_expected_spend, ([2], [-5.0]),
         expect=Raises(r"monetary .*must not be negative; rows \[0\]")),
    Case("pclv-recency-gt-T", ch.probabilistic_clv, (BG, GG, [1], [50.0], [38.0], [20.0]),
         expect=Raises(r"recency must not exceed T")),
    Case("pclv-swapped-models", ch.probabilistic_clv, (GG, BG, [1], [5.0], [38.0], [20.0]),
         expect=Raises(r"the fitted models are swapped")),
    Case("bgnbd-maxiter-zero", ch.fit_bgnbd, ([0, 1, 2, 3], [0, 1, 2, 3], [5, 5, 5, 5]), {"maxiter": 0},
         expect=Raises(r"^maxiter must be a whole number of at least 1")),
    Case("pclv-spend-overflow", ch.probabilistic_clv, (BG, GG, [1, 1], [0.5, 0.5], [1.0, 1.0], [1e308, 1e308]),
         expect=Raises(r"expected spend overflows at rows \[0, 1\]")),
    Case("validate-duplicate-columns", ch.validate_transactions, (pd.concat([LOG, LOG[["amount"]]], axis=1),),
         {"amount": "amount", "now": "2024-02-01"}, expect=Raises(r"column 'amount' appears 2 times")),
    Case("period-churn-inactivity-number", ch.period_churn, (LOG, "2024-01-02", "2024-01-10"),
         {"kind": "non-contractual", "inactivity": 90}, expect=Raises(r"^inactivity must be a duration with a unit")),
    Case("revenue-from-customers-inf", ch.revenue_retention_from_customers,
         (pd.DataFrame({"q1": [np.inf, 50.0], "q2": [10.0, 40.0]}),), {"before": "q1", "after": "q2"},
         expect=Raises(r"revenue in 'q1' and 'q2' must be finite; rows \[0\]")),
    # --- segments ------------------------------------------------------------------------------
    Case("rfm-amount-sum-overflow", sg.rfm, (LOG.assign(amount=[1e308, 1e308, 1.0]),), {"now": "2024-02-01"},
         expect=Raises(r"sums of 'amount' per customer overflow")),
    Case("rfm-now-not-date", sg.rfm, (LOG,), {"now": "abc"}, expect=Raises(r"^now must be a date")),
    Case("rfm-mixed-ids", sg.rfm, (MIXED_IDS,), {"now": "2024-02-01"}, expect=Raises(r"'customer_id' holds the ids")),
    Case("rfm-bins-text", sg.rfm, (LOG,), {"bins": "5", "now": "2024-02-01"}, expect=Raises(r"^bins must be a whole")),
    Case("rfm-refunds-only", sg.rfm, (LOG.assign(amount=[-1.0, -2.0, -3.0]),), {"now": "2024-02-01"},
         expect=Raises(r"every row of 'amount' is a refund")),
    Case("rfm-tz-now", sg.rfm, (LOG,), {"now": pd.Timestamp("2024-01-31", tz="America/New_York")},
         expect=Returns(lambda r: r.table["recency"].tolist() == [26, 28],
                        "now read as wall-clock 2024-01-31: 26 days after 01-05, 28 after 01-03")),
    Case("quantile-scores-text", sg.quantile_scores, (["a", "b"],), expect=Raises(r"'values' must be numeric")),
    Case("quantile-scores-huge", sg.quantile_scores, ([1e308, -1e308, 0.0],),
         expect=Returns(lambda s: s.tolist() == [4, 1, 2], "ranks 2, 0, 1 of 3 -> 1 + 5 rank // 3")),
    Case("value-tiers-all-missing", sg.value_tiers, (np.array([np.nan, np.nan]),), expect=Raises(r"values are all missing")),
    Case("value-tiers-shares-percent", sg.value_tiers, ([1, 2, 3],), {"high": 20},
         expect=Raises(r"^high must lie strictly between 0 and 1")),
    Case("abc-infinite", sg.abc_classes, ([1, np.inf, 3],), expect=Raises(r"values must be finite; rows \[1\]")),
    Case("pareto-huge", sg.pareto, ([1e308, 1e308, 3.0],),
         expect=Returns(lambda p: abs(p.gini - 1 / 3) < 1e-12, "Gini of (0, 1, 1) = 1/3; rescaled, no overflow")),
    Case("pareto-negative", sg.pareto, ([5, -1, 3],), expect=Raises(r"values must not be negative")),
    Case("classify-path-text-flag", sg.classify_path, (PATH,),
         {"can_afford": "afford", "needs": "need", "intends": "intent", "purchased": "bought"},
         expect=Raises(r"'need' must be True/False.*rows \[1\]")),
    Case("path-funnel-all-missing", sg.path_funnel, (pd.Series([None, None]),), expect=Raises(r"no stage to count")),
    Case("winback-value-text", sg.winback_priority, (pd.DataFrame({"v": ["a", "b"]}),), {"value": "v"},
         expect=Raises(r"'v' must be numeric")),
    Case("lost-summary-all-missing", sg.lost_customer_summary, (pd.DataFrame({"k": [None, None]}),), {"type": "k"},
         expect=Raises(r"'k' is missing in every row")),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case):
    run(case)


def test_catalogue_size():
    assert len(CASES) >= 35
