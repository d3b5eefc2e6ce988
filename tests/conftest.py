"""Shared test set-up: every test starts and ends in English with no live widgets."""

from __future__ import annotations

import sys

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
