"""Result tables speak the current language: no English prose left in zh-CN.

Each representative result is rendered with ``to_frame()`` under
``set_language("zh-CN")``; no cell may hold a run of two or more English
words, apart from technical tokens (method eponyms, model names, column and
construct names given by the caller) listed below. Switching back to English
must give today's text exactly.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab._results import shown

# Names that stay as written in Chinese text too: eponyms, model names,
# citations' authors, statistics and the user's own column/construct names.
TECHNICAL = {
    "NPS", "CI", "BG/NBD", "RFM", "Wilson", "Feldt", "Kaplan-Meier", "Welch", "Wald", "Newcombe",
    "Greenwood", "Katz", "et", "al", "Fader", "Hardie", "Lee", "Gupta", "Lehmann", "Gamma-Gamma",
    "Student", "lifelines", "logit", "floor", "frequency", "recency", "monetary", "T", "GoF", "AVE",
    "HTMT", "NaN", "n_eff", "n_boot", "chi2", "df", "p", "x", "m", "r", "d", "delta", "E", "loyalty",
    "observation_end", "alpha", "R²",
}
WORD = r"[A-Za-z][A-Za-z0-9_'/\-]*"
RUN = re.compile(rf"{WORD}(?:\s+{WORD})+")


def english_runs(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """Runs of 2+ ASCII words in which some word is not a technical token."""
    ok = TECHNICAL | set(allowed)
    return [m.group(0) for m in RUN.finditer(text)
            if any(w.strip("'") not in ok for w in m.group(0).split())]


def assert_translated(result, allowed: set[str] = frozenset(), skip_rows: tuple[str, ...] = ()) -> None:
    cl.set_language("zh-CN")
    try:
        frame = result.to_frame()
        text = str(result)
        html_table = result._repr_html_()
    finally:
        cl.set_language("en")
    skipped = {cl.label(k, "zh-CN") for k in skip_rows}
    left = {cell: english_runs(cell, allowed) for row in frame.itertuples(index=False)
            if row[0] not in skipped for cell in map(str, row)}
    left = {cell: runs for cell, runs in left.items() if runs}
    assert not left, f"{type(result).__name__} keeps English in zh-CN: {left}"
    assert frame.columns.tolist() == [cl.label("result.quantity", "zh-CN"), cl.label("result.value", "zh-CN")]
    assert text.splitlines()[1:] and html_table.startswith("<table>")


@pytest.fixture(autouse=True)
def _english_after():
    yield
    cl.set_language("en")


def test_helper_flags_prose_and_allows_technical_tokens():
    assert english_runs("Wilson score") == ["Wilson score"]
    assert english_runs("Wilson 得分区间") == []
    assert english_runs("BG/NBD 模型（Fader, Hardie & Lee 2005）") == []
    assert english_runs("intent ~ C(sat)", {"intent"}) == []


# --- metrics -----------------------------------------------------------------

def test_nps_normal_and_bootstrap_methods_and_reasons():
    scores = [10, 9, 9, 8, 7, 6, 3, 10, None, np.nan]
    res = cl.metrics.nps(scores)
    assert_translated(res)
    boot = cl.metrics.nps_from_counts(50, 30, 20, method="bootstrap", n_boot=200, seed=1)
    assert_translated(boot)
    cl.set_language("zh-CN")
    assert "基于类别计数的百分位自助法（200 次抽样）" in boot.to_frame().iloc[:, 1].tolist()
    assert "缺失回答: 2" in res.to_frame().iloc[:, 1].tolist()


def test_nps_english_text_is_unchanged():
    res = cl.metrics.nps_from_counts(253, 216, 158)
    cl.set_language("zh-CN")
    str(res)
    cl.set_language("en")
    assert str(res) == (
        "NPSResult\n"
        "  Net Promoter Score   15.15\n"
        "  Confidence interval  (8.926, 21.38)\n"
        "  Method               normal (multinomial variance)\n"
        "  n                    627\n"
        "  Promoters (9-10)     253 (40.4%)\n"
        "  Passives (7-8)       216 (34.4%)\n"
        "  Detractors (0-6)     158 (25.2%)\n"
        "  Dropped              0\n"
        "  Why dropped          -"
    )


def test_csat_and_comparison():
    assert_translated(cl.metrics.csat([5, 4, 4, 3, 2, 5, None]))
    assert_translated(cl.metrics.csat([5, 4, 4, 3, 2, 5], weights=[1, 2, 1, 1, 1, 2]))
    assert_translated(cl.metrics.compare_nps([10, 9, 7, 3, 6, 10, None], [9, 9, 10, 8, 2, 7]))


# --- survey -------------------------------------------------------------------

@pytest.fixture
def items() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    base = rng.integers(1, 6, 60)
    frame = pd.DataFrame({f"q{i}": np.clip(base + rng.integers(-1, 2, 60), 1, 5) for i in range(1, 5)}).astype(float)
    frame.iloc[0, 0] = np.nan
    return frame


def test_survey_alpha_clean_gaps_and_rates(items):
    assert_translated(cl.survey.cronbach_alpha(items))
    _, report = cl.survey.clean(items.assign(q2=items["q2"].where(items.index != 5, 99)),
                                scales={c: "satisfaction5" for c in items})
    assert_translated(report)
    exp = items.rename(columns=lambda c: c)
    per = items.fillna(3) - 1
    assert_translated(cl.survey.gap_scores(exp, per), allowed=set(items))
    assert_translated(cl.survey.response_rates(5000, 900, 640))
    one = cl.survey.disconfirmation(4, 5)
    assert_translated(one)
    cl.set_language("zh-CN")
    assert cl.label("scale.satisfaction5.5", "zh-CN") in one.to_frame().iloc[:, 1].tolist()


# --- loyalty ------------------------------------------------------------------

@pytest.fixture
def loyalty_data() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    sat = rng.integers(1, 6, 400)
    intent = np.clip(sat + rng.integers(-1, 2, 400), 1, 5)
    return pd.DataFrame({"sat": sat, "intent": intent, "rebuy": rng.random(400) < sat / 6})


def test_loyalty_ratio_regression_curve(loyalty_data):
    assert_translated(cl.loyalty.top_box_loyalty_ratio(loyalty_data, "sat", "rebuy"))
    assert_translated(cl.loyalty.top_box_loyalty_ratio(loyalty_data, "sat", "intent"))
    for kind, y in (("ols", "intent"), ("logit", "rebuy")):
        model = cl.loyalty.loyalty_regression(loyalty_data, "sat", y, kind=kind)
        assert_translated(model, allowed={"intent", "rebuy", "C(sat)", "sat"})
    # The reference keeps its English article titles, as citations do.
    assert_translated(cl.loyalty.theoretical_curve(), skip_rows=("loyalty.theory.reference",))


def test_pls_single_item_note_is_translated():
    from csat_lab.loyalty import pls_path_model, simulate_structural

    data, _ = simulate_structural({("QUAL", "SAT"): 0.6, ("SAT", "LOY"): 0.5}, n=200, seed=1)
    blocks = {"QUAL": ["QUAL1", "QUAL2", "QUAL3"], "SAT": ["SAT1", "SAT2", "SAT3"], "LOY": ["LOY1"]}
    res = pls_path_model(data, blocks, [("QUAL", "SAT"), ("SAT", "LOY")])
    assert res.notes and "has one item" in res.notes[0]
    assert_translated(res)


# --- churn --------------------------------------------------------------------

def test_churn_rate_denominator_and_english_text():
    res = cl.churn.churn_rate(150, 1200)
    assert_translated(res)
    cl.set_language("zh-CN")
    assert "给定的购买客户数（1200）" in res.to_frame().iloc[:, 1].tolist()
    cl.set_language("en")
    assert str(res) == (
        "ChurnResult\n"
        "  Churn rate                          0.125\n"
        "  Retention rate                      0.875\n"
        "  Lost customers                      150\n"
        "  Customers who bought (denominator)  1200\n"
        "  Denominator                         customers who bought, as given (1200)\n"
        "  Confidence interval                 (0.1075, 0.1449)\n"
        "  Method                              Wilson score"
    )


def test_period_churn_denominators():
    status = pd.DataFrame({"customer_id": list("abcdef"),
                           "start_date": ["2023-01-01"] * 4 + ["2024-03-01", "2024-05-01"],
                           "end_date": [None, "2024-06-30", None, None, "2024-09-30", None]})
    for joiners in ("exclude", "include", "average"):
        res = cl.churn.period_churn(status, "2024-01-01", "2024-12-31", joiners=joiners)
        assert_translated(res)


def test_clv_survival_bgnbd_and_transactions():
    assert_translated(cl.churn.customer_lifetime_value(100, 0.8, 0.1, acquisition_cost=50))
    km = cl.churn.kaplan_meier([3, 5, 8, 8, 12, 15, None], [1, 1, 0, 1, 1, 0, 1], groups=list("aabbaba"))
    assert_translated(km)
    log = cl.datasets.load("cdnow").head(3000)
    summary = cl.churn.summary_from_transactions(log, amount="amount", observation_end="1997-09-30")
    assert_translated(summary)
    t = summary.table
    bg = cl.churn.fit_bgnbd(t["frequency"], t["recency"], t["T"])
    gg = cl.churn.fit_gamma_gamma(t["frequency"], t["monetary_value"])
    assert_translated(bg)
    assert_translated(gg)
    clv = cl.churn.probabilistic_clv(bg, gg, t["frequency"], t["recency"], t["T"], t["monetary_value"], horizon=4)
    assert_translated(clv)
    dirty = pd.DataFrame({"customer_id": ["a", "a", "b", "b", None],
                          "date": ["2024-01-02", "2024-01-02", "2024-02-01", None, "2024-01-05"],
                          "amount": [10.0, 10.0, -5.0, 3.0, 1.0]})
    _, report = cl.churn.validate_transactions(dirty, amount="amount", on_invalid="drop", duplicates="drop",
                                               now="2024-12-31")
    assert report.n_dropped == 3
    assert_translated(report)


# --- segments and complaints ------------------------------------------------------

def test_segments_pareto_and_rfm():
    assert_translated(cl.segments.pareto([100, 50, 20, 5, 5, 1, None]))
    tx = pd.DataFrame({"customer_id": list("aabbccd"),
                       "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-02-15",
                                               "2024-03-10", "2024-03-11", "2024-01-20"]),
                       "amount": [10.0, 20.0, 5.0, 7.0, 100.0, 3.0, 8.0]})
    assert_translated(cl.segments.rfm(tx, bins=3, reference_date="2024-04-01"))


def test_complaints_kpis_effect_and_model():
    log = cl.datasets.load("complaints_log")
    assert_translated(cl.complaints.complaint_kpis(log))
    assert_translated(cl.complaints.recovery_effect(log))
    model = cl.complaints.recovery_model(log)
    assert_translated(model, allowed=set(model.coefficients.index))


def test_english_rendering_is_the_stored_text():
    # English output shows the stored field values verbatim, whatever was shown before.
    res = cl.loyalty.theoretical_curve()
    cl.set_language("zh-CN")
    zh = res.to_frame()
    cl.set_language("en")
    en = res.to_frame()
    assert en.iloc[-1, 1] == res.reference != zh.iloc[-1, 1]
    assert shown("a value not in the catalog") == "a value not in the catalog"
    assert shown(3) == 3
