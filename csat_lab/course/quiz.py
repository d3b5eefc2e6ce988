"""Pre/post quizzes: one short quiz per notebook, auto-scored, in English and Simplified Chinese.

``cl.course.quiz("04")`` returns the quiz of notebook 04. A learner answers it before the
notebook and again after it; :meth:`Quiz.check` marks one answer the way ``cl.check`` does
(why it is right, or a hint that never gives the answer), :meth:`Quiz.score` marks a whole
set of answers and :meth:`Quiz.compare` sets a learner's pre and post answers side by side.
:meth:`Quiz.to_markdown` prints the quiz for the handouts (learner version with blank answer
lines, trainer version with answers and explanations), and :func:`quiz_summary` gives the
trainer one table of every question, its answer and what it checks.

Question kinds: ``"single"`` (one letter), ``"multiple"`` (all letters that apply),
``"number"`` (a short calculation, accepted within a tolerance) and ``"truefalse"`` (a
verdict and the reason, one of the lettered options: ``"false, b"``). Tasks: ``"recall"``,
``"compute"`` and ``"apply"`` (the idea in a new situation).

Storage
-------
Each quiz is one bilingual file, ``csat_lab/course/quizzes/qNN.json``. Choice and true/false
answers are stored only as the salted SHA-256 fingerprint the exercise bank uses
(:func:`csat_lab.course.exercises.fingerprint`, salt ``"quiz.NN.<id>"``), so the right
letter is not written in the package; the trainer version finds it by trying every
combination of options. Numeric answers are stored as their calculation (``"100 * 96 / 800"``),
evaluated when checked: the calculation is the model answer the trainer prints, and a quiz
is low-stakes enough that this is acceptable. The explanations (``why``) are plain text.
To change a choice answer, store ``fingerprint("quiz.NN.<id>", letters)``; for a true/false
question the letters are ``"t"`` or ``"f"`` plus the reason letter.

Examples
--------
>>> q = quiz("04")
>>> 8 <= len(q.questions) <= 12
True
>>> q.check("january_churn", 12).status
'correct'
>>> q.check("january_churn", 16.5).status
'incorrect'
"""

from __future__ import annotations

import ast
import decimal
import html
import itertools
import json
import math
import operator
import re
import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CsatInputError
from ..i18n import LANGUAGES, get_language, label, resolve_language
from .exercises import _as_number, fingerprint

__all__ = [
    "KINDS",
    "PAGE_BREAK",
    "TASKS",
    "Question",
    "Quiz",
    "QuizResult",
    "QuizScore",
    "list_quizzes",
    "quiz",
    "quiz_summary",
]

#: Question kinds.
KINDS: tuple[str, ...] = ("single", "multiple", "number", "truefalse")
#: What a question asks of the learner: recall, compute, or apply an idea to a new situation.
TASKS: tuple[str, ...] = ("recall", "compute", "apply")
#: The line that starts a new printed page in the handouts.
PAGE_BREAK = '<div class="page-break"></div>'

_FOLDER = Path(__file__).with_name("quizzes")
_TRUE = {"t", "true", "yes", "y", "对", "正确", "是"}
_FALSE = {"f", "false", "no", "n", "错", "错误", "否", "不对"}


_lang = resolve_language


# --------------------------------------------------------------------------- numbers

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
        ast.Pow: operator.pow}


def _evaluate(expression: str) -> float:
    """Value of an arithmetic expression (numbers, + - * / **, brackets); nothing else is allowed."""
    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return float(node.value)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            value = walk(node.operand)
            return -value if isinstance(node.op, ast.USub) else value
        raise ValueError(f"not plain arithmetic: {expression!r}")
    return float(walk(ast.parse(expression, mode="eval")))


def _decimals(tolerance: float) -> int:
    """Decimals worth showing for a value checked within ``tolerance`` (0.05 -> 2, 0.5 -> 1, 1 -> 0)."""
    return max(0, -int(decimal.Decimal(repr(float(tolerance))).normalize().as_tuple().exponent))


def _show(value: float, tolerance: float) -> str:
    digits = _decimals(tolerance)
    text = f"{round(value, digits):,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# --------------------------------------------------------------------------- results

