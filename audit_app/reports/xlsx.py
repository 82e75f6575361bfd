"""The results workbook: summary, breakdown, one row per case × item, the checklist."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from audit_app.domain.checklist import Checklist
from audit_app.domain.error_texts import translate_text
from audit_app.domain.figures import Figure, ItemFigures, Report
from audit_app.domain.gender import GENDER_LABELS, gender_label
from audit_app.domain.group_labels import group_label, kind_label
from audit_app.domain.i18n import answer_label, msg, verdict_word
from audit_app.reports.xlsx_data import PLACEHOLDER_ROW, DataTuple, splice, write_rows
from audit_app.reports.xlsx_text import append_fitted, as_text, header_written, text_row
from audit_app.reports.xlsx_texts import texts_sheet, texts_summary, themes_sheet

Progress = Callable[[int], None]
PCT = "0.0%"
DATE = "yyyy-mm-dd"
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE4EE")
VERDICT_FILLS = {"MET": "C8E6C9", "NOT_MET": "FFCDD2", "UNCLEAR": "FFF59D"}

SUMMARY_COLUMNS = (("Nr", 5), ("Kontrollpunkt", 60), ("Avsnitt", 24), ("Kritisk", 8),
                   ("Av dessa (villkor)", 26), ("Tillämpliga (n)", 14), ("Uppfyller (x)", 13),
                   ("Andel", 9), ("KI 95 % låg", 11), ("KI 95 % hög", 11), ("Mål", 8),
                   ("Bedömning", 20), ("Svar", 36))
BREAKDOWN_COLUMNS = (("Nr", 5), ("Kontrollpunkt", 50), ("Indelning", 14), ("Grupp", 24),
                     ("Tillämpliga (n)", 14), ("Uppfyller (x)", 13), ("Andel", 9),
                     ("KI 95 % låg", 11), ("KI 95 % hög", 11), ("Mål", 8), ("Bedömning", 20))
DATA_COLUMNS = (("Omgång", 22), ("Ärende", 14), ("Enhet", 20), ("Kön", 9),
                ("Kontrollpunkt-id", 24), ("Kontrollpunkt", 50), ("Svar", 12),
                ("Tillämplig", 10), ("Uppfyller (1/0)", 14), ("Kommentar", 50),
                ("Granskare", 16), ("Klar datum", 12))
AGREEMENT_COLUMNS = (("Nr", 5), ("Kontrollpunkt", 60), ("Fall (båda klara)", 14),
                     ("Lika svar", 10), ("Andel lika", 10), ("Kappa", 9), ("KI 95 % låg", 11),
                     ("KI 95 % hög", 11), ("Viktad", 8), ("Not", 40))
CHOSEN_COLUMNS = (("Nr", 5), ("Kontrollpunkt", 60), ("Tillämpliga (n)", 14),
                  ("Uppfyller (x)", 13), ("Andel", 9), ("KI 95 % låg", 11), ("KI 95 % hög", 11),
                  ("Mål", 8), ("Bedömning", 20))
CHECKLIST_COLUMNS = (("Avsnitt", 24), ("Id", 24), ("Fråga", 60), ("Svarstyp", 18),
                     ("Svarsalternativ", 36), ("Uppfyllt vid", 18), ("Gäller när", 26),
                     ("Obligatorisk", 12), ("Kritisk", 8), ("Mål", 8), ("Hänvisning", 30))


def write_xlsx(report: Report, rows: Iterable[DataTuple], path: Path,
               checklist: Checklist | None = None, *, publication: bool = False,
               progress: Progress | None = None, lang: str = "sv") -> int:
    """Write the workbook; returns the number of data rows.

    openpyxl (write-only) writes the formatted sheets; the long data sheet's rows, one per
    case and item (600,000 in a department's year), are streamed as sheet XML into the
    saved file, which keeps memory flat and takes seconds instead of a minute. The file is
    written beside path and moved into place when complete. With publication, figures on
    fewer than five cases show "<5" and the case-level data sheet is left out. Headings,
    sheet names and the program's own words are in lang; checklist content as written.
    """
    wb = Workbook(write_only=True)
    _summary(wb, report, publication, lang)
    _breakdown(wb, report, publication, lang)
    _agreement(wb, report, lang)
    _chosen(wb, report, publication, lang)
    data = None if publication else _data_sheet(wb, lang)
    if not publication:  # case references and texts stay out of a publication
        texts_sheet(wb, report, lang)
        if any(item.themes for item in report.items):
            themes_sheet(wb, report, lang)
    if checklist is not None:
        _checklist(wb, checklist, lang)
    partial = path.with_name(path.name + ".part")
    try:
        if data is None:
            wb.save(str(partial))
            written = 0
        else:
            saved = BytesIO()
            wb.save(saved)
            write = _data_writer(report, rows, data[1], progress, lang)
            written = splice(saved, data[0].path.lstrip("/"), partial, write,
                             get_column_letter(len(DATA_COLUMNS)))
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return written


def _sheet(wb: Workbook, title: str, columns: tuple[tuple[str, int], ...],
           lang: str = "sv") -> WriteOnlyWorksheet:
    ws: WriteOnlyWorksheet = wb.create_sheet(msg(title, lang))
    for k, (_, width) in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(k)].width = width
    ws.freeze_panes = "A2"
    head = []
    for name, _ in columns:
        cell = as_text(WriteOnlyCell(ws, msg(name, lang)))
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        head.append(cell)
    ws.append(head)
    header_written(ws)
    return ws


def _finish(ws: WriteOnlyWorksheet, columns: int, rows: int) -> None:
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{max(rows, 1) + 1}"


def _cell(ws: WriteOnlyWorksheet, value: Any, fmt: str | None = None,
          fill: str | None = None, wrap: bool = False) -> WriteOnlyCell:
    cell = as_text(WriteOnlyCell(ws, value))
    if fmt:
        cell.number_format = fmt
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill)
    if wrap:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def _figure_cells(ws: WriteOnlyWorksheet, fig: Figure, publication: bool,
                  lang: str) -> list[Any]:
    """n, x, rate, low, high, target, verdict."""
    target = _cell(ws, fig.target / 100 if fig.target is not None else None, PCT)
    if publication and fig.small:
        return ["<5", "<5", None, None, None, target, msg("Färre än 5 ärenden", lang)]
    if fig.n == 0:
        return [0, None, None, None, None, target, verdict_word(fig.verdict, lang)]
    return [fig.n, fig.x, _cell(ws, fig.rate, PCT), _cell(ws, fig.low, PCT),
            _cell(ws, fig.high, PCT), target,
            _cell(ws, verdict_word(fig.verdict, lang), fill=VERDICT_FILLS.get(fig.verdict.name))]


def _summary(wb: Workbook, report: Report, publication: bool, lang: str) -> None:
    ws = _sheet(wb, "Sammanfattning", SUMMARY_COLUMNS, lang)
    yes = msg("Ja", lang)
    for k, item in enumerate(report.items, start=1):
        masked = publication and item.total.small
        answers = "<5" if masked else texts_summary(item, lang) \
            if item.answer_type == "fritext" else ", ".join(
                f"{answer_label(item.label(v), lang)}: {c}" for v, c in item.total.counts.items())
        append_fitted(ws, [k, _cell(ws, item.question, wrap=True), item.section,
                      yes if item.critical else "", item.condition,
                      *_figure_cells(ws, item.total, publication, lang), answers])
    _finish(ws, len(SUMMARY_COLUMNS), len(report.items))
    info = wb.create_sheet(msg("Om rapporten", lang))
    info.column_dimensions["A"].width = 22
    info.column_dimensions["B"].width = 80
    units = msg(report.unit_text, lang) if report.unit_text == "Alla enheter" \
        else report.unit_text
    facts = [("Checklista", f"{report.checklist_title} ({report.checklist_id}, version "
                            f"{', '.join(report.checklist_versions)})"),
             ("Enhet", units), ("Period", report.period_text),
             ("Omgångar", ", ".join(r.name for r in report.rounds)),
             ("Granskade ärenden", report.reviews),
             ("Granskare", ", ".join(report.reviewers)),
             ("Datum", _cell(info, report.created, DATE)),
             ("Publicering", msg("Ja: figurer på färre än 5 ärenden visas som <5", lang)
              if publication else msg("Nej", lang))]
    if report.gender_filter:
        facts.append(("Kön", gender_label(report.gender_filter, lang, plural=True)))
    facts += [("Anmärkning", translate_text(note, lang)) for note in report.notes]
    for key, value in facts:
        info.append(text_row(info, [_cell(info, msg(key, lang)), value]))


def _groups(item: ItemFigures, lang: str) -> list[tuple[str, str, Figure]]:
    return [(kind_label(key.kind, lang), group_label(key, lang), fig)
            for key, fig in item.groups().items()]


def _breakdown(wb: Workbook, report: Report, publication: bool, lang: str) -> None:
    ws = _sheet(wb, "Uppdelning", BREAKDOWN_COLUMNS, lang)
    count = 0
    for k, item in enumerate(report.items, start=1):
        if not item.scored:
            continue
        for kind, label, fig in _groups(item, lang):
            ws.append(text_row(ws, [k, item.question, kind, label,
                                    *_figure_cells(ws, fig, publication, lang)]))
            count += 1
    _finish(ws, len(BREAKDOWN_COLUMNS), count)


def _agreement(wb: Workbook, report: Report, lang: str) -> None:
    """Double review per item: only when some item has double-reviewed cases."""
    items = [(k, i) for k, i in enumerate(report.items, start=1) if i.agreement is not None]
    if not items:
        return
    ws = _sheet(wb, "Överensstämmelse", AGREEMENT_COLUMNS, lang)
    for k, item in items:
        a = item.agreement
        assert a is not None
        append_fitted(ws, [k, _cell(ws, item.question, wrap=True), a.cases, a.agreeing,
                      _cell(ws, a.percent, PCT), _cell(ws, a.kappa, "0.00"),
                      _cell(ws, a.low, "0.00"), _cell(ws, a.high, "0.00"),
                      msg("Ja" if a.weighted else "Nej", lang), msg(a.note, lang)])
    _finish(ws, len(AGREEMENT_COLUMNS), len(items))


def _chosen(wb: Workbook, report: Report, publication: bool, lang: str) -> None:
    """The chosen cases' figures, apart from the random sample's."""
    items = [(k, i) for k, i in enumerate(report.items, start=1) if i.chosen is not None]
    if not items:
        return
    ws = _sheet(wb, "Valda ärenden", CHOSEN_COLUMNS, lang)
    for k, item in items:
        assert item.chosen is not None
        append_fitted(ws, [k, _cell(ws, item.question, wrap=True),
                      *_figure_cells(ws, item.chosen, publication, lang)])
    _finish(ws, len(CHOSEN_COLUMNS), len(items))


def _data_sheet(wb: Workbook, lang: str) -> tuple[WriteOnlyWorksheet, int]:
    """The data sheet with its header; its rows come in write_rows after saving. Returns
    the sheet and the style number of its date cells."""
    ws = _sheet(wb, "Data", DATA_COLUMNS, lang)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(DATA_COLUMNS))}{PLACEHOLDER_ROW}"
    return ws, _cell(ws, None, DATE).style_id


def _data_writer(report: Report, rows: Iterable[DataTuple], date_style: int,
                 progress: Progress | None, lang: str) -> Callable[[IO[bytes]], int]:
    items = {i.item_id: i for i in report.items}
    genders = {str(g): labels[0] for g, labels in GENDER_LABELS[lang].items()}
    yes_no = (msg("Ja", lang), msg("Nej", lang))

    def describe(item_id: str, value: str | None) -> tuple[str, str | None]:
        item = items.get(item_id)
        if item is None:
            return item_id, value
        return item.question, answer_label(item.label(value), lang) if value else value

    return lambda out: write_rows(out, rows, describe, genders, date_style, progress, yes_no)


def _checklist(wb: Workbook, checklist: Checklist, lang: str) -> None:
    ws = _sheet(wb, "Checklista", CHECKLIST_COLUMNS, lang)
    yes = msg("Ja", lang)
    count = 0
    for section in checklist.sections:
        for item in section.items:
            spec = item.answer
            condition = "; ".join(f"{c.item_id} = {' / '.join(sorted(c.values))}"
                                  for c in item.applies_when)
            options = ", ".join(f"{o.value} ({answer_label(o.label, lang)})"
                                for o in spec.options)
            append_fitted(ws, [
                section.title, item.id, _cell(ws, item.question, wrap=True), spec.type.value,
                options, ", ".join(sorted(spec.compliant)), condition,
                yes if item.required else "", yes if item.critical else "",
                _cell(ws, item.target / 100 if item.target is not None else None, PCT),
                item.reference])
            count += 1
    _finish(ws, len(CHECKLIST_COLUMNS), count)
