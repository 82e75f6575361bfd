"""The dialog of answers that differ on import: per row keep the registered one or the file's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the services are imported when the dialog opens, not at program start
    from audit_app.services.answer_import import Conflict, ConflictKey


class ConflictDialog(QDialog):
    """A table of conflicts; per row keep ours or take the file's, or all at once."""

    def __init__(self, conflicts: list[Conflict], parent: QWidget | None = None) -> None:
        from audit_app.services.answer_import import OURS, THEIRS

        super().__init__(parent)
        self.conflicts = conflicts
        self.setWindowTitle(self.tr("Konflikter vid import"))
        self.resize(860, 420)
        intro = QLabel(
            self.tr(
                "{0} svar i filen skiljer sig från det som redan är registrerat. "
                "Välj för varje rad vilket som ska gälla."
            ).format(len(conflicts))
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(conflicts), 6)
        self.table.setAccessibleName(self.tr("Konflikter"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Ärende"),
                self.tr("Kontrollpunkt"),
                self.tr("Gäller"),
                self.tr("Registrerat"),
                self.tr("I filen"),
                self.tr("Behåll"),
            ]
        )
        self.choices: list[QComboBox] = []
        for row, c in enumerate(conflicts):
            what = self.tr("Svar") if c.field == "answer" else self.tr("Kommentar")
            for col, text in enumerate((c.case_ref, c.item_id, what, c.ours, c.theirs)):
                cell = QTableWidgetItem(text)
                cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
            combo = QComboBox()
            combo.addItem(self.tr("Behåll registrerat"), OURS)
            combo.addItem(self.tr("Ta filens"), THEIRS)
            combo.setAccessibleName(self.tr("Val för rad {0}").format(row + 1))
            self.table.setCellWidget(row, 5, combo)
            self.choices.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.keep_all = QPushButton(self.tr("Behåll alla registrerade"))
        self.take_all = QPushButton(self.tr("Ta alla från filen"))
        self.keep_all.clicked.connect(lambda: self.set_all(OURS))
        self.take_all.clicked.connect(lambda: self.set_all(THEIRS))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row_all = QHBoxLayout()
        row_all.addWidget(self.keep_all)
        row_all.addWidget(self.take_all)
        row_all.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(row_all)
        layout.addWidget(buttons)

    def set_all(self, choice: str) -> None:
        for combo in self.choices:
            combo.setCurrentIndex(combo.findData(choice))

    def resolution(self) -> dict[ConflictKey, str]:
        return {
            c.key: str(combo.currentData())
            for c, combo in zip(self.conflicts, self.choices, strict=True)
        }


def resolve_with_dialog(
    parent: QWidget | None, conflicts: list[Conflict]
) -> dict[ConflictKey, str] | None:
    dialog = ConflictDialog(conflicts, parent)
    return dialog.resolution() if dialog.exec() == QDialog.DialogCode.Accepted else None
