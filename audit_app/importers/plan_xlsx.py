"""The internkontroll plan read back from an Excel sheet: the exported layout, as edited."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import contains_personnummer
from audit_app.domain.plan import RISK_LEVELS, Control, Method, MethodKind, Plan
from audit_app.domain.rounds import Period
from audit_app.importers.limits import FileLimits, check_xlsx
from audit_app.importers.nul import has_nul, nul_error

__all__ = ["PLAN_FILE", "PlanSheetError", "read_plan_xlsx"]

logger = logging.getLogger(__name__)

PLAN_FILE = FileLimits("en internkontrollplan", max_file_bytes=10_000_000,
                       max_uncompressed=50_000_000, max_ratio=250,
                       max_shared_strings=10_000_000, max_cells=200_000, max_sheets=20,
                       max_columns=200)
HEADER_ROWS = 20  # the header row is looked for among the first rows
MAX_PROBLEMS = 20
MAX_TEXT = 4000
MAX_SIZE = 100_000
CONTROL_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
TITLE = re.compile(r"^\s*(?:internkontrollplan|internal control plan)\s+(.+?)\s+(\d{4})\s*$",
                   re.IGNORECASE)
# field -> the header labels that name its column (Swedish as exported, English, YAML keys)
LABELS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "title": ("kontrollmoment", "control", "title", "rubrik"),
    "checklist": ("checklista", "checklist"),
    "items": ("kontrollpunkter", "items"),
    "rule": ("regel / riktlinje", "regel", "rule / guideline", "rule"),
    "reference": ("hänvisning", "reference"),
    "sannolikhet": ("sannolikhet", "likelihood", "probability"),
    "konsekvens": ("konsekvens", "consequence"),
    "method": ("metod", "method"),
    "periods": ("perioder", "periods"),
    "responsible": ("ansvarig", "responsible"),
    "note": ("anteckning", "note"),
}
REQUIRED = {"id": "Id", "title": "Kontrollmoment", "checklist": "Checklista",
            "sannolikhet": "Sannolikhet", "konsekvens": "Konsekvens", "method": "Metod",
            "periods": "Perioder"}
TEXT_FIELDS = ("title", "rule", "reference", "responsible", "note")
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(%?)")
_SPLIT = re.compile(r"[,;\n]")
_FORMULA_START = ("=", "+", "-", "@")


class PlanSheetError(UserError):
    """A plan sheet has one or more problems, each naming its sheet and cell."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def letter(column: int) -> str:
    """Column letters for a 1-based column number."""
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


def read_plan_xlsx(path: str | Path,
                   checklists: Mapping[str, frozenset[str]] | None = None) -> Plan:
    """Read and check a plan sheet; PlanSheetError names every bad cell, nothing is kept."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"Kan inte läsa filen {path.name}: {exc.strerror}") from exc
    if size > PLAN_FILE.max_file_bytes:
        raise UserError(f"Filen {path.name} är för stor för en internkontrollplan.")
    check_xlsx(path, PLAN_FILE)  # a zip bomb is refused before openpyxl inflates it
    from openpyxl import load_workbook  # imported here: startup time of the CLI

    with path.open("rb") as fh:  # our own handle: openpyxl may leave it open on failure
        try:
            wb = load_workbook(fh, read_only=True, data_only=True)
            try:
                rows_by_sheet = []
                for ws in wb.worksheets:
                    ws.reset_dimensions()  # every row, not only those the sheet declares
                    rows_by_sheet.append((ws.title, [list(r) for r in ws.iter_rows(
                        values_only=True)]))
            finally:
                wb.close()
        except UserError:
            raise
        except Exception as exc:  # the parser fails in many ways on a damaged file
            logger.warning("Planen gick inte att läsa som xlsx (%s)", type(exc).__name__)
            raise UserError(f"{path.name} kan inte läsas som en Excel-fil (.xlsx); filen är "
                            "skadad eller inte en Excel-arbetsbok.") from exc
    for title, rows in rows_by_sheet:
        _refuse_nul(title, rows)
    ordered = sorted(rows_by_sheet, key=lambda s: s[0] != "Plan")  # "Plan" first
    for title, rows in ordered:
        header = _header_row(rows)
        if header is not None:
            return _Sheet(title, rows, header, checklists).plan()
    raise UserError(f"{path.name} har inget blad med en internkontrollplan (en rad med "
                    "rubrikerna Id, Kontrollmoment, Checklista …).")


def _refuse_nul(title: str, rows: list[list[Any]]) -> None:
    for r, cells in enumerate(rows, start=1):
        for c, value in enumerate(cells, start=1):
            if has_nul(value):
                raise nul_error(f"Cellen '{title}'!{letter(c)}{r}")


def _label(value: Any) -> str:
    return " ".join(str(value).split()).casefold() if isinstance(value, str) else ""


def _header_row(rows: list[list[Any]]) -> int | None:
    """The 0-based index of the row holding the column labels, if there is one."""
    for n, cells in enumerate(rows[:HEADER_ROWS]):
        labels = {_label(v) for v in cells}
        if "id" in labels and labels & set(LABELS["title"]) and \
                labels & set(LABELS["checklist"]):
            return n
    return None


def _text(value: Any) -> str:
    """A cell as text: numbers without a needless .0, dates as ÅÅÅÅ-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "sant" if value else "falskt"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() \
            else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if text[:1] == "'" and text[1:2] in _FORMULA_START:  # as the export guards formulas
        text = text[1:]
    return text


