"""cl.report.Report: the written Excel, PowerPoint and HTML files, read back with openpyxl and python-pptx.

Numbers are checked against hand calculations on tiny data (written out below)
as well as against the result objects; the PDF and the browser rendering are in
tests/system/test_report_browser.py.
"""

from __future__ import annotations

import datetime as dt
import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import openpyxl
import pandas as pd
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.report import Report

# 10 answers: 10, 10, 9, 9, 10 promoters (5); 8, 7 passives (2); 6, 2, 5 detractors (3).
NPS_ANSWERS = [10, 10, 9, 8, 7, 6, 2, 9, 10, 5]
HAND_NPS = 100 * (5 - 3) / 10  # = 20.0
HAND_SHARES = (0.5, 0.2, 0.3)
# 8 answers on a 5-point scale: 5, 4, 4, 5, 4 are in the top two boxes -> 5/8.
CSAT_ANSWERS = [5, 4, 4, 3, 2, 5, 1, 4]
HAND_CSAT = 5 / 8
DATE = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _english():
    cl.set_language("en")
    yield
    cl.set_language("en")
    plt.close("all")


def _report(language: str = "en") -> tuple[Report, object, object]:
    nps = cl.metrics.nps(NPS_ANSWERS)
    score = cl.metrics.csat(CSAT_ANSWERS, scale="satisfaction5")
    rep = Report("Guest survey", language=language, subtitle="Autumn wave", author="Ana Li", date=DATE)
    rep.add(nps).add(score, note="top two boxes")
    return rep, nps, score


def _facts(sheet) -> dict[str, object]:
    """Column A label -> column B cell, for the key-figure rows of a result sheet."""
    return {row[0].value: row[1] for row in sheet.iter_rows(min_row=1, max_col=2) if row[0].value}


# --- Excel ------------------------------------------------------------------------------------

