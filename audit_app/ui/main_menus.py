"""The main window's menus and their actions (built with its pages, after it is shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

if TYPE_CHECKING:
    from audit_app.ui.main_window import MainWindow

translate = QCoreApplication.translate  # the context stays "MainWindow", where they were


def menu_actions(window: QMainWindow) -> list[QAction]:
    """Every action in the window's menus (submenus included), separators left out."""
    found: list[QAction] = []
    menus = [a.menu() for a in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if action.menu() is not None:
                menus.append(action.menu())
            elif not action.isSeparator():
                found.append(action)
    return found


def _action(window: MainWindow, menu: QMenu, text: str, slot: object,
            shortcut: str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """Fill the window's Arkiv, Visa, Granskning and Verktyg menus."""
    from audit_app.ui.checklist_dialog import add_checklist_action
    from audit_app.ui.exchange_actions import add_exchange_actions
    from audit_app.ui.plan_actions import add_plan_actions
    from audit_app.ui.security_actions import add_security_actions
    from audit_app.ui.sync_actions import add_sync_actions

    w, files, view, review = window, window.file_menu, window.view_menu, window.review_menu
    w.new_round_action = _action(w, files, translate("MainWindow", "&Ny omgång…"),
                                 w.new_round, "Ctrl+N")
    w.open_action = _action(w, files, translate("MainWindow", "Ö&ppna"), w.open_selected,
                            "Ctrl+O")
    files.addSeparator()
    w.identity_action = _action(w, files, translate("MainWindow", "&Granskare…"),
                                w.ask_identity)
    files.addSeparator()
    w.quit_action = _action(w, files, translate("MainWindow", "&Avsluta"), w.close, "Ctrl+Q")

    _action(w, view, translate("MainWindow", "&Uppdatera"), w.refresh, "F5")
    w.back_action = _action(w, view, translate("MainWindow", "&Tillbaka"), w.go_back,
                            "Alt+Left")
    w.results_action = _action(w, view, translate("MainWindow", "&Resultat…"), w.show_results,
                               "Ctrl+R")
    w.year_action = _action(w, view, translate("MainWindow", "&Året…"), w.show_year)

    w.complete_action = _action(w, review, translate("MainWindow", "Markera &klar och nästa"),
                                w.complete_and_next)
    w.complete_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
    w.prev_action = _action(w, review, translate("MainWindow", "&Föregående ärende"),
                            lambda: w.step_case(-1), "PgUp")
    w.next_action = _action(w, review, translate("MainWindow", "&Nästa ärende"),
                            lambda: w.step_case(1), "PgDown")
    w.reopen_action = _action(w, review, translate("MainWindow", "Öppna &igen…"),
                              w.review_form.reopen)
    w.help_action = _action(w, review, translate("MainWindow", "&Hjälp för frågan"),
                            w.review_form.toggle_help, "F1")
    review.addSeparator()
    w.import_action = _action(w, review, translate("MainWindow", "Importera ärende&lista…"),
                              w.import_case_list)
    w.sample_action = _action(w, review, translate("MainWindow", "Dra &stickprov…"),
                              w.draw_sample)
    review.addAction(w.round_view.exclude_action)

    w.security_actions = add_security_actions(w)  # change log, locks, backups
    w.checklist_action = add_checklist_action(w)
    w.plan_menu = add_plan_actions(w)  # new, edit, copy, read and save a plan
    # workbook, answer import and round exchange, in Arkiv before Avsluta
    w.exchange_actions = add_exchange_actions(w)
    w.sync_actions = add_sync_actions(w)  # Synkronisera med servern, its settings
