"""`audit-app restore BACKUP`: put a checked backup in place of the (damaged) database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from audit_app.cli.context import CliContext, cli_passphrase
from audit_app.domain.errors import UserError
from audit_app.storage.backup import check_copy, restore_backup
from audit_app.storage.crypto import is_plain
from audit_app.storage.db import current_revision


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "restore", help="återställ databasen från en säkerhetskopia",
        description="Ersätter databasfilen med säkerhetskopian efter kontroll. Den "
                    "nuvarande filen flyttas till mappen backups; den raderas inte.")
    parser.add_argument("backup", metavar="SÄKERHETSKOPIA", help="kopian att återställa")
    parser.set_defaults(func=cmd_restore)


def cmd_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """Never opens the current file (it may be damaged); the backup must pass the check."""
    if ctx.server_url:
        raise UserError("Databasen ligger på en PostgreSQL-server; återställ den där med "
                        "pg_restore (se docs/server.md). Inget ändrades.")
    backup = Path(args.backup).expanduser().resolve()
    target = ctx.db_path.expanduser().resolve()
    if not backup.is_file():
        raise UserError(f"Säkerhetskopian {backup} finns inte.")
    if backup == target:
        raise UserError("Säkerhetskopian är själva databasfilen; välj en kopia.")
    passphrase = cli_passphrase(backup, ctx.unencrypted)
    if is_plain(backup):
        if passphrase and not ctx.allows_plain():
            raise UserError(
                f"Säkerhetskopian {backup.name} är okrypterad, men en lösenfras angavs. "
                "Ska den okrypterade kopian återställas: använd --unencrypted.")
        passphrase = None
    if not check_copy(backup, passphrase):
        raise UserError(
            f"Säkerhetskopian {backup.name} går inte att läsa eller klarar inte "
            "kontrollen (integrity_check); fel lösenfras eller skadad kopia. Inget ändrades.")
    if current_revision(backup, passphrase) is None:
        raise UserError(f"{backup.name} är ingen Granska-databas. Inget ändrades.")
    aside = restore_backup(target, backup)
    moved = (f" Den tidigare filen finns kvar som {aside}." if aside.exists() else "")
    print(f"Databasen {target} återställdes från {backup.name}.{moved}", file=ctx.out)
    return 0
