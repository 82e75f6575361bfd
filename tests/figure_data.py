"""Answer sets for report tests: the seed's own reported figures, filled through ReviewService."""

from __future__ import annotations

from collections.abc import Callable

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from tests.factories import round_with_sample

Answers = Callable[[int], dict[str, str]]


def fill(db: Database, round_id: int, case_ids: list[int], answers: Answers,
         comments: dict[int, tuple[str, str]] | None = None, actor: str = "GL") -> None:
    """Answer and complete every case; answers(k) gives case k's values."""
    service = ReviewService(db, actor)
    for k, case_id in enumerate(case_ids):
        for item_id, value in answers(k).items():
            service.set_answer(round_id, case_id, item_id, value)
        if comments and k in comments:
            service.set_comment(round_id, case_id, *comments[k])
        service.complete(round_id, case_id)


def utredning(k: int) -> dict[str, str]:
    """46 investigations: Signs of Safety in 26 (seed 001 ~434: 26 of 46 = 56.52 %)."""
    return {
        "signs_of_safety": "ja" if k < 26 else "nej",
        "tidsgrans": "ej_aktuellt" if k % 10 == 9 else ("ja" if k % 7 else "nej"),
        "barnet_traffat": ("helt", "delvis", "nej")[k % 3] if k < 9 else "helt",
        "aterkoppling_barnet": "ja" if k % 2 else "nej",
        "behov_sip": "ja" if k < 10 else "nej",
        **({"sip_upprattad": "ja" if k < 8 else "nej"} if k < 10 else {}),
    }


def seed_utredning(db: Database, library: ChecklistLibrary, n: int = 46,
                   period: str = "T1", year: int = 2026, name: str = "Utredning T1 2026",
                   answers: Answers = utredning) -> tuple[int, list[int]]:
    summary, case_ids = round_with_sample(db, library, n, name=name, checklist="utredning-barn",
                                          year=year, period=period,
                                          units=("Utredning Norr", "Utredning Syd"))
    fill(db, summary.id, case_ids, answers,
         comments={0: ("signs_of_safety", "Mappning med nätverket"),
                   30: ("signs_of_safety", "Ingen kartläggning dokumenterad")})
    return summary.id, case_ids


def placerade(k: int) -> dict[str, str]:
    """29 placed children: plan in 24 (82.8 %), used in 18 of these 24 (75 %), 28 vårdplan."""
    plan = k < 24
    out = {"enskilt_samtal": "ja" if k < 22 else ("ej_aktuellt" if k == 28 else "nej"),
           "samtal_var_tredje_manad": "ja", "viewpoint": "ja" if k < 10 else "nej",
           "genomforandeplan": "ja" if plan else "nej", "vardplan": "ja" if k < 28 else "nej"}
    if plan:
        out["genomforandeplan_anvands"] = "ja" if k < 18 else "nej"
    return out


def familjehem(k: int) -> dict[str, str]:
    """58 children in family homes as seed 001 (~416-453) reports them: enskilt samtal 77.6 %
    (45 of 58), Viewpoint 34.5 % (20), genomförandeplan 82.8 % (48), used in 36 of these 48,
    vårdplan 96.6 % (56)."""
    plan = k < 48
    out = {"enskilt_samtal": "ja" if k < 45 else "nej",
           "samtal_var_tredje_manad": "ja",
           "viewpoint": "ja" if k % 3 == 0 else "nej",  # cases 0, 3, … 57: 20 of 58
           "genomforandeplan": "ja" if plan else "nej", "vardplan": "ja" if k < 56 else "nej"}
    if plan:
        out["genomforandeplan_anvands"] = "ja" if k < 36 else "nej"
    return out
