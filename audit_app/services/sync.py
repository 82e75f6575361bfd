"""Syncing a laptop's database with the shared server: push its rounds, pull the granted ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from audit_app.domain.errors import UserError
from audit_app.services.answer_import import OURS, THEIRS, Conflict, Resolution
from audit_app.services.exchange import round_payload
from audit_app.services.exchange_merge import Merger, MergeReport
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound

LAPTOP, SERVER = "laptop", "server"
SOURCE = "synkronisering"
SyncKey = tuple[str, str, str, str]  # round name, case ref, item id, "answer" or "comment"
Keep = str | Mapping[SyncKey, str] | None  # one side for all, a side per difference, or none


def sync_key(round_name: str, conflict: Conflict) -> SyncKey:
    """The key a per-difference choice (LAPTOP or SERVER) is given under."""
    return (round_name, *conflict.key)


@dataclass
class SyncReport:
    """What a sync did: per direction the merges, the conflicts, and the rounds left alone."""

    pushed: list[MergeReport] = field(default_factory=list)
    pulled: list[MergeReport] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    conflicts: list[tuple[str, str, Conflict]] = field(default_factory=list)  # dir, round


class SyncConflictsError(UserError):
    """Answers differ between the laptop and the server: listed, nothing was written."""

    def __init__(self, conflicts: list[tuple[str, str, Conflict]]) -> None:
        self.conflicts = conflicts
        lines = [f"– {rnd}: ärende {c.case_ref}, {c.item_id} ({c.field}): på "
                 f"{'servern' if where == 'push' else 'datorn'} '{c.ours}', på "
                 f"{'datorn' if where == 'push' else 'servern'} '{c.theirs}'"
                 for where, rnd, c in conflicts]
        super().__init__(
            f"{len(conflicts)} svar skiljer sig mellan datorn och servern; ingenting "
            "synkroniserades. Välj --keep-server eller --keep-laptop:\n" + "\n".join(lines))


class _DryRun(Exception):
    """Rolls a planning merge back."""


def _payloads(db: Database) -> list[dict[str, Any]]:
    with db.session() as s:
        ids = s.scalars(select(AuditRound.id).order_by(AuditRound.id)).all()
        return [round_payload(s, rid) for rid in ids]


class SyncService:
    """Push every round of the laptop to the server, then pull every round the user's
    database role may see; merged by stable ids with the exchange file's rules."""

    def __init__(self, laptop: Database, server: Database, actor: str) -> None:
        self.laptop = laptop
        self.server = server
        self.actor = actor

    def sync(self, keep: Keep = None, dry_run: bool = False) -> SyncReport:
        """`keep` is LAPTOP or SERVER for differing answers, or a side per difference
        (keyed by sync_key); a difference left undecided refuses the sync
        (SyncConflictsError lists them, nothing is written). A dry run writes nothing."""
        plan = SyncReport()
        self._run(plan, keep, write=False)
        undecided = [(where, name, c) for where, name, c in plan.conflicts
                     if keep is None or not isinstance(keep, str)
                     and sync_key(name, c) not in keep]
        if undecided:
            raise SyncConflictsError(undecided)
        if dry_run:
            return plan
        report = SyncReport()
        self._run(report, keep, write=True)
        return report

    def _run(self, report: SyncReport, keep: Keep, write: bool) -> None:
        # the push first: the pull then reads the server with the laptop's work in it
        for payload in _payloads(self.laptop):
            self._merge(self.server, payload, "push", keep, write, report)
        for payload in _payloads(self.server):
            self._merge(self.laptop, payload, "pull", keep, write, report)

    def _merge(self, target: Database, payload: dict[str, Any], where: str, keep: Keep,
               write: bool, report: SyncReport) -> None:
        incoming = LAPTOP if where == "push" else SERVER
        name = str(payload["round"]["name"])
        resolution: Resolution
        if keep is None or isinstance(keep, str):
            resolution = None if keep is None else (THEIRS if keep == incoming else OURS)
        else:
            resolution = {key[1:]: THEIRS if side == incoming else OURS
                          for key, side in keep.items() if key[0] == name}
        try:
            merged = _merge_into(target, payload, self.actor, resolution, write)
        except UserError as exc:  # locked there, another checklist version, no permission
            way = "till servern" if where == "push" else "från servern"
            report.skipped.append(f"{name} ({way}): {exc}")
            return
        for conflict in merged.conflicts:
            if where == "pull" and any(c.key == conflict.key and r == name
                                       for _, r, c in report.conflicts):
                continue  # the same difference, already listed from the push
            report.conflicts.append((where, name, conflict))
        (report.pushed if where == "push" else report.pulled).append(merged)


def _merge_into(target: Database, payload: dict[str, Any], actor: str, resolution: Resolution,
                write: bool) -> MergeReport:
    report: MergeReport | None = None
    try:
        with target.session() as s:
            report = Merger(s, actor, SOURCE, resolution,
                            log_history_only=False).merge(payload)
            if not write or report.pending:
                raise _DryRun
    except _DryRun:
        pass
    assert report is not None
    return report

