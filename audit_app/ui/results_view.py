"""Results per checklist item: figures against the target, filters, drill-down, export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.agreement_text import agreement_line
from audit_app.domain.errors import UserError
from audit_app.domain.figures import Figure, ItemFigures, Report, figure_text
from audit_app.domain.gender import GENDER_ORDER, gender_label
from audit_app.domain.group_labels import group_label
from audit_app.domain.rounds import RoundSummary
from audit_app.services.report_export import ExportRequest
from audit_app.ui.cases_dialog import CasesDialog
from audit_app.ui.i18n import current_language
from audit_app.ui.ops import Op, Task, show_failure
from audit_app.ui.results_parts import (
    FIGURE_ROLE,
    FigureRow,
    FigureTableModel,
    TargetBarDelegate,
)
from audit_app.ui.synthesis_view import SynthesisDialog
from audit_app.ui.text_answers_panel import TextAnswersPanel

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices
    from audit_app.services.figures import CaseBehind
    from audit_app.ui.main_window import MainWindow


class ResultsView(QDialog):
    """Figures of the chosen rounds; double-click a figure for the cases behind it."""

    def __init__(self, services: AppServices, rounds: list[RoundSummary],
                 selected: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.all_rounds = rounds
        self.services = services
        self.service = services.figures
        self.export_service = services.report_export
        self.report: Report | None = None
        self.job: Op[Report] | None = None  # the export running
        self.computing: Op[Report | None] | None = None  # the figures being computed
        self.drilling: Op[list[CaseBehind]] | None = None
        self.cases_dialog: CasesDialog | None = None  # the list of the cases behind a figure
        self.reselect: tuple[int, int] | None = None  # item row, answer: shown again once tagged
        self.synthesis: SynthesisDialog | None = None  # one question's texts, tagged
        self.setWindowTitle(self.tr("Resultat"))
        self.resize(1100, 720)
        self.round_list = QListWidget()
        self.round_list.setAccessibleName(self.tr("Omgångar"))
        self.round_list.setMaximumHeight(min(110, 24 + 20 * max(1, len(rounds))))
        chosen = selected if selected is not None else (rounds[0].id if rounds else None)
        for r in rounds:
            item = QListWidgetItem(self.tr("{0}  ({1} v{2}, {3} granskade)").format(
                r.name, r.checklist_id, r.checklist_version, r.reviewed))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r.id == chosen
                               else Qt.CheckState.Unchecked)
            self.round_list.addItem(item)
        self.unit = QComboBox()
        self.unit.setAccessibleName(self.tr("Enhet"))
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        self.period.addItem(self.tr("Alla perioder"), None)
        for p in ("T1", "T2", "T3"):
            self.period.addItem(p, p)
        self.gender = QComboBox()
        self.gender.setAccessibleName(self.tr("Kön"))
        self.gender.addItem(self.tr("Flickor och pojkar"), None)
        for g in GENDER_ORDER:
            self.gender.addItem(gender_label(g, current_language(), plural=True), g)
        self.status = QLabel()
        self.status.setWordWrap(True)
        headers = (self.tr("Kontrollpunkt"), self.tr("Resultat"), self.tr("Andel"),
                   self.tr("95 % KI"), self.tr("Mål"), self.tr("Bedömning"),
                   self.tr("Mot målet"))
        self.items_model = FigureTableModel(headers)
        self.items_table = self._table(self.items_model, self.tr("Kontrollpunkter"))
        group_headers = (self.tr("Grupp"),) + headers[1:]
        self.groups_model = FigureTableModel(group_headers)
        self.groups_table = self._table(self.groups_model, self.tr("Uppdelning"))
        self.double_review = QLabel()  # agreement and the chosen cases, under the groups
        self.double_review.setWordWrap(True)
        self.double_review.setAccessibleName(self.tr("Dubbelgranskning och valda ärenden"))
        self.double_review.hide()
        self.comments = TextAnswersPanel()  # the item's answer bar and its texts in full
        self.comments.tag_requested.connect(self._tag)
        self.pdf_button = QPushButton(self.tr("Exportera PDF…"))
        self.xlsx_button = QPushButton(self.tr("Exportera Excel…"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.synthesis_button = QPushButton(self.tr("Syntes…"))
        self.synthesis_button.setToolTip(self.tr("Läs alla texter till den valda frågan och "
                                                 "märk dem med teman"))
        self.synthesis_button.setEnabled(False)
        self.synthesis_button.clicked.connect(self.open_synthesis)
        close = QPushButton(self.tr("Stäng"))
        close.clicked.connect(self.accept)
        self._layout(close)
        self.round_list.itemChanged.connect(lambda _i: self.refresh())
        for combo in (self.unit, self.period, self.gender):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.items_table.selectionModel().currentRowChanged.connect(self._show_item)
        self._fill_units()
        self.refresh()

    # -- layout --------------------------------------------------------------------------

    def _table(self, model: FigureTableModel, name: str) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setAccessibleName(name)
        table.setItemDelegateForColumn(FigureTableModel.BAR_COLUMN, TargetBarDelegate(table))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 80), (2, 60), (3, 100), (4, 50), (5, 130), (6, 170)):
            table.setColumnWidth(col, width)
        table.doubleClicked.connect(lambda index, t=table: self._drill(t, index))
        table.activated.connect(lambda index, t=table: self._drill(t, index))
        return table

    def _layout(self, close: QPushButton) -> None:
        filters = QHBoxLayout()
        for label, combo in ((self.tr("&Enhet:"), self.unit), (self.tr("&Period:"), self.period),
                             (self.tr("&Kön:"), self.gender)):
            text = QLabel(label)
            text.setBuddy(combo)
            filters.addWidget(text)
            filters.addWidget(combo)
        filters.addStretch(1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.groups_table, 3)
        lower_layout.addWidget(self.double_review)
        lower_layout.addWidget(self.comments, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.items_table)
        split.addWidget(lower)
        split.setSizes([330, 300])
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Dubbelklicka på en siffra för ärendena bakom den.")))
        buttons.addStretch(1)
        for button in (self.synthesis_button, self.pdf_button, self.xlsx_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Omgångar (samma checklista):")))
        layout.addWidget(self.round_list)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    # -- figures -------------------------------------------------------------------------

    def round_ids(self) -> list[int]:
        period = self.period.currentData()
        ids = []
        for k in range(self.round_list.count()):
            item = self.round_list.item(k)
            if item.checkState() == Qt.CheckState.Checked:
                rid = int(item.data(Qt.ItemDataRole.UserRole))
                if period is None or self._round(rid).period == period:
                    ids.append(rid)
        return ids

    def _round(self, rid: int) -> RoundSummary:
        return next(r for r in self.all_rounds if r.id == rid)

    def _fill_units(self) -> None:
        self.unit.blockSignals(True)
        self.unit.clear()
        self.unit.addItem(self.tr("Alla enheter"), None)
        for u in sorted({r.unit for r in self.all_rounds if r.unit}):
            self.unit.addItem(u, u)
        self.unit.blockSignals(False)

    def refresh(self) -> None:
        """Compute the figures on a worker thread; the newest request's answer is shown."""
        ids = self.round_ids()
        unit, gender = self.unit.currentData(), self.gender.currentData()
        if not ids:
            self.status.setText(self.tr("Välj minst en omgång."))
        self.pdf_button.setEnabled(False)
        self.xlsx_button.setEnabled(False)
        op: Op[Report | None] = Op(
            self, lambda _task: self.service.compute(ids, unit=unit, gender=gender) if ids
            else None, label=self.tr("Beräknar resultat …"), cancellable=False,
            on_success=lambda report: self._computed(op, report),
            on_failure=lambda exc: self._not_computed(op, exc))
        self.computing = op
        op.start()

    def _not_computed(self, op: Op[Report | None], exc: BaseException) -> None:
        if op is not self.computing:
            return  # a newer choice of rounds or filters is being computed
        self._computed(op, None)
        if isinstance(exc, UserError):
            self.status.setText(str(exc))
        else:
            show_failure(self, exc)

    def _computed(self, op: Op[Report | None], report: Report | None) -> None:
        if op is not self.computing:
            return
        self.report = report
        self.pdf_button.setEnabled(report is not None)
        self.xlsx_button.setEnabled(report is not None)
        if report is None:
            self.items_model.set_rows([])
            self.groups_model.set_rows([])
            self.double_review.hide()
            self.comments.show_item(None)
            self.synthesis_button.setEnabled(False)
            return
        self.status.setText(self.tr("%1 · %2 · %3 granskade ärenden").replace(
            "%1", report.checklist_title).replace("%2", report.period_text).replace(
            "%3", str(report.reviews)) + ("\n" + " ".join(report.notes) if report.notes else ""))
        self.items_model.set_rows([
            FigureRow(f"{k}. {i.question}" + (self.tr(" (av dessa)") if i.condition else ""),
                      i.total, i.item_id, i.scored, counts_text=_counts(i, i.total))
            for k, i in enumerate(report.items, 1)])
        row, answer_id = self.reselect or (0, 0)
        self.reselect = None
        if report.items:
            row = row if row < len(report.items) else 0
            self.items_table.selectRow(row)
            self._show_item(self.items_model.index(row, 0))
            if answer_id:
                self.comments.select_answer(answer_id)

    def _show_item(self, index: QModelIndex) -> None:
        if self.report is None or not index.isValid():
            return
        item = self.report.items[index.row()]
        self.groups_model.set_rows(self._groups(item))
        text = "\n".join(_double_review_lines(item))
        self.double_review.setText(text)
        self.double_review.setVisible(bool(text))
        self.comments.show_item(item)
        self.synthesis_button.setEnabled(bool(item.comments))

    def open_synthesis(self) -> None:
        """The chosen item's texts across the chosen rounds in the synthesis dialog."""
        row = self.items_table.currentIndex().row()
        if self.report is None or row < 0 or self.synthesis is not None:
            return
        dialog = SynthesisDialog(self.services, self.round_ids(),
                                 self.report.items[row].item_id, unit=self.unit.currentData(),
                                 gender=self.gender.currentData(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._synthesis_closed(dialog, row))
        self.synthesis = dialog
        dialog.open()

    def _synthesis_closed(self, dialog: SynthesisDialog, row: int) -> None:
        self.synthesis = None
        if dialog.changed:  # new tags or quotes: the figures again, the same item shown
            self.reselect = (row, 0)
            self.refresh()

    def _tag(self, answer_id: int, theme_ids: list[str], new: dict[str, str]) -> None:
        """The synthesis: tag a text, then show the item's new theme counts."""
        row = self.items_table.currentIndex().row()
        try:
            self.services.themes.tag_text(answer_id, theme_ids, new)
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.reselect = (max(row, 0), answer_id)  # the figures come back from a worker thread
        self.refresh()

    def _groups(self, item: ItemFigures) -> list[FigureRow]:
        lang = current_language()
        return [FigureRow(group_label(key, lang), fig, item.item_id, item.scored, key,
                          counts_text=_counts(item, fig))
                for key, fig in item.groups().items()]

    def _drill(self, table: QTableView, index: QModelIndex) -> None:
        if (self.drilling is not None and self.drilling.running) or (
                self.cases_dialog is not None):
            return  # a double-click also activates the cell: the list opens once
        row = index.data(FIGURE_ROLE)
        if not isinstance(row, FigureRow):
            return
        ids = self.round_ids()
        unit, gender, key = self.unit.currentData(), self.gender.currentData(), row.key
        answered = not row.scored
        labels = dict(self.report.item(row.item_id).options) if self.report else {}
        title = self.tr("Ärenden: %1").replace("%1", row.label)
        self.drilling = Op(self, lambda _task: self.service.cases_behind(
            ids, row.item_id, unit=unit, gender=gender, group=key, answered=answered),
            label=self.tr("Hämtar ärendena …"), cancellable=False,
            on_success=lambda cases: self._show_cases(title, cases, labels)).start()

    def _show_cases(self, title: str, cases: list[CaseBehind], labels: dict[str, str]) -> None:
        dialog = CasesDialog(title, cases, self, labels, openable=self._window() is not None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._cases_closed(dialog))
        dialog.open_requested.connect(self._open_case)
        self.cases_dialog = dialog
        dialog.open()

    def _cases_closed(self, dialog: CasesDialog) -> None:
        if self.cases_dialog is dialog:
            self.cases_dialog = None

    def _window(self) -> MainWindow | None:
        from audit_app.ui.main_window import MainWindow

        parent = self.parent()
        return parent if isinstance(parent, MainWindow) else None

    def _open_case(self, round_id: int, case_id: int) -> None:
        """The case in the review form: both lists close, the main window shows it."""
        window = self._window()
        if window is None:
            return
        if self.cases_dialog is not None:
            self.cases_dialog.accept()
        self.accept()
        window.open_round(round_id)
        window.open_case(case_id)

    # -- export --------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        if self.report is None:
            return
        suffix = {"pdf": self.tr("PDF (*.pdf)"), "xlsx": self.tr("Excel (*.xlsx)")}[kind]
        default = f"resultat {self.report.period_text}.{kind}".replace(" ", "_")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Exportera"), default, suffix)
        if name:
            self.export_to(kind, Path(name))

    def export_to(self, kind: str, path: Path, publication: bool = False) -> None:
        """Write the file on a worker thread with a progress dialog; errors in a message."""
        report = self.report
        if report is None:
            return
        # the report as shown is written; the figures are not computed again
        request = ExportRequest(tuple(r.id for r in report.rounds), publication=publication,
                                pdf=path if kind == "pdf" else None,
                                xlsx=path if kind == "xlsx" else None,
                                json=path if kind == "json" else None, lang=current_language())
        service = self.export_service

        def write(task: Task) -> Report:
            service.write_report(report, request, task.say)
            return report

        self.job = Op(self, write,
                      label=self.tr("Exporterar …"), cancellable=False,
                      on_success=lambda _report: self.status.setText(
                          self.tr("Sparade %1").replace("%1", str(path))))
        self.job.start()


def _counts(item: ItemFigures, fig: Figure) -> str:
    if item.answer_type == "fritext":  # the texts themselves are in the panel below
        return QCoreApplication.translate("ResultsView", "{0} skrivna svar").format(
            fig.answered)
    return ", ".join(f"{item.label(v)} {c}" for v, c in fig.counts.items())


def _double_review_lines(item: ItemFigures) -> list[str]:
    """The item's agreement between reviewers and its chosen cases' figure, when there."""
    lines = []
    a = item.agreement
    if a is not None:  # the same line as the PDF's, in the program's language
        lines.append(agreement_line(a, current_language()))
    if item.chosen is not None and item.chosen.n:
        lines.append(QCoreApplication.translate(
            "ResultsView", "Valda ärenden (utanför stickprovet): {0}").format(
            figure_text(item.chosen, lang=current_language())))
    return lines
