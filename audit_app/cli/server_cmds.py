"""`audit-app --db postgresql+psycopg://HOST/DB server init|grant|revoke|grants`: roles."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from audit_app.cli.context import CliContext
from audit_app.domain.errors import UserError


def register(sub: Any) -> None:
    parser = sub.add_parser("server", help="den delade databasen på PostgreSQL: schema och "
                                           "roller (se docs/server.md)")
    commands = parser.add_subparsers(dest="command", metavar="KOMMANDO", required=True)
    init = commands.add_parser("init", help="skapa schemat och rollerna granska_reviewer, "
                                            "granska_manager, granska_admin (databasens ägare)")
    init.set_defaults(func=cmd_init)
    grant = commands.add_parser("grant", help="ge en befintlig inloggningsroll en Granska-roll")
    grant.add_argument("login", metavar="DBROLL", help="inloggningsrollen på servern")
    grant.add_argument("--role", required=True, choices=("reviewer", "manager", "admin"),
                       help="granskare, ansvarig (omgångar, låsning, rapporter) eller admin")
    grant.add_argument("--unit", metavar="ENHET",
                       help="enheten rollen ser (utan: alla enheter)")
    grant.set_defaults(func=cmd_grant)
    revoke = commands.add_parser("revoke", help="ta tillbaka en Granska-roll eller en enhet "
                                                "(motsatsen till grant)")
    revoke.add_argument("login", metavar="DBROLL", help="inloggningsrollen på servern")
    revoke.add_argument("--role", choices=("reviewer", "manager", "admin"),
                        help="rollen som tas tillbaka (utan --role och --unit: alla)")
    revoke.add_argument("--unit", metavar="ENHET",
                        help="bara den här enheten tas tillbaka; rollen finns kvar")
    revoke.set_defaults(func=cmd_revoke)
    listing = commands.add_parser("grants", help="visa vilka roller som ser vilka enheter")
    listing.set_defaults(func=cmd_grants)


def _server(ctx: CliContext) -> Any:
    if not ctx.server_url:
        raise UserError("server-kommandona gäller en delad databas: ange --db "
                        "postgresql+psycopg://VÄRD/DATABAS.")
    return ctx.db()


def cmd_init(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.storage.server_roles import setup_roles

    db = _server(ctx)  # opening it runs the migrations
    with db.transaction() as conn:
        setup_roles(conn)
    print(f"Schemat och rollerna är klara på {db.location}. Ge användare roller med: "
          "audit-app --db ADRESS server grant DBROLL --role reviewer --unit ENHET",
          file=ctx.out)
    return 0


def _change_role(ctx: CliContext, change: Callable[..., str], args: argparse.Namespace) -> int:
    """Run `change` (grant_role or revoke_role) in one transaction and print what it did."""
    db = _server(ctx)
    with db.transaction() as conn:
        print(change(conn, args.login, args.role, args.unit, actor=ctx.actor), file=ctx.out)
    return 0


def cmd_grant(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.storage.server_roles import grant_role

    return _change_role(ctx, grant_role, args)


def cmd_revoke(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.storage.server_roles import revoke_role

    return _change_role(ctx, revoke_role, args)


def cmd_grants(args: argparse.Namespace, ctx: CliContext) -> int:
    from audit_app.storage.server_roles import grants

    db = _server(ctx)
    with db.engine.connect() as conn:
        for login, unit in grants(conn):
            print(f"{login}\t{unit or '(alla enheter)'}", file=ctx.out)
    return 0
