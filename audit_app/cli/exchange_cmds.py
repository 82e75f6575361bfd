"""`audit-app round export|import`: moving a whole round between installations."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.cli.reviews_cmds import (
    RESOLVE_HINT,
    THEIRS,
    add_resolution_flags,
    print_conflicts,
    resolution,
)
from audit_app.domain.errors import UserError
from audit_app.services.answer_import import ConflictsPendingError
from audit_app.services.exchange import ExchangeService
from audit_app.services.exchange_merge import MergeReport

EXCHANGE_PASSPHRASE_ENV = "GRANSKA_EXCHANGE_PASSPHRASE"

PARTS = {"cases": "ärenden", "case_imports": "ärendelistor", "sample": "stickprov",
         "sample_entries": "stickprovsrader", "reviews": "granskningar", "answers": "svar",
         "answers_changed": "ändrade svar", "completed": "klarmarkerade",
         "change_log": "ändringsloggrader"}


def register_round_commands(commands: Any) -> None:
    """Add export and import to the `round` group."""
    export = commands.add_parser("export", help="exportera en omgång till en .granska-fil")
    export.add_argument("round", metavar="OMGÅNG", help="omgångens namn eller id")
    export.add_argument("--out", required=True, type=Path, metavar="FIL.granska")
    export.set_defaults(func=cmd_export)
    imp = commands.add_parser("import", help="slå samman en .granska-fil med databasen")
    imp.add_argument("file", type=Path, metavar="FIL")
    add_resolution_flags(imp)
    imp.set_defaults(func=cmd_import)


def exchange_passphrase(path: Path, new: bool) -> str:
    """The exchange file's own passphrase: from the environment, else asked on a terminal."""
    env = os.environ.get(EXCHANGE_PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        raise UserError(f"{path.name} krypteras med en egen lösenfras: ange den i "
                        f"miljövariabeln {EXCHANGE_PASSPHRASE_ENV}.")
    phrase = getpass.getpass(f"Lösenfras för {path.name}: ")
    if not phrase:
        raise UserError("Ingen lösenfras angavs.")
    if new and getpass.getpass("Upprepa lösenfrasen: ") != phrase:
        raise UserError("Lösenfraserna är olika.")
    return phrase


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    rnd = ctx.round(args.round)
    phrase = exchange_passphrase(args.out, new=True)
    got = ExchangeService(ctx.db(), ctx.actor).export_round(rnd.id, args.out, passphrase=phrase)
    print(f"'{rnd.name}' exporterades till {args.out}: {got['cases']} ärenden, "
          f"{got['reviews']} granskningar, {got['answers']} svar, "
          f"{got['change_log']} ändringsloggrader.", file=ctx.out)
    return 0


def describe(report: MergeReport) -> str:
    parts = [f"{n} {PARTS.get(k, k)}" for k, n in report.added.items() if n]
    what = ", ".join(parts) if parts else "inget nytt – allt fanns redan"
    head = "Ny omgång" if report.created_round else "Omgången"
    return f"{head} '{report.round_name}': {what}."


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    service = ExchangeService(ctx.db(), ctx.actor)
    choice = resolution(args)
    phrase = exchange_passphrase(args.file, new=False)
    try:
        report = service.import_round(args.file, choice, passphrase=phrase,
                                      dry_run=args.dry_run)
    except ConflictsPendingError as exc:
        print_conflicts(exc.conflicts, ctx)
        print(f"Fel: ingenting lades in. {RESOLVE_HINT}", file=ctx.err)
        return 1
    for note in report.notes:
        print(f"Obs: {note}", file=ctx.out)
    if args.dry_run:
        if report.conflicts:
            print_conflicts(report.conflicts, ctx)
        print(f"Provkörning – ingenting sparades. {describe(report)}", file=ctx.out)
        return 0
    print(describe(report), file=ctx.out)
    if report.conflicts:
        kept = "filens" if choice == THEIRS else "våra"
        print(f"{len(report.conflicts)} konflikter löstes: {kept} svar gäller.", file=ctx.out)
    return 0
