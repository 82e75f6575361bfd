"""A shared Granska database on PostgreSQL: the address, the engine, migrations, sessions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session

from audit_app.domain.errors import UserError
from audit_app.storage.crypto import DatabaseError
from audit_app.storage.db import SCHEMA_REVISIONS, Database, _upgrade, head_revision

SCHEME = "postgresql+psycopg"
CONNECT_TIMEOUT = 10  # seconds
PROMPT_TRIES = 3
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+:")

PASSWORD_HELP = ("Lösenordet anges aldrig i adressen eller som argument: använd "
                 "miljövariabeln PGPASSWORD, en lösenordsfil (PGPASSFILE, ~/.pgpass), "
                 "operativsystemets nyckelring eller svara på frågan om lösenord.")

PG_DUMP_ADVICE = ("Databasen ligger på en PostgreSQL-server; säkerhetskopiera den där med "
                  "pg_dump, t.ex. pg_dump --format=custom --file=granska.dump DATABAS "
                  "(se docs/server.md). Granska kopierar ingen fil.")


def has_scheme(value: str) -> bool:
    """Whether `value` is an address ("scheme:...") rather than a file path."""
    return bool(_SCHEME.match(value.strip()))


def is_server_url(value: object) -> bool:
    """Whether `value` is a PostgreSQL address Granska opens as a shared database."""
    return isinstance(value, str) and value.strip().lower().startswith(SCHEME + "://")


def parse_server_url(value: str) -> URL:
    """The address as a SQLAlchemy URL; a password in it or another scheme is refused."""
    if not is_server_url(value):
        raise UserError(f"{value!r} är ingen PostgreSQL-adress; ange "
                        f"{SCHEME}://VÄRD/DATABAS (eller en databasfil).")
    try:
        url = make_url(value.strip())
    except ArgumentError as exc:
        raise UserError(f"Adressen {value!r} går inte att tolka.") from exc
    if url.password is not None:
        raise UserError(f"Adressen innehåller ett lösenord, det tas inte emot. {PASSWORD_HELP}")
    if not url.database:
        raise UserError(f"Adressen {display(url)} saknar databasnamn "
                        f"({SCHEME}://VÄRD/DATABAS).")
    return url


def display(url: URL) -> str:
    """The address as shown to the user (never with a password)."""
    return url.render_as_string(hide_password=True)


def needs_password(exc: BaseException) -> bool:
    """Whether a failed connect was the server asking for a password none was given for."""
    message = str(getattr(exc, "orig", exc))
    return "no password supplied" in message or "password authentication failed" in message


def make_server_engine(url: URL, password: str | None = None) -> Engine:
    """An engine for the server; libpq reads PGPASSWORD/PGPASSFILE and sslmode itself."""
    connect_args: dict[str, Any] = {"application_name": "granska"}
    if "connect_timeout" not in url.query:  # an unreachable server is told, not waited on
        connect_args["connect_timeout"] = CONNECT_TIMEOUT
    if password is not None:
        connect_args["password"] = password  # from a prompt, held only in memory
    return create_engine(url, hide_parameters=True, pool_pre_ping=True,
                         connect_args=connect_args)


class ServerDatabase(Database):
    """An open Granska database on a PostgreSQL server (sessions as for a file)."""

    server = True

    def __init__(self, url: URL, engine: Engine) -> None:
        super().__init__(Path(url.database or "granska"), engine)
        self.url = url

    @property
    def encrypted(self) -> bool:
        return False

    @property
    def location(self) -> str:
        return display(self.url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """As for a file; what the user's database role may not do is said in words."""
        try:
            with super().session() as session:
                yield session
        except DBAPIError as exc:
            refused = permission_error(exc, self.has_granska_role)
            if refused is not None:
                raise refused from exc
            raise

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A connection in a transaction (the role commands), refusals said as for a
        session."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except DBAPIError as exc:
            refused = permission_error(exc, self.has_granska_role)
            if refused is not None:
                raise refused from exc
            raise

    def backup(self, target: Path) -> Path:
        raise UserError(PG_DUMP_ADVICE)

    def daily_backup(self) -> Path | None:
        return None  # the server's own backups (pg_dump) are IT's, see docs/server.md

    def has_passphrase(self, phrase: str) -> bool:
        return False

    def change_passphrase(self, new: str) -> None:
        raise UserError("Databasen ligger på en server; där finns ingen lösenfras att byta. "
                        "Lösenordet för din databasroll byts på servern (ALTER ROLE).")

    def has_granska_role(self) -> bool:
        """Whether the connected role holds a Granska role at all (directly or inherited)."""
        with self.engine.connect() as conn:
            return bool(conn.execute(text(
                "SELECT pg_has_role('granska_reviewer', 'MEMBER') FROM pg_roles "
                "WHERE rolname = 'granska_reviewer'")).scalar())

    def current_role(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.execute(text("SELECT current_user")).scalar_one())


