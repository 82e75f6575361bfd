"""`audit-app plan import|export|copy|status`: the unit's internkontroll plan."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.reports.vb_lang import period_state_text, verdict_text
from audit_app.services.plan import PlanService
from audit_app.services.plan_status import YearService


def register(sub: Any) -> None:
    parser = sub.add_parser("plan", help="internkontrollplanen per enhet och år")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    imp = commands.add_parser("import", help="läsa in en plan från YAML eller Excel (kontrolleras "
                                                 "först)")
    imp.add_argument("file", type=Path, metavar="FIL.yaml|.xlsx")
    imp.set_defaults(func=cmd_import)
    exp = commands.add_parser("export", help="skriva planen som YAML eller Excel")
    _unit_year(exp)
    exp.add_argument("--out", type=Path, required=True, metavar="FIL.yaml|.xlsx")
    exp.set_defaults(func=cmd_export)
    copy = commands.add_parser("copy", help="kopiera ett års plan till ett nytt år")
    copy.add_argument("--unit", required=True, metavar="ENHET")
    copy.add_argument("--from", dest="from_year", type=int, required=True, metavar="ÅÅÅÅ")
    copy.add_argument("--to", dest="to_year", type=int, required=True, metavar="ÅÅÅÅ")
    copy.set_defaults(func=cmd_copy)
    status = commands.add_parser("status", help="året i överblick: kontrollmoment × period")
    _unit_year(status)
    status.set_defaults(func=cmd_status)


def _unit_year(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--unit", required=True, metavar="ENHET")
    parser.add_argument("--year", type=int, required=True, metavar="ÅÅÅÅ")


def cmd_import(args: argparse.Namespace, ctx: CliContext) -> int:
    plan, changes = PlanService(ctx.db(), ctx.library, ctx.actor).import_file(args.file)
    print(f"Planen för {plan.unit} {plan.year} lästes in: {len(plan.controls)} "
          f"kontrollmoment, {changes} ändringar loggade.", file=ctx.out)
    return 0


def cmd_export(args: argparse.Namespace, ctx: CliContext) -> int:
    out = PlanService(ctx.db(), ctx.library, ctx.actor).export_file(args.unit, args.year,
                                                                    args.out)
    print(f"Planen skrevs till {out}.", file=ctx.out)
    return 0


def cmd_copy(args: argparse.Namespace, ctx: CliContext) -> int:
    plan = PlanService(ctx.db(), ctx.library, ctx.actor).copy(
        args.unit, args.from_year, args.to_year)
    print(f"Planen för {plan.unit} {args.from_year} kopierades till {plan.year} "
          f"({len(plan.controls)} kontrollmoment).", file=ctx.out)
    return 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    lines = YearService(ctx.db(), ctx.library, ctx.actor).status(args.unit, args.year)
    print(f"Internkontrollplan {args.unit} {args.year}", file=ctx.out)
    print("kontrollmoment\tperiod\tstatus\tomgångar\tbedömning", file=ctx.out)
    for s in lines:
        verdicts = "; ".join(f"{item}: {verdict_text(v, ctx.lang)}"
                             for item, v in s.verdicts) or "-"
        print(f"{s.control_id}\t{s.period.value}\t{period_state_text(s, ctx.lang)}\t"
              f"{', '.join(s.rounds) or '-'}\t{verdicts}", file=ctx.out)
    return 0
