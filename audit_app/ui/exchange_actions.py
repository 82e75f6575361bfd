"""Menu actions for workbooks, answer import and round exchange, with a conflict dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, Qt, QThread
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import UserError
from audit_app.ui.exchange_passphrase import ask_exchange_passphrase
from audit_app.ui.unsampled_dialog import ask_skip_unsampled

if TYPE_CHECKING:  # the services are imported when an action runs, not at program start
    from audit_app.services.answer_import import Conflict, ConflictKey
    from audit_app.storage.db import Database

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
T = TypeVar("T")
Resolver = Callable[[QWidget | None, "list[Conflict]"], "dict[ConflictKey, str] | None"]
Asker = Callable[[QWidget | None, str, bool], "str | None"]  # parent, file name, new -> phrase
Skipper = Callable[[QWidget | None, list[str]], bool]  # parent, case refs -> skip them


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


def message(parent: QWidget | None, kind: str, title: str, text: str, details: str = "") -> None:
    """Show a message box (tests replace this function to read what the user is told)."""
    box = QMessageBox(parent)
    box.setIcon(
        {"error": QMessageBox.Icon.Warning, "info": QMessageBox.Icon.Information}.get(
            kind, QMessageBox.Icon.Information
        )
    )
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    box.exec()


class _Job(QThread):
    """Runs one service call off the GUI thread and keeps its result or exception."""

    def __init__(self, job: Callable[[], T]) -> None:
        super().__init__()
        self.job = job
        self.result: object = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.result = self.job()
        except BaseException as exc:  # handed back to the GUI thread below
            self.error = exc


def _in_background(parent: QWidget | None, label: str, job: Callable[[], T]) -> T:
    """Run a service call on a worker thread; the window keeps painting meanwhile.

    A busy indicator appears when the call takes more than half a second. Imports are one
    transaction (all or nothing), so there is nothing to cancel half-way.
    """
    thread = _Job(job)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(500)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    thread.start()
    try:
        while not thread.wait(30):
            QCoreApplication.processEvents()
    finally:
        QGuiApplication.restoreOverrideCursor()
        progress.reset()
        progress.deleteLater()
    if thread.error is not None:
        raise thread.error
    return cast(T, thread.result)


def _save(parent: QWidget | None, path: Path | None, dialog: tuple[str, str, str],
          working: str, failed: str, write: Callable[[Path], T],
          prepare: Callable[[Path], bool] | None = None) -> tuple[Path, T] | None:
    """Ask where to save (unless path is given), write there in the background; on an error
    say so and return None, as after a cancelled file dialog (or a False from prepare)."""
    if path is None:
        name, _ = QFileDialog.getSaveFileName(parent, *dialog)
        if not name:
            return None
        path = Path(name)
    target = path
    if prepare is not None and not prepare(target):
        return None
    try:
        return target, _in_background(parent, working, lambda: write(target))
    except (UserError, OSError) as exc:
        message(parent, "error", failed, str(exc))
        return None


def export_template(
    parent: QWidget | None, db: Database, round_id: int, actor: str, path: Path | None = None
) -> Path | None:
    """Save the review workbook of a round; returns the file written or None."""
    saved = _save(
        parent, path,
        (translate("Exchange", "Spara granskningsarbetsbok"),
         "granskning.xlsx",  # i18n: ok (file name)
         translate("Exchange", "Excel-arbetsbok (*.xlsx)")),
        translate("Exchange", "Skriver arbetsboken …"),
        translate("Exchange", "Arbetsboken kunde inte sparas"),
        lambda target: _workbooks(db, actor).write_template(round_id, target))
    if saved is None:
        return None
    target, n = saved
    message(
        parent,
        "info",
        translate("Exchange", "Arbetsboken sparades"),
        translate(
            "Exchange",
            "{0} ärenden finns i {1}. Den kan fyllas i i Excel och importeras med Importera svar.",
        ).format(n, target.name),
    )
    return target


def import_answers(
    parent: QWidget | None,
    db: Database,
    round_id: int,
    actor: str,
    path: Path | None = None,
    resolve: Resolver = resolve_with_dialog,
    skip: Skipper = ask_skip_unsampled,
) -> bool:
    """Import an answer file into a round after showing problems, cases outside the sample
    (skipped only when the user ticks the box) and conflicts."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("Exchange", "Importera svar"),
            "",
            translate("Exchange", "Svarsfiler (*.xlsx *.csv)"),
        )
        if not name:
            return False
        path = Path(name)
    from audit_app.services.answer_import import AnswerImportService, ImportProblemsError

    service = AnswerImportService(db, actor)
    try:
        working = translate("Exchange", "Läser svarsfilen …")
        plan = _in_background(parent, working,
                              lambda: service.check(round_id, path, skip_unsampled=True))
        if plan.problems:
            raise ImportProblemsError(plan.problems, plan.unsampled)
        skipping = bool(plan.unsampled)
        if skipping and not skip(parent, plan.unsampled):
            return False
        resolution: dict[ConflictKey, str] | None = {}
        if plan.conflicts:
            resolution = resolve(parent, plan.conflicts)
            if resolution is None:
                return False
        done = _in_background(parent, working, lambda: service.import_file(
            round_id, path, resolution, skip_unsampled=skipping))
    except ImportProblemsError as exc:
        outside = translate("Exchange", "Ärenden utanför stickprovet (kan hoppas över): {0}")
        message(
            parent,
            "error",
            translate("Exchange", "Ingenting importerades"),
            translate("Exchange", "Filen har {0} fel. Rätta dem och försök igen.").format(
                len(exc.problems)
            ),
            "\n".join(exc.problems
                      + ([outside.format(", ".join(exc.unsampled))] if exc.unsampled else [])),
        )
        return False
    except UserError as exc:
        message(parent, "error", translate("Exchange", "Ingenting importerades"), str(exc))
        return False
    text = translate("Exchange", "{0} svar och kommentarer importerades.").format(len(done.changes))
    if done.completed:
        text += " " + translate("Exchange", "Markerade som klara: {0}.").format(
            ", ".join(done.completed)
        )
    if done.unsampled:
        text += " " + translate(
            "Exchange", "Hoppade över ärenden utanför stickprovet: {0}."
        ).format(", ".join(done.unsampled))
    message(parent, "info", translate("Exchange", "Svaren importerades"), text)
    return True


