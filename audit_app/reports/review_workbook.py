"""The review workbook: one row per sampled case, dropdowns, protected headers, instructions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from audit_app.domain.checklist import AnswerType, Checklist, ChecklistItem
from audit_app.reports.xlsx_text import texts_only

SHEET = "Granskning"
INSTRUCTIONS = "Instruktioner"
OPTIONS = "Svarsalternativ"
META = "_granska"
CASE_HEADER = "case"
UNIT_HEADER = "_enhet"
REVIEWER_HEADER = "_granskare"
DATE_HEADER = "_datum"
COMMENT_SUFFIX = "#kommentar"
THEMES_PREFIX = "_teman:"  # read-only: "_" columns are skipped when answers are imported
FIRST_ROW = 3  # row 1: machine ids (hidden), row 2: the questions

HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
CONDITIONAL_FILL = PatternFill("solid", fgColor="FFF2CC")
COMMENT_FILL = PatternFill("solid", fgColor="EEEEEE")


@dataclass(frozen=True)
class WorkbookCase:
    """A sampled case as the workbook lists it, with what is already recorded."""

    case_ref: str
    unit: str = ""
    answers: dict[str, str | None] = field(default_factory=dict)
    comments: dict[str, str] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)  # item id -> "Label | Label"


def answer_label(item: ChecklistItem, value: str | None) -> str | None:
    """The label shown for a stored value (the value itself for free answers)."""
    if value is None:
        return None
    option = item.answer.option(value)
    return option.label if option is not None else value


def write_review_workbook(path: Path, checklist: Checklist, round_name: str, round_uid: str,
                          content_hash: str, cases: list[WorkbookCase]) -> None:
    """Write the workbook a colleague without Granska can fill in."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    options_ws = wb.create_sheet(OPTIONS)
    _instructions(wb.create_sheet(INSTRUCTIONS), checklist, round_name)
    meta = wb.create_sheet(META)
    for r, (key, value) in enumerate((("format", "granska-review-workbook/1"),
                                      ("round_uid", round_uid), ("round_name", round_name),
                                      ("checklist", checklist.id),
                                      ("content_hash", content_hash)), start=1):
        meta.cell(r, 1, key)
        meta.cell(r, 2, value)
    meta.sheet_state = "hidden"

    ws.cell(1, 1, CASE_HEADER)
    ws.cell(2, 1, "Ärende")
    ws.cell(1, 2, UNIT_HEADER)
    ws.cell(2, 2, "Enhet")
    ws.cell(1, 3, REVIEWER_HEADER)
    ws.cell(2, 3, "Granskare")
    ws.cell(1, 4, DATE_HEADER)
    ws.cell(2, 4, "Granskningsdatum\n(ÅÅÅÅ-MM-DD)")
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 18
    ws.column_dimensions["D"].width = 14
    last_row = FIRST_ROW + max(len(cases), 1) - 1
    day = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                         error="Skriv granskningsdagen ÅÅÅÅ-MM-DD.", showErrorMessage=True)
    ws.add_data_validation(day)
    day.add(f"D{FIRST_ROW}:D{last_row}")
    col = 5
    option_col = 1
    for item in checklist.items:
        letter = get_column_letter(col)
        ws.cell(1, col, item.id)
        note = checklist.condition_text(item)
        header = ws.cell(2, col, item.question + (" *" if item.required else "")
                         + (f"\n({note})" if note else ""))
        help_text = "\n\n".join(t for t in (note, item.help, item.reference) if t)
        if help_text:
            header.comment = Comment(help_text, "Granska", width=320, height=160)
        header.fill = CONDITIONAL_FILL if note else HEADER_FILL
        ws.column_dimensions[letter].width = 22
        if item.answer.type.has_options:
            labels = [o.label for o in item.answer.options]
            olet = get_column_letter(option_col)
            options_ws.cell(1, option_col, item.id)
            for k, label in enumerate(labels, start=2):
                options_ws.cell(k, option_col, label)
            ref = f"{quote_sheetname(OPTIONS)}!${olet}$2:${olet}${len(labels) + 1}"
            dv = DataValidation(type="list", formula1=f"={ref}", allow_blank=True,
                                showErrorMessage=True, errorTitle="Ogiltigt svar",
                                error="Välj ett av svaren i listan: " + ", ".join(labels),
                                promptTitle="Svar", prompt=", ".join(labels))
            ws.add_data_validation(dv)
            dv.add(f"{letter}{FIRST_ROW}:{letter}{last_row}")
            option_col += 1
        elif item.answer.type is AnswerType.DATE:
            dv = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                                error="Skriv ett datum ÅÅÅÅ-MM-DD.", showErrorMessage=True)
            ws.add_data_validation(dv)
            dv.add(f"{letter}{FIRST_ROW}:{letter}{last_row}")
        col += 1
        if item.comment:
            ws.cell(1, col, item.id + COMMENT_SUFFIX)
            ws.cell(2, col, "Kommentar").fill = COMMENT_FILL
            ws.column_dimensions[get_column_letter(col)].width = 28
            col += 1
        if checklist.taggable(item):  # the texts' themes beside them, to read
            ws.cell(1, col, THEMES_PREFIX + item.id)
            theme_header = ws.cell(2, col, "Teman (visas bara)")
            theme_header.fill = COMMENT_FILL
            theme_header.comment = Comment(
                "Temana som texten är märkt med i Granska. Kolumnen läses inte in vid "
                "importen; märk texter med teman i Granska.", "Granska", width=320, height=100)
            ws.column_dimensions[get_column_letter(col)].width = 24
            col += 1
    for c in range(1, col):
        for r in (1, 2):
            cell = ws.cell(r, c)
            cell.font = Font(bold=(r == 2))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[1].hidden = True
    ws.row_dimensions[2].height = 120

    ids = [ws.cell(1, c).value for c in range(1, col)]
    for r, case in enumerate(cases, start=FIRST_ROW):
        ws.cell(r, 1, case.case_ref).font = Font(bold=True)
        ws.cell(r, 2, case.unit)
        for c in range(3, col):
            key = str(ids[c - 1])
            cell = ws.cell(r, c)
            if key.startswith(THEMES_PREFIX):  # stays locked: shown, never imported
                cell.value = case.themes.get(key[len(THEMES_PREFIX):]) or None
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                continue
            cell.protection = Protection(locked=False)
            if c == 4:
                cell.number_format = "yyyy-mm-dd"
            elif key.endswith(COMMENT_SUFFIX):
                cell.value = case.comments.get(key[: -len(COMMENT_SUFFIX)]) or None
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            elif checklist.has_item(key):
                cell.value = answer_label(checklist.item(key), case.answers.get(key))
    ws.freeze_panes = ws.cell(FIRST_ROW, 3)
    # Protection against accidental edits only: no password, answer cells unlocked.
    for sheet in (ws, options_ws):
        sheet.protection.sheet = True
        sheet.protection.formatColumns = False
        sheet.protection.formatRows = False
    options_ws.sheet_state = "hidden"
    wb.active = 0
    texts_only(wb)  # case refs, comments and questions are never formulas
    wb.save(path)


