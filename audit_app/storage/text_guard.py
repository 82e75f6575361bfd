"""One personnummer guard where every route to the database meets: the session's flush."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import String, event, inspect
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, sessionmaker

from audit_app.domain.personnummer import PersonnummerError, contains_personnummer
from audit_app.storage.models import Base

# The only text columns left unguarded ("table.column": why). Each is made by the program
# from digests, random tokens or ids; none ever holds anything a person typed or a file held.
EXEMPT: dict[str, str] = {
    "audit_round.uid": "uuid4 made by the program",
    "review.uid": "uuid4 made by the program",
    "checklist_definition.content_hash": "sha256 of the checklist text",
    "case_import.sha256": "sha256 of the imported file",
    "sample.frame_sha256": "sha256 of the sampling frame",
    "sample_entry.rank_key": "sha256 of seed and case reference (thousands per draw)",
    "change_log.entity_id": "a row id or a uid (with an item id) made by the program",
}

# Lower-case hex tokens the program writes into guarded text ('frö <seed>', 'sha256 <hash>'):
# they are masked before the check so a random digest never reads as a personnummer. Only
# whole tokens of a digest's length with at least one letter; pure digit runs stay checked.
_DIGEST = re.compile(r"(?<![0-9A-Za-z])(?=[0-9]*[a-f])(?:[0-9a-f]{64}|[0-9a-f]{40}|"
                     r"[0-9a-f]{32}|[0-9a-f]{16})(?![0-9A-Za-z])")

_LABELS = {
    "case_ref": "ärendenummer", "unit": "enhet", "team": "grupp", "case_type": "ärendetyp",
    "name": "namn", "title": "titel", "source": "checklistans text", "comment": "kommentar",
    "value": "svar", "reason": "motivering", "excluded_reason": "motivering",
    "file_name": "filnamn", "source_files": "källfiler", "reviewer": "granskare",
    "actor": "användare", "created_by": "användare", "imported_by": "användare",
    "locked_by": "användare", "changed_by": "användare", "answered_by": "användare",
    "old": "gammalt värde", "new": "nytt värde", "stratum": "stratum",
    "parameters": "urvalsinställningar", "seed": "frö",
}


def field_label(table: str, column: str) -> str:
    """The field as the refusal names it (never its value)."""
    return _LABELS.get(column, f"{table}.{column}")


@lru_cache(maxsize=4096)
def _refused(value: str) -> bool:
    # Cached: units, teams, strata and names repeat across thousands of rows in one flush.
    return contains_personnummer(_DIGEST.sub("#", value))


def check_text(table: str, column: str, value: object) -> None:
    """PersonnummerError naming the field when `value` is text holding a personnummer."""
    # Shorter than ten characters cannot hold the ten digits of one.
    if isinstance(value, str) and len(value) >= 10 and f"{table}.{column}" not in EXEMPT:
        if _refused(value):
            raise PersonnummerError(field_label(table, column))


@cache
def guarded_keys(mapper: Mapper[Any]) -> tuple[tuple[str, str], ...]:
    """(attribute key, column name) of every guarded String/Text column of the mapper."""
    table = mapper.local_table.name  # type: ignore[attr-defined]
    keys = []
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if isinstance(column.type, String) and f"{table}.{column.name}" not in EXEMPT:
            keys.append((prop.key, column.name))
    return tuple(keys)


def _check_flush(session: Session, _context: object, _instances: object) -> None:
    for obj in session.new:  # what the new row was given (defaults are the program's own)
        state = inspect(obj)
        values = state.dict
        table = state.mapper.local_table.name
        for key, column in guarded_keys(state.mapper):
            check_text(table, column, values.get(key))
    for obj in session.dirty:
        state = inspect(obj)
        table = state.mapper.local_table.name
        for key, column in guarded_keys(state.mapper):
            for value in state.attrs[key].history.added:  # changed, never what was loaded
                check_text(table, column, value)


def _check_bulk(state: ORMExecuteState) -> None:
    """ORM bulk INSERT/UPDATE with parameter lists skip the flush: their values are checked
    here. (The case-list import's plain-cursor insert is guarded by caselist_guard instead.)"""
    if not (state.is_insert or state.is_update) or state.bind_mapper is None:
        return
    mapper = state.bind_mapper
    table = mapper.local_table.name  # type: ignore[attr-defined]
    params = state.parameters
    rows: Iterable[Mapping[str, Any]] = ([params] if isinstance(params, Mapping)
                                         else params or [])
    for row in rows:
        for key, column in guarded_keys(mapper):
            check_text(table, column, row.get(key))


def install(sessions: sessionmaker[Session]) -> None:
    """Guard every session the factory makes (the storage layer owns this so that no service,
    import, merge or demo can store text around it)."""
    event.listen(sessions, "before_flush", _check_flush)
    event.listen(sessions, "do_orm_execute", _check_bulk)


def text_columns() -> list[str]:
    """Every String/Text column of every table, as 'table.column'."""
    return [f"{t.name}.{c.name}" for t in Base.metadata.sorted_tables for c in t.columns
            if isinstance(c.type, String)]
