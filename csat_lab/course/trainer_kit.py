"""Trainer kit: role-play cards, the observer checklist and facilitation notes, in both languages.

* :func:`roleplay_cards`: complaint role plays for notebook 06, each a card with a customer
  side, a staff side and (trainer edition) what good handling looks like through the eight
  steps and which "……一点" techniques fit;
* :func:`observer_checklist`: the form an observer fills in, one score per handling step
  (0 not done, 1 partly, 2 done);
* :func:`score_observation`: observer scores -> a summary table and the step flags of the
  complaint simulator (:func:`csat_lab.widgets.models.complaint_model`), so the class can see
  what the missing steps were worth;
* :func:`facilitation_notes`: timing, opening question, what to listen for, common wrong
  turns and a model answer for every case and discussion question of the notebooks.

The content lives in ``csat_lab/course/kit/*.json``, every text in English and Simplified
Chinese. Everything prints: ``to_markdown(language, trainer=...)`` gives the learner version
(no model answers, no good-handling side) or the trainer version, with ``##``/``###`` headings
and ``<div class="page-break"></div>`` between cards, for the handouts.

Examples
--------
>>> from csat_lab.course import trainer_kit
>>> len(trainer_kit.roleplay_cards()) >= 8
True
>>> trainer_kit.score_observation(dict.fromkeys(trainer_kit.STEPS, 2)).missing
()
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from ..complaints.process import HANDLING_STEPS, TECHNIQUES
from ..errors import CsatInputError
from ..i18n.catalog import label, resolve_language

__all__ = ["roleplay_cards", "observer_checklist", "score_observation", "facilitation_notes",
           "RoleplayCard", "RoleplayCards", "ObserverChecklist", "ObservationSummary",
           "FacilitationNote", "FacilitationNotes", "STEPS", "SCORES", "NOTE_PARTS", "PAGE_BREAK"]

#: The eight handling steps, in the course's order (``cl.complaints.HANDLING_STEPS``).
STEPS: tuple[str, ...] = HANDLING_STEPS
#: The observer's scale: score -> meaning (labels ``score.<n>`` in ``kit/labels.json``).
SCORES: tuple[int, ...] = (0, 1, 2)
#: The line that starts a new printed page in the handouts.
PAGE_BREAK = '<div class="page-break"></div>'

_KIT = Path(__file__).with_name("kit")


@lru_cache(maxsize=None)
def _load(name: str) -> Any:
    return json.loads((_KIT / f"{name}.json").read_text(encoding="utf-8"))


_lang = resolve_language


def _t(entry: Mapping[str, str], language: str) -> str:
    return entry[language]


def _ui(key: str, language: str, **values: object) -> str:
    """A heading or fixed phrase of the kit (``kit/labels.json``), filled with ``values``."""
    return _load("labels")[key][language].format(**values)


def _step(step: str, language: str) -> str:
    return label(f"complaints.step.{step}", language)


def _technique(code: str, language: str) -> str:
    zh = label(f"complaints.technique.{code}", "zh-CN")
    return zh if language == "zh-CN" else f"{zh} ({label(f'complaints.technique.{code}', 'en').lower()})"


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _markdown_repr(obj: Any) -> str:
    return obj.to_markdown()


# --- role-play cards ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RoleplayCard:
    """One complaint role play: a customer side, a staff side and (for trainers) good handling.

    Attributes
    ----------
    id : str
        Stable identifier, e.g. ``"car_service_delay"``.
    number : int
        Position in the deck (1, 2, ...).
    data : dict
        The card's texts as stored in ``kit/roleplay.json`` (``{"en": ..., "zh-CN": ...}`` each).
    """

    id: str
    number: int
    data: Mapping[str, Any] = field(repr=False)

    def title(self, language: str | None = None) -> str:
        """The card's title in ``language`` (default: the current language)."""
        return _t(self.data["title"], _lang(language))

    def text(self, side: str, part: str, language: str | None = None) -> str:
        """One part of one side, e.g. ``text("customer", "wants")`` or ``text("trainer", "cause")``."""
        return _t(self.data[side][part], _lang(language))

    @property
    def techniques(self) -> tuple[str, ...]:
        """Codes of the techniques that fit (``cl.complaints.TECHNIQUES``)."""
        return tuple(t["code"] for t in self.data["trainer"]["techniques"])

    def side_markdown(self, side: str, language: str | None = None) -> str:
        """One printable side: ``"customer"``, ``"staff"`` or ``"trainer"`` (good handling)."""
        lang = _lang(language)
        head = f"## {_ui('card.heading', lang, number=self.number, title=self.title(lang))} · {_ui(f'card.{side}', lang)}"
        lines = [head, "", f"{_ui('card.setting', lang)} {_t(self.data['setting'], lang)}", ""]
        if side in ("customer", "staff"):
            for part in _load("roleplay")["parts"][side]:
                lines += [f"### {_ui(f'{side}.{part}', lang)}", "", _t(self.data[side][part], lang), ""]
        elif side == "trainer":
            trainer = self.data["trainer"]
            lines += [f"### {_ui('trainer.steps', lang)}", "",
                      f"| {_ui('trainer.step', lang)} | {_ui('trainer.good', lang)} |", "|---|---|"]
            lines += [f"| {_step(s, lang)} | {_cell(_t(trainer[s], lang))} |" for s in STEPS]
            lines += ["", f"### {_ui('trainer.techniques', lang)}", ""]
            lines += [f"- **{_technique(t['code'], lang)}**{_ui('colon', lang)}{_t(t['why'], lang)}" for t in trainer["techniques"]]
            lines += ["", f"### {_ui('trainer.watch', lang)}", "", _t(trainer["watch"], lang), ""]
        else:
            raise CsatInputError(f"side must be 'customer', 'staff' or 'trainer', got {side!r}")
        return "\n".join(lines).rstrip() + "\n"

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """The card, one side per page: customer, staff and (``trainer=True``) good handling."""
        sides = ["customer", "staff"] + (["trainer"] if trainer else [])
        return f"\n{PAGE_BREAK}\n\n".join(self.side_markdown(s, language) for s in sides)

    _repr_markdown_ = _markdown_repr


