"""Questionnaires with free text and two languages, saved and loaded as JSON (issues 18 and 19)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.survey import TEXT, Item, Questionnaire, list_questionnaires, load_questionnaire


def test_course_evaluation_has_the_shared_ids_and_both_languages() -> None:
    q = load_questionnaire("course_evaluation")
    scales = {it.name: it.scale for it in q.items}
    assert scales["overall"] == "satisfaction5" and scales["nps"] == "nps11" and scales["comment"] == TEXT
    assert 2 <= len(q.items) - 3 <= 4
    assert q.name == "course_evaluation" and q.title_in("zh-CN") == "课程评估"
    for it in q.items:
        assert it.text and it.text_zh and it.text != it.text_zh
        assert any("\u4e00" <= ch <= "\u9fff" for ch in it.text_zh)
    assert "course_evaluation" in list_questionnaires()
    assert [it.name for it in q.text_items] == ["comment"]
    assert len(q.rating_items) == len(q.items) - 1


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    q = Questionnaire([
        Item("overall", "Overall satisfaction", "satisfaction5", text_zh="总体满意度"),
        {"name": "price", "text": {"en": "The price is fair", "zh-CN": "价格合理"}, "scale": "agree5",
         "indicator": "price", "reverse": True},
        {"name": "remarks", "text": "Anything else?", "scale": "text"},
    ], title={"en": "Shop survey", "zh-CN": "门店调查"}, name="shop")
    path = q.to_json(tmp_path / "shop.json")
    back = load_questionnaire(path)
    assert back == q and back.item("price").wording("zh-CN") == "价格合理" and back.item("price").reverse
    assert back.title_in("en") == "Shop survey" and back.name == "shop"
    assert load_questionnaire(str(path)) == q
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["items"][1]["text"] == {"en": "The price is fair", "zh-CN": "价格合理"}


def test_a_file_without_a_name_is_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "my_design.json"
    path.write_text(json.dumps({"items": [{"name": "q1", "scale": "agree5"}]}), encoding="utf-8")
    assert load_questionnaire(path).name == "my_design"


def test_free_text_items_validate_and_appear_in_the_codebook() -> None:
    q = load_questionnaire("course_evaluation")
    data = pd.DataFrame({**{it.name: [4, 5] for it in q.rating_items}, "nps": [9, 10], "comment": ["ok", None]})
    out = q.validate(data)
    assert str(out["comment"].dtype) == "string" and out["overall"].tolist() == [4.0, 5.0]
    book = q.codebook("zh-CN")
    assert book.loc["comment", "scale"] == "text" and book.loc["comment", "value_labels"] == {}
    assert book.loc["overall", "question"] == "总体来说，您对本次课程满意吗？"
    assert Item("x", "English only").wording("zh-CN") == "English only"


@pytest.mark.parametrize("content, message", [
    ("{not json", r"not valid JSON \(.* at line 1, column 2\)"),
    ("[1, 2]", "a questionnaire is a JSON object with 'items', got list"),
    ('{"title": "x"}', "'items' is missing"),
    ('{"items": []}', "at least one item"),
    ('{"items": "q1"}', "'items' must be a list of items, got str"),
    ('{"items": [{"name": "q1", "scale": "agre5"}]}', r"item 0 \('q1'\): unknown scale 'agre5'.*or 'text' for free text"),
    ('{"items": [{"scale": "agree5"}]}', "item 0: 'name' is missing"),
    ('{"items": [{"name": "q1", "colour": "red"}]}', r"item 0: unknown key\(s\) \['colour'\]"),
    ('{"items": [{"name": "q1", "scale": "text", "indicator": "price"}]}', "a free-text item has no indicator"),
    ('{"items": [{"name": "q1", "text": {"fr": "x"}}]}', r"languages are 'en' and 'zh-CN', got \['fr'\]"),
    ('{"items": [{"name": "q1", "text": 5}]}', "expected a text or"),
    ('{"items": [{"name": "q1", "reverse": "yes"}]}', "'reverse' must be true or false"),
    ('{"items": [{"name": "q1"}, {"name": "q1"}]}', r"repeated: \['q1'\]"),
    ('{"items": [{"name": 7}]}', "'name' must be a non-empty text"),
    ('{"items": [{"name": "q1"}], "author": "me"}', r"unknown key\(s\) \['author'\]"),
])
def test_bad_files_name_the_file_and_the_field(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "design.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CsatInputError, match=message) as info:
        load_questionnaire(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize("value, message", [
    ("no_such_questionnaire", "not a shipped name .*course_evaluation.* and no such file"),
    ("", "expected a questionnaire name"),
    (None, "expected a questionnaire name"),
    (3, "expected a questionnaire name"),
    ("../course_evaluation", "no such file"),
])
def test_unknown_names_and_paths(value: object, message: str) -> None:
    with pytest.raises(CsatInputError, match=message):
        load_questionnaire(value)  # type: ignore[arg-type]


def test_files_that_are_not_utf8_or_too_large(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"items": [{"name": "q1", "text": "总体满意度"}]}'.encode("gbk"))
    with pytest.raises(CsatInputError, match="not UTF-8"):
        load_questionnaire(gbk)
    big = tmp_path / "big.json"
    big.write_text(" " * 1_000_001)
    with pytest.raises(CsatInputError, match="larger than"):
        load_questionnaire(big)


def test_existing_uses_keep_working() -> None:
    q = cl.survey.Questionnaire([{"name": "q1", "text": "Quality", "scale": "agree5", "indicator": "service"}],
                                title="Old style")
    assert q.title == "Old style" and q.title_zh == "" and q.items[0].text_zh == ""
    assert q.indicator_scores(pd.DataFrame({"q1": [4]}))["service"].tolist() == [4.0]
