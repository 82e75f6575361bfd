"""Render the extra screenshots of docs/guide.md (results for VB, the program in English).

Usage: .venv/bin/python scripts/guide_screenshots.py [--out docs/screenshots]
The data is the invented demo database; nothing is read from the user's own files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from audit_app.checklist_io.library import ChecklistLibrary  # noqa: E402
from audit_app.services.demo import build_demo  # noqa: E402
from audit_app.services.rounds import RoundService  # noqa: E402
from audit_app.settings import Settings, SettingsStore  # noqa: E402
from audit_app.storage.db import open_database  # noqa: E402
from audit_app.ui.i18n import install_translations  # noqa: E402


def save(app: QApplication, widget: QWidget, path: Path) -> None:
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from audit_app.ui.main_window import MainWindow
    from audit_app.ui.results_view import ResultsView

    library = ChecklistLibrary([ROOT / "checklists"])
    with tempfile.TemporaryDirectory(prefix="granska-guide-") as tmp:
        folder = Path(tmp)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        db = open_database(folder / "granska-demo.sqlite3")
        build_demo(db, library)
        rounds = RoundService(db, library, "GL").list()
        year = [r for r in rounds if r.checklist_id == "placerade-barn" and r.year == 2025]
        view = ResultsView(db, "GL", rounds, selected=year[0].id)
        for i in range(view.round_list.count()):  # tick T1-T3 of the year: the VB report
            item = view.round_list.item(i)
            if any(item.text().startswith(r.name + " ") for r in year):
                item.setCheckState(item.checkState().Checked)
        view.show()
        save(app, view, out / "guide_results_vb.png")
        view.close()

        store = SettingsStore(folder / "settings.json")
        store.save(Settings(reviewer_name="Gun Ledare", reviewer_initials="GL", language="en"))
        install_translations("en", app)
        window = MainWindow(db=db, library=library, settings_store=store)
        window.resize(1100, 520)
        window.show()
        window.open_round(year[0].id)
        save(app, window, out / "guide_english.png")
        window.close()
        install_translations("sv", app)
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
