"""The checklist editor: built by keyboard and clicks, validated by field, saved as a version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.checklist_io.loader import load_checklist_file
from audit_app.services.changelog import ChangeLogService
from audit_app.services.checklist_versions import ChecklistVersionService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.ui.checklist_dialog import ChecklistDialog
from audit_app.ui.checklist_editor import ChecklistEditor
from audit_app.ui.reason_dialog import ReasonDialog
from tests.ui.helpers import answer_reason

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CHECKLISTS = Path(__file__).resolve().parents[2] / "checklists"
LEFT = Qt.MouseButton.LeftButton


def cancel_reason(qtbot: QtBot) -> None:
    """Cancel the next ReasonDialog once it is open."""
    from PySide6.QtCore import QTimer

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog):
            QTimer.singleShot(10, cancel)
            return
        dialog.reject()

    QTimer.singleShot(0, cancel)


def open_dialog(qtbot: QtBot, db: Database, tmp_path: Path) -> tuple[ChecklistDialog,
                                                                       ChecklistLibrary]:
    library = ChecklistLibrary([CHECKLISTS, tmp_path / "egna"])
    dialog = ChecklistDialog(ChecklistVersionService(db, library, "GL"), library)
    qtbot.addWidget(dialog)
    return dialog, library


def open_editor(qtbot: QtBot, dialog: ChecklistDialog, button: str) -> ChecklistEditor:
    qtbot.mouseClick(getattr(dialog, button), LEFT)
    editor = dialog.editor
    assert isinstance(editor, ChecklistEditor)
    qtbot.addWidget(editor)
    return editor


def keys(widget: QWidget, text: str) -> None:
    """Type text as key presses; QTest.keyClicks cannot type å, ä and ö."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    keys(edit, text)


def select(editor: ChecklistEditor, ref: tuple[object, ...]) -> None:
    editor.tree.setCurrentItem(editor.nodes[ref])


def drop_on(editor: ChecklistEditor, target: tuple[object, ...]) -> None:
    """Drop the tree's current node onto another, as a drag ends."""
    tree = editor.tree
    point = tree.visualItemRect(editor.nodes[target]).center()
    data = tree.model().mimeData([tree.currentIndex()])
    event = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(event)


