"""`audit-app checklist validate|list`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.checklist_io.loader import ChecklistFileError, load_checklist_file
from audit_app.cli.context import CliContext


def register(sub: Any) -> None:
    parser = sub.add_parser("checklist", help="kontrollera och lista checklistor")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    validate = commands.add_parser("validate", help="kontrollera checklistfiler")
    validate.add_argument("files", nargs="+", type=Path, metavar="FIL")
    validate.set_defaults(func=cmd_validate)
    listing = commands.add_parser("list", help="lista tillgängliga checklistor")
    listing.set_defaults(func=cmd_list)
    from audit_app.cli import checklist_xlsx_cmds

    checklist_xlsx_cmds.register(commands)


def cmd_validate(args: argparse.Namespace, ctx: CliContext) -> int:
    failed = 0
    for path in args.files:
        try:
            checklist = load_checklist_file(path)
        except ChecklistFileError as exc:
            failed += 1
            for problem in exc.problems:
                print(problem, file=ctx.err)
            continue
        print(f"{path}: ok – {checklist.id} v{checklist.version}, "
              f"{len(checklist.items)} kontrollpunkter", file=ctx.out)
    return 1 if failed else 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    found, problems = ctx.library.scan()
    for cid in sorted(found):
        entry = found[cid]
        c = entry.checklist
        print(f"{cid}\tv{c.version}\t{len(c.items)} punkter\t{c.title}", file=ctx.out)
    for problem in problems:
        print(f"Ogiltig checklista hoppades över: {problem}", file=ctx.err)
    return 0
