"""Finding the checklist files a installation offers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from audit_app.domain.checklist import Checklist
from audit_app.domain.errors import NotFoundError

if TYPE_CHECKING:
    from audit_app.checklist_io.loader import Problem


@dataclass(frozen=True)
class ChecklistFile:
    """A valid checklist file and its text."""

    checklist: Checklist
    path: Path
    source: str


class ChecklistLibrary:
    """The checklists in a list of folders; later folders override earlier ones by id."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders

    @property
    def user_folder(self) -> Path | None:
        """The last folder: the user's own checklists, where imported ones are saved."""
        return self.folders[-1] if self.folders else None

    def scan(self) -> tuple[dict[str, ChecklistFile], list[Problem]]:
        # the YAML loader is imported on first use, not at program start
        from audit_app.checklist_io.loader import ChecklistFileError, load_checklist_file

        found: dict[str, ChecklistFile] = {}
        problems: list[Problem] = []
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for path in sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml")):
                try:
                    checklist = load_checklist_file(path)
                except ChecklistFileError as exc:
                    problems.extend(exc.problems)
                    continue
                found[checklist.id] = ChecklistFile(
                    checklist, path, path.read_text(encoding="utf-8-sig"))
        return found, problems

    def get(self, checklist_id: str) -> ChecklistFile:
        found, _ = self.scan()
        if checklist_id not in found:
            known = ", ".join(sorted(found)) or "inga"
            raise NotFoundError(f"Checklistan '{checklist_id}' finns inte. Tillgängliga: {known}")
        return found[checklist_id]
