"""Bad-input catalogue: survey readers (CSV, Qualtrics, SurveyMonkey, Excel, SPSS) and the safe export.

Files are given as bytes through small wrappers (``io.BytesIO`` cannot be compared after the call),
or written once into a temporary folder. Every expected value is written out by hand from the
file text; export results are read back with Python's csv module and openpyxl.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyreadstat
import pytest
from catalogue import Case, Raises, Returns, ids, run

import csat_lab as cl
from csat_lab import export

_TMP = tempfile.TemporaryDirectory(prefix="csat_bad_readers_")
TMP = Path(_TMP.name)
QUALTRICS_HEAD = ('ResponseId,Q1,Q2\nResponse ID,How satisfied are you?,Comment\n'
                  '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"\n')


def read_csv_bytes(raw: bytes, **kwargs):
    return cl.survey.read_csv(io.BytesIO(raw), **kwargs)


def read_qualtrics_text(text: str, **kwargs):
    return cl.survey.read_qualtrics(io.BytesIO(text.encode()), **kwargs)


def read_monkey_text(text: str, **kwargs):
    return cl.survey.read_surveymonkey(io.BytesIO(text.encode()), **kwargs)


def _workbook(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_excel_bytes(raw: bytes, **kwargs):
    return cl.survey.read_excel(io.BytesIO(raw), **kwargs)


def _sav(name: str, frame: pd.DataFrame, **kwargs) -> str:
    path = str(TMP / name)
    pyreadstat.write_sav(frame, path, **kwargs)
    return path


SHARED_LABELS = _sav("shared.sav", pd.DataFrame({"q": [1.0, 2.0, 3.0]}),
                     variable_value_labels={"q": {1.0: "No", 2.0: "Yes", 3.0: "Yes"}})
GOOD_SAV = _sav("good.sav", pd.DataFrame({"q": [1.0, 2.0]}), variable_value_labels={"q": {1.0: "No", 2.0: "Yes"}})
CSV_FILE = TMP / "plain.csv"
CSV_FILE.write_bytes(b"id,q1\n1,5\n")


def _out(name: str) -> Path:
    return TMP / name


def csv_rows(data: pd.DataFrame, **kwargs) -> list[list[str]]:
    """Write with export.to_csv and read the file back with Python's csv module."""
    path = _out("rows.csv")
    export.to_csv(data, path, **kwargs)
    with open(path, encoding=kwargs.get("encoding", "utf-8-sig"), newline="") as fh:
        return list(csv.reader(fh))


def xlsx_cells(data: pd.DataFrame, **kwargs) -> list[list[tuple[object, str]]]:
    """Write with export.to_excel and read (value, data type) of every cell back with openpyxl."""
    path = _out("cells.xlsx")
    export.to_excel(data, path, **kwargs)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    return [[(c.value, c.data_type) for c in row] for row in sheet.iter_rows()]


def _frame_is(expected: dict) -> Returns:
    return Returns(lambda e: e.data.to_dict("list") == expected and isinstance(e.data.index, pd.RangeIndex),
                   f"the table written in the file: {expected}")


def _no_formula(cells) -> bool:
    return all(kind != "f" for row in cells for _, kind in row)


CALC = "hello\r=cmd|' /C calc'!A0"
DUP = pd.DataFrame([[1, 2]], columns=["a", "a"])
OK = pd.DataFrame({"a": [1]})

