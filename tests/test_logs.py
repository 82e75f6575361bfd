"""The log file: where it is, who may read it, and that SQL values never reach it."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError

from audit_app import logs
from audit_app.logs import configure_logging, log_file
from audit_app.storage.db import Database

SECRET = "Hemlig kommentar om pappan 4711"


def _flush() -> None:
    for handler in logging.getLogger(logs.LOGGER_NAME).handlers:
        handler.flush()


def test_log_goes_to_the_data_folder_by_default(tmp_path: Path) -> None:
    path = configure_logging()
    assert path is not None and path == log_file()
    assert path == Path(os.environ["XDG_DATA_HOME"]) / "Granska" / "logs" / "granska.log"
    logging.getLogger("audit_app.something").info("en rad")
    _flush()
    assert "INFO audit_app.something: en rad" in path.read_text(encoding="utf-8")


def test_the_environment_can_move_the_log(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(tmp_path / "annan"))
    assert configure_logging() == tmp_path / "annan" / "granska.log"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_only_the_owner_may_read_the_log(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_the_log_rotates_and_stays_private(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    for n in range(300):  # about 18 kB: more than six files of 2 kB
        logging.getLogger("audit_app.test").info("rad %d", n)
    _flush()
    files = sorted(path.parent.iterdir())
    assert [f.name for f in files] == [f"granska.log{s}" for s in ("", ".1", ".2", ".3", ".4",
                                                                     ".5")]
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert all(f.stat().st_size <= 2000 for f in files)


def test_configuring_twice_keeps_one_file_handler(tmp_path: Path) -> None:
    configure_logging(tmp_path / "a")
    second = configure_logging(tmp_path / "b")
    logging.getLogger("audit_app").warning("bara i b")
    _flush()
    assert second is not None and "bara i b" in second.read_text(encoding="utf-8")
    assert "bara i b" not in (tmp_path / "a" / "granska.log").read_text(encoding="utf-8")


def test_an_unwritable_folder_gives_no_log_and_no_crash(tmp_path: Path) -> None:
    blocker = tmp_path / "fil"
    blocker.write_text("inte en mapp", encoding="utf-8")
    assert configure_logging(blocker / "logs") is None
    assert log_file() is None
    assert "Detaljer" not in logs.unexpected_error_text(RuntimeError())


def test_a_failing_statement_hides_its_parameters(db: Database, tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    with pytest.raises(StatementError) as caught, db.session() as s:
        s.execute(text("INSERT INTO answer (review_id, item_id, comment) VALUES (:r, :i, :c)"),
                  {"r": 1, "i": "vardplan", "c": SECRET})
    assert SECRET not in str(caught.value)
    logging.getLogger("audit_app.test").error("misslyckades", exc_info=caught.value)
    _flush()
    logged = path.read_text(encoding="utf-8")
    assert "Traceback" in logged and "IntegrityError" in logged
    assert SECRET not in logged


def test_a_parameters_line_is_dropped_from_the_log(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path is not None
    try:
        raise ValueError(f"(x) fel\n[SQL: INSERT ...]\n[parameters: (1, '{SECRET}')]")
    except ValueError:
        logging.getLogger("audit_app.test").exception("misslyckades")
    _flush()
    logged = path.read_text(encoding="utf-8")
    assert "[SQL: INSERT ...]" in logged and SECRET not in logged
