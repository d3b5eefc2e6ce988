"""Charts name dataset identifiers by their display names, in the chart's language; other names as given."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import csat_lab as cl  # noqa: E402


def _texts(ax) -> list[str]:
    ax.figure.canvas.draw()
    return [t.get_text() for t in ax.get_yticklabels()] + [t.get_text() for t in ax.texts]


def test_drivers_follow_the_language_argument_and_user_names_stay() -> None:
    rng = np.random.default_rng(3)
    x = rng.normal(size=(80, 2))
    df = pd.DataFrame({"per_empathy": x[:, 0], "my_item": x[:, 1], "y": x @ [1.0, 0.5] + rng.normal(size=80)})
    result = cl.loyalty.ipa(df, outcome="y", drivers=["per_empathy", "my_item"])
    ax = cl.plots.ipa_plot(result, language="zh-CN")
    assert {"移情性（实际感受）", "my_item"} <= set(_texts(ax))
    plt.close(ax.figure)
    importance = cl.loyalty.shapley_importance(df, outcome="y", drivers=["per_empathy", "my_item"])
    ax = cl.plots.driver_importance_plot(importance)
    assert set(_texts(ax)) >= {"Empathy (perception)", "my_item"}
    plt.close(ax.figure)
    assert list(result.table.index) == ["per_empathy", "my_item"]  # the result keeps the identifiers


def test_kano_gap_and_group_charts_name_features_items_and_groups() -> None:
    kano = pd.DataFrame({"better": [0.7, 0.2], "worse": [-0.3, -0.8]}, index=["free_wifi", "brakes"])
    ax = cl.plots.kano_chart(kano, language="zh-CN")
    assert [t.get_text() for t in ax.texts][:2] == ["免费无线网络", "brakes"]
    plt.close(ax.figure)
    gaps = cl.survey.gap_scores(pd.DataFrame({"tangibles": [5, 6, 7], "speed": [4, 4, 5]}),
                                pd.DataFrame({"tangibles": [6, 6, 7], "speed": [3, 4, 4]}))
    ax = cl.plots.gap_chart(gaps, language="zh-CN")
    assert _texts(ax)[:2] == ["有形性", "speed"]
    plt.close(ax.figure)
    data = pd.DataFrame({"segment": ["consumer"] * 20 + ["small_business"] * 20,
                         "csat": [5, 4, 2, 5] * 5 + [3, 4, 5, 1] * 5})
    ax = cl.metrics.compare_groups(data, score="csat", group="segment").plot(language="zh-CN")
    ax.figure.canvas.draw()
    assert [t.get_text() for t in ax.get_xticklabels()] == ["个人客户", "中小企业"]
    assert ax.get_xlabel() == "客户类型"
    plt.close(ax.figure)


def test_survival_legend_names_the_groups() -> None:
    data = pd.DataFrame({"months": [1, 2, 3, 4, 5, 6, 7, 8], "left": [1, 0, 1, 1, 0, 1, 0, 1],
                         "contract": ["month_to_month", "two_year"] * 4})
    ax = cl.churn.kaplan_meier(data, duration="months", event="left", group="contract").plot(language="zh-CN")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["按月", "两年合约"]
    plt.close(ax.figure)