# What a role may not do, by the table the server refused (see server_roles._WRITES).
_MANAGER_TABLES = {"audit_round", "checklist_definition", "case_import", "case", "sample",
                   "sample_entry", "plan_round", "deviation_note", "plan_action", "setting"}
_ADMIN_TABLES = {"plan_control", "granska_grant"}
NOT_MANAGER = ("Din databasroll får inte skapa, låsa eller ändra omgångar, ärendelistor, "
               "stickprov eller avvikelser; det får granska_manager. Be den som "
               "administrerar Granska om rätt roll (audit-app server grant).")
NOT_ADMIN = ("Din databasroll får inte ändra planen eller rollerna; det får granska_admin. "
             "Be den som administrerar Granska om rätt roll (audit-app server grant).")
NOT_ALLOWED = ("Din databasroll får inte göra detta (eller inte i den här enheten). Be den "
               "som administrerar Granska om rätt roll (audit-app server grant).")
NO_ROLE = ("Din databasroll har ingen Granska-roll (längre) och kan inte läsa eller ändra "
           "något. Be den som administrerar Granska om en roll (audit-app server grant).")
_TABLE = re.compile(r'(?:table|tabell|tabellen)\s+"?([A-Za-z_]+)"?')


def permission_error(exc: DBAPIError,
                     has_role: Callable[[], bool] | None = None) -> UserError | None:
    """The server's refusal (insufficient_privilege, a row-level policy) in words, saying
    which role may do it; None for any other error. `has_role` tells a role that holds no
    Granska role (any more) from one that may not do this one thing."""
    orig = exc.orig
    if getattr(orig, "sqlstate", None) != "42501":
        return None
    if has_role is not None and not has_role():
        return UserError(NO_ROLE)
    if str(exc.statement or "").lstrip().upper().startswith(("GRANT", "REVOKE")):
        return UserError(NOT_ADMIN)  # handing out roles takes granska_admin
    diag = getattr(orig, "diag", None)
    table = getattr(diag, "table_name", None)
    if table is None:  # "permission denied for table x" names it only in the text
        found = _TABLE.search(str(orig))
        table = found.group(1) if found else None
    if "row-level security" not in str(orig):
        if table in _MANAGER_TABLES:
            return UserError(NOT_MANAGER)
        if table in _ADMIN_TABLES:
            return UserError(NOT_ADMIN)
    return UserError(NOT_ALLOWED)


def _connect_error(url: URL, exc: BaseException) -> UserError:
    orig = getattr(exc, "orig", exc)
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return UserError(f"Kunde inte ansluta till {display(url)}: {first}")


def server_revision(engine: Engine) -> str | None:
    """The Alembic revision on the server, None for an empty database."""
    with engine.connect() as conn:
        exists = conn.execute(text("SELECT to_regclass('alembic_version')")).scalar()
        if exists is None:
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


