"""`audit-app deviations list|analyse` and `audit-app actions add|list|set-status`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.errors import UserError
from audit_app.domain.figures import figure_text
from audit_app.domain.plan import Action
from audit_app.reports.vb_lang import kind_text, status_text
from audit_app.services.deviations import DeviationService

STATUSES = ["planerad", "pågår", "klar", "avbruten", "planned", "in_progress", "done",
            "cancelled"]


def register(sub: Any) -> None:
    dev = sub.add_parser("deviations", help="avvikelser i internkontrollplanens omgångar")
    commands = dev.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    listing = commands.add_parser("list", help="lista avvikelser för en enhet och ett år")
    listing.add_argument("--unit", required=True, metavar="ENHET")
    listing.add_argument("--year", required=True, type=int, metavar="ÅÅÅÅ")
    listing.set_defaults(func=cmd_list)
    analyse = commands.add_parser("analyse", help="skriva analysen av en avvikelse")
    _target(analyse)
    analyse.add_argument("--text", required=True, metavar="TEXT")
    analyse.add_argument("--reason", default="", metavar="TEXT",
                         help="skäl (krävs för att ändra analysen när omgången är låst)")
    analyse.set_defaults(func=cmd_analyse)

    act = sub.add_parser("actions", help="åtgärder på avvikelser")
    acts = act.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    add = acts.add_parser("add", help="lägga till en åtgärd")
    _target(add)
    add.add_argument("--what", required=True, metavar="TEXT")
    add.add_argument("--responsible", required=True, metavar="ROLL")
    add.add_argument("--due", required=True, metavar="ÅÅÅÅ-MM-DD")
    add.set_defaults(func=cmd_add)
    alist = acts.add_parser("list", help="lista åtgärder")
    alist.add_argument("--unit", metavar="ENHET")
    alist.add_argument("--year", type=int, metavar="ÅÅÅÅ")
    alist.add_argument("--overdue", action="store_true", help="bara försenade åtgärder")
    alist.set_defaults(func=cmd_actions)
    status = acts.add_parser("set-status", help="ändra en åtgärds status")
    status.add_argument("action", type=int, metavar="ÅTGÄRD-ID")
    status.add_argument("status", choices=STATUSES, metavar="STATUS",
                        help="planerad, pågår, klar eller avbruten")
    status.add_argument("--reason", default="", metavar="TEXT",
                        help="skäl (krävs när åtgärden avbryts)")
    status.set_defaults(func=cmd_status)


def _target(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("control", metavar="KONTROLLMOMENT")
    parser.add_argument("period", metavar="PERIOD", help="T1, T2 eller T3")
    parser.add_argument("item", metavar="KONTROLLPUNKT")
    parser.add_argument("--unit", metavar="ENHET", help="behövs om id:t finns i flera planer")
    parser.add_argument("--year", type=int, metavar="ÅÅÅÅ")


def _service(ctx: CliContext) -> DeviationService:
    return DeviationService(ctx.db(), ctx.library, ctx.actor)


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    found = _service(ctx).deviations(args.unit, args.year)
    if not found:
        print(f"Inga avvikelser för {args.unit} {args.year}.", file=ctx.out)
        return 0
    print("kontrollmoment\tperiod\tkontrollpunkt\tresultat\tmål\tavvikelse\tanalys\tåtgärder",
          file=ctx.out)
    for d in found:
        target = "-" if d.figure.target is None else f"{d.figure.target:g} %"
        kinds = "; ".join(kind_text(k, ctx.lang) for k in d.kinds)
        print(f"{d.control_id}\t{d.period}\t{d.item_id}\t{figure_text(d.figure, lang=ctx.lang)}"
              f"\t{target}\t{kinds}\t{_one_line(d.analysis) or '-'}\t"
              f"{len(d.actions)}", file=ctx.out)
    return 0


def _one_line(text: str) -> str:
    return " / ".join(line.strip() for line in text.splitlines() if line.strip())


def cmd_analyse(args: argparse.Namespace, ctx: CliContext) -> int:
    _service(ctx).analyse(args.control, args.period, args.item, args.text, unit=args.unit,
                          year=args.year, reason=args.reason)
    print(f"Analysen av {args.control} {args.period} {args.item} sparades.", file=ctx.out)
    return 0


def _due(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"Datumet '{text}' ska skrivas ÅÅÅÅ-MM-DD.") from None


def cmd_add(args: argparse.Namespace, ctx: CliContext) -> int:
    action_id = _service(ctx).add_action(args.control, args.period, args.item, args.what,
                                         args.responsible, _due(args.due), unit=args.unit,
                                         year=args.year)
    print(f"Åtgärd {action_id} lades till på {args.control} {args.period} {args.item}.",
          file=ctx.out)
    return 0


def _action_line(a: Action, today: date, lang: str) -> str:
    flag = (" OVERDUE" if lang == "en" else " FÖRSENAD") if a.overdue(today) else ""
    status = status_text(a.status, lang) + (f" ({a.reason})" if a.reason else "")
    nxt = "-"
    if a.next_period:
        nxt = f"{a.next_period}: " + (figure_text(a.next_figure, lang=lang) if a.next_figure
                                      else "–")
    return (f"{a.id}\t{a.unit}\t{a.year}\t{a.control_id}\t{a.period}\t{a.item_id}\t"
            f"{_one_line(a.what)}\t{a.responsible}\t{a.due.isoformat()}{flag}\t{status}\t{nxt}")


def cmd_actions(args: argparse.Namespace, ctx: CliContext) -> int:
    today = date.today()
    found = _service(ctx).actions(args.unit, args.year, args.overdue, today)
    if not found:
        print("Inga åtgärder.", file=ctx.out)
        return 0
    print("id\tenhet\tår\tkontrollmoment\tperiod\tkontrollpunkt\tåtgärd\tansvarig\tklart senast"
          "\tstatus\tnästa period", file=ctx.out)
    for a in found:
        print(_action_line(a, today, ctx.lang), file=ctx.out)
    return 0


def cmd_status(args: argparse.Namespace, ctx: CliContext) -> int:
    action = _service(ctx).set_status(args.action, args.status, args.reason)
    print(f"Åtgärd {action.id} har status {status_text(action.status, ctx.lang)}.",
          file=ctx.out)
    return 0
