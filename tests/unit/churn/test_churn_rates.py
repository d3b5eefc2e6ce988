"""Churn/retention formulas, period churn, revenue retention, CLV: hand calculations and reference data."""


import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, strategies as st
from matplotlib.axes import Axes

from csat_lab import churn
from csat_lab.errors import CsatInputError



def test_churn_rate_course_formula():
    r = churn.churn_rate(lost=45, customers=600)
    assert r.rate == pytest.approx(45 / 600)  # 7.5%
    assert r.retention == pytest.approx(1 - 45 / 600)
    assert r.percent == pytest.approx(7.5)
    assert "600" in r.denominator


def test_wilson_interval_matches_statsmodels():
    from statsmodels.stats.proportion import proportion_confint

    r = churn.churn_rate(45, 600, ci=0.9)
    lo, hi = proportion_confint(45, 600, alpha=0.1, method="wilson")
    assert r.ci == pytest.approx((lo, hi), rel=1e-10)
    assert r.ci_level == 0.9 and r.ci_method == "Wilson score"


def test_churn_result_estimate_and_retention_curve():
    r = churn.churn_rate(45, 600)
    assert r.estimate == r.rate == pytest.approx(0.075)
    ax = r.plot(periods=3)
    assert isinstance(ax, Axes)
    # (1 - 0.075)^t by hand for t = 0..3
    assert ax.lines[0].get_ydata().tolist() == pytest.approx([1, 0.925, 0.925 ** 2, 0.925 ** 3])
    plt.close(ax.figure)


def test_retention_rate_is_one_minus_churn():
    r = churn.retention_rate(retained=555, customers=600)
    assert r.lost == 45 and r.rate == pytest.approx(0.075)


@pytest.mark.parametrize("lost, customers, match", [
    (11, 10, "cannot exceed customers"),
    (-1, 10, "must not be negative"),
    (1, -10, "must not be negative"),
    (0, 0, "at least 1"),
    (1.5, 10, "whole number"),
])
def test_churn_rate_bad_input(lost, customers, match):
    with pytest.raises(CsatInputError, match=match):
        churn.churn_rate(lost, customers)


def test_monthly_annual_hand():
    # 1 - (1 - 0.03)^12 = 1 - 0.97^12 = 0.306164...
    assert churn.monthly_to_annual(0.03) == pytest.approx(1 - 0.97 ** 12)
    assert churn.annual_to_monthly(1 - 0.97 ** 12) == pytest.approx(0.03)
    with pytest.raises(CsatInputError, match="write 0.05 for 5%"):
        churn.monthly_to_annual(5)


@given(st.floats(0, 0.5))
def test_monthly_annual_roundtrip(m):
    assert churn.annual_to_monthly(churn.monthly_to_annual(m)) == pytest.approx(m, abs=1e-8)


def test_expected_lifetime():
    assert churn.expected_lifetime(0.25) == 4.0
    with pytest.raises(CsatInputError, match="infinite"):
        churn.expected_lifetime(0)


def test_revenue_retention_hand():
    # start 200; lost customers 20; downgrades 10; upgrades 30
    r = churn.revenue_retention(200, churned=20, contraction=10, expansion=30)
    assert r.revenue_churn == pytest.approx(30 / 200)
    assert r.grr == pytest.approx(170 / 200)
    assert r.nrr == pytest.approx(200 / 200)
    assert r.estimate == r.nrr
    with pytest.raises(CsatInputError, match="cannot exceed"):
        churn.revenue_retention(100, churned=90, contraction=20)


def test_revenue_retention_from_customers_hand():
    df = pd.DataFrame({"before": [100, 100, 100, 0], "after": [0, 70, 130, 50]})
    r = churn.revenue_retention_from_customers(df, before="before", after="after")
    # churned 100, contraction 30, expansion 30 on a base of 300; the new customer is excluded
    assert (r.churned, r.contraction, r.expansion) == (100, 30, 30)
    assert r.grr == pytest.approx(170 / 300) and r.nrr == pytest.approx(200 / 300)
    assert r.n_dropped == 1


# --- CLV -------------------------------------------------------------------------

def test_clv_hand_calculation():
    # m=120, r=0.75, d=0.12: 120 * 0.75 / (1 + 0.12 - 0.75) = 90 / 0.37 = 243.243...; minus AC 40
    r = churn.customer_lifetime_value(120, 0.75, 0.12, acquisition_cost=40)
    assert r.value == pytest.approx(90 / 0.37 - 40)
    assert float(r) == r.value == r.estimate
    assert r.expected_lifetime == pytest.approx(4.0)


