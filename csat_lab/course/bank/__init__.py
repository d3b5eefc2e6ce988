"""The exercise bank: one module per notebook (``nb04`` holds notebook 04's exercises).

:data:`ALL` lists every exercise in course order. See :mod:`._make` for the
answer kinds (number, choice, text) and tasks (recall, compute, transfer).
"""

from __future__ import annotations

from . import nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07, nb08, nb09
from ._make import KINDS, TASKS, Criterion, Exercise

__all__ = ["ALL", "Exercise", "Criterion", "KINDS", "TASKS"]

#: Every exercise of the course, in notebook order.
ALL: list[Exercise] = [e for m in (nb00, nb01, nb02, nb03, nb04, nb05, nb06, nb07, nb08, nb09) for e in m.EXERCISES]
