"""The pre/post quizzes (csat_lab/course/quiz.py, csat_lab/course/quizzes/qNN.json).

Every question's check accepts its model answer and rejects wrong ones; messages exist in
both languages and a hint never gives the answer away; the learner's printout holds no
answer; the Chinese text uses the preferred terms of csat_lab/i18n/terms.json.
"""

from __future__ import annotations

import importlib
import itertools
import json
import math
import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course.quiz import PAGE_BREAK, Question, list_quizzes, quiz, quiz_summary
from csat_lab.errors import CsatInputError
from csat_lab.i18n import LANGUAGES
from csat_lab.i18n.terms import term_problems as _violations

# csat_lab.course.quiz is the function (the package re-exports it); the module is reached by name
quiz_module = importlib.import_module("csat_lab.course.quiz")
ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = [f"{n:02d}" for n in range(10)]
QUESTIONS = [q for nb in NOTEBOOKS for q in quiz(nb).questions]
IDS = [q.id for q in QUESTIONS]


@pytest.fixture(autouse=True)
def _english():
    cl.set_language("en")
    yield
    cl.set_language("en")


def _wrong_answers(q: Question) -> list:
    """Answers that must be rejected: every other option, or the verdict or reason changed, or a far number."""
    answer = q.model_answer()
    letters = sorted(q.options)
    if q.kind == "single":
        return [c for c in letters if c != answer]
    if q.kind == "multiple":
        right = answer.split(", ")
        wrong = [", ".join(right[:-1])] if len(right) > 1 else []
        missing = [c for c in letters if c not in right]
        wrong += [", ".join(sorted(right + missing[:1]))] if missing else []
        return [w for w in wrong if w]
    if q.kind == "truefalse":
        verdict, reason = answer
        return [(not verdict, reason)] + [(verdict, r) for r in letters if r != reason]
    tol = float(q.answer["tolerance"])
    return [answer + 10 * tol + 1, answer - 10 * tol - 1]


# ------------------------------------------------------------------ coverage and mix

def test_every_notebook_has_a_quiz_of_8_to_12_questions() -> None:
    assert list_quizzes() == NOTEBOOKS
    for nb in NOTEBOOKS:
        q = quiz(nb)
        assert 8 <= len(q.questions) <= 12, (nb, len(q.questions))
        names = [x.name for x in q.questions]
        assert len(names) == len(set(names)), nb


@pytest.mark.parametrize("nb", NOTEBOOKS)
def test_each_quiz_mixes_the_four_kinds_and_a_third_applies_ideas(nb: str) -> None:
    q = quiz(nb)
    assert {x.kind for x in q.questions} == set(quiz_module.KINDS), nb
    applied = sum(x.task == "apply" for x in q.questions)
    assert applied >= math.ceil(len(q.questions) / 3), (nb, applied)


def test_quiz_accepts_number_name_and_int_and_rejects_unknown() -> None:
    assert quiz(4) is quiz("04") is quiz("04_churn_and_retention") is quiz("4")
    with pytest.raises(CsatInputError, match="quizzes exist for notebooks 00"):
        quiz("10")
    with pytest.raises(CsatInputError):
        quiz(None)  # type: ignore[arg-type]
    with pytest.raises(CsatInputError, match="its questions are"):
        quiz("04").check("no_such_question", 1)


def test_cl_quiz_mirrors_cl_check() -> None:
    assert cl.quiz is cl.course.quiz is quiz
    assert "quiz" in dir(cl)


# ------------------------------------------------------------------ checks

@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_check_accepts_the_model_answer(q: Question) -> None:
    result = q.check(q.model_answer())
    assert result.status == "correct" and result.correct and bool(result)
    for lang in LANGUAGES:
        assert q.why[lang] in result.render(lang)


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_check_rejects_wrong_answers_with_a_hint(q: Question) -> None:
    wrong = _wrong_answers(q)
    assert wrong, q.id
    for answer in wrong:
        result = q.check(answer)
        assert result.status == "incorrect", (q.id, answer, result)
        assert all(result.render(lang).strip() for lang in LANGUAGES)
        assert q.why["en"] not in result.render("en")


