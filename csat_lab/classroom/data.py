"""Reading a classroom database back as a typed table, for the notebooks.

Examples
--------
>>> import csat_lab as cl
>>> df = cl.classroom.responses("example")
>>> len(df), str(df["overall"].dtype), str(df["comment"].dtype)
(20, 'Int64', 'string')
"""

from __future__ import annotations

import tempfile
from importlib import resources
from pathlib import Path

import pandas as pd

from ..errors import CsatInputError
from ..survey.questionnaire import Questionnaire
from .storage import Store

__all__ = ["responses", "example_db", "EXAMPLE"]

#: File name of the recorded example database, shipped inside this package (see ``csat_lab.classroom.example``).
EXAMPLE = "example_course_evaluation.sqlite3"


def example_db() -> Path:
    """Path of the recorded example database: one room, ``DEMO24``, 20 simulated answers to ``course_evaluation``.

    The answers were simulated by ``python -m csat_lab.classroom example``
    (a seeded generator, no real person's answers), so notebooks can show the
    round trip without a server. Inside a zipped install the file is copied
    to a temporary folder first.

    Returns
    -------
    pathlib.Path
        A path to the SQLite file on disk.

    Examples
    --------
    >>> example_db().name
    'example_course_evaluation.sqlite3'
    """
    resource = resources.files("csat_lab.classroom") / EXAMPLE
    if isinstance(resource, Path) or Path(str(resource)).is_file():
        return Path(str(resource))
    target = Path(tempfile.mkdtemp(prefix="csat_lab_")) / EXAMPLE
    target.write_bytes(resource.read_bytes())
    return target


def _resolve(db: object) -> Path:
    if isinstance(db, str) and db == "example":
        return example_db()
    if not isinstance(db, (str, Path)) or not str(db):
        raise CsatInputError(f"'db' must be the path of a classroom database or \"example\", got {db!r}")
    return Path(db)


def responses(db: str | Path, room: str | None = None) -> pd.DataFrame:
    """The answers stored in a classroom database, one row per response, typed for analysis.

    Parameters
    ----------
    db : str or pathlib.Path
        The SQLite file the server wrote (``--db``), or ``"example"`` for the
        recorded example (:func:`example_db`).
    room : str, optional
        A room code; default every room in the file.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``response`` (the row id, in arrival order) with columns
        ``room`` and ``language`` (strings), ``received_at`` (UTC timestamps),
        then one column per question in the questionnaire's order: scale
        questions as nullable integers (``Int64``), free text as ``string``.
        Ready for :mod:`csat_lab.metrics` (``cl.metrics.nps(df["nps"])``) and
        :class:`csat_lab.survey.Questionnaire` (``q.validate(df)``); write it
        with the formula-safe ``cl.export.to_csv``.

    Notes
    -----
    The file is opened for reading only (``PRAGMA query_only``), so it can be
    read while the server is still writing to it (SQLite's WAL mode lets
    readers and one writer work at once; Hipp, 2010).

    References
    ----------
    Hipp, D. R. (2010). Write-ahead logging. SQLite documentation, https://sqlite.org/wal.html.

    Examples
    --------
    >>> df = responses("example", room="DEMO24")
    >>> list(df.columns[:5])
    ['room', 'received_at', 'language', 'overall', 'nps']
    """
    path = _resolve(db)
    with Store(path, readonly=True) as store:
        codes = store.rooms()
        if room is not None:
            if not isinstance(room, str) or room.upper() not in codes:
                raise CsatInputError(f"no room {room!r} in {path.name}; rooms are: {', '.join(codes) or 'none'}")
            codes = [room.upper()]
        designs: list[Questionnaire] = []
        for code in codes:
            found = store.room(code)
            assert found is not None
            designs.append(found.questionnaire)
        rows = [r for code in codes for r in store.rows(code)]
    rows.sort(key=lambda r: r[0])
    kinds: dict[str, str] = {}
    for q in designs:
        for it in q.items:
            kinds.setdefault(it.name, "string" if it.is_text else "Int64")
    frame = pd.DataFrame({
        "room": pd.array([r[1] for r in rows], dtype="string"),
        "received_at": pd.to_datetime(pd.Series([r[3] for r in rows], dtype="object"), utc=True, format="ISO8601"),
        "language": pd.array([r[4] for r in rows], dtype="string"),
        **{name: pd.array([r[5].get(name) for r in rows], dtype=kind) for name, kind in kinds.items()},
    }, index=pd.Index([r[0] for r in rows], name="response", dtype="int64"))
    return frame
