"""Build the trainer kit from the stored notebooks: slides, printable handouts, offline HTML.

Usage::

    python tools/build_kit.py slides            # build/slides/{en,zh-CN}/NN_*.slides.html
    python tools/build_kit.py handouts          # build/handouts/{en,zh-CN}/NN_*.pdf and NN_*.trainer.pdf
    python tools/build_kit.py html              # build/html/{en,zh-CN}/NN_*.html
    python tools/build_kit.py all --notebooks 01 --languages zh-CN --out /tmp/kit

Everything is made from the notebooks' stored outputs (nothing is executed) in
both languages: the learner editions (``notebooks/``, ``notebooks/zh-CN/``) for
slides, HTML and learner handouts, the trainer editions (``trainer/``) for the
trainer handouts. Nothing is fetched from the internet, at build time or when
a page is opened:

- reveal.js 4 (the major version nbconvert's slides template is written for)
  and MathJax 3 come from ``tools/web/node_modules`` (``npm ci`` of the
  committed lock file, run by ``make setup``). Decks load them from an
  ``assets/`` folder copied next to them; each HTML page carries MathJax
  inline, so one file is the whole page; handouts are printed from a
  temporary page that loads MathJax from ``tools/web``.
- Explorer cells (``cl.widgets.*_explorer()``) keep no output in the saved
  notebooks. The kit shows each as a static snapshot of its starting state
  (the explorer's own title, headline and chart, computed here by the
  explorer's model, plus its starting control values) and a note, in the
  page's language, to switch to the live notebook.
- Handouts are printed by Debian's Chromium (``/usr/bin/chromium``) through
  Playwright: A4, a cover, every ``##`` section on a new page, PDF bookmarks
  per heading, an answer box after every exercise (learner) or the solution
  and the check (trainer). Chromium embeds the fonts it used, the CJK font
  included (``make fonts`` installs fonts-wqy-microhei).

Slides: the title and every ``##`` heading start a slide (``###`` a sub-slide);
a section that would not fit continues on sub-slides (down arrow), and every
exercise and explorer starts one (the cut is estimated from the length of the
text, the rows of tables and the height of charts). A cell tag ``slide``, ``subslide``, ``fragment``,
``skip`` or ``notes`` (or jupytext's ``slideshow`` metadata) overrides this for
a cell. Code is not shown on slides; outputs are.

The same inputs give byte-identical files (PDF dates are fixed).
"""

from __future__ import annotations

import argparse
import ast
import copy
import html
import math
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WEB = ROOT / "tools" / "web" / "node_modules"
TEMPLATES = ROOT / "tools" / "kit" / "templates"
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
               "--disable-sync", "--no-first-run", "--disable-quic"]

LANGUAGES = ("en", "zh-CN")
PRODUCTS = ("slides", "handouts", "html")
MATHJAX = "mathjax/es5/tex-svg-full.js"
REVEAL_FILES = ["dist/reveal.css", "dist/reveal.js", "dist/theme/white.css", "plugin/notes/notes.js", "LICENSE"]
REVEAL_FONT_DIR = "dist/theme/fonts/source-sans-pro"
SLIDE_TYPES = ("slide", "subslide", "fragment", "skip", "notes")
#: A fixed date written into every PDF, so that a rebuild gives the same bytes.
PDF_DATE = b"D:20260101000000+00'00'"

HEADING = re.compile(r"^(#{1,6})\s+(.+)")
EXERCISE = re.compile(r"^\*\*(Exercise|练习)\s+\d\d\.")
STEM = re.compile(r"^\d\d_.+")

CJK_FONTS = ('"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", '
             '"PingFang SC", "Hiragino Sans GB"')
TEXT_FONTS = f'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, {CJK_FONTS}, sans-serif'
CODE_FONTS = (f'"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", "WenQuanYi Micro Hei Mono", '
              f'{CJK_FONTS}, monospace')


class KitError(RuntimeError):
    """A kit build cannot proceed (missing assets, browser or notebooks); the message says what to do."""


# --- labels ----------------------------------------------------------------------------------------

def text(key: str, language: str, **values: Any) -> str:
    """A kit label (``csat_lab/i18n/labels/kit.json``) in ``language``."""
    from csat_lab.i18n import label

    return label(key, language=language, **values)


# --- finding notebooks and assets -------------------------------------------------------------------

def notebook_path(stem: str, language: str, *, trainer: bool = False) -> Path:
    """The stored notebook ``stem`` in ``language``, learner or trainer edition."""
    folder = NOTEBOOKS if language == "en" else NOTEBOOKS / language
    return (folder / "trainer" if trainer else folder) / f"{stem}.ipynb"


def notebook_stems(selected: Iterable[str] = ()) -> list[str]:
    """The course notebooks (``NN_*``) in order; ``selected`` keeps those whose number or name is given."""
    stems = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb") if STEM.match(p.stem))
    wanted = list(selected)
    if not wanted:
        return stems
    chosen = [s for s in stems if any(s == w or s.startswith(f"{w}_") for w in wanted)]
    missing = [w for w in wanted if not any(s == w or s.startswith(f"{w}_") for s in stems)]
    if missing:
        raise KitError(f"no notebook {', '.join(missing)}; notebooks are: {', '.join(stems)}")
    return chosen


