"""`audit-app backup [--out FILE]`: a consistent copy (encrypted stays encrypted)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.errors import UserError
from audit_app.storage.backup import backups_dir


def register(sub: Any) -> None:
    parser = sub.add_parser("backup", help="säkerhetskopiera databasen")
    parser.add_argument("--out", metavar="FIL", help="målfil (standard: mappen backups)")
    parser.set_defaults(func=cmd_backup)


def cmd_backup(args: argparse.Namespace, ctx: CliContext) -> int:
    db = ctx.db()
    if ctx.server_url:
        from audit_app.storage.server import PG_DUMP_ADVICE

        raise UserError(PG_DUMP_ADVICE)
    if args.out:
        target = Path(args.out).expanduser().resolve()
    else:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = backups_dir(db.path) / f"{db.path.stem}.manual-{stamp}{db.path.suffix}"
    if target.exists():
        raise UserError(f"{target} finns redan; välj ett annat namn.")
    if target == db.path:
        raise UserError("Säkerhetskopian kan inte skrivas över själva databasen.")
    db.backup(target)
    kind = "krypterad" if db.encrypted else "okrypterad"
    print(f"Säkerhetskopia ({kind}): {target}", file=ctx.out)
    return 0
