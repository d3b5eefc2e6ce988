"""Data-generating process of ``csat_tracker``: a quarterly CSAT/NPS/CES tracking survey."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy.special import expit, ndtr

from .._core.validate import rng_from
from ..errors import CsatInputError
from ._comments import comment_rng, survey_comments
from ._common import cut_latent, respondents

__all__ = ["csat_tracker", "TRACKER_ITEMS"]

SEGMENTS = ("consumer", "small_business", "enterprise")
POP_SHARE = np.array([0.70, 0.22, 0.08])
SAMPLE_SHARE = np.array([0.50, 0.30, 0.20])
REGIONS = ("north", "east", "south", "west")
REGION_SHARE = np.array([0.25, 0.35, 0.25, 0.15])
SEGMENT_MU = np.array([0.9, 0.6, 0.3])
WAVE_SHIFT = np.array([0.0, 0.0, 0.35, 0.45])
CSAT_THRESHOLDS = np.array([-2.2, -1.2, 0.0, 1.6])
NPS_MEAN = np.array([2.0, 4.0, 6.5, 8.0, 9.3])
NPS_SD = 1.3
LOADINGS = np.array([0.80, 0.75, 0.70, 0.65, 0.80, 0.70])
ITEM_THRESHOLDS = np.array([-1.5, -0.6, 0.3, 1.2])
REVERSED_ITEM = "q4"
BAD_CSAT_CODES = (0, 6, 9, 99)
SPEEDER_SECONDS = 60
FIELDWORK_START = pd.Timestamp("2024-03-04")

TRACKER_ITEMS = {
    "q1": ("The staff understood what I needed.", "工作人员理解我的需求。"),
    "q2": ("My issue was resolved on the first contact.", "我的问题在第一次联系时就得到了解决。"),
    "q3": ("The information I received was clear.", "我收到的信息清楚易懂。"),
    "q4": ("I had to repeat my details several times.", "我不得不多次重复提供我的信息。"),
    "q5": ("The staff treated me with courtesy.", "工作人员对我很有礼貌。"),
    "q6": ("The service was delivered when promised.", "服务按承诺的时间完成。"),
}

_COMMENTS = {
    ("en", 0): (
        "Waited forty minutes on the phone and nobody called back.",
        "I explained the same problem to three different people.",
        "The bill was wrong again this month.",
        "The app kept logging me out, very frustrating.",
        "Nobody told me the repair would take two weeks.",
        "Staff were polite but the problem is still not fixed.",
    ),
    ("en", 1): (
        "It was fine, nothing special.",
        "Took a bit long but got sorted in the end.",
        "Average service, the website could be clearer.",
        "OK overall, the hold music is too loud.",
    ),
    ("en", 2): (
        "Quick and friendly, thank you!",
        "The agent knew exactly what to do.",
        "Problem solved on the first call, great job.",
        "Very clear explanation of the new plan.",
        "Always helpful, I recommend you to my colleagues.",
        "Fast reply on chat and a real person answered.",
    ),
    ("zh-CN", 0): (
        "电话等了四十分钟，也没有人回电。",
        "同一个问题我跟三个人解释了三遍。",
        "这个月的账单又算错了。",
        "手机应用老是自动退出，太麻烦了。",
        "没人告诉我维修要等两个星期。",
        "服务态度还行，但问题到现在还没解决。",
    ),
    ("zh-CN", 1): (
        "还可以，没什么特别的。",
        "时间有点长，不过最后解决了。",
        "服务一般，网站说明可以更清楚一些。",
        "总体还行，等待时的音乐太吵了。",
    ),
    ("zh-CN", 2): (
        "又快又热情，谢谢！",
        "客服很专业，一下就知道怎么处理。",
        "第一次打电话就解决了，非常好。",
        "新套餐讲得很清楚。",
        "一直都很帮忙，我会推荐给同事。",
        "在线客服回复很快，而且是真人回答。",
    ),
}
_JUNK_COMMENTS = ("ok", "asdf", "good", "好", "。。。", "na")


def _true_values(waves: int) -> dict[str, Any]:
    mu = SEGMENT_MU[None, :] + WAVE_SHIFT[:waves, None]
    cum = expit(CSAT_THRESHOLDS[None, None, :] - mu[:, :, None])
    probs = np.diff(np.concatenate([np.zeros(mu.shape + (1,)), cum, np.ones(mu.shape + (1,))], axis=2), axis=2)
    top2 = probs[:, :, 3:].sum(axis=2)
    net_given_csat = (1 - ndtr((8.5 - NPS_MEAN) / NPS_SD)) - ndtr((6.5 - NPS_MEAN) / NPS_SD)
    nps = 100 * (probs * net_given_csat).sum(axis=2)
    return {
        "csat_top2_by_wave": {w + 1: round(float(top2[w] @ POP_SHARE), 4) for w in range(waves)},
        "nps_by_wave": {w + 1: round(float(nps[w] @ POP_SHARE), 2) for w in range(waves)},
        "csat_top2_by_segment": {
            SEGMENTS[s]: {w + 1: round(float(top2[w, s]), 4) for w in range(waves)} for s in range(len(SEGMENTS))
        },
    }


def _items(rng: np.random.Generator, latent: np.ndarray) -> np.ndarray:
    standard = (latent - latent.mean()) / latent.std()
    factor = 0.8 * standard + 0.6 * rng.standard_normal(latent.size)
    noise = rng.standard_normal((latent.size, LOADINGS.size))
    item_latent = factor[:, None] * LOADINGS + noise * np.sqrt(1 - LOADINGS**2)
    codes = cut_latent(item_latent, ITEM_THRESHOLDS)
    codes[:, 3] = 6 - codes[:, 3]
    # A genuine answer pattern never repeats one code six times: the reversed item breaks it.
    flat = (codes == codes[:, :1]).all(axis=1)
    codes[flat, 3] = np.where(codes[flat, 3] >= 3, codes[flat, 3] - 1, codes[flat, 3] + 1)
    return codes


def _comments(rng: np.random.Generator, csat: np.ndarray, language: np.ndarray, present: np.ndarray) -> np.ndarray:
    tone = np.where(csat <= 2, 0, np.where(csat == 3, 1, 2))
    out = np.full(csat.size, None, dtype=object)
    for i in np.flatnonzero(present):
        bank = _COMMENTS[(language[i], int(tone[i]))]
        out[i] = bank[rng.integers(len(bank))]
    return out


def _reason_score(frame: pd.DataFrame) -> np.ndarray:
    """The 1-5 satisfaction a reason comment follows: the CSAT answer, or for an invalid code the NPS band."""
    csat = frame["csat"].to_numpy()
    nps = frame["nps"].astype("Float64").fillna(7).to_numpy(dtype=float)
    from_nps = np.select([nps <= 4, nps <= 6, nps <= 7, nps <= 8], [1, 2, 3, 4], 5)
    return np.where((csat >= 1) & (csat <= 5), csat, from_nps)


def _reason_theme_weights(frame: pd.DataFrame) -> np.ndarray:
    """Theme multipliers from the six items: a low item makes a complaint about its theme likelier.

    Order of ``_comments.THEMES``: wait <- q6 (on time), attitude <- q1, q5 (understood,
    courteous), resolution <- q2 (first contact), price and quality <- none (the row's mean),
    process <- q3 (clear information) and q4 (stored so that a high code means "had to repeat
    my details"). Multiplier ``exp(0.8 (row mean - item))``.
    """
    q = {c: frame[c].to_numpy(dtype=float) for c in TRACKER_ITEMS}
    good = np.column_stack([q["q6"], (q["q1"] + q["q5"]) / 2, q["q2"], np.full(len(frame), 3.0),
                            np.full(len(frame), 3.0), (q["q3"] + 6 - q["q4"]) / 2])
    good[:, 3:5] = good[:, [0, 1, 2, 5]].mean(axis=1, keepdims=True)
    # Relative to the row's own mean: an answer lower than the respondent's others points to the theme.
    return np.exp(0.8 * (good.mean(axis=1, keepdims=True) - good))


def _with_reason_comments(frame: pd.DataFrame, rng: np.random.Generator) -> pd.DataFrame:
    """Add the reason-for-score comment in both languages with its theme and sentiment (own random stream).

    A duplicated submission repeats its original's comment, as it repeats every other answer.
    """
    first = frame[~frame["response_id"].duplicated()]
    speeder = (first["duration_sec"] < SPEEDER_SECONDS).to_numpy()
    comments = survey_comments(rng, _reason_score(first), "service", _reason_theme_weights(first), np.where(speeder, 0.7, 0.0))
    comments.index = first["response_id"].to_numpy()
    return pd.concat([frame, comments.reindex(frame["response_id"]).reset_index(drop=True)], axis=1)


def _wave(rng: np.random.Generator, wave: int, n: int) -> tuple[pd.DataFrame, dict[str, int]]:
    n_speed, n_flat, n_bad = int(round(0.03 * n)), int(round(0.025 * n)), int(round(0.015 * n))
    total = n + n_speed + n_flat
    kind = np.array(["genuine"] * n + ["speeder"] * n_speed + ["flat"] * n_flat)
    segment = rng.choice(len(SEGMENTS), size=total, p=SAMPLE_SHARE)
    region = rng.choice(len(REGIONS), size=total, p=REGION_SHARE)
    latent = SEGMENT_MU[segment] + WAVE_SHIFT[wave - 1] + rng.logistic(size=total)
    csat = cut_latent(latent, CSAT_THRESHOLDS)
    nps = np.clip(np.round(NPS_MEAN[csat - 1] + NPS_SD * rng.standard_normal(total)), 0, 10)
    ces = cut_latent(0.9 * latent + rng.standard_normal(total), [-1.8, -1.0, -0.3, 0.4, 1.2, 2.0])
    items = _items(rng, latent)
    duration = np.round(90 + rng.lognormal(np.log(200), 0.5, total))

    speed, flat = kind == "speeder", kind == "flat"
    duration[speed] = rng.integers(25, SPEEDER_SECONDS, speed.sum())
    items[speed] = rng.integers(1, 6, (speed.sum(), LOADINGS.size))
    csat[speed] = rng.integers(1, 6, speed.sum())
    nps[speed] = rng.integers(0, 11, speed.sum())
    items[flat] = rng.choice([5, 3, 4, 1], size=flat.sum(), p=[0.5, 0.25, 0.15, 0.1])[:, None]
    csat = csat.astype(int)
    bad_rows = rng.choice(n, size=n_bad, replace=False)
    csat[bad_rows] = rng.choice(BAD_CSAT_CODES, size=n_bad)

    language = np.where(rng.random(total) < 0.55, "zh-CN", "en")
    comment = _comments(rng, np.clip(csat, 1, 5), language, (rng.random(total) < 0.4) & ~speed)
    junk = speed & (rng.random(total) < 0.5)
    comment[junk] = rng.choice(_JUNK_COMMENTS, size=junk.sum())

    counts = np.bincount(segment, minlength=len(SEGMENTS))
    weight = np.round(POP_SHARE[segment] * total / counts[segment], 4)
    frame = pd.DataFrame(
        {
            "wave": wave,
            "date": FIELDWORK_START + pd.Timedelta(weeks=13 * (wave - 1)) + pd.to_timedelta(rng.integers(0, 21, total), unit="D"),
            "segment": np.array(SEGMENTS)[segment],
            "region": np.array(REGIONS)[region],
            "language": language,
            "weight": weight,
            "duration_sec": duration.astype(int),
            "csat": csat,
            "nps": pd.array(nps.astype(int), dtype="Int64"),
            "ces": pd.array(ces.astype(int), dtype="Int64"),
            **{f"q{j + 1}": items[:, j] for j in range(LOADINGS.size)},
            "comment": comment,
        }
    )
    frame.loc[rng.random(total) < 0.02, "nps"] = pd.NA
    frame.loc[rng.random(total) < 0.04, "ces"] = pd.NA
    frame = frame.sort_values("date", kind="stable").reset_index(drop=True)
    frame.insert(0, "response_id", [f"T{wave}-{i + 1:04d}" for i in range(total)])
    dup = frame.iloc[np.sort(rng.choice(total, size=int(round(0.01 * n)), replace=False))]
    frame = pd.concat([frame, dup]).sort_values(["date", "response_id"], kind="stable").reset_index(drop=True)
    counts = {"speeders": int(speed.sum()), "straight_liners": int(flat.sum()), "out_of_range_csat": n_bad, "duplicates": len(dup)}
    return frame, counts


def csat_tracker(seed: int | np.random.Generator = 20240301, n: int = 600, waves: int = 4) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Simulate a quarterly CSAT/NPS/CES tracking survey with deliberate data-quality problems.

    Each wave samples ``n`` genuine respondents, over-sampling business segments
    (sample shares 50/30/20% against population shares 70/22/8%); the post-stratification
    weight ``w = P_s * N_wave / n_ws`` restores the population mix. Satisfaction follows an
    ordered logit: latent ``y* = mu_segment + shift_wave + e``, ``e ~ Logistic(0, 1)``, cut at
    ``(-2.2, -1.2, 0, 1.6)``, so ``P(csat >= 4 | s, w) = logistic(mu_s + shift_w)``. The NPS
    answer is ``round(m_csat + 1.3 z)`` clipped to 0-10. Items q1-q6 load on one factor
    (q4 is negatively worded). Added: 3% speeders (< 60 s, random answers), 2.5%
    straight-liners (one code for all six items), 1.5% out-of-range CSAT codes (0, 6, 9, 99)
    and 1% duplicated rows. The reason-for-score comment (``comment_en``, ``comment_zh``) comes
    with its stated ``comment_theme`` and ``comment_sentiment``, drawn from a stream of its own
    (:mod:`._comments`) so that every other column is as it was without it.

    Parameters
    ----------
    seed : int or numpy.random.Generator, default 20240301
        Seed of the random draws, so the same call gives the same data; the
        default gives the shipped ``csat_tracker`` dataset.
    n : int, default 600
        Genuine respondents per wave (20 to 250,000).
    waves : int, default 4
        Number of quarterly waves (1-4).

    Returns
    -------
    (DataFrame, dict)
        The responses and the true values: population top-2-box CSAT and NPS per wave,
        the counts of each injected data-quality problem, the reversed item.

    References
    ----------
    McKelvey, R. D. & Zavoina, W. (1975). A statistical model for the analysis of ordinal
    level dependent variables. Reichheld, F. F. (2003). The one number you need to grow.

    Examples
    --------
    >>> frame, truth = csat_tracker(seed=1, n=50, waves=2)
    >>> frame["wave"].unique().tolist()
    [1, 2]
    >>> truth["csat_top2_by_wave"][1]
    0.6857
    """
    rng = rng_from(seed)
    n = respondents(n, 20, 250_000)
    waves = respondents(waves, 1, 10**9, "waves")
    if waves > WAVE_SHIFT.size:
        raise CsatInputError(f"waves must be from 1 to {WAVE_SHIFT.size}; got {waves}")
    parts, counts = [], []
    for wave in range(1, waves + 1):
        frame, c = _wave(rng, wave, n)
        parts.append(frame)
        counts.append(c)
    frame = pd.concat(parts, ignore_index=True)
    frame = _with_reason_comments(frame, comment_rng(rng))
    truth = _true_values(waves)
    truth.update({key: sum(c[key] for c in counts) for key in counts[0]})
    truth.update(
        {
            "population_share": dict(zip(SEGMENTS, POP_SHARE.tolist())),
            "sample_share": dict(zip(SEGMENTS, SAMPLE_SHARE.tolist())),
            "reversed_item": REVERSED_ITEM,
            "loadings": dict(zip(TRACKER_ITEMS, LOADINGS.tolist())),
            "speeder_seconds": SPEEDER_SECONDS,
            "bad_csat_codes": list(BAD_CSAT_CODES),
            "region_effect": 0.0,
        }
    )
    return frame, truth
