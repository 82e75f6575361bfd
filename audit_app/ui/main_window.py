"""The main window: for now the list of audit rounds."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.rounds import RoundSummary
from audit_app.services.rounds import RoundService
from audit_app.settings import SettingsStore
from audit_app.storage.db import Database
from audit_app.ui.i18n import add_language_menu, term

Index = QModelIndex | QPersistentModelIndex


class RoundTableModel(QAbstractTableModel):
    """Rounds as rows; holds plain RoundSummary records."""

    HEADERS = (QT_TRANSLATE_NOOP("RoundTableModel", "Namn"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Checklista"),
               QT_TRANSLATE_NOOP("RoundTableModel", "År"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Period"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Enhet"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Granskade / urval"),
               QT_TRANSLATE_NOOP("RoundTableModel", "Status"))

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[RoundSummary] = []

    def set_rows(self, rows: list[RoundSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> RoundSummary:
        return self._rows[index]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("RoundTableModel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        r = self._rows[index.row()]
        values = (r.name, f"{r.checklist_title} (v{r.checklist_version})", str(r.year),
                  r.period, r.unit or "–", f"{r.reviewed} / {r.sampled}", term(r.status))
        return values[index.column()]


class MainWindow(QMainWindow):
    """Granska's main window."""

    def __init__(self, db: Database, library: ChecklistLibrary,
                 settings_store: SettingsStore) -> None:
        super().__init__()
        self.db = db
        self.library = library
        self.settings_store = settings_store
        self.settings = settings_store.load()
        self.rounds = RoundService(db, library, self.settings.actor)
        self.setWindowTitle(self.tr("Granska – {0}").format(db.path.name))
        self.resize(1000, 640)

        self.model = RoundTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Granskningsomgångar"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty_label = QLabel(self.tr("Inga granskningsomgångar ännu."))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(QLabel("<h2>" + self.tr("Granskningsomgångar") + "</h2>"))
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table)
        self.setCentralWidget(central)

        file_menu = self.menuBar().addMenu(self.tr("&Arkiv"))
        quit_action = QAction(self.tr("&Avsluta"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        add_language_menu(self, settings_store)
        self.refresh()

    def refresh(self) -> None:
        rows = self.rounds.list()
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.resizeColumnsToContents()
