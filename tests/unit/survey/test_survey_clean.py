"""clean(), Kano and Questionnaire: hand-worked examples and invariants."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import fuzz_examples

import csat_lab as cl
from csat_lab import survey
from csat_lab.errors import CsatInputError


def _messy() -> pd.DataFrame:
    return pd.DataFrame({
        "id": [1, 2, 3, 3, 4, 5, 6, 7],
        "q1": [5, 4, "abc", 4, 99, 3, 2, 7],
        "q2": [4, 4, 3, 4, 2, 3, None, 1],
        "q3": [5, 4, 2, 4, 1, 3, None, 2],
        "secs": [300, 280, 310, 280, 40, 290, 260, 305],
    })


def test_clean_hand_worked_example() -> None:
    data, report = survey.clean(_messy(), scales=dict.fromkeys(["q1", "q2", "q3"], "agree5"), id="id",
                                duration="secs")
    log = report.log
    changed = log[log.action == "changed"].set_index("row")
    # row 2 "abc" is text, row 4 code 99 is "not applicable", row 7 code 7 is off the 1-5 scale
    assert changed.loc[2, "reason"] == "non_numeric"
    assert changed.loc[4, "reason"] == "not_applicable"
    assert changed.loc[7, "reason"] == "out_of_range"
    removed = log[log.action == "removed"].set_index("row")["reason"].to_dict()
    # row 3 repeats id 3; median duration 285 -> under 95 s is a speeder (row 4);
    # row 1 answers 4, 4, 4 (straight-liner); row 5 answers 3, 3, 3
    assert removed == {1: "straight_liner", 3: "duplicate", 4: "speeder", 5: "straight_liner"}
    assert report.n_kept + report.n_removed == report.n_input == 8
    assert list(data.index) == [0, 2, 6, 7]
    assert np.isnan(data.loc[2, "q1"]) and np.isnan(data.loc[7, "q1"])
    assert report.removed.index.tolist() == [1, 3, 4, 5]
    assert report.by_reason["straight_liner"] == 2


def test_clean_returns_a_report_carrying_the_clean_table() -> None:
    report = survey.clean(_messy(), scales=dict.fromkeys(["q1", "q2", "q3"], "agree5"), id="id", duration="secs")
    assert isinstance(report, survey.CleaningReport)
    data, same = report
    assert same is report and data is report.data
    assert report[0] is report.data and report[1] is report
    assert list(report.data.index) == [0, 2, 6, 7]  # as worked out in the hand-worked example above
    assert report.estimate == report.n_kept == 4
    assert report.data.attrs == {}


def test_clean_drop_policy_and_translated_reasons() -> None:
    data, report = survey.clean(_messy(), scales={"q1": "agree5"}, invalid="drop")
    reasons = report.log[report.log.action == "removed"].set_index("row")["reason"]
    assert reasons[2] == reasons[7] == "invalid_answer"
    assert reasons[4] == "no_answers"  # 99 is "not applicable": set missing, row then has no answers
    table = report.reasons_table(language="zh-CN")
    assert "原因" in table.columns and "非数值答案" in set(table.iloc[:, 0])


def test_clean_reads_spss_style_categoricals() -> None:
    labels = cl.scales.get("satisfaction5").labels()
    cat = pd.Categorical([labels[4], labels[0], None], categories=labels, ordered=True)
    data, report = survey.clean(pd.DataFrame({"sat": cat}), scales={"sat": "satisfaction5"})
    assert data["sat"].tolist() == [5.0, 1.0] and report.by_reason == {"no_answers": 1}


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"scales": {"zz": "agree5"}}, "no column 'zz'.*columns are: id, q1"),
        ({"invalid": "ignore"}, "invalid must be one of"),
        ({"speeder_fraction": 2}, "speeder_fraction"),
        ({"scales": {"q1": "agree99"}}, "unknown scale 'agree99'"),
    ],
)
def test_clean_bad_input(kwargs: dict, match: str) -> None:
    with pytest.raises(CsatInputError, match=match):
        survey.clean(_messy(), **kwargs)
    with pytest.raises(CsatInputError, match="empty"):
        survey.clean(pd.DataFrame({"q1": []}))


cell = st.one_of(st.integers(-2, 12), st.none(), st.sampled_from(["x", "N/A", "5", "不适用"]))


@settings(max_examples=fuzz_examples(80), deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), cell, cell, cell, st.integers(1, 500)), min_size=1, max_size=40))
def test_clean_never_loses_rows(rows: list) -> None:
    df = pd.DataFrame(rows, columns=["id", "a", "b", "c", "secs"])
    data, report = survey.clean(df, scales=dict.fromkeys("abc", "agree5"), id="id", duration="secs")
    assert report.n_kept + report.n_removed == report.n_input == len(df)
    assert len(data) == report.n_kept
    assert set(data.index) | set(report.removed.index) == set(df.index)
    assert not set(data.index) & set(report.removed.index)
    # every changed cell is logged: kept values are valid codes or missing
    for col in "abc":
        kept = data[col].dropna()
        assert kept.between(1, 5).all() and (kept % 1 == 0).all()
    changed = report.log[report.log.action == "changed"]
    originals = pd.to_numeric(df[list("abc")].stack(), errors="coerce")
    n_invalid = int(df[list("abc")].notna().sum().sum() - ((originals >= 1) & (originals <= 5)).sum())
    assert len(changed) == n_invalid


# ---------------------------------------------------------------- Kano
def test_kano_evaluation_table_rows() -> None:
    f = [1] * 5 + [3] * 5 + [5] * 5
    d = [1, 2, 3, 4, 5] * 3
    # Berger et al. (1993) table, rows like / neutral / dislike
    assert survey.kano_classify(f, d).tolist() == list("QAAAO") + list("RIIIM") + list("RRRRQ")


def test_kano_table_better_worse_hand_calculation() -> None:
    df = pd.DataFrame({"feature": ["app"] * 10,
                       "f": [1, 1, 1, 1, 2, 2, 2, 3, 1, 5],
                       "d": [5, 5, 3, 4, 5, 5, 3, 3, 1, None]})
    t = survey.kano_table(df, feature="feature", functional="f", dysfunctional="d").loc["app"]
    # pairs: O, O, A, A, M, M, I, I, Q, (missing)
    assert (t["A"], t["O"], t["M"], t["I"], t["Q"], t["n"], t["n_missing"]) == (2, 2, 2, 2, 1, 9, 1)
    assert t["better"] == pytest.approx((2 + 2) / 8)
    assert t["worse"] == pytest.approx(-(2 + 2) / 8)
    assert t["category"] == "M"  # four-way tie broken M > O > A > I
    zh = survey.kano_classify(["喜欢"], ["不喜欢"])
    assert zh.tolist() == ["O"]
    with pytest.raises(CsatInputError, match="outside scale 'kano5'"):
        survey.kano_classify([6], [1])


# ---------------------------------------------------------------- Questionnaire
def test_questionnaire_validate_recode_codebook() -> None:
    q = survey.Questionnaire([
        {"name": "q1", "text": "Quality is high", "scale": "agree5", "indicator": "product_quality"},
        {"name": "q2", "text": "Too expensive", "scale": "agree5", "indicator": "price", "reverse": True},
        {"name": "q3", "text": "Fast delivery", "scale": "agree7", "indicator": "delivery_speed"},
    ])
    df = pd.DataFrame({"q1": [5, 3], "q2": [2, 5], "q3": [7, 1]})
    rec = q.recode(df)
    assert rec["q2"].tolist() == [4.0, 1.0]  # 1 + 5 - x
    book = q.codebook(language="zh-CN")
    assert book.loc["q3", "indicator_label"] == "交货速度" and bool(book.loc["q2", "reverse"])
    assert book.attrs == {}
    assert book.loc["q3", "value_labels"][7] == cl.label("scale.agree7.7", "zh-CN")
    with pytest.raises(CsatInputError, match="outside scale 'agree5'"):
        q.validate(df.assign(q1=[6, 1]))
    with pytest.raises(CsatInputError, match="no column 'q3'"):
        q.validate(df.drop(columns="q3"))
    with pytest.raises(CsatInputError, match="repeated: \\['q1'\\]"):
        survey.Questionnaire([survey.Item("q1"), survey.Item("q1")])
