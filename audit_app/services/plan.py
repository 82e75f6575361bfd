"""The internkontroll plan: import, export, copy to a new year, and rounds linked to controls."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import ConflictError, NotFoundError, UserError
from audit_app.domain.plan import Control, Method, MethodKind, Plan
from audit_app.domain.rounds import Period
from audit_app.services.plan_check import check_plan
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database
from audit_app.storage.models import AuditRound, ChecklistDefinition
from audit_app.storage.plan_models import DeviationNote, PlanAction, PlanControl, PlanRound

ENTITY = "plan_control"
FIELDS = ("title", "checklist_key", "items", "rule", "reference", "sannolikhet", "konsekvens",
          "method", "confidence", "tolerable", "size", "periods", "responsible", "note",
          "position")


def control_of(row: PlanControl) -> Control:
    """The domain control a stored row holds."""
    method = Method(MethodKind(row.method), confidence=row.confidence,
                    tolerable=row.tolerable, size=row.size)
    return Control(
        control_id=row.control_key, title=row.title, checklist=row.checklist_key,
        method=method, periods=tuple(Period(p) for p in row.periods.split(",") if p),
        sannolikhet=row.sannolikhet, konsekvens=row.konsekvens,
        items=tuple(i for i in row.items.split(",") if i), rule=row.rule,
        reference=row.reference, responsible=row.responsible, note=row.note)


def _values(control: Control, position: int) -> dict[str, object]:
    return {
        "title": control.title, "checklist_key": control.checklist,
        "items": ",".join(control.items), "rule": control.rule,
        "reference": control.reference, "sannolikhet": control.sannolikhet,
        "konsekvens": control.konsekvens, "method": control.method.kind.value,
        "confidence": control.method.confidence, "tolerable": control.method.tolerable,
        "size": control.method.size, "periods": ",".join(p.value for p in control.periods),
        "responsible": control.responsible, "note": control.note, "position": position,
    }


def entity_id(row: PlanControl) -> str:
    return f"{row.unit}/{row.year}/{row.control_key}"


def control_rows(session: Session, unit: str, year: int) -> list[PlanControl]:
    return list(session.scalars(select(PlanControl).where(
        PlanControl.unit == unit, PlanControl.year == year).order_by(
        PlanControl.position, PlanControl.id)))


def find_control(session: Session, control_key: str, unit: str | None = None,
                 year: int | None = None) -> PlanControl:
    """A control by its id; unit and year are needed only when the id is ambiguous."""
    query = select(PlanControl).where(PlanControl.control_key == control_key.strip())
    if unit:
        query = query.where(PlanControl.unit == unit.strip())
    if year is not None:
        query = query.where(PlanControl.year == year)
    rows = list(session.scalars(query))
    if not rows:
        raise NotFoundError(f"Kontrollmomentet '{control_key}' finns inte i någon plan"
                            + (f" för {unit}" if unit else "")
                            + (f" {year}" if year is not None else "") + ".")
    if len(rows) > 1:
        where = ", ".join(f"{r.unit} {r.year}" for r in rows)
        raise UserError(f"Kontrollmomentet '{control_key}' finns i flera planer ({where}); "
                        "ange --unit och --year.")
    return rows[0]


def rounds_by_control(session: Session, rows: list[PlanControl],
                      ) -> dict[tuple[int, str], list[AuditRound]]:
    """The rounds of each control and period: linked explicitly, or matching one control.

    A round belongs to a control when it was created for it, or when its unit, year, period
    and checklist match exactly one control of the plan.
    """
    out: dict[tuple[int, str], list[AuditRound]] = {}
    if not rows:
        return out
    ids = [r.id for r in rows]
    linked = {rid: cid for rid, cid in session.execute(
        select(PlanRound.round_id, PlanRound.control_id))}
    units = {r.unit for r in rows}
    years = {r.year for r in rows}
    candidates = session.execute(
        select(AuditRound, ChecklistDefinition.checklist_key)
        .join(ChecklistDefinition, ChecklistDefinition.id == AuditRound.definition_id)
        .where(AuditRound.unit.in_(units), AuditRound.year.in_(years))
        .order_by(AuditRound.id)).all()
    explicit = session.execute(select(AuditRound).join(
        PlanRound, PlanRound.round_id == AuditRound.id).where(
        PlanRound.control_id.in_(ids))).scalars().all()
    for rnd in explicit:
        out.setdefault((linked[rnd.id], rnd.period), []).append(rnd)
    for rnd, key in candidates:
        if rnd.id in linked:
            continue
        matches = [r for r in rows if r.unit == rnd.unit and r.year == rnd.year
                   and r.checklist_key == key and rnd.period in r.periods.split(",")]
        if len(matches) == 1:
            out.setdefault((matches[0].id, rnd.period), []).append(rnd)
    return out


@dataclass(frozen=True)
class PlannedRound:
    """A new round's settings taken from a planned control."""

    checklist: str
    unit: str
    year: int
    period: str
    control: Control


