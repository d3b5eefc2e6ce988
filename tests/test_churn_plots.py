"""Charts of churn, segments and complaints: they draw, return their Axes and follow the language."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import csat_lab as cl  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")
    cl.set_language("en")


def test_churn_charts_follow_language():
    log = pd.DataFrame({"customer_id": [1, 1, 2, 3], "date": pd.to_datetime(
        ["2024-01-02", "2024-02-03", "2024-02-05", "2024-03-01"])})
    cl.set_language("zh-CN")
    ax = cl.plots.cohort_heatmap(cl.churn.cohort_table(log, now="2024-12-31"))
    assert ax.get_title() == cl.label("cohort.title", "zh-CN")
    km = cl.churn.kaplan_meier([1, 2, 3, 4], [1, 0, 1, 1], groups=["a", "a", "b", "b"])
    ax = cl.plots.survival_curves(km)
    assert len(ax.get_legend().get_texts()) == 2
    assert cl.plots.retention_economics_chart(cl.churn.retention_economics(100, 0.8, 10)).get_ylabel() == "客户数"


def test_segment_and_complaint_charts():
    ax = cl.plots.lorenz_curve(cl.segments.pareto([1, 2, 3, 10]))
    assert "0.4" in ax.get_legend().get_texts()[0].get_text()
    log = pd.DataFrame({"complained": [True, True, False], "received_at": pd.to_datetime(["2024-01-01", "2024-01-02", None]),
                        "acknowledged_at": pd.to_datetime(["2024-01-01", "2024-01-03", None]),
                        "resolved_at": pd.to_datetime(["2024-01-02", None, None]),
                        "handling_satisfaction": [4, 2, None], "reopened": [False, None, None],
                        "step_listen": [True, False, None]})
    ax = cl.plots.step_completion_bars(cl.complaints.complaint_kpis(log))
    assert ax.get_yticklabels()[0].get_text() == cl.label("complaints.step.listen")
