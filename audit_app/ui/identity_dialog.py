"""The reviewer's name and initials, asked at first start and recorded on every change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class IdentityDialog(QDialog):
    """Asks who is reviewing; both fields are required."""

    def __init__(self, name: str = "", initials: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Vem granskar?"))
        intro = QLabel(self.tr("Ditt namn och dina initialer sparas på varje granskning och "
                               "i ändringsloggen, så att det går att se vem som ändrat vad."))
        intro.setWordWrap(True)
        self.name = QLineEdit(name)
        self.name.setAccessibleName(self.tr("Namn"))
        self.initials = QLineEdit(initials)
        self.initials.setAccessibleName(self.tr("Initialer"))
        self.initials.setMaxLength(6)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("&Namn:"), self.name)
        form.addRow(self.tr("&Initialer:"), self.initials)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._check_and_accept)
        form.addRow(self.buttons)
        self.setMinimumWidth(380)

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.initials.text().strip().upper()

    def _check_and_accept(self) -> None:
        name, initials = self.values()
        if not name:
            self.name.setFocus()
            return
        if not initials:
            self.initials.setText("".join(p[0] for p in name.split() if p).upper())
        self.accept()
