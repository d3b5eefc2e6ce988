"""Survey export readers on the fixtures in tests/unit/survey/data_survey (see make_fixtures.py)."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

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
