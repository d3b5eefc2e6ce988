"""Notebook 06 (complaint handling): its exercises, and the numbers its prose states.

Expected values come from the shipped CSV read with plain pandas (not csat_lab's loader or
the bank's own functions), or are written out by hand; the simulator's stated truths are
recomputed by hand from the constants on the data card.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.course import exercises
from csat_lab.course.bank import nb06

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "notebooks" / "src" / "06_complaint_handling.py"
LEARNER = ROOT / "notebooks" / "06_complaint_handling.ipynb"
STEPS = ["step_listen", "step_feelings", "step_cause", "step_requirement", "step_solution", "step_thank",
         "step_follow_up", "step_review"]


@pytest.fixture(scope="module")
def raw() -> pd.DataFrame:
    """The shipped CSV, read with pandas only (True/False come back as strings or booleans)."""
    frame = pd.read_csv(ROOT / "datasets" / "complaints_log.csv", dtype=str)
    return frame


def _is_true(column: pd.Series) -> pd.Series:
    return column.fillna("").str.strip().str.lower() == "true"


# --- numbers --------------------------------------------------------------------------------

def test_complaint_rate_from_the_csv(raw: pd.DataFrame) -> None:
    complained = _is_true(raw["complained"])
    # 582 complaints among 4,000 customers served (data card): 582 / 4000 = 14.55 %
    assert complained.sum() == 582 and len(raw) == 4000
    expected = 100 * 582 / 4000
    assert cl.check("06.complaint_rate", expected).correct
    assert cl.check("06.complaint_rate", 14.55 + 0.2).status == "incorrect"
    # a proportion instead of a percentage gets the percent hint, not the exercise's hint
    assert cl.label("exercise.hint.percent") in cl.check("06.complaint_rate", 0.1455).message


def test_full_process_gain_from_the_csv(raw: pd.DataFrame) -> None:
    complainers = raw[_is_true(raw["complained"])]
    full = pd.concat([_is_true(complainers[s]) for s in STEPS], axis=1).all(axis=1)
    bought = _is_true(complainers["repurchased"])
    # the prose says: only 15 of the 582 complaints went through all eight steps
    assert int(full.sum()) == 15 and len(complainers) == 582
    with_all = bought[full].sum() / full.sum()
    without = bought[~full].sum() / (~full).sum()
    gain = 100 * (with_all - without)
    assert cl.check("06.full_process_gain", gain).correct
    assert not cl.check("06.full_process_gain", gain + 1).correct
    # "its 95% interval is more than 40 points wide": even the simple Wald interval of the
    # difference, 2 x 1.96 x sqrt(p1 q1 / 15 + p2 q2 / 567), exceeds 40 points
    se = math.sqrt(with_all * (1 - with_all) / full.sum() + without * (1 - without) / (~full).sum())
    assert 100 * 2 * 1.959964 * se > 40
    # "more often of medium severity" among the complaints with every step
    medium = complainers["severity"] == "medium"
    assert medium[full].mean() > medium[~full].mean()


def test_the_worked_examples_do_not_give_the_answers_away(raw: pd.DataFrame) -> None:
    # the worked examples print the repurchase share of all customers and the step-5 gap;
    # neither equals the exercise answers (14.55 and the all-steps gap)
    bought = _is_true(raw["repurchased"])
    assert abs(100 * bought.mean() - 14.55) > 1
    complainers = raw[_is_true(raw["complained"])]
    sol = _is_true(complainers["step_solution"])
    b = _is_true(complainers["repurchased"])
    step5_gap = 100 * (b[sol].mean() - b[~sol].mean())
    assert abs(step5_gap - nb06._full_process_gain()) > 1


def _expit(v: float) -> float:
    return 1 / (1 + math.exp(-v))


def test_the_simulators_stated_truth_matches_the_claim_box() -> None:
    from csat_lab.simulate import complaints as sim

    r = sim.REPURCHASE
    # no complaint: logit 1.0986 -> 0.75; resolved complaint rated 4: 1.0986 - 0.6 + 0.9 = 1.3986 -> 0.80;
    # rated 5: 1.0986 - 0.6 + 1.8 = 2.2986 -> 0.91 (data card: P = 0.91)
    assert round(_expit(r["intercept"]), 2) == 0.75
    assert round(_expit(r["intercept"] + r["complained"] + 1 * r["per_satisfaction_point"]), 2) == 0.80
    assert round(_expit(r["intercept"] + r["complained"] + 2 * r["per_satisfaction_point"]), 2) == 0.91
    text = SOURCE.read_text(encoding="utf-8")
    for figure in ("0.75", "0.80", "0.91"):
        assert figure in text
    # the data card states the same step weights the prose names (solution 1.2 largest, review 0.2 smallest)
    weights = dict(zip(STEPS, sim.STEP_EFFECT.tolist()))
    assert max(weights, key=weights.get) == "step_solution" and weights["step_solution"] == 1.2
    assert min(weights, key=weights.get) == "step_review" and weights["step_review"] == 0.2


# --- choices ----------------------------------------------------------------------------------

# The right letters, with the reason (the package stores only fingerprints).
CHOICES = {
    "06.next_step": "d",  # after "analyse the cause" comes step 4, the requirement
    "06.gym_next_step": "b",  # steps 1-4 are in the story; step 5 is next
    "06.skipped_step": "c",  # nobody checks that the replacement arrived: step 7
    "06.which_technique": "a",  # staff lack authority; money was refused: a higher level
}


@pytest.mark.parametrize("exercise_id, right", sorted(CHOICES.items()))
def test_choice_exercises_accept_only_the_right_letter(exercise_id: str, right: str) -> None:
    assert cl.check(exercise_id, right).correct
    assert cl.check(exercise_id, right.upper()).correct
    for other in "abcd".replace(right, ""):
        result = cl.check(exercise_id, other)
        assert result.status == "incorrect" and "Hint" in result.message


def test_hints_do_not_name_the_answer() -> None:
    answers = {
        "06.next_step": ("requirement", "要求", "需求"),
        "06.gym_next_step": ("solution", "方案"),
        "06.skipped_step": ("follow", "回访", "跟进"),
        "06.which_technique": ("层次", "senior", "higher level", "更高"),
    }
    for exercise_id, words in answers.items():
        for language in ("en", "zh-CN"):
            hint = cl.label(f"exercise.{exercise_id}.hint", language).lower()
            assert not any(w in hint for w in words), (exercise_id, language, hint)


def test_every_exercise_has_hint_and_why_in_both_languages() -> None:
    labels = json.loads((ROOT / "csat_lab" / "i18n" / "labels" / "exercises_06.json").read_text(encoding="utf-8"))
    for ex in nb06.EXERCISES:
        for part in ("hint", "why"):
            entry = labels[f"exercise.{ex.id}.{part}"]
            assert entry["en"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"]), (ex.id, part)
        for criterion in ex.criteria:
            entry = labels[f"exercise.{ex.id}.rubric.{criterion.key}"]
            assert entry["en"].strip() and re.search(r"[\u4e00-\u9fff]", entry["zh-CN"])


def test_tasks_are_honest_and_transfer_tasks_are_the_majority() -> None:
    tasks = {e.id: e.task for e in nb06.EXERCISES}
    assert tasks["06.next_step"] == "recall"
    assert tasks["06.complaint_rate"] == tasks["06.full_process_gain"] == "compute"
    transfer = [i for i, t in tasks.items() if t == "transfer"]
    assert set(transfer) >= {"06.gym_next_step", "06.skipped_step", "06.which_technique", "06.complaint_reply"}


# --- the written reply ------------------------------------------------------------------------

GOOD_EN = ("Dear Mrs Wang, thank you for telling us, and I am sorry: your order arrived three hours late, the "
           "frozen dumplings and ice cream had thawed, and you could not get through on our hotline. I have "
           "refunded the full order today, and a replacement of the frozen items will be delivered tomorrow "
           "between 10:00 and 12:00 at no charge. I will call you tomorrow afternoon to check that everything "
           "arrived in good condition.")
GOOD_EN_SHORT = ("I'm so sorry you were not told your delivery would be late, that your frozen food thawed, and that "
                 "you were left on hold for so long. We will refund the thawed items and send replacements by 6 pm "
                 "today. I'll call you this evening to make sure they arrived.")
GOOD_ZH = ("王女士您好，非常抱歉：您的订单晚到了三个小时，速冻饺子和冰淇淋都化了，您打热线还等了25分钟，这是我们的问题。"
           "我们今天已经为您全额退款，明天上午10点到12点之间为您免费补发冷冻商品。明天下午我会给您打电话，确认商品完好送达。"
           "谢谢您告诉我们这些情况。")
GOOD_ZH_FULLWIDTH = "王女士：您好！对不起，让您久等了，订单也比约定时间晚到，冷冻食品都化了。我们会在２４小时内把货款退还给您，并于明天中午前补发一份新的。之后我会亲自致电回访。"
BLAME_EN = ("Thank you for your message. Our records show that the driver arrived at 3 pm because nobody was at "
            "home earlier, so the delay is not our fault. Frozen goods must go in the freezer at once. We will "
            "send you a voucher for 20 yuan today and will call you next week.")
BLAME_ZH = "谢谢您的反馈。司机下午3点到的时候家里没人，所以晚到不是我们的责任；冷冻商品应当立即放进冰箱。我们今天给您发一张20元优惠券，下周再联系您。"
ORIGINAL = ("My grocery order was promised for 10-12 this morning and arrived at 3 pm. The frozen dumplings and the "
            "ice cream had thawed. I called your hotline and waited 25 minutes on hold before I gave up.")


@pytest.mark.parametrize("reply", [GOOD_EN, GOOD_EN_SHORT, GOOD_ZH, GOOD_ZH_FULLWIDTH],
                         ids=["en", "en-short", "zh", "zh-fullwidth"])
def test_good_replies_in_either_language_pass(reply: str) -> None:
    result = cl.check("06.complaint_reply", reply)
    assert result.correct, result.message


@pytest.mark.parametrize("reply", [BLAME_EN, BLAME_ZH], ids=["en", "zh"])
def test_a_reply_that_blames_the_customer_fails_on_that_point(reply: str) -> None:
    # it thanks, restates the problems, promises a voucher today and a call: only the blame fails it
    result = cl.check("06.complaint_reply", reply)
    assert result.status == "incorrect"
    assert cl.label("exercise.06.complaint_reply.rubric.no_blame") in result.message
    reply_exercise = exercises.EXERCISES["06.complaint_reply"]
    criteria = {c.key: c.test(exercises.normalise(reply)) for c in reply_exercise.criteria}
    assert criteria == {"no_blame": False, "thanks_apology": True, "understood": True, "action_when": True,
                        "follow_up": True}


@pytest.mark.parametrize("reply, missed", [
    ("OK, thanks.", "understood"),
    (ORIGINAL, "thanks_apology"),
    ("Sorry that your delivery was late and the frozen food thawed. We will refund you. I will call you to check.",
     "action_when"),
    # the complaint's own times (3 hours, 25 minutes) are not a promise of when
    ("Sorry that your delivery was 3 hours late and you waited 25 minutes. We will refund you. I will call you.",
     "action_when"),
    ("Sorry that your delivery was late and the frozen food thawed. We will refund you today.", "follow_up"),
    ("很抱歉订单晚到了，冷冻食品也化了。我们会给您退款。", "action_when"),
    ("很抱歉订单晚到了，冷冻食品也化了。我们今天会给您退款。", "follow_up"),
    ("Sorry, we will refund you today and call you tomorrow.", "understood"),
])
def test_a_reply_missing_a_point_gets_that_points_hint(reply: str, missed: str) -> None:
    result = cl.check("06.complaint_reply", reply)
    assert result.status == "incorrect"
    assert cl.label(f"exercise.06.complaint_reply.rubric.{missed}") in result.message


def test_polite_phrases_are_not_mistaken_for_blame() -> None:
    for reply in ("I'm sorry you were not told in time.", "You should have received it by noon; that is on us.",
                  "All you need to do is reply to this email.", "很抱歉让您没有按时收到，您应该早就收到才对。"):
        assert nb06._no_blame(exercises.normalise(reply)), reply


# --- the notebook -------------------------------------------------------------------------------

def _learner_cells() -> list[dict]:
    return json.loads(LEARNER.read_text(encoding="utf-8"))["cells"]


def test_code_exercises_are_scaffolded_in_the_learner_edition() -> None:
    sources = ["".join(c["source"]) for c in _learner_cells() if c["cell_type"] == "code"]
    for exercise_id in ("06.complaint_rate", "06.full_process_gain"):
        at = next(i for i, s in enumerate(sources) if f'cl.check("{exercise_id}"' in s)
        blank = sources[at - 1]
        assert "answer = None" in blank and "___" in blank, exercise_id
        # a worked example (code without a check) comes before the blank
        assert not any("cl.check" in s for s in sources[at - 3:at - 1]), exercise_id


def test_every_exercise_in_the_notebook_is_in_the_bank_and_back() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    used = set(re.findall(r'cl\.check\("(06\.[a-z0-9_]+)"', text))
    assert used == {e.id for e in nb06.EXERCISES}
    for exercise_id in used:
        assert f"**Exercise {exercise_id}.**" in text


def test_the_kpi_section_points_to_the_bonus_claim_check() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    kpis = text.split("# ## Complaint KPIs", 1)[1].split("# ## Service recovery", 1)[0]
    assert "targets tied to bonuses" in kpis and "10 %" in kpis


# --- reading complaint texts (issue 23) ---------------------------------------------------------

TEXT_CHOICES = {
    # refund (step 5) and thanks (step 6) are in the text; the customer misses why it happened: step 3
    "06.text_step": "c",
    # a cheaper offer open to anyone, nobody came after this family in person: attracted away
    "06.text_lost_type": "c",
}


@pytest.mark.parametrize("exercise_id, right", sorted(TEXT_CHOICES.items()))
def test_text_choices_accept_only_the_right_letter(exercise_id: str, right: str) -> None:
    ex = nb06.EXERCISES[[e.id for e in nb06.EXERCISES].index(exercise_id)]
    assert ex.task == "transfer" and ex.options == ("abcdefgh" if exercise_id == "06.text_step" else "abcdef")
    assert [o for o in ex.options if cl.check(exercise_id, o).correct] == [right]
    assert cl.check(exercise_id, "z").status == "unchecked"


def test_text_choice_hints_do_not_name_the_answer() -> None:
    for exercise_id, words in {"06.text_step": ("cause", "原因", "why", "为什么"),
                               "06.text_lost_type": ("attract", "吸引", "corner", "街角")}.items():
        for language in ("en", "zh-CN"):
            hint = cl.label(f"exercise.{exercise_id}.hint", language).lower()
            assert not any(w in hint for w in words), (exercise_id, language, hint)


def test_the_step_cues_agree_with_the_log_read_with_the_csv_module() -> None:
    """The notebook's cue rules, re-run on the raw CSV without csat_lab: a flagged step is never recorded as done."""
    import csv

    source = (ROOT / "notebooks" / "src" / "06_complaint_handling.py").read_text(encoding="utf-8")
    block = source[source.index("STEP_CUES = {"):]
    found = re.findall(r'"([a-z_]+)": \["([^"]+)", "([^"]+)"\]', block[:block.index("}")])
    cues = {step: (en, zh) for step, en, zh in found}
    assert len(cues) == 7 and "review" not in cues  # step 8 happens inside the firm
    with (ROOT / "datasets" / "complaints_log.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["complained"] == "True"]
    flagged = 0
    for row in rows:
        for step, (en, zh) in cues.items():
            in_en, in_zh = en in row["description_en"], zh in row["description_zh"]
            assert in_en == in_zh, (row["customer_id"], step)
            if in_en:
                flagged += 1
                assert row[f"step_{step}"] == "False", (row["customer_id"], step)
    assert flagged > 150
