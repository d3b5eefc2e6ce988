"""cl.text.tokenize: Chinese segmentation with domain terms, English words, stop words, bad input."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from csat_lab.errors import CsatInputError
from csat_lab.text import tokenize


def test_domain_terms_stay_whole():
    words = tokenize(["这个季度的净推荐值和客户满意度都下降了，投诉处理太慢，客户流失增加"])[0]
    for term in ("净推荐值", "客户满意度", "投诉处理", "客户流失"):
        assert term in words
    assert "净" not in words and "推荐值" not in words


def test_english_words_keep_hyphens_and_apostrophes_and_lowercase():
    assert tokenize(["Check-in was SLOW, and the app doesn't work."]) == [["check-in", "slow", "app", "doesn't", "work"]]
    # Typographic apostrophe is the same word.
    assert tokenize(["don\u2019t"], stopwords=False) == [["don't"]]


def test_stop_words_can_be_kept():
    assert tokenize(["the queue was long"], stopwords=False) == [["the", "queue", "was", "long"]]
    assert tokenize(["the queue was long"]) == [["queue", "long"]]
    assert "的" in tokenize(["服务的态度"], stopwords=False)[0]
    assert "的" not in tokenize(["服务的态度"])[0]


def test_mixed_chinese_english_keeps_both():
    words = tokenize(["check-in 排队半小时，wifi 也连不上 NPS"])[0]
    assert {"check-in", "排队", "wifi", "nps"} <= set(words)


def test_language_forced_and_auto_agree_on_segmentation():
    text = ["前台服务很热情"]
    assert tokenize(text, "zh-CN") == tokenize(text, "auto") == tokenize(text, "en")


def test_deterministic():
    texts = ["等了很久才有人接电话，问题还是没有解决", "Staff were friendly but slow"] * 3
    assert tokenize(texts) == tokenize(list(texts))


def test_missing_empty_emoji_numbers_as_text():
    out = tokenize(["", None, np.nan, pd.NA, "👍👍😊", "12345", "   "])
    assert out == [[], [], [], [], [], [], []]


def test_containers_and_index():
    assert tokenize(np.array(["slow queue"])) == [["slow", "queue"]]
    assert tokenize(("slow queue",)) == [["slow", "queue"]]
    assert tokenize(pd.Series(["slow queue"], index=["a"])) == [["slow", "queue"]]
    assert tokenize("slow queue") == [["slow", "queue"]]  # one string is one comment


@pytest.mark.parametrize("bad, where", [([1, "ok"], "position 0"), (["ok", 3.5], "position 1"),
                                        (["ok", ["nested"]], "position 1")])
def test_non_text_named_by_position(bad, where):
    with pytest.raises(CsatInputError, match=where):
        tokenize(bad)


def test_series_label_named():
    with pytest.raises(CsatInputError, match=r"label r7"):
        tokenize(pd.Series(["ok", 12], index=["r1", "r7"]))


def test_not_a_container():
    with pytest.raises(CsatInputError, match="list, tuple"):
        tokenize(42)
    with pytest.raises(CsatInputError, match="DataFrame"):
        tokenize(pd.DataFrame({"a": ["x"]}))


def test_bad_language():
    with pytest.raises(CsatInputError, match="zh-CN"):
        tokenize(["x"], language="fr")


def test_gbk_bytes_decoded_with_encoding_else_clear_error():
    raw = "投诉处理很及时".encode("gbk")
    assert tokenize([raw], encoding="gbk") == [["投诉处理", "及时"]]
    assert tokenize(["投诉处理很及时".encode()]) == [["投诉处理", "及时"]]
    # GBK 投 = CD B6 happens to be a valid UTF-8 pair (U+0376); 诉 = CB DF is not: the error is at byte 2.
    assert raw[:4] == b"\xcd\xb6\xcb\xdf"
    with pytest.raises(CsatInputError, match=r"position 1 .*not valid utf-8 \(from byte 2\).*encoding=\"gbk\""):
        tokenize(["ok", raw])


def test_very_long_text():
    text = ("排队等了很久，客服态度很好。" * 7200)[:100_000]
    words = tokenize([text])[0]
    assert len(text) == 100_000
    assert words.count("排队") == 7143  # one per full repetition of the 14-character sentence (100000 // 14)
    english = ("The queue was long. " * 5000)[:100_000]
    assert tokenize([english])[0].count("queue") == 5000
