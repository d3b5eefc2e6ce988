"""The study template (08) runs on an analyst's own file when its parameters are changed.

Mimics papermill: a cell with new parameter values is inserted after the cell tagged
``parameters`` and the notebook is executed; it must run without errors and report on the
given file.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import csat_lab as cl

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "notebooks" / "08_study_template.ipynb"


def _parameters_index(nb) -> int:
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "the template needs exactly one cell tagged 'parameters'"
    return tagged[0]


def test_template_has_a_parameters_cell_with_path_and_dataset() -> None:
    nb = nbformat.read(TEMPLATE, as_version=4)
    source = nb.cells[_parameters_index(nb)].source
    for name in ("DATASET", "PATH", "ID", "CSAT", "ITEMS", "GROUP", "WEIGHT"):
        assert f"{name} = " in source


@pytest.mark.slow
def test_template_runs_on_an_own_csv_file(tmp_path: Path) -> None:
    from nbclient import NotebookClient

    own = tmp_path / "my_export.csv"
    tracker = cl.datasets.load("csat_tracker")
    tracker[tracker["wave"] >= 3].rename(columns={"csat": "overall", "region": "area"}).to_csv(own, index=False)
    nb = nbformat.read(TEMPLATE, as_version=4)
    injected = nbformat.v4.new_code_cell(
        f'PATH = {str(own)!r}\nCSAT = "overall"\nGROUP = "area"\nNPS = None\nBOOTSTRAP = 20'
    )
    nb.cells.insert(_parameters_index(nb) + 1, injected)
    NotebookClient(nb, kernel_name="csat_lab", timeout=300, allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, [f"{e.ename}: {e.evalue}" for e in errors]
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert "from the file given in PATH" in printed
    assert "NPS:" not in printed and "CSAT (% satisfied or very satisfied)" in printed
