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
from typing import Any, Callable

import numpy as np
import pandas as pd

from .. import datasets, scales
from ..errors import CsatInputError
from ..i18n import Message, has_label, label
from .glossary import glossary

__all__ = ["check", "hint", "list_exercises", "CheckResult", "Exercise", "EXERCISES", "glossary", "fingerprint"]


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
class Exercise:
    """One exercise: where it lives and how its answer is verified.

    ``expected`` is a function recomputing the right number (kind ``"number"``)
    or the fingerprint of the right option(s) (kind ``"choice"``, with the
    valid ``options``). ``tolerance`` is absolute, in the answer's unit.
    """

    id: str
    notebook: str
    kind: str
    expected: Callable[[], float] | str
    tolerance: float = 0.0
    options: str = ""
    percent: bool = False


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
        return f"<div style='color:{colour}'><b>{html.escape(self.exercise)}</b>: {html.escape(str(self.message))}</div>"


def _rate(frame: pd.DataFrame, column: str, where: pd.Series | None = None) -> float:
    values = frame[column] if where is None else frame.loc[where, column]
    return 100.0 * values.dropna().astype(bool).mean()


def _telco_churn_pct() -> float:
    return _rate(datasets.load("telco_churn"), "Churn")


def _nps_of(values: pd.Series) -> float:
    valid = pd.to_numeric(values.astype("object"), errors="coerce").dropna()
    valid = valid[valid.between(0, 10)]
    return 100.0 * ((valid >= 9).mean() - (valid <= 6).mean())


def _tracker_nps() -> float:
    return _nps_of(datasets.load("csat_tracker")["nps"])


def _tracker_csat_pct() -> float:
    scores = pd.to_numeric(datasets.load("csat_tracker")["csat"].astype("object"), errors="coerce")
    valid = scores[scores.between(1, 5)]
    return 100.0 * (valid >= 4).mean()


def _export_csat_pct() -> float:
    raw = pd.read_csv(datasets.example_file("csat_tracker_wave4_gbk.csv"), encoding="gb18030")
    scores = pd.to_numeric(raw["总体满意度"], errors="coerce")
    valid = scores[scores.between(1, 5)]
    return 100.0 * (valid >= 4).mean()


def _dealer_loyalty_ratio() -> float:
    dealer = datasets.load("auto_dealer")
    level = pd.to_numeric(dealer["overall_satisfaction"].astype("object"), errors="coerce")
    return _rate(dealer, "repurchase", level == 5) / _rate(dealer, "repurchase", level == 4)


def _member_net_spend() -> pd.Series:
    log = datasets.load("supermarket_members")
    return log.groupby("member_id", observed=True)["amount"].sum()


def _top20_share() -> float:
    spend = np.sort(_member_net_spend().to_numpy())[::-1]
    top = math.ceil(0.2 * len(spend))
    return 100.0 * spend[:top].sum() / spend.sum()


def _complaint_rate() -> float:
    return _rate(datasets.load("complaints_log"), "complained")


def _full_process_gain() -> float:
    log = datasets.load("complaints_log")
    log = log[log["complained"].astype(bool)]
    steps = [c for c in log.columns if c.startswith("step_")]
    full = log[steps].astype(bool).all(axis=1)
    return _rate(log, "repurchased", full) - _rate(log, "repurchased", ~full)


def _hotel_return_gap() -> float:
    stays = datasets.load("hotel_guests")
    like = stays[(stays["stay_number"] >= 2) & stays["preference_recorded"] & stays["returned_next_year"].notna()]
    return _rate(like, "returned_next_year", like["personalised"]) - _rate(like, "returned_next_year", ~like["personalised"])


def _purchases() -> pd.DataFrame:
    log = datasets.load("supermarket_members")
    return log[log["amount"] > 0]


def _coupon_uplift() -> float:
    buys = _purchases()
    after = buys["programme"].astype(str) == "after"
    return _rate(buys, "coupon_used", after) - _rate(buys, "coupon_used", ~after)


def _lapsing_regulars() -> float:
    buys = _purchases()
    last = buys.groupby("member_id")["date"].max()
    count = buys.groupby("member_id").size()
    return float((((pd.Timestamp("2024-07-01") - last).dt.days > 90) & (count >= 20)).sum())


def _dealer_sales_csat() -> float:
    dealer = datasets.load("auto_dealer")
    sales = dealer[dealer["visit"].astype(str) == "sales"]
    level = pd.to_numeric(sales["overall_satisfaction"].astype("object"), errors="coerce").dropna()
    return 100.0 * (level >= 4).mean()


def _clv_five_years() -> float:
    margin, retention, discount = 100.0, 0.8, 0.10
    years = np.arange(1, 6)
    return float(np.sum(margin * retention ** (years - 1) / (1 + discount) ** years))


def _z95() -> float:
    from scipy.special import ndtri

    return float(ndtri(0.975))


def _n(i: str, nb: str, f: Callable[[], float], tol: float, percent: bool = False) -> Exercise:
    return Exercise(i, nb, "number", f, tol, percent=percent)


def _c(i: str, nb: str, digest: str, options: str) -> Exercise:
    return Exercise(i, nb, "choice", digest, options=options)


