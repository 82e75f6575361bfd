"""Importing case lists into a round's sampling frame, all or nothing, without duplicates."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from audit_app.domain.errors import NotFoundError, UserError
from audit_app.importers.caselist import (
    Cancelled,
    CaseListResult,
    CaseRow,
    MappedColumn,
    Problem,
    Progress,
    read_case_list,
)
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, CaseImport, Sample

CASE_FIELDS = ("unit", "team", "case_type", "gender", "birth_year", "age_band", "closing_date")


class CaseListProblemsError(UserError):
    """The file has problem rows and the user did not choose to import only the valid ones."""

    def __init__(self, problems: list[Problem], columns: list[MappedColumn]) -> None:
        super().__init__(
            f"Filen har {len(problems)} rad(er) med fel och importerades inte. Rätta raderna "
            "eller välj att importera bara de giltiga raderna.")
        self.problems = problems
        self.columns = columns


@dataclass(frozen=True)
class ImportResult:
    """What an import did (or, for a dry run, would do)."""

    file_name: str
    sha256: str
    columns: list[MappedColumn]
    added: int
    updated: int
    unchanged: int
    problems: list[Problem] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)
    import_id: int | None = None

    @property
    def skipped(self) -> int:
        return len({p.row for p in self.problems})


@dataclass(frozen=True)
class CaseInfo:
    """A case of the frame as lists show it."""

    id: int
    case_ref: str
    unit: str
    team: str
    case_type: str
    gender: str
    birth_year: int | None
    age_band: str
    closing_date: date | None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _values(row: CaseRow) -> dict[str, Any]:
    return {name: getattr(row, name) for name in CASE_FIELDS}


class CaseListService:
    """Case lists of a round: preview a file, import it into the frame, list the frame."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def preview(self, path: Path | str, mapping_overrides: dict[str, str] | None = None,
                progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> CaseListResult:
        """Read the file with the detected (or corrected) mapping; stores nothing."""
        return read_case_list(Path(path), mapping_overrides, progress, cancelled)

    def import_file(
        self,
        round_id: int,
        path: Path | str,
        mapping_overrides: dict[str, str] | None = None,
        accept_valid_rows: bool = False,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        dry_run: bool = False,
    ) -> ImportResult:
        """Add the file's cases to the round's frame; existing references are updated."""
        path = Path(path)
        with self.db.session() as session:
            self._check_round(session, round_id)
        result = read_case_list(path, mapping_overrides, progress, cancelled)
        if not result.has_case_ref:
            raise UserError("Välj vilken kolumn som innehåller ärendenummer.")
        if result.problems and not accept_valid_rows:
            raise CaseListProblemsError(result.problems, result.columns)
        if not result.rows:
            raise UserError(f"{path.name} innehåller inga giltiga ärenden.")
        sha = file_sha256(path)
        with self.db.session() as session:
            self._check_round(session, round_id)
            existing = {c.case_ref: c for c in session.execute(
                select(Case.id, Case.case_ref, *[getattr(Case, f) for f in CASE_FIELDS])
                .where(Case.round_id == round_id))}
            new = [r for r in result.rows if r.case_ref not in existing]
            changed: list[tuple[CaseRow, dict[str, tuple[Any, Any]]]] = []
            for row in result.rows:
                old = existing.get(row.case_ref)
                if old is None:
                    continue
                diff = {f: (getattr(old, f), v) for f, v in _values(row).items()
                        if getattr(old, f) != v}
                if diff:
                    changed.append((row, diff))
            outcome = ImportResult(
                file_name=path.name, sha256=sha, columns=result.columns, added=len(new),
                updated=len(changed), unchanged=len(result.rows) - len(new) - len(changed),
                problems=result.problems, footer_rows=result.footer_rows)
            if dry_run:
                return outcome
            record = CaseImport(round_id=round_id, file_name=path.name, sha256=sha,
                                rows=len(result.rows), imported_by=self.actor,
                                imported_at=datetime.now())
            session.add(record)
            session.flush()
            if new:
                session.execute(insert(Case), [
                    {"round_id": round_id, "case_ref": r.case_ref, "import_id": record.id,
                     **_values(r)} for r in new])
            if changed:
                session.execute(update(Case), [
                    {"id": existing[r.case_ref].id, "import_id": record.id, **_values(r)}
                    for r, _ in changed])
                for row, diff in changed:
                    for name, (before, after) in diff.items():
                        record_change(session, self.actor, "update", "case",
                                      existing[row.case_ref].id, round_id=round_id,
                                      case_ref=row.case_ref, field=name, old=before,
                                      new=after, reason=f"import av {path.name}")
            record_change(
                session, self.actor, "import", "case_import", record.id, round_id=round_id,
                new=(f"{path.name}: {outcome.added} nya, {outcome.updated} ändrade, "
                     f"{outcome.unchanged} oförändrade, {outcome.skipped} rader med fel "
                     "hoppades över"),
                reason=f"sha256 {sha}")
            return replace(outcome, import_id=record.id)

    def list_cases(self, round_id: int) -> list[CaseInfo]:
        """The round's sampling frame, ordered by case reference."""
        with self.db.session() as session:
            if session.get(AuditRound, round_id) is None:
                raise NotFoundError(f"Omgången {round_id} finns inte.")
            rows = session.execute(select(Case.id, Case.case_ref, *[
                getattr(Case, f) for f in CASE_FIELDS]).where(Case.round_id == round_id)
                .order_by(Case.case_ref)).all()
            return [CaseInfo(*r) for r in rows]

    def _check_round(self, session: Session, round_id: int) -> None:
        row = session.get(AuditRound, round_id)
        if row is None:
            raise NotFoundError(f"Omgången {round_id} finns inte.")
        if row.locked_at is not None:
            raise UserError(f"Omgången '{row.name}' är låst; ärenden kan inte läggas till.")
        if session.scalar(select(Sample.id).where(Sample.round_id == round_id)) is not None:
            raise UserError(f"Stickprovet för '{row.name}' är redan draget; urvalsramen kan "
                            "inte ändras efteråt. Skapa en ny omgång för en ny lista.")
