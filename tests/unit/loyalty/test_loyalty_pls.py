"""PLS path models against R plspm / seminr output, statsmodels and hand calculations."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from csat_lab.errors import CsatInputError
from csat_lab.loyalty import ACSI_MODEL, ECSI_MODEL, PLSResult, PowerResult, pls_path_model, power_for_path
from csat_lab.simulate import simulate_structural

REF = Path(__file__).resolve().parents[3].parent / "shared" / "reference-data" / "ecsi"


def _ref(name: str, **kw) -> pd.DataFrame:
    path = REF / name
    if not path.exists():
        pytest.skip(f"reference data {path} not available (test-only GPL data in ../shared)")
    return pd.read_csv(path, **kw)


BANK_INNER = [("IMAG", "EXPE"), ("IMAG", "SAT"), ("IMAG", "LOY"), ("EXPE", "QUAL"), ("EXPE", "VAL"),
              ("EXPE", "SAT"), ("QUAL", "VAL"), ("QUAL", "SAT"), ("VAL", "SAT"), ("SAT", "LOY")]

# R plspm 0.4 on its `satisfaction` data (= bank_satisfaction.csv), modes A, scaled = FALSE, as stored in the
# test fixtures of GoogleCloudPlatform/plspm-python (tests/data/satisfaction.inner-model.csv @ 2684475c,
# satisfaction.inner-summary.csv @ 49dd2196, satisfaction.outer-model*.csv @ 2684475c / 49dd2196,
# tests/test_regression_metric.py @ 027520a0 for the GoF 0.609741624338411).
PLSPM_SAT_EQUATION = {"IMAG": 0.200724200280665, "EXPE": -0.00275399457916834, "QUAL": 0.122144565609107,
                      "VAL": 0.589330650016017}
PLSPM_R2 = {"EXPE": 0.335193672418813, "QUAL": 0.719688235228933, "VAL": 0.59008437279849,
            "SAT": 0.707320949544597, "LOY": 0.509922562050087}
PLSPM_LOADINGS = {  # item: (centroid weight, centroid loading, path loading, factorial loading)
    "imag1": (0.0982418501741741, 0.70932650116601, 0.70955076789416, 0.709579562555722),
    "imag5": (0.184330241358762, 0.77846683251928, 0.777662796725605, 0.777670513144494),
    "expe3": (0.118783165134756, 0.759820571357087, 0.760461417953682, 0.760493632742242),
    "qual2": (0.134594903250232, 0.881558340214507, 0.881449200713862, 0.881441744489607),
    "val1": (0.174960810051613, 0.864821997997945, 0.86271564077978, 0.864544798086425),
    "sat4": (0.132079076814512, 0.8175253352275, 0.82088699490331, 0.817325794633066),
    "loy2": (0.081728096069474, 0.671101376778201, 0.669011176703357, 0.67071592524707),
}


@pytest.fixture(scope="module")
def bank():
    data = _ref("bank_satisfaction.csv")
    blocks = {k.upper(): [c for c in data.columns if c.startswith(k)] for k in ("imag", "expe", "qual", "val", "sat", "loy")}
    return data, blocks


@pytest.fixture(scope="module")
def mobi():
    data = _ref("mobi.csv", index_col=0)
    prefixes = {"IMAG": "IMAG", "EXPE": "CUEX", "QUAL": "PERQ", "VAL": "PERV", "SAT": "CUSA", "COM": "CUSCO", "LOY": "CUSL"}
    return data, ECSI_MODEL.blocks_by_prefix(data, prefixes)


def test_bank_satisfaction_matches_plspm_centroid(bank):
    data, blocks = bank
    res = pls_path_model(data, blocks, BANK_INNER, scheme="centroid", scaled=False)
    sat = res.paths[res.paths["target"] == "SAT"].set_index("source")["coef"]
    for source, coef in PLSPM_SAT_EQUATION.items():
        assert sat[source] == pytest.approx(coef, abs=1e-6)
    for construct, r2 in PLSPM_R2.items():
        assert res.r2[construct] == pytest.approx(r2, abs=1e-6)
    assert res.gof == pytest.approx(0.609741624338411, abs=1e-6)
    n = res.n
    for item, (weight, loading, _, _) in PLSPM_LOADINGS.items():
        assert res.loadings.loc[item, "loading"] == pytest.approx(loading, abs=1e-6)
        # plspm gives its construct scores variance 1 with divisor n; ours use n - 1 (see pls module docs)
        assert res.loadings.loc[item, "weight"] * np.sqrt(n / (n - 1)) == pytest.approx(weight, abs=1e-6)
    # plspm's AVE = block communality (inner summary): IMAG 0.582269092760334, SAT 0.75889072736371
    assert res.reliability.loc["IMAG", "ave"] == pytest.approx(0.582269092760334, abs=1e-6)
    assert res.reliability.loc["SAT", "ave"] == pytest.approx(0.75889072736371, abs=1e-6)


@pytest.mark.parametrize("scheme,column", [("path", 2), ("factorial", 3)])
def test_bank_satisfaction_matches_plspm_other_schemes(bank, scheme, column):
    data, blocks = bank
    res = pls_path_model(data, blocks, BANK_INNER, scheme=scheme, scaled=False)
    for item, values in PLSPM_LOADINGS.items():
        assert res.loadings.loc[item, "loading"] == pytest.approx(values[column], abs=1e-6)


def test_mobi_matches_seminr_basic_model(mobi):
    # seminr estimate_pls on mobi (path weighting; Quality mode B, others mode A), stored in
    # GoogleCloudPlatform/plspm-python tests/data/seminr-mobi-basic-paths.csv and -outer-model.csv @ f53c5ba8.
    data, _ = mobi
    blocks = {"Expectation": ["CUEX1", "CUEX2", "CUEX3"], "Quality": [f"PERQ{i}" for i in range(1, 8)],
              "Loyalty": ["CUSL1", "CUSL2", "CUSL3"], "Image": [f"IMAG{i}" for i in range(1, 6)],
              "Complaints": ["CUSCO"]}
    inner = [("Expectation", "Loyalty"), ("Quality", "Loyalty"), ("Image", "Expectation"), ("Complaints", "Loyalty")]
    res = pls_path_model(data, blocks, inner, scheme="path", modes={"Quality": "B"})
    coefs = {(s, t): c for s, t, c in res.paths[["source", "target", "coef"]].itertuples(index=False)}
    assert coefs[("Image", "Expectation")] == pytest.approx(0.512876954138615, abs=1e-6)
    assert coefs[("Expectation", "Loyalty")] == pytest.approx(0.124534792831633, abs=1e-6)
    assert coefs[("Quality", "Loyalty")] == pytest.approx(0.405693671851465, abs=1e-6)
    assert coefs[("Complaints", "Loyalty")] == pytest.approx(0.176081956818542, abs=1e-6)
    seminr = {"IMAG1": (0.289315133055235, 0.738146832100829), "CUEX2": (0.561419220295048, 0.760693713932964),
              "PERQ6": (-0.0862475048715799, 0.610190554740549), "CUSL2": (0.117887757261553, 0.205795369057261),
              "CUSCO": (1.0, 1.0)}
    for item, (weight, loading) in seminr.items():  # seminr standardises with divisor n - 1, like us
        assert res.loadings.loc[item, "weight"] == pytest.approx(weight, abs=1e-5)
        assert res.loadings.loc[item, "loading"] == pytest.approx(loading, abs=1e-5)
    assert any("'Complaints' has one item" in note for note in res.notes)


def test_mobi_full_ecsi_inner_model_is_ols_on_scores(mobi):
    import pingouin as pg
    import statsmodels.api as sm

    data, blocks = mobi
    res = ECSI_MODEL.fit(data, blocks, scheme="centroid")
    scores = res.scores
    assert np.allclose(scores.std(ddof=1), 1) and np.allclose(scores.mean(), 0)
    for target in ("SAT", "LOY", "VAL"):
        sources = list(ECSI_MODEL.predecessors(target))
        fit = sm.OLS(scores[target], sm.add_constant(scores[sources])).fit()
        got = res.paths[res.paths["target"] == target].set_index("source")["coef"]
        np.testing.assert_allclose(got[sources], fit.params[sources], atol=1e-10)
        assert res.r2[target] == pytest.approx(fit.rsquared, abs=1e-10)
    # loadings are item-score correlations, alpha as pingouin computes it on the (standardised) items
    assert res.loadings.loc["CUSA2", "loading"] == pytest.approx(np.corrcoef(data["CUSA2"], scores["SAT"])[0, 1])
    items = blocks["QUAL"]
    z = (data[items] - data[items].mean()) / data[items].std()
    assert res.reliability.loc["QUAL", "alpha"] == pytest.approx(pg.cronbach_alpha(z)[0], abs=1e-10)
    lam = res.loadings.loc[blocks["SAT"], "loading"].to_numpy()
    assert res.reliability.loc["SAT", "composite_reliability"] == pytest.approx(
        lam.sum() ** 2 / (lam.sum() ** 2 + (1 - lam ** 2).sum()))
    # HTMT by hand for SAT-LOY (Henseler et al. 2015)
    r = data.corr().abs()
    het = r.loc[blocks["SAT"], blocks["LOY"]].to_numpy().mean()

    def mono(b):
        m = r.loc[b, b].to_numpy()
        return m[np.triu_indices(len(b), 1)].mean()

    assert res.htmt.loc["SAT", "LOY"] == pytest.approx(het / np.sqrt(mono(blocks["SAT"]) * mono(blocks["LOY"])))
    assert np.isnan(res.reliability.loc["COM", "alpha"]) and np.isnan(res.htmt.loc["COM", "SAT"])
    # total effect of IMAG on LOY = direct + every indirect chain
    p = {(s, t): c for s, t, c in res.paths[["source", "target", "coef"]].itertuples(index=False)}
    sat_total = (p["IMAG", "SAT"] + p["IMAG", "EXPE"] * (p["EXPE", "SAT"] + p["EXPE", "QUAL"] * p["QUAL", "SAT"]
                 + p["EXPE", "VAL"] * p["VAL", "SAT"] + p["EXPE", "QUAL"] * p["QUAL", "VAL"] * p["VAL", "SAT"]))
    loy_total = p["IMAG", "LOY"] + sat_total * (p["SAT", "LOY"] + p["SAT", "COM"] * p["COM", "LOY"])
    eff = res.total_effects.set_index(["source", "target"])
    assert eff.loc[("IMAG", "LOY"), "total"] == pytest.approx(loy_total)


def test_index_0_100_by_hand(mobi):
    data, blocks = mobi
    res = ECSI_MODEL.fit(data, blocks, item_range=(1, 10))
    items = blocks["SAT"]
    w = res.loadings.loc[items, "weight"] / data[items].std()
    expected = 100 * ((data[items] - 1) @ w) / (9 * w.sum())
    np.testing.assert_allclose(res.index_scores["SAT"], expected)
    assert res.indices["SAT"] == pytest.approx(expected.mean())


def test_bootstrap_is_reproducible_and_brackets_estimates(mobi):
    data, blocks = mobi
    res = ECSI_MODEL.fit(data, blocks, n_boot=150, seed=7)
    again = ECSI_MODEL.fit(data, blocks, n_boot=150, seed=7)
    pd.testing.assert_frame_equal(res.paths, again.paths)
    assert {"se", "ci_low", "ci_high", "t"} <= set(res.paths.columns)
    assert (res.paths["ci_low"] <= res.paths["coef"]).all() and (res.paths["coef"] <= res.paths["ci_high"]).all()
    assert res.n_boot == 150 and res.n_boot_failed == 0
    assert "ci_low" in res.loadings.columns and list(res.r2_ci.index) == list(res.r2.index)
    assert (res.r2_ci["ci_low"] <= res.r2).all() and (res.r2 <= res.r2_ci["ci_high"]).all()
    assert res.seed == 7 and res.ci_level == 0.95


def test_acsi_spec_and_without(bank):
    data, blocks = bank
    assert ACSI_MODEL.constructs == ("EXPE", "QUAL", "VAL", "SAT", "COM", "LOY")
    with pytest.raises(CsatInputError, match="needs a block for \\['COM'\\]; use .without\\('COM'\\)"):
        ACSI_MODEL.fit(data, blocks)
    res = ACSI_MODEL.without("COM").fit(data, blocks)
    assert set(res.r2.index) == {"QUAL", "VAL", "SAT", "LOY"}
    assert ECSI_MODEL.label("SAT") == "Customer satisfaction"


def test_missing_values_listwise_reported(bank):
    data, blocks = bank
    messy = data.copy()
    messy.loc[[0, 1, 2], "imag1"] = np.nan
    messy.loc[[2, 3], "loy4"] = np.nan
    res = pls_path_model(messy, blocks, BANK_INNER)
    assert res.n_dropped == 4 and res.n + res.n_dropped == len(messy)
    assert "imag1: 3" in next(iter(res.dropped)) and "loy4: 2" in next(iter(res.dropped))


def test_bad_inputs(bank):
    data, blocks = bank
    with pytest.raises(CsatInputError, match="cycle among \\['LOY', 'SAT'\\]"):
        pls_path_model(data, blocks, BANK_INNER + [("LOY", "SAT")])
    with pytest.raises(CsatInputError, match="construct 'TRUST', which has no block; constructs are: IMAG, EXPE"):
        pls_path_model(data, blocks, BANK_INNER + [("TRUST", "LOY")])
    with pytest.raises(CsatInputError, match="block 'VAL' has no items"):
        pls_path_model(data, {**blocks, "VAL": []}, BANK_INNER)
    with pytest.raises(CsatInputError, match="'sat2' must be numeric; rows \\[5\\]"):
        pls_path_model(data.assign(sat2=data["sat2"].astype(object).where(data.index != 5, "ten")), blocks, BANK_INNER)
    with pytest.raises(CsatInputError, match="item 'sat1' is in block 'SAT' and in block 'LOY'"):
        pls_path_model(data, {**blocks, "LOY": blocks["LOY"] + ["sat1"]}, BANK_INNER)
    with pytest.raises(CsatInputError, match="have a block but no path"):
        pls_path_model(data, blocks, [p for p in BANK_INNER if "LOY" not in p])
    with pytest.raises(CsatInputError, match="points a construct at itself"):
        pls_path_model(data, blocks, BANK_INNER + [("SAT", "SAT")])
    with pytest.raises(CsatInputError, match="scheme must be one of: 'centroid', 'factorial', 'path'"):
        pls_path_model(data, blocks, BANK_INNER, scheme="pca")
    with pytest.raises(CsatInputError, match="item \\['qual3'\\] is constant"):
        pls_path_model(data.assign(qual3=7), blocks, BANK_INNER)
    with pytest.raises(CsatInputError, match="modes must map constructs"):
        pls_path_model(data, blocks, BANK_INNER, modes={"SAT": "C"})
    with pytest.raises(CsatInputError, match="mode-B block 'SAT': items \\['sat1', 'sat2', 'sat4'\\] are perfectly collinear"):
        pls_path_model(data.assign(sat4=data["sat1"] + data["sat2"]), blocks, BANK_INNER, modes={"SAT": "B"})


def test_one_item_block_is_allowed_and_explained(bank):
    data, blocks = bank
    res = pls_path_model(data, {**blocks, "LOY": ["loy1"]}, BANK_INNER)
    assert res.loadings.loc["loy1", "loading"] == pytest.approx(1.0)
    assert res.loadings.loc["loy1", "weight"] == pytest.approx(1.0)
    np.testing.assert_allclose(res.scores["LOY"], (data["loy1"] - data["loy1"].mean()) / data["loy1"].std())
    assert np.isnan(res.reliability.loc["LOY", "composite_reliability"])
    assert res.notes and "'LOY' has one item" in res.notes[0] and "left out of the GoF" in res.notes[0]


def test_simulation_recovers_true_paths_without_measurement_error():
    paths = {("EXPE", "SAT"): 0.3, ("QUAL", "SAT"): 0.5, ("SAT", "LOY"): 0.6}
    data, truth = simulate_structural(paths, n=4000, items=2, loading=1.0, seed=3)
    assert truth["r2"]["SAT"] == pytest.approx(0.3 ** 2 + 0.5 ** 2)  # independent exogenous constructs
    blocks = truth["blocks"]
    res = pls_path_model(data, blocks, list(paths))
    for (s, t), beta in paths.items():
        got = res.paths[(res.paths["source"] == s) & (res.paths["target"] == t)]["coef"].iloc[0]
        assert got == pytest.approx(beta, abs=0.04)
    coded, _ = simulate_structural(paths, n=50, scale="agree7", seed=1)
    assert coded.to_numpy().min() >= 1 and coded.to_numpy().max() <= 7
    with pytest.raises(CsatInputError, match="explain 1.250 >= 1 of its variance"):
        simulate_structural({("A", "B"): 1.0, ("C", "B"): 0.5}, n=10)
    with pytest.raises(CsatInputError, match="loading for 'A' must lie in \\(0, 1\\]"):
        simulate_structural({("A", "B"): 0.5}, loading={"A": 1.5, "B": 0.8})


def test_power_matches_statsmodels_and_monte_carlo():
    from scipy import stats
    from statsmodels.stats.power import FTestPowerF2

    # one predictor: statsmodels' noncentrality f2 (df_num + df_denom + 1) equals f2 * n
    one = power_for_path(0.25, r2=0.35)
    f2 = 0.25 ** 2 / (1 - 0.35)
    df_denom = FTestPowerF2().solve_power(effect_size=f2, df_num=1, df_denom=None, alpha=0.05, power=0.8)
    assert one.f2 == pytest.approx(f2)
    assert one.n_required == int(np.ceil(df_denom + 2))
    # three predictors, collinear target predictor: smallest n whose noncentral-F power reaches 0.8 (lambda = f2 n)
    res = power_for_path(0.25, n_predictors=3, r2=0.35, r2_predictor=0.2)
    f2 = 0.25 ** 2 * (1 - 0.2) / (1 - 0.35)
    ns = np.arange(10, 400)
    pw = stats.ncf.sf(stats.f.ppf(0.95, 1, ns - 4), 1, ns - 4, f2 * ns)
    assert res.f2 == pytest.approx(f2) and res.n_required == ns[np.argmax(pw >= 0.8)]
    # the noncentral F by hand at the planned n (Cohen 1988: lambda = f2 * n)
    n = 60
    planned = power_for_path(0.3, n=n)
    f2 = 0.09 / 0.91
    assert planned.power == pytest.approx(stats.ncf.sf(stats.f.ppf(0.95, 1, n - 2), 1, n - 2, f2 * n))
    # Monte Carlo: simple regressions at n_required reject about 80% of the time
    need = power_for_path(0.3).n_required
    rng = np.random.default_rng(0)
    hits = 0
    for _ in range(400):
        x = rng.standard_normal(need)
        y = 0.3 * x + np.sqrt(0.91) * rng.standard_normal(need)
        hits += stats.pearsonr(x, y)[1] < 0.05
    assert hits / 400 == pytest.approx(0.8, abs=0.06)
    attenuated = power_for_path(0.3, reliability=0.7)
    assert attenuated.beta_observed == pytest.approx(0.3 * np.sqrt(0.7)) and attenuated.n_required > need
    with pytest.raises(CsatInputError, match="reliability must lie in \\(0, 1\\]"):
        power_for_path(0.3, reliability=0)
    with pytest.raises(CsatInputError, match="beta = 0: there is no effect to detect"):
        power_for_path(0.0)


def test_random_predictor_power_against_an_independent_simulation_and_integral():
    from scipy import integrate, stats

    # beta = 0.3, n = 80: 0.793 with fixed predictors (G*Power), 0.780 when x is drawn at random
    res = power_for_path(0.3, n=80)
    assert res.predictors == "fixed" and "G*Power" in res.convention
    assert round(res.power, 3) == round(res.power_fixed, 3) == 0.793
    assert round(res.power_random, 3) == 0.780
    # Monte Carlo with a fixed seed: 100,000 samples of 80 (x, y) pairs, rho = 0.3, two-sided t-test of r
    rng = np.random.default_rng(20240601)
    reps, n = 100_000, 80
    x = rng.standard_normal((reps, n))
    y = 0.3 * x + np.sqrt(1 - 0.09) * rng.standard_normal((reps, n))
    xc, yc = x - x.mean(axis=1, keepdims=True), y - y.mean(axis=1, keepdims=True)
    r = (xc * yc).sum(axis=1) / np.sqrt((xc ** 2).sum(axis=1) * (yc ** 2).sum(axis=1))
    t = r * np.sqrt(n - 2) / np.sqrt(1 - r ** 2)
    simulated = float(np.mean(np.abs(t) > stats.t.ppf(0.975, n - 2)))
    se = np.sqrt(simulated * (1 - simulated) / reps)  # about 0.0013
    assert abs(simulated - res.power_random) < 3 * se
    assert abs(simulated - res.power_fixed) > 5 * se  # the fixed convention is measurably optimistic here
    # second route, three predictors: given the design, the statistic is noncentral F with
    # lambda = f2 * W, W ~ chi2(n - k) (the residual sum of squares of x_j on the others, in units of its variance);
    # averaging the fixed-design power over W gives the random-predictor power.
    k, n, f2 = 3, 120, 0.25 ** 2 * (1 - 0.2) / (1 - 0.35)
    crit = stats.f.ppf(0.95, 1, n - k - 1)
    value, _ = integrate.quad(lambda w: stats.ncf.sf(crit, 1, n - k - 1, f2 * w) * stats.chi2.pdf(w, n - k), 0, np.inf)
    many = power_for_path(0.25, n_predictors=3, r2=0.35, r2_predictor=0.2, n=n, predictors="random")
    assert many.power == many.power_random == pytest.approx(value, abs=1e-8)
    assert many.power_random < many.power_fixed
    # the sample size follows the convention chosen: the smallest n whose random-predictor power reaches 0.8
    plan = power_for_path(0.3, predictors="random")
    below = power_for_path(0.3, n=plan.n_required - 1, predictors="random").power
    at = power_for_path(0.3, n=plan.n_required, predictors="random").power
    assert below < 0.8 <= at and plan.n_required > power_for_path(0.3).n_required
    assert list(plan.curve.columns) == ["n", "power", "power_fixed", "power_random"]
    assert (plan.curve["power"] == plan.curve["power_random"]).all()


def test_impossible_standardised_beta_is_explained():
    with pytest.raises(CsatInputError, match=r"beta=1.5 is impossible for a standardised path.*2.25, must be below 1"):
        power_for_path(1.5)
    with pytest.raises(CsatInputError, match=r"predictors must be one of"):
        power_for_path(0.3, predictors="exact")
    with pytest.raises(CsatInputError, match=r"beta must be a number, got 'abc'"):
        power_for_path("abc")


# --- Architecture II: results, default seed, deprecated spellings -------------------------------------


@pytest.fixture(scope="module")
def small_model():
    inner = [("QUAL", "SAT"), ("SAT", "LOY")]
    data, truth = simulate_structural(dict.fromkeys(inner, 0.5), n=150, seed=4)
    return data, truth["blocks"], inner


def test_pls_result_estimate_plot_and_default_seed(small_model):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import statsmodels.api as sm
    from matplotlib.axes import Axes

    data, blocks, inner = small_model
    res = pls_path_model(data, blocks, inner, n_boot=30)
    assert isinstance(res, PLSResult)
    # estimate: the path coefficients by (source, target); each a simple regression of construct scores
    fit = sm.OLS(res.scores["SAT"], sm.add_constant(res.scores[["QUAL"]])).fit()
    assert res.estimate["QUAL", "SAT"] == pytest.approx(fit.params["QUAL"], abs=1e-10)
    assert list(res.estimate.index) == inner
    # the default seed is fixed (0) and reported: the same call gives the same intervals
    assert res.seed == 0
    pd.testing.assert_frame_equal(res.paths, pls_path_model(data, blocks, inner, n_boot=30, seed=0).paths)
    assert "Random seed" in str(res)
    with pytest.warns(DeprecationWarning, match="ci_level"):
        assert res.ci == res.ci_level == 0.95
    ax = res.plot()
    assert isinstance(ax, Axes)
    plt.close(ax.figure)
    plain = pls_path_model(data, blocks, inner)
    assert plain.r2_ci is None and plain.n_boot == 0


def test_pls_old_bootstrap_keyword_warns_and_gives_the_same_answer(small_model):
    data, blocks, inner = small_model
    new = pls_path_model(data, blocks, inner, n_boot=20, seed=5)
    with pytest.warns(DeprecationWarning, match="n_boot="):
        old = pls_path_model(data, blocks, inner, bootstrap=20, seed=5)
    pd.testing.assert_frame_equal(old.paths, new.paths)
    pd.testing.assert_frame_equal(old.r2_ci, new.r2_ci)


def test_power_estimate_is_the_sample_size_needed():
    res = power_for_path(0.3)
    assert isinstance(res, PowerResult) and res.estimate == res.n_required


def test_tiny_bootstrap_counts_failed_resamples_without_warnings():
    import warnings

    # two-valued items on 6 rows: a resample misses q1's two 2s with probability (4/6)^6 = 0.088
    data = pd.DataFrame({"q1": [1, 1, 1, 1, 2, 2], "q2": [1, 1, 1, 2, 2, 2], "s1": [1, 1, 2, 1, 2, 2],
                         "s2": [1, 1, 1, 2, 2, 2]}).astype(float)
    blocks = {"QUAL": ["q1", "q2"], "SAT": ["s1", "s2"]}
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        res = pls_path_model(data, blocks, [("QUAL", "SAT")], n_boot=200, seed=0)
        assert res.n_boot_failed > 0
        assert np.isfinite(res.paths[["se", "ci_low", "ci_high"]].to_numpy()).all()
        with pytest.raises(CsatInputError, match=r"n_boot must be 0 \(no intervals\) or at least 2"):
            pls_path_model(data, blocks, [("QUAL", "SAT")], n_boot=1)


def test_items_that_cancel_out_are_named_with_the_reverse_coding_hint():
    import warnings

    rng = np.random.default_rng(2)
    base = rng.integers(1, 6, 40).astype(float)
    # r1 = 6 - q1 exactly: the total q1 + r1 = 6 has zero variance, so the block's composite is constant
    data = pd.DataFrame({"q1": base, "r1": 6 - base, "s1": base + rng.normal(0, 1, 40), "s2": base + rng.normal(0, 1, 40)})
    assert np.var(data["q1"] + data["r1"]) == 0
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(CsatInputError, match=r"block 'QUAL': its items \['q1', 'r1'\] cancel out .*reverse-coded"):
            pls_path_model(data, {"QUAL": ["q1", "r1"], "SAT": ["s1", "s2"]}, [("QUAL", "SAT")])
        # reversed first, the block is fine
        fixed = pls_path_model(data.assign(r1=6 - data["r1"]), {"QUAL": ["q1", "r1"], "SAT": ["s1", "s2"]},
                               [("QUAL", "SAT")])
    assert fixed.reliability.loc["QUAL", "alpha"] == pytest.approx(1.0)  # two identical items: alpha = 1
