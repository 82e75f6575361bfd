"""The PDF's plain-text building blocks: word wrap without Paragraphs, long line lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import SimpleDocTemplate

from audit_app.reports.pdf_parts import FONT, TextLines, TextRows, register_fonts, wrap_text


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


def test_text_rows_split_between_rows_and_continue_a_tall_row(tmp_path: Path) -> None:
    register_fonts()
    style = ParagraphStyle("cell", fontName=FONT, fontSize=8.5, leading=11)
    rows: list[tuple[tuple[str, ...], ...]] = [
        ((f"2026-{k:04d}",), ("Ej", "aktuellt"), ("Dokumentationen saknas",)) for k in range(200)]
    tall = tuple(f"rad {k}" for k in range(120))  # one comment longer than a page
    rows.insert(100, (("2026-9999",), ("Nej",), tall))
    table = TextRows(rows, (90.0, 50.0, 330.0), style, colors.grey)
    assert table.wrap(480, 700)[1] == pytest.approx(200 * (2 * 11 + 6) + 120 * 11 + 6)
    first, rest = table.split(480, 100)
    assert isinstance(first, TextRows) and len(first.rows) == 3  # 3 rows of 28 pt fit
    assert isinstance(rest, TextRows) and rest.continued and len(rest.rows) == 198
    path = tmp_path / "rows.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build([table])
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert text.count("Dokumentationen saknas") == 200
    assert "rad 0" in text and "rad 119" in text and "2026-0199" in text
