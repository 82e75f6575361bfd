"""`audit-app themes ROUND`: how many of each item's texts carry each theme."""

from __future__ import annotations

import argparse
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.figures import percent
from audit_app.services.figures import FigureService


def register(sub: Any) -> None:
    parser = sub.add_parser("themes", help="teman per fråga: antal texter och andel")
    parser.add_argument("round", metavar="OMGÅNG")
    parser.set_defaults(func=cmd_themes)


def cmd_themes(args: argparse.Namespace, ctx: CliContext) -> int:
    rnd = ctx.round(args.round)
    report = FigureService(ctx.db()).compute([rnd.id])
    rows = [(item.item_id, t) for item in report.items for t in item.themes]
    if not rows:
        print(f"Inga teman i checklistan för '{rnd.name}'.", file=ctx.out)
        return 0
    print("Fråga | tema | texter | andel", file=ctx.out)
    for item_id, theme in rows:
        print(f"{item_id} | {theme.label} ({theme.id}) | {theme.count} av {theme.n} | "
              f"{percent(theme.share)}", file=ctx.out)
    return 0
