"""The VB chapter of a unit's year: built from the plan, its rounds, deviations and actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.figures import ItemFigures
from audit_app.domain.vb import DrawnSample, VbChapter, VbControl
from audit_app.services.deviations import DeviationService
from audit_app.services.figures import FigureService
from audit_app.services.plan_status import ControlPeriod, YearService, control_items
from audit_app.storage.db import Database
from audit_app.storage.models import Sample


@dataclass(frozen=True)
class VbFiles:
    """Which files of the chapter to write."""

    pdf: Path | None = None
    docx: Path | None = None
    json: Path | None = None
    lang: str = "sv"  # the PDF and Word files' fixed texts: "sv" or "en"


class VbService:
    """Builds the chapter and writes it as PDF, Word and JSON."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str) -> None:
        self.db = db
        self.library = library
        self.actor = actor

    def build(self, unit: str, year: int, today: date | None = None) -> VbChapter:
        """Every control of the plan with its samples, figures and deviations."""
        years = YearService(self.db, self.library, self.actor)
        plan, periods = years.control_periods(unit, year)
        deviations = DeviationService(self.db, self.library, self.actor).deviations(
            unit, year, today)
        controls = []
        for control in plan.controls:
            mine = [cp for cp in periods if cp.control.control_id == control.control_id]
            round_ids = [r.id for cp in mine for r in cp.rounds]
            items: tuple[ItemFigures, ...] = ()
            if round_ids:
                report = FigureService(self.db).compute(round_ids)
                items = tuple(control_items(control, report))
            controls.append(VbControl(
                control=control, samples=tuple(self._samples(cp) for cp in mine),
                items=items,
                deviations=tuple(d for d in deviations if d.control_id == control.control_id)))
        return VbChapter(plan=plan, controls=tuple(controls), created=today or date.today())

    def _samples(self, cp: ControlPeriod) -> DrawnSample:
        ids = [r.id for r in cp.rounds]
        with self.db.session() as s:
            rows = list(s.scalars(select(Sample).where(Sample.round_id.in_(ids)))) if ids \
                else []
            methods = tuple(dict.fromkeys(r.method for r in rows))
            population = sum(r.population for r in rows)
            size = sum(r.size for r in rows)
        return DrawnSample(period=cp.period.value, rounds=tuple(r.name for r in cp.rounds),
                           population=population, size=size, reviewed=cp.reviewed,
                           methods=methods)

    def export(self, unit: str, year: int, files: VbFiles,
               today: date | None = None) -> VbChapter:
        """Write the asked-for files of the chapter."""
        chapter = self.build(unit, year, today)
        try:
            if files.json:
                from audit_app.reports.vb_json import write_vb_json
                write_vb_json(chapter, files.json)
            if files.pdf:
                from audit_app.reports.vb_pdf import write_vb_pdf
                write_vb_pdf(chapter, files.pdf, author=self.actor, lang=files.lang)
            if files.docx:
                from audit_app.reports.vb_docx import write_vb_docx
                write_vb_docx(chapter, files.docx, lang=files.lang)
        except OSError as exc:
            raise UserError(f"Kan inte skriva filen: {exc.strerror} ({exc.filename})") from exc
        return chapter