def web_asset(relative: str) -> Path:
    """A file of the npm packages in ``tools/web``; a clear error when ``npm ci`` has not run."""
    path = WEB / relative
    if not path.is_file():
        raise KitError(f"{path} is missing: install the kit's web assets with "
                       "`npm ci --prefix tools/web` (make setup does this when npm is installed)")
    return path


def _copy(src: Path, dst: Path) -> None:
    dst.parent.mkdir(parents=True, exist_ok=True)
    if not dst.exists() or dst.read_bytes() != src.read_bytes():
        shutil.copyfile(src, dst)


def copy_slide_assets(folder: Path) -> None:
    """reveal.js and MathJax into ``folder/assets`` (decks refer to them relatively)."""
    for rel in REVEAL_FILES:
        _copy(web_asset(f"reveal.js/{rel}"), folder / "assets" / "reveal.js" / rel)
    for font in sorted((WEB / "reveal.js" / REVEAL_FONT_DIR).iterdir()):
        if font.suffix in {".css", ".woff", ".ttf"} or font.name == "LICENSE":
            _copy(font, folder / "assets" / "reveal.js" / REVEAL_FONT_DIR / font.name)
    _copy(web_asset(MATHJAX), folder / "assets" / "mathjax" / "tex-svg-full.js")
    _copy(web_asset("mathjax/LICENSE"), folder / "assets" / "mathjax" / "LICENSE")


def inline_script(path: Path) -> str:
    """A script's text made safe to place between ``<script>`` tags."""
    source = path.read_text(encoding="utf-8")
    return source.replace("</script", "<\\/script").replace("<!--", "<\\!--")


# --- cells -------------------------------------------------------------------------------------------

def heading_level(cell: dict) -> int:
    """1 for a markdown cell starting with ``# ``, 2 for ``## ``, ...; 0 otherwise."""
    if cell.get("cell_type") != "markdown":
        return 0
    for line in cell["source"].splitlines():
        if line.strip():
            match = HEADING.match(line)
            return len(match.group(1)) if match else 0
    return 0


def heading_text(cell: dict) -> str:
    for line in cell["source"].splitlines():
        match = HEADING.match(line)
        if match:
            return re.sub(r"[*_`]", "", match.group(2)).strip()
    return ""


def tags(cell: dict) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def add_tag(cell: dict, tag: str) -> None:
    cell.setdefault("metadata", {}).setdefault("tags", [])
    if tag not in cell["metadata"]["tags"]:
        cell["metadata"]["tags"].append(tag)


def is_exercise(cell: dict) -> bool:
    return cell.get("cell_type") == "markdown" and bool(EXERCISE.match(cell["source"].lstrip()))


def split_exercise(cell: dict) -> tuple[dict, dict] | None:
    """A markdown cell whose exercise starts after some prose, cut into (prose, exercise); else None."""
    if cell.get("cell_type") != "markdown" or is_exercise(cell):
        return None
    lines = cell["source"].split("\n")
    for i, line in enumerate(lines):
        if i and EXERCISE.match(line) and not lines[i - 1].strip():
            prose, exercise = copy.deepcopy(cell), copy.deepcopy(cell)
            prose["source"] = "\n".join(lines[:i]).rstrip()
            exercise["source"] = "\n".join(lines[i:])
            exercise["id"] = f"{cell.get('id', 'cell')}-exercise"
            return prose, exercise
    return None


def is_check(cell: dict) -> bool:
    return cell.get("cell_type") == "code" and cell["source"].lstrip().startswith("cl.check(")


def is_solution(cell: dict) -> bool:
    return "solution" in tags(cell)


def hide_input(cell: dict) -> None:
    cell.setdefault("metadata", {})["transient"] = {"remove_source": True}


def html_cell(markup: str, cell_id: str, *, cell_tags: Iterable[str] = ()) -> dict:
    """A code cell with no source whose only output is ``markup`` (a fixed id keeps builds identical)."""
    import nbformat

    cell = nbformat.v4.new_code_cell("", outputs=[
        nbformat.v4.new_output("display_data", data={"text/html": markup, "text/plain": ""})])
    cell["id"] = cell_id
    for tag in cell_tags:
        add_tag(cell, tag)
    hide_input(cell)
    return cell


@dataclass(frozen=True)
class ExplorerCall:
    """A cell that is one call ``cl.widgets.NAME(literal arguments)``."""

    name: str
    args: tuple
    kwargs: tuple


def explorer_call(cell: dict) -> ExplorerCall | None:
    """The explorer a code cell shows, or None."""
    if cell.get("cell_type") != "code" or "widgets." not in cell["source"]:
        return None
    try:
        tree = ast.parse(cell["source"])
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Expr) or not isinstance(tree.body[0].value, ast.Call):
        return None
    call = tree.body[0].value
    func = call.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
            and func.value.attr == "widgets" and isinstance(func.value.value, ast.Name)
            and func.value.value.id in {"cl", "csat_lab"}):
        return None
    try:
        args = tuple(ast.literal_eval(a) for a in call.args)
        kwargs = tuple(sorted((k.arg, ast.literal_eval(k.value)) for k in call.keywords))
    except ValueError:
        return None
    return ExplorerCall(func.attr, args, kwargs)


# --- explorer snapshots --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Snapshot:
    title: str
    headline: str
    image: str          # base64 PNG
    width: int
    height: int
    table: str          # HTML, may be empty
    controls: tuple     # (caption, value) pairs


