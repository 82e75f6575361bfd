"""Pinning checklist definitions by content hash and reading them back."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import NotFoundError
from audit_app.storage.db import Database
from audit_app.storage.models import ChecklistDefinition


@lru_cache(maxsize=64)
def parse_definition(source: str) -> Checklist:
    """The Checklist of a stored definition text (cached: definitions never change)."""
    from audit_app.checklist_io.loader import parse_checklist  # YAML: not at program start

    return parse_checklist(source, "<lagrad checklista>")


def pin_definition(session: Session, source: str) -> ChecklistDefinition:
    """The stored definition with this content, stored now if it is new."""
    from audit_app.checklist_io.loader import content_hash

    digest = content_hash(source)
    found = session.scalar(
        select(ChecklistDefinition).where(ChecklistDefinition.content_hash == digest))
    if found is not None:
        return found
    checklist = parse_definition(source)
    definition = ChecklistDefinition(
        checklist_key=checklist.id, version=checklist.version, title=checklist.title,
        content_hash=digest, source=source, created_at=datetime.now())
    session.add(definition)
    session.flush()
    return definition


class DefinitionService:
    """Reads the exact checklist a round or review was answered against."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def checklist(self, definition_id: int) -> Checklist:
        with self.db.session() as session:
            definition = session.get(ChecklistDefinition, definition_id)
            if definition is None:
                raise NotFoundError(f"Checklistdefinition {definition_id} finns inte.")
            return parse_definition(definition.source)

    def source(self, definition_id: int) -> str:
        with self.db.session() as session:
            definition = session.get(ChecklistDefinition, definition_id)
            if definition is None:
                raise NotFoundError(f"Checklistdefinition {definition_id} finns inte.")
            return definition.source
