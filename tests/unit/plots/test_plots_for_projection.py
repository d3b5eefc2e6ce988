"""Charts a trainer can project: sharp images, no text under 11 px, point labels that do not collide.

The explorers show a figure at 80 CSS px per inch (``SCREEN_PX_PER_INCH``); 10 pt
is then 10 * 80 / 72 = 11.1 px. The label test draws the key-driver (IPA) chart
on the auto_dealer ratings (the six repair and the six sales drivers, at the
explorer's 6.4 x 4.2 in) and the Kano chart of kano_features (5.6 x 5.0 in), in
both languages; before the repel step they had 6 + 2 (en) and 3 + 2 (zh-CN)
overlapping label pairs on the IPA chart and 1 on the Kano chart.
"""

from __future__ import annotations

import itertools
import struct

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.text import Text  # noqa: E402

import csat_lab as cl  # noqa: E402
from csat_lab.plots import _style  # noqa: E402
from csat_lab.widgets import models  # noqa: E402

AUTO = models.loyalty.DRIVER_SOURCES["auto_dealer"][1]


def _figure(width: float, height: float):
    fig = Figure(figsize=(width, height), layout="constrained")  # as the explorers draw
    return fig, fig.subplots()


def _labelled_charts(language: str):
    for drivers in (AUTO[:6], AUTO[6:]):
        fig, ax = _figure(6.4, 4.2)
        cl.plots.ipa_plot(models.key_driver_model("auto_dealer", "overall_satisfaction", drivers=list(drivers)),
                          ax=ax, language=language)
        yield fig, ax, 6
    kano = models.kano_model()
    fig, ax = _figure(5.6, 5.0)
    cl.plots.kano_chart(kano, highlight=kano.feature, ax=ax, language=language)
    yield fig, ax, len(kano.table)


@pytest.mark.parametrize("language", ["en", "zh-CN"])
def test_point_labels_and_captions_do_not_overlap_and_stay_inside(language: str) -> None:
    for fig, ax, n_points in _labelled_charts(language):
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        texts = [t for t in ax.texts if t.get_visible() and t.get_text()]
        assert len(texts) == n_points + 4  # a label per point and the four quadrant names
        boxes = [t.get_window_extent(renderer) for t in texts]
        overlapping = [(a.get_text(), b.get_text()) for (a, ba), (b, bb) in itertools.combinations(zip(texts, boxes), 2)
                       if ba.overlaps(bb)]
        assert overlapping == []
        frame = ax.get_window_extent(renderer)
        assert all(frame.x0 - 0.5 <= b.x0 and b.x1 <= frame.x1 + 0.5 and frame.y0 - 0.5 <= b.y0
                   and b.y1 <= frame.y1 + 0.5 for b in boxes)  # inside the axes, hence inside the figure
        assert all(fig.bbox.contains(b.x0, b.y0) and fig.bbox.contains(b.x1, b.y1) for b in boxes)


def test_every_text_of_a_chart_is_at_least_11_px_at_the_explorers_scale() -> None:
    assert _style.MIN_FONT_PT * _style.SCREEN_PX_PER_INCH / 72 >= 11
    fig, ax = _figure(6.4, 3.2)
    cl.plots.nps_share_strip(cl.metrics.nps_from_counts(50, 30, 20), ax=ax)  # its legend was 8 pt
    fig.draw_without_rendering()
    sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    assert min(sizes) >= _style.MIN_FONT_PT
    ax = cl.plots.ipa_plot(models.key_driver_model("hotel_guests", "satisfaction"))  # quadrant names were "small"
    assert min(t.get_fontsize() for t in ax.texts) >= _style.MIN_FONT_PT
    assert all(t.get_fontsize() >= _style.MIN_FONT_PT for t in ax.get_xticklabels() + ax.get_yticklabels())
    matplotlib.pyplot.close(ax.figure)


