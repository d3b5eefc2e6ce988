"""Speed of key-driver and path-model analysis (issue 4), as ratios against in-process baselines.

* Shapley (LMG) importance, 12 drivers x 10,000 rows, against pingouin's
  ``linear_regression(..., relimp=True)`` on the same data (pingouin refits
  every subset by least squares). Target: ours <= 0.05 x pingouin.
* Shapley importance, 15 drivers x 10,000 rows (32,768 subsets), against the
  same pingouin call with 12 drivers (4,096 subsets): the issue asks for under
  2 s absolute; the ratio shows we do 8x the subsets in a fraction of the time.
* ECSI model on 250 respondents with 1,000 bootstrap replicates, against a
  baseline of 1,000 ordinary least-squares solves (numpy ``lstsq``) of the
  satisfaction equation on resampled construct scores - the bare minimum a
  bootstrap of the structural model must do. The issue asks for under 10 s.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from harness import Measurement, compare

from csat_lab.loyalty import ECSI_MODEL, shapley_importance
from csat_lab.simulate import simulate_structural


def _drivers(p: int, n: int = 10_000, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, p)) @ (np.eye(p) + 0.3 * rng.random((p, p)))
    df = pd.DataFrame(x, columns=[f"q{i}" for i in range(p)])
    df["overall"] = x @ rng.random(p) + rng.normal(size=n)
    return df


def bench_shapley_vs_pingouin() -> list[Measurement]:
    import pingouin as pg

    d12 = _drivers(12)
    d15 = _drivers(15)
    x12 = [f"q{i}" for i in range(12)]
    x15 = [f"q{i}" for i in range(15)]

    def pingouin12() -> object:
        return pg.linear_regression(d12[x12], d12["overall"], relimp=True)

    return [
        compare("shapley_importance 12 drivers x 10k rows", lambda: shapley_importance(d12, outcome="overall", drivers=x12),
                "pingouin relimp 12 drivers", pingouin12, target=0.05, repeat=3),
        compare("shapley_importance 15 drivers x 10k rows", lambda: shapley_importance(d15, outcome="overall", drivers=x15),
                "pingouin relimp 12 drivers", pingouin12, repeat=3, note="issue: < 2 s absolute"),
    ]


def bench_ecsi_bootstrap() -> Measurement:
    paths = dict.fromkeys(ECSI_MODEL.inner, 0.3)
    data, truth = simulate_structural(paths, n=250, items=3, loading=0.8, scale="agree7", seed=1)
    blocks = truth["blocks"]
    scores = truth["scores"].to_numpy()
    sat_sources = [list(truth["scores"].columns).index(c) for c in ECSI_MODEL.predecessors("SAT")]
    sat = list(truth["scores"].columns).index("SAT")
    rng = np.random.default_rng(0)

    def lstsq_1000() -> None:
        for _ in range(1000):
            idx = rng.integers(0, 250, 250)
            np.linalg.lstsq(scores[idx][:, sat_sources], scores[idx, sat], rcond=None)

    return compare("ECSI pls_path_model, 1000 bootstrap replicates",
                   lambda: ECSI_MODEL.fit(data, blocks, n_boot=1000, seed=1),
                   "1000 x numpy lstsq (SAT equation)", lstsq_1000, repeat=3, note="issue: < 10 s absolute")
