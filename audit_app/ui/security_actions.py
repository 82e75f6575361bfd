"""Verktyg menu actions: change log, lock/unlock round, change passphrase, backups."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from audit_app.domain.errors import UserError

if TYPE_CHECKING:
    from audit_app.ui.main_window import MainWindow


class SecurityActions:
    """Adds the actions to the window's Verktyg menu and runs them."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        menu = window.tools_menu
        self.changelog_action = self._add(menu.tr("Ä&ndringslogg…"), self.show_changelog)
        self.lock_action = self._add(menu.tr("&Lås omgången (signera av)"), self.lock_round)
        self.unlock_action = self._add(menu.tr("Lås &upp omgången…"), self.unlock_round)
        menu.addSeparator()
        self.passphrase_action = self._add(menu.tr("Byt &lösenfras…"), self.change_passphrase)
        self.backup_action = self._add(menu.tr("&Säkerhetskopior…"), self.show_backups)

    def _add(self, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        self.window.tools_menu.addAction(action)
        return action

    def show_changelog(self) -> None:
        from audit_app.services.changelog import ChangeLogService
        from audit_app.ui.changelog_view import ChangeLogDialog

        w = self.window
        w._show_dialog(ChangeLogDialog(ChangeLogService(w.db), w.rounds, w.current_round_id(),
                                       w))

    def lock_round(self) -> None:
        w = self.window
        round_id = w.current_round_id()
        if round_id is None:
            QMessageBox.information(w, "Granska", w.tr("Välj en omgång först."))
            return
        try:
            summary = w.rounds.lock(round_id)
        except UserError as exc:
            QMessageBox.warning(w, "Granska", str(exc))
            return
        w.statusBar().showMessage(w.tr("Omgången {0} är låst.").format(summary.name), 5000)
        w.refresh()

    def unlock_round(self) -> None:
        w = self.window
        round_id = w.current_round_id()
        if round_id is None:
            QMessageBox.information(w, "Granska", w.tr("Välj en omgång först."))
            return
        reason, ok = QInputDialog.getText(w, w.tr("Lås upp omgången"),
                                          w.tr("Varför låses omgången upp? (loggas)"))
        if not ok:
            return
        try:
            summary = w.rounds.unlock(round_id, reason)
        except UserError as exc:
            QMessageBox.warning(w, "Granska", str(exc))
            return
        w.statusBar().showMessage(w.tr("Omgången {0} är upplåst.").format(summary.name), 5000)
        w.refresh()

    def change_passphrase(self) -> None:
        from audit_app.ui.passphrase_dialog import PassphraseDialog

        w = self.window
        current = PassphraseDialog(w.db.path.name, new=False, parent=w)
        if current.exec() != QDialog.DialogCode.Accepted:
            return
        if not w.db.has_passphrase(current.passphrase() or ""):
            QMessageBox.warning(w, "Granska", w.tr("Fel lösenfras; den byttes inte."))
            return
        new = PassphraseDialog(w.db.path.name, new=True, parent=w)
        new.unencrypted.setVisible(False)
        if new.exec() != QDialog.DialogCode.Accepted or not new.passphrase():
            return
        try:
            w.db.change_passphrase(new.passphrase() or "")
        except UserError as exc:
            QMessageBox.warning(w, "Granska", str(exc))
            return
        QMessageBox.information(w, "Granska", w.tr(
            "Lösenfrasen är bytt. Äldre säkerhetskopior öppnas fortfarande med den gamla."))

    def show_backups(self) -> None:
        from audit_app.ui.backup_dialog import BackupDialog

        w = self.window
        dialog = BackupDialog(w.db.path, w, before_restore=w.db.close)
        dialog.exec()
        if dialog.restored_from is not None:
            w.close()  # the database was replaced under the window: restart


def add_security_actions(window: MainWindow) -> SecurityActions:
    return SecurityActions(window)
