"""Build the course notebooks from their single sources.

Each notebook is written once, as a jupytext percent-format script in
``notebooks/src/NN_name.py`` (and ``notebooks/src/explorers.py`` for the
explorer page). This tool turns it into two editions:

- ``notebooks/NN_name.ipynb``: the learner edition, without the cells tagged
  ``solution``;
- ``notebooks/trainer/NN_name.ipynb``: the trainer edition, with every cell
  (the explorer page has the learner edition only: it has no solutions);
- ``notebooks/zh-CN/NN_name.ipynb`` and ``notebooks/zh-CN/trainer/NN_name.ipynb``:
  the same two editions in Simplified Chinese, for a bilingual source.

A source is **bilingual** once it has a markdown cell tagged ``zh-CN``. Then
every prose cell is written twice, next to each other: the English cell, and
right after it its Chinese counterpart tagged ``zh-CN`` (with the same other
tags, e.g. ``solution``), so that a reviewer sees both and drift shows. The
build fails when a prose cell lacks its counterpart. Code is written once: the
Chinese editions differ only in their language line,
``cl.set_language("en")`` becoming ``cl.set_language("zh-CN")``, and every
string the code displays comes from the label catalog.

Both are executed with nbclient on the project's registered kernel
(``csat_lab``, "Python (csat_lab)", which ``make setup`` installs into the
virtual environment, so a user-level ``python3`` kernelspec cannot shadow it),
in the working directory ``notebooks/`` with ``MPLBACKEND=Agg``; they are
cleaned of anything that changes from run to run or machine to machine
(widget state and the views that need it, timing metadata, interpreter
version). Cell ids come from each cell's type and source, so inserting,
removing or editing a cell leaves the other cells' ids unchanged, and a
rebuild of an unchanged source gives an unchanged file. The build fails when
a cell stores an error or writes to stderr: nbval compares stderr too, and
warnings carry local file paths.

Usage::

    python tools/build_notebooks.py                 # every notebook
    python tools/build_notebooks.py 01 04_churn     # by number or name prefix
    python tools/build_notebooks.py --no-execute    # editions without outputs
    python tools/build_notebooks.py --check         # sources and editions in sync?
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
TRAINER = NOTEBOOKS / "trainer"
#: Languages of the editions; the first is the source's default.
LANGUAGES = ("en", "zh-CN")
#: Tag of a Chinese prose cell (the counterpart of the English cell just before it).
ZH_TAG = "zh-CN"
#: The line every notebook's first code cell has; the Chinese editions switch it.
LANGUAGE_LINE = 'cl.set_language("en")'

SOLUTION_TAG = "solution"
#: The kernel `make setup` registers (ipykernel install --sys-prefix --name csat_lab).
KERNEL = "csat_lab"
KERNELSPEC = {"name": KERNEL, "display_name": "Python (csat_lab)", "language": "python"}
#: Sources with a learner edition only.
LEARNER_ONLY = ("explorers",)
#: Output type of a live widget; without the saved widget state it only shows "model not found".
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
#: Cell metadata that carries no teaching meaning and changes between runs.
VOLATILE_CELL_METADATA = ("execution", "collapsed", "scrolled", "ExecuteTime", "lines_to_next_cell")


class BuildError(RuntimeError):
    """A notebook failed to build (error output, stderr, or bad source)."""


def sources(selection: list[str] | None = None) -> list[Path]:
    """Source files, optionally only those whose stem starts with one of ``selection``."""
    found = sorted(SOURCES.glob("[0-9][0-9]_*.py")) + sorted(SOURCES.glob("explorers.py"))
    if not selection:
        return found
    chosen = [p for p in found if any(p.stem == s or p.stem.startswith(s) for s in selection)]
    unknown = [s for s in selection if not any(p.stem == s or p.stem.startswith(s) for p in found)]
    if unknown:
        names = ", ".join(p.stem for p in found)
        raise BuildError(f"no notebook source matches {unknown}; sources are: {names}")
    return chosen


def tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def read_source(path: Path) -> nbformat.NotebookNode:
    nb = jupytext.read(path, fmt="py:percent")
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
    return nb


def bilingual(nb: nbformat.NotebookNode) -> bool:
    """Whether a source has Chinese prose cells (and so must pair every prose cell)."""
    return any(cell.cell_type == "markdown" and ZH_TAG in tags(cell) for cell in nb.cells)


def pairing_problems(nb: nbformat.NotebookNode) -> list[str]:
    """Prose cells of a bilingual source without their counterpart, or counterparts without an original."""
    found = []
    cells = nb.cells
    for i, cell in enumerate(cells):
        if cell.cell_type != "markdown":
            continue
        first = cell.source.strip().splitlines()[0][:60] if cell.source.strip() else "(empty)"
        if ZH_TAG in tags(cell):
            before = cells[i - 1] if i else None
            if before is None or before.cell_type != "markdown" or ZH_TAG in tags(before):
                found.append(f"cell {i} ({first!r}) is tagged {ZH_TAG} but follows no English prose cell")
            elif set(tags(before)) != set(tags(cell)) - {ZH_TAG}:
                found.append(f"cell {i} ({first!r}) has tags {tags(cell)}, its English cell {tags(before)}")
            elif not cell.source.strip():
                found.append(f"cell {i}: the Chinese counterpart of the cell above is empty")
        else:
            after = cells[i + 1] if i + 1 < len(cells) else None
            if after is None or after.cell_type != "markdown" or ZH_TAG not in tags(after):
                found.append(f"cell {i} ({first!r}) has no Chinese counterpart (a markdown cell tagged {ZH_TAG} "
                             "right after it)")
    return found


def _language_cells(nb: nbformat.NotebookNode, language: str) -> list:
    """The cells of one language: English drops the zh-CN cells; Chinese keeps them instead of their originals."""
    if not bilingual(nb):
        if language != LANGUAGES[0]:
            raise BuildError("this source has no Chinese cells")
        return list(nb.cells)
    chosen = []
    for i, cell in enumerate(nb.cells):
        is_zh = cell.cell_type == "markdown" and ZH_TAG in tags(cell)
        if language == LANGUAGES[0]:
            if not is_zh:
                chosen.append(cell)
            continue
        has_counterpart = (cell.cell_type == "markdown" and not is_zh and i + 1 < len(nb.cells)
                           and ZH_TAG in tags(nb.cells[i + 1]))
        if has_counterpart:
            continue
        if is_zh:
            cell = nbformat.from_dict(dict(cell))
            cell.metadata = dict(cell.metadata)
            rest = [t for t in tags(cell) if t != ZH_TAG]
            if rest:
                cell.metadata["tags"] = rest
            else:
                cell.metadata.pop("tags", None)
        elif cell.cell_type == "code" and LANGUAGE_LINE in cell.source:
            cell = nbformat.from_dict(dict(cell))
            cell.source = cell.source.replace(LANGUAGE_LINE, f'cl.set_language("{language}")')
        chosen.append(cell)
    return chosen


def edition(nb: nbformat.NotebookNode, stem: str, *, trainer: bool, language: str = "en") -> nbformat.NotebookNode:
    """The learner (no solution cells) or trainer (all cells) edition of a source, in one language."""
    if bilingual(nb):
        problems = pairing_problems(nb)
        if problems:
            raise BuildError(f"src/{stem}.py:\n  " + "\n  ".join(problems))
    out = nbformat.v4.new_notebook()
    out.metadata = {
        "kernelspec": dict(KERNELSPEC),
        "language_info": {"name": "python"},
        "csat_lab": {"edition": "trainer" if trainer else "learner", "language": language,
                     "source": f"src/{stem}.py"},
    }
    seen: dict[str, int] = {}
    for cell in _language_cells(nb, language):
        # Stable ids: from the cell's type and source (numbered when two cells are identical),
        # so they do not move when a cell is inserted or removed elsewhere.
        digest = hashlib.sha1(f"{stem}:{cell.cell_type}:{cell.source}".encode()).hexdigest()[:12]
        seen[digest] = seen.get(digest, 0) + 1
        cell_id = digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"
        if not trainer and SOLUTION_TAG in tags(cell):
            continue
        if cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(cell.source)
        elif cell.cell_type == "raw":
            new = nbformat.v4.new_raw_cell(cell.source)
        else:
            new = nbformat.v4.new_code_cell(cell.source)
        new.metadata = {k: v for k, v in cell.metadata.items() if k not in VOLATILE_CELL_METADATA}
        new.id = cell_id
        out.cells.append(new)
    return out


def _problems(nb: nbformat.NotebookNode) -> list[str]:
    found = []
    for number, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        first = cell.source.splitlines()[0] if cell.source else ""
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found.append(f"cell {number} ({first!r}): {output.ename}: {output.evalue}")
            elif output.output_type == "stream" and output.name == "stderr":
                found.append(f"cell {number} ({first!r}) wrote to stderr: {output.text[:300]!r}")
    return found


def clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop widget state, widget views and run-dependent metadata after execution.

    A widget view refers to its state by a random model id; with the state
    stripped the view cannot be drawn, and the id would change the file on
    every build. The widget appears when the learner runs the cell.
    """
    nb.metadata.pop("widgets", None)
    nb.metadata["kernelspec"] = dict(KERNELSPEC)
    nb.metadata["language_info"] = {"name": "python"}
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if WIDGET_VIEW not in o.get("data", {})]
    return nb


