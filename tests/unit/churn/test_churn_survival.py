"""Kaplan-Meier on IBM Telco against lifelines fitted directly; medians, groups, bad input, old spellings."""

import warnings

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes

from csat_lab import churn
from csat_lab.errors import CsatInputError


@pytest.fixture(scope="module")
def telco(telco_reference):
    return telco_reference


def test_km_matches_lifelines(telco):
    from lifelines import KaplanMeierFitter

    events = telco["Churn"] == "Yes"
    km = churn.kaplan_meier(duration=telco["tenure"], event=events)
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
    km = churn.kaplan_meier(telco.assign(ev=events), duration="tenure", event="ev", group="Contract")
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
    km = churn.kaplan_meier(duration=d, event=e, group=g)
    ref = logrank_test(d[:5], d[5:], e[:5], e[5:])
    assert km.logrank["p_value"] == pytest.approx(ref.p_value)


def test_km_hand_calculation():
    # times 1,2,2,3 with events 1,1,0,1: S(1) = 3/4; S(2) = 3/4 * 2/3 = 1/2; S(3) = 0
    km = churn.kaplan_meier(duration=[1, 2, 2, 3], event=[True, True, False, True])
    assert km.survival_at(1) == pytest.approx(0.75)
    assert km.survival_at(2.5) == pytest.approx(0.5)
    assert km.median == 2.0


def test_km_drops_missing_and_reports():
    km = churn.kaplan_meier(duration=[1, 2, None, 3], event=[1, 0, 1, None])
    assert km.n == 2 and km.n_dropped == 2


@pytest.mark.parametrize("durations, events, match", [
    ([1, -2], [1, 0], "must not be negative"),
    ([1, 2], [1, "maybe"], "must be True/False"),
    ([1, 2, 3], [1, 0], "same length"),
    (["a", 2], [1, 0], "must be numeric"),
])
def test_km_bad_input(durations, events, match):
    with pytest.raises(CsatInputError, match=match):
        churn.kaplan_meier(duration=durations, event=events)


def test_column_names_need_data():
    with pytest.raises(CsatInputError, match="duration='tenure' is a column name; pass data="):
        churn.kaplan_meier(duration="tenure", event=[1, 0])
    with pytest.raises(CsatInputError, match="no column 'tenure'"):
        churn.kaplan_meier(pd.DataFrame({"t": [1, 2], "e": [1, 0]}), duration="tenure", event="e")


def test_unknown_group_lists_groups():
    km = churn.kaplan_meier(duration=[1, 2, 3, 4], event=[1, 0, 1, 1], group=["x", "x", "y", "y"])
    with pytest.raises(CsatInputError, match="groups are: all, x, y"):
        km.survival_at(1, group="z")


# --- the result: estimate, plot ---------------------------------------------------

def test_estimate_is_the_survival_table_and_plot_draws_it():
    # hand: S(1) = 3/4, S(2) = 1/2, S(3) = 0 (see test_km_hand_calculation)
    km = churn.kaplan_meier(duration=[1, 2, 2, 3], event=[1, 1, 0, 1])
    assert km.estimate is km.table
    pooled = km.estimate[km.estimate["group"] == "all"].set_index("time")["survival"]
    assert pooled.loc[[1.0, 2.0, 3.0]].tolist() == pytest.approx([0.75, 0.5, 0.0])
    ax = km.plot()
    assert isinstance(ax, Axes) and ax.lines
    plt.close(ax.figure)


# --- old spellings: one release with a DeprecationWarning -------------------------

D, E, G = [3, 5, 6, 8, 10, 2, 4, 4, 7, 9], [1, 1, 0, 1, 0, 1, 1, 1, 1, 0], list("aaaaabbbbb")


def _same(a, b):
    pd.testing.assert_frame_equal(a.table, b.table)
    assert a.logrank == b.logrank and a.medians == b.medians


def test_old_positional_arrays_warn_and_give_the_same_answer():
    new = churn.kaplan_meier(duration=D, event=E, group=G)
    with pytest.warns(DeprecationWarning, match="duration="):
        old = churn.kaplan_meier(D, E, group=G)
    _same(old, new)


@pytest.mark.parametrize("old, new", [("durations", "duration"), ("events", "event"), ("groups", "group")])
def test_old_keywords_warn_and_give_the_same_answer(old, new):
    kwargs = {"duration": D, "event": E, "group": G}
    expected = churn.kaplan_meier(**kwargs)
    kwargs[old] = kwargs.pop(new)
    with pytest.warns(DeprecationWarning, match=f"{new}="):
        got = churn.kaplan_meier(**kwargs)
    _same(got, expected)


def test_old_column_form_with_data_keyword_warns_and_gives_the_same_answer():
    frame = pd.DataFrame({"months": D, "left": E, "plan": G})
    expected = churn.kaplan_meier(frame, duration="months", event="left", group="plan")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        got = churn.kaplan_meier("months", "left", groups="plan", data=frame)
    messages = [str(w.message) for w in caught if issubclass(w.category, DeprecationWarning)]
    assert any("duration=" in m for m in messages) and any("group=" in m for m in messages)
    _same(got, expected)


def test_old_and_new_spelling_together_is_an_error():
    with pytest.raises(CsatInputError, match="duration given by position and by name"):
        churn.kaplan_meier(D, E, duration=D)
