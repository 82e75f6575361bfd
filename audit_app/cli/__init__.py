"""The scripting command line: `audit-app [--db PATH] GROUP COMMAND ...`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from audit_app import __version__, logs
from audit_app.cli import (
    agreement_cmds,
    backup_cmds,
    case_cmds,
    checklist_cmds,
    deviation_cmds,
    feedback_cmds,
    plan_cmds,
    report_cmds,
    restore_cmd,
    reviews_cmds,
    round_cmds,
    sample_cmds,
    themes_cmds,
    vb_cmds,
)
from audit_app.cli.context import CliContext
from audit_app.domain.errors import UserError

# Each module adds its command group; later issues add theirs to this tuple.
COMMAND_MODULES = (checklist_cmds, round_cmds, reviews_cmds, case_cmds, report_cmds,
                   backup_cmds, sample_cmds, restore_cmd, plan_cmds, deviation_cmds,
                   vb_cmds, agreement_cmds, feedback_cmds, themes_cmds)


logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="audit-app",
        description="Granska – internkontroll av ärenden. Utan kommando startar programmet.",
    )
    parser.add_argument("--version", action="version", version=f"Granska {__version__}")
    parser.add_argument("--db", metavar="PATH", help="databasfil (standard: i datamappen)")
    parser.add_argument("--unencrypted", action="store_true",
                        help="skapa en ny databas utan kryptering (endast för datorer med "
                             "full diskkryptering); lösenfrasen tas annars från "
                             "GRANSKA_PASSPHRASE eller frågas efter")
    parser.add_argument("--demo", action="store_true",
                        help="öppna en demodatabas med påhittade exempel (skapas vid behov)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="kontrollera installationen (databas, fönster, rapporter) och avsluta")
    sub = parser.add_subparsers(dest="group", metavar="KOMMANDO")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run a parsed command; errors become a message on stderr and exit code 1.

    A user error is shown as it is; any other error is logged with its traceback and the
    user is told only its kind and where the log is.
    """
    try:
        code: int = args.func(args, ctx)
        return code
    except UserError as exc:
        print(f"Fel: {exc}", file=ctx.err)
        return 1
    except KeyboardInterrupt:
        print("Avbrutet.", file=ctx.err)
        return 1
    except Exception as exc:  # the traceback goes to the log, never to the user's screen
        logger.exception("Oväntat fel i kommandot '%s %s'", args.group,
                         getattr(args, "command", ""))
        print(f"Fel: {logs.unexpected_error_text(exc)}", file=ctx.err)
        return 1
    finally:
        ctx.close()


def group_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))
