"""cl.text.themes recovers known themes (adjusted Rand index >= 0.6) on comments generated from templates."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from csat_lab import datasets
from csat_lab.errors import CsatInputError
from csat_lab.text import themes

# Templates per theme: each comment is a template with one of the fillers, drawn at random below.
EN = {
    "wait": ["waited {n} minutes in the queue", "the queue was slow, {n} minutes on hold", "long wait and slow reply again"],
    "attitude": ["the staff were {a} and impolite", "{a} agent, no patience with me", "staff attitude was {a}"],
    "price": ["the bill had hidden fees, price too high", "overcharged on my bill, price not fair", "refund of the fee still missing from the bill"],
    "quality": ["the room was dirty and the shower broken", "broken equipment, dirty room", "room smelled and the shower was broken"],
}
ZH = {
    "wait": ["排队等了{n}分钟", "电话等待{n}分钟才接通，排队太久", "排队时间太长，等了{n}分钟"],
    "attitude": ["服务态度{a}，很不耐烦", "客服态度{a}，说话很冲", "前台态度{a}"],
    "price": ["账单多收了费用，价格太贵", "价格不合理，账单有隐藏收费", "退款还没到账，收费不透明"],
    "quality": ["房间很脏，空调坏了", "空调坏了，房间有异味", "房间设施老旧，空调坏了"],
}


def generate(templates: dict, n_per_theme: int, seed: int) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(seed)
    texts, truth = [], []
    for theme, forms in templates.items():
        for _ in range(n_per_theme):
            form = forms[rng.integers(len(forms))]
            texts.append(form.format(n=int(rng.integers(10, 90)), a=["rude", "cold", "差", "冷淡"][rng.integers(4)]))
            truth.append(theme)
    return texts, truth


@pytest.mark.parametrize("templates", [EN, ZH], ids=["en", "zh"])
def test_recovers_generated_themes(templates):
    texts, truth = generate(templates, 40, seed=1)
    found = themes(texts, k=len(templates))
    ari = adjusted_rand_score(truth, found.assignments.astype(int))
    assert ari >= 0.6, ari


def test_deterministic_and_seeded():
    texts, _ = generate(EN, 20, seed=2)
    a, b = themes(texts, 4, seed=0), themes(texts, 4, seed=0)
    pd.testing.assert_series_equal(a.assignments, b.assignments)
    pd.testing.assert_frame_equal(a.terms, b.terms)
    assert a.seed == 0 and a.k == 4


def test_terms_and_numbering():
    texts, _ = generate(EN, 20, seed=3)
    found = themes(texts, 4, top=5)
    assert set(found.terms["theme"]) == {1, 2, 3, 4}
    assert found.terms.groupby("theme").size().max() <= 5
    sizes = found.assignments.value_counts().sort_index()
    assert list(sizes) == sorted(sizes, reverse=True)  # theme 1 is the largest
    assert set(found.labels) == {1, 2, 3, 4}


def test_missing_and_empty_comments_are_kept_and_counted():
    texts, _ = generate(EN, 10, seed=4)
    series = pd.Series(texts + [None, "", "👍", np.nan], index=[f"r{i}" for i in range(len(texts) + 4)])
    found = themes(series, 4)
    assert list(found.assignments.index) == list(series.index)
    assert found.assignments.iloc[-4:].isna().all()
    assert found.n_missing == 2 and found.n_empty == 2 and found.n == len(texts)


def test_bad_k_and_too_few_comments():
    with pytest.raises(CsatInputError):
        themes(["slow queue", "rude staff"], 0)
    with pytest.raises(CsatInputError, match="k=3"):
        themes(["slow queue", "rude staff"], 3)
    with pytest.raises(CsatInputError, match="seed"):
        themes(["slow queue", "rude staff", "dirty room"], 2, seed="x")


@pytest.mark.parametrize("name", ["hotel_guests", "csat_tracker"])
@pytest.mark.parametrize("column", ["comment_en", "comment_zh"])
def test_recovers_dataset_themes(name, column):
    # The datasets' comments are generated from a stated theme (comment_theme), so the truth is known.
    data = datasets.load(name)
    subset = data[data[column].notna() & data["comment_theme"].notna()]
    assert len(subset) > 500
    found = themes(subset[column], k=6)
    keep = found.assignments.notna()
    assert keep.mean() > 0.99
    ari = adjusted_rand_score(subset["comment_theme"][keep].astype(str), found.assignments[keep].astype(int))
    assert ari >= 0.6, ari
