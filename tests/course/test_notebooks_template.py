"""The survey study template (08) runs on an analyst's own file when its parameters are changed.

Mimics papermill: a cell with new parameter values is inserted after the cell tagged
``parameters`` and the notebook is executed; it must run without errors, report on the given
file and write its report in four formats. Reverse coding is checked on hand values for a
7-point and an 11-point scale by running the template's own reliability cell.
"""

from __future__ import annotations

import math
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import csat_lab as cl

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "notebooks" / "08_study_template.ipynb"


def _parameters_index(nb) -> int:
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "the template needs exactly one cell tagged 'parameters'"
    return tagged[0]


def _run(nb, folder: Path, parameters: str):
    from nbclient import NotebookClient

    nb.cells.insert(_parameters_index(nb) + 1, nbformat.v4.new_code_cell(parameters))
    NotebookClient(nb, kernel_name="csat_lab", timeout=600, allow_errors=True,
                   resources={"metadata": {"path": str(folder)}}).execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, [f"{e.ename}: {e.evalue}" for e in errors]
    return "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)


def test_template_has_a_parameters_cell_with_path_and_dataset() -> None:
    nb = nbformat.read(TEMPLATE, as_version=4)
    source = nb.cells[_parameters_index(nb)].source
    for name in ("DATASET", "PATH", "READER", "ID", "CSAT", "ITEMS", "SCALE", "REVERSED", "TARGETS", "GROUP",
                 "WEIGHT", "LANGUAGE", "OUTPUT"):
        assert f"{name} = " in source


# --- reverse coding on the declared scale -----------------------------------------------

def _reliability_cell() -> str:
    nb = nbformat.read(TEMPLATE, as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "code" and "items[REVERSED]" in c.source]
    assert len(cells) == 1
    assert "6 - items" not in cells[0]
    return cells[0]


def _reverse_with_the_template(answers: pd.DataFrame, scale: tuple[int, int], reversed_items: list[str]) -> pd.DataFrame:
    namespace = {"cl": cl, "pd": pd, "np": np, "display": lambda *args: None, "data": answers,
                 "ITEMS": list(answers.columns), "REVERSED": reversed_items, "SCALE": scale}
    exec(compile(_reliability_cell(), "08-reliability-cell", "exec"), namespace)  # the template's own code
    return namespace["items"]


def test_reverse_coding_on_a_7_point_scale() -> None:
    answers = pd.DataFrame({"a": [1, 2, 4, 6, 7, 3], "b": [7, 6, 4, 2, 1, 5], "c": [2, 3, 4, 5, 6, 1]})
    items = _reverse_with_the_template(answers, (1, 7), ["b"])
    # by hand on 1..7: new = 8 - answer
    assert items["b"].tolist() == [1, 2, 4, 6, 7, 3]
    assert items["a"].tolist() == [1, 2, 4, 6, 7, 3] and items["c"].tolist() == [2, 3, 4, 5, 6, 1]


def test_reverse_coding_on_an_11_point_scale() -> None:
    answers = pd.DataFrame({"x": [0, 3, 5, 9, 10, 7], "y": [10, 7, 5, 1, 0, 2], "z": [1, 4, 6, 8, 9, 10]})
    items = _reverse_with_the_template(answers, (0, 10), ["y", "z"])
    # by hand on 0..10: new = 10 - answer
    assert items["y"].tolist() == [0, 3, 5, 9, 10, 8]
    assert items["z"].tolist() == [9, 6, 4, 2, 1, 0]
    assert items["x"].tolist() == [0, 3, 5, 9, 10, 7]


# --- full runs ----------------------------------------------------------------------------

