"""An editable checklist draft: read from YAML, written back with every line traced to a field."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from audit_app.checklist_io.loader import ChecklistFileError, parse_checklist
from audit_app.checklist_io.yaml_source import load_data
from audit_app.domain.checklist import Checklist
from audit_app.domain.item_ids import item_id_from_question

FIXED_TYPES = ("ja_nej", "ja_nej_ej_aktuellt", "graderad", "tal", "datum", "fritext")
OWN_OPTION_TYPES = ("skala", "val")
ALL_TYPES = FIXED_TYPES[:3] + OWN_OPTION_TYPES + FIXED_TYPES[3:]

# Where a line of the generated YAML came from: (kind, section or set, item, field).
# kind is "meta", "set", "section" or "item"; unused numbers are -1.
Where = tuple[str, int, int, str]
META: Where = ("meta", -1, -1, "")


@dataclass
class DraftOption:
    value: str
    label: str
    key: str = ""
    counted: bool | None = None  # None: the default for the value


@dataclass
class DraftAnswer:
    type: str = "ja_nej"
    options: list[DraftOption] = field(default_factory=list)
    compliant: list[str] | None = None  # None: the type's default
    minimum: float | None = None
    maximum: float | None = None


@dataclass
class DraftCondition:
    item: str
    values: list[str]


@dataclass
class DraftItem:
    id: str
    question: str
    answer: DraftAnswer = field(default_factory=DraftAnswer)
    help: str = ""
    reference: str = ""
    applies_when: list[DraftCondition] = field(default_factory=list)
    required: bool = False
    critical: bool = False
    target: float | None = None
    comment: bool = True
    stored: bool = False  # saved once: the id is fixed
    auto_id: bool = True  # the id follows the question until edited by hand


@dataclass
class DraftSection:
    id: str
    title: str
    items: list[DraftItem] = field(default_factory=list)


@dataclass
class DraftChecklist:
    id: str = ""
    version: str = "1.0"
    title: str = ""
    description: str = ""
    organisation: str = ""
    unit: str = ""
    answer_sets: list[tuple[str, DraftAnswer]] = field(default_factory=list)
    sections: list[DraftSection] = field(default_factory=list)

    @property
    def items(self) -> list[DraftItem]:
        return [i for s in self.sections for i in s.items]

    def new_item_id(self, question: str, exclude: DraftItem | None = None) -> str:
        taken = {i.id for i in self.items if i is not exclude}
        return item_id_from_question(question, taken)

    def rename_set(self, index: int, new_name: str, used_as: str) -> None:
        """Rename an answer set, and the items and later sets that use it as `used_as`
        (its name before the edit; a name being retyped is empty on the way)."""
        _name, answer = self.answer_sets[index]
        self.answer_sets[index] = (new_name, answer)
        old = used_as if new_name else ""
        users = [i.answer for i in self.items] + [a for _n, a in self.answer_sets[index + 1:]]
        for user in users:
            if old and user.type == old:
                user.type = new_name

    def rename_item(self, item: DraftItem, new_id: str) -> None:
        """Change an unsaved item's id, and the conditions that name it."""
        old = item.id
        item.id = new_id
        for other in self.items:
            for cond in other.applies_when:
                if cond.item == old:
                    cond.item = new_id


@dataclass(frozen=True)
class FieldProblem:
    """A validation message and the field it belongs to."""

    where: Where
    message: str


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _answer(raw: Any) -> DraftAnswer:
    if not isinstance(raw, dict):
        return DraftAnswer(_text(raw))
    compliant = raw.get("compliant")
    options = [DraftOption(_text(o.get("value")), _text(o.get("label")), _text(o.get("key")),
                           o.get("counted")) for o in raw.get("options") or []
               if isinstance(o, dict)]
    return DraftAnswer(
        _text(raw.get("type")), options,
        None if compliant is None else [_text(v) for v in
                                        (compliant if isinstance(compliant, list) else
                                         [compliant])],
        raw.get("min"), raw.get("max"))


def _conditions(raw: Any) -> list[DraftCondition]:
    out = []
    for cond in raw if isinstance(raw, list) else [raw] if raw else []:
        values = cond.get("in", cond.get("equals"))
        out.append(DraftCondition(_text(cond.get("item")), [_text(v) for v in values]
                                  if isinstance(values, list) else [_text(values)]))
    return out


def draft_from_source(source: str) -> DraftChecklist:
    """The draft of a valid checklist's YAML text; its item ids are fixed."""
    data = load_data(source, "<checklista>")
    draft = DraftChecklist(
        _text(data.get("id")), _text(data.get("version")), _text(data.get("title")),
        _text(data.get("description")), _text(data.get("organisation")),
        _text(data.get("unit")))
    draft.answer_sets = [(str(k), _answer(v)) for k, v in (data.get("answer_sets") or {}).items()]
    for s in data.get("sections") or []:
        section = DraftSection(_text(s.get("id")), _text(s.get("title")))
        for i in s.get("items") or []:
            section.items.append(DraftItem(
                _text(i.get("id")), _text(i.get("question")), _answer(i.get("answer")),
                _text(i.get("help")), _text(i.get("reference")),
                _conditions(i.get("applies_when")), bool(i.get("required", False)),
                bool(i.get("critical", False)), i.get("target"),
                bool(i.get("comment", True)), stored=True, auto_id=False))
        draft.sections.append(section)
    return draft