class RoleplayCards(list):
    """The deck of role-play cards (a list of :class:`RoleplayCard`) that prints as a whole."""

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """How to run the role play (trainer edition), then every card, each side on its own page."""
        lang = _lang(language)
        intro = _load("roleplay")["intro"]
        parts = [f"## {_t(intro['title'], lang)}\n\n{_t(intro['learner'], lang)}\n"]
        if trainer:
            parts[0] += f"\n### {_ui('trainer.run', lang)}\n\n{_t(intro['trainer'], lang)}\n"
        parts += [card.to_markdown(lang, trainer=trainer) for card in self]
        return f"\n{PAGE_BREAK}\n\n".join(parts)

    _repr_markdown_ = _markdown_repr


def roleplay_cards() -> RoleplayCards:
    """The complaint-handling role-play cards of notebook 06, in both languages.

    Each card is a situation drawn from the training materials (a late car service, a late and
    thawed grocery delivery, a key account's damaged delivery, a member's points refused at the
    till, ...). The customer side says who the customer is, what happened, what they want, how
    they behave and what would calm them; the staff side what the handler knows, may offer and
    may not decide; the trainer side what good handling looks like through the eight steps
    (``cl.complaints.HANDLING_STEPS``) and which of the eleven "……一点" techniques fit.

    Returns
    -------
    RoleplayCards
        A list of :class:`RoleplayCard`; ``to_markdown(language, trainer=...)`` prints the
        deck (customer and staff sides on separate pages; the good-handling side only with
        ``trainer=True``).

    Examples
    --------
    >>> cards = roleplay_cards()
    >>> cards[0].id, len(cards) >= 8
    ('car_service_delay', True)
    >>> "<div class=\\"page-break\\"></div>" in cards[0].to_markdown("en")
    True
    """
    return RoleplayCards(RoleplayCard(id=c["id"], number=i, data=c)
                         for i, c in enumerate(_load("roleplay")["cards"], start=1))


