"""Errors nobody caught: logged with their traceback and shown in a message box, never a console."""

from __future__ import annotations

import logging
import sys
import threading
from types import TracebackType

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox

from audit_app import logs
from audit_app.domain.error_texts import translate_text
from audit_app.domain.errors import UserError
from audit_app.ui.i18n import current_language

logger = logging.getLogger(__name__)


class ErrorReporter(QObject):
    """Takes uncaught errors from any thread and shows them on the GUI thread, one at a time."""

    _report = Signal(str, bool)  # the text, whether the program did not expect the error

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.box: QMessageBox | None = None
        self._before = (sys.excepthook, threading.excepthook)
        # Emitted from a worker thread, the signal is queued to this object's (GUI) thread.
        self._report.connect(self._show)

    def install(self) -> None:
        """Become sys.excepthook and threading.excepthook until uninstall."""
        self._before = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self.handle_thread

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._before

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """sys.excepthook: a user error shows its text; anything else is logged first."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._report.emit(*self.describe(exc_type, exc, tb))

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: the same for an error on a worker thread."""
        if args.exc_type is SystemExit:
            return
        exc = args.exc_value if args.exc_value is not None else args.exc_type()
        self.handle(args.exc_type, exc, args.exc_traceback)

    def fatal(self, exc: BaseException) -> None:
        """An error that ends the program: logged, then shown until the user closes it."""
        text, unexpected = self.describe(type(exc), exc, exc.__traceback__)
        icon = QMessageBox.Icon.Critical if unexpected else QMessageBox.Icon.Warning
        QMessageBox(icon, "Granska", text).exec()

    @staticmethod
    def describe(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> tuple[str, bool]:
        """The text to show, in the user's language, and whether it was unexpected (then the
        traceback is logged). Services raise Swedish; the English is looked up here."""
        lang = current_language()
        if isinstance(exc, UserError):
            return translate_text(str(exc), lang), False
        logger.error("Oväntat fel som inte fångades", exc_info=(exc_type, exc, tb))
        text = translate_text(logs.unexpected_error_text(exc), lang)
        return text[:1].upper() + text[1:], True

    def _show(self, text: str, unexpected: bool) -> None:
        if self.box is not None and self.box.isVisible():
            return  # an error repeated on every paint must not pile up boxes
        icon = QMessageBox.Icon.Critical if unexpected else QMessageBox.Icon.Warning
        self.box = QMessageBox(icon, "Granska", text)
        self.box.setObjectName("errorBox")
        self.box.open()


def install_error_hooks(parent: QObject) -> ErrorReporter:
    """Route uncaught errors to a new ErrorReporter owned by parent (uninstall undoes it)."""
    reporter = ErrorReporter(parent)
    reporter.install()
    return reporter
