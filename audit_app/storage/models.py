"""SQLAlchemy 2 typed models for everything Granska stores."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Generic, TypeVar

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from audit_app.domain.gender import Gender
from audit_app.domain.reviews import ReviewStatus
from audit_app.domain.rounds import Period
from audit_app.domain.sampling import SampleRole

E = TypeVar("E", bound=StrEnum)


class StoredEnum(TypeDecorator[E], Generic[E]):
    """An enum stored as its value in a plain VARCHAR column, the column type the files had
    before (so old files read and the schema is unchanged); other values are refused."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[E], length: int) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        try:
            return self.enum(value).value
        except ValueError:
            raise ValueError(f"{value!r} is not a {self.enum.__name__}") from None

    def process_result_value(self, value: Any, dialect: Dialect) -> E | None:
        return None if value is None else self.enum(value)


def stored_enum(cls: type[E], length: int) -> StoredEnum[E]:
    return StoredEnum(cls, length)


class Base(DeclarativeBase):
    """Declarative base of all tables."""


class ChecklistDefinition(Base):
    """An exact checklist text, stored once per content hash; rounds and reviews pin it."""

    __tablename__ = "checklist_definition"

    id: Mapped[int] = mapped_column(primary_key=True)
    checklist_key: Mapped[str] = mapped_column(String(100), index=True)
    version: Mapped[str] = mapped_column(String(50))
    title: Mapped[str] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class AuditRound(Base):
    """One review round: a checklist applied to a sample of one period."""

    __tablename__ = "audit_round"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("checklist_definition.id"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[Period] = mapped_column(stored_enum(Period, 2))
    unit: Mapped[str] = mapped_column(String(200), default="")
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    locked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    locked_by: Mapped[str | None] = mapped_column(String(200), nullable=True)

    definition: Mapped[ChecklistDefinition] = relationship()


class CaseImport(Base):
    """One case-list file imported into a round's sampling frame."""

    __tablename__ = "case_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id", ondelete="CASCADE"),
                                          index=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int] = mapped_column(Integer)
    imported_by: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime] = mapped_column(DateTime)


class Case(Base):
    """A case in a round's sampling frame, known only by its pseudonymous reference."""

    __tablename__ = "case"
    __table_args__ = (UniqueConstraint("round_id", "case_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id", ondelete="CASCADE"))
    case_ref: Mapped[str] = mapped_column(String(100))
    unit: Mapped[str] = mapped_column(String(200), default="")
    team: Mapped[str] = mapped_column(String(200), default="")
    case_type: Mapped[str] = mapped_column(String(200), default="")
    gender: Mapped[Gender] = mapped_column(stored_enum(Gender, 10), default=Gender.UNKNOWN)
    birth_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    age_band: Mapped[str] = mapped_column(String(20), default="")
    closing_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    import_id: Mapped[int | None] = mapped_column(
        ForeignKey("case_import.id", ondelete="SET NULL"), nullable=True)


class Sample(Base):
    """The draw for a round and its protocol."""

    __tablename__ = "sample"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id", ondelete="CASCADE"),
                                          unique=True)
    method: Mapped[str] = mapped_column(String(200))
    seed: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    population: Mapped[int] = mapped_column(Integer)
    frame_sha256: Mapped[str] = mapped_column(String(64))
    source_files: Mapped[str] = mapped_column(Text, default="")
    parameters: Mapped[str] = mapped_column(Text, default="{}")  # JSON: sizes, strata, filters
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)


_ACTIVE = "excluded_reason IS NULL"  # an entry not excluded from its sample


