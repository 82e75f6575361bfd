"""Exchange files with real case data: encrypted, tamper-evident, and checked before a merge."""

from __future__ import annotations

import copy
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.services import exchange_file
from audit_app.services.exchange import ExchangeService
from audit_app.services.exchange_check import ExchangeProblemsError
from audit_app.services.exchange_file import (
    ExchangeFileError,
    read_exchange,
    seal,
    write_exchange,
)
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, AuditRound, Case, ChangeLog, Review
from tests.factories import round_with_sample

PHRASE = "rätt lösenfras 1"
SECRET_REF = "ZEBRAFINK-7731"
SECRET_COMMENT = "Samtal med Papegojmammans granne"

Payload = dict[str, Any]


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "laptop-b.sqlite3")
    yield database
    database.close()


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (AuditRound, Case, Review, Answer, ChangeLog)}


def fake_personnummer() -> str:
    """An invented date and serial with a valid Luhn check digit, built here, not written."""
    body = "850709238"
    total = 0
    for i, ch in enumerate(body):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return f"{body[:6]}-{body[6:]}{(10 - total % 10) % 10}"


@pytest.fixture
def exported(db: Database, library: ChecklistLibrary, tmp_path: Path) -> Path:
    rnd, cases = round_with_sample(db, library, 3)
    with db.session() as s:
        case = s.get(Case, cases[0])
        assert case is not None
        case.case_ref = SECRET_REF
    reviews = ReviewService(db, "GL")
    reviews.set_answer(rnd.id, cases[0], "vardplan", "ja")
    reviews.set_comment(rnd.id, cases[0], "vardplan", SECRET_COMMENT)
    reviews.set_answer(rnd.id, cases[1], "vardplan", "nej")
    path = tmp_path / "omgang.granska"
    ExchangeService(db, "GL").export_round(rnd.id, path, passphrase=PHRASE)
    return path


def test_file_shows_no_case_data_and_only_its_owner_can_read_it(exported: Path) -> None:
    raw = exported.read_bytes()
    # each at least 8 bytes: a shorter one turns up in random ciphertext now and then
    for secret in (SECRET_REF, SECRET_COMMENT, "Placerade T1 2026", "vardplan"):
        assert secret.encode("utf-8") not in raw
        assert secret.encode("utf-16-le") not in raw
    assert raw.startswith(exchange_file.MAGIC)
    assert exported.stat().st_mode & 0o777 == 0o600
    assert not exported.with_name(exported.name + ".tmp").exists()
    _, payload = read_exchange(exported, PHRASE)
    assert SECRET_REF in {c["case_ref"] for c in payload["cases"]}


def test_export_refuses_a_short_passphrase_and_cleans_up_a_failed_write(
        db: Database, library: ChecklistLibrary, tmp_path: Path) -> None:
    rnd, _ = round_with_sample(db, library, 1)
    service = ExchangeService(db, "GL")
    with pytest.raises(UserError, match="minst 8 tecken"):
        service.export_round(rnd.id, tmp_path / "kort.granska", passphrase="1234567")
    assert not (tmp_path / "kort.granska").exists()
    taken = tmp_path / "en mapp.granska"
    taken.mkdir()
    with pytest.raises(OSError):
        service.export_round(rnd.id, taken, passphrase=PHRASE)
    assert not (tmp_path / "en mapp.granska.tmp").exists()
    stale = tmp_path / "ny.granska.tmp"
    stale.write_bytes(b"rest")
    stale.chmod(0o644)
    service.export_round(rnd.id, tmp_path / "ny.granska", passphrase=PHRASE)
    assert (tmp_path / "ny.granska").stat().st_mode & 0o777 == 0o600 and not stale.exists()


@pytest.mark.parametrize(("plain", "message"), [
    (b"[" * 200_000 + b"]" * 200_000, "för djupt nästlad"),
    (b"[1, 2]", "skadad eller ofullständig"),
    (b'{"manifest": {}, "payload": []}', "skadad eller ofullständig"),
    (b"\xff\xfe not json", "skadad eller ofullständig"),
])
def test_odd_contents_of_an_authentic_file_are_refused_clearly(
        tmp_path: Path, plain: bytes, message: str) -> None:
    path = tmp_path / "konstig.granska"
    path.write_bytes(seal(zlib.compress(plain), PHRASE))
    with pytest.raises(ExchangeFileError, match=message):
        read_exchange(path, PHRASE)


def test_a_payload_over_the_size_limit_is_refused(exported: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exchange_file, "MAX_PAYLOAD", 2_000)
    with pytest.raises(ExchangeFileError, match="orimligt stor"):
        read_exchange(exported, PHRASE)


def _answer(payload: Payload) -> dict[str, Any]:
    review = next(r for r in payload["reviews"] if r["case_ref"] == SECRET_REF)
    return next(a for a in review["answers"] if a["item_id"] == "vardplan")  # type: ignore


def _review(payload: Payload) -> dict[str, Any]:
    return next(r for r in payload["reviews"] if r["case_ref"] == SECRET_REF)  # type: ignore


def _forged_log(payload: Payload, **change: Any) -> None:
    row = dict(payload["change_log"][0])
    row.update(at="2026-02-01T10:00:00", actor="Okänd", **change)
    payload["change_log"].append(row)


def _dup_review(payload: Payload) -> None:
    twin = copy.deepcopy(_review(payload))
    twin["case_ref"] = "2026-0003"
    payload["reviews"].append(twin)


