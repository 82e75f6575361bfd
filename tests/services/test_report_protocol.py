"""The report's sampling appendix copes with a round whose sample is not drawn yet."""

from __future__ import annotations

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.report_export import ReportExportService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database


def test_round_without_sample_gets_a_line_not_an_error(db: Database,
                                                       library: ChecklistLibrary) -> None:
    rnd = RoundService(db, library, "GL").create("Utan urval", "placerade-barn", 2026, "T1")
    lines = ReportExportService(db, "GL").protocol([rnd.id])
    assert lines == ["Utan urval: inget stickprov draget."]
