"""`audit-app calibration ...`, `audit-app agreement`, `audit-app reconcile`: double review."""

from __future__ import annotations

import argparse
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.agreement import kappa_text
from audit_app.domain.figures import percent
from audit_app.domain.i18n import msg
from audit_app.services.calibration import CalibrationService
from audit_app.services.reviews import ReviewService
from audit_app.services.rounds import RoundService

STATUS = {"open": "ej påbörjad", "not_started": "ej påbörjad", "draft": "pågår",
          "complete": "klar"}


def register(sub: Any) -> None:
    cal = sub.add_parser("calibration", help="dubbelgranskning: urval, andra granskarens svar")
    commands = cal.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    drw = commands.add_parser("draw", help="välj ärenden till dubbelgranskning")
    drw.add_argument("round", metavar="OMGÅNG")
    size = drw.add_mutually_exclusive_group(required=True)
    size.add_argument("--size", type=int, metavar="N", help="antal ärenden")
    size.add_argument("--share", type=float, metavar="P", help="andel av stickprovet, t.ex. 0.2")
    drw.set_defaults(func=cmd_draw)
    lst = commands.add_parser("list", help="visa ärendena och granskningarnas status")
    lst.add_argument("round", metavar="OMGÅNG")
    lst.set_defaults(func=cmd_list)
    ans = commands.add_parser("answer", help="andra granskarens svar på en fråga")
    ans.add_argument("round", metavar="OMGÅNG")
    ans.add_argument("case", metavar="ÄRENDE")
    ans.add_argument("item", metavar="FRÅGA")
    ans.add_argument("value", metavar="SVAR")
    ans.add_argument("--comment", metavar="TEXT")
    ans.set_defaults(func=cmd_answer)
    done = commands.add_parser("complete", help="markera andra granskningen som klar")
    done.add_argument("round", metavar="OMGÅNG")
    done.add_argument("case", metavar="ÄRENDE")
    done.set_defaults(func=cmd_complete)
    agr = sub.add_parser("agreement", help="överensstämmelse mellan granskarna per fråga")
    agr.add_argument("round", metavar="OMGÅNG")
    agr.add_argument("--disagreements", action="store_true",
                     help="lista också varje skillnad sida vid sida")
    agr.set_defaults(func=cmd_agreement)
    rec = sub.add_parser("reconcile", help="stäm av ett svar efter dubbelgranskning")
    rec.add_argument("round", metavar="OMGÅNG")
    rec.add_argument("case", metavar="ÄRENDE")
    rec.add_argument("item", metavar="FRÅGA")
    rec.add_argument("--value", required=True, metavar="SVAR")
    rec.add_argument("--reason", required=True, metavar="TEXT")
    rec.set_defaults(func=cmd_reconcile)


def cmd_draw(args: argparse.Namespace, ctx: CliContext) -> int:
    refs = CalibrationService(ctx.db(), ctx.actor).draw(args.round, args.size, args.share)
    print(f"{len(refs)} ärenden till dubbelgranskning: {', '.join(refs)}", file=ctx.out)
    return 0


def cmd_list(args: argparse.Namespace, ctx: CliContext) -> int:
    for c in CalibrationService(ctx.db(), ctx.actor).cases(args.round):
        print(f"{c.position}. {c.case_ref}: granskning 1 {STATUS[c.first_status]}"
              f"{' (' + c.first_reviewer + ')' if c.first_reviewer else ''}, granskning 2 "
              f"{STATUS[c.second_status]}"
              f"{' (' + c.second_reviewer + ')' if c.second_reviewer else ''}", file=ctx.out)
    return 0


def cmd_answer(args: argparse.Namespace, ctx: CliContext) -> int:
    CalibrationService(ctx.db(), ctx.actor).set_answer(args.round, args.case, args.item,
                                                        args.value, args.comment)
    print(f"Sparat: {args.case} {args.item} = {args.value}", file=ctx.out)
    return 0


def cmd_complete(args: argparse.Namespace, ctx: CliContext) -> int:
    CalibrationService(ctx.db(), ctx.actor).complete(args.round, args.case)
    print(f"Dubbelgranskningen av {args.case} är klar.", file=ctx.out)
    return 0


def cmd_agreement(args: argparse.Namespace, ctx: CliContext) -> int:
    service = CalibrationService(ctx.db(), ctx.actor)
    rnd = RoundService(ctx.db(), ctx.library, ctx.actor).get(args.round)
    checklist = ReviewService(ctx.db(), ctx.actor).checklist_for_round(rnd.id)
    found = service.agreement(rnd.id)
    if not found:
        print(f"Inga dubbelgranskade ärenden med båda granskningarna klara i '{rnd.name}'.",
              file=ctx.out)
    else:
        print("Fråga | fall | lika | andel lika | kappa (95 % KI) | viktad", file=ctx.out)
        for item in checklist.items:
            a = found.get(item.id)
            if a is None:
                continue
            weighted = msg("linjärt" if a.weighted else "nej", ctx.lang)
            print(f"{item.id} | {a.cases} | {a.agreeing} | "
                  f"{percent(a.percent, lang=ctx.lang)} | {kappa_text(a, ctx.lang)} | "
                  f"{weighted}" + (f" | {msg(a.note, ctx.lang)}" if a.note else ""),
                  file=ctx.out)
    if args.disagreements:
        rows = service.disagreements(rnd.id)
        print(f"\nSkillnader ({len(rows)}): ärende | fråga | granskare 1 | granskare 2 | "
              "avstämt", file=ctx.out)
        for d in rows:
            done = (f"{d.reconciled or '–'} ({d.reason})" if d.reason
                    else msg("ej avstämt", ctx.lang))
            print(f"{d.case_ref} | {d.item_id} | {d.first or '–'} ({d.first_reviewer}) | "
                  f"{d.second or '–'} ({d.second_reviewer}) | {done}", file=ctx.out)
    return 0


def cmd_reconcile(args: argparse.Namespace, ctx: CliContext) -> int:
    CalibrationService(ctx.db(), ctx.actor).reconcile(args.round, args.case, args.item,
                                                       args.value, args.reason)
    print(f"Avstämt: {args.case} {args.item} = {args.value} (orsaken loggades).", file=ctx.out)
    return 0