# --- observer checklist and scoring -------------------------------------------------------------


@dataclass(frozen=True)
class ObserverChecklist:
    """The observer's form: what to look for at each of the eight steps, scored 0, 1 or 2.

    Attributes
    ----------
    steps : tuple of str
        The step codes in order (``cl.complaints.HANDLING_STEPS``).
    scores : tuple of int
        The allowed scores, 0 (not done), 1 (partly), 2 (done).
    data : dict
        The texts of ``kit/checklist.json``: per step what "done" and "partly" look like.
    """

    steps: tuple[str, ...]
    scores: tuple[int, ...]
    data: Mapping[str, Any] = field(repr=False)

    def look_for(self, step: str, language: str | None = None) -> str:
        """What a score of 2 (done) looks like at ``step``."""
        return _t(self.data["steps"][step]["done"], _lang(language))

    def partly(self, step: str, language: str | None = None) -> str:
        """What a score of 1 (partly) looks like at ``step``."""
        return _t(self.data["steps"][step]["partly"], _lang(language))

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """The printable form; ``trainer=True`` adds how to score, enter and debrief."""
        lang = _lang(language)
        lines = [f"## {_ui('checklist.title', lang)}", "", _ui("checklist.header", lang), "",
                 _ui("checklist.scale", lang), "",
                 f"| {_ui('trainer.step', lang)} | {_ui('checklist.done', lang)} | "
                 f"{_ui('checklist.partly', lang)} | 0 | 1 | 2 |", "|---|---|---|:-:|:-:|:-:|"]
        lines += [f"| {_step(s, lang)} | {_cell(self.look_for(s, lang))} | {_cell(self.partly(s, lang))} | ☐ | ☐ | ☐ |"
                  for s in self.steps]
        lines += ["", f"### {_ui('checklist.techniques', lang)}", "",
                  f"| {_ui('checklist.technique', lang)} | {_ui('checklist.seen', lang)} | {_ui('checklist.example', lang)} |",
                  "|---|:-:|---|"]
        lines += [f"| {_technique(t, lang)} | ☐ | |" for t in TECHNIQUES]
        lines += ["", f"### {_ui('checklist.notes', lang)}", "", _ui("checklist.notes_prompt", lang), ""]
        lines += ["&nbsp;", ""] * 6
        if trainer:
            lines += [f"### {_ui('checklist.debrief', lang)}", "", _t(self.data["debrief"], lang), ""]
        return "\n".join(lines).rstrip() + "\n"

    _repr_markdown_ = _markdown_repr


def observer_checklist() -> ObserverChecklist:
    """The observer checklist for the complaint role play: the eight steps, each scored 0-2.

    For every handling step the checklist says what "done" (2) and "partly" (1) look like;
    "not done" is 0. It also lists the eleven techniques to tick and leaves room for notes. The
    scores go into :func:`score_observation`.

    Returns
    -------
    ObserverChecklist
        ``steps`` (the eight codes), ``scores`` (0, 1, 2) and the texts;
        ``to_markdown(language, trainer=...)`` prints the form (trainer: with the debrief).

    Examples
    --------
    >>> checklist = observer_checklist()
    >>> checklist.steps[0], checklist.steps[-1], checklist.scores
    ('listen', 'review', (0, 1, 2))
    >>> print(checklist.to_markdown("en").splitlines()[0])
    ## Observer checklist: the eight steps of complaint handling
    """
    return ObserverChecklist(steps=STEPS, scores=SCORES, data=_load("checklist"))


def _score(step: str, value: object, who: str) -> int:
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) and int(value) in SCORES
    if not ok and isinstance(value, (float, np.floating)) and float(value).is_integer() and int(value) in SCORES:
        ok = True
    if not ok:
        raise CsatInputError(
            f"{who}score for step {step!r} must be 0 (not done), 1 (partly) or 2 (done), got {value!r}")
    return int(value)


