"""Complaint KPIs, recovery effect (vs statsmodels' Newcombe interval) and the recovery model."""

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import complaints
from csat_lab.errors import CsatInputError


def _log():
    return pd.DataFrame({
        "customer_id": list("abcdef"),
        "complained": [True, True, True, True, False, False],
        "received_at": pd.to_datetime(["2024-01-01 08:00", "2024-01-02 08:00", "2024-01-03 08:00",
                                       "2024-01-04 08:00", None, None]),
        "acknowledged_at": pd.to_datetime(["2024-01-01 09:00", "2024-01-02 12:00", "2024-01-03 10:00",
                                           "2024-01-04 16:00", None, None]),
        "resolved_at": pd.to_datetime(["2024-01-02 08:00", "2024-01-02 20:00", None, "2024-01-07 08:00",
                                       None, None]),
        "handling_satisfaction": [5, 4, 1, 3, None, None],
        "reopened": [False, True, None, False, None, None],
        "repurchased": [True, True, False, True, True, False],
        "channel": ["phone", "web", "phone", "web", None, None],
        **{c: [True, True, False, True, None, None] for c in complaints.STEP_COLUMNS},
    })


def test_kpis_hand():
    k = complaints.complaint_kpis(_log()).table.set_index("kpi")
    # acknowledge hours 1, 4, 2, 8 -> median 3. Resolve hours 24, 12, 72 and one complaint open since
    # 01-03 08:00, censored at now = the last time in the log (01-07 08:00): at least 96 h.
    # Kaplan-Meier: S(12) = 3/4, S(24) = 3/4 * 2/3 = 1/2 exactly until the next event at 72 -> the
    # midpoint (24 + 72) / 2 = 48 (R survival's convention); dropping the open complaint gave 24.
    assert k.loc["time_to_acknowledge", "estimate"] == 3.0
    assert k.loc["time_to_resolve", "estimate"] == 48.0
    assert k.loc["time_to_resolve", "n_censored"] == 1 and k.loc["time_to_resolve", "n"] == 4
    assert k.loc["complaint_rate", "estimate"] == pytest.approx(4 / 6)
    assert k.loc["resolution_rate", "estimate"] == pytest.approx(3 / 4)
    assert k.loc["reopen_rate", "estimate"] == pytest.approx(1 / 3)
    assert k.loc["handling_satisfaction", "estimate"] == pytest.approx(13 / 4)
    assert k.loc["handling_top2", "estimate"] == pytest.approx(2 / 4)


def test_kpi_intervals_against_statsmodels():
    from statsmodels.stats.proportion import proportion_confint

    k = complaints.complaint_kpis(_log()).table.set_index("kpi")
    lo, hi = proportion_confint(3, 4, method="wilson")
    assert (k.loc["resolution_rate", "ci_low"], k.loc["resolution_rate", "ci_high"]) == pytest.approx((lo, hi))


def test_kpis_by_group_and_steps():
    res = complaints.complaint_kpis(_log(), by="channel")
    assert set(res.table["group"]) == {"all", "phone", "web"}
    assert res.steps.loc["listen", "share"] == pytest.approx(3 / 4)
    assert res.censored == {"open complaints (censored at now in the time to resolve)": 1}
    assert res.dropped == {} and res.n_dropped == 0


def test_kpis_result_estimate_interval_fields_and_plot():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    res = complaints.complaint_kpis(_log(), ci=0.9, by="channel")
    # 4 of 6 customers complained
    assert res.estimate == pytest.approx(4 / 6)
    assert res.ci_level == 0.9 and "Wilson" in res.ci_method
    ax = res.plot()
    assert isinstance(ax, plt.Axes)
    # steps done on 3 of 4 complaints, drawn as bars of 0.75
    assert [bar.get_width() for bar in ax.patches] == pytest.approx([0.75] * 8)
    plt.close(ax.figure)


def test_kpis_old_log_name_warns_and_gives_the_same_answer():
    new = complaints.complaint_kpis(data=_log())
    with pytest.warns(DeprecationWarning, match="data="):
        old = complaints.complaint_kpis(log=_log())
    pd.testing.assert_frame_equal(old.table, new.table)


