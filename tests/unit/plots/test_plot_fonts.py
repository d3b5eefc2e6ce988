"""Chinese chart labels render with a real CJK font, not as empty boxes."""

from __future__ import annotations

import os
import warnings

import matplotlib
import matplotlib.text

matplotlib.use("Agg")

import pytest  # noqa: E402

import csat_lab as cl  # noqa: E402


def test_chinese_title_draws_without_missing_glyphs() -> None:
    cjk = cl.plots.configure_fonts()
    if not cjk:
        if os.environ.get("CI"):
            pytest.fail("no CJK font on the CI machine; `make test` should have installed fonts-wqy-microhei")
        pytest.skip("no CJK font installed (apt-get install fonts-wqy-microhei)")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.set_title(cl.label("scale.satisfaction5.5", language="zh-CN") + " / Very satisfied")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # matplotlib warns "Glyph ... missing from font(s)" otherwise
        fig.canvas.draw()
    plt.close(fig)


def test_axes_made_before_the_fonts_were_configured_still_draw_chinese() -> None:
    # A learner often makes the figure first (plt.subplots) and then asks for a chart on it.
    import matplotlib.pyplot as plt

    from csat_lab.plots import _style

    if not _style.configure_fonts():
        pytest.skip("no CJK font installed")
    fig, ax = plt.subplots()
    ax.title.set_fontfamily(["DejaVu Sans"])  # as if created before configure_fonts() ran
    cl.set_language("zh-CN")
    cl.plots.nps_bar(cl.metrics.nps_from_counts(50, 30, 20), ax=ax)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.canvas.draw()
    assert any("\u4e00" <= ch <= "\u9fff" for t in ax.findobj(matplotlib.text.Text) for ch in t.get_text())
    plt.close(fig)
