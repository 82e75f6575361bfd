"""The scripting command line: `audit-app [--db PATH] GROUP COMMAND ...`."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TextIO, cast

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
    server_cmds,
    sync_cmd,
    themes_cmds,
    vb_cmds,
)
from audit_app.cli.context import CliContext
from audit_app.cli.texts_en import EnglishOutput
from audit_app.domain.error_texts import translate_text
from audit_app.domain.errors import UserError
from audit_app.domain.i18n import LANGUAGES, msg, normalise

# Each module adds its command group; later issues add theirs to this tuple.
COMMAND_MODULES = (checklist_cmds, round_cmds, reviews_cmds, case_cmds, report_cmds,
                   backup_cmds, sample_cmds, restore_cmd, plan_cmds, deviation_cmds,
                   vb_cmds, agreement_cmds, feedback_cmds, server_cmds, sync_cmd,
                   themes_cmds)


logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="audit-app",
        description="Granska – internkontroll av ärenden. Utan kommando startar programmet.",
    )
    parser.add_argument("--version", action="version", version=f"Granska {__version__}")
    parser.add_argument("--db", metavar="PATH", help="databasfil (standard: i datamappen) "
                        "eller en delad databas: postgresql+psycopg://VÄRD/DATABAS")
    parser.add_argument("--unencrypted", action="store_true",
                        help="skapa en ny databas utan kryptering (endast för datorer med "
                             "full diskkryptering); lösenfrasen tas annars från "
                             "GRANSKA_PASSPHRASE eller frågas efter")
    parser.add_argument("--demo", action="store_true",
                        help="öppna en demodatabas med påhittade exempel (skapas vid behov)")
    parser.add_argument("--lang", choices=LANGUAGES,
                        help="språk för meddelanden och rapporter: sv eller en (standard: "
                             "miljövariabeln GRANSKA_LANG, annars sv)")
    parser.add_argument("--smoke-test", action="store_true",
                        help="kontrollera installationen (databas, fönster, rapporter) och avsluta")
    sub = parser.add_subparsers(dest="group", metavar="KOMMANDO")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    """Run a parsed command; errors become a message on stderr and exit code 1.

    A user error is shown as it is (in English with --lang en or GRANSKA_LANG=en); any
    other error is logged with its traceback and the user is told only its kind and where
    the log is.
    """
    if getattr(args, "lang", None):
        ctx.lang = normalise(args.lang)
    lang = ctx.lang
    if lang == "en":  # the commands print Swedish; what they print is given in English
        ctx.out = cast(TextIO, EnglishOutput(ctx.out))
        ctx.err = cast(TextIO, EnglishOutput(ctx.err))
    try:
        code: int = args.func(args, ctx)
        return code
    except UserError as exc:
        print(f"{msg('Fel', lang)}: {translate_text(str(exc), lang)}", file=ctx.err)
        return 1
    except KeyboardInterrupt:
        print(msg("Avbrutet.", lang), file=ctx.err)
        return 1
    except Exception as exc:  # the traceback goes to the log, never to the user's screen
        logger.exception("Oväntat fel i kommandot '%s %s'", args.group,
                         getattr(args, "command", ""))
        print(f"{msg('Fel', lang)}: {translate_text(logs.unexpected_error_text(exc), lang)}",
              file=ctx.err)
        return 1
    finally:
        ctx.close()


def group_help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def parse(argv: Sequence[str]) -> argparse.Namespace:
    return build_parser().parse_args(list(argv))