def export_round(
    parent: QWidget | None, db: Database, round_id: int, actor: str, path: Path | None = None,
    ask: Asker = ask_exchange_passphrase,
) -> Path | None:
    """Export a whole round to a .granska file, encrypted with a passphrase the user chooses."""
    phrase: dict[str, str] = {}

    def choose(target: Path) -> bool:  # on the GUI thread, after the file dialog
        got = ask(parent, target.name, True)
        if got is not None:
            phrase["new"] = got
        return got is not None

    saved = _save(
        parent, path,
        (translate("Exchange", "Exportera omgång"),
         "omgang.granska",  # i18n: ok (file name)
         translate("Exchange", "Granska-omgång (*.granska)")),
        translate("Exchange", "Exporterar omgången …"),
        translate("Exchange", "Omgången kunde inte exporteras"),
        lambda target: _exchange(db, actor).export_round(round_id, target,
                                                         passphrase=phrase["new"]),
        choose)
    if saved is None:
        return None
    target = saved[0]
    message(
        parent,
        "info",
        translate("Exchange", "Omgången exporterades"),
        translate("Exchange", "Omgången sparades i {0}.").format(target.name),
    )
    return target


def import_round(
    parent: QWidget | None,
    db: Database,
    actor: str,
    path: Path | None = None,
    resolve: Resolver = resolve_with_dialog,
    ask: Asker = ask_exchange_passphrase,
) -> int | None:
    """Merge a .granska file; returns the round id or None when nothing was merged."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("Exchange", "Importera omgång"),
            "",
            translate("Exchange", "Granska-omgång (*.granska)"),
        )
        if not name:
            return None
        path = Path(name)
    phrase = ask(parent, path.name, False)
    if phrase is None:
        return None
    service = _exchange(db, actor)
    try:
        working = translate("Exchange", "Läser in omgången …")
        preview = _in_background(parent, working, lambda: service.import_round(
            path, passphrase=phrase, dry_run=True))
        resolution: dict[ConflictKey, str] | None = {}
        if preview.conflicts:
            resolution = resolve(parent, preview.conflicts)
            if resolution is None:
                return None
        report = _in_background(parent, working, lambda: service.import_round(
            path, resolution, passphrase=phrase))
    except UserError as exc:
        message(parent, "error", translate("Exchange", "Omgången kunde inte läsas in"), str(exc))
        return None
    added = sum(report.added.values())
    text = (
        translate("Exchange", "Omgången {0} lades till.")
        if report.created_round
        else translate("Exchange", "Omgången {0} slogs samman: {1} nya eller ändrade uppgifter.")
    ).format(report.round_name, added)
    message(
        parent,
        "info",
        translate("Exchange", "Omgången importerades"),
        text,
        "\n".join(report.notes),
    )
    return report.round_id


def _workbooks(db: Database, actor: str) -> Any:
    from audit_app.services.workbooks import WorkbookService

    return WorkbookService(db, actor)


def _exchange(db: Database, actor: str) -> Any:
    from audit_app.services.exchange import ExchangeService

    return ExchangeService(db, actor)


def add_exchange_actions(window: Any) -> list[QAction]:
    """Add the workbook and exchange actions to the main window's Arkiv menu, before Avsluta.

    The window provides `file_menu`, `db`, `settings.actor`, `current_round_id()` and
    `refresh()`; round actions ask for a round when none is selected.
    """
    menu: QMenu = window.file_menu
    separators = [a for a in menu.actions() if a.isSeparator()]
    before = separators[-1] if separators else None

    def with_round(run: Callable[[QWidget, Database, int, str], object]) -> Callable[[], None]:
        def triggered() -> None:
            round_id = window.current_round_id()
            if round_id is None:
                message(window, "info", translate("Exchange", "Ingen omgång vald"),
                        translate("Exchange", "Välj eller öppna en omgång först."))
                return
            run(window, window.db, round_id, window.settings.actor)
            window.refresh()
        return triggered

    def merge() -> None:
        if import_round(window, window.db, window.settings.actor) is not None:
            window.refresh()

    entries = [
        (translate("Exchange", "Exportera granskningsar&betsbok…"), with_round(export_template)),
        (translate("Exchange", "Importera &svar från fil…"), with_round(import_answers)),
        None,
        (translate("Exchange", "&Exportera omgång…"), with_round(export_round)),
        (translate("Exchange", "I&mportera omgång…"), merge),
    ]
    actions: list[QAction] = []
    for entry in [None, *entries]:
        action = QAction(window)
        if entry is None:
            action.setSeparator(True)
        else:
            action.setText(entry[0])
            action.triggered.connect(entry[1])
            actions.append(action)
        if before is not None:
            menu.insertAction(before, action)
        else:
            menu.addAction(action)
    return actions
