"""Start-up stays light: the window is shown before database, report, YAML or CLI code loads."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from audit_app.__main__ import _program_start

# The storage layer and SQLCipher load once the window is shown: the first quick read of
# the rounds (storage.quick_read, without SQLAlchemy) right after the passphrase.
HEAVY = ("sqlalchemy", "openpyxl", "reportlab", "alembic", "yaml", "audit_app.cli",
         "audit_app.checklist_io.loader", "audit_app.storage", "sqlcipher3")


def test_the_window_path_imports_nothing_heavy() -> None:
    code = ("import sys; import audit_app.__main__, audit_app.ui.app, audit_app.ui.main_window;"
            f" print(','.join(m for m in {HEAVY!r} if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.stdout.strip() == ""


@pytest.mark.parametrize("argv", [[], ["--db", "x.sqlite3"], ["--demo"], ["--unencrypted"]])
def test_starting_the_program_skips_the_command_line_parser(argv: list[str]) -> None:
    args = _program_start(argv)
    assert args is not None and args.group is None


@pytest.mark.parametrize("argv", [["round", "list"], ["--help"], ["--version"], ["--db"],
                                  ["--db", "x", "report", "--pdf", "a.pdf"]])
def test_commands_and_help_go_to_the_full_parser(argv: list[str]) -> None:
    assert _program_start(argv) is None


def test_the_quick_read_of_the_rounds_loads_no_sqlalchemy() -> None:
    code = ("import sys; import audit_app.storage.quick_read;"
            " print(','.join(m for m in ('sqlalchemy', 'alembic') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == ""
