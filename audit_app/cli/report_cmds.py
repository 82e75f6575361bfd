"""`audit-app report ROUND [ROUND...] [--pdf FILE] [--xlsx FILE] [--json FILE] [--publication]`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.figures import figure_text
from audit_app.domain.gender import GENDER_ORDER
from audit_app.domain.i18n import msg, verdict_word
from audit_app.services.figures import FigureService
from audit_app.services.report_export import ExportRequest, ReportExportService


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="resultat per kontrollpunkt som PDF, Excel, JSON")
    parser.add_argument("rounds", nargs="+", metavar="OMGÅNG",
                        help="omgångarnas namn eller id (samma checklista)")
    parser.add_argument("--pdf", type=Path, metavar="FIL", help="sammanställning som PDF")
    parser.add_argument("--xlsx", type=Path, metavar="FIL", help="arbetsbok för Excel")
    parser.add_argument("--json", type=Path, metavar="FIL", help="siffrorna som JSON")
    parser.add_argument("--publication", action="store_true",
                        help="publiceringsversion: värden på färre än 5 ärenden visas som <5")
    parser.add_argument("--unit", metavar="ENHET", help="bara ärenden från denna enhet")
    parser.add_argument("--gender", choices=GENDER_ORDER, help="bara flickor, pojkar …")
    parser.set_defaults(func=cmd_report)


def cmd_report(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.db()
    ids = tuple(dict.fromkeys(ctx.round_id(key) for key in args.rounds))
    request = ExportRequest(ids, pdf=args.pdf, xlsx=args.xlsx, json=args.json,
                            publication=args.publication, unit=args.unit, gender=args.gender,
                            lang=ctx.lang)
    service = ReportExportService(db, ctx.actor)
    if not (args.pdf or args.xlsx or args.json):
        # no file asked for: print the summary only
        report = FigureService(db).compute(list(ids), unit=args.unit, gender=args.gender)
    else:
        report = service.write(request)
    lang = ctx.lang
    print(f"{report.checklist_title}, {msg(report.unit_text, lang)}, {report.period_text}: "
          f"{msg('{n} granskade ärenden', lang, n=report.reviews)}.", file=ctx.out)
    for item in report.items:
        if item.scored:
            text = figure_text(item.total, publication=args.publication, lang=lang)
            target = msg("mål {target}", lang, target=f"{item.target:g} %") \
                if item.target is not None else msg("inget mål", lang)
            print(f"  {item.item_id}: {text}; {target}; {verdict_word(item.total.verdict, lang)}",
                  file=ctx.out)
    for path in (args.pdf, args.xlsx, args.json):
        if path:
            print(msg("Skrev {path}", lang, path=path), file=ctx.out)
    return 0
