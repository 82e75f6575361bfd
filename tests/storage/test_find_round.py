"""One way to find a round: by id, by exact name, a name of digits before an id."""

from __future__ import annotations

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import NotFoundError
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database
from audit_app.storage.queries import find_round


def test_find_round_by_id_name_and_digits(db: Database, library: ChecklistLibrary) -> None:
    rounds = RoundService(db, library, "GL")
    first = rounds.create("2", "placerade-barn", 2026, "T1")
    second = rounds.create("Andra", "placerade-barn", 2026, "T2")
    assert second.id == 2
    with db.session() as s:
        assert find_round(s, second.id).name == "Andra"
        assert find_round(s, "Andra").id == second.id
        assert find_round(s, "2").id == first.id  # the name wins over the id
        assert find_round(s, "1").id == first.id  # no round is named "1": its id
        with pytest.raises(NotFoundError, match="'Saknas' finns inte"):
            find_round(s, "Saknas")
        with pytest.raises(NotFoundError, match="'99' finns inte"):
            find_round(s, 99)
