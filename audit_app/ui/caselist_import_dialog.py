"""Importing a case list into a round: mapping per column, preview, problems, progress."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import UserError
from audit_app.importers.caselist import CaseListResult
from audit_app.importers.caselist_columns import FIELD_LABELS, FIELDS, IGNORE
from audit_app.services.caselists import CaseListProblemsError, ImportResult
from audit_app.ui.caselist_import_parts import (
    CONTEXT,
    PREVIEW_HEADERS,
    PROBLEM_HEADERS,
    RecordTable,
    preview_cells,
    problem_cells,
)
from audit_app.ui.changes import Changes
from audit_app.ui.ops import Op, Task, show_failure

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices

MAPPING_PAIRS_PER_ROW = 3


class CaseListImportDialog(QDialog):
    """Choose a case-list file, check the column mapping and preview, import into the round."""

    def __init__(self, services: AppServices, round_id: int, parent: QWidget | None = None,
                 *, changes: Changes | None = None) -> None:
        super().__init__(parent)
        self.service = services.case_lists
        self.changes = changes
        self.round_id = round_id
        self.path: Path | None = None
        self.file_result: CaseListResult | None = None
        self.import_result: ImportResult | None = None
        self.worker: Op[Any] | None = None
        self.combos: list[QComboBox] = []
        self._previewing = False
        self.setWindowTitle(self.tr("Läs in ärendelista"))
        self.resize(900, 680)
        self._build()
        self._update_buttons()

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        file_label = QLabel(self.tr("&Fil:"))
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("Välj en .xlsx- eller .csv-fil"))
        self.file_edit.setAccessibleName(self.tr("Vald fil"))
        file_label.setBuddy(self.file_edit)
        self.choose_button = QPushButton(self.tr("&Välj fil…"))
        self.choose_button.setAccessibleName(self.tr("Välj fil"))
        self.choose_button.clicked.connect(self.choose_file)
        row.addWidget(file_label)
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        self.info_label = QLabel(self.tr("Ärendelistan ska ha ärendenummer, aldrig namn eller "
                                         "personnummer."))
        self.info_label.setWordWrap(True)
        layout.addWidget(self.info_label)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setAccessibleName(self.tr("Meddelande"))
        self.message_label.setVisible(False)
        layout.addWidget(self.message_label)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.mapping_box = QGroupBox(self.tr("Kolumner i filen och vad de innehåller"))
        box_layout = QVBoxLayout(self.mapping_box)
        self.mapping_area = QScrollArea()
        self.mapping_area.setWidgetResizable(True)
        self.mapping_form_host = QWidget()
        self.mapping_grid = QGridLayout(self.mapping_form_host)
        self.mapping_grid.setColumnStretch(1, 1)
        self.mapping_grid.setColumnStretch(3, 1)
        self.mapping_grid.setColumnStretch(5, 1)
        self.mapping_area.setWidget(self.mapping_form_host)
        box_layout.addWidget(self.mapping_area)
        splitter.addWidget(self.mapping_box)

        self.preview_model = RecordTable(PREVIEW_HEADERS, preview_cells)
        self.preview_view = self._table(self.preview_model, self.tr("Förhandsvisning"))
        preview_box = QGroupBox(self.tr("Förhandsvisning (de första 20 ärendena)"))
        QVBoxLayout(preview_box).addWidget(self.preview_view)
        splitter.addWidget(preview_box)

        self.problem_model = RecordTable(PROBLEM_HEADERS, problem_cells)
        self.problem_view = self._table(self.problem_model, self.tr("Rader med fel"))
        self.problem_view.horizontalHeader().setStretchLastSection(True)
        self.problem_box = QGroupBox(self.tr("Rader med fel"))
        QVBoxLayout(self.problem_box).addWidget(self.problem_view)
        splitter.addWidget(self.problem_box)
        splitter.setSizes([175, 270, 135])
        layout.addWidget(splitter, 1)

        self.valid_only = QCheckBox(self.tr("Importera bara giltiga rader"))
        self.valid_only.setAccessibleName(self.tr("Importera bara giltiga rader"))
        layout.addWidget(self.valid_only)

        bottom = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Förlopp"))
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("&Avbryt inläsningen"))
        self.cancel_button.setAccessibleName(self.tr("Avbryt inläsningen"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setVisible(False)
        self.import_button = QPushButton(self.tr("&Importera"))
        self.import_button.setAccessibleName(self.tr("Importera"))
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.close_button = QPushButton(self.tr("&Stäng"))
        self.close_button.setAccessibleName(self.tr("Stäng"))
        self.close_button.clicked.connect(self.close_dialog)
        bottom.addWidget(self.progress, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addStretch()
        bottom.addWidget(self.import_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def _table(self, model: QAbstractTableModel, name: str) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        return view

    # -- actions -----------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Välj ärendelista"), "",
            self.tr("Ärendelistor (*.xlsx *.csv *.txt);;Alla filer (*)"))
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Read the file with the detected mapping and show it."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        self.import_result = None
        self._preview(None)

    def overrides(self) -> dict[str, str]:
        """The mapping as the combos show it, by column letter."""
        if self.file_result is None:
            return {}
        return {c.letter: combo.currentData() for c, combo in zip(self.file_result.columns,
                                                                   self.combos, strict=True)}

    def _preview(self, overrides: dict[str, str] | None) -> None:
        assert self.path is not None
        path = self.path
        self._show_message("")
        self._run(lambda **kw: self.service.preview(path, overrides, **kw), self._previewed,
                  preview=True)

    def _previewed(self, result: CaseListResult) -> None:
        self.file_result = result
        self._fill_mapping(result)
        self.preview_model.set_rows(result.preview)
        self.problem_model.set_rows(result.problems)
        text = self.tr("Rubrikraden är rad {0} ({1}). {2} ärenden kan läsas in, {3} rader har "
                       "fel.").format(result.header_row, result.description, len(result.rows),
                                      len({p.row for p in result.problems}))
        if result.footer_rows:
            text += " " + self.tr("Summeringsrader som inte är ärenden: rad {0}.").format(
                ", ".join(str(n) for n in result.footer_rows))
        self.info_label.setText(text)
        if not result.has_case_ref:
            self._show_message(self.tr("Välj vilken kolumn som innehåller ärendenummer."))

    def _fill_mapping(self, result: CaseListResult) -> None:
        while (item := self.mapping_grid.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        self.combos = []
        for n, column in enumerate(result.columns):
            combo = QComboBox()
            for name in (*FIELDS, IGNORE):
                combo.addItem(QCoreApplication.translate(CONTEXT, FIELD_LABELS[name]), name)
            combo.setCurrentIndex(combo.findData(column.field))
            header = column.header or self.tr("(tom rubrik)")
            label = QLabel(f"{column.letter}: {header}")
            label.setBuddy(combo)
            combo.setAccessibleName(self.tr("Kolumn {0}: {1}").format(column.letter, header))
            combo.currentIndexChanged.connect(lambda _i, c=combo: self._mapping_changed(c))
            row, pair = divmod(n, MAPPING_PAIRS_PER_ROW)
            self.mapping_grid.addWidget(label, row, 2 * pair)
            self.mapping_grid.addWidget(combo, row, 2 * pair + 1)
            self.combos.append(combo)
        self.mapping_grid.setRowStretch(self.mapping_grid.rowCount(), 1)

    def _mapping_changed(self, changed: QComboBox) -> None:
        wanted = changed.currentData()
        if wanted != IGNORE:  # one column per field: the other one is no longer used
            for combo in self.combos:
                if combo is not changed and combo.currentData() == wanted:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(IGNORE))
                    combo.blockSignals(False)
        self._preview(self.overrides())

    def start_import(self) -> None:
        if self.path is None or self.file_result is None:
            return
        path, overrides, accept = self.path, self.overrides(), self.valid_only.isChecked()
        self._show_message("")
        self._run(lambda **kw: self.service.import_file(
            self.round_id, path, overrides, accept_valid_rows=accept, **kw), self._imported)

    def _imported(self, result: ImportResult) -> None:
        self.import_result = result
        text = self.tr("Klart: {0} nya, {1} ändrade och {2} oförändrade ärenden från {3}.").format(
            result.added, result.updated, result.unchanged, result.file_name)
        if result.skipped:
            text += " " + self.tr("{0} rader med fel hoppades över.").format(result.skipped)
        self._show_message(text, error=False)
        if self.changes is not None:
            self.changes.notify("caselist", self.round_id)

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def close_dialog(self) -> None:
        if self.import_result is not None:
            self.accept()
        else:
            self.reject()

    def done(self, code: int) -> None:
        if self.worker is not None:  # closing while reading: stop the reader first
            self.worker.cancel()
            self.worker.wait()
        super().done(code)

    # -- running off the GUI thread ----------------------------------------------------

    def _run(self, job: Callable[..., object], on_success: Callable[[Any], None],
             preview: bool = False) -> None:
        if self.worker is not None:
            return
        self._previewing = preview

        def work(task: Task) -> object:
            return job(progress=task.progress, cancelled=task.cancelled)

        # The dialog shows its own progress bar and cancel button: no progress dialog.
        worker: Op[Any] = Op(self, work, label=self.windowTitle(), on_success=on_success,
                             on_failure=self._failed, on_cancel=self._cancelled,
                             dialog=False)
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        self.worker = worker
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._update_buttons()
        worker.start()

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, CaseListProblemsError):
            self.problem_model.set_rows(exc.problems)
            self._show_message(str(exc))
        elif isinstance(exc, UserError):
            if self._previewing:  # what was shown belongs to another file or mapping
                self._clear()
            self._show_message(str(exc))
        else:  # the one handler: logged with its traceback, the log file named
            if self._previewing:
                self._clear()
            show_failure(self, exc)

    def _cancelled(self) -> None:
        if self._previewing:
            self._clear()
        self._show_message(self.tr("Inläsningen avbröts; ingenting sparades."))

    def _finished(self) -> None:
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._update_buttons()

    def _clear(self) -> None:
        self.file_result = None
        self._fill_mapping(CaseListResult("", "", 0, []))
        self.preview_model.set_rows([])
        self.problem_model.set_rows([])
        self.info_label.setText("")

    def _show_message(self, text: str, error: bool = True) -> None:
        self.message_label.setText(text)
        self.message_label.setStyleSheet("color: #a40000; font-weight: bold;" if error
                                         else "color: #1b5e20; font-weight: bold;")
        self.message_label.setVisible(bool(text))

    def _update_buttons(self) -> None:
        busy = self.worker is not None
        has_problems = self.file_result is not None and bool(self.file_result.problems)
        self.valid_only.setEnabled(has_problems and not busy)
        if not has_problems:
            self.valid_only.setChecked(False)
        result = self.file_result
        ready = (result is not None and result.has_case_ref and bool(result.rows)
                 and self.import_result is None)
        self.import_button.setEnabled(ready and not busy)
        self.choose_button.setEnabled(not busy)
        for combo in self.combos:
            combo.setEnabled(not busy)
