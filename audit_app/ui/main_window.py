"""The main window: rounds overview, round view and review form on one stack, with the menus."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QMessageBox, QStackedWidget

from audit_app.domain.errors import UserError
from audit_app.domain.rounds import RoundSummary
from audit_app.settings import SettingsStore
from audit_app.ui.changes import Change, Changes
from audit_app.ui.i18n import add_language_menu
from audit_app.ui.identity_dialog import IdentityDialog
from audit_app.ui.main_menus import build_menus, menu_actions
from audit_app.ui.models import RoundTableModel
from audit_app.ui.new_round_dialog import NewRoundDialog
from audit_app.ui.rounds_view import RoundsView

if TYPE_CHECKING:  # the window is shown before the database and service layers load
    from audit_app.services.app_services import AppServices
    from audit_app.services.reviews import ReviewService
    from audit_app.services.rounds import RoundService
    from audit_app.ui.review_form import ReviewForm
    from audit_app.ui.round_view import RoundView
    from audit_app.ui.security_actions import SecurityActions

__all__ = ["MainWindow", "RoundTableModel"]


class MainWindow(QMainWindow):
    """Granska's main window; each screen lives in its own module."""

    services: AppServices
    # built by build_pages (and main_menus.build_menus) once the window is shown
    round_view: RoundView
    review_form: ReviewForm
    security_actions: SecurityActions
    exchange_actions: list[QAction]
    sync_actions: list[QAction]
    checklist_action: QAction
    plan_menu: QMenu
    new_round_action: QAction
    open_action: QAction
    identity_action: QAction
    quit_action: QAction
    back_action: QAction
    results_action: QAction
    year_action: QAction
    complete_action: QAction
    prev_action: QAction
    next_action: QAction
    reopen_action: QAction
    help_action: QAction
    import_action: QAction
    sample_action: QAction

    def __init__(self, services: AppServices | None, settings_store: SettingsStore, *,
                 db_path: Path | None = None, changes: Changes | None = None) -> None:
        """With services None the window shows at once, waiting; attach(services) fills it.

        `services` is built by the composition root (ui/app.py) for the open database;
        `changes` is the hub every view and dialog reports stored changes to.
        """
        super().__init__()
        self.changes = changes or Changes(self)
        self.changes.changed.connect(self._changed)
        self._stale: set[object] = set()  # pages to reload when next shown
        self.settings_store = settings_store
        self.settings = settings_store.load()
        self.round_id: int | None = None
        self.dialog: QDialog | None = None  # the open modeless dialog, for tests
        self._identity_checked = False
        self.attached = False  # True once attach(services) has given the window its database
        self._empty_text = ""  # the overview's own note while "Öppnar databasen …" shows
        name = (services.database.path.name if services is not None
                else db_path.name if db_path else "")
        self.setWindowTitle(self.tr("Granska – {0}").format(name))
        self.resize(1100, 720)

        self.built = False  # the round view, review form and menu actions (build_pages)
        self.rounds_view = RoundsView()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.rounds_view)
        self.setCentralWidget(self.stack)
        self.model = self.rounds_view.model
        self.table = self.rounds_view.table
        self.empty_label = self.rounds_view.empty_label
        self.rounds_view.open_round.connect(self.open_round)
        self.rounds_view.new_round_requested.connect(self.new_round)
        self.rounds_view.demo_requested.connect(self.open_demo)
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&Arkiv"))
        self.view_menu = bar.addMenu(self.tr("&Visa"))
        self.review_menu = bar.addMenu(self.tr("&Granskning"))
        self.tools_menu = bar.addMenu(self.tr("Ver&ktyg"))
        self.language_menu = add_language_menu(self, self.settings_store)
        self.statusBar()
        geometry = QSettings().value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if services is not None:
            self.attach(services)
        else:
            self._empty_text = self.empty_label.text()
            self.empty_label.setText(self.tr("Öppnar databasen …"))
            self.empty_label.show()

    def build_pages(self) -> None:
        """The round view, the review form and the menus' actions (once).

        A window made before its database (`services` None) is shown with the overview
        only; the program calls this from the event loop right after, while the passphrase
        is typed or its key derived (docs/performance.md), and attach() calls it too. Until
        attach every action but Avsluta is disabled.
        """
        if self.built:
            return
        self.built = True
        from audit_app.ui.exclude_case import exclude_from_round
        from audit_app.ui.review_form import ReviewForm
        from audit_app.ui.round_view import RoundView

        self.round_view = RoundView()
        self.review_form = ReviewForm(None)
        self.review_form.changes = self.changes
        self.stack.addWidget(self.round_view)
        self.stack.addWidget(self.review_form)
        self.round_view.open_case.connect(self.open_case)
        self.round_view.import_requested.connect(self.import_case_list)
        self.round_view.sample_requested.connect(self.draw_sample)
        self.round_view.exclude_requested.connect(lambda case_id: exclude_from_round(self,
                                                                                    case_id))
        self.stack.currentChanged.connect(lambda _n: self._page_shown())
        build_menus(self)
        self._update_actions()
        if not self.attached:
            for action in menu_actions(self):
                action.setEnabled(action is self.quit_action)

    def attach(self, services: AppServices) -> None:
        """Start working on an open database's services: actions, the rounds overview."""
        self.build_pages()
        self.services = services
        self.attached = True
        self.review_form.service = services.reviews
        if self._empty_text:
            self.empty_label.setText(self._empty_text)
        self.setWindowTitle(self.tr("Granska – {0}").format(services.database.path.name))
        for action in menu_actions(self):
            action.setEnabled(True)
        self.security_actions.passphrase_action.setEnabled(services.database.encrypted)
        self._update_actions()
        self.refresh()
        self.rounds_view.select(self.settings.last_round_id)
        self._check_identity()

    def _update_actions(self) -> None:
        page = self.stack.currentWidget()
        in_review = page is self.review_form
        for action in (self.complete_action, self.prev_action, self.next_action,
                       self.reopen_action, self.help_action):
            action.setEnabled(in_review)
        self.back_action.setEnabled(page is not self.rounds_view)
        self.open_action.setEnabled(page is not self.review_form)
        has_round = self.round_id is not None and page is not self.rounds_view
        may_import = page is not self.round_view or self.round_view.import_button.isEnabled()
        self.import_action.setEnabled(has_round and may_import)
        self.sample_action.setEnabled(has_round)
        self.round_view.exclude_action.setEnabled(page is self.round_view
                                                  and self.round_view.model.rowCount() > 0)

    # -- identity ----------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        self._check_identity()

    def _check_identity(self) -> None:
        """Ask who reviews once the window is shown and the database open (not before:
        the passphrase comes first, and the answer goes to the services)."""
        if self._identity_checked or not self.isVisible() or not self.attached:
            return
        self._identity_checked = True
        if not self.settings.reviewer_name:
            QTimer.singleShot(0, self.ask_identity)

    def ask_identity(self) -> IdentityDialog:
        """Ask the reviewer's name and initials (opened modeless-testable with open())."""
        dialog = IdentityDialog(self.settings.reviewer_name, self.settings.reviewer_initials,
                                self)
        dialog.accepted.connect(lambda: self._identity_chosen(*dialog.values()))
        self.show_dialog(dialog)
        return dialog

    def _identity_chosen(self, name: str, initials: str) -> None:
        settings = self.settings_store.load()
        settings.reviewer_name, settings.reviewer_initials = name, initials
        self.settings_store.save(settings)
        self.settings = settings
        self.services.set_actor(settings.actor)
        self.statusBar().showMessage(self.tr("Du granskar som {0}.").format(settings.actor), 5000)

    # -- navigation --------------------------------------------------------------------

    @property
    def rounds(self) -> RoundService:
        return self.services.rounds

    @property
    def reviews(self) -> ReviewService:
        return self.services.reviews

    def current_round_id(self) -> int | None:
        """The round shown (or selected in the overview); for actions of other modules."""
        if self.stack.currentWidget() is self.rounds_view:
            return self.rounds_view.current_id()
        return self.round_id

    def refresh(self) -> None:
        """Reload the page shown (F5); the others reload when next shown."""
        self._stale.update((self.rounds_view, self.round_view))
        self._page_shown()

    def _changed(self, change: Change) -> None:
        """Something was stored: the overview and the round view are out of date."""
        self._stale.add(self.rounds_view)
        round_id, case_id = change.round_id, change.case_id
        if (change.kind == "review" and round_id is not None and case_id is not None
                and self.attached and round_id == self.round_id
                and self.round_view not in self._stale):
            # one row and the count, not the whole round (Ctrl+Enter in a 5,000-case round)
            self.round_view.show_review(self.reviews.review(round_id, case_id))
        elif change.round_id is None or change.round_id == self.round_id:
            self._stale.add(self.round_view)
        if self.attached:
            self._page_shown()

    def _page_shown(self) -> None:
        """Reload the page now shown if a change made it stale; then the menu actions."""
        page = self.stack.currentWidget()
        if page in self._stale and self.attached:
            self._stale.discard(page)
            if page is self.rounds_view:
                self.rounds_view.set_rounds(self.rounds.list())
            elif page is self.round_view and self.round_id is not None:
                self._load_round_view()
        self._update_actions()

    def open_selected(self) -> None:
        if self.stack.currentWidget() is self.rounds_view:
            round_id = self.rounds_view.current_id()
            if round_id is not None:
                self.open_round(round_id)
        elif self.stack.currentWidget() is self.round_view:
            case_id = self.round_view.current_case_id()
            if case_id is not None:
                self.open_case(case_id)

    def open_round(self, round_id: int) -> None:
        self.round_id = round_id
        self._stale.discard(self.round_view)
        self._load_round_view()
        self.stack.setCurrentWidget(self.round_view)
        self.round_view.table.setFocus()
        if self.settings.last_round_id != round_id:
            settings = self.settings_store.load()
            settings.last_round_id = round_id
            self.settings_store.save(settings)
            self.settings = settings

    def _load_round_view(self) -> RoundSummary:
        assert self.round_id is not None
        summary = self.rounds.get(self.round_id)
        self.round_view.set_round(summary, self.reviews.case_rows(self.round_id))
        return summary

    def open_case(self, case_id: int) -> None:
        assert self.round_id is not None
        try:
            locked = self.round_view.round is not None and self.round_view.round.locked
            self.review_form.load(self.round_id, case_id, locked)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Granska"), str(exc))
            return
        self.round_view.select_case(case_id)
        ids = self.round_view.case_ids()
        if self.round_view.round is not None and case_id in ids:
            self.review_form.set_context(self.tr("{0} · ärende {1} av {2}").format(
                self.round_view.round.name, ids.index(case_id) + 1, len(ids)))
        self.stack.setCurrentWidget(self.review_form)
        self.review_form.focus_next(None)

    def go_back(self) -> None:
        if self.stack.currentWidget() is self.review_form:
            self.review_form.flush_comment()
            self._stale.add(self.round_view)  # answers changed what it shows
            self.stack.setCurrentWidget(self.round_view)
            self.round_view.select_case(self.review_form.case_id)
            self.stack.setCurrentWidget(self.round_view)
            self.round_view.table.setFocus()
        elif self.stack.currentWidget() is self.round_view:
            self.stack.setCurrentWidget(self.rounds_view)
            self.rounds_view.select(self.round_id)
            self.rounds_view.table.setFocus()

    def step_case(self, step: int) -> bool:
        """Open the case `step` places away in draw order; False at either end."""
        ids = self.round_view.case_ids()
        current = self.review_form.case_id
        if current not in ids:
            return False
        target = ids.index(current) + step
        if not 0 <= target < len(ids):
            self.statusBar().showMessage(
                self.tr("Det sista ärendet i stickprovet.") if step > 0
                else self.tr("Det första ärendet i stickprovet."), 4000)
            return False
        self.open_case(ids[target])
        return True

    def complete_and_next(self) -> None:
        if not self.review_form.complete():
            return
        record = self.review_form.record
        if record is not None:
            self.statusBar().showMessage(
                self.tr("{0} är markerad som klar.").format(record.case_ref), 5000)
        if not self.step_case(1):
            self.go_back()
            self.statusBar().showMessage(self.tr("Klar. Det var sista ärendet i stickprovet."),
                                         6000)

    # -- dialogs -----------------------------------------------------------------------

    def show_dialog(self, dialog: QDialog) -> None:
        """Open a window-modal dialog without a nested event loop (tests drive it directly)."""
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        dialog.open()

    def new_round(self) -> NewRoundDialog:
        found, _problems = self.services.library.scan()
        newest = max(self.rounds.list(), key=lambda r: r.created_at, default=None)
        last = self.settings.last_checklist_id or (newest.checklist_id if newest else "")
        dialog = NewRoundDialog(found, self, last_checklist=last)
        dialog.accepted.connect(lambda: self._create_round(dialog))
        self.show_dialog(dialog)
        return dialog

    def _create_round(self, dialog: NewRoundDialog) -> None:
        name, checklist_id, year, period, unit = dialog.values()
        try:
            summary = self.rounds.create(name, checklist_id, year, period, unit)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Ny omgång"), str(exc))
            return
        self.settings = replace(self.settings_store.load(), last_checklist_id=checklist_id)
        self.settings_store.save(self.settings)  # the checklist proposed next time
        self.changes.notify("round", summary.id)
        self.open_round(summary.id)

    def open_demo(self) -> None:
        from audit_app.ui.demo_start import restart_into_demo

        restart_into_demo(self)

    def import_case_list(self) -> None:
        if self.round_id is None:
            return
        if self.round_view.import_note.text():  # drawn or locked: say why, do not open
            self.statusBar().showMessage(self.round_view.import_note.text(), 6000)
            return
        from audit_app.ui.caselist_import_dialog import CaseListImportDialog

        self.show_dialog(CaseListImportDialog(self.services, self.round_id, self,
                                               changes=self.changes))

    def draw_sample(self) -> None:
        if self.round_id is None:
            return
        from audit_app.ui.sampling_dialog import SamplingDialog

        dialog = SamplingDialog(self.services, self.round_id, self, changes=self.changes)
        dialog.finished.connect(lambda _r: self._sample_closed())
        self.show_dialog(dialog)

    def _sample_closed(self) -> None:
        if self.stack.currentWidget() is self.round_view:
            self.round_view.focus_first_case()  # Enter opens the first case drawn

    def show_results(self) -> None:
        from audit_app.ui.results_view import ResultsView

        self.show_dialog(ResultsView(self.services, self.rounds.list(),
                                      self.current_round_id(), self))

    def show_year(self) -> None:
        from audit_app.ui.year_view import YearView

        self.show_dialog(YearView(self.services, self, changes=self.changes))

    # -- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.built:
            self.review_form.flush_comment()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
