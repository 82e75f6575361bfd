"""Counting the answers behind the figures, in small batches that SQLite sorts in memory.

One GROUP BY over a year's answers (600,000 rows) makes SQLite sort every row in one large
sort that spills out of its cache, which took most of a second. Here the completed reviews
go to a temporary table in batches of one group (round, unit, gender) and at most BATCH
reviews; each batch's answers are counted with a small GROUP BY, read through the answers'
covering index ix_answer_figures (migration 0005), and the batches are added up. The result,
and its order, is the same as the one large GROUP BY. On PostgreSQL the server keeps these
counts itself (answer_count, migration 0009's triggers) and a report reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from audit_app.domain.reviews import ReviewStatus
from audit_app.storage.changes import note_temp_changes
from audit_app.storage.models import Answer, Case, Review
from audit_app.storage.queries import chosen_case_ids

COMPLETE = ReviewStatus.COMPLETE
_Q = TypeVar("_Q", bound="Select[*tuple[Any, ...]]")

# (round id, item id, case unit, case gender, value, compliant, number of answers)
CountRow = tuple[int, str, str, str, "str | None", "bool | None", int]

_TEMP = "figure_review_batch"
BATCH = 100  # reviews per GROUP BY: about 3,000 answers, a small in-memory sort (was 500)


def case_filters(stmt: _Q, unit: str | None, gender: str | None) -> _Q:
    """Only the cases of one unit and/or one gender (the statement joins Case)."""
    if unit:
        stmt = stmt.where(Case.unit == unit)
    if gender:
        stmt = stmt.where(Case.gender == gender)
    return stmt


def count_answers(s: Session, round_ids: list[int], unit: str | None = None,
                  gender: str | None = None, *, chosen: bool = False) -> Iterator[CountRow]:
    """Applicable answers of the rounds' completed reviews, counted per round, item, the
    case's unit and gender, value and compliance: of the random sample, or (chosen=True)
    of the cases chosen on purpose."""
    picked = chosen_case_ids()
    if s.get_bind().dialect.name != "sqlite":
        yield from _kept_counts(s, round_ids, unit, gender, chosen)
        return
    reviews = case_filters(
        select(Review.id, Review.round_id, Case.unit, Case.gender)
        .join(Case, Case.id == Review.case_id)
        .where(Review.round_id.in_(round_ids), Review.status == COMPLETE,
               Review.case_id.in_(picked) if chosen else Review.case_id.not_in(picked)),
        unit, gender)
    groups: dict[tuple[int, str, str], list[int]] = {}
    for review_id, round_id, r_unit, r_gender in s.execute(reviews):
        groups.setdefault((round_id, r_unit, r_gender), []).append(review_id)
    batches: list[tuple[int, str, str]] = []  # batch number -> its reviews' group
    members: list[tuple[int, int]] = []
    for group, review_ids in groups.items():
        for start in range(0, len(review_ids), BATCH):
            members += [(len(batches), r) for r in review_ids[start:start + BATCH]]
            batches.append(group)
    if not members:
        return
    conn = s.connection()
    driver = conn.connection.driver_connection
    before = driver.total_changes  # type: ignore[union-attr]
    cursor = driver.cursor()  # type: ignore[union-attr]
    totals: dict[tuple[int, str, str, str, str | None, int | None], int] = {}
    try:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TEMP} (batch INTEGER NOT NULL, "
                       "review_id INTEGER NOT NULL, PRIMARY KEY (batch, review_id)) "
                       "WITHOUT ROWID")
        cursor.execute(f"DELETE FROM {_TEMP}")
        cursor.executemany(f"INSERT INTO {_TEMP} VALUES (?, ?)", members)
        # CROSS JOIN keeps the batch's reviews as the outer loop: only their answers are read
        query = (f"SELECT a.item_id, a.value, a.compliant, count(*) FROM {_TEMP} f "
                 "CROSS JOIN answer a ON a.review_id = f.review_id "
                 "WHERE f.batch = ? AND a.applicable = 1 "
                 "GROUP BY a.item_id, a.value, a.compliant")
        for batch, (round_id, c_unit, c_gender) in enumerate(batches):
            for item_id, value, compliant, n in cursor.execute(query, (batch,)):
                counted = (round_id, c_unit, c_gender, item_id, value, compliant)
                totals[counted] = totals.get(counted, 0) + n
        cursor.execute(f"DELETE FROM {_TEMP}")
    finally:
        cursor.close()
        note_temp_changes(conn, driver.total_changes - before)  # type: ignore[union-attr]
    yield from _in_order(totals)


def _in_order(totals: dict[tuple[int, str, str, str, str | None, int | None], int],
              ) -> Iterator[CountRow]:
    # in the GROUP BY's order (NULL first), so answer counts list the same way as before
    for found in sorted(totals, key=lambda k: (k[0], k[3], k[1], k[2], k[4] is not None,
                                               k[4] or "", k[5] is not None, k[5] or 0)):
        round_id, c_unit, c_gender, item_id, value, compliant = found
        yield (round_id, item_id, c_unit, c_gender, value,
               None if compliant is None else bool(compliant), totals[found])


# Memory for the server's hash aggregate (and sorts) of the counting transaction. With the
# default 4 MB PostgreSQL expects more groups than fit, sorts a district's 600,000 answers
# on disk and then groups them (1.9 s); with this it hashes them in memory (0.7 s). The
# groups take ~13 MB for a district's year, ~33 MB for a city's (docs/performance.md).
WORK_MEM = "64MB"


def use_work_mem(s: Session) -> None:
    """Give this transaction's queries WORK_MEM (SET LOCAL: gone at its end)."""
    s.execute(text(f"SET LOCAL work_mem = '{WORK_MEM}'"))