READERS = [
    Case("read_csv-none", cl.survey.read_csv, (None,), expect=Raises(r"source must be a file path.*NoneType")),
    Case("read_csv-int", cl.survey.read_csv, (42,), expect=Raises(r"source must be a file path.*got int")),
    Case("read_csv-raw-bytes", cl.survey.read_csv, (b"id\n1\n",), expect=Raises(r"source .*wrap bytes in io.BytesIO")),
    Case("read_csv-missing-file", cl.survey.read_csv, (str(TMP / "nope.csv"),), expect=Raises(r"no file '.*nope.csv'")),
    Case("read_csv-empty-path", cl.survey.read_csv, ("",), expect=Raises(r"source is an empty path")),
    Case("read_csv-empty-file", read_csv_bytes, (b"",), expect=Raises(r"0 header row\(s\); a CSV file needs 1")),
    Case("read_csv-header-only", read_csv_bytes, (b"id,q1\n",),
         expect=Returns(lambda e: list(e.data.columns) == ["id", "q1"] and len(e.data) == 0, "no responses")),
    Case("read_csv-trailing-comma", read_csv_bytes, (b"id,q1,q2\n1,5,4,\n2,3,2,\n",),
         expect=_frame_is({"id": [1, 2], "q1": [5, 3], "q2": [4, 2]})),
    Case("read_csv-trailing-comma-crlf", read_csv_bytes, (b"id,q1\r\n1,5,\r\n2,3,\r\n",),
         expect=_frame_is({"id": [1, 2], "q1": [5, 3]})),
    Case("read_csv-extra-field", read_csv_bytes, (b"id,q1,comment\n1,5,ok\n2,3,bad, slow\n",),
         expect=Raises(r"line 3 has 4 fields, but the header has 3")),
    Case("read_csv-extra-field-quoted-file", read_csv_bytes, (b'id,q1,comment\n1,5,"a, b"\n2,3,bad, slow\n',),
         expect=Raises(r"line 3 has 4 fields, but the header has 3")),
    Case("read_csv-short-row", read_csv_bytes, (b"id,q1,comment\n1,5\n2,3,x\n",),
         expect=Raises(r"line 2 has 2 fields, but the header has 3")),
    Case("read_csv-utf16-no-bom", read_csv_bytes, ("id,评论\n1,好\n".encode("utf-16-le"),),
         expect=Returns(lambda e: e.data.to_dict("list") == {"id": [1], "评论": ["好"]} and e.encoding == "utf-16-le",
                        "decoded as UTF-16-LE")),
    Case("read_csv-utf16-declared-utf8", read_csv_bytes, ("id\n1\n".encode("utf-16-le"),), {"encoding": "utf-8"},
         expect=Raises(r"read as 'utf-8' holds NUL characters")),
    Case("read_csv-duplicate-header", read_csv_bytes, (b"a,a,b\n1,2,3\n",),
         expect=Raises(r"duplicate column names: 'a' \(columns 1, 2\)")),
    Case("read_csv-encoding-not-text", read_csv_bytes, (b"id\n1\n",), {"encoding": 5}, expect=Raises(r"encoding must be")),
    Case("read_csv-unknown-encoding", read_csv_bytes, (b"id\n1\n",), {"encoding": "klingon"},
         expect=Raises(r"unknown encoding 'klingon'")),
    Case("read_csv-scales-not-dict", read_csv_bytes, (b"q1\n5\n",), {"scales": ["q1"]},
         expect=Raises(r"scales must be a dict")),
    Case("read_csv-unknown-scale", read_csv_bytes, (b"q1\n5\n",), {"scales": {"q1": "stars"}},
         expect=Raises(r"unknown scale 'stars'")),
    Case("read_csv-scale-unknown-column", read_csv_bytes, (b"q1\n5\n",), {"scales": {"zz": "satisfaction5"}},
         expect=Raises(r"unknown column 'zz'")),
    Case("read_csv-given-a-workbook", read_csv_bytes, (_workbook([["id"], [1]]),), expect=Raises(r"read_excel")),
    Case("read_csv-bare-cr-inside-field", read_csv_bytes, (b'id,c\n1,"x"\n2,a\rb\n',),
         expect=Raises(r"line 3 is not readable CSV.*bare carriage return")),
    Case("read_csv-mac-line-ends", read_csv_bytes, (b"id,q1\r1,5\r2,4\r",), expect=_frame_is({"id": [1, 2], "q1": [5, 4]})),
    Case("read_csv-code-text-kept", read_csv_bytes, (b"id,q1\n1,5\n2,N/A\n",),
         expect=_frame_is({"id": [1, 2], "q1": ["5", "N/A"]})),  # a column with text stays text, for clean()
    Case("read_qualtrics-trailing-comma", read_qualtrics_text, (QUALTRICS_HEAD + "R_1,5,ok,\nR_2,4,fine,\n",),
         expect=_frame_is({"ResponseId": ["R_1", "R_2"], "Q1": [5, 4], "Q2": ["ok", "fine"]})),
    Case("read_qualtrics-extra-field", read_qualtrics_text, (QUALTRICS_HEAD + "R_1,5,ok\nR_2,4,bad, slow\n",),
         expect=Raises(r"line 5 has 4 fields, but the header has 3")),
    Case("read_qualtrics-no-import-row", read_qualtrics_text, ("ResponseId,Q1\nResponse ID,Q\nR_1,5\n",),
         expect=Raises(r"three header rows")),
    Case("read_qualtrics-duplicate", read_qualtrics_text, (QUALTRICS_HEAD.replace("Q1,Q2", "Q1,Q1") + "R_1,5,4\n",),
         expect=Raises(r"duplicate column names: 'Q1'")),
    Case("read_qualtrics-none", cl.survey.read_qualtrics, (None,), expect=Raises(r"source must be a file path")),
    Case("read_surveymonkey-numbers-in-row-2", read_monkey_text, ("Q,R\n1,2\n3,4\n",), expect=Raises(r"row 2 holds numbers")),
    Case("read_surveymonkey-short-header-row", read_monkey_text, ("A,B,C\n,Response\n1,2,3\n",),
         expect=Raises(r"header line 2 has 2 fields but the header has 3")),
    Case("read_surveymonkey-trailing-comma", read_monkey_text, ("Respondent ID,Overall,\n,Response,\n101,5,\n",),
         expect=_frame_is({"respondent_id": [101], "q1": [5]})),
    Case("read_excel-formula-no-value", read_excel_bytes, (_workbook([["id", "double"], [1, "=A2*2"], [2, "=A3*2"]]),),
         expect=Raises(r"2 formula cell\(s\) with no saved result \(B2, B3\)")),
    Case("read_excel-duplicate-header", read_excel_bytes, (_workbook([["id", "sat", "sat"], [1, 5, 4]]),),
         expect=Raises(r"duplicate column names: 'sat' \(columns B, C\)")),
    Case("read_excel-sheet-missing", read_excel_bytes, (_workbook([["id"], [1]]),), {"sheet": "nope"},
         expect=Raises(r"Worksheet named 'nope' not found; sheets are: 'Sheet'")),
    Case("read_excel-sheet-out-of-range", read_excel_bytes, (_workbook([["id"], [1]]),), {"sheet": 3},
         expect=Raises(r"sheet must be a position from 0 to 0")),
    Case("read_excel-sheet-bool", read_excel_bytes, (_workbook([["id"], [1]]),), {"sheet": True},
         expect=Raises(r"sheet must be a sheet name or a position")),
    Case("read_excel-layout-unknown", read_excel_bytes, (_workbook([["id"], [1]]),), {"layout": "spss"},
         expect=Raises(r"layout must be one of")),
    Case("read_excel-not-a-workbook", read_excel_bytes, (b"id,q1\n1,5\n",), expect=Raises(r"not a readable .xlsx workbook")),
    Case("read_excel-empty-sheet", read_excel_bytes, (_workbook([]),), expect=Raises(r"the sheet is empty")),
    Case("read_excel-error-cell-kept", read_excel_bytes, (_workbook([["id", "sat"], [1, 5], [2, "#N/A"]]),),
         expect=_frame_is({"id": [1, 2], "sat": [5, "#N/A"]})),
    Case("read_excel-none", cl.survey.read_excel, (None,), expect=Raises(r"source must be a file path")),
    Case("read_spss-shared-label", cl.survey.read_spss, (SHARED_LABELS,),
         expect=Returns(lambda e: e.data["q"].tolist() == [1.0, 2.0, 3.0] and "codes [2, 3] share the label 'Yes'"
                        in e.notes[0], "codes kept, the shared label reported")),
    Case("read_spss-user-missing-text", cl.survey.read_spss, (GOOD_SAV,), {"user_missing": "yes"},
         expect=Raises(r"user_missing must be True or False")),
    Case("read_spss-not-a-sav", cl.survey.read_spss, (str(CSV_FILE),), expect=Raises(r"not a readable SPSS .sav file")),
    Case("read_spss-none", cl.survey.read_spss, (None,), expect=Raises(r"source must be a file path.*NoneType")),
]

