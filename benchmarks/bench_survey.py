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
