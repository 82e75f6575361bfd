"""Demo database: invented units, rounds, samples and reviews, generated deterministically."""

from __future__ import annotations

import json
import random
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.checklist import NOT_APPLICABLE, AnswerType, Checklist, ChecklistItem
from audit_app.domain.rounds import Period
from audit_app.domain.sampling import SampleRole
from audit_app.services.caselists import CaseListService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.changelog import record_change
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import AuditRound, Sample, SampleEntry

DEMO_FILE_NAME = "granska-demo.sqlite3"
DEMO_YEAR = 2025
ACTOR = "Demo (GL)"

# The checklists the demo fills (others in the library are left without rounds).
DEMO_CHECKLISTS = ("placerade-barn", "utredning-barn")
# Which units a checklist's rounds sample from; checklists not named here use all units.
UNITS_BY_CHECKLIST: dict[str, tuple[str, ...]] = {
    "utredning-barn": ("Mottagning", "Utredning 1", "Utredning 2"),
    "placerade-barn": ("Familjehem", "Placeringsteamet"),
}
ROUND_UNIT = {"utredning-barn": "Mottagning och utredning",
              "placerade-barn": "Familjehem och placeringsteamet"}
ALL_UNITS = ("Mottagning", "Utredning 1", "Utredning 2", "Familjehem", "Placeringsteamet")
REVIEWERS = {"Mottagning": "GL Mottagning", "Utredning 1": "GL Utredning 1",
             "Utredning 2": "GL Utredning 2", "Familjehem": "GL Familjehem",
             "Placeringsteamet": "GL Placeringsteamet"}

# Share of compliant answers per item, near the figures in the seeds' annual reports.
RATES: dict[str, float] = {
    "signs_of_safety": 0.57, "enskilt_samtal": 0.78, "genomforandeplan": 0.83,
    "genomforandeplan_anvands": 0.74, "vardplan": 0.97, "viewpoint": 0.35,
    "samtal_var_tredje_manad": 0.88, "tidsgrans": 0.86, "barnet_traffat": 0.75,
    "aterkoppling_barnet": 0.93, "sip_upprattad": 0.70, "behov_sip": 0.30,
}
DEFAULT_RATE = 0.8
NOT_APPLICABLE_SHARE = 0.07
CASE_TYPES = {"Mottagning": ("Förhandsbedömning",), "Utredning 1": ("Utredning",),
              "Utredning 2": ("Utredning",), "Familjehem": ("Familjehem", "Nätverkshem"),
              "Placeringsteamet": ("HVB", "Stödboende", "Familjehem")}

# Invented observations without names or personal details, keyed by item; "" for any item.
COMMENTS: dict[str, tuple[str, ...]] = {
    "enskilt_samtal": ("Samtal med barnet hölls i skolan.",
                       "Barnet avböjde samtal utan familjehemsförälder.",
                       "Inget enskilt samtal dokumenterat under perioden."),
    "genomforandeplan": ("Planen är inte reviderad efter byte av familjehem.",
                         "Genomförandeplan saknas trots placering sedan flera månader."),
    "genomforandeplan_anvands": ("Uppföljningen hänvisar inte till planens mål.",),
    "signs_of_safety": ("Mappning gjordes på nätverksmöte.",
                        "Ingen kartläggning dokumenterad; metoden nämns bara i planeringen."),
    "aterkoppling_barnet": ("Återkoppling skedde via vårdnadshavare, inte direkt till barnet.",
                            "Barnet är för litet för muntlig återkoppling."),
    "tidsgrans": ("Utredningen förlängdes med beslut; skälen dokumenterade.",),
    "sip_upprattad": ("SIP planerad men inte genomförd; skolan kunde inte delta.",),
    "ovrigt": ("Välskriven utredning med tydlig barnkonsekvensanalys.",
               "Dokumentationen är sen; flera anteckningar införda efter en månad.",
               "Bra samverkan med BUP och skola."),
    "": ("Oklart i akten; diskuteras på nästa APT.", "Dokumentationen är otydlig."),
}


@dataclass
class DemoSummary:
    """What build_demo created."""

    rounds: list[int] = field(default_factory=list)
    reviews: int = 0
    completed: int = 0
    locked_round: int | None = None
    actions: int = 0


def demo_db_path(data_dir: Path) -> Path:
    return data_dir / DEMO_FILE_NAME


