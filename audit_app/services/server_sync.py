"""The saved server of a laptop: its address checked, the password's sources, the sync run."""

from __future__ import annotations

from audit_app.domain.errors import UserError
from audit_app.services.sync import Keep, SyncReport, SyncService
from audit_app.storage.db import Database
from audit_app.storage.server import (
    SCHEME,
    PasswordNeededError,
    PromptedPassword,
    display,
    has_scheme,
    open_server,
    parse_server_url,
)

__all__ = ["PasswordNeededError", "PromptedPassword", "ServerSyncService", "server_address"]


def server_address(url: str, user: str = "") -> str:
    """The address to connect to: `url` checked (the scheme, no password, a database) with
    the login role `user` put in; a UserError says what is wrong."""
    url, user = url.strip(), user.strip()
    if not url:
        raise UserError("Ange serverns adress: postgresql+psycopg://VÄRD/DATABAS.")
    if not url.lower().startswith(SCHEME + "://"):
        scheme = url.split(":", 1)[0] if has_scheme(url) else ""
        raise UserError("Adressen ska börja med postgresql+psycopg:// (Granska använder "
                        f"PostgreSQL med drivrutinen psycopg), inte med '{scheme}'."
                        if scheme else
                        "Adressen ska börja med postgresql+psycopg://, t.ex. "
                        "postgresql+psycopg://db.kommun.se/granska?sslmode=verify-full.")
    parsed = parse_server_url(url)
    if user:
        if parsed.username and parsed.username != user:
            raise UserError(f"Adressen anger användaren '{parsed.username}' men "
                            f"användarnamnet är '{user}'; ange det på ett ställe.")
        parsed = parsed.set(username=user)
    return display(parsed)


class ServerSyncService:
    """Syncs this laptop's database with a server (SyncService), opening and closing the
    server for each run; the password from libpq, the OS keyring or the one typed."""

    def __init__(self, laptop: Database, actor: str) -> None:
        self.laptop = laptop
        self.actor = actor

    def sync(self, address: str, keep: Keep = None, dry_run: bool = False,
             password: PromptedPassword | None = None) -> SyncReport:
        """As SyncService.sync; PasswordNeededError when the server wants a password that
        neither libpq nor the keyring had (ask it and call again with `password`)."""
        if getattr(self.laptop, "server", False):
            raise UserError("Granska är öppnat mot serverns databas; synkronisera från "
                            "datorns egen databas.")
        server = open_server(address, migrate=False, password=password)
        try:
            return SyncService(self.laptop, server, self.actor).sync(keep, dry_run)
        finally:
            server.close()

    @staticmethod
    def keyring_available() -> bool:
        """Whether a typed password can be remembered in the OS keyring."""
        from audit_app.storage.server_password import keyring_available

        return keyring_available()

    @staticmethod
    def forget_password(address: str) -> bool:
        """Remove the password saved for this address; False when there was none."""
        from audit_app.storage.server_password import forget_password

        return forget_password(parse_server_url(address))
