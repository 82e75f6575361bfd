"""The reviewer's name and initials, asked at first start and recorded on every change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
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
        self.outer = outer = QVBoxLayout(self)  # the wrapped intro: full height outside a form
        outer.addWidget(intro)
        form = QFormLayout()
        outer.addLayout(form)
        form.addRow(self.tr("&Namn:"), self.name)
        self.name_error = QLabel()  # what is missing, right under the field
        self.name_error.setStyleSheet("color: #b00020;")
        self.name_error.setWordWrap(True)
        self.name_error.hide()
        form.addRow("", self.name_error)
        self.name.textEdited.connect(lambda text: self.name_error.setVisible(
            self.name_error.isVisible() and not text.strip()))
        form.addRow(self.tr("&Initialer:"), self.initials)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._check_and_accept)
        outer.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for the wrapped lines at the dialog's width (sizeHint alone is not)."""
        layout = self.outer
        layout.activate()  # a message just shown counts
        width = self.width() if self.isVisible() else self.minimumWidth()
        self.resize(width, max(self.sizeHint().height(), layout.totalHeightForWidth(width)))

    def values(self) -> tuple[str, str]:
        return self.name.text().strip(), self.initials.text().strip().upper()

    def _check_and_accept(self) -> None:
        name, initials = self.values()
        if not name:
            self.name_error.setText(self.tr("Skriv ditt namn."))
            self.name_error.show()
            self._fit_height()  # room for the message's lines
            self.name.setFocus()
            return
        if not initials:
            self.initials.setText("".join(p[0] for p in name.split() if p).upper())
        self.accept()
