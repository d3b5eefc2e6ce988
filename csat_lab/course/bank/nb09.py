"""Exercises of notebook 09 (churn study template).

A compute task on the template's churn definition (joiners kept out of the rate:
churn = lost from the customers at the start / customers at the start) and a
transfer task: which customers a win-back mailing should go to, given BG/NBD
probabilities of still being a customer.
"""

from __future__ import annotations

from ._make import choice, number


def _period_churn_pct() -> float:
    """90 lost of the 400 customers active at the start, in percent (the 120 joiners are kept apart)."""
    return 100 * 90 / 400


EXERCISES = [
    number("09.period_churn", _period_churn_pct, 0.1, percent=True),
    choice("09.winback_list", "8a884fec28edf5f152a5", "abcd", task="transfer"),
]
