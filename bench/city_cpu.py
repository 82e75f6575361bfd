"""CPU seconds of the server's backend for a measure: a figure the other workers' load on a
shared machine does not change (the wall-clock time it does)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

TICKS = os.sysconf("SC_CLK_TCK")


def backend_cpu(pid: int) -> float | None:
    """user + system CPU seconds of a local process (None when it is not on this machine)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


@contextmanager
def single_backend(engines: list[Engine]) -> Iterator[list[int]]:
    """While open, new connections of these engines run without parallel workers (so one
    backend does all the server's work) and their backend pids are collected."""
    pids: list[int] = []

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute("SET max_parallel_workers_per_gather = 0")
            cur.execute("SELECT pg_backend_pid()")
            pids.append(int(cur.fetchone()[0]))

    for engine in engines:
        engine.dispose()
        event.listen(engine, "connect", on_connect)
    try:
        yield pids
    finally:
        for engine in engines:
            event.remove(engine, "connect", on_connect)
            engine.dispose()


def cpu_seconds(work: dict[str, Callable[[], object]], engines: list[Engine],
                repeat: int) -> dict[str, dict[str, float]]:
    """Each measure's least server CPU (its backends, no parallel workers) and client CPU
    over `repeat` runs; empty when the server is not local."""
    out: dict[str, dict[str, float]] = {}
    with single_backend(engines) as pids:
        for fn in work.values():  # open the connections (and warm up) untimed
            fn()
        if not pids or backend_cpu(pids[0]) is None:
            return {}
        for _ in range(repeat):
            for name, fn in work.items():
                before = {p: backend_cpu(p) or 0.0 for p in pids}
                client = time.process_time()
                fn()
                client = time.process_time() - client
                server = sum((backend_cpu(p) or 0.0) - before.get(p, 0.0) for p in pids)
                best = out.get(name)
                if best is None or server + client < best["server_cpu"] + best["client_cpu"]:
                    out[name] = {"server_cpu": server, "client_cpu": client}
    return out
