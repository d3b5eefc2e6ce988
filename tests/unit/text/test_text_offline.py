"""cl.text runs with the network blocked: a fresh interpreter whose sockets may reach 127.0.0.1 only."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import socket

    attempts = []
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if host not in ("127.0.0.1", "::1", "localhost"):
            attempts.append(host)
            raise OSError("network blocked by the test: " + str(host))
        return real_connect(self, address)

    socket.socket.connect = guarded
    try:  # the guard itself must work, or the test could not fail
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    except OSError:
        pass
    assert attempts == ["192.0.2.1"], attempts
    attempts.clear()

    import csat_lab.text as text  # fresh import: rjieba's dictionary and VADER's lexicon load here

    texts = ["排队等了一个小时，客服态度很差", "The refund arrived quickly, thanks!", "check-in 很快 👍"] * 4
    assert text.tokenize(texts)[0]
    labels = text.sentiment(texts).table["label"].tolist()
    assert labels[:3] == ["negative", "positive", "positive"], labels
    assert text.themes(texts, 2).assignments.notna().all()
    assert attempts == [], attempts
    print("offline ok")
""")


def test_tokenize_sentiment_themes_with_the_network_blocked():
    done = subprocess.run([sys.executable, "-c", SCRIPT], check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "offline ok" in done.stdout
