"""Bad and edge inputs for the metrics and the survey statistics (design, reliability, gaps, Kano).

Every ``Returns`` case states the correct value worked out by hand in its ``why``.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from catalogue import Case, Raises, Returns, ids, run

import csat_lab as cl

M, S = cl.metrics, cl.survey
Z95 = 1.959963984540054

ITEMS = pd.DataFrame({"a": [4, 5, 3, 2, 4, 5], "b": [4, 4, 3, 1, 5, 5], "c": [3, 5, 2, 2, 4, 4]})
WAVES = pd.DataFrame({"wave": ["w1"] * 5 + ["w2"] * 5, "sat": [5, 4, 2, 1, 3, 5, 5, 4, 4, 1]})
E = pd.DataFrame({"speed": [5, 4, 5, 4], "price": [3, 3, 4, 2]})
P = pd.DataFrame({"speed": [3, 4, 4, 2], "price": [4, 3, 4, 3]})
KANO = pd.DataFrame({"feature": ["wifi"] * 3, "f": [1, 1, 2], "d": [5, 3, 5]})


def _close(value: float, target: float, tol: float = 1e-9) -> bool:
    return math.isclose(value, target, rel_tol=tol, abs_tol=tol)


CASES = [
    # ---------------------------------------------------------------- nps / nps_from_counts
    Case("nps-text", M.nps, (["a", "b"],), expect=Raises(r"column 'scores': non-numeric answers at rows \[0, 1\]")),
    Case("nps-empty", M.nps, ([],), expect=Raises(r"'scores' is empty")),
    Case("nps-all-missing", M.nps, (pd.Series([None, np.nan]),), expect=Raises(r"all 2 answers in 'scores' are missing")),
    Case("nps-one-row", M.nps, ([9],), expect=Raises(r"'scores' has 1 valid answer")),
    Case("nps-scalar", M.nps, (9,), expect=Raises(r"'scores' must be a sequence")),
    Case("nps-table", M.nps, (pd.DataFrame({"q": [9, 10]}),), expect=Raises(r"one column of answers.*\['q'\]")),
    Case("nps-off-scale", M.nps, (pd.Series([9, 11, 3], name="rec"),), expect=Raises(r"column 'rec'.*outside scale 'nps11'.*rows \[1\]")),
    Case("nps-infinite", M.nps, ([9.0, np.inf],), expect=Raises(r"column 'scores'.*outside scale 'nps11'.*rows \[1\]")),
    Case("nps-booleans", M.nps, (pd.Series([True, False, True], name="rec"),),
         expect=Raises(r"column 'rec' holds True/False values at rows \[0, 1, 2\]")),
    Case("nps-boolean-among-codes", M.nps, ([10, True, 9],), expect=Raises(r"column 'scores' holds True/False values at rows \[1\]")),
    Case("nps-ci-95", M.nps, ([9, 10, 3],), {"ci": 95}, expect=Raises(r"ci must lie strictly between 0 and 1, got 95")),
    Case("nps-ci-1.5", M.nps, ([9, 10, 3],), {"ci": 1.5}, expect=Raises(r"ci must lie strictly between 0 and 1")),
    Case("nps-method", M.nps, ([9, 10],), {"method": "jackknife"}, expect=Raises(r"method must be one of: 'adjusted_wald'")),
    Case("nps-seed-text", M.nps, ([9, 10, 3],), {"method": "bootstrap", "seed": "abc"}, expect=Raises(r"seed must be a whole number")),
    Case("nps-seed-float", M.nps, ([9, 10, 3],), {"method": "bootstrap", "seed": 1.5}, expect=Raises(r"seed must be a whole number")),
    Case("nps-seed-negative", M.nps, ([9, 10, 3],), {"method": "bootstrap", "seed": -1}, expect=Raises(r"seed must be a whole number >= 0")),
    Case("nps-n-boot-float", M.nps, ([9, 10, 3],), {"method": "bootstrap", "n_boot": 500.5}, expect=Raises(r"n_boot must be a whole number")),
    Case("nps-weights-negative", M.nps, ([9, 10],), {"weights": [1, -1]}, expect=Raises(r"weights must be finite and non-negative; bad positions \[1\]")),
    Case("nps-weights-length", M.nps, ([9, 10],), {"weights": [1, 2, 3]}, expect=Raises(r"weights has 3 values but the data has 2 rows")),
    Case("nps-weights-text", M.nps, ([9, 10],), {"weights": [1, "x"]}, expect=Raises(r"'weights' must be numeric; rows \[1\]")),
    Case("nps-weights-effective-n-1", M.nps, ([9, 10, 3],), {"weights": [1, 0, 0]},
         expect=Raises(r"effective sample size of 1 \(Kish")),
    Case("nps-weights-1e308", M.nps, ([10, 9, 7, 0],), {"weights": [1e308] * 4},
         expect=Returns(lambda r: r.score == 25.0 and r.n_effective == pytest.approx(4.0)
                        and r.ci == pytest.approx(M.nps([10, 9, 7, 0]).ci),
                        "equal weights, however large: shares 2/4 and 1/4 -> NPS 25 on n_eff 4, as unweighted")),
    Case("nps-weights-1e-200", M.nps, ([10, 9, 7, 0],), {"weights": [1e-200, 2e-200, 1e-200, 1e-200]},
         expect=Returns(lambda r: _close(r.score, 100 * (3 / 5 - 1 / 5)) and _close(r.n_effective, 25 / 7),
                        "weights 1:2:1:1 -> p+ = 3/5, p- = 1/5, NPS 40; n_eff = 5^2 / 7")),
    Case("nps-all-promoters-has-width", M.nps, ([10, 10, 9, 10, 9],),
         expect=Returns(lambda r: r.score == 100 and _close(r.ci[0], 62.5 - Z95 * 100 * math.sqrt(0.421875 / 8), 1e-9)
                        and r.ci[1] == 100,
                        "adjusted Wald: p+~ = 5.75/8, p-~ = 0.75/8, centre 62.5, se~ = 100 sqrt(0.421875/8)")),
    Case("nps-missing-dropped", M.nps, (pd.Series([10, None, 9, np.nan, 3]),),
         expect=Returns(lambda r: r.n == 3 and r.n_dropped == 2 and _close(r.score, 100 / 3), "2 promoters, 1 detractor of 3")),
    Case("nps-counts-negative", M.nps_from_counts, (3, -1, 2), expect=Raises(r"passives must be a non-negative whole number")),
    Case("nps-counts-float", M.nps_from_counts, (3.5, 1, 2), expect=Raises(r"promoters must be a non-negative whole number")),
    Case("nps-counts-astronomical", M.nps_from_counts, (10**20, 1, 1), expect=Raises(r"promoters must be at most 2\*\*53")),
    Case("nps-counts-bool", M.nps_from_counts, (True, 1, 2), expect=Raises(r"promoters must be a non-negative whole number")),
    Case("nps-counts-zero", M.nps_from_counts, (0, 0, 1), expect=Raises(r"at least 2 answers in total, got 1")),
    Case("nps-counts-wald", M.nps_from_counts, (50, 30, 20), {"method": "wald"},
         expect=Returns(lambda r: _close(r.ci[0], 30 - Z95 * 100 * math.sqrt((0.7 - 0.09) / 100)),
                        "Wald: 30 -+ 1.96 * 100 sqrt((0.5 + 0.2 - 0.3^2)/100)")),
    # ---------------------------------------------------------------- boxes and means
    Case("csat-off-scale", M.csat, ([1, 2, 6],), expect=Raises(r"column 'scores': 1 answers outside scale 'satisfaction5'.*rows \[2\]")),
    Case("csat-booleans", M.csat, (pd.Series([True, True], name="q1"),), expect=Raises(r"column 'q1' holds True/False")),
    Case("csat-method", M.csat, ([5, 4, 1],), {"method": "exact"}, expect=Raises(r"method must be one of: 'wilson', 'wald'")),
    Case("top-box-unknown-scale", M.top_box, ([1, 2],), {"scale": "nonsense"}, expect=Raises(r"scales are: satisfaction5")),
    Case("top-box-k-too-big", M.top_box, ([1, 2, 5],), {"scale": "satisfaction5", "k": 5}, expect=Raises(r"k must be a whole number from 1 to 4")),
    Case("bottom-box-fractions", M.bottom_box, ([1.5, 2],), {"scale": "satisfaction5"}, expect=Raises(r"outside scale 'satisfaction5'.*rows \[0\]")),
    Case("mean-variance-name", M.mean_score, ([1, 2, 3],), {"scale": "satisfaction5", "variance": "robust"},
         expect=Raises(r"variance must be one of: 'kish', 'linearization'")),
    Case("mean-linearised", M.mean_score, ([1, 2, 3, 4, 5],), {"scale": "satisfaction5", "weights": [1, 1, 2, 2, 4],
                                                                "variance": "linearization"},
         expect=Returns(lambda r: _close(r.estimate, 3.7)
                        and _close(r.se, math.sqrt(5 / 4 * (2.7**2 + 1.7**2 + 4 * 0.7**2 + 4 * 0.3**2 + 16 * 1.3**2)) / 10),
                        "mean 37/10; se = sqrt(n/(n-1) sum w^2 (x - 3.7)^2) / sum w")),
    Case("ces-huge-weights", M.ces, ([7, 6, 5, 7, 2],), {"weights": [1e308, 1e308, 1e308, 1e308, 1e308]},
         expect=Returns(lambda r: _close(r.estimate, 5.4) and _close(r.se, M.ces([7, 6, 5, 7, 2]).se),
                        "equal weights: the plain mean 27/5 and s / sqrt(n)")),
    Case("mean-effective-n-1", M.mean_score, ([1, 2, 3],), {"scale": "satisfaction5", "weights": [1e12, 1, 1]},
         expect=Raises(r"effective sample size of 1")),
    # ---------------------------------------------------------------- comparisons
    Case("compare-props-issue-example", M.compare_proportions, ([1] * 12, [5] * 4 + [1] * 56),
         expect=Returns(lambda r: (r.p_value < 0.05) == (r.ci[0] > 0 or r.ci[1] < 0) and r.ci[0] < 0 < r.ci[1],
                        "0/12 vs 4/60: Newcombe interval (-0.159, 0.179) holds 0 and p = 0.37 > 0.05 agree")),
    Case("compare-props-box", M.compare_proportions, ([5, 4], [1, 2]), {"box": "middle"}, expect=Raises(r"box must be one of: 'top', 'bottom'")),
    Case("compare-props-ci", M.compare_proportions, ([5, 4], [1, 2]), {"ci": 0}, expect=Raises(r"ci must lie strictly between 0 and 1")),
    Case("compare-props-b-text", M.compare_proportions, ([5, 4], ["x", 2]), expect=Raises(r"column 'b': non-numeric answers at rows \[0\]")),
    Case("compare-means-constant-groups", M.compare_means, ([5, 5], [3, 3]), {"scale": "satisfaction5"},
         expect=Raises(r"every answer of group a is 5 and every answer of group b is 3")),
    Case("compare-nps-single-categories", M.compare_nps, ([10, 10], [0, 0]), expect=Raises(r"falls in one NPS category")),
    Case("compare-nps-weights-a-bad", M.compare_nps, ([10, 9], [0, 7]), {"weights_a": np.array([np.nan, 1.0])},
         expect=Raises(r"weights has missing values at positions \[0\]")),
    Case("compare-groups-missing-column", M.compare_groups, (WAVES,), {"score": "sat", "group": "grp"},
         expect=Raises(r"no column 'grp'.*columns are: wave, sat")),
    Case("compare-groups-metric", M.compare_groups, (WAVES,), {"score": "sat", "group": "wave", "metric": "median"},
         expect=Raises(r"metric must be one of")),
    Case("compare-groups-reference", M.compare_groups, (WAVES,), {"score": "sat", "group": "wave", "reference": "w9"},
         expect=Raises(r"reference 'w9' is not a group of 'wave'")),
    Case("compare-groups-mean-needs-scale", M.compare_groups, (WAVES,), {"score": "sat", "group": "wave", "metric": "mean"},
         expect=Raises(r"metric 'mean' needs scale=")),
    Case("compare-groups-not-frame", M.compare_groups, ([1, 2],), {"score": "sat", "group": "wave"},
         expect=Raises(r"data must be a pandas DataFrame, got list")),
    # ---------------------------------------------------------------- design
    Case("moe-n-float", S.margin_of_error, (100.5,), expect=Raises(r"n must be a whole number")),
    Case("moe-n-zero", S.margin_of_error, (0,), expect=Raises(r"n must be a whole number of at least 1")),
    Case("moe-n-huge", S.margin_of_error, (10**400,), expect=Raises(r"n must be at most 1,000,000,000,000,000, got a number with 401 digits")),
    Case("moe-n-over-population", S.margin_of_error, (500,), {"population": 400}, expect=Raises(r"n=500 exceeds the population \(400\)")),
    Case("sample-size-tiny-moe", S.sample_size, (1e-200,), expect=Raises(r"margin of error asked for is so small")),
    Case("sample-size-percent", S.sample_size, (5,), expect=Raises(r"moe must lie strictly between 0 and 1, got 5")),
    Case("sample-size-mean-bool", S.sample_size_mean, (True, 1.0), expect=Raises(r"moe must be a positive number, got the boolean")),
    Case("sample-size-mean-overflow", S.sample_size_mean, (1e-300, 1e300), expect=Raises(r"so small that the sample size exceeds")),
    Case("sample-size-nps-shares", S.sample_size_nps, (5,), {"promoters": 0.7, "detractors": 0.5},
         expect=Raises(r"promoters \+ detractors must not exceed 1")),
    Case("nps-moe-hand", S.nps_margin_of_error, (400,), {"promoters": 0.4, "detractors": 0.2},
         expect=Returns(lambda v: _close(v, Z95 * 100 * math.sqrt((0.6 - 0.04) / 400)), "1.96 * 100 sqrt(0.56/400) = 7.33")),
    Case("response-rates-order", S.response_rates, (100, 50, 60), expect=Raises(r"completed <= started <= invited")),
    Case("response-rates-bool", S.response_rates, (True, 1, 1), expect=Raises(r"invited must be a whole number")),
    # ---------------------------------------------------------------- reliability
    Case("alpha-opposite-items", S.cronbach_alpha, (pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [5, 4, 3, 2, 1]}),),
         expect=Raises(r"total score has zero variance; is an item reverse-coded\?")),
    Case("alpha-pairwise-never-together", S.cronbach_alpha,
         (pd.DataFrame({"a": [1, 2, 3, None, None, None], "b": [None, None, None, 1, 2, 3], "c": [1, 2, 3, 1, 2, 3]}),),
         {"missing": "pairwise"}, expect=Raises(r"'a' and 'b' \(0 together\)")),
    Case("alpha-scaled-1e200", S.cronbach_alpha, (ITEMS * 1e200,),
         expect=Returns(lambda r: _close(r.estimate, S.cronbach_alpha(ITEMS).estimate, 1e-12),
                        "alpha is invariant to one common scale; 0.928 as unscaled")),
    Case("alpha-infinite", S.cronbach_alpha, (ITEMS.astype(float).assign(b=[4, np.inf, 3, 1, 5, 5]),),
         expect=Raises(r"item 'b' holds infinite values at rows \[1\]")),
    Case("alpha-text", S.cronbach_alpha, (ITEMS.assign(c=["3", "x", 2, 2, 4, 4]),), expect=Raises(r"'c' must be numeric; rows \[1\]")),
    Case("alpha-constant-item", S.cronbach_alpha, (ITEMS.assign(c=3),), expect=Raises(r"items \['c'\] have zero variance")),
    Case("alpha-duplicate-items", S.cronbach_alpha, (ITEMS,), {"items": ["a", "a", "b"]}, expect=Raises(r"\['a'\] appear more than once")),
    Case("alpha-items-string", S.cronbach_alpha, (ITEMS,), {"items": "abc"}, expect=Raises(r"items must be a list of column names")),
    Case("alpha-unknown-item", S.cronbach_alpha, (ITEMS,), {"items": ["a", "zz"]}, expect=Raises(r"no column 'zz'.*columns are: a, b, c")),
    Case("alpha-ci-95", S.cronbach_alpha, (ITEMS,), {"ci": 95}, expect=Raises(r"ci must lie strictly between 0 and 1")),
    Case("item-analysis-cancelling-items", S.item_analysis,
         (pd.DataFrame({"a": [1, 2, 3, 4, 5], "b": [5, 4, 3, 2, 1], "c": [2, 2, 3, 5, 4]}),),
         expect=Raises(r"rest score without item\(s\) \['c'\] has zero variance")),
    Case("item-analysis-missing-rule", S.item_analysis, (ITEMS,), {"missing": "mean"}, expect=Raises(r"missing must be one of")),
    Case("omega-two-items", S.omega_total, (ITEMS[["a", "b"]],), {"n_boot": 0}, expect=Raises(r"omega needs at least 3 items")),
    Case("omega-seed-text", S.omega_total, (ITEMS,), {"n_boot": 10, "seed": "abc"}, expect=Raises(r"seed must be a whole number")),
    Case("omega-seed-negative", S.omega_total, (ITEMS,), {"n_boot": 10, "seed": -1}, expect=Raises(r"seed must be a whole number >= 0")),
    Case("omega-n-boot-negative", S.omega_total, (ITEMS,), {"n_boot": -5}, expect=Raises(r"n_boot must be a whole number of at least 0")),
    Case("omega-huge-items", S.omega_total, (ITEMS * 1e200,), {"n_boot": 0}, expect=Raises(r"exceed the floating-point range")),
    # ---------------------------------------------------------------- gaps and disconfirmation
    Case("disconfirmation-bool", S.disconfirmation, (True, 5), expect=Raises(r"expectation holds True/False")),
    Case("disconfirmation-off-scale", S.disconfirmation, (4, 9), expect=Raises(r"perception: values outside scale 'satisfaction5'")),
    Case("disconfirmation-tolerance-bool", S.disconfirmation, (4, 5), {"tolerance": True}, expect=Raises(r"tolerance must be a finite number")),
    Case("disconfirmation-lengths", S.disconfirmation, ([3, 4], [5]), expect=Raises(r"expectation has 2 values but perception has 1")),
    Case("disconfirmation-hand", S.disconfirmation, (4.5, 3.2),
         expect=Returns(lambda r: _close(r.gap, -1.3) and r.level == 2, "1.3 points short: shortfall 1.3 > 1 step -> level 2")),
    Case("gaps-infinite", S.gap_scores, (E.astype(float).assign(speed=[np.inf, 4, 5, 4]), P),
         expect=Raises(r"expectation 'speed' holds infinite values at rows \[0\]")),
    Case("gaps-overflow", S.gap_scores, (E * 3e307, P * -3e307), expect=Raises(r"gaps exceed the floating-point range")),
    Case("gaps-near-1e308", S.gap_scores, (E * 1e307, P * -1e307),
         expect=Returns(lambda r: _close(r.table["gap"].iloc[0], -(13 + 18) / 4 * 1e307, 1e-12),
                        "speed: P - E = -(3+4+4+2)e307 - (5+4+5+4)e307 over 4 = -7.75e307")),
    Case("gaps-identical", S.gap_scores, (E, E),
         expect=Returns(lambda r: r.table["p_value"].tolist() == [1.0, 1.0] and r.estimate == 0.0,
                        "every gap 0: t = 0, p = 1 (documented), no NaN")),
    Case("gaps-columns-differ", S.gap_scores, (E, P.rename(columns={"price": "cost"})), expect=Raises(r"need the same columns")),
    Case("gaps-booleans", S.gap_scores, (E.astype(bool), P), expect=Raises(r"expectation 'speed' holds True/False")),
    Case("gaps-dimension-text", S.gap_scores, (E, P), {"dimensions": {"d": "speed"}}, expect=Raises(r"dimension 'd' must list its item columns")),
    # ---------------------------------------------------------------- Kano
    Case("kano-none", S.kano_classify, (None, None), expect=Raises(r"functional must be a sequence of answers")),
    Case("kano-text-scalar", S.kano_classify, ("Like", "Dislike"), expect=Raises(r"functional must be a sequence of answers")),
    Case("kano-lengths", S.kano_classify, ([1, 2], [5]), expect=Raises(r"functional has 2 answers but dysfunctional has 1")),
    Case("kano-off-scale", S.kano_classify, ([1, 6], [5, 5]), expect=Raises(r"column 'functional'.*outside scale 'kano5'.*rows \[1\]")),
    Case("kano-table-missing-column", S.kano_table, (KANO,), {"feature": "feature", "functional": "f", "dysfunctional": "dd"},
         expect=Raises(r"no column 'dd'")),
    Case("kano-table-language", S.kano_table, (KANO,), {"feature": "feature", "functional": "f", "dysfunctional": "d", "language": "fr"},
         expect=Raises(r"unknown language 'fr'")),
    Case("kano-table-hand", S.kano_table, (KANO,), {"feature": "feature", "functional": "f", "dysfunctional": "d"},
         expect=Returns(lambda t: t.loc["wifi", "O"] == 1 and t.loc["wifi", "A"] == 1 and t.loc["wifi", "M"] == 1
                        and _close(t.loc["wifi", "better"], 2 / 3) and _close(t.loc["wifi", "worse"], -2 / 3),
                        "(1,5) O, (1,3) A, (2,5) M: better (A+O)/3 = 2/3, worse -(O+M)/3")),
]


@pytest.mark.parametrize("case", CASES, ids=ids(CASES))
def test_case(case: Case) -> None:
    run(case)


def test_catalogue_size() -> None:
    assert len(CASES) >= 35