def test_excel_numbers_match_the_hand_calculation_and_the_result(tmp_path):
    rep, nps, score = _report()
    path = rep.to_excel(tmp_path / "r.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[0] == "Contents"
    assert book.sheetnames[1:] == ["1 Net Promoter Score", "2 Satisfaction score"]
    assert book.worksheets[0]["A1"].value == "Guest survey"
    facts = _facts(book.worksheets[1])
    assert facts["Estimate"].value == pytest.approx(HAND_NPS)
    assert facts["Estimate"].value == pytest.approx(nps.score)
    assert facts["Estimate"].data_type == "n"
    assert facts["CI low (95%)"].value == pytest.approx(nps.ci[0])
    assert facts["CI high (95%)"].value == pytest.approx(nps.ci[1])
    assert facts["n"].value == 10 and facts["n"].number_format == "#,##0"
    assert facts["Dropped rows"].value == 0
    assert facts["Method"].value == str(nps.ci_method)
    csat = _facts(book.worksheets[2])
    assert csat["Estimate"].value == pytest.approx(HAND_CSAT)
    assert csat["Estimate"].value == pytest.approx(score.estimate)
    assert csat["Estimate"].number_format == "0.0%"  # a share is stored as a share, shown as percent
    assert csat["CI low (95%)"].number_format == "0.0%"


def test_excel_neutralises_formulas_and_keeps_numbers(tmp_path):
    table = pd.DataFrame({"comment": ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "fine",
                                      "ok\n=1+1"], "score": [-3, 5, 2, 1, 4]})
    rep = Report("=evil()", date=DATE).add(table, title="-minus title").add("=1+2 in a text")
    book = openpyxl.load_workbook(rep.to_excel(tmp_path / "f.xlsx"))
    values = [c.value for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    texts = [v for v in values if isinstance(v, str)]
    assert not [t for t in texts if t.startswith(("=", "+", "-", "@"))]
    assert not [t for t in texts if re.search(r"[\r\n][=+\-@]", t)]
    assert "'=evil()" in texts and "'=1+2 in a text" in texts and "'@SUM(A1)" in texts
    sheet = book.worksheets[1]
    cells = {c.value: c for row in sheet.iter_rows() for c in row if c.value is not None}
    assert cells[-3].data_type == "n"  # -3 is a number, not text
    assert not [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_excel_has_a_sheet_per_result_with_its_table(tmp_path):
    data = pd.DataFrame({"wave": [1] * 6 + [2] * 6, "sat": [5, 4, 3, 2, 4, 5, 5, 5, 4, 4, 3, 5]})
    groups = cl.metrics.compare_groups(data, score="sat", group="wave")
    book = openpyxl.load_workbook(Report("G", date=DATE).add(groups).to_excel(tmp_path / "g.xlsx"))
    sheet = book.worksheets[1]
    rows = [[c for c in row] for row in sheet.iter_rows()]
    header = next(i for i, r in enumerate(rows) if r[0].value == "Group")
    # wave 1: 5, 4, 4, 5 of 6 in the top two boxes; wave 2: 5, 5, 4, 4, 5 of 6.
    first, second = rows[header + 1], rows[header + 2]
    names = [c.value for c in rows[header]]
    estimate = names.index("Estimate")
    assert first[estimate].value == pytest.approx(4 / 6) and second[estimate].value == pytest.approx(5 / 6)
    assert first[estimate].number_format.endswith("%")


# --- PowerPoint -------------------------------------------------------------------------------

def _slides(path):
    return list(Presentation(str(path)).slides)


def test_pptx_has_native_charts_with_the_hand_computed_shares(tmp_path):
    rep, nps, _ = _report()
    deck = Presentation(str(rep.to_pptx(tmp_path / "d.pptx")))
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    slides = list(deck.slides)
    assert len(slides) == 3
    assert "Guest survey" in [s.text_frame.text for s in slides[0].shapes if s.has_text_frame]
    charts = [s.chart for s in slides[1].shapes if s.has_chart]
    assert len(charts) == 1 and charts[0].chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    plot = charts[0].plots[0]
    assert list(plot.categories) == ["Promoters (9-10)", "Passives (7-8)", "Detractors (0-6)"]
    assert plot.series[0].values == pytest.approx(HAND_SHARES)
    texts = [s.text_frame.text for s in slides[1].shapes if s.has_text_frame]
    headline = f"NPS is 20.0 (95% CI {nps.ci[0]:.1f} to {nps.ci[1]:.1f}), n = 10"
    assert headline in texts
    csat_chart = next(s.chart for s in slides[2].shapes if s.has_chart)
    assert csat_chart.plots[0].series[0].values[0] == pytest.approx(HAND_CSAT)
    assert any("Note: top two boxes" == t for t in (s.text_frame.text for s in slides[2].shapes if s.has_text_frame))
    tables = [s.table for s in slides[1].shapes if s.has_table]
    cells = {tables[0].cell(r, 0).text: tables[0].cell(r, 1).text for r in range(len(tables[0].rows))}
    assert cells["Estimate"] == "20.0" and cells["n"] == "10"


def test_pptx_in_chinese_sets_an_east_asian_font_on_every_run(tmp_path):
    rep, _, _ = _report("zh-CN")
    assert cl.get_language() == "en"
    deck = Presentation(str(rep.to_pptx(tmp_path / "zh.pptx")))
    assert cl.get_language() == "en"  # the report's language was set and restored
    runs = []
    for slide in deck.slides:
        for shape in slide.shapes:
            frames = [shape.text_frame] if shape.has_text_frame else []
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            runs += [r for f in frames for p in f.paragraphs for r in p.runs]
    chinese = [r for r in runs if re.search(r"[\u4e00-\u9fff]", r.text)]
    assert any("净推荐值为 20.0" in r.text for r in chinese)
    assert len(chinese) > 5
    for run in runs:
        ea = run._r.rPr.find(qn("a:ea"))
        assert ea is not None and ea.get("typeface") == "Microsoft YaHei", run.text
    chart = next(s.chart for s in deck.slides[1].shapes if s.has_chart)
    assert chart.font._rPr.find(qn("a:ea")).get("typeface") == "Microsoft YaHei"
    assert tuple(chart.plots[0].categories)[:1] == ("推荐者（9-10分）",)


def test_pptx_native_chart_types_per_result(tmp_path):
    log = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3, 3, 4],
                        "date": pd.to_datetime(["2024-01-05", "2024-02-10", "2024-01-20", "2024-03-02",
                                                "2024-02-11", "2024-02-25", "2024-03-09"]),
                        "amount": [10.0, 20.0, 5.0, 5.0, 40.0, 10.0, 7.0]})
    km = cl.churn.kaplan_meier(duration=[2, 4, 4, 6, 8, 9], event=[1, 1, 0, 1, 0, 1])
    rep = Report("Churn", date=DATE).add(cl.churn.cohort_table(log, now="2024-03-31")).add(km)
    rep.add(cl.segments.rfm(log, bins=3, now="2024-03-31")).add(cl.segments.pareto([1, 1, 2, 6, 10]))
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3])
    rep.add(fig, title="A figure")
    slides = _slides(rep.to_pptx(tmp_path / "c.pptx"))[1:]
    types = [next((s.chart.chart_type for s in sl.shapes if s.has_chart), None) for sl in slides]
    assert types[:4] == [XL_CHART_TYPE.LINE_MARKERS, XL_CHART_TYPE.XY_SCATTER_LINES_NO_MARKERS,
                         XL_CHART_TYPE.COLUMN_CLUSTERED, XL_CHART_TYPE.LINE_MARKERS]
    assert types[4] is None and any(s.shape_type == 13 for s in slides[4].shapes)  # a picture
    # Kaplan-Meier by hand: S(2) = 5/6 (1 event, 6 at risk); S(4) = 5/6 * 4/5 = 2/3 (1 event, 5 at risk).
    xy = next(s.chart for s in slides[1].shapes if s.has_chart).plots[0].series[0]
    ys = list(xy.values)
    assert ys[:3] == pytest.approx([1.0, 5 / 6, 2 / 3])
    # RFM: 4 customers, so the bars of customers per total score add up to 4.
    rfm_chart = next(s.chart for s in slides[2].shapes if s.has_chart)
    assert sum(rfm_chart.plots[0].series[0].values) == 4


