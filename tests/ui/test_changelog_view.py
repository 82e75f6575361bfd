"""The change log viewer at a laptop's 1366 px: the reason column stays in view."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.changelog import ChangeLogService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.changelog_view import REASON_COLUMN, ChangeLogDialog
from tests.factories import round_with_sample

SHOTS = Path("/tmp/h-walk")
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
LONG_REASON = ("Rättelse efter genomgång med enhetschefen: svaret registrerades på fel ärende "
               "under granskningsveckan och ändras därför i efterhand, se protokoll från APT")


def test_reason_column_within_view_at_1366(db: Database, library: ChecklistLibrary,
                                           qtbot: QtBot) -> None:
    rnd, cases = round_with_sample(
        db, library, 2, actor="Gruppledare Familjehem och placeringsteamet (GLFP)")
    reviews = ReviewService(db, "Gruppledare Familjehem och placeringsteamet (GLFP)")
    long_comment = "Genomförandeplanen finns men är inte uppdaterad efter senaste uppföljningen"
    reviews.set_comment(rnd.id, cases[0], "genomforandeplan", long_comment)
    rounds = RoundService(db, library, "Biträdande enhetschef med ett mycket långt namn (BE)")
    for n in range(3):
        rounds.lock(rnd.id)
        rounds.unlock(rnd.id, f"{LONG_REASON} nummer {n + 1}.")
    dialog = ChangeLogDialog(ChangeLogService(db), rounds, rnd.id)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, header = dialog.table, dialog.table.horizontalHeader()
    right = header.sectionViewportPosition(REASON_COLUMN) + header.sectionSize(REASON_COLUMN)
    assert header.sectionViewportPosition(REASON_COLUMN) >= 0
    assert right <= table.viewport().width()
    assert header.sectionSize(REASON_COLUMN) >= 250
    assert table.horizontalScrollBar().maximum() == 0
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "changelog_1366.png"))
    # the whole reason of the chosen row is readable below the table
    row = next(r for r in range(dialog.model.rowCount())
               if str(dialog.model.data(dialog.model.index(r, REASON_COLUMN))).endswith("2."))
    rect = table.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert f"{LONG_REASON} nummer 2." in dialog.details.text()
    assert dialog.details.isVisible()
    qtbot.waitUntil(lambda: dialog.details.height() >= 2 * dialog.details.fontMetrics().height())
    dialog.grab().save(str(SHOTS / "changelog_1366_selected.png"))