def _year(value: Any) -> int | None:
    """A year cell: a whole number, or text of digits; None otherwise."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and \
            float(value).is_integer():
        return int(value)
    text = _text(value)
    return int(text) if text.isdecimal() and len(text) == 4 else None


class _Sheet:
    """One sheet's rows turned into a plan, collecting every problem with its cell."""

    def __init__(self, title: str, rows: list[list[Any]], header: int,
                 checklists: Mapping[str, frozenset[str]] | None) -> None:
        self.title = title
        self.rows = rows
        self.header = header
        self.checklists = checklists
        self.problems: list[str] = []
        self.columns: dict[str, int] = {}
        for c, value in enumerate(rows[header]):
            label = _label(value)
            for name, labels in LABELS.items():
                if label in labels and name not in self.columns:
                    self.columns[name] = c

    def at(self, row: int, name: str) -> str:
        return f"{letter(self.columns[name] + 1)}{row + 1}"

    def error(self, row: int, name: str, text: str) -> None:
        self.problems.append(f"Blad '{self.title}', cell {self.at(row, name)}: {text}")

    def cell(self, row: int, name: str) -> Any:
        c = self.columns.get(name)
        cells = self.rows[row]
        return None if c is None or c >= len(cells) else cells[c]

    def plan(self) -> Plan:
        missing = [label for name, label in REQUIRED.items() if name not in self.columns]
        if missing:
            raise PlanSheetError([f"Blad '{self.title}', rad {self.header + 1}: kolumnen "
                                  f"'{m}' saknas" for m in missing])
        unit, year = self._unit_year()
        controls: list[Control] = []
        seen: dict[str, int] = {}
        for row in range(self.header + 1, len(self.rows)):
            if all(_text(v) == "" for v in self.rows[row]):
                continue  # an empty row between controls
            control = self._control(row, seen)
            if control is not None:
                controls.append(control)
            if len(self.problems) >= MAX_PROBLEMS:
                break
        if not controls and not self.problems:
            self.problems.append(f"Blad '{self.title}': planen har inga kontrollmoment")
        if self.problems:
            raise PlanSheetError(self.problems[:MAX_PROBLEMS])
        assert unit is not None and year is not None
        return Plan(unit=unit, year=year, controls=tuple(controls))

    def _unit_year(self) -> tuple[str | None, int | None]:
        """From the title "Internkontrollplan ENHET ÅÅÅÅ", or from cells labelled Enhet, År."""
        unit: str | None = None
        year: int | None = None
        where = "A1"
        for r, cells in enumerate(self.rows[:self.header]):
            for c, value in enumerate(cells):
                found = TITLE.match(_text(value)) if isinstance(value, str) else None
                label = _label(value).rstrip(":")
                if found:
                    unit, year, where = found[1].strip(), int(found[2]), f"{letter(c + 1)}{r + 1}"
                elif label in ("enhet", "unit", "år", "year") and c + 1 < len(cells):
                    where = f"{letter(c + 2)}{r + 1}"
                    if label in ("enhet", "unit"):
                        unit = _text(cells[c + 1])
                    else:
                        year = _year(cells[c + 1])
        at = f"Blad '{self.title}', cell {where}"
        if not unit:
            self.problems.append(f"Blad '{self.title}', cell A1: enhet och år saknas; cellen "
                                 "ska lyda 'Internkontrollplan ENHET ÅÅÅÅ'")
        elif contains_personnummer(unit):
            self.problems.append(f"{at}: enheten innehåller något som liknar ett "
                                 "personnummer; personnummer får inte sparas")
        elif year is None or not 2000 <= year <= 2100:
            self.problems.append(f"{at}: året ska vara ett årtal 2000–2100")
        return unit, year

    def _control(self, row: int, seen: dict[str, int]) -> Control | None:
        before = len(self.problems)
        cid = _text(self.cell(row, "id"))
        if not cid:
            self.error(row, "id", "id saknas")
        elif not CONTROL_ID.match(cid):
            self.error(row, "id", f"id '{cid}' får bara innehålla a-z, 0-9, - och _ och "
                                  "börja med en bokstav")
        elif cid in seen:
            self.error(row, "id", f"kontrollmomentet '{cid}' finns redan på rad {seen[cid]}")
        else:
            seen[cid] = row + 1
        texts = {name: self._free_text(row, name) for name in TEXT_FIELDS}
        if not texts["title"]:
            self.error(row, "title", "kontrollmomentet saknar rubrik")
        checklist = _text(self.cell(row, "checklist"))
        known = None if self.checklists is None else self.checklists.get(checklist)
        if not checklist:
            self.error(row, "checklist", "checklista saknas")
        elif self.checklists is not None and known is None:
            self.error(row, "checklist", f"checklistan '{checklist}' finns inte; "
                       f"tillgängliga: {', '.join(sorted(self.checklists)) or 'inga'}")
        items = self._items(row, known)
        risk = [self._risk(row, name) for name in ("sannolikhet", "konsekvens")]
        method = self._method(row)
        periods = self._periods(row)
        s, k = risk
        if len(self.problems) > before or s is None or k is None or method is None:
            return None
        return Control(control_id=cid, checklist=checklist, method=method, periods=periods,
                       sannolikhet=s, konsekvens=k, items=items, **texts)

    def _free_text(self, row: int, name: str) -> str:
        text = _text(self.cell(row, name))
        if len(text) > MAX_TEXT:
            self.error(row, name, f"texten är för lång (högst {MAX_TEXT} tecken)")
        elif contains_personnummer(text):
            self.error(row, name, "texten innehåller något som liknar ett personnummer; "
                                  "personnummer får inte sparas")
        return text

    def _items(self, row: int, known: frozenset[str] | None) -> tuple[str, ...]:
        if "items" not in self.columns:
            return ()
        out: list[str] = []
        for item in (p.strip() for p in _SPLIT.split(_text(self.cell(row, "items")))):
            if not item:
                continue
            if known is not None and item not in known:
                self.error(row, "items", f"kontrollpunkten '{item}' finns inte i checklistan")
            elif item in out:
                self.error(row, "items", f"kontrollpunkten '{item}' står två gånger")
            else:
                out.append(item)
        return tuple(out)

    def _risk(self, row: int, name: str) -> int | None:
        value = self.cell(row, name)
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str) and value.strip().isdecimal():
            number = float(value.strip())
        if number is not None and number.is_integer() and int(number) in RISK_LEVELS:
            return int(number)
        what = "sannolikheten" if name == "sannolikhet" else "konsekvensen"
        self.error(row, name, f"{what} ska vara ett heltal 1–4, inte '{_text(value)}'")
        return None

    def _periods(self, row: int) -> tuple[Period, ...]:
        out: list[Period] = []
        parts = [p.strip() for p in _SPLIT.split(_text(self.cell(row, "periods")))]
        if not any(parts):
            self.error(row, "periods", "perioder saknas (T1, T2, T3)")
        for part in filter(None, parts):
            try:
                period = Period.parse(part)
            except ValueError as exc:
                self.error(row, "periods", str(exc))
                continue
            if period in out:
                self.error(row, "periods", f"perioden {period.value} står två gånger")
            else:
                out.append(period)
        return tuple(sorted(out))

    def _method(self, row: int) -> Method | None:
        text = _text(self.cell(row, "method"))
        method = parse_method(text)
        if method is None:
            self.error(row, "method", f"metoden '{text}' förstås inte; skriv t.ex. "
                       "'stickprov (95 % konfidens, tolerabel avvikelse 5 %)', 'fast urval "
                       "om 20 ärenden' eller 'totalgranskning'")
        elif method.kind is MethodKind.FIXED and not 1 <= (method.size or 0) <= MAX_SIZE:
            self.error(row, "method", f"ett fast urval ska vara 1–{MAX_SIZE} ärenden")
            return None
        elif method.kind is MethodKind.SAMPLE and not all(
                v is not None and math.isfinite(v) and 0 < v < 1
                for v in (method.confidence, method.tolerable)):
            self.error(row, "method", "konfidens och tolerabel avvikelse ska ligga mellan "
                                      "0 % och 100 %")
            return None
        return method


def _fraction(number: str, percent: str) -> float:
    value = float(number.replace(",", "."))
    return round(value / 100, 10) if percent or value >= 1 else value


def parse_method(text: str) -> Method | None:
    """The method as the sheet writes it (Method.text), or a short form of it: "stickprov
    95 % 5 %", "fast 20", "totalgranskning"; None when the text is none of these."""
    key = text.strip().casefold()
    numbers = _NUMBER.findall(key)
    if key.startswith(("stickprov", "sample")):
        if len(numbers) != 2:
            return None
        (c, cp), (t, tp) = numbers
        return Method(MethodKind.SAMPLE, confidence=_fraction(c, cp),
                      tolerable=_fraction(t, tp))
    if key.startswith(("fast", "fixed")):
        if len(numbers) != 1 or numbers[0][1] or not numbers[0][0].isdecimal():
            return None
        return Method(MethodKind.FIXED, size=int(numbers[0][0]))
    if key.startswith(("totalgranskning", "full", "alla", "all ")) and not numbers:
        return Method(MethodKind.FULL)
    return None
