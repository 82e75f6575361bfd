"""`audit-app feedback ROUND CASE --pdf FILE`: the one-page feedback sheet of a case."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.reports.feedback_pdf import write_feedback_pdf
from audit_app.services.feedback import FeedbackService


def register(sub: Any) -> None:
    parser = sub.add_parser("feedback", help="återkopplingsblad (en sida) för ett granskat "
                            "ärende")
    parser.add_argument("round", metavar="OMGÅNG")
    parser.add_argument("case", metavar="ÄRENDE")
    parser.add_argument("--pdf", required=True, type=Path, metavar="FIL")
    parser.set_defaults(func=cmd_feedback)


def cmd_feedback(args: argparse.Namespace, ctx: CliContext) -> int:
    sheet = FeedbackService(ctx.db()).sheet(args.round, args.case)
    write_feedback_pdf(sheet, args.pdf)
    print(f"Skrev {args.pdf} ({len(sheet.rows)} frågor, ärende {sheet.case_ref}).",
          file=ctx.out)
    return 0
