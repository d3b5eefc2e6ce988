"""Live classroom survey: learners answer on their phones, the class analyses its own data.

``python -m csat_lab.classroom serve`` (``make classroom``) starts a small web
app on the trainer's laptop: a phone page with the questionnaire in English or
Chinese, a trainer dashboard with live CSAT, NPS and a mean score with their
confidence intervals, and a JSON API. Answers go into a SQLite file (one
transaction per response) that the notebooks read back:

* :func:`responses`: a database's answers as a typed DataFrame;
* :func:`example_db`: the recorded example (20 simulated answers), also ``responses("example")``;
* :mod:`.storage`, :mod:`.answers`, :mod:`.summary`, :mod:`.app`, :mod:`.server`: the parts.

Only the server needs Starlette, uvicorn and segno; they load when it starts.

Examples
--------
>>> import csat_lab as cl
>>> df = cl.classroom.responses("example")
>>> round(cl.metrics.nps(df["nps"]).score, 1)
5.0
"""

from __future__ import annotations

from .data import EXAMPLE, example_db, responses
from .storage import default_db

__all__ = ["responses", "example_db", "default_db", "EXAMPLE"]
