"""Exercises of notebook 02 (survey design)."""

from __future__ import annotations

import math

import pandas as pd

from ... import datasets
from ._make import choice, number, z95


def _tracker_csat_pct() -> float:
    scores = pd.to_numeric(datasets.load("csat_tracker")["csat"].astype("object"), errors="coerce")
    valid = scores[scores.between(1, 5)]
    return 100.0 * (valid >= 4).mean()


def _export_csat_pct() -> float:
    raw = pd.read_csv(datasets.example_file("csat_tracker_wave4_gbk.csv"), encoding="gb18030")
    scores = pd.to_numeric(raw["总体满意度"], errors="coerce")
    valid = scores[scores.between(1, 5)]
    return 100.0 * (valid >= 4).mean()


EXERCISES = [
    number("02.margin_of_error", lambda: 100 * z95() * math.sqrt(0.25 / 400), 0.05, percent=True),
    number("02.sample_size", lambda: math.ceil(z95() ** 2 * 0.25 / 0.03**2), 1),
    choice("02.double_barrelled", "eef2ac7e4f8a74b06d21", "abcd"),
    number("02.tracker_csat", _tracker_csat_pct, 0.15, percent=True),
    number("02.export_csat", _export_csat_pct, 0.15, percent=True),
]