def test_clv_equals_discounted_series():
    # the closed form is the sum over t>=1 of m r^t / (1+d)^t
    m, r, d = 50.0, 0.8, 0.1
    t = np.arange(1, 2000)
    assert churn.clv(m, r, d).value == pytest.approx(np.sum(m * r ** t / (1 + d) ** t))


def test_clv_first_margin_certain_is_the_series_from_r_to_the_zero():
    # the course's timing: sum over t>=1 of m r^(t-1) / (1+d)^t = m / (1 + d - r); m=120, r=.75, d=.12:
    # 120 / 0.37 = 324.324...; every year is 1/r times the Gupta & Lehmann term
    m, r, d = 120.0, 0.75, 0.12
    t = np.arange(1, 2000)
    certain = churn.customer_lifetime_value(m, r, d, first_margin="certain")
    assert certain.value == pytest.approx(120 / 0.37) == pytest.approx(np.sum(m * r ** (t - 1) / (1 + d) ** t))
    assert certain.multiplier == pytest.approx(1 / 0.37) and certain.first_margin == "certain"
    assert certain.value * r == pytest.approx(churn.clv(m, r, d).value)
    assert "in full" in str(certain.formula)
    grid = churn.clv_sensitivity(m, retention=[r], discount=[d], first_margin="certain")
    assert grid.iloc[0, 0] == pytest.approx(120 / 0.37)
    with pytest.raises(CsatInputError, match="first_margin must be one of: 'retained', 'certain'"):
        churn.clv(m, r, d, first_margin="start")


@pytest.mark.parametrize("r, d, match", [(1.0, 0.1, "no finite value"), (1.2, 0.1, "between 0 and 1"),
                                         (0.8, -1.0, "above -1"), (0.8, -2, "above -1")])
def test_clv_bad_input(r, d, match):
    with pytest.raises(CsatInputError, match=match):
        churn.customer_lifetime_value(100, r, d)


def test_clv_sensitivity_cells_hand():
    t = churn.clv_sensitivity(100, retention=[0.5, 0.9], discount=[0.0, 0.1], acquisition_cost=10)
    assert t.loc[0.5, 0.0] == pytest.approx(100 * 0.5 / 0.5 - 10)
    assert t.loc[0.9, 0.1] == pytest.approx(100 * 0.9 / 0.2 - 10)


def test_retention_economics_hand():
    # 1000 customers, no acquisition: after 2 years 1000*0.8^2 = 640 vs 1000*0.85^2 = 722.5
    e = churn.retention_economics(1000, 0.8, 10.0, gain=0.05, years=2, acquisition_cost=50, retention_cost=10)
    assert e.table["customers"].tolist() == pytest.approx([800, 640])
    assert e.table["customers_improved"].tolist() == pytest.approx([850, 722.5])
    assert e.extra_customers == pytest.approx(82.5)
    assert e.cost_ratio == 5.0
    # with 100 new customers a year: N1 = 0.8*1000 + 100 = 900, N2 = 0.8*900 + 100 = 820
    e2 = churn.retention_economics(1000, 0.8, 10.0, years=2, new_customers=100)
    assert e2.table["customers"].tolist() == pytest.approx([900, 820])


def test_retention_economics_estimate_and_plot():
    # no costs, no discount: profit is 10 per customer, so the profit increase is
    # (850 + 722.5 - 800 - 640) / (800 + 640) by hand
    e = churn.retention_economics(1000, 0.8, 10.0, gain=0.05, years=2)
    assert e.estimate == e.profit_increase == pytest.approx((850 + 722.5 - 800 - 640) / 1440)
    ax = e.plot()
    assert isinstance(ax, Axes)
    assert ax.lines[0].get_ydata().tolist() == pytest.approx([800, 640])
    plt.close(ax.figure)


# --- period churn ------------------------------------------------------------------

STATUS = pd.DataFrame({
    "customer_id": list("abcdefg"),
    "start_date": ["2023-01-01", "2023-05-01", "2023-07-01", "2023-12-01", "2024-01-10", "2024-02-01", "2024-05-01"],
    "end_date": [None, "2024-01-15", "2023-10-01", "2024-03-31", "2024-02-20", None, None],
})


