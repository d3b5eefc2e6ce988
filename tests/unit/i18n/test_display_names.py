"""Display names of the shipped datasets: complete, bilingual, in the course's terms, and used only for display."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.i18n import Message, catalog, display_name, display_table, display_value
from csat_lab.i18n.names import Name

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = {p.name[: -len(".schema.json")]: json.loads(p.read_text(encoding="utf-8"))
           for p in sorted((ROOT / "datasets").glob("*.schema.json"))}
HAN = re.compile(r"[\u4e00-\u9fff]")
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
TERMS = json.loads((ROOT / "csat_lab" / "i18n" / "terms.json").read_text(encoding="utf-8"))["terms"]
COLUMNS = [(name, col) for name, s in SCHEMAS.items() for col in s["columns"]]


def _category_values() -> list[tuple[str, str, str]]:
    return [(name, col, str(v)) for name, s in SCHEMAS.items() for col, spec in s["columns"].items()
            if spec["type"] in ("category", "ordinal") for v in spec.get("categories", ())]


def test_every_dataset_has_a_display_name_in_both_languages() -> None:
    assert len(SCHEMAS) == 9
    for name, schema in SCHEMAS.items():
        en, zh = schema["label"]["en"], schema["label"]["zh-CN"]
        assert en.strip() and not SNAKE.search(en), name
        assert HAN.search(zh), name
        assert display_name(name) == en and display_name(name, language="zh-CN") == zh


@pytest.mark.parametrize("dataset, column", COLUMNS, ids=[f"{d}.{c}" for d, c in COLUMNS])
def test_every_column_has_a_display_name_in_both_languages(dataset: str, column: str) -> None:
    label = SCHEMAS[dataset]["columns"][column]["label"]
    assert set(label) == {"en", "zh-CN"}
    assert label["en"].strip() and not SNAKE.search(label["en"])
    assert label["en"] != column or re.fullmatch(r"[A-Z][a-z]+", column), "a name, not the identifier again"
    assert HAN.search(label["zh-CN"]), f"{dataset}.{column}: the Chinese display name needs Chinese"
    assert display_name(column, dataset=dataset) == label["en"]
    assert display_name(column, dataset=dataset, language="zh-CN") == label["zh-CN"]


def test_a_column_name_shared_by_datasets_has_one_display_name() -> None:
    """So that a chart that does not know the dataset (``recommend``, ``date``) names it right for each."""
    seen: dict[str, dict] = {}
    for dataset, column in COLUMNS:
        spec = SCHEMAS[dataset]["columns"][column]
        if spec.get("label_scope") == "dataset":
            continue
        assert seen.setdefault(column, spec["label"]) == spec["label"], f"{column} is named two ways"


def test_a_label_that_describes_only_its_dataset_needs_the_dataset() -> None:
    assert display_name("q1") == "q1" and display_name("q1", language="zh-CN") == "q1"  # a user's own q1
    assert display_name("q1", dataset="csat_tracker", language="zh-CN").startswith("Q1：")
    assert display_name("compensation") == "compensation"
    assert display_name("compensation", "complaints_log") == "Compensation (CNY)"


def test_paired_items_share_the_item_name() -> None:
    """``exp_X`` and ``perf_X`` (``per_X``) are the item ``X`` as expectation and as performance (perception)."""
    parts = {"exp_": ("expectation", "事前期望"), "perf_": ("performance", "实际表现"),
             "per_": ("perception", "实际感受")}
    checked = 0
    for dataset, column in COLUMNS:
        prefix = next((p for p in ("exp_", "perf_", "per_") if column.startswith(p)), None)
        if prefix is None:
            continue
        item = column[len(prefix):]
        en, zh = parts[prefix]
        assert display_name(column) == f"{display_name(item)} ({en})"
        assert display_name(column, language="zh-CN") == f"{display_name(item, language='zh-CN')}（{zh}）"
        checked += 1
    assert checked == 34
    assert display_name("perf_repair_follow_up_call", language="zh-CN") == "维修后回访电话（实际表现）"
    assert display_name("perf_repair_follow_up_call") == "Repair: follow-up call (performance)"


def test_kano_features_and_category_values_have_names_in_both_languages() -> None:
    missing = []
    for dataset, column, value in _category_values():
        en = display_value(value, column, dataset, language="en")
        zh = display_value(value, column, dataset, language="zh-CN")
        if SNAKE.search(en) or not HAN.search(zh):
            missing.append(f"{dataset}.{column} = {value!r}: {en!r} / {zh!r}")
    assert not missing, "\n".join(missing)
    assert display_name("free_wifi", language="zh-CN") == "免费无线网络"
    assert [display_name(f) for f in SCHEMAS["kano_features"]["columns"]["feature"]["categories"]][:2] == [
        "Free Wi-Fi", "Fast check-in"]


def test_value_labels_are_reused_not_copied() -> None:
    """Kano answers read the answer scale's labels, lost-customer types and churn factors the segments' labels."""
    assert display_value("Must-be", "functional", language="zh-CN") == cl.label("scale.kano5.2", "zh-CN")
    assert display_value("dropped_by_firm", "churn_type", language="zh-CN") == "企业主动放弃的客户"
    assert display_value("price", "churn_reason") == cl.label("segments.churn_factor.price")
    assert display_value("No internet service", "TechSupport", "telco_churn", language="zh-CN") == "无宽带服务"


def test_display_names_use_the_preferred_terms() -> None:
    """The term table (csat_lab/i18n/terms.json) holds for display names as for labels."""
    texts = [s["label"]["zh-CN"] for s in SCHEMAS.values()]
    texts += [spec["label"]["zh-CN"] for s in SCHEMAS.values() for spec in s["columns"].values()]
    texts += [v["zh-CN"] for k, v in catalog().items() if k.startswith(("name.", "data."))]
    found = []
    for text in texts:
        for term in TERMS:
            rest = text.replace(term["zh-CN"], "")
            found += [f"{text}: {v} (use {term['zh-CN']})" for v in term["avoid"] if v in rest]
    assert not found, "\n".join(found)


def test_unknown_names_show_as_they_are_and_unknown_datasets_are_errors() -> None:
    assert display_name("my_column") == "my_column"
    assert display_name(("a", 1)) == "('a', 1)"
    assert display_value("gold", "tier") == "gold"
    assert display_value("north") == "north"  # a region and a store: no single name
    assert display_value("north", "region", language="zh-CN") == "北区"
    assert display_value("north", "store") == "North store"
    with pytest.raises(CsatInputError, match="no dataset 'hotel'; datasets are: auto_dealer"):
        display_name("recommend", dataset="hotel")
    with pytest.raises(CsatInputError, match="unknown language"):
        display_name("recommend", language="fr")


def test_the_current_language_is_the_default() -> None:
    cl.set_language("zh-CN")
    try:
        assert display_name("returned_next_year") == "次年再次入住（是/否）"
        assert display_value("small_business", "segment") == "中小企业"
        assert display_name("returned_next_year", language="en") == "Returned the next year (yes/no)"
    finally:
        cl.set_language("en")


def test_display_table_is_a_display_copy() -> None:
    table = pd.DataFrame({"share": [0.7, 0.3], "segment": ["consumer", "small_business"]},
                         index=pd.Index(["per_empathy", "own_item"], name="driver"))
    before = table.copy()
    shown = display_table(table, language="zh-CN")
    pd.testing.assert_frame_equal(table, before)
    assert shown.index.tolist() == ["移情性（实际感受）", "own_item"]
    assert shown.columns.tolist() == ["share", "客户类型"]
    assert shown["客户类型"].tolist() == ["个人客户", "中小企业"]
    assert shown["share"].tolist() == [0.7, 0.3]
    with pytest.raises(CsatInputError, match="DataFrame or Series"):
        display_table([1, 2])


def test_a_name_in_a_message_keeps_the_identifier_in_the_value() -> None:
    m = Message("value.reason.listwise_columns",
                detail=(Message("value.reason.column_count", column=Name("per_empathy"), count=2),
                        Message("value.reason.column_count", column=Name("own"), count=1)))
    assert m == "missing values (listwise; missing per column: per_empathy: 2, own: 1)"
    assert m.render("en") == "missing values (listwise; missing per column: Empathy (perception): 2, own: 1)"
    assert "移情性（实际感受）：2" in m.render("zh-CN")
    assert f"{m}" == str(m)
    assert Message("survey.note.shared_labels", column="q1", codes=[1, 2], label="x") == Message(
        "survey.note.shared_labels", column="q1", codes=[1, 2], label="x")


def test_results_keep_identifiers_and_show_display_names() -> None:
    hotel = cl.datasets.load("hotel_guests")
    drivers = ["per_reliability", "per_empathy", "per_tangibles"]
    result = cl.loyalty.ipa(hotel, outcome="satisfaction", drivers=drivers)
    assert list(result.table.index) == drivers and result.outcome == "satisfaction"
    cl.set_language("zh-CN")
    try:
        shown = str(result) + result._repr_html_()
    finally:
        cl.set_language("en")
    assert "可靠性（实际感受）" in shown and "总体满意度" in shown
    assert not SNAKE.search(shown.split("\n\n")[0]), shown  # the summary rows
    assert "per_reliability" not in result._repr_html_().split("</table>", 1)[1]


def test_importing_csat_lab_reads_no_schema_and_no_heavy_module() -> None:
    code = ("import sys, csat_lab; from csat_lab.i18n import names; "
            "print(names._schemas.cache_info().currsize, "
            "sorted(m for m in ('matplotlib', 'ipywidgets', 'statsmodels', 'scipy.stats') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "[]"]
