"""Charts of churn, segments and complaints: they draw, return their Axes and follow the language."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
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
    km = cl.churn.kaplan_meier(SPELLS, duration="t", event="lost", group="plan")
    ax = cl.plots.survival_curves(km)
    assert len(ax.get_legend().get_texts()) == 2
    assert cl.plots.retention_economics_chart(cl.churn.retention_economics(100, 0.8, 10)).get_ylabel() == "客户数"


def test_charts_take_a_language_without_changing_the_current_one():
    ax = cl.plots.retention_economics_chart(cl.churn.retention_economics(100, 0.8, 10), language="zh-CN")
    assert ax.get_ylabel() == "客户数" and cl.get_language() == "en"
    assert cl.plots.lorenz_curve(cl.segments.pareto([1, 2, 3, 10]), language="zh-CN").get_title() == cl.label(
        "segments.lorenz_title", "zh-CN")
    ax = cl.plots.survival_curves(cl.churn.kaplan_meier(SPELLS, duration="t", event="lost"), language="zh-CN")
    assert ax.get_ylabel() == cl.label("survival.probability", "zh-CN")


# Two plans of two customers: a loses one at t=1 and is censored at t=2; b loses both, at t=3 and t=4.
SPELLS = pd.DataFrame({"t": [1, 2, 3, 4], "lost": [1, 0, 1, 1], "plan": ["a", "a", "b", "b"]})


def _steps(ax) -> list[list[float]]:
    return [list(line.get_ydata()) for line in ax.lines]


def test_survival_curves_draw_the_kaplan_meier_steps_and_bands():
    km = cl.churn.kaplan_meier(SPELLS, duration="t", event="lost", group="plan")
    ax = cl.plots.survival_curves(km)
    # Kaplan & Meier (1958) by hand: plan a 1 -> 1/2 at t=1 (then censored); plan b 1 -> 1/2 -> 0 at t=3, 4.
    assert [line.get_ydata()[-1] for line in ax.lines] == pytest.approx([0.5, 0.0])
    assert all(line.get_drawstyle() == "steps-post" for line in ax.lines)
    assert len(ax.collections) == 2  # one band per group
    assert _steps(cl.plots.survival_curves(km.table)) == _steps(ax)  # the table draws the same chart
    assert len(cl.plots.survival_curves(km, show_ci=False).collections) == 0


def test_survival_curves_ci_flag_is_the_deprecated_name_of_show_ci():
    km = cl.churn.kaplan_meier(SPELLS, duration="t", event="lost")
    with pytest.warns(DeprecationWarning, match="show_ci="):
        old = cl.plots.survival_curves(km, ci=False)
    new = cl.plots.survival_curves(km, show_ci=False)
    assert _steps(old) == _steps(new) and len(old.collections) == len(new.collections) == 0


def test_tables_of_results_draw_like_the_results():
    table = cl.churn.clv_sensitivity(100, retention=[0.8, 0.9], discount=[0.1])
    frame = getattr(table, "table", table)
    # CLV = m r / (1 + d - r) (Gupta & Lehmann, 2003): 100 * 0.8 / 0.3 = 266.67 and 100 * 0.9 / 0.2 = 450.
    assert [t.get_text() for t in cl.plots.clv_sensitivity_heatmap(table).texts] == ["267", "450"]
    assert [t.get_text() for t in cl.plots.clv_sensitivity_heatmap(frame).texts] == ["267", "450"]
    log = pd.DataFrame({"customer_id": [1, 1, 2, 3], "date": pd.to_datetime(
        ["2024-01-02", "2024-02-03", "2024-02-05", "2024-03-01"])})
    cohorts = cl.churn.cohort_table(log, now="2024-03-31")
    drawn = [t.get_text() for t in cl.plots.cohort_heatmap(cohorts).texts]
    # By hand: January's customer buys again in February (100%, 100%); February's new customer does not (100%, 0%).
    assert drawn[:4] == ["100%", "100%", "100%", "0%"]
    assert [t.get_text() for t in cl.plots.cohort_heatmap(cohorts.rates).texts] == drawn


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


def _hex(colour) -> str:
    from matplotlib.colors import to_hex

    return to_hex(colour)


def test_retention_curve_is_the_geometric_decay():
    from csat_lab.widgets.models import churn_model

    ax = cl.plots.retention_curve(churn_model(200, 10, "month"))
    # churn 10 / 200 = 5% a month: S(t) = 0.95^t over a year
    line = ax.lines[0]
    assert list(line.get_xdata()) == list(range(13))
    assert line.get_ydata() == pytest.approx(0.95 ** np.arange(13))
    assert line.get_drawstyle() == "steps-post" and _hex(line.get_color()) == "#386cb0"
    shaded = ax.collections[0].get_paths()[0].vertices
    assert shaded[:, 1].max() == pytest.approx(1.0) and shaded[:, 1].min() == pytest.approx(0.0)
    assert ax.get_ylim() == pytest.approx((0, 1.02))
    assert ax.get_ylabel() == cl.label("widgets.churn.axis_remaining")
    table = pd.DataFrame({"period": [0, 1, 2], "active": [1.0, 0.5, 0.25]})
    assert list(cl.plots.retention_curve(table).lines[0].get_ydata()) == [1.0, 0.5, 0.25]
    with pytest.raises(cl.CsatInputError, match="needs the result of widgets.models.churn_model"):
        cl.plots.retention_curve(pd.DataFrame({"t": [0]}))


def test_clv_retention_curve_follows_gupta_lehmann():
    from csat_lab.widgets.models import clv_model

    ax = cl.plots.clv_retention_curve(clv_model(200, 0.75, 0.10, acquisition_cost=100, gain=0.05,
                                                first_margin="retained"))
    curve, now, after = ax.lines
    r = curve.get_xdata().astype(float)
    assert curve.get_ydata() == pytest.approx(200 * r / (1.10 - r) - 100)  # CLV = m r / (1 + d - r) - AC
    assert (now.get_xdata()[0], now.get_ydata()[0]) == pytest.approx((0.75, 200 * 0.75 / 0.35 - 100))  # 328.57
    assert (after.get_xdata()[0], after.get_ydata()[0]) == pytest.approx((0.80, 200 * 0.80 / 0.30 - 100))  # 433.33
    assert [_hex(line.get_color()) for line in (now, after)] == ["#d95f02", "#1b9e77"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == [cl.label("widgets.clv.now"),
                                                                   cl.label("widgets.clv.after")]
    with pytest.raises(cl.CsatInputError, match="needs the result of widgets.models.clv_model"):
        cl.plots.clv_retention_curve(pd.DataFrame({"retention": [0.5]}))


def test_pareto_curve_reads_the_lorenz_curve_from_the_top():
    ax = cl.plots.pareto_curve(cl.segments.pareto([5, 50, 10, 30, 5], top=0.2))
    curve, diagonal, guide, dot = ax.lines
    # Largest first: 50, 30, 10, 5, 5 of 100. The top k of 5 customers bring these shares of value.
    order = np.argsort(curve.get_xdata())
    assert curve.get_xdata()[order] == pytest.approx([0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
    assert curve.get_ydata()[order] == pytest.approx([0.0, 0.5, 0.8, 0.9, 0.95, 1.0])
    assert (dot.get_xdata()[0], dot.get_ydata()[0]) == pytest.approx((0.2, 0.5))  # the top 20% bring 50%
    assert list(guide.get_xdata()) == pytest.approx([0.2, 0.2, 0]) and list(guide.get_ydata()) == pytest.approx(
        [0, 0.5, 0.5])
    assert list(diagonal.get_xdata()) == [0, 1] and diagonal.get_linestyle() == "--"
    assert ax.get_xlabel() == cl.label("widgets.pareto.x")
    with pytest.raises(cl.CsatInputError, match="needs the result of segments.pareto"):
        cl.plots.pareto_curve(pd.Series([1.0]))


def test_complaint_prediction_bars_are_the_fitted_predictions_with_their_cis():
    from matplotlib.container import ErrorbarContainer

    from csat_lab.widgets.models import complaint_model

    r = complaint_model(listen=True, solution=True)
    steps = ["listen", "feelings", "cause", "requirement", "solution", "thank", "follow_up", "review"]
    log = cl.datasets.load("complaints_log")
    comp = log[log["complained"]][[f"step_{s}" for s in steps] + ["handling_satisfaction"]].dropna().astype(float)
    x = np.column_stack([np.ones(len(comp)), comp.iloc[:, :8].to_numpy()])
    beta = np.linalg.lstsq(x, comp["handling_satisfaction"].to_numpy(), rcond=None)[0]
    chosen = np.array([1.0] + [float(s in ("listen", "solution")) for s in steps])
    # OLS predictions for no step (the intercept), listen + solution, and all eight steps.
    expected = [beta[0], chosen @ beta, beta.sum()]
    _, (left, right) = plt.subplots(1, 2)
    ax = cl.plots.complaint_prediction_bars(r, "satisfaction", ax=left)
    assert [p.get_height() for p in ax.patches] == pytest.approx(expected)
    bars = next(c for c in ax.containers if isinstance(c, ErrorbarContainer)).lines[2][0].get_segments()
    for segment, p in zip(bars, (r.none, r.chosen, r.all), strict=True):  # error bars span each prediction's CI
        assert segment[:, 1] == pytest.approx(p["satisfaction_ci"])
    assert [_hex(p.get_facecolor()) for p in ax.patches] == ["#bbbbbb", "#386cb0", "#1b9e77"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        cl.label("widgets.complaint.none"), cl.label("widgets.complaint.chosen"), cl.label("widgets.complaint.all")]
    assert ax.get_ylim() == (1, 5) and ax.get_title() == cl.label("widgets.complaint.sat_axis")
    ax = cl.plots.complaint_prediction_bars(r, "repurchase", ax=right)
    assert [p.get_height() for p in ax.patches] == pytest.approx([p["repurchase"] for p in (r.none, r.chosen, r.all)])
    assert ax.get_ylim() == (0, 1) and ax.get_title() == cl.label("widgets.complaint.rep_axis")
    with pytest.raises(cl.CsatInputError, match="outcome must be one of: 'satisfaction', 'repurchase'"):
        cl.plots.complaint_prediction_bars(r, "loyalty")
