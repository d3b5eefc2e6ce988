"""Parquet footers as the first check of a transaction log (csat_lab._core.engine._footer_counts).

A path to Parquet files takes its row, null and date-range counts from the files' footers when
they hold them, and counts in the data only what they leave open. Every test here compares
those counts with counts made by hand in pandas on the same rows, and the checked log with the
one a full scan gives (the same files as a DuckDB relation, which never reads footers).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import csat_lab as cl
from csat_lab._core import engine as eng
from csat_lab.errors import CsatInputError

NOW = "2024-12-31"


def _log() -> pd.DataFrame:
    rng = np.random.default_rng(7)
    n = 400
    return pd.DataFrame({
        "customer_id": rng.integers(0, 60, n).astype("int64"),
        "date": pd.Timestamp("2024-01-02 09:00") + pd.to_timedelta(rng.integers(0, 300 * 24, n), unit="h"),
        "amount": np.round(rng.gamma(2.0, 20.0, n), 2),
    })


def _write(frame: pd.DataFrame, folder, writer: str, nan_rows: tuple = (), **options) -> str:
    """``frame`` in two files of two row groups each; returns the glob.

    A missing amount is written as a null, except in ``nan_rows``, where it stays a NaN.
    """
    folder.mkdir(parents=True, exist_ok=True)
    values = frame["amount"].to_numpy(dtype=float)
    nulls = np.isnan(values) & ~frame.index.isin(list(nan_rows))
    half = len(frame) // 2
    for i, rows in enumerate((slice(0, half), slice(half, len(frame)))):
        part = frame.iloc[rows].reset_index(drop=True)
        target = folder / f"part-{i}.parquet"
        table = pa.Table.from_pandas(part.drop(columns="amount"), preserve_index=False).append_column(
            "amount", pa.array(values[rows], mask=nulls[rows]))
        if writer == "pyarrow":
            pq.write_table(table, target, row_group_size=max(len(part) // 2, 1), **options)
        else:  # DuckDB's writer also stores NaN counts
            con = duckdb.connect()
            con.register("part", table)
            con.execute(f"COPY part TO '{target}' (FORMAT parquet, ROW_GROUP_SIZE {max(len(part) // 2, 1)})")
            con.close()
    return str(folder / "*.parquet")


def _spy(monkeypatch) -> list:
    seen: list = []
    real = eng._footer_counts

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        seen.append(out)
        return out

    monkeypatch.setattr(eng, "_footer_counts", spy)
    return seen


def _checked(source, need_negatives: bool = True, on_invalid: str = "drop") -> eng.EngineLog:
    return eng.engine_log(source, "customer_id", "date", "amount", lambda tz: pd.Timestamp(NOW), on_invalid,
                          need_negatives=need_negatives)


def _same(a: eng.EngineLog, b: eng.EngineLog) -> None:
    assert (a.n_rows, a.dropped, a.lo, a.hi, a.hi_time, a.negatives, a.date_only) == (
        b.n_rows, b.dropped, b.lo, b.hi, b.hi_time, b.negatives, b.date_only)


@pytest.mark.parametrize("writer", ["duckdb", "pyarrow"])
def test_footers_of_a_clean_log_give_the_hand_counts_without_a_scan(monkeypatch, tmp_path, writer):
    log = _log()
    log.loc[[3, 250], "amount"] = [-12.5, -4.0]  # two refunds
    glob = _write(log, tmp_path / writer, writer)
    seen = _spy(monkeypatch)
    got = _checked(glob)
    footer = seen[0]
    # hand counts on the pandas rows
    assert footer["n"] == footer["ids_n"] == footer["dates_n"] == footer["amounts_n"] == 400
    assert footer["lo_time"] == log["date"].min() and footer["hi_time"] == log["date"].max()
    # DuckDB stores NaN counts, pyarrow does not: then the amount column alone is scanned
    assert ("nan_n" in footer) == (writer == "duckdb")
    assert "neg" not in footer  # the minimum is below zero: the negatives are counted in the data
    assert got.negatives == 2 and got.dropped == {} and got.n_rows == 400
    assert got.hi == (log["date"].max().normalize() - pd.Timestamp("1970-01-01")).days
    _same(got, _checked(duckdb.read_parquet(glob)))


def test_footer_minimum_of_zero_or_more_settles_the_negatives(monkeypatch, tmp_path):
    glob = _write(_log(), tmp_path / "pos", "duckdb")
    seen = _spy(monkeypatch)
    got = _checked(glob)
    assert seen[0]["neg"] == 0 and seen[0]["nan_n"] == 0 and seen[0]["inf"] == 0
    assert got.negatives == 0


@pytest.mark.parametrize("writer", ["duckdb", "pyarrow"])
def test_invalid_rows_found_by_footers_are_counted_exactly_like_a_scan(monkeypatch, tmp_path, writer):
    log = _log()
    log["customer_id"] = log["customer_id"].astype("Int64")
    log.loc[[0, 399], "customer_id"] = pd.NA  # in the first and the last file
    log.loc[5, "date"] = pd.NaT
    log.loc[7, "date"] = pd.Timestamp("2025-02-01")  # after the analysis date
    log.loc[[9, 11, 300], "amount"] = [np.nan, np.nan, -3.0]
    glob = _write(log, tmp_path / writer, writer, nan_rows=(9,))  # row 9 a NaN, row 11 a null
    seen = _spy(monkeypatch)
    got = _checked(glob)
    assert seen[0]["n"] == 400 and seen[0]["ids_n"] == 398 and seen[0]["dates_n"] == 399
    assert seen[0]["hi_time"] == pd.Timestamp("2025-02-01")  # after the analysis date: counted in the data
    assert seen[0]["amounts_n"] == 399  # the null; a NaN is a value to a null count
    if writer == "duckdb":
        assert seen[0]["nan_n"] == 1
    else:
        assert "nan_n" not in seen[0]  # pyarrow stores no NaN count: the amount column is scanned
    assert got.dropped == {"missing customer id": 2, "missing date": 1, "future date": 1, "missing amount": 2}
    assert got.negatives == 1
    _same(got, _checked(duckdb.read_parquet(glob)))
    with pytest.raises(CsatInputError, match="2 transactions have a missing customer id"):
        _checked(glob, on_invalid="raise")


def test_infinite_amounts_in_footers_are_counted_and_raise(monkeypatch, tmp_path):
    log = _log()
    log.loc[[2, 390], "amount"] = [np.inf, -np.inf]
    for writer in ("duckdb", "pyarrow"):
        glob = _write(log, tmp_path / writer, writer)
        seen = _spy(monkeypatch)
        with pytest.raises(CsatInputError, match="must hold finite amounts; 2 rows hold infinity"):
            _checked(glob)
        assert "inf" not in seen[-1]  # an infinite minimum or maximum leaves the count open


def test_files_without_statistics_and_zoned_dates_are_scanned(monkeypatch, tmp_path):
    log = _log()
    plain = _write(log, tmp_path / "nostats", "pyarrow", write_statistics=False)
    seen = _spy(monkeypatch)
    got = _checked(plain)
    assert seen == [None]
    _same(got, _checked(duckdb.read_parquet(plain)))
    zoned = log.assign(date=log["date"].dt.tz_localize("UTC"))
    glob = _write(zoned, tmp_path / "zoned", "pyarrow")
    seen.clear()
    _checked(glob)
    assert seen == []  # a zone-aware column is read as wall-clock time, which footers do not give
    text_ids = log.assign(customer_id=log["customer_id"].map("c{:03d}".format))
    seen.clear()
    _checked(_write(text_ids, tmp_path / "text", "pyarrow"))
    assert seen == []  # text ids need the scan's distinct count (ids with spaces)


def test_rfm_skips_the_negative_count_and_matches_pandas(monkeypatch, tmp_path):
    log = _log()
    log.loc[[3, 250], "amount"] = [-12.5, -4.0]
    glob = _write(log, tmp_path / "rfm", "duckdb")
    checked = _checked(glob, need_negatives=False)
    assert checked.negatives is None  # only the negatives were open, and nobody asked for them
    want = cl.segments.rfm(log, now=NOW)
    got = cl.segments.rfm(glob, now=NOW)
    pd.testing.assert_frame_equal(got.table[["recency", "frequency", "R", "F", "M"]],
                                  want.table[["recency", "frequency", "R", "F", "M"]], check_index_type=False)
    np.testing.assert_allclose(got.table["monetary"], want.table["monetary"], rtol=1e-9)
    assert (got.n, got.negative_monetary, got.reference_date) == (want.n, want.negative_monetary,
                                                                  want.reference_date)


def test_unique_keys_are_ordered_by_their_slots_like_sort_index():
    rng = np.random.default_rng(3)
    keys = rng.permutation(np.arange(10, 2010))[:1500]
    frame = pd.DataFrame({"c": keys, "x": rng.random(1500)})
    pd.testing.assert_frame_equal(eng.sort_by_unique_key(frame, "c"), frame.set_index("c").sort_index())
    spread = frame.assign(c=frame["c"] * 10 ** 9)  # too wide a range for slots: sort_index
    pd.testing.assert_frame_equal(eng.sort_by_unique_key(spread, "c"), spread.set_index("c").sort_index())
    text = frame.assign(c=frame["c"].map("k{:05d}".format))
    pd.testing.assert_frame_equal(eng.sort_by_unique_key(text, "c"), text.set_index("c").sort_index())


@pytest.mark.parametrize("date_only", [False, True])
def test_a_late_date_alone_in_footers_leads_to_an_exact_count(monkeypatch, tmp_path, date_only):
    """Nothing missing, one date after the analysis date: the footers' maximum must send the log to
    the exact count. The analysis date is 2024-12-31 00:00: a row at that moment is kept."""
    log = _log()
    log.loc[17, "date"] = pd.Timestamp("2025-01-01 10:00")
    log.loc[18, "date"] = pd.Timestamp("2024-12-31 00:00")
    if date_only:
        log["date"] = log["date"].dt.date
    glob = _write(log, tmp_path / str(date_only), "duckdb")
    seen = _spy(monkeypatch)
    got = _checked(glob)
    assert seen[0]["ids_n"] == seen[0]["dates_n"] == seen[0]["amounts_n"] == 400
    assert got.dropped == {"future date": 1} and got.date_only == date_only
    assert got.hi_time.normalize() == pd.Timestamp("2024-12-31")
    _same(got, _checked(duckdb.read_parquet(glob)))
    with pytest.raises(CsatInputError, match="1 transactions have a future date"):
        _checked(glob, on_invalid="raise")
