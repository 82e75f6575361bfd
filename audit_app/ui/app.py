"""Starting the Qt application: QApplication, the passphrase, the database, the main window."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMainWindow, QMessageBox

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.settings import SettingsStore
from audit_app.ui.error_hook import install_error_hooks
from audit_app.ui.fast_rounds import BackgroundOpen, ready_to_attach, show_rounds_early
from audit_app.ui.i18n import term
from audit_app.ui.lifecycle import settle_heap
from audit_app.ui.off_thread import (
    import_database_layer,
    preload_database_layer,
    run_off_gui_thread,
)

if TYPE_CHECKING:  # the database layer loads after the window is shown
    from audit_app.services.app_services import AppServices
    from audit_app.storage.db import Database
    from audit_app.storage.quick_read import QuickRounds
    from audit_app.ui.error_hook import ErrorReporter
    from audit_app.ui.main_window import MainWindow
    from audit_app.ui.ops import Op

UNENCRYPTED_LABEL = "Okrypterad databas"
# The event loop's exit code when the background open found the file damaged after the quick
# read had listed its rounds: run_gui then opens it the normal way, which offers the backups.
REOPEN = 75


def open_with_dialog(db_path: Path,
                     ask: Callable[[bool, str], str | None | bool] | None = None, *,
                     unencrypted: bool = False,
                     confirm_plain: Callable[[Path], bool] | None = None) -> Database | None:
    """Open the database, asking for the passphrase until it fits; None when cancelled.

    `ask(new, message)` returns the passphrase, None for "no encryption" (new only) or False
    for cancel; tests pass their own. An empty or truncated file raises DatabaseError before
    anything is asked; a damaged encrypted one after the first passphrase that opens its
    newest backup (it is not asked for again). A plain file is opened only with `unencrypted` (the
    command line's --unencrypted or GRANSKA_UNENCRYPTED=1) or when `confirm_plain` agrees.
    Loading the database layer and opening the file (the key derivation) run on a worker
    thread; the window keeps painting meanwhile.
    """
    run_off_gui_thread(import_database_layer)
    from audit_app.storage.db import (
        WeakPassphraseError,
        WrongPassphraseError,
        check_existing,
        open_database,
    )

    ask = ask or _ask_dialog(db_path)
    unencrypted = unencrypted or os.environ.get("GRANSKA_UNENCRYPTED") == "1"
    existing = db_path.exists()
    # The daily backup copies the whole file (seconds for a large one): the window starts
    # it on a worker thread once it is shown, see start_daily_backup.
    if not existing and unencrypted:
        return run_off_gui_thread(lambda: open_database(db_path, daily_backup=False))
    if existing:
        try:  # an empty or truncated file raises DatabaseError before anything is asked
            check_existing(db_path, None, unencrypted=True)
        except WrongPassphraseError:
            pass  # encrypted: the passphrase is asked below
        else:
            if not unencrypted and not (confirm_plain or _confirm_plain)(db_path):
                return None
            return run_off_gui_thread(lambda: open_database(db_path, daily_backup=False))
    message = ""
    while True:
        answer = ask(not existing, message)
        if isinstance(answer, bool):
            return None
        try:
            phrase = answer or None
            return run_off_gui_thread(lambda: open_database(
                db_path, passphrase=phrase, daily_backup=False))  # noqa: B023 (runs now)
        except (WrongPassphraseError, WeakPassphraseError) as exc:
            message = str(exc)


def _confirm_plain(db_path: Path) -> bool:
    """Ask before opening a plain file where an encrypted database is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Granska", QCoreApplication.translate(
        "App", "Databasen {0} är okrypterad: den är inte skyddad med någon lösenfras. Öppna "
        "den bara om det är avsiktligt (full diskkryptering). Starta Granska med "
        "--unencrypted för att slippa frågan, eller skapa en ny krypterad databas och "
        "för över uppgifterna.").format(db_path))
    open_button = box.addButton(QCoreApplication.translate("App", "Öppna okrypterad"),
                                QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.exec()
    return box.clickedButton() is open_button


def _ask_dialog(db_path: Path) -> Callable[[bool, str], str | None | bool]:
    from audit_app.ui.passphrase_dialog import PassphraseDialog

    def ask(new: bool, message: str) -> str | None | bool:
        dialog = PassphraseDialog(db_path.name, new, message)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return dialog.passphrase()

    return ask


def run_gui(db_path: Path, library: ChecklistLibrary, settings_store: SettingsStore,
            unencrypted: bool = False, server_url: str | None = None,
            server_saved: bool = False) -> int:
    """Show the main window at once, then open the database (asking the passphrase) into it.

    server_saved: server_url comes from the settings ("open at start"), so when the server
    cannot be reached the laptop's own file opens instead of the program ending.

    A damaged file is not asked about again and again: the backups are offered, and after
    a restore the database is opened anew.
    """
    from audit_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Granska")
    app.setOrganizationName("Granska")
    from audit_app.ui.i18n import install_translations

    install_translations(settings_store.load().language, app)
    reporter = install_error_hooks(app)
    try:
        window = MainWindow(None, settings_store, db_path=db_path)
        window.show()
        app.processEvents()  # painted before the database layer is imported and opened
        # the rest of the window is built from the next event loop: the passphrase
        # dialog's while it is typed, or the one that waits while its key is derived
        QTimer.singleShot(0, window.build_pages)
        db: Database | None = None
        opening: BackgroundOpen | None = None
        ask: Callable[[bool, str], str | None | bool] | None = None
        if server_url is not None:
            preload_database_layer()
            from audit_app.storage.server import open_server
            from audit_app.ui.server_open import open_server_with_dialog

            instead = QCoreApplication.translate(
                "App", "Granska öppnar datorns egen databas i stället.") if server_saved else ""
            db = open_server_with_dialog(server_url, open_server, instead)
            if db is None and not server_saved:
                return 1
            if db is None:  # the saved server is out of reach: the laptop's own file
                server_url = None
        if server_url is None:  # the layer loads while the passphrase is typed
            answer, quick = ask_and_read_rounds(db_path)
            if answer is False:
                return 1
            if quick is not None:  # listed now; opened and attached in the background
                show_rounds_early(window, quick.rounds, settings_store.load().last_round_id)
                app.processEvents()  # laid out and painted now: the open below keeps
                window.repaint()  # the interpreter busy, and every paint would wait for it
                opening = open_in_background(window, db_path, str(answer), quick.raw_key,
                                             library, settings_store, reporter)
            ask = _asked_first(answer, db_path)
        if server_url is None and opening is None:
            db = _open_or_restore(window, db_path, ask, unencrypted)
        if db is None and opening is None:
            return 1
        if db is not None:
            _attach(window, db, library, settings_store, local=server_url is None)
        code = app.exec()
        if opening is not None:  # closed before it was attached: wait for it, then close
            opened = opening.wait()
            db = opened[0] if opened else None
            if db is None and code == REOPEN:  # damaged after all: as a normal open does
                ready_to_attach(window)
                db = _open_or_restore(window, db_path, ask, unencrypted)
                if db is None:
                    return 1
                _attach(window, db, library, settings_store, local=True)
                code = app.exec()
            elif db is None:
                code = 1
        if db is not None:
            db.close()
        return int(code)
    except Exception as exc:  # logged and shown; no traceback on a console nobody reads
        reporter.fatal(exc)
        return 1
    finally:
        reporter.uninstall()


def ask_and_read_rounds(db_path: Path) -> tuple[str | None | bool, QuickRounds | None]:
    """For an existing, whole, encrypted file: the passphrase and the rounds read with it.

    The passphrase is asked before the database layer has loaded, and the layer loads while
    it is typed (started from the dialog's event loop). The key derivation and the first
    read then run on a worker thread while the window keeps painting. A passphrase given
    before the dialog ran its event loop (a test, the benchmark) leaves the loading to the
    open that follows the read: on a busy machine the two would only slow each other down
    (docs/performance.md). (None, None) for any other file, whose layer loads at once; the
    rounds None when the quick read does not apply (the normal open then decides).
    """
    from audit_app.storage.key_file import derive_raw_key, may_read_quickly

    if not may_read_quickly(db_path):
        preload_database_layer()
        return None, None
    typing = QTimer()
    typing.setSingleShot(True)
    typing.timeout.connect(preload_database_layer)
    typing.start(0)
    answer = _ask_dialog(db_path)(False, "")
    typing.stop()
    if not isinstance(answer, str) or not answer:
        return answer, None
    phrase = answer

    def read() -> QuickRounds | None:
        raw_key = derive_raw_key(db_path, phrase)  # other threads run meanwhile
        if raw_key is None:
            return None
        from audit_app.storage.quick_read import read_rounds_with_key

        return read_rounds_with_key(db_path, raw_key)

    # the reader's module (SQLCipher's driver) loads here while the key is derived there
    QTimer.singleShot(0, lambda: importlib.import_module("audit_app.storage.quick_read"))
    return answer, run_off_gui_thread(read)


def _asked_first(answer: str | None | bool,
                 db_path: Path) -> Callable[[bool, str], str | None | bool] | None:
    """The dialog, except that the first time the answer already given is used."""
    if answer is None:
        return None
    given = [answer]
    dialog = _ask_dialog(db_path)
    return lambda new, message: given.pop() if given else dialog(new, message)


def open_in_background(window: MainWindow, db_path: Path, passphrase: str, raw_key: str,
                       library: ChecklistLibrary, settings_store: SettingsStore,
                       reporter: ErrorReporter) -> BackgroundOpen:
    """Open the database with the key already derived, build its services and attach the
    window to them, on a worker thread while the event loop runs; an error ends the program.
    """
    def work() -> tuple[Database, AppServices]:
        from audit_app.storage.db import open_database

        db = open_database(db_path, passphrase=passphrase, daily_backup=False,
                           raw_key=raw_key)
        return db, build_services(db, library, settings_store)

    def opened(value: tuple[Database, AppServices]) -> None:
        db, services = value
        ready_to_attach(window)
        _attach(window, db, library, settings_store, local=True, services=services)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserError):  # a damaged file: run_gui offers its backups
            QApplication.exit(REOPEN)
            return
        reporter.fatal(exc)
        QApplication.exit(1)

    opening = BackgroundOpen(work)
    opening.opened.connect(opened)
    opening.failed.connect(failed)
    return opening.start()


