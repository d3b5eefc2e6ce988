"""Parity: cohort_table and summary_from_transactions give pandas' results on every engine.

The pandas path is the reference; it is itself checked against hand calculations in
tests/unit/churn. Here a log with refunds, same-day ties, one-purchase customers, a
customer whose purchases all net below zero and time-zone-aware (UTC) timestamps goes
through every input type: counts must agree exactly, money to 1e-9 relative.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from csat_lab.churn.cohorts import cohort_table
from csat_lab.churn.period import period_churn
from csat_lab.churn.transactions import summary_from_transactions
from csat_lab.errors import CsatInputError


def _log(tz: str | None = None) -> pd.DataFrame:
    rng = np.random.default_rng(20)
    n = 400
    day = rng.integers(0, 500, n)
    stamp = pd.Timestamp("2023-01-01") + pd.to_timedelta(day, unit="D") + pd.to_timedelta(rng.integers(0, 86_400, n),
                                                                                           unit="s")
    log = pd.DataFrame({"customer_id": rng.integers(0, 60, n), "date": stamp,
                        "amount": np.round(rng.normal(20, 15, n), 2)})
    extra = pd.DataFrame({
        # 900: one purchase only; 901: same-day tie netting to a refund day; 902: refunds only
        "customer_id": [900, 901, 901, 901, 902, 902],
        "date": pd.to_datetime(["2023-03-05 10:00", "2023-04-01 09:00", "2023-04-01 18:00", "2023-06-01 12:00",
                                "2023-02-01 08:00", "2023-02-01 09:00"]),
        "amount": [15.0, 10.0, -25.0, 30.0, -5.0, -1.0]})
    log = pd.concat([log, extra], ignore_index=True)
    if tz:
        log["date"] = log["date"].dt.tz_localize(tz)
    return log


NOW = "2024-06-30"


def _same_cohort(a, b):
    pd.testing.assert_frame_equal(a.counts, b.counts)
    pd.testing.assert_frame_equal(a.rates, b.rates, rtol=1e-12, check_exact=False)
    pd.testing.assert_series_equal(a.sizes, b.sizes, check_dtype=False)
    assert (a.n, a.n_customers, a.n_dropped, a.dropped) == (b.n, b.n_customers, b.n_dropped, b.dropped)


@pytest.mark.parametrize("amount", [None, "amount"])
def test_cohort_table_is_the_same_on_every_engine(as_engine, engine_kind, amount):
    log = _log("UTC")
    data = as_engine(log)
    for period in ("D", "W", "M", "Q", "Y"):
        expected = cohort_table(log, period=period, amount=amount, now=NOW)
        got = cohort_table(data, period=period, amount=amount, now=NOW)
        _same_cohort(expected, got)
        assert got.engine == ("pandas" if engine_kind == "pandas" else got.engine)
        if engine_kind == "spark":
            break  # spark is slow on 2 cores: one period there; the others are covered by the SQL engines
    if amount:
        assert got.dropped["customers whose purchases net below 0 in every period"] >= 1


@pytest.mark.parametrize("period", ["D", "W", "M"])
def test_summary_is_the_same_on_every_engine(as_engine, engine_kind, period):
    if engine_kind == "spark" and period != "W":
        pytest.skip("one period on spark keeps the suite fast; the arithmetic is the same for D and M")
    log = _log("UTC")
    expected = summary_from_transactions(log, amount="amount", now=NOW, period=period)
    got = summary_from_transactions(as_engine(log), amount="amount", now=NOW, period=period)
    pd.testing.assert_frame_equal(expected.table, got.table, rtol=1e-9, check_exact=False, check_index_type=False)
    assert (expected.n, expected.n_dropped, expected.dropped) == (got.n, got.n_dropped, got.dropped)
    # the one-purchase customer and the refund-netting customer, by hand
    assert got.table.loc[900, "frequency"] == 0 and got.table.loc[900, "monetary_value"] == 0.0
    assert 902 not in got.table.index
    compressed = summary_from_transactions(as_engine(log), now=NOW, period=period, compress=True)
    assert compressed.compressed and compressed.table["weight"].sum() == compressed.n
    ref = summary_from_transactions(log, now=NOW, period=period, compress=True).table
    pd.testing.assert_frame_equal(ref, compressed.table, check_dtype=False)


def test_zone_aware_dates_read_as_wall_clock_like_pandas(tmp_path):
    import duckdb
    import polars as pl
    import pyarrow as pa

    log = _log("Asia/Shanghai")
    expected = cohort_table(log, period="D", now=NOW)
    con = duckdb.connect()
    con.execute("SET TimeZone = 'Asia/Shanghai'")  # DuckDB shows instants in its session zone
    for data in (pl.from_pandas(log), pa.Table.from_pandas(log), con.from_df(log)):
        _same_cohort(expected, cohort_table(data, period="D", now=NOW))


def test_invalid_rows_raise_or_are_dropped_like_pandas(engine_kind, as_engine):
    log = _log()
    log.loc[3, "customer_id"] = None
    log.loc[5, "date"] = pd.NaT
    log.loc[7, "date"] = pd.Timestamp("2030-01-01")
    log.loc[9, "amount"] = np.nan
    data = as_engine(log)
    with pytest.raises(CsatInputError, match="1 transactions have a missing customer id"):
        cohort_table(data, amount="amount", now=NOW)
    expected = cohort_table(log, amount="amount", now=NOW, on_invalid="drop")
    got = cohort_table(data, amount="amount", now=NOW, on_invalid="drop")
    _same_cohort(expected, got)
    assert got.dropped["missing date"] == 1 and got.dropped["future date"] == 1


def test_large_per_customer_tables_stay_lazy_in_the_input_type(monkeypatch):
    import duckdb

    from csat_lab._core import engine as eng

    log = _log()
    monkeypatch.setattr(eng, "DEFAULT_MAX_ROWS", 10)
    rel = duckdb.from_df(log)
    lazy = summary_from_transactions(rel, now=NOW)
    assert isinstance(lazy.table, duckdb.DuckDBPyRelation) and lazy.n == log["customer_id"].nunique()
    assert isinstance(summary_from_transactions(rel, now=NOW, collect=True).table, pd.DataFrame)
    assert "duckdb" in lazy.to_frame().iloc[:, 1].tolist()


def _status() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    n = 300
    start = pd.Timestamp("2022-01-01") + pd.to_timedelta(rng.integers(0, 900, n), unit="D")
    length = pd.to_timedelta(rng.integers(1, 700, n), unit="D")
    end = (start + length).where(rng.random(n) < 0.6)
    return pd.DataFrame({"customer_id": np.arange(n), "start_date": start, "end_date": end})


@pytest.mark.parametrize("joiners", ["exclude", "include", "average"])
def test_period_churn_is_the_same_on_every_engine(as_engine, engine_kind, joiners):
    if engine_kind == "spark" and joiners != "include":
        pytest.skip("one setting on spark keeps the suite fast; the counts behind all three are the same")
    fields = ("rate", "lost", "customers", "at_start", "lost_from_start", "joiners", "joiners_lost", "reactivated",
              "at_end", "n", "n_dropped", "dropped")
    status = _status()
    expected = period_churn(status, "2023-01-01", "2023-07-01", joiners=joiners)
    got = period_churn(as_engine(status), "2023-01-01", "2023-07-01", joiners=joiners)
    assert [getattr(got, f) for f in fields] == [getattr(expected, f) for f in fields]
    log = _log("UTC").drop(columns="amount")
    expected = period_churn(log, "2023-10-01", "2024-01-01", kind="non-contractual", inactivity="90D", joiners=joiners)
    got = period_churn(as_engine(log), "2023-10-01", "2024-01-01", kind="non-contractual", inactivity="90D",
                       joiners=joiners)
    assert [getattr(got, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert got.reactivated > 0 and got.dropped["dated on or after the period end"] > 0