class Snapshots:
    """Each explorer's starting state, computed once per language by the explorer itself."""

    def __init__(self) -> None:
        self._cache: dict[tuple, Snapshot | None] = {}

    def get(self, call: ExplorerCall, language: str) -> Snapshot | None:
        key = (call, language)
        if key not in self._cache:
            self._cache[key] = self._make(call, language)
        return self._cache[key]

    @staticmethod
    def _make(call: ExplorerCall, language: str) -> Snapshot | None:
        import csat_lab as cl
        from csat_lab.widgets import Explorer

        factory = getattr(cl.widgets, call.name, None)
        if factory is None or not callable(factory):
            return None
        before = cl.get_language()
        cl.set_language(language)
        try:
            explorer = factory(*call.args, **dict(call.kwargs))
            if not isinstance(explorer, Explorer):
                close = getattr(explorer, "close", None)
                if close:
                    close()
                return None
            try:
                image, width, height, table = "", 0, 0, ""
                for bundle in explorer.output.outputs:
                    data = bundle.get("data", {})
                    if "image/png" in data and not image:
                        image = data["image/png"]
                        size = bundle.get("metadata", {}).get("image/png", {})
                        width, height = int(size.get("width", 0)), int(size.get("height", 0))
                    elif "text/html" in data and not table:
                        table = data["text/html"]
                controls = tuple((c.description, _control_value(c, language)) for c in explorer.controls.values())
                headline = explorer.rendered.headline if explorer.rendered else (explorer.error or "")
                title = html.unescape(re.sub(r"<[^>]+>", "", explorer.title.value))
                return Snapshot(title, headline, image, width, height, table, controls)
            finally:
                explorer.close()
        finally:
            cl.set_language(before)


def _control_value(control: Any, language: str) -> str:
    value = control.value
    if hasattr(control, "options") and hasattr(control, "label"):
        chosen = control.label
        if isinstance(chosen, tuple):
            return ("、" if language == "zh-CN" else ", ").join(str(x) for x in chosen) or "–"
        return str(chosen)
    if isinstance(value, bool):
        return text("kit.explorer.yes" if value else "kit.explorer.no", language)
    if isinstance(value, tuple):
        return " – ".join(_number(v) for v in value)
    return _number(value)


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def explorer_markup(snap: Snapshot | None, language: str, *, with_table: bool, stored: bool = False) -> str:
    """The snapshot block: title, headline, chart, starting values, (table), note to go live."""
    note = f'<p class="kit-live-note">{html.escape(text("kit.explorer.note", language))}</p>'
    if snap is None:
        return f'<div class="kit-explorer">{note}</div>'
    parts = ['<div class="kit-explorer">',
             f'<div class="kit-explorer-title">{html.escape(snap.title)}</div>',
             f'<p class="kit-explorer-headline"><b>{html.escape(snap.headline)}</b></p>']
    if snap.image and not stored:
        size = f' width="{snap.width}" height="{snap.height}"' if snap.width else ""
        parts.append(f'<img class="kit-explorer-snapshot" alt="{html.escape(snap.title)}"{size} '
                     f'src="data:image/png;base64,{snap.image}">')
    if snap.controls:
        sep = "；" if language == "zh-CN" else "; "
        colon = "：" if language == "zh-CN" else ": "
        items = sep.join(f"{html.escape(c)} {html.escape(v)}".strip() for c, v in snap.controls)
        parts.append(f'<p class="kit-explorer-controls">{html.escape(text("kit.explorer.start", language))}'
                     f'{colon}{items}</p>')
    if with_table and snap.table:
        parts.append(f'<div class="kit-explorer-table">{snap.table}</div>')
    parts += [note, "</div>"]
    return "\n".join(parts)


# --- preparing a notebook for each product -------------------------------------------------------------

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _clean_outputs(cell: dict) -> None:
    """Drop widget views (they need a live kernel) from stored outputs."""
    if cell.get("cell_type") != "code":
        return
    kept = []
    for out in cell.get("outputs", []):
        data = out.get("data")
        if data is not None and WIDGET_MIME in data:
            data = {k: v for k, v in data.items() if k != WIDGET_MIME and k != "text/plain"}
            if not data:
                continue
            out["data"] = data
        kept.append(out)
    cell["outputs"] = kept


def _has_image(cell: dict) -> bool:
    return any("image/png" in out.get("data", {}) or "image/svg+xml" in out.get("data", {})
               for out in cell.get("outputs", []))


def _snapshot_outputs(cell: dict, call: ExplorerCall, language: str, snapshots: Snapshots,
                      *, with_table: bool) -> None:
    import nbformat

    stored = _has_image(cell)
    snap = snapshots.get(call, language)
    markup = explorer_markup(snap, language, with_table=with_table, stored=stored)
    block = nbformat.v4.new_output("display_data", data={"text/html": markup, "text/plain": ""})
    cell["outputs"] = ([o for o in cell["outputs"] if "image/png" in o.get("data", {})] if stored else []) + [block]
    add_tag(cell, "kit-explorer")


def load(stem: str, language: str, *, trainer: bool = False) -> Any:
    import nbformat

    path = notebook_path(stem, language, trainer=trainer)
    if not path.exists():
        raise KitError(f"{path} is missing; `make notebooks` builds the editions")
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    title = next((heading_text(c) for c in nb.cells if heading_level(c) == 1), stem)
    nb.metadata["title"] = title
    for cell in nb.cells:
        _clean_outputs(cell)
    return nb


