"""Versions of a checklist: those stored in the database, diffs, and importing a new one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.checklist import Checklist
from audit_app.domain.checklist_diff import TARGET, ChecklistDiff, ItemChange, diff_checklists
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.services.definitions import parse_definition, pin_definition
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, ChangeLog, ChecklistDefinition

CURRENT = "aktuell"  # names the library file new rounds use, in `diff`


@dataclass(frozen=True)
class ChecklistVersion:
    """One stored version of a checklist and the rounds answered against it."""

    definition_id: int
    version: str
    title: str
    content_hash: str
    created_at: datetime
    saved_by: str  # "" when not known
    rounds: tuple[str, ...]
    current: bool  # the same content as the file new rounds use


@dataclass(frozen=True)
class ImportPlan:
    """What importing a checklist would do, before anything is stored."""

    checklist: Checklist
    source: str
    unchanged: bool
    compared_with: str  # what the diff is against, in Swedish; "" when nothing to compare
    diff: ChecklistDiff | None
    warnings: tuple[str, ...] = field(default=())
    same_as: str = ""  # when unchanged: the version it equals, in Swedish

    @property
    def target_changes(self) -> tuple[ItemChange, ...]:
        """Items whose target (årsmål) differs from the version in use; these need a reason."""
        if self.unchanged or self.diff is None:
            return ()
        return tuple(c for c in self.diff.changed if c.what == TARGET)


@dataclass(frozen=True)
class TargetChange:
    """A logged change of an item's target, with its reason."""

    at: datetime
    actor: str
    item_id: str
    old: str
    new: str
    reason: str