def test_a_long_title_wraps_inside_the_figure_and_keeps_its_text() -> None:
    fig, ax = _figure(5.2, 2.8)  # the disconfirmation explorer's figure: its title was cut ("→ Dissatisfi")
    cl.plots.disconfirmation_bars(cl.survey.disconfirmation(5, 2), ax=ax)
    fig.draw_without_rendering()
    box = ax.title.get_window_extent(fig._get_renderer())
    assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1
    assert "\n" not in ax.get_title() and ax.title.get_wrap()


def test_png_image_has_twice_the_pixels_of_its_displayed_size() -> None:
    fig, ax = _figure(6.4, 2.8)
    ax.plot([0, 1], [0, 1])
    data, width, height = _style.png_image(fig)
    assert (width, height) == (512, 224)  # shown as before (80 px per inch)
    assert struct.unpack(">II", data[16:24]) == (1024, 448)


def test_the_lorenz_and_pareto_charts_both_read_in_percent() -> None:
    result = cl.segments.pareto([50, 30, 10, 5, 5], top=0.2)
    for chart in (cl.plots.lorenz_curve, cl.plots.pareto_curve):
        fig, ax = _figure(4, 3)
        chart(result, ax=ax)
        fig.draw_without_rendering()
        ticks = [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
        assert ticks and all(t.endswith("%") for t in ticks)


def test_labels_wrap_between_words_and_count_chinese_characters_double() -> None:
    assert _style.wrap_label("Repair: itemised explanation and estimate (performance)").split("\n") == [
        "Repair: itemised", "explanation and", "estimate (performance)"]
    assert all(len(line) <= 11 for line in _style.wrap_label("维修逐项说明和费用估算（实际表现）").split("\n"))


def test_the_path_diagram_draws_every_text_at_the_minimum_size_in_boxes_that_hold_it() -> None:
    from csat_lab.loyalty import ECSI_MODEL, simulate_structural

    data, truth = simulate_structural(dict.fromkeys(ECSI_MODEL.inner, 0.3), n=200, seed=2)
    fit = ECSI_MODEL.fit(data, truth["blocks"], n_boot=20, seed=1)
    for language in ("en", "zh-CN"):
        ax = cl.plots.path_model_plot(fit, show_ci=True, language=language)  # its text was 8 pt
        fig = ax.figure
        fig.canvas.draw()
        texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
        assert min(t.get_fontsize() for t in texts) >= _style.MIN_FONT_PT
        renderer = fig.canvas.get_renderer()
        for t in ax.texts:
            patch = t.get_bbox_patch()
            if patch is not None:  # each box (and label background) encloses its own text
                inner, outer = t.get_window_extent(renderer), patch.get_window_extent(renderer)
                assert outer.x0 <= inner.x0 + 0.5 and inner.x1 <= outer.x1 + 0.5, t.get_text()
        matplotlib.pyplot.close(fig)


def test_the_sample_size_axis_labels_round_counts_that_do_not_collide() -> None:
    for moe in (0.01, 0.05, 0.1):
        fig, ax = _figure(6.4, 3.2)  # the explorer's figure
        cl.plots.margin_of_error_curve(models.sample_size_model(moe=moe), ax=ax)
        fig.draw_without_rendering()
        renderer = fig._get_renderer()
        ticks = [t for t in ax.get_xticklabels() if t.get_text()]
        shown = [t for t in ticks if ax.get_xlim()[0] <= t.get_position()[0] <= ax.get_xlim()[1]]
        assert 3 <= len(shown) <= 7
        assert all(t.get_text().replace(",", "").isdigit() for t in shown)
        assert all(t.get_text()[0] in "1235" for t in shown)  # 1-2-5 (or 1-3) numbers
        assert not [t.get_text() for t in ax.xaxis.get_minorticklabels() if t.get_text()]  # no minor labels
        boxes = [t.get_window_extent(renderer) for t in shown]
        assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
        big = [t.get_text() for t in shown if t.get_position()[0] >= 1000]
        assert all("," in text for text in big)  # thousands separators
        y = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
        assert all(t.endswith("%") for t in y)
