"""What every CLI command gets: the database (opened on first use), checklists, the user."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.storage.db import Database, open_database


@dataclass
class CliContext:
    """Handed to command handlers by the composition root."""

    db_path: Path
    library: ChecklistLibrary
    actor: str
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _db: Database | None = None

    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.db_path)
            if self._db.migration_backup is not None:
                print(f"Databasen uppgraderades; kopia före uppgraderingen: "
                      f"{self._db.migration_backup}", file=self.err)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
