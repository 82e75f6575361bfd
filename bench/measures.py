"""One benchmark measure per function, each run in its own process: `python -m bench.measures NAME`.

A measure prints one JSON line: seconds of the timed part and the process's peak memory.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

MEASURES: dict[str, Callable[[dict[str, str]], float]] = {}
# Figures a measure reports besides its time (e.g. the PDF's page count).
EXTRA: dict[str, Any] = {}


def measure(name: str) -> Callable[[Callable[[dict[str, str]], float]],
                                   Callable[[dict[str, str]], float]]:
    def register(fn: Callable[[dict[str, str]], float]) -> Callable[[dict[str, str]], float]:
        MEASURES[name] = fn
        return fn
    return register


class Unavailable(Exception):
    """The part of Granska this measure needs is not there (yet)."""


def _open(args: dict[str, str], db: str | None = None) -> Any:
    """The benchmark's database as a user opens it: keyed with the passphrase (the
    encrypted default) or, for the plain file reported beside it, without one."""
    from audit_app.storage.db import open_database

    return open_database(Path(db or args["db"]), passphrase=args.get("passphrase") or None,
                         daily_backup=False)


# -- figures ---------------------------------------------------------------------------

PLAIN_QUERIES = [
    # per item: applicable n, compliant x, counts per answer
    "SELECT a.item_id, a.value, COUNT(*), SUM(a.compliant) FROM answer a"
    " JOIN review r ON r.id = a.review_id WHERE r.status = 'complete' AND r.round_id IN ({ids})"
    " AND a.applicable = 1 AND a.compliant IS NOT NULL GROUP BY a.item_id, a.value",
    # per item and period
    "SELECT a.item_id, ar.period, COUNT(*), SUM(a.compliant) FROM answer a"
    " JOIN review r ON r.id = a.review_id JOIN audit_round ar ON ar.id = r.round_id"
    " WHERE r.status = 'complete' AND r.round_id IN ({ids}) AND a.applicable = 1"
    " AND a.compliant IS NOT NULL GROUP BY a.item_id, ar.period",
    # per item and unit
    "SELECT a.item_id, c.unit, COUNT(*), SUM(a.compliant) FROM answer a"
    " JOIN review r ON r.id = a.review_id JOIN \"case\" c ON c.id = r.case_id"
    " WHERE r.status = 'complete' AND r.round_id IN ({ids}) AND a.applicable = 1"
    " AND a.compliant IS NOT NULL GROUP BY a.item_id, c.unit",
    # per item and gender
    "SELECT a.item_id, c.gender, COUNT(*), SUM(a.compliant) FROM answer a"
    " JOIN review r ON r.id = a.review_id JOIN \"case\" c ON c.id = r.case_id"
    " WHERE r.status = 'complete' AND r.round_id IN ({ids}) AND a.applicable = 1"
    " AND a.compliant IS NOT NULL GROUP BY a.item_id, c.gender",
]


def _year_rounds(args: dict[str, str]) -> list[int]:
    return [int(x) for x in args["rounds"].split(",")]


@measure("figures_plain_sql")
def figures_plain_sql(args: dict[str, str]) -> float:
    ids = ",".join(str(i) for i in _year_rounds(args))
    con = sqlite3.connect(args.get("plain_db") or args["db"])  # the plain file, always
    start = time.perf_counter()
    for query in PLAIN_QUERIES:
        con.execute(query.format(ids=ids)).fetchall()
    return time.perf_counter() - start


def _figure_service(args: dict[str, str]) -> Any:
    try:
        from audit_app.services.figures import FigureService
    except ImportError as exc:
        raise Unavailable("services.figures saknas") from exc
    return FigureService(_open(args))


@measure("figures_granska")
def figures_granska(args: dict[str, str]) -> float:
    service = _figure_service(args)
    start = time.perf_counter()
    service.compute(_year_rounds(args))
    return time.perf_counter() - start


def _export(args: dict[str, str], **files: Path) -> float:
    """The whole export as the user waits for it: figures, then the file(s)."""
    from audit_app.services.report_export import ExportRequest, ReportExportService

    service = ReportExportService(_open(args), "bench")
    request = ExportRequest(tuple(_year_rounds(args)), **files)  # type: ignore[arg-type]
    start = time.perf_counter()
    service.write(request)
    return time.perf_counter() - start


def pdf_pages(path: Path) -> int:
    """The page count of a PDF (read with pypdf)."""
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


@measure("report_pdf")
def report_pdf(args: dict[str, str]) -> float:
    pdf = Path(args["out"]) / f"bench-{os.getpid()}.pdf"
    seconds = _export(args, pdf=pdf)
    EXTRA["pages"] = pdf_pages(pdf)  # a summary stays a summary: counted, not timed
    return seconds


@measure("report_xlsx")
def report_xlsx(args: dict[str, str]) -> float:
    return _export(args, xlsx=Path(args["out"]) / f"bench-{os.getpid()}.xlsx")


# -- case-list import ------------------------------------------------------------------

@measure("import_xlsx_openpyxl")
def import_xlsx_openpyxl(args: dict[str, str]) -> float:
    from openpyxl import load_workbook

    start = time.perf_counter()
    wb = load_workbook(args["xlsx"], read_only=True)
    for _row in wb.active.iter_rows(values_only=True):  # type: ignore[union-attr,unused-ignore]
        pass
    wb.close()
    return time.perf_counter() - start


@measure("import_csv_reader")
def import_csv_reader(args: dict[str, str]) -> float:
    start = time.perf_counter()
    with open(args["csv"], encoding="cp1252", newline="") as fh:
        for _row in csv.reader(fh, delimiter=";"):
            pass
    return time.perf_counter() - start


def _import_with_granska(args: dict[str, str], key: str) -> float:
    import openpyxl  # noqa: F401  imported before the timer, as in the baseline
    try:
        from audit_app.services.caselists import CaseListService
    except ImportError as exc:
        raise Unavailable("services.caselists saknas") from exc
    from audit_app.checklist_io.library import ChecklistLibrary
    from audit_app.paths import checklists_dir
    from audit_app.services.rounds import RoundService

    db = _open(args, str(Path(args["out"]) / f"import-{key}-{os.getpid()}.sqlite3"))
    rnd = RoundService(db, ChecklistLibrary([checklists_dir()]), "bench").create(
        f"Import {key}", "placerade-barn", 2026, "T1")
    service = CaseListService(db, "bench")
    start = time.perf_counter()
    service.import_file(rnd.id, Path(args[key]))
    return time.perf_counter() - start


def _check_with_granska(args: dict[str, str], key: str) -> float:
    import openpyxl  # noqa: F401  imported before the timer, as in the baseline

    from audit_app.importers.caselist import read_case_list

    start = time.perf_counter()
    result = read_case_list(Path(args[key]))
    seconds = time.perf_counter() - start
    if len(result.rows) < 1 or result.problems:
        raise Unavailable(f"filen lästes fel: {len(result.rows)} rader, {result.problems[:3]}")
    return seconds


@measure("check_xlsx_granska")
def check_xlsx_granska(args: dict[str, str]) -> float:
    return _check_with_granska(args, "xlsx")


@measure("check_csv_granska")
def check_csv_granska(args: dict[str, str]) -> float:
    return _check_with_granska(args, "csv")


@measure("import_xlsx_granska")
def import_xlsx_granska(args: dict[str, str]) -> float:
    return _import_with_granska(args, "xlsx")


@measure("import_csv_granska")
def import_csv_granska(args: dict[str, str]) -> float:
    return _import_with_granska(args, "csv")


# -- start-up --------------------------------------------------------------------------

@measure("startup_bare_qt")
def startup_bare_qt(args: dict[str, str]) -> float:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.resize(1000, 640)
    window.show()
    app.processEvents()
    return time.time() - float(args["t0"])


def _start_program(args: dict[str, str]) -> tuple[float, float]:
    """The real start (`python -m audit_app --db FILE`): when the main window is painted, and
    when it is ready (database open, rounds listed); seconds since the process was started."""
    home = Path(args["out"]) / f"home-{os.getpid()}"
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    from PySide6.QtWidgets import QApplication

    from audit_app import paths
    from audit_app.settings import Settings, SettingsStore
    from audit_app.ui.main_window import MainWindow

    SettingsStore(paths.config_dir() / "settings.json").save(
        Settings(reviewer_name="Bench", reviewer_initials="BE"))
    marks: dict[str, float] = {}
    windows: list[MainWindow] = []
    show = MainWindow.show

    def show_and_paint(window: MainWindow) -> None:
        show(window)
        QApplication.processEvents()
        marks.setdefault("shown", time.time())
        windows.append(window)

    def exec_once(*_args: object) -> int:  # instead of the event loop: paint, note the time
        QApplication.processEvents()
        if windows and windows[-1].model.rowCount() > 0:  # the rounds are listed
            marks["ready"] = time.time()
        return 0

    MainWindow.show = show_and_paint  # type: ignore[method-assign,assignment]
    QApplication.exec = exec_once  # type: ignore[method-assign]
    from audit_app.__main__ import main
    from audit_app.ui import app as ui_app

    passphrase = args.get("passphrase") or ""
    # the passphrase as if typed into the dialog the moment it is asked for
    ui_app._ask_dialog = lambda _path: lambda _new, _message: passphrase  # type: ignore[assignment]
    main(["--db", args["db"]] if passphrase else ["--db", args["db"], "--unencrypted"])
    if "ready" not in marks or "shown" not in marks:
        raise Unavailable("huvudfönstret visades inte")
    t0 = float(args["t0"])
    return marks["shown"] - t0, marks["ready"] - t0


@measure("startup_granska")
def startup_granska(args: dict[str, str]) -> float:
    return _start_program(args)[0]


@measure("startup_ready")
def startup_ready(args: dict[str, str]) -> float:
    return _start_program(args)[1]


def _main_window(args: dict[str, str]) -> tuple[Any, Any]:
    from PySide6.QtWidgets import QApplication

    from audit_app.__main__ import checklist_library
    from audit_app.settings import Settings, SettingsStore
    from audit_app.ui.app import build_services
    from audit_app.ui.lifecycle import settle_heap
    from audit_app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    store = SettingsStore(Path(args["out"]) / f"settings-{os.getpid()}.json")
    store.save(Settings(reviewer_name="Bench", reviewer_initials="BE"))
    window = MainWindow(build_services(_open(args), checklist_library(), store), store)
    window.resize(1200, 800)
    window.show()
    app.processEvents()
    settle_heap()  # as run_gui does once the window is attached
    return app, window


@measure("open_round")
def open_round(args: dict[str, str]) -> float:
    """Open the 5,000-case round: table filled, shown, scrolled to the end and painted."""
    app, window = _main_window(args)
    start = time.perf_counter()
    window.open_round(int(args["large_round"]))
    app.processEvents()
    table = window.round_view.table
    table.scrollToBottom()
    table.viewport().repaint()
    seconds = time.perf_counter() - start
    if window.round_view.model.rowCount() < 1:
        raise Unavailable("omgången visade inga ärenden")
    return seconds


@measure("next_case")
def next_case(args: dict[str, str]) -> float:
    """PgDn in the review form of the 40-item round: median of 25 steps, painted."""
    app, window = _main_window(args)
    window.open_round(int(args["large_round"]))
    window.open_case(window.round_view.case_ids()[0])
    app.processEvents()
    times = []
    for _ in range(25):
        start = time.perf_counter()
        if not window.step_case(1):
            break
        app.processEvents()
        window.review_form.repaint()
        times.append(time.perf_counter() - start)
    if not times:
        raise Unavailable("inget nästa ärende att gå till")
    times.sort()
    return times[len(times) // 2]


@measure("complete_next")
def complete_next(args: dict[str, str]) -> float:
    """Ctrl+Enter on a fully answered 40-item review: stored as complete, next case shown."""
    from audit_app.storage.backup import copy_database

    own = Path(args["out"]) / f"complete-{os.getpid()}.sqlite3"  # this measure writes
    copy_database(Path(args["db"]), own, args.get("passphrase") or None)
    app, window = _main_window(dict(args, db=str(own)))
    round_id = int(args["large_round"])
    window.open_round(round_id)
    cases = window.round_view.case_ids()[:8]
    for case_id in cases:
        for item in window.reviews.checklist_for_round(round_id).items:
            window.reviews.set_answer(round_id, case_id, item.id, "ja")
    window.open_case(cases[0])
    app.processEvents()
    times = []
    for _ in cases[:-1]:
        start = time.perf_counter()
        window.complete_and_next()
        app.processEvents()
        window.review_form.repaint()
        times.append(time.perf_counter() - start)
    if window.review_form.case_id != cases[-1]:
        raise Unavailable("granskningarna markerades inte som klara")
    times.sort()
    return times[len(times) // 2]


def peak_memory_mb() -> float:
    """This process's peak resident memory. Linux's ru_maxrss survives exec, so a measure
    started by a runner that grew while generating data would report the runner's peak;
    VmHWM in /proc belongs to this program alone."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    from bench.largest import LARGEST  # the import limits' largest files

    MEASURES.update(LARGEST)
    name = sys.argv[1]
    args = json.loads(sys.argv[2])
    try:
        seconds: float | None = MEASURES[name](args)
        error = None
    except Unavailable as exc:
        seconds, error = None, str(exc)
    peak_mb = peak_memory_mb()
    print(json.dumps({"name": name, "seconds": seconds, "peak_mb": round(peak_mb, 1),
                      "unavailable": error, "extra": EXTRA}), flush=True)
    # Skip interpreter teardown: PySide6 can crash while finalising widgets after the
    # measure is done, which would turn a good result into an error.
    os._exit(0)


if __name__ == "__main__":
    main()
