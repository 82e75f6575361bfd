"""The smoke test passes on a working installation and fails loudly on a broken one."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.ui.smoke import run_smoke_test

ROOT = Path(__file__).resolve().parents[2]


def test_smoke_test_flag_exits_zero_after_every_step(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path / "d"),
               XDG_CONFIG_HOME=str(tmp_path / "c"))
    done = subprocess.run([sys.executable, "-m", "audit_app", "--smoke-test"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    for step in ("resurser", "databas", "huvudfönster", "rapporter"):
        assert f"ok  {step}" in done.stdout
    assert "Röktestet lyckades" in done.stdout
    assert not (tmp_path / "d").exists() or not list((tmp_path / "d").rglob("*.sqlite3"))


def test_smoke_test_fails_with_a_message_when_checklists_are_missing(tmp_path: Path) -> None:
    out = io.StringIO()
    code = run_smoke_test(ChecklistLibrary([tmp_path / "nothing"]), out=out)
    assert code == 1
    assert "FEL resurser: inga checklistor" in out.getvalue()
    assert "Röktestet misslyckades" in out.getvalue()
