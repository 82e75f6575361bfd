"""Texts of the open windows turned into a newly chosen language, without a restart."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from audit_app import paths


@lru_cache(maxsize=4)
def _pairs(ts_file: Path) -> tuple[tuple[str, str], ...]:
    """(Swedish, English) of every finished translation in a .ts file."""
    if not ts_file.is_file():
        return ()
    out = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        if not source or translation is None or translation.get("type") or \
                not translation.text:
            continue
        out.append((source, translation.text))
    return tuple(out)


def text_map(old: str, new: str) -> dict[str, str]:
    """Texts as shown in old -> the same texts in new. Texts shown as they were made, with
    their values filled in ("3 av 5"), are not in the map; a view made after the switch
    shows them in the new language."""
    pairs = _pairs(paths.resources_dir() / "i18n" / "granska_en.ts")
    if (old, new) == ("sv", "en"):
        return dict(pairs)
    if (old, new) == ("en", "sv"):
        seen: dict[str, set[str]] = {}
        for swedish, english in pairs:
            seen.setdefault(english, set()).add(swedish)
        # an English text with several Swedish sources is left alone
        return {english: next(iter(s)) for english, s in seen.items() if len(s) == 1}
    return {}


def retranslate_open_windows(old: str, new: str) -> int:
    """Swap the texts of every open window's menus, actions, buttons, labels, fields and
    titles that are whole translations of one another; returns how many were changed."""
    mapping = text_map(old, new)
    if not mapping:
        return 0
    changed = 0

    def swap(text: str) -> str | None:
        nonlocal changed
        found = mapping.get(text)
        if found is not None:
            changed += 1
        return found

    for top in QApplication.topLevelWidgets():
        widgets: list[QWidget] = [top, *top.findChildren(QWidget)]
        for w in widgets:
            if (title := swap(w.windowTitle())) is not None:
                w.setWindowTitle(title)
            if (tip := swap(w.toolTip())) is not None:
                w.setToolTip(tip)
            if (name := swap(w.accessibleName())) is not None:
                w.setAccessibleName(name)
            if isinstance(w, QLabel | QAbstractButton) and (text := swap(w.text())) is not None:
                w.setText(text)
            elif isinstance(w, QMenu) and (text := swap(w.title())) is not None:
                w.setTitle(text)
            elif isinstance(w, QGroupBox) and (text := swap(w.title())) is not None:
                w.setTitle(text)
            elif isinstance(w, QLineEdit) and (text := swap(w.placeholderText())) is not None:
                w.setPlaceholderText(text)
            elif isinstance(w, QTabWidget):
                for k in range(w.count()):
                    if (text := swap(w.tabText(k))) is not None:
                        w.setTabText(k, text)
        for action in top.findChildren(QAction):
            if (text := swap(action.text())) is not None:
                action.setText(text)
            if (tip := swap(action.toolTip())) is not None:
                action.setToolTip(tip)
    return changed