def _open_or_restore(window: QMainWindow, db_path: Path,
                     ask: Callable[[bool, str], str | None | bool] | None,
                     unencrypted: bool) -> Database | None:
    """The normal open; for a damaged file the backups are offered and, once one is
    restored, it is opened. None when cancelled or nothing was restored."""
    while True:
        try:
            return open_with_dialog(db_path, ask=ask, unencrypted=unencrypted)
        except UserError as exc:
            window.hide()
            if not _show_damaged(db_path, str(exc)):
                return None
            window.show()


def _attach(window: MainWindow, db: Database, library: ChecklistLibrary,
            settings_store: SettingsStore, *, local: bool,
            services: AppServices | None = None) -> None:
    """The window works on the open database; a local file is backed up daily and an
    unencrypted one named so."""
    services = services or build_services(db, library, settings_store)
    window.attach(services)
    if local:
        mark_encryption(window, db)
        start_daily_backup(window, services)
    QTimer.singleShot(0, settle_heap)


def build_services(db: Database, library: ChecklistLibrary,
                   settings_store: SettingsStore) -> AppServices:
    """The composition root: the open database's services, built once for the window."""
    from audit_app.services.app_services import AppServices

    return AppServices.build(db, library, settings_store.load().actor)


def start_daily_backup(window: QMainWindow, services: AppServices) -> Op[Path | None]:
    """Make today's backup copy on a worker thread; the window stays usable meanwhile.

    If the program is closed before it is done, the half copy (`.part`) is discarded and the
    next start makes it again. No dialog: a failed copy is tried again at the next start.
    """
    from audit_app.ui.ops import Op

    return Op(window, lambda _task: services.database.daily_backup(),
              label=QCoreApplication.translate("App", "Säkerhetskopierar …"),
              cancellable=False, dialog=False).start()


def mark_encryption(window: QMainWindow, db: Database) -> None:
    """An unencrypted database is named so in the title and the status bar."""
    if not db.encrypted:
        window.setWindowTitle(f"{window.windowTitle()} – {term(UNENCRYPTED_LABEL)}")
        label = QLabel(term(UNENCRYPTED_LABEL))
        label.setObjectName("unencryptedLabel")
        window.statusBar().addPermanentWidget(label)


def _show_damaged(db_path: Path, message: str) -> bool:
    """The database cannot be opened: say why and offer the backups; True once restored."""
    from audit_app.services.backups import BackupService

    backups = BackupService(db_path)
    if not backups.list():
        QMessageBox.critical(None, "Granska", message)
        return False
    box = QMessageBox(QMessageBox.Icon.Critical, "Granska", message)
    restore = box.addButton(QCoreApplication.translate("App", "Återställ från säkerhetskopia…"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    from audit_app.ui.backup_dialog import BackupDialog

    dialog = BackupDialog(backups, None)
    dialog.exec()
    return dialog.restored_from is not None
