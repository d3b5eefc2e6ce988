"""SQLite storage of the live classroom survey: rooms and their responses.

One file holds any number of rooms. Each room keeps the questionnaire it was
opened with (as JSON), so its answers can be read back and typed without the
server. The database runs in WAL mode: a response is written in its own
transaction, and the write-ahead log is flushed to disk (``fsync``) before the
phone is told "received". Flushes are shared (group commit): while one flush
runs, the responses committed meanwhile wait for the next one, which covers
them all, so 60 phones answering at once do not queue behind 60 flushes. The
server is the file's only writer while it runs.

Tables::

    rooms(code PRIMARY KEY, questionnaire JSON, created_at, closed_at)
    responses(id PRIMARY KEY, room, client_token, received_at, language, answers JSON,
              UNIQUE (room, client_token))

Examples
--------
>>> import tempfile, pathlib
>>> from csat_lab.survey import load_questionnaire
>>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "class.sqlite3")
>>> store.open_room("TEST42", load_questionnaire("course_evaluation")).created
True
>>> store.add_response("TEST42", "token-0001", "en", {"overall": 5, "nps": 9})
1
>>> store.add_response("TEST42", "token-0001", "en", {"overall": 1, "nps": 0}) is None  # same token: kept once
True
>>> store.close()
"""

from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
import sys
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import CsatInputError
from ..survey.questionnaire import Questionnaire

__all__ = ["Store", "Room", "default_db", "ROOM_CODE", "new_room_code"]

#: A room code: 4-8 letters or digits (stored in upper case).
ROOM_CODE = re.compile(r"^[A-Za-z0-9]{4,8}$")
# Letters and digits that cannot be misread for one another on a projector (no 0/O, 1/I/L).
_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS rooms (
    code          TEXT PRIMARY KEY,
    questionnaire TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    closed_at     TEXT
);
CREATE TABLE IF NOT EXISTS responses (
    id            INTEGER PRIMARY KEY,
    room          TEXT NOT NULL REFERENCES rooms(code),
    client_token  TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    language      TEXT NOT NULL,
    answers       TEXT NOT NULL,
    UNIQUE (room, client_token)
);
"""


def default_db() -> Path:
    """Where the classroom database lives when ``--db`` is not given: the user's data folder.

    The folder follows each system's convention: ``$XDG_DATA_HOME`` (default
    ``~/.local/share``) on Linux, ``~/Library/Application Support`` on macOS
    and ``%LOCALAPPDATA%`` on Windows, then ``csat_lab/classroom.sqlite3``.
    ``CSAT_LAB_DATA_DIR`` overrides the folder.

    Returns
    -------
    pathlib.Path
        The database path (its folder is not created here).

    Examples
    --------
    >>> default_db().name
    'classroom.sqlite3'
    """
    override = os.environ.get("CSAT_LAB_DATA_DIR")
    if override:
        return Path(override) / "classroom.sqlite3"
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return base / "csat_lab" / "classroom.sqlite3"


def new_room_code(length: int = 6) -> str:
    """A random room code of easy-to-read capitals and digits.

    Parameters
    ----------
    length : int, default 6
        Number of characters, 4 to 8.

    Returns
    -------
    str
        The code.

    Examples
    --------
    >>> bool(ROOM_CODE.match(new_room_code()))
    True
    """
    if not isinstance(length, int) or not 4 <= length <= 8:
        raise CsatInputError(f"'length' must be a whole number from 4 to 8, got {length!r}")
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(length))


def check_room_code(code: object) -> str:
    """The code in upper case, or a clear error when it is not 4-8 letters or digits."""
    if not isinstance(code, str) or not ROOM_CODE.match(code):
        raise CsatInputError(f"'room' must be 4-8 letters or digits (for example TEST42), got {code!r}")
    return code.upper()


def now() -> str:
    """The current UTC time, ISO 8601 with milliseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class Room:
    """A room as stored: code, questionnaire, when it opened and closed, answers so far."""

    code: str
    questionnaire: Questionnaire
    created_at: str
    closed_at: str | None
    n: int
    created: bool = False

    @property
    def is_open(self) -> bool:
        """Whether the room still takes answers."""
        return self.closed_at is None


