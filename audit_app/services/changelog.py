"""Reading the change log as plain records, filtered by round and case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog


@dataclass(frozen=True)
class ChangeRecord:
    """One logged change as shown to the user."""

    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    round_id: int | None
    case_ref: str | None
    field: str | None
    old: str | None
    new: str | None
    reason: str | None


class ChangeLogService:
    """Read-only queries on the append-only change log."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entries(self, round_id: int | None = None, case_ref: str | None = None,
                limit: int = 5000) -> list[ChangeRecord]:
        """Newest first; `case_ref` matches exactly when given."""
        query = select(ChangeLog).order_by(ChangeLog.at.desc(), ChangeLog.id.desc())
        if round_id is not None:
            query = query.where(ChangeLog.round_id == round_id)
        if case_ref:
            query = query.where(ChangeLog.case_ref == case_ref.strip())
        with self.db.session() as s:
            return [ChangeRecord(r.at, r.actor, r.action, r.entity, r.entity_id, r.round_id,
                                 r.case_ref, r.field, r.old, r.new, r.reason)
                    for r in s.scalars(query.limit(limit))]

    def case_refs(self, round_id: int | None = None) -> list[str]:
        """Case references that occur in the log (for the filter)."""
        query = select(ChangeLog.case_ref).where(ChangeLog.case_ref.is_not(None)).distinct()
        if round_id is not None:
            query = query.where(ChangeLog.round_id == round_id)
        with self.db.session() as s:
            return sorted(r for r in s.scalars(query) if r)
