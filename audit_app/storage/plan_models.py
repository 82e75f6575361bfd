"""Tables of the internkontroll plan: controls, their rounds, deviation analyses and actions."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from audit_app.storage.models import Base


class PlanControl(Base):
    """One kontrollmoment of a unit's plan for a year."""

    __tablename__ = "plan_control"
    __table_args__ = (UniqueConstraint("unit", "year", "control_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit: Mapped[str] = mapped_column(String(200))
    year: Mapped[int] = mapped_column(Integer)
    control_key: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    checklist_key: Mapped[str] = mapped_column(String(100))
    items: Mapped[str] = mapped_column(Text, default="")  # comma-separated item ids
    rule: Mapped[str] = mapped_column(Text, default="")
    reference: Mapped[str] = mapped_column(Text, default="")
    sannolikhet: Mapped[int] = mapped_column(Integer)
    konsekvens: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(20))  # stickprov / fixed / full
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    tolerable: Mapped[float | None] = mapped_column(Float, nullable=True)
    size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    periods: Mapped[str] = mapped_column(String(20))  # "T1,T2"
    responsible: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")


class PlanRound(Base):
    """A round created for a control (`round create --control`)."""

    __tablename__ = "plan_round"

    round_id: Mapped[int] = mapped_column(
        ForeignKey("audit_round.id", ondelete="CASCADE"), primary_key=True)
    control_id: Mapped[int] = mapped_column(
        ForeignKey("plan_control.id", ondelete="CASCADE"), index=True)


class DeviationNote(Base):
    """The unit manager's analysis of one deviation (control, period, item)."""

    __tablename__ = "deviation_note"
    __table_args__ = (UniqueConstraint("control_id", "period", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    control_id: Mapped[int] = mapped_column(ForeignKey("plan_control.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(2))
    item_id: Mapped[str] = mapped_column(String(100))
    analysis: Mapped[str] = mapped_column(Text, default="")
    updated_by: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class PlanAction(Base):
    """An åtgärd on a deviation, with its owner, due date and status."""

    __tablename__ = "plan_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    control_id: Mapped[int] = mapped_column(
        ForeignKey("plan_control.id", ondelete="CASCADE"), index=True)
    period: Mapped[str] = mapped_column(String(2))
    item_id: Mapped[str] = mapped_column(String(100))
    what: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(String(200))
    due: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(12), default="planerad")
    reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
