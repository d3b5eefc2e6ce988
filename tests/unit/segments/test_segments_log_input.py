"""Value tiers and Pareto from a pandas transaction log; quantile scores of tied floats (the sort path)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.errors import CsatInputError
from csat_lab.segments import quantile_scores


def test_quantile_scores_ties_on_the_sort_path():
    # non-whole values take the argsort path: strictly smaller counts 0.25 -> 0, 0.5 -> 2, 1.5 -> 4
    # so scores 1 + 5*0//5 = 1, 1 + 5*2//5 = 3, 1 + 5*4//5 = 5
    assert quantile_scores([0.5, 0.25, 0.5, 1.5, 0.25], bins=5).tolist() == [3, 1, 3, 5, 1]
    rng = np.random.default_rng(7)
    x = np.round(rng.normal(size=20_000), 1)  # many ties
    by_rank = 1 + (5 * (pd.Series(x).rank(method="min").to_numpy(dtype=np.int64) - 1)) // len(x)
    assert quantile_scores(x, bins=5).tolist() == by_rank.tolist()


def test_value_tiers_from_a_pandas_log():
    log = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "d", None, "e"],
                        "amount": [30.0, -10.0, 5.0, 50.0, 20.0, 99.0, np.nan]})
    got = cl.segments.value_tiers(log, customer="customer_id", amount="amount", high=0.25, medium=0.25)
    # totals a 20, b 5, c 50, d 20 (the row without a customer and the one without an amount are left out)
    # strictly higher: c 0 -> share 0 (high); a, d 1 -> 0.25 (medium); b 3 -> 0.75 (low)
    assert got.to_dict() == {"a": "medium", "b": "low", "c": "high", "d": "medium"}


def test_pareto_from_a_pandas_log_equals_the_vector_call():
    log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3, 4], "amount": [10.0, 40.0, 30.0, 5.0, 5.0, 10.0]})
    got = cl.segments.pareto(log, customer="customer_id", amount="amount")
    # totals 50, 30, 10, 10: G = 2 (1*10 + 2*10 + 3*30 + 4*50) / (4 * 100) - 5/4 = 0.35
    assert got.gini == pytest.approx(0.35, abs=1e-12)
    assert got.n == 4 and got.engine == "pandas"
    with pytest.raises(CsatInputError, match="customer= and amount="):
        cl.segments.pareto(log, amount="amount")
    with pytest.raises(CsatInputError, match="no column 'spend'"):
        cl.segments.value_tiers(log, customer="customer_id", amount="spend")
