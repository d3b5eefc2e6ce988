"""The self-contained HTML page of a report (internal): inline CSS and SVG, no script, everything escaped."""

from __future__ import annotations

import html
from typing import Any

import pandas as pd

from ..i18n import label
from ._charts import result_figure, svg_text
from ._content import SectionView, rows_note

#: CJK fonts on Windows, macOS and Linux (Debian's fonts-wqy-microhei), then the generic family.
FONT_STACK = ('"Segoe UI", "Helvetica Neue", Arial, "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", '
              '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif')

_CSS = """
:root { color-scheme: light; }
body { font-family: %(font)s; color: #1d2330; margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.45; }
header.cover { border-bottom: 3px solid #2f6f9f; margin-bottom: 1.5rem; padding-bottom: .75rem; }
header.cover h1 { margin: 0 0 .3rem 0; font-size: 2rem; }
header.cover p { margin: .1rem 0; color: #4a5568; }
section.part { margin: 0 0 2.5rem 0; }
section.part h2 { font-size: 1.35rem; margin: 0 0 .4rem 0; color: #2f6f9f; }
p.headline { font-size: 1.15rem; font-weight: 600; margin: .2rem 0 .8rem 0; }
p.note { color: #4a5568; font-size: .9rem; }
figure.chart { margin: .5rem 0 1rem 0; }
figure.chart svg { max-width: 100%%; height: auto; display: block; }
table { border-collapse: collapse; margin: .4rem 0 1rem 0; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid #d5dbe3; padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
thead th { border-bottom: 2px solid #8a96a8; }
footer { color: #6b7280; font-size: .8rem; border-top: 1px solid #d5dbe3; padding-top: .5rem; }
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
@media print {
  body { max-width: none; padding: 0; }
  section.part { break-before: page; page-break-before: always; }
  figure.chart, table { break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg { max-height: 150mm; }
  table { font-size: 7.5pt; }
  th, td { padding: .15rem .35rem; }
}
"""


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _table(frame: pd.DataFrame, caption: str | None = None, *, header: bool = True) -> str:
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{_e(caption)}</caption>")
    if header:
        parts.append("<thead><tr>" + "".join(f"<th>{_e(c)}</th>" for c in frame.columns) + "</tr></thead>")
    parts.append("<tbody>")
    for values in frame.itertuples(index=False, name=None):
        cells = []
        for i, value in enumerate(values):
            text = str(value)
            numeric = text[:1].isdigit() or (text[:1] in "-+<(" and text[1:2].isdigit())
            tag = "th" if (not header and i == 0) else "td"
            cells.append(f"<{tag}{' class=num' if numeric and tag == 'td' else ''}>{_e(text)}</{tag}>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _section(view: SectionView, number: int) -> str:
    import matplotlib.pyplot as plt

    out = [f'<section class="part" id="section-{number}">', f"<h2>{_e(view.title)}</h2>"]
    if view.headline and view.headline != view.title:
        out.append(f'<p class="headline">{_e(view.headline)}</p>')
    fig = result_figure(view)
    if fig is not None:
        svg = svg_text(fig, f"section-{number}")
        out.append(f'<figure class="chart" role="img" aria-label="{_e(view.title)}">{svg}</figure>')
        if view.kind != "figure":
            plt.close(fig)
    if view.summary is not None:
        out.append(_table(view.summary, label("report.fact.summary"), header=False))
    for table in view.tables:
        out.append(_table(table.shown, table.caption if table.caption != view.title else None))
        if len(table.raw) > len(table.shown):
            out.append(f'<p class="note">{_e(rows_note(len(table.shown), len(table.raw)))}</p>')
    out.extend(f"<p>{_e(p)}</p>" for p in view.paragraphs)
    if view.note:
        out.append(f'<p class="note">{_e(label("report.note_line", note=view.note))}</p>')
    out.append("</section>")
    return "\n".join(out)


def render_html(report: Any, views: list[SectionView]) -> str:
    """The whole page as text (call with the report's language current)."""
    cover = [f"<h1>{_e(report.title)}</h1>"]
    if report.subtitle:
        cover.append(f"<p>{_e(report.subtitle)}</p>")
    if report.author:
        cover.append(f"<p>{_e(label('report.author_line', author=report.author))}</p>")
    cover.append(f"<p>{_e(report._generated())}</p>")
    contents = "".join(f'<li><a href="#section-{i}">{_e(v.title)}</a></li>' for i, v in enumerate(views, start=1))
    body = "\n".join(_section(v, i) for i, v in enumerate(views, start=1))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_e(report.language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:\">\n"
        f"<title>{_e(report.title)}</title>\n<style>{_CSS % {'font': FONT_STACK}}</style>\n</head>\n<body>\n"
        f'<header class="cover">{"".join(cover)}</header>\n'
        f"<nav><h2>{_e(label('report.contents'))}</h2><ol>{contents}</ol></nav>\n"
        f"{body}\n<footer>{_e(report._generated())}</footer>\n</body>\n</html>\n"
    )
