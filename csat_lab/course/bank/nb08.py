"""Exercises of notebook 08 (study template)."""

from __future__ import annotations

from ._make import choice

EXERCISES = [
    choice("08.report_ci", "99e3b2f3c0086a9e460d", "abc"),
]