class SampleEntry(Base):
    """A case drawn into a sample, or waiting on its ordered reserve list."""

    __tablename__ = "sample_entry"
    __table_args__ = (UniqueConstraint("sample_id", "case_id"),
                      # the overview's count of active entries reads index pages only
                      # (excluded_reason is always NULL in it, but makes it covering)
                      Index("ix_sample_entry_active", "sample_id", "role", "replaces_id",
                            "excluded_reason", sqlite_where=text(_ACTIVE),
                            postgresql_where=text(_ACTIVE)))

    id: Mapped[int] = mapped_column(primary_key=True)
    sample_id: Mapped[int] = mapped_column(ForeignKey("sample.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)  # order within its stratum
    stratum: Mapped[str] = mapped_column(String(200), default="")
    rank_key: Mapped[str] = mapped_column(String(64))
    role: Mapped[SampleRole] = mapped_column(stored_enum(SampleRole, 10))
    excluded_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    replaces_id: Mapped[int | None] = mapped_column(
        ForeignKey("sample_entry.id", ondelete="SET NULL"), nullable=True)
    changed_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Review(Base):
    """One case reviewed in one round against the pinned checklist definition."""

    __tablename__ = "review"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),
                      # the overview's count of complete reviews reads index pages only
                      Index("ix_review_round_status", "round_id", "status"))

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    definition_id: Mapped[int] = mapped_column(ForeignKey("checklist_definition.id"))
    reviewer: Mapped[str] = mapped_column(String(200))
    status: Mapped[ReviewStatus] = mapped_column(stored_enum(ReviewStatus, 10),
                                                 default=ReviewStatus.DRAFT)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # Optimistic versioning: every UPDATE checks the version it read (StaleDataError when
    # another session changed the row meanwhile); the services bump it on a real change.
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    def bump(self) -> None:
        """Count one change to the review (status, reviewer, dates, its answers): every
        writer calls this, so a save based on an older read is refused, never lost."""
        if self.version is not None:  # a row not yet inserted gets version 1
            self.version += 1


class Answer(Base):
    """The answer and comment to one item; applicability and compliance kept for SQL figures."""

    __tablename__ = "answer"
    __table_args__ = (
        UniqueConstraint("review_id", "item_id"),
        Index("ix_answer_item", "item_id", "applicable", "compliant"),
        # migration 0005: the figures' covering index, and the answers with a comment
        Index("ix_answer_figures", "review_id", "item_id", "value", "applicable",
              "compliant"),
        Index("ix_answer_commented", "review_id", sqlite_where=text("comment != ''")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("review.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(String(200), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    applicable: Mapped[bool] = mapped_column(Boolean, default=True)
    compliant: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    answered_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # see Review

    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}


class AnswerTheme(Base):
    """A theme a written answer or comment is tagged with; the label is kept with the tag,
    so a round's themes stay readable when the checklist changes."""

    __tablename__ = "answer_theme"
    __table_args__ = (UniqueConstraint("answer_id", "theme_id"),
                      Index("ix_answer_theme_theme", "theme_id"))

    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column(ForeignKey("answer.id", ondelete="CASCADE"))
    theme_id: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(200))
    tagged_by: Mapped[str] = mapped_column(String(200))
    tagged_at: Mapped[datetime] = mapped_column(DateTime)
    # set when the user chose this text as one of the theme's quotes (they come first)
    quote_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    quote_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ChangeLog(Base):
    """Append-only record of every change: who, when, what, old and new."""

    __tablename__ = "change_log"
    __table_args__ = (Index("ix_change_log_round_case", "round_id", "case_ref"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # create / update / delete / reopen ...
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100))
    round_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    case_ref: Mapped[str | None] = mapped_column(String(100), nullable=True)
    field: Mapped[str | None] = mapped_column(String(100), nullable=True)
    old: Mapped[str | None] = mapped_column(Text, nullable=True)
    new: Mapped[str | None] = mapped_column(Text, nullable=True)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    # The database role that wrote the row (set by the server on PostgreSQL; empty in a file).
    db_role: Mapped[str | None] = mapped_column(String(200), nullable=True)


class Setting(Base):
    """Per-database key/value settings (e.g. the database's own id for exchange)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# The plan's and double review's tables live in their own modules; importing them here puts
# them on Base.metadata.
from audit_app.storage import agreement_models, plan_models  # noqa: E402, F401