@pytest.mark.parametrize("column, row, value, match", [
    ("acknowledged_at", 0, pd.Timestamp("2023-12-31"), "'acknowledged_at' is before 'received_at'"),
    ("received_at", 1, pd.NaT, "'received_at' is missing for complaints at rows \\[1\\]"),
    ("handling_satisfaction", 0, 9, "must be 1-5"),
])
def test_kpis_bad_input(column, row, value, match):
    log = _log()
    log.loc[row, column] = value
    with pytest.raises(CsatInputError, match=match):
        complaints.complaint_kpis(log)


def _timed_log(hours, received="2024-03-01 08:00", satisfaction=None):
    """Complaints all received at one time, resolved after ``hours`` (None: still open)."""
    t0 = pd.Timestamp(received)
    n = len(hours)
    return pd.DataFrame({
        "complained": [True] * n, "received_at": [t0] * n, "acknowledged_at": [t0 + pd.Timedelta(hours=1)] * n,
        "resolved_at": [t0 + pd.Timedelta(hours=h) if h is not None else pd.NaT for h in hours],
        "handling_satisfaction": satisfaction if satisfaction is not None else [4] * n,
        "reopened": [False if h is not None else None for h in hours]})


def test_open_complaints_are_censored_kaplan_meier_median_against_lifelines():
    from lifelines import KaplanMeierFitter
    from lifelines.utils import median_survival_times

    # resolved after 2, 5, 9, 16, 22 h; two complaints still open at now = 30 h
    hours = [2, 5, 9, 16, 22, None, None]
    k = complaints.complaint_kpis(_timed_log(hours), now="2024-03-02 14:00").table.set_index("kpi")
    row = k.loc["time_to_resolve"]
    # dropping the open ones gives the median of 2, 5, 9, 16, 22 = 9 h: biased low.
    # By hand, S(t) = 6/7, 5/7, 4/7, 3/7 at 2, 5, 9, 16 h: first below 1/2 at 16 h.
    assert row["estimate"] == 16.0 and row["n_censored"] == 2 and row["n"] == 7
    durations, observed = [2, 5, 9, 16, 22, 30, 30], [1, 1, 1, 1, 1, 0, 0]
    kmf = KaplanMeierFitter(alpha=0.05).fit(durations, observed)
    assert row["estimate"] == kmf.median_survival_time_
    bounds = median_survival_times(kmf.confidence_interval_).to_numpy().ravel()
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(tuple(bounds))
    assert row["coverage"] == 0.95


@pytest.mark.parametrize("seed", range(5))
def test_kaplan_meier_median_and_interval_match_lifelines_on_random_logs(seed):
    from lifelines import KaplanMeierFitter
    from lifelines.utils import median_survival_times

    rng = np.random.default_rng(seed)
    n = 41  # odd, with censoring only at the end: S(t) never equals 1/2 exactly, where the conventions differ
    hours = np.round(rng.exponential(20, n), 1)
    still_open = rng.random(n) < 0.3
    log = _timed_log([None if o else float(h) for h, o in zip(hours, still_open)])
    now = pd.Timestamp("2024-03-01 08:00") + pd.Timedelta(hours=float(hours.max()) + 5)
    row = complaints.complaint_kpis(log, now=now, ci=0.9).table.set_index("kpi").loc["time_to_resolve"]
    open_for = (now - pd.Timestamp("2024-03-01 08:00")) / pd.Timedelta(hours=1)
    kmf = KaplanMeierFitter(alpha=0.1).fit(np.where(still_open, open_for, hours), ~still_open)
    assert row["estimate"] == pytest.approx(kmf.median_survival_time_)
    bounds = median_survival_times(kmf.confidence_interval_).to_numpy().ravel()
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(tuple(bounds))


def test_median_without_censoring_has_the_order_statistic_interval_and_its_exact_coverage():
    from scipy.stats import binom

    hours = list(range(1, 21))  # 20 resolved complaints, 1..20 h
    row = complaints.complaint_kpis(_timed_log(hours)).table.set_index("kpi").loc["time_to_resolve"]
    assert row["estimate"] == np.median(hours) == 10.5
    # Conover (1999, table A3): n = 20 at 95% -> ranks 6 and 15; coverage 1 - 2 P(B <= 5) = 0.9586
    assert (row["ci_low"], row["ci_high"]) == (6.0, 15.0)
    assert row["coverage"] == pytest.approx(1 - 2 * binom.cdf(5, 20, 0.5)) and row["coverage"] == pytest.approx(0.9586, abs=1e-4)
    assert row["n_censored"] == 0


