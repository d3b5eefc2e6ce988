"""The classroom web app (Starlette): phone page, trainer dashboard and JSON API.

Routes::

    GET  /                                  -> the phone page of the server's room
    GET  /r/{code}                          phone page
    GET  /trainer/{code}?token=T            trainer dashboard (token printed at start)
    GET  /api/health                        {"ok": true}
    GET  /api/rooms/{code}/questionnaire    the room's questionnaire (public)
    POST /api/rooms/{code}/responses        one response: {"overall": 5, ..., "client_token": "..."}
    GET  /api/rooms/{code}/summary          n, CSAT, NPS, mean with CIs, counts, comments   (trainer)
    POST /api/rooms/{code}/close            close the room to new answers                 (trainer)
    GET  /api/rooms/{code}/export.csv       the answers, formula-safe (cl.export)          (trainer)

The trainer's token goes in an ``X-Trainer-Token`` header or a ``token``
query parameter. Every refusal is a 4xx JSON answer
``{"error": {"code", "field", "message", "language"}}`` with the message in
the phone's language (``?lang=`` or ``Accept-Language``).

Examples
--------
>>> import tempfile, pathlib
>>> from csat_lab.survey import load_questionnaire
>>> from csat_lab.classroom.storage import Store
>>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite3")
>>> _ = store.open_room("TEST42", load_questionnaire("course_evaluation"))
>>> app = create_app(store, "TEST42", trainer_token="secret-token-123")
>>> [route.path for route in app.routes][:3]
['/', '/r/{code}', '/trainer/{code}']
"""

from __future__ import annotations

import hmac
import io
import secrets
import time
from collections import OrderedDict, deque
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .. import scales as _scales
from ..i18n import LANGUAGES
from . import pages
from .answers import AnswerError, check_response
from .storage import Store
from .summary import summarise

__all__ = ["create_app", "MAX_BODY"]

#: Largest request body accepted, in bytes.
MAX_BODY = 16 * 1024
#: Requests one client token may make in :data:`RATE_WINDOW` seconds.
RATE_LIMIT = 10
RATE_WINDOW = 60.0
#: How often the dashboard asks for a new summary, in milliseconds.
POLL_MS = 1500


def _language(request: Request) -> str:
    """``?lang=`` when valid, else the first of Accept-Language (zh* -> zh-CN), else English."""
    asked = request.query_params.get("lang", "")
    if asked in LANGUAGES:
        return asked
    if asked.lower().startswith("zh"):
        return "zh-CN"
    for part in request.headers.get("accept-language", "").split(","):
        tag = part.split(";")[0].strip().lower()
        if tag.startswith("zh"):
            return "zh-CN"
        if tag.startswith("en"):
            return "en"
    return "en"


