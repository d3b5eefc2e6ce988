"""The course notebooks: learner/trainer editions, in sync with their sources, clean outputs.

These checks read the committed files only (no re-execution; nbval re-runs the learner
notebooks separately). The sources are the jupytext scripts in notebooks/src.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = sorted((NOTEBOOKS / "src").glob("[0-9][0-9]_*.py"))
STEMS = [p.stem for p in SOURCES]


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def test_the_course_is_all_there() -> None:
    numbers = [s[:2] for s in STEMS]
    assert numbers == [f"{i:02d}" for i in range(10)], STEMS


@pytest.mark.parametrize("stem", STEMS)
def test_editions_exist_and_match_their_source(stem: str) -> None:
    issues = _builder().out_of_sync(NOTEBOOKS / "src" / f"{stem}.py")
    assert not issues, issues


@pytest.mark.parametrize("stem", STEMS)
def test_learner_edition_has_no_solution_cells_and_trainer_has_them(stem: str) -> None:
    learner = _read(NOTEBOOKS / f"{stem}.ipynb")
    trainer = _read(NOTEBOOKS / "trainer" / f"{stem}.ipynb")
    assert not [c for c in learner.cells if "solution" in _tags(c)]
    solutions = [c for c in trainer.cells if "solution" in _tags(c)]
    checks = [c for c in learner.cells if c.cell_type == "code" and "cl.check(" in c.source]
    assert len(solutions) >= len(checks) >= 1, "every exercise check needs a solution in the trainer edition"
    # the learner sees the scaffold, not the answer: the solution text is nowhere in the edition
    learner_code = "\n".join(c.source for c in learner.cells)
    for cell in solutions:
        assert cell.source not in learner_code


@pytest.mark.parametrize("edition", ["", "trainer", "zh-CN", "zh-CN/trainer"])
@pytest.mark.parametrize("stem", STEMS)
def test_outputs_are_clean(stem: str, edition: str) -> None:
    nb = _read(NOTEBOOKS / edition / f"{stem}.ipynb")
    assert "widgets" not in nb.metadata, "widget state must be stripped"
    assert nb.metadata["kernelspec"]["name"] == "csat_lab"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.get("execution_count") for c in code), "every code cell must be executed"
    for cell in code:
        for out in cell.outputs:
            assert out.output_type != "error", cell.source
            assert not (out.output_type == "stream" and out.name == "stderr"), cell.source
            text = json.dumps(out)
            assert "/work/" not in text and "/home/" not in text and "/tmp/" not in text, "paths leak into outputs"


@pytest.mark.parametrize("stem", STEMS)
def test_each_notebook_has_the_course_furniture(stem: str) -> None:
    nb = _read(NOTEBOOKS / f"{stem}.ipynb")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "**Time:**" in markdown and "you will be able to" in markdown
    assert "## Summary" in markdown and "## Glossary" in markdown
    assert f'cl.exercises.glossary("{stem[:2]}", keys=False)' in code
    assert "cl.check(" in code
    first_code = next(c.source for c in nb.cells if c.cell_type == "code")
    assert "import csat_lab as cl" in first_code and "default_rng(2024)" in first_code


@pytest.mark.parametrize("stem", STEMS)
def test_every_checked_exercise_exists_and_is_introduced(stem: str) -> None:
    from csat_lab.course.exercises import EXERCISES

    nb = _read(NOTEBOOKS / f"{stem}.ipynb")
    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for cell in nb.cells:
        if cell.cell_type == "code" and "cl.check(" in cell.source:
            exercise_id = cell.source.split('cl.check("', 1)[1].split('"', 1)[0]
            assert exercise_id in EXERCISES and exercise_id.startswith(stem[:2])
            assert f"**Exercise {exercise_id}.**" in markdown


@pytest.mark.parametrize("stem", STEMS)
def test_trainer_solutions_pass_their_checks(stem: str) -> None:
    nb = _read(NOTEBOOKS / "trainer" / f"{stem}.ipynb")
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("cl.check("):
            shown = "".join(o.get("data", {}).get("text/plain", "") for o in cell.outputs)
            assert "correct" in shown and "not yet" not in shown, (cell.source, shown)


def test_widget_cells_are_tagged_to_ignore_output() -> None:
    for stem in STEMS:
        for cell in _read(NOTEBOOKS / f"{stem}.ipynb").cells:
            if cell.cell_type == "code" and "cl.widgets." in cell.source:
                assert "nbval-ignore-output" in _tags(cell), (stem, cell.source)


@pytest.mark.parametrize("edition", ["", "trainer", "zh-CN", "zh-CN/trainer"])
def test_no_widget_view_is_stored_without_its_state(edition: str) -> None:
    # A view whose state was stripped shows "model not found" and changes on every build.
    for stem in STEMS:
        for cell in _read(NOTEBOOKS / edition / f"{stem}.ipynb").cells:
            for out in cell.get("outputs", []):
                assert "application/vnd.jupyter.widget-view+json" not in out.get("data", {}), (stem, cell.source)


def test_every_explorer_is_taught_in_a_notebook() -> None:
    import csat_lab.widgets

    code = "\n".join(c.source for stem in STEMS for c in _read(NOTEBOOKS / f"{stem}.ipynb").cells
                     if c.cell_type == "code")
    explorers = [name for name in dir(csat_lab.widgets) if name.endswith(("_explorer", "_simulator"))]
    assert len(explorers) >= 12
    missing = [name for name in explorers if f"cl.widgets.{name}()" not in code]
    assert not missing, f"explorers not used in any course notebook: {missing}"


def test_every_registered_exercise_is_used_in_a_notebook() -> None:
    from csat_lab.course.exercises import EXERCISES

    used = set()
    for stem in STEMS:
        for cell in _read(NOTEBOOKS / f"{stem}.ipynb").cells:
            if cell.cell_type == "code" and cell.source.startswith("cl.check("):
                used.add(cell.source.split('"')[1])
    assert used == set(EXERCISES), f"unused: {set(EXERCISES) - used}; unknown: {used - set(EXERCISES)}"


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_cell_ids_survive_inserting_a_cell(language: str) -> None:
    builder = _builder()
    source = builder.read_source(NOTEBOOKS / "src" / f"{STEMS[1]}.py")
    before = builder.edition(source, STEMS[1], trainer=True, language=language)
    # a trainer inserts a paragraph (with its Chinese counterpart) before the first code cell
    at = next(i for i, c in enumerate(source.cells) if c.cell_type == "code")
    pair = [nbformat.v4.new_markdown_cell("A new paragraph inserted by a trainer.")]
    if builder.bilingual(source):
        pair.append(nbformat.v4.new_markdown_cell("培训师插入的一段话。", metadata={"tags": ["zh-CN"]}))
    source.cells[at:at] = pair
    after = builder.edition(source, STEMS[1], trainer=True, language=language)
    ids_before = [c.id for c in before.cells]
    ids_after = [c.id for c in after.cells]
    new = [i for i in ids_after if i not in ids_before]
    assert len(new) == 1 and [i for i in ids_after if i != new[0]] == ids_before
    assert len(set(ids_after)) == len(ids_after)


def test_explorers_page_is_built_from_its_source() -> None:
    builder = _builder()
    path = NOTEBOOKS / "src" / "explorers.py"
    assert path in builder.sources()
    assert not builder.out_of_sync(path)
    assert not (NOTEBOOKS / "trainer" / "explorers.ipynb").exists()


def test_notebooks_run_on_the_registered_project_kernel() -> None:
    # make setup registers "csat_lab" inside the virtual environment; the built notebooks name it,
    # so a user-level "python3" kernelspec pointing at another interpreter cannot shadow it.
    import os
    import sys

    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("csat_lab")
    assert spec.display_name == "Python (csat_lab)"
    assert os.path.abspath(spec.argv[0]) == os.path.abspath(sys.executable)
    for path in [*NOTEBOOKS.glob("*.ipynb"), *(NOTEBOOKS / "trainer").glob("*.ipynb")]:
        assert _read(path).metadata["kernelspec"]["name"] == "csat_lab", path.name


def test_trainer_editions_are_executed_by_the_suite() -> None:
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["pytest"]["ini_options"]
    assert "notebooks" in options["testpaths"] and "trainer" not in options["norecursedirs"]
