"""The PowerPoint deck of a report (internal; python-pptx, imported here only).

16:9 slides: a title slide, then one slide per section with a single headline,
the chart (native and editable when the section has a chart spec, else a 2x
picture of the result's plot) and the key figures as a small native table.

Chinese needs an East Asian font on every text run: PowerPoint picks the font
of a CJK character from the run's ``<a:ea typeface=...>``, which python-pptx
cannot set, so :func:`set_fonts` writes the element into the run properties
(after ``<a:latin>``, as the schema orders them). "Microsoft YaHei" ships with
Windows and with Office for Mac; where it is missing PowerPoint substitutes
the system CJK font (PingFang SC on macOS).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from ..i18n import format_number, label
from ._charts import png_bytes, result_figure
from ._content import SLIDE_ROWS, ChartSpec, SectionView, rows_note

LATIN_FONT = "Arial"
EAST_ASIAN_FONT = "Microsoft YaHei"
_BLUE = (0x2F, 0x6F, 0x9F)
_GREY = (0x4A, 0x55, 0x68)


def set_east_asian(rpr: Any, typeface: str = EAST_ASIAN_FONT, latin: str = LATIN_FONT) -> None:
    """Give run properties (``a:rPr`` / ``a:defRPr``) a Latin and an East Asian typeface."""
    from pptx.oxml.ns import qn
    from pptx.oxml.xmlchemy import OxmlElement

    latin_el = rpr.find(qn("a:latin"))
    if latin_el is None:
        latin_el = OxmlElement("a:latin")
        # a:latin follows the line, fill, effect and underline properties (CT_TextCharacterProperties).
        followers = [qn(f"a:{t}") for t in ("ea", "cs", "sym", "hlinkClick", "hlinkMouseOver", "rtl", "extLst")]
        nxt = next((child for child in rpr if child.tag in followers), None)
        if nxt is None:
            rpr.append(latin_el)
        else:
            nxt.addprevious(latin_el)
    latin_el.set("typeface", latin)
    ea = rpr.find(qn("a:ea"))
    if ea is None:
        ea = OxmlElement("a:ea")
        latin_el.addnext(ea)
    ea.set("typeface", typeface)


def set_fonts(text_frame: Any) -> None:
    """Set the Latin and East Asian font of every run (and paragraph end) in a text frame."""
    for paragraph in text_frame.paragraphs:
        for run in paragraph.runs:
            set_east_asian(run._r.get_or_add_rPr())
        set_east_asian(paragraph._p.get_or_add_endParaRPr())


def _text_box(slide: Any, left: int, top: int, width: int, height: int, lines: list[str], *, size: int,
              bold: bool = False, color: tuple[int, int, int] | None = None) -> Any:
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(size)
        run.font.bold = bold
        if color:
            run.font.color.rgb = RGBColor(*color)
        if i:
            paragraph.space_before = Pt(size * 0.5)
    set_fonts(frame)
    return box


def _table(slide: Any, rows: list[list[str]], left: int, top: int, width: int, *, header: bool, size: int = 12) -> Any:
    from pptx.util import Emu, Pt

    n_rows, n_cols = len(rows), max(len(r) for r in rows)
    row_height = Emu(int(Pt(size * 2.1)))
    shape = slide.shapes.add_table(n_rows, n_cols, left, top, width, row_height * n_rows)
    table = shape.table
    table.first_row = header
    for r, values in enumerate(rows):
        for c in range(n_cols):
            cell = table.cell(r, c)
            cell.text = values[c] if c < len(values) else ""
            cell.margin_left = cell.margin_right = Pt(4)
            cell.margin_top = cell.margin_bottom = Pt(2)
            for paragraph in cell.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
            set_fonts(cell.text_frame)
    return shape


_TYPES = {"column": "COLUMN_CLUSTERED", "bar": "BAR_CLUSTERED", "line": "LINE_MARKERS",
          "xy": "XY_SCATTER_LINES_NO_MARKERS"}


def add_chart(slide: Any, spec: ChartSpec, left: int, top: int, width: int, height: int) -> Any:
    """A native, editable chart drawn from ``spec``."""
    from pptx.chart.data import CategoryChartData, XyChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.util import Pt

    if spec.type == "xy":
        data = XyChartData(number_format=spec.number_format)
        for name, points in spec.series:
            series = data.add_series(name, number_format=spec.number_format)
            for x, y in points:
                series.add_data_point(x, y)
    else:
        data = CategoryChartData(number_format=spec.number_format)
        data.categories = spec.categories
        for name, values in spec.series:
            data.add_series(name, values, number_format=spec.number_format)
    frame = slide.shapes.add_chart(getattr(XL_CHART_TYPE, _TYPES[spec.type]), left, top, width, height, data)
    chart = frame.chart
    chart.has_title = False  # the slide headline says what the chart shows
    chart.font.size = Pt(12)
    set_east_asian(chart.font._rPr)
    value_axis = chart.value_axis
    value_axis.tick_labels.number_format = spec.number_format
    value_axis.tick_labels.number_format_is_linked = False
    value_axis.has_major_gridlines = True
    if spec.share and spec.type != "xy":
        value_axis.minimum_scale = 0
    if len(spec.series) > 1:
        chart.has_legend = True
        chart.legend.position = XL_LEGEND_POSITION.RIGHT
        chart.legend.include_in_layout = False
    else:
        chart.has_legend = False
    if spec.data_labels and len(spec.series) == 1 and spec.type in ("column", "bar"):
        plot = chart.plots[0]
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = spec.number_format
        labels.number_format_is_linked = False
        labels.font.size = Pt(12)
        set_east_asian(labels.font._rPr)
        plot.series[0].format.fill.solid()
        plot.series[0].format.fill.fore_color.rgb = RGBColor(*_BLUE)
    axes = [(value_axis, spec.y_title if spec.type != "bar" else spec.x_title)]
    category_axis = chart.category_axis if spec.type != "xy" else None
    if spec.type == "xy":
        from pptx.chart.axis import ValueAxis

        category_axis = ValueAxis(chart._chartSpace.valAx_lst[0])  # the x axis of an XY chart
        axes = [(chart.value_axis, spec.y_title), (category_axis, spec.x_title)]
    elif category_axis is not None:
        axes.append((category_axis, spec.x_title if spec.type != "bar" else spec.y_title))
    for axis, title in axes:
        if title:
            axis.has_title = True
            axis.axis_title.text_frame.text = title
            for paragraph in axis.axis_title.text_frame.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(12)
                    run.font.bold = False
            set_fonts(axis.axis_title.text_frame)
    return frame


def _picture(slide: Any, fig: Any, left: int, top: int, width: int, height: int) -> Any:
    picture = slide.shapes.add_picture(io.BytesIO(png_bytes(fig)), left, top, width=width)
    if picture.height > height:  # keep the aspect ratio inside the box
        scale = height / picture.height
        picture.width, picture.height = int(picture.width * scale), int(height)
    return picture


def _facts_rows(view: SectionView) -> list[list[str]]:
    rows = []
    for text, value, kind in view.facts:
        if kind is not None and value is not None and not isinstance(value, str):
            shown = format_number(value, kind)
        else:
            shown = str(value)
        rows.append([text, shown])
    return rows[:SLIDE_ROWS]


def write_pptx(report: Any, views: list[SectionView], path: Path) -> None:
    """Write ``views`` as a deck at ``path`` (call with the report's language current)."""
    import matplotlib.pyplot as plt
    from pptx import Presentation
    from pptx.util import Emu, Inches

    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12_192_000), Emu(6_858_000)  # 13.333 x 7.5 in, 16:9
    deck.core_properties.title = report.title
    deck.core_properties.author = report.author or "csat_lab"
    deck.core_properties.language = report.language
    stamp = dt.datetime.combine(report.date, dt.time(0, 0))
    deck.core_properties.created = deck.core_properties.modified = stamp  # the report date, not the template's
    deck.core_properties.last_modified_by = report.author or "csat_lab"
    deck.core_properties.revision = 1
    blank = deck.slide_layouts[6]
    margin, width = Inches(0.6), Inches(13.333 - 1.2)

    cover = deck.slides.add_slide(blank)
    _text_box(cover, margin, Inches(2.3), width, Inches(1.4), [report.title], size=40, bold=True, color=_BLUE)
    lines = [x for x in (report.subtitle, report.author, report._generated()) if x]
    _text_box(cover, margin, Inches(3.9), width, Inches(1.8), lines, size=18, color=_GREY)

    for view in views:
        slide = deck.slides.add_slide(blank)
        if view.headline != view.title:  # a kicker naming the section above the message
            _text_box(slide, margin, Inches(0.3), width, Inches(0.45), [view.title], size=14, color=_GREY)
        _text_box(slide, margin, Inches(0.7), width, Inches(1.0), [view.headline], size=26, bold=True)
        top, height = Inches(1.85), Inches(5.0)
        facts = _facts_rows(view)
        chart_width = Inches(7.9) if facts else width
        if view.kind == "result" and view.chart is not None:
            add_chart(slide, view.chart, margin, top, chart_width, height)
        elif view.kind in ("result", "figure"):
            fig = result_figure(view)
            if fig is not None:
                _picture(slide, fig, margin, top, chart_width, height)
                if view.kind != "figure":
                    plt.close(fig)
        if facts:
            _table(slide, facts, margin + chart_width + Inches(0.3), top,
                   width - chart_width - Inches(0.3), header=False, size=12)
        if view.kind == "table":
            shown = view.tables[0].shown.iloc[:SLIDE_ROWS, :8]
            rows = [[str(c) for c in shown.columns]] + [[str(v) for v in r] for r in shown.itertuples(index=False)]
            _table(slide, rows, margin, top, width, header=True, size=12 if len(rows) < 10 else 10)
            if len(view.tables[0].raw) > len(shown) or view.tables[0].raw.shape[1] > shown.shape[1]:
                _text_box(slide, margin, Inches(6.55), width, Inches(0.4),
                          [rows_note(len(shown), len(view.tables[0].raw))], size=11, color=_GREY)
        if view.kind == "text":
            _text_box(slide, margin, top, width, height, view.paragraphs, size=18)
        if view.note:
            _text_box(slide, margin, Inches(6.95), width, Inches(0.4), [label("report.note_line", note=view.note)],
                      size=11, color=_GREY)
    buffer = io.BytesIO()
    deck.save(buffer)
    path.write_bytes(_fixed_zip_dates(buffer.getvalue(), report.date))


_W3C_DATE = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fixed_zip_dates(data: bytes, date: dt.date) -> bytes:
    """The package with every member, and each chart's embedded workbook, dated ``date``.

    Zip members carry the time they were written and the chart workbooks their
    creation time; set to the report date, the same report gives the same bytes.
    """
    import zipfile

    stamp = f"{date:%Y-%m-%d}T00:00:00Z".encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename.endswith(".xlsx"):
                blob = _fixed_zip_dates(blob, date)
            elif info.filename.endswith("core.xml"):
                blob = _W3C_DATE.sub(lambda m: m.group(1) + stamp + m.group(2), blob)
            member = zipfile.ZipInfo(info.filename, date_time=(date.year, date.month, date.day, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, blob)
    return out.getvalue()
