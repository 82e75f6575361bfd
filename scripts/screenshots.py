"""Render every screen of the review workspace to docs/screenshots/*.png, offscreen.

Usage: .venv/bin/python scripts/screenshots.py [--out docs/screenshots]
The data is invented (the demo generator); nothing is read from the user's own database.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from audit_app.checklist_io.library import ChecklistLibrary  # noqa: E402
from audit_app.services.demo import build_demo  # noqa: E402
from audit_app.services.reviews import ReviewService  # noqa: E402
from audit_app.services.rounds import RoundService  # noqa: E402
from audit_app.settings import Settings, SettingsStore  # noqa: E402
from audit_app.storage.db import open_database  # noqa: E402

# Skatteverket's published test number: fictional, used only to show the guard at work.
# An ordinary comment: screenshots never show a personnummer, not even an invented one.
COMMENT_TEXT = "Viewpoint erbjöds men barnet avböjde"
CASE_LIST = """ärendenummer;enhet;kön;födelseår;avslutsdatum
2026-0101;Familjehem;flicka;2012;2026-02-03
2026-0102;Familjehem;pojke;2010;2026-02-11
2026-0103;HVB;flicka;2009;2026-03-01
2026-0104;HVB;pojke;2014;2026-03-20
2026-0105;Familjehem;pojke;2016;2026-04-02
"""


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str, app: QApplication) -> Path:
    settle(app)
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("GranskaScreenshots")
    QCoreApplication.setApplicationName("GranskaScreenshots")
    from audit_app.ui.main_window import MainWindow

    with tempfile.TemporaryDirectory(prefix="granska-shots-") as tmp:
        folder = Path(tmp)
        library = ChecklistLibrary([ROOT / "checklists"])
        db = open_database(folder / "demo.sqlite3")
        build_demo(db, library, per_unit=4)
        actor = "Gun Ledare (GL)"
        rounds = RoundService(db, library, actor)
        empty = rounds.create("Placerade T2 2026", "placerade-barn", 2026, "T2", "Familjehem")
        store = SettingsStore(folder / "settings.json")
        store.save(Settings(reviewer_name="Gun Ledare", reviewer_initials="GL"))
        window = MainWindow(db, library, store)
        window.resize(1100, 700)
        window.show()
        shots: list[tuple[str, Callable[[], QWidget]]] = []

        def overview() -> QWidget:
            window.refresh()
            return window

        def new_round() -> QWidget:
            dialog = window.new_round()
            dialog.name.setText("Utredningar T2 2026")
            dialog.unit.setText("Mottagning")
            return dialog

        def identity() -> QWidget:
            return window.ask_identity()

        shots += [("rounds_overview", overview), ("new_round_dialog", new_round),
                  ("identity_dialog", identity)]
        for name, make in shots:
            widget = make()
            save(widget, out, name, app)
            if widget is not window:
                widget.close()

        candidates = [r for r in rounds.list()
                      if not r.locked and r.sampled and r.checklist_id == "placerade-barn"]
        chosen = candidates[0]
        reviews = ReviewService(db, actor)
        cases = reviews.case_rows(chosen.id)
        target = next((c for c in cases if c.status.value == "not_started"), cases[-1])
        window.open_round(chosen.id)
        save(window, out, "round_view", app)

        for item_id, value in (("enskilt_samtal", "ja"), ("samtal_var_tredje_manad", "nej"),
                               ("genomforandeplan", "nej")):
            if reviews.checklist_for_round(chosen.id).has_item(item_id):
                reviews.set_answer(chosen.id, target.case_id, item_id, value)
        window.open_case(target.case_id)
        form = window.review_form
        page = form.page
        if page is not None and "viewpoint" in page.items:
            commented = page.items["viewpoint"]
            if commented.comment is not None:
                commented.comment.setText(COMMENT_TEXT)
                form._comment_done("viewpoint")
            page.items["enskilt_samtal"].help_button.setChecked(True)
        save(window, out, "review_form", app)

        window.open_round(empty.id)
        try:
            from audit_app.ui.caselist_import_dialog import CaseListImportDialog
        except ImportError:
            print("no case list import dialog yet; skipped")
        else:
            csv_path = folder / "arendelista.csv"
            csv_path.write_text(CASE_LIST, encoding="utf-8")
            dialog = CaseListImportDialog(db, empty.id, actor, window)
            dialog.resize(1000, 680)
            dialog.show()
            dialog.load_file(csv_path)
            for _ in range(200):
                settle(app)
                if getattr(dialog, "result", None) is not None:
                    break
            save(dialog, out, "caselist_import_dialog", app)
            dialog.start_import()  # the sampling dialog below needs a frame
            for _ in range(400):
                settle(app)
                if getattr(dialog, "import_result", None) is not None:
                    break
            dialog.close()
        try:
            from audit_app.ui.sampling_dialog import SamplingDialog
        except ImportError:
            print("no sampling dialog yet; skipped")
        else:
            sampling = SamplingDialog(db, empty.id, actor, window)
            sampling.show()
            save(sampling, out, "sampling_dialog", app)
            sampling.close()
        window.close()
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
