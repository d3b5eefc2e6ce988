"""``python -m csat_lab.classroom serve``: start the live classroom survey on this laptop.

Without ``--lan`` the server listens on 127.0.0.1 only (nothing outside the
laptop can reach it). With ``--lan`` it also listens on the laptop's address
in the local network, so phones on the same Wi-Fi can answer; the trainer's
page is still printed with 127.0.0.1, so the trainer token need not cross the
Wi-Fi. Nothing is ever sent anywhere: finding the LAN address opens a UDP
socket towards a private address without sending a packet.

Examples
--------
>>> args = parser().parse_args(["serve", "--port", "8765", "--room", "TEST42"])
>>> args.port, args.room, args.lan
(8765, 'TEST42', False)
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import sys
from pathlib import Path
from typing import Sequence

from ..errors import CsatInputError
from ..i18n import label
from .storage import Store, check_room_code, default_db, new_room_code

__all__ = ["main", "parser", "lan_address", "bind_hosts"]

DEFAULT_PORT = 8765


def lan_address() -> str | None:
    """This computer's address in the local network, or None when it has none.

    Returns
    -------
    str or None
        An IPv4 address such as ``"192.168.1.23"`` (never a loopback one).

    Notes
    -----
    A UDP socket is *connected* to a private address (10.255.255.255): the
    system picks the interface it would route through and no packet is sent.

    Examples
    --------
    >>> address = lan_address()
    >>> address is None or not address.startswith("127.")
    True
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("10.255.255.255", 1))
            address = sock.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith(("127.", "0.")) else address


def bind_hosts(lan: bool) -> list[str]:
    """The addresses the server listens on: 127.0.0.1, plus the LAN address with ``lan=True``.

    Parameters
    ----------
    lan : bool
        Whether phones on the same network should reach the server.

    Returns
    -------
    list of str
        ``["127.0.0.1"]``; with ``lan`` also the LAN address, or ``"0.0.0.0"``
        (every interface) when none is found.

    Examples
    --------
    >>> bind_hosts(False)
    ['127.0.0.1']
    """
    if not lan:
        return ["127.0.0.1"]
    address = lan_address()
    return ["127.0.0.1", address] if address else ["0.0.0.0"]


def parser() -> argparse.ArgumentParser:
    """The command line of ``python -m csat_lab.classroom``.

    Returns
    -------
    argparse.ArgumentParser
        With the ``serve`` and ``example`` commands.

    Examples
    --------
    >>> parser().parse_args(["serve"]).questionnaire
    'course_evaluation'
    """
    p = argparse.ArgumentParser(prog="python -m csat_lab.classroom",
                                description="Live classroom survey: learners answer on their phones.")
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("serve", help="start the survey server")
    s.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"TCP port (default {DEFAULT_PORT})")
    s.add_argument("--db", type=Path, default=None, help=f"SQLite file (default {default_db()})")
    s.add_argument("--questionnaire", default="course_evaluation",
                   help="a shipped questionnaire's name or a questionnaire .json file (default course_evaluation)")
    s.add_argument("--room", default=None, help="room code, 4-8 letters or digits (default: a random code); "
                                                "an existing room in the database is resumed")
    s.add_argument("--lan", action="store_true", help="also listen on the LAN address so phones on the same "
                                                      "Wi-Fi can answer (default: 127.0.0.1 only)")
    s.add_argument("--token", default=None, help="trainer token (default: a random one, printed at start)")
    s.add_argument("--language", default=None, choices=["en", "zh-CN"],
                   help="language of this terminal output (default from LANG)")
    e = sub.add_parser("example", help="write the recorded example database (seeded simulation)")
    e.add_argument("--out", type=Path, default=None, help="output file (default: the example shipped in csat_lab/classroom/)")
    return p


def _terminal_language(asked: str | None) -> str:
    if asked:
        return asked
    return "zh-CN" if os.environ.get("LANG", "").lower().startswith("zh") else "en"


