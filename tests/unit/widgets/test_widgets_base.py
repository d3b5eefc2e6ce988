"""The explorer frame: synchronous updates headless, debounce on a loop, errors, progress, languages."""

from __future__ import annotations

import asyncio
import base64
import dataclasses

import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl
from csat_lab._core.results import Result
from csat_lab.errors import CsatInputError
from csat_lab.widgets.views import base as _base
from csat_lab.widgets.views import controls as _controls


@dataclasses.dataclass(frozen=True)
class Share(Result):
    share: float
    n: int


def share_model(part: int, total: int, scale: str = "pct") -> Share:
    if part > total:
        raise CsatInputError(f"part ({part}) exceeds total ({total})")
    factor = 100.0 if scale == "pct" else 1.0
    return Share(factor * part / total, total)


def render(result: Share) -> _base.Rendered:
    fig = _base.new_figure(3, 2)
    fig.subplots().bar([0], [result.share])
    return _base.Rendered(headline=f"share={result.share:.2f}", table=result, figure=fig)


def make(**kw) -> _base.Explorer:
    controls = {
        "part": _controls.int_slider("widgets.nps.promoters", 30, 0, 200),
        "total": _controls.int_box("widgets.churn.customers", 120, 1, 1000),
        "scale": _controls.dropdown("widgets.churn.period", [("widgets.period.month", "pct"),
                                                          ("widgets.period.year", "raw")]),
    }
    return _base.Explorer("toy", "widgets.nps.title", share_model, controls, render, **kw)



def test_controls_drive_the_model_synchronously():
    ex = make()
    assert ex.result.share == pytest.approx(25.0)  # 30 / 120 = 0.25
    ex.controls["part"].value = 45
    assert ex.result.share == pytest.approx(37.5)  # 45 / 120
    ex.controls["scale"].value = "raw"
    assert ex.result.share == pytest.approx(0.375)
    assert ex.headline.value == "<b>share=0.38</b>"


def test_output_holds_the_table_and_a_png_chart():
    ex = make()
    kinds = [set(o["data"]) for o in ex.output.outputs]
    assert kinds == [{"image/png", "text/plain"}, {"text/html", "text/plain"}]
    png = base64.b64decode(ex.output.outputs[0]["data"]["image/png"])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    before = ex.output.outputs[0]["data"]["image/png"]
    ex.controls["part"].value = 100
    assert ex.output.outputs[0]["data"]["image/png"] != before


def test_input_error_is_shown_and_recovered_from():
    ex = make()
    ex.controls["part"].value = 150  # more than the 120 total
    assert ex.result is None
    assert "part (150) exceeds total (120)" in ex.error
    assert "Cannot compute" in ex.headline.value and ex.output.outputs == ()
    ex.controls["total"].value = 300
    assert ex.error is None and ex.result.share == pytest.approx(50.0)  # 150 / 300


def test_set_changes_several_controls_with_one_update():
    ex = make()
    before = ex.n_updates
    ex.set(part=10, total=40)
    assert ex.n_updates == before + 1 and ex.result.share == pytest.approx(25.0)
    with pytest.raises(CsatInputError, match="no control 'nope'; controls are: part, total, scale"):
        ex.set(nope=1)


def test_language_switch_relabels_controls_and_keeps_values():
    ex = make()
    ex.controls["scale"].value = "raw"
    updates = ex.n_updates
    assert ex.controls["part"].description == "Promoters (9-10)"
    cl.set_language("zh-CN")
    assert ex.controls["part"].description == "推荐者（9-10分）"
    assert "NPS 计算器" in ex.title.value
    assert ex.controls["scale"].options == (("月", "pct"), ("年", "raw"))
    assert ex.controls["scale"].value == "raw"
    assert ex.n_updates == updates + 1  # recomputed once, not once per control
    cl.set_language("en")
    assert ex.controls["part"].description == "Promoters (9-10)"


def test_error_message_follows_the_language():
    ex = make()
    ex.controls["part"].value = 150
    cl.set_language("zh-CN")
    assert "无法计算" in ex.headline.value


def test_slider_changes_are_debounced_on_a_running_loop():
    ex = make(debounce=0.05)
    start = ex.n_updates

    async def drag():
        for value in (40, 50, 60):
            ex.controls["part"].value = value
        assert ex.n_updates == start  # nothing computed while the slider moves
        await asyncio.sleep(0.2)

    asyncio.run(drag())
    assert ex.n_updates == start + 1
    assert ex.result.share == pytest.approx(50.0)  # the last value, 60 / 120


def test_dropdowns_do_not_wait_even_on_a_loop():
    ex = make(debounce=10)

    async def choose():
        ex.controls["scale"].value = "raw"
        assert ex.result.share == pytest.approx(0.25)

    asyncio.run(choose())


def _slow_explorer(seen, **kwargs):
    views = []

    def slow_model(**kw):
        if views:  # the first call happens inside the constructor
            box = views[0].progress_box
            seen.append((box in views[0].results_box.children, box.layout.display, views[0]._progress_text.value))
        if kw["part"] > kw["total"]:
            raise CsatInputError("part larger than total")
        return share_model(**kw)

    controls = {"part": _controls.int_slider("widgets.nps.promoters", 1, 0, 10),
                "total": _controls.int_box("widgets.churn.customers", 4, 1, 10)}
    views.append(_base.Explorer("slow", "widgets.nps.title", slow_model, controls, render, long_running=True,
                                **kwargs))
    return views[0]


def test_long_running_update_shows_a_progress_bar_while_it_computes_only():
    seen = []
    ex = _slow_explorer(seen)
    assert "csat-progress" in ex.progress_box._dom_classes
    assert ex.progress_box.layout.display == "none"  # idle after the first computation
    ex.controls["part"].value = 2
    assert seen == [(True, None, "Computing 0/2")]  # the bar sat inside the explorer, shown, while the model ran
    assert ex.progress_box.layout.display == "none" and ex._progress_text.value == ""  # and is hidden afterwards
    assert ex.result.share == pytest.approx(50.0)


def test_the_progress_bar_is_hidden_after_an_error_and_a_language_switch():
    # The Chinese loyalty-curve explorer kept showing "计算中 0/2" after it had finished (a tqdm widget made and
    # closed per update); the bar is now one widget, hidden whenever no update runs.
    seen = []
    ex = _slow_explorer(seen)
    ex.controls["part"].value = 9
    ex.controls["total"].value = 5  # part > total: the model fails
    assert ex.error and ex.progress_box.layout.display == "none"
    cl.set_language("zh-CN")
    try:
        ex.controls["part"].value = 3
        assert seen[-1][1:] == (None, "计算中 0/2")
        assert ex.progress_box.layout.display == "none" and ex.error is None
    finally:
        cl.set_language("en")


def test_a_tqdm_factory_is_still_driven_without_showing_a_second_bar():
    from tqdm.notebook import tqdm as notebook_tqdm

    seen = []
    ex = _slow_explorer(seen, progress_factory=notebook_tqdm)
    ex.controls["part"].value = 2
    assert ex.progress_box.children == (ex._progress_text, ex._progress_bar)
    assert ex.progress_box.layout.display == "none"


def test_language_switch_widget_sets_the_language():
    switch = _controls.language_switch()
    assert [o[0] for o in switch.options] == ["English", "简体中文"]
    switch.value = "zh-CN"
    assert cl.get_language() == "zh-CN"
    cl.set_language("en")
    assert switch.value == "en"
