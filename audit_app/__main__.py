"""Composition root: builds settings, paths and services, then runs the CLI or the GUI."""

from __future__ import annotations

import argparse
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from audit_app import __version__, paths
from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.logs import configure_logging
from audit_app.settings import SettingsStore


def checklist_library() -> ChecklistLibrary:
    """Bundled checklists, then the user's own folder (which may override by id)."""
    return ChecklistLibrary([paths.checklists_dir(), paths.data_dir() / "checklists"])


# "postgresql+psycopg://…", "sqlite:///…", "https://…": a scheme of two or more letters before
# the colon. "C:\data\granska.sqlite3" has one letter, a Windows drive, and is a path.
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")


def db_argument_error(value: str) -> str | None:
    """Why `--db value` cannot be used, or None if it can: a file path, or a PostgreSQL
    address (postgresql+psycopg://HOST/DB) without a password in it."""
    if not _SCHEME.match(value.strip()):
        return None
    if value.strip().lower().startswith("postgresql+psycopg://"):
        from audit_app.domain.errors import UserError
        from audit_app.storage.server import parse_server_url

        try:
            parse_server_url(value)
        except UserError as exc:
            return str(exc)
        return None
    return (f"--db ska vara en sökväg till en databasfil eller en PostgreSQL-adress "
            f"(postgresql+psycopg://VÄRD/DATABAS), men {value!r} är en annan sorts adress; "
            "den stöds inte i den här versionen av Granska. Ange en fil, t.ex. "
            "--db granska.sqlite3, eller en PostgreSQL-adress.")


def _program_start(argv: list[str]) -> argparse.Namespace | None:
    """The options when argv only starts the program (no command, no --help/--version).

    Starting the window then skips importing the command line's modules (and the report
    libraries they use), which keeps start-up fast.
    """
    parser = argparse.ArgumentParser(add_help=False, allow_abbrev=False, exit_on_error=False)
    parser.add_argument("--db")
    for flag in ("--unencrypted", "--demo", "--smoke-test"):
        parser.add_argument(flag, action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:  # e.g. --db without a value: the full parser says so
        return None
    if rest:
        return None
    args.group = None
    return args


def saved_server(store: SettingsStore) -> str | None:
    """The server saved in the settings to open at start (Arkiv → Serverinställningar),
    None when there is none or its address is wrong (the laptop's file opens then)."""
    settings = store.load()
    if not (settings.server_at_start and settings.server_url):
        return None
    from audit_app.domain.errors import UserError
    from audit_app.services.server_sync import server_address

    try:
        return server_address(settings.server_url, settings.server_user)
    except UserError as exc:
        logging.getLogger(__name__).warning("Den sparade serveradressen används inte: %s", exc)
        return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = _program_start(argv)
    if args is None:
        from audit_app import cli

        args = cli.parse(argv)
    configure_logging()
    logging.getLogger(__name__).info("Granska %s startar (%s)", __version__,
                                     args.group or "fönster")
    if getattr(args, "smoke_test", False):
        from audit_app.ui.smoke import run_smoke_test

        return run_smoke_test(checklist_library())
    problem = db_argument_error(args.db) if args.db else None
    if problem is not None:  # before anything could turn "scheme://host/x" into folders
        print(f"Fel: {problem}", file=sys.stderr)
        return 1
    server_url = args.db.strip() if args.db and _SCHEME.match(args.db.strip()) else None
    db_path = Path(args.db) if args.db and not server_url else paths.default_db_path()
    if getattr(args, "demo", False) and not args.db:
        from audit_app.services.demo import demo_db_path, open_demo

        db_path = demo_db_path(paths.data_dir())
        if args.group is None:
            from audit_app.ui.demo_start import prepare_demo

            prepare_demo(db_path, checklist_library())
        else:
            open_demo(db_path, checklist_library()).close()
    store = SettingsStore(paths.config_dir() / "settings.json")
    server_saved = False
    if args.group is None and not args.db and not getattr(args, "demo", False):
        server_url = saved_server(store)
        server_saved = server_url is not None
    if args.group is None:
        from audit_app.ui.app import run_gui
        from audit_app.ui.lifecycle import release_application

        try:
            return run_gui(db_path=db_path, library=checklist_library(), settings_store=store,
                           unencrypted=bool(args.unencrypted or (args.demo and not args.db)),
                           server_url=server_url, server_saved=server_saved)
        finally:
            release_application()  # before the interpreter's shutdown, in a fixed order
    from audit_app import cli
    from audit_app.cli.context import CliContext

    ctx = CliContext(db_path=db_path, library=checklist_library(), actor=store.load().actor,
                     unencrypted=bool(getattr(args, "unencrypted", False)),
                     server_url=server_url)
    return cli.run(args, ctx)


if __name__ == "__main__":
    sys.exit(main())
