"""The rules a plan must keep before it is stored, whether it comes from a file or a form."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import PersonnummerError, contains_personnummer
from audit_app.domain.plan import RISK_LEVELS, Control, MethodKind, Plan

CONTROL_ID = re.compile(r"^[a-z][a-z0-9_-]*$")
MAX_TEXT = 4000
MAX_SIZE = 100_000


def check_plan(plan: Plan, checklists: Mapping[str, frozenset[str]] | None) -> None:
    """Raise a UserError naming the first problem of the plan; `checklists` (id -> item ids)
    checks the checklists and items named, None leaves them unchecked."""
    if not 2000 <= plan.year <= 2100:
        raise UserError(f"Året {plan.year} är orimligt.")
    seen: set[str] = set()
    for control in plan.controls:
        cid = control.control_id
        if not cid:
            raise UserError("Ett kontrollmoment saknar id.")
        if not CONTROL_ID.match(cid):
            raise UserError(f"Id '{cid}' får bara innehålla a-z, 0-9, - och _ och börja med "
                            "en bokstav.")
        if cid in seen:
            raise UserError(f"Kontrollmomentet '{cid}' finns två gånger i planen.")
        seen.add(cid)
        _check_control(control, checklists)


def _check_control(c: Control, checklists: Mapping[str, frozenset[str]] | None) -> None:
    cid = c.control_id
    if not c.title.strip():
        raise UserError(f"Kontrollmomentet '{cid}' saknar rubrik.")
    for name, text in (("rubrik", c.title), ("regel", c.rule), ("hänvisning", c.reference),
                       ("ansvarig", c.responsible), ("anteckning", c.note)):
        if len(text) > MAX_TEXT:
            raise UserError(f"Kontrollmomentet '{cid}': {name} är för lång (högst "
                            f"{MAX_TEXT} tecken).")
        if contains_personnummer(text):
            raise PersonnummerError(name)
    if not c.checklist:
        raise UserError(f"Kontrollmomentet '{cid}' saknar checklista.")
    known = None if checklists is None else checklists.get(c.checklist)
    if checklists is not None and known is None:
        raise UserError(f"Kontrollmomentet '{cid}': checklistan '{c.checklist}' finns inte.")
    for item in c.items:
        if known is not None and item not in known:
            raise UserError(f"Kontrollmomentet '{cid}': kontrollpunkten '{item}' finns inte i "
                            "checklistan.")
    if len(set(c.items)) != len(c.items):
        raise UserError(f"Kontrollmomentet '{cid}' väljer samma kontrollpunkt två gånger.")
    if c.sannolikhet not in RISK_LEVELS or c.konsekvens not in RISK_LEVELS:
        raise UserError(f"Kontrollmomentet '{cid}': sannolikhet och konsekvens ska vara 1–4.")
    if not c.periods:
        raise UserError(f"Kontrollmomentet '{cid}' behöver minst en period (T1, T2, T3).")
    if len(set(c.periods)) != len(c.periods):
        raise UserError(f"Kontrollmomentet '{cid}' har samma period två gånger.")
    m = c.method
    if m.kind is MethodKind.SAMPLE:
        for value in (m.confidence, m.tolerable):
            if value is None or not math.isfinite(value) or not 0 < value < 1:
                raise UserError(f"Kontrollmomentet '{cid}': konfidens och tolerabel avvikelse "
                                "ska ligga mellan 0 och 1.")
    elif m.kind is MethodKind.FIXED and (m.size is None or not 1 <= m.size <= MAX_SIZE):
        raise UserError(f"Kontrollmomentet '{cid}': ett fast urval ska vara 1–{MAX_SIZE} "
                        "ärenden.")
