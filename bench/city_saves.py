"""Reviewers saving answers at once on the server, and the check that no save was lost."""

from __future__ import annotations

import random
import statistics
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event, text

from audit_app.domain.errors import ConflictError
from audit_app.domain.reviews import AnswerConflictError
from audit_app.services.reviews import ReviewService
from audit_app.storage.server import ServerDatabase, make_server_engine, parse_server_url
from bench.city_cpu import backend_cpu
from bench.city_data import CityIds, CityScale, district_name

VALUES = ("ja", "nej", "ej_aktuellt")
SHARED_ITEMS = ("punkt_01", "punkt_02")  # the cells two reviewers of a district both save
SHARED_EVERY = 4  # every fourth save goes to the district's shared case


@dataclass
class Reviewer:
    """One simulated reviewer: a login role, the district it is granted, its cases."""

    role: str
    password: str
    district: str
    round_id: int
    own_cases: list[int]
    shared_case: int
    latencies: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # the thread's own CPU seconds per save
    backends: list[int] = field(default_factory=list)  # its connections' server processes
    # (case, item) -> [(version, value)] of the saves the service acknowledged
    acked: dict[tuple[int, str], list[tuple[int, str]]] = field(
        default_factory=lambda: defaultdict(list))
    conflicts: int = 0  # AnswerConflictError: someone else saved another value first
    busy: int = 0  # ConflictError: retries used up
    unchanged: int = 0  # someone else had saved the same value: nothing to write
    errors: list[str] = field(default_factory=list)


