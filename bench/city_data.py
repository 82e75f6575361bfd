"""Invented data for the city-scale benchmark on PostgreSQL, loaded with COPY."""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, text

from audit_app.checklist_io.loader import content_hash
from bench.generate import GENDERS, PERIODS, UNITS, checklist_yaml

YEAR = 2026  # the city's year of completed reviews; the reviewers save in OPEN_YEAR's rounds
OPEN_YEAR = 2027
ANSWERED_BY = "bench"
NULL = "\\N"  # COPY's text format
# The secondary indexes of `answer`, dropped while the answers are copied in and built after
# (one sort per index instead of 8.4 million index inserts).
ANSWER_INDEXES = ("ix_answer_item", "ix_answer_figures", "ix_answer_commented")


@dataclass(frozen=True)
class CityScale:
    """How much to invent: districts, a district's year, the save test."""

    districts: int
    reviews: int  # completed reviews per district over the year (three periods)
    items: int  # items in the checklist
    open_cases: int  # cases per district in the round the reviewers save in
    reviewers: int
    seconds: float  # how long the reviewers save

    @property
    def answers(self) -> int:
        return self.districts * self.reviews * self.items


CITY = CityScale(districts=14, reviews=20_000, items=30, open_cases=200, reviewers=20,
                 seconds=60.0)
TINY_CITY = CityScale(districts=3, reviews=60, items=6, open_cases=20, reviewers=6,
                      seconds=3.0)


def district_name(k: int) -> str:
    return f"Stadsdel {k + 1:02d}"


@dataclass
class CityIds:
    """What the measures need: the year's rounds per district and the open rounds."""

    year_rounds: dict[str, list[int]]  # district -> its three rounds of YEAR
    open_rounds: dict[str, int]  # district -> its round of OPEN_YEAR (no reviews yet)
    open_cases: dict[str, list[int]]  # district -> the open round's case ids, in order
    count_seconds: float = 0.0  # answer_count filled from the answers (migration 0009's way)

    def all_year_rounds(self) -> list[int]:
        return [r for rounds in self.year_rounds.values() for r in rounds]


def _copy(driver: Any, table: str, columns: str, lines: list[str]) -> None:
    with driver.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for start in range(0, len(lines), 20_000):
            copy.write("".join(lines[start:start + 20_000]))


def _answer_patterns(rnd: random.Random, items: int, count: int, now: str) -> list[str]:
    """Whole reviews' answers as COPY text with "@" for the review id (as bench.generate:
    every fifth item applies only after a ja; 72 % ja, 23 % nej, 5 % ej aktuellt)."""
    patterns = []
    for _ in range(count):
        lines = []
        previous = "ja"
        for n in range(items):
            applies = n % 5 != 4 or previous == "ja"
            roll = rnd.random()
            value = "ja" if roll < 0.72 else ("nej" if roll < 0.95 else "ej_aktuellt")
            compliant = None if value == "ej_aktuellt" or not applies else value == "ja"
            comment = "Dokumentationen saknas i akten" if roll > 0.995 else ""
            flag = NULL if compliant is None else ("t" if compliant else "f")
            lines.append(f"@\tpunkt_{n + 1:02d}\t{value}\t{comment}\t{'t' if applies else 'f'}"
                         f"\t{flag}\t{ANSWERED_BY}\t{now}\n")
            previous = value
        patterns.append("".join(lines))
    return patterns


def generate_city(engine: Engine, scale: CityScale, seed: int = 2026) -> CityIds:
    """Fill a migrated, empty server database; returns the ids the measures use."""
    rnd = random.Random(seed)
    now = datetime(2026, 12, 1, 8, 0)
    stamp = now.isoformat(sep=" ")
    source = checklist_yaml("stad-ar", scale.items)
    ids = CityIds({}, {}, {})
    with engine.begin() as conn:
        definition = conn.execute(text(
            "INSERT INTO checklist_definition (checklist_key, version, title, content_hash,"
            " source, created_at) VALUES ('stad-ar', '1', :t, :h, :s, :c) RETURNING id"),
            {"t": f"Stadens år {scale.items} punkter", "h": content_hash(source), "s": source,
             "c": now}).scalar_one()
        for k in range(scale.districts):
            district = district_name(k)
            for year, period in [(YEAR, p) for p in PERIODS] + [(OPEN_YEAR, "T1")]:
                rid = conn.execute(text(
                    "INSERT INTO audit_round (uid, name, definition_id, year, period, unit,"
                    " created_by, created_at) VALUES (:u, :n, :d, :y, :p, :unit, 'bench', :c)"
                    " RETURNING id"),
                    {"u": str(uuid.UUID(int=rnd.getrandbits(128))),
                     "n": f"{district} {period} {year}", "d": definition, "y": year,
                     "p": period, "unit": district, "c": now}).scalar_one()
                if year == YEAR:
                    ids.year_rounds.setdefault(district, []).append(rid)
                else:
                    ids.open_rounds[district] = rid
        rounds = [(d, rid, PERIODS.index(p) if p in PERIODS else 0, YEAR)
                  for d, rs in ids.year_rounds.items() for rid, p in zip(rs, PERIODS,
                                                                           strict=True)]
        rounds += [(d, rid, 0, OPEN_YEAR) for d, rid in ids.open_rounds.items()]
        for _, rid, _, _ in rounds:
            conn.execute(text(
                "INSERT INTO sample (id, round_id, method, seed, size, population,"
                " frame_sha256, source_files, parameters, created_by, created_at) VALUES"
                " (:r, :r, 'bench', 'bench', 0, 0, :h, '', '{}', 'bench', :c)"),
                {"r": rid, "h": "0" * 64, "c": now})
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        _fill(driver, rnd, scale, rounds, ids, definition, stamp)
        driver.commit()
    finally:
        raw.close()
    return ids


