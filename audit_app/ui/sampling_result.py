"""The drawn sample: a plain explanation, the protocol, the reserve list; save, copy, print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import (
    QAction,
    QFontDatabase,
    QGuiApplication,
    QKeySequence,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.sampling_protocol import SampleProtocol
from audit_app.reports.protocol_pdf import write_protocol_pdf


class ProtocolPanel(QWidget):
    """Shows a SampleProtocol; its actions save it as PDF, copy it and print it."""

    def __init__(self, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.protocol: SampleProtocol | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("Så drogs stickprovet"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Protokoll och reservlista"))
        self.protocol_view = self._text_view(self.tr("Stickprovsprotokoll"))
        self.reserve_view = self._text_view(self.tr("Reservlista"))
        self.tabs.addTab(self.protocol_view, self.tr("&Protokoll"))
        self.tabs.addTab(self.reserve_view, self.tr("R&eservlista"))
        self.save_action = self._action(self.tr("Spara som &PDF…"), "Ctrl+S", self.save_pdf)
        self.copy_action = self._action(self.tr("&Kopiera"), "Ctrl+Shift+C", self.copy)
        self.print_action = self._action(self.tr("Skriv &ut…"), "Ctrl+P", self.print_protocol)
        buttons = QHBoxLayout()
        for action in (self.save_action, self.copy_action, self.print_action):
            button = QPushButton(action.text())
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.saved)

    def _text_view(self, name: str) -> QPlainTextEdit:
        view = QPlainTextEdit()
        view.setReadOnly(True)
        view.setAccessibleName(name)
        return view

    def _action(self, text: str, shortcut: str, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(f"{text.replace('&', '')} ({action.shortcut().toString()})")
        action.triggered.connect(slot)
        self.addAction(action)  # the shortcut works anywhere in the dialog
        return action

    def set_protocol(self, proto: SampleProtocol) -> None:
        self.protocol = proto
        self.heading.setText("<b>{}</b>".format(self.tr(
            "Stickprovet är draget: {0} av {1} ärenden.").format(proto.size, proto.population)))
        self.explanation.setText(self.explanation_text(proto))
        self.protocol_view.setPlainText(proto.text())
        self.reserve_view.setPlainText("\n".join(proto.reserve_lines()))
        self.tabs.setTabText(1, self.tr("R&eservlista ({0})").format(len(proto.reserve_refs)))

    def explanation_text(self, proto: SampleProtocol) -> str:
        """The method in plain words; the HMAC details are in the PDF for whoever redoes it."""
        text = self.tr(
            "Urvalsramen var de {0} ärenden som fanns i ärendelistan. Ärendena ordnades "
            "slumpmässigt med ett frö som gör att dragningen kan göras om och ge samma "
            "resultat, på vilken dator som helst. De {1} första i ordningen blev stickprovet; "
            "de följande är reservlistan.").format(proto.population, proto.size)
        if len(proto.strata) > 1:
            text += " " + self.tr("Ordningen gjordes inom varje enhet, och varje enhet "
                                  "fick sitt antal ärenden i stickprovet.")
        return text + " " + self.tr(
            "Kan ett ärende inte granskas utesluter du det i omgångens lista (Ctrl+Shift+X); "
            "nästa reserv tar då dess plats. PDF-filen beskriver också hur dragningen görs om.")

    def plain_text(self) -> str:
        """What Kopiera puts on the clipboard and Skriv ut prints."""
        if self.protocol is None:
            return ""
        return "\n\n".join((self.explanation.text(), self.protocol.text(),
                            "\n".join(self.protocol.reserve_lines())))

    def save_pdf(self) -> Path | None:
        if self.protocol is None:
            return None
        name = f"Stickprovsprotokoll {self.protocol.round_name}.pdf".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Spara protokollet som PDF"),
                                                name, self.tr("PDF-filer (*.pdf)"))
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            write_protocol_pdf(self.protocol, path, author=self.actor)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Spara protokollet"), self.tr(
                "Protokollet kunde inte sparas i {0}: {1}").format(path, exc.strerror or exc))
            return None
        self.saved.setText(self.tr("Sparat: {0}").format(path))
        return path

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.plain_text())
        self.saved.setText(self.tr("Protokollet och reservlistan är kopierade."))

    def print_protocol(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Skriv ut protokollet"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        document = QTextDocument()
        document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        document.setPlainText(self.plain_text())
        document.print_(printer)