EXPORT = [
    Case("neutralise-not-a-frame", export.neutralise_formulas, ([1, 2],),
         expect=Raises(r"data must be a pandas DataFrame, got list")),
    Case("neutralise-duplicate-columns", export.neutralise_formulas, (DUP,), expect=Raises(r"duplicate column names: 'a'")),
    Case("neutralise-cr-inside", export.neutralise_formulas, (pd.DataFrame({"c": [CALC]}),),
         expect=Returns(lambda r: r[0]["c"].tolist() == ["hello\r'=cmd|' /C calc'!A0"] and r[1] == {"c": 1},
                        "the line after the carriage return gets the quote")),
    Case("neutralise-negative-numbers", export.neutralise_formulas, (pd.DataFrame({"n": [-3, -1.5, 2]}),),
         expect=Returns(lambda r: r[0]["n"].tolist() == [-3, -1.5, 2] and r[1] == {}, "numbers are not text")),
    Case("neutralise-index-not-bool", export.neutralise_formulas, (OK,), {"index": "yes"},
         expect=Raises(r"index must be True or False")),
    Case("neutralise-empty-frame", export.neutralise_formulas, (pd.DataFrame({"c": pd.Series([], dtype=object)}),),
         expect=Returns(lambda r: r[0].shape == (0, 1) and r[1] == {}, "nothing to change")),
    Case("neutralise-categorical", export.neutralise_formulas,
         (pd.DataFrame({"c": pd.Categorical(["=1+1", "ok"])}),),
         expect=Returns(lambda r: r[0]["c"].tolist() == ["'=1+1", "ok"], "categories are text too")),
    Case("to_csv-missing-folder", export.to_csv, (OK, str(TMP / "no" / "x.csv")),
         expect=Raises(r"the folder '.*no' does not exist")),
    Case("to_csv-path-none", export.to_csv, (OK, None), expect=Raises(r"path must be a file path")),
    Case("to_csv-path-is-folder", export.to_csv, (OK, str(TMP)), expect=Raises(r"is a folder")),
    Case("to_csv-duplicate-columns", export.to_csv, (DUP, str(TMP / "d.csv")), expect=Raises(r"duplicate column names")),
    Case("to_csv-unencodable", export.to_csv, (pd.DataFrame({"a": ["ok", "😀"]}), str(TMP / "e.csv")),
         {"encoding": "gbk"}, expect=Raises(r"in encoding 'gbk': column 'a', row 1")),
    Case("to_csv-unknown-encoding", export.to_csv, (OK, str(TMP / "e.csv")), {"encoding": "klingon"},
         expect=Raises(r"unknown encoding 'klingon'")),
    Case("to_csv-cr-injection", csv_rows, (pd.DataFrame({"c": [CALC, "ok"], "n": [-1, 2]}),),
         expect=Returns(lambda rows: rows == [["c", "n"], ["hello\r'=cmd|' /C calc'!A0", "-1"], ["ok", "2"]],
                        "one row per record, the inner line neutralised, -1 written as a number")),
    Case("to_csv-index-labels", csv_rows, (pd.DataFrame({"c": ["x"]}, index=pd.Index(["=1+1"], name="@i")),),
         {"index": True}, expect=Returns(lambda rows: rows == [["'@i", "c"], ["'=1+1", "x"]], "index neutralised")),
    Case("to_excel-sheet-32-chars", export.to_excel, (OK, str(TMP / "s.xlsx")), {"sheet_name": "x" * 32},
         expect=Raises(r"sheet_name 'x+' .*32 characters")),
    Case("to_excel-sheet-slash", export.to_excel, (OK, str(TMP / "s.xlsx")), {"sheet_name": "a/b"},
         expect=Raises(r"sheet_name 'a/b' .*holds /")),
    Case("to_excel-sheet-empty", export.to_excel, (OK, str(TMP / "s.xlsx")), {"sheet_name": ""},
         expect=Raises(r"sheet_name '' .*0 characters")),
    Case("to_excel-sheet-not-text", export.to_excel, (OK, str(TMP / "s.xlsx")), {"sheet_name": 1},
         expect=Raises(r"sheet_name must be text")),
    Case("to_excel-missing-folder", export.to_excel, (OK, str(TMP / "no" / "x.xlsx")),
         expect=Raises(r"the folder '.*no' does not exist")),
    Case("to_excel-wrong-suffix", export.to_excel, (OK, str(TMP / "x.csv")), expect=Raises(r"must end in .xlsx")),
    Case("to_excel-control-character", export.to_excel, (pd.DataFrame({"a": ["ok", "bell\x07"]}), str(TMP / "c.xlsx")),
         expect=Raises(r"column 'a', row 1 holds the control character")),
    Case("to_excel-multiindex-columns-no-index", export.to_excel,
         (pd.DataFrame([[1, 2]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("a", "c")])), str(TMP / "m.xlsx")),
         expect=Raises(r"MultiIndex columns.*index=True")),
    Case("to_excel-duplicate-columns", export.to_excel, (DUP, str(TMP / "d.xlsx")), expect=Raises(r"duplicate column names")),
    Case("to_excel-index-formula", xlsx_cells, (pd.DataFrame({"c": ["=A1"], "n": [-2]}, index=["=1+1"]),), {"index": True},
         expect=Returns(lambda cells: _no_formula(cells) and cells[1] == [("'=1+1", "s"), ("'=A1", "s"), (-2, "n")],
                        "index label and cell are text, -2 a number")),
    Case("to_excel-tz-aware-dates", xlsx_cells,
         (pd.DataFrame({"t": pd.to_datetime(["2024-03-01 09:00"]).tz_localize("Asia/Shanghai")}),),
         expect=Returns(lambda cells: cells[1][0][0] == pd.Timestamp("2024-03-01 09:00").to_pydatetime(),
                        "written as the local time, 09:00")),
]

CASES = READERS + EXPORT


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case: Case) -> None:
    run(case)


def test_catalogue_size() -> None:
    assert len(CASES) >= 35
    assert np.sum([isinstance(c.expect, Raises) for c in CASES]) >= 20