def plan_reviewers(scale: CityScale, ids: CityIds, passwords: list[str],
                   prefix: str) -> list[Reviewer]:
    """Reviewer k works in district k mod districts on its own block of the open round's
    cases; the last case of each district's round is shared by its reviewers."""
    per_district: dict[str, int] = defaultdict(int)
    out = []
    for k in range(scale.reviewers):
        district = district_name(k % scale.districts)
        slot = per_district[district]
        per_district[district] += 1
        cases = ids.open_cases[district]
        slots = -(-scale.reviewers // scale.districts)
        block = max(1, (len(cases) - 1) // slots)
        own = cases[slot * block:(slot + 1) * block]
        out.append(Reviewer(f"{prefix}{k + 1:02d}", passwords[k], district,
                            ids.open_rounds[district], own, cases[-1]))
    return out


def _work(reviewer: Reviewer, url: str, items: list[str], seconds: float, think: float,
          start: threading.Barrier, seed: int) -> None:
    rnd = random.Random(seed)
    address = parse_server_url(url.replace("ROLE", reviewer.role))
    engine = make_server_engine(address, reviewer.password)
    event.listen(engine, "connect", lambda conn, _r: reviewer.backends.append(
        int(conn.execute("SELECT pg_backend_pid()").fetchone()[0])))
    db = ServerDatabase(address, engine)
    service = ReviewService(db, reviewer.role)
    seen: dict[tuple[int, str], tuple[int, str | None]] = {}  # cell -> (version, value)
    try:
        service.review(reviewer.round_id, reviewer.own_cases[0])  # log in before the start
        start.wait()
        until = time.perf_counter() + seconds
        n = 0
        while time.perf_counter() < until:
            n += 1
            shared = n % SHARED_EVERY == 0
            case = reviewer.shared_case if shared else rnd.choice(reviewer.own_cases)
            item = rnd.choice(SHARED_ITEMS if shared else items)
            version, current = seen.get((case, item), (0, None))
            value = rnd.choice([v for v in VALUES if v != current])
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                record = service.set_answer(reviewer.round_id, case, item, value,
                                            expected_version=version)
            except AnswerConflictError:
                reviewer.conflicts += 1
                record = service.review(reviewer.round_id, case)
            except ConflictError:
                reviewer.busy += 1
                record = service.review(reviewer.round_id, case)
            else:
                reviewer.latencies.append(time.perf_counter() - t0)
                reviewer.cpu.append(time.thread_time() - c0)
                stored = record.answers[item]
                if stored.answered_by == reviewer.role and stored.version == version + 1:
                    reviewer.acked[(case, item)].append((stored.version, value))
                else:
                    reviewer.unchanged += 1
            answer = record.answers.get(item)
            seen[(case, item)] = (answer.version, answer.value) if answer else (0, None)
            if think:
                time.sleep(rnd.uniform(0, 2 * think))
    except Exception as exc:  # reported in the results, not a crash of the other threads
        reviewer.errors.append(f"{type(exc).__name__}: {exc}"[:300])
        start.abort()  # nobody waits for this reviewer at the start
    finally:
        db.close()


def run_saves(url: str, reviewers: list[Reviewer], items: list[str], seconds: float,
              think: float) -> float | None:
    """Every reviewer on its own thread and its own connection, started together; the
    CPU seconds their server processes spent (None when the server is not local)."""
    barrier = threading.Barrier(len(reviewers) + 1, timeout=300)
    threads = [threading.Thread(target=_work, args=(r, url, items, seconds, think, barrier, k),
                                name=r.role)
               for k, r in enumerate(reviewers)]
    for t in threads:
        t.start()
    try:
        barrier.wait()  # every reviewer has logged in
    except threading.BrokenBarrierError:
        pass  # a reviewer could not start: its error is in the results
    before = {p: backend_cpu(p) for r in reviewers for p in r.backends}
    for t in threads:
        t.join()
    spent = [(backend_cpu(p) or 0.0) - (c or 0.0) for p, c in before.items() if c is not None]
    return sum(spent) if spent else None


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def check_saves(admin: Engine, reviewers: list[Reviewer],
                server_cpu: float | None = None) -> dict[str, Any]:
    """Whether every acknowledged save is in the database and none was overwritten unseen:
    each cell's acknowledged versions are 1..its stored version, once each, its value is
    the last acknowledged one, and the change log holds one row per acknowledged save."""
    acked: dict[tuple[int, str], list[tuple[int, str]]] = defaultdict(list)
    for r in reviewers:
        for cell, saves in r.acked.items():
            acked[cell] += saves
    round_ids = sorted({r.round_id for r in reviewers})
    with admin.connect() as conn:
        stored = {(c, i): (v, val) for c, i, v, val in conn.execute(text(
            "SELECT rv.case_id, a.item_id, a.version, a.value FROM answer a"
            " JOIN review rv ON rv.id = a.review_id WHERE rv.round_id = ANY(:r)"),
            {"r": round_ids})}
        logged = int(conn.execute(text(
            "SELECT count(*) FROM change_log WHERE entity = 'answer' AND round_id = ANY(:r)"),
            {"r": round_ids}).scalar_one())
    problems = find_lost(acked, stored, logged)
    total = sum(len(s) for s in acked.values())
    latencies = [x for r in reviewers for x in r.latencies]
    cpu = [x for r in reviewers for x in r.cpu]
    shared = {(r.shared_case, i) for r in reviewers for i in SHARED_ITEMS}
    return {
        "reviewers": len(reviewers),
        "saves": len(latencies),
        "acknowledged_writes": total,
        "shared_cell_writes": sum(len(acked.get(c, [])) for c in shared),
        "stored_cells": len(stored),
        "change_log_rows": logged,
        "conflicts_reported": sum(r.conflicts for r in reviewers),
        "busy_reported": sum(r.busy for r in reviewers),
        "unchanged": sum(r.unchanged for r in reviewers),
        "errors": [e for r in reviewers for e in r.errors][:10],
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p95_ms": 1000 * percentile(latencies, 0.95) if latencies else None,
        "p99_ms": 1000 * percentile(latencies, 0.99) if latencies else None,
        "max_ms": 1000 * max(latencies) if latencies else None,
        "client_cpu_ms_p50": 1000 * statistics.median(cpu) if cpu else None,
        "server_cpu_ms_per_save": 1000 * server_cpu / len(latencies)
        if server_cpu is not None and latencies else None,
        "lost_updates": len(problems),
        "problems": problems[:10],
        "zero_lost_updates": not problems and total > 0
        and not any(r.errors for r in reviewers),
    }


def find_lost(acked: dict[tuple[int, str], list[tuple[int, str]]],
              stored: dict[tuple[int, str], tuple[int, str | None]],
              logged: int) -> list[str]:
    """What does not add up between the acknowledged saves (cell -> [(version, value)]),
    the stored answers (cell -> (version, value)) and the change log's row count."""
    problems = []
    for cell, saves in acked.items():
        versions = sorted(v for v, _ in saves)
        final = stored.get(cell)
        if final is None:
            problems.append(f"{cell}: acknowledged but not stored")
            continue
        if versions != list(range(1, final[0] + 1)):
            problems.append(f"{cell}: versions {versions} against stored {final[0]}")
        elif max(saves)[1] != final[1]:
            problems.append(f"{cell}: stored {final[1]!r}, last acknowledged {max(saves)[1]!r}")
    problems += [f"{cell}: stored but never acknowledged" for cell in stored.keys() - acked]
    total = sum(len(s) for s in acked.values())
    if logged != total:
        problems.append(f"change log {logged} rows, acknowledged saves {total}")
    return problems
