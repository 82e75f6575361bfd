"""A long answer file's themes column tags the texts; line breaks in texts are kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.answer_import import AnswerImportService, ImportProblemsError
from audit_app.services.figures import FigureService
from audit_app.services.reviews import ReviewService
from audit_app.storage.db import Database
from audit_app.storage.models import ChangeLog
from tests.factories import round_with_sample
from tests.reports.test_texts_summary import answers
from tests.services.test_themes import themed_source


@pytest.fixture
def themed_round(db: Database, tmp_path: Path) -> tuple[int, list[int]]:
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "tema.yaml").write_text(themed_source(), encoding="utf-8")
    summary, case_ids = round_with_sample(db, ChecklistLibrary([folder]), 3,
                                          name="Tema T1 2026", checklist="aktgranskning-familj")
    return summary.id, case_ids


def test_themes_column_tags_texts_and_keeps_line_breaks(
        db: Database, themed_round: tuple[int, list[int]], tmp_path: Path) -> None:
    rid, case_ids = themed_round
    service = ReviewService(db, "Mia")
    for k, case_id in enumerate(case_ids):
        for item_id, value in answers(k).items():
            if item_id != "styrkor":
                service.set_answer(rid, case_id, item_id, value)
    path = tmp_path / "texter.csv"
    path.write_bytes("ärende;kontrollpunkt;svar;kommentar;teman\r\n"
                     '2026-0001;styrkor;"Barnet hörs.\r\nTidslinjen är tydlig.";;'
                     "barnets_rost | tidslinje\r\n"
                     "2026-0002;styrkor;Samverkan med skolan.;;samverkan\r\n"
                     "2026-0003;styrkor;Inga teman här.;;\r\n".encode())
    plan = AnswerImportService(db, "Mia").import_file(rid, path, complete=False)
    assert plan.problems == [] and plan.retagged == 2
    first = service.review(rid, case_ids[0]).answers["styrkor"]
    assert first.value == "Barnet hörs.\nTidslinjen är tydlig."
    assert first.themes == ("barnets_rost", "tidslinje")
    assert service.review(rid, case_ids[1]).answers["styrkor"].themes == ("samverkan",)
    assert service.review(rid, case_ids[2]).answers["styrkor"].themes == ()
    with db.session() as s:
        logged = [(c.entity, c.new, c.reason) for c in s.query(ChangeLog)
                  if c.entity == "themes"]
    assert ("themes", "barnets_rost|tidslinje", "import från texter.csv") in logged
    for case_id in case_ids:
        service.complete(rid, case_id)
    counts = {t.id: (t.count, t.n) for t in FigureService(db).compute([rid]).item("styrkor").themes}
    assert counts == {"barnets_rost": (1, 3), "tidslinje": (1, 3), "samverkan": (1, 3)}

    # a later file retags: an empty cell ("|") clears, a blank one leaves the tags alone
    again = tmp_path / "igen.csv"
    again.write_text("case,item,answer,themes\n2026-0001,styrkor,,|\n2026-0002,styrkor,,\n",
                     encoding="utf-8")
    assert AnswerImportService(db, "Mia").import_file(rid, again).retagged == 1
    assert service.review(rid, case_ids[0]).answers["styrkor"].themes == ()
    assert service.review(rid, case_ids[1]).answers["styrkor"].themes == ("samverkan",)


def test_unknown_themes_and_untexted_tags_are_problems_naming_the_row(
        db: Database, themed_round: tuple[int, list[int]], tmp_path: Path) -> None:
    rid, case_ids = themed_round
    path = tmp_path / "fel.csv"
    path.write_text("case,item,answer,comment,themes\n"
                    "2026-0001,styrkor,En text.,,barnets_rost|okänt\n"
                    "2026-0002,styrkor,,,samverkan\n"
                    "2026-0003,styrkor,Text.,,tidslinje\n", encoding="utf-8")
    with pytest.raises(ImportProblemsError) as caught:
        AnswerImportService(db, "Mia").import_file(rid, path)
    problems = caught.value.problems
    assert problems == [
        "rad 2: okänt tema 'okänt' för 'styrkor' (finns: barnets_rost, tidslinje, samverkan)",
        "rad 3: 2026-0002 / styrkor har ingen text att märka med teman"]
    assert ReviewService(db, "Mia").review(rid, case_ids[2]).answers == {}
