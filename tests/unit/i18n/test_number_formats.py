"""Numbers are shown by their kind, in every result type and both languages.

Two layers are checked:

* :mod:`csat_lab.i18n.numbers` against values worked out by hand in each test;
* every public result type (the cases of ``test_i18n_results.py``, which fails
  when a type has no case) rendered with ``str()``, ``to_frame()`` and HTML in
  English and Chinese: its title, not its class name; no scientific notation;
  no ``None``; every numeric row declares a kind; shares end in "%", counts and
  money carry thousands separators, p-values read "< 0.001" below 0.001, and an
  interval has the decimals of its estimate.
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab._core.results import Result, _key_of
from csat_lab.errors import CsatInputError
from csat_lab.i18n.numbers import format_interval, format_number, format_table, parse_kind, row_kind

_spec = importlib.util.spec_from_file_location("i18n_cases", Path(__file__).with_name("test_i18n_results.py"))
_cases = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_cases)
CASES = [(name, factory) for name, factory, _, _ in _cases.CASES]

SCIENTIFIC = re.compile(r"\d(?:\.\d+)?e[+-]?\d+", re.I)
PATTERNS = {
    "share": re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?%$"),
    "percent": re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?%$"),
    "count": re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d)?$"),
    "money": re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d\d)?$"),
    "pvalue": re.compile(r"^(< 0\.001|[01]\.\d{3})$"),
}
#: Class names that could leak onto the screen; one-word names ("Comparison") are ordinary English words.
CLASS_NAMES = {name for name in {cls.__name__ for cls in Result.__subclasses__()} | {
    "NPSResult", "ChurnResult", "ChurnCalculation", "KanoCalculation", "TheoreticalCurve", "LoyaltyCurve",
    "ScoreResult", "CLVCalculation", "SampleSizePlan", "NPSDifference", "ComplaintSimulation"}
    if re.search(r"[a-z0-9][A-Z]", name)}


@pytest.fixture(autouse=True)
def _english_after():
    yield
    cl.set_language("en")


# --- the formatter, by hand -----------------------------------------------------------------

def test_shares_are_percent_with_one_decimal() -> None:
    # 1,869 / 7,043 = 0.265370 -> 26.5370 % -> "26.5%"; 0.0004878 -> 0.04878 % -> "0.0%".
    assert format_number(1869 / 7043, "share") == "26.5%"
    assert format_number(0.0004878, "share") == "0.0%"
    assert format_number(1.0, "share") == "100.0%"
    assert format_number(0.125, "share", language="zh-CN") == "12.5%"


def test_counts_and_money_have_separators_and_never_scientific_notation() -> None:
    assert format_number(7043, "count") == "7,043"
    assert format_number(5.3, "count") == "5.3"  # a weighted (Kish) count keeps one decimal
    assert format_number(3.047e6, "money") == "3,047,000"
    assert format_number(46305.65625, "money") == "46,306"
    assert format_number(463.1, "money") == "463.10"
    assert format_number(1e5, "money", currency="USD") == "USD 100,000"
    assert format_number(1234.5, "money", currency="¥") == "¥1,234"  # 1234.5 rounds half to even: 1,234
    assert format_number(-5.0, "money") == "-5.00"
    for value in (1e-9, 2.5e-7, 1e12, 123456789.123):
        assert not SCIENTIFIC.search(format_number(value)), value


def test_p_values() -> None:
    assert format_number(2.015e-74, "pvalue") == "< 0.001"
    assert format_number(0.0009999, "pvalue") == "< 0.001"
    assert format_number(0.001, "pvalue") == "0.001"
    assert format_number(0.04, "pvalue") == "0.040"


def test_intervals_share_the_precision_of_their_estimate() -> None:
    # An estimate of 20.0 has 2 decimals as a number (4 significant digits), so both bounds get 2.
    assert format_interval((-2.347, 42.35), "number", like=20.0) == "(-2.35, 42.35)"
    assert format_interval((0.0743, 0.1333), "share") == "(7.4%, 13.3%)"
    assert format_interval((8.926, 21.38), "score:1") == "(8.9, 21.4)"
    assert format_interval((0.045, 0.129), "pp") == "(+4.5, +12.9) pp"
    assert format_interval((0.045, 0.129), "pp", language="zh-CN") == "(+4.5, +12.9) 个百分点"
    assert format_interval((1200.4, 98000.2), "money", like=5000) == "(1,200, 98,000)"


def test_missing_values_and_signs() -> None:
    assert format_number(None) == format_number(float("nan")) == format_number(np.inf) == "–"
    assert format_number(-0.0001, "score") == "0.00"  # no "-0.00"
    assert format_number(0.09, "pp") == "+9.0 pp"
    assert format_number(3.21, "score", sign=True) == "+3.21"


def test_bad_kinds_are_clear_errors() -> None:
    with pytest.raises(CsatInputError, match="unknown number kind 'percentage'"):
        format_number(0.5, "percentage")
    with pytest.raises(CsatInputError, match="decimals after ':'"):
        parse_kind("share:x")


def test_format_table_formats_by_column_kind() -> None:
    table = pd.DataFrame({"sales": [3.047e6, np.nan], "rate": [0.04878, 0.5], "n": [1200, 3],
                          "mean": [4.123456, 3.5], "flag": [True, False]}, index=["a", "b"])
    shown = format_table(table, {"sales": "money", "rate": "share"})
    assert shown.loc["a"].tolist() == ["3,047,000", "4.9%", "1,200", "4.123", "Yes"]
    assert shown.loc["b"].tolist() == ["–", "50.0%", "3", "3.500", "No"]
    cl.set_language("zh-CN")
    assert format_table(table)["flag"].tolist() == ["是", "否"]
    with pytest.raises(CsatInputError, match="no column 'price'"):
        format_table(table, {"price": "money"})


def test_every_kind_in_the_row_registry_is_valid_and_its_label_exists() -> None:
    import json
    from importlib import resources

    kinds = json.loads((resources.files("csat_lab.i18n") / "kinds.json").read_text(encoding="utf-8"))
    kinds.pop("_about")
    for key, kind in kinds.items():
        assert cl.i18n.has_label(key), f"kinds.json names {key!r}, which is not a catalog label"
        if kind not in ("interval", "scale", "period"):
            parse_kind(kind)


# --- every result type, both languages --------------------------------------------------------

def _rows(result: Result):
    """(key, raw value, declared kind, shown text) of every summary row."""
    shown = result.to_frame().iloc[:, 1].tolist()
    rows = result._summary()
    assert len(rows) == len(shown)
    for row, text in zip(rows, shown):
        kind = row[2] if len(row) > 2 else row_kind(_key_of(row[0]))
        yield _key_of(row[0]), row[1], kind, text


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


@pytest.mark.parametrize("language", ["en", "zh-CN"])
@pytest.mark.parametrize("name, factory", CASES, ids=[c[0] for c in CASES])
def test_result_numbers_follow_their_kind(name, factory, language) -> None:
    result = factory()
    cl.set_language(language)
    text, page = str(result), result._repr_html_()
    # A title from the catalog, never the class name.
    title = cl.label(f"result.title.{type(result).__name__}")
    assert text.splitlines()[0] == title and f"<b>{html.escape(title)}</b>" in page
    shown_names = {n for n in CLASS_NAMES if re.search(rf"\b{n}\b", text + page)}
    assert not shown_names, f"{name}: class names on screen: {shown_names}"
    assert not SCIENTIFIC.search(text), f"{name}: scientific notation in {text!r}"
    assert "None" not in text and "None" not in page
    for key, value, kind, shown in _rows(result):
        if isinstance(value, float) and not np.isfinite(value):
            assert shown == "–", (name, key, shown)
            continue
        if not _is_number(value):
            continue
        if isinstance(value, (float, np.floating)):
            assert kind is not None, f"{name}: numeric row {key!r} declares no kind (kinds.json or _summary)"
        kind_name = parse_kind(kind)[0] if kind not in (None, "interval") else ("count" if kind is None else None)
        pattern = PATTERNS.get(kind_name)
        if pattern is not None:
            assert pattern.match(shown), f"{name}: row {key!r} = {value!r} shown {shown!r}, not a {kind_name}"
        if kind_name == "share":
            assert shown == format_number(value, kind)  # e.g. 0.125 -> "12.5%"


@pytest.mark.parametrize("name, factory", CASES, ids=[c[0] for c in CASES])
def test_intervals_have_the_decimals_of_their_estimate(name, factory) -> None:
    result = factory()
    for _, value, kind, shown in _rows(result):
        if kind == "interval" and isinstance(value, tuple) and all(_is_number(v) and np.isfinite(v) for v in value):
            decimals = [len(d) for d in re.findall(r"-?\d[\d,]*(?:\.(\d+))?", shown)]
            assert len(decimals) == 2 and decimals[0] == decimals[1], (name, shown)


def test_tables_show_human_column_names_and_formatted_numbers() -> None:
    hotel = cl.datasets.load("hotel_guests")
    drivers = ["per_tangibles", "per_reliability", "per_responsiveness", "per_assurance", "per_empathy"]
    ipa = cl.loyalty.ipa(hotel, outcome="satisfaction", drivers=drivers)
    for language in ("en", "zh-CN"):
        cl.set_language(language)
        table = ipa._shown_table()
        assert not [c for c in table.columns if re.fullmatch(r"[a-z]+(_[a-z]+)+", str(c))], table.columns
        assert "quadrant" not in table.columns  # the code column gives way to its label
        # Importance is a share of R²: 0.164516 -> "16.5%".
        first = table.iloc[0, 0]
        assert first == format_number(ipa.table["importance"].iloc[0], "share") and first.endswith("%")


@pytest.mark.parametrize("name, factory", CASES, ids=[c[0] for c in CASES])
def test_notebooks_show_the_formatted_table_not_the_dataclass_repr(name, factory) -> None:
    from IPython.lib.pretty import pretty

    result = factory()
    shown = pretty(result)  # what a notebook stores as text/plain
    assert shown == str(result), f"{name}: IPython shows {shown[:80]!r}"


def test_labelled_table_renames_every_level_of_a_two_level_index() -> None:
    # raked.margins has a (variable, category) index; each level name is looked up on its own.
    table = pd.DataFrame({"target": [0.5, 0.5]},
                         index=pd.MultiIndex.from_tuples([("sex", "M"), ("sex", "F")], names=["variable", "category"]))
    shown = cl.i18n.labelled_table(table, "course.02")
    assert list(shown.index.names) == [cl.label("course.02.variable"), cl.label("course.02.category")]
    assert shown.iloc[:, 0].tolist() == [0.5, 0.5]


def test_format_table_renders_message_cells_in_the_tables_language():
    # A label column of Message objects (as message_column keeps them) must not fall back to
    # the English text pandas would print for a str subclass.
    import pandas as pd

    from csat_lab.i18n import Message, format_table

    frame = pd.DataFrame({"what": pd.Series([Message("column.weight")], dtype=object), "x": [1.5]})
    assert format_table(frame, {"x": "coef"}, language="zh-CN").loc[0, "what"] == "权重"
    assert format_table(frame, {"x": "coef"}, language="en").loc[0, "what"] == "Weight"
