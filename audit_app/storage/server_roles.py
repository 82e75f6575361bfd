"""Roles, grants and row-level security of the shared database (`audit-app server init`)."""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import sessionmaker

from audit_app.domain.errors import UserError
from audit_app.storage import text_guard
from audit_app.storage.changelog import record_change

ROLES = {"reviewer": "granska_reviewer", "manager": "granska_manager",
         "admin": "granska_admin"}

# Who may write what; every role reads every table (row-level security decides which rows).
_WRITES = {
    "granska_reviewer": {"review": "INSERT, UPDATE", "answer": "INSERT, UPDATE, DELETE",
                         "change_log": "INSERT"},
    "granska_manager": {t: "INSERT, UPDATE, DELETE" for t in (
        "audit_round", "checklist_definition", "case_import", "case", "sample",
        "sample_entry", "review", "answer", "plan_round", "deviation_note", "plan_action",
        "setting")},
    "granska_admin": {t: "INSERT, UPDATE, DELETE" for t in (
        "plan_control", "granska_grant")},
}

# Row-level security: a round is visible when its unit is granted to the user; everything
# that belongs to a round follows the round (the subqueries are themselves filtered). The
# rules are correlated EXISTS on the parent's key, so a statement on one row looks up its
# parent by primary key: "review_id IN (SELECT id FROM review)" read every visible review
# for each statement (a reviewer's save took 250 ms at a city's scale, 16 ms like this;
# docs/performance.md, issue 16), while a whole-table read may still hash the parents.
def _parent(table: str, column: str, parent: str) -> str:
    return f'EXISTS (SELECT 1 FROM "{parent}" p WHERE p.id = "{table}".{column})'


_POLICIES = {
    "audit_round": "granska_unit_allowed(unit)",
    "plan_control": "granska_unit_allowed(unit)",
    "case_import": _parent("case_import", "round_id", "audit_round"),
    "case": _parent("case", "round_id", "audit_round"),
    "sample": _parent("sample", "round_id", "audit_round"),
    "review": _parent("review", "round_id", "audit_round"),
    "plan_round": _parent("plan_round", "round_id", "audit_round"),
    "sample_entry": _parent("sample_entry", "sample_id", "sample"),
    "answer": _parent("answer", "review_id", "review"),
    "answer_count": _parent("answer_count", "round_id", "audit_round"),  # PostgreSQL: 0009
    "deviation_note": _parent("deviation_note", "control_id", "plan_control"),
    "plan_action": _parent("plan_action", "control_id", "plan_control"),
    "change_log": "round_id IS NULL OR " + _parent("change_log", "round_id", "audit_round"),
    "granska_grant": "role_name = current_user OR pg_has_role('granska_admin', 'MEMBER')",
}

_SETUP = [
    """CREATE TABLE IF NOT EXISTS granska_grant (
           id serial PRIMARY KEY,
           role_name text NOT NULL,
           unit text,
           granted_by text NOT NULL DEFAULT current_user,
           granted_at timestamp NOT NULL DEFAULT now())""",
    """CREATE UNIQUE INDEX IF NOT EXISTS ux_granska_grant
           ON granska_grant (role_name, coalesce(unit, ''))""",
    """CREATE OR REPLACE FUNCTION granska_unit_allowed(u text) RETURNS boolean
       LANGUAGE sql STABLE AS $$
           SELECT pg_has_role('granska_admin', 'MEMBER') OR EXISTS (
               SELECT 1 FROM granska_grant g
               WHERE g.role_name = current_user AND (g.unit IS NULL OR g.unit = u))
       $$""",
    # the round id lookups of the policies
    "CREATE INDEX IF NOT EXISTS ix_review_round ON review (round_id)",
    "CREATE INDEX IF NOT EXISTS ix_sample_entry_sample ON sample_entry (sample_id)",
    "CREATE INDEX IF NOT EXISTS ix_audit_round_unit ON audit_round (unit)",
]


def _create_roles(conn: Connection) -> None:
    existing = set(conn.execute(text("SELECT rolname FROM pg_roles")).scalars())
    for role in ROLES.values():
        if role not in existing:
            conn.execute(text(f"CREATE ROLE {role} NOLOGIN"))
    # a manager can do what a reviewer can, an admin what a manager can
    conn.execute(text("GRANT granska_reviewer TO granska_manager"))
    conn.execute(text("GRANT granska_manager TO granska_admin"))
    # an admin hands out the roles (audit-app server grant) without being a superuser
    for role in ROLES.values():
        if role != "granska_admin":
            conn.execute(text(f"GRANT {role} TO granska_admin WITH ADMIN OPTION"))


def setup_roles(conn: Connection) -> None:
    """Create (or bring up to date) the roles, their grants and the row-level policies.

    Run by the database's owner after the migrations; safe to run again.
    """
    _create_roles(conn)
    for statement in _SETUP:
        conn.execute(text(statement))
    tables = [str(t) for t in conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars()]
    database = conn.execute(text("SELECT current_database()")).scalar_one()
    conn.execute(text(f'GRANT CONNECT ON DATABASE "{database}" TO granska_reviewer'))
    conn.execute(text("GRANT USAGE ON SCHEMA public TO granska_reviewer"))
    for table in tables:
        conn.execute(text(f'REVOKE ALL ON "{table}" FROM PUBLIC'))
        conn.execute(text(f'GRANT SELECT ON "{table}" TO granska_reviewer'))
    conn.execute(text("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public "
                      "TO granska_reviewer"))
    for role, writes in _WRITES.items():
        for table, privileges in writes.items():
            conn.execute(text(f'GRANT {privileges} ON "{table}" TO {role}'))
    for table, rule in _POLICIES.items():
        conn.execute(text(f'ALTER TABLE "{table}" ENABLE ROW LEVEL SECURITY'))
        conn.execute(text(f'DROP POLICY IF EXISTS granska_scope ON "{table}"'))
        conn.execute(text(f'CREATE POLICY granska_scope ON "{table}" USING ({rule})'))


