"""Exports neutralise spreadsheet formulas in free text and leave numbers alone."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, strategies as st

from csat_lab.errors import CsatInputError
from csat_lab.export import FORMULA_PREFIXES, neutralise_formulas, to_csv, to_excel


def test_csv_cells_read_back_as_text(tmp_path: Path) -> None:
    data = pd.DataFrame({
        "comment": ['=HYPERLINK("http://example.com","x")', "+1", "-2+3", "@SUM(A1:A2)", "\tx", "plain", None],
        "score": [1, 2, -3, 4, 5, 6, 7],
    })
    changed = to_csv(data, tmp_path / "out.csv")
    assert changed == {"comment": 5}
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    comments = [r[0] for r in rows[1:]]
    assert all(c.startswith("'") for c in comments[:5]) and comments[5] == "plain" and comments[6] == ""
    assert [r[1] for r in rows[1:]][2] == "-3"  # a negative number is not text and stays a number


def test_excel_cells_are_strings_not_formulas(tmp_path: Path) -> None:
    to_excel(pd.DataFrame({"comment": ["=1+1"], "n": [2]}), tmp_path / "o.xlsx")
    cell = openpyxl.load_workbook(tmp_path / "o.xlsx")["data"]["A2"]
    assert cell.data_type == "s" and cell.value == "'=1+1"


def test_column_names_are_checked_too() -> None:
    safe, changed = neutralise_formulas(pd.DataFrame({"=evil": ["a"]}))
    assert list(safe.columns) == ["'=evil"] and changed == {"<column names>": 1}


def _opens_formula(text: str) -> bool:
    """Whether the cell, or any line inside it, starts like a formula (the OWASP set)."""
    return any(line.startswith(FORMULA_PREFIXES) for line in [text, *re.split(r"\r\n|\r|\n", text)[1:]])


def _expected_safe(text: str) -> str:
    """The neutralised text, by the rule written out: a quote before every formula start."""
    out = re.sub(r"(\r\n|\r|\n)(?=[=+\-@\t])", lambda m: m.group(1) + "'", text)
    return "'" + out if out.startswith(FORMULA_PREFIXES) else out


_TEXT = st.text(alphabet=st.sampled_from(list("=+-@\t\r\nab 1,\"'")), max_size=8)


@given(st.lists(st.one_of(_TEXT, st.text(max_size=8), st.none()), min_size=1, max_size=20))
def test_no_exported_text_starts_like_a_formula(values: list[str | None]) -> None:
    safe, changed = neutralise_formulas(pd.DataFrame({"t": values}))
    texts = [v for v in safe["t"] if isinstance(v, str)]
    assert not any(_opens_formula(v) for v in texts)
    expected = sum(isinstance(v, str) and _opens_formula(v) for v in values)
    assert changed.get("t", 0) == expected
    # only the changed cells differ, and only by the quotes inserted
    for before, after in zip(values, safe["t"]):
        if isinstance(before, str):
            assert after == _expected_safe(before)
            assert after.replace("'", "") == before.replace("'", "")


@given(st.lists(st.tuples(_TEXT, st.integers(-5, 5)), min_size=1, max_size=10))
def test_csv_round_trip_through_the_csv_module_and_pandas(tmp_path_factory, rows) -> None:
    data = pd.DataFrame(rows, columns=["text", "n"])
    path = tmp_path_factory.mktemp("rt") / "out.csv"
    to_csv(data, path)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        read = list(csv.reader(fh))
    assert read[0] == ["text", "n"] and len(read) == len(rows) + 1  # no field split into extra rows
    assert [r[0] for r in read[1:]] == [_expected_safe(t) for t, _ in rows]
    assert [int(r[1]) for r in read[1:]] == [n for _, n in rows]
    # a naive reader that splits the raw file at every line break still finds no formula
    raw = path.read_bytes().decode("utf-8-sig")
    assert not any(line.startswith(FORMULA_PREFIXES) for line in re.split(r"\r\n|\r|\n", raw))
    back = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype={"text": str})
    assert back["text"].tolist() == [_expected_safe(t) for t, _ in rows]
    assert back["n"].dtype.kind == "i" and back["n"].tolist() == [n for _, n in rows]


CALC = "hello\r=cmd|' /C calc'!A0"


def test_bare_carriage_return_cannot_start_a_new_row(tmp_path: Path) -> None:
    # The example: written unquoted, "\r" ended the row and "=cmd|..." became a cell of its own.
    data = pd.DataFrame({"comment": [CALC, "a\nb", "ok"], "score": [1, -2, 3]})
    changed = to_csv(data, tmp_path / "o.csv")
    assert changed == {"comment": 1}
    with open(tmp_path / "o.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows == [["comment", "score"], ["hello\r'=cmd|' /C calc'!A0", "1"], ["a\nb", "-2"], ["ok", "3"]]
    raw = (tmp_path / "o.csv").read_bytes()
    assert b'"hello\r\'=cmd' in raw  # quoted, and the line inside neutralised
    back = pd.read_csv(tmp_path / "o.csv", encoding="utf-8-sig")
    assert back.shape == (3, 2) and back["score"].tolist() == [1, -2, 3]


def _no_formulas(path: Path) -> list[list[object]]:
    """Every cell value of the first sheet, asserting that none is a formula."""
    sheet = openpyxl.load_workbook(path).worksheets[0]
    cells = [[c for c in row] for row in sheet.iter_rows()]
    assert not [c.coordinate for row in cells for c in row if c.data_type == "f"]
    return [[c.value for c in row] for row in cells]


def test_index_labels_and_multiindex_levels_are_neutralised(tmp_path: Path) -> None:
    data = pd.DataFrame({"comment": [CALC, "fine"], "score": [-1, 2]}, index=pd.Index(["=1+1", "ok"], name="@id"))
    changed = to_excel(data, tmp_path / "i.xlsx", index=True)
    assert changed == {"comment": 1, "<index>": 1}
    values = _no_formulas(tmp_path / "i.xlsx")
    # The carriage return inside the cell comes back as a line feed through ElementTree (XML line-end
    # normalisation) and as itself through lxml, which openpyxl uses when it is installed (python-pptx
    # brings it); either way the second line of the cell is neutralised.
    values[1][1] = values[1][1].replace("\r", "\n")
    assert values == [["'@id", "comment", "score"], ["'=1+1", "hello\n'=cmd|' /C calc'!A0", -1], ["ok", "fine", 2]]
    to_csv(data, tmp_path / "i.csv", index=True)
    with open(tmp_path / "i.csv", encoding="utf-8-sig", newline="") as fh:
        assert [r[0] for r in csv.reader(fh)] == ["'@id", "'=1+1", "ok"]
    wide = pd.DataFrame([[1, "=x"]], columns=pd.MultiIndex.from_tuples([("=a", "b"), ("c", "@d")]),
                        index=pd.MultiIndex.from_tuples([("+r", 1)], names=["-lvl", "n"]))
    safe, changed = neutralise_formulas(wide)
    assert list(safe.columns) == [("'=a", "b"), ("c", "'@d")] and list(safe.index) == [("'+r", 1)]
    assert list(safe.index.names) == ["'-lvl", "n"] and changed["<column names>"] == 2
    to_excel(wide, tmp_path / "m.xlsx", index=True)
    flat = [v for row in _no_formulas(tmp_path / "m.xlsx") for v in row if isinstance(v, str)]
    assert not any(v.startswith(FORMULA_PREFIXES) for v in flat) and "'=x" in flat and "'+r" in flat


def test_excel_values_round_trip_and_negative_numbers_stay_numbers(tmp_path: Path) -> None:
    data = pd.DataFrame({"text": ["-bad", "@me", "plain", None], "score": [-3, 0, 7, -1],
                         "mean": [-0.5, 1.25, float("nan"), 2.0]})
    to_excel(data, tmp_path / "v.xlsx")
    values = _no_formulas(tmp_path / "v.xlsx")
    assert values[0] == ["text", "score", "mean"]
    assert [r[0] for r in values[1:]] == ["'-bad", "'@me", "plain", None]
    assert [r[1] for r in values[1:]] == [-3, 0, 7, -1]  # numbers, not text
    assert [r[2] for r in values[1:]] == [-0.5, 1.25, None, 2.0]


def test_duplicate_columns_and_bad_targets_are_clear_errors(tmp_path: Path) -> None:
    dup = pd.DataFrame([[1, 2, 3]], columns=["a", "b", "a"])
    for call in (lambda: neutralise_formulas(dup), lambda: to_csv(dup, tmp_path / "d.csv"),
                 lambda: to_excel(dup, tmp_path / "d.xlsx")):
        with pytest.raises(CsatInputError, match="duplicate column names: 'a'"):
            call()
    ok = pd.DataFrame({"a": [1]})
    with pytest.raises(CsatInputError, match="folder .*nope' does not exist"):
        to_csv(ok, tmp_path / "nope" / "x.csv")
    with pytest.raises(CsatInputError, match="folder .*nope' does not exist"):
        to_excel(ok, tmp_path / "nope" / "x.xlsx")
    with pytest.raises(CsatInputError, match="sheet_name 'x{32}' .*32 characters"):
        to_excel(ok, tmp_path / "x.xlsx", sheet_name="x" * 32)
    for bad in ("", "a/b", "q[1]", "'quoted'", "History", 3):
        with pytest.raises(CsatInputError, match="sheet_name"):
            to_excel(ok, tmp_path / "x.xlsx", sheet_name=bad)
    to_excel(ok, tmp_path / "x.xlsx", sheet_name="x" * 31)  # the longest name Excel allows
    assert openpyxl.load_workbook(tmp_path / "x.xlsx").sheetnames == ["x" * 31]
