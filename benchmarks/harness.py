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


@dataclass(frozen=True)
class PeakMemory(Measurement):
    """One comparison of peak resident memory (``ours_s`` and ``baseline_s`` hold bytes, not seconds)."""

    def line(self) -> str:
        verdict = "" if self.ok is None else ("  OK" if self.ok else "  OVER TARGET")
        target = "" if self.target is None else f" (target <= {self.target:g}x)"
        extra = f"  [{self.note}]" if self.note else ""
        return (
            f"{self.name:<55} ours {self.ours_s / 2**30:8.2f} GiB | {self.baseline:<28} "
            f"{self.baseline_s / 2**30:8.2f} GiB | ratio {self.ratio:7.3f}x{target}{verdict}{extra}"
        )


def _tree_rss(root: int) -> int:
    """Resident bytes of process ``root`` and all its descendants now (Linux /proc; 0 when unreadable)."""
    import os

    parents: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * page
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(parents.get(pid, []))
    return total


def run_child(argv: list[str], *, env: dict | None = None, poll: float = 0.25) -> tuple[float, int, str]:
    """Run ``argv`` as a separate process; return (wall seconds, peak resident bytes, its stdout).

    The peak is the larger of the child's own ``ru_maxrss`` (from ``os.wait4``, exact for
    one process) and the largest sum of the resident memory of the child and all its
    descendants, sampled every ``poll`` seconds (so a JVM started by the child counts).
    """
    import os
    import subprocess
    import tempfile
    import threading

    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, env=env)
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(poll):
                peak[0] = max(peak[0], _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed with exit code {proc.returncode}:\n{text[-2000:]}")
    return seconds, max(usage.ru_maxrss * 1024, peak[0]), text
