"""Charts given something they cannot draw say what they expected (a CsatInputError), and draw
correctly what they can: intervals that miss their estimate, rows without an interval, empty groups.

Each expectation is worked out by hand in the test.
"""

from __future__ import annotations

import dataclasses
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import csat_lab as cl  # noqa: E402
from csat_lab import plots  # noqa: E402
from csat_lab.errors import CsatInputError  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _wald(p: int, m: int, d: int):
    return cl.metrics.nps_from_counts(p, m, d, method="wald")


@pytest.mark.parametrize("ax", ["left", 1, plt, np.zeros(2)])
def test_an_ax_that_is_not_an_axes_is_named(ax) -> None:
    with pytest.raises(CsatInputError, match=r"ax must be a matplotlib Axes .* or None, got "):
        plots.nps_bar(_wald(5, 3, 2), ax=ax)


def test_nps_interval_that_misses_its_estimate_is_drawn_whole() -> None:
    # An adjusted or bootstrap interval need not contain the estimate: draw the bar from 20 to 40
    # and the dot at 45, instead of failing in matplotlib on a negative error length.
    result = dataclasses.replace(_wald(60, 25, 15), ci=(20.0, 40.0))
    ax = plots.nps_interval_chart(result)
    segment = ax.containers[0].lines[2][0].get_segments()[0]
    assert sorted(segment[:, 0]) == [20.0, 40.0]
    dots = [line for line in ax.lines if list(line.get_xdata()) == pytest.approx([45.0])]
    assert len(dots) == 1 and list(dots[0].get_ydata()) == [0]


def test_nps_interval_chart_accepts_any_iterable_of_results() -> None:
    ax = plots.nps_interval_chart(r for r in [_wald(5, 0, 5), _wald(9, 0, 1)])
    # NPS by hand: 100 (5 - 5) / 10 = 0 and 100 (9 - 1) / 10 = 80
    assert [float(c.lines[0].get_xdata()[0]) for c in ax.containers] == [0.0, 80.0]


def test_nan_and_inverted_intervals_name_the_row() -> None:
    table = pd.DataFrame({"group": ["w1", "w2"], "estimate": [0.5, 0.6], "ci_low": [0.2, 0.7], "ci_high": [0.8, 0.65]})
    with pytest.raises(CsatInputError, match=r"row 'w2' is \[0.7, 0.65\]; expected low <= high"):
        plots.trend_by_wave(table)
    with pytest.raises(CsatInputError, match=r"missing or infinite at rows \['w1'\]|rows \[0\]"):
        plots.trend_by_wave(table.assign(ci_low=[np.nan, 0.5], ci_high=[0.9, 0.7]))


def test_a_chosen_curve_without_intervals_draws_points_without_bars() -> None:
    # A theoretical (chosen) curve has no sampling interval: both bounds missing is drawn as no bar.
    curve = pd.DataFrame({"level": [1, 2, 3, 4, 5], "estimate": [0.1, 0.2, 0.3, 0.5, 0.9],
                          "ci_low": np.nan, "ci_high": np.nan})
    ax = plots.loyalty_curve_plot(curve)
    assert list(ax.containers[0].lines[0].get_ydata()) == [0.1, 0.2, 0.3, 0.5, 0.9]
    with pytest.raises(CsatInputError, match=r"in row 3 is \[0.2, nan\]; expected two finite bounds, or none"):
        plots.loyalty_curve_plot(curve.assign(ci_low=[np.nan, np.nan, 0.2, np.nan, np.nan]))


def test_cohort_heatmap_wants_shares_not_counts() -> None:
    with pytest.raises(CsatInputError, match=r"shares between 0 and 1 .*from 3 to 120"):
        plots.cohort_heatmap(pd.DataFrame({0: [120, 80], 1: [3, np.nan]}))
    with pytest.raises(CsatInputError, match="every cell of the rates table is blank"):
        plots.cohort_heatmap(pd.DataFrame({0: [np.nan]}))
    ax = plots.cohort_heatmap(pd.DataFrame({0: [1.0, 1.0], 1: [0.5, np.nan]}))  # blanks stay blank
    assert ax.get_title() == cl.label("cohort.title")


def test_recovery_bars_mark_an_empty_group_instead_of_drawing_zero() -> None:
    class Effect:
        recovered_rate, unrecovered_rate, no_complaint_rate = 0.8, float("nan"), 0.6

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plots.recovery_bars(Effect())
    assert [p.get_height() for p in ax.patches] == [0.8, 0.0, 0.6]
    assert [t.get_text() for t in ax.texts] == [cl.label("result.no_data")]
    assert ax.texts[0].get_position()[0] == 1  # over the unrecovered bar


def test_value_tier_bars_check_values_against_tiers() -> None:
    # shares by hand: customers 1/3 each; value 500 / 600, 80 / 600, 20 / 600
    ax = plots.value_tier_bars(pd.Series([500.0, 80.0, 20.0]), pd.Series(["high", "medium", "low"]))
    heights = [p.get_height() for p in ax.patches]
    assert heights == pytest.approx([1 / 3] * 3 + [500 / 600, 80 / 600, 20 / 600])
    with pytest.raises(CsatInputError, match="values must be numbers; rows \\[1\\] hold 'x'"):
        plots.value_tier_bars([1.0, "x"], ["high", "low"])
    with pytest.raises(CsatInputError, match="values has 3 entries and tiers 2"):
        plots.value_tier_bars(pd.DataFrame({"a": [1, 2, 3]})["a"], ["high", "low"])


def test_step_bars_and_kano_chart_check_their_tables() -> None:
    with pytest.raises(CsatInputError, match=r"shares of complaints must lie between 0 and 1"):
        plots.step_completion_bars(pd.DataFrame({"share": [80.0]}, index=["listen"]))
    with pytest.raises(CsatInputError, match=r"Worse must be numbers; rows \['wifi'\] hold 'x'"):
        plots.kano_chart(pd.DataFrame({"better": [0.5], "worse": ["x"]}, index=["wifi"]))


def test_likert_bars_reject_boolean_answers() -> None:
    # True/False would have been read as 1/0: a 0 off the agree5 scale, and True as "strongly disagree".
    with pytest.raises(CsatInputError, match=r"True/False at rows \[0, 1\]"):
        plots.likert_bars(pd.DataFrame({"q": [True, True]}))
