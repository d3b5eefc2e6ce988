"""The trainer kit's content: role-play cards, observer checklist, scoring and facilitation notes.

The discussion questions are found independently of the kit: the notebook sources are scanned
for the markers the course uses (*Discussion:*, **2 · Discussion.**, *In class:*, *讨论：*,
*课堂讨论：* ...), and every question found must have a note whose anchor quotes it, in English
and in Chinese; every anchor of a note must be found in its notebook, and in a marked passage.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.course import trainer_kit as kit
from csat_lab.errors import CsatInputError
from csat_lab.i18n.terms import term_problems as _violations

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "notebooks" / "src"
KIT = ROOT / "csat_lab" / "course" / "kit"
HAN = re.compile(r"[\u4e00-\u9fff]")
LANGUAGES = ("en", "zh-CN")

# Where the course asks the class something: case questions and discussions, activities, role plays.
MARKERS = {
    "en": re.compile(r"\*(?:Discussion|Then discuss|In class|Role play \(trainers\)):\*"
                     r"|\*\*(?:\d · )?(?:Question|Discussion)\.\*\*|^Discuss:"),
    "zh-CN": re.compile(r"\*(?:讨论|做完再讨论|课堂讨论|课堂活动|课堂练习|角色扮演（培训师组织）)：\*"
                        r"|\*\*(?:\d · )?(?:提问|讨论)。\*\*|^讨论："),
}


def _markdown_cells(path: Path) -> dict[str, list[str]]:
    """Language -> the markdown cells of a notebook source (solution cells included), as text."""
    cells: dict[str, list[str]] = {"en": [], "zh-CN": []}
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# %%"):
            current = None
            if "[markdown]" in line:
                current = []
                cells["zh-CN" if "zh-CN" in line else "en"].append(current)  # type: ignore[arg-type]
        elif current is not None:
            current.append(line[2:] if line.startswith("# ") else line.lstrip("#"))
    return {lang: ["\n".join(c) for c in found] for lang, found in cells.items()}


def _flat(text: str) -> str:
    return " ".join(text.split())


def _marked_passages() -> list[tuple[str, str, str]]:
    """(notebook, language, passage) for every marker: the paragraph from the marker to its end."""
    found = []
    for path in sorted(SOURCES.glob("0[0-9]_*.py")):
        for lang, cells in _markdown_cells(path).items():
            for cell in cells:
                for paragraph in re.split(r"\n\s*\n", cell):
                    flat = _flat(paragraph)
                    found += [(path.name[:2], lang, flat[m.start():]) for m in MARKERS[lang].finditer(flat)]
    return found


PASSAGES = _marked_passages()
NOTES = kit.facilitation_notes()
CARDS = kit.roleplay_cards()



# --- role-play cards ----------------------------------------------------------------------------


def test_at_least_eight_cards_with_unique_ids() -> None:
    assert len(CARDS) >= 8
    assert len({c.id for c in CARDS}) == len(CARDS)


@pytest.mark.parametrize("card", CARDS, ids=[c.id for c in CARDS])
def test_card_has_both_briefs_and_all_eight_steps_in_both_languages(card: kit.RoleplayCard) -> None:
    for lang in LANGUAGES:
        assert card.title(lang).strip()
        for part in ("who", "what_happened", "wants", "behaviour", "calms"):
            assert len(card.text("customer", part, lang)) > 8, (card.id, part, lang)
        for part in ("knows", "may_offer", "limits"):
            assert len(card.text("staff", part, lang)) > 8, (card.id, part, lang)
        for step in cl.complaints.HANDLING_STEPS:
            assert len(card.text("trainer", step, lang)) > 8, (card.id, step, lang)
    assert set(card.techniques) <= set(cl.complaints.TECHNIQUES) and 2 <= len(card.techniques) <= 5
    assert HAN.search(card.text("customer", "wants", "zh-CN"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_card_prints_each_side_on_its_own_page_and_good_handling_only_for_trainers(lang: str) -> None:
    card = CARDS[0]
    learner, trainer = card.to_markdown(lang), card.to_markdown(lang, trainer=True)
    assert learner.count(kit.PAGE_BREAK) == 1 and trainer.count(kit.PAGE_BREAK) == 2
    customer_page, staff_page = learner.split(kit.PAGE_BREAK)
    assert card.text("customer", "wants", lang) in customer_page and card.text("staff", "limits", lang) not in customer_page
    assert card.text("staff", "limits", lang) in staff_page and card.text("customer", "calms", lang) not in staff_page
    for step in cl.complaints.HANDLING_STEPS:
        assert card.text("trainer", step, lang) not in learner
        assert card.text("trainer", step, lang) in trainer
        assert cl.label(f"complaints.step.{step}", lang) in trainer  # the course's own step names
    assert cl.label("complaints.technique." + card.techniques[0], "zh-CN") in trainer


def test_deck_prints_every_card_and_learner_deck_has_no_good_handling() -> None:
    learner, trainer = CARDS.to_markdown("en"), CARDS.to_markdown("zh-CN", trainer=True)
    assert all(c.title("en") in learner for c in CARDS) and all(c.title("zh-CN") in trainer for c in CARDS)
    assert not any(c.text("trainer", "solution", "en") in learner for c in CARDS)
    assert learner.startswith("## ") and "\n## " in learner


# --- observer checklist and scoring -------------------------------------------------------------


def test_checklist_has_the_eight_steps_and_prints_them() -> None:
    checklist = kit.observer_checklist()
    assert checklist.steps == cl.complaints.HANDLING_STEPS and checklist.scores == (0, 1, 2)
    for lang in LANGUAGES:
        text = checklist.to_markdown(lang)
        for step in checklist.steps:
            assert cl.label(f"complaints.step.{step}", lang) in text
            assert checklist.look_for(step, lang) in text and checklist.partly(step, lang) in text
        assert checklist.data["debrief"][lang] not in text
        assert checklist.data["debrief"][lang] in checklist.to_markdown(lang, trainer=True)


def test_scores_summarise_by_hand() -> None:
    seen = dict(listen=2, feelings=1, cause=2, requirement=0, solution=2, thank=1, follow_up=0, review=0)
    summary = kit.score_observation(seen)
    assert summary.total == 2 + 1 + 2 + 0 + 2 + 1 + 0 + 0 and summary.maximum == 16
    assert summary.missing == ("requirement", "follow_up", "review")
    assert summary.partly == ("feelings", "thank")
    assert summary.flags == dict(listen=True, feelings=False, cause=True, requirement=False, solution=True,
                                 thank=False, follow_up=False, review=False)


def test_several_observers_agree_on_the_lower_median() -> None:
    base = dict.fromkeys(cl.complaints.HANDLING_STEPS, 2)
    three = [dict(base, thank=0), dict(base, thank=1), dict(base, thank=2)]
    assert int(kit.score_observation(three).table.loc["thank", "score"]) == 1
    two = pd.DataFrame([dict(base, review=1), base], index=["Li", "Wang"])
    summary = kit.score_observation(two)
    assert list(summary.table.columns) == ["Li", "Wang", "score"]
    assert summary.table.loc["review", "score"] == 1 and summary.flags["review"] is False
    assert "observer Li" in summary.to_markdown("en")


def test_flags_are_the_complaint_simulators_arguments() -> None:
    import inspect

    from csat_lab.widgets.models import complaint_model

    flags = kit.score_observation(dict.fromkeys(cl.complaints.HANDLING_STEPS, 0)).flags
    params = [p for p in inspect.signature(complaint_model).parameters if p != "dataset"]
    assert list(flags) == params


@pytest.mark.slow
def test_summary_feeds_the_simulator() -> None:
    half = dict(listen=2, feelings=2, cause=2, requirement=2, solution=2, thank=0, follow_up=1, review=0)
    result = kit.score_observation(half).simulate()
    assert result.steps == ("listen", "feelings", "cause", "requirement", "solution")
    assert result.none["repurchase"] < result.all["repurchase"]


@pytest.mark.parametrize("scores, words", [
    (dict(listen=2, feelings=2, cause=2, requirement=2, solution=2, thank=2, follow_up=2, review=3),
     ["'review'", "0 (not done), 1 (partly) or 2 (done)", "got 3"]),
    (dict(listen="yes", feelings=2, cause=2, requirement=2, solution=2, thank=2, follow_up=2, review=2),
     ["'listen'", "0 (not done)", "'yes'"]),
    (dict(listen=True, feelings=2, cause=2, requirement=2, solution=2, thank=2, follow_up=2, review=2),
     ["'listen'", "got True"]),
    (dict(listen=2, feelings=2, cause=2, requirement=2, solution=2, thank=2, follow_up=2),
     ["no score for step 'review'", "0 (not done)"]),
    (dict(listening=2), ["unknown step 'listening'", "listen, feelings, cause"]),
    ([dict(listen=2)], ["observer 1", "no score for step 'feelings'"]),
    ("listen", ["scores must map each of the eight steps"]),
])
def test_bad_scores_name_the_step_and_the_allowed_values(scores: object, words: list[str]) -> None:
    with pytest.raises(CsatInputError) as raised:
        kit.score_observation(scores)  # type: ignore[arg-type]
    assert all(w in str(raised.value) for w in words), str(raised.value)


def test_log_column_names_are_accepted() -> None:
    summary = kit.score_observation({f"step_{s}": 2 for s in cl.complaints.HANDLING_STEPS})
    assert summary.total == 16 and summary.missing == ()


# --- facilitation notes -------------------------------------------------------------------------


def test_scan_finds_the_known_questions() -> None:
    # Guards the scanner: if it found nothing, the mapping tests below would pass vacuously.
    notebooks = {nb for nb, _, _ in PASSAGES}
    assert {"01", "02", "05", "06", "07"} <= notebooks
    assert sum(1 for nb, lang, _ in PASSAGES if nb == "07" and lang == "en") >= 12
    assert any("carrot juice" in p for _, _, p in PASSAGES)


@pytest.mark.parametrize("notebook, lang, passage", PASSAGES,
                         ids=[f"{nb}-{lang}-{p[:30]}" for nb, lang, p in PASSAGES])
def test_every_question_in_the_notebooks_has_a_note(notebook: str, lang: str, passage: str) -> None:
    covering = [n.id for n in NOTES if n.notebook == notebook and any(_flat(a[lang]) in passage for a in n.anchors)]
    assert covering, f"no facilitation note for notebook {notebook} ({lang}): {passage[:160]}"


@pytest.mark.parametrize("note", NOTES, ids=NOTES.ids())
def test_every_note_points_at_a_marked_question(note: kit.FacilitationNote) -> None:
    for anchor in note.anchors:
        for lang in LANGUAGES:
            assert any(nb == note.notebook and _flat(anchor[lang]) in p for nb, l, p in PASSAGES if l == lang), (
                f"{note.id}: anchor {anchor[lang]!r} is not in a marked question of notebook {note.notebook}")


@pytest.mark.parametrize("note", NOTES, ids=NOTES.ids())
def test_every_note_has_the_five_parts_in_both_languages(note: kit.FacilitationNote) -> None:
    assert re.fullmatch(r"0[0-9]\.[a-z0-9_]+", note.id)
    assert note.kind in {"case", "discussion", "in_class", "role_play"} and 1 <= note.minutes <= 30
    for lang in LANGUAGES:
        assert note.text("title", lang)
        for part in kit.NOTE_PARTS:
            assert len(note.text(part, lang)) > 8, (note.id, part, lang)
        assert str(note.minutes) in note.text("timing", lang)


def test_the_cases_of_notebook_07_have_notes() -> None:
    ids = kit.facilitation_notes("07").ids()
    for case in ("carrot_juice", "phone_booth", "supermarket_programme", "convenience_store", "dealer_report"):
        assert f"07.{case}" in ids
    assert kit.facilitation_notes(7).ids() == ids == kit.facilitation_notes("07_case_studies").ids()
    assert len(set(NOTES.ids())) == len(NOTES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_learner_markdown_has_no_model_answers(lang: str) -> None:
    learner, trainer = NOTES.to_markdown(lang), NOTES.to_markdown(lang, trainer=True)
    for note in NOTES:
        assert note.text("open_with", lang) in learner
        for part in ("model_answer", "listen_for", "wrong_turns"):
            assert note.text(part, lang) not in learner
            assert note.text(part, lang) in trainer
    assert learner.count(kit.PAGE_BREAK) == len({n.notebook for n in NOTES}) - 1


def test_bad_notebook_is_refused() -> None:
    with pytest.raises(CsatInputError, match="notebook must be"):
        kit.facilitation_notes("12")


# --- both languages, Chinese terms ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["roleplay", "checklist", "facilitation", "labels"])
def test_every_text_exists_in_both_languages_and_chinese_uses_the_preferred_terms(name: str) -> None:
    data = json.loads((KIT / f"{name}.json").read_text(encoding="utf-8"))
    texts = list(kit._all_texts(data))
    assert len(texts) > 10
    problems = []
    for text in texts:
        assert text["en"].strip() and text["zh-CN"].strip(), text
        words = re.sub(r"\{\w+\}", "", text["en"])
        assert HAN.search(text["zh-CN"]) or not re.search(r"[A-Za-z]{3,}", words), text  # Chinese, not a copy
        problems += _violations(text["zh-CN"])
    assert not problems, problems


def test_printed_chinese_uses_the_preferred_terms() -> None:
    printed = (CARDS.to_markdown("zh-CN", trainer=True) + kit.observer_checklist().to_markdown("zh-CN", trainer=True)
               + NOTES.to_markdown("zh-CN", trainer=True))
    assert HAN.search(printed) and not _violations(printed)
    assert _violations("顾客") == ["顾客 (use 客户)"]  # the finder itself works


def test_language_follows_the_current_language() -> None:
    cl.set_language("zh-CN")
    try:
        assert kit.observer_checklist().to_markdown().startswith("## 观察员记录表")
    finally:
        cl.set_language("en")
    assert kit.observer_checklist().to_markdown().startswith("## Observer checklist")
    with pytest.raises(CsatInputError, match="unknown language"):
        CARDS[0].to_markdown("fr")
