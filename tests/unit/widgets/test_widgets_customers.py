"""Customer explorers driven headless: churn, lifetime value, 80/20, cohorts, complaint handling.

Numbers are checked against the course formulas written out, pandas
recounts of the shipped datasets, an O(n^2) Gini, and statsmodels fits.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl
from csat_lab.widgets import (churn_explorer, clv_explorer, cohort_explorer, complaint_simulator, models,
                              pareto_explorer)



def test_churn_explorer_course_formulas_month_and_year():
    ex = churn_explorer()
    ex.set(customers=250, lost=20, period="month")
    assert ex.result.churn.rate == pytest.approx(0.08)  # 20 / 250
    assert ex.result.churn.retention == pytest.approx(0.92)  # 1 - 0.08
    assert ex.result.converted == pytest.approx(1 - 0.92**12)  # 0.6323 a year
    assert ex.result.expected_lifetime == pytest.approx(12.5)  # 1 / 0.08
    assert ex.result.survival["active"].iloc[12] == pytest.approx(0.92**12)
    assert "Churn = 20 / 250 = 8.0%; retention = 1 − churn = 92.0%" in ex.headline.value
    ex.controls["period"].value = "year"
    assert ex.result.converted == pytest.approx(1 - 0.92 ** (1 / 12))  # 0.00692 a month
    ex.controls["lost"].value = 300
    assert "lost (300) cannot exceed customers (250)" in ex.error


def test_churn_explorer_without_losses_has_no_finite_lifetime():
    ex = churn_explorer(customers=100, lost=0)
    assert ex.result.churn.rate == 0 and ex.result.expected_lifetime == float("inf")


def test_clv_explorer_uses_the_course_timing():
    ex = clv_explorer()
    ex.set(margin=200, retention=0.75, discount=0.10, acquisition_cost=100, gain=0.05)
    # the course's timing, first year's margin in full: m / (1 + d - r) - AC
    assert ex.result.clv.value == pytest.approx(200 / (1.10 - 0.75) - 100)  # 471.43
    assert ex.result.improved.value == pytest.approx(200 / (1.10 - 0.80) - 100)  # 566.67
    # the same by summing the years: sum_t m r^(t-1) / (1+d)^t over 400 years
    years = np.arange(1, 401)
    assert ex.result.clv.value == pytest.approx((200 * 0.75 ** (years - 1) / 1.1**years).sum() - 100)
    # five years of a base of N0 customers: N_t = N0 r^t; profit share gained, discounted at 10%
    t = np.arange(1, 6)
    now, better = (0.75**t * 1.1**-t).sum(), (0.80**t * 1.1**-t).sum()
    assert ex.result.economics.profit_increase == pytest.approx(better / now - 1)
    assert "CLV = 471; raising retention by 5 points gives 567 (+20%)" in ex.headline.value
    row = ex.result.curve.set_index("retention").loc[0.5, "clv"]
    assert row == pytest.approx(200 / 0.6 - 100)


def test_clv_model_can_use_gupta_lehmann_timing():
    r = models.clv_model(200, 0.75, 0.10, acquisition_cost=100, first_margin="retained")
    assert r.clv.value == pytest.approx(200 * 0.75 / (1.10 - 0.75) - 100)  # 328.57 (Gupta & Lehmann 2003)


def test_pareto_explorer_top_share_and_gini_from_a_recount():
    ex = pareto_explorer(dataset="supermarket_members")
    ex.controls["top"].value = 0.2
    data = cl.datasets.load("supermarket_members")
    spend = np.sort(data.groupby("member_id", observed=True)["amount"].sum().to_numpy())[::-1]
    assert ex.result.n == len(spend) == 5000
    assert ex.result.top_share == pytest.approx(spend[:1000].sum() / spend.sum())  # top 20% = 1000 members
    # Gini as the mean absolute difference over twice the mean, O(n^2) in blocks
    total = sum(np.abs(block[:, None] - spend[None, :]).sum() for block in np.array_split(spend, 10))
    assert ex.result.gini == pytest.approx(total / (2 * len(spend) ** 2 * spend.mean()))
    assert f"bring {ex.result.top_share:.1%} of the value" in ex.headline.value
    ex.controls["dataset"].value = "cdnow"
    assert ex.result.n == cl.datasets.load("cdnow")["customer_id"].nunique()


def test_cohort_explorer_against_a_pandas_recount():
    ex = cohort_explorer()
    ex.set(store="north", programme="all", period="M")
    data = cl.datasets.load("supermarket_members")
    north = data[data["store"] == "north"]
    month = north["date"].dt.to_period("M")
    net = north.groupby([north["member_id"], month], observed=True)["amount"].sum()
    bought = net[net >= 0].reset_index()  # a month netting below zero is no purchase
    first = bought.groupby("member_id")["date"].min()
    cohort0 = first.min()
    members = first.index[first == cohort0]
    next_month = bought[(bought["date"] == cohort0 + 1) & bought["member_id"].isin(members)]
    assert ex.result.sizes.iloc[0] == len(members)
    assert ex.result.rates.iloc[0, 1] == pytest.approx(next_month["member_id"].nunique() / len(members))
    assert ex.result.n_customers == len(first)
    assert any("image/png" in o["data"] for o in ex.output.outputs)


def test_cohort_model_rejects_an_unknown_store():
    with pytest.raises(cl.CsatInputError, match="store must be 'all' or one of: central, north, east; got 'west'"):
        models.cohort_model(store="west")


def test_complaint_simulator_against_statsmodels():
    import statsmodels.api as sm

    ex = complaint_simulator(steps=())
    ex.set(listen=True, solution=True, thank=True)
    log = cl.datasets.load("complaints_log")
    steps = [f"step_{s}" for s in ("listen", "feelings", "cause", "requirement", "solution", "thank",
                                   "follow_up", "review")]
    comp = log[log["complained"]][[*steps, "handling_satisfaction", "repurchased"]].dropna()
    x = sm.add_constant(comp[steps].astype(float))
    ols = sm.OLS(comp["handling_satisfaction"].astype(float), x).fit()
    logit = sm.Logit(comp["repurchased"].astype(float), x).fit(disp=0)
    row = pd.DataFrame([[1.0] + [float(s in ("step_listen", "step_solution", "step_thank")) for s in steps]],
                       columns=x.columns)
    assert ex.result.chosen["satisfaction"] == pytest.approx(float(ols.predict(row)[0]))
    assert ex.result.chosen["repurchase"] == pytest.approx(float(logit.predict(row)[0]))
    assert ex.result.steps == ("listen", "solution", "thank")
    assert f"repurchase {ex.result.chosen['repurchase']:.0%}" in ex.headline.value


def test_language_switch_relabels_the_complaint_steps():
    ex = complaint_simulator()
    english = ex.controls["listen"].description
    cl.set_language("zh-CN")
    assert ex.controls["listen"].description == cl.label("complaints.step.listen", "zh-CN") != english
    assert "预测处理满意度" in ex.headline.value


from hypothesis import given, settings, strategies as st  # noqa: E402
from conftest import fuzz_examples  # noqa: E402


@settings(max_examples=fuzz_examples(60), deadline=None)
@given(customers=st.integers(1, 5000), share=st.floats(0, 1))
def test_churn_model_invariants(customers, share):
    lost = int(share * customers)
    r = models.churn_model(customers, lost, "month")
    assert r.churn.rate + r.churn.retention == pytest.approx(1.0)
    assert r.churn.rate <= r.converted <= 1.0  # a year loses at least as many as a month
    assert (r.survival["active"].diff().dropna() <= 1e-12).all()  # the active share never grows


def test_cohort_programme_filter_masks_cells_and_keeps_acquisition_cohorts():
    data = cl.datasets.load("supermarket_members")
    relaunch = data.loc[data["programme"] == "after", "date"].min().to_period("M")
    full = models.cohort_model()
    after = models.cohort_model(programme="after")
    before = models.cohort_model(programme="before")
    # Cohorts are still the members' first purchases: no one is re-counted at the relaunch.
    assert after.sizes.equals(full.sizes) and after.n_customers == data["member_id"].nunique()
    for cohort in full.rates.index:
        for age in full.rates.columns:
            calendar = pd.Period(cohort, freq="M") + int(age)
            shown_after, shown_before = after.rates.loc[cohort, age], before.rates.loc[cohort, age]
            if pd.isna(full.rates.loc[cohort, age]):
                continue
            if calendar >= relaunch:
                assert shown_after == full.rates.loc[cohort, age] and pd.isna(shown_before)
            else:
                assert shown_before == full.rates.loc[cohort, age] and pd.isna(shown_after)
