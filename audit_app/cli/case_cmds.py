"""`audit-app cases import|list`: a round's sampling frame from a case-list file."""

from __future__ import annotations

import argparse
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.importers.caselist import MappedColumn, Problem
from audit_app.importers.caselist_columns import FIELD_LABELS, FIELDS, IGNORE
from audit_app.services.caselists import CaseListProblemsError, CaseListService


def register(sub: Any) -> None:
    parser = sub.add_parser("cases", help="ärendelistor (urvalsram)")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    imp = commands.add_parser("import", help="läs in en ärendelista (.xlsx eller .csv)")
    imp.add_argument("round", metavar="OMGÅNG", help="omgångens namn eller id")
    imp.add_argument("file", metavar="FIL")
    imp.add_argument("--map", action="append", default=[], metavar="KOLUMN=FÄLT",
                     help=f"välj fält för en kolumn; fält: {', '.join(FIELDS)}, {IGNORE}")
    imp.add_argument("--accept-valid", action="store_true",
                     help="importera de giltiga raderna även om andra rader har fel")
    imp.add_argument("--dry-run", action="store_true", help="visa bara vad som skulle hända")
    imp.set_defaults(func=cmd_import)
    listing = commands.add_parser("list", help="lista ärendena i omgångens urvalsram")
    listing.add_argument("round", metavar="OMGÅNG")
    listing.set_defaults(func=cmd_list)


def parse_map(items: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for item in items:
        column, sep, name = item.rpartition("=")
        if not sep or not column.strip():
            raise argparse.ArgumentTypeError(f"--map ska skrivas KOLUMN=FÄLT, inte '{item}'")
        overrides[column.strip()] = name.strip()
    return overrides


def _print_mapping(columns: list[MappedColumn], ctx: CliContext) -> None:
    print("Kolumner:", file=ctx.out)
    for c in columns:
        how = "" if c.detected else " (vald)"
        print(f"  {c.letter} {c.header or '(tom rubrik)'} -> {c.field} "
              f"[{FIELD_LABELS[c.field]}]{how}", file=ctx.out)


def _print_problems(problems: list[Problem], ctx: CliContext) -> None:
    for p in problems:
        print(f"  {p}", file=ctx.err)


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    try:
        overrides = parse_map(args.map)
    except argparse.ArgumentTypeError as exc:
        print(f"Fel: {exc}", file=ctx.err)
        return 2
    round_id = ctx.round_id(args.round)
    service = CaseListService(ctx.db(), ctx.actor)
    try:
        result = service.import_file(round_id, args.file, overrides,
                                     accept_valid_rows=args.accept_valid, dry_run=args.dry_run)
    except CaseListProblemsError as exc:
        _print_mapping(exc.columns, ctx)
        print(f"Fel: {exc}", file=ctx.err)
        _print_problems(exc.problems, ctx)
        return 1
    _print_mapping(result.columns, ctx)
    verb = "Skulle importeras" if args.dry_run else "Importerat"
    print(f"{verb} från {result.file_name}: {result.added} nya, {result.updated} ändrade, "
          f"{result.unchanged} oförändrade ärenden.", file=ctx.out)
    if result.footer_rows:
        rows = ", ".join(str(n) for n in result.footer_rows)
        print(f"Summeringsrader som inte är ärenden: rad {rows}.", file=ctx.out)
    if result.problems:
        print(f"{result.skipped} rad(er) med fel hoppades över:", file=ctx.err)
        _print_problems(result.problems, ctx)
    if not args.dry_run:
        print(f"SHA-256: {result.sha256}", file=ctx.out)
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    round_id = ctx.round_id(args.round)
    cases = CaseListService(ctx.db(), ctx.actor).list_cases(round_id)
    if not cases:
        print("Urvalsramen är tom. Läs in en lista med 'audit-app cases import'.", file=ctx.out)
        return 0
    print("ärende\tenhet\tgrupp\ttyp\tkön\tfödelseår\tålder\tavslutad", file=ctx.out)
    for c in cases:
        print(f"{c.case_ref}\t{c.unit}\t{c.team}\t{c.case_type}\t{c.gender}\t"
              f"{c.birth_year or ''}\t{c.age_band}\t{c.closing_date or ''}", file=ctx.out)
    print(f"{len(cases)} ärenden.", file=ctx.out)
    return 0
