"""`audit-app [--db FILE] sync --server URL`: the laptop's rounds to the server and back."""

from __future__ import annotations

import argparse
from typing import Any

from audit_app.cli.context import CliContext, server_password_prompt
from audit_app.domain.errors import UserError


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "sync", help="synkronisera datorns databas med den delade servern: skicka datorns "
                     "omgångar, hämta de omgångar din databasroll ser")
    parser.add_argument("--server", required=True, metavar="ADRESS",
                        help="postgresql+psycopg://ROLL@VÄRD/DATABAS (lösenord: PGPASSWORD, "
                             "~/.pgpass eller frågan)")
    keep = parser.add_mutually_exclusive_group()
    keep.add_argument("--keep-server", action="store_const", dest="keep", const="server",
                      help="där svaren skiljer sig: behåll serverns")
    keep.add_argument("--keep-laptop", action="store_const", dest="keep", const="laptop",
                      help="där svaren skiljer sig: behåll datorns")
    parser.add_argument("--dry-run", action="store_true",
                        help="visa vad som skulle synkroniseras; ingenting skrivs")
    parser.set_defaults(func=cmd_sync)


def cmd_sync(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.services.sync import SyncService
    from audit_app.storage.server import open_server

    if ctx.server_url:
        raise UserError("sync körs mot datorns egen databasfil: ange --db FIL (eller ingen) "
                        "och servern med --server.")
    laptop = ctx.db()
    server = open_server(args.server, password_prompt=server_password_prompt(),
                         migrate=False)
    try:
        report = SyncService(laptop, server, ctx.actor).sync(args.keep, args.dry_run)
    finally:
        server.close()
    head = "Skulle synkroniseras" if args.dry_run else "Synkroniserat"
    for label, merges in (("till servern", report.pushed), ("från servern", report.pulled)):
        for m in merges:
            added = ", ".join(f"{k} {v}" for k, v in sorted(m.added.items()) if v)
            print(f"{head} {label}: {m.round_name}"
                  f"{' (ny omgång)' if m.created_round else ''}{': ' + added if added else ''}",
                  file=ctx.out)
    for where, name, c in report.conflicts:
        on_server, on_laptop = (c.ours, c.theirs) if where == "push" else (c.theirs, c.ours)
        kept = "serverns" if args.keep == "server" else "datorns"
        print(f"Skilde sig ({name}, ärende {c.case_ref}, {c.item_id}): servern '{on_server}',"
              f" datorn '{on_laptop}'; {kept} behålls", file=ctx.out)
    for note in report.skipped:
        print(f"Hoppades över: {note}", file=ctx.err)
    return 0
