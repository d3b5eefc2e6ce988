"""cohort_table really runs in DuckDB: 60 million rows, about 2 million customers, peak memory < 3 GB.

The log is generated inside DuckDB (hash-based customer ids and dates) in a child process, so
the measured peak RSS (``resource.getrusage``) is that of the cohort computation alone. Pulling
the same relation into pandas first would need more than 5 GB.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent("""
    import json, resource, time
    import duckdb
    from csat_lab.churn.cohorts import cohort_table
    con = duckdb.connect()
    con.execute("SET threads = 2")
    con.execute("SET memory_limit = '1500MB'")
    con.execute("SET preserve_insertion_order = false")
    rel = con.sql(
        "SELECT hash(range) % 2000000 AS customer_id, "
        "TIMESTAMP '2022-01-01' + to_days(CAST(hash(range * 7 + 1) % 730 AS INTEGER)) AS date "
        "FROM range(60000000)")
    t0 = time.perf_counter()
    res = cohort_table(rel, period="M", now="2024-12-31")
    seconds = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"peak_mb": peak_kb / 1024, "seconds": seconds, "n": res.n,
                      "customers": res.n_customers, "cohorts": len(res.sizes), "engine": res.engine,
                      "first_size": int(res.sizes.iloc[0])}))
""")


@pytest.mark.slow
def test_cohort_table_on_60_million_rows_stays_under_3_gb():
    done = subprocess.run([sys.executable, "-c", CHILD], check=False, capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    print(out)
    assert out["engine"] == "duckdb" and out["n"] == 60_000_000
    # 2,000,000 hash buckets, each hit ~30 times: every customer appears (P(miss) ~ e^-30)
    assert out["customers"] == 2_000_000
    # ~30 purchases spread over 24 months: a customer's first falls in the first year (P(not) ~ 2^-30)
    assert out["cohorts"] == 12 and out["first_size"] > 1_000_000
    assert out["peak_mb"] < 3 * 1024
