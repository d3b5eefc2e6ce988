"""Datasets and fitted models shared by the explorers' model functions, loaded once per process (internal)."""

from __future__ import annotations

import functools

import pandas as pd


@functools.lru_cache(maxsize=None)
def dataset(name: str) -> pd.DataFrame:
    """A course dataset, loaded on first use and kept (callers must not modify it)."""
    from ... import datasets

    return datasets.load(name)
