"""CLI: a damaged database is refused and `audit-app restore BACKUP` puts a good copy back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from audit_app.__main__ import main
from audit_app.storage.backup import daily_backup
from audit_app.storage.db import is_encrypted, open_database

KEY = "långa hemliga frasen"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _round_and_backup(capsys: pytest.CaptureFixture[str], path: Path,
                      passphrase: str | None = None) -> Path:
    code, _, _ = run(capsys, "--db", str(path), "round", "create", "Placerade T1 2026",
                     "--checklist", "placerade-barn", "--year", "2026", "--period", "T1")
    assert code == 0
    made = daily_backup(path, passphrase)
    assert made is not None
    return made


def test_empty_file_is_refused_then_restored(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g.sqlite3"
    good = _round_and_backup(capsys, path)
    path.write_bytes(b"")
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and err.startswith("Fel:") and "Traceback" not in err
    assert good.name in err and "restore" in err
    assert path.read_bytes() == b""
    code, out, err = run(capsys, "--db", str(path), "restore", str(good))
    assert code == 0, err
    assert "återställdes" in out
    asides = list((tmp_path / "backups").glob("g.before-restore-*"))
    assert len(asides) == 1 and asides[0].read_bytes() == b""  # moved aside, not deleted
    code, out, _ = run(capsys, "--db", str(path), "round", "list")
    assert code == 0 and "Placerade T1 2026" in out


def test_restore_refuses_a_bad_backup(tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "g.sqlite3"
    good = _round_and_backup(capsys, path)
    bad = tmp_path / "trasig.sqlite3"
    bad.write_bytes(good.read_bytes()[:2048] + b"\x00" * 2048)
    before = path.read_bytes()
    code, _, err = run(capsys, "--db", str(path), "restore", str(bad))
    assert code == 1 and "integrity_check" in err and "Inget ändrades" in err
    assert path.read_bytes() == before
    code, _, err = run(capsys, "--db", str(path), "restore", str(tmp_path / "saknas.sqlite3"))
    assert code == 1 and "finns inte" in err
    code, _, err = run(capsys, "--db", str(path), "restore", str(_foreign_sqlite(tmp_path)))
    assert code == 1 and "ingen Granska-databas" in err
    assert path.read_bytes() == before


def _foreign_sqlite(folder: Path) -> Path:
    """A sound SQLite file without Granska's tables."""
    other = folder / "annan.sqlite3"
    con = sqlite3.connect(other)
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()
    return other


def test_restore_encrypted_needs_the_passphrase(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "g.sqlite3"
    monkeypatch.setenv("GRANSKA_PASSPHRASE", KEY)
    good = _round_and_backup(capsys, path, KEY)
    path.write_bytes(path.read_bytes()[:5000])
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "ofullständig" in err and good.name in err
    monkeypatch.delenv("GRANSKA_PASSPHRASE")  # the damage is named before any passphrase
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "ofullständig" in err and good.name in err
    monkeypatch.setenv("GRANSKA_PASSPHRASE", "fel lösenfras")
    code, _, err = run(capsys, "--db", str(path), "restore", str(good))
    assert code == 1 and "går inte att läsa" in err
    assert len(path.read_bytes()) == 5000
    monkeypatch.setenv("GRANSKA_PASSPHRASE", KEY)
    code, _, err = run(capsys, "--db", str(path), "restore", str(good))
    assert code == 0, err
    assert is_encrypted(path)
    code, out, _ = run(capsys, "--db", str(path), "round", "list")
    assert code == 0 and "Placerade T1 2026" in out


def test_plain_file_with_passphrase_needs_unencrypted(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    path = tmp_path / "g.sqlite3"
    open_database(path).close()
    monkeypatch.setenv("GRANSKA_PASSPHRASE", KEY)
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "okrypterad" in err and "--unencrypted" in err
    assert "Traceback" not in err
    code, _, err = run(capsys, "--unencrypted", "--db", str(path), "round", "list")
    assert code == 0, err


def test_short_passphrase_for_a_new_database(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GRANSKA_UNENCRYPTED")
    monkeypatch.setenv("GRANSKA_PASSPHRASE", "x")
    path = tmp_path / "ny.sqlite3"
    code, _, err = run(capsys, "--db", str(path), "round", "list")
    assert code == 1 and "minst 8" in err and not path.exists()