def _instructions(ws: object, checklist: Checklist, round_name: str) -> None:
    assert isinstance(ws, Worksheet)
    lines = [
        (f"Granskning: {round_name}", True),
        (f"Checklista: {checklist.title} (version {checklist.version})", False),
        ("", False),
        ("Så fyller du i arbetsboken", True),
        ("1. Gå till bladet ”Granskning”. Varje rad är ett ärende i stickprovet.", False),
        ("2. Välj svar i rullgardinslistan i varje frågekolumn (t.ex. Ja, Nej, Ej aktuellt).",
         False),
        ("   Du kan också skriva svaret; stora och små bokstäver spelar ingen roll.", False),
        ("3. Lämna cellen tom om du inte har svarat. En tom cell tar aldrig bort ett svar.",
         False),
        ("4. Gula rubriker: frågan besvaras bara om en tidigare fråga har ett visst svar "
         "(se rubrikens kommentar). Lämna den tom annars.", False),
        ("5. Frågor markerade med * är obligatoriska.", False),
        ("6. Skriv gärna en kommentar i kolumnen till höger om svaret.", False),
        ("7. Skriv ditt namn under Granskare och dagen du granskade ärendet under "
         "Granskningsdatum (ÅÅÅÅ-MM-DD). Granskningen räknas då som din, från den dagen.", False),
        ("", False),
        ("Sekretess", True),
        ("Skriv aldrig klienters namn eller personnummer – varken i svar eller kommentarer. "
         "Ärendet identifieras bara av ärendenumret i kolumn A.", False),
        ("Rader med personnummer stoppas vid importen och ingenting importeras.", False),
        ("", False),
        ("Ändra inte", True),
        ("Kolumn A (ärende), rubrikerna och bladens namn är skyddade mot ändringar av misstag.",
         False),
        ("Lägg inte till eller ta bort rader. Skicka tillbaka filen till den som gav dig den; "
         "den importeras med Granska (Importera svar).", False),
    ]
    for r, (text, bold) in enumerate(lines, start=1):
        cell = ws.cell(r, 1, text)
        cell.font = Font(bold=bold, size=13 if r == 1 else 11)
    ws.column_dimensions["A"].width = 110
    ws.protection.sheet = True
