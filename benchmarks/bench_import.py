"""Import time of csat_lab against pandas, each in a fresh interpreter.

Target from the foundation issue: ``import csat_lab`` takes at most 1.3x as long
as ``import pandas`` (csat_lab needs pandas, so the ratio can't go below ~1;
statsmodels, seaborn, scipy.stats and ipywidgets must load lazily to stay near it).
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from harness import Measurement


def _import_seconds(module: str, repeat: int = 7) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
             for _ in range(repeat)]
    return statistics.median(times)


def bench_import_csat_lab() -> Measurement:
    _import_seconds("pandas", 1)  # warm the file cache for both
    base = _import_seconds("pandas")
    ours = _import_seconds("csat_lab")
    return Measurement("import csat_lab", ours, "import pandas", base, target=1.3)
