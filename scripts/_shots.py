"""The shared set-up of the screenshot scripts: arguments, the offscreen app, the demo database."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from audit_app.checklist_io.library import ChecklistLibrary  # noqa: E402
from audit_app.services.demo import build_demo  # noqa: E402
from audit_app.storage.db import Database, open_database  # noqa: E402


@dataclass
class Shots:
    """What a screenshot script draws with: the app, the demo database and where PNGs go."""

    app: QApplication
    out: Path
    folder: Path
    library: ChecklistLibrary
    db: Database

    def save(self, widget: QWidget, name: str, wait: float = 0.0) -> None:
        """Let pending events run (for `wait` seconds at least), then write out/NAME."""
        end = time.monotonic() + wait
        for _ in range(5):
            self.app.processEvents()
        while time.monotonic() < end:  # views that read on a worker thread
            self.app.processEvents()
            time.sleep(0.02)
        path = self.out / name
        widget.grab().save(str(path))
        print(f"wrote {path}")


@contextmanager
def demo_shots(doc: str | None, argv: list[str] | None, prefix: str) -> Iterator[Shots]:
    """Parse --out, start the offscreen app and build the invented demo database in a
    temporary folder that is removed afterwards."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    out: Path = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    library = ChecklistLibrary([ROOT / "checklists"])
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        folder = Path(tmp)
        db = open_database(folder / "granska-demo.sqlite3")
        try:
            build_demo(db, library)
            yield Shots(app, out, folder, library, db)
        finally:
            db.close()
