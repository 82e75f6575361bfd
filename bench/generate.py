"""Invented data at a chosen scale for the benchmarks: a department's year of reviews."""

from __future__ import annotations

import csv
import random
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from audit_app.checklist_io.loader import content_hash, parse_checklist
from audit_app.storage.db import open_database

UNITS = ("Mottagning", "Utredning 1", "Utredning 2", "Familjehem", "Placeringsteamet")
GENDERS = ("flicka", "pojke", "flicka", "pojke", "okant")
PERIODS = ("T1", "T2", "T3")


@dataclass(frozen=True)
class Scale:
    """How much data to invent."""

    reviews: int  # complete reviews over the year
    items: int  # items in the department checklist
    form_items: int  # items in the checklist the review form opens
    round_cases: int  # sampled cases in the round that is opened
    import_rows: int  # rows in the case-list files


FULL = Scale(reviews=20_000, items=30, form_items=40, round_cases=5_000, import_rows=50_000)
TINY = Scale(reviews=60, items=6, form_items=8, round_cases=20, import_rows=200)


def checklist_yaml(checklist_id: str, n_items: int) -> str:
    """A checklist of n ja/nej/ej aktuellt items; every fifth applies only after a ja."""
    lines = [f"id: {checklist_id}", "version: '1'", f"title: Benchmark {n_items} punkter",
             "sections:"]
    per_section = 10
    for k in range(n_items):
        if k % per_section == 0:
            lines += [f"  - id: avsnitt_{k // per_section + 1}",
                      f"    title: Avsnitt {k // per_section + 1}", "    items:"]
        lines += [f"      - id: punkt_{k + 1:02d}",
                  f"        question: Kontrollpunkt {k + 1} uppfylld?",
                  "        answer: ja_nej_ej_aktuellt", "        required: true",
                  "        target: 75"]
        if k % 5 == 4:
            lines += [f"        applies_when: {{item: punkt_{k:02d}, equals: ja}}"]
    return "\n".join(lines) + "\n"


def _insert_definition(con: sqlite3.Connection, source: str) -> int:
    checklist = parse_checklist(source)
    cur = con.execute(
        "INSERT INTO checklist_definition(checklist_key, version, title, content_hash, source,"
        " created_at) VALUES (?,?,?,?,?,?)",
        (checklist.id, checklist.version, checklist.title, content_hash(source), source,
         datetime.now()))
    assert cur.lastrowid is not None
    return cur.lastrowid


def _insert_round(con: sqlite3.Connection, name: str, definition_id: int, year: int,
                  period: str, unit: str) -> int:
    cur = con.execute(
        "INSERT INTO audit_round(uid, name, definition_id, year, period, unit, created_by,"
        " created_at) VALUES (?,?,?,?,?,?,?,?)",
        (str(uuid.uuid4()), name, definition_id, year, period, unit, "bench", datetime.now()))
    assert cur.lastrowid is not None
    return cur.lastrowid


def _fill_round(con: sqlite3.Connection, rnd: random.Random, round_id: int, cases: int,
                year: int, period_index: int, answer_items: list[str] | None,
                prefix: str) -> None:
    """Frame = sample = `cases` cases; with answer_items, every case has a complete review."""
    now = datetime.now()
    sample_id = con.execute(
        "INSERT INTO sample(round_id, method, seed, size, population, frame_sha256,"
        " source_files, parameters, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (round_id, "bench", "bench", cases, cases, "0" * 64, "", "{}", "bench", now)).lastrowid
    first_case = (con.execute("SELECT COALESCE(MAX(id), 0) FROM \"case\"").fetchone()[0]) + 1
    start = date(year, 1 + 4 * period_index, 1)
    con.executemany(
        "INSERT INTO \"case\"(id, round_id, case_ref, unit, team, case_type, gender,"
        " birth_year, age_band, closing_date) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(first_case + k, round_id, f"{prefix}-{k + 1:05d}", UNITS[k % len(UNITS)], "", "",
          GENDERS[rnd.randrange(len(GENDERS))], year - rnd.randrange(0, 18), "",
          start + timedelta(days=rnd.randrange(0, 110))) for k in range(cases)])
    con.executemany(
        "INSERT INTO sample_entry(sample_id, case_id, position, stratum, rank_key, role)"
        " VALUES (?,?,?,?,?,?)",
        [(sample_id, first_case + k, k + 1, "", f"{k:064x}", "sample") for k in range(cases)])
    if answer_items is None:
        return
    first_review = (con.execute("SELECT COALESCE(MAX(id), 0) FROM review").fetchone()[0]) + 1
    con.executemany(
        "INSERT INTO review(id, uid, round_id, case_id, definition_id, reviewer, status,"
        " created_at, updated_at, completed_at) SELECT ?, ?, ?, ?, definition_id, ?,"
        " 'complete', ?, ?, ? FROM audit_round WHERE id = ?",
        [(first_review + k, str(uuid.uuid4()), round_id, first_case + k, "bench", now, now,
          now, round_id) for k in range(cases)])
    rows = []
    for k in range(cases):
        previous = "ja"
        for n, item in enumerate(answer_items):
            applies = n % 5 != 4 or previous == "ja"
            roll = rnd.random()
            value = "ja" if roll < 0.72 else ("nej" if roll < 0.95 else "ej_aktuellt")
            compliant = None if value == "ej_aktuellt" or not applies else value == "ja"
            comment = "Dokumentationen saknas i akten" if roll > 0.995 else ""
            rows.append((first_review + k, item, value, comment, applies, compliant, "bench",
                         now))
            previous = value
    con.executemany(
        "INSERT INTO answer(review_id, item_id, value, comment, applicable, compliant,"
        " answered_by, updated_at) VALUES (?,?,?,?,?,?,?,?)", rows)


