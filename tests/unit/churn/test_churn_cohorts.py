"""Cohort triangle against a hand-built example; transaction-log validation policies."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from conftest import fuzz_examples
from matplotlib.axes import Axes

from csat_lab import churn
from csat_lab.errors import CsatInputError

# Hand-built log. Cohort 2024-01: customers 1, 2, 3 (first purchases in January).
#   Feb: 1 and 3 buy -> 2 of 3; Mar: only 1 buys -> 1 of 3.
# Cohort 2024-02: customers 4, 5. Mar: 5 buys -> 1 of 2.
# Customer 6 first buys in March -> cohort 2024-03 of size 1.
LOG = pd.DataFrame({
    "customer_id": [1, 1, 1, 2, 3, 3, 3, 4, 5, 5, 6],
    "date": ["2024-01-05", "2024-02-07", "2024-03-09", "2024-01-20", "2024-01-31", "2024-02-01",
             "2024-02-28", "2024-02-11", "2024-02-15", "2024-03-01", "2024-03-30"],
    "amount": [10.0, 12, 8, 30, 5, 6, 7, 20, 9, 9, 15],
})


def test_cohort_table_hand_example():
    res = churn.cohort_table(LOG, now="2024-12-31")
    expected = pd.DataFrame([[3, 2, 1], [2, 1, np.nan], [1, np.nan, np.nan]],
                            index=["2024-01", "2024-02", "2024-03"], columns=[0, 1, 2])
    got = res.counts.astype("float")
    np.testing.assert_array_equal(got.to_numpy(), expected.to_numpy())
    assert list(res.counts.index) == list(expected.index)
    assert res.rates.loc["2024-01"].tolist() == pytest.approx([1.0, 2 / 3, 1 / 3])
    assert res.sizes.tolist() == [3, 2, 1]
    assert res.n_customers == 6 and res.n == 11
    assert res.estimate is res.rates


def test_cohort_plot_draws_the_hand_example():
    res = churn.cohort_table(LOG, now="2024-12-31")
    ax = res.plot()
    assert isinstance(ax, Axes)
    # annotated cells: cohort 2024-01 keeps 3/3, 2/3, 1/3 (see the hand example above)
    assert [t.get_text() for t in ax.texts[:3]] == ["100%", "67%", "33%"]
    plt.close(ax.figure)


def test_old_keyword_transactions_warns_and_gives_the_same_answer():
    expected = churn.cohort_table(LOG, now="2024-12-31")
    with pytest.warns(DeprecationWarning, match="data="):
        got = churn.cohort_table(transactions=LOG, now="2024-12-31")
    pd.testing.assert_frame_equal(got.counts, expected.counts)
    assert got.counts.loc["2024-01"].tolist() == [3, 2, 1]


def test_cohort_table_matches_a_pandas_pivot_on_random_data():
    rng = np.random.default_rng(7)
    n = 3000
    log = pd.DataFrame({"c": rng.integers(0, 400, n),
                        "d": pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 500, n), unit="D")})
    res = churn.cohort_table(log, customer="c", date="d", period="M", now="2030-01-01")
    # the idiomatic pandas way, written independently
    p = log["d"].dt.to_period("M")
    first = p.groupby(log["c"]).transform("min")
    age = (p.dt.year - first.dt.year) * 12 + (p.dt.month - first.dt.month)
    pivot = (pd.DataFrame({"c": log["c"], "cohort": first.astype(str), "age": age})
             .groupby(["cohort", "age"])["c"].nunique().unstack(fill_value=0))
    ours = res.counts.fillna(0).astype(int)
    pivot = pivot.reindex(index=ours.index, columns=ours.columns, fill_value=0)
    np.testing.assert_array_equal(ours.to_numpy(), pivot.to_numpy())


def test_cohort_weeks_and_quarters_labels():
    res = churn.cohort_table(LOG, period="W", now="2024-12-31")
    assert res.counts.index[0] == str(pd.Period("2024-01-05", "W"))
    q = churn.cohort_table(LOG, period="Q", now="2024-12-31")
    assert q.counts.loc["2024Q1", 0] == 6


def test_refunds_are_netted_per_customer_period():
    log = pd.concat([LOG, pd.DataFrame({"customer_id": [3], "date": ["2024-02-20"], "amount": [-20.0]})])
    # customer 3's February nets 6 + 7 - 20 = -7 < 0 -> not active in February
    res = churn.cohort_table(log.reset_index(drop=True), amount="amount", now="2024-12-31")
    assert res.counts.loc["2024-01", 1] == 1
    assert "netted" in res.policy


@pytest.mark.parametrize("bad, match", [
    ({"date": None}, "missing date"),
    ({"date": "2099-01-01"}, "future date"),
    ({"date": "2999-01-01"}, "outside 1677-2262"),
    ({"date": "not a date"}, "must hold dates"),
    ({"customer_id": None}, "missing customer id"),
])
def test_bad_rows_raise_with_row_numbers(bad, match):
    log = LOG.copy().astype({"customer_id": object})
    for k, v in bad.items():
        log.loc[4, k] = v
    with pytest.raises(CsatInputError, match=match):
        churn.cohort_table(log, amount="amount")


def test_text_amounts_raise():
    log = LOG.copy().astype({"amount": object})
    log.loc[2, "amount"] = "twelve"
    with pytest.raises(CsatInputError, match=r"'amount' must be numeric; rows \[2\]"):
        churn.cohort_table(log, amount="amount", now="2024-12-31")


def test_drop_invalid_reports_counts():
    log = LOG.copy()
    log.loc[0, "date"] = None
    log.loc[1, "date"] = "2099-01-01"
    res = churn.cohort_table(log, on_invalid="drop", now="2024-12-31")
    assert res.dropped == {"missing date": 1, "future date": 1}
    assert res.n + res.n_dropped == len(log)


def test_unsorted_and_duplicated_rows_do_not_change_the_triangle():
    shuffled = pd.concat([LOG, LOG.iloc[[0, 3]]]).sample(frac=1, random_state=3)
    a = churn.cohort_table(LOG, now="2024-12-31").counts
    b = churn.cohort_table(shuffled, now="2024-12-31").counts
    pd.testing.assert_frame_equal(a, b)


@settings(max_examples=fuzz_examples(40), deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 200)), min_size=1, max_size=120))
def test_triangle_invariants(rows):
    log = pd.DataFrame(rows, columns=["customer_id", "day"])
    log["date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(log["day"], unit="D")
    res = churn.cohort_table(log, period="M", now="2030-01-01")
    counts = res.counts.fillna(0).astype(int)
    assert (counts[0] == res.sizes).all()
    assert (counts.le(res.sizes, axis=0)).all().all()
    assert res.sizes.sum() == log["customer_id"].nunique()