def _fill(driver: Any, rnd: random.Random, scale: CityScale,
          rounds: list[tuple[str, int, int, int]], ids: CityIds, definition: int,
          stamp: str) -> None:
    per_round = scale.reviews // len(PERIODS)
    cases: list[str] = []
    entries: list[str] = []
    reviews: list[str] = []
    case_id = 0
    for district, rid, period_index, year in rounds:
        n = per_round if year == YEAR else scale.open_cases
        start = date(year, 1 + 4 * period_index, 1)
        first = case_id + 1
        for k in range(n):
            case_id += 1
            unit = f"{district} {UNITS[k % len(UNITS)]}"
            gender = GENDERS[rnd.randrange(len(GENDERS))]
            closed = start + timedelta(days=rnd.randrange(0, 110))
            cases.append(f"{case_id}\t{rid}\tS{rid:03d}-{k + 1:05d}\t{unit}\t\t\t{gender}\t"
                         f"{year - rnd.randrange(0, 18)}\t\t{closed}\n")
            entries.append(f"{rid}\t{case_id}\t{k + 1}\t\t{k:064x}\tsample\n")
            if year == YEAR:
                reviews.append(f"{case_id}\t{uuid.UUID(int=case_id)}\t{rid}\t{case_id}\t"
                               f"{definition}\tbench\tcomplete\t{stamp}\t{stamp}\t{stamp}\t1\n")
        if year != YEAR:
            ids.open_cases[district] = list(range(first, case_id + 1))
    _copy(driver, '"case"', "id, round_id, case_ref, unit, team, case_type, gender,"
          " birth_year, age_band, closing_date", cases)
    _copy(driver, "sample_entry", "sample_id, case_id, position, stratum, rank_key, role",
          entries)
    _copy(driver, "review", "id, uid, round_id, case_id, definition_id, reviewer, status,"
          " created_at, updated_at, completed_at, version", reviews)
    with driver.cursor() as cur:
        definitions = {r[0]: r[1] for r in cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'answer'"
            " AND indexname = ANY(%s)", (list(ANSWER_INDEXES),))}
        for name in definitions:
            cur.execute(f"DROP INDEX {name}")
    with driver.cursor() as cur:  # counted once after the COPY, as migration 0009 does
        cur.execute("ALTER TABLE answer DISABLE TRIGGER answer_count_ins")
    patterns = _answer_patterns(rnd, scale.items, 2000, stamp)
    review_ids = [int(line.split("\t", 1)[0]) for line in reviews]
    with driver.cursor() as cur, cur.copy(
            "COPY answer (review_id, item_id, value, comment, applicable, compliant,"
            " answered_by, updated_at) FROM STDIN") as copy:
        for first in range(0, len(review_ids), 1000):
            copy.write("".join(patterns[rnd.randrange(len(patterns))].replace("@", str(r))
                               for r in review_ids[first:first + 1000]))
    with driver.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '256MB'")
        for definition_sql in definitions.values():
            cur.execute(definition_sql)
        cur.execute("ALTER TABLE answer ENABLE TRIGGER answer_count_ins")
        counted = time.perf_counter()
        cur.execute("SELECT granska_answer_count_rebuild()")
        ids.count_seconds = time.perf_counter() - counted
        for table in ("case", "sample", "sample_entry", "review", "answer"):
            cur.execute(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'),"
                        f" (SELECT max(id) FROM \"{table}\"))")
