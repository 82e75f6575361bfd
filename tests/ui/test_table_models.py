"""Every table model in audit_app/ui passes pytest-qt's model tester, empty and filled."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import QAbstractItemModel, Qt

import audit_app.ui
from audit_app.domain.figures import Comment, Figure, GroupKey, GroupKind, ItemFigures
from audit_app.domain.reviews import CaseReviewRow, ReviewStatus
from audit_app.domain.rounds import RoundSummary
from audit_app.importers.caselist import CaseRow
from audit_app.services.changelog import ChangeRecord
from audit_app.services.figures import CaseBehind
from audit_app.ui.case_table import CaseTableModel
from audit_app.ui.caselist_import_parts import PREVIEW_HEADERS, RecordTable, preview_cells
from audit_app.ui.cases_dialog import AnswerFilter, CasesModel
from audit_app.ui.changelog_view import ChangeLogModel
from audit_app.ui.models import RoundTableModel
from audit_app.ui.results_parts import FigureRow, FigureTableModel
from audit_app.ui.text_answers_panel import TextTableModel
from audit_app.ui.year_model import OVERDUE_FILL, YearRows

NOW = datetime(2026, 3, 5, 10, 30)


def figures() -> FigureTableModel:
    model = FigureTableModel(("Grupp", "Resultat", "Andel", "KI", "Mål", "Bedömning", "Stapel"))
    model.set_rows([FigureRow("Totalt", Figure(10, 7, {"ja": 7, "nej": 3}, 80), "a"),
                    FigureRow("Norr", Figure(0, 0), "a", key=GroupKey(GroupKind.UNIT, value="N")),
                    FigureRow("Svar", Figure(), "b", scored=False, counts_text="Ja 2")])
    return model


def rounds() -> RoundTableModel:
    model = RoundTableModel()
    model.set_rows([RoundSummary(k, f"uid-{k}", f"Omgång {k}", "utredning-barn", "Utredning",
                                 "1.0", 1, 2026, "T1", "Norr", "GL", NOW, reviewed=k, sampled=5)
                    for k in range(1, 4)])
    return model


def cases() -> CaseTableModel:
    model = CaseTableModel()
    model.set_rows([CaseReviewRow(k, f"2026-{k:04d}", "Norr", "", ("flicka", "pojke")[k % 2],
                                  k, (ReviewStatus.DRAFT, ReviewStatus.COMPLETE)[k % 2], "GL", k)
                    for k in range(1, 6)])
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter("2026")
    return model


def preview() -> RecordTable:
    model = RecordTable(PREVIEW_HEADERS, preview_cells)
    model.set_rows([CaseRow(k, f"2026-{k:04d}", "Norr", gender="flicka",
                            closing_date=date(2026, 3, k)) for k in range(1, 4)])
    return model


def changes() -> ChangeLogModel:
    model = ChangeLogModel()
    model.set_rows([ChangeRecord(NOW, "GL", "update", "answer", "1", 1, "2026-0001", "value",
                                 "ja", "nej", "Rättelse"),
                    ChangeRecord(NOW, "GL", "create", "round", "2", None, None, None, None,
                                 None, None)])
    return model


def behind() -> CasesModel:
    return CasesModel(("Ärende", "Omgång", "Enhet", "Svar", "Uppfyllt", "Kommentar"),
                      [CaseBehind("T1", f"2026-{k:04d}", "Norr", "flicka",
                                  ("ja", "nej", None)[k % 3], (True, False, None)[k % 3],
                                  "", 1, k) for k in range(1, 7)], {"ja": "Ja", "nej": "Nej"})


def texts() -> TextTableModel:
    model = TextTableModel()
    model.set_rows(ItemFigures(
        "styrkor", "Styrkor?", "A", "fritext", (), None, False, False, "", Figure(),
        comments=(Comment("2026-0001", "T1", "Bra", "Bra", "GL", written=True),
                  Comment("2026-0002", "T1", "nej", "Saknas", "GL", themes=("Röst",)))))
    return model


def answer_filter() -> AnswerFilter:
    model = AnswerFilter(behind())
    model.sort(CasesModel.COMPLIANT, Qt.SortOrder.AscendingOrder)
    model.set_answer("nej")
    return model


def year_rows() -> YearRows:
    model = YearRows(["Kontroll", "Status", "Åtgärd"])
    model.set_rows([(["Barnsamtal", "Klar", ""], False),
                    (["Genomförandeplan", "Försenad", "Påminnelse"], True)])
    return model


FACTORIES: dict[str, Callable[[], QAbstractItemModel]] = {
    "FigureTableModel": figures, "RoundTableModel": rounds,
    "CaseTableModel": cases, "ChangeLogModel": changes, "RecordTable": preview,
    "CasesModel": behind, "AnswerFilter": answer_filter, "TextTableModel": texts,
    "YearRows": year_rows,
}


@pytest.mark.parametrize("name", list(FACTORIES))
def test_model_passes_the_model_tester(qtmodeltester: object, name: str) -> None:
    model = FACTORIES[name]()
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)  # type: ignore[attr-defined]


def _subclasses(cls: type) -> set[type]:
    out = set()
    for sub in cls.__subclasses__():
        out |= {sub} | _subclasses(sub)
    return out


def test_every_model_class_in_the_ui_is_tested() -> None:
    for module in pkgutil.iter_modules(audit_app.ui.__path__):
        importlib.import_module(f"audit_app.ui.{module.name}")
    ours = {c.__name__ for c in _subclasses(QAbstractItemModel)
            if c.__module__.startswith("audit_app.ui") and not c.__name__.startswith("_")
            and c.__name__ not in ("HeaderedTableModel", "TitledTableModel")}  # bases
    assert ours and ours <= set(FACTORIES), ours - set(FACTORIES)


def test_year_rows_mark_only_the_overdue_row() -> None:
    model = year_rows()
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(0, 0).data(background) is None
    assert model.index(1, 2).data(background) == OVERDUE_FILL
    assert model.index(1, 1).data() == "Försenad"
