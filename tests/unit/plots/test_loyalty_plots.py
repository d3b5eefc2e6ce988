"""Loyalty charts draw from results and label from the catalog."""

from __future__ import annotations

import dataclasses

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import FancyArrowPatch  # noqa: E402

import csat_lab as cl  # noqa: E402
from csat_lab.errors import CsatInputError  # noqa: E402
from csat_lab.loyalty import (ECSI_MODEL, ipa, loyalty_curve, loyalty_regression,  # noqa: E402
                              pls_path_model, shapley_importance)
from csat_lab.simulate import simulate_structural  # noqa: E402
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
    curve = loyalty_curve(df, satisfaction="sat", loyalty="rebuy", scale="satisfaction5")
    ax = lp.loyalty_curve_plot(curve)
    assert ax.get_title() == "Satisfaction and loyalty"
    assert [t.get_text() for t in ax.get_legend().get_texts()][-1] == "Zone of affection"
    assert lp.loyalty_curve_plot(loyalty_regression(df, satisfaction="sat", loyalty="rebuy")).get_ylabel() == (
        "Predicted loyalty")
    table = shapley_importance(drivers, outcome="overall", drivers=["staff", "wait", "price"], n_boot=30, seed=1)
    ax = lp.driver_importance_plot(table)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["price", "wait", "staff"]
    cl.set_language("zh-CN")
    try:
        ax = lp.ipa_plot(ipa(drivers, outcome="overall", drivers=["staff", "wait", "price"]))
        assert ax.get_title() == "重要性-绩效分析"
        assert "重点改进" in [t.get_text() for t in ax.texts]
    finally:
        cl.set_language("en")
    data, truth = simulate_structural({("QUAL", "SAT"): 0.5, ("SAT", "LOY"): 0.4}, n=150, seed=2)
    ax = lp.path_model_plot(pls_path_model(data, truth["blocks"], [("QUAL", "SAT"), ("SAT", "LOY")]))
    assert [any(f"({c})" in t.get_text() for t in ax.texts) for c in ("QUAL", "SAT", "LOY")] == [True] * 3
    assert cl.plots.ipa_plot is lp.ipa_plot
    plt.close("all")


def _bars(ax):
    return [(t.get_text(), round(float(b.get_width()), 12)) for t, b in zip(ax.get_yticklabels(), ax.patches)]


def test_charts_take_a_result_or_its_table(drivers):
    # Loyalty functions return TableResult objects; each chart draws the result and its .table alike.
    sat = np.repeat([1, 2, 3, 4, 5], 20)
    df = pd.DataFrame({"sat": sat, "rebuy": (np.arange(100) % 10) < sat * 1.6})
    curve = loyalty_curve(df, satisfaction="sat", loyalty="rebuy", scale="satisfaction5")
    from_result, from_table = lp.loyalty_curve_plot(curve), lp.loyalty_curve_plot(curve.table)
    assert list(from_result.lines[0].get_ydata()) == list(from_table.lines[0].get_ydata())
    # OLS on the level dummies is saturated: each point is the level's share of loyal customers.
    shares = df.groupby("sat")["rebuy"].mean().to_numpy()
    assert from_result.lines[0].get_ydata() == pytest.approx(shares)
    importance = shapley_importance(drivers, outcome="overall", drivers=["staff", "wait", "price"])
    assert _bars(lp.driver_importance_plot(importance)) == _bars(lp.driver_importance_plot(importance.table))
    result = ipa(drivers, outcome="overall", drivers=["staff", "wait", "price"], importance_split=0.5,
                 performance_split=3.0)
    ax = lp.ipa_plot(result)
    # The crosshairs sit where the result put its splits (here given, not the means).
    assert list(ax.lines[0].get_xdata()) == [3.0, 3.0] and list(ax.lines[1].get_ydata()) == [0.5, 0.5]
    plain = lp.ipa_plot(result.table)  # a bare table has no splits: the column means
    assert plain.lines[0].get_xdata()[0] == pytest.approx(drivers[["staff", "wait", "price"]].mean().mean())
    assert plain.lines[1].get_ydata()[0] == pytest.approx(1 / 3)


def test_loyalty_charts_take_a_language(drivers):
    ax = lp.ipa_plot(ipa(drivers, outcome="overall", drivers=["staff", "wait", "price"]), language="zh-CN")
    assert ax.get_title() == cl.label("loyalty.ipa_title", "zh-CN") and cl.get_language() == "en"
    importance = shapley_importance(drivers, outcome="overall", drivers=["staff", "wait", "price"])
    assert lp.driver_importance_plot(importance, language="zh-CN").get_title() == cl.label(
        "loyalty.importance_title", "zh-CN")


