"""The PDF's plain-text building blocks: word wrap without Paragraphs, long line lists."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate

from audit_app.reports.pdf_parts import FONT, TextLines, register_fonts, wrap_text


def test_wrap_text_fits_width_keeps_words_and_breaks_long_ones() -> None:
    register_fonts()
    text = "Dokumentationen  saknas\ni akten " + "x" * 80 + " sedan 2026-03-01"
    lines = wrap_text(text, FONT, 8.5, 100)
    assert len(lines) > 3
    assert all(stringWidth(line, FONT, 8.5) <= 100 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert lines[0] == "Dokumentationen"  # runs of white space became single spaces
    assert wrap_text("", FONT, 8.5, 100) == ("",)


def test_text_lines_flow_over_pages_keeping_every_line(tmp_path: Path) -> None:
    register_fonts()
    lines = ["Ärenden i stickprovet (500):"] + [f"  {k}. 2026T1-{k:05d}" for k in range(1, 501)]
    lines.append("Dragna ärenden: " + ", ".join(f"2026-{k:04d}" for k in range(60)))
    path = tmp_path / "lines.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([TextLines(lines, FONT, 8, 10.5)])
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 7  # about 70 lines a page
    text = "\n".join(page.extract_text() for page in reader.pages)
    for k in (1, 250, 500):
        assert f"{k}. 2026T1-{k:05d}" in text
    assert "2026-0000" in text and "2026-0059" in text  # the long line wrapped, not cut
    assert text.count("2026T1-") == 500
