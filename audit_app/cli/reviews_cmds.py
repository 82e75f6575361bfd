"""`audit-app reviews template|import`: review workbooks and answer files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.services.answer_import import (
    OURS,
    THEIRS,
    AnswerImportService,
    Conflict,
    ConflictsPendingError,
    ImportPlan,
    ImportProblemsError,
    Resolution,
)
from audit_app.services.workbooks import WorkbookService

RESOLVE_HINT = ("Kör igen med --accept-theirs (ta filens svar) eller --keep-ours "
                "(behåll registrerade svar).")


def add_resolution_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--accept-theirs", action="store_true",
                       help="vid konflikt: ta svaret i filen")
    group.add_argument("--keep-ours", action="store_true",
                       help="vid konflikt: behåll det registrerade svaret")
    parser.add_argument("--dry-run", action="store_true",
                        help="visa vad som skulle hända utan att spara något")


def resolution(args: argparse.Namespace) -> Resolution:
    return THEIRS if args.accept_theirs else OURS if args.keep_ours else None


def print_conflicts(conflicts: list[Conflict], ctx: CliContext) -> None:
    print(f"{len(conflicts)} konflikt(er) (registrerat → filen):", file=ctx.err)
    for c in conflicts:
        print(f"  {c}", file=ctx.err)


def register(sub: Any) -> None:
    parser = sub.add_parser("reviews", help="granskningsarbetsböcker och import av svar")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    template = commands.add_parser("template", help="skriv en arbetsbok att fylla i i Excel")
    template.add_argument("round", metavar="OMGÅNG", help="omgångens namn eller id")
    template.add_argument("--out", required=True, type=Path, metavar="FIL.xlsx")
    template.set_defaults(func=cmd_template)
    imp = commands.add_parser("import", help="importera svar från arbetsbok, CSV eller XLSX")
    imp.add_argument("round", metavar="OMGÅNG", help="omgångens namn eller id")
    imp.add_argument("file", type=Path, metavar="FIL")
    imp.add_argument("--keep-draft", action="store_true",
                     help="markera inte fullständigt besvarade granskningar som klara")
    imp.add_argument("--skip-unsampled", action="store_true",
                     help="hoppa över ärenden som inte ingår i stickprovet (de listas) i "
                          "stället för att stoppa hela filen")
    add_resolution_flags(imp)
    imp.set_defaults(func=cmd_import)


def cmd_template(args: argparse.Namespace, ctx: CliContext) -> int:
    rnd = ctx.round(args.round)
    n = WorkbookService(ctx.db(), ctx.actor).write_template(rnd.id, args.out)
    print(f"Arbetsboken {args.out} skrevs med {n} ärenden från '{rnd.name}'.", file=ctx.out)
    return 0


SKIP_HINT = ("Kör igen med --skip-unsampled för att hoppa över ärendena utanför stickprovet "
             "och importera resten.")


def print_skipped(plan: ImportPlan, ctx: CliContext) -> None:
    if plan.unsampled:
        print(f"Hoppade över {len(plan.unsampled)} ärende(n) som inte ingår i stickprovet: "
              f"{', '.join(plan.unsampled)}", file=ctx.out)


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    rnd = ctx.round(args.round)
    service = AnswerImportService(ctx.db(), ctx.actor)
    choice = resolution(args)
    skip = args.skip_unsampled
    if args.dry_run:
        plan = service.check(rnd.id, args.file, choice, skip_unsampled=skip)
        for problem in plan.problems:
            print(f"Fel: {problem}", file=ctx.err)
        if plan.unsampled and not skip:
            print(SKIP_HINT, file=ctx.err)
        if plan.conflicts:
            print_conflicts(plan.conflicts, ctx)
        if skip:
            print_skipped(plan, ctx)
        print(f"Provkörning: {len(plan.changes)} ändringar, {len(plan.conflicts)} konflikter, "
              f"{len(plan.problems)} fel; {plan.unchanged} svar redan registrerade. "
              "Ingenting sparades.", file=ctx.out)
        return 1 if plan.problems else 0
    try:
        plan = service.import_file(rnd.id, args.file, choice, complete=not args.keep_draft,
                                   skip_unsampled=skip)
    except ConflictsPendingError as exc:
        print_conflicts(exc.conflicts, ctx)
        print(f"Fel: ingenting importerades. {RESOLVE_HINT}", file=ctx.err)
        return 1
    except ImportProblemsError as exc:
        print(f"Fel: {exc}", file=ctx.err)
        if exc.unsampled:
            print(SKIP_HINT, file=ctx.err)
        return 1
    print_skipped(plan, ctx)
    print(f"{len(plan.changes)} svar och kommentarer importerades till '{rnd.name}'"
          f" ({plan.unchanged} var redan registrerade).", file=ctx.out)
    if plan.retagged:
        print(f"{plan.retagged} texter märktes med teman från filen.", file=ctx.out)
    if plan.conflicts:
        kept = "filens" if choice == THEIRS else "registrerade"
        print(f"{len(plan.conflicts)} konflikter löstes: {kept} svar gäller.", file=ctx.out)
    if plan.completed:
        print(f"Markerade som klara (alla obligatoriska frågor besvarade): "
              f"{', '.join(plan.completed)}", file=ctx.out)
    return 0
