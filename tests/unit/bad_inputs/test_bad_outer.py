"""Bad and edge inputs for the outer layers: labels and languages, scales, datasets, simulations,
charts, the explorers' model functions and the explorers themselves.

Every ``Returns`` case states the correct value worked out by hand in its ``why``. Charts are
given objects of the wrong kind (a table where a result is expected, an empty result, a result
whose interval is missing) and must say what they expected instead of failing inside matplotlib.
Results that hold tables are built inside the call (a lambda), since the harness compares the
arguments before and after each call.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest
from catalogue import Case, Raises, Returns, ids, run

import csat_lab as cl

pytest.importorskip("ipywidgets")

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from csat_lab import plots, scales, simulate  # noqa: E402
from csat_lab.widgets import models  # noqa: E402

NAN = float("nan")


def _nps(**changes):
    """An NPS result of 50 promoters, 30 passives, 20 detractors, with some fields replaced."""
    return dataclasses.replace(cl.metrics.nps_from_counts(50, 30, 20, method="wald"), **changes)


def _drawn(chart, *args, **kwargs) -> int:
    """Draw a chart, close it and return how many bars (patches) it drew."""
    ax = chart(*args, **kwargs)
    try:
        return len(ax.patches)
    finally:
        plt.close(ax.figure)


def _language_after(spelling: str) -> str:
    """The language code a spelling selects (the language is restored to English after)."""
    try:
        cl.set_language(spelling)
        return cl.get_language()
    finally:
        cl.set_language("en")


def _schema_is_a_copy() -> tuple[int, int]:
    """Spoiling the schema a caller got must not change what load() reads."""
    spoiled = cl.datasets.schema("kano_features")
    spoiled["columns"].clear()
    spoiled["file"] = "../../etc/passwd"
    return cl.datasets.load("kano_features").shape


def _explorer(factory, **controls):
    """Build an explorer, return (error shown, result, the first control values), close it."""
    ex = factory(debounce=0, **controls)
    try:
        return ex.error, ex.result, [c.value for c in ex.controls.values()]
    finally:
        ex.close()


def _raises(exc_type, call):
    try:
        call()
    except exc_type as exc:
        return exc
    return None


CASES = [
    # ---------------------------------------------------------------- languages and labels
    Case("language-unknown", cl.set_language, ("fr",), expect=Raises(r"unknown language 'fr'; supported languages are: en, zh-CN")),
    Case("language-none", cl.set_language, (None,), expect=Raises(r"unknown language None")),
    Case("language-list", cl.set_language, (["en"],), expect=Raises(r"unknown language \['en'\]")),
    Case("language-spelling", _language_after, (" ZH_cn ",),
         expect=Returns(lambda v: v == "zh-CN", "spaces and case are ignored: ' ZH_cn ' is zh_cn, an alias of zh-CN")),
    Case("label-unknown-key", cl.label, ("scale.nps11.11",),
         expect=Raises(r"no label 'scale.nps11.11' in the catalog; did you mean: .*scale\.nps11\.10")),
    Case("label-key-none", cl.label, (None,), expect=Raises(r"label key must be a text such as 'scale.nps11.10', got None")),
    Case("label-key-list", cl.label, (["scale.nps11.10"],), expect=Raises(r"label key must be a text")),
    Case("label-unknown-is-key-error", _raises, (KeyError, lambda: cl.label("no.such.key")),
         expect=Returns(lambda e: isinstance(e, KeyError) and isinstance(e, cl.CsatInputError),
                        "an unknown key is a failed lookup (KeyError) and an input error at once")),
    Case("label-placeholder-missing", cl.label, ("churn.denominator.given",), {"m": 1},
         expect=Raises(r"label 'churn.denominator.given' needs a value for the placeholder 'n'")),
    Case("label-language-junk", cl.label, ("scale.nps11.10",), {"language": "xx"}, expect=Raises(r"unknown language 'xx'")),
    Case("language-listener-not-callable", cl.on_language_change, (42,), expect=Raises(r"callback must be a function")),
    # ---------------------------------------------------------------- datasets
    Case("load-path-traversal", cl.datasets.load, ("../datasets/telco_churn",), expect=Raises(r"no dataset '\.\./datasets/telco_churn'; datasets are: ")),
    Case("load-absolute-path", cl.datasets.load, ("/etc/passwd",), expect=Raises(r"no dataset '/etc/passwd'")),
    Case("load-list", cl.datasets.load, (["telco_churn"],), expect=Raises(r"no dataset \['telco_churn'\]")),
    Case("load-case", cl.datasets.load, ("TELCO_CHURN",), expect=Raises(r"no dataset 'TELCO_CHURN'.*telco_churn")),
    Case("describe-none", cl.datasets.describe, (None,), expect=Raises(r"no dataset None")),
    Case("schema-list", cl.datasets.schema, (["cdnow"],), expect=Raises(r"no dataset \['cdnow'\]")),
    Case("example-file-traversal", cl.datasets.example_file, ("../telco_churn.csv",), expect=Raises(r"no example file '\.\./telco_churn.csv'; files are: ")),
    Case("example-file-dotdot", cl.datasets.example_file, ("..",), expect=Raises(r"no example file '\.\.'")),
    Case("schema-is-a-copy", _schema_is_a_copy,
         expect=Returns(lambda shape: shape == (2400, 4), "300 respondents x 8 features = 2400 rows of 4 columns, as shipped")),
    # ---------------------------------------------------------------- scales
    Case("scale-fraction-bound", scales.Scale, ("x", 1.5, 3), expect=Raises(r"scale 'x': low must be a whole number")),
    Case("scale-bool-bound", scales.Scale, ("x", True, 5), expect=Raises(r"scale 'x': low must be a whole number.*True")),
    Case("scale-infinite-bound", scales.Scale, ("x", 1, math.inf), expect=Raises(r"scale 'x': high must be a whole number")),
    Case("scale-empty-name", scales.Scale, ("", 1, 5), expect=Raises(r"name must be a non-empty text")),
    Case("scale-inverted", scales.Scale, ("x", 5, 1), expect=Raises(r"scale 'x': high \(1\) must exceed low \(5\)")),
    Case("register-replaces-builtin", scales.register, (scales.Scale("nps11", 1, 10, labelled=False),),
         expect=Raises(r"a scale named 'nps11' is already registered \(0..10\); pass replace=True")),
    Case("register-labelled-without-labels", scales.register, (scales.Scale("outer_seven", 1, 7),),
         expect=Raises(r"scale 'outer_seven' is marked labelled.*scale.outer_seven.title.*labelled=False")),
    Case("scale-get-list", scales.get, (["nps11"],), expect=Raises(r"unknown scale \['nps11'\]; scales are: ")),
    Case("validate-booleans", scales.NPS11.validate, ([True, False, True],),
         expect=Raises(r"True/False at rows \[0, 1, 2\], not answer codes")),
    Case("validate-text-not-list", scales.NPS11.validate, ("10",), expect=Raises(r"'values' must be a sequence of answers.*'10'")),
    Case("validate-2d", scales.NPS11.validate, (np.array([[1, 2], [3, 4]]),), expect=Raises(r"one column of answers.*\(2, 2\)")),
    Case("validate-nested", scales.NPS11.validate, ([[1, 2], 3],), expect=Raises(r"one column of answers; rows \[0\] hold sequences")),
    Case("top-box-bool", scales.NPS11.top_box, (True,), expect=Raises(r"k must be a whole number from 1 to 10")),
    Case("reverse-off-scale", scales.AGREE5.reverse, ([1, 7],), expect=Raises(r"outside scale 'agree5'.*rows \[1\]")),
    Case("reverse-by-hand", scales.AGREE5.reverse, (pd.Series([1, 2, None, 5]),),
         expect=Returns(lambda v: v.tolist()[:2] + v.tolist()[3:] == [5.0, 4.0, 1.0] and math.isnan(v.iloc[2]),
                        "x' = 1 + 5 - x: 1 -> 5, 2 -> 4, 5 -> 1, missing stays missing")),
    Case("nps-of-booleans", cl.metrics.nps, ([True, False, True],), expect=Raises(r"True/False|boolean")),
    # ---------------------------------------------------------------- simulations
    Case("tracker-seed-negative", simulate.csat_tracker, (), {"seed": -1, "n": 20, "waves": 1}, expect=Raises(r"seed must be .*(non-negative|>= 0)")),
    Case("tracker-seed-text", simulate.csat_tracker, (), {"seed": "abc", "n": 20}, expect=Raises(r"seed must be a whole number.*'abc'")),
    Case("tracker-seed-fraction", simulate.csat_tracker, (), {"seed": 1.5, "n": 20}, expect=Raises(r"seed must be a whole number.*1\.5")),
    Case("tracker-n-huge", simulate.csat_tracker, (), {"seed": 1, "n": 10**9}, expect=Raises(r"n must be at most 250,000 for this simulation")),
    Case("tracker-waves-5", simulate.csat_tracker, (), {"seed": 1, "n": 20, "waves": 5}, expect=Raises(r"waves must be from 1 to 4; got 5")),
    Case("kano-n-bool", simulate.kano_features, (), {"seed": 1, "n": True}, expect=Raises(r"n must be a whole number of at least 1, got True")),
    Case("supermarket-n-text", simulate.supermarket_members, (), {"seed": 1, "n": "100"}, expect=Raises(r"n must be a whole number")),
    Case("structural-coef-nan", lambda: simulate.simulate_structural({("A", "B"): NAN}, n=5),
         expect=Raises(r"coefficient of path A -> B must be a finite number")),
    Case("structural-coef-text", simulate.simulate_structural, ({("A", "B"): "x"},), {"n": 5},
         expect=Raises(r"coefficient of path A -> B must be a number, got 'x'")),
    Case("structural-names-not-text", simulate.simulate_structural, ({(1, 2): 0.5},), {"n": 5},
         expect=Raises(r"constructs must be named by non-empty texts")),
    Case("structural-loading-bool", simulate.simulate_structural, ({("A", "B"): 0.5},), {"n": 5, "loading": True},
         expect=Raises(r"loading for 'A' must lie in \(0, 1\]")),
    Case("structural-loading-text", simulate.simulate_structural, ({("A", "B"): 0.5},), {"n": 5, "loading": "x"},
         expect=Raises(r"loading for 'A' must be a number")),
    Case("structural-items-bool", simulate.simulate_structural, ({("A", "B"): 0.5},), {"n": 5, "items": True},
         expect=Raises(r"items for 'A' must be a whole number >= 1")),
    Case("structural-item-name-clash", simulate.simulate_structural, ({("A", "A1"): 0.3},), {"n": 5, "items": 11},
         expect=Raises(r"item names \['A11'\] would be made twice")),
    Case("structural-r2-by-hand", lambda: simulate.simulate_structural({("A", "C"): 0.3, ("B", "C"): 0.4}, n=5, seed=1)[1]["r2"],
         expect=Returns(lambda r2: r2 == {"C": pytest.approx(0.25)},
                        "independent standardised A and B: R^2 = 0.3^2 + 0.4^2 = 0.25")),
    Case("regenerate-out-none", simulate.regenerate, (None, ["kano_features"]), expect=Raises(r"out must be a folder path")),
    Case("regenerate-unknown", simulate.regenerate, ("/tmp", ["nope"]), expect=Raises(r"no synthetic dataset 'nope'")),
    # ---------------------------------------------------------------- charts given the wrong thing
    Case("nps-bar-table", plots.nps_bar, (pd.DataFrame({"nps": [9, 10]}),), expect=Raises(r"nps_bar draws an NPS result, not answers")),
    Case("nps-bar-nan-ci", lambda: plots.nps_bar(_nps(ci=(NAN, NAN))),
         expect=Raises(r"nps_bar: the lower bound of the interval of the NPS is missing or infinite")),
    Case("nps-bar-ci-none", lambda: plots.nps_bar(_nps(ci=None)), expect=Raises(r"nps_bar needs an NPS result whose ci is a \(low, high\) pair")),
    Case("nps-bar-ax-text", lambda: plots.nps_bar(_nps(), ax="left"), expect=Raises(r"ax must be a matplotlib Axes.*got str")),
    Case("nps-strip-bad-shares", lambda: plots.nps_share_strip(_nps(share_promoters=-0.5)),
         expect=Raises(r"shares of detractors, passives and promoters must lie in \[0, 1\] and add up to 1")),
    Case("nps-interval-none", plots.nps_interval_chart, (None,), expect=Raises(r"nps_interval_chart needs NPS results")),
    Case("nps-interval-inverted", lambda: plots.nps_interval_chart(_nps(ci=(50.0, 10.0))),
         expect=Raises(r"interval of the NPS in row 0 is \[50, 10\]; expected low <= high")),
    Case("nps-interval-one-name", lambda: plots.nps_interval_chart([_nps(), _nps()], names="wave"),
         expect=Raises(r"got 1 names for 2 results")),
    Case("trend-empty", lambda: plots.trend_by_wave(pd.DataFrame(columns=["group", "estimate", "ci_low", "ci_high"])),
         expect=Raises(r"trend_by_wave needs .*the table is empty")),
    Case("trend-text-estimate", lambda: plots.trend_by_wave(pd.DataFrame(
        {"group": [1, 2], "estimate": ["high", 0.5], "ci_low": [0.1, 0.2], "ci_high": [0.9, 0.8]})),
         expect=Raises(r"trend_by_wave: the estimate must be numbers; rows \[0\] hold 'high'")),
    Case("trend-nan-ci", lambda: plots.trend_by_wave(pd.DataFrame(
        {"group": [1, 2], "estimate": [0.5, 0.6], "ci_low": [0.2, NAN], "ci_high": [0.8, 0.9]})),
         expect=Raises(r"lower bound of the interval of the estimate is missing or infinite at rows \[1\]")),
    Case("kano-chart-nan", lambda: plots.kano_chart(pd.DataFrame({"better": [NAN, 0.2], "worse": [-0.3, -0.8]}, index=["wifi", "tv"])),
         expect=Raises(r"kano_chart: Better is missing or infinite at rows \['wifi'\]")),
    Case("kano-chart-not-shares", lambda: plots.kano_chart(pd.DataFrame({"better": [70, 20], "worse": [-30, -80]}, index=["wifi", "tv"])),
         expect=Raises(r"Better must lie in \[0, 1\] and Worse in \[-1, 0\]")),
    Case("gap-chart-nan-ci", lambda: plots.gap_chart(pd.DataFrame({"name": ["speed"], "gap": [-1.0], "ci_low": [NAN], "ci_high": [0.2]})),
         expect=Raises(r"gap_chart: the lower bound of the interval of the gap is missing")),
    Case("cohort-counts-not-rates", lambda: plots.cohort_heatmap(pd.DataFrame({0: [100, 80], 1: [40, np.nan]})),
         expect=Raises(r"cohort_heatmap draws shares between 0 and 1.*values from 40 to 100")),
    Case("cohort-empty", lambda: plots.cohort_heatmap(pd.DataFrame()), expect=Raises(r"cohort_heatmap needs .*the table is empty")),
    Case("clv-heatmap-empty", lambda: plots.clv_sensitivity_heatmap(pd.DataFrame()), expect=Raises(r"clv_sensitivity_heatmap needs .*empty")),
    Case("survival-text-times", lambda: plots.survival_curves(pd.DataFrame({"group": ["all"] * 2, "time": ["a", 2], "survival": [1.0, 0.5]})),
         expect=Raises(r"survival_curves: the times must be numbers")),
    Case("value-tiers-lengths", plots.value_tier_bars, ([100.0, 50.0], ["high", "low", "low"]),
         expect=Raises(r"values has 2 entries and tiers 3")),
    Case("value-tiers-unknown", plots.value_tier_bars, ([100.0, 50.0], ["gold", "low"]), expect=Raises(r"tiers must be 'high', 'medium' or 'low'.*\['gold'\]")),
    Case("value-tiers-zero-total", plots.value_tier_bars, ([0.0, 0.0], ["high", "low"]), expect=Raises(r"positive total")),
    Case("step-bars-unknown-steps", lambda: plots.step_completion_bars(pd.DataFrame({"share": [0.5]}, index=["smile"])),
         expect=Raises(r"unknown steps \['smile'\]")),
    Case("recovery-bars-all-empty", lambda: plots.recovery_bars(type("R", (), {"recovered_rate": NAN, "unrecovered_rate": NAN, "no_complaint_rate": NAN})()),
         expect=Raises(r"recovery_bars: every group is empty")),
    Case("recovery-bars-one-empty", lambda: _drawn(plots.recovery_bars, type("R", (), {"recovered_rate": 0.8, "unrecovered_rate": NAN, "no_complaint_rate": 0.6})()),
         expect=Returns(lambda n: n == 3, "three bars; the empty group is marked 'no data', not drawn as a rate")),
    Case("likert-duplicate-columns", plots.likert_bars, (pd.DataFrame([[1, 2]], columns=["q", "q"]),), expect=Raises(r"column\(s\) \['q'\] more than once")),
    Case("likert-no-items", plots.likert_bars, (pd.DataFrame({"q": [1, 2]}),), {"items": []}, expect=Raises(r"items is empty")),
    Case("disconfirmation-level-9", lambda: plots.disconfirmation_bars(dataclasses.replace(cl.survey.disconfirmation(4, 5), level=9)),
         expect=Raises(r"level must be a satisfaction level 1-5, got 9")),
    Case("moe-curve-empty", lambda: plots.margin_of_error_curve(dataclasses.replace(models.sample_size_model(), curve=pd.DataFrame(columns=["n", "moe"]))),
         expect=Raises(r"margin_of_error_curve needs .*empty")),
    # ---------------------------------------------------------------- explorer models
    Case("nps-model-fraction", models.nps_model, (1.5, 30, 20), expect=Raises(r"promoters must be a whole number.*1\.5")),
    Case("nps-model-text", models.nps_model, ("a", 30, 20), expect=Raises(r"promoters must be a whole number.*'a'")),
    Case("nps-model-negative", models.nps_model, (50, -1, 20), expect=Raises(r"passives must not be negative")),
    Case("nps-model-bool", models.nps_model, (True, 30, 20), expect=Raises(r"promoters must be a whole number.*True")),
    Case("nps-model-ci-1.5", models.nps_model, (50, 30, 20), {"ci": 1.5}, expect=Raises(r"ci must lie strictly between 0 and 1, got 1\.5")),
    Case("nps-model-ci-95", models.nps_model, (50, 30, 20), {"ci": 95}, expect=Raises(r"ci must lie strictly between 0 and 1, got 95")),
    Case("nps-model-by-hand", lambda: models.nps_model(50, 30, 20).score,
         expect=Returns(lambda v: v == pytest.approx(30.0), "100 (50 - 20) / 100 = 30")),
    Case("nps-difference-fraction", models.nps_difference_model, (40, 30, 30, 50, 30, 20.5), expect=Raises(r"detractors2 must be a whole number")),
    Case("churn-model-lost-exceeds", models.churn_model, (10, 20), expect=Raises(r"lost \(20\) cannot exceed customers \(10\)")),
    Case("churn-model-negative", models.churn_model, (-1, 5), expect=Raises(r"customers must not be negative")),
    Case("churn-model-period-list", models.churn_model, (100, 5), {"period": ["M"]}, expect=Raises(r"period must be one of: 'month', 'year'")),
    Case("churn-model-by-hand", lambda: (lambda r: (r.churn.rate, round(r.converted, 4)))(models.churn_model(400, 30)),
         expect=Returns(lambda v: v[0] == pytest.approx(0.075) and v[1] == 0.6076,
                        "30 / 400 = 0.075 a month; a year: 0.925^4 = 0.732094, 0.925^8 = 0.535962, "
                        "0.925^12 = 0.392375, so 1 - 0.392375 = 0.6076")),
    Case("clv-model-gain-too-big", models.clv_model, (100, 0.8, 0.1), {"gain": 0.5}, expect=Raises(r"retention \+ gain must lie between 0 and 1.*0\.8 \+ 0\.5 = 1\.3")),
    Case("clv-model-gain-text", models.clv_model, (100, 0.8, 0.1), {"gain": "x"}, expect=Raises(r"gain must be a number, got 'x'")),
    Case("clv-model-discount-negative", models.clv_model, (100, 0.8, -0.5), expect=Raises(r"discount must be a proportion between 0 and 1")),
    Case("sample-size-population-text", models.sample_size_model, (), {"population": "x"}, expect=Raises(r"population must be a whole number")),
    Case("sample-size-population-negative", models.sample_size_model, (), {"population": -5}, expect=Raises(r"population must not be negative")),
    Case("sample-size-census", lambda: (lambda plan: (plan.n, plan.moe, int(plan.curve["n"].max()), len(plan.curve)))(models.sample_size_model(population=10)),
         expect=Returns(lambda v: v[0] == 10 and v[1] == 0.0 and v[2] == 10 and v[3] > 1,
                        "N = 10: n0 = 385 shrinks to 385 / (1 + 384 / 10) = 9.77 -> 10, a census, so the FPC "
                        "sqrt((10 - 10) / 9) makes the margin 0; the curve runs up to n = 10")),
    Case("kano-model-feature-list", models.kano_model, (["free_wifi"],), expect=Raises(r"no feature \['free_wifi'\] in kano_features")),
    Case("kano-model-functional-text", models.kano_model, ("free_wifi",), {"functional": "x"}, expect=Raises(r"functional must be an answer code 1 .* 5")),
    Case("kano-model-unknown-dataset", models.kano_model, ("free_wifi",), {"dataset": "../kano_features"}, expect=Raises(r"no dataset '\.\./kano_features'")),
    Case("loyalty-model-dataset-list", models.loyalty_curve_model, (["auto_dealer"],), expect=Raises(r"dataset must be one of: auto_dealer, hotel_guests")),
    Case("key-driver-one-name", models.key_driver_model, (), {"drivers": "per_tangibles"}, expect=Raises(r"choose at least 2 drivers; got 1: \['per_tangibles'\]")),
    Case("pareto-model-dataset-list", models.pareto_model, (["cdnow"],), expect=Raises(r"dataset must be one of: supermarket_members, cdnow")),
    Case("cohort-model-store-list", models.cohort_model, (["north"],), expect=Raises(r"store must be 'all' or one of")),
    Case("complaint-model-text-flag", models.complaint_model, (), {"listen": "false"}, expect=Raises(r"listen must be True or False.*got 'false'")),
    Case("complaint-model-none-flag", models.complaint_model, (), {"review": None}, expect=Raises(r"review must be True or False.*got None")),
    Case("complaint-model-all-off", lambda: (lambda r: (r.steps, r.chosen == r.none))(models.complaint_model()),
         expect=Returns(lambda v: v == ((), True), "no step taken: the chosen prediction is the no-step prediction")),
    # ---------------------------------------------------------------- explorers
    Case("churn-explorer-shows-error", lambda: _explorer(cl.widgets.churn_explorer, customers=10, lost=20)[:2],
         expect=Returns(lambda v: "lost (20) cannot exceed customers (10)" in v[0] and v[1] is None,
                        "the model's error is shown in the explorer, which keeps running without a result")),
    Case("churn-explorer-keeps-start-values", lambda: _explorer(cl.widgets.churn_explorer, customers=5000, lost=10)[1].churn.customers,
         expect=Returns(lambda v: v == 5000, "a start value beyond the slider widens it instead of being clamped to 2000")),
    Case("nps-explorer-negative-count", lambda: _explorer(cl.widgets.nps_explorer, promoters=-3)[0],
         expect=Returns(lambda e: "promoters must not be negative" in e, "shown in the view, not clamped to 0")),
    Case("nps-explorer-ci-not-offered", cl.widgets.nps_explorer, (), {"ci": 1.5}, expect=Raises(r"Confidence level: the start value must be one of: 0\.9, 0\.95, 0\.99; got 1\.5")),
    Case("churn-explorer-text-count", cl.widgets.churn_explorer, (), {"customers": "many"}, expect=Raises(r"the start value must be a whole number, got 'many'")),
    Case("loyalty-explorer-unknown-dataset", cl.widgets.loyalty_curve_explorer, (), {"dataset": "nope"}, expect=Raises(r"dataset must be one of: auto_dealer, hotel_guests")),
    Case("difference-explorer-two-counts", cl.widgets.nps_difference_explorer, ((40, 30),), expect=Raises(r"wave1 must be three counts")),
    Case("complaint-simulator-unknown-step", cl.widgets.complaint_simulator, (), {"steps": ("smile",)}, expect=Raises(r"steps must be handling steps from: listen.*\['smile'\]")),
    Case("complaint-simulator-one-name", lambda: _explorer(cl.widgets.complaint_simulator, steps="solution")[1].steps,
         expect=Returns(lambda v: v == ("solution",), "one name is one step, not the letters of 'solution'")),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case: Case) -> None:
    run(case)
    plt.close("all")


def test_the_outer_catalogue_is_large_enough() -> None:
    raises = sum(isinstance(c.expect, Raises) for c in CASES)
    returns = sum(isinstance(c.expect, Returns) for c in CASES)
    assert raises + returns >= 40 and returns >= 10
