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
from audit_app.services.exchange_file import ExchangeFileError
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.storage.db import Database, open_database
from audit_app.storage.models import Answer, AuditRound, Case, ChangeLog, Review, SampleEntry
from tests.factories import round_with_sample


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
    got = ExchangeService(db, "GL").export_round(rnd.id, path)
    assert got["answers"] == 2 and got["cases"] == 5
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == 1 and len(manifest["payload_sha256"]) == 64
    report = ExchangeService(other, "Mentor").import_round(path)
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
    again = ExchangeService(other, "Mentor").import_round(path)
    assert not again.changed and counts(other) == before


def test_merge_with_conflicting_edits(db: Database, other: Database, library: ChecklistLibrary,
                                      tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 3)
    a = ReviewService(db, "Anna")
    a.set_answer(rnd.id, cases[0], "vardplan", "ja")
    first = tmp_path / "a1.granska"
    ExchangeService(db, "Anna").export_round(rnd.id, first)
    ExchangeService(other, "Bo").import_round(first)
    b = ReviewService(other, "Bo")
    b_round = RoundService(other, library, "Bo").get(rnd.name).id
    b_cases = [r.case_id for r in b.case_rows(b_round)]
    # both laptops edit offline
    a.set_answer(rnd.id, cases[0], "vardplan", "nej")
    a.set_answer(rnd.id, cases[1], "enskilt_samtal", "ja")
    b.set_answer(b_round, b_cases[0], "vardplan", "ja")  # unchanged on B
    b.set_comment(b_round, b_cases[0], "vardplan", "Bo:s kommentar")
    b.set_answer(b_round, b_cases[2], "viewpoint", "nej")
    a.set_answer(rnd.id, cases[2], "viewpoint", "ja")
    second = tmp_path / "a2.granska"
    ExchangeService(db, "Anna").export_round(rnd.id, second)
    service = ExchangeService(other, "Bo")
    before = counts(other)
    with pytest.raises(ConflictsPendingError) as info:
        service.import_round(second)
    assert sorted(str(c) for c in info.value.conflicts) == [
        "2026-0001 / vardplan (svar): 'ja' → 'nej'",
        "2026-0003 / viewpoint (svar): 'nej' → 'ja'"]
    assert counts(other) == before
    dry = service.import_round(second, dry_run=True)
    assert len(dry.pending) == 2 and counts(other) == before
    report = service.import_round(second, {("2026-0001", "vardplan", "answer"): THEIRS,
                                           ("2026-0003", "viewpoint", "answer"): OURS})
    assert len(report.conflicts) == 2
    got = answers(other)
    assert got[("2026-0001", "vardplan")] == ("nej", "Bo:s kommentar")
    assert got[("2026-0002", "enskilt_samtal")] == ("ja", "")
    assert got[("2026-0003", "viewpoint")] == ("nej", "")
    with other.session() as s:
        actors = {r.actor for r in s.scalars(select(ChangeLog))}
        assert {"Anna", "Bo"} <= actors
        merged = s.scalars(select(ChangeLog).where(ChangeLog.reason == "sammanslagning från "
                                                   "a2.granska")).all()
        assert [(r.old, r.new) for r in merged] == [("ja", "nej")]
    # and back: A takes B's comment and keeps its own viewpoint answer
    back = tmp_path / "b.granska"
    ExchangeService(other, "Bo").export_round(b_round, back)
    ExchangeService(db, "Anna").import_round(back, OURS)
    assert answers(db)[("2026-0001", "vardplan")] == ("nej", "Bo:s kommentar")
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
    a = ReviewService(db, "Anna")
    for item, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "ja"),
                        ("genomforandeplan", "nej"), ("vardplan", "ja")):
        a.set_answer(rnd.id, cases[0], item, value)
    first = tmp_path / "a.granska"
    ExchangeService(db, "Anna").export_round(rnd.id, first)
    ExchangeService(other, "Bo").import_round(first)
    a.complete(rnd.id, cases[0])
    ExchangeService(db, "Anna").export_round(rnd.id, first)
    report = ExchangeService(other, "Bo").import_round(first)
    assert report.added["completed"] == 1
    assert ReviewService(other, "Bo").case_rows(report.round_id)[0].status \
        is ReviewStatus.COMPLETE
    with other.session() as s:
        row = s.scalars(select(AuditRound)).one()
        row.locked_at = datetime.now()
    a.reopen(rnd.id, cases[0], "Fel i svaret")
    a.set_answer(rnd.id, cases[0], "viewpoint", "ja")
    ExchangeService(db, "Anna").export_round(rnd.id, first)
    with pytest.raises(UserError, match="låst"):
        ExchangeService(other, "Bo").import_round(first)


def _rewrite(src: Path, dst: Path, manifest_change: dict[str, object] | None = None,
             payload: bytes | None = None) -> Path:
    with zipfile.ZipFile(src) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        data = zf.read("payload.json")
    manifest.update(manifest_change or {})
    with zipfile.ZipFile(dst, "w") as zf:
        zf.writestr("manifest.json", json.dumps(manifest))
        zf.writestr("payload.json", payload if payload is not None else data)
    return dst


def test_damaged_and_incompatible_files_refused(db: Database, other: Database,
                                                library: ChecklistLibrary,
                                                tmp_path: Path) -> None:
    rnd, cases = round_with_sample(db, library, 2)
    ReviewService(db, "GL").set_answer(rnd.id, cases[0], "vardplan", "ja")
    good = tmp_path / "ok.granska"
    ExchangeService(db, "GL").export_round(rnd.id, good)
    service = ExchangeService(other, "Bo")
    raw = good.read_bytes()
    (tmp_path / "cut.granska").write_bytes(raw[: len(raw) // 2])
    (tmp_path / "junk.granska").write_bytes(b"hello")
    with zipfile.ZipFile(good) as zf:
        data = zf.read("payload.json")
    cases_ = {
        "cut.granska": "skadad eller ofullständig",
        "junk.granska": "skadad eller ofullständig",
        _rewrite(good, tmp_path / "tampered.granska",
                 payload=data.replace(b'"ja"', b'"nej"')).name: "kontrollsumman",
        _rewrite(good, tmp_path / "future.granska", {"format_version": 2,
                                                     "app_version": "9.0"}).name:
            "nyare Granska .*filformat 2",
        _rewrite(good, tmp_path / "other.granska", {"format": "annat"}).name:
            "ingen exportfil",
        "missing.granska": "finns inte",
    }
    for name, message in cases_.items():
        with pytest.raises(ExchangeFileError, match=message):
            service.import_round(tmp_path / name)
    assert counts(other)["AuditRound"] == 0


def test_name_clash_renamed_and_other_sample_refused(db: Database, other: Database,
                                                     library: ChecklistLibrary,
                                                     tmp_path: Path) -> None:
    from audit_app.storage.models import Sample

    rnd, _ = round_with_sample(db, library, 2)
    round_with_sample(other, library, 2)  # same name, another uid, on the other laptop
    path = tmp_path / "a.granska"
    ExchangeService(db, "GL").export_round(rnd.id, path)
    report = ExchangeService(other, "Bo").import_round(path)
    assert report.created_round and report.round_name.startswith(f"{rnd.name} (importerad")
    assert any("heter redan" in n for n in report.notes)
    with other.session() as s:
        sample = s.scalars(select(Sample).where(Sample.round_id == report.round_id)).one()
        sample.seed = "annat-fro"
    with pytest.raises(UserError, match="annat stickprov"):
        ExchangeService(other, "Bo").import_round(path)
