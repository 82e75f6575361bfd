"""`audit-app vb --unit U --year Y [--pdf F] [--docx F] [--json F]`: the VB chapter."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.figures import figure_text
from audit_app.services.vb import VbFiles, VbService


def register(sub: Any) -> None:
    parser = sub.add_parser("vb", help="internkontrollens kapitel i verksamhetsberättelsen")
    parser.add_argument("--unit", required=True, metavar="ENHET")
    parser.add_argument("--year", required=True, type=int, metavar="ÅÅÅÅ")
    parser.add_argument("--pdf", type=Path, metavar="FIL", help="kapitlet som PDF")
    parser.add_argument("--docx", type=Path, metavar="FIL", help="kapitlet som Word-fil")
    parser.add_argument("--json", type=Path, metavar="FIL", help="siffrorna som JSON")
    # SUPPRESS: without it the sub-command's default would overwrite `audit-app --lang en vb`
    parser.add_argument("--lang", choices=("sv", "en"), default=argparse.SUPPRESS,
                        help="språk i PDF- och Word-filen (standard: GRANSKA_LANG eller sv)")
    parser.set_defaults(func=cmd_vb)


def cmd_vb(args: argparse.Namespace, ctx: CliContext) -> int:
    lang = ctx.lang  # --lang before or after `vb`, else GRANSKA_LANG, else Swedish
    files = VbFiles(pdf=args.pdf, docx=args.docx, json=args.json, lang=lang)
    chapter = VbService(ctx.db(), ctx.library, ctx.actor).export(args.unit, args.year, files)
    for path in (args.pdf, args.docx, args.json):
        if path:
            print(f"Skrev {path}", file=ctx.out)
    if not (args.pdf or args.docx or args.json):
        print(f"Internkontroll {chapter.year} – {chapter.unit}", file=ctx.out)
        for vc in chapter.controls:
            print(f"{vc.control.control_id}: {vc.control.title}", file=ctx.out)
            for item in vc.items:
                vb = vc.figure(item, "VB", chapter.year)
                text = figure_text(vb, lang=lang) if vb else "–"
                print(f"  {item.item_id}\tVB {text}", file=ctx.out)
            print(f"  avvikelser: {len(vc.deviations)}", file=ctx.out)
    return 0
