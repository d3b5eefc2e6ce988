"""Exercises of notebook 06 (complaint handling)."""

from __future__ import annotations

import re

from ... import datasets
from ._make import Criterion, choice, mentions, number, rate, text


def _complaint_rate() -> float:
    return rate(datasets.load("complaints_log"), "complained")


def _full_process_gain() -> float:
    log = datasets.load("complaints_log")
    log = log[log["complained"].astype(bool)]
    steps = [c for c in log.columns if c.startswith("step_")]
    full = log[steps].astype(bool).all(axis=1)
    return rate(log, "repurchased", full) - rate(log, "repurchased", ~full)


# --- 06.complaint_reply: a written reply to Mrs Wang's complaint (late delivery, thawed frozen
# food, 25 minutes on hold at the hotline). The answer reaches the tests already normalised
# (NFKC, case-folded), so the patterns are lower case and full-width digits are ASCII.

_APOSTROPHE = "['\u2019]"

#: Phrases that put the blame on the customer (or deny the firm's part), English and Chinese.
_BLAME = [re.compile(p) for p in (
    r"\b(your|the customer" + _APOSTROPHE + r"s) (own )?fault\b",
    r"\bnot (our|the shop" + _APOSTROPHE + r"s|the company" + _APOSTROPHE + r"s|the driver" + _APOSTROPHE
    + r"s) (fault|responsibility)\b",
    r"\bwe(" + _APOSTROPHE + r"re| are| were) not (responsible|liable|to blame)\b",
    r"\bnot (responsible|liable) for\b",
    r"\byou should(" + _APOSTROPHE + r"ve| have) (called|checked|read|put|stored|chosen|picked|selected|"
    r"answered|frozen|refrigerated)\b",
    r"\byou (failed|forgot|neglected) to\b",
    r"\byou (were not|weren" + _APOSTROPHE + r"t|was not|wasn" + _APOSTROPHE + r"t) (at )?home\b",
    r"\b(nobody|no one|no-one) (was )?(at )?home\b",
    r"\byou (must|should|need to) understand\b",
    r"\bif you had (been|answered|called|checked|read|stored|put)\b",
    "你的错|您的错|你自己的|您自己的|怪您|怪你|不怪我们|不是我们的(错|责任|问题)|(与|和|跟)我们无关",
    "我们(不负责|概不负责|没有责任)|(因为|由于)(您|你)(当时)?不在家|(您|你)当时不在家|没人在家|家里没人",
    "(您|你)没(有)?接电话|(您|你)应该(早点|及时)(把|放|联系|打|接|告诉|查看|看)",
)]


def _no_blame(t: str) -> bool:
    return not any(p.search(t) for p in _BLAME)


def _thanks_or_apology(t: str) -> bool:
    return mentions(t, "thank", "thanks", "thank you", "sorry", "apologise", "apologize", "apologies", "apology",
                    "regret", "感谢", "谢谢", "多谢", "抱歉", "道歉", "对不起", "致歉", "歉意")


_PROBLEMS = (
    # the delivery was late
    ("late", "later than", "delay", "delayed", "delays", "on time", "three hours", "3 hours", "3 pm", "3pm",
     "15:00", "slot", "time window", "晚了", "晚到", "送晚", "来晚", "迟到", "迟了", "延误", "延迟", "没有准时",
     "未能准时", "没能准时", "没有按时", "未按时", "未能按时", "超时", "三个小时", "3个小时", "三小时", "3小时",
     "下午3点", "下午三点", "比约定"),
    # the frozen food had thawed
    ("thaw", "thawed", "thawing", "defrost", "defrosted", "melt", "melted", "frozen", "ice cream", "ice-cream",
     "dumplings", "cold chain", "freezer", "解冻", "化冻", "化了", "融化", "化掉", "冷冻", "冻品", "速冻", "冰淇淋",
     "冰激凌", "饺子", "冷链"),
    # she waited on hold at the hotline
    ("hold", "on hold", "hotline", "25 minutes", "25-minute", "twenty-five minutes", "waited", "waiting", "wait",
     "get through", "got through", "phone line", "call centre", "call center", "热线", "等了", "久等", "等待",
     "25分钟", "二十五分钟", "占线", "打不通", "没人接", "无人接听", "客服电话"),
)