def execute(nb: nbformat.NotebookNode, name: str, timeout: int = 600) -> nbformat.NotebookNode:
    from nbclient import NotebookClient

    os.environ["MPLBACKEND"] = "Agg"
    os.environ.setdefault("PYTHONHASHSEED", "0")
    client = NotebookClient(
        nb,
        kernel_name=KERNEL,
        timeout=timeout,
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    problems = _problems(nb)
    if problems:
        raise BuildError(f"{name}:\n  " + "\n  ".join(problems))
    return clean(nb)


def targets(stem: str, source: nbformat.NotebookNode | None = None) -> list[tuple[bool, str, Path]]:
    """(trainer?, language, path) of each edition built from source ``stem``."""
    languages = LANGUAGES if source is not None and bilingual(source) else LANGUAGES[:1]
    editions = []
    for language in languages:
        folder = NOTEBOOKS if language == LANGUAGES[0] else NOTEBOOKS / language
        editions.append((False, language, folder / f"{stem}.ipynb"))
        if stem not in LEARNER_ONLY:
            editions.append((True, language, folder / "trainer" / f"{stem}.ipynb"))
    return editions


def build(path: Path, *, run: bool = True) -> dict[str, float]:
    """Write the editions of one source; returns seconds taken per edition."""
    stem = path.stem
    source = read_source(path)
    timings = {"learner": 0.0, "trainer": 0.0}
    for trainer, language, target in targets(stem, source):
        nb = edition(source, stem, trainer=trainer, language=language)
        start = time.perf_counter()
        if run:
            nb = execute(nb, f"{language}/{'trainer' if trainer else 'learner'}/{stem}")
        key = ("trainer" if trainer else "learner") + ("" if language == LANGUAGES[0] else f" {language}")
        timings[key] = time.perf_counter() - start
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.validate(nb)
        with target.open("w", encoding="utf-8") as handle:
            nbformat.write(nb, handle)
    return timings


def out_of_sync(path: Path) -> list[str]:
    """Differences between a source and its built editions (cell types, sources, tags, ids)."""
    stem = path.stem
    source = read_source(path)
    issues = []
    for trainer, language, target in targets(stem, source):
        if not target.exists():
            issues.append(f"{target.relative_to(ROOT)} is missing")
            continue
        expected = edition(source, stem, trainer=trainer, language=language)
        built = nbformat.read(target, as_version=4)
        want = [(c.cell_type, c.source, tags(c), c.id) for c in expected.cells]
        have = [(c.cell_type, c.source, tags(c), c.get("id")) for c in built.cells]
        if want != have:
            first = next((i for i, (a, b) in enumerate(zip(want, have)) if a != b), min(len(want), len(have)))
            issues.append(f"{target.relative_to(ROOT)} differs from src/{stem}.py from cell {first}; run `make notebooks`")
    return issues


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="notebook numbers or names (default: all)")
    parser.add_argument("--no-execute", action="store_true", help="write editions without running them")
    parser.add_argument("--check", action="store_true", help="only report editions out of sync with sources")
    args = parser.parse_args(argv)
    try:
        paths = sources(args.names)
        if args.check:
            issues = [issue for p in paths for issue in out_of_sync(p)]
            print("\n".join(issues) if issues else f"{len(paths)} notebooks in sync")
            return 1 if issues else 0
        total = 0.0
        for path in paths:
            timings = build(path, run=not args.no_execute)
            total += timings["learner"]
            print(f"{path.stem}: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()), flush=True)
        if not args.no_execute:
            print(f"learner editions executed in {total:.1f} s in all")
    except BuildError as exc:
        print(f"build failed: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