@pytest.mark.slow
def test_template_runs_on_an_own_csv_file(tmp_path: Path) -> None:
    own = tmp_path / "my_export.csv"
    tracker = cl.datasets.load("csat_tracker")
    tracker[tracker["wave"] >= 3].rename(columns={"csat": "overall", "region": "area"}).to_csv(own, index=False)
    nb = nbformat.read(TEMPLATE, as_version=4)
    printed = _run(nb, tmp_path, f'PATH = {str(own)!r}\nCSAT = "overall"\nGROUP = "area"\nNPS = None\nBOOTSTRAP = 20')
    assert "from the file given in PATH" in printed
    assert "NPS:" not in printed and "CSAT (% satisfied or very satisfied)" in printed
    assert "survey weights from the column weight" in printed
    assert sorted(p.name for p in (tmp_path / "study_output").iterdir()) == [
        "survey_study.html", "survey_study.pdf", "survey_study.pptx", "survey_study.xlsx"]


@pytest.mark.slow
def test_spss_7_point_study_weighted_to_targets_writes_a_chinese_report(tmp_path: Path) -> None:
    import openpyxl
    import pyreadstat
    from pptx import Presentation
    from pypdf import PdfReader

    sav = cl.datasets.example_file("study_survey_7point.sav")
    targets = {"east": 0.3, "north": 0.3, "south": 0.2, "west": 0.2}
    nb = nbformat.read(TEMPLATE, as_version=4)
    _run(nb, tmp_path, "\n".join([
        f"PATH = {str(sav)!r}", 'ID = "resp_id"', 'DURATION = "seconds"', "WEIGHT = None", 'GROUP = "region"',
        'CSAT = "overall"', 'NPS = "recommend"', "CES = None", 'ITEMS = ["s1", "s2", "s3", "s4", "s5"]',
        "SCALE = (1, 7)", 'REVERSED = ["s3"]', f'TARGETS = {{"region": {targets!r}}}', 'LANGUAGE = "zh-CN"',
        'OUTPUT = "report_files"', "BOOTSTRAP = 20"]))

    # Independent route: read the file with pyreadstat, clean it as the template does, weight by
    # post-stratification (one raking variable: weight = target share / sample share) and count the NPS.
    raw, meta = pyreadstat.read_sav(str(sav), user_missing=True)
    raw["region"] = raw["region"].map(meta.variable_value_labels["region"])
    seven = cl.scales.Scale("seven", 1, 7, labelled=False)
    data, _ = cl.survey.clean(raw, scales={"overall": "satisfaction5", "recommend": "nps11",
                                           **dict.fromkeys(["s1", "s2", "s3", "s4", "s5"], seven)},
                              id="resp_id", duration="seconds", straightline=["s1", "s2", "s3", "s4", "s5"])
    share = data["region"].astype(str).value_counts(normalize=True)
    weight = data["region"].astype(str).map(lambda g: targets[g] / share[g]).to_numpy(float)
    scores = pd.to_numeric(data["recommend"].astype("object")).to_numpy(float)
    ok = ~np.isnan(scores)
    w, s = weight[ok], scores[ok]
    nps = 100 * (w[s >= 9].sum() - w[s <= 6].sum()) / w.sum()
    shown = f"{nps:.1f}"

    folder = tmp_path / "report_files"
    workbook = openpyxl.load_workbook(folder / "survey_study.xlsx")
    texts = [str(v) for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    numbers = [v for ws in workbook.worksheets for row in ws.iter_rows(values_only=True) for v in row
               if isinstance(v, float)]
    assert any("客户满意度研究报告" in t for t in texts)
    assert any(shown in t and "净推荐值" in t for t in texts), shown
    assert any(math.isclose(v, nps, abs_tol=1e-6) for v in numbers), nps
    deck = Presentation(str(folder / "survey_study.pptx"))
    slides = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)
    assert shown in slides and "净推荐值" in slides
    pdf = "".join(page.extract_text() for page in PdfReader(str(folder / "survey_study.pdf")).pages)
    assert shown in pdf
    html = (folder / "survey_study.html").read_text(encoding="utf-8")
    assert shown in html and 'lang="zh' in html
