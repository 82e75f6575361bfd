"""SIGKILL in the middle of answering loses no committed answer; two writers never corrupt."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select, text

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.db import open_database
from audit_app.storage.models import Answer, Review
from tests.factories import round_with_sample

ROOT = Path(__file__).resolve().parent.parent
KEY = "kraschsäker fras"
KILLS = 25


def _start(path: Path, round_id: int, first: int, last: int) -> subprocess.Popen[str]:
    env = dict(os.environ, GRANSKA_PASSPHRASE=KEY, CRASH_DRIVER_SKIP_DONE="1")
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_driver", str(path), str(round_id), str(first),
         str(last)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def _stored(path: Path) -> dict[tuple[int, str], str | None]:
    db = open_database(path, passphrase=KEY, daily_backup=False)
    try:
        with db.session() as s:
            assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            rows = s.execute(select(Review.case_id, Answer.item_id, Answer.value)
                             .join(Review, Answer.review_id == Review.id)).all()
            return {(c, i): v for c, i, v in rows}
    finally:
        db.close()


def _reported(lines: list[str]) -> dict[tuple[int, str], str]:
    out = {}
    for line in lines:
        parts = line.split()
        if len(parts) == 3:
            out[(int(parts[0]), parts[1])] = parts[2]
    return out


def test_sigkill_loses_no_committed_answer(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "krasch.sqlite3"
    db = open_database(path, passphrase=KEY)
    rnd, cases = round_with_sample(db, library, 150)
    db.close()
    rng = random.Random(7)
    reported: dict[tuple[int, str], str] = {}
    kills = 0
    while kills < KILLS:
        proc = _start(path, rnd.id, cases[0], cases[-1])
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr \
            else ""
        # at least one committed answer before the kill, however loaded the machine is
        first = proc.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        assert proc.returncode == -signal.SIGKILL
        kills += 1
        reported.update(_reported([first, *out.splitlines()]))
        stored = _stored(path)
        missing = {k: v for k, v in reported.items() if stored.get(k) != v}
        assert not missing, f"after kill {kills}: lost {missing}"
    assert len(reported) >= KILLS  # the driver really got work done between kills


def test_two_instances_write_concurrently(tmp_path: Path, library: ChecklistLibrary) -> None:
    path = tmp_path / "tva.sqlite3"
    db = open_database(path, passphrase=KEY)
    rnd, cases = round_with_sample(db, library, 40)
    db.close()
    half = len(cases) // 2
    procs = [_start(path, rnd.id, cases[0], cases[half - 1]),
             _start(path, rnd.id, cases[half], cases[-1])]
    reported: dict[tuple[int, str], str] = {}
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        reported.update(_reported(out.splitlines()))
    assert len(reported) == len(cases) * 4
    stored = _stored(path)
    assert all(stored.get(k) == v for k, v in reported.items())
