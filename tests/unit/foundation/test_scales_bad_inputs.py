"""Scales: definitions that are not scales, answers that are not answers, and labels that do not exist."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab import scales
from csat_lab.errors import CsatInputError


@pytest.mark.parametrize(("args", "message"), [
    (("x", 1.5, 3), r"low must be a whole number \(an int\), got 1.5"),
    (("x", "1", 5), r"low must be a whole number"),
    (("x", None, 5), r"low must be a whole number"),
    (("x", 1, math.inf), r"high must be a whole number"),
    (("x", True, 5), r"low must be a whole number .*True"),
    ((None, 1, 5), r"name must be a non-empty text, got None"),
    (("  ", 1, 5), r"name must be a non-empty text"),
    (("x", 1, 5, "yes"), r"labelled must be True or False"),
])
def test_a_scale_needs_a_name_and_whole_number_codes(args, message) -> None:
    with pytest.raises(CsatInputError, match=message):
        scales.Scale(*args)


def test_numpy_codes_are_kept_as_python_ints() -> None:
    s = scales.Scale("np_codes", np.int64(1), np.int32(4), labelled=False)
    assert s.values == (1, 2, 3, 4) and type(s.low) is int


def test_a_labelled_scale_without_labels_is_refused_with_a_hint(monkeypatch) -> None:
    monkeypatch.setattr(scales, "_REGISTRY", dict(scales._REGISTRY))
    with pytest.raises(CsatInputError, match=r"labelled=False"):
        scales.register(scales.Scale("ten_point", 1, 10))
    with pytest.raises(CsatInputError, match=r"no scale.ten_point.title"):
        scales.Scale("ten_point", 1, 10).labels()  # used to be a KeyError from the catalog
    assert scales.register(scales.Scale("ten_point", 1, 10, labelled=False)).labels()[-1] == "10"


def test_booleans_are_not_answer_codes() -> None:
    # True/False used to be read as 1/0: on nps11 all "True" answers were 1s, an NPS of -100.
    for answers in ([True, False], np.array([True, True]), pd.Series([True, None], dtype="boolean"),
                    pd.Series([9, True], dtype=object)):
        with pytest.raises(CsatInputError, match="True/False at rows"):
            scales.NPS11.validate(answers)
    with pytest.raises(CsatInputError, match="True/False|boolean"):
        cl.metrics.nps([True] * 5)


@pytest.mark.parametrize("answers", [None, 7, "10", b"10", {"a": 1}, np.ones((2, 2)), [[1, 2]]], ids=repr)
def test_what_is_not_one_column_of_answers_is_named(answers) -> None:
    # "10" used to be read as the two answers "1" and "0".
    with pytest.raises(CsatInputError, match="'values' must be"):
        scales.NPS11.validate(answers)


def test_iterables_still_work() -> None:
    assert scales.AGREE5.validate(x for x in [1, 5]).tolist() == [1.0, 5.0]
    assert scales.AGREE5.validate(range(1, 4)).tolist() == [1.0, 2.0, 3.0]
    assert scales.AGREE5.validate([]).empty


def test_reverse_checks_the_answers_first() -> None:
    # 1 + 5 - 7 = -1 used to be returned as a "reversed" code that does not exist.
    with pytest.raises(CsatInputError, match=r"outside scale 'agree5'.*rows \[1\]"):
        scales.AGREE5.reverse(np.array([1, 7]))
    # by hand on agree7: x' = 1 + 7 - x
    out = scales.AGREE7.reverse(pd.Series([1, 4, np.nan, 7], name="q4"))
    assert out.name == "q4" and out.tolist()[:2] + out.tolist()[3:] == [7.0, 4.0, 1.0] and np.isnan(out.iloc[2])
    assert scales.AGREE7.reverse([2, 6]).tolist() == [6.0, 2.0]


def test_boxes_refuse_booleans_and_lookups_refuse_non_names() -> None:
    with pytest.raises(CsatInputError, match="k must be a whole number from 1 to 4"):
        scales.SATISFACTION5.bottom_box(True)
    with pytest.raises(CsatInputError, match=r"unknown scale \{'nps11'\}"):
        scales.get({"nps11"})
