"""Composition root: builds settings, paths and services, then runs the CLI or the GUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from audit_app import paths
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.settings import SettingsStore


def checklist_library() -> ChecklistLibrary:
    """Bundled checklists, then the user's own folder (which may override by id)."""
    return ChecklistLibrary([paths.checklists_dir(), paths.data_dir() / "checklists"])


def main(argv: Sequence[str] | None = None) -> int:
    from audit_app import cli
    from audit_app.cli.context import CliContext

    argv = list(sys.argv[1:] if argv is None else argv)
    args = cli.parse(argv)
    if getattr(args, "smoke_test", False):
        from audit_app.ui.smoke import run_smoke_test

        return run_smoke_test(checklist_library())
    db_path = Path(args.db) if args.db else paths.default_db_path()
    if getattr(args, "demo", False) and not args.db:
        from audit_app.services.demo import demo_db_path, open_demo

        db_path = demo_db_path(paths.data_dir())
        if args.group is None:
            from audit_app.ui.demo_start import prepare_demo

            prepare_demo(db_path, checklist_library())
        else:
            open_demo(db_path, checklist_library()).close()
    store = SettingsStore(paths.config_dir() / "settings.json")
    if args.group is None:
        from audit_app.ui.app import run_gui

        return run_gui(db_path=db_path, library=checklist_library(), settings_store=store)
    ctx = CliContext(db_path=db_path, library=checklist_library(), actor=store.load().actor,
                     unencrypted=bool(getattr(args, "unencrypted", False)))
    return cli.run(args, ctx)


if __name__ == "__main__":
    sys.exit(main())
