"""Chinese chart labels render with a real CJK font, not as empty boxes."""

from __future__ import annotations

import os
import warnings

import matplotlib

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
