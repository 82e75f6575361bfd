"""The demo's internkontroll plans, with an analysis and actions on the deviations found."""

from __future__ import annotations

from datetime import date

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.plan import Control, Method, MethodKind, Plan
from audit_app.domain.rounds import Period
from audit_app.services.deviations import DeviationService
from audit_app.services.plan import PlanService
from audit_app.storage.db import Database

ACTOR = "Demo (EC)"
T123 = (Period.T1, Period.T2, Period.T3)
SAMPLE = Method(MethodKind.SAMPLE, confidence=0.95, tolerable=0.05)

PLANS = {
    ("Familjehem och placeringsteamet", "placerade-barn"): Control(
        control_id="samtal_och_planer", title="Samtal med placerade barn och genomförandeplan",
        checklist="placerade-barn", method=SAMPLE, periods=T123, sannolikhet=3, konsekvens=4,
        items=("enskilt_samtal", "genomforandeplan", "vardplan"), rule="SoL 11 kap. 10 §",
        reference="LVU 13 b §; riktlinje för placerade barn", responsible="Gruppledare",
        note="Följs upp på APT efter varje tertial."),
    ("Mottagning och utredning", "utredning-barn"): Control(
        control_id="signs_of_safety", title="Signs of Safety i förhandsbedömning och utredning",
        checklist="utredning-barn", method=Method(MethodKind.FIXED, size=42), periods=T123,
        sannolikhet=2, konsekvens=3, items=("signs_of_safety", "tidsgrans"),
        rule="Verksamhetsplanens mål: 70 % mappning", reference="SoL 11 kap. 2 §",
        responsible="Biträdande enhetschef"),
}
ACTIONS = (
    ("Enskilda samtal planeras in i kalendern vid varje uppföljningsbesök.", "Gruppledare"),
    ("Genomgång av rutinen på APT; mall i dokumentationssystemet.", "Enhetschef"),
)


def build_demo_plans(db: Database, library: ChecklistLibrary, year: int) -> int:
    """Store a plan per demo unit, then analyse the first deviations; returns actions added."""
    found, _ = library.scan()
    plans = PlanService(db, library, ACTOR)
    units = []
    for (unit, checklist), control in PLANS.items():
        if checklist in found:
            plans.save(Plan(unit=unit, year=year, controls=(control,)))
            units.append(unit)
    service = DeviationService(db, library, ACTOR)
    added = 0
    for unit in units:
        deviations = [d for d in service.deviations(unit, year) if d.period == "T1"]
        for k, dev in enumerate(deviations[:2]):
            service.analyse(dev.control_id, dev.period, dev.item_id,
                            "Flera nya handläggare under perioden.\n"
                            "Rutinen var inte känd i hela gruppen.", unit=unit, year=year)
            what, role = ACTIONS[k % len(ACTIONS)]
            action = service.add_action(dev.control_id, dev.period, dev.item_id, what, role,
                                        date(year, 6, 30), unit=unit, year=year)
            if k == 0:
                service.set_status(action, "klar")
            added += 1
    return added
