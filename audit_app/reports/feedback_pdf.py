"""The one-page feedback sheet (återkoppling) for one reviewed case, as an A4 PDF."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from audit_app.domain.feedback import FeedbackSheet
from audit_app.reports.pdf_parts import GRID, MUTED, NumberedCanvas, register_fonts, styles

MARGIN = 16 * mm
INTRO = ("Underlag för återkopplingssamtalet med handläggaren. Bladet visar frågorna i "
         "granskningen, svaren och kommentarerna för detta ärende. Det är ingen bedömning "
         "av handläggaren och innehåller inga poäng.")


def write_feedback_pdf(sheet: FeedbackSheet, path: Path) -> None:
    """Write the sheet on one page: a long checklist is shrunk to fit, never continued."""
    register_fonts()
    st = styles()
    title = f"Återkoppling – ärende {sheet.case_ref}"
    width, height = A4
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=MARGIN, bottomMargin=MARGIN + 4 * mm, title=title,
                            author="Granska", subject="Återkoppling av aktgranskning",
                            creator="Granska", lang="sv")
    reviewed = sheet.reviewed.isoformat() if sheet.reviewed else "–"
    facts = (f"Omgång: {sheet.round_name} · Checklista: "
             f"{sheet.checklist_title}, version {sheet.checklist_version} · Granskad: {reviewed}")
    inner = width - 2 * MARGIN
    content: list[Any] = [_p(title, st["h1"]), _p(facts, st["small"]), Spacer(1, 2 * mm),
                          _p(INTRO, st["body"]), Spacer(1, 3 * mm), _table(sheet, st, inner),
                          _p("Anteckningar från samtalet", st["h2"]), _notes(inner - 12)]
    frame_height = height - 2 * MARGIN - 4 * mm - 14  # the frame's own padding
    doc.build([KeepInFrame(inner - 12, frame_height, content, mode="shrink")],
              canvasmaker=partial(_canvas, f"Granska – {title}"))


def _table(sheet: FeedbackSheet, st: dict[str, Any], inner: float) -> Table:
    cell, bold = st["cell"], st["cellb"]
    data: list[list[Any]] = [[_p("Fråga", bold), _p("Svar", bold), _p("Kommentar", bold)]]
    spans: list[int] = []
    section = None
    for row in sheet.rows:
        if row.section != section:
            section = row.section
            spans.append(len(data))
            data.append([_p(section, bold), "", ""])
        data.append([_p(row.question, cell), _p(row.answer, cell), _p(row.comment, cell)])
    widths = (inner * 0.42, inner * 0.22, inner * 0.36 - 12)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
             ("TEXTCOLOR", (0, 0), (-1, 0), MUTED)]
    for k in spans:
        style += [("SPAN", (0, k), (-1, k)), ("TOPPADDING", (0, k), (-1, k), 7)]
    table.setStyle(TableStyle(style))
    return table


def _notes(width: float, lines: int = 6) -> Table:
    """Empty ruled lines to write on during the conversation."""
    table = Table([[""]] * lines, colWidths=(width,), rowHeights=8 * mm, hAlign="LEFT")
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID)]))
    return table


def _canvas(footer: str, *args: Any, **kwargs: Any) -> NumberedCanvas:
    canvas = NumberedCanvas(*args, **kwargs)
    canvas.footer_left = footer
    return canvas


def _p(text: str, style: Any) -> Paragraph:
    """A paragraph keeping the text's own line breaks."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)
