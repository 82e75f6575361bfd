"""One kontrollmoment of the plan as a form: checklist and items, rule, risk, method, periods."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import UserError
from audit_app.domain.plan import Control, Method, MethodKind
from audit_app.domain.rounds import Period
from audit_app.ui.ops import show_failure
from audit_app.ui.risk_matrix import RiskMatrix


class ControlDialog(QDialog):
    """Add or change a control; OK runs `save(control)`, and a UserError is shown in a box
    while the form stays open with what the user wrote."""

    def __init__(self, checklists: dict[str, Checklist], control: Control | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklists = checklists
        self.save: Callable[[Control], None] = lambda _c: None
        self.failure: QWidget | None = None
        self.setWindowTitle(self.tr("Nytt kontrollmoment") if control is None
                            else self.tr("Kontrollmoment {0}").format(control.control_id))
        self.control_id = QLineEdit()
        self.control_id.setPlaceholderText(self.tr("t.ex. samtal_placerade"))
        self.title = QLineEdit()
        self.checklist = QComboBox()
        for cid in sorted(checklists):
            self.checklist.addItem(f"{checklists[cid].title} ({cid})", cid)
        self.items = QListWidget()
        self.items.setMinimumHeight(110)
        self.rule = QLineEdit()
        self.rule.setPlaceholderText(self.tr("t.ex. SoL 11 kap. 10 §"))
        self.reference = QLineEdit()
        self.sannolikhet = QSpinBox()
        self.konsekvens = QSpinBox()
        for box in (self.sannolikhet, self.konsekvens):
            box.setRange(1, 4)
        self.matrix = RiskMatrix(cell=34)
        self.risk_text = QLabel()
        self.method = QComboBox()
        self.method.addItem(self.tr("Stickprov"), MethodKind.SAMPLE.value)
        self.method.addItem(self.tr("Fast urval"), MethodKind.FIXED.value)
        self.method.addItem(self.tr("Totalgranskning (alla ärenden)"), MethodKind.FULL.value)
        self.confidence = _percent(80.0, 99.9, 95.0)
        self.tolerable = _percent(0.5, 50.0, 5.0)
        self.sample_size = QSpinBox()
        self.sample_size.setRange(1, 100_000)
        self.sample_size.setValue(20)
        self.sample_size.setSuffix(self.tr(" ärenden"))
        self.periods = {p: QCheckBox(p.value) for p in Period}
        self.responsible = QLineEdit()
        self.responsible.setPlaceholderText(self.tr("t.ex. Gruppledare"))
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        for widget, name in (
                (self.control_id, self.tr("Id")), (self.title, self.tr("Kontrollmoment")),
                (self.checklist, self.tr("Checklista")),
                (self.items, self.tr("Valda kontrollpunkter")),
                (self.rule, self.tr("Regel eller riktlinje")),
                (self.reference, self.tr("Hänvisning")),
                (self.sannolikhet, self.tr("Sannolikhet")),
                (self.konsekvens, self.tr("Konsekvens")), (self.method, self.tr("Metod")),
                (self.confidence, self.tr("Konfidens")),
                (self.tolerable, self.tr("Tolerabel avvikelse")),
                (self.sample_size, self.tr("Antal ärenden")),
                (self.responsible, self.tr("Ansvarig roll")), (self.note, self.tr("Anteckning"))):
            widget.setAccessibleName(name)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spara"))
        self.buttons.accepted.connect(self._check_and_accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.checklist.currentIndexChanged.connect(lambda _n: self._fill_items(()))
        self.sannolikhet.valueChanged.connect(lambda _v: self._show_risk())
        self.konsekvens.valueChanged.connect(lambda _v: self._show_risk())
        self.matrix.chosen.connect(self._risk_chosen)
        self.method.currentIndexChanged.connect(lambda _n: self._show_method())
        self.set_control(control)

    def _lay_out(self) -> None:
        """Two columns (what is checked | risk, method and who), to fit a small screen."""
        self.checklist.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.checklist.setMinimumContentsLength(28)
        left = QFormLayout()
        left.addRow(self.tr("&Id:"), self.control_id)
        left.addRow(self.tr("&Kontrollmoment:"), self.title)
        left.addRow(self.tr("&Checklista:"), self.checklist)
        items_label = QLabel(self.tr("Valda &punkter\n(ingen vald: alla):"))
        items_label.setBuddy(self.items)
        left.addRow(items_label, self.items)
        left.addRow(self.tr("&Regel/riktlinje:"), self.rule)
        left.addRow(self.tr("&Hänvisning:"), self.reference)
        risk = QGridLayout()
        for row, (text, field) in enumerate(((self.tr("&Sannolikhet:"), self.sannolikhet),
                                             (self.tr("K&onsekvens:"), self.konsekvens))):
            label = QLabel(text)
            label.setBuddy(field)
            risk.addWidget(label, row, 0)
            risk.addWidget(field, row, 1)
        risk.addWidget(self.risk_text, 2, 0, 1, 2)
        risk.setRowStretch(3, 1)
        risk.addWidget(self.matrix, 0, 2, 4, 1)
        right = QFormLayout()
        right.addRow(self.tr("Risk:"), _wrap(risk))
        right.addRow(self.tr("&Metod:"), self.method)
        params = QHBoxLayout()
        self.confidence_label = QLabel(self.tr("konfidens"))
        self.tolerable_label = QLabel(self.tr("tolerabel avvikelse"))
        for widget in (self.confidence_label, self.confidence, self.tolerable_label,
                       self.tolerable, self.sample_size):
            params.addWidget(widget)
        params.addStretch(1)
        right.addRow("", _wrap(params))
        periods = QHBoxLayout()
        for box in self.periods.values():
            periods.addWidget(box)
        periods.addStretch(1)
        right.addRow(self.tr("Perioder:"), _wrap(periods))
        right.addRow(self.tr("&Ansvarig roll:"), self.responsible)
        right.addRow(self.tr("A&nteckning:"), self.note)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.buttons)

    # -- filling in and reading back ------------------------------------------------

    def set_control(self, control: Control | None) -> None:
        """Show a control's values (None: a new one with usual defaults)."""
        c = control or Control("", "", self.checklist.itemData(0) or "",
                               Method(MethodKind.SAMPLE, confidence=0.95, tolerable=0.05),
                               (Period.T1,), 2, 2)
        self.control_id.setText(c.control_id)
        self.control_id.setReadOnly(control is not None)  # a stored id stays; rounds use it
        self.title.setText(c.title)
        for line in (self.control_id, self.title):
            line.setCursorPosition(0)  # the start of a long title, not its end
        index = self.checklist.findData(c.checklist)
        if index < 0 and c.checklist:
            self.checklist.addItem(self.tr("{0} (finns inte i datamappen)").format(c.checklist),
                                   c.checklist)
            index = self.checklist.count() - 1
        self.checklist.blockSignals(True)
        self.checklist.setCurrentIndex(max(index, 0))
        self.checklist.blockSignals(False)
        self._fill_items(c.items)
        self.rule.setText(c.rule)
        self.reference.setText(c.reference)
        self.sannolikhet.setValue(c.sannolikhet)
        self.konsekvens.setValue(c.konsekvens)
        self.method.setCurrentIndex(self.method.findData(c.method.kind.value))
        if c.method.confidence is not None:
            self.confidence.setValue(c.method.confidence * 100)
        if c.method.tolerable is not None:
            self.tolerable.setValue(c.method.tolerable * 100)
        if c.method.size is not None:
            self.sample_size.setValue(c.method.size)
        for period, box in self.periods.items():
            box.setChecked(period in c.periods)
        self.responsible.setText(c.responsible)
        self.note.setPlainText(c.note)
        self._show_risk()
        self._show_method()

    def _fill_items(self, chosen: tuple[str, ...]) -> None:
        self.items.clear()
        checklist = self.checklists.get(str(self.checklist.currentData() or ""))
        if checklist is None:
            return
        for item in checklist.items:
            row = QListWidgetItem(f"{item.id}: {item.question}")
            row.setToolTip(item.question)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Checked if item.id in chosen
                              else Qt.CheckState.Unchecked)
            self.items.addItem(row)

    def chosen_items(self) -> tuple[str, ...]:
        rows = (self.items.item(n) for n in range(self.items.count()))
        return tuple(str(r.data(Qt.ItemDataRole.UserRole)) for r in rows
                     if r.checkState() == Qt.CheckState.Checked)

    def set_items(self, ids: tuple[str, ...]) -> None:
        for n in range(self.items.count()):
            row = self.items.item(n)
            row.setCheckState(Qt.CheckState.Checked if row.data(Qt.ItemDataRole.UserRole)
                              in ids else Qt.CheckState.Unchecked)

    def control(self) -> Control:
        """The control as the form now stands (checked when saved)."""
        kind = MethodKind(self.method.currentData())
        if kind is MethodKind.SAMPLE:
            method = Method(kind, confidence=round(self.confidence.value() / 100, 4),
                            tolerable=round(self.tolerable.value() / 100, 4))
        elif kind is MethodKind.FIXED:
            method = Method(kind, size=self.sample_size.value())
        else:
            method = Method(kind)
        return Control(
            control_id=self.control_id.text().strip(), title=self.title.text().strip(),
            checklist=str(self.checklist.currentData() or ""), method=method,
            periods=tuple(p for p, box in self.periods.items() if box.isChecked()),
            sannolikhet=self.sannolikhet.value(), konsekvens=self.konsekvens.value(),
            items=self.chosen_items(), rule=self.rule.text().strip(),
            reference=self.reference.text().strip(),
            responsible=self.responsible.text().strip(), note=self.note.toPlainText().strip())

    # -- reacting ------------------------------------------------------------------------

    def _risk_chosen(self, sannolikhet: int, konsekvens: int) -> None:
        self.sannolikhet.setValue(sannolikhet)
        self.konsekvens.setValue(konsekvens)

    def _show_risk(self) -> None:
        s, k = self.sannolikhet.value(), self.konsekvens.value()
        self.matrix.set_current(s, k)
        level = (self.tr("låg") if s * k <= 3 else self.tr("måttlig") if s * k <= 6
                 else self.tr("hög") if s * k <= 9 else self.tr("mycket hög"))
        self.risk_text.setText(self.tr("Risk {0} ({1})").format(s * k, level))

    def _show_method(self) -> None:
        kind = MethodKind(self.method.currentData())
        for widget in (self.confidence_label, self.confidence, self.tolerable_label,
                       self.tolerable):
            widget.setVisible(kind is MethodKind.SAMPLE)
        self.sample_size.setVisible(kind is MethodKind.FIXED)

    def _check_and_accept(self) -> None:
        try:
            self.save(self.control())
        except UserError as exc:
            self.failure = show_failure(self, exc, self.windowTitle())
            return
        self.accept()


def _percent(low: float, high: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(" %")
    box.setValue(value)
    return box


def _wrap(layout: QHBoxLayout | QGridLayout) -> QWidget:
    widget = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    widget.setLayout(layout)
    return widget
