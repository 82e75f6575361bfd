"""Quitting the program never ends in a fatal error: started and quit many times for real."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database
from audit_app.storage.models import Answer
from tests.factories import round_with_sample

ROOT = Path(__file__).resolve().parents[2]
STARTS = 12


@pytest.mark.slow
def test_start_answer_and_quit_many_times_without_a_fatal_error(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    round_with_sample(db, library, n=3)
    path = db.path
    db.close()
    config = tmp_path / "config"
    SettingsStore(config / "Granska" / "settings.json").save(
        Settings(reviewer_name="Granskare T", reviewer_initials="GT"))
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(tmp_path / "d"),
           "QT_QPA_PLATFORM": "offscreen", "PYTHONFAULTHANDLER": "1",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    for start in range(STARTS):
        done = subprocess.run([sys.executable, "-m", "tests.exit_driver", str(path)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, (start, done.returncode, done.stderr[-2000:])
        assert "Fatal Python error" not in done.stderr, (start, done.stderr[-2000:])
        assert "Traceback" not in done.stderr, (start, done.stderr[-2000:])
    from audit_app.storage.db import open_database

    reopened = open_database(path, daily_backup=False)
    try:
        with reopened.session() as s:
            values = s.scalars(select(Answer.value)).all()
    finally:
        reopened.close()
    assert values and set(values) <= {"ja"}  # the keyboard answer was stored before quitting
