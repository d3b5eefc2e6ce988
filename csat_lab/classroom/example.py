"""The recorded example database: 20 simulated answers to ``course_evaluation`` in room ``DEMO24``.

Notebooks read it with ``cl.classroom.responses("example")`` so they run
without a server. The answers come from a seeded simulation (no real
person's answers): a latent course liking per learner drives every rating,
comments are drawn from a short list in both languages. Regenerate with
``python -m csat_lab.classroom example`` (byte-stable for a given SQLite).

Examples
--------
>>> import tempfile, pathlib
>>> path = write_example(pathlib.Path(tempfile.mkdtemp()) / "demo.sqlite3")
>>> from csat_lab.classroom import responses
>>> len(responses(path))
20
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

from ..survey.questionnaire import load_questionnaire
from .storage import _SCHEMA

__all__ = ["write_example", "ROOM", "SEED", "N"]

ROOM = "DEMO24"
SEED = 20261130
N = 20
_START = datetime(2026, 11, 30, 15, 0, tzinfo=timezone.utc)

_COMMENTS = [
    ("en", "More time for the NPS exercise, please."),
    ("en", "The confidence intervals finally make sense to me."),
    ("en", "Too fast after the break."),
    ("en", "Loved analysing our own answers."),
    ("zh-CN", "案例很贴近实际工作。"),
    ("zh-CN", "希望多讲一些问卷设计的例子。"),
    ("zh-CN", "节奏有点快，练习时间不够。"),
    ("zh-CN", "用自己班的数据算净推荐值，很直观。"),
]


def _clip(x: float, low: int, high: int) -> int:
    return int(min(high, max(low, round(x))))


def write_example(path: str | Path | None = None, seed: int = SEED) -> Path:
    """Write the example classroom database (journal mode DELETE: one self-contained file).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Output file; default ``example_course_evaluation.sqlite3`` in this
        package's folder (what :func:`csat_lab.classroom.example_db` returns). An existing file is replaced.
    seed : int
        Seed of the simulation.

    Returns
    -------
    pathlib.Path
        The file written.

    Notes
    -----
    Each simulated learner has a latent liking ``z ~ N(0, 1)``; a 5-point
    answer is ``round(3.9 + 0.8 z + e)`` and the 0-10 recommendation
    ``round(8 + 1.6 z + e)``, clipped to the scale, with ``e ~ N(0, 0.6)``;
    about half leave a comment (each of eight comments at most once). The classical test theory model of one
    common factor plus item noise (Lord & Novick, 1968).

    References
    ----------
    Lord, F. M., & Novick, M. R. (1968). *Statistical Theories of Mental Test Scores*. Addison-Wesley.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> write_example(pathlib.Path(tempfile.mkdtemp()) / "x.sqlite3").suffix
    '.sqlite3'
    """
    if path is None:
        path = Path(__file__).resolve().parent / "example_course_evaluation.sqlite3"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    q = load_questionnaire("course_evaluation")
    rng = np.random.default_rng(seed)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=DELETE")
        db.executescript(_SCHEMA)
        design = json.dumps(q.to_dict(), ensure_ascii=False, sort_keys=True)
        db.execute("INSERT INTO rooms VALUES (?, ?, ?, ?)",
                   (ROOM, design, _START.isoformat(timespec="milliseconds"),
                    (_START + timedelta(minutes=6)).isoformat(timespec="milliseconds")))
        at = _START
        order = [int(k) for k in rng.permutation(len(_COMMENTS))]
        for i in range(N):
            z = rng.normal()
            answers: dict[str, object] = {}
            for it in q.items:
                if it.is_text:
                    continue
                if it.scale == "nps11":
                    answers[it.name] = _clip(8 + 1.6 * z + rng.normal(0, 0.6), 0, 10)
                else:
                    answers[it.name] = _clip(3.9 + 0.8 * z + rng.normal(0, 0.6), 1, 5)
            has_comment = bool(order) and rng.random() < 0.5
            language, comment = _COMMENTS[order.pop()] if has_comment else ("zh-CN" if rng.random() < 0.5 else "en", None)
            answers["comment"] = comment if has_comment else None
            at = at + timedelta(seconds=float(rng.uniform(5, 15)))
            db.execute("INSERT INTO responses(room, client_token, received_at, language, answers) VALUES (?, ?, ?, ?, ?)",
                       (ROOM, f"demo-{i + 1:04d}", at.isoformat(timespec="milliseconds"), language,
                        json.dumps(answers, ensure_ascii=False, sort_keys=True)))
        db.execute("VACUUM")
    finally:
        db.close()
    return path