@pytest.mark.parametrize("q", [q for q in QUESTIONS if q.kind != "number"], ids=lambda q: q.id)
def test_fingerprint_has_exactly_one_solution(q: Question) -> None:
    letters = sorted(q.options)
    if q.kind == "truefalse":
        combos = [[v, r] for v in "tf" for r in letters]
    else:
        combos = [list(c) for n in range(1, len(letters) + 1) for c in itertools.combinations(letters, n)]
    matches = [c for c in combos if quiz_module.fingerprint(q.salt, c) == q.answer["fingerprint"]]
    assert len(matches) == 1, q.id
    assert (len(matches[0]) == 1) == (q.kind == "single") or q.kind == "truefalse"


@pytest.mark.parametrize("q", [q for q in QUESTIONS if q.kind == "number"], ids=lambda q: q.id)
def test_numeric_traps_are_wrong_and_get_their_own_hint(q: Question) -> None:
    tol = float(q.answer["tolerance"])
    for trap in q.traps:
        assert abs(float(trap["value"]) - q.expected()) > tol, (q.id, trap["value"])
        result = q.check(trap["value"])
        assert result.status == "incorrect"
        for lang in LANGUAGES:
            assert trap["hint"][lang] in result.render(lang)


def test_answer_formats_and_unchecked_answers() -> None:
    q = quiz("04")
    assert q.check("fight_hard", "D, a").correct and q.check("fight_hard", ["a", "d"]).correct
    assert q.check("tenure_selection", "false, b").correct
    assert q.check("tenure_selection", "F b").correct and q.check("tenure_selection", (False, "b")).correct
    assert q.check("tenure_selection", "错，b").correct
    assert q.check("market_basis", None).status == "unanswered"
    assert q.check("market_basis", "z").status == "unchecked"
    assert q.check("market_basis", "a, b").status == "unchecked"  # a single-choice question takes one letter
    assert q.check("tenure_selection", "maybe b").status == "unchecked"
    assert q.check("january_churn", "12").status == "unchecked"
    assert q.check("january_churn", float("nan")).status == "unchecked"
    assert q.check(1, 12).correct  # by number, 1 = first question
    assert q.check("04.january_churn", 12).correct


def test_a_fraction_where_a_percent_is_expected_gets_the_unit_hint() -> None:
    result = quiz("02").check("csat_from_counts", 0.7)
    assert result.status == "incorrect" and "fraction" in result.render("en")


def test_messages_follow_the_language() -> None:
    q = quiz("06")
    cl.set_language("zh-CN")
    right, wrong = q.check("complaint_rate", 4.8), q.check("complaint_rate", 6)
    assert right.message.startswith("✔") and "正确" in str(right)
    assert "提示" in str(wrong) and "投诉次数" in str(wrong)
    cl.set_language("en")
    assert "Hint" in str(wrong)


@pytest.mark.parametrize("q", QUESTIONS, ids=IDS)
def test_texts_exist_in_both_languages_and_hints_do_not_leak(q: Question) -> None:
    for part in (q.topic, q.text, q.hint, q.why, q.checks):
        for lang in LANGUAGES:
            assert part[lang].strip(), (q.id, lang)
    for option in q.options.values():
        assert all(option[lang].strip() for lang in LANGUAGES)
    answer = q.model_answer()
    hints = [q.hint] + [t["hint"] for t in q.traps]
    for hint, lang in itertools.product(hints, LANGUAGES):
        text = hint[lang]
        assert not re.search(r"answer is|答案是", text, re.IGNORECASE), q.id
        if q.kind == "number":
            shown = quiz_module._show(answer, float(q.answer["tolerance"]))
            assert not re.search(rf"(?<![\d.,]){re.escape(shown)}(?![\d])", text), (q.id, shown, text)
        else:
            letters = [answer[1]] if q.kind == "truefalse" else answer.split(", ")
            for letter in letters:
                assert f"({letter})" not in text, (q.id, text)
                assert q.options[letter][lang] not in text, (q.id, text)


# ------------------------------------------------------------------ scoring

