"""Reading and validating checklist files; depends on the domain only."""

from audit_app.checklist_io.loader import (
    ChecklistFileError,
    Problem,
    load_checklist_file,
    parse_checklist,
)

__all__ = ["ChecklistFileError", "Problem", "load_checklist_file", "parse_checklist"]
