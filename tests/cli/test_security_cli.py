"""CLI: passphrase only from the environment, --unencrypted, round lock/unlock, backup."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from audit_app.__main__ import main
from audit_app.storage.db import is_encrypted, open_database
from audit_app.storage.models import ChangeLog


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_database_needs_passphrase_or_unencrypted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "ny.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "GRANSKA_PASSPHRASE" in err and "--unencrypted" in err
    assert "Traceback" not in err and not path.exists()
    code, _, _ = run(capsys, "--unencrypted", "--db", str(path), "round", "list")
    assert code == 0 and path.exists() and not is_encrypted(path)


def test_passphrase_from_environment(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "krypt.sqlite3"
    monkeypatch.setenv("GRANSKA_PASSPHRASE", "långa hemliga frasen")
    code, out, _ = run(capsys, "--db", str(path), "round", "create", "Placerade T1 2026",
                       "--checklist", "placerade-barn", "--year", "2026", "--period", "T1")
    assert code == 0 and "skapades" in out
    assert is_encrypted(path)
    con = sqlite3.connect(path)
    with pytest.raises(sqlite3.DatabaseError):
        con.execute("SELECT name FROM sqlite_master").fetchall()
    con.close()
    monkeypatch.setenv("GRANSKA_PASSPHRASE", "fel fras")
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "Fel lösenfras" in err and "Traceback" not in err
    monkeypatch.delenv("GRANSKA_PASSPHRASE")
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "GRANSKA_PASSPHRASE" in err


def test_lock_unlock_and_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "krypt.sqlite3"
    monkeypatch.setenv("GRANSKA_PASSPHRASE", "långa hemliga frasen")
    db = ["--db", str(path)]
    assert run(capsys, *db, "round", "create", "R1", "--checklist", "placerade-barn",
               "--year", "2026", "--period", "T1")[0] == 0
    code, out, _ = run(capsys, *db, "round", "lock", "R1")
    assert code == 0 and "låst" in out
    code, _, err = run(capsys, *db, "round", "lock", "R1")
    assert code == 1 and "redan låst" in err
    code, out, _ = run(capsys, *db, "round", "list")
    assert "R1" in out
    code, _, err = run(capsys, *db, "round", "unlock", "R1", "--reason", "  ")
    assert code == 1 and "varför" in err
    code, out, _ = run(capsys, *db, "round", "unlock", "R1", "--reason", "Fel i svar")
    assert code == 0 and "upplåst" in out
    target = tmp_path / "kopia.sqlite3"
    code, out, _ = run(capsys, *db, "backup", "--out", str(target))
    assert code == 0 and "krypterad" in out and is_encrypted(target)
    copy = open_database(target, passphrase="långa hemliga frasen", daily_backup=False)
    try:
        with copy.session() as s:
            rows = s.scalars(select(ChangeLog).where(ChangeLog.entity == "round")).all()
            assert [r.action for r in rows] == ["create", "lock", "unlock"]
            assert rows[-1].reason == "Fel i svar" and rows[-1].actor
    finally:
        copy.close()
    code, _, err = run(capsys, *db, "backup", "--out", str(target))
    assert code == 1 and "finns redan" in err
    code, out, _ = run(capsys, *db, "backup")
    assert code == 0 and "backups" in out


def test_a_wrong_passphrase_gives_only_our_message_on_stderr(tmp_path: Path) -> None:
    """SQLCipher's own C-level log lines ("hmac check failed") never reach the terminal."""
    import os
    import subprocess
    import sys

    path = tmp_path / "krypt.sqlite3"
    open_database(path, passphrase="långa hemliga frasen").close()
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "GRANSKA_PASSPHRASE": "fel fras ändå",
           "PYTHONPATH": str(root) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-m", "audit_app", "--db", str(path), "round",
                           "list"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 1 and "Fel lösenfras" in done.stderr
    assert "ERROR CORE" not in done.stderr and "hmac" not in done.stderr
