"""What a report adds beside the random-sample figures: agreement and the chosen cases."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.domain.checklist import Checklist
from audit_app.domain.figures import Figure, ItemFigures
from audit_app.services.calibration import agreement_by_item
from audit_app.services.figure_counts import count_answers
from audit_app.storage.agreement_models import ChosenCase
from audit_app.storage.models import AuditRound, Case, Review


def chosen_cases(s: Session, round_ids: list[int]) -> tuple[tuple[str, str, str], ...]:
    """(round, case, reason) of every chosen case with a completed review."""
    rows = s.execute(select(AuditRound.name, Case.case_ref, ChosenCase.reason)
                     .join(Case, Case.id == ChosenCase.case_id)
                     .join(AuditRound, AuditRound.id == ChosenCase.round_id)
                     .join(Review, (Review.case_id == Case.id)
                           & (Review.round_id == ChosenCase.round_id))
                     .where(ChosenCase.round_id.in_(round_ids), Review.status == "complete")
                     .order_by(AuditRound.name, Case.case_ref)).all()
    return tuple((r[0], r[1], r[2]) for r in rows)


def add_extras(s: Session, round_ids: list[int], checklist: Checklist,
               items: list[ItemFigures], unit: str | None,
               gender: str | None) -> list[ItemFigures]:
    """The items with their agreement (all double-reviewed cases of the rounds) and their
    figure over the chosen cases (None when no chosen case is reviewed)."""
    agreement = agreement_by_item(s, round_ids, checklist)
    n: dict[str, int] = {}
    x: dict[str, int] = {}
    counts: dict[str, dict[str, int]] = {}
    for _r, item_id, _u, _g, value, compliant, count in count_answers(
            s, round_ids, unit, gender, chosen=True):
        if value:
            per = counts.setdefault(item_id, {})
            per[value] = per.get(value, 0) + count
        if compliant is not None:
            n[item_id] = n.get(item_id, 0) + count
            x[item_id] = x.get(item_id, 0) + (count if compliant else 0)
    out = []
    for item in items:
        seen = item.item_id in n or item.item_id in counts
        chosen = Figure(n.get(item.item_id, 0), x.get(item.item_id, 0),
                        counts.get(item.item_id, {}), item.target) if seen else None
        out.append(replace(item, agreement=agreement.get(item.item_id), chosen=chosen))
    return out