@dataclass(frozen=True)
class QuizResult:
    """Outcome of :meth:`Quiz.check`: the status and the message, in both languages.

    Attributes
    ----------
    question : str
        The question id, ``"NN.name"``.
    status : str
        ``"correct"``, ``"incorrect"`` (with a hint, never the answer), ``"unanswered"`` or
        ``"unchecked"`` (the answer could not be compared; the message says why).
    messages : dict
        Language code -> message text; :attr:`message` gives it in the current language.
    """

    question: str
    status: str
    messages: Mapping[str, str] = field(repr=False)

    @property
    def message(self) -> str:
        """The message in the current language."""
        return self.messages[get_language()]

    @property
    def correct(self) -> bool:
        """Whether the answer was right (``status == "correct"``)."""
        return self.status == "correct"

    def render(self, language: str | None = None) -> str:
        """The message in ``language`` (default: the current language)."""
        return self.messages[_lang(language)]

    def __bool__(self) -> bool:
        return self.correct

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        colour = {"correct": "#1a7f37", "incorrect": "#b35900"}.get(self.status, "#555555")
        return f"<div style='color:{colour}'>{_inline_html(self.message)}</div>"


def _message(key: str, qid: str, **values: Mapping[str, str] | str) -> dict[str, str]:
    out = {}
    for lang in LANGUAGES:
        filled = {k: (v[lang] if isinstance(v, Mapping) else v) for k, v in values.items()}
        out[lang] = label(key, lang, id=qid, **filled)
    return out


def _result(qid: str, status: str, key: str, **values: Any) -> QuizResult:
    return QuizResult(qid, status, _message(key, qid, **values))


def _unchecked(qid: str, reason_key: str, **values: Any) -> QuizResult:
    reason = {lang: label(reason_key, lang, **values) if values else label(reason_key, lang) for lang in LANGUAGES}
    return _result(qid, "unchecked", "quiz.unchecked", reason=reason)


# --------------------------------------------------------------------------- questions

def _letters(answer: Any) -> list[str] | None:
    if isinstance(answer, str):
        return [c for c in unicodedata.normalize("NFKC", answer).lower() if c.isalnum()]
    if isinstance(answer, (list, tuple, set)) and all(isinstance(a, str) for a in answer):
        return sorted(c for a in answer for c in a.lower() if c.isalnum())
    return None


def _verdict_and_reason(answer: Any) -> tuple[str, str] | None:
    """``("t"|"f", letter)`` from ``(False, "b")``, ``"false, b"``, ``"F b"`` or ``"错，b"``; else None."""
    if isinstance(answer, (list, tuple)) and len(answer) == 2:
        verdict, reason = answer
        if isinstance(verdict, bool):
            verdict = "t" if verdict else "f"
        tokens = [str(verdict), str(reason)]
    elif isinstance(answer, str):
        tokens = [t for t in re.split(r"[\s,;:/|、，；：。.()（）]+", unicodedata.normalize("NFKC", answer).lower()) if t]
    else:
        return None
    if len(tokens) != 2:
        return None
    word, reason = (t.strip().lower() for t in tokens)
    verdict = "t" if word in _TRUE else "f" if word in _FALSE else None
    if verdict is None or len(reason) != 1:
        return None
    return verdict, reason


