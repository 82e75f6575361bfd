"""The results view's groups: typed keys, labels in the UI language, last year's drill-down."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import GroupKind
from audit_app.services.figures import CaseBehind
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui import results_view
from audit_app.ui.i18n import install_translations
from audit_app.ui.results_parts import FigureRow
from audit_app.ui.results_view import ResultsView
from tests.figure_data import seed_utredning
from tests.ui.helpers import services_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

LAST_YEAR_LABEL = {"sv": "T1 2025 (föregående år)", "en": "T1 2025 (previous year)"}
GIRLS = {"sv": "Flickor", "en": "Girls"}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_drill_down_on_last_year_lists_last_years_cases(
        qtbot: QtBot, qapp: QApplication, db: Database, library: ChecklistLibrary,
        language: str) -> None:
    t1, _ = seed_utredning(db, library)  # 46 cases of T1 2026
    seed_utredning(db, library, n=10, year=2025, name="Utredning T1 2025")
    shown: list[tuple[str, list[CaseBehind]]] = []

    def listed(view: ResultsView) -> None:
        """Wait for the list of cases (read on a worker thread), note it and close it."""
        qtbot.waitUntil(lambda: view.cases_dialog is not None)
        dialog = view.cases_dialog
        assert dialog is not None
        shown.append((dialog.windowTitle(), dialog.cases))
        dialog.reject()

    try:
        install_translations(language, qapp)
        view = ResultsView(services_for(db, library, "EC"),
                           RoundService(db, library, "EC").list(), selected=t1)
        qtbot.addWidget(view)
        qtbot.waitUntil(lambda: view.computing is not None and not view.computing.running)
        model = view.groups_model
        labels = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
        assert LAST_YEAR_LABEL[language] in labels
        assert GIRLS[language] in labels
        last = labels.index(LAST_YEAR_LABEL[language])
        row = model.index(last, 0).data(results_view.FIGURE_ROLE)
        assert isinstance(row, FigureRow) and row.key.kind is GroupKind.LAST_YEAR
        assert str(model.index(last, 1).data()) == ("10 of 10" if language == "en"
                                                    else "10 av 10")
        view.groups_table.doubleClicked.emit(model.index(last, 1))
        listed(view)
        this_year = labels.index("T1 2026")
        view.groups_table.doubleClicked.emit(model.index(this_year, 1))
        listed(view)
    finally:
        install_translations("sv", qapp)
    (title, last_cases), (_, current_cases) = shown
    assert LAST_YEAR_LABEL[language] in title
    assert len(last_cases) == 10
    assert {c.round_name for c in last_cases} == {"Utredning T1 2025"}
    assert all(c.case_ref.startswith("2025-") for c in last_cases)
    assert len(current_cases) == 46
    assert all(c.case_ref.startswith("2026-") for c in current_cases)
