"""The VB chapter as a Word file (python-docx), to paste into the verksamhetsberättelse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from audit_app.domain.gender import Gender, gender_label
from audit_app.domain.plan import risk_matrix
from audit_app.domain.vb import VbChapter, VbControl
from audit_app.reports.vb_text import (
    HEAD_FILL,
    action_row,
    deviation_heading,
    period_columns,
    result_cell,
    risk_colour,
)


def write_vb_docx(chapter: VbChapter, path: Path) -> None:
    """Write the chapter to `path` (.docx)."""
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = f"Internkontroll {chapter.year} – {chapter.unit}"
    doc.core_properties.language = "sv-SE"
    doc.add_heading(f"Internkontroll {chapter.year} – {chapter.unit}", level=1)
    doc.add_paragraph(f"Underlag skapat {chapter.created.isoformat()} i Granska.")
    doc.add_heading("Internkontrollplan", level=2)
    rows = [[f"{c.title} ({c.control_id})", "\n".join(t for t in (c.rule, c.reference) if t),
             f"{c.sannolikhet} × {c.konsekvens} = {c.risk}", c.method.text(),
             ", ".join(p.value for p in c.periods), c.responsible]
            for c in chapter.plan.controls]
    _table(doc, ["Kontrollmoment", "Regel / riktlinje", "Risk", "Metod", "Perioder",
                 "Ansvarig"], rows)
    doc.add_heading("Riskmatris (sannolikhet × konsekvens)", level=2)
    _matrix(doc, chapter)
    for vc in chapter.controls:
        _control(doc, vc, chapter.year)
    doc.save(str(path))


def _shade(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc: Any, head: list[str], rows: list[list[str]]) -> Any:
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, HEAD_FILL)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    return table


def _matrix(doc: Any, chapter: VbChapter) -> None:
    cells = risk_matrix(chapter.plan.controls)
    table = doc.add_table(rows=5, cols=5)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Sannolikhet \\ konsekvens"
    for k in range(1, 5):
        table.cell(0, k).text = str(k)
    for r, s in enumerate(range(4, 0, -1), start=1):
        table.cell(r, 0).text = str(s)
        for k in range(1, 5):
            cell = table.cell(r, k)
            cell.text = "\n".join(cells[(s, k)])
            _shade(cell, risk_colour(s * k))


def _control(doc: Any, vc: VbControl, year: int) -> None:
    c = vc.control
    doc.add_heading(c.title, level=2)
    rule = ", ".join(t for t in (c.rule, c.reference) if t) or "–"
    doc.add_paragraph(f"{rule} · risk {c.risk} · ansvarig: {c.responsible or '–'}")
    if c.note:
        doc.add_paragraph(c.note)
    doc.add_heading("Metod", level=3)
    doc.add_paragraph(c.method.text().capitalize() + ".")
    _table(doc, ["Period", "Omgång", "N", "n", "Granskade", "Hur urvalet drogs"],
           [[s.period, "\n".join(s.rounds) or "–", str(s.population), str(s.size),
             str(s.reviewed), s.drawn] for s in vc.samples])
    if vc.items:
        doc.add_heading("Resultat (föregående år inom parentes)", level=3)
        columns = period_columns(c)
        rows = [[item.question, "–" if item.target is None else f"{item.target:g} %"]
                + [result_cell(vc.figure(item, col, year), vc.last_year(item, col, year))
                   for col in columns] for item in vc.items]
        _table(doc, ["Kontrollpunkt", "Mål", *columns], rows)
        for item in vc.items:
            genders = [f"{gender_label(g.value, plural=True)}: {f.x} av {f.n}"
                       for g, f in item.genders.items()
                       if g.value in (Gender.GIRL, Gender.BOY) and f.n]
            if genders:
                doc.add_paragraph(f"{item.question} – flickor och pojkar under året: "
                                  + "; ".join(genders))
    else:
        doc.add_paragraph("Inga granskade ärenden ännu.")
    doc.add_heading("Avvikelser, analys och åtgärder", level=3)
    if not vc.deviations:
        doc.add_paragraph("Inga avvikelser.")
    for d in vc.deviations:
        doc.add_paragraph(deviation_heading(d)).runs[0].bold = True
        doc.add_paragraph("Analys: " + (d.analysis or "ingen analys skriven ännu."))
        if d.actions:
            _table(doc, ["Åtgärd", "Ansvarig", "Klart senast", "Status", "Nästa period"],
                   [list(action_row(a)) for a in d.actions])
        else:
            doc.add_paragraph("Inga åtgärder beslutade.")
