"""Shared test set-up: every test starts and ends in English with no live widgets.

Property tests are deterministic by default: the ``ci`` hypothesis profile derandomizes
them, so ``make test`` and CI run the same examples every time. ``make fuzz`` selects the
``fuzz`` profile (``HYPOTHESIS_PROFILE=fuzz``): random examples, many more of them, to
explore; a failure it finds becomes a fixed ``@example`` in the test and a fix in the code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings

import csat_lab as cl

settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", derandomize=False, deadline=None, max_examples=2000, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def fuzz_examples(n: int) -> int:
    """``n`` examples in the deterministic profile, twenty times more under ``make fuzz``."""
    return n * 20 if settings.default.derandomize is False else n


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
