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
    only = cl.plots.likert_bars(df, items=["q2"], scale="agree5")
    assert [t.get_text() for t in only.get_yticklabels()] == ["q2 (n=5)"]


def test_likert_bars_items_by_position_still_works_with_a_warning() -> None:
    df = pd.DataFrame({"q1": [1, 2, 3, 4, 5, 5], "q2": [3, 3, 3, 3, 4, None]})
    with pytest.warns(DeprecationWarning, match="items="):
        old = cl.plots.likert_bars(df, ["q2", "q1"], scale="agree5")
    new = cl.plots.likert_bars(df, items=["q2", "q1"], scale="agree5")
    assert [t.get_text() for t in old.get_yticklabels()] == [t.get_text() for t in new.get_yticklabels()]
    assert [p.get_width() for p in old.patches] == [p.get_width() for p in new.patches]


def test_nps_bar_from_result_and_language() -> None:
    r = metrics.nps([10, 9, 8, 3, 0, 10])
    ax = cl.plots.nps_bar(r, language="zh-CN")
    assert len(ax.patches) == 3
    assert [p.get_width() for p in ax.patches] == pytest.approx([2 / 6, 1 / 6, 3 / 6])
    assert ax.get_title().startswith("净推荐值: 16.7")


def test_nps_bar_refuses_raw_answers_and_says_what_to_call() -> None:
    for chart in (cl.plots.nps_bar, cl.plots.nps_share_strip):
        with pytest.raises(CsatInputError, match=r"draws an NPS result, not answers.*cl\.metrics\.nps\(answers\)\.plot\(\)"):
            chart([10, 9, 8, 3, 0, 10])


def test_nps_bar_draws_any_object_with_the_nps_fields() -> None:
    # Duck typing: the chart reads the shares, score and interval, and computes nothing.
    from types import SimpleNamespace

    r = SimpleNamespace(share_detractors=0.25, share_passives=0.25, share_promoters=0.5, score=25.0,
                        ci=(-10.0, 60.0), ci_level=0.9)
    ax = cl.plots.nps_bar(r)
    assert [p.get_width() for p in ax.patches] == pytest.approx([0.25, 0.25, 0.5])
    assert ax.get_title() == f"{cl.label('metrics.nps')}: 25.0 [-10.0, 60.0] (90%)"


WAVES = pd.DataFrame({"wave": ["2024Q1"] * 4 + ["2024Q2"] * 4 + ["2024Q3"] * 4,
                      "rec": [10, 9, 5, 8, 10, 10, 9, 2, 6, 6, 9, 10]})


def test_trend_by_wave_draws_a_group_comparison() -> None:
    result = metrics.compare_groups(WAVES, score="rec", group="wave", metric="nps")
    ax = cl.plots.trend_by_wave(result)
    # NPS by hand: Q1 2 promoters, 1 detractor of 4 -> 25; Q2 3 and 1 -> 50; Q3 2 and 2 -> 0.
    container = ax.containers[0]
    assert list(container.lines[0].get_ydata()) == pytest.approx([25.0, 50.0, 0.0])
    segments = container.lines[2][0].get_segments()
    for row, segment in zip(result.table.itertuples(), segments, strict=True):  # bars are the result's own CIs
        assert segment[:, 1] == pytest.approx([row.ci_low, row.ci_high])
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2024Q1", "2024Q2", "2024Q3"]
    assert ax.get_ylabel() == cl.label("metrics.nps")
    # The table itself draws the same chart; result.plot() is this chart.
    again = cl.plots.trend_by_wave(result.table, language="zh-CN")
    assert list(again.lines[0].get_ydata()) == pytest.approx([25.0, 50.0, 0.0])
    assert again.get_ylabel() == cl.label("metrics.nps", "zh-CN")
    assert list(result.plot().lines[0].get_ydata()) == pytest.approx([25.0, 50.0, 0.0])


