"""Reliability of the segments package on hostile inputs (issue 13), each checked by hand."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from csat_lab import segments
from csat_lab.errors import CsatInputError


def test_pareto_and_abc_rescale_huge_values_without_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = segments.pareto([1e308, 1e308, 3.0])
        abc = segments.abc_classes([1e308, 1e308, 3.0])
    # the Gini of (0, 1, 1) (3 is negligible beside 1e308): 2(0 + 2 + 3)/(3 * 2) - 4/3 = 1/3 (by hand)
    assert p.gini == pytest.approx(1 / 3)
    assert abc["share"].tolist() == pytest.approx([0.5, 0.5, 0.0])
    assert abc["class"].tolist() == ["A", "A", "C"]  # before the third: 100% >= b
    # tiny values: shares are scale-free, so 1e-300 times (50, 30, 10, 5, 5) gives the Gini of the
    # docstring example, 0.46
    assert segments.pareto(np.array([50, 30, 10, 5, 5]) * 1e-300).gini == pytest.approx(0.46)


@pytest.mark.parametrize("call, match", [
    (lambda: segments.pareto([1, np.inf, 3]), r"values must be finite; rows \[1\]"),
    (lambda: segments.abc_classes([1, np.inf, 3]), r"values must be finite; rows \[1\]"),
    (lambda: segments.value_tiers([np.nan, np.nan]), r"values are all missing"),
    (lambda: segments.quantile_scores(["a", "b"]), r"'values' must be numeric; rows \[0, 1\]"),
    (lambda: segments.quantile_scores([1.0, np.nan]), r"missing values at rows \[1\]"),
    (lambda: segments.path_funnel(pd.Series([None, None])), r"no stage to count"),
    (lambda: segments.lost_customer_summary(pd.DataFrame({"k": [None, None]}), type="k"), r"'k' is missing"),
    (lambda: segments.lost_customer_summary(pd.DataFrame({"k": ["other"], "v": [np.inf]}), type="k", value="v"),
     r"'v' must be finite; rows \[0\]"),
    (lambda: segments.winback_priority(pd.DataFrame({"v": ["a", "b"]}), value="v"), r"'v' must be numeric"),
])
def test_hostile_inputs_raise_naming_what_is_wrong(call, match):
    with pytest.raises(CsatInputError, match=match):
        call()


def test_quantile_scores_of_huge_and_infinite_values_are_ranks():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # ranks 2, 0, 1 of 3 values -> 1 + floor(5 * rank / 3) = 4, 1, 2 (by hand)
        assert segments.quantile_scores([1e308, -1e308, 0.0]).tolist() == [4, 1, 2]
        assert segments.quantile_scores([1.0, np.inf, 3.0]).tolist() == [1, 4, 2]


def test_value_tiers_rank_an_infinite_value_highest():
    # 3 values: shares of better values 2/3, 0, 1/3 -> low, high, medium (by hand)
    assert segments.value_tiers([1.0, np.inf, 3.0]).tolist() == ["low", "high", "medium"]


def test_rfm_refund_only_log_says_why():
    log = pd.DataFrame({"customer_id": [1, 2], "date": ["2024-01-01", "2024-01-02"], "amount": [-1.0, -2.0]})
    with pytest.raises(CsatInputError, match="every row of 'amount' is a refund"):
        segments.rfm(log, now="2024-02-01")
