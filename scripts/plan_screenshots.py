"""Render the plan editor, a control's form and the year view for docs/guide.md, offscreen.

Usage: .venv/bin/python scripts/plan_screenshots.py [--out docs/screenshots]
The data is the invented demo database; nothing is read from the user's own files.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from audit_app.checklist_io.library import ChecklistLibrary  # noqa: E402
from audit_app.services.app_services import AppServices  # noqa: E402
from audit_app.services.demo import build_demo  # noqa: E402
from audit_app.storage.db import open_database  # noqa: E402


def save(app: QApplication, widget: QWidget, path: Path, wait: float = 0.2) -> None:
    end = time.monotonic() + wait
    while time.monotonic() < end:  # the year view reads its plan on a worker thread
        app.processEvents()
        time.sleep(0.02)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    from audit_app.ui.plan_editor import PlanEditor
    from audit_app.ui.year_view import YearView

    library = ChecklistLibrary([ROOT / "checklists"])
    with tempfile.TemporaryDirectory(prefix="granska-plan-") as tmp:
        db = open_database(Path(tmp) / "granska-demo.sqlite3")
        build_demo(db, library)
        services = AppServices.build(db, library, "GL")
        unit, year = max(services.plans.plans(), key=lambda p: (p[1], p[0]))
        editor = PlanEditor(services, unit, year)
        editor.show()
        editor.table.selectRow(0)
        save(app, editor, out / "plan_editor.png")
        form = editor.edit_control()
        assert form is not None
        form.adjustSize()
        save(app, form, out / "plan_control.png")
        form.reject()
        editor.close()
        view = YearView(services)
        view.show()
        view.plan_box.setCurrentIndex(view.plan_box.findText(f"{unit} {year}"))
        save(app, view, out / "year_view.png", wait=3.0)
        view.close()
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