@dataclass(frozen=True)
class PromptedPassword:
    """A password the user typed, and whether to keep it in the OS keyring once it works."""

    password: str
    remember: bool = False


class PasswordNeededError(UserError):
    """The server wants a password that libpq and the keyring did not have (or a wrong one)."""

    def __init__(self, url: URL, wrong: bool) -> None:
        self.url = url
        self.wrong = wrong
        super().__init__(
            f"Lösenordet för {display(url)} stämmer inte." if wrong
            else f"Servern {display(url)} kräver ett lösenord. {PASSWORD_HELP}")


PasswordPrompt = Callable[[], "str | PromptedPassword"]


def _connect(url: URL, password: PromptedPassword | None, prompt: PasswordPrompt | None,
             use_keyring: bool) -> tuple[Engine, str | None]:
    """An engine that got in, and the schema revision it read. Password sources in order:
    libpq's own (PGPASSWORD, PGPASSFILE), the one handed in, the OS keyring, the prompt."""
    from audit_app.storage.server_password import keyring_password, remember_password

    engine = make_server_engine(url)
    tried = False
    try:
        return engine, server_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        if not needs_password(exc):
            raise
        tried = "password authentication failed" in str(getattr(exc, "orig", exc))
    candidates: list[Callable[[], PromptedPassword | None]] = []
    if password is not None:
        candidates.append(lambda: password)
    elif use_keyring:
        candidates.append(lambda: _saved(keyring_password(url)))
    if prompt is not None:  # a mistyped password is asked again, three tries in all
        candidates += [lambda: _typed(prompt())] * PROMPT_TRIES
    for candidate in candidates:
        given = candidate()
        if given is None:
            continue
        engine = make_server_engine(url, given.password)
        try:
            revision = server_revision(engine)
        except DBAPIError as exc:
            engine.dispose()
            if not needs_password(exc):
                raise
            tried = True
            continue
        if given.remember:
            remember_password(url, given.password)
        return engine, revision
    raise PasswordNeededError(url, tried)


def _saved(password: str | None) -> PromptedPassword | None:
    return None if password is None else PromptedPassword(password)


def _typed(answer: str | PromptedPassword) -> PromptedPassword:
    return answer if isinstance(answer, PromptedPassword) else PromptedPassword(answer)


def open_server(value: str, *, target: str = "head",
                password_prompt: PasswordPrompt | None = None,
                migrate: bool = True, password: PromptedPassword | None = None,
                use_keyring: bool = True) -> ServerDatabase:
    """Connect to the server database and bring its schema up to date (when allowed).

    The password comes from libpq (PGPASSWORD, PGPASSFILE), then `password` (typed earlier)
    or the OS keyring, then `password_prompt` when given; never from the address. Without
    a prompt a missing or wrong password raises PasswordNeededError (the caller may ask and
    try again); a prompted password marked `remember` is saved in the keyring once it works.
    """
    url = parse_server_url(value)
    try:
        engine, revision = _connect(url, password, password_prompt, use_keyring)
    except DBAPIError as exc:
        raise _connect_error(url, exc) from exc
    if revision is not None and revision not in SCHEMA_REVISIONS:
        engine.dispose()
        raise DatabaseError(f"Databasen {display(url)} kommer från en nyare version av "
                            f"Granska (schema {revision}). Uppdatera programmet.")
    wanted = head_revision() if target == "head" else target
    if revision != wanted:
        if not migrate:
            engine.dispose()
            raise UserError(f"Databasen {display(url)} har inte Granskas schema (version "
                            f"{revision or 'saknas'}); kör först: audit-app --db "
                            f"{display(url)} server init")
        try:
            _upgrade(engine, target)
        except DBAPIError as exc:
            engine.dispose()
            raise UserError(f"Schemat på {display(url)} kunde inte uppgraderas "
                            f"({str(exc.orig).strip().splitlines()[0]}). Uppgraderingen görs "
                            "av databasens ägare: audit-app server init.") from exc
    return ServerDatabase(url, engine)
