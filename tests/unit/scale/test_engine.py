"""The engine layer: input types, column checks, the guarded collect (csat_lab._core.engine)."""

from __future__ import annotations

import pandas as pd
import pytest

from csat_lab._core import engine as eng
from csat_lab.errors import CsatInputError

LOG = pd.DataFrame({"customer_id": [1, 1, 2, 3], "date": pd.to_datetime(["2024-01-03", "2024-02-10", "2024-01-20",
                                                                          "2024-03-31"]), "amount": [5.0, 6.0, 7.0, 8.0]})
EXPECTED_ENGINE = {"pandas": "pandas", "polars": "polars", "polars_lazy": "polars", "pyarrow": "pyarrow",
                   "duckdb": "duckdb", "parquet": "duckdb", "ibis": "ibis", "spark": "pyspark"}


def test_every_input_opens_lazily_on_its_own_engine(engine_kind, as_engine):
    data = as_engine(LOG)
    lf = eng.open_log(data, columns=["customer_id", "date"])
    assert eng.engine_of(data) == EXPECTED_ENGINE[engine_kind]
    assert eng.engine_of(lf) == EXPECTED_ENGINE[engine_kind]
    assert eng.count_rows(lf) == 4
    back = eng.collect(lf).sort_values("date").reset_index(drop=True)
    # hand check: the four rows, in date order
    assert back["customer_id"].tolist() == [1, 2, 1, 3]
    assert back["amount"].tolist() == [5.0, 7.0, 6.0, 8.0]
    assert eng.is_pandas(data) == (engine_kind == "pandas")


def test_missing_columns_are_named_with_the_present_ones():
    import polars as pl

    with pytest.raises(CsatInputError, match=r"no column 'spend', 'day' in log; columns are: customer_id, date"):
        eng.open_log(pl.from_pandas(LOG), argument="log", columns=["customer_id", "spend", "day"])


def test_unsupported_type_names_argument_type_and_the_supported_ones():
    with pytest.raises(CsatInputError, match=r"transactions must be a pandas DataFrame.*PySpark DataFrame.*got list"):
        eng.open_log([1, 2, 3], argument="transactions")


def test_paths_folders_and_globs_are_read_by_duckdb(tmp_path):
    (tmp_path / "y=2024").mkdir()
    LOG.iloc[:2].to_parquet(tmp_path / "y=2024" / "a.parquet")
    LOG.iloc[2:].to_parquet(tmp_path / "b.parquet")
    for source in (tmp_path, str(tmp_path / "**" / "*.parquet"), tmp_path / "b.parquet"):
        assert eng.engine_of(eng.open_log(source)) == "duckdb"
    assert eng.count_rows(eng.open_log(tmp_path)) == 4
    assert eng.count_rows(eng.open_log(tmp_path / "b.parquet")) == 2
    LOG.to_csv(tmp_path / "log.csv", index=False)
    assert eng.count_rows(eng.open_log(str(tmp_path / "*.csv"))) == 4
    with pytest.raises(CsatInputError, match="no .parquet or .csv files"):
        eng.open_log(tmp_path / "nothing_here")
    (tmp_path / "notes.json").write_text("{}")
    with pytest.raises(CsatInputError, match="neither .parquet nor .csv"):
        eng.open_log(tmp_path / "notes.json")


def test_collect_refuses_more_rows_than_the_limit_with_the_size_and_advice():
    import duckdb

    rel = duckdb.sql("SELECT range AS customer_id FROM range(2500)")
    with pytest.raises(CsatInputError) as info:
        eng.collect(rel, max_rows=1000, what="RFM scores")
    text = str(info.value)
    assert "RFM scores has 2,500 rows, more than the limit of 1,000 rows" in text
    assert "collect=False" in text and "max_rows=None" in text
    assert len(eng.collect(rel, max_rows=2500)) == 2500
    assert len(eng.collect(rel, max_rows=None)) == 2500
    with pytest.raises(CsatInputError, match="max_rows must be"):
        eng.collect(rel, max_rows=-1)


def test_to_native_gives_back_the_inputs_lazy_type():
    import duckdb
    import polars as pl

    assert isinstance(eng.to_native(eng.open_log(duckdb.sql("SELECT 1 AS a"))), duckdb.DuckDBPyRelation)
    assert isinstance(eng.to_native(eng.open_log(pl.LazyFrame({"a": [1]}))), pl.LazyFrame)


def test_day_numbers_and_periods_match_pandas_calendar():
    import narwhals as nw
    import polars as pl

    days = pd.Series(pd.date_range("1899-12-25", "2101-01-10", freq="13D"))
    lf = nw.from_native(pl.DataFrame({"d": days})).lazy()
    out = lf.select(eng.day_number(nw.col("d")).alias("day"),
                    *[eng.period_number(eng.day_number(nw.col("d")), nw.col("d"), p).alias(p) for p in "DWMQY"]
                    ).collect().to_pandas()
    # independent source: pandas' own epoch days and Period ordinals ("W" periods end on Sunday)
    expected_day = (days - pd.Timestamp("1970-01-01")).dt.days
    assert out["day"].tolist() == expected_day.tolist()
    assert out["W"].tolist() == (days.dt.to_period("W").map(lambda p: p.ordinal) - 1).tolist()
    for p in "MQY":
        assert out[p].tolist() == days.dt.to_period(p).map(lambda q: q.ordinal).tolist()
