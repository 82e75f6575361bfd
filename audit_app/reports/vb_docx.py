"""The VB chapter as a Word file (python-docx), to paste into the verksamhetsberättelse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from audit_app.domain.gender import Gender, gender_label
from audit_app.domain.plan import risk_matrix
from audit_app.domain.vb import VbChapter, VbControl
from audit_app.reports.vb_lang import drawn_text, lang_of, method_text, vb_texts
from audit_app.reports.vb_text import (
    HEAD_FILL,
    action_row,
    deviation_heading,
    period_columns,
    period_heads,
    result_cell,
    risk_colour,
)


def write_vb_docx(chapter: VbChapter, path: Path, lang: str = "sv") -> None:
    """Write the chapter to `path` (.docx) in Swedish or English."""
    lang = lang_of(lang)
    t = vb_texts(lang)
    title = t["title"].format(year=chapter.year, unit=chapter.unit)
    doc = Document()
    doc.styles["Normal"].font.size = Pt(10)
    page = doc.sections[0]  # A4 with 2 cm margins: 17 cm for the tables, as in the PDF
    page.page_width, page.page_height = Cm(21.0), Cm(29.7)
    page.left_margin = page.right_margin = Cm(2.0)
    doc.core_properties.title = title
    doc.core_properties.language = "en-GB" if lang == "en" else "sv-SE"
    doc.add_heading(title, level=1)
    created = t["created"].format(date=chapter.created.isoformat())
    doc.add_paragraph(f"{t['chapter']} {created}")
    doc.add_heading(t["plan"], level=2)
    rows = [[f"{c.title} ({c.control_id})", "\n".join(x for x in (c.rule, c.reference) if x),
             f"{c.sannolikhet} × {c.konsekvens} = {c.risk}", method_text(c.method, lang),
             ", ".join(p.value for p in c.periods), c.responsible]
            for c in chapter.plan.controls]
    _table(doc, [t["control"], t["rule"], t["risk"], t["method"], t["periods"],
                 t["responsible"]], rows, [3.9, 2.9, 1.8, 3.2, 2.2, 3.0])
    doc.add_heading(t["matrix"], level=2)
    _matrix(doc, chapter, t["matrix_corner"])
    for vc in chapter.controls:
        _control(doc, vc, chapter.year, lang)
    doc.save(str(path))


def _shade(cell: Any, colour: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    cell._tc.get_or_add_tcPr().append(shading)


def _table(doc: Any, head: list[str], rows: list[list[str]], widths: list[float]) -> Any:
    """A table with a shaded head row; widths in cm (the page's 17 cm in all)."""
    table = doc.add_table(rows=1, cols=len(head))
    table.style = "Table Grid"
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, head, strict=True):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
        _shade(cell, HEAD_FILL)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # LibreOffice reads the grid, Word each cell
        for cell in column.cells:
            cell.width = Cm(width)
    return table


def _matrix(doc: Any, chapter: VbChapter, corner: str) -> None:
    cells = risk_matrix(chapter.plan.controls)
    table = doc.add_table(rows=5, cols=5)
    table.style = "Table Grid"
    table.cell(0, 0).text = corner
    for k in range(1, 5):
        table.cell(0, k).text = str(k)
    for r, s in enumerate(range(4, 0, -1), start=1):
        table.cell(r, 0).text = str(s)
        for k in range(1, 5):
            cell = table.cell(r, k)
            cell.text = "\n".join(cells[(s, k)])
            _shade(cell, risk_colour(s * k))


def _control(doc: Any, vc: VbControl, year: int, lang: str) -> None:
    t = vb_texts(lang)
    c = vc.control
    doc.add_heading(c.title, level=2)
    rule = ", ".join(x for x in (c.rule, c.reference) if x) or "–"
    doc.add_paragraph(t["control_line"].format(rule=rule, risk=c.risk,
                                               responsible=c.responsible or "–"))
    if c.note:
        doc.add_paragraph(c.note)
    doc.add_heading(t["method"], level=3)
    doc.add_paragraph(method_text(c.method, lang).capitalize() + ".")
    _table(doc, ["Period", t["round"], "N", "n", t["reviewed"], t["drawn"]],
           [[s.period, "\n".join(s.rounds) or "–", str(s.population), str(s.size),
             str(s.reviewed), drawn_text(s, lang)] for s in vc.samples],
           [1.8, 3.4, 1.2, 1.2, 2.6, 6.8])
    if vc.items:
        doc.add_heading(t["results"], level=3)
        columns = period_columns(c)
        rows = [[item.question, "–" if item.target is None else f"{item.target:g} %"]
                + [result_cell(vc.figure(item, col, year), vc.last_year(item, col, year),
                               lang) for col in columns] for item in vc.items]
        _table(doc, [t["item"], t["target"], *period_heads(c, lang)], rows,
               [5.6, 1.8] + [9.6 / len(columns)] * len(columns))
        for item in vc.items:
            genders = [f"{gender_label(g.value, lang, plural=True)}: {f.x} {t['of']} {f.n}"
                       for g, f in item.genders.items()
                       if g.value in (Gender.GIRL, Gender.BOY) and f.n]
            if genders:
                doc.add_paragraph(f"{item.question} – {t['genders'].lower()}: "
                                  + "; ".join(genders))
    else:
        doc.add_paragraph(t["no_cases"])
    doc.add_heading(t["deviations"], level=3)
    if not vc.deviations:
        doc.add_paragraph(t["no_deviations"])
    for d in vc.deviations:
        doc.add_paragraph(deviation_heading(d, lang)).runs[0].bold = True
        doc.add_paragraph(f"{t['analysis']}: " + (d.analysis or t["no_analysis"]))
        if d.actions:
            _table(doc, [t["action"], t["responsible"], t["due"], t["status"], t["next"]],
                   [list(action_row(a, lang)) for a in d.actions], [4.4, 3.0, 2.6, 2.6, 4.4])
        else:
            doc.add_paragraph(t["no_actions"])
