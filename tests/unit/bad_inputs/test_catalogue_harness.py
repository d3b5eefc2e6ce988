"""The catalogue harness itself: it tells a clear error from a raw one, and a mutated input."""

from __future__ import annotations

import pandas as pd
import pytest
from catalogue import Case, Raises, Returns, ids, run

import csat_lab as cl


def _mutate(frame: pd.DataFrame) -> int:
    frame.loc[0, "a"] = 99
    return 1


def test_a_clear_error_passes_and_a_raw_one_fails() -> None:
    run(Case("clear", cl.metrics.nps, (["x"],), expect=Raises(r"numeric")))
    with pytest.raises(BaseException):
        run(Case("raw", lambda: {}["missing"], expect=Raises(r"")))


def test_a_mutated_input_fails() -> None:
    with pytest.raises(AssertionError, match="changed its inputs"):
        run(Case("mutates", _mutate, (pd.DataFrame({"a": [1, 2]}),), expect=Returns(lambda v: v == 1)))


def test_a_wrong_value_fails_and_ids_are_unique() -> None:
    with pytest.raises(AssertionError, match="unexpected result"):
        run(Case("wrong", cl.churn.expected_lifetime, (0.5,), expect=Returns(lambda v: v == 3, "1 / 0.5 = 2")))
    run(Case("right", cl.churn.expected_lifetime, (0.5,), expect=Returns(lambda v: v == 2, "1 / 0.5 = 2")))
    with pytest.raises(AssertionError):
        ids([Case("x", print), Case("x", print)])