def open_demo(path: Path, library: ChecklistLibrary, *, per_unit: int = 14,
              progress: Callable[[str], None] | None = None) -> Database:
    """Open the demo database file, building it first when it is absent or empty."""
    fresh = not path.exists() or path.stat().st_size == 0
    db = open_database(path)
    if fresh:
        try:
            build_demo(db, library, per_unit=per_unit, progress=progress)
        except BaseException:
            db.close()
            for stale in (path, path.with_name(path.name + "-wal"),
                          path.with_name(path.name + "-shm")):
                stale.unlink(missing_ok=True)
            raise
    return db


def build_demo(db: Database, library: ChecklistLibrary, *, seed: int = 2025,
               per_unit: int = 14, year: int = DEMO_YEAR,
               progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Fill an empty database with rounds T1-T3 of `year` and T1 of the next year.

    Each of DEMO_CHECKLISTS gets a round per period; per_unit cases per unit are drawn.
    The first round is locked, the last period is left half done, as in real life.
    """
    rng = random.Random(seed)
    found, _ = library.scan()
    summary = DemoSummary()
    periods = [(year, Period.T1), (year, Period.T2), (year, Period.T3), (year + 1, Period.T1)]
    case_counter = 0
    chosen = [c for c in DEMO_CHECKLISTS if c in found] or sorted(found)[:2]
    for checklist_id in chosen:
        checklist = found[checklist_id].checklist
        units = UNITS_BY_CHECKLIST.get(checklist_id, ALL_UNITS)
        for step, (y, period) in enumerate(periods):
            name = f"{checklist.title.split(' – ')[0]} {period.value} {y}"
            if progress:
                progress(name)
            rounds = RoundService(db, library, ACTOR)
            summary_row = rounds.create(name, checklist_id, y, period.value,
                                        ROUND_UNIT.get(checklist_id, "Alla enheter"))
            case_ids = _frame_and_sample(db, rng, summary_row.id, y, period, units, per_unit,
                                         case_counter)
            case_counter += len(units) * per_unit * 3
            last = step == len(periods) - 1
            for n, (case_id, unit, gender) in enumerate(case_ids):
                if last and n % 3 == 2:
                    continue  # not started yet
                service = ReviewService(db, REVIEWERS.get(unit, ACTOR))
                done = _answer_review(service, rng, checklist, summary_row.id, case_id,
                                      step, gender, complete=not (last and n % 3 == 1))
                summary.reviews += 1
                summary.completed += int(done)
            summary.rounds.append(summary_row.id)
    if summary.rounds:
        summary.locked_round = summary.rounds[0]
        _lock(db, library, summary.locked_round)
    from audit_app.services.demo_plan import build_demo_plans

    summary.actions = build_demo_plans(db, library, year)
    return summary


def _frame_and_sample(db: Database, rng: random.Random, round_id: int, year: int,
                      period: Period, units: tuple[str, ...], per_unit: int,
                      first_number: int) -> list[tuple[int, str, str]]:
    """Import an invented case list for the period, then draw a sample stratified by unit."""
    start, end = period.bounds(year)
    days = (end - start).days
    frame = per_unit * 3
    lines = ["Ärendenummer;Enhet;Arbetsgrupp;Ärendetyp;Kön;Födelseår;Avslutsdatum"]
    number = first_number
    for unit in units:
        for k in range(frame):
            number += 1
            gender = rng.choice(("Flicka", "Pojke")) if k % 17 else "Uppgift saknas"
            kind = rng.choice(CASE_TYPES.get(unit, ("Utredning",)))
            closed = start + timedelta(days=rng.randint(0, days))
            lines.append(f"{year}-{number:04d};{unit};Grupp {'AB'[k % 2]};{kind};{gender};"
                         f"{year - rng.randint(1, 17)};{closed.isoformat()}")
    with tempfile.TemporaryDirectory(prefix="granska-demo-") as tmp:
        path = Path(tmp) / f"avslutade-arenden-{year}-{period.value}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        imported = CaseListService(db, ACTOR).import_file(round_id, path)
    cases = CaseListService(db, ACTOR).list_cases(round_id)
    drawn: list[tuple[str, int, int, str]] = []  # unit, position, case id, gender
    with db.session() as s:
        sample = Sample(
            round_id=round_id, method="stratifierat obundet slumpmässigt urval per enhet",
            seed=f"demo-{year}-{period.value}", size=per_unit * len(units),
            population=len(cases), frame_sha256=imported.sha256, source_files=path.name,
            parameters=json.dumps({"strata": "unit", "per_stratum": per_unit}),
            created_by=ACTOR, created_at=datetime.now())
        s.add(sample)
        s.flush()
        for unit in units:
            members = [c for c in cases if c.unit == unit]
            rng.shuffle(members)
            for position, case in enumerate(members, start=1):
                role = SampleRole.SAMPLE if position <= per_unit else SampleRole.RESERVE
                s.add(SampleEntry(sample_id=sample.id, case_id=case.id, position=position,
                                  stratum=unit, rank_key=f"{rng.getrandbits(256):064x}",
                                  role=role))
                if role is SampleRole.SAMPLE:
                    drawn.append((unit, position, case.id, case.gender))
    drawn.sort()
    return [(case_id, unit, gender) for unit, _, case_id, gender in drawn]


def _rate(item: ChecklistItem, step: int, gender: str) -> float:
    """The chance of a compliant answer: slowly improving, slightly different for girls."""
    base = RATES.get(item.id, DEFAULT_RATE)
    base += 0.02 * (step - 1.5)
    if gender == "flicka":
        base += 0.03
    elif gender == "pojke":
        base -= 0.03
    return max(0.0, min(1.0, base))


def _pick(item: ChecklistItem, rng: random.Random, step: int, gender: str,
          period_start: date) -> str | None:
    spec = item.answer
    if spec.type is AnswerType.TEXT:
        return rng.choice(COMMENTS.get(item.id, COMMENTS[""])) if rng.random() < 0.3 else None
    if spec.type is AnswerType.DATE:
        return (period_start + timedelta(days=rng.randint(0, 110))).isoformat()
    if spec.type is AnswerType.NUMBER:
        low = spec.minimum if spec.minimum is not None else 0.0
        high = spec.maximum if spec.maximum is not None else low + 10
        inside = rng.random() < _rate(item, step, gender)
        value = rng.uniform(low, high) if inside else high + rng.uniform(1, 10)
        return f"{round(value):d}"
    values = [o.value for o in spec.options]
    if NOT_APPLICABLE in values and rng.random() < NOT_APPLICABLE_SHARE:
        return NOT_APPLICABLE
    good = [v for v in values if v in spec.compliant]
    bad = [v for v in values if v not in spec.compliant and v != NOT_APPLICABLE]
    if not spec.scored:
        return "ja" if "ja" in values and rng.random() < RATES.get(item.id, 0.5) else values[-1]
    if good and (not bad or rng.random() < _rate(item, step, gender)):
        return rng.choice(good)
    return rng.choice(bad or values)


def _answer_review(service: ReviewService, rng: random.Random, checklist: Checklist,
                   round_id: int, case_id: int, step: int, gender: str,
                   complete: bool) -> bool:
    """Answer every item that applies, comment some deviations; True when marked complete."""
    answers: dict[str, str | None] = {}
    start = date(2025, 1, 1)
    for item in checklist.items:
        if not checklist.applicable(answers).get(item.id, True):
            continue
        value = _pick(item, rng, step, gender, start)
        if value is None:
            continue
        answers[item.id] = value
        service.set_answer(round_id, case_id, item.id, value)
        deviates = item.answer.is_compliant(value) is False or value == NOT_APPLICABLE
        if item.comment and deviates and rng.random() < 0.25:
            bank = COMMENTS.get(item.id, COMMENTS[""])
            service.set_comment(round_id, case_id, item.id, rng.choice(bank))
    if complete:
        service.complete(round_id, case_id)
    return complete


def _lock(db: Database, library: ChecklistLibrary, round_id: int) -> None:
    """Lock a round through the round service when it offers locking, else directly."""
    service = RoundService(db, library, ACTOR)
    lock = getattr(service, "lock", None)
    if callable(lock):
        lock(round_id)
        return
    with db.session() as s:
        row = s.scalar(select(AuditRound).where(AuditRound.id == round_id))
        assert row is not None
        row.locked_at = datetime.now()
        row.locked_by = ACTOR
        record_change(s, ACTOR, "lock", "round", row.uid, round_id=round_id,
                      field="locked_at", new=row.locked_at.isoformat(timespec="seconds"))
