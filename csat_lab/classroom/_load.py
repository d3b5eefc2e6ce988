"""A load generator for the classroom server: many phones answering at once (tests and benchmarks).

Each simulated phone is a thread with its own keep-alive HTTP connection to
127.0.0.1; all start together and post their share of the responses one
after the other. A response counts as acknowledged only when the server
answered 201.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from dataclasses import dataclass, field


@dataclass
class LoadResult:
    """What a load run saw: acknowledged tokens, latencies of every answered request, failures."""

    acked: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    failures: int = 0
    wall_s: float = 0.0

    def percentile(self, q: float) -> float:
        """The ``q``-th percentile (0-100) of the latencies in seconds (nearest rank)."""
        if not self.latencies:
            return float("nan")
        data = sorted(self.latencies)
        rank = max(1, int(-(-q / 100 * len(data) // 1)))
        return data[min(rank, len(data)) - 1]


def answer(rng: random.Random) -> dict[str, object]:
    """One plausible ``course_evaluation`` response."""
    return {"overall": rng.randint(1, 5), "nps": rng.randint(0, 10), "useful": rng.randint(1, 5),
            "pace": rng.randint(1, 5), "exercises": rng.randint(1, 5), "trainer": rng.randint(1, 5),
            "comment": rng.choice([None, "good", "很好", "more examples please"])}


def run_load(port: int, room: str, *, clients: int = 60, total: int = 600, prefix: str = "load",
             path: str | None = None, method: str = "POST", seed: int = 0, timeout: float = 30.0,
             stop: threading.Event | None = None, on_ack: object = None) -> LoadResult:
    """Post ``total`` responses from ``clients`` concurrent phones to 127.0.0.1:``port``.

    ``path``/``method`` override the request (``GET /api/health`` for a baseline).
    ``stop`` ends the run early; ``on_ack(n)`` is called with the running count of acks.
    """
    result = LoadResult()
    lock = threading.Lock()
    barrier = threading.Barrier(clients)
    per = [total // clients + (1 if i < total % clients else 0) for i in range(clients)]
    target = path or f"/api/rooms/{room}/responses"

    def phone(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        barrier.wait()
        for k in range(per[i]):
            if stop is not None and stop.is_set():
                break
            token = f"{prefix}-{i:03d}-{k:04d}"
            body = json.dumps({**answer(rng), "client_token": token}).encode() if method == "POST" else None
            headers = {"Content-Type": "application/json"} if body is not None else {}
            start = time.perf_counter()
            try:
                conn.request(method, target, body=body, headers=headers)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                with lock:
                    result.failures += 1
                continue
            elapsed = time.perf_counter() - start
            with lock:
                result.latencies.append(elapsed)
                result.statuses[status] = result.statuses.get(status, 0) + 1
                if status == 201:
                    result.acked.append(token)
                    if callable(on_ack):
                        on_ack(len(result.acked))
        conn.close()

    threads = [threading.Thread(target=phone, args=(i,), daemon=True) for i in range(clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout * 4)
    result.wall_s = time.perf_counter() - start
    return result