def test_trend_by_wave_old_computing_call_points_to_compare_groups() -> None:
    hint = r"compare_groups\(data, score=\.\.\., group=\.\.\.(, metric=\.\.\.)?\)\.plot\(\)"
    with pytest.raises(CsatInputError, match=hint):
        cl.plots.trend_by_wave(WAVES, "rec", "wave", metric="nps")
    with pytest.raises(CsatInputError, match=hint):
        cl.plots.trend_by_wave(WAVES, score="rec", wave="wave")
    with pytest.raises(CsatInputError, match="plots compute no statistics"):
        cl.plots.trend_by_wave(WAVES)


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


Z95 = 1.959963984540054  # two-sided 95% normal quantile


def _hand_nps(p: int, n: int, d: int) -> tuple[float, float, float]:
    """NPS and its normal 95% interval from category counts, written out (Reichheld, 2003)."""
    total = p + n + d
    share_p, share_d = p / total, d / total
    score = 100 * (share_p - share_d)
    se = 100 * np.sqrt((share_p + share_d - (share_p - share_d) ** 2) / total)
    return score, score - Z95 * se, score + Z95 * se


def test_nps_share_strip_bars_are_the_category_shares() -> None:
    ax = cl.plots.nps_share_strip(metrics.nps_from_counts(7, 2, 3))
    # 3 detractors, 2 passives, 7 promoters of 12, stacked left to right from 0.
    assert [p.get_width() for p in ax.patches] == pytest.approx([3 / 12, 2 / 12, 7 / 12])
    assert [p.get_x() for p in ax.patches] == pytest.approx([0, 3 / 12, 5 / 12])
    assert [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches] == ["#d95f02", "#bbbbbb", "#1b9e77"]
    legend = ax.figure.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        cl.label("widgets.nps.detractors"), cl.label("widgets.nps.passives"), cl.label("widgets.nps.promoters")]
    assert ax.get_xlim() == (0, 1) and ax.get_xlabel() == cl.label("widgets.nps.share")
    again = cl.plots.nps_share_strip(metrics.nps_from_counts(7, 2, 3), language="zh-CN")
    assert [p.get_width() for p in again.patches] == pytest.approx([3 / 12, 2 / 12, 7 / 12])
    assert again.get_xlabel() == cl.label("widgets.nps.share", "zh-CN")


def _interval(ax, i: int) -> tuple[float, float, float, float]:
    """Dot x, dot y and the two ends of error bar ``i`` as drawn."""
    container = ax.containers[i]
    (x,), (y,) = container.lines[0].get_xdata(), container.lines[0].get_ydata()
    segment = container.lines[2][0].get_segments()[0]
    return float(x), float(y), float(segment[0, 0]), float(segment[1, 0])


def test_nps_interval_chart_draws_each_wave_with_its_ci() -> None:
    from csat_lab.widgets.models import nps_difference_model

    change = nps_difference_model(40, 30, 30, 50, 30, 20)
    ax = cl.plots.nps_interval_chart(change)
    # wave 1: NPS 10, wave 2: NPS 30 (by hand), rows 0 and 1 from the bottom; each bar is the result's own interval
    for row, (counts, wave) in enumerate([((40, 30, 30), change.wave1), ((50, 30, 20), change.wave2)]):
        score = _hand_nps(*counts)[0]
        assert _interval(ax, row) == pytest.approx((score, row, *wave.ci))
    assert [t.get_text() for t in ax.get_yticklabels()] == [cl.label("widgets.wave1"), cl.label("widgets.wave2")]
    assert ax.get_xlim() == (-100, 100) and ax.get_ylim() == pytest.approx((-0.6, 1.6))
    assert list(ax.lines[0].get_xdata()) == [0, 0]  # the zero line
    wald = metrics.nps_from_counts(60, 25, 15, method="wald")
    single = cl.plots.nps_interval_chart(wald, ax=plt.subplots()[1])
    assert _interval(single, 0) == pytest.approx((45.0, 0, *_hand_nps(60, 25, 15)[1:]))
    assert [t.get_text() for t in single.get_yticklabels()] == ["NPS"]
    many = cl.plots.nps_interval_chart([metrics.nps_from_counts(5, 0, 5), metrics.nps_from_counts(9, 0, 1)], ["a", "b"])
    assert [_interval(many, i)[0] for i in range(2)] == pytest.approx([0.0, 80.0])
    with pytest.raises(CsatInputError, match="2 names for 1 results"):
        cl.plots.nps_interval_chart(metrics.nps_from_counts(5, 0, 5), ["a", "b"])
    with pytest.raises(CsatInputError, match="needs NPS results"):
        cl.plots.nps_interval_chart([1, 2, 3])