def _scalar(value: Any) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000,
                          default_flow_style=True).rstrip("\n")
    if text.endswith("\n..."):
        text = text[:-4]
    if "\n" in text:  # a text with line breaks: one double-quoted line
        text = json.dumps(value, ensure_ascii=False)
    return text


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[Where] = []

    def add(self, text: str, where: Where) -> None:
        self.lines.append(text)
        self.origins.append(where)

    def key(self, pad: str, key: str, value: Any, where: Where) -> None:
        self.add(f"{pad}{key}: {_scalar(value)}", where)

    def answer(self, pad: str, answer: DraftAnswer, kind: str, a: int, b: int) -> None:
        def at(name: str) -> Where:
            return (kind, a, b, name)
        if not answer.options and answer.compliant is None and answer.minimum is None \
                and answer.maximum is None and answer.type not in OWN_OPTION_TYPES:
            self.key(pad, "type" if kind == "set" else "answer", answer.type, at("answer"))
            return
        if kind == "item":
            self.add(f"{pad}answer:", at("answer"))
            pad += "  "
        self.key(pad, "type", answer.type, at("answer"))
        if answer.options:
            self.add(f"{pad}options:", at("options"))
            for o in answer.options:
                data: dict[str, Any] = {"value": o.value, "label": o.label}
                if o.key:
                    data["key"] = o.key
                if o.counted is not None:
                    data["counted"] = o.counted
                self.add(f"{pad}  - {_scalar(data)}", at("options"))
        if answer.compliant is not None:
            self.key(pad, "compliant", answer.compliant, at("compliant"))
        if answer.minimum is not None:
            self.key(pad, "min", _number(answer.minimum), at("min"))
        if answer.maximum is not None:
            self.key(pad, "max", _number(answer.maximum), at("max"))


def render(draft: DraftChecklist) -> tuple[str, list[Where]]:
    """The YAML text of a draft and, per line (0-based), the field it came from."""
    w = _Writer()
    w.add("# Skapad i Granskas checklistredigerare.", META)
    for key in ("id", "version", "title", "description", "organisation", "unit"):
        value = getattr(draft, key)
        if value or key in ("id", "version", "title"):
            if value:
                w.key("", key, value, ("meta", -1, -1, key))
    if draft.answer_sets:
        w.add("answer_sets:", ("meta", -1, -1, "answer_sets"))
        for n, (name, answer) in enumerate(draft.answer_sets):
            w.add(f"  {_scalar(name)}:", ("set", n, -1, "name"))
            w.answer("    ", answer, "set", n, -1)
    w.add("sections:", ("meta", -1, -1, "sections"))
    for s, section in enumerate(draft.sections):
        first = f"  - id: {_scalar(section.id)}" if section.id else None
        title = f"title: {_scalar(section.title)}" if section.title else None
        lines = [(x, f) for x, f in ((first, "id"), (title, "title")) if x is not None]
        for n, (text, name) in enumerate(lines):
            if n == 0 and not text.startswith("  - "):
                text = "  - " + text
            elif n > 0:
                text = "    " + text
            w.add(text, ("section", s, -1, name))
        empty = " []" if not section.items else ""  # a section still without items
        w.add(("    items:" if lines else "  - items:") + empty, ("section", s, -1, "items"))
        for i, item in enumerate(section.items):
            _item(w, item, s, i)
    return "\n".join(w.lines) + "\n", w.origins


def _item(w: _Writer, item: DraftItem, s: int, i: int) -> None:
    pad = "        "
    started = False

    def key(name: str, value: Any) -> None:
        nonlocal started
        w.add(("      - " if not started else pad) + f"{name}: {_scalar(value)}",
              ("item", s, i, name))
        started = True
    for name in ("id", "question", "help", "reference"):
        if getattr(item, name):
            key(name, getattr(item, name))
    if not started:
        w.add("      - comment: " + _scalar(item.comment), ("item", s, i, ""))
        started = True
    w.answer(pad, item.answer, "item", s, i)
    if item.applies_when:
        w.add(f"{pad}applies_when:", ("item", s, i, "applies_when"))
        for cond in item.applies_when:
            data: dict[str, Any] = {"item": cond.item}
            if len(cond.values) == 1:
                data["equals"] = cond.values[0]
            else:
                data["in"] = cond.values
            w.add(f"{pad}  - {_scalar(data)}", ("item", s, i, "applies_when"))
    for name in ("required", "critical"):
        if getattr(item, name):
            key(name, True)
    if item.target is not None:
        key("target", _number(item.target))
    if not item.comment and (item.id or item.question or item.help or item.reference):
        key("comment", False)


def _owner_field(message: str) -> str:
    for name in ("id", "question", "title", "answer", "version", "items"):
        if f"'{name}' saknas" in message or (name == "answer" and "saknar 'answer'" in message):
            return name
    return ""


def check(draft: DraftChecklist) -> tuple[Checklist | None, str, list[FieldProblem]]:
    """Validate a draft as `checklist validate` does: the checklist, its YAML and problems."""
    text, origins = render(draft)
    try:
        checklist = parse_checklist(text, draft.id or "<checklista>")
    except ChecklistFileError as exc:
        problems = []
        for p in exc.problems:
            where = origins[p.line - 1] if 0 < p.line <= len(origins) else META
            if _owner_field(p.message):
                where = (*where[:3], _owner_field(p.message))
            problems.append(FieldProblem(where, p.message))
        return None, text, problems
    return checklist, text, []

