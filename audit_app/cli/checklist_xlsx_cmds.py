"""`audit-app checklist export|import|versions|diff`: Excel authoring and stored versions."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.services.checklist_versions import CURRENT, ChecklistVersionService


def register(commands: Any) -> None:
    export = commands.add_parser("export", help="skriv en checklista till Excel")
    export.add_argument("checklist_id", metavar="ID")
    export.add_argument("--out", required=True, type=Path, metavar="FIL.xlsx")
    export.add_argument("--version", default=CURRENT, metavar="V",
                        help="en lagrad version (versionsnummer eller #id); standard: den "
                             "som används för nya omgångar")
    export.set_defaults(func=cmd_export)
    imp = commands.add_parser("import", help="läs in en checklista från Excel")
    imp.add_argument("file", type=Path, metavar="FIL.xlsx")
    imp.add_argument("--dry-run", action="store_true",
                     help="visa bara vad som skulle ändras; inget sparas")
    imp.add_argument("--reason", default="", metavar="TEXT",
                     help="skälet till ändrade årsmål (krävs när ett årsmål ändras; "
                          "sparas i ändringsloggen)")
    imp.set_defaults(func=cmd_import)
    versions = commands.add_parser("versions", help="lagrade versioner av en checklista")
    versions.add_argument("checklist_id", metavar="ID")
    versions.set_defaults(func=cmd_versions)
    diff = commands.add_parser("diff", help="jämför två versioner av en checklista")
    diff.add_argument("checklist_id", metavar="ID")
    diff.add_argument("old", metavar="V1", help="versionsnummer, #id eller 'aktuell'")
    diff.add_argument("new", metavar="V2", help="versionsnummer, #id eller 'aktuell'")
    diff.set_defaults(func=cmd_diff)


def _service(ctx: CliContext) -> ChecklistVersionService:
    return ChecklistVersionService(ctx.db(), ctx.library, ctx.actor)


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.checklist_io.xlsx_export import write_checklist_workbook

    if args.version == CURRENT:  # the library file: no database needed
        source = ctx.library.get(args.checklist_id).source
    else:
        source = _service(ctx).source(args.checklist_id, args.version)
    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    write_checklist_workbook(source, out)
    print(f"Skrev {out}", file=ctx.out)
    return 0


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.checklist_io.xlsx_import import read_checklist_workbook

    imported = read_checklist_workbook(args.file)
    service = _service(ctx)
    plan = service.plan_import(imported.checklist, imported.source)
    c = plan.checklist
    head = f"{c.id} v{c.version} ({len(c.items)} kontrollpunkter)"
    if plan.unchanged:
        print(f"{head}: oförändrad – samma innehåll som {plan.same_as}.", file=ctx.out)
        return 0
    if plan.diff is None:
        print(f"{head}: ny checklista.", file=ctx.out)
    else:
        print(f"{head}: blir en ny version. Ändringar mot {plan.compared_with}:", file=ctx.out)
        for line in plan.diff.lines() or ["(inga ändringar i punkterna)"]:
            print(f"  {line}", file=ctx.out)
    for warning in plan.warnings:
        print(f"Varning: {warning}", file=ctx.err)
    if args.dry_run:
        if plan.target_changes and not args.reason.strip():
            print("Årsmål ändras: ange skälet med --reason när du sparar.", file=ctx.out)
        print("Provkörning: inget sparades.", file=ctx.out)
        return 0
    path = service.store_import(plan, args.reason)
    print(f"Sparad i {path}; nya omgångar använder den. Omgångar som redan finns behåller "
          "sin version.", file=ctx.out)
    return 0


def cmd_versions(args: argparse.Namespace, ctx: CliContext) -> int:
    service = _service(ctx)
    versions = service.versions(args.checklist_id)
    if not versions:
        print(f"Inga lagrade versioner av '{args.checklist_id}' ännu (en version lagras när "
              "en omgång skapas eller en checklista importeras).", file=ctx.out)
    for v in versions:
        mark = " (används för nya omgångar)" if v.current else ""
        who = f", sparad av {v.saved_by}" if v.saved_by else ""
        rounds = ", ".join(v.rounds) or "inga"
        print(f"#{v.definition_id}\tv{v.version}\t{v.created_at:%Y-%m-%d %H:%M}{who}\t"
              f"{v.content_hash[:10]}{mark}\n\tomgångar: {rounds}", file=ctx.out)
    history = service.target_history(args.checklist_id)
    if history:
        print("Ändrade årsmål:", file=ctx.out)
    for t in history:
        print(f"  {t.at:%Y-%m-%d %H:%M} {t.actor}: {t.item_id} {t.old} → {t.new} "
              f"(skäl: {t.reason})", file=ctx.out)
    return 0


def cmd_diff(args: argparse.Namespace, ctx: CliContext) -> int:
    diff = _service(ctx).diff(args.checklist_id, args.old, args.new)
    lines = diff.lines()
    if not lines:
        print("Inga skillnader.", file=ctx.out)
    for line in lines:
        print(line, file=ctx.out)
    return 0
