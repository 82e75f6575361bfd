"""server: row versions for reviews and answers, the database role in the change log

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0007"
branch_labels = None
depends_on = None

# On PostgreSQL the change log's db_role is set by the server itself, so no client can
# write another role's name into it.
_ROLE_FUNCTION = """
CREATE OR REPLACE FUNCTION granska_change_log_role() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.db_role := current_user;
    RETURN NEW;
END
$$
"""


def upgrade() -> None:
    for table in ("review", "answer"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                          server_default="1"))
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("db_role", sa.String(length=200), nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_ROLE_FUNCTION)
        op.execute("CREATE TRIGGER change_log_role BEFORE INSERT ON change_log "
                   "FOR EACH ROW EXECUTE FUNCTION granska_change_log_role()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS change_log_role ON change_log")
        op.execute("DROP FUNCTION IF EXISTS granska_change_log_role()")
    with op.batch_alter_table("change_log", schema=None) as batch_op:
        batch_op.drop_column("db_role")
    for table in ("answer", "review"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