# --- HTML -------------------------------------------------------------------------------------

def test_html_is_self_contained_escaped_and_in_the_report_language(tmp_path):
    rep, _, _ = _report("zh-CN")
    rep.add("<script>alert(1)</script>\n\nsecond paragraph", title="<i>Notes</i>")
    text = rep.to_html(tmp_path / "r.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text
    assert "<script" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;i&gt;Notes&lt;/i&gt;" in text
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text)
    assert "@import" not in text and not re.search(r"url\((?!#)", text)  # only links inside the page
    assert text.count("<svg") >= 2
    assert "净推荐值为 20.0" in text and "由 csat_lab 生成于 2026年11月30日" in text
    assert "@page { size: A4" in text and "break-before: page" in text


# --- bad input --------------------------------------------------------------------------------

def test_bad_input_names_the_argument(tmp_path):
    rep = Report("R")
    with pytest.raises(CsatInputError, match="item must be"):
        rep.add(42)
    with pytest.raises(CsatInputError, match="item is an empty table"):
        rep.add(pd.DataFrame())
    with pytest.raises(CsatInputError, match="no sections"):
        rep.to_excel(tmp_path / "x.xlsx")
    with pytest.raises(CsatInputError, match="no sections"):
        rep.save(tmp_path / "out")
    rep.add("text")
    with pytest.raises(CsatInputError, match="path: the folder .* does not exist"):
        rep.to_pptx(tmp_path / "missing" / "x.pptx")
    with pytest.raises(CsatInputError, match="path must be a file path"):
        rep.to_html(123)
    with pytest.raises(CsatInputError, match="is a folder"):
        rep.to_excel(tmp_path)
    with pytest.raises(CsatInputError, match="formats must list"):
        rep.save(tmp_path, formats=("docx",))
    with pytest.raises(CsatInputError, match="title must be a text"):
        Report(None)
    with pytest.raises(CsatInputError, match="headline must be a text"):
        rep.add("x", headline=3)
    with pytest.raises(CsatInputError, match="language|zh-CN"):
        Report("R", language="fr")


def test_sections_is_a_copy_and_add_chains():
    rep = Report("R").add("a").add_text("b", title="B")
    rep.sections.clear()
    assert [s.title for s in rep.sections] == [None, "B"]


