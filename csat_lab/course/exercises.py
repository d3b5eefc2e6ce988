"""Self-checks for the course exercises: ``cl.check(exercise_id, answer)``.

A check says whether an answer is right, or gives a hint; it never shows the
expected answer. Numeric answers are compared with a value *recomputed* at
check time from the exercise's inputs or from the shipped dataset, within a
stated tolerance. Choice answers are compared with a salted SHA-256
fingerprint, so the right letter is not written anywhere in plain text.

Every check reports what it actually verified. When it cannot run (no answer
yet, an answer of the wrong kind, a dataset that is not installed) it says so
and does not pretend to have checked anything.

Examples
--------
>>> import csat_lab as cl
>>> cl.check("00.scale_points", 5).correct
True
>>> result = cl.check("00.scale_points", 7)
>>> result.status, result.message.count("5")
('incorrect', 0)
>>> cl.check("00.scale_points", None).status
'unanswered'
"""

from __future__ import annotations

import decimal
import hashlib
import html
import math
import numbers
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CsatInputError
from ..i18n import Message, has_label, label
from . import bank
from .bank._make import Criterion, Exercise, normalise
from .glossary import glossary

__all__ = ["check", "hint", "list_exercises", "CheckResult", "Exercise", "Criterion", "EXERCISES",
           "glossary", "fingerprint"]


def fingerprint(exercise_id: str, answer: Any) -> str:
    """Salted SHA-256 fingerprint of a normalised choice answer.

    Letters are lower-cased and sorted, so ``"B, a"`` and ``["a", "b"]`` agree.

    Parameters
    ----------
    exercise_id : str
        The exercise id, the salt (the same letters give another fingerprint
        in another exercise).
    answer : str or sequence
        The chosen option(s): a text whose letters and digits are the options
        (``"a, c"``), or a sequence of options.

    Returns
    -------
    str
        The first 20 hexadecimal digits of
        ``SHA-256("csat_lab:<exercise_id>:<sorted options>")``.

    Examples
    --------
    >>> fingerprint("x", "B, a") == fingerprint("x", ["a", "b"])
    True
    """
    if isinstance(answer, str):
        letters = [c for c in answer.lower() if c.isalnum()]
    else:
        letters = [str(a).strip().lower() for a in answer]
    key = "".join(sorted(letters))
    return hashlib.sha256(f"csat_lab:{exercise_id}:{key}".encode()).hexdigest()[:20]


@dataclass(frozen=True)
class CheckResult:
    """Outcome of :func:`check`: status, the message shown, and what was verified.

    ``message`` and ``verified`` are :class:`~csat_lab.i18n.Message` objects:
    they show in the current language whenever the result is displayed. The
    result is true (``bool(result)``) when the answer is correct.

    Attributes
    ----------
    exercise : str
        The exercise id.
    status : str
        ``"correct"``, ``"incorrect"``, ``"unanswered"`` (no answer yet) or
        ``"unchecked"`` (the check could not run; ``message`` says why).
    message : Message
        What is shown: the verdict, with a hint when incorrect, never the answer.
    verified : tuple of Message
        What was actually compared (empty when nothing was).
    correct : bool
        Whether ``status`` is ``"correct"``.
    """

    exercise: str
    status: str
    message: str
    verified: tuple[str, ...] = field(default=())

    @property
    def correct(self) -> bool:
        """Whether the answer was right (``status == "correct"``)."""
        return self.status == "correct"

    def __bool__(self) -> bool:
        return self.correct

    def __repr__(self) -> str:
        return str(self.message)

    def _repr_html_(self) -> str:
        colour = {"correct": "#1a7f37", "incorrect": "#b35900"}.get(self.status, "#555555")
        # the message names the exercise once; bold that mention rather than repeating the id
        text = html.escape(str(self.message)).replace(html.escape(self.exercise), f"<b>{html.escape(self.exercise)}</b>", 1)
        return f"<div style='color:{colour}'>{text}</div>"


#: Every exercise of the course, by id (``"NN.name"``, NN = notebook number), in course order.
EXERCISES: dict[str, Exercise] = {e.id: e for e in bank.ALL}


def _get(exercise_id: str) -> Exercise:
    if not isinstance(exercise_id, str):
        raise CsatInputError(f"exercise_id must be the exercise's id as text, such as '04.churn_rate'; "
                             f"got {exercise_id!r}")
    if exercise_id not in EXERCISES:
        raise CsatInputError(
            f"no exercise {exercise_id!r}; exercises are: {', '.join(EXERCISES)}"
        )
    return EXERCISES[exercise_id]


