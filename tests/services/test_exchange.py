"""Exchange files: export from one database, merge into another, conflicts, damaged files."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.reviews import ReviewStatus
from audit_app.services.answer_import import OURS, THEIRS, ConflictsPendingError
from audit_app.services.exchange import ExchangeService
from audit_app.services.exchange_file import MAGIC, ExchangeFileError, WrongPassphraseError
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, AuditRound, Case, ChangeLog, Review, SampleEntry
from tests.factories import round_with_sample

PHRASE = "rätt lösenfras 1"


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "laptop-b.sqlite3")
    yield database
    database.close()


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {m.__name__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (AuditRound, Case, SampleEntry, Review, Answer, ChangeLog)}


def answers(db: Database) -> dict[tuple[str, str], tuple[str | None, str]]:
    with db.session() as s:
        rows = s.execute(select(Case.case_ref, Answer.item_id, Answer.value, Answer.comment)
                         .join(Review, Review.case_id == Case.id)
                         .join(Answer, Answer.review_id == Review.id)).all()
        return {(r[0], r[1]): (r[2], r[3]) for r in rows}


def test_export_into_empty_database(db: Database, other: Database, library: ChecklistLibrary,
                                    tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 3, reserve=2)
    reviews = ReviewService(db, "GL")
    reviews.set_answer(rnd.id, cases[0], "vardplan", "ja")
    reviews.set_comment(rnd.id, cases[0], "vardplan", "Finns i akten")
    reviews.set_answer(rnd.id, cases[1], "genomforandeplan", "nej")
    path = tmp_path / "omgang.granska"
    got = ExchangeService(db, "GL").export_round(rnd.id, path, passphrase=PHRASE)
    assert got["answers"] == 2 and got["cases"] == 5
    manifest = ExchangeService(other, "Mentor").inspect(path, passphrase=PHRASE)
    assert manifest["format_version"] == 2 and manifest["round_uid"] == rnd.uid
    report = ExchangeService(other, "Mentor").import_round(path, passphrase=PHRASE)
    assert report.created_round and report.added["answers"] == 2
    assert counts(other)["Case"] == 5 and counts(other)["SampleEntry"] == 5
    assert answers(other) == answers(db)
    with other.session() as s:
        assert s.scalar(select(AuditRound.uid)) == rnd.uid
        compliant = s.scalar(select(Answer.compliant).where(Answer.item_id == "vardplan"))
        assert compliant is True
        logged = {(r.actor, r.action, r.entity) for r in s.scalars(select(ChangeLog))}
        assert ("GL", "create", "answer") in logged and ("Mentor", "import", "round") in logged
    rows = ReviewService(other, "Mentor").case_rows(report.round_id)
    assert [r.case_ref for r in rows] == ["2026-0001", "2026-0002", "2026-0003"]
    before = counts(other)
    again = ExchangeService(other, "Mentor").import_round(path, passphrase=PHRASE)
    assert not again.changed and counts(other) == before


def test_merge_with_conflicting_edits(db: Database, other: Database, library: ChecklistLibrary,
                                      tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 3)
    a = ReviewService(db, "Granskare A")
    a.set_answer(rnd.id, cases[0], "vardplan", "ja")
    first = tmp_path / "a1.granska"
    ExchangeService(db, "Granskare A").export_round(rnd.id, first, passphrase=PHRASE)
    ExchangeService(other, "Granskare B").import_round(first, passphrase=PHRASE)
    b = ReviewService(other, "Granskare B")
    b_round = RoundService(other, library, "Granskare B").get(rnd.name).id
    b_cases = [r.case_id for r in b.case_rows(b_round)]
    # both laptops edit offline
    a.set_answer(rnd.id, cases[0], "vardplan", "nej")
    a.set_answer(rnd.id, cases[1], "enskilt_samtal", "ja")
    b.set_answer(b_round, b_cases[0], "vardplan", "ja")  # unchanged on B
    b.set_comment(b_round, b_cases[0], "vardplan", "Granskare B:s kommentar")
    b.set_answer(b_round, b_cases[2], "viewpoint", "nej")
    a.set_answer(rnd.id, cases[2], "viewpoint", "ja")
    second = tmp_path / "a2.granska"
    ExchangeService(db, "Granskare A").export_round(rnd.id, second, passphrase=PHRASE)
    service = ExchangeService(other, "Granskare B")
    before = counts(other)
    with pytest.raises(ConflictsPendingError) as info:
        service.import_round(second, passphrase=PHRASE)
    assert sorted(str(c) for c in info.value.conflicts) == [
        "2026-0001 / vardplan (svar): 'ja' → 'nej'",
        "2026-0003 / viewpoint (svar): 'nej' → 'ja'"]
    assert counts(other) == before
    dry = service.import_round(second, dry_run=True, passphrase=PHRASE)
    assert len(dry.pending) == 2 and counts(other) == before
    report = service.import_round(second, {("2026-0001", "vardplan", "answer"): THEIRS,
                                           ("2026-0003", "viewpoint", "answer"): OURS},
                                 passphrase=PHRASE)
    assert len(report.conflicts) == 2
    got = answers(other)
    assert got[("2026-0001", "vardplan")] == ("nej", "Granskare B:s kommentar")
    assert got[("2026-0002", "enskilt_samtal")] == ("ja", "")
    assert got[("2026-0003", "viewpoint")] == ("nej", "")
    with other.session() as s:
        actors = {r.actor for r in s.scalars(select(ChangeLog))}
        assert {"Granskare A", "Granskare B"} <= actors
        merged = s.scalars(select(ChangeLog).where(ChangeLog.reason == "sammanslagning från "
                                                   "a2.granska",
                                                   ChangeLog.action == "update")).all()
        assert [(r.old, r.new) for r in merged] == [("ja", "nej")]
    # and back: A takes B's comment and keeps its own viewpoint answer
    back = tmp_path / "b.granska"
    ExchangeService(other, "Granskare B").export_round(b_round, back, passphrase=PHRASE)
    ExchangeService(db, "Granskare A").import_round(back, OURS, passphrase=PHRASE)
    assert answers(db)[("2026-0001", "vardplan")] == ("nej", "Granskare B:s kommentar")
    assert answers(db)[("2026-0003", "viewpoint")] == ("ja", "")
    with db.session() as s:
        log = s.scalars(select(ChangeLog)).all()
        keys = [(r.at, r.actor, r.action, r.entity_id, r.field, r.old, r.new) for r in log]
        assert len(keys) == len(set(keys))


def test_completion_travels_and_locked_round_refuses(db: Database, other: Database,
                                                     library: ChecklistLibrary,
                                                     tmp_path: Path) -> None:
    from datetime import datetime

    rnd, cases = round_with_sample(db, library, 1)
    a = ReviewService(db, "Granskare A")
    for item, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                        ("genomforandeplan", "nej"), ("vardplan", "ja")):
        a.set_answer(rnd.id, cases[0], item, value)
    first = tmp_path / "a.granska"
    ExchangeService(db, "Granskare A").export_round(rnd.id, first, passphrase=PHRASE)
    ExchangeService(other, "Granskare B").import_round(first, passphrase=PHRASE)
    a.complete(rnd.id, cases[0])
    ExchangeService(db, "Granskare A").export_round(rnd.id, first, passphrase=PHRASE)
    report = ExchangeService(other, "Granskare B").import_round(first, passphrase=PHRASE)
    assert report.added["completed"] == 1
    assert ReviewService(other, "Granskare B").case_rows(report.round_id)[0].status \
        is ReviewStatus.COMPLETE
    with other.session() as s:
        row = s.scalars(select(AuditRound)).one()
        row.locked_at = datetime.now()
    a.reopen(rnd.id, cases[0], "Fel i svaret")
    a.set_answer(rnd.id, cases[0], "viewpoint", "ja")
    ExchangeService(db, "Granskare A").export_round(rnd.id, first, passphrase=PHRASE)
    with pytest.raises(UserError, match="låst"):
        ExchangeService(other, "Granskare B").import_round(first, passphrase=PHRASE)


def _reheader(src: Path, dst: Path, change: dict[str, object]) -> Path:
    """The file with its plain header changed (the ciphertext is left as it was)."""
    raw = src.read_bytes()
    size = int.from_bytes(raw[len(MAGIC):len(MAGIC) + 4], "big")
    start = len(MAGIC) + 4
    header = json.loads(raw[start:start + size])
    header.update(change)
    new = json.dumps(header).encode("ascii")
    dst.write_bytes(MAGIC + len(new).to_bytes(4, "big") + new + raw[start + size:])
    return dst


def test_damaged_and_incompatible_files_refused(db: Database, other: Database,
                                                library: ChecklistLibrary,
                                                tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")
    good = tmp_path / "ok.granska"
    ExchangeService(db, "GL").export_round(rnd.id, good, passphrase=PHRASE)
    service = ExchangeService(other, "Granskare B")
    raw = good.read_bytes()
    (tmp_path / "cut.granska").write_bytes(raw[: len(raw) // 2])
    (tmp_path / "stub.granska").write_bytes(raw[:60])
    (tmp_path / "junk.granska").write_bytes(b"hello")
    flipped = bytearray(raw)
    flipped[-40] ^= 0x01
    (tmp_path / "flipped.granska").write_bytes(bytes(flipped))
    with zipfile.ZipFile(tmp_path / "v1.granska", "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "granska-exchange",
                                                 "format_version": 1}))
        zf.writestr("payload.json", "{}")
    cases_ = {
        "cut.granska": "ändrats eller är skadad",
        "stub.granska": "skadad eller ofullständig",
        "junk.granska": "ingen exportfil från Granska, eller så är den skadad",
        "flipped.granska": "ändrats eller är skadad",
        _reheader(good, tmp_path / "header.granska", {"app_version": "0.0.1"}).name:
            "ändrats eller är skadad",
        _reheader(good, tmp_path / "future.granska", {"format_version": 3,
                                                      "app_version": "9.0"}).name:
            "nyare Granska .*filformat 3",
        _reheader(good, tmp_path / "other.granska", {"format": "annat"}).name:
            "ingen exportfil",
        _reheader(good, tmp_path / "huge.granska", {"n": 2**30}).name:
            "skadad eller ofullständig",
        "v1.granska": "okrypterad exportfil från en äldre Granska.*exportera omgången igen",
        "missing.granska": "finns inte",
    }
    for name, message in cases_.items():
        with pytest.raises(ExchangeFileError, match=message):
            service.import_round(tmp_path / name, passphrase=PHRASE)
    with pytest.raises(WrongPassphraseError, match="Fel lösenfras för ok.granska"):
        service.import_round(good, passphrase="en annan fras")
    assert counts(other)["AuditRound"] == 0


def test_name_clash_renamed_and_other_sample_refused(db: Database, other: Database,
                                                     library: ChecklistLibrary,
                                                     tmp_path: Path) -> None:
    from audit_app.storage.models import Sample

    rnd, _ = round_with_sample(db, library, 2)
    round_with_sample(other, library, 2)  # same name, another uid, on the other laptop
    path = tmp_path / "a.granska"
    ExchangeService(db, "GL").export_round(rnd.id, path, passphrase=PHRASE)
    report = ExchangeService(other, "Granskare B").import_round(path, passphrase=PHRASE)
    assert report.created_round and report.round_name.startswith(f"{rnd.name} (importerad")
    assert any("heter redan" in n for n in report.notes)
    with other.session() as s:
        sample = s.scalars(select(Sample).where(Sample.round_id == report.round_id)).one()
        sample.seed = "annat-fro"
    with pytest.raises(UserError, match="annat stickprov"):
        ExchangeService(other, "Granskare B").import_round(path, passphrase=PHRASE)
