"""Roles, grants and row-level security of the shared database (`audit-app server init`)."""

from __future__ import annotations

from sqlalchemy import Connection, text

from audit_app.domain.errors import UserError

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


def grant_role(conn: Connection, login: str, role: str, unit: str | None) -> str:
    """Make the existing login role `login` a reviewer, manager or admin (of `unit`, or of
    every unit when None); what was done, in words."""
    group = ROLES.get(role)
    if group is None:
        raise UserError(f"Okänd roll '{role}'; välj reviewer, manager eller admin.")
    found = conn.execute(text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :r"),
                         {"r": login}).first()
    if found is None:
        raise UserError(f"Databasrollen '{login}' finns inte. Skapa den först på servern: "
                        f"CREATE ROLE \"{login}\" LOGIN (lösenordet sätts där, aldrig i "
                        "Granska).")
    if conn.execute(text("SELECT to_regclass('granska_grant')")).scalar() is None:
        raise UserError("Databasen har inga Granska-roller ännu; kör först: audit-app "
                        "--db ADRESS server init")
    quoted = conn.dialect.identifier_preparer.quote_identifier(login)
    conn.execute(text(f"GRANT {group} TO {quoted}"))
    conn.execute(text(
        "INSERT INTO granska_grant (role_name, unit) VALUES (:r, :u) "
        "ON CONFLICT (role_name, coalesce(unit, '')) DO NOTHING"), {"r": login, "u": unit})
    scope = f"enheten {unit}" if unit else "alla enheter"
    note = "" if found[0] else " (obs: rollen kan inte logga in: ALTER ROLE … LOGIN)"
    return f"{login} är nu {group} för {scope}.{note}"


def grants(conn: Connection) -> list[tuple[str, str | None]]:
    """(login role, unit or None for every unit), as granted."""
    rows = conn.execute(text("SELECT role_name, unit FROM granska_grant "
                             "ORDER BY role_name, unit NULLS FIRST"))
    return [(str(r[0]), r[1]) for r in rows]