def test_tiny_samples_report_no_median_interval_rather_than_min_max():
    log = _timed_log([3, 8, 1, 20, 6])  # n = 5: [min, max] covers the median with 1 - 2/32 = 0.9375 only
    res = complaints.complaint_kpis(log)
    row = res.table.set_index("kpi").loc["time_to_resolve"]
    assert row["estimate"] == 6.0
    assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"]) and np.isnan(row["coverage"])
    assert any("0.9375" in str(note) and "no interval" in str(note) for note in res.notes)
    # at 90% the level is reachable: [min, max] with its exact coverage 0.9375
    row90 = complaints.complaint_kpis(log, ci=0.9).table.set_index("kpi").loc["time_to_resolve"]
    assert (row90["ci_low"], row90["ci_high"], row90["coverage"]) == (1.0, 20.0, 0.9375)


def test_handling_satisfaction_mean_has_the_t_interval_of_scipy_and_statsmodels():
    from scipy import stats
    from statsmodels.stats.weightstats import DescrStatsW

    sat = [5, 4, 2, 4, 3, 5]
    row = complaints.complaint_kpis(_timed_log([1, 2, 3, 4, 5, 6], satisfaction=sat)).table.set_index("kpi")
    row = row.loc["handling_satisfaction"]
    low, high = stats.t.interval(0.95, len(sat) - 1, loc=np.mean(sat), scale=stats.sem(sat))
    assert (row["ci_low"], row["ci_high"]) == pytest.approx((low, high))
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(DescrStatsW(np.array(sat, float)).tconfint_mean(0.05))
    # the same interval as cl.metrics.mean_score on the same answers
    mean = cl.metrics.mean_score(sat, scale="satisfaction5")
    assert (row["ci_low"], row["ci_high"]) == pytest.approx(tuple(mean.ci))


def test_now_is_checked_and_moves_the_censoring_time():
    hours = [2, 5, 9, 16, 22, None, None]
    early = complaints.complaint_kpis(_timed_log(hours)).table.set_index("kpi").loc["time_to_resolve"]
    # default now: the last recorded time (22 h), so the open ones are censored at 22 h
    assert early["estimate"] == 16.0
    with pytest.raises(CsatInputError, match=r"now=2024-03-01 10:00:00 is before 'resolved_at' at rows \[1, 2, 3, 4\]"):
        complaints.complaint_kpis(_timed_log(hours), now="2024-03-01 10:00")
    with pytest.raises(CsatInputError, match="now must be a date"):
        complaints.complaint_kpis(_timed_log(hours), now="next tuesday")
    with pytest.raises(CsatInputError, match="now=.*time zone"):
        complaints.complaint_kpis(_timed_log(hours), now=pd.Timestamp("2024-03-05", tz="Europe/Paris"))


def test_recovery_effect_vs_statsmodels_newcombe():
    from statsmodels.stats.proportion import confint_proportions_2indep

    rng = np.random.default_rng(3)
    n = 600
    complained = rng.random(n) < 0.3
    sat = np.where(complained, rng.integers(1, 6, n), np.nan)
    rep = rng.random(n) < np.where(complained & (sat >= 4), 0.8, 0.65)
    df = pd.DataFrame({"complained": complained, "handling_satisfaction": sat, "repurchased": rep,
                       "resolved_at": pd.NaT})
    r = complaints.recovery_effect(df)
    rec = complained & (sat >= 4)
    x1, n1, x2, n2 = rep[rec].sum(), rec.sum(), rep[~complained].sum(), (~complained).sum()
    assert r.difference == pytest.approx(x1 / n1 - x2 / n2)
    lo, hi = confint_proportions_2indep(x1, n1, x2, n2, method="newcomb", compare="diff")
    assert r.ci == pytest.approx((lo, hi), abs=1e-10)
    assert r.estimate == r.difference and r.ci_level == 0.95


def test_recovery_effect_plot():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # recovered (satisfaction 4-5: a, b): 2 of 2 bought again; unrecovered (c, d): 1 of 2; no complaint: 1 of 2
    r = complaints.recovery_effect(_log())
    ax = r.plot()
    assert isinstance(ax, plt.Axes)
    assert [bar.get_height() for bar in ax.patches] == pytest.approx([1.0, 0.5, 0.5])
    plt.close(ax.figure)