def hint(exercise_id: str) -> str:
    """The hint of an exercise, in the current language (never the answer).

    Parameters
    ----------
    exercise_id : str
        The id printed in the exercise, e.g. ``"04.churn_rate"``; an unknown id
        raises :class:`~csat_lab.errors.CsatInputError` listing the ids.

    Returns
    -------
    str
        The hint text.

    Examples
    --------
    >>> len(hint("04.churn_rate")) > 10
    True
    """
    _get(exercise_id)
    return label(f"exercise.{exercise_id}.hint")


def _as_number(answer: Any) -> float | None:
    if isinstance(answer, (bool, np.bool_)):
        return None
    if isinstance(answer, (numbers.Real, decimal.Decimal)):
        try:
            return float(answer)
        except OverflowError:  # an integer beyond the float range
            return math.inf if answer > 0 else -math.inf
        except ValueError:  # a signalling Decimal NaN
            return math.nan
    if isinstance(answer, (np.ndarray, pd.Series)) and answer.size == 1:
        return _as_number(answer.reshape(-1)[0] if isinstance(answer, np.ndarray) else answer.iloc[0])
    return None


def _unchecked(ex: Exercise, reason: str) -> CheckResult:
    return CheckResult(ex.id, "unchecked", Message("exercise.unchecked", id=ex.id, reason=reason))


def _correct(ex: Exercise, verified: tuple[Message, ...]) -> CheckResult:
    if len(verified) > 1:  # rubric points: one list, without each point's own full stop
        items = label("exercise.verified.separator").join(str(v).rstrip("。.") for v in verified)
        checks = Message("exercise.verified.list", items=items)
    else:
        checks = verified[0]
    why = Message(f"exercise.{ex.id}.why")
    return CheckResult(ex.id, "correct", Message("exercise.correct", id=ex.id, why=why, checks=checks), verified)


def _check_number(ex: Exercise, answer: Any) -> CheckResult:
    value = _as_number(answer)
    if value is None:
        return _unchecked(ex, Message("exercise.reason.not_number", kind=type(answer).__name__))
    if not math.isfinite(value):
        return _unchecked(ex, Message("exercise.reason.not_finite", value=str(value)))
    try:
        expected = float(ex.expected())  # type: ignore[operator]
    except CsatInputError:
        return _unchecked(ex, Message("exercise.reason.no_data"))
    tol = ex.tolerance + 1e-9 * max(1.0, abs(expected))
    verified = (Message("exercise.verified.number", tol=f"{ex.tolerance:g}"),)
    if abs(value - expected) <= tol:
        return _correct(ex, verified)
    tip = Message(f"exercise.{ex.id}.hint")
    if ex.percent and abs(100 * value - expected) <= tol:
        tip = Message("exercise.hint.percent")
    return CheckResult(ex.id, "incorrect", Message("exercise.incorrect", id=ex.id, hint=tip), verified)


def _check_choice(ex: Exercise, answer: Any) -> CheckResult:
    letters = answer.lower() if isinstance(answer, str) else "".join(str(a).lower() for a in answer) if isinstance(answer, (list, tuple, set)) else None
    picked = [c for c in (letters or "") if c.isalnum()]
    if not picked or any(c not in ex.options for c in picked):
        return _unchecked(ex, Message("exercise.reason.not_choice", options=", ".join(ex.options)))
    verified = (Message("exercise.verified.choice"),)
    if fingerprint(ex.id, picked) == ex.expected:
        return _correct(ex, verified)
    tip = Message(f"exercise.{ex.id}.hint")
    return CheckResult(ex.id, "incorrect", Message("exercise.incorrect", id=ex.id, hint=tip), verified)


def _check_text(ex: Exercise, answer: Any) -> CheckResult:
    if not isinstance(answer, str):
        return _unchecked(ex, Message("exercise.reason.not_text", kind=type(answer).__name__))
    written = normalise(answer)
    if len(written) < 2:
        return _unchecked(ex, Message("exercise.reason.empty_text"))
    verified: list[Message] = []
    for criterion in ex.criteria:
        point = Message(f"exercise.{ex.id}.rubric.{criterion.key}")
        if not criterion.test(written):
            return CheckResult(ex.id, "incorrect", Message("exercise.incorrect", id=ex.id, hint=point), tuple(verified))
        verified.append(point)
    return _correct(ex, tuple(verified))