def test_every_kind_of_section_reaches_every_format(tmp_path):
    df = pd.DataFrame({"sat": [1, 1, 2, 2, 3, 3, 4, 5], "intent": [1, 2, 2, 3, 5, 5, 4, 5]})
    model = cl.loyalty.loyalty_regression(df, satisfaction="sat", loyalty="intent")
    churn = cl.churn.churn_rate(30, 400)  # 30 of 400 customers lost: 7.5%
    retention = cl.churn.revenue_retention(100_000, churned=8_000, contraction=2_000, expansion=15_000)
    fig, ax = plt.subplots()
    ax.bar(["a", "b"], [1, 2])
    long = pd.DataFrame({"row": range(40), "value": [x / 40 for x in range(40)]})
    rep = Report("All", date=DATE).add(model).add(churn).add(retention).add(fig).add(long, title="Long table")
    out = rep.save(tmp_path, stem="all", formats=["xlsx", "pptx", "html"])
    slides = _slides(out["pptx"])[1:]
    kinds = [("chart" if any(s.has_chart for s in sl.shapes) else "picture" if any(s.shape_type == 13 for s in sl.shapes)
              else "table" if any(s.has_table for s in sl.shapes) else "?") for sl in slides]
    assert kinds == ["chart", "chart", "chart", "picture", "table"]
    revenue = next(s.chart for s in slides[2].shapes if s.has_chart).plots[0].series[0].values
    # 100,000 at the start: lost 8,000 + 2,000 -> GRR 90%; plus 15,000 expansion -> NRR 105%.
    assert revenue == pytest.approx((0.10, 0.90, 1.05))
    churn_chart = next(s.chart for s in slides[1].shapes if s.has_chart)
    assert churn_chart.plots[0].series[0].values == pytest.approx((30 / 400, 370 / 400))
    table = next(s.table for s in slides[4].shapes if s.has_table)
    assert len(table.rows) == 13  # header and the first 12 rows on a slide
    book = openpyxl.load_workbook(out["xlsx"])
    assert len(book.sheetnames) == 6 and len(book.worksheets[4]._images) == 1
    values = [c.value for row in book.worksheets[5].iter_rows(min_col=2, max_col=2) for c in row]
    assert values[-40:] == pytest.approx([x / 40 for x in range(40)])  # every row in the workbook
    assert _facts(book.worksheets[2])["Estimate"].value == pytest.approx(0.075)
    page = out["html"].read_text(encoding="utf-8")
    assert page.count("<svg") == 4
    long_part = page.split('id="section-5"')[1]
    assert long_part.count("<tr>") == 31 and "First 30 of 40 rows shown" in long_part  # header + 30 rows
    assert any(s.has_text_frame and s.text_frame.text.startswith("First 12 of 40 rows shown") for s in slides[4].shapes)


def test_chinese_workbook_labels(tmp_path):
    rep, nps, _ = _report("zh-CN")
    book = openpyxl.load_workbook(rep.to_excel(tmp_path / "zh.xlsx"))
    assert book.sheetnames[:2] == ["目录", "1 净推荐值"]
    facts = _facts(book.worksheets[1])
    assert facts["估计值"].value == pytest.approx(HAND_NPS)
    assert facts["样本量"].value == 10 and facts["剔除了什么、为什么"].value == "无"
    assert facts["方法"].value == nps.ci_method.render("zh-CN")
    assert book.worksheets[0]["A4"].value == "由 csat_lab 生成于 2026年11月30日"


def test_files_carry_the_report_date_so_reruns_give_the_same_bytes(tmp_path):
    import io
    import zipfile

    rep, _, _ = _report()
    first = rep.save(tmp_path / "a", formats=["xlsx", "pptx", "html"])
    second = rep.save(tmp_path / "b", formats=["xlsx", "pptx", "html"])
    assert all(first[k].read_bytes() == second[k].read_bytes() for k in first)
    with zipfile.ZipFile(first["pptx"]) as deck:
        assert {i.date_time[:3] for i in deck.infolist()} == {(2026, 11, 30)}
        embedded = [n for n in deck.namelist() if n.endswith(".xlsx")]
        assert embedded  # the native charts' data
        chart_book = openpyxl.load_workbook(io.BytesIO(deck.read(embedded[0])))
        assert chart_book.properties.created == dt.datetime(2026, 11, 30)
        assert [c.value for c in chart_book.active["B"]][1:] == pytest.approx(HAND_SHARES)  # the chart's data
