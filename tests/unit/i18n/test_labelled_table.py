"""labelled_table: a notebook's table shown through its course labels, data unchanged."""

from __future__ import annotations

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError


def test_names_codes_and_booleans_are_shown_through_labels() -> None:
    table = pd.DataFrame({"tier": pd.Categorical(["high", "low"]), "churned": [True, False], "spend": [10.0, 2.5]},
                         index=pd.Index(["m1", "m2"], name="member_id"))
    shown = cl.i18n.labelled_table(table, "segments.tier", language="zh-CN")
    assert shown["tier"].tolist() == ["高价值客户", "低价值客户"]  # segments.tier.high / .low
    assert shown["spend"].tolist() == [10.0, 2.5] and list(shown.index) == ["m1", "m2"]  # no label: unchanged
    assert table["tier"].tolist() == ["high", "low"]  # the table itself is not changed
    steps = pd.Series([3, 5], index=["listen", "review"], name="count")
    assert cl.i18n.labelled_table(steps, "complaints.step", language="en").index.tolist() == [
        cl.label("complaints.step.listen", "en"), cl.label("complaints.step.review", "en")]


def test_only_tables_are_accepted() -> None:
    with pytest.raises(CsatInputError, match="needs a pandas DataFrame or Series, got list"):
        cl.i18n.labelled_table([1, 2], "course.05")


def test_results_say_not_given_instead_of_none() -> None:
    # retention_economics without costs: the cost ratio is not given (it used to print "None")
    econ = cl.churn.retention_economics(1000, 0.8, 10.0, gain=0.05, years=2)
    assert econ.cost_ratio is None
    text = str(econ)
    assert "None" not in text and "not given" in text
    cl.set_language("zh-CN")
    try:
        assert "未提供" in econ._repr_html_()
    finally:
        cl.set_language("en")
