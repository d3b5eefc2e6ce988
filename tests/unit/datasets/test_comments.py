"""Comment columns of csat_tracker and hotel_guests, complaint descriptions of complaints_log.

The comments are generated from a stated theme and sentiment on a random stream of their own:
every column the datasets had before must be byte-identical to the files of commit f1860b5
(read with git, read-only), and the stated truth must agree with the scores and with an
independent reading of the text (VADER for English, negation and complaint words for Chinese).
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import simulate
from csat_lab.simulate import _comments
from csat_lab.simulate._common import csv_bytes

ROOT = Path(__file__).resolve().parents[3]
BEFORE_COMMENTS = "f1860b5"  # the last commit whose datasets had no generated comment columns
NEW_COLUMNS = {
    "csat_tracker": ["comment_en", "comment_zh", "comment_theme", "comment_sentiment"],
    "hotel_guests": ["comment_en", "comment_zh", "comment_theme", "comment_sentiment"],
    "complaints_log": ["description_en", "description_zh"],
}
HAN = re.compile(r"[\u4e00-\u9fff]")


def _text_frame(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("name", sorted(NEW_COLUMNS))
def test_old_columns_are_byte_identical_to_the_files_before_the_comments(name):
    old = _text_frame(subprocess.run(["git", "show", f"{BEFORE_COMMENTS}:datasets/{name}.csv"], cwd=ROOT,
                                     capture_output=True, check=True).stdout)
    shipped = _text_frame((ROOT / "datasets" / f"{name}.csv").read_bytes())
    assert list(shipped.columns) == list(old.columns) + NEW_COLUMNS[name]
    pd.testing.assert_frame_equal(shipped[old.columns], old)
    # the generator itself, not only the file: same text for every old column
    spec = simulate.SIMULATED[name]
    frame, _ = spec.function()
    fresh = _text_frame(csv_bytes(frame, spec.decimals, spec.datetimes))
    pd.testing.assert_frame_equal(fresh, shipped)


@pytest.fixture(scope="module")
def surveys():
    return {name: cl.datasets.load(name) for name in ("csat_tracker", "hotel_guests")}


@pytest.mark.parametrize("name", ["csat_tracker", "hotel_guests"])
def test_blank_answers_and_both_languages(surveys, name):
    frame = surveys[name]
    blank = frame["comment_en"].isna()
    assert 0.20 <= blank.mean() <= 0.30
    assert (frame["comment_zh"].isna() == blank).all()
    assert frame.loc[blank, ["comment_theme", "comment_sentiment"]].isna().all().all()
    themed = frame["comment_theme"].notna()
    assert (themed & ~blank).sum() == themed.sum() > 1000
    assert (frame.loc[themed, "comment_en"].str.len() > 10).all()
    assert frame.loc[~blank, "comment_zh"].map(lambda t: bool(HAN.search(t))).all()
    assert not frame.loc[~blank, "comment_en"].map(lambda t: bool(HAN.search(t))).any()
    # "no comment"-type answers: text, neutral, no theme; about 5 % of the written answers
    no_comment = ~blank & ~themed
    assert (frame.loc[no_comment, "comment_sentiment"] == "neutral").all()
    assert 0.02 <= no_comment.sum() / (~blank).sum() <= 0.09
    assert set(frame["comment_theme"].dropna()) == set(_comments.THEMES)
    # middling customers leave the box empty more often than the very satisfied
    score = frame["csat" if name == "csat_tracker" else "satisfaction"].astype(int)
    assert blank[score == 3].mean() > blank[score == 5].mean() + 0.08


@pytest.mark.parametrize("name", ["csat_tracker", "hotel_guests"])
def test_sentiment_follows_the_score(surveys, name):
    frame = surveys[name]
    score = frame["csat" if name == "csat_tracker" else "satisfaction"].astype(int)
    valid = score.between(1, 5) & frame["comment_theme"].notna()
    negative = frame["comment_sentiment"] == "negative"
    assert negative[valid & (score <= 2)].mean() > 0.6
    assert negative[valid & (score == 5)].mean() < 0.1
    by_label = score[valid].groupby(frame.loc[valid, "comment_sentiment"], observed=True).mean()
    assert by_label["negative"] < by_label["neutral"] < by_label["positive"]


@pytest.mark.parametrize("name", ["csat_tracker", "hotel_guests"])
def test_stated_sentiment_agrees_with_an_independent_reading(surveys, name):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    frame = surveys[name]
    themed = frame[frame["comment_theme"].notna()]
    vader = SentimentIntensityAnalyzer()
    compound = themed["comment_en"].map(lambda t: vader.polarity_scores(t)["compound"])
    means = compound.groupby(themed["comment_sentiment"], observed=True).mean()
    assert means["negative"] < means["neutral"] < means["positive"]
    assert means["positive"] - means["negative"] > 0.25
    # Chinese: complaint markers (negation, too slow / expensive / bad) in most negative comments, few positive ones
    marker = themed["comment_zh"].str.contains("不|没|差|慢|贵|麻烦|毛病|出问题|失望|太久|又")
    share = marker.groupby(themed["comment_sentiment"], observed=True).mean()
    assert share["negative"] > 0.6 > 0.35 > share["positive"]


def test_themes_follow_the_other_answers(surveys):
    """csat_tracker: a low q2 (resolved on first contact) makes complaints about resolution likelier."""
    frame = surveys["csat_tracker"]
    negative = frame[frame["comment_sentiment"] == "negative"]
    q2 = negative["q2"].astype(int)
    resolution = negative["comment_theme"] == "resolution"
    assert resolution[q2 <= 2].mean() > resolution[q2 >= 4].mean() + 0.1
    hotel = surveys["hotel_guests"]
    negative = hotel[hotel["comment_sentiment"] == "negative"]
    gap = negative["per_reliability"].astype(int) - negative["exp_reliability"].astype(int)
    resolution = negative["comment_theme"] == "resolution"
    assert resolution[gap <= -2].mean() > resolution[gap >= 0].mean()


def test_duplicated_submissions_repeat_their_comment(surveys):
    frame = surveys["csat_tracker"]
    dup = frame[frame["response_id"].duplicated(keep=False)]
    assert len(dup) == 48
    columns = NEW_COLUMNS["csat_tracker"]
    assert (dup.groupby("response_id")[columns].nunique(dropna=False) == 1).all().all()


def test_generator_is_deterministic_and_separate():
    a, _ = simulate.hotel_guests(seed=3, n=40)
    b, _ = simulate.hotel_guests(seed=np.random.default_rng(3), n=40)
    pd.testing.assert_frame_equal(a, b)
    c, _ = simulate.hotel_guests(seed=4, n=40)
    assert not a["comment_en"].equals(c["comment_en"])
    one = _comments.comment_rng(9).random(4)
    assert np.array_equal(one, _comments.comment_rng(9).random(4))
    assert not np.array_equal(one, _comments.comment_rng(9, "descriptions").random(4))
    # the comment stream does not move the dataset's own stream
    rng = np.random.default_rng(9)
    _comments.comment_rng(rng).random(100)
    assert rng.random() == np.random.default_rng(9).random()
    en, zh = _comments.compose(_comments.comment_rng(1), "price", "negative", "hotel")
    assert en == _comments.compose(_comments.comment_rng(1), "price", "negative", "hotel")[0] and HAN.search(zh)
    with pytest.raises(cl.CsatInputError, match="theme must be one of"):
        _comments.compose(_comments.comment_rng(1), "parking", "negative")


def test_complaint_descriptions_agree_with_the_log():
    log = cl.datasets.load("complaints_log")
    complained = log["complained"]
    assert (log["description_en"].notna() == complained).all()
    assert (log["description_zh"].notna() == complained).all()
    rows = log[complained]
    prefix = {"phone": "Customer called: ", "email": "Customer e-mail: ", "web": "Web form: ",
              "in_store": "Customer at the store: ", "social_media": "Public post: "}
    assert all(text.startswith(prefix[ch]) for text, ch in zip(rows["description_en"], rows["channel"].astype(str)))
    mentioned = 0
    for step, (en, zh) in _comments.VISIBLE_STEPS.items():
        says = rows["description_en"].str.contains(en, regex=False)
        assert (says == rows["description_zh"].str.contains(zh, regex=False)).all(), step
        assert not rows.loc[says, step].any(), f"a description says {step} was left out but the log says it was done"
        mentioned += int(says.sum())
    assert mentioned > 150
    for kind, (en, zh) in _comments.LEAVING_TYPES.items():
        says = rows["description_en"].str.contains(en, regex=False)
        assert says.sum() > 5 and not rows.loc[says, "repurchased"].any(), kind
    high = rows["severity"] == "high"
    assert rows.loc[high, "description_zh"].str.contains("赔偿|一个星期").all()
