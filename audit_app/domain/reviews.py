"""Reviews as plain records, and the rules for accepting an answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from audit_app.domain.checklist import AnswerType, ChecklistItem
from audit_app.domain.errors import ConflictError, UserError
from audit_app.domain.personnummer import PersonnummerError as PersonnummerError  # re-export
from audit_app.domain.personnummer import contains_personnummer

MAX_TEXT = 10_000


class ReviewStatus(StrEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    COMPLETE = "complete"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self.value]

    @classmethod
    def of(cls, stored: str | None) -> ReviewStatus:
        """The status stored as text (None: not started), without Enum's slower lookup:
        a 5,000-case round converts every row."""
        return _STATUS_BY_VALUE[stored] if stored else cls.NOT_STARTED


_STATUS_LABELS = {"not_started": "Ej påbörjad", "draft": "Pågår", "complete": "Klar"}
_STATUS_BY_VALUE = {s.value: s for s in ReviewStatus}


class MissingAnswersError(UserError):
    """A review cannot be completed while required items are unanswered."""

    def __init__(self, item_ids: list[str], questions: list[str]) -> None:
        self.item_ids = item_ids
        listing = "\n".join(f"– {q}" for q in questions)
        super().__init__(f"Obligatoriska frågor saknar svar:\n{listing}")


class AnswerConflictError(ConflictError):
    """Someone else saved another answer to the item since it was read: nothing was
    overwritten; both values are named so the user can choose."""

    def __init__(self, item_id: str, stored: str | None, stored_by: str,
                 yours: str | None) -> None:
        self.item_id, self.stored, self.stored_by, self.yours = item_id, stored, stored_by, yours
        super().__init__(
            f"Kontrollpunkten '{item_id}' ändrades av {stored_by or 'någon annan'} medan du "
            f"arbetade. Sparat svar: {_shown(stored)}; ditt svar: {_shown(yours)}. Inget "
            "skrevs över: välj vilket svar som ska gälla och spara igen.")


class ReviewConflictError(ConflictError):
    """Someone else completed, reopened or changed the review since it was read: nothing
    was written; the stored status and the user's change are both named."""

    def __init__(self, case_ref: str, stored: ReviewStatus, stored_by: str,
                 yours: str) -> None:
        self.case_ref, self.stored, self.stored_by, self.yours = (case_ref, stored, stored_by,
                                                                  yours)
        super().__init__(
            f"Granskningen av {case_ref} ändrades av {stored_by or 'någon annan'} medan du "
            f"arbetade. Sparad status: '{stored.label.lower()}'; din ändring: {yours}. Inget "
            "skrevs över: läs in granskningen igen och gör om ändringen om den ska gälla.")


def status_change(status: ReviewStatus) -> str:
    """A change of status as a ReviewConflictError names it."""
    return f"status '{status.label.lower()}'"


def answer_change(item_id: str, value: str | None) -> str:
    """A saved answer as a ReviewConflictError names it."""
    return f"svaret {_shown(value)} på '{item_id}'"


def _shown(value: str | None) -> str:
    return "(tomt)" if value is None else f"'{value}'"


@dataclass(frozen=True)
class AnswerRecord:
    item_id: str
    value: str | None
    comment: str
    applicable: bool
    compliant: bool | None
    answered_by: str
    updated_at: datetime
    themes: tuple[str, ...] = ()  # theme ids the written answer or comment is tagged with
    version: int = 1  # what a save passes back as expected_version (optimistic versioning)


@dataclass(frozen=True)
class ReviewRecord:
    """One case's review in a round (status NOT_STARTED when nothing is stored yet)."""

    round_id: int
    case_id: int
    case_ref: str
    definition_id: int
    status: ReviewStatus
    id: int | None = None
    reviewer: str = ""
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None
    answers: dict[str, AnswerRecord] = field(default_factory=dict)
    # the review's version (0: not started): complete/reopen take it as expected_version
    version: int = 0

    def values(self) -> dict[str, str | None]:
        return {k: a.value for k, a in self.answers.items()}


@dataclass(frozen=True)
class CaseReviewRow:
    """A sampled case with its review status, as the round view lists it."""

    case_id: int
    case_ref: str
    unit: str
    team: str
    gender: str
    position: int
    status: ReviewStatus
    reviewer: str
    answered: int = 0
    chosen: bool = False  # added on purpose, outside the random sample


def check_free_text(text: str, field: str = "") -> str:
    """The text as stored, or PersonnummerError (naming `field`) / UserError when it must not
    be stored."""
    text = text.strip()
    if len(text) > MAX_TEXT:
        raise UserError(f"Texten är för lång (högst {MAX_TEXT} tecken).")
    if contains_personnummer(text):
        raise PersonnummerError(field)
    return text


def normalise_answer(item: ChecklistItem, value: str | None) -> str | None:
    """The stored form of an answer, or UserError when the item does not accept it."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    spec = item.answer
    if spec.type.has_options:
        lowered = text.lower()
        for option in spec.options:
            if lowered in (option.value.lower(), option.label.lower()):
                return option.value
        for option in spec.options:  # the keyboard letter, e.g. "J" for ja
            if option.key and lowered == option.key.lower():
                return option.value
        allowed = ", ".join(o.value for o in spec.options)
        raise UserError(f"'{text}' är inget giltigt svar på '{item.id}' ({allowed}).")
    if spec.type is AnswerType.NUMBER:
        try:
            number = float(text.replace(",", ".").replace(" ", ""))
        except ValueError:
            raise UserError(f"'{text}' är inget tal ('{item.id}').") from None
        return f"{number:g}"
    if spec.type is AnswerType.DATE:
        try:
            return date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            raise UserError(f"'{text}' är inget datum ÅÅÅÅ-MM-DD ('{item.id}').") from None
    return check_free_text(text)