def test_disconfirmation_bars_show_both_ratings_and_the_level() -> None:
    ax = cl.plots.disconfirmation_bars(survey.disconfirmation(5, 3))
    # gap 3 - 5 = -2: two points short of expectation is level 2, "dissatisfied" (Oliver, 1980)
    assert [p.get_width() for p in ax.patches] == [5, 3]
    assert [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches] == ["#bbbbbb", "#fdae61"]
    assert [t.get_text() for t in ax.get_yticklabels()] == [cl.label("widgets.disc.expectation"),
                                                            cl.label("widgets.disc.perception")]
    # score = 0.6 x 2 (the gap's level) + 0.4 x 3 (the perceived level) = 2.4 (Churchill & Surprenant, 1982)
    assert ax.get_title() == (f"{cl.label('widgets.disc.gap')}: -2; {cl.label('survey.score')} 2.40 → "
                              f"{cl.label('scale.satisfaction5.2')}")
    assert ax.get_xlim() == pytest.approx((0, 5.2))
    with pytest.raises(CsatInputError, match="draws one answer pair"):
        cl.plots.disconfirmation_bars(survey.disconfirmation(pd.Series([4, 5]), pd.Series([3, 3])))


def test_margin_of_error_curve_follows_cochran() -> None:
    from csat_lab.widgets.models import sample_size_model

    ax = cl.plots.margin_of_error_curve(sample_size_model(moe=0.05, p=0.5))
    curve, point, target = ax.lines
    n = curve.get_xdata().astype(float)
    assert curve.get_ydata() == pytest.approx(Z95 * np.sqrt(0.25 / n))  # moe = z sqrt(p (1 - p) / n)
    n_plan = int(np.ceil(Z95**2 * 0.25 / 0.05**2))  # 384.1 -> 385
    assert point.get_xydata()[0] == pytest.approx([n_plan, Z95 * np.sqrt(0.25 / n_plan)])
    assert list(target.get_ydata()) == [0.05, 0.05]
    assert ax.get_xscale() == "log" and ax.get_ylabel() == cl.label("widgets.sample.moe_axis")
    with pytest.raises(CsatInputError, match="needs the plan"):
        cl.plots.margin_of_error_curve(pd.DataFrame({"n": [1]}))


def test_kano_chart_rings_the_highlighted_feature() -> None:
    # Kano's table: (1, 3) attractive, (1, 5) one-dimensional, (2, 5) must-be, (3, 3) indifferent.
    df = pd.DataFrame({"feature": ["wifi"] * 4 + ["bed"] * 4,
                       "f": [1, 1, 1, 3, 2, 2, 2, 1], "d": [3, 3, 5, 3, 5, 5, 5, 5]})
    t = survey.kano_table(df, feature="feature", functional="f", dysfunctional="d")
    ax = cl.plots.kano_chart(t, highlight="wifi")
    # wifi: A=2, O=1, M=0, I=1 -> Better = 3/4, |Worse| = 1/4 (Berger et al., 1993)
    ring = ax.collections[-1]
    assert np.asarray(ring.get_offsets()).tolist() == [[0.25, 0.75]]
    assert matplotlib.colors.to_hex(ring.get_edgecolor()[0]) == "#d95f02" and len(ring.get_facecolor()) == 0
    assert len(ax.collections) == 2 and len(cl.plots.kano_chart(t).collections) == 1
    with pytest.raises(CsatInputError, match="no feature 'sauna' to highlight; features are: "):
        cl.plots.kano_chart(t, highlight="sauna")
