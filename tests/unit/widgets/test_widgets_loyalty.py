"""Loyalty explorers driven headless: the loyalty curve with zones and key drivers / IPA.

Numbers are checked against pandas group means, the Katz et al. (1978)
log-ratio interval written out, and a brute-force Shapley decomposition of
R^2 with numpy least squares (Lipovetsky & Conklin 2001).
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

ipywidgets = pytest.importorskip("ipywidgets")

import csat_lab as cl
from csat_lab.loyalty import theoretical_curve
from csat_lab.widgets import key_driver_explorer, loyalty_curve_explorer

Z95 = 1.959963984540054



def test_loyalty_curve_levels_are_the_group_shares_and_the_ratio_is_katz():
    ex = loyalty_curve_explorer(dataset="auto_dealer", loyalty="repurchase", kind="ols")
    data = cl.datasets.load("auto_dealer")
    sat = data["overall_satisfaction"].astype(int)
    shares = data["repurchase"].astype(float).groupby(sat).mean()
    # OLS on satisfaction dummies is saturated: each level's estimate is its group mean.
    assert ex.result.curve.set_index("level")["estimate"].to_numpy() == pytest.approx(shares.to_numpy())
    assert ex.result.curve["zone"].tolist() == ["defection", "defection", "indifference", "indifference", "affection"]
    x1, n1 = data["repurchase"][sat == 5].sum(), (sat == 5).sum()
    x2, n2 = data["repurchase"][sat == 4].sum(), (sat == 4).sum()
    ratio = (x1 / n1) / (x2 / n2)
    half = Z95 * math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2)
    assert ex.result.ratio.ratio == pytest.approx(ratio)
    assert ex.result.ratio.ci == pytest.approx((ratio * math.exp(-half), ratio * math.exp(half)))
    assert f"{ratio:.1f} times as loyal" in ex.headline.value
    assert any("image/png" in o["data"] for o in ex.output.outputs)


def test_loyalty_curve_dataset_switch_offers_that_datasets_measures():
    ex = loyalty_curve_explorer()
    before = ex.n_updates
    ex.controls["dataset"].value = "hotel_guests"
    assert [v for _, v in ex.controls["loyalty"].options] == ["returned_next_year", "recommend"]
    assert ex.error is None and ex.result.loyalty == "returned_next_year"
    assert ex.n_updates == before + 1  # one computation, never a stale measure
    ex.controls["kind"].value = "logit"
    assert ex.result.kind == "logit" and ex.error is None


def test_loyalty_curve_logit_on_a_rating_is_an_input_error_shown_to_the_user():
    ex = loyalty_curve_explorer()
    ex.set(loyalty="recommend", kind="logit")
    assert ex.result is None and ex.error
    assert "Cannot compute" in ex.headline.value


def test_loyalty_curve_default_is_the_data_with_the_curve_sliders_hidden():
    ex = loyalty_curve_explorer()
    assert ex.controls["source"].value == "data" and isinstance(ex.result, cl.widgets.models.LoyaltyCurve)
    assert [ex.controls[k].layout.display for k in ("dataset", "competition", "top_ratio")] == [None, "none", "none"]
    assert [label for label, _ in ex.controls["source"].options] == ["Survey data", "Chosen curve"]


def test_loyalty_curve_chosen_curve_follows_the_sliders():
    ex = loyalty_curve_explorer()
    data_png = ex.output.outputs[0]["data"]["image/png"]
    ex.controls["source"].value = "curve"
    assert ex.error is None
    assert [ex.controls[k].layout.display for k in ("dataset", "kind", "competition")] == ["none", "none", None]
    expected = theoretical_curve(competition=1.0, top_ratio=6.0)
    pd.testing.assert_frame_equal(ex.result.curve, expected.curve)
    # Jones & Sasser (1995): at full competition the top box is six times as loyal as the second.
    assert ex.result.ratio == pytest.approx(6.0)
    assert ex.result.curve["zone"].tolist() == ["defection", "defection", "indifference", "indifference", "affection"]
    curve_png = ex.output.outputs[0]["data"]["image/png"]
    assert curve_png != data_png
    assert "Chosen curve: at competition 1.00 the completely satisfied are 6.0 times" in ex.headline.value

    before = ex.n_updates
    ex.controls["competition"].value = 0.5
    assert ex.n_updates == before + 1
    # p = 0.5 * 0.9 + 0.5 * q: the top box stays at 0.9, the second box at 0.45 + 0.5 * 0.15 = 0.525.
    assert ex.result.curve["estimate"].iloc[-2] == pytest.approx(0.525)
    assert ex.result.ratio == pytest.approx(0.9 / 0.525)
    assert ex.result.ratio == pytest.approx(theoretical_curve(competition=0.5, top_ratio=6.0).ratio)
    assert ex.output.outputs[0]["data"]["image/png"] != curve_png
    assert "at competition 0.50" in ex.headline.value

    ex.controls["top_ratio"].value = 3.0
    assert ex.result.top_ratio == 3.0 and ex.result.competition == 0.5
    pd.testing.assert_frame_equal(ex.result.curve, theoretical_curve(competition=0.5, top_ratio=3.0).curve)
    ex.controls["source"].value = "data"
    assert isinstance(ex.result, cl.widgets.models.LoyaltyCurve) and ex.result.kind == "ols"


def test_loyalty_curve_model_checks_its_source():
    # (its speed is measured in benchmarks/bench_widgets.py, never asserted here)
    model = cl.widgets.models.loyalty_curve_model
    with pytest.raises(cl.CsatInputError, match="source must be one of: 'data', 'curve'; got 'theory'"):
        model(source="theory")


def test_loyalty_curve_chosen_curve_in_chinese():
    ex = loyalty_curve_explorer(source="curve", competition=0.0)
    cl.set_language("zh-CN")
    try:
        assert ex.controls["source"].description == "曲线来源"
        assert "设定曲线：竞争程度为 0.00" in ex.headline.value
        assert str(ex.result.curve["zone_label"].iloc[-1]) == cl.label("loyalty.zone.affection")
    finally:
        cl.set_language("en")


def shapley_shares(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Shapley decomposition of R^2 by brute force over every subset of drivers."""
    k = x.shape[1]

    def r2(cols: tuple[int, ...]) -> float:
        if not cols:
            return 0.0
        design = np.column_stack([np.ones(len(y)), x[:, cols]])
        fitted = design @ np.linalg.lstsq(design, y, rcond=None)[0]
        return 1 - ((y - fitted) ** 2).sum() / ((y - y.mean()) ** 2).sum()

    values = np.zeros(k)
    for j in range(k):
        others = [i for i in range(k) if i != j]
        for size in range(k):
            weight = math.factorial(size) * math.factorial(k - size - 1) / math.factorial(k)
            for subset in itertools.combinations(others, size):
                values[j] += weight * (r2(tuple(sorted((*subset, j)))) - r2(subset))
    return values / values.sum()


