"""Engine fixtures for the scale tests: one pandas log, turned into every supported input type.

``to_engine(frame, kind, tmp_path)`` converts a pandas log into ``kind`` (one of :data:`KINDS`);
the ``engine_kind`` fixture is parametrized over all of them. Spark runs on ONE session-scoped
``local[2]`` session (small shuffle partitions, UTC session time zone, no UI); the spark
parameter is skipped only when Java is missing. DuckDB works on a connection whose time zone is
UTC too, so time-zone-aware logs in UTC read alike everywhere.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

KINDS = ("pandas", "polars", "polars_lazy", "pyarrow", "duckdb", "parquet", "ibis", "spark")
JAVA_MISSING = "Java not found: install openjdk-17-jre-headless"

_state: dict = {}


def duckdb_connection():
    """The tests' DuckDB connection (UTC session time zone, 2 threads)."""
    if "duck" not in _state:
        import duckdb

        con = duckdb.connect()
        con.execute("SET TimeZone = 'UTC'")
        con.execute("SET threads = 2")
        _state["duck"] = con
    return _state["duck"]


def spark_session():
    """The one local[2] SparkSession of the test run (created on first use)."""
    if "spark" not in _state:
        from pyspark.sql import SparkSession

        _state["spark"] = (
            SparkSession.builder.master("local[2]").appName("csat_lab-tests")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.driver.memory", "1g")
            .getOrCreate()
        )
        _state["spark"].sparkContext.setLogLevel("ERROR")
    return _state["spark"]


def to_engine(frame: pd.DataFrame, kind: str, tmp_path: Path):
    """``frame`` as an input of engine ``kind`` (see :data:`KINDS`)."""
    frame = frame.reset_index(drop=True)
    if kind == "pandas":
        return frame
    if kind in ("polars", "polars_lazy"):
        import polars as pl

        out = pl.from_pandas(frame)
        return out.lazy() if kind == "polars_lazy" else out
    if kind == "pyarrow":
        import pyarrow as pa

        return pa.Table.from_pandas(frame, preserve_index=False)
    if kind == "duckdb":
        con = duckdb_connection()
        return con.from_arrow(_arrow(frame))
    if kind == "parquet":
        import pyarrow.parquet as pq

        folder = tmp_path / f"log_{len(list(tmp_path.glob('log_*')))}"
        folder.mkdir()
        half = len(frame) // 2
        for i, part in enumerate((frame.iloc[:half], frame.iloc[half:])):
            pq.write_table(_arrow(part.reset_index(drop=True)), folder / f"part-{i}.parquet")
        return str(folder / "*.parquet")
    if kind == "ibis":
        import ibis

        return ibis.memtable(_arrow(frame))
    if kind == "spark":
        if shutil.which("java") is None:
            pytest.skip(JAVA_MISSING)
        return spark_session().createDataFrame(frame)
    raise ValueError(kind)


def _arrow(frame: pd.DataFrame):
    import pyarrow as pa

    return pa.Table.from_pandas(frame, preserve_index=False)


@pytest.fixture(params=KINDS)
def engine_kind(request) -> str:
    """Each supported input type in turn."""
    if request.param == "spark" and shutil.which("java") is None:
        pytest.skip(JAVA_MISSING)
    return request.param


@pytest.fixture
def as_engine(engine_kind, tmp_path):
    """A function turning a pandas log into the current ``engine_kind``."""
    return lambda frame: to_engine(frame, engine_kind, tmp_path)


@pytest.fixture(scope="session")
def spark():
    """The session's SparkSession (skipped without Java)."""
    if shutil.which("java") is None:
        pytest.skip(JAVA_MISSING)
    session = spark_session()
    yield session


def pytest_sessionfinish(session, exitstatus):
    if "spark" in _state:
        _state.pop("spark").stop()
