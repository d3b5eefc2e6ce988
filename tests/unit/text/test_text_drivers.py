"""cl.text.drivers_from_text: mean score with and without each theme, Welch interval checked against scipy."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from csat_lab.errors import CsatInputError
from csat_lab.text import drivers_from_text

DATA = pd.DataFrame({
    "comment": ["slow queue", "queue slow again", "very slow queue", "rude staff", "staff rude", "rude and cold staff",
                "clean room", "room clean", "nice clean room", "queue slow"],
    "satisfaction": [1, 2, 2, 3, 2, 1, 5, 4, 5, 3],
    "coded": ["wait", "wait", "wait", "attitude", "attitude", "attitude", "quality", "quality", "quality", "wait"],
})


def test_given_labels_welch_matches_scipy():
    result = drivers_from_text(DATA, theme="coded", ci=0.9)
    for _, row in result.table.iterrows():
        inside = DATA["coded"] == row["theme"]
        a, b = DATA.loc[inside, "satisfaction"], DATA.loc[~inside, "satisfaction"]
        test = stats.ttest_ind(a, b, equal_var=False)
        lo, hi = test.confidence_interval(0.9)
        assert row["difference"] == pytest.approx(a.mean() - b.mean())
        assert (row["ci_low"], row["ci_high"]) == pytest.approx((lo, hi), rel=1e-9)
        assert row["comment_share"] == pytest.approx(inside.mean())
        assert row["mean_with"] == pytest.approx(a.mean()) and row["mean_without"] == pytest.approx(b.mean())
    assert list(result.table["difference"]) == sorted(result.table["difference"])
    assert result.n == 10 and result.n_dropped == 0


def test_found_themes_separate_low_from_high_scores():
    result = drivers_from_text(DATA, k=3)
    assert result.themes is not None and result.themes.k == 3
    top = result.table.iloc[-1]
    assert "clean" in top["terms"] or "room" in top["terms"]
    assert top["difference"] > 0 and result.estimate < 0


def test_missing_rows_dropped_and_counted():
    data = pd.concat([DATA, pd.DataFrame({"comment": [None, "slow queue"], "satisfaction": [3, np.nan],
                                          "coded": ["wait", "wait"]})], ignore_index=True)
    assert drivers_from_text(data, theme="coded").n_dropped == 2


def test_bad_input():
    with pytest.raises(CsatInputError):
        drivers_from_text(DATA, text="nope")
    with pytest.raises(CsatInputError, match="satisfaction"):
        drivers_from_text(DATA.assign(satisfaction=["x"] + [1] * 9), theme="coded")
    with pytest.raises(CsatInputError):
        drivers_from_text(DATA, theme="coded", ci=1.5)
