"""Survey export readers on the fixtures in tests/unit/survey/data_survey (see make_fixtures.py)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, strategies as st

from csat_lab import metrics, survey
from csat_lab.errors import CsatInputError

DATA = Path(__file__).resolve().parent / "data_survey"


def test_qualtrics_numeric_export() -> None:
    frame, book = survey.read_qualtrics(DATA / "qualtrics.csv")
    assert frame.shape == (5, 9)
    assert frame["Q2"].tolist() == [10, 8, 6, 3, 9]
    assert np.isnan(frame["Q1"].iloc[4])
    assert book.loc["Q1", "question"] == "总体而言，您对我们的服务满意吗？"
    assert book.loc["Q3_2", "import_id"] == "QID3_2"
    assert metrics.nps(frame["Q2"]).promoters == 2
    export = survey.read_qualtrics(DATA / "qualtrics.csv")
    assert isinstance(export, survey.SurveyExport)
    assert (export.encoding, export.format, export.source) == ("utf-8-sig", "qualtrics", str(DATA / "qualtrics.csv"))
    assert book.attrs == {} and frame.attrs == {}


def test_qualtrics_label_export_in_both_languages() -> None:
    frame, book = survey.read_qualtrics(DATA / "qualtrics_labels.csv", scales={"Q1": "satisfaction5"})
    assert frame["Q1"].tolist()[:3] == [5, 4, 1]
    assert np.isnan(frame["Q1"].iloc[3])
    assert book.loc["Q1", "scale"] == "satisfaction5"


def test_qualtrics_missing_header_row() -> None:
    with pytest.raises(CsatInputError, match="three header rows"):
        survey.read_qualtrics(DATA / "qualtrics_no_import_row.csv")


def test_surveymonkey_two_header_rows() -> None:
    frame, book = survey.read_surveymonkey(DATA / "surveymonkey.csv",
                                           scales={"q1": "satisfaction5", "q3_1": "agree5", "q3_2": "agree5"})
    assert list(frame.columns) == ["respondent_id", "collector_id", "start_date", "end_date",
                                   "q1", "q2", "q3_1", "q3_2", "q3_3"]
    assert frame["q1"].tolist() == [5, 2, 4]
    # "Neutral" is not an anchor of agree5 in either language: it stays text for clean() to report
    assert frame["q3_2"].tolist() == ["Neutral", 2, 4]
    assert frame["q3_3"].tolist() == ["Strongly agree", "Neutral", "Agree"]  # no scale declared: text stays
    assert book.loc["q3_3", "question"] == "Please rate: - After-sales service"
    with pytest.raises(CsatInputError, match="row 2 holds numbers"):
        survey.read_surveymonkey(io.BytesIO(b"Q,R\n1,2\n3,4\n"))


def test_gbk_detected_and_declared() -> None:
    frame, book = survey.read_csv(DATA / "gbk.csv", scales={"满意度": "satisfaction5"})
    assert survey.read_csv(DATA / "gbk.csv").encoding == "gb18030"
    assert frame["满意度"].tolist() == [5, 4, 3, 2]
    assert frame["评论"].iloc[1] == "送货有点慢"
    declared = survey.read_csv(DATA / "gbk.csv", encoding="gbk")
    assert declared.encoding == "gbk" and declared.data["评论"].iloc[0] == "服务很好"


def test_wrong_declared_encoding() -> None:
    with pytest.raises(CsatInputError, match="not valid 'utf-8' text.*gb18030"):
        survey.read_csv(DATA / "gbk.csv", encoding="utf-8")
    with pytest.raises(CsatInputError, match="unknown encoding 'klingon'"):
        survey.read_csv(DATA / "gbk.csv", encoding="klingon")


def test_utf8_with_and_without_bom() -> None:
    text = "id,满意度\n1,5\n"
    for raw, expected in ((text.encode("utf-8"), "utf-8"), (text.encode("utf-8-sig"), "utf-8-sig")):
        export = survey.read_csv(io.BytesIO(raw))
        assert list(export.data.columns) == ["id", "满意度"] and export.encoding == expected


def test_spss_value_labels_and_user_missing() -> None:
    import pyreadstat

    frame, book = survey.read_spss(DATA / "survey.sav")
    raw, _ = pyreadstat.read_sav(str(DATA / "survey.sav"))  # pyreadstat's own reading: user-missing -> NaN
    assert frame["sat"].isna().tolist() == raw["sat"].isna().tolist()
    assert isinstance(frame["sat"].dtype, pd.CategoricalDtype) and frame["sat"].cat.ordered
    assert list(frame["sat"].cat.categories)[0] == "Very dissatisfied"
    assert book.loc["sat", "scale"] == "satisfaction5"
    assert book.loc["sat", "n_missing_codes"] == 1
    assert book.loc["rec", "n_missing_codes"] == 2  # the 98-99 range
    assert frame["rec"].isna().sum() == 2
    # speed has labels only for 1 and 6: stays numeric, nothing lost
    assert frame["speed"].tolist() == [1, 2, 3, 4, 5, 6]
    assert book.loc["sat", "question"] == "Overall satisfaction"
    # ordered categorical feeds the metrics by position: 5, 4, 2, 3, 1 -> 2 of 5 satisfied
    assert metrics.csat(frame["sat"]).estimate == pytest.approx(2 / 5)


def test_excel() -> None:
    frame, book = survey.read_excel(DATA / "survey.xlsx", sheet="responses")
    assert frame["id"].tolist() == [1, 2, 3]
    assert np.isnan(frame["sat"].iloc[2])
    with pytest.raises(CsatInputError, match="not a readable .xlsx"):
        survey.read_excel(DATA / "gbk.csv")
    with pytest.raises(CsatInputError, match="Worksheet named 'nope' not found"):
        survey.read_excel(DATA / "survey.xlsx", sheet="nope")


def test_missing_file_and_unknown_scale_column() -> None:
    with pytest.raises(CsatInputError, match="no file"):
        survey.read_csv(DATA / "nope.csv")
    with pytest.raises(CsatInputError, match="no file"):
        survey.read_spss(DATA / "nope.sav")
    with pytest.raises(CsatInputError, match="unknown column 'sat'.*columns are: 编号"):
        survey.read_csv(DATA / "gbk.csv", scales={"sat": "satisfaction5"})
    with pytest.raises(CsatInputError, match="not a readable SPSS"):
        survey.read_spss(DATA / "gbk.csv")


def test_excel_exports_with_qualtrics_and_surveymonkey_headers_read_like_their_csv(tmp_path):
    import csv
    import io

    import openpyxl

    from csat_lab.survey import read_excel, read_qualtrics, read_surveymonkey

    qualtrics_csv = ('ResponseId,Q1,Q2\nResponse ID,How satisfied are you?,Comment\n'
                     '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"\n'
                     'R_1,5,fine\nR_2,2,\n')
    monkey_csv = 'Respondent ID,Overall satisfaction,Rate us,\n,Response,Price,Speed\n101,5,4,5\n102,4,3,2\n'
    for layout, text, reader in (("qualtrics", qualtrics_csv, read_qualtrics),
                                 ("surveymonkey", monkey_csv, read_surveymonkey)):
        book = openpyxl.Workbook()
        sheet = book.active
        for row in csv.reader(io.StringIO(text)):
            # numbers go into the workbook as numbers, as survey tools export them
            sheet.append([int(v) if v.isdigit() else (v or None) for v in row])
        path = tmp_path / f"{layout}.xlsx"
        book.save(path)
        excel = read_excel(path, layout=layout)
        from_excel, excel_book = excel
        from_csv, csv_book = reader(io.BytesIO(text.encode()))
        pd.testing.assert_frame_equal(from_excel, from_csv)
        assert excel_book["question"].tolist() == csv_book["question"].tolist()
        assert (excel.format, excel.encoding, excel.source) == (f"excel ({layout})", None, str(path))


def test_excel_layout_must_be_known(tmp_path):
    from csat_lab.survey import read_excel

    with pytest.raises(CsatInputError, match="layout must be one of: 'plain', 'qualtrics', 'surveymonkey'"):
        read_excel(tmp_path / "x.xlsx", layout="spss")


def test_survey_export_unpacks_indexes_and_summarises() -> None:
    export = survey.read_csv(DATA / "gbk.csv")
    frame, book = export
    assert frame is export.data and book is export.codebook
    assert export[0] is export.data and export[1] is export.codebook
    assert export.estimate == len(frame) == 4  # gbk.csv holds four responses (make_fixtures.py)
    assert list(book.index) == list(frame.columns)
    shown = str(export)
    assert "gb18030" in shown and "Responses" in shown


def test_spss_export_records_format_and_missing_codes() -> None:
    export = survey.read_spss(DATA / "survey.sav")
    assert export.format == "spss" and export.estimate == 6
    # sat has one user-missing code, rec two (the 98-99 range): three answers set missing in all
    assert int(export.codebook["n_missing_codes"].sum()) == 3


# ---------------------------------------------------------------------------------------------
# Readers never shift a table (issue 13). The expected tables are written out by hand from the
# file text, or come from Python's csv module and codecs, never from csat_lab itself.

QUALTRICS_HEAD = ('ResponseId,Q1,Q2\nResponse ID,"How satisfied are you?\n(1-5)",Comment\n'
                  '"{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}"\n')


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
def test_trailing_comma_is_read_as_an_empty_field_not_a_shift(ending: str, quoted: bool) -> None:
    # The bug: every data row ends in "," so pandas saw 4 fields under 3 names and made id the index.
    comment = '"fine, thanks"' if quoted else "fine"
    text = f"id,q1,comment{ending}1,5,{comment},{ending}2,3,slow,{ending}"
    export = survey.read_csv(io.BytesIO(text.encode()))
    # by hand: id 1 and 2, q1 5 and 3, the comments as written; the trailing empty field dropped
    expected = pd.DataFrame({"id": [1, 2], "q1": [5, 3], "comment": ["fine, thanks" if quoted else "fine", "slow"]})
    pd.testing.assert_frame_equal(export.data, expected, check_dtype=False)
    assert list(export.data.index) == [0, 1]
    assert [n.key for n in export.notes] == ["survey.note.trailing_fields"] and "2 rows" in export.notes[0]


def test_trailing_comma_in_qualtrics_and_surveymonkey_exports() -> None:
    frame, book = survey.read_qualtrics(io.BytesIO((QUALTRICS_HEAD + "R_1,5,ok,\nR_2,4,,\n").encode()))
    assert frame["ResponseId"].tolist() == ["R_1", "R_2"] and frame["Q1"].tolist() == [5, 4]
    assert frame["Q2"].iloc[0] == "ok" and pd.isna(frame["Q2"].iloc[1])
    assert book.loc["Q1", "question"] == "How satisfied are you?\n(1-5)"
    monkey = "Respondent ID,Overall,\n,Response,\n101,5,\n102,4,\n"
    frame, _ = survey.read_surveymonkey(io.BytesIO(monkey.encode()))
    assert frame.to_dict("list") == {"respondent_id": [101, 102], "q1": [5, 4]}


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
def test_a_row_with_an_extra_field_names_its_line_and_the_counts(quoted: bool) -> None:
    # "bad, slow" was typed without quotes: line 3 of the file has 4 fields under a 3-field header
    first = '"ok, quoted"' if quoted else "ok"
    text = f"id,q1,comment\n1,5,{first}\n2,3,bad, slow\n3,4,fine\n"
    with pytest.raises(CsatInputError, match=r"line 3 has 4 fields, but the header has 3.*unquoted comma"):
        survey.read_csv(io.BytesIO(text.encode()))


@pytest.mark.parametrize("quoted", [False, True], ids=["plain", "quoted"])
def test_a_short_row_names_its_line(quoted: bool) -> None:
    # a comment broken over two lines without quotes: lines 3 and 4 each have too few fields
    first = '"ok, quoted"' if quoted else "ok"
    text = f"id,q1,comment\n1,5,{first}\n2,3,too\nslow\n"
    with pytest.raises(CsatInputError, match=r"line 3 has 3 fields|line 4 has 1 fields, but the header has 3"):
        survey.read_csv(io.BytesIO(text.encode()))
    with pytest.raises(CsatInputError, match=r"line 4 has 1 fields, but the header has 3"):
        survey.read_csv(io.BytesIO(text.encode()))


def test_line_numbers_count_quoted_line_breaks_in_the_header() -> None:
    # QUALTRICS_HEAD spans 4 physical lines (the question text holds a line break); R_2 is line 6
    text = QUALTRICS_HEAD + "R_1,5,ok\nR_2,4,bad, slow\n"
    assert text.splitlines()[5] == "R_2,4,bad, slow"  # line 6 counted from 1, by Python itself
    with pytest.raises(CsatInputError, match=r"line 6 has 4 fields, but the header has 3"):
        survey.read_qualtrics(io.BytesIO(text.encode()))


def test_non_empty_field_after_a_trailing_header_comma_raises() -> None:
    # header "id,q1," names two columns; a third value would have no column
    with pytest.raises(CsatInputError, match="line 3 has 3 fields, but the header has 2"):
        survey.read_csv(io.BytesIO(b"id,q1,\n1,5,\n2,4,9\n"))


def test_first_column_never_becomes_the_index() -> None:
    for text in (b"id,q1\n1,5,\n2,4,\n", b"id,q1\n1,5\n2,4\n", b"id,q1\r1,5\r2,4\r"):  # the last: old Mac line ends
        frame = survey.read_csv(io.BytesIO(text)).data
        assert frame.to_dict("list") == {"id": [1, 2], "q1": [5, 4]}
        assert isinstance(frame.index, pd.RangeIndex)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-16", "utf-32"])
def test_utf16_and_utf32_files_are_decoded(codec: str) -> None:
    text = "编号,满意度,评论\n1,5,很好\n2,4,送货慢\n"
    raw = text.encode(codec)  # Python's codec is the independent writer; "utf-16"/"utf-32" add a BOM
    export = survey.read_csv(io.BytesIO(raw))
    assert export.data.to_dict("list") == {"编号": [1, 2], "满意度": [5, 4], "评论": ["很好", "送货慢"]}
    assert export.encoding == codec


def test_nul_characters_are_an_encoding_error() -> None:
    with pytest.raises(CsatInputError, match=r"NUL characters.*encoding='utf-16'"):
        survey.read_csv(io.BytesIO("id,q1\n1,5\n".encode("utf-16-le")), encoding="utf-8")
    with pytest.raises(CsatInputError, match="an .xlsx workbook.*read_excel"):
        survey.read_csv(DATA / "survey.xlsx")
    with pytest.raises(CsatInputError, match="SPSS .sav file.*read_spss"):
        survey.read_csv(DATA / "survey.sav")


def test_duplicate_header_names_raise_naming_them(tmp_path: Path) -> None:
    with pytest.raises(CsatInputError, match=r"duplicate column names: 'q1' \(columns 2, 3\)"):
        survey.read_csv(io.BytesIO(b"id,q1,q1\n1,5,4\n"))
    head = QUALTRICS_HEAD.replace("ResponseId,Q1,Q2", "ResponseId,Q1,Q1")
    with pytest.raises(CsatInputError, match=r"duplicate column names: 'Q1'"):
        survey.read_qualtrics(io.BytesIO((head + "R_1,5,4\n").encode()))
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["id", "sat", "sat"])
    book.active.append([1, 5, 4])
    book.save(tmp_path / "dup.xlsx")
    with pytest.raises(CsatInputError, match=r"duplicate column names: 'sat' \(columns B, C\)"):
        survey.read_excel(tmp_path / "dup.xlsx")


def _workbook_with_formulas(path: Path, cached: str | None) -> None:
    """A sheet whose column C is =B*2; with ``cached`` the saved result is patched into the XML."""
    import zipfile

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "sat", "double"])
    sheet.append([1, 5, "=B2*2"])
    sheet.append([2, 4, "=B3*2"])
    book.save(path)
    if cached is None:
        return
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    xml = files["xl/worksheets/sheet1.xml"].decode()
    # openpyxl writes the empty result as <v /> (ElementTree) or <v></v> (lxml, when installed)
    xml = re.sub(r"<f>B2\*2</f>(?:<v ?/>|<v></v>)", "<f>B2*2</f><v>10</v>", xml)
    xml = re.sub(r"<f>B3\*2</f>(?:<v ?/>|<v></v>)", f"<f>B3*2</f><v>{cached}</v>", xml)
    files["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)


def test_excel_formulas_without_a_saved_result_are_named(tmp_path: Path) -> None:
    # openpyxl saves formulas without calculating them: pandas read them as all-NaN without a word
    _workbook_with_formulas(tmp_path / "f.xlsx", cached=None)
    assert pd.read_excel(tmp_path / "f.xlsx")["double"].isna().all()  # the silent NaN of the issue
    with pytest.raises(CsatInputError, match=r"2 formula cell\(s\) with no saved result \(C2, C3\)"):
        survey.read_excel(tmp_path / "f.xlsx")
    # with the results saved (as Excel does), the values are read: 10 and 8 = 5*2 and 4*2
    _workbook_with_formulas(tmp_path / "g.xlsx", cached="8")
    assert survey.read_excel(tmp_path / "g.xlsx").data["double"].tolist() == [10, 8]


def test_excel_error_cells_stay_visible_and_blank_rows_are_skipped(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "sat"])
    sheet.append([1, 5])
    sheet.append([None, None])
    sheet.append([2, "#N/A"])
    book.save(tmp_path / "e.xlsx")
    frame = survey.read_excel(tmp_path / "e.xlsx").data
    assert frame.to_dict("list") == {"id": [1, 2], "sat": [5, "#N/A"]}  # as openpyxl reads the cells


def test_spss_codes_sharing_one_label_keep_their_codes(tmp_path: Path) -> None:
    import pyreadstat

    path = tmp_path / "shared.sav"
    pyreadstat.write_sav(pd.DataFrame({"q": [1.0, 2.0, 3.0, 2.0]}), str(path),
                         variable_value_labels={"q": {1.0: "No", 2.0: "Yes", 3.0: "Yes"}})
    raw, meta = pyreadstat.read_sav(str(path))  # pyreadstat's own reading of the codes
    export = survey.read_spss(path)
    assert export.data["q"].tolist() == raw["q"].tolist() == [1.0, 2.0, 3.0, 2.0]
    assert export.codebook.loc["q", "value_labels"] == meta.variable_value_labels["q"]
    assert [n.key for n in export.notes] == ["survey.note.shared_labels"]
    assert "codes [2, 3] share the label 'Yes'" in export.notes[0]
    assert "Notes" in str(export)
    # a stream works as well as a path
    stream = survey.read_spss(io.BytesIO(path.read_bytes()))
    assert stream.data["q"].tolist() == raw["q"].tolist() and stream.source == "<stream>"


@pytest.mark.parametrize("reader", [survey.read_csv, survey.read_qualtrics, survey.read_surveymonkey,
                                    survey.read_excel, survey.read_spss])
@pytest.mark.parametrize("source", [None, 3.5, b"id,q1\n1,5\n", ["a.csv"]])
def test_wrong_source_types_are_named(reader, source) -> None:
    with pytest.raises(CsatInputError, match="source must be a file path|wrap bytes in io.BytesIO"):
        reader(source)


_FIELD = st.text(alphabet='ab ,"\n\r;é', min_size=0, max_size=6).map(lambda s: "x" + s)


@given(st.lists(st.tuples(_FIELD, _FIELD), min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"]),
       st.booleans())
def test_csv_module_tables_read_back_cell_for_cell(rows, terminator, trailing) -> None:
    # Python's csv module writes the file (quoting commas, quotes and line breaks); read_csv must give
    # back exactly those strings, whatever the line ends, with or without a trailing comma.
    # (With "\n" line ends the csv module leaves a bare "\r" unquoted, which then *is* a line end:
    # that file is ambiguous, so such fields are only drawn with "\r\n" line ends.)
    assume(terminator == "\r\n" or not any("\r" in field for row in rows for field in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=terminator)
    writer.writerow(["a", "b"])
    writer.writerows([list(r) + ([""] if trailing else []) for r in rows])
    frame = survey.read_csv(io.BytesIO(out.getvalue().encode())).data
    assert frame.shape == (len(rows), 2)
    assert [tuple(r) for r in frame.itertuples(index=False)] == [tuple(r) for r in rows]


def test_excel_blank_leading_and_inner_rows_do_not_shift_the_header(tmp_path: Path) -> None:
    # pandas took the blank first row as the header: every name became "Unnamed: i" and the real
    # names a data row. The header is the first row that holds anything; blank rows are no responses.
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in ([None], ["id", "sat", "comment"], [1, 5, "ok"], [None, None, None], [2, 4.0, None]):
        sheet.append(row)
    book.save(tmp_path / "blank.xlsx")
    frame = survey.read_excel(tmp_path / "blank.xlsx").data
    assert list(frame.columns) == ["id", "sat", "comment"]
    assert frame["id"].tolist() == [1, 2] and frame["sat"].tolist() == [5, 4]  # 4.0 is stored as a whole number
    assert frame["comment"].iloc[0] == "ok" and pd.isna(frame["comment"].iloc[1])
    # a workbook without blank rows reads as pandas reads it
    book = openpyxl.Workbook()
    for row in (["id", "sat"], [1, 5], [2, None]):
        book.active.append(row)
    book.save(tmp_path / "plain.xlsx")
    pd.testing.assert_frame_equal(survey.read_excel(tmp_path / "plain.xlsx").data, pd.read_excel(tmp_path / "plain.xlsx"))
