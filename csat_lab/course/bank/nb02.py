"""Exercises of notebook 02 (survey design)."""

from __future__ import annotations

import math
import re
from typing import Callable

import pandas as pd

from ... import datasets
from ._make import Criterion, choice, mentions, number, text, z95


def _tracker_csat_pct() -> float:
    scores = pd.to_numeric(datasets.load("csat_tracker")["csat"].astype("object"), errors="coerce")
    valid = scores[scores.between(1, 5)]
    return 100.0 * (valid >= 4).mean()


def _export_csat_pct() -> float:
    raw = pd.read_csv(datasets.example_file("csat_tracker_wave4_gbk.csv"), encoding="gb18030")
    scores = pd.to_numeric(raw["总体满意度"], errors="coerce")
    valid = scores[scores.between(1, 5)]
    return 100.0 * (valid >= 4).mean()


# --- 02.sample_plan: a hotel's guest survey, planned from the situation described ------------------
#: Guests who stayed in the quarter (the population), last year's share satisfied (the planning
#: value of p), the margin wanted and the share of invited guests who complete the questionnaire.
PLAN_POPULATION, PLAN_P, PLAN_MOE, PLAN_RESPONSE = 2000, 0.80, 0.04, 0.20


def _invitations_needed() -> float:
    """Invitations = completed answers needed (Cochran's n0 with the finite population correction) / response rate."""
    n0 = z95() ** 2 * PLAN_P * (1 - PLAN_P) / PLAN_MOE**2
    completed = math.ceil(n0 / (1 + (n0 - 1) / PLAN_POPULATION))
    return float(math.ceil(completed / PLAN_RESPONSE))


# --- 02.rewrite_question: rubric for a rewritten survey question --------------------------------
# The answer is normalised (NFKC, case-folded): full-width ？（） become ?(), so one set of
# patterns serves English and Chinese answers.

def _questions(answer: str) -> list[str]:
    """The question parts of an answer (each up to its '?'), or the whole answer if it has no '?'.

    Text in brackets (an answer scale such as "(very poor … very good)") is left out.
    """
    parts = [p for p in answer.split("?")[:-1] if p.strip()] if "?" in answer else [answer]
    return [re.sub(r"\([^)]*\)|\[[^\]]*\]|“[^”]*”|‘[^’]*’", " ", p) for p in parts]


#: Words that join two topics in one question. "between … and" (one span of time) and "和蔼"
#: (kind) and "及时" (on time) are single words, not joins.
_JOINS_EN = re.compile(r"(?<![a-z])(and|as well as|plus)(?![a-z])|&|/")
_JOINS_ZH = re.compile(r"和(?!蔼)|与|以及|及(?!时)|并且|还有|跟")


def _one_topic(answer: str) -> bool:
    for question in _questions(answer):
        question = re.sub(r"between [^?]*? and ", "between ", question)
        if _JOINS_EN.search(question) or _JOINS_ZH.search(question):
            return False
    return True


_NEGATIVE = r"(?:don'?t|do not|didn'?t|did not|wouldn'?t|would not|won'?t|isn'?t|aren'?t|wasn'?t|weren'?t|haven'?t|hasn'?t)"
#: Questions that push towards "yes": a negative opening ("Wasn't check-in quick?"), "don't you …",
#: a tag ("…, right?") or words that take the answer for granted.
_LEADING_EN = re.compile(
    rf"^\s*{_NEGATIVE}(?![a-z])|(?<![a-z]){_NEGATIVE} (?:you|it|they|we|our)(?![a-z])"
    r"|(?<![a-z])(?:surely|of course|agree that|you'?d agree|as you know|right)(?![a-z])\s*$"
    r"|(?<![a-z])(?:surely|of course|agree that|you'?d agree|as you know)(?![a-z])"
)
_LEADING_ZH = re.compile(r"难道|不认为|不觉得|是不是|对不对|不是吗|当然|肯定|想必|(?:吧|对吗|是吧|好吗)\s*$")


def _not_leading(answer: str) -> bool:
    for question in _questions(answer):
        if _LEADING_EN.search(question) or _LEADING_ZH.search(question):
            return False
    return True


_PRAISE_EN = ("friendly", "fast", "quick", "excellent", "great", "wonderful", "amazing", "outstanding",
              "superb", "perfect", "lovely", "fantastic", "best", "delightful")
_PRAISE_ZH = ("友好", "友善", "热情", "快速", "快捷", "迅速", "高效", "多快", "出色", "优秀", "优质", "完美",
              "棒", "极好", "卓越", "贴心", "周到", "愉快")