def generate_database(path: Path, scale: Scale, seed: int = 2026) -> dict[str, int]:
    """A migrated database with a year of reviews and one large round; returns round ids."""
    open_database(path).close()
    rnd = random.Random(seed)
    con = sqlite3.connect(path)
    try:
        year_def = _insert_definition(con, checklist_yaml("bench-ar", scale.items))
        form_def = _insert_definition(con, checklist_yaml("bench-formular", scale.form_items))
        items = [f"punkt_{k + 1:02d}" for k in range(scale.items)]
        ids: dict[str, int] = {}
        per_round = scale.reviews // len(PERIODS)
        for p, period in enumerate(PERIODS):
            rid = _insert_round(con, f"Avdelningen {period} 2026", year_def, 2026, period,
                                "Avdelningen")
            _fill_round(con, rnd, rid, per_round, 2026, p, items, f"2026{period}")
            ids[period] = rid
        big = _insert_round(con, "Stor omgång T1 2027", form_def, 2027, "T1", "Avdelningen")
        _fill_round(con, rnd, big, scale.round_cases, 2027, 0, None, "2027T1")
        ids["large"] = big
        con.commit()
    finally:
        con.close()
    return ids


def case_list_rows(n: int, seed: int = 7) -> list[list[object]]:
    rnd = random.Random(seed)
    rows: list[list[object]] = []
    for k in range(n):
        rows.append([f"2026-{k + 1:06d}", UNITS[k % len(UNITS)], rnd.choice(("Flicka", "Pojke")),
                     2026 - rnd.randrange(0, 18),
                     date(2026, 1, 1) + timedelta(days=rnd.randrange(0, 360))])
    return rows


HEADER = ["Ärendenummer", "Enhet", "Kön", "Födelseår", "Avslutsdatum"]


def write_case_lists(folder: Path, n: int) -> tuple[Path, Path]:
    """The same invented case list as .xlsx (write-only) and as Swedish-Excel .csv."""
    from openpyxl import Workbook

    rows = case_list_rows(n)
    xlsx = folder / f"arenden-{n}.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Ärenden")
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(xlsx)
    csv_path = folder / f"arenden-{n}.csv"
    with csv_path.open("w", encoding="cp1252", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(HEADER)
        for row in rows:
            closed = row[4]
            assert isinstance(closed, date)
            writer.writerow([*row[:4], closed.isoformat()])
    return xlsx, csv_path


# An invented passphrase for the benchmark's encrypted database (never a real one).
PASSPHRASE = "bänk-lösenfras-2026"


def encrypted_copy(plain: Path, target: Path, passphrase: str = PASSPHRASE) -> Path:
    """The same rows in a new encrypted database, made as Granska makes one.

    `open_database` with a passphrase creates and keys the file (SQLCipher's own key
    derivation and page settings for a new database), the migrations build the schema, and
    the rows are then copied table by table from the plain file.
    """
    from audit_app.storage.crypto import connect, quote

    open_database(target, passphrase=passphrase, daily_backup=False).close()
    con = connect(target, passphrase)
    try:
        con.execute(f"ATTACH DATABASE {quote(str(plain))} AS plain KEY ''")
        tables = [r[0] for r in con.execute(
            "SELECT name FROM plain.sqlite_master WHERE type='table'"
            " AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        for table in tables:
            con.execute(f'INSERT INTO main."{table}" SELECT * FROM plain."{table}"')
        con.commit()
        con.execute("DETACH DATABASE plain")
    finally:
        con.close()
    return target