PN = fake_personnummer()
TAMPERING: dict[str, tuple[Callable[[Payload], None], str]] = {
    "banan": (lambda p: _answer(p).update(value="banan"),
              "'vardplan'.*'banan' är inget giltigt svar på 'vardplan'"),
    "status": (lambda p: _review(p).update(status="hackad"),
               "statusen 'hackad' är ogiltig"),
    "item": (lambda p: _answer(p).update(item_id="bakdorr"), "okänd kontrollpunkt 'bakdorr'"),
    "period": (lambda p: p["round"].update(period="T9"), "perioden 'T9' finns inte"),
    "year": (lambda p: p["round"].update(year=1066),
             "omgången: året \\(1066\\) är inget rimligt värde"),
    "role": (lambda p: p["sample"]["entries"][0].update(role="chef"),
             "rollen 'chef' är ogiltig"),
    "dup_review": (_dup_review, "granskningen '[0-9a-f-]+' förekommer flera gånger"),
    "dup_item": (lambda p: _review(p)["answers"].append(dict(_answer(p))),
                 "kontrollpunkten 'vardplan' förekommer flera gånger"),
    "dup_case": (lambda p: p["cases"].append(dict(p["cases"][1])),
                 "ärendet '2026-0002' förekommer flera gånger"),
    "pn_comment": (lambda p: _answer(p).update(comment=f"Barnet {PN} bor hemma"),
                   "'vardplan', kommentaren: texten ser ut att innehålla ett personnummer"),
    "pn_log": (lambda p: _forged_log(p, new=f"nr {PN}"),
               "ändringslogg rad 7, nytt värde: texten ser ut att innehålla ett personnummer"),
    "long_log": (lambda p: _forged_log(p, action="x" * 300),
                 "händelsen är för lång \\(högst 20 tecken\\)"),
    "not_a_list": (lambda p: p.update(reviews="alla"), "granskningar: saknas eller är ingen"),
    "ghost_case": (lambda p: _review(p).update(case_ref="2026-0999"),
                   "ärendet finns inte i filen"),
    "bad_time": (lambda p: _answer(p).update(updated_at="igår"),
                 "ändringstiden \\('igår'\\) är ingen giltig tidpunkt"),
}


@pytest.mark.parametrize("name", sorted(TAMPERING))
def test_a_tampered_payload_stores_nothing_and_names_the_problem(
        name: str, exported: Path, other: Database, tmp_path: Path) -> None:
    change, message = TAMPERING[name]
    _, payload = read_exchange(exported, PHRASE)
    change(payload)
    forged = tmp_path / "andrad.granska"
    write_exchange(forged, payload, "Okänd", PHRASE)  # even with the right passphrase
    service = ExchangeService(other, "Granskare B")
    with pytest.raises(ExchangeProblemsError, match=message) as info:
        service.import_round(forged, passphrase=PHRASE)
    assert "ingenting slogs samman" in str(info.value) and PN not in str(info.value)
    assert set(counts(other).values()) == {0}
    # into a database that already has the round: still nothing changes
    service.import_round(exported, passphrase=PHRASE)
    before = counts(other)
    with pytest.raises(ExchangeProblemsError):
        service.import_round(forged, passphrase=PHRASE)
    assert counts(other) == before


def test_merge_logs_each_change_and_itself_and_keeps_file_rows_as_history(
        exported: Path, other: Database) -> None:
    report = ExchangeService(other, "Granskare B").import_round(exported, passphrase=PHRASE)
    with other.session() as s:
        rows = s.scalars(select(ChangeLog).order_by(ChangeLog.id)).all()
    mine = [r for r in rows if r.actor == "Granskare B"]
    assert all(r.reason == "sammanslagning från omgang.granska" for r in mine)
    created = {(r.action, r.entity, r.case_ref, r.new) for r in mine}
    assert ("create", "answer", SECRET_REF, "ja") in created
    assert ("create", "comment", SECRET_REF, SECRET_COMMENT) in created
    assert ("create", "review", "2026-0002", "draft") in created
    assert ("create", "case", "2026-0003", None) in created
    merges = [r for r in mine if r.action == "merge"]
    assert len(merges) == 1 and merges[0].field == "omgang.granska"
    assert f"answers={report.added['answers']}" in (merges[0].new or "")
    history = [r for r in rows if r.actor == "GL"]
    assert history and all((r.reason or "").startswith("importerad historik från "
                                                       "omgang.granska") for r in history)


def test_a_round_locked_here_takes_nothing_not_even_history(
        db: Database, exported: Path, other: Database, tmp_path: Path) -> None:
    from datetime import datetime

    service = ExchangeService(other, "Granskare B")
    service.import_round(exported, passphrase=PHRASE)
    with other.session() as s:
        s.scalars(select(AuditRound)).one().locked_at = datetime.now()
    reviews = ReviewService(db, "GL")
    rnd_id = reviews.case_rows(1)[0].case_id and 1
    second = reviews.case_rows(rnd_id)[1].case_id
    reviews.set_comment(rnd_id, second, "vardplan", "Ny kommentar efter låsningen")
    again = tmp_path / "igen.granska"
    ExchangeService(db, "GL").export_round(rnd_id, again, passphrase=PHRASE)
    before = counts(other)
    for path in (exported, again):  # identical file or one with news: both refused
        with pytest.raises(UserError, match="låst här; ingenting slogs samman"):
            service.import_round(path, passphrase=PHRASE)
    assert counts(other) == before
