"""The explorers' result classes: headline ``estimate``, ``plot()`` through cl.plots, documented fields.

Numbers are checked against hand calculations written out here, never against
csat_lab's own output; ``plot()`` must draw the chart the explorer's view draws.
"""

from __future__ import annotations

import dataclasses
import math

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

import csat_lab as cl  # noqa: E402
from csat_lab.widgets import models  # noqa: E402

Z95 = 1.959963984540054


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _lines(ax: Axes) -> list[list[float]]:
    return [list(map(float, line.get_ydata())) for line in ax.lines]


def test_nps_difference_estimate_interval_and_plot():
    r = models.nps_difference_model(40, 30, 30, 50, 30, 20)
    # NPS 10 -> 30; se^2 = (0.7 - 0.01) / 100 + (0.7 - 0.09) / 100 (independent waves, Rocks 2016)
    se = math.sqrt(0.69 / 100 + 0.61 / 100) * 100
    assert r.estimate == pytest.approx(20.0) == r.difference
    assert r.ci == pytest.approx((20 - Z95 * se, 20 + Z95 * se)) and r.ci_level == 0.95
    assert r.ci_method == r.comparison.ci_method
    ax = r.plot()
    assert isinstance(ax, Axes)
    expected = cl.plots.nps_interval_chart(r)
    assert [c.lines[0].get_xdata()[0] for c in ax.containers] == pytest.approx([10.0, 30.0])
    assert [c.lines[0].get_xdata()[0] for c in expected.containers] == pytest.approx([10.0, 30.0])


def test_sample_size_plan_estimate_plot_and_the_old_ci_level_name():
    plan = models.sample_size_model(moe=0.05, ci=0.90)
    z90 = 1.6448536269514722
    n = math.ceil(z90**2 * 0.25 / 0.05**2)  # Cochran (1977): 270.6 -> 271
    assert plan.estimate == plan.n == n
    assert plan.ci_level == 0.90
    with pytest.warns(DeprecationWarning, match="ci_level"):
        assert plan.ci == 0.90
    ax = plan.plot()
    assert isinstance(ax, Axes) and ax.get_xscale() == "log"
    assert ax.lines[1].get_xydata().tolist() == [[n, pytest.approx(z90 * math.sqrt(0.25 / n))]]
    assert "ci_level" in plan.to_dict() and "ci" not in plan.to_dict()


def test_kano_calculation_estimate_is_better_and_plot_rings_the_feature():
    r = models.kano_model("free_wifi", functional=1, dysfunctional=5)
    data = cl.datasets.load("kano_features")
    # Better = (A + O) / (A + O + M + I) from the feature's category counts (Berger et al., 1993).
    counts = r.table.loc["free_wifi"]
    assert r.estimate == r.better == pytest.approx(
        (counts["A"] + counts["O"]) / (counts["A"] + counts["O"] + counts["M"] + counts["I"]))
    assert int(counts[list("AOMIRQ")].sum()) == int((data["feature"] == "free_wifi").sum())
    ax = r.plot()
    assert isinstance(ax, Axes)
    ring = ax.collections[-1].get_offsets().tolist()
    assert ring == [[pytest.approx(abs(r.worse)), pytest.approx(r.better)]]
    assert len(r.plot(highlight=None).collections) == 1  # the ring can be switched off


def test_loyalty_curve_estimate_is_the_ratio_and_plot_is_the_curve():
    r = models.loyalty_curve_model("auto_dealer", "repurchase", kind="ols")
    data = cl.datasets.load("auto_dealer")
    sat = data["overall_satisfaction"].astype(int)
    top, second = data["repurchase"][sat == 5].mean(), data["repurchase"][sat == 4].mean()
    assert r.estimate == pytest.approx(top / second)
    ax = r.plot()
    assert isinstance(ax, Axes)
    # OLS on the level dummies is saturated: the points are the group shares.
    assert ax.containers[0].lines[0].get_ydata() == pytest.approx(data["repurchase"].astype(float).groupby(sat).mean())
    assert r.curve["zone"].tolist()[-1] == "affection"  # the curve result reads like its table
    assert dict(r.to_frame().values)[cl.label("result.n")] == f"{len(data.dropna(subset=['overall_satisfaction', 'repurchase'])):,}"


def test_churn_calculation_estimate_and_plot():
    r = models.churn_model(200, 10, "month")
    assert r.estimate == 10 / 200
    ax = r.plot()
    assert isinstance(ax, Axes) and _lines(ax)[0] == pytest.approx([0.95**t for t in range(13)])
    same = models.churn_model(200, 10, "M")  # the naming table's period code
    assert same.period == "month" and same.converted == pytest.approx(1 - 0.95**12)
    assert models.churn_model(100, 20, "Y").converted == pytest.approx(1 - 0.8 ** (1 / 12))


def test_clv_calculation_estimate_and_plot():
    r = models.clv_model(100, 0.8, 0.1, acquisition_cost=50, gain=0.05)
    assert r.estimate == pytest.approx(100 / (1.1 - 0.8) - 50)  # the course's timing: 283.33
    ax = r.plot()
    assert isinstance(ax, Axes)
    assert _lines(ax)[1:] == [[pytest.approx(283.3333333)], [pytest.approx(100 / 0.25 - 50)]]


def test_complaint_simulation_estimate_and_plot_both_outcomes():
    r = models.complaint_model(listen=True, solution=True)
    assert r.estimate == r.chosen["satisfaction"]
    for outcome in ("satisfaction", "repurchase"):
        ax = r.plot(outcome=outcome)
        assert isinstance(ax, Axes)
        assert [p.get_height() for p in ax.patches] == pytest.approx([p[outcome] for p in (r.none, r.chosen, r.all)])


@pytest.mark.parametrize("cls", [models.NPSDifference, models.SampleSizePlan, models.KanoCalculation,
                                 models.LoyaltyCurve, models.ChurnCalculation, models.CLVCalculation,
                                 models.ComplaintSimulation])
def test_result_classes_are_frozen_and_document_every_field(cls):
    assert dataclasses.is_dataclass(cls) and cls.__dataclass_params__.frozen
    assert isinstance(cls.estimate, property) and callable(cls.plot)
    doc = cls.__doc__ or ""
    assert "Attributes" in doc and all(f"{f.name} :" in doc for f in dataclasses.fields(cls))
    assert "estimate :" in doc


def test_plots_read_the_widget_results_and_their_tables():
    r = models.churn_model(100, 20, "year")
    pd.testing.assert_series_equal(pd.Series(_lines(cl.plots.retention_curve(r))[0]),
                                   pd.Series(_lines(cl.plots.retention_curve(r.survival))[0]))
