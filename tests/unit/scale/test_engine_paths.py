"""Engine-specific routes: Ibis and time zones, DuckDB's bit-mask cohort triangle, collected vs lazy RFM."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.churn import cohorts
from csat_lab.errors import CsatInputError

NOW = "2024-12-31"


def _log(tz: str | None = None) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 300
    stamp = (pd.Timestamp("2023-01-01") + pd.to_timedelta(rng.integers(0, 700, n), unit="D")
             + pd.to_timedelta(rng.integers(0, 86_400, n), unit="s"))
    log = pd.DataFrame({"customer_id": rng.integers(0, 40, n), "date": stamp,
                        # whole amounts: sums are exact in every engine, so netting cannot differ in the last bit
                        "amount": rng.integers(-20, 60, n).astype(float)})
    # 99: refunds only (netted below 0 in every period)
    refunds = pd.DataFrame({"customer_id": [99, 99], "date": pd.to_datetime(["2023-05-02 10:00", "2024-02-03 11:00"]),
                            "amount": [-5.0, -7.0]})
    log = pd.concat([log, refunds], ignore_index=True)
    if tz:
        log["date"] = log["date"].dt.tz_localize(tz)
    return log


def _ibis(frame: pd.DataFrame):
    ibis = pytest.importorskip("ibis")
    import pyarrow as pa

    return ibis.memtable(pa.Table.from_pandas(frame, preserve_index=False))


@pytest.mark.parametrize("function", ["rfm", "cohort_table", "summary_from_transactions"])
def test_ibis_zone_aware_dates_outside_utc_raise_a_clear_input_error(function):
    data = _ibis(_log("Europe/Berlin"))
    call = {"rfm": lambda: cl.segments.rfm(data, now=NOW),
            "cohort_table": lambda: cl.churn.cohort_table(data, now=NOW),
            "summary_from_transactions": lambda: cl.churn.summary_from_transactions(data)}[function]
    # a CsatInputError (not narwhals' NotImplementedError) naming the column, its zone and the way out
    with pytest.raises(CsatInputError, match=r"column 'date' is in time zone Europe/Berlin.*convert it to local "
                                             r"time without a zone in the backend first \(or to UTC\)"):
        call()


def test_ibis_utc_dates_read_as_utc_wall_clock_like_pandas():
    log = _log("UTC")
    data = _ibis(log)
    want, got = cl.segments.rfm(log, now=NOW), cl.segments.rfm(data, now=NOW)
    assert got.engine == "ibis"
    pd.testing.assert_frame_equal(got.table, want.table.sort_index(), check_index_type=False)
    want_c, got_c = cl.churn.cohort_table(log, now=NOW), cl.churn.cohort_table(data, now=NOW)
    pd.testing.assert_frame_equal(got_c.counts, want_c.counts)


@pytest.mark.parametrize("period", ["D", "W", "M", "Q", "Y"])
@pytest.mark.parametrize("amount", [None, "amount"])
def test_duckdb_mask_and_join_routes_give_the_pandas_triangle(monkeypatch, period, amount):
    import duckdb

    log = _log()
    rel = duckdb.connect().from_df(log)
    want = cl.churn.cohort_table(log, period=period, amount=amount, now=NOW)
    got = cl.churn.cohort_table(rel, period=period, amount=amount, now=NOW)  # masks up to 63 periods
    monkeypatch.setattr(cohorts, "_MASK_PERIODS", 0)  # every period count takes the generic join route
    joined = cl.churn.cohort_table(rel, period=period, amount=amount, now=NOW)
    for res in (got, joined):
        assert res.engine == "duckdb"
        pd.testing.assert_frame_equal(res.counts, want.counts)
        pd.testing.assert_frame_equal(res.rates, want.rates)
        assert (res.n, res.n_customers, res.dropped) == (want.n, want.n_customers, want.dropped)
    if amount:  # customer 99 nets below 0 in every period
        assert want.dropped["customers whose purchases net below 0 in every period"] >= 1


def test_duckdb_mask_route_by_hand():
    """Three customers over three months: the bits 0b101, 0b110 and a refund-only customer (mask 0)."""
    import duckdb

    log = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
                        "date": pd.to_datetime(["2024-01-05", "2024-03-05", "2024-02-01", "2024-03-31",
                                                "2024-01-10"]),
                        "amount": [10.0, 5.0, 3.0, 4.0, -8.0]})
    res = cl.churn.cohort_table(duckdb.connect().from_df(log), amount="amount", now=NOW)
    # cohort 2024-01: customer 1 (ages 0 and 2); cohort 2024-02: customer 2 (ages 0 and 1); customer 3 refunds only
    assert res.counts.loc["2024-01"].tolist() == [1, 0, 1]
    assert res.counts.loc["2024-02"].iloc[:2].tolist() == [1, 1]
    assert res.n_customers == 2
    assert res.dropped == {"customers whose purchases net below 0 in every period": 1}


def test_rfm_collected_on_duckdb_equals_its_lazy_table_and_pandas():
    import duckdb

    log = _log()
    rel = duckdb.connect().from_df(log)
    want = cl.segments.rfm(log, now=NOW).table.sort_index()
    collected = cl.segments.rfm(rel, now=NOW, collect=True).table
    lazy = cl.segments.rfm(rel, now=NOW, collect=False).table.df().set_index("customer_id")
    pd.testing.assert_frame_equal(collected, want, check_index_type=False)
    pd.testing.assert_frame_equal(lazy, want, check_index_type=False, check_dtype=False)