def prepare_html(nb: Any, language: str, snapshots: Snapshots) -> Any:
    """The page: every cell, code included; explorers as snapshots."""
    for cell in nb.cells:
        call = explorer_call(cell)
        if call is not None:
            _snapshot_outputs(cell, call, language, snapshots, with_table=True)
    return nb


def _markdown_html(source: str) -> str:
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    return ('<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput">'
            f"{markdown2html_mistune(source)}</div>")


def prepare_handout(nb: Any, language: str, snapshots: Snapshots, *, trainer: bool) -> Any:
    """Prose, outputs and exercises; learner: answer boxes, trainer: solutions and checks.

    In the learner handout an exercise's text, the instructions after it and
    its answer box are one block that is never split across pages.
    """
    from csat_lab.i18n import label

    cells = []
    edition = text("kit.edition.trainer" if trainer else "kit.edition.learner", language)
    cover = [f'<p class="kit-course">{html.escape(label("widgets.app.course_title", language=language))}</p>',
             f'<p class="kit-edition">{html.escape(edition)}</p>']
    if not trainer:
        cover.append(f'<p class="kit-name">{html.escape(text("kit.name_date", language))}</p>')
    cells.append(html_cell('<div class="kit-cover">' + "".join(cover) + "</div>", "kit-cover", cell_tags=["kit-cover"]))
    answer = f'<div class="kit-answer"><span>{html.escape(text("kit.answer", language))}</span></div>'
    sheet: list[dict] = []  # learner: markdown of the exercise being read, waiting for its answer box

    def release() -> None:
        cells.extend(sheet)
        sheet.clear()

    source_cells = []
    for cell in nb.cells:
        source_cells.extend(split_exercise(cell) or [cell])
    for cell in source_cells:
        level = heading_level(cell)
        if level:
            release()
        if level == 2:
            add_tag(cell, "kit-section")
        if cell["cell_type"] != "code":
            if is_solution(cell) and not trainer:
                continue
            if is_exercise(cell):
                release()
                add_tag(cell, "kit-exercise")
                if not trainer:
                    sheet.append(cell)
                    continue
            elif sheet:
                sheet.append(cell)
                continue
            cells.append(cell)
            continue
        call = explorer_call(cell)
        if call is not None:
            release()
            _snapshot_outputs(cell, call, language, snapshots, with_table=False)
            hide_input(cell)
            cells.append(cell)
            continue
        if is_solution(cell):
            if trainer:
                cells.append(cell)
            continue
        if is_check(cell):
            if trainer:
                hide_input(cell)
                cells.append(cell)
            else:
                parts = [_markdown_html(c["source"]) for c in sheet]
                sheet.clear()
                cells.append(html_cell('<div class="kit-sheet">' + "".join(parts) + answer + "</div>",
                                       f"kit-answer-{len(cells)}", cell_tags=["kit-answer"]))
            continue
        if not cell.get("outputs"):
            continue
        release()
        hide_input(cell)
        cells.append(cell)
    release()
    nb.cells = cells
    return nb


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _text_lines(source: str, width: int = 95) -> float:
    lines = 0.0
    for line in source.splitlines():
        if not line.strip():
            lines += 0.5
            continue
        if HEADING.match(line):
            lines += 1.8
            continue
        if line.lstrip().startswith("|"):
            lines += 0 if set(line.strip()) <= set("|-: ") else 1.3
            continue
        if line.lstrip().startswith("!["):
            lines += 10
            continue
        columns = sum(2 if _wide(ch) else 1 for ch in line)
        lines += max(1, math.ceil(columns / width))
    return lines


def _output_lines(cell: dict) -> float:
    lines = 0.0
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        if "image/png" in data:
            height = out.get("metadata", {}).get("image/png", {}).get("height")
            lines += (float(height) / 34) if height else 12
        elif "text/html" in data:
            markup = data["text/html"] if isinstance(data["text/html"], str) else "".join(data["text/html"])
            if "kit-explorer" in markup:
                lines += 18
            else:
                rows = markup.count("<tr")
                lines += 1.3 * rows + 1 if rows else _text_lines(re.sub(r"<[^>]+>", " ", markup))
        elif "text/plain" in data:
            plain = data["text/plain"] if isinstance(data["text/plain"], str) else "".join(data["text/plain"])
            lines += plain.count("\n") + 1
        elif out.get("output_type") == "stream":
            lines += str(out.get("text", "")).count("\n") + 1
    return lines


#: Lines of 24 px text that fit on a 1280 x 760 slide (the heading counts as two).
SLIDE_BUDGET = 19.0


def _markdown_blocks(source: str) -> list[str]:
    """``source`` cut at blank lines, never inside a fenced code block or a ``$$`` formula."""
    blocks, current, fenced, formula = [], [], False, False
    for line in source.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.count("$$") % 2:
            formula = not formula
        if not line.strip() and not fenced and not formula:
            if current:
                blocks.append("\n".join(current))
                current = []
            continue
        current.append(line)
    if current:
        blocks.append("\n".join(current))
    return blocks


