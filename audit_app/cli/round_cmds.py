"""`audit-app round create|list|lock|unlock`."""

from __future__ import annotations

import argparse
from typing import Any

from audit_app.cli import exchange_cmds
from audit_app.cli.context import CliContext
from audit_app.services.plan import PlanService
from audit_app.services.rounds import RoundService


def register(sub: Any) -> None:
    parser = sub.add_parser("round", help="granskningsomgångar")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    create = commands.add_parser("create", help="skapa en omgång")
    create.add_argument("name", metavar="NAMN")
    create.add_argument("--checklist", metavar="ID",
                        help="krävs utom med --control (då tas den från planen)")
    create.add_argument("--year", type=int, metavar="ÅÅÅÅ")
    create.add_argument("--period", choices=["T1", "T2", "T3"])
    create.add_argument("--unit", default="", metavar="ENHET")
    create.add_argument("--control", metavar="ID",
                        help="kontrollmoment i internkontrollplanen som omgången hör till")
    create.set_defaults(func=cmd_create, usage_error=create.error)
    listing = commands.add_parser("list", help="lista omgångar")
    listing.set_defaults(func=cmd_list)
    lock = commands.add_parser("lock", help="låsa (signera av) en omgång")
    lock.add_argument("round", metavar="OMGÅNG")
    lock.set_defaults(func=cmd_lock)
    unlock = commands.add_parser("unlock", help="låsa upp en omgång (skäl krävs)")
    unlock.add_argument("round", metavar="OMGÅNG")
    unlock.add_argument("--reason", required=True, metavar="TEXT")
    unlock.set_defaults(func=cmd_unlock)
    exchange_cmds.register_round_commands(commands)


def cmd_create(args: argparse.Namespace, ctx: CliContext) -> int:
    service = RoundService(ctx.db(), ctx.library, ctx.actor)
    if args.control:
        plans = PlanService(ctx.db(), ctx.library, ctx.actor)
        planned = plans.planned_round(args.control, args.unit or None, args.year,
                                      args.period, args.checklist)
        summary = service.create(args.name, planned.checklist, planned.year,
                                 planned.period, planned.unit)
        plans.link_round(summary.id, args.control)
    else:
        missing = [f"--{n}" for n in ("checklist", "year", "period") if not getattr(args, n)]
        if missing:  # a usage error (exit code 2), as when argparse finds it
            args.usage_error(f"ange {', '.join(missing)} (eller --control)")
        summary = service.create(args.name, args.checklist, args.year, args.period,
                                 args.unit)
    print(f"Omgången '{summary.name}' skapades (id {summary.id}, {summary.checklist_id} "
          f"v{summary.checklist_version}, {summary.year} {summary.period}).", file=ctx.out)
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    rounds = RoundService(ctx.db(), ctx.library, ctx.actor).list()
    if not rounds:
        print("Inga omgångar ännu. Skapa en med 'audit-app round create'.", file=ctx.out)
        return 0
    print("id\tnamn\tchecklista\tår\tperiod\tenhet\tgranskade/urval\tstatus", file=ctx.out)
    for r in rounds:
        print(f"{r.id}\t{r.name}\t{r.checklist_id} v{r.checklist_version}\t{r.year}\t"
              f"{r.period}\t{r.unit or '-'}\t{r.reviewed}/{r.sampled}\t{r.status}",
              file=ctx.out)
    return 0


def cmd_lock(args: argparse.Namespace, ctx: CliContext) -> int:
    summary = RoundService(ctx.db(), ctx.library, ctx.actor).lock(ctx.round_id(args.round))
    print(f"Omgången '{summary.name}' är låst.", file=ctx.out)
    return 0


def cmd_unlock(args: argparse.Namespace, ctx: CliContext) -> int:
    summary = RoundService(ctx.db(), ctx.library, ctx.actor).unlock(ctx.round_id(args.round),
                                                                     args.reason)
    print(f"Omgången '{summary.name}' är upplåst.", file=ctx.out)
    return 0