def check(exercise_id: str, answer: Any) -> CheckResult:
    """Check an exercise answer without revealing the right one.

    Parameters
    ----------
    exercise_id : str
        The id printed in the exercise, e.g. ``"04.churn_rate"``.
    answer : number, str or list
        A number for numeric exercises (percentages as percent, e.g. 12.5),
        a letter or letters (``"b"``, ``"a, c"``) for choice exercises, a
        sentence or paragraph for written exercises (a rewritten question, a
        reply to a customer), or ``None`` while you are still working on it. NaN and infinities are
        not answers: the check says so (status ``"unchecked"``) rather than
        comparing them.

    Returns
    -------
    CheckResult
        ``status`` is ``"correct"`` (with one or two sentences on why it is
        right), ``"incorrect"`` (with a hint), ``"unanswered"`` or
        ``"unchecked"`` (the check could not run, and the message says why).
        ``verified`` lists what was actually compared.

    Notes
    -----
    Numeric answers pass when ``|answer - expected| <= tolerance``, with the
    expected value recomputed from the exercise data at check time. Choice
    answers pass when their SHA-256 fingerprint (salted with the exercise id;
    NIST FIPS 180-4, 2015) equals the stored one. Written answers pass when
    they meet every point of the exercise's rubric; the first point missed is
    the hint. A rubric checks words and structure, not meaning: the trainer
    edition has a model answer to compare with.

    Examples
    --------
    >>> check("04.churn_rate", 0.125).message.startswith("✘")
    True
    >>> check("nope", 1)
    Traceback (most recent call last):
    ...
    csat_lab.errors.CsatInputError: no exercise 'nope'; exercises are: ...
    """
    ex = _get(exercise_id)
    if answer is None or answer is Ellipsis:
        return CheckResult(ex.id, "unanswered", Message("exercise.unanswered", id=ex.id))
    checker = {"number": _check_number, "choice": _check_choice, "text": _check_text}[ex.kind]
    return checker(ex, answer)


def _notebook_number(notebook: object) -> str:
    """``"04"`` from ``"04"``, ``"04_churn_and_retention"`` or ``4``; an unknown notebook lists the known ones."""
    known = sorted({e.notebook for e in bank.ALL})
    if isinstance(notebook, (int, np.integer)) and not isinstance(notebook, (bool, np.bool_)):
        number = f"{int(notebook):02d}"
    elif isinstance(notebook, str):
        text = notebook.strip()
        number = f"{int(text):02d}" if text.isdigit() and len(text) <= 2 else text[:2]
    else:
        raise CsatInputError(f"notebook must be a notebook number such as '04' or a name such as "
                             f"'04_churn_and_retention'; got {notebook!r}")
    if number not in known:
        raise CsatInputError(f"no exercises in notebook {notebook!r}; notebooks with exercises are: {', '.join(known)}")
    return number


def list_exercises(notebook: str | None = None) -> pd.DataFrame:
    """Table of exercises (id, notebook, task, answer kind, hint available), optionally for one notebook.

    Parameters
    ----------
    notebook : str or int, optional
        Notebook number (``"04"`` or ``4``) or name (``"04_churn_and_retention"``;
        its first two characters are used); all exercises when omitted. A
        notebook without exercises raises :class:`~csat_lab.errors.CsatInputError`
        listing those that have some.

    Returns
    -------
    pandas.DataFrame
        One row per exercise in course order: id, notebook, task (recall,
        compute or transfer to a new situation), answer kind (number, choice
        or text) and whether a hint exists; tasks, kinds and column headers in
        the current language.

    Examples
    --------
    >>> list_exercises("04").iloc[:2, 0].tolist()
    ['04.churn_rate', '04.annual_churn']
    """
    wanted = None if notebook is None else _notebook_number(notebook)
    rows = [
        (e.id, e.notebook, label(f"exercise.task.{e.task}"), label(f"exercise.kind.{e.kind}"),
         has_label(f"exercise.{e.id}.hint"))
        for e in bank.ALL
        if wanted is None or e.notebook == wanted
    ]
    columns = [label(f"exercise.column.{c}") for c in ("exercise", "notebook", "task", "kind", "hint")]
    return pd.DataFrame(rows, columns=columns)
