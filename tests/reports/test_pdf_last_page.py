"""The summary PDF's last page never carries only an orphaned line or two, whatever its size."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.figures import Comment, Report
from audit_app.domain.sampling_protocol import RoundProtocol
from audit_app.reports.pdf import write_pdf
from audit_app.services.figures import FigureService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.figure_data import fill, placerade

FOOTER_LINES = 2  # the footer text and "Sida x av y"
MIN_LINES = 6


def content_lines(path: Path) -> list[int]:
    """Non-empty text lines per page, the footer not counted."""
    pages = PdfReader(str(path)).pages
    return [len([ln for ln in page.extract_text().splitlines() if ln.strip()]) - FOOTER_LINES
            for page in pages]


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Report:
    from audit_app.__main__ import checklist_library
    from audit_app.storage.db import open_database

    db: Database = open_database(tmp_path_factory.mktemp("db") / "g.sqlite3")
    try:
        library: ChecklistLibrary = checklist_library()
        rnd, cases = round_with_sample(db, library, 29)
        fill(db, rnd.id, cases, placerade, comments={0: ("vardplan", "Vårdplanen finns")})
        return FigureService(db).compute([rnd.id])
    finally:
        db.close()


def with_last_comments(report: Report, n: int, long_every: int = 0) -> Report:
    """The report with n comments on its last item (every long_every-th spanning lines)."""
    last = report.items[-1]
    text = "Vårdplanen saknas i akten trots placering sedan flera månader."
    comments = tuple(
        Comment(f"2026-{k:04d}", report.rounds[0].name, "nej",
                text * (4 if long_every and k % long_every == 0 else 1))
        for k in range(n))
    return replace(report, items=(*report.items[:-1], replace(last, comments=comments)))


@pytest.mark.parametrize("publication", [False, True])
def test_last_page_is_never_a_lone_tail(report: Report, tmp_path: Path,
                                        publication: bool) -> None:
    short_pages = []
    for n in range(0, 64, 3):
        path = tmp_path / f"r{n}.pdf"
        write_pdf(with_last_comments(report, n, long_every=5), path, publication=publication)
        counts = content_lines(path)
        assert len(counts) >= 3  # cover, summary, items
        if counts[-1] < MIN_LINES or counts[-2] < MIN_LINES:
            short_pages.append((n, counts))
    assert short_pages == []


def test_protocol_tail_keeps_lines_with_it(report: Report, tmp_path: Path) -> None:
    """The appendix starts a page of its own; its last page has enough of the protocol."""
    short = []
    for n in range(20, 260, 11):
        # n rounds without a sample: one appendix line each, as long as a long protocol
        protocol = [RoundProtocol(f"Omgång {k:03d}") for k in range(1, n + 1)]
        path = tmp_path / f"p{n}.pdf"
        write_pdf(with_last_comments(report, n % 40), path, protocol=protocol)
        counts = content_lines(path)
        text = PdfReader(str(path)).pages[-1].extract_text()
        assert f"Omgång {n:03d}: inget stickprov draget." in text  # nothing of it lost
        if counts[-1] < MIN_LINES or counts[-2] < MIN_LINES:
            short.append((n, counts))
    assert short == []


def test_without_protocol_the_note_shares_the_last_results_page(report: Report,
                                                                tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    write_pdf(report, path)
    last = PdfReader(str(path)).pages[-1].extract_text()
    assert "Bilaga: Urvalsprotokoll" in last and "Inget urvalsprotokoll" in last
    assert f"{len(report.items)}. {report.items[-1].question}" in last