def _observer_scores(scores: Mapping[str, object], who: str) -> dict[str, int]:
    if not isinstance(scores, Mapping):
        raise CsatInputError(
            f"{who}scores must map each step to 0, 1 or 2, e.g. {{'listen': 2, ...}}; got {type(scores).__name__}")
    unknown = [k for k in scores if k not in STEPS and str(k).removeprefix("step_") not in STEPS]
    if unknown:
        raise CsatInputError(f"{who}unknown step {unknown[0]!r}; the steps are: {', '.join(STEPS)}")
    given = {str(k).removeprefix("step_"): v for k, v in scores.items()}
    missing = [s for s in STEPS if s not in given]
    if missing:
        raise CsatInputError(f"{who}no score for step {missing[0]!r}; score every step 0 (not done), "
                             f"1 (partly) or 2 (done)")
    return {s: _score(s, given[s], who) for s in STEPS}


@dataclass(frozen=True)
class ObservationSummary:
    """The observers' scores of one role-play round, summarised.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per step (index: step codes): each observer's score and ``score``, the
        agreed score (the lower median of the observers).
    total : int
        Sum of the agreed scores.
    maximum : int
        The highest possible total, 16.
    flags : dict
        Step code -> True when the agreed score is 2 (done): the keyword arguments of
        :func:`csat_lab.widgets.models.complaint_model`.
    missing : tuple of str
        Steps with agreed score 0.
    partly : tuple of str
        Steps with agreed score 1.
    """

    table: pd.DataFrame
    total: int
    maximum: int
    flags: dict[str, bool]
    missing: tuple[str, ...]
    partly: tuple[str, ...]

    @property
    def estimate(self) -> float:
        """Share of the possible points scored (0 to 1)."""
        return self.total / self.maximum

    def simulate(self, dataset: str = "complaints_log") -> Any:
        """The complaint simulator's prediction for the steps done, next to "none" and "all eight"."""
        from ..widgets.models import complaint_model

        return complaint_model(**self.flags, dataset=dataset)

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """The summary table; ``trainer=True`` adds which steps the simulator will count as taken."""
        lang = _lang(language)
        observers = [c for c in self.table.columns if c != "score"]
        meaning = {s: _ui(f"score.{s}", lang) for s in SCORES}
        head = [_ui("trainer.step", lang), *(_ui("summary.observer", lang, name=o) for o in observers),
                _ui("summary.agreed", lang)]
        lines = [f"## {_ui('summary.title', lang)}", "", "| " + " | ".join(head) + " |",
                 "|---|" + ":-:|" * (len(head) - 1)]
        for step, row in self.table.iterrows():
            cells = [str(int(row[o])) for o in observers] + [_ui("summary.cell", lang, score=int(row["score"]), meaning=meaning[int(row["score"])])]
            lines.append(f"| {_step(str(step), lang)} | " + " | ".join(cells) + " |")
        lines += ["", _ui("summary.total", lang, total=self.total, maximum=self.maximum)]
        if trainer:
            taken = [_step(s, lang) for s in STEPS if self.flags[s]] or ["–"]
            lines += ["", _ui("summary.flags", lang, steps=_ui("list_sep", lang).join(taken))]
        return "\n".join(lines) + "\n"

    _repr_markdown_ = _markdown_repr


