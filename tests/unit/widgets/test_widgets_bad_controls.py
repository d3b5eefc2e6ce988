"""Out-of-range and wrong-kind control values: the model functions answer with a clear error or the
correct value, and the explorers show such errors in the view instead of raising or silently
clamping what the trainer asked for. Expected values are worked out by hand.
"""

from __future__ import annotations

import math
import warnings

import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl  # noqa: E402
from csat_lab.errors import CsatInputError  # noqa: E402
from csat_lab.widgets import churn_explorer, complaint_simulator, models, nps_explorer, sample_size_explorer  # noqa: E402
from csat_lab.widgets.views.base import Explorer, Rendered  # noqa: E402
from csat_lab.widgets.views.controls import int_slider  # noqa: E402


@pytest.mark.parametrize("value", [1.5, "twelve", None, True, math.nan, math.inf])
def test_nps_model_counts_must_be_whole_numbers(value) -> None:
    # int(1.5) used to answer for 1 promoter, int(True) for 1; text and NaN ended in raw errors.
    with pytest.raises(CsatInputError, match="promoters must"):
        models.nps_model(value, 30, 20)


def test_nps_model_accepts_whole_floats() -> None:
    # 50.0 promoters is 50: NPS = 100 (50 - 20) / 100 = 30
    assert models.nps_model(50.0, 30, 20).score == pytest.approx(30.0)


def test_sample_size_for_a_small_population_has_a_curve_up_to_the_population() -> None:
    # N = 50: n0 = 1.96^2 0.25 / 0.05^2 = 384.1; n = 384.1 / (1 + 383.1 / 50) = 44.3 -> 45
    plan = models.sample_size_model(population=50)
    assert plan.n == 45
    assert plan.curve["n"].min() < plan.n <= plan.curve["n"].max() <= 50
    # N = 10 is a census: the margin at n = 10 is 0 (finite population correction sqrt((10 - 10) / 9))
    census = models.sample_size_model(population=10)
    assert (census.n, census.moe) == (10, 0.0) and len(census.curve) > 1


def test_clv_model_names_the_gain_and_the_discount() -> None:
    with pytest.raises(CsatInputError, match=r"retention \+ gain must lie between 0 and 1 \(below 1\), got 0.9 \+ 0.1 = 1"):
        models.clv_model(100, 0.9, 0.1, gain=0.1)
    with pytest.raises(CsatInputError, match="discount must be a proportion between 0 and 1"):
        models.clv_model(100, 0.8, -0.5)  # used to give CLV = -266.67 and leak a divide-by-zero warning
    # CLV = m / (1 + d - r) = 100 / 0.3 = 333.33, at r + gain = 0.85: 100 / 0.25 = 400
    r = models.clv_model(100, 0.8, 0.1, gain=0.05)
    assert (round(r.clv.value, 2), round(r.improved.value, 2)) == (333.33, 400.0)
    with pytest.raises(CsatInputError, match="first_margin must be one of: 'retained', 'certain'; got 'first'"):
        models.clv_model(100, 0.8, 0.1, first_margin="first")


@pytest.mark.parametrize("flag", ["yes", "false", 2, None, 0.5])
def test_complaint_steps_must_be_true_or_false(flag) -> None:
    # "false" used to count as a step taken (a non-empty text is truthy).
    with pytest.raises(CsatInputError, match="follow_up must be True or False"):
        models.complaint_model(follow_up=flag)


def test_complaint_steps_accept_one_and_zero() -> None:
    assert models.complaint_model(listen=1, review=0).steps == ("listen",)


def test_kano_model_checks_the_answer_codes() -> None:
    with pytest.raises(CsatInputError, match=r"dysfunctional must be an answer code 1 \(like it\) to 5"):
        models.kano_model("free_wifi", functional=1, dysfunctional=True)
    assert models.kano_model("free_wifi", functional=1, dysfunctional=5).answer == "O"  # like / dislike


def test_key_driver_model_reads_one_name_as_one_driver() -> None:
    with pytest.raises(CsatInputError, match=r"choose at least 2 drivers; got 1: \['per_empathy'\]"):
        models.key_driver_model(drivers="per_empathy")


def test_start_values_beyond_a_slider_are_kept_not_clamped() -> None:
    ex = churn_explorer(customers=5000, lost=50, debounce=0)
    try:
        slider = ex.controls["customers"]
        assert (slider.value, slider.max) == (5000, 5000)
        assert ex.result.churn.rate == pytest.approx(50 / 5000)  # 0.01, not 50 / 2000
    finally:
        ex.close()


def test_impossible_start_values_show_the_models_error_in_the_view() -> None:
    for factory, controls, message in [
        (churn_explorer, {"customers": -5}, "customers must not be negative"),
        (nps_explorer, {"promoters": -3}, "promoters must not be negative"),
        (sample_size_explorer, {"population": -1}, "population must not be negative"),
    ]:
        ex = factory(debounce=0, **controls)
        try:
            assert ex.result is None and message in ex.error
            assert message in ex.headline.value and ex.output.outputs == ()
        finally:
            ex.close()


def test_start_values_a_control_cannot_hold_raise_naming_the_control() -> None:
    with pytest.raises(CsatInputError, match="Promoters .*: the start value must be a whole number, got 2.5"):
        nps_explorer(promoters=2.5)
    with pytest.raises(CsatInputError, match=r"the start value must be one of: 0.9, 0.95, 0.99; got 0.93"):
        nps_explorer(ci=0.93)
    with pytest.raises(CsatInputError, match=r"steps must be handling steps from: .*\['smile'\]"):
        complaint_simulator(steps=["listen", "smile"])
    slider = int_slider("widgets.nps.promoters", 7, 0, 10)
    assert slider.value == 7 and isinstance(slider.value, int)


def test_a_result_the_chart_cannot_draw_is_shown_as_an_error() -> None:
    def model(x: int) -> dict:
        return {"x": x}

    def render(result: dict) -> Rendered:
        if result["x"] > 5:
            raise CsatInputError("the chart needs x <= 5")
        return Rendered(f"x = {result['x']}")

    ex = Explorer("probe", "widgets.churn.title", model, {"x": int_slider("widgets.nps.promoters", 1, 0, 10)}, render,
                  debounce=0)
    try:
        assert ex.result == {"x": 1} and ex.error is None
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            ex.set(x=9)
        assert ex.result is None and ex.error == "the chart needs x <= 5"
        assert "the chart needs x &lt;= 5" in ex.headline.value
        ex.set(x=2)
        assert ex.result == {"x": 2} and ex.error is None and "x = 2" in ex.headline.value
    finally:
        ex.close()


def test_the_explorer_error_text_is_in_the_current_language() -> None:
    cl.set_language("zh-CN")
    try:
        ex = churn_explorer(customers=10, lost=20, debounce=0)
        assert ex.headline.value.startswith("<span") and "无法计算" in ex.headline.value
        ex.close()
    finally:
        cl.set_language("en")