def test_build_two_sections_with_a_condition_save_and_use_for_a_round(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dialog, library = open_dialog(qtbot, db, tmp_path)
    editor = open_editor(qtbot, dialog, "new_button")
    assert not editor.save_button.isEnabled()  # no id or title yet
    meta = editor.meta_page
    assert sorted(p.where[3] for p in editor.problems) == ["id", "title"]
    assert meta.errors["id"].text() == "'id' saknas"
    type_into(qtbot, meta.fields["id"], "egen-kontroll")
    type_into(qtbot, meta.fields["title"], "Egen kontroll")
    select(editor, ("section", 0))
    type_into(qtbot, editor.section_page.title_edit, "Handläggning")
    qtbot.mouseClick(editor.add_item_button, LEFT)
    page = editor.item_page
    keys(page.question, "Har barnet fått återkoppling?")
    assert page.id_edit.text() == "har_barnet_fatt_aterkoppling"
    qtbot.waitUntil(lambda: editor.preview_page is not None  # the preview follows the edits
                    and "har_barnet_fatt_aterkoppling" in editor.preview_page.items)
    qtbot.mouseClick(page.required, LEFT)
    qtbot.mouseClick(editor.add_section_button, LEFT)
    type_into(qtbot, editor.section_page.title_edit, "Uppföljning")
    qtbot.mouseClick(editor.add_item_button, LEFT)
    keys(page.question, "Har uppföljning gjorts?")
    qtbot.mouseClick(page.conditions.add_button, LEFT)
    values = page.conditions.value_boxes[0]
    assert page.conditions.item_boxes[0].currentData() == "har_barnet_fatt_aterkoppling"
    values.setCurrentIndex(values.findText("nej"))
    type_into(qtbot, page.target, "80")
    qtbot.mouseClick(editor.add_item_button, LEFT)
    keys(page.question, "Övrigt")
    page.answer.type.setCurrentIndex(page.answer.type.findData("fritext"))
    qtbot.mouseClick(page.comment, LEFT)
    assert editor.ref == ("item", 1, 1)
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert editor.ref == ("item", 1, 0)  # "Övrigt" moved up by keyboard ...
    drop_on(editor, ("item", 1, 1))  # ... and back down by dragging it onto the other
    assert [i.question for i in editor.draft.sections[1].items] == [
        "Har uppföljning gjorts?", "Övrigt"]
    editor.update_preview()
    assert editor.preview_page is not None
    shown = editor.preview_page.items
    assert list(shown) == ["har_barnet_fatt_aterkoppling", "har_uppfoljning_gjorts", "ovrigt"]
    assert not shown["har_uppfoljning_gjorts"].applies  # until the first item is answered nej
    assert editor.problems == [] and editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, LEFT)
    assert "Sparad som version 1.0" in editor.status.text()
    checklist = load_checklist_file(tmp_path / "egna" / "egen-kontroll.yaml")
    assert [s.title for s in checklist.sections] == ["Handläggning", "Uppföljning"]
    follow = checklist.item("har_uppfoljning_gjorts")
    assert follow.target == 80 and follow.applies_when[0].values == {"nej"}
    assert checklist.item("har_barnet_fatt_aterkoppling").required
    assert not checklist.item("ovrigt").comment
    assert page.id_edit.isReadOnly() and meta.fields["id"].isReadOnly()  # ids fixed now
    type_into(qtbot, page.question, "Övriga synpunkter")
    assert editor.draft.items[2].id == "ovrigt"  # renaming a question keeps its id
    round_ = RoundService(db, library, "GL").create("Egen T1", "egen-kontroll", 2026, "T1")
    assert round_.name == "Egen T1"
    assert dialog.current_id() == "egen-kontroll"


