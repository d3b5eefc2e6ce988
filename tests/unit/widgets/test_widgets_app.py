"""The app page (tabs built on demand), the offline Voila template and the explorers notebook."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl
from csat_lab.widgets import EXPLORERS, app

NOTEBOOK = Path(__file__).resolve().parents[3] / "notebooks" / "explorers.ipynb"



def test_tabs_are_built_when_opened_and_relabelled():
    page = app()
    assert list(page.built) == ["nps"]
    churn = [name for name, _, _ in EXPLORERS].index("churn")
    page.tabs.selected_index = churn
    assert set(page.built) == {"nps", "churn"}
    assert page.tabs.children[churn] is page.built["churn"]
    assert page.tabs.titles[churn] == "Churn"
    cl.set_language("zh-CN")
    assert page.tabs.titles[churn] == "流失率"


def test_app_start_tab_and_unknown_name():
    page = app(["clv", "pareto"], start="pareto")
    assert list(page.built) == ["pareto"] and page.tabs.selected_index == 1
    with pytest.raises(cl.CsatInputError, match="no explorer 'nope'; explorers are: nps, nps_difference"):
        app(["nope"])


@pytest.mark.parametrize("name", [entry[0] for entry in EXPLORERS])
def test_every_explorer_builds_and_shows_a_result(name):
    page = app([name])
    view = page.built[name]
    assert isinstance(view, cl.widgets.Explorer), getattr(view, "value", view)
    assert view.error is None and view.result is not None
    assert view.headline.value and view.output.outputs


def test_voila_template_strips_exactly_the_cdn_links_of_the_lab_template(tmp_path):
    from voila.paths import collect_template_paths

    from csat_lab.widgets.voila import _CDN_LINKS, install_voila_template

    lab = next(Path(p) / "index.html.j2" for p in collect_template_paths(["voila"], "lab")
               if (Path(p) / "index.html.j2").exists() and Path(p).name == "lab")
    source = lab.read_text()
    assert all(link in source for link in _CDN_LINKS)  # a Voila upgrade that changes them fails here
    folder = install_voila_template(tmp_path)
    assert json.loads((folder / "conf.json").read_text()) == {"base_template": "lab"}
    assert "cdn.jsdelivr" in (folder / "index.html.j2").read_text()  # only inside the replace filters
    assert install_voila_template(tmp_path) == folder  # idempotent


def test_explorers_notebook_is_stored_clean():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert nb["metadata"]["kernelspec"]["name"] == "csat_lab"
    assert "widgets" not in nb["metadata"]
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] for c in code)
    shows = [c for c in code if "cw.app()" in "".join(c["source"])]
    assert shows and all("nbval-ignore-output" in c["metadata"].get("tags", []) for c in shows)