def test_key_driver_explorer_against_brute_force_shapley():
    ex = key_driver_explorer(dataset="hotel_guests")
    drivers = list(ex.controls["drivers"].value)
    data = cl.datasets.load("hotel_guests")[["satisfaction", *drivers]].astype(float).dropna()
    expected = shapley_shares(data[drivers].to_numpy(), data["satisfaction"].to_numpy())
    assert ex.result.loc[drivers, "importance"].to_numpy() == pytest.approx(expected, abs=1e-9)
    assert ex.result.loc[drivers, "performance"].to_numpy() == pytest.approx(data[drivers].mean().to_numpy())
    top = drivers[int(np.argmax(expected))]
    assert f"Most important driver: {cl.datasets.display_name(top)}" in ex.headline.value  # shown by its display name


def test_key_driver_explorer_dataset_switch_and_too_few_drivers():
    ex = key_driver_explorer()
    ex.controls["dataset"].value = "auto_dealer"
    assert ex.controls["outcome"].value == "overall_satisfaction"
    assert all(d.startswith("perf_repair_") for d in ex.controls["drivers"].value)
    assert ex.error is None and len(ex.result) == 6
    ex.controls["drivers"].value = ("perf_repair_advice",)
    assert "choose at least 2 drivers" in ex.error
    ex.controls["importance"].value = "relative_weights"
    ex.controls["drivers"].value = ("perf_repair_advice", "perf_repair_on_time")
    assert ex.result["importance"].sum() == pytest.approx(1.0)


def test_language_switch_relabels_the_ipa_table():
    ex = key_driver_explorer()
    cl.set_language("zh-CN")
    assert ex.controls["importance"].description == "重要性计算方法"
    assert "象限" in ex.output.outputs[1]["data"]["text/html"]
    assert "最重要的驱动因素" in ex.headline.value


def test_key_driver_method_is_the_deprecated_name_of_importance():
    model = cl.widgets.models.key_driver_model
    with pytest.warns(DeprecationWarning, match="importance="):
        old = model("hotel_guests", "satisfaction", method="relative_weights")
    new = model("hotel_guests", "satisfaction", importance="relative_weights")
    pd.testing.assert_frame_equal(old.table, new.table)
    with pytest.warns(DeprecationWarning, match="importance="):
        ex = key_driver_explorer(method="relative_weights")
    assert ex.controls["importance"].value == "relative_weights"
    pd.testing.assert_frame_equal(ex.result.table, new.table)


def test_key_driver_model_result_reads_like_the_old_table():
    # The IPA result answers the DataFrame operations the old return value had.
    r = cl.widgets.models.key_driver_model("hotel_guests", "satisfaction")
    assert isinstance(r.table, pd.DataFrame) and len(r) == 5
    assert r["importance"].sum() == pytest.approx(1.0)
    assert list(r.loc[:, "performance"]) == list(r.table["performance"])
    data = cl.datasets.load("hotel_guests")
    drivers = list(r.table.index)
    assert r.importance_split == pytest.approx(r.table["importance"].mean())  # the default split is the mean
    assert r.table["performance"].to_numpy() == pytest.approx(
        data[["satisfaction", *drivers]].astype(float).dropna()[drivers].mean().to_numpy())
