"""Exercises of notebook 03 (satisfaction–loyalty regression)."""

from __future__ import annotations

import pandas as pd

from ... import datasets
from ._make import choice, number


def _nps_of(values: pd.Series) -> float:
    valid = pd.to_numeric(values.astype("object"), errors="coerce").dropna()
    valid = valid[valid.between(0, 10)]
    return 100.0 * ((valid >= 9).mean() - (valid <= 6).mean())


def _tracker_nps() -> float:
    return _nps_of(datasets.load("csat_tracker")["nps"])


EXERCISES = [
    number("03.tracker_nps", _tracker_nps, 0.15),
    choice("03.ipa_quadrant", "7a0b1ba1f5250aacd08b", "abcd"),
    choice("03.causation", "8f18c45c219ac13f0fff", "abc"),
]
