"""cl.text.sentiment: rules checked on hand-made comments, VADER agreement, bad input, accuracy floors."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csat_lab.errors import CsatInputError
from csat_lab.text import sentiment
from csat_lab.text.polarity import ALPHA, THRESHOLD

DATA = Path(__file__).resolve().parent / "data"


def scores(texts, language="auto"):
    """Lexicon scores: the rules worked by hand below are those of method="lexicon"."""
    return sentiment(texts, language, method="lexicon").table["score"].tolist()


def test_vader_unchanged_where_no_domain_word_applies():
    # An independent VADER with its own lexicon gives the same score on a sentence none of our additions touch.
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    text = "I love this place, it is wonderful."
    expected = SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert scores([text], "en")[0] == pytest.approx(expected, abs=1e-3)


def test_chinese_single_word_by_hand():
    # 满意 has valence 2.0 in lexicon_zh.tsv: score = 2 / sqrt(4 + 15).
    assert scores(["满意"])[0] == pytest.approx(2 / math.sqrt(4 + ALPHA))


def test_chinese_degree_negation_exclamation_by_hand():
    # 非常 multiplies by 1.6: x = 3.2.
    assert scores(["非常满意"])[0] == pytest.approx(3.2 / math.sqrt(3.2 ** 2 + ALPHA))
    # A negator turns v into -0.75 v: 热情 2.0 -> x = -1.5.
    assert scores(["不热情"])[0] == pytest.approx(-1.5 / math.sqrt(1.5 ** 2 + ALPHA))
    # One "！" closing the clause adds 20%: x = 2.4 (NFKC turns the full-width mark into "!").
    assert scores(["满意！"])[0] == pytest.approx(2.4 / math.sqrt(2.4 ** 2 + ALPHA))


def test_chinese_contrast_weighs_the_second_clause_more():
    # 便宜 (+1.0) before 但是 weighs 0.5; 太差: 差 (-2.0) x 太 1.5 = -3.0 after it weighs 1.5.
    x = 0.5 * 1.0 + 1.5 * -3.0
    assert scores(["价格便宜，但是服务太差"])[0] == pytest.approx(x / math.sqrt(x * x + ALPHA))
    assert sentiment(["等了很久，不过问题解决了，还是挺满意的"], method="lexicon").table["label"].iloc[0] == "positive"


@pytest.mark.parametrize("text, label", [
    ("客服态度很差，说两句就挂电话", "negative"),
    ("前台服务很热情，还帮我们叫了车", "positive"),
    ("开户需要身份证和住址证明", "neutral"),
    ("没有乱推销，很实在", "positive"),
    ("真是太\u201c快\u201d了，等了一个小时才轮到我", "negative"),
    ("希望增加夜间客服", "neutral"),
    ("The agent was rude and hung up on me.", "negative"),
    ("Quick and friendly service, thank you!", "positive"),
    ("Please add an option to pay by card.", "neutral"),
    ("Waited 40 minutes on hold just to ask one question.", "negative"),
    ("Lost parcel was traced and redelivered, no fuss.", "positive"),
])
@pytest.mark.parametrize("method", ["model", "lexicon"])
def test_labels_of_clear_comments(text, label, method):
    assert sentiment([text], method=method).table["label"].iloc[0] == label


def test_scores_in_range_and_labels_follow_the_threshold():
    texts = ["非常非常非常好！！！", "太太太差了！！！", "terrible awful horrible disgusting!!!", "", "。。。", "👍"]
    table = sentiment(texts, method="lexicon").table
    assert table["score"].between(-1, 1).all()
    for score, label in zip(table["score"], table["label"]):
        assert label == ("positive" if score >= THRESHOLD else "negative" if score <= -THRESHOLD else "neutral")


def test_model_scores_are_probability_differences_and_labels_the_most_probable_class():
    texts = ["非常非常非常好！！！", "太太太差了！！！", "terrible awful horrible disgusting!!!", "。。。", "👍",
             "Third call about the same fault.", "一个电话就办完了", "报价含税吗？"]
    result = sentiment(texts)
    table = result.table
    assert result.method == "model"
    probs = table[["p_negative", "p_neutral", "p_positive"]].to_numpy()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, atol=1e-12)
    assert (probs >= 0).all()
    np.testing.assert_allclose(table["score"], probs[:, 2] - probs[:, 0], atol=1e-12)
    assert table["label"].tolist() == [["negative", "neutral", "positive"][i] for i in probs.argmax(axis=1)]
    # the lexicon's own score is kept beside the model's
    lexicon = sentiment(texts, method="lexicon").table["score"]
    np.testing.assert_allclose(table["lexicon_score"], lexicon)
    with pytest.raises(CsatInputError, match="method"):
        sentiment(texts, method="vader")


def test_missing_kept_and_counted_empty_is_neutral():
    result = sentiment(pd.Series([None, "", np.nan, "很好"], index=list("abcd")))
    table = result.table
    assert list(table.index) == list("abcd")
    assert table.loc["a", "label"] is None and math.isnan(table.loc["a", "score"])
    assert table.loc["b", "label"] == "neutral" and table.loc["b", "score"] == 0
    assert result.n == 2 and result.n_missing == 2
    assert table.loc["d", "language"] == "zh-CN" and table.loc["b", "language"] == "en"
    assert math.isnan(table.loc["b", "p_neutral"]) and table.loc["d", "label"] == "positive"


def test_mixed_language_and_emoji():
    table = sentiment(["check-in 排队半小时，太慢了", "Great stay 👍", "😡😡"]).table
    assert table["language"].tolist() == ["zh-CN", "en", "en"]
    assert table["label"].tolist() == ["negative", "positive", "negative"]


def test_very_long_text_is_scored():
    table = sentiment([("服务很好。" * 20_000)[:100_000], ("Rude staff. " * 10_000)[:100_000]]).table
    assert table["label"].tolist() == ["positive", "negative"]


def test_bad_input():
    with pytest.raises(CsatInputError, match="position 1"):
        sentiment(["ok", 5])
    with pytest.raises(CsatInputError, match="language"):
        sentiment(["ok"], language="de")
    with pytest.raises(CsatInputError, match="gbk"):
        sentiment(["服务很好".encode("gbk")])
    assert sentiment(["服务很好".encode("gbk")], encoding="gbk").table["label"].iloc[0] == "positive"


def accuracy(stem: str, method: str = "model") -> float:
    data = pd.read_csv(DATA / f"{stem}.csv", dtype=str)
    language = "zh-CN" if stem.endswith("zh") else "en"
    predicted = sentiment(data["text"], language, method=method).table["label"]
    return float((predicted == data["sentiment"]).mean())


# Accuracy on the hand-labelled held-out comments (three classes); floors sit about 0.02 below the values
# reached (benchmarks/bench_text.py prints them): the trained model 0.833 en, 0.873 zh (the target is
# 0.80); the lexicon alone 0.763 en, 0.772 zh.
EVAL_FLOORS = {("eval_en", "model"): 0.81, ("eval_zh", "model"): 0.85,
               ("eval_en", "lexicon"): 0.74, ("eval_zh", "lexicon"): 0.75}


@pytest.mark.parametrize("stem, method", sorted(EVAL_FLOORS))
def test_accuracy_on_the_evaluation_set_does_not_drop(stem, method):
    assert accuracy(stem, method) >= EVAL_FLOORS[stem, method]


@pytest.mark.parametrize("name", ["hotel_guests", "csat_tracker"])
@pytest.mark.parametrize("method", ["model", "lexicon"])
@pytest.mark.parametrize("column, floor", [("comment_en", 0.97), ("comment_zh", 0.95)])
def test_accuracy_on_the_generated_dataset_comments(name, column, floor, method):
    from csat_lab import datasets

    data = datasets.load(name)
    rows = data[data[column].notna() & data["comment_sentiment"].notna()]
    assert len(rows) > 500
    predicted = sentiment(rows[column], "zh-CN" if column.endswith("zh") else "en", method=method).table["label"]
    assert float((predicted == rows["comment_sentiment"].astype(str)).mean()) >= floor