class Store:
    """The classroom database: one connection, one transaction per write.

    Parameters
    ----------
    path : str or pathlib.Path
        The SQLite file; created with its folder when missing.
    readonly : bool, default False
        Open an existing file for reading only (``responses()`` does).
    """

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        if not isinstance(path, (str, Path)) or not str(path):
            raise CsatInputError(f"'db' must be the path of a SQLite file, got {path!r}")
        self.path = Path(path)
        self._lock = threading.Lock()
        self._rooms = {}
        self._counts = {}
        if readonly:
            if not self.path.is_file():
                raise CsatInputError(f"no classroom database at {str(self.path)!r}")
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            try:
                self._db.execute("PRAGMA query_only=ON")
                self._db.execute("SELECT 1 FROM rooms LIMIT 1")
            except sqlite3.DatabaseError as exc:
                self._db.close()
                raise CsatInputError(f"{str(self.path)!r} is not a classroom database ({exc})") from None
            return
        if self.path.exists() and not self.path.is_file():
            raise CsatInputError(f"'db' {str(self.path)!r} is a folder, not a SQLite file")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        self._sync_lock = threading.Lock()
        self._committed = self._synced = 0
        self._rooms: dict[str, tuple[Questionnaire, str, str | None]] = {}
        self._counts: dict[str, int] = {}
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            # Commits do not fsync by themselves; add_response flushes the log before it returns.
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            self._db.close()
            raise CsatInputError(f"{str(self.path)!r} is not a usable SQLite database ({exc})") from None

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL back into the file)."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ rooms
    def open_room(self, code: str, questionnaire: Questionnaire) -> Room:
        """Open room ``code`` with ``questionnaire``, or resume it when it exists with the same one.

        A room that already has answers keeps its questionnaire: asking for a
        different one is an error rather than a silent mix of two designs.
        """
        code = check_room_code(code)
        design = json.dumps(questionnaire.to_dict(), ensure_ascii=False, sort_keys=True)
        with self._lock:
            row = self._db.execute("SELECT questionnaire FROM rooms WHERE code = ?", (code,)).fetchone()
            created = row is None
            if created:
                self._db.execute("INSERT INTO rooms(code, questionnaire, created_at) VALUES (?, ?, ?)",
                                 (code, design, now()))
            elif json.loads(row[0]) != json.loads(design):
                n = self._db.execute("SELECT count(*) FROM responses WHERE room = ?", (code,)).fetchone()[0]
                if n:
                    stored = json.loads(row[0]).get("name") or "another questionnaire"
                    raise CsatInputError(
                        f"room {code} already has {n} answers to {stored!r}; use a new room code for "
                        f"{questionnaire.name or 'this questionnaire'!r}")
                self._db.execute("UPDATE rooms SET questionnaire = ? WHERE code = ?", (design, code))
            self._rooms.pop(code, None)
        room = self.room(code)
        assert room is not None
        return Room(room.code, room.questionnaire, room.created_at, room.closed_at, room.n, created)

    def room(self, code: str) -> Room | None:
        """The stored room ``code`` (any case), or None."""
        if not isinstance(code, str) or not ROOM_CODE.match(code):
            return None
        code = code.upper()
        with self._lock:
            if code not in self._rooms:
                row = self._db.execute("SELECT questionnaire, created_at, closed_at FROM rooms WHERE code = ?",
                                       (code,)).fetchone()
                if row is None:
                    return None
                n = self._db.execute("SELECT count(*) FROM responses WHERE room = ?", (code,)).fetchone()[0]
                self._rooms[code] = (Questionnaire.from_dict(json.loads(row[0])), row[1], row[2])
                self._counts[code] = n
            design, created_at, closed_at = self._rooms[code]
            return Room(code, design, created_at, closed_at, self._counts[code])

    def rooms(self) -> list[str]:
        """Codes of all rooms, oldest first."""
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT code FROM rooms ORDER BY created_at, code")]

    def close_room(self, code: str) -> str:
        """Close room ``code`` to new answers; returns when it was closed (the first time)."""
        with self._lock:
            self._db.execute("UPDATE rooms SET closed_at = ? WHERE code = ? AND closed_at IS NULL",
                             (now(), code.upper()))
            row = self._db.execute("SELECT closed_at FROM rooms WHERE code = ?", (code.upper(),)).fetchone()
            self._rooms.pop(code.upper(), None)
        if row is None:
            raise CsatInputError(f"no room {code!r}")
        return row[0]

    # -------------------------------------------------------------- responses
    def add_response(self, room: str, client_token: str, language: str, answers: dict[str, Any]) -> int | None:
        """Store one response in its own transaction; its row id, or None for a token already stored.

        When this returns, the transaction is committed and flushed to disk
        (:meth:`flush`). Safe to call from several threads at once.
        """
        body = json.dumps(answers, ensure_ascii=False, sort_keys=True)
        code = room.upper()
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                cur = self._db.execute(
                    "INSERT INTO responses(room, client_token, received_at, language, answers) VALUES (?, ?, ?, ?, ?)"
                    " ON CONFLICT(room, client_token) DO NOTHING",
                    (code, client_token, now(), language, body))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            stored = cur.rowcount == 1
            if stored and code in self._counts:
                self._counts[code] += 1
            self._committed += 1
            mine = self._committed
        self.flush(mine)
        return cur.lastrowid if stored else None

    def flush(self, upto: int | None = None) -> None:
        """Make every transaction committed so far durable: ``fsync`` the write-ahead log (group commit).

        ``upto`` is the caller's commit number; when another thread's flush
        already covered it, nothing is done.
        """
        with self._sync_lock:
            with self._lock:
                target = self._committed
            if upto is not None and self._synced >= upto:
                return
            for name in (str(self.path) + "-wal", str(self.path)):
                try:
                    fd = os.open(name, os.O_RDONLY)
                except FileNotFoundError:
                    continue
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                break
            self._synced = target

    def has_token(self, room: str, client_token: str) -> bool:
        """Whether a response with ``client_token`` is stored in ``room``."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM responses WHERE room = ? AND client_token = ?",
                                    (room.upper(), client_token)).fetchone() is not None

    def count(self, room: str) -> int:
        """Number of responses stored in ``room``."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM responses WHERE room = ?", (room.upper(),)).fetchone()[0]

    def rows(self, room: str | None = None) -> list[tuple[int, str, str, str, str, dict[str, Any]]]:
        """``(id, room, client_token, received_at, language, answers)`` of every response, in order."""
        sql = "SELECT id, room, client_token, received_at, language, answers FROM responses"
        args: tuple = ()
        if room is not None:
            sql += " WHERE room = ?"
            args = (room.upper(),)
        with self._lock:
            found = self._db.execute(sql + " ORDER BY id", args).fetchall()
        return [(i, r, t, at, lang, json.loads(a)) for i, r, t, at, lang, a in found]

    def integrity_check(self) -> str:
        """SQLite's ``PRAGMA integrity_check`` ("ok" when the file is sound)."""
        with self._lock:
            return self._db.execute("PRAGMA integrity_check").fetchone()[0]