def test_an_error_is_shown_under_its_field_and_save_waits(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dialog, _library = open_dialog(qtbot, db, tmp_path)
    dialog.checklists.setCurrentIndex(dialog.checklists.findData("utredning"))
    editor = open_editor(qtbot, dialog, "edit_button")
    editor.show()
    assert editor.save_button.isEnabled()
    select(editor, ("item", 0, 0))
    page = editor.item_page
    assert page.id_edit.isReadOnly()
    type_into(qtbot, page.target, "120")
    error = page.errors["target"]
    assert error.isVisible() and "0-100" in error.text()
    assert not editor.save_button.isEnabled()
    assert editor.nodes[("item", 0, 0)].foreground(0).color().name() == "#b00020"
    select(editor, ("section", 0))  # the mark stays in the tree while elsewhere
    assert editor.nodes[("item", 0, 0)].toolTip(0)
    select(editor, ("item", 0, 0))
    type_into(qtbot, page.target, "9O")  # a letter O typed for a zero
    assert page.errors["target"].text() == "Skriv ett tal."
    type_into(qtbot, page.target, "90")
    QApplication.processEvents()
    assert not error.isVisible() and editor.save_button.isEnabled()


def test_edit_and_copy_a_shipped_checklist_old_round_keeps_its_version(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dialog, library = open_dialog(qtbot, db, tmp_path)
    rounds = RoundService(db, library, "GL")
    rounds.create("Utredning T1", "utredning", 2026, "T1")
    service = dialog.service
    [old] = service.versions("utredning")
    dialog.checklists.setCurrentIndex(dialog.checklists.findData("utredning"))
    editor = open_editor(qtbot, dialog, "edit_button")
    assert "Utredning T1" in editor.meta_page.versions.text()
    assert editor.draft.version == "1.1"
    qtbot.mouseClick(editor.save_button, LEFT)  # a raised number alone is no new version
    assert editor.status.text() == "Inga ändringar att spara."
    assert len(service.versions("utredning")) == 1
    select(editor, ("item", 0, 0))
    type_into(qtbot, editor.item_page.target, "90")
    cancel_reason(qtbot)
    qtbot.mouseClick(editor.save_button, LEFT)  # cancelled: a new target needs a reason
    assert editor.status.text() == "Inte sparad: ett ändrat årsmål kräver ett skäl."
    assert len(service.versions("utredning")) == 1
    answer_reason(qtbot, "Nytt arsmal i planen 2026")
    qtbot.mouseClick(editor.save_button, LEFT)
    [logged] = [e for e in ChangeLogService(db).entries() if e.entity == "checklist_item"]
    assert (logged.entity_id, logged.old, logged.new, logged.reason) == (
        "utredning/inom_fyra_manader", "85", "90", "Nytt arsmal i planen 2026")
    first, second = service.versions("utredning")
    # the old round is still on the old version, unchanged; new rounds get the new one
    assert replace(first, current=True) == old and not first.current
    assert second.content_hash != old.content_hash and second.current
    assert second.version == "1.1" and second.rounds == ()
    assert library.get("utredning").checklist.item("inom_fyra_manader").target == 90
    assert "Version 1.1" in editor.meta_page.versions.text()

    copy = open_editor(qtbot, dialog, "copy_button")
    assert copy.draft.id == "utredning-kopia"
    select(copy, ("item", 0, 0))
    assert not copy.item_page.id_edit.isReadOnly()  # a new checklist: ids may still change
    type_into(qtbot, copy.item_page.target, "75")
    qtbot.mouseClick(copy.save_button, LEFT)
    assert library.get("utredning-kopia").checklist.item("inom_fyra_manader").target == 75
    rounds.create("Kopia T2", "utredning-kopia", 2026, "T2")
    assert service.versions("utredning-kopia")[0].rounds == ("Kopia T2",)
    assert replace(service.versions("utredning")[0], current=True) == old


def test_answer_set_with_options_used_by_an_item_and_renamed(
        qtbot: QtBot, db: Database, tmp_path: Path) -> None:
    dialog, library = open_dialog(qtbot, db, tmp_path)
    editor = open_editor(qtbot, dialog, "new_button")
    type_into(qtbot, editor.meta_page.fields["id"], "samverkan")
    type_into(qtbot, editor.meta_page.fields["title"], "Samverkan")
    qtbot.mouseClick(editor.add_set_button, LEFT)
    page = editor.set_page
    assert page.answer.type.currentData() == "skala"
    assert "kräver 'options'" in page.errors["answer"].text()
    assert not editor.save_button.isEnabled()
    for _ in range(2):
        qtbot.mouseClick(page.answer.add_option, LEFT)
    page.answer.options.item(0, 1).setText("Alla steg")
    type_into(qtbot, page.answer.compliant, "alt_1")
    type_into(qtbot, page.name, "niva")
    qtbot.mouseClick(editor.add_item_button, LEFT)
    item_page = editor.item_page
    keys(item_page.question, "Hur var samverkan?")
    box = item_page.answer.type
    box.setCurrentIndex(box.findData("niva"))
    type_into(qtbot, item_page.target, "60")
    assert editor.problems == []
    select(editor, ("set", 0))
    type_into(qtbot, page.name, "samverkan_niva")  # the item follows the new name
    assert editor.draft.items[0].answer.type == "samverkan_niva"
    assert editor.problems == [] and editor.save_button.isEnabled()
    editor.update_preview()
    assert editor.preview_page is not None
    buttons = editor.preview_page.items["hur_var_samverkan"].buttons
    assert [b.text() for b in buttons] == ["Alla steg  (1)", "Alternativ 2  (2)"]
    qtbot.mouseClick(editor.save_button, LEFT)
    item = library.get("samverkan").checklist.item("hur_var_samverkan")
    assert item.answer.compliant == {"alt_1"} and item.target == 60
