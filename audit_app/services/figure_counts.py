"""Counting the answers behind the figures: one pass over the answers, counted in a dict.

A GROUP BY over a year's answers (600,000 rows) makes SQLite sort every row, which took most
of a second. Here the completed reviews' groups (round, unit, gender: a few dozen) go to a
temporary table, the answers are read once through their (review, item) index, and counted
with collections.Counter; the result is the same as the GROUP BY.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from audit_app.storage.models import Case, Review

COMPLETE = "complete"
_Q = TypeVar("_Q", bound="Select[*tuple[Any, ...]]")

# (round id, item id, case unit, case gender, value, compliant, number of answers)
CountRow = tuple[int, str, str, str, "str | None", "bool | None", int]

_TEMP = "figure_review"


def case_filters(stmt: _Q, unit: str | None, gender: str | None) -> _Q:
    """Only the cases of one unit and/or one gender (the statement joins Case)."""
    if unit:
        stmt = stmt.where(Case.unit == unit)
    if gender:
        stmt = stmt.where(Case.gender == gender)
    return stmt


def count_answers(s: Session, round_ids: list[int], unit: str | None = None,
                  gender: str | None = None) -> Iterator[CountRow]:
    """Applicable answers of the rounds' completed reviews, counted per round, item, the
    case's unit and gender, value and compliance."""
    reviews = case_filters(
        select(Review.id, Review.round_id, Case.unit, Case.gender)
        .join(Case, Case.id == Review.case_id)
        .where(Review.round_id.in_(round_ids), Review.status == COMPLETE), unit, gender)
    groups: dict[tuple[int, str, str], int] = {}
    members = [(review_id, groups.setdefault((round_id, c_unit, c_gender), len(groups)))
               for review_id, round_id, c_unit, c_gender in s.execute(reviews)]
    if not members:
        return
    cursor = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {_TEMP} "
                       "(review_id INTEGER PRIMARY KEY, grp INTEGER NOT NULL)")
        cursor.execute(f"DELETE FROM {_TEMP}")
        cursor.executemany(f"INSERT INTO {_TEMP} VALUES (?, ?)", members)
        # CROSS JOIN keeps the reviews as the outer loop: only these reviews' answers are read
        counts = Counter(cursor.execute(
            f"SELECT f.grp, a.item_id, a.value, a.compliant FROM {_TEMP} f "
            "CROSS JOIN answer a ON a.review_id = f.review_id WHERE a.applicable = 1"))
        cursor.execute(f"DELETE FROM {_TEMP}")
    finally:
        cursor.close()
    keys = {number: key for key, number in groups.items()}
    rows = [(*keys[grp], item_id, value, None if compliant is None else bool(compliant), n)
            for (grp, item_id, value, compliant), n in counts.items()]
    # in the GROUP BY's order (NULL first), so answer counts list the same way as before
    rows.sort(key=lambda r: (r[0], r[3], r[1], r[2], r[4] is not None, r[4] or "",
                             r[5] is not None, bool(r[5])))
    for round_id, c_unit, c_gender, item_id, value, compliant, n in rows:
        yield round_id, item_id, c_unit, c_gender, value, compliant, n
