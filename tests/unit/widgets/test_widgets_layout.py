"""The layout contract of the explorers (issue 16): no fixed pixel widths, captions above, two columns that wrap.

What the browser sees (widths in pixels, nothing cut off) is measured by
tests/system/test_browser_layout.py; these checks keep the Python side honest
without a browser.
"""

from __future__ import annotations

import re

import ipywidgets as widgets
import pytest

from csat_lab.widgets.views import app as _app
from csat_lab.widgets.views import controls as _controls
from csat_lab.widgets.views.app import App
from csat_lab.widgets.voila import course_title, install_voila_template

PIXELS = re.compile(r"\d+px")


def every_widget(w):
    yield w
    for child in getattr(w, "children", ()) or ():
        yield from every_widget(child)


@pytest.fixture(scope="module")
def page():
    page = App()
    for index in range(len(page.entries)):
        page.tabs.selected_index = index  # builds every explorer
    yield page
    page.close()


def test_every_explorer_control_takes_the_width_of_its_column(page):
    for name, view in page.built.items():
        for key, control in view.controls.items():
            assert control.layout.width == "auto", (name, key)
            assert control.layout.flex_flow == "row wrap", (name, key)
            assert control.style.description_width == "100%", (name, key)
            if isinstance(control, widgets.ToggleButtons):
                assert control.style.button_width == "auto", (name, key)


def test_no_fixed_pixel_width_includes_a_caption(page):
    for w in every_widget(page):
        layout = getattr(w, "layout", None)
        if layout is not None and layout.width:
            assert not PIXELS.search(layout.width), (type(w).__name__, layout.width)


def test_controls_and_results_sit_in_two_columns_that_wrap(page):
    view = page.built["nps"]
    panel = view.children[-1]
    assert panel.children == (view.controls_box, view.results_box)
    assert panel.layout.flex_flow == "row wrap"
    assert view.controls_box.layout.flex.endswith("px") and view.results_box.layout.flex.endswith("px")
    assert view.progress_box in view.results_box.children and view.headline in view.results_box.children
    assert "csat-controls" in view.controls_box._dom_classes and "csat-results" in view.results_box._dom_classes


def test_the_app_and_every_explorer_carry_the_stylesheet(page):
    assert any(isinstance(w, widgets.HTML) and "csat-style" in w._dom_classes for w in page.children)
    for view in page.built.values():
        assert "clab-explorer" in view._dom_classes
        assert any("csat-style" in getattr(w, "_dom_classes", ()) for w in view.children)
    assert "tab" in _controls.STYLE and "flex-wrap: wrap" in _controls.STYLE
    assert len(page.built) == len(_app.EXPLORERS)


def test_voila_page_title_is_the_course_title_in_the_notebook_language(tmp_path):
    template = (install_voila_template(tmp_path) / "index.html.j2").read_text(encoding="utf-8")
    assert course_title("en") in template and course_title("zh-CN") in template
    assert "metadata.update({'title'" in template
    assert course_title("en") == "Customer satisfaction lab"