_LIST = [
    _n("00.scale_points", "00", lambda: len(scales.get("satisfaction5").values), 0),
    _c("01.disconfirmation", "01", "afb3b6c6bf3aa00d045a", "abc"),
    _c("01.internal_customer", "01", "8c941e1c5efb0fb7de9a", "abcd"),
    _n("01.ford_lifetime", "01", lambda: 12 * 300_000, 1),
    _n("01.replacement_cost", "01", lambda: 200 * (5 * 50 - 50), 1),
    _n("01.loyalty_ratio", "01", _dealer_loyalty_ratio, 0.05),
    _n("02.margin_of_error", "02", lambda: 100 * _z95() * math.sqrt(0.25 / 400), 0.05, percent=True),
    _n("02.sample_size", "02", lambda: math.ceil(_z95() ** 2 * 0.25 / 0.03**2), 1),
    _c("02.double_barrelled", "02", "eef2ac7e4f8a74b06d21", "abcd"),
    _n("02.tracker_csat", "02", _tracker_csat_pct, 0.15, percent=True),
    _n("02.export_csat", "02", _export_csat_pct, 0.15, percent=True),
    _n("03.tracker_nps", "03", _tracker_nps, 0.15),
    _c("03.ipa_quadrant", "03", "7a0b1ba1f5250aacd08b", "abcd"),
    _c("03.causation", "03", "8f18c45c219ac13f0fff", "abc"),
    _n("04.churn_rate", "04", lambda: 100 * 150 / 1200, 0.05, percent=True),
    _n("04.annual_churn", "04", lambda: 100 * (1 - 0.98**12), 0.05, percent=True),
    _n("04.telco_churn", "04", _telco_churn_pct, 0.05, percent=True),
    _n("04.clv", "04", _clv_five_years, 0.5),
    _c("04.winback", "04", "b95e5403ff0e0c9d213a", "abc"),
    _n("05.top20_share", "05", _top20_share, 0.5, percent=True),
    _c("05.sales_path", "05", "fc2ff251402f43a232f5", "abcd"),
    _c("05.seven_p", "05", "d4f0f326b78a0a71d873", "abcd"),
    _n("06.complaint_rate", "06", _complaint_rate, 0.05, percent=True),
    _c("06.next_step", "06", "926acf8df3737b6d7438", "abcd"),
    _n("06.full_process_gain", "06", _full_process_gain, 0.5),
    _c("07.carrot_juice", "07", "38e0baab3a356fd58fd6", "abcd"),
    _c("07.phone_booth", "07", "fd93ea029603a99bd4f9", "abcd"),
    _n("07.hotel_return_gap", "07", _hotel_return_gap, 0.5),
    _n("07.coupon_uplift", "07", _coupon_uplift, 0.2),
    _n("07.lapsing_regulars", "07", _lapsing_regulars, 0),
    _n("07.dealer_sales_csat", "07", _dealer_sales_csat, 0.15, percent=True),
    _c("08.report_ci", "08", "99e3b2f3c0086a9e460d", "abc"),
]
#: Every exercise of the course, by id (``"NN.name"``, NN = notebook number).
EXERCISES: dict[str, Exercise] = {e.id: e for e in _LIST}


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
        return CheckResult(ex.id, "correct", Message("exercise.correct", id=ex.id, checks=verified[0]), verified)
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
        return CheckResult(ex.id, "correct", Message("exercise.correct", id=ex.id, checks=verified[0]), verified)
    tip = Message(f"exercise.{ex.id}.hint")
    return CheckResult(ex.id, "incorrect", Message("exercise.incorrect", id=ex.id, hint=tip), verified)


def check(exercise_id: str, answer: Any) -> CheckResult:
    """Check an exercise answer without revealing the right one.

    Parameters
    ----------
    exercise_id : str
        The id printed in the exercise, e.g. ``"04.churn_rate"``.
    answer : number, str or list
        A number for numeric exercises (percentages as percent, e.g. 12.5),
        a letter or letters (``"b"``, ``"a, c"``) for choice exercises, or
        ``None`` while you are still working on it. NaN and infinities are
        not answers: the check says so (status ``"unchecked"``) rather than
        comparing them.

    Returns
    -------
    CheckResult
        ``status`` is ``"correct"``, ``"incorrect"`` (with a hint),
        ``"unanswered"`` or ``"unchecked"`` (the check could not run, and the
        message says why). ``verified`` lists what was actually compared.

    Notes
    -----
    Numeric answers pass when ``|answer - expected| <= tolerance``, with the
    expected value recomputed from the exercise data at check time. Choice
    answers pass when their SHA-256 fingerprint (salted with the exercise id;
    NIST FIPS 180-4, 2015) equals the stored one.

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
    return _check_number(ex, answer) if ex.kind == "number" else _check_choice(ex, answer)


def _notebook_number(notebook: object) -> str:
    """``"04"`` from ``"04"``, ``"04_churn_and_retention"`` or ``4``; an unknown notebook lists the known ones."""
    known = sorted({e.notebook for e in _LIST})
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
    """Table of exercises (id, notebook, kind, hint available), optionally for one notebook.

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
        One row per exercise in course order: id, notebook, kind (number or
        choice, in the current language) and whether a hint exists; column
        headers in the current language.

    Examples
    --------
    >>> list_exercises("04").iloc[:2, 0].tolist()
    ['04.churn_rate', '04.annual_churn']
    """
    wanted = None if notebook is None else _notebook_number(notebook)
    rows = [
        (e.id, e.notebook, label(f"exercise.kind.{e.kind}"), has_label(f"exercise.{e.id}.hint"))
        for e in _LIST
        if wanted is None or e.notebook == wanted
    ]
    columns = [label(f"exercise.column.{c}") for c in ("exercise", "notebook", "kind", "hint")]
    return pd.DataFrame(rows, columns=columns)
