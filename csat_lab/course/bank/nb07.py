"""Exercises of notebook 07 (case studies)."""

from __future__ import annotations

import pandas as pd

from ... import datasets
from ._make import choice, number, rate


def _hotel_return_gap() -> float:
    stays = datasets.load("hotel_guests")
    like = stays[(stays["stay_number"] >= 2) & stays["preference_recorded"] & stays["returned_next_year"].notna()]
    return rate(like, "returned_next_year", like["personalised"]) - rate(like, "returned_next_year", ~like["personalised"])


def _purchases() -> pd.DataFrame:
    log = datasets.load("supermarket_members")
    return log[log["amount"] > 0]


def _coupon_uplift() -> float:
    buys = _purchases()
    after = buys["programme"].astype(str) == "after"
    return rate(buys, "coupon_used", after) - rate(buys, "coupon_used", ~after)


def _lapsing_regulars() -> float:
    buys = _purchases()
    last = buys.groupby("member_id")["date"].max()
    count = buys.groupby("member_id").size()
    return float((((pd.Timestamp("2024-07-01") - last).dt.days > 90) & (count >= 20)).sum())


def _dealer_sales_csat() -> float:
    dealer = datasets.load("auto_dealer")
    sales = dealer[dealer["visit"].astype(str) == "sales"]
    level = pd.to_numeric(sales["overall_satisfaction"].astype("object"), errors="coerce").dropna()
    return 100.0 * (level >= 4).mean()


EXERCISES = [
    choice("07.carrot_juice", "38e0baab3a356fd58fd6", "abcd"),
    choice("07.phone_booth", "fd93ea029603a99bd4f9", "abcd"),
    number("07.hotel_return_gap", _hotel_return_gap, 0.5),
    number("07.coupon_uplift", _coupon_uplift, 0.2),
    number("07.lapsing_regulars", _lapsing_regulars, 0),
    number("07.dealer_sales_csat", _dealer_sales_csat, 0.15, percent=True),
]
