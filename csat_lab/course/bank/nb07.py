"""Exercises of notebook 07 (case studies)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ... import datasets
from ._make import Criterion, choice, mentions, number, rate, text


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


#: The dealer's items by stage of the customer's journey, and the visit whose customers rated them.
_DEALER_STAGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "pre-sale": ("sales", ("sales_respect", "sales_expertise", "sales_time_to_think")),
    "in-sale": ("sales", ("sales_follow_up", "sales_price_talk", "sales_delivery_call")),
    "after-sale": ("service", ("repair_convenience", "repair_promises", "repair_explanation",
                               "repair_on_time", "repair_follow_up_call", "repair_advice")),
}


def _stage_gaps(dealer: pd.DataFrame, stage: str) -> pd.Series:
    """Each customer's mean gap (performance - expectation) over one stage's items, for the customers asked."""
    visit, items = _DEALER_STAGES[stage]
    asked = dealer[dealer["visit"].astype(str) == visit]
    gaps = [pd.to_numeric(asked[f"perf_{i}"].astype("object"), errors="coerce")
            - pd.to_numeric(asked[f"exp_{i}"].astype("object"), errors="coerce") for i in items]
    return pd.concat(gaps, axis=1).mean(axis=1).dropna()


def _welch_interval(a: pd.Series, b: pd.Series, level: float = 0.95) -> tuple[float, float, float]:
    """``(mean(a) - mean(b), low, high)``: Welch's interval for two independent groups (Welch, 1947)."""
    from scipy.special import stdtrit

    va, vb = float(np.var(a, ddof=1)) / len(a), float(np.var(b, ddof=1)) / len(b)
    df = (va + vb) ** 2 / (va**2 / (len(a) - 1) + vb**2 / (len(b) - 1))
    half = float(stdtrit(df, 0.5 + level / 2)) * np.sqrt(va + vb)
    diff = float(np.mean(a) - np.mean(b))
    return diff, diff - half, diff + half


def _dealer_stage_ci() -> float:
    dealer = datasets.load("auto_dealer")
    return _welch_interval(_stage_gaps(dealer, "after-sale"), _stage_gaps(dealer, "pre-sale"))[2]


# --- the written answer of 07.fair_comparison -------------------------------------------------

def _other_change(t: str) -> bool:
    """Something besides the card changed between the two periods."""
    return mentions(t, "season", "seasons", "seasonal", "weather", "holiday", "holidays", "spring", "winter",
                    "christmas", "new year", "spring festival", "trend", "trends", "time of year",
                    "other factors", "other factor", "something else", "other changes", "anything else",
                    "季节", "天气", "节日", "节假日", "假期", "春节", "春天", "冬天", "气温", "趋势",
                    "其他因素", "别的因素", "其他变化", "其它因素", "时期不同", "时间不同")


def _comparison(t: str) -> bool:
    """A comparison group or period that differs only by the card."""
    return mentions(t, "control", "control group", "comparison group", "other shops", "other three",
                    "three other", "remaining shops", "rest of the shops", "shops without", "shops that did not",
                    "shops that didn't", "shops with no", "non-card", "same period", "same months", "same weeks",
                    "same time last year", "last year", "at random", "randomly chosen", "randomly selected",
                    "randomise", "randomize", "random selection",
                    "对照", "其他三家", "另外三家", "另三家", "其余三家", "其他门店", "其他店", "没有集章卡的",
                    "没有卡的", "没有推出的", "没推出的", "未推出的", "没有实行的", "未实行的", "没有参加的",
                    "未参加的", "尚未推出", "同期", "同一时期", "同样的月份", "去年", "随机选", "随机挑",
                    "随机抽", "随机分")


EXERCISES = [
    choice("07.carrot_juice", "38e0baab3a356fd58fd6", "abcd"),
    number("07.hotel_return_gap", _hotel_return_gap, 0.5),
    choice("07.phone_booth", "fd93ea029603a99bd4f9", "abcd"),
    number("07.coupon_uplift", _coupon_uplift, 0.2),
    number("07.lapsing_regulars", _lapsing_regulars, 0),
    choice("07.proactive_contact", "2d350a1a09ae5aad581b", "abcd", task="transfer"),
    number("07.dealer_sales_csat", _dealer_sales_csat, 0.15, percent=True),
    number("07.dealer_stage_ci", _dealer_stage_ci, 0.005),
    choice("07.report_claim", "81aca1338fdd42590813", "abcd", task="transfer"),
    choice("07.new_case", "fb73ce4d6591b8be34dd", "abcd", task="transfer"),
    text("07.fair_comparison", Criterion("other_change", _other_change), Criterion("comparison", _comparison)),
]
