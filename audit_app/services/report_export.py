"""Writing the results report (PDF, workbook, JSON) for the CLI and the results view."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.figures import Report
from audit_app.reports.json_report import write_json
from audit_app.reports.pdf import write_pdf
from audit_app.reports.xlsx import write_xlsx
from audit_app.services.figures import FigureService
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, Sample, SampleEntry

# The PDF's appendix lists a round's drawn cases up to this many; a department's sample
# of thousands is named by its size (the list is in the protocol file and the Excel file).
PDF_CASE_LIMIT = 150

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


class ReportExportService:
    """Computes the figures once and writes each requested file."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def write(self, request: ExportRequest, progress: Progress | None = None) -> Report:
        if not (request.pdf or request.xlsx or request.json):
            raise UserError("Ange minst en fil: --pdf, --xlsx eller --json.")
        ids = list(request.round_ids)
        say = progress or (lambda _text: None)
        figures = FigureService(self.db)
        say("Beräknar resultat …")
        report = figures.compute(ids, unit=request.unit, gender=request.gender)
        try:
            if request.json:
                say("Skriver JSON …")
                write_json(report, request.json, publication=request.publication)
            if request.xlsx:
                say("Skriver Excel-filen …")
                write_xlsx(report,
                           figures.data_rows(ids, unit=request.unit, gender=request.gender),
                           request.xlsx,
                           figures.checklist(ids), publication=request.publication,
                           progress=lambda n: say(f"Skriver Excel-filen … {n} rader"))
            if request.pdf:
                say("Skriver PDF …")
                write_pdf(report, request.pdf, publication=request.publication,
                          protocol=self.protocol(ids), author=self.actor,
                          progress=lambda k, n: say(f"Skriver PDF … {k} av {n}"))
        except OSError as exc:
            raise UserError(f"Kunde inte skriva filen: {exc}") from exc
        return report

    def protocol(self, round_ids: list[int]) -> list[str]:
        """The sampling protocol of each round as text lines, for the PDF appendix."""
        lines: list[str] = []
        service_cls = _sampling_service()
        for round_id in round_ids:
            if lines:
                lines.append("")
            if service_cls is not None:
                try:
                    lines += list(service_cls(self.db, self.actor).protocol(round_id)
                                  .lines(case_limit=PDF_CASE_LIMIT))
                except NotFoundError:  # no sample drawn yet for this round
                    lines += self._basic_protocol(round_id)
            else:
                lines += self._basic_protocol(round_id)
        return lines

    def _basic_protocol(self, round_id: int) -> list[str]:
        with self.db.session() as s:
            name = s.scalar(select(AuditRound.name).where(AuditRound.id == round_id))
            sample = s.scalar(select(Sample).where(Sample.round_id == round_id))
            if sample is None:
                return [f"{name}: inget stickprov draget."]
            refs = s.scalars(select(Case.case_ref).join(SampleEntry,
                                                        SampleEntry.case_id == Case.id)
                             .where(SampleEntry.sample_id == sample.id,
                                    SampleEntry.role == "sample",
                                    SampleEntry.excluded_reason.is_(None))
                             .order_by(SampleEntry.stratum, SampleEntry.position)).all()
            params = json.loads(sample.parameters or "{}")
            out = [f"Omgång: {name}",
                   f"Metod: {sample.method}", f"Frö: {sample.seed}",
                   f"Urval: {sample.size} av {sample.population} ärenden",
                   f"Ramfilens kontrollsumma (SHA-256): {sample.frame_sha256}",
                   f"Dragen av {sample.created_by} {sample.created_at:%Y-%m-%d %H:%M}"]
            if sample.source_files:
                out.append(f"Källfiler: {sample.source_files}")
            if params:
                out.append("Parametrar: " + json.dumps(params, ensure_ascii=False))
            if len(refs) > PDF_CASE_LIMIT:
                out.append(f"Dragna ärenden: {len(refs)}, förtecknade i Excel-exportens "
                           "blad Data.")
            else:
                out.append("Dragna ärenden: " + ", ".join(refs))
            return out


def _sampling_service() -> type | None:
    """The sampling service's protocol when that module exists (built alongside)."""
    try:
        module = importlib.import_module("audit_app.services.sampling")
    except ImportError:
        return None
    cls = getattr(module, "SamplingService", None)
    return cls if cls is not None and hasattr(cls, "protocol") else None