def test_charts_reject_wrong_input():
    with pytest.raises(CsatInputError, match="needs the table of loyalty_curve"):
        lp.loyalty_curve_plot(pd.DataFrame({"x": [1]}))
    with pytest.raises(CsatInputError, match="needs the table of shapley_importance"):
        lp.driver_importance_plot(pd.DataFrame({"x": [1]}))
    with pytest.raises(CsatInputError, match="needs the table of ipa"):
        lp.ipa_plot([1, 2])
    with pytest.raises(CsatInputError, match="needs the result of pls_path_model"):
        lp.path_model_plot(object())


# ECSI paths of the course notebook; seed 13 gives twelve estimates that differ at two decimals,
# so each coefficient label can be found by its text.
ECSI_TRUTH = dict(zip(ECSI_MODEL.inner, [0.5, 0.2, 0.2, 0.5, 0.1, 0.05, 0.5, 0.4, 0.3, 0.5, 0.4, 0.1]))


@pytest.fixture(scope="module")
def ecsi_fit():
    data, truth = simulate_structural(ECSI_TRUTH, n=250, seed=13)
    return ECSI_MODEL.fit(data, truth["blocks"], n_boot=40, seed=1)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")
    cl.set_language("en")


def _boxes(ax):
    """Construct key -> its box text, found by the "(KEY)" line every catalog-named box carries."""
    return {k: t for k in ECSI_MODEL.constructs for t in ax.texts if f"({k})" in t.get_text().split("\n")}


def test_path_model_plot_draws_every_inner_path_of_ecsi(ecsi_fit):
    ax = lp.path_model_plot(ecsi_fit)
    ax.figure.canvas.draw()
    boxes = _boxes(ax)
    assert sorted(boxes) == sorted(ECSI_MODEL.constructs)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(ECSI_MODEL.inner) == 12
    owner = {id(t.get_bbox_patch()): k for k, t in boxes.items()}
    drawn = {(owner[id(a.patchA)], owner[id(a.patchB)]) for a in arrows}
    assert drawn == set(ECSI_MODEL.inner)
    # No arrow runs through a third box (that is how the old chain layout hid IMAG -> LOY and others).
    extent = {k: t.get_bbox_patch().get_window_extent() for k, t in boxes.items()}
    for a in arrows:
        src, dst = owner[id(a.patchA)], owner[id(a.patchB)]
        poly = np.vstack(a.get_path().to_polygons(ax.transData, closed_only=False))
        step = np.linspace(0, 1, 50)[:, None, None]
        pts = (poly[:-1] * (1 - step) + poly[1:] * step).reshape(-1, 2)
        for k, bb in extent.items():
            if k not in (src, dst):
                inside = ((pts[:, 0] > bb.x0 + 1) & (pts[:, 0] < bb.x1 - 1)
                          & (pts[:, 1] > bb.y0 + 1) & (pts[:, 1] < bb.y1 - 1))
                assert not inside.any(), f"arrow {src}->{dst} crosses the {k} box"


def test_path_model_plot_labels_each_coefficient_once_and_r2(ecsi_fit):
    ax = lp.path_model_plot(ecsi_fit)
    texts = [t.get_text() for t in ax.texts]
    paths = ecsi_fit.paths
    for row in paths.itertuples():
        star = "*" if row.ci_low > 0 or row.ci_high < 0 else ""
        assert texts.count(f"{row.coef:.2f}{star}") == 1, (row.source, row.target)
    assert sum(t.endswith("*") for t in texts) == int(((paths.ci_low > 0) | (paths.ci_high < 0)).sum())
    assert any("95% bootstrap CI excludes 0" in t for t in texts)
    unbootstrapped = dataclasses.replace(ecsi_fit, paths=paths[["source", "target", "coef"]], n_boot=0)
    plain = [t.get_text() for t in lp.path_model_plot(unbootstrapped).texts]
    assert all(plain.count(f"{c:.2f}") == 1 for c in paths.coef)
    assert not any("*" in t for t in plain)
    # R^2 of each endogenous construct recomputed here by OLS of its scores on its predecessors.
    scores = ecsi_fit.scores.to_numpy()
    names = list(ecsi_fit.scores.columns)
    boxes = _boxes(ax)
    for c in ECSI_MODEL.constructs:
        preds = [names.index(s) for s in ECSI_MODEL.predecessors(c)]
        if not preds:
            assert "R²" not in boxes[c].get_text()
            continue
        y = scores[:, names.index(c)]
        x = np.column_stack([np.ones(len(y)), scores[:, preds]])
        resid = y - x @ np.linalg.lstsq(x, y, rcond=None)[0]
        r2 = 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))
        assert f"R² = {r2:.2f}" in boxes[c].get_text().split("\n")


