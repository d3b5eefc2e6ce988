"""Data-generating process of ``kano_features``: Kano questionnaire answers for hotel service features."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .._core.validate import rng_from
from ._common import respondents

__all__ = ["kano_features", "KANO_ANSWERS", "KANO_TABLE"]

# The English option labels of the ``kano5`` scale, as a survey export writes them.
KANO_ANSWERS = ("Like", "Must-be", "Neutral", "Live with", "Dislike")
KANO_CLASSES = ("A", "O", "M", "I", "R", "Q")
# Rows: functional answer, columns: dysfunctional answer (Berger et al., 1993).
KANO_TABLE = (
    ("Q", "A", "A", "A", "O"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "I", "I", "I", "M"),
    ("R", "R", "R", "R", "Q"),
)
FEATURES = {
    "free_wifi": (0.08, 0.17, 0.55, 0.14, 0.03, 0.03),
    "fast_checkin": (0.15, 0.50, 0.18, 0.13, 0.02, 0.02),
    "remembered_preferences": (0.52, 0.18, 0.06, 0.20, 0.02, 0.02),
    "welcome_fruit": (0.38, 0.08, 0.04, 0.44, 0.04, 0.02),
    "daily_newspaper": (0.10, 0.05, 0.05, 0.68, 0.10, 0.02),
    "loyalty_points": (0.22, 0.35, 0.10, 0.28, 0.03, 0.02),
    "automated_phone_menu": (0.05, 0.03, 0.04, 0.33, 0.53, 0.02),
    "daily_room_cleaning": (0.06, 0.20, 0.58, 0.12, 0.02, 0.02),
}
# Within a class, how often each answer pair of that class is given (neutral answers dominate).
_CELL_WEIGHT = np.array(
    [
        [1.0, 1.0, 3.0, 1.0, 1.0],
        [1.0, 1.0, 1.0, 1.0, 2.0],
        [1.0, 1.0, 4.0, 2.0, 3.0],
        [1.0, 1.0, 2.0, 2.0, 1.0],
        [3.0, 1.0, 1.0, 1.0, 1.0],
    ]
)


def _better_worse(p: np.ndarray) -> tuple[float, float]:
    a, o, m, i = p[:4]
    return (a + o) / (a + o + m + i), -(o + m) / (a + o + m + i)


def kano_features(seed: int | np.random.Generator = 20230915, n: int = 300) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate Kano questionnaire answers of ``n`` hotel guests about eight service features.

    For each respondent and feature a Kano class (A attractive, O one-dimensional,
    M must-be, I indifferent, R reverse, Q questionable) is drawn from the feature's
    true class shares; the answer pair (functional, dysfunctional) is then drawn among the
    cells of the Kano evaluation table (Kano et al., 1984; Berger et al., 1993) that give
    that class. The true customer-satisfaction coefficients follow from the shares::

        Better = (A + O) / (A + O + M + I),   Worse = -(O + M) / (A + O + M + I)

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20230915
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``kano_features`` dataset.
    n : int, default 300
        Number of respondents, 1 to 250,000 (each answers all eight features).

    Returns
    -------
    (DataFrame, dict)
        Long format answers, and the true class shares, Better/Worse and modal class.

    Examples
    --------
    >>> frame, truth = kano_features(seed=1, n=10)
    >>> frame.shape
    (80, 4)
    >>> truth["modal_class"]["free_wifi"]
    'M'
    """
    rng = rng_from(seed)
    n = respondents(n, 1, 250_000)
    table = np.array(KANO_TABLE)
    names = list(FEATURES)
    shares = np.array([FEATURES[f] for f in names])
    klass = (rng.random((n, len(names), 1)) > shares.cumsum(axis=1)[None, :, :]).sum(axis=2)
    functional = np.empty((n, len(names)), dtype=int)
    dysfunctional = np.empty((n, len(names)), dtype=int)
    for k, code in enumerate(KANO_CLASSES):
        cells = np.argwhere(table == code)
        weight = _CELL_WEIGHT[cells[:, 0], cells[:, 1]]
        chosen = klass == k
        pick = rng.choice(len(cells), size=int(chosen.sum()), p=weight / weight.sum())
        functional[chosen], dysfunctional[chosen] = cells[pick, 0], cells[pick, 1]
    answers = np.array(KANO_ANSWERS)
    frame = pd.DataFrame(
        {
            "respondent_id": np.repeat([f"K{i + 1:04d}" for i in range(n)], len(names)),
            "feature": np.tile(names, n),
            "functional": answers[functional.ravel()],
            "dysfunctional": answers[dysfunctional.ravel()],
        }
    )
    bw = {f: _better_worse(np.array(FEATURES[f])) for f in names}
    truth = {
        "class_share": {f: dict(zip(KANO_CLASSES, FEATURES[f])) for f in names},
        "modal_class": {f: KANO_CLASSES[int(np.argmax(FEATURES[f]))] for f in names},
        "better": {f: round(float(b), 4) for f, (b, _) in bw.items()},
        "worse": {f: round(float(w), 4) for f, (_, w) in bw.items()},
        "evaluation_table": KANO_TABLE,
    }
    return frame, truth
