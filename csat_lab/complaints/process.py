"""The course's complaint-handling process: the 8 steps and the 11 "a bit more" techniques.

The step codes name the columns of a complaint log (``step_<code>``) and the
catalog labels (``complaints.step.<code>``, ``complaints.technique.<code>``).

Examples
--------
>>> from csat_lab.complaints import process
>>> process.HANDLING_STEPS[0], process.STEP_COLUMNS[-1]
('listen', 'step_review')
"""

from __future__ import annotations

__all__ = ["HANDLING_STEPS", "STEP_COLUMNS", "TECHNIQUES"]

#: The 8 handling steps in order (labels: ``complaints.step.<code>``; log columns ``step_<code>``).
HANDLING_STEPS: tuple[str, ...] = ("listen", "feelings", "cause", "requirement", "solution", "thank",
                                   "follow_up", "review")
#: Log column of each step.
STEP_COLUMNS: tuple[str, ...] = tuple(f"step_{s}" for s in HANDLING_STEPS)
#: The eleven "a bit more" techniques (labels: ``complaints.technique.<code>``).
TECHNIQUES: tuple[str, ...] = ("patience", "empathy", "attitude", "understanding", "speed", "language",
                               "compensation", "seniority", "methods", "flexibility", "timing")
