"""The classroom JSON API and pages, in process: every bad input a clear 4xx, and nothing stored.

Each hostile request is checked for its status, the field it names, a message in the
phone's language, and that the database still holds no response afterwards.
"""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

with warnings.catch_warnings():  # starlette announces a future switch of its test client's HTTP library
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

import csat_lab as cl
from csat_lab.classroom.app import MAX_BODY, create_app
from csat_lab.classroom.storage import Store
from csat_lab.survey import Item, Questionnaire, load_questionnaire

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TOKEN = "trainer-secret-token"
URL = "/api/rooms/TEST42/responses"
GOOD = {"overall": 5, "nps": 10, "useful": 4, "pace": 3, "exercises": 4, "trainer": 5, "comment": "很好",
        "client_token": "phone-0001"}


@pytest.fixture()
def env(tmp_path: Path):
    store = Store(tmp_path / "class.sqlite3")
    store.open_room("TEST42", load_questionnaire("course_evaluation"))
    client = TestClient(create_app(store, "TEST42", trainer_token=TOKEN, phone_url="http://127.0.0.1:1/r/TEST42",
                                   rate_limit=5, rate_window=60))
    yield client, store
    client.close()
    store.close()


def _error(resp, status: int, code: str, field: object = None) -> dict:
    assert resp.status_code == status, resp.text
    err = resp.json()["error"]
    assert err["code"] == code and err["message"]
    if field is not None:
        assert err["field"] == field
    return err


def test_a_good_response_is_stored_once(env) -> None:
    client, store = env
    resp = client.post(URL, json=GOOD)
    assert resp.status_code == 201 and resp.json()["ok"] is True
    _error(client.post(URL, json={**GOOD, "overall": 1}), 409, "duplicate", "client_token")
    assert store.count("TEST42") == 1 and store.rows()[0][5]["overall"] == 5
    # lower-case room code in the URL is the same room
    assert client.post("/api/rooms/test42/responses", json={**GOOD, "client_token": "phone-0002"}).status_code == 201
    assert store.count("TEST42") == 2


@pytest.mark.parametrize("change, code, field", [
    ({"overall": 6}, "out_of_range", "overall"),
    ({"overall": 0}, "out_of_range", "overall"),
    ({"nps": 11}, "out_of_range", "nps"),
    ({"nps": -1}, "out_of_range", "nps"),
    ({"overall": "5"}, "not_integer", "overall"),
    ({"overall": 4.5}, "not_integer", "overall"),
    ({"overall": 4.0}, "not_integer", "overall"),
    ({"overall": True}, "not_integer", "overall"),
    ({"overall": [5]}, "not_integer", "overall"),
    ({"overall": {"v": 5}}, "not_integer", "overall"),
    ({"overall": None}, "required", "overall"),
    ({"comment": 12}, "not_text", "comment"),
    ({"comment": ["a"]}, "not_text", "comment"),
    ({"comment": "x" * 1001}, "text_too_long", "comment"),
    ({"colour": "red"}, "unknown_question", "colour"),
    ({"client_token": None}, "token_missing", "client_token"),
    ({"client_token": "short"}, "token_format", "client_token"),
    ({"client_token": 12345678}, "token_format", "client_token"),
    ({"client_token": "has spaces in it"}, "token_format", "client_token"),
])
def test_invalid_values_and_wrong_types(env, change: dict, code: str, field: str) -> None:
    client, store = env
    body = {k: v for k, v in {**GOOD, **change}.items() if not (k == "client_token" and v is None)}
    _error(client.post(URL, json=body), 422, code, field)
    assert store.count("TEST42") == 0


def test_missing_answers_are_refused() -> None:
    q = load_questionnaire("course_evaluation")
    from csat_lab.classroom.answers import AnswerError, check_response

    with pytest.raises(AnswerError, match="Please answer “How likely"):
        check_response(q, {"overall": 5, "client_token": "abcdefgh"})


def test_errors_speak_the_phone_language(env) -> None:
    client, store = env
    zh = _error(client.post(URL + "?lang=zh-CN", json={**GOOD, "overall": 9}), 422, "out_of_range", "overall")
    assert zh["language"] == "zh-CN" and "1 到 5 之间的整数" in zh["message"] and "总体来说" in zh["message"]
    by_header = _error(client.post(URL, json={**GOOD, "nps": "ten"}, headers={"Accept-Language": "zh-CN,zh;q=0.9"}),
                       422, "not_integer", "nps")
    assert by_header["language"] == "zh-CN" and "0 到 10" in by_header["message"]
    en = _error(client.post(URL, json={**GOOD, "nps": "ten"}), 422, "not_integer", "nps")
    assert en["message"].startswith("The answer to “How likely") and "got \"ten\"" in en["message"]
    assert store.count("TEST42") == 0