def split_long_markdown(cell: dict, budget: float) -> list[dict]:
    """A markdown cell too long for one slide as several cells, cut between paragraphs.

    The parts after the first are tagged ``kit-continued`` and become sub-slides.
    """
    if cell.get("cell_type") != "markdown" or _text_lines(cell["source"]) <= budget or _explicit_slide_type(cell):
        return [cell]
    chunks: list[list[str]] = [[]]
    used = 0.0
    for block in _markdown_blocks(cell["source"]):
        weight = _text_lines(block) + 0.5
        if chunks[-1] and used + weight > budget and not (len(chunks[-1]) == 1 and HEADING.match(chunks[-1][0])):
            chunks.append([])
            used = 0.0
        chunks[-1].append(block)
        used += weight
    if len(chunks) == 1:
        return [cell]
    parts = []
    for index, chunk in enumerate(chunks):
        part = copy.deepcopy(cell)
        part["source"] = "\n\n".join(chunk)
        if index:
            part["id"] = f"{cell.get('id', 'cell')}-part{index}"
            add_tag(part, "kit-continued")
        parts.append(part)
    return parts


def _explicit_slide_type(cell: dict) -> str | None:
    kind = cell.get("metadata", {}).get("slideshow", {}).get("slide_type")
    if kind:
        return kind
    for tag in tags(cell):
        if tag in SLIDE_TYPES:
            return tag
    return None


def prepare_slides(nb: Any, language: str, snapshots: Snapshots) -> Any:
    """Learner notebook as slides: headings cut slides, long sections continue on sub-slides."""
    cells = []
    pieces = [part for cell in nb.cells for part in (split_exercise(cell) or [cell])]
    for cell in [part for piece in pieces for part in split_long_markdown(piece, SLIDE_BUDGET)]:
        if cell["cell_type"] == "code":
            if is_check(cell) or is_solution(cell):
                continue
            call = explorer_call(cell)
            if call is not None:
                _snapshot_outputs(cell, call, language, snapshots, with_table=False)
            if not cell.get("outputs"):
                continue
            hide_input(cell)
        elif cell["cell_type"] == "raw" or is_solution(cell):
            continue
        cells.append(cell)
    used = 0.0
    for index, cell in enumerate(cells):
        level = heading_level(cell)
        weight = _text_lines(cell["source"]) if cell["cell_type"] == "markdown" else _output_lines(cell)
        explicit = _explicit_slide_type(cell)
        if explicit:
            kind = explicit
        elif index == 0 or level in (1, 2):
            kind = "slide"
        elif level >= 3 or is_exercise(cell) or {"kit-explorer", "kit-continued"} & set(tags(cell)):
            kind = "subslide"
        elif used > 0 and used + weight > SLIDE_BUDGET:
            kind = "subslide"
        else:
            kind = "-"
        if kind in ("slide", "subslide"):
            used = weight
        elif kind in ("-", "fragment"):
            used += weight
        cell.setdefault("metadata", {})["slideshow"] = {"slide_type": kind}
    nb.cells = cells
    return nb


# --- styles ---------------------------------------------------------------------------------------------

def base_css(language: str) -> str:
    """Fonts with a CJK fallback (Chinese words appear in the English notebooks too) and snapshot styles."""
    return f"""
:root {{
  --jp-content-font-family: {TEXT_FONTS};
  --jp-ui-font-family: {TEXT_FONTS};
  --jp-code-font-family: {CODE_FONTS};
}}
body {{ font-family: {TEXT_FONTS}; }}
.kit-explorer {{ border: 1px solid #c8d3e0; border-left: 6px solid #2f6db5; border-radius: 4px;
  padding: 0.6em 1em; margin: 0.4em 0; background: #f7f9fc; }}
.kit-explorer-title {{ font-weight: 600; font-size: 1.15em; margin-bottom: 0.3em; }}
.kit-explorer-headline {{ margin: 0.2em 0 0.5em; }}
.kit-explorer-snapshot {{ max-width: 100%; height: auto; display: block; }}
.kit-explorer-controls {{ font-size: 0.9em; color: #333; margin: 0.4em 0; }}
.kit-live-note {{ font-style: italic; color: #7a4b00; background: #fff4df; padding: 0.3em 0.6em;
  border-radius: 3px; margin: 0.4em 0 0; }}
"""


def slides_css(language: str) -> str:
    return base_css(language) + f"""
html .reveal, html .reveal h1, html .reveal h2, html .reveal h3, html .reveal h4, html .reveal p,
html .reveal li, html .reveal td, html .reveal th {{
  font-family: "Source Sans Pro", Helvetica, {CJK_FONTS}, sans-serif; }}
html .reveal .slides {{ text-align: left; }}
html .reveal .slides section {{ height: 100%; overflow-y: auto; overflow-x: hidden; padding: 0 0.5em;
  box-sizing: border-box; }}
html .reveal .slides section.stack {{ overflow: visible; padding: 0; }}
html .reveal section img {{ max-width: 100%; margin: 0.2em 0; }}
/* Charts are drawn at twice the pixels they are shown at: on a projected slide show them half as large again. */
html .reveal .jp-OutputArea-output img, html .reveal img.kit-explorer-snapshot {{ zoom: 1.45; max-width: 68%; }}
:root {{ --jp-content-font-size1: 24px; --jp-ui-font-size1: 24px; --jp-code-font-size: 20px; }}
html .reveal .jp-RenderedHTMLCommon table {{ font-size: 18px; }}
html .reveal h1 {{ font-size: 1.6em; }}
html .reveal h2 {{ font-size: 1.3em; }}
"""


