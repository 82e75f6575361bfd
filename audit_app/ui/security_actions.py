"""Verktyg menu actions: change log, lock/unlock round, change passphrase, backups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from audit_app.domain.errors import UserError

if TYPE_CHECKING:
    from audit_app.ui.window_host import WindowHost


class SecurityActions:
    """Adds the actions to the window's Verktyg menu and runs them."""

    def __init__(self, window: WindowHost) -> None:
        self.window = window
        menu = window.tools_menu
        self.changelog_action = self._add(menu.tr("Ä&ndringslogg…"), self.show_changelog)
        self.lock_action = self._add(menu.tr("&Lås omgången (signera av)"), self.lock_round)
        self.unlock_action = self._add(menu.tr("Lås &upp omgången…"), self.unlock_round)
        menu.addSeparator()
        self.passphrase_action = self._add(menu.tr("Byt &lösenfras…"), self.change_passphrase)
        self.backup_action = self._add(menu.tr("&Säkerhetskopior…"), self.show_backups)

    def _add(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window.window())
        action.triggered.connect(slot)
        self.window.tools_menu.addAction(action)
        return action

    def show_changelog(self) -> None:
        from audit_app.ui.changelog_view import ChangeLogDialog

        w = self.window
        w.show_dialog(ChangeLogDialog(w.services.changelog, w.services.rounds,
                                      w.current_round_id(), w.window()))

    def lock_round(self) -> None:
        w = self.window
        round_id = w.current_round_id()
        if round_id is None:
            QMessageBox.information(w.window(), "Granska", w.tr("Välj en omgång först."))
            return
        try:
            summary = w.services.rounds.lock(round_id)
        except UserError as exc:
            QMessageBox.warning(w.window(), "Granska", str(exc))
            return
        w.statusBar().showMessage(w.tr("Omgången {0} är låst.").format(summary.name), 5000)
        w.changes.notify("round", round_id)

    def unlock_round(self) -> None:
        w = self.window
        round_id = w.current_round_id()
        if round_id is None:
            QMessageBox.information(w.window(), "Granska", w.tr("Välj en omgång först."))
            return
        reason, ok = QInputDialog.getText(w.window(), w.tr("Lås upp omgången"),
                                          w.tr("Varför låses omgången upp? (loggas)"))
        if not ok:
            return
        try:
            summary = w.services.rounds.unlock(round_id, reason)
        except UserError as exc:
            QMessageBox.warning(w.window(), "Granska", str(exc))
            return
        w.statusBar().showMessage(w.tr("Omgången {0} är upplåst.").format(summary.name), 5000)
        w.changes.notify("round", round_id)

    def change_passphrase(self) -> None:
        from audit_app.ui.passphrase_dialog import PassphraseDialog

        w = self.window
        database = w.services.database
        current = PassphraseDialog(database.path.name, new=False, parent=w.window())
        if current.exec() != QDialog.DialogCode.Accepted:
            return
        if not database.has_passphrase(current.passphrase() or ""):
            QMessageBox.warning(w.window(), "Granska", w.tr("Fel lösenfras; den byttes inte."))
            return
        new = PassphraseDialog(database.path.name, new=True, parent=w.window())
        new.unencrypted.setVisible(False)
        if new.exec() != QDialog.DialogCode.Accepted or not new.passphrase():
            return
        try:
            database.change_passphrase(new.passphrase() or "")
        except UserError as exc:
            QMessageBox.warning(w.window(), "Granska", str(exc))
            return
        QMessageBox.information(w.window(), "Granska", w.tr(
            "Lösenfrasen är bytt. Äldre säkerhetskopior öppnas fortfarande med den gamla."))

    def show_backups(self) -> None:
        from audit_app.ui.backup_dialog import BackupDialog

        w = self.window
        dialog = BackupDialog(w.services.backups, w.window(),
                              before_restore=w.services.database.close)
        dialog.exec()
        if dialog.restored_from is not None:
            w.close()  # the database was replaced under the window: restart


def add_security_actions(window: WindowHost) -> SecurityActions:
    return SecurityActions(window)
