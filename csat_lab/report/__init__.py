"""Reports people can hand on: Excel workbooks, PowerPoint decks, self-contained HTML and PDF.

An analysis ends as a deck, a workbook or a PDF for managers, not as a result
object in a notebook. :class:`Report` collects csat_lab results, tables,
matplotlib figures and text, one section each, and writes them in the
report's language:

- :meth:`Report.to_excel`: a contents sheet, then one sheet per section
  (estimate, CI, n, method, dropped rows and why, the result's tables),
  numbers as numbers, formula-safe text;
- :meth:`Report.to_pptx`: a 16:9 deck, one headline per slide, native
  editable charts for common results (NPS, CSAT, group comparisons,
  cohorts, survival, RFM, drivers, Pareto), pictures otherwise, Chinese in
  a CJK font;
- :meth:`Report.to_html`: one self-contained file (inline SVG and CSS);
- :meth:`Report.to_pdf`: that page printed by Debian's Chromium.

The office libraries (python-pptx, XlsxWriter) are imported only when a file
is written; they come with the ``[report]`` extra.

Examples
--------
>>> import tempfile
>>> import csat_lab as cl
>>> from csat_lab.report import Report
>>> rep = Report("Guest survey 2026", language="zh-CN")
>>> rep = rep.add(cl.metrics.nps([10, 10, 9, 8, 7, 6, 2, 9, 10, 5]))
>>> with tempfile.TemporaryDirectory() as tmp:
...     sorted(p.name for p in rep.save(tmp, formats=("xlsx", "pptx", "html")).values())
['report.html', 'report.pptx', 'report.xlsx']
"""

from __future__ import annotations

from ._report import Report

__all__ = ["Report"]
