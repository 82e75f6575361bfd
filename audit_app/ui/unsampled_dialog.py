"""The answer-import dialog for cases outside the sample: listed, skipped only when ticked."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)


class UnsampledDialog(QDialog):
    """Lists the case refs of a file that are not in the round's sample; OK needs the tick."""

    def __init__(self, case_refs: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ärenden utanför stickprovet"))
        self.resize(520, 360)
        intro = QLabel(
            self.tr(
                "{0} ärenden i filen ingår inte i omgångens stickprov. Deras svar kan inte "
                "importeras. Kontrollera att det är rätt fil och rätt omgång."
            ).format(len(case_refs))
        )
        intro.setWordWrap(True)
        self.cases = QListWidget()
        self.cases.setAccessibleName(self.tr("Ärenden utanför stickprovet"))
        self.cases.addItems(case_refs)
        self.skip_box = QCheckBox(
            self.tr("Hoppa över dessa ärenden och importera svaren för övriga ärenden")
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Importera övriga"))
        self.ok_button.setEnabled(False)
        self.skip_box.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.cases)
        layout.addWidget(self.skip_box)
        layout.addWidget(self.buttons)
        self.skip_box.setFocus()

    def accept(self) -> None:
        if self.skip_box.isChecked():  # Enter on the list must not skip without the tick
            super().accept()


def ask_skip_unsampled(parent: QWidget | None, case_refs: list[str]) -> bool:
    """True when the user ticks the box and goes on; False when nothing should be imported."""
    dialog = UnsampledDialog(case_refs, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
