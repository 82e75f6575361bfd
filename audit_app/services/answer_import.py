"""Importing answers from a review workbook or a long CSV/XLSX file: all or nothing, logged."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import NotFoundError, UserError
from audit_app.domain.personnummer import contains_personnummer
from audit_app.domain.reviews import ReviewStatus, check_free_text, normalise_answer
from audit_app.importers.answer_files import AnswerCell, AnswerFile, read_answer_file
from audit_app.services.answer_themes import ThemePlan, apply_themes, plan_themes
from audit_app.services.definitions import parse_definition
from audit_app.services.reviews import ReviewService
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import Answer, AuditRound, Case, ChecklistDefinition, Review

MAX_REVIEWER = 200  # Review.reviewer and Answer.answered_by

OURS = "ours"
THEIRS = "theirs"
ConflictKey = tuple[str, str, str]  # case ref, item id, "answer" or "comment"
Resolution = str | Mapping[ConflictKey, str] | None

PN_MESSAGE = "texten ser ut att innehålla ett personnummer och importeras inte"


@dataclass(frozen=True)
class Conflict:
    """A value in the file that differs from the one already recorded."""

    case_ref: str
    item_id: str
    field: str  # "answer" or "comment"
    ours: str
    theirs: str
    where: str = ""

    @property
    def key(self) -> ConflictKey:
        return (self.case_ref, self.item_id, self.field)

    def __str__(self) -> str:
        what = "svar" if self.field == "answer" else "kommentar"
        return f"{self.case_ref} / {self.item_id} ({what}): {self.ours!r} → {self.theirs!r}"


@dataclass(frozen=True)
class Change:
    case_id: int
    case_ref: str
    item_id: str
    field: str
    old: str | None
    new: str


@dataclass
class ImportPlan:
    """What an import would do: problems (nothing imported if any), conflicts and changes."""

    file_kind: str = ""
    problems: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)  # case refs marked complete
    unchanged: int = 0
    unsampled: list[str] = field(default_factory=list)  # case refs not in the sample
    reviewers: dict[str, str] = field(default_factory=dict)  # case ref -> reviewer in the file
    dates: dict[str, date] = field(default_factory=dict)  # case ref -> review date in the file
    themes: ThemePlan = field(default_factory=dict)  # texts tagged from the themes column
    retagged: int = 0  # texts whose tags the import changed


class ImportProblemsError(UserError):
    """The file has problems; every one is listed with its cell or line, nothing imported."""

    def __init__(self, problems: list[str], unsampled: list[str] | None = None) -> None:
        self.problems = problems
        self.unsampled = unsampled or []  # cases outside the sample, which could be skipped
        super().__init__("Ingenting importerades. Rätta följande och försök igen:\n"
                         + "\n".join(f"– {p}" for p in problems))


class ConflictsPendingError(UserError):
    """Recorded answers differ from the file; the user must choose which to keep."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = conflicts
        super().__init__(
            f"{len(conflicts)} svar i filen skiljer sig från redan registrerade svar "
            "(registrerat → filen). Välj att behålla våra eller ta filens:\n"
            + "\n".join(f"– {c}" for c in conflicts))


def choice(resolution: Resolution, key: ConflictKey) -> str | None:
    """'ours', 'theirs' or None (undecided) for one conflict."""
    if resolution is None or isinstance(resolution, str):
        return resolution
    return resolution.get(key)