def test_period_churn_contractual_hand():
    # Q1 2024 = [2024-01-01, 2024-04-01). Active at start: a, b, d (c ended 2023-10-01) -> 3.
    # Lost from start: b (Jan 15), d (Mar 31) -> 2. Joiners: e, f -> 2; e left Feb 20 -> 1.
    r = churn.period_churn(STATUS, "2024-01-01", "2024-04-01")
    assert (r.at_start, r.lost_from_start, r.joiners, r.joiners_lost) == (3, 2, 2, 1)
    assert r.rate == pytest.approx(2 / 3) and r.customers == 3
    assert r.estimate == r.rate and r.ci_level == 0.95
    assert "2 joiners" in r.denominator
    inc = churn.period_churn(STATUS, "2024-01-01", "2024-04-01", joiners="include")
    assert inc.rate == pytest.approx(3 / 5)
    # at end: a, f -> 2; average denominator (3 + 2) / 2
    avg = churn.period_churn(STATUS, "2024-01-01", "2024-04-01", joiners="average")
    assert avg.at_end == 2 and avg.rate == pytest.approx(3 / 2.5)


def test_period_churn_noncontractual_hand():
    log = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c", "d", "e"],
                        "date": ["2024-02-10", "2024-04-20", "2024-03-01", "2024-03-15", "2024-06-10",
                                 "2023-06-01", "2024-05-01"]})
    # window 60 days, period [2024-04-01, 2024-07-01): active at start (bought 2024-02-01..03-31): a, b, c.
    # active at end (2024-05-02..06-30): c. Lost: a, b. Joiner: e (new) -> lapsed by the end; d never returns.
    r = churn.period_churn(log, "2024-04-01", "2024-07-01", kind="non-contractual", inactivity="60D")
    assert (r.at_start, r.lost) == (3, 2)
    assert r.joiners == 1 and r.joiners_lost == 1
    assert r.rate == pytest.approx(2 / 3)


@pytest.mark.parametrize("kwargs, match", [
    ({"kind": "non-contractual"}, "inactivity window"),
    ({"joiners": "some"}, "joiners must be one of"),
    ({"kind": "weekly"}, "kind must be one of"),
])
def test_period_churn_bad_options(kwargs, match):
    with pytest.raises(CsatInputError, match=match):
        churn.period_churn(STATUS, "2024-01-01", "2024-04-01", **kwargs)


def test_period_churn_end_before_start_row():
    bad = STATUS.copy()
    bad.loc[2, "end_date"] = "2022-01-01"
    with pytest.raises(CsatInputError, match=r"'end_date' is before 'start_date' at rows \[2\]"):
        churn.period_churn(bad, "2024-01-01", "2024-04-01")


def test_period_churn_no_customers():
    with pytest.raises(CsatInputError, match="denominator is 0"):
        churn.period_churn(STATUS, "2010-01-01", "2010-04-01")


# --- IBM Telco ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def telco(telco_reference):
    return telco_reference


def test_telco_overall_churn(telco):
    # IBM Telco sample: 1869 of 7043 customers churned (counted by hand below)
    lost = int((telco["Churn"] == "Yes").sum())
    assert (lost, len(telco)) == (1869, 7043)
    r = churn.churn_rate(lost, len(telco))
    assert r.rate == pytest.approx(1869 / 7043)


def test_telco_churn_by_contract(telco):
    hand = telco.groupby("Contract")["Churn"].agg(lambda s: (s == "Yes").mean())
    for contract, g in telco.groupby("Contract"):
        r = churn.churn_rate(int((g["Churn"] == "Yes").sum()), len(g))
        assert r.rate == pytest.approx(hand[contract])
    assert hand["Month-to-month"] > hand["One year"] > hand["Two year"]


def test_wilson_bounds_hold_the_estimate_at_zero_and_all_lost():
    # Same Wilson interval as the survey metrics: at 0 of n (or n of n) the bound is the estimate
    # itself, never a rounding error beyond it (hand check: Wilson's lower bound at p = 0 is 0).
    none_lost = churn.churn_rate(0, 7)
    all_lost = churn.churn_rate(7, 7)
    assert none_lost.ci[0] == 0.0 <= none_lost.rate <= none_lost.ci[1]
    assert all_lost.ci[0] <= all_lost.rate <= all_lost.ci[1] == 1.0
