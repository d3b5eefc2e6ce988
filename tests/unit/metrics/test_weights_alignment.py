"""Weights given as a Series are matched to the answers by row label, never by position."""

from __future__ import annotations

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError


def test_reordered_weights_follow_the_answers_labels() -> None:
    answers = pd.Series([5, 4, 2, 1], index=["a", "b", "c", "d"])
    weights = pd.Series([3.0, 1.0, 1.0, 1.0], index=["a", "b", "c", "d"])
    # By hand: satisfied (4-5) are a (3) and b (1): CSAT = 4 / 6 = 66.7%.
    expected = cl.metrics.csat(answers, weights=weights).estimate
    assert expected == pytest.approx(4 / 6)
    shuffled = weights.loc[["d", "c", "b", "a"]]  # the same weights in another row order
    assert cl.metrics.csat(answers, weights=shuffled).estimate == pytest.approx(4 / 6)
    # By position, the shuffled weights would have given (1 + 1) / 6 = 33.3%.
    assert cl.metrics.csat(answers, weights=shuffled.to_numpy()).estimate == pytest.approx(2 / 6)


def test_weights_for_other_rows_are_a_clear_error() -> None:
    answers = pd.Series([5, 4, 2, 1], index=[0, 1, 2, 3], name="q1")
    weights = pd.Series([1.0, 1.0, 1.0, 1.0], index=[10, 11, 12, 13])
    with pytest.raises(CsatInputError, match=r"weights of 'q1'.*row labels do not match.*\[0, 1, 2\]"):
        cl.metrics.csat(answers, weights=weights)
