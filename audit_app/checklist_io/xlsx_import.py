"""Turning a checklist workbook back into checklist YAML, with errors named by sheet and cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from audit_app.checklist_io import xlsx_layout as L
from audit_app.checklist_io.loader import ChecklistFileError, parse_checklist
from audit_app.checklist_io.xlsx_read import Sheet, WorkbookError, column_letter, read_sheets
from audit_app.domain.checklist import Checklist
from audit_app.domain.item_ids import item_id_from_question

_KEY_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_]+):")
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
# YAML key -> the item column it came from
_ITEM_KEY_COLUMN = {"type": "answer", "item": "applies_when", "equals": "applies_when",
                    "in": "applies_when", "title": "section_title"}


@dataclass(frozen=True)
class ImportedChecklist:
    """A workbook read and validated: the checklist and its YAML text."""

    checklist: Checklist
    source: str


@dataclass
class _Origin:
    """Where a piece of the generated YAML came from, to name cells in loader errors."""

    sheet: str
    row: int
    columns: dict[str, str]  # YAML key -> column letter
    option_rows: list[int] = field(default_factory=list)


def _columns(spec: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {key: column_letter(n) for n, (_, key) in enumerate(spec, start=1)}


class _Reader:
    def __init__(self, sheets: dict[str, Sheet], problems: list[str]) -> None:
        self.sheets = sheets
        self.problems = problems

    def error(self, sheet: str, col: str, row: int, message: str) -> None:
        self.problems.append(f"{sheet}!{col}{row}: {message}")

    def table(self, title: str, spec: tuple[tuple[str, str], ...],
              required: bool) -> list[tuple[int, dict[str, Any]]]:
        sheet = self.sheets.get(title)
        if sheet is None or not sheet.rows:
            if required:
                self.problems.append(f"{title}: bladet saknas eller är tomt")
            return []
        header_row, headers = sheet.rows[0]
        known = {h: k for h, k in spec}
        keys: dict[int, str] = {}
        for n, header in enumerate(headers):
            name = str(header).strip().lower() if header is not None else ""
            if name in known:
                keys[n] = known[name]
            elif name:
                self.error(title, column_letter(n + 1), header_row,
                           f"okänd kolumn '{header}'; tillåtna: {', '.join(known)}")
        out: list[tuple[int, dict[str, Any]]] = []
        for number, values in sheet.rows[1:]:
            row: dict[str, Any] = {}
            for n, value in enumerate(values):
                if value is None or value == "":
                    continue
                if n not in keys:
                    self.error(title, column_letter(n + 1), number, "värde i en kolumn utan "
                               "känd rubrik")
                    continue
                row[keys[n]] = value
            if row:
                out.append((number, row))
        return out

    def text(self, row: dict[str, Any], key: str) -> str | None:
        value = row.get(key)
        return None if value is None else str(value)

    def word(self, row: dict[str, Any], key: str) -> str | None:
        value = self.text(row, key)
        return value.strip() if value is not None else None

    def flag(self, where: tuple[str, str, int], row: dict[str, Any], key: str) -> bool | None:
        value = row.get(key)
        if value is None or isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in (L.YES, L.NO):
            return text == L.YES
        self.error(where[0], where[1], where[2], f"'{value}' ska vara {L.YES} eller {L.NO}")
        return None

    def number(self, where: tuple[str, str, int], value: Any, what: str) -> int | float | None:
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            return value
        text = str(value).strip()
        if not _NUMBER.match(text):
            self.error(where[0], where[1], where[2], f"{what} '{value}' är inget tal")
            return None
        number = float(text.replace(",", "."))
        return int(number) if number.is_integer() else number

    def answer(self, sheet: str, cols: dict[str, str], number: int, row: dict[str, Any],
               type_key: str, options: list[dict[str, Any]] | None) -> Any:
        kind = self.word(row, type_key)
        if not kind:
            self.error(sheet, cols[type_key], number, "svarstyp saknas")
            return None
        spec: dict[str, Any] = {"type": kind}
        if options:
            spec["options"] = options
        if row.get("compliant") is not None:
            spec["compliant"] = L.split_values(str(row["compliant"]))
        for key in ("min", "max"):
            value = self.number((sheet, cols[key], number), row.get(key), key)
            if value is not None:
                spec[key] = value
        return spec if len(spec) > 1 else kind


def _options(reader: _Reader) -> tuple[dict[tuple[str, str], list[dict[str, Any]]],
                                       dict[tuple[str, str], list[int]]]:
    cols = _columns(L.OPTION_COLUMNS)
    found: dict[tuple[str, str], list[dict[str, Any]]] = {}
    rows: dict[tuple[str, str], list[int]] = {}
    for number, row in reader.table(L.OPTIONS, L.OPTION_COLUMNS, required=False):
        owners = [(k, reader.word(row, k) or "") for k in ("item", "set") if row.get(k)]
        if len(owners) != 1:
            reader.error(L.OPTIONS, cols["item"], number, "ange antingen punkt eller "
                         "svarsuppsättning för alternativet")
            continue
        option: dict[str, Any] = {"value": reader.word(row, "value") or "",
                                  "label": reader.text(row, "label") or ""}
        if row.get("key") is not None:
            option["key"] = reader.word(row, "key")
        counted = reader.flag((L.OPTIONS, cols["counted"], number), row, "counted")
        if counted is not None:
            option["counted"] = counted
        found.setdefault(owners[0], []).append(option)
        rows.setdefault(owners[0], []).append(number)
    return found, rows


def _dump(value: Any, indent: int) -> str:
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=10_000,
                          default_flow_style=False)
    pad = " " * indent
    return "".join(pad + line for line in text.splitlines(keepends=True))


class _Builder:
    """Builds the YAML text piece by piece, remembering which row each piece came from."""

    def __init__(self) -> None:
        self.pieces: list[tuple[int, str, _Origin | None]] = []  # (first line, text, origin)
        self.lines = 1

    def add(self, text: str, origin: _Origin | None) -> None:
        self.pieces.append((self.lines, text, origin))
        self.lines += text.count("\n")

    @property
    def text(self) -> str:
        return "".join(text for _, text, _ in self.pieces)

    def where(self, line: int) -> str:
        """The cell a YAML line came from, as 'Blad!B7', or '' when unknown."""
        for first, text, origin in reversed(self.pieces):
            if line < first or origin is None:
                continue
            lines = text.splitlines()[:line - first + 1]
            if len(lines) < line - first + 1:
                return ""
            key, option = "", -1
            in_options = False
            for entry in lines:
                m = _KEY_LINE.match(entry)
                if m is None:
                    continue
                key = m.group(1)
                if key == "options":
                    in_options = True
                elif in_options and re.match(r"^\s*-\s+value:", entry):
                    option += 1
                elif key in ("compliant", "min", "max", "type"):
                    in_options = False
            if in_options and option >= 0 and option < len(origin.option_rows) and \
                    key in ("value", "label", "key", "counted"):
                cols = _columns(L.OPTION_COLUMNS)
                return f"{L.OPTIONS}!{cols[key]}{origin.option_rows[option]}"
            col = origin.columns.get(key) or origin.columns.get(_ITEM_KEY_COLUMN.get(key, ""))
            return f"{origin.sheet}!{col}{origin.row}" if col else \
                f"{origin.sheet}!rad {origin.row}"
        return ""


def _settings(reader: _Reader, builder: _Builder) -> None:
    sheet = reader.sheets.get(L.SETTINGS)
    if sheet is None:
        reader.problems.append(f"{L.SETTINGS}: bladet saknas")
        return
    allowed = [k for k, _ in L.SETTING_KEYS]
    data: dict[str, Any] = {}
    rows: dict[str, int] = {}
    for number, values in sheet.rows[1:]:
        key = str(values[0]).strip() if values and values[0] is not None else ""
        value = values[1] if len(values) > 1 else None
        if key not in allowed:
            if key or value not in (None, ""):
                reader.error(L.SETTINGS, "A", number, f"okänd inställning '{key}'; tillåtna: "
                             f"{', '.join(allowed)}")
            continue
        if value not in (None, ""):
            data[key] = str(value).strip() if key in ("id", "version") else str(value)
            rows[key] = number
    for key in ("id", "version", "title"):
        if key not in data:
            reader.problems.append(f"{L.SETTINGS}: '{key}' saknas (kolumn B)")
    ordered = {k: data[k] for k in allowed if k in data}
    for key, value in ordered.items():
        builder.add(_dump({key: value}, 0), _Origin(L.SETTINGS, rows[key], {key: "B"}))


def _answer_sets(reader: _Reader, builder: _Builder,
                 options: dict[tuple[str, str], list[dict[str, Any]]],
                 option_rows: dict[tuple[str, str], list[int]]) -> set[str]:
    cols = _columns(L.SET_COLUMNS)
    rows = reader.table(L.SETS, L.SET_COLUMNS, required=False)
    names: set[str] = set()
    started = False
    for number, row in rows:
        name = reader.word(row, "name")
        if not name:
            reader.error(L.SETS, "A", number, "namn saknas")
            continue
        names.add(name)
        spec = reader.answer(L.SETS, cols, number, row, "type", options.get(("set", name)))
        if spec is None:
            continue
        if not started:
            builder.add("answer_sets:\n", None)
            started = True
        origin = _Origin(L.SETS, number, {**cols, "type": cols["type"]},
                         option_rows.get(("set", name), []))
        builder.add(_dump({name: spec}, 2), origin)
    return names


def _items(reader: _Reader, builder: _Builder,
           options: dict[tuple[str, str], list[dict[str, Any]]],
           option_rows: dict[tuple[str, str], list[int]]) -> set[str]:
    cols = _columns(L.ITEM_COLUMNS)
    rows = reader.table(L.ITEMS, L.ITEM_COLUMNS, required=True)
    if not rows and not any(p.startswith(L.ITEMS) for p in reader.problems):
        reader.problems.append(f"{L.ITEMS}: inga kontrollpunkter")
    taken = {reader.word(r, "id") or "" for _, r in rows}
    current: tuple[str | None, str | None] | None = None
    builder.add("sections:\n", None)
    ids: set[str] = set()
    for number, row in rows:
        sid, title = reader.word(row, "section_id"), reader.text(row, "section_title")
        if current is None or (sid is not None and sid != current[0]) or (
                title is not None and title != current[1]):
            if title is None:
                reader.error(L.ITEMS, cols["section_title"], number, "avsnittsrubrik saknas")
            current = (sid, title if title is not None else current[1] if current else "")
            head = {**({"id": sid} if sid else {}), "title": current[1]}
            builder.add(_dump([head], 0) + "  items:\n", _Origin(L.ITEMS, number, cols))
        question = reader.text(row, "question")
        if not question or not question.strip():
            reader.error(L.ITEMS, cols["question"], number, "frågan saknas")
            question = question or ""
        iid = reader.word(row, "id")
        if not iid:
            iid = item_id_from_question(question, taken)
            taken.add(iid)
        ids.add(iid)
        item: dict[str, Any] = {"id": iid, "question": question}
        for key in ("help", "reference"):
            if reader.text(row, key) is not None:
                item[key] = reader.text(row, key)
        item["answer"] = reader.answer(L.ITEMS, cols, number, row, "answer",
                                       options.get(("item", iid)))
        if row.get("applies_when") is not None:
            conditions = L.parse_conditions(str(row["applies_when"]))
            if conditions is None:
                reader.error(L.ITEMS, cols["applies_when"], number,
                             f"villkoret '{row['applies_when']}' ska skrivas 'punkt = svar' "
                             "eller 'punkt i svar1, svar2' (flera villkor åtskilda med ;)")
            else:
                item["applies_when"] = conditions
        for key in L.FLAG_KEYS:
            flag = reader.flag((L.ITEMS, cols[key], number), row, key)
            if flag is not None:
                item[key] = flag
        target = reader.number((L.ITEMS, cols["target"], number), row.get("target"), "årsmålet")
        if target is not None:
            item["target"] = target
        ordered = {k: item[k] for k in L.ITEM_KEY_ORDER if k in item}
        builder.add(_dump([ordered], 2), _Origin(L.ITEMS, number, cols,
                                                 option_rows.get(("item", iid), [])))
    return ids


def read_checklist_workbook(path: Path) -> ImportedChecklist:
    """Read, check and convert a checklist workbook; WorkbookError lists every problem."""
    problems: list[str] = []
    sheets = read_sheets(path, problems)
    reader = _Reader(sheets, problems)
    builder = _Builder()
    builder.add(f"# Importerad från Excel ({path.name}).\n", None)
    options, option_rows = _options(reader)
    _settings(reader, builder)
    set_names = _answer_sets(reader, builder, options, option_rows)
    item_ids = _items(reader, builder, options, option_rows)
    for kind, owner in options:
        if (kind == "item" and owner not in item_ids) or (kind == "set" and
                                                           owner not in set_names):
            first = option_rows[(kind, owner)][0]
            where = "punkten" if kind == "item" else "svarsuppsättningen"
            reader.error(L.OPTIONS, "A" if kind == "item" else "B", first,
                         f"{where} '{owner}' finns inte")
    if problems:
        raise WorkbookError(path.name, problems)
    source = builder.text
    try:
        checklist = parse_checklist(source, path.name)
    except ChecklistFileError as exc:
        found = []
        for problem in exc.problems:
            cell = builder.where(problem.line) if problem.line else ""
            # the loader names other YAML lines ("rad 18"): name their cells instead
            message = re.sub(r"\brad (\d+)", lambda m: builder.where(int(m.group(1)))
                             or m.group(0), problem.message)
            found.append(f"{cell}: {message}" if cell else message)
        raise WorkbookError(path.name, found) from exc
    return ImportedChecklist(checklist, source)