def _headers(nonce: str | None = None) -> dict[str, str]:
    script = f"'nonce-{nonce}'" if nonce else "'none'"
    style = f"'nonce-{nonce}'" if nonce else "'none'"
    return {
        "Content-Security-Policy": (f"default-src 'none'; script-src {script}; style-src {style}; img-src data:; "
                                    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Frame-Options": "DENY",
    }


class _RateLimiter:
    """At most ``limit`` events per key in a sliding ``window`` (seconds); old keys are forgotten."""

    def __init__(self, limit: int, window: float, max_keys: int = 100_000) -> None:
        self.limit, self.window, self.max_keys = limit, window, max_keys
        self._events: OrderedDict[str, deque] = OrderedDict()

    def hit(self, key: str) -> int:
        """0 when allowed (and counted), else the seconds to wait."""
        now = time.monotonic()
        events = self._events.pop(key, None) or deque()
        while events and now - events[0] >= self.window:
            events.popleft()
        self._events[key] = events
        if len(self._events) > self.max_keys:
            self._events.popitem(last=False)
        if len(events) >= self.limit:
            return max(1, int(self.window - (now - events[0])) + 1)
        events.append(now)
        return 0


def create_app(store: Store, room: str, *, trainer_token: str, phone_url: str = "", qr_svg: str = "",
               max_body: int = MAX_BODY, rate_limit: int = RATE_LIMIT, rate_window: float = RATE_WINDOW) -> Starlette:
    """The classroom web app over ``store``, serving ``room`` at ``/`` (and every room in the store by code).

    Parameters
    ----------
    store : Store
        The open database.
    room : str
        The room code the server was started for (``/`` shows its phone page).
    trainer_token : str
        The secret the dashboard, the summary, the export and the close button need.
    phone_url : str, optional
        The address phones open (shown on the dashboard under the QR code).
    qr_svg : str, optional
        The QR code of ``phone_url`` as an SVG data URI.
    max_body : int, default 16384
        Largest request body accepted, in bytes (larger: 413).
    rate_limit, rate_window : int, float
        At most ``rate_limit`` posts per client token in ``rate_window`` seconds (more: 429).

    Returns
    -------
    starlette.applications.Starlette
        An ASGI app; ``python -m csat_lab.classroom serve`` runs it under uvicorn.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from csat_lab.survey import load_questionnaire
    >>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "c.sqlite3")
    >>> _ = store.open_room("ROOM1", load_questionnaire("course_evaluation"))
    >>> app = create_app(store, "ROOM1", trainer_token="secret-token-123")
    >>> "/api/rooms/{code}/responses" in [route.path for route in app.routes]
    True
    """
    room = room.upper()
    limiter = _RateLimiter(rate_limit, rate_window)
    cache: dict[tuple[str, str], tuple[int, str | None, dict[str, Any]]] = {}

    def refuse(request: Request, error: AnswerError) -> JSONResponse:
        return JSONResponse(error.to_json(_language(request)), status_code=error.status, headers=_headers())

    def trainer_ok(request: Request) -> AnswerError | None:
        given = request.headers.get("x-trainer-token") or request.query_params.get("token")
        if not given:
            return AnswerError(401, "trainer_token_missing")
        if not hmac.compare_digest(given.encode(), trainer_token.encode()):
            return AnswerError(403, "trainer_token_wrong")
        return None

    def trainer_room(request: Request) -> Any:
        # The room of a trainer-only page or call: it must exist, and the trainer token must be right.
        found = find_room(request)
        denied = trainer_ok(request)
        if denied:
            raise denied
        return found

    def find_room(request: Request) -> Any:
        code = request.path_params["code"]
        found = store.room(code)
        if found is None:
            raise AnswerError(404, "unknown_room", "room", room=str(code)[:16])
        return found

    async def read_json(request: Request) -> Any:
        import json

        # No Content-Type is demanded (a plain `curl -d` works); a browser's cross-site post carries
        # another site's Origin and is refused, so no web page elsewhere can answer for a learner.
        origin = request.headers.get("origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower():
            raise AnswerError(403, "cross_origin")
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > max_body):
            raise AnswerError(413, "too_large", limit=max_body)
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_body:
                raise AnswerError(413, "too_large", limit=max_body)
            chunks.append(chunk)
        try:
            return json.loads(b"".join(chunks).decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise AnswerError(400, "not_json") from None

    async def post_response(request: Request) -> Response:
        try:
            found = find_room(request)
            body = await read_json(request)
            if not isinstance(body, dict):
                raise AnswerError(400, "not_object")
            from .answers import check_client_token

            token = check_client_token(body)
            wait = limiter.hit(token)
            if wait:
                raise AnswerError(429, "rate_limited", seconds=wait)
            if not found.is_open:
                raise AnswerError(410, "room_closed", room=found.code)
            token, answers = check_response(found.questionnaire, body)
            # The insert and its flush to disk run in a worker thread, so the server keeps taking requests.
            row = await run_in_threadpool(store.add_response, found.code, token, _language(request), answers)
            if row is None:
                raise AnswerError(409, "duplicate", "client_token")
        except AnswerError as exc:
            return refuse(request, exc)
        return JSONResponse({"ok": True, "id": row, "room": found.code}, status_code=201, headers=_headers())

    def summary_of(found: Any, language: str) -> dict[str, Any]:
        key = (found.code, language)
        hit = cache.get(key)
        if hit and hit[0] == found.n and hit[1] == found.closed_at:
            return hit[2]
        rows = store.rows(found.code)
        texts = [it.name for it in found.questionnaire.text_items]
        comments = [(at, a[name]) for _, _, _, at, _, a in rows for name in texts if a.get(name)]
        data = summarise(found.questionnaire, [r[5] for r in rows], language=language, comments=comments)
        data.update({"room": found.code, "open": found.is_open, "closed_at": found.closed_at,
                     "questionnaire": found.questionnaire.name, "language": language})
        cache[key] = (found.n, found.closed_at, data)
        return data

    async def get_summary(request: Request) -> Response:
        try:
            found = trainer_room(request)
        except AnswerError as exc:
            return refuse(request, exc)
        return JSONResponse(summary_of(found, _language(request)), headers=_headers())

    async def post_close(request: Request) -> Response:
        try:
            found = trainer_room(request)
        except AnswerError as exc:
            return refuse(request, exc)
        closed_at = store.close_room(found.code)
        return JSONResponse({"ok": True, "room": found.code, "closed_at": closed_at}, headers=_headers())

    async def get_export(request: Request) -> Response:
        try:
            found = trainer_room(request)
        except AnswerError as exc:
            return refuse(request, exc)
        from .. import export
        from .data import responses

        buffer = io.StringIO()
        frame = responses(store.path, room=found.code)
        frame = frame.assign(received_at=frame["received_at"].dt.strftime("%Y-%m-%dT%H:%M:%S.%fZ"))
        export.to_csv(frame.reset_index(), buffer)
        headers = {**_headers(), "Content-Disposition": f'attachment; filename="classroom_{found.code}.csv"'}
        return Response(("\ufeff" + buffer.getvalue()).encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers=headers)

    async def get_questionnaire(request: Request) -> Response:
        try:
            found = find_room(request)
        except AnswerError as exc:
            return refuse(request, exc)
        return JSONResponse(pages.questionnaire_data(found.questionnaire), headers=_headers())

    def html_refusal(request: Request, error: AnswerError) -> HTMLResponse:
        nonce = secrets.token_urlsafe(12)
        return HTMLResponse(pages.message_page(nonce, error.message(_language(request))), status_code=error.status,
                            headers=_headers(nonce))

    async def phone(request: Request) -> Response:
        try:
            found = find_room(request)
        except AnswerError as exc:
            return html_refusal(request, exc)
        nonce = secrets.token_urlsafe(12)
        data = {"room": found.code, "open": found.is_open, "questionnaire": pages.questionnaire_data(found.questionnaire),
                "labels": pages.labels(("classroom.phone.", "classroom.error."))}
        return HTMLResponse(pages.page(pages.PHONE, nonce, data), headers=_headers(nonce))

    async def dashboard(request: Request) -> Response:
        try:
            found = trainer_room(request)
        except AnswerError as exc:
            return html_refusal(request, exc)
        nonce = secrets.token_urlsafe(12)
        scale_labels = {}
        for it in found.questionnaire.rating_items:
            sc = _scales.get(it.scale)
            scale_labels[sc.name] = {lang: sc.labels(lang) if sc.labelled else [str(v) for v in sc.values]
                                     for lang in LANGUAGES}
        url = phone_url if found.code == room else phone_url.rsplit("/", 1)[0] + "/" + found.code
        data = {"room": found.code, "token": trainer_token, "phone_url": url, "qr": qr_svg if found.code == room else "",
                "poll_ms": POLL_MS, "title": {lang: found.questionnaire.title_in(lang) for lang in LANGUAGES},
                "scales": scale_labels, "labels": pages.labels(("classroom.trainer.",))}
        return HTMLResponse(pages.page(pages.DASHBOARD, nonce, data), headers=_headers(nonce))

    async def home(request: Request) -> Response:
        return RedirectResponse(f"/r/{room}", status_code=307)

    async def health(request: Request) -> Response:
        return JSONResponse({"ok": True}, headers=_headers())

    async def not_found(request: Request, exc: Exception) -> Response:
        return refuse(request, AnswerError(404, "not_found"))

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return JSONResponse({"error": {"code": "method_not_allowed", "field": None, "message": "Method not allowed.",
                                       "language": "en"}}, status_code=405, headers=_headers())

    routes = [
        Route("/", home),
        Route("/r/{code}", phone),
        Route("/trainer/{code}", dashboard),
        Route("/api/health", health),
        Route("/api/rooms/{code}/questionnaire", get_questionnaire),
        Route("/api/rooms/{code}/responses", post_response, methods=["POST"]),
        Route("/api/rooms/{code}/summary", get_summary),
        Route("/api/rooms/{code}/close", post_close, methods=["POST"]),
        Route("/api/rooms/{code}/export.csv", get_export),
    ]
    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})
