"""Writing the results report (PDF, workbook, JSON) for the CLI and the results view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.figures import Report
from audit_app.domain.sampling_protocol import RoundProtocol
from audit_app.reports.json_report import write_json
from audit_app.reports.pdf import write_pdf
from audit_app.reports.xlsx import write_xlsx
from audit_app.services.figures import FigureService
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ExportRequest:
    """What to write: any of pdf, xlsx, json; the filters apply to all of them."""

    round_ids: tuple[int, ...]
    pdf: Path | None = None
    xlsx: Path | None = None
    json: Path | None = None
    publication: bool = False
    unit: str | None = None
    gender: str | None = None
    lang: str = "sv"  # the language of the PDF's and workbook's headings and labels


class ReportExportService:
    """Writes the requested files from a report: one computed here, or the one a view shows."""

    def __init__(self, db: Database, actor: str, figures: FigureService | None = None) -> None:
        self.db = db
        self.actor = actor
        self.figures = figures or FigureService(db)

    def write(self, request: ExportRequest, progress: Progress | None = None) -> Report:
        """Compute the figures once and write each requested file."""
        if not (request.pdf or request.xlsx or request.json):
            raise UserError("Ange minst en fil: --pdf, --xlsx eller --json.")
        say = progress or (lambda _text: None)
        say("Beräknar resultat …")
        report = self.figures.compute(list(request.round_ids), unit=request.unit,
                                      gender=request.gender)
        self.write_report(report, request, say)
        return report

    def write_report(self, report: Report, request: ExportRequest,
                     progress: Progress | None = None) -> None:
        """Write the files of a computed report as it is; the request's rounds and filters
        are not used for the figures (the report's own are, for the data sheet)."""
        if not (request.pdf or request.xlsx or request.json):
            raise UserError("Ange minst en fil: --pdf, --xlsx eller --json.")
        say = progress or (lambda _text: None)
        ids = [r.id for r in report.rounds]
        unit, gender = report.unit_filter, report.gender_filter
        try:
            if request.json:
                say("Skriver JSON …")
                write_json(report, request.json, publication=request.publication,
                           lang=request.lang)
            if request.xlsx:
                say("Skriver Excel-filen …")
                write_xlsx(report, self.figures.data_rows(ids, unit=unit, gender=gender),
                           request.xlsx, self.figures.checklist(ids),
                           publication=request.publication,
                           progress=lambda n: say(f"Skriver Excel-filen … {n} rader"),
                           lang=request.lang)
            if request.pdf:
                say("Skriver PDF …")
                write_pdf(report, request.pdf, publication=request.publication,
                          protocol=self.protocols(ids), author=self.actor,
                          progress=lambda k, n: say(f"Skriver PDF … {k} av {n}"),
                          lang=request.lang)
        except OSError as exc:
            raise UserError(f"Kunde inte skriva filen: {exc}") from exc

    def protocols(self, round_ids: list[int]) -> list[RoundProtocol]:
        """The sampling protocol of each round, for the PDF appendix."""
        sampling = SamplingService(self.db, self.actor)
        out = []
        for round_id in round_ids:
            try:
                proto = sampling.protocol(round_id)
                out.append(RoundProtocol(proto.round_name, proto))
            except NotFoundError:  # no sample drawn yet for this round
                out.append(RoundProtocol(self._round_name(round_id)))
        return out

    def _round_name(self, round_id: int) -> str:
        with self.db.session() as s:
            return s.scalar(select(AuditRound.name).where(AuditRound.id == round_id)) or ""