class PlanService:
    """Plans per unit and year; every change goes to the change log."""

    def __init__(self, db: Database, library: ChecklistLibrary, actor: str) -> None:
        self.db = db
        self.library = library
        self.actor = actor

    def checklist_items(self) -> dict[str, frozenset[str]]:
        found, _ = self.library.scan()
        return {cid: frozenset(i.id for i in f.checklist.items) for cid, f in found.items()}

    def import_file(self, path: str | Path) -> tuple[Plan, int]:
        """Validate a plan file (YAML, or an Excel sheet as `export_file` writes it) and
        store it; nothing is stored when it has a problem."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix in (".yaml", ".yml"):
            from audit_app.checklist_io.plan_yaml import load_plan_file

            plan = load_plan_file(path, self.checklist_items())
        elif suffix == ".xlsx":
            from audit_app.importers.plan_xlsx import read_plan_xlsx

            plan = read_plan_xlsx(path, self.checklist_items())
        else:
            raise UserError(f"{path.name}: en plan läses från en fil som slutar på .yaml, "
                            ".yml eller .xlsx.")
        return plan, self.save(plan)

    def save(self, plan: Plan) -> int:
        """Store a plan for its unit and year: controls added, changed or removed.

        The plan is checked first (ids, texts, checklists and items, risk, method, periods).
        A control that has rounds, analyses or actions is not removed; the save is refused.
        Returns the number of logged changes.
        """
        unit = plan.unit.strip()
        if not unit:
            raise UserError("Planen behöver en enhet (unit).")
        check_plan(plan, self.checklist_items())
        changes = 0
        with self.db.session() as s:
            existing = {r.control_key: r for r in control_rows(s, unit, plan.year)}
            wanted = {c.control_id for c in plan.controls}
            leaving = [row for key, row in existing.items() if key not in wanted]
            matched = {cid for cid, _period in rounds_by_control(s, list(existing.values()))}
            for row in leaving:
                self._check_removable(s, row, row.id in matched)
            for row in leaving:
                record_change(s, self.actor, "delete", ENTITY, entity_id(row),
                              old=row.title)
                s.delete(row)
                changes += 1
            for position, control in enumerate(plan.controls):
                values = _values(control, position)
                found = existing.get(control.control_id)
                if found is None:
                    new = PlanControl(unit=unit, year=plan.year,
                                      control_key=control.control_id, **values)
                    s.add(new)
                    record_change(s, self.actor, "create", ENTITY, entity_id(new),
                                  new=f"{control.title} ({control.checklist}, "
                                      f"{','.join(p.value for p in control.periods)})")
                    changes += 1
                    continue
                for name in FIELDS:
                    old = getattr(found, name)
                    if old != values[name]:
                        setattr(found, name, values[name])
                        if name != "position":
                            record_change(s, self.actor, "update", ENTITY, entity_id(found),
                                          field=name, old=old, new=values[name])
                            changes += 1
        return changes

    @staticmethod
    def _check_removable(s: Session, row: PlanControl, has_rounds: bool) -> None:
        """A control with rounds (linked or matching it), analyses or actions stays."""
        for model in (PlanRound, DeviationNote, PlanAction):
            if has_rounds or s.scalar(select(model.control_id).where(
                    model.control_id == row.id).limit(1)):
                raise ConflictError(
                    f"Kontrollmomentet '{row.control_key}' har omgångar, analyser eller "
                    "åtgärder och kan inte tas bort ur planen; låt det stå kvar.")

    def get(self, unit: str, year: int) -> Plan:
        """The stored plan of a unit and year."""
        with self.db.session() as s:
            rows = control_rows(s, unit.strip(), year)
            if not rows:
                raise NotFoundError(f"Det finns ingen plan för {unit} {year}. Importera en "
                                    "med 'audit-app plan import'.")
            return Plan(unit=rows[0].unit, year=year,
                        controls=tuple(control_of(r) for r in rows))

    def export_file(self, unit: str, year: int, path: str | Path) -> Path:
        """Write a stored plan as YAML (.yaml/.yml) or as an Excel sheet (.xlsx)."""
        plan = self.get(unit, year)
        out = Path(path)
        suffix = out.suffix.lower()
        try:
            if suffix in (".yaml", ".yml"):
                from audit_app.checklist_io.plan_yaml import dump_plan
                out.write_text(dump_plan(plan), encoding="utf-8")
            elif suffix == ".xlsx":
                from audit_app.reports.plan_xlsx import write_plan_xlsx
                write_plan_xlsx(plan, out)
            else:
                raise UserError("Ange en fil som slutar på .yaml eller .xlsx.")
        except OSError as exc:
            raise UserError(f"Kan inte skriva {out}: {exc.strerror}") from exc
        return out

    def plans(self) -> list[tuple[str, int]]:
        """Every (unit, year) that has a plan."""
        with self.db.session() as s:
            return sorted({(unit, year) for unit, year in s.execute(
                select(PlanControl.unit, PlanControl.year).distinct())})

    def copy(self, unit: str, from_year: int, to_year: int) -> Plan:
        """Copy a year's plan to another year, which must not have a plan yet."""
        if not 2000 <= to_year <= 2100:
            raise UserError(f"Året {to_year} är orimligt.")
        source = self.get(unit, from_year)
        with self.db.session() as s:
            if control_rows(s, source.unit, to_year):
                raise ConflictError(f"{source.unit} har redan en plan för {to_year}.")
        copied = Plan(unit=source.unit, year=to_year, controls=source.controls)
        self.save(copied)
        return copied

    def planned_round(self, control_key: str, unit: str | None, year: int | None,
                      period: str | None, checklist: str | None) -> PlannedRound:
        """What a round created for a control gets: its checklist, unit, year and period."""
        with self.db.session() as s:
            row = find_control(s, control_key, unit, year)
            control = control_of(row)
        periods = [p.value for p in control.periods]
        if period is None:
            if len(periods) != 1:
                raise UserError(f"Kontrollmomentet '{row.control_key}' är planerat för "
                                f"{', '.join(periods)}; ange --period.")
            period = periods[0]
        if period not in periods:
            raise UserError(f"Kontrollmomentet '{row.control_key}' är inte planerat för "
                            f"{period} (planerat: {', '.join(periods)}).")
        if checklist and checklist != control.checklist:
            raise UserError(f"Kontrollmomentet '{row.control_key}' använder checklistan "
                            f"'{control.checklist}', inte '{checklist}'.")
        return PlannedRound(control.checklist, row.unit, row.year, period, control)

    def control_for_round(self, round_id: int) -> Control | None:
        """The control a round belongs to (created for it, or the one control it matches)."""
        with self.db.session() as s:
            rnd = s.get(AuditRound, round_id)
            if rnd is None:
                return None
            rows = control_rows(s, rnd.unit, rnd.year)
            for (control_id, _period), rounds in rounds_by_control(s, rows).items():
                if any(r.id == round_id for r in rounds):
                    return control_of(next(r for r in rows if r.id == control_id))
        return None

    def link_round(self, round_id: int, control_key: str) -> None:
        """Tie a new round to a control of its own unit and year (`round create --control`)."""
        with self.db.session() as s:
            rnd = s.get(AuditRound, round_id)
            if rnd is None:
                raise NotFoundError(f"Omgång {round_id} finns inte.")
            row = find_control(s, control_key, rnd.unit or None, rnd.year)
            if rnd.period not in row.periods.split(","):
                raise UserError(f"Kontrollmomentet '{row.control_key}' är inte planerat för "
                                f"{rnd.period}.")
            definition = s.get(ChecklistDefinition, rnd.definition_id)
            if definition is None or definition.checklist_key != row.checklist_key:
                raise UserError(f"Kontrollmomentet '{row.control_key}' använder checklistan "
                                f"'{row.checklist_key}'.")
            s.add(PlanRound(round_id=round_id, control_id=row.id))
            record_change(s, self.actor, "link", ENTITY, entity_id(row), round_id=round_id,
                          field="round", new=rnd.name)
