"""Merging an exported round into this database by stable ids, inside the caller's session."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.errors import UserError
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.answer_import import THEIRS, Conflict, Resolution, choice
from audit_app.services.definitions import parse_definition, pin_definition
from audit_app.services.exchange_check import check_payload
from audit_app.services.exchange_file import ExchangeFileError, parse_date, parse_dt
from audit_app.storage.changelog import record_change
from audit_app.storage.models import (
    Answer,
    AuditRound,
    Case,
    CaseImport,
    ChangeLog,
    Review,
    Sample,
    SampleEntry,
)

CASE_FIELDS = ("unit", "team", "case_type", "gender", "birth_year", "age_band")
HISTORY = "importerad historik från"


@dataclass
class MergeReport:
    """What a merge added, what conflicted and how it was resolved, and what was kept as is."""

    round_id: int = 0
    round_name: str = ""
    created_round: bool = False
    added: Counter[str] = field(default_factory=Counter)
    conflicts: list[Conflict] = field(default_factory=list)
    pending: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.created_round or any(self.added.values())


def _log_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(k) for k in ("at", "actor", "action", "entity", "entity_id", "field",
                                      "old", "new"))


class Merger:
    """One merge of one payload; every change is logged with the file as the reason."""

    def __init__(self, s: Session, actor: str, file_name: str, resolution: Resolution, *,
                 log_history_only: bool = True) -> None:
        self.s = s
        # False for a sync: history rows alone do not make a "merge" entry, which the other
        # side would otherwise take in as new history, sync after sync
        self.log_history_only = log_history_only
        self.actor = actor
        self.file_name = file_name
        self.reason = f"sammanslagning från {file_name}"
        self.resolution = resolution
        self.report = MergeReport()

    def merge(self, payload: dict[str, Any]) -> MergeReport:
        from audit_app.checklist_io.loader import content_hash  # YAML: not at program start

        definition = payload.get("definition")
        if not isinstance(definition, dict) or not isinstance(definition.get("source"), str) \
                or content_hash(definition["source"]) != definition.get("content_hash"):
            raise ExchangeFileError("Checklistan i filen stämmer inte med sin kontrollsumma.")
        try:
            checklist = parse_definition(definition["source"])
        except UserError as exc:
            raise ExchangeFileError(f"Checklistan i {self.file_name} kan inte läsas.") from exc
        check_payload(payload, checklist, self.file_name)  # nothing is stored before this
        defn = pin_definition(self.s, definition["source"])
        rnd = self._round(payload["round"], defn.id, defn.content_hash)
        self.report.round_id, self.report.round_name = rnd.id, rnd.name
        cases = self._cases(rnd, payload)
        self._sample(rnd, payload.get("sample"), cases)
        self._reviews(rnd, payload["reviews"], cases)
        self._change_log(rnd, payload["change_log"])
        if self.report.changed and (self.log_history_only or self.report.created_round or any(
                v for k, v in self.report.added.items() if k != "change_log")):
            counts = ", ".join(f"{k}={v}" for k, v in sorted(self.report.added.items()) if v)
            record_change(self.s, self.actor, "merge", "round", rnd.uid, round_id=rnd.id,
                          field=self.file_name[:100], new=counts or "ny omgång", reason=self.reason)
        return self.report

    def _log(self, action: str, entity: str, entity_id: object, rnd_id: int, **kw: Any) -> None:
        record_change(self.s, self.actor, action, entity, entity_id, round_id=rnd_id,
                      reason=self.reason, **kw)

    # -- parts ------------------------------------------------------------------------------

    def _round(self, data: dict[str, Any], definition_id: int, digest: str) -> AuditRound:
        rnd = self.s.scalar(select(AuditRound).where(AuditRound.uid == data["uid"]))
        if rnd is not None:
            if rnd.locked_at is not None:
                raise UserError(f"Omgången '{rnd.name}' är låst här; ingenting slogs samman. "
                                "En låst omgång tar inte emot ändringar från andra datorer.")
            if rnd.definition_id != definition_id:
                raise UserError(f"Omgången '{rnd.name}' använder en annan checklistversion här "
                                "än i filen; den kan inte slås samman.")
            return rnd
        name = data["name"]
        if self.s.scalar(select(AuditRound.id).where(AuditRound.name == name)):
            name = f"{name} (importerad {datetime.now():%Y-%m-%d %H.%M})"
            self.report.notes.append(f"En annan omgång heter redan '{data['name']}'; den "
                                     f"importerade heter '{name}'.")
        rnd = AuditRound(uid=data["uid"], name=name, definition_id=definition_id,
                         year=int(data["year"]), period=data["period"], unit=data["unit"],
                         created_by=data["created_by"], created_at=parse_dt(data["created_at"]),
                         locked_at=parse_dt(data["locked_at"]), locked_by=data["locked_by"])
        self.s.add(rnd)
        self.s.flush()
        self.report.created_round = True
        record_change(self.s, self.actor, "import", "round", rnd.uid, round_id=rnd.id,
                      new=name, reason=self.reason)
        return rnd

    def _cases(self, rnd: AuditRound, payload: dict[str, Any]) -> dict[str, Case]:
        imports = {(i.sha256, i.file_name): i for i in self.s.scalars(
            select(CaseImport).where(CaseImport.round_id == rnd.id))}
        by_sha: dict[str, int] = {i.sha256: i.id for i in imports.values()}
        for data in payload["case_imports"]:
            if (data["sha256"], data["file_name"]) in imports:
                continue
            row = CaseImport(round_id=rnd.id, file_name=data["file_name"], sha256=data["sha256"],
                             rows=int(data["rows"]), imported_by=data["imported_by"],
                             imported_at=parse_dt(data["imported_at"]))
            self.s.add(row)
            self.s.flush()
            by_sha.setdefault(row.sha256, row.id)
            self.report.added["case_imports"] += 1
            self._log("import", "case_import", row.sha256, rnd.id, new=row.file_name)
        cases = {c.case_ref: c for c in self.s.scalars(select(Case).where(
            Case.round_id == rnd.id))}
        for data in payload["cases"]:
            ours = cases.get(data["case_ref"])
            if ours is not None:
                differs = [f for f in CASE_FIELDS if getattr(ours, f) != data[f]]
                if differs:
                    self.report.notes.append(
                        f"Ärendet {ours.case_ref}: uppgifterna ({', '.join(differs)}) skiljer "
                        "sig; uppgifterna här behålls.")
                continue
            case = Case(round_id=rnd.id, case_ref=data["case_ref"],
                        closing_date=parse_date(data["closing_date"]),
                        import_id=by_sha.get(data["import_sha256"] or ""),
                        **{f: data[f] for f in CASE_FIELDS})
            self.s.add(case)
            cases[case.case_ref] = case
            self.report.added["cases"] += 1
            self._log("create", "case", case.case_ref, rnd.id, case_ref=case.case_ref)
        self.s.flush()
        return cases

    def _sample(self, rnd: AuditRound, data: dict[str, Any] | None,
                cases: dict[str, Case]) -> None:
        if data is None:
            return
        sample = self.s.scalar(select(Sample).where(Sample.round_id == rnd.id))
        if sample is None:
            sample = Sample(round_id=rnd.id, method=data["method"], seed=data["seed"],
                            size=int(data["size"]), population=int(data["population"]),
                            frame_sha256=data["frame_sha256"], source_files=data["source_files"],
                            parameters=data["parameters"], created_by=data["created_by"],
                            created_at=parse_dt(data["created_at"]))
            self.s.add(sample)
            self.s.flush()
            self.report.added["sample"] += 1
            self._log("create", "sample", sample.seed, rnd.id, new=sample.method)
        elif (sample.seed, sample.frame_sha256) != (data["seed"], data["frame_sha256"]):
            raise UserError(f"Omgången '{rnd.name}' har ett annat stickprov här än i filen "
                            "(olika slumpfrö eller urvalsram); den kan inte slås samman.")
        ours = {e.case_id: e for e in self.s.scalars(
            select(SampleEntry).where(SampleEntry.sample_id == sample.id))}
        added: list[tuple[SampleEntry, str | None]] = []
        for e in data["entries"]:
            case = cases[e["case_ref"]]
            entry = ours.get(case.id)
            if entry is not None:
                if (entry.role, entry.excluded_reason) != (e["role"], e["excluded_reason"]):
                    self.report.notes.append(
                        f"Ärendet {case.case_ref}: stickprovsstatusen skiljer sig (här "
                        f"{entry.role}/{entry.excluded_reason or '–'}, i filen "
                        f"{e['role']}/{e['excluded_reason'] or '–'}); den här behålls.")
                continue
            entry = SampleEntry(sample_id=sample.id, case_id=case.id, position=int(e["position"]),
                                stratum=e["stratum"], rank_key=e["rank_key"], role=e["role"],
                                excluded_reason=e["excluded_reason"], changed_by=e["changed_by"],
                                changed_at=parse_dt(e["changed_at"]))
            self.s.add(entry)
            ours[case.id] = entry
            added.append((entry, e["replaces_case_ref"]))
            self.report.added["sample_entries"] += 1
            self._log("create", "sample_entry", case.case_ref, rnd.id, case_ref=case.case_ref,
                      field="role", new=entry.role)
        self.s.flush()
        for entry, replaces in added:
            if replaces:
                entry.replaces_id = ours[cases[replaces].id].id

    def _reviews(self, rnd: AuditRound, reviews: list[dict[str, Any]],
                 cases: dict[str, Case]) -> None:
        checklist = parse_definition(rnd.definition.source)
        for data in reviews:
            case = cases[data["case_ref"]]
            review = self.s.scalar(select(Review).where(Review.uid == data["uid"])) or \
                self.s.scalar(select(Review).where(Review.round_id == rnd.id,
                                                   Review.case_id == case.id))
            if review is not None and (review.round_id, review.case_id) != (rnd.id, case.id):
                raise ExchangeFileError("En granskning i filen hör till ett annat ärende här.")
            if review is None:
                review = Review(uid=data["uid"], round_id=rnd.id, case_id=case.id,
                                definition_id=rnd.definition_id, reviewer=data["reviewer"],
                                status=data["status"], created_at=parse_dt(data["created_at"]),
                                updated_at=parse_dt(data["updated_at"]),
                                completed_at=parse_dt(data["completed_at"]))
                self.s.add(review)
                self.s.flush()
                self.report.added["reviews"] += 1
                self._log("create", "review", review.uid, rnd.id, case_ref=case.case_ref,
                          field="status", new=review.status)
            status_before = review.status
            changed = self._answers(review, case.case_ref, data["answers"])
            if data["status"] == ReviewStatus.COMPLETE.value and \
                    review.status != ReviewStatus.COMPLETE.value:
                review.status = ReviewStatus.COMPLETE
                review.completed_at = parse_dt(data["completed_at"])
                self.report.added["completed"] += 1
                record_change(self.s, self.actor, "complete", "review", review.uid,
                              round_id=rnd.id, case_ref=case.case_ref, field="status",
                              old="draft", new="complete", reason=self.reason)
            if changed or review.status != status_before:
                review.bump()  # a form that read the review before the merge must not save
            if changed:
                answers = list(self.s.scalars(select(Answer).where(Answer.review_id == review.id)))
                result = checklist.evaluate({a.item_id: a.value for a in answers})
                for a in answers:
                    a.applicable, a.compliant = result.get(a.item_id, (False, None))

    def _answers(self, review: Review, case_ref: str, answers: list[dict[str, Any]]) -> bool:
        ours = {a.item_id: a for a in self.s.scalars(
            select(Answer).where(Answer.review_id == review.id))}
        changed = False
        for data in answers:
            answer = ours.get(data["item_id"])
            if answer is None:
                answer = Answer(review_id=review.id, item_id=data["item_id"], value=data["value"],
                                comment=data["comment"] or "", answered_by=data["answered_by"],
                                updated_at=parse_dt(data["updated_at"]))
                self.s.add(answer)
                self.report.added["answers"] += 1
                changed = True
                for fld, new in (("answer", answer.value), ("comment", answer.comment)):
                    if new:
                        self._log("create", fld, f"{review.uid}/{answer.item_id}",
                                  review.round_id, case_ref=case_ref, field=answer.item_id,
                                  new=new)
                continue
            for fld, attr in (("answer", "value"), ("comment", "comment")):
                mine, theirs = getattr(answer, attr) or None, data[attr] or None
                if theirs is None or mine == theirs:
                    continue
                if mine is not None:
                    conflict = Conflict(case_ref, answer.item_id, fld, mine, theirs)
                    self.report.conflicts.append(conflict)
                    decision = choice(self.resolution, conflict.key)
                    if decision is None:
                        self.report.pending.append(conflict)
                    if decision != THEIRS:
                        continue
                setattr(answer, attr, theirs)
                answer.version += 1  # a form showing the old answer must not overwrite it
                if fld == "answer":
                    answer.answered_by = data["answered_by"]
                answer.updated_at = parse_dt(data["updated_at"]) or datetime.now()
                self.report.added["answers_changed"] += 1
                changed = True
                record_change(self.s, self.actor, "update", fld,
                              f"{review.uid}/{answer.item_id}", round_id=review.round_id,
                              case_ref=case_ref, field=answer.item_id, old=mine, new=theirs,
                              reason=self.reason)
        if changed:
            self.s.flush()
        return changed

    def _change_log(self, rnd: AuditRound, rows: list[dict[str, Any]]) -> None:
        seen = {_log_key({"at": r.at.isoformat(), "actor": r.actor, "action": r.action,
                          "entity": r.entity, "entity_id": r.entity_id, "field": r.field,
                          "old": r.old, "new": r.new})
                for r in self.s.scalars(select(ChangeLog).where(ChangeLog.round_id == rnd.id))}
        for data in rows:
            key = _log_key(data)
            if key in seen:
                continue
            seen.add(key)
            reason = data["reason"] or ""
            if not reason.startswith(HISTORY):  # kept as history, marked as imported
                reason = f"{HISTORY} {self.file_name}" + (f": {reason}" if reason else "")
            self.s.add(ChangeLog(at=parse_dt(data["at"]), actor=data["actor"],
                                 action=data["action"], entity=data["entity"],
                                 entity_id=data["entity_id"], round_id=rnd.id,
                                 case_ref=data["case_ref"], field=data["field"],
                                 old=data["old"], new=data["new"], reason=reason))
            self.report.added["change_log"] += 1
