"""The year view: control × period states and the actions, loaded off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.deviations import DeviationService
from audit_app.storage.db import Database
from audit_app.ui.year_view import OVERDUE_FILL, YearView
from tests.plan_data import UNIT, reviewed_year
from tests.ui.helpers import services_for


def texts(model: object, row: int) -> list[str]:
    return [str(model.index(row, c).data())  # type: ignore[attr-defined]
            for c in range(model.columnCount())]  # type: ignore[attr-defined]


def test_year_view_lists_controls_periods_and_overdue_actions(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    reviewed_year(db, library, tmp_path)
    DeviationService(db, library, "EC").add_action(
        "samtal_placerade", "T1", "enskilt_samtal", "Genomgång på APT", "Gruppledare",
        date(2024, 5, 31))
    view = YearView(services_for(db, library, "EC"))
    qtbot.addWidget(view)
    assert view.plan_box.currentText() == f"{UNIT} 2024"
    qtbot.waitUntil(lambda: view.status_model.rowCount() == 5)
    rows = [texts(view.status_model, r) for r in range(5)]
    assert rows[0][:3] == ["Enskilda samtal med placerade barn", "T1", "klar"]
    assert "enskilt_samtal: ej uppfyllt" in rows[0][4]
    assert rows[2][:3] == ["Utredningar inom fyra månader", "T1", "försenad"]
    overdue = view.status_model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole)
    assert overdue == OVERDUE_FILL
    assert view.action_model.rowCount() == 1
    action = texts(view.action_model, 0)
    assert action[3] == "Genomgång på APT" and action[6] == "planerad"
    assert action[7] == "T2: 28 av 29 (96,6 %)"
    assert "1 åtgärder" in view.note.text()


def test_year_view_without_a_plan(qtbot: QtBot, db: Database,
                                  library: ChecklistLibrary) -> None:
    view = YearView(services_for(db, library, "EC"))
    qtbot.addWidget(view)
    assert view.plan_box.count() == 0 and "plan import" in view.note.text()
