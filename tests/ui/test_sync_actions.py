"""Arkiv → Synkronisera med servern: a laptop's offline work to the server, differences chosen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database, open_database
from audit_app.ui.main_window import MainWindow
from audit_app.ui.sync_actions import SyncConflictDialog, SyncRun, sync_with_server
from tests.factories import round_with_sample
from tests.keyring_support import MemoryKeyring, ServerLogin
from tests.ui.helpers import window_for

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # offscreen message boxes
WAIT = 60_000  # ms; a sync is a few round trips to the server


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Database]:
    db = open_database(tmp_path / "laptop.sqlite3")
    yield db
    db.close()


def saved(tmp_path: Path, url: str, user: str = "") -> SettingsStore:
    store = SettingsStore(tmp_path / "settings.json")
    settings = store.load()
    settings.server_url, settings.server_user = url, user
    store.save(settings)
    return store


def values(db: Database, library: ChecklistLibrary, name: str) -> dict[tuple[str, str], str]:
    rid = RoundService(db, library, "x").get(name).id
    service = ReviewService(db, "x")
    return {(row.case_ref, item): str(answer.value) for row in service.case_rows(rid)
            for item, answer in service.review(rid, row.case_id).answers.items()}


def answer(db: Database, library: ChecklistLibrary, name: str, item: str, value: str) -> None:
    rid = RoundService(db, library, "x").get(name).id
    case_id = ReviewService(db, "x").case_rows(rid)[0].case_id
    ReviewService(db, "Granskare GL").set_answer(rid, case_id, item, value)


def start(qtbot: QtBot, window: MainWindow) -> SyncRun:
    window.sync_actions[0].trigger()  # Arkiv → Synkronisera med servern…
    run = window.sync_run  # type: ignore[attr-defined]
    assert isinstance(run, SyncRun)
    return run


def test_offline_work_synced_then_a_difference_chosen_per_row(
        qtbot: QtBot, laptop: Database, pg_db: Database, pg_url: str,
        library: ChecklistLibrary, tmp_path: Path) -> None:
    round_with_sample(laptop, library, 2, name="Egen T1")
    answer(laptop, library, "Egen T1", "vardplan", "ja")  # reviewed offline
    round_with_sample(pg_db, library, 1, name="Delad T1")
    window = window_for(laptop, library, saved(tmp_path, pg_url))
    qtbot.addWidget(window)
    assert window.model.rowCount() == 1
    assert [a.text() for a in window.sync_actions] == ["S&ynkronisera med servern…",
                                                       "Server&inställningar…"]

    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.summary is not None, timeout=WAIT)
    assert run.summary is not None
    text = run.summary.informativeText()
    assert "Till servern: 1 omgång(ar) med ändringar, varav 1 ny(a)." in text
    assert "Från servern: 1 omgång(ar) med ändringar, varav 1 ny(a)." in text
    assert values(pg_db, library, "Egen T1") == {("2026-0001", "vardplan"): "ja"}
    assert window.model.rowCount() == 2  # the pulled round listed: the change hub told it
    assert {window.model.row(i).name for i in range(2)} == {"Egen T1", "Delad T1"}
    run.summary.grab().save(str(tmp_path / "sync_summary.png"))
    run.summary.done(0)

    # both sides change the same two answers, differently
    answer(laptop, library, "Delad T1", "vardplan", "ja")
    answer(pg_db, library, "Delad T1", "vardplan", "nej")
    answer(laptop, library, "Delad T1", "enskilt_samtal", "nej")
    answer(pg_db, library, "Delad T1", "enskilt_samtal", "ja")
    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.conflict_dialog is not None, timeout=WAIT)
    dialog = run.conflict_dialog
    assert isinstance(dialog, SyncConflictDialog)
    assert dialog.table.rowCount() == 2
    rows = {dialog.table.item(r, 1).text(): r for r in range(2)}
    vardplan = rows["vardplan"]
    assert dialog.table.item(vardplan, 0).text() == "2026-0001 (Delad T1)"
    assert (dialog.table.item(vardplan, 3).text(), dialog.table.item(vardplan, 4).text()) \
        == ("ja", "nej")  # on the laptop, on the server
    assert values(pg_db, library, "Delad T1")[("2026-0001", "vardplan")] == "nej"
    dialog.resize(900, 300)
    dialog.grab().save(str(tmp_path / "sync_conflicts.png"))
    combo = dialog.table.cellWidget(vardplan, 5)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(1)  # the server's "nej"; enskilt_samtal keeps the laptop's "nej"
    dialog.accept()
    qtbot.waitUntil(lambda: run.summary is not None, timeout=WAIT)
    assert run.summary is not None
    assert "Skillnader avgjorda: 2 (datorns behölls i 1, serverns i 1)." \
        in run.summary.informativeText()
    expected = {("2026-0001", "vardplan"): "nej", ("2026-0001", "enskilt_samtal"): "nej"}
    assert values(pg_db, library, "Delad T1") == expected == values(laptop, library,
                                                                     "Delad T1")
    run.summary.done(0)


def test_a_cancelled_difference_changes_nothing(
        qtbot: QtBot, laptop: Database, pg_db: Database, pg_url: str,
        library: ChecklistLibrary, tmp_path: Path) -> None:
    round_with_sample(pg_db, library, 1, name="Delad T1")
    window = window_for(laptop, library, saved(tmp_path, pg_url))
    qtbot.addWidget(window)
    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.summary is not None, timeout=WAIT)
    answer(laptop, library, "Delad T1", "vardplan", "ja")
    answer(pg_db, library, "Delad T1", "vardplan", "nej")
    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.conflict_dialog is not None, timeout=WAIT)
    assert run.conflict_dialog is not None
    run.conflict_dialog.reject()
    assert run.op is not None and not run.op.running and run.summary is None
    assert values(pg_db, library, "Delad T1") == {("2026-0001", "vardplan"): "nej"}
    assert values(laptop, library, "Delad T1") == {("2026-0001", "vardplan"): "ja"}


def test_no_server_saved_points_at_the_settings(qtbot: QtBot, db: Database,
                                                library: ChecklistLibrary,
                                                tmp_path: Path) -> None:
    window = window_for(db, library, SettingsStore(tmp_path / "s.json"))
    qtbot.addWidget(window)
    assert sync_with_server(window) is None
    box = window.sync_message  # type: ignore[attr-defined]
    assert "Ingen server är inställd" in box.text() and "Serverinställningar" in box.text()
    box.done(0)


def test_unreachable_server_is_told_and_nothing_changes(
        qtbot: QtBot, db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    round_with_sample(db, library, 1, name="Egen T1")
    store = saved(tmp_path, "postgresql+psycopg://127.0.0.1:1/granska?connect_timeout=2")
    window = window_for(db, library, store)
    qtbot.addWidget(window)
    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.failure is not None, timeout=WAIT)
    assert run.failure is not None
    assert "Kunde inte ansluta till" in run.failure.text()
    assert "Ingenting ändrades." in run.failure.text()
    assert run.summary is None and window.model.rowCount() == 1
    run.failure.done(0)


@pytest.mark.usefixtures("no_libpq_password")
def test_the_password_is_asked_and_remembered_in_the_keyring(
        qtbot: QtBot, laptop: Database, pg_db: Database, server_login: ServerLogin,
        memory_keyring: MemoryKeyring, library: ChecklistLibrary, tmp_path: Path) -> None:
    round_with_sample(pg_db, library, 1, name="Delad T1")
    address = server_login.url.replace(f"{server_login.role}@", "")
    window = window_for(laptop, library, saved(tmp_path, address, server_login.role))
    qtbot.addWidget(window)
    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.password_dialog is not None, timeout=WAIT)
    dialog = run.password_dialog
    assert dialog is not None and dialog.remember.isEnabled() and dialog.error.isHidden()
    dialog.password.setText("fel")
    dialog.accept()
    qtbot.waitUntil(lambda: run.password_dialog not in (None, dialog), timeout=WAIT)
    dialog = run.password_dialog
    assert dialog is not None and not dialog.error.isHidden()  # "stämmer inte"
    dialog.grab().save(str(tmp_path / "sync_password.png"))
    dialog.password.setText(server_login.password)
    dialog.remember.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: run.summary is not None, timeout=WAIT)
    assert values(laptop, library, "Delad T1") == {}
    assert list(memory_keyring.saved.values()) == [server_login.password]
    run = start(qtbot, window)  # the keyring's password: nothing asked
    qtbot.waitUntil(lambda: run.summary is not None, timeout=WAIT)
    assert run.password_dialog is None


@pytest.mark.usefixtures("no_libpq_password", "no_keyring")
def test_without_a_keyring_the_box_cannot_be_ticked(
        qtbot: QtBot, laptop: Database, pg_db: Database, server_login: ServerLogin,
        library: ChecklistLibrary, tmp_path: Path) -> None:
    window = window_for(laptop, library, saved(tmp_path, server_login.url))
    qtbot.addWidget(window)
    run = start(qtbot, window)
    qtbot.waitUntil(lambda: run.password_dialog is not None, timeout=WAIT)
    dialog = run.password_dialog
    assert dialog is not None and not dialog.remember.isEnabled()
    dialog.reject()
    assert run.summary is None and run.failure is None


def test_one_sync_at_a_time(qtbot: QtBot, laptop: Database, pg_db: Database, pg_url: str,
                            library: ChecklistLibrary, tmp_path: Path) -> None:
    window = window_for(laptop, library, saved(tmp_path, pg_url))
    qtbot.addWidget(window)
    run = start(qtbot, window)
    assert run.busy() and start(qtbot, window) is run  # the second click joins the first
    qtbot.waitUntil(lambda: run.summary is not None, timeout=WAIT)
    assert not run.busy() and start(qtbot, window) is not run
    qtbot.waitUntil(lambda: window.sync_run.summary is not None,  # type: ignore[attr-defined]
                    timeout=WAIT)
