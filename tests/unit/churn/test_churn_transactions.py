"""Transaction-log validation: each stated policy has a test."""

import pandas as pd
import pytest

from csat_lab import churn
from csat_lab.errors import CsatInputError

LOG = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "c"],
                    "date": ["2024-03-01", "2024-01-01", "2024-02-01", "2024-02-01", "2024-02-10"],
                    "amount": [10.0, 20.0, 5.0, 5.0, -8.0]})


def test_report_counts_duplicates_unsorted_refunds():
    clean, rep = churn.validate_transactions(LOG, amount="amount", now="2024-12-31")
    assert rep.duplicated_rows == 1 and rep.unsorted is True
    assert (rep.refunds, rep.refund_total) == (1, -8.0)
    assert len(clean) == 5 and rep.n_kept + rep.n_dropped == rep.n_rows
    assert "netted" in rep.policy


def test_duplicates_drop_is_reported():
    clean, rep = churn.validate_transactions(LOG, amount="amount", now="2024-12-31", duplicates="drop")
    assert len(clean) == 4 and rep.dropped == {"exact duplicate": 1}


@pytest.mark.parametrize("column, value, match", [
    ("date", None, r"missing date \(rows \[1\]"),
    ("date", "2030-01-01", r"future date \(rows \[1\]"),
    ("amount", "ten", r"'amount' must be numeric; rows \[1\]"),
    ("customer_id", None, "missing customer id"),
])
def test_bad_rows(column, value, match):
    log = LOG.astype(object).copy()
    log.loc[1, column] = value
    with pytest.raises(CsatInputError, match=match):
        churn.validate_transactions(log, amount="amount", now="2024-12-31")


def test_drop_invalid_rows_adds_up():
    log = LOG.astype(object).copy()
    log.loc[1, "date"] = None
    log.loc[2, "date"] = "2030-01-01"
    clean, rep = churn.validate_transactions(log, amount="amount", now="2024-12-31", on_invalid="drop")
    assert rep.dropped == {"missing date": 1, "future date": 1}
    assert len(clean) + rep.n_dropped == len(log)


def test_missing_column_lists_columns():
    with pytest.raises(CsatInputError, match="columns are: customer_id, date, amount"):
        churn.validate_transactions(LOG, date="when")


def test_summary_refund_policy_hand():
    # customer x: day 1 buys 30, day 8 buys 10 and refunds 25 (net -15: not a purchase), day 15 buys 20
    log = pd.DataFrame({"customer_id": ["x"] * 4, "date": ["2024-01-01", "2024-01-08", "2024-01-08", "2024-01-15"],
                        "amount": [30.0, 10.0, -25.0, 20.0]})
    s = churn.summary_from_transactions(log, amount="amount", now="2024-01-22", period="D")
    row = s.table.loc["x"]
    assert (row["frequency"], row["recency"], row["T"], row["monetary_value"]) == (1, 14.0, 21.0, 20.0)
    assert s.dropped["days with refunds exceeding purchases, not purchases (days)"] == 1
    assert s.estimate is s.table
    assert (s.period, s.now) == ("D", pd.Timestamp("2024-01-22"))
    # the old attribute names keep working
    assert (s.time_unit, s.observation_end) == (s.period, s.now)
    assert s.report.data is None  # the summary does not keep a second copy of the log


# --- validate_transactions returns a result that unpacks like the old tuple ----------

def test_report_unpacks_as_data_and_report():
    result = churn.validate_transactions(LOG, amount="amount", now="2024-12-31", duplicates="drop")
    clean, rep = result
    assert rep is result and clean is result.data
    assert result[0] is clean and result[1] is result
    # the hand count: 5 rows, one exact duplicate (b, 2024-02-01, 5.0) dropped
    assert result.estimate == result.n_kept == len(clean) == 4
    assert clean["date"].dtype.kind == "M" and clean["amount"].dtype == float
    assert "customer_id" not in repr(result)  # the log is not printed with the report


# --- old names: one release with a DeprecationWarning -------------------------------

SUMMARY_LOG = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
                            "date": ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-08"],
                            "amount": [10.0, 20.0, 40.0, 5.0]})


@pytest.mark.parametrize("old, new, value", [("observation_end", "now", "2024-01-29"), ("time_unit", "period", "D")])
def test_summary_old_names_warn_and_give_the_same_answer(old, new, value):
    expected = churn.summary_from_transactions(SUMMARY_LOG, amount="amount", **{new: value})
    with pytest.warns(DeprecationWarning, match=f"{new}="):
        got = churn.summary_from_transactions(SUMMARY_LOG, amount="amount", **{old: value})
    pd.testing.assert_frame_equal(got.table, expected.table)
    # hand: a buys on days 0, 7, 14 -> x = 2, t_x = 14 days = 2 weeks; b once on day 7
    if new == "now":
        assert got.table.loc["a", "T"] == pytest.approx(4.0) and got.table.loc["b", "T"] == pytest.approx(3.0)
    else:
        assert got.table.loc["a", "recency"] == 14.0
