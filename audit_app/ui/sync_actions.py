"""Arkiv → Synkronisera med servern… and Serverinställningar…: the laptop and the server."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QMessageBox, QTableWidgetItem, QWidget

from audit_app.ui.error_hook import ErrorReporter
from audit_app.ui.exchange_actions import ConflictDialog
from audit_app.ui.ops import Op
from audit_app.ui.server_open import ServerPasswordDialog, keyring_available
from audit_app.ui.server_settings import ServerSettingsDialog

if TYPE_CHECKING:  # the services load when an action runs, not at program start
    from audit_app.services.answer_import import Conflict
    from audit_app.services.sync import SyncKey, SyncReport

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


class SyncConflictDialog(ConflictDialog):
    """The answers that differ between the laptop and the server; per row the side kept."""

    def __init__(self, conflicts: list[tuple[str, str, Conflict]],
                 parent: QWidget | None = None) -> None:
        # shown the same way round whichever direction found them: the laptop's value as
        # "ours", the server's as "theirs"
        rows = [c if where == "pull" else replace(c, ours=c.theirs, theirs=c.ours)
                for where, _name, c in conflicts]
        super().__init__(rows, parent)
        self.rounds = [name for _where, name, _c in conflicts]
        self.setWindowTitle(self.tr("Skillnader mellan datorn och servern"))
        self.intro = self.findChildren(QLabel)[0]  # the base dialog's only label
        self.intro.setText(self.tr(
            "{0} svar skiljer sig mellan datorn och servern. Ingenting är synkroniserat än. "
            "Välj för varje rad vilket som ska gälla på båda.").format(len(rows)))
        self.table.setHorizontalHeaderLabels([
            self.tr("Ärende (omgång)"), self.tr("Kontrollpunkt"), self.tr("Gäller"),
            self.tr("På datorn"), self.tr("På servern"), self.tr("Behåll")])
        for row, (name, c) in enumerate(zip(self.rounds, rows, strict=True)):
            self.table.setItem(row, 0, _cell(f"{c.case_ref} ({name})"))
            combo = self.choices[row]
            combo.setItemText(0, self.tr("Datorns"))
            combo.setItemText(1, self.tr("Serverns"))
        self.keep_all.setText(self.tr("Behåll datorns överallt"))
        self.take_all.setText(self.tr("Behåll serverns överallt"))
        self.table.resizeColumnsToContents()

    def sides(self) -> dict[SyncKey, str]:
        """Per difference the side kept: LAPTOP or SERVER (as the sync service takes it)."""
        from audit_app.services.answer_import import OURS
        from audit_app.services.sync import LAPTOP, SERVER, sync_key

        return {sync_key(name, c): LAPTOP if combo.currentData() == OURS else SERVER
                for name, c, combo in zip(self.rounds, self.conflicts, self.choices,
                                          strict=True)}


def _cell(text: str) -> QTableWidgetItem:
    cell = QTableWidgetItem(text)
    cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
    cell.setToolTip(text)
    return cell


class SyncRun(QObject):
    """One "Synkronisera med servern": a dry run on a worker (asking the password when
    needed), the differences chosen in SyncConflictDialog, the sync, then a summary.

    The dialogs open without a nested event loop; tests reach them as attributes."""

    def __init__(self, window: Any, address: str) -> None:
        super().__init__(window)
        self.window = window
        self.address = address
        self.password: Any = None  # a PromptedPassword once typed; in memory only
        self.keep: dict[SyncKey, str] | None = None
        self.op: Op[Any] | None = None
        self.password_dialog: ServerPasswordDialog | None = None
        self.conflict_dialog: SyncConflictDialog | None = None
        self.summary: QMessageBox | None = None
        self.failure: QMessageBox | None = None
        self.report: SyncReport | None = None

    def busy(self) -> bool:
        """Working, or waiting for the user in one of its dialogs."""
        return bool(self.op is not None and self.op.running or self.password_dialog
                    or self.conflict_dialog)

    def start(self) -> SyncRun:
        self._run(dry_run=True)
        return self

    def _run(self, dry_run: bool) -> None:
        service = self.window.services.server_sync
        address, keep, password = self.address, self.keep, self.password
        label = (translate("Sync", "Jämför datorn med servern …") if dry_run
                 else translate("Sync", "Synkroniserar med servern …"))
        self.op = Op(self.window, lambda _task: service.sync(address, keep, dry_run, password),
                     label=label, on_success=self._checked if dry_run else self._synced,
                     on_failure=lambda exc: self._failed(exc, dry_run), cancellable=False)
        self.op.start()

    def _checked(self, _plan: SyncReport) -> None:
        self._run(dry_run=False)

    def _failed(self, exc: BaseException, dry_run: bool) -> None:
        from audit_app.services.server_sync import PasswordNeededError
        from audit_app.services.sync import SyncConflictsError

        if isinstance(exc, PasswordNeededError):
            self._ask_password(exc, dry_run)
        elif isinstance(exc, SyncConflictsError):
            self._choose(exc.conflicts)
        else:
            text, unexpected = ErrorReporter.describe(type(exc), exc, exc.__traceback__)
            if dry_run:
                text += "\n\n" + translate("Sync", "Ingenting ändrades.")
            icon = QMessageBox.Icon.Critical if unexpected else QMessageBox.Icon.Warning
            self.failure = self._box(icon, translate("Sync", "Synkroniseringen misslyckades"),
                                     text)

    def _ask_password(self, exc: Any, dry_run: bool) -> None:
        dialog = ServerPasswordDialog(self.address, keyring_available(), wrong=exc.wrong,
                                      parent=self.window)
        self.password_dialog = dialog

        def answered(result: int) -> None:
            self.password_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.password = dialog.value()
                self._run(dry_run)
        dialog.finished.connect(answered)
        dialog.open()

    def _choose(self, conflicts: list[tuple[str, str, Conflict]]) -> None:
        dialog = SyncConflictDialog(conflicts, self.window)
        self.conflict_dialog = dialog

        def chosen(result: int) -> None:
            self.conflict_dialog = None
            if result == QDialog.DialogCode.Accepted:
                self.keep = dialog.sides()
                self._run(dry_run=False)
        dialog.finished.connect(chosen)
        dialog.open()

    def _synced(self, report: SyncReport) -> None:
        self.report = report
        self.window.changes.notify("round")  # rounds pulled or changed: every view reloads
        text, details = summary_text(report, self.keep)
        self.summary = self._box(QMessageBox.Icon.Information,
                                 translate("Sync", "Synkroniserat"),
                                 translate("Sync", "Datorn och servern är synkroniserade."),
                                 details, text)
        self.summary.setStyleSheet(  # the lines not wrapped
            "QLabel#qt_msgbox_informativelabel { min-width: 380px; }")

    def _box(self, icon: QMessageBox.Icon, title: str, text: str,
             details: str = "", informative: str = "") -> QMessageBox:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setInformativeText(informative)
        if details:
            box.setDetailedText(details)
        box.open()
        return box


def summary_text(report: SyncReport, keep: dict[SyncKey, str] | None) -> tuple[str, str]:
    """What the sync did, in two lines and in detail (per round)."""
    from audit_app.services.sync import LAPTOP

    pushed = [m for m in report.pushed if _changed(m)]
    pulled = [m for m in report.pulled if _changed(m)]
    lines = [
        translate("Sync", "Till servern: {0} omgång(ar) med ändringar, varav {1} ny(a).")
        .format(len(pushed), sum(m.created_round for m in pushed)),
        translate("Sync", "Från servern: {0} omgång(ar) med ändringar, varav {1} ny(a).")
        .format(len(pulled), sum(m.created_round for m in pulled)),
    ]
    if keep:
        laptop = sum(1 for side in keep.values() if side == LAPTOP)
        lines.append(translate(
            "Sync", "Skillnader avgjorda: {0} (datorns behölls i {1}, serverns i {2}).").format(
            len(keep), laptop, len(keep) - laptop))
    if report.skipped:
        lines.append(translate("Sync", "{0} omgångar hoppades över, se detaljerna.").format(
            len(report.skipped)))
    details = [translate("Sync", "Till servern: {0}").format(m.round_name) for m in pushed]
    details += [translate("Sync", "Från servern: {0}").format(m.round_name) for m in pulled]
    details += [translate("Sync", "Hoppades över: {0}").format(note) for note in report.skipped]
    return "\n".join(lines), "\n".join(details)


def _changed(merge: Any) -> bool:
    """Whether a merge brought rounds, cases, samples or answers (not only log rows)."""
    return bool(merge.created_round
                or any(n for kind, n in merge.added.items() if kind != "change_log"))


def open_server_settings(window: Any) -> ServerSettingsDialog:
    """Arkiv → Serverinställningar…: the saved connection (window-modal, not blocking)."""
    from audit_app.services.server_sync import server_address

    dialog = ServerSettingsDialog(window.settings_store, server_address, window)
    dialog.accepted.connect(lambda: setattr(window, "settings", window.settings_store.load()))
    window.show_dialog(dialog)
    return dialog


def sync_with_server(window: Any) -> SyncRun | None:
    """Arkiv → Synkronisera med servern…; None when no server is saved (the user is told
    where to enter one) or its saved address is wrong."""
    from audit_app.domain.errors import UserError
    from audit_app.services.server_sync import server_address

    current = getattr(window, "sync_run", None)
    if isinstance(current, SyncRun) and current.busy():
        return current  # one sync at a time
    settings = window.settings_store.load()
    title = translate("Sync", "Synkronisera med servern")
    if not settings.server_url:
        window.sync_message = QMessageBox(
            QMessageBox.Icon.Information, title, translate(
                "Sync", "Ingen server är inställd. Ange serverns adress och ditt "
                "användarnamn under Arkiv → Serverinställningar…"),
            QMessageBox.StandardButton.Ok, window)
        window.sync_message.open()
        return None
    try:
        address = server_address(settings.server_url, settings.server_user)
    except UserError as exc:
        text, _ = ErrorReporter.describe(type(exc), exc, None)
        window.sync_message = QMessageBox(QMessageBox.Icon.Warning, title, text,
                                          QMessageBox.StandardButton.Ok, window)
        window.sync_message.open()
        return None
    return SyncRun(window, address).start()


def add_sync_actions(window: Any) -> list[QAction]:
    """The two server actions in the window's Arkiv menu, before the last separator."""
    menu: QMenu = window.file_menu
    separators = [a for a in menu.actions() if a.isSeparator()]
    before = separators[-1] if separators else None
    separator = QAction(window)
    separator.setSeparator(True)
    actions: list[QAction] = []
    for text, slot in (
            (translate("Sync", "S&ynkronisera med servern…"),
             lambda: setattr(window, "sync_run", sync_with_server(window))),
            (translate("Sync", "Server&inställningar…"), lambda: open_server_settings(window))):
        action = QAction(text, window)
        action.triggered.connect(slot)
        actions.append(action)
    for action in (separator, *actions):
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
    return actions
