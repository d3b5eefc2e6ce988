"""Exercises of notebook 04 (churn and retention)."""

from __future__ import annotations

import numpy as np

from ... import datasets
from ._make import choice, number, rate


def _telco_churn_pct() -> float:
    return rate(datasets.load("telco_churn"), "Churn")


def _clv_five_years() -> float:
    margin, retention, discount = 100.0, 0.8, 0.10
    years = np.arange(1, 6)
    return float(np.sum(margin * retention ** (years - 1) / (1 + discount) ** years))


EXERCISES = [
    number("04.churn_rate", lambda: 100 * 150 / 1200, 0.05, percent=True),
    number("04.annual_churn", lambda: 100 * (1 - 0.98**12), 0.05, percent=True),
    number("04.telco_churn", _telco_churn_pct, 0.05, percent=True),
    number("04.clv", _clv_five_years, 0.5),
    choice("04.winback", "b95e5403ff0e0c9d213a", "abc"),
]