def _sockets(hosts: list[str], port: int) -> list[socket.socket]:
    found = []
    for host in hosts:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            sock.close()
            for other in found:
                other.close()
            raise CsatInputError(f"cannot listen on {host}:{port} ({exc.strerror}); is another server using "
                                 f"--port {port}?") from None
        sock.listen(2048)
        sock.set_inheritable(True)
        found.append(sock)
    return found


def serve(port: int = DEFAULT_PORT, db: Path | None = None, questionnaire: str = "course_evaluation",
          room: str | None = None, lan: bool = False, token: str | None = None, language: str | None = None) -> None:
    """Open the room and run the server until Ctrl+C (see :func:`main`)."""
    import segno
    import uvicorn

    from ..survey.questionnaire import load_questionnaire
    from .app import create_app

    if not isinstance(port, int) or not 1 <= port <= 65535:
        raise CsatInputError(f"--port must be a whole number from 1 to 65535, got {port!r}")
    if token is not None and (len(token) < 12 or not token.isascii() or not token.isprintable()):
        raise CsatInputError("--token must be at least 12 printable ASCII characters")
    lang = _terminal_language(language)
    design = load_questionnaire(questionnaire)
    code = check_room_code(room) if room is not None else new_room_code()
    path = Path(db) if db is not None else default_db()
    store = Store(path)
    opened = store.open_room(code, design)
    trainer_token = token or secrets.token_urlsafe(18)
    hosts = bind_hosts(lan)
    sockets = _sockets(hosts, port)
    public = hosts[-1] if hosts[-1] != "0.0.0.0" else "127.0.0.1"
    phone_url = f"http://{public}:{port}/r/{opened.code}"
    trainer_url = f"http://127.0.0.1:{port}/trainer/{opened.code}?token={trainer_token}"
    qr = segno.make(phone_url, error="m")
    state = (label("classroom.cli.new", lang) if opened.created else
             label("classroom.cli.resumed", lang).format(n=opened.n))
    if not opened.is_open:
        state += "; " + label("classroom.cli.closed", lang)

    def line(key: str, value: str) -> None:
        print(f"  {label(key, lang):<16} {value}")

    print(label("classroom.cli.heading", lang))
    line("classroom.cli.questionnaire", f"{opened.questionnaire.name or questionnaire} "
                                        f"({len(opened.questionnaire.items)})")
    line("classroom.cli.room", f"{opened.code}  ({state})")
    line("classroom.cli.phones", phone_url)
    line("classroom.cli.trainer", trainer_url)
    line("classroom.cli.token", trainer_token)
    line("classroom.cli.database", str(path))
    line("classroom.cli.listening", ", ".join(f"{h}:{port}" for h in hosts))
    if lan and hosts == ["0.0.0.0"]:
        print("  " + label("classroom.cli.lan_warning", lang))
    try:
        qr.terminal(out=sys.stdout, compact=True)
    except (UnicodeEncodeError, TypeError):
        qr.terminal(out=sys.stdout)
    print(label("classroom.cli.stop", lang), flush=True)
    app = create_app(store, opened.code, trainer_token=trainer_token, phone_url=phone_url,
                     qr_svg=qr.svg_data_uri(scale=8, border=2))
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off", server_header=False,
                            timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=sockets)
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Parameters
    ----------
    argv : sequence of str, optional
        Arguments (default ``sys.argv[1:]``): ``serve [--port P] [--db F]
        [--questionnaire NAME_OR_FILE] [--room CODE] [--lan] [--token T]`` or
        ``example [--out F]``.

    Returns
    -------
    int
        0 on success, 2 on a usage error (the message names the option).

    Examples
    --------
    >>> main(["serve", "--room", "no!"])
    error: 'room' must be 4-8 letters or digits (for example TEST42), got 'no!'
    2
    """
    args = parser().parse_args(argv)
    try:
        if args.command == "serve":
            serve(args.port, args.db, args.questionnaire, args.room, args.lan, args.token, args.language)
        else:
            from .example import write_example

            print(write_example(args.out))
    except CsatInputError as exc:
        print(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 0
    return 0