def _group(role: str) -> str:
    group = ROLES.get(role)
    if group is None:
        raise UserError(f"Okänd roll '{role}'; välj reviewer, manager eller admin.")
    return group


def _login_can_log_in(conn: Connection, login: str) -> bool:
    """Whether the login role may log in; refused with advice when it does not exist, or
    when `server init` has not been run."""
    found = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                         {"r": login}).first()
    if found is None:
        raise UserError(f"Databasrollen '{login}' finns inte. Skapa den först på servern: "
                        f"CREATE ROLE \"{login}\" LOGIN (lösenordet sätts där, aldrig i "
                        "Granska).")
    if conn.execute(text("SELECT to_regclass('granska_grant')")).scalar() is None:
        raise UserError("Databasen har inga Granska-roller ännu; kör först: audit-app "
                        "--db ADRESS server init")
    return bool(found[0])


def _log(conn: Connection, actor: str, action: str, login: str, field: str,
         old: str | None, new: str | None) -> None:
    """A change-log row in the same transaction; the server adds the admin's own role.
    The session is guarded like the database's own (no personnummer in any text)."""
    maker = sessionmaker(bind=conn)
    text_guard.install(maker)
    with maker() as s:
        record_change(s, actor, action, "db_role", login, field=field, old=old, new=new)
        s.flush()


def grant_role(conn: Connection, login: str, role: str, unit: str | None, *,
               actor: str = "server") -> str:
    """Make the existing login role `login` a reviewer, manager or admin (of `unit`, or of
    every unit when None); what was done, in words."""
    group = _group(role)
    text_guard.check_text("granska_grant", "unit", unit)  # stored by plain SQL below
    can_log_in = _login_can_log_in(conn, login)
    quoted = conn.dialect.identifier_preparer.quote_identifier(login)
    conn.execute(text(f"GRANT {group} TO {quoted}"))
    conn.execute(text(
        "INSERT INTO granska_grant (role_name, unit) VALUES (:r, :u) "
        "ON CONFLICT (role_name, coalesce(unit, '')) DO NOTHING"), {"r": login, "u": unit})
    _log(conn, actor, "grant", login, "role", None, f"{group} {unit or '*'}")
    scope = f"enheten {unit}" if unit else "alla enheter"
    note = "" if can_log_in else " (obs: rollen kan inte logga in: ALTER ROLE … LOGIN)"
    return f"{login} är nu {group} för {scope}.{note}"


def held_roles(conn: Connection, login: str) -> list[str]:
    """The Granska roles `login` is a direct member of (not the ones it inherits)."""
    rows = conn.execute(text(
        "SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = :r AND g.rolname = ANY(:g) "
        "ORDER BY g.rolname"), {"r": login, "g": list(ROLES.values())})
    return [str(r) for r in rows.scalars()]


def _units(conn: Connection, login: str) -> list[str | None]:
    return list(conn.execute(text("SELECT unit FROM granska_grant WHERE role_name = :r "
                                  "ORDER BY unit NULLS FIRST"), {"r": login}).scalars())


def revoke_role(conn: Connection, login: str, role: str | None, unit: str | None, *,
                actor: str = "server") -> str:
    """Take back what `grant_role` gave: one unit (`unit`), one Granska role (`role`), or,
    with neither, every Granska role and unit of `login`; what was done, in words."""
    group = _group(role) if role is not None else None
    _login_can_log_in(conn, login)
    held = held_roles(conn, login)
    if group is not None and group not in held:
        raise UserError(f"Databasrollen '{login}' har inte rollen {group} (har: "
                        f"{', '.join(held) or 'ingen Granska-roll'}).")
    units = _units(conn, login)
    if unit is not None:
        if unit not in units:
            shown = ", ".join(u or "alla enheter" for u in units) or "inga enheter"
            raise UserError(f"Databasrollen '{login}' har ingen behörighet till enheten "
                            f"{unit} (har: {shown}).")
        conn.execute(text("DELETE FROM granska_grant WHERE role_name = :r AND unit = :u"),
                     {"r": login, "u": unit})
        _log(conn, actor, "revoke", login, "unit", unit, None)
        left = "" if len(units) > 1 else " Den ser nu inga enheter."
        return f"{login} ser inte längre enheten {unit}.{left}"
    if not held and not units:
        raise UserError(f"Databasrollen '{login}' har ingen Granska-roll att ta tillbaka.")
    taken = [group] if group is not None else held
    quoted = conn.dialect.identifier_preparer.quote_identifier(login)
    for name in taken:
        conn.execute(text(f"REVOKE {name} FROM {quoted}"))
    if not set(held) - set(taken):  # no Granska role left: its unit grants go too
        conn.execute(text("DELETE FROM granska_grant WHERE role_name = :r"), {"r": login})
    _log(conn, actor, "revoke", login, "role", ", ".join(taken) or None, None)
    if not taken:
        return f"{login} har inte längre någon behörighet till enheter."
    return f"{login} är inte längre {', '.join(taken)}."


def grants(conn: Connection) -> list[tuple[str, str | None]]:
    """(login role, unit or None for every unit), as granted."""
    rows = conn.execute(text("SELECT role_name, unit FROM granska_grant "
                             "ORDER BY role_name, unit NULLS FIRST"))
    return [(str(r[0]), r[1]) for r in rows]
