"""`audit-app sample size|draw|show|exclude|verify|add-chosen`."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.errors import UserError
from audit_app.domain.sampling import EXPLANATION, model_text, sample_size
from audit_app.services.sampling import SamplingService

STRATIFY = {"unit": "proportional", "unit-equal": "equal"}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' är inget datum (ÅÅÅÅ-MM-DD)") from exc


def register(sub: Any) -> None:
    parser = sub.add_parser("sample", help="stickprov: storlek, dragning, protokoll",
                            description=EXPLANATION,
                            formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    size = commands.add_parser("size", help="beräkna stickprovets storlek",
                               description=EXPLANATION,
                               formatter_class=argparse.RawDescriptionHelpFormatter)
    _size_args(size, required=True)
    size.add_argument("--population", type=int, metavar="N",
                      help="antal ärenden i urvalsramen (hypergeometrisk modell)")
    size.set_defaults(func=cmd_size)
    drw = commands.add_parser("draw", help="dra stickprovet för en omgång")
    drw.add_argument("round", metavar="OMGÅNG")
    drw.add_argument("--size", type=int, metavar="N", help="fast storlek")
    _size_args(drw, required=False)
    drw.add_argument("--seed", metavar="FRÖ", help="frö (skapas och sparas om det utelämnas)")
    drw.add_argument("--stratify", choices=sorted(STRATIFY),
                     help="unit = proportionellt per enhet, unit-equal = lika många per enhet")
    drw.add_argument("--from", dest="date_from", type=_date, metavar="DATUM")
    drw.add_argument("--to", dest="date_to", type=_date, metavar="DATUM")
    drw.set_defaults(func=cmd_draw)
    show = commands.add_parser("show", help="visa stickprovsprotokollet")
    show.add_argument("round", metavar="OMGÅNG")
    show.set_defaults(func=cmd_show)
    exclude = commands.add_parser("exclude", help="utesluta ett ärende (reserv ersätter)")
    exclude.add_argument("round", metavar="OMGÅNG")
    exclude.add_argument("case", metavar="ÄRENDE")
    exclude.add_argument("--reason", required=True, metavar="TEXT")
    exclude.set_defaults(func=cmd_exclude)
    verify = commands.add_parser("verify", help="göra om dragningen och jämföra")
    verify.add_argument("round", metavar="OMGÅNG")
    verify.set_defaults(func=cmd_verify)
    chosen = commands.add_parser("add-chosen", help="lägg till ett utvalt ärende utanför "
                                 "stickprovet (räknas inte i stickprovets siffror)")
    chosen.add_argument("round", metavar="OMGÅNG")
    chosen.add_argument("case", metavar="ÄRENDE")
    chosen.add_argument("--reason", required=True, metavar="TEXT")
    chosen.set_defaults(func=cmd_add_chosen)


def _size_args(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--confidence", type=float, required=required, metavar="C",
                        help="konfidensgrad, t.ex. 0.95")
    parser.add_argument("--tolerable", type=float, required=required, metavar="T",
                        help="tolerabel avvikelse, t.ex. 0.05")
    parser.add_argument("--expected", type=float, default=0.0, metavar="E",
                        help="förväntad avvikelse, t.ex. 0.01 (standard 0)")


def cmd_size(args: argparse.Namespace, ctx: CliContext) -> int:
    n = sample_size(args.confidence, args.tolerable, args.expected, args.population)
    print(f"Stickprovsstorlek: {n}", file=ctx.out)
    print(f"Modell: {model_text(args.population)}; konfidensgrad {args.confidence:.0%}, "
          f"tolerabel avvikelse {args.tolerable:.1%}, förväntad avvikelse "
          f"{args.expected:.1%}.", file=ctx.out)
    return 0


def _planned_method(args: argparse.Namespace, ctx: CliContext) -> None:
    """Without size arguments, take them from the plan's control the round belongs to."""
    from audit_app.domain.plan import MethodKind
    from audit_app.services.plan import PlanService
    from audit_app.services.rounds import RoundService

    summary = RoundService(ctx.db(), ctx.library, ctx.actor).get(args.round)
    control = PlanService(ctx.db(), ctx.library, ctx.actor).control_for_round(summary.id)
    if control is None:
        return
    method = control.method
    if method.kind is MethodKind.SAMPLE:
        args.confidence, args.tolerable = method.confidence, method.tolerable
    elif method.kind is MethodKind.FIXED:
        args.size = method.size
    else:
        args.size = summary.frame_size
    print(f"Metod enligt internkontrollplanen ({control.control_id}): {method.text()}.",
          file=ctx.out)


def cmd_draw(args: argparse.Namespace, ctx: CliContext) -> int:
    if args.size is None and args.confidence is None and args.tolerable is None:
        _planned_method(args, ctx)
    if args.size is None and (args.confidence is None or args.tolerable is None):
        raise UserError("Ange --size N eller --confidence och --tolerable.")
    if args.size is not None and (args.confidence is not None or args.tolerable is not None):
        raise UserError("Ange antingen --size eller --confidence/--tolerable, inte båda.")
    round_id = ctx.round_id(args.round)
    proto = SamplingService(ctx.db(), ctx.actor).draw(
        round_id, size=args.size, confidence=args.confidence, tolerable=args.tolerable,
        expected=args.expected, seed=args.seed,
        stratify=STRATIFY[args.stratify] if args.stratify else None,
        date_from=args.date_from, date_to=args.date_to)
    print(proto.text(), file=ctx.out)
    return 0


def cmd_show(args: argparse.Namespace, ctx: CliContext) -> int:
    round_id = ctx.round_id(args.round)
    print(SamplingService(ctx.db(), ctx.actor).protocol(round_id).text(), file=ctx.out)
    return 0


def cmd_exclude(args: argparse.Namespace, ctx: CliContext) -> int:
    round_id = ctx.round_id(args.round)
    new = SamplingService(ctx.db(), ctx.actor).exclude(round_id, args.case, args.reason)
    print(f"Ärendet {args.case} uteslöts och ersattes av {new}.", file=ctx.out)
    return 0


def cmd_verify(args: argparse.Namespace, ctx: CliContext) -> int:
    result = SamplingService(ctx.db(), ctx.actor).verify(ctx.round_id(args.round))
    print(result.message, file=ctx.out if result.matches else ctx.err)
    return 0 if result.matches else 1


def cmd_add_chosen(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.services.chosen import ChosenCaseService

    row = ChosenCaseService(ctx.db(), ctx.actor).add(args.round, args.case, args.reason)
    where = "" if row.in_frame else " (fanns inte i ärendelistan)"
    print(f"Ärendet {row.case_ref} lades till som utvalt ärende{where}. Det granskas som "
          "andra men räknas inte i stickprovets siffror.", file=ctx.out)
    return 0
