"""The command line on a PostgreSQL server: the same commands, the same output as on a file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.db import Database, open_database
from tests.cli.test_cli import run
from tests.figure_data import seed_utredning


@pytest.fixture(params=["sqlite", "postgresql"])
def db_arg(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What --db is given: a file, or the module's (emptied) server database."""
    if request.param == "postgresql":
        request.getfixturevalue("pg_db")
        return str(request.getfixturevalue("pg_url"))
    return str(tmp_path / "g.sqlite3")


def test_round_create_twice_and_list(db_arg: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("--db", db_arg, "round", "create", "T1 2026", "--checklist", "placerade-barn",
            "--year", "2026", "--period", "T1", "--unit", "Familjehem")
    assert run(capsys, *args)[0] == 0
    code, _, err = run(capsys, *args)
    assert code == 1 and "finns redan" in err and "Traceback" not in err
    code, out, _ = run(capsys, "--db", db_arg, "round", "list")
    assert code == 0 and "T1 2026" in out and "Familjehem" in out


def _report(db: Database, library: ChecklistLibrary, db_arg: str, out: Path,
            capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, object]]:
    seed_utredning(db, library)
    db.close()
    code, printed, err = run(capsys, "--db", db_arg, "report", "Utredning T1 2026",
                             "--json", str(out))
    assert code == 0, err
    return printed.replace(str(out), "FIL"), json.loads(out.read_text(encoding="utf-8"))


def test_report_same_on_both_engines(pg_db: Database, pg_url: str, tmp_path: Path,
                                     library: ChecklistLibrary,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    file_arg = str(tmp_path / "g.sqlite3")
    on_file = _report(open_database(file_arg), library, file_arg, tmp_path / "f.json", capsys)
    on_server = _report(pg_db, library, pg_url, tmp_path / "s.json", capsys)
    assert on_server[0] == on_file[0]  # the printed summary, figure by figure
    assert "signs_of_safety: 26 av 46" in on_server[0]
    file_items, server_items = on_file[1]["items"], on_server[1]["items"]
    assert isinstance(file_items, list) and isinstance(server_items, list)
    assert len(server_items) == len(file_items) > 0
    for mine, theirs in zip(server_items, file_items, strict=True):
        assert mine == theirs


def test_backup_and_restore_point_to_pg_dump(pg_db: Database, pg_url: str, tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", pg_url, "backup")
    assert code == 1 and "pg_dump" in err and out == ""
    code, _, err = run(capsys, "--db", pg_url, "restore", str(tmp_path / "x.sqlite3"))
    assert code == 1 and "pg_restore" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("address", [
    "postgresql+psycopg://granska:hemligt@server/granska",
    "postgresql+psycopg://granska:@server/granska"])
def test_password_in_the_address_refused(address: str, capsys: pytest.CaptureFixture[str]
                                         ) -> None:
    code, out, err = run(capsys, "--db", address, "round", "list")
    assert code == 1 and "lösenord" in err and "PGPASSWORD" in err
    assert "hemligt" not in err and out == ""


def test_unreachable_server_is_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", "postgresql+psycopg://127.0.0.1:1/granska?connect_timeout=2",
                       "round", "list")
    assert code == 1 and err.startswith("Fel: Kunde inte ansluta") and "Traceback" not in err


def test_sslmode_passes_through_to_libpq(capsys: pytest.CaptureFixture[str]) -> None:
    # the local socket has no TLS: libpq itself refuses sslmode=require there
    code, _, err = run(capsys, "--db", "postgresql+psycopg://127.0.0.1:1/g?sslmode=verify-full"
                       "&sslrootcert=/nonexistent/root.crt", "round", "list")
    assert code == 1 and "root.crt" in err


def test_server_commands_need_a_server(tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "g.sqlite3"), "server", "init")
    assert code == 1 and "postgresql+psycopg://" in err


def test_server_init_and_grant(pg_db: Database, pg_url: str, pg_admin: Engine,
                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", pg_url, "server", "init")
    assert code == 0, err
    assert "rollerna är klara" in out
    with pg_admin.connect() as conn:
        roles = set(conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE "
                                      "'granska\\_%'")).scalars())
        conn.execute(text("CREATE ROLE granska_cli_test_ida LOGIN"))
    try:
        assert {"granska_reviewer", "granska_manager", "granska_admin"} <= roles
        code, out, err = run(capsys, "--db", pg_url, "server", "grant",
                             "granska_cli_test_ida", "--role", "reviewer", "--unit", "Mottagning")
        assert code == 0, err
        assert "granska_reviewer för enheten Mottagning" in out
        code, out, _ = run(capsys, "--db", pg_url, "server", "grants")
        assert "granska_cli_test_ida\tMottagning" in out
        code, _, err = run(capsys, "--db", pg_url, "server", "grant", "finns_inte_alls",
                           "--role", "admin")
        assert code == 1 and "finns inte" in err
        code, out, err = run(capsys, "--db", pg_url, "server", "revoke",
                             "granska_cli_test_ida", "--unit", "Familjehem")
        assert code == 1 and "ingen behörighet till enheten Familjehem (har: Mottagning)" in err
        code, out, err = run(capsys, "--lang", "en", "--db", pg_url, "server", "revoke",
                             "granska_cli_test_ida", "--unit", "Mottagning")
        assert code == 0, err
        assert out.strip() == ("granska_cli_test_ida no longer sees the unit Mottagning. "
                               "It now sees no units.")
        code, out, err = run(capsys, "--db", pg_url, "server", "revoke",
                             "granska_cli_test_ida", "--role", "reviewer")
        assert code == 0 and "är inte längre granska_reviewer" in out
        code, _, err = run(capsys, "--lang", "en", "--db", pg_url, "server", "revoke",
                           "granska_cli_test_ida")
        assert code == 1 and err.strip() == ("Error: The database role "
                                             "'granska_cli_test_ida' has no Granska role to "
                                             "take back.")
        code, out, _ = run(capsys, "--db", pg_url, "server", "grants")
        assert "granska_cli_test_ida" not in out
    finally:
        with pg_admin.connect() as conn:
            conn.execute(text("DROP ROLE IF EXISTS granska_cli_test_ida"))