def score_observation(scores: Mapping[str, int] | Sequence[Mapping[str, int]] | pd.DataFrame
                      ) -> ObservationSummary:
    """Turn observer checklist scores into a summary and the complaint simulator's step flags.

    Each observer scores each of the eight steps 0 (not done), 1 (partly) or 2 (done). With
    several observers the agreed score of a step is the lower median of their scores, so a
    step counts as done only when at least half of the observers saw it done. A step is
    *taken* for the simulator (``flags``) when its agreed score is 2; partly done steps count
    as not taken, because the simulator's steps are yes/no.

    Parameters
    ----------
    scores : mapping, sequence of mappings, or DataFrame
        One observer: ``{"listen": 2, "feelings": 1, ...}`` with all eight step codes (the
        log columns ``step_listen`` ... are accepted too). Several observers: a list of such
        mappings, or a DataFrame with one row per observer and the steps as columns (its
        index names the observers). Any other value, step or score raises
        :class:`~csat_lab.errors.CsatInputError` naming the step and the allowed values.

    Returns
    -------
    ObservationSummary
        ``table`` (one row per step), ``total`` out of ``maximum`` (16), ``flags`` for
        :func:`csat_lab.widgets.models.complaint_model`, the ``missing`` and ``partly`` done
        steps; ``simulate()`` runs the simulator on the flags, ``to_markdown()`` prints.

    Examples
    --------
    >>> seen = dict(listen=2, feelings=2, cause=1, requirement=2, solution=2, thank=0,
    ...             follow_up=0, review=0)
    >>> summary = score_observation(seen)
    >>> summary.total, summary.missing
    (9, ('thank', 'follow_up', 'review'))
    >>> [step for step, taken in summary.flags.items() if taken]
    ['listen', 'feelings', 'requirement', 'solution']
    >>> two = score_observation([seen, dict(seen, cause=2)])
    >>> int(two.table.loc["cause", "score"])
    1
    """
    if isinstance(scores, pd.DataFrame):
        observers = {str(name): _observer_scores(row.to_dict(), f"observer {name!r}: ")
                     for name, row in scores.iterrows()}
    elif isinstance(scores, Mapping):
        observers = {"1": _observer_scores(scores, "")}
    elif isinstance(scores, Sequence) and not isinstance(scores, str) and len(scores) > 0:
        observers = {str(i): _observer_scores(s, f"observer {i}: ") for i, s in enumerate(scores, start=1)}
    else:
        raise CsatInputError("scores must map each of the eight steps to 0, 1 or 2 (one observer), "
                             f"or be a list or DataFrame of such scores (several observers); got {scores!r}")
    table = pd.DataFrame(observers, index=pd.Index(STEPS, name="step"))
    # Lower median: a step is only as done as at least half of the observers saw it.
    table["score"] = [int(np.sort(row)[math.ceil(len(row) / 2) - 1]) for row in table.to_numpy()]
    agreed = table["score"]
    return ObservationSummary(
        table=table, total=int(agreed.sum()), maximum=2 * len(STEPS),
        flags={s: bool(agreed[s] == 2) for s in STEPS},
        missing=tuple(s for s in STEPS if agreed[s] == 0), partly=tuple(s for s in STEPS if agreed[s] == 1))


# --- facilitation notes -------------------------------------------------------------------------

#: The five parts of every facilitation note, in print order.
NOTE_PARTS: tuple[str, ...] = ("timing", "open_with", "listen_for", "wrong_turns", "model_answer")


@dataclass(frozen=True)
class FacilitationNote:
    """Facilitation notes and a model answer for one case or discussion question.

    Attributes
    ----------
    id : str
        Stable identifier, ``"<notebook>.<name>"``, e.g. ``"07.carrot_juice"``.
    notebook : str
        Two-digit notebook number.
    kind : str
        ``"case"``, ``"discussion"``, ``"in_class"`` (an activity) or ``"role_play"``.
    minutes : int
        Time to allow.
    anchors : tuple of dict
        Where the question is: short quotes of it, ``{"en": ..., "zh-CN": ...}``, each found in
        a markdown cell of the notebook source.
    data : dict
        The texts (title, timing, open_with, listen_for, wrong_turns, model_answer).
    """

    id: str
    notebook: str
    kind: str
    minutes: int
    anchors: tuple[Mapping[str, str], ...]
    data: Mapping[str, Any] = field(repr=False)

    def text(self, part: str, language: str | None = None) -> str:
        """One part (``"title"`` or one of :data:`NOTE_PARTS`) in ``language``."""
        return _t(self.data[part], _lang(language))

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """Learner: the question and where it is. Trainer: all five parts with the model answer."""
        lang = _lang(language)
        where = _ui("note.where", lang, notebook=self.notebook, quote=self.anchors[0][lang])
        lines = [f"### {self.id} · {self.text('title', lang)}", "", where, "",
                 f"**{_ui('note.open_with', lang)}** {self.text('open_with', lang)}", ""]
        if trainer:
            lines += [f"**{_ui('note.timing', lang)}** {self.text('timing', lang)}", ""]
            for part in ("listen_for", "wrong_turns", "model_answer"):
                lines += [f"**{_ui(f'note.{part}', lang)}** {self.text(part, lang)}", ""]
        return "\n".join(lines).rstrip() + "\n"

    _repr_markdown_ = _markdown_repr


