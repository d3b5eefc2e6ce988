"""Survey charts return Axes with the expected bars and labels (Agg backend)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import csat_lab as cl  # noqa: E402
from csat_lab import metrics, survey  # noqa: E402
from csat_lab.errors import CsatInputError  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_likert_bars_diverge_around_neutral() -> None:
    df = pd.DataFrame({"q1": [1, 2, 3, 4, 5, 5], "q2": [3, 3, 3, 3, 4, None]})
    ax = cl.plots.likert_bars(df, scale="agree5")
    assert len(ax.patches) == 2 * 5
    assert [t.get_text() for t in ax.get_yticklabels()] == ["q1 (n=6)", "q2 (n=5)"]
    # q2: neutral share 0.8 straddles 0 -> its segment runs from -0.4 to 0.4
    neutral_q2 = ax.patches[2 * 2 + 1]
    assert neutral_q2.get_x() == pytest.approx(-0.4) and neutral_q2.get_width() == pytest.approx(0.8)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == cl.scales.get("agree5").labels()
    with pytest.raises(CsatInputError, match="outside scale 'agree5'"):
        cl.plots.likert_bars(df.assign(q1=[9, 1, 1, 1, 1, 1]))


def test_nps_bar_from_result_and_language() -> None:
    r = metrics.nps([10, 9, 8, 3, 0, 10])
    ax = cl.plots.nps_bar(r, language="zh-CN")
    assert len(ax.patches) == 3
    assert [p.get_width() for p in ax.patches] == pytest.approx([2 / 6, 1 / 6, 3 / 6])
    assert ax.get_title().startswith("净推荐值: 16.7")


def test_trend_by_wave_errorbars() -> None:
    df = pd.DataFrame({"wave": ["2024Q1"] * 4 + ["2024Q2"] * 4 + ["2024Q3"] * 4,
                       "rec": [10, 9, 5, 8, 10, 10, 9, 2, 6, 6, 9, 10]})
    ax = cl.plots.trend_by_wave(df, "rec", "wave", metric="nps")
    line = ax.lines[0]
    assert list(line.get_ydata()) == pytest.approx([25.0, 50.0, 0.0])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024Q1", "2024Q2", "2024Q3"]
    assert ax.get_ylabel() == cl.label("metrics.nps")


def test_kano_and_gap_charts() -> None:
    df = pd.DataFrame({"feature": ["wifi"] * 3 + ["bed"] * 3, "f": [1, 1, 1, 2, 2, 1], "d": [3, 3, 5, 5, 5, 5]})
    t = survey.kano_table(df, feature="feature", functional="f", dysfunctional="d")
    ax = cl.plots.kano_chart(t)
    assert len(ax.collections[0].get_offsets()) == 2
    assert {"wifi", "bed"} <= {x.get_text() for x in ax.texts}
    e = pd.DataFrame({"a": [5, 4, 5], "b": [3, 3, 4], "c": [2, 2, 3]})
    p = pd.DataFrame({"a": [3, 4, 4], "b": [4, 3, 5], "c": [2, 3, 3]})
    g = survey.gap_scores(e, p, dimensions={"all": ["a", "b", "c"]})
    ax = cl.plots.gap_chart(g)
    assert len(ax.patches) == 4
    assert [x.get_text() for x in ax.get_yticklabels()] == ["a", "b", "c", "all"]
    assert np.sign(ax.patches[0].get_width()) == -1
