"""Run every benchmark and print each as a ratio against its in-process baseline.

Usage: ``python benchmarks/run.py [substring ...]`` (``make bench``). A
benchmark whose ratio exceeds its target is reported as OVER TARGET and the
script exits 1, so a regression is visible; nothing here runs in ``make test``.
"""

from __future__ import annotations

import importlib.util
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import Measurement  # noqa: E402


def main(filters: list[str]) -> int:
    results: list[Measurement] = []
    failed = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name in sorted(n for n in dir(module) if n.startswith("bench_")):
            full = f"{path.stem}.{name}"
            if filters and not any(f in full for f in filters):
                continue
            try:
                out = getattr(module, name)()
            except Exception:  # a broken benchmark is reported, the others still run
                failed.append(full)
                traceback.print_exc()
                continue
            for m in out if isinstance(out, list) else [out]:
                print(m.line(), flush=True)
                results.append(m)
    over = [m.name for m in results if m.ok is False]
    print(f"\n{len(results)} measurements, {len(over)} over target, {len(failed)} benchmarks failed")
    return 1 if over or failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