class ChecklistVersionService:
    """Lists, compares and imports checklist versions; never changes a stored one."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str) -> None:
        self.db = db
        self.library = library
        self.actor = actor

    def _current_source(self, checklist_id: str) -> str | None:
        found, _ = self.library.scan()
        entry = found.get(checklist_id)
        return entry.source if entry is not None else None

    def versions(self, checklist_id: str) -> list[ChecklistVersion]:
        """The stored versions of a checklist, oldest first."""
        from audit_app.checklist_io.loader import content_hash

        current = self._current_source(checklist_id)
        current_hash = content_hash(current) if current is not None else ""
        out: list[ChecklistVersion] = []
        with self.db.session() as s:
            rows = s.scalars(select(ChecklistDefinition)
                             .where(ChecklistDefinition.checklist_key == checklist_id)
                             .order_by(ChecklistDefinition.created_at,
                                       ChecklistDefinition.id)).all()
            for d in rows:
                rounds = s.execute(select(AuditRound.name, AuditRound.created_by)
                                   .where(AuditRound.definition_id == d.id)
                                   .order_by(AuditRound.created_at)).all()
                saver = s.scalar(select(ChangeLog.actor).where(
                    ChangeLog.entity == "checklist", ChangeLog.entity_id == d.content_hash)
                    .order_by(ChangeLog.at).limit(1))
                if saver is None and rounds:
                    saver = rounds[0].created_by
                out.append(ChecklistVersion(
                    d.id, d.version, d.title, d.content_hash, d.created_at, saver or "",
                    tuple(r.name for r in rounds), d.content_hash == current_hash))
        if not out and current is None:
            raise NotFoundError(f"Checklistan '{checklist_id}' finns varken i biblioteket "
                                "eller i databasen.")
        return out

    def target_history(self, checklist_id: str) -> list[TargetChange]:
        """The logged target changes of a checklist's items with their reasons, oldest first."""
        with self.db.session() as s:
            rows = s.scalars(select(ChangeLog).where(
                ChangeLog.entity == "checklist_item", ChangeLog.field == TARGET,
                ChangeLog.entity_id.startswith(f"{checklist_id}/", autoescape=True))
                .order_by(ChangeLog.at, ChangeLog.id)).all()
            return [TargetChange(r.at, r.actor, r.entity_id.split("/", 1)[1], r.old or "",
                                 r.new or "", r.reason or "") for r in rows]

    def checklist(self, checklist_id: str, ref: str) -> Checklist:
        """A version by its version text, '#id', a content-hash prefix, or 'aktuell'."""
        return parse_definition(self.source(checklist_id, ref))

    def source(self, checklist_id: str, ref: str) -> str:
        """The YAML text of a version named as for `checklist`."""
        ref = ref.strip()
        if ref == CURRENT:
            source = self._current_source(checklist_id)
            if source is None:
                raise NotFoundError(f"Checklistan '{checklist_id}' finns inte i biblioteket.")
            return source
        with self.db.session() as s:
            rows = s.scalars(select(ChecklistDefinition).where(
                ChecklistDefinition.checklist_key == checklist_id)).all()
            if ref.startswith("#") and ref[1:].isdigit():
                hits = [d for d in rows if d.id == int(ref[1:])]
            else:
                hits = [d for d in rows if d.version == ref] or (
                    [d for d in rows if d.content_hash.startswith(ref.lower())]
                    if len(ref) >= 6 else [])
            if not hits:
                raise NotFoundError(f"Ingen lagrad version '{ref}' av '{checklist_id}'. Se "
                                    f"'audit-app checklist versions {checklist_id}'.")
            if len(hits) > 1:
                ids = ", ".join(f"#{d.id}" for d in hits)
                raise UserError(f"Flera lagrade versioner av '{checklist_id}' passar '{ref}' "
                                f"({ids}); ange en av dem med #.")
            return hits[0].source

    def diff(self, checklist_id: str, old: str, new: str) -> ChecklistDiff:
        """Items added, removed and changed from version `old` to version `new`."""
        return diff_checklists(self.checklist(checklist_id, old),
                               self.checklist(checklist_id, new))

    def plan_import(self, checklist: Checklist, source: str) -> ImportPlan:
        """Whether the checklist equals a stored version, and if not what it changes."""
        from audit_app.checklist_io.loader import content_hash

        digest = content_hash(source)
        with self.db.session() as s:
            stored = [(d.content_hash, d.source, d.version) for d in s.scalars(
                select(ChecklistDefinition).where(
                    ChecklistDefinition.checklist_key == checklist.id)
                .order_by(ChecklistDefinition.created_at, ChecklistDefinition.id))]
        current = self._current_source(checklist.id)
        candidates = stored + ([(content_hash(current), current, "")] if current else [])
        # equal content, or equal meaning written differently (e.g. a list of one condition)
        same = [v for h, src, v in candidates
                if h == digest or parse_definition(src) == checklist]
        unchanged = bool(same)
        same_as = "" if not same else f"lagrade version {same[0]}" if same[0] else \
            "checklistan som används för nya omgångar"
        clash = not unchanged and any(v == checklist.version and h != digest
                                      for h, _, v in stored)
        warnings = (f"Versionsnumret {checklist.version} finns redan lagrat med annat "
                    "innehåll; höj versionen så att versionerna går att skilja åt.",) \
            if clash else ()
        if current is not None:
            base, what = parse_definition(current), "checklistan som används för nya omgångar"
        elif stored:
            base, what = parse_definition(stored[-1][1]), f"lagrade version {stored[-1][2]}"
        else:
            return ImportPlan(checklist, source, unchanged, "", None, warnings, same_as)
        return ImportPlan(checklist, source, unchanged, what, diff_checklists(base, checklist),
                          warnings, same_as)

    def store_import(self, plan: ImportPlan, reason: str = "") -> Path | None:
        """Save a changed checklist for new rounds and store it as a version.

        A changed target needs a `reason`; it is logged with the item id, the old and the
        new target.

        The YAML goes to the user's checklist folder (overriding a bundled checklist with
        the same id); the definition is stored in the database with who saved it. Rounds
        already created keep the version they were created with. Returns the file written,
        or None when the checklist was unchanged.
        """
        if plan.unchanged:
            return None
        reason = reason.strip()
        if plan.target_changes and not reason:
            items = ", ".join(c.item_id for c in plan.target_changes)
            raise UserError(f"Årsmålet ändras för {items}. Ange ett skäl till ändringen; "
                            "det sparas i ändringsloggen.")
        folder = self.library.user_folder
        if folder is None:
            raise UserError("Det finns ingen mapp för egna checklistor.")
        found, _ = self.library.scan()
        entry = found.get(plan.checklist.id)
        path = entry.path if entry is not None and entry.path.parent == folder \
            else folder / f"{plan.checklist.id}.yaml"
        with self.db.session() as s:
            definition = pin_definition(s, plan.source)
            record_change(s, self.actor, "import", "checklist", definition.content_hash,
                          new=f"{plan.checklist.id} v{plan.checklist.version}")
            for change in plan.target_changes:
                record_change(s, self.actor, "update", "checklist_item",
                              f"{plan.checklist.id}/{change.item_id}", field=TARGET,
                              old=change.old, new=change.new, reason=reason)
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".yaml.tmp")
            tmp.write_text(plan.source, encoding="utf-8")
            tmp.replace(path)  # the file appears whole or not at all
        return path
