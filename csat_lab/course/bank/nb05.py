"""Exercises of notebook 05 (customer management)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ... import datasets
from ._make import choice, number


def _member_net_spend() -> pd.Series:
    log = datasets.load("supermarket_members")
    return log.groupby("member_id", observed=True)["amount"].sum()


def _top20_share() -> float:
    spend = np.sort(_member_net_spend().to_numpy())[::-1]
    top = math.ceil(0.2 * len(spend))
    return 100.0 * spend[:top].sum() / spend.sum()


EXERCISES = [
    number("05.top20_share", _top20_share, 0.5, percent=True),
    choice("05.sales_path", "fc2ff251402f43a232f5", "abcd"),
    choice("05.seven_p", "d4f0f326b78a0a71d873", "abcd"),
]
