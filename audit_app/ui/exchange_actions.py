"""Menu actions for workbooks, answer import and round exchange."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from audit_app.domain.errors import UserError

# ConflictDialog lived here: sync_actions and tests still import it from this module
from audit_app.ui.conflict_dialog import ConflictDialog as ConflictDialog
from audit_app.ui.conflict_dialog import resolve_with_dialog
from audit_app.ui.exchange_passphrase import ask_exchange_passphrase
from audit_app.ui.ops import Op, Task
from audit_app.ui.unsampled_dialog import ask_skip_unsampled

if TYPE_CHECKING:  # the services are imported when an action runs, not at program start
    from audit_app.services.answer_import import Conflict, ConflictKey
    from audit_app.services.app_services import AppServices

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")
T = TypeVar("T")
Resolver = Callable[[QWidget | None, "list[Conflict]"], "dict[ConflictKey, str] | None"]
Asker = Callable[[QWidget | None, str, bool], "str | None"]  # parent, file name, new -> phrase
Done = Callable[[Any], object]  # told the outcome: a path, True/False, a round id or None
Skipper = Callable[[QWidget | None, list[str]], bool]  # parent, case refs -> skip them


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


def _background(parent: QWidget | None, label: str, job: Callable[[], T],
                then: Callable[[T], object], failed: Callable[[BaseException], object],
                ) -> Op[T]:
    """Run a service call on a worker thread (an Op); imports are one transaction (all or
    nothing), so there is nothing to cancel half-way."""
    def work(_task: Task) -> T:
        return job()

    return Op(parent, work, label=label, on_success=then, on_failure=failed,
              cancellable=False).start()


def _refused(parent: QWidget | None, title: str, done: Done, outcome: object,
             extra: Callable[[BaseException], bool] | None = None,
             ) -> Callable[[BaseException], None]:
    """The failure handler of one action: a UserError is told with its text; anything else
    goes to the common handler (logged, the log file named)."""
    def failed(exc: BaseException) -> None:
        if extra is not None and extra(exc):
            pass
        elif isinstance(exc, UserError | OSError):
            message(parent, "error", title, str(exc))
        else:
            from audit_app.ui.ops import show_failure

            show_failure(parent, exc)
        done(outcome)
    return failed


def _save(parent: QWidget | None, path: Path | None, dialog: tuple[str, str, str],
          working: str, failed: str, write: Callable[[Path], T],
          then: Callable[[Path, T], object], done: Done,
          prepare: Callable[[Path], bool] | None = None) -> Op[T] | None:
    """Ask where to save (unless path is given), write there in the background, then
    `then(target, result)`; on an error say so. None after a cancelled file dialog (or a
    False from prepare): nothing runs and done(None) is called."""
    if path is None:
        name, _ = QFileDialog.getSaveFileName(parent, *dialog)
        if not name:
            done(None)
            return None
        path = Path(name)
    target = path
    if prepare is not None and not prepare(target):
        done(None)
        return None
    return _background(parent, working, lambda: write(target),
                       lambda result: then(target, result),
                       _refused(parent, failed, done, None))


def _nothing(_outcome: object) -> None:
    return None


def export_template(parent: QWidget | None, services: AppServices, round_id: int,
                    path: Path | None = None, done: Done = _nothing) -> Op[int] | None:
    """Save the review workbook of a round; done(the file written, or None)."""
    def saved(target: Path, n: int) -> None:
        message(parent, "info", translate("Exchange", "Arbetsboken sparades"), translate(
            "Exchange",
            "{0} ärenden finns i {1}. Den kan fyllas i i Excel och importeras med Importera svar.",
        ).format(n, target.name))
        done(target)

    return _save(
        parent, path,
        (translate("Exchange", "Spara granskningsarbetsbok"),
         "granskning.xlsx",  # i18n: ok (file name)
         translate("Exchange", "Excel-arbetsbok (*.xlsx)")),
        translate("Exchange", "Skriver arbetsboken …"),
        translate("Exchange", "Arbetsboken kunde inte sparas"),
        lambda target: services.workbooks.write_template(round_id, target), saved, done)


def import_answers(parent: QWidget | None, services: AppServices, round_id: int,
                   path: Path | None = None, resolve: Resolver = resolve_with_dialog,
                   done: Done = _nothing, skip: Skipper = ask_skip_unsampled,
                   ) -> Op[Any] | None:
    """Import an answer file into a round after showing problems, cases outside the sample
    (skipped only when the user ticks the box) and conflicts; done(True) once imported,
    done(False) otherwise."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("Exchange", "Importera svar"),
            "",
            translate("Exchange", "Svarsfiler (*.xlsx *.csv)"),
        )
        if not name:
            done(False)
            return None
        path = Path(name)
    from audit_app.services.answer_import import ImportProblemsError

    source = path
    service = services.answer_import
    working = translate("Exchange", "Läser svarsfilen …")
    title = translate("Exchange", "Ingenting importerades")

    def problems(exc: BaseException) -> bool:
        if not isinstance(exc, ImportProblemsError):
            return False
        outside = translate("Exchange", "Ärenden utanför stickprovet (kan hoppas över): {0}")
        details = exc.problems + ([outside.format(", ".join(exc.unsampled))]
                                  if exc.unsampled else [])
        message(parent, "error", title,
                translate("Exchange", "Filen har {0} fel. Rätta dem och försök igen.").format(
                    len(exc.problems)), "\n".join(details))
        return True

    failed = _refused(parent, title, done, False, problems)

    def checked(plan: Any) -> None:
        if plan.problems:
            failed(ImportProblemsError(plan.problems, plan.unsampled))
            return
        skipping = bool(plan.unsampled)
        if skipping and not skip(parent, plan.unsampled):
            done(False)
            return
        resolution: dict[ConflictKey, str] | None = {}
        if plan.conflicts:
            resolution = resolve(parent, plan.conflicts)
            if resolution is None:
                done(False)
                return
        _background(parent, working, lambda: service.import_file(
            round_id, source, resolution, skip_unsampled=skipping),
                    imported, failed)

    def imported(result: Any) -> None:
        text = translate("Exchange", "{0} svar och kommentarer importerades.").format(
            len(result.changes))
        if result.completed:
            text += " " + translate("Exchange", "Markerade som klara: {0}.").format(
                ", ".join(result.completed))
        if result.unsampled:
            text += " " + translate(
                "Exchange", "Hoppade över ärenden utanför stickprovet: {0}.").format(
                ", ".join(result.unsampled))
        message(parent, "info", translate("Exchange", "Svaren importerades"), text)
        done(True)

    return _background(parent, working,
                       lambda: service.check(round_id, source, skip_unsampled=True), checked,
                       failed)