def test_recovery_effect_needs_both_groups():
    df = pd.DataFrame({"complained": [False, False], "handling_satisfaction": [None, None],
                       "repurchased": [True, False]})
    with pytest.raises(CsatInputError, match="at least one recovered complainant"):
        complaints.recovery_effect(df)


def test_recovery_model_matches_statsmodels_and_predicts():
    import statsmodels.api as sm

    rng = np.random.default_rng(5)
    n = 400
    steps = rng.random((n, 8)) < 0.5
    sat = np.clip(np.round(1.5 + steps @ np.array([0.6, 0.5, 0.2, 0.1, 0.9, 0.2, 0.3, 0.1])
                           + rng.normal(0, 0.6, n)), 1, 5)
    rep = rng.random(n) < 1 / (1 + np.exp(-(-1.0 + steps @ np.full(8, 0.3))))
    df = pd.DataFrame(steps, columns=list(complaints.STEP_COLUMNS)).assign(
        complained=True, handling_satisfaction=sat, repurchased=rep)
    m = complaints.recovery_model(df)
    X = sm.add_constant(steps.astype(float))
    ols = sm.OLS(sat, X).fit()
    np.testing.assert_allclose(m.coefficients["satisfaction"].to_numpy(), ols.params, rtol=1e-10)
    assert m.estimate is m.coefficients
    none = m.predict({})
    all_ = m.predict({s: True for s in complaints.HANDLING_STEPS})
    assert none["satisfaction"] == pytest.approx(max(1.0, ols.params[0]))
    assert all_["satisfaction"] > none["satisfaction"] and all_["repurchase"] > none["repurchase"]
    logit = sm.Logit(rep.astype(float), X).fit(disp=0)
    assert all_["repurchase"] == pytest.approx(1 / (1 + np.exp(-logit.params.sum())))
    with pytest.raises(CsatInputError, match="steps are: listen"):
        m.predict({"apologise": True})


def test_steps_and_techniques_labelled():
    assert len(complaints.HANDLING_STEPS) == 8 and len(complaints.TECHNIQUES) == 11
    for s in complaints.HANDLING_STEPS:
        assert cl.label(f"complaints.step.{s}", "zh-CN")
    for t in complaints.TECHNIQUES:
        assert cl.label(f"complaints.technique.{t}", "en")


def test_on_the_complaints_dataset():
    try:
        d = cl.datasets.load("complaints_log")
    except Exception as exc:  # built by another team
        pytest.skip(f"complaints_log not available: {exc}")
    k = complaints.complaint_kpis(d)
    assert k.n_complaints == int(d["complained"].sum())
    m = complaints.recovery_model(d)
    assert 1 <= m.predict({"listen": True})["satisfaction"] <= 5


def test_recovery_model_separation_and_collinear_steps_are_clear_errors_without_warnings():
    import warnings

    import statsmodels.api as sm
    from statsmodels.tools.sm_exceptions import PerfectSeparationWarning

    from csat_lab.complaints.recovery import _example

    data = _example().assign(repurchased=lambda d: d["step_solution"])  # repurchase = "solution step done"
    steps = data[list(complaints.STEP_COLUMNS)].astype(float).to_numpy()
    with pytest.warns(PerfectSeparationWarning):  # statsmodels on the same design: separation
        sm.Logit(data["repurchased"].astype(float).to_numpy(), sm.add_constant(steps)).fit(disp=0, maxiter=200)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(CsatInputError, match=r"perfect separation: every complaint with step 'step_solution' "
                                                 r"done has 'repurchased' = True"):
            complaints.recovery_model(data)
        twins = _example().assign(step_thank=lambda d: d["step_listen"])
        with pytest.raises(CsatInputError, match=r"steps \['step_listen', 'step_thank'\] are perfectly collinear"):
            complaints.recovery_model(twins)
        # the seeded example fits, and its OLS part equals statsmodels' OLS on the same design
        model = complaints.recovery_model(_example())
    ols = sm.OLS(_example()["handling_satisfaction"].to_numpy(float),
                 sm.add_constant(_example()[list(complaints.STEP_COLUMNS)].astype(float).to_numpy())).fit()
    np.testing.assert_allclose(model.sat_params, ols.params)
