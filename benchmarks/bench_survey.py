"""Speed of the survey metrics against one pass of NumPy over the same data.

NPS with its bootstrap works on the three category counts, so the whole
score costs about one counting pass over the answers; alpha needs the
covariance matrix once, so it costs about one ``np.cov``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from harness import Measurement, compare

from csat_lab import metrics
from csat_lab.survey import cronbach_alpha


def bench_nps_bootstrap_10m() -> Measurement:
    answers = np.random.default_rng(0).integers(0, 11, 10_000_000)
    return compare(
        "nps(10M answers, bootstrap 2000 draws)",
        lambda: metrics.nps(answers, method="bootstrap", n_boot=2000, seed=1),
        "np.bincount(answers)",
        lambda: np.bincount(answers, minlength=11),
        target=3.0,
    )


def bench_alpha_200k_x_20() -> Measurement:
    rng = np.random.default_rng(1)
    factor = rng.normal(size=(200_000, 1))
    items = np.clip(np.rint(3 + factor + rng.normal(size=(200_000, 20))), 1, 5)
    frame = pd.DataFrame(items, columns=[f"q{j}" for j in range(20)])
    return compare(
        "cronbach_alpha(200,000 x 20 items)",
        lambda: cronbach_alpha(frame),
        "np.cov(items)",
        lambda: np.cov(items, rowvar=False),
        target=3.0,
    )


def _large_export(n: int = 500_000) -> pd.DataFrame:
    """A large numeric export with the usual problems: off-scale codes, repeats, speeders, straight-liners."""
    rng = np.random.default_rng(2)
    frame = pd.DataFrame({
        "id": np.where(rng.random(n) < 0.01, rng.integers(0, n, n), np.arange(n)),  # about 1% repeated ids
        "csat": rng.integers(1, 6, n), "nps": rng.integers(0, 11, n),
        **{f"q{i}": rng.integers(1, 6, n) for i in range(1, 11)},
        "duration": rng.gamma(4.0, 60.0, n).round(),
    })
    frame.loc[rng.random(n) < 0.01, "csat"] = 99  # "don't know" codes
    same = rng.random(n) < 0.02
    frame.loc[same, [f"q{i}" for i in range(1, 11)]] = 3
    return frame


def bench_read_csv_large() -> Measurement:
    import os
    import tempfile

    from csat_lab.survey import read_csv

    path = os.path.join(tempfile.mkdtemp(prefix="csat_bench_"), "export.csv")
    _large_export().to_csv(path, index=False)
    return compare(
        "survey.read_csv(500k rows x 14, detect encoding)",
        lambda: read_csv(path),
        "pd.read_csv(path)",
        lambda: pd.read_csv(path),
        target=4.0, repeat=3,
        note="ours also detects the encoding, keeps 'N/A'-style codes as text and builds a codebook",
    )


def bench_clean_large() -> Measurement:
    from csat_lab.survey import clean

    data = _large_export()
    items = [f"q{i}" for i in range(1, 11)]
    scales = {"csat": "satisfaction5", "nps": "nps11", **dict.fromkeys(items, "agree5")}

    def pandas_baseline() -> pd.DataFrame:
        # What an analyst would write for the same four checks, without an audit trail.
        out = data.copy()
        for col, (low, high) in {"csat": (1, 5), "nps": (0, 10), **dict.fromkeys(items, (1, 5))}.items():
            out[col] = out[col].where(out[col].between(low, high))
        out = out[~out["id"].duplicated()]
        out = out[out["duration"] >= out["duration"].median() / 3]
        block = out[items]
        return out[block.min(axis=1) != block.max(axis=1)]

    return compare(
        "survey.clean(500k rows, 4 checks + full report)",
        lambda: clean(data, scales=scales, id="id", duration="duration", straightline=items),
        "pandas masks (no report)",
        pandas_baseline,
        target=3.0, repeat=7,
    )
