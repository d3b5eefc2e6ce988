"""Teaching support for the course notebooks: self-checks, the glossary, and launching Lab or the app.

* :mod:`.exercises`: ``cl.check(id, answer)`` tells right from wrong without giving the answer
* :mod:`.glossary`: the bilingual glossary (English / 简体中文), ``cl.glossary.glossary()``
* :mod:`.trainer_kit`: role-play cards, observer checklist and facilitation notes (``roleplay_cards()``, ...)
* :mod:`.launch`: ``python -m csat_lab.course.launch lab|app`` (what ``make lab`` and ``make app`` run)

The analysis modules never import this package.

Examples
--------
>>> from csat_lab.course import exercises
>>> exercises.check("00.scale_points", "abc").status
'unchecked'
"""

from __future__ import annotations

from . import exercises, glossary, launch
from .quiz import quiz, quiz_summary
from . import trainer_kit
from .trainer_kit import facilitation_notes, observer_checklist, roleplay_cards, score_observation

__all__ = ["exercises", "glossary", "launch", "quiz", "quiz_summary"]
__all__ += ["trainer_kit", "roleplay_cards", "observer_checklist", "score_observation", "facilitation_notes"]
