"""Data-generating processes behind the course's synthetic datasets.

Every synthetic dataset in ``datasets/`` comes from one seeded function here that
returns ``(frame, truth)``: the data and the true parameters used to make it, so a
lesson can show an estimator recovering the truth. The data cards
(``datasets/<name>.md``) state each process and its parameters.

=========================  ==========================================================
function                   data
=========================  ==========================================================
``csat_tracker``           quarterly CSAT/NPS/CES survey with weights and messy rows
``complaints_log``         complaints through the 8 handling steps, repurchase
``telecom_subscribers``    subscriptions, satisfaction waves, churn type and reason
``supermarket_members``    loyalty-member transactions from a BG/NBD process
``auto_dealer``            car dealer expectation/performance items, loyalty curve
``hotel_guests``           hotel stays with recorded preferences and SERVQUAL items
``kano_features``          Kano answer pairs for eight service features
=========================  ==========================================================

``simulate_structural`` draws item-level survey data from a chosen path model
(:mod:`.structural`). Regenerate every shipped file (the data and the two survey-export samples in
``datasets/files/``) byte for byte with::

    python -m csat_lab.simulate --all --out datasets

Examples
--------
>>> from csat_lab import simulate
>>> frame, truth = simulate.csat_tracker(seed=7, n=40, waves=1)
>>> len(frame) > 40, truth["reversed_item"]
(True, 'q4')
"""

from __future__ import annotations

from .auto import auto_dealer
from .complaints import complaints_log
from .hotel import hotel_guests
from .kano import kano_features
from .shipped import SIMULATED, main, regenerate, write_cdnow
from .structural import simulate_structural
from .supermarket import supermarket_members
from .telecom import telecom_subscribers
from .tracker import csat_tracker

__all__ = [
    "csat_tracker",
    "complaints_log",
    "telecom_subscribers",
    "supermarket_members",
    "auto_dealer",
    "hotel_guests",
    "kano_features",
    "simulate_structural",
    "SIMULATED",
    "regenerate",
    "write_cdnow",
    "main",
]
