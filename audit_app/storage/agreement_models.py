"""Tables of double review (calibration) and purposively chosen cases."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from audit_app.storage.models import Base


class CalibrationReview(Base):
    """A sampled case marked for double review, and the second reviewer's review of it."""

    __tablename__ = "calibration_review"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    rank_key: Mapped[str] = mapped_column(String(64))
    drawn_by: Mapped[str] = mapped_column(String(200))
    drawn_at: Mapped[datetime] = mapped_column(DateTime)
    reviewer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open / draft / complete
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class CalibrationAnswer(Base):
    """The second reviewer's answer to one item; the first reviewer's original answer is
    kept here when the two are reconciled into the round's review."""

    __tablename__ = "calibration_answer"
    __table_args__ = (UniqueConstraint("calibration_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    calibration_id: Mapped[int] = mapped_column(
        ForeignKey("calibration_review.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[str | None] = mapped_column(String(200), nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    applicable: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    reconciled: Mapped[bool] = mapped_column(Boolean, default=False)
    first_value: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reconciled_value: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reconciled_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    reconciled_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    reconciled_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ChosenCase(Base):
    """A case a mentor added to a round on purpose: reviewed, but kept out of the
    random-sample figures. in_frame is False when the case was not in the case list."""

    __tablename__ = "chosen_case"
    __table_args__ = (UniqueConstraint("round_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("audit_round.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    in_frame: Mapped[bool] = mapped_column(Boolean, default=True)
    added_by: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[datetime] = mapped_column(DateTime)
