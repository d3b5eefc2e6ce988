"""Kaplan-Meier on IBM Telco against lifelines fitted directly; medians, groups, bad input."""


import numpy as np
import pytest

from csat_lab import churn
from csat_lab.errors import CsatInputError



@pytest.fixture(scope="module")
def telco(telco_reference):
    return telco_reference


def test_km_matches_lifelines(telco):
    from lifelines import KaplanMeierFitter

    events = telco["Churn"] == "Yes"
    km = churn.kaplan_meier(telco["tenure"], events)
    ref = KaplanMeierFitter().fit(telco["tenure"], events)
    for t in (0, 1, 12, 24, 36.5, 72):
        assert km.survival_at(t) == pytest.approx(float(ref.survival_function_at_times(t).iloc[0]), abs=1e-12)
    ours = km.table[km.table.group == "all"].set_index("time")
    ci = ref.confidence_interval_survival_function_
    np.testing.assert_allclose(ours["ci_low"].to_numpy(), ci.iloc[:, 0].to_numpy())
    np.testing.assert_allclose(ours["ci_high"].to_numpy(), ci.iloc[:, 1].to_numpy())
    # the pooled curve stays above 0.5 over 72 months: lifelines reports inf, we report None
    assert np.isinf(ref.median_survival_time_) and km.median is None
    assert km.n == 7043 and km.events == 1869


def test_km_groups_and_logrank_match_lifelines(telco):
    from lifelines import KaplanMeierFitter
    from lifelines.statistics import multivariate_logrank_test

    events = (telco["Churn"] == "Yes").to_numpy()
    km = churn.kaplan_meier("tenure", events, groups="Contract", data=telco.assign(ev=events))
    mtm = telco["Contract"] == "Month-to-month"
    ref = KaplanMeierFitter().fit(telco.loc[mtm, "tenure"], events[mtm])
    assert km.survival_at(10, group="Month-to-month") == pytest.approx(
        float(ref.survival_function_at_times(10).iloc[0]))
    assert km.medians["Month-to-month"] == pytest.approx(ref.median_survival_time_)
    assert km.medians["Two year"] is None
    lr = multivariate_logrank_test(telco["tenure"], telco["Contract"], events)
    assert km.logrank["statistic"] == pytest.approx(lr.test_statistic)
    assert km.logrank["df"] == 2


def test_two_group_logrank_matches_logrank_test():
    from lifelines.statistics import logrank_test

    d = np.array([3, 5, 6, 8, 10, 2, 4, 4, 7, 9])
    e = np.array([1, 1, 0, 1, 0, 1, 1, 1, 1, 0])
    g = np.array(["a"] * 5 + ["b"] * 5)
    km = churn.kaplan_meier(d, e, groups=g)
    ref = logrank_test(d[:5], d[5:], e[:5], e[5:])
    assert km.logrank["p_value"] == pytest.approx(ref.p_value)


def test_km_hand_calculation():
    # times 1,2,2,3 with events 1,1,0,1: S(1) = 3/4; S(2) = 3/4 * 2/3 = 1/2; S(3) = 0
    km = churn.kaplan_meier([1, 2, 2, 3], [True, True, False, True])
    assert km.survival_at(1) == pytest.approx(0.75)
    assert km.survival_at(2.5) == pytest.approx(0.5)
    assert km.median == 2.0


def test_km_drops_missing_and_reports():
    km = churn.kaplan_meier([1, 2, None, 3], [1, 0, 1, None])
    assert km.n == 2 and km.n_dropped == 2


@pytest.mark.parametrize("durations, events, match", [
    ([1, -2], [1, 0], "must not be negative"),
    ([1, 2], [1, "maybe"], "must be True/False"),
    ([1, 2, 3], [1, 0], "same length"),
    (["a", 2], [1, 0], "must be numeric"),
])
def test_km_bad_input(durations, events, match):
    with pytest.raises(CsatInputError, match=match):
        churn.kaplan_meier(durations, events)


def test_unknown_group_lists_groups():
    km = churn.kaplan_meier([1, 2, 3, 4], [1, 0, 1, 1], groups=["x", "x", "y", "y"])
    with pytest.raises(CsatInputError, match="groups are: all, x, y"):
        km.survival_at(1, group="z")
