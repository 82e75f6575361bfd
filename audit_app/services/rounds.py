"""Creating, listing and finding audit rounds."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import ConflictError, UserError
from audit_app.domain.reviews import ReviewStatus
from audit_app.domain.rounds import Period, RoundSummary
from audit_app.services.definitions import pin_definition
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, ChecklistDefinition, Review, SampleEntry
from audit_app.storage.models import Sample as SampleRow
from audit_app.storage.queries import active_entry_filter, find_round


class RoundService:
    """Audit rounds: one checklist, one period, one sample."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str) -> None:
        self.db = db
        self.library = library
        self.actor = actor

    def create(self, name: str, checklist_id: str, year: int, period: str,
               unit: str = "") -> RoundSummary:
        """Create a round pinned to the checklist file's current content."""
        name = name.strip()
        if not name:
            raise UserError("Omgången behöver ett namn.")
        if not 2000 <= year <= 2100:
            raise UserError(f"Året {year} är orimligt; ange ett år som 2026.")
        try:
            tertial = Period.parse(period)
        except ValueError as exc:
            raise UserError(str(exc)) from exc
        source = self.library.get(checklist_id).source
        with self.db.session() as session:
            if session.scalar(select(AuditRound.id).where(AuditRound.name == name)):
                raise ConflictError(f"Det finns redan en omgång som heter '{name}'.")
            definition = pin_definition(session, source)
            row = AuditRound(
                uid=str(uuid.uuid4()), name=name, definition_id=definition.id, year=year,
                period=tertial.value, unit=unit.strip(), created_by=self.actor,
                created_at=datetime.now())
            session.add(row)
            session.flush()
            record_change(session, self.actor, "create", "round", row.uid, round_id=row.id,
                          new=f"{name} ({checklist_id} v{definition.version}, {year} "
                              f"{tertial.value}, {unit})")
            round_id = row.id
        return self.get(round_id)

    def lock(self, key: int | str) -> RoundSummary:
        """Sign the round off: reviews and answers become read-only."""
        with self.db.session() as session:
            row = find_round(session, key)
            if row.locked_at is not None:
                raise ConflictError(f"Omgången '{row.name}' är redan låst.")
            row.locked_at = datetime.now()
            row.locked_by = self.actor
            record_change(session, self.actor, "lock", "round", row.uid, round_id=row.id,
                          field="locked", old="olåst", new="låst")
            round_id = row.id
        return self.get(round_id)

    def unlock(self, key: int | str, reason: str) -> RoundSummary:
        """Open a locked round again; the reason is required and logged."""
        reason = reason.strip()
        if not reason:
            raise UserError("Ange varför omgången låses upp.")
        with self.db.session() as session:
            row = find_round(session, key)
            if row.locked_at is None:
                raise ConflictError(f"Omgången '{row.name}' är inte låst.")
            old = f"låst {row.locked_at:%Y-%m-%d %H:%M} av {row.locked_by}"
            row.locked_at = None
            row.locked_by = None
            record_change(session, self.actor, "unlock", "round", row.uid, round_id=row.id,
                          field="locked", old=old, new="olåst", reason=reason)
            round_id = row.id
        return self.get(round_id)

    def list(self) -> list[RoundSummary]:
        """Every round, newest first; the counts come from one grouped query each."""
        with self.db.session() as session:
            rows = session.scalars(select(AuditRound).order_by(
                AuditRound.year.desc(), AuditRound.period.desc(), AuditRound.name)).all()
            counts = self._counts(session, None)
            definitions = {d.id: d for d in session.scalars(select(ChecklistDefinition).where(
                ChecklistDefinition.id.in_({r.definition_id for r in rows})))}
            return [self._summary(session, r, counts, definitions[r.definition_id])
                    for r in rows]

    def get(self, key: int | str) -> RoundSummary:
        """A round by id, or by its exact name."""
        with self.db.session() as session:
            return self._summary(session, find_round(session, key))

    @staticmethod
    def _counts(session: Session, round_id: int | None) -> dict[str, dict[int, int]]:
        """Frame size, active sample and complete reviews per round (one round or all)."""
        def grouped(key: InstrumentedAttribute[int],
                    query: Select[int, int]) -> dict[int, int]:
            stmt = query.group_by(key)
            if round_id is not None:
                stmt = stmt.where(key == round_id)
            return {r: n for r, n in session.execute(stmt)}

        return {
            "frame": grouped(Case.round_id, select(Case.round_id, func.count(Case.id))),
            "sampled": grouped(SampleRow.round_id, select(
                SampleRow.round_id, func.count(SampleEntry.id)).join(SampleRow)
                .where(active_entry_filter())),
            "reviewed": grouped(Review.round_id, select(
                Review.round_id, func.count(Review.id))
                .where(Review.status == ReviewStatus.COMPLETE)),
        }

    def _summary(self, session: Session, row: AuditRound,
                 counts: dict[str, dict[int, int]] | None = None,
                 definition: ChecklistDefinition | None = None) -> RoundSummary:
        definition = definition or session.get(ChecklistDefinition, row.definition_id)
        assert definition is not None
        counts = counts or self._counts(session, row.id)
        frame = counts["frame"].get(row.id, 0)
        sampled = counts["sampled"].get(row.id, 0)
        reviewed = counts["reviewed"].get(row.id, 0)
        return RoundSummary(
            id=row.id, uid=row.uid, name=row.name, checklist_id=definition.checklist_key,
            checklist_title=definition.title, checklist_version=definition.version,
            definition_id=row.definition_id, year=row.year, period=row.period, unit=row.unit,
            created_by=row.created_by, created_at=row.created_at,
            locked=row.locked_at is not None, frame_size=frame, sampled=sampled,
            reviewed=reviewed)
