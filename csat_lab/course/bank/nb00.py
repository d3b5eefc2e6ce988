"""Exercises of notebook 00 (start here)."""

from __future__ import annotations

from ... import scales
from ._make import number

EXERCISES = [
    number("00.scale_points", lambda: len(scales.get("satisfaction5").values), 0, task="recall"),
]
