"""The "Stickprov" dialog: size calculator, draw options and the sampling protocol."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.plan import MethodKind
from audit_app.domain.sampling import EXPLANATION, sample_size
from audit_app.domain.sampling_protocol import SampleProtocol
from audit_app.ui.changes import Changes
from audit_app.ui.ops import Op, show_failure
from audit_app.ui.sampling_result import ProtocolPanel

if TYPE_CHECKING:
    from audit_app.services.app_services import AppServices


class SamplingDialog(QDialog):
    """Draw a round's sample, or show the protocol of the one already drawn."""

    def __init__(self, services: AppServices, round_id: int, parent: QWidget | None = None,
                 *, changes: Changes | None = None) -> None:
        super().__init__(parent)
        self.service = services.sampling
        self.changes = changes
        self.round_id = round_id
        self.protocol_result: SampleProtocol | None = None
        self.op: Op[SampleProtocol] | None = None
        actor = services.actor
        self.setWindowTitle(self.tr("Stickprov"))
        self.resize(640, 640)
        layout = QVBoxLayout(self)
        self.options = QWidget()
        layout.addWidget(self.options)
        self._build_options()
        self._planned_method(services)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.setAccessibleName(self.tr("Felmeddelande"))
        self.error.hide()
        layout.addWidget(self.error)
        self.result_panel = ProtocolPanel(actor)
        self.protocol_view = self.result_panel.protocol_view
        self.result_panel.hide()
        layout.addWidget(self.result_panel, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.draw_button = QPushButton(self.tr("&Dra stickprov"))
        self.draw_button.setAccessibleName(self.tr("Dra stickprov"))
        buttons.addButton(self.draw_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.draw_button.clicked.connect(self.do_draw)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        try:
            self._show_protocol(self.service.protocol(round_id))
        except NotFoundError:
            self.update_size()

    def _build_options(self) -> None:
        form = QFormLayout(self.options)
        self.mode_group = QButtonGroup(self)
        self.by_calc = QRadioButton(self.tr("Beräkna storleken"))
        self.by_fixed = QRadioButton(self.tr("Fast storlek"))
        self.by_calc.setChecked(True)
        for button in (self.by_calc, self.by_fixed):
            self.mode_group.addButton(button)
            button.toggled.connect(self.update_size)
        modes = QHBoxLayout()
        modes.addWidget(self.by_calc)
        modes.addWidget(self.by_fixed)
        form.addRow(self.tr("Storlek:"), modes)
        calc = QGroupBox(self.tr("Beräkning"))
        calc_form = QFormLayout(calc)
        self.confidence = QComboBox()
        self.confidence.setAccessibleName(self.tr("Konfidensgrad"))
        for value in (0.90, 0.95, 0.99):
            self.confidence.addItem(f"{value:.0%}".replace("%", " %"), value)
        self.confidence.setCurrentIndex(1)
        self.tolerable = self._percent(5.0, self.tr("Tolerabel avvikelse"))
        self.expected = self._percent(0.0, self.tr("Förväntad avvikelse"))
        self.population = QLabel()
        self.population.setAccessibleName(self.tr("Population"))
        self.size_result = QLabel()
        self.size_result.setAccessibleName(self.tr("Beräknad storlek"))
        self.size_result.setStyleSheet("font-weight: bold;")
        calc_form.addRow(self.tr("&Konfidensgrad:"), self.confidence)
        calc_form.addRow(self.tr("&Tolerabel avvikelse:"), self.tolerable)
        calc_form.addRow(self.tr("&Förväntad avvikelse:"), self.expected)
        calc_form.addRow(self.tr("Population (urvalsram):"), self.population)
        calc_form.addRow(self.tr("Stickprov:"), self.size_result)
        help_text = QLabel(EXPLANATION)
        help_text.setWordWrap(True)
        help_text.setStyleSheet("color: #444;")
        calc_form.addRow(help_text)
        form.addRow(calc)
        self.fixed = QSpinBox()
        self.fixed.setRange(1, 100_000)
        self.fixed.setValue(30)
        self.fixed.setAccessibleName(self.tr("Fast storlek"))
        self.fixed.valueChanged.connect(self.update_size)
        form.addRow(self.tr("F&ast storlek:"), self.fixed)
        self.chosen_size = QLabel()
        self.chosen_size.setAccessibleName(self.tr("Stickprovets storlek"))
        self.chosen_size.setStyleSheet("font-weight: bold;")
        form.addRow(self.tr("Stickprovet blir:"), self.chosen_size)
        self.seed = QLineEdit()
        self.seed.setAccessibleName(self.tr("Frö"))
        self.seed.setPlaceholderText(self.tr("lämna tomt så skapas ett"))
        form.addRow(self.tr("F&rö (seed):"), self.seed)
        self.stratify = QComboBox()
        self.stratify.setAccessibleName(self.tr("Stratifiering per enhet"))
        self.stratify.addItem(self.tr("Ingen"), None)
        self.stratify.addItem(self.tr("Proportionellt per enhet"), "proportional")
        self.stratify.addItem(self.tr("Lika många per enhet"), "equal")
        form.addRow(self.tr("&Stratifiering:"), self.stratify)
        self.use_dates = QCheckBox(self.tr("Bara ärenden avslutade mellan"))
        self.use_dates.setAccessibleName(self.tr("Begränsa avslutsdatum"))
        # the round's tertial (T1 Jan-Apr, T2 May-Aug, T3 Sep-Dec of its year)
        bounds = self.service.period_bounds(self.round_id)
        first, last = bounds if bounds else (None, None)
        today = QDate.currentDate()
        self.date_from = QDateEdit(_qdate(first) if first else today.addMonths(-4))
        self.date_to = QDateEdit(_qdate(last) if last else today)
        for edit, name in ((self.date_from, self.tr("Från datum")),
                           (self.date_to, self.tr("Till datum"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.dateChanged.connect(self.update_size)
        self.use_dates.toggled.connect(self.update_size)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("och")))
        dates.addWidget(self.date_to)
        form.addRow(self.tr("Avslutsdatum:"), dates)
        self.confidence.currentIndexChanged.connect(self.update_size)
        self.tolerable.valueChanged.connect(self.update_size)
        self.expected.valueChanged.connect(self.update_size)

    def _planned_method(self, services: AppServices) -> None:
        """A round that belongs to a plan's control starts with the plan's method."""
        control = services.plans.control_for_round(self.round_id)
        if control is None:
            return
        method = control.method
        if method.kind is MethodKind.SAMPLE and method.confidence and method.tolerable:
            if self.confidence.findData(method.confidence) < 0:
                self.confidence.addItem(f"{method.confidence:.1%}".replace("%", " %"),
                                        method.confidence)
            self.confidence.setCurrentIndex(self.confidence.findData(method.confidence))
            self.tolerable.setValue(method.tolerable * 100)
            self.by_calc.setChecked(True)
        elif method.kind is MethodKind.FIXED and method.size:
            self.fixed.setValue(method.size)
            self.by_fixed.setChecked(True)
        elif method.kind is MethodKind.FULL:
            self.fixed.setValue(max(1, self.service.frame_size(self.round_id, None, None)))
            self.by_fixed.setChecked(True)
        self.plan_note = QLabel(self.tr("Metod enligt internkontrollplanen ({0}): {1}.")
                                .format(control.control_id, method.text()))
        self.plan_note.setWordWrap(True)
        form = self.options.layout()
        if isinstance(form, QFormLayout):
            form.insertRow(0, self.plan_note)

    def _percent(self, value: float, name: str) -> QDoubleSpinBox:
        box = QDoubleSpinBox()
        box.setRange(0.0, 99.0)
        box.setDecimals(2)
        box.setSingleStep(0.25)
        box.setSuffix(" %")
        box.setValue(value)
        box.setAccessibleName(name)
        return box

    def _dates(self) -> tuple:
        if not self.use_dates.isChecked():
            return None, None
        return self.date_from.date().toPython(), self.date_to.date().toPython()

    def update_size(self) -> None:
        """Recompute n live from the calculator fields and the current frame size."""
        calc = self.by_calc.isChecked()
        for widget in (self.confidence, self.tolerable, self.expected):
            widget.setEnabled(calc)
        self.fixed.setEnabled(not calc)
        date_from, date_to = self._dates()
        population = self.service.frame_size(self.round_id, date_from, date_to)
        self.population.setText(self.tr("%n ärenden", "", population))
        self.size_result.setEnabled(calc)
        if population == 0:
            self.size_result.setText(self.tr("– (urvalsramen är tom)"))
            self.chosen_size.setText("–")
            return
        if not calc:  # the calculated size is not the sample's: do not show it as such
            self.size_result.setText(self.tr("används inte (fast storlek)"))
            self.chosen_size.setText(self.tr("%n ärenden (fast storlek)", "",
                                             self.fixed.value()))
            return
        try:
            n = sample_size(self.confidence.currentData(), self.tolerable.value() / 100,
                            self.expected.value() / 100, population)
        except UserError as exc:
            self.size_result.setText(str(exc))
            self.chosen_size.setText("–")
            return
        self.size_result.setText(self.tr("%n ärenden", "", n))
        self.chosen_size.setText(self.tr("%n ärenden (beräknad)", "", n))

    def do_draw(self) -> Op[SampleProtocol] | None:
        """Draw on a worker thread (a large frame takes a moment); the protocol follows."""
        if self.op is not None and self.op.running:
            return None
        date_from, date_to = self._dates()
        calc = self.by_calc.isChecked()
        size = None if calc else self.fixed.value()
        confidence = self.confidence.currentData() if calc else None
        tolerable = self.tolerable.value() / 100 if calc else None
        expected = self.expected.value() / 100 if calc else 0.0
        seed, stratify = self.seed.text().strip() or None, self.stratify.currentData()
        self.op = Op(self, lambda _task: self.service.draw(
            self.round_id, size=size, confidence=confidence, tolerable=tolerable,
            expected=expected, seed=seed, stratify=stratify, date_from=date_from,
            date_to=date_to), label=self.tr("Drar stickprovet …"), cancellable=False,
            on_success=self._drawn, on_failure=self._refused)
        return self.op.start()

    def _drawn(self, proto: SampleProtocol) -> None:
        self._show_protocol(proto)
        if self.changes is not None:
            self.changes.notify("sample", self.round_id)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError):
            self.op_failure = show_failure(self, exc)
            return
        self.error.setText(str(exc))
        self.error.show()

    def _show_protocol(self, proto: SampleProtocol) -> None:
        self.protocol_result = proto
        self.error.hide()
        self.options.hide()
        self.draw_button.hide()
        self.result_panel.set_protocol(proto)
        self.result_panel.show()
        self.resize(max(self.width(), 720), max(self.height(), 640))


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