def export_round(parent: QWidget | None, services: AppServices, round_id: int,
                 path: Path | None = None, ask: Asker = ask_exchange_passphrase,
                 done: Done = _nothing) -> Op[Any] | None:
    """Export a whole round to a .granska file, encrypted with a passphrase the user chooses;
    done(the file written, or None)."""
    phrase: dict[str, str] = {}

    def choose(target: Path) -> bool:  # on the GUI thread, after the file dialog
        got = ask(parent, target.name, True)
        if got is not None:
            phrase["new"] = got
        return got is not None

    def saved(target: Path, _result: object) -> None:
        message(parent, "info", translate("Exchange", "Omgången exporterades"),
                translate("Exchange", "Omgången sparades i {0}.").format(target.name))
        done(target)

    return _save(
        parent, path,
        (translate("Exchange", "Exportera omgång"),
         "omgang.granska",  # i18n: ok (file name)
         translate("Exchange", "Granska-omgång (*.granska)")),
        translate("Exchange", "Exporterar omgången …"),
        translate("Exchange", "Omgången kunde inte exporteras"),
        lambda target: services.exchange.export_round(round_id, target,
                                                      passphrase=phrase["new"]),
        saved, done, choose)


def import_round(parent: QWidget | None, services: AppServices, path: Path | None = None,
                 resolve: Resolver = resolve_with_dialog, ask: Asker = ask_exchange_passphrase,
                 done: Done = _nothing) -> Op[Any] | None:
    """Merge a .granska file; done(the round id, or None when nothing was merged)."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("Exchange", "Importera omgång"),
            "",
            translate("Exchange", "Granska-omgång (*.granska)"),
        )
        if not name:
            done(None)
            return None
        path = Path(name)
    phrase = ask(parent, path.name, False)
    if phrase is None:
        done(None)
        return None
    source = path
    service = services.exchange
    working = translate("Exchange", "Läser in omgången …")
    failed = _refused(parent, translate("Exchange", "Omgången kunde inte läsas in"), done, None)

    def previewed(preview: Any) -> None:
        resolution: dict[ConflictKey, str] | None = {}
        if preview.conflicts:
            resolution = resolve(parent, preview.conflicts)
            if resolution is None:
                done(None)
                return
        _background(parent, working, lambda: service.import_round(
            source, resolution, passphrase=phrase), merged, failed)

    def merged(report: Any) -> None:
        added = sum(report.added.values())
        text = (
            translate("Exchange", "Omgången {0} lades till.")
            if report.created_round
            else translate("Exchange",
                           "Omgången {0} slogs samman: {1} nya eller ändrade uppgifter.")
        ).format(report.round_name, added)
        message(parent, "info", translate("Exchange", "Omgången importerades"), text,
                "\n".join(report.notes))
        done(report.round_id)

    return _background(parent, working, lambda: service.import_round(
        source, passphrase=phrase, dry_run=True), previewed, failed)


def add_exchange_actions(window: Any) -> list[QAction]:
    """Add the workbook and exchange actions to the main window's Arkiv menu, before Avsluta.

    The window provides `file_menu`, `services`, `changes` and `current_round_id()`; round
    actions ask for a round when none is selected. What an import stored is told to
    `changes`, so the open views reload.
    """
    menu: QMenu = window.file_menu
    separators = [a for a in menu.actions() if a.isSeparator()]
    before = separators[-1] if separators else None

    def with_round(run: Callable[..., object], stores: bool) -> Callable[[], None]:
        def triggered() -> None:
            round_id = window.current_round_id()
            if round_id is None:
                message(window, "info", translate("Exchange", "Ingen omgång vald"),
                        translate("Exchange", "Välj eller öppna en omgång först."))
                return

            def finished(outcome: object) -> None:
                if stores and outcome:
                    window.changes.notify("review", round_id)
            run(window, window.services, round_id, done=finished)
        return triggered

    def merged(round_id: object) -> None:
        if isinstance(round_id, int):
            window.changes.notify("round", round_id)

    entries = [
        (translate("Exchange", "Exportera granskningsar&betsbok…"),
         with_round(export_template, False)),
        (translate("Exchange", "Importera &svar från fil…"), with_round(import_answers, True)),
        None,
        (translate("Exchange", "&Exportera omgång…"), with_round(export_round, False)),
        (translate("Exchange", "I&mportera omgång…"),
         lambda: import_round(window, window.services, done=merged)),
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