class FacilitationNotes(list):
    """Facilitation notes (a list of :class:`FacilitationNote`), printed by notebook."""

    def ids(self) -> list[str]:
        """The notes' identifiers, in course order."""
        return [note.id for note in self]

    def get(self, note_id: str) -> FacilitationNote:
        """The note with identifier ``note_id``."""
        for note in self:
            if note.id == note_id:
                return note
        raise CsatInputError(f"no facilitation note {note_id!r}; the notes are: {', '.join(self.ids())}")

    def to_markdown(self, language: str | None = None, *, trainer: bool = False) -> str:
        """One section per notebook (each on a new page); learner version without answers."""
        lang = _lang(language)
        title = _ui("notes.title_trainer" if trainer else "notes.title", lang)
        sections = []
        for nb in dict.fromkeys(note.notebook for note in self):
            body = "\n".join(note.to_markdown(lang, trainer=trainer) for note in self if note.notebook == nb)
            sections.append(f"## {title}: {_ui('notes.notebook', lang, notebook=nb)}\n\n{body}")
        return f"\n{PAGE_BREAK}\n\n".join(sections)

    _repr_markdown_ = _markdown_repr


def _notebook(notebook: str | int) -> str:
    text = str(notebook).strip()
    head = text.split("_")[0]
    if not head.isdigit() or int(head) > 8:
        raise CsatInputError(f"notebook must be a course notebook number 0-8 such as '07' or 7, got {notebook!r}")
    return f"{int(head):02d}"


def facilitation_notes(notebook: str | int | None = None) -> FacilitationNotes:
    """Facilitation notes and model answers for the cases and discussion questions of the course.

    Every case of notebook 07 and every discussion question of notebooks 00-08 (markdown
    marked *Discussion:*, **2 · Discussion.**, *Then discuss:*, *In class:*, *Role play* and
    their Chinese counterparts) has a note with five parts: timing, the question to open with,
    what to listen for, common wrong turns and the model answer.

    Parameters
    ----------
    notebook : str or int, optional
        Only this notebook's notes (``"07"``, ``7`` or ``"07_case_studies"``); all when None.

    Returns
    -------
    FacilitationNotes
        A list of :class:`FacilitationNote` in course order; ``to_markdown(language,
        trainer=...)`` prints them by notebook (the learner version has the questions only).

    Examples
    --------
    >>> notes = facilitation_notes("07")
    >>> "07.carrot_juice" in notes.ids()
    True
    >>> "Model answer" in notes.to_markdown("en"), "Model answer" in notes.to_markdown("en", trainer=True)
    (False, True)
    """
    wanted = None if notebook is None else _notebook(notebook)
    notes = [FacilitationNote(id=n["id"], notebook=n["id"].split(".")[0], kind=n["kind"], minutes=n["minutes"],
                              anchors=tuple(n["anchors"]), data=n)
             for n in _load("facilitation")["notes"]]
    return FacilitationNotes(n for n in notes if wanted is None or n.notebook == wanted)


def _all_texts(obj: Any) -> Iterable[Mapping[str, str]]:
    """Every bilingual text in a kit file (dicts with both language keys), for tests and checks."""
    if isinstance(obj, Mapping):
        if "en" in obj and "zh-CN" in obj:
            yield obj
        else:
            for value in obj.values():
                yield from _all_texts(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _all_texts(value)