def page_css(language: str) -> str:
    return base_css(language) + """
body { max-width: 1100px; margin: 0 auto; padding: 1em 1.5em; }
"""


def handout_css(language: str, *, trainer: bool) -> str:
    solution = html.escape(text("kit.solution", language))
    return base_css(language) + f"""
@page {{ size: A4; margin: 16mm 15mm 18mm 15mm; }}
body {{ margin: 0; padding: 0; background: white; }}
:root {{ --jp-content-font-size1: 11pt; --jp-code-font-size: 9.5pt; --jp-ui-font-size1: 10pt; }}
.jp-Notebook {{ padding: 0; }}
.jp-Cell {{ padding: 2px 0; }}
.jp-InputPrompt, .jp-OutputPrompt {{ display: none; }}
.jp-OutputArea-output img {{ max-width: 100%; height: auto; }}
.jp-RenderedHTMLCommon table {{ font-size: 9pt; break-inside: avoid; }}
.jp-OutputArea-output, .kit-explorer, img {{ break-inside: avoid; }}
h1, h2, h3 {{ break-after: avoid; }}
.celltag_kit-section {{ break-before: page; }}
/* Plain blocks (no table cells, no clipping) so that Chromium can honour break-inside: avoid. */
.jp-Cell, .jp-Cell-outputWrapper, .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output {{
  display: block !important; overflow: visible !important; }}
.celltag_kit-answer, .kit-sheet {{ break-inside: avoid; }}
.kit-sheet > .jp-RenderedMarkdown:first-child {{ border: 1px solid #999; border-bottom: none;
  border-radius: 2mm 2mm 0 0;
  padding: 1mm 3mm; background: #f4f4f4; }}
.kit-sheet > .jp-RenderedMarkdown + .jp-RenderedMarkdown {{ border: 1px solid #999; border-top: none;
  border-bottom: none;
  padding: 0 3mm 1mm; background: #f4f4f4; }}
.kit-cover {{ margin: 25mm 0 12mm; }}
.kit-course {{ font-size: 13pt; letter-spacing: 0.05em; color: #2f6db5; margin: 0 0 4mm; }}
.kit-edition {{ font-size: 12pt; font-weight: 600; border: 1.5px solid #2f6db5; display: inline-block;
  padding: 1.5mm 4mm; border-radius: 2mm; margin: 0 0 6mm; }}
.kit-name {{ font-size: 11pt; margin: 4mm 0 0; white-space: pre; }}
.celltag_kit-exercise {{ border: 1px solid #999; border-radius: 2mm; padding: 1mm 3mm !important;
  background: #f4f4f4; break-after: avoid; margin: 2mm 0; }}
.celltag_kit-answer .jp-OutputArea-output {{ padding: 0; }}
.kit-answer {{ border: 1px solid #999; border-radius: 0 0 2mm 2mm; min-height: 42mm; padding: 2mm 3mm;
  background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 9.5mm,
    #c4c4c4 9.5mm, #c4c4c4 9.8mm);
  background-origin: content-box; break-inside: avoid; margin-bottom: 4mm; }}
.kit-answer span {{ font-weight: 600; background: white; padding-right: 2mm; }}
.celltag_solution {{ border-left: 4px solid #2e7d32; background: #f1f8f1; padding-left: 3mm !important; }}
.celltag_solution.jp-CodeCell::before, .celltag_solution.jp-MarkdownCell::before {{
  content: "{solution}"; display: block; font-weight: 600; color: #2e7d32; font-size: 9.5pt; }}
"""


def footer_template(title: str, edition: str, language: str) -> str:
    page = html.escape(text("kit.footer.page", language, page="{page}", pages="{pages}"))
    page = (page.replace("{page}", '<span class="pageNumber"></span>')
            .replace("{pages}", '<span class="totalPages"></span>'))
    return (f'<div style="font-size: 8px; width: 100%; padding: 0 15mm; font-family: {html.escape(TEXT_FONTS)}; '
            f'color: #555; display: flex; justify-content: space-between;">'
            f'<span>{html.escape(title)} · {html.escape(edition)}</span><span>{page}</span></div>')


# --- exporters -------------------------------------------------------------------------------------------

class Exporters:
    """nbconvert exporters with the kit's templates, made once per build."""

    def __init__(self) -> None:
        self._made: dict[tuple[str, str], Any] = {}

    def get(self, kind: str, language: str) -> Any:
        key = (kind, language)
        if key not in self._made:
            from jinja2 import FileSystemLoader
            from nbconvert import HTMLExporter, SlidesExporter

            # nbconvert takes ISO 639-1 codes only; export() writes the full tag (zh-CN) into <html lang>.
            common = dict(extra_loaders=[FileSystemLoader(str(TEMPLATES))], language_code=language.split("-")[0])
            if kind == "slides":
                exporter = SlidesExporter(template_file="kit_slides.html.j2", reveal_url_prefix="assets/reveal.js",
                                          reveal_theme="white", reveal_transition="none", reveal_number="c/t",
                                          reveal_width="1280", reveal_height="760", reveal_scroll=True,
                                          exclude_input_prompt=True, exclude_output_prompt=True, **common)
            else:
                hide_prompts = kind == "handout"
                exporter = HTMLExporter(template_name="lab", template_file="kit_page.html.j2", embed_images=True,
                                        exclude_input_prompt=hide_prompts, exclude_output_prompt=hide_prompts,
                                        **common)
            self._made[key] = exporter
        return self._made[key]


