"""Chosen satisfaction -> loyalty curves (Jones & Sasser 1995) checked by hand.

The hand calculations pick parameters where the exponent comes out round:
floor 0.1, ceiling 0.9 and a target ratio R = 0.9 / 0.55 give
(c/R - f) / (c - f) = (0.55 - 0.1) / 0.8 = 0.5625 = 0.75^2, so k = 2 exactly.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from conftest import fuzz_examples

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.loyalty import theoretical_curve


def test_hand_calculation_with_a_square_law():
    res = theoretical_curve(competition=1.0, top_ratio=0.9 / 0.55, floor=0.1, ceiling=0.9)
    # q(v) = 0.1 + 0.8 * t^2 with t = 0, 0.25, 0.5, 0.75, 1
    expected = [0.1, 0.1 + 0.8 * 0.0625, 0.1 + 0.8 * 0.25, 0.1 + 0.8 * 0.5625, 0.9]
    assert res.exponent == pytest.approx(2.0)
    assert res.curve["estimate"].tolist() == pytest.approx(expected)
    assert res.curve["level"].tolist() == [1, 2, 3, 4, 5]
    assert res.curve["zone"].tolist() == ["defection", "defection", "indifference", "indifference", "affection"]
    assert res.curve[["ci_low", "ci_high"]].isna().all().all()


def test_hand_calculation_of_the_blend_at_half_competition():
    res = theoretical_curve(competition=0.5, top_ratio=0.9 / 0.55, floor=0.1, ceiling=0.9)
    # p = 0.5 * 0.9 + 0.5 * q with q = 0.1, 0.15, 0.3, 0.55, 0.9
    assert res.curve["estimate"].tolist() == pytest.approx([0.5, 0.525, 0.6, 0.725, 0.9])
    assert res.ratio == pytest.approx(0.9 / 0.725)


def test_jones_sasser_defaults_six_times_as_loyal():
    # Jones & Sasser (1995): the completely satisfied are about six times as loyal as the merely satisfied.
    res = theoretical_curve()
    assert res.ratio == pytest.approx(6.0)
    assert res.exponent == pytest.approx(math.log(1 / 16) / math.log(0.75))
    p = res.curve["estimate"].to_numpy()
    assert p[3] == pytest.approx(0.15) and p[4] == pytest.approx(0.9) and p[0] == pytest.approx(0.1)
    assert cl.loyalty.loyalty_zones(scale="satisfaction5") == res.zones
    assert "Jones & Sasser (1995)" in res.reference and "Heskett et al. (1994)" in res.reference


def test_eleven_point_scale_uses_its_second_box():
    res = theoretical_curve(top_ratio=3.0, scale="nps11")
    p = res.curve.set_index("level")["estimate"]
    assert list(p.index) == list(range(11))
    assert p[10] / p[9] == pytest.approx(3.0)
    # (0.9/3 - 0.1) / 0.8 = 0.25 = 0.9^k
    assert res.exponent == pytest.approx(math.log(0.25) / math.log(0.9))


def test_competition_zero_is_flat_at_the_ceiling():
    res = theoretical_curve(competition=0.0, top_ratio=8.0, floor=0.05, ceiling=0.7)
    assert res.curve["estimate"].to_numpy() == pytest.approx(np.full(5, 0.7))
    assert res.ratio == pytest.approx(1.0)


def test_ratio_one_keeps_the_bottom_level_at_the_floor():
    res = theoretical_curve(top_ratio=1.0)
    assert res.exponent == 0.0
    assert res.curve["estimate"].tolist() == pytest.approx([0.1, 0.9, 0.9, 0.9, 0.9])


valid = st.tuples(st.floats(0.01, 0.6), st.floats(0.05, 0.98), st.floats(0.0, 1.0), st.floats(0.0, 0.999)).filter(
    lambda x: x[0] < x[1] - 0.01)


@settings(max_examples=fuzz_examples(60), deadline=None)
@given(valid, st.sampled_from(["satisfaction5", "agree7", "nps11"]))
def test_monotone_and_exact_ratio_at_full_competition(params, scale):
    floor, ceiling, competition, share = params
    top_ratio = 1.0 + share * (ceiling / floor - 1.0)
    res = theoretical_curve(competition=competition, top_ratio=top_ratio, floor=floor, ceiling=ceiling,
                            scale=scale)
    p = res.curve["estimate"].to_numpy()
    assert np.all(np.diff(p) >= -1e-12)
    assert p[-1] == pytest.approx(ceiling)
    assert np.all((p > 0) & (p < 1))
    assert 1.0 - 1e-9 <= res.ratio <= top_ratio * (1 + 1e-9)
    full = theoretical_curve(top_ratio=top_ratio, floor=floor, ceiling=ceiling, scale=scale)
    assert full.ratio == pytest.approx(top_ratio, rel=1e-9)
    assert full.curve["estimate"].iloc[0] == pytest.approx(floor)


@pytest.mark.parametrize("kwargs, match", [
    ({"competition": 1.5}, r"competition must lie between 0 \(protected market\) and 1"),
    ({"competition": -0.1}, r"competition must lie between 0"),
    ({"competition": "high"}, r"competition must be a number, got 'high'"),
    ({"competition": float("nan")}, r"competition must be a finite number"),
    ({"top_ratio": 0.5}, r"top_ratio must be at least 1"),
    ({"floor": 0.0}, r"floor is a probability of repurchase and must lie strictly between 0 and 1, got 0"),
    ({"ceiling": 1.0}, r"ceiling is a probability of repurchase and must lie strictly between 0 and 1"),
    ({"floor": -0.2}, r"floor is a probability"),
    ({"floor": 0.9, "ceiling": 0.5}, r"floor \(0.9\) must be below ceiling \(0.5\)"),
    ({"floor": 0.5, "ceiling": 0.5}, r"floor \(0.5\) must be below ceiling \(0.5\)"),
    ({"top_ratio": 9.0}, r"top_ratio 9 cannot be reached under the ceiling: with floor 0.1 and ceiling 0.9 .* "
                         r"ceiling/floor = 9 times"),
    ({"top_ratio": 4.0, "floor": 0.3}, r"top_ratio 4 cannot be reached .* ceiling/floor = 3 times"),
    ({"scale": "stars"}, r"unknown scale 'stars'; scales are: .*satisfaction5"),
])
def test_bad_inputs_raise_clearly(kwargs, match):
    with pytest.raises(CsatInputError, match=match):
        theoretical_curve(**kwargs)


def test_too_short_scale():
    with pytest.raises(CsatInputError, match="'yes_no' has 2 levels; a loyalty curve needs at least 3"):
        theoretical_curve(scale=cl.scales.Scale("yes_no", 0, 1, labelled=False))


def test_summary_is_labelled_in_both_languages():
    res = theoretical_curve(competition=0.4)
    assert "Competition (0 = protected market" in str(res)
    cl.set_language("zh-CN")
    try:
        assert "竞争程度" in str(theoretical_curve(competition=0.4))
        assert str(theoretical_curve().curve["zone_label"].iloc[-1]) == cl.label("loyalty.zone.affection", "zh-CN")
    finally:
        cl.set_language("en")


def test_estimate_and_plot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    res = theoretical_curve(competition=1.0, top_ratio=0.9 / 0.55, floor=0.1, ceiling=0.9)
    # the same hand calculation as above: q(v) = 0.1 + 0.8 * t^2
    assert res.estimate.tolist() == pytest.approx([0.1, 0.15, 0.3, 0.55, 0.9])
    assert dict(res.zones) == {"defection": (1, 2), "indifference": (3, 4), "affection": (5,)}
    assert res.curve.attrs == {}
    ax = res.plot()
    assert isinstance(ax, Axes) and [float(y) for y in ax.get_ylim()] == [0.0, 1.0]
    plt.close(ax.figure)
