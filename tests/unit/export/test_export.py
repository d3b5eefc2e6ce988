"""Exports neutralise spreadsheet formulas in free text and leave numbers alone."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pandas as pd
from hypothesis import given, strategies as st

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


@given(st.lists(st.one_of(st.text(max_size=8), st.none()), min_size=1, max_size=20))
def test_no_exported_text_starts_like_a_formula(values: list[str | None]) -> None:
    safe, changed = neutralise_formulas(pd.DataFrame({"t": values}))
    texts = [v for v in safe["t"] if isinstance(v, str)]
    assert not any(v.startswith(FORMULA_PREFIXES) for v in texts)
    expected = sum(isinstance(v, str) and v.startswith(FORMULA_PREFIXES) for v in values)
    assert changed.get("t", 0) == expected
    # only the changed cells differ, and only by the leading quote
    for before, after in zip(values, safe["t"]):
        if isinstance(before, str) and before.startswith(FORMULA_PREFIXES):
            assert after == "'" + before
        elif before is not None:
            assert after == before