@dataclass(frozen=True, eq=False)
class Question:
    """One quiz question, read from ``quizzes/qNN.json``.

    Attributes
    ----------
    notebook, name : str
        The notebook number (``"04"``) and the question's short name; ``id`` is ``"NN.name"``.
    kind, task : str
        One of :data:`KINDS` and one of :data:`TASKS`.
    topic, text, hint, why, checks : dict
        Language -> text: a short title, the question, the hint after a wrong answer, the
        explanation after a right one, and what the question checks (for the trainer).
    options : dict
        Letter -> {language: text}: the choices, or for true/false the reasons.
    answer : dict
        ``{"fingerprint": ...}`` (choice, true/false) or ``{"expression", "tolerance", "unit"}``.
    traps : tuple
        Known wrong numeric answers with their own hint: ``({"value": ..., "hint": {...}}, ...)``.
    """

    notebook: str
    name: str
    kind: str
    task: str
    topic: Mapping[str, str]
    text: Mapping[str, str]
    hint: Mapping[str, str]
    why: Mapping[str, str]
    checks: Mapping[str, str]
    options: Mapping[str, Mapping[str, str]]
    answer: Mapping[str, Any]
    traps: tuple[Mapping[str, Any], ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS or self.task not in TASKS:
            raise ValueError(f"quiz question {self.id}: kind {self.kind!r} / task {self.task!r} unknown")
        if self.kind == "number":
            _evaluate(self.answer["expression"])
        elif len(self.options) < 2:
            raise ValueError(f"quiz question {self.id}: a {self.kind} question needs options")

    @property
    def id(self) -> str:
        """``"NN.name"``, the id shown in messages."""
        return f"{self.notebook}.{self.name}"

    @property
    def salt(self) -> str:
        return f"quiz.{self.id}"

    def expected(self) -> float:
        """The right value of a numeric question (its stored calculation, evaluated)."""
        return _evaluate(self.answer["expression"])

    def model_answer(self) -> Any:
        """The right answer: a number, letters (``"b"``, ``"a, c"``) or ``(verdict, letter)``.

        Choice answers are found by trying every combination of options against the
        stored fingerprint; a question whose fingerprint matches no combination (a typo in
        the file) raises ``ValueError``.
        """
        return _model_answer(self)

    def check(self, answer: Any) -> QuizResult:
        """Mark ``answer``; see :meth:`Quiz.check`."""
        if answer is None or answer is Ellipsis:
            return _result(self.id, "unanswered", "quiz.unanswered")
        return {"single": self._check_choice, "multiple": self._check_choice, "number": self._check_number,
                "truefalse": self._check_truefalse}[self.kind](answer)

    def _right(self) -> QuizResult:
        return _result(self.id, "correct", "quiz.correct", why=self.why)

    def _wrong(self, hint: Mapping[str, str] | None = None) -> QuizResult:
        return _result(self.id, "incorrect", "quiz.incorrect", hint=hint or self.hint)

    def _check_choice(self, answer: Any) -> QuizResult:
        letters = _letters(answer)
        options = ", ".join(self.options)
        if not letters or any(c not in self.options for c in letters):
            return _unchecked(self.id, "quiz.reason.not_choice", options=options)
        if self.kind == "single" and len(set(letters)) != 1:
            return _unchecked(self.id, "quiz.reason.one_letter", options=options)
        return self._right() if fingerprint(self.salt, sorted(set(letters))) == self.answer["fingerprint"] else self._wrong()

    def _check_truefalse(self, answer: Any) -> QuizResult:
        parsed = _verdict_and_reason(answer)
        if parsed is None or parsed[1] not in self.options:
            return _unchecked(self.id, "quiz.reason.not_truefalse", options=", ".join(self.options))
        return self._right() if fingerprint(self.salt, list(parsed)) == self.answer["fingerprint"] else self._wrong()

    def _check_number(self, answer: Any) -> QuizResult:
        value = _as_number(answer)
        if value is None:
            return _unchecked(self.id, "quiz.reason.not_number", kind=type(answer).__name__)
        if not math.isfinite(value):
            return _unchecked(self.id, "quiz.reason.not_finite", value=str(value))
        expected, tol = self.expected(), float(self.answer["tolerance"])
        slack = tol + 1e-9 * max(1.0, abs(expected))
        if abs(value - expected) <= slack:
            return self._right()
        for trap in self.traps:
            if abs(value - float(trap["value"])) <= slack:
                return self._wrong(trap["hint"])
        if abs(expected) >= 1 and abs(100 * value - expected) <= slack:
            return self._wrong({lang: label("quiz.hint.percent", lang) for lang in LANGUAGES})
        return self._wrong()

    def answer_text(self, language: str | None = None) -> str:
        """The model answer as the trainer reads it, in ``language``."""
        lang = _lang(language)
        answer = self.model_answer()
        if self.kind == "number":
            tol = float(self.answer["tolerance"])
            return label("quiz.trainer.number", lang, value=_show(answer, tol), unit=self.answer["unit"][lang],
                         tol=f"{tol:g}", expression=self.answer["expression"])
        sep = "；" if lang == "zh-CN" else "; "
        if self.kind == "truefalse":
            verdict, letter = answer
            reason = self.options[letter][lang]
            word = label("quiz.true" if verdict else "quiz.false", lang)
            if reason.casefold().startswith(word.casefold()):  # the reason already states the verdict
                return f"({letter}) {reason}"
            comma = "，" if lang == "zh-CN" else ", "
            return f"{word}{comma}({letter}) {reason}"
        return sep.join(f"({c}) {self.options[c][lang]}" for c in answer.split(", "))


@cache
def _model_answer(question: Question) -> Any:
    if question.kind == "number":
        return question.expected()
    letters = sorted(question.options)
    if question.kind == "truefalse":
        found = [(v == "t", r) for v in "tf" for r in letters
                 if fingerprint(question.salt, [v, r]) == question.answer["fingerprint"]]
    else:
        sizes = [1] if question.kind == "single" else range(1, len(letters) + 1)
        found = [", ".join(combo) for size in sizes for combo in itertools.combinations(letters, size)
                 if fingerprint(question.salt, list(combo)) == question.answer["fingerprint"]]
    if len(found) != 1:
        raise ValueError(f"quiz question {question.id}: its fingerprint matches {len(found)} answers, not one")
    return found[0]


# --------------------------------------------------------------------------- the quiz

@dataclass(frozen=True)
class QuizScore:
    """Outcome of :meth:`Quiz.score`: how many answers were right, and each question's status.

    Attributes
    ----------
    correct, total : int
        Right answers, and the number of questions in the quiz.
    results : tuple of QuizResult
        One per question, in quiz order (``"unanswered"`` where no answer was given).
    """

    correct: int
    total: int
    results: tuple[QuizResult, ...]

    @property
    def fraction(self) -> float:
        """Share of questions answered correctly (0 to 1)."""
        return self.correct / self.total

    def table(self, language: str | None = None) -> pd.DataFrame:
        """Question id and status (in ``language``), one row per question."""
        lang = _lang(language)
        return pd.DataFrame({label("quiz.column.question", lang): [r.question for r in self.results],
                             label("quiz.column.status", lang): [label(f"quiz.status.{r.status}", lang)
                                                                 for r in self.results]})

    def __str__(self) -> str:
        return label("quiz.score", get_language(), correct=self.correct, total=self.total)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return f"<p><b>{html.escape(str(self))}</b></p>" + self.table().to_html(index=False)


class Quiz:
    """The quiz of one notebook: its questions, checks, scoring and printable versions.

    Made by :func:`quiz`; shown in a notebook it lists the questions and options without
    the answers.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.notebook: str = data["notebook"]
        self.title: Mapping[str, str] = data["title"]
        self.intro: Mapping[str, str] = data["intro"]
        self.questions: tuple[Question, ...] = tuple(
            Question(self.notebook, q["id"], q["kind"], q["task"], q["topic"], q["text"], q["hint"], q["why"],
                     q["checks"], q.get("options", {}), q["answer"], tuple(q.get("traps", ())))
            for q in data["questions"])

    def __len__(self) -> int:
        return len(self.questions)

    def __iter__(self) -> Iterator[Question]:
        return iter(self.questions)

    def question(self, qid: str | int) -> Question:
        """A question by short name (``"denominator"``), full id (``"04.denominator"``) or number (1 = first)."""
        if isinstance(qid, int) and not isinstance(qid, bool):
            if 1 <= qid <= len(self.questions):
                return self.questions[qid - 1]
        elif isinstance(qid, str):
            name = qid.strip()
            if name.startswith(f"{self.notebook}."):
                name = name[3:]
            for q in self.questions:
                if q.name == name:
                    return q
        names = ", ".join(q.name for q in self.questions)
        raise CsatInputError(f"no question {qid!r} in quiz {self.notebook}; its questions are "
                             f"1 to {len(self.questions)}: {names}")

    def check(self, qid: str | int, answer: Any) -> QuizResult:
        """Mark one answer: why it is right, or a hint that never gives the answer.

        Parameters
        ----------
        qid : str or int
            The question's short name, ``"NN.name"`` or its number in the quiz (1 = first).
        answer : str, number, tuple or None
            One letter (``"b"``), several (``"a, c"``), a number, or for true/false the
            verdict and the reason letter (``"false, b"`` or ``(False, "b")``); ``None``
            while still working on it.

        Returns
        -------
        QuizResult
            Status ``"correct"``, ``"incorrect"``, ``"unanswered"`` or ``"unchecked"``, and
            the message in the current language.
        """
        return self.question(qid).check(answer)

    def score(self, answers: Mapping[str | int, Any]) -> QuizScore:
        """Mark a set of answers (question -> answer); questions left out count as unanswered.

        Parameters
        ----------
        answers : mapping
            Question (short name, id or number) -> answer, as for :meth:`check`.

        Returns
        -------
        QuizScore
            Right answers out of all the quiz's questions, and each question's result.
        """
        given = {self.question(k).name: v for k, v in answers.items()}
        results = tuple(q.check(given.get(q.name)) for q in self.questions)
        return QuizScore(sum(r.correct for r in results), len(results), results)

    def compare(self, pre: Mapping[str | int, Any], post: Mapping[str | int, Any],
                language: str | None = None) -> pd.DataFrame:
        """A learner's answers before and after the notebook, side by side.

        Parameters
        ----------
        pre, post : mapping
            Question -> answer, before and after the notebook.
        language : str, optional
            Language of the headers and statuses; default the current language.

        Returns
        -------
        pandas.DataFrame
            One row per question (its topic) with the status before and after, and a last
            row with the scores.
        """
        lang = _lang(language)
        before, after = self.score(pre), self.score(post)
        rows = [(q.topic[lang], label(f"quiz.status.{a.status}", lang), label(f"quiz.status.{b.status}", lang))
                for q, a, b in zip(self.questions, before.results, after.results)]
        rows.append(("Σ", f"{before.correct} / {before.total}", f"{after.correct} / {after.total}"))
        return pd.DataFrame(rows, columns=[label(f"quiz.column.{c}", lang) for c in ("question", "pre", "post")])

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """The quiz for printing: learner version with answer lines, or trainer version with answers.

        Parameters
        ----------
        language : str, optional
            ``"en"`` or ``"zh-CN"``; default the current language.
        trainer : bool, default False
            Add, under each question, the answer, why it is right, what it checks, the hint
            and the common wrong answers.

        Returns
        -------
        str
            Markdown: a ``##`` heading for the quiz and a ``###`` heading per question.
        """
        lang = _lang(language)
        out = [f"## {label('quiz.title', lang, notebook=self.notebook, title=self.title[lang])}", "",
               self.intro[lang], ""]
        if not trainer:
            out += [label("quiz.how", lang, notebook=self.notebook, example=self.questions[0].name), "",
                    label("quiz.sheet", lang, total=len(self.questions)), ""]
        for n, q in enumerate(self.questions, 1):
            out += [f"### {label('quiz.question', lang, n=n, topic=q.topic[lang])}", "", q.text[lang], ""]
            unit = q.answer["unit"][lang] if q.kind == "number" else ""
            kind = label(f"quiz.kind.{q.kind}", lang, unit=unit) if q.kind == "number" else label(f"quiz.kind.{q.kind}", lang)
            out += [f"*{kind}*", ""]
            out += [f"- ({k}) {v[lang]}" for k, v in q.options.items()]
            if q.options:
                out.append("")
            if not trainer:
                out += [label("quiz.blank.truefalse" if q.kind == "truefalse" else "quiz.blank", lang), ""]
                continue
            colon, sep = ("：", "；") if lang == "zh-CN" else (":", "; ")
            task = label(f"quiz.task.{q.task}", lang)
            task = f"（{task}）" if lang == "zh-CN" else f" ({task})"
            out += [f"- **{label('quiz.trainer.answer', lang)}{colon}** {q.answer_text(lang)}",
                    f"- **{label('quiz.trainer.why', lang)}{colon}** {q.why[lang]}",
                    f"- **{label('quiz.trainer.checks', lang)}{colon}** {q.checks[lang]}{task}",
                    f"- **{label('quiz.trainer.hint', lang)}{colon}** {q.hint[lang]}"]
            if q.traps:
                traps = sep.join(f"{_show(float(t['value']), 0.001)}{colon}{t['hint'][lang]}" for t in q.traps)
                out.append(f"- **{label('quiz.trainer.traps', lang)}{colon}** {traps}")
            out.append("")
        return "\n".join(out).rstrip() + "\n"

    def __str__(self) -> str:
        return self.to_markdown()

    def __repr__(self) -> str:
        return f"<Quiz {self.notebook}: {len(self.questions)} questions>"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return _markdown_html(self.to_markdown())


# --------------------------------------------------------------------------- HTML view

def _inline_html(text: str) -> str:
    escaped = html.escape(text)
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    return re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", escaped)


def _markdown_html(markdown: str) -> str:
    """The quiz's own small markdown (headings, paragraphs, lists, emphasis) as HTML."""
    parts, items = [], []
    for line in markdown.splitlines():
        if line.startswith("- "):
            items.append(f"<li>{_inline_html(line[2:])}</li>")
            continue
        if items:
            parts.append("<ul style='list-style:none'>" + "".join(items) + "</ul>")
            items = []
        if line.startswith("### "):
            parts.append(f"<h4>{_inline_html(line[4:])}</h4>")
        elif line.startswith("## "):
            parts.append(f"<h3>{_inline_html(line[3:])}</h3>")
        elif line.startswith("*") and line.endswith("*") and not line.startswith("**"):
            parts.append(f"<p><i>{_inline_html(line[1:-1])}</i></p>")
        elif line.strip():
            parts.append(f"<p>{_inline_html(line)}</p>")
    if items:
        parts.append("<ul style='list-style:none'>" + "".join(items) + "</ul>")
    return "<div class='csat-quiz'>" + "\n".join(parts) + "</div>"


# --------------------------------------------------------------------------- public functions

@cache
def _load(number: str) -> Quiz:
    data = json.loads((_FOLDER / f"q{number}.json").read_text(encoding="utf-8"))
    return Quiz(data)


def _available() -> list[str]:
    return sorted(p.stem[1:] for p in _FOLDER.glob("q*.json"))


def _number(notebook: object) -> str:
    known = _available()
    if isinstance(notebook, int) and not isinstance(notebook, bool):
        number = f"{notebook:02d}"
    elif isinstance(notebook, str):
        text = notebook.strip()
        number = f"{int(text):02d}" if text.isdigit() and len(text) <= 2 else text[:2]
    else:
        number = None
    if number not in known:
        raise CsatInputError(f"no quiz for notebook {notebook!r}; quizzes exist for notebooks {', '.join(known)} "
                             f"(give a number such as '04' or 4, or a name such as '04_churn_and_retention')")
    return number


def list_quizzes() -> list[str]:
    """The notebooks that have a quiz, as numbers (``["00", "01", ...]``).

    A pre/post test of what learners know measures the second level of Kirkpatrick's (1959)
    four levels of training evaluation, learning.

    Returns
    -------
    list of str
        Notebook numbers, in course order.

    Examples
    --------
    >>> list_quizzes()[:3]
    ['00', '01', '02']
    """
    return _available()


def quiz(notebook: str | int) -> Quiz:
    """The pre/post quiz of a notebook: 8 to 12 questions, auto-scored, in both languages.

    Learners take it before the notebook and again after it: the difference measures
    learning, level 2 of Kirkpatrick's (1959) four levels of training evaluation. Wrong
    options are written to catch the misconceptions the course fights (the wrong churn
    denominator, NPS read as a percentage, "six times as loyal" taken as a law, the mean
    in place of the top box), in the manner of concept inventories (Hestenes, Wells &
    Swackhamer, 1992).

    Parameters
    ----------
    notebook : str or int
        ``"04"``, ``4`` or ``"04_churn_and_retention"``; an unknown notebook raises
        :class:`~csat_lab.errors.CsatInputError` listing those with a quiz.

    Returns
    -------
    Quiz
        ``.questions``; ``.check(question, answer)``; ``.score(answers)``;
        ``.compare(pre, post)``; ``.to_markdown(language, trainer=...)``. Shown in a
        notebook, it lists the questions without the answers.

    Examples
    --------
    >>> q = quiz("04_churn_and_retention")
    >>> q.check("monthly_to_annual", 36).status
    'incorrect'
    >>> "Hint" in q.check("monthly_to_annual", 36).render("en")
    True
    >>> quiz(4) is q
    True
    """
    return _load(_number(notebook))


def quiz_summary(language: str | None = None) -> str:
    """Every quiz for the trainer: per notebook, each question, its answer and what it checks.

    Parameters
    ----------
    language : str, optional
        ``"en"`` or ``"zh-CN"``; default the current language.

    Returns
    -------
    str
        Markdown: a ``##`` section and a table per notebook, with a page break between
        notebooks, ready for the handouts. The quizzes measure learning, level 2 of
        Kirkpatrick's (1959) training evaluation.

    Examples
    --------
    >>> text = quiz_summary("en")
    >>> text.count("## Quiz · ") == len(list_quizzes())
    True
    """
    lang = _lang(language)
    head = [label(f"quiz.column.{c}", lang) for c in ("question", "kind", "answer", "checks")]
    out = [f"# {label('quiz.summary.title', lang)}", "", label("quiz.summary.intro", lang), ""]
    for i, number in enumerate(_available()):
        q = _load(number)
        if i:
            out += [PAGE_BREAK, ""]
        out += [f"## {label('quiz.title', lang, notebook=number, title=q.title[lang])}", "",
                "| # | " + " | ".join(head) + " |", "|---" * (len(head) + 1) + "|"]
        for n, question in enumerate(q.questions, 1):
            cells = [f"{question.topic[lang]} (`{question.name}`)",
                     f"{label(f'quiz.kind.name.{question.kind}', lang)}, {label(f'quiz.task.{question.task}', lang)}",
                     question.answer_text(lang), question.checks[lang]]
            out.append(f"| {n} | " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    return "\n".join(out).rstrip() + "\n"
