"""Checking one response from a phone against its questionnaire.

A response is one flat JSON object: question id -> answer, plus a
``client_token`` that the phone makes up once (a repeated token stores one
response). Answers to scale questions are whole numbers on the question's
scale and are required; free-text answers are optional and at most
:data:`MAX_TEXT` characters. Anything else is refused with an
:class:`AnswerError` that names the field and renders itself in the phone's
language (labels ``classroom.error.*``).

Examples
--------
>>> from csat_lab.survey import load_questionnaire
>>> q = load_questionnaire("course_evaluation")
>>> body = {"overall": 5, "nps": 10, "useful": 4, "pace": 3, "exercises": 4, "trainer": 5,
...         "comment": " 很好 ", "client_token": "phone-0001"}
>>> check_response(q, body)
('phone-0001', {'overall': 5, 'nps': 10, 'useful': 4, 'pace': 3, 'exercises': 4, 'trainer': 5, 'comment': '很好'})
>>> try:
...     check_response(q, {**body, "overall": 6})
... except AnswerError as exc:
...     print(exc.field, "|", exc.message("zh-CN"))
overall | “总体来说，您对本次课程满意吗？”的答案必须是 1 到 5 之间的整数，收到的是 6。
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Mapping

from .. import scales as _scales
from ..errors import CsatInputError
from ..i18n import label
from ..survey.questionnaire import Questionnaire

__all__ = ["AnswerError", "check_response", "MAX_TEXT", "TOKEN"]

#: Longest free-text answer, in characters.
MAX_TEXT = 1000
#: A client token: 8-64 letters, digits, "-" or "_".
TOKEN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


class AnswerError(CsatInputError):
    """A refused request: HTTP status, error code, the field at fault, and message parameters.

    ``str(error)`` is the English message; :meth:`message` renders it in another language.
    """

    def __init__(self, status: int, code: str, field: str | None = None, **params: Any) -> None:
        self.status, self.code, self.field, self.params = status, code, field, params
        super().__init__(self.message("en"))

    def message(self, language: str = "en") -> str:
        """The message in ``language`` ("en" or "zh-CN")."""
        params = dict(self.params)
        for key, value in params.items():  # question wordings are stored per language
            if isinstance(value, Mapping):
                params[key] = value.get(language) or value.get("en") or ""
        return label(f"classroom.error.{self.code}", language).format(field=self.field, **params)

    def to_json(self, language: str = "en") -> dict[str, Any]:
        """The JSON body of the error answer."""
        return {"error": {"code": self.code, "field": self.field, "message": self.message(language),
                          "language": language}}


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def check_client_token(body: Mapping[str, Any]) -> str:
    """The body's ``client_token``, or an :class:`AnswerError` when it is missing or malformed."""
    token = body.get("client_token")
    if token is None:
        raise AnswerError(422, "token_missing", "client_token")
    if not isinstance(token, str) or not TOKEN.match(token):
        raise AnswerError(422, "token_format", "client_token", got=_show(token))
    return token


def _clean_text(value: str) -> str:
    """Trimmed text without control characters (line breaks and tabs are kept)."""
    kept = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cs"))
    return unicodedata.normalize("NFC", kept).strip()


def check_response(questionnaire: Questionnaire, body: object) -> tuple[str, dict[str, Any]]:
    """The client token and the checked answers of one response.

    Parameters
    ----------
    questionnaire : Questionnaire
        The room's questionnaire.
    body : object
        The parsed JSON body: question id -> answer, plus ``client_token``.

    Returns
    -------
    tuple of (str, dict)
        The token, and question id -> answer (int for scale questions, text or
        None for free text) in the questionnaire's order.

    Notes
    -----
    Every scale question must be answered with a whole number in its range
    (JSON ``true``/``false`` and numbers such as ``4.5`` or ``"4"`` are
    refused); each free-text answer is trimmed, stripped of control
    characters and limited to :data:`MAX_TEXT` characters; a key that is no
    question of the questionnaire is refused. Checking input at the boundary
    against an allow-list is the OWASP Input Validation Cheat Sheet's advice
    (OWASP Foundation, 2021).

    References
    ----------
    OWASP Foundation (2021). *Input Validation Cheat Sheet*. OWASP Cheat Sheet Series.

    Examples
    --------
    >>> from csat_lab.survey import Questionnaire, Item
    >>> q = Questionnaire([Item("overall", "Overall", "satisfaction5"), Item("comment", scale="text")])
    >>> check_response(q, {"overall": 4, "client_token": "abcdefgh"})
    ('abcdefgh', {'overall': 4, 'comment': None})
    """
    if not isinstance(body, Mapping):
        raise AnswerError(400, "not_object", None)
    token = check_client_token(body)
    names = {it.name for it in questionnaire.items}
    unknown = [key for key in body if key != "client_token" and key not in names]
    if unknown:
        raise AnswerError(422, "unknown_question", str(unknown[0])[:40],
                          known=", ".join(it.name for it in questionnaire.items))
    answers: dict[str, Any] = {}
    for it in questionnaire.items:
        value = body.get(it.name)
        question = {"en": it.wording("en") or it.name, "zh-CN": it.wording("zh-CN") or it.name}
        if it.is_text:
            if value is None:
                answers[it.name] = None
                continue
            if not isinstance(value, str):
                raise AnswerError(422, "not_text", it.name, question=question, got=_show(value))
            text = _clean_text(value)
            if len(text) > MAX_TEXT:
                raise AnswerError(422, "text_too_long", it.name, question=question, limit=MAX_TEXT, got=len(text))
            answers[it.name] = text or None
            continue
        scale = _scales.get(it.scale)
        if value is None:
            raise AnswerError(422, "required", it.name, question=question)
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerError(422, "not_integer", it.name, question=question, low=scale.low, high=scale.high,
                              got=_show(value))
        if value not in scale.values:
            raise AnswerError(422, "out_of_range", it.name, question=question, low=scale.low, high=scale.high,
                              got=_show(value))
        answers[it.name] = int(value)
    return token, answers
