"""RFM, value tiers, Pareto and complaint KPIs give the pandas results on every engine.

Each test turns one pandas log into every input type of ``conftest.KINDS`` (Polars, PyArrow,
DuckDB relation, Parquet glob, Ibis, Spark local) and compares with the pandas path: counts and
scores exactly, money to 1e-9 relative. The logs have refunds, refund-only customers, ties,
one-purchase customers and times of day; one variant is time-zone-aware (UTC, the tests'
session zone). Amounts are multiples of 0.25, so sums are exact in any order and ties in
``monetary`` cannot depend on an engine's summation order.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError

ENGINE_NAME = {"pandas": "pandas", "polars": "polars", "polars_lazy": "polars", "pyarrow": "pyarrow",
               "duckdb": "duckdb", "parquet": "duckdb", "ibis": "ibis", "spark": "pyspark"}
NOW = "2024-12-31"


def _log(tz: str | None = None) -> pd.DataFrame:
    rng = np.random.default_rng(20)
    n = 1500
    log = pd.DataFrame({
        "customer_id": rng.integers(0, 300, n),
        "date": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 330 * 24, n), unit="h"),
        "amount": rng.integers(1, 60, n) * 2.5,
    })
    refunds = rng.random(n) < 0.08
    log.loc[refunds, "amount"] = -log.loc[refunds, "amount"]
    # customer 900 only refunds; 901-905 buy exactly once, with tied amounts and dates
    extra = pd.DataFrame({"customer_id": [900, 900, 901, 902, 903, 904, 905],
                          "date": pd.to_datetime(["2024-03-01 10:00", "2024-04-01 23:30", "2024-06-01 08:00",
                                                  "2024-06-01 20:00", "2024-06-01 09:15", "2024-02-02 00:00",
                                                  "2024-02-02 23:59"]),
                          "amount": [-20.0, -5.0, 42.5, 42.5, 42.5, 0.0, 10.0]})
    log = pd.concat([log, extra], ignore_index=True)
    if tz:
        log["date"] = log["date"].dt.tz_localize(tz)
    return log


@pytest.mark.parametrize("tz", [None, "UTC"])
def test_rfm_same_scores_on_every_engine(as_engine, engine_kind, tz):
    if tz and engine_kind in ("spark", "ibis"):
        # Spark: the naive log covers it (few Spark queries); Ibis: narwhals 2.29 has no
        # convert_time_zone for Ibis, so aware dates are refused there (see the report)
        pytest.skip("time-zone-aware parity is checked on the other engines")
    log = _log(tz)
    want = cl.segments.rfm(log, now=NOW)
    got = cl.segments.rfm(as_engine(log), now=NOW)
    assert got.engine == ENGINE_NAME[engine_kind]
    table = got.table.sort_index() if engine_kind == "pandas" else got.table
    pd.testing.assert_frame_equal(table[["recency", "frequency", "R", "F", "M", "rfm", "score"]],
                                  want.table.sort_index()[["recency", "frequency", "R", "F", "M", "rfm", "score"]],
                                  check_exact=True, check_index_type=False)
    np.testing.assert_allclose(table["monetary"], want.table.sort_index()["monetary"], rtol=1e-9)
    assert (got.n, got.n_customers, got.negative_monetary, got.reference_date, got.dropped) == \
        (want.n, want.n_customers, want.negative_monetary, want.reference_date, want.dropped)
    assert want.dropped["customers with refunds only (no purchase)"] >= 1  # customer 900 at least


def test_rfm_engine_by_hand():
    """A tiny log on DuckDB against scores worked out by hand (bins=3, now 2024-03-31)."""
    log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 3, 4],
                        "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-01-15",
                                                "2024-02-20", "2024-03-30", "2024-03-10"]),
                        "amount": [50.0, 30.0, 200.0, 20.0, 25.0, -5.0, -9.0]})
    import duckdb

    res = cl.segments.rfm(duckdb.from_df(log), bins=3, now="2024-03-31")
    # recency to 2024-03-31: 1 -> 30 days, 2 -> 59, 3 -> 40 (the refund on 03-30 is not a purchase)
    # frequency 2, 1, 2; monetary 80, 200, 40; customer 4 has a refund only and is left out.
    # R: customers with more days (worse): 1 has 2 -> 1 + 3*2//3 = 3; 2 has 0 -> 1; 3 has 1 -> 2
    # F: fewer purchases: 1 -> 1 (only 2) -> 2; 2 -> 1; 3 -> 2.  M: 80 beats 40 -> 2; 200 -> 3; 40 -> 1
    assert res.table[["recency", "frequency", "monetary", "R", "F", "M"]].to_dict("list") == {
        "recency": [30, 59, 40], "frequency": [2, 1, 2], "monetary": [80.0, 200.0, 40.0],
        "R": [3, 1, 2], "F": [2, 1, 2], "M": [2, 3, 1]}
    assert res.table.index.tolist() == [1, 2, 3]
    assert res.dropped == {"customers with refunds only (no purchase)": 1}
    assert res.n == 7 and res.n_customers == 3 and res.engine == "duckdb"


def test_rfm_large_table_stays_lazy_and_collect_is_guarded():
    import polars as pl

    log = _log()
    want = cl.segments.rfm(log, now=NOW)
    lazy = cl.segments.rfm(pl.from_pandas(log).lazy(), now=NOW, max_rows=10)
    assert isinstance(lazy.table, pl.LazyFrame)  # more than 10 customers: left lazy, in the input's type
    assert lazy.n_customers == want.n_customers and lazy.dropped == want.dropped
    got = lazy.table.collect().to_pandas().set_index("customer_id")
    pd.testing.assert_frame_equal(got[["R", "F", "M", "rfm", "score", "recency", "frequency"]],
                                  want.table.sort_index()[["R", "F", "M", "rfm", "score", "recency", "frequency"]],
                                  check_dtype=False, check_index_type=False)
    kept = cl.segments.rfm(pl.from_pandas(log), now=NOW, collect=False)
    assert isinstance(kept.table, pl.LazyFrame)
    with pytest.raises(CsatInputError, match="more than the limit of 10 rows"):
        cl.segments.rfm(pl.from_pandas(log), now=NOW, collect=True, max_rows=10)


def test_rfm_engine_validation_matches_pandas():
    import polars as pl

    log = _log()
    log.loc[3, "customer_id"] = None
    log.loc[5, "date"] = pd.NaT
    log.loc[7, "date"] = pd.Timestamp("2031-01-01")
    log.loc[9, "amount"] = np.nan
    want = cl.segments.rfm(log, now=NOW, on_invalid="drop")
    got = cl.segments.rfm(pl.from_pandas(log), now=NOW, on_invalid="drop")
    assert got.dropped == want.dropped and got.n == want.n and got.n_dropped == want.n_dropped == 4
    pd.testing.assert_frame_equal(got.table[["R", "F", "M"]], want.table.sort_index()[["R", "F", "M"]],
                                  check_index_type=False)
    with pytest.raises(CsatInputError, match="missing customer id"):
        cl.segments.rfm(pl.from_pandas(log), now=NOW)


def _totals_log() -> pd.DataFrame:
    log = _log()
    log["amount"] = log["amount"].abs()  # Pareto needs non-negative totals
    return log


def test_value_tiers_and_pareto_same_on_every_engine(as_engine, engine_kind):
    log = _totals_log()
    data = as_engine(log)
    want_tiers = cl.segments.value_tiers(log, customer="customer_id", amount="amount")
    got_tiers = cl.segments.value_tiers(data, customer="customer_id", amount="amount")
    pd.testing.assert_series_equal(got_tiers, want_tiers, check_index_type=False)
    # independent: the totals by pandas groupby, tiered by the documented vector call
    by_hand = cl.segments.value_tiers(log.groupby("customer_id")["amount"].sum())
    assert got_tiers.tolist() == by_hand.tolist()
    want = cl.segments.pareto(log.groupby("customer_id")["amount"].sum())
    got = cl.segments.pareto(data, customer="customer_id", amount="amount")
    assert got.engine == ENGINE_NAME[engine_kind] and got.n == want.n == log["customer_id"].nunique()
    np.testing.assert_allclose([got.gini, got.top_share, got.customers_for_80],
                               [want.gini, want.top_share, want.customers_for_80], rtol=1e-9)


def test_value_tiers_lazy_and_pareto_guard():
    import polars as pl

    log = _totals_log()
    lazy = cl.segments.value_tiers(pl.from_pandas(log).lazy(), customer="customer_id", amount="amount",
                                   max_rows=5)
    assert isinstance(lazy, pl.LazyFrame)
    got = lazy.collect().to_pandas().set_index("customer_id")["tier"]
    want = cl.segments.value_tiers(log, customer="customer_id", amount="amount")
    assert got.tolist() == want.astype(str).tolist()
    with pytest.raises(CsatInputError, match="more than the limit of 5 rows"):
        cl.segments.pareto(pl.from_pandas(log), customer="customer_id", amount="amount", max_rows=5)
    with pytest.raises(CsatInputError, match="customer= and amount="):
        cl.segments.pareto(pl.from_pandas(log), customer="customer_id")


def _complaints() -> pd.DataFrame:
    log = cl.datasets.load("complaints_log").drop(columns=["description_en", "description_zh"])
    for col in ("customer_id", "channel", "severity"):
        log[col] = log[col].astype(str)
    log["handling_satisfaction"] = log["handling_satisfaction"].astype(float)
    return log


def test_complaint_kpis_same_on_every_engine(as_engine, engine_kind):
    log = _complaints()
    want = cl.complaints.complaint_kpis(log, by="channel", now="2025-01-31")
    got = cl.complaints.complaint_kpis(as_engine(log), by="channel", now="2025-01-31")
    pd.testing.assert_frame_equal(got.table, want.table, rtol=1e-9)
    pd.testing.assert_frame_equal(got.steps, want.steps)
    assert (got.n_customers, got.n_complaints, got.censored, got.notes, got.now) == \
        (want.n_customers, want.n_complaints, want.censored, want.notes, want.now)
    assert got.engine == ENGINE_NAME[engine_kind]
    # independent: the complaint rate of each channel is complaints / customers by pandas groupby
    rates = log.groupby("channel")["complained"].mean()
    table = got.table[got.table["kpi"] == "complaint_rate"].set_index("group")["estimate"]
    np.testing.assert_allclose(table.drop("all").sort_index(), rates.sort_index(), rtol=1e-12)


def test_complaint_kpis_engine_guard():
    import polars as pl

    log = _complaints()
    with pytest.raises(CsatInputError, match="more than the limit of 3 rows"):
        cl.complaints.complaint_kpis(pl.from_pandas(log), max_rows=3)


def test_check_scan_counts_each_reason_once_and_ranges_over_kept_rows(as_engine, engine_kind):
    """Invalid rows that overlap reasons and carry the log's first and last dates.

    The engine check takes whole-column counts first and counts reasons exactly only when they
    show invalid rows; by the pandas path's order a row is counted under its first reason
    only (missing id, then missing date, then future date, then missing amount), so here
    1 + 1 + 1 + 2 rows. The dropped rows hold the earliest date (2023-06-01) and the latest
    date before the analysis date (2024-12-30), so the cohort table's periods must span the kept
    rows only: the first cohort is January 2024.
    """
    log = _log()
    bad = pd.DataFrame({
        "customer_id": [None, None, 7, 8, 9, 10],
        "date": pd.to_datetime(["2023-06-01", "2031-01-01", None, "2031-02-01", "2024-12-30", "2024-12-29"]),
        "amount": [5.0, np.nan, np.nan, np.nan, np.nan, np.nan]})
    log = pd.concat([log, bad], ignore_index=True)
    want = cl.segments.rfm(log, now=NOW, on_invalid="drop")
    got = cl.segments.rfm(as_engine(log), now=NOW, on_invalid="drop")
    reasons = {k: v for k, v in want.dropped.items() if k != "customers with refunds only (no purchase)"}
    assert reasons == {"missing customer id": 2, "missing date": 1, "future date": 1, "missing amount": 2}
    assert got.dropped == want.dropped and (got.n, got.n_dropped) == (want.n, want.n_dropped)
    assert got.reference_date == want.reference_date
    table = got.table.sort_index() if engine_kind == "pandas" else got.table
    pd.testing.assert_frame_equal(table[["recency", "frequency", "R", "F", "M"]],
                                  want.table.sort_index()[["recency", "frequency", "R", "F", "M"]],
                                  check_index_type=False)
    with pytest.raises(CsatInputError, match="2 transactions have a missing customer id"):
        cl.segments.rfm(as_engine(log), now=NOW)
    want_c = cl.churn.cohort_table(log, amount="amount", now=NOW, on_invalid="drop")
    got_c = cl.churn.cohort_table(as_engine(log), amount="amount", now=NOW, on_invalid="drop")
    assert str(want_c.counts.index[0]) == "2024-01"  # not 2023-06, the dropped row's month
    pd.testing.assert_frame_equal(got_c.counts, want_c.counts)
    assert (got_c.n, got_c.dropped) == (want_c.n, want_c.dropped)