def _kept_counts(s: Session, round_ids: list[int], unit: str | None,
                 gender: str | None, chosen: bool) -> Iterator[CountRow]:
    """PostgreSQL: the counts its triggers keep in answer_count (migration 0009), a few
    rows per round, item and group instead of every answer; in the same order as above."""
    sql = ("SELECT round_id, unit, gender, item_id, value, compliant, n FROM answer_count "
           "WHERE round_id = ANY(:rounds) AND chosen = :chosen AND n <> 0")
    params: dict[str, Any] = {"rounds": list(round_ids), "chosen": chosen}
    if unit:
        sql += " AND unit = :unit"
        params["unit"] = unit
    if gender:
        sql += " AND gender = :gender"
        params["gender"] = str(gender)
    totals = {(r[0], r[1], r[2], r[3], r[4], None if r[5] is None else int(r[5])): int(r[6])
              for r in s.execute(text(sql), params)}
    yield from _in_order(totals)


def count_live(s: Session, round_ids: list[int], unit: str | None = None,
               gender: str | None = None, *, chosen: bool = False) -> Iterator[CountRow]:
    """PostgreSQL: the same counts read from the answers now (what answer_count must hold)."""
    yield from _count_in_one_query(s, round_ids, unit, gender, chosen)


def _count_in_one_query(s: Session, round_ids: list[int], unit: str | None,
                        gender: str | None, chosen: bool) -> Iterator[CountRow]:
    """PostgreSQL: one GROUP BY (a hash aggregate there), in the same order as above."""
    use_work_mem(s)
    picked = chosen_case_ids()
    stmt = case_filters(
        select(Review.round_id, Case.unit, Case.gender, Answer.item_id, Answer.value,
               Answer.compliant, func.count())
        .join(Review, Review.id == Answer.review_id)
        .join(Case, Case.id == Review.case_id)
        .where(Review.round_id.in_(round_ids), Review.status == COMPLETE,
               Review.case_id.in_(picked) if chosen else Review.case_id.not_in(picked),
               Answer.applicable.is_(True))
        .group_by(Review.round_id, Case.unit, Case.gender, Answer.item_id, Answer.value,
                  Answer.compliant), unit, gender)
    totals = {(r[0], r[1], str(r[2]), r[3], r[4], None if r[5] is None else int(r[5])):
              int(r[6])
              for r in s.execute(stmt)}
    yield from _in_order(totals)
