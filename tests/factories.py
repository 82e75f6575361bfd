"""Test data builders: rounds with a frame and a drawn sample, written straight to the tables."""

from __future__ import annotations

from datetime import date, datetime

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.rounds import RoundSummary
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.models import Case, Sample, SampleEntry

GENDERS = ("flicka", "pojke", "flicka", "pojke", "okant")


def round_with_sample(
    db: Database,
    library: ChecklistLibrary,
    n: int = 5,
    *,
    name: str = "Placerade T1 2026",
    checklist: str = "placerade-barn",
    year: int = 2026,
    period: str = "T1",
    units: tuple[str, ...] = ("Familjehem",),
    reserve: int = 0,
    actor: str = "GL",
) -> tuple[RoundSummary, list[int]]:
    """A round whose frame has n + reserve invented cases, the first n drawn in order."""
    summary = RoundService(db, library, actor).create(name, checklist, year, period, units[0])
    case_ids: list[int] = []
    with db.session() as s:
        sample = Sample(round_id=summary.id, method="test", seed="test", size=n,
                        population=n + reserve, frame_sha256="0" * 64, source_files="",
                        parameters="{}", created_by=actor, created_at=datetime.now())
        s.add(sample)
        s.flush()
        for k in range(n + reserve):
            case = Case(round_id=summary.id, case_ref=f"{year}-{k + 1:04d}",
                        unit=units[k % len(units)], team="", case_type="",
                        gender=GENDERS[k % len(GENDERS)], age_band="",
                        closing_date=date(year, 2, 1))
            s.add(case)
            s.flush()
            s.add(SampleEntry(sample_id=sample.id, case_id=case.id, position=k + 1,
                              stratum="", rank_key=f"{k:064x}",
                              role="sample" if k < n else "reserve"))
            if k < n:
                case_ids.append(case.id)
    return RoundService(db, library, actor).get(summary.id), case_ids
