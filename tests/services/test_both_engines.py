"""The services on both engines: the same calls give the same results on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import ConflictError, UserError
from audit_app.domain.reviews import AnswerConflictError, ReviewStatus
from audit_app.services.caselists import CaseListService
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.services.sampling import SamplingService
from audit_app.storage.db import Database, head_revision, schema_revision
from audit_app.storage.models import Answer, Base, Case, ChangeLog
from tests.factories import round_with_sample
from tests.figure_data import seed_utredning
from tests.importers.caselist_files import report_xlsx

# PostgreSQL's own, outside the models: the counts its triggers keep (migration 0009)
SERVER_ONLY = {"answer_count", "ix_review_case"}


def test_migrated_schema_equals_models(any_db: Database) -> None:
    assert schema_revision(any_db) == head_revision()
    with any_db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    extra = {d[1].name for d in diff if isinstance(d, tuple) and d[0] in (
        "remove_table", "remove_index")}
    assert extra == (SERVER_ONLY if any_db.engine.dialect.name == "postgresql" else set())
    assert len(diff) == len(extra)


def test_rounds_create_list_lock(any_db: Database, library: ChecklistLibrary) -> None:
    rounds = RoundService(any_db, library, "GL")
    made = rounds.create("Placerade T1 2026", "placerade-barn", 2026, "T1", "Familjehem")
    with pytest.raises(UserError, match="finns redan"):
        rounds.create("Placerade T1 2026", "placerade-barn", 2026, "T1", "Familjehem")
    assert [(r.name, r.unit, r.year) for r in rounds.list()] == [
        ("Placerade T1 2026", "Familjehem", 2026)]
    assert rounds.lock(made.id).locked


def test_case_list_import_and_draw(any_db: Database, library: ChecklistLibrary,
                                   tmp_path: Path) -> None:
    rid = RoundService(any_db, library, "GL").create("Placerade T1 2026", "placerade-barn",
                                                     2026, "T1", "Familjehem").id
    result = CaseListService(any_db, "GL").import_file(rid, report_xlsx(tmp_path / "l.xlsx"))
    assert (result.added, result.updated) == (6, 0)
    cases = CaseListService(any_db, "GL").list_cases(rid)
    assert [c.case_ref for c in cases] == [f"ÄR-{k:04d}" for k in range(1, 7)]
    assert cases[1].closing_date == date(2026, 3, 2)
    proto = SamplingService(any_db, "GL").draw(rid, size=3, seed="abc123")
    # the draw depends only on the frame and the seed: the same cases on both engines
    assert sorted(proto.sampled_refs) == ["ÄR-0002", "ÄR-0005", "ÄR-0006"]


def test_reviews_answer_complete_reopen(any_db: Database, library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(any_db, library, 2)
    service = ReviewService(any_db, "GL")
    record = service.set_answer(summary.id, case_ids[0], "vardplan", "ja")
    assert record.answers["vardplan"].value == "ja"
    assert record.answers["vardplan"].version == 1
    record = service.set_answer(summary.id, case_ids[0], "vardplan", "nej")
    assert record.answers["vardplan"].version == 2
    with any_db.session() as s:
        log = s.scalars(select(ChangeLog).where(ChangeLog.entity == "answer")
                        .order_by(ChangeLog.id)).all()
        assert [(c.old, c.new) for c in log] == [(None, "ja"), ("ja", "nej")]
        role = log[0].db_role
    # on the server the change log names the database role; a file has none
    assert role == (None if any_db.engine.dialect.name == "sqlite" else any_db.current_role())


def test_figures_signs_of_safety_26_of_46(any_db: Database, library: ChecklistLibrary) -> None:
    round_id, _ = seed_utredning(any_db, library)
    report = FigureService(any_db).compute([round_id])
    sos = report.item("signs_of_safety").total
    assert (sos.x, sos.n) == (26, 46)
    assert sos.counts == {"ja": 26, "nej": 20}
    assert report.reviews == 46


def test_two_reviewers_same_answer_conflict_names_both(any_db: Database,
                                                       library: ChecklistLibrary) -> None:
    summary, case_ids = round_with_sample(any_db, library, 1)
    anna, bo = ReviewService(any_db, "Granskare A"), ReviewService(any_db, "Granskare B")
    rid, cid = summary.id, case_ids[0]
    first = anna.set_answer(rid, cid, "vardplan", "ja")
    seen_by_bo = bo.review(rid, cid).answers["vardplan"].version  # Granskare B's form shows "ja"
    anna.set_answer(rid, cid, "vardplan", "nej", expected_version=first.answers[
        "vardplan"].version)
    with pytest.raises(AnswerConflictError) as caught:
        bo.set_answer(rid, cid, "vardplan", "ja",
                      expected_version=seen_by_bo)
    message = str(caught.value)
    assert "Granskare A" in message and "'nej'" in message and "'ja'" in message
    assert isinstance(caught.value, ConflictError)
    assert bo.review(rid, cid).answers["vardplan"].value == "nej"  # nothing overwritten
    # having seen Granskare A's answer, Granskare B may change it
    now = bo.review(rid, cid).answers["vardplan"].version
    assert bo.set_answer(rid, cid, "vardplan", "ja", expected_version=now).answers[
        "vardplan"].value == "ja"
    assert ReviewStatus(first.status) is ReviewStatus.DRAFT


def _report_json(db: Database, library: ChecklistLibrary, path: Path) -> dict[str, object]:
    round_id, _ = seed_utredning(db, library)
    t2, _ = seed_utredning(db, library, n=10, period="T2", name="Utredning T2 2026")
    ReportExportService(db, "GL").write(ExportRequest((round_id, t2), json=path))
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _without_times(value: object) -> object:
    """The report without its generation time (the only thing that may differ)."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items()
                if k not in ("generated", "generated_at", "created_at")}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def test_report_json_equal_on_both_engines_figure_by_figure(
        pg_db: Database, tmp_path: Path, library: ChecklistLibrary) -> None:
    from audit_app.storage.db import open_database

    lite = open_database(tmp_path / "g.sqlite3")
    try:
        on_file = _report_json(lite, library, tmp_path / "file.json")
    finally:
        lite.close()
    on_server = _report_json(pg_db, library, tmp_path / "server.json")
    assert _without_times(on_server) == _without_times(on_file)
    items = on_file.get("items") if isinstance(on_file, dict) else None
    assert items, on_file.keys()


def test_answers_counted_alike(any_db: Database, library: ChecklistLibrary) -> None:
    seed_utredning(any_db, library)
    with any_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Case)) == 46
        applicable = s.scalar(select(func.count()).select_from(Answer)
                              .where(Answer.applicable.is_(True)))
    assert applicable == 46 * 5 + 10


def test_personnummer_guard_on_both_engines(any_db: Database, library: ChecklistLibrary
                                            ) -> None:
    """The flush-time guard (storage.text_guard) holds on the server as in a file."""
    from audit_app.domain.personnummer import PersonnummerError
    from audit_app.storage.models import AuditRound
    from tests.importers.caselist_files import PNR  # built from invented digits

    summary, _ = round_with_sample(any_db, library, 1)
    with pytest.raises(PersonnummerError):
        with any_db.session() as s:
            row = s.get(AuditRound, summary.id)
            assert row is not None
            row.name = f"Omgång {PNR}"
    assert RoundService(any_db, library, "GL").get(summary.id).name == summary.name
