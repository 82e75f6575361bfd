"""`audit-app --smoke-test`: proves an installation works end to end, offscreen, then exits."""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from audit_app import paths
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.settings import Settings, SettingsStore
from audit_app.storage.db import Database


class SmokeFailure(Exception):
    """A step of the smoke test found something wrong."""


@dataclass
class _State:
    """What one step hands to the next."""

    db: Database | None = None

    def open_db(self) -> Database:
        if self.db is None:
            raise SmokeFailure("databasen öppnades inte")
        return self.db


def run_smoke_test(library: ChecklistLibrary, out: TextIO | None = None) -> int:
    """Run every step in a temporary folder; 0 when all pass, 1 with a message otherwise."""
    out = out or sys.stdout
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="granska-smoke-") as tmp:
        folder = Path(tmp)
        state = _State()
        steps: list[tuple[str, Callable[[], str]]] = [
            ("resurser", lambda: _check_resources(library)),
            ("databas", lambda: _check_database(folder, library, state)),
            ("huvudfönster", lambda: _check_window(folder, library, state)),
            ("rapporter", lambda: _check_reports(folder, library, state)),
        ]
        try:
            for name, step in steps:
                detail = step()
                print(f"ok  {name}: {detail}", file=out)
        except Exception as exc:  # every failure must become a message and exit code 1
            print(f"FEL {name}: {exc}", file=out)
            traceback.print_exc(file=out)
            print("Röktestet misslyckades.", file=out)
            return 1
        finally:
            if state.db is not None:
                state.db.close()
    print(f"Röktestet lyckades ({time.monotonic() - started:.1f} s).", file=out)
    return 0


def _check_resources(library: ChecklistLibrary) -> str:
    from audit_app.storage.db import MIGRATIONS_DIR

    found, problems = library.scan()
    if problems:
        raise SmokeFailure("checklistfel: " + "; ".join(str(p) for p in problems))
    if not found:
        raise SmokeFailure(f"inga checklistor i {paths.checklists_dir()}")
    versions = sorted((MIGRATIONS_DIR / "versions").glob("*.py"))
    if not (MIGRATIONS_DIR / "env.py").is_file() or not versions:
        raise SmokeFailure(f"migreringarna saknas i {MIGRATIONS_DIR}")
    qm = sorted(p.name for p in (paths.resources_dir() / "i18n").glob("*.qm"))
    return (f"{len(found)} checklistor, {len(versions)} migreringar, "
            f"översättningar: {', '.join(qm) or 'inga'}")


def _check_database(folder: Path, library: ChecklistLibrary, state: _State) -> str:
    from audit_app.services.demo import build_demo
    from audit_app.storage.db import head_revision, open_database, schema_revision

    db = open_database(folder / "smoke.sqlite3")
    state.db = db
    revision = schema_revision(db)
    if revision != head_revision():
        raise SmokeFailure(f"schemat är {revision}, väntat {head_revision()}")
    summary = build_demo(db, library, per_unit=2)
    encrypted = _check_encryption(folder)
    if summary.completed == 0:
        raise SmokeFailure("inga granskningar kunde sparas")
    return (f"schema {revision}, {len(summary.rounds)} omgångar, {summary.reviews} "
            f"granskningar, {encrypted}")


def _check_encryption(folder: Path) -> str:
    """An encrypted database (SQLCipher) can be created, refused without the key, reopened."""
    from audit_app.storage.crypto import WrongPassphraseError, is_encrypted
    from audit_app.storage.db import open_database

    path = folder / "krypterad.sqlite3"
    open_database(path, passphrase="röktest-fras", daily_backup=False).close()
    if not is_encrypted(path):
        raise SmokeFailure("databasen blev inte krypterad")
    try:
        open_database(path, passphrase="fel", daily_backup=False).close()
    except WrongPassphraseError:
        pass
    else:
        raise SmokeFailure("fel lösenfras godtogs")
    open_database(path, passphrase="röktest-fras", daily_backup=False).close()
    return "kryptering ok"


def _check_window(folder: Path, library: ChecklistLibrary, state: _State) -> str:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from audit_app.ui.i18n import install_translations
    from audit_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], "-platform", "offscreen"])
    # Window geometry and the like go to the temporary folder, not the user's settings.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    loaded = install_translations("en", app)
    missing = {"granska_en", "qtbase_en"} - set(loaded)
    if missing:
        raise SmokeFailure(f"översättningar saknas: {', '.join(sorted(missing))}")
    store = SettingsStore(folder / "settings.json")
    store.save(Settings(reviewer_name="Röktest", reviewer_initials="RT"))
    from audit_app.services.app_services import AppServices

    window = MainWindow(AppServices.build(state.open_db(), library, "Röktest"), store)
    window.show()
    app.processEvents()
    image = window.grab()
    if image.isNull() or image.width() < 200:
        raise SmokeFailure("huvudfönstret kunde inte ritas")
    image.save(str(folder / "main.png"))
    window.close()
    install_translations("sv", app)
    app.processEvents()
    return f"{image.width()}×{image.height()} px, översättningar {', '.join(loaded) or 'inga'}"


def _check_reports(folder: Path, library: ChecklistLibrary, state: _State) -> str:
    pdf_path = folder / "rapport.pdf"
    xlsx_path = folder / "rapport.xlsx"
    _write_reports(state, library, pdf_path, xlsx_path)
    if not pdf_path.read_bytes().startswith(b"%PDF"):
        raise SmokeFailure("PDF-filen är ingen PDF")
    if not xlsx_path.read_bytes().startswith(b"PK"):
        raise SmokeFailure("Excel-filen är ingen xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(xlsx_path, read_only=True)
    sheets = len(workbook.sheetnames)
    workbook.close()
    return (f"PDF {pdf_path.stat().st_size} byte, Excel {xlsx_path.stat().st_size} byte "
            f"({sheets} flikar)")


def _write_reports(state: _State, library: ChecklistLibrary, pdf_path: Path,
                   xlsx_path: Path) -> None:
    """The year's report (VB) of one checklist's rounds, as PDF and Excel."""
    from audit_app.services.report_export import ExportRequest, ReportExportService
    from audit_app.services.rounds import RoundService

    db = state.open_db()
    rounds = RoundService(db, library, "Röktest").list()
    first = rounds[-1]
    ids = tuple(r.id for r in rounds
                if r.checklist_id == first.checklist_id and r.year == first.year)
    ReportExportService(db, "Röktest").write(ExportRequest(ids, pdf=pdf_path, xlsx=xlsx_path))
