"""cl.text.keywords: log-odds with an informative Dirichlet prior and chi-square, checked by hand."""

from __future__ import annotations

import math

import pytest
from scipy.stats import chi2_contingency

from csat_lab.errors import CsatInputError
from csat_lab.text import keywords

TEXTS = ["slow slow queue", "slow rude", "friendly staff", "friendly quick staff"]
GROUPS = ["low", "low", "high", "high"]


def test_log_odds_matches_hand_calculation():
    # Words: low = slow x3, queue, rude (n_i = 5); high = friendly x2, staff x2, quick (n_j = 5); total 10.
    # Prior alpha0 = 10 spread by pooled frequency: alpha_slow = 10 * 3/10 = 3.
    # delta = log((3+3)/(5+10-3-3)) - log((0+3)/(5+10-0-3)) = log(6/9) - log(3/12)
    # var = 1/(3+3) + 1/(0+3) = 0.5;  z = delta / sqrt(0.5)
    delta = math.log(6 / 9) - math.log(3 / 12)
    expected = delta / math.sqrt(1 / 6 + 1 / 3)
    table = keywords(TEXTS, by=GROUPS, prior=10, top=10).table
    row = table[(table["group"] == "low") & (table["term"] == "slow")].iloc[0]
    assert row["score"] == pytest.approx(expected, rel=1e-12)
    assert row["count"] == 3
    assert table[table["group"] == "low"].iloc[0]["term"] == "slow"


def test_chi_square_matches_scipy():
    table = keywords(TEXTS, by=GROUPS, method="chi2", top=10).table
    row = table[(table["group"] == "high") & (table["term"] == "friendly")].iloc[0]
    # friendly: 2 of 5 words in high, 0 of 5 in low.
    stat = chi2_contingency([[2, 0], [3, 5]], correction=False)[0]
    assert row["score"] == pytest.approx(stat, rel=1e-12)


def test_without_groups_most_frequent_terms():
    result = keywords(TEXTS, top=2)
    assert result.method == "frequency"
    assert result.table["term"].tolist() == ["slow", "friendly"]
    assert result.table["score"].tolist() == pytest.approx([0.3, 0.2])


def test_missing_comments_and_groups_counted():
    result = keywords(TEXTS + [None, "slow"], by=GROUPS + ["low", None])
    assert result.n == 4 and result.n_missing == 2


def test_bad_input():
    with pytest.raises(CsatInputError, match="one group per comment"):
        keywords(TEXTS, by=["low"])
    with pytest.raises(CsatInputError, match="method"):
        keywords(TEXTS, by=GROUPS, method="tfidf")
    with pytest.raises(CsatInputError, match="prior"):
        keywords(TEXTS, by=GROUPS, prior=0)
    with pytest.raises(CsatInputError, match="no words"):
        keywords(["", None, "👍"])
