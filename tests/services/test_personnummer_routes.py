"""Routes around the forms (exchange files, demo data) meet the same personnummer guard."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.personnummer import PersonnummerError, luhn_ok
from audit_app.services.exchange import ExchangeService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, AuditRound, ChangeLog
from tests.factories import round_with_sample


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
    ExchangeService(db, "GL").export_round(rnd.id, good)
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        payload = zf.read("payload.json").decode("utf-8")
    assert "Finns i akten" in payload
    # Edited by hand outside Granska: the hash is made to fit, so only the guard can refuse it.
    payload = payload.replace("Finns i akten", f"Ringt {invented_pnr()}").encode("utf-8")
    manifest["payload_sha256"] = hashlib.sha256(payload).hexdigest()
    hostile = tmp_path / "andrad.granska"
    with zipfile.ZipFile(hostile, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("payload.json", payload)
    with pytest.raises(PersonnummerError, match="Fält: ") as info:
        ExchangeService(other, "Mentor").import_round(hostile)
    assert invented_pnr() not in str(info.value)
    with other.session() as s:
        for model in (AuditRound, Answer, ChangeLog):
            assert s.scalar(select(func.count()).select_from(model)) == 0