def test_path_model_plot_keeps_boxes_and_labels_apart(ecsi_fit):
    ax = lp.path_model_plot(ecsi_fit, show_ci=True)
    fig = ax.figure
    fig.canvas.draw()
    boxes = _boxes(ax)
    extents = [t.get_bbox_patch().get_window_extent() for t in boxes.values()]
    assert not any(a.overlaps(b) for i, a in enumerate(extents) for b in extents[i + 1:])
    assert all(fig.bbox.x0 <= e.x0 and e.x1 <= fig.bbox.x1 and fig.bbox.y0 <= e.y0 and e.y1 <= fig.bbox.y1
               for e in extents)
    labels = [t for t in ax.texts if t not in boxes.values() and "[" in t.get_text()]
    assert len(labels) == 12
    label_extents = [t.get_bbox_patch().get_window_extent() for t in labels]
    assert not any(a.overlaps(b) for a in label_extents for b in extents)
    row = ecsi_fit.paths.iloc[0]
    assert any(t.get_text().endswith(f"[{row.ci_low:.2f}, {row.ci_high:.2f}]") for t in labels)


def test_path_model_plot_follows_the_language(ecsi_fit):
    assert lp.path_model_plot(ecsi_fit).get_title() == "Path model"
    given = lp.path_model_plot(ecsi_fit, language="zh-CN")
    assert given.get_title() == "路径模型" and _boxes(given)["SAT"].get_text().startswith("客户满意度")
    cl.set_language("zh-CN")
    ax = lp.path_model_plot(ecsi_fit)
    assert ax.get_title() == "路径模型"
    assert _boxes(ax)["SAT"].get_text().startswith("客户满意度")  # SOURCES.md: 客户满意


def test_path_model_plot_draws_into_a_given_axes():
    inner = [("QUAL", "SAT"), ("QUAL", "LOY"), ("SAT", "LOY")]
    data, truth = simulate_structural(dict.fromkeys(inner, 0.4), n=150, seed=5)
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3))
    ax = lp.path_model_plot(pls_path_model(data, truth["blocks"], inner), ax=right)
    assert ax is right and not left.patches
    assert sum(isinstance(p, FancyArrowPatch) for p in right.patches) == 3


def test_theoretical_curve_plot_draws_the_blend_on_a_fixed_axis():
    from csat_lab.loyalty import theoretical_curve

    ax = lp.theoretical_curve_plot(theoretical_curve(competition=0.5, top_ratio=6.0))
    # q(t) = 0.1 + 0.8 t^k with k solving q(1) / q(3/4) = 6; p = 0.5 * 0.9 + 0.5 * q (Jones & Sasser 1995)
    k = np.log((0.9 / 6 - 0.1) / 0.8) / np.log(0.75)
    t = np.array([0, 0.25, 0.5, 0.75, 1])
    expected = 0.45 + 0.5 * (0.1 + 0.8 * t**k)
    line = ax.containers[0].lines[0]
    assert list(line.get_xdata()) == [1, 2, 3, 4, 5]
    assert line.get_ydata() == pytest.approx(expected)
    assert expected[-2:] == pytest.approx([0.525, 0.9])
    assert ax.get_ylim() == (0, 1)
    legend = ax.get_legend()
    assert [x.get_text() for x in legend.get_texts()] == [cl.label(f"loyalty.zone.{z}") for z in
                                                          ("defection", "indifference", "affection")]
    anchor = legend.get_bbox_to_anchor().transformed(ax.transAxes.inverted())
    assert (anchor.x0, anchor.y0) == pytest.approx((0.5, -0.18))  # below the plot
    # The same curve drawn by loyalty_curve_plot keeps its data-driven axis and the legend inside.
    plain = lp.loyalty_curve_plot(theoretical_curve(competition=0.5, top_ratio=6.0).curve)
    assert plain.get_ylim() != (0, 1)
    with pytest.raises(CsatInputError, match="needs the result of loyalty.theoretical_curve"):
        lp.theoretical_curve_plot(pd.DataFrame({"level": [1]}))
