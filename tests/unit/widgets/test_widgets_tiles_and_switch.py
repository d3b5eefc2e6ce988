"""KPI tiles in every explorer, and a language switch that recomputes only the explorer on screen."""

from __future__ import annotations

import re
import time

import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl  # noqa: E402
from csat_lab.widgets.views.app import EXPLORERS, App, _factory  # noqa: E402
from csat_lab.widgets.views.base import Tile, tiles_html  # noqa: E402

SCIENTIFIC = re.compile(r"\d[eE][+-]?\d")


@pytest.fixture(autouse=True)
def _english():
    yield
    cl.set_language("en")


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_every_explorer_shows_kpi_tiles_formatted_in_its_language(language):
    cl.set_language(language)
    for name, module, factory in EXPLORERS:
        ex = _factory(module, factory)(debounce=0)
        try:
            tiles = ex.rendered.tiles
            assert tiles, f"{name}: no KPI tiles"
            assert ex.tiles.value == tiles_html(tiles) and 'class="clab-tile"' in ex.tiles.value
            for tile in tiles:
                assert tile.value and tile.caption, (name, tile)
                for text in (tile.value, tile.caption, tile.detail):
                    assert not SCIENTIFIC.search(text) and "None" not in text and "nan" not in text.lower(), text
                    assert not re.search(r"\d\.\d{4,}", text), f"{name}: unrounded number in {text!r}"
                if language == "zh-CN":
                    assert re.search(r"[\u4e00-\u9fff]", tile.caption), (name, tile.caption)
        finally:
            ex.close()


def test_tiles_carry_the_headline_numbers_and_their_intervals():
    from csat_lab.widgets import churn_explorer, nps_difference_explorer, sample_size_explorer

    ex = churn_explorer(customers=7043, lost=1869)
    assert [t.value for t in ex.rendered.tiles][:2] == ["26.5%", "73.5%"]
    assert ex.rendered.tiles[0].detail == "1,869 / 7,043"
    ex.close()
    ex = nps_difference_explorer((40, 30, 30), (50, 30, 20))
    assert [t.value for t in ex.rendered.tiles] == ["+10.0", "+30.0", "+20.0"]
    assert ex.rendered.tiles[2].detail == "95% CI (-2.3, 42.3)"
    ex.close()
    ex = sample_size_explorer(moe=0.03)
    assert ex.rendered.tiles[0].value == "1,068"
    ex.close()


def test_tile_text_is_escaped():
    markup = tiles_html([Tile("<b>1</b>", "a & b", "<script>")])
    assert "&lt;b&gt;1&lt;/b&gt;" in markup and "&lt;script&gt;" in markup and "a &amp; b" in markup


def test_an_error_clears_the_tiles():
    from csat_lab.widgets import churn_explorer

    ex = churn_explorer(debounce=0)
    ex.set(customers=10, lost=20)
    assert ex.error and ex.tiles.value == ""
    ex.close()


def test_a_language_switch_recomputes_only_the_visible_explorer():
    page = App()
    try:
        for index in range(len(EXPLORERS)):
            page.tabs.selected_index = index
        shown = EXPLORERS[-1][0]
        counts = {name: view.n_updates for name, view in page.built.items()}
        start = time.perf_counter()
        cl.set_language("zh-CN")
        took = time.perf_counter() - start
        changed = [name for name, view in page.built.items() if view.n_updates != counts[name]]
        assert changed == [shown]
        assert all(view.stale for name, view in page.built.items() if name != shown)
        # Every control is re-labelled at once, also in the hidden tabs.
        assert page.built["churn"].controls["lost"].description == "流失客户数"
        print(f"language switch with every explorer built: {took:.2f} s")  # the browser test bounds it
        page.tabs.selected_index = 0  # opening a tab brings its explorer up to date
        nps = page.built["nps"]
        assert not nps.stale and re.search(r"[\u4e00-\u9fff]", nps.headline.value)
        assert re.search(r"[\u4e00-\u9fff]", nps.tiles.value)
    finally:
        page.close()


def test_the_switch_shows_a_status_while_it_runs_and_hides_it_after():
    page = App(["churn"])
    try:
        seen = []
        cl.on_language_change(record := lambda _lang: seen.append((page.status.layout.display, page.status.value)))
        switch = page.children[1].children[0]
        switch.value = "zh-CN"
        assert seen and seen[0][0] is None and "正在切换" in seen[0][1]
        assert page.status.layout.display == "none"
        del record
    finally:
        page.close()
