"""The :class:`Report`: sections collected in order, written to Excel, PowerPoint, HTML and PDF (internal)."""

from __future__ import annotations

import contextlib
import datetime as _dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import CsatInputError
from ..i18n import Message, get_language, label, resolve_language, set_language
from ._content import Section, SectionView, build_view, item_kind

FORMATS = ("xlsx", "pptx", "html", "pdf")


@contextlib.contextmanager
def in_language(language: str) -> Iterator[None]:
    """Run a block with ``language`` as the current language, then restore the previous one."""
    previous = get_language()
    if previous == language:
        yield
        return
    set_language(language)
    try:
        yield
    finally:
        set_language(previous)


def _text_arg(value: Any, name: str, *, optional: bool = True) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise CsatInputError(Message("report.error.text", name=name, got=type(value).__name__))
    if not value.strip():
        raise CsatInputError(Message("report.error.empty_text", name=name))
    return value


def file_path(path: Any, name: str = "path") -> Path:
    """``path`` as a Path whose folder exists (else :class:`CsatInputError` naming the argument)."""
    if isinstance(path, bool) or not isinstance(path, (str, os.PathLike)) or not str(path).strip():
        raise CsatInputError(Message("report.error.path", name=name, got=type(path).__name__ if not isinstance(path, str)
                                     else repr(path)))
    out = Path(path).expanduser()
    if out.is_dir():
        raise CsatInputError(Message("report.error.is_folder", name=name, path=str(out)))
    if not out.parent.is_dir():
        raise CsatInputError(Message("report.error.folder_missing", name=name, folder=str(out.parent)))
    return out


def date_text(date: _dt.date) -> str:
    """A date as written in the current language ("30 November 2026", "2026年11月30日")."""
    return label("report.date", day=date.day, month=date.month, year=date.year,
                 month_name=label(f"report.month.{date.month}"))


