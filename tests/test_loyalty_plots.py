"""Loyalty charts draw from results and label from the catalog."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import csat_lab as cl  # noqa: E402
from csat_lab.errors import CsatInputError  # noqa: E402
from csat_lab.loyalty import (ipa, loyalty_curve, loyalty_regression, pls_path_model,  # noqa: E402
                              shapley_importance, simulate_structural)
from csat_lab.plots import loyalty as lp  # noqa: E402


@pytest.fixture
def drivers():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(200, 3)) + 3
    df = pd.DataFrame(x, columns=["staff", "wait", "price"])
    df["overall"] = x @ [0.5, 0.3, 0.1] + rng.normal(size=200)
    return df


def test_charts_render_and_use_catalog_labels(drivers):
    sat = np.repeat([1, 2, 3, 4, 5], 20)
    df = pd.DataFrame({"sat": sat, "rebuy": (np.arange(100) % 10) < sat * 1.6})
    curve = loyalty_curve(df, "sat", "rebuy", scale="satisfaction5")
    ax = lp.loyalty_curve_plot(curve)
    assert ax.get_title() == "Satisfaction and loyalty"
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == "Zone of affection"
    assert lp.loyalty_curve_plot(loyalty_regression(df, "sat", "rebuy")).get_ylabel() == "Predicted loyalty"
    table = shapley_importance(drivers, "overall", ["staff", "wait", "price"], bootstrap=30, seed=1)
    ax = lp.driver_importance_plot(table)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["price", "wait", "staff"]
    cl.set_language("zh-CN")
    try:
        ax = lp.ipa_plot(ipa(drivers, "overall", ["staff", "wait", "price"]))
        assert ax.get_title() == "重要性-表现分析"
        assert "重点改进" in [t.get_text() for t in ax.texts]
    finally:
        cl.set_language("en")
    data, truth = simulate_structural({("QUAL", "SAT"): 0.5, ("SAT", "LOY"): 0.4}, n=150, seed=2)
    ax = lp.path_model_plot(pls_path_model(data, truth["blocks"], [("QUAL", "SAT"), ("SAT", "LOY")]))
    assert {"QUAL", "SAT", "LOY"} <= {t.get_text() for t in ax.texts}
    assert cl.plots.ipa_plot is lp.ipa_plot
    plt.close("all")


def test_charts_reject_wrong_input():
    with pytest.raises(CsatInputError, match="needs the table of loyalty_curve"):
        lp.loyalty_curve_plot(pd.DataFrame({"x": [1]}))
    with pytest.raises(CsatInputError, match="needs the table of shapley_importance"):
        lp.driver_importance_plot(pd.DataFrame({"x": [1]}))
    with pytest.raises(CsatInputError, match="needs the table of ipa"):
        lp.ipa_plot([1, 2])
    with pytest.raises(CsatInputError, match="needs the result of pls_path_model"):
        lp.path_model_plot(object())