def export(exporter: Any, nb: Any, stem: str, kit: dict, language: str) -> str:
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": stem}, "kit": kit})
    short = language.split("-")[0]
    return body.replace(f'<html lang="{short}">', f'<html lang="{language}">', 1)


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8")
    if not path.exists() or path.read_bytes() != data:
        path.write_bytes(data)


def _clear(folder: Path, patterns: Iterable[str]) -> None:
    for pattern in patterns:
        for path in folder.glob(pattern):
            path.unlink()


# --- the three products ------------------------------------------------------------------------------------

def build_slides(out: Path, stems: list[str], languages: Iterable[str], *, snapshots: Snapshots | None = None,
                 exporters: Exporters | None = None, clear: bool = False) -> list[Path]:
    """reveal.js decks ``out/slides/<language>/NN_*.slides.html`` with ``assets/`` beside them."""
    snapshots, exporters = snapshots or Snapshots(), exporters or Exporters()
    written = []
    for language in languages:
        folder = out / "slides" / language
        if clear:
            _clear(folder, ["*.slides.html"])
        copy_slide_assets(folder)
        kit = {"css": slides_css(language), "mathjax_src": "assets/mathjax/tex-svg-full.js"}
        for stem in stems:
            nb = prepare_slides(load(stem, language), language, snapshots)
            path = folder / f"{stem}.slides.html"
            deck = export(exporters.get("slides", language), nb, stem, kit, language)
            # The template titles a deck "<notebook> slides"; say it in the deck's language.
            slides = html.escape(text("kit.edition.slides", language))
            deck = re.sub(r"<title>(.*?) slides</title>", lambda m: f"<title>{m.group(1)} · {slides}</title>", deck,
                          count=1)
            _write(path, deck)
            written.append(path)
    return written


def build_html(out: Path, stems: list[str], languages: Iterable[str], *, snapshots: Snapshots | None = None,
               exporters: Exporters | None = None, clear: bool = False) -> list[Path]:
    """One self-contained page per notebook: ``out/html/<language>/NN_*.html`` (MathJax inline)."""
    snapshots, exporters = snapshots or Snapshots(), exporters or Exporters()
    mathjax = inline_script(web_asset(MATHJAX))
    written = []
    for language in languages:
        folder = out / "html" / language
        if clear:
            _clear(folder, ["*.html"])
        kit = {"css": page_css(language), "mathjax_inline": mathjax}
        for stem in stems:
            nb = prepare_html(load(stem, language), language, snapshots)
            path = folder / f"{stem}.html"
            _write(path, export(exporters.get("html", language), nb, stem, kit, language))
            written.append(path)
    return written


def build_handouts(out: Path, stems: list[str], languages: Iterable[str], *, snapshots: Snapshots | None = None,
                   exporters: Exporters | None = None, clear: bool = False,
                   editions: Iterable[str] = ("learner", "trainer"), documents: bool | None = None) -> list[Path]:
    """PDFs ``out/handouts/<language>/NN_*.pdf`` (learner) and ``NN_*.trainer.pdf``, printed by Chromium.

    With ``documents`` (default: when building every notebook) also the trainer kit's own documents:
    role-play cards, observer checklist, facilitation notes, quizzes and the quiz summary.
    """
    languages = list(languages)
    documents = clear if documents is None else documents
    snapshots, exporters = snapshots or Snapshots(), exporters or Exporters()
    mathjax_src = web_asset(MATHJAX).as_uri()
    jobs = []
    with tempfile.TemporaryDirectory(prefix="csat-kit-") as tmp:
        for language in languages:
            folder = out / "handouts" / language
            if clear:
                _clear(folder, ["*.pdf"])
            for stem in stems:
                for edition in editions:
                    trainer = edition == "trainer"
                    nb = prepare_handout(load(stem, language, trainer=trainer), language, snapshots, trainer=trainer)
                    kit = {"css": handout_css(language, trainer=trainer), "mathjax_src": mathjax_src}
                    page = Path(tmp) / language / f"{stem}.{edition}.html"
                    _write(page, export(exporters.get("handout", language), nb, stem, kit, language))
                    pdf = folder / (f"{stem}.trainer.pdf" if trainer else f"{stem}.pdf")
                    label = text(f"kit.edition.{edition}", language)
                    jobs.append((page, pdf, footer_template(nb.metadata["title"], label, language)))
        if documents:
            jobs += build_documents(out, languages, Path(tmp))
        print_pdfs(jobs)
    return [pdf for _, pdf, _ in jobs]


