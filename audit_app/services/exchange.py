"""Exchanging a whole round between installations: export to a .granska file, merge it back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.errors import NotFoundError
from audit_app.services.answer_import import ConflictsPendingError, Resolution
from audit_app.services.exchange_file import (
    ExchangeFileError,
    check_new_passphrase,
    iso,
    read_exchange,
    write_exchange,
)
from audit_app.services.exchange_merge import Merger, MergeReport
from audit_app.storage.db import Database
from audit_app.storage.models import (
    Answer,
    AuditRound,
    Case,
    CaseImport,
    ChangeLog,
    ChecklistDefinition,
    Review,
    Sample,
    SampleEntry,
)


class _DryRun(Exception):
    """Raised inside the session to roll a dry run back."""


class ExchangeService:
    """Export a round to one file and merge such files by stable ids."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor

    def export_round(self, round_id: int, path: Path, *, passphrase: str) -> dict[str, int]:
        """Write the round, encrypted with passphrase (min. 8 characters); counts per part."""
        check_new_passphrase(passphrase)
        with self.db.session() as s:
            payload = round_payload(s, round_id)
        write_exchange(path, payload, self.actor, passphrase)
        return {"cases": len(payload["cases"]), "reviews": len(payload["reviews"]),
                "answers": sum(len(r["answers"]) for r in payload["reviews"]),
                "change_log": len(payload["change_log"])}

    def inspect(self, path: Path, *, passphrase: str) -> dict[str, Any]:
        """The verified manifest of an exchange file."""
        manifest, _ = read_exchange(path, passphrase)
        return manifest

    def import_round(self, path: Path, resolution: Resolution = None, *, passphrase: str,
                     dry_run: bool = False) -> MergeReport:
        """Merge a round file: new things added, identical kept, differing answers resolved.

        Undecided conflicts raise ConflictsPendingError (nothing stored); a dry run reports
        what would happen, conflicts included, and stores nothing.
        """
        _, payload = read_exchange(path, passphrase)
        report: MergeReport | None = None
        try:
            with self.db.session() as s:
                try:
                    report = Merger(s, self.actor, path.name, resolution).merge(payload)
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    raise ExchangeFileError(
                        f"Filen {path.name} har ett oväntat innehåll och kan inte läsas in."
                    ) from exc
                if dry_run:
                    raise _DryRun
                if report.pending:
                    raise ConflictsPendingError(report.pending)
        except _DryRun:
            pass
        assert report is not None
        return report


def round_payload(s: Session, round_id: int) -> dict[str, Any]:
    """Everything about one round as plain JSON-able data keyed by stable ids."""
    rnd = s.get(AuditRound, round_id)
    if rnd is None:
        raise NotFoundError(f"Omgång {round_id} finns inte.")
    definition = s.get(ChecklistDefinition, rnd.definition_id)
    assert definition is not None
    imports = s.scalars(select(CaseImport).where(CaseImport.round_id == round_id)
                        .order_by(CaseImport.id)).all()
    import_sha = {i.id: i.sha256 for i in imports}
    cases = s.scalars(select(Case).where(Case.round_id == round_id).order_by(Case.id)).all()
    ref = {c.id: c.case_ref for c in cases}
    sample = s.scalar(select(Sample).where(Sample.round_id == round_id))
    sample_data: dict[str, Any] | None = None
    if sample is not None:
        entries = s.scalars(select(SampleEntry).where(SampleEntry.sample_id == sample.id)
                            .order_by(SampleEntry.id)).all()
        entry_ref = {e.id: ref[e.case_id] for e in entries}
        sample_data = {
            "method": sample.method, "seed": sample.seed, "size": sample.size,
            "population": sample.population, "frame_sha256": sample.frame_sha256,
            "source_files": sample.source_files, "parameters": sample.parameters,
            "created_by": sample.created_by, "created_at": iso(sample.created_at),
            "entries": [{
                "case_ref": ref[e.case_id], "position": e.position, "stratum": e.stratum,
                "rank_key": e.rank_key, "role": e.role, "excluded_reason": e.excluded_reason,
                "replaces_case_ref": entry_ref.get(e.replaces_id) if e.replaces_id else None,
                "changed_by": e.changed_by, "changed_at": iso(e.changed_at)}
                for e in entries],
        }
    reviews = s.scalars(select(Review).where(Review.round_id == round_id)
                        .order_by(Review.id)).all()
    answers: dict[int, list[Answer]] = {}
    for a in s.scalars(select(Answer).join(Review).where(Review.round_id == round_id)
                       .order_by(Answer.id)):
        answers.setdefault(a.review_id, []).append(a)
    log = s.scalars(select(ChangeLog).where(ChangeLog.round_id == round_id)
                    .order_by(ChangeLog.id)).all()
    return {
        "definition": {"content_hash": definition.content_hash, "source": definition.source},
        "round": {"uid": rnd.uid, "name": rnd.name, "year": rnd.year, "period": rnd.period,
                  "unit": rnd.unit, "created_by": rnd.created_by,
                  "created_at": iso(rnd.created_at), "locked_at": iso(rnd.locked_at),
                  "locked_by": rnd.locked_by},
        "case_imports": [{"file_name": i.file_name, "sha256": i.sha256, "rows": i.rows,
                          "imported_by": i.imported_by, "imported_at": iso(i.imported_at)}
                         for i in imports],
        "cases": [{"case_ref": c.case_ref, "unit": c.unit, "team": c.team,
                   "case_type": c.case_type, "gender": c.gender, "birth_year": c.birth_year,
                   "age_band": c.age_band, "closing_date": iso(c.closing_date),
                   "import_sha256": import_sha.get(c.import_id) if c.import_id else None}
                  for c in cases],
        "sample": sample_data,
        "reviews": [{
            "uid": r.uid, "case_ref": ref[r.case_id], "reviewer": r.reviewer,
            "status": r.status, "created_at": iso(r.created_at), "updated_at": iso(r.updated_at),
            "completed_at": iso(r.completed_at),
            "answers": [{"item_id": a.item_id, "value": a.value, "comment": a.comment,
                         "answered_by": a.answered_by, "updated_at": iso(a.updated_at)}
                        for a in answers.get(r.id, [])]} for r in reviews],
        "change_log": [{"at": iso(c.at), "actor": c.actor, "action": c.action,
                        "entity": c.entity, "entity_id": c.entity_id, "case_ref": c.case_ref,
                        "field": c.field, "old": c.old, "new": c.new, "reason": c.reason}
                       for c in log],
    }