def test_bodies_that_are_not_one_json_object(env) -> None:
    client, store = env
    _error(client.post(URL, content=b"{not json", headers={"Content-Type": "application/json"}), 400, "not_json")
    _error(client.post(URL, content=b"\xff\xfe", headers={"Content-Type": "application/json"}), 400, "not_json")
    _error(client.post(URL, json=[GOOD]), 400, "not_object")
    _error(client.post(URL, json="overall=5"), 400, "not_object")
    _error(client.post(URL, data={"overall": "5"}), 400, "not_json")
    assert store.count("TEST42") == 0
    # No Content-Type needed (curl -d sends a form type), as the API promises.
    resp = client.post(URL, content=json.dumps(GOOD), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 201


def test_posts_from_another_site_are_refused(env) -> None:
    client, store = env
    _error(client.post(URL, json=GOOD, headers={"Origin": "http://evil.example"}), 403, "cross_origin")
    assert store.count("TEST42") == 0
    assert client.post(URL, json=GOOD, headers={"Origin": "http://testserver"}).status_code == 201


def test_oversized_bodies(env) -> None:
    client, store = env
    big = {**GOOD, "comment": "x" * (MAX_BODY + 10)}
    err = _error(client.post(URL, json=big), 413, "too_large")
    assert str(MAX_BODY) in err["message"].replace(",", "")

    def chunks():  # no Content-Length: the limit holds while reading the stream
        for _ in range(40):
            yield b" " * 1024

    _error(client.post(URL, content=chunks(), headers={"Content-Type": "application/json"}), 413, "too_large")
    deep = "[" * 100_000 + "]" * 100_000  # a nesting bomb is larger than the limit: refused unread
    _error(client.post(URL, content=deep, headers={"Content-Type": "application/json"}), 413, "too_large")
    nested = "[" * 5000 + "]" * 5000  # inside the limit: a clear 400, whether parsed or too deep to parse
    resp = client.post(URL, content=nested, headers={"Content-Type": "application/json"})
    assert resp.status_code == 400 and resp.json()["error"]["code"] in ("not_json", "not_object")
    assert store.count("TEST42") == 0


def test_unknown_and_closed_rooms(env) -> None:
    client, store = env
    err = _error(client.post("/api/rooms/NOPE99/responses?lang=zh-CN", json=GOOD), 404, "unknown_room")
    assert "NOPE99" in err["message"] and "课堂码" in err["message"]
    _error(client.post("/api/rooms/<script>/responses", json=GOOD), 404, "unknown_room")
    assert client.post("/api/rooms/TEST42/close", headers={"X-Trainer-Token": TOKEN}).status_code == 200
    err = _error(client.post(URL, json=GOOD), 410, "room_closed")
    assert "TEST42" in err["message"]
    assert store.count("TEST42") == 0
    summary = client.get("/api/rooms/TEST42/summary", headers={"X-Trainer-Token": TOKEN}).json()
    assert summary["open"] is False and summary["closed_at"]


def test_trainer_token_guards_dashboard_summary_export_and_close(env) -> None:
    client, store = env
    for method, path in [("get", "/api/rooms/TEST42/summary"), ("post", "/api/rooms/TEST42/close"),
                         ("get", "/api/rooms/TEST42/export.csv"), ("get", "/trainer/TEST42")]:
        resp = getattr(client, method)(path)
        assert resp.status_code == 401, path
        resp = getattr(client, method)(path, headers={"X-Trainer-Token": "wrong-token-000"})
        assert resp.status_code == 403, path
    assert store.room("TEST42").is_open  # the refused close closed nothing
    page = client.get("/trainer/TEST42?lang=zh-CN")
    assert page.status_code == 401 and "讲师口令" in page.text
    assert client.get(f"/trainer/TEST42?token={TOKEN}").status_code == 200
    assert client.get("/api/rooms/TEST42/summary", params={"token": TOKEN}).status_code == 200
    assert client.post(URL, json=GOOD).status_code == 201


def test_rate_limit_per_client_token(env) -> None:
    client, store = env
    for _ in range(5):
        client.post(URL, json={**GOOD, "overall": 9})
    err = _error(client.post(URL, json=GOOD), 429, "rate_limited")
    assert "seconds" in err["message"]
    assert store.count("TEST42") == 0
    # other phones are not affected
    assert client.post(URL, json={**GOOD, "client_token": "phone-0002"}).status_code == 201


def test_scripts_in_comments_are_stored_as_text_and_never_become_markup(env) -> None:
    client, store = env
    evil = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
    assert client.post(URL, json={**GOOD, "comment": evil}).status_code == 201
    assert store.rows()[0][5]["comment"] == evil
    summary = client.get("/api/rooms/TEST42/summary", headers={"X-Trainer-Token": TOKEN})
    assert summary.headers["content-type"].startswith("application/json")
    assert summary.json()["comments"][0]["text"] == evil
    page = client.get(f"/trainer/TEST42?token={TOKEN}")
    assert evil not in page.text and "<script>window.pwned" not in page.text
    policy = page.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "script-src 'nonce-" in policy and "connect-src 'self'" in policy
    assert page.headers["referrer-policy"] == "no-referrer"


def test_learner_designs_cannot_break_out_of_the_page(tmp_path: Path) -> None:
    store = Store(tmp_path / "c.sqlite3")
    q = Questionnaire([Item("q1", "</script><script>alert(1)</script>", "agree5")], name="evil")
    store.open_room("ROOM1", q)
    with TestClient(create_app(store, "ROOM1", trainer_token=TOKEN)) as client:
        page = client.get("/r/ROOM1").text
        assert "</script><script>alert(1)" not in page and "\\u003c/script\\u003e" in page
        assert client.get("/", follow_redirects=False).headers["location"] == "/r/ROOM1"
        assert client.get("/r/NOPE1").status_code == 404
    store.close()


def test_summary_numbers_come_from_cl_metrics(env) -> None:
    client, store = env
    answers = [(5, 10), (4, 9), (2, 3), (4, 7)]
    for i, (overall, nps) in enumerate(answers):
        body = {**GOOD, "overall": overall, "nps": nps, "client_token": f"phone-{i:04d}", "comment": f"c{i}"}
        assert client.post(URL, json=body).status_code == 201
    s = client.get("/api/rooms/TEST42/summary?lang=zh-CN", headers={"X-Trainer-Token": TOKEN}).json()
    expected = cl.metrics.nps([n for _, n in answers])
    assert s["n"] == 4 and s["nps"]["score"] == pytest.approx(expected.score)
    assert s["nps"]["ci"] == pytest.approx(list(expected.ci))
    c = cl.metrics.csat([o for o, _ in answers])
    assert s["csat"]["estimate"] == pytest.approx(c.estimate) and s["csat"]["ci"] == pytest.approx(list(c.ci))
    m = cl.metrics.mean_score([o for o, _ in answers], scale="satisfaction5")
    assert s["mean"]["ci"] == pytest.approx(list(m.ci))
    assert [c["text"] for c in s["comments"]] == ["c3", "c2", "c1", "c0"]
    overall = next(it for it in s["items"] if it["name"] == "overall")
    assert overall["counts"] == [0, 1, 0, 2, 1] and overall["neutral"] == 3
    assert s["language"] == "zh-CN" and s["csat"]["text"] == "75.0%"


def test_export_is_formula_safe(env) -> None:
    client, store = env
    client.post(URL, json={**GOOD, "comment": "=HYPERLINK(\"http://x\")"})
    resp = client.get("/api/rooms/TEST42/export.csv", headers={"X-Trainer-Token": TOKEN})
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    text = resp.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and text.splitlines()[0].startswith("response,room,received_at,language,overall")


def test_phone_page_and_questionnaire_api(env) -> None:
    client, _ = env
    page = client.get("/r/TEST42")
    assert page.status_code == 200 and "提交答卷" in page.text and "Send my answers" in page.text
    assert "http" not in page.text.split("<script", 1)[0].replace("http-equiv", "")  # no external resources
    q = client.get("/api/rooms/TEST42/questionnaire").json()
    assert [it["name"] for it in q["items"]][:2] == ["overall", "nps"]
    assert q["items"][0]["labels"]["zh-CN"][-1] == "很满意"
    assert client.get("/api/health").json() == {"ok": True}
    assert client.get("/nothing/here").status_code == 404
    assert client.get(URL).status_code == 405