def _no_praise(answer: str) -> bool:
    for question in _questions(answer):
        # a scale's end points ("from very poor to excellent", "从非常差到非常好") are not praise
        question = re.sub(r"from [^?,]*? to [^?,]*", " ", question)
        question = re.sub(r"从[^?,，]*?到[^?,，]*", " ", question)
        if mentions(question, *_PRAISE_EN) or any(w in question for w in _PRAISE_ZH):
            return False
    return True


def _about_the_stay(answer: str) -> bool:
    return mentions(answer, "staff", "employee", "employees", "reception", "receptionist", "front desk",
                    "check-in", "check in", "checking in", "checkin", "stay", "hotel", "room", "service",
                    "员工", "工作人员", "服务人员", "前台", "入住", "住宿", "酒店", "宾馆", "房间", "服务")


def _is_question(answer: str) -> bool:
    return "?" in answer or mentions(answer, "please rate", "please tell", "rate the", "rate your",
                                     "请评价", "请您评价", "请为", "请您为", "请用", "请对", "请您对", "请给", "请选择")


def _graded_answer(answer: str) -> bool:
    return bool(
        mentions(answer, "satisfied", "dissatisfied", "satisfaction", "rate", "rating", "scale", "score",
                 "how long", "how many", "to what extent", "how easy", "how likely", "poor", "neither",
                 "agree or disagree", "very", "minutes", "how much", "how well",
                 "满意", "评价", "评分", "打分", "分钟", "程度", "多长", "多少", "量表", "等级", "非常", "一般")
        or re.search(r"\d\s*(?:-|–|to|到|至)\s*\d", answer)
    )


# --- 02.code_comments: five new comments coded by hand with the six themes of the codebook -------
#: What a learner may write for each theme: its code, its English words, its Chinese name (short or full).
_THEME_TOKENS = {
    "wait": ("wait", "waiting", "speed", "等待时间", "等待"),
    "attitude": ("attitude", "staff", "服务态度", "态度"),
    "resolution": ("resolution", "resolved", "solution", "问题解决", "解决"),
    "price": ("price", "billing", "bill", "价格与收费", "价格", "收费"),
    "quality": ("quality", "product", "facilities", "产品与设施", "产品", "设施"),
    "process": ("process", "channels", "channel", "流程与渠道", "流程", "渠道"),
}
_TOKEN_THEME = {token: theme for theme, tokens in _THEME_TOKENS.items() for token in tokens}
#: The themes of the five comments shown in the notebook, in their order (see the trainer note there).
CODED_COMMENTS = ("resolution", "wait", "attitude", "price", "process")


def _coded(answer: str) -> list[str | None]:
    """The answer's codes in order: separated by commas, semicolons, 、 or spaces; an unknown word is None."""
    tokens = [t for t in re.split(r"[,;、/\s]+|\d+[.)]", answer) if t]
    return [_TOKEN_THEME.get(t) for t in tokens]


def _five_codes(answer: str) -> bool:
    codes = _coded(answer)
    return len(codes) == len(CODED_COMMENTS) and None not in codes


def _comment_coded(k: int) -> Callable[[str], bool]:
    return lambda answer: _coded(answer)[k] == CODED_COMMENTS[k]


EXERCISES = [
    choice("02.survey_method", "e1b7dccf7c557cbc8db0", "abcd", task="transfer"),
    choice("02.double_barrelled", "47c600524c08b3356ef7", "abcd", task="transfer"),
    text(
        "02.rewrite_question",
        Criterion("topic", _about_the_stay),
        Criterion("question", _is_question),
        Criterion("one_topic", _one_topic),
        Criterion("not_leading", _not_leading),
        Criterion("no_praise", _no_praise),
        Criterion("scale", _graded_answer),
    ),
    number("02.tracker_csat", _tracker_csat_pct, 0.15, percent=True),
    number("02.margin_of_error", lambda: 100 * z95() * math.sqrt(0.25 / 400), 0.05, percent=True),
    number("02.sample_size", lambda: math.ceil(z95() ** 2 * 0.25 / 0.03**2), 1),
    number("02.sample_plan", _invitations_needed, 5, task="transfer"),
    number("02.export_csat", _export_csat_pct, 0.15, percent=True),
    text(
        "02.code_comments",
        Criterion("five", _five_codes),
        *(Criterion(f"comment{k + 1}", _comment_coded(k)) for k in range(len(CODED_COMMENTS))),
    ),
]
