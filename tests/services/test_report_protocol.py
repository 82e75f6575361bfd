"""The report's sampling appendix copes with a round whose sample is not drawn yet."""

from __future__ import annotations

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.sampling_protocol import RoundProtocol
from audit_app.reports.protocol_text import appendix_lines
from audit_app.services.report_export import ReportExportService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from tests.factories import round_with_sample


def test_round_without_sample_gets_a_line_not_an_error(db: Database,
                                                       library: ChecklistLibrary) -> None:
    rnd = RoundService(db, library, "GL").create("Utan urval", "placerade-barn", 2026, "T1")
    entries = ReportExportService(db, "GL").protocols([rnd.id])
    assert entries == [RoundProtocol("Utan urval", None)]
    assert appendix_lines(entries) == ["Utan urval: inget stickprov draget."]
    assert appendix_lines(entries, "en") == ["Utan urval: no sample drawn."]


def test_drawn_sample_is_passed_as_a_protocol_and_rendered_per_language(
        db: Database, library: ChecklistLibrary) -> None:
    summary, _ = round_with_sample(db, library, 6, name="Med urval")
    (entry,) = ReportExportService(db, "GL").protocols([summary.id])
    assert entry.protocol is not None and entry.round_name == "Med urval"
    assert appendix_lines([entry])[0] == "Stickprovsprotokoll – Med urval"
    english = appendix_lines([entry], "en")
    assert english[0] == "Sampling protocol – Med urval"
    assert f"Cases in the sample ({len(entry.protocol.sampled_refs)}):" in english
