"""Satisfaction -> loyalty regression, zones and the top-box ratio against statsmodels and hand calculations."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from csat_lab.errors import CsatInputError
from csat_lab.loyalty import (LoyaltyCurveResult, LoyaltyModel, LoyaltyRatio, LoyaltyZones, loyalty_curve,
                              loyalty_regression, loyalty_zones, top_box_loyalty_ratio)


@pytest.fixture(scope="module")
def survey():
    rng = np.random.default_rng(11)
    n = 800
    sat = rng.choice([1, 2, 3, 4, 5], size=n, p=[0.05, 0.1, 0.25, 0.35, 0.25])
    tenure = rng.normal(5, 2, n)
    p = np.array([0.05, 0.1, 0.15, 0.25, 0.8])[sat - 1]
    rebuy = rng.random(n) < p
    intent = np.clip(np.round(np.array([1.5, 2, 2.5, 3, 4.6])[sat - 1] + 0.1 * (tenure - 5) + rng.normal(0, 0.7, n)), 1, 5)
    return pd.DataFrame({"overall sat": sat, "rebuy": rebuy, "intent": intent, "tenure": tenure})


def test_ols_levels_match_statsmodels_and_group_means(survey):
    import statsmodels.formula.api as smf

    model = loyalty_regression(survey, satisfaction="overall sat", loyalty="intent")
    means = survey.groupby("overall sat")["intent"].mean()
    np.testing.assert_allclose(model.predicted["estimate"], means.to_numpy(), rtol=1e-10)
    np.testing.assert_allclose(model.predicted["observed"], means.to_numpy(), rtol=1e-10)
    assert model.predicted["n"].sum() == model.n == len(survey)
    direct = smf.ols("intent ~ C(sat)", survey.rename(columns={"overall sat": "sat"})).fit()
    np.testing.assert_allclose(model.coefficients["coef"].to_numpy(), direct.params.to_numpy(), rtol=1e-10)
    assert model.r2 == pytest.approx(direct.rsquared)
    pred = direct.get_prediction(pd.DataFrame({"sat": [1, 2, 3, 4, 5]})).summary_frame(alpha=0.05)
    np.testing.assert_allclose(model.predicted[["ci_low", "ci_high"]].to_numpy(),
                               pred[["mean_ci_lower", "mean_ci_upper"]].to_numpy(), rtol=1e-10)
    assert model.formula == "intent ~ C(overall sat)"
    assert "C(overall sat)[T.5]" in model.coefficients.index
    assert "Model" in str(model) and "R²" in str(model)
    assert "OLS Regression Results" in str(model.summary())


def test_logit_with_control_matches_statsmodels(survey):
    import statsmodels.formula.api as smf

    model = loyalty_regression(survey, satisfaction="overall sat", loyalty="rebuy", kind="logit",
                               controls=["tenure"])
    data = survey.rename(columns={"overall sat": "sat"}).assign(rebuy=survey["rebuy"].astype(int))
    direct = smf.logit("rebuy ~ C(sat) + tenure", data).fit(disp=0)
    grid = pd.DataFrame({"sat": [1, 2, 3, 4, 5], "tenure": data["tenure"].mean()})
    frame = direct.get_prediction(grid).summary_frame(alpha=0.05)
    np.testing.assert_allclose(model.predicted["estimate"], frame["predicted"], rtol=1e-6)
    np.testing.assert_allclose(model.predicted["ci_low"], frame["ci_lower"], rtol=1e-6)
    assert model.r2 == pytest.approx(direct.prsquared, rel=1e-8)
    # the non-linear jump of Jones & Sasser: the top level far above the second
    est = model.predicted.set_index("level")["estimate"]
    assert est[5] / est[4] > 2.5


def test_numeric_satisfaction_is_a_straight_line(survey):
    import statsmodels.formula.api as smf

    model = loyalty_regression(survey, satisfaction="overall sat", loyalty="intent", as_levels=False)
    direct = smf.ols("intent ~ sat", survey.rename(columns={"overall sat": "sat"})).fit()
    np.testing.assert_allclose(model.predicted["estimate"], direct.params["Intercept"] + direct.params["sat"] *
                               np.arange(1, 6), rtol=1e-10)
    assert model.formula == "intent ~ overall sat"


def test_ordinal_expected_score_matches_ordered_model(survey):
    from statsmodels.miscmodels.ordinal_model import OrderedModel

    model = loyalty_regression(survey, satisfaction="overall sat", loyalty="intent", kind="ordinal")
    data = survey.rename(columns={"overall sat": "sat"})
    direct = OrderedModel.from_formula("intent ~ C(sat)", data, distr="logit").fit(method="bfgs", disp=0, maxiter=2000)
    probs = np.asarray(direct.predict(pd.DataFrame({"sat": [1, 2, 3, 4, 5]})))
    expected = probs @ np.sort(data["intent"].unique())
    np.testing.assert_allclose(model.predicted["estimate"], expected, rtol=1e-4)
    assert (model.predicted["ci_low"] < model.predicted["estimate"]).all()
    assert (model.predicted["estimate"] < model.predicted["ci_high"]).all()
    # expected score of an ordered model lies close to the observed group means
    np.testing.assert_allclose(model.predicted["estimate"], model.predicted["observed"], atol=0.1)


def test_missing_rows_reported(survey):
    messy = survey.copy()
    messy.loc[messy.index[:4], "intent"] = np.nan
    messy.loc[messy.index[10:12], "overall sat"] = np.nan
    model = loyalty_regression(messy, satisfaction="overall sat", loyalty="intent")
    assert model.n_dropped == 6 and model.n + model.n_dropped == len(messy)
    assert list(model.dropped.values()) == [6]


def test_zones_defaults_follow_jones_sasser():
    assert loyalty_zones(scale="satisfaction5") == {"defection": (1, 2), "indifference": (3, 4), "affection": (5,)}
    assert loyalty_zones(scale="agree7") == {"defection": (1, 2, 3), "indifference": (4, 5, 6), "affection": (7,)}
    assert loyalty_zones(scale="nps11")["affection"] == (10,)
    df = pd.DataFrame({"s": [2, 3, 4, 5, 6]})
    assert loyalty_zones(df, satisfaction="s") == {"defection": (2, 3), "indifference": (4, 5), "affection": (6,)}
    with pytest.raises(CsatInputError, match="unknown zone \\['delight'\\]; zones are: defection"):
        loyalty_zones(zones={"delight": [5]})
    with pytest.raises(CsatInputError, match="code 4 is in both zone 'indifference' and zone 'affection'"):
        loyalty_zones(zones={"indifference": [3, 4], "affection": [4, 5]})


def test_loyalty_curve_tags_zones(survey):
    curve = loyalty_curve(survey, satisfaction="overall sat", loyalty="rebuy", kind="logit",
                          scale="satisfaction5")
    assert curve["zone"].tolist() == ["defection", "defection", "indifference", "indifference", "affection"]
    assert curve["zone_label"].iloc[-1] == "Zone of affection"
    assert curve.n == len(survey) and curve.kind == "logit" and curve.ci_level == 0.95
    assert curve.zones == {"defection": (1, 2), "indifference": (3, 4), "affection": (5,)}


def test_top_box_ratio_matches_statsmodels_risk_ratio(survey):
    from statsmodels.stats.contingency_tables import Table2x2

    res = top_box_loyalty_ratio(survey, satisfaction="overall sat", loyalty="rebuy")
    top = survey[survey["overall sat"] == 5]["rebuy"]
    second = survey[survey["overall sat"] == 4]["rebuy"]
    table = Table2x2(np.array([[top.sum(), (~top).sum()], [second.sum(), (~second).sum()]]))
    assert res.ratio == pytest.approx(table.riskratio)
    np.testing.assert_allclose(res.ci, table.riskratio_confint(alpha=0.05), rtol=1e-10)
    assert res.n_top == len(top) and res.n_second == len(second)
    assert res.measure == "proportion loyal"


def test_top_box_ratio_of_means_by_hand():
    df = pd.DataFrame({"sat": [5, 5, 5, 4, 4, 4, 4], "intent": [9, 10, 8, 4, 6, 5, 5]})
    res = top_box_loyalty_ratio(df, satisfaction="sat", loyalty="intent")
    m1, m2 = 9.0, 5.0
    v1, v2 = 1.0, 2 / 3  # sample variances
    se = np.sqrt(v1 / (3 * m1 ** 2) + v2 / (4 * m2 ** 2))
    assert res.ratio == pytest.approx(1.8)
    np.testing.assert_allclose(res.ci, (1.8 * np.exp(-1.959963985 * se), 1.8 * np.exp(1.959963985 * se)), rtol=1e-8)
    thresholded = top_box_loyalty_ratio(df, satisfaction="sat", loyalty="intent", loyal_min=6)
    assert thresholded.ratio == pytest.approx(1.0 / 0.25)


def test_bad_inputs(survey):
    with pytest.raises(CsatInputError, match="kind must be one of: 'ols', 'logit', 'ordinal'; got 'probit'"):
        loyalty_regression(survey, satisfaction="overall sat", loyalty="intent", kind="probit")
    with pytest.raises(CsatInputError, match="kind='logit' needs a yes/no loyalty column"):
        loyalty_regression(survey, satisfaction="overall sat", loyalty="intent", kind="logit")
    with pytest.raises(CsatInputError, match="has a single level"):
        loyalty_regression(survey.assign(**{"overall sat": 4}), satisfaction="overall sat", loyalty="intent")
    with pytest.raises(CsatInputError, match="no column 'loyal' in data"):
        loyalty_regression(survey, satisfaction="overall sat", loyalty="loyal")
    with pytest.raises(CsatInputError, match="'tenure' must be numeric"):
        loyalty_regression(survey.assign(tenure="long"), satisfaction="overall sat", loyalty="intent",
                           controls=["tenure"])
    with pytest.raises(CsatInputError, match="needs at least 3 ordered loyalty categories"):
        loyalty_regression(survey, satisfaction="overall sat", loyalty="rebuy", kind="ordinal")
    with pytest.raises(CsatInputError, match="outside|off the scale|between"):
        loyalty_regression(survey.assign(**{"overall sat": survey["overall sat"] + 3}), satisfaction="overall sat",
                           loyalty="intent", scale="satisfaction5")
    with pytest.raises(CsatInputError, match="only 0 respondents have satisfaction \\(7,\\)"):
        top_box_loyalty_ratio(survey, satisfaction="overall sat", loyalty="rebuy", top=7)
    with pytest.raises(CsatInputError, match="no loyal customers in the second box"):
        top_box_loyalty_ratio(pd.DataFrame({"s": [5, 5, 4, 4], "r": [1, 0, 0, 0]}), satisfaction="s", loyalty="r")


# --- Architecture II: results, deprecated spellings -------------------------------------------------


@pytest.mark.parametrize("fn", [loyalty_regression, loyalty_curve, top_box_loyalty_ratio])
def test_positional_columns_warn_and_give_the_same_answer(fn, survey):
    new = fn(survey, satisfaction="overall sat", loyalty="rebuy")
    with pytest.warns(DeprecationWarning, match="satisfaction=, loyalty="):
        old = fn(survey, "overall sat", "rebuy")
    assert type(old) is type(new)
    if isinstance(new, LoyaltyRatio):
        assert (old.ratio, old.ci) == (new.ratio, new.ci)
    else:
        pd.testing.assert_frame_equal(getattr(old, "table", getattr(old, "predicted", None)),
                                      getattr(new, "table", getattr(new, "predicted", None)))


def test_loyalty_zones_positional_column_warns():
    df = pd.DataFrame({"s": [2, 3, 4, 5, 6]})
    with pytest.warns(DeprecationWarning, match="satisfaction="):
        assert loyalty_zones(df, "s") == loyalty_zones(df, satisfaction="s")


def test_loyalty_zones_behave_like_the_dict_they_replace():
    zones = loyalty_zones(scale="satisfaction5")
    assert isinstance(zones, LoyaltyZones)
    assert zones["affection"] == (5,) and zones.affection == (5,)
    assert list(zones) == ["defection", "indifference", "affection"] and len(zones) == 3
    assert dict(zones) == {"defection": (1, 2), "indifference": (3, 4), "affection": (5,)} == zones.estimate
    assert next(iter(zones.items())) == ("defection", (1, 2)) and "affection" in zones
    assert zones.get("delight") is None and zones != {"affection": (5,)}
    assert zones.basis == "default split of the scale Satisfaction (5-point) (Jones & Sasser 1995)"
    assert loyalty_zones(zones={"affection": [5]}).basis == "as given"
    assert "Zone of affection" in str(zones)
    with pytest.raises(KeyError):
        zones["delight"]


def test_loyalty_curve_result(survey):
    curve = loyalty_curve(survey, satisfaction="overall sat", loyalty="intent", scale="satisfaction5")
    assert isinstance(curve, LoyaltyCurveResult)
    # OLS on dummy levels: the estimate at each level is the group mean (pandas groupby, by hand)
    np.testing.assert_allclose(curve.estimate, survey.groupby("overall sat")["intent"].mean().to_numpy(), rtol=1e-10)
    pd.testing.assert_series_equal(curve.estimate, curve.table["estimate"])
    assert len(curve) == 5 and curve.loc[4, "zone"] == "affection"
    assert curve.ci_method == "t interval of the mean prediction"
    with pytest.warns(DeprecationWarning, match="result.n"):
        assert curve.attrs["n"] == len(survey) and curve.attrs["ci"] == 0.95
    assert "Predicted loyalty at satisfaction 5" in str(curve)


def test_loyalty_model_estimate_and_old_ci(survey):
    model = loyalty_regression(survey, satisfaction="overall sat", loyalty="intent")
    assert isinstance(model, LoyaltyModel)
    np.testing.assert_allclose(model.estimate, survey.groupby("overall sat")["intent"].mean().to_numpy(), rtol=1e-10)
    assert model.ci_level == 0.95
    with pytest.warns(DeprecationWarning, match="ci_level"):
        assert model.ci == 0.95


def test_ratio_estimate_is_the_ratio():
    df = pd.DataFrame({"sat": [5] * 10 + [4] * 20, "rebuy": [1] * 6 + [0] * 4 + [1] * 2 + [0] * 18})
    res = top_box_loyalty_ratio(df, satisfaction="sat", loyalty="rebuy")
    assert res.estimate == res.ratio == pytest.approx((6 / 10) / (2 / 20))


def test_curve_results_plot_on_an_axes(survey):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.axes import Axes

    for res in (loyalty_curve(survey, satisfaction="overall sat", loyalty="rebuy", kind="logit"),
                loyalty_regression(survey, satisfaction="overall sat", loyalty="intent")):
        ax = res.plot()
        assert isinstance(ax, Axes)
        plt.close(ax.figure)


# --- statsmodels' warnings become clear errors -----------------------------------------------------------------

def _separated() -> pd.DataFrame:
    rng = np.random.default_rng(0)
    sat = rng.integers(1, 6, 200)
    return pd.DataFrame({"sat": sat, "rebuy": sat >= 4})


def test_perfect_separation_is_an_error_not_a_hidden_warning():
    import warnings

    import statsmodels.formula.api as smf
    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

    data = _separated()
    # statsmodels itself, on the same data: separation warnings and a fit that does not converge
    with pytest.warns(PerfectSeparationWarning):
        raw = smf.logit("rebuy ~ C(sat)", data.astype({"rebuy": int})).fit(disp=0)
    assert not raw.mle_retvals["converged"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing may leak
        with pytest.raises(CsatInputError, match=r"perfect separation: respondents with sat = 1, 2, 3 only rebuy = 0; "
                                                 r"with sat = 4, 5 only rebuy = 1"):
            loyalty_regression(data, satisfaction="sat", loyalty="rebuy", kind="logit")
        with pytest.raises(CsatInputError, match=r"perfect separation: satisfaction predicts 'rebuy' perfectly"):
            loyalty_regression(data, satisfaction="sat", loyalty="rebuy", kind="logit", as_levels=False)
        # ordered loyalty: level 1 only at the lowest category -> infinite coefficient
        ordered = data.assign(intent=np.where(data["sat"] == 1, 1, np.clip(data["sat"] + (data.index % 3) - 1, 2, 5)))
        with pytest.raises(CsatInputError, match=r"perfect separation: respondents with sat = 1 only intent = 1"):
            loyalty_regression(ordered, satisfaction="sat", loyalty="intent", kind="ordinal")


def test_collinear_or_constant_controls_and_no_residual_df_are_errors():
    import warnings

    rng = np.random.default_rng(1)
    sat = rng.integers(1, 6, 100)
    data = pd.DataFrame({"sat": sat, "intent": np.clip(sat + rng.integers(-1, 2, 100), 1, 5), "twice": sat * 2.0,
                         "region": 1.0})
    # the design [1, sat, 2 sat] has rank 2 < 3 columns (numpy's rank, independently)
    assert np.linalg.matrix_rank(np.column_stack([np.ones(100), sat, sat * 2.0])) == 2
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for kind in ("ols", "ordinal"):
            with pytest.raises(CsatInputError, match=r"controls \['twice'\] are perfectly collinear with 'sat'"):
                loyalty_regression(data, satisfaction="sat", loyalty="intent", kind=kind, controls=["twice"],
                                   as_levels=False)
        with pytest.raises(CsatInputError, match=r"controls \['region'\] are constant"):
            loyalty_regression(data, satisfaction="sat", loyalty="intent", controls=["region"])
        # one answer per level: 3 rows, 3 parameters, residual df 0 -> no interval can exist
        with pytest.raises(CsatInputError, match="no residual degrees of freedom"):
            loyalty_regression(pd.DataFrame({"s": [1, 2, 3], "y": [1, 3, 2]}), satisfaction="s", loyalty="y")


def test_ratio_with_a_single_satisfaction_level_names_it():
    with pytest.raises(CsatInputError, match=r"satisfaction column 'sat' has a single level \(5\)"):
        top_box_loyalty_ratio(pd.DataFrame({"sat": [5, 5, 5], "rebuy": [1, 0, 1]}), satisfaction="sat", loyalty="rebuy")
