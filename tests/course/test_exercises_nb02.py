"""Notebook 02 (survey design): its exercises, checked against hand calculations and independent routes.

Expected values are worked out by hand in the comments (the exercise texts give the inputs)
or recomputed from the shipped CSV with the standard library, not with csat_lab. Written
answers: the biased hotel question fails the rubric in English and in Chinese, fair rewrites in
either language pass, and each rubric point catches the fault it names.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb02

ROOT = Path(__file__).resolve().parents[2]
LEARNER = ROOT / "notebooks" / "02_survey_design.ipynb"
SOURCE = ROOT / "notebooks" / "src" / "02_survey_design.py"
OURS = [e for e in exercises.EXERCISES.values() if e.notebook == "02"]


# --- numbers: hand calculations ------------------------------------------------------------

HAND = {
    # 1.959964 x sqrt(0.5 x 0.5 / 400) = 1.959964 x 0.025 = 0.048999 -> 4.90 points
    "02.margin_of_error": 4.8999,
    # 1.959964^2 x 0.25 / 0.03^2 = 3.841459 x 0.25 / 0.0009 = 1067.07 -> round up to 1068
    "02.sample_size": 1068,
    # n0 = 1.959964^2 x 0.8 x 0.2 / 0.04^2 = 0.614633 / 0.0016 = 384.15;
    # finite population of 2,000: 384.15 / (1 + 383.15 / 2000) = 384.15 / 1.191573 = 322.39 -> 323;
    # one guest in five answers: 323 / 0.2 = 1615 invitations
    "02.sample_plan": 1615,
}


@pytest.mark.parametrize("exercise_id, value", sorted(HAND.items()))
def test_hand_calculations_pass(exercise_id: str, value: float) -> None:
    assert cl.check(exercise_id, value).correct


def test_the_sample_plan_rejects_the_usual_slips() -> None:
    # p = 0.5 instead of last year's 0.8: n0 = 600.2, 600.2 / (1 + 599.2 / 2000) = 461.9 -> 462; x 5 = 2310
    # no finite-population correction: n0 = 384.15 -> 385; x 5 = 1925
    # the completed answers, not the invitations: 323
    for slip in (2310, 1925, 323):
        result = cl.check("02.sample_plan", slip)
        assert result.status == "incorrect", slip
        assert "1615" not in result.message and "1,615" not in result.message
    # rounding the completed answers up only at the end: 322.39 x 5 = 1611.9 -> 1612, within tolerance
    assert cl.check("02.sample_plan", 1612).correct


def test_the_planned_inputs_are_the_ones_the_exercise_states() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    assert (nb02.PLAN_POPULATION, nb02.PLAN_P, nb02.PLAN_MOE, nb02.PLAN_RESPONSE) == (2000, 0.80, 0.04, 0.20)
    for stated in ("about 2,000 guests", "±4 percentage points", "80 % of guests satisfied",
                   "one invited guest in five"):
        assert stated in text, stated


def test_tracker_csat_recomputed_from_the_csv_with_the_csv_module() -> None:
    with (ROOT / "datasets" / "csat_tracker.csv").open(encoding="utf-8") as f:
        codes = [int(row["csat"]) for row in csv.DictReader(f)]
    on_scale = [c for c in codes if 1 <= c <= 5]
    expected = 100 * sum(c >= 4 for c in on_scale) / len(on_scale)  # (925 + 809) / 2520 = 68.81 %
    assert (len(codes), len(on_scale)) == (2556, 2520)
    assert expected == pytest.approx(68.8095, abs=1e-3)
    assert cl.check("02.tracker_csat", expected).correct
    # the share over all 2,556 rows (off-scale codes kept in the denominator) is wrong
    assert not cl.check("02.tracker_csat", 100 * 1734 / 2556).correct


# --- choices: one right option, found by reasoning ------------------------------------------

def test_each_choice_has_exactly_one_right_option() -> None:
    # survey_method: the bus company has inspectors on board, no phone list, elderly passengers
    # without smartphones -> face-to-face interviews on randomly drawn trips, option (c).
    # double_barrelled: "price and quality" is two judgements -> option (d).
    right = {"02.survey_method": "c", "02.double_barrelled": "d"}
    for exercise_id, letter in right.items():
        ex = exercises.EXERCISES[exercise_id]
        assert [o for o in ex.options if cl.check(exercise_id, o).correct] == [letter], exercise_id


def test_choice_hints_do_not_point_at_the_option() -> None:
    for exercise_id, giveaway in (("02.double_barrelled", ("price", "quality", "and'", "价格")),
                                  ("02.survey_method", ("inspector", "face", "面对面", "稽查"))):
        for language in ("en", "zh-CN"):
            hint = cl.i18n.catalog()[f"exercise.{exercise_id}.hint"][language]
            assert not any(word in hint for word in giveaway), (exercise_id, language, hint)


# --- the written rewrite --------------------------------------------------------------------

ORIGINALS = [
    "Don't you agree our friendly staff and fast check-in made your stay excellent?",
    "您难道不认为我们友好的员工和快速的入住手续让您的住宿非常棒吗？",
]
GOOD = [
    ("How satisfied or dissatisfied were you with the speed of check-in? "
     "(very dissatisfied / dissatisfied / neither satisfied nor dissatisfied / satisfied / very satisfied)"),
    ("How would you rate the courtesy of the reception staff? (very poor, poor, fair, good, very good) "
     "How long did you wait at check-in? (under 5 minutes, 5-10 minutes, more than 10 minutes)"),
    "Overall, how would you rate your stay with us, from 1 (very poor) to 5 (excellent)?",
    "On a scale from very poor to excellent, how would you rate the speed of check-in?",
    "Please rate the speed of check-in from 1 to 5.",
    "How satisfied were you with the time between arriving and getting your room key? (1-5)",
    "总体而言，您对本次住宿的满意程度如何？（非常不满意、不满意、一般、满意、非常满意）",
    "您对办理入住手续所用的时间满意吗？（1 = 非常不满意 … 5 = 非常满意）",
    "请您评价前台员工的服务态度：非常差、差、一般、好、非常好。",
    "您对酒店酒吧的服务满意程度如何？",  # 酒吧 (bar) is not the leading particle 吧
    "入住手续办理得是否及时？您的满意程度：1 非常不满意 … 5 非常满意",  # 及时 is one word, not "and"
]
# Each faulty rewrite and the first rubric point it misses.
FAULTY = [
    ("OK, thanks.", "topic"),
    ("The check-in.", "question"),
    ("How satisfied were you with the staff and the check-in?", "one_topic"),
    ("您对员工与入住速度满意吗？", "one_topic"),
    ("Don't you agree our staff made your stay pleasant?", "not_leading"),
    ("Wasn't check-in quick enough for you? (yes / no)", "not_leading"),
    ("Check-in was smooth, right?", "not_leading"),
    ("您对入住很满意吧？", "not_leading"),
    ("您不觉得入住手续很顺利吗？", "not_leading"),
    ("How satisfied were you with our friendly staff?", "no_praise"),
    ("How fast was check-in?", "no_praise"),
    ("您对我们热情的前台满意吗？", "no_praise"),
    ("Did you like the hotel?", "scale"),
    ("入住手续顺利吗？", "scale"),
]


def _first_missed(answer: str) -> str | None:
    ex = exercises.EXERCISES["02.rewrite_question"]
    written = exercises.normalise(answer)
    return next((c.key for c in ex.criteria if not c.test(written)), None)


@pytest.mark.parametrize("original", ORIGINALS)
def test_the_biased_original_fails_in_both_languages(original: str) -> None:
    result = cl.check("02.rewrite_question", original)
    assert result.status == "incorrect"
    assert _first_missed(original) == "one_topic"  # the first fault met; it is also leading and loaded
    # with the join removed, it is still leading
    assert _first_missed(original.replace(" and fast check-in", "").replace("和快速的入住手续", "")) == "not_leading"


@pytest.mark.parametrize("answer", GOOD)
def test_fair_rewrites_pass_in_english_and_chinese(answer: str) -> None:
    result = cl.check("02.rewrite_question", answer)
    assert result.correct, (answer, str(result.message))
    assert cl.label("exercise.02.rewrite_question.why") in result.message


@pytest.mark.parametrize("answer, missed", FAULTY)
def test_each_rubric_point_catches_its_fault_and_names_it(answer: str, missed: str) -> None:
    assert _first_missed(answer) == missed, answer
    result = cl.check("02.rewrite_question", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.02.rewrite_question.rubric.{missed}") in result.message


def test_full_width_punctuation_counts_like_ascii() -> None:
    assert cl.check("02.rewrite_question", "您对办理入住的速度满意吗？").correct
    assert cl.check("02.rewrite_question", "您对办理入住的速度满意吗?").correct


# --- the notebook ---------------------------------------------------------------------------

def _cells() -> list[dict]:
    return json.loads(LEARNER.read_text(encoding="utf-8"))["cells"]


def test_notebook_02_has_transfer_tasks_and_a_written_one() -> None:
    transfer = [e.id for e in OURS if e.task == "transfer"]
    assert len(transfer) >= 3 and 3 * len(transfer) >= len(OURS), transfer
    assert any(e.kind == "text" for e in OURS)


def test_every_number_exercise_is_scaffolded_after_a_worked_example() -> None:
    cells = _cells()
    for i, cell in enumerate(cells):
        source = "".join(cell["source"])
        m = re.match(r'cl\.check\("(02\.[a-z_]+)"', source)
        if not m or exercises.EXERCISES[m.group(1)].kind != "number":
            continue
        answer_cell = "".join(cells[i - 1]["source"])
        assert answer_cell.startswith("answer = None") and "___" in answer_cell, m.group(1)
        before = "\n".join("".join(c["source"]) for c in cells[:i] if c["cell_type"] == "markdown")
        exercise_at = before.rfind(f"**Exercise {m.group(1)}.**")
        assert "Worked example" in before[:exercise_at][-1500:], f"{m.group(1)}: no worked example just above"


def test_the_report_counts_interviews_apart_from_questionnaires() -> None:
    outputs = ""
    for cell in _cells():
        if "summary.to_frame()" in "".join(cell["source"]):
            outputs = "".join("".join(o.get("data", {}).get("text/plain", "")) for o in cell["outputs"])
    assert "Valid questionnaires" in outputs
    assert re.search(r"interviewed \(访谈\).*not applicable", outputs)
    assert "Interviews (responses received)" not in outputs


def test_ces_is_cited_as_ces_2_0() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    item = text.index("The company made it")
    nearby = text[item:item + 400]
    assert "CES 2.0" in nearby and "2013" in nearby and "DeLisi" in nearby
    assert "5-point" in text[item:item + 800]  # the 2010 question, on its own scale


# --- hand coding of comments (issue 23) -------------------------------------------------------

# The five comments in the notebook and their themes by the codebook: three calls before the fix
# (repeat calls -> resolution), forty minutes on hold (wait), rolled eyes (attitude), paying for a
# cancelled service (billing -> price), going round in circles in the app (channel -> process).
CODED_RIGHT = [
    "resolution, wait, attitude, price, process",
    "Resolution; Wait; Attitude; Price; Process",
    "1. resolution 2. wait 3. attitude 4. price 5. process",
    "问题解决、等待时间、服务态度、价格与收费、流程与渠道",
    "问题解决，等待时间，服务态度，收费，渠道",
]
CODED_WRONG = [
    ("wait, wait, attitude, price, process", "comment1"),  # the usual slip: three calls read as waiting
    ("resolution, wait, resolution, price, process", "comment3"),
    ("resolution, wait, attitude, quality, process", "comment4"),
    ("resolution, wait, attitude, price", "five"),
    ("resolution, wait, attitude, price, process, quality", "five"),
    ("solved, waiting, rude, money, app", "five"),
]


@pytest.mark.parametrize("answer", CODED_RIGHT)
def test_hand_coding_passes_in_either_language(answer: str) -> None:
    assert cl.check("02.code_comments", answer).correct


@pytest.mark.parametrize("answer, missed", CODED_WRONG)
def test_hand_coding_names_the_first_comment_missed(answer: str, missed: str) -> None:
    result = cl.check("02.code_comments", answer)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.02.code_comments.rubric.{missed}") in result.message


def test_the_coded_comments_are_the_ones_the_notebook_shows() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    for comment in ("three times before anyone fixed my broadband", "Forty minutes on hold", "rolled her eyes",
                    "cancelled in May", "round in circles", "打了三次电话", "翻白眼", "退订"):
        assert comment in text, comment
    assert nb02.CODED_COMMENTS == ("resolution", "wait", "attitude", "price", "process")
    assert exercises.EXERCISES["02.code_comments"].task == "transfer"
