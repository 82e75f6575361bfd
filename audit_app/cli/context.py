"""What every CLI command gets: the database (opened on first use), checklists, the user."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from audit_app.checklist_io.library import ChecklistLibrary
from audit_app.domain.errors import UserError
from audit_app.domain.i18n import env_language, msg
from audit_app.domain.rounds import RoundSummary
from audit_app.services.rounds import RoundService
from audit_app.storage.db import (
    Database,
    WrongPassphraseError,
    check_existing,
    is_encrypted,
    open_database,
)

PASSPHRASE_ENV = "GRANSKA_PASSPHRASE"
UNENCRYPTED_ENV = "GRANSKA_UNENCRYPTED"


def cli_passphrase(path: Path, unencrypted: bool) -> str | None:
    """The passphrase from the environment or a prompt; never from an argument."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    existing = path.exists()
    if existing and not is_encrypted(path):
        return None  # plain, or empty/damaged: open_database says which
    if not existing and (unencrypted or os.environ.get(UNENCRYPTED_ENV) == "1"):
        return None
    if not sys.stdin.isatty():
        if existing:
            raise UserError(f"Databasen {path.name} är krypterad: ange lösenfrasen i "
                            f"miljövariabeln {PASSPHRASE_ENV}.")
        raise UserError(f"Ny databas: ange en lösenfras i miljövariabeln {PASSPHRASE_ENV}, "
                        "eller välj --unencrypted (endast med full diskkryptering).")
    phrase = getpass.getpass("Lösenfras för databasen: ")
    if not existing and getpass.getpass("Upprepa lösenfrasen: ") != phrase:
        raise UserError("Lösenfraserna är olika.")
    if not phrase:
        raise UserError("Ingen lösenfras angavs.")
    return phrase


def server_password_prompt() -> Callable[[], str] | None:
    """Asks for the database role's password on a terminal; None when there is none (libpq's
    PGPASSWORD or PGPASSFILE must then supply it)."""
    if not sys.stdin.isatty():
        return None
    return lambda: getpass.getpass("Lösenord för databasrollen: ")


@dataclass
class CliContext:
    """Handed to command handlers by the composition root."""

    db_path: Path
    library: ChecklistLibrary
    actor: str
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    unencrypted: bool = False
    server_url: str | None = None  # postgresql+psycopg://HOST/DB instead of db_path
    lang: str = field(default_factory=env_language)  # --lang, else GRANSKA_LANG, else sv
    _db: Database | None = None

    def db(self) -> Database:
        if self._db is None and self.server_url:
            from audit_app.storage.server import open_server

            self._db = open_server(self.server_url, password_prompt=server_password_prompt())
        if self._db is None:
            if self.db_path.is_file():
                try:  # an empty or truncated file is named as such before any passphrase
                    check_existing(self.db_path, None, unencrypted=True)
                except WrongPassphraseError:
                    pass
            passphrase = cli_passphrase(self.db_path, self.unencrypted)
            self._db = open_database(self.db_path, passphrase=passphrase,
                                     unencrypted=self.allows_plain())
            if self._db.migration_backup is not None:
                print(msg("Databasen uppgraderades; kopia före uppgraderingen: {path}",
                          self.lang, path=self._db.migration_backup), file=self.err)
        return self._db

    def round(self, key: str) -> RoundSummary:
        """The round named key (or with the id key); commands resolve it once, here, and
        hand its id on."""
        return RoundService(self.db(), self.library, self.actor).get(key)

    def round_id(self, key: str) -> int:
        return self.round(key).id

    def allows_plain(self) -> bool:
        """--unencrypted (or GRANSKA_UNENCRYPTED=1): a plain file may be opened as such."""
        return self.unencrypted or os.environ.get(UNENCRYPTED_ENV) == "1"

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
