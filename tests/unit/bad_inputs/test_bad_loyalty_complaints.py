"""Bad and edge inputs to the loyalty and complaint functions: a clear error naming the culprit, or the right value.

Every expected value below is worked out by hand in the case's comment.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from catalogue import Case, Raises, Returns, ids, run

import csat_lab as cl
from csat_lab.complaints import STEP_COLUMNS
from csat_lab.complaints.recovery import _example as _recovery_example

L, C = cl.loyalty, cl.complaints

# --- small data -----------------------------------------------------------------------------------------------

_RNG = np.random.default_rng(11)
_SAT = _RNG.integers(1, 6, 120)
SURVEY = pd.DataFrame({
    "sat": _SAT,
    "intent": np.clip(_SAT + _RNG.integers(-1, 2, 120), 1, 5),
    "rebuy": _RNG.random(120) < _SAT / 6,
    "price": _RNG.integers(1, 6, 120).astype(float),
    "staff": _RNG.integers(1, 6, 120).astype(float),
})
SURVEY["overall"] = 0.5 * SURVEY["price"] + 0.3 * SURVEY["staff"] + _RNG.normal(0, 1, 120)

# six rows, two drivers (hand-checkable)
TINY = pd.DataFrame({"y": [1.0, 2, 3, 4, 6, 5], "a": [1.0, 1, 2, 3, 5, 5], "b": [2.0, 1, 2, 1, 2, 1]})

_ITEMS = _RNG.normal(size=(80, 2))
PLS_DATA = pd.DataFrame({
    "q1": _ITEMS[:, 0] + _RNG.normal(0, 0.5, 80), "q2": _ITEMS[:, 0] + _RNG.normal(0, 0.5, 80),
    "s1": _ITEMS[:, 0] * 0.5 + _ITEMS[:, 1] + _RNG.normal(0, 0.5, 80),
    "s2": _ITEMS[:, 0] * 0.5 + _ITEMS[:, 1] + _RNG.normal(0, 0.5, 80),
})
BLOCKS = {"QUAL": ["q1", "q2"], "SAT": ["s1", "s2"]}
INNER = [("QUAL", "SAT")]


def _log() -> pd.DataFrame:
    """Four complaints, two customers without one (the unit test's log)."""
    return pd.DataFrame({
        "complained": [True, True, True, True, False, False],
        "received_at": pd.to_datetime(["2024-01-01 08:00", "2024-01-02 08:00", "2024-01-03 08:00",
                                       "2024-01-04 08:00", None, None]),
        "acknowledged_at": pd.to_datetime(["2024-01-01 09:00", "2024-01-02 12:00", "2024-01-03 10:00",
                                           "2024-01-04 16:00", None, None]),
        "resolved_at": pd.to_datetime(["2024-01-02 08:00", "2024-01-02 20:00", None, "2024-01-07 08:00", None, None]),
        "handling_satisfaction": [5, 4, 1, 3, None, None],
        "reopened": [False, True, None, False, None, None],
        "repurchased": [True, True, False, True, True, False],
        **{c: [True, True, False, True, None, None] for c in STEP_COLUMNS},
    })


LOG = _log()
LOG_BACKWARDS = _log().assign(resolved_at=pd.to_datetime(["2023-12-31 08:00", "2024-01-02 20:00", None,
                                                          "2024-01-07 08:00", None, None]))
LOG_TEXT_DATE = _log().astype({"acknowledged_at": object})
LOG_TEXT_DATE.loc[2, "acknowledged_at"] = "soon"
LOG_NO_COMPLAINT = _log().assign(complained=False)
LOG_SAT_TEXT = _log().astype({"handling_satisfaction": object})
LOG_SAT_TEXT.loc[1, "handling_satisfaction"] = "good"
LOG_COMPLAINED_TEXT = _log().astype({"complained": object})
LOG_COMPLAINED_TEXT.loc[3, "complained"] = "perhaps"
LOG_TZ = _log().assign(received_at=_log()["received_at"].dt.tz_localize("UTC"),
                       acknowledged_at=_log()["acknowledged_at"].dt.tz_localize("UTC"),
                       resolved_at=_log()["resolved_at"].dt.tz_localize("UTC"))
LOG_ALL_SAT_MISSING = _log().assign(handling_satisfaction=np.nan)

REC = _recovery_example()
REC_SEPARATED = _recovery_example().assign(repurchased=lambda d: d["step_solution"])
REC_TWINS = _recovery_example().assign(step_thank=lambda d: d["step_listen"])
REC_STEP_TEXT = _recovery_example().astype({"step_cause": object})
REC_STEP_TEXT.loc[7, "step_cause"] = "sometimes"
FITTED = C.recovery_model(REC)


def _r2(y: np.ndarray, x: np.ndarray) -> float:
    design = np.column_stack([np.ones(len(y)), x])
    resid = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
    return 1 - resid @ resid / ((y - y.mean()) @ (y - y.mean()))


def _two_driver_shapley(d: pd.DataFrame) -> list[float]:
    y = d["y"].to_numpy()
    ra, rb, rab = _r2(y, d[["a"]].to_numpy()), _r2(y, d[["b"]].to_numpy()), _r2(y, d[["a", "b"]].to_numpy())
    return [(ra + rab - rb) / 2, (rb + rab - ra) / 2]


def _row(result, kpi: str) -> pd.Series:
    return result.table.set_index("kpi").loc[kpi]


CASES = [
    # ---- loyalty_regression ---------------------------------------------------------------------------------
    Case("regression-wrong-column", L.loyalty_regression, (SURVEY,), {"satisfaction": "satisfaction", "loyalty": "intent"},
         Raises(r"no column 'satisfaction' in data; columns are: sat")),
    Case("regression-not-a-frame", L.loyalty_regression, ([1, 2, 3],), {"satisfaction": "sat", "loyalty": "intent"},
         Raises(r"data must be a pandas DataFrame, got list")),
    Case("regression-one-level", L.loyalty_regression, (SURVEY.assign(sat=4),), {"satisfaction": "sat", "loyalty": "intent"},
         Raises(r"satisfaction column 'sat' has a single level \(4\)")),
    Case("regression-all-missing-outcome", L.loyalty_regression, (SURVEY.assign(intent=np.nan),),
         {"satisfaction": "sat", "loyalty": "intent"}, Raises(r"only 0 complete rows")),
    Case("regression-text-in-outcome", L.loyalty_regression, (SURVEY.astype({"intent": object}).assign(intent=lambda d: d["intent"].where(d.index != 5, "high")),),
         {"satisfaction": "sat", "loyalty": "intent"}, Raises(r"'intent' must be numeric; rows \[5\] hold text")),
    Case("regression-infinite", L.loyalty_regression, (SURVEY.assign(intent=lambda d: d["intent"].where(d.index != 3, np.inf)),),
         {"satisfaction": "sat", "loyalty": "intent"}, Raises(r"column 'intent' holds infinite values")),
    Case("regression-logit-on-scale", L.loyalty_regression, (SURVEY,), {"satisfaction": "sat", "loyalty": "intent", "kind": "logit"},
         Raises(r"kind='logit' needs a yes/no loyalty column .*'intent' holds 1, 2, 3, 4, 5")),
    Case("regression-separation", L.loyalty_regression, (SURVEY.assign(rebuy=SURVEY["sat"] >= 4),),
         {"satisfaction": "sat", "loyalty": "rebuy", "kind": "logit"},
         Raises(r"perfect separation: respondents with sat = 1, 2, 3 only rebuy = 0; with sat = 4, 5 only rebuy = 1")),
    Case("regression-collinear-control", L.loyalty_regression, (SURVEY.assign(twice=SURVEY["sat"] * 2.0),),
         {"satisfaction": "sat", "loyalty": "intent", "controls": ["twice"], "as_levels": False},
         Raises(r"controls \['twice'\] are perfectly collinear with 'sat'")),
    Case("regression-ci-95", L.loyalty_regression, (SURVEY,), {"satisfaction": "sat", "loyalty": "intent", "ci": 95},
         Raises(r"ci must lie strictly between 0 and 1, got 95")),
    Case("regression-no-residual-df", L.loyalty_regression, (pd.DataFrame({"s": [1, 2, 3], "y": [1, 3, 2]}),),
         {"satisfaction": "s", "loyalty": "y"}, Raises(r"3 complete rows for 3 parameters leave no residual degrees")),
    Case("regression-four-rows-by-hand", L.loyalty_regression, (pd.DataFrame({"s": [1, 2, 3, 1], "y": [1, 3, 2, 2]}),),
         {"satisfaction": "s", "loyalty": "y"},
         # level means: s=1 -> (1 + 2) / 2 = 1.5, s=2 -> 3, s=3 -> 2
         Returns(lambda m: m.predicted["estimate"].tolist() == pytest.approx([1.5, 3.0, 2.0]), "level means")),
    # ---- loyalty_curve, zones, ratio, theoretical curve ------------------------------------------------------
    Case("curve-unknown-kind", L.loyalty_curve, (SURVEY,), {"satisfaction": "sat", "loyalty": "intent", "kind": "probit"},
         Raises(r"kind must be one of: 'ols', 'logit', 'ordinal'; got 'probit'")),
    Case("ratio-empty-box", L.top_box_loyalty_ratio, (SURVEY.assign(sat=SURVEY["sat"].clip(upper=4)),),
         {"satisfaction": "sat", "loyalty": "rebuy", "top": 5, "second": 4},
         Raises(r"only 0 respondents have satisfaction \(5,\) \(top box\)")),
    Case("ratio-single-level", L.top_box_loyalty_ratio, (SURVEY.assign(sat=5),), {"satisfaction": "sat", "loyalty": "rebuy"},
         Raises(r"satisfaction column 'sat' has a single level \(5\)")),
    Case("regression-constant-control", L.loyalty_regression, (SURVEY.assign(region=2.0),),
         {"satisfaction": "sat", "loyalty": "intent", "controls": ["region"], "kind": "ordinal"},
         Raises(r"controls \['region'\] are constant")),
    Case("zones-nothing-given", L.loyalty_zones, (), {}, Raises(r"give a scale name, explicit zones, or data")),
    Case("theoretical-competition-2", L.theoretical_curve, (), {"competition": 2},
         Raises(r"competition must lie between 0 \(protected market\) and 1")),
    # ---- drivers and IPA -----------------------------------------------------------------------------------
    Case("shapley-constant-driver", L.shapley_importance, (SURVEY.assign(price=3.0),),
         {"outcome": "overall", "drivers": ["price", "staff"]}, Raises(r"driver \['price'\] is constant")),
    Case("shapley-collinear-drivers", L.shapley_importance, (SURVEY.assign(double=SURVEY["price"] * 2),),
         {"outcome": "overall", "drivers": ["price", "double", "staff"]},
         Raises(r"drivers \['price', 'double'\] are perfectly collinear")),
    Case("shapley-outcome-among-drivers", L.shapley_importance, (SURVEY,), {"outcome": "price", "drivers": ["price", "staff"]},
         Raises(r"outcome 'price' is also listed among the drivers")),
    Case("shapley-all-missing-outcome", L.shapley_importance, (SURVEY.assign(overall=np.nan),),
         {"outcome": "overall", "drivers": ["price", "staff"]}, Raises(r"2 drivers need more than 3 complete rows; only 0 remain")),
    Case("shapley-n-boot-negative", L.shapley_importance, (SURVEY,), {"outcome": "overall", "drivers": ["price"], "n_boot": -5},
         Raises(r"n_boot must be a whole number of at least 0, got -5")),
    Case("shapley-n-boot-float", L.shapley_importance, (SURVEY,), {"outcome": "overall", "drivers": ["price"], "n_boot": 99.5},
         Raises(r"n_boot must be a whole number of at least 0, got 99.5")),
    Case("shapley-n-boot-one", L.shapley_importance, (SURVEY,), {"outcome": "overall", "drivers": ["price"], "n_boot": 1},
         Raises(r"n_boot must be 0 \(no intervals\) or at least 2")),
    Case("shapley-seed-text", L.shapley_importance, (SURVEY,), {"outcome": "overall", "drivers": ["price"], "n_boot": 10, "seed": "abc"},
         Raises(r"seed must be a whole number, None or a numpy Generator; got 'abc'")),
    Case("shapley-seed-float", L.shapley_importance, (SURVEY,), {"outcome": "overall", "drivers": ["price"], "n_boot": 10, "seed": 1.5},
         Raises(r"seed must be a whole number.*got 1.5")),
    Case("shapley-seed-negative", L.shapley_importance, (SURVEY,), {"outcome": "overall", "drivers": ["price"], "n_boot": 10, "seed": -1},
         Raises(r"seed must be a whole number of at least 0.*got -1|seed.*-1")),
    Case("shapley-two-drivers-by-hand", L.shapley_importance, (TINY,), {"outcome": "y", "drivers": ["a", "b"]},
         # two drivers: phi_a = (R2(a) + R2(ab) - R2(b)) / 2, from plain least squares (see _two_driver_shapley)
         Returns(lambda r: r["weight"].tolist() == pytest.approx(_two_driver_shapley(TINY)), "LMG by hand")),
    Case("shapley-tiny-bootstrap", L.shapley_importance, (TINY.head(4),), {"outcome": "y", "drivers": ["a"], "n_boot": 200},
         # 4 rows: many resamples have a constant column; they are counted, never a RuntimeWarning
         Returns(lambda r: 0 < r.n_boot_failed < 200 and r.table[["ci_low", "ci_high"]].notna().all().all(),
                 "constant resamples counted as failed")),
    Case("relative-weights-r2-zero", L.relative_weights,
         (pd.DataFrame({"y": [1.0, 2, 3, 4], "a": [1.0, 2, 2, 1]}),), {"outcome": "y", "drivers": ["a"]},
         # corr(y, a) = 0 exactly (a is symmetric around the middle of y): no R^2 to share out
         Raises(r"R\^2 is 0: the drivers \['a'\] explain none of 'y'")),
    Case("relative-weights-bool-drivers", L.relative_weights, (SURVEY.assign(flag=SURVEY["rebuy"]),),
         {"outcome": "overall", "drivers": ["flag", "price"]},
         Returns(lambda r: math.isclose(r["share"].sum(), 1.0), "booleans are 0/1 drivers")),
    Case("ipa-unknown-importance", L.ipa, (SURVEY,), {"outcome": "overall", "drivers": ["price", "staff"], "importance": "magic"},
         Raises(r"importance must be one of")),
    # ---- PLS path models -----------------------------------------------------------------------------------
    Case("pls-cycle", L.pls_path_model, (PLS_DATA, BLOCKS, [("QUAL", "SAT"), ("SAT", "QUAL")]), {},
         Raises(r"the inner model has a cycle among \['QUAL', 'SAT'\]")),
    Case("pls-self-loop", L.pls_path_model, (PLS_DATA, BLOCKS, [("QUAL", "QUAL"), ("QUAL", "SAT")]), {},
         Raises(r"path QUAL -> QUAL points a construct at itself")),
    Case("pls-unknown-construct", L.pls_path_model, (PLS_DATA, BLOCKS, [("QUAL", "LOY")]), {},
         Raises(r"inner model names construct 'LOY', which has no block")),
    Case("pls-item-in-two-blocks", L.pls_path_model, (PLS_DATA, {"QUAL": ["q1", "q2"], "SAT": ["q2", "s1"]}, INNER), {},
         Raises(r"item 'q2' is in block 'QUAL' and in block 'SAT'")),
    Case("pls-empty-block", L.pls_path_model, (PLS_DATA, {"QUAL": [], "SAT": ["s1"]}, INNER), {},
         Raises(r"block 'QUAL' has no items")),
    Case("pls-blocks-not-dict", L.pls_path_model, (PLS_DATA, ["q1", "s1"], INNER), {},
         Raises(r"blocks must be a non-empty dict")),
    Case("pls-missing-item-column", L.pls_path_model, (PLS_DATA, {"QUAL": ["q1", "q9"], "SAT": ["s1", "s2"]}, INNER), {},
         Raises(r"no column 'q9' in data")),
    Case("pls-constant-item", L.pls_path_model, (PLS_DATA.assign(q2=1.0), BLOCKS, INNER), {},
         Raises(r"item \['q2'\] is constant")),
    Case("pls-bad-mode", L.pls_path_model, (PLS_DATA, BLOCKS, INNER), {"modes": {"QUAL": "C"}},
         Raises(r"modes must map constructs \(QUAL, SAT\) to 'A' or 'B'")),
    Case("pls-reversed-item", L.pls_path_model, (PLS_DATA.assign(q2=-PLS_DATA["q1"]), BLOCKS, INNER), {},
         Raises(r"block 'QUAL': its items \['q1', 'q2'\] cancel out .*is an item reverse-coded")),
    Case("pls-n-boot-float", L.pls_path_model, (PLS_DATA, BLOCKS, INNER), {"n_boot": 2.5},
         Raises(r"n_boot must be a whole number of at least 0, got 2.5")),
    Case("pls-ci-95", L.pls_path_model, (PLS_DATA, BLOCKS, INNER), {"ci": 95}, Raises(r"ci must lie strictly between 0 and 1")),
    Case("pls-seed-abc", L.pls_path_model, (PLS_DATA, BLOCKS, INNER), {"n_boot": 20, "seed": "abc"},
         Raises(r"seed must be a whole number")),
    Case("pls-tiny-bootstrap", L.pls_path_model,
         (pd.DataFrame({"q1": [1, 1, 1, 1, 2, 2], "q2": [1, 1, 1, 2, 2, 2], "s1": [1, 1, 2, 1, 2, 2],
                        "s2": [1, 1, 1, 2, 2, 2]}).astype(float), BLOCKS, INNER), {"n_boot": 100},
         # 6 rows of two-valued items: resamples with a constant item are counted as failed, not warned about
         Returns(lambda r: r.n_boot_failed > 0 and np.isfinite(r.paths[["ci_low", "ci_high"]].to_numpy()).all(),
                 "failed resamples counted")),
    Case("pls-one-item-blocks", L.pls_path_model, (PLS_DATA, {"QUAL": "q1", "SAT": "s1"}, INNER), {},
         # one item per construct: the path is the correlation of the two items
         Returns(lambda r: r.paths["coef"].iloc[0] == pytest.approx(np.corrcoef(PLS_DATA["q1"], PLS_DATA["s1"])[0, 1]),
                 "path = corr(q1, s1)")),
    # ---- planning ------------------------------------------------------------------------------------------
    Case("power-beta-1.5", L.power_for_path, (1.5,), {}, Raises(r"beta=1.5 is impossible for a standardised path")),
    Case("power-beta-text", L.power_for_path, ("abc",), {}, Raises(r"beta must be a number, got 'abc'")),
    Case("power-beta-inf", L.power_for_path, (float("inf"),), {}, Raises(r"beta must be a finite number, got inf")),
    Case("power-power-80", L.power_for_path, (0.3,), {"power": 80}, Raises(r"power must lie strictly between 0 and 1, got 80")),
    Case("power-n-too-small", L.power_for_path, (0.3,), {"n": 2}, Raises(r"n must be a whole number of at least 3, got 2")),
    Case("power-reliability-text", L.power_for_path, (0.3,), {"reliability": "high"}, Raises(r"reliability must be a number, got 'high'")),
    Case("power-predictors-unknown", L.power_for_path, (0.3,), {"predictors": "exact"}, Raises(r"predictors must be one of: 'fixed', 'random'")),
    Case("power-one-predictor-by-hand", L.power_for_path, (0.3,), {"n": 80},
         # f2 = 0.09 / 0.91 = 0.0989; fixed predictors 0.793 (G*Power), random predictors 0.780
         Returns(lambda r: (round(r.power_fixed, 3), round(r.power_random, 3)) == (0.793, 0.780), "0.793 vs 0.780")),
    # ---- complaint KPIs ------------------------------------------------------------------------------------
    Case("kpis-wrong-column", C.complaint_kpis, (LOG,), {"resolved": "closed_at"}, Raises(r"no column 'closed_at' in complaint log")),
    Case("kpis-resolution-before-receipt", C.complaint_kpis, (LOG_BACKWARDS,), {},
         Raises(r"'resolved_at' is before 'received_at' at rows \[0\]")),
    Case("kpis-date-not-a-date", C.complaint_kpis, (LOG_TEXT_DATE,), {}, Raises(r"'acknowledged_at' must hold dates; rows \[2\] hold 'soon'")),
    Case("kpis-satisfaction-text", C.complaint_kpis, (LOG_SAT_TEXT,), {}, Raises(r"'handling_satisfaction' must be numeric; rows \[1\]")),
    Case("kpis-complained-text", C.complaint_kpis, (LOG_COMPLAINED_TEXT,), {}, Raises(r"'complained' must be True/False .*rows \[3\] hold 'perhaps'")),
    Case("kpis-ci-95", C.complaint_kpis, (LOG,), {"ci": 95}, Raises(r"ci must lie strictly between 0 and 1, got 95")),
    Case("kpis-now-not-a-date", C.complaint_kpis, (LOG,), {"now": "tomorrow-ish"}, Raises(r"now must be a date or date-time")),
    Case("kpis-now-number", C.complaint_kpis, (LOG,), {"now": 20240101}, Raises(r"now must be a date or date-time")),
    Case("kpis-now-before-events", C.complaint_kpis, (LOG,), {"now": "2024-01-02"}, Raises(r"now=2024-01-02 00:00:00 is before 'received_at' at rows \[1, 2, 3\]")),
    Case("kpis-now-aware-vs-naive", C.complaint_kpis, (LOG,), {"now": pd.Timestamp("2024-02-01", tz="Asia/Shanghai")},
         Raises(r"now=2024-02-01 00:00:00\+08:00 has a time zone but the complaint log's times do not")),
    Case("kpis-by-not-a-name", C.complaint_kpis, (LOG,), {"by": ["complained"]}, Raises(r"by must be one column name")),
    Case("kpis-empty", C.complaint_kpis, (LOG.iloc[:0],), {}, Raises(r"complaint log is empty \(0 rows\)")),
    Case("kpis-no-complaints", C.complaint_kpis, (LOG_NO_COMPLAINT,), {},
         # nobody complained: a rate of 0 of 6 with its Wilson interval, times over 0 complaints
         Returns(lambda k: _row(k, "complaint_rate")["estimate"] == 0 and _row(k, "time_to_resolve")["n"] == 0,
                 "0 / 6 complaints")),
    Case("kpis-open-complaint-censored", C.complaint_kpis, (LOG,), {},
         # resolve hours 24, 12, 72 and one open >= 96 h: S = 1/2 on [24, 72) -> median (24 + 72) / 2 = 48
         Returns(lambda k: _row(k, "time_to_resolve")["estimate"] == 48.0 and _row(k, "time_to_resolve")["n_censored"] == 1,
                 "Kaplan-Meier median 48 h")),
    Case("kpis-tiny-no-median-interval", C.complaint_kpis, (LOG,), {},
         # acknowledge hours 1, 4, 2, 8 (n = 4 <= 5): no 95% order-statistic interval exists; NaN bounds, a note
         Returns(lambda k: _row(k, "time_to_acknowledge")["estimate"] == 3.0
                 and np.isnan(_row(k, "time_to_acknowledge")["ci_low"]) and len(k.notes) >= 1,
                 "no interval rather than [min, max]")),
    Case("kpis-timezone-aware-log", C.complaint_kpis, (LOG_TZ,), {"now": pd.Timestamp("2024-01-08 09:00", tz="Europe/Paris")},
         # 09:00 Paris is 08:00 UTC on the log's clock: the open complaint waited 5 days = 120 h
         Returns(lambda k: k.now == pd.Timestamp("2024-01-08 08:00"), "now converted to the log's zone")),
    Case("kpis-all-satisfaction-missing", C.complaint_kpis, (LOG_ALL_SAT_MISSING,), {},
         Returns(lambda k: _row(k, "handling_satisfaction")["n"] == 0 and _row(k, "handling_top2")["n"] == 0,
                 "satisfaction KPIs over 0 answers")),
    # ---- recovery effect and model -------------------------------------------------------------------------
    Case("recovery-effect-unknown-definition", C.recovery_effect, (LOG,), {"recovered": "happy"},
         Raises(r"recovered must be one of: 'satisfied', 'resolved'; got 'happy'")),
    Case("recovery-effect-no-complaints", C.recovery_effect, (LOG_NO_COMPLAINT,), {},
         Raises(r"need at least one recovered complainant")),
    Case("recovery-effect-satisfaction-10", C.recovery_effect, (LOG.assign(handling_satisfaction=[5, 10, 1, 3, None, None]),), {},
         Raises(r"'handling_satisfaction' must be 1-5 \(satisfaction5\); rows \[1\] hold 10")),
    Case("recovery-effect-ci-95", C.recovery_effect, (LOG,), {"ci": 95}, Raises(r"ci must lie strictly between 0 and 1")),
    Case("recovery-model-separation", C.recovery_model, (REC_SEPARATED,), {},
         Raises(r"perfect separation: every complaint with step 'step_solution' done has 'repurchased' = True")),
    Case("recovery-model-steps-together", C.recovery_model, (REC_TWINS,), {},
         Raises(r"steps \['step_listen', 'step_thank'\] are perfectly collinear")),
    Case("recovery-model-step-text", C.recovery_model, (REC_STEP_TEXT,), {},
         Raises(r"'step_cause' must be True/False .*rows \[7\] hold 'sometimes'")),
    Case("recovery-model-too-few", C.recovery_model, (REC.head(9),), {},
         Raises(r"need more than 9 complete complaints to fit 9 terms, got 9")),
    Case("recovery-predict-unknown-step", FITTED.predict, ({"smile": True},), {}, Raises(r"unknown step 'smile'; steps are: listen")),
    Case("recovery-predict-ci-95", FITTED.predict, ({"listen": True},), {"ci": 95}, Raises(r"ci must lie strictly between 0 and 1")),
    # ---- course self-checks --------------------------------------------------------------------------------
    # (a bare float NaN is tested in tests/course/test_exercises.py: the harness compares inputs with ==, and NaN != NaN)
    Case("check-nan-array", cl.check, ("04.churn_rate", np.array([np.nan])), {},
         Returns(lambda r: r.status == "unchecked" and "not a finite number" in r.message, "NaN is not an answer")),
    Case("check-infinity", cl.check, ("04.churn_rate", float("-inf")), {},
         Returns(lambda r: r.status == "unchecked" and "is a float" not in r.message, "infinity is not an answer")),
    Case("check-id-not-text", cl.check, (["04.churn_rate"], 12.5), {}, Raises(r"exercise_id must be the exercise's id as text")),
    Case("check-unknown-id", cl.check, ("04.churn", 12.5), {}, Raises(r"no exercise '04.churn'; exercises are")),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case: Case) -> None:
    run(case)
