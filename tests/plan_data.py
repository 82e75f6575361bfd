"""An invented internkontroll plan and rounds reviewed for it, shared by plan tests."""

from __future__ import annotations

from pathlib import Path

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.plan import PlanService
from audit_app.storage.db import Database
from tests.factories import round_with_sample
from tests.figure_data import fill, placerade

UNIT = "Familjehemsenheten"
MINIMAL = """\
unit: Familjehemsenheten
year: 2024
controls:
  - id: samtal_placerade
    title: Enskilda samtal med placerade barn
    checklist: placerade-barn
    items: [enskilt_samtal, genomforandeplan]
    rule: SoL 11 kap. 10 §
    risk: {sannolikhet: 3, konsekvens: 4}
    method: {stickprov: {confidence: 0.95, tolerable: 0.05}}
    periods: [T1, T2]
    responsible: Gruppledare
"""
SECOND = """\
  - id: utredningstid
    title: Utredningar inom fyra månader
    checklist: utredning-barn
    rule: SoL 11 kap. 2 §
    reference: Riktlinje för utredning
    risk: {sannolikhet: 2, konsekvens: 3}
    method: {fixed: 20}
    periods: [T1, T2, T3]
    responsible: Biträdande enhetschef
    note: Fast urval enligt verksamhetsplanen
"""


def better(k: int) -> dict[str, str]:
    """T2: enskilt samtal in every case but one, a plan everywhere."""
    out = placerade(k)
    out["enskilt_samtal"] = "ja" if k else "nej"
    out["genomforandeplan"] = "ja"
    out["genomforandeplan_anvands"] = "ja"
    return out


def write_plan(tmp_path: Path, text: str = MINIMAL + SECOND, name: str = "plan.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def reviewed_year(db: Database, library: ChecklistLibrary, tmp_path: Path) -> dict[str, int]:
    """The plan imported, T1 reviewed (deviations) and T2 reviewed (improved)."""
    PlanService(db, library, "EC").import_file(write_plan(tmp_path))
    t1, cases1 = round_with_sample(db, library, 29, name="Samtal T1 2024", year=2024,
                                   period="T1", units=(UNIT,))
    fill(db, t1.id, cases1, placerade)
    t2, cases2 = round_with_sample(db, library, 29, name="Samtal T2 2024", year=2024,
                                   period="T2", units=(UNIT,))
    fill(db, t2.id, cases2, better)
    return {"T1": t1.id, "T2": t2.id}
