"""Classroom storage: rooms, one row per client token, WAL on disk, typed read-back, the example."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest

import csat_lab as cl
from csat_lab.classroom import storage
from csat_lab.classroom.server import bind_hosts, lan_address, main, parser
from csat_lab.classroom.storage import Store, check_room_code, default_db, new_room_code
from csat_lab.errors import CsatInputError
from csat_lab.survey import Item, Questionnaire, load_questionnaire

Q = load_questionnaire("course_evaluation")
FULL = {"overall": 5, "nps": 9, "useful": 4, "pace": 3, "exercises": 4, "trainer": 5, "comment": "很好"}


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "sub" / "class.sqlite3")
    yield s
    s.close()


def test_rooms_open_resume_and_refuse_a_different_design(store: Store) -> None:
    first = store.open_room("test42", Q)
    assert first.created and first.code == "TEST42" and first.is_open and first.n == 0
    store.add_response("TEST42", "token-0001", "en", FULL)
    again = store.open_room("TEST42", Q)
    assert not again.created and again.n == 1
    other = Questionnaire([Item("q1", scale="agree5")], name="other")
    with pytest.raises(CsatInputError, match="room TEST42 already has 1 answers to 'course_evaluation'"):
        store.open_room("TEST42", other)
    empty = store.open_room("EMPTY1", Q)
    assert store.open_room("EMPTY1", other).questionnaire == other and empty.created
    assert store.rooms() == ["TEST42", "EMPTY1"]


def test_one_row_per_client_token_and_wal_on_disk(store: Store) -> None:
    store.open_room("TEST42", Q)
    assert store.add_response("TEST42", "token-0001", "en", FULL) == 1
    assert store.add_response("TEST42", "token-0001", "zh-CN", {**FULL, "overall": 1}) is None
    assert store.count("TEST42") == 1 and store.rows()[0][5]["overall"] == 5
    # Another connection (another process) sees the row: it was committed and flushed.
    other = sqlite3.connect(store.path)
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert other.execute("SELECT count(*) FROM responses").fetchone()[0] == 1
    other.close()
    assert store.integrity_check() == "ok"


def test_close_room(store: Store) -> None:
    store.open_room("TEST42", Q)
    closed_at = store.close_room("TEST42")
    assert store.room("TEST42").closed_at == closed_at and not store.room("test42").is_open
    assert store.close_room("TEST42") == closed_at  # closing twice keeps the first time
    with pytest.raises(CsatInputError, match="no room 'NOPE1'"):
        store.close_room("NOPE1")
    assert store.room("NOPE1") is None and store.room("bad code!") is None


def test_responses_are_typed(store: Store) -> None:
    store.open_room("TEST42", Q)
    store.add_response("TEST42", "token-0001", "en", FULL)
    store.add_response("TEST42", "token-0002", "zh-CN", {**FULL, "comment": None, "nps": 3})
    df = cl.classroom.responses(store.path)
    assert list(df.columns) == ["room", "received_at", "language"] + [it.name for it in Q.items]
    assert str(df["overall"].dtype) == "Int64" and str(df["comment"].dtype) == "string"
    assert str(df["received_at"].dt.tz) == "UTC" and df.index.name == "response"
    assert df["comment"].isna().tolist() == [False, True] and df["language"].tolist() == ["en", "zh-CN"]
    assert cl.metrics.nps(df["nps"]).score == 0.0
    assert Q.validate(df)["overall"].tolist() == [5.0, 5.0]
    assert len(cl.classroom.responses(store.path, room="test42")) == 2
    with pytest.raises(CsatInputError, match="no room 'ZZZZ' in class.sqlite3; rooms are: TEST42"):
        cl.classroom.responses(store.path, room="ZZZZ")


def test_responses_of_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(CsatInputError, match="no classroom database"):
        cl.classroom.responses(tmp_path / "missing.sqlite3")
    assert not (tmp_path / "missing.sqlite3").exists()
    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database " * 100)
    with pytest.raises(CsatInputError, match="is not a classroom database"):
        cl.classroom.responses(text)
    with pytest.raises(CsatInputError, match="'db' must be the path"):
        cl.classroom.responses(None)  # type: ignore[arg-type]
    with pytest.raises(CsatInputError, match="is a folder"):
        Store(tmp_path)


def test_the_recorded_example() -> None:
    df = cl.classroom.responses("example")
    assert len(df) == 20 and set(df["room"]) == {"DEMO24"}
    assert df["overall"].between(1, 5).all() and df["nps"].between(0, 10).all()
    assert df["comment"].notna().sum() >= 4 and set(df["language"]) == {"en", "zh-CN"}
    assert cl.classroom.example_db().name == cl.classroom.EXAMPLE


def test_the_example_generator_reproduces_the_shipped_answers(tmp_path: Path) -> None:
    from csat_lab.classroom.example import write_example

    fresh = cl.classroom.responses(write_example(tmp_path / "again.sqlite3"))
    pd.testing.assert_frame_equal(fresh, cl.classroom.responses("example"))


def test_room_codes_and_default_db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert check_room_code("test42") == "TEST42"
    for bad in ("abc", "TOOLONG99", "AB-12", "", None, 1234):
        with pytest.raises(CsatInputError, match="4-8 letters or digits"):
            check_room_code(bad)
    assert all(storage.ROOM_CODE.match(new_room_code(n)) for n in (4, 6, 8))
    with pytest.raises(CsatInputError, match="from 4 to 8"):
        new_room_code(3)
    monkeypatch.setenv("CSAT_LAB_DATA_DIR", str(tmp_path))
    assert default_db() == tmp_path / "classroom.sqlite3"
    monkeypatch.delenv("CSAT_LAB_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if storage.sys.platform.startswith("linux"):
        assert default_db() == tmp_path / "xdg" / "csat_lab" / "classroom.sqlite3"


def test_command_line_parsing_and_bind_addresses(capsys: pytest.CaptureFixture) -> None:
    args = parser().parse_args(["serve", "--port", "9000", "--db", "x.sqlite3", "--room", "TEST42", "--lan"])
    assert (args.port, str(args.db), args.room, args.lan, args.questionnaire) == (9000, "x.sqlite3", "TEST42", True,
                                                                                   "course_evaluation")
    assert bind_hosts(False) == ["127.0.0.1"]
    lan = bind_hosts(True)
    assert lan == ["0.0.0.0"] or (lan[0] == "127.0.0.1" and lan[1] == lan_address() and not lan[1].startswith("127."))
    assert main(["serve", "--room", "bad!"]) == 2
    assert "'room' must be 4-8 letters or digits" in capsys.readouterr().out
    assert main(["serve", "--questionnaire", "nope_nothing", "--room", "TEST42"]) == 2
    assert "no questionnaire 'nope_nothing'" in capsys.readouterr().out
    assert main(["serve", "--port", "0", "--room", "TEST42"]) == 2
    assert "--port must be a whole number from 1 to 65535" in capsys.readouterr().out


def test_import_csat_lab_does_not_load_the_server() -> None:
    import subprocess
    import sys

    code = ("import sys, csat_lab as cl; cl.classroom.responses('example'); "
            "print(sorted(m for m in ('starlette', 'uvicorn', 'segno') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_response_is_flushed_to_disk_before_add_response_returns(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.open_room("TEST42", Q)
    synced: list[str] = []
    real_fsync = storage.os.fsync

    def fsync(fd: int) -> None:
        synced.append(storage.os.readlink(f"/proc/self/fd/{fd}") if Path("/proc/self/fd").exists() else "fd")
        real_fsync(fd)

    monkeypatch.setattr(storage.os, "fsync", fsync)
    store.add_response("TEST42", "token-0001", "en", FULL)
    assert len(synced) == 1
    if synced[0] != "fd":
        assert synced[0].endswith("class.sqlite3-wal")
    # a flush that an earlier one already covered does nothing
    store.flush(1)
    assert len(synced) == 1
