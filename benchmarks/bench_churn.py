"""Cohort triangle and RFM on a large transaction log; BG/NBD on all CDNOW customers.

Targets (issue 5): on 10 million transactions of 1 million customers, csat_lab's
cohort triangle and RFM at most 1/3 of the time of idiomatic pandas
(groupby/transform/pivot) and at most 1.5x the same query in DuckDB; BG/NBD on
all 23,570 CDNOW customers in under 2 s. Set ``CSAT_BENCH_ROWS`` (e.g. 1000000)
for a quicker run; customers are rows / 10.
"""

from __future__ import annotations

import os
import time
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from harness import Measurement, compare, median_time

from csat_lab.churn import cohort_table, fit_bgnbd, summary_from_transactions
from csat_lab.segments import rfm

ROWS = int(os.environ.get("CSAT_BENCH_ROWS", 10_000_000))
REPEAT = int(os.environ.get("CSAT_BENCH_REPEAT", 3))
NOW = "2030-01-01"
CDNOW = Path(__file__).resolve().parents[1].parent / "shared" / "reference-data" / "cdnow" / "CDNOW_master.txt"


@lru_cache(maxsize=1)
def _log() -> pd.DataFrame:
    rng = np.random.default_rng(2024)
    customers = max(ROWS // 10, 1)
    start = rng.integers(0, 600, customers)  # acquisition day of each customer over ~2 years
    cust = rng.integers(0, customers, ROWS)
    day = np.minimum(start[cust] + rng.exponential(120, ROWS).astype(np.int64), 729)
    return pd.DataFrame({
        "customer_id": cust,
        "date": (np.datetime64("2023-01-01") + day.astype("timedelta64[D]")).astype("datetime64[ns]"),
        "amount": np.round(rng.gamma(2.0, 25.0, ROWS), 2),
    })


def _pandas_cohort(df: pd.DataFrame) -> pd.DataFrame:
    p = df["date"].dt.to_period("M")
    first = p.groupby(df["customer_id"]).transform("min")
    age = (p.dt.year - first.dt.year) * 12 + (p.dt.month - first.dt.month)
    counts = (pd.DataFrame({"customer_id": df["customer_id"], "cohort": first, "age": age})
              .groupby(["cohort", "age"])["customer_id"].nunique().unstack())
    return counts.div(counts[0], axis=0)


def _pandas_rfm(df: pd.DataFrame) -> pd.DataFrame:
    ref = df["date"].max() + pd.Timedelta(days=1)
    g = df.groupby("customer_id").agg(last=("date", "max"), frequency=("date", "size"), monetary=("amount", "sum"))
    g["recency"] = (ref - g["last"]).dt.days
    g["R"] = pd.qcut(g["recency"].rank(method="first", ascending=False), 5, labels=False) + 1
    g["F"] = pd.qcut(g["frequency"].rank(method="first"), 5, labels=False) + 1
    g["M"] = pd.qcut(g["monetary"].rank(method="first"), 5, labels=False) + 1
    return g


_DUCK_COHORT = """
WITH t AS (SELECT customer_id, date_trunc('month', date) AS m FROM log),
f AS (SELECT customer_id, min(m) AS cohort FROM t GROUP BY customer_id),
a AS (SELECT DISTINCT t.customer_id, f.cohort, datediff('month', f.cohort, t.m) AS age
      FROM t JOIN f USING (customer_id))
SELECT cohort, age, count(*) AS n FROM a GROUP BY cohort, age
"""

_DUCK_RFM = """
WITH g AS (SELECT customer_id, datediff('day', max(date), (SELECT max(date) FROM log) + INTERVAL 1 DAY) AS recency,
                  count(*) AS frequency, sum(amount) AS monetary
           FROM log GROUP BY customer_id)
SELECT *, ntile(5) OVER (ORDER BY recency DESC) AS R, ntile(5) OVER (ORDER BY frequency) AS F,
       ntile(5) OVER (ORDER BY monetary) AS M FROM g
"""


def _duck(query: str, pivot: bool):
    import duckdb

    con = duckdb.connect()
    con.register("log", _log())

    def run():
        out = con.execute(query).df()
        if pivot:
            counts = out.pivot(index="cohort", columns="age", values="n")
            return counts.div(counts[0], axis=0)
        return out

    return run


def bench_cohort_triangle() -> list[Measurement]:
    df = _log()
    ours = lambda: cohort_table(df, period="M", now=NOW)  # noqa: E731
    note = f"{ROWS:,} rows, {ROWS // 10:,} customers"
    return [
        compare("churn.cohort_table vs pandas groupby/pivot", ours, "pandas transform+nunique",
                lambda: _pandas_cohort(df), target=1 / 3, repeat=REPEAT, note=note),
        compare("churn.cohort_table vs DuckDB", ours, "DuckDB SQL", _duck(_DUCK_COHORT, True),
                target=1.5, repeat=REPEAT, note=note),
    ]


def bench_rfm() -> list[Measurement]:
    df = _log()
    ours = lambda: rfm(df, now=NOW)  # noqa: E731
    note = f"{ROWS:,} rows, {ROWS // 10:,} customers"
    return [
        compare("segments.rfm vs pandas groupby/qcut", ours, "pandas groupby+qcut", lambda: _pandas_rfm(df),
                target=1 / 3, repeat=REPEAT, note=note),
        compare("segments.rfm vs DuckDB", ours, "DuckDB SQL (ntile)", _duck(_DUCK_RFM, False),
                target=1.5, repeat=REPEAT, note=note),
    ]


def bench_bgnbd_cdnow() -> Measurement:
    if not CDNOW.exists():
        raise FileNotFoundError(f"CDNOW master file not found at {CDNOW}")
    log = pd.read_csv(CDNOW, sep=r"\s+", dtype={"date": str})
    log["date"] = pd.to_datetime(log["date"], format="%Y%m%d")
    s = summary_from_transactions(log, customer="customer_id", date="date", amount="dollar_value",
                                  now="1997-09-30").table
    seconds = median_time(lambda: fit_bgnbd(s["frequency"], s["recency"], s["T"]), repeat=REPEAT)
    return Measurement("churn.fit_bgnbd, all CDNOW customers", seconds, "the issue's 2 s budget", 2.0,
                       target=1.0, note=f"{len(s):,} customers")


if __name__ == "__main__":
    start = time.perf_counter()
    for fn in (bench_cohort_triangle, bench_rfm, bench_bgnbd_cdnow):
        out = fn()
        for m in out if isinstance(out, list) else [out]:
            print(m.line(), flush=True)
    print(f"total {time.perf_counter() - start:.1f} s")
