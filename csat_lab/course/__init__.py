"""Teaching support for the course notebooks: self-checks, the glossary, and launching Lab or the app.

* :mod:`.exercises`: ``cl.check(id, answer)`` tells right from wrong without giving the answer
* :mod:`.glossary`: the bilingual glossary (English / 简体中文), ``cl.glossary.glossary()``
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

__all__ = ["exercises", "glossary", "launch"]
