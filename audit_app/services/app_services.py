"""The services of one open database, built once and handed to the window and its dialogs."""

from __future__ import annotations

from dataclasses import dataclass, fields

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.services.answer_import import AnswerImportService
from audit_app.services.backups import BackupService, DatabaseFileService
from audit_app.services.caselists import CaseListService
from audit_app.services.changelog import ChangeLogService
from audit_app.services.checklist_versions import ChecklistVersionService
from audit_app.services.deviations import DeviationService
from audit_app.services.exchange import ExchangeService
from audit_app.services.figures import FigureService
from audit_app.services.plan import PlanService
from audit_app.services.plan_status import YearService
from audit_app.services.report_export import ReportExportService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService
from audit_app.services.sampling import SamplingService
from audit_app.services.server_sync import ServerSyncService
from audit_app.services.themes import ThemeService
from audit_app.services.workbooks import WorkbookService
from audit_app.storage.db import Database


@dataclass
class AppServices:
    """Every use case the GUI needs for one database and one reviewer (the actor)."""

    library: ChecklistLibrary
    actor: str
    rounds: RoundService
    reviews: ReviewService
    sampling: SamplingService
    case_lists: CaseListService
    figures: FigureService
    report_export: ReportExportService
    answer_import: AnswerImportService
    workbooks: WorkbookService
    exchange: ExchangeService
    changelog: ChangeLogService
    backups: BackupService
    database: DatabaseFileService
    plans: PlanService
    deviations: DeviationService
    year: YearService
    checklist_versions: ChecklistVersionService
    themes: ThemeService
    server_sync: ServerSyncService

    @classmethod
    def build(cls, db: Database, library: ChecklistLibrary, actor: str) -> AppServices:
        """The composition: every service on the same database and actor."""
        return cls(
            library=library, actor=actor,
            rounds=RoundService(db, library, actor),
            reviews=ReviewService(db, actor),
            sampling=SamplingService(db, actor),
            case_lists=CaseListService(db, actor),
            figures=FigureService(db),
            report_export=ReportExportService(db, actor),
            answer_import=AnswerImportService(db, actor),
            workbooks=WorkbookService(db, actor),
            exchange=ExchangeService(db, actor),
            changelog=ChangeLogService(db),
            backups=BackupService(db.path),
            database=DatabaseFileService(db),
            plans=PlanService(db, library, actor),
            deviations=DeviationService(db, library, actor),
            year=YearService(db, library, actor),
            checklist_versions=ChecklistVersionService(db, library, actor),
            themes=ThemeService(db, actor),
            server_sync=ServerSyncService(db, actor),
        )

    def set_actor(self, actor: str) -> None:
        """The reviewer changed: every service records the new name from now on."""
        self.actor = actor
        for field in fields(self):
            service = getattr(self, field.name)
            if hasattr(service, "actor"):
                service.actor = actor
