"""Answers counted in one pass give exactly what the SQL GROUP BY gives, filters included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from audit_app.services import figure_counts
from audit_app.services.figure_counts import case_filters, count_answers
from audit_app.storage.db import open_database
from audit_app.storage.models import Answer, Case, Review
from bench.generate import TINY, generate_database


def group_by(rounds: list[int], unit: str | None, gender: str | None) -> Any:
    """The plain SQL GROUP BY the figures used to be computed with (the reference)."""
    stmt = (select(Review.round_id, Answer.item_id, Case.unit, Case.gender, Answer.value,
                   Answer.compliant, func.count())
            .select_from(Review).join(Answer, Answer.review_id == Review.id)
            .join(Case, Case.id == Review.case_id)
            .where(Review.round_id.in_(rounds), Review.status == "complete",
                   Answer.applicable.is_(True)))
    return case_filters(stmt, unit, gender).group_by(
        Review.round_id, Answer.item_id, Case.unit, Case.gender, Answer.value, Answer.compliant)


@pytest.mark.parametrize("batch", [500, 1, 2])
@pytest.mark.parametrize(("unit", "gender"), [(None, None), ("Familjehem", None),
                                               (None, "flicka"), ("Mottagning", "pojke"),
                                               ("Ingen sådan enhet", None)])
def test_counts_equal_the_group_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   unit: str | None, gender: str | None, batch: int) -> None:
    monkeypatch.setattr(figure_counts, "BATCH", batch)  # groups split over many batches
    path = tmp_path / "year.sqlite3"
    ids = generate_database(path, TINY)
    rounds = [ids["T1"], ids["T2"], ids["T3"]]
    db = open_database(path)
    try:
        with db.session() as s:
            expected = s.execute(group_by(rounds, unit, gender)).all()
            counted = list(count_answers(s, rounds, unit, gender))  # same order, too
            again = sorted(count_answers(s, rounds[:1], unit, gender), key=repr)
    finally:
        db.close()
    assert counted == [tuple(r) for r in expected]
    assert sum(r[-1] for r in again) <= sum(r[-1] for r in counted)
    assert all(r[0] == rounds[0] for r in again)  # the temp table was emptied in between
    if unit != "Ingen sådan enhet":
        assert counted and {type(r[5]) for r in counted} <= {bool, type(None)}
    else:
        assert counted == []
