"""cl.text results: titles, summaries in both languages, table display, plots."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.text import drivers_from_text, keywords, sentiment, themes

COMMENTS = ["排队等了一个小时", "排队太久了", "客服态度很差", "客服态度冷淡",
            "The queue was slow", "slow queue again", "rude staff", "staff were rude"] * 3
SCORES = [1, 2, 2, 1, 2, 1, 3, 2] * 3


@pytest.fixture(params=["en", "zh-CN"])
def language(request):
    cl.set_language(request.param)
    yield request.param
    cl.set_language("en")


def test_results_print_in_both_languages(language):
    results = [sentiment(COMMENTS), themes(COMMENTS, 2), keywords(COMMENTS, by=[s < 2 for s in SCORES]),
               drivers_from_text(pd.DataFrame({"comment": COMMENTS, "satisfaction": SCORES}), k=2)]
    expected = {"en": ["Sentiment of comments", "Themes in comments", "Distinctive words", "Comment themes and scores"],
                "zh-CN": ["评论情感分析", "评论主题", "特征词", "评论主题与评分"]}[language]
    for result, title in zip(results, expected):
        assert str(result).splitlines()[0] == title
        assert title in result._repr_html_()


def test_sentiment_shares_in_summary():
    result = sentiment(["很好", "很差", "开户需要身份证", None], method="lexicon")
    frame = result.to_frame()
    # 很好: 1.2 x 1.3 = 1.56 -> 0.3736; 很差: -2.0 x 1.3 = -2.6 -> -0.5573; neutral 0: mean -0.0612.
    assert list(frame.iloc[:, 1]) == ["3", "1", "-0.06", "sentiment lexicon and rules", "33.3%", "33.3%", "33.3%"]
    model = sentiment(["很好", "很差", "开户需要身份证", None]).to_frame()
    assert model.iloc[3, 1].startswith("trained model") and list(model.iloc[4:, 1]) == ["33.3%"] * 3


def test_plots_draw_and_reject_what_they_cannot():
    ax = sentiment(COMMENTS).plot(SCORES)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3"]
    plt.close(ax.figure)
    ax = themes(COMMENTS, 2).plot(by=["low" if s < 2 else "high" for s in SCORES])
    assert len(ax.patches) == 4
    plt.close(ax.figure)
    ax = drivers_from_text(pd.DataFrame({"comment": COMMENTS, "satisfaction": SCORES}), k=2).plot()
    assert len(ax.patches) == 2
    plt.close(ax.figure)
    with pytest.raises(CsatInputError, match="values for"):
        sentiment(COMMENTS).plot([1, 2])
    with pytest.raises(CsatInputError, match="themes"):
        cl.plots.theme_bars(pd.DataFrame({"x": [1]}))
