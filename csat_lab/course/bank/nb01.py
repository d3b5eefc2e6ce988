"""Exercises of notebook 01 (satisfaction theory)."""

from __future__ import annotations

import re

import pandas as pd

from ... import datasets
from ._make import Criterion, choice, mentions, number, rate, text


def _dealer_loyalty_ratio() -> float:
    dealer = datasets.load("auto_dealer")
    level = pd.to_numeric(dealer["overall_satisfaction"].astype("object"), errors="coerce")
    return rate(dealer, "repurchase", level == 5) / rate(dealer, "repurchase", level == 4)


def _buyer_lifetime_value() -> float:
    # The course's one CLV convention: margin m earned at the end of each year t = 1..T, the first
    # year's margin certain, retention r, discount rate d: CLV = sum m r^(t-1) / (1 + d)^t.
    # The exercise's invented inputs: USD 1,500 margin a year (of USD 6,000 revenue), r = 0.8, d = 8 %, 10 years.
    margin, retention, discount, years = 1500.0, 0.8, 0.08, 10
    return sum(margin * retention ** (t - 1) / (1 + discount) ** t for t in range(1, years + 1))


def _performance_score() -> float:
    # Expected 2, perceived 2: the gap (0) alone says "met", level 4; the performance part is 2.
    # Default weight 0.4 (csat_lab.survey.disconfirmation): 0.6 x 4 + 0.4 x 2.
    return 0.6 * 4 + 0.4 * 2


# --- 01.promise_rewrite: a workshop's promise rewritten so that it sets an expectation it can meet ---

#: Blanket words a workshop cannot keep for every car (the original sign uses "any" and "guaranteed").
_BLANKET = ("any", "always", "guarantee", "guaranteed", "guarantees", "no matter", "whatever", "every car",
            "all cars", "任何", "保证", "无论", "一律", "绝对", "所有车", "所有的车")
_NUMBER = re.compile(r"\d|(?<![a-z])(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|"
                     r"thirty|forty|forty-five|sixty|ninety|half|an|a)(?![a-z])|[一二两三四五六七八九十半]")
_UNIT = re.compile(r"(?<![a-z])(minutes?|mins?|hours?|hrs?|h|days?|working days?)(?![a-z])|分钟|小时|钟头|天|工作日")
_TIME = re.compile(_NUMBER.pattern + r"[\s-]*(to|or|–|-|~|到|至)?[\s-]*(\d+)?\s*(" + _UNIT.pattern + r")")


def _no_blanket_promise(t: str) -> bool:
    return not mentions(t, *_BLANKET)


def _gives_a_time(t: str) -> bool:
    return bool(_TIME.search(t))


def _keeps_informed(t: str) -> bool:
    return mentions(t, "call", "calls", "phone", "ring", "tell", "inform", "let you know", "text", "message",
                    "estimate", "quote", "price", "cost", "explain",
                    "电话", "告知", "通知", "告诉", "报价", "估价", "说明", "联系", "短信", "费用", "价格")


EXERCISES = [
    choice("01.internal_customer", "29a1c9bcfff957f7457d", "abcde", task="transfer"),
    choice("01.disconfirmation", "afb3b6c6bf3aa00d045a", "abc"),
    number("01.performance_effect", _performance_score, 0.01),
    choice("01.two_guests", "934a9c0d522f010c9814", "abcd", task="transfer"),
    choice("01.promise_or_performance", "81ad093913255b6da5f4", "abcd", task="transfer"),
    text("01.promise_rewrite",
         Criterion("no_blanket", _no_blanket_promise),
         Criterion("time_frame", _gives_a_time),
         Criterion("keeps_informed", _keeps_informed)),
    number("01.loyalty_ratio", _dealer_loyalty_ratio, 0.05),
    number("01.ford_lifetime", _buyer_lifetime_value, 2),
    number("01.replacement_cost", lambda: 200 * (5 * 50 - 50), 1),
]
