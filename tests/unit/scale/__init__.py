"""Scale tests: the engine layer and parity across DuckDB, Polars, PyArrow, Ibis and Spark."""
