"""Exercises of notebook 04 (churn and retention).

CLV follows the course's timing convention (notebook 04, "Lifetime and customer
lifetime value"): the margin of year t arrives at the end of the year, the
first year's margin is certain, so CLV = sum_{t=1..T} m r^(t-1) / (1+d)^t.
"""

from __future__ import annotations

import re

import numpy as np

from ... import datasets
from ._make import Criterion, choice, mentions, number, rate, text


def _telco_churn_pct() -> float:
    return rate(datasets.load("telco_churn"), "Churn")


def _course_clv(margin: float, retention: float, discount: float, years: int) -> float:
    """The course's CLV: sum over t = 1..years of margin x retention^(t-1) / (1 + discount)^t."""
    t = np.arange(1, years + 1)
    return float(np.sum(margin * retention ** (t - 1) / (1 + discount) ** t))


def _starts(answer: str, *stems: str) -> bool:
    """Whether a Latin word in ``answer`` starts with one of ``stems`` (``apolog`` finds "apologise")."""
    return any(re.search(rf"(?<![a-z]){re.escape(s)}", answer) for s in stems)


def _effort(answer: str) -> bool:
    return mentions(answer, "fight", "every effort", "all-out", "all out", "hard", "top priority", "high priority",
                    "priority", "whatever it takes", "全力", "极力", "大力", "竭力", "尽力", "尽一切", "优先", "重点挽回")


def _first_step(answer: str) -> bool:
    return (_starts(answer, "cause", "why", "reason", "ask", "listen", "call", "visit", "meet", "apolog", "investigat",
                    "find out")
            or mentions(answer, "原因", "调查", "了解", "询问", "倾听", "拜访", "上门", "电话", "道歉", "致歉", "面谈"))


def _remedy(answer: str) -> bool:
    return (_starts(answer, "deliver", "damage", "replac", "refund", "compensat", "repair",
                    "named contact", "form letter")
            or mentions(answer, "late", "送货", "交付", "配送", "延误", "迟到", "损坏", "更换", "退款", "赔偿", "补偿",
                        "专人", "维修", "格式"))


EXERCISES = [
    number("04.churn_rate", lambda: 100 * 150 / 1200, 0.05, percent=True),
    number("04.annual_churn", lambda: 100 * (1 - 0.98**12), 0.05, percent=True),
    # the gym: losses and base of the same members, those on the books on 1 January
    number("04.denominator", lambda: 100 * 96 / 800, 0.05, task="transfer", percent=True),
    number("04.telco_churn", _telco_churn_pct, 0.05, percent=True),
    number("04.clv", lambda: _course_clv(500.0, 0.7, 0.08, 5), 0.5),
    choice("04.lost_type", "be2ccf0a2d608c2792e3", "abcdef", task="transfer"),
    choice("04.winback", "22a4dea83d28975bfd51", "abcde", task="transfer"),
    text("04.winback_plan", Criterion("effort", _effort), Criterion("first_step", _first_step),
         Criterion("remedy", _remedy), task="transfer"),
    choice("04.loyalty_type", "0dfe744cac219391ad83", "abcd", task="transfer"),
]