def _understood(t: str) -> bool:
    return sum(mentions(t, *words) for words in _PROBLEMS) >= 2


_ACTION = ("refund", "refunded", "refunding", "reimburse", "replace", "replaced", "replacement", "redeliver",
           "re-deliver", "redelivery", "send", "resend", "credit", "credited", "voucher", "coupon", "compensate",
           "compensation", "bring", "free delivery", "money back",
           "退款", "退还", "退回", "退您", "退给", "补发", "补送", "再送", "重新配送", "重新送", "送新的", "送去", "赔偿",
           "补偿", "更换", "换新", "代金券", "优惠券", "返还", "免运费", "免配送费")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_WHEN = [re.compile(p) for p in (
    r"\b(today|tomorrow|tonight|immediately|at once|right away|this (morning|afternoon|evening|week))\b",
    rf"\b(within|by|before|on|next|this) ({_DAYS}|noon|midday|tomorrow|week|\d)",
    rf"\b({_DAYS})\b",
    r"\b\d{1,2}(:\d{2})? ?(am|pm)\b",
    r"\b\d{1,2}:\d{2}\b",
    r"\b\d+ ?(hours?|days?|working days?|business days?|minutes?)\b",
    "今天|今日|今晚|明天|明日|明早|明晚|本周|这周|下周|周[一二三四五六日末]|星期|马上|立即|立刻",
    "(上午|下午|晚上|中午|早上|傍晚)?[0-9]+ ?(点|时)|(上午|下午|晚上|中午|早上|傍晚)[零一二三四五六七八九十两]+点",
    "[0-9零一二三四五六七八九十两]+ ?(个)?(小时|天|个工作日|工作日|分钟)",
)]


#: Times the complaint itself states; restating them is not a promise of when.
_STATED = re.compile(r"\b(10 ?[-\u2013~to]+ ?12|three hours|3 hours|25 minutes|25-minute|3 ?pm|15:00|this morning)\b"
                     "|10 ?点? ?(到|至|-|\u2013|~) ?12 ?点|三个小时|3 ?个小时|三小时|3 ?小时|二十五分钟|25 ?分钟|下午(3|三)点|今天上午|今早")
_SENTENCE = re.compile(r"[.!?;\n\u3002\uff01\uff1f\uff1b]+")


def _action_and_when(t: str) -> bool:
    """A sentence that names a concrete remedy and when it will happen (not the complaint's own times)."""
    for sentence in _SENTENCE.split(_STATED.sub(" ", t)):
        if mentions(sentence, *_ACTION) and any(p.search(sentence) for p in _WHEN):
            return True
    return False


def _follow_up(t: str) -> bool:
    return mentions(t, "follow up", "follow-up", "following up", "call you", "phone you", "ring you", "contact you",
                    "check with you", "check in", "get back to you", "direct line", "my direct", "let me know",
                    "reach me", "email you", "write to you", "i will check", "i'll check", "we will check",
                    "we'll check", "confirm with you",
                    "回访", "跟进", "联系您", "联系你", "致电", "给您打电话", "给你打电话", "给您回电", "回电",
                    "打电话给您", "再次联系", "随时联系", "直接联系我", "我的电话", "我的直线", "向您确认", "与您确认",
                    "跟您确认", "和您确认", "告诉我")


EXERCISES = [
    choice("06.next_step", "926acf8df3737b6d7438", "abcd"),
    choice("06.gym_next_step", "9241c9c66f8b7c21209a", "abcd", task="transfer"),
    choice("06.skipped_step", "e60843c5db22231cdd89", "abcd", task="transfer"),
    choice("06.which_technique", "1ca48cec22b40084fdc4", "abcd", task="transfer"),
    text(
        "06.complaint_reply",
        Criterion("no_blame", _no_blame),
        Criterion("thanks_apology", _thanks_or_apology),
        Criterion("understood", _understood),
        Criterion("action_when", _action_and_when),
        Criterion("follow_up", _follow_up),
    ),
    number("06.complaint_rate", _complaint_rate, 0.05, percent=True),
    number("06.full_process_gain", _full_process_gain, 0.5),
    choice("06.text_step", "f3ea849c4798cce34fd0", "abcdefgh", task="transfer"),
    choice("06.text_lost_type", "8f8c307217fb667b864b", "abcdef", task="transfer"),
]
