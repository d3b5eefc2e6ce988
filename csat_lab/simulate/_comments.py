"""Open-ended answers with a known truth: comments and complaint descriptions in English and Chinese.

Every comment is built from a stated theme (one of the six codes of :data:`THEMES`) and a stated
sentiment (negative, neutral or positive), so a text method can be checked against the truth.
A comment is assembled from phrase pairs written for this project: an optional opener, a core
sentence of the theme in that sentiment about a subject of the setting (a service company's
hotline or a hotel's front desk), an optional closer. Negative answers are sometimes mixed (praise
of another theme, then "but" and the complaint) or sarcastic ("Great, only forty minutes on hold")
so that a course can show what a lexicon gets wrong. Each pair says the same thing in both
languages, each written the way a customer would say it, not word for word.

The draws come from their own random stream (:func:`comment_rng`), a child of the dataset's seed,
so adding comments to a dataset leaves every other column exactly as it was.

Examples
--------
>>> rng = comment_rng(1)
>>> en, zh = compose(rng, "wait", "negative", "service")
>>> isinstance(en, str) and isinstance(zh, str) and len(zh) > 3
True
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import pandas as pd

from ..errors import CsatInputError

__all__ = [
    "THEMES",
    "SENTIMENTS",
    "CONTEXTS",
    "VISIBLE_STEPS",
    "LEAVING_TYPES",
    "comment_rng",
    "compose",
    "survey_comments",
    "complaint_descriptions",
]

THEMES = ("wait", "attitude", "resolution", "price", "quality", "process")
SENTIMENTS = ("negative", "neutral", "positive")
CONTEXTS = ("service", "hotel")

#: P(negative, neutral, positive) of a written comment given the 1-5 satisfaction answer.
SENTIMENT_GIVEN_SCORE = np.array([[0.88, 0.10, 0.02], [0.75, 0.20, 0.05], [0.35, 0.50, 0.15], [0.08, 0.32, 0.60], [0.03, 0.12, 0.85]])
#: P(blank answer) given the 1-5 satisfaction answer: middling customers write least.
BLANK_GIVEN_SCORE = np.array([0.18, 0.22, 0.38, 0.28, 0.20])
NO_COMMENT_SHARE = 0.05
MIXED_SHARE = 0.15
SARCASM_SHARE = 0.05
#: Theme weights by sentiment, in the order of THEMES: complaints are about resolution, staff and
#: waiting; praise is about staff, speed and a problem solved; neutral remarks about price and channels.
THEME_BASE = {
    "negative": np.array([0.20, 0.20, 0.30, 0.10, 0.10, 0.10]),
    "neutral": np.array([0.20, 0.10, 0.10, 0.20, 0.20, 0.20]),
    "positive": np.array([0.25, 0.30, 0.25, 0.05, 0.10, 0.05]),
}

_SUBJECTS = {
    "service": {
        "wait": (("the hotline", "客服热线"), ("the repair visit", "上门维修"), ("the reply to my e-mail", "邮件回复"), ("the online chat", "在线客服")),
        "attitude": (("the agent", "接电话的客服"), ("the engineer", "上门的师傅"), ("the clerk at the service centre", "营业厅的工作人员")),
        "resolution": (("my problem", "我的问题"), ("the fault", "这个故障"), ("my request", "我的申请")),
        "price": (("the bill", "账单"), ("the monthly fee", "月费"), ("the new plan", "新套餐")),
        "quality": (("the network", "网络信号"), ("the broadband", "宽带"), ("the new router", "新换的路由器")),
        "process": (("the app", "手机应用"), ("the phone menu", "电话语音菜单"), ("the online form", "网上申请表")),
    },
    "hotel": {
        "wait": (("check-in", "办理入住"), ("room service", "送餐服务"), ("the lift", "电梯"), ("check-out", "退房")),
        "attitude": (("the receptionist", "前台的工作人员"), ("the concierge", "礼宾部的员工"), ("the housekeeper", "客房服务员")),
        "resolution": (("the broken air conditioner", "空调坏了的事"), ("my request for a quiet room", "换安静房间的要求"), ("the noise problem", "噪音问题")),
        "price": (("the room rate", "房价"), ("the minibar charge", "迷你吧的收费"), ("the breakfast price", "早餐价格")),
        "quality": (("the room", "房间"), ("the bathroom", "卫生间"), ("the bed", "床"), ("the breakfast", "早餐")),
        "process": (("the booking website", "预订网站"), ("the deposit procedure", "押金手续"), ("the key card system", "房卡系统")),
    },
}
_DURATIONS = {
    "service": (("forty minutes", "四十分钟"), ("over an hour", "一个多小时"), ("two whole days", "整整两天")),
    "hotel": (("half an hour", "半个小时"), ("forty minutes", "四十分钟"), ("almost an hour", "将近一个小时")),
}
# Degree words: English may leave the adjective bare, Chinese puts 很 before it by default.
_DEGREE = (("", "很"), ("very ", "非常"), ("really ", "特别"), ("so ", "真"))

# Core sentences: {s} subject, {a} degree word, {d} duration. English starts lower-case when it
# starts with the subject, so an opener can go in front; the first letter is raised at the end.
_CORE = {
    ("wait", "negative"): (
        ("{s} was {a}slow.", "{s}{a}慢。"),
        ("I waited {d} for {s}.", "{s}我足足等了{d}。"),
        ("{s} took far too long and nobody told me why.", "{s}拖了太久，也没人解释为什么。"),
        ("{s} was not quick at all.", "{s}一点都不快。"),
    ),
    ("wait", "neutral"): (
        ("{s} was a bit slow but acceptable.", "{s}有点慢，不过还能接受。"),
        ("{s} could be faster.", "{s}可以再快一点。"),
        ("the wait for {s} was about normal.", "{s}等的时间一般吧。"),
    ),
    ("wait", "positive"): (
        ("{s} was {a}fast.", "{s}{a}快。"),
        ("I did not have to wait for {s} at all.", "{s}一点都不用等。"),
        ("{s} was quick, just a few minutes.", "{s}很快，几分钟就好了。"),
    ),
    ("attitude", "negative"): (
        ("{s} was {a}rude.", "{s}态度{a}差。"),
        ("{s} was impatient and kept interrupting me.", "{s}很不耐烦，老是打断我。"),
        ("{s} did not care about my problem at all.", "{s}一点都不关心我的问题。"),
        ("{s} spoke to me in an unfriendly way.", "{s}说话很不客气。"),
    ),
    ("attitude", "neutral"): (
        ("{s} was polite enough.", "{s}还算有礼貌。"),
        ("{s} was neither friendly nor unfriendly.", "{s}态度一般，说不上好也说不上差。"),
    ),
    ("attitude", "positive"): (
        ("{s} was {a}friendly.", "{s}{a}热情。"),
        ("{s} was patient and polite.", "{s}很有耐心，也很有礼貌。"),
        ("{s} really listened to me.", "{s}认真听我把话说完了。"),
        ("{s} was kind and helpful.", "{s}很亲切，也很肯帮忙。"),
    ),
    ("resolution", "negative"): (
        ("{s} is still not solved.", "{s}到现在还没解决。"),
        ("I asked three times and {s} is still not sorted out.", "说了三次，{s}还是没解决。"),
        ("nobody followed up on {s}.", "{s}没有任何人跟进。"),
        ("they promised to deal with {s} but never did.", "答应处理{s}，结果一直没有下文。"),
    ),
    ("resolution", "neutral"): (
        ("{s} was sorted out in the end, after a second try.", "{s}最后解决了，不过折腾了两次。"),
        ("{s} is only partly solved.", "{s}只解决了一半。"),
    ),
    ("resolution", "positive"): (
        ("{s} was solved on the first try.", "{s}一次就解决了。"),
        ("they dealt with {s} quickly and called back to check.", "{s}很快就处理好了，之后还打电话回访。"),
        ("{s} was {a}well handled.", "{s}处理得{a}好。"),
    ),
    ("price", "negative"): (
        ("{s} is {a}expensive.", "{s}{a}贵。"),
        ("{s} had a hidden charge I never agreed to.", "{s}里有一笔我从来没同意过的费用。"),
        ("{s} was wrong and I was charged twice.", "{s}算错了，重复收了我的钱。"),
        ("{s} is not worth the money.", "{s}一点都不值这个价。"),
    ),
    ("price", "neutral"): (
        ("{s} is about what I expected.", "{s}跟我预想的差不多。"),
        ("{s} is a little high but acceptable.", "{s}有点高，但还能接受。"),
    ),
    ("price", "positive"): (
        ("{s} is good value for money.", "{s}很实惠，物有所值。"),
        ("{s} was clear, with no surprises.", "{s}清清楚楚，没有乱收费。"),
        ("{s} is {a}reasonable.", "{s}{a}合理。"),
    ),
    ("quality", "negative"): (
        ("{s} was {a}poor.", "{s}{a}差。"),
        ("{s} kept failing.", "{s}老是出问题。"),
        ("{s} did not work properly.", "{s}用起来总有毛病。"),
        ("{s} was not up to standard at all.", "{s}根本不达标。"),
    ),
    ("quality", "neutral"): (
        ("{s} was okay.", "{s}还行。"),
        ("{s} was average, nothing special.", "{s}一般，没什么特别的。"),
    ),
    ("quality", "positive"): (
        ("{s} was excellent.", "{s}好极了。"),
        ("{s} was {a}good.", "{s}{a}好。"),
        ("{s} worked perfectly.", "{s}一点毛病都没有。"),
    ),
    ("process", "negative"): (
        ("{s} was {a}confusing.", "{s}{a}麻烦。"),
        ("{s} made me enter the same details twice.", "{s}要我把同样的信息填两遍。"),
        ("{s} kept failing and I had to start over.", "{s}老是出错，只好从头再来。"),
        ("I was passed from one department to another.", "被转来转去，转了好几个部门。"),
    ),
    ("process", "neutral"): (
        ("{s} works, but it could be simpler.", "{s}能用，但可以更简单一些。"),
        ("{s} was fine once I figured it out.", "{s}摸清楚以后还可以。"),
    ),
    ("process", "positive"): (
        ("{s} was {a}easy to use.", "{s}{a}好用。"),
        ("{s} was simple and clear.", "{s}简单明了。"),
        ("everything was done in one go through {s}.", "通过{s}一次就办好了。"),
    ),
}
# Sarcasm: praise words, complaint meaning (the sentiment stated is negative).
_SARCASM = {
    "wait": ("Great, only {d} waiting for {s}.", "真不错，{s}才等了{d}。"),
    "attitude": ("Thanks for the warm welcome, {s} did not even look up.", "谢谢热情接待，{s}连头都没抬一下。"),
    "resolution": ("Wonderful, {s} is still not fixed after three tries.", "太好了，试了三次，{s}还是老样子。"),
    "price": ("Lovely surprise: {s} went up again.", "真是惊喜，{s}又涨了。"),
    "quality": ("Perfect, {s} broke again.", "完美，{s}又坏了。"),
    "process": ("Brilliant, {s} asked for my details a third time.", "真棒，{s}第三次让我填资料。"),
}
_CONTRAST = ((", but ", "，但是"), (", however ", "，不过"), (", yet ", "，可是"))
_OPENERS = (("", ""), ("", ""), ("", ""), ("honestly, ", "说实话，"), ("to be honest, ", "老实讲，"), ("this time ", "这次"), ("overall, ", "总的来说，"))
_CLOSERS = {
    ("negative", "service"): (("Very disappointed.", "非常失望。"), ("Please improve.", "希望改进。"), ("I am thinking of switching provider.", "我在考虑换一家了。")),
    ("negative", "hotel"): (("Very disappointed.", "非常失望。"), ("Please improve.", "希望改进。"), ("I will not stay here again.", "下次不会再住了。")),
    ("neutral", "service"): (("That is all.", "就这些。"),),
    ("neutral", "hotel"): (("That is all.", "就这些。"),),
    ("positive", "service"): (("Thank you!", "谢谢！"), ("Keep it up.", "继续保持。"), ("I will recommend you to my friends.", "会推荐给朋友。")),
    ("positive", "hotel"): (("Thank you!", "谢谢！"), ("Keep it up.", "继续保持。"), ("I will definitely come back.", "下次还会再来。")),
}
_NO_COMMENT = (("No comment.", "没有意见。"), ("Nothing to add.", "没什么要补充的。"), ("N/A", "无"), ("Nothing else.", "没有了。"))

#: Handling steps a customer can see, and what the customer says when one was left out.
VISIBLE_STEPS = {
    "step_listen": ("Nobody let me finish explaining.", "根本不让我把话说完。"),
    "step_feelings": ("Nobody seemed to understand how upset I was.", "没有人理解我有多着急。"),
    "step_cause": ("They never told me what went wrong.", "到现在也没告诉我问题出在哪里。"),
    "step_requirement": ("Nobody asked me what I actually wanted.", "没有人问过我到底想要什么。"),
    "step_solution": ("They offered no solution and no date.", "没给任何解决办法，也没说什么时候能好。"),
    "step_thank": ("Not a word of thanks for reporting it.", "我反映了问题，连句谢谢都没有。"),
    "step_follow_up": ("No one called back to check it was fixed.", "处理完以后也没有人回访。"),
}
#: Lost-customer types a complaining customer can announce (segments.lost_type codes), in their words.
LEAVING_TYPES = {
    "left_on_own": ("I have had enough and will cancel my account.", "我受够了，准备销户。"),
    "lured_away": ("Another company has a better plan for less money.", "别家的套餐更好，还更便宜。"),
    "poached": ("A competitor's salesman has already called me with an offer to switch.", "别家的业务员已经打电话来拉我过去了。"),
    "forced": ("I am moving to a city you do not serve, so I will have to stop anyway.", "我要搬到你们没有服务的城市，只能不用了。"),
}
_CHANNEL_OPENERS = {
    "phone": ("Customer called: ", "客户来电："),
    "email": ("Customer e-mail: ", "客户来邮件："),
    "web": ("Web form: ", "网上留言："),
    "in_store": ("Customer at the store: ", "客户到门店反映："),
    "social_media": ("Public post: ", "社交媒体发帖："),
}
_SEVERITY_LINES = {
    "low": (("", ""),),
    "medium": (("It is not the first time.", "这不是第一次了。"), ("", "")),
    "high": (("This has cost me real money and I want compensation.", "这给我造成了实际损失，我要求赔偿。"),
             ("I have been without service for a week.", "我已经一个星期用不了了。")),
}
# Complaint themes by channel (order of THEMES): calls are about waiting and staff, web forms about process.
_COMPLAINT_THEME = {
    "phone": np.array([0.25, 0.20, 0.25, 0.10, 0.10, 0.10]),
    "email": np.array([0.20, 0.10, 0.30, 0.20, 0.10, 0.10]),
    "web": np.array([0.10, 0.05, 0.20, 0.20, 0.15, 0.30]),
    "in_store": np.array([0.15, 0.30, 0.20, 0.10, 0.20, 0.05]),
    "social_media": np.array([0.15, 0.20, 0.25, 0.15, 0.20, 0.05]),
}
STEP_REMARK_SHARE = 0.6
LEAVING_REMARK_SHARE = 0.5


def comment_rng(seed: int | np.random.Generator | None, stream: str = "comments") -> np.random.Generator:
    """A random stream of its own for the comments of a dataset, derived from the dataset's seed.

    The child seed is ``SeedSequence(entropy, spawn_key=spawn_key + (tag,))`` with the
    dataset seed's entropy and a tag made of the stream's name, so the main stream is not
    touched (its draws, and every existing column, stay as they were) and a whole-number seed
    and ``numpy.random.default_rng`` of it give the same comments.

    Parameters
    ----------
    seed : int, numpy.random.Generator or None
        The dataset's seed, or the Generator made from it.
    stream : str, default "comments"
        Name of the stream; another name gives an independent stream.

    Returns
    -------
    numpy.random.Generator

    Examples
    --------
    >>> a = comment_rng(5).integers(0, 100, 3)
    >>> b = comment_rng(np.random.default_rng(5)).integers(0, 100, 3)
    >>> bool((a == b).all())
    True
    """
    if isinstance(seed, np.random.Generator):
        sequence = getattr(seed.bit_generator, "seed_seq", None)
        if not isinstance(sequence, np.random.SeedSequence):
            raise CsatInputError("seed: a Generator made without a SeedSequence cannot give a comment stream; pass a whole number")
        entropy, key = sequence.entropy, tuple(sequence.spawn_key)
    elif seed is None:
        entropy, key = np.random.SeedSequence().entropy, ()
    else:
        entropy, key = int(seed), ()
    tag = int.from_bytes(stream.encode("utf-8")[:8].ljust(8, b"\0"), "little")
    return np.random.default_rng(np.random.SeedSequence(entropy, spawn_key=key + (tag,)))


def _pick(rng: np.random.Generator, options: Sequence[tuple[str, str]]) -> tuple[str, str]:
    return options[int(rng.integers(len(options)))]


def _fill(rng: np.random.Generator, pair: tuple[str, str], theme: str, context: str) -> tuple[str, str]:
    subject = _pick(rng, _SUBJECTS[context][theme])
    degree = _pick(rng, _DEGREE)
    duration = _pick(rng, _DURATIONS[context])
    en = pair[0].format(s=subject[0], a=degree[0], d=duration[0])
    zh = pair[1].format(s=subject[1], a=degree[1], d=duration[1])
    return en, zh


def _sentence(en: str) -> str:
    return en[:1].upper() + en[1:]


def compose(rng: np.random.Generator, theme: str, sentiment: str, context: str = "service") -> tuple[str, str]:
    """One comment of a stated theme and sentiment, in English and in Chinese.

    Parameters
    ----------
    rng : numpy.random.Generator
        The comment stream (:func:`comment_rng`).
    theme : str
        One of :data:`THEMES`.
    sentiment : str
        One of :data:`SENTIMENTS`.
    context : str, default "service"
        ``"service"`` (a service company) or ``"hotel"``: which subjects the comment talks about.

    Returns
    -------
    (str, str)
        The English and the Chinese comment.

    Examples
    --------
    >>> en, zh = compose(comment_rng(3), "price", "positive", "hotel")
    >>> en[0].isupper(), zh.endswith(("。", "！"))
    (True, True)
    """
    if theme not in THEMES or sentiment not in SENTIMENTS or context not in CONTEXTS:
        raise CsatInputError(f"compose: theme must be one of {THEMES}, sentiment one of {SENTIMENTS}, context one of {CONTEXTS}; "
                             f"got {theme!r}, {sentiment!r}, {context!r}")
    if sentiment == "negative" and rng.random() < SARCASM_SHARE:
        en, zh = _fill(rng, _SARCASM[theme], theme, context)
        return _sentence(en), zh
    core_en, core_zh = _fill(rng, _pick(rng, _CORE[(theme, sentiment)]), theme, context)
    if sentiment == "negative" and rng.random() < MIXED_SHARE:
        other = THEMES[int(rng.choice([i for i, t in enumerate(THEMES) if t != theme]))]
        praise_en, praise_zh = _fill(rng, _pick(rng, _CORE[(other, "positive")]), other, context)
        word = _pick(rng, _CONTRAST)
        en = praise_en.rstrip(".") + word[0] + core_en
        zh = praise_zh.rstrip("。") + word[1] + core_zh
    else:
        opener = _pick(rng, _OPENERS)
        en, zh = opener[0] + core_en, opener[1] + core_zh
    if rng.random() < 0.35:
        closer = _pick(rng, _CLOSERS[(sentiment, context)])
        en, zh = f"{en} {closer[0]}", zh + closer[1]
    return _sentence(en), zh


def survey_comments(rng: np.random.Generator, score: np.ndarray, context: str = "service",
                    theme_weights: np.ndarray | None = None, blank_boost: np.ndarray | None = None) -> pd.DataFrame:
    """Answers to an open question for respondents with known 1-5 satisfaction answers.

    Per row: blank with probability ``BLANK_GIVEN_SCORE[score]`` (plus ``blank_boost``);
    otherwise a "no comment"-type answer (5 %, neutral, no theme) or a comment whose sentiment
    is drawn from ``SENTIMENT_GIVEN_SCORE[score]`` and whose theme is drawn with weights
    ``THEME_BASE[sentiment] * theme_weights[row]`` (normalised).

    Parameters
    ----------
    rng : numpy.random.Generator
        The comment stream.
    score : array of int
        Satisfaction 1-5 per row.
    context : str, default "service"
        Setting of the comments (:data:`CONTEXTS`).
    theme_weights : array (rows x 6), optional
        Multipliers of the theme weights per row (from other answers of the row); for a
        negative comment row ``w``, for a positive one ``1 / w``, for a neutral one 1.
    blank_boost : array of float, optional
        Extra probability of a blank answer per row (for speeders).

    Returns
    -------
    pandas.DataFrame
        ``comment_en``, ``comment_zh``, ``comment_theme``, ``comment_sentiment`` (None when blank).

    Examples
    --------
    >>> out = survey_comments(comment_rng(1), np.array([1, 5, 3]))
    >>> out.columns.tolist()
    ['comment_en', 'comment_zh', 'comment_theme', 'comment_sentiment']
    """
    score = np.clip(np.asarray(score, dtype=int), 1, 5)
    n = score.size
    weights = np.ones((n, len(THEMES))) if theme_weights is None else np.asarray(theme_weights, dtype=float)
    boost = np.zeros(n) if blank_boost is None else np.asarray(blank_boost, dtype=float)
    columns: dict[str, list[str | None]] = {k: [None] * n for k in ("comment_en", "comment_zh", "comment_theme", "comment_sentiment")}
    for i in range(n):
        if rng.random() < min(1.0, BLANK_GIVEN_SCORE[score[i] - 1] + boost[i]):
            continue
        if rng.random() < NO_COMMENT_SHARE:
            en, zh = _pick(rng, _NO_COMMENT)
            columns["comment_en"][i], columns["comment_zh"][i], columns["comment_sentiment"][i] = en, zh, "neutral"
            continue
        sentiment = SENTIMENTS[int(rng.choice(3, p=SENTIMENT_GIVEN_SCORE[score[i] - 1]))]
        tilt = weights[i] if sentiment == "negative" else 1 / weights[i] if sentiment == "positive" else np.ones(len(THEMES))
        p = THEME_BASE[sentiment] * tilt
        theme = THEMES[int(rng.choice(len(THEMES), p=p / p.sum()))]
        en, zh = compose(rng, theme, sentiment, context)
        columns["comment_en"][i], columns["comment_zh"][i] = en, zh
        columns["comment_theme"][i], columns["comment_sentiment"][i] = theme, sentiment
    return pd.DataFrame(columns)


def complaint_descriptions(rng: np.random.Generator, channel: Sequence[str], severity: Sequence[str],
                           missing_steps: Sequence[Sequence[str]], leaving: Sequence[bool]) -> tuple[list[str], list[str]]:
    """Free-text descriptions of complaints as logged, consistent with the log's other columns.

    A description is the channel's log prefix, the complaint (a negative comment of a theme
    drawn by channel from ``_COMPLAINT_THEME``), a line that grows with the severity, then
    with probability 0.6 the customer's remark about one handling step that was left out
    (:data:`VISIBLE_STEPS`, only a step whose column is False) and, for a customer who did
    not buy again, with probability 0.5 a remark naming why they are leaving
    (:data:`LEAVING_TYPES`).

    Parameters
    ----------
    rng : numpy.random.Generator
        The description stream.
    channel, severity : sequence of str
        Channel and severity code per complaint.
    missing_steps : sequence of sequences of str
        Per complaint, the step columns (of :data:`VISIBLE_STEPS`) that were not done.
    leaving : sequence of bool
        Per complaint, whether the customer did not buy again.

    Returns
    -------
    (list of str, list of str)
        English and Chinese descriptions.

    Examples
    --------
    >>> en, zh = complaint_descriptions(comment_rng(2), ["phone"], ["high"], [["step_follow_up"]], [False])
    >>> en[0].startswith("Customer called: ")
    True
    """
    out_en, out_zh = [], []
    for k in range(len(channel)):
        theme = THEMES[int(rng.choice(len(THEMES), p=_COMPLAINT_THEME[channel[k]]))]
        en, zh = _fill(rng, _pick(rng, _CORE[(theme, "negative")]), theme, "service")
        en, zh = [_sentence(en)], [zh]
        line = _pick(rng, _SEVERITY_LINES[severity[k]])
        if line[0]:
            en.append(line[0])
            zh.append(line[1])
        visible = [s for s in missing_steps[k] if s in VISIBLE_STEPS]
        if visible and rng.random() < STEP_REMARK_SHARE:
            remark = VISIBLE_STEPS[visible[int(rng.integers(len(visible)))]]
            en.append(remark[0])
            zh.append(remark[1])
        if leaving[k] and rng.random() < LEAVING_REMARK_SHARE:
            kind = list(LEAVING_TYPES)[int(rng.integers(len(LEAVING_TYPES)))]
            en.append(LEAVING_TYPES[kind][0])
            zh.append(LEAVING_TYPES[kind][1])
        prefix = _CHANNEL_OPENERS[channel[k]]
        out_en.append(prefix[0] + " ".join(en))
        out_zh.append(prefix[1] + "".join(zh))
    return out_en, out_zh
