"""The program's log: a rotating file in the data folder; tracebacks, never answers or SQL."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from io import TextIOWrapper
from pathlib import Path

LOGGER_NAME = "audit_app"
LOG_FILE_NAME = "granska.log"
LOG_DIR_ENV = "GRANSKA_LOG_DIR"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_HANDLER_NAME = "granska-file"
# SQLAlchemy puts a statement's values on a line of their own; the engine hides them
# (hide_parameters), and this drops such a line should another engine ever show them.
_PARAMETERS_LINE = re.compile(r"^\[parameters: .*$", re.MULTILINE)


class _SafeFormatter(logging.Formatter):
    """Formats records with their traceback, without SQL parameter values."""

    def format(self, record: logging.LogRecord) -> str:
        return _PARAMETERS_LINE.sub("[parameters: dolda]", super().format(record))


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file readable by its owner only (the next file after a rotation too)."""

    def _open(self) -> TextIOWrapper:
        stream = super()._open()
        if os.name == "posix":
            os.chmod(self.baseFilename, 0o600)
        return stream


def log_folder() -> Path:
    """Where the log lives: GRANSKA_LOG_DIR if set, else `logs` in the user's data folder."""
    override = os.environ.get(LOG_DIR_ENV)
    if override:
        return Path(override)
    from audit_app import paths

    return paths.data_dir() / "logs"


def configure_logging(folder: Path | None = None) -> Path | None:
    """Send the program's log records (INFO and up) to `granska.log` in folder.

    Returns the log file, or None when the folder cannot be written (the program still runs).
    Calling it again replaces the earlier file handler. Only the `audit_app` logger gets the
    handler: the root logger stays untouched, so SQLAlchemy never logs statements here.
    """
    logger = logging.getLogger(LOGGER_NAME)
    for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
        logger.removeHandler(old)
        old.close()
    logger.setLevel(logging.INFO)
    folder = log_folder() if folder is None else folder
    path = folder / LOG_FILE_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            folder.chmod(0o700)
        handler = _PrivateFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError:
        return None
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(_SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    return path


def log_file() -> Path | None:
    """The file the program logs to, if configure_logging has set one up."""
    for handler in logging.getLogger(LOGGER_NAME).handlers:
        if isinstance(handler, logging.FileHandler) and handler.get_name() == _HANDLER_NAME:
            return Path(handler.baseFilename)
    return None


def unexpected_error_text(exc: BaseException) -> str:
    """What the user is told about an error the program did not expect (no details, no data)."""
    where = log_file()
    detail = f" Detaljer finns i loggfilen {where}." if where else ""
    return f"ett oväntat fel inträffade ({type(exc).__name__}).{detail}"
