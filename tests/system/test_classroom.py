"""The live classroom survey end to end: a real server process on 127.0.0.1, as `make classroom` starts it.

* three phone-sized Chromium contexts (one in Chinese) answer; the trainer's page,
  opened before, shows n = 3 and the right NPS without being reloaded, the comments as
  text (a script in a comment does not run), and closes the room;
* 60 concurrent clients post 600 responses: every acknowledged response is a row,
  none is lost; the p95 latency is written to test-artifacts/classroom_load.json;
* the server is killed with SIGKILL in the middle of that load and restarted on the same
  database: every acknowledged response is still there and ``PRAGMA integrity_check`` is ok;
* ``--lan`` is checked by the addresses the server listens on (no traffic leaves 127.0.0.1).

Waits poll for a condition with generous timeouts; nothing depends on timing luck.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from _browser import ARTIFACTS, CHROMIUM, LAUNCH_ARGS, free_port, remote, require_chromium, server

from csat_lab.classroom._load import run_load
from csat_lab.i18n.numbers import format_number

TOKEN = "trainer-token-for-tests"
ROOM = "TEST42"


def serve_cmd(port: int, db: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "csat_lab.classroom", "serve", "--port", str(port), "--db", str(db),
            "--room", ROOM, "--token", TOKEN, "--language", "en", *extra]


def tokens_in(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT client_token FROM responses WHERE room = ?", (ROOM,))]
    finally:
        con.close()


def integrity(db: Path) -> str:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def post(port: int, body: dict) -> int:
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/rooms/{ROOM}/responses", data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status
    except urllib.error.HTTPError as exc:
        return exc.code


PHONES = [
    # locale, answers by button, comment
    ("en-US", {"overall": 5, "nps": 10, "useful": 5, "pace": 4, "exercises": 5, "trainer": 5},
     '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'),
    ("zh-CN", {"overall": 4, "nps": 9, "useful": 4, "pace": 2, "exercises": 4, "trainer": 5}, "案例很实用，节奏稍快。"),
    ("en-GB", {"overall": 2, "nps": 3, "useful": 3, "pace": 2, "exercises": 3, "trainer": 4}, ""),
]


@pytest.mark.browser
@pytest.mark.server
def test_three_phones_answer_and_the_dashboard_follows_live(tmp_path: Path) -> None:
    require_chromium()
    from playwright.sync_api import expect, sync_playwright

    port, db = free_port(), tmp_path / "class.sqlite3"
    requests: list[str] = []
    with server(serve_cmd(port, db), port, "classroom_browser.log"), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            trainer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US").new_page()
            trainer.on("request", lambda r: requests.append(r.url))
            trainer.goto(f"http://127.0.0.1:{port}/trainer/{ROOM}?token={TOKEN}")
            # expect() polls from Playwright's own world: the pages' CSP forbids eval in theirs.
            expect(trainer.locator("#n")).to_have_text("0", timeout=30_000)
            assert trainer.locator("#qr-img").evaluate("img => img.naturalWidth") > 0
            assert trainer.locator("#url").text_content() == f"http://127.0.0.1:{port}/r/{ROOM}"

            for locale, answers, comment in PHONES:
                ctx = browser.new_context(viewport={"width": 360, "height": 740}, locale=locale, is_mobile=True,
                                          has_touch=True, device_scale_factor=2)
                phone = ctx.new_page()
                phone.on("request", lambda r: requests.append(r.url))
                phone.goto(f"http://127.0.0.1:{port}/r/{ROOM}")
                submit = phone.locator("#submit")
                if locale == "zh-CN":
                    assert submit.text_content() == "提交答卷"
                    assert phone.locator("#q-overall legend").text_content() == "总体来说，您对本次课程满意吗？"
                    assert phone.locator("#title").text_content() == "课程评估"
                else:
                    assert submit.text_content() == "Send my answers"
                # Submitting with a question left out: the page names it, in the phone's language.
                phone.locator("#q-overall button[data-value='3']").click()
                submit.click()
                phone.wait_for_selector("#q-nps.bad", timeout=30_000)
                asked = "请回答“您有多大可能" if locale == "zh-CN" else "Please answer “How likely"
                assert phone.locator("#q-nps .err").text_content().startswith(asked)
                for name, value in answers.items():
                    phone.locator(f"#q-{name} button[data-value='{value}']").click()
                    assert phone.locator(f"#q-{name} button[data-value='{value}']").get_attribute("aria-pressed") == "true"
                if comment:
                    phone.locator("#q-comment textarea").fill(comment)
                # The page fits a 360-px-wide phone and its buttons are large enough to touch.
                assert phone.evaluate("document.documentElement.scrollWidth") <= 360
                assert phone.locator("#q-nps button[data-value='10']").bounding_box()["height"] >= 44
                submit.click()
                phone.wait_for_selector("#status.ok", timeout=30_000)
                expected = "谢谢！您的答卷已收到。" if locale == "zh-CN" else "Thank you! Your answers have been received."
                assert phone.locator("#status").text_content() == expected
                ctx.close()

            # The dashboard, never reloaded, catches up by itself.
            nps = format_number(100 * (2 - 1) / 3, "score:1", language="en")
            expect(trainer.locator("#n")).to_have_text("3", timeout=30_000)
            expect(trainer.locator("#nps")).to_have_text(nps, timeout=30_000)
            assert trainer.locator("#csat").text_content() == format_number(2 / 3, "share", language="en")
            assert trainer.locator("#likert rect").count() >= 10
            comments = trainer.locator("#comments li").all_text_contents()
            assert PHONES[0][2] in comments and PHONES[1][2] in comments
            assert trainer.evaluate("window.pwned") is None
            assert trainer.locator("#comments img, #comments script").count() == 0
            ARTIFACTS.mkdir(exist_ok=True)
            trainer.screenshot(path=str(ARTIFACTS / "classroom_dashboard.png"), full_page=True)

            trainer.locator("#lang-zh-CN").click()
            assert trainer.locator("#l-n").text_content() == "已收答卷"

            trainer.once("dialog", lambda dialog: dialog.accept())
            trainer.locator("#close").click()
            trainer.wait_for_selector("#state.closed", timeout=30_000)
            assert post(port, {"overall": 5, "nps": 9, "useful": 4, "pace": 4, "exercises": 4, "trainer": 4,
                               "client_token": "late-phone-01"}) == 410
        finally:
            browser.close()
    assert remote(requests) == []
    assert integrity(db) == "ok"
    import csat_lab as cl

    df = cl.classroom.responses(db)
    assert len(df) == 3 and sorted(df["language"]) == ["en", "en", "zh-CN"]
    assert sorted(df["nps"].tolist()) == [3, 9, 10]


@pytest.mark.server
@pytest.mark.slow
def test_sixty_clients_six_hundred_responses_none_lost(tmp_path: Path) -> None:
    port, db = free_port(), tmp_path / "load.sqlite3"
    with server(serve_cmd(port, db), port, "classroom_load.log"):
        result = run_load(port, ROOM, clients=60, total=600, timeout=60)
    assert result.failures == 0 and result.statuses == {201: 600}
    stored = tokens_in(db)
    assert len(stored) == len(set(stored)) == 600
    assert set(stored) == set(result.acked)
    assert integrity(db) == "ok"
    report = {"clients": 60, "responses": 600, "p50_ms": result.percentile(50) * 1e3,
              "p95_ms": result.percentile(95) * 1e3, "max_ms": max(result.latencies) * 1e3, "wall_s": result.wall_s}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "classroom_load.json").write_text(json.dumps(report, indent=2))
    print(f"classroom load: p95 {report['p95_ms']:.1f} ms, p50 {report['p50_ms']:.1f} ms, {result.wall_s:.2f} s")


@pytest.mark.server
@pytest.mark.slow
def test_sigkill_mid_load_loses_no_acknowledged_response(tmp_path: Path) -> None:
    port, db = free_port(), tmp_path / "fault.sqlite3"
    stop = threading.Event()
    with server(serve_cmd(port, db), port, "classroom_fault.log") as proc:
        def on_ack(n: int) -> None:
            if n >= 150 and not stop.is_set():
                os.killpg(proc.pid, signal.SIGKILL)
                stop.set()

        result = run_load(port, ROOM, clients=60, total=600, timeout=60, on_ack=on_ack, stop=stop)
        proc.wait(30)
        assert proc.returncode == -signal.SIGKILL
    assert stop.is_set() and 150 <= len(result.acked) < 600
    # Restart on the same database and room: the room is resumed with every acknowledged answer.
    with server(serve_cmd(port, db), port, "classroom_fault_restart.log"):
        log = (ARTIFACTS / "classroom_fault_restart.log").read_text()
        deadline = time.monotonic() + 30
        while "resumed" not in log and time.monotonic() < deadline:
            time.sleep(0.2)
            log = (ARTIFACTS / "classroom_fault_restart.log").read_text()
        assert "resumed" in log
        stored = set(tokens_in(db))
        assert set(result.acked) <= stored
        assert post(port, {"overall": 4, "nps": 8, "useful": 4, "pace": 3, "exercises": 4, "trainer": 4,
                           "client_token": "after-restart-1"}) == 201
    assert integrity(db) == "ok"
    assert len(tokens_in(db)) == len(stored) + 1


@pytest.mark.server
def test_lan_listens_on_the_lan_address_as_well(tmp_path: Path) -> None:
    import psutil

    from csat_lab.classroom.server import lan_address

    port, db = free_port(), tmp_path / "lan.sqlite3"
    with server(serve_cmd(port, db, "--lan"), port, "classroom_lan.log") as proc:
        listening = {c.laddr.ip for c in psutil.Process(proc.pid).net_connections(kind="tcp")
                     if c.status == psutil.CONN_LISTEN and c.laddr.port == port}
        log = (ARTIFACTS / "classroom_lan.log").read_text()
    address = lan_address()
    if address:
        assert listening == {"127.0.0.1", address}
        assert f"http://{address}:{port}/r/{ROOM}" in log
    else:
        assert listening == {"0.0.0.0"}
    assert f"http://127.0.0.1:{port}/trainer/{ROOM}?token={TOKEN}" in log


@pytest.mark.server
def test_without_lan_only_loopback_and_a_learners_design(tmp_path: Path) -> None:
    import psutil

    from csat_lab.survey import Item, Questionnaire

    design = Questionnaire([Item("taste", "The coffee tastes good", "agree5", text_zh="咖啡好喝"),
                            Item("why", "Why?", "text", text_zh="为什么？")], name="coffee").to_json(tmp_path / "q.json")
    port, db = free_port(), tmp_path / "local.sqlite3"
    with server(serve_cmd(port, db, "--questionnaire", str(design)), port, "classroom_local.log") as proc:
        listening = {c.laddr.ip for c in psutil.Process(proc.pid).net_connections(kind="tcp")
                     if c.status == psutil.CONN_LISTEN}
        log = (ARTIFACTS / "classroom_local.log").read_text()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/rooms/{ROOM}/questionnaire", timeout=30) as resp:
            served = json.loads(resp.read())
        assert post(port, {"taste": 5, "why": "香", "client_token": "coffee-phone-1"}) == 201
    assert listening == {"127.0.0.1"}
    assert f"room             {ROOM}  (new room)" in log and "█" in log  # the QR code in the terminal
    assert served["name"] == "coffee" and [it["name"] for it in served["items"]] == ["taste", "why"]
    assert served["items"][0]["text"]["zh-CN"] == "咖啡好喝"
