"""Exercises of notebook 01 (satisfaction theory)."""

from __future__ import annotations

import pandas as pd

from ... import datasets
from ._make import choice, number, rate


def _dealer_loyalty_ratio() -> float:
    dealer = datasets.load("auto_dealer")
    level = pd.to_numeric(dealer["overall_satisfaction"].astype("object"), errors="coerce")
    return rate(dealer, "repurchase", level == 5) / rate(dealer, "repurchase", level == 4)


EXERCISES = [
    choice("01.disconfirmation", "afb3b6c6bf3aa00d045a", "abc"),
    choice("01.internal_customer", "8c941e1c5efb0fb7de9a", "abcd"),
    number("01.ford_lifetime", lambda: 12 * 300_000, 1),
    number("01.replacement_cost", lambda: 200 * (5 * 50 - 50), 1),
    number("01.loyalty_ratio", _dealer_loyalty_ratio, 0.05),
]
