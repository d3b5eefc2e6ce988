"""Exercises of notebook 03 (satisfaction–loyalty regression).

One compute task (the tracking survey's NPS, scaffolded), two recall checks of the
text (the IPA quadrant, association against cause) and three transfer tasks set in
businesses that are not in the course data (which driver a fitness club should fix
first, what a software company may tell its board about a renewal gap, which loyalty
outcomes call for an ordinal model).
"""

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
    choice("03.ipa_priority", "de6b9815b690c9568da3", "abcde", task="transfer"),
    choice("03.manager_claim", "84043a1983aa0aaa4ba6", "abcd", task="transfer"),
    choice("03.model_choice", "a37d005bf8cb35d26828", "abcde", task="transfer"),
]
