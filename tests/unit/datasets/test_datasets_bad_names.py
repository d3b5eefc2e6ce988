"""Dataset names are looked up, never used as paths: nothing outside the data folder is read."""

from __future__ import annotations

import pytest

import csat_lab as cl
from csat_lab import datasets
from csat_lab.errors import CsatInputError

HOSTILE = ["../datasets/telco_churn", "/etc/passwd", "..", ".", "", "telco_churn.csv", "files",
           "telco_churn/../cdnow", None, 1, ["telco_churn"], {"name": "cdnow"}]


@pytest.mark.parametrize("name", HOSTILE, ids=repr)
@pytest.mark.parametrize("function", [datasets.load, datasets.describe, datasets.schema], ids=lambda f: f.__name__)
def test_names_that_are_not_datasets_never_reach_the_file_system(function, name, monkeypatch) -> None:
    def no_reading():
        raise AssertionError("the data folder was opened for a name that is not a dataset")

    monkeypatch.setattr(datasets, "_folder", no_reading)
    monkeypatch.setattr(datasets, "_names", lambda: ("cdnow", "telco_churn"))
    with pytest.raises(CsatInputError, match=r"no dataset .*; datasets are: cdnow, telco_churn"):
        function(name)


@pytest.mark.parametrize("name", ["../telco_churn.csv", "..", "files/../x", "/etc/passwd", None, ["a"]], ids=repr)
def test_example_file_names_are_looked_up(name) -> None:
    with pytest.raises(CsatInputError, match="no example file .*; files are: "):
        datasets.example_file(name)


def test_schema_is_a_copy_the_caller_may_change() -> None:
    spoiled = datasets.schema("kano_features")
    spoiled["file"] = "../../../etc/passwd"
    spoiled["columns"].clear()
    assert datasets.schema("kano_features")["file"] == "kano_features.csv"
    assert cl.datasets.load("kano_features").shape == (2400, 4)  # 300 respondents x 8 features
