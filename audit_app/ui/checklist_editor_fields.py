"""Fields of the checklist editor: a form with messages under each field, answers, conditions."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from audit_app.checklist_io.draft import (
    ALL_TYPES,
    OWN_OPTION_TYPES,
    DraftAnswer,
    DraftCondition,
    DraftOption,
)

ERROR_STYLE = "color: #b00020;"
# an earlier item a condition may name: id, question, and its answer values ([] for none)
Choice = tuple[str, str, list[str]]


def parse_number(text: str) -> tuple[float | None, bool]:
    """A typed number (decimal comma or point), and whether the text was one."""
    text = text.strip().replace(",", ".")
    if not text:
        return None, True
    try:
        return float(text), True
    except ValueError:
        return None, False


def number_text(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


class FieldPage(QWidget):
    """A form whose fields each have a red message label underneath."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # the fields keep their height; the space goes below them
        self.errors: dict[str, QLabel] = {}
        self.loading = False

    def add(self, label: str, widget: QWidget, name: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(ERROR_STYLE)
        error.setObjectName(f"error_{name}")
        error.hide()
        column.addWidget(error)
        self.errors[name] = error
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        if not widget.accessibleName():
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        return widget

    def line(self, label: str, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.textEdited.connect(self._edited)
        self.add(label, edit, name)
        return edit

    def _edited(self, *_args: object) -> None:
        if not self.loading:
            self.store()
            self.changed.emit()

    def store(self) -> None:
        """Write the fields back to the draft object."""

    def show_problems(self, problems: dict[str, list[str]]) -> None:
        for name, label in self.errors.items():
            messages = problems.get(name, [])
            label.setText("\n".join(messages))
            label.setVisible(bool(messages))


class AnswerFields(QObject):
    """Answer type, options, compliant answers and min/max, on a FieldPage's form."""

    def __init__(self, page: FieldPage, type_label: str) -> None:
        super().__init__(page)
        self.page = page
        self.answer = DraftAnswer()
        self.bad_numbers: list[str] = []
        self.type = QComboBox()
        self.type.setEditable(False)
        page.add(type_label, self.type, "answer")
        self.type.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.options = QTableWidget(0, 4)
        self.options.setHorizontalHeaderLabels([
            self.tr("Värde"), self.tr("Etikett"), self.tr("Tangent"), self.tr("Räknas")])
        self.options.setAccessibleName(self.tr("Svarsalternativ"))
        self.options.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.options.setMinimumHeight(110)
        self.options.horizontalHeader().setStretchLastSection(True)
        self.options.itemChanged.connect(lambda _i: page._edited())
        self.add_option = QPushButton(self.tr("Nytt &alternativ"))
        self.remove_option = QPushButton(self.tr("Ta bort alternativ"))
        self.add_option.clicked.connect(self._new_option)
        self.remove_option.clicked.connect(self._drop_option)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.options)
        row = QHBoxLayout()
        row.addWidget(self.add_option)
        row.addWidget(self.remove_option)
        row.addStretch(1)
        column.addLayout(row)
        page.add(self.tr("Alternativ:"), box, "options")
        self.options_box = box
        self.compliant = page.line(self.tr("&Godkända svar:"), "compliant")
        self.compliant.setPlaceholderText(self.tr("standard för svarstypen; värden med komma"))
        self.minimum = page.line(self.tr("Mi&n (tal):"), "min")
        self.maximum = page.line(self.tr("Ma&x (tal):"), "max")

    def set_types(self, set_names: list[str], exclude: str = "") -> None:
        self.type.blockSignals(True)
        self.type.clear()
        for name in ALL_TYPES:
            self.type.addItem(name, name)
        for name in set_names:
            if name != exclude:
                self.type.addItem(self.tr("{0} (svarsuppsättning)").format(name), name)
        self.type.blockSignals(False)

    def load(self, answer: DraftAnswer) -> None:
        self.answer = answer
        index = self.type.findData(answer.type)
        if index < 0:  # an unknown type stays visible so that its error can be fixed
            self.type.addItem(answer.type, answer.type)
            index = self.type.count() - 1
        self.type.setCurrentIndex(index)
        self.options.blockSignals(True)
        self.options.setRowCount(0)
        for option in answer.options:
            self._row(option)
        self.options.blockSignals(False)
        self.compliant.setText(", ".join(answer.compliant or []) if answer.compliant is not None
                               else "")
        self.minimum.setText(number_text(answer.minimum))
        self.maximum.setText(number_text(answer.maximum))
        self._enable()

    def _row(self, option: DraftOption) -> None:
        row = self.options.rowCount()
        self.options.insertRow(row)
        counted = "" if option.counted is None else (
            self.tr("ja") if option.counted else self.tr("nej"))
        for col, text in enumerate((option.value, option.label, option.key, counted)):
            self.options.setItem(row, col, QTableWidgetItem(text))

    def _enable(self) -> None:
        kind = str(self.type.currentData() or "")
        self.options_box.setEnabled(kind in OWN_OPTION_TYPES or bool(self.answer.options))
        self.minimum.setEnabled(kind == "tal" or self.answer.minimum is not None)
        self.maximum.setEnabled(kind == "tal" or self.answer.maximum is not None)

    def _type_changed(self) -> None:
        self._enable()
        self.page._edited()

    def _new_option(self) -> None:
        n = self.options.rowCount() + 1
        self._row(DraftOption(f"alt_{n}", self.tr("Alternativ {0}").format(n)))
        self.page._edited()

    def _drop_option(self) -> None:
        rows = sorted({i.row() for i in self.options.selectedIndexes()}, reverse=True)
        for row in rows or [self.options.rowCount() - 1]:
            if row >= 0:
                self.options.removeRow(row)
        self.page._edited()

    def store(self) -> None:
        a = self.answer
        a.type = str(self.type.currentData() or "")
        yes, no = self.tr("ja"), self.tr("nej")
        a.options = []
        for row in range(self.options.rowCount()):
            cells = [cell.text().strip() if (cell := self.options.item(row, c)) else ""
                     for c in range(4)]
            counted = True if cells[3].lower() in (yes, "ja", "true") else \
                False if cells[3].lower() in (no, "nej", "false") else None
            a.options.append(DraftOption(cells[0], cells[1], cells[2], counted))
        text = self.compliant.text().strip()
        a.compliant = None if not text else [] if text == "-" else \
            [v.strip() for v in text.split(",") if v.strip()]
        self.bad_numbers = []
        for name, edit in (("min", self.minimum), ("max", self.maximum)):
            value, ok = parse_number(edit.text())
            if not ok:
                self.bad_numbers.append(name)
            setattr(a, "minimum" if name == "min" else "maximum", value)


class ConditionRows(QWidget):
    """applies_when: conditions on earlier items, each an item and the answer it must have."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices: list[Choice] = []
        self.conditions: list[DraftCondition] = []
        self.rows = QVBoxLayout()
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Lägg till &villkor"))
        self.add_button.clicked.connect(self.add_condition)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows)
        layout.addWidget(self.add_button)
        self.item_boxes: list[QComboBox] = []
        self.value_boxes: list[QComboBox] = []

    def load(self, conditions: list[DraftCondition], choices: list[Choice]) -> None:
        self.conditions = conditions
        self.choices = choices
        self._rebuild()

    def _rebuild(self) -> None:
        while self.rows.count():
            taken = self.rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.item_boxes, self.value_boxes = [], []
        for n, cond in enumerate(self.conditions):
            self.rows.addWidget(self._row(n, cond))
        self.add_button.setEnabled(bool(self.choices))

    def _row(self, n: int, cond: DraftCondition) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        items, values = QComboBox(), QComboBox()
        items.setAccessibleName(self.tr("Villkor {0}: kontrollpunkt").format(n + 1))
        values.setAccessibleName(self.tr("Villkor {0}: svar").format(n + 1))
        values.setEditable(True)
        values.setMinimumContentsLength(8)
        items.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        items.setMinimumContentsLength(16)
        for cid, question, _answers in self.choices:
            items.addItem(f"{cid} – {question}"[:70], cid)
        if items.findData(cond.item) < 0:
            items.addItem(cond.item, cond.item)
        items.setCurrentIndex(items.findData(cond.item))
        items.setToolTip(items.currentText())
        self._fill_values(values, cond)
        remove = QPushButton(self.tr("Ta bort"))
        remove.setAccessibleName(self.tr("Ta bort villkor {0}").format(n + 1))
        line.addWidget(items, 3)
        line.addWidget(QLabel("="))
        line.addWidget(values, 2)
        line.addWidget(remove)
        items.currentIndexChanged.connect(lambda _i, k=n: self._item_picked(k))
        values.currentTextChanged.connect(lambda _t, k=n: self._value_picked(k))
        remove.clicked.connect(lambda _c=False, k=n: self._remove(k))
        self.item_boxes.append(items)
        self.value_boxes.append(values)
        return row

    def _fill_values(self, box: QComboBox, cond: DraftCondition) -> None:
        box.blockSignals(True)
        box.clear()
        answers = next((a for cid, _q, a in self.choices if cid == cond.item), [])
        box.addItems(answers)
        text = ", ".join(cond.values)
        if box.findText(text) < 0:
            box.addItem(text)
        box.setCurrentIndex(box.findText(text))
        box.blockSignals(False)

    def add_condition(self) -> None:
        if not self.choices:
            return
        cid, _q, answers = self.choices[-1]
        self.conditions.append(DraftCondition(cid, answers[:1]))
        self._rebuild()
        self.changed.emit()

    def _item_picked(self, n: int) -> None:
        cond = self.conditions[n]
        cond.item = str(self.item_boxes[n].currentData())
        answers = next((a for cid, _q, a in self.choices if cid == cond.item), [])
        cond.values = answers[:1]
        self._fill_values(self.value_boxes[n], cond)
        self.changed.emit()

    def _value_picked(self, n: int) -> None:
        text = self.value_boxes[n].currentText()
        self.conditions[n].values = [v.strip() for v in text.split(",") if v.strip()]
        self.changed.emit()

    def _remove(self, n: int) -> None:
        del self.conditions[n]
        self._rebuild()
        self.changed.emit()