#: The printed trainer-kit documents beyond the notebooks: (file stem, title key, editions, markdown maker).
#: A maker takes (language, trainer) and returns markdown from csat_lab.course (one source, both languages).
def _documents() -> list[tuple[str, str, tuple[str, ...], Any]]:
    import csat_lab as cl

    course = cl.course

    def quizzes(language: str, trainer: bool) -> str:
        from csat_lab.course.quiz import list_quizzes

        sheets = [course.quiz(stem).to_markdown(language, trainer=trainer) for stem in list_quizzes()]
        return '\n\n<div class="page-break"></div>\n\n'.join(sheets)

    return [
        ("roleplay_cards", "kit.doc.roleplay_cards", ("learner", "trainer"),
         lambda language, trainer: course.roleplay_cards().to_markdown(language, trainer=trainer)),
        ("observer_checklist", "kit.doc.observer_checklist", ("learner", "trainer"),
         lambda language, trainer: course.observer_checklist().to_markdown(language, trainer=trainer)),
        ("facilitation_notes", "kit.doc.facilitation_notes", ("trainer",),
         lambda language, trainer: course.facilitation_notes().to_markdown(language, trainer=trainer)),
        ("quizzes", "kit.doc.quizzes", ("learner", "trainer"), quizzes),
        ("quiz_summary", "kit.doc.quiz_summary", ("trainer",),
         lambda language, trainer: course.quiz_summary(language)),
    ]


def document_page(markdown: str, title: str, language: str, *, trainer: bool) -> str:
    """A printable page of one trainer-kit document: its markdown as HTML with the handout style."""
    edition = text(f"kit.edition.{'trainer' if trainer else 'learner'}", language)
    body = _markdown_html(markdown)
    return (f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{handout_css(language, trainer=trainer)}"
            ".page-break { break-after: page; } .anchor-link { display: none; } table { border-collapse: collapse; } "
            "td, th { border: 1px solid #bbb; padding: 1mm 2mm; vertical-align: top; text-align: left; }</style>"
            f'</head><body><div class="kit-cover"><p class="kit-course">{html.escape(title)}</p>'
            f'<p class="kit-edition">{html.escape(edition)}</p></div>{body}'
            "<script>document.documentElement.dataset.kitTypeset = 'done';</script></body></html>")


def build_documents(out: Path, languages: Iterable[str], tmp: Path) -> list[tuple[Path, Path, str]]:
    """Print jobs for the role-play cards, observer checklist, facilitation notes and quizzes of each language.

    Files: ``out/handouts/<language>/<document>.pdf`` (learner) and ``<document>.trainer.pdf``.
    """
    jobs = []
    for language in languages:
        for stem, title_key, editions, make in _documents():
            title = text(title_key, language)
            for edition in editions:
                trainer = edition == "trainer"
                page = tmp / language / f"{stem}.{edition}.html"
                _write(page, document_page(make(language, trainer), title, language, trainer=trainer))
                pdf = out / "handouts" / language / (f"{stem}.trainer.pdf" if trainer else f"{stem}.pdf")
                jobs.append((page, pdf, footer_template(title, text(f"kit.edition.{edition}", language), language)))
    return jobs


def print_pdfs(jobs: list[tuple[Path, Path, str]]) -> None:
    """Print each page to its PDF with Debian's Chromium; only local files may load."""
    if not jobs:
        return
    if not CHROMIUM.exists():
        raise KitError(f"{CHROMIUM} is missing; `make browser` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    def local_only(route: Any) -> None:
        scheme = route.request.url.split(":", 1)[0]
        if scheme in {"file", "data", "blob", "about"}:
            route.continue_()
        else:
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page()
            page.route("**/*", local_only)
            for source, pdf, footer in jobs:
                page.goto(source.as_uri(), wait_until="load", timeout=120_000)
                page.wait_for_function("document.documentElement.dataset.kitTypeset === 'done'", timeout=120_000)
                page.evaluate("document.fonts.ready.then(() => true)")
                pdf.parent.mkdir(parents=True, exist_ok=True)
                data = page.pdf(format="A4", print_background=True, display_header_footer=True,
                                header_template="<span></span>", footer_template=footer,
                                margin={"top": "16mm", "bottom": "18mm", "left": "15mm", "right": "15mm"},
                                outline=True, tagged=True)
                data = fixed_dates(data)
                if not pdf.exists() or pdf.read_bytes() != data:
                    pdf.write_bytes(data)
        finally:
            browser.close()


def fixed_dates(pdf: bytes) -> bytes:
    """The PDF with its creation and modification dates set to :data:`PDF_DATE` (same length: offsets hold)."""
    return re.sub(rb"D:\d{14}[+\-Z]\d\d'\d\d'", lambda m: PDF_DATE if len(m.group(0)) == len(PDF_DATE) else m.group(0),
                  pdf)


BUILDERS = {"slides": build_slides, "handouts": build_handouts, "html": build_html}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("products", nargs="+", choices=[*PRODUCTS, "all"], help="what to build")
    parser.add_argument("--notebooks", nargs="*", default=[], metavar="NN", help="only these notebooks (e.g. 01 04)")
    parser.add_argument("--languages", nargs="*", default=list(LANGUAGES), choices=LANGUAGES)
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="output folder (default: build/)")
    args = parser.parse_args(argv)
    products = list(PRODUCTS) if "all" in args.products else list(dict.fromkeys(args.products))
    try:
        stems = notebook_stems(args.notebooks)
        snapshots, exporters = Snapshots(), Exporters()
        for product in products:
            start = time.monotonic()
            written = BUILDERS[product](args.out, stems, args.languages, snapshots=snapshots, exporters=exporters,
                                        clear=not args.notebooks)
            folders = sorted({str(p.parent.relative_to(args.out.parent) if args.out.parent in p.parents else p.parent)
                              for p in written})
            print(f"{product}: {len(written)} files in {', '.join(folders)} ({time.monotonic() - start:.1f} s)")
    except KitError as exc:
        print(f"build_kit: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
