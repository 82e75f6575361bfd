"""The sampling protocol on its own as an A4 PDF, to file with the round or print."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from audit_app.domain.sampling_protocol import SampleProtocol
from audit_app.reports.pdf_parts import NumberedCanvas, TextLines, register_fonts, styles

RESERVE_LIMIT = 50  # per stratum; the rest follows from the seed and the frame
REPERFORM = (
    "Dragningen görs om så här: för varje ärendenummer i urvalsramen räknas "
    "HMAC-SHA256 med fröet som nyckel och ärendenumret (UTF-8) som meddelande. Ärendena "
    "sorteras stigande på det hexadecimala värdet (och ärendenumret vid lika). Vid "
    "stratifiering görs detta inom varje enhet. De första n är stickprovet och resten "
    "reservlistan i samma ordning. Urvalsramens SHA-256 räknas på de sorterade "
    "ärendenumren, vart och ett följt av en radbrytning (UTF-8); samma summa visar att "
    "listan är densamma. "
    "Kommandot 'audit-app sample verify OMGÅNG' gör om dragningen och jämför.")


def write_protocol_pdf(proto: SampleProtocol, path: Path, *, author: str = "") -> None:
    """Write the protocol: a plain explanation, the protocol itself, the reserve list and
    the details for whoever wants to re-perform the draw."""
    register_fonts()
    st = styles()
    title = f"Stickprovsprotokoll – {proto.round_name}"
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
        bottomMargin=20 * mm, title=title, author=author or proto.created_by,
        subject=f"Stickprov n = {proto.size} av N = {proto.population}", creator="Granska",
        lang="sv")
    mono = st["mono"]

    def lines(texts: list[str]) -> TextLines:
        return TextLines(texts, mono.fontName, mono.fontSize, mono.leading, mono.textColor)

    story: list[Any] = [
        _p(title, st["h1"]),
        _p("Så drogs stickprovet", st["h2"]),
        _p(proto.plain_explanation(), st["body"]),
        Spacer(1, 4 * mm),
        _p("Protokoll", st["h2"]),
        lines(proto.lines()[1:]),  # the first line is the title above
        _p("Reservlista", st["h2"]),
        lines(proto.reserve_lines(RESERVE_LIMIT)),
        _p("För den som vill göra om dragningen", st["h2"]),
        _p(REPERFORM, st["body"]),
    ]
    doc.build(story, canvasmaker=partial(_canvas, title))


def _canvas(footer: str, *args: Any, **kwargs: Any) -> NumberedCanvas:
    canvas = NumberedCanvas(*args, **kwargs)
    canvas.footer_left = footer
    return canvas


def _p(text: str, style: Any) -> Paragraph:
    return Paragraph(escape(text), style)