class Report:
    """A report to hand on: results, tables, charts and text, written as Excel, PowerPoint, HTML and PDF.

    Add sections in the order they should appear with :meth:`add`; every
    section becomes one worksheet, one slide and one part of the HTML/PDF
    page. Everything the report writes (sheet headers, slide furniture,
    result tables, chart labels, dates) is in the report's ``language``,
    whatever the current language is when it is written.

    Parameters
    ----------
    title : str
        The report title (first slide, first sheet, page heading).
    language : str, optional
        ``"en"`` or ``"zh-CN"`` (or a common spelling); default the current language
        when the report is created.
    subtitle : str, optional
        A line under the title (a study name, a period).
    author : str, optional
        Who wrote the report; shown on the title slide and in the file properties.
    date : datetime.date, optional
        The date printed on the report; default today. Fix it for files that
        should be the same byte for byte on every run.

    Attributes
    ----------
    title, language, subtitle, author, date
        As given (``language`` resolved to ``"en"`` or ``"zh-CN"``).
    sections : list
        The sections added so far (a copy; add with :meth:`add`).

    Notes
    -----
    One section, one message: a slide carries one headline sentence (given as
    ``headline=`` or built from the result, e.g. "NPS is 23 (95% CI 15 to 31),
    n = 420"), the result's chart and its key figures. Charts of common
    results are native, editable PowerPoint charts; spreadsheets store numbers
    as numbers with number formats and neutralise text that a spreadsheet
    would run as a formula.

    References
    ----------
    Minto, B. (2009). *The Pyramid Principle: Logic in Writing and Thinking* (3rd ed.).
    Harlow: Pearson Education. (One governing message per page, stated first.)

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import csat_lab as cl
    >>> from csat_lab.report import Report
    >>> rep = Report("Guest survey", language="en")
    >>> rep = rep.add(cl.metrics.nps([10, 9, 9, 8, 7, 6, 3, 10]), headline="NPS is positive")
    >>> len(rep.sections), rep.sections[0].headline
    (1, 'NPS is positive')
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     sorted(rep.save(tmp, formats=("xlsx", "html")))
    ['html', 'xlsx']
    """

    def __init__(self, title: str, *, language: str | None = None, subtitle: str | None = None,
                 author: str | None = None, date: _dt.date | None = None) -> None:
        self.title = _text_arg(title, "title", optional=False)
        self.language = resolve_language(language)
        self.subtitle = _text_arg(subtitle, "subtitle")
        self.author = _text_arg(author, "author")
        if date is not None and not isinstance(date, _dt.date):
            raise CsatInputError(Message("report.error.date", got=type(date).__name__))
        self.date = date if date is not None else _dt.date.today()
        if isinstance(self.date, _dt.datetime):
            self.date = self.date.date()
        self._sections: list[Section] = []

    def __repr__(self) -> str:
        return f"Report({self.title!r}, language={self.language!r}, sections={len(self._sections)})"

    @property
    def sections(self) -> list[Section]:
        """The sections in order (a copy: changing the list does not change the report)."""
        return list(self._sections)

    def add(self, item: Any, *, title: str | None = None, headline: str | None = None,
            note: str | None = None) -> Report:
        """Add a section: a result, a table, a matplotlib figure or a text.

        Parameters
        ----------
        item : Result, pandas.DataFrame, matplotlib.figure.Figure or str
            A csat_lab result (its chart, key figures and table), a table, a
            finished figure, or a text (paragraphs split at blank lines).
        title : str, optional
            Section title; default the result's title ("Net Promoter Score")
            or "Table 2", "Figure 3", "Notes 4".
        headline : str, optional
            The one message of the slide; default a sentence built from the
            result ("NPS is 23 (95% CI 15 to 31), n = 420"), else the title.
        note : str, optional
            A line under the section (a source, a caveat).

        Returns
        -------
        Report
            The report itself, so calls chain.

        Examples
        --------
        >>> import pandas as pd
        >>> from csat_lab.report import Report
        >>> rep = Report("Demo", language="en").add(pd.DataFrame({"a": [1, 2]}), title="Counts").add("Two lines.")
        >>> [s.kind for s in rep.sections]
        ['table', 'text']
        """
        if item_kind(item) is None:
            raise CsatInputError(Message("report.error.item", got=type(item).__name__))
        if isinstance(item, str):
            _text_arg(item, "item", optional=False)
        if getattr(item, "empty", False) is True:  # a table without rows or columns has nothing to show
            raise CsatInputError(Message("report.error.empty_table"))
        self._sections.append(Section(item, _text_arg(title, "title"), _text_arg(headline, "headline"),
                                      _text_arg(note, "note")))
        return self

    def add_text(self, text: str, *, title: str | None = None) -> Report:
        """Add a text section; paragraphs are separated by blank lines.

        Parameters
        ----------
        text : str
            The text.
        title : str, optional
            Section title (default "Notes 2" in the report's language).

        Returns
        -------
        Report
            The report itself.

        Examples
        --------
        >>> from csat_lab.report import Report
        >>> Report("Demo").add_text("First.\\n\\nSecond.").sections[0].kind
        'text'
        """
        if not isinstance(text, str):
            raise CsatInputError(Message("report.error.text", name="text", got=type(text).__name__))
        return self.add(text, title=title)

    # --- shared by the writers --------------------------------------------------------------

    def _views(self) -> list[SectionView]:
        """Every section as a view in the report's language (call inside :func:`in_language`)."""
        if not self._sections:
            raise CsatInputError(Message("report.error.empty"))
        return [build_view(section, i) for i, section in enumerate(self._sections, start=1)]

    def _generated(self) -> str:
        return label("report.generated_by", date=date_text(self.date))

    # --- writers ----------------------------------------------------------------------------

    def to_excel(self, path: str | os.PathLike) -> Path:
        """Write the report as an Excel workbook: a contents sheet, then one sheet per section.

        Each result sheet starts with its key figures (estimate, CI low and high,
        n, method, dropped rows and what was removed), then the result's summary
        and tables. Numbers are stored as numbers with number formats (shares as
        percent); text that would start a formula is prefixed with ``'``.

        Parameters
        ----------
        path : str or pathlib.Path
            The ``.xlsx`` file to write; its folder must exist.

        Returns
        -------
        pathlib.Path
            The file written.

        Notes
        -----
        Written with XlsxWriter (write-only; formula, URL and number
        conversion of strings switched off).

        References
        ----------
        ECMA International (2016). *ECMA-376, Office Open XML File Formats* (5th ed.).
        OWASP Foundation, "CSV Injection" (formula injection) community page.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from csat_lab.report import Report
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Report("Demo").add("=1+1 stays text").to_excel(pathlib.Path(tmp) / "r.xlsx").name
        'r.xlsx'
        """
        out = file_path(path)
        from ._excel import write_excel

        with in_language(self.language):
            write_excel(self, self._views(), out)
        return out

    def to_pptx(self, path: str | os.PathLike) -> Path:
        """Write the report as a 16:9 PowerPoint deck: a title slide, then one slide per section.

        Each slide has one headline, the section's chart (native and editable
        for common results, else the result's own plot as a 2x picture) and
        its key figures as a small native table. Every text run carries an
        East Asian font, so Chinese shows in a CJK font on Windows and macOS.

        Parameters
        ----------
        path : str or pathlib.Path
            The ``.pptx`` file to write; its folder must exist.

        Returns
        -------
        pathlib.Path
            The file written.

        Notes
        -----
        Written with python-pptx; the East Asian typeface (``a:ea``) is set
        in the XML of every run and of the chart text.

        References
        ----------
        ECMA International (2016). *ECMA-376, Office Open XML File Formats* (5th ed.), Part 1
        (DrawingML text run properties: ``latin`` and ``ea`` typefaces).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from csat_lab.report import Report
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Report("Demo").add("Hello.").to_pptx(pathlib.Path(tmp) / "r.pptx").suffix
        '.pptx'
        """
        out = file_path(path)
        from ._pptx import write_pptx

        with in_language(self.language):
            write_pptx(self, self._views(), out)
        return out

    def to_html(self, path: str | os.PathLike) -> Path:
        """Write the report as one self-contained HTML file (inline SVG charts and CSS, no scripts).

        Parameters
        ----------
        path : str or pathlib.Path
            The ``.html`` file to write; its folder must exist.

        Returns
        -------
        pathlib.Path
            The file written.

        Notes
        -----
        Nothing is fetched from elsewhere: charts are inline SVG, the style
        sheet is inline, fonts are the reader's own; all text is escaped. The
        print style sheet sets A4 pages and starts each section on a new page.

        References
        ----------
        WHATWG. *HTML Living Standard* (html.spec.whatwg.org).
        W3C (2018). *CSS Paged Media Module Level 3*, Working Draft (``@page`` size, page breaks).

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from csat_lab.report import Report
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = Report("Demo", language="zh-CN").add("<b>不是标签</b>").to_html(pathlib.Path(tmp) / "r.html")
        ...     text = p.read_text(encoding="utf-8")
        >>> '<html lang="zh-CN">' in text, "&lt;b&gt;不是标签" in text
        (True, True)
        """
        out = file_path(path)
        out.write_text(self._html(), encoding="utf-8")
        return out

    def _html(self) -> str:
        from ._html import render_html

        with in_language(self.language):
            return render_html(self, self._views())

    def to_pdf(self, path: str | os.PathLike) -> Path:
        """Print the report's HTML to PDF with Debian's Chromium (A4, CJK font embedded).

        Parameters
        ----------
        path : str or pathlib.Path
            The ``.pdf`` file to write; its folder must exist.

        Returns
        -------
        pathlib.Path
            The file written.

        Notes
        -----
        Chromium (``/usr/bin/chromium``, driven by Playwright) loads the HTML
        with every request other than ``file:``, ``data:``, ``blob:`` and
        ``about:`` aborted; the PDF's creation and modification dates are
        set to the report date, so the same report gives the same bytes.

        References
        ----------
        ISO (2008). *ISO 32000-1:2008, Document management - Portable document format - Part 1: PDF 1.7*.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> from csat_lab.report import Report
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     Report("Demo").add("Hello.").to_pdf(pathlib.Path(tmp) / "r.pdf").read_bytes()[:5]
        b'%PDF-'
        """
        out = file_path(path)
        from ._pdf import print_pdfs

        print_pdfs([(self._html(), out)], self.date)
        return out

    def save(self, folder: str | os.PathLike, stem: str = "report",
             formats: tuple[str, ...] | list[str] = FORMATS) -> dict[str, Path]:
        """Write the report in several formats at once: ``folder/stem.xlsx``, ``.pptx``, ``.html``, ``.pdf``.

        Parameters
        ----------
        folder : str or pathlib.Path
            Where to write (created when missing).
        stem : str, default "report"
            File name without extension.
        formats : sequence of str, default all four
            Some of ``"xlsx"``, ``"pptx"``, ``"html"``, ``"pdf"``.

        Returns
        -------
        dict
            Format -> path written.

        Notes
        -----
        The HTML and the PDF share one rendering of the page.

        References
        ----------
        ECMA International (2016). *ECMA-376, Office Open XML File Formats* (5th ed.).

        Examples
        --------
        >>> import tempfile
        >>> from csat_lab.report import Report
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     [p.name for p in Report("Demo").add("Hi.").save(tmp, stem="q3", formats=["html"]).values()]
        ['q3.html']
        """
        if isinstance(formats, str) or not isinstance(formats, (tuple, list)) or not formats \
                or any(f not in FORMATS for f in formats):
            raise CsatInputError(Message("report.error.formats", allowed=", ".join(FORMATS), got=repr(formats)))
        if isinstance(folder, bool) or not isinstance(folder, (str, os.PathLike)) or not str(folder).strip():
            raise CsatInputError(Message("report.error.path", name="folder", got=type(folder).__name__))
        _text_arg(stem, "stem", optional=False)
        base = Path(folder).expanduser()
        if base.exists() and not base.is_dir():
            raise CsatInputError(Message("report.error.path", name="folder", got=repr(str(base))))
        base.mkdir(parents=True, exist_ok=True)
        if not self._sections:  # fail before any file is written
            raise CsatInputError(Message("report.error.empty"))
        written: dict[str, Path] = {}
        page = None
        for fmt in formats:
            target = file_path(base / f"{stem}.{fmt}", "stem")
            if fmt == "xlsx":
                written[fmt] = self.to_excel(target)
            elif fmt == "pptx":
                written[fmt] = self.to_pptx(target)
            elif fmt in ("html", "pdf"):
                page = page if page is not None else self._html()
                if fmt == "html":
                    target.write_text(page, encoding="utf-8")
                else:
                    from ._pdf import print_pdfs

                    print_pdfs([(page, target)], self.date)
                written[fmt] = target
        return written
