"""Shared test set-up: every test starts and ends in English with no live widgets."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl


@pytest.fixture(autouse=True)
def english_labels_and_closed_widgets():
    cl.set_language("en")
    yield
    # Closed explorers stop listening, so a language switch in a later test only touches its own.
    if "ipywidgets" in sys.modules:
        sys.modules["ipywidgets"].Widget.close_all()
    cl.set_language("en")


#: ../shared/reference-data beside the clone (CI and developers have it; a user's clone may not).
REFERENCE_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "reference-data"


def reference_path(relative: str) -> Path:
    """Path of a reference file, or skip the test with the reason when it is absent."""
    path = REFERENCE_DATA / relative
    if not path.exists():
        pytest.skip(f"reference data not found at {path}")
    return path


@pytest.fixture(scope="session")
def telco_reference() -> pd.DataFrame:
    """IBM Telco churn sample as published (text columns untouched), for checks against raw counts."""
    return pd.read_csv(reference_path("telco/Telco-Customer-Churn.csv"))
