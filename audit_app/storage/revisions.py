"""The schema revisions this program knows, readable without loading SQLAlchemy or Alembic."""

from __future__ import annotations

# The migrations in migrations/versions, oldest first (a test checks this against Alembic).
# Opening a database already at the head needs no Alembic import, which keeps start-up fast.
SCHEMA_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0007", "0006", "0008", "0009", "0010")


def head_revision() -> str:
    return SCHEMA_REVISIONS[-1]
