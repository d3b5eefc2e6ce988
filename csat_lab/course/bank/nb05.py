"""Exercises of notebook 05 (customer management)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ... import datasets
from ._make import Criterion, choice, mentions, number, text


def _member_net_spend() -> pd.Series:
    log = datasets.load("supermarket_members")
    return log.groupby("member_id", observed=True)["amount"].sum()


def _top20_share() -> float:
    spend = np.sort(_member_net_spend().to_numpy())[::-1]
    top = math.ceil(0.2 * len(spend))
    return 100.0 * spend[:top].sum() / spend.sum()


# --- 05.education_clause: the missing customer-education article of a care policy -----------
# Three rubric points, each a list of English and Chinese words; the check reads words, not
# meaning (the trainer edition has a model answer and the rubric).

#: What the firm gives customers so that they use and maintain the product well.
_CONTENT = (
    "instruction", "instructions", "guide", "guides", "guidance", "manual", "manuals", "training",
    "train", "trains", "trained", "tutorial", "tutorials", "video", "videos", "demonstration",
    "demonstrations", "demonstrate", "demonstrates", "demo", "demos", "course", "courses",
    "workshop", "workshops", "lesson", "lessons", "class", "classes", "teach", "teaches", "show",
    "shows", "explain", "explains", "how to use", "leaflet", "handbook",
    "说明", "指导", "指南", "指引", "培训", "教会", "教学", "传授", "演示", "讲解", "手册", "视频", "课程", "使用方法",
    "如何使用", "怎么用", "示范",
)
#: When it happens.
_WHEN = (
    "when", "after", "within", "before", "during", "upon", "first use", "first time", "regularly",
    "annually", "yearly", "monthly", "weekly", "quarterly", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "delivery", "installation", "on purchase", "at purchase",
    "购买后", "买后", "之后", "以后", "首次", "第一次", "每年", "每月", "每季", "每周", "定期",
    "天内", "日内", "周内", "月内", "交付", "送货", "安装", "当天", "购买时", "首次使用", "季度",
    "年度", "半年",
)
#: Who answers for it.
_WHO = (
    "department", "departments", "team", "teams", "staff", "employee", "employees", "engineer",
    "engineers", "technician", "technicians", "responsible", "responsibility", "in charge", "owner",
    "manager", "managers", "installer", "installers", "trainer", "trainers", "sales",
    "customer service", "customer-service", "service desk", "after-sales", "account manager",
    "部", "负责", "客服", "工程师", "技术员", "销售", "专人", "团队", "人员", "员工", "经理", "售后",
    "师傅", "主管",
)


def _says(words: tuple[str, ...]):
    def test(answer: str) -> bool:
        return mentions(answer, *words)

    return test


EXERCISES = [
    choice("05.hunter_practices", "9f8a3c003efda89399f8", "abcde", task="transfer"),
    choice("05.seven_p", "d4f0f326b78a0a71d873", "abcd"),
    choice("05.sales_path", "fc2ff251402f43a232f5", "abcd"),
    number("05.top20_share", _top20_share, 0.5, percent=True),
    choice("05.key_accounts", "2e24cc45393a516fc19a", "abcdef", task="transfer"),
    choice("05.care_audit", "f4b2c909c7d0b00a6d39", "abcdef", task="transfer"),
    text("05.education_clause", Criterion("content", _says(_CONTENT)), Criterion("when", _says(_WHEN)),
         Criterion("who", _says(_WHO))),
    choice("05.place_customer", "02a206573520f1192154", "abcd", task="transfer"),
]
