"""The feedback sheet for one reviewed case: what the conversation with the social worker uses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class FeedbackRow:
    """One question as it was answered for the case (answer as its label, or the text)."""

    section: str
    question: str
    answer: str
    comment: str


@dataclass(frozen=True)
class FeedbackSheet:
    """A case known by its reference only; no reviewer and no score of the worker."""

    case_ref: str
    round_name: str
    checklist_title: str
    checklist_version: str
    period: str
    reviewed: date | None
    rows: tuple[FeedbackRow, ...]
