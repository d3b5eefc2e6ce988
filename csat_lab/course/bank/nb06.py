"""Exercises of notebook 06 (complaint handling)."""

from __future__ import annotations

from ... import datasets
from ._make import choice, number, rate


def _complaint_rate() -> float:
    return rate(datasets.load("complaints_log"), "complained")


def _full_process_gain() -> float:
    log = datasets.load("complaints_log")
    log = log[log["complained"].astype(bool)]
    steps = [c for c in log.columns if c.startswith("step_")]
    full = log[steps].astype(bool).all(axis=1)
    return rate(log, "repurchased", full) - rate(log, "repurchased", ~full)


EXERCISES = [
    number("06.complaint_rate", _complaint_rate, 0.05, percent=True),
    choice("06.next_step", "926acf8df3737b6d7438", "abcd"),
    number("06.full_process_gain", _full_process_gain, 0.5),
]
