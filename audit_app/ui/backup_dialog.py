"""Listing the backups of the database file and restoring one (the current file is kept)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the dialog may open before the database layer has loaded
    from audit_app.services.backups import BackupInfo, BackupService


def _size(n: int) -> str:
    return f"{n / 1024:.0f} kB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


class BackupDialog(QDialog):
    """Backups with date and size; restoring needs the database closed (restart after)."""

    def __init__(self, backups: BackupService, parent: QWidget | None = None,
                 before_restore: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.service = backups
        db_path = backups.db_path
        self.before_restore = before_restore
        self.restored_from: Path | None = None
        self.setWindowTitle(self.tr("Säkerhetskopior"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "Säkerhetskopior av {0}. Vid återställning flyttas den nuvarande filen undan "
            "till mappen backups; starta sedan om Granska.").format(db_path.name))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.backups: list[BackupInfo] = backups.list()
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Datum"), self.tr("Storlek"),
                                              self.tr("Fil")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, info in enumerate(self.backups):
            self.table.setItem(row, 0, QTableWidgetItem(f"{info.modified:%Y-%m-%d %H:%M}"))
            self.table.setItem(row, 1, QTableWidgetItem(_size(info.size)))
            self.table.setItem(row, 2, QTableWidgetItem(info.path.name))
        self.table.resizeColumnsToContents()
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Säkerhetskopior"))
        if self.backups:
            self.table.selectRow(0)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = buttons.addButton(self.tr("Återställ vald"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setEnabled(bool(self.backups))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 320)

    def restore_selected(self) -> Path | None:
        """Put the selected backup in place; the caller must reopen the database."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = self.backups[rows[0].row()]
        if self.service.damaged(info):
            QMessageBox.warning(self, self.tr("Kopian är skadad"), self.tr(
                "{0} klarar inte kontrollen (integrity_check) och återställs inte; välj en "
                "annan kopia.").format(info.path.name))
            return None
        if self.before_restore is not None:
            self.before_restore()
        aside = self.service.restore(info)
        self.restored_from = info.path
        QMessageBox.information(self, self.tr("Återställd"), self.tr(
            "Databasen återställdes från {0}. Den tidigare filen finns kvar som {1}. "
            "Starta om Granska.").format(info.path.name, aside.name))
        self.accept()
        return info.path
