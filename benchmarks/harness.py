"""Shared helpers for the speed benchmarks.

A benchmark never asserts a wall-clock time. It measures our function and a
baseline (numpy, idiomatic pandas, DuckDB, another library) in the same
process, on the same data, and reports the ratio ours / baseline next to the
target ratio stated in the issue. ``benchmarks/run.py`` collects them.

Each ``benchmarks/bench_*.py`` module defines functions named ``bench_*``
that take no argument and return a :class:`Measurement` (or a list of them).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class Measurement:
    """One comparison: our median time against the baseline's, in one run."""

    name: str
    ours_s: float
    baseline: str
    baseline_s: float
    target: float | None = None  # the ratio ours/baseline must not exceed
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.ours_s / self.baseline_s if self.baseline_s > 0 else float("inf")

    @property
    def ok(self) -> bool | None:
        return None if self.target is None else self.ratio <= self.target

    def line(self) -> str:
        verdict = "" if self.ok is None else ("  OK" if self.ok else "  OVER TARGET")
        target = "" if self.target is None else f" (target <= {self.target:g}x)"
        extra = f"  [{self.note}]" if self.note else ""
        return (
            f"{self.name:<55} ours {self.ours_s * 1e3:10.2f} ms | {self.baseline:<28} "
            f"{self.baseline_s * 1e3:10.2f} ms | ratio {self.ratio:7.3f}x{target}{verdict}{extra}"
        )


def median_time(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    """Median wall-clock seconds of ``fn()`` over ``repeat`` runs after ``warmup`` runs."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def compare(name: str, ours: Callable[[], object], baseline_name: str, baseline: Callable[[], object],
            *, target: float | None = None, repeat: int = 5, note: str = "") -> Measurement:
    """Time ``ours`` and ``baseline`` alternately in this process and return the comparison."""
    ours_s = median_time(ours, repeat)
    base_s = median_time(baseline, repeat)
    return Measurement(name, ours_s, baseline_name, base_s, target, note)
