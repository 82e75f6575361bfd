"""Importing case lists into a round's sampling frame, all or nothing, without duplicates."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from itertools import repeat
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from audit_app.domain.errors import NotFoundError, UserError
from audit_app.importers.caselist import (
    Cancelled,
    CaseListResult,
    MappedColumn,
    Problem,
    Progress,
    read_case_list,
)
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, Case, CaseImport, Sample
from audit_app.storage.queries import find_round

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


_INSERT = (f'INSERT INTO "case" (round_id, case_ref, import_id, {", ".join(CASE_FIELDS)}) '
           f"VALUES ({', '.join('?' * (3 + len(CASE_FIELDS)))})")
# Rows per INSERT on SQLite: one statement stores this many cases (at most 8 parameters
# each, under SQLite's oldest limit of 999 parameters per statement).
ROWS_PER_INSERT = 100


def _insert_cases(session: Session, round_id: int, import_id: int, refs: list[str],
                  columns: list[list[Any]], which: Sequence[int]) -> None:
    """Insert the cases at positions `which` as plain rows on the session's connection: the
    ORM's bulk insert of 50,000 dictionaries costs several times the insert itself."""
    if len(which) != len(refs):
        refs = list(map(refs.__getitem__, which))
        columns = [list(map(column.__getitem__, which)) for column in columns]
    # This insert bypasses the session's flush-time personnummer guard (storage.text_guard):
    # every cell of the file was already checked by importers.caselist_guard when it was read.
    cursor = session.connection().connection.cursor()
    try:
        if session.get_bind().dialect.name == "postgresql":  # psycopg's placeholder is %s
            cursor.executemany(_INSERT.replace("?", "%s"), zip(
                repeat(round_id), refs, repeat(import_id), *columns))  # type: ignore[arg-type]
        else:
            _insert_sqlite(cursor, round_id, import_id, refs, columns)
    finally:
        cursor.close()


def _insert_sqlite(cursor: Any, round_id: int, import_id: int, refs: list[str],
                   columns: list[list[Any]]) -> None:
    """Many rows per INSERT, and what every row shares written into the statement.

    Binding parameters one row at a time was most of the insert: a statement of 100 rows
    binds the same values with a hundredth of the statements, and the round, the import and
    a column that is empty in every row (not in the file) are not bound at all.
    """
    names = ["round_id", "import_id", "case_ref"]
    shared = [str(int(round_id)), str(int(import_id))]
    bound: list[Sequence[Any]] = [refs]
    for name, column in zip(CASE_FIELDS, columns, strict=True):
        literal = _shared_literal(column)
        if literal is not None:
            names.insert(len(shared), name)
            shared.append(literal)
            continue
        if name == "closing_date":
            # Dates as SQLAlchemy's Date type stores them in SQLite (ISO text), each made once.
            iso: dict[Any, str | None] = {d: d.isoformat() for d in set(column) if d}
            iso[None] = None
            column = list(map(iso.__getitem__, column))
        names.append(name)
        bound.append(column)
    # Parameters numbered column by column (of 100 rows, ?1-?100 are the references, ?101-
    # ?200 the next column), so that a statement's parameters are slices of the columns.
    width = len(bound)

    def statement(rows: int) -> str:
        return f'INSERT INTO "case" ({", ".join(names)}) VALUES ' + ", ".join(
            f"({', '.join(shared + [f'?{c * rows + r + 1}' for c in range(width)])})"
            for r in range(rows))

    def parameters(start: int, stop: int) -> list[Any]:
        values: list[Any] = []
        for column in bound:
            values += column[start:stop]
        return values

    count = len(refs)
    whole = count - count % ROWS_PER_INSERT
    if whole:
        cursor.executemany(statement(ROWS_PER_INSERT), (
            parameters(k, k + ROWS_PER_INSERT) for k in range(0, whole, ROWS_PER_INSERT)))
    if whole < count:
        cursor.execute(statement(count - whole), parameters(whole, count))


def _shared_literal(column: list[Any]) -> str | None:
    """The SQL literal of a column empty in every row ('' or NULL throughout), else None."""
    first = column[0] if column else 0
    if (first != "" and first is not None) or column.count(first) != len(column):
        return None
    return "''" if first == "" else "NULL"


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
        if not result.row_count:
            raise UserError(f"{path.name} innehåller inga giltiga ärenden.")
        sha = file_sha256(path)
        table = result.table
        refs = table.values["case_ref"]
        columns = [table.values[f] for f in CASE_FIELDS]
        with self.db.session() as session:
            self._check_round(session, round_id)
            existing = {c.case_ref: c for c in session.execute(
                select(Case.id, Case.case_ref, *[getattr(Case, f) for f in CASE_FIELDS])
                .where(Case.round_id == round_id))}
            new = ([k for k, ref in enumerate(refs) if ref not in existing] if existing
                   else range(len(refs)))
            changed: list[tuple[str, dict[str, Any], dict[str, tuple[Any, Any]]]] = []
            for k in range(len(refs)) if existing else ():
                old = existing.get(refs[k])
                if old is None:
                    continue
                values = {f: column[k] for f, column in zip(CASE_FIELDS, columns, strict=True)}
                diff = {f: (getattr(old, f), v) for f, v in values.items()
                        if getattr(old, f) != v}
                if diff:
                    changed.append((refs[k], values, diff))
            outcome = ImportResult(
                file_name=path.name, sha256=sha, columns=result.columns, added=len(new),
                updated=len(changed), unchanged=len(refs) - len(new) - len(changed),
                problems=result.problems, footer_rows=result.footer_rows)
            if dry_run:
                return outcome
            record = CaseImport(round_id=round_id, file_name=path.name, sha256=sha,
                                rows=len(refs), imported_by=self.actor,
                                imported_at=datetime.now())
            session.add(record)
            session.flush()
            if new:
                _insert_cases(session, round_id, record.id, refs, columns, new)
            if changed:
                session.execute(update(Case), [
                    {"id": existing[ref].id, "import_id": record.id, **values}
                    for ref, values, _ in changed])
                for ref, _values, diff in changed:
                    for name, (before, after) in diff.items():
                        record_change(session, self.actor, "update", "case",
                                      existing[ref].id, round_id=round_id,
                                      case_ref=ref, field=name, old=before,
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
        row = find_round(session, round_id)
        if row.locked_at is not None:
            raise UserError(f"Omgången '{row.name}' är låst; ärenden kan inte läggas till.")
        if session.scalar(select(Sample.id).where(Sample.round_id == round_id)) is not None:
            raise UserError(f"Stickprovet för '{row.name}' är redan draget; urvalsramen kan "
                            "inte ändras efteråt. Skapa en ny omgång för en ny lista.")