def test_score_and_compare_count_right_answers() -> None:
    q = quiz("03")
    perfect = {x.name: x.model_answer() for x in q.questions}
    assert q.score(perfect).correct == len(q.questions) == q.score(perfect).total
    half = dict(list(perfect.items())[:4])
    score = q.score(half)
    assert score.correct == 4 and math.isclose(score.fraction, 4 / len(q.questions))
    assert list(score.table("en").iloc[:, 1]).count("no answer") == len(q.questions) - 4
    table = q.compare(half, perfect, language="en")
    assert table.iloc[-1].tolist() == ["Σ", f"4 / {len(q)}", f"{len(q)} / {len(q)}"]
    assert str(q.score({})) == f"0 of {len(q)} correct"


# ------------------------------------------------------------------ printouts

@pytest.mark.parametrize("nb", NOTEBOOKS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_learner_printout_holds_no_answers(nb: str, lang: str) -> None:
    q = quiz(nb)
    learner = q.to_markdown(lang)
    trainer = q.to_markdown(lang, trainer=True)
    assert learner.startswith("## ") and learner.count("\n### ") == len(q.questions)
    for x in q.questions:
        assert x.text[lang] in learner
        assert x.why[lang] not in learner and x.hint[lang] not in learner
        answer_line = f"{x.answer_text(lang)}\n- **{cl.label('quiz.trainer.why', lang)}"
        assert answer_line not in learner and answer_line in trainer and x.why[lang] in trainer
        if x.kind == "number":
            assert x.answer["expression"] not in learner
    for part in ("answer", "why", "checks", "hint"):
        assert f"**{cl.label(f'quiz.trainer.{part}', lang)}" not in learner
        assert f"**{cl.label(f'quiz.trainer.{part}', lang)}" in trainer
    html = q._repr_html_()
    assert all(x.why[cl.get_language()] not in html for x in q.questions)
    assert q._repr_markdown_() == str(q) == q.to_markdown()


def test_printouts_are_deterministic() -> None:
    for lang in LANGUAGES:
        assert quiz_summary(lang) == quiz_summary(lang)
        assert quiz("05").to_markdown(lang, trainer=True) == quiz_module.Quiz(
            json.loads((ROOT / "csat_lab/course/quizzes/q05.json").read_text(encoding="utf-8"))
        ).to_markdown(lang, trainer=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_summary_lists_every_question_with_its_answer(lang: str) -> None:
    text = quiz_summary(lang)
    assert text.startswith("# ") and text.count(PAGE_BREAK) == len(NOTEBOOKS) - 1
    for q in QUESTIONS:
        assert f"(`{q.name}`)" in text
        assert q.answer_text(lang).replace("|", "\\|") in text and q.checks[lang] in text


# ------------------------------------------------------------------ Chinese terms and storage


def _chinese(value: object) -> list[str]:
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "zh-CN" and isinstance(v, str)] + \
            [t for v in value.values() for t in _chinese(v)]
    if isinstance(value, list):
        return [t for v in value for t in _chinese(v)]
    return []


def test_chinese_text_uses_the_preferred_terms() -> None:
    assert _violations("这位顾客的留存率") == ["顾客 (use 客户)", "留存 (use 保持率)"]  # the finder can fail
    problems = []
    for path in sorted((ROOT / "csat_lab" / "course" / "quizzes").glob("q*.json")):
        for text in _chinese(json.loads(path.read_text(encoding="utf-8"))):
            problems += [f"{path.name}: {v}" for v in _violations(text)]
    assert not problems, problems


def test_choice_answers_are_not_stored_in_plain_text() -> None:
    for path in sorted((ROOT / "csat_lab" / "course" / "quizzes").glob("q*.json")):
        for q in json.loads(path.read_text(encoding="utf-8"))["questions"]:
            if q["kind"] != "number":
                assert set(q["answer"]) == {"fingerprint"}, (path.name, q["id"])
                assert re.fullmatch(r"[0-9a-f]{20}", q["answer"]["fingerprint"])


def test_numeric_answers_are_plain_arithmetic_only() -> None:
    assert quiz_module._evaluate("100 * (1 - 0.97 ** 12)") == pytest.approx(30.62, abs=0.01)
    for bad in ("__import__('os')", "abs(-1)", "x + 1", "[1][0]"):
        with pytest.raises(ValueError):
            quiz_module._evaluate(bad)
