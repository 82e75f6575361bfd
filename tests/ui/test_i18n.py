"""Translations: every ui string has an English translation with the same placeholders."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from audit_app.ui.i18n import LANGUAGES, current_language, i18n_dir, install_translations

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "audit_app" / "ui"
TS = i18n_dir() / "granska_en.ts"
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%L?\d+|%n")

# Calls whose text arguments the user reads; a bare literal there is an untranslated string.
VISIBLE_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis",
    "setPlaceholderText", "setAccessibleName", "setAccessibleDescription", "setTitle",
    "addMenu", "addTab", "setTabText", "showMessage", "setLabelText", "setHeaderLabels",
    "setHorizontalHeaderLabels", "setVerticalHeaderLabels", "addRow", "setSpecialValueText",
    "setSuffix", "setPrefix", "setInformativeText", "setDetailedText", "setWindowIconText",
    "information", "warning", "critical", "question", "getText", "getItem", "getInt",
    "getOpenFileName", "getSaveFileName", "getExistingDirectory", "addAction", "addButton",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox", "QMenu",
    "QToolButton", "QCommandLinkButton", "QListWidgetItem", "QTreeWidgetItem",
    "QTableWidgetItem", "QStandardItem", "addItem", "addItems", "setItemText",
}
DATA_AFTER_TEXT = {"addItem", "setItemData"}  # addItem(text, userData): the data is unseen
VISIBLE_NAMES = re.compile(r"HEADER|LABEL|TITLE|TEXTS|COLUMNS", re.IGNORECASE)
LETTERS = re.compile(r"[A-Za-zÅÄÖåäö]{2}")
ALLOWED = {"Granska", "Granska –", "Excel", "PDF", "OK"}


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool


def read_ts(path: Path) -> dict[tuple[str, str, str], Message]:
    messages: dict[tuple[str, str, str], Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            source = m.findtext("source") or ""
            comment = m.findtext("comment") or ""
            t = m.find("translation")
            assert t is not None
            forms = tuple(f.text or "" for f in t.iter("numerusform")) or (t.text or "",)
            finished = t.get("type") not in ("unfinished", "vanished", "obsolete")
            messages[(name, source, comment)] = Message(
                name, source, comment, m.get("numerus") == "yes", forms, finished)
    return messages


def ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


@pytest.fixture(scope="module")
def committed() -> dict[tuple[str, str, str], Message]:
    return read_ts(TS)


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate is not installed")
def test_every_ui_string_has_a_finished_english_translation(
        tmp_path: Path, committed: dict[tuple[str, str, str], Message]) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(LUPDATE), "-silent", "-locations", "none",
                    *map(str, ui_sources()), "-ts", str(fresh)], check=True, timeout=120)
    current = read_ts(fresh)
    assert current, "lupdate found no tr() strings in audit_app/ui"
    missing = [f"{k[0]}: {k[1]!r}" for k in current
               if k not in committed or not committed[k].finished
               or not all(t.strip() for t in committed[k].translations)]
    assert not missing, ("untranslated; run scripts/translations.sh and translate:\n"
                         + "\n".join(missing))


def test_translations_keep_the_placeholders_of_their_source(
        committed: dict[tuple[str, str, str], Message]) -> None:
    wrong = []
    for m in committed.values():
        wanted = sorted(PLACEHOLDER.findall(m.source))
        for t in m.translations:
            got = sorted(PLACEHOLDER.findall(t))
            # a plural form may spell out "one" instead of %n; all else must match
            if got != wanted and not (m.numerus and [p for p in wanted if p != "%n"]
                                      == [p for p in got if p != "%n"]):
                wrong.append(f"{m.context}: {m.source!r} -> {t!r}")
    assert not wrong, "\n".join(wrong)


def test_compiled_qm_file_matches_the_ts_file(
        qapp: QApplication, committed: dict[tuple[str, str, str], Message]) -> None:
    translator = QTranslator()
    assert translator.load(str(i18n_dir() / "granska_en.qm"))
    stale = []
    for m in committed.values():
        if not m.finished:
            continue
        n = 2 if m.numerus else -1
        got = translator.translate(m.context, m.source, m.comment or None, n)
        if got != m.translations[-1 if m.numerus else 0]:
            stale.append(f"{m.context}: {m.source!r} gives {got!r}")
    assert not stale, "run scripts/translations.sh to recompile:\n" + "\n".join(stale)


def _untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[str] = []

    def bare(node: ast.AST) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = re.sub(r"<[^>]+>|&", "", node.value).strip()
            if LETTERS.search(text) and text not in ALLOWED:
                return node.value
        if isinstance(node, ast.JoinedStr):
            parts = "".join(v.value for v in node.values
                            if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if LETTERS.search(parts):
                return ast.unparse(node)
        return None

    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [getattr(t, "id", getattr(t, "attr", "")) for t in targets]
            if any(VISIBLE_NAMES.search(n) for n in names) and node.value is not None:
                value = node.value
                items = (list(value.values) if isinstance(value, ast.Dict)
                         else value.elts if isinstance(value, ast.List | ast.Tuple) else [])
                for c in items:
                    text = bare(c) if c is not None else None
                    if text and "i18n: ok" not in lines[c.lineno - 1]:
                        found.append(f"{path.relative_to(ROOT)}:{c.lineno}: {text!r}")
            continue
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in VISIBLE_CALLS:
            continue
        args = [*node.args, *(k.value for k in node.keywords)]
        if name in DATA_AFTER_TEXT:
            args = node.args[:2] if len(node.args) > 2 else node.args[:1]  # text, not userData
        for arg in args:
            candidates = arg.elts if isinstance(arg, ast.List | ast.Tuple) else [arg]
            for c in candidates:
                text = bare(c)
                if text and "i18n: ok" not in lines[c.lineno - 1]:
                    found.append(f"{path.relative_to(ROOT)}:{c.lineno}: {text!r}")
    return found


def test_visible_texts_in_the_ui_go_through_tr() -> None:
    found = [hit for path in ui_sources() for hit in _untranslated_literals(path)]
    assert not found, ("wrap in self.tr() / QCoreApplication.translate() "
                       "(or mark the line 'i18n: ok'):\n" + "\n".join(found))


def test_switching_language_translates_qt_standard_buttons(qapp: QApplication) -> None:
    assert set(LANGUAGES) == {"sv", "en"}
    try:
        install_translations("en", qapp)
        assert current_language() == "en"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        button = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None and button.text().replace("&", "") == "Cancel"
        install_translations("sv", qapp)
        assert current_language() == "sv"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        button = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert button is not None and button.text().replace("&", "") == "Avbryt"
    finally:
        install_translations("sv", qapp)
    assert QCoreApplication.translate("MainWindow", "Granska") == "Granska"


def test_the_bundle_spec_ships_the_translations() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert '"resources"' in spec and "qtbase_" in spec
    assert (i18n_dir() / "granska_en.qm").is_file()
