"""The building blocks of the exercise bank: one exercise, one rubric criterion, and their makers.

Each notebook's exercises live in their own module (``nb01.py`` for notebook 01),
so that a notebook and its checks are edited together. An exercise has

* an **answer kind**: ``"number"`` (compared with a value recomputed at check
  time), ``"choice"`` (compared with a salted fingerprint) or ``"text"``
  (a written answer, such as a rewritten survey question or a complaint reply,
  checked against a rubric of criteria);
* a **task**: ``"recall"`` (the answer is in the text just read),
  ``"compute"`` (a calculation on given numbers or a dataset) or
  ``"transfer"`` (a new situation: rewrite, classify, decide, choose the
  denominator);
* labels in both languages: ``exercise.<id>.hint`` (shown when wrong, never the
  answer), ``exercise.<id>.why`` (shown when right: why it is right) and, for
  text answers, ``exercise.<id>.rubric.<key>`` (one per criterion).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

__all__ = ["Exercise", "Criterion", "number", "choice", "text", "TASKS", "KINDS",
           "normalise", "mentions", "rate"]

#: Answer kinds.
KINDS: tuple[str, ...] = ("number", "choice", "text")
#: Learning tasks, from looking up to applying in a new situation.
TASKS: tuple[str, ...] = ("recall", "compute", "transfer")


@dataclass(frozen=True)
class Criterion:
    """One rubric point of a written answer.

    ``test`` receives the answer normalised by :func:`normalise` and returns
    whether the point is met; ``key`` names the label
    ``exercise.<id>.rubric.<key>`` that says what the point asks for.
    """

    key: str
    test: Callable[[str], bool]


@dataclass(frozen=True)
class Exercise:
    """One exercise: where it lives, what it asks of the learner, and how its answer is verified.

    ``expected`` is a function recomputing the right number (kind ``"number"``),
    the fingerprint of the right option(s) (kind ``"choice"``, with the valid
    ``options``) or ``None`` (kind ``"text"``, checked by ``criteria``).
    ``tolerance`` is absolute, in the answer's unit.
    """

    id: str
    notebook: str
    kind: str
    expected: Callable[[], float] | str | None
    task: str = "compute"
    tolerance: float = 0.0
    options: str = ""
    percent: bool = False
    criteria: tuple[Criterion, ...] = field(default=())

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"exercise {self.id}: kind must be one of {KINDS}, not {self.kind!r}")
        if self.task not in TASKS:
            raise ValueError(f"exercise {self.id}: task must be one of {TASKS}, not {self.task!r}")
        if self.kind == "text" and not self.criteria:
            raise ValueError(f"exercise {self.id}: a text exercise needs at least one rubric criterion")
        if not re.fullmatch(r"\d\d\.[a-z0-9_]+", self.id) or self.id[:2] != self.notebook:
            raise ValueError(f"exercise id {self.id!r} must be 'NN.name' with NN = its notebook {self.notebook!r}")


def number(id: str, expected: Callable[[], float], tolerance: float, *, task: str = "compute",
           percent: bool = False) -> Exercise:
    """A numeric exercise; the notebook number is the id's first two digits."""
    return Exercise(id, id[:2], "number", expected, task=task, tolerance=tolerance, percent=percent)


def choice(id: str, digest: str, options: str, *, task: str = "recall") -> Exercise:
    """A choice exercise answered with letters, compared with ``fingerprint(id, letters)``."""
    return Exercise(id, id[:2], "choice", digest, task=task, options=options)


def text(id: str, *criteria: Criterion, task: str = "transfer") -> Exercise:
    """A written-answer exercise checked against rubric criteria (all must be met)."""
    return Exercise(id, id[:2], "text", None, task=task, criteria=tuple(criteria))


def normalise(answer: str) -> str:
    """NFKC-normalised, case-folded text with runs of white space made single spaces.

    Full-width letters, digits and punctuation (common in Chinese input) become
    their ASCII forms, so ``"？"`` and ``"?"`` compare equal.
    """
    return " ".join(unicodedata.normalize("NFKC", answer).casefold().split())


def mentions(text: str, *words: str) -> bool:
    """Whether the normalised ``text`` contains any of ``words`` (whole words for Latin ones)."""
    for word in words:
        w = normalise(word)
        if re.fullmatch(r"[a-z0-9' -]+", w):
            if re.search(rf"(?<![a-z0-9]){re.escape(w)}(?![a-z0-9])", text):
                return True
        elif w in text:
            return True
    return False


def rate(frame: pd.DataFrame, column: str, where: pd.Series | None = None) -> float:
    """Percentage of true values in ``column`` (optionally of the rows ``where``), missing ones left out."""
    values = frame[column] if where is None else frame.loc[where, column]
    return 100.0 * values.dropna().astype(bool).mean()


def z95() -> float:
    """The two-sided 95 % normal quantile, 1.959964."""
    from scipy.special import ndtri

    return float(ndtri(0.975))


def ceil(x: float) -> int:
    """Round up to a whole number (sample sizes)."""
    return math.ceil(x)