class AnswerImportService:
    """Answers from files go through the same rules as answers typed in Granska."""

    def __init__(self, db: Database, actor: str) -> None:
        self.db = db
        self.actor = actor
        self.reviews = ReviewService(db, actor)

    def check(self, round_id: int, path: Path, resolution: Resolution = None, *,
              skip_unsampled: bool = False) -> ImportPlan:
        """A dry run: what would be imported, what is wrong, what conflicts."""
        answer_file = read_answer_file(path)
        with self.db.session() as s:
            return self._plan(s, round_id, answer_file, resolution, skip_unsampled)

    def import_file(self, round_id: int, path: Path, resolution: Resolution = None, *,
                    complete: bool = True, skip_unsampled: bool = False) -> ImportPlan:
        """Import all answers or none; with complete, fully answered reviews become complete.

        With skip_unsampled, rows for cases outside the sample are left out (listed in
        `unsampled`) instead of refusing the file. A reviewer or date column in the file
        credits the reviews to that reviewer on that date; the change log names the importer.
        """
        answer_file = read_answer_file(path)
        with self.db.session() as s:
            plan = self._plan(s, round_id, answer_file, resolution, skip_unsampled)
            if plan.problems:
                raise ImportProblemsError(plan.problems,
                                          [] if skip_unsampled else plan.unsampled)
            pending = [c for c in plan.conflicts if choice(resolution, c.key) is None]
            if pending:
                raise ConflictsPendingError(pending)
            self._apply(s, round_id, plan, path.name, complete)
            return plan

    # -- planning --------------------------------------------------------------------------

    def _plan(self, s: Session, round_id: int, answer_file: AnswerFile,
              resolution: Resolution, skip_unsampled: bool = False) -> ImportPlan:
        round_row = s.get(AuditRound, round_id)
        if round_row is None:
            raise NotFoundError(f"Omgång {round_id} finns inte.")
        if round_row.locked_at is not None:
            raise UserError(f"Omgången '{round_row.name}' är låst; svar kan inte importeras.")
        definition = s.get(ChecklistDefinition, round_row.definition_id)
        assert definition is not None
        checklist = parse_definition(definition.source)
        plan = ImportPlan(file_kind=answer_file.kind, problems=list(answer_file.problems))
        if answer_file.round_uid and answer_file.round_uid != round_row.uid:
            plan.problems.insert(0, f"Arbetsboken gjordes för en annan omgång än "
                                    f"'{round_row.name}'.")
        for item_id, where in answer_file.item_columns:
            if not checklist.has_item(item_id):
                plan.problems.append(f"{where}: okänd kontrollpunkt '{item_id}'")
        by_question = {i.question.strip().lower(): i.id for i in checklist.items}
        sampled = {r.case_ref: r.case_id for r in self.reviews.case_rows(round_id)}
        recorded, status = self._recorded(s, round_id)
        by_case: dict[str, dict[str, tuple[str | None, str | None, str, str]]] = {}
        bad_cases: set[str] = set()
        for cell in answer_file.cells:
            if cell.case_ref not in sampled:  # "är-0042" typed for "ÄR-0042"
                same = [ref for ref in sampled if ref.casefold() == cell.case_ref.casefold()]
                if len(same) == 1:
                    cell = replace(cell, case_ref=same[0])
            if cell.case_ref not in sampled:
                if cell.case_ref not in plan.unsampled:
                    plan.unsampled.append(cell.case_ref)
                if cell.case_at not in bad_cases and not skip_unsampled:
                    bad_cases.add(cell.case_at)
                    plan.problems.append(f"{cell.case_at}: ärendet '{cell.case_ref}' ingår "
                                         "inte i omgångens stickprov")
                continue
            self._case_meta(plan, cell)
            if not checklist.has_item(cell.item_id) and answer_file.kind == "long":
                # other sources may name the item by its question instead of its id
                found = by_question.get(cell.item_id.lower())
                if found is not None:
                    cell = replace(cell, item_id=found)
            if not checklist.has_item(cell.item_id):
                if answer_file.kind == "long":
                    plan.problems.append(f"{cell.item_at}: okänd kontrollpunkt "
                                         f"'{cell.item_id}'")
                continue
            item = checklist.item(cell.item_id)
            value: str | None = None
            if cell.answer is not None:
                if contains_personnummer(cell.answer):
                    plan.problems.append(f"{cell.answer_at}: {PN_MESSAGE}")
                    continue
                try:
                    value = normalise_answer(item, cell.answer)
                except UserError as exc:
                    plan.problems.append(f"{cell.answer_at}: {exc}")
                    continue
            comment: str | None = None
            if cell.comment is not None:
                try:
                    comment = check_free_text(cell.comment) or None
                except UserError as exc:
                    message = PN_MESSAGE if contains_personnummer(cell.comment) else str(exc)
                    plan.problems.append(f"{cell.comment_at or cell.answer_at}: {message}")
                    continue
                if comment and not item.comment:
                    plan.problems.append(f"{cell.comment_at}: '{item.id}' tar inga kommentarer")
                    continue
            earlier = by_case.get(cell.case_ref, {}).get(item.id)
            if earlier is not None:  # e.g. the item named once by its id, once by its question
                plan.problems.append(f"{cell.item_at or cell.answer_at}: {cell.case_ref} / "
                                     f"{item.id} förekommer redan ({earlier[2] or earlier[3]})")
                continue
            old_value, old_comment = recorded.get(cell.case_ref, {}).get(item.id, (None, ""))
            problem = plan_themes(checklist, item, cell, (value or old_value, comment or
                                                          old_comment), plan.themes)
            if problem is not None:
                plan.problems.append(problem)
                continue
            by_case.setdefault(cell.case_ref, {})[item.id] = (value, comment, cell.answer_at,
                                                              cell.comment_at)
        for case_ref, cells in by_case.items():
            self._plan_case(plan, checklist, case_ref, sampled[case_ref], cells,
                            recorded.get(case_ref, {}), status.get(case_ref), resolution)
        return plan

    def _case_meta(self, plan: ImportPlan, cell: AnswerCell) -> None:
        """The reviewer and date the file gives for a case: checked, one of each per case."""
        if cell.reviewer is not None:
            try:
                reviewer = check_free_text(cell.reviewer)
            except UserError as exc:
                message = PN_MESSAGE if contains_personnummer(cell.reviewer) else str(exc)
                plan.problems.append(f"{cell.reviewer_at}: {message}")
                return
            if len(reviewer) > MAX_REVIEWER:
                plan.problems.append(f"{cell.reviewer_at}: granskarens namn är för långt "
                                     f"(högst {MAX_REVIEWER} tecken)")
                return
            earlier = plan.reviewers.setdefault(cell.case_ref, reviewer)
            if earlier != reviewer:
                plan.problems.append(f"{cell.reviewer_at}: {cell.case_ref} har redan "
                                     f"granskaren '{earlier}' i filen")
        if cell.review_date is not None:
            day = plan.dates.setdefault(cell.case_ref, cell.review_date)
            if day != cell.review_date:
                plan.problems.append(f"{cell.date_at}: {cell.case_ref} har redan datumet "
                                     f"{day.isoformat()} i filen")

    def _plan_case(self, plan: ImportPlan, checklist: Checklist, case_ref: str, case_id: int,
                   cells: dict[str, tuple[str | None, str | None, str, str]],
                   ours: dict[str, tuple[str | None, str]], status: str | None,
                   resolution: Resolution) -> None:
        effective = {k: v for k, (v, _) in ours.items()}
        changes: list[Change] = []
        for item_id, (value, comment, answer_at, comment_at) in cells.items():
            old_value, old_comment = ours.get(item_id, (None, ""))
            for fld, new, old, where in (("answer", value, old_value, answer_at),
                                         ("comment", comment, old_comment or None, comment_at)):
                if new is None or new == old:
                    if new is not None:
                        plan.unchanged += 1
                    continue
                if old is not None:
                    conflict = Conflict(case_ref, item_id, fld, old, new, where)
                    plan.conflicts.append(conflict)
                    if choice(resolution, conflict.key) != THEIRS:
                        continue
                changes.append(Change(case_id, case_ref, item_id, fld, old, new))
                if fld == "answer":
                    effective[item_id] = new
        applies = checklist.applicable(effective)
        for change in changes:
            if change.field == "answer" and not applies[change.item_id]:
                item = checklist.item(change.item_id)
                where = cells[change.item_id][2]
                plan.problems.append(f"{where}: '{item.id}' besvaras inte för {case_ref}. "
                                     f"{checklist.condition_text(item)}.")
        if changes and status == ReviewStatus.COMPLETE.value:
            plan.problems.append(f"{case_ref}: granskningen är markerad som klar; öppna den "
                                 "igen i Granska (med en orsak) innan svar importeras")
        plan.changes.extend(changes)
        if changes and status != ReviewStatus.COMPLETE.value and all(
                effective.get(i.id) for i in checklist.items if i.required and applies[i.id]):
            plan.completed.append(case_ref)

    def _recorded(self, s: Session, round_id: int) -> tuple[
            dict[str, dict[str, tuple[str | None, str]]], dict[str, str]]:
        recorded: dict[str, dict[str, tuple[str | None, str]]] = {}
        status: dict[str, str] = {}
        for case_ref, review_status in s.execute(
                select(Case.case_ref, Review.status).join(Review, Review.case_id == Case.id)
                .where(Review.round_id == round_id)).all():
            status[case_ref] = review_status
        for case_ref, answer in s.execute(
                select(Case.case_ref, Answer).join(Review, Review.case_id == Case.id)
                .join(Answer, Answer.review_id == Review.id)
                .where(Review.round_id == round_id)).all():
            recorded.setdefault(case_ref, {})[answer.item_id] = (answer.value, answer.comment)
        return recorded, status

    # -- applying --------------------------------------------------------------------------

    def _apply(self, s: Session, round_id: int, plan: ImportPlan, file_name: str,
               complete: bool) -> None:
        by_case: dict[int, list[Change]] = {}
        for change in plan.changes:
            by_case.setdefault(change.case_id, []).append(change)
        for case_id, changes in by_case.items():
            case_ref = changes[0].case_ref
            reviewer = plan.reviewers.get(case_ref, self.actor)
            reason = f"import från {file_name}" + (
                f", granskare {reviewer}" if reviewer != self.actor else "")
            day = plan.dates.get(case_ref)
            now = datetime.combine(day, time()) if day is not None else datetime.now()
            is_new = self.reviews._review_row(s, round_id, case_id) is None
            review, checklist, case = self.reviews._editable(s, round_id, case_id)
            self._credit(s, review, case.case_ref, reviewer, now, is_new, reason)
            existing = {a.item_id: a for a in self.reviews._answers(s, review)}
            for ch in changes:
                answer = existing.get(ch.item_id)
                if answer is None:
                    answer = Answer(review_id=review.id, item_id=ch.item_id, value=None,
                                    comment="", answered_by=reviewer, updated_at=now)
                    s.add(answer)
                    existing[ch.item_id] = answer
                elif answer.version is not None:  # None: added above, not yet flushed
                    answer.version += 1  # a form showing the old answer must not overwrite it
                if ch.field == "answer":
                    answer.value = ch.new
                    answer.answered_by = reviewer
                    action = "update" if ch.old is not None else "create"
                else:
                    answer.comment = ch.new
                    action = "update"
                answer.updated_at = now
                record_change(s, self.actor, action, ch.field, f"{review.uid}/{ch.item_id}",
                              round_id=round_id, case_ref=case.case_ref, field=ch.item_id,
                              old=ch.old, new=ch.new, reason=reason)
            review.updated_at = now if is_new else max(review.updated_at, now)
            review.bump()  # a form that read the review before the import must not save over
            s.flush()
            self.reviews._reevaluate(s, review, checklist)
            if complete and case.case_ref in plan.completed:
                review.status = ReviewStatus.COMPLETE
                review.completed_at = now
                record_change(s, self.actor, "complete", "review", review.uid,
                              round_id=round_id, case_ref=case.case_ref, field="status",
                              old="draft", new="complete", reason=reason)
        plan.retagged = apply_themes(s, round_id, plan.themes, self.actor,
                                     f"import från {file_name}")
        if not complete:
            plan.completed = []

    def _credit(self, s: Session, review: Review, case_ref: str, reviewer: str, when: datetime,
                is_new: bool, reason: str) -> None:
        """The review is the file's reviewer's, dated by the file; the log names the importer."""
        if is_new:
            review.created_at = when
            review.updated_at = when
        else:
            review.created_at = min(review.created_at, when)
        if review.reviewer != reviewer:
            record_change(s, self.actor, "update", "review", review.uid,
                          round_id=review.round_id, case_ref=case_ref, field="reviewer",
                          old=None if is_new else review.reviewer, new=reviewer, reason=reason)
            review.reviewer = reviewer
