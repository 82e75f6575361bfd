"""Routes around the forms (exchange files, demo data) meet the same personnummer guard."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.personnummer import luhn_ok
from audit_app.services.exchange import ExchangeService
from audit_app.services.exchange_file import read_exchange, write_exchange
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, AuditRound, ChangeLog
from tests.factories import round_with_sample

PHRASE = "testfras för utbyte"


def invented_pnr() -> str:
    """Built here for the guard test only: an invented date and serial, computed check digit."""
    stem = "070707123"
    check = next(c for c in "0123456789" if luhn_ok(stem + c))
    return f"{stem[:6]}\u2212{stem[6:]}{check}"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "laptop-b.sqlite3")
    yield database
    database.close()


def test_an_exchange_file_with_a_personnummer_stores_nothing(
        db: Database, other: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_comment(rnd.id, cases[0], "vardplan", "Finns i akten")
    good = tmp_path / "omgang.granska"
    ExchangeService(db, "GL").export_round(rnd.id, good, passphrase=PHRASE)
    _manifest, payload = read_exchange(good, PHRASE)
    text = json.dumps(payload, ensure_ascii=False)
    assert "Finns i akten" in text
    # Edited by someone who knows the passphrase: the file is authentic, only the guard refuses.
    hostile_payload = json.loads(text.replace("Finns i akten", f"Ringt {invented_pnr()}"))
    hostile = tmp_path / "andrad.granska"
    write_exchange(hostile, hostile_payload, "GL", PHRASE)
    with pytest.raises(UserError, match="personnummer") as info:  # checked before the merge
        ExchangeService(other, "Mentor").import_round(hostile, passphrase=PHRASE)
    assert invented_pnr() not in str(info.value)
    with other.session() as s:
        for model in (AuditRound, Answer, ChangeLog):
            assert s.scalar(select(func.count()).select_from(model)) == 0
