"""Results hold the same values in every language and speak the current one when shown.

Two properties, for every public result type (a test fails when a new Result
subclass has no case here):

* **Invariance**: a result computed under ``set_language("zh-CN")`` holds exactly
  the field values of the same call under English (texts are
  :class:`~csat_lab.i18n.Message` objects whose value is English), and ASCII
  stays ASCII; only the display differs.
* **Translation**: shown under zh-CN (``to_frame()``, ``str()``, HTML), no cell
  holds a run of English prose (apart from technical tokens listed below) or an
  untranslated catalog key; switching back to English gives the English text.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import io
import math
import pickle
import pkgutil
import re
from typing import Any, Callable

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab._core.results import Result, TableResult
from csat_lab.i18n import Message, catalog
from csat_lab.simulate import simulate_structural

# Names that stay as written in Chinese text too: eponyms, model names,
# citations' authors, statistics and the user's own column/construct names.
TECHNICAL = {
    "NPS", "CI", "BG/NBD", "RFM", "Wilson", "Feldt", "Kaplan-Meier", "Welch", "Wald", "Newcombe",
    "Greenwood", "Katz", "et", "al", "Fader", "Hardie", "Lee", "Gupta", "Lehmann", "Gamma-Gamma",
    "Student", "lifelines", "logit", "floor", "frequency", "recency", "monetary", "T", "GoF", "AVE",
    "HTMT", "NaN", "n_eff", "n_boot", "chi2", "df", "p", "x", "m", "r", "d", "delta", "E", "loyalty",
    "observation_end", "alpha", "R²", "OLS", "t",
}
WORD = r"[A-Za-z][A-Za-z0-9_'/\-]*"
RUN = re.compile(rf"{WORD}(?:\s+{WORD})+")
KEYISH = re.compile(r"\b[a-z_]+(?:\.[A-Za-z0-9_]+)+\b")


def english_runs(text: str, allowed: set[str] = frozenset()) -> list[str]:
    """Runs of 2+ ASCII words in which some word is not a technical token."""
    ok = TECHNICAL | set(allowed)
    return [m.group(0) for m in RUN.finditer(text)
            if any(w.strip("'") not in ok for w in m.group(0).split())]


def catalog_keys_in(text: str) -> list[str]:
    keys = catalog()
    return [k for k in KEYISH.findall(text) if k in keys]


# --- the cases: one factory per public result type --------------------------------

def _items() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    base = rng.integers(1, 6, 60)
    frame = pd.DataFrame({f"q{i}": np.clip(base + rng.integers(-1, 2, 60), 1, 5) for i in range(1, 5)}).astype(float)
    frame.iloc[0, 0] = np.nan
    return frame


def _loyalty() -> pd.DataFrame:
    rng = np.random.default_rng(5)
    sat = rng.integers(1, 6, 400)
    intent = np.clip(sat + rng.integers(-1, 2, 400), 1, 5)
    return pd.DataFrame({"sat": sat, "intent": intent, "rebuy": rng.random(400) < sat / 6})


def _log() -> pd.DataFrame:
    return cl.datasets.load("cdnow").head(3000)


def _summary():
    return cl.churn.summary_from_transactions(_log(), amount="amount", now="1997-09-30")


def _bgnbd():
    t = _summary().table
    return cl.churn.fit_bgnbd(t["frequency"], t["recency"], t["T"])


def _gamma_gamma():
    t = _summary().table
    return cl.churn.fit_gamma_gamma(t["frequency"], t["monetary_value"])


def _pclv():
    t = _summary().table
    return cl.churn.probabilistic_clv(_bgnbd(), _gamma_gamma(), t["frequency"], t["recency"], t["T"],
                                      t["monetary_value"], horizon=4)


def _dirty_log() -> pd.DataFrame:
    return pd.DataFrame({"customer_id": ["a", "a", "b", "b", None],
                         "date": ["2024-01-02", "2024-01-02", "2024-02-01", None, "2024-01-05"],
                         "amount": [10.0, 10.0, -5.0, 3.0, 1.0]})


def _status() -> pd.DataFrame:
    return pd.DataFrame({"customer_id": list("abcdef"),
                         "start_date": ["2023-01-01"] * 4 + ["2024-03-01", "2024-05-01"],
                         "end_date": [None, "2024-06-30", None, None, "2024-09-30", None]})


def _tx() -> pd.DataFrame:
    return pd.DataFrame({"customer_id": list("aabbccd"),
                         "date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-02-01", "2024-02-15",
                                                 "2024-03-10", "2024-03-11", "2024-01-20"]),
                         "amount": [10.0, 20.0, 5.0, 7.0, 100.0, 3.0, 8.0]})


def _pls():
    data, _ = simulate_structural({("QUAL", "SAT"): 0.6, ("SAT", "LOY"): 0.5}, n=200, seed=1)
    blocks = {"QUAL": ["QUAL1", "QUAL2", "QUAL3"], "SAT": ["SAT1", "SAT2", "SAT3"], "LOY": ["LOY1"]}
    return cl.loyalty.pls_path_model(data, blocks, [("QUAL", "SAT"), ("SAT", "LOY")], n_boot=20, seed=2)


def _clean_report():
    items = _items()
    return cl.survey.clean(items.assign(q2=items["q2"].where(items.index != 5, 99)),
                           scales={c: "satisfaction5" for c in items})[1]


def _validation_report():
    return cl.churn.validate_transactions(_dirty_log(), amount="amount", on_invalid="drop", duplicates="drop",
                                          now="2024-12-31")[1]


def _hotel() -> pd.DataFrame:
    return cl.datasets.load("hotel_guests")


HOTEL_DRIVERS = ["per_tangibles", "per_reliability", "per_responsiveness", "per_assurance", "per_empathy"]
M = cl.widgets.models

#: (id, factory, words allowed in zh-CN output besides TECHNICAL, summary rows to skip)
CASES: list[tuple[str, Callable[[], Any], set[str], tuple[str, ...]]] = [
    ("nps", lambda: cl.metrics.nps([10, 9, 9, 8, 7, 6, 3, 10, None, np.nan]), set(), ()),
    ("nps_bootstrap", lambda: cl.metrics.nps_from_counts(50, 30, 20, method="bootstrap", n_boot=200, seed=1), set(), ()),
    ("csat", lambda: cl.metrics.csat([5, 4, 4, 3, 2, 5, None]), set(), ()),
    ("csat_weighted", lambda: cl.metrics.csat([5, 4, 4, 3, 2, 5], weights=[1, 2, 1, 1, 1, 2]), set(), ()),
    ("mean_score", lambda: cl.metrics.mean_score([5, 4, 4, 3, 2, 5], scale="satisfaction5"), set(), ()),
    ("compare_nps", lambda: cl.metrics.compare_nps([10, 9, 7, 3, 6, 10, None], [9, 9, 10, 8, 2, 7]), set(), ()),
    ("compare_means", lambda: cl.metrics.compare_means([5, 4, 3], [2, 3, 4, 5], scale="satisfaction5"), set(), ()),
    ("alpha", lambda: cl.survey.cronbach_alpha(_items()), set(), ()),
    ("omega", lambda: cl.survey.omega_total(_items().dropna(), n_boot=30, seed=1), set(), ()),
    ("clean", _clean_report, set(), ()),
    ("gap_scores", lambda: cl.survey.gap_scores(_items().fillna(3), _items().fillna(3) - 1), {"q1", "q2", "q3", "q4"}, ()),
    ("response_rates", lambda: cl.survey.response_rates(5000, 900, 640), set(), ()),
    ("disconfirmation", lambda: cl.survey.disconfirmation(4, 5), set(), ()),
    ("disconfirmation_many", lambda: cl.survey.disconfirmation(pd.Series([3, None, 5]), pd.Series([5, 4, 4])), set(), ()),
    ("ratio_proportion", lambda: cl.loyalty.top_box_loyalty_ratio(_loyalty(), satisfaction="sat", loyalty="rebuy"),
     set(), ()),
    ("ratio_mean", lambda: cl.loyalty.top_box_loyalty_ratio(_loyalty(), satisfaction="sat", loyalty="intent"), set(), ()),
    ("regression_ols", lambda: cl.loyalty.loyalty_regression(_loyalty(), satisfaction="sat", loyalty="intent"),
     {"intent", "C(sat)", "sat"}, ()),
    ("regression_logit", lambda: cl.loyalty.loyalty_regression(_loyalty(), satisfaction="sat", loyalty="rebuy",
                                                                kind="logit"), {"rebuy", "C(sat)", "sat"}, ()),
    ("loyalty_curve", lambda: cl.loyalty.loyalty_curve(_loyalty(), satisfaction="sat", loyalty="intent"),
     {"intent", "sat"}, ()),
    ("loyalty_zones", lambda: cl.loyalty.loyalty_zones(scale="satisfaction5"), set(), ()),
    ("drivers", lambda: cl.loyalty.shapley_importance(_hotel(), outcome="satisfaction", drivers=HOTEL_DRIVERS,
                                                      n_boot=30), set(HOTEL_DRIVERS) | {"satisfaction"}, ()),
    ("ipa_result", lambda: cl.loyalty.ipa(_hotel(), outcome="satisfaction", drivers=HOTEL_DRIVERS),
     set(HOTEL_DRIVERS) | {"satisfaction"}, ()),
    ("compare_groups_result", lambda: cl.metrics.compare_groups(
        pd.DataFrame({"wave": [1] * 6 + [2] * 6, "sat": [5, 4, 3, 2, 4, 5, 5, 5, 4, 4, 3, 5]}), score="sat",
        group="wave"), set(), ()),
    ("survey_export", lambda: cl.survey.read_csv(io.BytesIO("id,满意度\n1,5\n2,4\n".encode("gbk"))), {"gbk"}, ()),
    # The reference keeps its English article titles, as citations do.
    ("theoretical_curve", lambda: cl.loyalty.theoretical_curve(), set(), ("loyalty.theory.reference",)),
    ("power", lambda: cl.loyalty.power_for_path(0.2, n_predictors=3, r2=0.3), set(), ()),
    ("pls", _pls, {"QUAL", "SAT", "LOY", "'LOY'"}, ()),
    ("churn_rate", lambda: cl.churn.churn_rate(150, 1200), set(), ()),
    ("revenue_retention", lambda: cl.churn.revenue_retention(100_000, churned=8_000, contraction=2_000,
                                                             expansion=5_000), set(), ()),
    ("period_exclude", lambda: cl.churn.period_churn(_status(), "2024-01-01", "2024-12-31", joiners="exclude"), set(), ()),
    ("period_include", lambda: cl.churn.period_churn(_status(), "2024-01-01", "2024-12-31", joiners="include"), set(), ()),
    ("period_average", lambda: cl.churn.period_churn(_status(), "2024-01-01", "2024-12-31", joiners="average"), set(), ()),
    ("cohorts", lambda: cl.churn.cohort_table(_tx(), amount="amount"), set(), ()),
    ("clv", lambda: cl.churn.customer_lifetime_value(100, 0.8, 0.1, acquisition_cost=50), set(), ()),
    ("retention_economics", lambda: cl.churn.retention_economics(customers=1000, retention=0.8, gain=0.05, margin=100),
     set(), ()),
    ("kaplan_meier", lambda: cl.churn.kaplan_meier(duration=[3, 5, 8, 8, 12, 15, None], event=[1, 1, 0, 1, 1, 0, 1],
                                                   group=list("aabbaba")), set(), ()),
    ("transaction_summary", _summary, set(), ()),
    ("transaction_report", _validation_report, set(), ()),
    ("bgnbd", _bgnbd, set(), ()),
    ("gamma_gamma", _gamma_gamma, set(), ()),
    ("probabilistic_clv", _pclv, set(), ()),
    ("pareto", lambda: cl.segments.pareto([100, 50, 20, 5, 5, 1, None]), set(), ()),
    ("rfm", lambda: cl.segments.rfm(_tx(), bins=3, now="2024-04-01"), set(), ()),
    ("complaint_kpis", lambda: cl.complaints.complaint_kpis(cl.datasets.load("complaints_log")), set(), ()),
    ("recovery_effect", lambda: cl.complaints.recovery_effect(cl.datasets.load("complaints_log")), set(), ()),
    ("recovery_model", lambda: cl.complaints.recovery_model(cl.datasets.load("complaints_log")), set(), ()),
    ("churn_model", lambda: M.churn_model(customers=400, lost=30), set(), ()),
    ("clv_model", lambda: M.clv_model(100, 0.8, 0.1), set(), ()),
    ("complaint_model", lambda: M.complaint_model(listen=True, solution=True), set(), ()),
    ("loyalty_curve_model", lambda: M.loyalty_curve_model(), set(), ()),
    ("nps_difference_model", lambda: M.nps_difference_model(40, 30, 30, 50, 30, 20), set(), ()),
    ("sample_size_model", lambda: M.sample_size_model(), set(), ()),
    ("kano_model", lambda: M.kano_model(), set(), ()),
    ("rake", lambda: cl.survey.rake(
        pd.DataFrame({"sex": ["M", "M", "M", "F", "F", "M"], "age": ["y", "o", "y", "o", "y", "y"],
                      "d": [1.0, 2.0, 1.0, 1.0, 2.0, 1.0]}),
        {"sex": {"M": 0.5, "F": 0.5}, "age": {"y": 0.4, "o": 0.6}}, weight="d", trim=(0.3, 3.0)), set(), ()),
    ("text_sentiment", lambda: cl.text.sentiment(["服务很好", "排队太久了", None]), set(), ()),
    ("text_themes", lambda: cl.text.themes(["排队等了很久", "排队太慢了", "客服态度很差", "客服态度冷淡"] * 3, 2),
     set(), ()),
    ("text_keywords", lambda: cl.text.keywords(["排队太久", "排队等了很久", "服务热情", "态度热情"],
                                               by=["低分", "低分", "高分", "高分"]), set(), ()),
    ("text_drivers", lambda: cl.text.drivers_from_text(
        pd.DataFrame({"comment": ["排队太久", "排队很久", "服务热情", "态度热情"] * 3, "satisfaction": [2, 1, 5, 4] * 3}),
        k=2), set(), ()),
]

#: Functions returning tables whose label columns are messages shown in the current language.
TABLES: list[tuple[str, Callable[[], pd.DataFrame], str]] = [
    ("ipa", lambda: cl.loyalty.ipa(_hotel(), outcome="satisfaction", drivers=HOTEL_DRIVERS).table, "quadrant_label"),
    ("loyalty_curve", lambda: cl.loyalty.loyalty_curve(_loyalty(), satisfaction="sat", loyalty="intent").table,
     "zone_label"),
    ("kano_table", lambda: cl.survey.kano_table(cl.datasets.load("kano_features"), feature="feature",
                                                functional="functional", dysfunctional="dysfunctional"),
     "category_label"),
    ("compare_groups", lambda: cl.metrics.compare_groups(
        pd.DataFrame({"wave": [1] * 6 + [2] * 6, "sat": [5, 4, 3, 2, 4, 5, 5, 5, 4, 4, 3, 5]}), score="sat",
        group="wave").table, "test"),
]


def _computed(factory: Callable[[], Any], language: str) -> Any:
    cl.set_language(language)
    try:
        return factory()
    finally:
        cl.set_language("en")


def _shown(result: Result, language: str) -> tuple[pd.DataFrame, str, str]:
    cl.set_language(language)
    try:
        return result.to_frame(), str(result), result._repr_html_()
    finally:
        cl.set_language("en")


def assert_same_value(en: Any, zh: Any, where: str) -> None:
    """Equal values of equal types; ASCII text stays ASCII; messages keep their key and parameters."""
    if isinstance(en, pd.DataFrame) or isinstance(en, pd.Series):
        assert type(zh) is type(en), where
        pd.testing.assert_index_equal(en.index, zh.index)
        frames = (en, zh) if isinstance(en, pd.DataFrame) else (en.to_frame(), zh.to_frame())
        for col in frames[0].columns:
            a, b = frames[0][col], frames[1][col]
            assert a.dtype == b.dtype, f"{where}[{col}] dtype"
            for i, (x, y) in enumerate(zip(a.tolist(), b.tolist())):
                assert_same_value(x, y, f"{where}[{col}][{i}]")
        return
    if isinstance(en, dict):
        assert list(map(str.__str__ if all(isinstance(k, str) for k in en) else repr, en)) == \
            list(map(str.__str__ if all(isinstance(k, str) for k in zh) else repr, zh)), f"{where} keys"
        for (ka, va), (kb, vb) in zip(en.items(), zh.items()):
            assert_same_value(ka, kb, f"{where} key")
            assert_same_value(va, vb, f"{where}[{ka!r}]")
        return
    if isinstance(en, (list, tuple)):
        assert type(zh) is type(en) and len(en) == len(zh), where
        for i, (x, y) in enumerate(zip(en, zh)):
            assert_same_value(x, y, f"{where}[{i}]")
        return
    if isinstance(en, str):
        assert type(zh) is type(en), f"{where}: {type(en).__name__} vs {type(zh).__name__}"
        assert str.__str__(zh) == str.__str__(en), f"{where}: {str.__str__(zh)!r} != {str.__str__(en)!r}"
        assert not en.isascii() or zh.isascii(), where
        if isinstance(en, Message):
            assert (en.key, dict(en.params)) == (zh.key, dict(zh.params)), where
        return
    if isinstance(en, float) and math.isnan(en):
        assert isinstance(zh, float) and math.isnan(zh), where
        return
    if isinstance(en, (int, float, np.number, bool, np.bool_, type(None), pd.Timestamp, np.ndarray)):
        np.testing.assert_array_equal(np.asarray(en), np.asarray(zh), err_msg=where)
        return
    # Fitted library objects (statsmodels, lifelines) are compared through the numbers above them.


@pytest.fixture(autouse=True)
def _english_after():
    yield
    cl.set_language("en")


def test_every_result_type_has_a_case() -> None:
    built = {type(factory()).__name__ for _, factory, _, _ in CASES}
    defined = set()
    for info in pkgutil.walk_packages(cl.__path__, "csat_lab."):
        module = importlib.import_module(info.name)
        defined |= {name for name, obj in vars(module).items()
                    if inspect.isclass(obj) and issubclass(obj, Result) and obj not in (Result, TableResult)
                    and obj.__module__ == info.name}
    assert not defined - built, f"result types without a language case here: {sorted(defined - built)}"


@pytest.mark.parametrize("name, factory, allowed, skip", CASES, ids=[c[0] for c in CASES])
def test_result_values_do_not_depend_on_the_language(name, factory, allowed, skip) -> None:
    en, zh = _computed(factory, "en"), _computed(factory, "zh-CN")
    assert type(en) is type(zh)
    for field in dataclasses.fields(en):
        assert_same_value(getattr(en, field.name), getattr(zh, field.name), f"{name}.{field.name}")


@pytest.mark.parametrize("name, factory, allowed, skip", CASES, ids=[c[0] for c in CASES])
def test_result_is_shown_in_the_current_language(name, factory, allowed, skip) -> None:
    result = factory()
    frame_en, text_en, _ = _shown(result, "en")
    frame, text, html_table = _shown(result, "zh-CN")
    assert text != text_en
    assert frame.columns.tolist() == [cl.label("result.quantity", "zh-CN"), cl.label("result.value", "zh-CN")]
    assert text.splitlines()[1:] and html_table.startswith("<table>")
    skipped = {cl.label(k, "zh-CN") for k in skip}
    left = {cell: english_runs(cell, allowed) for row in frame.itertuples(index=False)
            if row[0] not in skipped for cell in map(str, row)}
    left = {cell: runs for cell, runs in left.items() if runs}
    assert not left, f"{name} keeps English in zh-CN: {left}"
    assert not catalog_keys_in(text) and not catalog_keys_in(text_en), f"{name} shows a raw catalog key"
    # English after Chinese gives the English text again, unchanged by the detour.
    assert _shown(result, "en")[1] == text_en


@pytest.mark.parametrize("name, factory, column", TABLES, ids=[t[0] for t in TABLES])
def test_label_columns_are_shown_in_the_current_language(name, factory, column) -> None:
    en, zh = _computed(factory, "en"), _computed(factory, "zh-CN")
    assert_same_value(en, zh, name)
    labels = [v for v in zh[column] if isinstance(v, Message)]
    assert labels, f"{name}.{column} holds no messages"
    assert all(v.isascii() for v in labels)
    cl.set_language("zh-CN")
    shown = zh.to_string()
    cl.set_language("en")
    assert all(v.render("zh-CN") in shown for v in labels)
    assert all(str.__str__(v) in zh.to_string() for v in labels)


def test_english_text_is_unchanged() -> None:
    # The Wald interval, by hand: p+ = 253/627 = 0.40351, p- = 158/627 = 0.25199, NPS = 15.152,
    # se = 100 sqrt((0.65550 - 0.15152^2) / 627) = 3.1760, 15.152 -+ 1.95996 * 3.1760 = (8.926, 21.38).
    res = cl.metrics.nps_from_counts(253, 216, 158, method="wald")
    cl.set_language("zh-CN")
    str(res)
    cl.set_language("en")
    # Shown as an NPS is reported: one decimal, the interval as precise as the estimate.
    assert str(res) == (
        "Net Promoter Score\n"
        "  Net Promoter Score   15.2\n"
        "  Confidence interval  (8.9, 21.4)\n"
        f"  Method               {res.ci_method.render('en')}\n"
        "  n                    627\n"
        "  Promoters (9-10)     253 (40.4%)\n"
        "  Passives (7-8)       216 (34.4%)\n"
        "  Detractors (0-6)     158 (25.2%)\n"
        "  Dropped              0\n"
        "  Why dropped          -"
    )


def test_churn_denominator_is_english_under_chinese_and_shown_in_chinese() -> None:
    # Wilson interval for 40 of 400: statsmodels' proportion_confint(40, 400, method="wilson")
    # gives (0.0742993, 0.1333106).
    cl.set_language("zh-CN")
    res = cl.churn.churn_rate(40, 400)
    assert res.denominator == "customers who bought, as given (400)"
    assert res.denominator.key == "churn.denominator.given"
    assert "给定的购买客户数（400）" in res.to_frame().iloc[:, 1].tolist()
    cl.set_language("en")
    # Shares as percent: 40 / 400 = 10.0%, the interval (7.4%, 13.3%) from the bounds above.
    assert str(res) == (
        "Churn rate\n"
        "  Churn rate                          10.0%\n"
        "  Retention rate                      90.0%\n"
        "  Lost customers                      40\n"
        "  Customers who bought (denominator)  400\n"
        "  Denominator                         customers who bought, as given (400)\n"
        "  Confidence interval                 (7.4%, 13.3%)\n"
        "  Method                              Wilson score"
    )


def test_one_spelling_per_method() -> None:
    # The same interval method is one message whichever function computed it.
    methods = {cl.metrics.csat([5, 4, 3]).ci_method, cl.churn.churn_rate(1, 10).ci_method,
               cl.survey.response_rates(100, 50, 40).ci_method,
               cl.churn.period_churn(_status(), "2024-01-01", "2024-12-31").ci_method}
    assert {(m.key, str.__str__(m)) for m in methods} == {("value.method.wilson", "Wilson score")}


def test_user_text_is_never_translated() -> None:
    # A reason written by the user stays as written, even when it matches a catalog text.
    cl.set_language("zh-CN")
    report = cl.churn.validate_transactions(_dirty_log(), amount="amount", on_invalid="drop", duplicates="drop",
                                            now="2024-12-31")[1]
    shown = str(report)
    assert "missing date" not in shown and "缺失日期" in shown
    from csat_lab._core.results import _fmt
    assert _fmt({"missing date": 3}) == "missing date: 3"


def test_unknown_summary_key_raises() -> None:
    @dataclasses.dataclass(frozen=True)
    class Misspelt(Result):
        value: float

        def _summary(self):
            return [("result.estimat", self.value)]

    with pytest.raises(KeyError, match="result.estimat"):
        str(Misspelt(1.0))


def test_messages_pickle_and_copy() -> None:
    res = cl.churn.churn_rate(40, 400)
    again = pickle.loads(pickle.dumps(res))
    assert again.denominator == res.denominator and again.denominator.key == res.denominator.key
    assert str(again) == str(res)


def test_helper_flags_prose_and_allows_technical_tokens() -> None:
    assert english_runs("Wilson score") == ["Wilson score"]
    assert english_runs("Wilson 得分区间") == []
    assert english_runs("BG/NBD 模型（Fader, Hardie & Lee 2005）") == []
    assert english_runs("intent ~ C(sat)", {"intent"}) == []
    assert catalog_keys_in("see value.method.wilson here") == ["value.method.wilson"]


@pytest.mark.parametrize("name, factory, allowed, skip", CASES, ids=[c[0] for c in CASES])
def test_every_result_has_an_estimate(name, factory, allowed, skip) -> None:
    # docs/api-conventions.md: every result has `estimate`, its headline number (or table of numbers).
    result = factory()
    value = result.estimate
    assert value is not None
    if isinstance(value, (float, int, np.floating, np.integer)):
        assert value == value or name in {"disconfirmation_many"}, f"{name}.estimate is NaN"
